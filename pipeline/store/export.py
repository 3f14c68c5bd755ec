"""`afirma store export --parquet DIR`: the store as Parquet, for Spark, BigQuery or Dask.

Two files: `claims.parquet` (one row per claim, with its article's id,
outlet, country, date and url, and the sentence and number as text, so it
stands alone) and `articles.parquet` (one row per article, with its text).
Row groups of 100,000 rows let a cluster read one file in parallel. Each
file is written beside its final name and then renamed, so a reader never
sees half a file.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

ROW_GROUP = 100_000

_CLAIMS = """
SELECT a.article_id, a.text_sha, a.outlet, a.country, a.date AS article_date, a.url,
    c.* EXCLUDE (article_key),
    substring(a.text, c.anchor_start + 1, c.anchor_end - c.anchor_start) AS anchor_text,
    substring(a.text, c.sentence_start + 1, c.sentence_end - c.sentence_start) AS sentence
FROM claims c JOIN articles a USING (article_key)
ORDER BY a.article_id, c.anchor_start
"""

_ARTICLES = "SELECT * EXCLUDE (article_key) FROM articles ORDER BY article_id, text_sha"


def _copy(connection: duckdb.DuckDBPyConnection, sql: str, target: Path) -> None:
    partial = target.with_name(target.name + ".partial")
    escaped = str(partial).replace("'", "''")
    connection.execute(f"COPY ({sql}) TO '{escaped}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE {ROW_GROUP})")
    os.replace(partial, target)


def export_parquet(connection: duckdb.DuckDBPyConnection, folder: str | Path) -> list[Path]:
    """Write claims.parquet and articles.parquet into `folder` (created if needed); returns their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, sql in (("claims.parquet", _CLAIMS), ("articles.parquet", _ARTICLES)):
        _copy(connection, sql, folder / name)
        written.append(folder / name)
    return written
