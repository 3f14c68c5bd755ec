"""Groups of claims whose figures cannot all be true, with the reasons.

`find_conflicts(connection)` groups every stored claim (`grouping`) and
keeps the groups in which two claims from different voices (article and
source) do not overlap, widened by the tolerances: that test runs in SQL
over all groups at once. Only the claims of those groups come out of
DuckDB; each group's claims are split into versions (the sets that agree
among themselves) and its reason is written. The result holds pandas
DataFrames: one row per conflict, one per claim of a conflict, and the
timeline of the quantities in conflict (`timeline`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pandas as pd

from pipeline.store.amounts import amount, percent_apart
from pipeline.store.grouping import build_groups, detail_sql
from pipeline.store.intervals import disagreeing_pair, versions
from pipeline.store.rows import Row, shown_unit
from pipeline.store.rules import Rules, rules
from pipeline.store.timeline import timeline_for

# The exact test, for every group at once. On a line, a set of intervals
# has a point in common exactly when its largest lo is at most its smallest
# hi; a disagreeing pair from two voices exists when the claims reaching
# highest and lowest have different voices, or, if they share a voice v,
# when a claim of another voice lies wholly below the highest or wholly
# above the lowest (`intervals.disagreeing_pair` is the same test, for one
# group, in Python).
_CONFLICT_GROUPS = """
CREATE OR REPLACE TEMP TABLE conflict_groups AS
WITH compared AS (
    SELECT group_id, lo_w, hi_w, voice FROM grouped WHERE excluded IS NULL
), extremes AS (
    SELECT group_id, max(lo_w) AS top_lo, arg_max(voice, lo_w) AS top_voice,
        min(hi_w) AS bottom_hi, arg_min(voice, hi_w) AS bottom_voice
    FROM compared GROUP BY group_id
    HAVING max(lo_w) > min(hi_w) AND count(DISTINCT voice) > 1
), others AS (
    SELECT e.group_id, any_value(e.top_lo) AS top_lo, any_value(e.bottom_hi) AS bottom_hi,
        any_value(e.top_voice) <> any_value(e.bottom_voice) AS split_voices,
        min(c.hi_w) FILTER (WHERE c.voice <> e.top_voice) AS other_bottom_hi,
        max(c.lo_w) FILTER (WHERE c.voice <> e.bottom_voice) AS other_top_lo
    FROM extremes e JOIN compared c USING (group_id)
    GROUP BY e.group_id
)
SELECT group_id FROM others
WHERE split_voices OR top_lo > other_bottom_hi OR other_top_lo > bottom_hi
"""

_CLAIM_COLUMNS = """group_id, quantity_id, article_key, article_id, claim_id, value, low, high, approx, unit, factor,
    family, subject, hardware_key, modality, stance, scope, measure, period, source, outlet, country, date,
    article_date, url, lo, hi, lo_w, hi_w, tolerance, voice, sentence, sentence_start, anchor_text, anchor_start,
    cues, why"""

_COUNTS = """
SELECT count(*) AS claims,
    count(*) FILTER (WHERE excluded IS NULL) AS compared,
    count(DISTINCT group_id) FILTER (WHERE excluded IS NULL) AS groups
FROM grouped
"""

CLAIM_FIELDS = (
    "conflict_id", "quantity_id", "version", "amount", "unit", "shown", "modality", "source", "outlet", "country", "date",
    "article_date", "article_id", "claim_id", "url", "sentence", "sentence_start", "anchor_text", "anchor_start", "cues", "why",
)


@dataclass
class Conflicts:
    """What `afirma conflicts` reports, as DataFrames."""

    conflicts: pd.DataFrame
    claims: pd.DataFrame
    timeline: pd.DataFrame
    counts: dict[str, Any] = field(default_factory=dict)
    rules: dict[str, Any] = field(default_factory=dict)


def _voice_name(row: Row) -> str:
    said = row["source"] if isinstance(row["source"], str) else "the article's own voice"
    return f"{said} in {row['article_id']}"


def _figure(row: Row, factor: float = 0.0) -> str:
    scale = row["factor"] / factor if factor else 1.0
    return amount(row["value"], row["low"], row["high"], row["approx"], scale)


def _reason(lower: Row, upper: Row, approx: bool, shown: tuple[str, float], rule_set: Rules) -> str:
    unit, factor = shown
    figures = [_figure(row, factor) for row in (lower, upper)]
    apart = percent_apart(lower["hi"], upper["lo"])
    tolerance = f"figures within {lower['tolerance'] * 100:g} % agree"
    if approx:
        tolerance += f", and an approximate figure is widened by {rule_set.approx_widening * 100:g} % on each side"
    gap = f" ({figures[1]} is {apart} above {figures[0]})" if apart else ""
    return (
        f"{figures[0]} {unit} ({_voice_name(lower)}) and {figures[1]} {unit} ({_voice_name(upper)})"
        f" cannot both be true{gap}; {tolerance}"
    )


def _group_why(first: Row, shown: tuple[str, float], rule_set: Rules) -> list[str]:
    """Why these claims were compared at all: what they share, and the rule behind each."""
    separators = rule_set.separators
    hardware = first["hardware_key"] or "none named"
    measure = [f"same measure: {first['measure']} ({separators['measure']['why']})"] if first["measure"] else []
    return [
        f"same subject: {first['subject']} ({separators['subject']['why']})",
        f"same quantity: {first['family']}, compared in {shown[0]}",
        f"same hardware: {hardware} ({separators['hardware']['why']})",
        f"same stance: {first['stance']} ({separators['stance']['why'][first['stance']]})",
        f"same scope: {first['scope']} ({separators['scope']['why']})",
        *measure,
        f"same period: {first['period']} ({separators['period']['why']})",
    ]


def _voices(lower: Row, upper: Row) -> str:
    if lower["article_key"] != upper["article_key"]:
        return "the figures that disagree come from different articles"
    return "the figures that disagree come from different sources in one article"


_CONFLICT_FIELDS = (
    "conflict_id", "subject", "quantity", "unit", "hardware", "stance", "scope", "measure", "period",
    "claims", "articles", "versions", "reason", "why",
)


def _row(columns: dict[str, list], index: int) -> Row:
    return {name: values[index] for name, values in columns.items()}


def _judge(columns: dict[str, list], start: int, end: int, rule_set: Rules) -> tuple[Row, list[int], tuple[str, float]]:
    """The conflict row of one group the SQL test found, its claims' versions, and its unit."""
    lo, hi = columns["lo_w"][start:end], columns["hi_w"][start:end]
    pair = disagreeing_pair(lo, hi, columns["voice"][start:end])
    if pair is None:  # the SQL test is this one; floats compared the same way cannot disagree
        raise AssertionError(f"group {columns['group_id'][start]} has no disagreeing pair")
    group = [_row(columns, start), _row(columns, start + pair[0]), _row(columns, start + pair[1])]
    shown = shown_unit([{"unit": u, "factor": f} for u, f in zip(columns["unit"][start:end], columns["factor"][start:end])])
    numbers = versions(lo, hi)
    first = group[0]
    conflict = {
        "conflict_id": first["group_id"],
        "subject": first["subject"],
        "quantity": first["family"],
        "unit": shown[0],
        "hardware": first["hardware_key"],
        "stance": first["stance"],
        "scope": first["scope"],
        "measure": first["measure"],
        "period": first["period"],
        "claims": end - start,
        "articles": len(set(columns["article_key"][start:end])),
        "versions": max(numbers),
        "reason": _reason(group[1], group[2], any(columns["approx"][start:end]), shown, rule_set),
        "why": _group_why(first, shown, rule_set) + [_voices(group[1], group[2]), rule_set.separators["voice"]["why"]],
    }
    return conflict, numbers, shown


