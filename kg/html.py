"""Interactive HTML view of the graph: one self-contained page that works offline.

pyvis's own templates load vis-network and Bootstrap from CDNs and put the heading
in unescaped, so the page comes from kg's template with vis-network's JavaScript and
CSS read from the pyvis package and inlined. The graph travels as one JSON data block
(escaped so no document text can close it) that the page's own script turns into
vis-network nodes and DOM built with textContent: document text is never parsed as
HTML. A Content-Security-Policy allows only the page's two scripts, by hash, so
even a mistake in escaping could not run injected script.

Large graphs stay responsive: above `max_nodes` the page first shows only the most
connected nodes (and says so) while search still reaches every node.
"""
from __future__ import annotations

import base64
import hashlib
import html
import math
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterator

import networkx as nx

from .careers import PERSON_TYPES, Careers, date_order, date_text, is_full
from .defaults import DEFAULT_MAX_NODES
from .errors import UserError
from .graph import Src, node, nodes
from .metrics import ensure_metrics
from .outputs import atomic_write_text, json_pieces
from .types import ENTITIES, HOLDS, HOLDS_STYLE, RELATIONS

# type -> (fill, vis shape, legend glyph, Chinese name, outline colour, dashed outline)
TYPE_STYLE: dict[str, tuple[str, str, str, str, str, bool]] = {
    name: (t.colour, t.shape, t.glyph, t.zh, t.border or t.colour, t.dashed)
    for name, t in ENTITIES.items()}                                              # kg.types
OTHER_TYPE = ("#7f7f7f", "dot", "●", "", "#7f7f7f", False)

OTHER_REL = ("#999999", "")


def rel_style(rel: str) -> tuple[str, str]:
    """(colour, Chinese gloss) of a relation; posts ("holds") are labelled with the title.
    Read from kg.types when a page is drawn, so a relation registered at run time
    (kg.types.register) is drawn in its own colour."""
    if rel == HOLDS:
        return HOLDS_STYLE
    r = RELATIONS.get(rel)
    return (r.colour, r.zh) if r else OTHER_REL

# Colours of the largest communities (Kelly's colours of maximum contrast, grey left
# out); smaller ones share COMMUNITY_OTHER, or a thousand singletons would be a rainbow.
COMMUNITY_COLOURS = ("#f3c300", "#875692", "#f38400", "#a1caf1", "#be0032", "#c2b280",
                     "#008856", "#e68fac", "#0067a5", "#f99379", "#604e97", "#f6a600",
                     "#b3446c", "#dcd300", "#882d17", "#8db600")
COMMUNITY_OTHER = "#d0d0d0"


def _vis_assets() -> tuple[str, str]:
    """vis-network as shipped inside the pyvis package (no CDN)."""
    lib = resources.files("pyvis") / "lib" / "vis-9.1.2"
    return ((lib / "vis-network.min.js").read_text(encoding="utf-8"),
            (lib / "vis-network.css").read_text(encoding="utf-8"))


_SCRIPT_UNSAFE = re.compile("[<>&\u2028\u2029]")
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                   "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _script_json(obj: dict) -> Iterator[str]:
    """JSON safe inside <script>, in pieces (see json_pieces): no '</', '<!--' or U+2028
    can end or break the block (each is escaped where it stands, piece by piece)."""
    for piece in json_pieces(obj):
        yield _SCRIPT_UNSAFE.sub(lambda m: _SCRIPT_ESCAPES[m[0]], piece)


def _inline_js(js: str) -> str:
    """Script text that the HTML parser cannot end early ('</script') or switch into its
    escaped states ('<!--'); both escapes mean the same inside JS strings and regexes."""
    return js.replace("</script", "<\\/script").replace("<!--", "<\\!--")


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def _source(s: Src) -> dict:
    """A source as the panel cites it; a mention's with the rule that found it."""
    out = {"doc": s.doc, "article": s.article, "quote": s.quote, "start": s.start, "end": s.end}
    if s.in_quote:
        out["in_quote"] = s.in_quote
    if s.rule:
        out["rule"] = s.rule
    return out


