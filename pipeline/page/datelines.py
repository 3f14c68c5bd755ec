"""Datelines: where and when a piece was filed ("BOGOTÁ, 18 feb (EFE).-").

A dateline opens a body line: a place (in capitals, or followed by the
agency in brackets), perhaps a date or region after a comma, perhaps the
agency, and a dash (or, after a place in capitals alone, a period). Its date is the filing date, which dates no claim, and
its agency is the article's own voice, which is no claim's source.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from pipeline.page.furniture import lines_of
from pipeline.page.places import as_written, gazetteer

_PLACE = r"(?P<place>[A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚÑáéíóúñü'.]*(?:[ \u00a0]+(?:de|del|la|las|los|y|[A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚÑáéíóúñü'.]*)){0,4})"
_DATELINE = re.compile(
    r"^" + _PLACE
    + r"(?:[ \u00a0]*\((?P<region>[A-ZÁÉÍÓÚÑ][^()\n]{0,25})\))?"
    + r"(?:,[ \u00a0]*(?P<rest>[^()\n—–]{1,40}?))?"
    # "(EFE)", or a release wire's "/PRNewswire/ --"
    + r"[ \u00a0]*(?:\((?P<agency>[A-ZÁÉÍÓÚÑ][^()\n]{1,30})\)|/(?P<wire>[A-ZÁÉÍÓÚÑ][\w ]{1,30})/)?"
    # "TEGUCIGALPA. La empresa...": a place in capitals may close with a bare period
    + r"[ \u00a0]*\.?[ \u00a0]*(?P<dash>\.?-+|—|–|(?<=[A-ZÁÉÍÓÚÑ])\.(?=[ \u00a0]+[A-ZÁÉÍÓÚÑ¿¡\"“«]))[ \u00a0]*"
)


def find_datelines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, place) of each dateline, from the line start to after its dash."""
    found = []
    for line in lines_of(text):
        match = _DATELINE.match(line.text)
        if match and _is_dateline(match):
            found.append((line.start, line.start + match.end(), match.group("place")))
    return found


def _is_dateline(match: re.Match) -> bool:
    place = match.group("place")
    letters = [c for c in place if c.isalpha()]
    shouting = len(letters) >= 3 and all(c.isupper() for c in letters)
    if len(place.split()) > 4 or place.lower().startswith(("por ", "foto")):
        return False
    if match.group("dash") == ".":  # "TEGUCIGALPA. La empresa", not a kicker ("EXCLUSIVA. El grupo")
        return shouting and not match.group("rest") and (gazetteer().is_place(as_written(place)) or _lone_town(place))
    return shouting or match.group("agency") is not None or match.group("wire") is not None


def _lone_town(place: str) -> bool:
    """'VILLALPANDO. El campus...': one word in capitals that is no kicker
    is the town the piece was filed from, however small; 'M. J. R.' initials
    and 'C.I.' abbreviations hold dots of their own."""
    return " " not in place and "." not in place and len(place) >= 4 and place not in _kickers()


@lru_cache(maxsize=1)
def _kickers() -> frozenset[str]:
    raw = resources.files("pipeline.page").joinpath("data").joinpath("kickers.json").read_text(encoding="utf-8")
    return frozenset(json.loads(raw)["kickers"])
