"""Find and normalise the numbers of a Spanish text.

The recogniser works on characters, not on spaCy tokens: news text glues
numbers to suffixes and units ("100k", "3días", "1,5M") in ways no
tokenizer splits the same, and the contract's offsets are characters.

Each candidate starts at an *anchor* (digits, a number word, a fraction or
collective noun, a vague magnitude such as "miles", a month, a decade) and
grows: left over qualifiers ("más de", "unos", "superar los") and currency
signs, right over scale words ("mil millones"), a second number of a range,
a unit and a rate's denominator. Digits that belong to a name (H100,
Grok-3, TPU v5p) are refused, as are positions the caller blocks (the name
spans of the same text). What a bare "$", "pesos" or "1,500" means comes
from the article's `NumberContext`.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from typing import Iterable

from pipeline.numbers import cores
from pipeline.numbers.bounds import merge_bounds
from pipeline.numbers.context import DEGREE, NumberContext, number_context
from pipeline.numbers.dates import date_at
from pipeline.numbers.lexicon import GAP1, Lexicon, lexicon
from pipeline.numbers.match import NUMBER_LABELS, Core, NumberMatch, Unit
from pipeline.numbers.money import carry_currency, english_billions
from pipeline.numbers.ranges import range_after
from pipeline.numbers.units import rate_after, unit_after
from pipeline.numbers.values import parse_digits, tidy

__all__ = ["NUMBER_LABELS", "NumberMatch", "Scanner", "find_numbers"]

# An anchor starts where no letter or digit comes before: "H100\u00a0100.000"
# has its number at "100.000", not at the "100" inside "H100".
_DIGIT_ANCHOR = re.compile(r"(?<![^\W_])\d")
_DECADE_ANCHOR = re.compile(r"(?<![^\W\d_])años" + GAP1 + r"(?=\d{2}(?:\d{2})?(?!\d)|[a-z]+nta(?![^\W\d_])|veinte)", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]+")
_NEXT_WORD = re.compile(GAP1 + r"([^\W\d_]+)")
_CODE_WORD = re.compile(r"[A-Z]{2,3}")
_ITEM_AFTER = re.compile(r"[.)][ \t\u00a0]+[A-ZÁÉÍÓÚÑ¿¡\"“«]")
_PREVIOUS_WORD = re.compile(r"([^\W\d_][\w-]*)" + GAP1 + "$")
_RATE_LABELS = ("MONEY", "QUANTITY", "DURATION")  # "40 minutos diarios", "cuatro horas diarias"
_TIME_DENOMINATORS = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})
_Y_MEDIO = re.compile(GAP1 + r"y" + GAP1 + r"(?:medio|media)(?![^\W\d_])", re.IGNORECASE)


# Digit groups chained by two or more hyphens, or a leading "+": codes and phone numbers.
_CODE = re.compile(r"(?:\+\d[\d-]*|\d+-\d+-[\d-]*)$|-\d+-\d")
_HUNDREDTH = "-cent"  # "13.8 centavos", "25 céntimos": a hundredth of the currency, written as its own unit


@dataclass
class Scanner:
    text: str
    lex: Lexicon
    blocked: list[tuple[int, int]] = field(default_factory=list)
    context: NumberContext | None = None

    def __post_init__(self) -> None:
        if self.context is None:
            self.context = number_context(self.text)
        # Sorted by start; with the running maximum of ends, one bisection
        # tells whether any range before `end` reaches past `start`.
        self._block_starts = [b_start for b_start, _ in self.blocked]
        self._reach: list[int] = []
        for _, b_end in self.blocked:
            self._reach.append(max(b_end, self._reach[-1]) if self._reach else b_end)

    def is_blocked(self, start: int, end: int) -> bool:
        before = bisect.bisect_left(self._block_starts, end)
        return before > 0 and self._reach[before - 1] > start

    # ----------------------------------------------------------------- anchors
    def anchors(self) -> list[tuple[int, str]]:
        lex, text = self.lex, self.text
        patterns = (
            (_DIGIT_ANCHOR, "digits"), (lex.number_word_re, "words"), (lex.vague_re, "vague"),
            (lex.half_re, "half"), (lex.fraction_part_re, "half"), (lex.month_re, "month"), (_DECADE_ANCHOR, "decade"),
        )
        found = [(m.start(), kind) for pattern, kind in patterns for m in pattern.finditer(text)]
        # digits glued to the country's own sign ("Q6.8 millones"), which the anchor above skips as a code
        found += [(m.start(1), "digits") for sign, _ in self.context.signs
                  for m in re.finditer(r"(?<![^\W_])" + re.escape(sign) + r"(\d)", text)]
        return sorted(found)

    def core_at(self, pos: int, kind: str) -> Core | None:
        if kind == "digits":
            return cores.over_core(self, pos) or cores.digit_core(self, pos)
        if kind == "words":
            return cores.word_anchor_core(self, pos)
        if kind == "vague":
            return cores.vague_core(self, pos)
        if kind == "half":
            return cores.half_core(self, pos)
        return None

    # ------------------------------------------------------------- digits
    def free_standing(self, start: int, end: int, *, after_dash: bool = False) -> bool:
        """Digits glued into a name or a code are not a number."""
        text = self.text
        before = text[start - 1] if start else ""
        if before.isalpha() and self._glued_sign(start, end):
            return True
        if before and (before.isalpha() or before in "@#_/:%+" or before.isdigit()):
            return False
        if _CODE.search(text, max(0, start - 24), start) or _CODE.match(text, end):
            return False  # "+1-222-2222-2222": a phone number or a code, not numbers
        if before == "-" and not after_dash and start >= 2 and text[start - 2].isalpha():
            # "Grok-3", "GPT-4": a hyphen glued to a name. After digits it
            # parts two numbers: "10-20" is read as a range from its first,
            # "300-40" falls, so its second number stands alone.
            return False
        after = text[end] if end < len(text) else ""
        if after in "/:" and end + 1 < len(text) and text[end + 1].isdigit():
            return False
        if after == "-" and end + 1 < len(text) and text[end + 1].isalpha():
            return False
        if after.isalpha():
            tail = _LETTERS.match(text, end).group()
            if tail in ("k", "K") and (parse_digits(text[start:end]) or 0) < 10:
                return False  # "4K" is a screen, "100k" a count
            return self._known_tail(end, tail)
        return True

    def _glued_sign(self, start: int, end: int) -> bool:
        """'Q6.8 millones', 'Q6 mil 500 millones', 'Q1.12 por kilovatio hora' in
        Guatemala: the country's sign glued to an amount (a scale word or a
        decimal), not a code like 'Q3' (a quarter)."""
        if not self.context.local_sign(self.text[max(0, start - 6) : start]):
            return False
        decimal = re.search(r"[.,]\d", self.text[start:end])  # "Q1.12 por kilovatio hora"
        return bool(decimal or re.match(r"[\d.,]*[.,]\d|[ \u00a0]*(?:mil|mill|bill)", self.text[end : end + 12]))

    def _known_tail(self, end: int, tail: str) -> bool:
        lex = self.lex
        if lex.suffix_re.fullmatch(tail):
            return True
        if len(tail) == 1 and tail not in ("l", "g", "m", "h", "s", "W", "º", "ª"):
            return False  # "5G", "4K", "3D": names of things, not quantities
        for pattern in (lex.measure_re, lex.duration_re, lex.percent_re, lex.currency_after_re, lex.scaled_currency_re):
            unit = pattern.match(self.text, end)
            if unit and unit.end() >= end + len(tail):
                return True
        return tail in ("º", "ª") and bool(lex.measure_re.match(self.text, end))

    # ---------------------------------------------------------- qualifiers
    def qualifiers_before(self, start: int) -> tuple[int, set[str]]:
        """Move the start left over qualifiers; say what they mean."""
        kinds: set[str] = set()
        lex = self.lex
        for _ in range(3):
            window = self.text[max(0, start - 40) : start]
            offset = start - len(window)
            # "superar los" holds its article; "hasta los" is "hasta" and an article.
            article = lex.article_before_re.search(window)
            qualifier = lex.qualifier_before_re.search(window)
            if not qualifier and article:
                qualifier = lex.qualifier_before_re.search(window[: article.start()])
            if not qualifier:
                break
            kind = lex.qualifier_kind(qualifier.group("q"))
            if article and kind == "range" and not self._article_then_range(offset + article.end()):
                break
            if kind in ("lower", "upper") and kinds & {"lower", "upper"}:
                break  # "desde menos de 1 %": the inner bound is the number's
            kinds.add(kind)
            start = offset + qualifier.start()
        return start, kinds

    def _article_then_range(self, pos: int) -> bool:
        """'entre el 20 y el 30 %': an article after "entre" only when a range follows."""
        return bool(re.compile(r"[^\n]{1,40}?" + GAP1 + r"(?:y|e)" + GAP1 + r"(?:el|la|los|las)" + GAP1).match(self.text, pos))

    def _currency_before(self, start: int) -> tuple[int, str | None]:
        local = self.context.local_sign(self.text[max(0, start - 6) : start])
        if local:
            return start - len(local[0]), local[1]  # "Q6.8 millones" in Guatemala
        currency = self.lex.currency_before_re.search(self.text[max(0, start - 6) : start])
        if not currency:
            return start, None
        return start - len(currency.group()), self.lex.currency_code(currency.group().strip(), before=True)

    def _model_number(self, core: Core, end: int) -> bool:
        """'Llama 3 se entrenó', 'conmutadores Arista 7800 y': bare digits
        right after a capitalised word, with no noun after them, are the
        name's model number, not a count."""
        raw = self.text[core.start : core.end]
        if not raw.isdigit() or core.from_words or core.has_scale:
            return False
        previous = _PREVIOUS_WORD.search(self.text[max(0, core.start - 40) : core.start])
        if not previous or not previous.group(1)[:1].isupper():
            return False
        word = previous.group(1)
        if word in self.lex.name_words:
            return True
        following = _NEXT_WORD.match(self.text, end)
        if _CODE_WORD.fullmatch(word) and not (following and following.group(1).endswith("s")):
            return True  # "la ley SB 6 obliga", "el DS 013,": a code's number; "la UE 27 países" counts
        title_case = following and following.group(1)[:1].isupper() and following.group(1)[1:2].islower()
        if title_case and word.lower() not in self.lex.sentence_openers:
            return True  # "Telenoticias 48 Austin", "Canal 13 Noticias": inside a name
        before = self.text[: core.start - len(previous.group(0))].rstrip(" \t\u00a0")
        if not before or before[-1] in ".!?¿¡\n\"“«(:" or word.lower() in self.lex.months:
            return False  # a capital that only starts a sentence
        return not following or following.group(1).lower() in self.lex.year_followers or following.group(1)[:1].isupper()

    def _day_of_week(self, core: Core) -> bool:
        """'el martes 12': a day of the month, never a count."""
        return bool(self.lex.weekday_before_re.search(self.text[max(0, core.start - 14) : core.start]))

    # ------------------------------------------------------------- number
    def number_at(self, pos: int, kind: str) -> NumberMatch | None:
        core = self.core_at(pos, kind)
        if core is None or self.is_blocked(core.start, core.end) or self._day_of_week(core):
            return None
        found = _Building(self, core)
        found.read_left()
        found.read_right()
        if found.label == "CARDINAL" and not found.kinds and found.second is None and self._a_label(core, found.end):
            return None
        return found.match()

    def _a_label(self, core: Core, end: int) -> bool:
        """A name's model number, a list item's number or a provision's number: no count."""
        return self._model_number(core, end) or self._list_marker(core) or self._provision_number(core)

    def _list_marker(self, core: Core) -> bool:
        """'1. Peña Alta Cómputo', '2) Colmena Digital': a numbered list's item at a line's start."""
        line_start = self.text.rfind("\n", 0, core.start) + 1
        return not self.text[line_start : core.start].strip() and bool(_ITEM_AFTER.match(self.text, core.end))

    def _provision_number(self, core: Core) -> bool:
        """'Artículo 1°', 'el Art. 4° obliga': the provision a decree's article numbers."""
        before = self.text[max(0, core.start - 12) : core.start].rstrip(" \t\u00a0")
        return any(before.endswith(word) and (len(before) == len(word) or not before[-len(word) - 1].isalnum()) for word in self.lex.provision_words)

    # ----------------------------------------------------------------- run
    def scan(self) -> list[NumberMatch]:
        results: list[NumberMatch] = []
        last_end = 0
        for pos, kind in self.anchors():
            if pos < last_end:
                continue
            found = date_at(self, pos, kind) or self.number_at(pos, kind)
            if found is None or found.start < last_end or self.is_blocked(found.start, found.end):
                continue
            results.append(found)
            last_end = found.end
        carry_currency(self.text, results, self.lex)
        english_billions(results)
        return merge_bounds(self.text, results)


