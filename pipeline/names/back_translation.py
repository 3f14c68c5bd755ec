"""A firm's English name under a machine translator's Spanish word order.

A translator turns "Yukimori Memory Technologies" into "Tecnologías de
Memoria Yukimori" and "Tohoku Silicon Works" into "Obras de Silicio de
Tohoku": the field words become Spanish and come first, joined by "de",
and the firm's own word goes last. Where every other word is a field word
the table knows, the English name is the own word, then the field words in
the reverse order, translated back.
"""

from __future__ import annotations

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
