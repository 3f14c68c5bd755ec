"""Every stored claim with what it measures, in which group, and why.

`build_groups(connection)` fills the temporary table `grouped`: one row per
claim with its unit family and factor, its value as an interval in the
family's base unit (widened by the tolerances), the separators that place
it in a group (subject, family, hardware, stance, scope, measure, period),
the cue that set each, and `excluded` when the claim takes no part (no
subject, no comparable unit). Two claims are compared only when their
`group_id` is the same. `detail_sql()` adds what a reader needs: the
sentence, the number as written, the outlet, and `why`, a list that says
in words what set each separator.

The work runs inside DuckDB; the rules come in as small tables and
patterns built from `data/*.json`.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from pipeline.store.rules import CueList, Rules, phrase_pattern, rules
from pipeline.store.subjects import chip_makers, subject_table
from pipeline.store.units import unit_rule

_PRECISION = {"year": 4, "month": 7, "day": 10}


def _register_units(connection: duckdb.DuckDBPyConnection, rule_set: Rules) -> None:
    """`rule_units`: every stored (unit, label) with its family, factor, tolerance and why."""
    pairs = connection.execute("SELECT DISTINCT unit, label FROM claims").fetchall()
    found = [unit_rule(unit, label) for unit, label in pairs]
    table = pa.table(
        {
            "unit": pa.array([rule.unit for rule in found], pa.string()),
            "label": pa.array([label for _, label in pairs], pa.string()),
            "family": pa.array([rule.family for rule in found], pa.string()),
            "factor": pa.array([rule.factor for rule in found], pa.float64()),
            "base": pa.array([rule.base for rule in found], pa.string()),
            "unit_why": pa.array([rule.why for rule in found], pa.string()),
            "tolerance": pa.array([rule_set.tolerance(rule.family or "") for rule in found], pa.float64()),
        }
    )
    _temp_table(connection, "rule_units", table)


def _temp_table(connection: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> None:
    connection.register(f"{name}_arrow", table)
    try:
        connection.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM {name}_arrow")
    finally:
        connection.unregister(f"{name}_arrow")


def _register_stance(connection: duckdb.DuckDBPyConnection, rule_set: Rules) -> None:
    stance = rule_set.separators["stance"]["classes"]
    _temp_table(connection, "rule_stance", pa.table({"modality": list(stance), "stance": list(stance.values())}))


# One statement, so that DuckDB streams the text windows through the cue
# patterns without keeping them: only the slim `grouped` table stays.
# Cues between two numbers of one sentence belong to the text between them
# only: the nearest cue before a number, or the first after it, is read.
_GROUPED = """
CREATE OR REPLACE TEMP TABLE grouped AS
WITH bounds AS (
    SELECT c.* EXCLUDE (orgs, cues),
        greatest(c.sentence_start, c.anchor_start - $window,
                 coalesce(lag(c.anchor_end) OVER clause_order, 0)) AS before_start,
        least(c.sentence_end, c.anchor_end + $window,
              coalesce(lead(c.anchor_start) OVER clause_order, c.sentence_end)) AS after_end,
        coalesce(trim(c.subject), '') = '' OR (c.label = 'CARDINAL' AND list_contains(c.hardware, c.subject)) AS needs_subject
    FROM claims c
    WINDOW clause_order AS (PARTITION BY c.article_key, c.sentence_start ORDER BY c.anchor_start)
), sentences AS (
    -- Offsets count characters: cutting a long non-ASCII text is slow, so the
    -- article is cut once, to the sentence, and the sentence is cut again.
    SELECT b.*, a.article_id, a.date AS article_date,
        lower(substring(a.text, b.sentence_start + 1, b.sentence_end - b.sentence_start)) AS lowered
    FROM bounds b JOIN articles a USING (article_key)
), texts AS (
    SELECT * EXCLUDE (lowered),
        substring(lowered, before_start - sentence_start + 1, anchor_start - before_start) AS before_text,
        substring(lowered, anchor_end - sentence_start + 1, greatest(after_end - anchor_end, 0)) AS after_text,
        CASE WHEN needs_subject THEN substring(lowered, 1, anchor_start - sentence_start) END AS sentence_before,
        CASE WHEN needs_subject THEN substring(lowered, anchor_end - sentence_start + 1) END AS sentence_after
    FROM sentences
), cues AS (
    SELECT * EXCLUDE (before_text, after_text, sentence_before, sentence_after, before_start, after_end), {matches},
        CASE WHEN needs_subject THEN {named_before} END AS named_before,
        CASE WHEN needs_subject THEN {named_after} END AS named_after
    FROM texts
), resolved AS (
    SELECT k.* EXCLUDE (subject, named_before, named_after), k.subject AS subject_given, rs.canonical AS subject,
        CASE WHEN rs.canonical IS NULL THEN NULL
             WHEN k.needs_subject AND coalesce(trim(k.subject), '') <> '' THEN 'chip'
             WHEN k.needs_subject THEN 'named'
             WHEN rs.how <> '' THEN 'short' END AS subject_how
    FROM cues k
    LEFT JOIN rule_subjects rs ON rs.name = lower(CASE WHEN k.needs_subject
        THEN coalesce(k.named_before, k.named_after) ELSE trim(k.subject) END)
), keyed AS (
    SELECT k.* EXCLUDE (hardware, {cue_columns}), u.family, u.factor, u.tolerance,
        CASE WHEN u.family IS NULL THEN u.unit_why END AS unit_excluded,
        coalesce(st.stance, 'current') AS stance,
        {scope},
        {measure},
        array_to_string(list_sort(list_distinct(k.hardware)), ' + ') AS hardware_key,
        CASE WHEN regexp_matches(coalesce(k.date, ''), '^\\d{4}') THEN 'date'
             WHEN $undated_from_article AND k.article_date IS NOT NULL THEN 'article' END AS period_from,
        CASE period_from WHEN 'date' THEN left(k.date, $precision)
             WHEN 'article' THEN left(k.article_date, $precision) ELSE 'undated' END AS period,
        lower(k.subject) AS subject_key
    FROM resolved k
    JOIN rule_units u ON u.unit IS NOT DISTINCT FROM k.unit AND u.label = k.label
    LEFT JOIN rule_stance st ON st.modality = k.modality
), bounded AS (
    SELECT *,
        CASE WHEN value IS NOT NULL THEN value * factor WHEN low IS NOT NULL THEN low * factor ELSE '-infinity'::DOUBLE END AS lo,
        CASE WHEN value IS NOT NULL THEN value * factor WHEN high IS NOT NULL THEN high * factor ELSE 'infinity'::DOUBLE END AS hi,
        tolerance / 2 + CASE WHEN approx THEN $approx ELSE 0 END AS widening
    FROM keyed
)
SELECT * EXCLUDE (widening, needs_subject, unit_excluded),
    lo - abs(lo) * widening AS lo_w,
    hi + abs(hi) * widening AS hi_w,
    CASE WHEN subject_key IS NULL OR subject_key = '' THEN $no_subject
         WHEN family IS NULL THEN unit_excluded
         WHEN measure = $default_measure THEN $unspecified END AS excluded,
    'g-' || left(md5(concat_ws(chr(31), subject_key, family, hardware_key, stance, scope, measure, period)), 12) AS group_id,
    'q-' || left(md5(concat_ws(chr(31), subject_key, family, hardware_key, scope, measure)), 12) AS quantity_id,
    article_key::VARCHAR || chr(31) || coalesce(source, '') AS voice
