"""kg: knowledge graphs of Chinese local-government news.

    from kg import build, extract
    result = build(["seeds"], "output")      # graph, Turtle, HTML, JSON, report
    records, problems = extract(["seeds"])   # per-document records (GUIDELINES.md)
    export("output", "graphml", "graph.graphml")   # any `kg export` format
    stats(load_graph("output"))              # counts, most connected entities
"""
__version__ = "0.1.0"

from .errors import UserError  # noqa: E402
from .export import export, load_graph  # noqa: E402
from .pipeline import BuildResult, build, extract  # noqa: E402
from .stats import stats  # noqa: E402

__all__ = ["__version__", "build", "extract", "BuildResult", "export", "load_graph", "stats",
           "UserError"]
