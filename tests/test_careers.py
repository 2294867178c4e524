"""Career spells on an invented three-year corpus of one county paper.

阳谷县报, 2021-2023 (all persons and events made up): the county head 李志刚 is
replaced by his deputy 赵文华 (promoted) and becomes 县委书记 after 王建国, who moves to
the city as 副市长 (a page calls him 市委常委、县委书记 first, so the two are one
person); 张强 is 县委常委、副县长 and 县公安局局长 at once; 孙丽 stays 副县长 throughout
and is also reported on an undated clipping; 刘洋 joins as 副县长 in 2023. Pages are
named by date (20210305.txt); mastheads print the date with the weekday, one prints
none (its date comes from the file name), the clipping has no date at all.
"""
from __future__ import annotations

from datetime import date, timedelta

import networkx as nx
import pytest

from kg import build
from kg.careers import Careers, holders
from kg.posts import RANKS, classify

WEEKDAYS = "一二三四五六日"


def masthead(day: date) -> str:
    return f"阳谷县报\n\n{day.year}年{day.month}月{day.day}日 星期{WEEKDAYS[day.weekday()]}\n\n"


def page(day: date | None, title: str, body: str) -> str:
    return (masthead(day) if day else "阳谷县报\n\n第1版\n\n") + f"{title}\n\n本报讯 {body}\n"


PAGES = {
    "20210305.txt": page(date(2021, 3, 5), "县委常委会召开扩大会议",
                         "3月4日，县委书记王建国主持召开县委常委会扩大会议。县委副书记、县长李志刚，"
                         "县委常委、副县长、县公安局局长张强，副县长赵文华、孙丽出席会议。\n"
                         "王建国强调，要抓好春季农业生产。"),
    "20210910.txt": page(date(2021, 9, 10), "全县秋季重点项目集中开工",
                         "9月9日，全县秋季重点项目集中开工仪式举行。县委书记王建国宣布开工，"
                         "县委副书记、县长李志刚主持仪式。副县长孙丽参加。"),
    # no date printed: the file name gives it
    "20220114.txt": page(None, "全县经济工作会议召开",
                         "1月13日，全县经济工作会议召开。县委书记王建国出席并讲话，县委副书记、县长李志刚"
                         "作工作报告。副县长赵文华参加会议。"),
    "20220415.txt": page(date(2022, 4, 15), "市委常委、县委书记王建国调研乡村振兴",
                         "4月14日，市委常委、县委书记王建国到阳谷县张秋镇调研乡村振兴工作。县委副书记、"
                         "县长李志刚，副县长赵文华陪同。\n张秋镇党委书记周海峰汇报了工作。"),
    "20220708.txt": page(date(2022, 7, 8), "全县重点项目观摩会召开",
                         "7月7日，县委书记李志刚带队观摩全县重点项目。县委副书记、县长赵文华，县委常委、"
                         "副县长、县公安局局长张强，副县长孙丽参加。\n李志刚指出，要加快项目建设进度。"),
    "20221104.txt": page(date(2022, 11, 4), "市委常委、副市长王建国来我县调研",
                         "11月3日，市委常委、副市长王建国来我县调研工业经济运行情况。县委书记李志刚，"
                         "县委副书记、县长赵文华陪同。"),
    "20230310.txt": page(date(2023, 3, 10), "县政府召开全体会议",
                         "3月9日，县政府召开全体会议。县委副书记、县长赵文华主持会议。县委常委、副县长、"
                         "县公安局局长张强，副县长孙丽出席。"),
    "20230616.txt": page(date(2023, 6, 16), "全县安全生产工作会议召开",
                         "6月15日，全县安全生产工作会议召开。县委书记李志刚出席并讲话，县委副书记、县长"
                         "赵文华主持会议。副县长孙丽、刘洋参加。"),
    # a clipping: no date anywhere but the dateline's month and day
    "clipping.txt": "阳谷县报\n\n春季植树活动举行\n\n本报讯 5月20日，全县春季义务植树活动举行。副县长孙丽参加植树。\n",
}


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    """The build of the county corpus: (graph, output folder)."""
    root = tmp_path_factory.mktemp("county")
    for name, text in PAGES.items():
        (root / "pages" / name).parent.mkdir(exist_ok=True)
        (root / "pages" / name).write_text(text, encoding="utf-8")
    result = build([root / "pages"], root / "out", workers=1)
    return result.graph, root / "out"


@pytest.fixture(scope="module")
def careers(county) -> Careers:
    return Careers(county[0])


