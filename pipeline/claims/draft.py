"""The claim builder's working record for one number."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.numbers import NumberMatch


@dataclass
class ClaimDraft:
    """One claim while its fields are decided.

    The fields named as in `schemas.Claim` are copied into it by name
    (`pipeline.records`); the others are the builder's own notes.
    """

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
    # How sure the claim is, overall and per field (pipeline/claims/confidence.py).
    confidence: float | None = None
    field_confidence: dict[str, float] | None = None
