"""Researchers' corrections, applied to the built graph: `kg build --curate FILE`.

The machine merges two namesakes, misses a merge, mistypes a body or reads a phrase as
a name; a researcher who edited the outputs would lose the fix at the next build. A
corrections file (CSV, one correction per row, applied in file order after resolution)
says what to change; every view is written from the corrected graph, so Turtle, the
explorer and the exports agree. Columns:

    action,target,object,value,doc,quote,note

| action | target | object | value | doc, quote |
|---|---|---|---|---|
| merge | entity kept | entity merged into it | | |
| split | entity | | `doc:ID;ID` or `post:TITLE` (what moves to a new entity) | |
| retype | entity | | new type (Official, Person, Agency, ...) | |
| rename | entity | | new canonical name (the old one becomes an alias) | |
| drop | entity | | | |
| drop-fact | head | tail | relation, or `holds:TITLE` | |
| add-post | person | body or area (may be empty) | title | citation |
| add-relation | head | tail | relation | citation |

An entity is named by its id (`person-3f2a...`, as in graph.json and the exports) or
by its name, with `@` and the name of an entity it is linked to where namesakes need
telling apart (`王伟@东昌府区`). A citation is a document id and a quote copied from
it; the fact cites that span, as machine-read facts do. A row whose target is not in
the graph (any more) is reported, never skipped silently. Every changed node and fact
records the rows that changed it (`curated`: ["FILE#ROW"]), and RDF attributes them to
the corrections file (prov:wasAttributedTo).
"""
from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from .errors import UserError
from .graph import Src, document, facts_between, node, nodes, source_order
from .provenance import cite
from .model import ENTITY_TYPES, DocExtraction
from .pinyin import pinyin
from .types import HOLDS, RELATIONS

COLUMNS = ("action", "target", "object", "value", "doc", "quote", "note")
# what each action needs besides its target
NEEDS = {"merge": ("object",), "split": ("value",), "retype": ("value",), "rename": ("value",),
         "drop": (), "drop-fact": ("object", "value"), "add-post": ("value", "doc", "quote"),
         "add-relation": ("object", "value", "doc", "quote")}
ACTIONS = tuple(NEEDS)


@dataclass(frozen=True)
class Correction:
    """One row of a corrections file; `ref` (FILE#ROW) is what the graph records."""
    ref: str
    action: str
    target: str
    object: str = ""
    value: str = ""
    doc: str = ""
    quote: str = ""
    note: str = ""


def load(path: str | Path) -> list[Correction]:
    """The corrections of a CSV file, checked row by row before any work is done: a
    wrong file is the researcher's mistake, told with its row, not a failed build."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise UserError(f"{path}: cannot read the corrections file ({e})") from None
    rows = csv.DictReader(text.splitlines())
    missing = {"action", "target"} - set(rows.fieldnames or ())
    if missing:
        raise UserError(f"{path}: the corrections file needs the columns {', '.join(COLUMNS)} "
                        f"(missing: {', '.join(sorted(missing))})")
    out = []
    for n, row in enumerate(rows, start=2):         # row 1 is the header
        cells = {k: (row.get(k) or "").strip() for k in COLUMNS}
        if not any(cells.values()):
            continue
        where = f"{path}: row {n}"
        action = cells["action"]
        if action not in NEEDS:
            raise UserError(f"{where}: unknown action {action!r} (choose from {', '.join(ACTIONS)})")
        lacking = [c for c in ("target", *NEEDS[action]) if not cells[c]]
        if lacking:
            raise UserError(f"{where}: {action} needs {', '.join(lacking)}")
        if action == "retype" and cells["value"] not in ENTITY_TYPES:
            raise UserError(f"{where}: unknown type {cells['value']!r} (choose from {', '.join(ENTITY_TYPES)})")
        if action in ("add-relation", "drop-fact") and cells["value"] not in RELATIONS \
                and not (action == "drop-fact" and cells["value"].startswith("holds:")):
            raise UserError(f"{where}: unknown relation {cells['value']!r} "
                            f"(choose from {', '.join(RELATIONS)}{', holds:TITLE' if action == 'drop-fact' else ''})")
        if action == "split" and not cells["value"].startswith(("doc:", "post:")):
            raise UserError(f"{where}: split needs a value doc:ID;ID or post:TITLE")
        out.append(Correction(f"{path.name}#{n}", **cells))
    return out


class _Unapplied(Exception):
    """Why a correction could not be applied to this graph."""


def apply(g: nx.MultiDiGraph, corrections: list[Correction],
          docs: list[DocExtraction]) -> list[dict]:
    """Apply the corrections to `g` in place, in order (the graph is fresh from the
    build and no view has been written yet); the outcome of each row, in order."""
    by_id = {d.document.id: d for d in docs}
    outcomes = []
    for c in corrections:
        try:
            _ACTIONS[c.action](g, c, by_id)
            status = "applied"
        except _Unapplied as e:
            status = str(e)
        outcomes.append({"row": c.ref, "action": c.action, "target": c.target, "status": status})
    return outcomes


def find(g: nx.MultiDiGraph, ref: str) -> str:
    """The node `ref` names: an id, a name, or name@name-of-a-linked-entity."""
    if ref in g:
        return ref
    name, _, near = ref.partition("@")
    found = sorted(d.id for d in nodes(g) if d.label == name)
    if near:
        found = [n for n in found if any(
            near == node(g, m).label or near in node(g, m).aliases for m in nx.all_neighbors(g, n))]
    if not found:
        raise _Unapplied(f"no entity {ref!r} in the graph")
    if len(found) > 1:
        raise _Unapplied(f"{ref!r} names {len(found)} entities ({', '.join(found)}): use an id "
                         "or name@linked-entity")
    return found[0]


def row_of(ref: str) -> tuple[str, int]:
    """The file name and row number of a correction's ref (FILE#ROW)."""
    name, _, row = ref.rpartition("#")
    return name, int(row)