# Sources the page carries per node, edge or post: the panel lists this many and counts
# the rest, which graph.json and graph.ttl hold. A corpus's home city has tens of
# thousands of mentions; carried in full they made a 50 MB corpus's page 223 MB.
SHOWN_SOURCES = 50


def _sources(sources: list[dict]) -> list[dict]:
    return [_source(Src(s)) for s in sources[:SHOWN_SOURCES]]


def default_view(g: nx.MultiDiGraph, max_nodes: int | None) -> list[str] | None:
    """Ids of the most connected `max_nodes` nodes, or None when the whole graph fits.

    Ranked by degree, then mentions, then id, so the same graph always opens the same way.
    """
    if max_nodes is None or g.number_of_nodes() <= max_nodes:
        return None
    ranked = sorted(g.nodes, key=lambda n: (-g.degree(n), -len(node(g, n).mentions), n))
    return sorted(ranked[:max_nodes])


SPRING = 110     # vis-network's spring length in the page: one hop in seed_layout


def seed_layout(g: nx.MultiDiGraph, nodes: list[str], relax: int = 0) -> dict[str, tuple[int, int]]:
    """Starting positions for the page's physics, in O(nodes + edges).

    From random positions a 5,000-node graph is still a hairball after the few seconds
    of physics a browser can spare; from here it only has to relax. Each connected part
    is a radial tree around its best-connected node (wedges sized by subtree), and the
    parts are packed in rows, largest first. `relax`: iterations of force-directed relaxation of
    each part's tree (_relaxed), for a page that opens on these positions without running
    its own physics (`kg serve`'s overview and neighbourhoods).
    """
    h = nx.Graph()                 # the shape alone: copying the facts' data cost a second
    h.add_nodes_from(nodes)
    h.add_edges_from(g.subgraph(nodes).edges())
    parts = sorted((sorted(c) for c in nx.connected_components(h)), key=lambda c: (-len(c), c[0]))
    placed: list[tuple[float, dict[str, tuple[float, float]]]] = []
    for comp in parts:
        root = max(comp, key=lambda n: (h.degree(n), n))
        parent = {root: ""}
        order = [root]
        for u in order:                                   # BFS; `order` grows as it goes
            for v in sorted(h[u]):
                if v not in parent:
                    parent[v] = u
                    order.append(v)
        leaves = dict.fromkeys(order, 0)
        children: dict[str, list[str]] = {u: [] for u in order}
        for v in reversed(order):
            leaves[v] = max(leaves[v], 1)
            if parent[v]:
                leaves[parent[v]] += leaves[v]
                children[parent[v]].append(v)
        pos: dict[str, tuple[float, float]] = {root: (0.0, 0.0)}
        wedge = {root: (0.0, 2 * math.pi)}
        depth = {root: 0}
        for u in order:
            lo, hi = wedge[u]
            share = (hi - lo) / leaves[u]                 # leaves[u] = sum over its children
            for v in reversed(children[u]):
                span = share * leaves[v]
                wedge[v] = (lo, lo + span)
                lo += span
                depth[v] = depth[u] + 1
                a = sum(wedge[v]) / 2
                pos[v] = (depth[v] * SPRING * math.cos(a), depth[v] * SPRING * math.sin(a))
        radius = (max(depth.values()) + 0.5) * SPRING
        if relax and len(comp) > 2:
            pos, radius = _relaxed(h.subgraph(comp), pos, relax)
        placed.append((radius, pos))
    width = math.sqrt(sum((2 * r) ** 2 for r, _ in placed)) * 1.1
    out: dict[str, tuple[int, int]] = {}
    x = y = row = 0.0
    for r, pos in placed:
        if x and x + 2 * r > width:
            x, y, row = 0.0, y + row, 0.0
        for n, (px, py) in pos.items():
            out[n] = (round(x + r + px), round(y + r + py))
        x += 2 * r
        row = max(row, 2 * r)
    return out


