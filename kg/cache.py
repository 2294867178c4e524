"""Per-document extraction cache, so a rebuild re-extracts only the pages that changed.

An entry is the DocExtraction of one document (with its extraction.jsonl line, without
the raw text) as JSON, keyed by a hash of the document id, its bytes and the
extraction fingerprint: kg's version, the cache format, the source of every module
extraction runs (reader, segmenter, lexicon, extractors, resolution), the division
data, the tagger's model and the versions of jieba and jieba-rs. Editing a rule or a
word list therefore invalidates every entry, while editing a view (Turtle, HTML)
invalidates none.

Entries are data, never code: they are rebuilt field by field into the model's
dataclasses, each value checked against the field's type, so an entry crafted by
whoever could write to the cache folder (output folders are copied and shared) can at
worst be refused. Entries are written atomically and carry a SHA-256 of their payload;
an entry that is truncated, altered, foreign or unreadable counts as a miss, is
recomputed and replaced, with a warning. A cache that cannot be written costs speed,
never the build: the failure is a warning and the build goes on without storing.
"""
from __future__ import annotations

import base64
import hashlib
import importlib.metadata
import sys
import types
import typing
from array import array
from dataclasses import dataclass, field, fields, is_dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import orjson

from . import __version__
from .model import DocExtraction
from .outputs import atomic_write_bytes, remove_stale_temps

MAGIC = b"kgcache2"
FORMAT = "json-3"           # in every key: entries of another format are never looked up
SUFFIX = ".json"
# Modules that only shape outputs or orchestrate: changing them cannot change an extraction.
NOT_EXTRACTION = {"__init__.py", "__main__.py", "cache.py", "cli.py", "distributed.py",
                  "curate.py", "errors.py", "exports.py", "graph.py", "html.py", "outputs.py", "pipeline.py",
                  "rdf.py", "summary.py"}


# Packages whose version shapes an extraction: the segmenter, and the readers of
# encodings and formats (kg.formats) and of traditional characters (kg.simplify).
EXTRACTION_PACKAGES = ("jieba", "rjieba", "charset-normalizer", "opencc-python-reimplemented",
                       "pdfplumber", "pdfminer.six", "trafilatura", "python-docx")


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """Hash of everything an extraction depends on besides the document itself."""
    from .divisions import _data_path

    versions = "".join(f"{m} {_version(m)}\x00" for m in EXTRACTION_PACKAGES)
    h = hashlib.sha256(f"kg {__version__}\x00cache {FORMAT}\x00{versions}".encode())
    pkg = Path(__file__).resolve().parent
    for p in sorted(pkg.rglob("*.py")):
        rel = p.relative_to(pkg).as_posix()
        if rel in NOT_EXTRACTION:
            continue
        h.update(rel.encode() + b"\x00" + p.read_bytes() + b"\x00")
    h.update(_data_path().read_bytes())
    for model in sorted((pkg / "models").glob("*.npz")):     # the tagger's, the body typer's
        h.update(model.name.encode() + b"\x00" + model.read_bytes())
    return h.hexdigest()


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    corrupt: int = 0

    def as_dict(self) -> dict:
        return {"hits": self.hits, "extracted": self.misses, "corrupt": self.corrupt}


@dataclass
class ExtractionCache:
    """A folder of entries `<key[:2]>/<key>.json`; safe to share between concurrent builds.

    `warnings` collects what went wrong with the cache itself (an entry refused, a
    folder that cannot be written), for the build to report; none of it stops a build.
    """

    root: Path
    stats: CacheStats = field(default_factory=CacheStats)
    warnings: list[str] = field(default_factory=list)
    usable: bool = True         # False: neither read nor written (its folder is unusable)
    writable: bool = True

    def __post_init__(self) -> None:
        self.root = Path(self.root)
        try:
            for folder in self.root.iterdir():
                if len(folder.name) == 2 and folder.is_dir():
                    remove_stale_temps(folder)      # entries of writers that were killed
        except FileNotFoundError:
            pass                                    # made by the first entry stored
        except OSError as e:
            self.usable = self.writable = False
            self.warnings.append(f"cannot use the cache at {self.root} ({e.strerror or e}); "
                                 "this build extracts every document afresh")

    def key(self, doc_id: str, data: bytes, variant: str = "") -> str:
        """The entry of a document's bytes under this kg and these components (`variant`)."""
        h = hashlib.sha256(fingerprint().encode() + b"\x00" + doc_id.encode("utf-8") + b"\x00"
                           + variant.encode("utf-8") + b"\x00")
        h.update(data)
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}{SUFFIX}"

    def has(self, key: str) -> bool:
        """Whether an entry exists (not whether it is intact: `get` checks that)."""
        return self._path(key).is_file()

    def get(self, key: str) -> DocExtraction | None:
        """The cached extraction, or None if absent or refused (a refused entry is counted
        and warned about; the caller recomputes it and `put` replaces it)."""
        path = self._path(key)
        if not self.usable:
            self.stats.misses += 1
            return None
        try:
            blob = path.read_bytes()
        except FileNotFoundError:
            self.stats.misses += 1
            return None
        except OSError as e:
            return self._refused(path, e.strerror or str(e))
        try:
            de = decode(blob)
        except ValueError as e:
            return self._refused(path, str(e))
        self.stats.hits += 1
        return de

    def _refused(self, path: Path, why: str) -> None:
        self.stats.corrupt += 1
        self.stats.misses += 1
        self.warnings.append(f"cache entry {path} ignored ({why}); extracted afresh")
        return None

    def put(self, key: str, payload: bytes) -> None:
        """Store an extraction's payload (as made by `dumps`); a failure is a warning,
        after which this build stops trying to write the cache."""
        if not self.writable:
            return
        try:
            atomic_write_bytes(self._path(key), MAGIC + hashlib.sha256(payload).digest() + payload)
        except OSError as e:
            self.writable = False
            self.warnings.append(f"cannot write the cache at {self._path(key)} "
                                 f"({e.strerror or e}); this build stores no more entries")


