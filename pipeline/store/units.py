"""What a claim's unit measures, and the factor to that measure's base unit.

`unit_rule("GW", "QUANTITY")` is power in watts, factor 1e9;
`unit_rule("EUR/MWh", "MONEY")` is EUR per energy, factor 1e-6 (per Wh);
"GPU" and "procesador gráfico" are both a count of GPU. The numerator of a
MONEY claim is its currency (the label says so; "GPU" is three capitals
too). The tables are `data/units.json`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

@dataclass(frozen=True)
class UnitRule:
    unit: str | None
    family: str | None  # None: takes no part in conflicts
    factor: float  # value × factor = value in the family's base unit
    base: str | None  # the base unit, for showing converted values
    why: str


@lru_cache(maxsize=1)
def unit_tables() -> dict[str, Any]:
    raw = resources.files("pipeline.store").joinpath("data").joinpath("units.json").read_text(encoding="utf-8")
    return json.loads(raw)


@lru_cache(maxsize=1)
def _physical() -> dict[str, tuple[str, float, str]]:
    """Every physical unit → (family, factor, base unit)."""
    found = {}
    for family, spec in unit_tables()["families"].items():
        for unit, factor in spec["factors"].items():
            found[unit] = (family, float(factor), spec["base"])
    return found


def _currency(part: str) -> tuple[str, float, str]:
    sub = unit_tables()["currency_subunits"].get(part)
    if sub is not None:
        return f"money {sub['unit']}", float(sub["factor"]), sub["unit"]
    return f"money {part}", 1.0, part


def _part(part: str) -> tuple[str, float, str]:
    """(family, factor, base) of a unit that is not a currency."""
    if part in _physical():
        return _physical()[part]
    name = unit_tables()["count_synonyms"].get(part, part)
    return f"count of {name}", 1.0, name


def _denominator(part: str) -> tuple[str, float, str]:
    time = unit_tables()["time_denominators"]
    part = time["aliases"].get(part, part)
    if not time["convert"] and _physical().get(part, ("",))[0] == "time":
        return f"per {part}", 1.0, part  # kept as written: see time_denominators.why
    family, factor, base = _part(part)
    return f"per {family}", factor, base


@lru_cache(maxsize=4096)
def unit_rule(unit: str | None, label: str | None = None) -> UnitRule:
    tables = unit_tables()
    if unit is None or not unit.strip():
        return UnitRule(unit, None, 1.0, None, tables["no_unit"])
    if unit in tables["not_comparable"]:
        return UnitRule(unit, None, 1.0, None, tables["not_comparable"][unit])
    numerator, *denominators = [part.strip() for part in unit.split("/")]
    family, factor, base = _currency(numerator) if label == "MONEY" else _part(numerator)
    for part in denominators:
        den_family, den_factor, den_base = _denominator(part)
        family, factor, base = f"{family} {den_family}", factor / den_factor, f"{base}/{den_base}"
    converted = f", ×{factor:g} to {base}" if factor != 1 else ""
    return UnitRule(unit, family, factor, base, f"unit {unit}: {family}{converted}")
