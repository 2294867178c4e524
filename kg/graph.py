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

Sources are made by kg.provenance.cite. Views read this layout through the accessors
at the end of this module (Node, Fact, Src, DocumentInfo, ArticleInfo), which know the
attribute names and their defaults; only the writers (build_graph, kg.curate,
kg.metrics) touch the dicts themselves.
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


# -- typed reading of the graph ---------------------------------------------------------
# Views and exports read the layout above only through these, so the attribute names
# and their defaults (a graph.json of an older kg lacks some) live in this one place.

class Node:
    """An entity node, read: its attributes by name, with the layout's defaults."""

    __slots__ = ("id", "_d")

    def __init__(self, g: nx.MultiDiGraph, n: str) -> None:
        self.id = n
        self._d = g.nodes[n]

    @property
    def label(self) -> str:
        return self._d["label"]

    @property
    def type(self) -> str:
        return self._d["type"]

    @property
    def aliases(self) -> list[str]:
        return self._d.get("aliases", [])

    @property
    def code(self) -> str:
        """Its administrative-division code; "" when it has none."""
        return self._d.get("code") or ""

    @property
    def pinyin(self) -> str:
        return self._d.get("pinyin", "")

    @property
    def mentions(self) -> list[dict]:
        """Its mentions: sources (see Src) with the text and the rule that found it."""
        return self._d.get("mentions", [])

    @property
    def posts(self) -> list[Fact]:
        """Posts held without a known organisation (no edge), as facts."""
        return [Fact(self.id, None, None, p) for p in self._d.get("posts", [])]

    @property
    def curated(self) -> list[str]:
        """The rows of a corrections file that changed it (kg.curate)."""
        return self._d.get("curated", [])

    def metric(self, name: str) -> float:
        """A network metric kg.metrics stored on it."""
        return self._d[name]


class Fact:
    """A fact: a relation or post edge (head -rel-> tail), or a post a node holds
    without an organisation (tail and key None)."""

    __slots__ = ("head", "tail", "key", "_d")

    def __init__(self, head: str, tail: str | None, key: str | None, data: dict) -> None:
        self.head, self.tail, self.key, self._d = head, tail, key, data

    @property
    def rel(self) -> str:
        return self._d["rel"] if self.tail is not None else HOLDS

    @property
    def is_post(self) -> bool:
        return self.rel == HOLDS

    @property
    def title(self) -> str:
        """A post's title; "" for a relation."""
        return self._d.get("title", "")

    @property
    def as_of(self) -> str:
        """A post's report date (ISO or --MM-DD); "" when unknown or a relation."""
        return self._d.get("as_of", "")

    @property
    def sources(self) -> list[dict]:
        return self._d.get("sources", [])

    @property
    def derived(self) -> str:
        """"divisions" when the division data, not a sentence, establishes it; else ""."""
        return self._d.get("derived", "")

    @property
    def curated(self) -> list[str]:
        return self._d.get("curated", [])


def is_kg_graph(g: nx.MultiDiGraph) -> bool:
    """Whether `g` has the layout above (nodes with label and type, edges with rel): a
    node-link file of another program has not."""
    return all("label" in d and "type" in d for _, d in g.nodes(data=True)) and \
        all("rel" in d for _, _, d in g.edges(data=True))


def node(g: nx.MultiDiGraph, n: str) -> Node:
    return Node(g, n)


def nodes(g: nx.MultiDiGraph) -> list[Node]:
    """Every entity node, in the graph's order."""
    return [Node(g, n) for n in g]


def facts(g: nx.MultiDiGraph) -> list[Fact]:
    """Every edge as a fact, in the graph's order."""
    return [Fact(u, v, k, d) for u, v, k, d in g.edges(keys=True, data=True)]


def facts_out(g: nx.MultiDiGraph, n: str) -> list[Fact]:
    """The edges from `n`, in the graph's order."""
    return [Fact(u, v, k, d) for u, v, k, d in g.out_edges(n, keys=True, data=True)]


