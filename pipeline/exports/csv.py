"""CSV: one row per claim or span, UTF-8, a header row, RFC 4180 quoting.

Written with the standard library alone, so it needs no extra. How each
kind of column is written is in `pipeline.exports.columns`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipeline.exports.columns import COLUMNS, rows
from pipeline.exports.files import write_atomic
from schemas.models import Article


def export(articles: Iterable[Article], path: str | Path, table: str = "claims") -> int:
    text, count = render(articles, table)
    write_atomic(Path(path), text)
    return count


def render(articles: Iterable[Article], table: str = "claims") -> tuple[str, int]:
    """The CSV text and the number of rows."""
    columns = COLUMNS.get(table)
    if columns is None:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(COLUMNS)}")
    out = io.StringIO()
    # "\n" ends rows; a newline inside a quoted field stays as written.
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([column.name for column in columns])
    count = 0
    for row in rows(articles, table):
        writer.writerow([_cell(row[column.name]) for column in columns])
        count += 1
    return out.getvalue(), count


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
