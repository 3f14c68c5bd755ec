"""The tables of `afirma export --format csv|parquet` and `pipeline.to_frame`:
one row per claim, or one row per span.

Every column has a kind, which fixes its type in every format:

| kind   | CSV                                  | Parquet        | pandas    |
|--------|--------------------------------------|----------------|-----------|
| string | the text, empty when null            | string         | "string"  |
| int    | digits                               | int64          | "Int64"   |
| float  | as Python writes it (1500000, 0.25)  | double         | "Float64" |
| bool   | true / false, empty when null        | bool           | "boolean" |
| list   | a JSON array: ["NVIDIA H100"], []    | list<string>   | list      |

Lists are JSON in CSV because names hold commas and cues hold colons and
arrows: a JSON array is the one flattening that any reader can undo
(DuckDB: `from_json(hardware, '["VARCHAR"]')`, pandas: `json.loads`).
CSV carries no types: a column empty in every row (`confidence` of a gold
file) is text to a reader that guesses; Parquet keeps every type.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from schemas.models import NUMBER_LABELS, Article, claim_id


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # string, int, float, bool, list
    about: str


CLAIM_COLUMNS = (
    Column("article_id", "string", "The article's id."),
    Column(
        "claim_id",
        "string",
        "The claim's id; where a file gives none (gold files), the one afirma gives it, so gold and predicted rows join.",
    ),
    Column("label", "string", "The number's label: CARDINAL, MONEY, PERCENT, QUANTITY or DURATION."),
    Column("number_text", "string", "The number as written in the article (its anchor span)."),
    Column("start", "int", "Where the number starts in the article's text (a Python string index)."),
    Column("end", "int", "Where the number ends (exclusive)."),
    Column("sentence", "string", "The sentence that holds the number."),
    Column("value", "float", "The number, fully scaled; empty for a range or bound."),
    Column("low", "float", "Lower end of a range, or a lower bound."),
    Column("high", "float", "Upper end of a range, or an upper bound."),
    Column("approx", "bool", "Whether the text hedges the number."),
    Column("unit", "string", "What is counted or measured (ISO code for money)."),
    Column("subject", "string", "What the number is about."),
    Column("hardware", "list", "Chips tied to the number."),
    Column("orgs", "list", "Organisations tied to the claim."),
    Column("modality", "string", "asserted, planned, estimated, alleged or uncertain."),
    Column("source", "string", "Who says so; empty for the article's own voice."),
    Column("date", "string", "The date the claim refers to (ISO 8601)."),
    Column(
        "confidence",
        "float",
        "How likely all the claim's fields are right; empty where the record has none (gold files).",
    ),
    Column("cues", "list", "Why the fields were set: the rules and cue words used."),
)

SPAN_COLUMNS = (
    Column("article_id", "string", "The article's id."),
    Column("start", "int", "Where the span starts in the article's text (a Python string index)."),
    Column("end", "int", "Where the span ends (exclusive)."),
    Column("text", "string", "The span as written."),
    Column("label", "string", "ORG, PER, HARDWARE, CARDINAL, MONEY, PERCENT, QUANTITY, DURATION or DATE."),
    Column("canonical", "string", "The usual name (ORG, PER, HARDWARE)."),
    Column("kind", "string", "chip or system (HARDWARE)."),
    Column("value", "float", "The number, fully scaled (number spans)."),
    Column("low", "float", "Lower end of a range, or a lower bound (number spans)."),
    Column("high", "float", "Upper end of a range, or an upper bound (number spans)."),
    Column("approx", "bool", "Whether the text hedges the number (number spans)."),
    Column("unit", "string", "The unit inside the span (number spans)."),
    Column("date", "string", "The ISO 8601 value (DATE spans)."),
    Column("rule", "string", "Which recogniser rule found the span (predictions)."),
)

COLUMNS = {"claims": CLAIM_COLUMNS, "spans": SPAN_COLUMNS}
TABLES = tuple(COLUMNS)


def rows(articles: Iterable[Article], table: str = "claims") -> Iterator[dict[str, Any]]:
    if table not in COLUMNS:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(TABLES)}")
    make = _claim_row if table == "claims" else _span_row
    for article in articles:
        for item in article.claims if table == "claims" else article.spans:
            yield make(article, item)


def _claim_row(article: Article, claim: Any) -> dict[str, Any]:
    text, anchor, sentence = article.text, claim.anchor, claim.sentence
    confidence = getattr(claim, "confidence", None)  # absent from records made before it existed
    return {
        "article_id": article.id,
        "claim_id": claim.id or claim_id(article.id, anchor.start, anchor.end, claim.label),
        "label": claim.label,
        "number_text": text[anchor.start : anchor.end],
        "start": anchor.start,
        "end": anchor.end,
        "sentence": text[sentence.start : sentence.end],
        **{name: getattr(claim, name) for name in ("value", "low", "high", "approx", "unit", "subject")},
        "hardware": list(claim.hardware),
        "orgs": list(claim.orgs),
        **{name: getattr(claim, name) for name in ("modality", "source", "date")},
        "confidence": confidence if isinstance(confidence, (int, float)) and not isinstance(confidence, bool) else None,
        "cues": list(claim.cues),
    }


def _span_row(article: Article, span: Any) -> dict[str, Any]:
    number = span.label in NUMBER_LABELS
    row = {"article_id": article.id, "start": span.start, "end": span.end, "text": span.text, "label": span.label}
    row.update({name: getattr(span, name, None) for name in ("canonical", "kind", "low", "high", "unit", "rule")})
    row["value"] = span.value if number else None
    row["approx"] = span.approx if number else None
    row["date"] = span.value if span.label == "DATE" else None
    return {column.name: row[column.name] for column in SPAN_COLUMNS}
