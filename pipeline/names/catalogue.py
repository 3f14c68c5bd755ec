"""The catalogues of known names, loaded from `data/` into one matcher.

A catalogue entry gives a canonical name and the ways people write it. The
matcher finds every written form in a text at once (one compiled regular
expression per case mode) and says which entry each hit belongs to.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pipeline.trie import split_words, trie_pattern

# Between the words of a multi-word name: any run of spaces, or a hyphen,
# or nothing ("TPU v5p", "TPU-v5p", "TPUv5p").
_JOIN = r"(?:[ \t\u00a0\u202f]+|-|)"
# A name starts where no letter or digit glues it to what comes before, or
# at a camel-case seam ("AWSTrainium2"); it ends the same way
# ("NVIDIAChipset"), so that damaged text still yields the name inside. A
# model number of two capitals and digits glued to a capitalised name
# ("NVIDIAGB200", "AMDMI300X") starts at a seam too.
_LEFT = r"(?-i:(?<![^\W_])|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Z])(?=[A-Z]{2}\d))"
_RIGHT = r"(?-i:(?![^\W_]|['’][^\W\d_]|[.,]\d)|(?<=[a-z0-9])(?=[A-Z])|(?=[A-Z][a-z])|(?<=[A-Z])(?=[A-Z]{2}\d))"


@dataclass(frozen=True)
class Entry:
    label: str  # ORG, PER or HARDWARE
    canonical: str
    kind: str | None = None  # chip or system, for HARDWARE
    category: str | None = None  # GPU, TPU, CPU, accelerator, system
    vendor: str | None = None
    context: str = "always"  # always, org_list, capitalized
    source: str = "catalogue"
    orgs: tuple[str, ...] = ()  # for people: the organisations they speak for
    common_word: bool = False  # the name is also an ordinary word or first name ("Aurora", "Summit")


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    entry: Entry


class Catalogue:
    """Every known written form, mapped to its entry."""

    def __init__(self, entries: list[tuple[str, Entry, bool]]):
        self._exact: dict[str, Entry] = {}
        self._folded: dict[str, Entry] = {}
        self.by_canonical: dict[tuple[str, str], Entry] = {}
        sensitive, insensitive = [], []
        for form, entry, case_sensitive in entries:
            self.by_canonical.setdefault((entry.label, entry.canonical), entry)
            key = self._key(form)
            if case_sensitive:
                self._exact.setdefault(key, entry)
                sensitive.append(form)
            else:
                self._folded.setdefault(key.lower(), entry)
                insensitive.append(form)
        self._sensitive = self._compile(sensitive, 0)
        self._insensitive = self._compile(insensitive, re.IGNORECASE)

    @staticmethod
    def _key(text: str) -> str:
        return re.sub(r"[\s\u00a0\u202f-]+", "", text)

    @staticmethod
    def _compile(forms: list[str], flags: int) -> re.Pattern | None:
        if not forms:
            return None
        body = trie_pattern((split_words(f, _JOIN) for f in set(forms)), fold_case=bool(flags & re.IGNORECASE))
        return re.compile(_LEFT + "(?:" + body + ")" + _RIGHT, flags)

    def find(self, text: str) -> list[Hit]:
        hits: list[Hit] = []
        for pattern, table, folded in ((self._sensitive, self._exact, False), (self._insensitive, self._folded, True)):
            if pattern is None:
                continue
            for match in pattern.finditer(text):
                key = self._key(match.group())
                entry = table.get(key.lower() if folded else key)
                if entry is not None:
                    hits.append(Hit(match.start(), match.end(), entry))
        return hits

    def person_org(self, canonical: str) -> str | None:
        entry = self.by_canonical.get(("PER", canonical))
        return entry.orgs[0] if entry and entry.orgs else None

    def hardware_category(self, canonical: str) -> str | None:
        entry = self.by_canonical.get(("HARDWARE", canonical))
        return entry.category if entry else None


def _read_jsonl(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise ValueError(f"{path.name}:{number}: not valid JSON ({error.msg})") from None
    return rows


def load_catalogue(directory: Path) -> Catalogue:
    entries: list[tuple[str, Entry, bool]] = []
    for row in _read_jsonl(directory / "orgs.jsonl"):
        entry = Entry("ORG", row["canonical"], category=row.get("type"))
        for form in [row["canonical"], *row.get("aliases", [])]:
            entries.append((form, entry, bool(row.get("case_sensitive"))))
    for row in _read_jsonl(directory / "hardware.jsonl"):
        entry = Entry(
            "HARDWARE", row["canonical"], row["kind"], row.get("category"), row.get("vendor"),
            common_word=bool(row.get("case_sensitive")),
        )
        for form in [row["name"], *row.get("aliases", [])]:
            entries.append((form, entry, bool(row.get("case_sensitive"))))
    for row in _read_jsonl(directory / "persons.jsonl"):
        entry = Entry("PER", row["canonical"], orgs=tuple(row.get("orgs", ())))
        # People's names are always capitalised; matching them case-blind
        # would turn "su" or "gates" into people. A surname alone is only
        # that person where the article names them in full (propagation
        # does that), so it is no catalogue form.
        surname = row["canonical"].split()[-1]
        for form in [row["canonical"], *row.get("aliases", [])]:
            if form == surname and " " in row["canonical"]:
                # A surname alone is that person's full name only where the
                # article names them in full (the recogniser completes it).
                entries.append((form, Entry("PER", surname, orgs=entry.orgs), True))
            else:
                entries.append((form, entry, True))
    # a damaged name is of the kind its catalogue entry says ("Investigación de
    # Contrapunto" reports figures, as Counterpoint Research does)
    kinds = {(e.label, e.canonical): e.category for _, e, _ in entries}
    for row in _read_jsonl(directory / "mt_artefacts.jsonl"):
        entry = Entry(
            row["label"], row["canonical"], row.get("kind"), kinds.get((row["label"], row["canonical"])), None,
            row.get("context", "always"), "mt_artefact",
        )
        entries.append((row["text"], entry, True))
    return Catalogue(entries)


def default_data_dir() -> Path:
    return Path(str(resources.files("pipeline.names").joinpath("data")))


@lru_cache(maxsize=4)
def catalogue(directory: str | None = None) -> Catalogue:
    return load_catalogue(Path(directory) if directory else default_data_dir())


@lru_cache(maxsize=4)
def org_cues(directory: str | None = None) -> dict:
    path = (Path(directory) if directory else default_data_dir()) / "org_cues.json"
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def brand_words(directory: str | None = None) -> dict[str, dict]:
    """Ordinary words English firm names are built from, by the Spanish word a translator gives."""
    path = (Path(directory) if directory else default_data_dir()) / "brand_words.json"
    return json.loads(path.read_text(encoding="utf-8"))["words"]
