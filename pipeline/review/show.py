"""Predictions alone as one self-contained HTML page (`afirma show --html`).

For a reader with no gold file: a fact-checker opening what afirma found.
The page runs nothing and loads nothing (`html_page`). An index links to
every article with its counts (when there is more than one); each article
shows its text with the spans highlighted in their label's colour (the
tooltip gives the canonical name or the value, and the rule), and one card
per claim: the number as written, linked to its place in the text, its
value the Spanish way (`spanish`, exact digits in the tooltip), unit,
subject, hardware, organisations, modality, source, date, confidence and
the cues that say why. Each number that anchors a claim is followed in the
text by a link to its card.

Confidence is shown only when the records carry it: older files, and gold
files, have none. Where a claim has a per-field confidence, a doubtful
field (under one half) is marked on its card.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipeline.review import spanish
from pipeline.review.highlight import highlight
from pipeline.review.html_page import cue_list, document, e, listed
from schemas.models import LABELS, NUMBER_LABELS, Article, Claim

# Background per label; the legend repeats it.
COLOURS = {
    "ORG": "#bbdefb", "PER": "#e1bee7", "HARDWARE": "#b2dfdb", "MONEY": "#c8e6c9", "CARDINAL": "#ffe0b2",
    "PERCENT": "#f8bbd0", "QUANTITY": "#fff59d", "DURATION": "#d7ccc8", "DATE": "#e0e0e0",
}
MODALITY_COLOURS = {
    "asserted": "#546e7a", "planned": "#1565c0", "estimated": "#ef6c00", "alleged": "#c62828", "uncertain": "#6a1b9a",
}
DOUBT = 0.5  # a field confidence under this is marked doubtful
CARD_FIELDS = ("unit", "subject", "hardware", "orgs", "modality", "source", "date")

_STYLE = (
    "".join(f".lab-{label} {{ background: {colour}; }}\n" for label, colour in COLOURS.items())
    + "".join(f".m-{name} {{ background: {colour}; }}\n" for name, colour in MODALITY_COLOURS.items())
    + """
