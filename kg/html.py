"""Interactive HTML view of the graph: pyvis network, everything inlined, works offline.

pyvis's own templates load vis-network and Bootstrap from CDNs, so the page is
rendered from kg's template with vis-network's JavaScript and CSS read from the
pyvis package and inlined. Document text reaches the page only as JSON data
(script-safe escaped) and is put into the DOM with textContent, never as HTML.
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import networkx as nx
from pyvis.network import Network

TYPE_STYLE = {
    "Official": ("#d62728", "dot"), "Person": ("#ff9896", "dot"), "Agency": ("#1f77b4", "box"),
    "District": ("#2ca02c", "triangle"), "Company": ("#9467bd", "diamond"),
    "Organization": ("#17becf", "square"), "Initiative": ("#ff7f0e", "star"),
    "Place": ("#8c564b", "triangleDown"),
}
REL_COLOR = {"holds": "#d62728", "locatedIn": "#2ca02c", "subOrganizationOf": "#1f77b4",
             "subsidiaryOf": "#9467bd", "runs": "#ff7f0e", "cooperatesWith": "#17becf",
             "participatesIn": "#e377c2"}


def _vis_assets() -> tuple[str, str]:
    lib = resources.files("pyvis") / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), \
        (lib / "vis-network.css").read_text(encoding="utf-8")


def _script_json(obj) -> str:
    """JSON safe inside <script>: no '</', '<!--' or U+2028 can end or break the block."""
    return (json.dumps(obj, ensure_ascii=False, sort_keys=True)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def network(g: nx.MultiDiGraph) -> Network:
    """The pyvis Network of the graph (nodes styled by type, edges by relation)."""
    net = Network(height="100%", width="100%", directed=True, cdn_resources="remote")
    for n, d in sorted(g.nodes(data=True)):
        color, shape = TYPE_STYLE[d["type"]]
        net.add_node(n, label=d["label"], title=f'{d["label"]} ({d["type"]}) {d.get("pinyin", "")}',
                     color=color, shape=shape, group=d["type"], value=max(1, len(d.get("mentions", []))))
    for h, t, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        label = d.get("title") if d["rel"] == "holds" else d["rel"]
        net.add_edge(h, t, label=label, title=label, color=REL_COLOR.get(d["rel"], "#999"),
                     arrows="to")
    return net


def render(g: nx.MultiDiGraph, title: str = "kg") -> str:
    net = network(g)
    js, css = _vis_assets()
    details = {n: {"label": d["label"], "type": d["type"], "aliases": d.get("aliases", []),
                   "pinyin": d.get("pinyin", ""), "code": d.get("code", ""),
                   "posts": d.get("posts", []),
                   "mentions": d.get("mentions", [])[:20]}
               for n, d in g.nodes(data=True)}
    for h, t, k, d in g.edges(keys=True, data=True):
        if d["rel"] == "holds":
            details[h]["posts"] = details[h]["posts"] + [
                {"title": d["title"], "as_of": d.get("as_of", ""), "org": g.nodes[t]["label"],
                 "sources": d.get("sources", [])}]
    template = (resources.files("kg") / "templates" / "graph.html").read_text(encoding="utf-8")
    return (template
            .replace("/*VIS_CSS*/", css)
            .replace("/*VIS_JS*/", js.replace("</script", "<\\/script"))
            .replace("/*NODES*/null", _script_json(json.loads(json.dumps(net.nodes))))
            .replace("/*EDGES*/null", _script_json(json.loads(json.dumps(net.edges))))
            .replace("/*DETAILS*/null", _script_json(details))
            .replace("/*STYLES*/null", _script_json(TYPE_STYLE))
            .replace("/*TITLE*/null", _script_json(title)))


def write_html(g: nx.MultiDiGraph, path: Path, title: str = "kg") -> None:
    from .outputs import atomic_write_text
    atomic_write_text(path, render(g, title))
