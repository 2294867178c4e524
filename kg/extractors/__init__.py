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
from .tagged import tag_names, tagged_entities

PIPELINE: dict[str, Component] = {
    "area": find_area,
    "tagger": tag_names,
    "districts": districts,
    "organisations": organisations,
    "places": places,
    "persons": persons,
    "lac": lac_entities,
    "initiatives": initiatives,
    "tagged": tagged_entities,
    "relations": relations,
}
# statistical NER: the trained CRF (on by default) and Baidu LAC (a peer, asked for)
STATISTICAL = {"crf": ("tagger", "tagged"), "lac": ("lac",)}
NER_CHOICES = ("crf", "rules", "lac")      # `--ner`; rules: the rule components alone
DEFAULT_NER = ("crf",)
OPTIONAL = {c for comps in STATISTICAL.values() for c in comps}


def components_for(ner: tuple[str, ...] = DEFAULT_NER) -> list[str]:
    """The rule pipeline with the named statistical components switched on, in registry order."""
    unknown = set(ner) - set(NER_CHOICES)
    if unknown:
        raise ValueError(f"unknown NER component(s): {', '.join(sorted(unknown))} "
                         f"(choose from {', '.join(NER_CHOICES)})")
    on = {c for n in ner for c in STATISTICAL.get(n, ())}
    return [name for name in PIPELINE if name not in OPTIONAL or name in on]


DEFAULT = components_for(DEFAULT_NER)


def run(ctx: DocContext, components: list[str] | None = None) -> DocContext:
    for name in components or DEFAULT:
        PIPELINE[name](ctx)
    return ctx


__all__ = ["PIPELINE", "DEFAULT", "DEFAULT_NER", "NER_CHOICES", "OPTIONAL", "DocContext", "components_for", "run"]
