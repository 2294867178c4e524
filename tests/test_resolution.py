"""Entity resolution across pages: one node per real thing, homonyms apart, stable ids.

The corpus is the seed pages plus invented pages in the genre: the same officials on
several pages under short and long forms, and two people (and two streets) of one
name in different counties. All person and company names here are made up.
"""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from kg import build
from kg.abbreviations import expand, school_key, zone_key
from kg.extraction import extract_document, to_record
from kg.careers import holders
from kg.graph import posts_over_time
from kg.model import (DocEntity, DocExtraction, Document, Masthead, Mention, PostMention,
                      Evidence, RelationMention)
from kg.reader import document_from_text
from kg.resolve import resolve_corpus

PAGES = {
    # a city paper: the bureau under its full name, a company under its full name
    "a_city_0301.txt": """聊城日报

2023年3月1日

市工信局调研企业

本报讯（记者 周晓燕）2月28日，聊城市工业和信息化局局长孙立新到企业调研。副市长王红梅参加。\
孙立新说，要推动企业转型升级。聊城开发区将与恒泰建设集团有限公司签约。
""",
    # a district paper: the same bureau abbreviated, the company by its short form
    "b_dcf_0602.txt": """东昌府讯

2023年6月2日

督导项目建设

东昌府讯 6月1日，市工信局局长孙立新来我区督导项目建设。区委副书记、区长钱卫东参加。\
恒泰集团副总裁李国华参加活动。区长钱卫东表示，全区将全力服务企业发展。
""",
    # the same district three months on: 钱卫东 now 区委书记; a 张明 who is 副区长 here
    "c_dcf_0910.txt": """东昌府讯

2023年9月10日

推进网格化治理

东昌府讯 9月9日，区委书记钱卫东到东昌府区清河街道调研网格化治理。副区长张明参加。张明表示，将做好服务保障。
""",
    # another county: another 张明 (a police chief) and another 清河街道
    "d_gx_0911.txt": """冠县日报

2023年9月11日

开展平安建设

本报讯（记者 刘小雨）9月10日，冠县公安局局长张明到冠县清河街道检查平安建设。张明说，要守护群众平安。
""",
}
# pages added later: a city page that only says 开发区 (in a 聊城 paper, 聊城开发区), and an
# earlier page, first in file order, with a third 张明 in a third county
LATER = {"e_city_1020.txt": """聊城日报

2023年10月20日

开发区招商引资

本报讯（记者 周晓燕）10月19日，开发区举行招商引资签约仪式。副市长王红梅出席。
""",
         "0_sx_0105.txt": """莘县日报

2023年1月5日

部署安全生产

本报讯（记者 刘小雨）1月4日，莘县应急管理局局长张明到莘县化工产业园检查安全生产。张明说，要压实企业主体责任。
"""}


def _write(folder: Path, pages: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, seeds) -> list[Path]:
    """Seed pages and the invented pages, as one list of files."""
    root = tmp_path_factory.mktemp("resolution")
    shutil.copytree(seeds, root / "seeds", ignore=shutil.ignore_patterns("*.py"))
    _write(root / "pages", {**PAGES, **LATER})
    return sorted(root.rglob("*.txt"))


@pytest.fixture(scope="module")
def graph(corpus):
    return build(corpus, None).graph


def _nodes(g, label: str, type_: str | None = None) -> list[str]:
    return sorted(n for n, d in g.nodes(data=True)
                  if d["label"] == label and (type_ is None or d["type"] == type_))


def _one(g, label: str, type_: str | None = None) -> str:
    found = _nodes(g, label, type_)
    assert len(found) == 1, (label, found)
    return found[0]


def _docs(g, node: str) -> set[str]:
    return {m["doc"] for m in g.nodes[node]["mentions"]}


def _holds(g, person: str) -> set[tuple[str, str]]:
    return {(p["title"], p["org_label"]) for p in posts_over_time(g, person)}


def test_abbreviated_and_full_bureau_names_are_one_agency(graph):
    bureau = _one(graph, "聊城市工业和信息化局", "Agency")
    assert {"a_city_0301.txt", "b_dcf_0602.txt"} <= _docs(graph, bureau)
    assert {"市工信局", "聊城市工信局"} <= set(graph.nodes[bureau]["aliases"])
    assert not _nodes(graph, "聊城市工信局")


