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
    report = train.train(data, out, {**train.PARAMS, "max_iterations": 30}, network=False)
    assert report["sentences"] + report["held_out_sentences"] == len(rows)
    assert report["labels_equal_to_crfsuite"] == 1.0
    model = Tagger(out)
    text = "李志强昨天从上海出发。"
    labels = model.tag_batch([text], [segmenter().tokens(text)], [0])[0]
    assert len(labels) == len(text) and set(labels) <= set(model.labels)


def test_the_network_is_trained_beside_the_crf_deterministically_and_kg_runs_it_as_pytorch(
        tmp_path, load_script):
    pytest.importorskip("torch")
    people = ["王建林", "刘小红", "张国华", "陈立明"]
    rows = [(f"{p}昨天从{c}出发。", [(p, "PER"), (c, "LOC")]) for p in people for c in ["上海", "广州"]]
    data = tmp_path / "train"
    data.mkdir()
    for name in ("msra-train", "pd1998-train", "cluener-train"):
        _write(data / f"{name}.jsonl", rows if name == "msra-train" else [])
    train = load_script("train/train_tagger.py")
    params = {**train.PARAMS, "max_iterations": 10}
    report = train.train(data, tmp_path / "a.npz", params)
    train.train(data, tmp_path / "b.npz", params)
    assert (tmp_path / "a.npz").read_bytes() == (tmp_path / "b.npz").read_bytes()
    # kg's LSTM (onnxruntime) gives PyTorch's scores (float16 weights: a rounding's difference)
    assert report["network_max_score_difference"] < 0.01
    model = Tagger(tmp_path / "a.npz")
    assert model.net is not None
    text = "李志强昨天从上海出发。"
    labels = model.tag_batch([text], [segmenter().tokens(text)], [0])[0]
    assert len(labels) == len(text) and set(labels) <= set(model.labels)


def test_the_body_typer_is_rebuilt_deterministically_and_kg_reads_it(tmp_path, load_script):
    pytest.importorskip("sklearn")
    from kg.orgtype import OrgTyper

    data = tmp_path / "train"
    data.mkdir()
    bodies = [("长风信托", "company"), ("蓝海证券行", "company"), ("北辰能源", "company"),
              ("林业署", "government"), ("海关总署", "government"), ("税务署", "government"),
              ("星光合唱团", "organization"), ("青松书画社", "organization"), ("白鹭诗社", "organization")]
    _write(data / "cluener-train.jsonl", [(f"昨天{b}发布消息。", [(b, t)]) for b, t in bodies * 3])
    train = load_script("train/train_orgtype.py")
    report = train.train(data, tmp_path / "a.npz")
    train.train(data, tmp_path / "b.npz")
    assert (tmp_path / "a.npz").read_bytes() == (tmp_path / "b.npz").read_bytes()
    assert report["spans"] + report["held_out_spans"] == len(bodies) * 3
    typer = OrgTyper(tmp_path / "a.npz")
    assert sorted(typer.classes) == ["Agency", "Company", "Organization"]
    # a body unseen in training, typed by what its name shares with the examples
    text = "昨天东岳信托发布消息。"
    kind, p = typer.classify(text, 2, 6)
    assert kind == "Company" and 1 / 3 < p <= 1
