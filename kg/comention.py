"""The co-mention network: persons and organisations named in the same article.

The network researchers otherwise build by hand from news: two actors are tied when an
article names both, and the tie weighs the number of such articles, which it lists so
each can be read. Actors are persons (Official, Person) and organisations (Agency,
Company, Organization); places, districts and initiatives are what actors act on, not
actors. A reporter named in an article's byline wrote it and is not counted as named in
it (a reporter would otherwise tie to everyone they cover).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from .graph import Src, articles, node, nodes
from .model import ORGANISATION_TYPES

ACTOR_TYPES = ("Official", "Person", *ORGANISATION_TYPES)
PERSON_TYPES = ("Official", "Person")


@dataclass(frozen=True)
class Tie:
    """Two actors (source id < target id) and the articles that name both, sorted."""
    source: str
    target: str
    articles: tuple[str, ...]

    @property
    def weight(self) -> int:
        return len(self.articles)


def actor_articles(g: nx.MultiDiGraph) -> dict[str, set[str]]:
    """The articles that name each actor, bylines left out."""
    bylines = {a: {name for name, _ in info.bylines} for a, info in articles(g).items()}
    named: dict[str, set[str]] = {}
    for n in nodes(g):
        if n.type not in ACTOR_TYPES:
            continue
        arts = {m.article for m in map(Src, n.mentions)
                if not (n.type in PERSON_TYPES and m.text in bylines.get(m.article, ()))}
        if arts:
            named[n.id] = arts
    return named


def comentions(g: nx.MultiDiGraph) -> list[Tie]:
    """Every tie, heaviest first, then by the actors' names and ids (a fixed order)."""
    by_article: dict[str, list[str]] = defaultdict(list)
    for n, arts in actor_articles(g).items():
        for a in arts:
            by_article[a].append(n)
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for a, actors in by_article.items():
        actors.sort()
        for i, u in enumerate(actors):
            for v in actors[i + 1:]:
                pairs[u, v].append(a)
    label = {n: node(g, n).label for pair in pairs for n in pair}
    ties = [Tie(u, v, tuple(sorted(arts))) for (u, v), arts in pairs.items()]
    return sorted(ties, key=lambda t: (-t.weight, label[t.source], label[t.target], t.source,
                                       t.target))


def comention_graph(g: nx.MultiDiGraph) -> nx.Graph:
    """The co-mention network as a weighted undirected graph: actors that share an
    article with another (label, type, the articles naming them), ties with weight and
    their articles joined by "|" (GraphML holds no lists)."""
    ties = comentions(g)
    named = actor_articles(g)
    h = nx.Graph()
    for n in sorted({n for t in ties for n in (t.source, t.target)}):
        d = node(g, n)
        h.add_node(n, label=d.label, type=d.type, articles=len(named[n]))
    for t in sorted(ties, key=lambda t: (t.source, t.target)):
        h.add_edge(t.source, t.target, weight=t.weight, articles="|".join(t.articles))
    return h
