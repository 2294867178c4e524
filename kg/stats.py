"""What a build contains, at a glance: the numbers a researcher checks before trusting it."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import networkx as nx

from .errors import UserError


def stats(g: nx.MultiDiGraph, top: int = 10, report: dict | None = None) -> dict:
    """Counts per entity type and relation, the `top` most connected entities, documents,
    articles, and the build's warnings (from its report.json, when given)."""
    types = Counter(d["type"] for _, d in g.nodes(data=True))
    rels = Counter(d["rel"] for _, _, d in g.edges(data=True))
    # Posts without a known organisation are node attributes, not edges; count them as
    # "holds" too, so the number is the posts read (as report.json counts them).
    node_posts = sum(len(d.get("posts", [])) for _, d in g.nodes(data=True))
    if node_posts:
        rels["holds"] += node_posts
    degree = sorted(((deg, n) for n, deg in g.degree()), key=lambda x: (-x[0], x[1]))
    return {
        "documents": len(g.graph.get("documents", {})),
        "articles": len(g.graph.get("articles", {})),
        "entities": dict(sorted(types.items())),
        "entities_total": g.number_of_nodes(),
        "relations": dict(sorted(rels.items())),
        "facts": sum(rels.values()),
        "most_connected": [{"id": n, "label": g.nodes[n]["label"], "type": g.nodes[n]["type"],
                            "degree": deg} for deg, n in degree[:top]],
        # None, not [], when there is no report: "no warnings" would be a claim we can't make.
        "warnings": None if report is None else sorted(report.get("warnings", [])),
    }


def read_report(graph_path: str | Path) -> dict | None:
    """report.json beside the graph, or None when the build folder has none."""
    p = Path(graph_path)
    p = (p if p.is_dir() else p.parent) / "report.json"
    if not p.exists():
        return None
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise UserError(f"{p}: not a kg report ({e}); rebuild with `kg build`") from e


def format_stats(s: dict) -> str:
    """The stats as an aligned plain-text table, for reading in a terminal."""
    lines = [f"documents  {s['documents']}", f"articles   {s['articles']}",
             f"entities   {s['entities_total']}"]
    lines += [f"  {k:<14}{v:>6}" for k, v in s["entities"].items()]
    lines.append(f"facts      {s['facts']}")
    lines += [f"  {k:<18}{v:>6}" for k, v in s["relations"].items()]
    lines.append(f"most connected (top {len(s['most_connected'])})")
    lines += [f"  {e['degree']:>4}  {e['label']} ({e['type']}, {e['id']})"
              for e in s["most_connected"]]
    if s["warnings"] is None:
        lines.append("warnings   unknown (no report.json beside the graph)")
    else:
        lines.append(f"warnings   {len(s['warnings'])}")
        lines += [f"  {w}" for w in s["warnings"]]
    return "\n".join(lines) + "\n"
