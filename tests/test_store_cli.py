"""`afirma store add|query|export` and `afirma conflicts` from the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline.cli.application import app
from test_store_records import fig, record, write

RECORDS = [
    record("altaris-a", [("Altaris Cloud opera 150 MW en Marchamalo.", [fig("150 MW", 150, "MW", subject="Altaris Cloud")])],
           meta={"outlet": "Diario Uno", "date": "2025-02-12"}),
    record("altaris-b", [("Según Reuters, Altaris Cloud opera 0,4 GW.", [fig("0,4 GW", 0.4, "GW", subject="Altaris Cloud", source="Reuters")])],
           meta={"outlet": "Diario Dos", "date": "2025-06-03"}),
    record("vektra", [("Vektra levantó 310 millones de dólares en 2024.", [fig("310 millones de dólares", 310e6, "USD", subject="Vektra", date="2024")])]),
]


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "claims.duckdb"
    result = CliRunner().invoke(app, ["store", "add", str(write(tmp_path / "pred.jsonl", RECORDS)), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def _run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_store_query_by_subject_and_unit_family(db: Path) -> None:
    result = _run("store", "query", "--db", str(db), "--subject", "altaris cloud", "--unit", "MW")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "in MW" in lines[0]
    assert any("0,4 GW" in line and " 400 " in line for line in lines)  # GW shown in MW too
    assert any("150 MW" in line for line in lines) and not any("Vektra" in line for line in lines)


def test_store_query_csv_by_period_and_source(db: Path) -> None:
    result = _run("store", "query", "--db", str(db), "--since", "2025-03", "--csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["article_id"] for row in rows] == ["altaris-b"]  # dated by its article, June 2025
    assert rows[0]["value"] == "0.4" and rows[0]["amount"] == "0.4" and rows[0]["outlet"] == "Diario Dos"
    by_source = _run("store", "query", "--db", str(db), "--source", "reuters", "--csv")
    assert [row["article_id"] for row in csv.DictReader(io.StringIO(by_source.stdout))] == ["altaris-b"]
    money = list(csv.DictReader(io.StringIO(_run("store", "query", "--db", str(db), "--until", "2024", "--csv").stdout)))
    assert [row["value"] for row in money] == ["310000000"]


def test_store_query_refuses_a_bad_date(db: Path) -> None:
    result = _run("store", "query", "--db", str(db), "--since", "last week")
    assert result.exit_code == 2 and "not a date" in result.output


def test_conflicts_text_json_and_html(db: Path, tmp_path: Path) -> None:
    text = _run("conflicts", "--db", str(db))
    assert text.exit_code == 0 and "Altaris Cloud: power in MW" in text.stdout and "cannot both be true" in text.stdout
    found = json.loads(_run("conflicts", "--db", str(db), "--json").stdout)
    assert found["counts"]["conflicts"] == 1
    conflict = found["conflicts"][0]
    claims = [claim for claim in found["claims"] if claim["conflict_id"] == conflict["conflict_id"]]
    assert {claim["shown"] for claim in claims} == {"150 MW", "400 MW"}
    assert {claim["outlet"] for claim in claims} == {"Diario Uno", "Diario Dos"}
    assert claims[0]["source"] is None and isinstance(claims[0]["why"], list)
    assert [entry["amount"] for entry in found["timeline"]] == ["150 MW", "400 MW"]
    page = tmp_path / "conflicts.html"
    html = _run("conflicts", "--db", str(db), "--html", str(page))
    assert html.exit_code == 0 and page.read_text(encoding="utf-8").count("data-claim=") == 2


def test_store_export_parquet_reads_back_with_pyarrow_and_dask(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "export"
    result = _run("store", "export", "--db", str(db), "--parquet", str(folder))
    assert result.exit_code == 0, result.output
    claims = pq.read_table(folder / "claims.parquet")
    assert claims.num_rows == 3 and {"article_id", "outlet", "sentence", "unit", "value"} <= set(claims.column_names)
    assert pq.read_table(folder / "articles.parquet").num_rows == 3
    dd = pytest.importorskip("dask.dataframe")
    frame = dd.read_parquet(str(folder / "claims.parquet"))
    assert frame.groupby("subject").size().compute().to_dict() == {"Altaris Cloud": 2, "Vektra": 1}
