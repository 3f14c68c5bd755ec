"""Two bounds of one amount: "más de 100 y menos de 300", "mayor que veinte
y menor o igual a treinta y cinco" say one range, low and high."""

from __future__ import annotations

import re

from pipeline.numbers.match import NumberMatch

_JOINED = re.compile(r"[ \t\u00a0]*(?:,|y|e|pero|aunque)?[ \t\u00a0]*(?:(?:y|e|pero)[ \t\u00a0]+)?$", re.IGNORECASE)


def merge_bounds(text: str, results: list[NumberMatch]) -> list[NumberMatch]:
    merged: list[NumberMatch] = []
    for match in results:
        previous = merged[-1] if merged else None
        if previous is not None and _pair(text, previous, match):
            merged[-1] = _joined(text, previous, match)
        else:
            merged.append(match)
    return merged


def _pair(text: str, first: NumberMatch, second: NumberMatch) -> bool:
    if first.label != second.label or first.label == "DATE" or first.value is not None or second.value is not None:
        return False
    if (first.unit or second.unit) and first.unit != second.unit and None not in (first.unit, second.unit):
        return False
    between = text[first.end : second.start]
    if len(between) > 12 or not _JOINED.match(between):
        return False
    one_sided = lambda m: (m.low is None) != (m.high is None)  # noqa: E731
    if not (one_sided(first) and one_sided(second) and (first.low is None) != (second.low is None)):
        return False
    low = first.low if first.low is not None else second.low
    high = first.high if first.high is not None else second.high
    return low < high  # "no menos de 194 y menos de 12" are two conditions, not a range


def _joined(text: str, first: NumberMatch, second: NumberMatch) -> NumberMatch:
    low = first.low if first.low is not None else second.low
    high = first.high if first.high is not None else second.high
    return NumberMatch(first.start, second.end, text[first.start : second.end], first.label, low=low, high=high,
                       approx=first.approx or second.approx, unit=first.unit or second.unit,
                       rule=first.rule + "+bounds", per=first.per or second.per)