FROM bounded
"""

# A cheap test first: extracting a capture is many times slower than
# matching, and most windows hold no cue at all.
_NEAREST_BEFORE = (
    "CASE WHEN {gate} AND regexp_matches(before_text, ${name}) THEN"
    " regexp_replace(list_last(regexp_extract_all(before_text, ${name}, 1)), '\\s+', ' ', 'g') END"
)
_FIRST_AFTER = (
    "CASE WHEN {gate} AND regexp_matches(after_text, ${name}) THEN"
    " regexp_replace(regexp_extract_all(after_text, ${name}, 1)[1], '\\s+', ' ', 'g') END"
)


def _cue_lists(rule_set: Rules) -> dict[str, tuple[CueList, str]]:
    """Every cue list by the name of its columns (scope, measure_money…), with the claims it can apply to."""
    labels = rule_set.separators["measure"]["labels"]
    lists = {"scope": (rule_set.scope, "true")}
    for family, cues in rule_set.measures.items():
        lists[f"measure_{family}"] = (cues, "label IN (" + ", ".join(f"'{label}'" for label in labels[family]) + ")")
    return lists


def _cue_sql(rule_set: Rules) -> tuple[list[str], list[str], dict[str, object]]:
    """The matching columns, their names, and their parameters (patterns, phrases, labels)."""
    columns, names, parameters = [], [], {}
    for name, (cues, gate) in _cue_lists(rule_set).items():
        for side, phrases, template in (("before", cues.before, _NEAREST_BEFORE), ("after", cues.after, _FIRST_AFTER)):
            column = f"{name}_{side}"
            columns.append(template.replace("{name}", f"{column}_pattern").replace("{gate}", gate) + f" AS {column}")
            names.append(column)
            parameters[f"{column}_pattern"] = phrase_pattern(phrases)
            parameters[f"{column}_phrases"] = list(phrases)
            parameters[f"{column}_labels"] = list(phrases.values())
    return columns, names, parameters


def _named(column: str, last: bool) -> str:
    """SQL for the stored subject a sentence half names (makers of counted chips left out)."""
    matches = f"regexp_extract_all({column}, $names_pattern, 1)"
    kept = f"CASE WHEN len(hardware) > 0 THEN list_filter({matches}, lambda n: NOT list_contains($makers, n)) ELSE {matches} END"
    picked = f"list_last({kept})" if last else f"({kept})[1]"
    return f"regexp_replace({picked}, '\\s+', ' ', 'g')"


def _label(column: str) -> str:
    """SQL for the label a matched phrase gives, or NULL (looked up only when a phrase matched)."""
    return f"CASE WHEN k.{column} IS NOT NULL THEN ${column}_labels[list_position(${column}_phrases, k.{column})] END"


def _scope_sql() -> str:
    """The scope, and the cue and side that set it (after the number first: 'cada uno')."""
    after, before = _label("scope_after"), _label("scope_before")
    return (
        f"coalesce({after}, {before}, $default_scope) AS scope,"
        f" CASE WHEN {after} IS NOT NULL THEN k.scope_after WHEN {before} IS NOT NULL THEN k.scope_before END AS scope_cue,"
        f" CASE WHEN {after} IS NOT NULL THEN 'after' WHEN {before} IS NOT NULL THEN 'before' END AS scope_side"
    )


def _measure_sql(rule_set: Rules) -> str:
    """The measure and its cue; read before the number first: Spanish names a quantity before its figure."""
    labels, cues, sides = [], [], []
    for family in rule_set.measures:
        before, after = f"measure_{family}_before", f"measure_{family}_after"
        labels.append(f"WHEN '{family}' THEN coalesce({_label(before)}, {_label(after)}, $default_measure)")
        cues.append(f"WHEN '{family}' THEN CASE WHEN {_label(before)} IS NOT NULL THEN k.{before} WHEN {_label(after)} IS NOT NULL THEN k.{after} END")
        sides.append(f"WHEN '{family}' THEN CASE WHEN {_label(before)} IS NOT NULL THEN 'before' WHEN {_label(after)} IS NOT NULL THEN 'after' END")
    head = "CASE split_part(u.family, ' ', 1) "
    return f"{head}{' '.join(labels)} ELSE '' END AS measure, {head}{' '.join(cues)} END AS measure_cue, {head}{' '.join(sides)} END AS measure_side"


def _grouped_sql(rule_set: Rules) -> tuple[str, dict[str, object]]:
    columns, names, parameters = _cue_sql(rule_set)
    sql = (
        _GROUPED.replace("{matches}", ",\n        ".join(columns))
        .replace("{named_before}", _named("sentence_before", last=True))
        .replace("{named_after}", _named("sentence_after", last=False))
        .replace("{cue_columns}", ", ".join(names))
        .replace("{scope}", _scope_sql())
        .replace("{measure}", _measure_sql(rule_set))
    )
    return sql, parameters


# What each claim of `grouped` is shown with: its sentence and number as
# text, its article's outlet, its extraction cues, and `why`, the
# separators in words. The filter is applied to `grouped` first, so that
# only the rows asked for are joined and dressed.
_DETAIL = """
SELECT g.*, a.outlet, a.country, a.url, u.base, u.unit_why, c.cues, c.orgs,
    substring(a.text, g.sentence_start + 1, g.sentence_end - g.sentence_start) AS sentence,
    substring(a.text, g.anchor_start + 1, g.anchor_end - g.anchor_start) AS anchor_text,
    list_concat(
        [
            CASE g.subject_how
                WHEN 'short' THEN 'subject:' || g.subject || '<-short name ' || chr(39) || g.subject_given || chr(39)
                WHEN 'named' THEN 'subject:' || g.subject || '<-named in the sentence (the claim had none)'
                WHEN 'chip' THEN 'subject:' || g.subject || '<-named in the sentence (' || g.subject_given || ' is the chip counted)'
                ELSE 'subject:' || coalesce(g.subject, 'none') END,
            u.unit_why,
            'hardware:' || CASE WHEN g.hardware_key = '' THEN 'none named' ELSE g.hardware_key END,
            'stance:' || g.stance || '<-modality:' || g.modality,
            'scope:' || g.scope || coalesce('<-' || chr(39) || g.scope_cue || chr(39) || ' ' || g.scope_side, ' (no cue)')
        ],
        CASE WHEN g.measure = '' THEN []::VARCHAR[]
             ELSE ['measure:' || g.measure || coalesce('<-' || chr(39) || g.measure_cue || chr(39) || ' ' || g.measure_side, ' (no cue)')] END,
        ['period:' || g.period || CASE g.period_from WHEN 'date' THEN '<-date:' || g.date
                                                     WHEN 'article' THEN '<-article date:' || g.article_date ELSE '' END]
    ) AS why
