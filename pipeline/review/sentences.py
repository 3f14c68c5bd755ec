"""Rough sentence boundaries, only to group the differences a reviewer reads.

A regular expression rather than a spaCy pipeline: `afirma diff` must run
where no model is installed, and a wrong boundary here only moves a line
of the report into the neighbouring group.
"""

from __future__ import annotations

import bisect
import re

# A sentence ends at a line break, or after . ! ? … (and any closing quote
# or bracket) when white space follows.
_END = re.compile(r"\n|(?<=[.!?…])[\"'”’»)\]]*(?=\s)")


def split(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, white space trimmed, in text order."""
    sentences = []
    start = 0
    for match in _END.finditer(text):
        sentences.append((start, match.end()))
        start = match.end()
    sentences.append((start, len(text)))
    trimmed = []
    for start, end in sentences:
        chunk = text[start:end]
        if not chunk.strip():
            continue
        left = start + len(chunk) - len(chunk.lstrip())
        right = end - (len(chunk) - len(chunk.rstrip()))
        trimmed.append((left, right))
    return trimmed


def locate(sentences: list[tuple[int, int]], position: int) -> int:
    """Index of the sentence a character belongs to (the one before, in a gap)."""
    starts = [start for start, _ in sentences]
    return max(bisect.bisect_right(starts, position) - 1, 0)
