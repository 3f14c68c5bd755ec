"""What the number recogniser finds, and the pieces it builds them from."""

from __future__ import annotations

from dataclasses import dataclass

NUMBER_LABELS = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY", "DURATION")


@dataclass
class NumberMatch:
    """One number expression: where it is, what it is, and what it is worth.

    The fields named as in `schemas.NumberSpan` are copied into records by
    name; `per` is the recogniser's own note for the claim unit of a rate
    ("3,2 millones de litros al día" is per "day").
    """

    start: int
    end: int
    text: str
    label: str
    value: int | float | str | None = None
    low: int | float | None = None
    high: int | float | None = None
    approx: bool = False
    unit: str | None = None
    rule: str = ""
    per: str | None = None

    @property
    def is_range(self) -> bool:
        return self.low is not None or self.high is not None


@dataclass
class Core:
    """A bare number: digits or words plus the scale words that follow."""

    start: int
    end: int
    base: float
    scale: float = 1.0
    from_words: bool = False
    vague: tuple[float, float] | None = None
    rule: str = "digits"
    has_scale: bool = False
    by_convention: bool = False  # "1,500" read by the article's convention alone

    @property
    def value(self) -> float:
        return self.base * self.scale


@dataclass
class Unit:
    end: int
    label: str
    unit: str | None
    multiplier: float = 1.0
