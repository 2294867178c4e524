"""RDF view of the graph, against the kg ontology (ontology/kg.ttl).

Vocabulary: schema.org and W3C ORG for the things, org:Membership for posts held
(org:member, org:organization, kg:title, kg:asOf), PROV-O and the Web Annotation
vocabulary for provenance. Every mention, post and relation statement is
prov:wasDerivedFrom a kg:Span (an oa:TextPositionSelector: character offsets into
the decoded document), which lies in a kg:Sentence (an oa:TextQuoteSelector whose
oa:exact is the sentence), which is part of a kg:Article of a kg:Document.

IRIs are made from stable ids (type + hash), document ids, offsets and hashes,
each percent-encoded, under a configurable base: never raw text. Triples are built
as pyoxigraph terms and written sorted, so the same graph gives byte-identical
Turtle and N-Triples, fast even for millions of triples.
"""
from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

import networkx as nx
import pyoxigraph as ox
import rdflib

from .errors import UserError

DEFAULT_BASE = "https://w3id.org/kg-localgov/id/"
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


class _NS:
    """Attribute access to IRIs of one namespace: KG.Agency -> NamedNode(...#Agency)."""

    def __init__(self, prefix: str):
        self._prefix = prefix

    def __getattr__(self, name: str) -> ox.NamedNode:
        return ox.NamedNode(self._prefix + name)


KG, SDO, ORG, PROV, OA = (_NS(PREFIXES[p]) for p in ("kg", "schema", "org", "prov", "oa"))
SKOS, DCTERMS, RDF, RDFS, XSD = (_NS(PREFIXES[p]) for p in ("skos", "dcterms", "rdf", "rdfs", "xsd"))
A = RDF.type

TYPE_CLASSES = {
    "Official": (KG.Official, KG.Person, SDO.Person),
    "Person": (KG.Person, SDO.Person),
    "Agency": (KG.Agency, SDO.GovernmentOrganization, ORG.Organization),
    "District": (KG.District, SDO.AdministrativeArea),
    "Company": (KG.Company, SDO.Corporation, ORG.Organization),
    "Organization": (KG.Organization, SDO.Organization, ORG.Organization),
    "Initiative": (KG.Initiative, SDO.Project),
    "Place": (KG.Place, SDO.Place),
}
REL_PROPS = {rel: getattr(KG, rel) for rel in (
    "locatedIn", "subOrganizationOf", "subsidiaryOf", "runs", "cooperatesWith", "participatesIn")}

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


def _safe(s: str) -> str:
    """Percent-encode anything outside unreserved characters, so any text gives a valid IRI."""
    return quote(s, safe="-._~")


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


class BadBaseIRI(UserError, ValueError):
    """A base IRI the writer refuses: a user's mistake from the CLI and the API alike."""


class IRIs:
    """The IRI scheme: every IRI is the base plus percent-encoded ids, offsets or hashes."""

    def __init__(self, base: str = DEFAULT_BASE):
        if not _BASE_OK.fullmatch(base):
            raise BadBaseIRI(f"base IRI must be an absolute IRI without spaces or <>\"{{}}|^`\\: {base!r}")
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def _iri(self, *parts: str) -> ox.NamedNode:
        return ox.NamedNode(self.base + "/".join(_safe(p) for p in parts))

    def entity(self, eid: str) -> ox.NamedNode:
        return self._iri(eid)

    def doc(self, doc_id: str) -> ox.NamedNode:
        return self._iri("doc", doc_id)

    def article(self, art_id: str) -> ox.NamedNode:
        doc_id, _, idx = art_id.rpartition("#")
        return self._iri("doc", doc_id, idx)

    def sentence(self, art_id: str, index: int) -> ox.NamedNode:
        doc_id, _, idx = art_id.rpartition("#")
        return self._iri("doc", doc_id, idx, f"s{index}")

    def span(self, doc_id: str, start: int, end: int) -> ox.NamedNode:
        return self._iri("doc", doc_id, "chars", f"{start}-{end}")

    def mention(self, eid: str, index: int) -> ox.NamedNode:
        return self._iri("mention", eid, str(index))

    def post(self, person: str, org: str, title: str, as_of: str) -> ox.NamedNode:
        return self._iri("post", person, _digest(org, title, as_of))

    def statement(self, head: str, rel: str, tail: str) -> ox.NamedNode:
        return self._iri("statement", head, rel, tail)


def _lit(value: str, lang: str | None = None) -> ox.Literal:
    return ox.Literal(value, language=lang) if lang else ox.Literal(value)


def _int(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=XSD.nonNegativeInteger)


def _date(s: str) -> ox.Literal:
    """xsd:date for full dates, xsd:gMonthDay for pages that give no year, else plain text."""
    if _ISO_DATE.fullmatch(s):
        return ox.Literal(s, datatype=XSD.date)
    if _MONTH_DAY.fullmatch(s):
        return ox.Literal(s, datatype=XSD.gMonthDay)
    return ox.Literal(s)


