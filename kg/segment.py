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
import sys
import tempfile
from functools import lru_cache
from math import log
from pathlib import Path
from typing import NamedTuple

import jieba
import jieba.finalseg

from . import lexicon
from .divisions import gazetteer

jieba.setLogLevel(logging.WARNING)


WINDOW = 1024   # characters jieba segments at once (see Segmenter.tokens)
_RE_HAN = jieba.re_han_default      # what jieba's accurate mode segments, and
_RE_SKIP = jieba.re_skip_default    # what it passes through whole (whitespace)


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

    def tokens(self, text: str, offset: int = 0) -> list[Token]:
        """Tokens of `text`, in windows of WINDOW characters: jieba's HMM takes time
        quadratic in the length of an unbroken run, and a sentence is never that long,
        but a hostile page with one megabyte-long "sentence" must not stall the build."""
        out: list[Token] = []
        tags = self.tags
        for i in range(0, len(text), WINDOW):
            pos = offset + i
            for w in self.cut(text[i:i + WINDOW]):
                out.append(Token(w, pos, pos + len(w), tags.get(w, "x")))
                pos += len(w)
        return out

    def cut(self, text: str) -> list[str]:
        """The words of `self.tk.cut(text, HMM=True)`, computed faster.

        jieba's accurate mode, re-done for speed (it was most of extraction's time):
        the word graph and the best route are found in one backward pass with no
        per-position lists, dicts or tuples. The arithmetic and the tie-breaking are
        jieba's: a route scores log(freq) - log(total) plus the rest, summed in the
        same order, and of equal scores the longer word wins, as max() over
        (score, end) tuples has it. Runs of single characters go to the HMM (_hmm_cut)
        where jieba sends them; tests/test_segment.py checks the words against jieba's."""
        out: list[str] = []
        blocks = _RE_HAN.split(text)
        for k, blk in enumerate(blocks):
            if not blk:
                continue
            if k % 2:                       # a run jieba segments (split's captured group)
                out += self._cut_run(blk)
            else:                           # whitespace whole, anything else char by char
                for x in _RE_SKIP.split(blk):
                    if _RE_SKIP.match(x):
                        out.append(x)
                    else:
                        out += x
        return out

    def _cut_run(self, run: str) -> list[str]:
        """jieba's __cut_DAG on one run of word characters."""
        get = self.tk.FREQ.get
        n = len(run)
        logtotal = log(self.tk.total)
        unknown = log(1) - logtotal        # the score of a character jieba does not know
        score = [0.0] * (n + 1)            # best route's score from each position on
        nxt = list(range(1, n + 2))        # end (exclusive) of that route's first word
        for i in range(n - 1, -1, -1):
            best = None
            j = i
            frag = run[i]
            f = get(frag)
            while f is not None:
                if f:
                    sc = log(f) - logtotal + score[j + 1]
                    if best is None or sc >= best:
                        best = sc
                        nxt[i] = j + 1
                j += 1
                if j >= n:
                    break
                frag = run[i:j + 1]
                f = get(frag)
            score[i] = unknown + score[i + 1] if best is None else best
        out: list[str] = []
        x = 0
        buf_start = -1                 # start of the pending run of one-character words
        while x < n:
            y = nxt[x]
            if y - x == 1:
                if buf_start < 0:
                    buf_start = x
            else:
                if buf_start >= 0:
                    self._flush(run[buf_start:x], out)
                    buf_start = -1
                out.append(run[x:y])
            x = y
        if buf_start >= 0:
            self._flush(run[buf_start:], out)
        return out

    def _flush(self, buf: str, out: list[str]) -> None:
        """One-character words in a row: jieba's HMM may join them, unless they form a known word."""
        if len(buf) == 1:
            out.append(buf)
        elif not self.tk.FREQ.get(buf):
            out += _hmm_cut(buf)
        else:
            out += buf


