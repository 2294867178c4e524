"""The explorer page in real Chromium, offline: it loads cleanly, counts every node,
searches, filters, shows evidence on click, and never runs document text.

Chromium is Debian's (/usr/bin/chromium, installed by `make test` via .ci/install-browser);
Playwright drives it. Every http(s) request is aborted and recorded, so a page that
needed the network fails here.
"""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from explorer_page import ExplorerPage
from kg import build
from kg.html import ego_subgraph, write_html

XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_SCRIPT = "<script>alert(1)</script>"


class Page(ExplorerPage):
    """graph.html opened from a file; every network request is recorded and refused."""

    def __init__(self, context):
        super().__init__(context)
        self.requests: list[str] = []
        self.page.route("http*://**", self._block)

    def _block(self, route) -> None:
        self.requests.append(route.request.url)
        route.abort()

    def open(self, path: Path, fragment: str = "") -> "Page":
        """Open the page at `path`, on the view a link's `fragment` (#node=…) names."""
        self.page.goto(Path(path).resolve().as_uri() + fragment)
        self.settle()
        return self

    def click_node(self, node_id: str) -> None:
        """Click a node where it is drawn, after centring it so nothing covers it."""
        self.js("id => kg.net.moveTo({position: kg.net.getPosition(id), scale: 2})", node_id)
        box = self.page.locator("#net").bounding_box()
        xy = self.js("id => kg.net.canvasToDOM(kg.net.getPosition(id))", node_id)
        self.page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])
        # the next click lands on the same (centre) point: keep it from reading as a double click
        self.page.wait_for_timeout(350)


@pytest.fixture(scope="module")
def seed_page(seed_build, browser_context):
    """The seed build's graph.html, opened once for the read-mostly checks below."""
    _, out = seed_build
    page = Page(browser_context).open(out / "graph.html")
    yield page
    page.page.close()


def _node(g: nx.MultiDiGraph, label: str) -> str:
    return next(n for n, d in g.nodes(data=True) if d["label"] == label)


def _connected(g: nx.MultiDiGraph) -> set[str]:
    """The nodes a page shows by default: those some fact links to another."""
    return {n for n in g if g.degree(n)}


def _click_empty(page: Page) -> None:
    """Click a point of the canvas where no node or edge lies."""
    box = page.page.locator("#net").bounding_box()
    for fx, fy in ((0.02, 0.02), (0.98, 0.02), (0.02, 0.98), (0.98, 0.98), (0.5, 0.02)):
        xy = {"x": box["width"] * fx, "y": box["height"] * fy}
        if page.js("p => kg.net.getNodeAt(p) === undefined && kg.net.getEdgeAt(p) === undefined", xy):
            page.page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])
            page.page.wait_for_timeout(350)
            return
    raise AssertionError("no empty point on the canvas")


def test_seed_page_loads_offline_without_errors(seed_build, seed_page):
    result, _ = seed_build
    n = result.graph.number_of_nodes()
    assert seed_page.errors == []
    assert seed_page.requests == []
    assert seed_page.js("kg.nodes.length") == n
    assert seed_page.js("kg.edges.length") == result.graph.number_of_edges()
    assert seed_page.page.inner_text("#status").startswith(f"{n} entities")
    # the seed graph is under max_nodes: all it hides is its unconnected nodes
    assert seed_page.visible_ids() == _connected(result.graph)
    assert seed_page.page.locator("#notice").is_hidden()


def test_the_page_names_no_local_folder(seed_build, seed_page):
    from conftest import SEEDS

    data = seed_page.js("JSON.stringify(kg.data)")
    assert str(SEEDS.parent) not in data and "seeds/" not in data
    assert set(seed_page.js("Object.keys(kg.data.docs)")) <= set(seed_build[0].graph.graph["documents"])


def test_unconnected_nodes_wait_behind_a_toggle_that_counts_them(seed_build, seed_page):
    g = seed_build[0].graph
    lonely = set(g) - _connected(g)
    assert lonely and seed_page.visible_ids() == _connected(g)
    assert seed_page.page.inner_text("#isolated-row").split()[-1] == str(len(lonely))
    seed_page.page.check("#isolated")
    try:
        assert seed_page.visible_ids() == set(g)
    finally:
        seed_page.page.uncheck("#isolated")
    assert seed_page.visible_ids() == _connected(g)
    one = min(lonely)                                  # search still reaches each of them
    seed_page.js("id => kg.select(id)", one)
    assert seed_page.visible_ids() == _connected(g) | {one}
    _click_empty(seed_page)                            # and it goes when unselected
    assert seed_page.visible_ids() == _connected(g)


# Records the text drawn on any canvas with its font size in screen pixels.
SPY_TEXT = """() => { window.drawn = []; const f = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y) {
    const px = parseFloat(/([\\d.]+)px/.exec(this.font)[1]) * this.getTransform().a / devicePixelRatio;
    window.drawn.push([String(text), px]); return f.apply(this, arguments); }; }"""


def test_the_top_hubs_are_labelled_readably_at_the_fitted_zoom(seed_build, browser_context):
    g = seed_build[0].graph
    page = Page(browser_context).open(seed_build[1] / "graph.html")
    hubs = sorted(_connected(g), key=lambda n: (-g.degree(n), n))[:12]
    page.js(SPY_TEXT)
    page.js("kg.net.fit()")
    page.js("kg.net.redraw()")
    page.page.wait_for_timeout(200)
    size: dict[str, float] = {}
    for text, px in page.js("window.drawn"):
        size[text] = max(px, size.get(text, 0))
    assert all(size.get(g.nodes[n]["label"], 0) >= 12 for n in hubs), \
        {g.nodes[n]["label"]: size.get(g.nodes[n]["label"]) for n in hubs}
    assert page.errors == []
    page.page.close()


def test_selecting_a_node_dims_all_but_its_neighbours(seed_build, seed_page):
    g = seed_build[0].graph
    target = _node(g, "江绍华")
    near = set(nx.all_neighbors(g, target)) | {target}
    fills = "kg.nodes.get({filter: n => !n.hidden}).map(n => [n.id, n.color.background])"
    _click_empty(seed_page)                            # nothing selected: nothing faded
    normal = dict(seed_page.js(fills))
    assert len(set(normal.values())) == len(seed_page.js("Object.keys(kg.data.types)"))
    seed_page.js("id => kg.select(id)", target)
    lit = dict(seed_page.js(fills))
    assert {n for n in lit if lit[n] != normal[n]} == set(lit) - near
    assert len({lit[n] for n in set(lit) - near}) == 1                # one faded colour
    edges = dict(seed_page.js("kg.edges.get({filter: e => !e.hidden}).map(e => [e.id, e.color.color])"))
    own = set(seed_page.js("id => kg.edges.get({filter: e => e.from === id || e.to === id}).map(e => e.id)",
                           target))
    assert len({edges[e] for e in set(edges) - own}) == 1 and not {edges[e] for e in own} & \
        {edges[e] for e in set(edges) - own}
    _click_empty(seed_page)
    assert dict(seed_page.js(fills)) == normal


