"""Calibrate claim confidence on the dev articles, and report it on test.

    python scripts/calibrate.py           write pipeline/claims/data/confidence.json
                                          from the dev split of both corpora
    python scripts/calibrate.py --report  how often claims agree with the gold
                                          above and below a confidence of 0.8,
                                          per split (test is read, never fitted)

Each paired claim adds, for each field, one to the count of the rule that
decided it, and one to its agreements when the field agrees with the gold.
Test articles never enter the table: they are only reported.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

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


def _share(agreed: int, total: int) -> str:
    return f"{agreed}/{total} ({agreed / total:.1%})" if total else "0/0"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", action="store_true", help="report agreement above and below 0.8 per split")
    args = parser.parse_args(argv)
    from pipeline.api import Extractor

    extractor = Extractor(quiet=True)
    if args.report:
        for split in ("dev", "test"):
            print(f"{split}: agreeing with the gold, confidence >= {THRESHOLD} | below")
            for name, rows in report(paired_claims(split, extractor)).items():
                print(f"  {name:<9} {_share(*rows['high']):>20} | {_share(*rows['low'])}")
        return 0
    table = calibrate(paired_claims("dev", extractor))
    path = Path(confidence.__file__).parent / "data" / "confidence.json"
    about = "Per field, per deciding rule: [claims agreeing with the gold, claims] on the dev articles of both corpora (scripts/calibrate.py)."
    path.write_text(json.dumps({"_about": about, **table}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"written {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
