"""What researchers know of their pages that the pages may not print: a table of page
metadata (`kg build --meta pages.csv`) and a date for undated pages (`--date`).

The table is CSV with a header row and the columns `file` (required: the file's path
relative to the input folder, as in extraction.jsonl's `doc`, or its bare name when
that is unique), `paper`, `date` (YYYY-MM-DD) and `page`; empty cells say nothing.
What a page prints comes first (its masthead's paper and date, kg.articles), then the
table's row, then `--date`, then a date in the file or folder name. All but the first
are worked out here, where the inputs are (not in a worker, which may run on another
machine), and are part of each page's cache key.
"""
from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path, PurePosixPath

from .errors import UserError

COLUMNS = ("file", "paper", "date", "page")


@dataclass(frozen=True)
class PageMeta:
    """What the user says of one page; None where they say nothing."""
    paper: str | None = None
    date: str | None = None      # ISO date of the issue
    page: str | None = None
    date_source: str = "table"   # "table" (a row's date), "option" (--date) or "file name"

    def key(self) -> str:
        """A stable text of the values, for the cache key of the page's extraction."""
        return f"paper {self.paper or ''}|date {self.date or ''} {self.date_source}|page {self.page or ''}"


def iso_date(value: str, where: str) -> str:
    """`value` as an ISO date, or a UserError saying where it was found."""
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise UserError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


class PageTable:
    """The rows of a page-metadata table by file, with `--date` for the pages it omits."""

    def __init__(self, rows: dict[str, PageMeta] | None = None, default_date: str | None = None):
        self.rows = rows or {}
        self.default_date = default_date
        names: dict[str, list[str]] = {}
        for f in self.rows:
            names.setdefault(PurePosixPath(f).name, []).append(f)
        self._by_name = {n: fs[0] for n, fs in names.items() if len(fs) == 1}

    @classmethod
    def load(cls, path: str | Path | None, default_date: str | None = None) -> PageTable:
        """Read the table at `path` (None: no table); a UserError names the file, the row
        and the problem."""
        if path is None:
            return cls({}, default_date)
        try:
            text = Path(path).read_bytes().decode("utf-8-sig")
        except OSError as e:
            raise UserError(f"{path}: cannot read the page table ({e.strerror or e})") from e
        except UnicodeDecodeError:
            raise UserError(f"{path}: the page table is not UTF-8 text") from None
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames or "file" not in reader.fieldnames:
            raise UserError(f"{path}: the page table needs a header row with a 'file' column "
                            f"(and any of {', '.join(COLUMNS[1:])})")
        unknown = [c for c in reader.fieldnames if c not in COLUMNS]
        if unknown:
            raise UserError(f"{path}: unknown column(s) {', '.join(map(repr, unknown))}; "
                            f"the columns are {', '.join(COLUMNS)}")
        rows: dict[str, PageMeta] = {}
        for n, row in enumerate(reader, start=2):
            f = (row.get("file") or "").strip().replace("\\", "/")
            if not f:
                raise UserError(f"{path}, row {n}: no file named")
            if f in rows:
                raise UserError(f"{path}, row {n}: {f!r} is listed twice")
            d = (row.get("date") or "").strip()
            rows[f] = PageMeta(paper=(row.get("paper") or "").strip() or None,
                               date=iso_date(d, f"{path}, row {n}") if d else None,
                               page=(row.get("page") or "").strip() or None)
        return cls(rows, default_date)

    def for_file(self, doc_id: str, path: str) -> PageMeta | None:
        """The metadata of the file with this id (its path under the input folder) at
        `path` (as given): its row, `--date` where the row gives no date, else a date its
        file or folder name gives. None where nothing is known."""
        row = self.rows.get(doc_id) or self.rows.get(self._by_name.get(PurePosixPath(doc_id).name, "")) \
            or PageMeta()
        if row.date is None:
            if self.default_date:
                row = replace(row, date=self.default_date, date_source="option")
            elif (named := date_in_name(doc_id) or _folder_date(os.path.dirname(path))) is not None:
                row = replace(row, date=named.isoformat(), date_source="file name")
        return None if row == PageMeta() else row

    def unused(self, doc_ids: list[str]) -> list[str]:
        """Rows that name no input file: most likely a typo the user wants to hear of."""
        ids = set(doc_ids)
        names = {PurePosixPath(i).name for i in doc_ids}
        return sorted(f for f in self.rows if f not in ids and not (f in self._by_name.values()
                                                                   and PurePosixPath(f).name in names))


# an issue date in a file or folder name: 20221107, 2022-11-07, 2022_11_07, 2022/11/07/
NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_./]?)(\d\d)\2(\d\d)(?!\d)")


@lru_cache(maxsize=1024)
def _folder_date(folder: str) -> date | None:
    """The date the folders above the input name (2022/11/07/ given as 07/), read from
    the resolved folder so that it does not depend on how the path was spelled; once a
    folder. A path the system cannot resolve (a NUL in a name) names no date."""
    try:
        return date_in_name(str(Path(folder).resolve()))
    except (OSError, ValueError):
        return None


def date_in_name(name: str) -> date | None:
    """The issue date a page's file or folder name gives (e-paper archives name pages by
    date: 2022/11/07/p1.txt, dayi_20240906_03.txt); the last valid one, the nearest to
    the file."""
    found = None
    for m in NAME_DATE.finditer(name):
        try:
            found = date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        except ValueError:
            continue
    return found
