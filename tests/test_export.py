"""Every export loads back with the reader of the tool it is for, Chinese intact."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from click.testing import CliRunner

from kg import UserError, export, load_graph, stats
from kg.cli import main
from kg.exports import FORMATS, render


@pytest.fixture(scope="module")
def graph(seed_build) -> nx.MultiDiGraph:
    return load_graph(seed_build[1])


def _labels(g: nx.MultiDiGraph) -> set[str]:
    return {d["label"] for _, d in g.nodes(data=True)}


def _rows(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_public_api_names_are_functions_whatever_was_imported_first():
    """`from kg import export` is the function even after the modules behind the API were
    imported (a module of the same name would replace it on the package)."""
    code = """if True:
        import kg.cli, kg.exports, kg.summary, kg.extraction, kg.pipeline
        import kg
        from kg import build, extract, export, load_graph, stats, BuildResult, UserError
        assert all(callable(f) and not isinstance(f, type(kg)) for f in
                   (build, extract, export, load_graph, stats, kg.export, kg.stats, kg.extract))
        assert set(kg.__all__) <= set(dir(kg))
    """
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_load_graph_takes_the_folder_or_graph_json(seed_build, graph):
    out = seed_build[1]
    assert nx.utils.graphs_equal(load_graph(out / "graph.json"), graph)
    assert graph.number_of_nodes() == seed_build[0].graph.number_of_nodes()


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_load_back_with_networkx(graph, fmt, read):
    data = export(graph, fmt)
    assert all(label.encode("utf-8") in data for label in _labels(graph))   # readable Chinese
    back = read(io.BytesIO(data))
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    assert {d["label"] for _, d in back.nodes(data=True)} == _labels(graph)
    for n, d in graph.nodes(data=True):
        b = back.nodes[n]
        assert b["type"] == d["type"]
        assert b["mentions"] == len(d["mentions"]) and isinstance(b["mentions"], int)
        assert b.get("aliases", "") == "|".join(d["aliases"])
        if d["mentions"]:
            assert b["quote"] in {m["quote"] for m in d["mentions"]}
    assert all(d["label"] == d["rel"] for _, _, d in back.edges(data=True))
    rels = sorted(d["rel"] for _, _, d in back.edges(data=True))
    assert rels == sorted(d["rel"] for _, _, d in graph.edges(data=True))


def test_graph_file_exports_are_reproducible(graph):
    for fmt in ("graphml", "gexf", "json", "officials", "spells", "panel", "popolo", "initiatives"):
        assert export(graph, fmt) == export(_reversed_copy(graph), fmt), fmt


def _reversed_copy(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The same graph with nodes and edges inserted in reverse order."""
    h = nx.MultiDiGraph(**g.graph)
    h.add_nodes_from(reversed(list(g.nodes(data=True))))
    h.add_edges_from(reversed(list(g.edges(keys=True, data=True))))
    return h


def test_json_is_node_link(graph):
    data = json.loads(export(graph, "json"))
    back = nx.node_link_graph(data, edges="links")
    assert back.number_of_edges() == graph.number_of_edges()
    assert {d["label"] for _, d in back.nodes(data=True)} == _labels(graph)


@pytest.mark.parametrize("fmt, rdflib_format", [("turtle", "turtle"), ("ntriples", "nt"),
                                                ("jsonld", "json-ld")])
def test_rdf_exports_parse_with_rdflib(graph, fmt, rdflib_format):
    rdf = rdflib.Graph().parse(data=export(graph, fmt).decode("utf-8"), format=rdflib_format)
    assert len(rdf) > graph.number_of_nodes()
    literals = {str(o) for o in rdf.objects() if isinstance(o, rdflib.Literal)}
    assert _labels(graph) <= literals
    ids = {str(s) for s in rdf.subjects()}
    assert all(f"https://w3id.org/kg-localgov/id/{n}" in ids for n in graph)


def test_rdf_exports_take_the_base_iri(graph):
    base = "https://example.org/kg/"
    text = export(graph, "ntriples", base_iri=base).decode("utf-8")
    assert all(f"<{base}{n}>" in text for n in graph)


