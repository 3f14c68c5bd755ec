"""`pipeline.to_frame`: claims or spans as a pandas DataFrame.

Columns and their meaning are those of the CSV and Parquet exports
(`pipeline.exports.columns`); every column has a nullable pandas dtype, so a
missing value is <NA> and never a NaN that looks like a number.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from pipeline.exports.columns import COLUMNS, rows
from pipeline.exports.optional import require
from pipeline.exports.reading import as_entries, read_files
from schemas.models import Article

DTYPES = {"string": "string", "int": "Int64", "float": "Float64", "bool": "boolean", "list": "object"}


def to_frame(records: Any, table: str = "claims") -> Any:
    """A DataFrame with one row per claim (or per span, `table="spans"`).

    `records` is afirma records (`schemas.Article` or dicts), or the path
    of a JSON Lines file, or several paths. Bad lines of a file are skipped
    with a warning naming the file and line; a bad record given in Python
    raises ValueError.
    """
    (pandas,) = require("pipeline.to_frame", "pandas")
    if table not in COLUMNS:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(COLUMNS)}")
    found = list(rows(_articles(records), table))
    data = {column.name: _array(pandas, [row[column.name] for row in found], column.kind) for column in COLUMNS[table]}
    return pandas.DataFrame(data)


def _articles(records: Any) -> list[Any]:
    if isinstance(records, (str, Path)):
        records = [records]
    records = list(records)
    if records and all(isinstance(record, (str, Path)) for record in records):
        result = read_files(records)
        for problem in result.problems:
            warnings.warn(str(problem), stacklevel=3)
        return result.articles
    if all(isinstance(record, Article) for record in records):
        return records  # already valid: no need to dump and read them again
    return [entry.article for entry in as_entries(records)]


def _array(pandas: Any, values: list[Any], kind: str) -> Any:
    if kind != "list":
        return pandas.array(values, dtype=DTYPES[kind])
    # Filled one by one: given the lists at once, pandas would make a 2-D array.
    series = pandas.Series([None] * len(values), dtype="object")
    for index, value in enumerate(values):
        series.iat[index] = value
    return series
