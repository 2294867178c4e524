"""Writing results: atomically, so a killed build never leaves a half-written file.

A build's outputs are a generation, committed all at once (`Generation`), under a lock
that keeps a second build out of the folder (`build_lock`). Single files (exports,
cache entries) are written to a temporary `.<name>.<pid>.<random>.tmp` beside them and
renamed over them when complete. A writer killed mid-write leaves only such a
temporary file, which carries the writer's process id so the next build can tell it
from the temporary file of a build still running in the same folder
(`remove_stale_temps`).
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import secrets
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator, TextIO

import orjson

from .errors import UserError

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
        if m and (p.is_file() or p.is_symlink()) and not _alive(int(m["pid"])):
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


# The outputs of a build, by the names users and `kg query|serve|export|stats` open.
OUTPUTS = ("extraction.jsonl", "graph.json", "graph.ttl", "graph.html", "report.json")
TEXTS = "texts"     # folder of the text read from each document, which offsets count into


def text_path(doc_id: str) -> str:
    """Where a build keeps the text it read from document `doc_id` (texts/<id>.txt): for
    a PDF, web page or Word file, or a text file in another encoding than UTF-8, the
    only copy in which a cited offset can be looked up."""
    return f"{TEXTS}/{doc_id}.txt"
CURRENT = ".kg-current"         # symlink to the generation the outputs' names lead to
GENERATION = ".kg-gen-"         # prefix of a generation's folder
LOCK = ".kg-lock"


@contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """Hold the advisory lock of the output folder `out` (made if missing) for a build.

    Two builds writing one folder would each commit their own generation and delete the
    other's, so the second one fails at once, naming the folder, instead of waiting
    for a build that may take hours. A POSIX record lock (lockf), not flock: worker
    processes forked during the build must not inherit it, or a build killed while its
    workers wind down would still hold the folder. The lock file stays: deleting it
    would let a third build lock a different file than the second.
    """
    out.mkdir(parents=True, exist_ok=True)
    fd = os.open(out / LOCK, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            if e.errno not in (errno.EACCES, errno.EAGAIN):
                raise
            raise UserError(f"{out}: another kg build is writing to this folder; wait for it "
                            "to finish or give another -o") from None
        yield
    finally:
        os.close(fd)        # releases the lock


class Generation:
    """One build's outputs, written into a fresh folder `OUT/.kg-gen-*` that nobody reads,
    then made current all at once by `commit`.

    Each output name in OUT (graph.ttl, ...) is a relative symlink `.kg-current/NAME`,
    and `.kg-current` a symlink to the current generation's folder; replacing that one
    link by rename is the single atomic step that switches every output together, so a
    build killed at any moment leaves the previous set or the new one, never a mix.
    Readers need nothing new: opening OUT/graph.ttl follows the links. Relative links
    keep a copied folder (cp -r, rsync -a, tar) working. Only call with OUT locked.
    """

    def __init__(self, out: Path) -> None:
        self.out = Path(out)
        self.dir = Path(tempfile.mkdtemp(prefix=GENERATION, dir=self.out))
        os.chmod(self.dir, 0o777 & ~_umask())       # mkdtemp's 0o700 would hide the outputs
        self.current = False

    def open(self, name: str) -> TextIO:
        """A new output file of this generation (`name` may lie in a subfolder), for
        text written as it is made; written as is, line ends and all."""
        path = self.dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        return open(path, "x", encoding="utf-8", newline="")

    def write(self, name: str, pieces: Iterable[str]) -> None:
        """An output made in pieces, written in batches as they are made, so a big
        corpus's view never exists whole in memory (its UTF-8 bytes neither)."""
        with self.open(name) as f:
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

    def commit(self) -> None:
        """Make this generation the current one, durably, and delete the others."""
        for top, dirs, names in os.walk(self.dir):
            for name in names:
                fd = os.open(os.path.join(top, name), os.O_RDONLY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
            _fsync_dir(Path(top))
        _adopt_plain_outputs(self.out)
        _link(self.out / CURRENT, self.dir.name)        # the one step that switches
        self.current = True
        _fsync_dir(self.out)
        remove_old_generations(self.out)

    def discard(self) -> None:
        """Delete this generation, unless it became current (a failure after the switch)."""
        if not self.current:
            shutil.rmtree(self.dir, ignore_errors=True)


def _link(path: Path, target: str) -> None:
    """Make `path` a symlink to `target`, atomically (a new link renamed over it)."""
    tmp = path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    os.symlink(target, tmp)
    try:
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def _adopt_plain_outputs(out: Path) -> None:
    """Turn OUT's output names into links through `.kg-current` without changing what
    they show. Outputs of a kg before generations (plain files) first become, by hard
    links, a generation of their own, which `.kg-current` points at; a `.kg-current`
    that is a folder (a copy made with cp -rL) is renamed into a generation and linked.
    Then each name is replaced by its link, showing the same bytes. Idempotent, so a
    kill midway is finished by the next build."""
    current = out / CURRENT
    if current.is_dir() and not current.is_symlink():
        adopted = out / f"{GENERATION}copied-{secrets.token_hex(4)}"
        os.rename(current, adopted)
        _link(current, adopted.name)
    elif not current.is_symlink():
        old = Path(tempfile.mkdtemp(prefix=GENERATION, dir=out))
        os.chmod(old, 0o777 & ~_umask())
        for name in OUTPUTS:
            if (out / name).is_file() and not (out / name).is_symlink():
                os.link(out / name, old / name)
        _fsync_dir(old)
        _link(current, old.name)
    for name in (*OUTPUTS, TEXTS):
        link = out / name
        if link.is_dir() and not link.is_symlink():     # texts/ of a copy made with cp -rL:
            # set aside as a generation, which remove_old_generations deletes
            os.rename(link, out / f"{GENERATION}copied-{name}-{secrets.token_hex(4)}")
        if not (link.is_symlink() and os.readlink(link) == f"{CURRENT}/{name}"):
            _link(link, f"{CURRENT}/{name}")


def remove_old_generations(out: Path) -> None:
    """Delete every generation folder in `out` but the current one (a killed build's
    unfinished one, or those replaced). Only call with `out` locked."""
    current = os.readlink(out / CURRENT) if (out / CURRENT).is_symlink() else None
    for p in out.iterdir():
        if p.name.startswith(GENERATION) and p.name != current and p.is_dir() and not p.is_symlink():
            shutil.rmtree(p)
