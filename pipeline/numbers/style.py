"""Which mark an article uses for decimals: the es-ES or the es-MX convention.

Mexican and US Spanish-language outlets write "4,300 millones" and "1.5 GW";
Spain and most of South America write "4.300 millones" and "1,5 GW". Many
numbers say which by their own form ("1,500,000", "1,5 GW"); the article's
convention is decided from those (`data/conventions.json`), else from its
country, else the default; and it is then used only for the numbers whose
form cannot tell ("1,500" alone).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class NumberStyle:
    name: str  # "es-ES" or "es-MX"
    decimal: str  # the decimal mark: "," or "."
    group: str  # the thousands mark
    decided: str  # "text", "country", "given" or "default": how sure the reading of "1,500" alone is
    evidence: str = ""

    @property
    def certain(self) -> bool:
        return self.decided in ("text", "given")


@lru_cache(maxsize=1)
def _conventions() -> dict:
    raw = resources.files("pipeline.numbers").joinpath("data").joinpath("conventions.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    data["compiled"] = {name: [(re.compile(p), w) for p, w in rows] for name, rows in data["evidence"].items()}
    return data


def style_named(name: str, decided: str, evidence: str = "") -> NumberStyle:
    convention = _conventions()["conventions"][name]
    return NumberStyle(name, convention["decimal"], convention["group"], decided, evidence)


def default_style() -> NumberStyle:
    return style_named(_conventions()["default"], "default")


def decide_style(text: str, country_convention: str | None = None) -> NumberStyle:
    """The article's convention: from its numbers, else its country's, else the default."""
    data = _conventions()
    scores = {name: sum(w * len(p.findall(text)) for p, w in rows) for name, rows in data["compiled"].items()}
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    (best, top), (_, second) = ranked[0], ranked[1]
    evidence = ", ".join(f"{name} {score:g}" for name, score in ranked)
    if top > 0 and top >= data["decide"]["margin"] * second:
        return style_named(best, "text", f"numbers in the text: {evidence}")
    if country_convention:
        return style_named(country_convention, "country", f"the country's usual convention (text: {evidence})")
    return style_named(data["default"], "default", f"no evidence either way ({evidence})")
