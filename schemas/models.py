"""The one definition of every record afirma reads or writes.

The annotation contract (gold files and predictions share it) is encoded
here; the JSON Schema files next to this module are generated from these
models by ``python -m schemas`` and a test keeps them in step.
"""

from __future__ import annotations

import hashlib
import re
from typing import Annotated, Any, Literal, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    NonNegativeInt,
    field_validator,
    model_validator,
)

NUMBER_LABELS = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY", "DURATION")
NAME_LABELS = ("ORG", "PER", "HARDWARE")
LABELS = NAME_LABELS + NUMBER_LABELS + ("DATE",)
MODALITIES = ("asserted", "planned", "estimated", "alleged", "uncertain")

NumberLabel = Literal["CARDINAL", "MONEY", "PERCENT", "QUANTITY", "DURATION"]
Modality = Literal["asserted", "planned", "estimated", "alleged", "uncertain"]

_ISO_DATE = re.compile(r"^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|--\d{2}-\d{2})$")


class Record(BaseModel):
    """Shared settings: records are plain data, compared by value.

    Unknown fields are kept, not rejected: the contract lets predictions
    carry extra fields, and files written by other tools must load.
    """

    model_config = ConfigDict(extra="allow", frozen=False, validate_assignment=False)


class Offsets(Record):
    start: NonNegativeInt
    end: NonNegativeInt

    @model_validator(mode="after")
    def _ordered(self) -> "Offsets":
        if self.end <= self.start:
            raise ValueError(f"end ({self.end}) must be greater than start ({self.start})")
        return self


class _SpanBase(Offsets):
    text: str
    rule: str | None = Field(
        default=None, description="Which recogniser rule produced the span (predictions only)."
    )

    @model_validator(mode="after")
    def _text_length(self) -> "_SpanBase":
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"text {self.text!r} has {len(self.text)} characters but the offsets"
                f" {self.start}:{self.end} span {self.end - self.start}"
            )
        return self


class NameSpan(_SpanBase):
    label: Literal["ORG", "PER"]
    canonical: str = Field(min_length=1)


class HardwareSpan(_SpanBase):
    label: Literal["HARDWARE"]
    canonical: str = Field(min_length=1)
    kind: Literal["chip", "system"]


def _check_amount(record):
    """A number is a `value`, or a range or bound in `low`/`high`."""
    has_range = record.low is not None or record.high is not None
    if record.value is None and not has_range:
        raise ValueError("a number needs `value` or at least one of `low`/`high`")
    if record.value is not None and has_range:
        raise ValueError("give `value` or `low`/`high`, not both")
    if record.low is not None and record.high is not None and record.low > record.high:
        raise ValueError(f"low ({record.low}) is greater than high ({record.high})")
    return record


class NumberSpan(_SpanBase):
    label: NumberLabel
    value: int | float | None = None
    low: int | float | None = None
    high: int | float | None = None
    approx: bool = False
    unit: str | None = None

    _amount = model_validator(mode="after")(_check_amount)


class DateSpan(_SpanBase):
    label: Literal["DATE"]
    value: str

    @field_validator("value")
    @classmethod
    def _iso(cls, value: str) -> str:
        if not _ISO_DATE.match(value):
            raise ValueError(f"DATE value {value!r} is not ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD, or --MM-DD for a day with no year)")
        return value


Span = Annotated[Union[NameSpan, HardwareSpan, NumberSpan, DateSpan], Field(discriminator="label")]


class Claim(Record):
    id: str | None = Field(default=None, description="Stable across runs: hash of article id, anchor and label.")
    anchor: Offsets
    label: NumberLabel
    value: int | float | None = None
    low: int | float | None = None
    high: int | float | None = None
    approx: bool = False
    unit: str | None = None
    subject: str | None = None
    hardware: list[str] = Field(default_factory=list)
    orgs: list[str] = Field(default_factory=list)
    modality: Modality = "asserted"
    source: str | None = None
    date: str | None = None
    sentence: Offsets
    cues: list[str] = Field(
        default_factory=list,
        description="Why the fields were set: the cue words and rules used (predictions only).",
    )
    confidence: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description=(
            "How likely all the claim's fields are right: the product of `field_confidence`. Sort by it to review the"
            " most doubtful claims first (predictions only)."
        ),
    )
    field_confidence: dict[str, float] | None = Field(
        default=None,
        description=(
            "Per field (unit, subject, hardware, modality, source, orgs, date): the share of dev claims whose field was"
            " decided by the same rule and agreed with the gold, smoothed (predictions only)."
        ),
    )

    _amount = model_validator(mode="after")(_check_amount)

    @model_validator(mode="after")
    def _sentence_holds_anchor(self) -> "Claim":
        if not (self.sentence.start <= self.anchor.start and self.anchor.end <= self.sentence.end):
            raise ValueError(
                f"sentence {self.sentence.start}:{self.sentence.end} does not contain"
                f" the anchor {self.anchor.start}:{self.anchor.end}"
            )
        return self


