"""Scale: parallel, cached and distributed builds give the same graph as a plain one."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import build
from kg.cli import main
from kg.resolve import resolve_corpus

OUTPUTS = ("graph.ttl", "graph.json", "extraction.jsonl", "graph.html", "report.json")


def _same(a: Path, b: Path, names=OUTPUTS) -> None:
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def _cache_report(out: Path) -> dict:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))["cache"]


def test_two_workers_write_what_one_writes(seeds, tmp_path):
    build([seeds], tmp_path / "one", workers=1)
    build([seeds], tmp_path / "two", workers=2)
    _same(tmp_path / "one", tmp_path / "two")


def test_ids_do_not_depend_on_input_order(seed_build, seeds, tmp_path):
    """Files given in reverse, or documents resolved in reverse, give the same ids."""
    result, one = seed_build
    build(sorted(seeds.glob("*.txt"), reverse=True), tmp_path, workers=1)
    _same(one, tmp_path, ("graph.json", "graph.ttl"))
    entities, posts, relations = resolve_corpus(list(reversed(result.docs)))
    assert set(entities) == set(result.graph.nodes)
    assert {(r.head, r.rel, r.tail) for r in relations} <= set(
        (h, d["rel"], t) for h, t, d in result.graph.edges(data=True))


@pytest.fixture()
def pages(seeds, tmp_path) -> Path:
    """The seed pages but the last, in a folder a test may add to."""
    d = tmp_path / "pages"
    d.mkdir()
    for f in sorted(seeds.glob("*.txt"))[:-1]:
        shutil.copy(f, d / f.name)
    return d


def test_rebuild_extracts_only_the_new_page(seeds, pages, tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    build([pages], out, cache_dir=cache)
    assert _cache_report(out) == {"hits": 0, "extracted": 4, "corrupt": 0}
    shutil.copy(sorted(seeds.glob("*.txt"))[-1], pages)
    build([pages], out, cache_dir=cache)
    assert _cache_report(out) == {"hits": 4, "extracted": 1, "corrupt": 0}
    build([pages], tmp_path / "fresh")
    _same(tmp_path / "fresh", out, ("graph.ttl", "graph.json", "extraction.jsonl", "graph.html"))


def test_a_corrupt_cache_entry_is_recomputed(pages, tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    build([pages], out, cache_dir=cache)
    first = {n: (out / n).read_bytes() for n in ("graph.ttl", "graph.json")}
    entries = sorted(cache.rglob("*.json"))
    assert len(entries) == 4
    data = bytearray(entries[0].read_bytes())
    data[len(data) // 2] ^= 0xFF                     # one flipped byte mid-pickle
    entries[0].write_bytes(bytes(data))
    entries[1].write_bytes(entries[1].read_bytes()[:100])   # a write cut short
    build([pages], out, cache_dir=cache)
    assert _cache_report(out) == {"hits": 2, "extracted": 2, "corrupt": 2}
    assert {n: (out / n).read_bytes() for n in first} == first
    build([pages], out, cache_dir=cache)
    assert _cache_report(out) == {"hits": 4, "extracted": 0, "corrupt": 0}


def test_cli_caches_in_the_output_folder_unless_told_not_to(pages, tmp_path):
    out = tmp_path / "out"
    for args, hits in (([], 0), ([], 4), (["--no-cache"], None)):
        r = CliRunner().invoke(main, ["build", str(pages), "-o", str(out), "-q", "-j", "1", *args])
        assert r.exit_code == 0, r.output
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        assert report.get("cache", {}).get("hits") == hits
    assert any((out / ".kg-cache").rglob("*.json"))


def test_dask_cluster_builds_the_local_graph(seed_build, seeds, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  protocol="tcp", dashboard_address=None) as cluster:
        assert cluster.scheduler_address.startswith("tcp://")
        r = CliRunner().invoke(main, ["build", str(seeds), "-o", str(tmp_path), "-q", "--no-cache",
                                      "--scheduler", cluster.scheduler_address])
    assert r.exit_code == 0, r.output
    _same(seed_build[1], tmp_path)


def test_a_scheduler_that_accepts_and_never_answers_fails_the_build_clearly(seeds, tmp_path, monkeypatch):
    import socket

    from kg import distributed

    pytest.importorskip("dask.distributed")
    monkeypatch.setattr(distributed, "CONNECT_TIMEOUT", 1.0)
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(5)
        address = "tcp://127.0.0.1:%d" % silent.getsockname()[1]
        r = CliRunner().invoke(main, ["build", str(seeds), "-o", str(tmp_path / "out"), "-q", "--no-cache",
                                      "--scheduler", address])
    assert r.exit_code != 0 and "did not answer within 1 s" in r.output


def test_corpus_generator_is_deterministic_and_extends(seeds, tmp_path, load_script):
    mc = load_script("bench/make_corpus.py")
    articles, headers = mc.load_seed_articles(seeds)
    small = mc.write_pages(articles, headers, 100_000, tmp_path / "a", seed=7)
    again = mc.write_pages(articles, headers, 100_000, tmp_path / "b", seed=7)
    large = mc.write_pages(articles, headers, 300_000, tmp_path / "c", seed=7)
    assert [p.read_bytes() for p in small] == [p.read_bytes() for p in again]
    assert [p.read_bytes() for p in small] == [p.read_bytes() for p in large[:len(small)]]
    assert sum(p.stat().st_size for p in large) >= 300_000


def test_extraction_does_not_depend_on_the_process_hash_seed(tmp_path):
    """Workers on other machines (Dask) must extract what this process extracts: no result
    may hang on the iteration order of a set of strings, which differs per process."""
    (tmp_path / "alias.txt").write_text(   # 大运河: a short form of two names of one length
        "本报讯 近日，明达街小学开展“明成大运河聊城段船闸巡展”活动。讲解员为孩子们讲述了"
        "和旺大运河聊城段的精彩历史。\n活动中，大运河聊城段的故事深受孩子们喜爱。\n", encoding="utf-8")
    (tmp_path / "area.txt").write_text(    # the paper's county: two counties named once each
        "本报讯 近日，我县组织干部赴阳谷县学习，又到冠县考察，全县上下反响热烈。\n", encoding="utf-8")
    procs = [subprocess.Popen([sys.executable, "-m", "kg", "extract", str(tmp_path)], text=True,
                              stdout=subprocess.PIPE, env={**os.environ, "PYTHONHASHSEED": seed})
             for seed in ("1", "2")]    # seeds under which set order once split both ties
    outs = [p.communicate()[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    assert outs[0] == outs[1] and "大运河" in outs[0] and "阳谷县" in outs[0]


def test_default_workers_follow_the_input_size(seeds, tmp_path, monkeypatch):
    """-j left at its default starts no worker processes for a few pages (their start
    costs more than they save), and one per 2 MB of input up to the cores."""
    from kg.pipeline import BYTES_PER_WORKER, _auto_workers
    from kg.reader import find_inputs

    monkeypatch.setattr("os.cpu_count", lambda: 4)
    files, _ = find_inputs([seeds])
    assert _auto_workers(files) == 1
    big = tmp_path / "big"
    big.mkdir()
    for i in range(3):
        with open(big / f"p{i}.txt", "wb") as f:
            f.truncate(BYTES_PER_WORKER)          # sparse: sizes are all that is read
    files, _ = find_inputs([big])
    assert _auto_workers(files) == 3
    for i in range(3, 9):
        with open(big / f"p{i}.txt", "wb") as f:
            f.truncate(BYTES_PER_WORKER)
    files, _ = find_inputs([big])
    assert _auto_workers(files) == 4
