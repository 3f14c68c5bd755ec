"""`Store`: one DuckDB file of claims, opened once, with every operation as a method.

    with Store("claims.duckdb", create=True) as store:
        store.add(["out/predictions.jsonl"])
        store.claims(ClaimQuery(subject="AWS", unit="MW"))   # DataFrame
        found = store.conflicts()                             # Conflicts: DataFrames
        found.conflicts, found.claims, found.timeline
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

import pandas as pd

from pipeline.store.conflicts import Conflicts, find_conflicts
from pipeline.store.export import export_parquet
from pipeline.store.grouping import build_groups, detail_sql
from pipeline.store.ingest import AddReport, add_files
from pipeline.store.query import ClaimQuery, query_claims
from pipeline.store.rules import Rules
from pipeline.store.schema import connect, store_info
from pipeline.store.timeline import timeline_for


class Store:
    def __init__(self, path: str | Path, *, create: bool = False, read_only: bool = False) -> None:
        self.path = Path(path)
        self.connection = connect(self.path, create=create, read_only=read_only)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    def info(self) -> dict[str, str]:
        return store_info(self.connection)

    def add(self, paths: Iterable[str | Path]) -> AddReport:
        return add_files(self.connection, paths)

    def articles(self) -> pd.DataFrame:
        return self.connection.execute(
            "SELECT * EXCLUDE (article_key, text, meta) FROM articles ORDER BY article_id, text_sha"
        ).df()

    def claims(self, query: ClaimQuery | None = None) -> pd.DataFrame:
        return query_claims(self.connection, query or ClaimQuery())

    def grouped(self, rules: Rules | None = None) -> pd.DataFrame:
        """Every claim with its group, the separators and cues that placed it there, and why."""
        build_groups(self.connection, rules)
        return self.connection.execute(
            f"SELECT * EXCLUDE (article_key) FROM ({detail_sql()}) ORDER BY group_id, lo_w, article_id, anchor_start"
        ).df()

    def conflicts(self, rules: Rules | None = None) -> Conflicts:
        return find_conflicts(self.connection, rules)

    def timeline(self, subject: str, rules: Rules | None = None) -> pd.DataFrame:
        """How one subject's figures moved, whether or not they conflict."""
        build_groups(self.connection, rules)
        return timeline_for(self.connection, subject=subject)

    def export_parquet(self, folder: str | Path) -> list[Path]:
        return export_parquet(self.connection, folder)
