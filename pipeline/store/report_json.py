"""`afirma conflicts --json`: the conflicts as one JSON object.

The three tables of `Conflicts`, as lists of records, beside the store's
name, the counts and the rules: `conflicts` (one per conflict, with its
reason and why), `claims` (one per claim of a conflict, with its
`conflict_id` and `version`) and `timeline`. Tables rather than nesting,
so that a store with tens of thousands of conflicts is written by pandas'
JSON writer in seconds, and a reader loads each list into a table as is.
Missing values are null.
"""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np
import pandas as pd

from pipeline.store.conflicts import Conflicts


def plain(value: Any) -> Any:
    """A DataFrame cell as JSON: NaN and None → None, numpy → Python."""
    if isinstance(value, np.ndarray):
        return [plain(item) for item in value.tolist()]
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    return value


def _column(series: pd.Series) -> list[Any]:
    values = series.tolist()
    if series.dtype == object:  # lists, arrays, or anything else a cell may hold
        return [plain(value) for value in values]
    return [None if gone else value for value, gone in zip(values, series.isna().tolist())]


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as plain dicts, converted column by column (a DataFrame's rows are slow to walk)."""
    columns = {name: _column(frame[name]) for name in frame.columns}
    return [dict(zip(columns, row)) for row in zip(*columns.values())]


def _table(frame: pd.DataFrame) -> str:
    return frame.to_json(orient="records", force_ascii=False, double_precision=15)


def conflicts_json(found: Conflicts, store: str) -> str:
    head = {"store": store, "counts": {name: plain(value) for name, value in found.counts.items()}, "rules": found.rules}
    opening = json.dumps(head, ensure_ascii=False)[:-1]
    tables = ",".join(f'"{name}":{_table(frame)}' for name, frame in (("conflicts", found.conflicts), ("claims", found.claims), ("timeline", found.timeline)))
    return f"{opening},{tables}}}"
