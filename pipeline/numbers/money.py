"""Amounts whose currency is written elsewhere: in the same sentence
("invertirá 5.000 millones de dólares y otros 4.000 millones") or only in
the article ("facturó 12.400 millones" in an article about dollars)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from pipeline.numbers.lexicon import GAP1, Lexicon, _load
from pipeline.numbers.match import NumberMatch
from pipeline.numbers.values import tidy

_MILLIONS = re.compile(r"(?<![^\W\d_])(?:millones|millón|millon|billones|billón|millardos?)(?![^\W\d_])", re.IGNORECASE)
_COUNTED_AFTER = re.compile(GAP1 + r"(?:de|del)(?![^\W\d_])", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")
_CLAUSE_REACH = 80


@lru_cache(maxsize=1)
def _money_words() -> re.Pattern:
    words = sorted(_load("units.json")["money_words"], key=len, reverse=True)
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, words)) + r")(?![^\W\d_])", re.IGNORECASE)


# "20 billones de dólares" would be twenty trillion: more than any company,
# project or market of this beat. Pages machine-translated from English write
# "billones" for "billion"; from this many on, that is what is meant.
_ENGLISH_BILLIONS_FROM = 20
_BILLONES = re.compile(r"(?<![^\W\d_])billones(?![^\W\d_])", re.IGNORECASE)
# ...but a Latin-American currency's billones are its own press's, 10^12: "$26 billones"
# of Colombian pesos is a refinery's revenue (the dollar and the euro are not exempt)
_NATIVE_BILLONES = frozenset(_load("units.json")["native_billones"])


def english_billions(results: list[NumberMatch]) -> None:
    for match in results:
        amounts = [a for a in (match.value, match.low, match.high) if a is not None]
        if match.label != "MONEY" or not _BILLONES.search(match.text) or not amounts or match.unit in _NATIVE_BILLONES:
            continue
        if min(amounts) >= _ENGLISH_BILLIONS_FROM * 1e12:
            scale = lambda a: None if a is None else tidy(a / 1000)  # noqa: E731
            match.value, match.low, match.high = scale(match.value), scale(match.low), scale(match.high)
            match.rule += "+billones-as-english-billion"


def carry_currency(text: str, results: list[NumberMatch], lex: Lexicon) -> None:
    article_currency = _main_currency(results)
    for index, match in enumerate(results):
        if match.label != "CARDINAL" or not _MILLIONS.search(match.text):
            continue
        if _COUNTED_AFTER.match(text, match.end) and not _money_noun_after(text, match.end):
            continue  # "4.000 millones de usuarios" counts users; "95 millones de inversión" is money
        code = _sentence_currency(text, results, index)
        if code:
            match.label, match.unit = "MONEY", code
            match.rule += "+currency-of-sentence"
        elif said := _said_elsewhere(results, index):
            match.label, match.unit = "MONEY", said
            match.rule += "+currency-of-same-amount"
        elif article_currency and (_money_word_before(text, match.start) or _money_noun_after(text, match.end)):
            match.label, match.unit = "MONEY", article_currency
            match.rule += "+currency-of-article"


def _sentence_currency(text: str, results: list[NumberMatch], index: int) -> str | None:
    """Money before the amount in its sentence, with only dates between."""
    match = results[index]
    for previous in reversed(results[:index]):
        if previous.label == "MONEY" and not _SENTENCE_BREAK.search(text, previous.end, match.start):
            return previous.unit
        if previous.label not in ("MONEY", "DATE"):
            return None
    return None


def _said_elsewhere(results: list[NumberMatch], index: int) -> str | None:
    """'una inversión de 46,5 millones de euros ... De los 46,5 millones, ...':
    the same amount, said again, is the same money; so is a headline's
    "46,5 millones" that the body then gives in euros."""
    value = results[index].value
    for other in results:
        if other.label == "MONEY" and other.value == value and value is not None:
            return other.unit
    return None


def _main_currency(results: list[NumberMatch]) -> str | None:
    counts = Counter(m.unit for m in results if m.label == "MONEY" and m.unit)
    return counts.most_common(1)[0][0] if counts else None


def _money_noun_after(text: str, end: int) -> bool:
    """'95 millones de inversión subvencionable', '31 millones de ayuda': what the millions are of."""
    after = _OF_WHAT.match(text, end)
    return bool(after) and bool(_money_words().fullmatch(after.group(1)))


_OF_WHAT = re.compile(r"[ \u00a0]+de[ \u00a0]+(?:(?:la|las|los|el|su|sus)[ \u00a0]+)?([^\W\d_]+)")


def _money_word_before(text: str, start: int) -> bool:
    window = text[max(0, start - _CLAUSE_REACH) : start]
    clause = _SENTENCE_BREAK.split(window)[-1]
    return bool(_money_words().search(clause))
