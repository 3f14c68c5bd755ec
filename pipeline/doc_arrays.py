"""A document's token attributes, read at once as arrays.

Every step of a Python loop over a Doc creates a Token object, and reading
`token.pos_` or `token.lower_` looks a string up each time. afirma's
components need only offsets, sentence starts, tags and lower-case forms of
most tokens, so they read those once per document with `Doc.to_array` and
make Token objects only for the few tokens they inspect closely.
"""

from __future__ import annotations

import bisect

import numpy as np
from spacy.attrs import IDX, LENGTH, LOWER, POS, SENT_START
from spacy.tokens import Doc


class TokenArrays:
    def __init__(self, doc: Doc):
        table = doc.to_array([IDX, LENGTH, SENT_START, POS, LOWER])
        self.starts: list[int] = table[:, 0].tolist()
        self.ends: list[int] = (table[:, 0] + table[:, 1]).tolist()
        self.pos = table[:, 3]
        self.lower = table[:, 4]
        # SENT_START is 1, -1 or 0 (unknown), stored unsigned: only 1 starts a sentence.
        self.sentence_starts: list[int] = np.flatnonzero(table[:, 2] == 1).tolist() if len(doc) else []
        if self.sentence_starts[:1] != [0] and len(doc):
            self.sentence_starts.insert(0, 0)  # the first token always starts one, as in Doc.sents

    def sentences(self) -> list[tuple[int, int]]:
        """(start_char, end_char) of each sentence, as `Doc.sents` gives them
        (with no sentence starts set, one sentence of every token)."""
        bounds = []
        firsts = self.sentence_starts
        for k, first in enumerate(firsts):
            last = (firsts[k + 1] if k + 1 < len(firsts) else len(self.starts)) - 1
            bounds.append((self.starts[first], self.ends[last]))
        return bounds

    def token_range(self, start_char: int, end_char: int) -> range:
        """Indices of the tokens that overlap [start_char, end_char)."""
        return range(bisect.bisect_right(self.ends, start_char), bisect.bisect_left(self.starts, end_char))


def sentence_start_chars(doc: Doc) -> set[int]:
    """The character offsets where sentences start (empty without a parse)."""
    if not doc.has_annotation("SENT_START") or not len(doc):
        return set()
    arrays = TokenArrays(doc)
    return {arrays.starts[i] for i in arrays.sentence_starts}