def _array_to_json(obj: Any) -> str:
    """Document.origin (4-byte ints, one per character) as base64 of little-endian bytes:
    a list of numbers would be five times the size of the page."""
    if isinstance(obj, array) and obj.typecode == "i":
        a = array("i", obj)
        if sys.byteorder == "big":
            a.byteswap()
        return base64.b64encode(a.tobytes()).decode("ascii")
    raise TypeError(f"cannot store {type(obj).__name__} in the cache")


def dumps(de: DocExtraction) -> bytes:
    """The payload of an entry: the extraction's fields as JSON."""
    return orjson.dumps(de, default=_array_to_json)


def decode(blob: bytes) -> DocExtraction:
    """The extraction of an entry, or ValueError saying why it is refused."""
    head = len(MAGIC) + 32
    if len(blob) < head or not blob.startswith(MAGIC):
        raise ValueError("not a kg cache entry of this version")
    payload = blob[head:]
    if hashlib.sha256(payload).digest() != blob[len(MAGIC):head]:
        raise ValueError("checksum mismatch")
    return loads(payload)


def loads(payload: bytes) -> DocExtraction:
    """A payload made by `dumps` back into a DocExtraction, or ValueError."""
    try:
        data = orjson.loads(payload)
    except orjson.JSONDecodeError as e:
        raise ValueError(f"not JSON: {e}") from e
    return _decoder(DocExtraction)(data)


Decoder = Callable[[Any], Any]


@lru_cache(maxsize=None)
def _decoder(tp: Any) -> Decoder:
    """A function that turns decoded JSON into a value of type `tp` (a model dataclass,
    list, optional, str, int or the origin array), checking it all the way down.

    Made once per type, from the dataclasses' annotations, so that decoding does no type
    introspection per value: a page holds thousands of mentions and sentences."""
    if is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        parts = [(f.name, _decoder(hints[f.name])) for f in fields(tp)]
        names = {name for name, _ in parts}

        def dataclass_(v: Any) -> Any:
            if type(v) is not dict or v.keys() != names:
                raise ValueError(f"not the fields of {tp.__name__}")
            return tp(**{name: dec(v[name]) for name, dec in parts})
        return dataclass_
    origin = typing.get_origin(tp)
    if origin is list:
        item = _decoder(typing.get_args(tp)[0])

        def list_(v: Any) -> list:
            if type(v) is not list:
                raise ValueError(f"not a list: {str(v)[:40]!r}")
            return [item(x) for x in v]
        return list_
    if origin in (types.UnionType, typing.Union):
        args = typing.get_args(tp)
        if len(args) != 2 or type(None) not in args:
            raise TypeError(f"the cache cannot store {tp}")
        other = _decoder(next(a for a in args if a is not type(None)))
        return lambda v: None if v is None else other(v)
    if tp is array:
        return _origin
    if tp in (str, int):
        def scalar(v: Any) -> Any:
            if type(v) is not tp:             # type(): a bool is no int here
                raise ValueError(f"not {tp.__name__}: {str(v)[:40]!r}")
            return v
        return scalar
    raise TypeError(f"the cache cannot store {tp}")


def _origin(v: Any) -> array:
    """Document.origin back from `_array_to_json`."""
    try:
        raw = base64.b64decode(v, validate=True)
    except (TypeError, ValueError) as e:
        raise ValueError("origin: not base64") from e
    if len(raw) % 4:
        raise ValueError("origin: not 4-byte integers")
    a = array("i")
    a.frombytes(raw)
    if sys.byteorder == "big":
        a.byteswap()
    return a
