"""A `DiffReport` as one self-contained HTML page for reviewers.

The page opens offline and runs nothing: no scripts, fonts, stylesheets or
images from anywhere, the style inline, and a Content-Security-Policy that
forbids scripts in case an article's text ever slipped through unescaped.
Every piece of article text and every value goes through `html.escape`.

In the text, gold spans are underlined and predicted spans have a
background; the colour says match, boundary, label, missed or spurious,
and a dotted outline marks a pair whose normalised fields disagree (the
tooltip says which). Each span is one element carrying data-side,
data-label, data-start, data-end and data-status. Where a gold and a
predicted span cross, one of them has to be cut into pieces to keep the
HTML nested; the later pieces carry data-cont instead of data-side, so
counting elements with data-side counts spans.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from itertools import groupby
from typing import Any

from pipeline.review import formatting
from pipeline.review.diff import ArticleDiff, ClaimDiff, DiffReport, SpanDiff

_CSP = (
    "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src 'none';"
    " font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
)

_STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem 2rem; color: #1b1b1b; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2.5rem; border-top: 1px solid #bbb; padding-top: 1rem; }
.files, .summary, .notes { color: #444; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; padding: .6rem .8rem; background: #f6f6f6; border-radius: 4px; }
.text { white-space: pre-wrap; line-height: 2.3; font-size: 1.05rem; padding: .5rem 1rem; border-left: 3px solid #ddd; }
.hl { padding: .1em 0; }
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
table { border-collapse: collapse; margin-top: 1rem; font-size: .9rem; }
th, td { border: 1px solid #ccc; padding: .2rem .45rem; text-align: left; vertical-align: top; }
th { background: #eee; }
tr.gold td { border-top: 2px solid #999; }
td.off { background: #ffcdd2; font-weight: 600; }
td.status-missed { color: #c62828; } td.status-spurious { color: #ad1457; }
"""

_LEGEND = [
    ("gold match", "gold span, matched"),
    ("gold boundary", "gold span, boundaries differ"),
    ("gold label", "gold span, other label predicted"),
    ("gold missed", "gold span, missed"),
    ("pred match", "prediction, matched"),
    ("pred boundary", "prediction, boundaries differ"),
    ("pred label", "prediction, other label"),
    ("pred spurious", "prediction, spurious"),
    ("pred match fields", "fields disagree"),
]

_CLAIM_COLUMNS = ("label", "value", "unit", "subject", "hardware", "orgs", "modality", "source", "date")


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def render_html(report: DiffReport, *, gold_name: str, pred_name: str) -> str:
    title = f"afirma diff: {gold_name} vs {pred_name}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="es">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{_e(title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="files">gold: <code>{_e(gold_name)}</code>, prediction: <code>{_e(pred_name)}</code>;'
        f" {len(report.articles)} articles compared.</p>",
        _legend(),
        _notes(report),
    ]
    for number, article in enumerate(report.articles, start=1):
        parts.append(_article(article, number))
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _legend() -> str:
    items = "".join(
        f'<span><span class="hl {classes}">{_e("texto")}</span> {_e(meaning)}</span>' for classes, meaning in _LEGEND
    )
    explain = "gold: underline and label; prediction: background; dotted outline: normalised fields disagree (hover for details)"
    return f'<p class="legend">{items}</p><p class="notes">{_e(explain)}</p>'


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
    return "".join(f'<p class="notes">{_e(note)}</p>' for note in notes)


def _article(article: ArticleDiff, number: int) -> str:
    return "\n".join(
        [
            f'<section class="article" id="article-{number}">',
            f"<h2>{_e(article.id)}</h2>",
            f'<p class="summary">{_e(article.summary())}</p>',
            f'<div class="text">{highlight(article.text, marks(article.spans))}</div>',
            _claims_table(article),
            "</section>",
        ]
    )


@dataclass(frozen=True)
class Mark:
    side: str  # "gold" or "pred"
    start: int
    end: int
    label: str
    status: str
    note: str
    fields: bool


