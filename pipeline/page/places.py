"""The places and countries tables, loaded once: which country a place is in.

Names read them to keep places out of organisations; the page reads them to
tell an outlet's country from the places its text names. `places.json` holds
each country's divisions and main cities by hand; `towns.json` the towns of
5,000 people or more from GeoNames (built by scripts/build_towns.py).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from pipeline.trie import split_words, trie_pattern

_GAP = r"[ \u00a0]+"
_SMALL_WORDS = frozenset({"de", "del", "la", "las", "los", "y", "el"})


def as_written(place: str) -> str:
    """'SANTIAGO DE COMPOSTELA' -> 'Santiago de Compostela': a place in capitals
    (a dateline's) as the gazetteer writes it."""
    words = place.lower().split()
    return " ".join(w if i and w in _SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _load(name: str) -> dict:
    return json.loads(resources.files("pipeline.page").joinpath("data").joinpath(name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Country:
    code: str
    names: tuple[str, ...]
    english: str
    demonyms: tuple[str, ...]
    currency: str
    dollar_sign: str
    peso: str | None
    numbers: str
    tld: str
    signs: tuple[tuple[str, str], ...] = ()  # local currency signs: (("Q", "GTQ"),)
    temperature: str = "°C"  # what a bare "grados" of heat is: Fahrenheit in the United States


@dataclass(frozen=True)
class Gazetteer:
    countries: dict[str, Country]
    place_countries: dict[str, tuple[str, ...]]  # a place's written form -> the countries that have one so named
    country_of_name: dict[str, str]  # "México" -> "MX"
    country_of_demonym: dict[str, str]  # "mexicano" -> "MX"
    pattern: re.Pattern  # any place or country name, whole words, as written
    english_of_place: dict[str, str]  # "Aragón" -> "Aragon", where the English name differs
    towns: frozenset[str] = frozenset()  # the forms only the GeoNames towns table holds

    def is_place(self, text: str) -> bool:
        return text in self.place_countries or text in self.country_of_name

    def countries_of(self, form: str) -> tuple[str, ...]:
        """'Madrid' -> ('ES', 'CO'): a country's name is that country alone."""
        code = self.country_of_name.get(form)
        return (code,) if code else self.place_countries.get(form, ())

    def find(self, text: str) -> list[tuple[int, int, tuple[str, ...]]]:
        """(start, end, countries) of every place and country name in `text`."""
        found = []
        for match in self.pattern.finditer(text):
            codes = self.countries_of(match.group())
            if codes:
                found.append((match.start(), match.end(), codes))
        return found


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    countries = {
        code: Country(code, tuple(row["names"]), row["english"], tuple(row["demonyms"]), row["currency"],
                      row["dollar_sign"], row.get("peso"), row["numbers"], row["tld"], tuple(row.get("signs", {}).items()),
                      row.get("temperature", "°C"))
        for code, row in _load("countries.json")["countries"].items()
    }
    place_countries: dict[str, tuple[str, ...]] = {}
    places = _load("places.json")
    tables = [(code, [*groups["regions"], *groups["cities"]]) for code, groups in places["places"].items()]
    towns = _load("towns.json")["towns"]
    for code, forms in [*tables, *towns.items()]:
        for form in forms:
            known = place_countries.get(form, ())
            place_countries[form] = known if code in known else (*known, code)
    names = {name: c.code for c in countries.values() for name in c.names}
    demonyms = {d: c.code for c in countries.values() for d in c.demonyms}
    forms = set(place_countries) | set(names)
    body = trie_pattern((split_words(form, _GAP) for form in forms), fold_case=False)
    pattern = re.compile(r"(?<![^\W_])(?:" + body + r")(?![^\W_])")
    listed = {form for _, forms in tables for form in forms}
    only_towns = frozenset(form for forms in towns.values() for form in forms) - listed
    return Gazetteer(countries, place_countries, names, demonyms, pattern, places["english"], only_towns)
