"""How values read in a diff, the same on the terminal and in the HTML page."""

from __future__ import annotations

from typing import Any

NONE = "(none)"


def number(value: float | None) -> str:
    if value is None:
        return NONE
    # 3000000000 rather than 3e+09: reviewers check digits against the text.
    if float(value).is_integer() and abs(value) < 1e18:
        return str(int(value))
    return repr(float(value))


def amount(record: Any) -> str:
    """value, a range or a bound, with "~" when approximate."""
    if record.value is not None:
        shown = number(record.value)
    elif record.low is not None and record.high is not None:
        shown = f"{number(record.low)}–{number(record.high)}"
    elif record.low is not None:
        shown = f"≥{number(record.low)}"
    elif record.high is not None:
        shown = f"≤{number(record.high)}"
    else:
        shown = NONE
    return ("~" if getattr(record, "approx", False) else "") + shown


def text(value: Any) -> str:
    if value is None:
        return NONE
    if isinstance(value, (list, tuple, set, frozenset)):
        return "[" + ", ".join(sorted(str(item) for item in value)) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return number(value)
    return str(value)
