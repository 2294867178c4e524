"""kg: knowledge graphs of Chinese local-government news.

    from kg import build, extract
    result = build(["seeds"], "output")      # graph, Turtle, HTML, JSON, report
    records, problems = extract(["seeds"])   # per-document records (GUIDELINES.md)
    export("output", "graphml", "graph.graphml")   # any `kg export` format
    stats(load_graph("output"))              # counts, most connected entities

The functions are imported on first use (PEP 562): `import kg` and `kg --help` do not
load networkx, rdflib or numpy. No module shares a name with them (kg.exports,
kg.summary, kg.extraction), so `kg.export` is always the function.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import UserError

__version__ = "0.1.0"

# public name -> the module that defines it
_API = {"build": "pipeline", "extract": "pipeline", "BuildResult": "pipeline",
        "export": "exports", "load_graph": "exports", "stats": "summary"}

__all__ = ["__version__", "build", "extract", "BuildResult", "export", "load_graph", "stats",
           "UserError"]

if TYPE_CHECKING:
    from .exports import export, load_graph
    from .pipeline import BuildResult, build, extract
    from .summary import stats


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value         # looked up once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_API})
