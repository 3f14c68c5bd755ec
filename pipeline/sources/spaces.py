"""Keeping the spaces inside numbers through the extractor.

Spanish and Latin-American pages group digits with a no-break space ("6 500
personas", "100 000 GPU"), which the number recogniser reads as one number;
trafilatura turns every kind of space into a plain one, and "6 500" would
be two numbers. So the page's no-break, narrow and thin spaces stand in as
rare visible signs while the extractor runs, and are put back after; a page
that already holds one of those signs is left as it is.
"""

from __future__ import annotations

from lxml import html

_STAND_INS = {"\u00a0": "\u237d", "\u202f": "\u23b5", "\u2009": "\u23b6"}
_BACK = str.maketrans({sign: space for space, sign in _STAND_INS.items()})
_OUT = str.maketrans(_STAND_INS)


def protect(tree: html.HtmlElement) -> bool:
    """Swap the spaces for their stand-ins in place; False if the page cannot be."""
    text = tree.text_content()
    if any(sign in text for sign in _STAND_INS.values()):
        return False
    for element in tree.iter():
        if isinstance(element.text, str):
            element.text = element.text.translate(_OUT)
        if isinstance(element.tail, str):
            element.tail = element.tail.translate(_OUT)
    return True


def restore(text: str | None) -> str | None:
    return text.translate(_BACK) if text else text
