"""Web archives: each HTML response in a WARC (or ARC) file is one article.

A crawl is listed up front like a folder: one pass over the record headers
(payloads are skipped) notes where each HTML response starts, and its id is
the URL it was fetched from. Requests, metadata, redirects, errors and
non-HTML responses are left out and counted in one note per file; a URL
captured twice is read once, from its first capture. Reading seeks to a
record's offset, so an article costs only its own record.

For a cluster whose workers see the WARC files themselves, `warc_bag`
reads them on the workers: `pipeline.scale.extract_bag(warc_bag(paths))`.
"""

from __future__ import annotations

from collections import Counter
from typing import IO, Any, Iterator

from pipeline.sources.base import WARC, InputError, Listing, Loaded, ReadError, Source
from pipeline.sources.fetch import HTML_TYPES, parse_content_type

SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
MAX_RECORD_BYTES = 10 * 1024 * 1024


def is_warc(name: str) -> bool:
    return name.lower().endswith(SUFFIXES)


def list_warc(path: str, listing: Listing, seen: dict[str, str]) -> None:
    """Add the file's HTML responses to `listing`; `seen` holds URLs already listed (across files)."""
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        listing.errors.append(InputError(path, "reading web archives needs warcio: pip install 'afirma[warc]'"))
        return

    left_out: Counter = Counter()
    found = 0
    try:
        if not _starts_as_archive(path):
            listing.errors.append(InputError(path, "not a WARC or ARC file: it does not start with a WARC/ or filedesc:// record"))
            return
        with open(path, "rb") as handle:
            records = ArchiveIterator(handle, arc2warc=True)
            for record in records:
                why = _left_out(record)
                url = record.rec_headers.get_header("WARC-Target-URI")
                if why is None and url in seen:
                    why = "repeated URL (its first capture kept)"
                if why:
                    left_out[why] += 1
                    continue
                seen[url] = path
                offset = records.get_record_offset()
                listing.sources.append(Source(url, path, f"{url} ({path}, record at byte {offset})", WARC, offset))
                found += 1
    except OSError as error:
        listing.errors.append(InputError(path, error.strerror or str(error)))
        return
    except Exception as error:  # noqa: BLE001 - warcio fails in many ways on damaged files
        why = str(error) if isinstance(error, ArchiveLoadFailed) else f"{type(error).__name__}: {error}"
        listing.errors.append(InputError(path, f"not a readable WARC file after {found} articles: {why}"))
    listing.notes.append(_census(path, found, left_out))


def _starts_as_archive(path: str) -> bool:
    """warcio reads any line of five words as an old ARC header; a crawl starts with its own record."""
    import gzip

    with open(path, "rb") as handle:
        compressed = handle.read(2) == b"\x1f\x8b"
    with (gzip.open if compressed else open)(path, "rb") as handle:
        return handle.read(16).lstrip().startswith((b"WARC/", b"filedesc://"))


def _left_out(record) -> str | None:
    if record.rec_type not in ("response", "resource"):
        return "request, metadata or other non-response"
    if not record.rec_headers.get_header("WARC-Target-URI"):
        return "with no URL"
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    if record.rec_type == "response":
        status = (headers.get_statuscode() if headers else None) or ""
        if not status.startswith("2"):
            return "with an HTTP status other than 2xx"
    content_type, _ = parse_content_type(headers.get_header("Content-Type") if headers else None)
    if content_type and content_type not in HTML_TYPES:
        return "not HTML"
    return None


def _census(path: str, found: int, left_out: Counter) -> str:
    note = f"{path}: {found} HTML responses read as articles"
    if left_out:
        note += "; records left out: " + ", ".join(f"{count} {why}" for why, count in left_out.most_common())
    return note


class WarcReader:
    """Reads records by offset, keeping each WARC file open for the run."""

    def __init__(self, encoding: str | None = None):
        self.encoding = encoding
        self.handles: dict[str, IO[bytes]] = {}

    def close(self) -> None:
        for handle in self.handles.values():
            handle.close()
        self.handles.clear()

    def read(self, source: Source) -> Loaded:
        handle = self.handles.get(source.file)
        if handle is None:
            try:
                handle = self.handles[source.file] = open(source.file, "rb")
            except OSError as error:
                raise ReadError(error.strerror or str(error)) from None
        handle.seek(source.offset)
        return _article(_record_at(handle), self.encoding)


def _record_at(handle: IO[bytes]):
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        return next(iter(ArchiveIterator(handle, arc2warc=True)))
    except (ArchiveLoadFailed, StopIteration, ValueError, EOFError) as error:
        raise ReadError(f"the record cannot be read: {error or 'no record there'}") from None


def _article(record, encoding: str | None) -> Loaded:
    url = record.rec_headers.get_header("WARC-Target-URI")
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    _, charset = parse_content_type(headers.get_header("Content-Type") if headers else None)
    try:
        payload = record.content_stream().read(MAX_RECORD_BYTES + 1)
    except (OSError, ValueError, EOFError) as error:
        raise ReadError(f"the record's payload cannot be read: {error}") from None
    if len(payload) > MAX_RECORD_BYTES:
        raise ReadError(f"record too large: more than {MAX_RECORD_BYTES // (1024 * 1024)} MB of HTML")
    from pipeline.sources.html import read_page

    loaded = read_page(payload, url=url, charset=charset, encoding=encoding)
    return Loaded(loaded.text, {"url": url} | loaded.meta, loaded.warning)


# ------------------------------------------------------------ on the workers
def warc_items(path: str, encoding: str | None = None) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(id, text, meta) for every HTML response of one file, read in one pass.

    A record that cannot be read gives an empty article whose `meta.note`
    says why, so that a bag computed far away still accounts for it.
    """
    listing = Listing()
    list_warc(path, listing, {})
    reader = WarcReader(encoding)
    try:
        for source in listing.sources:
            try:
                loaded = reader.read(source)
            except ReadError as error:
                yield source.id, "", {"path": path, "note": f"not read: {error}"}
                continue
            yield source.id, loaded.text, {"path": path} | loaded.meta
    finally:
        reader.close()
    for error in listing.errors:
        yield f"{path}#unreadable", "", {"path": path, "note": f"not read: {error.reason}"}


def warc_bag(paths: list[str], encoding: str | None = None):
    """A Dask bag of (id, text, meta) items, each WARC file read on a worker."""
    import dask.bag as db

    return db.from_sequence(list(paths), npartitions=max(1, len(paths))).map(
        lambda path: list(warc_items(path, encoding))
    ).flatten()
