"""A claim's hardware: the chips tied to the number itself.

A chip in the number's own noun phrase, after it ("100.000 GPU H100",
"(50.000 H200)") or before it ("H100 de 100k"). An aggregate that a colon
then breaks down ("100.000 GPU adicionales: 50.000 H100 y ...") gets none.
"""

from __future__ import annotations

import re

from pipeline.claims.cues import Cues
from pipeline.claims.draft import ClaimDraft
from pipeline.numbers import NumberMatch


def hardware_of(text: str, number: NumberMatch, names, numbers, draft: ClaimDraft, cues: Cues) -> list[str]:
    if _aggregate(text, number, cues):
        draft.cues.append("hardware:aggregate")
        return []
    after = _chip_after(text, number, names, numbers, cues)
    if after is not None:
        draft.cues.append(f"hardware<-after:{after.text}")
        return [after.canonical]
    before = _chip_before(text, number, names)
    if before is not None:
        draft.cues.append(f"hardware<-before:{before.text}")
        return [before.canonical]
    return []


def _aggregate(text: str, number: NumberMatch, cues: Cues) -> bool:
    markers = "".join(re.escape(m) for m in cues.aggregate_markers)
    head = re.match(r"[\s\w]{0,40}?([" + markers + r"])", text[number.end : number.end + 80])
    if not head or any(c in head.group(0)[:-1] for c in ",;.()"):
        return False
    return all(w.lower() in cues.category_words or w.isupper() for w in head.group(0)[:-1].split())


def _chip_after(text: str, number: NumberMatch, names, numbers, cues: Cues):
    for name in names:
        if name.start < number.end or name.label != "HARDWARE" or name.kind != "chip":
            continue
        gap = text[number.end : name.start]
        if any(n.start >= number.end and n.end <= name.start for n in numbers):
            return None
        if re.fullmatch(r"\s*\(\s*", gap) or _noun_phrase_gap(gap, names, number.end, cues):
            return name
        return None
    return None


def _chip_before(text: str, number: NumberMatch, names):
    for name in reversed(names):
        if name.end > number.start or name.label != "HARDWARE" or name.kind != "chip":
            continue
        gap = text[name.end : number.start]
        return name if re.fullmatch(r"\s+(?:de|con)\s+(?:(?:los|las|unas|unos)\s+)?", gap) else None
    return None


def _noun_phrase_gap(gap: str, names, offset: int, cues: Cues) -> bool:
    """Between a number and a chip only category words and vendor names may stand."""
    if any(c in gap for c in ",;:.()\n"):
        return False
    position = offset
    for word in re.split(r"(\s+)", gap):
        if word and not word.isspace():
            inside_name = any(n.start < position + len(word) and position < n.end for n in names)
            if not inside_name and word.lower() not in cues.category_words:
                return False
        position += len(word)
    return len(gap) <= 40
