"""Pair gold items with predicted items by their character offsets.

One gold item pairs with at most one predicted item and the other way
round. Candidate pairs are taken best overlap first, then closest
boundaries, then text order, so the result does not depend on how a file
happens to order its spans, and an exact match is never lost to a looser
one that overlaps as much.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

Interval = tuple[int, int]


@dataclass(frozen=True)
class Alignment:
    pairs: list[tuple[int, int]]  # (gold index, predicted index), in gold order
    missed: list[int]  # gold indices left unpaired
    spurious: list[int]  # predicted indices left unpaired


def overlap(a: Interval, b: Interval) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def align(
    gold: Sequence[Interval],
    pred: Sequence[Interval],
    compatible: Callable[[int, int], bool] = lambda g, p: True,
    *,
    exact: bool = False,
) -> Alignment:
    candidates = []
    for g, gold_interval in enumerate(gold):
        for p, pred_interval in enumerate(pred):
            shared = overlap(gold_interval, pred_interval)
            if shared <= 0 or (exact and gold_interval != pred_interval) or not compatible(g, p):
                continue
            distance = abs(gold_interval[0] - pred_interval[0]) + abs(gold_interval[1] - pred_interval[1])
            candidates.append((-shared, distance, gold_interval[0], pred_interval[0], g, p))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for *_, g, p in candidates:
        if g in used_gold or p in used_pred:
            continue
        used_gold.add(g)
        used_pred.add(p)
        pairs.append((g, p))
    pairs.sort()
    missed = [g for g in range(len(gold)) if g not in used_gold]
    spurious = [p for p in range(len(pred)) if p not in used_pred]
    return Alignment(pairs, missed, spurious)


def span_interval(span) -> Interval:
    return (span.start, span.end)


def anchor_interval(claim) -> Interval:
    return (claim.anchor.start, claim.anchor.end)
