"""SPARQL over the seed build: the example queries' answers, both engines, parameters, CLI."""
from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import main
from kg.query import QueryError, Term, bind_params, format_csv, format_json, format_table, load, run

QUERIES = Path(__file__).resolve().parent.parent / "ontology" / "queries"


@pytest.fixture(scope="module")
def engines(seed_build) -> dict:
    _, out = seed_build
    return {"oxigraph": load(out, "oxigraph"), "rdflib": load(out, "rdflib")}


XSD = "http://www.w3.org/2001/XMLSchema#"


def _comparable(row: tuple) -> str:
    """A row with xsd:nonNegativeInteger read as xsd:integer: a pyoxigraph store keeps
    integer values but not the derived integer datatype (its parser does keep it)."""
    return repr(tuple(Term(t.kind, t.value, t.lang, XSD + "integer") if t and t.datatype == XSD + "nonNegativeInteger"
                      else t for t in row))


def ask(engines: dict, query_name: str, **bindings: str) -> list[dict[str, str]]:
    """The rows of an example query as {variable: value}; both engines must agree."""
    text = bind_params((QUERIES / f"{query_name}.rq").read_text(encoding="utf-8"), bindings)
    results = {e: run(data, text) for e, data in engines.items()}
    ox_rows, rdflib_rows = (results[e].rows for e in ("oxigraph", "rdflib"))
    assert sorted(map(_comparable, ox_rows)) == sorted(map(_comparable, rdflib_rows)), query_name
    res = results["oxigraph"]
    return [{v: t.value for v, t in zip(res.variables, row) if t is not None} for row in res.rows]


def test_there_are_example_queries_for_researchers():
    assert len(list(QUERIES.glob("*.rq"))) >= 8


def test_posts_of_a_person_with_dates_and_sources(engines):
    rows = ask(engines, "posts_of_person")
    head = [r for r in rows if r["title"] == "区长"]
    assert head and all(r["person"] == "江绍华" for r in rows)
    assert head[0]["organization"] == "东昌府区" and head[0]["asOf"].startswith("2022-07")
    assert head[0]["document"] == "004_412b62444f90ef19.txt" and "区长江绍华" in head[0]["sentence"]
    assert int(head[0]["start"]) < int(head[0]["end"])
    assert {r["title"] for r in ask(engines, "posts_of_person", name="张妍")} >= {"副区长"}


def test_every_official_of_an_area(engines):
    rows = {(r["official"], r["title"], r["organization"]) for r in ask(engines, "officials_of_area")}
    assert ("江绍华", "区长", "东昌府区") in rows
    assert ("张妍", "副区长", "东昌府区") in rows
    city = {(r["official"], r["title"]) for r in ask(engines, "officials_of_area", area="聊城市")}
    assert ("马卫红", "副市长") in city
    assert ("江绍华", "区长") in city        # 东昌府区 lies in 聊城市: the hierarchy is followed


def test_which_agencies_run_which_initiatives(engines):
    rows = {(r["agency"], r["initiative"]) for r in ask(engines, "agencies_running_initiatives")}
    assert ("聊城开发区行政审批服务部", "跨域通办") in rows
    assert not any(agency == "东昌府区" for agency, _ in rows)   # districts are not agencies


def test_companies_co_mentioned_with_an_agency(engines):
    rows = ask(engines, "companies_with_agency")
    assert any(r["company"] == "山东特硅新材料有限公司" and "莘县行政审批服务局" in r["agency"] for r in rows)
    assert all(int(r["articles"]) >= 1 for r in rows)


def test_persons_two_hops_from_an_official(engines):
    rows = ask(engines, "persons_two_hops")
    assert ("张妍", "东昌府区") in {(r["person"], r["via"]) for r in rows}
    assert "江绍华" not in {r["person"] for r in rows}


def test_district_hierarchy_with_codes(engines):
    rows = {(r["district"], r.get("code"), r.get("parent"), r.get("parentCode"))
            for r in ask(engines, "district_hierarchy")}
    assert ("东昌府区", "371502000000", "聊城市", "371500000000") in rows
    assert ("聊城市", "371500000000", "山东省", "370000000000") in rows