def _bounds(group_ids: list[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of one group_id (the query sorts by it)."""
    start = 0
    for index in range(1, len(group_ids) + 1):
        if index == len(group_ids) or group_ids[index] != group_ids[start]:
            yield start, index
            start = index


def _judge_all(frame: pd.DataFrame, rule_set: Rules) -> tuple[list[Row], pd.DataFrame]:
    """Conflict rows, and the claims with version, amount as written and amount in the group's unit."""
    columns = {name: frame[name].tolist() for name in _JUDGED}
    numbers, scales, units, found = [0] * len(frame), [1.0] * len(frame), [""] * len(frame), []
    for start, end in _bounds(columns["group_id"]):
        conflict, group_versions, (unit, factor) = _judge(columns, start, end, rule_set)
        found.append(conflict)
        numbers[start:end] = group_versions
        scales[start:end] = [own / factor for own in columns["factor"][start:end]]
        units[start:end] = [unit] * (end - start)
    figures = list(zip(columns["value"], columns["low"], columns["high"], columns["approx"]))
    frame = frame.assign(
        conflict_id=frame["group_id"],
        version=numbers,
        amount=[amount(*figure) for figure in figures],
        shown=[f"{amount(*figure, scale)} {unit}" for figure, scale, unit in zip(figures, scales, units)],
    )
    frame = frame.sort_values(["conflict_id", "version", "article_id", "anchor_start"], kind="stable")
    return found, frame.loc[:, list(CLAIM_FIELDS)].reset_index(drop=True)


_JUDGED = (
    "group_id", "article_key", "article_id", "lo_w", "hi_w", "lo", "hi", "voice", "unit", "factor", "value", "low",
    "high", "approx", "tolerance", "source", "subject", "family", "hardware_key", "stance", "scope", "measure", "period",
)


def find_conflicts(connection: duckdb.DuckDBPyConnection, rule_set: Rules | None = None) -> Conflicts:
    """Every conflict in the store, its claims, and the timeline of its quantities."""
    rule_set = rule_set or rules()
    build_groups(connection, rule_set)
    connection.execute(_CONFLICT_GROUPS)
    where = "excluded IS NULL AND group_id IN (SELECT group_id FROM conflict_groups)"
    sql = f"SELECT {_CLAIM_COLUMNS} FROM ({detail_sql(where)}) ORDER BY group_id, lo_w, hi_w, article_id, anchor_start"
    found, claims = _judge_all(connection.execute(sql).df(), rule_set)
    found.sort(key=lambda row: (row["subject"], row["quantity"], row["period"], row["conflict_id"]))
    table = pd.DataFrame(found, columns=list(_CONFLICT_FIELDS))
    counts = dict(zip(("claims", "compared", "groups"), connection.execute(_COUNTS).fetchall()[0]))
    counts["conflicts"] = len(found)
    quantities = sorted(set(claims["quantity_id"].tolist()))
    timeline = timeline_for(connection, quantity_ids=quantities, conflict_ids=set(table["conflict_id"]))
    return Conflicts(table, claims, timeline, counts, _rules_summary(rule_set))


def _rules_summary(rule_set: Rules) -> dict[str, Any]:
    return {
        "tolerance": rule_set.tolerances["relative"],
        "approx_widening": rule_set.approx_widening,
        "separators": {name: spec["why"] for name, spec in rule_set.separators.items() if isinstance(spec, dict) and "why" in spec},
    }