def _relaxed(h: nx.Graph, pos: dict[str, tuple[float, float]],
             iterations: int) -> tuple[dict[str, tuple[float, float]], float]:
    """`pos` relaxed by Fruchterman-Reingold forces (as networkx's spring_layout computes
    them, for a fixed count of iterations from `pos`: no randomness), scaled so the median
    tie is one SPRING long; its radius. Written out on x and y apart: from 500 nodes
    networkx takes its sparse path, which laid 500 out in 10 s (200 iterations; this, 1.7 s)."""
    import numpy as np

    nodes = sorted(h)
    at = {n: i for i, n in enumerate(nodes)}
    x = np.array([pos[n][0] for n in nodes], dtype=float)
    y = np.array([pos[n][1] for n in nodes], dtype=float)
    reach = max(float(np.abs(x).max()), float(np.abs(y).max())) or 1.0     # about 1, as networkx's
    x /= reach
    y /= reach
    tie = np.zeros((len(nodes), len(nodes)))
    ties = [(at[u], at[v]) for u, v in h.edges() if u != v]
    for i, j in ties:
        tie[i, j] = tie[j, i] = 1.0
    k = math.sqrt(1.0 / len(nodes))              # the ideal distance
    t = max(float(np.ptp(x)), float(np.ptp(y))) * 0.1           # the largest step, cooled linearly
    dt = t / (iterations + 1)
    for _ in range(iterations):
        dx, dy = x[:, None] - x, y[:, None] - y
        d = np.maximum(np.hypot(dx, dy), 0.01)
        f = k * k / (d * d) - tie * d / k        # repulsion between all, attraction along ties
        px, py = (dx * f).sum(axis=1), (dy * f).sum(axis=1)
        step = t / np.maximum(np.hypot(px, py), 0.01)
        x += px * step
        y += py * step
        t -= dt
    lengths = sorted(math.hypot(x[i] - x[j], y[i] - y[j]) for i, j in ties)
    scale = SPRING / max(lengths[len(lengths) // 2], 1e-9)
    out = {n: (float(x[i]) * scale, float(y[i]) * scale) for n, i in at.items()}
    return out, max(math.hypot(a, b) for a, b in out.values()) + SPRING / 2


def _spot(s: dict) -> tuple:
    return s.get("doc", ""), s.get("start"), s.get("end")


def _spells(g: nx.MultiDiGraph, careers: Careers, person: str) -> list[dict]:
    """A person's career spells as the panel lists them, one entry per post: post, body,
    dates as read, and the reports (one per date) with their evidence.

    A report whose post and date are a `holds` edge says so (`edge`) and carries only
    the sentences that edge lacks (those of a post read without its body): the page
    holds the edge's own once, on the edge (carried twice, they added 10 MB to the
    122 MB page of a 50 MB corpus). What a spell carries stops at SHOWN_SOURCES, as elsewhere."""
    on_edge = {(v, d.get("title", ""), d.get("as_of", "")): {_spot(x) for x in d.get("sources", [])}
               for _, v, d in g.out_edges(person, data=True) if d.get("rel") == HOLDS}
    out = []
    for s in careers.by_person.get(person, []):
        w = s.where
        room = SHOWN_SOURCES
        reported = []
        for day in sorted(s.reported, key=date_order):
            edge = on_edge.get((w.org, s.title, day))
            own = [x for x in s.evidence[day] if edge is None or _spot(x) not in edge]
            shown = _sources(own[:room])
            room -= len(shown)
            reported.append({"as_of": date_text(day), "articles": len(s.reported[day]),
                             "source_count": len(s.evidence[day]), **({"sources": shown} if shown else {}),
                             **({"edge": True} if edge else {})})
        out.append({"title": s.title, "org": w.org, "where": "" if w.org else w.area_name,
                    "rank": s.info.rank, "first": s.full[0] if s.full else "",
                    "last": s.full[-1] if s.full else "",
                    "range": " – ".join(dict.fromkeys(date_text(x) for x in (s.first, s.last) if x)),
                    "reports": s.reports, "placed": w.placed, "reported": reported})
    return out


def article_dates(g: nx.MultiDiGraph) -> dict[str, str]:
    """Each article's date as a full ISO date, as resolve._as_of dates a post: its latest
    full date not after the issue, else the issue's date; without an issue date, its
    first date if that has a year. Articles with no such date are left out: a date
    without a year (--05-21) has no place on a time line."""
    docs = g.graph.get("documents", {})
    out = {}
    for k, a in g.graph.get("articles", {}).items():
        issue = (docs.get(a.get("doc", "")) or {}).get("date") or ""
        dates = a.get("dates") or []
        day = max((x for x in dates if is_full(x) and x <= issue), default=issue) if issue \
            else (dates[0] if dates else "")
        if is_full(day):
            out[k] = day
    return out


@dataclass(frozen=True)
class Calendar:
    """The calendar of a graph's evidence: each article's full date (article_dates) and
    the sorted dates a page lists (`dates`), which nodes' and edges' `days` index. One
    per graph, so the file's page and every answer of `kg serve` index the same dates."""
    dated: dict[str, str]
    dates: list[str]
    index: dict[str, int]

    @classmethod
    def of(cls, g: nx.MultiDiGraph) -> Calendar:
        dated = article_dates(g)
        dates = sorted(set(dated.values()))
        return cls(dated, dates, {d: i for i, d in enumerate(dates)})

    def when(self, sources: list[dict]) -> dict:
        """The dates of `sources` (all of them, not only those the page carries) as
        indexes into `dates`, and `undated` when any has no full date."""
        days = {self.dated.get(s.get("article", ""), "") for s in sources}
        return {"days": sorted(self.index[d] for d in days if d), **({"undated": True} if "" in days else {})}


def payload(g: nx.MultiDiGraph, title: str = "kg", max_nodes: int | None = DEFAULT_MAX_NODES,
            focus: list[str] | None = None, careers: Careers | None = None) -> dict:
    """Everything the page shows, as plain JSON: nodes with their metrics (a person's
    with their career spells, kg.careers), edges with evidence, documents, the largest
    communities, and the calendar of the evidence (`dates`: each full date some cited
    article has, which nodes' and edges' `days` index; `undated`: some evidence has no
    such date). `careers`: the graph's, when the caller has them already."""
    ensure_metrics(g)
    if careers is None and any(d.type in PERSON_TYPES for d in nodes(g)):
        careers = Careers(g)
    cal = Calendar.of(g)
    shown_nodes = [node_data(g, n, careers, cal) for n in sorted(g.nodes)]
    edges = [edge_data(h, t, k, d, cal) for h, t, k, d in
             sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))]
    docs, arts = cited(g, shown_nodes, edges, cal)
    types = Counter(x["type"] for x in shown_nodes)
    # as `kg stats` counts them: posts without an organisation (no edge) are facts too
    rels = Counter(e["rel"] for e in edges) + Counter(holds=sum(len(x["posts"]) for x in shown_nodes))
    shown = default_view(g, max_nodes)
    return {
        "title": title,
        "nodes": shown_nodes,
        "edges": edges,
        "shown": shown,
        "pos": seed_layout(g, sorted(g) if shown is None else shown),
        "max_nodes": max_nodes,
        "focus": [n for n in (focus or []) if n in g],
        **legend(types, rels),
        "communities": communities(shown_nodes),
        "community_other": COMMUNITY_OTHER,
        "docs": docs,
        "articles": arts,
        "dates": cal.dates,
    }


