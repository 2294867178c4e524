"""Speed and memory of `kg build` on a corpus, against plain jieba.lcut on the same text.

    python bench/speed.py bench/corpus/10mb [--workers N] [--incremental] [--json FILE]

Each measurement runs in a fresh process, so peak memory (getrusage maxrss) is its
own and no run warms the next one:

- reference: jieba.lcut over every page (dictionary loaded before the clock starts)
- 1 worker: the whole build, timed per stage (read, segment, each extractor
  component with jieba's share, per-document resolution, corpus resolution, graph,
  JSON, Turtle, HTML); throughput and its ratio to the reference
- N workers (default: all cores): the whole build; speedup over 1 worker
- --incremental: a build with a cache, then the same build plus one new page;
  the rebuild's time as a share of the full build's
- --repeat N: the reference and each build run N times, alternating, and the
  fastest run of each counts (this machine's speed drifts by 10-15% from minute
  to minute; the fastest run is the one least disturbed)
- --instructions: also the instructions each retires (`perf stat`, when the machine
  has perf), which no drift of the machine's speed changes: jieba.lcut's over the
  text, kg's 1-worker build's, each less what its start (imports, jieba's
  dictionary, reading the pages) costs alone

Throughput is characters of decoded text per second of wall time, end to end
(start-up of kg's segmenter included, Python start-up not).
"""
from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import multiprocessing as mp
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JIEBA = "jieba tokenize"
sys.path.insert(0, str(ROOT))


def _usage() -> dict[str, float]:
    """Peak resident memory of this process and of its largest finished child (MB), and the
    CPU seconds of both: on a shared machine CPU time is the figure other load leaves alone."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"parent_mb": round(own.ru_maxrss / 1024, 1),
            "largest_worker_mb": round(kids.ru_maxrss / 1024, 1),
            "cpu_s": own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime,
            "load": os.getloadavg()[0]}


def _texts(corpus: Path) -> list[str]:
    from kg.formats.text import decode
    from kg.reader import find_inputs

    files, _ = find_inputs([corpus], include=("*.txt",))
    return [decode(f.path.read_bytes()).text for f in files]


def run_reference(corpus: str) -> dict:
    """jieba.lcut over every page, as kg would read them (decoded text)."""
    import jieba

    texts = _texts(Path(corpus))
    jieba.setLogLevel(60)
    jieba.initialize()
    cpu = _usage()["cpu_s"]
    t = time.perf_counter()
    tokens = sum(len(jieba.lcut(x)) for x in texts)
    wall = time.perf_counter() - t
    chars = sum(map(len, texts))
    usage = _usage()
    return {"chars": chars, "tokens": tokens, "seconds": wall, "chars_per_s": chars / wall,
            **usage, "cpu_s": usage["cpu_s"] - cpu}


def _instrument(stages: dict[str, float]) -> None:
    """Wrap the per-document stages so a 1-worker build says where its time goes."""
    ex, exs, pl, seg = (importlib.import_module(f"kg.{m}")
                        for m in ("extraction", "extractors", "pipeline", "segment"))

    def timed(name, fn):
        def wrapper(*args, **kw):
            t = time.perf_counter()
            try:
                return fn(*args, **kw)
            finally:
                stages[name] += time.perf_counter() - t
        return wrapper

    pl.read_bytes = timed("read (file)", pl.read_bytes)
    pl.parse_document = timed("read (decode, clean)", pl.parse_document)
    pl.dumps = timed("cache payload", pl.dumps)
    ex.segment = timed("segment (articles)", ex.segment)
    ex.resolve_document = timed("resolve (document)", ex.resolve_document)
    seg.Segmenter.tokens = timed(JIEBA, seg.Segmenter.tokens)
    for name, spec in list(exs.PIPELINE.items()):
        exs.PIPELINE[name] = dataclasses.replace(spec, run=timed(f"extract: {name}", spec.run))


def run_build(corpus: str, workers: int, out: str, instrument: bool,
              cache: str | None = None, extra: str | None = None) -> dict:
    from kg import build

    stages: dict[str, float] = defaultdict(float)
    if instrument:
        _instrument(stages)
    paths = [corpus] + ([extra] if extra else [])
    cpu = _usage()["cpu_s"]
    t = time.perf_counter()
    result = build(paths, out, workers=workers, cache_dir=cache)
    wall = time.perf_counter() - t
    usage = _usage()
    return {"seconds": wall, "timings": result.timings, "stages": dict(stages),
            "documents": len(result.docs), "entities": result.report["entities_total"],
            "cache": result.report.get("cache"), **usage, "cpu_s": usage["cpu_s"] - cpu}


def _child(conn, fn, args) -> None:
    conn.send(fn(*args))
    conn.close()


def fastest(runs: list[dict]) -> dict:
    return min(runs, key=lambda r: r["seconds"])


def isolated(fn, *args) -> dict:
    """fn(*args) in a fresh interpreter; its result."""
    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe(duplex=False)
    p = ctx.Process(target=_child, args=(child, fn, args))
    p.start()
    child.close()
    try:
        out = parent.recv()
    except EOFError:
        p.join()
        raise SystemExit(f"speed: measurement {fn.__name__} died (exit code {p.exitcode})")
    p.join()
    return out


# Programs whose instruction counts are compared: each one's start, then start + work.
_REFERENCE = ("import sys, jieba; sys.path.insert(0, {root!r}); from bench.speed import _texts; "
              "from pathlib import Path; texts = _texts(Path({corpus!r})); jieba.setLogLevel(60); "
              "jieba.initialize()")
_REFERENCE_WORK = "; [jieba.lcut(x) for x in texts]"
_BUILD = "import sys; sys.path.insert(0, {root!r}); import kg"
_BUILD_WORK = "; kg.build([{corpus!r}], {out!r}, workers=1)"


def _instructions(code: str) -> int | None:
    """Instructions `python -c code` retires, or None where perf cannot count them."""
    try:
        run = subprocess.run(["perf", "stat", "-x,", "-e", "instructions", sys.executable, "-c", code],
                             capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    for line in run.stderr.splitlines():
        fields = line.split(",")
        if len(fields) > 2 and fields[2].startswith("instructions") and fields[0].isdigit():
            return int(fields[0])
    return None


def count_instructions(corpus: str, out: str) -> dict | None:
    """kg's 1-worker build against jieba.lcut, in instructions retired (see the docstring)."""
    args = {"root": str(ROOT), "corpus": corpus, "out": out}
    counts = [_instructions(code.format(**args)) for code in (
        _REFERENCE, _REFERENCE + _REFERENCE_WORK, _BUILD, _BUILD + _BUILD_WORK)]
    if None in counts:
        return None
    ref, build = counts[1] - counts[0], counts[3] - counts[2]
    return {"reference": ref, "build": build, "ratio": ref / build}