def node(g: nx.MultiDiGraph, label: str, type_: str | None = None) -> str:
    found = [n for n, d in g.nodes(data=True) if d["label"] == label and (type_ is None or d["type"] == type_)]
    assert len(found) == 1, (label, found)
    return found[0]


def spell(c: Careers, person: str, title: str):
    found = [s for s in c.by_person[node(c.g, person)] if s.title == title]
    assert len(found) == 1, (person, title, found)
    return found[0]


def names(g: nx.MultiDiGraph, ids) -> list[str]:
    return [g.nodes[i]["label"] for i in ids]


def test_issue_dates_come_from_the_masthead_with_its_weekday_or_the_file_name(county):
    docs = county[0].graph["documents"]
    assert docs["20210305.txt"]["date"] == "2021-03-05" and docs["20210305.txt"]["date_source"] == "masthead"
    assert docs["20220114.txt"]["date"] == "2022-01-14" and docs["20220114.txt"]["date_source"] == "file name"
    assert docs["clipping.txt"]["date"] is None


def test_a_spell_gathers_the_reports_of_one_post(careers):
    sun = spell(careers, "孙丽", "副县长")
    assert (sun.first, sun.last, sun.reports) == ("2021-03-04", "2023-06-15", 6)
    # the clipping's date has no year: counted and cited, but it places nothing in time
    assert sun.dates[-1] == "--05-20" and sun.full[-1] == "2023-06-15"
    assert "clipping.txt#a0" in sun.sources
    head = spell(careers, "李志刚", "县长")
    assert (head.first, head.last, head.reports) == ("2021-03-04", "2022-04-14", 4)
    assert head.sources == ["20210305.txt#a0", "20210910.txt#a0", "20220114.txt#a0", "20220415.txt#a0"]


def test_posts_held_at_once_are_concurrent(careers):
    zhang = {s.title: s for s in careers.by_person[node(careers.g, "张强")]}
    assert set(zhang) == {"县委常委", "副县长", "局长"}
    for title, s in zhang.items():
        assert {c.title for c in s.concurrent} == set(zhang) - {title}
    wang = {s.title: s for s in careers.by_person[node(careers.g, "王建国")]}
    assert {c.title for c in wang["县委书记"].concurrent} == {"市委常委"}   # not the later 副市长


def test_successors_follow_a_change_of_holder_at_a_later_date(careers):
    g = careers.g
    assert names(g, [s.person for s in spell(careers, "李志刚", "县长").successors]) == ["赵文华"]
    assert names(g, [s.person for s in spell(careers, "赵文华", "县长").predecessors]) == ["李志刚"]
    assert names(g, [s.person for s in spell(careers, "王建国", "县委书记").successors]) == ["李志刚"]
    # several hold 副县长 at once: a new deputy succeeds nobody
    assert not spell(careers, "刘洋", "副县长").predecessors
    assert not spell(careers, "孙丽", "副县长").successors


def test_rank_class_and_line_come_from_the_title_and_the_level_of_the_body(careers):
    def info(person, title):
        s = spell(careers, person, title)
        return s.info.post_class, s.info.rank, s.info.line, s.where.area_name, s.where.level
    assert info("赵文华", "县长") == ("government_head", "正处级", "government", "阳谷县", "county")
    assert info("孙丽", "副县长") == ("deputy_government_head", "副处级", "government", "阳谷县", "county")
    assert info("张强", "局长") == ("department_head", "正科级", "government", "阳谷县", "county")
    assert info("张强", "县委常委") == ("standing_committee_member", "副处级", "party", "阳谷县", "county")
    assert info("王建国", "市委常委") == ("standing_committee_member", "副厅级", "party", "聊城市", "city")
    assert info("周海峰", "书记") == ("party_secretary", "正科级", "party", "张秋镇", "township")
    # 副市长 on a county paper, printed without its city: the city above the county
    assert info("王建国", "副市长") == ("deputy_government_head", "副厅级", "government", "聊城市", "city")
    assert spell(careers, "王建国", "副市长").where.placed