def node_data(g: nx.MultiDiGraph, n: str, careers: Careers | None, cal: Calendar) -> dict:
    """A node as the page holds it: its metrics, posts, career spells, sources and dates."""
    d = g.nodes[n]
    return {"id": n, "label": d.get("label", n), "type": d.get("type", ""),
            "pinyin": d.get("pinyin", ""), "aliases": list(d.get("aliases", [])),
            "code": d.get("code", ""), "degree": g.degree(n),
            "weighted_degree": d["weighted_degree"], "pagerank": d["pagerank"],
            "betweenness": d["betweenness"], "community": d["community"],
            # the panel shows posts as spells, which carry their evidence
            "posts": [{"title": p.get("title", ""), "as_of": date_text(p.get("as_of", "")),
                       "source_count": len(p.get("sources", []))}
                      for p in d.get("posts", [])],
            "spells": _spells(g, careers, n) if careers else [],
            "mentions": _sources(d.get("mentions", [])),
            "mention_count": len(d.get("mentions", [])), **cal.when(d.get("mentions", []))}


def edge_data(h: str, t: str, k: str, d: dict, cal: Calendar, shown: int = SHOWN_SOURCES) -> dict:
    """A fact as the page holds it, with its first `shown` sources and its dates."""
    return {"from": h, "to": t, "rel": d.get("rel", str(k)), "title": d.get("title", ""),
            "as_of": date_text(d.get("as_of", "")), "sources": [_source(Src(s)) for s in d.get("sources", [])[:shown]],
            "source_count": len(d.get("sources", [])),
            **({"derived": d["derived"]} if d.get("derived") else cal.when(d.get("sources", [])))}


