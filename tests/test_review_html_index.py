"""The `afirma diff --html` page for many articles, read as HTML without a
browser: the index worst first with the figures `afirma eval` gives,
differences before agreement, claim marks in the text, Spanish numbers,
cues, and escaping (the Chromium test renders it on 50 articles)."""

from __future__ import annotations

import copy
import re
from html import unescape

import pytest

from pipeline.review.diff import diff_files
from pipeline.review.evaluate import evaluate
from pipeline.review.html import render_html
from pipeline.review.tables import figure
from schemas.models import Article

TEXT = "Meta invertirá entre 15.000 y 20.000 millones de dólares, Google 500 MW y Amazon 2.000 GPU."
CUE = "modality:planned<-invertirá"


def _span(piece: str, label: str, **norm) -> dict:
    start = TEXT.index(piece)
    return {"start": start, "end": start + len(piece), "text": piece, "label": label, **norm}


def _claim(span: dict, **fields) -> dict:
    anchor = {"start": span["start"], "end": span["end"]}
    return {"anchor": anchor, "label": span["label"], "sentence": {"start": 0, "end": len(TEXT)}, **fields}


MONEY = _span("entre 15.000 y 20.000 millones de dólares", "MONEY", low=15e9, high=20e9, unit="USD")
POWER = _span("500 MW", "QUANTITY", value=500, unit="MW")
CHIPS = _span("2.000", "CARDINAL", value=2000)
SPANS = [_span("Meta", "ORG", canonical="Meta"), MONEY, _span("Google", "ORG", canonical="Google"), POWER,
         _span("Amazon", "ORG", canonical="Amazon"), CHIPS]
CLAIMS = [
    _claim(MONEY, low=15e9, high=20e9, unit="USD", subject="Meta", modality="planned"),
    _claim(POWER, value=500, unit="MW", subject="Google"),
    _claim(CHIPS, value=2000, unit="GPU", subject="Amazon"),
]


def _gold(article_id: str) -> dict:
    return {"id": article_id, "text": TEXT, "spans": copy.deepcopy(SPANS), "claims": copy.deepcopy(CLAIMS)}


def _pred(article_id: str, errors: int) -> dict:
    """A prediction with `errors` (0 to 2) kinds of mistake, every claim with a cue."""
    record = _gold(article_id)
    for claim in record["claims"]:
        claim["cues"] = [CUE]
    if errors >= 1:
        record["claims"].pop()  # the GPU claim is missed
        record["claims"][1]["modality"] = "estimated"
    if errors >= 2:
        record["claims"][0]["subject"] = "Google"
        record["spans"][0]["label"] = "PER"
        del record["spans"][4]  # Amazon is missed
    return record


# In file order: the sort has to move every article but the tied last two.
ERRORS = {"perfecta": 0, "media": 1, "mala": 2, "perfecta-2": 0}


@pytest.fixture(scope="module")
def pair() -> tuple[list[Article], list[Article]]:
    gold = [Article.model_validate(_gold(name)) for name in ERRORS]
    pred = [Article.model_validate(_pred(name, errors)) for name, errors in ERRORS.items()]
    return gold, pred


@pytest.fixture(scope="module")
def page(pair) -> str:
    return render_html(diff_files(*pair), gold_name="gold.jsonl", pred_name="pred.jsonl")


def _index_rows(page: str) -> list[list[str]]:
    index = page[page.index('<table class="index">') : page.index("</table>")]
    rows = re.findall(r"<tr><td.*?</tr>", index)
    return [[unescape(re.sub(r"<[^>]+>", "", cell)) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)] for row in rows]


def _section(page: str, article_id: str) -> str:
    start = page.index(f". {article_id}</h2>")
    return page[start : page.index("</section>", start)]


