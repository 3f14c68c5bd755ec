"""A record rebuilt from a tool's spans and the payload it carried.

The tool is right about which spans exist, where they are and what label
they have: the labeller may have moved, relabelled, added or removed spans.
Each span of the tool is matched to the span it was when exported: by
Label Studio's region id, else by the same offsets and label, else by the
same offsets alone (a relabelled span), else as the one overlapping span
of the same label (a trimmed or widened boundary). It takes that span's
attributes (a relabelled span those its new label also has); attributes
the tool itself gives (Label Studio's per-region fields) win. Claims
follow their anchor span when it moved or changed between number labels,
and are left out, with a warning, when it was removed or is no number any
more. Nothing is guessed: a span added in the tool without the attributes
its label needs fails validation and is reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pipeline.exports.layout import Layout, ordered, span_model
from schemas.models import NUMBER_LABELS, DateSpan, HardwareSpan, NameSpan, NumberSpan

CORE = ("start", "end", "text", "label")
AMOUNT = ("value", "low", "high", "approx")
# The fields a span of each label has in every afirma file, null or not.
NEW_SPAN_FIELDS: dict[str, dict[str, Any]] = {
    label: {"value": None, "low": None, "high": None, "approx": False, "unit": None} for label in NUMBER_LABELS
}
_REGION = re.compile(r"^afirma-(\d+)$")
_SPAN_FIELDS = {name for model in (NameSpan, HardwareSpan, NumberSpan, DateSpan) for name in model.model_fields}


def region_id(index: int) -> str:
    """The Label Studio region id of the record's span `index`."""
    return f"afirma-{index}"


@dataclass(frozen=True)
class ToolSpan:
    start: int
    end: int
    label: str
    region: str | None = None
    given: dict[str, Any] = field(default_factory=dict)  # attributes set in the tool


@dataclass
class Rebuilt:
    record: dict[str, Any]
    warnings: list[str] = field(default_factory=list)
    added: int = 0  # spans with no exported counterpart


def rebuild(text: str, spans: list[ToolSpan], carried: dict[str, Any] | None, article_id: str) -> Rebuilt:
    base = dict(carried["record"]) if carried else {"id": article_id, "spans": [], "claims": []}
    layout = (carried or {}).get("layout", {})
    old = [span for span in base.get("spans", []) if isinstance(span, dict)]
    tool = sorted(spans, key=lambda span: (span.start, span.end))
    matched = match(tool, old)
    result = Rebuilt(base)
    new_spans, after = [], {}
    for index, span in enumerate(tool):
        before = matched.get(index)
        new_spans.append(_span(text, span, old[before] if before is not None else None, layout, before))
        if before is None:
            result.added += 1
        else:
            after[before] = (new_spans[-1], span)
    claims = _claims(base.get("claims", []), old, after, text, layout, result.warnings)
    base.update(text=text, spans=new_spans)
    if "claims" in base or claims:
        base["claims"] = claims
    result.record = ordered(base, layout, (), keep=frozenset({"spans", "claims"}))
    return result


def match(tool: list[ToolSpan], old: list[dict[str, Any]]) -> dict[int, int]:
    """Tool span index -> exported span index, one to one: by region id,
    then by offsets and label, then by offsets alone (a relabelled span),
    then by overlap with the same label (a moved boundary)."""
    found: dict[int, int] = {}
    for index, span in enumerate(tool):
        hit = _REGION.match(span.region or "")
        if hit and int(hit.group(1)) < len(old) and int(hit.group(1)) not in found.values():
            found[index] = int(hit.group(1))
    taken = set(found.values())
    for key in (lambda s: (s.start, s.end, s.label), lambda s: (s.start, s.end)):
        _match_equal(tool, old, found, taken, key)
    _match_overlaps(tool, old, found, taken)
    return found


def _match_equal(
    tool: list[ToolSpan],
    old: list[dict[str, Any]],
    found: dict[int, int],
    taken: set[int],
    key: Callable[[ToolSpan], Any],
) -> None:
    places: dict[Any, list[int]] = {}
    for index, span in enumerate(old):
        place = _place(span)
        if index not in taken and place is not None:
            places.setdefault(key(ToolSpan(*place, span.get("label"))), []).append(index)
    for index, span in enumerate(tool):
        candidates = [i for i in places.get(key(span), []) if i not in taken]
        if index not in found and len(candidates) == 1:
            found[index] = candidates[0]
            taken.add(candidates[0])


