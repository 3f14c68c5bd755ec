"""Score `afirma conflicts` against the planted conflicts of corpus/conflicts.

    python scripts/conflicts_eval.py                    # extract, store, find conflicts, score
    python scripts/conflicts_eval.py --pred PRED.jsonl  # score predictions made elsewhere
    python scripts/conflicts_eval.py --json             # the figures and every decision as JSON
    python scripts/conflicts_eval.py --oracle           # the labelled claims' fields taken from the labels

The labels (`labels.json`, written before any code ran on the articles)
name groups of claims, each by article, the number as written and its
occurrence, and say whether the group is a true conflict or one of the
kinds that must be kept apart (plan vs current, different dates, different
hardware, part vs whole, figures that agree).

A labelled claim is the stored claim whose anchor overlaps that
occurrence (its `start` offset when the labels give one).
A predicted conflict *finds* a labelled conflict when two of the group's
claims whose labelled figures differ sit in different versions of it (the
store says they cannot both be true); it *breaks* a labelled non-conflict
when two of that group's claims sit in different versions of it.
Recall is the share of labelled conflicts found; precision the share of
predicted conflicts that find one. A predicted conflict that finds none
counts against precision whether or not its claims are labelled; the
report lists each with the planted non-conflicts it breaks, if any.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from pipeline.store import Conflicts, Store  # noqa: E402

CORPUS = ROOT / "corpus" / "conflicts"


@dataclass(frozen=True)
class Labelled:
    group: str
    kind: str
    article: str
    number: str
    occurrence: int
    start: int
    end: int
    figure: tuple[Any, Any, Any]  # (value, low, high) as labelled


def occurrences(text: str, number: str) -> list[int]:
    """Starts of `number` in `text` that are not part of a longer number."""
    found = []
    for match in re.finditer(re.escape(number), text):
        before = text[max(match.start() - 2, 0) : match.start()]
        after = text[match.end() : match.end() + 2]
        glued_before = before[-1:].isdigit() or (before[-1:] in (".", ",") and before[:1].isdigit() and len(before) == 2)
        glued_after = after[:1].isdigit() or (after[:1] in (".", ",") and after[1:2].isdigit())
        if not glued_before and not glued_after:
            found.append(match.start())
    return found


def labelled_claims(labels: dict[str, Any], texts: dict[str, str]) -> list[Labelled]:
    found = []
    for group in labels["groups"]:
        for claim in group["claims"]:
            start = claim.get("start")
            if start is None:  # labels without offsets: the occurrence-th whole match
                start = occurrences(texts[claim["article"]], claim["number"])[claim["occurrence"] - 1]
            figure = (claim.get("value"), claim.get("low"), claim.get("high"))
            found.append(
                Labelled(group["id"], group["kind"], claim["article"], claim["number"], claim["occurrence"], start, start + len(claim["number"]), figure)
            )
    return found


def extract(folder: Path, output: Path, model: str | None) -> None:
    from pipeline.api import extract_many

    items = [(path.stem, path.read_text(encoding="utf-8"), {"path": str(path.relative_to(ROOT))}) for path in sorted(folder.glob("*.txt"))]
    with output.open("w", encoding="utf-8") as handle:
        for record in extract_many(items, model=model):
            handle.write(record.model_dump_json() + "\n")


def with_labels(pred: Path, labels: dict[str, Any], labelled: list[Labelled], output: Path) -> Path:
    """The predictions with each labelled claim's subject, figure and unit, modality, date and hardware set from the labels.

    Scores the conflict rules apart from extraction errors; claims the
    extraction missed stay missed, unlabelled claims stay as extracted.
    """
    groups = {group["id"]: group for group in labels["groups"]}
    fields = {(claim["article"], claim["number"], claim["occurrence"]): claim for group in labels["groups"] for claim in group["claims"]}
    records = [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_id = {record["id"]: record for record in records}
    for item in labelled:
        record = by_id.get(item.article)
        claim = _overlapping(record["claims"], item) if record else None
        if claim is None:
            continue
        label = fields[(item.article, item.number, item.occurrence)]
        group = groups[item.group]  # its figures are in the group's unit ("1 GW" is 1000 MW)
        claim.update(subject=group["subject"], unit=group["unit"], modality=label["modality"], date=label["date"], approx=label.get("approx", False))
        claim.update(hardware=[label["hardware"]] if label["hardware"] else [])
        claim.update(value=label.get("value"), low=label.get("low"), high=label.get("high"))
    output.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), encoding="utf-8")
    return output


def _overlapping(claims: list[dict[str, Any]], item: Labelled) -> dict[str, Any] | None:
    best, overlap = None, 0
    for claim in claims:
        shared = min(item.end, claim["anchor"]["end"]) - max(item.start, claim["anchor"]["start"])
        if shared > overlap:
            best, overlap = claim, shared
    return best


def match(labelled: list[Labelled], grouped: pd.DataFrame) -> dict[Labelled, pd.Series | None]:
    """Each labelled claim → the stored claim whose anchor overlaps it most, or None."""
    by_article = {article: rows for article, rows in grouped.groupby("article_id")}
    found: dict[Labelled, pd.Series | None] = {}
    for claim in labelled:
        rows = by_article.get(claim.article)
        best, overlap = None, 0
        for _, row in (rows.iterrows() if rows is not None else []):
            shared = min(claim.end, row["anchor_end"]) - max(claim.start, row["anchor_start"])
            if shared > overlap:
                best, overlap = row, shared
        found[claim] = best
    return found


_SEPARATORS = ("subject_key", "family", "hardware_key", "stance", "scope", "measure", "period")


def _apart(first: pd.Series, second: pd.Series) -> str:
    """Why two stored claims were not judged against each other, or how they were."""
    for row in (first, second):
        if isinstance(row["excluded"], str):
            return f"{row['anchor_text']!r} left out: {row['excluded']}"
    differ = [f"{name.removesuffix('_key')} {first[name]!r} vs {second[name]!r}" for name in _SEPARATORS if first[name] != second[name]]
    if differ:
        return "kept apart by " + "; ".join(differ)
    if first["voice"] == second["voice"]:
        return "compared, but one voice in one article"
    overlap = min(first["hi_w"], second["hi_w"]) >= max(first["lo_w"], second["lo_w"])
    return "compared: the figures agree within the tolerance" if overlap else "compared: the figures disagree"


@dataclass
class Verdict:
    group: str
    kind: str
    status: str  # found / missed for conflicts; kept apart / broken for the others
    details: list[str]


def _split_pairs(claims: list[Labelled], matched: dict[Labelled, pd.Series | None], placed: dict[tuple[str, str], tuple[str, int]]) -> list[tuple[Labelled, Labelled, str]]:
    """Pairs of the group that one predicted conflict puts in different versions, with its id."""
    found = []
    for first, second in combinations(claims, 2):
        rows = matched[first], matched[second]
        if rows[0] is None or rows[1] is None:
            continue
        where = [placed.get((row["article_id"], row["claim_id"])) for row in rows]
        if where[0] and where[1] and where[0][0] == where[1][0] and where[0][1] != where[1][1]:
            found.append((first, second, where[0][0]))
    return found


def _explain(claims: list[Labelled], matched: dict[Labelled, pd.Series | None]) -> list[str]:
    details = [f"{c.article} {c.number!r}: not extracted as a claim" for c in claims if matched[c] is None]
    for first, second in combinations([c for c in claims if matched[c] is not None], 2):
        if first.figure != second.figure or first.kind != "conflict":
            details.append(f"{first.article} {first.number!r} / {second.article} {second.number!r}: {_apart(matched[first], matched[second])}")
    return details


def verdicts(labelled: list[Labelled], matched: dict[Labelled, pd.Series | None], found: Conflicts) -> tuple[list[Verdict], dict[str, set[str]]]:
    """One verdict per labelled group, and for each predicted conflict the groups it splits."""
    placed = {(row.article_id, row.claim_id): (row.conflict_id, row.version) for row in found.claims.itertuples(index=False)}
    splits: dict[str, set[str]] = {conflict_id: set() for conflict_id in found.conflicts["conflict_id"]}
    results = []
    for group, claims in _by_group(labelled).items():
        pairs = _split_pairs(claims, matched, placed)
        if claims[0].kind == "conflict":
            pairs = [(a, b, where) for a, b, where in pairs if a.figure != b.figure]
            status = "found" if pairs else "missed"
        else:
            status = "broken" if pairs else "kept apart"
        for _, _, conflict_id in pairs:
            splits[conflict_id].add(group)
        details = [f"split by {where}: {a.article} {a.number!r} vs {b.article} {b.number!r}" for a, b, where in pairs]
        results.append(Verdict(group, claims[0].kind, status, details or _explain(claims, matched)))
    return results, splits


def _by_group(labelled: list[Labelled]) -> dict[str, list[Labelled]]:
    groups: dict[str, list[Labelled]] = {}
    for claim in labelled:
        groups.setdefault(claim.group, []).append(claim)
    return groups


def figures(results: list[Verdict], splits: dict[str, set[str]]) -> dict[str, Any]:
    kinds = {verdict.group: verdict.kind for verdict in results}
    conflicts = [v for v in results if v.kind == "conflict"]
    true_positive = [cid for cid, groups in splits.items() if any(kinds[g] == "conflict" for g in groups)]
    per_kind: dict[str, dict[str, int]] = {}
    for verdict in results:
        entry = per_kind.setdefault(verdict.kind, {"groups": 0, "right": 0})
        entry["groups"] += 1
        entry["right"] += verdict.status in ("found", "kept apart")
    predicted = len(splits)
    return {
        "precision": len(true_positive) / predicted if predicted else None,
        "recall": sum(v.status == "found" for v in conflicts) / len(conflicts) if conflicts else None,
        "predicted_conflicts": predicted,
        "true_positive_conflicts": len(true_positive),
        "labelled_conflicts": len(conflicts),
        "labelled_conflicts_found": sum(v.status == "found" for v in conflicts),
        "by_kind": per_kind,
    }


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _quantities(found: Conflicts, conflict_id: str, inventory: list[dict[str, Any]]) -> list[str]:
    """The labels' names of the real-world quantities a predicted conflict mixed."""
    names = []
    for claim in found.claims[found.claims["conflict_id"] == conflict_id].itertuples(index=False):
        start, end = claim.anchor_start, claim.anchor_start + len(claim.anchor_text)
        for item in inventory:
            if item["article"] == claim.article_id and item["start"] < end and start < item["start"] + len(item["number"]):
                names.append(f"{item['quantity']} ({claim.article_id} {item['number']!r})")
    return names


