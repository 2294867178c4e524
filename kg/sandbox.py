"""Queries run where they can be killed: checked first, then run in a child process.

A SPARQL engine runs in the process that calls it, so one hostile query could take the
process down: nesting ~6,000 brackets deep overflows pyoxigraph's parser stack
(SIGSEGV), and `{?a ?b ?c . ?d ?e ?f} ORDER BY ?c` asks for more memory than the
machine has, which Rust answers by aborting. So `kg query` and `kg serve` never run
a query themselves:

- a `Worker` is a child process (started afresh, `python -c`, so it shares no threads
  or locks with the server) that loads the graph once under an address-space limit
  (RLIMIT_AS) and then answers queries one at a time over a socket pair. A query that
  runs past its deadline is killed with SIGKILL; one that exhausts its memory or
  crashes kills only its worker. Either way the caller gets `LimitError`, and `Pool`
  starts a replacement worker so the endpoint keeps answering. A worker whose parent
  is gone stops within a second, whatever it is computing;
- before parsing a query, the worker refuses (`check_query`) one nested deeper than
  MAX_DEPTH or using SERVICE (it would make this machine fetch from any address). The
  check runs in the worker because it may need rdflib's parser, which takes its time
  on a large query: the server's own threads only move bytes.
"""
from __future__ import annotations

import json
import os
import pickle
import re
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from .defaults import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT
from .errors import UserError
from .query import QueryError, Result, resolve_source

MAX_DEPTH = 64            # brackets; pyoxigraph needs seconds for 150 nested [ ] and crashes near 1,000
STDERR_TAIL = 1 << 16     # bytes at the end of a dead worker's stderr searched for its reason

# Tokens that decide what is code: strings and comments hide brackets and keywords, IRIs
# hide `#` and quotes, a backslash escapes one character of a prefixed name, and a word
# is a keyword, variable, language tag or whole prefixed name (schema:Service is none).
_TOKENS = re.compile(r"""
    (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<comment>\#[^\n\r]*)
  | (?P<escape>\\.)
  | (?P<open>[(\[{])
  | (?P<close>[)\]}])
  | (?P<word>[?$@]?[\w-]+(?::[\w.:%-]*)?|:[\w.:%-]*)
""", re.VERBOSE | re.DOTALL)
_ESCAPES = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_SCHEME = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]*:")
_SERVICE_WORD = re.compile(r"(?<![\w?$:@-])service(?![\w:-])", re.IGNORECASE)


class LimitError(UserError):
    """The query hit a resource limit (time, memory) or crashed its worker: the server
    answers 503 and `kg query` exits 2, both with this one-line message."""


def _unescape(text: str) -> str:
    """`text` with \\uXXXX and \\UXXXXXXXX replaced, as rdflib does before it parses."""
    return _ESCAPES.sub(lambda m: chr(min(int(m[1] or m[2], 16), sys.maxunicode)), text)


def _scan(text: str) -> tuple[int, bool]:
    """(deepest bracket nesting, whether SERVICE appears as a keyword) of a query, read
    as the SPARQL lexer reads it. Brackets inside an IRI count too (clamped at zero), so
    `?x<((…))>?y`, which a lexer may take for an IRI or for two comparisons, is never
    under-counted; the word SERVICE counts inside an IRI without a scheme for the same
    reason."""
    depth = deepest = 0
    service = False
    for m in _TOKENS.finditer(text):
        kind = m.lastgroup
        if kind == "open":
            depth += 1
            deepest = max(deepest, depth)
        elif kind == "close":
            depth = max(0, depth - 1)
        elif kind == "iri":
            for c in m[0]:
                if c in "([":
                    depth += 1
                    deepest = max(deepest, depth)
                elif c in ")]":
                    depth = max(0, depth - 1)
            service |= not _SCHEME.match(m[0]) and bool(_SERVICE_WORD.search(m[0]))
        elif kind == "word":
            service |= m[0].upper() == "SERVICE"
    return deepest, service


def _parses_to_service(text: str) -> bool:
    """Whether rdflib's parser, which like pyoxigraph's tells an IRI from a `<` by the
    grammar, finds a SERVICE pattern. A query it cannot parse counts as one: this check
    only runs on queries that contain the word, and it must fail closed."""
    from rdflib.plugins.sparql.parser import parseQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    try:
        todo: list[Any] = [parseQuery(text)]
    except Exception:       # ParseException, RecursionError or whatever else: refuse
        return True
    while todo:
        node = todo.pop()
        if isinstance(node, CompValue) and node.name == "ServiceGraphPattern":
            return True
        if isinstance(node, dict):
            todo.extend(node.values())
        elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
            todo.extend(node)
    return False


