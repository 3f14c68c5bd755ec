"""What follows a number and says what it measures: currency, percent, unit,
duration, and a rate's denominator ("al día", "por megavatio hora")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipeline.numbers.lexicon import GAP1, Lexicon, currency_codes, fold, lexicon
from pipeline.numbers.match import Unit
from pipeline.singular import singular

if TYPE_CHECKING:
    from pipeline.numbers.recognizer import Scanner

# "millones de euros"; Catalan left by a translator elides it: "480 milions d'euros"
_DE = re.compile(GAP1 + r"(?:de" + GAP1 + r"|d['’])", re.IGNORECASE)
# "por (cada) X": X a unit or a noun. What cannot follow "por" in a rate.
_PER = re.compile(GAP1 + r"por" + GAP1 + r"(?:cada" + GAP1 + r")?", re.IGNORECASE)
_PER_NOUN = re.compile(r"(?P<noun>[A-ZÁÉÍÓÚÑ]{2,}s?|[a-záéíóúñü]{3,})(?![^\W\d_])")
_AMOUNT_NEXT = re.compile(r"\$?[ \u00a0]?\d")
_NOT_DENOMINATORS = frozenset(
    "parte ciento encima debajo delante detrás ejemplo tanto favor fin ahora otro otra otros otras todo toda "
    "todos todas ello eso esto esta este ese esa estos estas esos esas unos unas sus nuestro nuestra vez "
    "primera segundo segunda tercera ciento completo ley decreto medio los las del".split()
)


def unit_after(sc: "Scanner", core_end: int, scaled: bool) -> Unit | None:
    text, lex = sc.text, sc.lex
    scaled_currency = lex.scaled_currency_re.match(text, core_end)
    if scaled_currency:
        multiplier, code = lex.scaled_currency[fold(scaled_currency.group().strip())]
        return Unit(scaled_currency.end(), "MONEY", code, multiplier)
    percent = lex.percent_re.match(text, core_end)
    if percent:
        return Unit(percent.end(), "PERCENT", None)
    starts = [core_end]
    if scaled:
        de = _DE.match(text, core_end)
        if de:
            starts.append(de.end())
    for start in starts:
        found = _currency_or_measure(sc, start, first=start == core_end)
        if found:
            return found
    duration = lex.duration_re.match(text, core_end)
    if duration:
        unit, multiplier = lex.duration_unit(duration.group().strip())
        return Unit(duration.end(), "DURATION", unit, multiplier)
    return None


def _currency_or_measure(sc: "Scanner", start: int, *, first: bool) -> Unit | None:
    lex, text = sc.lex, sc.text
    currency = lex.currency_after_re.match(text, start)
    if currency:
        form = currency.group().strip()
        if first or len(form) > 1:
            return Unit(currency.end(), "MONEY", lex.currency_code(form, before=False))
    measure = lex.measure_re.match(text, start)
    if measure and _measure_ok(sc, start, measure):
        return Unit(measure.end(), "QUANTITY", lex.measure_unit(measure.group().strip()))
    return None


_AUXILIARY_HA = re.compile(r"\s+(?:\w+\s+)?\w+(?:ado|ido|to|cho|so)\b")


def _measure_ok(sc: "Scanner", start: int, match: re.Match) -> bool:
    """One-letter units ('m', 'l', 'g') only right after the number, lower case."""
    form = match.group().strip()
    if form == "ha" and _AUXILIARY_HA.match(sc.text, match.end()):
        return False  # "desde 2006 ha invertido": the verb, not hectares
    if len(form) > 1:
        return True
    return form in ("l", "g", "m", "W") and match.start() == start and not sc.text[match.end() : match.end() + 1] == "."


def rate_after(text: str, pos: int, lex: Lexicon | None = None) -> tuple[int, str] | None:
    """A rate's denominator right after `pos`: (its end, the unit it is per).

    "al día" is per day; "por megavatio hora" per MWh; "por chip" per chip;
    "de agua al día" per day too.
    """
    lex = lex or lexicon()
    table = lex.rate_re.match(text, pos)
    if table:
        return table.end(), lex.rates[fold(table.group().strip())]
    material = lex.material_re.match(text, pos)
    if material and (lex.rate_re.match(text, material.end()) or _PER.match(text, material.end())):
        return rate_after(text, material.end(), lex)  # "35 metros cúbicos de agua al día"
    per = _PER.match(text, pos)
    if not per:
        return None
    measure = lex.measure_re.match(text, per.end())
    if measure and measure.group().strip() and len(measure.group().strip()) > 1:
        return measure.end(), lex.measure_unit(measure.group().strip())
    noun = _PER_NOUN.match(text, per.end())
    if not noun or noun.group().lower() in _NOT_DENOMINATORS or lex.number_word_re.match(noun.group()):
        return None
    word = noun.group()
    if word in currency_codes() and _AMOUNT_NEXT.match(text, noun.end()):
        return None  # "un parque de 50 MW por USD 41,8 millones": the price paid for it, no rate
    if word.islower() and singular(word) != word:
        return None  # "un cargo de 5.500 millones por compromisos de compra": a cause; a rate is per one ("por chip")
    return noun.end(), singular(word) if word.isupper() or word[:-1].isupper() else singular(word).lower()
