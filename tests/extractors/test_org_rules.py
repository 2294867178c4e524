"""The organisation component's rules of what is not a named body, each on its own:
(page, the name that ends in a head, whether the rule rejects it)."""
from __future__ import annotations

import pytest

from kg.extractors.organisations import (core_too_short, determiner_or_count, firm_inside_agency,
                                         generic_core, generic_party_unit, kind_of_business,
                                         kind_of_government, level_and_head, quoted_programme,
                                         read_as_person, weak_head_without_name)
from pages import CITY, candidate

NAMED = ("东昌府区财政局召开会议。", "东昌府区财政局", False)     # a named body passes every rule


@pytest.mark.parametrize("text, name, rejected", [
    ("视频连线各防汛指挥部，部署工作。", "防汛指挥部", True),
    ("该公司此次投资十亿元。", "公司", True),
    ("全市32家商协会参加。", "家商协会", True),
    NAMED,
])
def test_determiner_or_count(text, name, rejected):
    assert determiner_or_count(candidate(text, name)) is rejected


@pytest.mark.parametrize("text, name, rejected", [
    ("白俄罗斯总统卢卡申科会见代表团。", "卢卡申科", True),
    ("聊城市人民医院骨科开诊。", "聊城市人民医院骨科", False),
    NAMED,
])
def test_read_as_person(text, name, rejected):
    assert read_as_person(candidate(text, name)) is rejected


@pytest.mark.parametrize("text, name, rejected", [
    ("“我们诊所的名声好。”", "诊所", True),
    ("个体商户、商场店铺参加。", "商场", True),
    (CITY + "市委召开会议。", "市委", False),       # a bare level: the area in context names it
    NAMED,
])
def test_core_too_short(text, name, rejected):
    assert core_too_short(candidate(text, name)) is rejected


@pytest.mark.parametrize("text, name, rejected", [
    ("相关服务部门要落实责任。", "相关服务部门", True),
    ("与68个县市区行政审批服务部门签署协议。", "县市区行政审批服务部门", True),
    ("设立基层便民服务中心。", "基层便民服务中心", True),
    ("联合镇街便民服务中心下沉服务。", "镇街便民服务中心", True),
    ("阳谷共有国家级绿色工厂6家。", "国家级绿色工厂", True),
    ("民办学校招生。", "民办学校", True),
    NAMED,
])
def test_generic_core(text, name, rejected):
    assert generic_core(candidate(text, name)) is rejected


@pytest.mark.parametrize("text, name, rejected", [
    ("推进红色物业建设。", "红色物业", True),
    ("相继成立县物业服务中心。", "县物业", True),
    ("东阿县光明物业为居民服务。", "东阿县光明物业", False),
    ("华彩传媒为居民服务。", "华彩传媒", True),          # no name beyond a place before it
    ("聊城华彩传媒交流协会成立。", "聊城华彩传媒", True),  # an industry word before more of the name
    ("感谢聊城华彩传媒。", "聊城华彩传媒", False),
    NAMED,
])
def test_weak_head_without_name(text, name, rejected):
    assert weak_head_without_name(candidate(text, name)) is rejected


@pytest.mark.parametrize("text, name, rejected", [
    ("组织召开市局局务会。", "市局", True),
    ("省厅下发通知。", "省厅", True),
    (CITY + "市委召开会议。", "市委", False),
    NAMED,
])
def test_level_and_head(text, name, rejected):
    assert level_and_head(candidate(text, name)) is rejected


@pytest.mark.parametrize("text, name, rejected", [
    ("建设法治政府是一项长期任务。", "法治政府", True),
    ("泰国政府发起了援助运动。", "泰国政府", False),
    ("聊城市人民政府召开会议。", "聊城市人民政府", False),
    (CITY + "市政府召开会议。", "市政府", False),
])
def test_kind_of_government(text, name, rejected):
    assert kind_of_government(candidate(text, name)) is rejected


@pytest.mark.parametrize("text, name, rejected", [
    ("为辖区内诊所开展培训。", "辖区内诊所", True),
    ("国内银行积极参与。", "国内银行", True),
    ("交通银行积极参与。", "交通银行", False),     # a brand made of common words
    NAMED,                                        # not a firm at all
])
def test_kind_of_business(text, name, rejected):
    assert kind_of_business(candidate(text, name)) is rejected


@pytest.mark.parametrize("text, name, rejected", [
    ("累计成立525个小区党支部。", "小区党支部", True),
    ("建立楼栋党小组50个。", "楼栋党小组", True),
    ("育新社区党委书记刘平安出席。", "育新社区党委", False),     # named by its community
    ("县财政局党组召开会议。", "县财政局党组", False),         # named by its level
])
def test_generic_party_unit(text, name, rejected):
    assert generic_party_unit(candidate(text, name)) is rejected


@pytest.mark.parametrize("text, name, rejected", [
    ("打造“家门口服务站”。", "家门口服务站", True),
    ("古楼街道家门口服务站开放。", "古楼街道家门口服务站", False),
])
def test_quoted_programme(text, name, rejected):
    assert quoted_programme(candidate(text, name)) is rejected


@pytest.mark.parametrize("text, name, rejected", [
    ("东昌府区国有资产管理公司成立。", "东昌府区国有资产管理公司", False),
    ("聊城市公路管理局工程公司承建。", "聊城市公路管理局工程公司", True),
])
def test_firm_inside_agency(text, name, rejected):
    assert firm_inside_agency(candidate(text, name, ("area", "tagger", "districts", "organisations"))) \
        is rejected
