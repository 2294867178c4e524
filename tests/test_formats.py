"""Readers of PDF, HTML and DOCX pages and of text in every encoding (kg.formats): each
page made here in its format from a plain-text page gives the entities that plain-text
copy gives; every file kg cannot read is reported by name with its reason."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.extraction import extract_document, to_record
from kg.formats import choose
from kg.formats.pdf import read as read_pdf
from kg.reader import ReadError, document_from_text, parse_document

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def _heading(line: str) -> bool:
    return len(line) <= 40 and not any(c in line for c in "。；;，,?？")


HEADLINE_CHARS = 14     # a headline line's characters at 16 pt, a body line's at 10 pt: in a column
BODY_CHARS = 22


def _set(text: str) -> list[tuple[str, bool]]:
    """The page's lines as a two-column PDF sets them, each with whether it is a
    headline: headlines and body text wrapped at the column's width. (STSong-Light has
    no '·': it is left out.)"""
    out = []
    for para in (x.strip().replace("·", "") for x in text.splitlines()):
        if para:
            head = _heading(para)
            width = HEADLINE_CHARS if head else BODY_CHARS
            out += [(para[i:i + width].strip(), head) for i in range(0, len(para), width)]
    return [(x, head) for x, head in out if x]


def _lines(text: str) -> list[str]:
    return [x for x, _ in _set(text)]


def _pdf(lines: list[tuple[str, bool]]) -> bytes:
    """A PDF page set in two columns, headlines at 16 pt and body at 10 pt, in
    reportlab's built-in CJK font (STSong-Light: no font file needed); more pages as the
    columns fill."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    width, height = A4
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    columns = (40, 310)
    col, y = 0, height - 50
    for line, head in lines:
        size = 16 if head else 10
        if y - size * 1.4 < 40:
            col, y = col + 1, height - 50
            if col == len(columns):
                c.showPage()
                col = 0
        c.setFont("STSong-Light", size)
        c.drawString(columns[col], y - size, line)
        y -= size * 1.4
    c.save()
    return buf.getvalue()


def _entities(record: dict) -> set[tuple[str, str]]:
    return {(e["name"], e["type"]) for e in record["entities"]}


def _record(doc) -> dict:
    return to_record(extract_document(doc))


def _plain(text: str) -> dict:
    return _record(document_from_text("copy.txt", text))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_a_two_column_pdf_reads_in_column_order_with_the_entities_of_its_text_copy(seed):
    lines = _lines(seed.read_text(encoding="utf-8"))
    data = _pdf(_set(seed.read_text(encoding="utf-8")))
    got = read_pdf(data)
    assert [x for x in got.text.replace("\f", "\n").split("\n")] == lines   # column by column
    doc = parse_document("page.pdf", "page.pdf", data)
    assert doc.encoding == "pdf"
    plain = _plain("\n".join(lines))
    assert len(plain["entities"]) > 40
    assert _entities(_record(doc)) == _entities(plain)


