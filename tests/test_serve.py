"""The read-only SPARQL endpoint, exercised over real HTTP on a free port."""
from __future__ import annotations

import csv
import io
import json
import os
import socket
import time
import urllib.error
import urllib.request
from urllib.parse import urlencode, urlsplit

import pytest

from kg.query import QueryError
from kg.sandbox import MAX_DEPTH, LimitError, check_query
from kg.serve import HostCheck, _negotiate, make_server

OFFICIALS = "SELECT ?name WHERE { ?p a kg:Official ; skos:prefLabel ?name } ORDER BY ?name"


@pytest.fixture(scope="module")
def endpoint(seed_build, serving):
    """The seed build served on 127.0.0.1 at a free port; shut down after the tests."""
    _, out = seed_build
    with serving(make_server(out, port=0, timeout=1.0, max_rows=500, quiet=True)) as base:
        yield base, out


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


def test_slow_queries_time_out(seed_build, serving):
    """A query still computing after the timeout gets 503 at the timeout, not when it ends."""
    _, out = seed_build
    slow = ("SELECT (COUNT(*) AS ?n) WHERE { ?a a kg:Span ; oa:start ?x . ?b a kg:Span ; oa:start ?y . "
            "?d a kg:Document FILTER(?x < ?y) }")     # about a second on the seed graph
    with serving(make_server(out, port=0, timeout=0.1, quiet=True)) as base:
        started = time.monotonic()
        status, _, body = fetch(f"{base}/sparql?{urlencode({'query': slow})}")
        assert status == 503 and "timed out" in body
        assert time.monotonic() - started < 0.5


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


# --- hostile requests (issue 20): each must cost at most an error reply, never the server ---

def raw(base: str, request: bytes, timeout: float = 10) -> bytes:
    """The server's whole answer to `request` sent as is over one connection."""
    host, port = urlsplit(base).hostname, urlsplit(base).port
    with socket.create_connection((host, port), timeout=timeout) as s:
        s.sendall(request)
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


@pytest.fixture
def small_server(seed_build, request, serving):
    """A server of one worker, with the limits the test passes by indirect parametrisation."""
    _, out = seed_build
    with serving(make_server(out, port=0, quiet=True, workers=1, **getattr(request, "param", {}))) as base:
        yield base


