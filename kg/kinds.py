"""Words ending in a body's or a place's head (or a town's suffix: 小城镇, 贫困村) that name
a kind, as annotated news shows.

The rules name a body or place by a head and the words before it (…公司, …路). Many
such strings are the language's, not a name: 上市公司, 保险公司, 和谈僵局, 日本政局,
大中小学. The annotators of ../shared/train marked what is a name; a string that occurs
there at least `MIN_SEEN` times outside any annotated span, and as a whole entity at most
`MAX_NAMED` of its occurrences, is a kind. `train/count_kinds.py` (part of `make model`)
counts them over the sentences the tagger trains on (not its held-out slice) and writes
`kg/models/kinds.txt`; kg reads the list and the rules leave such names out. Occurrences
inside a longer annotated name (保险公司 in 中国人民保险公司) count neither way, and an
area's relative form (市政府) is the rules' own to resolve, so the rules do not ask.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from . import lexicon

KINDS_PATH = Path(__file__).with_name("models") / "kinds.txt"
MIN_SEEN = 3          # occurrences outside annotated spans
MAX_NAMED = 0.05      # share of occurrences annotated as a whole entity
LONGEST = 10          # characters of a string counted, head included
CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")


def tally(sentences: Iterable[tuple[str, list[tuple[int, int]]]], heads: re.Pattern
          ) -> tuple[Counter, Counter]:
    """For every string that ends in a head match and is longer than the head: how often
    it occurs outside the annotated spans, and how often it is a whole annotated span.
    `sentences` are (text, [(start, end)] of its annotated spans)."""
    outside: Counter = Counter()
    named: Counter = Counter()
    for text, spans in sentences:
        covered = bytearray(len(text))
        for s, e in spans:
            named[text[s:e]] += 1
            covered[s:e] = b"\x01" * (e - s)
        for m in heads.finditer(text):
            he = m.end()
            for s in range(max(0, he - LONGEST), m.start()):
                if not any(covered[s:he]):
                    outside[text[s:he]] += 1
    return outside, named


def kinds(outside: Counter, named: Counter) -> list[str]:
    """The strings of Chinese characters seen often enough and seldom enough as names, sorted."""
    return sorted(w for w, n in outside.items() if n >= MIN_SEEN and CJK_ONLY.fullmatch(w)
                  and named[w] <= MAX_NAMED * (n + named[w]))


@lru_cache(maxsize=1)
def known_kinds() -> frozenset[str]:
    """The shipped list (lines of `KINDS_PATH`; # starts a comment line)."""
    try:
        lines = KINDS_PATH.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as err:
        raise RuntimeError(f"{KINDS_PATH} is missing: run `make model` to rebuild kg's models") from err
    return frozenset(line for line in lines if line and not line.startswith("#"))


def is_kind(name: str) -> bool:
    """Whether annotated news shows `name` to be a kind of body or place, not a name, or
    it is a firm's group and legal form alone (集团公司: too rare in the data to count)."""
    return name in known_kinds() or lexicon.FIRM_FORM_ONLY.fullmatch(name) is not None
