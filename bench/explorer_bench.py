"""The explorer as `kg serve` gives it out, timed in headless Chromium: time to open the
page, and search latency (a query put in the search box -> its results listed), then
selecting a result (-> its panel: the most connected node, one of middling degree) and
the ego view of the latter (-> drawn).

A graph over the page limit (2,000 nodes) is served in parts (kg/explore.py): the page
opens on an overview and asks the server for the rest. The seed graph is under the limit:
its page holds everything and searches in the browser, for comparison.

Each build folder is served by `python -m kg serve` in a child process (SPARQL workers
and all, as a user runs it); times are the page's own clock (performance.now()). Open:
navigation start -> layout stable (`body[data-layout=stable]`), median of --runs fresh
pages. Search: median of --runs per query; queries are names taken from the page (its
most connected node, one of middling degree, their pinyin, one character, a surname, a
name no entity has).

    .venv/bin/python bench/explorer_bench.py [BUILD_DIR ...] [--runs 5] [--chromium PATH]

Without BUILD_DIR it builds the seed pages into a temporary folder and measures that.
    python -m kg build CORPUS -o /tmp/outX --workers 2 -q     # then give /tmp/outX
"""
from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Puts `q` in the search box as one edit and resolves with the ms until the list changes
# to its answer (a served page shows only the answer to the latest query).
SEARCH = """q => new Promise((resolve) => {
  const box = document.getElementById("search"), list = document.getElementById("suggest");
  box.value = ""; box.dispatchEvent(new Event("input"));
  const obs = new MutationObserver(() => {
    if (!list.hidden && list.children.length) { obs.disconnect(); resolve([performance.now() - t, list.children.length]); }
  });
  obs.observe(list, {childList: true, attributes: true});
  const t = performance.now();
  box.value = q; box.dispatchEvent(new Event("input"));
})"""

# Enter on the first result -> that node selected and its panel filled; ms.
SELECT = """() => new Promise((resolve) => {
  const box = document.getElementById("search"), title = document.getElementById("p-title");
  const t = performance.now();
  const obs = new MutationObserver(() => {
    if (kg.net.getSelectedNodes().length && title.textContent !== "kg explorer") {
      obs.disconnect(); resolve(performance.now() - t); }
  });
  obs.observe(document.getElementById("p-body"), {childList: true, subtree: true});
  box.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter"}));
})"""

# The queries: names of the page's own nodes, and one nobody has.
QUERIES = """() => {
  const nodes = kg.data.nodes.filter((n) => n.degree > 0).sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1));
  const hub = nodes[0], mid = nodes[Math.floor(nodes.length / 2)];
  const py = (n) => (n.pinyin || "").replace(/\\s+/g, "");
  return [hub.label, mid.label, py(mid) || mid.label, hub.label[0], "王", "没有这个名字"];
}"""


def serve(build: Path) -> tuple[subprocess.Popen, str, float]:
    """`kg serve build` on a free port: the process, its URL and its start-up seconds."""
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", str(build), "--port", "0"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in proc.stderr:
        m = re.search(r"serving (http://\S+/)", line)
        if m:
            return proc, m.group(1), time.perf_counter() - t
    proc.wait()
    raise RuntimeError(f"kg serve {build} exited with code {proc.returncode}")


def measure(url: str, chromium: str, runs: int) -> dict:
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(profile, executable_path=chromium, headless=True,
                                                   args=CHROMIUM_ARGS, viewport={"width": 1400, "height": 900})
        try:
            opens, walls = [], []
            page = None
            for _ in range(runs):
                if page:
                    page.close()
                page = ctx.new_page()
                errors: list[str] = []
                page.on("pageerror", lambda e: errors.append(str(e)))
                t = time.perf_counter()
                page.goto(url)
                page.wait_for_selector("body[data-layout=stable]", state="attached", timeout=300_000)
                walls.append(time.perf_counter() - t)
                opens.append(page.evaluate("window.kgLayout.stableMs"))
                if errors:
                    raise RuntimeError(f"{url}: {errors}")
            out = {"open_ms": statistics.median(opens), "open_wall_s": statistics.median(walls),
                   "served": page.evaluate("Boolean(kg.data.remote)"),
                   "nodes_in_page": page.evaluate("kg.data.nodes.length"),
                   "status": page.inner_text("#status"), "search": []}
            for q in page.evaluate(QUERIES):
                page.evaluate(SEARCH, q)                      # once unmeasured: warm
                times = [page.evaluate(SEARCH, q) for _ in range(runs)]
                out["search"].append((q, statistics.median(t for t, _ in times), times[0][1]))
            page.evaluate(SEARCH, out["search"][0][0])        # the most connected node
            out["hub_ms"] = page.evaluate(SELECT)
            page.wait_for_selector("body[data-layout=stable]", state="attached")
            out["hub_status"] = page.inner_text("#status")
            q = out["search"][1][0]                           # the node of middling degree
            page.evaluate(SEARCH, q)
            out["select_ms"] = page.evaluate(SELECT)
            page.wait_for_selector("body[data-layout=stable]", state="attached")
            t = page.evaluate("performance.now()")
            page.click("#ego")
            page.wait_for_function("() => /ego view/.test(document.getElementById('status').textContent)")
            page.wait_for_selector("body[data-layout=stable]", state="attached", timeout=300_000)
            out["ego_ms"] = page.evaluate("performance.now()") - t
            out["ego_status"] = page.inner_text("#status")
            return out
        finally:
            ctx.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("builds", nargs="*", type=Path, help="kg build output folders (default: the seeds')")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        builds = args.builds
        if not builds:
            builds = [Path(tmp) / "seed"]
            subprocess.run([sys.executable, "-m", "kg", "build", str(ROOT / "seeds"), "-o", str(builds[0]), "-q"],
                           cwd=ROOT, check=True)
        for build in builds:
            proc, url, startup = serve(build)
            try:
                r = measure(url, args.chromium, args.runs)
            finally:
                proc.terminate()
                proc.wait(timeout=60)
            mode = "served in parts" if r["served"] else "whole page"
            print(f"{build}: {mode}, {r['nodes_in_page']} nodes in the page; server start {startup:.1f} s\n"
                  f"  {r['status']}\n"
                  f"  open (navigation -> stable layout): {r['open_ms']:.0f} ms "
                  f"(wall {r['open_wall_s']:.2f} s; median of {args.runs})")
            for q, ms, shown in r["search"]:
                print(f"  search {q!r}: {ms:.1f} ms ({shown} lines listed)")
            print(f"  select the most connected, {r['search'][0][0]!r} -> panel: {r['hub_ms']:.0f} ms; "
                  f"{r['hub_status']}")
            print(f"  select the first result of {r['search'][1][0]!r} -> panel: {r['select_ms']:.0f} ms\n"
                  f"  its ego view -> drawn: {r['ego_ms']:.0f} ms; {r['ego_status']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
