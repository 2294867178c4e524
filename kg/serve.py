"""A read-only SPARQL 1.1 Protocol endpoint over a built graph, and its explorer page.

Standard library only (ThreadingHTTPServer); the graph lives in worker processes
(kg.sandbox), never in the server. Updates are refused with 403 before any parsing and
the query parser rejects update syntax sent as a query (400); a query nested too deep
or using SERVICE is refused (400) before it is parsed. Each query runs on one of
`workers` warm worker processes with a memory limit. A query still running at the
timeout is killed, as is one that exhausts its memory; it gets 503 and a replacement
worker loads the graph. When every worker is busy, new queries get 503 at once.

Against other sites and other clients: a request whose `Host` is not a name of this
endpoint (localhost, the bound address, --allow-host names) or whose `Origin` is
another site's gets 403, so no web page can make a browser query it (DNS rebinding,
cross-site requests). Each connection must send its request within READ_TIMEOUT
seconds per read (408 for a body that stops), at most MAX_CONNECTIONS are served at
once (503 beyond), and malformed requests get 400, 411, 413, 431 or 501, never a
dropped connection.

    GET  /sparql?query=...                      POST /sparql (form or application/sparql-query)
    GET  /          graph.html of the build, when there is one; over the page limit
                    (max_nodes) the served explorer, which fetches from /api (kg.explore)
    GET  /api/search?q=...                      GET /api/node/<id>     GET /api/edge/e<n>
    GET  /api/neighbourhood/<id>?hops=&types=&rels=     GET /api/path?from=&to=&types=&rels=

The API answers JSON from an index of graph.json held by the server (not the workers);
a bad id, parameter or query gets 4xx with a one-line message.
"""
from __future__ import annotations

import ipaddress
import json
import re
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Iterable
from urllib.parse import parse_qs, unquote, urlsplit

from .defaults import DEFAULT_MAX_NODES
from .outputs import compact_json
from .query import QueryError, Result, format_csv, format_json, format_ntriples, resolve_source
from .sandbox import DEFAULT_MEMORY_MB, BusyError, LimitError, Pool

if TYPE_CHECKING:
    from .explore import Explorer

MAX_BODY = 1 << 20
MAX_FIELDS = 20            # parameters of one API request
MAX_CONNECTIONS = 32       # connections served at once; more get 503
READ_TIMEOUT = 10.0        # seconds one read of a request may wait for the client
_LENGTH = re.compile(r"[0-9]{1,15}")
LOCAL_NAMES = ("localhost", "127.0.0.1", "::1")
WILDCARDS = ("", "0.0.0.0", "::")
SELECT_TYPES = {
    "application/sparql-results+json": format_json,
    "application/json": format_json,
    "text/csv": format_csv,
}
GRAPH_TYPES = ("application/n-triples", "text/turtle", "text/plain")  # N-Triples is valid Turtle
FALLBACK_PAGE = b"""<!doctype html><meta charset="utf-8"><title>kg SPARQL endpoint</title>
<h1>kg SPARQL endpoint</h1><p>Send SPARQL 1.1 queries to <code>/sparql</code>
(<code>GET /sparql?query=...</code> or <code>POST</code>). This endpoint is read-only.</p>
"""


class Endpoint:
    """The workers holding the graph and the limits every request is served under."""

    def __init__(self, pool: Pool, page: bytes, timeout: float = 30.0, max_rows: int = 10_000,
                 explorer: Explorer | None = None):
        self.pool = pool
        self.page = page
        self.explorer = explorer
        self.timeout = timeout
        self.max_rows = max_rows

    def execute(self, query: str) -> Result:
        """Run the query on an idle worker, which checks it first. Raises QueryError
        for bad or refused queries, LimitError (timed out, out of memory) or BusyError."""
        return self.pool.run(query, self.max_rows, self.timeout)


