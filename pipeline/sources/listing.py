"""From what the command line names to the list of articles to read.

Listing is done up front, so that duplicate ids and missing paths are
reported before any work starts; reading happens one article at a time, so
a folder or a crawl of any size streams. The form of each input decides its
reader: `-` is stdin, `http(s)://` a page to fetch, a folder every `.txt`,
`.html` and `.htm` inside (recursively, in any case), a `.warc(.gz)` a
crawl, a `.jsonl` a feed, an `.html`/`.htm` file a saved page, any other
file plain text.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterable

from pipeline.sources.base import HTML, TEXT, InputError, Listing, Source
from pipeline.sources.feed import FeedFields, is_feed, list_feed
from pipeline.sources.urls import is_url, list_url, list_url_file
from pipeline.sources.warc import is_warc, list_warc

STDIN = "-"
_ARTICLE_FILE = re.compile(r"\.(?:txt|html?)$", re.IGNORECASE)
_PAGE_FILE = re.compile(r"\.html?$", re.IGNORECASE)


def list_inputs(
    paths: Iterable[str], stdin_id: str = "stdin", *, url_files: Iterable[str] = (), feed: FeedFields | None = None
) -> Listing:
    listing = Listing()
    seen_urls: dict[str, str] = {}  # a page fetched or crawled once is not read again
    for raw in paths:
        if raw == STDIN:
            listing.sources.append(Source(stdin_id, None, "<stdin>"))
        elif is_url(raw):
            list_url(raw, listing, seen_urls)
        else:
            _list_path(raw, listing, seen_urls, feed or FeedFields())
    for url_file in url_files:
        list_url_file(url_file, listing, seen_urls)
    return listing


def _list_path(raw: str, listing: Listing, seen_urls: dict[str, str], feed: FeedFields) -> None:
    path = Path(raw)
    if path.is_dir():
        _list_folder(raw, path, listing)
    elif not path.is_file():
        reason = "not a regular file or folder" if path.exists() else "no such file or folder"
        listing.errors.append(InputError(raw, reason))
    elif is_warc(raw):
        list_warc(raw, listing, seen_urls)
    elif is_feed(raw):
        list_feed(raw, feed, listing)
    else:
        kind = HTML if _PAGE_FILE.search(raw) else TEXT
        listing.sources.append(Source(_stem(path), raw, raw, kind))


def _list_folder(raw: str, path: Path, listing: Listing) -> None:
    # Sorted as Paths sort (part by part), kept as strings. "NOTA.TXT" from
    # an old CMS export is as much an article as "nota.txt".
    found = sorted(
        (str(p) for p in path.rglob("*") if _ARTICLE_FILE.search(p.name) and not p.is_dir()),
        key=lambda name: name.split(os.sep),
    )
    if not found:
        listing.errors.append(InputError(raw, "folder has no .txt files (nor .html or .htm)"))
    for name in found:
        if os.path.isfile(name):
            relative = Path(name).relative_to(path)
            kind = HTML if _PAGE_FILE.search(name) else TEXT
            listing.sources.append(Source(_stem(relative, posix=True), name, name, kind))
        else:
            # A FIFO, socket or broken link is named, never opened (a FIFO would block).
            reason = "not a regular file" if os.path.exists(name) else "broken link"
            listing.errors.append(InputError(name, reason))


def _stem(path: Path, posix: bool = False) -> str:
    """The id: the path without its .txt/.html/.htm (or, for another file, its last suffix)."""
    name = path.with_suffix("")
    return name.as_posix() if posix else name.name


def duplicate_ids(sources: list[Source]) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {}
    for source in sources:
        seen.setdefault(source.id, []).append(source.display)
    return {key: where for key, where in seen.items() if len(where) > 1}