def facts_in(g: nx.MultiDiGraph, n: str) -> list[Fact]:
    return [Fact(u, v, k, d) for u, v, k, d in g.in_edges(n, keys=True, data=True)]


def facts_between(g: nx.MultiDiGraph, u: str, v: str) -> list[Fact]:
    """The edges from `u` to `v`."""
    return [Fact(u, v, k, d) for k, d in (g.get_edge_data(u, v) or {}).items()]


def ups(g: nx.MultiDiGraph, n: str, rels: tuple[str, ...]) -> list[str]:
    """The nodes `n` points to by one of `rels`, sorted (its place in a hierarchy)."""
    return sorted(v for _, v, d in g.out_edges(n, data=True) if d["rel"] in rels)


class Src:
    """A source: where a fact or mention was read (the layout's source dict)."""

    __slots__ = ("_d",)

    def __init__(self, data: dict) -> None:
        self._d = data

    doc = property(lambda self: self._d["doc"], doc="the document id")
    article = property(lambda self: self._d["article"], doc="the article id (kg.provenance)")
    sentence = property(lambda self: self._d["sentence"])
    start = property(lambda self: self._d["start"], doc="offset in the decoded file")
    end = property(lambda self: self._d["end"])
    quote = property(lambda self: self._d.get("quote", ""), doc="the sentence cited")
    text = property(lambda self: self._d.get("text"), doc="a mention's text; None for a fact's source")
    in_quote = property(lambda self: self._d.get("in_quote"), doc="[i, j]: where the span lies in `quote`")
    rule = property(lambda self: self._d.get("rule"), doc="what found a mention (component:rule)")
    curated = property(lambda self: self._d.get("curated"), doc="the corrections row that added it")


def source_order(s: dict) -> tuple[str, int, int]:
    """Sources in reading order: document, then offsets."""
    return (s["doc"], s["start"], s["end"])


def first_source(sources: list[dict]) -> Src | None:
    """The earliest source (source_order), or None."""
    return Src(min(sources, key=source_order)) if sources else None


class DocumentInfo:
    """What the graph records of a document (graph attribute `documents`)."""

    __slots__ = ("_d",)

    def __init__(self, data: dict) -> None:
        self._d = data

    paper = property(lambda self: self._d.get("paper"), doc="the paper's name; None unknown")
    date = property(lambda self: self._d.get("date"), doc="ISO issue date; None unknown")
    area = property(lambda self: self._d.get("area"), doc="the District the paper serves; None unknown")


class ArticleInfo:
    """What the graph records of an article (graph attribute `articles`)."""

    __slots__ = ("_d",)

    def __init__(self, data: dict) -> None:
        self._d = data

    doc = property(lambda self: self._d["doc"])
    index = property(lambda self: self._d["index"])
    title = property(lambda self: self._d.get("title"), doc="None when it has none")
    dates = property(lambda self: self._d.get("dates", []), doc="event dates, ISO or --MM-DD")
    bylines = property(lambda self: [(b[0], b[1]) for b in self._d.get("bylines", [])],
                       doc="(name, role) of each byline")


def documents(g: nx.MultiDiGraph) -> dict[str, DocumentInfo]:
    return {k: DocumentInfo(v) for k, v in g.graph.get("documents", {}).items()}


def document(g: nx.MultiDiGraph, doc_id: str) -> DocumentInfo:
    """The document's record; an empty one when the graph has none for it."""
    return DocumentInfo(g.graph.get("documents", {}).get(doc_id) or {})


def articles(g: nx.MultiDiGraph) -> dict[str, ArticleInfo]:
    return {k: ArticleInfo(v) for k, v in g.graph.get("articles", {}).items()}


def article(g: nx.MultiDiGraph, art_id: str) -> ArticleInfo | None:
    a = g.graph.get("articles", {}).get(art_id)
    return ArticleInfo(a) if a is not None else None
