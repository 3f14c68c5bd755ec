"""Floors of every corpus figure: measured per gold file and split, kept in `corpus/floors.json`.

A floor sits `MARGIN` under the figure measured when it was set, so a change
that makes any figure of any split worse by more than that fails, in CI
(`scripts/floors.py`) and in the test suite alike.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FLOORS = ROOT / "corpus" / "floors.json"
CORPORA = ("corpus/gold.jsonl", "corpus/press/gold.jsonl")
MARGIN = 0.02
# Figures a floor is kept for: every overall figure afirma eval reports.
FIGURES = (
    "span_strict_f1", "span_partial_f1", "value_correct", "canonical_correct", "claim_precision", "claim_recall",
    "claim_f1", "claim_value",
    "claim_unit", "claim_subject", "claim_hardware", "claim_modality", "claim_source", "claim_orgs", "claim_date",
)


def measure(extractor=None) -> dict[str, dict[str, dict[str, float]]]:
    """Every figure of every split of every corpus, extracted now."""
    from pipeline.review.evaluate import evaluate
    from schemas import Article

    if extractor is None:
        from pipeline.api import Extractor

        extractor = Extractor(quiet=True)
    measured: dict[str, dict[str, dict[str, float]]] = {}
    for corpus in CORPORA:
        records = [json.loads(line) for line in (ROOT / corpus).read_text(encoding="utf-8").splitlines() if line.strip()]
        predicted = {a.id: a for a in extractor.extract_many([(r["id"], r["text"], {}) for r in records])}
        for split in sorted({r["meta"]["split"] for r in records}):
            gold = [Article.model_validate(r) for r in records if r["meta"]["split"] == split]
            report = evaluate(gold, [predicted[a.id] for a in gold])
            metrics = report.metrics()
            figures = {name: metrics[name] for name in FIGURES if metrics[name] is not None}
            measured.setdefault(corpus, {})[split] = figures | _per_label(report.overall)
    return measured


def _per_label(scores) -> dict[str, float]:
    """Span F1 of each label the gold holds, strict and partial ("span_partial_f1:ORG")."""
    figures = {}
    for scheme, table in (("strict", scores.strict), ("partial", scores.partial)):
        for label, prf in table.items():
            if label != "ALL" and prf.gold and prf.f1 is not None:
                figures[f"span_{scheme}_f1:{label}"] = prf.f1
    return figures


def below(measured, floors) -> list[str]:
    """'corpus split figure: value < floor' for every figure under its floor."""
    return [
        f"{corpus} {split} {name}: {measured.get(corpus, {}).get(split, {}).get(name, float('nan')):.3f} < {floor}"
        for corpus, splits in floors.items() if not corpus.startswith("_")
        for split, table in splits.items()
        for name, floor in table.items()
        if not measured.get(corpus, {}).get(split, {}).get(name, -1.0) >= floor
    ]
