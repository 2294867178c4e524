"""Writing results: atomically, so a killed build never leaves a half-written file.

Every file is written to a temporary `.<name>.<pid>.<random>.tmp` beside it and
renamed over it when complete. A build killed mid-write leaves only such a temporary
file, which carries the writer's process id so the next build can tell it from the
temporary file of a build still running in the same folder (`remove_stale_temps`).
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

import orjson

TEMP_NAME = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[a-z0-9_]+\.tmp$")


def _mkstemp(path: Path) -> tuple[int, str]:
    """A temporary file beside `path`, named for it and for this process."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp",
                               dir=path.parent)
    os.chmod(tmp, 0o666 & ~_umask())
    return fd, tmp


def _fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable, not only atomic (no-op where folders can't be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass        # some file systems refuse fsync on a folder; the rename is still atomic
    finally:
        os.close(fd)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True     # someone else's live process
    return True


def remove_stale_temps(folder: Path) -> list[Path]:
    """Delete the temporary files that killed writers left in `folder`; return them.

    Only files named by `_mkstemp` whose writing process no longer exists are removed,
    so a concurrent build writing to the same folder keeps its temporary files.
    """
    folder = Path(folder)
    if os.name != "posix" or not folder.is_dir():
        return []
    removed = []
    for p in sorted(folder.iterdir()):
        m = TEMP_NAME.match(p.name)
        if m and p.is_file() and not _alive(int(m["pid"])):
            try:
                p.unlink()
            except FileNotFoundError:
                continue    # another build cleaned it first
            removed.append(p)
    return removed


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, fsync, then rename over it."""
    path = Path(path)
    fd, tmp = _mkstemp(path)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def dumps_json(obj) -> str:
    """Deterministic JSON: sorted keys, Chinese kept readable."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def compact_json(obj) -> str:
    """Deterministic one-line JSON (sorted keys, Chinese kept readable), by orjson: the
    views and extraction.jsonl encode every mention and source of a corpus, and json's
    own encoder took four times as long."""
    return orjson.dumps(obj, option=orjson.OPT_SORT_KEYS).decode("utf-8")


def json_pieces(obj: dict) -> Iterator[str]:
    """Deterministic JSON of a dict whose lists may be huge (a corpus graph's nodes and
    links): one list item per line, each encoded compactly, and yielded as made, so it
    is written as it is encoded rather than held whole in memory."""
    yield "{"
    for i, key in enumerate(sorted(obj)):
        value = obj[key]
        yield ("," if i else "") + "\n" + compact_json(key) + ": "
        if isinstance(value, list) and value:
            yield "["
            for j, item in enumerate(value):
                yield ("," if j else "") + "\n " + compact_json(item)
            yield "\n]"
        else:
            yield compact_json(value)
    yield "\n}\n"


# Characters str.splitlines() and some JSONL readers take for line ends, which JSON
# leaves raw inside strings when ensure_ascii is off.
LINE_BREAKS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def jsonl(records) -> str:
    """One JSON object per line, whatever line separators its strings contain."""
    out = []
    for r in records:
        line = compact_json(r)
        for ch, esc in LINE_BREAKS.items():
            line = line.replace(ch, esc)
        out.append(line + "\n")
    return "".join(out)


class AtomicFile:
    """A text file written piece by piece (a long build's extraction.jsonl, as documents
    arrive) that replaces `path` only on commit(); discarded, it leaves `path` as it was."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        fd, self.tmp = _mkstemp(self.path)
        self.file = os.fdopen(fd, "w", encoding="utf-8")

    def write(self, text: str) -> None:
        self.file.write(text)

    def close(self) -> None:
        """Flush the text to disk: the file is complete but not yet in place."""
        if not self.file.closed:
            self.file.flush()
            os.fsync(self.file.fileno())
            self.file.close()

    def commit(self) -> None:
        self.close()
        os.replace(self.tmp, self.path)
        _fsync_dir(self.path.parent)

    def discard(self) -> None:
        self.file.close()
        if os.path.exists(self.tmp):
            os.unlink(self.tmp)


def stage_text(path: Path, text: str) -> AtomicFile:
    """`text` written completely beside `path`, to be put in place by `commit_all`."""
    return stage_pieces(path, [text])


def stage_pieces(path: Path, pieces: Iterable[str]) -> AtomicFile:
    """Like stage_text, for text made in pieces: written as it is made, in batches, so a
    big corpus's view never exists whole in memory (its UTF-8 bytes neither)."""
    f = AtomicFile(path)
    try:
        batch: list[str] = []
        size = 0
        for piece in pieces:
            batch.append(piece)
            size += len(piece)
            if size >= 1 << 20:
                f.write("".join(batch))
                batch.clear()
                size = 0
        f.write("".join(batch))
        f.close()
    except BaseException:
        f.discard()
        raise
    return f


def commit_all(files: list[AtomicFile]) -> None:
    """Put complete files in place one right after another.

    Everything slow (rendering, writing, fsync) happens before the first rename, so a
    build killed at any moment leaves either the previous set of outputs or the new one,
    save for the microseconds between consecutive renames.
    """
    for f in files:
        f.close()
    for f in files:
        os.replace(f.tmp, f.path)
    for folder in sorted({f.path.parent for f in files}):
        _fsync_dir(folder)
