"""The organisations tied to a claim: those named in the number's clause.

Left out: outlets and agencies (they report, they are not part of the
fact), the source unless it is also the subject, and organisations named
only as the party before which something is filed or against which a
figure is compared ("presentó ante el Gobierno de Río Negro", "según la
UPME", "frente a Intel"), and a chip's vendor where the figure is not
about that chip.
"""

from __future__ import annotations

import re

from pipeline.claims.document import ClaimDocument
from pipeline.claims.draft import ClaimDraft
from pipeline.claims.names import unique, vendor_chip
from pipeline.claims.reference import is_reporter

_BESIDE = re.compile(r"(?<![^\W_])(?:ante|según|frente\s+a)\s+(?:(?:el|la|los|las|al)\s+)?$", re.IGNORECASE)


def orgs_of(ctx: ClaimDocument, c_names, draft: ClaimDraft, s_names=()) -> list[str]:
    """The clause's tied organisations, and the subject where the sentence
    names it outside the clause ("El acuerdo cubre dos tercios...;
    ..., precisó Andesnube")."""
    tied = [n.canonical for n in c_names if _tied(ctx, n, draft)]
    subject = [n.canonical for n in s_names if n.label == "ORG" and n.canonical == draft.subject and not is_reporter(n)]
    return unique(tied + subject[:1])


def _tied(ctx: ClaimDocument, name, draft: ClaimDraft) -> bool:
    if name.label != "ORG" or is_reporter(name):
        return False
    if name.canonical == draft.source and name.canonical != draft.subject:
        return False
    chip = vendor_chip(ctx.text, ctx.names, name)
    if chip is not None and chip.canonical not in draft.hardware:
        return False  # "300 MW ... y GPU GB300 de Nvidia": Nvidia names a chip the figure is not about
    return not _BESIDE.search(ctx.text[max(0, name.start - 16) : name.start])
