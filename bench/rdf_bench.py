"""Load time and example-query times of pyoxigraph and rdflib, side by side.

Either give an RDF file (a build's graph.ttl or graph.nt, e.g. of a corpus made with
bench/make_corpus.py), or let the bench synthesise one: the seed build's N-Triples
copied N times with every instance IRI renamed per copy (labels stay, so each copy
answers the example queries as the seeds do), until it holds --synth triples.

    python bench/rdf_bench.py output/graph.ttl
    python bench/rdf_bench.py --synth 1000000 --out /tmp/kg-1m.nt
    python bench/rdf_bench.py corpus-out/graph.ttl --bind name=高军国   # a name in that corpus
    python bench/rdf_bench.py out/graph.ttl --serialize out/graph.json  # and RDF writing

Each query runs once per engine (results fully read). For pyoxigraph two times are
given: the query with every cell of its results read as pyoxigraph terms, and kg's
`run` (the same, then made into kg's result terms, as `kg query` and `kg serve` do).
rdflib queries run in a forked
child that is killed after --rdflib-timeout seconds, so one slow query cannot stall
the bench; pyoxigraph queries run in this process.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402
import rdflib  # noqa: E402

from kg.query import RDF_SUFFIXES, RDFLIB_FORMATS, bind_params, run  # noqa: E402
from kg.rdf import DEFAULT_BASE, serialize  # noqa: E402

QUERIES = ROOT / "ontology" / "queries"


def synthesise(triples: int, out: Path) -> int:
    """Write at least `triples` triples of replicated seed graph to `out` (N-Triples)."""
    from kg import build

    seed = serialize(build([ROOT / "seeds"], None, workers=1).graph, "nt")
    lines = seed.count("\n")
    copies = -(-triples // lines)
    with out.open("w", encoding="utf-8") as f:
        for k in range(copies):
            f.write(seed.replace(f"<{DEFAULT_BASE}", f"<{DEFAULT_BASE}r{k}/"))
    return copies * lines


def time_serialize(graph_json: Path, with_rdflib: bool) -> None:
    """Time kg.rdf.serialize of a build's graph.json, and rdflib writing the same triples."""
    import json

    from kg.graph import from_node_link

    g = from_node_link(json.loads(graph_json.read_text(encoding="utf-8")))
    for fmt in ("turtle", "nt"):
        t = time.perf_counter()
        text = serialize(g, fmt)
        print(f"kg.rdf.serialize {fmt:7} {time.perf_counter() - t:8.2f} s  {text.count(chr(10)):,} lines")
    if with_rdflib:
        rg = rdflib.Graph().parse(data=serialize(g, "nt"), format="nt")
        t = time.perf_counter()
        rg.serialize(format="turtle")
        print(f"rdflib turtle writer     {time.perf_counter() - t:8.2f} s  {len(rg):,} triples")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rdflib_query(graph: rdflib.Graph, text: str, conn) -> None:
    t = time.perf_counter()
    rows = len(run(graph, text).rows)
    conn.send((time.perf_counter() - t, rows))


def time_rdflib(graph: rdflib.Graph, text: str, timeout: float) -> tuple[float | None, int | None]:
    """(seconds, rows) of one rdflib query in a forked child, or (None, None) on timeout."""
    parent, child = mp.Pipe(duplex=False)
    proc = mp.get_context("fork").Process(target=_rdflib_query, args=(graph, text, child))
    proc.start()
    ready = parent.poll(timeout)
    result = parent.recv() if ready else (None, None)
    if proc.is_alive():
        proc.kill()
    proc.join()
    return result


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", type=Path, help="RDF file (.ttl, .nt, ...) to load")
    ap.add_argument("--synth", type=int, metavar="TRIPLES", help="synthesise a graph of this many triples")
    ap.add_argument("--out", type=Path, help="where to write the synthesised N-Triples (default: a temp file)")
    ap.add_argument("--queries", type=Path, default=QUERIES, help="folder of .rq files")
    ap.add_argument("--rdflib-timeout", type=float, default=300.0, help="seconds per rdflib query")
    ap.add_argument("--no-rdflib", action="store_true", help="pyoxigraph only")
    ap.add_argument("--serialize", type=Path, metavar="GRAPH_JSON",
                    help="also time writing RDF from this build's graph.json")
    ap.add_argument("--bind", action="append", default=[], metavar="NAME=VALUE",
                    help="parameter value for the queries that have ?NAME (e.g. a name in the corpus)")
    args = ap.parse_args(argv)
    if (args.file is None) == (args.synth is None):
        ap.error("give an RDF file or --synth TRIPLES (one of them)")

    path = args.file
    if args.synth:
        path = args.out or Path(tempfile.mkdtemp(prefix="kg-rdf-bench-")) / "graph.nt"
        t = time.perf_counter()
        n = synthesise(args.synth, path)
        print(f"synthesised {n:,} triples -> {path} in {time.perf_counter() - t:.1f} s")
    if args.serialize:
        time_serialize(args.serialize, not args.no_rdflib)
    fmt = RDF_SUFFIXES[path.suffix.lower()]
    print(f"file: {path} ({path.stat().st_size / 1e6:.1f} MB)")

    t = time.perf_counter()
    store = ox.Store()
    store.bulk_load(path=str(path), format=fmt)
    ox_load = time.perf_counter() - t
    print(f"pyoxigraph load: {ox_load:8.2f} s  {len(store):,} triples  (max RSS {_rss_mb():,.0f} MB)")
    graph = None
    if not args.no_rdflib:
        t = time.perf_counter()
        graph = rdflib.Graph().parse(str(path), format=RDFLIB_FORMATS[fmt])
        print(f"rdflib load:     {time.perf_counter() - t:8.2f} s  {len(graph):,} triples  "
              f"(max RSS {_rss_mb():,.0f} MB)")

    bindings = dict(b.split("=", 1) for b in args.bind)
    print(f"\n{'query':32} {'rows':>8} {'pyoxigraph s':>13} {'kg run s':>9} {'rdflib s':>10} "
          f"{'speed-up':>9}")
    for q in sorted(args.queries.glob("*.rq")):
        text = q.read_text(encoding="utf-8")
        text = bind_params(text, {k: v for k, v in bindings.items() if f"VALUES ?{k} " in text})
        t = time.perf_counter()
        for solution in store.query(text):
            for _ in solution:
                pass
        ox_s = time.perf_counter() - t
        t = time.perf_counter()
        rows = len(run(store, text).rows)
        kg_s = time.perf_counter() - t
        line = f"{q.stem:32} {rows:8,} {ox_s:13.3f} {kg_s:9.3f}"
        if graph is not None:
            rl_s, rl_rows = time_rdflib(graph, text, args.rdflib_timeout)
            if rl_s is None:
                line += f" {'>' + format(args.rdflib_timeout, 'g'):>10} {'':>9}"
            else:
                assert rl_rows == rows, f"{q.stem}: rdflib {rl_rows} rows, pyoxigraph {rows}"
                line += f" {rl_s:10.3f} {rl_s / kg_s if kg_s else float('inf'):8.0f}x"
        print(line, flush=True)


if __name__ == "__main__":
    main()
