"""The one registry of entity and relation types.

Resolution, RDF, the explorer, the exports, stats and the benchmarks read the types
from here, and a test checks `ontology/kg.ttl` and `ontology/shapes.ttl` against it;
adding a relation touches this registry, its extractor and the ontology.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class EntityType:
    """An entity type: its RDF classes (the first is kg's own), the rank that decides
    when one name is read as several types in a document (lower wins), and how the
    explorer draws it: fill, shape and outline. Two types of one shape differ by their
    outline too (colour, dashes), not by hue alone, which many readers cannot tell apart."""
    name: str
    classes: tuple[str, ...]
    priority: int
    colour: str
    shape: str                 # vis-network node shape
    glyph: str                 # the legend's symbol of that shape
    zh: str                    # Chinese name in the explorer
    border: str = ""           # outline colour ("" the fill's); the legend and badges use it
    dashed: bool = False       # a dashed outline


# Relation colours are dark or grey line colours, none near a type's fill (CIE76 ΔE
# of at least 25, tested), so an edge is never read as a node type.
@dataclass(frozen=True)
class RelationType:
    """A relation between entities: the entity types it joins (as the ontology's domain
    and range say), whether it is symmetric (stored once, head before tail) and whether
    it is part of a hierarchy (a place in an area, a unit in a body)."""
    name: str
    heads: frozenset[str]
    tails: frozenset[str]
    symmetric: bool = False
    hierarchical: bool = False
    colour: str = "#999999"
    zh: str = ""


ENTITIES: dict[str, EntityType] = {t.name: t for t in (
    # persons share the dot: an official is solid with a dark ring, a person pale with a dashed one
    EntityType("Official", ("kg:Official", "kg:Person", "schema:Person"), 0, "#d62728", "dot", "●", "官员",
               border="#6b0000"),
    EntityType("Person", ("kg:Person", "schema:Person"), 7, "#f7b6b5", "dot", "◌", "人物",
               border="#d62728", dashed=True),
    EntityType("Agency", ("kg:Agency", "schema:GovernmentOrganization", "org:Organization"), 2,
               "#1f77b4", "hexagon", "⬢", "机关"),
    EntityType("District", ("kg:District", "schema:AdministrativeArea"), 1, "#2ca02c", "triangle", "▲",
               "行政区"),
    EntityType("Company", ("kg:Company", "schema:Corporation", "org:Organization"), 4, "#9467bd", "diamond",
               "◆", "企业"),
    EntityType("Organization", ("kg:Organization", "schema:Organization", "org:Organization"), 3,
               "#17becf", "square", "■", "组织"),
    EntityType("Initiative", ("kg:Initiative", "schema:Project"), 6, "#ff7f0e", "star", "★", "项目/活动"),
    EntityType("Place", ("kg:Place", "schema:Place"), 5, "#8c564b", "triangleDown", "▼", "地点"),
)}

BODIES = frozenset({"Agency", "Company", "Organization"})
PERSONS = frozenset({"Official", "Person"})
# the types whose names are proper names, as NER corpora mark them: a name read inside
# one of theirs is part of it in the flat layer of names (kg.extraction.to_record);
# an Initiative's name quotes names it is about (黄河 in 黄河流域生态保护), so it is not one
PROPER_NAMES = PERSONS | BODIES | {"District", "Place"}
_ACTORS = BODIES | {"District"}

RELATIONS: dict[str, RelationType] = {r.name: r for r in (
    RelationType("locatedIn", frozenset({"District", "Place", "Initiative"}) | BODIES,
                 frozenset({"District", "Place"}), hierarchical=True, colour="#a89a12", zh="位于"),
    RelationType("subOrganizationOf", BODIES, frozenset({"Agency", "District", "Organization"}),
                 hierarchical=True, colour="#1a1a8c", zh="下属于"),
    RelationType("subsidiaryOf", frozenset({"Company"}), frozenset({"Company"}), hierarchical=True,
                 colour="#999999", zh="子公司"),
    RelationType("runs", _ACTORS, frozenset({"Initiative"}), colour="#c32273", zh="主办"),
    RelationType("cooperatesWith", _ACTORS, _ACTORS, symmetric=True, colour="#0d7359", zh="合作"),
    RelationType("participatesIn", frozenset({"Person"}) | _ACTORS, frozenset({"Initiative"}),
                 colour="#9b22c3", zh="参与"),
)}

# A post: a person holds a title in a body or area. Stored as an edge of this relation
# (kg.graph), serialised as an org:Membership (kg.rdf), not as a kg: property.
HOLDS = "holds"
HOLDS_STYLE = ("#333333", "任职")

# A relation's name is a property of the ontology, written as kg:<name> in Turtle.
_PROPERTY_NAME = re.compile(r"[a-z][A-Za-z0-9]*")


def register(relation: RelationType) -> RelationType:
    """Add a relation type at run time (a plug-in's component, a test's): resolution,
    RDF, the explorer and the exports read RELATIONS when they run, so the relation
    reaches them all. Its kg:<name> still needs declaring in ontology/kg.ttl for the
    published graph to validate against the ontology."""
    if relation.name in RELATIONS or relation.name == HOLDS:
        raise ValueError(f"relation {relation.name!r} is already registered")
    if not _PROPERTY_NAME.fullmatch(relation.name):
        raise ValueError(f"relation name {relation.name!r} is not a property name (lowerCamelCase ASCII)")
    unknown = (relation.heads | relation.tails) - ENTITIES.keys()
    if unknown:
        raise ValueError(f"relation {relation.name!r} joins unknown entity types: {', '.join(sorted(unknown))}")
    RELATIONS[relation.name] = relation
    return relation
