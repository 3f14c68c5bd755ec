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


@dataclass(frozen=True)
class Lexicon:
    units: dict[str, float]
    hundreds: dict[str, float]
    thousand: frozenset[str]
    scales: dict[str, float]
    half: frozenset[str]
    decimal_words: frozenset[str]
    vague: dict[str, tuple[float, float]]
    suffixes: dict[str, float]
    currency_after: dict[str, str]
    currency_before: dict[str, str]
    scaled_currency: dict[str, tuple[float, str]]
    measure: dict[str, str]
    duration: dict[str, str]
    duration_seconds: dict[str, float]
    percent: frozenset[str]
    lower_bound: frozenset[str]
    upper_bound: frozenset[str]
    approx: frozenset[str]
    approx_and_lower: frozenset[str]
    range_open: frozenset[str]
    range_from: frozenset[str]
    range_to: frozenset[str]
    range_and: frozenset[str]
    articles: frozenset[str]
    months: dict[str, int]
    year_cues: frozenset[str]
    year_range: tuple[int, int]
    year_followers: frozenset[str]
    name_words: frozenset[str]
    # compiled
    number_word_re: re.Pattern
    vague_re: re.Pattern
    suffix_re: re.Pattern
    scale_re: re.Pattern
    percent_re: re.Pattern
    currency_after_re: re.Pattern
    currency_before_re: re.Pattern
    scaled_currency_re: re.Pattern
    measure_re: re.Pattern
    duration_re: re.Pattern
    qualifier_before_re: re.Pattern
    article_before_re: re.Pattern
    month_re: re.Pattern
    year_cue_before_re: re.Pattern

    def word_value(self, word: str) -> float | None:
        word = word.lower()
        if word in self.units:
            return self.units[word]
        if word in self.hundreds:
            return self.hundreds[word]
        return None

    def is_number_word(self, word: str) -> bool:
        word = word.lower()
        return (
            word in self.units
            or word in self.hundreds
            or word in self.thousand
            or word in self.scales
            or word in self.half
        )

    def qualifier_kind(self, phrase: str) -> str:
        phrase = _fold(phrase)
        if phrase in self.approx_and_lower:
            return "approx_lower"
        if phrase in self.range_open:
            return "range"
        if phrase in self.lower_bound:
            return "lower"
        if phrase in self.upper_bound:
            return "upper"
        if phrase in self.approx:
            return "approx"
        raise KeyError(phrase)

    def currency_code(self, form: str, *, before: bool) -> str:
        table = self.currency_before if before else self.currency_after
        return table[_fold(form)]

    def measure_unit(self, form: str) -> str:
        return self.measure[_fold(form)]

    def duration_unit(self, form: str) -> str:
        return self.duration[_fold(form)]


def fold(text: str) -> str:
    """Lower case with runs of any space collapsed: the key form of every table."""
    return _fold(text)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    words = _load("number_words.json")
    units = _load("units.json")
    quals = _load("qualifiers.json")
    dates = _load("dates.json")

    number_words = (
        list(words["units"]) + list(words["hundreds"]) + words["thousand"] + list(words["scales"]) + words["half"]
    )
    qualifiers = (
        quals["lower_bound"] + quals["upper_bound"] + quals["approx"] + quals["approx_and_lower"] + quals["range_open"]
    )
    # Measure units such as "l", "m" or "g" are one letter: they need a word
    # boundary on both sides, which WORD_END gives after and the preceding
    # number gives before.
    measure_forms = list(units["measure"])
    scaled = {k: (float(v[0]), v[1]) for k, v in units["scaled_currency"].items()}
    suffixes = {k: float(v) for k, v in words["suffixes"].items()}

    def ci(pattern: str) -> re.Pattern:
        return re.compile(pattern, re.IGNORECASE)

    return Lexicon(
        units={k: float(v) for k, v in words["units"].items()},
        hundreds={k: float(v) for k, v in words["hundreds"].items()},
        thousand=frozenset(words["thousand"]),
        scales={k: float(v) for k, v in words["scales"].items()},
        half=frozenset(words["half"]),
        decimal_words=frozenset(words["decimal_words"]),
        vague={k: (float(v[0]), float(v[1])) for k, v in words["vague"].items()},
        suffixes=suffixes,
        currency_after={_fold(k): v for k, v in units["currency_after"].items()},
        currency_before={_fold(k): v for k, v in units["currency_before"].items()},
        scaled_currency=scaled,
        measure={_fold(k): v for k, v in units["measure"].items()},
        duration={_fold(k): v for k, v in units["duration"].items()},
        duration_seconds={k: float(v) for k, v in units["duration_seconds"].items()},
        percent=frozenset(_fold(p) for p in units["percent"]),
        lower_bound=frozenset(_fold(q) for q in quals["lower_bound"]),
        upper_bound=frozenset(_fold(q) for q in quals["upper_bound"]),
        approx=frozenset(_fold(q) for q in quals["approx"]),
        approx_and_lower=frozenset(_fold(q) for q in quals["approx_and_lower"]),
        range_open=frozenset(_fold(q) for q in quals["range_open"]),
        range_from=frozenset(_fold(q) for q in quals["range_from"]),
        range_to=frozenset(_fold(q) for q in quals["range_to"]),
        range_and=frozenset(_fold(q) for q in quals["range_and"]),
        articles=frozenset(quals["articles"]),
        months={k: int(v) for k, v in dates["months"].items()},
        year_cues=frozenset(_fold(c) for c in dates["year_cues"]),
        year_range=(int(dates["year_range"][0]), int(dates["year_range"][1])),
        year_followers=frozenset(dates.get("year_followers", ())),
        name_words=frozenset(_load("name_words.json")["words"]),
        number_word_re=ci(WORD_START + "(?:" + _alternation(number_words) + ")" + WORD_END),
        vague_re=ci(WORD_START + "(?:" + _alternation(words["vague"]) + ")" + WORD_END),
        # Suffixes are case-sensitive: "100M" is a hundred million, "100m" metres.
        suffix_re=re.compile("(?:" + trie_pattern(list(suffixes)) + ")" + WORD_END),
        scale_re=ci(GAP1 + "(?:(?P<mil>mil)(?:" + GAP1 + "(?P<milscale>" + _alternation(words["scales"]) + "))?|(?P<scale>" + _alternation(words["scales"]) + "))" + WORD_END),
        percent_re=ci(GAP + "(?:" + _alternation(units["percent"]) + ")" + WORD_END),
        currency_after_re=ci(GAP + "(?:" + _alternation(units["currency_after"]) + ")" + WORD_END),
        currency_before_re=ci(WORD_START + "(?:" + _alternation(units["currency_before"]) + ")" + GAP + "$"),
        scaled_currency_re=ci(GAP + "(?:" + _alternation(scaled) + ")" + WORD_END),
        measure_re=ci(GAP + "(?:" + _alternation(measure_forms) + ")" + r"(?![^\W_])"),
        duration_re=ci(GAP + "(?:" + _alternation(units["duration"]) + ")" + r"(?![^\W_])"),
        qualifier_before_re=ci(WORD_START.replace("(?<!", "(?<!") + "(?P<q>" + _alternation(qualifiers) + ")" + GAP + "$"),
        article_before_re=ci(WORD_START + "(?P<a>" + _alternation(quals["articles"]) + ")" + GAP1 + "$"),
        month_re=ci(WORD_START + "(?:" + _alternation(dates["months"]) + ")" + WORD_END),
        year_cue_before_re=ci(WORD_START + "(?:" + _alternation(dates["year_cues"]) + ")" + GAP + "$"),
    )