def test_holders_on_a_date(county, careers):
    g = county[0]
    yanggu = node(g, "阳谷县", "District")

    def held(title, on):
        return set(names(g, holders(g, yanggu, title, on)))
    assert held("县长", "2021-03-03") == set()
    assert held("县长", "2022-05-01") == {"李志刚"}
    assert held("县长", "2022-08-01") == {"赵文华"}
    # every deputy at once; a deputy promoted to 县长 is a deputy no more
    assert held("副县长", "2022-05-01") == {"赵文华", "孙丽", "张强"}
    assert held("副县长", "2022-08-01") == {"孙丽", "张强"}
    assert held("副县长", "2023-07-01") == {"孙丽", "张强", "刘洋"}
    committee = node(g, "阳谷县委")
    assert set(names(g, holders(g, committee, "县委书记", "2022-12-31"))) == {"李志刚"}


def test_the_deputies_of_a_seed_district_all_hold_their_title(seed_build):
    g = seed_build[0].graph
    district = node(g, "东昌府区", "District")
    assert set(names(g, holders(g, district, "副区长", "2022-07-05"))) == {"赵亚秋", "刘兆华", "梅永杰", "张妍"}
    assert names(g, holders(g, district, "区长", "2022-07-05")) == ["江绍华"]


def test_two_holders_reported_on_one_day_make_no_successor():
    g = nx.MultiDiGraph()
    g.graph["documents"] = {"a.txt": {"area": "东昌府区"}, "b.txt": {"area": "东昌府区"}}
    g.add_node("d", label="东昌府区", type="District", code="371502000000", posts=[])
    for person, doc, day in (("p1", "a.txt", "2022-07-04"), ("p2", "b.txt", "2022-07-04"),
                             ("p3", "b.txt", "2022-09-01")):
        g.add_node(person, label=person, type="Official", posts=[])
        g.add_edge(person, "d", key=f"post:区长:{day}", rel="holds", title="区长", as_of=day,
                   sources=[{"doc": doc, "article": f"{doc}#a0", "start": 0, "end": 2, "quote": ""}])
    c = Careers(g)
    by = {s.person: s for s in c.spells}
    # p1 and p2, reported the same day, do not follow each other; p3, later, follows both
    assert [s.person for s in by["p1"].successors] == [s.person for s in by["p2"].successors] == ["p3"]
    assert not by["p1"].predecessors and not by["p2"].predecessors
    assert holders(g, "d", "区长", "2022-08-01") == ["p1", "p2"]     # conflicting reports: both
    assert holders(g, "d", "区长", "2022-09-01") == ["p3"]


def test_coworkers_share_a_body_at_overlapping_times(county, careers):
    g = county[0]
    ties = {(frozenset(names(g, (a, b))), g.nodes[o]["label"]): (f, t) for a, b, o, f, t in careers.coworkers()}
    assert ties[(frozenset({"孙丽", "张强"}), "阳谷县")] == ("2021-03-04", "2023-03-09")
    assert (frozenset({"李志刚", "赵文华"}), "阳谷县") in ties     # 县长 and his deputy
    assert (frozenset({"刘洋", "李志刚"}), "阳谷县") not in ties   # 李志刚 left the government first


def test_the_rank_table_uses_the_eight_ranks():
    assert RANKS == ("正部级", "副部级", "正厅级", "副厅级", "正处级", "副处级", "正科级", "副科级")
    assert classify("区长", "area", "county").rank == "正处级"
    assert classify("区长", "area", "").rank == ""                 # level unknown: no rank
    assert classify("书记", "village", "township").post_class == "village_secretary"


def test_the_documented_tables_are_the_code_tables():
    from pathlib import Path

    from kg.posts import markdown
    doc = (Path(__file__).resolve().parent.parent / "docs" / "careers.md").read_text(encoding="utf-8")
    start = doc.index("<!-- tables: python -m kg.posts -->\n") + len("<!-- tables: python -m kg.posts -->\n")
    assert doc[start:doc.index("<!-- end of tables -->")] == markdown(), \
        "docs/careers.md is out of date: paste in what `python -m kg.posts` prints"


# -- exports ---------------------------------------------------------------------------

