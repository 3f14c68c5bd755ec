"""`afirma export` and `afirma import`: records to tables and annotation
tools, and annotations back to records.

The work is done by `pipeline.exports`; these commands parse options,
print what went wrong, and choose the exit code: 0 fine, 1 some records
were left out (each named with its file and line, the others written),
2 the command could not run (bad option, missing library, unwritable
output, nothing readable).
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from pipeline.review.problems import Problem


class ExportFormat(str, Enum):
    csv = "csv"
    parquet = "parquet"
    label_studio = "label-studio"
    prodigy = "prodigy"


class ImportFormat(str, Enum):
    label_studio = "label-studio"
    prodigy = "prodigy"


class Table(str, Enum):
    claims = "claims"
    spans = "spans"


class Role(str, Enum):
    auto = "auto"
    annotations = "annotations"
    predictions = "predictions"


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.command("import")(import_)


def _fail(message: str) -> NoReturn:
    typer.echo(f"afirma: error: {message}", err=True)
    raise typer.Exit(code=2)


def _report(problems: list[Problem], kind: str) -> None:
    for problem in problems:
        typer.echo(f"{kind}: {problem}", err=True)


FilesArgument = Annotated[
    list[Path],
    typer.Argument(help="afirma JSON Lines files (gold or predictions).", metavar="FILE", show_default=False),
]
ExportFormatOption = Annotated[ExportFormat, typer.Option("--format", "-f", help="What to write.", show_default=False)]
OutputOption = Annotated[Path, typer.Option("--output", "-o", help="The file to write.", show_default=False)]
TableOption = Annotated[Table, typer.Option(help="csv and parquet: one row per claim or per span.")]
RoleOption = Annotated[
    Role,
    typer.Option(
        "--as",
        help="label-studio: write spans as annotations or predictions (auto: predictions when the record names its model).",
    ),
]


def export(
    files: FilesArgument,
    fmt: ExportFormatOption,
    output: OutputOption,
    table: TableOption = Table.claims,
    role: RoleOption = Role.auto,
) -> None:
    """Write records as a CSV or Parquet table, or as Label Studio or Prodigy tasks.

    csv and parquet: one row per claim (or per span); hardware, orgs and cues
    are JSON arrays in CSV and lists in Parquet. label-studio: a JSON array of
    tasks, and beside it the labelling config for the project (NAME.config.xml).
    Everything the tool does not show travels with each task, for `afirma
    import`. A line that is not a valid afirma record is named (FILE:LINE) and
    left out; the others are written.
    """
    from pipeline.exports import export_files
    from pipeline.exports.optional import MissingDependency

    try:
        report = export_files(files, fmt.value, output, table=table.value, role=role.value)
    except MissingDependency as error:
        _fail(str(error))
    except OSError as error:
        _fail(f"cannot write {output}: {error.strerror or error}")
    _report(report.problems, "error")
    if not report.written:
        _fail(f"nothing written: no record could be read from {', '.join(map(str, files))}")
    what = "rows" if fmt.value in ("csv", "parquet") else "tasks"
    shown = " and ".join(str(path) for path in report.written)
    typer.echo(
        f"afirma: {report.records} records exported, {len(report.problems)} problems; wrote {report.rows} {what} to {shown}",
        err=True,
    )
    raise typer.Exit(code=0 if report.ok else 1)


def import_(
    file: Annotated[
        Path,
        typer.Argument(help="A Label Studio JSON export or a Prodigy db-out file.", metavar="FILE", show_default=False),
    ],
    fmt: Annotated[ImportFormat, typer.Option("--format", "-f", help="Which tool wrote FILE.", show_default=False)],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The afirma JSON Lines file to write.", show_default=False)
    ],
) -> None:
    """Read annotations back from Label Studio or Prodigy as afirma records (gold).

    FILE is Label Studio's JSON export or the output of `prodigy db-out`. Tasks
    that `afirma export` wrote come back with every field they left with; the
    tool's spans, labels and per-region fields win. Each record is validated:
    one that fails is named and left out, the others are written.
    """
    from pipeline.exports import import_file

    result = import_file(file, fmt.value)
    _report(result.warnings, "warning")
    _report(result.problems, "error")
    if not result.records and result.problems:
        _fail(f"nothing written: no record could be imported from {file}")
    try:
        result.write(output)
    except OSError as error:
        _fail(f"cannot write {output}: {error.strerror or error}")
    typer.echo(f"{result.summary()}; wrote {output}", err=True)
    raise typer.Exit(code=0 if result.ok else 1)
