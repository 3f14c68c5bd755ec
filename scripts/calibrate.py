"""Calibrate claim confidence on the dev articles, and report it on test.

    python scripts/calibrate.py           write pipeline/claims/data/confidence.json
                                          from the dev split of both corpora
    python scripts/calibrate.py --report  how often claims agree with the gold
                                          above and below a confidence of 0.8,
                                          per split (test is read, never fitted)

Each paired claim adds, for each field, one to the count of the rule that
decided it, and one to its agreements when the field agrees with the gold.
Test articles never enter the table: they are only reported.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pipeline.claims import confidence
from pipeline.review.calibration import THRESHOLD, calibrate, paired_claims, report, share
from pipeline.review.floors import ROOT


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", action="store_true", help="report agreement above and below 0.8 per split")
    args = parser.parse_args(argv)
    from pipeline.api import Extractor

    extractor = Extractor(quiet=True)
    if args.report:
        for split in ("dev", "test"):
            print(f"{split}: agreeing with the gold, confidence >= {THRESHOLD} | below")
            for name, rows in report(paired_claims(split, extractor)).items():
                print(f"  {name:<9} {share(*rows['high']):>20} | {share(*rows['low'])}")
        return 0
    table = calibrate(paired_claims("dev", extractor))
    path = Path(confidence.__file__).parent / "data" / "confidence.json"
    about = "Per field, per deciding rule: [claims agreeing with the gold, claims] on the dev articles of both corpora (scripts/calibrate.py)."
    path.write_text(json.dumps({"_about": about, **table}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"written {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
