"""How sure afirma is of a claim: each field's way of being decided, and how
often that way agreed with the gold on the dev articles.

A field is decided by one rule, which its cue names ("subject<-reference",
"source<-verb", "modality:estimated<-..."), or by no rule at all (no source:
the article's own voice). `field_key` turns a claim into one key per field;
`data/confidence.json` holds, for each key, how many dev claims were decided
that way and how many of them agreed with the gold (`scripts/calibrate.py`
writes it, from dev articles only). A field's confidence is that share,
smoothed towards one half when the key was seen rarely; the claim's is the
product of its fields', the chance that all of them are right if the rules
err independently.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

_TABLE = Path(__file__).parent / "data" / "confidence.json"
FIELDS = ("unit", "subject", "hardware", "modality", "source", "orgs", "date")
_CUE = re.compile(r"^(?P<field>[a-z]+)(?::(?P<modality>[a-z]+))?(?:<-|:)(?P<kind>[a-z-]+)")


def field_keys(label: str, cues, fields: dict) -> dict[str, str]:
    """One key per field: the rule that decided it, from the claim's cues."""
    keys = {"unit": f"label:{label}", "subject": "none", "hardware": "none", "source": "voice"}
    keys["modality"] = f"{fields['modality']}:default"
    for cue in cues:
        found = _CUE.match(cue)
        if found is None or found["field"] not in keys:
            continue
        kind = found["kind"]
        if found["field"] == "modality":
            keys["modality"] = f"{found['modality']}:cue"
        elif found["field"] == "unit" and kind.startswith("per-"):
            keys["unit"] = "rate"
        else:
            keys[found["field"]] = kind
    keys["orgs"] = str(min(len(fields["orgs"]), 2))
    keys["date"] = "dated" if fields["date"] else "undated"
    return keys


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, list[int]]]:
    data = json.loads(_TABLE.read_text(encoding="utf-8"))
    return {field: data[field] for field in FIELDS}


def field_confidence(keys: dict[str, str]) -> dict[str, float]:
    table = _table()
    return {field: _smoothed(*table[field].get(key, (0, 0))) for field, key in keys.items()}


def _smoothed(agreed: int, seen: int) -> float:
    # Laplace: a key seen twice and right twice is not certain.
    return round((agreed + 1) / (seen + 2), 3)


def claim_confidence(by_field: dict[str, float]) -> float:
    product = 1.0
    for value in by_field.values():
        product *= value
    return round(product, 3)
