"""When two normalised values count as the same, as the contract defines it.

Numbers agree within a relative tolerance of the gold number; names and
units agree when they are equal after folding case, accents and spaces
("Nvidia" and "NVIDIA", "Tesla" and "Teslá"). Both eval and diff use these,
so a figure in the table and a line in the diff never disagree.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

RELATIVE_TOLERANCE = 0.005  # 0.5 %, from the contract
AMOUNT_FIELDS = ("value", "low", "high")


def numbers_agree(gold: float | None, pred: float | None) -> bool:
    """Relative to the gold number: the gold file is the reference."""
    if gold is None or pred is None:
        return gold is None and pred is None
    return abs(pred - gold) <= RELATIVE_TOLERANCE * abs(gold)


def amounts_agree(gold: Any, pred: Any) -> bool:
    return all(numbers_agree(getattr(gold, name), getattr(pred, name)) for name in AMOUNT_FIELDS)


def fold(name: str | None) -> str | None:
    if name is None:
        return None
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def names_agree(gold: str | None, pred: str | None) -> bool:
    return fold(gold) == fold(pred)


def name_sets_agree(gold: Iterable[str], pred: Iterable[str]) -> bool:
    return {fold(name) for name in gold} == {fold(name) for name in pred}


def number_span_correct(gold: Any, pred: Any) -> bool:
    """The contract's "value-correct": every bound agrees and so does the unit."""
    return amounts_agree(gold, pred) and names_agree(gold.unit, pred.unit)


# The claim fields the contract compares, then the two it leaves implicit.
CLAIM_FIELDS = ("value", "unit", "subject", "hardware", "modality", "source", "orgs", "date")


def claim_fields_agree(gold: Any, pred: Any) -> dict[str, bool]:
    return {
        "value": amounts_agree(gold, pred),
        "unit": names_agree(gold.unit, pred.unit),
        "subject": names_agree(gold.subject, pred.subject),
        "hardware": name_sets_agree(gold.hardware, pred.hardware),
        "modality": gold.modality == pred.modality,
        "source": names_agree(gold.source, pred.source),
        "orgs": name_sets_agree(gold.orgs, pred.orgs),
        "date": gold.date == pred.date,
    }
