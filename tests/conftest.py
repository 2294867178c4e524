"""Shared fixtures: the seed pages and one build of them per test session."""
from __future__ import annotations

from pathlib import Path

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
