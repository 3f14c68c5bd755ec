"""`afirma diff`: what the terminal shows, and the HTML page's structure
(the browser test checks the page as Chromium renders it)."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from pipeline.review.diff import diff_article, diff_files
from pipeline.review.html import Mark, highlight, render_html
from pipeline.review.loading import load_jsonl
from schemas.models import Article

DATA = Path(__file__).parent / "data" / "review"
GOLD, PRED = DATA / "gold.jsonl", DATA / "pred.jsonl"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def app() -> typer.Typer:
    from pipeline.cli.review import register

    app = typer.Typer()
    register(app)
    return app


@pytest.fixture(scope="module")
def report():
    return diff_files(
        [entry.article for entry in load_jsonl(GOLD).articles], [entry.article for entry in load_jsonl(PRED).articles]
    )


def _diff(app: typer.Typer, *args: str):
    return CliRunner().invoke(app, ["diff", "--gold", str(GOLD), "--pred", str(PRED), *args])


# Lines the fixture pair must produce, one for each kind of difference.
EXPECTED_LINES = [
    "only in gold: art-gold-only",
    "only in the predictions: art-pred-only",
    "== art-1: spans 6 gold / 5 predicted (3 match, 1 boundary, 1 label, 1 missed; 0 with field differences);"
    " claims 2 gold / 2 predicted (2 paired; 1 with field differences)",
    "  0:68 'Musk anunció que Colossus, con 100k GPU H100 de NVIDIA, ya funciona.'",
    "    ~ label     gold HARDWARE 17:25 'Colossus' | pred PER 17:25 'Colossus'",
    "    - missed    ORG 48:54 'NVIDIA'",
    "    ~ boundary  gold MONEY 88:123 'entre 3 y 4 mil millones de dólares' | pred MONEY 94:123 '3 y 4 mil millones de dólares'",
    "    ~ claim     MONEY 88:123 'entre 3 y 4 mil millones de dólares': modality gold 'estimated' pred 'asserted'",
    "    ~ boundary  gold CARDINAL 23:40 'hasta los 200.000' | pred CARDINAL 33:40 '200.000': value gold '≤200000' pred '200000'",
    "    + spurious  DURATION 48:64 'unos pocos meses'",
    "    + claim spurious DURATION 48:64 'unos pocos meses': ~2–6 unit month, subject Colossus, planned",
    "    ~ fields    PERCENT 91:95 '30 %': value gold '30' pred '30.2'",
    "    ~ claim     PERCENT 91:95 '30 %': value gold '30' pred '30.2'; date gold '2024-09-02' pred '(none)'",
]


@pytest.mark.parametrize("line", EXPECTED_LINES)
def test_diff_terminal_shows_each_difference(app, line: str) -> None:
    result = _diff(app)
    assert result.exit_code == 0, result.output
    assert line in result.stdout.splitlines()


def test_diff_terminal_hides_agreeing_items(app) -> None:
    out = _diff(app).stdout
    assert "'Musk'" not in out  # matched, fields agree
    assert "100k" not in out.replace("100k GPU H100", "")  # the claim on 100k agrees


def test_diff_colour_only_when_asked(app) -> None:
    plain, coloured = _diff(app, "--no-color"), _diff(app, "--color")
    assert not ANSI.search(plain.stdout)
    assert not ANSI.search(_diff(app).stdout)  # not a terminal: no colour by default
    assert "\x1b[31m    - missed    ORG 48:54 'NVIDIA'" in coloured.stdout
    assert ANSI.sub("", coloured.stdout) == plain.stdout


def test_diff_article_statuses(report) -> None:
    art1, art2 = report.articles
    assert art1.span_counts() == {"match": 3, "boundary": 1, "label": 1, "missed": 1, "spurious": 0}
    assert art2.span_counts() == {"match": 5, "boundary": 1, "label": 0, "missed": 0, "spurious": 1}
    assert art2.claim_counts() == {"paired": 2, "missed": 0, "spurious": 1}
    assert [s.start for s in art2.sentences] == [0, 66]


def test_diff_lists_approx_apart_from_value() -> None:
    text = "unos 100 GPU"
    hedged = {"start": 0, "end": 8, "text": "unos 100", "label": "CARDINAL", "value": 100, "approx": True}
    gold = Article(id="a", text=text, spans=[hedged])
    pred = Article(id="a", text=text, spans=[{"start": 5, "end": 8, "text": "100", "label": "CARDINAL", "value": 100}])
    (entry,) = diff_article(gold, pred).spans
    assert entry.status == "boundary"
    assert [(f.name, f.gold, f.pred) for f in entry.fields] == [("approx", "true", "false")]


class _Spans(HTMLParser):
    """Collects highlighted span elements and the text, as a reader sees it."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict[str, str]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attributes = dict(attrs)
        if "data-side" in attributes:
            self.marks.append(attributes)


