"""Find the organisations, people and hardware of a text.

Sources, strongest first: the catalogues (known names and their spellings);
the table of machine-translation artefacts, each only in the context its
entry allows; context rules for organisations the catalogue does not know
("la empresa Lightmatter", "Acme Inc."); and the statistical model's PER
and ORG entities, kept only when they look like names. Last, one name gets
one label in an article: every other mention of an accepted name (and the
surname of an accepted person) gets the same label and canonical.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from pipeline.names.catalogue import Catalogue, Entry, Hit, catalogue, org_cues

_COORDINATION = re.compile(r"^[ \t\u00a0]*(?:,|y|e|o|u|&)[ \t\u00a0]*$|^[ \t\u00a0]*,[ \t\u00a0]*(?:y|e|o)[ \t\u00a0]*$")
_CAPITALISED_WORD = re.compile(r"[A-ZÁÉÍÓÚÑÜ][\w'’.&-]*")
_SURNAME_AFTER = re.compile(r"[ \u00a0][A-ZÁÉÍÓÚÑ][a-záéíóúñü]+(?:[ \u00a0]|[,.;:]|$)")
_SENTENCE_END = re.compile(r"(?:^|[.!?¿¡…:\n\"“”«»])[ \t\u00a0\"“”«»(]*$")


@dataclass
class NameMatch:
    start: int
    end: int
    text: str
    label: str
    canonical: str
    kind: str | None = None
    category: str | None = None
    rule: str = ""


def _mentions(text: str, forms) -> list[tuple[int, str]]:
    """Whole-word occurrences of the forms, leftmost first, the longest form
    where several start at one place, none overlapping.

    str.find rather than one regular expression of the article's forms:
    compiling a new pattern for every article cost more than the search.
    """
    found: list[tuple[int, int, str]] = []
    for form in forms:
        if not form:
            continue
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                found.append((at, -len(form), form))
            at = text.find(form, at + 1)
    found.sort()
    chosen: list[tuple[int, str]] = []
    last_end = 0
    for start, negative_length, form in found:
        if start >= last_end:
            chosen.append((start, form))
            last_end = start - negative_length
    return chosen


def _overlaps(a_start: int, a_end: int, taken: list[tuple[int, int]]) -> bool:
    return any(a_start < end and start < a_end for start, end in taken)


class NameFinder:
    def __init__(self, data_dir: str | None = None):
        self.catalogue: Catalogue = catalogue(data_dir)
        cues = org_cues(data_dir)
        self.not_names = frozenset(cues["not_names"]) | frozenset(cues.get("places", ()))
        nouns = "|".join(sorted((re.escape(n) for n in cues["nouns"]), key=len, reverse=True))
        suffixes = "|".join(sorted((re.escape(s) for s in cues["suffixes"]), key=len, reverse=True))
        name = r"[A-ZÁÉÍÓÚÑ][\w'’&.-]*(?:[ \u00a0](?:[A-ZÁÉÍÓÚÑ0-9][\w'’&.-]*))*"
        # "la empresa Lightmatter", "el laboratorio francés Mistral"
        self._cue_before = re.compile(
            r"(?<![^\W_])(?:la|el|los|las|una|un|del|al)\s+(?:" + nouns + r")(?:\s+(?:" + nouns + r"))?\s+(?P<name>" + name + r")"
        )
        self._suffix_after = re.compile(r"(?P<name>" + name + r")[ \u00a0,]+(?P<suffix>" + suffixes + r")(?![\w])")
        heads = "|".join(sorted((re.escape(h) for h in cues.get("institution_heads", ())), key=len, reverse=True))
        joins = "|".join(sorted((re.escape(c) for c in cues.get("institution_connectors", ())), key=len, reverse=True))
        cap = r"[A-ZÁÉÍÓÚÑ][\w'’-]*"
        # "Gobierno de Aragón", "Confederación Hidrográfica del Ebro"
        self._institution = re.compile(
            r"(?<![\w])(?:" + heads + r")(?:[ \u00a0]+" + cap + r")*(?:[ \u00a0]+(?:" + joins + r")[ \u00a0]+" + cap + r"(?:[ \u00a0]+" + cap + r")*)+"
        ) if heads else None

    # ------------------------------------------------------------------ rules
    def _catalogue_hits(self, text: str, sentence_starts: set[int]) -> list[NameMatch]:
        hits = [h for h in self.catalogue.find(text) if not self._first_name(text, h)]
        known = [h for h in hits if h.entry.context == "always"]
        accepted: list[NameMatch] = [self._match(text, h, "catalogue" if h.entry.source == "catalogue" else "mt_artefact") for h in known]
        pending = [h for h in hits if h.entry.context != "always"]
        for hit in pending:
            if hit.entry.context == "capitalized" and not self._at_sentence_start(text, hit.start, sentence_starts):
                accepted.append(self._match(text, hit, "mt_artefact:capitalized"))
        # org_list artefacts need a known organisation beside them, so they
        # are decided after the others ("por Valle y Supermicro").
        orgs = [m for m in accepted if m.label == "ORG"]
        for hit in pending:
            if hit.entry.context == "org_list" and self._coordinated(text, hit, orgs):
                accepted.append(self._match(text, hit, "mt_artefact:org_list"))
        return accepted

    @staticmethod
    def _first_name(text: str, hit: Hit) -> bool:
        """'Aurora Gómez' is a person, not the Aurora supercomputer; 'Scott
        Guthrie' is not Kevin Scott: a one-word name followed by a surname
        is somebody else's first name."""
        one_word_person = hit.entry.label == "PER" and " " not in text[hit.start : hit.end]
        if not (hit.entry.common_word or one_word_person):
            return False
        return bool(_SURNAME_AFTER.match(text, hit.end))

    @staticmethod
    def _match(text: str, hit: Hit, rule: str) -> NameMatch:
        e: Entry = hit.entry
        return NameMatch(hit.start, hit.end, text[hit.start : hit.end], e.label, e.canonical, e.kind, e.category, rule)

    @staticmethod
    def _at_sentence_start(text: str, start: int, sentence_starts: set[int]) -> bool:
        if start in sentence_starts:
            return True
        return bool(_SENTENCE_END.search(text[max(0, start - 6) : start]))

    @staticmethod
    def _coordinated(text: str, hit: Hit, orgs: list[NameMatch]) -> bool:
        for org in orgs:
            between = text[hit.end : org.start] if org.start >= hit.end else text[org.end : hit.start]
            if len(between) <= 5 and _COORDINATION.match(between):
                return True
        return False

    def _context_orgs(self, text: str) -> list[NameMatch]:
        found = []
        for match in self._cue_before.finditer(text):
            name = self._trim_name(match.group("name"))
            if name:
                start = match.start("name")
                found.append(NameMatch(start, start + len(name), name, "ORG", name, rule="context:cue-noun"))
        for match in self._institution.finditer(text) if self._institution else ():
            name = match.group().rstrip(".,;:")
            found.append(NameMatch(match.start(), match.start() + len(name), name, "ORG", name, rule="context:institution"))
        for match in self._suffix_after.finditer(text):
            name = self._trim_name(match.group("name"))
            if name and not name.split()[0] in self.not_names:
                start = match.start("name")
                full = text[start : match.end("suffix")]
                found.append(NameMatch(start, match.end("suffix"), full, "ORG", full, rule="context:legal-suffix"))
        return found

    def _trim_name(self, name: str) -> str:
        words = name.split()
        while words and (words[-1] in self.not_names or words[-1].rstrip(".,") != words[-1]):
            if words[-1].rstrip(".,") != words[-1] and words[-1].rstrip(".,") not in self.not_names:
                words[-1] = words[-1].rstrip(".,")
                break
            words.pop()
        if not words or " ".join(words) in self.not_names or words[0] in self.not_names:
            return ""
        return " ".join(words)

    def _model_names(self, text: str, ents: Iterable[tuple[int, int, str]]) -> list[NameMatch]:
        found = []
        for start, end, label in ents:
            if label not in ("PER", "ORG"):
                continue
            surface = text[start:end].strip(" \t\n\"“”«»'’.,;:()")
            if not surface:
                continue
            start = text.index(surface, start)
            if re.search(r"\d[ \u00a0]*$", text[max(0, start - 3) : start]):
                continue  # "6 TB/s": what follows a number is its unit, not a name
            if surface.isupper() and (start == 0 or text[start - 1] == "\n"):
                continue  # "SEÚL, 3 mar. (EFE)": a dateline's city
            words = surface.split()
            if any(c.isdigit() for c in surface):
                continue  # codes such as FP4 or HBM3 are formats, not organisations
            if any(w in self.not_names for w in words) or surface in self.not_names:
                continue
            if not all(_CAPITALISED_WORD.fullmatch(w) or w.lower() in ("de", "del", "la", "van", "von") for w in words):
                continue
            if label == "PER" and len(words) < 2:
                continue  # a lone capitalised word is too often a misread; propagation covers surnames
            found.append(NameMatch(start, start + len(surface), surface, label, surface, rule="model"))
        return found

    # ------------------------------------------------------------ propagation
    def _propagate(self, text: str, accepted: list[NameMatch]) -> list[NameMatch]:  # noqa: C901
        """One name, one label: spread each accepted name to its other mentions."""
        forms: dict[str, NameMatch] = {}
        for match in accepted:
            # An artefact accepted in its context ("por Valle y Supermicro")
            # means the same in the rest of that article.
            forms.setdefault(match.text, match)
            if match.label == "PER":
                words = match.canonical.split()
                if len(words) >= 2 and _CAPITALISED_WORD.fullmatch(words[-1]):
                    forms.setdefault(words[-1], match)
        if not forms:
            return []
        spread = []
        for start, form in _mentions(text, forms):
            origin = forms[form]
            if form in self.not_names and self._at_sentence_start(text, start, set()):
                continue  # "Su consejero delegado" is not Lisa Su
            spread.append(
                NameMatch(start, start + len(form), form, origin.label, origin.canonical, origin.kind, origin.category, "propagated")
            )
        return spread

    # -------------------------------------------------------------------- run
    def find(
        self,
        text: str,
        model_ents: Iterable[tuple[int, int, str]] = (),
        sentence_starts: Iterable[int] = (),
        blocked: Iterable[tuple[int, int]] = (),
    ) -> list[NameMatch]:
        """Every name, sorted; none inside the `blocked` ranges (page furniture)."""
        starts = set(sentence_starts)
        layers = [
            self._catalogue_hits(text, starts),
            self._context_orgs(text),
            self._model_names(text, model_ents),
        ]
        chosen: list[NameMatch] = []
        taken: list[tuple[int, int]] = list(blocked)
        for layer in layers:
            # Within a layer the longest name wins ("Google Cloud" over "Google").
            for match in sorted(layer, key=lambda m: (-(m.end - m.start), m.start)):
                if not _overlaps(match.start, match.end, taken):
                    chosen.append(match)
                    taken.append((match.start, match.end))
        # A person's canonical is the full name wherever the article gives it.
        self._complete_people(chosen)
        for match in self._propagate(text, chosen):
            if not _overlaps(match.start, match.end, taken):
                chosen.append(match)
                taken.append((match.start, match.end))
        chosen.sort(key=lambda m: m.start)
        return chosen

    @staticmethod
    def _complete_people(matches: list[NameMatch]) -> None:
        full = [m.canonical for m in matches if m.label == "PER" and len(m.canonical.split()) >= 2]
        for match in matches:
            if match.label == "PER" and len(match.canonical.split()) == 1:
                for name in full:
                    if name.split()[-1] == match.canonical:
                        match.canonical = name
                        break


def find_names(text: str, model_ents: Iterable[tuple[int, int, str]] = (), sentence_starts: Iterable[int] = ()) -> list[NameMatch]:
    return _default_finder().find(text, model_ents, sentence_starts)


_FINDER: NameFinder | None = None


def _default_finder() -> NameFinder:
    global _FINDER
    if _FINDER is None:
        _FINDER = NameFinder()
    return _FINDER
