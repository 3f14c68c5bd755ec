"""`afirma show`: predictions without a gold file, on the terminal and as a
page; and the Spanish number format both use. No browser needed (the
Chromium test renders the page on 50 articles)."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from pipeline.review import spanish
from pipeline.review.loading import load_jsonl
from pipeline.review.show import render_show
from pipeline.review.show_text import render_show_text
from schemas.models import Article

ROOT = Path(__file__).resolve().parent.parent
CORPUS = (ROOT / "corpus" / "gold.jsonl", ROOT / "corpus" / "press" / "gold.jsonl")
TEXT = "Según Reuters, Microsoft invertirá unos 80.000 millones de dólares en centros de datos en 2025."
HOSTILE = "<script>alert(1)</script> & \"comillas\" <img src=x onerror=alert(2)> 5 GPU"


def _span(text: str, piece: str, label: str, **norm) -> dict:
    start = text.index(piece)
    return {"start": start, "end": start + len(piece), "text": piece, "label": label, **norm}


def _claim(span: dict, text: str, **fields) -> dict:
    return {
        "anchor": {"start": span["start"], "end": span["end"]},
        "label": span["label"],
        "sentence": {"start": 0, "end": len(text)},
        **fields,
    }


def _example(**extra) -> Article:
    money = _span(TEXT, "unos 80.000 millones de dólares", "MONEY", value=80_000_000_000, approx=True, unit="USD")
    spans = [
        _span(TEXT, "Reuters", "ORG", canonical="Reuters"),
        _span(TEXT, "Microsoft", "ORG", canonical="Microsoft"),
        money,
        _span(TEXT, "2025", "DATE", value="2025"),
    ]
    claim = _claim(
        money, TEXT, value=80_000_000_000, approx=True, unit="USD", subject="Microsoft", orgs=["Microsoft"],
        modality="planned", source="Reuters", date="2025", cues=["source<-according:Según", "modality:planned<-invertirá"],
        **extra,
    )
    return Article(id="ejemplo", text=TEXT, spans=spans, claims=[claim])


def _hostile() -> Article:
    number = _span(HOSTILE, "5", "CARDINAL", value=5)
    claim = _claim(number, HOSTILE, value=5, unit="<b>GPU</b>", subject="</dd><script>x</script>", cues=['"><script>'])
    return Article(id="<i>id</i>", text=HOSTILE, spans=[number], claims=[claim])


def _corpus() -> list[Article]:
    return [entry.article for path in CORPUS for entry in load_jsonl(path).articles]


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (15_000_000_000, "15.000 millones"),
        (1_000_000, "1 millón"),
        (1_200_000_000_000, "1,2 billones"),
        (1_125_000, "1,125 millones"),
        (1_234_567, "1.234.567"),  # no round number of millones: every digit
        (100_000, "100.000"),
        (2500, "2.500"),
        (30.2, "30,2"),
        (0.6667, "0,6667"),
        (-5, "-5"),
        (0, "0"),
        (None, "—"),
    ],
)
def test_show_spanish_number(value, shown: str) -> None:
    assert spanish.number(value) == shown


class _Amount:
    def __init__(self, value=None, low=None, high=None, approx=False) -> None:
        self.value, self.low, self.high, self.approx = value, low, high, approx


@pytest.mark.parametrize(
    ("record", "shown", "exact"),
    [
        (_Amount(low=15e9, high=20e9), "15.000–20.000 millones", "15.000.000.000–20.000.000.000"),
        (_Amount(low=800e6, high=1.2e12), "800 millones–1,2 billones", "800.000.000–1.200.000.000.000"),
        (_Amount(value=80e9, approx=True), "~80.000 millones", "~80.000.000.000"),
        (_Amount(low=100_000), "≥ 100.000", "≥ 100.000"),
        (_Amount(high=2.5), "≤ 2,5", "≤ 2,5"),
        (_Amount(low=2, high=6, approx=True), "~2–6", "~2–6"),
    ],
)
def test_show_spanish_amount(record, shown: str, exact: str) -> None:
    assert spanish.amount(record) == shown
    assert spanish.amount(record, spanish.digits) == exact


def test_show_text_article_then_one_line_per_claim() -> None:
    out = render_show_text([_example(confidence=0.825)]).splitlines()
    assert out[0] == "== 1. ejemplo: 4 spans, 1 claims"
    assert out[1] == "  " + TEXT
    assert out[-1] == (
        "  c1   MONEY     «unos 80.000 millones de dólares» = ~80.000 millones USD · planned · subject Microsoft"
        " · source Reuters · date 2025 · orgs Microsoft · confidence 82,5 %"
        " · cues: source<-according:Según; modality:planned<-invertirá"
    )


class _Page(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.elements: list[dict[str, str | None]] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.elements.append({"tag": tag, **dict(attrs)})

    def having(self, name: str) -> list[dict[str, str | None]]:
        return [element for element in self.elements if name in element]


def test_show_html_escapes_hostile_text_and_runs_nothing() -> None:
    page = render_show([_hostile()], names=["<pred>.jsonl"])
    for raw in ("<script", "<img", "<b>GPU", "<i>id", "<pred>", '"><script>'):
        assert raw not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;/dd&gt;&lt;script&gt;x&lt;/script&gt;" in page
    parsed = _Page(page)
    assert not {"script", "img", "link", "iframe", "object", "embed"} & set(parsed.tags)
    assert "Content-Security-Policy" in page and "script-src 'none'" in page and "default-src 'none'" in page


def test_show_html_every_claim_has_its_card() -> None:
    articles = _corpus()
    parsed = _Page(render_show(articles, names=["gold.jsonl"]))
    cards = [element for element in parsed.elements if element["tag"] == "article"]
    assert len(articles) == sum(1 for path in CORPUS for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    assert len(cards) == sum(len(article.claims) for article in articles)
    assert len({card["id"] for card in cards}) == len(cards)
    # One highlighted element per span, every claim's number linked to its card.
    assert len(parsed.having("data-label")) == sum(len(article.spans) for article in articles)
    refs = {element["href"][1:] for element in parsed.elements if element.get("class") == "ref"}
    assert refs == {card["id"] for card in cards}


def test_show_html_index_links_every_article_in_order() -> None:
    articles = _corpus()
    page = render_show(articles, names=["gold.jsonl"])
    index = page[page.index('<table class="index">') : page.index("</table>")]
    assert re.findall(r'href="#(article-\d+)">([^<]*)<', index) == [
        (f"article-{n}", article.id) for n, article in enumerate(articles, start=1)
    ]
    assert '<table class="index">' not in render_show(articles[:1], names=["one.jsonl"])


def test_show_html_card_fields_and_confidence_when_present() -> None:
    page = render_show([_example(confidence=0.825, field_confidence={"subject": 0.4, "source": 0.9})], names=["p"])
    card = unescape(page[page.index('<article class="card"') :])
    for shown in ("«unos 80.000 millones de dólares»", "~80.000 millones", "USD", "Microsoft", "planned", "Reuters",
                  "2025", "82,5 %", "source<-according:Según", 'title="~80.000.000.000"'):
        assert shown in card
    assert '<dd title="confidence 40 %" class="doubt">Microsoft</dd>' in card
    plain = render_show([_example()], names=["gold"])
    assert "confidence" not in plain and "doubt\"" not in plain


def test_show_html_span_tooltips_name_canonical_and_value() -> None:
    page = unescape(render_show([_example()], names=["p"]))
    assert 'title="MONEY · ~80.000 millones USD"' in page
    assert 'title="ORG · Microsoft"' in page
    assert 'title="DATE · 2025"' in page


@pytest.fixture
def app() -> typer.Typer:
    from pipeline.cli.review import register

    app = typer.Typer()
    register(app)
    return app


def _write(path: Path, *articles: Article) -> Path:
    path.write_text("".join(article.model_dump_json() + "\n" for article in articles), encoding="utf-8")
    return path


def test_show_cli_prints_articles_from_several_files(app, tmp_path: Path) -> None:
    first = _write(tmp_path / "a.jsonl", _example())
    second = _write(tmp_path / "b.jsonl", _hostile())
    result = CliRunner().invoke(app, ["show", str(first), str(second)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "== 1. ejemplo: 4 spans, 1 claims"
    assert "== 2. <i>id</i>: 1 spans, 1 claims" in lines  # the terminal gets the text as it is


def test_show_cli_writes_html(app, tmp_path: Path) -> None:
    records, page = _write(tmp_path / "p.jsonl", _example(), _hostile()), tmp_path / "show.html"
    result = CliRunner().invoke(app, ["show", str(records), "--html", str(page)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"wrote {page} (2 articles, 2 claims)" in result.stderr
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and not re.search(r"url\(|@import|https?://|<link", html)


def test_show_cli_unreadable_file_exits_2(app, tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text(json.dumps({"id": "x"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["show", str(broken)])
    assert result.exit_code == 2
    assert "no article could be read from the input file" in result.stderr
