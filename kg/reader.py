"""Read input files: find them, get their text (kg.formats: plain text in any common
encoding, PDF, HTML, DOCX), normalise it, repair PDF line breaks.

The cleaned text keeps a per-character map back to the text read, so every offset the
extractors produce can be cited against it (for a plain-text file, the decoded file;
for other formats, the text kept beside the outputs, texts/<doc id>.txt).
"""
from __future__ import annotations

import fnmatch
import os
import re
import stat
import unicodedata
from array import array
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress
from pathlib import Path

from .formats import FormatError, choose
from .model import Document
from .outputs import LOCK
from .simplify import is_traditional, simplified

MAX_BYTES = 50 * 1024 * 1024
# Extraction's memory grows with a page's characters and with its lines and sentences
# (objects per line and per sentence, up to 2.5 KB a sentence), whatever its size in
# bytes: a 2 MB file of a million short lines took 870 MB. At these limits a build of
# one page peaked at 313 MB (100,000 short lines), 522 MB (100,000 short sentences),
# 684 MB (a million characters of news) and 800 MB (100,000 sentences all naming the
# same official); a larger page is refused, named, with the advice to split it.
MAX_CHARS = 1_000_000
MAX_LINES = 100_000          # lines and sentences together
SENTENCE_ENDS = re.compile("[。！？!?；;]+")
TERMINAL = set("。！？!?…”』」）)》：:；;")
CONTINUES = set("，,、：:；;（(“‘《—-")
NO_LINE_START = set("，,。、；;：:）)”’》！!？?…")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
BYLINE_START = re.compile(r"^\s*(■|本报|记者|通讯员|融媒体|[\u4e00-\u9fff]{2,4}讯)")


class ReadError(Exception):
    """A file that cannot contribute text; the message names the file and the reason."""


@dataclass
class InputFile:
    path: Path         # where to read it, as the file system names it
    id: str            # the document's id: its path relative to the folder given
    name: str = ""     # the path outputs record: the folder's own name and the id

    def __post_init__(self) -> None:
        self.name = self.name or self.id


