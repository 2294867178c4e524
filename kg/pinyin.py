"""Pinyin of names, so readers without Chinese input can search the graph.

pypinyin is imported on first use: its phrase data takes a third of a second to load,
which every `kg` command (`kg --help`, `kg query`) would otherwise pay at start."""
from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _converter() -> Any:
    """pypinyin's own converter, with each syllable's style conversion remembered: the
    same few thousand syllables recur in every name, and converting them (regular
    expressions per syllable) was half of pypinyin's time."""
    from pypinyin.converter import DefaultConverter
    from pypinyin.core import Pinyin

    class _Converter(DefaultConverter):
        @lru_cache(maxsize=1 << 14)
        def convert_style(self, han, orig_pinyin, style, strict, **kwargs):
            return super().convert_style(han, orig_pinyin, style, strict, **kwargs)

    return Pinyin(_Converter())


@lru_cache(maxsize=1 << 16)
def pinyin(text: str) -> str:
    """Tone-less pinyin, syllables separated (pypinyin's phrase data picks readings: 区长 qu zhang).
    Remembered: a corpus names the same agencies and districts on page after page."""
    from pypinyin import Style

    return " ".join(s for s in _converter().lazy_pinyin(text, style=Style.NORMAL, errors="default")
                    if s.strip())
