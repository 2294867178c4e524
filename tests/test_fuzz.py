"""Property-based tests: arbitrary bytes and text, Chinese-heavy and hostile, through
reading, extraction and every output. No crash; every offset lies inside the text and
quotes it; Turtle and JSON re-parse; data never opens a <script> in the page.

Runs are derandomized (the same examples every run) and bounded: 2,000 inputs in
all, about half a minute on two cores.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from kg.extraction import extract_document, to_record
from kg.graph import build_graph, to_node_link
from kg.html import render
from kg.outputs import dumps_json, jsonl
from kg.rdf import serialize
from kg.reader import ReadError, _normalise_char, clean, document_from_text, parse_document
from kg.resolve import resolve_corpus
from kg.simplify import is_traditional

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_TEXT = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
SEED_LINES = sorted({line for line in SEED_TEXT.splitlines() if line.strip()})
SEED_CHARS = sorted(set(SEED_TEXT) - set("\r\n"))
PUNCT = list("“”《》（）、，。：；！？■ ")
HOSTILE = ["<script>alert(1)</script>", "</script><script>alert(2)//", "<!--", "]]>",
           '> . ; " \\ @prefix x: <http://e/> .', "'''", '"""', "\\u0022", "&amp;&lt;",
           "\u202e", "\u200b", "\u200d", "\ufeff", "\u2028", "\u2029", "\x00", "\x1b[31m",
           "\x07", "\x7f", "\r", "\t", "\u3000", "\xa0", "ＡＢＣ１２３", "{{x}}", "${x}",
           "%00", "#a0", "@base <x> .", "𠀀𪚥", "\U0001f600"]

settings.register_profile(
    "kg-fuzz", deadline=None, derandomize=True, database=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FUZZ = settings.get_profile("kg-fuzz")

# Characters of the genre, weighted towards the punctuation and line breaks that
# steer the reader and the extractors, with the hostile strings mixed in.
genre_char = st.sampled_from(SEED_CHARS + PUNCT * 40 + ["\n"] * 80)
genre_text = st.text(alphabet=genre_char, max_size=400)
hostile_text = st.lists(st.sampled_from(HOSTILE), max_size=6).map("".join)
page = st.lists(st.one_of(st.sampled_from(SEED_LINES).map(lambda s: s + "\n"),
                          genre_text, hostile_text,
                          st.tuples(hostile_text, st.sampled_from(SEED_LINES))
                          .map(lambda t: t[0] + t[1] + "\n")),
                min_size=1, max_size=14).map("".join)


def _han(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("CJK")


def _read_as(ch: str, raw_ch: str, converted: bool) -> bool:
    """Whether the clean character `ch` reads the file's `raw_ch`: normalised, or, on a
    page seen through simplified characters, one Han character for another."""
    return ch in _normalise_char(raw_ch) or converted and _han(ch) and _han(raw_ch)


def _converted(raw: str) -> bool:
    return is_traditional(clean(raw)[0])


def _check_document(raw: str, doc) -> None:
    """The offset map cites `raw`: in range, ordered, each clean character read from it."""
    assert doc.raw == raw
    assert len(doc.origin) == len(doc.text) + 1 and doc.origin[-1] == len(raw)
    assert all(0 <= a <= b <= len(raw) for a, b in zip(doc.origin, doc.origin[1:]))
    converted = _converted(raw)
    for i, ch in enumerate(doc.text):
        if ch != "\n":
            assert _read_as(ch, raw[doc.origin[i]], converted), (i, ch, raw[doc.origin[i]])


def _check_extraction(raw: str, de) -> dict:
    doc = de.document
    converted = _converted(raw)
    for e in de.entities:
        assert e.name.strip() and e.mentions
        for m in e.mentions:
            assert 0 <= m.start < m.end <= len(doc.text)
            assert doc.text[m.start:m.end] == m.text
            rs, re_ = doc.raw_span(m.start, m.end)
            assert 0 <= rs < re_ <= len(raw)
            # the raw span, normalised as the reader does, spells the mention
            spelled = "".join(_normalise_char(c) for c in raw[rs:re_]).replace("\n", "").replace(" ", "")
            assert len(spelled) == len(m.text.replace(" ", ""))
            assert all(_read_as(a, b, converted) for a, b in zip(m.text.replace(" ", ""), spelled))
    for a in de.articles:
        assert 0 <= a.start <= a.end <= len(doc.text)
        for s in a.sentences:
            assert a.start <= s.start < s.end <= a.end and doc.text[s.start:s.end] == s.text
    rec = to_record(de)
    for e in rec["entities"]:
        for m in e["mentions"]:
            assert 0 <= m["start"] < m["end"] <= len(raw)
            # quoted without the line ends (any of kg.reader.LINE_ENDS) the page broke it at
            assert "".join(raw[m["start"]:m["end"]].splitlines()) == m["text"]
    return rec


@settings(FUZZ, max_examples=600)
@given(st.one_of(st.binary(max_size=3000),
                 page.map(lambda s: s.encode("utf-8")),
                 page.map(lambda s: s.encode("gb18030", errors="ignore")),
                 st.tuples(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xed\xa0\x80",
                                            b"\xc0\xaf", b"\x00", b""]), st.binary(max_size=200),
                           page.map(lambda s: s.encode("utf-8")))
                 .map(lambda t: t[0] + t[2][:500] + t[1] + t[2][500:])))