class HostCheck:
    """The names a client may call this endpoint by, in `Host` and `Origin`: a page on
    another site can make a browser send requests here, and a DNS name that the site
    points at 127.0.0.1 (DNS rebinding) would make them same-origin if names were not
    checked. When listening on every address, any IP address is a fine name too: an
    address literal cannot be rebound."""

    def __init__(self, host: str, port: int, allowed: Iterable[str] = ()):
        self.port = port
        self.names = {n.lower().strip("[]") for n in (*LOCAL_NAMES, host, *allowed)} - set(WILDCARDS)
        self.any_address = host in WILDCARDS

    def name_ok(self, name: str | None) -> bool:
        if not name:
            return False
        if name in self.names:
            return True
        if not self.any_address:
            return False
        try:
            ipaddress.ip_address(name)
        except ValueError:
            return False
        return True

    def problem(self, host: str | None, origin: str | None) -> str | None:
        """Why a request with these headers is refused, or None."""
        if host is None:
            return "a Host header is required"
        try:
            named = urlsplit("//" + host.strip())
            named.port            # raises ValueError unless it is a number
            if not self.name_ok(named.hostname):
                return f"Host {host!r} is not a name of this endpoint (see kg serve --allow-host)"
            if origin is not None:
                url = urlsplit(origin.strip())
                if (url.scheme not in ("http", "https") or not self.name_ok(url.hostname)
                        or (url.port or {"http": 80, "https": 443}[url.scheme]) != self.port):
                    return f"cross-site requests are refused (Origin {origin!r})"
        except ValueError:          # a port that is not a number
            return "malformed Host or Origin header"
        return None


def _negotiate(accept: str, offered: list[str]) -> str | None:
    """The offered media type the Accept header prefers (first offered wins ties)."""
    if not accept.strip():
        return offered[0]
    best, best_q = None, 0.0
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        mtype, q = fields[0].lower(), 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if mtype in ("*/*", "application/*", "text/*"):
            prefix = mtype.split("/")[0]
            cands = [o for o in offered if prefix == "*" or o.startswith(prefix + "/")]
        else:
            cands = [o for o in offered if o == mtype]
        if cands and q > best_q:
            best, best_q = cands[0], q
    return best