@pytest.mark.parametrize("query", ["江绍华", "jiangshaohua", "Jiang Shao Hua"])
def test_search_focuses_a_named_official(seed_build, seed_page, query):
    result, _ = seed_build
    target = _node(result.graph, "江绍华")
    seed_page.page.fill("#search", query)
    seed_page.page.press("#search", "Enter")
    assert seed_page.js("kg.net.getSelectedNodes()") == [target]
    assert seed_page.page.inner_text("#p-title") == "江绍华"
    assert "区长" in seed_page.page.inner_text("#p-body")       # its post, with the quote


def test_a_persons_panel_shows_the_career_with_dates(seed_build, seed_page):
    seed_page.page.fill("#search", "柳庆发")
    seed_page.page.press("#search", "Enter")
    body = seed_page.page.inner_text("#p-body")
    assert "职务 Posts (3 posts, " in body
    assert "5月21日 (year unknown) – 9月19日 (year unknown)" in body and "副厅级" in body
    seed_page.page.fill("#search", "江绍华")
    seed_page.page.press("#search", "Enter")
    assert seed_page.page.locator("#p-body .strip .bar").count() == 2     # dated: on the time strip
    assert seed_page.errors == []


def test_type_filter_hides_a_type(seed_build, seed_page):
    g = seed_build[0].graph
    companies = {n for n, d in g.nodes(data=True) if d["type"] == "Company"}
    box = seed_page.page.locator('#types input[data-key="Company"]')
    box.uncheck()
    try:
        shown = seed_page.visible_ids()
        assert companies and not (shown & companies)
        assert shown == _connected(g) - companies
        hidden_edges = seed_page.js("kg.edges.get({filter: e => e.hidden}).length")
        assert hidden_edges == sum(1 for h, t in g.edges() if h in companies or t in companies)
    finally:
        box.check()
    assert seed_page.visible_ids() == _connected(g)


def test_relation_filter_hides_its_edges_only(seed_build, seed_page):
    g = seed_build[0].graph
    box = seed_page.page.locator('#rels input[data-key="runs"]')
    box.uncheck()
    try:
        hidden = seed_page.js("kg.edges.get({filter: e => e.hidden}).map(e => e.rel)")
        assert hidden and set(hidden) == {"runs"}
        assert len(hidden) == sum(1 for *_, d in g.edges(data=True) if d["rel"] == "runs")
        assert seed_page.visible_ids() == _connected(g)
    finally:
        box.check()
    assert seed_page.js("kg.edges.get({filter: e => e.hidden}).length") == 0


def test_clicking_a_node_shows_its_source_sentence(seed_build, seed_page):
    g = seed_build[0].graph
    target = _node(g, "江绍华")
    seed_page.click_node(target)
    assert seed_page.js("kg.net.getSelectedNodes()") == [target]
    body = seed_page.page.inner_text("#p-body")
    first = g.nodes[target]["mentions"][0]
    assert first["quote"] in body
    assert first["doc"] in body


QUOTES = """sel => [...document.querySelectorAll(sel)].map(q =>
    [q.textContent, [...q.querySelectorAll("mark")].map(m => m.textContent)])"""


def _marked(s: dict) -> list:
    i, j = s["in_quote"]
    return [s["quote"], [s["quote"][i:j]] if j > i else []]


def test_mentions_are_marked_by_their_offsets_aliases_included(seed_build, seed_page):
    from kg.html import SHOWN_SOURCES

    g = seed_build[0].graph
    district = _node(g, "东昌府区")
    mentions = g.nodes[district]["mentions"][:SHOWN_SOURCES]
    assert {m["text"] for m in mentions} - {"东昌府区"}              # 我区, 全区, 东昌府
    seed_page.js("id => kg.select(id, false)", district)
    shown = seed_page.js(QUOTES, "#p-body > .quote")               # the Sources section
    assert shown == [_marked(m) for m in mentions]
    assert [marks for _, marks in shown] == [[m["text"]] for m in mentions]


def test_a_posts_evidence_marks_its_span_not_every_match_of_the_title(seed_build, seed_page):
    g = seed_build[0].graph
    target = _node(g, "江绍华")
    seed_page.js("id => kg.select(id, false)", target)
    shown = seed_page.js(QUOTES, "#p-body .fact .quote")
    expected = [_marked(s) for _, _, d in g.edges(target, data=True) if d["rel"] == "holds"
                for s in d["sources"]]
    expected += [_marked(s) for _, _, d in g.in_edges(target, data=True) for s in d["sources"][:5]]
    expected += [_marked(s) for _, _, d in g.out_edges(target, data=True) if d["rel"] != "holds"
                 for s in d["sources"][:5]]
    expected += [_marked(s) for p in g.nodes[target]["posts"] for s in p["sources"]]
    assert sorted(map(str, shown)) == sorted(map(str, expected))
    both = "区委副书记、区长江绍华，区委常委、副区长张妍参加。"
    assert [both, ["区长江绍华"]] in shown


def test_clicking_an_edge_shows_the_evidence_of_that_fact(seed_build, seed_page):
    g = seed_build[0].graph
    target = _node(g, "江绍华")
    h, t, d = next((h, t, d) for h, t, d in g.out_edges(target, data=True) if d["rel"] == "holds"
                   and g.number_of_edges(h, t) + g.number_of_edges(t, h) == 1)
    eid = seed_page.js("([h, t]) => kg.edges.get({filter: e => e.from === h && e.to === t})[0].id",
                       [h, t])
    # only this edge and its two nodes stay drawn, so where other edges or nodes happen to
    # lie in this layout cannot take the click; the layout stops moving (on a busy machine
    # its relaxation may still run); then centre the middle of the (straight) edge and
    # click there
    hidden = seed_page.js("""(eid) => { const ids = kg.edges.getIds().filter(i => i !== eid
        && !kg.edges.get(i).hidden); kg.edges.update(ids.map(id => ({id, hidden: true}))); return ids; }""", eid)
    others = seed_page.js("""([h, t]) => { const ids = kg.nodes.getIds().filter(i => i !== h && i !== t
        && !kg.nodes.get(i).hidden); kg.nodes.update(ids.map(id => ({id, hidden: true}))); return ids; }""",
                          [h, t])
    seed_page.js("""([h, t]) => { kg.net.stopSimulation(); const a = kg.net.getPosition(h), b = kg.net.getPosition(t);
        kg.net.moveTo({position: {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2}, scale: 1.5}); }""", [h, t])
    box = seed_page.page.locator("#net").bounding_box()
    seed_page.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2 + 4)
    seed_page.page.wait_for_timeout(350)
    assert seed_page.js("kg.net.getSelectedEdges()") == [eid]
    assert seed_page.page.inner_text("#p-title") == d["title"]
    body = seed_page.page.inner_text("#p-body")
    seed_page.js("(ids) => kg.edges.update(ids.map(id => ({id, hidden: false})))", hidden)
    seed_page.js("(ids) => kg.nodes.update(ids.map(id => ({id, hidden: false})))", others)
    assert d["sources"][0]["quote"] in body and "Evidence" in body


