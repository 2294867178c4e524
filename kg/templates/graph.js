"use strict";
// kg explorer: builds the vis-network view and every panel from the JSON data block.
// Document text only ever reaches the DOM through textContent, never as HTML.
(() => {
  const DATA = JSON.parse(document.getElementById("kg-data").textContent);
  const $ = (id) => document.getElementById(id);
  const el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  };
  const t0 = performance.now();
  // A graph over the page limit, served by `kg serve`: the page holds what it has fetched
  // so far (see "served mode" at the end); null for a page that holds the whole graph.
  const REMOTE = DATA.remote || null;
  const totalNodes = REMOTE ? REMOTE.nodes : DATA.nodes.length;

  // ---- index -------------------------------------------------------------------
  // (a served page indexes what it fetches later the same way)
  const byId = new Map(), adj = new Map();   // node id -> node, edge indexes
  const edgeAt = new Map();                  // edge id -> index in DATA.edges
  const compact = (s) => String(s || "").toLowerCase().replace(/\s+/g, "");
  // Namesakes: entities of one name, kept apart by resolution; most connected first.
  const byLabel = new Map();
  const byDegree = (a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1);
  function indexNode(n) {
    byId.set(n.id, n);
    adj.set(n.id, []);
    n.keys = [n.label, ...n.aliases].map(compact);
    n.py = compact(n.pinyin);
    n.initials = (n.pinyin || "").split(/\s+/).filter(Boolean).map((s) => s[0]).join("").toLowerCase();
    if (!byLabel.has(n.label)) byLabel.set(n.label, []);
    byLabel.get(n.label).push(n);
  }
  function indexEdge(e, i) {
    e.id = e.id || "e" + i;                  // a served edge comes with the server's number
    edgeAt.set(e.id, i);
    adj.get(e.from).push(i);
    if (e.to !== e.from) adj.get(e.to).push(i);
  }
  DATA.nodes.forEach(indexNode);
  DATA.edges.forEach(indexEdge);
  for (const list of byLabel.values()) list.sort(byDegree);
  const served = REMOTE ? servedMode() : null;
  // A line that tells namesakes apart: type, posts, links.
  const postsOf = (n) => [...new Set([
    ...adj.get(n.id).map((i) => DATA.edges[i]).filter((e) => e.rel === "holds" && e.from === n.id)
      .map((e) => `${e.title} @ ${byId.get(e.to).label}`),
    ...n.posts.map((p) => p.title)])];
  const describe = (n) => {
    if (n.about !== undefined) return n.about;    // a served node's, made where all its facts are
    const posts = postsOf(n);
    return [`${typeInfo(n.type).zh || n.type}`, ...posts.slice(0, 2),
            posts.length > 2 ? `+${posts.length - 2} posts` : "", `${n.degree} links`].filter(Boolean).join(" · ");
  };
  const typeInfo = (t) => DATA.types[t] ||
    {color: "#7f7f7f", shape: "dot", glyph: "●", zh: "", border: "#7f7f7f", dashed: false};
  const relInfo = (r) => DATA.rels[r] || {color: "#999999", zh: ""};
  // ---- appearance: colour by type or community, size by a metric ------------------
  const communityColor = new Map(DATA.communities.map((c) => [c.id, c.color]));
  let colourBy = "type", sizeBy = "degree";
  const fill = (n) => (colourBy === "community"
    ? communityColor.get(n.community) || DATA.community_other : typeInfo(n.type).color);
  // While a node is selected, what is not its neighbour fades (`litCentre`: the node
  // wanted lit; `litAt`: the one lit, `lit`: it and its shown neighbours; the edges lit
  // are its own)
  let lit = null, litAt = null, litCentre = null;
  const DIM = {fill: "#e9e9e9", border: "#dddddd", label: "#c4c4c4", edge: "#ececec"};
  const isDim = (id) => lit !== null && !lit.has(id);
  // Coloured by type, the outline is the type's (kg.types: persons and officials differ
  // by it, not by hue alone); by community, the fill's, or on a small node the outline
  // hides the community's colour (the dashes of a person stay).
  const nodeColor = (n, focused) => {
    const c = isDim(n.id) ? DIM.fill : fill(n);
    const b = focused ? "#000" : isDim(n.id) ? DIM.border : colourBy === "community" ? c : typeInfo(n.type).border;
    return {background: c, border: b, highlight: {background: c, border: "#000"},
            hover: {background: c, border: "#555"}};
  };
  const nodeFont = (n) => ({color: isDim(n.id) ? DIM.label : "#343434"});
  const edgeDim = (e) => lit !== null && e.from !== litAt && e.to !== litAt;
  const edgeStyle = (e) => (edgeDim(e)
    ? {color: {color: DIM.edge, highlight: DIM.edge}, font: {color: DIM.label}}
    : {color: {color: relInfo(e.rel).color, highlight: relInfo(e.rel).color}, font: {color: "#444"}});
  // vis scales `value` linearly between the smallest and largest shown
  const nodeValue = (n) => (sizeBy === "degree" ? 1 + n.degree : n[sizeBy]);
  const fmt = (x) => (Number.isInteger(x) ? String(x) : x.toFixed(4));
  // Facts no sentence states: what establishes them instead (graph.json edge `derived`)
  const DERIVED = {divisions: "from the official division data 据官方行政区划数据"};
  const edgeLabel = (e) => (e.rel === "holds" && e.title ? e.title : e.rel);

  // ---- state -------------------------------------------------------------------
  const typeOn = Object.fromEntries(Object.keys(DATA.types).map((t) => [t, true]));
  const relOn = Object.fromEntries(Object.keys(DATA.rels).map((r) => [r, true]));
  const base = DATA.shown ? new Set(DATA.shown) : null;   // large graph: default scope
  const revealed = new Set();                              // reached by search beyond `base`
  let ego = null;                                          // Set of ids while in ego view
  let egoCentre = null, egoDepth = 0, globalPos = null;     // its centre, hops; positions before it
  let pathEnds = null;             // [from, to] while the scope is the shortest paths between them
  let pathFrom = null;             // the first end picked, while the other is awaited
  let selected = null;
  let noticeClosed = false;
  let restoring = false;                                   // while the URL's state is applied
  // Unconnected nodes (no fact links them) stay behind a toggle: shown, the seed graph's
  // hundred of them filled half the canvas as a grid. A selected one is shown all the same.
  let showIsolated = false;
  const isolated = REMOTE ? REMOTE.isolated : DATA.nodes.filter((n) => n.degree === 0).length;
  const placed = new Set();                                // nodes that have a laid-out position
  // The period: DATA.dates holds every full date of a cited article, in order, and a
  // node's or an edge's `days` index it (kg.html.article_dates). While a period is
  // chosen, a node shows when one of its mentions falls in it, an edge when some of its
  // evidence does (a fact of the division data has no date and stays), a post when one
  // of its reports does; evidence with no year printed, only while `keepUndated`.
  const DATES = DATA.dates || [];
  let since = 0, until = DATES.length - 1, keepUndated = true;
  const periodOn = () => since > 0 || until < DATES.length - 1 || !keepUndated;
  const inPeriod = (x) => !periodOn() || Boolean(x.derived) || (x.undated === true && keepUndated) ||
    (x.days || []).some((i) => i >= since && i <= until);
  const dateIndex = new Map(DATES.map((d, i) => [d, i]));
  const dayIn = (day) => !periodOn() ||
    (day ? dateIndex.get(day) >= since && dateIndex.get(day) <= until : keepUndated);
  const inScope = (id) => (ego ? ego.has(id) : !base || base.has(id) || revealed.has(id));
  // The selected node is shown whatever the filters say: search reaches a node of a
  // hidden type without turning its type back on.
  const nodeShown = (id) => id === selected || typeOn[byId.get(id).type] !== false && inScope(id) &&
    (showIsolated || byId.get(id).degree > 0) && inPeriod(byId.get(id));
  const edgeShown = (e) => relOn[e.rel] !== false && inPeriod(e) && nodeShown(e.from) && nodeShown(e.to);

  // ---- vis data ----------------------------------------------------------------
  const focusSet = new Set(DATA.focus);
  // n.hidden / e.hidden mirror what vis shows, so visibility changes touch only what differs
  for (const n of DATA.nodes) n.hidden = !nodeShown(n.id);
  for (const e of DATA.edges) e.hidden = !edgeShown(e);

  // ---- hub labels ----------------------------------------------------------------
  // At the zoom that fits a graph, vis shrinks every label below reading size; the most
  // connected shown nodes keep theirs, drawn after the network at a fixed size on screen
  // (vis's own label of a hub is blanked, or it would double when zoomed in).
  const HUBS = 12;
  const topHubs = () => DATA.nodes.filter((n) => !n.hidden && n.degree > 0)
    .sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1)).slice(0, HUBS).map((n) => n.id);
  let hubs = topHubs();
  const hubSet = new Set(hubs);
  const visNodes = new vis.DataSet(DATA.nodes.map(visNode));
  function visNode(n) {
    const ti = typeInfo(n.type);
    const tip = [n.label, n.pinyin, `${n.type} ${ti.zh} · ${n.degree} links · ${n.mention_count} mentions`,
                 `PageRank ${fmt(n.pagerank)} · betweenness ${fmt(n.betweenness)} · community #${n.community}`];
    if (n.aliases.length) tip.push("又名 " + n.aliases.join("、"));
    return {id: n.id, label: hubSet.has(n.id) ? "" : n.label, title: tip.join("\n"), shape: ti.shape, type: n.type,
            borderWidthSelected: 4, color: nodeColor(n, focusSet.has(n.id)),
            shapeProperties: {borderDashes: ti.dashed ? [4, 3] : false},
            borderWidth: focusSet.has(n.id) ? 4 : 2, value: nodeValue(n), hidden: n.hidden,
            physics: !n.hidden,
            ...(DATA.pos[n.id] ? {x: DATA.pos[n.id][0], y: DATA.pos[n.id][1]} : {})};
  }
  const pairCount = new Map();
  const visEdges = new vis.DataSet(DATA.edges.map(visEdge));
  function visEdge(e) {
    const pair = e.from < e.to ? e.from + "\u0000" + e.to : e.to + "\u0000" + e.from;
    const k = pairCount.get(pair) || 0;
    pairCount.set(pair, k + 1);
    const a = byId.get(e.from), b = byId.get(e.to);
    const tip = `${a.label} → ${edgeLabel(e)} → ${b.label}` + (e.as_of ? ` (${e.as_of})` : "") +
      (e.derived ? "\n" + DERIVED[e.derived] : e.sources.length ? "\n“" + e.sources[0].quote + "”" : "");
    return {id: e.id, from: e.from, to: e.to, rel: e.rel, label: edgeLabel(e), title: tip,
            color: edgeStyle(e).color, arrows: "to", hidden: e.hidden, physics: !e.hidden,
            // parallel facts between one pair fan out instead of drawing over each other
            smooth: k === 0 ? false : {enabled: true, type: k % 2 ? "curvedCW" : "curvedCCW",
                                       roundness: 0.2 * Math.ceil(k / 2)}};
  }

  const visibleCount = () => DATA.nodes.reduce((c, n) => c + !n.hidden, 0);
  const big = visibleCount() > 800;
  const preset = big || REMOTE !== null;    // opens on the positions given (a served page's are laid out)
  // Physics runs a fixed number of iterations in one stabilisation (or fewer where it
  // converges, which vis judges from the positions alone), then stops for good: the same
  // page comes to the same layout on any machine, however fast. (Run in chunks against a
  // clock, as before, it ended wherever the time ran out, and vis ran free between chunks.)
  // Over 800 shown nodes a page opens on kg's seed layout and `re-layout` runs fewer.
  const ITERATIONS = big ? 200 : 1000;
  const net = new vis.Network($("net"), {nodes: visNodes, edges: visEdges}, {
    layout: {improvedLayout: visibleCount() <= 150, randomSeed: 7},
    physics: {
      solver: "barnesHut",
      barnesHut: {gravitationalConstant: -6000, centralGravity: 0.3, springLength: 110,
                  springConstant: 0.04, damping: 0.25, theta: big ? 1.0 : 0.5},
      enabled: !preset,
      stabilization: {enabled: !preset, iterations: ITERATIONS, updateInterval: 25, fit: true},
      adaptiveTimestep: !big, minVelocity: 1.5,
    },
    nodes: {font: {size: 14, strokeWidth: 3, strokeColor: "#fff"},
            scaling: {min: 8, max: 36, label: {enabled: true, min: 12, max: 22, drawThreshold: 5}}},
    edges: {width: 1, selectionWidth: 2, arrows: {to: {scaleFactor: 0.5}},
            font: {size: 10, color: "#444", strokeWidth: 3, align: "middle"}},
    interaction: {hover: !big, tooltipDelay: 200, hideEdgesOnDrag: big, hideEdgesOnZoom: big,
                  keyboard: false},
  });
  window.kg = {net, nodes: visNodes, edges: visEdges, data: DATA, select, egoView, showAll, relax, showEdge};

  // ---- batched updates -------------------------------------------------------------
  // Every DataSet update makes vis re-index the whole network (over a second for 5,000
  // nodes on a slow machine), however few items it carries: what one action changes is
  // gathered here, item by item, and sent once (flush).
  const pendingNodes = new Map(), pendingEdges = new Map();
  const change = (pending, id, props) => {
    if (!pending.has(id)) pending.set(id, {id});
    Object.assign(pending.get(id), props);
  };
  function flush() {
    if (pendingNodes.size) visNodes.update([...pendingNodes.values()]);
    if (pendingEdges.size) visEdges.update([...pendingEdges.values()]);
    pendingNodes.clear();
    pendingEdges.clear();
  }
  function rankHubs() {
    const next = topHubs();
    const was = new Set(hubs), now = new Set(next);
    for (const id of hubs) if (!now.has(id)) change(pendingNodes, id, {label: byId.get(id).label});
    for (const id of next) if (!was.has(id)) change(pendingNodes, id, {label: ""});
    hubs = next;
  }
  net.on("afterDrawing", (ctx) => {
    const scale = net.getScale(), px = Math.max(13, Math.min(24, 20 * scale));
    ctx.save();
    ctx.font = `600 ${px / scale}px system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif`;
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    ctx.lineWidth = 4 / scale;
    ctx.strokeStyle = "#fff";
    for (const id of hubs) {
      const node = net.body.nodes[id];
      if (!node || node.options.hidden) continue;
      const y = node.y + (node.options.size || 10) + 3 / scale;
      ctx.fillStyle = isDim(id) ? DIM.label : "#111";
      ctx.strokeText(byId.get(id).label, node.x, y);
      ctx.fillText(byId.get(id).label, node.x, y);
    }
    ctx.restore();
  });

  // Fade all but `centre` and its shown neighbours (null: nothing fades) where a view is
  // small enough for vis to restyle it at once; only what changes is queued.
  const FADE_LIMIT = 2000;
  function light(centre) {
    if (centre !== null && visibleCount() > FADE_LIMIT) centre = null;
    litAt = centre;
    lit = centre === null ? null : new Set([centre]);
    if (lit) {
      for (const i of adj.get(centre)) {
        const e = DATA.edges[i];
        if (!e.hidden) { lit.add(e.from); lit.add(e.to); }
      }
    }
    for (const n of DATA.nodes) {
      const d = isDim(n.id);
      if (Boolean(n.dim) !== d) { n.dim = d; change(pendingNodes, n.id, {color: nodeColor(n, focusSet.has(n.id)), font: nodeFont(n)}); }
    }
    for (const e of DATA.edges) {
      const d = edgeDim(e);
      if (Boolean(e.dim) !== d) { e.dim = d; change(pendingEdges, e.id, edgeStyle(e)); }
    }
  }

  // ---- layout: stabilise once, then physics stops -----------------------------
  const status = $("status");
  // Counted as `kg stats` counts: facts are edges and the posts without an organisation
  // (a person's node holds those; they are no edge).
  const facts = REMOTE ? REMOTE.facts : DATA.edges.length + DATA.nodes.reduce((c, n) => c + n.posts.length, 0);
  const summary = () => {
    const shownNodes = DATA.nodes.reduce((c, n) => c + !n.hidden, 0);
    const shownEdges = DATA.edges.reduce((c, e) => c + !e.hidden, 0);
    status.textContent = `${totalNodes} entities · ${facts} facts — showing ` +
      `${shownNodes} nodes, ${shownEdges} edges` + (pathEnds ? " (path view)" : ego ? " (ego view)" : "") +
      (served && ego && !pathEnds && served.cut(egoCentre, egoDepth) ? `: the nearest ${REMOTE.ego_limit} only` : "") +
      (periodOn() ? ` · ${periodText()}` : "");
    updateNotice();
  };
  // One relaxation at a time: one asked for while another runs stops it and starts over
  // (two would tick the same physics twice).
  let layoutIterations = 0;
  let running = !preset && visibleCount() > 0, again = false;
  net.on("stabilizationProgress", (p) => {
    layoutIterations = p.iterations;
    status.textContent = `laying out… ${p.iterations} of at most ${p.total} iterations`;
  });
  net.on("stabilizationIterationsDone", () => {
    if (!again) { layoutDone(); return; }
    again = false;
    layoutIterations = 0;
    setTimeout(() => net.stabilize(ITERATIONS), 0);
  });
  function relax() {
    document.body.dataset.layout = "running";
    if (running) { again = true; net.stopSimulation(); return; }
    if (!visibleCount()) { layoutDone(); return; }
    running = true;
    layoutIterations = 0;
    net.setOptions({physics: {enabled: true}});
    net.stabilize(ITERATIONS);
  }
  let firstLayout = true;
  const layoutDone = () => {
    running = false;
    net.setOptions({physics: {enabled: false}});
    for (const n of DATA.nodes) if (nodeShown(n.id)) placed.add(n.id);
    summary();
    document.body.dataset.layout = "stable";
    if (firstLayout) {
      firstLayout = false;
      // for bench/html_bench.py: ms from navigation start to script start and to stable layout
      window.kgLayout = {scriptMs: t0, stableMs: performance.now(), iterations: layoutIterations};
      if (location.hash.length > 1) restore();      // a link to a view opens on it
      else if (DATA.focus.length) {
        restoring = true;
        select(DATA.focus[0], false);
        restoring = false;
        history.replaceState(null, "", "#" + stateHash());
      }
    } else {
      net.fit({animation: {duration: 300}});
    }
  };

  // The large-graph notice speaks of the default scope only (an ego view has its own),
  // and once closed stays closed.
  function updateNotice() {
    const more = [...revealed].filter((id) => !base || !base.has(id)).length;
    const text = base && !ego ? `Large graph: showing the ${base.size.toLocaleString()} most connected of ` +
      `${totalNodes.toLocaleString()} nodes ` + (REMOTE ? `(over the page limit of ${REMOTE.limit.toLocaleString()}: ` +
      "served in parts)" : `(limit max_nodes=${DATA.max_nodes})`) +
      (more ? ` and ${more.toLocaleString()} reached by search` : "") +
      ". Search reaches every node; an ego view shows any neighbourhood" +
      (REMOTE ? ", fetched from the server." : ".") : "";
    $("notice-text").textContent = text;
    $("notice").hidden = !text || noticeClosed;
  }
  $("notice-close").addEventListener("click", () => { noticeClosed = true; updateNotice(); });

  // ---- visibility --------------------------------------------------------------
  // One flush per change (see `change`), with the hub labels and the fading it brings.
  // vis simulates hidden nodes and edges too (and pulls shown ones towards them), so
  // what is hidden also leaves the physics: the layout moves only what is shown.
  // Nodes shown for the first time are placed beside a positioned neighbour (or the
  // anchor), `first` before the rest so its neighbours gather round it.
  function applyVisibility(anchor, first) {
    const fresh = [];
    for (const n of DATA.nodes) {
      const hidden = !nodeShown(n.id);
      if (n.hidden !== hidden) {
        n.hidden = hidden;
        change(pendingNodes, n.id, {hidden, physics: !hidden});
        if (!hidden && !placed.has(n.id)) fresh.push(pendingNodes.get(n.id));
      }
    }
    for (const e of DATA.edges) {
      const hidden = !edgeShown(e);
      if (e.hidden !== hidden) { e.hidden = hidden; change(pendingEdges, e.id, {hidden, physics: !hidden}); }
    }
    fresh.sort((u, v) => (v.id === first) - (u.id === first));
    // where a node is, or is about to be put (positions given back by leaveEgo)
    const posOf = (id) => (pendingNodes.has(id) && pendingNodes.get(id).x !== undefined
      ? pendingNodes.get(id) : net.getPosition(id));
    const at = new Map();
    const golden = 2.39996;
    fresh.forEach((u, i) => {
      let c = null;
      for (const ei of adj.get(u.id)) {
        const e = DATA.edges[ei], other = e.from === u.id ? e.to : e.from;
        if (at.has(other)) { c = at.get(other); break; }
        if (placed.has(other) && nodeShown(other)) { c = posOf(other); break; }
      }
      c = c || anchor || net.getViewPosition();
      const r = 60 + 12 * Math.sqrt(i);
      const x = c.x + r * Math.cos(golden * i), y = c.y + r * Math.sin(golden * i);
      Object.assign(u, {x, y});
      at.set(u.id, {x, y});
      placed.add(u.id);
    });
    rankHubs();
    light(litCentre !== null && nodeShown(litCentre) ? litCentre : null);
    flush();
    summary();
    return fresh.length;
  }

  // ---- filters -----------------------------------------------------------------
  $("isolated-count").textContent = isolated;
  $("isolated-row").hidden = !isolated;
  $("isolated").addEventListener("change", (ev) => {
    showIsolated = ev.target.checked;
    applyVisibility();
  });
  function filterRow(box, key, on, glyph, color, label, count, onChange) {
    const row = el("label");
    const cb = el("input");
    cb.type = "checkbox";
    cb.checked = on;
    cb.dataset.key = key;
    cb.addEventListener("change", () => onChange(cb.checked));
    const g = el("span", glyph, "glyph");
    g.style.color = color;
    row.append(cb, g, el("span", label), el("span", count, "count"));
    box.appendChild(row);
  }
  for (const [t, info] of Object.entries(DATA.types)) {
    filterRow($("types"), t, true, info.glyph, info.border, `${t} ${info.zh}`, info.count, (on) => {
      typeOn[t] = on;
      refilter();
    });
  }
  for (const [r, info] of Object.entries(DATA.rels)) {
    filterRow($("rels"), r, true, "━", info.color, `${r} ${info.zh}`, info.count, (on) => {
      relOn[r] = on;
      refilter();
    });
  }

  // The period: two sliders over the dates of the evidence, and whether evidence with no
  // year printed stays; a change applies when a slider is let go (re-showing thousands of
  // nodes at every step would stall), the dates it would give show as it moves.
  function periodText(a = since, b = until) {
    return DATES.length ? (a === b ? DATES[a] : `${DATES[a]} – ${DATES[b]}`) + (keepUndated ? "" : ", dated only") : "";
  }
  function setPeriod(a, b, undated) {
    if (DATES.length) {
      since = Math.max(0, Math.min(a, b));
      until = Math.min(DATES.length - 1, Math.max(a, b));
    }
    keepUndated = undated;
    $("period-from").value = String(since);
    $("period-to").value = String(until);
    $("period-undated").checked = keepUndated;
    $("period-text").textContent = periodText();
    $("period-reset").disabled = !periodOn();
    markHistogram(since, until);
  }
  // Above the sliders, the cited articles per date (in at most HIST_BARS bars), those in
  // the period marked: where the evidence lies before a period is chosen.
  const HIST_BARS = 120;
  const histBars = [];
  function buildHistogram() {
    const perDay = DATES.map(() => 0);
    for (const a of Object.values(DATA.articles)) if (a.date && dateIndex.has(a.date)) perDay[dateIndex.get(a.date)]++;
    const width = Math.ceil(DATES.length / HIST_BARS) || 1;
    const bins = [];
    for (let i = 0; i < DATES.length; i += width) {
      const j = Math.min(i + width, DATES.length) - 1;
      bins.push({lo: i, hi: j, count: perDay.slice(i, j + 1).reduce((c, x) => c + x, 0)});
    }
    const most = Math.max(1, ...bins.map((b) => b.count));
    for (const b of bins) {
      const bar = el("div", null, "bar");
      bar.style.height = `${Math.max(4, (100 * b.count) / most)}%`;
      bar.title = `${DATES[b.lo]}${b.hi > b.lo ? " – " + DATES[b.hi] : ""}: ${b.count} article${b.count === 1 ? "" : "s"}`;
      bar.dataset.count = String(b.count);
      histBars.push([b, bar]);
      $("period-hist").appendChild(bar);
    }
  }
  function markHistogram(a, b) {
    for (const [bin, bar] of histBars) bar.classList.toggle("in", bin.hi >= a && bin.lo <= b);
  }
  function periodChanged() {
    refilter();
    if (selected !== null && !pathEnds) showNode(selected);
  }
  $("period-box").hidden = !DATES.length;
  for (const id of ["period-from", "period-to"]) {
    $(id).max = String(Math.max(0, DATES.length - 1));
    $(id).addEventListener("input", () => {
      const a = Number($("period-from").value), b = Number($("period-to").value);
      // one slider pushes the other rather than cross it
      if (a > b) $(id === "period-from" ? "period-to" : "period-from").value = String(id === "period-from" ? a : b);
      $("period-text").textContent = periodText(Number($("period-from").value), Number($("period-to").value));
      markHistogram(Number($("period-from").value), Number($("period-to").value));
    });
    $(id).addEventListener("change", () => {
      setPeriod(Number($("period-from").value), Number($("period-to").value), keepUndated);
      periodChanged();
    });
  }
  $("period-undated").addEventListener("change", (ev) => {
    setPeriod(since, until, ev.target.checked);
    periodChanged();
  });
  $("period-reset").addEventListener("click", () => {
    setPeriod(0, DATES.length - 1, true);
    periodChanged();
  });
  $("period-undated-count").textContent = DATA.nodes.filter((n) => n.undated && !(n.days || []).length).length;
  buildHistogram();
  setPeriod(since, until, keepUndated);       // the controls say what the state is

  function restyle() {
    visNodes.update(DATA.nodes.map((n) => ({id: n.id, color: nodeColor(n, focusSet.has(n.id)),
                                             value: nodeValue(n)})));
    $("communities").hidden = colourBy !== "community";
  }
  for (const c of DATA.communities) {
    const row = el("label");
    const sw = el("span", null, "swatch");
    sw.style.background = c.color;
    row.title = `community #${c.id}: ${c.count} nodes; highest PageRank: ${c.label}`;
    row.append(sw, el("span", `#${c.id} ${c.label}`), el("span", c.count, "count"));
    $("communities").appendChild(row);
  }
  const smaller = totalNodes - DATA.communities.reduce((s, c) => s + c.count, 0);
  if (smaller) {
    const row = el("label");
    const sw = el("span", null, "swatch");
    sw.style.background = DATA.community_other;
    row.append(sw, el("span", "smaller communities 其他"), el("span", smaller, "count"));
    $("communities").appendChild(row);
  }
  $("colour-by").addEventListener("change", (ev) => { colourBy = ev.target.value; restyle(); });
  $("size-by").addEventListener("change", (ev) => { sizeBy = ev.target.value; restyle(); });

  // ---- side panel --------------------------------------------------------------
  function nodeLink(id) {
    const n = byId.get(id);
    const b = el("button", n.label, "link");
    b.title = `${n.type} · ${n.pinyin}`;
    b.addEventListener("click", () => select(id));
    return b;
  }
  // The quote with the span cited marked by its offsets (in_quote, counted in characters
  // as Python counts them: code points), so an alias is marked where it stands and 区长
  // never inside 副区长.
  function quote(s) {
    const q = el("div", null, "quote");
    const chars = Array.from(String(s.quote));
    const [i, j] = s.in_quote || [0, 0];
    q.appendChild(document.createTextNode(chars.slice(0, i).join("")));
    if (j > i) q.appendChild(el("mark", chars.slice(i, j).join("")));
    q.appendChild(document.createTextNode(chars.slice(j).join("")));
    return q;
  }
  function cite(s) {
    const d = DATA.docs[s.doc] || {};
    const a = DATA.articles[s.article] || {};
    const bits = [[d.paper, d.date].filter(Boolean).join(" "), s.doc,
                  a.title ? `《${a.title}》` : "", (s.article || "").replace(s.doc, ""),
                  s.start != null ? `chars ${s.start}–${s.end}` : ""];
    const c = el("div", bits.filter(Boolean).join(" · "), "cite");
    if (s.rule) {      // "persons:title chain": the extractor, then its rule
      const r = el("span", ` · found by: ${s.rule.slice(s.rule.indexOf(":") + 1)}`, "rule");
      r.title = `extractor rule ${s.rule}`;
      c.appendChild(r);
    }
    return c;
  }
  // `total`: how many sources there are; the page carries at most SHOWN_SOURCES of them
  function sources(box, list, total, limit = 50) {
    const shown = list.slice(0, limit);
    for (const s of shown) box.append(quote(s), cite(s));
    if (total > shown.length) {
      box.appendChild(el("div", `… ${total - shown.length} more (all in graph.ttl, graph.json)`, "muted"));
    }
  }
  function badge(type) {
    const ti = typeInfo(type);
    const b = el("span", `${ti.glyph} ${type} ${ti.zh}`, "badge");
    b.style.background = ti.border;
    return b;
  }

  function showNode(id) {
    const n = byId.get(id);
    $("p-title").textContent = n.label;
    const body = $("p-body");
    body.replaceChildren(badge(n.type));
    body.appendChild(el("div", [n.pinyin, n.code && "code " + n.code].filter(Boolean).join(" · ")));
    body.appendChild(el("div", "id " + n.id, "muted"));
    const pathBtn = el("button", "path from here 路径…", "path-from");
    pathBtn.title = "then search or click the other end: the shortest paths between them";
    pathBtn.addEventListener("click", () => askPathFrom(id));
    body.appendChild(pathBtn);
    if (typeOn[n.type] === false) {
      body.appendChild(el("div", `${n.type} is filtered out: shown while selected, its type stays off.`, "note"));
    }
    const same = byLabel.get(n.label);
    if (same.length > 1) {
      const box = el("div", null, "namesakes");
      box.appendChild(el("div", `${same.length} entities are called ${n.label} (most connected first):`));
      const ol = el("ol");
      for (const m of same) {
        const li = el("li");
        if (m.id === n.id) li.append(el("b", "▶ " + describe(m)));
        else {
          const b = el("button", describe(m), "link");
          b.dataset.id = m.id;
          b.addEventListener("click", () => select(m.id));
          li.appendChild(b);
        }
        ol.appendChild(li);
      }
      box.appendChild(ol);
      body.appendChild(box);
    }
    body.appendChild(el("div", `${n.degree} links (${n.weighted_degree} with sources) · ` +
      `PageRank ${fmt(n.pagerank)} · betweenness ${fmt(n.betweenness)} · community #${n.community}`, "muted"));
    if (n.aliases.length) body.appendChild(el("div", "又名 aliases: " + n.aliases.join("、")));
    const edges = adj.get(id).map((i) => DATA.edges[i]);
    const others = edges.filter((e) => e.rel !== "holds");
    // a person's posts are its career spells (kg.careers); a body's, its holders' posts
    showPosts(body, n.spells.length ? spellPosts(id, n.spells) : heldIn(id, edges));
    if (others.length) {
      body.appendChild(el("h3", `关系 Relations (${others.length})`));
      for (const e of others) {
        const f = el("div", null, "fact");
        f.dataset.edge = e.id;
        const line = el("div");
        const out = e.from === id;
        line.append(document.createTextNode(out ? "→ " : "← "), el("b", `${e.rel} ${relInfo(e.rel).zh}`),
                    document.createTextNode(out ? " → " : " ← "), nodeLink(out ? e.to : e.from));
        f.appendChild(line);
        if (e.derived) f.appendChild(el("div", DERIVED[e.derived], "derived"));
        else sources(f, e.sources, e.source_count, 5);
        body.appendChild(f);
      }
    }
    body.appendChild(el("h3", `来源 Sources (${n.mention_count} mentions)`));
    sources(body, n.mentions, n.mention_count);
  }

  // A person's spells with each report's evidence whole: a report of a post and date
  // that is a `holds` edge (`edge`) carries only what the edge lacks; the edge has the rest.
  function spellPosts(id, spells) {
    const holds = adj.get(id).map((i) => DATA.edges[i]).filter((e) => e.rel === "holds" && e.from === id);
    return spells.map((s) => ({...s, reported: s.reported.map((r) => {
      const e = r.edge ? holds.find((x) => x.to === s.org && x.title === s.title && x.as_of === r.as_of) : null;
      return e ? {...r, sources: [...e.sources, ...(r.sources || [])]} : r;
    })}));
  }

  // The posts held in a body, one per holder and title, in the shape of a spell: each
  // `holds` edge is one report (a date) of it.
  const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
  const reportDay = (r) => (ISO_DAY.test(r.as_of) ? r.as_of : "");     // "" no year printed
  function heldIn(id, edges) {
    const posts = new Map();
    for (const e of edges.filter((x) => x.rel === "holds" && x.to === id)) {
      const key = e.from + "\u0000" + e.title;
      if (!posts.has(key)) posts.set(key, {title: e.title, holder: e.from, reported: []});
      posts.get(key).reported.push({as_of: e.as_of,
                                    articles: new Set(e.sources.map((x) => x.article)).size,
                                    sources: e.sources, source_count: e.source_count});
    }
    return [...posts.values()].map((p) => {
      const full = p.reported.map(reportDay).filter(Boolean).sort();
      const ends = full.length ? [full[0], full[full.length - 1]]
        : [p.reported[0].as_of, p.reported[p.reported.length - 1].as_of];
      return {...p, first: full[0] || "", last: full[full.length - 1] || "",
              range: [...new Set(ends.filter(Boolean))].join(" – "),
              reports: new Set(p.reported.flatMap((r) => r.sources.map((x) => x.article))).size};
    });
  }

  // Posts, one entry each: the post, where (or who), its reported dates and number of
  // reports, a bar on one time axis (the span of the full dates; a date without a year
  // has no place on it), and the reports with their evidence behind a toggle. While a
  // period is chosen, only the posts and reports in it.
  function showPosts(body, posts) {
    if (!posts.length) return;
    const listed = posts.map((p) => ({p, reps: p.reported.filter((r) => dayIn(reportDay(r)))}))
      .filter((x) => x.reps.length || !periodOn());
    const reports = posts.reduce((c, p) => c + p.reports, 0);
    body.appendChild(el("h3", `职务 Posts (${posts.length} post${posts.length === 1 ? "" : "s"}, ` +
      `${reports} report${reports === 1 ? "" : "s"})` + (periodOn() ? ` · ${listed.length} in the period` : "")));
    const dated = posts.filter((p) => p.first);
    const day = (d) => Date.parse(d + "T00:00:00Z");
    const lo = dated.length ? Math.min(...dated.map((p) => day(p.first))) : 0;
    const hi = dated.length ? Math.max(...dated.map((p) => day(p.last))) : 0;
    for (const {p, reps} of listed) {
      const f = el("div", null, "fact post");
      const line = el("div");
      if (p.holder !== undefined) line.append(nodeLink(p.holder), document.createTextNode(" — "), el("b", p.title));
      else line.append(el("b", p.title), document.createTextNode(" @ "),
                       p.org ? nodeLink(p.org) : el("span", p.where || "?", "muted"));
      const about = [p.range, `${p.reports} report${p.reports === 1 ? "" : "s"}`, p.rank,
                     p.placed ? "body from the paper's area" : ""].filter(Boolean).join(" · ");
      line.appendChild(el("span", "  " + about, "muted"));
      f.appendChild(line);
      if (p.first) {
        const strip = el("div", null, "strip");
        const bar = el("div", null, "bar");
        const width = hi > lo ? (day(p.last) - day(p.first)) / (hi - lo) : 1;
        bar.style.left = `${hi > lo ? (100 * (day(p.first) - lo)) / (hi - lo) : 0}%`;
        bar.style.width = `max(3px, ${100 * width}%)`;
        bar.title = p.range;
        strip.appendChild(bar);
        f.appendChild(strip);
      }
      const more = el("details", null, "reports");
      more.appendChild(el("summary", `${reps.length} report date${reps.length === 1 ? "" : "s"}` +
        (reps.length < p.reported.length ? ` in the period (of ${p.reported.length})` : "") + ": evidence 证据"));
      for (const r of reps) {
        const rep = el("div", null, "report");
        rep.appendChild(el("div", `${r.as_of || "no date"} · ${r.articles} article${r.articles === 1 ? "" : "s"}`,
                           "muted"));
        sources(rep, r.sources || [], r.source_count);
        more.appendChild(rep);
      }
      f.appendChild(more);
      body.appendChild(f);
    }
  }

  function showEdge(eid) {
    const e = DATA.edges[edgeAt.get(eid)];
    if (served && served.partialEdge(e)) { served.edge(eid).then((ok) => ok && showEdge(eid)); return; }
    $("p-title").textContent = edgeLabel(e);
    const body = $("p-body");
    const line = el("div");
    line.append(nodeLink(e.from), document.createTextNode(` → ${e.rel} ${relInfo(e.rel).zh} → `), nodeLink(e.to));
    body.replaceChildren(line);
    if (e.as_of) body.appendChild(el("div", "as of " + e.as_of, "muted"));
    if (e.derived) {
      // the sentences only name the places: they are where the names were read, not evidence
      const [a, b] = [byId.get(e.from), byId.get(e.to)];
      body.appendChild(el("div", `${DERIVED[e.derived]}: ${a.label}${a.code ? " (" + a.code + ")" : ""} ` +
        `${e.rel} ${b.label}${b.code ? " (" + b.code + ")" : ""}`, "derived"));
      body.appendChild(el("h3", `名称出处 Where the names were read (${e.source_count})`));
    } else {
      body.appendChild(el("h3", `证据 Evidence (${e.source_count})`));
    }
    sources(body, e.sources, e.source_count);
  }

  // ---- selection, search, ego --------------------------------------------------
  function select(id, move = true) {
    if (served && served.wants(id)) { served.node(id).then((ok) => ok && select(id, move)); return; }
    if (!byId.has(id)) return;
    if (pathFrom !== null && pathFrom !== id) {     // the other end of a path asked for
      const from = pathFrom;
      pathFrom = null;
      pathView(from, id);
      return;
    }
    if (ego && !ego.has(id)) leaveEgo();
    if (!inScope(id)) {
      revealed.add(id);
      for (const i of adj.get(id)) { revealed.add(DATA.edges[i].from); revealed.add(DATA.edges[i].to); }
    }
    selected = id;
    litCentre = id;
    applyVisibility(placed.has(id) ? net.getPosition(id) : net.getViewPosition(), id);
    $("ego").disabled = false;
    net.selectNodes([id]);
    if (move) net.focus(id, {scale: Math.max(net.getScale(), 1.1), animation: {duration: 400}});
    showNode(id);
    remember();
  }

  function deselect() {
    selected = null;
    $("ego").disabled = true;
    litCentre = null;
    applyVisibility();
    remember();
  }

  // The ego set: `egoCentre` and what lies within `egoDepth` hops of it, walking only
  // the relations shown and only through the types shown: a hidden type is neither shown
  // nor walked through.
  function egoWalk() {
    const seen = new Set([egoCentre]);
    let frontier = [egoCentre];
    for (let d = 0; d < egoDepth && frontier.length; d++) {
      const next = [];
      for (const u of frontier) {
        for (const i of adj.get(u)) {
          const e = DATA.edges[i];
          if (relOn[e.rel] === false || !inPeriod(e)) continue;
          const v = e.from === u ? e.to : e.from;
          if (!seen.has(v) && typeOn[byId.get(v).type] !== false && inPeriod(byId.get(v))) {
            seen.add(v);
            next.push(v);
          }
        }
      }
      frontier = next;
    }
    return seen;
  }

  // An ego view lays out its own nodes (and only those: the rest are out of the physics);
  // the positions of the whole graph come back with `show all`.
  function egoView(id = selected, depth = Number($("depth").value)) {
    if (served && !served.hasEgo(id, depth)) { served.ego(id, depth).then((ok) => ok && egoView(id, depth)); return; }
    if (!byId.has(id)) return;
    if (!ego) globalPos = net.getPositions([...placed]);
    pathEnds = null;
    egoCentre = id;
    egoDepth = depth;
    ego = egoWalk();
    const laid = served !== null && served.place(ego, id, depth);
    applyVisibility(placed.has(id) ? net.getPosition(id) : net.getViewPosition(), id);
    layoutEgo(laid);
    net.selectNodes([id]);
    remember();
  }

  // (`laid`: the nodes are where the server laid them out, and physics stays off)
  function layoutEgo(laid = false) {
    if (ego.size <= 1500 && !laid) relax();
    else net.fit({nodes: [...ego].filter(nodeShown), animation: {duration: 300}});
  }

  // A filter changed: an ego view walks again under the new filters.
  function refilter() {
    remember();
    if (!ego) { applyVisibility(); return; }
    if (pathEnds) { pathView(...pathEnds); return; }
    if (served && !served.hasEgo(egoCentre, egoDepth)) { served.ego(egoCentre, egoDepth).then(refilter); return; }
    ego = egoWalk();
    const laid = served !== null && served.place(ego, egoCentre, egoDepth);
    applyVisibility();
    layoutEgo(laid);
  }

  function leaveEgo() {
    ego = null;
    egoCentre = null;
    pathEnds = null;
    if (running) { again = false; net.stopSimulation(); }
    if (globalPos) {          // sent with the next visibility change
      for (const [id, p] of Object.entries(globalPos)) change(pendingNodes, id, {x: p.x, y: p.y});
      globalPos = null;
    }
  }

  function showAll() {
    if (ego) leaveEgo();
    applyVisibility();
    net.fit({animation: {duration: 300}});
    remember();
  }

  // ---- URL state: #node=…&hops=…&types=…&rels=… --------------------------------
  // Each view moved to is an entry of the browser's history, so back and forward walk
  // through them, and a link carrying the state opens the page on it. hops: an ego view
  // (around `centre`, when that is not the selected node); types, rels: those shown,
  // when some are off.
  function stateHash() {
    const p = new URLSearchParams();
    if (selected !== null) p.set("node", selected);
    if (pathEnds) {
      p.set("from", pathEnds[0]);
      p.set("to", pathEnds[1]);
    } else if (ego) {
      if (egoCentre !== selected) p.set("centre", egoCentre);
      p.set("hops", String(egoDepth));
    }
    for (const [key, on] of [["types", typeOn], ["rels", relOn]]) {
      const shown = Object.keys(on).filter((k) => on[k]);
      if (shown.length < Object.keys(on).length) p.set(key, shown.join(","));
    }
    if (since > 0) p.set("since", DATES[since]);
    if (until < DATES.length - 1) p.set("until", DATES[until]);
    if (!keepUndated) p.set("undated", "0");
    return p.toString();
  }
  function remember() {
    if (restoring || firstLayout) return;
    const h = stateHash();
    if (h !== location.hash.slice(1)) history.pushState(null, "", h ? "#" + h : location.pathname);
  }
  function setFilters(on, box, shown) {
    for (const k of Object.keys(on)) {
      on[k] = shown === null || shown.includes(k);
      box.querySelector(`input[data-key="${CSS.escape(k)}"]`).checked = on[k];
    }
  }
  function restore() {
    const p = new URLSearchParams(location.hash.slice(1));
    const node = p.get("node"), centre = p.get("centre") || node, hops = p.get("hops");
    if (served && served.fetchFirst([node, centre, p.get("from"), p.get("to")], restore)) return;
    restoring = true;
    try {
      setFilters(typeOn, $("types"), p.has("types") ? p.get("types").split(",") : null);
      setFilters(relOn, $("rels"), p.has("rels") ? p.get("rels").split(",") : null);
      // the first date on or after `since`, the last on or before `until`
      const lo = DATES.findIndex((d) => d >= (p.get("since") || ""));
      const hi = DATES.length - 1 - [...DATES].reverse().findIndex((d) => d <= (p.get("until") || "\uffff"));
      setPeriod(lo < 0 ? DATES.length - 1 : lo, hi > DATES.length - 1 ? 0 : hi, p.get("undated") !== "0");
      if (ego) leaveEgo();
      if (node !== null && byId.has(node)) select(node, hops === null);
      else { deselect(); net.unselectAll(); }
      const from = p.get("from"), to = p.get("to");
      if (from !== null && to !== null && byId.has(from) && byId.has(to)) pathView(from, to, byId.has(node) ? node : to);
      else if (hops !== null && byId.has(centre)) egoView(centre, Math.max(0, Number(hops) || 0));
      else applyVisibility();
    } finally {
      restoring = false;
    }
  }
  window.addEventListener("popstate", restore);

  // ---- paths between two nodes ----------------------------------------------------
  // Breadth-first from `src` over the facts either way (as `kg path`), through the
  // relations and types shown (`ends` always): each node's distance and its number of
  // shortest paths from `src`.
  function reach(src, ends) {
    const dist = new Map([[src, 0]]), count = new Map([[src, 1]]);
    let frontier = [src];
    while (frontier.length) {
      const next = [];
      for (const u of frontier) {
        for (const v of neighbours(u, ends)) {
          if (!dist.has(v)) { dist.set(v, dist.get(u) + 1); count.set(v, 0); next.push(v); }
          if (dist.get(v) === dist.get(u) + 1) count.set(v, count.get(v) + count.get(u));
        }
      }
      frontier = next;
    }
    return {dist, count};
  }
  function neighbours(u, ends) {
    const out = new Set();
    for (const i of adj.get(u)) {
      const e = DATA.edges[i];
      const v = e.from === u ? e.to : e.from;
      if (v !== u && relOn[e.rel] !== false && inPeriod(e) &&
          (typeOn[byId.get(v).type] !== false && inPeriod(byId.get(v)) || ends.has(v))) out.add(v);
    }
    return [...out].sort();
  }
  // The shortest paths from a to b: their length and number, the nodes on any of them,
  // and the first of them (at each step the smallest id one hop nearer b).
  function shortest(a, b) {
    const ends = new Set([a, b]);
    const fa = reach(a, ends), fb = reach(b, ends);
    if (!fa.dist.has(b)) return null;
    const length = fa.dist.get(b);
    const on = new Set([...fa.dist.keys()].filter((v) => fb.dist.has(v) && fa.dist.get(v) + fb.dist.get(v) === length));
    const path = [a];
    while (path[path.length - 1] !== b) {
      const u = path[path.length - 1];
      path.push(neighbours(u, ends).find((v) => on.has(v) && fb.dist.get(v) === fb.dist.get(u) - 1));
    }
    return {length, count: fa.count.get(b), nodes: on, path};
  }

  // The path view: only the nodes on the shortest paths from a to b, laid out alone;
  // the panel lists each hop of the first path with its facts and their evidence.
  function pathView(a, b, focus = b) {
    if (served && !served.hasPath(a, b)) { served.path(a, b).then((ok) => ok && pathView(a, b, focus)); return; }
    const r = shortest(a, b);
    if (!r) {
      showNoPath(a, b);
      return;
    }
    if (!ego) globalPos = net.getPositions([...placed]);
    pathEnds = [a, b];
    egoCentre = null;
    ego = r.nodes;
    selected = focus;
    litCentre = null;
    $("ego").disabled = false;
    applyVisibility(placed.has(a) ? net.getPosition(a) : net.getViewPosition(), a);
    net.selectNodes([focus]);
    layoutEgo();
    showPath(a, b, r);
    remember();
  }
  function askPathFrom(id) {
    pathFrom = id;
    $("p-body").prepend(el("div", `Path from ${byId.get(id).label}: search or click the other end ` +
      "(Esc: never mind).", "note"));
  }
  function filtersOff() {
    return Object.values(typeOn).includes(false) || Object.values(relOn).includes(false) || periodOn();
  }
  function showNoPath(a, b) {
    $("p-title").textContent = "路径 Path";
    $("p-body").replaceChildren(el("div", `No chain of facts joins ${byId.get(a).label} and ` +
      `${byId.get(b).label}` + (filtersOff() ? " through the types, relations and period shown." : "."), "note"));
  }
  function showPath(a, b, r) {
    $("p-title").textContent = "路径 Path";
    const body = $("p-body");
    const head = el("div");
    head.append(nodeLink(a), document.createTextNode(" → "), nodeLink(b));
    body.replaceChildren(head, el("div", `${r.count} shortest path${r.count === 1 ? "" : "s"} of ` +
      `${r.length} hop${r.length === 1 ? "" : "s"}` + (filtersOff() ? ", through the types, relations and period shown" : "") +
      (r.count > 1 ? `; the first is listed, all ${r.nodes.size} nodes on them are shown` : ""), "muted"));
    body.appendChild(el("h3", "path 1: " + r.path.map((id) => byId.get(id).label).join(" – ")));
    for (let k = 0; k + 1 < r.path.length; k++) {
      const u = r.path[k], v = r.path[k + 1];
      const facts = adj.get(u).map((i) => DATA.edges[i])
        .filter((e) => relOn[e.rel] !== false && inPeriod(e) && (e.from === v || e.to === v) && e.from !== e.to);
      const hop = el("div", null, "fact hop");
      for (const e of facts.slice(0, 3)) {
        const line = el("div");
        line.append(nodeLink(e.from), document.createTextNode(` ${e.rel === "holds" ? "holds " + e.title + " in" : e.rel} `),
                    nodeLink(e.to));
        hop.appendChild(line);
        if (e.derived) hop.appendChild(el("div", DERIVED[e.derived], "derived"));
        else sources(hop, e.sources.slice(0, 1), e.source_count, 1);
      }
      if (facts.length > 3) hop.appendChild(el("div", `… ${facts.length - 3} more facts on this hop`, "muted"));
      body.appendChild(hop);
    }
  }
  window.addEventListener("hashchange", () => { if (location.hash.slice(1) !== stateHash()) restore(); });

  // ---- export of what is shown ------------------------------------------------------
  // CSV as a spreadsheet opens it: UTF-8 with a byte-order mark, every cell quoted, and a
  // text cell that would start a formula (=, +, -, @: OWASP's CSV injection) prefixed
  // with ', as kg export does.
  const FORMULA = /^[=+\-@\t\r]/;
  const csvCell = (v) => {
    const s = typeof v === "number" ? String(v) : String(v ?? "").replace(FORMULA, "'$&");
    return '"' + s.replace(/"/g, '""') + '"';
  };
  const csv = (header, rows) => "\ufeff" + [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\n") + "\n";
  function download(name, blob) {
    const a = el("a");
    a.download = name;
    a.href = URL.createObjectURL(blob);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }
  $("export-nodes").addEventListener("click", () => {
    const rows = DATA.nodes.filter((n) => !n.hidden).map((n) => [n.id, n.label, n.type, n.pinyin,
      n.aliases.join("、"), n.code, n.degree, n.weighted_degree, n.pagerank, n.betweenness, n.community,
      n.mention_count]);
    download("kg-nodes.csv", new Blob([csv(["id", "label", "type", "pinyin", "aliases", "code", "degree",
      "weighted_degree", "pagerank", "betweenness", "community", "mentions"], rows)], {type: "text/csv"}));
  });
  $("export-edges").addEventListener("click", () => {
    const rows = DATA.edges.filter((e) => !e.hidden).map((e) => {
      const s = e.sources[0] || {};
      return [e.from, byId.get(e.from).label, e.rel, e.title, e.to, byId.get(e.to).label, e.as_of,
              e.derived, e.source_count, s.quote, s.doc, s.article];
    });
    download("kg-edges.csv", new Blob([csv(["from", "from_label", "rel", "title", "to", "to_label", "as_of",
      "derived", "sources", "quote", "doc", "article"], rows)], {type: "text/csv"}));
  });
  // GraphML of what is shown, with the attributes `kg export --format graphml` gives
  // (networkx, igraph, Gephi and yEd read it). XML escapes every text; characters XML
  // cannot hold at all (controls) are dropped.
  const XML_BAD = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
  const XML_ESC = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"};
  const xml = (v) => String(v ?? "").replace(XML_BAD, "").replace(/[&<>"']/g, (c) => XML_ESC[c]);
  const GML_NODE = [["label", "string"], ["type", "string"], ["pinyin", "string"], ["aliases", "string"],
    ["code", "string"], ["mentions", "int"], ["degree", "int"], ["weighted_degree", "int"],
    ["pagerank", "double"], ["betweenness", "double"], ["community", "int"]];
  const GML_EDGE = [["rel", "string"], ["title", "string"], ["as_of", "string"], ["derived", "string"],
    ["sources", "int"], ["quote", "string"], ["doc", "string"], ["article", "string"]];
  function graphml() {
    const out = ['<?xml version="1.0" encoding="UTF-8"?>',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'];
    for (const [what, keys] of [["node", GML_NODE], ["edge", GML_EDGE]]) {
      for (const [k, t] of keys) out.push(`<key id="${what}-${k}" for="${what}" attr.name="${k}" attr.type="${t}"/>`);
    }
    out.push('<graph edgedefault="directed">');
    const data = (what, k, v) => `<data key="${what}-${k}">${xml(v)}</data>`;
    for (const n of DATA.nodes.filter((x) => !x.hidden)) {
      const v = {...n, aliases: n.aliases.join("|"), mentions: n.mention_count};
      out.push(`<node id="${xml(n.id)}">` + GML_NODE.map(([k]) => data("node", k, v[k])).join("") + "</node>");
    }
    for (const e of DATA.edges.filter((x) => !x.hidden)) {
      const s = e.sources[0] || {};
      const v = {...e, derived: e.derived || "", sources: e.source_count, quote: s.quote, doc: s.doc, article: s.article};
      out.push(`<edge id="${xml(e.id)}" source="${xml(e.from)}" target="${xml(e.to)}">` +
               GML_EDGE.map(([k]) => data("edge", k, v[k])).join("") + "</edge>");
    }
    out.push("</graph>", "</graphml>");
    return out.join("\n") + "\n";
  }
  $("export-graphml").addEventListener("click", () => {
    download("kg-graph.graphml", new Blob([graphml()], {type: "application/graphml+xml"}));
  });
  // The canvas as drawn (hub labels included), on white: vis draws on a transparent one.
  $("export-png").addEventListener("click", () => {
    const src = $("net").querySelector("canvas");
    const c = document.createElement("canvas");
    c.width = src.width;
    c.height = src.height;
    const ctx = c.getContext("2d");
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.drawImage(src, 0, 0);
    c.toBlob((b) => download("kg-graph.png", b), "image/png");
  });

  // ---- keyboard ---------------------------------------------------------------------
  // Single keys, as listed in #help; never while typing in a field.

  const KEYS = {
    "/": () => $("search").focus(),
    "e": () => { if (selected !== null) egoView(selected); },
    "a": showAll,
    "f": () => net.fit({animation: {duration: 300}}),
    "p": () => { if (selected !== null) askPathFrom(selected); },
    "u": () => { $("isolated").click(); },
    "?": () => { $("help").hidden = !$("help").hidden; },
  };
  for (const d of ["1", "2", "3", "4"]) {
    KEYS[d] = () => {
      $("depth").value = d;
      if (ego && !pathEnds) egoView(egoCentre, Number(d));
    };
  }
  document.addEventListener("keydown", (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.defaultPrevented) return;
    const t = ev.target;
    if (t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement) {
      if (ev.key === "Escape" && t === $("search")) { list.hidden = true; t.blur(); }
      return;
    }
    if (ev.key === "Escape") {
      if (!$("help").hidden) $("help").hidden = true;
      else if (pathFrom !== null) pathFrom = null;
      else if (selected !== null) { deselect(); net.unselectAll(); }
      return;
    }
    const act = KEYS[ev.key];
    if (act) { ev.preventDefault(); act(); }
  });
  $("keys").addEventListener("click", KEYS["?"]);

  $("filters-open").addEventListener("click", () => document.body.classList.add("filters-open"));
  $("filters-close").addEventListener("click", () => document.body.classList.remove("filters-open"));
  $("ego").addEventListener("click", () => egoView());
  $("all").addEventListener("click", showAll);
  $("relax").addEventListener("click", relax);

  net.on("click", (p) => {
    if (p.nodes.length) select(p.nodes[0], false);
    else {
      deselect();
      if (p.edges.length) showEdge(p.edges[0]);
    }
  });
  net.on("doubleClick", (p) => { if (p.nodes.length) egoView(p.nodes[0]); });

  const input = $("search"), list = $("suggest");
  let hits = [], active = 0;
  function score(n, q) {
    if (n.keys.includes(q)) return 0;
    if (n.keys[0].startsWith(q)) return 1;
    if (n.py === q) return 2;
    if (n.keys.some((k) => k.includes(q))) return 3;
    if (n.py.startsWith(q)) return 4;
    if (n.py.includes(q)) return 5;
    if (/^[a-z]+$/.test(q) && n.initials.startsWith(q)) return 6;
    return -1;
  }
  function suggest() {
    const q = compact(input.value);
    if (served) { served.search(input.value); return; }
    hits = [];
    if (q) {
      for (const n of DATA.nodes) {
        const s = score(n, q);
        if (s >= 0) hits.push([s, -n.degree, n.label, n.id]);
      }
      hits.sort((x, y) => x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0));
    }
    showHits(q, hits.length);
  }
  // The first 30 of `hits` ([score, -degree, label, id], best first) of `total` matches.
  function showHits(q, total) {
    active = 0;
    list.replaceChildren();
    for (const [, , , id] of hits.slice(0, 30)) {
      const n = byId.get(id);
      const li = el("li");
      const g = el("span", typeInfo(n.type).glyph + " ");
      g.style.color = typeInfo(n.type).border;
      const same = n.namesakes ?? byLabel.get(n.label).length;   // a served node counts all of them
      const many = same > 1;
      li.append(g, el("span", n.label + " "),
                el("span", many ? describe(n) : [n.pinyin, typeInfo(n.type).zh || n.type].filter(Boolean).join(" · "), "py"));
      if (many) li.title = `${same} entities are called ${n.label}`;
      li.addEventListener("mousedown", (ev) => { ev.preventDefault(); choose(id); });
      list.appendChild(li);
    }
    if (q && !total) list.appendChild(el("li", "not found / 未找到", "muted"));
    if (total > 30) list.appendChild(el("li", `… ${total - 30} more`, "muted"));
    list.hidden = !q;
    mark();
  }
  function mark() {
    [...list.children].forEach((li, i) => li.classList.toggle("active", i === active && i < hits.length));
  }
  function choose(id) {
    list.hidden = true;
    input.value = byId.get(id).label;
    select(id);
  }
  input.addEventListener("input", suggest);
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown") { active = Math.min(active + 1, Math.min(hits.length, 30) - 1); mark(); ev.preventDefault(); }
    else if (ev.key === "ArrowUp") { active = Math.max(active - 1, 0); mark(); ev.preventDefault(); }
    else if (ev.key === "Enter" && served) served.answered(() => { if (hits.length) choose(hits[active][3]); });
    else if (ev.key === "Enter") { if (!hits.length) suggest(); if (hits.length) choose(hits[active][3]); }
    else if (ev.key === "Escape") list.hidden = true;
  });
  input.addEventListener("blur", () => { list.hidden = true; });

  summary();
  // A page with no layout to run is ready at once, but only now: the state of its URL
  // (restore) needs every control. (Done where the layout is skipped, it met filters
  // not yet built, and a link to a view of a large graph threw.)
  if (visibleCount() === 0 || preset) layoutDone();

  // ==== served mode ====================================================================
  // A graph over the page limit, served by `kg serve` (kg/explore.py): the page opened on
  // an overview and fetches the rest from the server's JSON API. What comes back joins
  // DATA, the index and vis like the page's own data, so every view and panel above runs
  // unchanged over the part of the graph fetched so far. A node is `partial` until its
  // details and all its facts have come; an edge, until the sources a panel lists have.
  function servedMode() {
    const egos = new Map();        // "centre|hops|filters" fetched -> {cut short, members, positions}
    const paths = new Set();       // "from|to|filters" fetched
    const gone = new Set();        // ids the server does not know (an old link)
    let asked = 0, askedQ = null, shownQ = null, afterAnswer = null;
    const shownKeys = (on) => Object.keys(on).filter((k) => on[k]).join(",");
    const filterKey = () => shownKeys(typeOn) + "|" + shownKeys(relOn);
    const filterParams = (p) => {
      if (Object.values(typeOn).includes(false)) p.set("types", shownKeys(typeOn));
      if (Object.values(relOn).includes(false)) p.set("rels", shownKeys(relOn));
      return p;
    };
    async function get(path, params) {
      const url = "/api/" + path + (params && [...params].length ? "?" + params : "");
      try {
        const r = await fetch(url, {headers: {Accept: "application/json"}});
        if (r.ok) return await r.json();
        const why = (await r.text()).trim();
        status.textContent = `server: ${why} (${r.status})`;
        return {error: r.status};
      } catch (err) {
        status.textContent = `server unreachable: ${err.message}`;
        return {error: 0};
      }
    }
    // Fold an answer into DATA, the index and vis: new nodes and edges start hidden (the
    // views above show them), a full node replaces its partial copy, an edge keeps the
    // most sources it was sent with.
    function merge(res) {
      Object.assign(DATA.docs, res.docs);
      Object.assign(DATA.articles, res.articles);
      const newNodes = [], newEdges = [], labels = new Set(), touched = new Set();
      for (const n of res.nodes) {
        const old = byId.get(n.id);
        if (!old) {
          n.hidden = true;
          indexNode(n);
          DATA.nodes.push(n);
          newNodes.push(n);
          labels.add(n.label);
        } else if (old.partial && !n.partial) {
          Object.assign(old, n, {partial: false});
        }
      }
      for (const e of res.edges) {
        const at = edgeAt.get(e.id);
        if (at === undefined) {
          e.hidden = true;
          DATA.edges.push(e);
          indexEdge(e, DATA.edges.length - 1);
          newEdges.push(e);
          touched.add(e.from).add(e.to);
        } else if (e.sources.length > DATA.edges[at].sources.length) {
          DATA.edges[at].sources = e.sources;
        }
      }
      for (const l of labels) byLabel.get(l).sort(byDegree);
      // a node's facts in the file page's order (the server's numbers), not as they came:
      // its panel lists them in that order
      const number = (i) => Number(DATA.edges[i].id.slice(1));
      for (const id of touched) adj.get(id).sort((i, j) => number(i) - number(j));
      if (newNodes.length) visNodes.add(newNodes.map((n) => ({...visNode(n), physics: false})));
      if (newEdges.length) visEdges.add(newEdges.map((e) => ({...visEdge(e), physics: false})));
    }
    async function load(path, params) {
      const res = await get(path, params);
      if (res.error === undefined) merge(res);
      return res;
    }
    return {
      wants: (id) => !gone.has(id) && (!byId.has(id) || byId.get(id).partial === true),
      async node(id) {
        const res = await load("node/" + encodeURIComponent(id));
        if (res.error === 404) gone.add(id);
        return res.error === undefined;
      },
      partialEdge: (e) => !e.derived && e.sources.length < Math.min(e.source_count, 50),
      async edge(eid) { return (await load("edge/" + encodeURIComponent(eid))).error === undefined; },
      hasEgo: (id, hops) => egos.has(`${id}|${hops}|${filterKey()}`),
      cut: (id, hops) => egos.get(`${id}|${hops}|${filterKey()}`)?.cut === true,
      // An ego view's nodes put where the server laid the neighbourhood out, moved so its
      // centre stays where it is; what the server left out (the nearest ego_limit only)
      // leaves `ego` too. False when that neighbourhood came without positions.
      place(ego, id, hops) {
        const got = egos.get(`${id}|${hops}|${filterKey()}`);
        if (!got || !got.pos || !got.pos[id]) return false;
        for (const v of [...ego]) if (!got.members.has(v)) ego.delete(v);
        const at = placed.has(id) ? net.getPosition(id) : {x: got.pos[id][0], y: got.pos[id][1]};
        const dx = at.x - got.pos[id][0], dy = at.y - got.pos[id][1];
        for (const v of ego) {
          change(pendingNodes, v, {x: got.pos[v][0] + dx, y: got.pos[v][1] + dy});
          placed.add(v);
        }
        return true;
      },
      async ego(id, hops) {
        const key = `${id}|${hops}|${filterKey()}`;
        const res = await load("neighbourhood/" + encodeURIComponent(id),
                               filterParams(new URLSearchParams({hops: String(hops)})));
        if (res.error === undefined) {
          egos.set(key, {cut: res.truncated, members: new Set(res.nodes.map((n) => n.id)), pos: res.pos});
        }
        return res.error === undefined;
      },
      hasPath: (a, b) => paths.has(`${a}|${b}|${filterKey()}`),
      async path(a, b) {
        const res = await load("path", filterParams(new URLSearchParams({from: a, to: b})));
        if (res.error !== undefined) return false;
        paths.add(`${a}|${b}|${filterKey()}`);
        return true;
      },
      // Search as you type: the answer to the latest query is shown, earlier ones dropped.
      async search(text) {
        const mine = ++asked;
        const q = compact(text);
        askedQ = text;
        let res = {hits: [], total: 0};
        if (q) res = await get("search", new URLSearchParams({q: text}));
        if (mine !== asked || res.error !== undefined) return;
        merge({nodes: res.hits, edges: [], docs: {}, articles: {}});
        hits = res.hits.map((h, i) => [i, -h.degree, h.label, h.id]);
        shownQ = text;
        showHits(q, res.total);
        if (afterAnswer) { const f = afterAnswer; afterAnswer = null; f(); }
      },
      // Run `f` once the search box's text has been answered (Enter typed before it was).
      answered(f) {
        if (shownQ === input.value) { f(); return; }
        afterAnswer = f;
        if (askedQ !== input.value) this.search(input.value);
      },
      // Fetch the nodes a URL names before it is applied; true when `then` will run.
      fetchFirst(ids, then) {
        const want = [...new Set(ids.filter((id) => id !== null && this.wants(id)))];
        if (!want.length) return false;
        Promise.all(want.map((id) => this.node(id))).then(then);
        return true;
      },
    };
  }
})();
