"""Word files (.docx) through python-docx: paragraphs and table cells in document
order, one per line. A paragraph styled as a title or heading (标题) is a headline:
where one follows body text, the layout begins a new article, as in a PDF.
"""
from __future__ import annotations

import io

from . import Extracted, FormatError

HEADLINE_STYLES = ("title", "heading", "标题")


def read(data: bytes) -> Extracted:
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(document.iter_inner_content())
    except Exception as e:  # noqa: BLE001 - a damaged zip or XML raises many types
        raise FormatError(f"not a readable Word file ({type(e).__name__}: "
                          f"{' '.join(str(e).split())[:200]})") from None
    lines: list[tuple[str, bool]] = []         # (text, is a headline)
    for block in blocks:
        if isinstance(block, Table):
            seen = set()        # a merged cell is listed once per row and column it spans
            for row in block.rows:
                for cell in row.cells:
                    if cell._tc not in seen:      # its XML element: one per real cell
                        seen.add(cell._tc)
                        lines += [(p.text, False) for p in cell.paragraphs]
        else:
            style = (block.style.name if block.style is not None else "").lower()
            lines.append((block.text, style.startswith(HEADLINE_STYLES)))
    parts: list[str] = []
    starts: list[int] = []
    pos = 0
    after_body = False
    for text, headline in lines:
        if not text.strip():
            continue
        if headline and after_body:
            starts.append(pos)
        after_body = not headline
        parts.append(text)
        pos += len(text) + 1
    if not parts:
        raise FormatError("Word file without text")
    return Extracted("\n".join(parts) + "\n", "docx", starts=starts)
