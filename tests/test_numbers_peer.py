"""find_numbers scored on Microsoft Recognizers-Text's Spanish specs.

The cases are in `tests/data/recognizers_es/` (see the README there). Each
peer entity type is mapped to what afirma produces:

| peer type     | afirma label                     | compared                                  |
|---------------|----------------------------------|-------------------------------------------|
| number        | any number label, not DATE       | value                                     |
| percentage    | PERCENT                          | value                                     |
| currency      | MONEY                            | value; ISO unit only when `iso_currency` is given |
| dimension     | QUANTITY                         | value (unit names ignored)                |
| temperature   | QUANTITY                         | value (unit names ignored)                |
| age           | DURATION                         | value, unit (Año=year, Mes=month, ...)    |
| duration      | DURATION                         | value x seconds of our unit (units.json `duration_seconds`) |
| numberrange   | any number label, not DATE       | low and high                              |

Rules (shared by the test and by `bench/peer_numbers.py`):

- An expected entity is found when some predicted span overlaps its offsets,
  has an accepted label, and one of its readings equals the expected value
  within a relative tolerance of 1e-6.
- The readings of a span are its `value`, or, for a bound or a range, its
  `low` and `high`: afirma keeps "más de", "entre ... y" inside the span and
  stores bounds, where the peer resolves "más de 500 años" to 500 or splits
  "entre 20 y 30" into two numbers. A DURATION bound is converted to seconds
  like a value.
- numberrange entities are compared on both ends: the peer's "[20,100)"
  needs low 20 and high 100, "(,170)" needs low null and high 170
  (open or closed brackets are not distinguished). "[170,170]" is also met by
  a plain value 170.
- Entities with no value (unit-only mentions such as "fahrenheit" or
  "dólares", which the contract never tags) are not checked.
- A case passes when every checked entity is found. Extra predictions are
  allowed in positive cases (each spec tags one entity type, so a MONEY span
  in a NumberModel sentence or a CARDINAL in a DimensionModel one is not
  wrong); they fail only the negative cases (`expected == []`). A negative
  case denies the file's type only: in DimensionModel "El agua hierve a 100°
  Celsius" means "no dimension here", so a QUANTITY fails it and a CARDINAL
  does not; in NumberModel any number label fails it; in NumberRangeModel
  only a span with `low` or `high` does.

Cases afirma does not pass are listed with a reason in
`data/recognizers_es/known_gaps.json`; they run as strict xfails, so a fix
turns them into XPASS failures until the entry is removed.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable

import pytest

from pipeline.numbers import NumberMatch, find_numbers

DATA_DIR = Path(__file__).parent / "data" / "recognizers_es"
KNOWN_GAPS_FILE = DATA_DIR / "known_gaps.json"
REL_TOL = 1e-6

_NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "DURATION"})
LABELS_FOR_TYPE = {
    "number": _NUMBER_LABELS,
    "numberrange": _NUMBER_LABELS,
    "percentage": frozenset({"PERCENT"}),
    "currency": frozenset({"MONEY"}),
    "dimension": frozenset({"QUANTITY"}),
    "temperature": frozenset({"QUANTITY"}),
    "age": frozenset({"DURATION"}),
    "duration": frozenset({"DURATION"}),
}
# What a negative case of each file denies: "no entity of the file's type".
FILE_TYPES = {
    "number": "number",
    "number_es-mx": "number",
    "number_range": "numberrange",
    "percent": "percentage",
    "currency": "currency",
    "dimension": "dimension",
    "temperature": "temperature",
    "age": "age",
    "duration": "duration",
}
AGE_UNITS = {"Año": "year", "Mes": "month", "Semana": "week", "Día": "day"}
_RANGE = re.compile(r"^[\[(]\s*([^,]*?)\s*,\s*([^,]*?)\s*[\])]$")


@dataclass(frozen=True)
class PeerCase:
    file: str  # path relative to DATA_DIR, e.g. "python-notsupported/currency.jsonl"
    origin: str  # spec path and index, unique over all files
    input: str
    expected: tuple[dict, ...]

    @property
    def is_negative(self) -> bool:
        return not self.expected


def peer_files() -> list[str]:
    top = sorted(p.name for p in DATA_DIR.glob("*.jsonl"))
    nested = sorted(f"python-notsupported/{p.name}" for p in (DATA_DIR / "python-notsupported").glob("*.jsonl"))
    return top + nested


def load_cases(files: Iterable[str] | None = None) -> list[PeerCase]:
    cases = []
    for name in files if files is not None else peer_files():
        with (DATA_DIR / name).open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    row = json.loads(line)
                    cases.append(PeerCase(name, row["origin"], row["input"], tuple(row["expected"])))
    return cases


def load_known_gaps() -> dict[str, str]:
    with KNOWN_GAPS_FILE.open(encoding="utf-8") as handle:
        gaps = json.load(handle)
    return {origin: reason for origin, reason in gaps.items() if not origin.startswith("_")}


def duration_seconds() -> dict[str, float]:
    """The recogniser's own unit table, read (never changed) from its data."""
    table = resources.files("pipeline.numbers").joinpath("data").joinpath("units.json")
    return {unit: float(s) for unit, s in json.loads(table.read_text(encoding="utf-8"))["duration_seconds"].items()}


