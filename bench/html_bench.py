"""Time to a stable layout of the explorer page in headless Chromium, and whether it
still responds (search + select of a least-connected node).

Measures the seed graph and a synthetic 5,000-node graph (whole, and capped at the
default max_nodes), each opened offline from a file:// URL. Pages showing up to 800
nodes run physics from kg's seed layout until it converges or 1,000 iterations pass (a
count, not a clock: the same layout on any machine); larger ones open on the seed
layout with physics off (the page's re-layout button runs 200 iterations).
Times are the page's own clock from navigation start; wall time adds browser start-up.

    .venv/bin/python bench/html_bench.py [--nodes 5000] [--chromium /usr/bin/chromium]
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
from playwright.sync_api import sync_playwright

from kg import build
from kg.pinyin import pinyin
from kg.html import DEFAULT_MAX_NODES, TYPE_STYLE, write_html

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
RELS = ["locatedIn", "subOrganizationOf", "runs", "cooperatesWith", "participatesIn"]
HAN = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"


def synthetic_graph(n: int, seed: int = 1) -> nx.MultiDiGraph:
    """A kg-shaped graph of n nodes: preferential attachment, quotes, posts, documents."""
    rnd = random.Random(seed)
    types = list(TYPE_STYLE)
    g = nx.MultiDiGraph()
    g.graph["documents"] = {f"d{i}.txt": {"path": f"d{i}.txt", "paper": "聊城日报", "date": "2022-07-04"}
                            for i in range(50)}
    g.graph["articles"] = {f"d{i}.txt#a{j}": {"title": f"第{j}篇报道", "index": j}
                           for i in range(50) for j in range(5)}

    def src() -> dict:
        d = rnd.randrange(50)
        return {"doc": f"d{d}.txt", "article": f"d{d}.txt#a{rnd.randrange(5)}", "sentence": 0,
                "start": 0, "end": 3, "quote": "区委副书记、区长" + "".join(rnd.sample(HAN, 8)) + "参加会议。"}

    for i in range(n):
        label = "".join(rnd.sample(HAN, 3)) + f"{i}"
        g.add_node(f"n{i}", label=label, type=rnd.choice(types), aliases=[], code="",
                   pinyin=pinyin(label), posts=[],
                   mentions=[dict(src(), text=label) for _ in range(rnd.randint(1, 4))])
    ends: list[int] = [0]
    for i in range(1, n):
        for _ in range(rnd.choice((1, 1, 2))):
            j = rnd.choice(ends)
            if rnd.random() < 0.2:
                g.add_edge(f"n{i}", f"n{j}", key=f"post:局长:{i}", rel="holds", title="局长",
                           as_of="2022-07-04", sources=[src()])
            else:
                rel = rnd.choice(RELS)
                g.add_edge(f"n{i}", f"n{j}", key=rel, rel=rel, sources=[src()])
            ends += [i, j]
    return g


SEARCH = """id => {
  const t = performance.now(), box = document.getElementById("search");
  box.value = kg.data.nodes.find(n => n.id === id).label;
  box.dispatchEvent(new Event("input"));
  box.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter"}));
  return [performance.now() - t, kg.net.getSelectedNodes()[0] === id];
}"""


def time_layout(html: Path, chromium: str, probe: str) -> tuple[dict, float, str, list]:
    """Layout timing (ms since navigation: script start, stable; iterations), wall seconds,
    the status line, and [ms, found] for searching `probe` and selecting it."""
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(profile, executable_path=chromium, headless=True,
                                                   args=CHROMIUM_ARGS, viewport={"width": 1400, "height": 900})
        try:
            page = ctx.new_page()
            page.route("http*://**", lambda route: route.abort())
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            t = time.perf_counter()
            page.goto(html.as_uri())
            page.wait_for_selector("body[data-layout=stable]", state="attached", timeout=300_000)
            wall = time.perf_counter() - t
            if errors:
                raise RuntimeError(f"{html}: {errors}")
            search = page.evaluate(SEARCH, probe)
            return page.evaluate("window.kgLayout"), wall, page.inner_text("#status"), search
        finally:
            ctx.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        seed = build([ROOT / "seeds"], None).graph
        big = synthetic_graph(args.nodes)
        cases = [("seed", seed, DEFAULT_MAX_NODES),
                 (f"synthetic {args.nodes}, max_nodes={DEFAULT_MAX_NODES}", big, DEFAULT_MAX_NODES),
                 (f"synthetic {args.nodes}, max_nodes=None (all)", big, None)]
        for name, g, cap in cases:
            path = tmpd / "page.html"
            t = time.perf_counter()
            write_html(g, path, title=name, max_nodes=cap)
            render_s = time.perf_counter() - t
            probe = min(g.nodes, key=lambda n: (g.degree(n), n))   # off-screen when capped
            layout, wall, status, (search_ms, found) = time_layout(path, args.chromium, probe)
            print(f"{name}: {g.number_of_nodes()} nodes {g.number_of_edges()} edges; "
                  f"render {render_s:.2f} s, {path.stat().st_size / 1e6:.1f} MB\n"
                  f"  stable layout {layout['stableMs'] / 1000:.2f} s after navigation "
                  f"(script start {layout['scriptMs'] / 1000:.2f} s, {layout['iterations']} iterations; "
                  f"wall {wall:.2f} s with browser start)\n"
                  f"  search + select of a least-connected node: {search_ms:.0f} ms, "
                  f"{'found' if found else 'NOT FOUND'}; {status}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
