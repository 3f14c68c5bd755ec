"""What an import gives back: validated records ready to write, and every
problem named by file, line (or task) and article.

A rebuilt record is written only if `schemas.Article` accepts it whole;
one that does not is reported with the review package's messages and left
out, and the other records are written. Two records with the same article
id keep the later one (a later Prodigy answer or Label Studio task is the
later correction), with a warning.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pipeline.exports.files import write_atomic
from pipeline.exports.layout import dump
from pipeline.exports.merge import Rebuilt
from pipeline.exports.reading import explain
from pipeline.review.problems import Problem
from schemas.models import Article

_ADDED_HINT = (
    "{n} span(s) were added in {tool} and have none of afirma's attributes (canonical, kind, value, low, high,"
    " approx, unit); give them {how}"
)


@dataclass(frozen=True)
class Written:
    """A record to write, and how its line was written before the tool."""

    record: dict[str, Any]
    style: str | None = None
    newline: str = "\n"
    line: int | None = None  # where the tool's file holds it
    origin: str = ""  # what the tool's spans were: annotation, prediction, answer...


@dataclass
class ImportResult:
    path: str
    tool: str
    records: dict[str, Written] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)  # records left out
    warnings: list[Problem] = field(default_factory=list)  # records written, with a change to know about
    tasks: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        return [dump(kept.record, kept.style) + kept.newline for kept in self.records.values()]

    def articles(self) -> list[Article]:
        return [Article.model_validate(kept.record) for kept in self.records.values()]

    def warn(self, line: int | None, message: str, article_id: str | None = None) -> None:
        self.warnings.append(Problem(self.path, line, message, article_id))

    def fail(self, line: int | None, message: str, article_id: str | None = None) -> None:
        self.problems.append(Problem(self.path, line, message, article_id))

    def accept(
        self,
        rebuilt: Rebuilt,
        carried: dict[str, Any] | None,
        line: int | None,
        where: str | None,
        how: str,
        origin: str,
    ) -> None:
        """Validate a rebuilt record and keep it, or say why it is left out.
        `where` names the task when a line number is not enough (a Label
        Studio task id); `origin` what the tool's spans were (annotation,
        prediction, answer...), counted in the summary."""
        record = rebuilt.record
        article_id = record.get("id") if isinstance(record.get("id"), str) else None
        prefix = f"{where}: " if where else ""
        for warning in rebuilt.warnings:
            self.warn(line, prefix + warning, article_id)
        try:
            Article.model_validate(record, strict=True)
        except ValidationError as error:
            for problem in explain(dump(record).encode("utf-8"), self.path, line or 0, error):
                message = f"{problem.message} ({where})" if where else problem.message
                self.problems.append(dataclasses.replace(problem, line=line, message=message))
            if rebuilt.added:
                self.fail(line, prefix + _ADDED_HINT.format(n=rebuilt.added, tool=self.tool, how=how), article_id)
            return
        previous = self.records.pop(record["id"], None)
        if previous is not None:
            self.warn(line, f"{prefix}the same article as line {previous.line}; the later one is kept", article_id)
        carried = carried or {}
        self.records[record["id"]] = Written(record, carried.get("style"), carried.get("newline", "\n"), line, origin)

    def summary(self) -> str:
        counts = Counter(kept.origin for kept in self.records.values())
        origins = ", ".join(f"{count} from {name}s" for name, count in sorted(counts.items()))
        parts = [f"{len(self.records)} records", f"{len(self.problems)} problems", f"{len(self.warnings)} warnings"]
        return (
            f"afirma: {self.path}: {self.tasks} tasks read; " + ", ".join(parts) + (f" ({origins})" if origins else "")
        )

    def write(self, path: str | Path) -> None:
        write_atomic(Path(path), "".join(self.lines()))
