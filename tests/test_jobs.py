"""`--jobs 2` on a busy machine: it never hangs, and it writes exactly what
one process writes.

A run that hung used to be killed by the timeout after writing every
record; here a hang fails the test (after a bounded wait) instead of
hanging the suite. `bench/jobs_soak.py` runs the same check 50 times.
"""

from __future__ import annotations

import multiprocessing
import subprocess
import sys

import pytest

from conftest import ARTICLES, ROOT

pytestmark = [pytest.mark.model, pytest.mark.slow]
RUNS = 4
AFIRMA = [sys.executable, "-m", "pipeline.cli", "extract", str(ARTICLES), "--no-progress"]


def _spin(seconds: float) -> None:
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


@pytest.fixture
def busy_machine():
    """Both cores kept busy by other processes while the runs go."""
    spinners = [multiprocessing.get_context("spawn").Process(target=_spin, args=(600,), daemon=True) for _ in range(2)]
    for spinner in spinners:
        spinner.start()
    yield
    for spinner in spinners:
        spinner.kill()
        spinner.join()


def test_jobs_two_never_hangs_and_matches_one_process(tmp_path, busy_machine):
    single = tmp_path / "one.jsonl"
    subprocess.run([*AFIRMA, "-o", str(single)], cwd=ROOT, check=True, capture_output=True, timeout=300)
    for run in range(RUNS):
        out = tmp_path / f"two-{run}.jsonl"
        try:
            result = subprocess.run([*AFIRMA, "--jobs", "2", "-o", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=120)
        except subprocess.TimeoutExpired:
            pytest.fail(f"run {run} of --jobs 2 hung (no exit within 120 s)")
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        assert "stopping" not in result.stderr, "no signal was sent, yet the run says it is stopping"
        assert out.read_bytes() == single.read_bytes(), f"run {run}: --jobs 2 differs from --jobs 1"
