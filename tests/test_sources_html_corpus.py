"""The in-house HTML pages (corpus/html): what a saved page gives against the same article as text."""

from __future__ import annotations

import importlib.util
import json

import pytest

from conftest import ROOT
from pipeline.review.evaluate import evaluate
from schemas import Article

pytestmark = pytest.mark.model

HTML = ROOT / "corpus" / "html"
_spec = importlib.util.spec_from_file_location("html_gold", ROOT / "scripts" / "html_gold.py")
html_gold = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(html_gold)


def _records(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def pages(extractor):
    from pipeline.sources.html import read_page

    manifest = json.loads((HTML / "manifest.json").read_text(encoding="utf-8"))
    items = []
    for page in manifest:
        loaded = read_page((HTML / "pages" / f"{page['id']}.html").read_bytes(), url=page["url"])
        items.append((page["id"], loaded.text, loaded.meta))
    return manifest, {a.id: a for a in extractor.extract_many(items)}


def test_sources_html_corpus_gives_nothing_from_page_furniture(pages):
    """Every span past the title line has its counterpart in the wrapped article's text."""
    manifest, predicted = pages
    articles = {r["id"]: r["text"] for path in html_gold.GOLD.values() for r in _records(path)}
    for page in manifest:
        record = predicted[page["id"]]
        mapping = html_gold.offset_map(record.text, articles[page["article"]])
        title_end = record.text.find("\n")
        stray = [s.text for s in record.spans if s.start > title_end and html_gold.moved(s.start, s.end, mapping) is None]
        assert not stray, (page["id"], stray)
        assert all(getattr(record.meta, key) for key in ("outlet", "published", "title")), page["id"]


def test_sources_html_corpus_scores_as_the_same_articles_as_text(pages, extractor):
    manifest, predicted = pages
    html = [Article.model_validate(r) for r in _records(HTML / "gold.jsonl")]
    html_f1 = evaluate(html, [predicted[a.id] for a in html]).metrics()["claim_f1"]
    wrapped = {page["article"] for page in manifest}
    text = [Article.model_validate(r) for path in html_gold.GOLD.values() for r in _records(path) if r["id"] in wrapped]
    text_f1 = evaluate(text, list(extractor.extract_many([(a.id, a.text, {}) for a in text]))).metrics()["claim_f1"]
    assert abs(html_f1 - text_f1) <= 0.01, (html_f1, text_f1)