def _spans_of(page: str) -> list[tuple[str, str, int, int]]:
    parser = _Spans()
    parser.feed(page)
    return sorted((m["data-side"], m["data-label"], int(m["data-start"]), int(m["data-end"])) for m in parser.marks)


def test_diff_html_has_one_element_per_span(report) -> None:
    page = render_html(report, gold_name="gold.jsonl", pred_name="pred.jsonl")
    expected = sorted(
        (side, span.label, span.start, span.end)
        for article in report.articles
        for side, source in (("gold", article.gold), ("pred", article.pred))
        for span in source.spans
    )
    assert _spans_of(page) == expected


def test_diff_html_is_self_contained(report) -> None:
    page = render_html(report, gold_name="gold.jsonl", pred_name="pred.jsonl")
    assert "Content-Security-Policy" in page and "script-src 'none'" in page
    parser = _Spans()
    parser.feed(page)
    assert not {"script", "img", "link", "iframe", "object", "embed"} & set(parser.tags)
    assert not re.search(r"url\(|@import|https?://|src=", page)


def test_diff_html_escapes_text_and_values() -> None:
    text = '<b>x</b> & "y" 5 <img src=x onerror=alert(1)>'
    start = text.index("5")
    gold = Article(
        id="<i>id</i>",
        text=text,
        spans=[{"start": start, "end": start + 1, "text": "5", "label": "QUANTITY", "value": 5, "unit": "<u>"}],
    )
    pred = Article(
        id="<i>id</i>",
        text=text,
        spans=[{"start": start, "end": start + 1, "text": "5", "label": "QUANTITY", "value": 5, "unit": '"><script>'}],
    )
    page = render_html(diff_files([gold], [pred]), gold_name="<g>", pred_name="<p>")
    for raw in ("<b>", "<img", "<i>id", '"><script>', "<u>", "<g>", "<p>"):
        assert raw not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&quot;&gt;&lt;script&gt;" in page


@pytest.mark.parametrize(
    "spans",
    [
        [("gold", 0, 10), ("pred", 5, 15)],  # crossing
        [("gold", 5, 15), ("pred", 0, 10)],
        [("gold", 0, 20), ("pred", 5, 10), ("pred", 12, 25)],
        [("gold", 0, 10), ("pred", 0, 10)],  # identical: nested, not cut
        [("gold", 3, 4), ("gold", 4, 9), ("pred", 0, 30)],
    ],
)
def test_diff_html_highlight_keeps_text_and_one_start_per_span(spans) -> None:
    text = "abcdefghij<klmnopq>rstuvwxyz&0123456789"
    marks = [Mark(side, start, end, "ORG", "match", "n", False) for side, start, end in spans]
    html = highlight(text, marks)
    assert unescape(re.sub(r"<[^>]+>", "", html)) == text
    assert html.count("data-side=") == len(spans)
    assert html.count("<span") == html.count("</span>")
    if spans == [("gold", 0, 10), ("pred", 0, 10)]:
        assert "data-cont" not in html


def test_diff_cli_writes_html(app, tmp_path: Path) -> None:
    page = tmp_path / "review.html"
    result = _diff(app, "--html", str(page))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith("art-1: spans 6 gold / 5 predicted")
    assert f"wrote {page} (2 articles)" in result.stderr
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
