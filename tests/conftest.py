"""Shared fixtures: the seed pages and one build of them per test session."""
from __future__ import annotations

import contextlib
import importlib.util
import shutil
import sys
import tempfile
import threading
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def seeds() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """One full build of the seed pages, shared by tests that only read its outputs."""
    from kg import build

    out = tmp_path_factory.mktemp("seed-build")
    result = build([SEEDS], out, workers=1)
    return result, out


@pytest.fixture(scope="session")
def load_script():
    """Import one of the repository's scripts (bench/, train/) as a module, by path."""
    def load(relpath: str) -> ModuleType:
        name = Path(relpath).stem
        spec = importlib.util.spec_from_file_location(name, ROOT / relpath)
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod          # dataclasses look their module up while it loads
        spec.loader.exec_module(mod)
        return mod
    return load


@pytest.fixture(scope="module")
def browser_context():
    """Playwright driving Debian's Chromium, one profile per test module; skips without it."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium not installed: run .ci/install-browser (as root) or `make test`")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as profile, sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 900})
        yield ctx
        ctx.close()


@pytest.fixture(scope="session")
def serving():
    """`with serving(server) as base:` runs a kg server in a thread and gives its URL."""
    @contextlib.contextmanager
    def run(server):
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        host, port = server.server_address[:2]
        try:
            yield f"http://{host}:{port}"
        finally:
            server.shutdown()
            server.server_close()
            thread.join(timeout=5)
    return run
