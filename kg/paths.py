"""Shortest paths between two entities, each hop with the facts and sentences behind it.

"How is this official connected to that firm?" is answered by the shortest chains of
facts between them, read either way (a post, a relation), and a researcher must be able
to check every link: each hop lists its facts with the sentence they were read from,
its document, article and character offsets, as the graph's facts carry them.

Paths are found on the ties of kg.metrics (one per linked pair, in sorted order), so
the same graph always gives the same paths in the same order. Two entities can be
joined by very many shortest paths through a hub; they are counted, and the first
`limit` are listed.
"""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from .errors import UserError
from .graph import Src, article, facts_between, facts_out, node, source_order
from .html import namesakes
from .metrics import ties
from .types import HOLDS


class NoPath(UserError):
    """The two entities are not connected: an answer, not a usage mistake."""

    exit_code = 1


@dataclass(frozen=True)
class Fact:
    """One edge of the graph between two neighbours on a path: head -rel-> tail."""
    head: str
    tail: str
    rel: str
    title: str          # of a post ("holds"), else ""
    as_of: str
    sources: list[dict]
    derived: str = ""   # "divisions": a fact of the official division data, not of a sentence


@dataclass(frozen=True)
class Paths:
    source: str
    target: str
    count: int                      # shortest paths there are
    paths: list[list[str]]          # the first `limit` of them, as node ids
    hops: dict[tuple[str, str], list[Fact]]   # the facts of each hop listed, either way round

    @property
    def length(self) -> int:
        return len(self.paths[0]) - 1


def entity(g: nx.MultiDiGraph, name: str) -> str:
    """The one entity `name` designates (an id, a name, an alias or pinyin). A name that
    several entities share is refused with their ids, so the user can pick one."""
    found = namesakes(g, name)          # the likeliest first
    if len(found) > 1:
        raise UserError(f"{len(found)} entities are called {name!r}; give one of their ids: "
                        + "; ".join(describe(g, n) for n in found))
    return found[0]


def describe(g: nx.MultiDiGraph, n: str) -> str:
    """An entity in a line, enough to tell namesakes apart: id, type, posts, links and
    the first page that names it."""
    d = node(g, n)
    posts = sorted({f"{f.title} of {node(g, f.tail).label}" for f in facts_out(g, n) if f.is_post})
    posts += sorted({p.title for p in d.posts})
    what = ", ".join([d.type, *posts[:3]] + ([f"+{len(posts) - 3} posts"] if len(posts) > 3 else []))
    first = min((Src(m).doc for m in d.mentions), default=None)
    return f"{n} ({d.label}: {what}; {g.degree(n)} links" + (f"; in {first})" if first else ")")


def _count(h: nx.Graph, source: str, target: str) -> int:
    """Shortest paths from source to target, counted level by level (each node's count
    is the sum of its predecessors'), without listing them: a hub can make millions."""
    pred, level = nx.predecessor(h, source, return_seen=True)
    count: dict[str, int] = {}
    for n in sorted(level, key=level.__getitem__):
        count[n] = sum(count[p] for p in pred[n]) if pred[n] else 1
    return count[target]


def facts(g: nx.MultiDiGraph, u: str, v: str) -> list[Fact]:
    """The facts between two entities, either way round, in a fixed order."""
    out = [Fact(f.head, f.tail, f.rel, f.title, f.as_of, sorted(f.sources, key=source_order), f.derived)
           for h, t in ((u, v), (v, u)) for f in facts_between(g, h, t)]
    return sorted(out, key=lambda f: (f.rel, f.as_of, f.title, f.head))


def shortest_paths(g: nx.MultiDiGraph, a: str, b: str, limit: int = 10) -> Paths:
    """The shortest paths between the entities `a` and `b` (names or ids, see `entity`),
    the first `limit` of them with their facts. NoPath when none joins them."""
    source, target = entity(g, a), entity(g, b)
    if source == target:
        raise UserError(f"{a!r} and {b!r} are the same entity ({source}); give two")
    h = ties(g)
    if not nx.has_path(h, source, target):
        raise NoPath(f"no path between {node(g, source).label} ({source}) and "
                     f"{node(g, target).label} ({target}): no chain of facts joins them")
    paths = []
    for p in nx.all_shortest_paths(h, source, target):
        if len(paths) == limit:
            break
        paths.append(p)
    hops = {(u, v): facts(g, u, v) for p in paths for u, v in zip(p, p[1:])}
    return Paths(source, target, _count(h, source, target), paths, hops)


def _printable(text: str) -> str:
    """Text from a document, safe in a terminal: line breaks, control and bidi
    characters escaped, so a page cannot move the cursor or reorder the line."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
                   for c in text)


def _fact_line(g: nx.MultiDiGraph, f: Fact) -> str:
    head, tail = node(g, f.head).label, node(g, f.tail).label
    if f.rel == HOLDS:
        return f"{head} holds {f.title} in {tail}" + (f" (as of {f.as_of})" if f.as_of else "")
    return f"{head} {f.rel} {tail}"


def format_paths(g: nx.MultiDiGraph, result: Paths, evidence: int = 3) -> str:
    """The paths as text: each hop's facts (at most `evidence` per hop, 0: all), each
    fact with its earliest source: the sentence, its document, article and offsets."""
    label = {n: node(g, n).label for n in g}

    def who(n: str) -> str:
        return f"{label[n]} ({node(g, n).type}, {n})"
    shown = len(result.paths)
    lines = [f"{who(result.source)} -> {who(result.target)}: {result.count} shortest "
             f"path{'s' if result.count != 1 else ''} of {result.length} "
             f"hop{'s' if result.length != 1 else ''}"
             + (f", the first {shown} shown (--max-paths)" if shown < result.count else "")]
    for i, p in enumerate(result.paths, 1):
        lines += ["", f"path {i}: " + " - ".join(label[n] for n in p)]
        for u, v in zip(p, p[1:]):
            fs = result.hops[u, v]
            for f in fs if evidence == 0 else fs[:evidence]:
                lines.append(f"  {_fact_line(g, f)}")
                if f.derived == "divisions":   # its sources only name the places
                    lines.append("    (from the official division data)")
                    continue
                if not f.sources:
                    lines.append("    (no source)")
                    continue
                s = Src(f.sources[0])
                art = article(g, s.article)
                title = art.title if art else None
                more = f"; {len(f.sources) - 1} more source{'s' if len(f.sources) > 2 else ''}" \
                    if len(f.sources) > 1 else ""
                lines.append(f"    \u201c{s.quote}\u201d")
                lines.append(f"    {s.article}" + (f" \u300a{title}\u300b" if title else "")
                             + f", characters {s.start}-{s.end}{more}")
            if evidence and len(fs) > evidence:
                lines.append(f"  ... {len(fs) - evidence} more facts between {label[u]} and "
                             f"{label[v]} (--evidence 0 shows all)")
    return "\n".join(_printable(line) for line in lines) + "\n"


def paths_json(g: nx.MultiDiGraph, result: Paths) -> dict:
    """The paths as plain data: every hop with all its facts and sources."""
    return {
        "source": result.source, "target": result.target, "count": result.count,
        "length": result.length,
        "paths": [{"nodes": [{"id": n, "label": node(g, n).label, "type": node(g, n).type}
                             for n in p],
                   "hops": [[{"head": f.head, "rel": f.rel, "tail": f.tail, "title": f.title,
                              "as_of": f.as_of, "sources": f.sources,
                              **({"derived": f.derived} if f.derived else {})}
                             for f in result.hops[u, v]] for u, v in zip(p, p[1:])]}
                  for p in result.paths],
    }