def test_an_official_on_several_pages_is_one_node_with_posts_over_time(graph):
    sun = _one(graph, "孙立新")
    assert {"a_city_0301.txt", "b_dcf_0602.txt"} <= _docs(graph, sun)
    assert _holds(graph, sun) == {("局长", "聊城市工业和信息化局")}
    qian = _one(graph, "钱卫东", "Official")
    career = [(p["as_of"], p["title"]) for p in posts_over_time(graph, qian)]
    assert ("2023-06-01", "区长") in career and ("2023-09-09", "区委书记") in career
    assert career == sorted(career)


def test_who_held_a_post_as_of_a_date(graph):
    district = _one(graph, "东昌府区", "District")
    qian = _one(graph, "钱卫东")
    jiang = _one(graph, "江绍华")          # 区长 in a seed article of 2022-07-04
    assert holders(graph, district, "区长", "2023-07-01") == [qian]
    assert holders(graph, district, "区长", "2023-05-01") == [jiang]
    assert holders(graph, district, "区长", "2022-07-03") == []


def test_officials_of_one_name_in_different_counties_stay_apart(graph):
    zhang = _nodes(graph, "张明")
    assert len(zhang) == 3
    assert {frozenset(_holds(graph, z)) for z in zhang} == {
        frozenset({("副区长", "东昌府区")}), frozenset({("局长", "冠县公安局")}),
        frozenset({("局长", "莘县应急管理局")})}


def test_streets_of_one_name_in_different_districts_stay_apart(graph):
    streets = _nodes(graph, "清河街道", "District")
    assert len(streets) == 2
    assert {frozenset(_docs(graph, s)) for s in streets} == {
        frozenset({"c_dcf_0910.txt"}), frozenset({"d_gx_0911.txt"})}


def test_a_company_short_form_joins_its_full_name(graph):
    group = _one(graph, "恒泰建设集团有限公司", "Company")
    assert "恒泰集团" in graph.nodes[group]["aliases"]
    li = _one(graph, "李国华")
    assert ("副总裁", "恒泰建设集团有限公司") in _holds(graph, li)


def test_a_bare_zone_in_a_city_paper_is_that_citys_zone(graph):
    zone = _one(graph, "聊城开发区", "District")
    assert {"a_city_0301.txt", "e_city_1020.txt"} <= _docs(graph, zone)
    assert "开发区" in graph.nodes[zone]["aliases"]


def test_bylines_of_one_paper_are_one_reporter(graph):
    assert {"a_city_0301.txt", "e_city_1020.txt"} <= _docs(graph, _one(graph, "周晓燕"))


def test_districts_link_to_their_parents_and_agencies_to_their_area(graph):
    def edge(h: str, rel: str, t: str) -> bool:
        return any(d["rel"] == rel for d in graph.get_edge_data(h, t, default={}).values())

    dcf, city, prov = (_one(graph, n, "District") for n in ("东昌府区", "聊城市", "山东省"))
    assert edge(dcf, "locatedIn", city) and edge(city, "locatedIn", prov)
    assert edge(_one(graph, "冠县公安局"), "subOrganizationOf", _one(graph, "冠县", "District"))


def test_ids_do_not_depend_on_input_order_or_workers(corpus, graph):
    shuffled = list(corpus)
    random.Random(7).shuffle(shuffled)
    other = build(shuffled, None, workers=2).graph
    assert sorted(other.nodes) == sorted(graph.nodes)
    assert sorted(other.edges(keys=True)) == sorted(graph.edges(keys=True))


def test_new_pages_change_no_existing_id(corpus, graph):
    """Not even a page that comes first and names a namesake (ids once took the
    first-seen person's bare name)."""
    before = build([p for p in corpus if p.name not in LATER], None).graph
    assert set(before.nodes) <= set(graph.nodes)


def test_the_seeds_have_no_duplicate_across_their_pages(seed_build):
    result, _ = seed_build
    labels = [(d["type"], d["label"]) for _, d in result.graph.nodes(data=True)]
    assert len(labels) == len(set(labels))


# ---- the rules on hand-made document extractions ------------------------------------