def check_query(text: str) -> None:
    """Refuse (QueryError) a query nested deeper than MAX_DEPTH or that uses SERVICE.
    The text is read both as pyoxigraph reads it and with \\u escapes expanded, as
    rdflib reads it; either reading can refuse it."""
    expanded = _unescape(text)
    (depth, service), (depth2, service2) = _scan(text), _scan(expanded)
    if max(depth, depth2) > MAX_DEPTH:
        raise QueryError(f"the query nests brackets {max(depth, depth2)} deep; at most "
                         f"{MAX_DEPTH} are allowed")
    if service or service2 or (_SERVICE_WORD.search(expanded) and _parses_to_service(text)):
        raise QueryError("SERVICE (a federated query) is not allowed: queries may only read "
                         "this graph")


# --- the worker process -----------------------------------------------------------------

# A worker's program. It registers the kg package by hand, from the folder this kg came
# from (not the current one), so it runs its parent's code without kg/__init__.py, which
# imports the whole extraction pipeline: a second of start-up per worker and per kg query.
_BOOT = """import sys, types
kg = types.ModuleType("kg")
kg.__path__ = [{package!r}]
sys.modules["kg"] = kg
from kg.sandbox import _child
_child()
"""


def _watch_parent() -> None:
    """Exit when the parent is gone (this process is then adopted by another), so a
    query nobody waits for any more does not run on."""
    parent = os.getppid()
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _child() -> None:
    """A worker's main: load the graph under the memory limit, then answer queries.
    Every message is a pickled tuple: ("ready",), ("ok", Result), ("refused", message)
    for the user's mistakes, ("bug", traceback) for anything else."""
    conf = json.loads(sys.argv[1])
    conn = Connection(conf["fd"])
    threading.Thread(target=_watch_parent, name="kg-watch-parent", daemon=True).start()
    limit = conf["memory_mb"] << 20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from .query import load, run

    try:
        data = load(conf["source"], conf["engine"])
    except UserError as e:
        conn.send(("refused", str(e)))
        return
    conn.send(("ready",))
    while True:
        try:
            query, max_rows = conn.recv()
        except EOFError:            # the parent closed the pipe: nothing more to do
            return
        try:
            check_query(query)
            conn.send(("ok", run(data, query, max_rows)))
        except UserError as e:
            conn.send(("refused", str(e)))
        except MemoryError:
            conn.send(("memory", ""))
        except Exception:           # a bug: the parent raises it with this traceback
            conn.send(("bug", traceback.format_exc()))


class Worker:
    """One child process holding the graph, answering one query at a time."""

    def __init__(self, source: str | Path, engine: str = "oxigraph",
                 memory_mb: int = DEFAULT_MEMORY_MB, startup_timeout: float = 600.0):
        self.memory_mb = memory_mb
        ours, theirs = (s.detach() for s in socket.socketpair())
        # The child's stderr goes to a file: a Rust abort prints its reason there, which
        # becomes the message when the worker dies.
        self.stderr = tempfile.TemporaryFile()
        conf = {"fd": theirs, "source": str(source), "engine": engine, "memory_mb": memory_mb}
        code = _BOOT.format(package=str(Path(__file__).resolve().parent))
        self.conn = Connection(ours)
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-c", code, json.dumps(conf)], pass_fds=(theirs,),
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self.stderr)
        except BaseException:
            self.conn.close()
            self.stderr.close()
            raise
        finally:
            os.close(theirs)
        try:
            self._receive(startup_timeout, "loading the graph")
        except BaseException:
            self.close()
            raise

    def run(self, query: str, max_rows: int | None, timeout: float) -> Result:
        """The query's result. Raises QueryError (the user's mistake) or LimitError (the
        query ran out of time or memory: this worker is then dead, use another)."""
        try:
            self.conn.send((query, max_rows))
        except OSError:             # the worker is gone
            raise LimitError(self._death("the query")) from None
        return self._receive(timeout, "the query")

    def _receive(self, timeout: float, what: str) -> Any:
        try:
            answered = self.conn.poll(timeout)
            reply = self.conn.recv() if answered else None
        except (EOFError, OSError, pickle.UnpicklingError):     # the worker died
            raise LimitError(self._death(what)) from None
        if not answered:
            self.kill()
            raise LimitError(f"{what} timed out after {timeout:g} s (--timeout) and was stopped")
        if reply[0] == "refused":
            raise QueryError(reply[1])
        if reply[0] == "memory":
            self.kill()
            raise LimitError(f"{what} needs more than the {self.memory_mb} MiB memory limit (--memory)")
        if reply[0] == "bug":
            raise RuntimeError(f"query worker failed:\n{reply[1]}")
        return reply[1] if len(reply) > 1 else None

    def _death(self, what: str) -> str:
        """Why the worker died, in one line: out of memory, or killed by which signal."""
        code = self.kill()
        size = self.stderr.seek(0, os.SEEK_END)
        self.stderr.seek(max(0, size - STDERR_TAIL))
        lines = self.stderr.read().decode("utf-8", "replace").strip().splitlines()
        oom = [line for line in lines if "memory allocation" in line or "MemoryError" in line]
        if oom:
            return (f"{what} needs more than the {self.memory_mb} MiB memory limit (--memory): "
                    f"{oom[0].strip()}")
        how = f"signal {signal.Signals(-code).name}" if code < 0 else f"exit code {code}"
        return f"{what} crashed its worker ({how}{': ' + lines[-1].strip() if lines else ''})"

    def kill(self) -> int:
        """Stop the worker at once (SIGKILL) and free its pipe; its exit code."""
        if self.proc.poll() is None:
            self.proc.kill()
        code = self.proc.wait()
        self.conn.close()
        return code

    def close(self) -> None:
        """Stop the worker and drop its stderr file."""
        self.kill()
        self.stderr.close()


