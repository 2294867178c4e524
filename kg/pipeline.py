"""The library API: read -> segment -> extract -> resolve -> graph -> views.

`extract` gives per-document records; `build` runs the whole pipeline and writes
graph.ttl, graph.html, graph.json, extraction.jsonl and report.json. The CLI is a
thin layer over these two functions.
"""
from __future__ import annotations

import errno
import gc
import json
import os
import re
import time
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterator

import networkx as nx

from . import __version__
from . import curate as curation
from .cache import ExtractionCache, dumps, loads
from .careers import Careers
from .extraction import extract_document, to_record
from .extractors import DEFAULT_NER
from .graph import build_graph, facts, nodes, to_node_link
from .errors import UserError
from .html import DEFAULT_MAX_NODES
from .html import render_pieces
from .metrics import add_metrics
from .model import DocExtraction
from .pagemeta import PageMeta, PageTable
from .outputs import (Generation, build_lock, dumps_json, json_pieces, jsonl,
                      remove_old_generations, remove_stale_temps, text_path)
from .rdf import DEFAULT_BASE, IRIs, iter_turtle
from .reader import InputFile, ReadError, find_inputs, parse_document, printable, read_bytes
from .resolve import resolve_corpus
from .types import HOLDS

Progress = Callable[[int, int, str], None]


@dataclass
class BuildResult:
    graph: nx.MultiDiGraph
    docs: list[DocExtraction]     # as the corpus stages read them: without_text
    problems: list[str] = field(default_factory=list)
    report: dict = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    cache_warnings: list[str] = field(default_factory=list)   # the cache's own trouble: not the inputs'
    corrections: list[dict] = field(default_factory=list)     # outcome of each row of --curate
    notices: list[str] = field(default_factory=list)   # doubts about documents read (a guessed encoding)


def extract_one(doc_id: str, path: str, data: bytes, components: list[str] | None = None,
                meta: PageMeta | None = None) -> DocExtraction | str:
    """A file's bytes to its extraction, or the problem that kept it out.

    The extraction carries its record (`record_json`) and the text read (`raw`, which
    the build keeps beside the outputs as texts/<doc id>.txt, then drops: without_text).
    """
    try:
        de = extract_document(parse_document(doc_id, path, data), components, meta)
    except ReadError as e:
        return str(e)
    except Exception as e:  # noqa: BLE001 - one bad page must not end the build; it is reported
        msg = " ".join(str(e).split())     # one line, however the message was built
        return f"{doc_id}: extraction failed ({type(e).__name__}: {msg[:300]})"
    return replace(de, record_json=jsonl([to_record(de)]))


def extract_blob(doc_id: str, path: str, data: bytes, components: list[str] | None = None,
                 meta: PageMeta | None = None) -> bytes | str:
    """Worker: extract_one's result as the cache's JSON payload.

    The worker gets the bytes, not the path, so it needs no access to the input files
    (a Dask worker on another machine), and returns the payload, which the build stores
    in its cache as is. (The executors carry arguments and results between processes
    as pickles; those never come from a file.)
    """
    de = extract_one(doc_id, path, data, components, meta)
    return de if isinstance(de, str) else dumps(de)


# Input a worker process must have to pay for its start (forking, loading the segmenter,
# about 0.4 s) and for sending its results back: on 1 MB of pages one in-process worker
# is faster than two (bench/speed.py), on 10 MB two are 1.3x faster.
BYTES_PER_WORKER = 2 << 20