def render(
    scores: dict[str, Any], results: list[Verdict], splits: dict[str, set[str]], found: Conflicts, inventory: list[dict[str, Any]]
) -> str:
    lines = [
        f"precision {_share(scores['precision'])} ({scores['true_positive_conflicts']}/{scores['predicted_conflicts']} predicted conflicts find a labelled one)",
        f"recall    {_share(scores['recall'])} ({scores['labelled_conflicts_found']}/{scores['labelled_conflicts']} labelled conflicts found)",
        "",
        "by kind (right = conflict found, or non-conflict kept apart):",
    ]
    lines += [f"  {kind:<20} {entry['right']}/{entry['groups']}" for kind, entry in scores["by_kind"].items()]
    lines += ["", "labelled groups:"]
    for verdict in results:
        lines.append(f"  {verdict.group} {verdict.kind:<20} {verdict.status}")
        lines += [f"      {detail}" for detail in verdict.details]
    kinds = {verdict.group: verdict.kind for verdict in results}
    unmatched = [cid for cid, groups in splits.items() if not any(kinds[g] == "conflict" for g in groups)]
    if unmatched:
        lines += ["", "predicted conflicts that find no labelled conflict:"]
        by_id = found.conflicts.set_index("conflict_id")
        for conflict_id in unmatched:
            broken = ", ".join(sorted(splits[conflict_id])) or "no labelled group"
            lines.append(f"  {conflict_id} ({broken}): {by_id.loc[conflict_id, 'reason']}")
            lines.append(f"      inventory quantities: {', '.join(_quantities(found, conflict_id, inventory)) or 'none'}")
    return "\n".join(lines)