def _doc(doc_id: str, area: str, entities: list[tuple[str, str]], posts=(), relations=(),
         codes: dict[str, str] | None = None) -> DocExtraction:
    """A document extraction with one mention per entity, read in a paper of `area`."""
    text = "。".join(n for n, _ in entities)
    ents, pos = [], 0
    for name, type_ in entities:
        ents.append(DocEntity(name, type_, [], [Mention(name, type_, pos, pos + len(name))],
                              (codes or {}).get(name)))
        pos += len(name) + 1
    ev = Evidence(0, 0, 0, 1)
    return DocExtraction(
        document=Document(doc_id, doc_id, text, text, list(range(len(text) + 1))),
        masthead=Masthead(area=area), articles=[], entities=ents,
        posts=[PostMention(p, t, o, ev) for p, t, o in posts],
        relations=[RelationMention(h, r, t, ev) for h, r, t in relations])


def _names(entities) -> list[tuple[str, ...]]:
    """Each node as the sorted tuple of its surface forms."""
    return sorted(tuple(sorted(e.aliases | {e.name})) for e in entities.values())


def test_a_province_prefixed_company_and_its_bare_name_are_one():
    ents, _, _ = resolve_corpus([_doc("x.txt", "聊城市", [("山东晨阳纸业", "Company")]),
                                 _doc("y.txt", "聊城市", [("晨阳纸业", "Company")])])
    assert _names(ents) == [("山东晨阳纸业", "晨阳纸业")]


def test_a_short_company_name_shared_by_two_companies_stays_alone():
    ents, _, _ = resolve_corpus([_doc("x.txt", "聊城市", [("华岳科技有限公司", "Company")]),
                                 _doc("y.txt", "聊城市", [("华岳实业有限公司", "Company")]),
                                 _doc("z.txt", "聊城市", [("华岳", "Company")])])
    assert len(ents) == 3


def test_one_bureau_of_two_areas_is_two_agencies():
    ents, _, _ = resolve_corpus([_doc("x.txt", "聊城市", [("聊城市工信局", "Agency")]),
                                 _doc("y.txt", "山东省", [("山东省工业和信息化厅", "Agency")]),
                                 _doc("z.txt", "冠县", [("冠县工业和信息化局", "Agency")])])
    assert len(ents) == 3


def test_agencies_without_an_area_do_not_merge_across_pages():
    ents, _, _ = resolve_corpus([_doc("x.txt", "聊城市", [("楼栋党小组", "Agency")]),
                                 _doc("y.txt", "聊城市", [("楼栋党小组", "Agency")])])
    assert len(ents) == 2


def test_a_person_without_posts_joins_the_only_namesake_of_the_papers_area():
    codes = {"东昌府区": "371502000000", "冠县": "371525000000"}
    deputy = _doc("a.txt", "东昌府区", [("东昌府区", "District"), ("吴海峰", "Official")],
                  posts=[("吴海峰", "副区长", "东昌府区")], codes=codes)
    police = _doc("b.txt", "冠县", [("冠县公安局", "Agency"), ("吴海峰", "Official")],
                  posts=[("吴海峰", "局长", "冠县公安局")])
    local = _doc("c.txt", "东昌府区", [("吴海峰", "Person")])
    city = _doc("d.txt", "聊城市", [("吴海峰", "Person")])
    ents, _, _ = resolve_corpus([deputy, police, local, city])
    by_docs = sorted(sorted({d for d, _ in e.mentions}) for e in ents.values() if e.name == "吴海峰")
    assert by_docs == [["a.txt", "c.txt"], ["b.txt"], ["d.txt"]]


@pytest.mark.parametrize("text, name, alias", [
    # by the abbreviation of its head phrase
    ("本报讯（记者 王某）5月20日，莘县还创新推行“物业1234”快速反应机制，即接到业主诉求5分钟内回应。\n\n"
     "莘县创新推行物业服务“快反”机制，群众很满意。", "物业1234", "快反"),
    # by its name without its head noun
    ("本报讯（记者 王某）县审批局推出“开工即办证一件事”改革。\n\n"
     "局长说：“此次运用‘开工即办证’办理的项目已有三个。”", "开工即办证一件事", "开工即办证"),
])
def test_an_initiative_called_by_a_short_form_is_one_entity_on_a_page(text, name, alias):
    rec = to_record(extract_document(document_from_text("t.txt", text)))
    initiatives = [e for e in rec["entities"] if e["type"] == "Initiative"]
    assert [e["name"] for e in initiatives] == [name]
    assert alias in initiatives[0]["aliases"]


