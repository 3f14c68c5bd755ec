"""Prodigy tasks: `export` writes JSON Lines for its manual span interfaces,
`import_` reads what `prodigy db-out` gives.

The shapes follow Prodigy's documentation of its annotation interfaces
(prodi.gy/docs/api-interfaces, `ner_manual`) and the answers its database
returns (the same task plus `answer`, `_input_hash`, `_task_hash`,
`_view_id`, `_session_id`...). A task is

    {"text": ..., "meta": {"id": ...}, "afirma": {...},
     "tokens": [{"text": "Musk", "start": 0, "end": 4, "id": 0, "ws": true}, ...],
     "spans": [{"start": 0, "end": 4, "text": "Musk", "label": "PER",
                "token_start": 0, "token_end": 0}, ...]}

`token_end` is inclusive, as in Prodigy. The manual interfaces select
whole tokens, so the tokens (spaCy's Spanish tokenizer) are cut at every
span boundary: "NVIDIA" inside "NVIDIAChipset" is a token of its own. On
import, rejected and ignored answers are left out with a warning, spans
are placed by their character offsets (by their tokens when a span has
none), and of several accepted answers on one article the last is kept.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.exports.carry import KEY, payload, unpack
from pipeline.exports.files import write_atomic
from pipeline.exports.importing import ImportResult
from pipeline.exports.merge import ToolSpan, rebuild
from pipeline.exports.reading import Entry
from pipeline.exports.tasks import read_tasks

_HOW = "in the output file (Prodigy's span interfaces have no place for them), or label them in Label Studio"
_LEFT_OUT = ("reject", "ignore")


def export(entries: Iterable[Entry], path: str | Path) -> int:
    lines = [json.dumps(task(entry), ensure_ascii=False) + "\n" for entry in entries]
    write_atomic(Path(path), "".join(lines))
    return len(lines)


def task(entry: Entry) -> dict[str, Any]:
    article = entry.article
    spans = entry.raw.get("spans", [])
    tokens = tokenize(article.text, [(span["start"], span["end"]) for span in spans])
    first = {token["start"]: token["id"] for token in tokens}
    last = {token["end"]: token["id"] for token in tokens}
    return {
        "text": article.text,
        "meta": {"id": article.id},
        KEY: payload(entry),
        "tokens": tokens,
        "spans": [
            {key: span[key] for key in ("start", "end", "text", "label")}
            | {"token_start": first[span["start"]], "token_end": last[span["end"]]}
            for span in spans
        ],
    }


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import spacy

    return spacy.blank("es").tokenizer


def tokenize(text: str, spans: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """spaCy's Spanish tokens, cut so that every span starts and ends on a
    token; the space after a word is a token of its own only where a span
    starts on it or ends after it."""
    edges = {edge for span in spans for edge in span}
    pieces: list[tuple[int, int, bool]] = []  # start, end, followed by a space
    for token in _tokenizer()(text):
        start, end = token.idx, token.idx + len(token.text)
        space = bool(token.whitespace_)
        needed = space and any(s == end or e == end + 1 for s, e in spans)
        pieces.append((start, end, space and not needed))
        if needed:
            pieces.append((end, end + 1, False))
    tokens: list[dict[str, Any]] = []
    for start, end, space in pieces:
        cuts = [start, *sorted(edge for edge in edges if start < edge < end), end]
        for left, right in zip(cuts, cuts[1:]):
            ws = space and right == end
            tokens.append({"text": text[left:right], "start": left, "end": right, "id": len(tokens), "ws": ws})
    return tokens


def import_(path: str | Path) -> ImportResult:
    """Records from `prodigy db-out` JSON Lines (or the tasks afirma wrote)."""
    found = read_tasks(path)
    result = ImportResult(found.path, "Prodigy", problems=list(found.problems))
    for line, item in found.tasks:
        result.tasks += 1
        _import_task(item, line, result)
    return result


def _import_task(item: Any, line: int, result: ImportResult) -> None:
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        result.fail(line, "not a Prodigy text task (no text)")
        return
    if "claims" in item and KEY not in item:
        result.fail(
            line, "this is an afirma record, not a Prodigy task; afirma import reads what Prodigy's db-out writes"
        )
        return
    carried, why = unpack(item.get(KEY))
    article_id = _article_id(item, carried, line)
    if why:
        result.warn(line, why, article_id)
    if item.get("answer") in _LEFT_OUT:
        result.warn(line, f"answered {item['answer']!r} in Prodigy; not imported", article_id)
        return
    spans, errors = _spans(item)
    for error in errors:
        result.fail(line, error, article_id)
    if errors:
        return
    origin = "answer" if "answer" in item else "unanswered task"
    result.accept(rebuild(item["text"], spans, carried, article_id), carried, line, None, _HOW, origin)


def _article_id(item: dict[str, Any], carried: dict[str, Any] | None, line: int) -> str:
    if carried and isinstance(carried["record"].get("id"), str):
        return carried["record"]["id"]
    meta = item.get("meta") if isinstance(item.get("meta"), dict) else {}
    if isinstance(meta.get("id"), str) and meta["id"]:
        return meta["id"]
    return f"input-{item['_input_hash']}" if "_input_hash" in item else f"line-{line}"


def _spans(item: dict[str, Any]) -> tuple[list[ToolSpan], list[str]]:
    text, tokens = item["text"], item.get("tokens") or []
    spans, errors = [], []
    for index, span in enumerate(item.get("spans") or []):
        place = _place(span, tokens) if isinstance(span, dict) else None
        label = span.get("label") if isinstance(span, dict) else None
        if place is None or not isinstance(label, str):
            errors.append(
                f"spans[{index}]: needs a label and start/end (or token_start/token_end with tokens): {span!r}"
            )
        elif not 0 <= place[0] < place[1] <= len(text):
            errors.append(f"spans[{index}]: offsets {place[0]}:{place[1]} are outside the text (length {len(text)})")
        elif isinstance(span.get("text"), str) and span["text"] != text[place[0] : place[1]]:
            errors.append(
                f"spans[{index}]: offsets {place[0]}:{place[1]} select {text[place[0] : place[1]]!r}, not {span['text']!r}"
            )
        else:
            spans.append(ToolSpan(place[0], place[1], label))
    return spans, errors


def _place(span: dict[str, Any], tokens: list[Any]) -> tuple[int, int] | None:
    start, end = span.get("start"), span.get("end")
    if type(start) is int and type(end) is int:
        return start, end
    first, last = span.get("token_start"), span.get("token_end")
    if type(first) is int and type(last) is int and 0 <= first <= last < len(tokens):
        try:
            return int(tokens[first]["start"]), int(tokens[last]["end"])
        except (KeyError, TypeError, ValueError):
            return None
    return None
