"""Saved web pages through trafilatura: the article's main text without menus, links
and footers, its title as the first line (the article's headline), and the page's
publication date from its metadata (Open Graph, schema.org, <time>, the URL), which
becomes the issue date when the text prints none (date source "metadata").

trafilatura reads the page's declared charset itself (a GB2312 page decodes as such).
Dates are taken from markup only, not guessed from the running text, where any
event date would do.
"""
from __future__ import annotations

from . import Extracted, FormatError


def read(data: bytes) -> Extracted:
    import trafilatura

    try:
        got = trafilatura.bare_extraction(
            data, with_metadata=True, include_comments=False, include_tables=True,
            favor_recall=True, date_extraction_params={"extensive_search": False,
                                                      "original_date": True})
    except Exception as e:  # noqa: BLE001 - lxml and trafilatura raise many types on broken markup
        raise FormatError(f"not a readable web page ({type(e).__name__}: "
                          f"{' '.join(str(e).split())[:200]})") from None
    text = (got.text or "").strip() if got is not None else ""
    if not text:
        raise FormatError("web page without article text (trafilatura found no main content)")
    title = " ".join((got.title or "").split())
    if title and not text.startswith(title):
        text = f"{title}\n{text}"
    return Extracted(text + "\n", "html", date=_iso(got.date))


def _iso(value: str | None) -> str | None:
    """A YYYY-MM-DD date, or None (trafilatura gives ISO dates, or nothing)."""
    if value and len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:10].replace("-", "").isdigit():
        return value[:10]
    return None
