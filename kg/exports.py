"""Exports of a built graph for the tools researchers already use.

Every format is a view of the one MultiDiGraph (graph.py), rendered to files as
bytes: single-file formats can go to stdout so commands pipe; folder formats
(neo4j, csv) write several tables and need an output folder. GraphML and GEXF
cannot hold lists or dicts, so provenance is flattened there: aliases joined with
"|", mention/source counts, and the first source (doc, article, quote) as strings.
Output is deterministic: nodes by id, edges by (source, target, key), rows sorted.
"""
from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import networkx as nx

from .careers import PERSON_TYPES, Careers, date_order
from .comention import comention_graph, comentions
from .errors import UserError
from .graph import (Fact, Node, Src, document, facts, facts_in, first_source, from_node_link, is_kg_graph,
                    node, nodes, to_node_link, ups)
from .metrics import METRICS, ensure_metrics
from .outputs import atomic_write_bytes, dumps_json, json_pieces
from .popolo import popolo
from .rdf import DEFAULT_BASE, serialize

Files = dict[str, bytes]
BOM = "\ufeff"


@dataclass(frozen=True)
class Options:
    """What the user asked of an export beyond its format."""
    base_iri: str = DEFAULT_BASE     # of the IRIs of RDF (and of Popolo's source links)
    bom: bool = False                # UTF-8 with a byte-order mark, for Excel (CSV tables)
    all_persons: bool = False        # Persons with posts too, not only Officials


@dataclass(frozen=True)
class Format:
    """How one export format is rendered and what it is for (shown in --help)."""
    render: Callable[[nx.MultiDiGraph, Options], Files]
    folder: bool            # several files: needs an output folder, cannot go to stdout
    csv: bool               # a spreadsheet table, so --bom applies
    help: str
    persons: bool = False   # lists Officials only unless --all-persons


def load_graph(path: str | Path) -> nx.MultiDiGraph:
    """The graph of a build: an output folder of `kg build` or its graph.json."""
    p = Path(path)
    if p.is_dir():
        p = p / "graph.json"
    if not p.exists():
        raise UserError(f"{p}: not found; give a folder written by `kg build` or its graph.json")
    try:
        g = from_node_link(json.loads(p.read_text(encoding="utf-8")))
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, nx.NetworkXError) as e:
        raise UserError(f"{p}: not a kg graph.json ({e}); rebuild it with `kg build`") from e
    if not is_kg_graph(g):
        raise UserError(f"{p}: a node-link graph, but not one kg wrote; rebuild it with `kg build`")
    return g


def _sorted_facts(g: nx.MultiDiGraph) -> list[Fact]:
    return sorted(facts(g), key=lambda f: (f.head, f.tail, f.key))


FIRST = ("doc", "article", "quote")     # the columns of a fact's first source


def _first(sources: list[dict]) -> tuple[str, str, str]:
    """The earliest source (by doc and offset), the one a flat table can show: its
    document, article and quote ("" each when there is none)."""
    s = first_source(sources)
    return ("", "", "") if s is None else (s.doc, s.article, s.quote)


def _node_posts(d: Node) -> list[str]:
    """Posts held without a known organisation, as "title@as_of"."""
    return sorted(f"{p.title}@{p.as_of}" if p.as_of else p.title for p in d.posts)