def evaluate(
    corpus: Path, pred: Path | None, model: str | None, workdir: Path, oracle: bool = False
) -> tuple[dict[str, Any], list[Verdict], dict[str, set[str]], Conflicts]:
    texts = {path.stem: path.read_text(encoding="utf-8") for path in sorted((corpus / "articles").glob("*.txt"))}
    labels = json.loads((corpus / "labels.json").read_text(encoding="utf-8"))
    labelled = labelled_claims(labels, texts)
    if pred is None:
        pred = workdir / "predictions.jsonl"
        extract(corpus / "articles", pred, model)
    if oracle:
        pred = with_labels(pred, labels, labelled, workdir / "predictions-labelled.jsonl")
    with Store(workdir / "conflicts.duckdb", create=True) as store:
        report = store.add([pred])
        if report.problems:
            raise SystemExit("\n".join(map(str, report.problems)))
        found = store.conflicts()
        grouped = store.grouped()
    results, splits = verdicts(labelled, match(labelled, grouped), found)
    return figures(results, splits), results, splits, found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder with articles/ and labels.json")
    parser.add_argument("--pred", type=Path, help="predictions (JSON Lines) instead of extracting the articles")
    parser.add_argument("--model", help="spaCy model for the extraction")
    parser.add_argument("--json", action="store_true", help="print the figures and verdicts as JSON")
    parser.add_argument("--keep", type=Path, help="keep the predictions and the store in this folder")
    parser.add_argument("--fail-under", type=float, help="exit 1 when precision or recall is below this")
    parser.add_argument(
        "--oracle", action="store_true", help="set the labelled claims' fields from the labels first: the conflict rules apart from extraction errors"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        workdir = args.keep or Path(scratch)
        workdir.mkdir(parents=True, exist_ok=True)
        (workdir / "conflicts.duckdb").unlink(missing_ok=True)
        scores, results, splits, found = evaluate(args.corpus, args.pred, args.model, workdir, args.oracle)
    if args.json:
        verdict_list = [verdict.__dict__ for verdict in results]
        print(json.dumps({**scores, "groups": verdict_list, "splits": {k: sorted(v) for k, v in splits.items()}}, ensure_ascii=False, indent=2))
    else:
        labels = json.loads((args.corpus / "labels.json").read_text(encoding="utf-8"))
        print(render(scores, results, splits, found, labels.get("inventory", [])))
    if args.fail_under is not None and any((scores[name] or 0) < args.fail_under for name in ("precision", "recall")):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
