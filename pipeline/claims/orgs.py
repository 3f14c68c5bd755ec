"""The organisations tied to a claim: those named in the number's clause.

Left out: outlets and agencies (they report, they are not part of the
fact), the source unless it is also the subject, and organisations named
only as the party before which something is filed or against which a
figure is compared ("presentó ante el Gobierno de Río Negro", "según la
UPME", "frente a Intel"), a chip's vendor where the figure is not
about that chip, and a firm whose unnamed people speak ("Fuentes de Red
Eléctrica señalaron...").
"""

from __future__ import annotations

import re

from pipeline.claims.document import ClaimDocument
from pipeline.claims.draft import ClaimDraft
from pipeline.claims.names import unique, vendor_chip
from pipeline.claims.reference import is_company, is_reporter

_BESIDE = re.compile(r"(?<![^\W_])(?:ante|según|frente\s+a)\s+(?:(?:el|la|los|las|al)\s+)?$", re.IGNORECASE)


def orgs_of(ctx: ClaimDocument, c_names, draft: ClaimDraft, s_names=(), posts=None) -> list[str]:
    """The clause's tied organisations, and the subject where the sentence
    names it outside the clause ("El acuerdo cubre dos tercios...;
    ..., precisó Andesnube")."""
    tied = [n.canonical for n in c_names if _tied(ctx, n, draft) and not _sources_post(n, draft, posts or {})]
    subject = [n.canonical for n in s_names if n.label == "ORG" and n.canonical == draft.subject and not is_reporter(n)]
    return unique(tied + subject[:1])


def _in_according_phrase(ctx: ClaimDocument, name, draft: ClaimDraft) -> bool:
    """'..., según los estados financieros que la firma reportó a la
    Superintendencia de Sociedades': who says so, and where their papers
    went, are not part of the fact."""
    for cue in ctx.cues.according_to.finditer(ctx.text, draft.sentence[0], name.start):
        end = ctx.text.find(",", cue.end(), draft.sentence[1])
        if name.start < (end if end >= 0 else draft.sentence[1]):
            return True
    return False


_EMPLOYER_GAP = re.compile(r",\s+(?:[a-záéíóúñ]+\s+){1,4}(?:de|del)\s+(?:la\s+|el\s+)?(?:[a-záéíóúñ]+\s+){0,2}$")


def _speakers_employer(ctx: ClaimDocument, name, draft: ClaimDraft) -> bool:
    """'Para Jorge Ríos, socio de la consultora Intelecta, ...': the speaker's employer is not part of the fact."""
    return any(
        n.label == "PER" and n.canonical == draft.source and n.end <= name.start and _EMPLOYER_GAP.fullmatch(ctx.text[n.end : name.start])
        for n in ctx.names
    )


def _sources_post(name, draft: ClaimDraft, posts: dict) -> bool:
    """'advirtió el director general de Spain DC, Álvaro Lozano', 'dijo
    Claudia Terrazas, titular de la SIDE del Gobierno de Chihuahua': the
    organisation in the post of the person who says so tells who speaks;
    it is part of the fact only as its subject."""
    return draft.source is not None and posts.get(name.start) == draft.source and name.canonical != draft.subject


def _tied(ctx: ClaimDocument, name, draft: ClaimDraft) -> bool:
    if name.label != "ORG" or is_reporter(name) or (ctx.unnamed_voice_of(name) and is_company(name)):
        return False  # "Fuentes de Red Eléctrica señalaron...": the firm's off-record voice, no party ("fuentes del Gobierno" are its officials)
    if name.canonical != draft.subject and (_in_according_phrase(ctx, name, draft) or _speakers_employer(ctx, name, draft)):
        return False
    if name.canonical == draft.source and name.canonical != draft.subject:
        return False
    chip = vendor_chip(ctx.text, ctx.names, name)
    if chip is not None and chip.canonical not in draft.hardware:
        return False  # "300 MW ... y GPU GB300 de Nvidia": Nvidia names a chip the figure is not about
    return not _BESIDE.search(ctx.text[max(0, name.start - 16) : name.start]) and not _filed_with(ctx, name)


# "entregó a la Gobernación de Oruro", "ingresó el jueves al Servicio de Evaluación Ambiental"
_TO_BEFORE = re.compile(r"(?P<words>(?:[\wáéíóúñÁÉÍÓÚÑ]+\s+){1,4})(?:a|al)\s+(?:(?:la|las|los)\s+)?$")


def _filed_with(ctx: ClaimDocument, name) -> bool:
    """The body a firm hands its paper to ('Kori Datos entregó a la
    Gobernación de Oruro un perfil de proyecto') receives it; it is no
    party to the figures the paper holds."""
    found = _TO_BEFORE.search(ctx.text, max(0, name.start - 60), name.start)
    return found is not None and any(w.lower().startswith(ctx.cues.filing_verb_stems) for w in found.group("words").split())
