"""Items of a gossip column are hearsay: alleged, and no one's word.

Mexican and other Latin-American papers run columns of political gossip
("Trascendió", "Bajo Reserva", "Templo Mayor") whose items open on a
formula that hides who told the writer: an elliptical "Que en la Secretaría
de Energía ya circula...", "Nos cuentan que...", "Dicen en los pasillos de
la Conagua que...". Whatever such a paragraph says, figures and all, is
what the column heard; the body named in the corridor ("en los pasillos de
la Conagua") is where it was heard, not who speaks. Paragraphs that open on
anything else ("Por cierto, el director... presumió ayer en conferencia
que...") keep their own attribution.
"""

from __future__ import annotations

import re

from pipeline.claims.draft import ClaimDraft

# the formulas that open an item: "Que en...", "Nos cuentan que", "Dicen que", "Trascendió que"
_HEARSAY_OPENING = re.compile(
    r"[ \t]*(?:Que\s+(?:en|ya|el|la|los|las)\s"
    r"|Nos\s+(?:cuentan|dicen|comentan|platican|aseguran|confían|informan|soplan)\s+que\s"
    r"|(?:Dicen|Cuentan|Comentan|Platican)\s+(?:que\s|en\s+(?:los|las|el|la)\s)"
    r"|Trascendió\s+que\s|Se\s+dice\s+que\s|Se\s+comenta\s+que\s)"
)


# "Arvizu, dicen, les respondió...": an aside that says a later sentence was heard too
_HEARSAY_ASIDE = re.compile(r",\s*(?:nos\s+)?(?:dicen|cuentan|comentan|platican)\s*,")


def attribute_hearsay(text: str, drafts: list[ClaimDraft]) -> None:
    """Claims of the sentence that opens on a gossip formula, or of a later
    one of its paragraph with a hearsay aside, are alleged, with no source;
    the columnist's own remarks after it ('Lo curioso es que la ley permite
    exenciones de hasta 3 años') and what a body is quoted on keep theirs."""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if _HEARSAY_OPENING.match(line):
            for draft in (d for d in drafts if start <= d.anchor.start < end):
                sentence = text[draft.sentence[0] : draft.sentence[1]]
                if draft.sentence[0] <= start + len(line) - len(line.lstrip()) or _HEARSAY_ASIDE.search(sentence):
                    _heard(draft)
        start = end + 1


def _heard(draft: ClaimDraft) -> None:
    draft.modality = "alleged"
    draft.source = None
    draft.source_role = None
    draft.cues[:] = [c for c in draft.cues if not c.startswith(("source", "modality"))]
    draft.cues += ["source<-none:hearsay", "modality:alleged<-hearsay"]
