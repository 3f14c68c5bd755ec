"""A claim's subject: the canonical name of what the number is about.

A system named before the number in its clause; else the name that is the
grammatical subject of the verb governing the number; else the chip whose
specification the number is; else who announces a plan; else the last
organisation before the number; else "la compañía" for the company last
made a subject; else the subject carried from the previous claim.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from pipeline.claims.document import ClaimDocument
from pipeline.claims.draft import ClaimDraft
from pipeline.names import NameMatch
from pipeline.numbers import NumberMatch


@dataclass
class Discourse:
    """What the claims before this one established."""

    carried: str | None = None  # the previous claim's subject, within its paragraph
    company: str | None = None  # what "la compañía" means from here on


def subject_of(
    ctx: ClaimDocument, number: NumberMatch, s_names, c_names, draft: ClaimDraft, discourse: Discourse,
    org_of_person: Callable[[str], str | None],
) -> str | None:
    # Who reports a figure ("según Reuters", "la AIE estima") is not what it is about.
    if draft.source_role == "reporter":
        c_names = [n for n in c_names if n.canonical != draft.source]
    before = [n for n in c_names if n.end <= number.start]
    systems = [n for n in before if n.label == "HARDWARE" and n.kind == "system"]
    if systems:
        draft.cues.append(f"subject<-system:{systems[-1].text}")
        return systems[-1].canonical
    grammatical = grammatical_subject(ctx, number, c_names)
    if grammatical == "":
        draft.cues.append("subject<-none:several")
        return None
    if grammatical is not None:
        draft.cues.append(f"subject<-nsubj:{grammatical}")
        return grammatical
    return _weaker(ctx, number, s_names, before, draft, discourse, org_of_person)


def _weaker(ctx: ClaimDocument, number, s_names, before, draft: ClaimDraft, discourse: Discourse, org_of_person) -> str | None:
    chips = [n for n in before if n.label == "HARDWARE" and n.kind == "chip"]
    if number.label == "QUANTITY" and number.unit in ctx.cues.chip_spec_units and (draft.hardware or chips):
        # "192 GB" of the chip before it, or "80 GB de la H100" of the chip after it
        chosen = draft.hardware[0] if draft.hardware else chips[-1].canonical
        draft.cues.append(f"subject<-chip:{chosen}")
        return chosen
    # Who announces a plan is its subject ("Meta prevé gastar..."); who
    # reports it ("según Reuters") is not.
    if draft.modality == "planned" and draft.source_role == "speaker":
        speaker = _org_of(draft.source, s_names, org_of_person)
        if speaker:
            draft.cues.append("subject<-source")
            return speaker
    orgs = [n for n in before if n.label == "ORG"]
    if orgs:
        draft.cues.append(f"subject<-org:{orgs[-1].text}")
        return orgs[-1].canonical
    if discourse.company and ctx.cues.company_reference.search(ctx.text, draft.sentence[0], number.start):
        draft.cues.append("subject<-la-compañía")
        return discourse.company
    if discourse.carried is not None:
        draft.cues.append("subject<-previous")
        return discourse.carried
    return None


def _org_of(name: str | None, s_names, org_of_person) -> str | None:
    """An organisation speaks for itself; a person for their organisation."""
    if name is None:
        return None
    if any(n.label == "ORG" and n.canonical == name for n in s_names):
        return name
    return org_of_person(name)


def grammatical_subject(ctx: ClaimDocument, number: NumberMatch, names: list[NameMatch]) -> str | None:
    """The name that is the subject of the verb governing the number.

    Returns "" when that subject is a list of several organisations
    ("Microsoft, Alphabet y Meta destinarán..."): nobody in particular.
    """
    span = ctx.doc.char_span(number.start, number.end, alignment_mode="expand")
    if span is None or not names:
        return None
    token = span.root
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") or token.dep_ == "ROOT":
            return _named_subject(token, names)
        if token.head is token:
            break
        token = token.head
    return None


def _named_subject(verb, names: list[NameMatch]) -> str | None:
    for child in verb.children:
        if not child.dep_.startswith("nsubj"):
            continue
        lo, hi = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
        inside = [n for n in names if lo <= n.start and n.end <= hi and n.label in ("ORG", "HARDWARE", "PER")]
        if len({n.canonical for n in inside if n.label == "ORG"}) > 1:
            return ""
        for name in inside:
            if name.label != "PER":
                return name.canonical
    return None
