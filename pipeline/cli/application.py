"""The typer application: every command, registered from its own module."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="afirma",
    help="Extract checkable number claims from Spanish news about AI computing.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain click help: rendering it with rich costs more than the 0.5 s budget.
    rich_markup_mode=None,
)


def _register_commands() -> None:
    from pipeline.cli import exports, extract, review, store

    extract.register(app)
    review.register(app)
    exports.register(app)
    store.register(app)


_register_commands()
