"""Per-document extraction: segment, run the extractor pipeline, resolve within the document.

`to_record` gives the JSON object of GUIDELINES.md (what `kg extract --format jsonl`
prints), with mentions cited by offsets into the decoded file text.
"""
from __future__ import annotations

from .articles import segment
from .extractors import DocContext, run
from .extractors.base import RELATIVE_AREA_RULE
from .model import DocExtraction, Document
from .pagemeta import PageMeta
from .provenance import raw_text
from .resolve import resolve_document
from .types import PROPER_NAMES


def extract_document(doc: Document, components: list[str] | None = None,
                     meta: PageMeta | None = None) -> DocExtraction:
    """Extract one document with the given pipeline components (default: the rules and the
    trained tagger); `meta` is what the user says of the page (kg.pagemeta)."""
    masthead, articles = segment(doc, meta=meta)
    ctx = DocContext(doc=doc, masthead=masthead, articles=articles)
    run(ctx, components)
    return resolve_document(ctx)


def names_within(de: DocExtraction) -> dict[tuple[int, int], str]:
    """The mentions that lie inside a longer proper name of the page (冠县 in 冠县公安局,
    美国 in 美国政府), each with the name of the entity whose mention holds it.

    One sweep by start over the proper names: the one reaching furthest so far (the
    earliest of those on a tie) holds a span if it ends after it, or starts before it."""
    outer = sorted((m.start, -m.end, e.name) for e in de.entities if e.type in PROPER_NAMES
                   for m in e.mentions)
    spans = sorted({(m.start, m.end) for e in de.entities for m in e.mentions})
    within: dict[tuple[int, int], str] = {}
    best: tuple[int, int, str] | None = None     # (end, -start, name) of the furthest so far
    k = 0
    for s, e in spans:
        while k < len(outer) and outer[k][0] <= s:
            os_, neg_end, name = outer[k]
            if best is None or (-neg_end, -os_) > best[:2]:
                best = (-neg_end, -os_, name)
            k += 1
        if best and (best[0] > e or best[0] == e and -best[1] < s):
            within[(s, e)] = best[2]
    return within


def to_record(de: DocExtraction) -> dict:
    """The gold-schema record of one document, with provenance of every mention.

    `mentions` is the flat layer of names that NER corpora mark (MSRA, People's Daily,
    CLUENER): a name inside a longer one is part of it there. Such mentions are kept
    under `nested`, with the name they are read in (`in`); an area's relative form
    (全市, 我市, 该县), which no corpus marks as a name (none of the 1,000-odd in MSRA's
    and People's Daily's training text), under `relative`. The graph cites all three."""
    doc = de.document
    within = names_within(de)
    ents = []
    for e in de.entities:
        mentions, nested, relative = [], [], []
        for m in e.mentions:
            rs, re_, text = raw_text(doc, m.start, m.end)
            cited = {"text": text, "start": rs, "end": re_, "rule": m.rule}
            holder = within.get((m.start, m.end))
            if holder is not None:
                nested.append(cited | {"in": holder})
            elif m.rule == RELATIVE_AREA_RULE:
                relative.append(cited)
            else:
                mentions.append(cited)
        rec = {"name": e.name, "type": e.type, "aliases": e.aliases, "mentions": mentions}
        if nested:
            rec["nested"] = nested
        if relative:
            rec["relative"] = relative
        if e.code:
            rec["code"] = e.code
        ents.append(rec)
    return {
        "doc": doc.id,
        "masthead": {"paper": de.masthead.paper, "date": de.masthead.date,
                     "date_source": de.masthead.date_source, "page": de.masthead.page,
                     "area": de.masthead.area},
        "articles": [{"index": a.index, "title": a.title, "start": doc.raw_span(a.start, a.end)[0],
                      "end": doc.raw_span(a.start, a.end)[1],
                      "bylines": [{"name": b.name, "role": b.role} for b in a.bylines],
                      "dates": a.dates, "place": a.place} for a in de.articles],
        "entities": ents,
        "posts": [{"person": p.person, "title": p.title, "org": p.org} for p in de.posts],
        "relations": [{"head": r.head, "rel": r.rel, "tail": r.tail} for r in de.relations],
    }
