"""Check files against the annotation contract and say where each problem is.

`pipeline.review.loading` already reports what one record can get wrong
(JSON, types, missing fields, offsets, span text, the models' own rules).
This module adds the rules that relate records to each other: span order
and overlap, claims anchored on number spans with the same label, one
claim per anchor, and an ISO date on claims.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from pipeline.review.loading import LoadResult, Outline, load_jsonl
from pipeline.review.problems import Problem
from schemas.models import NUMBER_LABELS, Article, DateSpan


@dataclass
class ValidationReport:
    files: int = 0
    articles: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        return ", ".join(
            _count(n, word) for n, word in ((self.files, "file"), (self.articles, "article"), (len(self.problems), "problem"))
        )


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def validate_files(paths: Iterable[str | Path]) -> ValidationReport:
    report = ValidationReport()
    for path in paths:
        loaded = load_jsonl(path)
        report.files += 1
        report.articles += loaded.records
        report.problems.extend(validate_loaded(loaded))
    return report


def validate_loaded(loaded: LoadResult) -> list[Problem]:
    """Loading problems and contract problems, in file order."""
    problems = list(loaded.problems)
    for entry in loaded.articles:
        problems.extend(article_problems(entry.article, entry.outlines, loaded.path, entry.line))
    return sorted(problems, key=lambda problem: problem.line or 0)


def article_problems(article: Article, outlines: Sequence[Outline], file: str, line: int) -> list[Problem]:
    """`outlines` are the spans as the file has them, including any that
    failed to load, so that one bad span does not also orphan its claim."""
    found: list[Problem] = []

    def report(message: str, path: str, start: int, end: int) -> None:
        text = article.text[start:end] if 0 <= start < end <= len(article.text) else None
        found.append(Problem(file, line, message, article.id, path, start, end, text))

    furthest = None  # the span reaching furthest right so far
    previous = None
    for span in outlines:
        path = f"spans[{span.index}]"
        if previous is not None and span.start < previous.start:
            message = f"spans are not sorted by start (spans[{previous.index}] starts at {previous.start})"
            report(message, path, span.start, span.end)
        elif furthest is not None and span.start < furthest.end:
            shown = article.text[furthest.start : furthest.end]
            report(
                f"overlaps spans[{furthest.index}] {furthest.label} {furthest.start}:{furthest.end} {shown!r}",
                path,
                span.start,
                span.end,
            )
        if furthest is None or span.end > furthest.end:
            furthest = span
        previous = span

    by_offsets = {(span.start, span.end): span for span in outlines}
    anchored: dict[tuple[int, int], int] = {}
    for index, claim in enumerate(article.claims):
        path = f"claims[{index}]"
        key = (claim.anchor.start, claim.anchor.end)
        span = by_offsets.get(key)
        if span is None:
            report("the anchor is not the offsets of any span", f"{path}.anchor", *key)
        elif span.label not in NUMBER_LABELS:
            report(f"the anchor is a {span.label} span, not a number span", f"{path}.anchor", *key)
        elif span.label != claim.label:
            report(f"claim label {claim.label} differs from its anchor's label {span.label}", f"{path}.label", *key)
        if key in anchored:
            report(f"a second claim on the same anchor as claims[{anchored[key]}]", path, *key)
        else:
            anchored[key] = index
        if claim.date is not None and not _is_date_value(claim.date):
            report(f"date {claim.date!r} is not written as a DATE span's value is (ISO 8601)", f"{path}.date", *key)
    return found


def _is_date_value(value: str) -> bool:
    """The models define what a DATE value may look like; a claim's date
    refers to the same calendar, so it is held to the same rule."""
    try:
        DateSpan.model_validate({"start": 0, "end": 1, "text": "x", "label": "DATE", "value": value})
    except ValidationError:
        return False
    return True
