"""Network metrics: computed at build time, right on graphs whose answer is known,
deterministic, and carried by every export that holds node attributes."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from click.testing import CliRunner

from kg import UserError, export, load_graph, stats
from kg import metrics
from kg.cli import main
from kg.exports import render
from kg.metrics import METRICS, add_metrics, ensure_metrics

ROOT = Path(__file__).resolve().parent.parent


def _graph(edges: list[tuple[str, str, int]], isolated: tuple[str, ...] = ()) -> nx.MultiDiGraph:
    """A kg-shaped graph: edges (head, tail, number of sources), Agency nodes."""
    g = nx.MultiDiGraph()
    for n in sorted({x for e in edges for x in e[:2]} | set(isolated)):
        g.add_node(n, label=n, type="Agency", aliases=[], mentions=[], posts=[])
    for h, t, sources in edges:
        g.add_edge(h, t, key="cooperatesWith", rel="cooperatesWith",
                   sources=[{"doc": "d", "article": "d#a0", "quote": "q", "start": i,
                             "end": i + 1} for i in range(sources)])
    return g


def test_metrics_on_a_path_and_an_isolated_node():
    # a - b - c, z: b lies on the path of one pair (a, c) of the three pairs of others;
    # b's facts were read 1 + 3 times
    g = add_metrics(_graph([("a", "b", 1), ("b", "c", 3)], isolated=("z",)))
    n = g.nodes
    assert [n[x]["degree"] for x in "abcz"] == [1, 2, 1, 0]
    assert [n[x]["weighted_degree"] for x in "abcz"] == [1, 4, 3, 0]
    assert n["b"]["betweenness"] == round(1 / 3, 6) and n["a"]["betweenness"] == n["z"]["betweenness"] == 0
    assert n["b"]["pagerank"] > n["c"]["pagerank"] > n["a"]["pagerank"] > n["z"]["pagerank"]
    assert sum(n[x]["pagerank"] for x in "abcz") == pytest.approx(1, abs=1e-5)
    assert g.graph["metrics"]["betweenness"] == {"exact": True, "samples": 4, "seed": 0,
                                                 "weighted": False}


def test_a_post_and_a_relation_between_one_pair_are_one_tie_of_both_weights():
    g = _graph([("a", "b", 2)])
    g.add_edge("a", "b", key="post:局长:2022-07-04", rel="holds", title="局长",
               sources=[{"doc": "d"}])
    h = metrics.ties(g)
    assert list(h.edges(data="weight")) == [("a", "b", 3)]
    add_metrics(g)
    assert g.nodes["a"]["degree"] == 2 and g.nodes["a"]["weighted_degree"] == 3


def test_communities_are_the_two_cliques_numbered_largest_first():
    big = [(f"p{i}", f"p{j}", 1) for i in range(5) for j in range(i + 1, 5)]
    small = [(f"q{i}", f"q{j}", 1) for i in range(3) for j in range(i + 1, 3)]
    g = add_metrics(_graph(big + small + [("p0", "q0", 1)], isolated=("z",)))
    community = {n: d["community"] for n, d in g.nodes(data=True)}
    assert {community[f"p{i}"] for i in range(5)} == {0}
    assert {community[f"q{i}"] for i in range(3)} == {1}
    assert community["z"] == 2 and g.graph["metrics"]["community"]["count"] == 3
    # the bridge's ends carry every path between the cliques
    top = max(g, key=lambda n: (g.nodes[n]["betweenness"], n))
    assert top in ("p0", "q0")


def test_betweenness_is_estimated_from_seeded_samples_above_the_budget(monkeypatch):
    edges = [(f"n{i:03}", f"n{(i * 7 + 3) % 120:03}", 1) for i in range(120)] + \
            [(f"n{i:03}", f"n{i + 1:03}", 1) for i in range(119)]
    exact = add_metrics(_graph(edges))
    monkeypatch.setattr(metrics, "BETWEENNESS_BUDGET", 5000)
    first, again = add_metrics(_graph(edges)), add_metrics(_graph(list(reversed(edges))))
    k = first.graph["metrics"]["betweenness"]
    assert k["exact"] is False and k["samples"] == metrics.MIN_SAMPLES
    between = {n: d["betweenness"] for n, d in first.nodes(data=True)}
    assert between == {n: d["betweenness"] for n, d in again.nodes(data=True)}
    assert between != {n: d["betweenness"] for n, d in exact.nodes(data=True)}


def test_betweenness_samples_follow_the_budget():
    assert metrics.betweenness_samples(378, 300) is None            # seeds: exact
    assert metrics.betweenness_samples(2113, 1603) == 1_000_000 // 3716
    assert metrics.betweenness_samples(88707, 59485) == metrics.MIN_SAMPLES


# Metrics in a fresh process: sampling, Louvain and float sums must not depend on the
# hash seed (set iteration order) nor on the order nodes and edges were inserted.
SUBPROCESS = """
import json, sys
from kg import metrics
from kg.exports import load_graph
metrics.BETWEENNESS_BUDGET = 20000
g = load_graph(sys.argv[1])
for n in g:
    for m in metrics.METRICS:
        g.nodes[n].pop(m, None)