def test_kg_view_page_opens_on_its_centre(seed_build, tmp_path, browser_context):
    from click.testing import CliRunner

    from kg.cli import main

    g, out = seed_build[0].graph, seed_build[1]
    page_path = tmp_path / "jiang.html"
    r = CliRunner().invoke(main, ["view", "江绍华", "--depth", "1", "-o", str(page_path), str(out)])
    assert r.exit_code == 0, r.output
    page = Page(browser_context).open(page_path)
    target = _node(g, "江绍华")
    assert page.visible_ids() == set(ego_subgraph(g, [target], 1))
    assert page.js("kg.net.getSelectedNodes()") == [target]
    assert page.page.inner_text("#p-title") == "江绍华"
    assert page.errors == [] and page.requests == []
    page.page.close()


def test_ego_view_matches_the_python_neighbourhood(seed_build, seed_page):
    g = seed_build[0].graph
    target = _node(g, "江绍华")
    seed_page.js("id => kg.select(id)", target)
    seed_page.page.select_option("#depth", "2")
    seed_page.page.click("#ego")
    try:
        assert seed_page.visible_ids() == set(ego_subgraph(g, [target], 2))
    finally:
        seed_page.page.click("#all")
    assert seed_page.visible_ids() == _connected(g)
    assert seed_page.errors == []


def test_search_keeps_a_type_filter_that_is_off(seed_build, seed_page):
    g = seed_build[0].graph
    target = _node(g, "江绍华")
    officials = {n for n, d in g.nodes(data=True) if d["type"] == "Official"}
    box = seed_page.page.locator('#types input[data-key="Official"]')
    box.uncheck()
    try:
        seed_page.page.fill("#search", "江绍华")
        seed_page.page.press("#search", "Enter")
        assert not box.is_checked()
        assert seed_page.js("kg.net.getSelectedNodes()") == [target]
        assert seed_page.visible_ids() == (_connected(g) - officials) | {target}
        assert "is filtered out" in seed_page.page.inner_text("#p-body")
        seed_page.page.fill("#search", "东昌府区")        # the next search: it goes again
        seed_page.page.press("#search", "Enter")
        assert seed_page.visible_ids() == _connected(g) - officials and not box.is_checked()
    finally:
        box.check()
    assert seed_page.visible_ids() == _connected(g)


