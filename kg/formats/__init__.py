"""Input formats: small readers, each turning a file's bytes into text, registered here.

A file's reader is chosen by its content first (a PDF named .txt is still a PDF),
then by its extension, case-insensitively (.TXT, .Pdf). Each reader returns the text
kg extracts from the file (`Extracted.text`, which every offset in the outputs
counts into) and what the format itself says of the page: its issue date (a web
page's date metadata), where the layout starts a new article (a PDF's headline
blocks), and doubts worth a warning (an encoding guessed with low confidence).
Libraries are imported when a file of their format is met, so a build of text pages
never loads them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable


class FormatError(Exception):
    """The file cannot be read in its format; the message says why, without the file name."""


@dataclass
class Extracted:
    """What a reader got from a file."""
    text: str                       # the text, as kg cites it
    encoding: str                   # the text's encoding, or the format it came from (pdf, html, docx)
    date: str | None = None         # ISO issue date the file's metadata gives (not what it prints)
    starts: list[int] = field(default_factory=list)    # offsets in `text` where the layout begins an article
    warnings: list[str] = field(default_factory=list)  # doubts, without the file name


@dataclass(frozen=True)
class Format:
    name: str
    extensions: tuple[str, ...]           # lower case, with the dot
    sniff: Callable[[bytes], bool]        # whether the bytes are of this format
    read: Callable[[bytes], Extracted]    # raises FormatError


def _pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF-")


def _docx(data: bytes) -> bool:
    # a DOCX is a zip (PK) whose parts include word/document.xml, named in its
    # directory at the end of the file
    return data.startswith(b"PK\x03\x04") and b"word/document.xml" in data


def _html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or (
        head.startswith(b"<") and b"<html" in head)


def _read_pdf(data: bytes) -> Extracted:
    from .pdf import read
    return read(data)


def _read_html(data: bytes) -> Extracted:
    from .html import read
    return read(data)


def _read_docx(data: bytes) -> Extracted:
    from .docx import read
    return read(data)


def _read_text(data: bytes) -> Extracted:
    from .text import read
    return read(data)


def _never(data: bytes) -> bool:
    return False


# content sniffed in this order; plain text has no signature, so only its extension names it
FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("pdf", (".pdf",), _pdf, _read_pdf),
    Format("docx", (".docx",), _docx, _read_docx),
    Format("html", (".html", ".htm", ".xhtml"), _html, _read_html),
    Format("text", (".txt", ".text"), _never, _read_text),
)}
# formats researchers hold that kg does not read, with what to do instead
UNSUPPORTED = {".doc": "a Word 97-2003 file: save it as .docx",
               ".rtf": "RTF: save it as .docx or .txt",
               ".odt": "an OpenDocument text: save it as .docx",
               ".wps": "a WPS file: save it as .docx",
               ".caj": "a CAJ file: save it as PDF",
               ".mht": "a web archive: save the page as .html",
               ".mhtml": "a web archive: save the page as .html"}


def extension(name: str) -> str:
    """The file name's extension, lower case, with its dot ('' for none)."""
    base = name.rsplit("/", 1)[-1]
    dot = base.rfind(".")
    return base[dot:].lower() if dot > 0 else ""


def choose(name: str, data: bytes) -> Format:
    """The format of a file called `name` holding `data`: its content's, else its
    extension's; FormatError (unsupported type) when neither names one kg reads."""
    for f in FORMATS.values():
        if f.sniff(data):
            return f
    ext = extension(name)
    for f in FORMATS.values():
        if ext in f.extensions:
            return f
    raise FormatError(f"unsupported type ({UNSUPPORTED.get(ext) or (ext + ' file' if ext else 'no extension')}; "
                      f"kg reads {', '.join(e for f in FORMATS.values() for e in f.extensions[:1])} "
                      "files)")
