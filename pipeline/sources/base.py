"""What every source of articles shares: where an article is, what reading
it gave, and how a failure is named."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# How an article is held; each kind has its own reader in this package.
TEXT, HTML, URL, WARC, FEED = "text", "html", "url", "warc", "feed"


@dataclass(frozen=True, slots=True)
class Source:
    """One article to read. Light on purpose: a folder of a million articles
    (or a crawl of a million pages) is listed up front, so each entry holds
    strings and a number, not Paths or payloads."""

    id: str
    file: str | None  # the file that holds it; None for stdin and URLs
    display: str  # how messages name it
    kind: str = TEXT
    offset: int = 0  # where its record starts in a WARC or feed file

    @property
    def path(self) -> Path | None:
        return None if self.file is None else Path(self.file)


@dataclass(frozen=True)
class InputError:
    display: str
    reason: str

    def __str__(self) -> str:
        return f"{self.display}: {self.reason}"


@dataclass
class Listing:
    sources: list[Source] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    # Things worth saying that are no failure: records of a crawl left out, a URL given twice.
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Loaded:
    """An article read: its text, what is known of it, and a warning to show."""

    text: str
    meta: dict[str, Any]
    warning: str | None = None


class ReadError(Exception):
    """A reader's way of saying why an article cannot be had; the caller
    turns it into an `InputError` naming the article."""
