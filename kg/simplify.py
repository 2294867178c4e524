"""Traditional-character pages extracted through their simplified form.

The extractors' word lists, surnames and the tagger know simplified characters, so a
page in traditional characters (a Big5 page from Taiwan or Hong Kong, or a UTF-8 one)
is converted with OpenCC's tables (opencc-python-reimplemented, phrases first, then
characters) before extraction. Only the text the extractors read is converted: the
document keeps its own characters, which outputs quote. The conversion is one
character for one, so the offset map from the cleaned text back to the file still
holds; where a table entry would change the length (a handful of rare phrases), the
text is converted character by character instead.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Any

# A page is traditional when this share of its Han characters have a different
# simplified form: about 0.39 on the seed pages converted to traditional, under 0.001
# on the seeds themselves (a simplified page keeps some characters both scripts share).
TRADITIONAL_SHARE = 0.1
SAMPLE = 200_000        # characters judged: a page's script shows well before that


@lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def _char(ch: str) -> str:
    """The simplified form of one character, if it is one character."""
    out = _t2s().convert(ch)
    return out if len(out) == 1 else ch


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def is_traditional(text: str) -> bool:
    """Whether `text` is written in traditional characters (judged on its distinct
    characters, weighted by use, without converting the whole)."""
    han = changed = 0
    for ch, n in Counter(text[:SAMPLE]).items():
        if _han(ch):
            han += n
            changed += n if _char(ch) != ch else 0
    return han > 0 and changed / han >= TRADITIONAL_SHARE


def simplified(text: str) -> str:
    """`text` in simplified characters, with exactly its length."""
    out = _t2s().convert(text)
    if len(out) != len(text):
        out = "".join(map(_char, text))
    return out