def marks(entries: list[SpanDiff]) -> list[Mark]:
    found = []
    for entry in entries:
        details = "; ".join(f"{item.name}: gold {item.gold}, pred {item.pred}" for item in entry.fields)
        for side in ("gold", "pred"):
            span = getattr(entry, side)
            if span is None:
                continue
            note = f"{side} {span.label} {span.start}:{span.end}, {entry.status}" + (f"; {details}" if details else "")
            found.append(Mark(side, span.start, span.end, span.label, entry.status, note, bool(entry.fields)))
    return found


def _open(mark: Mark, first: bool) -> str:
    classes = f"hl {mark.side} {mark.status}" + (" fields" if mark.fields else "")
    if first:
        data = (
            f'data-side="{mark.side}" data-label="{_e(mark.label)}" data-start="{mark.start}"'
            f' data-end="{mark.end}" data-status="{mark.status}"'
        )
    else:
        data = f'data-cont="{mark.side}"'
    return f'<span class="{classes}" {data} title="{_e(mark.note)}">'


def highlight(text: str, found: list[Mark]) -> str:
    """The text with every mark as an element, nested where marks cross.

    At each boundary the marks ending there close; marks opened inside them
    that go on are closed too and reopened as continuation pieces. Marks
    starting together open longest first, gold before prediction, so that
    identical gold and predicted spans nest without being cut.
    """
    usable = [mark for mark in found if 0 <= mark.start < mark.end <= len(text)]
    order = sorted(usable, key=lambda mark: (mark.start, -mark.end, mark.side != "gold"))
    starting = {start: list(group) for start, group in groupby(order, key=lambda mark: mark.start)}
    boundaries = sorted({0, len(text)} | {m.start for m in usable} | {m.end for m in usable})
    out: list[str] = []
    stack: list[Mark] = []
    for index, position in enumerate(boundaries):
        ending = [depth for depth, mark in enumerate(stack) if mark.end == position]
        if ending:
            reopen = [mark for mark in stack[ending[0] :] if mark.end != position]
            out.append("</span>" * (len(stack) - ending[0]))
            del stack[ending[0] :]
            for mark in reopen:
                out.append(_open(mark, first=False))
                stack.append(mark)
        for mark in starting.get(position, []):
            out.append(_open(mark, first=True))
            stack.append(mark)
        if index + 1 < len(boundaries):
            out.append(escape(text[position : boundaries[index + 1]], quote=True))
    out.append("</span>" * len(stack))
    return "".join(out)


def _claims_table(article: ArticleDiff) -> str:
    if not article.claims:
        return '<p class="notes">No claims in either file.</p>'
    header = "".join(f"<th>{_e(name)}</th>" for name in ("status", "anchor", "side", *_CLAIM_COLUMNS))
    rows = []
    for entry in article.claims:
        rows += _claim_rows(entry, article.text)
    return f'<table class="claims"><thead><tr>{header}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _claim_rows(entry: ClaimDiff, text: str) -> list[str]:
    differing = {item.name for item in entry.fields}
    if "approx" in differing:
        differing.add("value")  # approx is shown inside the value cell
    sides = [(side, getattr(entry, side)) for side in ("gold", "pred") if getattr(entry, side) is not None]
    anchor_claim = sides[0][1]
    start, end = anchor_claim.anchor.start, anchor_claim.anchor.end
    anchor = f"{start}:{end} {text[start:end]}"
    status = entry.status if entry.status != "paired" else ("differs" if entry.fields else "agrees")
    rows = []
    for position, (side, claim) in enumerate(sides):
        lead = ""
        if position == 0:
            span = f' rowspan="{len(sides)}"' if len(sides) > 1 else ""
            lead = f'<td class="status-{_e(entry.status)}"{span}>{_e(status)}</td><td{span}>{_e(anchor)}</td>'
        cells = "".join(
            f'<td class="{"off" if name in differing else ""}">{_e(_claim_value(claim, name))}</td>'
            for name in _CLAIM_COLUMNS
        )
        rows.append(f'<tr class="{side}">{lead}<td>{side}</td>{cells}</tr>')
    return rows


def _claim_value(claim: Any, name: str) -> str:
    if name == "value":
        return formatting.amount(claim)
    return formatting.text(getattr(claim, name))
