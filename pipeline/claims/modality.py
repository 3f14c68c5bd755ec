"""A claim's modality: asserted, planned, estimated, alleged or uncertain.

The first cue class of `data/cues.json` found in the number's clause wins;
else a future verb that governs the number, or a conditional after an
announcement ("anunció que acabaría 2024 con..."), makes it planned.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.claims.document import ClaimDocument
from pipeline.claims.draft import ClaimDraft


def modality_of(ctx: ClaimDocument, clause: tuple[int, int], draft: ClaimDraft) -> str:
    for modality in ctx.cues.modality_order:
        cue = ctx.cues.modality[modality].search(ctx.text, clause[0], clause[1])
        if cue:
            draft.cues.append(f"modality:{modality}<-{cue.group(0)}")
            return modality
    return _from_verbs(ctx, clause, draft)


def _from_verbs(ctx: ClaimDocument, clause: tuple[int, int], draft: ClaimDraft) -> str:
    doc, verbs = ctx.doc, ctx.verbs
    announced = False
    anchor = doc.char_span(draft.anchor.start, draft.anchor.end, alignment_mode="expand")
    for index in ctx.events_in(clause):
        token = doc[index]
        if index in verbs.future and "Fut" in token.morph.get("Tense"):
            # Only a future that governs the number: in "se refrigera en
            # circuito cerrado y apenas necesitará agua" the 90 % is not planned.
            if anchor is None or governs(token, anchor.root):
                draft.cues.append(f"modality:planned<-{token.text}")
                return "planned"
        if index in verbs.attribution:
            announced = True
        elif announced and index in verbs.conditional and "Cnd" in token.morph.get("Mood"):
            draft.cues.append(f"modality:planned<-{token.text}")
            return "planned"
    return "asserted"


def governs(verb: Token, token: Token) -> bool:
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