def parse_peer_range(text: str) -> tuple[float | None, float | None]:
    """'[20,100)' -> (20, 100); '(,170]' -> (None, 170). Brackets are not kept."""
    match = _RANGE.match(text.strip())
    if not match:
        raise ValueError(f"not a peer range: {text!r}")
    low, high = (float(side) if side else None for side in match.groups())
    return low, high


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=REL_TOL)


def _overlaps(entity: dict, match: NumberMatch) -> bool:
    return match.start < entity["end"] and entity["start"] < match.end


def _readings(match: NumberMatch, seconds: dict[str, float] | None = None) -> list[float]:
    numbers = [x for x in (match.value, match.low, match.high) if isinstance(x, (int, float))]
    if seconds is not None:
        factor = seconds.get(match.unit or "")
        return [] if factor is None else [x * factor for x in numbers]
    return numbers


_HUNDREDTHS = frozenset({"Centavo", "Céntimo", "Centimo"})


def entity_found(entity: dict, predictions: list[NumberMatch], seconds: dict[str, float]) -> bool:
    kind = entity["type"]
    labels = LABELS_FOR_TYPE[kind]
    for match in predictions:
        if match.label not in labels or not _overlaps(entity, match):
            continue
        if kind == "numberrange":
            low, high = parse_peer_range(entity["resolution"]["value"])
            if _close(match.low, low) and _close(match.high, high) and match.is_range:
                return True
            if low is not None and _close(low, high) and _close(match.value, low):
                return True
            continue
        if kind == "currency" and entity.get("iso_currency") and match.unit != entity["iso_currency"]:
            continue
        if kind == "age" and match.unit != AGE_UNITS.get(entity["unit"]):
            continue
        readings = _readings(match, seconds if kind == "duration" else None)
        if kind == "currency" and entity.get("unit") in _HUNDREDTHS:
            readings = [r * 100 for r in readings]  # afirma gives "50 centavos" as 0.5 of the currency; the peer counts cents
        if any(_close(r, entity["value"]) for r in readings):
            return True
    return False


def checked_entities(case: PeerCase) -> list[dict]:
    """Entities with something to compare: a value, or a range resolution."""
    return [e for e in case.expected if e["value"] is not None or e["type"] == "numberrange"]


def case_passes(case: PeerCase, predictions: list[NumberMatch] | None = None) -> bool:
    if predictions is None:
        predictions = find_numbers(case.input)
    if case.is_negative:
        kind = FILE_TYPES[Path(case.file).stem]
        if kind == "numberrange":
            return not any(m.is_range and m.label in LABELS_FOR_TYPE[kind] for m in predictions)
        return not any(m.label in LABELS_FOR_TYPE[kind] for m in predictions)
    seconds = duration_seconds()
    return all(entity_found(e, predictions, seconds) for e in checked_entities(case))


def summarise(cases: list[PeerCase] | None = None) -> dict[str, dict]:
    """Per peer file: how many cases, how many afirma passes, which fail.

    Returns {file: {"cases": int, "passed": int, "failed": [origin, ...]}}.
    """
    summary: dict[str, dict] = {}
    for case in cases if cases is not None else load_cases():
        row = summary.setdefault(case.file, {"cases": 0, "passed": 0, "failed": []})
        row["cases"] += 1
        if case_passes(case):
            row["passed"] += 1
        else:
            row["failed"].append(case.origin)
    return summary


def describe(case: PeerCase, predictions: list[NumberMatch]) -> str:
    wanted = [(e["text"], e["type"], e["value"], e["resolution"].get("value")) for e in case.expected]
    got = [(m.text, m.label, m.value, m.low, m.high, m.unit) for m in predictions]
    return f"{case.origin}\n  input:    {case.input!r}\n  expected: {wanted}\n  got:      {got}"


# --------------------------------------------------------------------- tests
_CASES = load_cases()
_GAPS = load_known_gaps()


def _params():
    for case in _CASES:
        marks = []
        if case.origin in _GAPS:
            marks.append(pytest.mark.xfail(strict=True, reason=_GAPS[case.origin]))
        yield pytest.param(case, id=case.origin.removeprefix("Specs/"), marks=marks)


@pytest.mark.parametrize("case", list(_params()))
def test_numbers_peer_case(case: PeerCase) -> None:
    predictions = find_numbers(case.input)
    assert case_passes(case, predictions), describe(case, predictions)


def test_numbers_peer_data_offsets_match_text() -> None:
    for case in _CASES:
        for entity in case.expected:
            assert case.input[entity["start"] : entity["end"]] == entity["text"], case.origin


def test_numbers_peer_origins_are_unique() -> None:
    origins = [case.origin for case in _CASES]
    assert len(origins) == len(set(origins))


def test_numbers_peer_known_gaps_name_real_cases() -> None:
    stale = set(_GAPS) - {case.origin for case in _CASES}
    assert not stale, f"known_gaps.json names cases that do not exist: {sorted(stale)}"


def test_numbers_peer_licence_travels_with_data() -> None:
    assert (DATA_DIR / "LICENSE-Recognizers-Text.txt").read_text(encoding="utf-8").startswith("MIT License")


def test_numbers_peer_range_reading() -> None:
    assert parse_peer_range("[20,100)") == (20.0, 100.0)
    assert parse_peer_range("(,170]") == (None, 170.0)
    assert parse_peer_range("[-10,15)") == (-10.0, 15.0)
    assert parse_peer_range("(0.25,0.5)") == (0.25, 0.5)
