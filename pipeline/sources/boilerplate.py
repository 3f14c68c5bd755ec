"""Taking page furniture out of a parsed page before the extractor reads it.

trafilatura removes what English-language templates call comments, shares
and related links; Spanish-language sites name them otherwise
(`comentarios`, `le-puede-interesar`, `didomi-host`), and put "Lee también"
links and "Más información" boxes inside the article body, where no class
name gives them away. Two rules cover both, with their tables in
`data/boilerplate.json`: elements named as furniture, and blocks that are
lists of links. Neither ever removes the element that holds the headline,
nor one that holds most of the page's paragraphs.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from lxml import html

_NEVER = {"html", "body", "main", "article", "head"}
_BLOCKS = ("p", "div", "section", "aside", "ul", "ol", "li", "nav", "header", "footer", "form")


@lru_cache(maxsize=1)
def _tables() -> tuple[re.Pattern, float, int]:
    raw = resources.files("pipeline.sources").joinpath("data").joinpath("boilerplate.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    names = "|".join(name for group in data["names"].values() for name in group)
    named = re.compile(rf"(?:^|[\s_-])(?:{names})(?:$|[\s_-])", re.IGNORECASE)
    return named, data["links"]["min_link_share"], data["links"]["max_other_words"]


def remove_boilerplate(tree: html.HtmlElement) -> int:
    """Remove furniture from `tree` in place; returns how many elements went."""
    named, _, _ = _tables()
    paragraphs = _text_length(tree.xpath("//p"))
    doomed: list[html.HtmlElement] = []
    for element in tree.iter(_BLOCKS + ("span", "dialog", "iframe")):
        if _inside(element, doomed):
            continue
        furniture = named.search(f"{element.get('class', '')} {element.get('id', '')}") or _link_list(element)
        if furniture and _removable(element, paragraphs):
            doomed.append(element)
    for element in doomed:
        element.drop_tree()
    return len(doomed)


def _removable(element: html.HtmlElement, paragraphs: int) -> bool:
    if element.tag in _NEVER or element.xpath(".//h1"):
        return False
    # A template that names its article body "comments-enabled" must not lose it.
    return not paragraphs or _text_length(element.xpath(".//p")) <= 0.6 * paragraphs


def _link_list(element: html.HtmlElement) -> bool:
    if element.tag not in _BLOCKS:
        return False
    _, min_share, max_other = _tables()
    text = " ".join(element.text_content().split())
    links = " ".join(" ".join(a.text_content().split()) for a in element.iter("a"))
    if not links or not text:
        return False
    other_words = len(text.split()) - len(links.split())
    return len(links) >= min_share * len(text) and other_words <= max_other


def _inside(element: html.HtmlElement, doomed: list[html.HtmlElement]) -> bool:
    # Elements come in document order, so only the last one taken can hold this one.
    return bool(doomed) and any(ancestor is doomed[-1] for ancestor in element.iterancestors())


def _text_length(elements) -> int:
    return sum(len(" ".join(e.text_content().split())) for e in elements)