def test_neo4j_tables_follow_the_import_header_conventions(graph, tmp_path):
    paths = export(graph, "neo4j", tmp_path / "neo4j")
    assert sorted(p.name for p in paths) == ["nodes.csv", "relationships.csv"]
    raw = (tmp_path / "neo4j" / "nodes.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")          # neo4j-admin would read a BOM as data
    nodes = list(csv.reader(io.StringIO(raw.decode("utf-8"))))
    rels = list(csv.reader(io.StringIO(
        (tmp_path / "neo4j" / "relationships.csv").read_text(encoding="utf-8"))))
    nh, rh = nodes[0], rels[0]
    assert nh[:2] == ["id:ID", ":LABEL"] and "mentions:int" in nh and "aliases:string[]" in nh
    assert rh[:3] == [":START_ID", ":END_ID", ":TYPE"] and "sources:int" in rh
    for table in (nodes, rels):
        assert all(len(r) == len(table[0]) for r in table)
    ids = [r[0] for r in nodes[1:]]
    assert len(ids) == len(set(ids)) == graph.number_of_nodes()
    assert {r[0] for r in rels[1:]} | {r[1] for r in rels[1:]} <= set(ids)
    assert len(rels) - 1 == graph.number_of_edges()
    types = {r[2] for r in rels[1:]}
    assert "LOCATED_IN" in types and "HOLDS" in types
    assert all(t.replace("_", "").isalpha() and t.isupper() for t in types)
    name, label, m = nh.index("name"), nh.index(":LABEL"), nh.index("mentions:int")
    assert {r[name] for r in nodes[1:]} == _labels(graph)
    assert {r[label].split(";")[1] for r in nodes[1:]} == {d["type"] for _, d in graph.nodes(data=True)}
    assert all(int(r[m]) >= 0 for r in nodes[1:])


