"""Running extraction on more than one core: a local process pool, or Dask.

Both keep the same contract as `Extractor.extract_many`: records in input
order, the pipeline loaded once per worker process, and one article's
failure reported for that article only. Work crosses process boundaries as
(id, text, meta) tuples going out and JSON lines coming back, so nothing
spaCy-specific is pickled.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator

Item = tuple[str, str, "dict[str, Any] | None"]


@dataclass(frozen=True)
class Outcome:
    """One article's result: its record as a JSON line, or why it failed."""

    id: str
    line: str | None = None
    error: str | None = None


# ----------------------------------------------------------------- in-process
def extract_items(extractor, items: list[Item]) -> list[Outcome]:
    """A batch through `nlp.pipe`; if the batch fails, each item alone, so
    that one bad article costs only itself."""
    try:
        return [Outcome(a.id, a.model_dump_json()) for a in extractor.extract_many(items)]
    except Exception:  # noqa: BLE001 - isolate the article, report it, go on
        outcomes = []
        for article_id, text, meta in items:
            try:
                outcomes.append(Outcome(article_id, extractor.extract(text, article_id, meta).model_dump_json()))
            except Exception as error:  # noqa: BLE001
                outcomes.append(Outcome(article_id, error=_describe(error)))
        return outcomes


def _describe(error: BaseException) -> str:
    where = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    location = f" (at {where.name}, line {where.lineno})" if where else ""
    return f"extraction failed: {type(error).__name__}: {error}{location}"


def chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# -------------------------------------------------------------- process pool
_WORKER_EXTRACTOR = None


def _init_worker(model: str | None) -> None:
    global _WORKER_EXTRACTOR
    from pipeline.api import Extractor

    _WORKER_EXTRACTOR = Extractor(model, quiet=True)


def _work(items: list[Item]) -> list[Outcome]:
    return extract_items(_WORKER_EXTRACTOR, items)


def _died_on(item: Item, why: str) -> Outcome:
    return Outcome(item[0], error=f"extraction failed: {why}")


def extract_local(
    items: Iterable[Item],
    *,
    model: str | None,
    jobs: int,
    chunk_size: int = 8,
    should_stop: Callable[[], bool] = lambda: False,
) -> Iterator[Outcome]:
    """Outcomes in input order from `jobs` worker processes.

    Only a few chunks per worker are drawn from `items` at a time, so memory
    does not grow with the corpus; `should_stop` is asked a few times a
    second, and when it says so the workers are ended and nothing more is
    yielded.
    """
    if jobs <= 1:
        from pipeline.api import Extractor

        extractor = Extractor(model, quiet=True)
        for chunk in chunks(items, chunk_size * 2):
            yield from extract_items(extractor, chunk)
            if should_stop():
                return
        return
    from pipeline.pool import OrderedPool

    pool = OrderedPool(
        jobs, _work, on_death=_died_on, initializer=_init_worker, initargs=(model,), should_stop=should_stop
    )
    with pool:
        for outcomes in pool.map(chunks(items, chunk_size)):
            yield from outcomes


# ---------------------------------------------------------------------- Dask
def _dask_work(items: list[Item], model: str | None) -> list[Outcome]:
    """Runs on a Dask worker: the pipeline is loaded once per worker process."""
    from distributed import get_worker

    try:
        worker = get_worker()
    except ValueError:  # a bag computed without a distributed cluster
        global _WORKER_EXTRACTOR
        if _WORKER_EXTRACTOR is None:
            _init_worker(model)
        return extract_items(_WORKER_EXTRACTOR, items)
    key = f"afirma-extractor-{model}"
    extractor = getattr(worker, "_afirma_extractors", {}).get(key)
    if extractor is None:
        from pipeline.api import Extractor

        extractor = Extractor(model, quiet=True)
        if not hasattr(worker, "_afirma_extractors"):
            worker._afirma_extractors = {}
        worker._afirma_extractors[key] = extractor
    return extract_items(extractor, items)


def extract_dask(
    items: Iterable[Item], *, client, model: str | None = None, chunk_size: int = 16, in_flight: int | None = None
) -> Iterator[Outcome]:
    """Outcomes in input order from a Dask cluster.

    Chunks are submitted as futures with a bounded number in flight (by
    default four per worker thread), so a corpus of millions streams
    through without being held in memory on the client.
    """
    from collections import deque

    if in_flight is None:
        in_flight = max(2, 4 * sum(client.nthreads().values()))
    pending: deque = deque()
    for chunk in chunks(items, chunk_size):
        pending.append(client.submit(_dask_work, chunk, model, pure=False))
        if len(pending) >= in_flight:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def extract_bag(bag, model: str | None = None):
    """A Dask bag of (id, text, meta) items mapped to a bag of `Outcome`s.

    For users who already hold their corpus as a bag:

        outcomes = extract_bag(db.from_sequence(items, npartitions=64)).compute()
    """
    return bag.map_partitions(lambda part: _dask_work(list(part), model))