def test_party_committee_and_government_written_two_ways_are_one_each():
    ents, _, _ = resolve_corpus([
        _doc("x.txt", "聊城市", [("中共聊城市委员会", "Agency"), ("聊城市人民政府", "Agency")]),
        _doc("y.txt", "聊城市", [("聊城市委", "Agency"), ("聊城市政府", "Agency")])])
    assert _names(ents) == [("中共聊城市委员会", "聊城市委"), ("聊城市人民政府", "聊城市政府")]


def test_a_name_merely_starting_like_a_distant_county_is_not_placed_there():
    # 东方 is short for 东方市 (Hainan); in Shandong papers 东方红小学 is just a school name
    ents, _, _ = resolve_corpus([_doc("x.txt", "聊城市", [("东方红小学", "Organization")]),
                                 _doc("y.txt", "济南市", [("东方红小学", "Organization")])])
    assert len(ents) == 2


def test_abbreviations_expand_without_doubling_full_forms():
    assert expand("工信局党组") == "工业和信息化局党组"
    assert expand("政法委") == expand("政法委员会") == "政法委员会"
    assert expand("市场监管局") == expand("市场监督管理局")
    assert zone_key("经济技术开发区") == zone_key("开发区")
    assert school_key("一中") == school_key("第一中学") != school_key("二中")
    # the Taiwan office: the government's 台湾事务办公室, the Party's 台湾工作办公室
    assert expand("国务院台办") == expand("国务院台湾事务办公室")
    assert expand("中共中央台办") == expand("中共中央台湾工作办公室") != expand("国务院台办")
    assert expand("外办") == "外事办公室" and expand("侨办") == "侨务办公室"


def test_a_company_name_without_brand_or_area_stays_on_its_page():
    ents, _, _ = resolve_corpus([_doc("x.txt", "聊城市", [("运输有限公司", "Company")]),
                                 _doc("y.txt", "聊城市", [("运输有限公司", "Company")]),
                                 _doc("z.txt", "聊城市", [("阳谷农商银行", "Company")]),
                                 _doc("w.txt", "聊城市", [("阳谷县农商银行", "Company")])])
    assert _names(ents) == [("运输有限公司",), ("运输有限公司",), ("阳谷农商银行", "阳谷县农商银行")]


def test_a_post_in_a_bodys_party_group_anchors_to_the_body():
    lead = _doc("x.txt", "聊城市", [("聊城市工信局", "Agency"), ("郑远航", "Official")],
                posts=[("郑远航", "局长", "聊城市工信局")])
    party = _doc("y.txt", "聊城市", [("聊城市工业和信息化局党组", "Agency"), ("郑远航", "Official")],
                 posts=[("郑远航", "党组书记", "聊城市工业和信息化局党组")])
    other = _doc("z.txt", "聊城市", [("聊城市司法局党组", "Agency"), ("郑远航", "Official")],
                 posts=[("郑远航", "党组书记", "聊城市司法局党组")])
    ents, _, _ = resolve_corpus([lead, party, other])
    by_docs = sorted(sorted({d for d, _ in e.mentions}) for e in ents.values() if e.name == "郑远航")
    assert by_docs == [["x.txt", "y.txt"], ["z.txt"]]


def test_full_group_and_bare_brand_of_one_company_are_one_node():
    ents, _, _ = resolve_corpus([_doc("x.txt", "东昌府区", [("瑞丰建设集团有限公司", "Company")]),
                                 _doc("y.txt", "聊城市", [("瑞丰集团", "Company")]),
                                 _doc("z.txt", "聊城市", [("瑞丰", "Company")])])
    assert _names(ents) == [("瑞丰", "瑞丰建设集团有限公司", "瑞丰集团")]
    assert next(iter(ents.values())).name == "瑞丰建设集团有限公司"


def test_a_firm_named_inside_its_branchs_name_is_another_firm_not_a_short_form():
    """华兴银行 and 华兴银行聊城分行 are the bank and its branch: two nodes, the branch
    manager's post in the branch."""
    text = "华兴银行聊城分行行长王立明出席签约仪式。华兴银行董事长李国强表示支持。\n"
    rec = to_record(extract_document(document_from_text("t.txt", text)))
    firms = {e["name"]: set(e.get("aliases", [])) for e in rec["entities"] if e["type"] == "Company"}
    assert {"华兴银行", "华兴银行聊城分行"} <= set(firms)
    assert "华兴银行" not in firms["华兴银行聊城分行"]
    assert ("王立明", "行长", "华兴银行聊城分行") in {(p["person"], p["title"], p["org"]) for p in rec["posts"]}


