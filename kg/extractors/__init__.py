"""The extractor pipeline: small components, each with one job, registered here in order.

Like spaCy's pipeline, each component takes the document context and adds what it
finds; later components may use what earlier ones found (persons need organisations
to attach posts, relations need everything).
"""
from __future__ import annotations

from .base import Component, DocContext
from .districts import districts, find_area
from .initiatives import initiatives
from .organisations import organisations
from .persons import persons
from .places import places
from .relations import relations
from .statistical import lac_entities

PIPELINE: dict[str, Component] = {
    "area": find_area,
    "districts": districts,
    "organisations": organisations,
    "places": places,
    "persons": persons,
    "lac": lac_entities,
    "initiatives": initiatives,
    "relations": relations,
}
OPTIONAL = {"lac"}      # statistical components, run only when asked for (`--ner lac`)
DEFAULT = [name for name in PIPELINE if name not in OPTIONAL]


def components_for(ner: tuple[str, ...] = ()) -> list[str]:
    """The pipeline with the named optional components switched on, in registry order."""
    unknown = set(ner) - OPTIONAL
    if unknown:
        raise ValueError(f"unknown NER component(s): {', '.join(sorted(unknown))} "
                         f"(choose from {', '.join(sorted(OPTIONAL))})")
    return [name for name in PIPELINE if name not in OPTIONAL or name in ner]


def run(ctx: DocContext, components: list[str] | None = None) -> DocContext:
    for name in components or DEFAULT:
        PIPELINE[name](ctx)
    return ctx


__all__ = ["PIPELINE", "DEFAULT", "OPTIONAL", "DocContext", "components_for", "run"]
