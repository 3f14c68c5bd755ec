"""afirma records for the tools analysts and labellers use, and back.

One module per format, each with `export` and, where the format
round-trips, `import_`:

- `csv`: one row per claim or span (standard library only);
- `parquet`: the same table with typed columns (needs pandas and pyarrow);
- `frame`: `to_frame`, the same table as a pandas DataFrame (needs pandas);
- `label_studio`: Label Studio tasks, with predictions or annotations;
- `prodigy`: Prodigy tasks for its manual span interfaces.

The functions here are what `afirma export` and `afirma import` do. Input
records are validated first (`reading`): a bad line is reported with its
file and line and the others are exported. Everything a tool does not
show travels with its tasks (`carry`), so that the gold corpus goes
through Label Studio or Prodigy and comes back byte for byte.

Importing this package imports neither pandas nor spaCy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.exports.columns import TABLES
from pipeline.exports.reading import Entry, as_entries, read_files
from pipeline.review.problems import Problem

TABULAR = ("csv", "parquet")
ROUND_TRIP = ("label-studio", "prodigy")
FORMATS = TABULAR + ROUND_TRIP
ROLES = ("auto", "annotations", "predictions")

__all__ = [
    "FORMATS",
    "ROLES",
    "ROUND_TRIP",
    "TABLES",
    "TABULAR",
    "ExportReport",
    "export_files",
    "export_records",
    "import_file",
]


@dataclass
class ExportReport:
    records: int = 0  # records exported
    rows: int = 0  # rows or tasks written
    problems: list[Problem] = field(default_factory=list)  # records left out
    written: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def export_files(
    paths: Iterable[str | Path], fmt: str, output: str | Path, *, table: str = "claims", role: str = "auto"
) -> ExportReport:
    """Export every valid record of the afirma JSON Lines files `paths`.

    Nothing is written when no record could be read and some line was bad,
    so a mistaken input never replaces a good output with an empty one.
    """
    _check(fmt, table, role)
    read = read_files(paths)
    report = ExportReport(problems=list(read.problems))
    if read.entries or not read.problems:
        _write(read.entries, fmt, Path(output), table, role, report)
    return report


def export_records(
    records: Iterable[Any], fmt: str, output: str | Path, *, table: str = "claims", role: str = "auto"
) -> ExportReport:
    """Export records held in Python (`schemas.Article` or dicts)."""
    _check(fmt, table, role)
    report = ExportReport()
    _write(as_entries(records), fmt, Path(output), table, role, report)
    return report


def import_file(path: str | Path, fmt: str) -> Any:
    """Read a Label Studio or Prodigy export: an `importing.ImportResult`."""
    if fmt not in ROUND_TRIP:
        raise ValueError(f"cannot import {fmt!r}; afirma imports {', '.join(ROUND_TRIP)}")
    if fmt == "label-studio":
        from pipeline.exports import label_studio as module
    else:
        from pipeline.exports import prodigy as module
    return module.import_(path)


def _check(fmt: str, table: str, role: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(TABLES)}")
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; one of {', '.join(ROLES)}")


def _write(entries: list[Entry], fmt: str, output: Path, table: str, role: str, report: ExportReport) -> None:
    articles = [entry.article for entry in entries]
    if fmt == "csv":
        from pipeline.exports import csv

        report.rows = csv.export(articles, output, table)
    elif fmt == "parquet":
        from pipeline.exports import parquet

        report.rows = parquet.export(articles, output, table)
    elif fmt == "label-studio":
        from pipeline.exports import label_studio

        report.rows = label_studio.export(entries, output, role)
        report.written.append(label_studio.config_path(output))
    else:
        from pipeline.exports import prodigy

        report.rows = prodigy.export(entries, output)
    report.records = len(entries)
    report.written.insert(0, output)
