"""Writing JSON Lines so that a stopped run leaves a valid, resumable file.

Each record is serialised whole, written with one call and flushed, so the
file only ever ends between lines. `--resume` reads the ids already in the
file (cutting a torn last line, which only a crash of the machine could
leave) and appends after them.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

from schemas import Article


def record_line(article: Article) -> str:
    return article.model_dump_json() + "\n"


class JsonlWriter:
    def __init__(self, handle: IO[str]):
        self.handle = handle
        self.count = 0

    def write(self, article: Article) -> None:
        self.write_line(record_line(article))

    def write_line(self, line: str) -> None:
        """One whole record per call, flushed: the file only ends between lines."""
        if not line.endswith("\n"):
            line += "\n"
        self.handle.write(line)
        self.handle.flush()
        self.count += 1


class OutputError(OSError):
    """The output file cannot be read back or written: named before any work."""


def existing_ids(path: Path) -> set[str]:
    """Ids already written, ready to append after.

    Only a torn last line (no newline, not a whole record: a crash of the
    machine mid-write) is cut off. A whole last record that merely lacks its
    newline gets one. A damaged line elsewhere is named on stderr and left
    as it is, with every record after it: nothing written is thrown away.
    """
    if not path.exists():
        return set()
    try:
        return _existing_ids(path)
    except OSError as error:
        raise OutputError(f"{path}: cannot resume from it: {error.strerror or error}") from None


def _existing_ids(path: Path) -> set[str]:
    ids: set[str] = set()
    offset = 0
    torn_at: int | None = None
    needs_newline = False
    # Streamed: the output of a long run does not have to fit in memory.
    with path.open("rb") as handle:
        for number, line in enumerate(handle, 1):
            article_id = _record_id(line)
            complete = line.endswith(b"\n")  # only the last line can lack it
            if article_id is not None:
                ids.add(article_id)
                needs_newline = not complete
            elif not complete:
                torn_at = offset
            else:
                print(f"afirma: warning: {path}: line {number} is not a record; left as it is", file=sys.stderr)
            offset += len(line)
    if torn_at is not None:
        with path.open("r+b") as handle:
            handle.truncate(torn_at)
    elif needs_newline:
        with path.open("ab") as handle:
            handle.write(b"\n")
    return ids


def _record_id(line: bytes) -> str | None:
    try:
        article_id = json.loads(line)["id"]
    except (ValueError, KeyError, TypeError):
        return None
    return article_id if isinstance(article_id, str) else None


@contextmanager
def open_output(path: Path | None, *, append: bool) -> Iterator[JsonlWriter]:
    if path is None:
        yield JsonlWriter(sys.stdout)
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.open("a" if append else "w", encoding="utf-8", newline="\n")
    except OSError as error:
        raise OutputError(f"{path}: cannot write the output: {error.strerror or error}") from None
    with handle:
        yield JsonlWriter(handle)
        handle.flush()
        os.fsync(handle.fileno())


class StopRequest:
    """Ctrl-C and SIGTERM ask the run to stop after the record in hand."""

    def __init__(self) -> None:
        self.signal: int | None = None
        self._previous: dict[int, object] = {}

    def __bool__(self) -> bool:
        return self.signal is not None

    def _handle(self, signum, frame) -> None:
        if self.signal is not None:
            # A second Ctrl-C means "now": restore the default and re-raise.
            signal.signal(signum, self._previous.get(signum, signal.SIG_DFL))
            raise KeyboardInterrupt
        self.signal = signum
        print("\nafirma: stopping after the current article (again to abort)", file=sys.stderr)

    @contextmanager
    def installed(self) -> Iterator["StopRequest"]:
        for signum in (signal.SIGINT, signal.SIGTERM):
            try:
                self._previous[signum] = signal.signal(signum, self._handle)
            except ValueError:  # not the main thread
                pass
        try:
            yield self
        finally:
            for signum, handler in self._previous.items():
                signal.signal(signum, handler)

    @property
    def exit_code(self) -> int:
        return 128 + (self.signal or 0)
