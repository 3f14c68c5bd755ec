"""The `afirma` command line: a thin layer over the Python API.

Each command lives in its own module and registers itself on `app`; heavy
imports (spaCy, the models) happen inside the commands so that `--help`
stays fast.
"""

from __future__ import annotations

import sys

from pipeline.cli.schema_files import SCHEMA_NAMES, write_schema


def main() -> None:
    args = sys.argv[1:]
    # `afirma schema [NAME]` only prints a committed file. Answered here, it
    # skips typer, whose parameter handling imports pydantic (about 0.2 s of
    # a 0.5 s budget); anything else, help and errors included, goes to typer.
    if args[:1] == ["schema"] and len(args) <= 2 and all(name in SCHEMA_NAMES for name in args[1:]):
        write_schema(*args[1:])
        return
    from pipeline.cli.application import app

    app()


def __getattr__(name: str):
    # `from pipeline.cli import app` keeps working without importing typer
    # for every user of this package.
    if name == "app":
        from pipeline.cli.application import app

        return app
    raise AttributeError(name)