def cited(g: nx.MultiDiGraph, nodes: list[dict], edges: list[dict], cal: Calendar) -> tuple[dict, dict]:
    """The documents and articles the sources of `nodes` and `edges` cite (their
    mentions, facts and spells' reports), as the citations under each quote name them;
    an article with its date (Calendar.dated)."""
    srcs = [s for x in nodes for s in x.get("mentions", [])] + [s for e in edges for s in e["sources"]] + \
           [s for x in nodes for p in x.get("spells", []) for r in p["reported"] for s in r.get("sources", [])]
    docs, arts = g.graph.get("documents", {}), g.graph.get("articles", {})
    doc_ids, art_ids = {s["doc"] for s in srcs}, {s["article"] for s in srcs}
    return ({k: {"paper": v.get("paper", ""), "date": v.get("date", "")} for k, v in docs.items() if k in doc_ids},
            {k: {"title": v.get("title", ""), "index": v.get("index"),
                 **({"date": cal.dated[k]} if k in cal.dated else {})} for k, v in arts.items() if k in art_ids})


def legend(types: Counter, rels: Counter) -> dict:
    """The filter panel's rows: each type and relation with its style and count."""
    return {"types": {t: dict(zip(("color", "shape", "glyph", "zh", "border", "dashed"),
                                  TYPE_STYLE.get(t, OTHER_TYPE)),
                              count=types[t]) for t in sorted(types, key=_type_order)},
            "rels": {r: dict(zip(("color", "zh"), rel_style(r)), count=rels[r])
                     for r in sorted(rels, key=_rel_order)}}


def communities(nodes: list[dict]) -> list[dict]:
    """The largest communities among `nodes` (their number, colour, size and the label of
    their member of highest PageRank), one per colour of COMMUNITY_COLOURS."""
    members: dict[int, list[dict]] = {}
    for n in nodes:
        members.setdefault(n["community"], []).append(n)
    ranked = sorted(members, key=lambda c: (-len(members[c]), c))[:len(COMMUNITY_COLOURS)]
    return [{"id": c, "color": colour, "count": len(members[c]),
             "label": max(members[c], key=lambda n: (n["pagerank"], n["id"]))["label"]}
            for c, colour in zip(ranked, COMMUNITY_COLOURS)]


def _type_order(t: str) -> tuple[int, str]:
    keys = list(TYPE_STYLE)
    return (keys.index(t) if t in keys else len(keys), t)


def _rel_order(r: str) -> tuple[int, str]:
    keys = [HOLDS, *RELATIONS]
    return (keys.index(r) if r in keys else len(keys), r)


def render(g: nx.MultiDiGraph, title: str = "kg", max_nodes: int | None = DEFAULT_MAX_NODES,
           focus: list[str] | None = None) -> str:
    """The explorer page of `g` as one HTML string (see render_pieces)."""
    return "".join(render_pieces(g, title, max_nodes, focus))


def render_pieces(g: nx.MultiDiGraph, title: str = "kg", max_nodes: int | None = DEFAULT_MAX_NODES,
                  focus: list[str] | None = None, careers: Careers | None = None) -> Iterator[str]:
    """The explorer page of `g`, in pieces to write as they come: a big corpus's page
    never exists whole in memory.

    max_nodes: above this many nodes the page opens on the most connected `max_nodes`
    (None: always everything). focus: node ids selected when the page opens. careers:
    the graph's career spells, when the caller has them already (a build computes them once).
    """
    return page_pieces(payload(g, title, max_nodes, focus, careers), title)


