"""The type registry (kg.types) and the published ontology say the same: a type or a
relation added to one and not the other fails here."""
import csv
import io
import json
import re
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

from kg import build, curate, export, load_graph, stats
from kg.defaults import DEFAULT_BASE
from kg.exports import render
from kg.extractors import PIPELINE, Spec
from kg.rdf import TYPE_CLASSES, IRIs
from kg.types import ENTITIES, RELATIONS, RelationType, register

ROOT = Path(__file__).resolve().parents[1]
KG = rdflib.Namespace("https://w3id.org/kg-localgov/ontology#")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


def _load(name: str) -> rdflib.Graph:
    return rdflib.Graph().parse(ROOT / "ontology" / name, format="turtle")


def _classes(g: rdflib.Graph, node) -> set:
    """A class, or the members of an owl:unionOf."""
    union = g.value(node, OWL.unionOf)
    return set(Collection(g, union)) if union is not None else {node}


def test_every_entity_type_and_relation_is_in_the_ontology_as_the_registry_says():
    g = _load("kg.ttl")
    kg_class = {name: KG[name] for name in ENTITIES}
    for name, t in ENTITIES.items():
        assert t.classes[0] == f"kg:{name}" and TYPE_CLASSES[name] == list(t.classes)
        assert (kg_class[name], RDF.type, OWL.Class) in g, name
    for name, r in RELATIONS.items():
        p = KG[name]
        assert (p, RDF.type, OWL.ObjectProperty) in g, name
        assert ((p, RDF.type, OWL.SymmetricProperty) in g) == r.symmetric, name
        assert _classes(g, g.value(p, RDFS.domain)) == {kg_class[h] for h in r.heads}, name
        assert _classes(g, g.value(p, RDFS.range)) == {kg_class[t] for t in r.tails}, name
    # and the other way round: a property between entity classes is a registered relation
    entity_classes = set(kg_class.values())
    between = {p for p in g.subjects(RDF.type, OWL.ObjectProperty)
               if g.value(p, RDFS.domain) is not None and g.value(p, RDFS.range) is not None
               and _classes(g, g.value(p, RDFS.domain)) <= entity_classes
               and _classes(g, g.value(p, RDFS.range)) <= entity_classes}
    assert between == {KG[name] for name in RELATIONS}


def test_every_relation_has_a_shape():
    shapes = _load("shapes.ttl")
    paths = set(shapes.objects(None, SH.path))
    assert {KG[name] for name in RELATIONS} <= paths


# ---- adding a relation: the registry, its extractor and the ontology, nothing else ----
# A relation registered at run time, with a component that finds it, must reach every
# view of a build; a module that keeps its own list of relations (or a copy of the
# registry made at import) fails here. docs/adding-a-type.md shows the same as a diff.

LIAISON = "testLiaisesWith"


def _liaise(ctx) -> None:
    """Test component: each sentence's first Agency liaises with its first District."""
    for _, _, sent in ctx.sentences():
        inside = [m for m in ctx.mentions if sent.start <= m.start and m.end <= sent.end]
        agency = next((m for m in inside if m.type == "Agency"), None)
        district = next((m for m in inside if m.type == "District"), None)
        if agency and district:
            ctx.relate(agency.name, LIAISON, district.name, min(agency.start, district.start),
                       max(agency.end, district.end))


@pytest.fixture
def liaison_build(tmp_path_factory, seeds, monkeypatch):
    """A build of one seed page with the test relation registered and its component on."""
    register(RelationType(LIAISON, frozenset({"Agency"}), frozenset({"District"}),
                          colour="#123456", zh="测试联络"))
    monkeypatch.setitem(PIPELINE, "liaison", Spec(_liaise, frozenset({"Agency", "District"}),
                                                  frozenset({"relations"})))
    out = tmp_path_factory.mktemp("liaison")
    try:
        build([str(seeds / "000_3377281ccb69ee83.txt")], out, workers=1)
        yield out
    finally:
        del RELATIONS[LIAISON]


def test_a_relation_added_through_the_registry_reaches_every_view(liaison_build, tmp_path):
    out = liaison_build
    g = load_graph(out)
    pairs = sorted((u, v) for u, v, d in g.edges(data=True) if d["rel"] == LIAISON)
    assert pairs and all((g.nodes[u]["type"], g.nodes[v]["type"]) == ("Agency", "District")
                         for u, v in pairs)
    # graph.ttl: a kg:testLiaisesWith triple per edge, between the entities' IRIs
    iri = IRIs(DEFAULT_BASE)
    ttl = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    assert sorted((str(s), str(o)) for s, o in ttl.subject_objects(KG[LIAISON])) == \
        [(iri.entity(u)[1:-1], iri.entity(v)[1:-1]) for u, v in pairs]
    # the explorer: the edges, and the relation's colour and gloss in its legend
    page = (out / "graph.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>',
                                page, re.S).group(1))
    assert sorted((e["from"], e["to"]) for e in data["edges"] if e["rel"] == LIAISON) == pairs
    assert data["rels"][LIAISON] == {"color": "#123456", "zh": "测试联络", "count": len(pairs)}
    # the exports: CSV, GraphML (Gephi's edge label), Neo4j's relationship type; kg stats
    rows = list(csv.DictReader(io.StringIO(render(g, "csv")["edges.csv"].decode("utf-8"))))
    assert sorted((r["source"], r["target"]) for r in rows if r["rel"] == LIAISON) == pairs
    gml = nx.read_graphml(io.BytesIO(export(out, "graphml")))
    assert sorted((u, v) for u, v, d in gml.edges(data=True) if d["label"] == LIAISON) == pairs
    neo = render(g, "neo4j")["relationships.csv"].decode("utf-8")
    assert neo.count(",TEST_LIAISES_WITH,") == len(pairs)
    assert stats(g)["relations"][LIAISON] == len(pairs)
    # a researcher's corrections may add one
    fix = tmp_path / "fix.csv"
    fix.write_text(f"action,target,object,value,doc,quote\nadd-relation,{pairs[0][0]},{pairs[0][1]},"
                   f"{LIAISON},000_3377281ccb69ee83.txt,x\n", encoding="utf-8")
    assert [c.value for c in curate.load(fix)] == [LIAISON]


def test_register_refuses_a_name_taken_or_not_a_property_and_unknown_types():
    with pytest.raises(ValueError, match="already"):
        register(RelationType("locatedIn", frozenset({"Place"}), frozenset({"Place"})))
    with pytest.raises(ValueError, match="property name"):
        register(RelationType("liaises with", frozenset({"Place"}), frozenset({"Place"})))
    with pytest.raises(ValueError, match="Ministry"):
        register(RelationType("oversees", frozenset({"Ministry"}), frozenset({"Place"})))
    assert "oversees" not in RELATIONS and "liaises with" not in RELATIONS
