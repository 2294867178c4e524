"""Shared fixtures: the seed pages and one build of them per test session."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


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