def _row(label: str, run: dict, ref: dict) -> str:
    rate = ref["chars"] / run["seconds"]
    return (f"  {label:<34} {run['seconds']:9.2f} s {rate:10,.0f} chars/s = "
            f"{rate / ref['chars_per_s']:.3f}x jieba; CPU {run['cpu_s']:.2f} s = "
            f"{ref['cpu_s'] / run['cpu_s']:.3f}x jieba's CPU time (load {run['load']:.1f})")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--skip-single", action="store_true",
                    help="skip the 1-worker run (per-stage times, speedup): for very large corpora")
    ap.add_argument("--incremental", action="store_true",
                    help="also time a cached rebuild after adding one page")
    ap.add_argument("--repeat", type=int, default=1, metavar="N",
                    help="run the reference and each build N times; the fastest counts")
    ap.add_argument("--instructions", action="store_true",
                    help="also count instructions retired (perf stat): a figure the machine's drift leaves alone")
    ap.add_argument("--json", type=Path, help="write all figures to this file too")
    a = ap.parse_args(argv)
    corpus = str(a.corpus)
    work = Path(tempfile.mkdtemp(prefix="kg-speed-"))
    try:
        report = measure(corpus, a.workers, a.incremental, work, not a.skip_single, max(1, a.repeat),
                         a.instructions)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if a.json:
        a.json.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def measure(corpus: str, workers: int, incremental: bool, work: Path, single: bool = True,
            repeat: int = 1, instructions: bool = False) -> dict:
    refs, ones, manys = [], [], []
    for _ in range(repeat):             # alternating, so a slow minute hits all alike
        refs.append(isolated(run_reference, corpus))
        if single:
            ones.append(isolated(run_build, corpus, 1, str(work / "out1"), True))
        if workers > 1 or not single:
            manys.append(isolated(run_build, corpus, workers, str(work / "outn"), False))
    ref = fastest(refs)
    chars, rate = ref["chars"], ref["chars_per_s"]
    print(f"corpus {corpus}: {chars:,} characters; jieba.lcut {ref['seconds']:.2f} s = "
          f"{rate:,.0f} chars/s, CPU {ref['cpu_s']:.2f} s (peak {ref['parent_mb']} MB, "
          f"load {ref['load']:.1f})")
    if repeat > 1:
        print(f"fastest of {repeat} runs each; reference runs: "
              + ", ".join(f"{r['seconds']:.2f}" for r in refs) + " s")
    if not single:
        many = fastest(manys)
        print(f"kg build, {workers} workers: {many['documents']} documents, {many['entities']:,} entities")
        print(_row("end to end", many, ref))
        print("  stages: " + ", ".join(f"{k} {v:.2f} s" for k, v in many["timings"].items()))
        print(f"  peak memory: parent {many['parent_mb']} MB, largest worker "
              f"{many['largest_worker_mb']} MB")
        return {"corpus": corpus, "reference": ref, "n_workers": many, "workers": workers}
    one = fastest(ones)
    if repeat > 1:
        print("1-worker runs: " + ", ".join(f"{r['seconds']:.2f}" for r in ones) + " s")
    print(f"kg build, 1 worker: {one['documents']} documents, {one['entities']:,} entities")
    print(_row("end to end", one, ref))
    stages = dict(one["stages"])
    jieba_s = stages.pop(JIEBA)
    for k, v in stages.items():
        print(f"  {k:<34} {v:9.2f} s")
    print(f"  {'other per-document work':<34} {one['timings']['extract'] - sum(stages.values()):9.2f} s")
    print(f"  {JIEBA + ' (in the extractors)':<34} {jieba_s:9.2f} s")
    for k in ("resolve", "graph", "json", "turtle", "html"):
        print(f"  {k:<34} {one['timings'][k]:9.2f} s")
    print(f"  peak memory: {one['parent_mb']} MB")
    report = {"corpus": corpus, "reference": ref, "one_worker": one,
              "ratio_to_jieba_1_worker": chars / one["seconds"] / rate,
              "cpu_ratio_to_jieba_1_worker": ref["cpu_s"] / one["cpu_s"]}
    if workers > 1:
        many = fastest(manys)
        speedup = one["seconds"] / many["seconds"]
        ex_speedup = one["timings"]["extract"] / many["timings"]["extract"]
        print(f"kg build, {workers} workers:")
        print(_row("end to end", many, ref))
        print(f"  speedup over 1 worker: {speedup:.2f}x end to end, {ex_speedup:.2f}x extraction")
        print(f"  peak memory: parent {many['parent_mb']} MB, largest worker "
              f"{many['largest_worker_mb']} MB")
        same = all((work / "out1" / n).read_bytes() == (work / "outn" / n).read_bytes()
                   for n in ("graph.ttl", "graph.json", "extraction.jsonl", "graph.html"))
        print(f"  outputs byte-identical to 1 worker: {same}")
        report.update(n_workers=many, workers=workers, speedup=speedup,
                      extract_speedup=ex_speedup, identical=same)
    if instructions:
        counted = count_instructions(corpus, str(work / "outi"))
        if counted is None:
            print("instructions: perf cannot count them on this machine (perf stat -e instructions)")
        else:
            print(f"instructions: jieba.lcut {counted['reference'] / 1e9:.1f} G, kg build (1 worker) "
                  f"{counted['build'] / 1e9:.1f} G = {counted['ratio']:.3f}x jieba's throughput in work done")
        report["instructions"] = counted
    if incremental:
        cache = str(work / "cache")
        full = isolated(run_build, corpus, workers, str(work / "outc"), False, cache)
        extra = work / "extra" / "zz_new_page.txt"
        extra.parent.mkdir()
        shutil.copy(sorted((ROOT / "seeds").glob("*.txt"))[0], extra)
        again = isolated(run_build, corpus, workers, str(work / "outc"), False, cache, str(extra))
        share = again["seconds"] / full["seconds"]
        print(f"incremental ({workers} workers, cache): full build {full['seconds']:.2f} s, "
              f"rebuild after adding 1 page {again['seconds']:.2f} s = {100 * share:.1f}% "
              f"(cache {again['cache']})")
        print("  rebuild stages: " + ", ".join(f"{k} {v:.2f} s" for k, v in again["timings"].items()))
        report.update(incremental_full=full, incremental_rebuild=again, incremental_share=share)
    return report


if __name__ == "__main__":
    main()
