"""kg: knowledge graphs of Chinese local-government news.

    from kg import build, extract
    result = build(["seeds"], "output")      # graph, Turtle, HTML, JSON, report
    records, problems = extract(["seeds"])   # per-document records (GUIDELINES.md)
    export("output", "graphml", "graph.graphml")   # any `kg export` format
    stats(load_graph("output"))              # counts, most connected entities

The names above are imported on first use, so a process that needs one module (the
query workers of `kg query` and `kg serve` load only kg.query) does not pay a second
for the extraction pipeline.
"""
from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_LAZY = {"UserError": "errors", "export": "export", "load_graph": "export",
         "BuildResult": "pipeline", "build": "pipeline", "extract": "pipeline", "stats": "stats"}

__all__ = ["__version__", "build", "extract", "BuildResult", "export", "load_graph", "stats",
           "UserError"]


def __getattr__(name: str) -> Any:
    """Import the module that defines a public name on first use (PEP 562)."""
    if name not in _LAZY:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    globals()[name] = value
    return value
