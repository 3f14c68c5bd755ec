"""A second number after the first: a range ("entre 3 y 4 mil millones", "de
10 a 20 MW", "10-20 MW"), or a change ("pasó de 10 a 25 MW", "de 300 a 40
ms"), which is two numbers, not one range."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.numbers.cores import core_anywhere, digit_core
from pipeline.numbers.lexicon import GAP
from pipeline.numbers.match import Core
from pipeline.numbers.units import unit_after

if TYPE_CHECKING:
    from pipeline.numbers.recognizer import Scanner

_DASH = re.compile(GAP + "[-–—]" + GAP)
_CHANGE_REACH = 100  # characters before "de" where a verb or noun of change may stand, within its clause


@dataclass
class Second:
    core: Core | None  # the range's second number, if it is one
    end: int
    start: int
    change: Core | None = None  # the "after" of a change: the first number borrows its unit


def range_after(sc: "Scanner", core: Core, kinds: set[str], start: int) -> Second:
    text = sc.text
    after_first = core.end
    # Units may sit on both numbers: "entre el 20 % y el 25 %", "de 10 MW a 20 MW".
    first_unit = unit_after(sc, core.end, scaled=core.has_scale)
    if first_unit and (sc.lex.range_and_re.match(text, first_unit.end) or sc.lex.range_to_re.match(text, first_unit.end)):
        after_first = first_unit.end
    if "range" in kinds:
        return _entre(sc, core, after_first, start)
    dash = _DASH.match(text, after_first)
    if dash and text[dash.end() : dash.end() + 1].isdigit() and not core.from_words:
        second = digit_core(sc, dash.end(), after_dash=True)
        if second and second.value >= core.value:
            return Second(second, second.end, start)
        if second and not sc.is_blocked(second.start, second.end):
            return Second(None, core.end, start, change=second)  # "300-40 MW" falls: two numbers
    return _de_a(sc, core, kinds, after_first, start)


def _entre(sc: "Scanner", core: Core, after_first: int, start: int) -> Second:
    joiner = sc.lex.range_and_re.match(sc.text, after_first)
    second = joiner and core_anywhere(sc, _after_currency(sc, joiner.end()))
    if second and not sc.is_blocked(second.start, second.end):
        return Second(second, second.end, start)
    return Second(None, core.end, start)


def _after_currency(sc: "Scanner", pos: int) -> int:
    """'entre $3,000 y $6,000 millones', 'entre RD$9,000 y RD$12,000
    millones': the second number may carry the sign too."""
    sign = sc.lex.currency_sign_re.match(sc.text, pos)
    return sign.end() if sign else pos


def _de_a(sc: "Scanner", core: Core, kinds: set[str], after_first: int, start: int) -> Second:
    text = sc.text
    window_start = max(0, core.start - 14)
    range_from = sc.lex.range_from_before_re.search(text[window_start : core.start])
    to = sc.lex.range_to_re.match(text, after_first)
    second = to and core_anywhere(sc, _after_currency(sc, to.end()))
    if not second or sc.is_blocked(second.start, second.end) or _until_a_year(sc, core, second, after_first):
        return Second(None, core.end, start)
    if not range_from:
        # "pasó de consumir 95 a 310 GWh": no range without "de", but a change.
        changed = _is_change(sc, core, second, core.start)
        return Second(None, core.end, start, change=second if changed else None)
    from_at = window_start + range_from.start()
    if _is_change(sc, core, second, from_at):
        return Second(None, core.end, start, change=second)
    kinds.discard("lower")
    return Second(second, second.end, min(start, from_at))


def _until_a_year(sc: "Scanner", first: Core, second: Core, after_first: int) -> bool:
    """'por tramos de 120 MW hasta 2032': a measure, then the year it runs
    until; a bare year is no end of a range of megawatts."""
    low, high = sc.lex.year_range
    digits = sc.text[second.start : second.end]
    return after_first > first.end and not second.has_scale and digits.isdigit() and len(digits) == 4 and low <= second.value <= high


def _is_change(sc: "Scanner", first: Core, second: Core, from_at: int) -> bool:
    """'de 300 a 40' falls, so it is no range; 'pasó de 10 a 25' is a before and after."""
    factor = second.scale if first.scale == 1.0 and second.scale > 1.0 else 1.0
    if second.value < first.value * factor and sc.text[from_at : first.start].strip():
        return True
    before = sc.text[max(0, from_at - _CHANGE_REACH) : from_at]
    clause = re.split(r"[.;:!?\n]|,\s", before)[-1]
    return bool(sc.lex.change_word_re.search(clause))
