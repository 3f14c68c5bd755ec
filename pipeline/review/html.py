"""A `DiffReport` as one self-contained HTML page for reviewers.

The page runs nothing and loads nothing (`html_page`). It opens with the
overall figures and an index of the articles, worst first (`ranking`), each
linked to its section with its span F1, claim F1 and field agreement; the
sections follow in the same order.

In the text, gold spans are underlined and predicted spans have a
background; the colour says match, boundary, label, missed or spurious,
and a dotted outline marks a pair whose normalised fields disagree (the
tooltip says which). Each span is one element carrying data-side,
data-label, data-start, data-end and data-status. Where a gold and a
predicted span cross, one of them has to be cut into pieces to keep the
HTML nested; the later pieces carry data-cont instead of data-side, so
counting elements with data-side counts spans. A claim that differs is
marked over its number too (data-claim, a wavy underline) and followed by
a link to its row in the claims table (`html_claims`).
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.review import ranking, spanish
from pipeline.review.diff import ArticleDiff, ClaimDiff, DiffReport, FieldDiff, SpanDiff
from pipeline.review.highlight import highlight
from pipeline.review.html_claims import STYLE as CLAIMS_STYLE
from pipeline.review.html_claims import claim_id, claims_section, status
from pipeline.review.html_page import document, e
from pipeline.review.tables import figure

__all__ = ["Mark", "highlight", "marks", "render_html"]

_STYLE = """
.hl.gold { border-bottom: 3px solid; }
.hl.gold.match { border-color: #2e7d32; }
.hl.gold.boundary { border-color: #e65100; }
.hl.gold.label { border-color: #6a1b9a; }
.hl.gold.missed { border-color: #c62828; border-bottom-style: double; border-bottom-width: 4px; }
.hl.pred.match { background: #c8e6c9; }
.hl.pred.boundary { background: #ffe0b2; }
.hl.pred.label { background: #e1bee7; }
.hl.pred.spurious { background: #ffcdd2; }
.hl.fields { outline: 2px dotted #b71c1c; }
.hl[data-side]::before { content: attr(data-label); font-size: .62em; font-weight: 600; letter-spacing: .03em;
  vertical-align: super; margin-right: .15em; }
.hl.gold[data-side]::before { color: #333; }
.hl.pred[data-side]::before { color: #8e0000; }
/* A predicted span with the gold label says nothing new: show the label once. */
.hl.pred.match[data-side]::before, .hl.pred.boundary[data-side]::before { content: none; }
.cm { text-decoration: underline wavy #b71c1c; text-underline-offset: .35em; }
.ref.cm-ref { color: #b71c1c; }
table.index th:nth-child(1) { width: 4% } table.index th:nth-child(2) { width: 44% }
td.band-low { background: #ffcdd2; } td.band-mid { background: #ffe0b2; } td.band-high { background: #c8e6c9; }
.figures { font-weight: 600; }
"""

_LEGEND = [
    ("hl gold match", "gold span, matched"),
    ("hl gold boundary", "gold span, boundaries differ"),
    ("hl gold label", "gold span, other label predicted"),
    ("hl gold missed", "gold span, missed"),
    ("hl pred match", "prediction, matched"),
    ("hl pred boundary", "prediction, boundaries differ"),
    ("hl pred label", "prediction, other label"),
    ("hl pred spurious", "prediction, spurious"),
    ("hl pred match fields", "fields disagree"),
    ("cm", "claim missed, spurious or differing"),
]


def render_html(report: DiffReport, *, gold_name: str, pred_name: str) -> str:
    title = f"afirma diff: {gold_name} vs {pred_name}"
    ranked = ranking.worst_first(report.articles)
    body = [
        f'<h1 id="index">{e(title)}</h1>',
        f'<p class="files">gold: <code>{e(gold_name)}</code>, prediction: <code>{e(pred_name)}</code>;'
        f" {len(report.articles)} articles compared.</p>",
        _overall(ranked),
        _legend(),
        _notes(report),
        _index(ranked),
    ]
    body += [_article(entry, number) for number, entry in enumerate(ranked, start=1)]
    return document(title, _STYLE + CLAIMS_STYLE, body)


def _overall(ranked: list[ranking.Ranked]) -> str:
    if not ranked:
        return ""
    overall = ranking.overall(ranked)
    return f'<p class="figures">All articles: {_figures_text(overall)}</p>'


def _figures_text(figures: ranking.Figures) -> str:
    return e(
        f"span F1 {figure(figures.span_f1)}, claim F1 {figure(figures.claim_f1)},"
        f" field agreement {figure(figures.fields)}"
    )


def _legend() -> str:
    items = "".join(
        f'<span><span class="{classes}">{e("texto")}</span> {e(meaning)}</span>' for classes, meaning in _LEGEND
    )
    explain = (
        "gold: underline and label; prediction: background; dotted outline: normalised fields disagree;"
        " wavy underline and cN: a claim that differs, linked to its row (hover any mark for details)"
    )
    return f'<p class="legend">{items}</p><p class="notes">{e(explain)}</p>'


def _notes(report: DiffReport) -> str:
    pairing = report.pairing
    notes = [
        f"{what}: {', '.join(ids)}"
        for ids, what in (
            (pairing.only_gold, "only in gold"),
            (pairing.only_pred, "only in the predictions"),
            (pairing.text_differs, "text differs between the files, not compared"),
        )
        if ids
    ]
    return "".join(f'<p class="notes">{e(note)}</p>' for note in notes)


def _band(value: float | None) -> str:
    """A colour to guide the eye down the index; the order comes from the figures."""
    if value is None:
        return ""
    return "band-low" if value < 0.6 else "band-mid" if value < 0.9 else "band-high"


def _index(ranked: list[ranking.Ranked]) -> str:
    if not ranked:
        return ""
    header = "".join(
        f'<th class="{"num" if n > 1 else ""}">{e(name)}</th>'
        for n, name in enumerate(("#", "article", "span F1", "claim F1", "field agreement", "claims differing"))
    )
    rows = []
    for number, entry in enumerate(ranked, start=1):
        shown = entry.figures
        values = (shown.span_f1, shown.claim_f1, shown.fields)
        cells = "".join(f'<td class="num {_band(value)}">{e(figure(value))}</td>' for value in values)
        counts = f"{entry.differing_claims} of {len(entry.article.claims)}"
        rows.append(
            f'<tr><td class="num">{number}</td><td><a href="#article-{number}">{e(entry.article.id)}</a></td>'
            f'{cells}<td class="num">{e(counts)}</td></tr>'
        )
    caption = f"<caption class=\"notes\">{e(ranking.ORDER_NOTE)}</caption>"
    return f'<table class="index">{caption}<thead><tr>{header}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _article(entry: ranking.Ranked, number: int) -> str:
    article = entry.article
    return "\n".join(
        [
            f'<section class="article" id="article-{number}">',
            f"<h2>{number}. {e(article.id)}</h2>",
            f'<p class="figures">{_figures_text(entry.figures)} <a class="back" href="#index">↑ index</a></p>',
            f'<p class="summary">{e(article.summary())}</p>',
            f'<div class="text">{highlight(article.text, [*marks(article.spans), *claim_marks(article, number)])}</div>',
            claims_section(article, number),
            "</section>",
        ]
    )


@dataclass(frozen=True)
class Mark:
    """A gold or predicted span in the text, coloured by how it matched."""

    side: str  # "gold" or "pred"
    start: int
    end: int
    label: str
    status: str
    note: str
    fields: bool

    @property
    def rank(self) -> int:
        return 0 if self.side == "gold" else 1

    def open(self, first: bool) -> str:
        classes = f"hl {self.side} {self.status}" + (" fields" if self.fields else "")
        if first:
            data = (
                f'data-side="{self.side}" data-label="{e(self.label)}" data-start="{self.start}"'
                f' data-end="{self.end}" data-status="{self.status}"'
            )
        else:
            data = f'data-cont="{self.side}"'
        return f'<span class="{classes}" {data} title="{e(self.note)}">'

    def close(self, last: bool) -> str:
        return "</span>"


def _field_notes(entry: SpanDiff | ClaimDiff, fields: tuple[FieldDiff, ...]) -> str:
    """The disagreeing fields, values written the Spanish way."""
    notes = []
    for item in fields:
        if item.name == "value":
            notes.append(f"value: gold {spanish.amount(entry.gold)}, pred {spanish.amount(entry.pred)}")
        else:
            notes.append(f"{item.name}: gold {item.gold}, pred {item.pred}")
    return "; ".join(notes)


def marks(entries: list[SpanDiff]) -> list[Mark]:
    found = []
    for entry in entries:
        details = _field_notes(entry, entry.fields)
        for side in ("gold", "pred"):
            span = getattr(entry, side)
            if span is None:
                continue
            note = f"{side} {span.label} {span.start}:{span.end}, {entry.status}" + (f"; {details}" if details else "")
            found.append(Mark(side, span.start, span.end, span.label, entry.status, note, bool(entry.fields)))
    return found


@dataclass(frozen=True)
class ClaimMark:
    """A claim that differs, over its number; where it ends, a link to its row."""

    start: int
    end: int
    status: str
    note: str
    target: str
    number: int
    rank: int = -1  # outside the spans of the same extent

    def open(self, first: bool) -> str:
        data = f'data-claim="{self.status}"' if first else 'data-claim-cont="1"'
        return f'<span class="cm" {data} title="{e(self.note)}">'

    def close(self, last: bool) -> str:
        link = f'<a class="ref cm-ref" href="#{self.target}">c{self.number}</a>' if last else ""
        return "</span>" + link


def claim_marks(article: ArticleDiff, number: int) -> list[ClaimMark]:
    found = []
    for k, entry in enumerate(article.claims, start=1):
        if not entry.differs:
            continue
        claim = entry.gold or entry.pred
        anchor = claim.anchor
        details = _field_notes(entry, entry.fields) or f"{claim.label}, {spanish.amount(claim)}"
        note = f"claim c{k} {status(entry)}: {details}"
        found.append(ClaimMark(anchor.start, anchor.end, status(entry), note, claim_id(number, k), k))
    return found