class Handler(BaseHTTPRequestHandler):
    """GET/POST /sparql (queries only) and GET / (the explorer page)."""

    server_version = "kg-sparql"
    endpoint: Endpoint
    hosts: HostCheck
    quiet = False
    timeout = READ_TIMEOUT      # applied to the socket by StreamRequestHandler.setup
    default_request_version = "HTTP/1.0"    # so a garbled request line gets a status line too

    def parse_request(self) -> bool:
        """The base class's parsing (it answers a bad request line or headers itself),
        then the Host and Origin checks."""
        if not super().parse_request():
            return False
        problem = self.hosts.problem(self.headers.get("Host"), self.headers.get("Origin"))
        if problem:
            self.close_connection = True
            self._error(403, problem)
            return False
        return True

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        if not self.quiet:
            super().log_message(format, *args)

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, (" ".join(message.split()) + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path == "/":
            self._send(200, self.endpoint.page, "text/html; charset=utf-8")
        elif url.path.startswith("/api/"):
            self._api(url.path[len("/api/"):], url.query)
        elif url.path == "/sparql":
            self._protocol(parse_qs(url.query, keep_blank_values=True), None)
        else:
            self._error(404, f"not found: {url.path}; SPARQL is at /sparql")

    do_HEAD = do_GET

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self._error(404, f"not found: {url.path}; SPARQL is at /sparql")
            return
        ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if ctype == "application/sparql-update":
            self._error(403, "this endpoint is read-only: updates are refused")
            return
        lengths = self.headers.get_all("Content-Length") or []
        if not lengths:
            self._error(411, "a POST needs a Content-Length")
            return
        if len(set(lengths)) != 1 or not _LENGTH.fullmatch(lengths[0].strip()):
            self._error(400, "malformed Content-Length: one decimal number of bytes")
            return
        length = int(lengths[0])
        if length > MAX_BODY:
            self._error(413, f"request body over {MAX_BODY} bytes")
            return
        try:
            raw = self.rfile.read(length)
        except TimeoutError:
            self.close_connection = True
            self._error(408, f"the request body did not arrive within {self.timeout:g} s")
            return
        if len(raw) < length:
            self.close_connection = True
            self._error(400, "the request body is shorter than its Content-Length")
            return
        try:
            body = raw.decode("utf-8")
        except UnicodeDecodeError:
            self._error(400, "the request body is not UTF-8")
            return
        params = parse_qs(url.query, keep_blank_values=True)
        if ctype == "application/x-www-form-urlencoded":
            params.update(parse_qs(body, keep_blank_values=True))
            self._protocol(params, None)
        elif ctype == "application/sparql-query":
            self._protocol(params, body)
        else:
            self._error(415, "POST application/sparql-query or application/x-www-form-urlencoded")

    def _api(self, path: str, query: str) -> None:
        """The explorer's JSON API (kg.explore): any bad request is a 4xx with a message."""
        ex = self.endpoint.explorer
        if ex is None:
            self._error(404, "no explorer API: it serves a build (with graph.json) over the page limit")
            return
        from .explore import ApiError, filters_of

        try:
            try:
                params = parse_qs(query, keep_blank_values=True, errors="strict", max_num_fields=MAX_FIELDS)
                route, _, arg = path.partition("/")
                arg = unquote(arg, errors="strict")
            except UnicodeDecodeError:
                raise ApiError(400, "the request is not UTF-8 (percent-encode UTF-8 bytes)") from None
            except ValueError:
                raise ApiError(400, f"at most {MAX_FIELDS} parameters") from None

            def one(name: str, required: bool = True) -> str | None:
                values = params.get(name, [])
                if len(values) > 1:
                    raise ApiError(400, f"{name}: give it once")
                if not values and required:
                    raise ApiError(400, f"{name}: missing")
                return values[0] if values else None

            def filters():
                return filters_of(one("types", False), one("rels", False), set(ex.types), set(ex.rels))

            if route in ("search", "path") and arg:
                raise ApiError(404, f"not found: /api/{path}")
            if route == "search":
                answer = ex.search(one("q"))
            elif route == "node" and arg:
                answer = ex.node(arg)
            elif route == "edge" and arg:
                answer = ex.edge(arg)
            elif route == "neighbourhood" and arg:
                hops = one("hops", False) or "1"
                if not hops.isascii() or not hops.isdigit() or len(hops) > 2:
                    raise ApiError(400, "hops: a number of hops, 0 to 4")
                answer = ex.neighbourhood(arg, int(hops), filters())
            elif route == "path":
                answer = ex.path(one("from"), one("to"), filters())
            else:
                raise ApiError(404, f"not found: /api/{path[:100]}; the API has search?q=, node/<id>, "
                                    "edge/<id>, neighbourhood/<id>?hops=, path?from=&to=")
        except ApiError as e:
            self._error(e.status, str(e))
            return
        self._send(200, compact_json(answer).encode("utf-8"), "application/json; charset=utf-8")

    def _protocol(self, params: dict[str, list[str]], body_query: str | None) -> None:
        if "update" in params:
            self._error(403, "this endpoint is read-only: updates are refused")
            return
        if "default-graph-uri" in params or "named-graph-uri" in params:
            self._error(400, "default-graph-uri and named-graph-uri are not supported")
            return
        queries = ([body_query] if body_query is not None else []) + params.get("query", [])
        if len(queries) != 1:
            self._error(400, "give exactly one query")
            return
        try:
            result = self.endpoint.execute(queries[0])
        except QueryError as e:
            self._error(400, str(e))
            return
        except (LimitError, BusyError) as e:
            self._error(503, str(e))
            return
        self._reply(result)

    def _reply(self, result: Result) -> None:
        accept = self.headers.get("Accept", "")
        if result.kind == "graph":
            mtype = _negotiate(accept, list(GRAPH_TYPES))
            if mtype is None:
                self._error(406, f"graph results are available as {', '.join(GRAPH_TYPES)}")
                return
            self._send(200, format_ntriples(result).encode("utf-8"), f"{mtype}; charset=utf-8")
            return
        mtype = _negotiate(accept, list(SELECT_TYPES))
        if mtype is None:
            self._error(406, f"results are available as {', '.join(SELECT_TYPES)}")
            return
        self._send(200, SELECT_TYPES[mtype](result).encode("utf-8"), f"{mtype}; charset=utf-8")


def page_for(source: Path, explorer: Explorer | None = None) -> bytes:
    """The served explorer when the graph is over the page limit, else graph.html of the
    build the source belongs to, or a short page about the endpoint."""
    if explorer is not None and explorer.large:
        return explorer.page()
    html = (source if source.is_dir() else source.parent) / "graph.html"
    return html.read_bytes() if html.is_file() else FALLBACK_PAGE


def explorer_for(source: Path, max_nodes: int) -> Explorer | None:
    """The API's index of graph.json of the build the source belongs to, when its graph is
    over the page limit; else None. Only that page needs it: a graph that fits is explored
    by graph.html alone, and the index held 1.3 GB for a 50 MB corpus (graph.json parsed).
    The build's report.json says how many nodes there are; without one, graph.json does."""
    build = source if source.is_dir() else source.parent
    graph = build / "graph.json"
    if not graph.is_file():
        return None
    nodes = _node_count(build / "report.json")
    if nodes is not None and nodes <= max_nodes:
        return None
    from .explore import Explorer
    from .exports import load_graph
    g = load_graph(graph)
    return Explorer(g, max_nodes=max_nodes) if g.number_of_nodes() > max_nodes else None


def _node_count(report: Path) -> int | None:
    """The nodes of a build's graph as its report.json counts them (written with graph.json,
    by one build), or None when there is no report that says."""
    try:
        n = json.loads(report.read_text(encoding="utf-8")).get("entities_total")
    except (OSError, ValueError, AttributeError):
        return None
    return n if isinstance(n, int) and not isinstance(n, bool) else None


_BUSY = b"too many connections; try again later\n"
_TOO_MANY = (b"HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
             b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(_BUSY), _BUSY))


