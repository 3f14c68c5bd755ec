"""Pydantic models of afirma's records and the JSON Schema generated from them."""

from schemas.models import (
    LABELS,
    MODALITIES,
    NAME_LABELS,
    NUMBER_LABELS,
    Article,
    Claim,
    DateSpan,
    Dropped,
    HardwareSpan,
    Meta,
    NameSpan,
    NumberSpan,
    Offsets,
    Span,
    article_problems,
    claim_id,
)

__all__ = [
    "LABELS",
    "MODALITIES",
    "NAME_LABELS",
    "NUMBER_LABELS",
    "Article",
    "Claim",
    "DateSpan",
    "Dropped",
    "HardwareSpan",
    "Meta",
    "NameSpan",
    "NumberSpan",
    "Offsets",
    "Span",
    "article_problems",
    "claim_id",
]