def claim_id(article_id: str, start: int, end: int, label: str) -> str:
    """An id that depends only on where the claim is, so reruns agree."""
    digest = hashlib.sha1(f"{article_id}\x1f{start}\x1f{end}\x1f{label}".encode()).hexdigest()
    return f"c-{digest[:16]}"


class Dropped(Record):
    """A span or claim that a model refused, left out so that the rest of its
    article is kept (predictions only)."""

    start: NonNegativeInt
    end: NonNegativeInt
    text: str
    label: str = Field(description="The span's label, or \"claim\".")
    reason: str


class Meta(Record):
    """Free-form in the contract; the fields afirma itself writes are named here."""

    split: Literal["dev", "test"] | None = None
    language: str | None = None
    source: str | None = None
    path: str | None = None
    model: str | None = Field(default=None, description="spaCy model used, as name==version.")
    afirma_version: str | None = None
    encoding: str | None = None
    note: str | None = None
    country: str | None = Field(
        default=None, description="The outlet's country (ISO 3166-1 alpha-2), given with the article or read from its text; None when unclear."
    )
    country_source: str | None = Field(default=None, description="\"given\", or the evidence in the text that decided the country.")
    number_style: str | None = Field(
        default=None,
        description="The article's number convention: \"es-ES\" (1.500 millones, 1,5 GW) or \"es-MX\" (1,500 millones, 1.5 GW).",
    )
    number_style_source: str | None = Field(default=None, description="What decided the number convention: the text's numbers, the country, or the default.")
    dollar_sign: str | None = Field(default=None, description="The currency a bare \"$\" was read as (ISO 4217).")
    dropped: list[Dropped] | None = Field(
        default=None, description="Spans and claims afirma found but could not make valid, with the reason."
    )


class Article(Record):
    id: str = Field(min_length=1)
    text: str
    spans: list[Span] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    meta: Meta = Field(default_factory=Meta)

    @model_validator(mode="after")
    def _consistent(self) -> "Article":
        problems = list(article_problems(self))
        if problems:
            raise ValueError("; ".join(problems))
        return self


def article_problems(article: Article) -> list[str]:
    """Cross-field rules of the contract that no single field can check."""
    problems: list[str] = []
    text = article.text
    previous = None
    number_anchors: dict[tuple[int, int], Any] = {}
    for index, span in enumerate(article.spans):
        where = f"spans[{index}] {span.start}:{span.end} {span.text!r}"
        if span.end > len(text):
            problems.append(f"{where}: end is past the end of the text ({len(text)})")
        elif text[span.start : span.end] != span.text:
            problems.append(
                f"{where}: text[{span.start}:{span.end}] is {text[span.start:span.end]!r}"
            )
        if previous is not None:
            if span.start < previous.start:
                problems.append(f"{where}: spans are not sorted by start")
            elif span.start < previous.end:
                problems.append(
                    f"{where}: overlaps {previous.label} {previous.start}:{previous.end}"
                    f" {previous.text!r}"
                )
        previous = span
        if span.label in NUMBER_LABELS:
            number_anchors[(span.start, span.end)] = span
    for index, claim in enumerate(article.claims):
        where = f"claims[{index}] anchor {claim.anchor.start}:{claim.anchor.end}"
        span = number_anchors.get((claim.anchor.start, claim.anchor.end))
        if span is None:
            problems.append(f"{where}: anchor is not a number span")
        elif span.label != claim.label:
            problems.append(f"{where}: label {claim.label} differs from the span's {span.label}")
        if claim.sentence.end > len(text):
            problems.append(f"{where}: sentence ends past the end of the text")
    return problems
