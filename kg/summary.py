"""What a build contains, at a glance: the numbers a researcher checks before trusting it."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import networkx as nx

from .defaults import RANKINGS
from .errors import UserError
from .graph import articles, documents, facts, node, nodes
from .metrics import ensure_metrics
from .model import ENTITY_TYPES
from .types import HOLDS


def ranking(g: nx.MultiDiGraph, by: str = "degree",
            entity_type: str | None = None) -> list[tuple[str, float]]:
    """(id, value) of the entities (of `entity_type`, when given) by the metric `by`, highest
    first, ties by id."""
    if by not in RANKINGS:
        raise UserError(f"cannot rank by {by!r}; choose one of: {', '.join(RANKINGS)}")
    if entity_type is not None and entity_type not in ENTITY_TYPES:
        raise UserError(f"unknown entity type {entity_type!r}; choose one of: {', '.join(ENTITY_TYPES)}")
    if by == "degree":          # the one a graph always has: no metrics needed
        values = dict(g.degree())
    else:
        ensure_metrics(g)
        values = {n.id: n.metric(by) for n in nodes(g)}
    return sorted(((n, v) for n, v in values.items()
                   if entity_type is None or node(g, n).type == entity_type),
                  key=lambda x: (-x[1], x[0]))


def stats(g: nx.MultiDiGraph, top: int = 10, report: dict | None = None,
          entity_type: str | None = None, by: str = "degree") -> dict:
    """Counts per entity type and relation, the `top` entities (of `entity_type`, when given)
    ranked `by` a metric (degree: the most connected), documents, articles, and the
    build's warnings (from its report.json, when given)."""
    types = Counter(n.type for n in nodes(g))
    rels = Counter(f.rel for f in facts(g))
    # Posts without a known organisation are node attributes, not edges; count them as
    # "holds" too, so the number is the posts read (as report.json counts them).
    node_posts = sum(len(n.posts) for n in nodes(g))
    if node_posts:
        rels[HOLDS] += node_posts
    ranked = ranking(g, by, entity_type)[:top]
    return {
        "documents": len(documents(g)),
        "articles": len(articles(g)),
        "entities": dict(sorted(types.items())),
        "entities_total": g.number_of_nodes(),
        "relations": dict(sorted(rels.items())),
        "facts": sum(rels.values()),
        "most_connected": [{"id": n, "label": node(g, n).label, "type": node(g, n).type,
                            "degree": g.degree(n), by: v} for n, v in ranked],
        "ranked_by": by,
        "ranked_type": entity_type,
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


def _value(v: float) -> str:
    """A metric in a column: counts as they are, shares to six places."""
    return f"{v:>4}" if isinstance(v, int) else f"{v:.6f}"


def format_stats(s: dict) -> str:
    """The stats as an aligned plain-text table, for reading in a terminal."""
    lines = [f"documents  {s['documents']}", f"articles   {s['articles']}",
             f"entities   {s['entities_total']}"]
    lines += [f"  {k:<14}{v:>6}" for k, v in s["entities"].items()]
    lines.append(f"facts      {s['facts']}")
    lines += [f"  {k:<18}{v:>6}" for k, v in s["relations"].items()]
    by, kind = s.get("ranked_by", "degree"), s.get("ranked_type")
    if by == "degree" and kind is None:
        lines.append(f"most connected (top {len(s['most_connected'])})")
    else:
        lines.append(f"top {len(s['most_connected'])} {kind or 'entities'} by {by}")
    lines += [f"  {_value(e[by])}  {e['label']} ({e['type']}, {e['id']})"
              for e in s["most_connected"]]
    if s["warnings"] is None:
        lines.append("warnings   unknown (no report.json beside the graph)")
    else:
        lines.append(f"warnings   {len(s['warnings'])}")
        lines += [f"  {w}" for w in s["warnings"]]
    return "\n".join(lines) + "\n"
