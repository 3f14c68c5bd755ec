"""Units a figure shares with its neighbour in the sentence.

A rate is often written once for two figures: "pasará de 20.000 a 60.000
obleas al mes" (the start of a change is per month too), "US$ 38 por
megavatio hora, frente a los US$ 55 que pagan los clientes" (the figure set
against a rate is one), "una cifra que la empresa rebaja a 600.000 m³" (a
disputed yearly volume stays yearly), "2.400 racks al mes, frente a los 900
actuales" (a bare count set against a rate counts the same thing).

So is a counted noun: "pasará de 320 a 1.100 trabajadores", "por seis votos
a favor y dos en contra", "60 personas, frente a las más de 2.000 que ocupa
una planta" (the second count leaves its noun out).
"""

from __future__ import annotations

import re
from typing import Iterator

from pipeline.claims.document import ClaimDocument
from pipeline.claims.draft import ClaimDraft

# What stands between a rate and the figure set against it, at the end of the gap.
_SET_AGAINST = re.compile(
    r"(?:frente\s+a(?:l|\s+los|\s+las)?|comparad[oa]s?\s+con|por\s+encima\s+de(?:l|\s+los|\s+las)?|por\s+debajo\s+de(?:l|\s+los|\s+las)?"
    r"|(?:eleva|rebaja|sitúa|cifra|pone)n?\s+(?:esa\s+cifra\s+)?(?:a|en)(?:\s+los|\s+las)?|en\s+promedio)"
    r"(?:\s+(?:unos|unas|cerca\s+de|casi|apenas|más\s+de|menos\s+de))?\s*$",
    re.IGNORECASE,
)
# What joins two counts of the same thing, at the end of the gap between them.
_JOINED = re.compile(
    r"(?:,|\by|\be|\bcontra|\bfrente\s+a(?:l|\s+los|\s+las)?|\ba(?:\s+los|\s+las)?|\bpara\s+(?:los|las))"
    r"(?:\s+(?:unos|unas|cerca\s+de|casi|apenas|más\s+de|menos\s+de|otros|otras|solo|sólo))?\s*$",
    re.IGNORECASE,
)
_GAP_LIMIT = 160
_COUNT_GAP_LIMIT = 120


def share_rates(ctx: ClaimDocument, drafts: list[ClaimDraft]) -> None:
    for first, second in _neighbours(drafts, _GAP_LIMIT):
        if "+change" in first.anchor.rule and _rate_of(second, first.unit):
            first.unit = second.unit
            first.cues.append("unit<-change-end")
        elif _SET_AGAINST.search(ctx.text, first.anchor.end, second.anchor.start) and _rate_of(first, second.unit):
            second.unit = first.unit
            second.cues.append("unit<-set-against")


def share_counted_nouns(ctx: ClaimDocument, drafts: list[ClaimDraft]) -> None:
    for first, second in _neighbours(drafts, _COUNT_GAP_LIMIT):
        if not first.anchor.label == second.anchor.label == "CARDINAL":
            continue
        if "+change" in first.anchor.rule and first.unit is None and _counted(second):
            first.unit = second.unit
            first.cues.append("unit<-change-end")
        elif _uncounted(second) and _counted(first) and not _share(second) and _JOINED.search(ctx.text, first.anchor.end, second.anchor.start):
            second.unit = first.unit
            second.cues.append("unit<-elided-noun")


def _uncounted(draft: ClaimDraft) -> bool:
    """No counted noun of its own, or only a word the model tagged as an adjective ('unos 60 permanentes')."""
    return draft.unit is None or any(c.startswith("unit<-adjective:") for c in draft.cues)


def _neighbours(drafts: list[ClaimDraft], limit: int) -> Iterator[tuple[ClaimDraft, ClaimDraft]]:
    """Consecutive figures of one sentence, close enough to share a unit."""
    for first, second in zip(drafts, drafts[1:]):
        if first.sentence == second.sentence and second.anchor.start - first.anchor.end <= limit:
            yield first, second


def _rate_of(draft: ClaimDraft, unit: str | None) -> bool:
    """The draft's unit is a rate of `unit` ("USD/MWh" of "USD"), or of anything when `unit` is unknown."""
    rate = draft.unit or ""
    return "/" in rate and (unit is None or rate.split("/")[0] == unit)


def _share(draft: ClaimDraft) -> bool:
    """'casi la mitad', 'un tercio': a share of the count before, not a count of its own."""
    return any(v is not None and 0 < v < 1 for v in (draft.anchor.value, draft.anchor.low, draft.anchor.high))


def _counted(draft: ClaimDraft) -> bool:
    """A count whose unit is the noun after it ("64 personas"), not a chip's category."""
    return draft.unit is not None and any(c.startswith("unit<-noun:") for c in draft.cues)
