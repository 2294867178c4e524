"""Per-document extraction: segment, run the extractor pipeline, resolve within the document.

`to_record` gives the JSON object of GUIDELINES.md (what `kg extract --format jsonl`
prints), with mentions cited by offsets into the decoded file text.
"""
from __future__ import annotations

from .articles import segment
from .extractors import DocContext, run
from .model import DocExtraction, Document
from .pagemeta import PageMeta
from .provenance import raw_text
from .resolve import resolve_document


def extract_document(doc: Document, components: list[str] | None = None,
                     meta: PageMeta | None = None) -> DocExtraction:
    """Extract one document with the given pipeline components (default: the rules and the
    trained tagger); `meta` is what the user says of the page (kg.pagemeta)."""
    masthead, articles = segment(doc, meta=meta)
    ctx = DocContext(doc=doc, masthead=masthead, articles=articles)
    run(ctx, components)
    return resolve_document(ctx)


def to_record(de: DocExtraction) -> dict:
    """The gold-schema record of one document, with provenance of every mention."""
    doc = de.document
    ents = []
    for e in de.entities:
        mentions = []
        for m in e.mentions:
            rs, re_, text = raw_text(doc, m.start, m.end)
            mentions.append({"text": text, "start": rs, "end": re_, "rule": m.rule})
        rec = {"name": e.name, "type": e.type, "aliases": e.aliases, "mentions": mentions}
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
