"""jieba taught the genre: title words, organisation heads and division names as words.

Each process builds one Tokenizer (jieba's global state is not shared across
worker processes), with a user dictionary made from kg.lexicon and the
administrative-division data rather than fixes applied after segmentation.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from typing import NamedTuple

import jieba
import jieba.posseg

from . import lexicon
from .divisions import gazetteer

jieba.setLogLevel(logging.WARNING)


WINDOW = 1024   # characters jieba segments at once (see Segmenter.tokens)


class Token(NamedTuple):
    """A word with its offsets in the document text and its part-of-speech tag.
    A NamedTuple: pages make hundreds of thousands of them, and these build fastest."""
    word: str
    start: int
    end: int
    tag: str


class Segmenter:
    def __init__(self) -> None:
        self.tk = jieba.Tokenizer()
        self.tk.initialize()
        self.tags = dict(jieba.posseg.dt.word_tag_tab) if jieba.posseg.dt.word_tag_tab else {}
        if not self.tags:
            jieba.posseg.dt.initialize()
            self.tags = dict(jieba.posseg.dt.word_tag_tab)
        words: dict[str, str] = {}
        for t in lexicon.TITLES:
            words[t] = "title"
        for h in (*lexicon.AGENCY_HEADS, *lexicon.COMPANY_HEADS, *lexicon.ORG_HEADS,
                  *lexicon.PLACE_HEADS):
            if len(h) >= 2:
                words.setdefault(h, "head")
        for name in gazetteer().names():
            words.setdefault(name, "ns")
        for w, tag in words.items():
            self.tk.add_word(w, freq=max(self.tk.suggest_freq(w, tune=False), 2000), tag=tag)
            self.tags[w] = tag
        # a title glued to the name after it must split there: 区长|江绍华, not 区|长江;
        # and an organisation head glued to its title must split: 局|局长, not 局局长
        for t in lexicon.TITLES:
            self.tk.suggest_freq(t, tune=True)
            for h in "局部处科所站院队组委":
                if h + t in self.tk.FREQ and t.startswith(h):
                    self.tk.del_word(h + t)

    def tokens(self, text: str, offset: int = 0) -> list[Token]:
        """Tokens of `text`, in windows of WINDOW characters: jieba's HMM takes time
        quadratic in the length of an unbroken run, and a sentence is never that long,
        but a hostile page with one megabyte-long "sentence" must not stall the build."""
        out: list[Token] = []
        tags = self.tags
        for i in range(0, len(text), WINDOW):
            pos = offset + i
            for w in self.tk.cut(text[i:i + WINDOW], HMM=True):
                out.append(Token(w, pos, pos + len(w), tags.get(w, "x")))
                pos += len(w)
        return out


@lru_cache(maxsize=1)
def segmenter() -> Segmenter:
    return Segmenter()
