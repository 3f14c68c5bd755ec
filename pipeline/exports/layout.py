"""How a record was written, so that a round trip gives back the same bytes.

Label Studio and Prodigy keep JSON values, not JSON text: a server that
stores tasks in PostgreSQL's jsonb gives keys back in its own order, and
no tool keeps the spacing. So the exports carry a small layout along with
each record, and the imports write the record from it:

- the JSON style of the line: `json.dumps` spacing (how the gold files are
  written) or compact (how `afirma extract` writes), UTF-8 or ASCII-escaped;
- the order of keys of any object whose order is not the canonical one:
  the fields its pydantic model declares, in the model's order, then any
  other keys alphabetically. Gold spans and claims are in model order, so
  only their `meta` (written by hand) usually needs an entry.

A line written some other way (indented, floats as "3e9") comes back with
the same content, in the default style.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from schemas.models import (
    Article,
    Claim,
    DateSpan,
    Dropped,
    HardwareSpan,
    Meta,
    NameSpan,
    NumberSpan,
    Offsets,
)

STYLES: dict[str, dict[str, Any]] = {
    "spaced": {"ensure_ascii": False},
    "compact": {"ensure_ascii": False, "separators": (",", ":")},
    "spaced-ascii": {"ensure_ascii": True},
    "compact-ascii": {"ensure_ascii": True, "separators": (",", ":")},
}
DEFAULT_STYLE = "spaced"
_SPAN_MODELS: dict[str, type[BaseModel]] = {
    "ORG": NameSpan,
    "PER": NameSpan,
    "HARDWARE": HardwareSpan,
    "DATE": DateSpan,
}

Layout = dict[str, list[str]]


def style_of(line: str | None, record: dict[str, Any]) -> str:
    for name, options in STYLES.items():
        if line is not None and json.dumps(record, **options) == line:
            return name
    return DEFAULT_STYLE


def dump(record: dict[str, Any], style: str | None = None) -> str:
    return json.dumps(record, **STYLES.get(style or DEFAULT_STYLE, STYLES[DEFAULT_STYLE]))


def span_model(label: Any) -> type[BaseModel]:
    return _SPAN_MODELS.get(label, NumberSpan)


def _model_at(path: tuple[Any, ...], obj: dict[str, Any]) -> type[BaseModel] | None:
    if path == ():
        return Article
    if path == ("meta",):
        return Meta
    if len(path) == 3 and path[:2] == ("meta", "dropped"):
        return Dropped
    if len(path) == 2 and path[0] == "spans":
        return span_model(obj.get("label"))
    if len(path) == 2 and path[0] == "claims":
        return Claim
    if len(path) == 3 and path[0] == "claims" and path[2] in ("anchor", "sentence"):
        return Offsets
    return None


def canonical(keys: list[str], model: type[BaseModel] | None) -> list[str]:
    declared = list(model.model_fields) if model is not None else []
    present = set(keys)
    return [name for name in declared if name in present] + sorted(set(keys) - set(declared))


def _key(path: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in path)


def layout_of(record: dict[str, Any]) -> Layout:
    """The key orders that `canonical` would not give back."""
    found: Layout = {}

    def walk(value: Any, path: tuple[Any, ...]) -> None:
        if isinstance(value, dict):
            keys = list(value)
            if keys != canonical(keys, _model_at(path, value)):
                found[_key(path)] = keys
            for name, item in value.items():
                walk(item, (*path, name))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, (*path, index))

    walk(record, ())
    return found


def ordered(value: Any, layout: Layout, path: tuple[Any, ...] = (), keep: frozenset[str] = frozenset()) -> Any:
    """`value` with every object's keys in the recorded or canonical order.

    `path` places `value` in its original record (a span is ordered as the
    span it was, wherever it now stands); the keys in `keep` are taken as
    they are, already ordered by the caller.
    """
    if isinstance(value, list):
        return [ordered(item, layout, (*path, index)) for index, item in enumerate(value)]
    if not isinstance(value, dict):
        return value
    order = canonical(list(value), _model_at(path, value))
    recorded = [name for name in layout.get(_key(path), []) if name in value]
    names = recorded + [name for name in order if name not in recorded]
    return {name: value[name] if name in keep else ordered(value[name], layout, (*path, name)) for name in names}
