"""The segmenter's prepared-dictionary cache gives what building it gives, and never a bad entry."""
from __future__ import annotations

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
