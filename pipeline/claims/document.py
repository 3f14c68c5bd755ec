"""What the claim rules read of one document, found once per document.

A `ClaimDocument` is made for each doc the claims component sees and
dropped with it, so the component itself keeps no per-document state.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from pipeline.claims.corrections import withdrawn_ranges
from pipeline.claims.cues import Cues
from pipeline.claims.verbs import VerbMarks
from pipeline.doc_arrays import TokenArrays
from pipeline.numbers import NumberMatch
from pipeline.page import PageProfile
from pipeline.page.places import gazetteer
from pipeline.sentence_ends import goes_on
from pipeline.singular import singular

_ANY_ONE = frozenset({"un", "una"})
_QUOTED = re.compile(r'“[^”]*”|«[^»]*»|"[^"]*"')
# ", un pedido que, ", ", una demanda que, según", ", cuya ", ", donde ": a relative clause opening after a figure
_RELATIVE_OPENS = re.compile(r",\s+(?:(?:un|una|el|la|los|las|lo)\s+(?:[a-záéíóúñ]+\s+){0,2})?(?:que|cuy[oa]s?|donde|quien(?:es)?),?\s+$", re.IGNORECASE)
_ASIDE_BEFORE = re.compile(r"(?<![^\W_])(?:ante|según|frente\s+a|contra|para|con)\s+(?:(?:el|la|los|las|al)\s+)?$", re.IGNORECASE)


@dataclass
class ClaimDocument:
    doc: Doc
    text: str
    cues: Cues
    arrays: TokenArrays
    verbs: VerbMarks
    sentences: list[tuple[int, int]]
    quotes: list[tuple[int, int]]
    line_starts: list[int]
    page: PageProfile
    names: list = field(default_factory=list)
    withdrawn: list[tuple[int, int]] = field(default_factory=list)
    _speaking: dict[tuple[int, int], list[Token]] = field(default_factory=dict)

    @classmethod
    def read(cls, doc: Doc, text: str, cues: Cues, verbs, page: PageProfile) -> "ClaimDocument":
        arrays = TokenArrays(doc)
        return cls(
            doc=doc,
            text=text,
            cues=cues,
            arrays=arrays,
            verbs=verbs.marks(doc, arrays),
            sentences=sentence_bounds(doc, text, arrays),
            quotes=[(m.start() + 1, m.end() - 1) for m in _QUOTED.finditer(text)],
            line_starts=[0] + [m.end() for m in re.finditer("\n", text)],
            page=page,
            withdrawn=withdrawn_ranges(text),
        )

    # ----------------------------------------------------------- structure
    def sentence_of(self, number: NumberMatch) -> tuple[int, int]:
        sentence = _containing(self.sentences, number.start) or (number.start, number.end)
        if number.end > sentence[1]:
            # The parser put a sentence break inside the number ("€ | 200
            # millones"): the claim's sentence runs on to hold it all.
            last = _containing(self.sentences, number.end - 1)
            sentence = (sentence[0], max(number.end, last[1] if last else 0))
        return sentence

    def sentence_at(self, offset: int) -> int:
        """The index of the sentence holding `offset` (or the last one before it), -1 before the first."""
        return bisect.bisect_right(self.sentences, (offset, float("inf"))) - 1

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)

    def in_heading(self, offset: int) -> bool:
        """A headline, standfirst or sub-heading line: its numbers anchor no claim."""
        return any(start <= offset < end for start, end in self.page.headings)

    def in_withdrawn(self, offset: int) -> bool:
        """A figure a correction note takes back: it anchors no claim."""
        return any(start <= offset < end for start, end in self.withdrawn)

    def in_dateline(self, offset: int) -> bool:
        """Where and when the piece was filed: its date dates no claim."""
        return any(start <= offset < end for start, end in self.page.datelines)

    def in_furniture(self, offset: int) -> bool:
        return any(start <= offset < end for start, end, _ in self.page.furniture)

    # -------------------------------------------------------------- syntax
    def governing_verb(self, number: NumberMatch) -> Token | None:
        """The verb (or the root) the number hangs from, a few heads up."""
        span = self.doc.char_span(number.start, number.end, alignment_mode="expand")
        if span is None:
            return None
        token = span.root
        for _ in range(6):
            if token.pos_ in ("VERB", "AUX") or token.dep_ == "ROOT":
                return token
            if token.head.i == token.i:
                return None
            token = token.head
        return None

    def undecided_subject(self, number: NumberMatch) -> bool:
        """'el mercado crecerá...', 'la demanda del sector sumará...': a subject nobody decides for."""
        subject = self.subject_token(number)
        return subject is not None and self._phrase_in(subject, self.cues.undecided_heads)

    def generic_subject(self, number: NumberMatch) -> bool:
        """'la demanda de esos campus podría superar 1,5 GW', 'el sector
        invertirá...', 'el consumo eléctrico del sector rondaría...': a
        subject that is no single organisation."""
        subject = self.subject_token(number)
        if subject is not None and has_possessive(subject):
            return False  # "sus dos principales centros de datos": someone's own, not the sector's
        if subject is not None and any(n.start <= subject.idx < n.end for n in self.names):
            return False  # "Red Eléctrica prevé...": a name, whatever its first word means
        return subject is not None and (
            self._phrase_in(subject, self.cues.generic_heads) or any(self._of_the_whole(c) for c in subject.children)
            or (subject.lower_ not in self.cues.project_nouns and any(self._of_a_place(c) for c in subject.children)))

    def any_one_subject(self, number: NumberMatch) -> bool:
        """'Un comercio mediano paga hoy...': any one of a kind, unnamed ('cada
        rack del clúster' is the cluster's)."""
        token = self.subject_token(number)
        if token is None or number.start <= token.idx < number.end:
            return False  # "un tercio de ese cupo irá a pymes": the figure itself, not anyone
        indefinite = any(c.dep_ == "det" and c.lower_ in _ANY_ONE for c in token.children)
        lo, hi = token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)
        if token.lower_ in ("fase", "etapa"):
            return False  # "Una primera fase de 240 MW está prevista": a phase of the project in view
        return token.pos_ == "NOUN" and indefinite and not any(lo <= n.start < hi for n in self.names)

    def subject_token(self, number: NumberMatch):
        """The subject of the verb governing the number, or of the verb it is
        coordinated with ("el mercado facturó 240 millones y crecería un 14 %")."""
        verb = self.governing_verb(number)
        if verb is not None and verb.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in verb.children):
            verb = verb.head
        if verb is not None and verb.dep_ == "xcomp" and not any(c.dep_.startswith("nsubj") for c in verb.children) \
                and not any(c.dep_ in ("obj", "iobj") for c in verb.head.children):
            # "su plan prevé sumar 400 MW": the infinitive's subject is its head's
            # (not in "autoriza al complejo a extraer", whose object does it)
            verb = verb.head
        return next((c for c in verb.children if c.dep_.startswith("nsubj")), None) if verb is not None else None

    def _of_a_place(self, token) -> bool:
        """'la capacidad de data centers en Jalisco', 'las exportaciones de Chile':
        a place's figure (not 'el campus de Meco': a project is named by its town)."""
        case = {c.lower_ for c in token.children if c.dep_ == "case"}
        return token.dep_ == "nmod" and token.pos_ == "PROPN" and bool(case & {"de", "en", "del"}) and gazetteer().is_place(token.text) \
            and not any(n.start <= token.idx < n.end for n in self.names)

    def _of_the_whole(self, token) -> bool:
        """'del sector', 'de la industria': a definite singular that names a
        whole, not 'de estos centros de datos' or 'el negocio de centros de datos'."""
        definite = any(c.lower_ in ("del", "el", "la") for c in token.children if c.dep_ in ("case", "det"))
        return token.dep_ == "nmod" and token.pos_ == "NOUN" and "Sing" in token.morph.get("Number") and definite and self._phrase_in(token, self.cues.generic_heads)

    def _phrase_in(self, head, heads) -> bool:
        phrase = self.text[head.idx : head.right_edge.idx + len(head.right_edge.text)].lower()
        return singular(head.lower_) in heads or any(phrase.startswith(h) for h in heads)

    def head_of(self, name, through: tuple[str, ...] = ("flat", "flat:name", "compound")):
        """The token a name's words hang from, climbing the relations in `through`."""
        span = self.doc.char_span(name.start, name.end, alignment_mode="expand")
        token = span.root if span is not None else None
        while token is not None and token.dep_ in through and token.head.i != token.i:
            token = token.head
        return token

    def unnamed_voice_of(self, name) -> bool:
        """'Fuentes de Red Eléctrica señalaron...': a name whose unnamed people
        speak, off the record: not the source, nor the subject the sentence
        names (and, for a company, no party to what they say)."""
        found = self.cues.anonymous.search(self.text, max(0, name.start - 40), name.end + 80)
        return found is not None and found.start() < name.start < found.end()

    def after_preposition(self, name) -> bool:
        """'ante el Inaga', 'frente a Intel': named, but not the actor."""
        return bool(_ASIDE_BEFORE.search(self.text[max(0, name.start - 16) : name.start]))

    def in_later_relative(self, number: NumberMatch, cue_start: int) -> bool:
        """'instalará 4.096 GPU..., un pedido que, según fuentes del sector,
        habría costado...': a cue inside a relative clause after the number
        speaks for that clause only."""
        return cue_start > number.end and _RELATIVE_OPENS.search(self.text, number.end, cue_start) is not None

    def clause(self, sentence: tuple[int, int], number: NumberMatch) -> tuple[int, int]:
        start, end = sentence
        for brk in self.cues.clause_breaks.finditer(self.text, start, end):
            if brk.end() <= number.start:
                start = brk.end()
            elif brk.start() >= number.end:
                end = brk.start()
                break
        return start, end

    # --------------------------------------------------------------- tokens
    def tokens_from(self, offset: int):
        """Tokens starting at or after a character offset, found by bisection."""
        doc = self.doc
        for i in range(bisect.bisect_left(self.arrays.starts, offset), len(doc)):
            yield doc[i]

    def events_in(self, bounds: tuple[int, int]) -> tuple[int, ...]:
        """Indices of the marked verbs inside a sentence or clause."""
        return self.verbs.within(self.arrays.token_range(*bounds))

    def attributions(self, sentence: tuple[int, int]) -> list[Token]:
        if sentence not in self._speaking:
            marked = self.verbs.attribution
            self._speaking[sentence] = [self.doc[i] for i in self.events_in(sentence) if i in marked]
        return self._speaking[sentence]


