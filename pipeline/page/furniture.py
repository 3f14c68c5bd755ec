"""Which parts of a scraped page are not the article, and which lines are headings.

Pages reach afirma as text with one paragraph a line: the headline first,
then whatever the scraper kept (breadcrumbs, bylines, time stamps, share
counts, photo credits, "Lee también" links, tag lists, cookie notices).
None of that furniture is article text: it gives no span and no claim. A
heading (the headline, the standfirst, a sub-heading) is article text that
gives spans but no claims. The patterns are data (`data/furniture.json`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterator

# A body paragraph ends with a stop (closing quotes or brackets may follow).
_FINAL_STOP = re.compile(r"[.!?…:;][\"”»’')\]]*\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-•*–·]|\d{1,2}[.)])\s+")
# A stop, then a capitalised word that is not an abbreviation's next part ("EE. UU.").
# A sentence that ends inside the line, before another or before a post's
# signature ("... el doble. — Elon Musk (@elonmusk) 2 de septiembre de 2024").
_SENTENCE_INSIDE = re.compile(r"[a-záéíóúñ0-9)][.!?…][\"”»’')]*\s+(?:[—–]\s*)?[¿¡«“\"(]*[A-ZÁÉÍÓÚÑ][a-záéíóúñ]")
_BODY_WORDS = 15
_HEADING_WORDS = 60


@dataclass(frozen=True)
class Line:
    start: int  # offset of the first non-space character
    end: int  # offset after the last non-space character
    text: str


@dataclass(frozen=True)
class FurnitureTables:
    lines: tuple[tuple[str, re.Pattern], ...]
    top_lines: tuple[tuple[str, re.Pattern], ...]
    block_headers: re.Pattern
    inline: tuple[tuple[str, re.Pattern], ...]


@lru_cache(maxsize=1)
def tables() -> FurnitureTables:
    raw = resources.files("pipeline.page").joinpath("data").joinpath("furniture.json").read_text(encoding="utf-8")
    data = json.loads(raw)

    def compiled(group: dict) -> tuple[tuple[str, re.Pattern], ...]:
        return tuple((kind, re.compile(p, re.IGNORECASE)) for kind, patterns in group.items() for p in patterns)

    return FurnitureTables(
        lines=compiled(data["lines"]),
        top_lines=compiled(data["top_lines"]),
        block_headers=re.compile("|".join(f"(?:{p})" for p in data["block_headers"]), re.IGNORECASE),
        # Inline credits are told apart by their capitals: matched as written.
        inline=tuple((kind, re.compile(p)) for kind, patterns in data["inline"].items() for p in patterns),
    )


def lines_of(text: str) -> Iterator[Line]:
    offset = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = offset + (len(raw) - len(raw.lstrip()))
            yield Line(start, start + len(stripped), stripped)
        offset += len(raw) + 1


@dataclass(frozen=True)
class Layout:
    """Character ranges of one text: furniture (with its kind), and heading lines."""

    furniture: tuple[tuple[int, int, str], ...]
    headings: tuple[tuple[int, int], ...]


def read_layout(text: str) -> Layout:
    t = tables()
    furniture: list[tuple[int, int, str]] = []
    headings: list[tuple[int, int]] = []
    lines = list(lines_of(text))
    # Bylines and time stamps come before the body; a text with no body
    # paragraph (a single sentence, a note) has no such top.
    in_top, in_block = any(_is_body(line.text) for line in lines), False
    for line in lines:
        kind = _line_kind(line.text, t, in_top) or (_block_kind(line.text) if in_block else None)
        if kind:
            furniture.append((line.start, line.end, kind))
            in_block = in_block or bool(t.block_headers.fullmatch(line.text))
            continue
        in_block = False
        kept = _without_inline(line, t, furniture)
        if _is_body(kept):
            in_top = False
        elif _is_heading(kept):
            headings.append((line.start, line.end))
    return Layout(tuple(furniture), tuple(headings))


def _line_kind(text: str, t: FurnitureTables, in_top: bool) -> str | None:
    for kind, pattern in t.lines:
        if pattern.search(text):
            return kind
    # a body paragraph that mentions an hour, or a live blog's entry title ("19:40 h | Cenace levanta
    # la emergencia"), is no time stamp however near the top it stands
    if in_top and len(text.split()) < _TOP_LINE_WORDS and not _ENTRY_TITLE.match(text):
        for kind, pattern in t.top_lines:
            # A byline has no stop; a time stamp may end in one ("07:45 hrs.").
            if pattern.search(text) and (kind == "timestamp" or not _FINAL_STOP.search(text)):
                return kind
    return None


_TOP_LINE_WORDS = 30  # a byline with its date and hour is shorter; a paragraph "a las 19:32 horas" longer
_ENTRY_TITLE = re.compile(r"\d{1,2}[:.]\d{2}\s*(?:h|hrs?\.?|horas)?\s*[|·–—-]\s*\S+(?:\s+\S+){2,}")


def _block_kind(text: str) -> str | None:
    """Inside a list of related stories or tags: short lines with no stop."""
    if _FINAL_STOP.search(text) or len(text.split()) > 25:
        return None
    return "list"


def _without_inline(line: Line, t: FurnitureTables, furniture: list) -> str:
    """The line without its credits and links, which are added to `furniture`."""
    kept = line.text
    for kind, pattern in t.inline:
        for match in pattern.finditer(line.text):
            if match.group().strip():
                furniture.append((line.start + match.start(), line.start + match.end(), kind))
                kept = kept.replace(match.group(), " " * len(match.group()))
    return kept.strip()


def _is_body(text: str) -> bool:
    return bool(_FINAL_STOP.search(text)) and len(text.split()) >= _BODY_WORDS


def _is_heading(text: str) -> bool:
    """A line with no final stop that is not a list item and starts as a title
    does, with no sentence ending inside it (a pasted post that ends with its
    date is body text)."""
    if not text or _FINAL_STOP.search(text) or _LIST_ITEM.match(text) or _SENTENCE_INSIDE.search(text):
        return False
    first = text.lstrip("¿¡«“\"'(")[:1]
    return (first.isupper() or first.isdigit()) and len(text.split()) <= _HEADING_WORDS