def _with_namesakes(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph with two more people called 江绍华: a villager named once, and one
    linked to a village committee; the official (most links) stays the likeliest."""
    h = g.copy()
    target = _node(g, "江绍华")
    first = g.nodes[target]["mentions"][0]
    for i, links in ((1, 0), (2, 1)):
        h.add_node(f"person-namesake{i}", label="江绍华", type="Person", aliases=[], code="",
                   pinyin="jiang shao hua", mentions=[first], posts=[], weighted_degree=links,
                   pagerank=0.0, betweenness=0.0, community=0)
    h.add_edge("person-namesake2", _node(g, "东昌府区"), key="post:村民:", rel="holds", title="村民",
               as_of="", sources=[first])
    return h


def test_namesakes_are_listed_to_pick_from_in_search_and_the_panel(seed_build, tmp_path,
                                                                    browser_context):
    g = _with_namesakes(seed_build[0].graph)
    official = _node(g, "江绍华")
    write_html(g, tmp_path / "namesakes.html")
    page = Page(browser_context).open(tmp_path / "namesakes.html")
    page.page.fill("#search", "江绍华")
    items = page.page.locator("#suggest li").all_inner_texts()
    assert len(items) == 3 and all("links" in t for t in items)
    assert f"{g.degree(official)} links" in items[0] and "1 links" in items[1] and "0 links" in items[2]
    page.page.press("#search", "Enter")
    assert page.js("kg.net.getSelectedNodes()") == [official]        # the most connected
    chooser = page.page.locator("#p-body .namesakes")
    assert "3 entities are called 江绍华" in chooser.inner_text()
    assert chooser.locator("li").count() == 3
    chooser.locator('button[data-id="person-namesake1"]').click()
    assert page.js("kg.net.getSelectedNodes()") == ["person-namesake1"]
    assert "person-namesake1" in page.visible_ids()                    # unconnected, yet picked
    assert page.errors == []
    page.page.close()


def test_kg_view_opens_on_the_most_connected_namesake(seed_build, tmp_path, browser_context):
    from click.testing import CliRunner

    from kg.cli import main
    from kg.graph import to_node_link

    g = _with_namesakes(seed_build[0].graph)
    official = _node(g, "江绍华")
    (tmp_path / "graph.json").write_text(json.dumps(to_node_link(g), ensure_ascii=False), encoding="utf-8")
    r = CliRunner().invoke(main, ["view", "江绍华", "-d", "1", "-o", str(tmp_path / "v.html"), str(tmp_path)])
    assert r.exit_code == 0 and "3 entities are called 江绍华" in r.output
    page = Page(browser_context).open(tmp_path / "v.html")
    assert page.js("kg.net.getSelectedNodes()") == [official]
    assert page.visible_ids() == set(ego_subgraph(g, [official], 1))
    page.page.close()


def _ego_without(g: nx.MultiDiGraph, centre: str, depth: int, hidden_type: str) -> set[str]:
    """The neighbourhood an ego view shows with one type hidden: walked through the rest."""
    keep = [n for n, d in g.nodes(data=True) if d["type"] != hidden_type or n == centre]
    return set(ego_subgraph(g.subgraph(keep), [centre], depth))


def test_ego_view_neither_shows_nor_walks_through_a_hidden_type(seed_build, seed_page):
    g = seed_build[0].graph
    target = _node(g, "江绍华")
    expected = _ego_without(g, target, 2, "District")
    assert expected < set(ego_subgraph(g, [target], 2)) - {n for n, d in g.nodes(data=True)
                                                          if d["type"] == "District"}
    box = seed_page.page.locator('#types input[data-key="District"]')
    seed_page.js("id => kg.select(id)", target)
    seed_page.page.select_option("#depth", "2")
    box.uncheck()                                       # hidden before the ego view...
    try:
        seed_page.page.click("#ego")
        assert seed_page.visible_ids() == expected
        drawn = seed_page.js("kg.edges.get({filter: e => !e.hidden}).map(e => [e.from, e.to])")
        assert sorted(map(tuple, drawn)) == sorted((h, t) for h, t in g.edges() if {h, t} <= expected)
        box.check()                                     # ...and shown again: the walk follows
        assert seed_page.visible_ids() == set(ego_subgraph(g, [target], 2))
        box.uncheck()                                   # hidden during it
        assert seed_page.visible_ids() == expected
    finally:
        box.check()
        seed_page.page.click("#all")
    assert seed_page.visible_ids() == _connected(g)


def test_ego_view_walks_only_the_relations_shown(seed_build, seed_page):
    g = seed_build[0].graph
    target = _node(g, "江绍华")
    box = seed_page.page.locator('#rels input[data-key="locatedIn"]')
    box.uncheck()
    try:
        seed_page.js("id => kg.select(id)", target)
        seed_page.js("id => kg.egoView(id, 3)", target)
        h = nx.MultiDiGraph([(u, v) for u, v, d in g.edges(data=True) if d["rel"] != "locatedIn"])
        h.add_node(target)
        assert seed_page.visible_ids() == set(ego_subgraph(h, [target], 3))
    finally:
        box.check()
        seed_page.page.click("#all")


def test_ego_view_lays_out_only_what_it_shows_and_gives_the_layout_back(seed_build, seed_page):
    g = seed_build[0].graph
    target = _node(g, "江绍华")
    where = "kg.net.getPositions(kg.nodes.getIds())"
    seed_page.settle()
    before = seed_page.js(where)
    seed_page.js("id => kg.select(id, false)", target)
    seed_page.js("id => kg.egoView(id, 1)", target)
    seed_page.settle()
    shown = seed_page.visible_ids()
    assert shown == set(ego_subgraph(g, [target], 1))
    simulated = seed_page.js("kg.net.physics.physicsBody.physicsNodeIndices")
    assert set(simulated) == shown
    during = seed_page.js(where)
    assert all(during[n] == before[n] for n in before if n not in shown)    # the rest stay put
    assert any(during[n] != before[n] for n in shown)                       # its own move
    seed_page.page.click("#all")
    assert seed_page.js(where) == before


def test_colour_by_community_and_size_by_centrality(seed_build, browser_context):
    from kg.html import COMMUNITY_COLOURS, COMMUNITY_OTHER

    g, out = seed_build[0].graph, seed_build[1]
    page = Page(browser_context).open(out / "graph.html")
    colours = "kg.nodes.get().map(n => [n.id, n.color.background])"
    by_type = dict(page.js(colours))
    assert page.page.locator("#communities").is_hidden()
    page.page.select_option("#colour-by", "community")
    by_community = dict(page.js(colours))
    members: dict[int, list[str]] = {}
    for n, d in g.nodes(data=True):
        members.setdefault(d["community"], []).append(n)
    largest = sorted(members, key=lambda c: (-len(members[c]), c))[:len(COMMUNITY_COLOURS)]
    for c, colour in zip(largest, COMMUNITY_COLOURS):
        assert {by_community[n] for n in members[c]} == {colour}, c
    # the outline too: on a small node a type's outline would hide the community's colour
    assert page.js("kg.nodes.get().filter(n => n.color.border !== n.color.background).length") == 0
    assert {by_community[n] for c in set(members) - set(largest) for n in members[c]} == {COMMUNITY_OTHER}
    legend = page.page.inner_text("#communities")
    assert page.page.locator("#communities").is_visible() and f"#{largest[0]} " in legend

    page.page.select_option("#size-by", "pagerank")
    drawn = dict(page.js("Object.values(kg.net.body.nodes).map(n => [n.id, n.options.size])"))
    values = dict(page.js("kg.nodes.get().map(n => [n.id, n.value])"))
    assert values == {n: d["pagerank"] for n, d in g.nodes(data=True)}
    top = max(g, key=lambda n: (g.nodes[n]["pagerank"], n))
    assert drawn[top] == max(drawn[n] for n in g)
    low = min(g, key=lambda n: (g.nodes[n]["pagerank"], n))
    assert drawn[low] < drawn[top]

    page.page.select_option("#colour-by", "type")
    page.page.select_option("#size-by", "degree")
    assert dict(page.js(colours)) == by_type and page.page.locator("#communities").is_hidden()
    assert dict(page.js("kg.nodes.get().map(n => [n.id, n.value])")) == \
        {n: 1 + g.degree(n) for n in g}
    page.click_node(top)
    assert f"community #{g.nodes[top]['community']}" in page.page.inner_text("#p-body")
    assert page.errors == [] and page.requests == []
    page.page.close()


def test_markup_in_documents_never_runs(tmp_path, browser_context):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "page.txt").write_text(
        f"东昌府讯\n\n2022年7月5日\n\n{XSS_SCRIPT}项目签约仪式举行\n\n"
        f"东昌府讯 7月1日，区委副书记、区长江绍华会见{XSS_IMG}有限公司董事长王{XSS_SCRIPT}一行，"
        f"双方签署战略合作协议。{XSS_IMG}有限公司将在东昌府区投资建设新能源项目。\n\n"
        f"■ 本报记者 {XSS_SCRIPT}\n", encoding="utf-8")
    g = build([corpus], tmp_path / "out").graph
    target = _node(g, "江绍华")
    # the extractors keep the markup in quotes and titles; labels get it in the next graph
    assert any(XSS_IMG in m["quote"] for m in g.nodes[target]["mentions"])
    company, person = "c-xss", "p-xss"
    src = {"doc": "page.txt", "article": "page.txt#a0", "quote": f"{XSS_IMG}有限公司 {XSS_SCRIPT}",
           "start": 0, "end": 5}
    g.add_node(company, label=f"{XSS_IMG}有限公司", type="Company", aliases=[XSS_SCRIPT], code="",
               pinyin="you xian gong si", mentions=[dict(src, text=XSS_IMG)], posts=[])
    g.add_node(person, label=XSS_SCRIPT, type="Person", aliases=[], code="", pinyin="",
               mentions=[dict(src, text=XSS_SCRIPT)], posts=[])
    g.add_edge(person, company, key=f"post:{XSS_IMG}:", rel="holds", title=XSS_IMG, as_of="",
               sources=[src])
    page_path = tmp_path / "xss.html"
    write_html(g, page_path, title=f"{XSS_SCRIPT}{XSS_IMG}")

    page = Page(browser_context).open(page_path)
    page.page.fill("#search", "有限公司")                 # suggestions render the label
    page.page.press("#search", "Enter")
    page.click_node(company)
    page.click_node(target)
    body = page.page.inner_text("#p-body")
    assert XSS_IMG in body                               # shown as text, not parsed
    page.click_node(person)
    assert page.page.inner_text("#p-title") == XSS_SCRIPT
    assert page.dialogs == []
    assert page.errors == []
    assert page.js("document.images.length") == 0
    assert page.js("document.scripts.length") == 3      # data block, vis-network, the app
    assert page.page.title() == f"{XSS_SCRIPT}{XSS_IMG}"
    page.page.close()


def _star_graph(n: int) -> nx.MultiDiGraph:
    """Hubs with leaves: the hubs and first leaves are the most connected part."""
    g = nx.MultiDiGraph(documents={}, articles={})
    for i in range(n):
        g.add_node(f"n{i:04d}", label=f"节点{i}", type="Agency", aliases=[], code="",
                   pinyin=f"jie dian {i}", mentions=[], posts=[])
    for i in range(10, n):
        g.add_edge(f"n{i:04d}", f"n{i % 10:04d}", key="subOrganizationOf", rel="subOrganizationOf",
                   sources=[])
    return g


def test_large_graph_opens_on_most_connected_part_and_search_reaches_the_rest(
        tmp_path, browser_context):
    g = _star_graph(300)
    path = tmp_path / "big.html"
    write_html(g, path, max_nodes=50)
    page = Page(browser_context).open(path)
    assert page.js("kg.nodes.length") == 300
    shown = page.visible_ids()
    assert len(shown) == 50 and {f"n{i:04d}" for i in range(10)} <= shown
    assert "50 most connected of 300" in page.page.inner_text("#notice")
    page.page.fill("#search", "节点299")
    page.page.press("#search", "Enter")
    assert page.js("kg.net.getSelectedNodes()") == ["n0299"]
    assert "n0299" in page.visible_ids()
    assert page.errors == []
    page.page.close()


def test_a_fact_of_the_division_data_says_so_instead_of_citing_a_sentence(seed_build, seed_page):
    g = seed_build[0].graph
    head, tail = _node(g, "东昌府区"), _node(g, "聊城市")
    eid = seed_page.js("([h, t]) => kg.edges.get({filter: e => e.from === h && e.to === t"
                       " && e.rel === 'locatedIn'})[0].id", [head, tail])
    seed_page.js("id => kg.showEdge(id)", eid)
    body = seed_page.page.inner_text("#p-body")
    assert "from the official division data" in body and "Evidence" not in body
    assert "Where the names were read" in body
    assert "official division data" in seed_page.js("id => kg.edges.get(id).title", eid)
    seed_page.js("id => kg.select(id, false)", head)
    fact = seed_page.page.locator(f'#p-body .fact[data-edge="{eid}"]')
    assert fact.locator(".derived").count() == 1 and fact.locator(".quote").count() == 0
    read = seed_page.js("id => kg.edges.get({filter: e => e.from === id && e.rel === 'locatedIn'"
                        " && !kg.data.edges[+e.id.slice(1)].derived})[0].id", _node(g, "柳园街道"))
    seed_page.js("id => kg.select(id, false)", _node(g, "柳园街道"))
    fact = seed_page.page.locator(f'#p-body .fact[data-edge="{read}"]')   # a fact read in a sentence
    assert fact.locator(".derived").count() == 0 and fact.locator(".quote").count() >= 1


def test_the_pages_counts_are_those_of_kg_stats(seed_build, seed_page):
    from kg.summary import stats

    st = stats(seed_build[0].graph)
    assert seed_page.page.inner_text("#status").startswith(
        f"{st['entities_total']} entities · {st['facts']} facts — ")
    counts = "sel => Object.fromEntries([...document.querySelectorAll(sel + ' label')].map(l =>" \
             " [l.querySelector('input').dataset.key, +l.querySelector('.count').textContent]))"
    assert seed_page.js(counts, "#types") == st["entities"]
    assert seed_page.js(counts, "#rels") == st["relations"]


def test_each_mention_says_what_found_it(seed_build, seed_page):
    g = seed_build[0].graph
    target = _node(g, "江绍华")
    seed_page.js("id => kg.select(id, false)", target)
    found = seed_page.page.locator("#p-body > .cite .rule").all_inner_texts()
    rules = [m["rule"] for m in g.nodes[target]["mentions"]]
    assert "persons:title chain" in rules
    assert found == [f" · found by: {r.split(':', 1)[1]}" for r in rules]


def test_the_large_graph_notice_closes_and_keeps_out_of_an_ego_view(tmp_path, browser_context):
    path = tmp_path / "big.html"
    write_html(_star_graph(300), path, max_nodes=50)
    page = Page(browser_context).open(path)
    notice = page.page.locator("#notice")
    assert notice.is_visible() and "50 most connected of 300" in notice.inner_text()
    page.js("id => kg.select(id, false)", "n0001")
    page.page.click("#ego")
    assert notice.is_hidden()                      # the ego view is no "most connected" scope
    page.page.click("#all")
    assert notice.is_visible()
    page.page.click("#notice-close")
    assert notice.is_hidden()
    page.page.click("#ego")
    page.page.click("#all")
    assert notice.is_hidden()                      # closed for good
    assert page.errors == []
    page.page.close()


def test_the_layout_is_the_same_at_every_opening(seed_build, browser_context):
    where = "kg.net.getPositions(kg.nodes.getIds())"
    layouts = []
    for _ in range(2):
        page = Page(browser_context).open(seed_build[1] / "graph.html")
        layouts.append((page.js(where), page.js("window.kgLayout.iterations")))
        page.page.close()
    assert layouts[0] == layouts[1]


def test_the_page_is_usable_on_a_390_px_screen(seed_build, browser_context):
    g = seed_build[0].graph
    page = Page(browser_context)
    page.page.set_viewport_size({"width": 390, "height": 844})
    page.open(seed_build[1] / "graph.html")
    net = page.page.locator("#net").bounding_box()
    assert net["x"] >= 0 and net["width"] >= 380 and net["height"] >= 250
    assert page.js("kg.net.canvas.frame.canvas.clientWidth") >= 380
    assert page.js("document.documentElement.scrollWidth") <= 390       # nothing runs off the side
    page.page.fill("#search", "江绍华")
    page.page.press("#search", "Enter")
    panel = page.page.locator("#panel").bounding_box()
    assert panel["x"] >= 0 and panel["x"] + panel["width"] <= 390 and panel["y"] < 844
    assert page.page.inner_text("#p-title") == "江绍华" and page.page.locator("#p-title").is_visible()
    assert page.page.locator("#filters").is_hidden()
    page.page.click("#filters-open")                                     # filters in a drawer
    page.page.locator('#types input[data-key="Company"]').uncheck()
    page.page.click("#filters-close")
    assert page.page.locator("#filters").is_hidden()
    companies = {n for n, d in g.nodes(data=True) if d["type"] == "Company"}
    assert not page.visible_ids() & companies
    assert page.errors == []
    page.page.close()


def _state(page: Page) -> dict[str, str]:
    from urllib.parse import parse_qsl

    return dict(parse_qsl(page.js("location.hash").lstrip("#")))


def test_the_url_holds_the_view_and_the_back_button_walks_back(seed_build, browser_context):
    g = seed_build[0].graph
    target = _node(g, "江绍华")
    page = Page(browser_context).open(seed_build[1] / "graph.html")
    assert _state(page) == {}
    page.page.fill("#search", "江绍华")
    page.page.press("#search", "Enter")
    assert _state(page) == {"node": target}
    page.page.select_option("#depth", "2")
    page.page.click("#ego")
    assert _state(page) == {"node": target, "hops": "2"}
    page.page.locator('#types input[data-key="District"]').uncheck()
    shown = {d["type"] for _, d in g.nodes(data=True)} - {"District"}
    filtered = {"node": target, "hops": "2", "types": ",".join(
        t for t in page.js("Object.keys(kg.data.types)") if t in shown)}
    assert _state(page) == filtered
    assert page.visible_ids() == _ego_without(g, target, 2, "District")

    def back(forward: bool = False) -> None:
        (page.page.go_forward if forward else page.page.go_back)()
        page.page.wait_for_timeout(300)
        page.settle()
    back()                                               # the District filter comes back on
    assert page.page.locator('#types input[data-key="District"]').is_checked()
    assert page.visible_ids() == set(ego_subgraph(g, [target], 2))
    back()                                               # out of the ego view
    assert page.visible_ids() == _connected(g) and page.js("kg.net.getSelectedNodes()") == [target]
    back()                                               # nothing selected
    assert _state(page) == {} and page.js("kg.net.getSelectedNodes()") == []
    for _ in range(3):
        back(forward=True)
    assert _state(page) == filtered and page.visible_ids() == _ego_without(g, target, 2, "District")
    url = page.js("location.href")
    page.page.close()
    page = Page(browser_context)                         # a link to the view opens on it
    page.page.goto(url)
    page.settle()
    assert page.visible_ids() == _ego_without(g, target, 2, "District")
    assert not page.page.locator('#types input[data-key="District"]').is_checked()
    assert page.js("kg.net.getSelectedNodes()") == [target] and page.page.inner_text("#p-title") == "江绍华"
    assert page.errors == []
    page.page.close()


def test_the_path_finder_picks_two_nodes_and_shows_the_shortest_paths(seed_build, browser_context):
    from kg.metrics import ties
    from kg.paths import facts, shortest_paths

    g = seed_build[0].graph
    a, b = _node(g, "江绍华"), _node(g, "张妍")
    expected = shortest_paths(g, a, b)
    h = ties(g)
    da, db = nx.single_source_shortest_path_length(h, a), nx.single_source_shortest_path_length(h, b)
    on = {v for v in da if v in db and da[v] + db[v] == expected.length}
    page = Page(browser_context).open(seed_build[1] / "graph.html")
    page.js("id => kg.select(id, false)", a)
    page.page.click("#p-body .path-from")
    assert "search or click the other end" in page.page.inner_text("#p-body")
    page.page.fill("#search", "张妍")
    page.page.press("#search", "Enter")
    page.settle()
    assert page.page.inner_text("#p-title") == "路径 Path"
    body = page.page.inner_text("#p-body")
    assert f"{expected.count} shortest paths of {expected.length} hops" in body
    assert page.visible_ids() == on
    listed = page.js("[...document.querySelectorAll('#p-body h3')].map(h => h.textContent)")[0]
    names = listed.removeprefix("path 1: ").split(" – ")
    assert len(names) == expected.length + 1 and names[0] == "江绍华" and names[-1] == "张妍"
    ids = [_node(g, name) for name in names]
    assert all(h.has_edge(u, v) for u, v in zip(ids, ids[1:]))
    for u, v in zip(ids, ids[1:]):                                 # each hop with its evidence
        assert any(f.sources[0]["quote"] in body for f in facts(g, u, v) if f.sources)
    assert _state(page) == {"node": b, "from": a, "to": b}
    page.page.click("#all")
    assert page.visible_ids() == _connected(g)
    page.page.go_back()                                            # the path view comes back
    page.page.wait_for_timeout(300)
    page.settle()
    assert page.visible_ids() == on and page.page.inner_text("#p-title") == "路径 Path"
    assert page.errors == []
    page.page.close()
    link = Page(browser_context).open(seed_build[1] / "graph.html", f"#from={a}&to={b}")   # names no node
    assert link.visible_ids() == on and link.page.inner_text("#p-title") == "路径 Path"
    assert link.errors == []
    link.page.close()


def _ego_view_with(seed_build, tmp_path, browser_context, node: str, label: str, alias: str):
    """The seed graph plus an organisation `node` named `label` (text a spreadsheet or
    XML would misread) tied to 江绍华, opened on 江绍华's 1-hop ego view: the page, the
    graph, 江绍华's id and the ids shown."""
    g = seed_build[0].graph.copy()
    target = _node(g, "江绍华")
    g.add_node(node, label=label, type="Organization", aliases=[alias], code="", pinyin="",
               mentions=[], posts=[])
    g.add_edge(node, target, key="cooperatesWith", rel="cooperatesWith", sources=[])
    write_html(g, tmp_path / "g.html")
    page = Page(browser_context).open(tmp_path / "g.html")
    page.js("id => kg.select(id, false)", target)
    page.js("id => kg.egoView(id, 1)", target)
    page.settle()
    return page, g, target, page.visible_ids()


def test_the_shown_subgraph_exports_as_csv_and_png(seed_build, tmp_path, browser_context):
    import csv
    import io
    import struct

    formula = "=HYPERLINK(\"http://x\",\"y\")"
    page, g, target, shown = _ego_view_with(seed_build, tmp_path, browser_context, "org-formula", formula, "+1")

    def fetch(button: str) -> bytes:
        with page.page.expect_download() as dl:
            page.page.click(button)
        return Path(dl.value.path()).read_bytes()
    nodes = list(csv.DictReader(io.StringIO(fetch("#export-nodes").decode("utf-8-sig"))))
    assert {r["id"] for r in nodes} == shown == set(ego_subgraph(g, [target], 1))
    row = next(r for r in nodes if r["id"] == "org-formula")
    assert row["label"] == "'" + formula and row["aliases"] == "'+1"       # no formula runs
    assert next(r for r in nodes if r["id"] == target)["degree"] == str(g.degree(target))
    edges = list(csv.DictReader(io.StringIO(fetch("#export-edges").decode("utf-8-sig"))))
    assert sorted((r["from"], r["rel"], r["to"]) for r in edges) == \
        sorted((h, d["rel"], t) for h, t, d in g.edges(data=True) if {h, t} <= shown)
    png = fetch("#export-png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == tuple(page.js(
        "(() => { const c = document.querySelector('#net canvas'); return [c.width, c.height]; })()"))
    assert page.errors == []
    page.page.close()


