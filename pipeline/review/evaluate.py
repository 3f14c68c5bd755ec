"""Score a prediction file against a gold file, as the contract's
"How two files are compared" defines it.

Articles are paired by id and scored one by one; the overall figures are
micro-averages, that is, the counts of all compared articles added up
before dividing. Articles whose id is in one file only, or whose text
differs between the files (offsets would mean different characters), are
listed and left out of every figure.

- Spans, strict: same label and same offsets. Partial: same label and
  overlapping offsets, each gold span paired at most once, best overlap
  first (`pipeline.review.matching`).
- Values: over partially matched CARDINAL, MONEY, PERCENT, QUANTITY and
  DURATION pairs, the share whose value, low and high agree within 0.5 %
  of gold and whose unit agrees (`pipeline.review.agreement`).
  Canonicals: the same for ORG, PER and HARDWARE pairs and their `canonical`.
- Claims: paired by overlapping anchors, best overlap first; then over the
  pairs, the share agreeing on each field of `agreement.CLAIM_FIELDS`.
- SemEval-2013 schemes as nervaluate counts them (`pipeline.review.semeval`).

A precision is undefined (null) with no predictions, a recall with no gold
items, an F1 with neither, a share with no pairs.

JSON written by `afirma eval --json` (`EvalReport.as_dict`):

    gold, pred          the two files; pred is null when the predictions
                        were extracted from the gold texts on the spot
    model               model asked for, or null
    articles            {"gold": n, "pred": n, "compared": n,
                         "only_gold": [id], "only_pred": [id], "text_differs": [id]}
    metrics             {name: number or null}: the flat figures that
                        --fail-under accepts, see METRICS
    overall             Scores over all compared articles
    per_article         [{"id": id, ...Scores}] in gold file order
    fail_under          [{"metric", "value", "floor"}]: floors not met
    problems            [{"file", "line", "article_id", "path", "start",
                          "end", "text", "message"}] met while loading

    Scores = {
      "spans": {"strict": {"ALL": PRF, LABEL: PRF, ...}, "partial": {...}},
      "values": Rate, "canonicals": Rate,
      "claims": PRF, "claim_fields": {field: Rate, ...},
      "semeval": {scheme: {"ALL": SemEval, LABEL: SemEval, ...}, ...}}
    PRF = {"tp", "gold", "pred", "precision", "recall", "f1"}
    Rate = {"agree", "total", "rate"}
    SemEval = {"correct", "incorrect", "partial", "missed", "spurious",
               "possible", "actual", "precision", "recall", "f1"}
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pipeline.review import agreement, semeval
from pipeline.review.matching import Alignment, align, anchor_interval, span_interval
from pipeline.review.metrics import METRICS  # noqa: F401  (re-exported)
from pipeline.review.problems import Problem
from schemas.models import LABELS, NAME_LABELS, NUMBER_LABELS, Article

ALL = "ALL"



@dataclass(frozen=True)
class PRF:
    tp: int = 0
    gold: int = 0
    pred: int = 0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.gold + other.gold, self.pred + other.pred)

    @property
    def precision(self) -> float | None:
        return self.tp / self.pred if self.pred else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        # Equal to 2PR/(P+R), and defined (as 0) when only one side is empty.
        return 2 * self.tp / (self.gold + self.pred) if self.gold + self.pred else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "gold": self.gold,
            "pred": self.pred,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True)
class Rate:
    agree: int = 0
    total: int = 0

    def __add__(self, other: Rate) -> Rate:
        return Rate(self.agree + other.agree, self.total + other.total)

    @property
    def rate(self) -> float | None:
        return self.agree / self.total if self.total else None

    def as_dict(self) -> dict[str, Any]:
        return {"agree": self.agree, "total": self.total, "rate": self.rate}


def _merge(left: dict[str, Any], right: dict[str, Any], zero: Any) -> dict[str, Any]:
    keys = list(left) + [key for key in right if key not in left]
    return {key: left.get(key, zero) + right.get(key, zero) for key in keys}


@dataclass(frozen=True)
class Scores:
    strict: dict[str, PRF] = field(default_factory=lambda: {ALL: PRF()})
    partial: dict[str, PRF] = field(default_factory=lambda: {ALL: PRF()})
    values: Rate = Rate()
    canonicals: Rate = Rate()
    claims: PRF = PRF()
    claim_fields: dict[str, Rate] = field(default_factory=lambda: {name: Rate() for name in agreement.CLAIM_FIELDS})
    semeval: dict[str, dict[str, semeval.SemEvalCounts]] = field(
        default_factory=lambda: {scheme: {ALL: semeval.SemEvalCounts(scheme)} for scheme in semeval.SCHEMES}
    )

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            strict=_ordered(_merge(self.strict, other.strict, PRF())),
            partial=_ordered(_merge(self.partial, other.partial, PRF())),
            values=self.values + other.values,
            canonicals=self.canonicals + other.canonicals,
            claims=self.claims + other.claims,
            claim_fields=_merge(self.claim_fields, other.claim_fields, Rate()),
            semeval={
                scheme: _ordered(
                    _merge(self.semeval[scheme], other.semeval[scheme], semeval.SemEvalCounts(scheme))
                )
                for scheme in semeval.SCHEMES
            },
        )

    def metrics(self) -> dict[str, float | None]:
        figures: dict[str, float | None] = {}
        for name, table in (("strict", self.strict), ("partial", self.partial)):
            figures[f"span_{name}_precision"] = table[ALL].precision
            figures[f"span_{name}_recall"] = table[ALL].recall
            figures[f"span_{name}_f1"] = table[ALL].f1
        figures["value_correct"] = self.values.rate
        figures["canonical_correct"] = self.canonicals.rate
        figures["claim_precision"] = self.claims.precision
        figures["claim_recall"] = self.claims.recall
        figures["claim_f1"] = self.claims.f1
        for name, rate in self.claim_fields.items():
            figures[f"claim_{name}"] = rate.rate
        for scheme in semeval.SCHEMES:
            figures[f"semeval_{scheme}_f1"] = self.semeval[scheme][ALL].f1
        return figures

    def as_dict(self) -> dict[str, Any]:
        return {
            "spans": {
                "strict": {label: prf.as_dict() for label, prf in self.strict.items()},
                "partial": {label: prf.as_dict() for label, prf in self.partial.items()},
            },
            "values": self.values.as_dict(),
            "canonicals": self.canonicals.as_dict(),
            "claims": self.claims.as_dict(),
            "claim_fields": {name: rate.as_dict() for name, rate in self.claim_fields.items()},
            "semeval": {
                scheme: {label: counts.as_dict() for label, counts in rows.items()}
                for scheme, rows in self.semeval.items()
            },
        }


def _ordered(table: dict[str, Any]) -> dict[str, Any]:
    """ALL first, then labels in the contract's order, so tables line up."""
    order = {label: position for position, label in enumerate((ALL, *LABELS))}
    return dict(sorted(table.items(), key=lambda item: order.get(item[0], len(order))))