FROM (SELECT * FROM grouped WHERE {where}) g
JOIN articles a ON a.article_key = g.article_key
JOIN claims c ON c.article_key = g.article_key AND c.claim_id = g.claim_id
LEFT JOIN rule_units u ON u.unit IS NOT DISTINCT FROM g.unit AND u.label = g.label
"""


def detail_sql(where: str = "true") -> str:
    """A query for the rows of `grouped` that satisfy `where`, with all a reader needs."""
    return _DETAIL.replace("{where}", where)


def _parameters(rule_set: Rules) -> dict[str, object]:
    separators = rule_set.separators
    return {
        "window": rule_set.window,
        "default_scope": separators["scope"]["default"],
        "default_measure": separators["measure"]["default"],
        "precision": _PRECISION[separators["period"]["precision"]],
        "approx": rule_set.approx_widening,
        "no_subject": separators["subject"]["excluded"],
        "unspecified": separators["measure"]["unspecified"],
        "undated_from_article": bool(separators["period"]["undated_from_article"]),
        "makers": list(chip_makers()),
    }


def _register_subjects(connection: duckdb.DuckDBPyConnection, rule_set: Rules) -> dict[str, object]:
    """The subject table, and the pattern that finds stored subjects in sentences."""
    table = subject_table(connection, rule_set)
    _temp_table(connection, "rule_subjects", table)
    names = {name: name for name in table.column("name").to_pylist()}
    return {"names_pattern": phrase_pattern(names) if names else r"[^\s\S]"}  # no subject stored: a pattern that never matches


def _run(connection: duckdb.DuckDBPyConnection, sql: str, parameters: dict[str, object]) -> None:
    used = {name: value for name, value in parameters.items() if f"${name}" in sql}
    connection.execute(sql, used)


def build_groups(connection: duckdb.DuckDBPyConnection, rule_set: Rules | None = None) -> None:
    """Fill the temporary table `grouped` from the store's claims."""
    rule_set = rule_set or rules()
    _register_units(connection, rule_set)
    _register_stance(connection, rule_set)
    subject_parameters = _register_subjects(connection, rule_set)
    sql, cue_parameters = _grouped_sql(rule_set)
    _run(connection, sql, {**_parameters(rule_set), **cue_parameters, **subject_parameters})
