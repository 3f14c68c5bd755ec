"""The Python API: text in, validated `schemas.Article` records out.

    from pipeline import extract
    article = extract("Musk anunció que Colossus tiene 100.000 GPU H100.")

`Extractor` keeps one loaded pipeline for many articles; `extract_many`
streams (id, text, meta) items through `nlp.pipe` in batches and yields the
records in input order. Texts are read through a cleaned view (entities,
invisible characters, CR line ends) and long texts in paragraph-aligned
pieces; every offset in a record indexes the text exactly as it was given.
"""

from __future__ import annotations

import sys
from typing import Any, Iterable, Iterator

from pipeline import __version__
from pipeline.textview import TextView, clean
from pipeline.numbers import number_context
from pipeline.page import read_page
from pipeline.records import ArticleParts
from schemas import Article

COMPONENTS = ("afirma_page", "afirma_names", "afirma_numbers", "afirma_claims")
# Claims read POS, morphology, the parse and entities; lemmas come from
# afirma's own singular rules, so the model's lemmatizer (and the attribute
# ruler that only prepares tags for it) is left out.
UNNEEDED = ("attribute_ruler", "lemmatizer")
PIECE_CHARS = 20_000
# The parser and NER hold a few kilobytes per token of the batch in hand, so
# a batch is bounded by characters as well as by documents: 16 articles are
# about 40,000 characters, and 16 pieces of a 5 MB text would be 320,000
# (over a gigabyte for the bare model alone).
BATCH_CHARS = 80_000
Item = tuple[str, str, "dict[str, Any] | None"]