def test_keyboard_shortcuts(seed_build, browser_context):
    g = seed_build[0].graph
    target = _node(g, "江绍华")
    page = Page(browser_context).open(seed_build[1] / "graph.html")
    key = page.page.keyboard.press
    key("/")
    assert page.js("document.activeElement.id") == "search"
    page.page.keyboard.type("江绍华")
    key("Enter")
    key("Escape")                                        # out of the search box
    assert page.js("document.activeElement.id") != "search"
    key("e")
    page.settle()
    assert page.visible_ids() == set(ego_subgraph(g, [target], 2))
    key("1")
    page.settle()
    assert page.visible_ids() == set(ego_subgraph(g, [target], 1))
    key("a")
    assert page.visible_ids() == _connected(g)
    key("u")
    assert page.visible_ids() == set(g)
    key("u")
    assert page.visible_ids() == _connected(g)
    key("?")
    assert page.page.locator("#help").is_visible() and "ego view" in page.page.inner_text("#help")
    key("Escape")
    assert page.page.locator("#help").is_hidden()
    key("p")
    assert "search or click the other end" in page.page.inner_text("#p-body")
    key("/")
    page.page.keyboard.type("张妍")
    key("Enter")
    page.settle()
    assert page.page.inner_text("#p-title") == "路径 Path"
    key("Escape")
    key("Escape")
    assert page.js("kg.net.getSelectedNodes()") == []
    assert page.errors == []
    page.page.close()


