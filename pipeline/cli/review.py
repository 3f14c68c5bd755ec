"""`afirma validate`, `afirma eval`, `afirma diff` and `afirma show`: check
annotation files, compare predictions with the gold set, read predictions.

The work is done by `pipeline.review`, whose functions return data; these
commands parse options, print, and choose the exit code: 0 fine, 1 the
files have problems or a figure is below its floor, 2 the command could
not run (unreadable file, bad option, no extractor).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from pipeline.review.metrics import METRICS

_FAIL_UNDER_HELP = (
    "NAME=VALUE: exit 1 when the overall figure NAME is below VALUE (a fraction, 0 to 1)."
    " Repeatable. An undefined figure (nothing to count) fails too. NAME is one of: "
    + ", ".join(METRICS)
    + "."
)


def register(app: typer.Typer) -> None:
    app.command("validate")(validate)
    app.command("eval")(evaluate)
    app.command("diff")(diff)
    app.command("show")(show)


def _fail(message: str) -> NoReturn:
    typer.echo(f"afirma: {message}", err=True)
    raise typer.Exit(code=2)


def validate(
    files: Annotated[
        list[Path],
        typer.Argument(help="JSON Lines files (gold or predictions) to check.", metavar="FILE...", show_default=False),
    ],
) -> None:
    """Check files against the annotation contract, listing every problem with its file, line, article id and offsets."""
    from pipeline.review.validate import validate_files

    report = validate_files(files)
    for problem in report.problems:
        typer.echo(str(problem))
    typer.echo(report.summary())
    if not report.ok:
        raise typer.Exit(code=1)


def _load(path: Path, role: str):
    from pipeline.review.loading import load_jsonl

    loaded = load_jsonl(path)
    if not loaded.articles:
        reason = f": {loaded.problems[0].message}" if loaded.problems else ""
        _fail(f"no article could be read from the {role} file {path}{reason}")
    for problem in loaded.problems:
        typer.echo(f"warning: {problem}", err=True)
    return loaded


def _extract(articles: Iterable[Any], model: str | None) -> list[Any]:
    """Predictions for the gold texts, from the extractor itself."""
    try:
        from pipeline.api import extract_many
    except ImportError as error:
        _fail(f"no --pred given and the extractor cannot be imported ({error})")
    items = ((a.id, a.text, {key: value for key, value in a.meta if value is not None}) for a in articles)
    try:
        return list(extract_many(items, model=model))
    except OSError as error:  # spaCy's way of saying a model is not installed
        _fail(f"extraction failed: {error}")


def _gold_and_pred(gold: Path, pred: Path | None, model: str | None):
    gold_loaded = _load(gold, "gold")
    gold_articles = [entry.article for entry in gold_loaded.articles]
    problems = list(gold_loaded.problems)
    if pred is None:
        pred_articles = _extract(gold_articles, model)
    else:
        if model is not None:
            typer.echo("warning: --model is ignored when --pred is given", err=True)
        pred_loaded = _load(pred, "prediction")
        pred_articles = [entry.article for entry in pred_loaded.articles]
        problems += pred_loaded.problems
    return gold_articles, pred_articles, problems


GoldOption = Annotated[Path, typer.Option("--gold", help="The gold file (JSON Lines).", show_default=False)]
PredOption = Annotated[
    Path | None,
    typer.Option("--pred", help="Predictions (JSON Lines). Without it, the gold texts are run through the extractor."),
]
ModelOption = Annotated[str | None, typer.Option("--model", help="spaCy model for the extractor (without --pred).")]


def evaluate(
    gold: GoldOption,
    pred: PredOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object instead of tables.")] = False,
    fail_under: Annotated[
        list[str] | None, typer.Option("--fail-under", metavar="NAME=VALUE", help=_FAIL_UNDER_HELP)
    ] = None,
    model: ModelOption = None,
    split: Annotated[
        str | None,
        typer.Option("--split", help="Score only the gold articles of this split (meta.split: dev or test).", show_default=False),
    ] = None,
) -> None:
    """Score predictions against the gold set: spans, values, claims, SemEval schemes."""
    from pipeline.review import evaluate as scoring
    from pipeline.review.report_text import render_report

    floors = []
    for text in fail_under or []:
        try:
            floors.append(scoring.parse_floor(text))
        except ValueError as error:
            _fail(f"--fail-under {error}")
    gold_articles, pred_articles, problems = _gold_and_pred(gold, pred, model)
    if split is not None:
        gold_articles = [article for article in gold_articles if article.meta.split == split]
        if not gold_articles:
            _fail(f"--split {split}: no article of {gold} has meta.split {split!r}")
        kept = {article.id for article in gold_articles}
        pred_articles = [article for article in pred_articles if article.id in kept]
    report = scoring.evaluate(
        gold_articles,
        pred_articles,
        gold_name=str(gold),
        pred_name=None if pred is None else str(pred),
        model=model,
        problems=problems,
    )
    failures = scoring.check_floors(report.metrics(), floors)
    if as_json:
        typer.echo(json.dumps(report.as_dict(failures), ensure_ascii=False, indent=2))
    else:
        typer.echo(render_report(report))
    if failures:
        for failure in failures:
            typer.echo(f"below the floor: {failure}", err=True)
        raise typer.Exit(code=1)


def _use_colour(choice: bool | None) -> bool:
    if choice is not None:
        return choice
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def diff(
    gold: GoldOption,
    pred: PredOption = None,
    html: Annotated[
        Path | None,
        typer.Option(
            "--html", help="Write one self-contained HTML page here; the terminal then gets one summary line per article."
        ),
    ] = None,
    color: Annotated[
        bool | None, typer.Option("--color/--no-color", help="Colour the output (default: when writing to a terminal).")
    ] = None,
    model: ModelOption = None,
) -> None:
    """Show, sentence by sentence, what the predictions miss, add, cut differently or normalise differently."""
    from pipeline.review.diff import diff_files
    from pipeline.review.diff_text import render_diff

    gold_articles, pred_articles, _ = _gold_and_pred(gold, pred, model)
    report = diff_files(gold_articles, pred_articles)
    colour = _use_colour(color)
    if html is None:
        typer.echo(render_diff(report, color=colour), color=colour)
        return
    from pipeline.review.html import render_html

    pred_name = str(pred) if pred is not None else f"extraction (model {model or 'default'})"
    page = render_html(report, gold_name=str(gold), pred_name=pred_name)
    try:
        html.write_text(page, encoding="utf-8")
    except OSError as error:
        _fail(f"cannot write {html}: {error.strerror or error}")
    for article in report.articles:
        typer.echo(article.summary())
    typer.echo(f"wrote {html} ({len(report.articles)} articles)", err=True)


def show(
    files: Annotated[
        list[Path],
        typer.Argument(help="JSON Lines files of records (predictions or gold).", metavar="FILE...", show_default=False),
    ],
    html: Annotated[
        Path | None,
        typer.Option("--html", help="Write one self-contained HTML page here instead of printing the articles."),
    ] = None,
) -> None:
    """Show records without a gold file: each article's text, then its claims (one line each, or cards with --html)."""
    articles = [entry.article for path in files for entry in _load(path, "input").articles]
    if html is None:
        from pipeline.review.show_text import render_show_text

        typer.echo(render_show_text(articles))
        return
    from pipeline.review.show import render_show

    page = render_show(articles, names=[str(path) for path in files])
    try:
        html.write_text(page, encoding="utf-8")
    except OSError as error:
        _fail(f"cannot write {html}: {error.strerror or error}")
    claims = sum(len(article.claims) for article in articles)
    typer.echo(f"wrote {html} ({len(articles)} articles, {claims} claims)", err=True)
