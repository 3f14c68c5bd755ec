"""JSON Lines feeds: one article per line, as users' own scrapers write them.

`--text-field` names the field that holds the text and `--id-field` the
article id (a number is taken as its digits); `--meta-fields url,date,outlet`
copies those fields into the record's `meta`, and `published=date` copies
the field `date` as `meta.published`. Listing parses every line once, so a
line that is not JSON or lacks its id or text is named with its line
number before any work, and the others go on; reading seeks to the line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import IO, Any

from pipeline.sources.base import FEED, InputError, Listing, Loaded, ReadError, Source

SUFFIXES = (".jsonl", ".ndjson")


@dataclass(frozen=True)
class FeedFields:
    text: str = "text"
    id: str = "id"
    meta: tuple[tuple[str, str], ...] = ()  # (name in meta, field in the feed)

    @classmethod
    def parse(cls, text: str = "text", id: str = "id", meta: str | None = None) -> "FeedFields":
        """`meta` as the command line gives it: "url,date" or "url,published=date"."""
        pairs = []
        for item in (meta or "").split(","):
            name, _, field = item.strip().partition("=")
            if name.strip():
                pairs.append((name.strip(), (field or name).strip()))
        return cls(text, id, tuple(pairs))


def is_feed(name: str) -> bool:
    return name.lower().endswith(SUFFIXES)


def list_feed(path: str, fields: FeedFields, listing: Listing) -> None:
    try:
        handle = open(path, "rb")
    except OSError as error:
        listing.errors.append(InputError(path, error.strerror or str(error)))
        return
    with handle:
        offset = 0
        for number, line in enumerate(handle, 1):
            if line.strip():
                where = f"{path}:{number}"
                try:
                    record = _record(line, fields)
                    listing.sources.append(Source(_id_of(record, fields), path, where, FEED, offset))
                except ReadError as error:
                    listing.errors.append(InputError(where, str(error)))
            offset += len(line)


def _record(line: bytes, fields: FeedFields) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except ValueError as error:
        raise ReadError(f"not a JSON record: {error}") from None
    if not isinstance(record, dict):
        raise ReadError(f"not a JSON object but {type(record).__name__}")
    _id_of(record, fields)
    text = record.get(fields.text)
    if not isinstance(text, str):
        found = "missing" if text is None else f"a {type(text).__name__}, not a string"
        raise ReadError(f"text field {fields.text!r} is {found}")
    return record


def _id_of(record: dict[str, Any], fields: FeedFields) -> str:
    value = record.get(fields.id)
    if isinstance(value, bool) or not isinstance(value, (str, int)) or not str(value).strip():
        found = "missing" if value is None else f"{value!r}, not a string or number"
        raise ReadError(f"id field {fields.id!r} is {found}")
    return str(value)


class FeedReader:
    """Reads feed lines by offset, keeping each feed open for the run."""

    def __init__(self, fields: FeedFields):
        self.fields = fields
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
        record = _record(handle.readline(), self.fields)
        meta = {name: record[field] for name, field in self.fields.meta if record.get(field) not in (None, "")}
        return Loaded(record[self.fields.text], _checked(meta))


def _checked(meta: dict[str, Any]) -> dict[str, Any]:
    """A country the pipeline cannot use is named, not passed on as if it were known."""
    country = meta.get("country")
    if country is not None:
        from pipeline.page.places import gazetteer

        code = str(country).strip().upper()
        if code not in gazetteer().countries:
            raise ReadError(f"country {country!r} is not an ISO 3166 code afirma knows")
        meta["country"] = code
    return meta