def sentence_bounds(doc: Doc, text: str | None = None, arrays: TokenArrays | None = None) -> list[tuple[int, int]]:
    """Sentence offsets, also cut at line ends, without surrounding space."""
    bounds: list[tuple[int, int]] = []
    text = doc.text if text is None else text
    if not doc.has_annotation("SENT_START"):
        # A pipeline without parser or senter: every line is a sentence.
        sents = [(0, len(text))]
    else:
        sents = (arrays or TokenArrays(doc)).sentences()
    for sent_start, sent_end in sents:
        start = sent_start
        for piece in re.split(r"(\n+)", text[sent_start:sent_end]):
            end = start + len(piece)
            stripped = piece.strip()
            if stripped and not piece.startswith("\n"):
                lead = len(piece) - len(piece.lstrip())
                _append_sentence(bounds, text, (start + lead, start + lead + len(stripped)))
            start = end
    return bounds


def _append_sentence(bounds: list[tuple[int, int]], text: str, sentence: tuple[int, int]) -> None:
    """A cut the parser made inside a sentence ('..., | que agrupa a 212
    familias', 'el Art. | 4° obliga') joins the piece to the sentence before."""
    if bounds and goes_on(text, bounds[-1], sentence[0]):
        bounds[-1] = (bounds[-1][0], sentence[1])
    else:
        bounds.append(sentence)


def _containing(bounds: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The bounds (sorted, not overlapping) holding `offset`, found by bisection."""
    at = bisect.bisect_right(bounds, (offset, float("inf"))) - 1
    if at >= 0 and bounds[at][0] <= offset < bounds[at][1]:
        return bounds[at]
    return None


def has_possessive(token) -> bool:
    """'sus dos principales centros de datos': a noun someone owns."""
    return any(c.dep_ == "det" and "Yes" in c.morph.get("Poss") for c in token.children)
