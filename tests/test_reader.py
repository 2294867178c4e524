"""Reading: encodings, normalisation, PDF line-break repair, offsets back to the file."""
from __future__ import annotations

import pytest

from kg.reader import ReadError, decode, document_from_text, find_inputs, read_document


def test_utf8_bom_and_gb18030_decode_to_same_text():
    text = "东昌府区行政审批服务局局长说。"
    assert decode(text.encode("utf-8"), "a")[0] == text
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8"), "a") == (text, "utf-8-sig")
    assert decode(text.encode("gb18030"), "a") == (text, "gb18030")


@pytest.mark.parametrize("data,reason", [(b"", "empty"), (b"  \n", "empty"),
                                         (b"\x00\x01\x02binary", "not text")])
def test_bad_bytes_are_refused_with_the_file_name(data, reason):
    with pytest.raises(ReadError) as e:
        decode(data, "page.txt")
    assert "page.txt" in str(e.value) and reason in str(e.value)


def test_line_broken_mid_word_is_joined_and_offsets_map_back():
    raw = "■ 本报记者 叶晨雯\n\n“我们诊所的名叫家合口腔，\n家合的寓意是把患者当成家人，当\n成合作伙伴。”\n\n近日，社区进行了摸底。\n"
    doc = document_from_text("t.txt", raw)
    assert "当成合作伙伴" in doc.text              # the break inside 当|成 is gone
    assert "■ 本报记者 叶晨雯\n" in doc.text        # the byline stays its own line
    assert "。”\n近日" in doc.text                 # a real paragraph break is kept
    i = doc.text.index("当成合作")
    s, e = doc.raw_span(i, i + 4)
    assert raw[s:e].replace("\n", "") == "当成合作"


def test_spaces_between_digits_and_chinese_are_dropped():
    doc = document_from_text("t.txt", "11 月 3 日，为 7 名代表颁发。")
    assert doc.text.startswith("11月3日，为7名")


def test_folders_are_read_recursively_and_missing_paths_reported(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "p.txt").write_text("本报讯 测试。", encoding="utf-8")
    (tmp_path / "a" / "skip.md").write_text("x", encoding="utf-8")
    files, problems = find_inputs([tmp_path / "a", tmp_path / "missing"])
    assert [f.id for f in files] == ["b/p.txt"]
    assert problems and "missing" in problems[0]


def test_seed_pages_read_with_exact_offsets(seeds):
    files, _ = find_inputs([seeds])
    assert len(files) == 5
    for f in files:
        doc = read_document(f)
        for i, ch in enumerate(doc.text):
            if ch not in "\n ":
                assert doc.raw[doc.origin[i]] == ch


@pytest.mark.parametrize("end", ["\r", "\r\n", "\u2028", "\u2029", "\x85", "\x0c", "\x0b"])
def test_every_line_end_convention_splits_a_page_like_lf(seeds, end):
    """A page whose lines end in CR alone (old Macs), U+2028 (Word, the web), NEL or a
    form feed gives the articles and entities of its LF copy, at the same offsets (a
    CRLF copy's offsets count its CRs)."""
    from kg.extract import extract_document, to_record

    def unplaced(record: dict) -> dict:
        """The record without offsets."""
        return {"articles": [{k: v for k, v in a.items() if k not in ("start", "end")}
                             for a in record["articles"]],
                "entities": [{**e, "mentions": [m["text"] for m in e["mentions"]]}
                             for e in record["entities"]]}

    raw = sorted(seeds.glob("*.txt"))[4].read_text(encoding="utf-8")
    lf = to_record(extract_document(document_from_text("p.txt", raw)))
    other = to_record(extract_document(document_from_text("p.txt", raw.replace("\n", end))))
    assert len(lf["articles"]) > 5
    assert unplaced(other) == unplaced(lf)
    if len(end) == 1:
        assert (other["articles"], other["entities"]) == (lf["articles"], lf["entities"])
