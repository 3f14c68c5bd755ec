"""A saved or fetched news page as an article: its main text and what the page says of itself.

The main text is taken out by trafilatura, after `boilerplate` has removed
the furniture that Spanish-language templates name in their own words. We
compared three well-kept extractors on the pages in `tests/data/html/` (six
layouts of Spanish and Latin-American outlets with menus, tickers, related
links inside the body, captions, comments, cookie and paywall layers; 31
body paragraphs and 105 pieces of furniture, checked by string):

| extractor                      | body kept | furniture kept | with `boilerplate` first | metadata               |
|--------------------------------|-----------|----------------|--------------------------|------------------------|
| trafilatura 2.3.1              | 31 / 31   | 15 / 105       | 31 / 31, 1 / 105         | title, date, site, url |
| trafilatura, favor_precision   | 31 / 31   | 11 / 105       | 31 / 31, 0 / 105         | title, date, site, url |
| readability-lxml 0.9           | 31 / 31   | 22 / 105       | 31 / 31, 6 / 105         | title only             |
| jusText 3.0.2 (Spanish list)   | 29 / 31   |  3 / 105       | 31 / 31, 7 / 105         | none                   |

jusText alone leaks least but drops short body paragraphs (a one-sentence
paragraph with a figure looks like boilerplate to it) and reads no
metadata; readability keeps bylines, tag lists, photo credits and paywall
notices. All three took 3 to 4 ms a page. trafilatura in precision mode
keeps the whole body and brings the page's title, date (through htmldate)
and site name; what it leaked were comment sections named in Spanish and
"Lee también" / "Más información" links inside the body, which is what
`boilerplate` removes. Precision mode keeps a standfirst less often (2 of
5 against 3 of 5): a heading, which gives spans but no claims, is the
cheaper loss. Captions trafilatura drops; one an extractor kept would be
article text.

The record's text is the page's title on the first line, then the
extracted paragraphs one a line; `meta` gets title, url, outlet,
published, language, the extractor and its version, and the country when
the site's domain or locale tells it (passed as given, see `pagemeta`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from lxml import etree, html

from pipeline.sources import spaces
from pipeline.sources.base import Loaded, ReadError
from pipeline.sources.boilerplate import remove_boilerplate
from pipeline.sources.charset import decode_page
from pipeline.sources.lines import article_lines, squeeze
from pipeline.sources.pagemeta import PageFacts, host_name, page_country, page_facts

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


@lru_cache(maxsize=1)
def extractor_name() -> str:
    import trafilatura

    return f"trafilatura=={trafilatura.__version__}"


def read_page(data: bytes, *, url: str | None = None, charset: str | None = None, encoding: str | None = None) -> Loaded:
    """The article in a page's bytes; `charset` is what the server said, `encoding` forces one."""
    decoded = decode_page(data, charset, encoding)
    tree = _parse(decoded.text)
    facts = page_facts(tree, url)
    remove_boilerplate(tree)
    protected = spaces.protect(tree)
    document = _extract(tree, facts.url or url)
    if protected:
        document.text, document.title = spaces.restore(document.text), spaces.restore(document.title)
    title = _title(document, facts)
    text = _article_text(document, facts, title)
    meta = _meta(document, facts, title, text) | {"encoding": decoded.encoding}
    return Loaded(text, meta, decoded.warning)


def _article_text(document, facts: PageFacts, title: str | None) -> str:
    """The title, the standfirst where the extractor dropped it, then the body."""
    body = article_lines(document.text or "", title)
    if not body:
        raise ReadError("no article text found in the page (an index, a gallery or a login wall?)")
    if facts.standfirst and facts.standfirst not in body and facts.standfirst != title:
        body.insert(0, facts.standfirst)
    return "\n".join([title, *body]) if title else "\n".join(body)


def _parse(text: str) -> html.HtmlElement:
    try:
        tree = html.document_fromstring(_XML_DECLARATION.sub("", text, count=1))
    except (etree.ParserError, ValueError) as error:
        raise ReadError(f"not an HTML page: {error}") from None
    if tree is None or not len(tree):
        raise ReadError("not an HTML page: nothing to parse")
    return tree


def _extract(tree: html.HtmlElement, url: str | None):
    import trafilatura

    document = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, favor_precision=True, include_comments=False,
        include_tables=True, include_images=False, include_links=False, deduplicate=False,
    )
    if document is None:
        raise ReadError("no article text found in the page (an index, a gallery or a login wall?)")
    return document


def _title(document, facts: PageFacts) -> str | None:
    """The headline as the page shows it, else the title its metadata gives."""
    lead = [squeeze(line) for line in (document.text or "").split("\n")[:4]]
    if facts.headline and facts.headline in lead:
        return facts.headline
    return _one_line(document.title) or facts.headline


def _meta(document, facts: PageFacts, title: str | None, text: str) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "title": title,
        "url": facts.url or document.url,
        "outlet": facts.outlet or _one_line(document.sitename) or host_name(facts.url or document.url),
        "published": document.date,
        "extractor": extractor_name(),
    }
    if facts.language:
        meta["language"] = facts.language
    country = page_country(facts)
    if country.code and not (country.weak and _text_names_a_country(text)):
        meta["country"], meta["country_source"] = country.code, country.evidence
    return {key: value for key, value in meta.items() if value}


def _text_names_a_country(text: str) -> bool:
    from pipeline.page.country import infer_country

    return infer_country(text).country is not None


def _one_line(value: str | None) -> str | None:
    return squeeze(value) if value else None