def _rows(data: bytes) -> list[dict]:
    import csv
    import io
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_spells_table(county):
    from kg import export
    g = county[0]
    rows = _rows(export(g, "spells"))
    assert list(rows[0]) == ["person_id", "person", "pinyin", "title", "post_class", "rank", "line",
                             "organisation", "organisation_id", "area", "area_code", "placed",
                             "first_reported", "last_reported", "reports", "concurrent", "predecessors",
                             "predecessor_ids", "successors", "successor_ids", "sources"]
    by = {(r["person"], r["title"]): r for r in rows}
    head = by[("李志刚", "县长")]
    assert (head["pinyin"], head["post_class"], head["rank"], head["line"]) == \
        ("li zhi gang", "government_head", "正处级", "government")
    assert (head["organisation"], head["area"], head["area_code"]) == ("阳谷县", "阳谷县", "371521000000")
    assert (head["first_reported"], head["last_reported"], head["reports"]) == ("2021-03-04", "2022-04-14", "4")
    assert head["successors"] == "赵文华" and head["successor_ids"] == node(g, "赵文华")
    assert head["concurrent"] == "县委副书记@阳谷县委"
    assert by[("赵文华", "县长")]["predecessors"] == "李志刚"
    assert by[("张强", "局长")]["concurrent"] == "副县长@阳谷县|县委常委@阳谷县委"
    assert by[("孙丽", "副县长")]["sources"].split("|")[-1] == "clipping.txt#a0"
    assert by[("刘洋", "副县长")]["placed"] == "yes" and by[("孙丽", "副县长")]["placed"] == ""
    assert all(g.nodes[r["person_id"]]["type"] == "Official" for r in rows)


def test_spells_leave_reporters_out_unless_asked(seed_build):
    from click.testing import CliRunner

    from kg import export
    from kg.cli import main
    g = seed_build[0].graph
    officials = _rows(export(g, "spells"))
    r = CliRunner().invoke(main, ["export", str(seed_build[1]), "--format", "spells", "--all-persons"])
    assert r.exit_code == 0, r.output
    everyone = _rows(r.stdout_bytes)
    assert "记者" not in {r["title"] for r in officials} and "记者" in {r["title"] for r in everyone}
    # a spell whose reports give no year shows them as they are (kept as text in a spreadsheet)
    liu = [r for r in officials if r["person"] == "柳庆发" and r["title"] == "市委常委"]
    assert [(r["first_reported"], r["last_reported"]) for r in liu] == [("'--05-21", "'--09-19")]


def test_panel_has_a_row_per_area_year_and_leading_post(county):
    from kg import export
    rows = _rows(export(county[0], "panel"))
    got = [(r["code"], r["year"], r["post"], r["persons"]) for r in rows]
    assert got == [("371521000000", "2021", "书记", "王建国"), ("371521000000", "2021", "县长", "李志刚"),
                   ("371521000000", "2022", "书记", "王建国|李志刚"), ("371521000000", "2022", "县长", "李志刚|赵文华"),
                   ("371521000000", "2023", "书记", "李志刚"), ("371521000000", "2023", "县长", "赵文华")]
    assert rows[3]["reported"] == "2021-03-04..2022-04-14|2022-07-07..2023-06-15"
    assert rows[3]["level"] == "county" and rows[0]["area"] == "阳谷县"
    assert rows[0]["reports"] == "2"        # 2021's two articles that report the 书记


def test_popolo(county):
    import json
    import re

    from kg import export
    g = county[0]
    doc = json.loads(export(g, "popolo"))
    assert set(doc) == {"persons", "organizations", "areas", "memberships"}
    persons = {p["id"]: p for p in doc["persons"]}
    orgs = {o["id"]: o for o in doc["organizations"]}
    areas = {a["id"]: a for a in doc["areas"]}
    for m in doc["memberships"]:
        assert m["person_id"] in persons
        assert m.get("organization_id") is None or m["organization_id"] in orgs
        assert m.get("area_id") is None or m["area_id"] in areas
        for key in ("start_date", "end_date"):
            assert key not in m or re.fullmatch(r"[0-9]{4}(-[0-9]{2}){0,2}", m[key])
        assert m["sources"] and all(s["url"].startswith("https://") and s["note"] for s in m["sources"])
    zhao = node(g, "赵文华")
    head = next(m for m in doc["memberships"] if m["person_id"] == zhao and m["role"] == "县长")
    assert (head["start_date"], head["end_date"], head["rank"]) == ("2022-07-07", "2023-06-15", "正处级")
    assert orgs[head["organization_id"]]["name"] == "阳谷县"
    assert areas[head["area_id"]]["identifiers"] == [{"scheme": "GB/T 2260", "identifier": "371521000000"}]
    sun = next(m for m in doc["memberships"] if persons[m["person_id"]]["name"] == "孙丽")
    assert sun["end_date"] == "2023-06-15" and sun["reported"][-1] == "--05-20"
    assert {"name": "zhao wen hua", "note": "pinyin"} in persons[zhao]["other_names"]
    assert export(g, "popolo") == export(g, "popolo")


# -- RDF and SPARQL --------------------------------------------------------------------

QUERIES = __import__("pathlib").Path(__file__).resolve().parent.parent / "ontology" / "queries"


