"""Extractor components on real sentences of the genre (patterns, not memorised names)."""
from __future__ import annotations

from kg.extraction import extract_document, to_record
from kg.reader import document_from_text


def _rec(text: str) -> dict:
    return to_record(extract_document(document_from_text("t.txt", text)))


def _ents(rec, type_=None):
    return {e["name"] for e in rec["entities"] if type_ is None or e["type"] == type_}


def _posts(rec):
    return {(p["person"], p["title"]) for p in rec["posts"]}


def test_title_chain_glued_to_name_is_not_a_river():
    rec = _rec("东昌府讯7月1日，区委副书记、区长江绍华到东昌府区调研。我区干部参加。")
    assert "江绍华" in _ents(rec, "Official")
    assert {("江绍华", "区委副书记"), ("江绍华", "区长")} <= _posts(rec)
    assert "长江" not in _ents(rec)


def test_org_title_name():
    rec = _rec("本报讯（记者 王某）近日，莘县行政审批服务局局长史乃明介绍了相关情况。")
    assert "莘县行政审批服务局" in _ents(rec, "Agency")
    assert ("史乃明", "局长") in _posts(rec)
    post = next(p for p in rec["posts"] if p["person"] == "史乃明")
    assert post["org"] == "莘县行政审批服务局"


def test_several_people_after_one_title():
    rec = _rec("东昌府讯 7月1日，副市长马卫红来我区督导。副区长赵亚秋、刘兆华参加活动。")
    assert {("赵亚秋", "副区长"), ("刘兆华", "副区长"), ("马卫红", "副市长")} <= _posts(rec)


def test_company_role_makes_a_person_not_an_official():
    rec = _rec("本报讯（记者 王某）5月20日，高唐县时风运输有限公司相关负责人丁建岭说，效率提高了。")
    assert "高唐县时风运输有限公司" in _ents(rec, "Company")
    assert "丁建岭" in _ents(rec, "Person")
    assert ("丁建岭", "相关负责人") in _posts(rec)


def test_bylines_are_persons_with_roles():
    rec = _rec("■ 本报记者 邹辉\n本报通讯员 张丽媛\n政务服务关系到企业、群众的切身利益。高唐县全力打造服务品牌。")
    assert {"邹辉", "张丽媛"} <= _ents(rec, "Person")
    assert {("邹辉", "记者"), ("张丽媛", "通讯员")} <= _posts(rec)


def test_relative_short_forms_resolve_to_the_papers_area():
    rec = _rec("聊城市召开会议。本报讯（记者 王某）市委常委、宣传部部长李某某出席。市政府有关负责人参加，我市各县区参会。")
    assert "聊城市委" in _ents(rec, "Agency")
    assert "聊城市政府" in _ents(rec, "Agency")
    city = next(e for e in rec["entities"] if e["name"] == "聊城市")
    assert city["code"].startswith("3715") and "我市" in city["aliases"]


def test_district_chain_gives_located_in():
    rec = _rec("本报讯（记者 王某）5月20日，东昌府区闫寺街道凤凰集村的田长开始巡田。")
    rels = {(r["head"], r["rel"], r["tail"]) for r in rec["relations"]}
    assert ("闫寺街道", "locatedIn", "东昌府区") in rels
    assert ("凤凰集村", "locatedIn", "闫寺街道") in rels


def test_quoted_initiative_with_head_noun_and_not_quoted_speech():
    rec = _rec("本报讯（记者 王某）高唐县全力打造“高兴办”政务服务品牌。"
               "居民说：“真方便啊”。让党员“亮身份、亮职责、亮承诺”。")
    ini = next(e for e in rec["entities"] if e["name"] == "高兴办")
    assert ini["type"] == "Initiative" and "“高兴办”政务服务品牌" in ini["aliases"]
    assert "真方便啊" not in _ents(rec)
    assert "亮身份、亮职责、亮承诺" not in _ents(rec)
    rels = {(r["head"], r["rel"], r["tail"]) for r in rec["relations"]}
    assert ("高唐县", "runs", "高兴办") in rels


def test_mentions_cite_the_raw_text():
    raw = "本报讯（记者 王某）位于东昌府区柳园街道育新社区的\n家合口腔诊所负责人王法成说，很好。"
    rec = _rec(raw)
    for e in rec["entities"]:
        for m in e["mentions"]:
            assert raw[m["start"]:m["end"]].replace("\n", "") == m["text"]
    assert "家合口腔诊所" in _ents(rec, "Company")


def test_a_periodical_and_a_person_in_titles_are_entities_a_place_is_a_title_word():
    rec = _rec("据《光明日报》报道，县图书馆新到《毛泽东选集》和电影《回西藏》的光盘。")
    assert "光明日报" in _ents(rec, "Organization")
    assert "毛泽东" in _ents(rec, "Person")
    assert not {"西藏", "西藏自治区"} & _ents(rec)


def test_a_name_inside_a_longer_name_is_nested_not_a_span_of_its_own():
    """The record's `mentions` are the flat layer of names NER corpora mark: 美国 inside
    美国政府 is part of that name, kept under `nested` with the name it is read in."""
    raw = "美国政府代表团昨天抵达北京，中国政府表示欢迎。"
    rec = _rec(raw)
    by_name = {e["name"]: e for e in rec["entities"]}
    usa, gov = by_name["美国"], by_name["美国政府"]
    assert usa["mentions"] == [] and [(m["text"], m["in"]) for m in usa["nested"]] == [("美国", "美国政府")]
    assert raw[usa["nested"][0]["start"]:usa["nested"][0]["end"]] == "美国"
    assert [m["text"] for m in gov["mentions"]] == ["美国政府"] and "nested" not in gov
    assert [m["text"] for m in by_name["北京市"]["mentions"]] == ["北京"]


def test_an_areas_relative_form_is_cited_apart_from_the_flat_layer_of_names():
    """全市 and 我市 mean 聊城市 on a Liaocheng page and cite it, but no NER corpus marks
    them as names: they are under `relative`, with their offsets, not in `mentions`."""
    raw = "聊城讯 聊城市召开会议。全市上下齐努力，我市经济稳步增长。"
    city = next(e for e in _rec(raw)["entities"] if e["name"] == "聊城市")
    assert {m["text"] for m in city["mentions"]} == {"聊城", "聊城市"}
    assert [(m["text"], raw[m["start"]:m["end"]]) for m in city["relative"]] == [("全市", "全市"), ("我市", "我市")]


def test_the_flat_layer_of_a_page_holds_no_name_inside_another(seeds):
    from kg.types import PROPER_NAMES

    raw = sorted(seeds.glob("*.txt"))[0].read_text(encoding="utf-8")
    rec = _rec(raw)
    names = [(m["start"], m["end"]) for e in rec["entities"] if e["type"] in PROPER_NAMES
             for m in e["mentions"]]
    spans = [(m["start"], m["end"]) for e in rec["entities"] for m in e["mentions"]]
    assert not [(s, e) for s, e in spans for a, b in names if a <= s and e <= b and b - a > e - s]
    assert sum(len(e.get("nested", [])) for e in rec["entities"]) > 0    # the page has such names
