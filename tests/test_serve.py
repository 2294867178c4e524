"""The read-only SPARQL endpoint, exercised over real HTTP on a free port."""
from __future__ import annotations

import csv
import io
import json
import threading
import time
import urllib.error
import urllib.request
from urllib.parse import urlencode

import pytest

from kg.serve import _negotiate, make_server

OFFICIALS = "SELECT ?name WHERE { ?p a kg:Official ; skos:prefLabel ?name } ORDER BY ?name"


@pytest.fixture(scope="module")
def endpoint(seed_build):
    """The seed build served on 127.0.0.1 at a free port; shut down after the tests."""
    _, out = seed_build
    server = make_server(out, port=0, timeout=1.0, max_rows=500, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}", out
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def fetch(url: str, data: bytes | None = None, headers: dict | None = None) -> tuple[int, str, str]:
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.headers["Content-Type"], r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.headers["Content-Type"], e.read().decode("utf-8")


def test_listens_on_localhost_by_default(endpoint):
    assert endpoint[0].startswith("http://127.0.0.1:")


def test_select_over_get_as_sparql_json(endpoint):
    base, _ = endpoint
    status, ctype, body = fetch(f"{base}/sparql?{urlencode({'query': OFFICIALS})}",
                                headers={"Accept": "application/sparql-results+json"})
    assert status == 200 and ctype.startswith("application/sparql-results+json")
    names = [b["name"]["value"] for b in json.loads(body)["results"]["bindings"]]
    assert "江绍华" in names and names == sorted(names)


def test_select_over_post_as_csv(endpoint):
    base, _ = endpoint
    for data, ctype in ((urlencode({"query": OFFICIALS}).encode(), "application/x-www-form-urlencoded"),
                        (OFFICIALS.encode(), "application/sparql-query")):
        status, rtype, body = fetch(f"{base}/sparql", data, {"Content-Type": ctype, "Accept": "text/csv"})
        assert status == 200 and rtype.startswith("text/csv")
        rows = list(csv.reader(io.StringIO(body)))
        assert rows[0] == ["name"] and ["江绍华"] in rows


def test_ask_and_construct(endpoint):
    base, _ = endpoint
    ask = 'ASK { ?d dcterms:identifier "371502000000" }'
    status, _, body = fetch(f"{base}/sparql?{urlencode({'query': ask})}")
    assert status == 200 and json.loads(body)["boolean"] is True
    q = "CONSTRUCT { ?d kg:locatedIn ?p } WHERE { ?d kg:locatedIn ?p } LIMIT 2"
    status, ctype, body = fetch(f"{base}/sparql?{urlencode({'query': q})}", headers={"Accept": "text/turtle"})
    assert status == 200 and ctype.startswith("text/turtle") and body.count(" .\n") == 2


def test_updates_are_refused(endpoint):
    base, _ = endpoint
    update = "INSERT DATA { <http://x.org/a> <http://x.org/b> <http://x.org/c> }"
    assert fetch(f"{base}/sparql", update.encode(), {"Content-Type": "application/sparql-update"})[0] == 403
    assert fetch(f"{base}/sparql", urlencode({"update": update}).encode(),
                 {"Content-Type": "application/x-www-form-urlencoded"})[0] == 403
    assert fetch(f"{base}/sparql?{urlencode({'query': update})}")[0] == 400
    status, _, body = fetch(f"{base}/sparql?{urlencode({'query': 'ASK { <http://x.org/a> ?p ?o }'})}")
    assert json.loads(body)["boolean"] is False


def test_bad_requests(endpoint):
    base, _ = endpoint
    status, ctype, body = fetch(f"{base}/sparql?{urlencode({'query': 'SELECT WHERE {'})}")
    assert status == 400 and ctype.startswith("text/plain") and "bad SPARQL" in body
    assert fetch(f"{base}/sparql")[0] == 400
    assert fetch(f"{base}/nowhere")[0] == 404
    assert fetch(f"{base}/sparql", b"ASK {} \xff", {"Content-Type": "application/sparql-query"})[0] == 400
    assert fetch(f"{base}/sparql", b"ASK {}", {"Content-Type": "text/plain"})[0] == 415
    assert fetch(f"{base}/sparql?{urlencode({'query': OFFICIALS})}", headers={"Accept": "image/png"})[0] == 406
    status, _, body = fetch(f"{base}/sparql?{urlencode({'query': 'SELECT * WHERE { ?s ?p ?o }'})}")
    assert status == 400 and "more than 500 results" in body


def test_slow_queries_time_out(seed_build):
    """A query still computing after the timeout gets 503 at the timeout, not when it ends."""
    _, out = seed_build
    server = make_server(out, port=0, timeout=0.1, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    slow = ("SELECT (COUNT(*) AS ?n) WHERE { ?a a kg:Span ; oa:start ?x . ?b a kg:Span ; oa:start ?y . "
            "?d a kg:Document FILTER(?x < ?y) }")     # about a second on the seed graph
    try:
        started = time.monotonic()
        status, _, body = fetch(f"http://{host}:{port}/sparql?{urlencode({'query': slow})}")
        assert status == 503 and "timed out" in body
        assert time.monotonic() - started < 0.5
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_serves_the_explorer_page(endpoint):
    base, out = endpoint
    status, ctype, body = fetch(f"{base}/")
    assert status == 200 and ctype.startswith("text/html")
    assert body == (out / "graph.html").read_text(encoding="utf-8")


def test_content_negotiation():
    offered = ["application/sparql-results+json", "text/csv"]
    assert _negotiate("", offered) == offered[0]
    assert _negotiate("text/csv;q=0.9, application/sparql-results+json;q=0.5", offered) == "text/csv"
    assert _negotiate("text/*", offered) == "text/csv"
    assert _negotiate("*/*;q=0.1", offered) == offered[0]
    assert _negotiate("image/png", offered) is None
