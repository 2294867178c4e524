"""RDF view of the graph, against the kg ontology (ontology/kg.ttl).

Vocabulary: schema.org and W3C ORG for the things, org:Membership for the career
spells of kg.careers (org:member, org:organization, kg:title, kg:firstReported,
kg:lastReported, kg:rank ...; each report a kg:PostReport with its kg:asOf), PROV-O and the Web Annotation
vocabulary for provenance. Every mention, post and relation statement is
prov:wasDerivedFrom a kg:Span (an oa:TextPositionSelector: character offsets into
the decoded document), which lies in a kg:Sentence (an oa:TextQuoteSelector whose
oa:exact is the sentence), which is part of a kg:Article of a kg:Document.

IRIs are made from stable ids (type + hash), document ids, offsets and hashes,
each percent-encoded, under a configurable base: never raw text; literals are
escaped by the Turtle grammar's rules. Turtle is written as text, a subject block
at a time in a fixed order, so the same graph gives byte-identical output and a
corpus of millions of triples never holds them all in memory.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from typing import Iterator
from urllib.parse import quote

import networkx as nx
import pyoxigraph as ox
import rdflib

from .careers import Careers, Spell, Where, date_order
from .curate import row_of
from .errors import UserError
from .defaults import DEFAULT_BASE
from .graph import (ArticleInfo, DocumentInfo, Fact, Node, Src, articles, documents, facts, facts_out,
                    node, nodes)
from .provenance import split_article_id
from .types import ENTITIES

ONTOLOGY = "https://w3id.org/kg-localgov/ontology#"

PREFIXES = {
    "kg": ONTOLOGY,
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
}


TYPE_CLASSES = {name: list(t.classes) for name, t in ENTITIES.items()}

FORMATS = {
    "turtle": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES, "ntriples": ox.RdfFormat.N_TRIPLES,
    "n-triples": ox.RdfFormat.N_TRIPLES,
    "json-ld": ox.RdfFormat.JSON_LD, "jsonld": ox.RdfFormat.JSON_LD,
}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH_DAY = re.compile(r"--\d{2}-\d{2}")
# An absolute IRI (scheme ":" ...) without characters IRIs forbid (RFC 3987).
_BASE_OK = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|^`\\\x7f]*")


_UNRESERVED = re.compile(r"[A-Za-z0-9._~-]*")


def _safe(s: str) -> str:
    """Percent-encode anything outside unreserved characters, so any text gives a valid IRI
    (ids, offsets and most file names have none: they skip the slow quote())."""
    return s if _UNRESERVED.fullmatch(s) else quote(s, safe="-._~")


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


class BadBaseIRI(UserError, ValueError):
    """A base IRI the writer refuses: a user's mistake from the CLI and the API alike."""