class Server(ThreadingHTTPServer):
    """A ThreadingHTTPServer that serves at most `max_connections` connections at once
    (each is a thread) and stops the query workers when closed."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: type[Handler], pool: Pool,
                 max_connections: int = MAX_CONNECTIONS):
        self.pool = pool
        self.connections = threading.BoundedSemaphore(max_connections)
        super().__init__(address, handler)

    def process_request(self, request: socket.socket, client_address: tuple) -> None:
        if not self.connections.acquire(blocking=False):
            try:
                request.settimeout(1.0)
                request.sendall(_TOO_MANY)
            except OSError:
                pass            # the client left or does not read: it gets no answer
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:   # the thread did not start: its slot is free again
            self.connections.release()
            raise

    def process_request_thread(self, request: socket.socket, client_address: tuple) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.connections.release()

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


def make_server(source: str | Path, host: str = "127.0.0.1", port: int = 8000,
                timeout: float = 30.0, max_rows: int = 10_000, workers: int = 2,
                quiet: bool = False, memory_mb: int = DEFAULT_MEMORY_MB,
                allow_hosts: Iterable[str] = (), max_connections: int = MAX_CONNECTIONS,
                read_timeout: float = READ_TIMEOUT, max_nodes: int = DEFAULT_MAX_NODES) -> Server:
    """A server (not yet serving) for the graph at `source`: a build folder, RDF file or
    store, loaded by `workers` worker processes of at most `memory_mb` MiB each. A graph
    of over `max_nodes` nodes is explored through the API (kg.explore)."""
    path = resolve_source(source)
    explorer = explorer_for(path, max_nodes)
    page = page_for(path, explorer)
    pool = Pool(path, workers, memory_mb)
    endpoint = Endpoint(pool, page, timeout, max_rows, explorer)
    handler = type("KgHandler", (Handler,), {"endpoint": endpoint, "quiet": quiet,
                                             "timeout": read_timeout, "hosts": None})
    try:
        server = Server((host, port), handler, pool, max_connections)
    except BaseException:
        pool.close()
        raise
    handler.hosts = HostCheck(host, server.server_address[1], allow_hosts)
    return server


def serve(source: str | Path, host: str = "127.0.0.1", port: int = 8000, timeout: float = 30.0,
          max_rows: int = 10_000, memory_mb: int = DEFAULT_MEMORY_MB,
          allow_hosts: Iterable[str] = (), max_nodes: int = DEFAULT_MAX_NODES) -> None:
    """Serve until interrupted (Ctrl-C)."""
    server = make_server(source, host, port, timeout, max_rows, memory_mb=memory_mb,
                         allow_hosts=allow_hosts, max_nodes=max_nodes)
    h, p = server.server_address[:2]
    print(f"kg: serving http://{h}:{p}/ (SPARQL at /sparql); Ctrl-C stops", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
