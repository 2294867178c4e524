"""PDF pages (e-paper editions) through pdfplumber: text in reading order across
columns, headlines told apart by font size.

pdfplumber gives each character with its box and font size; pdfminer's own ordering
of text boxes reads a row of headlines across columns before the columns' bodies, so
the order is worked out here by recursive XY-cut (Nagy and Seth's classic page
segmentation): a region of the page is split at a vertical strip no character
crosses (a gutter between columns, read left to right), else at its widest horizontal
gap (read top to bottom), until each region is one line. A headline spanning columns
blocks the gutter, so the columns of each article are read one after the other.

A line whose characters are markedly larger than the body text (the size most
characters have) is a headline; where a run of headlines begins after body text, the
layout begins a new article (`Extracted.starts`). Pages are separated by a form feed.
Only the text layer is read: a scanned page without one is refused, with the advice
to run OCR first.
"""
from __future__ import annotations

import io
from collections import Counter
from statistics import median
from typing import Any

from . import Extracted, FormatError

HEADLINE = 1.2      # a line this many times the body's font size is a headline
GUTTER = 0.8        # a vertical gap at least this many body-character widths splits columns
SPACE = 0.2         # a gap this many character widths inside a line is a space

Char = dict[str, Any]


def read(data: bytes) -> Extracted:
    import pdfplumber

    lines: list[tuple[str, float]] = []       # (text, font size); "\f" between pages
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for n, page in enumerate(pdf.pages):
                if n:
                    lines.append(("\f", 0.0))
                chars = [c for c in page.dedupe_chars().chars if c["text"].strip()]
                lines += _page_lines(chars)
                page.close()            # frees the page's parsed objects: memory per page
    except Exception as e:  # noqa: BLE001 - pdfminer raises many types for a damaged or encrypted file
        name = type(e).__name__
        why = "encrypted" if "Password" in name or "Encrypt" in name else f"{name}: {str(e)[:200]}"
        raise FormatError(f"not a readable PDF ({' '.join(why.split())})") from None
    if not any(t.strip() for t, _ in lines):
        raise FormatError("PDF without a text layer (a scanned page?): run OCR on it first")
    return _assemble(lines)


def _page_lines(chars: list[Char]) -> list[tuple[str, float]]:
    """The lines of one page in reading order, each with its font size."""
    if not chars:
        return []
    em = median(c["size"] for c in chars) or 1.0
    out: list[tuple[str, float]] = []
    _cut(chars, em, out)
    return out


def _gaps(spans: list[tuple[float, float]], min_gap: float) -> list[tuple[float, float]]:
    """The gaps at least `min_gap` wide between the union of the intervals `spans`."""
    spans = sorted(spans)
    gaps = []
    end = spans[0][1]
    for s, e in spans[1:]:
        if s - end >= min_gap:
            gaps.append((end, s))
        end = max(end, e)
    return gaps


def _cut(chars: list[Char], em: float, out: list[tuple[str, float]]) -> None:
    """XY-cut of `chars`, appending the lines found to `out` in reading order."""
    stack = [chars]
    while stack:                          # explicit stack: a page may have hundreds of lines
        region = stack.pop()
        rows = _gaps([(c["top"], c["bottom"]) for c in region], 0.01)
        if rows:
            cols = _gaps([(c["x0"], c["x1"]) for c in region], GUTTER * em)
            if cols:
                cuts = [g[1] for g in cols]
                parts = _split(region, cuts, "x0")
                stack += reversed(parts)
                continue
            widest = max(rows, key=lambda g: g[1] - g[0])
            parts = _split(region, [widest[1]], "top")
            stack += reversed(parts)
            continue
        out.append(_line(region))


def _split(region: list[Char], cuts: list[float], key: str) -> list[list[Char]]:
    """`region` split before each of the ascending positions `cuts` along `key`."""
    parts: list[list[Char]] = [[] for _ in range(len(cuts) + 1)]
    for c in region:
        i = 0
        while i < len(cuts) and c[key] >= cuts[i]:
            i += 1
        parts[i].append(c)
    return [p for p in parts if p]


def _line(chars: list[Char]) -> tuple[str, float]:
    """One line's text (characters left to right, a space at a wide gap) and font size."""
    chars = sorted(chars, key=lambda c: c["x0"])
    text = [chars[0]["text"]]
    for a, b in zip(chars, chars[1:]):
        if b["x0"] - a["x1"] > SPACE * min(a["size"], b["size"]):
            text.append(" ")
        text.append(b["text"])
    return "".join(text), median(c["size"] for c in chars)


def _assemble(lines: list[tuple[str, float]]) -> Extracted:
    """The text of the lines, and where a headline run after body text begins an article."""
    sizes: Counter[float] = Counter()
    for t, size in lines:
        sizes[round(size * 2) / 2] += len(t)
    body = sizes.most_common(1)[0][0]
    parts: list[str] = []
    starts: list[int] = []
    pos = 0
    after_body = False
    for t, size in lines:
        if t == "\f":
            parts.append("\f")
            pos += 1
            continue
        if parts and parts[-1] != "\f":
            parts.append("\n")
            pos += 1
        headline = size >= HEADLINE * body
        if headline and after_body:
            starts.append(pos)
        after_body = not headline
        parts.append(t)
        pos += len(t)
    return Extracted("".join(parts), "pdf", starts=starts)
