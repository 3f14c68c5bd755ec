"""Turn the numbers of a parsed article into claims.

One claim per number that states something (DATE spans and numbers in a
headline anchor none). Each field comes from a general rule over the
dependency parse, the name spans and the cue lexicons of `data/cues.json`:

- unit: the noun the number counts (its lemma), or the chip category when
  the number counts a chip ("50.000 H100" counts GPUs); MONEY, PERCENT,
  QUANTITY and DURATION take the unit of the number itself;
- hardware: chips in the number's own noun phrase, before ("H100 de 100k")
  or after ("100.000 GPU H100", "(50.000 H200)"); an aggregate that a colon
  breaks down gets none;
- subject: a system named in the sentence, else the organisation that is
  the grammatical subject, else the subject carried from the previous claim;
- modality: the first cue class found in the clause of the number, then
  future tense in that clause;
- source: "según X", an attribution verb whose subject is a name, or the
  speaker named right before a quotation that holds the number.

Every decision is written to the claim's `cues`, so a reviewer sees why.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Token

from pipeline.claims.cues import Cues, cues as load_cues
from pipeline.claims.singular import singular
from pipeline.doc_arrays import TokenArrays
from pipeline.names import NameMatch
from pipeline.numbers import NumberMatch

_QUOTE_LEAD = re.compile(r"[\s:,]*")
_QUOTED = re.compile(r'“[^”]*”|«[^»]*»|"[^"]*"')
_LETTERS = re.compile(r"[^\W\d_]+")
_ACCORDING_LEAD = re.compile(r"(?:[ \u00a0]+(?:[a-záéíóúñü]+|[a-z]+\.))*?[ \u00a0]+(?=[A-ZÁÉÍÓÚÑ@])")
_FUTURE_FORM = re.compile(r"(?:rá|rán|rás|ré|remos|réis)$")
_CONDITIONAL_FORM = re.compile(r"(?:ría|rían|rías|ríamos)$")
_FUNCTION_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PRON", "AUX", "PUNCT", "NUM", "ADV", "PART"})
_COUNT_WORDS = {"GPU": "GPU", "TPU": "TPU", "CPU": "CPU"}
_HEADLINE_END = re.compile(r"[.!?…:»”\"]\s*$")
# What a word form alone tells (bits of ClaimBuilder._form_flags).
_ATTRIBUTION_FORM, _ATTRIBUTION_STEM, _FUTURE, _CONDITIONAL = 1, 2, 4, 8
_FORM_CACHE_LIMIT = 200_000


@dataclass
class ClaimDraft:
    anchor: NumberMatch
    sentence: tuple[int, int]
    unit: str | None = None
    subject: str | None = None
    hardware: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    modality: str = "asserted"
    source: str | None = None
    date: str | None = None
    cues: list[str] = field(default_factory=list)
    # "reporter" when the source only reports or estimates the figure
    # ("según Reuters", "la AIE estima"); "speaker" when it states its own.
    source_role: str | None = None


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
                bounds.append((start + lead, start + lead + len(stripped)))
            start = end
    return bounds


class ClaimBuilder:
    def __init__(self, cue_path: str | None = None, catalogue=None):
        self.cues: Cues = load_cues(cue_path)
        # The name catalogue tells a chip's category ("GPU") and a person's organisation.
        category = catalogue.hardware_category if catalogue else (lambda canonical: None)
        # Counts of GPUs, TPUs and CPUs use that word; other accelerators are "chip".
        self.category_of = lambda canonical: _COUNT_WORDS.get(category(canonical) or "", "chip")
        self.org_of_person = catalogue.person_org if catalogue else (lambda canonical: None)
        # Word form (its hash) -> what the form alone says; pure, so kept across documents.
        self._form_flags: dict[int, int] = {}

    def build(
        self, doc: Doc, names: Sequence[NameMatch], numbers: Sequence[NumberMatch], text: str | None = None
    ) -> list[ClaimDraft]:
        # Doc.text joins every token each time it is read: read it once.
        text = self._text = doc.text if text is None else text
        self._arrays = TokenArrays(doc)
        self._token_starts = self._arrays.starts
        self._read_verbs(doc)
        self._speaking: dict[tuple[int, int], list[Token]] = {}
        sentences = sentence_bounds(doc, text, self._arrays)
        quotes = _quote_regions(text)
        drafts: list[ClaimDraft] = []
        last_subject: str | None = None
        company: str | None = None
        systems_seen = {n.canonical for n in names if n.label == "HARDWARE" and n.kind == "system"}
        last_line = -1
        line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        for number in numbers:
            if number.label == "DATE":
                continue
            sentence = _containing(sentences, number.start) or (number.start, number.end)
            if number.end > sentence[1]:
                # The parser put a sentence break inside the number ("€ | 200
                # millones"): the claim's sentence runs on to hold it all.
                last = _containing(sentences, number.end - 1)
                sentence = (sentence[0], max(number.end, last[1] if last else 0))
            if doc.user_data.get("afirma_offset", 0) == 0 and self._is_headline(text, sentence):
                continue
            draft = ClaimDraft(number, sentence)
            line = bisect.bisect_right(line_starts, sentence[0])
            if line != last_line:
                # A subject carries within a paragraph; only a system, the
                # usual topic of a whole report, carries past its end.
                last_line = line
                if last_subject not in systems_seen:
                    last_subject = None
            s_names = [n for n in names if sentence[0] <= n.start and n.end <= sentence[1]]
            clause = self._clause(text, sentence, number)
            draft.unit = self._unit(doc, number, s_names, numbers, draft)
            draft.hardware = self._hardware(text, number, names, numbers, draft)
            draft.source = self._source(doc, sentence, number, names, s_names, quotes, draft)
            draft.modality = self._modality(doc, text, clause, draft)
            c_names = [n for n in s_names if clause[0] <= n.start and n.end <= clause[1]]
            draft.subject = self._subject(doc, number, s_names, c_names, draft, last_subject, company)
            if draft.subject and any(n.label == "ORG" and n.canonical == draft.subject for n in s_names):
                company = draft.subject  # what "la compañía" will mean from here on
            chip_subject = next((n.canonical for n in c_names if n.canonical == draft.subject and n.kind == "chip"), None)
            if chip_subject and chip_subject not in draft.hardware:
                draft.hardware.append(chip_subject)  # "Cada MI300X integra 192 GB": the spec is the chip's
            draft.orgs = _unique(
                n.canonical
                for n in s_names
                if n.label == "ORG" and (n.canonical != draft.source or n.canonical == draft.subject)
            )
            draft.date = self._date(numbers, sentence, clause)
            last_subject = draft.subject or last_subject
            drafts.append(draft)
        self._attribute_embedded_posts(text, names, numbers, drafts)
        return drafts

    def _attribute_embedded_posts(self, text: str, names, numbers, drafts: list[ClaimDraft]) -> None:
        """A pasted social-media post ends with its signature and date
        ("…excelente…2 de septiembre de 2024", "— Elon Musk (@elonmusk) 2 de
        septiembre de 2024"): its claims are the author's, named in the
        signature or, failing that, the last speaker the article quoted."""
        for start, end in _paragraphs(text):
            signature = _post_signature(text, start, end, numbers)
            if signature is None:
                continue
            inside = [d for d in drafts if start <= d.anchor.start < signature[0] and d.source is None]
            if not inside:
                continue
            signed = [n for n in names if signature[0] <= n.start < signature[1] and n.label in ("PER", "ORG")]
            earlier = [d.source for d in drafts if d.anchor.start < start and d.source]
            author = signed[0].canonical if signed else (earlier[-1] if earlier else None)
            for draft in inside if author else []:
                draft.source = author
                draft.cues.append("source<-post-signature")

    # ----------------------------------------------------------- structure
    @staticmethod
    def _is_headline(text: str, sentence: tuple[int, int]) -> bool:
        """The first line of a multi-line article, short and unpunctuated."""
        first_line_end = text.find("\n")
        if first_line_end < 0 or sentence[0] > first_line_end:
            return False
        line = text[:first_line_end].strip()
        return len(line.split()) <= 25 and not _HEADLINE_END.search(line)

    def _clause(self, text: str, sentence: tuple[int, int], number: NumberMatch) -> tuple[int, int]:
        start, end = sentence
        for brk in self.cues.clause_breaks.finditer(text, start, end):
            if brk.end() <= number.start:
                start = brk.end()
            elif brk.start() >= number.end:
                end = brk.start()
                break
        return start, end

    # ---------------------------------------------------------------- unit
    def _unit(self, doc: Doc, number: NumberMatch, s_names, numbers, draft: ClaimDraft) -> str | None:
        if number.label == "PERCENT":
            return "%"
        if number.label != "CARDINAL":
            return number.unit
        text = self._text
        cursor = number.end
        for token in _tokens_from(doc, self._token_starts, cursor):
            if token.idx >= draft.sentence[1]:
                break
            word = token.text.lower()
            name = _name_at(s_names, token)
            if name is not None:
                if name.label == "HARDWARE" and name.kind == "chip":
                    category = self.category_of(name.canonical)
                    draft.cues.append(f"unit<-chip:{name.canonical}")
                    return category or "chip"
                if name.label == "ORG":
                    continue
                break
            if token.is_space or word in ("de", "del") and (number.value is None or _scaled(number)):
                continue
            if token.pos_ in ("NOUN", "PROPN") or (token.text.isupper() and len(token.text) > 1):
                if token.like_num or _LETTERS.fullmatch(token.text) is None:
                    break
                unit = _singular(token)
                following = token.nbor(1) if token.i + 1 < len(doc) else None
                if following is not None and _classifier(token, following) and _name_at(s_names, following) is None:
                    unit = f"{unit} {following.text}"
                elif following is not None and following.lower_ == "de" and following.i + 1 < len(doc):
                    complement = doc[following.i + 1]
                    if complement.pos_ == "NOUN" and complement.text.islower() and complement.text not in self.cues.category_words:
                        unit = f"{unit} de {complement.text}"
                draft.cues.append(f"unit<-noun:{token.text}")
                return unit
            break
        # No noun right after the number: "(50.000 H200)" or "hasta los 200.000".
        chips = [n for n in s_names if n.label == "HARDWARE" and n.kind == "chip"]
        if chips:
            draft.cues.append("unit<-sentence-chip")
            return self.category_of(chips[0].canonical) or "chip"
        return None

    # ------------------------------------------------------------ hardware
    def _hardware(self, text: str, number: NumberMatch, names, numbers, draft: ClaimDraft) -> list[str]:
        after = text[number.end : number.end + 80]
        # "100.000 GPU adicionales: 50.000 H100 y ..." is an aggregate.
        head = re.match(r"[\s\w]{0,40}?([:—–])", after)
        if head and not any(c in head.group(0)[:-1] for c in ",;.()") and _only_category_words(head.group(0)[:-1], self.cues):
            draft.cues.append("hardware:aggregate")
            return []
        chips: list[str] = []
        for name in names:
            if name.start < number.end or name.label != "HARDWARE" or name.kind != "chip":
                continue
            gap = text[number.end : name.start]
            if any(n.start >= number.end and n.end <= name.start for n in numbers):
                break
            bracket = re.fullmatch(r"\s*\(\s*", gap)
            if bracket or self._gap_is_noun_phrase(gap, names, number.end):
                chips.append(name.canonical)
                draft.cues.append(f"hardware<-after:{name.text}")
            break
        if not chips:
            for name in reversed(names):
                if name.end > number.start or name.label != "HARDWARE" or name.kind != "chip":
                    continue
                gap = text[name.end : number.start]
                if re.fullmatch(r"\s+(?:de|con)\s+(?:(?:los|las|unas|unos)\s+)?", gap):
                    chips.append(name.canonical)
                    draft.cues.append(f"hardware<-before:{name.text}")
                break
        return chips

    def _gap_is_noun_phrase(self, gap: str, names, offset: int) -> bool:
        """Between a number and a chip only category words and vendor names may stand."""
        if any(c in gap for c in ",;:.()\n"):
            return False
        position = offset
        for word in re.split(r"(\s+)", gap):
            if word and not word.isspace():
                inside_name = any(n.start < position + len(word) and position < n.end for n in names)
                if not inside_name and word.lower() not in self.cues.category_words:
                    return False
            position += len(word)
        return len(gap) <= 40

    # -------------------------------------------------------------- source
    def _source(self, doc, sentence, number, names, s_names, quotes, draft: ClaimDraft) -> str | None:
        text = self._text
        speakers = [n for n in s_names if n.label in ("PER", "ORG")]
        for cue in self.cues.according_to.finditer(text, sentence[0], sentence[1]):
            # "según Meta", "según estimaciones de la consultora Dell'Oro Group",
            # "según rumores recogidos por The Information"; not "según rumores".
            lead = _ACCORDING_LEAD.match(text, cue.end())
            reach = lead.end() if lead else cue.end()
            if lead and set(lead.group(0).lower().split()) & self.cues.according_lead_stops:
                reach = cue.end()  # "según el proyecto que presentó ante la Junta": not the Junta's word
            for name in speakers:
                if cue.end() <= name.start <= reach + 1:
                    draft.cues.append(f"source<-according:{cue.group(0)}")
                    draft.source_role = "reporter"
                    return name.canonical
        for token in self._attributions(doc, sentence):
            if _impersonal(token):
                continue
            speaker = self._speaker_of(token, speakers)
            if speaker is not None:
                draft.cues.append(f"source<-verb:{token.text}")
                reporting = token.lower_ in self.cues.reporting or self.cues.reporting_stems.match(token.lower_) is not None
                draft.source_role = "reporter" if reporting else "speaker"
                return speaker.canonical
        # A quotation introduced by its speaker: 'Hardware de Tom “...”', 'Huang: «...»'.
        for start, end in quotes:
            if start <= number.start and number.end <= end:
                for name in names:
                    gap = text[name.end : start - 1]
                    if name.label in ("PER", "ORG") and 0 <= len(gap) <= 3 and _QUOTE_LEAD.fullmatch(gap):
                        draft.cues.append("source<-quoted")
                        return name.canonical
        return None

    # ------------------------------------------------------------- verbs
    def _read_verbs(self, doc: Doc) -> None:
        """Find, once per document, the few tokens the modality and source
        rules look at: attribution verbs, future and conditional forms."""
        arrays = self._arrays
        forms, where = np.unique(arrays.lower, return_inverse=True)
        flags = np.array([self._flags_of(int(form), doc) for form in forms], dtype=np.int64)[where.reshape(-1)]
        verb = arrays.pos == VERB
        verb_or_aux = verb | (arrays.pos == AUX)
        # Regular attribution verbs by their stem ("afirm-a", "afirm-aron"), so
        # that no lemmatizer is needed; irregular forms are listed whole.
        attribution = ((flags & _ATTRIBUTION_FORM) > 0) | (verb & ((flags & _ATTRIBUTION_STEM) > 0))
        future = verb_or_aux & ((flags & _FUTURE) > 0)
        conditional = (flags & _CONDITIONAL) > 0
        self._attribution = set(np.flatnonzero(attribution).tolist())
        self._future = set(np.flatnonzero(future).tolist())
        self._conditional = set(np.flatnonzero(conditional).tolist())
        self._events = sorted(self._attribution | self._future | self._conditional)

    def _flags_of(self, form_hash: int, doc: Doc) -> int:
        flags = self._form_flags.get(form_hash)
        if flags is None:
            form = doc.vocab.strings[form_hash]
            flags = (
                (_ATTRIBUTION_FORM if form in self.cues.attribution_forms else 0)
                | (_ATTRIBUTION_STEM if self.cues.attribution_stems.match(form) else 0)
                | (_FUTURE if _FUTURE_FORM.search(form) else 0)
                | (_CONDITIONAL if _CONDITIONAL_FORM.search(form) else 0)
            )
            if len(self._form_flags) >= _FORM_CACHE_LIMIT:
                self._form_flags.clear()  # a bounded cache on an endless stream
            self._form_flags[form_hash] = flags
        return flags

    def _events_in(self, bounds: tuple[int, int]) -> list[int]:
        """Indices of the tokens of `_read_verbs` inside a sentence or clause."""
        tokens = self._arrays.token_range(*bounds)
        return self._events[bisect.bisect_left(self._events, tokens.start) : bisect.bisect_left(self._events, tokens.stop)]

    def _attributions(self, doc: Doc, sentence: tuple[int, int]) -> list[Token]:
        """The attribution verbs of a sentence, found once per document."""
        if sentence not in self._speaking:
            self._speaking[sentence] = [doc[i] for i in self._events_in(sentence) if i in self._attribution]
        return self._speaking[sentence]

    def _speaker_of(self, verb: Token, speakers: list[NameMatch]) -> NameMatch | None:
        """The name that is the verb's subject; else a name right before or after it.

        In "la compañía de Mark Zuckerberg prevé", the subject is an unnamed
        company: the person inside it is not the speaker. In "los analistas de
        SemiAnalysis estiman" the analysts speak for the firm inside their phrase.
        """
        subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
        for child in subjects:
            heads = [child, *(c for c in child.children if c.dep_ in ("appos", "flat", "flat:name", "compound"))]
            for name in speakers:
                for head in heads:
                    lo = head.idx if head is child else head.left_edge.idx
                    hi = (head.idx + len(head.text)) if head is child else head.right_edge.idx + len(head.right_edge.text)
                    if name.start < hi and lo < name.end:
                        return name
            if child.lower_ in self.cues.speaker_nouns:
                lo, hi = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
                inside = [name for name in speakers if lo <= name.start and name.end <= hi]
                if inside:
                    return inside[0]
        if subjects:
            return None
        before = [n for n in speakers if n.end <= verb.idx and verb.idx - n.end <= 40]
        if before:
            return before[-1]
        after = [n for n in speakers if n.start >= verb.idx + len(verb.text) and n.start - verb.idx <= 25]
        return after[0] if after else None

    # ------------------------------------------------------------ modality
    def _modality(self, doc: Doc, text: str, clause: tuple[int, int], draft: ClaimDraft) -> str:
        for modality in self.cues.modality_order:
            cue = self.cues.modality[modality].search(text, clause[0], clause[1])
            if cue:
                draft.cues.append(f"modality:{modality}<-{cue.group(0)}")
                return modality
        announced = False
        anchor = doc.char_span(draft.anchor.start, draft.anchor.end, alignment_mode="expand")
        for index in self._events_in(clause):
            token = doc[index]
            if index in self._future and "Fut" in token.morph.get("Tense"):
                # Only a future that governs the number: in "se refrigera en
                # circuito cerrado y apenas necesitará agua" the 90 % is not planned.
                if anchor is None or _governs(token, anchor.root):
                    draft.cues.append(f"modality:planned<-{token.text}")
                    return "planned"
            if index in self._attribution:
                announced = True
            elif announced and index in self._conditional and "Cnd" in token.morph.get("Mood"):
                # "anunció que acabaría 2024 con...": the future seen from the past
                draft.cues.append(f"modality:planned<-{token.text}")
                return "planned"
        return "asserted"

    # ------------------------------------------------------------- subject
    def _subject(self, doc: Doc, number: NumberMatch, s_names, c_names, draft: ClaimDraft, carried, company) -> str | None:
        # Who reports a figure ("según Reuters", "la AIE estima") is not what it is about.
        if draft.source_role == "reporter":
            c_names = [n for n in c_names if n.canonical != draft.source]
        before = [n for n in c_names if n.end <= number.start]
        systems = [n for n in before if n.label == "HARDWARE" and n.kind == "system"]
        if systems:
            draft.cues.append(f"subject<-system:{systems[-1].text}")
            return systems[-1].canonical
        grammatical = self._grammatical_subject(doc, number, c_names)
        if grammatical == "":
            draft.cues.append("subject<-none:several")
            return None
        if grammatical is not None:
            draft.cues.append(f"subject<-nsubj:{grammatical}")
            return grammatical
        chips = [n for n in before if n.label == "HARDWARE" and n.kind == "chip"]
        if number.label == "QUANTITY" and number.unit in self.cues.chip_spec_units and (draft.hardware or chips):
            # "192 GB" of the chip before it, or "80 GB de la H100" of the chip after it
            chosen = draft.hardware[0] if draft.hardware else chips[-1].canonical
            draft.cues.append(f"subject<-chip:{chosen}")
            return chosen
        # Who announces a plan is its subject ("Meta prevé gastar..."); who
        # reports it ("según Reuters") is not.
        speaker = self._org_of(draft.source, s_names) if draft.modality == "planned" and draft.source_role == "speaker" else None
        if speaker:
            draft.cues.append("subject<-source")
            return speaker
        orgs = [n for n in before if n.label == "ORG"]
        if orgs:
            draft.cues.append(f"subject<-org:{orgs[-1].text}")
            return orgs[-1].canonical
        if company and self._mentions_the_company(draft, number):
            draft.cues.append("subject<-la-compañía")
            return company
        if carried is not None:
            draft.cues.append("subject<-previous")
            return carried
        return None

    def _mentions_the_company(self, draft: ClaimDraft, number: NumberMatch) -> bool:
        """'la compañía', 'la empresa' before the number, with no name after it."""
        clause = self._text[draft.sentence[0] : number.start]
        return bool(self.cues.company_reference.search(clause))

    def _org_of(self, name: str | None, s_names) -> str | None:
        """An organisation speaks for itself; a person for their organisation."""
        if name is None:
            return None
        if any(n.label == "ORG" and n.canonical == name for n in s_names):
            return name
        return self.org_of_person(name)

    def _grammatical_subject(self, doc: Doc, number: NumberMatch, names: list[NameMatch]) -> str | None:
        """The name that is the subject of the verb governing the number.

        Returns "" when that subject is a list of several organisations
        ("Microsoft, Alphabet y Meta destinarán..."): nobody in particular.
        """
        span = doc.char_span(number.start, number.end, alignment_mode="expand")
        if span is None or not names:
            return None
        token = span.root
        for _ in range(6):
            if token.pos_ in ("VERB", "AUX") or token.dep_ == "ROOT":
                for child in token.children:
                    if not child.dep_.startswith("nsubj"):
                        continue
                    lo, hi = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
                    inside = [n for n in names if lo <= n.start and n.end <= hi and n.label in ("ORG", "HARDWARE", "PER")]
                    orgs = {n.canonical for n in inside if n.label == "ORG"}
                    if len(orgs) > 1:
                        return ""
                    for name in inside:
                        if name.label != "PER":
                            return name.canonical
                break
            if token.head is token:
                break
            token = token.head
        return None

    # ---------------------------------------------------------------- date
    @staticmethod
    def _date(numbers, sentence, clause) -> str | None:
        dates = [n for n in numbers if n.label == "DATE" and sentence[0] <= n.start < sentence[1]]
        # Only a date in the number's own clause dates it: in "la MI325X sube a
        # 256 GB, y la MI355X, que llegará en 2025, ..." 2025 is another chip's.
        chosen = [d for d in dates if clause[0] <= d.start < clause[1]][:1]
        return str(chosen[0].value) if chosen else None


# -------------------------------------------------------------------- helpers
def _containing(bounds: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    for start, end in bounds:
        if start <= offset < end:
            return start, end
    return None


def _tokens_from(doc: Doc, starts: list[int], offset: int):
    """Tokens starting at or after a character offset, found by bisection."""
    for i in range(bisect.bisect_left(starts, offset), len(doc)):
        yield doc[i]


def _name_at(names: Sequence[NameMatch], token: Token) -> NameMatch | None:
    end = token.idx + len(token.text)
    for name in names:
        if name.start < end and token.idx < name.end:
            return name
    return None


def _classifier(noun: Token, following: Token) -> bool:
    """'generadores diésel', 'centros hiperescala': a modifier that does not
    take the plural of its noun names a kind of thing and belongs to the
    unit; an agreeing adjective ('GPU adicionales') does not. Read from the
    word's form as much as from its tag, which small models often get wrong."""
    if not following.text.isalpha() or not following.text.islower():
        return False
    if following.pos_ in _FUNCTION_POS or "Fin" in following.morph.get("VerbForm"):
        return False
    if following.pos_ == "NOUN" and not following.text.endswith("s"):
        return True
    plural_head = "Plur" in noun.morph.get("Number") or noun.text.endswith("s")
    return plural_head and not following.text.endswith("s") and following.pos_ in ("ADJ", "NOUN", "VERB", "X", "PROPN")


def _governs(verb: Token, token: Token) -> bool:
    """The verb is the token's head, or its head's head..., or an auxiliary of one."""
    heads = {verb.i}
    if verb.dep_ in ("aux", "cop", "aux:pass"):
        heads.add(verb.head.i)
    node = token
    for _ in range(12):
        if node.i in heads:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _impersonal(verb: Token) -> bool:
    """'se estima', 'se calcula': nobody in particular says so."""
    return verb.i > 0 and verb.doc[verb.i - 1].lower_ == "se" or any(c.lower_ == "se" for c in verb.children)


def _scaled(number: NumberMatch) -> bool:
    return bool(re.search(r"mil|mill|bill|[kKMB]\b", number.text))


def _singular(token: Token) -> str:
    text = singular(token.text)
    return text if text.isupper() or token.pos_ == "PROPN" and text[:1].isupper() else text.lower()


def _only_category_words(gap: str, cues: Cues) -> bool:
    words = gap.split()
    return all(w.lower() in cues.category_words or w.isupper() for w in words)


def _unique(items) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def _paragraphs(text: str):
    start = 0
    for line in text.split("\n"):
        yield start, start + len(line)
        start += len(line) + 1


def _post_signature(text: str, start: int, end: int, numbers) -> tuple[int, int] | None:
    """Where a paragraph's closing signature starts, if it ends with a date."""
    tail = text[start:end].rstrip(" .")
    dates = [n for n in numbers if n.label == "DATE" and start <= n.start and n.end == start + len(tail)]
    if not dates or "-" not in str(dates[0].value):
        return None
    date = dates[0]
    head = text[start : date.start]
    cut = max(head.rfind(". "), head.rfind("! "), head.rfind("? "), head.rfind("—"), head.rfind("–"))
    lead = head[cut + 1 :] if cut >= 0 else head
    if cut < 0 or len(lead.split()) > 5:
        return None
    return start + cut + 1, date.end


def _quote_regions(text: str) -> list[tuple[int, int]]:
    """Spans inside “…”, «…» and "…" quotation marks."""
    return [(m.start() + 1, m.end() - 1) for m in _QUOTED.finditer(text)]