def test_diff_html_index_worst_first_with_eval_figures(pair, page) -> None:
    per_article = evaluate(*pair).as_dict()["per_article"]
    expected = {}
    for scores in per_article:
        fields = scores["claim_fields"].values()
        agree, total = sum(rate["agree"] for rate in fields), sum(rate["total"] for rate in fields)
        pooled = agree / total if total else None
        expected[scores["id"]] = [scores["spans"]["strict"]["ALL"]["f1"], scores["claims"]["f1"], pooled]
    rows = _index_rows(page)
    assert [row[1] for row in rows] == ["mala", "media", "perfecta", "perfecta-2"]
    for row in rows:
        assert row[2:5] == [figure(value) for value in expected[row[1]]]
    assert rows[0][5] == "3 of 3" and rows[2][5] == "0 of 3"


def test_diff_html_overall_figures_are_evals(pair, page) -> None:
    overall = evaluate(*pair).as_dict()["overall"]
    fields = overall["claim_fields"].values()
    pooled = sum(rate["agree"] for rate in fields) / sum(rate["total"] for rate in fields)
    shown = (overall["spans"]["strict"]["ALL"]["f1"], overall["claims"]["f1"], pooled)
    expected = "span F1 {}, claim F1 {}, field agreement {}".format(*(figure(value) for value in shown))
    assert f'<p class="figures">All articles: {expected}</p>' in page


def test_diff_html_sections_follow_the_index(page) -> None:
    links = re.findall(r'<td><a href="#(article-\d+)">([^<]*)</a>', page)
    sections = re.findall(r'<section class="article" id="(article-\d+)">\n<h2>\d+\. ([^<]*)</h2>', page)
    assert links == sections and len(sections) == len(ERRORS)
    assert page.count('href="#index"') == len(ERRORS)


def test_diff_html_differences_first_agreement_folded(page) -> None:
    media = _section(page, "media")
    differing, _, folded = media.partition('<details class="agree">')
    assert "2 of 3 claims differ" in differing
    assert re.findall(r'<tr class="\w+ first" id="(a\d+-c\d+)"', differing) == ["a2-c2", "a2-c3"]
    assert re.findall(r'<tr class="\w+ first" id="(a\d+-c\d+)"', folded) == ["a2-c1"]
    assert "<summary>1 claims agree</summary>" in folded and "<details open" not in page
    perfect = _section(page, "perfecta")
    assert "All 3 claims agree." in perfect and perfect.index("All 3") < perfect.index("<details")


def test_diff_html_claim_disagreements_marked_in_the_text(page) -> None:
    for article_id, marked in (("mala", 3), ("media", 2), ("perfecta", 0)):
        section = _section(page, article_id)
        text = section[section.index('<div class="text">') : section.index("</div>")]
        targets = re.findall(r'<a class="ref cm-ref" href="#(a\d+-c\d+)">c\d+</a>', text)
        assert text.count("data-claim=") == len(targets) == marked
        for target in targets:
            assert f'id="{target}"' in section
    media = _section(page, "media")
    assert 'data-claim="missed" title="claim c3 missed: CARDINAL, 2.000"' in media
    assert 'title="claim c2 differs: modality: gold asserted, pred estimated"' in media


def test_diff_html_numbers_spanish_and_cues_shown(page) -> None:
    assert ">15.000–20.000 millones</td>" in page
    assert 'title="15.000.000.000–20.000.000.000"' in page
    assert "15000000000" not in page and "2000</td>" not in page
    assert f"<code>{CUE.replace('<', '&lt;')}</code>" in page


def test_diff_html_escapes_hostile_claims_and_ids() -> None:
    hostile = "</td><script>alert(1)</script>"
    gold = _gold(f"<b>{hostile}</b>")
    gold["claims"][0]["subject"] = hostile
    pred = _pred(gold["id"], 0)
    pred["claims"][0]["cues"] = [hostile]
    pred["claims"][0]["unit"] = '"><img src=x onerror=alert(2)>'
    page = render_html(
        diff_files([Article.model_validate(gold)], [Article.model_validate(pred)]), gold_name="<g>", pred_name="<p>"
    )
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Content-Security-Policy" in page and "script-src 'none'" in page
    assert not re.search(r"url\(|@import|https?://|<link", page)
