"""A store is one DuckDB file with its schema version; any other file is refused with what to do."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline.cli.application import app
from pipeline.store import SCHEMA_VERSION, Store, StoreError
from test_store_records import fig, record, write


def _store(folder: Path) -> Path:
    path = folder / "claims.duckdb"
    with Store(path, create=True) as store:
        store.add([write(folder / "pred.jsonl", [record("a", [("Atalaya suma 24.000 GPU.", [fig("24.000", 24000, "GPU", subject="Atalaya")])])])])
    return path


def _stamp(path: Path, version: str) -> None:
    connection = duckdb.connect(str(path))
    connection.execute("UPDATE store_info SET value = ? WHERE key = 'schema_version'", [version])
    connection.close()


def test_store_is_created_on_first_use_with_its_version(tmp_path: Path) -> None:
    path = _store(tmp_path)
    with Store(path, read_only=True) as store:
        info = store.info()
        assert len(store.claims()) == 1
    assert info["schema_version"] == str(SCHEMA_VERSION) and info["written_by"].startswith("afirma ")


def test_store_written_by_an_older_version_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = _store(tmp_path)
    _stamp(path, str(SCHEMA_VERSION - 1))
    with pytest.raises(StoreError) as refused:
        Store(path, read_only=True)
    message = str(refused.value)
    assert f"store schema {SCHEMA_VERSION - 1}" in message and "afirma store add" in message and "NEW.duckdb" in message
    result = CliRunner().invoke(app, ["conflicts", "--db", str(path)])
    assert result.exit_code == 2 and "does not read" in result.stderr


def test_store_written_by_a_newer_version_asks_for_an_upgrade(tmp_path: Path) -> None:
    path = _store(tmp_path)
    _stamp(path, str(SCHEMA_VERSION + 1))
    with pytest.raises(StoreError, match="upgrade afirma"):
        Store(path)


def test_store_refuses_files_that_are_not_stores(tmp_path: Path) -> None:
    other = tmp_path / "other.duckdb"
    connection = duckdb.connect(str(other))
    connection.execute("CREATE TABLE t (x INTEGER)")
    connection.close()
    with pytest.raises(StoreError, match="not an afirma claim store"):
        Store(other)
    text = tmp_path / "notes.duckdb"
    text.write_text("not a database\n" * 100, encoding="utf-8")
    with pytest.raises(StoreError, match="cannot open"):
        Store(text)


def test_store_query_on_a_missing_store_says_how_to_make_one(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["store", "query", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "no store at" in result.stderr and "afirma store add" in result.stderr
    assert not (tmp_path / "none.duckdb").exists()
