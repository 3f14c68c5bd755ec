"""Label Studio region results as spans: their offsets and the per-region
fields of afirma's labelling config (`data/label_studio.xml`).

Results of one region share its `id` (Label Studio's result format,
"per-regions"): the `labels` result places the span, a `textarea` or
`choices` result from a control named after a span attribute sets it.
"""

from __future__ import annotations

import json
import math
from typing import Any

ATTRIBUTES = ("canonical", "kind", "value", "low", "high", "approx", "unit")
_NUMBERS = ("value", "low", "high")
_APPROX = {"approx": True, "exact": False}


def region_offsets(text: str, region: dict[str, Any]) -> tuple[tuple[int, int, str] | None, str | None]:
    """(start, end, label) of a `labels` result, or why it cannot be used."""
    value = region.get("value") if isinstance(region.get("value"), dict) else {}
    name = f"region {region.get('id', '?')}"
    labels, start, end = value.get("labels"), value.get("start"), value.get("end")
    if not (isinstance(labels, list) and len(labels) == 1 and isinstance(labels[0], str)):
        return None, f"{name}: needs exactly one label, has {labels!r}"
    if type(start) is not int or type(end) is not int:
        return None, f"{name}: start and end must be integers (a text region), not {start!r} and {end!r}"
    shown = value.get("text")
    if 0 <= start < end <= len(text) and (not isinstance(shown, str) or text[start:end] == shown):
        return (start, end, labels[0]), None
    converted = _from_utf16(text, start, end)
    if converted and (not isinstance(shown, str) or text[converted[0] : converted[1]] == shown):
        return (*converted, labels[0]), None
    return None, f"{name}: offsets {start}:{end} select {text[start:end]!r}, not the region's text {shown!r}"


def _from_utf16(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Code-point offsets from UTF-16 ones (what JavaScript counts), or None
    when they do not fall between characters."""
    found: dict[int, int] = {}
    units = 0
    for index, character in enumerate(text):
        found[units] = index
        units += 2 if ord(character) > 0xFFFF else 1
    found[units] = len(text)
    if start in found and end in found and found[start] < found[end]:
        return found[start], found[end]
    return None


def region_attributes(regions: list[Any]) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Region id -> the span attributes its per-region results set."""
    labels = {
        r["id"]: _label(r)
        for r in regions
        if isinstance(r, dict) and r.get("type") == "labels" and isinstance(r.get("id"), str)
    }
    found: dict[str, dict[str, Any]] = {}
    errors: list[str] = []
    for region in regions:
        if not isinstance(region, dict) or region.get("from_name") not in ATTRIBUTES or region.get("type") == "labels":
            continue
        name, rid = region["from_name"], region.get("id")
        raw = _given(region.get("value"))
        if raw is None or rid not in labels:
            continue
        try:
            found.setdefault(rid, {})[name] = _parse(name, raw, labels[rid])
        except ValueError as error:
            errors.append(f"region {rid}: {name} {raw!r}: {error}")
    return found, errors


def _label(region: dict[str, Any]) -> str | None:
    labels = (region.get("value") or {}).get("labels") if isinstance(region.get("value"), dict) else None
    return labels[0] if isinstance(labels, list) and labels else None


def _given(value: Any) -> Any:
    """What a textarea, choices or number result holds; None when empty."""
    if not isinstance(value, dict):
        return None
    if isinstance(value.get("text"), list) and value["text"]:
        text = str(value["text"][-1]).strip()
        return text or None
    if isinstance(value.get("choices"), list) and value["choices"]:
        return value["choices"][0]
    return value.get("number")


def _parse(name: str, raw: Any, label: str | None) -> Any:
    if raw == "null":
        return None
    if name == "approx":
        if raw not in _APPROX:
            raise ValueError("must be approx or exact")
        return _APPROX[raw]
    if name not in _NUMBERS or (name == "value" and label == "DATE"):
        return raw
    return _number(raw)


def _number(raw: Any) -> int | float:
    number = raw
    if isinstance(raw, str):
        try:
            number = json.loads(raw)
        except ValueError:
            number = None
    if type(number) not in (int, float) or not math.isfinite(number):
        raise ValueError("must be a number as JSON writes it (3000000000, 1.5), or null")
    return number
