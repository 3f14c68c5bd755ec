"""--jobs and Dask give the same records, in the same order, as one process."""

import json
import subprocess
import sys

import pytest

from conftest import ARTICLES, ROOT

pytestmark = pytest.mark.model


def _items():
    return [(p.stem, p.read_text(encoding="utf-8"), {}) for p in sorted(ARTICLES.glob("*.txt"))]


@pytest.fixture(scope="module")
def local_lines(extractor):
    return [a.model_dump_json() for a in extractor.extract_many(_items())]


def test_scale_process_pool_matches_one_process(local_lines):
    from pipeline.scale import extract_local

    outcomes = list(extract_local(_items(), model=None, jobs=2, chunk_size=2))
    assert [o.error for o in outcomes] == [None] * len(outcomes)
    assert [o.line for o in outcomes] == local_lines


def test_scale_one_bad_article_fails_alone(extractor):
    from pipeline import scale

    class Fragile:
        """Breaks on one article, as a bug in a component would."""

        def extract_many(self, items):
            items = list(items)
            if any(text == "BOOM" for _, text, _ in items):
                raise RuntimeError("boom")
            return extractor.extract_many(items)

        def extract(self, text, article_id, meta):
            if text == "BOOM":
                raise RuntimeError("boom")
            return extractor.extract(text, article_id, meta)

    outcomes = scale.extract_items(Fragile(), [("a", "Meta compró 10 GPU.", {}), ("b", "BOOM", {}), ("c", "Hay 5 TB.", {})])
    assert [o.id for o in outcomes] == ["a", "b", "c"]
    assert outcomes[0].line and outcomes[2].line
    assert outcomes[1].line is None and "RuntimeError: boom" in outcomes[1].error


@pytest.mark.slow
def test_scale_dask_cluster_matches_local(local_lines):
    import distributed
    from pipeline.scale import extract_bag, extract_dask

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            outcomes = list(extract_dask(_items(), client=client, chunk_size=3))
            assert [o.line for o in outcomes] == local_lines
            import dask.bag as db

            bagged = extract_bag(db.from_sequence(_items(), npartitions=4)).compute()
            assert [o.line for o in bagged] == local_lines


@pytest.mark.slow
def test_scale_cli_dask_option_matches_local(tmp_path, local_lines):
    import distributed
    out = tmp_path / "dask.jsonl"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        result = subprocess.run(
            [sys.executable, "-m", "pipeline.cli", "extract", str(ARTICLES), "-o", str(out), "--dask", cluster.scheduler_address],
            capture_output=True, text=True, cwd=ROOT, timeout=600,
        )
    assert result.returncode == 0, result.stderr
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    expected = [json.loads(line) for line in local_lines]
    for record in written:
        record["meta"].pop("path"), record["meta"].pop("encoding")
    for record in expected:
        record["meta"].pop("path"), record["meta"].pop("encoding")
    assert written == expected
