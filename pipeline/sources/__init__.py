"""Where articles come from: text files, saved pages, URLs, web archives and feeds.

`list_inputs` turns what the command line names into `Source`s (nothing is
read yet); a `Reader` reads each one as a `Loaded` article (text and meta)
or an `InputError` that names it and says why. One module a form:
`text`, `html` (with `boilerplate`, `charset`, `pagemeta`), `urls` (with
`fetch`), `warc` and `feed`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.sources.base import FEED, HTML, TEXT, URL, WARC, InputError, Listing, Loaded, ReadError, Source
from pipeline.sources.feed import FeedFields
from pipeline.sources.fetch import Fetcher, FetchSettings
from pipeline.sources.listing import STDIN, duplicate_ids, list_inputs
from pipeline.sources.text import LEGACY_ENCODINGS, Decoded, decode

__all__ = [
    "STDIN", "LEGACY_ENCODINGS", "Decoded", "FeedFields", "FetchSettings", "InputError", "Listing", "Loaded",
    "ReadOptions", "Reader", "Source", "decode", "duplicate_ids", "list_inputs",
]


@dataclass(frozen=True)
class ReadOptions:
    encoding: str | None = None  # forced for text files and pages alike
    feed: FeedFields = field(default_factory=FeedFields)
    fetch: FetchSettings = field(default_factory=FetchSettings)


class Reader:
    """Reads sources one at a time, holding what a run shares: an HTTP
    connection pool and the open WARC and feed files."""

    def __init__(self, options: ReadOptions | None = None):
        self.options = options or ReadOptions()
        self._fetcher: Fetcher | None = None
        self._warcs = None
        self._feeds = None

    def __enter__(self) -> "Reader":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        for held in (self._fetcher, self._warcs, self._feeds):
            if held is not None:
                held.close()

    def read(self, source: Source) -> Loaded | InputError:
        try:
            return self._read(source)
        except ReadError as error:
            return InputError(source.display, str(error))
        except Exception as error:  # noqa: BLE001 - a parser's bug costs one article, not the run
            return InputError(source.display, f"could not be read: {type(error).__name__}: {error}")

    def _read(self, source: Source) -> Loaded:
        encoding = self.options.encoding
        if source.kind == TEXT:
            from pipeline.sources.text import read_text

            return read_text(source, encoding)
        if source.kind == HTML:
            return self._saved_page(source)
        if source.kind == URL:
            from pipeline.sources.urls import read_url

            self._fetcher = self._fetcher or Fetcher(self.options.fetch)
            return read_url(source, self._fetcher, encoding)
        if source.kind == WARC:
            from pipeline.sources.warc import WarcReader

            self._warcs = self._warcs or WarcReader(encoding)
            return self._warcs.read(source)
        if source.kind == FEED:
            from pipeline.sources.feed import FeedReader

            self._feeds = self._feeds or FeedReader(self.options.feed)
            return self._feeds.read(source)
        raise ReadError(f"no reader for {source.kind!r} sources")

    def _saved_page(self, source: Source) -> Loaded:
        from pipeline.sources.html import read_page
        from pipeline.sources.text import read_bytes

        cap = self.options.fetch.max_bytes
        # A saved page is held to the same bound as a fetched one.
        if source.path is not None and source.path.stat().st_size > cap:
            raise ReadError(f"page too large: {source.path.stat().st_size / 2**20:.1f} MB, the cap is {cap / 2**20:.1f} MB")
        return read_page(read_bytes(source), encoding=self.options.encoding)
