"""Reading the value of a number written in digits or in Spanish words."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from pipeline.numbers.lexicon import Lexicon
from pipeline.numbers.style import NumberStyle, default_style

_GROUP_SPACES = re.compile("[\u00a0\u202f\u2009\u2007 ]")


def tidy(value: float) -> int | float:
    """Integers stay integers in the output ("100000", not "100000.0"), and a
    product of binary fractions loses its last-bit noise ("$1,36 billones"
    is 1360000000000, not 1359999999999.9998): no press figure has more
    than twelve significant digits."""
    if not math.isfinite(value):
        return value  # past what a float holds; find_numbers drops it
    value = float(f"{value:.12g}")
    if value == int(value) and abs(value) < 1e18:
        return int(value)
    return value


@dataclass(frozen=True)
class Digits:
    """A number written in digits, read: its value, and whether the
    article's convention decided it (one mark before exactly three digits,
    "1,500" or "1.500", reads 1500 or 1.5 by convention alone)."""

    value: float
    by_convention: bool = False


def parse_digits(raw: str, style: NumberStyle | None = None, *, scaled: bool = False) -> float | None:
    reading = read_digits(raw, style, scaled=scaled)
    return None if reading is None else reading.value


def read_digits(raw: str, style: NumberStyle | None = None, *, scaled: bool = False) -> Digits | None:
    """The value of digits with thousands marks and a decimal mark.

    The number's own form decides when it can: several marks of one kind
    group thousands ("1,500,000"), two kinds give their roles by their order
    ("1.234,5", "1,234.5"), a mark before one, two or four digits is decimal
    ("1,5", "1.25"). One mark before exactly three digits groups thousands
    when a scale word follows ("4,300 millones" is never 4.3 millones) or
    the digits are "000"; otherwise the article's convention (`style`) says.
    """
    s = _GROUP_SPACES.sub("", raw)
    negative = s[:1] in "-−"
    if negative:
        s = s[1:]
    if not s:
        return None
    try:
        reading = _read(s, style or default_style(), scaled)
    except (ValueError, OverflowError):  # not digits, or more than a float holds
        return None
    if reading is None:
        return None
    return Digits(-reading.value, reading.by_convention) if negative else reading


def _read(s: str, style: NumberStyle, scaled: bool) -> Digits | None:
    dots, commas = s.count("."), s.count(",")
    if not dots and not commas:
        return Digits(float(int(s)))
    if dots and commas:
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        whole, fraction = s.rsplit(decimal, 1)
        return Digits(_grouped(whole, "." if decimal == "," else ",") + _fraction(fraction))
    mark = "." if dots else ","
    parts = s.split(mark)
    if len(parts) > 2:
        return Digits(_grouped(s, mark)) if _groups_of_three(parts) else None
    whole, fraction = parts
    if len(fraction) != 3 or whole in ("", "0") or len(whole) > 3:
        return Digits(float(int(whole or "0")) + _fraction(fraction))
    if scaled or fraction == "000":
        return Digits(_grouped(s, mark))
    if mark == style.group:
        return Digits(_grouped(s, mark), by_convention=True)
    return Digits(float(int(whole)) + _fraction(fraction), by_convention=True)


def _groups_of_three(parts: list[str]) -> bool:
    return all(len(p) == 3 for p in parts[1:]) and 1 <= len(parts[0]) <= 3


def _grouped(s: str, separator: str) -> float:
    parts = s.split(separator)
    if not all(len(p) == 3 for p in parts[1:]):
        raise ValueError(s)
    return float(int("".join(parts)))


def _fraction(digits: str) -> float:
    if not digits:
        raise ValueError(digits)
    return int(digits) / (10 ** len(digits))


def parse_words(words: list[str], lex: Lexicon) -> tuple[float, float] | None:
    """Value of a run of Spanish number words, and the scale it ended on.

    Returns None when the run is not a number on its own ("un", "medio").
    The scale is what "y medio" halves and what a range distributes.
    """
    words = [w.lower() for w in words]
    if len(words) == 1 and (words[0] in ("un", "una", "uno") or words[0] in lex.half):
        return None
    total = 0.0
    current = 0.0
    last_scale = 1.0
    half_pending = False
    index = 0
    while index < len(words):
        word = words[index]
        if word == "y":
            nxt = words[index + 1] if index + 1 < len(words) else ""
            after = words[index + 2] if index + 2 < len(words) else ""
            if nxt in lex.half and after in lex.scales:
                # "un billón y medio millón": half of the scale that follows.
                total += current + 0.5 * lex.scales[after]
                current = 0.0
                index += 3
                continue
            if nxt in lex.half:
                # "dos millones y medio": half of the last scale word.
                total += current
                current = 0.0
                total += 0.5 * last_scale
                index += 2
                continue
            index += 1
            continue
        if word in lex.half:
            half_pending = True
        elif word in lex.units or word in lex.hundreds:
            current += lex.word_value(word) or 0.0
        elif word in lex.thousand:
            current = (current or (0.5 if half_pending else 1.0)) * 1000.0
            half_pending = False
            last_scale = 1000.0
        elif word in lex.scales:
            scale = lex.scales[word]
            base = current or (0.5 if half_pending else 1.0)
            if half_pending and current:
                base = current + 0.5
            total += base * scale
            current = 0.0
            half_pending = False
            last_scale = scale
        index += 1
    return total + current, last_scale
