"""Which figures of one group cannot both be true, on intervals alone.

Every claim is an interval [lo, hi] in its family's base unit, already
widened by the tolerances; two claims agree when their intervals overlap.
On a line, a set of intervals has a point in common exactly when its
largest `lo` is at most its smallest `hi`, so a group is checked in one
pass, and split into versions (sets that agree among themselves) by a sweep.
"""

from __future__ import annotations

from collections.abc import Sequence


def disagreeing_pair(lo: Sequence[float], hi: Sequence[float], voice: Sequence[str]) -> tuple[int, int] | None:
    """Indices (lower, upper) of two claims from different voices that do not overlap, or None.

    If the claim reaching highest (largest lo) and the one reaching lowest
    (smallest hi) have different voices, they are the pair. If they share
    a voice v, any disagreeing pair with another voice involves one of
    them: the highest against the lowest-reaching claim of another voice,
    or the lowest against the highest-reaching claim of another voice.
    """
    if len(lo) < 2:
        return None
    top = max(range(len(lo)), key=lo.__getitem__)
    bottom = min(range(len(hi)), key=hi.__getitem__)
    if lo[top] <= hi[bottom]:
        return None
    if voice[top] != voice[bottom]:
        return bottom, top
    others = [index for index in range(len(lo)) if voice[index] != voice[top]]
    if not others:
        return None
    other_bottom = min(others, key=hi.__getitem__)
    if lo[top] > hi[other_bottom]:
        return other_bottom, top
    other_top = max(others, key=lo.__getitem__)
    if lo[other_top] > hi[bottom]:
        return bottom, other_top
    return None


def versions(lo: Sequence[float], hi: Sequence[float]) -> list[int]:
    """For each claim, the number (1, 2, …, from the lowest) of its version.

    Sorted by `lo`, a claim joins the current version while it still
    overlaps every claim in it (its lo is at most the version's smallest hi).
    """
    order = sorted(range(len(lo)), key=lambda index: (lo[index], hi[index]))
    found = [0] * len(lo)
    number, ceiling = 0, float("-inf")
    for index in order:
        if number == 0 or lo[index] > ceiling:
            number, ceiling = number + 1, hi[index]
        else:
            ceiling = min(ceiling, hi[index])
        found[index] = number
    return found