class IRIs:
    """The IRI scheme: every IRI is the base plus percent-encoded ids, offsets or hashes.
    Methods give Turtle/N-Triples IRI terms (<...>)."""

    def __init__(self, base: str = DEFAULT_BASE):
        if not _BASE_OK.fullmatch(base):
            raise BadBaseIRI(f"base IRI must be an absolute IRI without spaces or <>\"{{}}|^`\\: {base!r}")
        self.base = base if base.endswith(("/", "#")) else base + "/"
        try:        # the IRI parser that reads graph.ttl back (kg query, kg serve) must accept it
            ox.NamedNode(f"{self.base}doc/x/a0/s0")
        except ValueError as e:
            raise BadBaseIRI(f"base IRI {base!r} is not a valid IRI ({e})") from None
        self._quoted: dict[str, str] = {}

    def _q(self, part: str) -> str:
        """`part` percent-encoded, remembered: a corpus repeats its ids and names a million times."""
        q = self._quoted.get(part)
        if q is None:
            q = self._quoted[part] = _safe(part)
        return q

    def entity(self, eid: str) -> str:
        return f"<{self.base}{self._q(eid)}>"

    def doc(self, doc_id: str) -> str:
        return f"<{self.base}doc/{self._q(doc_id)}>"

    def article(self, art_id: str) -> str:
        doc_id, idx = split_article_id(art_id)
        return f"<{self.base}doc/{self._q(doc_id)}/a{idx}>"

    def sentence(self, art_id: str, index: int) -> str:
        doc_id, idx = split_article_id(art_id)
        return f"<{self.base}doc/{self._q(doc_id)}/a{idx}/s{int(index)}>"

    def span(self, doc_id: str, start: int, end: int) -> str:
        return f"{self.chars(doc_id)}{int(start)}-{int(end)}>"

    def chars(self, doc_id: str) -> str:
        """The unclosed start of the IRIs of the document's spans: `<...chars/`."""
        return f"<{self.base}doc/{self._q(doc_id)}/chars/"

    def mention(self, eid: str, index: int) -> str:
        return f"<{self.base}mention/{self._q(eid)}/{int(index)}>"

    def membership(self, spell_id: str) -> str:
        """A career spell (kg.careers: "person/digest")."""
        person, _, digest = spell_id.rpartition("/")
        return f"<{self.base}post/{self._q(person)}/{self._q(digest)}>"

    def report(self, spell_id: str, as_of: str) -> str:
        """One report date of a spell."""
        person, _, digest = spell_id.rpartition("/")
        return f"<{self.base}post/{self._q(person)}/{self._q(digest)}/{_digest(as_of)}>"

    def division(self, code: str) -> str:
        """A division the graph has no node for, by its code."""
        return f"<{self.base}division/{self._q(code)}>"

    def correction(self, ref: str) -> str:
        """A row of a researcher's corrections file (kg.curate): FILE#ROW."""
        name, row = row_of(ref)
        return f"<{self.base}corrections/{self._q(name)}/row{row}>"

    def statement(self, head: str, rel: str, tail: str) -> str:
        return f"<{self.base}statement/{self._q(head)}/{self._q(rel)}/{self._q(tail)}>"


# Characters a Turtle/N-Triples string may not hold raw (quote, backslash, line breaks),
# plus the other C0 controls and noncharacters, which some parsers refuse: all escaped.
_NEEDS_ESCAPE = re.compile('["\\\\\x00-\x08\x0a-\x1f\x7f\ufffe\uffff]')
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r"}


def _str(value: str) -> str:
    return '"' + _NEEDS_ESCAPE.sub(lambda m: _ESCAPES.get(m[0]) or f"\\u{ord(m[0]):04X}", value) + '"'


def _lit(value: str, lang: str | None = None) -> str:
    return _str(value) + ("@" + lang if lang else "")


def _int(n: int) -> str:
    return f'"{int(n)}"^^xsd:nonNegativeInteger'


def _date(s: str) -> str:
    """xsd:date for full dates, xsd:gMonthDay for pages that give no year, else plain text."""
    if _ISO_DATE.fullmatch(s):
        return _str(s) + "^^xsd:date"
    if _MONTH_DAY.fullmatch(s):
        return _str(s) + "^^xsd:gMonthDay"
    return _str(s)


def _block(subject: str, props: list[tuple[str, list[str]]]) -> str:
    """One subject's triples in Turtle: `s p o1, o2 ; p2 o .` (predicates without objects left out)."""
    return subject + " " + " ;\n    ".join(f"{p} {', '.join(objs)}" for p, objs in props if objs) + " .\n"


class _DocParts:
    """What the graph cites in one document: spans (with the mention text quoted there)
    and sentences (with their quotes; the longest is kept)."""

    def __init__(self) -> None:
        self.spans: dict[tuple[int, int], tuple[set[str], set[tuple[str, int]]]] = {}
        self.sentences: dict[tuple[str, int], str] = {}

    @classmethod
    def of(cls, refs: list[tuple[dict, bool]]) -> _DocParts:
        """The parts of one document's cited sources (see _Writer._cited)."""
        parts = cls()
        for data, is_mention in refs:
            src = Src(data)
            parts.cite(src, src.text if is_mention else None)
        return parts

    def cite(self, src: Src, exact: str | None) -> None:
        span = (src.start, src.end)
        entry = self.spans.get(span)
        if entry is None:
            entry = self.spans[span] = (set(), set())
        if exact:
            entry[0].add(exact)
        key = (src.article, src.sentence)
        entry[1].add(key)
        quote = src.quote or ""
        old = self.sentences.get(key)
        if old is None or old is not quote and (len(quote), quote) > (len(old), old):
            self.sentences[key] = quote


