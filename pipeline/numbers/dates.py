"""Calendar dates: '2 de septiembre de 2024', 'marzo de 2025', '7 feb',
'12 marzo 2025', 'años 90', a bare year where the text makes it one."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipeline.numbers.lexicon import GAP1
from pipeline.numbers.match import NumberMatch
from pipeline.numbers.units import unit_after

if TYPE_CHECKING:
    from pipeline.numbers.recognizer import Scanner

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?!\d)")
_SLASH_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
_YEAR = re.compile(r"(\d{4})(?!\d)(?![.,]\d)(?![^\W\d_])")
_DAY = re.compile(r"(\d{1,2})(?!\d)\.?")  # "1. julio 2027": a German ordinal day, kept by pages translated from German
_DE = re.compile(GAP1 + r"de" + GAP1, re.IGNORECASE)
_DE_OR_DEL = re.compile(GAP1 + r"(?:de|del)" + GAP1, re.IGNORECASE)
_GAP = re.compile(GAP1)
_NEXT_WORD = re.compile(GAP1 + r"([^\W\d_]+)")
_DECADE = re.compile(r"(?<![^\W\d_])años" + GAP1 + r"(?:(\d{2}|\d{4})(?!\d)|(?P<word>[a-z]+))", re.IGNORECASE)


def date_at(sc: "Scanner", pos: int, kind: str) -> NumberMatch | None:
    if kind == "month":
        return _month_year(sc, pos)
    if kind == "decade":
        return _decade(sc, pos)
    if kind != "digits" or not _free_before(sc.text, pos):
        return None
    for reader in (_iso, _slash, _day_month, _bare_year):
        found = reader(sc, pos)
        if found:
            return found
    return None


def _date(sc: "Scanner", start: int, end: int, value: str, rule: str) -> NumberMatch:
    return NumberMatch(start, end, sc.text[start:end], "DATE", value=value, rule=rule)


def _month_year(sc: "Scanner", pos: int) -> NumberMatch | None:
    """'marzo de 2025', 'marzo 2025'."""
    month = sc.lex.month_re.match(sc.text, pos)
    joint = _DE_OR_DEL.match(sc.text, month.end()) or _GAP.match(sc.text, month.end())
    year = joint and year_at(sc, joint.end())
    if not year:
        return None
    number = sc.lex.months[month.group().lower()]
    return _date(sc, pos, year[1], f"{year[0]:04d}-{number:02d}", "date:month-year")


def _decade(sc: "Scanner", pos: int) -> NumberMatch | None:
    """'años 90' is 1990, 'años 2000' 2000, 'años noventa' 1990."""
    match = _DECADE.match(sc.text, pos)
    if not match:
        return None
    if match.group("word"):
        tens = sc.lex.decade_words.get(match.group("word").lower())
        if tens is None:
            return None
        year = 1900 + tens
    else:
        digits = match.group(1)
        year = int(digits) if len(digits) == 4 else 1900 + int(digits)
        if len(digits) == 2 and int(digits) % 10 or len(digits) == 4 and year % 10:
            return None
    return _date(sc, pos, match.end(), f"{year:04d}", "date:decade")


def _iso(sc: "Scanner", pos: int) -> NumberMatch | None:
    iso = _ISO_DATE.match(sc.text, pos)
    if iso:
        y, m, d = (int(g) for g in iso.groups())
        if 1 <= m <= 12 and 1 <= d <= 31:
            return _date(sc, pos, iso.end(), f"{y:04d}-{m:02d}-{d:02d}", "date:iso")
    return None


def _slash(sc: "Scanner", pos: int) -> NumberMatch | None:
    slash = _SLASH_DATE.match(sc.text, pos)
    if slash:
        d, m, y = (int(g) for g in slash.groups())
        if 1 <= m <= 12 and 1 <= d <= 31:
            return _date(sc, pos, slash.end(), f"{y:04d}-{m:02d}-{d:02d}", "date:slash")
    return None


def _day_month(sc: "Scanner", pos: int) -> NumberMatch | None:
    """'2 de septiembre de 2024', '3 de marzo', '7 feb', '21 Oct.', '12 marzo 2025'."""
    text, lex = sc.text, sc.lex
    day = _DAY.match(text, pos)
    if not day or not 1 <= int(day.group(1)) <= 31:
        return None
    month, number = _month_after(sc, day.end())
    if month is None:
        return None
    joint = _DE_OR_DEL.match(text, month.end()) or _GAP.match(text, month.end())
    year = joint and year_at(sc, joint.end())
    d = int(day.group(1))
    if year:
        return _date(sc, pos, year[1], f"{year[0]:04d}-{number:02d}-{d:02d}", "date:day-month-year")
    return _date(sc, pos, month.end(), f"--{number:02d}-{d:02d}", "date:day-month")


def _month_after(sc: "Scanner", pos: int):
    """The month after a day: 'de septiembre', ' septiembre', ' feb', ' Oct.'."""
    text, lex = sc.text, sc.lex
    de = _DE.match(text, pos)
    if de:
        month = lex.month_re.match(text, de.end())
        if month:
            return month, lex.months[month.group().lower()]
    gap = _GAP.match(text, pos)
    if not gap:
        return None, None
    month = lex.month_re.match(text, gap.end())
    if month:
        return month, lex.months[month.group().lower()]
    short = lex.month_abbreviation_re.match(text, gap.end())
    if short:
        return short, lex.month_abbreviations[short.group().rstrip(".").lower()]
    return None, None


def _bare_year(sc: "Scanner", pos: int) -> NumberMatch | None:
    year = year_at(sc, pos)
    if year and _looks_like_year(sc, pos, year[1]):
        return _date(sc, pos, year[1], f"{year[0]:04d}", "date:year")
    return None


def _free_before(text: str, pos: int) -> bool:
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] in "@#_-/.,")


def year_at(sc: "Scanner", pos: int) -> tuple[int, int] | None:
    match = _YEAR.match(sc.text, pos)
    if not match:
        return None
    year = int(match.group(1))
    low, high = sc.lex.year_range
    return (year, match.end()) if low <= year <= high else None


def _looks_like_year(sc: "Scanner", start: int, end: int) -> bool:
    """A bare four-digit number is a year after a cue word or before punctuation."""
    text = sc.text
    if sc.lex.year_cue_before_re.search(text[max(0, start - 30) : start]):
        return not unit_after(sc, end, scaled=False)
    after = text[end : end + 2]
    if not after.strip() or after.strip()[0] in ".,;:)»”\"!?" or after[:1] == "\n":
        return True
    following = _NEXT_WORD.match(text, end)
    return bool(following) and following.group(1).lower() in sc.lex.year_followers
