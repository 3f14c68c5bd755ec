"""The ordered worker pool behind `--jobs`: input drawn lazily, results in
order, a dying worker costs only the item it died on, and closing always
ends every worker. Plain functions stand in for the pipeline, so these run
without a spaCy model."""

from __future__ import annotations

import os
import signal
import time

import pytest

from pipeline.pool import OrderedPool, WorkerStartError


def _double(items):
    return [item * 2 for item in items]


def _die_on_13(items):
    if 13 in items:
        os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's OOM killer would
    return [item * 2 for item in items]


def _slow(items):
    time.sleep(30)
    return items


def _cannot_start():
    raise RuntimeError("no model here")


def _died(item, why):
    return f"failed {item}: {why}"


def _chunks(numbers, size):
    numbers = list(numbers)
    return [numbers[i : i + size] for i in range(0, len(numbers), size)]


def test_pool_results_come_in_input_order():
    with OrderedPool(2, _double, on_death=_died) as pool:
        results = [r for chunk in pool.map(_chunks(range(100), 7)) for r in chunk]
    assert results == [n * 2 for n in range(100)]


def test_pool_draws_input_only_as_workers_free_up():
    drawn = []

    def source():
        for start in range(0, 20_000, 4):
            drawn.append(start)
            yield list(range(start, start + 4))

    with OrderedPool(2, _double, on_death=_died, window=4) as pool:
        stream = pool.map(source())
        first = next(stream)
        assert first == [0, 2, 4, 6]
        # The first result needs only what two workers and a window of four hold.
        assert len(drawn) <= 4 + 2, f"{len(drawn)} chunks drawn before the first result"
        stream.close()


def test_pool_a_killed_worker_costs_only_its_item():
    with OrderedPool(2, _die_on_13, on_death=_died) as pool:
        results = [r for chunk in pool.map(_chunks(range(30), 5)) for r in chunk]
        assert all(w.process.is_alive() for w in pool.workers), "the dead worker was replaced"
    assert results[13].startswith("failed 13: the worker process died (killed by signal 9)")
    assert [r for i, r in enumerate(results) if i != 13] == [n * 2 for n in range(30) if n != 13]


def test_pool_stops_when_asked_and_ends_busy_workers_within_seconds():
    holder = {}

    def busy() -> bool:  # stop once every worker is deep in a 30-second task
        return all(w.task is not None for w in holder["pool"].workers)

    pool = holder["pool"] = OrderedPool(2, _slow, on_death=_died, should_stop=busy)
    processes = [w.process for w in pool.workers]
    started = time.monotonic()
    assert list(pool.map(_chunks(range(10), 1))) == []
    assert pool.stopped
    pool.close(deadline=2)
    assert time.monotonic() - started < 15
    assert not any(p.is_alive() for p in processes)


def test_pool_workers_ignore_ctrl_c():
    """Ctrl-C goes to the whole process group; only the main process decides."""
    with OrderedPool(1, _double, on_death=_died) as pool:
        assert list(pool.map([[1]])) == [[2]]
        worker = pool.workers[0].process
        os.kill(worker.pid, signal.SIGINT)
        assert list(pool.map([[2]])) == [[4]]
        assert worker.is_alive()


def test_pool_a_worker_that_cannot_start_is_an_error():
    with pytest.raises(WorkerStartError, match="no model here"):
        with OrderedPool(2, _double, on_death=_died, initializer=_cannot_start) as pool:
            list(pool.map([[1]]))
