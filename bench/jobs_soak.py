"""`afirma extract corpus/articles --jobs 2`, many times, on a busy machine.

    python bench/jobs_soak.py            # 50 runs
    python bench/jobs_soak.py --runs 10

Two spinning processes keep both cores busy, as a shared CI machine would.
Each run must exit 0 within --timeout seconds and write exactly what
`--jobs 1` writes. Prints one line per run and a summary; exits 1 on any
hang, failure or difference.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _spin() -> None:
    while True:
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--folder", default=str(ROOT / "corpus" / "articles"))
    args = parser.parse_args(argv)
    command = [sys.executable, "-m", "pipeline.cli", "extract", args.folder, "--no-progress"]
    spinners = [multiprocessing.Process(target=_spin, daemon=True) for _ in range(2)]
    for spinner in spinners:
        spinner.start()
    walls, bad = [], 0
    try:
        with tempfile.TemporaryDirectory() as tmp:
            single = Path(tmp) / "one.jsonl"
            subprocess.run([*command, "-o", str(single)], cwd=ROOT, check=True, capture_output=True)
            for run in range(1, args.runs + 1):
                out = Path(tmp) / "two.jsonl"
                start = time.perf_counter()
                try:
                    result = subprocess.run([*command, "--jobs", "2", "-o", str(out)], cwd=ROOT, capture_output=True,
                                            text=True, timeout=args.timeout)
                    verdict = "ok" if result.returncode == 0 and out.read_bytes() == single.read_bytes() else (
                        f"exit {result.returncode}" if result.returncode else "DIFFERENT OUTPUT")
                except subprocess.TimeoutExpired:
                    verdict = f"HUNG (killed after {args.timeout:.0f} s)"
                wall = time.perf_counter() - start
                walls.append(wall)
                bad += verdict != "ok"
                print(f"run {run:>3}: {wall:6.1f} s  {verdict}", flush=True)
    finally:
        for spinner in spinners:
            spinner.kill()
    print(f"{args.runs} runs of --jobs 2 under load: {args.runs - bad} ok, {bad} failed or hung; "
          f"wall median {statistics.median(walls):.1f} s, max {max(walls):.1f} s")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