def _by_label(gold: Article, pred: Article, alignment: Alignment) -> dict[str, PRF]:
    table: dict[str, PRF] = {ALL: PRF()}
    for span in gold.spans:
        table[span.label] = table.get(span.label, PRF()) + PRF(gold=1)
    for span in pred.spans:
        table[span.label] = table.get(span.label, PRF()) + PRF(pred=1)
    for g, _ in alignment.pairs:
        label = gold.spans[g].label
        table[label] = table[label] + PRF(tp=1)
    table[ALL] = PRF(len(alignment.pairs), len(gold.spans), len(pred.spans))
    return _ordered(table)


def span_alignments(gold: Article, pred: Article) -> tuple[Alignment, Alignment]:
    """(strict, partial) pairings of the spans of one article."""
    gold_offsets = [span_interval(span) for span in gold.spans]
    pred_offsets = [span_interval(span) for span in pred.spans]

    def same_label(g: int, p: int) -> bool:
        return gold.spans[g].label == pred.spans[p].label

    return (
        align(gold_offsets, pred_offsets, same_label, exact=True),
        align(gold_offsets, pred_offsets, same_label),
    )


def claim_alignment(gold: Article, pred: Article) -> Alignment:
    return align([anchor_interval(c) for c in gold.claims], [anchor_interval(c) for c in pred.claims])


def score_article(gold: Article, pred: Article) -> Scores:
    strict, partial = span_alignments(gold, pred)
    values, canonicals = Rate(), Rate()
    for g, p in partial.pairs:
        gold_span, pred_span = gold.spans[g], pred.spans[p]
        if gold_span.label in NUMBER_LABELS:
            values += Rate(int(agreement.number_span_correct(gold_span, pred_span)), 1)
        elif gold_span.label in NAME_LABELS:
            canonicals += Rate(int(agreement.names_agree(gold_span.canonical, pred_span.canonical)), 1)

    claims = claim_alignment(gold, pred)
    fields = {name: Rate() for name in agreement.CLAIM_FIELDS}
    for g, p in claims.pairs:
        for name, agrees in agreement.claim_fields_agree(gold.claims[g], pred.claims[p]).items():
            fields[name] += Rate(int(agrees), 1)

    return Scores(
        strict=_by_label(gold, pred, strict),
        partial=_by_label(gold, pred, partial),
        values=values,
        canonicals=canonicals,
        claims=PRF(len(claims.pairs), len(gold.claims), len(pred.claims)),
        claim_fields=fields,
        semeval={scheme: _ordered(rows) for scheme, rows in semeval.score_all(_entities(gold), _entities(pred)).items()},
    )


def _entities(article: Article) -> list[semeval.Entity]:
    return [(span.label, span.start, span.end) for span in article.spans]


