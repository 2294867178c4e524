"""Reliability: bad input is reported by name, crashes stay per document, a killed
build leaves the previous outputs intact, and outputs do not depend on input order,
worker count, locale or hash seed."""
from __future__ import annotations

import dataclasses
import errno
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph

import kg.cache
import kg.outputs
import kg.extractors
import kg.reader
from kg import build
from kg.outputs import remove_stale_temps

ROOT = Path(__file__).resolve().parent.parent
OUTPUTS = ("graph.ttl", "graph.json", "extraction.jsonl", "report.json", "graph.html")


def _seed(seeds: Path, i: int = 0) -> Path:
    return sorted(seeds.glob("*.txt"))[i]


def _kg(*args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, **kw)


def _snapshot(out: Path) -> dict[str, bytes]:
    return {n: (out / n).read_bytes() for n in OUTPUTS}


def _temps(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.endswith(".tmp"))


def _unfinished(out: Path, ignore: frozenset[str] = frozenset()) -> list[str]:
    """The files of generations being written (not the current one, nor those in
    `ignore`: left by an earlier kill) in a build folder."""
    current = os.readlink(out / ".kg-current") if (out / ".kg-current").is_symlink() else None
    names = []
    for g in out.glob(".kg-gen-*"):
        try:
            names += [f.name for f in g.iterdir()] if g.name not in (current, *ignore) else []
        except FileNotFoundError:
            continue        # removed by the build meanwhile
    return sorted(names)


def _bad_inputs(folder: Path, seeds: Path) -> dict[str, str]:
    """A folder of one good page and one file of every kind that cannot be read:
    file name -> the reason the report must give."""
    folder.mkdir()
    shutil.copy(_seed(seeds), folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b" \n\r\n\t \n")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (folder / "undecodable.txt").write_bytes("区委书记".encode("utf-8") + b"\xff\xff\x80\x80")
    (folder / "controls.txt").write_bytes(b"\x01\x02\x1b\x7f\x0c")
    (folder / "dangling.txt").symlink_to(folder / "missing-target.txt")
    return {"empty.txt": "empty", "blank.txt": "empty", "binary.txt": "not text",
            "undecodable.txt": "undecodable", "controls.txt": "no text",
            "dangling.txt": "broken symbolic link"}


