"""RDF view of the graph, against the kg ontology (ontology/kg.ttl).

Vocabulary: schema.org for the things (Person, GovernmentOrganization, Corporation,
AdministrativeArea, Place, Project), W3C ORG for posts held (org:Membership with
org:member, org:organization, org:role and schema:validFrom for the as-of date),
PROV-O and the Web Annotation vocabulary for provenance: every entity mention,
post and relation statement points to an oa:TextPositionSelector / TextQuoteSelector
on its document. IRIs come from stable ids (type + hash), never raw text.
"""
from __future__ import annotations

from urllib.parse import quote

import networkx as nx
from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV

DEFAULT_BASE = "https://w3id.org/kg-localgov/id/"
KG = Namespace("https://w3id.org/kg-localgov/ontology#")
SDO = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")

TYPE_CLASSES = {
    "Official": (KG.Official, SDO.Person),
    "Person": (KG.Person, SDO.Person),
    "Agency": (KG.Agency, SDO.GovernmentOrganization, ORG.Organization),
    "District": (KG.District, SDO.AdministrativeArea),
    "Company": (KG.Company, SDO.Corporation, ORG.Organization),
    "Organization": (KG.Organization, SDO.Organization, ORG.Organization),
    "Initiative": (KG.Initiative, SDO.Project),
    "Place": (KG.Place, SDO.Place),
}
REL_PROPS = {
    "locatedIn": KG.locatedIn,
    "subOrganizationOf": KG.subOrganizationOf,
    "subsidiaryOf": KG.subsidiaryOf,
    "runs": KG.runs,
    "cooperatesWith": KG.cooperatesWith,
    "participatesIn": KG.participatesIn,
}


def _safe(s: str) -> str:
    """Percent-encode anything outside unreserved characters, so any text gives a valid IRI."""
    return quote(s, safe="-._~")


class IRIs:
    def __init__(self, base: str = DEFAULT_BASE):
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def entity(self, eid: str) -> URIRef:
        return URIRef(self.base + _safe(eid))

    def doc(self, doc_id: str) -> URIRef:
        return URIRef(self.base + "doc/" + _safe(doc_id))

    def article(self, art_id: str) -> URIRef:
        doc_id, _, idx = art_id.rpartition("#")
        return URIRef(self.base + "doc/" + _safe(doc_id) + "/" + _safe(idx))

    def node(self, kind: str, *parts: str) -> URIRef:
        return URIRef(self.base + kind + "/" + "/".join(_safe(p) for p in parts))


def to_rdf(g: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> Graph:
    iri = IRIs(base)
    out = Graph()
    for p, ns in (("kg", KG), ("schema", SDO), ("org", ORG), ("prov", PROV), ("oa", OA),
                  ("skos", SKOS), ("dcterms", DCTERMS), ("owl", OWL), ("id", Namespace(iri.base))):
        out.bind(p, ns)
    for doc_id, d in sorted(g.graph.get("documents", {}).items()):
        u = iri.doc(doc_id)
        out.add((u, RDF.type, KG.Document))
        out.add((u, RDFS.label, Literal(doc_id)))
        if d.get("paper"):
            out.add((u, KG.paper, Literal(d["paper"], lang="zh")))
        if d.get("date"):
            out.add((u, DCTERMS.date, Literal(d["date"], datatype=XSD.date)))
    for art_id, a in sorted(g.graph.get("articles", {}).items()):
        u = iri.article(art_id)
        out.add((u, RDF.type, KG.Article))
        out.add((u, DCTERMS.isPartOf, iri.doc(a["doc"])))
        if a.get("title"):
            out.add((u, DCTERMS.title, Literal(a["title"], lang="zh")))
        for date in a.get("dates", []):
            out.add((u, KG.eventDate, _date(date)))
    for n, data in sorted(g.nodes(data=True)):
        u = iri.entity(n)
        for cls in TYPE_CLASSES[data["type"]]:
            out.add((u, RDF.type, cls))
        out.add((u, RDFS.label, Literal(data["label"], lang="zh")))
        out.add((u, SKOS.prefLabel, Literal(data["label"], lang="zh")))
        if data.get("pinyin"):
            out.add((u, SKOS.altLabel, Literal(data["pinyin"], lang="zh-Latn-pinyin")))
        for a in data.get("aliases", []):
            out.add((u, SKOS.altLabel, Literal(a, lang="zh")))
        if data.get("code"):
            out.add((u, DCTERMS.identifier, Literal(data["code"])))
        for i, m in enumerate(data.get("mentions", [])):
            mu = iri.node("mention", n, str(i))
            out.add((mu, RDF.type, KG.Mention))
            out.add((mu, KG.mentionOf, u))
            _provenance(out, iri, mu, m)
        for j, p in enumerate(data.get("posts", [])):
            _membership(out, iri, u, None, p, f"{n}/{j}")
    for h, t, key, data in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        hu, tu = iri.entity(h), iri.entity(t)
        if data["rel"] == "holds":
            _membership(out, iri, hu, tu, data, f"{h}/{t}/{key}")
        else:
            prop = REL_PROPS[data["rel"]]
            out.add((hu, prop, tu))
            st = iri.node("statement", h, data["rel"], t)
            out.add((st, RDF.type, RDF.Statement))
            out.add((st, RDF.subject, hu))
            out.add((st, RDF.predicate, prop))
            out.add((st, RDF.object, tu))
            for s in data.get("sources", []):
                _provenance(out, iri, st, s)
    return out


def _membership(out: Graph, iri: IRIs, person: URIRef, org: URIRef | None, data: dict, key: str) -> None:
    m = iri.node("post", key)
    out.add((m, RDF.type, ORG.Membership))
    out.add((m, ORG.member, person))
    if org is not None:
        out.add((m, ORG.organization, org))
    out.add((m, KG.title, Literal(data["title"], lang="zh")))
    if data.get("as_of"):
        out.add((m, KG.asOf, _date(data["as_of"])))
    for s in data.get("sources", []):
        _provenance(out, iri, m, s)


def _provenance(out: Graph, iri: IRIs, subject: URIRef, s: dict) -> None:
    """subject prov:wasDerivedFrom a selector on the document: offsets and the quoted sentence."""
    sel = iri.node("source", s["doc"], str(s["start"]), str(s["end"]))
    out.add((subject, PROV.wasDerivedFrom, sel))
    out.add((sel, RDF.type, OA.TextPositionSelector))
    out.add((sel, RDF.type, OA.TextQuoteSelector))
    out.add((sel, OA.start, Literal(s["start"], datatype=XSD.nonNegativeInteger)))
    out.add((sel, OA.end, Literal(s["end"], datatype=XSD.nonNegativeInteger)))
    if s.get("quote"):
        out.add((sel, OA.exact, Literal(s["quote"], lang="zh")))
    out.add((sel, DCTERMS.source, iri.doc(s["doc"])))
    out.add((sel, KG.article, iri.article(s["article"])))
    out.add((sel, KG.sentenceIndex, Literal(s["sentence"], datatype=XSD.nonNegativeInteger)))


def _date(s: str) -> Literal:
    if s.startswith("--"):
        return Literal(s, datatype=XSD.gMonthDay)
    return Literal(s, datatype=XSD.date)


def serialize(g: nx.MultiDiGraph, fmt: str = "turtle", base: str = DEFAULT_BASE) -> str:
    """Turtle, N-Triples or JSON-LD text of the graph."""
    return to_rdf(g, base).serialize(format=fmt)