def test_a_firms_short_form_is_the_firms_not_its_units():
    """步长公司 after 咸阳步长制药有限公司 and its 行政部 is the firm (the unit's name is
    longer and was tried first)."""
    text = "咸阳步长制药有限公司行政部主任吕宏强接到电话。举报咸阳步长制药有限公司冒充商标。吕宏强向步长公司董事长赵步长汇报。\n"
    rec = to_record(extract_document(document_from_text("t.txt", text)))
    firms = {e["name"]: set(e.get("aliases", [])) for e in rec["entities"] if e["type"] == "Company"}
    assert "步长公司" in firms["咸阳步长制药有限公司"] and "步长公司" not in firms["咸阳步长制药有限公司行政部"]


def test_the_youth_leagues_committee_is_not_the_partys():
    """共青团宜昌市委 and 宜昌市委 are two bodies: the League's committee is named like the
    Party's, and the Party committee's bureau is the Party committee's."""
    text = "共青团宜昌市委的干部职工自发捐款９７５元，宜昌市委机要局也捐款１０００元。\n"
    rec = to_record(extract_document(document_from_text("t.txt", text)))
    league = next(e for e in rec["entities"] if e["name"] == "共青团宜昌市委")
    assert "宜昌市委" not in league.get("aliases", [])
    rels = {(r["head"], r["rel"], r["tail"]) for r in rec["relations"]}
    assert ("宜昌市委机要局", "subOrganizationOf", "共青团宜昌市委") not in rels


def test_a_bare_ministry_is_no_short_form_of_another_countrys():
    # 美国防部 and the home 国防部 on one page are two ministries
    rec = to_record(extract_document(document_from_text(
        "t.txt", "国防部外办主任罗某出席，随访的美国防部副部长斯某姆也出席了签字仪式。")))
    assert {"国防部", "美国防部"} <= {e["name"] for e in rec["entities"] if e["type"] == "Agency"}
    # ... but a ministry of 省 (Japan's) has no namesake at home: 大藏省 is 日本大藏省
    rec = to_record(extract_document(document_from_text(
        "t.txt", "据日本大藏省今天公布的统计数字，盈余增加。大藏省认为，出口增加是主要原因。\n")))
    agencies = {e["name"]: e for e in rec["entities"] if e["type"] == "Agency"}
    assert "大藏省" not in agencies and "大藏省" in agencies["日本大藏省"]["aliases"]


def test_a_region_with_a_compass_point_before_another_is_another_region():
    """东南亚 and 南亚, 中南海 and 南海: a part or a neighbour, no short form of the other."""
    rec = to_record(extract_document(document_from_text(
        "t.txt", "金融危机从东南亚蔓延到南亚。游客参观了中南海，又去了南海。\n")))
    places = {e["name"]: e.get("aliases", []) for e in rec["entities"] if e["type"] == "Place"}
    assert {"东南亚", "南亚"} <= set(places) and "南亚" not in places["东南亚"]


def test_a_committee_written_with_its_provinces_short_form_or_its_level_twice_is_one_agency():
    """河北高邑县委 and 河北省高邑县委, 邱县县委 and 邱县委: one body, as a page writes it."""
    text = ("河北省高邑县委书记李保中\n李保中１９８９年起历任河北高邑县委常委。\n"
            "河北省邱县县委书记史增海说，邱县委抓住了机遇。\n")
    rec = to_record(extract_document(document_from_text("t.txt", text)))
    agencies = {e["name"]: e.get("aliases", []) for e in rec["entities"] if e["type"] == "Agency"}
    assert "河北高邑县委" in agencies.get("河北省高邑县委", []) and "河北高邑县委" not in agencies
    assert "邱县委" not in agencies and "河北省邱县县委" in agencies


def test_a_bureau_under_its_citys_short_form_and_a_committee_under_中共_are_one_agency_each():
    """保定公安局 is 保定市公安局 (保 is also Bulgaria's short form: no foreign prefix here,
    the one name does not end the other); 中共安徽宿州市委 is 宿州市委."""
    text = "保定公安局破获大案。保定市公安局局长关治瀛说。\n中共安徽宿州市委书记赵永生说，宿州市委高度重视。\n"
    rec = to_record(extract_document(document_from_text("t.txt", text)))
    agencies = {e["name"] for e in rec["entities"] if e["type"] == "Agency"}
    assert "保定公安局" not in agencies and "保定市公安局" in agencies
    assert "宿州市委" not in agencies and "中共安徽宿州市委" in agencies


