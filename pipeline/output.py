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


def existing_ids(path: Path) -> set[str]:
    """Ids already written; a torn last line is cut off so appending is safe."""
    if not path.exists():
        return set()
    ids: set[str] = set()
    good_end = 0
    with path.open("rb") as handle:
        for line in handle:
            if not line.endswith(b"\n"):
                break
            try:
                ids.add(json.loads(line)["id"])
            except (ValueError, KeyError, TypeError):
                break
            good_end += len(line)
    if good_end != path.stat().st_size:
        with path.open("r+b") as handle:
            handle.truncate(good_end)
    return ids


@contextmanager
def open_output(path: Path | None, *, append: bool) -> Iterator[JsonlWriter]:
    if path is None:
        yield JsonlWriter(sys.stdout)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a" if append else "w", encoding="utf-8", newline="\n") as handle:
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