class Extractor:
    """A loaded spaCy model with afirma's components added.

    Silent by default, as a library should be: `quiet=False` prints the
    model's line on stderr; spaCy's W095 goes to the "afirma" logger (INFO).
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        quiet: bool = True,
        batch_size: int = 16,
        piece_chars: int = PIECE_CHARS,
        batch_chars: int = BATCH_CHARS,
    ):
        from pipeline import components  # noqa: F401  (registers the factories)
        from pipeline.model import load_model, model_label, resolve_model

        self.model_name = resolve_model(model)
        nlp = load_model(self.model_name)
        for name in UNNEEDED:
            if name in nlp.pipe_names:
                nlp.remove_pipe(name)
        self.nlp = add_components(nlp)
        self.model = model_label(self.nlp)
        self.batch_size = batch_size
        self.piece_chars = piece_chars
        self.batch_chars = batch_chars
        if not quiet:
            print(f"afirma: using spaCy model {self.model}", file=sys.stderr)

    def extract(self, text: str, id: str = "article", meta: dict[str, Any] | None = None) -> Article:
        return next(self.extract_many([(id, text, meta)]))

    def extract_many(self, items: Iterable[Item], n_process: int = 1) -> Iterator[Article]:
        """Records in input order; pieces of one long article are put back together."""
        if n_process > 1:
            yield from self._extract_in_processes(items, n_process)
            return
        pending: dict[int, ArticleParts] = {}
        next_out = 0
        for batch in self._batches(self._pieces(items, pending)):
            for doc in self.nlp.pipe(batch, batch_size=len(batch)):
                index = doc.user_data["afirma_article"]
                assembly = pending[index]
                assembly.add(doc)
                while next_out in pending and pending[next_out].complete:
                    yield pending.pop(next_out).article(self.model, __version__)
                    next_out += 1
        while next_out in pending:  # articles with no text produce no docs
            yield pending.pop(next_out).article(self.model, __version__)
            next_out += 1

    def _extract_in_processes(self, items: Iterable[Item], n_process: int) -> Iterator[Article]:
        """spaCy's own `n_process` sends docs back between processes, and the
        components' results on them cannot be serialised; the process pool of
        `pipeline.scale` sends texts out and JSON lines back instead."""
        from pipeline.scale import extract_local

        for outcome in extract_local(items, model=self.model_name, jobs=n_process):
            if outcome.line is None:
                raise RuntimeError(f"article {outcome.id!r}: {outcome.error}")
            yield Article.model_validate_json(outcome.line)

    def _batches(self, docs: Iterable) -> Iterator[list]:
        """At most `batch_size` docs and, past the first, `batch_chars` characters."""
        batch: list = []
        chars = 0
        for doc in docs:
            size = doc.user_data["afirma_chars"]
            if batch and (len(batch) >= self.batch_size or chars + size > self.batch_chars):
                yield batch
                batch, chars = [], 0
            batch.append(doc)
            chars += size
        if batch:
            yield batch

    def _pieces(self, items: Iterable[Item], pending: dict[int, ArticleParts]):
        from pipeline.components import CONTEXT_KEY, PAGE_KEY, remember_text

        for index, (article_id, text, meta) in enumerate(items):
            view = clean(text)
            meta = dict(meta or {})
            # Read on the whole article, so that every piece of a long one agrees.
            page = _with_title(read_page(view.text, meta.get("country")), view.text, meta.get("title"))
            context = number_context(view.text, page.country_info)
            pieces = list(split_pieces(view.text, self.piece_chars)) if view.text.strip() else []
            pending[index] = ArticleParts(article_id, view, _page_meta(meta, page, context), len(pieces))
            for offset, piece in pieces:
                doc = remember_text(self.nlp.make_doc(piece), piece)
                doc.user_data["afirma_article"] = index
                doc.user_data["afirma_offset"] = offset
                doc.user_data["afirma_chars"] = len(piece)
                doc.user_data[PAGE_KEY] = page.window(offset, len(piece))
                doc.user_data[CONTEXT_KEY] = context
                yield doc


def _with_title(page, text: str, title: str | None):
    """A page's title, given with the text as its first line, is a heading
    even when it reads like a sentence ("X invertirá 1.000 millones. El
    problema es la luz"), so it gives spans but no claims."""
    if not title or not text.startswith(title) or (0, len(title)) in page.headings:
        return page
    from dataclasses import replace

    return replace(page, headings=((0, len(title)), *page.headings))


def _page_meta(meta: dict[str, Any], page, context) -> dict[str, Any]:
    """What was decided about the article as a whole, for the record's meta."""
    style = context.style
    meta["country"] = page.country
    # A source that read the country from the page says where ("given: the site's domain ...").
    given_by = meta.get("country_source") if page.country_source == "given" else None
    meta["country_source"] = given_by or page.country_source
    meta["number_style"] = style.name
    meta["number_style_source"] = style.evidence
    meta["dollar_sign"] = context.currency("$DOLLAR")[0]
    return meta


def add_components(nlp):
    """Put afirma's components into a loaded Spanish pipeline (once)."""
    from pipeline import components  # noqa: F401

    if "afirma_terms" not in nlp.pipe_names:
        nlp.add_pipe("afirma_terms", first=True)
    if "afirma_sentences" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("afirma_sentences", before="parser")
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


def split_pieces(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """Cut at paragraph ends, else sentence ends, else spaces, never inside a word.

    A claim never crosses a piece boundary because claims live inside a
    sentence and sentences end at line breaks.
    """
    start = 0
    length = len(text)
    while start < length:
        end = min(start + limit, length)
        if end < length:
            window = text[start:end]
            cut = window.rfind("\n")
            if cut < limit // 4:
                cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
                cut = cut + 1 if cut >= limit // 4 else window.rfind(" ")
            if cut <= 0:
                cut = len(window)
            end = start + cut + (1 if text[start + cut : start + cut + 1] == "\n" else 0)
        yield start, text[start:end]
        start = end


_EXTRACTORS: dict[str | None, Extractor] = {}


def get_extractor(model: str | None = None) -> Extractor:
    """One extractor per model and process."""
    if model not in _EXTRACTORS:
        _EXTRACTORS[model] = Extractor(model)
    return _EXTRACTORS[model]


def extract(text: str, id: str = "article", meta: dict[str, Any] | None = None, model: str | None = None) -> Article:
    """Extract one article's spans and claims."""
    return get_extractor(model).extract(text, id, meta)


def extract_many(items: Iterable[Item], model: str | None = None) -> Iterator[Article]:
    """Extract (id, text, meta) items in order, streaming."""
    return get_extractor(model).extract_many(items)