@dataclass(frozen=True)
class ArticleScores:
    id: str
    scores: Scores


@dataclass(frozen=True)
class Pairing:
    """Which articles of the two files can be compared."""

    pairs: list[tuple[Article, Article]]
    gold_count: int
    pred_count: int
    only_gold: list[str]
    only_pred: list[str]
    text_differs: list[str]


def pair_articles(gold: Iterable[Article], pred: Iterable[Article]) -> Pairing:
    gold_list, pred_by_id = list(gold), {article.id: article for article in pred}
    gold_ids = {article.id for article in gold_list}
    pairs, only_gold, text_differs = [], [], []
    for article in gold_list:
        other = pred_by_id.get(article.id)
        if other is None:
            only_gold.append(article.id)
        elif other.text != article.text:
            text_differs.append(article.id)
        else:
            pairs.append((article, other))
    only_pred = [article_id for article_id in pred_by_id if article_id not in gold_ids]
    return Pairing(pairs, len(gold_list), len(pred_by_id), only_gold, only_pred, text_differs)


@dataclass(frozen=True)
class EvalReport:
    gold: str
    pred: str | None
    model: str | None
    pairing: Pairing
    articles: list[ArticleScores]
    overall: Scores
    problems: list[Problem] = field(default_factory=list)
    # The same figures for each gold split (meta.split) when there are several.
    by_split: dict[str, Scores] = field(default_factory=dict)

    def metrics(self) -> dict[str, float | None]:
        return self.overall.metrics()

    def as_dict(self, failures: Iterable[FloorFailure] = ()) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "pred": self.pred,
            "model": self.model,
            "articles": {
                "gold": self.pairing.gold_count,
                "pred": self.pairing.pred_count,
                "compared": len(self.articles),
                "only_gold": self.pairing.only_gold,
                "only_pred": self.pairing.only_pred,
                "text_differs": self.pairing.text_differs,
            },
            "metrics": self.metrics(),
            "overall": self.overall.as_dict(),
            "per_article": [{"id": entry.id, **entry.scores.as_dict()} for entry in self.articles],
            "by_split": {split: scores.metrics() for split, scores in self.by_split.items()},
            "fail_under": [failure.as_dict() for failure in failures],
            "problems": [problem.as_dict() for problem in self.problems],
        }


def evaluate(
    gold: Iterable[Article],
    pred: Iterable[Article],
    *,
    gold_name: str = "gold",
    pred_name: str | None = "pred",
    model: str | None = None,
    problems: Iterable[Problem] = (),
) -> EvalReport:
    pairing = pair_articles(gold, pred)
    articles = [ArticleScores(g.id, score_article(g, p)) for g, p in pairing.pairs]
    overall = sum((entry.scores for entry in articles), Scores())
    return EvalReport(gold_name, pred_name, model, pairing, articles, overall, list(problems), _by_split(pairing, articles))


def _by_split(pairing: Pairing, articles: list[ArticleScores]) -> dict[str, Scores]:
    """Dev and test apart, always: one Scores per split when the gold has more than one."""
    split_of = {g.id: g.meta.split or "none" for g, _ in pairing.pairs}
    splits: dict[str, Scores] = {}
    for entry in articles:
        split = split_of[entry.id]
        splits[split] = splits.get(split, Scores()) + entry.scores
    return dict(sorted(splits.items())) if len(splits) > 1 else {}


@dataclass(frozen=True)
class FloorFailure:
    metric: str
    value: float | None
    floor: float

    def __str__(self) -> str:
        shown = "undefined (nothing to count)" if self.value is None else f"{self.value:.4f}"
        return f"{self.metric} = {shown}, below the floor {self.floor:g}"

    def as_dict(self) -> dict[str, Any]:
        return {"metric": self.metric, "value": self.value, "floor": self.floor}


def parse_floor(text: str) -> tuple[str, float]:
    """"span_partial_f1=0.85" as (name, 0.85); ValueError says what is wrong."""
    name, sep, number = text.partition("=")
    name = name.strip()
    if not sep:
        raise ValueError(f"{text!r} is not NAME=VALUE")
    if name not in METRICS:
        raise ValueError(f"unknown metric {name!r}; known: {', '.join(METRICS)}")
    try:
        floor = float(number)
    except ValueError:
        raise ValueError(f"{text!r}: {number.strip()!r} is not a number") from None
    if not 0.0 <= floor <= 1.0:
        raise ValueError(f"{text!r}: floors are fractions between 0 and 1")
    return name, floor


def check_floors(metrics: dict[str, float | None], floors: Iterable[tuple[str, float]]) -> list[FloorFailure]:
    """Every figure below its floor; an undefined figure fails, as nothing shows it is met."""
    return [
        FloorFailure(name, metrics.get(name), floor)
        for name, floor in floors
        if metrics.get(name) is None or metrics[name] < floor
    ]
