"""Parquet: the table of `pipeline.to_frame` with an explicit Arrow schema
(`pipeline.exports.columns` gives each column's type), so every reader
sees the same types: DuckDB and Spark the Arrow ones, pandas its own
nullable dtypes back (pandas keeps them in the file's metadata).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipeline.exports.columns import COLUMNS
from pipeline.exports.files import replacing
from pipeline.exports.frame import to_frame
from pipeline.exports.optional import require
from schemas.models import Article


def export(articles: Iterable[Article], path: str | Path, table: str = "claims") -> int:
    _pandas, pyarrow = require("afirma export --format parquet", "pandas", "pyarrow")
    frame = to_frame(list(articles), table)
    with replacing(path) as temporary:
        frame.to_parquet(temporary, engine="pyarrow", index=False, schema=schema(pyarrow, table))
    return len(frame)


def schema(pyarrow: Any, table: str = "claims") -> Any:
    types = {
        "string": pyarrow.string(),
        "int": pyarrow.int64(),
        "float": pyarrow.float64(),
        "bool": pyarrow.bool_(),
        "list": pyarrow.list_(pyarrow.string()),
    }
    # Each column says what it holds, for whoever opens the file without afirma.
    return pyarrow.schema(
        [
            pyarrow.field(column.name, types[column.kind], metadata={"description": column.about})
            for column in COLUMNS[table]
        ]
    )
