"""kg: knowledge graphs of Chinese local-government news.

    from kg import build, extract
    result = build(["seeds"], "output")      # graph, Turtle, HTML, JSON, report
    records, problems = extract(["seeds"])   # per-document records (GUIDELINES.md)
"""
__version__ = "0.1.0"

from .pipeline import BuildResult, build, extract  # noqa: E402

__all__ = ["__version__", "build", "extract", "BuildResult"]
