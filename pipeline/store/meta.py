"""An article's outlet, country, date and url, read from its record's `meta`.

Which keys are read is data (`data/meta_fields.json`): feeds and scrapers
name these fields differently, and the store should take them as written.
When `meta` gives no date, the date of the article's dateline ("Madrid,
12 de febrero de 2025 (EFE).-") is its filing date: the DATE span the
extraction found inside the dateline, if it has a year; likewise the
agency named there stands for the outlet when nothing else names one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from pipeline.page.datelines import find_datelines

_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_DATELINE_HEAD = 2000  # datelines open one of the first lines; the rest of a long text need not be read


@dataclass(frozen=True)
class ArticleMeta:
    outlet: str | None
    country: str | None
    date: str | None
    date_from: str | None  # "meta" or "dateline"
    url: str | None


@lru_cache(maxsize=1)
def _fields() -> dict[str, Any]:
    raw = resources.files("pipeline.store").joinpath("data").joinpath("meta_fields.json").read_text(encoding="utf-8")
    return json.loads(raw)


def _first(meta: dict[str, Any], keys: list[str]) -> str | None:
    for key in keys:
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def iso_date(value: str | None) -> str | None:
    """'2025-03-12T10:00:00Z' → '2025-03-12'; anything without an ISO start → None."""
    if value is None:
        return None
    found = _ISO_PREFIX.match(value)
    return found.group(0) if found else None


def _host(url: str | None, prefixes: list[str]) -> str | None:
    if url is None:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    if not host:
        return None
    for prefix in prefixes:
        if host.startswith(prefix):
            return host[len(prefix) :]
    return host


def _field(span: Any, name: str) -> Any:
    """A span's field, whether the span is a JSON object or a parsed record."""
    return span.get(name) if isinstance(span, dict) else getattr(span, name, None)


def _inside(span: Any, start: int, end: int) -> bool:
    first, last = _field(span, "start"), _field(span, "end")
    return isinstance(first, int) and isinstance(last, int) and start <= first and last <= end


def _strings(spans: list[Any], label: str, name: str) -> list[str]:
    values = [_field(span, name) for span in spans if _field(span, "label") == label]
    return [value for value in values if isinstance(value, str)]


def dateline_facts(text: str, spans: Any) -> tuple[str | None, str | None]:
    """(date, agency) of the article's first dateline: its DATE span with a year, its ORG's canonical name."""
    if not isinstance(spans, list):
        return None, None
    for start, end, _ in find_datelines(text[:_DATELINE_HEAD]):
        inside = [span for span in spans if _inside(span, start, end)]
        dates = [iso_date(value) for value in _strings(inside, "DATE", "value")]
        agencies = _strings(inside, "ORG", "canonical")
        # The agency is written after the place, which the extraction may take for an ORG too.
        return next((d for d in dates if d), None), (agencies[-1] if agencies else None)
    return None, None


def article_meta(meta: Any, text: str = "", spans: Any = None) -> ArticleMeta:
    meta = meta if isinstance(meta, dict) else {}
    config = _fields()
    fields = config["fields"]
    url = _first(meta, fields["url"])
    filed_on, filed_by = dateline_facts(text, spans)
    outlet = _first(meta, fields["outlet"]) or _host(url, config["host_prefixes"]) or filed_by
    country = _first(meta, fields["country"])
    date, date_from = iso_date(_first(meta, fields["date"])), "meta"
    if date is None:
        date, date_from = filed_on, "dateline"
    return ArticleMeta(outlet, country.upper() if country else None, date, date_from if date else None, url)
