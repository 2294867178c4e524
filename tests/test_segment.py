"""The segmenter's prepared-dictionary cache gives what building it gives, and never a bad entry."""
from __future__ import annotations

import os
from pathlib import Path

import jieba

from kg import segment


def test_cached_dictionary_is_the_built_one(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    words = segment._user_words()
    key = segment._dictionary_key(words)
    assert segment._load_prepared(key) is None
    built = segment._prepare(jieba.Tokenizer(), words)
    segment._store_prepared(key, built)
    assert segment._load_prepared(key) == built
    assert "局局长" in built[3]          # a deleted word is remembered, to force-split it again


def test_altered_or_truncated_entry_is_a_miss(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    key = "0" * 64
    segment._store_prepared(key, ({"a": 1}, 1, {"a": "n"}, []))
    path = segment._cache_path(key)
    data = path.read_bytes()
    assert segment._load_prepared(key) == ({"a": 1}, 1, {"a": "n"}, [])
    path.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    assert segment._load_prepared(key) is None
    path.write_bytes(data[:20])
    assert segment._load_prepared(key) is None


def test_key_changes_with_the_words():
    words = segment._user_words()
    assert segment._dictionary_key(words) != segment._dictionary_key({**words, "新词语": "ns"})


def test_cut_gives_jiebas_words():
    """Segmenter.cut re-does jieba's accurate mode: it must agree with it word for word, on
    ties (长子|长 and 长|子长 score alike: jieba keeps the longer first word), on runs
    joined by '-', on whitespace, on words del_word removed and on what goes to the HMM."""
    seg = segment.segmenter()
    texts = ["长子长治", "江阳江", "区区区长", "县县县", "2023-2025年", "G20-峰会", "A-B-C",
             "局局长王明", "区长江绍华说", "  \r\n\t 你好 世界\n", "孙立明汇报", "黎满庚本家儿",
             "COVID-19疫情", "3.5%增长", "①Ⅱ#&+_.", "", "一", "东昌府区阳谷县冠县"]
    for page in sorted(Path(__file__).resolve().parent.parent.joinpath("seeds").glob("*.txt")):
        texts += page.read_text(encoding="utf-8").splitlines()
    for t in texts:
        assert seg.cut(t) == list(seg.tk.cut(t, HMM=True)), t


def test_cut_gives_jiebas_words_on_random_text():
    """Runs the HMM sees (characters the dictionary joins into no word), words del_word
    removed, Latin, digits, punctuation and whitespace mixed: jieba-rs and jieba must
    still agree. Characters the HMM has no emission for score alike in every state, so
    ties are common there."""
    import random

    import jieba.finalseg

    seg = segment.segmenter()
    rng = random.Random(5)
    pool = "王李张明华江绍线上评标跨域通办低碳就能我区局长副" + "".join(
        chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(300)) + "0123abcXY.%-_#&+ ，。\n\r\t①Ⅱ㐀\U00020000\u9fd6\uf900\u3007ぁアｱ한Ａ１"
    texts = ["".join(rng.choice(pool) for _ in range(rng.randint(1, 12))) for _ in range(20000)]
    texts += sorted(jieba.finalseg.Force_Split_Words)
    texts += ["新闻网sina.com报道", "dcf.lcxw.cn", "v2.0版", "3.5%增长a.b", "局局长"]
    for t in texts:
        assert seg.cut(t) == list(seg.tk.cut(t, HMM=True)), t


def test_old_entries_are_pruned(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    for i in range(segment.KEEP_ENTRIES + 3):
        key = f"{i:02d}" + "0" * 62
        segment._store_prepared(key, ({"a": i}, i, {}, []))
        os.utime(segment._cache_path(key), (1e9 + i, 1e9 + i))    # written a second apart
    left = sorted((tmp_path / "kg").iterdir())
    assert len(left) == segment.KEEP_ENTRIES
    assert segment._load_prepared(f"{segment.KEEP_ENTRIES + 2:02d}" + "0" * 62) is not None   # the newest stays
