"""`afirma store query`: the stored claims a user asks about, as a DataFrame.

Filters combine with AND: a subject (its canonical name, any case), a unit
(every unit of the same family, with each figure also converted to the
unit asked for: `--unit MW` finds GW claims too), a period (a claim's own
date when it has a year, else its article's date; partial dates count as
their whole span, so `--since 2025` keeps "2025-03"), a source, a modality.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from pipeline.store.amounts import amount
from pipeline.store.meta import iso_date
from pipeline.store.units import unit_rule

_SELECT = """
SELECT a.article_id, a.outlet, a.country, a.url, a.date AS article_date,
    CASE WHEN regexp_matches(coalesce(c.date, ''), '^\\d{4}') THEN c.date ELSE a.date END AS "when",
    c.claim_id, c.label, c.value, c.low, c.high, c.approx, c.unit, c.subject, c.hardware, c.orgs, c.modality,
    c.source, c.date, c.cues,
    substring(a.text, c.anchor_start + 1, c.anchor_end - c.anchor_start) AS anchor_text,
    substring(a.text, c.sentence_start + 1, c.sentence_end - c.sentence_start) AS sentence
FROM claims c JOIN articles a USING (article_key)
"""


@dataclass(frozen=True)
class ClaimQuery:
    subject: str | None = None
    unit: str | None = None
    since: str | None = None
    until: str | None = None
    source: str | None = None
    modality: str | None = None
    limit: int | None = None


def date_bounds(text: str) -> tuple[str, str]:
    """A partial ISO date as the first and last strings of its span, for string comparison."""
    found = iso_date(text)
    if found is None:
        raise ValueError(f"{text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return found + "-00-00"[len(found) - 4 :], found + "-99-99"[len(found) - 4 :]


def _unit_families(connection: duckdb.DuckDBPyConnection, unit: str) -> dict[tuple[str | None, str], float]:
    """Every stored (unit, label) of the asked unit's family → factor from it to the asked unit."""
    stored = connection.execute("SELECT DISTINCT unit, label FROM claims").fetchall()
    labels = {label for stored_unit, label in stored if stored_unit == unit} or {None, "MONEY"}
    asked = {unit_rule(unit, label) for label in labels}
    families = {rule.family: rule.factor for rule in asked if rule.family is not None}
    found = {}
    for stored_unit, label in stored:
        rule = unit_rule(stored_unit, label)
        if rule.family in families:
            found[(stored_unit, label)] = rule.factor / families[rule.family]
    return found


def _where(query: ClaimQuery) -> tuple[list[str], dict[str, object]]:
    clauses, parameters = [], {}
    if query.subject is not None:
        clauses.append("lower(subject) = lower($subject)")
        parameters["subject"] = query.subject.strip()
    if query.source is not None:
        clauses.append("lower(source) = lower($source)")
        parameters["source"] = query.source.strip()
    if query.modality is not None:
        clauses.append("modality = $modality")
        parameters["modality"] = query.modality
    if query.since is not None:
        clauses.append("\"when\" || '-99-99'[length(\"when\") - 3:] >= $since")
        parameters["since"] = date_bounds(query.since)[0]
    if query.until is not None:
        clauses.append("\"when\" || '-00-00'[length(\"when\") - 3:] <= $until")
        parameters["until"] = date_bounds(query.until)[1]
    return clauses, parameters


def _unit_filter(connection: duckdb.DuckDBPyConnection, unit: str) -> tuple[str, dict[str, object], dict[tuple[str | None, str], float]]:
    factors = _unit_families(connection, unit)
    if not factors:
        return "false", {}, factors
    units = [stored for stored, _ in factors]
    return "list_contains($units, unit)", {"units": [u for u in units if u is not None]}, factors


def query_claims(connection: duckdb.DuckDBPyConnection, query: ClaimQuery) -> pd.DataFrame:
    """The claims that match, newest first (undated last), each with its amount as written."""
    clauses, parameters = _where(query)
    factors: dict[tuple[str | None, str], float] = {}
    if query.unit is not None:
        clause, unit_parameters, factors = _unit_filter(connection, query.unit)
        clauses.append(clause)
        parameters.update(unit_parameters)
    where = " AND ".join(clauses) or "true"
    limit = f" LIMIT {int(query.limit)}" if query.limit else ""
    sql = f"SELECT * FROM ({_SELECT}) WHERE {where} ORDER BY \"when\" DESC NULLS LAST, article_id, claim_id{limit}"
    found = connection.execute(sql, parameters).df()
    found.insert(found.columns.get_loc("unit"), "amount", [_amount(row) for row in found.itertuples(index=False)])
    if query.unit is not None:
        found[f"in {query.unit}"] = [
            _amount(row, factors.get((row.unit, row.label), 1.0)) for row in found.itertuples(index=False)
        ]
    return found


def _amount(row, scale: float = 1.0) -> str:
    return amount(row.value, row.low, row.high, row.approx, scale)
