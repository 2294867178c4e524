"""Conventions every command keeps, including commands added later: --help with an
example that runs, --version, user mistakes as one line `kg: ...` with exit 2."""
from __future__ import annotations

import io
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kg.cli import KgGroup, Progress, main
from kg.errors import UserError

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = sorted(main.commands)
HELPS = ["", *COMMANDS]           # "": kg itself
LONG_RUNNING = {"serve"}         # examples that serve until stopped: must still be up after a while


def _examples(cmd: str) -> list[str]:
    """The `kg ...` lines under "Example:" in the --help of `kg cmd` (or of kg itself)."""
    text = CliRunner().invoke(main, [*filter(None, [cmd]), "--help"]).output
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("Example"))
    out = []
    for line in lines[start + 1:]:
        if not line.strip().startswith("kg "):
            break
        out.append(line.strip())
    return out


def _one_line_error(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("kg: ") and "Traceback" not in stderr
    return lines[0]


@pytest.mark.parametrize("cmd", COMMANDS)
def test_every_command_has_help_with_an_example_and_a_version(cmd):
    r = CliRunner().invoke(main, [cmd, "-h"])
    assert r.exit_code == 0 and "Usage: " in r.output
    assert _examples(cmd), f"kg {cmd} --help shows no example"
    assert all(e.split()[1] == cmd for e in _examples(cmd))
    r = CliRunner().invoke(main, [cmd, "--version"])
    assert r.exit_code == 0 and "kg, version" in r.output


def _workdir(path: Path, seed_build_out: Path) -> Path:
    """A folder like the repo after `make run`: the repo folders linked (seeds/ with one
    page), output/ a copy of the seed build, and `kg` on PATH (in .bin/)."""
    path.mkdir()
    for entry in ROOT.iterdir():
        if not entry.name.startswith(".") and entry.name not in ("output", "tests", "seeds"):
            (path / entry.name).symlink_to(entry)
    (path / "seeds").mkdir()        # one page is enough to run an example, and fast
    first = min((ROOT / "seeds").glob("*.txt"))
    (path / "seeds" / first.name).symlink_to(first)
    shutil.copytree(seed_build_out, path / "output")
    (path / ".bin").mkdir()
    kg = path / ".bin" / "kg"
    kg.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m kg "$@"\n')
    kg.chmod(0o755)
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_readme_cli_reference_has_every_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    reference = readme[readme.index("## CLI reference"):]
    assert [c for c in COMMANDS if f"| `kg {c}" not in reference] == []


def test_a_short_option_means_the_same_on_every_command():
    meaning: dict[str, set[tuple[str, ...]]] = {}
    for cmd in main.commands.values():
        for p in cmd.params:
            if isinstance(p, click.Option):
                names = p.opts + p.secondary_opts
                for short in (o for o in names if not o.startswith("--")):
                    meaning.setdefault(short, set()).add(tuple(o for o in names if o.startswith("--")))
    assert {s: m for s, m in meaning.items() if len(m) > 1} == {}
    assert meaning["-o"] == {("--output",)} and meaning["-q"] == {("--quiet",)}


@pytest.fixture(scope="module")
def example_runs(tmp_path_factory, seed_build) -> dict[str, list[tuple[str, int | None, str]]]:
    """Every command's help examples, run at once (each in its own copy of the repo):
    command -> [(example, exit code or None if still serving, stderr)]."""
    root = tmp_path_factory.mktemp("examples")
    procs = []
    for cmd in HELPS:
        for i, example in enumerate(_examples(cmd)):
            wd = _workdir(root / f"{cmd or 'kg'}-{i}", seed_build[1])
            # Servers get a free port, so concurrent test runs don't collide on the example's.
            example = re.sub(r"--port[ =]\d+", f"--port {_free_port()}", example)
            env = {**os.environ, "PATH": f"{wd / '.bin'}{os.pathsep}{os.environ['PATH']}",
                   "BROWSER": "true"}      # an example that opens a browser opens nothing
            procs.append((cmd, example, subprocess.Popen(
                example, shell=True, cwd=wd, env=env, text=True, stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE, start_new_session=True)))
    runs: dict[str, list[tuple[str, int | None, str]]] = {cmd: [] for cmd in HELPS}
    for cmd, example, proc in procs:
        try:
            _, err = proc.communicate(timeout=4 if cmd in LONG_RUNNING else 90)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGTERM)
            _, err = proc.communicate()
            runs[cmd].append((example, None, err))
            continue
        runs[cmd].append((example, proc.returncode, err))
    return runs


@pytest.mark.parametrize("cmd", HELPS)
def test_help_examples_run(cmd, example_runs):
    assert example_runs[cmd]
    for example, code, err in example_runs[cmd]:
        if cmd in LONG_RUNNING:
            assert code is None, f"{example!r} stopped (exit {code}): {err}"
        else:
            assert code == 0, f"{example!r} failed: {err}"
        assert "Traceback" not in err


