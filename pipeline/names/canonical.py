"""Canonical names of organisations found by rule, not by the catalogue.

The canonical is the usual English name where one is established (the
European Commission, the Government of Chile, the Ministry of Mines and
Energy), else the full name as written; never with a legal form ("Nubaria
Data Centers, S.A. de C.V." is "Nubaria Data Centers").
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from pipeline.page.places import gazetteer


class Canonicaliser:
    def __init__(self, directory: Path, legal_forms):
        data = json.loads((directory / "public_bodies.json").read_text(encoding="utf-8"))
        self.known: dict[str, str] = data["known"]
        self.heads = sorted(data["heads"].items(), key=lambda kv: -len(kv[0]))
        self.place_first = sorted(data["place_first"].items(), key=lambda kv: -len(kv[0]))
        self.us_state_first = sorted(data["us_state_first"].items(), key=lambda kv: -len(kv[0]))
        self.town_first = sorted(data["town_first"].items(), key=lambda kv: -len(kv[0]))
        self.words: dict[str, str] = data["words"]
        self.joins: dict[str, str] = data["joins"]
        self._national = re.compile("(?:" + "|".join(map(re.escape, data["national_suffixes"])) + ")$")
        self.national_bodies: dict[str, str] = data["national_bodies"]
        self.national_body_synonyms: dict[str, str] = data["national_body_synonyms"]
        self.regional_bodies: dict[str, list] = data["regional_bodies"]
        self.regional_adjectives: tuple[str, ...] = tuple(data["regional_adjectives"])
        self.regional_governments: dict[str, str] = data["regional_governments"]
        self._national_body_names: dict[str, dict[str, str]] = data["national_body_names"]
        self._with_the = (tuple(data["english_with_the"]["starts"]), tuple(data["english_with_the"]["ends"]))
        forms = sorted(legal_forms, key=len, reverse=True)
        self._legal = re.compile(r"[ \u00a0]*,?[ \u00a0]+(?:" + "|".join(map(re.escape, forms)) + r")$")

    def without_legal_form(self, name: str) -> str:
        stripped = self._legal.sub("", name)
        return stripped if stripped else name

    def org(self, name: str) -> str:
        bare = self.without_legal_form(name)
        if bare[:1].islower():
            bare = bare[0].upper() + bare[1:]  # "el gobierno de Canadá": the Government of Canada
        bare = self._national.sub("", bare) or bare
        return self.known.get(bare) or self._place_first(bare) or self._translated(bare) or bare

    def _place_first(self, name: str) -> str | None:
        """'Comisión de Servicio Público de Georgia': the Georgia Public Service Commission;
        'Senado de Texas': the Texas Senate; 'Distrito Escolar Independiente de
        Taylor': the Taylor Independent School District."""
        for head, english in self.us_state_first:
            place = name[len(head) + 1 :] if name.startswith(head + " ") else ""
            if place and gazetteer().countries_of(place) == ("US",):
                return f"{_country_english(place) or place} {english}"
        for head, english in self.town_first:
            place = name[len(head) + 1 :] if name.startswith(head + " ") else ""
            if _CAPITALISED.fullmatch(place):
                return f"{place} {english}"
        for head, english in self.place_first:
            place = name[len(head) + 1 :] if name.startswith(head + " ") else ""
            if gazetteer().is_place(place) or (head.endswith("Condado de") and _CAPITALISED.fullmatch(place)):
                return f"{_country_english(place) or place} {english}"
        return None

    def _translated(self, name: str) -> str | None:
        for head, english in self.heads:
            if name.startswith(head + " "):
                rest = name[len(head) + 1 :]
                place = re.sub(r"^(?:la|el|los|las)\s+", "", rest)  # "Gobierno de la Ciudad de México"
                if english.startswith("Government of") or (english.startswith(("Central Bank of", "Senate of", "Congress of")) and gazetteer().is_place(place)):
                    return f"{english} {self._the(_country_english(place)) or _without_division(place)}"
                if english.endswith("University of") and head.endswith(" del") and not gazetteer().is_place(rest):
                    return None  # "Universidad del Norte", "Universidad del Valle de Guatemala": known by their Spanish names
                if english.endswith("University of"):
                    # of a place by its English name ("Universidad de Sevilla" is the University of Seville),
                    # else as written: "Universidad de los Andes" is the University of the Andes; not
                    # "Universidad Nacional de Ciencias Aplicadas de Tarma", whose field has no English here
                    if not (gazetteer().is_place(_without_division(rest)) or _country_english(rest) or re.match(r"(?:los|las|la|el) ", rest) or self._words(rest)):
                        return None
                    return f"{english} {self._the(_country_english(rest)) or re.sub(r'^(?:los|las|la|el) ', 'the ', rest)}"
                words = self._words(rest)
                return f"{english} {words}" if words else None
        return None

    def _words(self, rest: str) -> str | None:
        """'Minas y Energía' -> 'Mines and Energy'; None if a word is unknown."""
        parts = re.split(r"(,\s*|\s+(?:y|e)\s+)", rest)
        out = []
        for part in parts:
            key = re.sub(r"^(?:de\s+)?(?:la|las|el|los)\s+|^del\s+", "", part.strip())  # "y las Comunicaciones", "y de la Sociedad de..."
            if key in ("", ","):
                out.append(", " if key == "," else "")
            elif key in self.joins:
                out.append(f" {self.joins[key]} ")
            elif key in self.words:
                out.append(self.words[key])
            else:
                return None
        return re.sub(r"\s+", " ", "".join(out)).strip()

    def _the(self, english: str | None) -> str | None:
        """'Region of Murcia' -> 'the Region of Murcia': as English writes it after 'of'."""
        starts, ends = self._with_the
        return f"the {english}" if english and (english.startswith(starts) or english.endswith(ends)) else english

    def national_body(self, word: str, country_code: str) -> str | None:
        """'el Congreso' in a Paraguayan outlet: the Congress of Paraguay."""
        word = self.national_body_synonyms.get(word, word)
        named = self._national_body_names.get(country_code, {}).get(word)
        country = gazetteer().countries.get(country_code)
        return named or (f"{self.national_bodies[word]} {self._the(country.english)}" if country else None)

    def regional_body(self, word: str, text: str) -> str | None:
        """'la Generalitat' in an article about Valencia: the Generalitat Valenciana."""
        options = self.regional_bodies[word]
        if len(options) == 1 and not options[0][1]:
            return options[0][0]
        counts = [(sum(len(re.findall(r"(?<!\w)" + re.escape(place) + r"(?!\w)", text)) for place in places), name) for name, places in options]
        best = max(counts)
        return best[1] if best[0] > 0 else None

    def government_of(self, country_code: str) -> str | None:
        """'el gobierno estadounidense': the country's government, by its established English name."""
        named = self._national_body_names.get(country_code, {}).get("Gobierno")
        country = gazetteer().countries.get(country_code)
        return named or (f"Government of {self._the(country.english)}" if country else None)


_CAPITALISED = re.compile(r"[A-ZÁÉÍÓÚÑ][\w-]*(?: [A-ZÁÉÍÓÚÑ][\w-]*)*")


def _without_division(place: str) -> str:
    """'Gobierno del Estado de Johor' is the Government of Johor ('Estado de
    México', a state's own name, has its English name before this)."""
    return re.sub(r"^(?:Estado|Provincia|Departamento)\s+(?:de|del)\s+", "", place)


def _country_english(place: str) -> str | None:
    """A country's or region's English name: 'Gobierno de Aragón' is the Government of Aragon."""
    code = gazetteer().country_of_name.get(place)
    return gazetteer().countries[code].english if code else gazetteer().english_of_place.get(place)


@lru_cache(maxsize=4)
def canonicaliser(directory: str, legal_forms: tuple[str, ...]) -> Canonicaliser:
    return Canonicaliser(Path(directory), legal_forms)
