"""jieba taught the genre: title words, organisation heads and division names as words.

Each process builds one Tokenizer (jieba's global state is not shared across
worker processes), with a user dictionary made from kg.lexicon and the
administrative-division data rather than fixes applied after segmentation.
The prepared dictionary is cached in the user's cache folder (see _load_prepared).
"""
from __future__ import annotations

import hashlib
import logging
import marshal
import os
import re
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import jieba
import jieba.finalseg

from . import lexicon
from .divisions import gazetteer

jieba.setLogLevel(logging.WARNING)


WINDOW = 1024   # characters jieba segments at once (see Segmenter.tokens)
_RE_HAN_CHAR = jieba.finalseg.re_han      # Chinese, as jieba's HMM sees it
# Chinese characters jieba-rs takes for word characters and jieba (U+4E00-U+9FD5) does not
_RARE_HAN = re.compile("[\u3400-\u4DBF\u9FD6-\u9FFF\uF900-\uFAFF\U00020000-\U0003FFFF]")


class Token(NamedTuple):
    """A word with its offsets in the document text and its part-of-speech tag.
    A NamedTuple: pages make hundreds of thousands of them, and these build fastest."""
    word: str
    start: int
    end: int
    tag: str


class Segmenter:
    """jieba with kg's user dictionary, and the part-of-speech tag of every known word."""

    def __init__(self) -> None:
        self.tk = jieba.Tokenizer()
        words = _user_words()
        key = _dictionary_key(words)
        prepared = _load_prepared(key)
        if prepared is None:
            prepared = _prepare(self.tk, words)
            _store_prepared(key, prepared)
        freq, total, self.tags, force_split = prepared
        # what Tokenizer.initialize() and the add_word/del_word calls of _prepare leave behind
        self.tk.FREQ, self.tk.total, self.tk.initialized = freq, total, True
        for w in force_split:
            jieba.finalseg.add_force_split(w)
        self.fast = _rust_jieba(freq, total)

    def tokens(self, text: str, offset: int = 0) -> list[Token]:
        """Tokens of `text`: jieba's words (accurate mode with HMM), from jieba-rs.

        jieba-rs (rjieba) runs jieba's algorithm on kg's prepared dictionary (see
        _rust_jieba), 8x faster than jieba. It differs from jieba in three places, put
        right here: text with Chinese characters outside jieba's range (CJK extensions,
        compatibility ideographs) is left to jieba, since jieba-rs would make words of
        them; a word jieba deleted (del_word) and its HMM would still find is
        force-split into characters; and an unknown run without Chinese (sina.com) is
        split as jieba's HMM splits it. tests/test_segment.py checks the words against
        jieba's own.

        Text goes in windows of WINDOW characters: an HMM takes time quadratic in the
        length of an unbroken run, and a sentence is never that long, but a hostile
        page with one megabyte-long "sentence" must not stall the build. The loop is
        written out (one dictionary lookup per word for both its tag and whether
        jieba knows it): it runs two million times on a 10 MB corpus."""
        out: list[Token] = []
        append = out.append
        tag_of = self.tags.get          # every word jieba can use, and only those
        new = tuple.__new__             # Token(...) without the extra Python call
        for i in range(0, len(text), WINDOW):
            chunk = text[i:i + WINDOW]
            pos = offset + i
            words = self.tk.cut(chunk, HMM=True) if _RARE_HAN.search(chunk) else self.fast.cut(chunk)
            for w in words:
                tag = tag_of(w)
                if tag is None:
                    if len(w) > 1:              # the HMM's, or an unknown run
                        for x in _as_jieba_splits(w):
                            end = pos + len(x)
                            append(new(Token, (x, pos, end, tag_of(x, "x"))))
                            pos = end
                        continue
                    tag = "x"
                end = pos + len(w)
                append(new(Token, (w, pos, end, tag)))
                pos = end
        return out

    def cut(self, text: str) -> list[str]:
        """The words of `self.tk.cut(text, HMM=True)` (for text under WINDOW characters)."""
        return [t.word for t in self.tokens(text)]


def _as_jieba_splits(word: str) -> list[str]:
    """A word jieba-rs made that jieba's dictionary does not hold, as jieba has it."""
    if word in jieba.finalseg.Force_Split_Words:
        return list(word)
    if _RE_HAN_CHAR.search(word):
        return [word]
    return [x for x in jieba.finalseg.re_skip.split(word) if x]


def _rust_jieba(freq: dict[str, int], total: int) -> Any:
    """An rjieba.Jieba holding exactly the words of `freq` that jieba can use (frequency
    above 0), and jieba's `total`: jieba's add_word adds to the total without taking off
    a word's previous frequency, so it is more than the sum, and a route's score depends
    on it. A word of private-use characters, which no text segments into, makes up the
    difference."""
    import rjieba

    fast = rjieba.Jieba()
    fast.clear()
    add = fast.add_word
    for w, f in freq.items():
        if f:
            add(w, f, None)
    add("\ue000\ue001", total - sum(freq.values()), None)
    return fast


@lru_cache(maxsize=1)
def segmenter() -> Segmenter:
    return Segmenter()


