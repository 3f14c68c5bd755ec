"""What an article's numbers mean beyond their own words: its number
convention and what its bare "$" and "pesos" are."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.numbers.lexicon import glued_signs
from pipeline.numbers.style import NumberStyle, decide_style

DOLLAR_SIGN, PESO, DEGREE = "$DOLLAR", "$PESO", "$DEGREE"
# With no country known, a bare "$" is the US dollar, as in most of the
# world's press; "pesos" cannot be told, and the Mexican peso, the one most
# written about, is a guess that the span's rule says is one.
_UNKNOWN = {DOLLAR_SIGN: "USD", PESO: "MXN"}


@dataclass(frozen=True)
class NumberContext:
    style: NumberStyle
    dollar_sign: str | None = None  # what "$" means in the outlet's country
    peso: str | None = None  # what "pesos" means there
    country: str | None = None
    notes: tuple[str, ...] = field(default=())
    signs: tuple[tuple[str, str], ...] = ()  # the country's own signs ("Q" the quetzal in Guatemala), written as is
    temperature: str = "°C"  # a bare "grados": Celsius, Fahrenheit in the United States
    own_currency: str | None = None  # the country's currency: which "dirhams" a Moroccan page means

    def currency(self, code: str) -> tuple[str, bool]:
        """A currency code with '$DOLLAR' and '$PESO' resolved, and a name
        several currencies share ('AED|MAD') read as the country's own where
        it is one of them; and whether that was a guess."""
        if "|" in code:
            options = code.split("|")
            return (self.own_currency if self.own_currency in options else options[0]), False
        if code == DOLLAR_SIGN:
            return self.dollar_sign or _UNKNOWN[code], False
        if code == PESO:
            return (self.peso, False) if self.peso else (_UNKNOWN[code], True)
        return code, False

    def local_sign(self, before: str) -> tuple[str, str] | None:
        """The country's own sign ending `before` ('unos Q' -> ('Q', 'GTQ')),
        case as written and not inside a word ('IQ' is none)."""
        for sign, code in self.signs:
            found = re.search(r"(?<![^\W_])" + re.escape(sign) + r"[ \u00a0]?$", before)
            if found:
                return found.group(), code
        return None


def number_context(text: str, country=None) -> NumberContext:
    """The context of one article; `country` is a `pipeline.page.places.Country` or None."""
    if country is None:
        return NumberContext(decide_style(text), signs=glued_signs())
    signs = tuple(country.signs) + glued_signs()
    return NumberContext(decide_style(text, country.numbers), country.dollar_sign, country.peso, country.code, signs=signs,
                         temperature=country.temperature, own_currency=country.currency)

