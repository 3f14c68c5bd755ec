"""Read a gold or prediction file (JSON Lines) without ever failing on bad input.

Each line is checked on its own: a line that is not JSON, a field of the
wrong type, offsets outside the text or a span whose `text` is not what the
offsets cut out each become a `Problem`, and everything else in the file
still loads. What cannot be trusted is dropped from the loaded article (a
span whose offsets point outside the text, an article without an id or a
text), because every consumer slices the text with those offsets.

Offsets and span text are checked here rather than left to the pydantic
models, so that the message can say which offsets and which characters;
the remaining per-record rules are the models' own (`schemas.models`).
Rules that relate records to each other (order, overlap, claim anchors)
belong to `pipeline.review.validate`.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from pipeline.review.problems import Problem
from schemas.models import LABELS, Article, Claim, Meta, Span

_SPAN = TypeAdapter(Span)
_REQUIRED = ("id", "text", "spans", "claims")
# Handed to the models in place of offsets already reported as broken, so
# the models judge only the other fields and do not repeat the complaint.
_NEUTRAL = {"start": 0, "end": 1}


@dataclass(frozen=True)
class Outline:
    """Where a span of the file is and what label it has, even if the span
    failed another check: the rules that relate spans to each other still
    apply to it, and a claim anchored on it is not anchored on nothing."""

    index: int
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class LoadedArticle:
    line: int
    article: Article
    outlines: tuple[Outline, ...] = ()


@dataclass
class LoadResult:
    path: str
    articles: list[LoadedArticle] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    records: int = 0  # non-blank lines, loadable or not

    def by_id(self) -> dict[str, Article]:
        return {loaded.article.id: loaded.article for loaded in self.articles}


def load_jsonl(path: str | Path) -> LoadResult:
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        return LoadResult(name, problems=[Problem(name, None, f"cannot read the file: {error.strerror or error}")])
    return load_bytes(data, name)


def load_bytes(data: bytes, name: str) -> LoadResult:
    result = LoadResult(name)
    first_line: dict[str, int] = {}
    # Split on "\n" only: str.splitlines() would also break at U+2028 and
    # friends, which JSON allows unescaped inside strings.
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        raw = raw.rstrip(b"\r")
        if not raw.strip():
            continue
        result.records += 1
        reader = _LineReader(name, number)
        article = reader.read(raw)
        result.problems.extend(reader.problems)
        if article is None:
            continue
        if article.id in first_line:
            result.problems.append(
                Problem(
                    name,
                    number,
                    f"duplicate article id (first on line {first_line[article.id]}); this line is ignored",
                    article_id=article.id,
                    path="id",
                )
            )
            continue
        first_line[article.id] = number
        result.articles.append(LoadedArticle(number, article, tuple(reader.outlines)))
    return result


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _finite_float(literal: str) -> float:
    number = float(literal)
    if not math.isfinite(number):
        raise ValueError(f"number {literal} is out of range")
    return number


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class _LineReader:
    """Reads one line and collects its problems, located in that line."""

    def __init__(self, file: str, line: int) -> None:
        self.file = file
        self.line = line
        self.article_id: str | None = None
        self.text = ""
        self.problems: list[Problem] = []
        self.outlines: list[Outline] = []

    def report(self, message: str, path: str | None = None, start: int | None = None, end: int | None = None) -> None:
        snippet = None
        if start is not None and end is not None and 0 <= start < end <= len(self.text):
            snippet = self.text[start:end]
        self.problems.append(Problem(self.file, self.line, message, self.article_id, path, start, end, snippet))

    def read(self, raw: bytes) -> Article | None:
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            self.report(f"not valid UTF-8: {error.reason} at byte {error.start}")
            return None
        try:
            record = json.loads(line, parse_constant=_reject_constant, parse_float=_finite_float)
        except json.JSONDecodeError as error:
            self.report(f"not valid JSON: {error.msg} (column {error.colno})")
            return None
        except ValueError as error:
            self.report(f"not valid JSON: {error}")
            return None
        except RecursionError:
            self.report("cannot be read: nested too deeply")
            return None
        if not isinstance(record, dict):
            self.report(f"a line must be a JSON object, not {_json_type(record)}")
            return None
        return self._article(record)

    def _article(self, record: dict[str, Any]) -> Article | None:
        article_id = record.get("id")
        if isinstance(article_id, str) and article_id:
            self.article_id = article_id
        for name in _REQUIRED:
            if name not in record:
                self.report("missing field", name)
        if article_id == "":
            self.report("must not be empty", "id")
        elif "id" in record and not isinstance(article_id, str):
            self.report(f"must be a string, not {_json_type(article_id)}", "id")
        text = record.get("text")
        if not isinstance(text, str):
            if "text" in record:
                self.report(f"must be a string, not {_json_type(text)}", "text")
            return None
        self.text = text
        spans = [span for i, raw in enumerate(self._list(record, "spans")) if (span := self._span(i, raw))]
        claims = [claim for i, raw in enumerate(self._list(record, "claims")) if (claim := self._claim(i, raw))]
        meta = self._meta(record.get("meta"))
        if self.article_id is None:
            return None
        # The parts are validated one by one above; the article-level
        # validator would reject the whole line for one bad span, which is
        # what this module exists to avoid.
        return Article.model_construct(id=self.article_id, text=text, spans=spans, claims=claims, meta=meta)

    def _list(self, record: dict[str, Any], name: str) -> list[Any]:
        value = record.get(name, [])
        if isinstance(value, list):
            return value
        self.report(f"must be an array, not {_json_type(value)}", name)
        return []

    def _offsets(self, value: Any, path: str) -> tuple[int, int] | None:
        """Checked offsets inside the text, or None once the problem is reported."""
        if not isinstance(value, dict):
            self.report(f"must be an object with start and end, not {_json_type(value)}", path)
            return None
        start, end = value.get("start"), value.get("end")
        ok = True
        for name, number in (("start", start), ("end", end)):
            if name not in value:
                self.report("missing field", f"{path}.{name}")
                ok = False
            elif not _is_int(number):
                shown = json.dumps(number, ensure_ascii=False)
                self.report(f"must be an integer, not {_json_type(number)} {shown}", f"{path}.{name}")
                ok = False
        if not ok:
            return None
        if end <= start:
            self.report(f"end ({end}) must be greater than start ({start})", path, start, end)
            return None
        if start < 0 or end > len(self.text):
            self.report(f"offsets {start}:{end} are outside the text (length {len(self.text)})", path, start, end)
            return None
        return start, end

    def _span(self, index: int, raw: Any) -> Span | None:
        path = f"spans[{index}]"
        if not isinstance(raw, dict):
            self.report(f"a span must be a JSON object, not {_json_type(raw)}", path)
            return None
        offsets = self._offsets(raw, path)
        fixed = dict(raw)
        if offsets is None:
            fixed.update(_NEUTRAL, text="x")
        else:
            start, end = offsets
            actual = self.text[start:end]
            given = raw.get("text")
            if "text" not in raw:
                self.report("missing field", f"{path}.text", start, end)
            elif given != actual:
                given_shown = repr(given) if isinstance(given, str) else _json_type(given)
                self.report(f"text[{start}:{end}] is {actual!r} but the span says {given_shown}", path, start, end)
            # The offsets are what every comparison uses, so the span goes on
            # with the characters they select.
            fixed["text"] = actual
        label = raw.get("label")
        where = offsets or (None, None)
        raw_start, raw_end = raw.get("start"), raw.get("end")
        if label in LABELS and _is_int(raw_start) and _is_int(raw_end) and raw_start < raw_end:
            self.outlines.append(Outline(index, raw_start, raw_end, label))
        if "label" not in raw:
            self.report("missing field", f"{path}.label", *where)
            return None
        if label not in LABELS:
            self.report(f"unknown label {label!r} (known: {', '.join(LABELS)})", path, *where)
            return None
        try:
            span = _SPAN.validate_python(fixed, strict=True)
        except ValidationError as error:
            self._model_errors(error, fixed, path, where, tag=label)
            return None
        return span if offsets is not None else None

    def _claim(self, index: int, raw: Any) -> Claim | None:
        path = f"claims[{index}]"
        if not isinstance(raw, dict):
            self.report(f"a claim must be a JSON object, not {_json_type(raw)}", path)
            return None
        anchor = self._offsets(raw["anchor"], f"{path}.anchor") if "anchor" in raw else None
        sentence = self._offsets(raw["sentence"], f"{path}.sentence") if "sentence" in raw else None
        fixed = dict(raw)
        if anchor is None or sentence is None:
            # Whether the sentence holds the anchor means nothing once either
            # is broken, so the model sees offsets that cannot disagree.
            for name in ("anchor", "sentence"):
                if name in raw:
                    fixed[name] = dict(_NEUTRAL)
        where = anchor or (None, None)
        try:
            claim = Claim.model_validate(fixed, strict=True)
        except ValidationError as error:
            self._model_errors(error, fixed, path, where)
            return None
        return claim if anchor is not None and sentence is not None else None

    def _meta(self, raw: Any) -> Meta:
        if raw is None:
            return Meta()
        if not isinstance(raw, dict):
            self.report(f"must be an object, not {_json_type(raw)}", "meta")
            return Meta()
        try:
            return Meta.model_validate(raw, strict=True)
        except ValidationError as error:
            self._model_errors(error, raw, "meta", (None, None))
            # meta is free-form for the comparison; keep what was written.
            return Meta.model_construct(**raw)

    def _model_errors(
        self, error: ValidationError, raw: dict[str, Any], path: str, where: tuple[int | None, int | None], tag: str | None = None
    ) -> None:
        by_path: dict[str, list[dict[str, Any]]] = {}
        for detail in error.errors():
            loc = list(detail["loc"])
            if tag is not None and loc[:1] == [tag]:
                loc = loc[1:]  # the union member chosen by the label
            by_path.setdefault(path + _field_path(raw, loc, detail["type"] == "missing"), []).append(detail)
        for field_path, details in by_path.items():
            # A union (int | float) complains once per member; "a number" says it all.
            chosen = next((d for d in details if d["type"] == "float_type"), details[0])
            self.report(_message(chosen), field_path, *where)


def _field_path(raw: Any, loc: list[Any], missing: bool) -> str:
    """The part of a pydantic location that names fields of the input.

    Pydantic appends the names of union members ("float", "int") that are
    not fields; walking the input keeps only what a reader can find in the file.
    """
    suffix = ""
    current = raw
    for position, key in enumerate(loc):
        last = position == len(loc) - 1
        if _has(current, key):
            current = current[key]
        elif not (missing and last and isinstance(current, dict)):
            break
        suffix += f"[{key}]" if isinstance(key, int) else f".{key}"
    return suffix


def _message(detail: dict[str, Any]) -> str:
    kind = detail["type"]
    if kind == "missing":
        return "missing field"
    if kind == "value_error" and "error" in detail.get("ctx", {}):
        return str(detail["ctx"]["error"])
    message = detail["msg"]
    given = detail.get("input")
    if not isinstance(given, (dict, list)):
        shown = json.dumps(given, ensure_ascii=False)
        message += f" (got {shown if len(shown) <= 40 else shown[:39] + '…'})"
    return message


def _has(container: Any, key: Any) -> bool:
    if isinstance(container, dict):
        return key in container
    return isinstance(container, list) and isinstance(key, int) and 0 <= key < len(container)
