"""Extraction on a Dask cluster: `kg build --scheduler tcp://HOST:PORT`.

Documents go to the cluster as bytes with their ids (workers need kg installed, not
the input files); each comes back as its extraction (the cache's JSON payload) and is
gathered in input order, so the graph is the one a local build makes. Before any work the
workers' extraction fingerprint (kg.cache) is compared with this machine's: a
worker running other kg code or data would silently give other results.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Any, Callable, Iterator

from .cache import fingerprint
from .errors import UserError


CONNECT_TIMEOUT = 30.0     # seconds a scheduler has to answer, handshake included


def _connect(client_class: Any, scheduler: str) -> Any:
    """A client of the scheduler, or a UserError. Dask's own timeout does not cover its
    handshake, so a listener that accepts and never answers would hang the build: the
    connection is made in a daemon thread that the build stops waiting for."""
    box: dict[str, Any] = {}

    def connect() -> None:
        try:
            box["client"] = client_class(scheduler, timeout=f"{CONNECT_TIMEOUT}s")
        except Exception as e:  # noqa: BLE001 - handed to the caller below, not swallowed
            box["error"] = e

    thread = threading.Thread(target=connect, name="kg-dask-connect", daemon=True)
    thread.start()
    thread.join(CONNECT_TIMEOUT + 5)
    if "client" in box:
        return box["client"]
    if "error" in box:
        raise UserError(f"cannot reach the Dask scheduler at {scheduler}: {box['error']}") from box["error"]
    raise UserError(f"the Dask scheduler at {scheduler} did not answer within {CONNECT_TIMEOUT:.0f} s")


@contextmanager
def cluster(scheduler: str) -> Iterator[tuple[Callable[..., Any], int]]:
    """submit(fn, *args) -> future on the cluster at `scheduler`, and its number of threads."""
    try:
        from dask.distributed import Client
    except ImportError as e:
        raise UserError("--scheduler needs Dask: pip install 'kg[dask]'") from e
    client = _connect(Client, scheduler)
    with client:
        mine = fingerprint()
        theirs = client.run(fingerprint)
        if not theirs:
            raise UserError(f"the Dask cluster at {scheduler} has no workers")
        odd = sorted(w for w, fp in theirs.items() if fp != mine)
        if odd:
            raise UserError(f"Dask workers {', '.join(odd)} run different kg code or data "
                            "than this machine; install the same kg version on every worker")
        slots = sum(client.nthreads().values())
        yield (lambda fn, *args: client.submit(fn, *args, pure=False)), max(slots, 1)
