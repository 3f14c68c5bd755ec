"""Which country an article's outlet is in, when its metadata does not say.

Evidence, weighted as `data/country_cues.json` says: the place of a
dateline, the places the text names (each country's states and cities),
names of countries, currency forms only one country's press writes, and
web domains. The country with the highest score is chosen when it scores
enough and clearly more than the next; otherwise none is.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from pipeline.page.datelines import find_datelines
from pipeline.page.places import as_written, gazetteer



@dataclass(frozen=True)
class CountryGuess:
    country: str | None
    evidence: str  # what decided it, for the record's meta


@lru_cache(maxsize=1)
def _cues() -> dict:
    return json.loads(resources.files("pipeline.page").joinpath("data").joinpath("country_cues.json").read_text(encoding="utf-8"))


def infer_country(text: str) -> CountryGuess:
    scores, reasons = Counter(), Counter()
    for add in (_datelines, _places, _currencies, _domains):
        add(text, scores, reasons)
    ranked = scores.most_common(2)
    if not ranked:
        return CountryGuess(None, "no evidence in the text")
    decide = _cues()["decide"]
    (best, score), runner_up = ranked[0], (ranked[1][1] if len(ranked) > 1 else 0.0)
    said = ", ".join(f"{k} {v:g}" for k, v in reasons.most_common(4) if k.startswith(best + ":"))
    if score < decide["min_score"] or score < decide["margin"] * runner_up:
        return CountryGuess(None, f"unclear: {', '.join(f'{c} {s:g}' for c, s in ranked)}")
    return CountryGuess(best, f"text: {said}")


def _add(scores: Counter, reasons: Counter, country: str, weight: float, why: str) -> None:
    scores[country] += weight
    reasons[f"{country}:{why}"] += weight


def _datelines(text: str, scores: Counter, reasons: Counter) -> None:
    places = gazetteer()
    weight = _cues()["weights"]["dateline"]
    for _, _, place in find_datelines(text):
        codes = _outlets(places.countries_of(place) or places.countries_of(as_written(place)))
        for code in codes:
            _add(scores, reasons, code, weight / len(codes), "dateline")


def _outlets(codes) -> tuple[str, ...]:
    """Only countries with a Spanish-language press can be an outlet's."""
    allowed = _cues()["outlet_countries"]
    return tuple(code for code in codes if code in allowed)


def _places(text: str, scores: Counter, reasons: Counter) -> None:
    weights = _cues()["weights"]
    places = gazetteer()
    ignored = set(_cues()["not_evidence"])
    for start, end, found in places.find(text):
        if text[start:end] in ignored or _firm_named_after(text, end) or _person_named(text, start, end):
            continue  # "Altamira Cómputo", a firm named after a town, says nothing of the outlet
        codes = _outlets(found)
        for code in codes:
            # A place several countries have counts a share for each.
            weight = weights["US_place"] if code == "US" else weights["place"]
            _add(scores, reasons, code, weight / len(codes), "places")


_NEXT_WORD = re.compile(r"[ \u00a0]+([A-ZÁÉÍÓÚÑ][\w-]*)")


def _firm_named_after(text: str, end: int) -> bool:
    """A place followed by a word that names firms ("Altamira Cómputo",
    "Monterrey Data"), not by another name ("Barcelona Supercomputing Center")."""
    word = _NEXT_WORD.match(text, end)
    return bool(word) and word.group(1) in _naming_words()


def _person_named(text: str, start: int, end: int) -> bool:
    """'Por Florencia Bustingorry': a given name that is also a town, before a surname."""
    word = _NEXT_WORD.match(text, end)
    return bool(word) and text[start:end] in _given_names() and not gazetteer().is_place(word.group(1))


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    from pipeline.names.catalogue import default_data_dir  # imported late, as below
    from pipeline.names.people import people

    return people(str(default_data_dir())).given


@lru_cache(maxsize=1)
def _naming_words() -> frozenset[str]:
    from pipeline.names.catalogue import org_cues  # the name finder's own table; imported late, it imports this package

    return frozenset(w for w in org_cues()["suffixes"] if " " not in w)


def _currencies(text: str, scores: Counter, reasons: Counter) -> None:
    cues = _cues()
    for country, forms in cues["currency"].items():
        for form in forms:
            hits = len(re.findall(r"(?<![\w$/])" + re.escape(form) + r"(?![\w$/])", text))
            if hits:
                _add(scores, reasons, country, 3.0 * hits, "currency")
    for form, countries in cues["shared_currency"].items():
        hits = len(re.findall(r"(?<![\w$])" + re.escape(form) + r"(?![\w$])", text))
        for country in countries if hits else ():
            _add(scores, reasons, country, 1.0 * hits, "currency")


def _domains(text: str, scores: Counter, reasons: Counter) -> None:
    weight = _cues()["weights"]["tld"]
    for country in gazetteer().countries.values():
        if country.code in _cues()["outlet_countries"] and re.search(r"\.(?:com|gob|gov|org|net|edu)?" + re.escape(country.tld) + r"\b", text):
            _add(scores, reasons, country.code, weight, "domain")
