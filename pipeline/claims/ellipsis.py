"""Counted nouns a bare count shares with its neighbour in the sentence.

Spanish writes the noun once for two counts: "pasará de 320 a 1.100
trabajadores" (the start of a change counts the same), "por seis votos a
favor y dos en contra", "hasta 1.400 personas, y en la operación a unas 180",
"60 personas, frente a las más de 2.000 que ocupa una planta" (the second
count leaves its noun out).
"""

from __future__ import annotations

import re

from pipeline.claims.document import ClaimDocument
from pipeline.claims.draft import ClaimDraft

# What joins two counts of the same thing, at the end of the gap between them.
_JOINED = re.compile(
    r"(?:,|\by|\be|\bcontra|\bfrente\s+a(?:l|\s+los|\s+las)?|\ba(?:\s+los|\s+las)?|\bpara\s+(?:los|las))"
    r"(?:\s+(?:unos|unas|cerca\s+de|casi|apenas|más\s+de|menos\s+de|otros|otras|solo|sólo))?\s*$",
    re.IGNORECASE,
)
_GAP_LIMIT = 120


def share_counted_nouns(ctx: ClaimDocument, drafts: list[ClaimDraft]) -> None:
    for first, second in zip(drafts, drafts[1:]):
        if first.sentence != second.sentence or second.anchor.start - first.anchor.end > _GAP_LIMIT:
            continue
        if first.anchor.label == second.anchor.label == "CARDINAL" and "+change" in first.anchor.rule and first.unit is None and _counted(second):
            first.unit = second.unit
            first.cues.append("unit<-change-end")
        elif (first.anchor.label == second.anchor.label == "CARDINAL" and second.unit is None and _counted(first) and not _share(second)
              and _JOINED.search(ctx.text, first.anchor.end, second.anchor.start)):
            second.unit = first.unit
            second.cues.append("unit<-elided-noun")


def _share(draft: ClaimDraft) -> bool:
    """'casi la mitad', 'un tercio': a share of the count before, not a count of its own."""
    return any(v is not None and 0 < v < 1 for v in (draft.anchor.value, draft.anchor.low, draft.anchor.high))


def _counted(draft: ClaimDraft) -> bool:
    """A count whose unit is the noun after it ("64 personas"), not a chip's category."""
    return draft.unit is not None and any(c.startswith("unit<-noun:") for c in draft.cues)
