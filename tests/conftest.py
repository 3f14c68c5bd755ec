"""Shared fixtures: one loaded pipeline for the whole session, the gold corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests are deterministic (the same examples on every run and
# machine) and run at least 500 examples each unless a test says otherwise.
settings.register_profile(
    "ci",
    max_examples=500,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "corpus" / "gold.jsonl"
ARTICLES = ROOT / "corpus" / "articles"


@pytest.fixture(scope="session")
def extractor():
    from pipeline.model import ModelNotFound

    try:
        from pipeline.api import Extractor

        return Extractor(quiet=True)
    except ModelNotFound as error:
        # A missing model is a broken set-up, never a quiet skip: `make test`
        # installs one, and `pytest -m "not model"` is the explicit way out.
        pytest.fail(f"{error} (or run `pytest -m 'not model'`)")


@pytest.fixture(scope="session")
def gold_records() -> list[dict]:
    with GOLD.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