def _mark(attrs: dict, c: Correction) -> None:
    """Record that row `c` changed this node or fact (rows in file order)."""
    attrs["curated"] = sorted(set(attrs.get("curated", [])) | {c.ref}, key=row_of)


def _merge_sources(a: list[dict], b: list[dict]) -> list[dict]:
    seen = {source_order(s): s for s in a + b}
    return [seen[k] for k in sorted(seen)]


def _move_edges(g: nx.MultiDiGraph, old: str, new: str, keep=lambda s: True) -> None:
    """Edges of `old` onto `new`, with the sources `keep` picks (all by default); an
    edge left with no source on `old` goes."""
    edges = [(u, v, k, d) for u, v, k, d in g.out_edges(old, keys=True, data=True)] + \
            [(u, v, k, d) for u, v, k, d in g.in_edges(old, keys=True, data=True) if u != old]
    for u, v, k, d in edges:
        moved = [s for s in d.get("sources", []) if keep(s)]
        if not moved:
            continue
        nu, nv = (new if u == old else u), (new if v == old else v)
        stay = [s for s in d.get("sources", []) if not keep(s)]
        if nu != nv:
            if g.has_edge(nu, nv, k):
                have = g.edges[nu, nv, k]
                have["sources"] = _merge_sources(have.get("sources", []), moved)
            else:
                g.add_edge(nu, nv, key=k, **{**d, "sources": moved})
        if stay:
            d["sources"] = stay
        else:
            g.remove_edge(u, v, k)


def _merge(g: nx.MultiDiGraph, c: Correction, _docs: dict) -> None:
    keep, gone = find(g, c.target), find(g, c.object)
    if keep == gone:
        raise _Unapplied(f"{c.target!r} and {c.object!r} are one entity already")
    a, b = g.nodes[keep], g.nodes[gone]
    a["aliases"] = sorted((set(a.get("aliases", [])) | set(b.get("aliases", [])) | {b["label"]})
                          - {a["label"]})
    a["mentions"] = sorted(a["mentions"] + b["mentions"], key=lambda m: (m["doc"], m["start"]))
    a["posts"] = sorted(a.get("posts", []) + b.get("posts", []), key=lambda p: (p["as_of"], p["title"]))
    a["code"] = a.get("code") or b.get("code", "")
    _move_edges(g, gone, keep)
    g.remove_node(gone)
    _mark(a, c)


def _split(g: nx.MultiDiGraph, c: Correction, _docs: dict) -> None:
    node = find(g, c.target)
    d = g.nodes[node]
    kind, _, what = c.value.partition(":")
    if kind == "doc":
        moving = {x.strip() for x in what.split(";") if x.strip()}
    else:
        moving = {s["doc"] for _, _, e in g.out_edges(node, data=True)
                  if e["rel"] == HOLDS and e["title"] == what for s in e["sources"]}
        moving |= {s["doc"] for p in d.get("posts", []) if p["title"] == what for s in p["sources"]}
    mentioned = {m["doc"] for m in d["mentions"]}
    if not moving & mentioned or mentioned <= moving:
        raise _Unapplied(f"{c.value!r} does not divide the mentions of {node} "
                         f"(its documents: {', '.join(sorted(mentioned))})")
    new = f"{node}-{hashlib.sha1(';'.join(sorted(moving)).encode()).hexdigest()[:8]}"
    moved = [m for m in d["mentions"] if m["doc"] in moving]
    g.add_node(new, **{**d, "mentions": moved,
                       "aliases": sorted({m["text"] for m in moved} - {d["label"]}),
                       "posts": [p for p in d.get("posts", []) if all(s["doc"] in moving for s in p["sources"])]})
    d["mentions"] = [m for m in d["mentions"] if m["doc"] not in moving]
    d["posts"] = [p for p in d.get("posts", []) if not all(s["doc"] in moving for s in p["sources"])]
    _move_edges(g, node, new, keep=lambda s: s["doc"] in moving)
    _mark(d, c)
    _mark(g.nodes[new], c)


