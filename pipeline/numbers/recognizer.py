"""Find and normalise the numbers of a Spanish text.

The recogniser works on characters, not on spaCy tokens: news text glues
numbers to suffixes and units ("100k", "3días", "1,5M") in ways no
tokenizer splits the same, and the contract's offsets are characters.

Each candidate starts at an *anchor* (digits, a number word, a vague
magnitude such as "miles", or a month name) and grows: left over
qualifiers ("más de", "unos", "entre") and currency signs, right over scale
words ("mil millones"), a second number of a range, and a unit. Digits
that belong to a name (H100, Grok-3, TPU v5p) are refused, as are
positions the caller blocks (the name spans of the same text).
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from typing import Iterable

from pipeline.numbers.lexicon import GAP, GAP1, Lexicon, fold, lexicon
from pipeline.numbers.values import parse_digits, parse_words, tidy

_DIGITS = re.compile(
    r"\d{1,3}(?:[\u00a0\u202f\u2009\u2007]\d{3})+(?:,\d+)?"  # 100 000 with a non-breaking space
    r"|\d+(?:[.,]\d+)*"
)
# An anchor starts where no letter or digit comes before: "H100\u00a0100.000"
# has its number at "100.000", not at the "100" inside "H100".
_DIGIT_ANCHOR = re.compile(r"(?<![^\W_])\d")
_LETTERS = re.compile(r"[^\W\d_]+")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?!\d)")
_SLASH_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
_YEAR = re.compile(r"(\d{4})(?!\d)(?![.,]\d)(?![^\W\d_])")
_MILLIONS = re.compile(r"(?<![^\W\d_])(?:millones|millón|millon|billones|billón|millardos?)(?![^\W\d_])", re.IGNORECASE)
_COUNTED_AFTER = re.compile(GAP1 + r"(?:de|del)(?![^\W\d_])", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")
_NEXT_WORD = re.compile(GAP1 + r"([^\W\d_]+)")
_PREVIOUS_WORD = re.compile(r"([^\W\d_][\w-]*)" + GAP1 + "$")
_DE = re.compile(GAP1 + r"de" + GAP1, re.IGNORECASE)
_DE_OR_DEL = re.compile(GAP1 + r"(?:de|del)" + GAP1, re.IGNORECASE)
_RANGE_FROM_BEFORE = re.compile(r"(?<![^\W\d_])(?:de|desde|del)" + GAP1 + r"(?:(?:el|la|los|las)" + GAP1 + r")?$", re.IGNORECASE)
_RANGE_AND = re.compile(GAP1 + r"(?:y|e)" + GAP1 + r"(?:(?:el|la|los|las)" + GAP1 + r")?", re.IGNORECASE)
_RANGE_TO = re.compile(GAP1 + r"(?:a|al|hasta)" + GAP1 + r"(?:(?:el|la|los|las)" + GAP1 + r")?", re.IGNORECASE)
_DASH = re.compile(GAP + "[-–—]" + GAP)
_Y_MEDIO = re.compile(GAP1 + r"y" + GAP1 + r"(?:medio|media)(?![^\W\d_])", re.IGNORECASE)
_VAGUE_SCALES = {"mil": 1e3, "miles": 1e3, "millones": 1e6, "millardos": 1e9, "billones": 1e12}
_VAGUE_CHAIN = re.compile(GAP1 + r"de" + GAP1 + r"(mil|miles|millones|millardos|billones)(?![^\W\d_])", re.IGNORECASE)

NUMBER_LABELS = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY", "DURATION")


@dataclass
class NumberMatch:
    """One number expression: where it is, what it is, and what it is worth."""

    start: int
    end: int
    text: str
    label: str
    value: int | float | str | None = None
    low: int | float | None = None
    high: int | float | None = None
    approx: bool = False
    unit: str | None = None
    rule: str = ""

    @property
    def is_range(self) -> bool:
        return self.low is not None or self.high is not None


@dataclass
class _Core:
    """A bare number: digits or words plus the scale words that follow."""

    start: int
    end: int
    base: float
    scale: float = 1.0
    from_words: bool = False
    vague: tuple[float, float] | None = None
    rule: str = "digits"
    has_scale: bool = False

    @property
    def value(self) -> float:
        return self.base * self.scale


@dataclass
class _Unit:
    end: int
    label: str
    unit: str | None
    multiplier: float = 1.0


@dataclass
class _Scanner:
    text: str
    lex: Lexicon
    blocked: list[tuple[int, int]] = field(default_factory=list)

    # ----------------------------------------------------------------- anchors
    def anchors(self) -> list[tuple[int, str]]:
        found: list[tuple[int, str]] = []
        for match in _DIGIT_ANCHOR.finditer(self.text):
            found.append((match.start(), "digits"))
        for match in self.lex.number_word_re.finditer(self.text):
            found.append((match.start(), "words"))
        for match in self.lex.vague_re.finditer(self.text):
            found.append((match.start(), "vague"))
        for match in self.lex.month_re.finditer(self.text):
            found.append((match.start(), "month"))
        found.sort()
        return found

    def __post_init__(self) -> None:
        # Sorted by start; with the running maximum of ends, one bisection
        # tells whether any range before `end` reaches past `start`.
        self._block_starts = [b_start for b_start, _ in self.blocked]
        self._reach: list[int] = []
        for _, b_end in self.blocked:
            self._reach.append(max(b_end, self._reach[-1]) if self._reach else b_end)

    def is_blocked(self, start: int, end: int) -> bool:
        before = bisect.bisect_left(self._block_starts, end)
        return before > 0 and self._reach[before - 1] > start

    # ------------------------------------------------------------------ digits
    def digit_core(self, pos: int, *, after_dash: bool = False) -> _Core | None:
        match = _DIGITS.match(self.text, pos)
        if not match:
            return None
        start, end = match.span()
        raw = match.group()
        # Trailing separators belong to the sentence, not the number ("en 2024.").
        while raw and raw[-1] in ".,":
            raw, end = raw[:-1], end - 1
        if not self._free_standing(start, end, after_dash=after_dash):
            return None
        value = parse_digits(raw)
        if value is None:
            return None
        if start > 0 and self.text[start - 1] in "-−" and (start == 1 or self.text[start - 2].isspace()):
            start, value = start - 1, -value
        core = _Core(start, end, value)
        self._scale(core, allow_suffix=True)
        return core

    def _free_standing(self, start: int, end: int, *, after_dash: bool = False) -> bool:
        """Digits glued into a name or a code are not a number."""
        text = self.text
        before = text[start - 1] if start else ""
        if before and (before.isalpha() or before in "@#_/:%+" or before.isdigit()):
            return False
        if before == "-" and not after_dash and start >= 2 and text[start - 2].isalnum():
            # "Grok-3", "GPT-4": a hyphen glued to a name; "10-20" is a range
            # and is read from its first number, so never reaches here.
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

    def _scale(self, core: _Core, *, allow_suffix: bool) -> None:
        text, lex = self.text, self.lex
        if allow_suffix:
            suffix = lex.suffix_re.match(text, core.end)
            if suffix and suffix.group() in ("k", "K") and core.base < 10:
                suffix = None  # "4K" is a screen, "100k" a count
            if suffix and not lex.scaled_currency_re.match(text, core.end):
                core.scale *= lex.suffixes[suffix.group()]
                core.has_scale = True
                core.end = suffix.end()
                core.rule += "+suffix"
                return
        scale = lex.scale_re.match(text, core.end)
        if scale:
            if scale.group("mil"):
                factor = 1e3 * (lex.scales[scale.group("milscale").lower()] if scale.group("milscale") else 1.0)
            else:
                factor = lex.scales[fold(scale.group("scale"))]
            core.scale *= factor
            core.has_scale = True
            core.end = scale.end()
            core.rule += "+scale"
        half = _Y_MEDIO.match(text, core.end)
        if half and core.scale > 1:
            core.base += 0.5
            core.end = half.end()

    # ------------------------------------------------------------------- words
    def word_core(self, pos: int) -> _Core | None:
        lex, text = self.lex, self.text
        words: list[str] = []
        end = pos
        cursor = pos
        while True:
            match = lex.number_word_re.match(text, cursor)
            if not match:
                break
            word = match.group().lower()
            if words and word in lex.half and words[-1] != "y":
                break
            words.append(word)
            end = match.end()
            nxt = re.compile(GAP1).match(text, end)
            if not nxt:
                break
            cursor = nxt.end()
            joiner = re.compile(r"(?:y|e)(?![^\W\d_])", re.IGNORECASE).match(text, cursor)
            if joiner and self._y_joins_number(words, cursor, joiner.end()):
                words.append("y")
                gap = re.compile(GAP1).match(text, joiner.end())
                if not gap:
                    break
                cursor = gap.end()
        while words and words[-1] == "y":
            words.pop()
        if not words:
            return None
        if words[0] in lex.half and not any(w in lex.scales or w in lex.thousand for w in words):
            return None
        if words[0] in lex.scales:
            return None  # "millones de ..." with no number is a vague magnitude
        if words[0] in ("un", "una", "uno") and len(words) > 1 and lex.word_value(words[1]) is not None:
            return None  # "un veinticinco por ciento": the article, then the number
        parsed = parse_words(words, lex)
        if parsed is None:
            return None
        value, last_scale = parsed
        scale = 1.0
        # Keep the scale separate so that a range can distribute it.
        if last_scale > 1 and value % last_scale == 0 and value >= last_scale:
            scale = last_scale
            value = value / last_scale
        core = _Core(pos, end, value, scale=scale, from_words=True, rule="words")
        core.has_scale = any(w in lex.scales or w in lex.thousand for w in words)
        return core

    def _y_joins_number(self, words: list[str], cursor: int, after: int) -> bool:
        """'treinta y dos' and 'millones y medio' join; 'tres y cuatro' does not."""
        lex = self.lex
        gap = re.compile(GAP1).match(self.text, after)
        if not gap:
            return False
        nxt = lex.number_word_re.match(self.text, gap.end())
        if not nxt:
            return False
        following = nxt.group().lower()
        if following in lex.half:
            return any(w in lex.scales or w in lex.thousand for w in words) or lex.word_value(words[-1]) is not None
        last = lex.word_value(words[-1])
        return last is not None and last in (30, 40, 50, 60, 70, 80, 90) and following in lex.units and lex.units[following] < 10

    # ------------------------------------------------------------------- vague
    def vague_core(self, pos: int) -> _Core | None:
        match = self.lex.vague_re.match(self.text, pos)
        if not match:
            return None
        low, high = self.lex.vague[match.group().lower()]
        end = match.end()
        chain = _VAGUE_CHAIN.match(self.text, end)
        while chain:
            factor = _VAGUE_SCALES[chain.group(1).lower()]
            low, high = low * factor, high * factor
            end = chain.end()
            chain = _VAGUE_CHAIN.match(self.text, end)
        return _Core(pos, end, 0.0, vague=(low, high), rule="vague")

    def core_at(self, pos: int, kind: str) -> _Core | None:
        if kind == "digits":
            return self.digit_core(pos)
        if kind == "words":
            return self.word_core(pos)
        if kind == "vague":
            return self.vague_core(pos)
        return None

    def core_anywhere(self, pos: int) -> _Core | None:
        char = self.text[pos : pos + 1]
        if char.isdigit():
            return self.digit_core(pos)
        return self.word_core(pos)

    # -------------------------------------------------------------------- units
    def unit_after(self, core_end: int, scaled: bool) -> _Unit | None:
        lex, text = self.lex, self.text
        scaled_currency = lex.scaled_currency_re.match(text, core_end)
        if scaled_currency:
            multiplier, code = lex.scaled_currency[fold(scaled_currency.group().strip())]
            return _Unit(scaled_currency.end(), "MONEY", code, multiplier)
        percent = lex.percent_re.match(text, core_end)
        if percent:
            return _Unit(percent.end(), "PERCENT", None)
        starts = [core_end]
        if scaled:
            de = _DE.match(text, core_end)
            if de:
                starts.append(de.end())
        for start in starts:
            currency = lex.currency_after_re.match(text, start)
            if currency:
                form = currency.group().strip()
                if start == core_end or len(form) > 1:
                    return _Unit(currency.end(), "MONEY", lex.currency_code(form, before=False))
            measure = lex.measure_re.match(text, start)
            if measure and self._measure_ok(start, measure):
                return _Unit(measure.end(), "QUANTITY", lex.measure_unit(measure.group().strip()))
        duration = lex.duration_re.match(text, core_end)
        if duration:
            return _Unit(duration.end(), "DURATION", lex.duration_unit(duration.group().strip()))
        return None

    def _measure_ok(self, start: int, match: re.Match) -> bool:
        """One-letter units ('m', 'l', 'g') only right after the number, lower case."""
        form = match.group().strip()
        if len(form) > 1:
            return True
        return form in ("l", "g", "m", "W") and match.start() == start and not self.text[match.end() : match.end() + 1] == "."

    # -------------------------------------------------------------------- dates
    def date_at(self, pos: int, kind: str) -> NumberMatch | None:
        text, lex = self.text, self.lex
        if kind == "month":
            month = lex.month_re.match(text, pos)
            number = lex.months[month.group().lower()]
            joint = _DE_OR_DEL.match(text, month.end()) or re.compile(GAP1).match(text, month.end())
            if joint:
                year = self._year(joint.end())
                if year:
                    return self._date(pos, year[1], f"{year[0]:04d}-{number:02d}", "date:month-year")
            return None
        if kind != "digits":
            return None
        iso = _ISO_DATE.match(text, pos)
        if iso and self._free_before(pos):
            y, m, d = (int(g) for g in iso.groups())
            if 1 <= m <= 12 and 1 <= d <= 31:
                return self._date(pos, iso.end(), f"{y:04d}-{m:02d}-{d:02d}", "date:iso")
        slash = _SLASH_DATE.match(text, pos)
        if slash and self._free_before(pos):
            d, m, y = (int(g) for g in slash.groups())
            if 1 <= m <= 12 and 1 <= d <= 31:
                return self._date(pos, slash.end(), f"{y:04d}-{m:02d}-{d:02d}", "date:slash")
        day = re.compile(r"(\d{1,2})(?!\d)").match(text, pos)
        if day and self._free_before(pos) and 1 <= int(day.group(1)) <= 31:
            de = _DE.match(text, day.end())
            month = de and lex.month_re.match(text, de.end())
            if month:
                number = lex.months[month.group().lower()]
                joint = _DE_OR_DEL.match(text, month.end())
                year = joint and self._year(joint.end())
                if year:
                    return self._date(pos, year[1], f"{year[0]:04d}-{number:02d}-{int(day.group(1)):02d}", "date:day-month-year")
                return self._date(pos, month.end(), f"--{number:02d}-{int(day.group(1)):02d}", "date:day-month")
        year = self._year(pos)
        if year and self._free_before(pos) and self._looks_like_year(pos, year[1]):
            return self._date(pos, year[1], f"{year[0]:04d}", "date:year")
        return None

    def _free_before(self, pos: int) -> bool:
        return pos == 0 or not (self.text[pos - 1].isalnum() or self.text[pos - 1] in "@#_-/.,")

    def _year(self, pos: int) -> tuple[int, int] | None:
        match = _YEAR.match(self.text, pos)
        if not match:
            return None
        year = int(match.group(1))
        low, high = self.lex.year_range
        return (year, match.end()) if low <= year <= high else None

    def _looks_like_year(self, start: int, end: int) -> bool:
        """A bare four-digit number is a year after a cue word or before punctuation."""
        before = self.text[max(0, start - 30) : start]
        if self.lex.year_cue_before_re.search(before):
            return not self.unit_after(end, scaled=False)
        after = self.text[end : end + 2]
        if not after.strip() or after.strip()[0] in ".,;:)»”\"!?" or after[:1] == "\n":
            return True
        following = _NEXT_WORD.match(self.text, end)
        return bool(following) and following.group(1).lower() in self.lex.year_followers

    def _date(self, start: int, end: int, value: str, rule: str) -> NumberMatch:
        return NumberMatch(start, end, self.text[start:end], "DATE", value=value, rule=rule)

    # ------------------------------------------------------------- qualifiers
    def qualifiers_before(self, start: int) -> tuple[int, set[str]]:
        """Move the start left over currency-free qualifiers; say what they mean."""
        kinds: set[str] = set()
        lex = self.lex
        for _ in range(3):
            window = self.text[max(0, start - 40) : start]
            offset = start - len(window)
            article = lex.article_before_re.search(window)
            probe_end = article.start() if article else len(window)
            qualifier = lex.qualifier_before_re.search(window[:probe_end])
            if not qualifier:
                break
            kind = lex.qualifier_kind(qualifier.group("q"))
            if article and kind == "range" and not self._article_then_range(offset + article.end()):
                break
            kinds.add(kind)
            start = offset + qualifier.start()
        return start, kinds

    def _one_unit(self, pos: int, kind: str) -> _Core | None:
        """'menos de un año', 'casi una semana': after a qualifier, "un" is one."""
        if kind != "words":
            return None
        word = self.lex.number_word_re.match(self.text, pos)
        if not word or word.group().lower() not in ("un", "una") or not self.lex.duration_re.match(self.text, word.end()):
            return None
        _, kinds = self.qualifiers_before(pos)
        if not kinds - {"range"}:
            return None
        return _Core(pos, word.end(), 1.0, from_words=True, rule="words")

    def _model_number(self, core: _Core, end: int) -> bool:
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
        before = self.text[: core.start - len(previous.group(0))].rstrip(" \t\u00a0")
        if not before or before[-1] in ".!?¿¡\n\"“«(:" or word.lower() in self.lex.months:
            return False  # a capital that only starts a sentence
        following = _NEXT_WORD.match(self.text, end)
        return not following or following.group(1).lower() in self.lex.year_followers or following.group(1)[:1].isupper()

    def _article_then_range(self, pos: int) -> bool:
        """'entre el 20 y el 30 %': an article after "entre" only when a range follows."""
        return bool(re.compile(r"[^\n]{1,40}?" + GAP1 + r"(?:y|e)" + GAP1 + r"(?:el|la|los|las)" + GAP1).match(self.text, pos))

    # ------------------------------------------------------------------ number
    def number_at(self, pos: int, kind: str) -> NumberMatch | None:
        core = self.core_at(pos, kind)
        if core is None:
            core = self._one_unit(pos, kind)
        if core is None:
            return None
        if self.is_blocked(core.start, core.end):
            return None
        text, lex = self.text, self.lex
        start = core.start
        currency_code = None
        currency = lex.currency_before_re.search(text[max(0, start - 6) : start])
        if currency:
            currency_code = lex.currency_code(currency.group().strip(), before=True)
            start = start - len(currency.group())
        start, kinds = self.qualifiers_before(start)
        if currency_code is None:
            currency = lex.currency_before_re.search(text[max(0, start - 6) : start])
            if currency and kinds:
                currency_code = lex.currency_code(currency.group().strip(), before=True)
                start = start - len(currency.group())
        rule = core.rule
        low = high = None
        end = core.end
        value: float | None = core.value
        approx = bool(kinds & {"approx", "approx_lower"}) or core.vague is not None
        if core.vague:
            low, high, value = core.vague[0], core.vague[1], None
        second = None
        if core.vague is None:
            second, end, range_start = self._range_after(core, kinds, start)
            if second is not None:
                start = range_start
                factor = second.scale if core.scale == 1.0 and second.scale > 1.0 else 1.0
                low, high, value = core.value * factor, second.value, None
                rule += "+range"
        unit = self.unit_after(end, scaled=(second or core).has_scale or core.vague is not None)
        if unit and self.is_blocked(end, unit.end):
            unit = None
        label = "CARDINAL"
        unit_name = None
        multiplier = 1.0
        if currency_code:
            label, unit_name = "MONEY", currency_code
            if unit and unit.label == "MONEY":
                end = unit.end
                multiplier = unit.multiplier
        elif unit:
            label, unit_name, end, multiplier = unit.label, unit.unit, unit.end, unit.multiplier
        if second is None and "range" in kinds:
            # "entre" with no second number: the number stands alone.
            start = text.find(text[core.start : core.end], start) if not currency_code else start
            kinds.discard("range")
        if second is None and core.vague is None:
            if kinds & {"lower", "approx_lower"}:
                low, value = value, None
            elif "upper" in kinds:
                high, value = value, None
        if label == "CARDINAL" and not kinds and second is None and self._model_number(core, end):
            return None
        scale = lambda x: None if x is None else tidy(x * multiplier)  # noqa: E731
        if label == "PERCENT" or label == "CARDINAL":
            unit_name = None
        match = NumberMatch(
            start,
            end,
            text[start:end],
            label,
            value=scale(value),
            low=scale(low),
            high=scale(high),
            approx=approx,
            unit=unit_name,
            rule=rule + (f"+{label.lower()}" if label != "CARDINAL" else ""),
        )
        return match

    def _range_after(self, core: _Core, kinds: set[str], start: int) -> tuple[_Core | None, int, int]:
        text, lex = self.text, self.lex
        after_first = core.end
        # Units may sit on both numbers ("de 10 MW a 20 MW"); read the first one's unit too.
        # "entre el 20 % y el 25 %", "de 10 MW a 20 MW": the unit on both numbers.
        first_unit = self.unit_after(core.end, scaled=core.has_scale)
        if first_unit and (_RANGE_AND.match(text, first_unit.end) or _RANGE_TO.match(text, first_unit.end)):
            after_first = first_unit.end
        if "range" in kinds:
            joiner = _RANGE_AND.match(text, after_first)
            if joiner:
                second = self.core_anywhere(joiner.end())
                if second and not self.is_blocked(second.start, second.end):
                    return second, second.end, start
            return None, core.end, start
        dash = _DASH.match(text, after_first)
        if dash and text[dash.end() : dash.end() + 1].isdigit() and not core.from_words:
            second = self.digit_core(dash.end(), after_dash=True)
            if second and second.value >= core.value:
                return second, second.end, start
        window_start = max(0, core.start - 14)
        range_from = _RANGE_FROM_BEFORE.search(text[window_start : core.start])
        if range_from:
            to = _RANGE_TO.match(text, after_first)
            if to:
                second = self.core_anywhere(to.end())
                if second and not self.is_blocked(second.start, second.end):
                    kinds.discard("lower")
                    return second, second.end, min(start, window_start + range_from.start())
        return None, core.end, start

    # --------------------------------------------------------------------- run
    def scan(self) -> list[NumberMatch]:
        results: list[NumberMatch] = []
        last_end = 0
        for pos, kind in self.anchors():
            if pos < last_end:
                continue
            found = self.date_at(pos, kind)
            if found is None:
                found = self.number_at(pos, kind)
            if found is None or found.start < last_end or self.is_blocked(found.start, found.end):
                continue
            results.append(found)
            last_end = found.end
        self._carry_currency(results)
        return results

    def _carry_currency(self, results: list[NumberMatch]) -> None:
        """'invertirá 5.000 millones de dólares y otros 4.000 millones': an
        amount in millions with no unit of its own, after money in the same
        sentence, is money in the same currency."""
        for index, match in enumerate(results):
            if match.label != "CARDINAL" or not _MILLIONS.search(match.text):
                continue
            if _COUNTED_AFTER.match(self.text, match.end):
                continue  # "4.000 millones de usuarios"
            for previous in reversed(results[:index]):
                if previous.label == "MONEY" and not _SENTENCE_BREAK.search(self.text, previous.end, match.start):
                    match.label, match.unit = "MONEY", previous.unit
                    match.rule += "+currency-of-sentence"
                    break
                if previous.label != "MONEY" and previous.label != "DATE":
                    break


def find_numbers(text: str, blocked: Iterable[tuple[int, int]] = ()) -> list[NumberMatch]:
    """Every number expression of `text`, sorted and non-overlapping.

    `blocked` are character ranges (for example the names found in the same
    text) where no number may be taken from. A number too large for a
    float ("1" and 400 zeros) is no value to check and is left out.
    """
    return [m for m in _Scanner(text, lexicon(), sorted(blocked)).scan() if _finite(m)]


def _finite(match: NumberMatch) -> bool:
    amounts = (match.low, match.high) if match.label == "DATE" else (match.value, match.low, match.high)
    return all(a is None or math.isfinite(a) for a in amounts)
