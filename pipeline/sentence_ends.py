"""Where a sentence may end and where it may not.

Two readers need this: the afirma_sentences component, which marks sentence
starts before the parser, and the claim builder, which mends the parser's
cuts afterwards (the small parser overrides a start marked False, so a cut
it makes after "el Art." or "Ltda.," has to be undone on its output).
"""

from __future__ import annotations

import json
import re
from importlib import resources

_WORD_BEFORE_STOP = re.compile(r"(?:^|(?<=[\s(«“\"]))([\w./]+)$")
# No sentence opens on these: a cut before them leaves a clause's piece.
_NEVER_OPENS = frozenset(",;:)]}%°")
# What a finished sentence ends with, closing quotes and brackets included.
_ENDS = frozenset(".!?…\"”»’')]")


def _load(key: str) -> frozenset[str]:
    raw = resources.files("pipeline").joinpath("data").joinpath("abbreviations.json").read_text(encoding="utf-8")
    return frozenset(json.loads(raw)[key])


_ABBREVIATIONS = _load("abbreviations")
_BEFORE_A_NAME = _load("before_a_name_or_number")


def abbreviation_before(text: str, stop: int) -> bool:
    """Whether the full stop at `stop` ends an abbreviation or an initial."""
    word = _word_before(text, stop)
    if not word:
        return False  # "TB/s." ends a sentence
    if len(word) == 1:
        return word.isupper()  # an initial, as in "D. F. Jones"
    return word.lower().rstrip(".") in _ABBREVIATIONS


def _word_before(text: str, stop: int) -> str:
    # "B/." and "S/." (balboa, old sol) keep their slash: an amount follows, not a sentence
    word = _WORD_BEFORE_STOP.search(text[max(0, stop - 12) : stop])
    return word.group(1) if word else ""


def goes_on(text: str, before: tuple[int, int], start: int) -> bool:
    """Whether a sentence the parser opened at `start` is really the rest of
    the one `before` it on the same line: it opens on a comma or a closing
    bracket (", que agrupa a 212 familias"), the one before stops without a
    full stop ("Leandro | Aráoz, director general"), or that one's stop ends
    an abbreviation the next word continues ("el Art. | 4° obliga", "la
    Mtra. | Elvira Cuautle", "S.A.S. E.S.P. | opera desde 2019")."""
    if "\n" in text[before[1] : start] or start >= len(text):
        return False
    first, last = text[start], text[before[1] - 1]
    # a lower-case word goes on after a closing quote or bracket too, not after a full stop
    if first in _NEVER_OPENS or last not in _ENDS or (first.islower() and last not in ".!?…"):
        return True
    return last == "." and _continued_abbreviation(text, before[1] - 1, first)


def _continued_abbreviation(text: str, stop: int, first: str) -> bool:
    """'Ltda. que', 'Art. 4°': any abbreviation before a lower-case word or a
    digit; before a capital, only a title or a reference that always takes a
    name or a number ('Mtra. Elvira', not 'S.R.L. La empresa...')."""
    word = _word_before(text, stop)
    if not abbreviation_before(text, stop) and not _initials(word):
        return False
    # a title is written "Cnel.", "Mtra.": "según CNEL. Ecuador importa..." ends on a company's acronym
    return first.islower() or first.isdigit() or is_title(word)


def is_title(word: str) -> bool:
    """'Mtra', 'Dr', 'Lic' (written without their stop): a title before a person's name."""
    return word.lower() in _BEFORE_A_NAME and not word.isupper()


def _initials(word: str) -> bool:
    """'E.S.P', 'S.A.S': single letters joined by stops, as legal forms are written."""
    return re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word) is not None
