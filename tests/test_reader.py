"""Reading: encodings, normalisation, PDF line-break repair, offsets back to the file."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kg.formats.text import decode
from kg.reader import ReadError, document_from_text, find_inputs, parse_document, read_document


def test_utf8_bom_and_gb18030_decode_to_same_text():
    text = "东昌府区行政审批服务局局长说。"
    assert decode(text.encode("utf-8"))[:2] == (text, "utf-8")
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8"))[:2] == (text, "utf-8-sig")
    assert decode(text.encode("gb18030"))[:2] == (text, "gb18030")


@pytest.mark.parametrize("data,reason", [(b"", "empty"), (b"  \n", "empty"),
                                         (b"\x00\x01\x02binary", "not text")])
def test_bad_bytes_are_refused_with_the_file_name(data, reason):
    with pytest.raises(ReadError) as e:
        parse_document("page.txt", "page.txt", data)
    assert str(e.value).startswith("page.txt: ") and reason in str(e.value)


def _seed_text(seeds, i: int = 4) -> str:
    return sorted(seeds.glob("*.txt"))[i].read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
                                      "utf-32-be", "utf-8-sig", "gb18030", "gbk"])
def test_unicode_and_chinese_encodings_read_the_page_as_its_utf8_copy(seeds, encoding):
    """UTF-16/32 with a byte-order mark (utf-16, utf-32) or without, and GBK/GB18030: the
    same text, decided with no doubt (no warning)."""
    text = _seed_text(seeds)
    got, enc, doubt = decode(text.encode(encoding))
    assert got == text and doubt is None
    assert enc.replace("_", "-").startswith(encoding[:6]) or (encoding, enc) == ("gbk", "gb18030")


@pytest.mark.parametrize("i", range(5))
def test_big5_is_read_as_big5_not_as_gb18030_mojibake(seeds, i):
    from kg.simplify import _t2s

    trad = _seed_text(seeds, i).translate({ord(c): None for c in "\u2022"})  # no Big5 bullet
    trad = "".join(c if c.encode("big5", "ignore") else "?" for c in _traditional(trad))
    got, enc, doubt = decode(trad.encode("big5"))
    assert (got, enc, doubt) == (trad, "big5", None)
    assert _t2s().convert(got[:200]) != got[:200]      # the test page is traditional indeed


def _traditional(text: str) -> str:
    import opencc
    return opencc.OpenCC("s2t").convert(text)


def test_shift_jis_is_detected_not_read_as_gb18030():
    ja = "東京都は、新しい政策を発表しました。首相官邸で会見が行われ、多くの記者が集まりました。\n" * 3
    got, enc, _ = decode(ja.encode("shift_jis"))
    assert got == ja and enc in ("cp932", "shift_jis")


def test_a_doubtful_guess_is_named_on_stderr_and_in_the_report(tmp_path):
    """Twenty characters read as cleanly in GB18030 as in EUC-KR: GB18030 is chosen (a
    Chinese page is the likelier) and the doubt is a warning naming file and guess; the
    page is still read (not counted as failed)."""
    (tmp_path / "short.txt").write_bytes("亮点 直击\n\n方寸之地描绘平安图景\n".encode("gb18030"))
    (tmp_path / "page.txt").write_bytes(_page().encode("gb18030"))
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(tmp_path / "short.txt"),
                           str(tmp_path / "page.txt"), "-o", str(tmp_path / "out"), "-q",
                           "--no-cache", "-j", "1"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["documents"]["read"] == 2 and report["documents"]["failed"] == 0
    [warning] = report["warnings"]
    assert warning.startswith("short.txt: encoding guessed as gb18030") and "cp949" in warning
    assert f"kg: warning: {warning}" in proc.stderr
    doc = next(d for d in json.loads((tmp_path / "out" / "graph.json").read_text(
        encoding="utf-8"))["graph"]["documents"].values() if d["path"].endswith("short.txt"))
    assert doc["encoding"] == "gb18030"


def _page() -> str:
    return ("聊城日报\n2022年7月4日 星期一\n本报讯（记者 王培源）7月3日，区委副书记、区长江绍华"
            "到东昌府区柳园街道调研。\n")


def test_traditional_pages_are_extracted_through_simplified_with_their_own_offsets(seeds):
    """A Big5 page in traditional characters finds the entities of its simplified copy;
    mentions cite the traditional file, one character for one."""
    from kg.extraction import extract_document, to_record

    text = _seed_text(seeds)
    trad = _traditional(text)
    assert len(trad) == len(text) and trad != text
    doc = parse_document("t.txt", "t.txt", trad.encode("big5", "replace"))
    assert doc.raw == trad.encode("big5", "replace").decode("big5") and doc.encoding == "big5"
    simp = to_record(extract_document(document_from_text("s.txt", text)))
    rec = to_record(extract_document(doc))
    names = {(e["name"], e["type"]) for e in simp["entities"]}
    got = {(e["name"], e["type"]) for e in rec["entities"]}
    assert len(got & names) >= 0.95 * len(names)
    for e in rec["entities"]:
        for m in e["mentions"]:
            assert doc.raw[m["start"]:m["end"]].replace("\n", "") == m["text"]
            assert _traditional(m["text"]) == m["text"] or len(m["text"]) == len(e["name"]) \
                or m["text"] in doc.raw


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
    assert [f.id for f in files] == ["b/p.txt", "skip.md"]     # skip.md: reported when read
    assert [f.id for f in find_inputs([tmp_path / "a"], include=("*.TXT",))[0]] == ["b/p.txt"]
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
    from kg.extraction import extract_document, to_record

    def unplaced(record: dict) -> dict:
        """The record without offsets."""
        return {"articles": [{k: v for k, v in a.items() if k not in ("start", "end")}
                             for a in record["articles"]],
                "entities": [{**e, "mentions": [m["text"] for m in e["mentions"]],
                              "nested": [(m["text"], m["in"]) for m in e.get("nested", [])],
                              "relative": [m["text"] for m in e.get("relative", [])]}
                             for e in record["entities"]]}

    raw = sorted(seeds.glob("*.txt"))[4].read_text(encoding="utf-8")
    lf = to_record(extract_document(document_from_text("p.txt", raw)))
    other = to_record(extract_document(document_from_text("p.txt", raw.replace("\n", end))))
    assert len(lf["articles"]) > 5
    assert unplaced(other) == unplaced(lf)
    if len(end) == 1:
        assert (other["articles"], other["entities"]) == (lf["articles"], lf["entities"])


@pytest.mark.parametrize("text,reason", [
    ("x\n" * 1_000_000, "too many lines (1000000, limit 100000)"),      # the 2 MB file of the issue
    ("x\r" * 100_001, "too many lines (100001, limit 100000)"),
    ("甲。" * 60_000 + "\n" * 50_000, "too many lines and sentences (110000, limit 100000)"),
    ("区委书记张三出席会议" * 100_001, "too large (1000010 characters of text, limit 1000000)")])
def test_a_page_beyond_the_memory_limits_is_refused_by_name_whatever_its_shape(text, reason):
    """Extraction's memory grows with characters, lines and sentences, not bytes: each is
    bounded (kg.reader.MAX_CHARS, MAX_LINES), checked before any per-line work."""
    with pytest.raises(ReadError) as e:
        parse_document("big.txt", "big.txt", text.encode("utf-8"))
    assert str(e.value) == f"big.txt: {reason}; split it into pages"


def test_a_build_output_inside_an_input_folder_is_not_read_again(tmp_path, seeds):
    """Every file is read or reported: a build's output folder inside the input (its
    graph.html, texts/) is skipped as a whole, and said so, not read as pages."""
    from kg import build

    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "p.txt").write_bytes(sorted(seeds.glob("*.txt"))[0].read_bytes())
    build([folder], folder / "output", workers=1)
    files, problems = find_inputs([folder])
    assert [f.id for f in files] == ["p.txt"]
    assert problems == ["output/: folder skipped, the output of a kg build"]
