"""afirma JSON Lines in, for the exports: every record validated, every bad
line named, the good ones kept.

An export must never hand a tool a record the contract refuses, so each
line is validated whole by `schemas.Article`; a line that fails is left out
and explained with the review package's messages (file, line, article id,
offsets), and the lines after it are read as usual. The record is also kept
as it was read, a plain JSON object, because the round-trip formats give
back each key and value as they were written.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pipeline.review.problems import Problem
from schemas.models import Article

_NOT_AFIRMA = (
    "afirma JSON Lines have one article (id, text, spans, claims) a line;"
    " files from Label Studio or Prodigy are read with `afirma import`"
)
_SHOWN = 3  # problems listed for a file that holds no record at all


@dataclass(frozen=True)
class Entry:
    """One valid record: the model, and the JSON object as written."""

    article: Article
    raw: dict[str, Any]
    line_text: str | None = None  # the line as read, for its JSON style
    file: str | None = None
    line: int | None = None
    newline: str = "\n"  # how the line ended: "\r\n" in a file saved on Windows


@dataclass
class ReadResult:
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    lines: int = 0  # non-blank lines read, good or bad

    @property
    def articles(self) -> list[Article]:
        return [entry.article for entry in self.entries]


def read_files(paths: Iterable[str | Path]) -> ReadResult:
    """Every file in turn; an id seen before (in any file) is a problem and
    its later record is left out, as `afirma validate` treats it."""
    result = ReadResult()
    first: dict[str, str] = {}
    for path in paths:
        single = read_file(path)
        result.lines += single.lines
        result.problems.extend(single.problems)
        for entry in single.entries:
            where = f"{entry.file}:{entry.line}"
            if entry.article.id in first:
                message = f"duplicate article id (first at {first[entry.article.id]}); this record is left out"
                result.problems.append(Problem(str(entry.file), entry.line, message, entry.article.id))
                continue
            first[entry.article.id] = where
            result.entries.append(entry)
    return result


def read_file(path: str | Path) -> ReadResult:
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        return ReadResult(problems=[Problem(name, None, f"cannot read the file: {error.strerror or error}")])
    result = ReadResult()
    for number, raw_line, newline in _lines(data):
        result.lines += 1
        entry = _entry(raw_line, name, number, result.problems)
        if entry is not None:
            result.entries.append(dataclasses.replace(entry, newline=newline))
    if result.lines and not result.entries and all(p.article_id is None for p in result.problems):
        # A file of another kind: a few of its lines say enough.
        more = len(result.problems) - _SHOWN
        result.problems[_SHOWN:] = [Problem(name, None, f"and {more} more lines like these")] if more > 0 else []
        result.problems.append(Problem(name, None, f"no afirma record in this file ({_NOT_AFIRMA})"))
    return result


def _lines(data: bytes) -> Iterator[tuple[int, bytes, str]]:
    # Split on "\n" only: JSON allows U+2028 unescaped inside strings.
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        newline = "\r\n" if raw.endswith(b"\r") else "\n"
        raw = raw.rstrip(b"\r")
        if raw.strip():
            yield number, raw, newline


def _entry(raw_line: bytes, name: str, number: int, problems: list[Problem]) -> Entry | None:
    try:
        text = raw_line.decode("utf-8")
        record = json.loads(text, parse_constant=_reject_constant, parse_float=_finite_float)
    except UnicodeDecodeError as error:
        problems.append(Problem(name, number, f"not valid UTF-8: {error.reason} at byte {error.start}"))
        return None
    except ValueError as error:  # JSONDecodeError is one
        problems.append(Problem(name, number, f"not valid JSON ({error})"))
        return None
    except RecursionError:
        problems.append(Problem(name, number, "cannot be read: nested too deeply"))
        return None
    if not isinstance(record, dict):
        problems.append(Problem(name, number, "a line must be a JSON object (one article)"))
        return None
    try:
        # Strict, as `afirma validate` reads: "12" is no offset.
        article = Article.model_validate(record, strict=True)
    except ValidationError as error:
        problems.extend(explain(raw_line, name, number, error))
        return None
    return Entry(article, record, text, name, number)


def explain(raw_line: bytes, name: str, number: int, error: ValidationError) -> list[Problem]:
    """The review package's account of a refused line: it names the span or
    claim, its offsets and its text, where pydantic gives a field path."""
    from pipeline.review.loading import load_bytes
    from pipeline.review.validate import validate_loaded

    found = validate_loaded(load_bytes(raw_line, name))
    if not found:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        found = [Problem(name, 1, f"{where}: {first['msg']}")]
    return [dataclasses.replace(problem, line=number) for problem in found]


def _reject_constant(constant: str) -> Any:
    raise ValueError(f"{constant} is not a JSON number")


def _finite_float(literal: str) -> float:
    # 1e999 parses to inf, which no JSON writer can give back.
    number = float(literal)
    if not math.isfinite(number):
        raise ValueError(f"number {literal} is out of range")
    return number


def as_entries(records: Iterable[Any]) -> list[Entry]:
    """Records given in Python (models or plain dicts) as entries.

    A dict is validated like a line of a file and raises ValueError when the
    contract refuses it: a caller with records in hand has no file to name.
    """
    entries = []
    for record in records:
        if isinstance(record, Article):
            entries.append(Entry(record, record.model_dump(mode="json")))
            continue
        if not isinstance(record, dict):
            raise TypeError(f"expected schemas.Article or a dict, not {type(record).__name__}")
        try:
            entries.append(Entry(Article.model_validate(record, strict=True), record))
        except ValidationError as error:
            raise ValueError(f"record {record.get('id')!r} is not a valid afirma article: {error}") from None
    return entries
