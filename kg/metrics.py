"""Network metrics of a built graph, computed once at build time and kept on its nodes.

Researchers ask who is central, who bridges parts of the network and which groups hang
together; they should get the same answer from graph.json, GraphML, GEXF, CSV, Neo4j
and `kg stats`, so the numbers are made here once and every view copies them.

All but `degree` are read on one undirected simple view of the graph (`ties`): two
entities are tied when any fact links them, a relation or a post, either way, and the
tie weighs the sources of those facts (the times the press reported them).

- `degree`: facts touching the node (edges of the MultiDiGraph, posts included): the
  number `kg stats` and the explorer call links.
- `weighted_degree`: the sources of those facts.
- `betweenness`: the share of shortest paths (in hops, unweighted) between other
  entities that pass through the node, normalised to [0, 1]. Exact while it is cheap
  (`BETWEENNESS_BUDGET` node and edge visits); above, estimated from k source nodes
  drawn with a fixed seed (k = budget / (nodes + ties), at least `MIN_SAMPLES`), as
  networkx's `betweenness_centrality(k=..., seed=...)` does. Exact betweenness costs one
  breadth-first search per node in pure Python: 6 s on a 1 MB corpus's 2,100 nodes,
  hours on the 50 MB corpus's 89,000. The graph attribute `metrics` says which was done.
- `pagerank`: on the weighted ties, damping 0.85: networkx's power iteration (uniform
  teleport, dangling mass spread evenly, stop when the L1 change < nodes x 1e-6), run
  on numpy arrays, as networkx runs it on scipy's: the runtime needs no scipy (143 MB).
- `community`: Louvain (weighted ties, resolution 1, fixed seed), numbered by size,
  largest first, ties by smallest member id; an entity with no tie is its own community.

Deterministic: the tie graph is made in sorted order, so node order, sampling and
Louvain's shuffles depend only on the graph, never on insertion order or the process's
hash seed; weights are integers, so sums do not depend on their order either. Floats
are kept to `DIGITS` significant digits, which is more than the estimates are worth.
"""
from __future__ import annotations

import networkx as nx
import numpy as np

from .graph import Fact, facts, facts_in, facts_out

SEED = 0                        # of betweenness sampling and Louvain's shuffles
BETWEENNESS_BUDGET = 1_000_000  # node + edge visits: sources x (nodes + ties)
MIN_SAMPLES = 20
DAMPING = 0.85
TOLERANCE = 1e-6               # networkx's default, per node
MAX_ITERATIONS = 100
DIGITS = 6
METRICS = ("degree", "weighted_degree", "betweenness", "pagerank", "community")


def _weight(fact: Fact) -> int:
    """What a fact weighs: its sources (one at least)."""
    return max(1, len(fact.sources))


def ties(g: nx.MultiDiGraph) -> nx.Graph:
    """The undirected simple graph of `g`: one tie per linked pair, weighted by the
    sources of the facts between them (a fact without sources counts once)."""
    h = nx.Graph()
    h.add_nodes_from(sorted(g))
    weights: dict[tuple[str, str], int] = {}
    for f in facts(g):
        u, v = f.head, f.tail
        if u != v:
            pair = (u, v) if u < v else (v, u)
            weights[pair] = weights.get(pair, 0) + _weight(f)
    h.add_weighted_edges_from((u, v, w) for (u, v), w in sorted(weights.items()))
    return h


def _digits(x: float) -> float:
    return float(f"{x:.{DIGITS}g}")


def pagerank(h: nx.Graph, alpha: float = DAMPING) -> dict[str, float]:
    """PageRank of the weighted undirected graph `h`, as `nx.pagerank(h, alpha, weight=
    "weight")` computes it (each tie both ways)."""
    nodes = list(h)
    n = len(nodes)
    if n == 0:
        return {}
    index = {v: i for i, v in enumerate(nodes)}
    ends = [(index[u], index[v], float(d.get("weight", 1))) for u, v, d in h.edges(data=True)]
    src = np.array([a for a, b, _ in ends] + [b for a, b, _ in ends], dtype=np.int64)
    dst = np.array([b for a, b, _ in ends] + [a for a, b, _ in ends], dtype=np.int64)
    w = np.array([x for *_, x in ends] * 2, dtype=float)
    out = np.bincount(src, weights=w, minlength=n)
    share = w / out[src] if len(w) else w
    dangling = out == 0
    x = np.full(n, 1.0 / n)
    for _ in range(MAX_ITERATIONS):
        last = x
        x = alpha * (np.bincount(dst, weights=last[src] * share, minlength=n) + last[dangling].sum() / n) \
            + (1 - alpha) / n
        if np.abs(x - last).sum() < n * TOLERANCE:
            return dict(zip(nodes, x.tolist()))
    raise nx.PowerIterationFailedConvergence(MAX_ITERATIONS)


def betweenness_samples(nodes: int, edges: int) -> int | None:
    """How many source nodes the betweenness estimate uses; None: exact (all of them)."""
    k = max(MIN_SAMPLES, BETWEENNESS_BUDGET // max(1, nodes + edges))
    return None if k >= nodes else k


def communities(h: nx.Graph) -> dict[str, int]:
    """Louvain community of each node, numbered largest first."""
    parts = nx.community.louvain_communities(h, weight="weight", resolution=1, seed=SEED)
    ordered = sorted((sorted(p) for p in parts), key=lambda p: (-len(p), p[0]))
    return {n: i for i, part in enumerate(ordered) for n in part}


def add_metrics(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Store the metrics as node attributes of `g` (see the module docstring) and how they
    were made as its graph attribute `metrics`; return `g`."""
    h = ties(g)
    k = betweenness_samples(h.number_of_nodes(), h.number_of_edges())
    between = nx.betweenness_centrality(h, k=k, normalized=True, seed=SEED)
    rank = pagerank(h)
    community = communities(h)
    for n in h:
        d = g.nodes[n]
        d["degree"] = g.degree(n)
        d["weighted_degree"] = sum(_weight(f) for f in facts_out(g, n)) + \
            sum(_weight(f) for f in facts_in(g, n))
        d["betweenness"] = _digits(between[n])
        d["pagerank"] = _digits(rank[n])
        d["community"] = community[n]
    g.graph["metrics"] = {
        "betweenness": {"exact": k is None, "samples": k or h.number_of_nodes(), "seed": SEED,
                        "weighted": False},
        "pagerank": {"damping": DAMPING, "weight": "sources"},
        "community": {"method": "louvain", "resolution": 1, "seed": SEED, "weight": "sources",
                      "count": len(set(community.values()))},
    }
    return g


def ensure_metrics(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """`g` with its metrics: a graph.json written before kg computed them gets them now,
    as a rebuild would."""
    if any(m not in d for _, d in g.nodes(data=True) for m in METRICS):
        add_metrics(g)
    return g
