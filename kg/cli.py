"""Command-line interface: a thin layer over kg.pipeline."""
from __future__ import annotations

import os
import sys

import click

from . import __version__
from .outputs import jsonl
from .pipeline import build as build_graph
from .pipeline import extract as extract_records
from .rdf import DEFAULT_BASE


class Progress:
    """Documents processed, rate and time left, on stderr; silent with --quiet."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.bar = None

    def __call__(self, done: int, total: int, name: str) -> None:
        if self.quiet:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label="extracting", file=sys.stderr,
                                         show_pos=True, show_eta=True)
            self.bar.__enter__()
        self.bar.update(1)
        if done == total:
            self.bar.__exit__(None, None, None)


def _workers(n: int | None) -> int:
    return n if n and n > 0 else (os.cpu_count() or 1)


def _fail(msg: str, code: int = 2) -> None:
    click.echo(f"kg: {msg}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """kg: knowledge graphs of officials, agencies, districts, companies and initiatives
    from Chinese local-government newspaper pages."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", "out", default="output", show_default=True, type=click.Path(),
              help="Folder for graph.ttl, graph.html, graph.json, extraction.jsonl, report.json.")
@click.option("--base-iri", default=DEFAULT_BASE, show_default=True, help="Base IRI of entity IRIs.")
@click.option("--include", multiple=True, default=("*.txt",), show_default=True,
              help="Glob of file names to read in folders (repeatable).")
@click.option("--exclude", multiple=True, help="Glob of paths to skip (repeatable).")
@click.option("-j", "--workers", type=int, default=0, help="Worker processes (default: all cores).")
@click.option("-q", "--quiet", is_flag=True, help="No progress output.")
@click.option("--fail-on-error", is_flag=True, help="Exit 1 if any input could not be read.")
def build(paths, out, base_iri, include, exclude, workers, quiet, fail_on_error):
    """Build the knowledge graph of PATHS (.txt files and folders, recursively).

    \b
    Example:
      kg build seeds -o output/
    """
    result = build_graph(list(paths), out, workers=_workers(workers), base_iri=base_iri,
                         progress=Progress(quiet), include=tuple(include), exclude=tuple(exclude))
    for p in result.problems:
        click.echo(f"kg: warning: {p}", err=True)
    if not result.docs:
        _fail("no document could be read; nothing was written" if result.problems
              else "no input files found", 2)
    r = result.report
    if not quiet:
        ents = ", ".join(f"{k} {v}" for k, v in r["entities"].items())
        click.echo(f"{r['documents']['read']} documents, {r['articles']} articles, "
                   f"{r['entities_total']} entities ({ents}), {r['facts']} facts, "
                   f"{len(r['warnings'])} warnings -> {out}/", err=True)
    if fail_on_error and result.problems:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("-j", "--workers", type=int, default=1, show_default=True, help="Worker processes.")
@click.option("-q", "--quiet", is_flag=True, help="No progress output.")
def extract(paths, fmt, workers, quiet):
    """Print the per-document extraction of PATHS (GUIDELINES.md schema, with mentions).

    \b
    Example:
      kg extract seeds --format jsonl > predictions.jsonl
    """
    records, problems = extract_records(list(paths), workers=_workers(workers),
                                        progress=Progress(True))
    for p in problems:
        click.echo(f"kg: warning: {p}", err=True)
    if not records and problems:
        _fail("no document could be read", 2)
    click.echo(jsonl(records), nl=False)


if __name__ == "__main__":
    main()
