"""Provenance: how a span of a page is cited, and how articles are named.

Extractors find things at offsets into the cleaned text (Document.text); researchers
cite the decoded file (Document.raw), its article and its sentence. The record of
extraction.jsonl, the graph's sources (and through them every view) and the sources
a researcher's correction adds (kg.curate) all cite through this module, so their
offsets and article ids agree; article ids are made and read back only here.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import DocExtraction, Document, Evidence

# Longest quote a source carries: a page with one endless "sentence" would otherwise
# copy all of it into every fact read from it, and outputs grow with its square.
MAX_QUOTE = 1000

_ARTICLE = "#a"


def article_id(doc_id: str, index: int) -> str:
    """The id of the `index`th article of a document: "<doc id>#a<index>"."""
    return f"{doc_id}{_ARTICLE}{index}"


def split_article_id(art_id: str) -> tuple[str, int]:
    """The document id and article index an article id (article_id) names; ValueError
    for anything else. A document id may itself hold "#a": the last one separates."""
    doc_id, sep, index = art_id.rpartition(_ARTICLE)
    if not sep or not index.isdigit() or not index.isascii():
        raise ValueError(f"not an article id: {art_id!r}")
    return doc_id, int(index)


def raw_text(doc: Document, start: int, end: int) -> tuple[int, int, str]:
    """The span [start, end) of the clean text as the record cites it: its offsets in
    the decoded file and the file's text there, a name the page breaks across lines
    joined again (whatever the line ends, kg.reader.LINE_ENDS)."""
    rs, re_ = doc.raw_span(start, end)
    return rs, re_, "".join(doc.raw[rs:re_].splitlines())


def cite(d: DocExtraction, ev: Evidence) -> dict:
    """The graph's citation of a span (kg.graph, the source layout): document, article,
    sentence, offsets in the decoded file, the sentence quoted and where in the quote
    the span lies. Needs the clean text only, so it works once `raw` is dropped."""
    doc = d.document
    art = d.articles[ev.article] if ev.article < len(d.articles) else None
    sent = art.sentences[ev.sentence] if art and ev.sentence < len(art.sentences) else None
    rs, re_ = doc.raw_span(ev.start, ev.end)
    lo, quote = (sent.start, sent.text) if sent else (ev.start, doc.text[ev.start:ev.end])
    if len(quote) > MAX_QUOTE:     # no real sentence is this long: quote around the span
        lo = max(sent.start, ev.start - MAX_QUOTE // 2) if sent else ev.start
        quote = doc.text[lo:lo + MAX_QUOTE]
    lo += len(quote) - len(quote.lstrip())
    quote = quote.strip()
    # where the span lies in the quote, so a reader sees the very words cited (an alias,
    # 区长 and not the 区长 inside 副区长), cut to the quote where the span runs past it
    i = min(max(ev.start - lo, 0), len(quote))
    return {"doc": doc.id, "article": article_id(doc.id, ev.article), "sentence": ev.sentence,
            "start": rs, "end": re_, "quote": quote, "in_quote": [i, min(max(ev.end - lo, i), len(quote))]}