def test_pdf_headlines_by_font_size_begin_articles_across_columns():
    """Three articles in two columns, their headlines at 16 pt: column 1 is read before
    column 2 although the two headlines stand side by side, and each headline begins
    its article, none of which has a byline line to start it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    top = A4[1] - 60
    c.setFont("STSong-Light", 22)
    c.drawString(40, top, "聊城日报")
    c.setFont("STSong-Light", 10)
    c.drawString(40, top - 20, "2022年7月4日 星期一")
    columns = {40: [("区长调研柳园街道", ["7月3日，区委副书记、区长江绍华到东昌府",
                                     "区柳园街道调研社区治理工作。"]),
                    ("开发区召开会议", ["近日，聊城开发区管委会召开会议，副主任", "张妍出席并讲话。"])],
               310: [("冠县公安局开展行动", ["7月1日，冠县公安局局长刘强带队检查安全", "生产工作。"])]}
    for x, articles in columns.items():
        y = top - 60
        for head, body in articles:
            c.setFont("STSong-Light", 16)
            c.drawString(x, y, head)
            y -= 24
            c.setFont("STSong-Light", 10)
            for line in body:
                c.drawString(x, y, line)
                y -= 14
            y -= 20
    c.save()
    rec = _record(parse_document("p.pdf", "p.pdf", buf.getvalue()))
    assert [a["title"] for a in rec["articles"]] == ["区长调研柳园街道", "开发区召开会议", "冠县公安局开展行动"]
    assert rec["masthead"]["date"] == "2022-07-04"
    assert {"江绍华", "张妍", "刘强", "冠县公安局"} <= {n for n, _ in _entities(rec)}


def test_a_pdf_without_text_or_not_a_pdf_is_refused_with_the_reason():
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.rect(10, 10, 100, 100)        # a drawing, no text: as a scanned page has none
    c.save()
    with pytest.raises(ReadError, match=r"^scan\.pdf: PDF without a text layer .*OCR"):
        parse_document("scan.pdf", "scan.pdf", buf.getvalue())
    with pytest.raises(ReadError, match=r"^bad\.pdf: not a readable PDF"):
        parse_document("bad.pdf", "bad.pdf", b"%PDF-1.4\n garbage that is no PDF")


def _html(title: str, paragraphs: list[str], date: str | None, charset: str = "utf-8") -> bytes:
    meta = f'<meta property="article:published_time" content="{date}T08:00:00+08:00">' if date else ""
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="{charset}">'
            f"<title>{title}_聊城新闻网</title>{meta}</head><body>"
            '<div class="nav"><a href="/">首页</a> | <a href="/news">新闻中心</a> | '
            '<a href="/about">关于我们</a> | <a href="/zt">专题：市政府工作报告</a></div>'
            f'<div class="article"><h1>{title}</h1>\n{body}</div>'
            '<div class="footer">版权所有 聊城新闻网 主办单位：中共聊城市委宣传部</div>'
            "</body></html>").encode(charset)


def _article(seed: Path) -> tuple[str, list[str]]:
    """A seed page's first article: its headline and body paragraphs (lines)."""
    rec = _plain(seed.read_text(encoding="utf-8"))
    raw = seed.read_text(encoding="utf-8")
    a = max(rec["articles"], key=lambda a: a["end"] - a["start"])
    lines = [x.strip() for x in raw[a["start"]:a["end"]].splitlines() if x.strip()]
    return a["title"] or lines[0], [x for x in lines if x != a["title"]]


@pytest.mark.parametrize("seed", SEEDS[:3], ids=lambda p: p.name[:3])
def test_an_html_article_gives_the_entities_of_its_text_and_its_date(seed):
    """The main text without menus or footer (whose 中共聊城市委宣传部 must not be read),
    the title as headline, and the date metadata as the issue date."""
    title, paragraphs = _article(seed)
    doc = parse_document("a.html", "a.html", _html(title, paragraphs, "2022-07-04", "gb18030"))
    rec = _record(doc)
    assert doc.encoding == "html" and doc.raw.startswith(title + "\n")
    assert rec["masthead"]["date"] == "2022-07-04" and rec["masthead"]["date_source"] == "metadata"
    assert _entities(rec) == _entities(_plain("\n".join([title, *paragraphs])))
    assert "中共聊城市委宣传部" not in doc.raw and "首页" not in doc.raw


def test_a_date_the_page_prints_comes_before_the_metadata():
    doc = parse_document("a.html", "a.html", _html(
        "东昌府讯", ["2022年7月5日 星期二", "东昌府讯 区委书记张三出席会议并讲话。"], "2023-01-02"))
    assert _record(doc)["masthead"]["date_source"] == "masthead"
    undated = parse_document("b.html", "b.html", _html("标题", ["区委书记张三出席会议并讲话。"], None))
    assert undated.date is None and _record(undated)["masthead"]["date"] is None


def _docx(lines: list[str], headings: set[str]) -> bytes:
    import docx

    d = docx.Document()
    for line in lines:
        if line in headings:
            d.add_heading(line, level=1)
        else:
            d.add_paragraph(line)
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "冠县公安局局长刘强带队检查。"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("seed", SEEDS[3:], ids=lambda p: p.name[:3])
def test_a_docx_gives_the_entities_of_its_text(seed):
    lines = [x.strip() for x in seed.read_text(encoding="utf-8").splitlines() if x.strip()]
    data = _docx(lines, {x for x in lines if _heading(x) and len(x) >= 8})
    doc = parse_document("p.docx", "p.docx", data)
    assert doc.encoding == "docx"
    assert doc.raw.count("冠县公安局局长刘强") == 1          # a merged cell, read once
    assert _entities(_record(doc)) == _entities(_plain("\n".join([*lines, "冠县公安局局长刘强带队检查。"])))


