"""`make model` end to end on a few invented sentences: the training script reads the
three sets, trains with CRFsuite, and exports a model kg loads and decodes exactly as
CRFsuite does."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.segment import segmenter
from kg.tagger import Tagger

pytest.importorskip("pycrfsuite")


def _write(path: Path, rows: list[tuple[str, list[tuple[str, str]]]]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for i, (text, names) in enumerate(rows):
            ents = [{"start": text.index(n), "end": text.index(n) + len(n), "type": t, "text": n}
                    for n, t in names]
            f.write(json.dumps({"id": f"{path.stem}-{i}", "text": text, "entities": ents},
                               ensure_ascii=False) + "\n")


def test_the_training_script_rebuilds_a_model_kg_decodes_as_crfsuite(tmp_path, load_script):
    people = ["王建林", "刘小红", "张国华", "陈立明", "赵文静", "孙海涛"]
    places = ["上海", "广州", "杭州", "成都"]
    rows = [(f"{p}昨天从{c}出发，{p}说工作很顺利。", [(p, "PER"), (c, "LOC")])
            for p in people for c in places]
    data = tmp_path / "train"
    data.mkdir()
    _write(data / "msra-train.jsonl", rows[:12])
    _write(data / "pd1998-train.jsonl", [(t + "北京大学发来贺信。", n + [("北京大学", "ORG")])
                                         for t, n in rows[12:20]])
    _write(data / "cluener-train.jsonl", [(t, [(n, "name" if ty == "PER" else "address")
                                               for n, ty in ns]) for t, ns in rows[20:]])
    train = load_script("train/train_tagger.py")
    out = tmp_path / "ner.npz"
    report = train.train(data, out, {**train.PARAMS, "max_iterations": 30})
    assert report["sentences"] + report["held_out_sentences"] == len(rows)
    assert report["labels_equal_to_crfsuite"] == 1.0
    model = Tagger(out)
    text = "李志强昨天从上海出发。"
    labels = model.tag_batch([text], [segmenter().tokens(text)], [0])[0]
    assert len(labels) == len(text) and set(labels) <= set(model.labels)
