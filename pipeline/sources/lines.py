"""The lines an extractor keeps that are not the article's, dropped by line.

Inside an article container sit things no class name gives away: a kicker
or the outlet's name above the headline, a desk's sign-off below the body
("REDACCIÓN ECONOMÍA"), a machine-translation notice, a copyright line, a
"Lee también" link. The article starts at its headline, so short lines
before it go; the rest are told by the page-furniture patterns the
pipeline already reads text with (`pipeline/page/data/furniture.json`)
and the notices in `data/boilerplate.json`, taken only for a whole, short line, and for kinds that could match a
sentence ("Más de 2.000 empleos: ...") only when the line has no final
stop, as a link or label has none.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

# Furniture kinds that a whole short line can be dropped for.
_DROPPED = {"copyright", "translation_notice", "reading_time", "share", "advert", "cookies", "subscribe", "related", "tags"}
_NEED_NO_STOP = {"related", "tags", "subscribe"}
_MAX_WORDS = 40
_LEAD_LINES = 4  # how far down the headline may sit below kickers
_SIGN_OFF = re.compile(r"^[A-ZÁÉÍÓÚÑÜ .()/-]{2,60}$")
_FINAL_STOP = re.compile(r"[.!?…][\"”»’')\]]*$")
# Not the no-break spaces: "100 000" keeps its group separator.
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANKS = re.compile(r"[ \t\n\r\f\v]+")


def squeeze(text: str) -> str:
    """One line with single spaces, its no-break spaces kept."""
    return _BLANKS.sub(" ", text).strip(" ")


def article_lines(text: str, title: str | None) -> list[str]:
    """The extracted text as article lines, the title not among them."""
    lines = [line for line in (_SPACES.sub(" ", raw).strip(" ") for raw in text.split("\n")) if line]
    lines = _from_headline(lines, title)
    while lines and _SIGN_OFF.match(lines[-1]) and len(lines[-1].split()) <= 4:
        lines.pop()
    return _without_furniture(lines)


def _from_headline(lines: list[str], title: str | None) -> list[str]:
    if not title or title not in lines[:_LEAD_LINES]:
        return lines
    at = lines.index(title)
    if all(len(line.split()) < 15 for line in lines[:at]):
        return lines[at + 1 :]
    return lines[:at] + lines[at + 1 :]


def _without_furniture(lines: list[str]) -> list[str]:
    from pipeline.page.furniture import read_layout

    text = "\n".join(lines)
    whole = {(start, end): kind for start, end, kind in read_layout(text).furniture}
    kept, offset = [], 0
    for line in lines:
        kind = whole.get((offset, offset + len(line)))
        offset += len(line) + 1
        if len(line.split()) <= _MAX_WORDS and (_furniture(kind, line) or _notice(line)):
            continue
        kept.append(line)
    return kept


def _furniture(kind: str | None, line: str) -> bool:
    return kind in _DROPPED and not (kind in _NEED_NO_STOP and _FINAL_STOP.search(line))


def _notice(line: str) -> bool:
    return any(pattern.search(line) for pattern in _notices())


@lru_cache(maxsize=1)
def _notices() -> tuple[re.Pattern, ...]:
    raw = resources.files("pipeline.sources").joinpath("data").joinpath("boilerplate.json").read_text(encoding="utf-8")
    return tuple(re.compile(pattern, re.IGNORECASE) for pattern in json.loads(raw)["notice_lines"])