@pytest.fixture(scope="module")
def stores(county):
    from kg.query import load
    return {e: load(county[1], e) for e in ("oxigraph", "rdflib")}


def sparql(stores, query: str, **bindings: str) -> list[dict[str, str]]:
    """Rows of an example query on the county build; both engines must agree."""
    from kg.query import bind_params, run
    text = bind_params((QUERIES / f"{query}.rq").read_text(encoding="utf-8"), bindings)
    results = {e: run(data, text) for e, data in stores.items()}
    rows = {e: sorted(tuple(t.value if t else None for t in row) for row in r.rows) for e, r in results.items()}
    assert rows["oxigraph"] == rows["rdflib"], query
    res = results["oxigraph"]
    return [{v: t.value for v, t in zip(res.variables, row) if t is not None} for row in res.rows]


def test_the_holder_query_answers_as_holders_does(county, careers, stores):
    g = county[0]
    base = "https://w3id.org/kg-localgov/id/"
    # answers change only on the day a spell is first reported: that day, the day before, and the ends
    firsts = sorted({s.full[0] for s in careers.spells if s.full})
    days = ["2021-01-01", *firsts, *((date.fromisoformat(d) - timedelta(days=1)).isoformat() for d in firsts),
            "2024-01-01"]
    posts = {(title, org) for title, org in careers.by_post
             if sum(d["label"] == g.nodes[org]["label"] for _, d in g.nodes(data=True)) == 1}
    assert ("县长", node(g, "阳谷县", "District")) in posts and len(posts) >= 8
    for title, org in sorted(posts):
        for day in days:
            rows = sparql(stores, "title_holder_as_of", title=title, organization=g.nodes[org]["label"], date=day)
            assert sorted(r["member"].removeprefix(base) for r in rows) == holders(g, org, title, day), \
                (title, g.nodes[org]["label"], day)


def test_the_coworker_query_finds_the_coworkers_of_careers(careers, stores):
    base = "https://w3id.org/kg-localgov/id/"
    rows = sparql(stores, "coworkers")
    got = {(r["personId"].removeprefix(base), r["coworkerId"].removeprefix(base),
            r["organizationId"].removeprefix(base)) for r in rows}
    assert got == {(a, b, o) for a, b, o, _, _ in careers.coworkers()}
    assert ("孙丽", "刘洋", "阳谷县") in {(r["person"], r["coworker"], r["organization"]) for r in rows}


def test_queries_of_a_career_and_of_moves_between_areas(stores):
    career = {r["title"]: r for r in sparql(stores, "career_of_person", name="王建国")}
    assert set(career) == {"县委书记", "市委常委", "副市长"}
    assert career["县委书记"]["successors"] == "李志刚" and career["县委书记"]["rank"] == "正处级"
    assert (career["副市长"]["area"], career["副市长"]["areaCode"]) == ("聊城市", "371500000000")
    moves = [(r["person"], r["fromTitle"], r["fromArea"], r["lastReported"], r["toTitle"], r["toArea"],
              r["firstReported"]) for r in sparql(stores, "moved_between_areas")]
    assert moves == [("王建国", "县委书记", "阳谷县", "2022-04-14", "副市长", "聊城市", "2022-11-03")]


def test_the_county_build_conforms_to_the_shapes(county):
    import rdflib
    from pyshacl import validate
    root = QUERIES.parent
    data = rdflib.Graph().parse(county[1] / "graph.ttl", format="turtle")
    conforms, _, text = validate(data, shacl_graph=rdflib.Graph().parse(root / "shapes.ttl", format="turtle"))
    assert conforms, text


# -- the explorer ----------------------------------------------------------------------

def test_the_explorer_lists_a_persons_spells_with_their_dates(county, seed_build):
    from kg.html import payload
    data = {n["label"]: n for n in payload(county[0])["nodes"]}
    sun = data["孙丽"]["spells"]
    assert [(s["title"], s["range"], s["reports"], s["rank"]) for s in sun] == \
        [("副县长", "2021-03-04 – 2023-06-15", 6, "副处级")]
    assert data["刘洋"]["spells"][0]["placed"] and data["阳谷县"]["spells"] == []
    seeds = {n["label"]: n for n in payload(seed_build[0].graph)["nodes"]}
    liu = {s["title"]: s["range"] for s in seeds["柳庆发"]["spells"]}
    assert liu["市委常委"] == "5月21日 (year unknown) – 9月19日 (year unknown)"
