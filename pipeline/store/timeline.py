"""How a figure moved: claims of one quantity in order of date.

For a conflict, the quantity is its group without stance and period (the
same subject, unit family, hardware, scope and measure), so plans,
estimates and current figures of different years line up. For a subject
(`Store.timeline`), every unit family of it is one list, parts and wholes
alike, each claim saying what sets it apart. A claim is dated by its own
date when that has a year, else by its article's date; undated claims come
last. Only lists whose figures differ appear.
"""

from __future__ import annotations

from collections import Counter

import duckdb
import pandas as pd

from pipeline.store.amounts import amount
from pipeline.store.grouping import detail_sql

_TIMELINE = """
WITH picked AS (
    SELECT *, {line} AS line FROM ({detail})
)
SELECT subject, line, family, hardware_key, scope, measure, unit, factor, value, low, high, approx,
    modality, stance, period, source, outlet, article_id, claim_id, group_id,
    CASE WHEN period_from = 'date' THEN date ELSE article_date END AS "when",
    CASE WHEN period_from = 'date' THEN 'claim' WHEN article_date IS NOT NULL THEN 'article' ELSE '' END AS when_from
FROM picked
WHERE line IN (SELECT line FROM picked GROUP BY line HAVING max(lo_w) > min(hi_w))
ORDER BY subject_key, family, hardware_key, scope, measure, "when" NULLS LAST, lo_w, article_id
"""

TIMELINE_FIELDS = (
    "subject", "quantity", "when", "when_from", "amount", "what", "stance", "modality", "period",
    "source", "outlet", "article_id", "claim_id", "group_id", "in_conflict",
)


def _what(hardware: str, scope: str, measure: str) -> str:
    """What sets a figure apart from others of its family: hardware, scope, measure."""
    return ", ".join(part for part in (hardware, "" if scope == "total" else scope, measure) if part)


def _amounts(columns: dict[str, list]) -> list[str]:
    """Each figure in the most common unit of its list (the first seen on ties)."""
    units: dict[str, Counter] = {}
    factors: dict[tuple[str, str], float] = {}
    for line, unit, factor in zip(columns["line"], columns["unit"], columns["factor"]):
        if line not in units:
            units[line] = Counter()
        units[line][unit] += 1
        factors.setdefault((line, unit), factor)
    shown = {line: counts.most_common(1)[0][0] for line, counts in units.items()}
    return [
        amount(value, low, high, approx, factor / factors[(line, shown[line])]) + f" {shown[line]}"
        for line, value, low, high, approx, factor in zip(
            columns["line"], columns["value"], columns["low"], columns["high"], columns["approx"], columns["factor"]
        )
    ]


def _frame(found: pd.DataFrame, conflict_ids: set[str], per_family: bool) -> pd.DataFrame:
    columns = {name: found[name].tolist() for name in ("line", "unit", "factor", "value", "low", "high", "approx", "family")}
    whats = [_what(*parts) for parts in zip(found["hardware_key"].tolist(), found["scope"].tolist(), found["measure"].tolist())]
    quantity = columns["family"] if per_family else [f"{family}, {what}" if what else family for family, what in zip(columns["family"], whats)]
    found = found.assign(amount=_amounts(columns), quantity=quantity, what=whats, in_conflict=found["group_id"].isin(conflict_ids))
    return found.loc[:, list(TIMELINE_FIELDS)].reset_index(drop=True)


def timeline_for(
    connection: duckdb.DuckDBPyConnection,
    *,
    quantity_ids: list[str] | None = None,
    subject: str | None = None,
    conflict_ids: frozenset[str] | set[str] = frozenset(),
) -> pd.DataFrame:
    """The timeline of some quantities (conflicts), or of every family of one subject. Needs `grouped` built."""
    if subject is not None:
        where, line = "excluded IS NULL AND subject_key = lower(trim($subject))", "family"
        parameters: dict[str, object] = {"subject": subject}
    else:
        where, line = "excluded IS NULL AND quantity_id IN (SELECT unnest($ids))", "quantity_id"
        parameters = {"ids": sorted(quantity_ids or [])}
    sql = _TIMELINE.replace("{detail}", detail_sql(where)).replace("{line}", line)
    return _frame(connection.execute(sql, parameters).df(), set(conflict_ids), per_family=subject is not None)
