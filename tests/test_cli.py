"""The CLI as a user runs it: exit codes, stdout, stderr."""
from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from kg.cli import main


def test_extract_prints_jsonl(seeds):
    r = CliRunner().invoke(main, ["extract", str(seeds), "--format", "jsonl"])
    assert r.exit_code == 0
    recs = [json.loads(x) for x in r.output.splitlines()]
    assert len(recs) == 5 and all(rec["entities"] for rec in recs)


def test_build_quiet_prints_nothing(tmp_path, seeds):
    r = CliRunner().invoke(main, ["build", str(seeds / "000_3377281ccb69ee83.txt"), "-o",
                                  str(tmp_path), "--quiet", "-j", "1"])
    assert r.exit_code == 0, r.output
    assert r.output == ""
    assert (tmp_path / "graph.ttl").exists()


def test_missing_input_is_a_one_line_error(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(tmp_path / "nope"), "-o",
                           str(tmp_path / "out")], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "nope" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_version():
    r = CliRunner().invoke(main, ["--version"])
    assert r.exit_code == 0 and "kg" in r.output