def _place(span: Any) -> tuple[int, int] | None:
    start, end = (span.get("start"), span.get("end")) if isinstance(span, dict) else (None, None)
    return (start, end) if type(start) is int and type(end) is int else None


def _match_overlaps(tool: list[ToolSpan], old: list[dict[str, Any]], found: dict[int, int], taken: set[int]) -> None:
    """A trimmed or widened span: the only same-label overlap on both sides."""

    def overlaps(span: ToolSpan, other: dict[str, Any]) -> bool:
        place = _place(other)
        return place is not None and other.get("label") == span.label and span.start < place[1] and place[0] < span.end

    free_tool = [index for index in range(len(tool)) if index not in found]
    for index in free_tool:
        candidates = [i for i, other in enumerate(old) if i not in taken and overlaps(tool[index], other)]
        if len(candidates) != 1:
            continue
        rivals = [t for t in free_tool if t not in found and overlaps(tool[t], old[candidates[0]])]
        if rivals == [index]:
            found[index] = candidates[0]
            taken.add(candidates[0])


def _span(
    text: str, span: ToolSpan, before: dict[str, Any] | None, layout: Layout, index: int | None
) -> dict[str, Any]:
    if before is None:
        attributes = dict(NEW_SPAN_FIELDS.get(span.label, {}))
    elif before.get("label") == span.label:
        attributes = {key: value for key, value in before.items() if key not in CORE}
    else:
        attributes = _relabelled(before, span.label)
    attributes.update(span.given)
    record = {
        "start": span.start,
        "end": span.end,
        "text": text[span.start : span.end],
        "label": span.label,
        **attributes,
    }
    return ordered(record, layout, ("spans", "new" if index is None else index))


def _relabelled(before: dict[str, Any], label: str) -> dict[str, Any]:
    """What a relabelled span keeps: the fields its new label also has (a
    CARDINAL made MONEY keeps its amount, an ORG made PER its canonical) and
    fields no span model declares; the new label's usual fields fill in."""
    model = span_model(label).model_fields
    kept = {
        key: value for key, value in before.items() if key not in CORE and (key in model or key not in _SPAN_FIELDS)
    }
    return {**NEW_SPAN_FIELDS.get(label, {}), **kept}


def _claims(
    claims: list[Any],
    old: list[dict[str, Any]],
    after: dict[int, tuple[dict[str, Any], ToolSpan]],
    text: str,
    layout: Layout,
    warnings: list[str],
) -> list[Any]:
    by_place = {_place(span): index for index, span in enumerate(old) if _place(span) is not None}
    kept = []
    for index, claim in enumerate(claims):
        place = _place(claim.get("anchor")) if isinstance(claim, dict) else None
        before = by_place.get(place) if place is not None else None
        if before is None:
            kept.append(ordered(claim, layout, ("claims", index)))  # validation will say what is wrong
        elif before in after:
            followed = _follow(claim, *after[before], index, warnings)
            if followed is not None:
                kept.append(ordered(followed, layout, ("claims", index)))
        else:
            warnings.append(
                f"claims[{index}] anchored on {place[0]}:{place[1]} {text[place[0] : place[1]]!r}: its span was removed; the claim is left out"
            )
    return kept


def _follow(
    claim: dict[str, Any], span: dict[str, Any], tool: ToolSpan, index: int, warnings: list[str]
) -> dict[str, Any] | None:
    """The claim with its anchor where its span now is, its span's new label
    and the amount the tool gave the span (a claim copies these from its
    anchor); None when the span is no number any more."""
    claim = dict(claim)
    anchor = claim["anchor"]
    if claim.get("label") != span["label"]:
        if span["label"] not in NUMBER_LABELS:
            warnings.append(f"claims[{index}]: its span is {span['label']} now, not a number; the claim is left out")
            return None
        warnings.append(
            f"claims[{index}]: label follows its span, {claim.get('label')} -> {span['label']}; check its unit"
        )
        claim["label"] = span["label"]
    if (anchor.get("start"), anchor.get("end")) != (span["start"], span["end"]):
        warnings.append(
            f"claims[{index}]: anchor moved with its span, {anchor.get('start')}:{anchor.get('end')} -> {span['start']}:{span['end']}"
        )
        claim["anchor"] = {**anchor, "start": span["start"], "end": span["end"]}
    for name in AMOUNT:
        if name in tool.given:
            claim[name] = span[name]
    return claim
