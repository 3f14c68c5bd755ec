"""Figures as a reader checks them: in one unit per group, digits not exponents."""

from __future__ import annotations

import math

from pipeline.review.formatting import number


def _plain(value: float) -> str:
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    # Ten significant digits hide the float noise of unit conversion (0.3 GW → 300 MW, not 299.99999).
    return number(float(f"{value:.10g}"))


def amount(value: float | None, low: float | None, high: float | None, approx: bool, scale: float = 1.0) -> str:
    """'~80000000000', '300–400', '≥100000', '≤960', each multiplied by `scale` first."""
    if value is not None and not _missing(value):
        shown = _plain(value * scale)
    elif not _missing(low) and not _missing(high):
        shown = f"{_plain(low * scale)}–{_plain(high * scale)}"
    elif not _missing(low):
        shown = f"≥{_plain(low * scale)}"
    elif not _missing(high):
        shown = f"≤{_plain(high * scale)}"
    else:
        shown = "?"
    return ("~" if approx else "") + shown


def _missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def percent_apart(lower_high: float, upper_low: float) -> str:
    """How far above the lower figure the upper one starts, in per cent of the lower one."""
    if lower_high == 0 or math.isinf(lower_high) or math.isinf(upper_low):
        return ""
    return f"{(upper_low - lower_high) / abs(lower_high) * 100:.0f} %"
