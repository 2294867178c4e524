"""SPARQL over a built graph: load it, run a query with pyoxigraph or rdflib, format results.

Both engines give the same neutral results (`Result` of `Term`s), so the CLI, the
HTTP endpoint (kg/serve.py) and the tests format and compare them one way.

Parameters: a query file gives each parameter a default in an inline
`VALUES ?name { default }` clause, so it runs as it is; `bind_params` replaces the
default with a value the caller supplies, escaped and typed like the default (so a
name keeps its @zh and the query can match labels by index, not by scanning).
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import pyoxigraph as ox
import rdflib
from pyparsing import ParseException

from .errors import UserError
from .rdf import DEFAULT_BASE, PREFIXES

ENGINES = ("oxigraph", "rdflib")
RDF_SUFFIXES = {
    ".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML, ".owl": ox.RdfFormat.RDF_XML,
}
RDFLIB_FORMATS = {ox.RdfFormat.TURTLE: "turtle", ox.RdfFormat.N_TRIPLES: "nt",
                  ox.RdfFormat.JSON_LD: "json-ld", ox.RdfFormat.RDF_XML: "xml"}
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
# A parameter's default: "text"@lang, "text"^^datatype (IRI or prefixed name), "text" or <IRI>.
_DEFAULT = re.compile(r'\s*(?:"(?:[^"\\\n]|\\.)*"(?:@(?P<lang>[A-Za-z]+(?:-[A-Za-z0-9]+)*)'
                      r'|\^\^(?P<dt><[^<>"\s]*>|[A-Za-z][\w.-]*:[\w.-]*))?|(?P<iri><[^<>"\s]*>))\s*')
DISPLAY_PREFIXES = {"id": DEFAULT_BASE, **PREFIXES}
_IRI_OK = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|^`\\\x7f]*")


class QueryError(UserError):
    """A problem the user can fix (missing file, bad SPARQL, bad parameter): one line, exit 2."""


@dataclass(frozen=True)
class Term:
    """An RDF term as SPARQL results give it: kind is "uri", "literal" or "bnode"."""

    kind: str
    value: str
    lang: str | None = None
    datatype: str | None = None

    def to_json(self) -> dict:
        """The SPARQL 1.1 Query Results JSON form of the term."""
        d = {"type": self.kind, "value": self.value}
        if self.lang:
            d["xml:lang"] = self.lang
        elif self.datatype and self.datatype != XSD_STRING:
            d["datatype"] = self.datatype
        return d

    def n3(self) -> str:
        """N-Triples form, with every character the syntax needs escaped."""
        if self.kind == "uri":
            return f"<{self.value}>"
        if self.kind == "bnode":
            return f"_:{self.value}"
        text = json.dumps(self.value, ensure_ascii=False)
        if self.lang:
            return f"{text}@{self.lang}"
        if self.datatype and self.datatype != XSD_STRING:
            return f"{text}^^<{self.datatype}>"
        return text


@dataclass
class Result:
    """SELECT: variables and rows; ASK: boolean; CONSTRUCT/DESCRIBE: triples."""

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple[Term, Term, Term]] = field(default_factory=list)


def _ox_format(path: Path) -> ox.RdfFormat:
    try:
        return RDF_SUFFIXES[path.suffix.lower()]
    except KeyError:
        raise QueryError(f"{path}: unknown RDF file type (use {', '.join(sorted(RDF_SUFFIXES))})") from None


def resolve_source(source: str | Path) -> Path:
    """The RDF file or pyoxigraph store a path names: a file, a store directory, or a
    build output directory (its graph.ttl)."""
    p = Path(source)
    if not p.exists():
        raise QueryError(f"{p}: no such file or directory")
    if p.is_dir() and (p / "graph.ttl").is_file():
        return p / "graph.ttl"
    if p.is_dir() and not (p / "CURRENT").is_file():    # every RocksDB store has one
        raise QueryError(f"{p}: neither a build folder (no graph.ttl) nor a pyoxigraph store")
    return p


def load_store(source: str | Path) -> ox.Store:
    """An in-memory pyoxigraph store of an RDF file, or a read-only persistent store."""
    p = resolve_source(source)
    try:
        if p.is_dir():
            return ox.Store.read_only(str(p))
        store = ox.Store()
        store.bulk_load(path=str(p), format=_ox_format(p))
        return store
    except (OSError, SyntaxError, ValueError) as e:
        raise QueryError(f"{p}: cannot load: {_one_line(e)}") from e


def load_rdflib(source: str | Path) -> rdflib.Graph:
    p = resolve_source(source)
    if p.is_dir():
        raise QueryError(f"{p}: the rdflib engine reads RDF files, not pyoxigraph stores")
    try:
        return rdflib.Graph().parse(str(p), format=RDFLIB_FORMATS[_ox_format(p)])
    except (OSError, SyntaxError, ValueError) as e:
        raise QueryError(f"{p}: cannot load: {_one_line(e)}") from e


def load(source: str | Path, engine: str = "oxigraph") -> ox.Store | rdflib.Graph:
    if engine not in ENGINES:
        raise QueryError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    return load_store(source) if engine == "oxigraph" else load_rdflib(source)


def _one_line(e: BaseException) -> str:
    return " ".join(str(e).split()) or type(e).__name__


def param_term(name: str, value: str, default: str) -> str:
    """The SPARQL text of a --bind value, escaped and typed like the default it replaces:
    "江绍华"@zh makes 张妍 "张妍"@zh, "2022-07-05"^^xsd:date makes 2022-07-01 a date, <IRI>
    wants an IRI. A value written <...> is always an IRI."""
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
        if not _IRI_OK.fullmatch(value):
            raise QueryError(f"--bind {name}: not an absolute IRI: <{value}>")
        return f"<{value}>"
    m = _DEFAULT.fullmatch(default)
    if m is None:
        raise QueryError(f"parameter ?{name}: its default {default.strip()!r} is not one literal or IRI")
    if m["iri"]:
        if not _IRI_OK.fullmatch(value):
            raise QueryError(f"--bind {name}: not an absolute IRI: {value}")
        return f"<{value}>"
    text = Term("literal", value).n3()
    if m["lang"]:
        return f"{text}@{m['lang']}"
    return f"{text}^^{m['dt']}" if m["dt"] else text


def bind_params(query: str, bindings: dict[str, str]) -> str:
    """Replace the default of each `VALUES ?name { default }` clause by the given value,
    in one pass, so no bound value is ever rescanned for another parameter."""
    if not bindings:
        return query
    for name in bindings:
        if not _NAME.fullmatch(name):
            raise QueryError(f"not a parameter name: {name!r}")
    pattern = re.compile(r"((?i:VALUES)\s+[?$](" + "|".join(bindings) + r")\s*\{)([^}]*)(\})")
    seen: set[str] = set()

    def replace(m: re.Match) -> str:
        seen.add(m[2])
        return f"{m[1]} {param_term(m[2], bindings[m[2]], m[3])} {m[4]}"

    query = pattern.sub(replace, query)
    for name in bindings:
        if name not in seen:
            raise QueryError(f"the query has no parameter ?{name} (a `VALUES ?{name} {{ ... }}` clause)")
    return query


def _from_ox(t) -> Term:
    if isinstance(t, ox.NamedNode):
        return Term("uri", t.value)
    if isinstance(t, ox.BlankNode):
        return Term("bnode", t.value)
    if isinstance(t, ox.Literal):
        return Term("literal", t.value, t.language, None if t.language else t.datatype.value)
    raise QueryError(f"unsupported term in results: {t!r}")


def _memo(convert: Callable[[Any], Term]) -> Callable[[Any], Term | None]:
    """`convert` (None for an unbound variable), remembered per term: results repeat their documents, labels and
    sentences row after row (converting was half the time of a 60,000-row query)."""
    seen: dict[Any, Term | None] = {}

    def term(t: Any) -> Term | None:
        if t is None:
            return None
        out = seen.get(t)
        if out is None:
            out = seen[t] = convert(t)
        return out
    return term


def _from_rdflib(t) -> Term:
    if isinstance(t, rdflib.URIRef):
        return Term("uri", str(t))
    if isinstance(t, rdflib.BNode):
        return Term("bnode", str(t))
    if isinstance(t, rdflib.Literal):
        dt = str(t.datatype) if t.datatype else (None if t.language else XSD_STRING)
        return Term("literal", str(t), t.language, dt)
    raise QueryError(f"unsupported term in results: {t!r}")


def run(data: ox.Store | rdflib.Graph, query: str, limit: int | None = None) -> Result:
    """Run a SPARQL query on a loaded store or graph, in this process: untrusted queries
    go through kg.sandbox, which checks them and runs this in a worker it can kill.
    `limit`: at most this many rows or triples are read; one more raises QueryError, so
    results are never cut silently."""
    if isinstance(data, ox.Store):
        return _run_ox(data, query, limit)
    return _run_rdflib(data, query, limit)


def _take(items, limit: int | None) -> list:
    out = []
    for item in items:
        if limit is not None and len(out) >= limit:
            raise QueryError(f"more than {limit} results; add a LIMIT to the query")
        out.append(item)
    return out


def _run_ox(store: ox.Store, query: str, limit: int | None) -> Result:
    try:
        res = store.query(query, prefixes=PREFIXES)
        if isinstance(res, ox.QueryBoolean):
            return Result("ask", boolean=bool(res))
        if isinstance(res, ox.QuerySolutions):
            variables = [v.value for v in res.variables]
            term = _memo(_from_ox)
            rows = [tuple(map(term, s)) for s in _take(res, limit)]
            return Result("select", variables=variables, rows=rows)
        term = _memo(_from_ox)
        triples = [(term(t.subject), term(t.predicate), term(t.object))
                   for t in _take(res, limit)]
        return Result("graph", triples=triples)
    except SyntaxError as e:
        raise QueryError(f"bad SPARQL: {_one_line(e)}") from e
    except OSError as e:
        raise QueryError(f"query failed: {_one_line(e)}") from e


def _run_rdflib(graph: rdflib.Graph, query: str, limit: int | None) -> Result:
    try:
        res = graph.query(query, initNs=PREFIXES)
        if res.type == "ASK":
            return Result("ask", boolean=bool(res.askAnswer))
        if res.type == "SELECT":
            variables = [str(v) for v in res.vars]
            term = _memo(_from_rdflib)
            rows = [tuple(map(term, r)) for r in _take(res, limit)]
            return Result("select", variables=variables, rows=rows)
        term = _memo(_from_rdflib)
        return Result("graph", triples=[tuple(map(term, t)) for t in _take(res, limit)])
    except QueryError:
        raise
    except ParseException as e:
        raise QueryError(f"bad SPARQL: {_one_line(e)}") from e
    except Exception as e:  # rdflib raises bare Exception subclasses of many kinds while evaluating
        raise QueryError(f"query failed: {type(e).__name__}: {_one_line(e)}") from e


# --- output -------------------------------------------------------------------------

def _compact(term: Term | None) -> str:
    """Short display form: prefixed names for known namespaces, literal text as is."""
    if term is None:
        return ""
    if term.kind == "uri":
        for p, ns in DISPLAY_PREFIXES.items():
            if term.value.startswith(ns) and _LOCAL.fullmatch(term.value[len(ns):]):
                return f"{p}:{term.value[len(ns):]}"
        return f"<{term.value}>"
    if term.kind == "bnode":
        return f"_:{term.value}"
    return " ".join(term.value.split())


def _width(s: str) -> int:
    """Display width: CJK and other wide characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _pad(s: str, w: int) -> str:
    return s + " " * (w - _width(s))


