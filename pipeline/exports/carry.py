"""What an afirma record leaves with a tool, so that nothing is lost.

Label Studio and Prodigy show and edit the text and its labelled spans; the
rest of the record (span attributes such as value, unit or canonical, the
claims, meta, any extra field, and how the line was written) travels with
the task under the key `afirma`, which both tools keep as they received it
and give back in their exports. `afirma import` rebuilds the record from
the tool's spans and this payload (`pipeline.exports.merge`).
"""

from __future__ import annotations

from typing import Any

from pipeline.exports.layout import DEFAULT_STYLE, layout_of, style_of
from pipeline.exports.reading import Entry

KEY = "afirma"
VERSION = 1


def payload(entry: Entry) -> dict[str, Any]:
    """The record without its text (the tool holds that), with its layout."""
    raw = entry.raw
    carried: dict[str, Any] = {
        "version": VERSION,
        "record": {key: value for key, value in raw.items() if key != "text"},
    }
    layout = layout_of(raw)
    if layout:
        carried["layout"] = layout
    style = style_of(entry.line_text, raw)
    if style != DEFAULT_STYLE:
        carried["style"] = style
    if entry.newline != "\n":
        carried["newline"] = entry.newline
    return carried


def unpack(value: Any) -> tuple[dict[str, Any] | None, str | None]:
    """The payload found in a task, or None with the reason it cannot be used."""
    if value is None:
        return None, None
    if not isinstance(value, dict) or not isinstance(value.get("record"), dict):
        return None, f"its `{KEY}` key is not what afirma export writes; it is ignored"
    if value.get("version") != VERSION:
        return None, f"its `{KEY}` key has version {value.get('version')!r}, this afirma reads {VERSION}; it is ignored"
    layout = value.get("layout", {})
    well_formed = isinstance(layout, dict) and all(isinstance(keys, list) for keys in layout.values())
    if not well_formed or value.get("newline", "\n") not in ("\n", "\r\n"):
        return None, f"its `{KEY}` key has been changed (layout or newline); it is ignored"
    return value, None
