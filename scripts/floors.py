"""Score every corpus split against its floors, or set the floors anew.

    python scripts/floors.py            extract each corpus, score each split,
                                        exit 1 when a figure is under its floor
    python scripts/floors.py --set      write corpus/floors.json: every figure
                                        measured now, less the margin
"""

from __future__ import annotations

import argparse
import json
import math
import sys

from pipeline.review.floors import FLOORS, MARGIN, ROOT, below, measure


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="store_true", help="write corpus/floors.json from the figures measured now")
    args = parser.parse_args(argv)
    measured = measure()
    for corpus, splits in measured.items():
        for split, figures in splits.items():
            print(f"{corpus} {split}: " + ", ".join(f"{n}={v:.3f}" for n, v in figures.items()))
    if args.set:
        floors = {
            "_about": f"Floors of every figure, {MARGIN} under what was measured when set (scripts/floors.py --set).",
            **{c: {s: {n: math.floor((v - MARGIN) * 100) / 100 for n, v in f.items()} for s, f in sp.items()} for c, sp in measured.items()},
        }
        FLOORS.write_text(json.dumps(floors, indent=1) + "\n", encoding="utf-8")
        print(f"floors written to {FLOORS.relative_to(ROOT)}")
        return 0
    failures = below(measured, json.loads(FLOORS.read_text(encoding="utf-8")))
    for failure in failures:
        print(f"below the floor: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
