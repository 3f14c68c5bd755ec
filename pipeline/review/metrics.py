"""The names of the figures `afirma eval` reports and `--fail-under` accepts.

Kept apart from the scoring code so that the CLI can list them in `--help`
without importing pydantic and the models.
"""

from __future__ import annotations

from pipeline.review import agreement, semeval

METRICS = {
    "span_strict_precision": "spans, same label and offsets: precision",
    "span_strict_recall": "spans, same label and offsets: recall",
    "span_strict_f1": "spans, same label and offsets: F1",
    "span_partial_precision": "spans, same label, overlapping: precision",
    "span_partial_recall": "spans, same label, overlapping: recall",
    "span_partial_f1": "spans, same label, overlapping: F1",
    "value_correct": "share of matched number spans with value and unit right",
    "canonical_correct": "share of matched ORG/PER/HARDWARE spans with canonical right",
    "claim_precision": "claims paired by anchor: precision",
    "claim_recall": "claims paired by anchor: recall",
    "claim_f1": "claims paired by anchor: F1",
    **{f"claim_{name}": f"share of paired claims agreeing on {name}" for name in agreement.CLAIM_FIELDS},
    **{f"semeval_{scheme}_f1": f"SemEval-2013 {scheme} F1 (nervaluate)" for scheme in semeval.SCHEMES},
}
