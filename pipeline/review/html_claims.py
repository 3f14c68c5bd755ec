"""The claims of one article of the diff page: differences first.

Claims that differ (missed, spurious, or paired with a field that
disagrees) come first in an open table; those that agree are folded into a
`<details>` element, which opens without any script. Each claim gets a
number (c1, c2... in text order) and a row id the marks in the text link
to. Values are written the Spanish way (`spanish`), exact digits in the
tooltip; cues and confidence, where a side has them, follow its row.
"""

from __future__ import annotations

from typing import Any

from pipeline.review import spanish
from pipeline.review.diff import ArticleDiff, ClaimDiff
from pipeline.review.html_page import cue_list, e, listed

# (field, width): fixed widths keep the table inside the page at any length.
COLUMNS = (
    ("claim", 6), ("number", 12), ("side", 5), ("label", 9), ("value", 11), ("unit", 6), ("subject", 9),
    ("hardware", 8), ("orgs", 9), ("modality", 9), ("source", 9), ("date", 7),
)
FIELDS = tuple(name for name, _ in COLUMNS[3:])

STYLE = "".join(f"table.claims th:nth-child({n}) {{ width: {width}% }}\n" for n, (_, width) in enumerate(COLUMNS, 1)) + """
table.claims tr.gold td { border-top: 2px solid #999; }
table.claims tr.first td { border-top: 3px solid #666; }
td.off { background: #ffcdd2; font-weight: 600; }
td.status-missed { color: #c62828; } td.status-spurious { color: #ad1457; } td.status-differs { color: #e65100; }
details.agree { margin-top: 1rem; } details.agree summary { cursor: pointer; color: #2e7d32; }
"""


def claim_id(article_number: int, claim_number: int) -> str:
    return f"a{article_number}-c{claim_number}"


def claims_section(article: ArticleDiff, number: int) -> str:
    if not article.claims:
        return '<p class="notes">No claims in either file.</p>'
    numbered = list(enumerate(article.claims, start=1))
    differing = [(k, entry) for k, entry in numbered if entry.differs]
    agreeing = [(k, entry) for k, entry in numbered if not entry.differs]
    parts = []
    if differing:
        parts.append(f'<h3 class="notes">{len(differing)} of {len(numbered)} claims differ</h3>')
        parts.append(_table(differing, article.text, number))
    else:
        parts.append(f'<p class="notes">All {len(numbered)} claims agree.</p>')
    if agreeing:
        summary = f"<summary>{e(f'{len(agreeing)} claims agree')}</summary>"
        parts.append(f'<details class="agree">{summary}{_table(agreeing, article.text, number)}</details>')
    return "\n".join(parts)


def _table(entries: list[tuple[int, ClaimDiff]], text: str, number: int) -> str:
    header = "".join(f"<th>{e(name)}</th>" for name, _ in COLUMNS)
    rows = [row for k, entry in entries for row in _rows(entry, k, text, number)]
    return f'<table class="claims"><thead><tr>{header}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def status(entry: ClaimDiff) -> str:
    if entry.status != "paired":
        return entry.status
    return "differs" if entry.fields else "agrees"


def _rows(entry: ClaimDiff, k: int, text: str, number: int) -> list[str]:
    differing = {item.name for item in entry.fields}
    if "approx" in differing:
        differing.add("value")  # approx is shown inside the value cell
    sides = [(side, getattr(entry, side)) for side in ("gold", "pred") if getattr(entry, side) is not None]
    lines = [(side, claim, _cells(claim, differing)) for side, claim in sides]
    extras = {side: _extra(claim) for side, claim in sides}
    height = len(lines) + sum(1 for extra in extras.values() if extra)
    anchor = sides[0][1].anchor
    where = f'<span class="notes">{anchor.start}:{anchor.end}</span>'
    lead = (
        f'<td class="status-{status(entry)}" rowspan="{height}">c{k} {e(status(entry))}</td>'
        f'<td rowspan="{height}">«{e(text[anchor.start:anchor.end])}» {where}</td>'
    )
    rows = []
    for position, (side, _, cells) in enumerate(lines):
        start = f' id="{claim_id(number, k)}"' if position == 0 else ""
        first = " first" if position == 0 else ""
        rows.append(f'<tr class="{side}{first}"{start}>{lead if position == 0 else ""}<td>{side}</td>{cells}</tr>')
        if extras[side]:
            rows.append(f'<tr class="cues"><td colspan="{len(COLUMNS) - 2}">{extras[side]}</td></tr>')
    return rows


def _cells(claim: Any, differing: set[str]) -> str:
    cells = []
    for name in FIELDS:
        off = ' class="off"' if name in differing else ""
        if name == "value":
            exact = spanish.amount(claim, spanish.digits)
            cells.append(f'<td{off} title="{e(exact)}">{e(spanish.amount(claim))}</td>')
        else:
            cells.append(f"<td{off}>{listed(getattr(claim, name))}</td>")
    return "".join(cells)


def _extra(claim: Any) -> str:
    """Confidence and cues of one side, if it has them (predictions do)."""
    parts = []
    confidence = getattr(claim, "confidence", None)
    if isinstance(confidence, (int, float)):
        parts.append(f"confidence {e(spanish.share(confidence))}")
    if claim.cues:
        parts.append(f"cues: {cue_list(claim.cues)}")
    return f'<span class="cues">{" · ".join(parts)}</span>' if parts else ""