class _Builder:
    """Collects the triples of one graph; a set, so shared spans and sentences appear once."""

    def __init__(self, iri: IRIs):
        self.iri = iri
        self.triples: set[ox.Triple] = set()
        self.sentences: dict[ox.NamedNode, set[str]] = {}

    def add(self, s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
        self.triples.add(ox.Triple(s, p, o))

    def provenance(self, subject: ox.NamedNode, src: dict, exact: str | None = None) -> None:
        """subject prov:wasDerivedFrom the span of the document it was read from."""
        span = self.iri.span(src["doc"], src["start"], src["end"])
        self.add(subject, PROV.wasDerivedFrom, span)
        self.add(span, A, KG.Span)
        self.add(span, A, OA.TextPositionSelector)
        self.add(span, OA.start, _int(src["start"]))
        self.add(span, OA.end, _int(src["end"]))
        self.add(span, DCTERMS.source, self.iri.doc(src["doc"]))
        if exact:
            self.add(span, A, OA.TextQuoteSelector)
            self.add(span, OA.exact, _lit(exact, "zh"))
        sent = self.iri.sentence(src["article"], src["sentence"])
        self.add(span, KG.sentence, sent)
        self.add(sent, A, KG.Sentence)
        self.add(sent, A, OA.TextQuoteSelector)
        self.add(sent, DCTERMS.isPartOf, self.iri.article(src["article"]))
        self.add(sent, KG.sentenceIndex, _int(src["sentence"]))
        if src.get("quote"):
            self.sentences.setdefault(sent, set()).add(src["quote"])

    def membership(self, person: str, org: str | None, post: dict) -> None:
        m = self.iri.post(person, org or "", post["title"], post.get("as_of") or "")
        self.add(m, A, ORG.Membership)
        self.add(m, ORG.member, self.iri.entity(person))
        if org is not None:
            self.add(m, ORG.organization, self.iri.entity(org))
        self.add(m, KG.title, _lit(post["title"], "zh"))
        if post.get("as_of"):
            self.add(m, KG.asOf, _date(post["as_of"]))
        for s in post.get("sources", []):
            self.provenance(m, s)

    def finish(self) -> list[ox.Triple]:
        """The triples sorted by subject, rdf:type first. A sentence quoted differently by
        two sources (one whose sentence could not be located quotes only its span) keeps
        the longest quote."""
        for sent, quotes in self.sentences.items():
            self.add(sent, OA.exact, _lit(max(quotes, key=lambda q: (len(q), q)), "zh"))
        return sorted(self.triples,
                      key=lambda t: (str(t.subject), t.predicate != A, str(t.predicate), str(t.object)))


def to_triples(g: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> list[ox.Triple]:
    """All triples of the graph, sorted (the order every serialisation is written in)."""
    b = _Builder(IRIs(base))
    iri = b.iri
    for doc_id, d in g.graph.get("documents", {}).items():
        u = iri.doc(doc_id)
        b.add(u, A, KG.Document)
        b.add(u, RDFS.label, _lit(doc_id))
        if d.get("paper"):
            b.add(u, KG.paper, _lit(d["paper"], "zh"))
        if d.get("area"):
            b.add(u, KG.areaName, _lit(d["area"], "zh"))
        if d.get("date"):
            b.add(u, DCTERMS.date, _date(d["date"]))
    for art_id, a in g.graph.get("articles", {}).items():
        u = iri.article(art_id)
        b.add(u, A, KG.Article)
        b.add(u, DCTERMS.isPartOf, iri.doc(a["doc"]))
        if a.get("title"):
            b.add(u, DCTERMS.title, _lit(a["title"], "zh"))
        for date in a.get("dates", []):
            b.add(u, KG.eventDate, _date(date))
    for n, data in g.nodes(data=True):
        u = iri.entity(n)
        for cls in TYPE_CLASSES[data["type"]]:
            b.add(u, A, cls)
        b.add(u, RDFS.label, _lit(data["label"], "zh"))
        b.add(u, SKOS.prefLabel, _lit(data["label"], "zh"))
        if data.get("pinyin"):
            b.add(u, SKOS.altLabel, _lit(data["pinyin"], "zh-Latn-pinyin"))
        for alias in data.get("aliases", []):
            b.add(u, SKOS.altLabel, _lit(alias, "zh"))
        if data.get("code"):
            b.add(u, DCTERMS.identifier, _lit(data["code"]))
        for i, m in enumerate(data.get("mentions", [])):
            mu = iri.mention(n, i)
            b.add(mu, A, KG.Mention)
            b.add(mu, KG.mentionOf, u)
            b.provenance(mu, m, exact=m.get("text"))
        for p in data.get("posts", []):
            b.membership(n, None, p)
    for h, t, data in g.edges(data=True):
        if data["rel"] == "holds":
            b.membership(h, t, data)
            continue
        prop = REL_PROPS[data["rel"]]
        hu, tu = iri.entity(h), iri.entity(t)
        b.add(hu, prop, tu)
        st = iri.statement(h, data["rel"], t)
        b.add(st, A, RDF.Statement)
        b.add(st, RDF.subject, hu)
        b.add(st, RDF.predicate, prop)
        b.add(st, RDF.object, tu)
        for s in data.get("sources", []):
            b.provenance(st, s)
    return b.finish()


def serialize(g: nx.MultiDiGraph, fmt: str = "turtle", base: str = DEFAULT_BASE) -> str:
    """Turtle, N-Triples or JSON-LD text of the graph; byte-identical for the same graph."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}; use one of {', '.join(sorted(FORMATS))}")
    prefixes = {"id": IRIs(base).base, **PREFIXES}
    text = ox.serialize(to_triples(g, base), format=FORMATS[fmt], prefixes=prefixes).decode("utf-8")
    if FORMATS[fmt] != ox.RdfFormat.TURTLE:
        return text
    # pyoxigraph does not promise an order of @prefix lines: sort them ourselves.
    lines = text.split("\n")
    n = next(i for i, line in enumerate(lines) if not line.startswith("@prefix "))
    return "\n".join(sorted(lines[:n]) + lines[n:])


def to_rdflib(g: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> rdflib.Graph:
    """The graph as an rdflib Graph (for pyshacl and rdflib-based tools)."""
    return rdflib.Graph().parse(data=serialize(g, "nt", base), format="nt")
