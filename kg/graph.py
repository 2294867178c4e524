"""The one in-memory model: a networkx MultiDiGraph built from the resolved corpus.

Turtle, HTML, JSON and every export are views of this graph, so each carries the
same facts with the same provenance. Layout of the graph:

- node per entity, keyed by its stable id: label, type, aliases, code, pinyin,
  mentions [{doc, article, sentence, start, end, text, quote, in_quote, rule}] (rule:
  what found the mention, "component:rule", e.g. "persons:title chain"; in_quote: [i, j],
  where the cited span lies in `quote`, in characters)
- edge per relation (key = relation name): rel, sources [...]; derived="divisions" when
  the official division data, not a sentence, establishes it (its sources are then only
  where the names were read)
- edge per post (person -> organisation, key = "post:<title>:<as_of>"): rel="holds" (kg.types.HOLDS),
  as_of = the date of the article that reported it (see resolve._as_of);
  title, as_of, sources [...]; posts without an organisation are node attribute `posts`
- graph attributes: documents {id: {path, paper, date, area}} (path: the id, the file's
  path under its input folder, never a local folder), articles {id: {...}}
"""
from __future__ import annotations

import networkx as nx

from .model import DocExtraction, Entity, Post, Relation
from .provenance import cite
from .types import HOLDS


def build_graph(docs: list[DocExtraction], entities: dict[str, Entity], posts: list[Post],
                relations: list[Relation]) -> nx.MultiDiGraph:
    by_id = {d.document.id: d for d in docs}
    g = nx.MultiDiGraph()
    g.graph["documents"] = {
        d.document.id: {"path": d.document.path, "paper": d.masthead.paper,
                        "date": d.masthead.date, "date_source": d.masthead.date_source,
                        "page": d.masthead.page,
                        "area": d.masthead.area,
                        "encoding": d.document.encoding}
        for d in sorted(docs, key=lambda x: x.document.id)}
    g.graph["articles"] = {
        a.id: {"doc": d.document.id, "index": a.index, "title": a.title,
               "dates": a.dates, "place": a.place, "bylines": [[b.name, b.role] for b in a.bylines],
               "start": d.document.raw_span(a.start, a.end)[0],
               "end": d.document.raw_span(a.start, a.end)[1]}
        for d in sorted(docs, key=lambda x: x.document.id) for a in d.articles}
    for eid in sorted(entities):
        e = entities[eid]
        mentions = []
        for doc_id, m in sorted(e.mentions, key=lambda x: (x[0], x[1].start)):
            d = by_id[doc_id]
            src = cite(d, d.evidence(m.start, m.end))
            src["text"], src["rule"] = m.text, m.rule
            mentions.append(src)
        g.add_node(eid, label=e.name, type=e.type, aliases=sorted(e.aliases), code=e.code or "",
                   pinyin=e.pinyin, mentions=mentions, posts=[])
    for p in posts:
        sources = [cite(by_id[d], ev) for d, ev in p.sources]
        if p.org and p.org in g:
            g.add_edge(p.person, p.org, key=f"post:{p.title}:{p.as_of or ''}", rel=HOLDS,
                       title=p.title, as_of=p.as_of or "", sources=sources)
        else:
            g.nodes[p.person]["posts"].append({"title": p.title, "as_of": p.as_of or "",
                                               "sources": sources})
    for r in relations:
        g.add_edge(r.head, r.tail, key=r.rel, rel=r.rel,
                   sources=[cite(by_id[d], ev) for d, ev in r.sources],
                   **({"derived": r.derived} if r.derived else {}))
    return g


def to_node_link(g: nx.MultiDiGraph) -> dict:
    """networkx node-link JSON (edges under "links"), deterministic order."""
    data = nx.node_link_data(g, edges="links")
    data["nodes"].sort(key=lambda n: n["id"])
    data["links"].sort(key=lambda e: (e["source"], e["target"], e["key"]))
    return data


def from_node_link(data: dict) -> nx.MultiDiGraph:
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="links")


def posts_over_time(g: nx.MultiDiGraph, person: str) -> list[dict]:
    """A person's posts in report order (as-of date, then title), so a reader sees a
    career: [{title, org, org_label, as_of, sources}]; org is None when unstated."""
    out = [{"title": d["title"], "org": v, "org_label": g.nodes[v]["label"], "as_of": d["as_of"],
            "sources": d["sources"]}
           for _, v, d in g.out_edges(person, data=True) if d["rel"] == HOLDS]
    out += [{"title": p["title"], "org": None, "org_label": None, "as_of": p["as_of"],
             "sources": p["sources"]} for p in g.nodes[person].get("posts", [])]
    return sorted(out, key=lambda p: (p["as_of"], p["title"], p["org"] or ""))
