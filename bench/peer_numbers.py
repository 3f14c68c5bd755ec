"""How afirma's find_numbers and text2num do on the Recognizers-Text specs.

Run from the repository root:

    python bench/peer_numbers.py          # a table per peer file
    python bench/peer_numbers.py --json   # the same numbers as JSON

afirma: a case passes by the rule of `tests/test_numbers_peer.py` (the
expected span overlapped by a prediction of the mapped label with the same
value, and nothing of the file's type predicted in a negative case).

text2num (`text_to_num.alpha2digit(input, "es")`), measured the way the
peer data's README does: take every token matching
`-?\\d+(?:[.,]\\d+)*(?:[eE][+-]?\\d+)?` in the output, read it both ways
(Spanish "1.000,5" and English "1,000.5"), with and without its minus sign;
an expected value is found when any reading equals it (relative tolerance
1e-9). Cases with no expected value are left out. The same rule on the
unchanged input is the control ("raw": values already written in digits).
Two additions, since text2num knows no units or ranges: for durations the
expected number is the amount of the peer's Timex ("PT3H" -> 3, "P3.5Y" ->
3.5) rather than seconds, and for number ranges it is each finite end
("[20,100)" -> 20 and 100). This finds values only; it checks no span, no
type and no unit, and ignores extra numbers, so it is more lenient than the
afirma rule.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _load_peer_rules():
    """tests/ is not a package: load the test module by its path."""
    path = ROOT / "tests" / "test_numbers_peer.py"
    spec = importlib.util.spec_from_file_location("afirma_peer_rules", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


peer = _load_peer_rules()

_TOKEN = re.compile(r"-?\d+(?:[.,]\d+)*(?:[eE][+-]?\d+)?")
_TIMEX = re.compile(r"^PT?(\d+(?:\.\d+)?)(?:WE|[YMWDHS])$")
T2N_TOL = 1e-9


def _readings(token: str) -> set[float]:
    out = set()
    for cleaned in (token.replace(".", "").replace(",", "."), token.replace(",", "")):
        try:
            value = float(cleaned)
        except ValueError:
            continue
        out.update({value, abs(value)})  # with and without its own minus sign
    return out


def numbers_in(text: str) -> set[float]:
    found: set[float] = set()
    for token in _TOKEN.findall(text):
        found |= _readings(token)
    return found


def expected_values(case) -> list[float]:
    values = []
    for entity in case.expected:
        if entity["type"] == "numberrange":
            low, high = peer.parse_peer_range(entity["resolution"]["value"])
            values += [x for x in (low, high) if x is not None]
        elif entity["value"] is None:
            continue
        elif entity["type"] == "duration":
            resolution = entity["resolution"]
            timex = resolution.get("Timex") or next(
                (v.get("timex") for v in resolution.get("values", []) if v.get("timex")), ""
            )
            match = _TIMEX.match(timex or "")
            values.append(float(match.group(1)) if match else float(entity["value"]))
        else:
            values.append(float(entity["value"]))
    return values


def _found(value: float, pool: set[float]) -> bool:
    return any(math.isclose(value, x, rel_tol=T2N_TOL) for x in pool)


def text2num_row(cases) -> dict | None:
    try:
        from text_to_num import alpha2digit
    except ImportError:
        return None
    row = {"cases": 0, "values": 0, "values_a2d": 0, "values_raw": 0, "all_a2d": 0, "all_raw": 0, "all_a2d_origins": []}
    for case in cases:
        values = expected_values(case)
        if not values:
            continue
        converted = numbers_in(alpha2digit(case.input, "es"))
        raw = numbers_in(case.input)
        hits_a2d = [_found(v, converted) for v in values]
        hits_raw = [_found(v, raw) for v in values]
        row["cases"] += 1
        row["values"] += len(values)
        row["values_a2d"] += sum(hits_a2d)
        row["values_raw"] += sum(hits_raw)
        if all(hits_a2d):
            row["all_a2d"] += 1
            row["all_a2d_origins"].append(case.origin)
        row["all_raw"] += all(hits_raw)
    return row


def run() -> dict:
    cases = peer.load_cases()
    afirma = peer.summarise(cases)
    report = {"files": {}, "total": {}}
    for name, row in afirma.items():
        file_cases = [c for c in cases if c.file == name]
        t2n = text2num_row(file_cases)
        entry = {"cases": row["cases"], "afirma_passed": row["passed"], "afirma_failed": row["failed"]}
        if t2n is not None:
            failed = set(row["failed"])
            entry["text2num"] = {k: v for k, v in t2n.items() if k != "all_a2d_origins"}
            # Where text2num reads every value and afirma does not pass.
            entry["text2num_only"] = [o for o in t2n["all_a2d_origins"] if o in failed]
        report["files"][name] = entry
    total = report["total"]
    total["cases"] = sum(f["cases"] for f in report["files"].values())
    total["afirma_passed"] = sum(f["afirma_passed"] for f in report["files"].values())
    if all("text2num" in f for f in report["files"].values()):
        total["text2num"] = {
            key: sum(f["text2num"][key] for f in report["files"].values())
            for key in ("cases", "values", "values_a2d", "values_raw", "all_a2d", "all_raw")
        }
        total["text2num_only"] = sum(len(f["text2num_only"]) for f in report["files"].values())
    return report


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def print_table(report: dict) -> None:
    header = (
        f"{'file':40} {'cases':>5} {'afirma':>7} {'':>6}   "
        f"{'t2n cases':>9} {'values':>6} {'a2d':>4} {'raw':>4} {'all a2d':>7} {'all raw':>7} {'t2n only':>8}"
    )
    print(header)
    print("-" * len(header))
    rows = list(report["files"].items()) + [("total", report["total"])]
    for name, row in rows:
        line = f"{name:40} {row['cases']:>5} {row['afirma_passed']:>7} {_pct(row['afirma_passed'], row['cases']):>6}   "
        t2n = row.get("text2num")
        if t2n:
            only = row["text2num_only"] if isinstance(row["text2num_only"], int) else len(row["text2num_only"])
            line += (
                f"{t2n['cases']:>9} {t2n['values']:>6} {t2n['values_a2d']:>4} {t2n['values_raw']:>4} "
                f"{t2n['all_a2d']:>7} {t2n['all_raw']:>7} {only:>8}"
            )
        else:
            line += f"{'(text2num not installed)':>9}"
        print(line)
    print()
    print("afirma: cases passed by find_numbers (rule of tests/test_numbers_peer.py).")
    print("t2n cases: cases with an expected value; values: how many; a2d/raw: values found after")
    print("alpha2digit / already in the input; all a2d/all raw: cases with every value found;")
    print("t2n only: cases where text2num finds every value and afirma fails (see --json for which).")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    report = run()
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print_table(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