def _retype(g: nx.MultiDiGraph, c: Correction, _docs: dict) -> None:
    d = g.nodes[find(g, c.target)]
    d["type"] = c.value
    _mark(d, c)


def _rename(g: nx.MultiDiGraph, c: Correction, _docs: dict) -> None:
    d = g.nodes[find(g, c.target)]
    d["aliases"] = sorted((set(d.get("aliases", [])) | {d["label"]}) - {c.value})
    d["label"], d["pinyin"] = c.value, pinyin(c.value)
    _mark(d, c)


def _drop(g: nx.MultiDiGraph, c: Correction, _docs: dict) -> None:
    g.remove_node(find(g, c.target))


def _drop_fact(g: nx.MultiDiGraph, c: Correction, _docs: dict) -> None:
    head, tail = find(g, c.target), find(g, c.object)
    rel, _, title = c.value.partition(":")
    keys = [f.key for f in facts_between(g, head, tail) if f.rel == rel and (not title or f.title == title)]
    if not keys:
        raise _Unapplied(f"no {c.value} fact from {head} to {tail}")
    for k in keys:
        g.remove_edge(head, tail, k)


def _cite(c: Correction, docs: dict[str, DocExtraction]) -> dict:
    """The source a researcher cites: the first place the quote stands in the document."""
    d = docs.get(c.doc)
    if d is None:
        raise _Unapplied(f"document {c.doc!r} is not in this build")
    at = d.document.text.find(c.quote)
    if at < 0:
        raise _Unapplied(f"the quote is not in {c.doc}")
    return {**cite(d, d.evidence(at, at + len(c.quote))), "curated": c.ref}


def _add_post(g: nx.MultiDiGraph, c: Correction, docs: dict) -> None:
    person = find(g, c.target)
    org = find(g, c.object) if c.object else None
    src = _cite(c, docs)
    as_of = document(g, c.doc).date or ""
    if org is None:
        g.nodes[person]["posts"].append({"title": c.value, "as_of": as_of, "sources": [src],
                                         "curated": [c.ref]})
        return
    key = f"post:{c.value}:{as_of}"
    if g.has_edge(person, org, key):
        e = g.edges[person, org, key]
        e["sources"] = _merge_sources(e["sources"], [src])
    else:
        g.add_edge(person, org, key=key, rel=HOLDS, title=c.value, as_of=as_of, sources=[src])
    _mark(g.edges[person, org, key], c)


def _add_relation(g: nx.MultiDiGraph, c: Correction, docs: dict) -> None:
    head, tail = find(g, c.target), find(g, c.object)
    if RELATIONS[c.value].symmetric and tail < head:
        head, tail = tail, head
    src = _cite(c, docs)
    if g.has_edge(head, tail, c.value):
        e = g.edges[head, tail, c.value]
        e["sources"] = _merge_sources(e["sources"], [src])
    else:
        g.add_edge(head, tail, key=c.value, rel=c.value, sources=[src])
    _mark(g.edges[head, tail, c.value], c)


_ACTIONS = {"merge": _merge, "split": _split, "retype": _retype, "rename": _rename, "drop": _drop,
            "drop-fact": _drop_fact, "add-post": _add_post, "add-relation": _add_relation}


def template(g: nx.MultiDiGraph) -> list[dict]:
    """Rows to start a corrections file from: one possible merge per pair of namesakes
    (persons and bodies of one name the build kept apart), each with the first quote of
    both, so a researcher decides from the evidence and deletes the rows that are wrong."""
    by_label: dict[tuple[str, str], list[str]] = {}
    for d in nodes(g):
        kind = "person" if d.type in ("Official", "Person") else d.type
        by_label.setdefault((kind, d.label), []).append(d.id)
    rows = []
    for (_, label), namesakes in sorted(by_label.items()):
        namesakes.sort()
        for other in namesakes[1:]:
            first = {n: node(g, n).mentions[:1] for n in (namesakes[0], other)}
            rows.append({"action": "merge", "target": namesakes[0], "object": other, "value": "",
                         "doc": "", "quote": "",
                         "note": f"{label}: " + " | ".join(
                             f"{n} {Src(m[0]).doc if m else ''}: {Src(m[0]).quote[:80] if m else ''}"
                             for n, m in first.items())})
    return rows
