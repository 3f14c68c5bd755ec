"""Plain-text tables with aligned columns, for terminals and CI logs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

MISSING = "–"  # an undefined figure, distinct from a real 0


def figure(value: float | None, digits: int = 3) -> str:
    return MISSING if value is None else f"{value:.{digits}f}"


def share(agree: int, total: int) -> str:
    return MISSING if not total else f"{agree}/{total} ({100 * agree / total:.1f} %)"


def format_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], indent: str = "  ") -> str:
    """First column left-aligned (names), the others right-aligned (figures)."""
    cells = [[str(cell) for cell in row] for row in [headers, *rows]]
    widths = [max(len(row[column]) for row in cells) for column in range(len(headers))]

    def line(row: list[str]) -> str:
        first = row[0].ljust(widths[0])
        rest = [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        return (indent + "  ".join([first, *rest])).rstrip()

    rule = indent + "  ".join("-" * width for width in widths)
    return "\n".join([line(cells[0]), rule, *(line(row) for row in cells[1:])])
