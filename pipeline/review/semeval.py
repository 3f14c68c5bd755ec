"""The SemEval-2013 task 9.1 schemes, counted the way nervaluate counts them.

Reported next to our own span figures because other NER work quotes them.
The definitions follow the `nervaluate` package (tested against it):
predictions are taken in file order and each claims the first gold entity
still free that it qualifies for, so these counts can differ from our
best-overlap-first matching in `pipeline.review.matching`.

- strict: same offsets and same label is correct; an overlap otherwise is incorrect.
- exact: same offsets is correct whatever the label; an overlap otherwise is incorrect.
- partial: same offsets is correct, any other overlap is partial; labels ignored.
- ent_type: an overlap with the same label is correct (closest boundaries
  first); an overlap with another label is incorrect.

An unmatched prediction is spurious, an unmatched gold entity missed.
partial and ent_type give half credit to partial matches in P and R.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

SCHEMES = ("strict", "exact", "partial", "ent_type")
# nervaluate's default: an overlap counts once it covers 1 % of the gold
# entity, which only matters for gold entities longer than 100 characters.
MIN_OVERLAP_PERCENT = 1.0

Entity = tuple[str, int, int]  # label, start, end (exclusive)


@dataclass(frozen=True)
class SemEvalCounts:
    scheme: str
    correct: int = 0
    incorrect: int = 0
    partial: int = 0
    missed: int = 0
    spurious: int = 0

    def __add__(self, other: SemEvalCounts) -> SemEvalCounts:
        return SemEvalCounts(
            self.scheme,
            self.correct + other.correct,
            self.incorrect + other.incorrect,
            self.partial + other.partial,
            self.missed + other.missed,
            self.spurious + other.spurious,
        )

    @property
    def actual(self) -> int:
        return self.correct + self.incorrect + self.partial + self.spurious

    @property
    def possible(self) -> int:
        return self.correct + self.incorrect + self.partial + self.missed

    @property
    def _credit(self) -> float:
        half = 0.5 * self.partial if self.scheme in ("partial", "ent_type") else 0.0
        return self.correct + half

    @property
    def precision(self) -> float:
        return self._credit / self.actual if self.actual else 0.0

    @property
    def recall(self) -> float:
        return self._credit / self.possible if self.possible else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "correct": self.correct,
            "incorrect": self.incorrect,
            "partial": self.partial,
            "missed": self.missed,
            "spurious": self.spurious,
            "possible": self.possible,
            "actual": self.actual,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


def _overlaps_enough(pred: Entity, gold: Entity) -> bool:
    shared = min(pred[2], gold[2]) - max(pred[1], gold[1])
    return shared > 0 and shared * 100 >= MIN_OVERLAP_PERCENT * (gold[2] - gold[1])


def _same_offsets(pred: Entity, gold: Entity) -> bool:
    return pred[1:] == gold[1:]


def _distance(pred: Entity, gold: Entity) -> int:
    return abs(pred[1] - gold[1]) + abs(pred[2] - gold[2])


def score(scheme: str, gold: Sequence[Entity], pred: Sequence[Entity]) -> SemEvalCounts:
    judge = _Judge(scheme, gold)
    counts = {"correct": 0, "incorrect": 0, "partial": 0, "spurious": 0}
    for entity in pred:
        counts[judge.outcome(entity)] += 1
    return SemEvalCounts(scheme, missed=len(gold) - len(judge.taken), **counts)


class _Judge:
    """Hands out gold entities to predictions, one prediction at a time."""

    def __init__(self, scheme: str, gold: Sequence[Entity]) -> None:
        self.scheme = scheme
        self.gold = gold
        self.taken: set[int] = set()

    def _first_free(self, test: Callable[[Entity], bool]) -> int | None:
        return next((g for g, entity in enumerate(self.gold) if g not in self.taken and test(entity)), None)

    def _take(self, outcome: str, index: int | None) -> str:
        if index is None:
            return "spurious"
        self.taken.add(index)
        return outcome

    def outcome(self, pred: Entity) -> str:
        if self.scheme == "ent_type":
            return self._by_type(pred)
        if self.scheme == "strict":
            exact = self._first_free(lambda gold: gold == pred)
        else:
            exact = self._first_free(lambda gold: _same_offsets(pred, gold))
        if exact is not None:
            return self._take("correct", exact)
        overlapping = self._first_free(lambda gold: _overlaps_enough(pred, gold))
        return self._take("partial" if self.scheme == "partial" else "incorrect", overlapping)

    def _by_type(self, pred: Entity) -> str:
        same_label = [
            g
            for g, gold in enumerate(self.gold)
            if g not in self.taken and gold[0] == pred[0] and _overlaps_enough(pred, gold)
        ]
        if same_label:
            # min() keeps the first of equally close ones, as nervaluate does.
            return self._take("correct", min(same_label, key=lambda g: _distance(pred, self.gold[g])))
        other_label = self._first_free(lambda gold: gold[0] != pred[0] and _overlaps_enough(pred, gold))
        return self._take("incorrect", other_label)


def score_all(gold: Sequence[Entity], pred: Sequence[Entity]) -> dict[str, dict[str, SemEvalCounts]]:
    """Per scheme: "ALL" over every label, then one entry per label present.

    Per-label counts, like nervaluate's, come from scoring each label on
    its own, so they need not add up to the "ALL" row.
    """
    labels = sorted({entity[0] for entity in gold} | {entity[0] for entity in pred})
    result: dict[str, dict[str, SemEvalCounts]] = {}
    for scheme in SCHEMES:
        rows = {"ALL": score(scheme, gold, pred)}
        for label in labels:
            rows[label] = score(
                scheme, [e for e in gold if e[0] == label], [e for e in pred if e[0] == label]
            )
        result[scheme] = rows
    return result
