"""One line of a prediction (or gold) file turned into store rows.

A line is taken whole or not at all: a line that is not JSON, lacks an id
or a text, or holds a claim the contract rejects (`schemas.models.Claim`)
raises `DamagedLine` with a message naming the part, and the caller skips
that line only. Spans are not stored, so they are not checked here.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pipeline.store.meta import article_meta
from schemas.models import Claim, claim_id


# A JSON escape of a UTF-16 surrogate: paired ones decode to one character,
# a lone one leaves a string that no UTF-8 column can hold.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89abcdefABCDEF]")


class DamagedLine(ValueError):
    """Why a line could not be stored."""


@dataclass(frozen=True)
class ParsedArticle:
    key: int
    article_id: str
    text_sha: str
    digest: str
    row: tuple[Any, ...]  # the `articles` columns, in table order
    claims: list[tuple[Any, ...]]  # the `claims` columns, in table order


def record_digest(raw: bytes) -> str:
    """A hash of one whole line: the same digest is the same record, byte for byte."""
    return hashlib.sha256(raw).hexdigest()[:32]


def article_key(article_id: str, text_sha: str) -> int:
    """The store's key of one article: its id with one text (a signed 64-bit int for fast joins)."""
    digest = hashlib.sha256(f"{article_id}\x1f{text_sha}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _finite(literal: str) -> float:
    number = float(literal)
    if not math.isfinite(number):
        raise ValueError(f"number {literal} is out of range")
    return number


def _decode(raw: bytes) -> dict[str, Any]:
    try:
        record = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant, parse_float=_finite)
    except UnicodeDecodeError as error:
        raise DamagedLine(f"not valid UTF-8 ({error.reason} at byte {error.start})") from None
    except json.JSONDecodeError as error:
        raise DamagedLine(f"not valid JSON: {error.msg} (column {error.colno})") from None
    except (ValueError, RecursionError) as error:
        raise DamagedLine(f"not valid JSON: {error}") from None
    if not isinstance(record, dict):
        raise DamagedLine(f"a line must be a JSON object, not {type(record).__name__}")
    if _SURROGATE_ESCAPE.search(raw):
        try:
            json.dumps(record, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise DamagedLine("a string holds a lone UTF-16 surrogate (\\uD800-\\uDFFF), which is not text") from None
    return record


def _required(record: dict[str, Any]) -> tuple[str, str, list[Any]]:
    article_id, text, claims = record.get("id"), record.get("text"), record.get("claims", [])
    if not isinstance(article_id, str) or not article_id:
        raise DamagedLine("`id` must be a non-empty string")
    if not isinstance(text, str):
        raise DamagedLine(f"[{article_id}] `text` must be a string")
    if not isinstance(claims, list):
        raise DamagedLine(f"[{article_id}] `claims` must be an array")
    return article_id, text, claims


def _claim(raw: Any, index: int, article_id: str, text_length: int) -> Claim:
    where = f"[{article_id}] claims[{index}]"
    try:
        claim = Claim.model_validate(raw, strict=True)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise DamagedLine(f"{where}.{field}: {first['msg']}" if field else f"{where}: {first['msg']}") from None
    if claim.sentence.end > text_length:
        raise DamagedLine(f"{where}: sentence {claim.sentence.start}:{claim.sentence.end} ends past the text ({text_length})")
    return claim


def _float(number: float | None) -> float | None:
    # Stored as DOUBLE: an integer beyond 2**53 is rounded here, as any JSON reader would.
    return None if number is None else float(number)


def _claim_row(claim: Claim, key: int, article_id: str) -> tuple[Any, ...]:
    anchor, sentence = claim.anchor, claim.sentence
    return (
        key,
        claim.id or claim_id(article_id, anchor.start, anchor.end, claim.label),
        claim.label,
        _float(claim.value),
        _float(claim.low),
        _float(claim.high),
        claim.approx,
        claim.unit,
        claim.subject,
        claim.hardware,
        claim.orgs,
        claim.modality,
        claim.source,
        claim.date,
        anchor.start,
        anchor.end,
        sentence.start,
        sentence.end,
        claim.cues,
    )


class _SpanOutline(BaseModel):
    """What datelines need of a span: where it is, its label, its value or name."""

    model_config = ConfigDict(extra="ignore")
    start: int
    end: int
    label: str
    value: Any = None
    canonical: Any = None


class _Line(BaseModel):
    """The parts of a record the store keeps, validated straight from the JSON text."""

    model_config = ConfigDict(extra="ignore")
    id: str = Field(min_length=1)
    text: str
    claims: list[Claim] = Field(default_factory=list)
    spans: list[_SpanOutline] = Field(default_factory=list)
    meta: dict[str, Any] | None = None


def _fast(raw: bytes) -> _Line | None:
    """The record read in one pass of pydantic's JSON parser, or None to take the careful path."""
    if _SURROGATE_ESCAPE.search(raw):
        return None
    try:
        return _Line.model_validate_json(raw, strict=True)
    except ValidationError:
        return None


def parse_line(raw: bytes, file: str, line: int, digest: str | None = None) -> ParsedArticle:
    """The rows of one JSON Lines record, or `DamagedLine`.

    Most lines are read in one pass by pydantic; a line it refuses is read
    again field by field, which either accepts it (a span the store does
    not use was malformed) or says exactly what is wrong.
    """
    fast = _fast(raw)
    if fast is not None and all(claim.sentence.end <= len(fast.text) for claim in fast.claims):
        return _rows(fast.id, fast.text, fast.claims, fast.meta or {}, fast.spans, (file, line, digest or record_digest(raw)))
    record = _decode(raw)
    article_id, text, raw_claims = _required(record)
    claims = [_claim(item, index, article_id, len(text)) for index, item in enumerate(raw_claims)]
    meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    spans = record.get("spans") if isinstance(record.get("spans"), list) else []
    return _rows(article_id, text, claims, meta, spans, (file, line, digest or record_digest(raw)))


def _rows(article_id: str, text: str, claims: list[Claim], meta: dict[str, Any], spans: list[Any], where: tuple[str, int, str]) -> ParsedArticle:
    file, line, digest = where
    text_sha = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    key = article_key(article_id, text_sha)
    found = article_meta(meta, text, spans)
    model = meta.get("model") if isinstance(meta.get("model"), str) else None
    row = (
        key,
        article_id,
        text_sha,
        digest,
        text,
        found.outlet,
        found.country,
        found.date,
        found.date_from,
        found.url,
        model,
        json.dumps(meta, ensure_ascii=False),
        file,
        line,
        len(claims),
    )
    return ParsedArticle(key, article_id, text_sha, digest, row, [_claim_row(claim, key, article_id) for claim in claims])
