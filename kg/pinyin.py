"""Pinyin of names, so readers without Chinese input can search the graph."""
from __future__ import annotations

from pypinyin import Style, lazy_pinyin


def pinyin(text: str) -> str:
    """Tone-less pinyin, syllables separated (pypinyin's phrase data picks readings: 区长 qu zhang)."""
    return " ".join(s for s in lazy_pinyin(text, style=Style.NORMAL, errors="default") if s.strip())
