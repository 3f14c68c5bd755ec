"""Which tokens of a document are attribution verbs, futures or conditionals.

Found once per document from token arrays, so that the modality and source
rules never walk a clause token by token. Regular attribution verbs are
matched by their stem ("afirm-a", "afirm-aron"), so no lemmatizer is
needed; irregular forms are listed whole in `data/cues.json`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import numpy as np
from spacy.strings import hash_string
from spacy.symbols import ADJ, AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc

from pipeline.claims.cues import Cues
from pipeline.doc_arrays import TokenArrays

_FUTURE_FORM = re.compile(r"(?:rá|rán|rás|ré|remos|réis)$")
_CONDITIONAL_FORM = re.compile(r"(?:ría|rían|rías|ríamos)$")
# '"Terminaremos 2026 con...', 'Instalará...': a capitalised future the small
# model takes for a name; endings no name of a place or person has
_FUTURE_MISREAD = re.compile(r"[aei]remos$|^.{5,}[ai]r(?:á|án)$")
# What a word form alone tells, as bits.
_ATTRIBUTION_FORM, _ATTRIBUTION_STEM, _FUTURE, _CONDITIONAL, _FUTURE_AS_NAME = 1, 2, 4, 8, 16
_CACHE_LIMIT = 200_000
_MISTAKEN_FOR_VERB = (PROPN, NOUN, ADJ)
_ASIDE_REACH = 6  # tokens from a verb's comma to the comma closing an aside before 'que'


@dataclass(frozen=True)
class VerbMarks:
    """Token indices of one document's attribution, future and conditional verbs."""

    attribution: frozenset[int]
    future: frozenset[int]
    conditional: frozenset[int]
    events: tuple[int, ...]  # all of them, sorted

    def within(self, tokens: range) -> tuple[int, ...]:
        events = self.events
        return events[bisect.bisect_left(events, tokens.start) : bisect.bisect_left(events, tokens.stop)]


class VerbForms:
    """Reads the marks of a document; what a word form says is cached across
    documents (it depends on the form alone)."""

    def __init__(self, cues: Cues):
        self.cues = cues
        self._flags: dict[int, int] = {}
        # doc.to_array gives uint64 hashes: the "contar con" forms' hashes, worked out once
        self._having_forms = np.array([hash_string(form) for form in cues.having_forms], dtype=np.uint64)
        self._con = np.uint64(hash_string("con"))
        self._que, self._comma = np.uint64(hash_string("que")), np.uint64(hash_string(","))

    def marks(self, doc: Doc, arrays: TokenArrays) -> VerbMarks:
        forms, where = np.unique(arrays.lower, return_inverse=True)
        flags = np.array([self._flags_of(int(form), doc) for form in forms], dtype=np.int64)[where.reshape(-1)]
        verb = arrays.pos == VERB
        speaking = verb | (np.isin(arrays.pos, _MISTAKEN_FOR_VERB) & self._before_que(arrays))
        attribution = (((flags & _ATTRIBUTION_FORM) > 0) | (speaking & ((flags & _ATTRIBUTION_STEM) > 0))) & ~self._having(arrays)
        future = ((verb | (arrays.pos == AUX)) & ((flags & _FUTURE) > 0)) | ((arrays.pos == PROPN) & ((flags & _FUTURE_AS_NAME) > 0))
        conditional = (flags & _CONDITIONAL) > 0
        sets = [frozenset(np.flatnonzero(mask).tolist()) for mask in (attribution, future, conditional)]
        return VerbMarks(*sets, events=tuple(sorted(sets[0] | sets[1] | sets[2])))

    def _before_que(self, arrays: TokenArrays) -> np.ndarray:
        """'El AMM reporta, por su parte, que...': the small model may take a
        verb of saying for a name or a noun; one that a 'que' follows (right
        after it, or after an aside between commas) is a verb."""
        lower, n = arrays.lower, len(arrays.lower)
        que = np.zeros(n + _ASIDE_REACH + 2, dtype=bool)
        que[:n] = lower == self._que
        comma = np.zeros_like(que)
        comma[:n] = lower == self._comma
        found = que[1 : n + 1].copy()
        for k in range(2, _ASIDE_REACH + 1):
            found |= comma[1 : n + 1] & comma[k : n + k] & que[k + 1 : n + k + 1]
        return found

    def _having(self, arrays: TokenArrays) -> np.ndarray:
        """'la planta cuenta con 40 MW': 'contar con' has, it does not tell."""
        having = np.isin(arrays.lower, self._having_forms)
        followed = np.zeros_like(having)
        followed[:-1] = arrays.lower[1:] == self._con
        return having & followed

    def _flags_of(self, form_hash: int, doc: Doc) -> int:
        flags = self._flags.get(form_hash)
        if flags is None:
            form = doc.vocab.strings[form_hash]
            cues = self.cues
            flags = (
                (_ATTRIBUTION_FORM if form in cues.attribution_forms else 0)
                | (_ATTRIBUTION_STEM if cues.attribution_stems.match(form) else 0)
                | (_FUTURE if _FUTURE_FORM.search(form) else 0)
                | (_CONDITIONAL if _CONDITIONAL_FORM.search(form) else 0)
                | (_FUTURE_AS_NAME if _FUTURE_MISREAD.search(form) else 0)
            )
            if len(self._flags) >= _CACHE_LIMIT:
                self._flags.clear()  # a bounded cache on an endless stream
            self._flags[form_hash] = flags
        return flags
