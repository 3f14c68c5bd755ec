"""Plain rows, and the unit a set of claims is shown in."""

from __future__ import annotations

from collections import Counter
from typing import Any

Row = dict[str, Any]


def shown_unit(rows: list[Row]) -> tuple[str, float]:
    """The most common unit of some claims (the first seen on ties) and its factor."""
    unit = Counter(row["unit"] for row in rows).most_common(1)[0][0]
    return unit, next(row["factor"] for row in rows if row["unit"] == unit)