if sys.argv[2] == "reversed":
    import networkx as nx
    h = nx.MultiDiGraph(**g.graph)
    h.add_nodes_from(reversed(list(g.nodes(data=True))))
    h.add_edges_from(reversed(list(g.edges(keys=True, data=True))))
    g = h
metrics.add_metrics(g)
print(json.dumps({n: [g.nodes[n][m] for m in metrics.METRICS] for n in sorted(g)}))
print(json.dumps(g.graph["metrics"], sort_keys=True))
"""


def test_metrics_do_not_depend_on_hash_seed_or_insertion_order(seed_build):
    out = []
    for seed, order in (("1", "sorted"), ("2", "reversed"), ("3", "sorted")):
        proc = subprocess.run([sys.executable, "-c", SUBPROCESS, str(seed_build[1]), order],
                              capture_output=True, text=True, cwd=ROOT,
                              env={**os.environ, "PYTHONHASHSEED": seed})
        assert proc.returncode == 0, proc.stderr
        out.append(proc.stdout)
    assert out[0] == out[1] == out[2]
    assert '"exact": false' in out[0]            # the sampled estimate was exercised
    assert len(set(v[4] for v in json.loads(out[0].splitlines()[0]).values())) > 5


def test_the_build_stores_metrics_in_graph_json(seed_build):
    result, out = seed_build
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert data["graph"]["metrics"]["betweenness"]["exact"] is True
    for node in data["nodes"]:
        assert isinstance(node["degree"], int) and isinstance(node["community"], int)
        assert 0 <= node["betweenness"] <= 1 and 0 < node["pagerank"] < 1
        assert node["degree"] == result.graph.degree(node["id"])
    assert sum(n["pagerank"] for n in data["nodes"]) == pytest.approx(1, abs=1e-3)
    assert "metrics" in result.timings


@pytest.fixture(scope="module")
def graph(seed_build) -> nx.MultiDiGraph:
    return load_graph(seed_build[1])


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_carry_the_metrics_typed(graph, fmt, read):
    back = read(io.BytesIO(export(graph, fmt)))
    for n, d in graph.nodes(data=True):
        b = back.nodes[n]
        assert [b[m] for m in METRICS] == [d[m] for m in METRICS]
        assert isinstance(b["degree"], int) and isinstance(b["pagerank"], float)


def test_igraph_reads_the_graphml_with_its_metrics_and_ids(graph, tmp_path):
    import igraph            # the test extra installs it: researchers read exports with it
    path = tmp_path / "g.graphml"
    path.write_bytes(export(graph, "graphml"))
    back = igraph.Graph.Read_GraphML(str(path))
    assert back.vcount() == graph.number_of_nodes() and back.ecount() == graph.number_of_edges()
    for v in back.vs:
        d = graph.nodes[v["id"]]
        assert [v[m] for m in METRICS] == pytest.approx([d[m] for m in METRICS])
    ids = back.vs["id"]
    assert sorted((ids[e.source], ids[e.target]) for e in back.es) == sorted((u, v) for u, v in graph.edges())


def _rows(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_and_neo4j_tables_carry_the_metrics(graph):
    want = {n: d for n, d in graph.nodes(data=True)}
    for row in _rows(render(graph, "csv")["nodes.csv"]):
        d = want[row["id"]]
        assert [row[m] for m in METRICS] == [str(d[m]) for m in METRICS]
    rows = _rows(render(graph, "neo4j")["nodes.csv"])
    assert {"degree:int", "weighted_degree:int", "betweenness:float", "pagerank:float",
            "community:int"} <= set(rows[0])
    for row in rows:
        d = want[row["id:ID"]]
        assert float(row["pagerank:float"]) == d["pagerank"]
        assert int(row["community:int"]) == d["community"]


def test_a_graph_json_without_metrics_gets_them_on_export(graph, tmp_path):
    data = json.loads(export(graph, "json"))
    for node in data["nodes"]:
        for m in METRICS:
            del node[m]
    del data["graph"]["metrics"]
    (tmp_path / "graph.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    old = load_graph(tmp_path)
    assert export(old, "graphml") == export(graph, "graphml")
    assert ensure_metrics(old).graph["metrics"] == graph.graph["metrics"]


# ---- kg stats --type --by ----------------------------------------------------------


@pytest.mark.parametrize("by", ["pagerank", "betweenness", "weighted_degree", "degree"])
def test_stats_ranks_a_type_by_a_metric(graph, by):
    s = stats(graph, top=5, entity_type="Official", by=by)
    officials = [d[by] for _, d in graph.nodes(data=True) if d["type"] == "Official"]
    values = [e[by] for e in s["most_connected"]]
    assert len(values) == 5 and values == sorted(officials, reverse=True)[:5]
    assert {e["type"] for e in s["most_connected"]} == {"Official"}
    assert s["ranked_by"] == by and s["ranked_type"] == "Official"
    assert s["entities_total"] == graph.number_of_nodes()      # the counts stay whole


def test_stats_refuses_an_unknown_metric_or_type(graph):
    with pytest.raises(UserError, match="pagerank"):
        stats(graph, by="closeness")
    with pytest.raises(UserError, match="Official"):
        stats(graph, entity_type="Mayor")


def test_stats_cli_by_pagerank(seed_build, graph):
    out = str(seed_build[1])
    r = CliRunner().invoke(main, ["stats", out, "--type", "Official", "--by", "pagerank", "-n", "3"])
    assert r.exit_code == 0, r.output
    best = max((d["pagerank"], n) for n, d in graph.nodes(data=True) if d["type"] == "Official")
    first = r.stdout.split("top 3 Official by pagerank\n")[1].splitlines()[0]
    assert first == f"  {best[0]:.6f}  {graph.nodes[best[1]]['label']} (Official, {best[1]})"
    r = CliRunner().invoke(main, ["stats", out, "--by", "betweenness", "--json"])
    assert json.loads(r.stdout)["most_connected"][0]["betweenness"] == \
        max(d["betweenness"] for _, d in graph.nodes(data=True))
    r = CliRunner().invoke(main, ["stats", out, "--type", "Mayor"])
    assert r.exit_code == 2 and "Mayor" in r.stderr


def test_pagerank_is_networkx_s_without_scipy():
    """kg runs networkx's power iteration on numpy (the runtime has no scipy): the same
    ranks, dangling nodes and weights included."""
    import random

    rnd = random.Random(3)
    g = nx.gnm_random_graph(300, 700, seed=3)
    h = nx.Graph()
    h.add_nodes_from(str(v) for v in range(320))            # 20 without a tie
    h.add_weighted_edges_from((str(u), str(v), rnd.randint(1, 5)) for u, v in g.edges())
    want = nx.pagerank(h, alpha=metrics.DAMPING, weight="weight")
    got = metrics.pagerank(h)
    assert got.keys() == want.keys()
    assert max(abs(got[n] - want[n]) for n in want) < 1e-12
    assert metrics.pagerank(nx.Graph()) == {}