def test_any_bytes_read_to_a_document_or_a_read_error(data: bytes) -> None:
    try:
        doc = parse_document("fuzz.txt", "fuzz.txt", data)
    except ReadError as e:
        assert str(e).startswith("fuzz.txt: ")
        return
    assert doc.text.strip()
    _check_document(doc.raw, doc)


# text only an API caller can pass: lone surrogates, which no file decodes to
with_surrogates = st.lists(st.one_of(st.sampled_from(["\ud800", "\udbff", "\udc80", "\udfff"]),
                                     st.sampled_from(SEED_LINES)), max_size=8).map("".join)


@settings(FUZZ, max_examples=900)
@given(st.one_of(page, genre_text, st.text(max_size=300), with_surrogates))
def test_any_text_extracts_with_offsets_inside_it(raw: str) -> None:
    doc = document_from_text("fuzz.txt", raw)
    assert len(doc.raw) == len(raw)     # lone surrogates replaced one for one
    raw = doc.raw
    _check_document(raw, doc)
    if not doc.text.strip():
        return
    rec = _check_extraction(raw, extract_document(doc))
    jsonl([rec]).encode("utf-8")
    lines = jsonl([rec, rec]).splitlines()
    assert len(lines) == 2 and json.loads(lines[1]) == rec


MARKUP = re.compile(r"<\s*/?\s*script|<!--", re.I)
BASELINE: list[list[str]] = []


def _markup(html: str) -> list[str]:
    """The tags that open or close a script block, or a comment that changes its parsing."""
    return [m.lower() for m in MARKUP.findall(html)]


doc_id = st.lists(st.sampled_from(list("ab<>\"'&;.@ #%\\/\u202e\u200b区县") + HOSTILE),
                 min_size=1, max_size=8).map(lambda parts: "".join(parts) + ".txt")


@settings(FUZZ, max_examples=500)
@given(st.lists(st.tuples(doc_id, page), min_size=1, max_size=3, unique_by=lambda t: t[0]))
def test_every_output_of_hostile_pages_reparses_and_runs_no_data_as_script(pages) -> None:
    docs = []
    for name, raw in pages:
        doc = document_from_text(name, raw)
        if doc.text.strip():
            docs.append(extract_document(doc))
    if not docs:
        return
    g = build_graph(docs, *resolve_corpus(docs))
    parsed = Graph().parse(data=serialize(g, "turtle"), format="turtle")
    assert len(parsed) >= g.number_of_nodes()
    assert len(Graph().parse(data=serialize(g, "nt"), format="nt")) == len(parsed)
    back = json.loads(dumps_json(to_node_link(g)))
    assert len(back["nodes"]) == g.number_of_nodes()
    if not BASELINE:
        BASELINE.append(_markup(render(build_graph([], {}, [], []))))
    assert _markup(render(g)) == BASELINE[0], "text from the data reached the page as markup"
