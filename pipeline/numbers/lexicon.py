"""The number grammar's tables, loaded once from `data/` and compiled.

Everything a Spanish speaker would recognise as vocabulary (number words,
units, currencies, qualifiers, months) lives in the JSON files next to this
module; this module only turns those tables into look-ups and regular
expressions that the recogniser can use at any position of a text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from pipeline.trie import split_words, trie_pattern

SPACE = "[ \t\u00a0\u202f\u2009\u2007]"
GAP = SPACE + "*"
GAP1 = SPACE + "+"
# A word ends where a letter would not continue it; digits may follow ("m2").
WORD_END = r"(?![^\W\d_])"
WORD_START = r"(?<![^\W\d_])"


def _load(name: str) -> dict:
    with resources.files("pipeline.numbers").joinpath("data").joinpath(name).open(encoding="utf-8") as handle:
        return json.load(handle)


def _alternation(forms) -> str:
    """Longest first ('megavatios hora' wins over 'megavatios'), as a trie.

    Tables are matched case-blind, so forms are folded to lower case."""
    return trie_pattern((split_words(form, GAP1) for form in set(forms)), fold_case=True)


def _fold(text: str) -> str:
    return re.sub(SPACE + "+", " ", text.lower())


def fold(text: str) -> str:
    """Lower case with runs of any space collapsed: the key form of every table."""
    return _fold(text)


def _ci(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


def _words(forms) -> re.Pattern:
    """Whole words or phrases of a table, anywhere."""
    return _ci(WORD_START + "(?:" + _alternation(forms) + ")" + WORD_END)


def _folded(table: dict) -> dict:
    return {_fold(k): v for k, v in table.items()}


@dataclass(frozen=True)
class Lexicon:
    units: dict[str, float]
    hundreds: dict[str, float]
    thousand: frozenset[str]
    scales: dict[str, float]
    half: frozenset[str]
    vague: dict[str, tuple[float, float]]
    collectives: dict[str, float]
    fractions: dict[str, float]
    fraction_avo: dict[str, float]
    fraction_endings: dict[str, float]
    fraction_parts: dict[str, float]
    halves: dict[str, float]
    suffixes: dict[str, float]
    currency_after: dict[str, str]
    currency_before: dict[str, str]
    scaled_currency: dict[str, tuple[float, str]]
    measure: dict[str, str]
    duration: dict[str, tuple[str, float]]
    rates: dict[str, str]
    percent: frozenset[str]
    bounds: dict[str, str]  # qualifier phrase -> lower, upper, approx, range
    bound_after: dict[str, str]
    surface_bounds: tuple[frozenset[str], frozenset[str]]
    months: dict[str, int]
    month_abbreviations: dict[str, int]
    decade_words: dict[str, int]
    year_cues: frozenset[str]
    year_range: tuple[int, int]
    year_followers: frozenset[str]
    name_words: frozenset[str]
    sentence_openers: frozenset[str]
    provision_words: frozenset[str]
    # compiled
    number_word_re: re.Pattern
    vague_re: re.Pattern
    collective_re: re.Pattern
    fraction_re: re.Pattern
    fraction_part_re: re.Pattern
    half_re: re.Pattern
    decimal_word_re: re.Pattern
    suffix_re: re.Pattern
    scale_re: re.Pattern
    percent_re: re.Pattern
    currency_after_re: re.Pattern
    currency_before_re: re.Pattern
    currency_sign_re: re.Pattern  # a sign or code opening an amount, read forwards ("RD$12,000")
    scaled_currency_re: re.Pattern
    measure_re: re.Pattern
    duration_re: re.Pattern
    rate_re: re.Pattern
    material_re: re.Pattern  # " de agua" between a measure and its rate's denominator
    qualifier_before_re: re.Pattern
    bound_after_re: re.Pattern
    article_before_re: re.Pattern
    change_word_re: re.Pattern
    month_re: re.Pattern
    month_abbreviation_re: re.Pattern
    weekday_before_re: re.Pattern
    year_cue_before_re: re.Pattern
    range_from_before_re: re.Pattern
    range_to_re: re.Pattern
    range_and_re: re.Pattern

    def word_value(self, word: str) -> float | None:
        word = word.lower()
        if word in self.units:
            return self.units[word]
        if word in self.hundreds:
            return self.hundreds[word]
        return None

    def qualifier_kind(self, phrase: str) -> str:
        return self.bounds[_fold(phrase)]

    def currency_code(self, form: str, *, before: bool) -> str:
        table = self.currency_before if before else self.currency_after
        return table[_fold(form)]

    def measure_unit(self, form: str) -> str:
        return self.measure[_fold(form)]

    def duration_unit(self, form: str) -> tuple[str, float]:
        return self.duration[_fold(form)]

    def denominator(self, word: str) -> float | None:
        """'tercios' -> 3, 'doceavos' -> 12, 'veintiunavos' -> 21, 'dosmilésimos' -> 2000."""
        word = word.lower()
        if word in self.fractions:
            return self.fractions[word]
        for ending, factor in sorted(self.fraction_endings.items(), key=lambda kv: -len(kv[0])):
            if word.endswith(ending) and len(word) > len(ending):
                stem = word[: -len(ending)]
                if factor == 1 and stem in self.fraction_avo:
                    return self.fraction_avo[stem]
                value = self.glued_value(stem)
                return None if value is None else value * factor
        return None

    def glued_value(self, stem: str) -> float | None:
        """Number words written as one: 'treintaicinco' 35, 'doscientos' 200, 'dosmil' 2000."""
        from pipeline.numbers.values import parse_words

        words, rest = [], stem
        known = sorted({*self.units, *self.hundreds, *self.thousand, *self.scales}, key=len, reverse=True)
        while rest:
            word = next((w for w in known if rest.startswith(w)), None)
            if word is None and rest[:1] in ("i", "y") and words:
                words.append("y")
                rest = rest[1:]
                continue
            if word is None:
                return None
            words.append(word)
            rest = rest[len(word) :]
        parsed = parse_words(words, self) if words else None
        return parsed[0] if parsed else None


def _bounds(quals: dict) -> dict[str, str]:
    kinds = {"lower_bound": "lower", "upper_bound": "upper", "approx": "approx", "range_open": "range"}
    table: dict[str, str] = {}
    for key, kind in kinds.items():
        for phrase in quals[key]:
            table.setdefault(_fold(phrase), kind)
    return table


@lru_cache(maxsize=1)
def unit_symbols() -> frozenset[str]:
    """Unit symbols with a capital, as pages write them ('MW', 'GWh', 'kV'):
    'de 120 MW, la compañía...' puts no organisation called MW in apposition."""
    return frozenset(unit for unit in _load("units.json")["measure"].values() if unit.isalpha() and not unit.islower())


@lru_cache(maxsize=1)
def currency_codes() -> frozenset[str]:
    """ISO currency codes as pages write them ('USD 12 millones', 'MXN'):
    the name finder must not read them as organisations."""
    units = _load("units.json")
    tables = (units["currency_before"], units["currency_after"])
    codes = {code for table in tables for value in table.values() for code in value.split("|") if code.isalpha() and code.isupper()}
    # three-letter codes as written, and two-letter units of account ("UF" in Chile)
    written = {word.upper() for table in tables for word in table if word.isalpha() and len(word) in (2, 3)}
    # the letters of a sign ("US" of "US$", "RD" of "RD$"), which the model may read as a name
    letters = {word.rstrip("$").upper() for word in units["currency_before"] if word.endswith("$") and word.rstrip("$").isalpha()}
    return frozenset(codes | written | letters)


@lru_cache(maxsize=1)
def glued_signs() -> tuple[tuple[str, str], ...]:
    """Signs of a currency no Spanish-speaking country uses, which pages glue
    to the amount wherever they write from ("RM16.2 mil millones", Malaysia's ringgit)."""
    return tuple(_load("units.json")["glued_signs"].items())


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    words = _load("number_words.json")
    units = _load("units.json")
    quals = _load("qualifiers.json")
    dates = _load("dates.json")

    number_words = list(words["units"]) + list(words["hundreds"]) + words["thousand"] + list(words["scales"]) + words["half"]
    bounds = _bounds(quals)
    scaled = {_fold(k): (float(v[0]), v[1]) for k, v in units["scaled_currency"].items()}
    suffixes = {k: float(v) for k, v in words["suffixes"].items()}
    scales = _alternation(words["scales"])
    glued = "[a-záéíóúñ]+(?:" + _alternation(words["fraction_compound_endings"]) + ")"
    articles = _alternation(quals["articles"])

    return Lexicon(
        units={k: float(v) for k, v in words["units"].items()},
        hundreds={k: float(v) for k, v in words["hundreds"].items()},
        thousand=frozenset(words["thousand"]),
        scales={k: float(v) for k, v in words["scales"].items()},
        half=frozenset(words["half"]),
        vague={k: (float(v[0]), float(v[1])) for k, v in words["vague"].items()},
        collectives={k: float(v) for k, v in words["collectives"].items()},
        fractions={k: float(v) for k, v in words["fractions"].items()},
        fraction_avo={k: float(v) for k, v in words["fraction_avo_stems"].items()},
        fraction_endings={k: float(v) for k, v in words["fraction_compound_endings"].items()},
        fraction_parts={k: float(v) for k, v in words["fraction_parts"].items()},
        halves={k: float(v) for k, v in words["halves"].items()},
        suffixes=suffixes,
        currency_after=_folded(units["currency_after"]),
        currency_before=_folded(units["currency_before"]),
        scaled_currency=scaled,
        measure=_folded(units["measure"]),
        duration={_fold(k): (v[0], float(v[1])) for k, v in units["duration"].items()},
        rates=_folded(units["rate_denominators"]),
        percent=frozenset(_fold(p) for p in units["percent"]),
        bounds=bounds,
        bound_after=_folded(quals["bound_after"]),
        surface_bounds=(frozenset(quals["surface_bounds"]["words"]), frozenset(quals["surface_bounds"]["units"])),
        months={k: int(v) for k, v in dates["months"].items()},
        month_abbreviations={k: int(v) for k, v in dates["month_abbreviations"].items()},
        decade_words={k: int(v) for k, v in dates["decade_words"].items()},
        year_cues=frozenset(_fold(c) for c in dates["year_cues"]),
        year_range=(int(dates["year_range"][0]), int(dates["year_range"][1])),
        year_followers=frozenset(dates.get("year_followers", ())),
        name_words=frozenset(_load("name_words.json")["words"]),
        sentence_openers=frozenset(_load("name_words.json")["sentence_openers"]),
        provision_words=frozenset(_load("name_words.json")["provision_words"]),
        number_word_re=_words(number_words),
        vague_re=_words(words["vague"]),
        collective_re=_words(words["collectives"]),
        fraction_re=_ci(WORD_START + "(?:" + _alternation(words["fractions"]) + "|" + glued + ")" + WORD_END),
        fraction_part_re=_ci(WORD_START + "(?:" + _alternation(words["fraction_parts"]) + ")" + GAP1 + "partes?" + WORD_END),
        half_re=_words(words["halves"]),
        decimal_word_re=_ci(GAP1 + "(?:" + _alternation(words["decimal_words"]) + ")" + GAP1),
        # Suffixes are case-sensitive: "100M" is a hundred million, "100m" metres.
        suffix_re=re.compile("(?:" + trie_pattern(list(suffixes)) + ")" + WORD_END),
        scale_re=_ci(GAP1 + "(?:(?P<mil>mil)(?:" + GAP1 + "(?P<milscale>" + scales + "))?|(?P<scale>" + scales + "))" + WORD_END),
        percent_re=_ci(GAP + "(?:" + _alternation(units["percent"]) + ")" + WORD_END),
        currency_after_re=_ci(GAP + "(?:" + _alternation(units["currency_after"]) + ")" + WORD_END),
        currency_before_re=_ci(WORD_START + "(?:" + _alternation(units["currency_before"]) + ")" + GAP + "$"),
        currency_sign_re=_ci(WORD_START + "(?:" + _alternation(units["currency_before"]) + ")" + GAP + r"(?=\d)"),
        scaled_currency_re=_ci(GAP + "(?:" + _alternation(scaled) + ")" + WORD_END),
        measure_re=_ci(GAP + "(?:" + _alternation(units["measure"]) + ")" + r"(?![^\W_])"),
        duration_re=_ci(GAP + "(?:" + _alternation(units["duration"]) + ")" + r"(?![^\W_])"),
        rate_re=_ci(GAP1 + "(?:" + _alternation(units["rate_denominators"]) + ")" + WORD_END),
        material_re=_ci(GAP1 + "de" + GAP1 + "(?:" + _alternation(units["rate_materials"]) + ")" + WORD_END),
        # "<>30" and "=>30" are no comparisons a writer of prose makes.
        qualifier_before_re=_ci(WORD_START + "(?<![<>=!])(?P<q>" + _alternation(bounds) + ")" + GAP + "$"),
        # "200 o más" is a bound, "200 o más de 190" a second number.
        bound_after_re=_ci(GAP1 + "(?P<q>" + _alternation(quals["bound_after"]) + ")" + WORD_END + "(?!" + GAP1 + "(?:de|del|que)" + WORD_END + ")"),
        article_before_re=_ci(WORD_START + "(?P<a>" + articles + ")" + GAP1 + "$"),
        change_word_re=_ci(WORD_START + "(?:" + _alternation(quals["change_words"]) + ")" + WORD_END),
        month_re=_ci(WORD_START + "(?:" + _alternation(dates["months"]) + r")(?:(?<=\.)|" + WORD_END + ")"),
        month_abbreviation_re=_ci(WORD_START + "(?:" + _alternation(dates["month_abbreviations"]) + r")\.?" + WORD_END),
        weekday_before_re=_ci(WORD_START + "(?:" + _alternation(dates["weekdays"]) + ")" + GAP1 + "$"),
        year_cue_before_re=_ci(WORD_START + "(?:" + _alternation(dates["year_cues"]) + ")" + GAP + "$"),
        range_from_before_re=_ci(WORD_START + "(?:" + _alternation(quals["range_from"]) + ")" + GAP1 + "(?:(?:" + articles + ")" + GAP1 + ")?$"),
        range_to_re=_ci(GAP1 + "(?:" + _alternation(quals["range_to"]) + ")" + GAP1 + "(?:(?:" + articles + ")" + GAP1 + ")?"),
        range_and_re=_ci(GAP1 + "(?:" + _alternation(quals["range_and"]) + ")" + GAP1 + "(?:(?:" + articles + ")" + GAP1 + ")?"),
    )
