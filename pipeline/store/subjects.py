"""Which subject a claim is compared under.

The extraction's subject, by its canonical name, with three repairs that
each say why (data in `separators.json`, "subject"):

- a short name is its full name: "Altaris" is "Altaris Cloud" when that is
  the only stored subject it begins and the rest is a generic tail
  ("Cloud", "Data", "Group");
- a count of chips whose subject is the chip itself has no subject (a
  count is about who holds the chips);
- a claim with no subject takes the stored subject its sentence names,
  the nearest before the number, else the first after it, never a maker
  of the chips it counts.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import duckdb
import pyarrow as pa

from pipeline.store.rules import Rules


@lru_cache(maxsize=1)
def chip_makers() -> tuple[str, ...]:
    """The vendors of the hardware catalogue, lower-cased ("nvidia", "amd", …)."""
    raw = resources.files("pipeline.names").joinpath("data").joinpath("hardware.jsonl").read_text(encoding="utf-8")
    vendors = {json.loads(line).get("vendor") for line in raw.splitlines() if line.strip()}
    return tuple(sorted(vendor.lower() for vendor in vendors if vendor))


def _short_names(subjects: list[str], tails: list[str]) -> dict[str, str]:
    """Stored subject (lower-cased) → the one longer stored subject it is the start of, tail aside."""
    lowered = {subject.lower(): subject for subject in subjects}
    found: dict[str, list[str]] = {}
    for subject in subjects:
        words = subject.lower().split()
        for cut in range(1, len(words)):
            if " ".join(words[cut:]) in tails:
                found.setdefault(" ".join(words[:cut]), []).append(subject)
    return {short: longer[0] for short, longer in found.items() if short in lowered and len(set(longer)) == 1}


def subject_table(connection: duckdb.DuckDBPyConnection, rules: Rules) -> pa.Table:
    """Every stored subject, lower-cased → the subject it is compared under, and how."""
    subjects = [s for (s,) in connection.execute("SELECT DISTINCT trim(subject) FROM claims WHERE trim(subject) <> ''").fetchall()]
    short = _short_names(subjects, rules.separators["subject"]["name_tails"])
    rows = {}
    for subject in subjects:
        key = subject.lower()
        rows[key] = (short[key], f"short name '{subject}'") if key in short else (subject, "")
    return pa.table(
        {
            "name": list(rows),
            "canonical": [canonical for canonical, _ in rows.values()],
            "how": [how for _, how in rows.values()],
        }
    )
