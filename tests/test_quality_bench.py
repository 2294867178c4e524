"""The quality harness's span matching on made-up texts, so its numbers can't drift silently,
and one quick run of the whole table on small slices of the shared data.

No LAC: the scoring and mapping functions of bench/quality.py, checked against
shared/eval/ner_eval.py where that is what they must agree with.
"""
from __future__ import annotations

import importlib.util
import json
import re
import subprocess
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


def test_the_cluener_train_slice_is_read_in_cluener_layout(tmp_path):
    # the training file's exclusive ends become CLUENER's inclusive ones; only the
    # sentences the tagger was not trained on (c-12 is held out, c-0 is not) are kept
    rows = [{"id": i, "text": "区长王明到城关镇政府调研。",
             "entities": [{"start": 2, "end": 4, "type": "name"}, {"start": 5, "end": 10, "type": "government"}]}
            for i in ("c-0", "c-12")]
    (tmp_path / "cluener-train.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    items = quality.held_out_cluener(tmp_path, None)
    assert len(items) == 1 and quality.cluener_gold(items[0]) == quality.cluener_gold(ITEMS[0])


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


NER_EVAL = quality.SHARED / "eval" / "ner_eval.py"
needs_ner_eval = pytest.mark.skipif(not NER_EVAL.exists(), reason="no shared/eval/ner_eval.py")

MSRA = [
    {"text": "江主席在北京会见王小明。", "entities": [
        {"start": 0, "end": 1, "type": "PER", "text": "江"},
        {"start": 4, "end": 6, "type": "LOC", "text": "北京"},
        {"start": 8, "end": 11, "type": "PER", "text": "王小明"}]},
    {"text": "新华社消息", "entities": [{"start": 0, "end": 3, "type": "ORG", "text": "新华社"}]},
    {"text": "没有名字。", "entities": []},
]
MSRA_PRED = [
    # 江 missed; 北京 right; 王小明 as LOC (wrong type, right span); a second 北京 mention
    [("District", 4, 6), ("Place", 8, 11), ("District", 4, 6), ("Initiative", 0, 2)],
    [("Agency", 0, 2)],                                  # boundary
    [("Person", 0, 1)],                                  # one character, no gold
]


@needs_ner_eval
@pytest.mark.parametrize("min_len", [1, 2])
def test_msra_scores_are_ner_eval_scores(tmp_path, min_len):
    bench = tmp_path / "bench.jsonl"
    bench.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in MSRA), "utf-8")
    pred = tmp_path / "pred.jsonl"     # kg's records: one page per sentence, s00000.txt ...
    pred.write_text("".join(json.dumps({"doc": f"s{i:05d}.txt", "entities": [
        {"type": t, "mentions": [{"start": s, "end": e}]} for t, s, e in spans]}) + "\n"
        for i, spans in enumerate(MSRA_PRED)), "utf-8")
    run = subprocess.run([sys.executable, str(NER_EVAL), "score", str(bench), str(pred),
                          "--min-len", str(min_len)], capture_output=True, text=True, check=True)
    expected = json.loads(run.stdout.splitlines()[-1])
    ours = quality.msra_scores(MSRA, MSRA_PRED, quality.load_module(NER_EVAL, "ner_eval").MAP,
                               min_len)
    assert {t: ours[t]["f1"] for t in expected} == expected
    assert ours["ALL"]["tp"] == 1 and ours["UNTYPED"]["tp"] == 2


@needs_ner_eval
def test_lac_tags_map_back_onto_msra_types():
    type_map = quality.load_module(NER_EVAL, "ner_eval").MAP
    for word, tag in [("王明", "PER"), ("城关镇政府", "ORG"), ("华兴有限公司", "ORG"),
                      ("红星小学", "ORG"), ("河口区", "LOC"), ("人民路", "LOC")]:
        assert type_map[quality._lac_type(word, tag)] == tag
    assert quality._lac_type("调研", "v") is None


