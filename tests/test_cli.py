"""The CLI as a user runs it: exit codes, stdout, stderr."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
# What `kg --help` must not wait for: a second of imports between them (issue 21).
HEAVY = ("rdflib", "pyoxigraph", "pyvis", "networkx", "scipy", "numpy", "jieba", "rjieba", "kg.pipeline")


def test_help_and_version_load_no_heavy_module():
    """`import kg.cli`, `kg --help`, `kg --version` and every command's --help but export's
    (which lists the exporters' formats) load none of the libraries the commands run on."""
    code = f"""if True:
        import sys
        from click.testing import CliRunner
        from kg.cli import main
        loaded = [m for m in {HEAVY!r} if m in sys.modules]
        for args in (["--help"], ["--version"], *([c, "--help"] for c in main.commands if c != "export")):
            r = CliRunner().invoke(main, args)
            assert r.exit_code == 0, (args, r.output)
            loaded += [f"{{m}} ({{' '.join(args)}})" for m in {HEAVY!r} if m in sys.modules and m not in str(loaded)]
        print(loaded)
    """
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


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


@pytest.mark.parametrize("ner", [[], ["--ner", "crf"], ["--ner", "lac"]])
def test_statistical_ner_adds_an_unanchored_name_and_keys_the_cache_apart(tmp_path, ner):
    """The rules need a title or a speech verb; the tagger (default) and LAC do not.
    Each choice has its own cache entries: a rules-only entry is never reused."""
    page = tmp_path / "in" / "p.txt"
    page.parent.mkdir()
    page.write_text("聊城讯 聊城市召开会议。\n今天彭晓峰和同事一起去了现场。\n", encoding="utf-8")
    out = tmp_path / "out"
    rules = CliRunner().invoke(main, ["build", str(page.parent), "-o", str(out), "-q", "-j", "1",
                                      "--ner", "rules"])
    assert rules.exit_code == 0, rules.output
    assert "彭晓峰" not in (out / "graph.json").read_text(encoding="utf-8")
    tagged = CliRunner().invoke(main, ["build", str(page.parent), "-o", str(out), "-q", "-j", "1", *ner])
    assert tagged.exit_code == 0, tagged.output
    assert "彭晓峰" in (out / "graph.json").read_text(encoding="utf-8")


def test_unknown_ner_name_is_a_usage_error(tmp_path):
    r = CliRunner().invoke(main, ["extract", str(tmp_path), "--ner", "spacy"])
    assert r.exit_code == 2 and "spacy" in r.output


def test_max_nodes_bounds_the_explorers_first_view(tmp_path, seeds):
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["build", str(seeds / "004_412b62444f90ef19.txt"), "-o", str(out),
                                  "-q", "-j", "1", "--max-nodes", "10"])
    assert r.exit_code == 0, r.output
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert '"max_nodes":10' in html.replace(" ", "")
