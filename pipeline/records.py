"""From the components' results on a doc to validated `schemas` records.

The fields of a record are declared once, in `schemas/models.py`; this
module copies into each model the fields it declares, by name, from the
components' own objects (`NameMatch`, `NumberMatch`, `ClaimDraft`, which
are plain dataclasses because they are made by the thousand per article
and live on `doc._`). A span or claim that a model refuses is dropped and
named in the record's `meta.dropped`, so one odd number never costs the
rest of its article.
"""

from __future__ import annotations

from typing import Any, Callable

from pydantic import BaseModel, ValidationError

from pipeline.textview import TextView
from schemas import NUMBER_LABELS, Article, Claim, DateSpan, Dropped, HardwareSpan, NameSpan, NumberSpan, claim_id

SPAN_MODELS: dict[str, type[BaseModel]] = {"HARDWARE": HardwareSpan, "ORG": NameSpan, "PER": NameSpan, "DATE": DateSpan}
# What a claim copies from its anchor span rather than from the claim builder.
ANCHOR_FIELDS = tuple(name for name in Claim.model_fields if name in NumberSpan.model_fields and name != "unit")
_PLACED = {"start", "end", "text", "rule", "id", "anchor", "sentence"}


def copy_fields(model: type[BaseModel], source: Any, skip=_PLACED) -> dict[str, Any]:
    """The model's fields that `source` has, by name."""
    return {name: getattr(source, name) for name in model.model_fields if name not in skip and hasattr(source, name)}


def span_record(item, start: int, end: int, original: str) -> BaseModel:
    model = SPAN_MODELS.get(item.label, NumberSpan)
    fields = copy_fields(model, item)
    if item.label == "DATE":
        fields["value"] = str(item.value)
    elif item.label == "HARDWARE":
        fields["kind"] = item.kind or "chip"
    return model(start=start, end=end, text=original[start:end], rule=item.rule or None, **fields)


def claim_record(article_id: str, draft, anchor: tuple[int, int], sentence: tuple[int, int]) -> Claim:
    fields = copy_fields(Claim, draft) | {name: getattr(draft.anchor, name) for name in ANCHOR_FIELDS}
    return Claim(
        id=claim_id(article_id, anchor[0], anchor[1], draft.anchor.label),
        anchor={"start": anchor[0], "end": anchor[1]},
        sentence={"start": sentence[0], "end": sentence[1]},
        **fields,
    )


class ArticleParts:
    """The results of one article's pieces, until all of them are back.

    Each doc is turned into its spans and claims as soon as it arrives and
    then dropped: a long article's docs, with their tensors, would otherwise
    all be held at once (gigabytes for a 5 MB text).
    """

    def __init__(self, article_id: str, view: TextView, meta: dict[str, Any], expected: int):
        self.article_id = article_id
        self.view = view
        self.meta = meta
        self.expected = expected
        self.received = 0
        self.parts: list[tuple[int, list, list]] = []
        self.dropped: list[Dropped] = []

    @property
    def complete(self) -> bool:
        return self.received >= self.expected

    def add(self, doc) -> None:
        offset = doc.user_data["afirma_offset"]
        view = self.view
        spans = []
        for item in [*(doc._.afirma_names or []), *(doc._.afirma_numbers or [])]:
            start, end = view.span(item.start + offset, item.end + offset)
            spans.append(self._kept(lambda: span_record(item, start, end, view.original), item.label, start, end))
        claims = []
        for draft in doc._.afirma_claims or []:
            anchor = view.span(draft.anchor.start + offset, draft.anchor.end + offset)
            sentence = view.span(draft.sentence[0] + offset, draft.sentence[1] + offset)
            claims.append(self._kept(lambda: claim_record(self.article_id, draft, anchor, sentence), "claim", *anchor))
        self.parts.append((offset, [s for s in spans if s], [c for c in claims if c]))
        self.received += 1

    def _kept(self, build: Callable[[], BaseModel], label: str, start: int, end: int) -> BaseModel | None:
        try:
            return build()
        except ValidationError as error:
            reason = "; ".join(e["msg"] for e in error.errors())
            self.dropped.append(Dropped(start=start, end=end, text=self.view.original[start:end], label=label, reason=reason))
            return None

    def article(self, model: str, version: str) -> Article:
        spans, claims = [], []
        for _, part_spans, part_claims in sorted(self.parts, key=lambda part: part[0]):
            spans.extend(part_spans)
            claims.extend(part_claims)
        spans = no_overlaps(spans)
        anchors = {(s.start, s.end) for s in spans if s.label in NUMBER_LABELS}
        for claim in claims:
            if (claim.anchor.start, claim.anchor.end) not in anchors:
                self.dropped.append(Dropped(start=claim.anchor.start, end=claim.anchor.end, label="claim",
                                            text=self.view.original[claim.anchor.start:claim.anchor.end],
                                            reason="its number span was dropped"))
        claims = [c for c in claims if (c.anchor.start, c.anchor.end) in anchors]
        meta = self.meta
        meta.setdefault("language", "es")
        meta["model"] = model
        meta["afirma_version"] = version
        if self.dropped:
            meta["dropped"] = self.dropped
        if not self.view.text.strip():
            meta["note"] = "empty article: no text to extract from"
        return Article(id=self.article_id, text=self.view.original, spans=spans, claims=claims, meta=meta)


def no_overlaps(spans: list) -> list:
    spans.sort(key=lambda s: (s.start, -s.end))
    kept, last_end = [], -1
    for span in spans:
        if span.start >= last_end:
            kept.append(span)
            last_end = span.end
    return kept