def test_a_body_written_under_two_areas_is_one_with_its_bare_name():
    """四川绵阳富临集团 and 富临集团, 湖北省武汉市民政局 and 民政局: the areas before the name
    (a province and a city, in full or short) do not make another body."""
    text = ("四川绵阳富临集团兼并了纺织厂。富临集团是一家民营企业。\n"
            "湖北省武汉市民政局实行政务公开。有位老人到民政局打听。\n")
    rec = to_record(extract_document(document_from_text("t.txt", text)))
    bodies = {e["name"] for e in rec["entities"] if e["type"] in ("Agency", "Company")}
    assert "富临集团" not in bodies and "四川绵阳富临集团" in bodies
    assert "民政局" not in bodies and "湖北省武汉市民政局" in bodies


def test_a_school_named_under_its_citys_short_and_full_name_is_one_organization():
    """A headline's 北京某小学 and the text's 北京市某小学: the city written short or in
    full makes no second school."""
    text = "北京朝阳小学模范教师张红呼吁培养学生\n北京市朝阳小学举行了小型比赛。\n"
    rec = to_record(extract_document(document_from_text("t.txt", text)))
    orgs = {e["name"]: e.get("aliases", []) for e in rec["entities"] if e["type"] == "Organization"}
    assert list(orgs) == ["北京市朝阳小学"] and "北京朝阳小学" in orgs["北京市朝阳小学"]


def test_a_firms_shorter_form_is_matched_against_its_other_forms_too():
    """中汇公司 shortens 中汇制药公司, itself the short form of the institute's firm
    中国中医研究院中汇制药公司: a firm the page calls by one short form is also called by a
    shorter one."""
    text = ("中国中医研究院中汇制药公司总经理刘某恢介绍，中汇制药公司去年产值增长。"
            "中汇公司与美国摩托罗拉公司合作。\n")
    rec = to_record(extract_document(document_from_text("t.txt", text)))
    firms = {e["name"]: e.get("aliases", []) for e in rec["entities"] if e["type"] == "Company"}
    assert "中汇公司" not in firms and {"中汇公司", "中汇制药公司"} <= set(firms["中国中医研究院中汇制药公司"])


def test_an_institution_called_by_its_first_words_and_head_is_the_one_named_in_full():
    """纳伊夫研究所 after 纳伊夫阿拉伯安全科学研究所 is that institute; 北京大学 and
    北京师范大学 (a place's name before the head) stay two."""
    text = ("会议感谢纳伊夫阿拉伯安全科学研究所的工作。与会者对纳伊夫研究所所做的努力表示感谢。"
            "北京大学和北京师范大学的学者出席。\n")
    rec = to_record(extract_document(document_from_text("t.txt", text)))
    orgs = {e["name"]: e.get("aliases", []) for e in rec["entities"] if e["type"] == "Organization"}
    assert "纳伊夫研究所" not in orgs and "纳伊夫研究所" in orgs["纳伊夫阿拉伯安全科学研究所"]
    assert {"北京大学", "北京师范大学"} <= set(orgs)


def test_a_committee_named_by_its_level_alone_is_the_one_the_page_names_in_full():
    """南昌郊区 is no division of the data (郊区 is a word first): 区委 is the page's one
    body that ends so."""
    text = "本报讯 南昌郊区区委书记周萌说，区委高度重视农村工作。\n"
    rec = to_record(extract_document(document_from_text("t.txt", text)))
    agencies = {e["name"]: e.get("aliases", []) for e in rec["entities"] if e["type"] == "Agency"}
    assert "区委" not in agencies and "区委" in agencies.get("南昌郊区区委", [])
    # a prefecture's committee (地委) of 1998, which the data knows as today's city
    text = "本报讯 山西省运城地委组织部进行了有益的探索。１９９６年底，地委组织部坚持原则。\n"
    rec = to_record(extract_document(document_from_text("t.txt", text)))
    agencies = {e["name"]: e.get("aliases", []) for e in rec["entities"] if e["type"] == "Agency"}
    assert "地委组织部" not in agencies and "地委组织部" in agencies.get("山西省运城地委组织部", [])


