"""JSON Lines feeds as users' own scrapers write them: named text and id
fields, chosen fields copied into `meta`, and bad lines named by number
while the others go on."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from pipeline.sources import FeedFields, Reader, ReadOptions, list_inputs
from schemas import Article

LINES = [
    {"uid": "a-1", "body": "Meta compró 350.000 GPU en 2024, según la compañía.", "url": "https://ejemplo.es/a", "date": "2025-03-01", "outlet": "Ejemplo"},
    {"uid": 2, "body": "Microsoft invertirá 80.000 millones de dólares.", "url": "https://ejemplo.mx/b"},
]


def write(path, lines) -> None:
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n" for line in lines), encoding="utf-8")


def test_sources_feed_fields_parse_with_renames():
    fields = FeedFields.parse("body", "uid", "url, published=date,outlet,")
    assert fields.meta == (("url", "url"), ("published", "date"), ("outlet", "outlet"))


def test_sources_feed_lists_and_reads_by_line(tmp_path):
    feed = tmp_path / "feed.jsonl"
    write(feed, [LINES[0], "", LINES[1]])
    fields = FeedFields.parse("body", "uid", "url,published=date,outlet")
    listing = list_inputs([str(feed)], feed=fields)
    assert [(s.id, s.display) for s in listing.sources] == [("a-1", f"{feed}:1"), ("2", f"{feed}:3")]
    with Reader(ReadOptions(feed=fields)) as reader:
        first, second = (reader.read(s) for s in listing.sources)
    assert first.text == LINES[0]["body"]
    assert first.meta == {"url": "https://ejemplo.es/a", "published": "2025-03-01", "outlet": "Ejemplo"}
    assert second.meta == {"url": "https://ejemplo.mx/b"}


@pytest.mark.parametrize(
    "line, reason",
    [
        ("{not json", "not a JSON record"),
        ('["a", "b"]', "not a JSON object but list"),
        ('{"body": "x"}', "id field 'uid' is missing"),
        ('{"uid": "", "body": "x"}', "id field 'uid' is '', not a string or number"),
        ('{"uid": "z"}', "text field 'body' is missing"),
        ('{"uid": "z", "body": ["x"]}', "text field 'body' is a list, not a string"),
    ],
)
def test_sources_feed_bad_lines_are_named_by_number(tmp_path, line, reason):
    feed = tmp_path / "feed.jsonl"
    write(feed, [LINES[0], line, LINES[1]])
    listing = list_inputs([str(feed)], feed=FeedFields.parse("body", "uid"))
    assert [s.id for s in listing.sources] == ["a-1", "2"]
    [error] = listing.errors
    assert error.display == f"{feed}:2" and error.reason.startswith(reason)


def test_sources_feed_unknown_country_is_named(tmp_path):
    feed = tmp_path / "feed.jsonl"
    write(feed, [{"id": "x", "text": "Hola.", "pais": "Atlántida"}])
    fields = FeedFields.parse(meta="country=pais")
    [source] = list_inputs([str(feed)], feed=fields).sources
    error = Reader(ReadOptions(feed=fields)).read(source)
    assert str(error) == f"{feed}:1: country 'Atlántida' is not an ISO 3166 code afirma knows"


@pytest.mark.model
def test_sources_feed_cli_extracts_with_meta_and_country(extractor, monkeypatch, tmp_path):
    import pipeline.api
    from pipeline.cli import app

    monkeypatch.setattr(pipeline.api, "Extractor", lambda model=None, **options: extractor)
    feed = tmp_path / "scraper.jsonl"
    write(feed, [LINES[0], "{roto", {**LINES[1], "pais": "mx"}])
    out = tmp_path / "out.jsonl"
    args = ["extract", str(feed), "--text-field", "body", "--id-field", "uid", "--meta-fields", "url,published=date,country=pais", "-o", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    assert f"{feed}:2: not a JSON record" in result.stderr and "2 extracted, 1 failed" in result.stderr
    written = [Article.model_validate_json(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [a.id for a in written] == ["a-1", "2"]
    assert written[0].meta.published == "2025-03-01" and written[0].meta.url == "https://ejemplo.es/a"
    assert written[0].claims and written[0].text == LINES[0]["body"]
    assert written[1].meta.country == "MX" and written[1].meta.country_source == "given"
    resumed = CliRunner().invoke(app, [*args, "--resume"])
    assert "0 extracted, 1 failed, 2 skipped" in resumed.stderr


def test_sources_feed_duplicate_ids_are_refused_up_front(tmp_path):
    feed = tmp_path / "feed.jsonl"
    write(feed, [LINES[0], LINES[0]])
    from pipeline.cli import app

    result = CliRunner().invoke(app, ["extract", str(feed), "--text-field", "body", "--id-field", "uid"])
    assert result.exit_code == 2
    assert "same article id" in result.stderr and f"{feed}:1" in result.stderr and f"{feed}:2" in result.stderr
