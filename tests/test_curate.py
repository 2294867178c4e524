"""A researcher's corrections (kg build --curate): merge, split, retype and the rest are
applied after resolution, reported row by row, and rebuilt identically."""
import json

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import UserError
from kg.pipeline import build

PAGES = {
    "a.txt": "本报讯 村民王伟说，今年的收成很好。\n",
    "b.txt": "本报讯 记者在社区见到了居民王伟，他对新建的公园很满意。\n",
    "c.txt": "本报讯 东昌府区区长李明主持召开会议，研究部署安全生产工作。\n",
    "d.txt": "本报讯 东昌府区区长李明到光明小学检查指导工作。\n",
}
OUTPUTS = ("graph.json", "graph.ttl", "graph.html", "extraction.jsonl", "report.json")


@pytest.fixture
def pages(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name, text in PAGES.items():
        (src / name).write_text(text, encoding="utf-8")
    return src


def _nodes(out):
    return {n["id"]: n for n in json.loads((out / "graph.json").read_text(encoding="utf-8"))["nodes"]}


def _ids(out, label):
    return sorted(i for i, n in _nodes(out).items() if n["label"] == label)


def _write(path, rows):
    path.write_text("action,target,object,value,doc,quote,note\n" + "".join(r + "\n" for r in rows),
                    encoding="utf-8")
    return path


def test_corrections_merge_split_and_retype_and_a_rebuild_is_identical(tmp_path, pages):
    plain = tmp_path / "plain"
    build([pages], plain)
    villagers, official = _ids(plain, "王伟"), _ids(plain, "李明")
    assert len(villagers) == 2 and len(official) == 1     # two namesakes kept apart, one man merged
    fix = _write(tmp_path / "fix.csv", [
        f"merge,{villagers[0]},{villagers[1]},,,,one villager",
        "split,李明@东昌府区,,doc:d.txt,,,two officials of one name",
        f"retype,{villagers[0]},,Official,,,",
        f"add-post,{villagers[0]},东昌府区,村委会主任,a.txt,村民王伟说,",
    ])
    outs = []
    for run in ("one", "two"):
        out = tmp_path / run
        result = build([pages], out, curate=fix)
        assert [c["status"] for c in result.corrections] == ["applied"] * 4
        outs.append(out)
    nodes = _nodes(outs[0])
    assert _ids(outs[0], "王伟") == [villagers[0]]
    merged = nodes[villagers[0]]
    assert merged["type"] == "Official" and {m["doc"] for m in merged["mentions"]} == {"a.txt", "b.txt"}
    assert merged["curated"] == ["fix.csv#2", "fix.csv#4"]     # the rows that changed it
    split = _ids(outs[0], "李明")
    assert len(split) == 2 and sorted({m["doc"] for m in nodes[i]["mentions"]}.pop() for i in split) \
        == ["c.txt", "d.txt"]
    links = json.loads((outs[0] / "graph.json").read_text(encoding="utf-8"))["links"]
    # each 李明 keeps the post its own page reports
    assert sorted((e["source"], e["sources"][0]["doc"]) for e in links if e.get("title") == "区长") \
        == sorted((i, next(iter({m["doc"] for m in nodes[i]["mentions"]}))) for i in split)
    added = next(e for e in links if e.get("title") == "村委会主任")
    assert added["curated"] == ["fix.csv#5"] and added["sources"][0]["quote"].startswith("本报讯 村民王伟说")
    ttl = (outs[0] / "graph.ttl").read_text(encoding="utf-8")
    assert "prov:wasAttributedTo <https://w3id.org/kg-localgov/id/corrections/fix.csv/row5>" in ttl
    for name in OUTPUTS:
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


def test_a_correction_whose_target_is_gone_is_reported_not_skipped(tmp_path, pages):
    fix = _write(tmp_path / "fix.csv", ["drop,张三,,,,,", "merge,王伟,李明,,,,", "drop,李明,,,,,"])
    r = CliRunner().invoke(main, ["build", str(pages), "-o", str(tmp_path / "o"), "-q",
                                  "--curate", str(fix)])
    assert r.exit_code == 0, r.output
    assert "fix.csv#2: drop not applied: no entity '张三' in the graph" in r.stderr
    assert "fix.csv#3: merge not applied: '王伟' names 2 entities" in r.stderr   # namesakes: ask for ids
    report = json.loads((tmp_path / "o" / "report.json").read_text(encoding="utf-8"))
    assert [c["status"] for c in report["corrections"]][2] == "applied"
    assert _ids(tmp_path / "o", "李明") == []


def test_a_wrong_corrections_file_fails_before_any_work_naming_its_row(tmp_path, pages):
    fix = _write(tmp_path / "fix.csv", ["merge,a,b,,,,", "retype,a,,Ministry,,,"])
    with pytest.raises(UserError, match=r"fix.csv: row 3: unknown type 'Ministry'"):
        build([pages], tmp_path / "o", curate=fix)
    assert not (tmp_path / "o").exists()
    r = CliRunner().invoke(main, ["build", str(pages), "-o", str(tmp_path / "o"), "--curate",
                                  str(_write(tmp_path / "bad.csv", ["add-relation,a,b,runs,,,"]))])
    assert r.exit_code != 0 and "bad.csv: row 2: add-relation needs doc, quote" in r.stderr


def test_the_corrections_template_offers_each_pair_of_namesakes_with_evidence(tmp_path, pages):
    build([pages], tmp_path / "o")
    r = CliRunner().invoke(main, ["export", str(tmp_path / "o"), "--format", "corrections"])
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[0] == "action,target,object,value,doc,quote,note" and len(lines) == 2
    a, b = _ids(tmp_path / "o", "王伟")
    assert lines[1].startswith(f"merge,{a},{b},") and "村民王伟说" in lines[1] and "居民王伟" in lines[1]
    # the template, as written, is a corrections file the next build applies
    (tmp_path / "fix.csv").write_text(r.stdout, encoding="utf-8")
    assert build([tmp_path / "in"], tmp_path / "o2", curate=tmp_path / "fix.csv").corrections[0]["status"] \
        == "applied"
    assert _ids(tmp_path / "o2", "王伟") == [a]
