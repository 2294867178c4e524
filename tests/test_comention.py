"""The co-mention network: actors named in the same article, weighted by articles."""
from __future__ import annotations

import csv
import io

import networkx as nx
import pytest
from click.testing import CliRunner

from kg import export, load_graph
from kg.cli import main
from kg.comention import comention_graph, comentions


def _mention(article: str, text: str) -> dict:
    return {"doc": article.split("#")[0], "article": article, "sentence": 0, "start": 0,
            "end": len(text), "text": text, "quote": text}


def _graph(order=sorted) -> nx.MultiDiGraph:
    """Three articles: a1 names the official, the bureau, a district, an initiative, and
    has the reporter in its byline; a2 names the official and the bureau; a3 names the
    official, a firm and, in its text, the reporter."""
    g = nx.MultiDiGraph(articles={
        "d#a1": {"bylines": [["李记者", "记者"]]}, "d#a2": {"bylines": []},
        "e#a3": {"bylines": []}})
    nodes = {
        "person-x": ("王局长", "Official", ["d#a1", "d#a2", "e#a3"]),
        "agency-y": ("某某局", "Agency", ["d#a1", "d#a2", "d#a2"]),
        "district-d": ("某某区", "District", ["d#a1", "d#a2"]),
        "initiative-i": ("某某工程", "Initiative", ["d#a1"]),
        "person-r": ("李记者", "Person", ["d#a1", "e#a3"]),
        "company-c": ("=某某公司", "Company", ["e#a3"]),
        "organization-o": ("某某协会", "Organization", ["e#a4"]),
    }
    for n in order(nodes):
        label, kind, arts = nodes[n]
        g.add_node(n, label=label, type=kind, aliases=[], posts=[],
                   mentions=[_mention(a, label) for a in arts])
    return g


def test_actors_named_in_one_article_are_tied_weighted_by_articles():
    ties = {(t.source, t.target): t for t in comentions(_graph())}
    assert set(ties) == {("agency-y", "person-x"), ("company-c", "person-x"),
                         ("company-c", "person-r"), ("person-r", "person-x")}
    assert ties["agency-y", "person-x"].articles == ("d#a1", "d#a2")
    assert ties["agency-y", "person-x"].weight == 2
    # the reporter is tied through the article that names them, not the one they wrote
    assert ties["person-r", "person-x"].articles == ("e#a3",)
    assert [t.weight for t in comentions(_graph())] == [2, 1, 1, 1]


def test_ties_come_in_one_order_whatever_the_insertion_order():
    assert comentions(_graph()) == comentions(_graph(lambda x: sorted(x, reverse=True)))


def test_csv_edge_list_and_graphml():
    rows = list(csv.DictReader(io.StringIO(export(_graph(), "comention").decode("utf-8"))))
    assert rows[0] == {"source": "agency-y", "source_label": "某某局", "source_type": "Agency",
                       "target": "person-x", "target_label": "王局长", "target_type": "Official",
                       "weight": "2", "articles": "d#a1|d#a2"}
    assert {r["source_label"] for r in rows} >= {"'=某某公司"}      # no formula runs
    back = nx.read_graphml(io.BytesIO(export(_graph(), "comention-graphml")))
    assert back["agency-y"]["person-x"] == {"weight": 2, "articles": "d#a1|d#a2"}
    assert back.nodes["person-x"] == {"label": "王局长", "type": "Official", "articles": 3}
    assert back.number_of_edges() == 4 and "organization-o" not in back
    made = comention_graph(_graph())
    assert dict(back.nodes(data=True)) == dict(made.nodes(data=True))
    assert sorted(back.edges(data=True)) == sorted(made.edges(data=True))


@pytest.fixture(scope="module")
def graph(seed_build) -> nx.MultiDiGraph:
    return load_graph(seed_build[1])


def test_each_tie_of_the_seed_graph_is_read_in_each_of_its_articles(graph):
    ties = comentions(graph)
    assert ties and ties == sorted(ties, key=lambda t: -t.weight)
    for t in ties:
        for n in (t.source, t.target):
            assert graph.nodes[n]["type"] in ("Official", "Person", "Agency", "Company",
                                              "Organization")
            assert set(t.articles) <= {m["article"] for m in graph.nodes[n]["mentions"]}


def test_cli_prints_the_edge_list(seed_build, graph):
    r = CliRunner().invoke(main, ["export", str(seed_build[1]), "--format", "comention"])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) == len(comentions(graph))
    assert int(rows[0]["weight"]) == max(t.weight for t in comentions(graph))
