"""The explorer page as text: self-contained, script-safe, CSP-locked; the large-graph
default view, name lookup, ego subgraphs and `kg view`. (Behaviour in a real browser:
test_browser.py.)"""
from __future__ import annotations

import base64
import hashlib
import json
import re

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.graph import to_node_link
from kg.html import (SHOWN_SOURCES, SPRING, _script_json, default_view, ego_subgraph, find_nodes, payload,
                     render, seed_layout, write_html)

EVIL = "</script><script>alert(1)</script><!--\u2028<img src=x onerror=alert(1)>"


def _graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(documents={"d.txt": {"path": "d.txt", "paper": "东昌府讯", "date": "2022-07-05"}},
                        articles={"d.txt#a0": {"title": "会见", "index": 0}})

    def node(i: str, label: str, type_: str, aliases: tuple[str, ...] = (), py: str = "") -> None:
        g.add_node(i, label=label, type=type_, aliases=list(aliases), code="", pinyin=py, posts=[],
                   mentions=[{"doc": "d.txt", "article": "d.txt#a0", "sentence": 0, "start": 0,
                              "end": 3, "text": label, "quote": f"{label}会见{EVIL}。"}])

    node("p1", "江绍华", "Official", py="jiang shao hua")
    node("p2", "江绍华", "Person", py="jiang shao hua")
    node("a1", "东昌府区人民政府", "Agency", ("区政府",), "dong chang fu qu ren min zheng fu")
    node("d1", "东昌府区", "District", py="dong chang fu qu")
    node("c1", EVIL, "Company", py="")
    src = [{"doc": "d.txt", "article": "d.txt#a0", "sentence": 0, "start": 0, "end": 3, "quote": EVIL}]
    g.add_edge("p1", "a1", key="post:区长:2022-07-05", rel="holds", title="区长", as_of="2022-07-05",
               sources=src)
    g.add_edge("a1", "d1", key="locatedIn", rel="locatedIn", sources=src)
    g.add_edge("c1", "d1", key="locatedIn", rel="locatedIn", sources=src)
    return g


def _scripts(page: str) -> list[str]:
    return re.findall(r"<script[^>]*>(.*?)</script>", page, re.S)


def _data(page: str) -> dict:
    block = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    return json.loads(block.group(1))


def test_script_json_cannot_end_its_block_and_round_trips():
    s = "".join(_script_json({"q": EVIL, "list": [EVIL, {"k": EVIL}]}))
    assert "<" not in s and ">" not in s and "\u2028" not in s
    assert json.loads(s) == {"q": EVIL, "list": [EVIL, {"k": EVIL}]}


def test_page_is_one_offline_file_with_every_node():
    g = _graph()
    page = render(g, title="t")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert not re.search(r"""url\(\s*["']?https?:|@import""", page)
    assert len(_scripts(page)) == 3 and page.count("</script>") == 3   # data, vis-network, app
    data = _data(page)
    assert [n["id"] for n in data["nodes"]] == sorted(g.nodes)
    assert len(data["edges"]) == g.number_of_edges()
    assert data["nodes"][1]["label"] == EVIL                 # text travels intact, as data
    assert "<img" not in page.replace("\\u003cimg", "")      # ...and never as markup


def test_csp_allows_exactly_the_pages_own_scripts():
    page = render(_graph())
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    csp = csp.replace("&#x27;", "'")
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    hashes = set(re.findall(r"'sha256-([^']+)'", csp))
    executable = _scripts(page)[1:]                           # the JSON block is never run
    assert hashes == {base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()
                      for s in executable}


def test_title_is_escaped_everywhere_it_appears():
    page = render(_graph(), title=EVIL)
    assert "<title>&lt;/script&gt;" in page
    assert page.count("</script") == render(_graph(), title="t").count("</script") == 3
    assert _data(page)["title"] == EVIL


def test_posts_are_edges_labelled_with_the_title_and_evidence_is_kept():
    data = payload(_graph())
    post = next(e for e in data["edges"] if e["rel"] == "holds")
    assert (post["from"], post["to"], post["title"], post["as_of"]) == ("p1", "a1", "区长", "2022-07-05")
    assert post["sources"][0]["quote"] == EVIL
    assert data["docs"]["d.txt"]["paper"] == "东昌府讯"
    assert data["articles"]["d.txt#a0"]["title"] == "会见"
    assert set(data["types"]) == {"Official", "Person", "Agency", "District", "Company"}
    assert data["rels"]["holds"]["count"] == 1


