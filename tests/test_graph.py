"""The graph's layout read through kg.graph's accessors: what every view relies on."""
from __future__ import annotations

import networkx as nx

from kg.graph import (Src, article, document, facts, facts_between, first_source, is_kg_graph,
                      node, nodes, ups)
from kg.types import HOLDS


def _graph() -> nx.MultiDiGraph:
    src = {"doc": "b.txt", "article": "b.txt#a0", "sentence": 0, "start": 5, "end": 8, "quote": "区长李明"}
    early = {**src, "doc": "a.txt", "article": "a.txt#a1", "start": 9}
    g = nx.MultiDiGraph()
    g.graph["documents"] = {"a.txt": {"paper": None, "date": "2022-07-05", "area": "东昌府区"}}
    g.graph["articles"] = {"a.txt#a1": {"doc": "a.txt", "index": 1, "title": None, "dates": [],
                                        "bylines": [["李明", "记者"]]}}
    # a node of an older graph.json: no aliases, pinyin, code or posts
    g.add_node("p", label="李明", type="Official", mentions=[{**src, "text": "李明"}])
    g.add_node("d", label="东昌府区", type="District", aliases=["我区"], code="371502000000", pinyin="x",
               mentions=[], posts=[{"title": "区长", "as_of": "", "sources": [src]}])
    g.add_node("c", label="聊城市", type="District", mentions=[])
    g.add_edge("p", "d", key="post:区长:2022-07-05", rel=HOLDS, title="区长", as_of="2022-07-05",
               sources=[src, early])
    g.add_edge("d", "c", key="locatedIn", rel="locatedIn", sources=[], derived="divisions")
    return g


def test_absent_attributes_read_as_the_layout_defaults():
    p = node(_graph(), "p")
    assert (p.label, p.type, p.aliases, p.code, p.pinyin, p.posts, p.curated) == \
        ("李明", "Official", [], "", "", [], [])
    assert Src(p.mentions[0]).text == "李明" and Src(p.mentions[0]).curated is None


def test_a_post_without_a_body_is_a_fact_like_a_post_edge():
    g = _graph()
    held = node(g, "d").posts[0]
    assert (held.head, held.tail, held.rel, held.is_post, held.title) == ("d", None, HOLDS, True, "区长")
    edge = facts_between(g, "p", "d")[0]
    assert edge.is_post and (edge.title, edge.as_of, edge.derived) == ("区长", "2022-07-05", "")
    located = facts_between(g, "d", "c")[0]
    assert (located.rel, located.is_post, located.title, located.derived) == ("locatedIn", False, "", "divisions")
    assert sorted(f.rel for f in facts(g)) == [HOLDS, "locatedIn"]
    assert [n.id for n in nodes(g)] == ["p", "d", "c"] and ups(g, "d", ("locatedIn",)) == ["c"]


def test_the_first_source_is_the_earliest_in_reading_order():
    g = _graph()
    assert first_source(facts_between(g, "p", "d")[0].sources).doc == "a.txt"
    assert first_source([]) is None


def test_documents_and_articles_say_none_for_what_is_unknown():
    g = _graph()
    a = document(g, "a.txt")
    assert (a.paper, a.date, a.area) == (None, "2022-07-05", "东昌府区")
    missing = document(g, "zz.txt")
    assert (missing.paper, missing.date, missing.area) == (None, None, None)
    art = article(g, "a.txt#a1")
    assert (art.doc, art.index, art.title, art.bylines) == ("a.txt", 1, None, [("李明", "记者")])
    assert article(g, "a.txt#a9") is None


def test_only_a_graph_of_kg_layout_is_taken_for_one():
    g = _graph()
    assert is_kg_graph(g)
    g.add_node("x", label="无类型")
    assert not is_kg_graph(g)
    h = _graph()
    h.add_edge("p", "c", key="k")
    assert not is_kg_graph(h)
