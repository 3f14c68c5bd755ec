"""Claims across articles: an embedded DuckDB store and the figures that disagree.

- `schema`: the tables, the version stamped in each store, `StoreError`.
- `records`, `meta`, `ingest`: prediction files into the store, idempotently.
- `query`: the claims a user asks about; `export`: the store as Parquet.
- `units`, `rules`, `subjects`, `grouping`: what each claim measures and
  which claims are compared, from the rules in `data/*.json`, each decision
  with its why.
- `intervals`, `conflicts`, `timeline`: which figures cannot both be true,
  and how a figure moved; `amounts` and `rows` show figures.
- `report_text`, `report_html`, `report_json`: the conflicts for people
  and programs.

`Store` (in `store`) ties them together; everything returns pandas
DataFrames or plain data.
"""

from __future__ import annotations

from pipeline.store.conflicts import Conflicts, find_conflicts
from pipeline.store.ingest import AddReport
from pipeline.store.query import ClaimQuery
from pipeline.store.schema import SCHEMA_VERSION, StoreError
from pipeline.store.store import Store

__all__ = ["AddReport", "ClaimQuery", "Conflicts", "SCHEMA_VERSION", "Store", "StoreError", "find_conflicts"]