def test_who_held_a_post_on_a_date(engines):
    rows = ask(engines, "title_holder_as_of")
    assert [r["person"] for r in rows] == ["江绍华"]
    assert ask(engines, "title_holder_as_of", date="2022-07-01") == []    # not yet reported then
    # several hold 副区长 at once: every one of them, as kg.careers.holders answers
    deputies = {r["person"] for r in ask(engines, "title_holder_as_of", title="副区长")}
    assert deputies == {"张妍", "梅永杰", "刘兆华", "赵亚秋"}


def test_a_career_spell_by_spell(engines):
    rows = {r["title"]: r for r in ask(engines, "career_of_person")}
    assert set(rows) == {"区长", "区委副书记"}
    head = rows["区长"]
    assert (head["organization"], head["area"], head["areaCode"]) == ("东昌府区", "东昌府区", "371502000000")
    assert (head["postClass"], head["rank"], head["line"]) == ("government_head", "正处级", "government")
    assert head["firstReported"] == head["lastReported"] == "2022-07-04" and head["reports"] == "1"


def test_initiatives_with_runners_and_source_sentences(engines):
    rows = ask(engines, "initiatives_with_runners")
    assert any(r["initiative"] == "跨域通办" and r["runner"] == "聊城开发区行政审批服务部"
               and "跨域通办" in r["sentence"] for r in rows)
    assert all(r["sentence"] and r["document"].endswith(".txt") for r in rows)


def test_where_an_entity_is_mentioned(engines):
    rows = ask(engines, "mentions_of_entity")
    assert {r["text"] for r in rows} >= {"聊城市"} and len(rows) > 10
    mine = ask(engines, "mentions_of_entity", name="江绍华")
    assert len(mine) >= 3 and all(r["text"] == "江绍华" and r["text"] in r["sentence"] for r in mine)


def test_parameters_are_escaped_and_typed_like_their_defaults(engines):
    query = (QUERIES / "title_holder_as_of.rq").read_text(encoding="utf-8")
    hostile = 'x"@zh } ?post ?p ?o . { "VALUES ?date { 1 } \\'
    bound = bind_params(query, {"organization": hostile, "date": "2022-07-01"})
    assert run(engines["oxigraph"], bound).rows == []
    assert 'VALUES ?organization { "x\\"@zh } ?post ?p ?o . { \\"VALUES ?date { 1 } \\\\"@zh }' in bound
    assert 'VALUES ?date { "2022-07-01"^^xsd:date }' in bound      # the default's datatype
    assert 'VALUES ?title { "副区长"@zh }' in bind_params(query, {"title": "副区长"})
    assert "VALUES ?organization { <http://example.org/a> }" in \
        bind_params(query, {"organization": "<http://example.org/a>"})
    for bad in ({"nope": "x"}, {"na me": "x"}, {"organization": "<not an iri>"}):
        with pytest.raises(QueryError):
            bind_params(query, bad)
    with pytest.raises(QueryError, match="not one literal or IRI"):
        bind_params("SELECT * { VALUES ?x { UNDEF } }", {"x": "1"})


def test_result_limit_and_bad_queries(engines):
    for data in engines.values():
        with pytest.raises(QueryError, match="more than 5 results"):
            run(data, "SELECT * WHERE { ?s ?p ?o }", limit=5)
        with pytest.raises(QueryError, match="bad SPARQL"):
            run(data, "SELECT WHERE {")
    with pytest.raises(QueryError):
        load("/no/such/graph.ttl")