class _Writer:
    """Turtle of one graph, written in pieces: documents (with their articles, the
    sentences and spans cited in them), then entities (with their mentions, posts and
    relation statements), each in sorted order, so the same graph gives the same bytes
    and memory holds one block at a time rather than every triple."""

    def __init__(self, g: nx.MultiDiGraph, base: str, careers: Careers | None = None) -> None:
        self.g = g
        self.iri = IRIs(base)
        self.careers = careers or Careers(g)

    def header(self) -> str:
        return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items())) + "\n"

    def _cited(self) -> dict[str, list[tuple[dict, bool]]]:
        """Each document's cited sources (a mention's, with its text, or a fact's), as
        references to the graph's own source dicts; `documents` makes one document's
        _DocParts at a time from them. Made for every document at once, the parts held
        87 MB of a 10 MB corpus's 491 MB peak (132,321 spans), at the end of the build."""
        refs: defaultdict[str, list[tuple[dict, bool]]] = defaultdict(list)
        for d in nodes(self.g):
            for m in d.mentions:
                refs[m["doc"]].append((m, True))
            for p in d.posts:
                for s in p.sources:
                    refs[s["doc"]].append((s, False))
        for f in facts(self.g):
            for s in f.sources:
                refs[s["doc"]].append((s, False))
        return refs

    def documents(self) -> Iterator[str]:
        iri, g = self.iri, self.g
        docs = documents(g)
        arts: dict[str, list[tuple[str, ArticleInfo]]] = {}
        for art_id, a in articles(g).items():
            arts.setdefault(a.doc, []).append((art_id, a))
        cited = self._cited()
        for doc_id in sorted(docs.keys() | cited.keys() | arts.keys()):
            d = docs.get(doc_id) or DocumentInfo({})
            u = iri.doc(doc_id)
            out = [_block(u, [
                ("a", ["kg:Document"]), ("rdfs:label", [_lit(doc_id)]),
                ("kg:paper", [_lit(d.paper, "zh")] if d.paper else []),
                ("kg:areaName", [_lit(d.area, "zh")] if d.area else []),
                ("dcterms:date", [_date(d.date)] if d.date else [])])]
            for art_id, a in sorted(arts.get(doc_id, []), key=lambda x: x[1].index):
                out.append(_block(iri.article(art_id), [
                    ("a", ["kg:Article"]), ("dcterms:isPartOf", [u]),
                    ("dcterms:title", [_lit(a.title, "zh")] if a.title else []),
                    ("kg:eventDate", [_date(x) for x in a.dates])]))
            refs = cited.pop(doc_id, None)
            if refs is None:
                yield "".join(out) + "\n"
                continue
            parts = _DocParts.of(refs)
            for art_id, index in sorted(parts.sentences, key=_reading_order):
                said = parts.sentences[art_id, index]
                out.append(_block(iri.sentence(art_id, index), [
                    ("a", ["kg:Sentence", "oa:TextQuoteSelector"]),
                    ("dcterms:isPartOf", [iri.article(art_id)]),
                    ("kg:sentenceIndex", [_int(index)]),
                    ("oa:exact", [_lit(said, "zh")] if said else [])]))
            # spans are most of a corpus's subjects: written by one f-string, as _block would,
            # with the IRIs of the document's few sentences made once
            sentence_iri = {key: iri.sentence(*key) for key in parts.sentences}
            chars = iri.chars(doc_id)
            for (start, end), (exacts, sents) in sorted(parts.spans.items()):
                sentences = ", ".join(sentence_iri[k] for k in (
                    sents if len(sents) == 1 else sorted(sents, key=_reading_order)))
                if exacts:
                    quoted = ", oa:TextQuoteSelector"
                    exact = " ;\n    oa:exact " + ", ".join(_lit(x, "zh") for x in sorted(exacts))
                else:
                    quoted = exact = ""
                out.append(f"{chars}{start}-{end}> a kg:Span, oa:TextPositionSelector{quoted} ;\n"
                           f"    dcterms:source {u} ;\n    kg:sentence {sentences} ;\n"
                           f'    oa:start "{start}"^^xsd:nonNegativeInteger ;\n'
                           f'    oa:end "{end}"^^xsd:nonNegativeInteger{exact} .\n')
            yield "".join(out) + "\n"

    def _derived(self, sources: list[dict]) -> list[str]:
        return sorted({self.iri.span(s.doc, s.start, s.end) for s in map(Src, sources)})

    def _area(self, w: Where) -> list[str]:
        if w.area is not None:
            return [self.iri.entity(w.area)]
        return [self.iri.division(w.area_code)] if w.area_code else []

    def _spell(self, s: Spell) -> str:
        """A career spell as an org:Membership, then its reports (kg:PostReport), each
        with its date and the spans it was read from."""
        iri = self.iri
        m = iri.membership(s.id)
        out = [_block(m, [
            ("a", ["org:Membership"]), ("org:member", [iri.entity(s.person)]),
            ("org:organization", [iri.entity(s.org)] if s.org is not None else []),
            ("kg:title", [_lit(s.title, "zh")]),
            ("kg:postClass", [_str(s.info.post_class)]),
            ("kg:rank", [_str(s.info.rank)] if s.info.rank else []),
            ("kg:line", [_str(s.info.line)] if s.info.line else []),
            ("kg:area", self._area(s.where)),
            ("kg:placed", ['"true"^^xsd:boolean'] if s.where.placed else []),
            ("kg:firstReported", [_date(s.first)] if s.first else []),
            ("kg:lastReported", [_date(s.last)] if s.last else []),
            ("kg:reportCount", [_int(s.reports)]),
            ("kg:predecessor", sorted(iri.membership(x.id) for x in s.predecessors)),
            ("kg:successor", sorted(iri.membership(x.id) for x in s.successors)),
            ("kg:supersededBy", sorted(iri.membership(x.id) for x in s.superseded_by)),
            ("prov:wasDerivedFrom", self._derived([e for ev in s.evidence.values() for e in ev])),
            # a post a researcher added (kg.curate) is attributed to the corrections' row
            ("prov:wasAttributedTo", sorted({self.iri.correction(e.curated) for ev in s.evidence.values()
                                             for e in map(Src, ev) if e.curated is not None}))])]
        for as_of in sorted(s.evidence, key=date_order):
            out.append(_block(iri.report(s.id, as_of), [
                ("a", ["kg:PostReport"]), ("kg:reportOf", [m]),
                ("kg:asOf", [_date(as_of)] if as_of else []),
                ("prov:wasDerivedFrom", self._derived(s.evidence[as_of]))]))
        return "".join(out)

    def divisions(self) -> Iterator[str]:
        """The areas of spells that the graph has no node for (a body named 聊城市委 on a
        page that names no 聊城市): a District by its code and official name."""
        seen = {}
        for s in self.careers.spells:
            w = s.where
            if w.area is None and w.area_code:
                seen[w.area_code] = w.area_name
        for code, name in sorted(seen.items()):
            yield _block(self.iri.division(code), [
                ("a", TYPE_CLASSES["District"]), ("rdfs:label", [_lit(name, "zh")]),
                ("skos:prefLabel", [_lit(name, "zh")]), ("dcterms:identifier", [_lit(code)])]) + "\n"

    def _corrected(self, data: Node | Fact) -> list[str]:
        return [self.iri.correction(r) for r in data.curated]

    def entities(self) -> Iterator[str]:
        iri, g = self.iri, self.g
        for n in sorted(g.nodes):
            data = node(g, n)
            u = iri.entity(n)
            edges = sorted(facts_out(g, n), key=lambda f: (f.tail, f.key))
            relations: dict[str, list[str]] = {}
            for f in edges:
                if not f.is_post:
                    relations.setdefault(f"kg:{f.rel}", []).append(iri.entity(f.tail))
            out = [_block(u, [
                ("a", TYPE_CLASSES[data.type]),
                ("rdfs:label", [_lit(data.label, "zh")]),
                ("skos:prefLabel", [_lit(data.label, "zh")]),
                ("skos:altLabel", ([_lit(data.pinyin, "zh-Latn-pinyin")] if data.pinyin else [])
                 + [_lit(a, "zh") for a in data.aliases]),
                ("dcterms:identifier", [_lit(data.code)] if data.code else []),
                ("prov:wasAttributedTo", self._corrected(data)),
                *sorted(relations.items())])]
            for i, m in enumerate(map(Src, data.mentions)):
                out.append(f"{iri.mention(n, i)} a kg:Mention ;\n    kg:mentionOf {u} ;\n"
                           f"    prov:wasDerivedFrom {iri.span(m.doc, m.start, m.end)} .\n")
            for spell in self.careers.by_person.get(n, []):
                out.append(self._spell(spell))
            for f in edges:
                if f.is_post:
                    continue
                out.append(_block(iri.statement(n, f.rel, f.tail), [
                    ("a", ["rdf:Statement"]), ("rdf:subject", [u]),
                    ("rdf:predicate", [f"kg:{f.rel}"]), ("rdf:object", [iri.entity(f.tail)]),
                    ("prov:wasDerivedFrom", self._derived(f.sources)),
                    ("dcterms:source", ["kg:DivisionCodes"] if f.derived == "divisions" else []),
                    ("prov:wasAttributedTo", self._corrected(f))]))
            yield "".join(out) + "\n"


