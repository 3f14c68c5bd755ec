"""A problem found in a gold or prediction file, located well enough to fix.

Every check in the review package reports through this one record, so
`validate`, `eval` and `diff` all point at a file the same way.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    message: str
    article_id: str | None = None
    path: str | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [f"{where}:"]
        if self.article_id is not None:
            parts.append(f"[{self.article_id}]")
        if self.path:
            parts.append(self.path)
        if self.start is not None and self.end is not None:
            parts.append(f"{self.start}:{self.end}")
        if self.text is not None:
            parts.append(repr(_shorten(self.text)))
        located = " ".join(parts)
        # The colon after the location only when there is one beyond "FILE:LINE:".
        return f"{located}: {self.message}" if len(parts) > 1 else f"{located} {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _shorten(text: str, limit: int = 60) -> str:
    # A sentence-long span would push the message off the screen.
    return text if len(text) <= limit else text[: limit - 1] + "…"