def test_sources_build_folder_file_or_store(seed_build, tmp_path):
    _, out = seed_build
    store = ox.Store(str(tmp_path / "store"))
    store.bulk_load(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    store.flush()
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    n_store = run(load(tmp_path / "store"), count).rows[0][0].value
    assert n_store == run(load(out / "graph.ttl"), count).rows[0][0].value == str(len(store))
    with pytest.raises(QueryError, match="rdflib engine reads RDF files"):
        load(tmp_path / "store", "rdflib")
    (tmp_path / "empty").mkdir()
    with pytest.raises(QueryError, match="neither a build folder"):
        load(tmp_path / "empty")


def test_formats():
    res = run(rdflib.Graph(), 'SELECT ?a ?b WHERE { VALUES (?a ?b) { ("江绍华"@zh <http://x.org/p>) ("a,\\"b" UNDEF) } }')
    table = format_table(res)
    assert table.splitlines()[0].split() == ["a", "|", "b"] and "(2 rows)" in table
    assert table.splitlines()[2].index("|") + 3 == table.splitlines()[3].index("|")   # CJK is two columns
    assert format_csv(res).splitlines() == ["a,b", "江绍华,http://x.org/p", '"a,""b",']
    doc = json.loads(format_json(res))
    assert doc["head"]["vars"] == ["a", "b"]
    assert doc["results"]["bindings"][0] == {"a": {"type": "literal", "value": "江绍华", "xml:lang": "zh"},
                                             "b": {"type": "uri", "value": "http://x.org/p"}}
    assert Term("literal", 'q"\\').n3() == '"q\\"\\\\"'


def test_cli_query(seed_build, tmp_path):
    _, out = seed_build
    runner = CliRunner()
    r = runner.invoke(main, ["query", str(out), "-f", str(QUERIES / "posts_of_person.rq"), "--bind", "name=江绍华"])
    assert r.exit_code == 0, r.output
    assert "江绍华" in r.stdout and "区长" in r.stdout
    r = runner.invoke(main, ["query", str(out / "graph.ttl"), "--format", "json", "--engine", "rdflib",
                             "ASK { ?p a kg:Official }"])
    assert r.exit_code == 0 and json.loads(r.stdout)["boolean"] is True
    r = runner.invoke(main, ["query", str(out), "--format", "csv",
                             "CONSTRUCT { ?d kg:locatedIn ?p } WHERE { ?d kg:locatedIn ?p } LIMIT 3"])
    assert r.exit_code == 0 and len(rdflib.Graph().parse(data=r.stdout, format="nt")) == 3
    for args in (["SELECT WHERE {"], ["-f", str(tmp_path / "missing.rq")], [],
                 ["-f", str(QUERIES / "posts_of_person.rq"), "--bind", "nobody=x"]):
        r = runner.invoke(main, ["query", str(out), *args])
        assert r.exit_code == 2, (args, r.output)
        assert r.stdout == "" and len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    r = runner.invoke(main, ["query", str(tmp_path / "none.ttl"), "ASK {}"])
    assert r.exit_code == 2 and r.stderr.startswith("kg: ") and "no such file" in r.stderr


def _one_line_exit_2(r) -> str:
    assert r.exit_code == 2, r.output
    assert r.stdout == "" and len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    return r.stderr


def test_cli_query_refuses_deep_nesting_and_service(seed_build):
    """A query 6,000 brackets deep used to kill `kg query` (exit 139); SERVICE would fetch."""
    _, out = seed_build
    deep = "ASK{FILTER(" + "(" * 6000 + "1" + ")" * 6000 + ")}"
    assert "nests brackets" in _one_line_exit_2(CliRunner().invoke(main, ["query", str(out), deep]))
    service = "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    for engine in ("oxigraph", "rdflib"):
        r = CliRunner().invoke(main, ["query", str(out), "--engine", engine, service])
        assert "SERVICE" in _one_line_exit_2(r)


def test_cli_query_stops_at_its_memory_and_time_limits(seed_build):
    _, out = seed_build
    hog = "SELECT * WHERE {?a ?b ?c . ?d ?e ?f} ORDER BY ?c ?f LIMIT 1"
    r = CliRunner().invoke(main, ["query", str(out), "--memory", "512", hog])
    assert "512 MiB memory limit" in _one_line_exit_2(r)
    r = CliRunner().invoke(main, ["query", str(out), "--timeout", "0.2", hog])
    assert "timed out after 0.2 s" in _one_line_exit_2(r)


def test_cli_query_text_that_is_not_utf8(seed_build, tmp_path):
    _, out = seed_build
    (tmp_path / "latin1.rq").write_bytes("ASK { ?s ?p \"caf\xe9\" }".encode("latin-1"))
    r = CliRunner().invoke(main, ["query", str(out), "-f", str(tmp_path / "latin1.rq")])
    assert "not UTF-8" in _one_line_exit_2(r)
    # A command-line byte that is not UTF-8 reaches Python as a lone surrogate.
    for args in (["-f", str(QUERIES / "posts_of_person.rq"), "--bind", "name=\udce9"], ["ASK { ?s ?p \"\udce9\" }"]):
        r = CliRunner().invoke(main, ["query", str(out), *args])
        assert "not UTF-8" in _one_line_exit_2(r)
