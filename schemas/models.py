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
    start: NonNegativeInt = Field(description="Offset of the first character: a Python string index into the article's `text` (code points).")
    end: NonNegativeInt = Field(description="Offset just past the last character (exclusive), so `text[start:end]` is the span.")

    @model_validator(mode="after")
    def _ordered(self) -> "Offsets":
        if self.end <= self.start:
            raise ValueError(f"end ({self.end}) must be greater than start ({self.start})")
        return self


class _SpanBase(Offsets):
    text: str = Field(description="The span's characters exactly as written, `text[start:end]` of the article.")
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
    label: Literal["ORG", "PER"] = Field(description="ORG: a company, lab, outlet, university or public body; PER: a person.")
    canonical: str = Field(
        min_length=1,
        description=(
            "The name everyone uses for it: the usual English name where one is established (\"Ministry of Mines and"
            " Energy\"), without legal form; a person's full name where the article gives it."
        ),
    )


class HardwareSpan(_SpanBase):
    label: Literal["HARDWARE"] = Field(description="A named chip or computing system.")
    canonical: str = Field(min_length=1, description="Vendor and product for a chip (\"NVIDIA H100\"), the system's own name for a system (\"Colossus\").")
    kind: Literal["chip", "system"] = Field(description="chip: a processor or accelerator model; system: a named cluster, supercomputer, rack or server.")


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
    label: NumberLabel = Field(description="CARDINAL (a count), MONEY, PERCENT, QUANTITY (a measure: MW, GB, litres...) or DURATION.")
    value: int | float | None = Field(default=None, description="The number, normalised (\"80.000 millones\" is 80000000000); null for a range or bound.")
    low: int | float | None = Field(default=None, description="Lower end of a range, or the bound of \"más de\" / \"al menos\"; null otherwise.")
    high: int | float | None = Field(default=None, description="Upper end of a range, or the bound of \"hasta\" / \"menos de\"; null otherwise.")
    approx: bool = Field(default=False, description="True when the text hedges the number (\"unos\", \"cerca de\", \"alrededor de\").")
    unit: str | None = Field(
        default=None,
        description="MONEY: ISO 4217 code (USD); QUANTITY: the unit symbol (MW, GB, m3); DURATION: the English singular (year); none for CARDINAL and PERCENT.",
    )

    _amount = model_validator(mode="after")(_check_amount)


class DateSpan(_SpanBase):
    label: Literal["DATE"] = Field(description="A calendar date, month or year.")
    value: str = Field(description="ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD, or --MM-DD for a day with no year.")

    @field_validator("value")
    @classmethod
    def _iso(cls, value: str) -> str:
        if not _ISO_DATE.match(value):
            raise ValueError(f"DATE value {value!r} is not ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD, or --MM-DD for a day with no year)")
        return value


Span = Annotated[Union[NameSpan, HardwareSpan, NumberSpan, DateSpan], Field(discriminator="label")]