def flat_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only string, int and float attributes, as GraphML and GEXF require,
    the network metrics (kg.metrics) included."""
    ensure_metrics(g)
    out = nx.MultiDiGraph()
    for n in sorted(g):
        d = node(g, n)
        out.add_node(n, label=d.label, type=d.type, aliases="|".join(d.aliases),
                     code=d.code, pinyin=d.pinyin,
                     mentions=len(d.mentions), posts="|".join(_node_posts(d)),
                     **dict(zip(FIRST, _first(d.mentions))), **{m: d.metric(m) for m in METRICS})
    for f in _sorted_facts(g):
        # Edge ids must be unique in the file (Gephi merges equal ids), and keys repeat
        # across node pairs; the pair plus the key is unique in a MultiDiGraph.
        out.add_edge(f.head, f.tail, key=f"{f.head}|{f.key}|{f.tail}", label=f.rel, rel=f.rel,
                     title=f.title, as_of=f.as_of, sources=len(f.sources),
                     **dict(zip(FIRST, _first(f.sources))))
    return out


def _graphml(g: nx.MultiDiGraph, o: Options) -> Files:
    buf = io.BytesIO()
    nx.write_graphml(flat_graph(g), buf, encoding="utf-8", prettyprint=True)
    return {"graph.graphml": buf.getvalue()}


def _gexf(g: nx.MultiDiGraph, o: Options) -> Files:
    w = nx.readwrite.gexf.GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    w.add_graph(flat_graph(g))
    # networkx stamps today's date; drop it (optional in GEXF) so output is reproducible.
    w.xml.find("meta").attrib.pop("lastmodifieddate", None)
    buf = io.BytesIO()
    w.write(buf)            # UTF-8 text, not the character references str(w) gives
    return {"graph.gexf": buf.getvalue()}


def _json(g: nx.MultiDiGraph, o: Options) -> Files:
    ensure_metrics(g)
    return {"graph.json": "".join(json_pieces(to_node_link(g))).encode("utf-8")}


def _rdf(rdflib_format: str, name: str) -> Callable[[nx.MultiDiGraph, Options], Files]:
    def render(g: nx.MultiDiGraph, o: Options) -> Files:
        return {name: serialize(g, rdflib_format, o.base_iri).encode("utf-8")}
    return render


# What makes a spreadsheet read a cell as a formula (OWASP, CSV injection): a quoted
# label such as =HYPERLINK(...) from a newspaper page would run when the table is opened.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _neutralised(cell: object) -> object:
    """A text cell that a spreadsheet would take for a formula, prefixed with ' (shown as
    text, as OWASP advises); other cells as they are."""
    return "'" + cell if isinstance(cell, str) and cell.startswith(FORMULA_START) else cell


def _table(header: list[str], rows: list[list], bom: bool, spreadsheet: bool = True) -> bytes:
    """A CSV table; for a spreadsheet (`spreadsheet`), cells cannot start a formula."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows([[_neutralised(c) for c in row] for row in rows] if spreadsheet else rows)
    return ((BOM if bom else "") + buf.getvalue()).encode("utf-8")


def _neo4j_type(rel: str) -> str:
    """Relationship types in Neo4j's UPPER_SNAKE convention: locatedIn -> LOCATED_IN."""
    return "".join("_" + c if c.isupper() else c.upper() for c in rel).lstrip("_")


def _neo4j(g: nx.MultiDiGraph, o: Options) -> Files:
    # Arrays use neo4j-admin's default array delimiter ";". Values are kept verbatim (no
    # formula neutralising): these tables are for neo4j-admin, which stores each cell as
    # data, so a quote added for spreadsheets would corrupt names in the database.
    ensure_metrics(g)
    rows = [[d.id, f"Entity;{d.type}", d.label, d.type, ";".join(d.aliases), d.code, d.pinyin,
             len(d.mentions), ";".join(_node_posts(d)), *_first(d.mentions),
             *(d.metric(m) for m in METRICS)]
            for d in sorted(nodes(g), key=lambda d: d.id)]
    rels = [[f.head, f.tail, _neo4j_type(f.rel), f.key, f.title, f.as_of, len(f.sources), *_first(f.sources)]
            for f in _sorted_facts(g)]
    return {
        "nodes.csv": _table(["id:ID", ":LABEL", "name", "type", "aliases:string[]", "code",
                             "pinyin", "mentions:int", "posts:string[]", "doc", "article",
                             "quote", *NEO4J_METRICS], rows, False, spreadsheet=False),
        "relationships.csv": _table([":START_ID", ":END_ID", ":TYPE", "key", "title", "as_of",
                                     "sources:int", "doc", "article", "quote"], rels, False,
                                    spreadsheet=False),
    }


