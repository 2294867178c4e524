"""The list of kinds (kg/kinds.py): counted from annotated news by `make model`, read by
the rules, which then leave kinds of body and place unnamed."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg import kinds
from pages import extract, names

TRAIN = Path(__file__).resolve().parents[3] / "shared" / "train"


def _write(path: Path, rows: list[tuple[str, list[str]]]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for i, (text, spans) in enumerate(rows):
            ents = [{"start": text.index(n), "end": text.index(n) + len(n), "type": "ORG"} for n in spans]
            f.write(json.dumps({"id": f"{path.stem}-{i}", "text": text, "entities": ents},
                               ensure_ascii=False) + "\n")


def test_the_count_keeps_what_annotators_leave_unmarked_and_not_what_they_mark(tmp_path, load_script):
    data = tmp_path / "train"
    data.mkdir()
    rows = [("许多保险公司拒绝赔偿。", []), ("长风保险公司发布年报。", ["长风保险公司"]),
            ("白鹭银行开业。", ["白鹭银行"]), ("国内上市公司增多。", []), ("发展小城镇。", [])] * 12
    _write(data / "msra-train.jsonl", rows)
    _write(data / "pd1998-train.jsonl", rows[:8])
    _write(data / "cluener-train.jsonl", [])
    out = tmp_path / "kinds.txt"
    count = load_script("train/count_kinds.py").build(data, out)
    listed = [line for line in out.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert len(listed) == count and listed == sorted(listed)
    assert {"保险公司", "上市公司"} <= set(listed)       # unmarked, and marked only inside a longer name
    assert "小城镇" in set(listed)                      # a town's suffix counts as a head
    assert not {"白鹭银行", "长风保险公司"} & set(listed)


@pytest.mark.skipif(not TRAIN.is_dir(), reason="needs ../shared/train")
def test_the_shipped_list_is_what_the_training_data_gives(tmp_path, load_script):
    out = tmp_path / "kinds.txt"
    load_script("train/count_kinds.py").build(TRAIN, out)
    assert out.read_bytes() == kinds.KINDS_PATH.read_bytes(), "run `make model` (train/count_kinds.py)"


def test_kinds_of_body_and_place_are_not_named_but_bodies_are():
    rec = extract("对拓展上市公司的利润空间有利。以打破巴以和谈僵局。除日本继续修建高速铁路外，"
                  "招商银行和长沙市望月第二小学参加。自治区政协主席说。\n")
    assert not {"上市公司", "和谈僵局", "高速铁路"} & names(rec)
    assert {"招商银行", "长沙市望月第二小学"} <= names(rec)
    assert any(n.endswith("政协") for n in names(rec, "Agency"))       # a relative form, resolved


def test_kinds_of_town_and_village_are_no_divisions_but_towns_are():
    rec = extract("在全国各类小城镇居住的人口增多。高陵村过去是个小康村。柳林镇建起了工厂。\n")
    assert not {"小城镇", "小康村"} & names(rec)
    assert {"高陵村", "柳林镇"} <= names(rec, "District")
