"""The type registry (kg.types) and the published ontology say the same: a type or a
relation added to one and not the other fails here."""
from pathlib import Path

import rdflib
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

from kg.rdf import TYPE_CLASSES
from kg.types import ENTITIES, RELATIONS

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