# The metrics' columns, typed for neo4j-admin.
NEO4J_METRICS = ("degree:int", "weighted_degree:int", "betweenness:float", "pagerank:float",
                 "community:int")
NEO4J_IMPORT = ("neo4j-admin database import full --nodes={dir}/nodes.csv "
                "--relationships={dir}/relationships.csv --multiline-fields=true neo4j")


def _csv(g: nx.MultiDiGraph, o: Options) -> Files:
    f = flat_graph(g)
    nodes = [[n, d["label"], d["type"], d["aliases"], d["code"], d["pinyin"], d["mentions"],
              d["posts"], d["doc"], d["article"], d["quote"], *(d[m] for m in METRICS)]
             for n, d in f.nodes(data=True)]
    edges = [[u, node(g, u).label, d["rel"], v, node(g, v).label, d["title"], d["as_of"],
              d["sources"], d["doc"], d["article"], d["quote"]]
             for u, v, d in f.edges(data=True)]
    return {
        "nodes.csv": _table(["id", "label", "type", "aliases", "code", "pinyin", "mentions",
                             "posts", "doc", "article", "quote", *METRICS], nodes, o.bom),
        "edges.csv": _table(["source", "source_label", "rel", "target", "target_label", "title",
                             "as_of", "sources", "doc", "article", "quote"], edges, o.bom),
    }


