"""Standard abbreviations of Chinese government bodies, for matching names across pages.

One paper writes 市工信局, another 聊城市工业和信息化局: both are the bureau of
industry and information technology of 聊城市. These are the nationally standard
short forms of bureau, commission and federation names (generic knowledge of the
administration, not of any page). `expand` turns a body's name into its full form
so that the two writings get one identity key; it never invents a display name.
"""
from __future__ import annotations

import re

# short form -> full form of the body's name (without the area prefix)
BODY_ABBREVIATIONS: dict[str, str] = {
    "发改委": "发展和改革委员会",
    "发改局": "发展和改革局",
    "工信局": "工业和信息化局",
    "经信局": "经济和信息化局",
    "科技局": "科学技术局",
    "住建局": "住房和城乡建设局",
    "住建委": "住房和城乡建设委员会",
    "人社局": "人力资源和社会保障局",
    "市场监管局": "市场监督管理局",
    "市监局": "市场监督管理局",
    "自规局": "自然资源和规划局",
    "资规局": "自然资源和规划局",
    "文旅局": "文化和旅游局",
    "卫健委": "卫生健康委员会",
    "卫健局": "卫生健康局",
    "教体局": "教育和体育局",
    "应急局": "应急管理局",
    "医保局": "医疗保障局",
    "城管局": "城市管理局",
    "综合执法局": "综合行政执法局",
    "行政审批局": "行政审批服务局",
    "审批局": "行政审批服务局",
    "交通局": "交通运输局",
    "退役军人局": "退役军人事务局",
    "人防办": "人民防空办公室",
    "台办": "台湾事务办公室",
    "侨办": "侨务办公室",
    "外办": "外事办公室",
    "编办": "机构编制委员会办公室",
    "政法委": "政法委员会",
    "纪委": "纪律检查委员会",
    "纪检委": "纪律检查委员会",
    "中纪委": "中央纪律检查委员会",       # the Party centre's, written short as a whole
    "监委": "监察委员会",
    "人大常委会": "人民代表大会常务委员会",
    "人大": "人民代表大会常务委员会",     # 省人大 is how papers name 省人大常委会 (省委、省人大、省政府)
    "文联": "文学艺术界联合会",
    "社科联": "社会科学界联合会",
    "科协": "科学技术协会",
    "残联": "残疾人联合会",
    "妇联": "妇女联合会",
    "工商联": "工商业联合会",
}

# The Party's office of a name the government's office shares (中共中央台办 is the
# 台湾工作办公室, 国务院台办 the 台湾事务办公室: one body with two names, written apart)
PARTY_BODY_ABBREVIATIONS = {"台办": "台湾工作办公室"}

# An area's government, court and procuratorate are written with or without 人民
# (区法院 is 长安区人民法院), as the whole body name only: 政府采购中心 is another body.
PEOPLES_PREFIXED = {"政府": "人民政府", "法院": "人民法院", "检察院": "人民检察院"}

# An area's government is written 聊城市政府 or 聊城市人民政府; its Party committee
# 聊城市委 or 中共聊城市委员会.
PARTY_PREFIX = re.compile(r"^(?:中共|中国共产党)")

# Development zones: 聊城开发区 is how papers write 聊城经济技术开发区.
ZONE_FORMS: dict[str, str] = {
    "经济技术开发区": "开发区",
    "经济开发区": "开发区",
    "经开区": "开发区",
    "高新技术产业开发区": "高新区",
    "高新技术开发区": "高新区",
}

# 一中 = 第一中学 (schools are named by number in every city)
_NUMBERED_SCHOOL = re.compile(r"(?<!第)([一二三四五六七八九十]{1,3})中$")

_BODY_RE = re.compile("|".join(sorted(map(re.escape, BODY_ABBREVIATIONS), key=len, reverse=True)))
_ZONE_RE = re.compile("|".join(sorted(map(re.escape, ZONE_FORMS), key=len, reverse=True)))


def strip_party(name: str) -> tuple[str, bool]:
    """The name without a leading 中共/中国共产党, and whether it had one."""
    m = PARTY_PREFIX.match(name)
    return (name[m.end():], True) if m else (name, False)


OFFICE_SHORT, OFFICE_REST = "办", "公室"      # 办 for 办公室


def expand(body: str, party: bool = False) -> str:
    """The full form of a body's name without its area (工信局党组 -> 工业和信息化局党组);
    `party`: the name began with 中共, so a bare 委员会 is the Party committee (委)."""
    if body in PEOPLES_PREFIXED:
        return PEOPLES_PREFIXED[body]
    if party and body == "委员会":
        return "委"
    party = party or PARTY_PREFIX.match(body) is not None
    full = _BODY_RE.sub(lambda m: _full(m, party), body)
    # any office called by 办 alone (新闻办, 扫黄办): its 办公室
    return full + OFFICE_REST if full.endswith(OFFICE_SHORT) and len(full) > len(OFFICE_SHORT) + 1 else full


def _full(m: re.Match, party: bool) -> str:
    """The full form of an abbreviation (the Party's where the name is a Party body's),
    unless it is already the start of it (政法委员会)."""
    full = party and PARTY_BODY_ABBREVIATIONS.get(m.group()) or BODY_ABBREVIATIONS[m.group()]
    return m.group() if m.string.startswith(full, m.start()) else full


def zone_key(name: str) -> str:
    """One form for the ways of writing a development zone (经济技术开发区 -> 开发区)."""
    return _ZONE_RE.sub(lambda m: ZONE_FORMS[m.group()], name)


def school_key(name: str) -> str:
    """One form for numbered schools (聊城一中 and 聊城第一中学 -> 第一中学)."""
    return _NUMBERED_SCHOOL.sub(r"第\1中学", name)