def format_table(res: Result) -> str:
    if res.kind == "ask":
        return ("true" if res.boolean else "false") + "\n"
    if res.kind == "graph":
        return format_ntriples(res)
    cells = [[_compact(t) for t in row] for row in res.rows]
    widths = [max([_width(v)] + [_width(r[i]) for r in cells]) for i, v in enumerate(res.variables)]
    lines = [" | ".join(_pad(v, w) for v, w in zip(res.variables, widths)).rstrip(),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(_pad(c, w) for c, w in zip(r, widths)).rstrip() for r in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines) + "\n"


def format_csv(res: Result) -> str:
    """SPARQL 1.1 Query Results CSV: plain values, CRLF line ends."""
    if res.kind == "graph":
        return format_ntriples(res)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    if res.kind == "ask":
        w.writerow(["_askResult"])
        w.writerow(["true" if res.boolean else "false"])
    else:
        w.writerow(res.variables)
        for row in res.rows:
            w.writerow(["" if t is None else ("_:" + t.value if t.kind == "bnode" else t.value)
                        for t in row])
    return buf.getvalue()


def format_json(res: Result) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if res.kind == "graph":
        return format_ntriples(res)
    if res.kind == "ask":
        doc: dict = {"head": {}, "boolean": bool(res.boolean)}
    else:
        doc = {"head": {"vars": res.variables},
               "results": {"bindings": [{v: t.to_json() for v, t in zip(res.variables, row) if t is not None}
                                        for row in res.rows]}}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def format_ntriples(res: Result) -> str:
    """CONSTRUCT/DESCRIBE results as sorted N-Triples."""
    return "".join(sorted(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in res.triples))


FORMATTERS = {"table": format_table, "csv": format_csv, "json": format_json}
