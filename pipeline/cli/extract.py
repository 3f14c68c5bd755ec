"""`afirma extract` and `afirma schema`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer


def extract(
    paths: Annotated[
        Optional[list[str]],
        typer.Argument(
            help="Text files, saved pages (.html, .htm), folders of either (recursively), http(s) URLs,"
            " web archives (.warc, .warc.gz), JSON Lines feeds (.jsonl), or - for stdin.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write JSON Lines here instead of stdout.")] = None,
    model: Annotated[
        Optional[str], typer.Option(help="spaCy model (default: $AFIRMA_MODEL, else es_core_news_md, else es_core_news_sm).")
    ] = None,
    encoding: Annotated[
        Optional[str],
        typer.Option(help="Force the encoding of files and pages (default: a page's declared charset if the bytes fit it, else UTF-8, else Windows-1252)."),
    ] = None,
    resume: Annotated[bool, typer.Option(help="Skip articles whose ids are already in --output, and append.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes on this machine.")] = 1,
    dask: Annotated[
        Optional[str], typer.Option(help="Run on a Dask cluster: scheduler address such as tcp://host:8786.")
    ] = None,
    stdin_id: Annotated[str, typer.Option("--id", help="Article id for text read from stdin.")] = "stdin",
    country: Annotated[
        Optional[str],
        typer.Option(help="The outlets' country (ISO 3166 alpha-2, e.g. MX): what a bare $ and 'pesos' mean and, if the text does not say, its number style."),
    ] = None,
    progress: Annotated[bool, typer.Option(help="Progress bar on stderr when there is more than one article.")] = True,
    urls: Annotated[
        Optional[list[Path]], typer.Option("--urls", help="A file of URLs to fetch, one a line (# starts a comment); repeatable.")
    ] = None,
    timeout: Annotated[
        float, typer.Option(min=0.1, help="Seconds to wait for a server's answer when fetching (a whole page gets twice that).")
    ] = 30.0,
    text_field: Annotated[str, typer.Option(help="JSON Lines feeds: the field that holds the article text.")] = "text",
    id_field: Annotated[str, typer.Option(help="JSON Lines feeds: the field that holds the article id.")] = "id",
    meta_fields: Annotated[
        Optional[str],
        typer.Option(help="JSON Lines feeds: fields copied into meta, comma-separated; NAME=FIELD renames (published=date)."),
    ] = None,
) -> None:
    """Extract spans and claims from Spanish articles, as JSON Lines."""
    from pipeline.batch import DuplicateIds, run_extraction
    from pipeline.model import ModelNotFound
    from pipeline.output import OutputError
    from pipeline.sources import FeedFields, FetchSettings

    if resume and output is None:
        raise typer.BadParameter("--resume needs --output", param_hint="--resume")
    if not paths and not urls:
        raise typer.BadParameter("name at least one file, folder, URL or - (or give --urls FILE)", param_hint="PATHS")
    country = _known_country(country)
    fetch = FetchSettings(read_timeout=timeout, total_timeout=2 * timeout)
    bar = _Progress(enabled=progress)
    try:
        summary = run_extraction(
            paths or [],
            output=output,
            model=model,
            encoding=encoding,
            resume=resume,
            jobs=jobs,
            dask=dask,
            stdin_id=stdin_id,
            country=country,
            url_files=[str(u) for u in urls or []],
            feed=FeedFields.parse(text_field, id_field, meta_fields),
            fetch=fetch,
            on_start=bar.start,
            on_progress=bar.advance,
            on_error=bar.error,
        )
    except (DuplicateIds, ModelNotFound, OutputError) as error:
        bar.close()
        typer.echo(f"afirma: error: {error}", err=True)
        raise typer.Exit(code=2) from None
    bar.close()
    typer.echo(summary.line(), err=True)
    raise typer.Exit(code=summary.exit_code)


def _known_country(country: str | None) -> str | None:
    if country is None:
        return None
    from pipeline.page.places import gazetteer

    country = country.upper()
    if country not in gazetteer().countries:
        known = ", ".join(sorted(gazetteer().countries))
        raise typer.BadParameter(f"{country!r} is not a country afirma knows; one of {known}", param_hint="--country")
    return country


def schema(
    name: Annotated[str, typer.Argument(help="article, claim or span.")] = "article",
) -> None:
    """Print the JSON Schema of the records."""
    from pipeline.cli.schema_files import schema_text

    try:
        sys.stdout.write(schema_text(name))
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="NAME") from None


class _Progress:
    """A progress bar on stderr, only for runs of more than one article and
    only on a terminal (a log file gets the summary line, not a bar). It
    appears with the first finished article, so the model's line, printed
    while the model loads, stays on a line of its own."""

    def __init__(self, enabled: bool):
        self.enabled = enabled and sys.stderr.isatty()
        self.total = 0
        self.bar = None

    def start(self, total: int) -> None:
        self.total = total

    def advance(self, steps: int) -> None:
        if self.bar is None and self.enabled and self.total > 1:
            self.bar = typer.progressbar(length=self.total, label="afirma", file=sys.stderr)
            self.bar.__enter__()
        if self.bar is not None:
            self.bar.update(steps)

    def error(self, error) -> None:
        # Errors go on their own line, not into the middle of the bar.
        prefix = "\n" if self.bar is not None else ""
        typer.echo(f"{prefix}afirma: error: {error}", err=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def register(app: typer.Typer) -> None:
    app.command()(extract)
    app.command()(schema)
