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

PIPELINE: dict[str, Component] = {
    "area": find_area,
    "districts": districts,
    "organisations": organisations,
    "places": places,
    "persons": persons,
    "initiatives": initiatives,
    "relations": relations,
}


def run(ctx: DocContext, components: list[str] | None = None) -> DocContext:
    for name in components or list(PIPELINE):
        PIPELINE[name](ctx)
    return ctx


__all__ = ["PIPELINE", "DocContext", "run"]