def test_a_deeply_nested_query_is_refused_and_the_server_lives(endpoint):
    base, _ = endpoint
    deep = "ASK{FILTER(" + "(" * 6000 + "1" + ")" * 6000 + ")}"     # crashed pyoxigraph's parser
    status, _, body = fetch(f"{base}/sparql", deep.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 400 and f"at most {MAX_DEPTH}" in body
    assert fetch(f"{base}/sparql?{urlencode({'query': 'ASK { ?s ?p ?o }'})}")[0] == 200


@pytest.mark.parametrize("small_server", [{"memory_mb": 512, "timeout": 20}], indirect=True)
def test_a_query_that_exhausts_memory_gets_503_and_the_next_one_an_answer(small_server):
    """The worker dies at its address-space limit (long before the timeout); the next
    query waits for its replacement, which loads the graph in about a second."""
    hog = "SELECT * WHERE {?a ?b ?c . ?d ?e ?f} ORDER BY ?c ?f LIMIT 1"
    status, _, body = fetch(f"{small_server}/sparql?{urlencode({'query': hog})}")
    assert status == 503 and "512 MiB memory limit" in body
    ask = f"{small_server}/sparql?{urlencode({'query': 'ASK { ?s ?p ?o }'})}"
    for _ in range(300):
        status, _, body = fetch(ask)
        if status != 503:
            break
        assert "busy" in body
        time.sleep(0.1)
    assert status == 200 and json.loads(body)["boolean"] is True


def test_a_query_past_its_timeout_is_killed(seed_build):
    """The slow query's worker is killed, so the slot is free again without waiting
    for the query to end (it used to keep computing for as long as it took)."""
    _, out = seed_build
    server = make_server(out, port=0, timeout=0.2, quiet=True, workers=1)
    try:
        pid = server.pool.idle[0].proc.pid
        with pytest.raises(LimitError, match="timed out"):
            server.pool.run("SELECT * WHERE {?a ?b ?c . ?d ?e ?f} ORDER BY ?c ?f LIMIT 1", None, 0.2)
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    finally:
        server.server_close()


def test_service_is_refused(endpoint):
    """SERVICE would make the endpoint fetch from any address, here a listener that
    would see the connection."""
    base, _ = endpoint
    with socket.create_server(("127.0.0.1", 0)) as target:
        target.settimeout(0.2)
        port = target.getsockname()[1]
        for query in (f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
                      f"select * {{ # a comment }}\n sErViCe SILENT <http://localhost:{port}/> {{ ?s ?p ?o }} }}",
                      f"SELECT * {{ BIND(<http://127.0.0.1:{port}/> AS ?v) FILTER(?x<1)SERVICE?v#>\n{{?a ?b ?c}} }}"):
            status, _, body = fetch(f"{base}/sparql?{urlencode({'query': query})}")
            assert status == 400 and "SERVICE" in body, query
        with pytest.raises(TimeoutError):
            target.accept()
    ok = 'SELECT ?s WHERE { ?s ?p "service" } LIMIT 1   # no SERVICE here'
    assert fetch(f"{base}/sparql?{urlencode({'query': ok})}")[0] == 200


def test_check_query_reads_the_query_as_the_parser_does():
    for fine in ('ASK { ?s <http://x.org/service> "SERVICE (((" } # SERVICE (',
                 "ASK { ?s a schema:Service ; ?service ex:a.SERVICE ; ?p 'x'@service }",
                 "ASK { ?s ?p ?o FILTER(" + "(" * (MAX_DEPTH - 2) + "1" + ")" * (MAX_DEPTH - 2) + ") }"):
        check_query(fine)
    for bad in ("ASK { ?s ?p ?o FILTER(?o < " + "(" * MAX_DEPTH + "1" + ")" * MAX_DEPTH + ") }",
                "ASK { ?s ?p ?o FILTER(?o<" + "(" * MAX_DEPTH + "1" + ")" * MAX_DEPTH + ">2) }",
                'ASK { ?s ?p "\\u0022" FILTER(' + "\\u0028" * MAX_DEPTH + "1" + ")" * MAX_DEPTH + ") }",
                "ASK { SERV\\u0049CE <http://x.org/> { ?s ?p ?o } }"):
        with pytest.raises(QueryError):
            check_query(bad)


@pytest.mark.parametrize("headers", [
    {"Host": "attacker.example"},                              # DNS rebinding
    {"Host": "attacker.example:1"},
    {"Origin": "http://attacker.example"},                     # a cross-site page
    {"Origin": "null"},
    {"Host": "127.0.0.1:x"},
])
def test_foreign_host_or_origin_is_refused(endpoint, headers):
    base, _ = endpoint
    status, _, body = fetch(f"{base}/sparql?{urlencode({'query': 'ASK {}'})}", headers=headers)
    assert status == 403, body


def test_own_names_and_origin_are_served(endpoint):
    base, _ = endpoint
    port = urlsplit(base).port
    for headers in ({"Host": f"localhost:{port}"}, {"Origin": base}, {"Origin": f"http://localhost:{port}"}):
        assert fetch(f"{base}/sparql?{urlencode({'query': 'ASK {}'})}", headers=headers)[0] == 200, headers


@pytest.mark.parametrize("request_bytes, status", [
    (b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
     b"Content-Length: \xb2\r\n\r\nASK {}", 400),        # latin-1 '²': a digit to str.isdigit, not to int()
    (b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
     b"Content-Length: -1\r\n\r\nASK {}", 400),
    (b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
     b"Content-Length: 6\r\nContent-Length: 7\r\n\r\nASK {}", 400),
    (b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
     b"Transfer-Encoding: chunked\r\n\r\n6\r\nASK {}\r\n0\r\n\r\n", 411),
    (b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
     b"Content-Length: 99999999999\r\n\r\n", 413),
    (b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
     b"Content-Length: 60\r\n\r\nASK {}", 400),                  # the client stops early
    (b"GET /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nX: " + b"a" * 70000 + b"\r\n\r\n", 431),
    (b"BREW /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 501),
    (b"GET /sparql HTTP/1.0\r\n\r\n", 403),                     # no Host at all
    (b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 400),   # TLS sent to plain HTTP
])
def test_malformed_requests_get_an_answer(endpoint, request_bytes, status):
    base, _ = endpoint
    request = request_bytes
    if b"Content-Length: 60" in request:     # half a body, then the client closes its side
        host, port = urlsplit(base).hostname, urlsplit(base).port
        with socket.create_connection((host, port), timeout=10) as s:
            s.sendall(request)
            s.shutdown(socket.SHUT_WR)
            answer = s.recv(65536)
    else:
        answer = raw(base, request)
    assert status_of(answer) == status, answer[:200]


@pytest.mark.parametrize("small_server", [{"max_connections": 2, "read_timeout": 1.0}], indirect=True)
def test_idle_connections_time_out_and_their_number_is_capped(small_server):
    host, port = urlsplit(small_server).hostname, urlsplit(small_server).port
    idle = [socket.create_connection((host, port), timeout=10) for _ in range(2)]
    try:
        time.sleep(0.1)         # both accepted and waiting for a request line
        assert status_of(raw(small_server, b"GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")) == 503
        stalled = b"POST /sparql HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n" \
                  b"Content-Length: 10\r\n\r\nASK"
        idle[0].sendall(stalled)            # a body that never completes gets 408 at the read timeout
        assert status_of(idle[0].recv(65536)) == 408
        assert idle[1].recv(65536) == b""   # closed at the read timeout, without an answer
        for _ in range(50):                 # their slots are free again
            answer = raw(small_server, b"GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
            if status_of(answer) == 200:
                break
            time.sleep(0.1)
        assert status_of(answer) == 200
    finally:
        for s in idle:
            s.close()


def test_host_names_when_listening_everywhere_or_by_another_name():
    everywhere = HostCheck("0.0.0.0", 8000)
    assert everywhere.problem("192.168.1.5:8000", "http://192.168.1.5:8000") is None
    assert everywhere.problem("[fe80::1]:8000", None) is None
    assert everywhere.problem("kg.attacker.example:8000", None) is not None
    named = HostCheck("127.0.0.1", 8000, ["KG.lan"])
    assert named.problem("kg.lan:8000", "http://kg.lan:8000") is None
    assert named.problem("kg.lan", "http://kg.lan:9000") is not None      # another port, another site
    assert named.problem("192.168.1.5", None) is not None
