"""The extractor pipeline: small components, each with one job, registered here in order.

Like spaCy's pipeline, each component takes the document context and adds what it
finds; later components use what earlier ones found (persons need organisations to
attach posts, relations need everything). Each declares what it reads (`requires`)
and adds (`assigns`), in the vocabulary of the context: "area" (the paper's area),
"spans" (the tagger's), "divisions", an entity type (its mentions), "posts",
"relations". An assembled pipeline is checked (`check`) as spaCy checks its pipes:
a component whose requirement no component before it assigns is an error, not a
silently emptier extraction.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..defaults import DEFAULT_NER, NER_CHOICES
from ..model import ENTITY_TYPES
from ..types import BODIES, PERSONS
from .base import Component, DocContext
from .districts import districts, find_area
from .initiatives import initiatives
from .organisations import organisations, repeated_bodies, state_organs
from .persons import listed_leaders, persons, surname_mentions
from .places import places
from .relations import relations
from .statistical import lac_entities
from .tagged import tag_names, tagged_entities


@dataclass(frozen=True)
class Spec:
    """A registered component: the function, what it reads and what it adds."""
    run: Component
    requires: frozenset[str] = frozenset()
    assigns: frozenset[str] = frozenset()


PIPELINE: dict[str, Spec] = {
    "area": Spec(find_area, assigns=frozenset({"area"})),
    "tagger": Spec(tag_names, assigns=frozenset({"spans"})),
    "districts": Spec(districts, frozenset({"area"}), frozenset({"District", "divisions"})),
    "organisations": Spec(organisations, frozenset({"area", "District", "divisions"}), BODIES),
    "places": Spec(places, frozenset({"District"}), frozenset({"Place"})),
    "persons": Spec(persons, frozenset({"area"}) | BODIES, PERSONS | {"posts"}),
    "lac": Spec(lac_entities, BODIES | PERSONS, BODIES | {"Person"}),
    "initiatives": Spec(initiatives, frozenset({"area"}) | BODIES, frozenset({"Initiative"})),
    "tagged": Spec(tagged_entities, frozenset({"spans", "District", "Initiative", "posts"}) | BODIES | PERSONS,
                   frozenset(ENTITY_TYPES) | {"posts", "divisions"}),
    "state organs": Spec(state_organs, BODIES | frozenset({"District"}), frozenset({"Agency"})),
    "repeated bodies": Spec(repeated_bodies, BODIES | frozenset({"Place"}), BODIES | frozenset({"Place"})),
    "surnames": Spec(surname_mentions, PERSONS, PERSONS),
    "leaders": Spec(listed_leaders, PERSONS, PERSONS),
    "relations": Spec(relations, frozenset({"area", "divisions", "posts"}) | frozenset(ENTITY_TYPES),
                      frozenset({"relations"})),
}
# statistical NER: the trained CRF (on by default) and Baidu LAC (a peer, asked for)
STATISTICAL = {"crf": ("tagger", "tagged"), "lac": ("lac",)}
OPTIONAL = {c for comps in STATISTICAL.values() for c in comps}


def components_for(ner: tuple[str, ...] = DEFAULT_NER) -> list[str]:
    """The rule pipeline with the named statistical components switched on, in registry order."""
    unknown = set(ner) - set(NER_CHOICES)
    if unknown:
        raise ValueError(f"unknown NER component(s): {', '.join(sorted(unknown))} "
                         f"(choose from {', '.join(NER_CHOICES)})")
    on = {c for n in ner for c in STATISTICAL.get(n, ())}
    return check([name for name in PIPELINE if name not in OPTIONAL or name in on])


def check(names: list[str]) -> list[str]:
    """`names`, if each component's requirements are assigned by components before it."""
    have: set[str] = set()
    for name in names:
        spec = PIPELINE.get(name)
        if spec is None:
            raise ValueError(f"unknown component {name!r} (registered: {', '.join(PIPELINE)})")
        missing = spec.requires - have
        if missing:
            raise ValueError(f"component {name!r} requires {', '.join(sorted(missing))}, which no "
                             "component before it assigns")
        have |= spec.assigns
    return names


DEFAULT = components_for(DEFAULT_NER)


def run(ctx: DocContext, components: list[str] | None = None) -> DocContext:
    for name in components or DEFAULT:
        PIPELINE[name].run(ctx)
    return ctx


__all__ = ["PIPELINE", "DEFAULT", "DEFAULT_NER", "NER_CHOICES", "OPTIONAL", "DocContext", "Spec", "check",
           "components_for", "run"]