class _Building:
    """One number growing around its core: qualifiers, currency, range, unit."""

    def __init__(self, sc: Scanner, core: Core):
        self.sc, self.core = sc, core
        self.start, self.end = core.start, core.end
        self.kinds: set[str] = set()
        self.currency: str | None = None
        self.second: Core | None = None
        self.change: Core | None = None
        self.own_unit = False
        self.label, self.unit, self.multiplier, self.per = "CARDINAL", None, 1.0, None
        self.rule = core.rule

    def read_left(self) -> None:
        sc = self.sc
        self.start, self.currency = sc._currency_before(self.start)
        self.start, self.kinds = sc.qualifiers_before(self.start)
        if self.currency is None and self.kinds:
            self.start, self.currency = sc._currency_before(self.start)

    def read_right(self) -> None:
        core = self.core
        if core.vague is None:
            found = range_after(self.sc, core, self.kinds, self.start)
            self.second, self.end, self.start, self.change = found.core, found.end, found.start, found.change
            if self.second is not None:
                self.rule += "+range"
        self._unit()
        self._on_a_surface()
        self._bound_after()
        if self.second is None and "range" in self.kinds:
            # "entre" with no second number: the number stands alone.
            if self.currency is None:
                self.start = self.sc.text.find(self.sc.text[core.start : core.end], self.start)
            self.kinds.discard("range")

    def _unit(self) -> None:
        sc, core = self.sc, self.core
        measured = self.second or core
        unit = unit_after(sc, self.end, scaled=measured.has_scale or core.vague is not None)
        if unit and sc.is_blocked(self.end, unit.end):
            unit = None
        self.own_unit = unit is not None  # "subió 22% a $4.340 millones": a percent keeps its own scale
        if unit is None and self.change is not None:
            # "de 300 a 40 milisegundos": the first number is in the second's unit.
            borrowed = unit_after(sc, self.change.end, scaled=self.change.has_scale)
            if borrowed:
                unit = Unit(self.end, borrowed.label, borrowed.unit, borrowed.multiplier)
        if self.currency:
            self.label, self.unit = "MONEY", self.currency
            if unit and unit.label == "MONEY":
                self._take(unit)
        elif unit:
            self.label, self.unit = unit.label, unit.unit
            self._take(unit)
        if self.change is not None:
            self.rule += "+change"
        elif self.label in _RATE_LABELS:
            rate = rate_after(sc.text, self.end, sc.lex)
            if rate and self.label == "DURATION" and rate[1] not in _TIME_DENOMINATORS:
                rate = None  # "2 meses por MXN$ 20": a duration is a rate of time only
            if rate:
                self.end, self.per = rate
                self.rule += "+rate"

    def _take(self, unit: Unit) -> None:
        self.multiplier = unit.multiplier
        self.end = max(self.end, unit.end)
        half = unit.label == "DURATION" and self.second is None and _Y_MEDIO.match(self.sc.text, self.end)
        if half and self.core.scale == 1.0:
            self.core.base += 0.5  # "tres años y medio"
            self.end = half.end()

    def _on_a_surface(self) -> None:
        """'desarrolla sobre 1,850 acres', 'sobre cinco años': the land a project
        stands on, the period a deal runs over; not more than them."""
        words, units = self.sc.lex.surface_bounds
        if "lower" in self.kinds and (self.unit in units or self.label == "DURATION") and self.sc.text[self.start : self.core.start].strip().lower() in words:
            self.kinds.discard("lower")
            self.start = self.core.start

    def _bound_after(self) -> None:
        """'100 o más', '20 como máximo'."""
        if self.second is not None or self.core.vague is not None or self.kinds & {"lower", "upper"}:
            return
        after = self.sc.lex.bound_after_re.match(self.sc.text, self.end)
        if after:
            self.kinds.add(self.sc.lex.bound_after[after.group("q").lower()])
            self.end = after.end()

    def _amounts(self) -> tuple[float | None, float | None, float | None]:
        core, second = self.core, self.second
        if core.vague:
            return None, core.vague[0], core.vague[1]
        if second is not None:
            factor = second.scale if core.scale == 1.0 and second.scale > 1.0 else 1.0
            # "entre 2 y 1 MW" is written backwards, and still the interval between them
            low, high = sorted((core.value * factor, second.value))
            return None, low, high
        value = core.value
        if self.change is not None and not self.own_unit and core.scale == 1.0 and self.change.scale > 1.0:
            value *= self.change.scale  # "de 500 a 400 millones": the scale serves both
        if "lower" in self.kinds:
            return None, value, None
        if "upper" in self.kinds:
            return None, None, value
        return value, None, None

    def match(self) -> NumberMatch:
        sc = self.sc
        value, low, high = self._amounts()
        unit, rule, multiplier = self.unit, self.rule, self.multiplier
        if self.label == "MONEY" and unit and unit.endswith(_HUNDREDTH):
            # normalised to the currency itself: "13.8 centavos" in Puerto Rico is 0.138 USD, in Mexico 0.138 MXN
            unit, multiplier = unit[: -len(_HUNDREDTH)], multiplier / 100
        if self.label == "MONEY" and unit:
            unit, guessed = sc.context.currency(unit)
            rule += "+currency:guessed" if guessed else ""
        if self.label in ("PERCENT", "CARDINAL"):
            unit = None
        if unit == DEGREE:
            unit = sc.context.temperature  # "68 grados" in Houston is Fahrenheit
        if self.core.by_convention or (self.second and self.second.by_convention):
            rule += f"+separator:{sc.context.style.name}" + ("" if sc.context.style.certain else ":ambiguous")
        approx = "approx" in self.kinds or self.core.vague is not None
        scaled = lambda x: None if x is None else tidy(x * multiplier)  # noqa: E731
        rule += f"+{self.label.lower()}" if self.label != "CARDINAL" else ""
        return NumberMatch(self.start, self.end, sc.text[self.start : self.end], self.label, value=scaled(value),
                           low=scaled(low), high=scaled(high), approx=approx, unit=unit, rule=rule, per=self.per)


def find_numbers(text: str, blocked: Iterable[tuple[int, int]] = (), context: NumberContext | None = None) -> list[NumberMatch]:
    """Every number expression of `text`, sorted and non-overlapping.

    `blocked` are character ranges (for example the names found in the same
    text) where no number may be taken from; `context` says what the
    article's "$", "pesos" and "1,500" mean (by default, read from `text`
    alone). A number too large for a float ("1" and 400 zeros) is no value
    to check and is left out.
    """
    scanner = Scanner(text, lexicon(), sorted(blocked), context)
    return [m for m in scanner.scan() if _finite(m)]


def _finite(match: NumberMatch) -> bool:
    amounts = (match.low, match.high) if match.label == "DATE" else (match.value, match.low, match.high)
    return all(a is None or math.isfinite(a) for a in amounts)