def _auto_workers(files: list[InputFile]) -> int:
    """All cores, but no more workers than the input has megabytes to keep busy."""
    total = 0
    for f in files:
        try:
            total += f.path.stat().st_size
        except OSError:
            continue          # reported when the file is read
    return max(1, min(os.cpu_count() or 1, total // BYTES_PER_WORKER))


def _cache_keys(files: list[InputFile], cache: ExtractionCache,
                variant: Callable[[InputFile], str]) -> dict[str, str]:
    """The cache key of each readable file, by file id (unreadable files are left out:
    extract_files reports them)."""
    keys = {}
    for f in files:
        try:
            keys[f.id] = cache.key(f.id, read_bytes(f), variant(f))
        except ReadError:
            continue
    return keys


class _Done:
    """A result already at hand, with the one method of a future the build uses."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def result(self) -> Any:
        return self.value


Submit = Callable[..., Any]


@contextmanager
def _executor(workers: int, scheduler: str | None) -> Iterator[tuple[Submit, int]]:
    """submit(fn, *args) -> future, and how many tasks to keep in flight."""
    if scheduler:
        from .distributed import cluster
        with cluster(scheduler) as (submit, slots):
            yield submit, 2 * slots
    elif workers <= 1:
        yield (lambda fn, *args: _Done(fn(*args))), 1
    else:
        with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker) as pool:
            yield pool.submit, 4 * workers


def _start_worker() -> None:
    """A local worker's start: numpy's BLAS on one thread (the tagger's network multiplies
    small matrices; N workers each starting a thread per core fight over the cores:
    a 2-worker build of 10 MB took 226 s, 34 s with one thread each); load the segmenter, then
    exempt everything loaded so far (jieba's dictionary, the division data: millions of
    objects that live as long as the process) from garbage collection, which would
    otherwise rescan them again and again."""
    from threadpoolctl import threadpool_limits

    from .segment import segmenter
    threadpool_limits(1)
    segmenter()
    gc.freeze()


@contextmanager
def _gc_for_build() -> Iterator[Callable[[], None]]:
    """Keep the cyclic garbage collector off what the build holds.

    Documents arrive by the hundreds of thousands of objects each, and every full
    collection rescanned all those held (GC took a third of the graph stage's time on
    a 10 MB corpus, and of a cached rebuild's reading). The context gives `keep()`:
    young garbage is collected, then all that lives is frozen (gc.freeze); on leaving,
    frozen objects become collectable again, so a long-lived caller loses nothing.
    """
    def keep() -> None:
        gc.collect(1)
        gc.freeze()

    was_enabled = gc.isenabled()
    try:
        yield keep
    finally:
        gc.unfreeze()
        if was_enabled:
            gc.enable()


def extract_files(files: list[InputFile], workers: int = 1, progress: Progress | None = None,
                  cache: ExtractionCache | None = None, scheduler: str | None = None,
                  components: list[str] | None = None,
                  pages: PageTable | None = None) -> Iterator[DocExtraction | str]:
    """Extractions of `files` in input order, or the problem that kept each one out.

    Taken from `cache` where it holds them; the rest are computed here (workers=1), on
    `workers` local processes (0: as many as pay off, see _auto_workers), or on the
    Dask cluster at `scheduler`, and stored in
    the cache. Only a bounded window of documents is in flight at a time, so memory
    does not grow with the number of files waiting.
    """
    if workers <= 0:
        workers = _auto_workers(files)
    pages = pages or PageTable()
    metas = {f.id: pages.for_file(f.id, f.name) for f in files}
    base_variant = ",".join(components or ())

    def variant(f: InputFile) -> str:
        """The components and what is known of the page: both shape its extraction."""
        meta = metas[f.id]
        return base_variant + (f"|{meta.key()}" if meta else "")
    keys: dict[str, str] = {}       # worked out ahead only when they decide the worker count
    if cache is not None and workers > 1 and not scheduler:
        # a rebuild that re-extracts a page or two should not start workers that each
        # spend seconds loading jieba's dictionary for nothing
        keys = _cache_keys(files, cache, variant)
        workers = min(workers, sum(not cache.has(k) for k in keys.values()))
    if len(files) <= 1 and not scheduler:
        workers = 1
    pending: deque[tuple[InputFile, str | None, Any]] = deque()
    done = 0

    def finish() -> DocExtraction | str:
        nonlocal done
        f, key, fut = pending.popleft()
        out = fut.result()
        if isinstance(out, bytes):
            if cache is not None and key is not None:
                cache.put(key, out)
            out = loads(out)
        done += 1
        if progress:
            progress(done, len(files), f.id)
        return out

    # the cache's JSON payload only where the cache stores it: without a cache a worker's
    # result travels as the executor's pickle, which the build undoes 3.7x faster (about
    # 1.3 s of the parent's CPU on a 10 MB corpus, on the cores the workers need)
    work = extract_one if cache is None else extract_blob

    def found(f: InputFile, hit: DocExtraction) -> tuple[None, _Done]:
        # the key holds the id, not the path
        return None, _Done(replace(hit, document=replace(hit.document, path=f.id)))

    def job(f: InputFile, submit: Submit) -> tuple[str | None, Any]:
        """The cache key to store the result under (None: nothing to store), and the
        result to come: a cache hit, the problem reading the file, or work submitted."""
        key = keys.get(f.id)
        if key is not None and (hit := cache.get(key)) is not None:
            return found(f, hit)            # its key known ahead: no second read
        try:
            data = read_bytes(f)
        except ReadError as e:
            return None, _Done(str(e))
        if cache is not None and key is None:
            key = cache.key(f.id, data, variant(f))
            if (hit := cache.get(key)) is not None:
                return found(f, hit)
        # outputs name a file by its id, the path under its input folder: never by a local
        # folder (the page's name with its folder still dates it: metas)
        return key, submit(work, f.id, f.id, data, components, metas[f.id])

    with _executor(workers, scheduler) as (submit, window):
        for f in files:
            pending.append((f, *job(f, submit)))
            while len(pending) >= window:
                yield finish()
        while pending:
            yield finish()


def pipeline_components(ner: tuple[str, ...] = DEFAULT_NER) -> list[str]:
    """The extractor components for `ner` (("crf",), the default; ("rules",); ("lac",)),
    checked up front so that a wrong name or a missing model is one message, not a
    failure per page."""
    from .extractors import components_for
    from .extractors.statistical import MissingModel, _lac
    from .tagger import ModelError, tagger
    try:
        comps = components_for(tuple(ner) or DEFAULT_NER)
        if "lac" in comps:
            _lac()
        if "tagger" in comps:
            tagger()
    except (ValueError, MissingModel, ModelError) as e:
        raise UserError(str(e)) from e
    return comps


def extract(paths: list[str | Path], workers: int = 1, progress: Progress | None = None,
            include: tuple[str, ...] = (), exclude: tuple[str, ...] = (),
            ner: tuple[str, ...] = DEFAULT_NER, issue_date: str | None = None,
            page_table: str | Path | None = None) -> tuple[list[dict], list[str]]:
    """Per-document records (GUIDELINES.md schema with mentions) and input problems;
    `page_table` and `issue_date` say what pages do not print (kg.pagemeta)."""
    components = pipeline_components(ner)
    pages = PageTable.load(page_table, issue_date)
    files, problems = find_inputs(paths, include, exclude)
    problems += _unused_rows(pages, page_table, files)
    records = []
    for out in extract_files(files, workers, progress, components=components, pages=pages):
        if isinstance(out, str):
            problems.append(out)
        else:
            problems += out.document.warnings
            records.append(json.loads(out.record_json))
    return records, problems


def _unused_rows(pages: PageTable, page_table: str | Path | None, files: list[InputFile]) -> list[str]:
    """A problem for each row of the page table that names no input file."""
    return [f"{page_table}: row for {f!r} names no input file" for f in pages.unused([x.id for x in files])]


# Errors of writing that name no file (the disk, not a path, is the trouble).
DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def build(paths: list[str | Path], out_dir: str | Path | None = "output", workers: int = 1,
          base_iri: str = DEFAULT_BASE, progress: Progress | None = None,
          include: tuple[str, ...] = (), exclude: tuple[str, ...] = (),
          cache_dir: str | Path | None = None, scheduler: str | None = None,
          ner: tuple[str, ...] = DEFAULT_NER, max_nodes: int | None = DEFAULT_MAX_NODES,
          issue_date: str | None = None, page_table: str | Path | None = None,
          curate: str | Path | None = None) -> BuildResult:
    """Build the knowledge graph of the inputs; write its views to `out_dir` (None: don't write).

    `workers`: extraction processes (0: all cores, one per 2 MB of input).
    `ner` chooses the statistical components: ("crf",) the trained tagger (default),
    ("rules",) none, ("lac",) Baidu LAC; `max_nodes` bounds the
    explorer's first view (kg.html); `cache_dir` keeps each document's extraction for the
    next build (kg.cache);
    `scheduler` (tcp://host:port) runs extraction on that Dask cluster; `page_table`
    (CSV) and `issue_date` (ISO) say what pages do not print (kg.pagemeta); `curate` is
    a researcher's corrections file, applied to the graph before any view (kg.curate). `out_dir` is
    locked for the build (a second build into it raises UserError) and its outputs
    change all at once, as one generation (kg.outputs.Generation). Documents are
    streamed: each one's extraction.jsonl line is written as it arrives and then
    dropped, so `result.docs` hold the extractions without them (see without_text).
    """
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    components = pipeline_components(ner)
    IRIs(base_iri)          # a BadBaseIRI now, not after the extraction
    pages = PageTable.load(page_table, issue_date)
    corrections = curation.load(curate) if curate is not None else []   # a wrong file fails now
    files, problems = find_inputs(paths, include, exclude)
    problems += _unused_rows(pages, page_table, files)
    cache = ExtractionCache(cache_dir) if cache_dir is not None else None
    docs: list[DocExtraction] = []
    notices: list[str] = []
    gen: Generation | None = None
    with ExitStack() as stack:
        if out_dir is not None and files:
            out = Path(out_dir)
            stack.enter_context(build_lock(out))    # before any work: a second build fails at once
            remove_stale_temps(out)                 # left by a build killed while writing
            remove_old_generations(out)
        try:
            with _gc_for_build() as keep:
                for doc in extract_files(files, workers, progress, cache, scheduler, components,
                                         pages):
                    if isinstance(doc, str):
                        problems.append(doc)
                        continue
                    notices += doc.document.warnings
                    if out_dir is not None:
                        if gen is None:     # the first document read: a generation to write
                            gen = Generation(Path(out_dir))
                            spool = stack.enter_context(gen.open("extraction.jsonl"))
                        spool.write(doc.record_json)
                        gen.write(text_path(doc.document.id), [doc.document.raw])
                    docs.append(without_text(doc))
                    keep()
                timings["extract"] = time.perf_counter() - t0
                gc.disable()     # the corpus-wide stages make millions of objects and no cycles
                g = _corpus_graph(docs, timings)
                outcomes = curation.apply(g, corrections, docs)
                t = time.perf_counter()
                add_metrics(g)       # of the corrected graph: a merge or split changes them
                timings["metrics"] = time.perf_counter() - t
                report = _report(g, docs, files, _shareable(problems, paths, page_table), notices)
                if curate is not None:
                    report["corrections"] = outcomes
                if cache is not None:
                    report["cache"] = cache.stats.as_dict()
                result = BuildResult(graph=g, docs=docs, problems=problems, report=report,
                                     timings=timings, notices=notices,
                                     cache_warnings=cache.warnings if cache is not None else [],
                                     corrections=outcomes)
                if gen is not None:     # some document was read: never replace good outputs with nothing
                    spool.close()
                    write_outputs(result, gen, base_iri, max_nodes)
                    gen.commit()
                    gen = None
        except OSError as e:
            if gen is None or e.errno not in DISK_FULL:
                raise
            raise UserError(f"{out_dir}: cannot write the outputs ({e.strerror}); the previous "
                            "outputs are unchanged") from e
        finally:
            if gen is not None:
                gen.discard()
    return result



def without_text(de: DocExtraction) -> DocExtraction:
    """The extraction the corpus stages read, once its extraction.jsonl line and its text
    have been written: a new one without them (`record_json` and `document.raw` empty),
    so the build holds no page's text twice; the graph cites the clean text and offsets,
    which it keeps."""
    return replace(de, record_json="", document=replace(de.document, raw=""))


def _corpus_graph(docs: list[DocExtraction], timings: dict[str, float]) -> nx.MultiDiGraph:
    """Resolve the corpus and build its graph; the resolution's own structures are freed
    on return, before the views are written (a quarter of a big build's peak memory)."""
    t = time.perf_counter()
    entities, posts, relations = resolve_corpus(docs)
    timings["resolve"] = time.perf_counter() - t
    t = time.perf_counter()
    g = build_graph(docs, entities, posts, relations)
    timings["graph"] = time.perf_counter() - t
    return g


def write_outputs(result: BuildResult, gen: Generation, base_iri: str,
                  max_nodes: int | None = DEFAULT_MAX_NODES) -> None:
    """Write the views of `result` into `gen`, which holds its extraction.jsonl already.
    The career spells, which the Turtle and the explorer both show, are made once."""
    t = time.perf_counter()
    gen.write("graph.json", json_pieces(to_node_link(result.graph)))
    result.timings["json"] = time.perf_counter() - t
    t = time.perf_counter()
    careers = Careers(result.graph)
    result.timings["careers"] = time.perf_counter() - t
    t = time.perf_counter()
    gen.write("graph.ttl", iter_turtle(result.graph, base_iri, careers))
    result.timings["turtle"] = time.perf_counter() - t
    t = time.perf_counter()
    gen.write("graph.html", render_pieces(result.graph, max_nodes=max_nodes, careers=careers))
    result.timings["html"] = time.perf_counter() - t
    gen.write("report.json", [dumps_json(result.report)])


def _shareable(problems: list[str], paths: list[str | Path], page_table: str | Path | None) -> list[str]:
    """The problems as report.json records them: the terminal heard of each input as it
    was given (/home/…/in/p.txt), but a report is shared, so a file under an input folder
    is named by its id (p.txt) and any other input by its own name (missing, pages.csv)."""
    given = {printable(str(Path(p))) for p in [*paths, *([page_table] if page_table else [])]}
    if not given:
        return problems
    spelled = re.compile(r"(?<![^\s,'\"])(" + "|".join(map(re.escape, sorted(given, key=len, reverse=True)))
                         + r")(/)?")
    return [spelled.sub(lambda m: "" if m[2] else Path(m[1]).name, p) for p in problems]


def _report(g: nx.MultiDiGraph, docs: list[DocExtraction], files: list[InputFile],
            problems: list[str], notices: list[str]) -> dict:
    """The build's report; `warnings` holds the files that could not contribute
    (`problems`, counted as failed) and the doubts about documents read (`notices`)."""
    types = Counter(n.type for n in nodes(g))
    rels = Counter(f.rel for f in facts(g))
    posts = rels.pop(HOLDS, 0) + sum(len(n.posts) for n in nodes(g))
    return {
        "kg_version": __version__,
        "documents": {"found": len(files), "read": len(docs), "failed": len(problems),
                      "issue_date": dict(sorted(Counter(d.masthead.date_source or "none"
                                                        for d in docs).items()))},
        "articles": sum(len(d.articles) for d in docs),
        "articles_per_document": {d.document.id: len(d.articles) for d in docs},
        "entities": dict(sorted(types.items())),
        "entities_total": g.number_of_nodes(),
        "posts": posts,
        "relations": dict(sorted(rels.items())),
        "facts": posts + sum(rels.values()),
        "warnings": sorted(problems + notices),
    }
