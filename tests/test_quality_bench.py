"""The quality harness's span matching on two made-up texts, so its numbers can't drift silently.

No LAC, no benchmark file: only the scoring and mapping functions of bench/quality.py.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parent.parent / "bench" / "quality.py"
_spec = importlib.util.spec_from_file_location("bench_quality", _PATH)
assert _spec is not None and _spec.loader is not None
quality = importlib.util.module_from_spec(_spec)
sys.modules["bench_quality"] = quality      # dataclasses look their module up there
_spec.loader.exec_module(quality)

# CLUENER shape: ends inclusive
ITEMS = [
    {"text": "区长王明到城关镇政府调研。",
     "label": {"name": {"王明": [[2, 3]]}, "government": {"城关镇政府": [[5, 9]]}}},
    {"text": "张华说，华兴科技有限公司在河口区建厂。",
     "label": {"name": {"张华": [[0, 1]]}, "company": {"华兴科技有限公司": [[4, 11]]},
               "address": {"河口区": [[13, 15]]}}},
]


def test_gold_ends_become_exclusive():
    assert quality.cluener_gold(ITEMS[0]) == {("name", 2, 4), ("government", 5, 10)}


def test_span_match_is_exact_and_per_label():
    preds = [
        [("Official", 2, 4), ("Agency", 6, 10)],             # name right; government cut short
        [("Person", 0, 2), ("Company", 4, 12), ("Place", 13, 16), ("Initiative", 0, 2)],
    ]
    span, text = quality.score_cluener(ITEMS, preds)
    assert span.prf("name") == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 2, "fp": 0, "fn": 0}
    assert span.prf("government")["tp"] == 0
    assert (span.prf("government")["fp"], span.prf("government")["fn"]) == (1, 1)
    assert span.prf("company")["f1"] == 1.0
    assert span.prf("address")["tp"] == 1          # Place and District both map to address
    assert span.prf("organization") == {"p": 0.0, "r": 0.0, "f1": 0.0,
                                         "tp": 0, "fp": 0, "fn": 0}
    assert text.prf("name")["tp"] == 2


def test_text_level_forgives_a_second_mention_but_not_boundaries():
    item = {"text": "王明和王明", "label": {"name": {"王明": [[0, 1]]}}}
    span, text = quality.score_cluener([item], [[("Person", 0, 2), ("Person", 3, 5)]])
    assert (span.prf("name")["tp"], span.prf("name")["fp"]) == (1, 1)
    assert (text.prf("name")["tp"], text.prf("name")["fp"]) == (1, 0)


def test_errors_name_their_cause():
    errs = quality.span_errors(0, ITEMS[0], [("Agency", 7, 10), ("Company", 2, 4)])
    causes = {(e.label, e.kind, e.text, e.why) for e in errs}
    assert ("government", "FP", "镇政府", "boundary") in causes
    assert ("company", "FP", "王明", "other label") in causes
    assert ("name", "FN", "王明", "other label") in causes


def test_baseline_suffix_mapping():
    assert quality.org_type("城关镇政府") == "Agency"
    assert quality.org_type("华兴科技有限公司") == "Company"
    assert quality.org_type("河口区第一中学") == "Organization"
    assert quality.loc_type("河口区") == "District"
    assert quality.loc_type("城关街道") == "District"
    assert quality.loc_type("人民路") == "Place"


def test_tagger_words_must_cover_the_text():
    words = [("张华", "nr"), ("说", "v")]
    assert quality._spans_from_words("张华说", words, quality._jieba_type) == [("Person", 0, 2)]
    with pytest.raises(ValueError):
        quality._spans_from_words("张华讲", words, quality._jieba_type)


def test_jieba_baseline_keeps_offsets_across_sentences():
    text = "今天王小明到了。\n他在北京市工作。"
    spans = quality.tag_document(quality.make_jieba(), text)
    assert {(t, text[s:e]) for t, s, e in spans} == {("Person", "王小明"), ("District", "北京市")}
