"""Which articles of a diff a reviewer should open first.

Each article gets three figures, computed as `afirma eval` computes them
(`evaluate.score_article`): span F1 (same label and offsets), claim F1
(anchors overlapping) and field agreement (the share of the compared fields
of paired claims that agree, all fields pooled). Articles are ordered by
the mean of the figures they have, lowest first; a figure with nothing to
count (no claims on either side) says nothing is wrong and counts as 1.
Ties keep the file's order.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.review.diff import ArticleDiff
from pipeline.review.evaluate import ALL, Rate, Scores, score_article

ORDER_NOTE = "ordered worst first: lowest mean of span F1, claim F1 and field agreement"


@dataclass(frozen=True)
class Figures:
    span_f1: float | None
    claim_f1: float | None
    fields: float | None

    @property
    def badness(self) -> float:
        present = [1.0 if value is None else value for value in (self.span_f1, self.claim_f1, self.fields)]
        return 1.0 - sum(present) / len(present)


@dataclass(frozen=True)
class Ranked:
    article: ArticleDiff
    scores: Scores

    @property
    def figures(self) -> Figures:
        return figures_of(self.scores)

    @property
    def differing_claims(self) -> int:
        return sum(1 for entry in self.article.claims if entry.differs)


def figures_of(scores: Scores) -> Figures:
    pooled = sum(scores.claim_fields.values(), Rate())
    return Figures(scores.strict[ALL].f1, scores.claims.f1, pooled.rate)


def worst_first(articles: list[ArticleDiff]) -> list[Ranked]:
    ranked = [Ranked(article, score_article(article.gold, article.pred)) for article in articles]
    # sorted() is stable: equal articles keep the order of the gold file.
    return sorted(ranked, key=lambda entry: -entry.figures.badness)


def overall(ranked: list[Ranked]) -> Figures:
    """The same figures over every article, counts pooled as `afirma eval` pools them."""
    return figures_of(sum((entry.scores for entry in ranked), Scores()))
