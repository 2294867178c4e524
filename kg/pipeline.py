"""The library API: read -> segment -> extract -> resolve -> graph -> views.

`extract` gives per-document records; `build` runs the whole pipeline and writes
graph.ttl, graph.html, graph.json, extraction.jsonl and report.json. The CLI is a
thin layer over these two functions.
"""
from __future__ import annotations

import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import networkx as nx

from . import __version__
from .extract import extract_document, to_record
from .graph import build_graph, to_node_link
from .html import write_html
from .model import DocExtraction
from .outputs import atomic_write_text, dumps_json, jsonl
from .rdf import DEFAULT_BASE, serialize
from .reader import InputFile, ReadError, find_inputs, read_document
from .resolve import resolve_corpus

Progress = Callable[[int, int, str], None]


@dataclass
class BuildResult:
    graph: nx.MultiDiGraph
    docs: list[DocExtraction]
    problems: list[str] = field(default_factory=list)
    report: dict = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)


def _extract_one(f: InputFile) -> DocExtraction | str:
    """Worker: one file to its extraction, or the problem that kept it out."""
    try:
        return extract_document(read_document(f))
    except ReadError as e:
        return str(e)


def extract_files(files: list[InputFile], workers: int = 1,
                  progress: Progress | None = None) -> Iterator[DocExtraction | str]:
    """Extract files in input order, on `workers` processes."""
    if workers <= 1 or len(files) <= 1:
        for i, f in enumerate(files):
            out = _extract_one(f)
            if progress:
                progress(i + 1, len(files), f.id)
            yield out
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for i, out in enumerate(pool.map(_extract_one, files, chunksize=1)):
            if progress:
                progress(i + 1, len(files), files[i].id)
            yield out


def extract(paths: list[str | Path], workers: int = 1, progress: Progress | None = None,
            include: tuple[str, ...] = ("*.txt",), exclude: tuple[str, ...] = ()
            ) -> tuple[list[dict], list[str]]:
    """Per-document records (GUIDELINES.md schema with mentions) and input problems."""
    files, problems = find_inputs(paths, include, exclude)
    records = []
    for out in extract_files(files, workers, progress):
        if isinstance(out, str):
            problems.append(out)
        else:
            records.append(to_record(out))
    return records, problems


def build(paths: list[str | Path], out_dir: str | Path | None = "output", workers: int = 1,
          base_iri: str = DEFAULT_BASE, progress: Progress | None = None,
          include: tuple[str, ...] = ("*.txt",), exclude: tuple[str, ...] = ()) -> BuildResult:
    """Build the knowledge graph of the inputs; write its views to `out_dir` (None: don't write)."""
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    files, problems = find_inputs(paths, include, exclude)
    docs: list[DocExtraction] = []
    for out in extract_files(files, workers, progress):
        if isinstance(out, str):
            problems.append(out)
        else:
            docs.append(out)
    timings["extract"] = time.perf_counter() - t0
    t = time.perf_counter()
    entities, posts, relations = resolve_corpus(docs)
    timings["resolve"] = time.perf_counter() - t
    t = time.perf_counter()
    g = build_graph(docs, entities, posts, relations)
    timings["graph"] = time.perf_counter() - t
    report = _report(g, docs, files, problems)
    result = BuildResult(graph=g, docs=docs, problems=problems, report=report, timings=timings)
    if out_dir is not None and docs:      # never replace good outputs with an empty graph
        write_outputs(result, Path(out_dir), base_iri)
    return result


def write_outputs(result: BuildResult, out: Path, base_iri: str = DEFAULT_BASE) -> None:
    out.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    atomic_write_text(out / "extraction.jsonl", jsonl(to_record(d) for d in result.docs))
    atomic_write_text(out / "graph.json", dumps_json(to_node_link(result.graph)))
    result.timings["json"] = time.perf_counter() - t
    t = time.perf_counter()
    atomic_write_text(out / "graph.ttl", serialize(result.graph, "turtle", base_iri))
    result.timings["turtle"] = time.perf_counter() - t
    t = time.perf_counter()
    write_html(result.graph, out / "graph.html")
    result.timings["html"] = time.perf_counter() - t
    atomic_write_text(out / "report.json", dumps_json(result.report))


def _report(g: nx.MultiDiGraph, docs: list[DocExtraction], files: list[InputFile],
            problems: list[str]) -> dict:
    types = Counter(d["type"] for _, d in g.nodes(data=True))
    rels = Counter(d["rel"] for _, _, d in g.edges(data=True))
    posts = rels.pop("holds", 0) + sum(len(d.get("posts", [])) for _, d in g.nodes(data=True))
    return {
        "kg_version": __version__,
        "documents": {"found": len(files), "read": len(docs), "failed": len(problems)},
        "articles": sum(len(d.articles) for d in docs),
        "articles_per_document": {d.document.id: len(d.articles) for d in docs},
        "entities": dict(sorted(types.items())),
        "entities_total": g.number_of_nodes(),
        "posts": posts,
        "relations": dict(sorted(rels.items())),
        "facts": posts + sum(rels.values()),
        "warnings": sorted(problems),
    }
