"""A firm's English name under a machine translator's Spanish word order.

A translator turns "Yukimori Memory Technologies" into "Tecnologías de
Memoria Yukimori" and "Tohoku Silicon Works" into "Obras de Silicio de
Tohoku": the field words become Spanish and come first, joined by "de",
and the firm's own word goes last. Where every other word is a field word
the table knows, the English name is the own word, then the field words in
the reverse order, translated back.

A translator also turns a name made of ordinary English words into
Spanish word by word: "Falcon Compute" becomes "Halcón Cómputo",
"Redstone" "Piedra Roja". Where every word is one English firm names are
built from (`brand_words.json`), the readings put the adjective back before
its noun, the field word last and "A de B" as "B A"; the page's own quote
of the original, spaced or closed up ("CoreFabric Inc."), beats a guess.
"""

from __future__ import annotations

import itertools
import re

_JOINS = frozenset({"de", "del"})


def own_words(name: str, field_words: dict[str, str]) -> str | None:
    """'Yukimori' of 'Tecnologías de Memoria Yukimori': the firm's own name,
    which later mentions use alone."""
    english = english_name(name, field_words)
    if english is None:
        return None
    count = len([w for w in name.split() if w not in _JOINS and w.lower() not in field_words])
    return " ".join(english.split()[:count])


def english_name(name: str, field_words: dict[str, str]) -> str | None:
    """'Tecnologías de Memoria Yukimori' -> 'Yukimori Memory Technologies';
    None unless the name has a "de", ends in its own word(s) and every word
    before them is a field word."""
    words = name.split()
    if not any(w in _JOINS for w in words):
        return None
    content = [w for w in words if w not in _JOINS]
    field = []
    for word in content:
        english = field_words.get(word.lower())
        if english is None:
            break
        field.append(english)
    own = content[len(field) :]
    if not field or not own or any(w.lower() in field_words for w in own):
        return None
    return " ".join([*own, *reversed(field)])


# A name of three ordinary words with two English candidates each already
# gives eight readings; more than this is noise, not a better guess.
_MAX_READINGS = 16


def readings(name: str, brand_words: dict[str, dict], field_words: dict[str, str]) -> list[str]:
    """The English names a word-by-word translation may come from, likeliest
    first: 'Halcón Cómputo' -> 'Falcon Compute', 'Piedra Roja' -> 'Red Stone',
    'Investigación Cumbre' -> 'Summit Research', 'Energía de Roble Negro' ->
    'Black Oak Energy'. Empty unless every word is an ordinary word firms are
    named with and at least one is not a field word ('Centros de Datos'
    alone names no firm)."""
    segments = _segments(name.lower(), brand_words, field_words)
    if segments is None or all(kind == "field" for segment in segments for kind, _ in segment):
        return []
    if sum(len(segment) for segment in segments) < 2:
        return []
    # a translator writes 'A de B' for the English 'B A', and puts an
    # adjective after its noun and a field word first
    ordered = [word for segment in reversed(segments) for word in _english_order(segment)]
    return [" ".join(words) for words in itertools.islice(itertools.product(*ordered), _MAX_READINGS)]


def _segments(lowered: str, brand_words: dict[str, dict], field_words: dict[str, str]) -> list[list[tuple[str, list[str]]]] | None:
    """The name's words between its 'de's, each as (kind, English words);
    None if a word is not one firms are named with."""
    phrases = sorted((p for p in field_words if " " in p), key=len, reverse=True)
    for phrase in phrases:  # "centros de datos" is one field word, not two joined by "de"
        lowered = lowered.replace(phrase, phrase.replace(" ", "_"))
    segments: list[list[tuple[str, list[str]]]] = [[]]
    for word in lowered.split():
        if word in _JOINS:
            segments.append([])
        elif word.replace("_", " ") in field_words:
            segments[-1].append(("field", [field_words[word.replace("_", " ")]]))
        elif word in brand_words:
            entry = brand_words[word]
            segments[-1].append(("adj" if entry["pos"] == "adj" else "noun", entry["en"]))
        else:
            return None
    return segments if all(segments) else None


def _english_order(segment: list[tuple[str, list[str]]]) -> list[list[str]]:
    """Adjectives first, then the firm's own nouns, the field word last."""
    rank = {"adj": 0, "noun": 1, "field": 2}
    return [english for kind, english in sorted(segment, key=lambda word: rank[word[0]])]


def quoted_original(text: str, readings_: list[str], tails: set[str]) -> str | None:
    """The English name a page quotes for one of the readings, spaced or
    closed up ('Core Fabric' is the 'CoreFabric Inc.' of a later paragraph;
    'Red Stone' the 'Redstone Compute' of the headline), with the field
    words written after it; None if the page quotes none."""
    tail = "|".join(sorted(map(re.escape, tails), key=len, reverse=True))
    for reading in readings_:
        first, *rest = reading.split()
        body = re.escape(first) + "".join(r"[ \u00a0]?(?i:" + re.escape(word) + ")" for word in rest)
        written = re.search(r"(?<![\w-])" + body + r"(?:[ \u00a0]+(?:" + tail + r"))*(?![\w-])", text)
        if written is not None:
            return " ".join(written.group().split())
    return None
