"""Rates a figure shares with its neighbour in the sentence.

A rate is often written once for two figures: "pasará de 20.000 a 60.000
obleas al mes" (the start of a change is per month too), "US$ 38 por
megavatio hora, frente a los US$ 55 que pagan los clientes" (the figure set
against a rate is one), "una cifra que la empresa rebaja a 600.000 m³" (a
disputed yearly volume stays yearly), "2.400 racks al mes, frente a los 900
actuales" (a bare count set against a rate counts the same thing).
"""

from __future__ import annotations

import re

from pipeline.claims.document import ClaimDocument
from pipeline.claims.draft import ClaimDraft

# What stands between a rate and the figure set against it, at the end of the gap.
_SET_AGAINST = re.compile(
    r"(?:frente\s+a(?:l|\s+los|\s+las)?|comparad[oa]s?\s+con|por\s+encima\s+de(?:l|\s+los|\s+las)?|por\s+debajo\s+de(?:l|\s+los|\s+las)?"
    r"|(?:eleva|rebaja|sitúa|cifra|pone)n?\s+(?:esa\s+cifra\s+)?(?:a|en)(?:\s+los|\s+las)?|en\s+promedio)"
    r"(?:\s+(?:unos|unas|cerca\s+de|casi|apenas|más\s+de|menos\s+de))?\s*$",
    re.IGNORECASE,
)
_GAP_LIMIT = 160


def share_rates(ctx: ClaimDocument, drafts: list[ClaimDraft]) -> None:
    for first, second in zip(drafts, drafts[1:]):
        if first.sentence != second.sentence or second.anchor.start - first.anchor.end > _GAP_LIMIT:
            continue
        if "+change" in first.anchor.rule and _rate_of(second, first.unit):
            first.unit = second.unit
            first.cues.append("unit<-change-end")
        elif _SET_AGAINST.search(ctx.text, first.anchor.end, second.anchor.start) and _rate_of(first, second.unit):
            second.unit = first.unit
            second.cues.append("unit<-set-against")


def _rate_of(draft: ClaimDraft, unit: str | None) -> bool:
    """The draft's unit is a rate of `unit` ("USD/MWh" of "USD"), or of anything when `unit` is unknown."""
    rate = draft.unit or ""
    return "/" in rate and (unit is None or rate.split("/")[0] == unit)