@pytest.fixture(scope="module")
def quick_run() -> dict:
    """One run of the harness, LAC left out, on the first 20 sentences of each benchmark."""
    needed = [quality.SHARED / p for p in ("gold", "real/docs", "real/gold", "eval/score.py",
              "eval/ner_eval.py", "benchmarks/msra-test.jsonl", "benchmarks/cluener2020-dev.jsonl",
              "train/msra-train.jsonl", "train/pd1998-train.jsonl")]
    if not all(p.exists() for p in needed):
        pytest.skip("the shared gold, benchmarks or eval scripts are missing")
    out = subprocess.run([sys.executable, str(_PATH), "--limit", "20", "--no-lac", "--json"],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def _f1s(node: object) -> list[float]:
    if isinstance(node, dict):
        return [node["f1"]] if "f1" in node else [f for v in node.values() for f in _f1s(v)]
    return []


def test_quick_run_scores_every_system_on_every_measure(quick_run):
    rows = quick_run["systems"]
    assert list(rows) == ["kg", "kg-rules", "tagger", "jieba.posseg"]
    assert quick_run["msra_sentences"] == quick_run["cluener_texts"] == 20
    assert quick_run["dev_sentences"] == {"msra-train": 20, "pd1998-train": 20, "cluener-train": 20}
    for name, row in rows.items():
        f1s = _f1s({k: row[k] for k in ("seeds", "real", "msra", "cluener_span", "cluener_text", "dev",
                                        "cluener_dev")})
        assert len(f1s) > 30 and all(0.0 <= f <= 1.0 for f in f1s), name
        assert row["chars_per_second"] > 0
        assert set(row["msra"]) == {"min_len_1", "min_len_2"}
    assert rows["kg"]["seeds"]["posts"]["f1"] > 0          # kg finds posts; a tagger has none
    assert not [n for n in quick_run["notes"] if "could not read" in n]    # every sentence read
    assert rows["kg"]["msra"]["min_len_1"]["ALL"]["f1"] > 0.5
    assert rows["jieba.posseg"]["seeds"]["posts"] is None
    assert rows["jieba.posseg"]["real"]["relations"] is None
    # the tagger alone finds names on the NER sets, no posts on the gold pages
    assert rows["tagger"]["seeds"]["posts"] is None and rows["tagger"]["msra"]["min_len_1"]["ALL"]["f1"] > 0.5


def test_table_puts_systems_side_by_side(quick_run):
    rows = quick_run["systems"]
    lines = quality.format_table(rows).splitlines()
    columns = [m.span() for m in re.finditer(r"-+", lines[1])]   # the rule under the header
    table = [[line[a:b].strip() for a, b in columns] for line in lines[:-1]]
    assert table[0] == ["", "", *rows]
    body = table[2:]
    expected = [(s, m) for s, m, _ in quality.measures()]
    assert len(body) == len(expected) == 21
    assert [r[0] for r in body if r[0]] == ["seeds gold", "real gold", "MSRA test",
                                            "CLUENER dev", "held-out dev", "speed"]
    for (section, label), (_, measure, *cells) in zip(expected, body):
        assert measure == label and len(cells) == len(rows)
        if label == "chars/s on MSRA":
            assert all(int(c.replace(",", "")) > 0 for c in cells)
        elif label == "duplicates":
            assert all(c.isdigit() for c in cells)
        elif label in ("posts F1", "relations F1"):
            assert cells[-1] == "-" and 0 <= float(cells[0]) <= 1
        elif section == "CLUENER dev":     # span F1 (text F1)
            assert all(re.fullmatch(r"[01]\.\d{3} \([01]\.\d{3}\)", c) for c in cells)
        elif label == "CLUENER train slice n/g/c/o":     # four labels' span F1
            assert all(re.fullmatch(r"[01]\.\d{3}(/[01]\.\d{3}){3}", c) for c in cells)
        else:
            assert all(0 <= float(c) <= 1 for c in cells)