@pytest.mark.parametrize("args, says", [
    (["export", "{missing}", "--format", "json"], "not found"),
    (["stats", "{missing}"], "not found"),
    (["build", "{missing}", "-o", "{tmp}/out"], "nope"),
    (["extract", "{missing}"], "nope"),
    (["export", "{output}", "--format", "pajek"], "pajek"),
    (["extract", "{seeds}", "--format", "xml"], "xml"),
    (["export", "{output}", "--format", "neo4j"], "-o"),
    (["stats", "{output}", "--top", "-1"], "--top"),
    (["build", "{seeds}", "--base-iri", "no iri", "-o", "{tmp}/out"], "base-iri"),
    # IRIs the writer's checks let through but pyoxigraph, which reads graph.ttl, refuses
    (["build", "{seeds}", "--base-iri", "http://x/%zz/", "-o", "{tmp}/out"], "percent encoding"),
    (["build", "{seeds}", "--base-iri", "http://x/%", "-o", "{tmp}/out"], "percent encoding"),
    (["build", "{seeds}", "--base-iri", "http://x/#a#", "-o", "{tmp}/out"], "'#'"),
    (["build", "{seeds}", "--base-iri", "http://[::1/", "-o", "{tmp}/out"], "host"),
    (["export", "{output}", "--format", "turtle", "--base-iri", "http://x/%zz/"], "base-iri"),
    (["frobnicate"], "frobnicate"),
    (["export"], "GRAPH"),
    (["export", "{output}", "--format", "json", "--colour"], "--colour"),
])
def test_user_mistakes_are_one_line_with_exit_2(args, says, tmp_path, seed_build, seeds):
    paths = {"missing": str(tmp_path / "nope"), "tmp": str(tmp_path), "seeds": str(seeds),
             "output": str(seed_build[1])}
    r = CliRunner().invoke(main, [a.format(**paths) for a in args])
    assert r.exit_code == 2, r.output
    assert says in _one_line_error(r.stderr) and r.stdout == ""
    assert not (tmp_path / "out").exists()


def test_a_real_process_prints_no_traceback(tmp_path, seed_build):
    procs = [subprocess.Popen([sys.executable, "-m", "kg", *args], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
             for args in (["export", str(tmp_path / "nope"), "--format", "graphml"],
                          ["export", str(seed_build[1]), "--format", "pajek"])]
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 2 and out == ""
        _one_line_error(err)


def test_malformed_sparql_is_one_line_with_exit_2(seed_build):
    if "query" not in main.commands:
        pytest.skip("kg query is not in the CLI yet")
    r = CliRunner().invoke(main, ["query", str(seed_build[1]), "SELECT ?x WHERE { ?x"])
    assert r.exit_code == 2, r.output
    _one_line_error(r.stderr)


def test_bare_kg_shows_the_help_on_stderr():
    r = CliRunner().invoke(main, [])
    assert r.exit_code == 2 and r.stdout == ""
    assert "Usage: " in r.stderr and "Commands:" in r.stderr and "Example:" in r.stderr


def test_conventions_reach_commands_added_later():
    group = KgGroup(name="kg")

    @group.command()
    @click.argument("path")
    def read(path: str) -> None:
        """Example:
          kg read x
        """
        if path == "user":
            raise UserError("no such thing; pass another")
        if path == "file":
            open("/nonexistent/kg-test", encoding="utf-8")
        raise RuntimeError("a bug")

    r = CliRunner().invoke(group, ["read", "user"])
    assert (r.exit_code, r.stderr) == (2, "kg: no such thing; pass another\n")
    r = CliRunner().invoke(group, ["read", "file"])
    assert r.exit_code == 2 and "/nonexistent/kg-test" in _one_line_error(r.stderr)
    r = CliRunner().invoke(group, ["read", "bug"])
    assert isinstance(r.exception, RuntimeError)          # bugs keep their traceback
    r = CliRunner().invoke(group, ["read", "--version"])
    assert r.exit_code == 0 and "kg, version" in r.output


def test_verbose_build_lists_documents(tmp_path, seeds):
    one = seeds / "000_3377281ccb69ee83.txt"
    r = CliRunner().invoke(main, ["build", str(one), "-o", str(tmp_path), "-v", "-j", "1"])
    assert r.exit_code == 0, r.output
    line = next(x for x in r.stderr.splitlines() if one.name in x)
    assert "articles" in line and "entities" in line
    assert "timings:" in r.stderr and r.stdout == ""
    r = CliRunner().invoke(main, ["build", str(one), "-o", str(tmp_path), "-v", "-q"])
    assert r.exit_code == 2


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_progress_on_a_terminal_shows_rate_and_time_left():
    clock, stream = FakeClock(), Stream(tty=True)
    p = Progress(False, stream, clock)
    clock.now += 4
    p(2, 4, "b.txt")
    assert stream.getvalue() == "\r\x1b[Kextracting 2/4 documents, 0.5/s, 4.0 s left: b.txt"
    clock.now += 400
    p(3, 4, "c.txt")
    assert stream.getvalue().endswith("0.0/s, 2:14 left: c.txt")
    p(4, 4, "d.txt")
    assert stream.getvalue().endswith("\r\x1b[Kextracted 4 documents in 6:44 (0.0/s)\n")


def test_progress_in_a_log_is_periodic_and_quiet_is_silent():
    clock, stream = FakeClock(), Stream(tty=False)
    p = Progress(False, stream, clock, interval=10)
    for i in range(1, 5):
        clock.now += 4
        p(i, 4, f"{i}.txt")
    assert stream.getvalue().splitlines() == [
        "extracting 3/4 documents, 0.2/s, 4.0 s left: 3.txt",
        "extracted 4 documents in 16.0 s (0.2/s)"]
    quiet = Stream(tty=True)
    q = Progress(True, quiet, clock)
    q(1, 1, "a.txt")
    assert quiet.getvalue() == ""


def test_progress_escapes_control_characters_in_file_names():
    clock, stream = FakeClock(), Stream(tty=True)
    clock.now += 1
    Progress(False, stream, clock)(1, 2, "\x1b[2J\u202eevil\\xff.txt")
    assert stream.getvalue().endswith("left: \\x1b[2J\\u202eevil\\xff.txt")
    assert stream.getvalue().count("\x1b") == 1        # its own clear-line only
