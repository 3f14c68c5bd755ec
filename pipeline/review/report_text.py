"""An `EvalReport` as the plain-text tables `afirma eval` prints."""

from __future__ import annotations

from pipeline.review import semeval
from pipeline.review.evaluate import ALL, PRF, EvalReport, Scores
from pipeline.review.tables import figure, format_table, share


_LISTED = 8  # ids named in a line; a whole other corpus in the file is a count


def render_report(report: EvalReport) -> str:
    pairing = report.pairing
    against = report.pred if report.pred is not None else f"extraction (model {report.model or 'default'})"
    lines = [f"gold {report.gold} against {against}"]
    lines.append(
        f"articles: {len(report.articles)} compared ({pairing.gold_count} in gold, {pairing.pred_count} predicted)"
    )
    for ids, what in (
        (pairing.only_gold, "only in gold, not scored"),
        (pairing.only_pred, "only in the predictions, not scored"),
        (pairing.text_differs, "text differs between the files, not scored"),
    ):
        if ids:
            shown = ", ".join(ids[:_LISTED]) + (f" and {len(ids) - _LISTED} more" if len(ids) > _LISTED else "")
            lines.append(f"  {what}: {shown}")
    if report.problems:
        lines.append(f"problems while loading: {len(report.problems)} (`afirma validate` lists them)")
    lines += ["", _overall(report.overall), "", "Per article", _per_article(report)]
    if report.by_split:
        lines += ["", "By split (dev: read while building the rules; test: never)", _by_split(report)]
    return "\n".join(lines)


_SPLIT_FIGURES = (
    "span_partial_f1", "value_correct", "canonical_correct", "claim_f1", "claim_unit", "claim_subject",
    "claim_hardware", "claim_modality", "claim_source", "claim_orgs", "claim_date",
)


def _by_split(report: EvalReport) -> str:
    rows = [[split, *(figure(scores.metrics()[name]) for name in _SPLIT_FIGURES)] for split, scores in report.by_split.items()]
    headers = ["split", "span F1", "value", "canonical", "claim F1", *(name.removeprefix("claim_") for name in _SPLIT_FIGURES[4:])]
    return format_table(headers, rows)


def _prf_cells(prf: PRF) -> list[str]:
    return [str(prf.tp), figure(prf.precision), figure(prf.recall), figure(prf.f1)]


def _overall(scores: Scores) -> str:
    span_rows = [
        [label, scores.strict[label].gold, scores.strict[label].pred]
        + _prf_cells(scores.strict[label])
        + _prf_cells(scores.partial[label])
        for label in scores.strict
    ]
    blocks = [
        "Spans (strict: same label and offsets; partial: same label, overlapping)",
        format_table(
            ["label", "gold", "pred", "strict", "P", "R", "F1", "partial", "P", "R", "F1"], span_rows
        ),
        "",
        format_table(
            ["normalisation over partial matches", "right"],
            [
                ["number value and unit (value_correct)", share(scores.values.agree, scores.values.total)],
                ["ORG/PER/HARDWARE canonical (canonical_correct)", share(scores.canonicals.agree, scores.canonicals.total)],
            ],
        ),
        "",
        "Claims (paired by overlapping anchors)",
        format_table(
            ["claims", "gold", "pred", "paired", "P", "R", "F1"],
            [["ALL", scores.claims.gold, scores.claims.pred, *_prf_cells(scores.claims)]],
        ),
        "",
        format_table(
            ["claim field", "agree over paired claims"],
            [[f"claim_{name}", share(rate.agree, rate.total)] for name, rate in scores.claim_fields.items()],
        ),
        "",
        "SemEval-2013 schemes, as nervaluate counts them",
        _semeval(scores),
    ]
    return "\n".join(blocks)


def _semeval(scores: Scores) -> str:
    rows = []
    for scheme in semeval.SCHEMES:
        for label, counts in scores.semeval[scheme].items():
            if label != ALL and scheme != "strict":
                continue  # per-label rows once, to keep the table short
            rows.append(
                [
                    scheme if label == ALL else f"  {scheme} {label}",
                    counts.correct,
                    counts.incorrect,
                    counts.partial,
                    counts.missed,
                    counts.spurious,
                    figure(counts.precision),
                    figure(counts.recall),
                    figure(counts.f1),
                ]
            )
    return format_table(
        ["scheme", "correct", "incorrect", "partial", "missed", "spurious", "P", "R", "F1"], rows
    )


def _per_article(report: EvalReport) -> str:
    rows = []
    for entry in report.articles:
        scores = entry.scores
        rows.append(
            [
                entry.id,
                scores.strict[ALL].gold,
                scores.strict[ALL].pred,
                figure(scores.strict[ALL].f1),
                figure(scores.partial[ALL].f1),
                figure(scores.values.rate),
                scores.claims.gold,
                scores.claims.pred,
                figure(scores.claims.f1),
            ]
        )
    return format_table(
        ["article", "spans gold", "pred", "strict F1", "partial F1", "values", "claims gold", "pred", "claim F1"],
        rows,
    )