def printable(path: str | Path) -> str:
    """A file name as valid UTF-8 text: bytes that are not UTF-8 (which Python keeps as
    lone surrogates) become `\\xNN`, so ids and outputs can hold any name and messages
    never fail to print it."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _folder_name(path: Path) -> str:
    """The name of a folder however it was spelled (seeds, ./seeds/, /abs/seeds)."""
    return printable(Path(os.path.abspath(path)).name)


def find_inputs(paths: list[str | Path], include: tuple[str, ...] = (),
                exclude: tuple[str, ...] = ()) -> tuple[list[InputFile], list[str]]:
    """Expand files and folders (recursively) into a sorted list of inputs: in folders,
    every file (or those whose name matches a glob of `include`, case-insensitively)
    but those `exclude` names. Each is then read, or reported with the reason it
    cannot be (an unsupported type among them), so no file is passed over in silence.

    Returns the inputs and a list of problems: paths that do not exist, entries that
    are not regular files (a dangling link, a pipe that would block the build),
    subfolders not read (unreadable, or a symbolic link, which could loop), and
    files whose id another input already has (ids name documents, so they must differ).
    Ids are paths relative to the folder given, and the paths outputs record start at
    that folder's name, so neither depends on the cwd or on how the path was spelled.
    Names that are not UTF-8 are read all the same, and named by `printable`.
    """
    found: dict[str, InputFile] = {}
    problems: list[str] = []

    def add(f: Path, id_: str, folder: str) -> None:
        id_ = printable(id_)
        if not f.is_file():
            why = "broken symbolic link" if f.is_symlink() and not f.exists() else "not a regular file"
            problems.append(f"{id_}: {why}")
        elif id_ not in found:
            found[id_] = InputFile(f, id_, f"{folder}/{id_}" if folder else id_)
        elif found[id_].path.resolve() != f.resolve():
            problems.append(f"{printable(f)}: skipped, {printable(found[id_].path)} has the "
                            f"same document id {id_!r}")

    def excluded(rel: str, name: str) -> bool:
        return any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(name, g) for g in exclude)

    for p in map(Path, paths):
        if p.is_dir():
            def unreadable(e: OSError, root: Path = p) -> None:
                rel = Path(e.filename).relative_to(root).as_posix()
                problems.append(f"{printable(rel)}/: folder skipped, cannot read it ({e.strerror})")
            for top, dirs, names in os.walk(p, onerror=unreadable):
                dirs.sort()
                for d in list(dirs):
                    rel = (Path(top) / d).relative_to(p).as_posix()
                    if excluded(rel, d):
                        continue
                    if os.path.islink(os.path.join(top, d)):
                        problems.append(f"{printable(rel)}/: folder skipped, a symbolic link "
                                        "(give it as an input to read it)")
                    elif os.path.lexists(os.path.join(top, d, LOCK)):
                        # its graph.html and texts/ would be read as pages again
                        dirs.remove(d)
                        problems.append(f"{printable(rel)}/: folder skipped, the output of a kg build")
                for name in sorted(names):
                    f = Path(top) / name
                    rel = f.relative_to(p).as_posix()
                    if (not include or any(fnmatch.fnmatchcase(name.casefold(), g.casefold())
                                           for g in include)) and not excluded(rel, name):
                        add(f, rel, _folder_name(p))
        elif p.exists() or p.is_symlink():
            add(p, p.name, _folder_name(p.parent))
        else:
            problems.append(f"{printable(p)}: no such file or folder")
    return [found[k] for k in sorted(found)], list(dict.fromkeys(problems))


# Every character str.splitlines() takes for a line end: files saved on old Macs end
# lines in CR alone, text from Word or the web in U+2028/U+2029, from mainframes in NEL,
# and PDF copies separate pages by form feeds. Each becomes a line break, one character
# for one (CRLF gives an empty line, which cleaning drops), so offsets are kept.
LINE_ENDS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


@lru_cache(maxsize=None)     # pure, and a corpus repeats a few thousand distinct characters
def _normalise_char(ch: str) -> str:
    """NFKC for full-width forms, spaces unified; line ends unified; other control
    characters dropped."""
    if ch == "\n" or ch in LINE_ENDS:
        return "\n"
    if ch in "\t\u3000\xa0":
        return " "
    cat = unicodedata.category(ch)
    if cat in ("Cc", "Cf") and ch != "\n":
        return ""
    # Keep Chinese punctuation as it is: quotes and commas carry meaning for the
    # extractors; only letters and digits from full-width forms are folded.
    if "\uff01" <= ch <= "\uff5e" and (ch.isalnum()):
        return unicodedata.normalize("NFKC", ch)
    return ch


_SPACE = re.compile(" ")


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def clean(raw: str) -> tuple[str, array]:
    """Normalise `raw` and repair line breaks; return text and origin map.

    Works on whole strings and slices (str.translate, joins of lines, array slices for
    the origin map), not character by character: it runs on every byte of a corpus.
    The origin map holds 4-byte integers: as a list of Python ints it would take ten
    times the memory of the text it maps."""
    table = _changes(raw)
    if all(len(v) == 1 for v in table.values()):    # the usual page: each character stays one
        text, origin = raw.translate(table) if table else raw, array("i", range(len(raw)))
    else:
        normalised = [table.get(ord(c), c) for c in raw]
        text = "".join(normalised)
        origin = array("i", [i for i, cs in enumerate(normalised) for _ in cs])
    # drop spaces a PDF put between CJK characters and digits ("11 月 3 日"); only the
    # spaces are visited, not every character
    drop = [m.start() for m in _SPACE.finditer(text, 1, len(text) - 1)
            if _digit_meets_cjk(text[m.start() - 1], text[m.start() + 1])]
    if drop:
        keep = [True] * len(text)
        for i in drop:
            keep[i] = False
        text, origin = "".join(compress(text, keep)), array("i", compress(origin, keep))
    lines = text.split("\n")
    width = _column_width(lines)
    out: list[str] = []
    out_origin = array("i")
    prev_line = ""
    s = 0
    for raw_line in lines:
        ls, s = s, s + len(raw_line) + 1      # the line's start; the next line's
        line = raw_line.strip()
        if not line:
            continue
        ls += len(raw_line) - len(raw_line.lstrip())
        if out and not _joins(prev_line, line, width):   # else a mid-sentence break: glue
            out.append("\n")
            out_origin.append(origin[ls - 1] if ls > 0 else 0)
        out.append(line)
        out_origin.extend(origin[ls:ls + len(line)])
        prev_line = line
    out_origin.append(len(raw))
    return "".join(out), out_origin


def _changes(raw: str) -> dict[int, str]:
    """The str.translate table of the characters of `raw` that normalising changes."""
    return {ord(c): v for c in set(raw) if (v := _normalise_char(c)) != c}


def _digit_meets_cjk(a: str, b: str) -> bool:
    return (a.isdigit() and _is_cjk(b)) or (_is_cjk(a) and b.isdigit())


def _column_width(lines: list[str]) -> int:
    """Typical length of a body line: PDF columns wrap at a fixed width."""
    lengths = sorted(len(x.strip()) for x in lines if len(x.strip()) >= 8)
    if not lengths:
        return 10 ** 6
    return lengths[int(len(lengths) * 0.75)]


def _joins(prev: str, line: str, width: int) -> bool:
    """Whether the break between two non-empty lines falls inside a sentence."""
    if prev.count("（") + prev.count("(") > prev.count("）") + prev.count(")"):
        return True     # a parenthesis (a byline, say) left open continues
    if BYLINE_START.match(line) or BYLINE_START.match(prev) and len(prev) < 20:
        return False
    if line[0] in NO_LINE_START:
        return True
    last = prev[-1]
    closing_quote = last in "”’" and len(prev) >= 2 and prev[-2] not in "。！？!?…"
    if last in TERMINAL and not closing_quote:
        return False
    if last in CONTINUES:
        return True
    if not (_is_cjk(last) or last.isdigit() or closing_quote) or \
            not (_is_cjk(line[0]) or line[0] in "“‘" or line[0].isdigit()):
        return False
    if any(c in prev for c in "，,。？?！!"):
        return True     # body text cut off mid-sentence
    # a line as long as the column (narrow PDF columns), or a long paragraph cut off
    return len(prev) >= min(width * 0.7, 40) and len(prev) >= 10


def read_document(f: InputFile) -> Document:
    """Read one input file into a Document, or raise ReadError naming the problem."""
    return parse_document(f.id, f.name, read_bytes(f))


def read_bytes(f: InputFile) -> bytes:
    """The file's bytes, or ReadError if it cannot be read, is too large or is no longer
    a regular file.

    Separate from parsing so the build can hash a file for its cache, or ship it to a
    worker on another machine, without decoding it first. Opened without blocking and
    checked once open: a file replaced by a pipe after the inputs were listed would
    otherwise hang the build waiting for a writer.
    """
    try:
        fd = os.open(f.path, os.O_RDONLY | os.O_NONBLOCK)
        with open(fd, "rb") as file:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise ReadError(f"{f.id}: not a regular file")
            if st.st_size > MAX_BYTES:
                raise ReadError(f"{f.id}: too large ({st.st_size} bytes, limit {MAX_BYTES})")
            return file.read()
    except OSError as e:
        raise ReadError(f"{f.id}: cannot read ({e.strerror})") from e


def parse_document(doc_id: str, path: str, data: bytes) -> Document:
    """Read a file's bytes in its format (kg.formats) and clean the text into a
    Document, or raise ReadError naming the file and the problem."""
    try:
        got = choose(doc_id, data).read(data)
    except FormatError as e:
        raise ReadError(f"{doc_id}: {e}") from None
    _check_size(doc_id, got.text)
    doc = _document(doc_id, path, got.text)
    if not doc.text.strip():
        raise ReadError(f"{doc_id}: no text after normalisation")
    return replace(doc, encoding=got.encoding, date=got.date,
                   starts=sorted({bisect_left(doc.origin, r) for r in got.starts} - {len(doc.text)}),
                   warnings=[f"{doc_id}: {w}" for w in got.warnings])


def _check_size(doc_id: str, raw: str) -> None:
    """ReadError if the text read is beyond what one page may hold (MAX_CHARS,
    MAX_LINES), counted before any per-line work is done."""
    lines = raw.count("\n") + sum(raw.count(c) for c in LINE_ENDS) - raw.count("\r\n")
    if lines > MAX_LINES:
        raise ReadError(f"{doc_id}: too many lines ({lines}, limit {MAX_LINES}); split it into pages")
    if len(raw) > MAX_CHARS:
        raise ReadError(f"{doc_id}: too large ({len(raw)} characters of text, limit {MAX_CHARS}); "
                        "split it into pages")
    pieces = lines + sum(1 for _ in SENTENCE_ENDS.finditer(raw))
    if pieces > MAX_LINES:
        raise ReadError(f"{doc_id}: too many lines and sentences ({pieces}, limit {MAX_LINES}); "
                        "split it into pages")


def _document(doc_id: str, path: str, raw: str) -> Document:
    """The Document of text read: cleaned, and seen through simplified characters when
    it is written in traditional ones (kg.simplify; offsets unchanged)."""
    text, origin = clean(raw)
    if is_traditional(text):
        text = simplified(text)
    return Document(id=doc_id, path=path, raw=raw, text=text, origin=origin)


def document_from_text(doc_id: str, raw: str) -> Document:
    """Build a Document from text in memory (API and tests).

    Decoded files never hold lone surrogates, but a str from elsewhere can, and no
    output could encode them: each becomes U+FFFD, one character for one, so offsets
    still count characters of the text given.
    """
    return _document(doc_id, doc_id, LONE_SURROGATE.sub("\ufffd", raw))