POSTS = """() => [...document.querySelectorAll("#p-body .fact.post")].map(f => ({
    line: f.firstChild.innerText, open: f.querySelector("details").open,
    reports: [...f.querySelectorAll(".report")].map(r => ({
        visible: r.checkVisibility(), quotes: [...r.querySelectorAll(".quote")].map(q => q.textContent)}))}))"""


def test_posts_are_listed_once_each_with_their_reports_behind_a_toggle(seed_build, browser_context):
    from kg.careers import Careers

    g = seed_build[0].graph
    person = _node(g, "柳庆发")
    reports = [(v, d["title"]) for _, v, d in g.out_edges(person, data=True) if d["rel"] == "holds"] + \
        [(None, p["title"]) for p in g.nodes[person]["posts"]]
    spells = Careers(g).by_person[person]
    assert len(spells) == len(set(reports)) == 3 < len(reports)        # posts reported on several dates
    page = Page(browser_context).open(seed_build[1] / "graph.html")
    page.js("id => kg.select(id, false)", person)
    posts = page.js(POSTS)
    assert len(posts) == 3 and all(not p["open"] for p in posts)
    assert "职务 Posts (3 posts, " in page.page.inner_text("#p-body")
    entry = next(i for i, p in enumerate(posts) if p["line"].startswith("宣传部部长 @ 聊城市委"))
    assert "5月21日 (year unknown) – 9月19日 (year unknown) · 2 reports" in posts[entry]["line"]
    assert [r["visible"] for r in posts[entry]["reports"]] == [False, False]
    page.page.locator("#p-body .fact.post summary").nth(entry).click()      # the reports open
    opened = page.js(POSTS)[entry]
    edges = sorted((d for _, v, d in g.out_edges(person, data=True) if d.get("title") == "宣传部部长"),
                   key=lambda d: d["as_of"][2:])                          # --05-21, --09-19
    assert opened["open"] and [r["visible"] for r in opened["reports"]] == [True, True]
    assert [r["quotes"] for r in opened["reports"]] == [[s["quote"] for s in d["sources"]] for d in edges]

    body = _node(g, "聊城市")          # a body's posts: one entry per holder and title
    held = [(u, d["title"]) for u, _, d in g.in_edges(body, data=True) if d["rel"] == "holds"]
    assert len(set(held)) < len(held)
    page.js("id => kg.select(id, false)", body)
    posts = page.js(POSTS)
    assert len(posts) == len(set(held))
    twice = next(p for p in posts if p["line"].startswith("马卫红 — 副市长"))
    assert "2 reports" in twice["line"] and len(twice["reports"]) == 2
    assert page.errors == []
    page.page.close()


