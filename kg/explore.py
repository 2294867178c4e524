"""The served explorer of a graph too large for one page: an index of graph.json held
by `kg serve`, answering the page's small JSON requests.

Above the page limit (`max_nodes`) a page holding every node, edge and quote of a
corpus runs to a hundred megabytes and takes a browser minutes to open. Served, the
page opens on an overview (the most connected nodes, without their quotes) and asks
the server for what the reader goes to: search results, a node's details with its
facts and namesakes, a neighbourhood of some hops through the types and relations
shown, a fact's evidence, the shortest paths between two nodes. The page keeps what it
was given, so every panel and view runs on the same code as a file's page
(kg/templates/graph.js), over the part of the graph fetched so far.

Every answer is built from the same per-node and per-edge records as the file's page
(kg.html.node_data, edge_data); ids are the graph's, edges are numbered in the order
the file's page numbers them. Bad input is an ApiError (an HTTP status and a message).
"""
from __future__ import annotations

import heapq
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

import networkx as nx

from .careers import PERSON_TYPES, Careers
from .html import (COMMUNITY_OTHER, DEFAULT_MAX_NODES, Calendar, cited, communities, default_view,
                   edge_data, legend, node_data, page_pieces, seed_layout)
from .metrics import ensure_metrics
from .types import ENTITIES

MAX_QUERY = 100         # characters of a search; a name is rarely over 30
SEARCH_HITS = 30        # results per search, as the file's page lists
MAX_HOPS = 4            # the page offers 1 to 4
MAX_PARAM = 4000        # characters of any other parameter (a list of types or relations)
OVERVIEW = 300          # nodes the served page opens on: it lays them out in about a second
# Iterations of the server's layout (kg.html._relaxed) of the overview, laid out once, and
# of a neighbourhood, laid out per request (500 nodes: about 0.8 s): the page draws them
# as they come, where its own physics took 37 s over one of 500 nodes.
OVERVIEW_RELAX = 200
EGO_RELAX = 100
# Nodes of one neighbourhood at most: near a hub two hops reach thousands, and a browser
# drew the nearest 2,000 (7,000 labelled facts) of one in 54 s.
EGO_NODES = 500
TIP_SOURCES = 1         # sources of an edge fetched with a neighbourhood: the tooltip's quote
NODE_SOURCES = {"holds": 50, "": 5}   # of a selected node's facts: what its panel lists
_SPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_LATIN = re.compile(r"[a-z]+")


class ApiError(Exception):
    """A request the API cannot answer: `status` (4xx) and a one-line message."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def compact(s: str) -> str:
    """As the page compares names: lower case, no spaces."""
    return _SPACE.sub("", s.lower())


class _Blob:
    """Strings joined by NUL, so that one str.find scans all of them at C speed; each
    string belongs to a node (by index)."""

    def __init__(self, items: list[tuple[str, int]]):
        self.starts: list[int] = []
        self.owner: list[int] = []
        pos = 0
        for text, i in items:
            self.starts.append(pos)
            self.owner.append(i)
            pos += len(text) + 1
        self.text = "\0".join(t for t, _ in items)

    def owners(self, q: str, prefix: bool = False) -> set[int]:
        """The nodes one of whose strings contains `q` (starts with it, if `prefix`)."""
        out: set[int] = set()
        find, starts, pos = self.text.find, self.starts, self.text.find(q)
        while pos >= 0:
            j = bisect_right(starts, pos) - 1
            if not prefix or pos == starts[j]:
                out.add(self.owner[j])
            pos = find(q, starts[j + 1]) if j + 1 < len(starts) else -1
        return out


@dataclass(frozen=True)
class Filters:
    """The types and relations shown (None: all), as the page's checkboxes say."""
    types: frozenset[str] | None = None
    rels: frozenset[str] | None = None

    def rel_ok(self, rel: str) -> bool:
        return self.rels is None or rel in self.rels

    def type_ok(self, t: str) -> bool:
        return self.types is None or t in self.types


