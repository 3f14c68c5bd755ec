"""`afirma conflicts --html`: one self-contained page for a fact-checker.

Like the diff page (`pipeline.review.html`), the page runs nothing and
loads nothing: no scripts, fonts, stylesheets or images, the style inline,
and a Content-Security-Policy that forbids scripts in case a text ever
slipped through unescaped. Every text and value goes through `html.escape`.

Each conflict is a section (data-conflict) with its reason, why its claims
were compared, and one table row per claim (data-claim, data-version) with
the figure, modality, source, outlet, date and the sentence, the number
marked. The timeline of each subject in conflict follows, one row per
claim (data-timeline).
"""

from __future__ import annotations

from html import escape
from typing import Any

import pandas as pd

from pipeline.store.conflicts import Conflicts
from pipeline.store.report_json import plain

_POLICY = (
    "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src 'none'; font-src 'none';"
    " connect-src 'none'; base-uri 'none'; form-action 'none'"
)

_STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 80rem; padding: 1rem 2rem; color: #1b1b1b; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2.2rem; border-top: 1px solid #bbb; padding-top: 1rem; }
h3 { font-size: 1rem; margin-bottom: .3rem; }
.summary, .rules, .why { color: #444; } .why { font-size: .9rem; margin: .3rem 0 .6rem 1.2rem; padding: 0; }
.reason { background: #fff3e0; border-left: 4px solid #e65100; padding: .4rem .8rem; }
table { border-collapse: collapse; margin-top: .6rem; font-size: .9rem; width: 100%; }
th, td { border: 1px solid #ccc; padding: .25rem .45rem; text-align: left; vertical-align: top; }
th { background: #eee; } td.figure { white-space: nowrap; font-variant-numeric: tabular-nums; font-weight: 600; }
tr.v1 td.figure { background: #e3f2fd; } tr.v2 td.figure { background: #fce4ec; } tr.v3 td.figure { background: #f3e5f5; }
tr.v4 td.figure { background: #e8f5e9; } tr.conflicting td { background: #fff8e1; }
mark { background: #ffe082; padding: 0 .1em; } .muted { color: #777; }
"""


def _e(value: Any) -> str:
    value = plain(value)
    if value is None:
        return "–"
    if isinstance(value, list):
        value = ", ".join(str(item) for item in value)
    return escape(str(value), quote=True)


def _sentence(sentence: str, start: int, anchor: str) -> str:
    """The sentence with its number in <mark>, both escaped."""
    if 0 <= start and sentence[start : start + len(anchor)] == anchor and anchor:
        return f"{escape(sentence[:start])}<mark>{escape(anchor)}</mark>{escape(sentence[start + len(anchor):])}"
    return escape(sentence)


def _claim_row(claim: Any) -> str:
    said = claim.source if isinstance(claim.source, str) else "own voice"
    when = claim.date if isinstance(claim.date, str) else None
    article_date = claim.article_date if isinstance(claim.article_date, str) else None
    offset = int(claim.anchor_start) - int(claim.sentence_start)
    cells = [
        f"v{claim.version}",
        f'<td class="figure">{_e(claim.shown)}</td>',
        f"{_e(claim.amount)} {_e(claim.unit)}",
        _e(claim.modality),
        _e(said),
        _e(claim.outlet),
        _e(when) + (f' <span class="muted">(article {_e(article_date)})</span>' if article_date else ""),
        _e(claim.article_id),
        _sentence(claim.sentence, offset, claim.anchor_text),
    ]
    body = "".join(cell if cell.startswith("<td") else f"<td>{cell}</td>" for cell in cells)
    version = min(int(claim.version), 4)
    return f'<tr class="v{version}" data-claim="{_e(claim.claim_id)}" data-version="{int(claim.version)}">{body}</tr>'


_CLAIM_HEADERS = ("version", "figure", "as written", "modality", "source", "outlet", "date", "article", "sentence")


def _conflict(number: int, conflict: pd.Series, claims: pd.DataFrame) -> str:
    header = "".join(f"<th>{_e(name)}</th>" for name in _CLAIM_HEADERS)
    rows = "".join(_claim_row(claim) for claim in claims.itertuples(index=False))
    why = "".join(f"<li>{_e(item)}</li>" for item in conflict["why"])
    title = f"{conflict['subject']}: {conflict['quantity']} ({conflict['stance']}, period {conflict['period']})"
    return "\n".join(
        [
            f'<section class="conflict" id="conflict-{number}" data-conflict="{_e(conflict["conflict_id"])}">',
            f"<h2>{_e(title)}</h2>",
            f'<p class="reason">{_e(conflict["reason"])}</p>',
            f'<ul class="why">{why}</ul>',
            f"<table><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>",
            "</section>",
        ]
    )


_TIMELINE_HEADERS = ("date", "from", "figure", "what", "stance", "modality", "source", "outlet", "article", "in conflict")


def _timeline_row(entry: Any) -> str:
    cells = [
        entry.when, entry.when_from or None, entry.amount, entry.what or None, entry.stance, entry.modality,
        entry.source, entry.outlet, entry.article_id, "yes" if entry.in_conflict else "",
    ]
    body = "".join(f'<td class="figure">{_e(c)}</td>' if i == 2 else f"<td>{_e(c)}</td>" for i, c in enumerate(cells))
    marked = ' class="conflicting"' if entry.in_conflict else ""
    return f'<tr{marked} data-timeline="{_e(entry.claim_id)}">{body}</tr>'


def _timeline(subject: str, entries: pd.DataFrame) -> str:
    header = "".join(f"<th>{_e(name)}</th>" for name in _TIMELINE_HEADERS)
    parts = [f'<section class="timeline" data-subject="{_e(subject)}">', f"<h2>{_e(f'Timeline: {subject}')}</h2>"]
    for quantity, rows in entries.groupby("quantity", sort=False):
        body = "".join(_timeline_row(entry) for entry in rows.itertuples(index=False))
        parts.append(f"<h3>{_e(quantity)}</h3><table><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>")
    parts.append("</section>")
    return "\n".join(parts)


def _rules(found: Conflicts) -> str:
    tolerance = ", ".join(f"{name} {share * 100:g} %" for name, share in found.rules["tolerance"].items())
    items = [f"tolerance: {tolerance}; approximate figures widened by {found.rules['approx_widening'] * 100:g} % on each side"]
    for name, why in found.rules["separators"].items():
        text = "; ".join(f"{key}: {value}" for key, value in why.items()) if isinstance(why, dict) else why
        items.append(f"{name}: {text}")
    return '<details class="rules"><summary>Rules</summary><ul>' + "".join(f"<li>{_e(item)}</li>" for item in items) + "</ul></details>"


def render_html(found: Conflicts, *, store: str) -> str:
    title = f"afirma conflicts: {store}"
    counts = found.counts
    summary = (
        f"{counts['conflicts']} conflict(s) among {counts['compared']} comparable claims"
        f" ({counts['claims']} stored, {counts['groups']} groups)."
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="es">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{_e(title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="summary">{_e(summary)}</p>',
        _rules(found),
    ]
    by_conflict = dict(tuple(found.claims.groupby("conflict_id", sort=False)))
    for number, (_, conflict) in enumerate(found.conflicts.iterrows(), start=1):
        parts.append(_conflict(number, conflict, by_conflict[conflict["conflict_id"]]))
    for subject, entries in found.timeline.groupby("subject", sort=False):
        parts.append(_timeline(subject, entries))
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"
