"""The served explorer of a graph over the page limit (kg.explore, kg serve): its JSON API
over real HTTP, and the page in real Chromium fetching from it.

The graph is the seed build's with two nodes added (a namesake of 江绍华 and an
organisation whose name is markup), served with the page limit lowered to 60 nodes so
the tests run on a small graph. The browser may reach the server and nothing else.
"""
from __future__ import annotations

import json
import shutil
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode

import networkx as nx
import pytest

from explorer_page import ExplorerPage
from kg.explore import Explorer
from kg.exports import load_graph
from kg.graph import to_node_link
from kg.html import write_html
from kg.metrics import METRICS
from kg.serve import make_server

LIMIT = 60
XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_SCRIPT = "<script>alert(1)</script>"
NAMESAKE = "person-000000namesake"
MARKUP = "organization-0000000xss"


def _node(g: nx.MultiDiGraph, label: str) -> str:
    return next(n for n, d in sorted(g.nodes(data=True)) if d["label"] == label and d["type"] == "Official")


@pytest.fixture(scope="module")
def build_dir(seed_build, tmp_path_factory) -> Path:
    """A build folder: the seed graph with a namesake and a markup name, its graph.ttl,
    and a file page holding the whole of it (to compare the served page with)."""
    _, out = seed_build
    g = load_graph(out)
    quote_ = {"doc": "x.txt", "article": "x.txt#a0", "sentence": 0, "start": 0, "end": 5,
              "quote": f"{XSS_SCRIPT}江绍华{XSS_IMG}", "in_quote": [len(XSS_SCRIPT), len(XSS_SCRIPT) + 3]}
    g.add_node(NAMESAKE, label="江绍华", type="Person", aliases=[], code="", pinyin="jiang shao hua",
               posts=[], mentions=[quote_])
    g.add_node(MARKUP, label=XSS_IMG, type="Organization", aliases=[XSS_SCRIPT], code="", pinyin="",
               posts=[], mentions=[quote_])
    g.add_edge(NAMESAKE, MARKUP, key="participatesIn", rel="participatesIn", sources=[quote_])
    for _, d in g.nodes(data=True):          # recomputed for the graph as it now is
        for m in METRICS:
            d.pop(m, None)
    d = tmp_path_factory.mktemp("served-build")
    shutil.copyfile(out / "graph.ttl", d / "graph.ttl")
    Explorer(g)                              # adds the metrics
    (d / "graph.json").write_text(json.dumps(to_node_link(g), ensure_ascii=False), encoding="utf-8")
    write_html(g, d / "graph.html", max_nodes=None)
    return d


@pytest.fixture(scope="module")
def base(build_dir, serving) -> str:
    with serving(make_server(build_dir, port=0, quiet=True, workers=1, max_nodes=LIMIT)) as url:
        yield url


@pytest.fixture(scope="module")
def graph(build_dir) -> nx.MultiDiGraph:
    return load_graph(build_dir)