class Explorer:
    """graph.json of a build, indexed for search and walks (see the module's doc)."""

    def __init__(self, g: nx.MultiDiGraph, title: str = "kg", max_nodes: int = DEFAULT_MAX_NODES,
                 overview: int = OVERVIEW):
        ensure_metrics(g)
        self.g, self.title, self.max_nodes = g, title, max_nodes
        self.ego_nodes = min(EGO_NODES, max_nodes)
        self.careers = Careers(g) if any(d.get("type") in PERSON_TYPES for _, d in g.nodes(data=True)) else None
        self.cal = Calendar.of(g)      # the file's page's: `days` index the same dates
        self.ids = sorted(g.nodes)
        self.index = {n: i for i, n in enumerate(self.ids)}
        # edges in the file page's order; "e<i>" is an edge's id on the page
        self.edges = sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))
        self.adj: dict[str, list[int]] = {n: [] for n in self.ids}
        for i, (h, t, _, _) in enumerate(self.edges):
            self.adj[h].append(i)
            if t != h:
                self.adj[t].append(i)
        nodes = g.nodes
        self.keys = [[compact(nodes[n].get("label", n))] + [compact(a) for a in nodes[n].get("aliases", [])]
                     for n in self.ids]
        self.py = [compact(nodes[n].get("pinyin", "")) for n in self.ids]
        self.initials = ["".join(s[0] for s in nodes[n].get("pinyin", "").split()).lower() for n in self.ids]
        self.degree = [g.degree(n) for n in self.ids]
        self.key_blob = _Blob([(k, i) for i, ks in enumerate(self.keys) for k in ks])
        self.py_blob = _Blob([(p, i) for i, p in enumerate(self.py) if p])
        self.initials_blob = _Blob([(s, i) for i, s in enumerate(self.initials) if s])
        self.by_label: dict[str, list[str]] = {}
        for n in self.ids:
            self.by_label.setdefault(nodes[n].get("label", n), []).append(n)
        for same in self.by_label.values():
            same.sort(key=lambda n: (-g.degree(n), n))
        self.types = Counter(d.get("type", "") for _, d in g.nodes(data=True))
        posts = sum(len(d.get("posts", [])) for _, d in g.nodes(data=True))
        self.rels = Counter(d.get("rel", "") for _, _, _, d in self.edges) + Counter(holds=posts)
        self.facts = len(self.edges) + posts
        self.overview = sorted(default_view(g, min(overview, max_nodes)) or self.ids)
        self._about: dict[str, str] = {}

    @property
    def large(self) -> bool:
        """Whether the graph is over the page limit, so the page is served in parts."""
        return len(self.ids) > self.max_nodes

    # -- the page ----------------------------------------------------------------------

    def page(self) -> bytes:
        """The served explorer page: the overview, and the whole graph's counts."""
        g = self.g
        inside = set(self.overview)
        nodes = [self._light(n) for n in self.overview]
        edges = [self._edge(i, TIP_SOURCES) for i in sorted(
            {i for n in self.overview for i in self.adj[n] if self._other(i, n) in inside})]
        docs, arts = cited(g, nodes, edges, self.cal)
        data = {
            "title": self.title, "nodes": nodes, "edges": edges, "shown": self.overview,
            # final positions: a page would take seconds to lay the overview out itself
            "pos": seed_layout(g, self.overview, relax=OVERVIEW_RELAX), "max_nodes": self.max_nodes, "focus": [],
            **legend(self.types, self.rels),
            "communities": communities([{"community": d["community"], "pagerank": d["pagerank"],
                                         "id": n, "label": d.get("label", n)}
                                        for n, d in g.nodes(data=True)]),
            "community_other": COMMUNITY_OTHER, "docs": docs, "articles": arts, "dates": self.cal.dates,
            "remote": {"nodes": len(self.ids), "facts": self.facts,
                       "isolated": sum(1 for d in self.degree if d == 0),
                       "overview": len(self.overview), "limit": self.max_nodes, "ego_limit": self.ego_nodes},
        }
        return "".join(page_pieces(data, self.title, served=True)).encode("utf-8")

    # -- records -----------------------------------------------------------------------

    def _other(self, i: int, n: str) -> str:
        h, t = self.edges[i][:2]
        return t if h == n else h

    def _edge(self, i: int, shown: int) -> dict:
        h, t, k, d = self.edges[i]
        e = edge_data(h, t, k, d, self.cal, shown)
        e["id"] = f"e{i}"
        return e

    def about(self, n: str) -> str:
        """The line that tells namesakes apart, as the file's page writes it: type, two
        posts, the number of links (kept: a hub's takes its thousands of facts to make)."""
        if n not in self._about:
            self._about[n] = self._describe(n)
        return self._about[n]

    def _describe(self, n: str) -> str:
        g, d = self.g, self.g.nodes[n]
        posts = list(dict.fromkeys(
            [f"{self.edges[i][3].get('title', '')} @ {g.nodes[self.edges[i][1]].get('label', '')}"
             for i in self.adj[n] if self.edges[i][3].get("rel") == "holds" and self.edges[i][0] == n]
            + [p.get("title", "") for p in d.get("posts", [])]))
        t = d.get("type", "")
        zh = ENTITIES[t].zh if t in ENTITIES else ""
        return " · ".join(x for x in [zh or t, *posts[:2], f"+{len(posts) - 2} posts" if len(posts) > 2 else "",
                                      f"{g.degree(n)} links"] if x)

    def _light(self, n: str) -> dict:
        """A node without its quotes, posts and spells (`partial`: the page fetches them
        when it is selected), with its dates and the namesakes line."""
        d = self.g.nodes[n]
        return {"id": n, "label": d.get("label", n), "type": d.get("type", ""),
                "pinyin": d.get("pinyin", ""), "aliases": list(d.get("aliases", [])),
                "code": d.get("code", ""), "degree": self.g.degree(n),
                "weighted_degree": d["weighted_degree"], "pagerank": d["pagerank"],
                "betweenness": d["betweenness"], "community": d["community"],
                "posts": [], "spells": [], "mentions": [], "mention_count": len(d.get("mentions", [])),
                **self.cal.when(d.get("mentions", [])),     # the period filter shows it or not
                "partial": True, "about": self.about(n), "namesakes": len(self.by_label[d.get("label", n)])}

    def _answer(self, nodes: list[dict], edges: list[dict], **extra) -> dict:
        docs, arts = cited(self.g, nodes, edges, self.cal)
        return {**extra, "nodes": nodes, "edges": edges, "docs": docs, "articles": arts}

    def node_id(self, n: str) -> str:
        if n not in self.index:
            raise ApiError(404, f"no node with id {n[:100]!r}")
        return n

    # -- the API -----------------------------------------------------------------------

    def search(self, q: str) -> dict:
        """The SEARCH_HITS best matches of `q` and how many there are, ranked as the
        file's page ranks them: a name or alias equal, a name starting with it, the
        pinyin equal, a name or alias containing it, the pinyin starting with or
        containing it, pinyin initials; then by links, name and id."""
        if len(q) > MAX_QUERY:
            raise ApiError(400, f"q: a search of at most {MAX_QUERY} characters")
        cq = compact(q)                     # spaces, tabs and line ends go
        if _CONTROL.search(cq):
            raise ApiError(400, "q: control characters cannot be searched for")
        if not cq:
            return {"q": q, "total": 0, "hits": []}
        found = self.key_blob.owners(cq) | self.py_blob.owners(cq)
        latin = bool(_LATIN.fullmatch(cq))
        if latin:
            found |= self.initials_blob.owners(cq, prefix=True)

        def score(i: int) -> int:
            keys, py = self.keys[i], self.py[i]
            if cq in keys:
                return 0
            if keys[0].startswith(cq):
                return 1
            if py == cq:
                return 2
            if any(cq in k for k in keys):
                return 3
            if py.startswith(cq):
                return 4
            if cq in py:
                return 5
            return 6

        labels = self.g.nodes
        best = heapq.nsmallest(SEARCH_HITS, found, key=lambda i: (
            score(i), -self.degree[i], labels[self.ids[i]].get("label", ""), self.ids[i]))
        return {"q": q, "total": len(found), "hits": [self._light(self.ids[i]) for i in best]}

    def node(self, n: str) -> dict:
        """A node in full (quotes, posts, spells), its facts with the sources its panel
        lists, its neighbours and its namesakes."""
        n = self.node_id(n)
        g = self.g
        full = node_data(g, n, self.careers, self.cal)
        full.update(about=self.about(n), namesakes=len(self.by_label[full["label"]]))
        edges = [self._edge(i, NODE_SOURCES.get(self.edges[i][3].get("rel"), NODE_SOURCES[""]))
                 for i in self.adj[n]]
        others = dict.fromkeys([self._other(i, n) for i in self.adj[n]] + self.by_label[full["label"]])
        others.pop(n, None)
        return self._answer([full] + [self._light(m) for m in others], edges, id=n)

    def edge(self, eid: str) -> dict:
        """One fact with the sources a page carries (kg.html.SHOWN_SOURCES)."""
        if not re.fullmatch(r"e[0-9]{1,9}", eid) or int(eid[1:]) >= len(self.edges):
            raise ApiError(404, f"no edge with id {eid[:100]!r}")
        i = int(eid[1:])
        h, t = self.edges[i][:2]
        return self._answer([self._light(h)] + ([self._light(t)] if t != h else []), [self._edge(i, 50)], id=eid)

    def neighbourhood(self, n: str, hops: int, filters: Filters) -> dict:
        """`n` and what lies within `hops` hops of it through the relations and types
        shown (as the page's ego view walks), nearest first and at most `ego_nodes` of
        them (`truncated` says when more were left out), with every fact among them and
        the positions the page draws them at (`pos`)."""
        n = self.node_id(n)
        if not 0 <= hops <= MAX_HOPS:
            raise ApiError(400, f"hops: 0 to {MAX_HOPS}")
        seen = {n: 0}
        frontier, truncated = [n], False
        for depth in range(hops):
            nxt = []
            for u in frontier:
                for i in self.adj[u]:
                    if not filters.rel_ok(self.edges[i][3].get("rel", "")):
                        continue
                    v = self._other(i, u)
                    if v not in seen and filters.type_ok(self.g.nodes[v].get("type", "")):
                        if len(seen) >= self.ego_nodes:
                            truncated = True
                            break
                        seen[v] = depth + 1
                        nxt.append(v)
                if truncated:
                    break
            if truncated:
                break
            frontier = nxt
        members = list(seen)
        # final positions, laid out as the overview is: the page runs no physics over them
        return self._subgraph(members, id=n, hops=hops, truncated=truncated,
                              pos=seed_layout(self.g, members, relax=EGO_RELAX))

    def _subgraph(self, members: list[str], **extra) -> dict:
        """Light records of `members` and of every fact among them."""
        inside = set(members)
        edges = sorted({i for u in members for i in self.adj[u] if self._other(i, u) in inside})
        return self._answer([self._light(m) for m in members], [self._edge(i, TIP_SOURCES) for i in edges],
                            **extra)

    def path(self, a: str, b: str, filters: Filters) -> dict:
        """The nodes on the shortest paths from `a` to `b` through the relations and types
        shown (`a` and `b` whatever their type), as `kg path` and the page's path view
        walk, with every fact among them; `length` None when none joins them."""
        a, b = self.node_id(a), self.node_id(b)
        ends = {a, b}

        def reach(src: str) -> dict[str, int]:
            dist, frontier = {src: 0}, [src]
            while frontier:
                nxt = []
                for u in frontier:
                    for i in self.adj[u]:
                        v = self._other(i, u)
                        if v not in dist and filters.rel_ok(self.edges[i][3].get("rel", "")) and \
                                (v in ends or filters.type_ok(self.g.nodes[v].get("type", ""))):
                            dist[v] = dist[u] + 1
                            nxt.append(v)
                frontier = nxt
            return dist

        da = reach(a)
        if b not in da:
            return self._answer([], [], length=None)
        db = reach(b)
        on = sorted(v for v in da if v in db and da[v] + db[v] == da[b])
        if len(on) > self.max_nodes:
            raise ApiError(413, f"{len(on)} nodes lie on the shortest paths, over the limit of {self.max_nodes}")
        return self._subgraph(on, length=da[b])


def filters_of(types: str | None, rels: str | None, known_types: set[str], known_rels: set[str]) -> Filters:
    """The filters of the `types` and `rels` parameters (comma-separated names shown)."""
    out = []
    for name, value, known in (("types", types, known_types), ("rels", rels, known_rels)):
        if value is None:
            out.append(None)
            continue
        if len(value) > MAX_PARAM:
            raise ApiError(400, f"{name}: at most {MAX_PARAM} characters")
        names = frozenset(x for x in value.split(",") if x)
        unknown = sorted(names - known)
        if unknown:
            raise ApiError(400, f"{name}: unknown {', '.join(repr(x[:40]) for x in unknown[:3])}")
        out.append(names)
    return Filters(*out)
