"""A read-only SPARQL 1.1 Protocol endpoint over a built graph, and its explorer page.

Standard library only (ThreadingHTTPServer) over a pyoxigraph store that no request
can change: updates are refused with 403 before any parsing, and the query parser
rejects update syntax sent as a query (400). Each query runs on a daemon worker
thread, at most `workers` at a time; its reply is due within the timeout (503 after
it), and reading results stops at the deadline or when they exceed the row limit.
pyoxigraph cannot interrupt a query still computing its first result, so such a
query keeps its worker slot until it ends; when all slots are taken, new queries
get 503 at once.

    GET  /sparql?query=...                      POST /sparql (form or application/sparql-query)
    GET  /          graph.html of the build, when there is one
"""
from __future__ import annotations

import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from .query import QueryError, Result, format_csv, format_json, format_ntriples, load_store, resolve_source, run

MAX_BODY = 1 << 20
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
    """The store and the limits every request is served under."""

    def __init__(self, store: ox.Store, page: bytes, timeout: float = 30.0,
                 max_rows: int = 10_000, workers: int = 2):
        self.store = store
        self.page = page
        self.timeout = timeout
        self.max_rows = max_rows
        self.slots = threading.BoundedSemaphore(workers)

    def execute(self, query: str) -> Result:
        """Run the query on a worker thread (a daemon, so a runaway query never blocks
        exit). Raises QueryError for bad queries, TimeoutError, or BusyError."""
        if not self.slots.acquire(blocking=False):
            raise BusyError("all query workers are busy; try again later")
        deadline = time.monotonic() + self.timeout
        outcome: dict[str, object] = {}
        done = threading.Event()

        def work() -> None:
            try:
                outcome["result"] = run(self.store, query, self.max_rows, deadline)
            except BaseException as e:  # handed to the request thread, which raises it
                # Drop the tracebacks here: their frames hold pyoxigraph result iterators,
                # which must be freed on the thread that made them.
                cause: BaseException | None = e
                while cause is not None:
                    cause.__traceback__ = None
                    cause = cause.__cause__ or cause.__context__
                outcome["error"] = e
            finally:
                self.slots.release()
                done.set()

        threading.Thread(target=work, name="kg-query", daemon=True).start()
        if not done.wait(self.timeout):
            raise TimeoutError(f"query timed out after {self.timeout:g} s")
        if "error" in outcome:
            raise outcome["error"]
        return outcome["result"]


class BusyError(Exception):
    """No worker is free for another query."""


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
    quiet = False

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
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            self._error(411, "a POST needs a Content-Length")
            return
        if int(length) > MAX_BODY:
            self._error(413, f"request body over {MAX_BODY} bytes")
            return
        try:
            body = self.rfile.read(int(length)).decode("utf-8")
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
        except (TimeoutError, BusyError) as e:
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


def page_for(source: Path) -> bytes:
    """graph.html of the build the source belongs to, or a short page about the endpoint."""
    html = (source if source.is_dir() else source.parent) / "graph.html"
    return html.read_bytes() if html.is_file() else FALLBACK_PAGE


def make_server(source: str | Path, host: str = "127.0.0.1", port: int = 8000,
                timeout: float = 30.0, max_rows: int = 10_000, workers: int = 2,
                quiet: bool = False) -> ThreadingHTTPServer:
    """A server (not yet serving) for the graph at `source`: a build folder, RDF file or store."""
    path = resolve_source(source)
    endpoint = Endpoint(load_store(path), page_for(path), timeout, max_rows, workers)
    handler = type("KgHandler", (Handler,), {"endpoint": endpoint, "quiet": quiet})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


def serve(source: str | Path, host: str = "127.0.0.1", port: int = 8000, timeout: float = 30.0,
          max_rows: int = 10_000) -> None:
    """Serve until interrupted (Ctrl-C)."""
    server = make_server(source, host, port, timeout, max_rows)
    h, p = server.server_address[:2]
    print(f"kg: serving http://{h}:{p}/ (SPARQL at /sparql); Ctrl-C stops", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