def _period(g: nx.MultiDiGraph, lo: str, hi: str, undated: bool,
            hidden_type: str = "") -> tuple[set[str], list[tuple[str, str, str]]]:
    """What the page shows for a period: connected nodes mentioned in it, and the facts
    with evidence in it (or from the division data) between them."""
    from kg.html import article_dates

    dated = article_dates(g)

    def within(sources: list[dict]) -> bool:
        days = {dated.get(s["article"], "") for s in sources}
        return any(d and lo <= d <= hi for d in days) or undated and "" in days
    nodes = {n for n in _connected(g) if within(g.nodes[n]["mentions"]) and g.nodes[n]["type"] != hidden_type}
    edges = sorted((h, d["rel"], t) for h, t, d in g.edges(data=True)
                   if {h, t} <= nodes and (d.get("derived") or within(d["sources"])))
    return nodes, edges


SHOWN_EDGES = "kg.edges.get({filter: e => !e.hidden}).map(e => [e.from, e.rel, e.to]).sort()"


def test_the_period_slider_restricts_nodes_edges_and_posts(seed_build, browser_context):
    from collections import Counter

    from kg.html import article_dates, payload

    g = seed_build[0].graph
    calendar = sorted(set(article_dates(g).values()))
    page = Page(browser_context).open(seed_build[1] / "graph.html")
    assert page.js("kg.data.dates") == calendar and len(calendar) >= 3
    assert page.page.inner_text("#period-text") == f"{calendar[0]} – {calendar[-1]}"
    cited = Counter(a["date"] for a in payload(g)["articles"].values() if "date" in a)
    bars = "[...document.querySelectorAll('#period-hist .bar')].map(b => [Number(b.dataset.count), b.classList.contains('in')])"
    assert page.js(bars) == [[cited[d], True] for d in calendar]          # articles per date
    day = calendar.index("2022-07-01")
    page.page.fill("#period-from", str(day))
    page.page.fill("#period-to", str(day))
    assert page.js(bars) == [[cited[d], d == "2022-07-01"] for d in calendar]
    nodes, edges = _period(g, "2022-07-01", "2022-07-01", True)
    assert page.visible_ids() == nodes and sorted(map(tuple, page.js(SHOWN_EDGES))) == edges
    page.page.uncheck("#period-undated")                 # dated evidence only
    nodes, edges = _period(g, "2022-07-01", "2022-07-01", False)
    assert nodes and nodes < _connected(g) and edges
    assert page.visible_ids() == nodes and sorted(map(tuple, page.js(SHOWN_EDGES))) == edges
    assert "2022-07-01, dated only" in page.page.inner_text("#status")
    page.page.locator('#types input[data-key="Agency"]').uncheck()        # with a type filter
    nodes, edges = _period(g, "2022-07-01", "2022-07-01", False, "Agency")
    assert page.visible_ids() == nodes and sorted(map(tuple, page.js(SHOWN_EDGES))) == edges
    state = _state(page)
    assert state["since"] == state["until"] == "2022-07-01" and state["undated"] == "0" and "types" in state

    page.page.fill("#search", "马卫红")                   # search keeps the period
    page.page.press("#search", "Enter")
    assert page.js("kg.net.getSelectedNodes()") == [_node(g, "马卫红")]
    assert page.page.input_value("#period-from") == page.page.input_value("#period-to") == str(day)
    posts = page.js(POSTS)                               # 副市长: 2022-07-01 and a date without a year
    assert len(posts) == 1 and len(posts[0]["reports"]) == 1
    assert "1 in the period" in page.page.inner_text("#p-body")
    assert "1 report date in the period (of 2)" in page.page.inner_text("#p-body summary")
    url = page.js("location.href")

    page.page.go_back()                                  # the search goes, the period stays
    page.page.wait_for_timeout(300)
    page.page.go_back()                                  # the Agency filter comes back on
    page.page.wait_for_timeout(300)
    page.settle()
    nodes, edges = _period(g, "2022-07-01", "2022-07-01", False)
    assert page.visible_ids() == nodes
    page.page.click("#period-reset")
    assert page.visible_ids() == _connected(g) and "since" not in _state(page)
    page.page.close()

    page = Page(browser_context)                         # a link opens on the period
    page.page.goto(url)
    page.settle()
    nodes, _ = _period(g, "2022-07-01", "2022-07-01", False, "Agency")
    assert page.visible_ids() == nodes | {_node(g, "马卫红")}
    assert not page.page.is_checked("#period-undated") and page.page.input_value("#period-from") == str(day)
    assert page.errors == []
    page.page.close()


