"""`afirma store add|query|export` and `afirma conflicts`: claims across articles.

The work is done by `pipeline.store`; these commands parse options, print,
and choose the exit code: 0 fine, 1 some input lines were skipped, 2 the
command could not run (no store, a store this afirma does not read, a bad
option, an unwritable output).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

store_app = typer.Typer(
    name="store",
    help="An embedded claim store (one DuckDB file): add prediction files, query them, export them.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

DbOption = Annotated[Path, typer.Option("--db", help="The store: one DuckDB file.", show_default=False)]

_TABLE_COLUMNS = ("when", "subject", "amount", "unit", "modality", "source", "outlet", "article_id", "sentence")


def register(app: typer.Typer) -> None:
    app.add_typer(store_app, name="store")
    app.command("conflicts")(conflicts)


def _fail(message: str) -> NoReturn:
    typer.echo(f"afirma: error: {message}", err=True)
    raise typer.Exit(code=2)


def _open(db: Path, *, create: bool = False, read_only: bool = False):
    try:
        from pipeline.store import Store, StoreError
    except ImportError as error:
        _fail(f"the claim store needs DuckDB, pandas and PyArrow ({error}): pip install 'afirma[store]'")

    try:
        return Store(db, create=create, read_only=read_only)
    except StoreError as error:
        _fail(str(error))


@store_app.command("add")
def add(
    files: Annotated[list[str], typer.Argument(help="Prediction or gold files (JSON Lines); - reads stdin.", metavar="FILE...")],
    db: DbOption,
) -> None:
    """Add articles and their claims; an article already stored (same id and text) is replaced."""
    with _open(db, create=True) as store:
        report = store.add(files)
    for problem in report.problems:
        typer.echo(str(problem), err=True)
    if report.other_text:
        shown = ", ".join(report.other_text[:10]) + (" …" if len(report.other_text) > 10 else "")
        typer.echo(f"note: {len(report.other_text)} id(s) stored with another text as well, both kept: {shown}", err=True)
    typer.echo(f"{db}: {report.summary()}", err=True)
    if report.problems:
        raise typer.Exit(code=1)


def _csv_cell(value: object) -> object:
    from pipeline.review.formatting import number
    from pipeline.store.report_json import plain

    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(map(str, value))
    if isinstance(value, float):
        return number(value)  # 310000000, not 310000000.0: readers check digits against the text
    return value


def _write_csv(found) -> None:
    from pipeline.store.report_json import records

    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(list(found.columns))
    for row in records(found):
        writer.writerow([_csv_cell(value) for value in row.values()])


@store_app.command("query")
def query(
    db: DbOption,
    subject: Annotated[str | None, typer.Option(help="Claims about this subject (its canonical name, any case).")] = None,
    unit: Annotated[
        str | None, typer.Option(help="Claims in this unit or any of its family (MW finds GW too), also shown in it.")
    ] = None,
    since: Annotated[str | None, typer.Option(help="Dated on or after (YYYY, YYYY-MM or YYYY-MM-DD); the claim's date, else its article's.")] = None,
    until: Annotated[str | None, typer.Option(help="Dated on or before (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    source: Annotated[str | None, typer.Option(help="Claims attributed to this source (any case).")] = None,
    modality: Annotated[str | None, typer.Option(help="asserted, planned, estimated, alleged or uncertain.")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many claims.")] = None,
    as_csv: Annotated[bool, typer.Option("--csv", help="Every column as CSV on stdout instead of a table.")] = False,
) -> None:
    """Show the stored claims that match every filter given, newest first."""
    from pipeline.store import ClaimQuery
    from pipeline.store.report_text import render_query
    from schemas.models import MODALITIES

    if modality is not None and modality not in MODALITIES:
        raise typer.BadParameter(f"{modality!r} is not one of {', '.join(MODALITIES)}", param_hint="--modality")
    asked = ClaimQuery(subject, unit, since, until, source, modality, limit)
    with _open(db, read_only=True) as store:
        try:
            found = store.claims(asked)
        except ValueError as error:
            raise typer.BadParameter(str(error), param_hint="--since/--until") from None
    if as_csv:
        _write_csv(found)
        return
    columns = list(_TABLE_COLUMNS)
    if unit is not None:
        columns.insert(columns.index("unit") + 1, f"in {unit}")
    typer.echo(render_query(found, columns))
    typer.echo(f"{len(found)} claim(s)", err=True)


@store_app.command("export")
def export(
    db: DbOption,
    parquet: Annotated[Path, typer.Option("--parquet", help="Folder for claims.parquet and articles.parquet.", show_default=False)],
) -> None:
    """Write the store as Parquet files, for Spark, BigQuery, Dask or pandas."""
    import duckdb

    with _open(db, read_only=True) as store:
        try:
            written = store.export_parquet(parquet)
        except (OSError, duckdb.IOException) as error:
            _fail(f"cannot write to {parquet}: {error}")
    for path in written:
        typer.echo(str(path))


def conflicts(
    db: DbOption,
    html: Annotated[Path | None, typer.Option("--html", help="Write one self-contained HTML page here.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object instead of text.")] = False,
) -> None:
    """Figures about the same quantity that cannot both be true, each with its claims, reasons and timeline."""
    with _open(db, read_only=True) as store:
        found = store.conflicts()
    if html is not None:
        from pipeline.store.report_html import render_html

        try:
            html.write_text(render_html(found, store=str(db)), encoding="utf-8")
        except OSError as error:
            _fail(f"cannot write {html}: {error.strerror or error}")
        typer.echo(f"wrote {html} ({len(found.conflicts)} conflicts)", err=True)
    if as_json:
        from pipeline.store.report_json import conflicts_json

        typer.echo(conflicts_json(found, str(db)))
    elif html is None:
        from pipeline.store.report_text import render_conflicts

        typer.echo(render_conflicts(found))
