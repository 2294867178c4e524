"""Provenance: one way to cite a span and to name an article, shared by the record,
the graph and the RDF view; records that stages derive instead of altering."""
from __future__ import annotations

import dataclasses
import json

import pytest

from kg.extraction import extract_document, to_record
from kg.graph import build_graph
from kg.model import Article
from kg.pipeline import extract_one, without_text
from kg.provenance import article_id, cite, split_article_id
from kg.rdf import IRIs
from kg.reader import document_from_text
from kg.resolve import resolve_corpus

PAGE = ("东昌府讯7月1日，区委副书记、区长江绍华到东昌府区调研，全区上下齐努力。\n"
        "■ 本报记者 邹辉\n本报讯 莘县行政审批服务局局长史乃明介绍了相关情况。\n")


@pytest.mark.parametrize("doc_id", ["p.txt", "a#a1.txt", "报纸/第3版#a.txt", "x#a"])
def test_an_article_id_names_its_document_and_index_whatever_the_file_is_called(doc_id):
    assert split_article_id(article_id(doc_id, 12)) == (doc_id, 12)
    assert Article(doc_id, 3, 0, 1).id == article_id(doc_id, 3)


@pytest.mark.parametrize("bad", ["p.txt", "p.txt#a", "p.txt#ax", "p.txt#a-1", "p.txt#a١"])
def test_what_is_not_an_article_id_is_refused(bad):
    with pytest.raises(ValueError, match="not an article id"):
        split_article_id(bad)


def test_article_iris_keep_their_form():
    iri = IRIs("http://x/")
    assert iri.article("a#a1.txt#a12") == "<http://x/doc/a%23a1.txt/a12>"
    assert iri.sentence("p.txt#a0", 4) == "<http://x/doc/p.txt/a0/s4>"


def test_the_record_and_the_graph_cite_each_mention_at_the_same_offsets():
    de = extract_document(document_from_text("p.txt", PAGE))
    rec = to_record(de)
    in_record = {(e["name"], m["start"], m["end"]) for e in rec["entities"]
                 for m in e["mentions"] + e.get("nested", []) + e.get("relative", [])}
    g = build_graph([de], *resolve_corpus([de]))
    in_graph = {(d["label"], m["start"], m["end"]) for _, d in g.nodes(data=True) for m in d["mentions"]}
    assert in_record and in_record == in_graph
    for _, d in g.nodes(data=True):
        for m in d["mentions"]:
            assert PAGE[m["start"]:m["end"]] == m["text"]
            i, j = m["in_quote"]
            assert m["quote"][i:j] == m["text"] and m["article"] in g.graph["articles"]


def test_a_citation_needs_no_raw_text():
    """The build drops each page's text once written; citing must not need it."""
    de = extract_document(document_from_text("p.txt", PAGE))
    ev = de.evidence(PAGE.index("史乃明"), PAGE.index("史乃明") + 3)
    assert cite(without_text(de), ev) == cite(de, ev)


def test_stages_derive_new_records_instead_of_altering_them():
    de = extract_one("p.txt", "p.txt", PAGE.encode())
    assert json.loads(de.record_json)["doc"] == "p.txt" and de.document.raw == PAGE
    kept = without_text(de)
    assert (kept.record_json, kept.document.raw) == ("", "")
    assert de.record_json and de.document.raw == PAGE        # the one written is whole
    assert kept.entities is de.entities and kept.document.text == de.document.text
    with pytest.raises(dataclasses.FrozenInstanceError):
        de.record_json = ""
    with pytest.raises(dataclasses.FrozenInstanceError):
        de.document.raw = ""
