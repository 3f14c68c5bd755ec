"""A claim's source: who says so, where the text attributes the figure.

"según X" (and "según estimaciones de la consultora X"), an attribution verb
whose subject is a name ("afirmó Huang", "los analistas de SemiAnalysis
estiman"), or the speaker named right before a quotation that holds the
number. The article's own voice has no source.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from pipeline.claims.document import ClaimDocument
from pipeline.claims.draft import ClaimDraft
from pipeline.names import NameMatch
from pipeline.numbers import NumberMatch

_QUOTE_LEAD = re.compile(r"[\s:,]*")
_ACCORDING_LEAD = re.compile(r"(?:[ \u00a0]+(?:[a-záéíóúñü]+|[a-z]+\.))*?[ \u00a0]+(?=[A-ZÁÉÍÓÚÑ@])")


def source_of(ctx: ClaimDocument, sentence, number: NumberMatch, names, s_names, draft: ClaimDraft) -> str | None:
    speakers = [n for n in s_names if n.label in ("PER", "ORG")]
    for rule in (_according_to, _attribution_verb):
        found = rule(ctx, sentence, speakers, draft)
        if found is not None:
            return found
    return _quoted(ctx, number, names, draft)


def _according_to(ctx: ClaimDocument, sentence, speakers, draft: ClaimDraft) -> str | None:
    """'según Meta', 'según estimaciones de la consultora Dell'Oro Group',
    'según rumores recogidos por The Information'; not 'según rumores'."""
    text, cues = ctx.text, ctx.cues
    for cue in cues.according_to.finditer(text, sentence[0], sentence[1]):
        lead = _ACCORDING_LEAD.match(text, cue.end())
        reach = lead.end() if lead else cue.end()
        if lead and set(lead.group(0).lower().split()) & cues.according_lead_stops:
            reach = cue.end()  # "según el proyecto que presentó ante la Junta": not the Junta's word
        for name in speakers:
            if cue.end() <= name.start <= reach + 1:
                draft.cues.append(f"source<-according:{cue.group(0)}")
                draft.source_role = "reporter"
                return name.canonical
    return None


def _attribution_verb(ctx: ClaimDocument, sentence, speakers, draft: ClaimDraft) -> str | None:
    cues = ctx.cues
    for token in ctx.attributions(sentence):
        if _impersonal(token):
            continue
        speaker = speaker_of(token, speakers, cues.speaker_nouns)
        if speaker is not None:
            draft.cues.append(f"source<-verb:{token.text}")
            reporting = token.lower_ in cues.reporting or cues.reporting_stems.match(token.lower_) is not None
            draft.source_role = "reporter" if reporting else "speaker"
            return speaker.canonical
    return None


def _quoted(ctx: ClaimDocument, number: NumberMatch, names, draft: ClaimDraft) -> str | None:
    """A quotation introduced by its speaker: 'Hardware de Tom “...”', 'Huang: «...»'."""
    text = ctx.text
    for start, end in ctx.quotes:
        if start <= number.start and number.end <= end:
            for name in names:
                gap = text[name.end : start - 1]
                if name.label in ("PER", "ORG") and 0 <= len(gap) <= 3 and _QUOTE_LEAD.fullmatch(gap):
                    draft.cues.append("source<-quoted")
                    return name.canonical
    return None


def speaker_of(verb: Token, speakers: list[NameMatch], speaker_nouns) -> NameMatch | None:
    """The name that is the verb's subject; else a name right before or after it.

    In "la compañía de Mark Zuckerberg prevé", the subject is an unnamed
    company: the person inside it is not the speaker. In "los analistas de
    SemiAnalysis estiman" the analysts speak for the firm inside their phrase.
    """
    subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
    for child in subjects:
        named = _name_in_subject(child, speakers)
        if named is not None:
            return named
        if child.lower_ in speaker_nouns:
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


def _name_in_subject(child: Token, speakers: list[NameMatch]) -> NameMatch | None:
    heads = [child, *(c for c in child.children if c.dep_ in ("appos", "flat", "flat:name", "compound"))]
    for name in speakers:
        for head in heads:
            lo = head.idx if head is child else head.left_edge.idx
            hi = (head.idx + len(head.text)) if head is child else head.right_edge.idx + len(head.right_edge.text)
            if name.start < hi and lo < name.end:
                return name
    return None


def _impersonal(verb: Token) -> bool:
    """'se estima', 'se calcula': nobody in particular says so."""
    return verb.i > 0 and verb.doc[verb.i - 1].lower_ == "se" or any(c.lower_ == "se" for c in verb.children)
