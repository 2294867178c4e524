"""Pinyin of names, so readers without Chinese input can search the graph."""
from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin


@lru_cache(maxsize=1 << 16)
def pinyin(text: str) -> str:
    """Tone-less pinyin, syllables separated (pypinyin's phrase data picks readings: 区长 qu zhang).
    Remembered: a corpus names the same agencies and districts on page after page, and
    pypinyin took a tenth of extraction's time."""
    return " ".join(s for s in lazy_pinyin(text, style=Style.NORMAL, errors="default") if s.strip())
