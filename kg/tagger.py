"""The trained sequence tagger: a linear-chain CRF and a BiLSTM over characters, voting,
decoded with numpy (the BiLSTM run by onnxruntime).

The rules find names where the genre anchors them (a title before, a speech verb
after); real news names most people, places and bodies without such anchors. Both
models are trained on human-annotated news (`train/train_tagger.py`, `make model`):
the CRF with CRFsuite, from the characters around each character and the word kg's
segmenter puts it in (so the dictionary tags of kg's title words, organisation heads
and division names are features too); the BiLSTM (`Network`) with PyTorch, from
embeddings of some of the same features, reading the whole sentence. Each scores the
labels B-/I-PER, LOC or ORG, or O, of every character; kg adds the two scores and
decodes the sum (Viterbi, and forward-backward for each span's confidence).

Every CRF feature is a 64-bit integer key (template in the top bits, character codes or
a CRC-32 of a word below), computed for a whole batch of sentences with numpy. The
trainer gives CRFsuite the same keys written in hex, and the network reads the same
keys, so training and tagging cannot drift apart; tagging looks the keys up in the
model's sorted key arrays and runs all sentences of a page at once.

Features see a normalised character (NFKC, digits as 0, Latin lower-cased); offsets
are always those of the text given.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

from .segment import Token

FEATURES_VERSION = 2
MODEL_PATH = Path(__file__).with_name("models") / "ner.npz"
MAX_SEQUENCE = 512   # characters tagged as one sequence: a page-long "sentence" of a
                     # hostile file must not make one huge Viterbi lattice
NAME_DOTS = "·•・"   # the dot between a foreign name's parts: inside a name, never at its edge
NAME_GAP = re.compile("[^\u3000]+")   # a run of characters no ideographic space parts
# offsets of the character windows: unigrams, bigrams (a, b), and the skip-gram (-1, +1)
UNIGRAMS = (-2, -1, 0, 1, 2)
BIGRAMS = ((-2, -1), (-1, 0), (0, 1), (1, 2), (-1, 1))
# templates: one key per template and character; the template number sits in bits 58-62
T_UNI, T_BI = 0, len(UNIGRAMS)
T_KIND = T_BI + len(BIGRAMS)         # character class with its place in the word (hB, dS …)
T_TAG = T_KIND + 1                   # the word's dictionary tag with the place (nrB, titleE …)
T_WORD = T_TAG + 1                   # the word itself (2-6 characters)
T_TAGS = T_WORD + 1                  # previous word's tag | this word's tag, at a word's start
T_BIAS = T_TAGS + 1
N_TEMPLATES = T_BIAS + 1
PAD = 2                              # window reach: characters of padding each side
BOS, EOS = 0x110000, 0x110001        # padding codes, outside Unicode
B, M, E, S = range(4)
# the CRF and the network's summed scores are divided by this: 1 is the plain sum, 2 the
# mean (confidences as sharp as one model's); 1.25 chosen on the dev sets (the seeds'
# and ../shared/real's gold, the held-out slices: MODEL_CARD.md). Labels do not depend on it.
TEMPERATURE = 1.25
DECODE_BATCH = 256                   # sequences decoded together (sorted by length)
LSTM_BATCH = 8                       # sentences the network runs together (sorted by length;
                                     # 8 the fastest of 1-64 on the 10 MB corpus: less padding)
ONNX_OPSET, ONNX_IR_VERSION = 17, 8  # the graph's format: onnxruntime 1.14 and later read it
HOLD_OUT = 20                        # 1 in 20 training sentences is kept out of training


def held_out(sentence_id: str) -> bool:
    """Whether a sentence of ../shared/train is in the slice the shipped model was not
    trained on (CRC-32 of its id, mod HOLD_OUT): the model selection's and kg's own
    fusion's dev set of real news (bench/quality.py)."""
    return zlib.crc32(sentence_id.encode()) % HOLD_OUT == 0