def test_each_unreadable_file_is_reported_by_name_with_its_reason(tmp_path, seeds):
    expected = _bad_inputs(tmp_path / "in", seeds)
    proc = _kg("build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "1", "--no-cache")
    assert proc.returncode == 0, proc.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["documents"]["read"] == 1
    for name, reason in expected.items():
        hits = [w for w in report["warnings"] if w.startswith(f"{name}: ")]
        assert len(hits) == 1 and reason in hits[0], (name, report["warnings"])
        assert f"kg: warning: {hits[0]}" in proc.stderr
    assert len(report["warnings"]) == len(expected)
    assert "Traceback" not in proc.stderr


def test_fail_on_error_exits_1_after_writing_the_outputs(tmp_path, seeds):
    _bad_inputs(tmp_path / "in", seeds)
    proc = _kg("build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "2",
               "--no-cache", "--quiet", "--fail-on-error")
    assert proc.returncode == 1
    assert "empty.txt: empty" in proc.stderr
    Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    ok = _kg("build", str(_seed(seeds)), "-o", str(tmp_path / "out2"), "-j", "1", "--no-cache",
             "--quiet", "--fail-on-error")
    assert ok.returncode == 0, ok.stderr


def test_unreadable_file_is_reported_and_the_rest_is_built(tmp_path, seeds, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(_seed(seeds), folder / "good.txt")
    locked = folder / "locked.txt"
    shutil.copy(_seed(seeds, 1), locked)
    locked.chmod(0)
    if os.access(locked, os.R_OK):      # root reads anything: make opening it fail instead
        real = os.open

        def refuse(path, *args, **kw) -> int:
            if os.path.basename(path) == "locked.txt":
                raise PermissionError(13, "Permission denied", str(path))
            return real(path, *args, **kw)
        monkeypatch.setattr(os, "open", refuse)
    result = build([folder], tmp_path / "out", workers=1)
    assert [d.document.id for d in result.docs] == ["good.txt"]
    assert result.report["warnings"] == ["locked.txt: cannot read (Permission denied)"]


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path, monkeypatch):
    (tmp_path / "big.txt").write_bytes("区委书记张三出席会议。".encode() * 200)
    monkeypatch.setattr(kg.reader, "MAX_BYTES", 100)
    result = build([tmp_path / "big.txt"], None)
    assert result.problems == [f"big.txt: too large ({200 * 33} bytes, limit 100)"]


def test_an_extractor_crash_is_a_warning_for_that_file_only(tmp_path, seeds, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(_seed(seeds, 0), folder / "a.txt")
    shutil.copy(_seed(seeds, 1), folder / "b.txt")
    (folder / "b.txt").write_text((folder / "b.txt").read_text(encoding="utf-8") + "\n触发崩溃\n",
                                  encoding="utf-8")
    places = kg.extractors.PIPELINE["places"]

    def crashing(ctx) -> None:
        if "触发崩溃" in ctx.text:
            raise RuntimeError("boom\nsecond line")
        places.run(ctx)
    monkeypatch.setitem(kg.extractors.PIPELINE, "places", dataclasses.replace(places, run=crashing))
    result = build([folder], tmp_path / "out", workers=1)
    assert [d.document.id for d in result.docs] == ["a.txt"]
    assert result.report["warnings"] == ["b.txt: extraction failed (RuntimeError: boom second line)"]
    assert json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))["warnings"] \
        == result.report["warnings"]


def test_a_file_replaced_by_a_pipe_after_listing_is_reported_not_waited_for(tmp_path, seeds):
    folder = _one_page(tmp_path, seeds)
    shutil.copy(_seed(seeds, 1), folder / "q.txt")
    files, _ = kg.reader.find_inputs([folder])
    (folder / "q.txt").unlink()
    os.mkfifo(folder / "q.txt")         # no writer: a blocking read would wait for ever

    def waited(*_) -> None:
        raise TimeoutError("read_bytes waited for a writer of the pipe")
    previous = signal.signal(signal.SIGALRM, waited)
    signal.alarm(5)
    try:
        assert kg.reader.read_bytes(files[0]) == _seed(seeds).read_bytes()
        with pytest.raises(kg.reader.ReadError, match=r"^q\.txt: not a regular file$"):
            kg.reader.read_bytes(files[1])
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_subfolders_not_read_are_named(tmp_path, seeds, monkeypatch):
    folder = _one_page(tmp_path, seeds)
    (tmp_path / "elsewhere").mkdir()
    shutil.copy(_seed(seeds, 1), tmp_path / "elsewhere" / "x.txt")
    (folder / "linked").symlink_to(tmp_path / "elsewhere")
    (folder / "locked").mkdir()
    shutil.copy(_seed(seeds, 2), folder / "locked" / "y.txt")
    real = os.scandir

    def scandir(path):
        if os.path.basename(path) == "locked":      # unreadable, even for root
            raise PermissionError(13, "Permission denied", path)
        return real(path)
    monkeypatch.setattr(os, "scandir", scandir)
    files, problems = kg.reader.find_inputs([folder])
    assert [f.id for f in files] == ["p.txt"]
    assert problems == ["linked/: folder skipped, a symbolic link (give it as an input to read it)",
                        "locked/: folder skipped, cannot read it (Permission denied)"]


def test_two_files_with_one_id_are_not_silently_merged(tmp_path, seeds):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shutil.copy(_seed(seeds, 0), tmp_path / "a" / "x.txt")
    shutil.copy(_seed(seeds, 1), tmp_path / "b" / "x.txt")
    files, problems = kg.reader.find_inputs([tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt",
                                             tmp_path / "a" / "x.txt"])
    assert [f.path for f in files] == [tmp_path / "a" / "x.txt"]
    assert len(problems) == 1 and problems[0].startswith(f"{tmp_path / 'b' / 'x.txt'}: skipped")