def fetch(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.headers["Content-Type"], r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.headers["Content-Type"], e.read().decode("utf-8")


def api(base: str, path: str, **params) -> dict:
    status, ctype, body = fetch(f"{base}/api/{path}" + (f"?{urlencode(params)}" if params else ""))
    assert status == 200 and ctype.startswith("application/json"), (status, body)
    return json.loads(body)


# --- the API -------------------------------------------------------------------------

def test_search_lists_namesakes_ranked_as_the_page_ranks(base, graph):
    official = _node(graph, "江绍华")
    r = api(base, "search", q="江绍华")
    assert r["total"] == 2 and [h["id"] for h in r["hits"]] == [official, NAMESAKE]   # most connected first
    assert all(h["namesakes"] == 2 for h in r["hits"])
    assert "区长 @ 东昌府区" in r["hits"][0]["about"] and r["hits"][1]["about"].startswith("人物")
    assert [h["id"] for h in api(base, "search", q="jsh")["hits"]][:2] == [official, NAMESAKE]
    assert api(base, "search", q="  ")["total"] == 0


def test_node_gives_details_facts_neighbours_and_namesakes(base, graph):
    official = _node(graph, "江绍华")
    r = api(base, f"node/{official}")
    full = r["nodes"][0]
    assert full["id"] == official and "partial" not in full and full["mentions"] and full["spells"]
    assert {e["id"] for e in r["edges"]} and all(official in (e["from"], e["to"]) for e in r["edges"])
    assert len(r["edges"]) == graph.degree(official)
    assert {n["id"] for n in r["nodes"][1:]} == set(nx.all_neighbors(graph, official)) | {NAMESAKE}
    assert all(n["partial"] for n in r["nodes"][1:])
    assert set(r["docs"]) >= {s["doc"] for e in r["edges"] for s in e["sources"]}


def test_neighbourhood_walks_as_the_ego_view_and_is_capped(base, graph):
    official = _node(graph, "江绍华")
    r = api(base, f"neighbourhood/{official}", hops=2)
    u = graph.to_undirected(as_view=True)
    assert {n["id"] for n in r["nodes"]} == set(nx.single_source_shortest_path_length(u, official, cutoff=2))
    inside = {n["id"] for n in r["nodes"]}
    assert len(r["edges"]) == graph.subgraph(inside).number_of_edges() and not r["truncated"]
    types = ",".join(sorted({d["type"] for _, d in graph.nodes(data=True)} - {"District"}))
    r = api(base, f"neighbourhood/{official}", hops=2, types=types)
    assert r["nodes"] and "District" not in {n["type"] for n in r["nodes"]}
    wide = api(base, f"neighbourhood/{official}", hops=4)
    assert len(wide["nodes"]) == LIMIT and wide["truncated"]         # min(EGO_NODES, the page limit)


def test_a_neighbourhood_comes_laid_out_the_same_each_time(base, graph):
    """Positions for every node of it, ties about one spring long, nodes apart: the page
    draws them without physics, so they must be a layout, and the same one."""
    import math
    import statistics

    from kg.html import SPRING

    official = _node(graph, "江绍华")
    r = api(base, f"neighbourhood/{official}", hops=2)
    pos = r["pos"]
    assert set(pos) == {n["id"] for n in r["nodes"]} and len(pos) > 10
    ties = [math.dist(pos[e["from"]], pos[e["to"]]) for e in r["edges"] if e["from"] != e["to"]]
    assert 0.7 * SPRING < statistics.median(ties) < 1.3 * SPRING
    points = sorted(map(tuple, pos.values()))
    assert len(set(points)) == len(points)
    assert min(math.dist(p, q) for i, p in enumerate(points) for q in points[i + 1:]) > SPRING / 20
    assert api(base, f"neighbourhood/{official}", hops=2)["pos"] == pos


def test_path_and_edge(base, graph):
    official = _node(graph, "江绍华")
    r = api(base, "path", **{"from": official, "to": MARKUP})
    assert r["length"] is None and r["nodes"] == []        # the namesake is not linked to him
    r = api(base, "path", **{"from": NAMESAKE, "to": MARKUP})
    assert r["length"] == 1 and {n["id"] for n in r["nodes"]} == {NAMESAKE, MARKUP}
    e = api(base, f"edge/{r['edges'][0]['id']}")["edges"][0]
    assert (e["from"], e["to"], e["rel"]) == (NAMESAKE, MARKUP, "participatesIn")


BAD = [
    ("/api/node/no-such-node", 404), ("/api/node/", 404), ("/api/edge/e99999999", 404),
    ("/api/edge/x", 404), ("/api/nothing", 404), ("/api/search", 400), ("/api/search?q=a&q=b", 400),
    ("/api/search?q=" + "x" * 5000, 400), ("/api/search?q=%ff%fe", 400), ("/api/search?q=a%00b", 400),
    ("/api/neighbourhood/{id}?hops=99", 400), ("/api/neighbourhood/{id}?hops=-1", 400),
    ("/api/neighbourhood/{id}?hops=%D9%A3", 400), ("/api/neighbourhood/{id}?types=Nope", 400),
    ("/api/neighbourhood/%ff", 400), ("/api/path?from={id}", 400),
    ("/api/search?" + "&".join(f"k{i}=1" for i in range(50)), 400),
]


@pytest.mark.parametrize("path, status", BAD)
def test_a_bad_request_gets_4xx_with_a_message_and_the_server_answers_the_next(base, graph, path, status):
    got, ctype, body = fetch(base + path.replace("{id}", quote(_node(graph, "江绍华"))))
    assert got == status and ctype.startswith("text/plain") and body.strip() and "Traceback" not in body
    assert api(base, "search", q="江绍华")["total"] == 2


def test_unicode_and_markup_come_back_as_json_data(base):
    status, ctype, body = fetch(f"{base}/api/search?" + urlencode({"q": "<img"}))
    assert status == 200 and ctype == "application/json; charset=utf-8"
    assert json.loads(body)["hits"][0]["label"] == XSS_IMG
    assert api(base, "search", q="𠀀😀")["total"] == 0


def test_sparql_and_a_small_graph_are_served_as_before(base, seed_build):
    status, _, body = fetch(f"{base}/sparql?" + urlencode(
        {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Official }"}))
    assert status == 200 and json.loads(body)["results"]["bindings"]
    server = make_server(seed_build[1], port=0, quiet=True, workers=1)     # under the limit
    try:
        assert server.RequestHandlerClass.endpoint.page == (seed_build[1] / "graph.html").read_bytes()
        assert server.RequestHandlerClass.endpoint.explorer is None        # graph.json is not held
    finally:
        server.server_close()


def test_the_report_decides_whether_graph_json_is_read(seed_build, tmp_path, monkeypatch):
    """A build's report.json counts its nodes: under the page limit graph.json is never
    parsed (its index held 1.3 GB at 50 MB of text); over it, or with no report, it is."""
    import kg.exports
    from kg.serve import explorer_for

    read: list[Path] = []
    load = kg.exports.load_graph
    monkeypatch.setattr(kg.exports, "load_graph", lambda p: read.append(Path(p)) or load(p))
    out = seed_build[1]
    nodes = json.loads((out / "report.json").read_text(encoding="utf-8"))["entities_total"]
    assert explorer_for(out, nodes) is None and read == []
    ex = explorer_for(out, nodes - 1)
    assert ex is not None and ex.large and len(read) == 1
    shutil.copyfile(out / "graph.json", tmp_path / "graph.json")              # no report: graph.json says
    assert explorer_for(tmp_path, nodes) is None and len(read) == 2
    assert explorer_for(tmp_path, nodes - 1) is not None


# --- the page in Chromium ---------------------------------------------------------------

class Page(ExplorerPage):
    """A page that may reach the server only; records its API requests."""

    def __init__(self, context, base: str):
        super().__init__(context)
        self.base = base
        self.api: list[str] = []
        self.elsewhere: list[str] = []
        self.page.route("**/*", self._route)

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(self.base + "/"):
            if url.startswith(self.base + "/api/"):
                self.api.append(url[len(self.base):])
            route.continue_()
        else:
            self.elsewhere.append(url)
            route.abort()

    def open(self, fragment: str = "") -> "Page":
        self.page.goto(self.base + "/" + fragment)
        self.settle()
        return self

    def wait_visible(self, ids: set[str]) -> None:
        """Wait until the shown nodes are `ids` (a fetch and a layout may be under way)."""
        for _ in range(100):
            if self.visible_ids() == ids:
                break
            self.page.wait_for_timeout(100)
        self.settle()
        assert self.visible_ids() == ids

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def page(browser_context, base):
    p = Page(browser_context, base)
    yield p
    assert p.elsewhere == [] and p.dialogs == [] and p.errors == []
    p.close()


def test_the_served_page_opens_on_the_overview(page, graph):
    page.open()
    hubs = set(sorted(graph, key=lambda n: (-graph.degree(n), -len(graph.nodes[n]["mentions"]), n))[:LIMIT])
    assert page.js("kg.data.nodes.length") == LIMIT and page.visible_ids() == hubs
    facts = graph.number_of_edges() + sum(len(d["posts"]) for _, d in graph.nodes(data=True))
    assert page.page.inner_text("#status").startswith(f"{graph.number_of_nodes()} entities · {facts} facts")
    assert "fetched from the server" in page.page.inner_text("#notice")
    assert page.api == []                    # the overview comes with the page


def test_search_results_come_from_the_server_with_namesakes(page, build_dir, browser_context, graph):
    page.open()
    official = _node(graph, "江绍华")
    page.page.fill("#search", "江绍华")
    page.page.wait_for_selector("#suggest li")
    items = page.page.locator("#suggest li")
    assert items.count() == 2 and any(u.startswith("/api/search?q=") for u in page.api)
    assert items.nth(0).get_attribute("title") == "2 entities are called 江绍华"
    assert "区长 @ 东昌府区" in items.nth(0).inner_text() and "人物" in items.nth(1).inner_text()
    page.page.press("#search", "Enter")
    page.page.wait_for_function("id => kg.net.getSelectedNodes()[0] === id", arg=official)
    assert page.page.inner_text("#p-title") == "江绍华" and "区长" in page.page.inner_text("#p-body")
    assert "2 entities are called 江绍华" in page.page.inner_text("#p-body")


@pytest.mark.parametrize("query", ["区", "dong", "jsh", "东昌府", "<img"])
def test_served_search_lists_what_the_whole_page_lists(page, build_dir, browser_context, query):
    """The server ranks as the page does: the list shown is the file page's."""
    whole = browser_context.new_page()
    try:
        whole.route("http*://**", lambda r: r.abort())
        whole.goto((build_dir / "graph.html").as_uri())
        whole.fill("#search", query)
        expected = whole.locator("#suggest li").all_inner_texts()
    finally:
        whole.close()
    page.open()
    page.page.fill("#search", query)
    page.page.wait_for_selector("#suggest li")
    assert page.page.locator("#suggest li").all_inner_texts() == expected


def test_select_fetches_the_node_and_ego_view_the_neighbourhood(page, base, graph):
    page.open()
    official = _node(graph, "江绍华")
    page.js("id => kg.select(id)", official)
    page.page.wait_for_function("() => document.getElementById('p-title').textContent === '江绍华'")
    assert any(u.startswith("/api/node/") for u in page.api)
    assert page.js("id => kg.data.nodes.find(n => n.id === id).partial", official) is False
    page.page.select_option("#depth", "2")
    page.page.click("#ego")
    want = {n["id"] for n in api(base, f"neighbourhood/{official}", hops=2)["nodes"]}
    page.wait_visible(want - {n for n in want if graph.degree(n) == 0})
    assert any(u.startswith("/api/neighbourhood/") and "hops=2" in u for u in page.api)
    assert "(ego view)" in page.page.inner_text("#status")
    shown_edges = page.js("kg.edges.get({filter: e => !e.hidden}).length")
    assert shown_edges == graph.subgraph(page.visible_ids()).number_of_edges()
    # drawn where the server laid it out (moved so the centre stays put), no physics run
    laid = api(base, f"neighbourhood/{official}", hops=2)["pos"]
    drawn = page.js("ids => kg.net.getPositions(ids)", sorted(page.visible_ids()))
    c = drawn[official]
    assert all(abs(drawn[n]["x"] - c["x"] - (laid[n][0] - laid[official][0])) < 1 and
               abs(drawn[n]["y"] - c["y"] - (laid[n][1] - laid[official][1])) < 1 for n in drawn)


def test_a_hidden_type_stays_hidden_in_a_served_ego_view(page, base, graph):
    page.open()
    official = _node(graph, "江绍华")
    page.page.locator('#types input[data-key="District"]').uncheck()
    page.js("id => kg.select(id)", official)
    page.page.wait_for_function("() => document.getElementById('p-title').textContent === '江绍华'")
    page.page.select_option("#depth", "2")
    page.page.click("#ego")
    types = ",".join(t for t in sorted({d["type"] for _, d in graph.nodes(data=True)}) if t != "District")
    want = {n["id"] for n in api(base, f"neighbourhood/{official}", hops=2, types=types)["nodes"]}
    page.wait_visible(want)
    assert not {n for n in page.visible_ids() if graph.nodes[n]["type"] == "District"}
    assert any("types=" in u and "District" not in u.split("types=")[1] for u in page.api)
    page.page.locator('#types input[data-key="District"]').check()    # walks again, through them
    wider = {n["id"] for n in api(base, f"neighbourhood/{official}", hops=2)["nodes"]}
    page.wait_visible({n for n in wider if graph.degree(n)})
    assert {n for n in page.visible_ids() if graph.nodes[n]["type"] == "District"}


def test_an_edge_shows_its_evidence_and_markup_stays_text(page, graph):
    page.open()
    page.page.fill("#search", "<img")
    page.page.wait_for_selector("#suggest li")
    assert XSS_IMG in page.page.locator("#suggest li").first.inner_text()
    page.page.press("#search", "Enter")
    page.page.wait_for_function("id => kg.net.getSelectedNodes()[0] === id", arg=MARKUP)
    assert page.page.inner_text("#p-title") == XSS_IMG and XSS_SCRIPT in page.page.inner_text("#p-body")
    eid = page.js("id => kg.data.edges.find(e => e.to === id).id", MARKUP)
    page.js("e => kg.showEdge(e)", eid)
    page.page.wait_for_function("() => document.getElementById('p-body').textContent.includes('Evidence')")
    assert page.page.locator("#p-body .quote mark").first.inner_text() == "江绍华"
    assert page.page.locator("#p-body img, #p-body script").count() == 0


def test_a_link_to_a_view_fetches_what_it_names(page, base, graph):
    official = _node(graph, "江绍华")
    page.open(f"#node={official}&hops=1")
    want = {n["id"] for n in api(base, f"neighbourhood/{official}", hops=1)["nodes"]}
    page.wait_visible(want)
    assert page.page.inner_text("#p-title") == "江绍华"
    page.js("id => kg.select(id)", NAMESAKE)                   # the path finder, served
    page.page.wait_for_function("id => kg.net.getSelectedNodes()[0] === id", arg=NAMESAKE)
    page.page.keyboard.press("p")
    page.js("id => kg.select(id)", MARKUP)
    page.page.wait_for_function("() => document.getElementById('p-title').textContent === '路径 Path'")
    assert "1 shortest path of 1 hop" in page.page.inner_text("#p-body")


def test_a_bad_api_request_gets_4xx_and_the_page_goes_on(page, graph):
    page.open()
    got = page.js("""async () => {
      const out = [];
      for (const u of ["/api/node/nope", "/api/search?q=" + "x".repeat(5000), "/api/neighbourhood/x?hops=9",
                       "/api/search?q=%ff"]) {
        const r = await fetch(u);
        out.push([r.status, await r.text()]);
      }
      return out; }""")
    assert [s for s, _ in got] == [404, 400, 404, 400] and all(t.strip() for _, t in got)
    page.js("kg.select('no-such-node')")                       # the page says so and lives
    page.page.wait_for_function("() => document.getElementById('status').textContent.includes('(404)')")
    page.page.fill("#search", "江绍华")
    page.page.wait_for_selector("#suggest li")
    assert page.page.locator("#suggest li").count() == 2
    # Chromium logs each 4xx answer to a fetch as a console error
    page.errors[:] = [e for e in page.errors if "the server responded with a status of 4" not in e]


POSTS = """() => [...document.querySelectorAll("#p-body .fact.post")].map(f => ({
    line: f.firstChild.innerText,
    reports: [...f.querySelectorAll(".report")].map(r => [...r.querySelectorAll(".quote")].map(q => q.textContent))}))"""


@pytest.mark.parametrize("label", ["江绍华", "东昌府区"])
def test_served_posts_and_period_are_the_file_pages(page, build_dir, browser_context, graph, label):
    """A served node carries what the file page's does (spells with their reports, the
    dates of its evidence): its posts are listed alike, and a period chosen shows the
    same of the part fetched (a body's posts are its holders', from its `holds` edges)."""
    n = next(x for x, d in sorted(graph.nodes(data=True)) if d["label"] == label and d["type"] != "Person")
    day = "2022-07-01"

    def look(p) -> tuple[list, list, set[str]]:
        p.evaluate("id => kg.select(id)", n)
        p.wait_for_function(f"() => document.getElementById('p-title').textContent === {json.dumps(label)}")
        before = p.evaluate(POSTS)
        i = p.evaluate("d => kg.data.dates.indexOf(d)", day)
        p.fill("#period-from", str(i))
        p.fill("#period-to", str(i))
        p.uncheck("#period-undated")
        shown = set(p.evaluate("kg.nodes.get({filter: n => !n.hidden}).map(n => n.id)"))
        return before, p.evaluate(POSTS), shown

    whole = browser_context.new_page()
    try:
        whole.route("http*://**", lambda r: r.abort())
        whole.goto((build_dir / "graph.html").as_uri())
        whole.wait_for_selector("body[data-layout=stable]", state="attached", timeout=60_000)
        posts, in_period, whole_shown = look(whole)
    finally:
        whole.close()
    page.open()
    overview = page.visible_ids()
    served = look(page.page)
    assert posts and any(r for p in posts for r in p["reports"]) and len(in_period) < len(posts)
    assert served[:2] == (posts, in_period)
    assert served[2] and served[2] == whole_shown & (overview | {n})