@dataclass(frozen=True)
class Span:
    """A name the tagger found: [start, end) in the text given, its label, and how sure
    the model is (the least marginal probability of its characters' labels)."""
    start: int
    end: int
    label: str
    confidence: float = 1.0


@lru_cache(maxsize=1)
def _tables() -> tuple[np.ndarray, np.ndarray]:
    """Normalised code and character class of every BMP character (others map to themselves)."""
    norm = np.arange(0x10000, dtype=np.int64)
    kind = np.full(0x10000, 4, dtype=np.int64)        # 0 han, 1 digit, 2 latin, 3 space, 4 other
    for c in range(0x10000):
        ch = chr(c)
        n = unicodedata.normalize("NFKC", ch) if not 0xD800 <= c < 0xE000 else ch
        n = n if len(n) == 1 else ch
        if n.isdigit():
            n = "0"
        n = n.lower() if len(n.lower()) == 1 else n
        norm[c] = ord(n)
        if "\u4e00" <= n <= "\u9fff" or "\u3400" <= n <= "\u4dbf":
            kind[c] = 0
        elif n == "0":
            kind[c] = 1
        elif n.isascii() and n.isalpha():
            kind[c] = 2
        elif n.isspace():
            kind[c] = 3
    return norm, kind


@lru_cache(maxsize=1 << 16)
def _crc(s: str) -> int:
    return zlib.crc32(s.encode("utf-8"))


def _codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)


def feature_keys(texts: Sequence[str], tokens: Sequence[Sequence[Token]],
                 offsets: Sequence[int]) -> np.ndarray:
    """Feature keys of every character of `texts`, sentence after sentence: an array of
    shape (total characters, N_TEMPLATES), -1 where a template does not apply.

    `tokens[k]` are the segmenter's words over `texts[k]`, with offsets counted from
    `offsets[k]` (as DocContext.tokens gives them for a sentence)."""
    norm, kind_of = _tables()
    n = sum(len(t) for t in texts)
    if not n:
        return np.empty((0, N_TEMPLATES), dtype=np.int64)
    # one buffer: PAD x BOS, sentence, PAD x EOS, PAD x BOS, next sentence, …
    parts, where = [], []
    pos = 0
    pads_b = np.full(PAD, BOS, dtype=np.int64)
    pads_e = np.full(PAD, EOS, dtype=np.int64)
    for text in texts:
        c = _codes(text)
        bmp = c < 0x10000
        c = np.where(bmp, norm[np.where(bmp, c, 0)], c)
        parts += [pads_b, c, pads_e]
        where.append(np.arange(pos + PAD, pos + PAD + len(text)))
        pos += len(text) + 2 * PAD
    buf = np.concatenate(parts)
    at = np.concatenate(where)
    keys = np.full((n, N_TEMPLATES), -1, dtype=np.int64)
    for k, off in enumerate(UNIGRAMS):
        keys[:, T_UNI + k] = (T_UNI + k) << 58 | buf[at + off]
    for k, (a, b) in enumerate(BIGRAMS):
        keys[:, T_BI + k] = (T_BI + k) << 58 | buf[at + a] << 21 | buf[at + b]
    # the word each character is in: place (B/M/E/S), dictionary tag, the word
    place = np.full(n, S, dtype=np.int64)
    tag = np.zeros(n, dtype=np.int64)
    word = np.full(n, -1, dtype=np.int64)
    lo, hi, tags, words = [], [], [], []
    base = 0
    for text, toks, offset in zip(texts, tokens, offsets):
        if toks:
            w, a, b, t = zip(*toks)                 # Token: word, start, end, tag
            shift = base - offset
            a, b = np.asarray(a) + shift, np.asarray(b) + shift
            ok = (base <= a) & (a < b) & (b <= base + len(text))
            lo.append(a[ok])
            hi.append(b[ok])
            tags.append(np.fromiter(map(_crc, t), np.int64, len(t))[ok])
            words.append(np.fromiter(map(_crc, w), np.int64, len(w))[ok])
        base += len(text)
    if lo and sum(map(len, lo)):
        a, b = np.concatenate(lo), np.concatenate(hi)
        tags_a, words_a = np.concatenate(tags), np.concatenate(words)
        ln = b - a
        words_a[(ln < 2) | (ln > 6)] = -1
        inside = np.repeat(np.arange(len(a)), ln)          # token of each covered character
        at_tok = np.arange(len(inside)) - np.repeat(np.cumsum(ln) - ln, ln)   # place in it
        starts_at = np.cumsum(ln) - ln
        cover = np.arange(n) if starts_at[-1] + ln[-1] == n and (a == starts_at).all() else \
            np.concatenate([np.arange(x, y) for x, y in zip(a.tolist(), b.tolist())])
        tag[cover] = tags_a[inside]
        word[cover] = words_a[inside]
        tl = ln[inside]
        place[cover] = np.where(tl == 1, S, np.where(at_tok == 0, B, np.where(at_tok == tl - 1, E, M)))
    cls = np.where(buf[at] < 0x10000, kind_of[np.minimum(buf[at], 0xFFFF)], 4)
    keys[:, T_KIND] = T_KIND << 58 | cls << 2 | place
    keys[:, T_TAG] = T_TAG << 58 | tag << 2 | place
    keys[:, T_WORD] = np.where(word >= 0, T_WORD << 58 | word, -1)
    starts = np.zeros(n, dtype=bool)
    starts[np.cumsum([0, *(len(t) for t in texts[:-1])])] = True
    prev = np.roll(tag, 1)
    word_start = ((place == B) | (place == S)) & ~starts
    keys[:, T_TAGS] = np.where(word_start, T_TAGS << 58 | prev << 24 ^ tag, -1)
    keys[:, T_BIAS] = T_BIAS << 58
    return keys


