"""The RDF view: deterministic, safe IRIs, round-trips, provenance, ontology and SHACL."""
from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from pyshacl import validate
from rdflib import RDF, RDFS, Literal, Namespace, URIRef
from rdflib.namespace import OWL, SKOS

from kg.rdf import DEFAULT_BASE, IRIs, serialize, to_rdflib

ROOT = Path(__file__).resolve().parent.parent
KG = Namespace("https://w3id.org/kg-localgov/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SDO = Namespace("https://schema.org/")
DCT = Namespace("http://purl.org/dc/terms/")
NASTY = 'Wang "the \'boss\'" <b>Li</b> \\ back\\slash {x} | ^ ` 🙂👩‍💻 tab\there\nnewline 江"绍"华 %41 #x ?q'


def tiny_graph(name: str = NASTY, eid: str = 'person-a b<>"{}|\\^`#?%/x', doc: str = "页 1 \"x\".txt") -> nx.MultiDiGraph:
    """A small graph in the layout of kg/graph.py, with hostile text everywhere."""
    src = {"doc": doc, "article": f"{doc}#a0", "sentence": 0, "start": 3, "end": 9,
           "quote": f"{name}担任区长。"}
    g = nx.MultiDiGraph()
    g.graph["documents"] = {doc: {"path": "/tmp/x", "paper": "东昌府讯", "date": "2022-07-05",
                                  "area": "东昌府区"}}
    g.graph["articles"] = {f"{doc}#a0": {"doc": doc, "index": 0, "title": name, "dates": ["2022-07-04"]}}
    g.add_node(eid, label=name, type="Official", aliases=[name + "🙂"], code="", pinyin="wang li",
               mentions=[{**src, "text": name}], posts=[{"title": "记者", "as_of": "--05-21", "sources": [src]}])
    g.add_node("district-1", label="东昌府区", type="District", aliases=[], code="371502000000",
               pinyin="dong chang fu qu", mentions=[], posts=[])
    g.add_edge(eid, "district-1", key="post:区长:2022-07-04", rel="holds", title="区长",
               as_of="2022-07-04", sources=[src])
    g.add_node("initiative-1", label="“1+N”", type="Initiative", aliases=[], code="", pinyin="1+N",
               mentions=[], posts=[])
    g.add_edge(eid, "initiative-1", key="participatesIn", rel="participatesIn", sources=[src])
    return g


@pytest.fixture(scope="module")
def seed_rdf(seed_build) -> rdflib.Graph:
    _, out = seed_build
    return rdflib.Graph().parse(out / "graph.ttl", format="turtle")


def test_turtle_is_deterministic_and_is_what_the_build_wrote(seed_build):
    result, out = seed_build
    first = serialize(result.graph, "turtle")
    assert first == serialize(result.graph, "turtle")
    assert (out / "graph.ttl").read_text(encoding="utf-8") == first
    assert first.startswith("@prefix dcterms:")


def test_formats_carry_the_same_triples(seed_build, seed_rdf):
    result, _ = seed_build
    triples = [{str(q.triple) for q in ox.parse(serialize(result.graph, fmt).encode("utf-8"), format=f)}
               for fmt, f in (("turtle", ox.RdfFormat.TURTLE), ("nt", ox.RdfFormat.N_TRIPLES),
                              ("json-ld", ox.RdfFormat.JSON_LD))]
    assert len(triples[0]) == len(seed_rdf) > 5000
    assert triples[0] == triples[1] == triples[2]
    small = serialize(tiny_graph(), "json-ld")
    assert len(rdflib.Graph().parse(data=small, format="json-ld")) == \
        len(rdflib.Graph().parse(data=serialize(tiny_graph(), "turtle"), format="turtle"))
    with pytest.raises(ValueError):
        serialize(result.graph, "rdfa")


def test_turtle_loads_into_pyoxigraph(seed_build, seed_rdf):
    _, out = seed_build
    store = ox.Store()
    store.load(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    assert len(store) == len(seed_rdf)


def test_hostile_names_round_trip_through_turtle():
    g = tiny_graph()
    ttl = serialize(g, "turtle")
    parsed = rdflib.Graph().parse(data=ttl, format="turtle")
    person = next(parsed.subjects(RDF.type, KG.Official))
    assert parsed.value(person, SKOS.prefLabel) == Literal(NASTY, lang="zh")
    assert Literal(NASTY + "🙂", lang="zh") in set(parsed.objects(person, SKOS.altLabel))
    exact = {str(o) for o in parsed.objects(None, OA.exact)}
    assert {NASTY, NASTY + "担任区长。"} <= exact
    # every IRI is the base plus percent-encoded text: nothing an IRI forbids, no raw text
    for term in set(parsed.all_nodes()) | set(parsed.predicates()):
        if isinstance(term, URIRef):
            assert not re.search(r'[\s<>"{}|\\^`]', str(term)), term
            assert "页" not in str(term) and "Wang" not in str(term)
    assert str(person) == DEFAULT_BASE + "person-a%20b%3C%3E%22%7B%7D%7C%5C%5E%60%23%3F%25%2Fx"
    store = ox.Store()
    store.load(ttl.encode("utf-8"), format=ox.RdfFormat.TURTLE)
    assert len(store) == len(parsed)
    assert serialize(g, "turtle") == ttl


def test_base_iri_is_configurable_and_checked():
    base = "http://example.org/data/"
    g = rdflib.Graph().parse(data=serialize(tiny_graph(), "nt", base), format="nt")
    subjects = {str(s) for s in g.subjects()}
    assert subjects and all(s.startswith(base) for s in subjects)
    assert IRIs("http://example.org/data").base == base
    for bad in ("not an iri", "http://x.org/a b/", "relative/path/", 'http://x.org/"',
                "http://x/%zz/", "http://x/%", "http://x/#a#", "http://[::1/"):
        with pytest.raises(ValueError):
            IRIs(bad)


def test_posts_and_relations_keep_their_sources():
    g = to_rdflib(tiny_graph("江绍华"))
    post = next(m for m in g.subjects(RDF.type, ORG.Membership)
                if g.value(m, KG.title) == Literal("区长", lang="zh"))
    assert g.value(post, KG.firstReported) == g.value(post, KG.lastReported) == \
        Literal("2022-07-04", datatype=rdflib.XSD.date)
    assert g.value(post, ORG.organization) == URIRef(DEFAULT_BASE + "district-1")
    assert g.value(post, KG.area) == URIRef(DEFAULT_BASE + "district-1")
    assert (g.value(post, KG.rank), g.value(post, KG.postClass)) == (Literal("正处级"), Literal("government_head"))
    report = g.value(None, KG.reportOf, post)
    assert g.value(report, KG.asOf) == Literal("2022-07-04", datatype=rdflib.XSD.date)
    span = g.value(post, PROV.wasDerivedFrom)
    assert g.value(report, PROV.wasDerivedFrom) == span
    assert (g.value(span, OA.start), g.value(span, OA.end)) == (Literal(3, datatype=rdflib.XSD.nonNegativeInteger),
                                                                Literal(9, datatype=rdflib.XSD.nonNegativeInteger))
    assert str(g.value(g.value(span, KG.sentence), OA.exact)) == "江绍华担任区长。"
    no_year = next(m for m in g.subjects(RDF.type, ORG.Membership) if g.value(m, KG.title) == Literal("记者", lang="zh"))
    assert g.value(no_year, KG.firstReported).datatype == rdflib.XSD.gMonthDay
    assert g.value(g.value(None, KG.reportOf, no_year), KG.asOf).datatype == rdflib.XSD.gMonthDay
    statement = next(g.subjects(RDF.predicate, KG.participatesIn))
    assert g.value(statement, PROV.wasDerivedFrom) == span


def test_seed_provenance_points_into_the_source_file(seed_build, seed_rdf):
    """江绍华's mentions: the span offsets select his name in the decoded seed file."""
    _, _ = seed_build
    person = next(s for s in seed_rdf.subjects(SKOS.prefLabel, Literal("江绍华", lang="zh")))
    mentions = list(seed_rdf.subjects(KG.mentionOf, person))
    assert mentions
    for m in mentions:
        span = seed_rdf.value(m, PROV.wasDerivedFrom)
        doc = str(seed_rdf.value(seed_rdf.value(span, DCT.source), RDFS.label))
        text = (ROOT / "seeds" / doc).read_text(encoding="utf-8-sig")
        start, end = int(seed_rdf.value(span, OA.start)), int(seed_rdf.value(span, OA.end))
        assert text[start:end] == "江绍华"
        assert "江绍华" in str(seed_rdf.value(seed_rdf.value(span, KG.sentence), OA.exact))


def test_ontology_declares_every_term_the_build_uses(seed_rdf):
    onto = rdflib.Graph().parse(ROOT / "ontology" / "kg.ttl", format="turtle")
    used = {t for t in set(seed_rdf.predicates()) | set(seed_rdf.objects(None, RDF.type))
            if str(t).startswith(str(KG))}
    declared = {t for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
                for t in onto.subjects(RDF.type, kind) if isinstance(t, URIRef)}
    assert used and used <= declared, used - declared
    for term in declared:
        langs = {o.language for o in onto.objects(term, RDFS.label)}
        assert {"zh", "en"} <= langs, term
        assert {o.language for o in onto.objects(term, RDFS.comment)} >= {"zh", "en"}, term
    for cls in ("Official", "Person", "Agency", "District", "Company", "Organization", "Initiative", "Place",
                "Document", "Article", "Mention"):
        assert (KG[cls], RDF.type, OWL.Class) in onto
    assert (KG.locatedIn, RDFS.subPropertyOf, SDO.containedInPlace) in onto
    assert (KG.subOrganizationOf, RDFS.subPropertyOf, ORG.subOrganizationOf) in onto
    assert (KG.Agency, RDFS.subClassOf, SDO.GovernmentOrganization) in onto
    assert (KG.Span, RDFS.subClassOf, OA.TextPositionSelector) in onto
    assert (KG.Sentence, RDFS.subClassOf, OA.TextQuoteSelector) in onto
    assert (KG.title, RDFS.domain, ORG.Membership) in onto


def test_facts_of_the_division_data_name_it_as_their_source(seed_build, seed_rdf):
    g = seed_build[0].graph
    stmts = {(str(seed_rdf.value(st, RDF.subject)), str(seed_rdf.value(st, RDF.predicate)),
              str(seed_rdf.value(st, RDF.object))): st
             for st in seed_rdf.subjects(RDF.type, RDF.Statement)}
    iri = IRIs(DEFAULT_BASE)
    for h, t, d in g.edges(data=True):
        if d["rel"] == "holds":
            continue
        st = stmts[iri.entity(h)[1:-1], str(KG[d["rel"]]), iri.entity(t)[1:-1]]
        assert (seed_rdf.value(st, DCT.source) == KG.DivisionCodes) == (d.get("derived") == "divisions")
    assert any(d.get("derived") for *_, d in g.edges(data=True))
    onto = rdflib.Graph().parse(ROOT / "ontology" / "kg.ttl", format="turtle")
    assert {o.language for o in onto.objects(KG.DivisionCodes, RDFS.label)} == {"zh", "en"}


def _shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl", format="turtle")


def test_seed_build_conforms_to_the_shapes(seed_rdf):
    conforms, _, text = validate(seed_rdf, shacl_graph=_shapes())
    assert conforms, text


def test_broken_graphs_fail_the_shapes():
    g = to_rdflib(tiny_graph("江绍华"))
    conforms, _, text = validate(g, shacl_graph=_shapes())
    assert conforms, text

    no_offset = to_rdflib(tiny_graph("江绍华"))
    span = next(no_offset.subjects(RDF.type, KG.Span))
    no_offset.remove((span, OA.start, None))
    conforms, _, text = validate(no_offset, shacl_graph=_shapes())
    assert not conforms and "oa:start" in text

    bad_range = to_rdflib(tiny_graph("江绍华"))
    person = next(bad_range.subjects(RDF.type, KG.Official))
    bad_range.add((URIRef(DEFAULT_BASE + "district-1"), KG.runs, person))
    bad_range.add((URIRef(DEFAULT_BASE + "district-1"), rdflib.DCTERMS.identifier, Literal("37A")))
    conforms, _, text = validate(bad_range, shacl_graph=_shapes())
    assert not conforms
    assert "Initiative" in text and "37A" in text

    bad_rank = to_rdflib(tiny_graph("江绍华"))
    post = next(bad_rank.subjects(KG.title, Literal("区长", lang="zh")))
    bad_rank.set((post, KG.rank, Literal("正县级")))
    bad_rank.remove((post, KG.reportCount, None))
    conforms, _, text = validate(bad_rank, shacl_graph=_shapes())
    assert not conforms and "正县级" in text and "reportCount" in text


def test_the_shapes_list_the_code_tables_of_posts():
    from kg.posts import LINES, POST_CLASSES, RANKS
    shapes = _shapes()
    listed = {}
    for prop in shapes.subjects(rdflib.SH.path, None):
        path = shapes.value(prop, rdflib.SH.path)
        values = shapes.value(prop, rdflib.SH["in"])
        if values is not None:
            listed[path] = [str(v) for v in rdflib.collection.Collection(shapes, values)]
    assert listed[KG.postClass] == list(POST_CLASSES)
    assert listed[KG.rank] == list(RANKS)
    assert listed[KG.line] == list(LINES)