def test_a_file_name_that_is_not_utf8_is_read_and_named_escaped(tmp_path, seeds):
    """Bytes that are not UTF-8 and a terminal escape in a name: the file is read, its id
    names the bytes as \\xNN, outputs stay UTF-8, messages reach the terminal escaped."""
    folder = tmp_path / "in"
    folder.mkdir()
    raw = os.fsencode(folder)
    (Path(os.fsdecode(raw + b"/a\xff\x1b[31mb.txt"))).write_bytes(_seed(seeds).read_bytes())
    (Path(os.fsdecode(raw + b"/\xfe.txt"))).write_bytes(b"")
    out = tmp_path / "out"
    proc = _kg("build", str(folder), "-o", str(out), "-j", "1", "--no-cache", "-v")
    assert proc.returncode == 0, proc.stderr
    assert "\x1b" not in proc.stderr and "Traceback" not in proc.stderr
    assert "kg: warning: \\xfe.txt: empty file" in proc.stderr
    assert "a\\xff\\x1b[31mb.txt: " in proc.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["documents"]["read"] == 1 and report["warnings"] == ["\\xfe.txt: empty file"]
    data = _check_outputs(out, (out / "graph.html").read_text(encoding="utf-8"))
    assert list(data["graph"]["documents"]) == ["a\\xff\x1b[31mb.txt"]
    extract = _kg("extract", str(folder))
    assert extract.returncode == 0 and json.loads(extract.stdout)["doc"] == "a\\xff\x1b[31mb.txt"