def test_page_carries_a_bounded_sample_of_sources_and_counts_them_all():
    g = _graph()
    many = [dict(g.nodes["d1"]["mentions"][0], start=i, end=i + 3) for i in range(SHOWN_SOURCES + 70)]
    g.nodes["d1"]["mentions"] = many
    g.edges["a1", "d1", "locatedIn"]["sources"] = many
    data = payload(g)
    node = next(n for n in data["nodes"] if n["id"] == "d1")
    edge = next(e for e in data["edges"] if (e["from"], e["to"]) == ("a1", "d1"))
    assert [m["start"] for m in node["mentions"]] == list(range(SHOWN_SOURCES))
    assert node["mention_count"] == edge["source_count"] == SHOWN_SOURCES + 70
    assert len(edge["sources"]) == SHOWN_SOURCES
    small = next(n for n in data["nodes"] if n["id"] == "p1")
    assert small["mention_count"] == len(small["mentions"]) == 1


def test_default_view_is_the_most_connected_part_above_max_nodes():
    g = _graph()
    assert default_view(g, None) is None
    assert default_view(g, 5) is None
    assert default_view(g, 2) == ["a1", "d1"]                 # degree 2 each; others 1 or 0
    data = payload(g, max_nodes=2)
    assert data["shown"] == ["a1", "d1"] and len(data["nodes"]) == 5   # search still has all


def test_seed_layout_places_every_node_apart_with_hops_one_spring_long():
    g = _graph()
    pos = seed_layout(g, sorted(g))
    assert set(pos) == set(g) and len(set(pos.values())) == len(pos)
    (ax, ay), (dx, dy), (cx, cy) = pos["a1"], pos["d1"], pos["c1"]    # d1 is the hub
    assert abs(((ax - dx) ** 2 + (ay - dy) ** 2) ** 0.5 - SPRING) <= 1
    assert abs(((cx - dx) ** 2 + (cy - dy) ** 2) ** 0.5 - SPRING) <= 1
    assert set(payload(g, max_nodes=2)["pos"]) == {"a1", "d1"}        # only what is shown


def test_find_nodes_by_id_label_alias_and_pinyin():
    g = _graph()
    assert find_nodes(g, "a1") == ["a1"]
    assert find_nodes(g, "江绍华") == ["p1", "p2"]             # namesakes stay two, both found
    assert find_nodes(g, "区政府") == ["a1"]
    assert find_nodes(g, "Jiang Shaohua") == ["p1", "p2"]
    assert find_nodes(g, "张三") == []


def test_ego_subgraph_follows_edges_either_way():
    g = _graph()
    assert set(ego_subgraph(g, ["p1"], 0)) == {"p1"}
    assert set(ego_subgraph(g, ["p1"], 1)) == {"p1", "a1"}
    assert set(ego_subgraph(g, ["p1"], 2)) == {"p1", "a1", "d1"}
    assert set(ego_subgraph(g, ["d1"], 1)) == {"d1", "a1", "c1"}
    assert ego_subgraph(g, ["p1"], 1).graph["documents"] == g.graph["documents"]


def test_write_html_keeps_the_pipeline_signature(tmp_path):
    write_html(_graph(), tmp_path / "g.html", title="seed")
    assert _data((tmp_path / "g.html").read_text(encoding="utf-8"))["title"] == "seed"


@pytest.fixture
def graph_dir(tmp_path):
    (tmp_path / "graph.json").write_text(json.dumps(to_node_link(_graph()), ensure_ascii=False),
                                         encoding="utf-8")
    return tmp_path


def test_kg_view_writes_the_neighbourhood_of_a_name(graph_dir, tmp_path):
    out = tmp_path / "v.html"
    r = CliRunner().invoke(main, ["view", "区政府", "--depth", "1", "-o", str(out), str(graph_dir)])
    assert r.exit_code == 0, r.output
    data = _data(out.read_text(encoding="utf-8"))
    assert {n["id"] for n in data["nodes"]} == {"a1", "p1", "d1"}
    assert data["focus"] == ["a1"]