def test_formats_are_chosen_by_content_then_extension_in_any_case():
    pdf = _pdf([("区委书记张三出席会议。", False)])
    assert choose("page.TXT", pdf).name == "pdf"          # content first
    assert choose("PAGE.PDF", pdf).name == "pdf"
    assert choose("notes.TXT", "本报讯".encode()).name == "text"
    assert choose("a.HTM", b"<p>x</p>").name == "html"
    with pytest.raises(Exception, match="unsupported type.*Word 97-2003"):
        choose("old.doc", b"\xd0\xcf\x11\xe0")


def test_every_format_and_encoding_in_one_folder_with_unsupported_files_reported(tmp_path):
    """A folder of one page in each format and encoding, upper-case extensions and files
    kg cannot read: each readable page gives its text copy's entities, each other file
    is named with its reason on stderr and in report.json, and each document's text is
    kept in texts/<doc id>.txt, where every mention's offsets find its words."""
    import opencc

    seed = SEEDS[4].read_text(encoding="utf-8")
    lines = _lines(SEEDS[3].read_text(encoding="utf-8"))
    title, paragraphs = _article(SEEDS[1])
    trad = opencc.OpenCC("s2t").convert(seed)
    inputs = tmp_path / "in"
    (inputs / "sub").mkdir(parents=True)
    (inputs / "utf16.txt").write_bytes(seed.encode("utf-16"))
    (inputs / "utf16le-nobom.TXT").write_bytes(seed.encode("utf-16-le"))
    (inputs / "gb18030.txt").write_bytes(seed.encode("gb18030"))
    (inputs / "big5.txt").write_bytes(trad.encode("big5", "replace"))
    (inputs / "cr.txt").write_bytes(seed.replace("\n", "\r").encode("utf-8"))
    (inputs / "sub" / "page.PDF").write_bytes(_pdf(_set(SEEDS[3].read_text(encoding="utf-8"))))
    (inputs / "sub" / "article.html").write_bytes(_html(title, paragraphs, "2022-07-04"))
    (inputs / "sub" / "page.docx").write_bytes(_docx(seed.splitlines(), set()))
    (inputs / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0JFIF" + bytes(100))
    (inputs / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    (inputs / "notes.md").write_text("# 笔记\n", encoding="utf-8")
    (inputs / "broken.pdf").write_bytes(b"%PDF-1.7\nnot really")
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(inputs), "-o",
                           str(tmp_path / "out"), "-q", "--no-cache", "-j", "1"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "out"
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    reasons = {"photo.jpg": "unsupported type (.jpg file", "old.doc": "unsupported type (a Word 97-2003",
               "notes.md": "unsupported type (.md file", "broken.pdf": "not a readable PDF"}
    for name, reason in reasons.items():
        [w] = [w for w in report["warnings"] if w.startswith(f"{name}: ")]
        assert reason in w and f"kg: warning: {w}" in proc.stderr
    assert len(report["warnings"]) == len(reasons), report["warnings"]
    assert report["documents"]["read"] == 8
    records = {r["doc"]: r for r in map(json.loads, (out / "extraction.jsonl").read_text(
        encoding="utf-8").splitlines())}
    plain = _entities(_plain(seed))
    for doc in ("utf16.txt", "utf16le-nobom.TXT", "gb18030.txt", "cr.txt"):
        assert _entities(records[doc]) == plain, doc
    assert _entities(records["sub/page.docx"]) == _entities(_plain(seed + "\n冠县公安局局长刘强带队检查。"))
    big5 = _entities(records["big5.txt"])
    assert len(big5 & plain) >= 0.95 * len(plain)
    assert _entities(records["sub/page.PDF"]) == _entities(_plain("\n".join(lines)))
    assert _entities(records["sub/article.html"]) == _entities(_plain("\n".join([title, *paragraphs])))
    assert records["sub/article.html"]["masthead"]["date_source"] == "metadata"
    for doc, rec in records.items():
        with open(out / "texts" / f"{doc}.txt", encoding="utf-8", newline="") as f:
            text = f.read()
        for e in rec["entities"]:
            for m in e["mentions"]:
                assert "".join(text[m["start"]:m["end"]].splitlines()) == m["text"], doc
    assert (out / "texts" / "big5.txt.txt").read_text(encoding="utf-8") == \
        trad.encode("big5", "replace").decode("big5")