def test_the_period_slider_works_on_a_390_px_screen(seed_build, browser_context):
    g = seed_build[0].graph
    page = Page(browser_context)
    page.page.set_viewport_size({"width": 390, "height": 844})
    page.open(seed_build[1] / "graph.html")
    assert page.page.locator("#period-from").is_hidden()
    page.page.click("#filters-open")
    for slider in ("#period-from", "#period-to"):
        box = page.page.locator(slider).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["width"] >= 150
    # drag the start to the last date: the end moves with it
    page.page.locator("#period-from").focus()
    page.page.keyboard.press("End")
    last = page.js("kg.data.dates.at(-1)")
    assert page.page.input_value("#period-to") == str(len(page.js("kg.data.dates")) - 1)
    page.page.uncheck("#period-undated")
    page.page.click("#filters-close")
    nodes, _ = _period(g, last, last, False)
    assert page.visible_ids() == nodes and page.page.locator("#net").bounding_box()["width"] >= 380
    assert page.errors == []
    page.page.close()


def _lab(colour: str) -> tuple[float, float, float]:
    """CIELAB of an sRGB hex colour (D65)."""
    rgb = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = [((c + 0.055) / 1.055) ** 2.4 if c > 0.04045 else c / 12.92 for c in rgb]
    xyz = ((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b,
           (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883)
    fx, fy, fz = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in xyz]
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def _delta_e(a: str, b: str) -> float:
    return sum((p - q) ** 2 for p, q in zip(_lab(a), _lab(b))) ** 0.5


def test_types_differ_by_more_than_hue_and_relations_have_colours_of_their_own(seed_build, browser_context):
    seed_page = Page(browser_context).open(seed_build[1] / "graph.html")         # nothing selected, faded
    drawn = seed_page.js("""Object.values(kg.net.body.nodes).filter(n => n.options.type).map(n =>
        [n.options.type, n.options.shape, String(n.options.shapeProperties.borderDashes),
         n.options.color.background, n.options.color.border])""")
    style = {t: (shape, dashes, fill, border) for t, shape, dashes, fill, border in drawn}
    assert len(style) == len(seed_page.js("Object.keys(kg.data.types)")) and {"Official", "Person"} <= set(style)
    for t, u in [(t, u) for t in style for u in style if t < u]:
        if style[t][0] == style[u][0]:                  # one shape: the outline tells them apart
            assert style[t][1] != style[u][1], (t, u)
    assert style["Official"][1] == "false" and style["Person"][1] != "false"
    type_colours = {c for s in style.values() for c in s[2:]}
    edges = seed_page.js("kg.edges.get().map(e => [e.rel, e.color.color])")
    rels = dict(edges)
    assert len(rels) == len(seed_page.js("Object.keys(kg.data.rels)")) == len(set(rels.values()))
    for rel, colour in rels.items():
        near = min(type_colours, key=lambda c: _delta_e(colour, c))
        assert _delta_e(colour, near) >= 25, (rel, colour, near)
    legend = dict(seed_page.js("""[...document.querySelectorAll('#types label')].map(l =>
        [l.querySelector('input').dataset.key, l.querySelector('.glyph').textContent])"""))
    assert legend["Official"] != legend["Person"]
    seed_page.page.close()


def test_the_shown_subgraph_exports_as_graphml(seed_build, tmp_path, browser_context):
    odd = 'A&B <i>"x"</i>\x01\'y\''
    page, g, target, shown = _ego_view_with(seed_build, tmp_path, browser_context, "org-odd", odd, "<a>")
    with page.page.expect_download() as dl:
        page.page.click("#export-graphml")
    back = nx.read_graphml(dl.value.path(), force_multigraph=True)
    assert set(back) == shown == set(ego_subgraph(g, [target], 1))
    assert back.nodes["org-odd"]["label"] == odd.replace("\x01", "") and back.nodes["org-odd"]["aliases"] == "<a>"
    for n in shown:
        for m in ("degree", "community"):
            assert back.nodes[n][m] == g.nodes[n][m]
        assert back.nodes[n]["pagerank"] == pytest.approx(g.nodes[n]["pagerank"])
    assert sorted((h, d["rel"], t) for h, t, d in back.edges(data=True)) == \
        sorted((h, d["rel"], t) for h, t, d in g.edges(data=True) if {h, t} <= shown)
    assert page.errors == []
    page.page.close()


def test_a_link_to_a_view_of_a_large_graph_opens_on_it(tmp_path, browser_context):
    g = _star_graph(900)                   # over 800 shown: no physics, the page is ready at once
    write_html(g, tmp_path / "big.html")
    page = Page(browser_context).open(tmp_path / "big.html", "#node=n0005&hops=1&rels=locatedIn")
    assert page.js("kg.net.getSelectedNodes()") == ["n0005"]
    assert page.visible_ids() == {"n0005"}                 # its subOrganizationOf facts are off
    assert not page.page.is_checked('#rels input[data-key="subOrganizationOf"]')
    assert page.errors == []
    page.page.close()
