"""Calibration of claim confidence: how often each deciding rule agreed with the gold.

`calibrate` counts, over pairs of gold and predicted claims, for each field
and the rule that decided it, how many agreed; `report` says how often
claims agree at or above a confidence and below it. Only dev articles are
ever counted into the table (`scripts/calibrate.py`); test is only reported.
"""

from __future__ import annotations

import json

from pipeline.claims import confidence
from pipeline.review import agreement
from pipeline.review.evaluate import claim_alignment
from pipeline.review.floors import CORPORA, ROOT
from schemas import Article

THRESHOLD = 0.8


def paired_claims(split: str, extractor):
    """(gold claim, predicted claim) of every claim pair in that split of both corpora."""
    for corpus in CORPORA:
        records = [json.loads(line) for line in (ROOT / corpus).read_text(encoding="utf-8").splitlines() if line.strip()]
        gold = [Article.model_validate(r) for r in records if r["meta"]["split"] == split]
        predicted = {a.id: a for a in extractor.extract_many([(a.id, a.text, {}) for a in gold])}
        for article in gold:
            pred = predicted[article.id]
            for g, p in claim_alignment(article, pred).pairs:
                yield article.claims[g], pred.claims[p]


def calibrate(pairs) -> dict[str, dict[str, list[int]]]:
    table: dict[str, dict[str, list[int]]] = {field: {} for field in confidence.FIELDS}
    for gold, pred in pairs:
        keys = confidence.field_keys(pred.label, pred.cues, {"modality": pred.modality, "orgs": pred.orgs, "date": pred.date})
        agrees = agreement.claim_fields_agree(gold, pred)
        for field, key in keys.items():
            counts = table[field].setdefault(key, [0, 0])
            counts[0] += int(agrees[field])
            counts[1] += 1
    return {field: dict(sorted(rows.items())) for field, rows in table.items()}


def report(pairs) -> dict[str, dict[str, list[int]]]:
    """Per field, and for the whole claim: [agreeing, total] at or above the
    threshold and below it. A claim agrees when all its fields do."""
    rows = {name: {"high": [0, 0], "low": [0, 0]} for name in (*confidence.FIELDS, "claim", "claim@0.5")}
    for gold, pred in pairs:
        agrees = agreement.claim_fields_agree(gold, pred)
        scored = {**{f: (pred.field_confidence or {}).get(f, 0.0) for f in confidence.FIELDS}, "claim": pred.confidence or 0.0}
        agrees = {**{f: agrees[f] for f in confidence.FIELDS}, "claim": all(agrees[f] for f in confidence.FIELDS)}
        # The claim's confidence is a product of seven fields', so it rarely
        # reaches 0.8: it is also reported against one half.
        scored["claim@0.5"], agrees["claim@0.5"] = scored["claim"], agrees["claim"]
        for name, value in scored.items():
            row = rows[name]["high" if value >= (0.5 if name == "claim@0.5" else THRESHOLD) else "low"]
            row[0] += int(agrees[name])
            row[1] += 1
    return rows


def share(agreed: int, total: int) -> str:
    return f"{agreed}/{total} ({agreed / total:.1%})" if total else "0/0"