def _reading_order(sentence: tuple[str, int]) -> tuple[int, int, str]:
    """Sentences (article id, index) in reading order: article a2 before a10, then index."""
    art_id, index = sentence
    return (split_article_id(art_id)[1], index, art_id)


def iter_turtle(g: nx.MultiDiGraph, base: str = DEFAULT_BASE,
                careers: Careers | None = None) -> Iterator[str]:
    """The graph's Turtle in pieces, to be written as they come (byte-identical for the same
    graph); `careers`: the graph's career spells, when the caller has them already."""
    w = _Writer(g, base, careers)
    yield w.header()
    yield from w.documents()
    yield from w.entities()
    yield from w.divisions()


def serialize(g: nx.MultiDiGraph, fmt: str = "turtle", base: str = DEFAULT_BASE) -> str:
    """Turtle, N-Triples or JSON-LD text of the graph; byte-identical for the same graph.
    N-Triples and JSON-LD are the Turtle's triples, in its order, written by pyoxigraph."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}; use one of {', '.join(sorted(FORMATS))}")
    text = "".join(iter_turtle(g, base))
    if FORMATS[fmt] == ox.RdfFormat.TURTLE:
        return text
    triples = ox.parse(text.encode("utf-8"), format=ox.RdfFormat.TURTLE)
    if FORMATS[fmt] == ox.RdfFormat.N_TRIPLES:
        return ox.serialize(triples, format=FORMATS[fmt]).decode("utf-8")
    prefixes = {"id": IRIs(base).base, **PREFIXES}
    return ox.serialize(triples, format=FORMATS[fmt], prefixes=prefixes).decode("utf-8")


def to_rdflib(g: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> rdflib.Graph:
    """The graph as an rdflib Graph (for pyshacl and rdflib-based tools)."""
    return rdflib.Graph().parse(data=serialize(g, "nt", base), format="nt")
