"""Web pages by address: `afirma extract URL...` and `--urls FILE`.

A list file holds one URL a line; blank lines and lines starting with `#`
are skipped, and a line that is not an http(s) URL is named with its line
number. The id is the URL as given, without a `#fragment`; the same page
listed twice is fetched once. Nothing is fetched while listing: a failed
fetch is one article's failure, named when its turn comes.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from pipeline.sources.base import URL, InputError, Listing, Loaded, Source
from pipeline.sources.fetch import Fetcher


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def list_url(raw: str, listing: Listing, seen: dict[str, str], where: str | None = None) -> None:
    url = raw.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        listing.errors.append(InputError(where or url, f"not an http(s) URL: {url!r}"))
        return
    article_id = urlunsplit(parts._replace(fragment=""))
    if article_id in seen:
        listing.notes.append(f"{where or url}: {article_id} is listed already ({seen[article_id]}); fetched once")
        return
    seen[article_id] = where or "the command line"
    listing.sources.append(Source(article_id, None, article_id, URL))


def list_url_file(path: str, listing: Listing, seen: dict[str, str]) -> None:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            lines = handle.read().splitlines()
    except (OSError, UnicodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        listing.errors.append(InputError(path, f"cannot read the URL list: {reason}"))
        return
    for number, line in enumerate(lines, 1):
        if line.strip() and not line.lstrip().startswith("#"):
            list_url(line, listing, seen, f"{path}:{number}")


def read_url(source: Source, fetcher: Fetcher, encoding: str | None = None) -> Loaded:
    from pipeline.sources.html import read_page

    page = fetcher.fetch(source.id)
    loaded = read_page(page.body, url=page.url, charset=page.charset, encoding=encoding)
    meta = {"url": page.url} | loaded.meta
    if page.url != source.id:
        meta["final_url"] = page.url
    return Loaded(loaded.text, meta, loaded.warning)
