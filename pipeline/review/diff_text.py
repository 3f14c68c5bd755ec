"""A `DiffReport` as terminal text, gold against prediction.

Read it like a diff: "-" is gold the prediction lacks, "+" is prediction
the gold lacks, "~" is a pair that disagrees (boundaries, label or a
normalised field). Colour repeats the sign; it is off unless asked for, so
logs and pipes get plain text.
"""

from __future__ import annotations

from typing import Any

import typer

from pipeline.review.diff import ArticleDiff, ClaimDiff, DiffReport, FieldDiff, SpanDiff
from pipeline.review.formatting import amount

_COLOURS = {"-": "red", "+": "green", "~": "yellow"}
_SIGNS = {"missed": "-", "spurious": "+", "boundary": "~", "label": "~", "match": "~", "paired": "~"}


def render_diff(report: DiffReport, *, color: bool = False) -> str:
    lines: list[str] = []
    pairing = report.pairing
    for ids, what in (
        (pairing.only_gold, "only in gold"),
        (pairing.only_pred, "only in the predictions"),
        (pairing.text_differs, "text differs between the files, not compared"),
    ):
        if ids:
            lines.append(f"{what}: {', '.join(ids)}")
    for article in report.articles:
        lines += _article(article, color)
    return "\n".join(lines)


def _article(article: ArticleDiff, color: bool) -> list[str]:
    lines = ["", _style(f"== {article.summary()}", color, bold=True)]
    for sentence in article.sentences:
        spans = [entry for entry in sentence.spans if entry.differs]
        claims = [entry for entry in sentence.claims if entry.differs]
        if not spans and not claims:
            continue
        lines.append(f"  {sentence.start}:{sentence.end} {_quote(article.text[sentence.start:sentence.end], 100)}")
        lines += [_styled_line(_span_line(entry), _SIGNS[entry.status], color) for entry in spans]
        lines += [_styled_line(_claim_line(entry, article.text), _SIGNS[entry.status], color) for entry in claims]
    return lines


def _span_text(span: Any) -> str:
    return f"{span.label} {span.start}:{span.end} {_quote(span.text)}"


def _span_line(entry: SpanDiff) -> str:
    if entry.status == "missed":
        return f"missed    {_span_text(entry.gold)}"
    if entry.status == "spurious":
        return f"spurious  {_span_text(entry.pred)}"
    if entry.status == "match":
        return f"fields    {_span_text(entry.gold)}: {_fields(entry.fields)}"
    line = f"{entry.status:<9} gold {_span_text(entry.gold)} | pred {_span_text(entry.pred)}"
    return line + (f": {_fields(entry.fields)}" if entry.fields else "")


def _claim_line(entry: ClaimDiff, text: str) -> str:
    claim = entry.gold or entry.pred
    anchor = f"{claim.label} {claim.anchor.start}:{claim.anchor.end} {_quote(text[claim.anchor.start:claim.anchor.end])}"
    if entry.status == "paired":
        return f"claim     {anchor}: {_fields(entry.fields)}"
    summary = f"{amount(claim)} unit {claim.unit or '-'}, subject {claim.subject or '-'}, {claim.modality}"
    return f"claim {entry.status:<9}{anchor}: {summary}"


def _fields(fields: tuple[FieldDiff, ...]) -> str:
    return "; ".join(f"{item.name} gold {_quote(item.gold)} pred {_quote(item.pred)}" for item in fields)


def _quote(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")


def _styled_line(line: str, sign: str, color: bool) -> str:
    return _style(f"    {sign} {line}", color, fg=_COLOURS[sign])


def _style(text: str, color: bool, **style: Any) -> str:
    return typer.style(text, **style) if color else text