def test_kg_view_default_output_and_graph_json_path(graph_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["view", "区政府", str(graph_dir / "graph.json")])
    assert r.exit_code == 0, r.output
    data = _data((tmp_path / "view-区政府-2.html").read_text(encoding="utf-8"))
    assert data["focus"] == ["a1"]


def test_kg_view_lists_namesakes_most_connected_first_and_opens_the_first(graph_dir, tmp_path):
    out = tmp_path / "v.html"
    r = CliRunner().invoke(main, ["view", "江绍华", "-o", str(out), str(graph_dir)])
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0] == "2 entities are called 江绍华 (most connected first):"
    assert lines[1].startswith("  *1. p1 (江绍华: Official, 区长 of 东昌府区人民政府; 1 links")
    assert lines[2].startswith("   2. p2 (江绍华: Person; 0 links")
    assert "--pick 1-2 opens another" in lines[-1]
    assert _data(out.read_text(encoding="utf-8"))["focus"] == ["p1"]
    r = CliRunner().invoke(main, ["view", "江绍华", "--pick", "2", "-o", str(out), str(graph_dir)])
    assert r.exit_code == 0 and "  *2. p2 " in r.output
    data = _data(out.read_text(encoding="utf-8"))
    assert data["focus"] == ["p2"] and [n["id"] for n in data["nodes"]] == ["p2"]
    r = CliRunner().invoke(main, ["view", "江绍华", "--pick", "3", "-o", str(out), str(graph_dir)])
    assert r.exit_code == 2 and "pick 1 to 2" in r.output


def test_kg_view_unknown_name_is_one_line_exit_2(graph_dir):
    r = CliRunner().invoke(main, ["view", "江绍", str(graph_dir)])
    assert r.exit_code == 2
    assert r.output.strip().splitlines() == ["kg: no entity called '江绍'; similar: 江绍华、江绍华"]


def test_every_source_says_where_its_span_lies_in_its_quote(seed_build):
    g = seed_build[0].graph
    for _, d in g.nodes(data=True):
        for m in d["mentions"]:
            i, j = m["in_quote"]
            assert m["quote"][i:j] == m["text"]
    # (some relations' evidence is an empty span where a clause begins: nothing to mark)
    spans = [(s["in_quote"], len(s["quote"])) for *_, d in g.edges(data=True) for s in d["sources"]]
    assert spans and all(0 <= i <= j <= n for (i, j), n in spans)
    assert sum(i < j for (i, j), _ in spans) > 0.9 * len(spans)


def test_a_post_reports_sentences_once_whether_on_its_edge_or_its_spell(seed_build):
    """A spell's report names its `holds` edge rather than carry the edge's sentences
    again; the sentences of a post read without its body are on the spell only."""
    from kg.careers import Careers, date_text

    g = seed_build[0].graph
    p = payload(g)
    spot = lambda s: (s["doc"], s["start"], s["end"])          # noqa: E731
    edges = {(e["from"], e["to"], e["title"], e["as_of"]): {spot(s) for s in e["sources"]}
             for e in p["edges"] if e["rel"] == "holds"}
    with_edge = without = 0
    for n in p["nodes"]:
        for s in n["spells"]:
            for r in s["reported"]:
                own = {spot(x) for x in r.get("sources", [])}
                if r.get("edge"):
                    with_edge += 1
                    assert not own & edges[(n["id"], s["org"], s["title"], r["as_of"])]
                else:
                    without += 1
                    assert own and len(own) == r["source_count"]
    assert with_edge and without
    # together, every report's sentences are there: the spells' evidence, no more, no less
    for s in Careers(g).spells:
        where = "" if s.org else s.where.area_name
        shown = next(x for x in next(n for n in p["nodes"] if n["id"] == s.person)["spells"]
                     if (x["title"], x["org"], x["where"]) == (s.title, s.org, where))
        for r in shown["reported"]:
            day = next(d for d in s.reported if date_text(d) == r["as_of"])
            whole = {spot(x) for x in r.get("sources", [])} | \
                (edges[(s.person, s.org, s.title, r["as_of"])] if r.get("edge") else set())
            assert whole == {spot(x) for x in s.evidence[day]}
