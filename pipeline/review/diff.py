"""What differs between gold and prediction, item by item, for a reviewer.

Spans are paired as in the partial score of `pipeline.review.evaluate`
(same label, best overlap first). Each span ends up in one entry:

- match: same label and offsets;
- boundary: same label, overlapping, offsets differ;
- label: overlapping, but labelled differently (a missed gold span and a
  spurious prediction for the scores, one confusion for a reader);
- missed: a gold span with nothing predicted over it;
- spurious: a predicted span with no gold span under it.

Paired spans and paired claims also list the normalised fields on which
they disagree, compared as the scores compare them, plus two the scores
leave out: `approx`, and a claim's label. Entries are grouped by
sentence (`pipeline.review.sentences`) for reading.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pipeline.review import agreement, formatting, sentences
from pipeline.review.evaluate import (
    Pairing,
    claim_alignment,
    pair_articles,
    span_alignments,
)
from pipeline.review.matching import align, span_interval
from schemas.models import NAME_LABELS, NUMBER_LABELS, Article, Claim

SPAN_STATUSES = ("match", "boundary", "label", "missed", "spurious")
CLAIM_STATUSES = ("paired", "missed", "spurious")


@dataclass(frozen=True)
class FieldDiff:
    """A field on which a pair disagrees, both sides as a reviewer reads them."""

    name: str
    gold: str
    pred: str


@dataclass(frozen=True)
class SpanDiff:
    status: str
    gold: Any = None  # a schemas.models span, or None
    pred: Any = None
    fields: tuple[FieldDiff, ...] = ()

    @property
    def position(self) -> int:
        return min(span.start for span in (self.gold, self.pred) if span is not None)

    @property
    def differs(self) -> bool:
        return self.status != "match" or bool(self.fields)


@dataclass(frozen=True)
class ClaimDiff:
    status: str
    gold: Claim | None = None
    pred: Claim | None = None
    fields: tuple[FieldDiff, ...] = ()

    @property
    def position(self) -> int:
        return min(claim.anchor.start for claim in (self.gold, self.pred) if claim is not None)

    @property
    def differs(self) -> bool:
        return self.status != "paired" or bool(self.fields)


@dataclass(frozen=True)
class SentenceDiff:
    start: int
    end: int
    spans: list[SpanDiff]
    claims: list[ClaimDiff]


@dataclass(frozen=True)
class ArticleDiff:
    id: str
    text: str
    gold: Article
    pred: Article
    spans: list[SpanDiff]
    claims: list[ClaimDiff]
    sentences: list[SentenceDiff] = field(default_factory=list)

    def span_counts(self) -> dict[str, int]:
        counts = {status: 0 for status in SPAN_STATUSES}
        for entry in self.spans:
            counts[entry.status] += 1
        return counts

    def claim_counts(self) -> dict[str, int]:
        counts = {status: 0 for status in CLAIM_STATUSES}
        for entry in self.claims:
            counts[entry.status] += 1
        return counts

    def summary(self) -> str:
        spans = self.span_counts()
        claims = self.claim_counts()
        span_fields = sum(1 for entry in self.spans if entry.fields)
        claim_fields = sum(1 for entry in self.claims if entry.fields)
        span_part = ", ".join(f"{n} {status}" for status, n in spans.items() if n)
        claim_part = ", ".join(f"{n} {status}" for status, n in claims.items() if n)
        return (
            f"{self.id}: spans {len(self.gold.spans)} gold / {len(self.pred.spans)} predicted"
            f" ({span_part or 'none'}; {span_fields} with field differences);"
            f" claims {len(self.gold.claims)} gold / {len(self.pred.claims)} predicted"
            f" ({claim_part or 'none'}; {claim_fields} with field differences)"
        )


@dataclass(frozen=True)
class DiffReport:
    articles: list[ArticleDiff]
    pairing: Pairing


def diff_files(gold: Iterable[Article], pred: Iterable[Article]) -> DiffReport:
    pairing = pair_articles(gold, pred)
    return DiffReport([diff_article(g, p) for g, p in pairing.pairs], pairing)


def diff_article(gold: Article, pred: Article) -> ArticleDiff:
    spans = sorted(_span_entries(gold, pred), key=lambda entry: (entry.position, entry.status))
    claims = sorted(_claim_entries(gold, pred), key=lambda entry: entry.position)
    bounds = sentences.split(gold.text)
    grouped: dict[int, tuple[list[SpanDiff], list[ClaimDiff]]] = {}
    for entry in spans:
        grouped.setdefault(sentences.locate(bounds, entry.position), ([], []))[0].append(entry)
    for entry in claims:
        grouped.setdefault(sentences.locate(bounds, entry.position), ([], []))[1].append(entry)
    by_sentence = [
        SentenceDiff(*bounds[index], spans=group[0], claims=group[1]) if bounds else SentenceDiff(0, 0, *group)
        for index, group in sorted(grouped.items())
    ]
    return ArticleDiff(gold.id, gold.text, gold, pred, spans, claims, by_sentence)


def _span_entries(gold: Article, pred: Article) -> list[SpanDiff]:
    _, partial = span_alignments(gold, pred)
    entries = []
    for g, p in partial.pairs:
        gold_span, pred_span = gold.spans[g], pred.spans[p]
        same = span_interval(gold_span) == span_interval(pred_span)
        entries.append(SpanDiff("match" if same else "boundary", gold_span, pred_span, span_fields(gold_span, pred_span)))
    # What is left over may still overlap under another label.
    missed = [gold.spans[g] for g in partial.missed]
    spurious = [pred.spans[p] for p in partial.spurious]
    relabelled = align([span_interval(s) for s in missed], [span_interval(s) for s in spurious])
    for g, p in relabelled.pairs:
        entries.append(SpanDiff("label", missed[g], spurious[p]))
    entries += [SpanDiff("missed", gold=missed[g]) for g in relabelled.missed]
    entries += [SpanDiff("spurious", pred=spurious[p]) for p in relabelled.spurious]
    return entries


def span_fields(gold: Any, pred: Any) -> tuple[FieldDiff, ...]:
    """Normalisation fields of a same-label pair that disagree."""
    found = []
    if gold.label in NUMBER_LABELS:
        found += _amount_fields(gold, pred)
        if not agreement.names_agree(gold.unit, pred.unit):
            found.append(FieldDiff("unit", formatting.text(gold.unit), formatting.text(pred.unit)))
    elif gold.label in NAME_LABELS:
        if not agreement.names_agree(gold.canonical, pred.canonical):
            found.append(FieldDiff("canonical", gold.canonical, pred.canonical))
        if gold.label == "HARDWARE" and gold.kind != pred.kind:
            found.append(FieldDiff("kind", gold.kind, pred.kind))
    elif gold.value != pred.value:
        found.append(FieldDiff("value", gold.value, pred.value))
    return tuple(found)


def _claim_entries(gold: Article, pred: Article) -> list[ClaimDiff]:
    alignment = claim_alignment(gold, pred)
    entries = [
        ClaimDiff("paired", gold.claims[g], pred.claims[p], claim_fields(gold.claims[g], pred.claims[p]))
        for g, p in alignment.pairs
    ]
    entries += [ClaimDiff("missed", gold=gold.claims[g]) for g in alignment.missed]
    entries += [ClaimDiff("spurious", pred=pred.claims[p]) for p in alignment.spurious]
    return entries


def claim_fields(gold: Claim, pred: Claim) -> tuple[FieldDiff, ...]:
    found = []
    if gold.label != pred.label:
        found.append(FieldDiff("label", gold.label, pred.label))
    agrees = agreement.claim_fields_agree(gold, pred)
    for name in agreement.CLAIM_FIELDS:
        if name == "value":
            found += _amount_fields(gold, pred)
        elif not agrees[name]:
            found.append(FieldDiff(name, formatting.text(getattr(gold, name)), formatting.text(getattr(pred, name))))
    return tuple(found)


def _amount_fields(gold: Any, pred: Any) -> list[FieldDiff]:
    found = []
    if not agreement.amounts_agree(gold, pred):
        found.append(FieldDiff("value", formatting.amount(gold), formatting.amount(pred)))
    if gold.approx != pred.approx:
        found.append(FieldDiff("approx", formatting.text(gold.approx), formatting.text(pred.approx)))
    return found
