"""Numbers as a Spanish reader writes them, for the review pages and `afirma show`.

Reviewers hold a figure against the article, and the articles write Spanish
numbers: "15000000000" has to be counted, "15.000 millones" is read. So
thousands are grouped with a point and decimals follow a comma (the es-ES
convention, whatever convention the outlet used), and a value that is a
round number of millones or billones (long scale: a billón is 10^12) is
written with the word, as the press writes it. `digits` gives every digit
for a tooltip, where a reviewer may want to check the exact value.

The terminal diff keeps raw digits (`pipeline.review.formatting`): its
lines are grepped and compared in tests and scripts.
"""

from __future__ import annotations

from typing import Any

NONE = "—"
# Largest first: 1,2 billones reads better than 1.200.000 millones.
_SCALES = ((10**12, "billón", "billones"), (10**6, "millón", "millones"))
# A scaled value keeps at most this many decimals ("1,125 millones");
# more would be harder to read than the digits themselves.
_SCALED_DECIMALS = 3


def digits(value: float) -> str:
    """Every digit, grouped: 15000000000 -> "15.000.000.000", 0.6667 -> "0,6667"."""
    if float(value).is_integer() and abs(value) < 1e18:
        whole, fraction = str(abs(int(value))), ""
    else:
        # Six decimals hold every fraction the contract writes (0.6667).
        whole, _, fraction = f"{abs(value):.6f}".rstrip("0").rstrip(".").partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    sign = "-" if value < 0 and (whole.strip("0") or fraction) else ""
    return sign + grouped + ("," + fraction if fraction else "")


def _scale(value: float) -> tuple[int, str, str] | None:
    """The scale word a value is a round multiple of, if any."""
    for size, one, many in _SCALES:
        if abs(value) < size:
            continue
        scaled = value / size * 10**_SCALED_DECIMALS
        if abs(scaled - round(scaled)) < 1e-6 * max(1.0, abs(scaled)):
            return size, one, many
    return None


def number(value: float | None) -> str:
    """The shortest exact Spanish form: "15.000 millones", "1,2 billones", "2.500", "30,2"."""
    if value is None:
        return NONE
    scale = _scale(value)
    if scale is None:
        return digits(value)
    size, one, many = scale
    scaled = value / size
    return f"{digits(scaled)} {one if abs(scaled) == 1 else many}"


def _range(low: float, high: float) -> str:
    """Both ends under one scale word when they share it: "15.000–20.000 millones"."""
    scale = _scale(low)
    if scale is not None and scale == _scale(high):
        size, _, many = scale
        return f"{digits(low / size)}–{digits(high / size)} {many}"
    return f"{number(low)}–{number(high)}"


def amount(record: Any, show: Any = number) -> str:
    """A record's value, range or bound, "~" first when approximate.

    `show` writes one number: `number` for reading, `digits` for checking.
    """
    value, low, high = record.value, record.low, record.high
    if value is not None:
        shown = show(value)
    elif low is not None and high is not None:
        shown = _range(low, high) if show is number else f"{show(low)}–{show(high)}"
    elif low is not None:
        shown = f"≥ {show(low)}"
    elif high is not None:
        shown = f"≤ {show(high)}"
    else:
        shown = NONE
    return ("~" if getattr(record, "approx", False) else "") + shown


def share(value: float | None) -> str:
    """A fraction as a Spanish percentage: 0.825 -> "82,5 %"."""
    if value is None:
        return NONE
    return f"{digits(round(value * 100, 1))} %"
