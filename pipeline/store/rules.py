"""The conflict rules, loaded once from `data/separators.json` and `data/tolerances.json`.

Cue phrases become one regular expression per list for DuckDB (RE2): the
phrases longest first, lower-cased, between non-letters, so "inicial" does
not fire inside "iniciales" and the longer phrase wins where two start
together.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


def load_data(name: str) -> dict[str, Any]:
    raw = resources.files("pipeline.store").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return json.loads(raw)


@dataclass(frozen=True)
class CueList:
    """Phrases → the label they give (a scope or a measure), matched before or after a number."""

    before: dict[str, str]
    after: dict[str, str]


@dataclass(frozen=True)
class Rules:
    separators: dict[str, Any]
    tolerances: dict[str, Any]
    scope: CueList
    measures: dict[str, CueList]  # the first word of a unit family ("money", "time") → its measure cues

    @property
    def window(self) -> int:
        return int(self.separators["window"])

    def tolerance(self, family: str) -> float:
        relative = self.tolerances["relative"]
        return float(relative.get(family, relative["default"]))

    @property
    def approx_widening(self) -> float:
        return float(self.tolerances["approx_widening"])


def _first_wins(pairs: list[tuple[str, str]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for phrase, label in pairs:
        found.setdefault(phrase.lower(), label)
    return found


def _scope_cues(spec: dict[str, Any]) -> CueList:
    sides = {side: [(phrase, cue["scope"]) for cue in spec["cues"] for phrase in cue.get(side, [])] for side in ("before", "after")}
    return CueList(_first_wins(sides["before"]), _first_wins(sides["after"]))


def _measure_cues(spec: dict[str, Any]) -> dict[str, CueList]:
    found = {}
    for family, cues in spec["by_family"].items():
        pairs = _first_wins([(phrase, measure) for measure, phrases in cues.items() for phrase in phrases])
        found[family] = CueList(pairs, pairs)
    return found


@lru_cache(maxsize=1)
def rules() -> Rules:
    separators = load_data("separators.json")
    return Rules(separators, load_data("tolerances.json"), _scope_cues(separators["scope"]), _measure_cues(separators["measure"]))


def phrase_pattern(phrases: dict[str, str]) -> str:
    """RE2: group 1 is a whole phrase, case already folded by the caller."""
    ordered = sorted(phrases, key=lambda phrase: (-len(phrase), phrase))
    body = "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in ordered)
    return rf"(?:^|[^\pL\pN])({body})(?:[^\pL\pN]|$)"
