"""Is a capitalised phrase a person? Given names tell.

The statistical model calls many organisations and places persons ("Kallpa
Generación", "Vaca Muerta", "Bajío Sustentable") and misses persons whose
names it has not seen ("Tomás Lagos"). A person's name starts with a given
name (`data/given_names.json`), or follows a word that only people have
("el ministro", "la directora", "dijo").
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

# Latin letters with the accents of Spanish, French and Portuguese names ("Hélène", "Gonçalo")
CAPITALISED = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]+"
# Given name, then one to three capitalised surnames, perhaps joined by "de", "del", "de la", "y",
# or the Catalan "i" ("Pol Vilaseca i Roura").
_FULL_NAME = re.compile(
    r"(?<![\w])(?P<name>(?P<given>" + CAPITALISED + r")(?:[ \u00a0]+" + CAPITALISED + r")?"
    r"(?:[ \u00a0]+(?:(?:de|del|de la|y|i)[ \u00a0]+)?" + CAPITALISED + r"){1,3})(?![\w])"
)
_PERSON_CUE = re.compile(
    r"(?:ministr[oa]|viceministr[oa]|secretari[oa]|subsecretari[oa]|president[ea]|vicepresident[ea]|director[a]?|directiv[oa]|"
    r"gerente|consejer[oa]|portavoz|vocer[oa]|alcalde(?:sa)?|gobernador[a]?|diputad[oa]|senador[a]?|juez|jueza|fiscal|"
    r"fundador[a]?|cofundador[a]?|analista|investigador[a]?|economista|ingenier[oa]|abogad[oa]|profesor[a]?|"
    r"socio|socia|jefe|jefa|titular|CEO|delegad[oa]|responsable|coordinador[a]?|experto|experta|vecina|vecino|"
    r"dijo|afirmó|explicó|aseguró|señaló|indicó|sostuvo|advirtió|añadió|agregó|precisó|según)"
    r"(?:[ \u00a0]+[a-záéíóúñ]+){0,4}[ \u00a0,]+$",
    re.IGNORECASE,
)
_OF = re.compile(r"[ \u00a0](?:de|del|de la|de los|de las)[ \u00a0]+$")
# "Luis de Guindos": a particle opens a surname, it is none itself
_PARTICLES = frozenset({"de", "del", "la", "las", "los", "van", "von", "da", "das", "do", "dos", "di", "le", "y", "i"})


class People:
    def __init__(self, directory: Path):
        data = json.loads((directory / "given_names.json").read_text(encoding="utf-8"))
        self.given = frozenset(data["names"])
        self.family_first = frozenset(data["family_first"])
        titles = "|".join(sorted(map(re.escape, data["honorifics"]), key=len, reverse=True)) or "(?!)"  # none: no name by a title
        self._honorific = re.compile(r"(?<![\w])(?:" + titles + r")[ \u00a0]+(?P<name>" + CAPITALISED + r"(?:[ \u00a0]+" + CAPITALISED + r"){1,3})(?![\w])")

    def plausible(self, text: str, start: int, surface: str) -> bool:
        """A model's PER is a person when it starts with a given name or follows a person's word."""
        first = surface.split()[0]
        initial = len(first) == 2 and first.endswith(".")  # "D. F. Jones"
        if first in self.given or initial:
            return True
        before = text[max(0, start - 60) : start]
        # "su director de Desarrollo Económico": what follows "de" is the office, not its holder
        return bool(_PERSON_CUE.search(before)) and not _OF.search(before)

    def surnames(self, canonical: str) -> list[str]:
        """The short forms of a full name: the last word, and of a Spanish
        double surname both together and the first ("Restrepo Mejía" and
        "Restrepo" of "Julián Restrepo Mejía", also after two given names or
        joined by the Catalan "i"); of a Chinese or Korean name, its first word."""
        words = canonical.split()
        if len(words) < 2:
            return []
        if len(words) == 2 and words[0] in self.family_first and words[1] not in self.given:
            return [words[0]]  # "Lin" of "Lin Wen-hsiung": the family name comes first
        if len(words) == 4 and words[2] in ("i", "y") and words[0] in self.given:
            return [" ".join(words[1:]), words[1]]  # "Vilaseca" of "Pol Vilaseca i Roura": the first surname
        if len(words) == 4 and words[0] in self.given and words[1] in self.given and words[2] not in self.given:
            return [" ".join(words[2:]), words[2], words[-1]]  # "Arbeláez" of "Luisa Fernanda Arbeláez Quintero"
        forms = [words[-1]]
        # "Ortiz Vélez" whole before either half; a first word the list lacks
        # ("Reinier Dopico Nápoles") is still a given name when the second is none
        if len(words) == 3 and words[1] not in self.given and words[1] not in _PARTICLES:
            forms = [" ".join(words[1:]), *forms, words[1]]
        return forms

    def _from_given_name(self, match: re.Match) -> re.Match:
        """'Jefe Ejecutivo Daniel Okafor': a capitalised title before the given name is no part of it."""
        if match.group("given") in self.given:
            return match
        for word in re.finditer(r"\S+", match.group("name")):
            if word.start() and word.group() in self.given:
                again = _FULL_NAME.match(match.string, match.start("name") + word.start())
                if again is not None and len(again.group("name").split()) >= 2:
                    return again
        return match

    def by_pattern(self, text: str) -> list[tuple[int, int]]:
        """'Tomás Lagos', 'Tomás Aldana Ruiz': a given name and surnames; 'Datuk
        Azman Rahim': the name after an honorific title."""
        found = [m.span("name") for m in self._honorific.finditer(text)]
        for match in map(self._from_given_name, _FULL_NAME.finditer(text)):
            words = match.group("name").split()
            if match.group("given") in self.given and words[1] not in self.given | {"De", "Del"}:
                found.append(match.span("name"))
            elif match.group("given") in self.given and len(words) > 2:
                found.append(match.span("name"))  # "José María Álvarez": a compound given name
            elif match.group("given") in self.family_first and len(words) == 2 and words[1] not in self.given:
                found.append(match.span("name"))  # "Shen Weiliang", "Park Seong-ho": the family name first
        return found


@lru_cache(maxsize=4)
def people(directory: str) -> People:
    return People(Path(directory))