.hl { border-radius: 3px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: .8rem; margin-top: 1rem; }
.card { border: 1px solid #ccc; border-radius: 6px; padding: .5rem .7rem; background: #fcfcfc; font-size: .9rem; }
.card header { display: flex; flex-wrap: wrap; gap: .3rem .5rem; align-items: baseline; }
.tag { font-size: .75rem; font-weight: 600; padding: 0 .3em; border-radius: 3px; }
.modality { color: #fff; font-size: .75rem; padding: 0 .4em; border-radius: 3px; }
.quote { font-size: 1.05rem; margin: .4rem 0; }
.card dl { display: grid; grid-template-columns: max-content 1fr; gap: .05rem .6rem; margin: .3rem 0; }
.card dt { color: #666; } .card dd { margin: 0; }
.card dd.doubt { text-decoration: underline dotted #e65100; }
.value { font-weight: 600; }
table.index th:nth-child(1) { width: 5% } table.index th:nth-child(2) { width: 55% }
"""
)


def render_show(articles: list[Article], *, names: list[str]) -> str:
    """The page for `articles`, read from the files `names` (shown in the title)."""
    title = f"afirma show: {', '.join(names)}"
    spans = sum(len(article.spans) for article in articles)
    claims = sum(len(article.claims) for article in articles)
    body = [
        f'<h1 id="index">{e(title)}</h1>',
        f'<p class="files">{len(articles)} articles, {spans} spans, {claims} claims.</p>',
        _legend(),
    ]
    if len(articles) > 1:
        body.append(_index(articles))
    body += [_section(article, number) for number, article in enumerate(articles, start=1)]
    return document(title, _STYLE, body)


def _legend() -> str:
    items = "".join(f'<span><span class="hl lab-{label}">{e(label)}</span></span>' for label in LABELS)
    explain = "hover a highlight for its canonical name or value; cN after a number links to its claim card"
    return f'<p class="legend">{items}</p><p class="notes">{e(explain)}</p>'


def confidences(article: Article) -> list[float]:
    return [value for claim in article.claims if isinstance(value := getattr(claim, "confidence", None), (int, float))]


def _index(articles: list[Article]) -> str:
    rated = any(confidences(article) for article in articles)
    names = ["#", "article", "spans", "numbers", "claims"] + (["least confidence"] if rated else [])
    header = "".join(f'<th class="{"num" if n > 1 else ""}">{e(name)}</th>' for n, name in enumerate(names))
    rows = []
    for number, article in enumerate(articles, start=1):
        counts = [len(article.spans), sum(span.label in NUMBER_LABELS for span in article.spans), len(article.claims)]
        cells = [e(count) for count in counts]
        if rated:
            found = confidences(article)
            cells.append(e(spanish.share(min(found)) if found else spanish.NONE))
        rows.append(
            f'<tr><td class="num">{number}</td><td><a href="#article-{number}">{e(article.id)}</a></td>'
            + "".join(f'<td class="num">{cell}</td>' for cell in cells)
            + "</tr>"
        )
    return f'<table class="index"><thead><tr>{header}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _section(article: Article, number: int) -> str:
    anchors = {(span.start, span.end) for span in article.spans}
    cards = [_card(article, claim, number, k, (claim.anchor.start, claim.anchor.end) in anchors)
             for k, claim in enumerate(article.claims, start=1)]
    return "\n".join(
        [
            f'<section class="article" id="article-{number}">',
            f"<h2>{number}. {e(article.id)}</h2>",
            f'<p class="summary">{e(_summary(article))} <a class="back" href="#index">↑ index</a></p>',
            f'<div class="text">{highlight(article.text, span_marks(article, number))}</div>',
            f'<div class="cards">{"".join(cards)}</div>' if cards else '<p class="notes">No claims.</p>',
            "</section>",
        ]
    )


def _summary(article: Article) -> str:
    meta = article.meta
    parts = [f"{len(article.spans)} spans, {len(article.claims)} claims"]
    parts += [f"{name} {value}" for name, value in (
        ("model", meta.model), ("country", meta.country), ("number style", meta.number_style)) if value]
    if meta.dropped:
        parts.append(f"{len(meta.dropped)} dropped (see meta.dropped)")
    if meta.note:
        parts.append(meta.note)
    return "; ".join(parts)


def card_id(article_number: int, claim_number: int) -> str:
    return f"a{article_number}-c{claim_number}"


@dataclass(frozen=True)
class SpanMark:
    """A span in the text, in its label's colour; a claim's anchor links to its card."""

    start: int
    end: int
    label: str
    note: str
    card: str | None = None  # the id of the card of the claim anchored here
    claim_number: int = 0
    rank: int = 0

    def open(self, first: bool) -> str:
        if first:
            data = f'data-label="{e(self.label)}" data-start="{self.start}" data-end="{self.end}"'
            data += f' id="{self.card}-t"' if self.card else ""
        else:
            data = 'data-cont="1"'
        return f'<span class="hl lab-{e(self.label)}" {data} title="{e(self.note)}">'

    def close(self, last: bool) -> str:
        if last and self.card:
            return f'</span><a class="ref" href="#{self.card}">c{self.claim_number}</a>'
        return "</span>"


def span_note(span: Any) -> str:
    """What a span was read as: its canonical name, its value, its rule."""
    if span.label in NUMBER_LABELS:
        what = spanish.amount(span) + (f" {span.unit}" if span.unit else "")
    elif span.label == "DATE":
        what = span.value
    else:
        what = span.canonical + (f" ({span.kind})" if span.label == "HARDWARE" else "")
    return f"{span.label} · {what}" + (f" · rule {span.rule}" if span.rule else "")


def span_marks(article: Article, number: int) -> list[SpanMark]:
    claims = {(claim.anchor.start, claim.anchor.end): k for k, claim in enumerate(article.claims, start=1)}
    found = []
    for span in article.spans:
        k = claims.get((span.start, span.end))
        card = card_id(number, k) if k else None
        found.append(SpanMark(span.start, span.end, span.label, span_note(span), card, k or 0))
    return found


def _card(article: Article, claim: Claim, number: int, k: int, linked: bool) -> str:
    written = e(f"«{article.text[claim.anchor.start:claim.anchor.end]}»")
    quote = f'<a href="#{card_id(number, k)}-t">{written}</a>' if linked else written
    header = (
        f'<header><span class="tag lab-{e(claim.label)}">{e(claim.label)}</span> <span>c{k}</span>'
        f' <span class="modality m-{e(claim.modality)}">{e(claim.modality)}</span>{_confidence_badge(claim)}</header>'
    )
    cues = f'<p class="cues">cues: {cue_list(claim.cues)}</p>' if claim.cues else ""
    return (
        f'<article class="card" id="{card_id(number, k)}" data-claim="{k}">{header}'
        f'<p class="quote">{quote}</p><dl>{_fields(claim)}</dl>{cues}</article>'
    )


def _confidence_badge(claim: Claim) -> str:
    confidence = getattr(claim, "confidence", None)
    if not isinstance(confidence, (int, float)):
        return ""
    return f' <span class="notes" title="confidence">{e(spanish.share(confidence))}</span>'


def _fields(claim: Claim) -> str:
    exact = spanish.amount(claim, spanish.digits)
    rows = [f'<dt>value</dt><dd class="value" title="{e(exact)}">{e(spanish.amount(claim))}</dd>']
    by_field = getattr(claim, "field_confidence", None) or {}
    for name in CARD_FIELDS:
        sure = by_field.get(name) if isinstance(by_field, dict) else None
        hint = ""
        if isinstance(sure, (int, float)):
            hint = f' title="confidence {e(spanish.share(sure))}"' + (' class="doubt"' if sure < DOUBT else "")
        rows.append(f"<dt>{e(name)}</dt><dd{hint}>{listed(getattr(claim, name))}</dd>")
    confidence = getattr(claim, "confidence", None)
    if isinstance(confidence, (int, float)):
        rows.append(f"<dt>confidence</dt><dd>{e(spanish.share(confidence))}</dd>")
    return "".join(rows)