def test_outputs_do_not_depend_on_how_the_input_path_is_spelled(tmp_path, seeds, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(_seed(seeds, 3), folder / "p.txt")
    monkeypatch.chdir(tmp_path)
    snaps = []
    for i, spelling in enumerate(["in", "./in/", str(folder), f"../{tmp_path.name}/in",
                                  "in/p.txt", str(folder / "p.txt")]):
        build([spelling], tmp_path / f"out{i}", workers=1)
        snaps.append(_snapshot(tmp_path / f"out{i}"))
    assert all(snap == snaps[0] for snap in snaps[1:])
    assert json.loads(snaps[0]["graph.json"])["graph"]["documents"]["p.txt"]["path"] == "p.txt"


def test_no_output_names_a_local_folder(tmp_path, seeds):
    """Outputs are shared: they name each file by its id (its path under the input folder
    given), never by the folders it lies in, even where the build warns about an input."""
    private = tmp_path / "alice-private-case"
    (private / "in" / "sub").mkdir(parents=True)
    (private / "other").mkdir()
    shutil.copy(_seed(seeds, 0), private / "in" / "sub" / "p.txt")
    shutil.copy(_seed(seeds, 1), private / "in" / "q.txt")
    shutil.copy(_seed(seeds, 2), private / "other" / "q.txt")        # a second q.txt: skipped
    shutil.copy(_seed(seeds, 3), private / "single.txt")
    (private / "pages.csv").write_text("file,date\nnone.txt,2022-07-04\n", encoding="utf-8")
    out = tmp_path / "out"
    result = build([private / "in", private / "other", private / "single.txt", private / "gone"],
                   out, page_table=private / "pages.csv")
    for name in OUTPUTS:
        text = (out / name).read_text(encoding="utf-8")
        assert "alice-private-case" not in text and str(tmp_path) not in text, name
    docs = json.loads((out / "graph.json").read_text(encoding="utf-8"))["graph"]["documents"]
    assert {d: v["path"] for d, v in docs.items()} == {"sub/p.txt": "sub/p.txt", "q.txt": "q.txt",
                                                        "single.txt": "single.txt"}
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["warnings"] == ["gone: no such file or folder",
                                  "pages.csv: row for 'none.txt' names no input file",
                                  "q.txt: skipped, q.txt has the same document id 'q.txt'"]
    assert any(str(private) in p for p in result.problems)          # the terminal hears it all


# ---- hostile text -----------------------------------------------------------------

EVIL = ["<script>alert(1)</script>", "</script><script>alert(2)//", "<!--", "]]>",
        '> . ; " \\ @prefix x: <http://e/> .', "'''\"\"\"", "\u202e反转\u202c", "零\u200b宽",
        "\x1b[31m红\x07", "\u2028\u2029", "{{x}}${x}", "&amp;&lt;", "%00#a0"]
MARKUP = re.compile(r"<\s*/?\s*script|<!--", re.I)


def _hostile_page(seeds: Path) -> str:
    """A seed page with the hostile strings in headlines, bylines and sentences that
    name officials and organisations, so they reach titles, labels and quotes."""
    lines = []
    for i, e in enumerate(EVIL):
        lines += [f"{e}标题{i}", f"■ 本报记者 王{e}明", f"东昌府区区委书记张{chr(0x4e00 + i)}明{e}出席"
                  f"聊城{e}科技有限公司的会议。", e]
    seed = _seed(seeds).read_text(encoding="utf-8")
    return seed[:3000] + "\n" + "\n".join(lines) + "\n" + seed[3000:]


def _check_outputs(out: Path, baseline_html: str) -> dict:
    """Every output parses; the page has exactly the script tags of a benign page."""
    Graph().parse(out / "graph.ttl", format="turtle")
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    for line in (out / "extraction.jsonl").read_text(encoding="utf-8").splitlines():
        json.loads(line)
    json.loads((out / "report.json").read_text(encoding="utf-8"))
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert [m.lower() for m in MARKUP.findall(html)] == \
        [m.lower() for m in MARKUP.findall(baseline_html)]
    return data


def test_hostile_names_titles_and_file_names_never_break_the_outputs(tmp_path, seeds, seed_build):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.txt").write_text(_hostile_page(seeds), encoding="utf-8")
    shutil.copy(_seed(seeds, 1), folder / "<script>alert(3)<\\script> .txt")
    shutil.copy(_seed(seeds, 2), folder / 'x"> .; @prefix \u202e\u200b.txt')
    (folder / "\x1b[2J\u202eevil.txt").write_bytes(b"")
    proc = _kg("build", str(folder), "-o", str(tmp_path / "out"), "-j", "2", "--no-cache", "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert "\x1b" not in proc.stderr and "\u202e" not in proc.stderr
    assert "kg: warning: \\x1b[2J\\u202eevil.txt: empty file" in proc.stderr
    _, seed_out = seed_build
    data = _check_outputs(tmp_path / "out", (seed_out / "graph.html").read_text(encoding="utf-8"))
    text = json.dumps(data, ensure_ascii=False)
    assert "<script>alert(1)</script>" in text and "@prefix x: <http://e/>" in text, \
        "the hostile strings did not reach the graph, so this test tests nothing"
    assert len(data["graph"]["documents"]) == 3


def test_a_5mb_single_line_reads_with_its_offset_map(monkeypatch):
    monkeypatch.setattr(kg.reader, "MAX_CHARS", 10_000_000)    # the offset map, not the limit
    unit = '<script>alert(1)</script> > . ; " \\ @prefix \u202e\u200b 区委书记张三明出席会议 x'
    data = (unit * (5_000_000 // len(unit.encode()) + 1)).encode()[:5_000_000]
    doc = kg.reader.parse_document("long.txt", "long.txt", data.decode("utf-8", "ignore").encode())
    assert "\n" not in doc.text and len(doc.origin) == len(doc.text) + 1
    assert doc.origin[-1] == len(doc.raw) and "\u200b" not in doc.text
    i = doc.text.rindex("张三明")
    rs, re_ = doc.raw_span(i, i + 3)
    assert doc.raw[rs:re_] == "张三明"


def test_a_long_line_full_of_facts_builds_with_bounded_quotes(tmp_path, seed_build):
    """Each fact quotes its sentence; one endless sentence must not be copied into all."""
    filler = '<script>alert(1)</script> > . ; " @prefix \u202e\u200b' * 20
    line = "".join(f"东昌府区区委书记张{chr(0x4e00 + i)}明出席会议，{filler}" for i in range(150))
    (tmp_path / "long.txt").write_text("聊城日报\n" + line + "\n", encoding="utf-8")
    proc = _kg("build", str(tmp_path / "long.txt"), "-o", str(tmp_path / "out"), "-j", "1",
               "--no-cache", "--quiet")
    assert proc.returncode == 0, proc.stderr
    _, seed_out = seed_build
    data = _check_outputs(tmp_path / "out", (seed_out / "graph.html").read_text(encoding="utf-8"))
    quotes = [m["quote"] for n in data["nodes"] for m in n["mentions"]]
    assert len(quotes) >= 150 and max(map(len, quotes)) <= 1000
    assert (tmp_path / "out" / "graph.json").stat().st_size < 20 * len(line.encode())


# ---- atomic outputs ---------------------------------------------------------------


def _dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def test_stale_temp_files_of_dead_writers_are_removed_live_ones_kept(tmp_path):
    stale = tmp_path / f".graph.ttl.{_dead_pid()}.abc_1234.tmp"
    live = tmp_path / f".graph.ttl.{os.getpid()}.zz9_8765.tmp"
    other = tmp_path / ".notes.tmp"
    for p in (stale, live, other):
        p.write_text("partial", encoding="utf-8")
    assert remove_stale_temps(tmp_path) == [stale]
    assert not stale.exists() and live.exists() and other.exists()


def _replicate(seeds: Path, folder: Path, times: int) -> Path:
    folder.mkdir()
    for i in range(times):
        for f in sorted(seeds.glob("*.txt")):
            shutil.copy(f, folder / f"{i:03d}_{f.name}")
    return folder


def _kill_build(args: list[str], when) -> subprocess.Popen:
    """Start `kg build args`, SIGKILL it once `when(elapsed)` says so; return the process."""
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", *args], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    t0 = time.monotonic()
    while proc.poll() is None and not when(time.monotonic() - t0):
        time.sleep(0.002)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)     # the build and its worker processes
    proc.wait()
    return proc


def test_a_killed_build_leaves_the_previous_outputs_and_the_next_build_succeeds(tmp_path, seeds):
    """Kill a rebuild (one new page among cached ones, so it soon writes its views) at a
    third and two thirds of the time it takes, and while its generation holds a view:
    every time the outputs of the previous build must be there, byte for byte."""
    out, cache = tmp_path / "out", tmp_path / "cache"
    big = _replicate(seeds, tmp_path / "big", 4)
    first = _kg("build", str(big), "-o", str(out), "-j", "2", "--cache", str(cache), "--quiet")
    assert first.returncode == 0, first.stderr
    before = _snapshot(out)
    extra = tmp_path / "extra.txt"

    def new_page(tag: str) -> None:
        """A page the cache has not seen, so every rebuild below takes as long as timed."""
        extra.write_text(_seed(seeds, 2).read_text(encoding="utf-8") + f"\n新的一段{tag}。\n",
                         encoding="utf-8")
    new_page("timed")
    args = [str(big), str(extra), "-o", str(out), "-j", "2", "--cache", str(cache), "--quiet"]
    views = set(OUTPUTS) - {"extraction.jsonl"}
    # how long the rebuild takes, timed in another folder (the page is new each time)
    t0 = time.monotonic()
    timed = _kg("build", str(big), str(extra), "-o", str(tmp_path / "out2"), "-j", "2",
                "--cache", str(cache), "--quiet")
    took = time.monotonic() - t0
    assert timed.returncode == 0, timed.stderr
    leftover: frozenset[str] = frozenset()
    moments = [lambda t: t > took / 3, lambda t: t > 2 * took / 3,
               lambda t: bool(views & set(_unfinished(out, leftover)))]
    for i, when in enumerate(moments):
        new_page(str(i))
        leftover = frozenset(g.name for g in out.glob(".kg-gen-*"))
        proc = _kill_build(args, when)
        assert proc.returncode == -signal.SIGKILL, f"the build finished before the kill at moment {i}"
        assert _snapshot(out) == before, f"outputs changed by a build killed at moment {i}"
    assert views & set(_unfinished(out)), "the last kill missed the writing"
    for entry in cache.rglob("*.json"):      # cache writes are atomic too: no torn entry
        kg.cache.decode(entry.read_bytes())
    again = _kg("build", *args)
    assert again.returncode == 0, again.stderr
    assert _temps(out) == [] and _unfinished(out) == [] and len(list(out.glob(".kg-gen-*"))) == 1
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["documents"]["read"] == 4 * len(list(seeds.glob("*.txt"))) + 1
    Graph().parse(out / "graph.ttl", format="turtle")


def _state(out: Path) -> dict[str, bytes | None]:
    """What a reader opening each output finds (None: nothing)."""
    state = {}
    for n in OUTPUTS:
        try:
            state[n] = (out / n).read_bytes()
        except FileNotFoundError:
            state[n] = None
    return state


class Crash(Exception):
    """A build killed at one step of writing or committing its outputs."""


def test_a_build_killed_at_any_write_or_rename_leaves_the_old_outputs_or_the_new(
        tmp_path, seeds, monkeypatch):
    """Fault injection, as SQLite tests: fail the first, second, ... write, fsync, rename,
    link and delete of a build, each time from the same starting folder, until one
    completes. After each, a reader sees the whole previous build or the whole new one.
    Three starting folders: a build's (generations), the plain files of a kg before
    generations, and a copy made with cp -rL (.kg-current a folder)."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copy(_seed(seeds, 0), a)
    shutil.copy(_seed(seeds, 1), b)
    ref_old, ref_new, out = tmp_path / "ref-old", tmp_path / "ref-new", tmp_path / "out"
    cache = tmp_path / "cache"      # every build below reads both pages from it: fast
    build([a, b], None, workers=1, cache_dir=cache)
    build([a], ref_old, workers=1, cache_dir=cache)
    build([a, b], ref_new, workers=1, cache_dir=cache)
    old, new = _state(ref_old), _state(ref_new)
    assert old != new

    def plain(out: Path) -> None:
        out.mkdir()
        for n in OUTPUTS:
            (out / n).write_bytes(old[n])
    starts = {"generations": lambda out: shutil.copytree(ref_old, out, symlinks=True),
              "plain files": plain, "cp -rL": lambda out: shutil.copytree(ref_old, out)}
    steps = {"os.replace": (os, "replace"), "os.rename": (os, "rename"),
             "os.symlink": (os, "symlink"), "os.link": (os, "link"), "os.fsync": (os, "fsync"),
             "shutil.rmtree": (shutil, "rmtree"),
             "Generation.write": (kg.outputs.Generation, "write")}
    calls: list[str] = []
    seen: set[str] = set()      # the kinds of step a fault was injected at
    fail_at = 0

    def faulty(name: str, real):
        def step(*args, **kw):
            calls.append(name)
            if len(calls) == fail_at:
                raise Crash(name)
            return real(*args, **kw)
        return step
    for start, make in starts.items():
        for fail_at in range(1, 100):
            shutil.rmtree(out, ignore_errors=True)
            make(out)
            calls.clear()
            with monkeypatch.context() as m:
                for name, (owner, attr) in steps.items():
                    m.setattr(owner, attr, faulty(name, getattr(owner, attr)))
                try:
                    build([a, b], out, workers=1, cache_dir=cache)
                except Crash:
                    assert _state(out) in (old, new), (start, fail_at, calls[-1])
                    seen.add(calls[fail_at - 1])
                    continue
            break
        assert fail_at == len(calls) + 1 >= 10, start
        assert _state(out) == new
        assert len(list(out.glob(".kg-gen-*"))) == 1 and _temps(out) == []
        build([a, b], out, workers=1, cache_dir=cache)      # and the next runs normally
    assert seen == set(steps)


def test_a_second_build_into_a_locked_folder_fails_at_once_naming_it(tmp_path, seeds):
    out = tmp_path / "out"
    with kg.outputs.build_lock(out):       # as a build in progress holds it
        t0 = time.monotonic()
        proc = _kg("build", str(_seed(seeds)), "-o", str(out), "-q", "-j", "1")
        assert time.monotonic() - t0 < 20
    assert proc.returncode == 2
    assert proc.stderr == f"kg: {out}: another kg build is writing to this folder; wait for it " \
        "to finish or give another -o\n"
    assert sorted(p.name for p in out.iterdir()) == [".kg-lock"]
    assert build([_seed(seeds)], out, workers=1).docs       # released: the next build runs


# ---- determinism ------------------------------------------------------------------


def _zh_locale(tmp: Path) -> dict[str, str]:
    """Env for the zh_CN.UTF-8 locale, compiled into `tmp` if the system lacks it."""
    have = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split()
    if any(x.lower() in ("zh_cn.utf8", "zh_cn.utf-8") for x in have):
        return {"LC_ALL": "zh_CN.UTF-8"}
    if shutil.which("localedef") and Path("/usr/share/i18n/locales/zh_CN").exists():
        subprocess.run(["localedef", "-i", "zh_CN", "-f", "UTF-8", str(tmp / "zh_CN.UTF-8")],
                       check=True, capture_output=True)
        return {"LC_ALL": "zh_CN.UTF-8", "LOCPATH": str(tmp)}
    return {"LC_ALL": "C.UTF-8"}


# every export format of a build, in one process: `kg export` as the user runs it
EXPORTS = """
import sys
from click.testing import CliRunner
from kg.cli import main
for fmt in sys.argv[2:]:
    r = CliRunner().invoke(main, ["export", sys.argv[1], "--format", fmt])
    assert r.exit_code == 0, (fmt, r.output)
    sys.stdout.buffer.write(fmt.encode() + b"\\0" + r.stdout_bytes + b"\\0")
"""
EXPORT_FORMATS = ("graphml", "gexf", "json", "jsonld", "turtle", "ntriples", "officials",
                  "initiatives", "comention", "comention-graphml")


def test_outputs_are_byte_identical_whatever_order_workers_locale_and_hash_seed(tmp_path, seeds):
    files = [str(f) for f in sorted(seeds.glob("*.txt"))]
    runs = [({"LC_ALL": "C", "PYTHONHASHSEED": "1"}, files, "1"),
            ({**_zh_locale(tmp_path), "PYTHONHASHSEED": "2"}, files[::-1], "2"),
            ({"LC_ALL": "C.UTF-8", "PYTHONHASHSEED": "random"}, files[2:] + files[:2], "2")]
    snaps = []
    for i, (env, order, workers) in enumerate(runs):
        out = tmp_path / f"out{i}"
        proc = _kg("build", *order, "-o", str(out), "-j", workers, "--no-cache", "--quiet",
                   env={**os.environ, **env})
        assert proc.returncode == 0, proc.stderr
        snap = _snapshot(out)
        exports = subprocess.run([sys.executable, "-c", EXPORTS, str(out), *EXPORT_FORMATS],
                                 capture_output=True, cwd=ROOT, env={**os.environ, **env})
        assert exports.returncode == 0, exports.stderr
        snap["exports"] = exports.stdout
        assert exports.stdout.count(b"\0") == 2 * len(EXPORT_FORMATS)
        snaps.append(snap)
    for snap in snaps[1:]:
        for name in snaps[0]:
            assert snap[name] == snaps[0][name], name


# ---- the cache --------------------------------------------------------------------


def _one_page(tmp_path: Path, seeds: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(_seed(seeds), folder / "p.txt")
    return folder


def _entry(cache: Path) -> Path:
    (entry,) = cache.rglob("*.json")
    return entry


def test_a_crafted_cache_entry_cannot_run_code_and_is_rebuilt(tmp_path, seeds):
    """An entry with a valid header and checksum whose payload is a pickle that would run
    code, and one that is JSON of the wrong shape: both refused with a warning, rebuilt."""
    folder, out, cache = _one_page(tmp_path, seeds), tmp_path / "out", tmp_path / "cache"
    build([folder], out, cache_dir=cache, workers=1)
    entry = _entry(cache)
    good = entry.read_bytes()
    marker = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))
    import hashlib
    import pickle
    for payload in (pickle.dumps(Exploit()), b'{"document": {"id": "p.txt"}}'):
        entry.write_bytes(kg.cache.MAGIC + hashlib.sha256(payload).digest() + payload)
        result = build([folder], out, cache_dir=cache, workers=1)
        assert not marker.exists()
        assert result.report["cache"] == {"hits": 0, "extracted": 1, "corrupt": 1}
        assert len(result.cache_warnings) == 1 and str(entry) in result.cache_warnings[0]
        assert entry.read_bytes() == good                   # rebuilt in place


def test_a_cache_that_cannot_be_written_or_read_is_a_warning(tmp_path, seeds):
    folder = _one_page(tmp_path, seeds)
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    proc = _kg("build", str(folder), "-o", str(tmp_path / "out"), "-j", "1", "-q",
               "--cache", str(tmp_path / "file" / "cache"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.startswith("kg: warning: cannot use the cache at ") and \
        len(proc.stderr.splitlines()) == 1, proc.stderr
    cache = tmp_path / "cache"
    build([folder], tmp_path / "out", cache_dir=cache, workers=1)
    entry = _entry(cache)
    entry.unlink()
    entry.mkdir()                       # an entry replaced by a folder: read and write fail
    result = build([folder], tmp_path / "out", cache_dir=cache, workers=1)
    assert result.report["documents"]["read"] == 1
    assert [w.split(" (")[0] for w in result.cache_warnings] == \
        [f"cache entry {entry} ignored", f"cannot write the cache at {entry}"]


def test_stale_temp_files_of_the_cache_are_removed(tmp_path, seeds):
    folder, cache = _one_page(tmp_path, seeds), tmp_path / "cache"
    build([folder], None, cache_dir=cache, workers=1)
    entry = _entry(cache)
    stale = entry.parent / f".{entry.name}.{_dead_pid()}.abc_1234.tmp"
    stale.write_bytes(b"partial")
    build([folder], None, cache_dir=cache, workers=1)
    assert not stale.exists() and entry.exists()


def test_a_full_disk_while_writing_outputs_is_one_line_and_keeps_the_old_ones(
        tmp_path, seeds, monkeypatch):
    from click.testing import CliRunner

    from kg.cli import main
    folder, out = _one_page(tmp_path, seeds), tmp_path / "out"
    build([folder], out, workers=1)
    before = _state(out)
    write = kg.outputs.Generation.write

    def full(self, name, pieces) -> None:
        if name == "graph.ttl":
            raise OSError(errno.ENOSPC, "No space left on device")
        write(self, name, pieces)
    monkeypatch.setattr(kg.outputs.Generation, "write", full)
    r = CliRunner().invoke(main, ["build", str(folder), "-o", str(out), "-q", "-j", "1"])
    assert r.exit_code == 2
    assert r.stderr == f"kg: {out}: cannot write the outputs (No space left on device); " \
        "the previous outputs are unchanged\n"
    assert _state(out) == before and len(list(out.glob(".kg-gen-*"))) == 1
