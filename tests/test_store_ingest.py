"""`afirma store add`: idempotent, a damaged line costs only itself, article metadata kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli.application import app
from pipeline.store import Store
from test_store_records import fig, record, write

ARTICLES = [
    record("altaris-a", [("Altaris Cloud opera 150 MW en Marchamalo.", [fig("150 MW", 150, "MW", subject="Altaris Cloud")])],
           meta={"outlet": "Diario Uno", "country": "es", "date": "2025-02-12T09:30:00Z", "url": "https://www.diario.example/a"}),
    record("altaris-b", [("El recinto opera hoy 400 MW.", [fig("400 MW", 400, "MW", subject="Altaris Cloud")])],
           meta={"url": "https://www.otro.example/b"}),
]


def _dump(store: Store) -> tuple[list, list]:
    sql = store.connection.execute
    articles = sql("SELECT * EXCLUDE (file, line) FROM articles ORDER BY article_key").fetchall()
    claims = sql("SELECT * FROM claims ORDER BY article_key, anchor_start").fetchall()
    return articles, claims


def test_store_add_twice_gives_the_same_store(tmp_path: Path) -> None:
    predictions = write(tmp_path / "pred.jsonl", ARTICLES)
    with Store(tmp_path / "claims.duckdb", create=True) as store:
        first = store.add([predictions])
        once = _dump(store)
        second = store.add([predictions, predictions])
        assert _dump(store) == once
    assert (first.added, first.replaced, first.claims) == (2, 0, 2)
    assert (second.added, second.replaced, second.unchanged, second.claims) == (0, 0, 4, 0)


def test_store_add_replaces_an_article_extracted_again(tmp_path: Path) -> None:
    again = [dict(ARTICLES[0], claims=[dict(ARTICLES[0]["claims"][0], modality="planned")]), ARTICLES[1]]
    with Store(tmp_path / "claims.duckdb", create=True) as store:
        store.add([write(tmp_path / "one.jsonl", ARTICLES)])
        report = store.add([write(tmp_path / "two.jsonl", again)])
        claims = store.claims()
    assert (report.added, report.replaced, report.unchanged) == (0, 1, 1)
    assert sorted(claims["modality"]) == ["asserted", "planned"] and len(claims) == 2


def test_store_add_the_older_extraction_again_brings_it_back(tmp_path: Path) -> None:
    newer = [dict(ARTICLES[0], claims=[dict(ARTICLES[0]["claims"][0], modality="planned")])]
    older, newer_file = write(tmp_path / "older.jsonl", ARTICLES[:1]), write(tmp_path / "newer.jsonl", newer)
    with Store(tmp_path / "claims.duckdb", create=True) as store:
        store.add([older, newer_file, older])  # the last file read wins
        assert store.claims()["modality"].tolist() == ["asserted"]


def test_store_add_keeps_an_id_with_another_text_beside_the_first(tmp_path: Path) -> None:
    changed = record("altaris-a", [("Altaris Cloud opera 160 MW.", [fig("160 MW", 160, "MW", subject="Altaris Cloud")])])
    with Store(tmp_path / "claims.duckdb", create=True) as store:
        store.add([write(tmp_path / "one.jsonl", ARTICLES)])
        report = store.add([write(tmp_path / "two.jsonl", [changed])])
        articles = store.articles()
    assert report.other_text == ["altaris-a"]
    assert sorted(articles["article_id"]) == ["altaris-a", "altaris-a", "altaris-b"]


def test_store_add_reads_outlet_country_date_and_url(tmp_path: Path) -> None:
    dateline = record(
        "cnca",
        [
            ("Tláloc abre sus puertas", []),
            ("CIUDAD DE MÉXICO, 15 de octubre de 2025 (Agencia Mexicana de Noticias).- Tláloc reúne 3.456 GPU.",
             [fig("3.456", 3456, "GPU", subject="Tláloc")]),
        ],
    )
    line = dateline["text"].split("\n")[1]
    offset = dateline["text"].index(line)
    dateline["spans"] += [
        {"start": offset + 18, "end": offset + 39, "text": "15 de octubre de 2025", "label": "DATE", "value": "2025-10-15"},
        {"start": offset + 41, "end": offset + 69, "text": "Agencia Mexicana de Noticias", "label": "ORG", "canonical": "Agencia Mexicana de Noticias"},
    ]
    dateline["spans"].sort(key=lambda span: span["start"])
    with Store(tmp_path / "claims.duckdb", create=True) as store:
        store.add([write(tmp_path / "pred.jsonl", [*ARTICLES, dateline])])
        found = store.articles().set_index("article_id")
    assert found.loc["altaris-a", ["outlet", "country", "date", "url"]].tolist() == ["Diario Uno", "ES", "2025-02-12", "https://www.diario.example/a"]
    assert found.loc["altaris-b", "outlet"] == "otro.example"  # the url's host stands for the outlet
    assert found.loc["cnca", ["outlet", "date", "date_from"]].tolist() == ["Agencia Mexicana de Noticias", "2025-10-15", "dateline"]


def _damaged_file(folder: Path) -> Path:
    good = [json.dumps(r, ensure_ascii=False) for r in ARTICLES]
    bad_claim = dict(ARTICLES[0], id="bad-label", claims=[dict(ARTICLES[0]["claims"][0], label="NUMBER")])
    outside = dict(ARTICLES[0], id="outside", claims=[dict(ARTICLES[0]["claims"][0], sentence={"start": 0, "end": 900})])
    lines = [
        good[0],
        '{"id": "cut", "text": "Altaris opera 15',  # a line cut short
        json.dumps(bad_claim, ensure_ascii=False),
        "",
        '{"id": "surrogate", "text": "\\ud800", "claims": []}',
        json.dumps(outside, ensure_ascii=False),
        "[1, 2]",
        good[1],
    ]
    path = folder / "damaged.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_store_add_reports_each_damaged_line_and_keeps_the_rest(tmp_path: Path) -> None:
    with Store(tmp_path / "claims.duckdb", create=True) as store:
        report = store.add([_damaged_file(tmp_path)])
        stored = sorted(store.articles()["article_id"])
    assert stored == ["altaris-a", "altaris-b"]
    where = [(Path(problem.file).name, problem.line) for problem in report.problems]
    assert where == [("damaged.jsonl", 2), ("damaged.jsonl", 3), ("damaged.jsonl", 5), ("damaged.jsonl", 6), ("damaged.jsonl", 7)]
    messages = [problem.message for problem in report.problems]
    assert "not valid JSON" in messages[0] and "[bad-label] claims[0].label" in messages[1]
    assert "surrogate" in messages[2] and "ends past the text" in messages[3] and "JSON object" in messages[4]
    assert all(message.endswith("line skipped") for message in messages)


def test_store_add_cli_names_file_and_line_and_exits_1(tmp_path: Path) -> None:
    damaged = _damaged_file(tmp_path)
    result = CliRunner().invoke(app, ["store", "add", str(damaged), "--db", str(tmp_path / "c.duckdb")])
    assert result.exit_code == 1
    assert f"{damaged}:2: not valid JSON" in result.stderr
    assert "2 article(s) added" in result.stderr


def test_store_add_a_missing_file_costs_only_itself(tmp_path: Path) -> None:
    predictions = write(tmp_path / "pred.jsonl", ARTICLES)
    with Store(tmp_path / "claims.duckdb", create=True) as store:
        report = store.add([tmp_path / "missing.jsonl", predictions])
        assert len(store.articles()) == 2
    assert report.problems[0].line is None and "cannot read the file" in report.problems[0].message


@pytest.mark.parametrize("bad", ["not json at all", '{"id": "x"}', '{"id": "", "text": "a"}'])
def test_store_add_refuses_a_record_without_id_or_text(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(bad + "\n", encoding="utf-8")
    with Store(tmp_path / "claims.duckdb", create=True) as store:
        report = store.add([path])
    assert report.added == 0 and len(report.problems) == 1
