"""kg path: shortest chains of facts between two entities, with the evidence of each hop."""
from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from kg import UserError, load_graph
from kg.cli import main
from kg.paths import NoPath, format_paths, paths_json, shortest_paths


def _source(doc: str, start: int, quote: str) -> dict:
    return {"doc": doc, "article": f"{doc}#a0", "sentence": 0, "start": start,
            "end": start + 2, "quote": quote}


def _graph(reverse: bool = False) -> nx.MultiDiGraph:
    """甲 (区长 of 某区) and 乙 (局长 of 某局, which lies under 某区); two namesakes 张明,
    one with a post; 丙 on its own; a grid of 3 x 3 paths between p and q."""
    nodes = {"person-a": ("甲", "Official"), "person-b": ("乙", "Official"),
             "district-d": ("某区", "District"), "agency-o": ("某局", "Agency"),
             "person-z1": ("张明", "Official"), "person-z2": ("张明", "Person"),
             "person-c": ("丙", "Person"), "p": ("p", "Agency"), "q": ("q", "Agency"),
             **{f"x{i}": (f"x{i}", "Agency") for i in range(3)},
             **{f"y{i}": (f"y{i}", "Agency") for i in range(3)}}
    edges = [("person-a", "district-d", "post:区长:2022-07-04",
              {"rel": "holds", "title": "区长", "as_of": "2022-07-04",
               "sources": [_source("d2", 9, "区长甲出席。"), _source("d1", 5, "甲\u202e\x1b[31m说")]}),
             ("person-b", "agency-o", "post:局长:", {"rel": "holds", "title": "局长", "as_of": "",
                                                      "sources": [_source("d1", 20, "局长乙")]}),
             ("agency-o", "district-d", "subOrganizationOf",
              {"rel": "subOrganizationOf", "sources": [_source("d1", 30, "某区某局")]}),
             ("person-z1", "agency-o", "post:科长:", {"rel": "holds", "title": "科长", "as_of": "",
                                                       "sources": [_source("d3", 1, "科长张明")]})]
    edges += [("p", f"x{i}", "cooperatesWith", {"rel": "cooperatesWith", "sources": []})
              for i in range(3)]
    edges += [(f"x{i}", f"y{j}", "cooperatesWith", {"rel": "cooperatesWith", "sources": []})
              for i in range(3) for j in range(3)]
    edges += [(f"y{i}", "q", "cooperatesWith", {"rel": "cooperatesWith", "sources": []})
              for i in range(3)]
    g = nx.MultiDiGraph(articles={"d1#a0": {"title": "某区会议"}})
    for n in sorted(nodes, reverse=reverse):
        g.add_node(n, label=nodes[n][0], type=nodes[n][1], aliases=[], pinyin="", posts=[],
                   mentions=[])
    for u, v, k, d in (reversed(edges) if reverse else edges):
        g.add_edge(u, v, key=k, **d)
    return g


def test_the_shortest_path_lists_each_hops_facts_with_their_sources():
    r = shortest_paths(_graph(), "甲", "乙")
    assert (r.count, r.length, r.paths) == (1, 3, [["person-a", "district-d", "agency-o", "person-b"]])
    (post,) = r.hops["person-a", "district-d"]
    assert (post.head, post.rel, post.tail, post.title) == ("person-a", "holds", "district-d", "区长")
    assert [s["doc"] for s in post.sources] == ["d1", "d2"]          # earliest first
    (sub,) = r.hops["district-d", "agency-o"]                       # read against its direction
    assert (sub.head, sub.tail) == ("agency-o", "district-d")


def test_paths_are_counted_all_and_listed_up_to_the_limit_in_a_fixed_order():
    r = shortest_paths(_graph(), "p", "q", limit=4)
    assert r.count == 9 and len(r.paths) == 4 and r.length == 3
    assert r == shortest_paths(_graph(reverse=True), "p", "q", limit=4)
    assert len(shortest_paths(_graph(), "p", "q", limit=100).paths) == 9


def test_namesakes_are_listed_with_their_ids_most_connected_first():
    with pytest.raises(UserError) as e:
        shortest_paths(_graph(), "张明", "甲")
    msg = str(e.value)
    assert "2 entities are called '张明'" in msg
    assert msg.index("person-z1") < msg.index("person-z2") and "科长 of 某局" in msg
    assert shortest_paths(_graph(), "person-z1", "甲").length == 3     # an id picks one