class BusyError(Exception):
    """No worker is free for another query."""


class Pool:
    """`size` warm workers for the endpoint. A request takes an idle one or gets
    BusyError; a worker killed by its query is replaced in the background, so the slot
    is back once the replacement has loaded the graph."""

    def __init__(self, source: str | Path, size: int, memory_mb: int = DEFAULT_MEMORY_MB):
        self.source, self.memory_mb = source, memory_mb
        self.lock = threading.Lock()
        self.idle: list[Worker] = []
        self.closed = False
        errors: list[BaseException] = []
        starters = [threading.Thread(target=self._add, args=(errors,), daemon=True)
                    for _ in range(size)]
        for t in starters:
            t.start()
        for t in starters:
            t.join()
        if errors:
            self.close()
            raise errors[0]

    def _add(self, errors: list[BaseException] | None = None) -> None:
        """Start one worker and make it idle; a failure goes to `errors` at startup and
        to stderr for a replacement (the pool then has one worker fewer)."""
        try:
            worker = Worker(self.source, memory_mb=self.memory_mb)
        except (UserError, RuntimeError, OSError) as e:
            if errors is None:
                print(f"kg: cannot replace a query worker: {e}", file=sys.stderr)
            else:
                errors.append(e)
            return
        self._release(worker)

    def run(self, query: str, max_rows: int | None, timeout: float) -> Result:
        """Run the query on an idle worker; see Worker.run."""
        with self.lock:
            if not self.idle:
                raise BusyError("all query workers are busy; try again later")
            worker = self.idle.pop()
        try:
            result = worker.run(query, max_rows, timeout)
        except (QueryError, RuntimeError):   # the worker answered and can take the next query
            self._release(worker)
            raise
        except BaseException:               # a LimitError killed it; anything else leaves it unknown
            worker.close()
            threading.Thread(target=self._add, name="kg-worker-start", daemon=True).start()
            raise
        self._release(worker)
        return result

    def _release(self, worker: Worker) -> None:
        with self.lock:
            if not self.closed:
                self.idle.append(worker)
                return
        worker.close()

    def close(self) -> None:
        """Stop every idle worker; busy ones stop when their query returns."""
        with self.lock:
            self.closed = True
            idle, self.idle = self.idle, []
        for w in idle:
            w.close()


def query_once(source: str | Path, query: str, engine: str = "oxigraph",
               timeout: float = DEFAULT_TIMEOUT, memory_mb: int = DEFAULT_MEMORY_MB) -> Result:
    """Run `query` on `source` in a worker of its own (the `kg query` command): loading
    has its own, longer allowance; `timeout` is for the query."""
    worker = Worker(resolve_source(source), engine, memory_mb)
    try:
        return worker.run(query, None, timeout)
    finally:
        worker.close()