def _area(g: nx.MultiDiGraph, start: str) -> str:
    """The district a node lies in: itself, or up its locatedIn / subOrganizationOf chain."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        n = todo.pop(0)
        if n in seen:
            continue
        seen.add(n)
        if node(g, n).type == "District":
            return node(g, n).label
        todo += ups(g, n, ("locatedIn", "subOrganizationOf"))
    return ""


def _doc_area(g: nx.MultiDiGraph, doc: str) -> str:
    return document(g, doc).area or ""


def _listed(g: nx.MultiDiGraph, o: Options) -> set[str]:
    """The persons a table of posts lists: Officials, or every person with --all-persons
    (reporters of bylines, firms' managers and other Persons with a title)."""
    kinds = PERSON_TYPES if o.all_persons else ("Official",)
    return {d.id for d in nodes(g) if d.type in kinds}


def _officials(g: nx.MultiDiGraph, o: Options) -> Files:
    """One row per post an Official holds: with its organisation where known, else the
    title alone. Reporters of bylines, firms' managers and other Persons with a title are
    not officials (their posts stay in the graph and the other exports)."""
    listed = _listed(g, o)
    rows = []
    for d in nodes(g):
        if d.id not in listed:
            continue
        for p in d.posts:
            doc, art, quote = _first(p.sources)
            rows.append([d.label, p.title, "", _doc_area(g, doc), p.as_of, doc, art, quote, d.id])
    for f in facts(g):
        if f.is_post and f.head in listed:
            doc, art, quote = _first(f.sources)
            rows.append([node(g, f.head).label, f.title, node(g, f.tail).label,
                         _area(g, f.tail) or _doc_area(g, doc), f.as_of, doc, art, quote, f.head])
    rows.sort(key=lambda r: (r[0], r[8], r[4], r[1], r[2], r[5], r[6]))
    return {"officials.csv": _table(["person", "title", "organisation", "area", "as_of", "doc",
                                     "article", "quote", "person_id"], rows, o.bom)}


SPELL_COLUMNS = ["person_id", "person", "pinyin", "title", "post_class", "rank", "line", "organisation",
                 "organisation_id", "area", "area_code", "placed", "first_reported", "last_reported",
                 "reports", "concurrent", "predecessors", "predecessor_ids", "successors",
                 "successor_ids", "sources"]


def _spells(g: nx.MultiDiGraph, o: Options) -> Files:
    """One row per career spell (kg.careers) of the listed persons."""
    listed = _listed(g, o)

    def label(n: str) -> str:
        return node(g, n).label
    rows = []
    for s in Careers(g).spells:
        if s.person not in listed:
            continue
        d, w = node(g, s.person), s.where
        rows.append([s.person, d.label, d.pinyin, s.title, s.info.post_class, s.info.rank,
                     s.info.line, label(w.org) if w.org else "", w.org or "", w.area_name, w.area_code,
                     "yes" if w.placed else "", s.first, s.last, s.reports,
                     "|".join(sorted(f"{c.title}@{label(c.org) if c.org else c.where.area_name}"
                                     for c in s.concurrent)),
                     "|".join(label(x.person) for x in s.predecessors),
                     "|".join(x.person for x in s.predecessors),
                     "|".join(label(x.person) for x in s.successors),
                     "|".join(x.person for x in s.successors), "|".join(s.sources)])
    rows.sort(key=lambda r: (r[1], r[0], date_order(r[12]), r[3], r[7], r[9]))
    return {"spells.csv": _table(SPELL_COLUMNS, rows, o.bom)}


def _panel(g: nx.MultiDiGraph, o: Options) -> Files:
    """One row per coded area, year and leading post (书记, 县长/区长/市长...): who held it."""
    rows = []
    for r in Careers(g).panel(_listed(g, o)):
        people = list(dict.fromkeys(s.person for s in r["spells"]))
        rows.append([r["code"], r["area"], r["level"], r["year"], r["post"],
                     "|".join(node(g, p).label for p in people), "|".join(people),
                     "|".join(node(g, p).pinyin for p in people),
                     "|".join(f"{s.first}..{s.last}" for s in r["spells"]), r["reports"]])
    return {"panel.csv": _table(["code", "area", "level", "year", "post", "persons", "person_ids", "pinyin",
                                 "reported", "reports"], rows, o.bom)}


def _popolo(g: nx.MultiDiGraph, o: Options) -> Files:
    return {"popolo.json": dumps_json(popolo(g, Careers(g), _listed(g, o), o.base_iri)).encode("utf-8")}


def _initiatives(g: nx.MultiDiGraph, o: Options) -> Files:
    """One row per initiative: who runs it, where, and the articles it was read in."""
    rows = []
    for d in nodes(g):
        if d.type != "Initiative":
            continue
        n, mentions = d.id, [Src(m) for m in d.mentions]
        runners = sorted({f.head for f in facts_in(g, n) if f.rel == "runs"})
        areas = {_area(g, n)} - {""} or {_area(g, r) for r in runners} - {""} or \
            {_doc_area(g, m.doc) for m in mentions} - {""}
        sources = sorted({m.article for m in mentions})
        rows.append([d.label, "|".join(sorted(node(g, r).label for r in runners)),
                     "|".join(sorted(areas)), "|".join(sources), n])
    rows.sort(key=lambda r: (r[0], r[4]))
    return {"initiatives.csv": _table(["name", "runners", "areas", "sources", "id"], rows, o.bom)}


def _corrections(g: nx.MultiDiGraph, o: Options) -> Files:
    """A corrections file to start from (kg.curate): the possible merges of namesakes."""
    from .curate import COLUMNS, template

    rows = [[r[c] for c in COLUMNS] for r in template(g)]
    return {"corrections.csv": _table(list(COLUMNS), rows, o.bom)}


def _comention(g: nx.MultiDiGraph, o: Options) -> Files:
    """The co-mention network (kg.comention) as an edge list, heaviest ties first."""
    label = {d.id: (d.label, d.type) for d in nodes(g)}
    rows = [[t.source, *label[t.source], t.target, *label[t.target], t.weight, "|".join(t.articles)]
            for t in comentions(g)]
    return {"comention.csv": _table(["source", "source_label", "source_type", "target",
                                     "target_label", "target_type", "weight", "articles"],
                                    rows, o.bom)}


def _comention_graphml(g: nx.MultiDiGraph, o: Options) -> Files:
    buf = io.BytesIO()
    nx.write_graphml(comention_graph(g), buf, encoding="utf-8", prettyprint=True)
    return {"comention.graphml": buf.getvalue()}


FORMATS: dict[str, Format] = {
    "graphml": Format(_graphml, False, False, "GraphML for Gephi, Cytoscape, yEd"),
    "gexf": Format(_gexf, False, False, "GEXF for Gephi"),
    "neo4j": Format(_neo4j, True, False, "nodes.csv + relationships.csv for neo4j-admin import"),
    "csv": Format(_csv, True, True, "nodes.csv + edges.csv for spreadsheets"),
    "json": Format(_json, False, False, "networkx node-link JSON"),
    "jsonld": Format(_rdf("json-ld", "graph.jsonld"), False, False, "RDF as JSON-LD"),
    "turtle": Format(_rdf("turtle", "graph.ttl"), False, False, "RDF as Turtle"),
    "ntriples": Format(_rdf("nt", "graph.nt"), False, False, "RDF as N-Triples"),
    "officials": Format(_officials, False, True, "CSV of the Officials' posts, one row per report: "
                        "person, title, organisation, area, as_of, doc, article, quote", persons=True),
    "spells": Format(_spells, False, True, "CSV of career spells (docs/careers.md): person, post "
                     "class, rank, line, organisation, area and code, first/last reported, reports, "
                     "concurrent posts, predecessors, successors, sources", persons=True),
    "panel": Format(_panel, False, True, "CSV, one row per area code, year and leading post "
                    "(书记, 县长/区长/市长...): who held it", persons=True),
    "popolo": Format(_popolo, False, False, "Popolo JSON: persons, organizations, areas, memberships "
                     "(start/end: first/last reported) with sources", persons=True),
    "initiatives": Format(_initiatives, False, True, "CSV: name, runners, areas, sources"),
    "corrections": Format(_corrections, False, True, "CSV template for `kg build --curate`: "
                          "one possible merge per pair of namesakes, with their first quotes"),
    "comention": Format(_comention, False, True, "CSV edge list of persons and organisations "
                        "named in the same article: weight = articles, their ids"),
    "comention-graphml": Format(_comention_graphml, False, False,
                                "the co-mention network as weighted GraphML"),
}


def render(g: nx.MultiDiGraph, fmt: str, base_iri: str = DEFAULT_BASE, bom: bool = False,
           all_persons: bool = False) -> Files:
    """The files of one export format, by file name."""
    if fmt not in FORMATS:
        raise UserError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    f = FORMATS[fmt]
    if bom and not f.csv:
        raise UserError(f"--bom applies to CSV formats only, not {fmt!r}")
    if all_persons and not f.persons:
        raise UserError(f"--all-persons applies to {', '.join(n for n, x in FORMATS.items() if x.persons)} "
                        f"only, not {fmt!r}")
    return f.render(g, Options(base_iri, bom, all_persons))


def export(graph: nx.MultiDiGraph | str | Path, fmt: str, out: str | Path | None = None,
           base_iri: str = DEFAULT_BASE, bom: bool = False, all_persons: bool = False) -> bytes | list[Path]:
    """Export a graph (or the build at a path) as `fmt`.

    Without `out`, return the bytes of a single-file format. With `out`, write there,
    atomically, and return the paths written: a file name, or a folder (existing, or
    ending in "/"), which gets the format's own file names (graph.gexf, nodes.csv, ...).
    `all_persons`: the tables of posts list Persons with posts too, not Officials only.
    """
    g = graph if isinstance(graph, nx.MultiDiGraph) else load_graph(graph)
    files = render(g, fmt, base_iri, bom, all_persons)
    if out is None:
        if FORMATS[fmt].folder:
            raise UserError(f"{fmt} writes {' and '.join(files)}; give an output folder with -o")
        return next(iter(files.values()))
    target = Path(out)
    if not FORMATS[fmt].folder and not (target.is_dir() or str(out).endswith(("/", os.sep))):
        atomic_write_bytes(target, next(iter(files.values())))
        return [target]
    if target.exists() and not target.is_dir():
        raise UserError(f"{target}: exists and is not a folder; {fmt} writes a folder of tables")
    paths = [target / name for name in files]
    for path in paths:
        atomic_write_bytes(path, files[path.name])
    return paths