def page_pieces(data: dict, title: str, served: bool = False) -> Iterator[str]:
    """The explorer page of a payload (see `payload`), in pieces. `served`: a page that
    `kg serve` gives out and that fetches from its API, which the CSP then allows
    (same origin only); a file's page may connect nowhere."""
    vis_js, vis_css = _vis_assets()
    vis_js = _inline_js(vis_js)
    template = (resources.files("kg") / "templates" / "graph.html").read_text(encoding="utf-8")
    app_js = _inline_js((resources.files("kg") / "templates" / "graph.js").read_text(encoding="utf-8"))
    csp = ("default-src 'none'; script-src " + _csp_hash(vis_js) + " " + _csp_hash(app_js)
           + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
           + ("; connect-src 'self'" if served else ""))
    parts = {
        "TITLE": [html.escape(title)],
        "CSP": [html.escape(csp)],
        "VIS_CSS": [vis_css.replace("</style", "<\\/style")],
        "VIS_JS": [vis_js],
        "APP_JS": [app_js],
        "DATA": _script_json(data),
    }
    # text inserted for a placeholder is never scanned for placeholders
    pieces = re.split(r"\{\{(\w+)\}\}", template)
    for i, piece in enumerate(pieces):
        if i % 2:
            yield from parts[piece]
        else:
            yield piece


def write_html(g: nx.MultiDiGraph, path: Path, title: str = "kg",
               max_nodes: int | None = DEFAULT_MAX_NODES, focus: list[str] | None = None) -> None:
    """Write the explorer page atomically (see `render` for the parameters)."""
    atomic_write_text(Path(path), render(g, title, max_nodes, focus))


def find_nodes(g: nx.MultiDiGraph, name: str) -> list[str]:
    """Nodes called `name`: by id, else label, else alias, else pinyin (case, spaces ignored).

    Two people may share a name and stay two nodes; all of them are returned.
    """
    if name in g:
        return [name]
    q = name.replace(" ", "").lower()
    fields = (lambda d: [d.label], lambda d: d.aliases, lambda d: [d.pinyin])
    for field in fields:
        hits = sorted(d.id for d in nodes(g) if q in (v.replace(" ", "").lower() for v in field(d)))
        if hits:
            return hits
    return []


def unknown_name(g: nx.MultiDiGraph, name: str) -> UserError:
    """The error for a name no entity has, with up to five names that contain it."""
    q = name.replace(" ", "").lower()
    near = sorted((d.label for d in nodes(g) if q in d.label.lower() or q in d.pinyin.replace(" ", "")),
                  key=lambda s: (len(s), s))[:5]
    return UserError(f"no entity called {name!r}" +
                     (f"; similar: {'、'.join(near)}" if near else "; search graph.html to find its name"))


def ego_subgraph(g: nx.MultiDiGraph, centres: list[str], depth: int) -> nx.MultiDiGraph:
    """`centres` and every node within `depth` hops, edges followed either way."""
    u = g.to_undirected(as_view=True)
    keep: set[str] = set()
    for c in centres:
        keep |= set(nx.single_source_shortest_path_length(u, c, cutoff=depth))
    return g.subgraph(keep).copy()


def namesakes(g: nx.MultiDiGraph, name: str) -> list[str]:
    """The entities `name` designates (see find_nodes), most connected first: a villager
    and the official of one name stay two nodes, and the official is the likelier."""
    found = find_nodes(g, name)
    if not found:
        raise unknown_name(g, name)
    return sorted(found, key=lambda n: (-g.degree(n), n))


def write_ego_html(g: nx.MultiDiGraph, name: str, depth: int, path: Path,
                   max_nodes: int | None = DEFAULT_MAX_NODES, pick: int = 1) -> tuple[str, list[str]]:
    """Write the explorer page of the neighbourhood (`depth` hops) of the `pick`th entity
    called `name`, most connected first; return its id and every namesake's, in that order.

    The centre opens selected and outlined, so the page starts on the person or agency asked for.
    """
    found = namesakes(g, name)
    if not 1 <= pick <= len(found):
        raise UserError(f"--pick {pick}: {len(found)} entit{'y is' if len(found) == 1 else 'ies are'} "
                        f"called {name!r}; pick 1 to {len(found)}")
    centre = found[pick - 1]
    sub = ego_subgraph(g, [centre], depth)
    write_html(sub, path, title=f"{node(g, centre).label} ±{depth}", max_nodes=max_nodes, focus=[centre])
    return centre, found