def _hmm_cut(text: str) -> list[str]:
    """The words of jieba.finalseg.cut(text): its HMM, with the path kept as back-pointers
    rather than a list copied per character and state, and the two-way max() written out.

    Scores are summed in jieba's order; of equal scores jieba's max() over (score, state)
    takes the later letter (S > M > E > B), and so does each comparison here."""
    fs = jieba.finalseg
    out: list[str] = []
    for k, blk in enumerate(fs.re_han.split(text)):
        if not k % 2:                  # no Chinese: numbers and letters whole, the rest as is
            out += [x for x in fs.re_skip.split(blk) if x]
            continue
        for w in _hmm_words(blk):
            if w in fs.Force_Split_Words:
                out += w
            else:
                out.append(w)
    return out


def _hmm_words(obs: str) -> list[str]:
    """jieba.finalseg's viterbi and __cut on one run of Chinese characters."""
    fs = jieba.finalseg
    low = fs.MIN_FLOAT
    e_b, e_m, e_e, e_s = (fs.emit_P[y] for y in "BMES")
    t = fs.trans_P
    t_eb, t_sb = t["E"].get("B", low), t["S"].get("B", low)
    t_mm, t_bm = t["M"].get("M", low), t["B"].get("M", low)
    t_ss, t_es = t["S"].get("S", low), t["E"].get("S", low)
    t_be, t_me = t["B"].get("E", low), t["M"].get("E", low)
    c = obs[0]
    v_b = fs.start_P["B"] + e_b.get(c, low)
    v_m = fs.start_P["M"] + e_m.get(c, low)
    v_e = fs.start_P["E"] + e_e.get(c, low)
    v_s = fs.start_P["S"] + e_s.get(c, low)
    back: list[tuple[str, str, str, str]] = []      # per character: best previous state of B, M, E, S
    for c in obs[1:]:
        em = e_b.get(c, low)
        p, q = v_e + t_eb + em, v_s + t_sb + em
        b_b, n_b = ("S", q) if q >= p else ("E", p)          # max over (E, S)
        em = e_m.get(c, low)
        p, q = v_m + t_mm + em, v_b + t_bm + em
        b_m, n_m = ("B", q) if q > p else ("M", p)           # max over (M, B)
        em = e_s.get(c, low)
        p, q = v_s + t_ss + em, v_e + t_es + em
        b_s, n_s = ("E", q) if q > p else ("S", p)           # max over (S, E)
        em = e_e.get(c, low)
        p, q = v_b + t_be + em, v_m + t_me + em
        b_e, n_e = ("M", q) if q >= p else ("B", p)          # max over (B, M)
        back.append((b_b, b_m, b_e, b_s))
        v_b, v_m, v_e, v_s = n_b, n_m, n_e, n_s
    state = "S" if v_s >= v_e else "E"
    states = [state]
    for prev in reversed(back):
        state = prev["BMES".index(state)]
        states.append(state)
    states.reverse()
    words: list[str] = []
    begin = nexti = 0
    for i, pos in enumerate(states):
        if pos == "B":
            begin = i
        elif pos == "E":
            words.append(obs[begin:i + 1])
            nexti = i + 1
        elif pos == "S":
            words.append(obs[i])
            nexti = i + 1
    if nexti < len(obs):
        words.append(obs[nexti:])
    return words


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
_MAGIC = b"kgseg1\n"
KEEP_ENTRIES = 4


def _user_words() -> dict[str, str]:
    """The words kg teaches jieba, with their tags, in the order they are added."""
    words: dict[str, str] = {}
    for t in lexicon.TITLES:
        words[t] = "title"
    for h in (*lexicon.AGENCY_HEADS, *lexicon.COMPANY_HEADS, *lexicon.ORG_HEADS,
              *lexicon.PLACE_HEADS):
        if len(h) >= 2:
            words.setdefault(h, "head")
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
    # keyed by FREQ's own strings (every tagged word is in FREQ), so the cache entry stores
    # each word once and a loaded segmenter holds one copy of it, not two
    tags = {w: tags[w] for w in tk.FREQ if w in tags}
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