def test_unknown_names_the_same_entity_and_no_path_are_refused():
    with pytest.raises(UserError, match="no entity called '丁'"):
        shortest_paths(_graph(), "丁", "甲")
    with pytest.raises(UserError, match="same entity"):
        shortest_paths(_graph(), "甲", "person-a")
    with pytest.raises(NoPath, match="no path between 丙 \\(person-c\\) and 甲") as e:
        shortest_paths(_graph(), "丙", "甲")
    assert e.value.exit_code == 1


def test_text_output_quotes_each_source_safely():
    g = _graph()
    text = format_paths(g, shortest_paths(g, "甲", "乙"), evidence=0)
    assert "path 1: 甲 - 某区 - 某局 - 乙" in text
    assert "甲 holds 区长 in 某区 (as of 2022-07-04)" in text and "某局 subOrganizationOf 某区" in text
    assert "d1#a0 《某区会议》, characters 5-7; 1 more source" in text
    assert "\x1b" not in text and "\u202e" not in text and "\\u202e\\x1b[31m" in text
    data = paths_json(g, shortest_paths(g, "甲", "乙"))
    assert [n["label"] for n in data["paths"][0]["nodes"]] == ["甲", "某区", "某局", "乙"]
    assert len(data["paths"][0]["hops"][0][0]["sources"]) == 2


def test_many_facts_on_a_hop_are_cut_to_the_evidence_asked_for():
    g = _graph()
    for day in range(1, 6):
        g.add_edge("person-a", "district-d", key=f"post:区长:2022-08-0{day}", rel="holds",
                   title="区长", as_of=f"2022-08-0{day}", sources=[_source("d4", day, "区长甲")])
    text = format_paths(g, shortest_paths(g, "甲", "某区"), evidence=2)
    assert text.count("甲 holds 区长 in 某区") == 2
    assert "4 more facts between 甲 and 某区 (--evidence 0 shows all)" in text


@pytest.fixture(scope="module")
def seed(seed_build):
    return str(seed_build[1]), load_graph(seed_build[1])


def test_cli_prints_a_path_of_the_seed_graph_with_its_sentences(seed):
    out, g = seed
    r = CliRunner().invoke(main, ["path", "江绍华", "张妍", out])
    assert r.exit_code == 0, r.output
    result = shortest_paths(g, "江绍华", "张妍")
    for p in result.paths:
        for u, v in zip(p, p[1:]):
            for f in result.hops[u, v][:3]:
                assert f.sources[0]["quote"] in r.stdout
                assert f"characters {f.sources[0]['start']}-{f.sources[0]['end']}" in r.stdout
    data = json.loads(CliRunner().invoke(main, ["path", "江绍华", "张妍", out, "--json"]).stdout)
    assert data["count"] == result.count and data["paths"][0]["nodes"][0]["label"] == "江绍华"


def test_cli_exits_1_without_a_path_and_2_for_an_unknown_name(seed):
    out, g = seed
    parts = sorted(nx.connected_components(g.to_undirected()), key=lambda c: (len(c), min(c)))
    a, b = min(parts[0]), min(parts[-1])
    r = CliRunner().invoke(main, ["path", a, b, out])
    assert r.exit_code == 1 and r.stderr.startswith("kg: no path between")
    r = CliRunner().invoke(main, ["path", "江绍华", "无此人", out])
    assert r.exit_code == 2 and "no entity called '无此人'" in r.stderr


def test_a_fact_of_the_division_data_says_so_instead_of_quoting_a_sentence(seed):
    out, g = seed
    head, tail = _label(g, "东昌府区"), _label(g, "聊城市")
    assert g.edges[head, tail, "locatedIn"]["derived"] == "divisions"
    r = CliRunner().invoke(main, ["path", head, tail, out])
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[-2:] == ["  东昌府区 locatedIn 聊城市", "    (from the official division data)"]
    data = json.loads(CliRunner().invoke(main, ["path", head, tail, out, "--json"]).stdout)
    assert data["paths"][0]["hops"][0][0]["derived"] == "divisions"
    read = next(d for *_, d in g.edges(data=True) if d["rel"] == "runs")     # a fact read in a sentence
    assert "derived" not in read


def _label(g: nx.MultiDiGraph, label: str) -> str:
    return next(n for n, d in g.nodes(data=True) if d["label"] == label)