def test_csv_folder_with_bom_opens_in_excel(graph, seed_build, tmp_path):
    r = CliRunner().invoke(main, ["export", str(seed_build[1]), "--format", "csv", "--bom",
                                  "-o", str(tmp_path / "tables")])
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == ["edges.csv", "nodes.csv"]
    raw = (tmp_path / "tables" / "nodes.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    nodes = _rows(raw)
    edges = _rows((tmp_path / "tables" / "edges.csv").read_bytes())
    assert {row["label"] for row in nodes} == _labels(graph)
    assert len(edges) == graph.number_of_edges()
    assert all(graph.nodes[e["source"]]["label"] == e["source_label"] for e in edges)
    plain = render(graph, "csv")["nodes.csv"]
    assert not plain.startswith(b"\xef\xbb\xbf") and _rows(plain) == nodes


def test_officials_table_has_every_post_of_an_official_with_its_quote(graph):
    rows = _rows(export(graph, "officials"))
    assert list(rows[0]) == ["person", "title", "organisation", "area", "as_of", "doc",
                             "article", "quote", "person_id"]
    official = {n for n, d in graph.nodes(data=True) if d["type"] == "Official"}
    held = {(graph.nodes[u]["label"], d["title"], graph.nodes[v]["label"])
            for u, v, d in graph.edges(data=True) if d["rel"] == "holds" and u in official}
    assert held and held <= {(r["person"], r["title"], r["organisation"]) for r in rows}
    posts = sum(1 for u, _, d in graph.edges(data=True) if d["rel"] == "holds" and u in official) + \
        sum(len(d["posts"]) for n, d in graph.nodes(data=True) if n in official)
    assert len(rows) == posts
    # reporters of bylines and firms' managers hold titles but no office
    assert {r["person_id"] for r in rows} <= official and not {"记者", "通讯员"} & {r["title"] for r in rows}
    for r in rows:
        assert r["person"] in r["quote"] and r["article"].startswith(r["doc"] + "#")
    with_org = [r for r in rows if r["organisation"]]
    assert all(r["area"] for r in with_org)
    everyone = _rows(export(graph, "officials", all_persons=True))
    assert {"记者", "通讯员"} <= {r["title"] for r in everyone} and len(everyone) > len(rows)


def test_initiatives_table_lists_runners_and_sources(graph):
    rows = _rows(export(graph, "initiatives", bom=True))
    initiatives = {n for n, d in graph.nodes(data=True) if d["type"] == "Initiative"}
    assert {r["id"] for r in rows} == initiatives
    for r in rows:
        runners = sorted(graph.nodes[u]["label"] for u, _, d in graph.in_edges(r["id"], data=True)
                         if d["rel"] == "runs")
        assert r["runners"] == "|".join(runners)
        assert r["name"] == graph.nodes[r["id"]]["label"] and r["sources"]


def test_cli_writes_single_file_formats_to_stdout(seed_build, graph):
    r = CliRunner().invoke(main, ["export", str(seed_build[1]), "--format", "officials"])
    assert r.exit_code == 0
    assert r.stdout_bytes == export(graph, "officials")


def test_cli_writes_files_atomically(seed_build, graph, tmp_path):
    target = tmp_path / "g.gexf"
    r = CliRunner().invoke(main, ["export", str(seed_build[1]), "--format", "gexf", "-o", str(target),
                                  "-q"])
    assert r.exit_code == 0 and r.output == ""
    assert [p.name for p in tmp_path.iterdir()] == ["g.gexf"]       # no temporary left behind
    assert nx.read_gexf(target).number_of_nodes() > 0
    (tmp_path / "exports").mkdir()
    assert export(graph, "officials", tmp_path / "exports") == [tmp_path / "exports" / "officials.csv"]
    assert export(graph, "gexf", f"{tmp_path}/new/") == [tmp_path / "new" / "graph.gexf"]
    assert (tmp_path / "new" / "graph.gexf").read_bytes() == export(graph, "gexf")


def test_user_mistakes_raise_user_error(graph, tmp_path):
    with pytest.raises(UserError, match="choose one of"):
        export(graph, "pajek")
    with pytest.raises(UserError, match="-o"):
        export(graph, "neo4j")
    with pytest.raises(UserError, match="CSV formats only"):
        export(graph, "turtle", bom=True)
    with pytest.raises(UserError, match="not found"):
        load_graph(tmp_path)
    (tmp_path / "graph.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(UserError, match="not a kg graph.json"):
        load_graph(tmp_path)
    (tmp_path / "graph.json").write_text(json.dumps(nx.node_link_data(nx.path_graph(3),
                                                                      edges="links")))
    with pytest.raises(UserError, match="not one kg wrote"):
        load_graph(tmp_path)
    with pytest.raises(UserError, match="--all-persons applies to officials, spells, panel, popolo only"):
        export(graph, "graphml", all_persons=True)
    assert set(FORMATS) == {"graphml", "gexf", "neo4j", "csv", "json", "jsonld", "turtle",
                            "ntriples", "officials", "spells", "panel", "popolo", "initiatives",
                            "corrections", "comention", "comention-graphml"}


def test_stats_agree_with_the_build_report(seed_build, graph):
    report = json.loads((seed_build[1] / "report.json").read_text(encoding="utf-8"))
    s = stats(graph, top=3, report=report)
    assert s["entities"] == report["entities"] and s["facts"] == report["facts"]
    assert s["documents"] == report["documents"]["read"] and s["articles"] == report["articles"]
    degrees = [e["degree"] for e in s["most_connected"]]
    assert len(degrees) == 3 and degrees == sorted(degrees, reverse=True)
    assert degrees[0] == max(d for _, d in graph.degree())
    assert stats(graph)["warnings"] is None


def test_stats_cli_prints_table_and_json(seed_build, graph):
    r = CliRunner().invoke(main, ["stats", str(seed_build[1]), "--json", "-n", "2"])
    assert r.exit_code == 0, r.output
    s = json.loads(r.stdout)
    assert s["entities_total"] == graph.number_of_nodes() and s["warnings"] == []
    r = CliRunner().invoke(main, ["stats", str(seed_build[1] / "graph.json")])
    top = s["most_connected"][0]
    assert r.exit_code == 0 and f"{top['label']} ({top['type']}, {top['id']})" in r.stdout


FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _formula_labels(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph with every label turned into what a spreadsheet would run."""
    g = graph.copy()
    for i, n in enumerate(sorted(g)):
        g.nodes[n]["label"] = FORMULA[i % len(FORMULA)] + "HYPERLINK(\"http://e/\",\"x\")"
    return g


def _cells(data: bytes) -> list[str]:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    return [c for row in rows[1:] for c in row]


@pytest.mark.parametrize("fmt", ["csv", "officials", "spells", "initiatives", "comention"])
def test_spreadsheet_cells_cannot_start_a_formula(graph, fmt):
    for name, data in render(_formula_labels(graph), fmt, bom=True).items():
        cells = _cells(data)
        assert [c for c in cells if c.startswith(FORMULA)] == [], name
        assert {c[:2] for c in cells if c.startswith("'")} >= {"'=", "'@"}, name


def test_neo4j_tables_keep_values_verbatim(graph):
    g = _formula_labels(graph)
    cells = _cells(render(g, "neo4j")["nodes.csv"])
    assert {d["label"] for _, d in g.nodes(data=True)} <= set(cells)
