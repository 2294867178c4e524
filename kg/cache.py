"""Per-document extraction cache, so a rebuild re-extracts only the pages that changed.

An entry is the pickled DocExtraction of one document (with its extraction.jsonl
line, without the raw text), keyed by a hash of the document id, its bytes and the
extraction fingerprint: kg's version, the source of every module extraction runs
(reader, segmenter, lexicon, extractors, resolution), the division data, the tagger's
model and the versions of jieba and jieba-rs. Editing a rule or a word list therefore invalidates
every entry, while editing a view (Turtle, HTML) invalidates none.

Entries are written atomically and carry a SHA-256 of their payload; an entry that
is truncated, altered or unreadable counts as a miss, is recomputed and replaced.
Pickles are only ever read from a cache folder the user chose: do not point
--cache at a folder others can write to.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import pickle
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import __version__
from .model import DocExtraction
from .outputs import atomic_write_bytes

MAGIC = b"kgcache1"
# Modules that only shape outputs or orchestrate: changing them cannot change an extraction.
NOT_EXTRACTION = {"__init__.py", "__main__.py", "cache.py", "cli.py", "distributed.py",
                  "errors.py", "export.py", "graph.py", "html.py", "outputs.py", "pipeline.py",
                  "rdf.py", "stats.py"}


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """Hash of everything an extraction depends on besides the document itself."""
    from .divisions import _data_path
    from .tagger import MODEL_PATH

    versions = "".join(f"{m} {importlib.metadata.version(m)}\x00" for m in ("jieba", "rjieba"))
    h = hashlib.sha256(f"kg {__version__}\x00{versions}".encode())
    pkg = Path(__file__).resolve().parent
    for p in sorted(pkg.rglob("*.py")):
        rel = p.relative_to(pkg).as_posix()
        if rel in NOT_EXTRACTION:
            continue
        h.update(rel.encode() + b"\x00" + p.read_bytes() + b"\x00")
    h.update(_data_path().read_bytes())
    if MODEL_PATH.is_file():
        h.update(MODEL_PATH.read_bytes())
    return h.hexdigest()


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    corrupt: int = 0

    def as_dict(self) -> dict:
        return {"hits": self.hits, "extracted": self.misses, "corrupt": self.corrupt}


class ExtractionCache:
    """A folder of entries `<key[:2]>/<key>.pkl`; safe to share between concurrent builds."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.stats = CacheStats()

    def key(self, doc_id: str, data: bytes, variant: str = "") -> str:
        """The entry of a document's bytes under this kg and these components (`variant`)."""
        h = hashlib.sha256(fingerprint().encode() + b"\x00" + doc_id.encode("utf-8") + b"\x00"
                           + variant.encode("utf-8") + b"\x00")
        h.update(data)
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.pkl"

    def has(self, key: str) -> bool:
        """Whether an entry exists (not whether it is intact: `get` checks that)."""
        return self._path(key).is_file()

    def get(self, key: str) -> DocExtraction | None:
        """The cached extraction, or None if absent or corrupt (a corrupt entry is counted)."""
        try:
            blob = self._path(key).read_bytes()
        except FileNotFoundError:
            self.stats.misses += 1
            return None
        de = _decode(blob)
        if de is None:
            self.stats.corrupt += 1
            self.stats.misses += 1
            return None
        self.stats.hits += 1
        return de

    def put(self, key: str, payload: bytes) -> None:
        """Store a pickled DocExtraction (as made by `dumps`)."""
        atomic_write_bytes(self._path(key), MAGIC + hashlib.sha256(payload).digest() + payload)


def dumps(de: DocExtraction) -> bytes:
    return pickle.dumps(de, protocol=pickle.HIGHEST_PROTOCOL)


def _decode(blob: bytes) -> DocExtraction | None:
    """Payload of an entry whose header and checksum are intact, else None."""
    head = len(MAGIC) + 32
    if len(blob) < head or not blob.startswith(MAGIC):
        return None
    payload = blob[head:]
    if hashlib.sha256(payload).digest() != blob[len(MAGIC):head]:
        return None
    de = pickle.loads(payload)
    return de if isinstance(de, DocExtraction) else None
