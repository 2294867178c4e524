"""Plain text in any common encoding: byte-order marks first, then strict UTF-8 (most
pages, decided without guessing), then charset-normalizer's detection among the
encodings Chinese (and neighbouring) pages are saved in.

charset-normalizer decodes the bytes with each candidate and measures how messy each
result reads ("chaos"). On a short page several encodings can read about as cleanly:
the Chinese ones are then preferred (a tie between GB18030 and EUC-KR on 20 characters
is a Chinese page), and the guess is reported as doubtful, naming the encoding chosen
and the others that were as likely, so the researcher can check the text.
"""
from __future__ import annotations

import codecs
from typing import NamedTuple

from . import Extracted, FormatError

BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),   # before UTF-16's:
        (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"),     # FF FE begins both
        (codecs.BOM_UTF16_BE, "utf-16-be"))
# what detection may choose, in order of preference between encodings that read a page
# equally well: Unicode, then Chinese (GB18030 covers GBK and GB2312; Big5 with its
# Hong Kong and Windows variants), then Japanese and Korean, so that their pages are
# read as what they are and not as GB18030 mojibake. Single-byte code pages are left
# out on purpose: they decode any bytes, so a damaged file would never be refused.
# Variants of one encoding (Big5 and its Windows and Hong Kong supersets) are a family:
# two of them reading a page alike is no doubt about its language.
FAMILIES = (("utf_8",), ("utf_16", "utf_16_le", "utf_16_be"), ("utf_32", "utf_32_le", "utf_32_be"),
            ("gb18030",), ("big5", "cp950", "big5hkscs"), ("cp932", "shift_jis"),
            ("euc_jp", "euc_jis_2004"), ("cp949", "euc_kr"))
CANDIDATES = tuple(c for family in FAMILIES for c in family)
# encodings whose messiness differs by less than this read the page about as well
TIE = 0.05
# a guess whose text is messier than this is doubtful even when nothing else competes
MESSY = 0.1


class Decoded(NamedTuple):
    text: str
    encoding: str            # Python's name of the codec
    doubt: str | None = None  # why the guess may be wrong; None when the bytes decide it


def decode(data: bytes) -> Decoded:
    """The text of a file's bytes, or FormatError (empty, binary, undecodable)."""
    if not data.strip():
        raise FormatError("empty file")
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(enc.removesuffix("-sig")), enc)
            except UnicodeDecodeError as e:
                raise FormatError(f"undecodable ({enc} byte-order mark, but invalid "
                                  f"{enc.removesuffix('-sig')} at byte {e.start + len(bom)})") from e
    if b"\x00" not in data[:4096]:
        try:
            return Decoded(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            pass
    return _detect(data)


def _codec(name: str) -> str:
    return codecs.lookup(name).name


def _detect(data: bytes) -> Decoded:
    """charset-normalizer's reading of bytes that are not UTF-8."""
    from charset_normalizer import from_bytes

    matches = [m for m in from_bytes(data, cp_isolation=list(CANDIDATES))]
    if not matches:
        if b"\x00" in data[:4096]:
            raise FormatError("not text (binary data)")
        try:        # what kg read such bytes as before it detected encodings
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise FormatError("undecodable (in none of UTF-8/16/32, GB18030, Big5, "
                              "Shift-JIS, EUC-JP, EUC-KR)") from None
        return Decoded(text, "gb18030", "no encoding reads it cleanly; read as GB18030")
    best = min(m.chaos for m in matches)
    # UTF-16/32 without a byte-order mark are likely only with NUL bytes (the high
    # bytes of ASCII: line ends, digits); short Chinese text in GB18030 reads as
    # clean UTF-16 Hangul otherwise
    order = CANDIDATES if b"\x00" in data else [c for c in CANDIDATES if not c.startswith("utf_")]
    rank = {_codec(c): i for i, c in enumerate(order)}
    family = {_codec(c): _codec(f[0]) for f in FAMILIES for c in f}
    close = sorted({_codec(m.encoding) for m in matches if m.chaos - best < TIE},
                   key=lambda c: rank.get(c, len(rank)))
    for chosen in close:        # detection samples the bytes; the whole must decode
        try:
            text = data.decode(chosen)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise FormatError(f"undecodable (parts read as {', '.join(close)}, but not the whole)")
    if "\x00" in text[:4096]:        # NUL bytes that are no UTF-16/32: not a text file
        raise FormatError("not text (binary data)")
    others = list(dict.fromkeys(family.get(c, c) for c in close if family.get(c, c) != family.get(chosen)))
    doubt = None
    if others:
        doubt = f"encoding guessed as {chosen}; {', '.join(others)} read it as well"
    elif best > MESSY:
        doubt = f"encoding guessed as {chosen}, with low confidence"
    return Decoded(text, chosen, doubt)


def read(data: bytes) -> Extracted:
    text, encoding, doubt = decode(data)
    return Extracted(text, encoding, warnings=[f"{doubt}; check the text"] if doubt else [])