# ---- the prepared dictionary -------------------------------------------------
# Building the user dictionary costs each process about a second: jieba's own cache
# is read with marshal.load from a file (one read call per word), jieba.posseg parses
# dict.txt again for the tags, and the user words are cut once each to suggest their
# frequencies. Its result (FREQ, total, tags, force-split words) depends only on
# jieba's dictionary, this module and the word lists, so it is kept in the user's
# cache folder, keyed by a hash of those, and read back in one marshal.loads.

Prepared = tuple[dict[str, int], int, dict[str, str], list[str]]
TITLE_TAG, HEAD_TAG = "title", "head"     # the tags of kg's own words: titles, bodies' and places' heads
KG_WORD_TAGS = (HEAD_TAG, TITLE_TAG)
_MAGIC = b"kgseg1\n"
KEEP_ENTRIES = 4


def _user_words() -> dict[str, str]:
    """The words kg teaches jieba, with their tags, in the order they are added."""
    words: dict[str, str] = {}
    for t in lexicon.TITLES:
        words[t] = TITLE_TAG
    for h in (*lexicon.AGENCY_HEADS, *lexicon.COMPANY_HEADS, *lexicon.ORG_HEADS,
              *lexicon.PLACE_HEADS):
        if len(h) >= 2:
            words.setdefault(h, HEAD_TAG)
    for name in gazetteer().names():
        words.setdefault(name, "ns")
    return words


def _prepare(tk: jieba.Tokenizer, words: dict[str, str]) -> Prepared:
    """jieba's dictionary with kg's words added and tuned: the slow path, run on a cache miss."""
    import jieba.posseg      # only here: importing it parses dict.txt for the tags

    tk.initialize()
    if not jieba.posseg.dt.word_tag_tab:
        jieba.posseg.dt.initialize()
    tags = dict(jieba.posseg.dt.word_tag_tab)
    for w, tag in words.items():
        tk.add_word(w, freq=max(tk.suggest_freq(w, tune=False), 2000), tag=tag)
        tags[w] = tag
    # a title glued to the name after it must split there: 区长|江绍华, not 区|长江;
    # and an organisation head glued to its title must split: 局|局长, not 局局长
    force_split: list[str] = []
    for t in lexicon.TITLES:
        tk.suggest_freq(t, tune=True)
        for h in "局部处科所站院队组委":
            if h + t in tk.FREQ and t.startswith(h):
                tk.del_word(h + t)
                force_split.append(h + t)
    # keyed by FREQ's own strings, so the cache entry stores each word once and a loaded
    # segmenter holds one copy of it, not two; and only words jieba can use (not the
    # deleted ones): Segmenter.tokens takes a word without a tag for one jieba does not know
    tags = {w: tags[w] for w, f in tk.FREQ.items() if f and w in tags}
    return tk.FREQ, tk.total, tags, force_split


def _dictionary_key(words: dict[str, str]) -> str:
    """Hash of everything the prepared dictionary is made from."""
    h = hashlib.sha256(f"{sys.version_info[:2]}\x00jieba {jieba.__version__}\x00".encode())
    h.update(Path(__file__).read_bytes())
    h.update(Path(jieba.__file__).with_name("dict.txt").read_bytes())
    h.update("\x00".join(f"{w}\x01{tag}" for w, tag in words.items()).encode())
    h.update("\x00".join(lexicon.TITLES).encode())
    return h.hexdigest()


def _cache_path(key: str) -> Path:
    """Where the entry for `key` lives: $XDG_CACHE_HOME/kg, else ~/.cache/kg (else the
    temporary folder, when there is no home folder)."""
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except RuntimeError:
        base = Path(tempfile.gettempdir())
    return base / "kg" / f"segmenter-{key[:32]}.marshal"


def _load_prepared(key: str) -> Prepared | None:
    """The cached prepared dictionary, or None when it is missing, truncated or altered."""
    path = _cache_path(key)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    digest, payload = data[len(_MAGIC):len(_MAGIC) + 32], data[len(_MAGIC) + 32:]
    if not data.startswith(_MAGIC) or hashlib.sha256(payload).digest() != digest:
        return None
    try:
        freq, total, tags, force_split = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    try:
        os.utime(path)              # recently used: _prune keeps it
    except OSError:
        pass
    return freq, total, tags, force_split


def _store_prepared(key: str, prepared: Prepared) -> None:
    """Write the cache entry atomically; a folder that cannot be written only costs speed."""
    from .outputs import atomic_write_bytes

    payload = marshal.dumps(prepared)
    path = _cache_path(key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, _MAGIC + hashlib.sha256(payload).digest() + payload)
        _prune(path.parent)
    except OSError as e:
        logging.getLogger(__name__).debug("segmenter cache not written: %s", e)


def _prune(folder: Path, keep: int = KEEP_ENTRIES) -> None:
    """Remove all but the `keep` most recently used entries: each edit of a word list makes
    a new one (13 MB), and several checkouts with different word lists may share the folder."""
    entries = []
    for p in folder.glob("segmenter-*.marshal"):
        try:
            entries.append((p.stat().st_mtime, p))
        except OSError:             # removed meanwhile by another process
            pass
    for _, p in sorted(entries, reverse=True)[keep:]:
        p.unlink(missing_ok=True)