def test_the_discipline_commission_written_short_is_the_one_named_in_full():
    """中央纪律检查委员会 … 中央纪委 … 中纪委: the Party's standard short forms of one body."""
    rec = to_record(extract_document(document_from_text(
        "t.txt", "中央纪律检查委员会第二次全体会议召开。中央纪委书记尉某行讲话。中纪委要求各级党委抓好落实。\n")))
    agencies = {e["name"]: e.get("aliases", []) for e in rec["entities"] if e["type"] == "Agency"}
    assert not {"中央纪委", "中纪委"} & set(agencies)
    assert {"中央纪委", "中纪委"} <= set(agencies["中央纪律检查委员会"])



def test_an_office_called_by_ban_alone_is_the_office_named_in_full():
    """国务院新闻办公室 … 国务院新闻办: one office, not its own sub-unit."""
    rec = to_record(extract_document(document_from_text(
        "t.txt", "国务院新闻办公室主任曾某徽说，合作很好。国务院新闻办今天举行招待会。\n")))
    agencies = {e["name"]: e.get("aliases", []) for e in rec["entities"] if e["type"] == "Agency"}
    assert "国务院新闻办" not in agencies and "国务院新闻办" in agencies["国务院新闻办公室"]


def test_a_japanese_name_called_by_its_surname_is_the_same_person():
    """桥本龙太郎 … 桥本: the two-character surname of a four-character name."""
    rec = to_record(extract_document(document_from_text(
        "t.txt", "日本首相桥本龙太郎在新年讲话中说，经济将复苏。桥本表示，政府将采取措施。\n")))
    persons = {e["name"]: e for e in rec["entities"] if e["type"] in ("Person", "Official")}
    assert "桥本" not in persons and "桥本" in persons["桥本龙太郎"].get("aliases", [])
    # … and by the given name after it (杉山绢子 … 绢子)
    rec = to_record(extract_document(document_from_text(
        "t.txt", "日本姑娘杉山绢子来到北京学习中文。绢子说，她很喜欢中国。\n")))
    persons = {e["name"]: e for e in rec["entities"] if e["type"] in ("Person", "Official")}
    assert "绢子" not in persons and "杉山绢子" in persons


def test_a_person_called_by_old_or_young_and_the_surname_is_the_one_named_in_full():
    """何某伟 … 老何: the familiar address by the surname, where the page names one 何."""
    rec = to_record(extract_document(document_from_text(
        "t.txt", "蔬菜研究所所长何某伟来到村里。老何说，今年的大棚菜长得好。\n")))
    persons = {e["name"]: e for e in rec["entities"] if e["type"] in ("Person", "Official")}
    assert "老何" not in persons and "老何" in persons["何某伟"].get("aliases", [])


def test_a_firm_named_after_its_country_a_group_and_its_firms_stay_apart():
    """日本银行 (the central bank) is no short form of 日本大和银行纽约分行, whose bank is
    大和银行; a group (北京城建集团) owns the firms named after it and is none of them; a
    firm's short form without its country joins it (丰田公司 -> 日本丰田公司), but two
    states' firms of one kind stay two (菲律宾航空公司, 马来西亚航空公司)."""
    text = ("日本大和银行纽约分行巨额亏损。大藏省和日本银行开始对大和银行进行调查。\n"
            "北京城建二公司的青年在北京城建集团的工地上学习。\n"
            "日本丰田公司在华投资，丰田公司的车很畅销。\n"
            "菲律宾航空公司和马来西亚航空公司订购了飞机。\n")
    rec = to_record(extract_document(document_from_text("t.txt", text)))
    aliases = {e["name"]: set(e["aliases"]) for e in rec["entities"]}
    assert "日本银行" in aliases and "大和银行" in aliases and "北京城建集团" in aliases
    assert "丰田公司" in aliases.get("日本丰田公司", set())
    assert "菲律宾航空公司" in aliases and "马来西亚航空公司" in aliases    # two states' airlines


def test_a_units_committee_called_by_the_units_head_is_one_body():
    """长沙市公安局交警支队党委 … 支队党委: the detachment's Party committee, called by the
    detachment's head, is one agency."""
    text = ("省政府授予长沙市公安局交警支队党委“先进领导班子”称号。\n"
            "“交通管理的根本出路在于科学化”，这是支队党委认定的一条硬道理。\n")
    rec = to_record(extract_document(document_from_text("t.txt", text)))
    aliases = {e["name"]: set(e["aliases"]) for e in rec["entities"]}
    assert "支队党委" in aliases.get("长沙市公安局交警支队党委", set()) and "支队党委" not in aliases
