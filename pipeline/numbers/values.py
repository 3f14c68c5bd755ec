"""Reading the value of a number written in digits or in Spanish words."""

from __future__ import annotations

import math
import re

from pipeline.numbers.lexicon import Lexicon

_GROUP_SPACES = re.compile("[\u00a0\u202f\u2009\u2007 ]")


def tidy(value: float) -> int | float:
    """Integers stay integers in the output ("100000", not "100000.0")."""
    if not math.isfinite(value):
        return value  # past what a float holds; find_numbers drops it
    if value == int(value) and abs(value) < 1e18:
        return int(value)
    return round(value, 10)


def parse_digits(raw: str) -> float | None:
    """Spanish first: '.' groups thousands and ',' is the decimal mark.

    The English style is read only where the Spanish reading is impossible:
    several commas in groups of three ("1,500,000"), or a dot followed by
    other than three digits ("0.0638", "3.5"), or comma groups then a dot.
    """
    s = _GROUP_SPACES.sub("", raw)
    negative = s[:1] in "-−"
    if negative:
        s = s[1:]
    if not s:
        return None
    dots, commas = s.count("."), s.count(",")
    try:
        if not dots and not commas:
            value = float(int(s))
        elif dots and commas:
            if s.rfind(",") > s.rfind("."):  # 1.234,5
                value = _grouped(s.split(",")[0], ".") + _fraction(s.split(",")[1])
            else:  # 1,234.5
                value = _grouped(s.split(".")[0], ",") + _fraction(s.split(".")[1])
        elif dots:
            parts = s.split(".")
            if all(len(p) == 3 for p in parts[1:]) and 1 <= len(parts[0]) <= 3 and parts[0] != "0":
                value = _grouped(s, ".")
            elif dots == 1:
                value = float(int(parts[0])) + _fraction(parts[1])
            else:
                return None
        else:
            parts = s.split(",")
            if commas > 1:
                if all(len(p) == 3 for p in parts[1:]) and 1 <= len(parts[0]) <= 3:
                    value = _grouped(s, ",")
                else:
                    return None
            else:
                value = float(int(parts[0])) + _fraction(parts[1])
    except (ValueError, OverflowError):  # not digits, or more than a float holds
        return None
    return -value if negative else value


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