def bio_spans(labels: Sequence[str], offset: int = 0) -> list[Span]:
    """Spans of a BIO label sequence; an I- that does not continue its type starts one."""
    spans: list[Span] = []
    start, kind = -1, ""
    for i, lab in enumerate(labels):
        if lab.startswith("I-") and kind == lab[2:]:
            continue
        if kind:
            spans.append(Span(offset + start, offset + i, kind))
        start, kind = (i, lab[2:]) if lab != "O" else (-1, "")
    if kind:
        spans.append(Span(offset + start, offset + len(labels), kind))
    return spans


class ModelError(RuntimeError):
    """The shipped model is missing, damaged or was trained with other features."""


class Tagger:
    """A CRF's weights: `keys` (sorted feature keys), `weights` (one row of label
    weights per key), `transitions` (label x label) and `labels`; and the network beside
    it (`net`, None in a model of the CRF alone, as the trainer checks it)."""

    def __init__(self, path: Path = MODEL_PATH) -> None:
        try:
            with np.load(path, allow_pickle=False) as z:
                version = int(z["features_version"])
                self.keys, self.weights = z["keys"], z["weights"]
                self.transitions, self.labels = z["transitions"], [str(x) for x in z["labels"]]
                self.net = Network(z) if "net_columns" in z.files else None
        except (OSError, KeyError, ValueError) as e:
            raise ModelError(f"{path}: no usable tagger model ({e}); rebuild it with `make model`") from e
        if version != FEATURES_VERSION:
            raise ModelError(f"{path}: trained with features version {version}, kg uses "
                             f"{FEATURES_VERSION}; rebuild it with `make model`")
        if self.net is not None:
            # the two models vote by adding their scores (the CRF's weighted); the sum,
            # divided by TEMPERATURE, keeps the marginals (kg's confidences) about as
            # sharp as the thresholds of kg's fusion expect
            self.transitions = (self.net.crf_weight * self.transitions + self.net.transitions) / TEMPERATURE
        # each label's name kind (0 for O, 1.. in `kinds` order) and whether it begins a name
        self.kinds = ["", *sorted({lab[2:] for lab in self.labels if lab != "O"})]
        self._kind = np.array([self.kinds.index(lab[2:]) if lab != "O" else 0 for lab in self.labels])
        self._begin = np.array([lab.startswith("B-") for lab in self.labels])
        # keys are sorted, so each template's keys (its number in the top bits) are one slice
        bounds = np.searchsorted(self.keys, np.arange(N_TEMPLATES + 1, dtype=np.int64) << 58)
        self._template_slices = list(zip(bounds[:-1].tolist(), bounds[1:].tolist()))

    def emissions(self, keys: np.ndarray, lengths: Sequence[int]) -> np.ndarray:
        """Score of each label at each character of sentences of `lengths`: the sum of
        its features' weights, plus the network's scores where the model has one."""
        out = np.zeros((len(keys), len(self.labels)), dtype=np.float32)
        for t, (lo, hi) in enumerate(self._template_slices):
            if lo == hi:
                continue
            known = self.keys[lo:hi]        # one template's keys: a small sorted array
            col = keys[:, t]
            idx = np.minimum(np.searchsorted(known, col), hi - lo - 1)
            hit = known[idx] == col
            out[hit] += self.weights[lo + idx[hit]]
        if self.net is None:
            return out
        return (self.net.crf_weight * out + self.net.emissions(keys, lengths)) / TEMPERATURE

    def _lattice(self, scores: np.ndarray, lengths: Sequence[int]
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The batch laid out longest first: (order of the sequences, their lengths in
        that order, scores [sequence, step, label] padded with 0, and how many
        sequences still run at each step, always the first ones)."""
        lens = np.asarray(lengths)
        order = np.argsort(-lens, kind="stable")
        slens = lens[order]
        batch = np.zeros((len(lens), int(slens[0]), len(self.labels)), dtype=np.float64)
        starts = np.concatenate([[0], np.cumsum(lens)])
        for row, k in enumerate(order.tolist()):
            batch[row, :lens[k]] = scores[starts[k]:starts[k + 1]]
        live = (slens[None, :] > np.arange(int(slens[0]))[:, None]).sum(axis=1)
        return order, slens, batch, live

    def decode(self, scores: np.ndarray, lengths: Sequence[int]) -> list[np.ndarray]:
        """Viterbi over a batch: the best label indices of each sequence. Each step works
        on the sequences still running alone: the work is the total length, not the
        batch times its longest sequence."""
        order, slens, batch, live = self._lattice(scores, lengths)
        n, longest, n_lab = batch.shape
        best = batch[:, 0].copy()
        back = np.zeros((n, longest, n_lab), dtype=np.int8)
        trans = self.transitions.astype(np.float64)[None]
        for t in range(1, longest):
            k = live[t]
            cand = best[:k, :, None] + trans                 # [sequence, from, to]
            back[:k, t] = cand.argmax(axis=1)
            best[:k] = cand.max(axis=1) + batch[:k, t]
        path = np.zeros((n, longest), dtype=np.int64)
        last = best.argmax(axis=1)
        for t in range(longest - 1, -1, -1):
            k = live[t]
            ending = slens[:k] == t + 1                      # sequences whose last step is t
            path[:k, t] = np.where(ending, last[:k], path[:k, t])
            if t:
                path[:k, t - 1] = back[np.arange(k), t, path[:k, t]]
        return _unsort(order, [path[row, :ln] for row, ln in enumerate(slens.tolist())])

    def posteriors(self, scores: np.ndarray, lengths: Sequence[int]) -> list[np.ndarray]:
        """Forward-backward over a batch: each sequence's (length x labels) marginal
        probabilities. In probabilities, each step scaled to sum 1: a position's scale
        cancels when its marginals are normalised, and a matrix product replaces a
        log-sum-exp per step."""
        order, slens, batch, live = self._lattice(scores, lengths)
        longest = batch.shape[1]
        ex = np.exp(batch - batch.max(axis=2, keepdims=True))
        trans = self.transitions.astype(np.float64)
        e_t = np.exp(trans - trans.max())
        alpha = np.zeros_like(batch)
        beta = np.ones_like(batch)                       # flat at each sequence's last step
        alpha[:, 0] = ex[:, 0] / ex[:, 0].sum(axis=1, keepdims=True)
        for t in range(1, longest):
            k = live[t]
            a = (alpha[:k, t - 1] @ e_t) * ex[:k, t]
            alpha[:k, t] = a / a.sum(axis=1, keepdims=True)
        for t in range(longest - 2, -1, -1):
            k = live[t + 1]
            b = (ex[:k, t + 1] * beta[:k, t + 1]) @ e_t.T
            beta[:k, t] = b / b.sum(axis=1, keepdims=True)
        marg = alpha * beta
        marg /= np.maximum(marg.sum(axis=2, keepdims=True), np.finfo(np.float64).tiny)
        return _unsort(order, [marg[row, :ln] for row, ln in enumerate(slens.tolist())])

    def _decode_texts(self, texts: Sequence[str], tokens: Sequence[Sequence[Token]],
                      offsets: Sequence[int], confidence: bool
                      ) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Each text's best labels, and (with `confidence`) each label's marginal probability."""
        out: list[np.ndarray] = [np.empty(0, dtype=np.int64) for _ in texts]
        conf: list[np.ndarray] = [np.empty(0) for _ in texts]
        keep = [k for k, t in enumerate(texts) if t]
        if not keep:
            return out, conf
        texts_k = [texts[k] for k in keep]
        scores = self.emissions(feature_keys(texts_k, [tokens[k] for k in keep],
                                             [offsets[k] for k in keep]), [len(t) for t in texts_k])
        # sequences of similar length decode together: the lattice is as long as the longest
        order = sorted(range(len(texts_k)), key=lambda k: len(texts_k[k]))
        starts = np.cumsum([0, *(len(t) for t in texts_k)])
        for g in range(0, len(order), DECODE_BATCH):
            group = order[g:g + DECODE_BATCH]
            sc = np.concatenate([scores[starts[k]:starts[k + 1]] for k in group])
            lengths = [len(texts_k[k]) for k in group]
            for k, path in zip(group, self.decode(sc, lengths)):
                out[keep[k]] = path
            if confidence:
                for k, marg in zip(group, self.posteriors(sc, lengths)):
                    conf[keep[k]] = marg[np.arange(len(marg)), out[keep[k]]]
        return out, conf

    def tag_batch(self, texts: Sequence[str], tokens: Sequence[Sequence[Token]],
                  offsets: Sequence[int]) -> list[list[str]]:
        """BIO labels of each text."""
        return [[self.labels[i] for i in p.tolist()]
                for p in self._decode_texts(texts, tokens, offsets, False)[0]]

    def tag(self, texts: Sequence[str], tokens: Sequence[Sequence[Token]],
            offsets: Sequence[int]) -> list[Span]:
        """Names in the texts, with offsets counted as the tokens' are (`offsets[k]` is
        where texts[k] starts). Texts longer than MAX_SEQUENCE are tagged in pieces."""
        pieces, toks, offs = [], [], []
        for text, tk, off in zip(texts, tokens, offsets):
            if len(text) <= MAX_SEQUENCE:
                pieces.append(text)
                toks.append(tk)
                offs.append(off)
                continue
            starts = [t.start for t in tk]          # in order: each piece's words by bisection
            for a in range(off, off + len(text), MAX_SEQUENCE):
                pieces.append(text[a - off:a - off + MAX_SEQUENCE])
                toks.append(tk[bisect.bisect_left(starts, a):bisect.bisect_left(starts, a + MAX_SEQUENCE)])
                offs.append(a)
        paths, conf = self._decode_texts(pieces, toks, offs, True)
        if not paths:
            return []
        # all pieces in one array, each followed by an O, so that no name runs across two;
        # a name starts at B- or where the type changes, and ends before the next start or O
        o = self.labels.index("O")
        flat = np.concatenate([np.append(p, o) for p in paths])
        prob = np.concatenate([np.append(c, 1.0) for c in conf])
        pos = np.concatenate([np.arange(off, off + len(p) + 1) for p, off in zip(paths, offs)])
        k, b = self._kind[flat], self._begin[flat]
        prev = np.concatenate([[0], k[:-1]])
        first = (k > 0) & (b | (prev != k))
        nxt_k = np.concatenate([k[1:], [0]])
        nxt_first = np.concatenate([first[1:], [False]])
        last = (k > 0) & ((nxt_k != k) | nxt_first)
        # a span's confidence: the least probable of its labels (the Viterbi path's
        # marginals), a standard stand-in for the span's own probability
        piece = np.cumsum(first)                          # span number of each position
        inside = k > 0
        least = np.full(int(first.sum()) + 1, 1.0)
        np.minimum.at(least, piece[inside], prob[inside])
        # no name begins or ends with a space or a name's dot (the model reads an
        # ideographic space between listed names as inside one, 张某某\u3000|王某某, and
        # a dot before a line's end as the name's, 凯特·)
        chars = "".join(p + "\n" for p in pieces)
        spans = []
        for a0, e0, t, c in zip(np.flatnonzero(first).tolist(), np.flatnonzero(last).tolist(),
                                k[first].tolist(), least[1:].tolist()):
            # an ideographic space parts listed names (王洪友\u3000信宝忠): never inside one
            for gap in NAME_GAP.finditer(chars, a0, e0 + 1):
                a, e = gap.start(), gap.end() - 1
                while a <= e and (chars[a].isspace() or chars[a] in NAME_DOTS):
                    a += 1
                while e >= a and (chars[e].isspace() or chars[e] in NAME_DOTS):
                    e -= 1
                if a <= e:
                    a, e = balanced(chars, a, e)
                if a <= e:
                    # cut short, a span is as sure as the labels it keeps of the model's
                    # (brackets it takes in beyond them were read outside any name); a
                    # name after a gap begins there, whether the model's label is B or I
                    lo = max(a, a0) + (gap.start() > a0 and e > a)
                    sure = c if (a, e) == (a0, e0) else float(prob[lo:min(e, e0) + 1].min())
                    spans.append(Span(int(pos[a]), int(pos[e]) + 1, self.kinds[t], sure))
        return spans


class Network:
    """A bidirectional LSTM over embeddings of some of the CRF's feature keys (trained
    with PyTorch by `train/train_tagger.py`), run by onnxruntime: its operator computes
    the steps in C++, where numpy's loop paid per step and per call (the build's
    network time halves, bench/speed.py). The graph is built at load from the model
    file's arrays `net_*`: per input column the template (`net_columns`), its sorted
    known keys and their embeddings (row 0: no key, row 1: an unknown one); the LSTM's
    weights each way (PyTorch's layout, gates i, f, g, o); the output layer; its
    transitions; and the weight of the CRF's scores in the sum."""

    def __init__(self, z: np.lib.npyio.NpzFile) -> None:
        self.columns = z["net_columns"].tolist()
        self.vocab = [z[f"net_vocab_{j}"] for j in range(len(self.columns))]
        self.transitions = z["net_transitions"].astype(np.float32)
        self.crf_weight = float(z["net_crf_weight"])
        self.n_labels = len(z["net_out_b"])
        options = ort.SessionOptions()
        # one thread: a build runs a worker per core, and one thread's sums are the same
        # in every run (byte-identical outputs)
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        self._session = ort.InferenceSession(network_graph(z), options, providers=["CPUExecutionProvider"])

    def emissions(self, keys: np.ndarray, lengths: Sequence[int]) -> np.ndarray:
        """Label scores of every character, sentence by sentence as `lengths` divide them.

        Sentences of similar length run together (LSTM_BATCH at a time, shortest first),
        each padded to the longest of its group; the operator reads each backwards from
        its own end (`sequence_lens`), so padding changes no score."""
        lens = np.asarray(lengths, dtype=np.int64)
        out = np.zeros((len(keys), self.n_labels), dtype=np.float32)
        rows = column_rows(keys, self.columns, self.vocab)
        starts = np.cumsum(lens) - lens
        order = np.argsort(lens, kind="stable")
        order = order[lens[order] > 0]
        for g in range(0, len(order), LSTM_BATCH):
            group = order[g:g + LSTM_BATCH]
            n = lens[group]
            step = np.arange(int(n.max()))[:, None]
            inside = step < n[None, :]                                  # (step, sentence)
            at = np.where(inside, starts[group][None, :] + step, 0)
            x = np.where(inside[..., None], rows[at], 0)                # (step, sentence, column)
            scores = self._session.run(None, {"rows": x, "lengths": n.astype(np.int32)})[0]
            out[at[inside]] = scores[inside]
        return out


def network_graph(z: np.lib.npyio.NpzFile) -> bytes:
    """The network of the model file's `net_*` arrays as a serialised ONNX graph: rows
    (step, sentence, column) -> each column's embeddings, side by side -> one
    bidirectional LSTM node -> the output layer's label scores (step, sentence, label)."""
    columns = len(z["net_columns"])
    h = z["net_w_hh_fwd"].shape[1]
    # PyTorch's gates i, f, g, o in ONNX's order i, o, f, c
    gates = np.concatenate([np.arange(0, h), np.arange(3 * h, 4 * h), np.arange(h, 2 * h), np.arange(2 * h, 3 * h)])
    ways = ("fwd", "bwd")
    arrays = {
        "W": np.stack([z[f"net_w_ih_{w}"].astype(np.float32)[gates] for w in ways]),
        "R": np.stack([z[f"net_w_hh_{w}"].astype(np.float32)[gates] for w in ways]),
        # the input's and the recurrent bias, PyTorch's two summed into the first
        "B": np.stack([np.concatenate([z[f"net_bias_{w}"].astype(np.float32)[gates],
                                       np.zeros(4 * h, dtype=np.float32)]) for w in ways]),
        "out_w": z["net_out_w"].astype(np.float32).T.copy(),
        "out_b": z["net_out_b"].astype(np.float32),
        "width": np.array([0, 0, 2 * h], dtype=np.int64),
    }
    nodes = []
    for j in range(columns):
        arrays[f"embed_{j}"] = z[f"net_embed_{j}"].astype(np.float32)
        arrays[f"column_{j}"] = np.array(j, dtype=np.int64)
        nodes += [helper.make_node("Gather", ["rows", f"column_{j}"], [f"rows_{j}"], axis=2),
                  helper.make_node("Gather", [f"embed_{j}", f"rows_{j}"], [f"x_{j}"], axis=0)]
    nodes += [helper.make_node("Concat", [f"x_{j}" for j in range(columns)], ["x"], axis=2),
              helper.make_node("LSTM", ["x", "W", "R", "B", "lengths"], ["y"], direction="bidirectional",
                               hidden_size=h),
              # (step, way, sentence, hidden) -> (step, sentence, both ways' states)
              helper.make_node("Transpose", ["y"], ["y_t"], perm=[0, 2, 1, 3]),
              helper.make_node("Reshape", ["y_t", "width"], ["states"]),
              helper.make_node("MatMul", ["states", "out_w"], ["product"]),
              helper.make_node("Add", ["product", "out_b"], ["scores"])]
    graph = helper.make_graph(
        nodes, "kg_tagger_network",
        [helper.make_tensor_value_info("rows", TensorProto.INT64, ["step", "sentence", columns]),
         helper.make_tensor_value_info("lengths", TensorProto.INT32, ["sentence"])],
        [helper.make_tensor_value_info("scores", TensorProto.FLOAT, ["step", "sentence", len(arrays["out_b"])])],
        [numpy_helper.from_array(a, name) for name, a in arrays.items()])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", ONNX_OPSET)])
    model.ir_version = ONNX_IR_VERSION
    return model.SerializeToString()


def column_rows(keys: np.ndarray, columns: Sequence[int], vocab: Sequence[np.ndarray]) -> np.ndarray:
    """Each character's embedding row in each of the network's input columns (templates
    `columns`, their known keys `vocab`): (characters, columns), as trainer and tagger read them."""
    return np.stack([embedding_rows(keys[:, t], known) for t, known in zip(columns, vocab)], axis=1)


def embedding_rows(col: np.ndarray, known: np.ndarray) -> np.ndarray:
    """The embedding row of each key of a column: 0 where the template does not apply,
    1 for a key unseen in training, 2 + its place among the `known` (sorted) keys."""
    idx = np.minimum(np.searchsorted(known, col), max(len(known) - 1, 0))
    hit = known[idx] == col if len(known) else np.zeros(len(col), dtype=bool)
    return np.where(hit, idx + 2, np.where(col < 0, 0, 1))


BRACKETS = {"《": "》", "“": "”", "（": "）", "(": ")", "『": "』", "「": "」"}
CLOSERS = {c: o for o, c in BRACKETS.items()}
REACH = 12      # how far beyond a span its bracket's other half is looked for
# what a name never runs over: a sentence's or a list's punctuation, a line's end
NAME_BREAKS = frozenset("。，；、！？：,;!?:\n")


def balanced(chars: str, a: int, e: int) -> tuple[int, int]:
    """The span chars[a..e] with no bracket left open: a bracket whose other half lies
    just beyond the span takes the span to it (英国《经济学家|》, “|美洲风暴”篮球队,
    《南京大屠杀|图证》编纂工作委员会); one whose other half is further, or over a
    comma, cuts the span there (（苏南、…、辽东|）地区 -> 辽东). Names hold brackets
    whole, as all three training sets mark them; the model, reading characters, does
    not count them."""
    depth: list[int] = []
    for i in range(a, e + 1):
        ch = chars[i]
        if ch in BRACKETS:
            depth.append(i)
        elif ch in CLOSERS:
            if depth and chars[depth[-1]] == CLOSERS[ch]:
                depth.pop()
                continue
            j = next((j for j in range(a - 1, max(-1, a - 1 - REACH), -1)
                      if chars[j] in NAME_BREAKS or chars[j] == CLOSERS[ch]), None)
            if j is not None and chars[j] == CLOSERS[ch]:
                a = j
            else:
                return balanced(chars, a, i - 1) if i > a else balanced(chars, a + 1, e)
    for i in reversed(depth):
        j = next((j for j in range(e + 1, min(len(chars), e + 1 + REACH))
                  if chars[j] in NAME_BREAKS or chars[j] == BRACKETS[chars[i]]), None)
        if j is not None and chars[j] == BRACKETS[chars[i]]:
            e = j
        else:
            return balanced(chars, i + 1, e) if i < e else balanced(chars, a, e - 1)
    return a, e


def _unsort(order: np.ndarray, rows: list[np.ndarray]) -> list[np.ndarray]:
    """Rows laid out in `order` back in the order the sequences came in."""
    out: list[np.ndarray] = [rows[0]] * len(rows)
    for row, k in enumerate(order.tolist()):
        out[k] = rows[row]
    return out


@lru_cache(maxsize=1)
def tagger() -> Tagger:
    """The shipped model, loaded once per process."""
    return Tagger()
