"""The conflicts and the query results as plain text, for terminals and logs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from pipeline.store.conflicts import Conflicts
from pipeline.store.report_json import plain

SENTENCE_WIDTH = 110


def _cell(value: Any) -> str:
    value = plain(value)
    if value is None:
        return "–"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return " ".join(str(value).split())


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], clip: int = 60) -> str:
    """Left-aligned columns; long cells are cut with an ellipsis."""
    cells = [[_clip(_cell(cell), clip) for cell in row] for row in rows]
    widths = [max([len(header)] + [len(row[i]) for row in cells]) for i, header in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines)


def render_query(found: pd.DataFrame, columns: Sequence[str]) -> str:
    if found.empty:
        return "no claim matches"
    return table(columns, found.loc[:, list(columns)].itertuples(index=False, name=None))


def _conflict(conflict: pd.Series, claims: pd.DataFrame) -> list[str]:
    hardware = f", {conflict['hardware']}" if conflict["hardware"] else ""
    measure = f", {conflict['measure']}" if conflict["measure"] else ""
    lines = [
        f"{conflict['subject']}: {conflict['quantity']} in {conflict['unit']}{hardware}{measure}"
        f" ({conflict['stance']}, scope {conflict['scope']}, period {conflict['period']})"
        f"  [{conflict['conflict_id']}: {conflict['claims']} claims, {conflict['articles']} articles, {conflict['versions']} versions]",
        f"  {conflict['reason']}",
    ]
    for claim in claims.itertuples(index=False):
        said = claim.source if isinstance(claim.source, str) else "(own voice)"
        when = claim.date if isinstance(claim.date, str) else f"article {_cell(claim.article_date)}"
        lines.append(f"  v{claim.version} {claim.shown:>22}  {claim.modality:<9} {said} · {_cell(claim.outlet)} · {when} · {claim.article_id}")
        lines.append(f"      «{_clip(' '.join(claim.sentence.split()), SENTENCE_WIDTH)}»")
    return lines


def render_conflicts(found: Conflicts) -> str:
    by_conflict = dict(tuple(found.claims.groupby("conflict_id", sort=False)))
    lines: list[str] = []
    for _, conflict in found.conflicts.iterrows():
        lines += _conflict(conflict, by_conflict[conflict["conflict_id"]]) + [""]
    counts = found.counts
    lines.append(
        f"{counts['conflicts']} conflict(s) among {counts['compared']} comparable claims"
        f" ({counts['claims']} stored, {counts['groups']} groups)"
    )
    return "\n".join(lines)