class Claim(Record):
    id: str | None = Field(default=None, description="Stable across runs: hash of article id, anchor and label.")
    anchor: Offsets = Field(description="Offsets of the number span the claim is about.")
    label: NumberLabel = Field(description="The anchor span's label.")
    value: int | float | None = Field(default=None, description="The number, normalised (\"80.000 millones\" is 80000000000); null for a range or bound.")
    low: int | float | None = Field(default=None, description="Lower end of a range, or the bound of \"más de\" / \"al menos\"; null otherwise.")
    high: int | float | None = Field(default=None, description="Upper end of a range, or the bound of \"hasta\" / \"menos de\"; null otherwise.")
    approx: bool = Field(default=False, description="True when the text hedges the number (\"unos\", \"cerca de\", \"alrededor de\").")
    unit: str | None = Field(
        default=None,
        description=(
            "What is counted or measured: the counted noun's singular (\"GPU\", \"centro de datos\"), the ISO code for"
            " money, the span's unit for measures, a rate as unit/denominator (\"USD/year\")."
        ),
    )
    subject: str | None = Field(default=None, description="Canonical name of what the number is about (a system, a company, a chip); null when none.")
    hardware: list[str] = Field(default_factory=list, description="Canonical names of the chips tied to the number itself.")
    orgs: list[str] = Field(default_factory=list, description="Canonical names of the organisations tied to the claim in its clause (not the source, not outlets).")
    modality: Modality = Field(
        default="asserted",
        description="asserted (stated as fact), planned (intent, future), estimated, alleged (hearsay, unnamed sources) or uncertain (doubted).",
    )
    source: str | None = Field(default=None, description="Canonical name of who says so, where the text attributes it; null for the article's own voice.")
    date: str | None = Field(default=None, description="ISO value of the DATE in the number's own clause that the claim refers to; null when none.")
    sentence: Offsets = Field(description="Offsets of the sentence that holds the anchor.")
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

    start: NonNegativeInt = Field(description="Offset of the dropped span's or claim anchor's first character.")
    end: NonNegativeInt = Field(description="Offset just past its last character.")
    text: str = Field(description="Its characters as written.")
    label: str = Field(description="The span's label, or \"claim\".")
    reason: str = Field(description="Why the record model refused it.")


class Meta(Record):
    """Free-form in the contract; the fields afirma itself writes are named here."""

    split: Literal["dev", "test"] | None = Field(
        default=None, description="Gold files: dev (read while building the rules) or test (kept out of that loop)."
    )
    language: str | None = Field(default=None, description="ISO 639-1 language of the text (\"es\").")
    source: str | None = Field(default=None, description="Where the article comes from, in words (gold files).")
    path: str | None = Field(default=None, description="The input file the article was read from.")
    model: str | None = Field(default=None, description="spaCy model used, as name==version.")
    afirma_version: str | None = Field(default=None, description="Version of afirma that wrote the record.")
    encoding: str | None = Field(default=None, description="The text encoding the input was decoded from.")
    note: str | None = Field(default=None, description="A remark about the article (an empty file, how it was written).")
    country: str | None = Field(
        default=None, description="The outlet's country (ISO 3166-1 alpha-2), given with the article or read from its text; None when unclear."
    )
    country_source: str | None = Field(
        default=None,
        description="\"given\" (by the caller; \"given: ...\" when a web page's domain or locale gave it), or the evidence in the text that decided the country.",
    )
    number_style: str | None = Field(
        default=None,
        description="The article's number convention: \"es-ES\" (1.500 millones, 1,5 GW) or \"es-MX\" (1,500 millones, 1.5 GW).",
    )
    number_style_source: str | None = Field(default=None, description="What decided the number convention: the text's numbers, the country, or the default.")
    dollar_sign: str | None = Field(default=None, description="The currency a bare \"$\" was read as (ISO 4217).")
    dropped: list[Dropped] | None = Field(
        default=None, description="Spans and claims afirma found but could not make valid, with the reason."
    )
    title: str | None = Field(default=None, description="A web page's title; the record's text starts with it, as its first line.")
    url: str | None = Field(default=None, description="The article's address: the page's canonical URL, else where it was fetched or crawled from.")
    outlet: str | None = Field(default=None, description="The site that published it, as it names itself (og:site_name, else its metadata's publisher), else its host name.")
    published: str | None = Field(default=None, description="Publication date as the page gives it (ISO 8601, YYYY-MM-DD), found by htmldate.")
    extractor: str | None = Field(
        default=None, description="What took the main text out of a web page, as name==version (e.g. trafilatura==2.3.1)."
    )


class Article(Record):
    id: str = Field(min_length=1, description="The article's id: its file name without .txt, or the id given.")
    text: str = Field(description="The article's text; every offset indexes it.")
    spans: list[Span] = Field(default_factory=list, description="Names, numbers and dates, sorted by start, never overlapping.")
    claims: list[Claim] = Field(default_factory=list, description="One claim per number that states something.")
    meta: Meta = Field(default_factory=Meta, description="About the article and how it was processed.")

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
