"""The store's tables and the version stamped into every store file.

A store is one DuckDB file. `store_info` holds the schema version; a file
whose version this code does not read is refused with a message that says
what to do, never half-read. The claim columns follow `schemas.models.Claim`
(field for field, lists as DuckDB lists); the article holds its text once,
and sentences are cut from it by offset when a claim is shown.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

import pipeline

SCHEMA_VERSION = 1

_TABLES = (
    """CREATE TABLE store_info (key VARCHAR NOT NULL, value VARCHAR)""",
    """CREATE TABLE articles (
        article_key BIGINT NOT NULL,
        article_id VARCHAR NOT NULL,
        text_sha VARCHAR NOT NULL,
        record_sha VARCHAR NOT NULL,
        text VARCHAR NOT NULL,
        outlet VARCHAR,
        country VARCHAR,
        date VARCHAR,
        date_from VARCHAR,
        url VARCHAR,
        model VARCHAR,
        meta VARCHAR,
        file VARCHAR NOT NULL,
        line INTEGER NOT NULL,
        n_claims INTEGER NOT NULL
    )""",
    """CREATE TABLE claims (
        article_key BIGINT NOT NULL,
        claim_id VARCHAR NOT NULL,
        label VARCHAR NOT NULL,
        value DOUBLE,
        low DOUBLE,
        high DOUBLE,
        approx BOOLEAN NOT NULL,
        unit VARCHAR,
        subject VARCHAR,
        hardware VARCHAR[] NOT NULL,
        orgs VARCHAR[] NOT NULL,
        modality VARCHAR NOT NULL,
        source VARCHAR,
        date VARCHAR,
        anchor_start INTEGER NOT NULL,
        anchor_end INTEGER NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        cues VARCHAR[] NOT NULL
    )""",
)


class StoreError(Exception):
    """A store that cannot be opened or used; the message is for the user."""


def connect(path: str | Path, *, create: bool = False, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """An open, checked store; created (with its tables) when `create` and absent."""
    path = Path(path)
    fresh = not path.exists()
    if fresh and not create:
        raise StoreError(f"no store at {path}: create one with `afirma store add FILE... --db {path}`")
    try:
        connection = duckdb.connect(str(path), read_only=read_only and not fresh)
    except duckdb.Error as error:
        raise StoreError(f"cannot open {path} as a DuckDB store: {_first_line(error)}") from None
    try:
        if not _tables(connection):
            if read_only and not fresh:
                raise StoreError(f"{path} is an empty DuckDB file: add articles with `afirma store add FILE... --db {path}`")
            _initialise(connection)
        check_version(connection, path)
    except BaseException:
        connection.close()
        raise
    return connection


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def _tables(connection: duckdb.DuckDBPyConnection) -> set[str]:
    rows = connection.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()
    return {name for (name,) in rows}


def _initialise(connection: duckdb.DuckDBPyConnection) -> None:
    connection.begin()
    for statement in _TABLES:
        connection.execute(statement)
    info = {
        "schema_version": str(SCHEMA_VERSION),
        "written_by": f"afirma {pipeline.__version__}",
        "duckdb_version": duckdb.__version__,
    }
    connection.executemany("INSERT INTO store_info VALUES (?, ?)", list(info.items()))
    connection.commit()


def store_info(connection: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(connection.execute("SELECT key, value FROM store_info").fetchall())


def check_version(connection: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Refuse, with what to do, any store this code was not written to read."""
    tables = _tables(connection)
    if "store_info" not in tables:
        raise StoreError(f"{path} is a DuckDB file but not an afirma claim store (it has no store_info table)")
    info = store_info(connection)
    written = info.get("schema_version", "")
    if not written.isdigit():
        raise StoreError(f"{path} has no readable schema version ({written!r}); it was not written by afirma")
    version = int(written)
    by = info.get("written_by", "an unknown afirma")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by {by} with store schema {version}; this afirma {pipeline.__version__}"
            f" reads schema {SCHEMA_VERSION}: upgrade afirma to read it"
        )
    if version < SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by {by} with store schema {version}, which this afirma {pipeline.__version__}"
            f" (schema {SCHEMA_VERSION}) does not read: build a new store from the prediction files"
            f" with `afirma store add FILE... --db NEW.duckdb`"
        )
    missing = {"articles", "claims"} - tables
    if missing:
        raise StoreError(f"{path} is damaged: table(s) {', '.join(sorted(missing))} missing")
