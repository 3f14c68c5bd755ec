"""An ordered pool of worker processes that cannot hang.

`multiprocessing.Pool` was the first tool here and failed in three ways: its
`imap` drains the whole input into a queue before the first result (the
corpus held in memory), its workers inherited the main process's SIGINT and
SIGTERM handlers (so `terminate()` could leave a worker catching the signal
and the run waiting forever), and a worker killed by the kernel left its
chunk unanswered. This pool owns each worker through a pipe:

- a worker takes one task at a time, so the main process knows what each
  one holds; tasks are drawn from the input only when a worker is free and
  fewer than `window` results wait to be put in order;
- workers ignore SIGINT (Ctrl-C reaches the whole process group; only the
  main process decides to stop) and die at once on SIGTERM; signals are
  blocked while a worker is forked, so none arrives before that is set;
- a worker that dies is replaced, and its task is retried item by item, so
  only the item that kills a worker is reported;
- closing the pool always ends every worker: a polite stop, then SIGTERM,
  then SIGKILL, each with a deadline.
"""

from __future__ import annotations

import multiprocessing
import signal
import traceback
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from typing import Any, Callable, Iterable, Iterator, Sequence

POLL_SECONDS = 0.2
_SIGNALS = {signal.SIGINT, signal.SIGTERM}


class WorkerStartError(RuntimeError):
    """A worker could not set itself up (the model would not load, say)."""


@dataclass
class _Task:
    key: int
    items: Sequence[Any]
    retried: bool = False  # a single item re-run after its chunk killed a worker
    index: int = 0  # that item's place in its chunk


@dataclass
class _Slot:
    """Results of one input chunk, complete when every item has its result."""

    size: int
    results: dict[int, Any] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return len(self.results) >= self.size

    def ordered(self) -> list[Any]:
        return [self.results[i] for i in range(self.size)]


def _worker_main(conn, initializer, initargs, function) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _SIGNALS)
    try:
        initializer(*initargs)
    except BaseException as error:  # noqa: BLE001 - reported to the main process
        conn.send(("failed", f"{type(error).__name__}: {error}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        key, items = task
        try:
            conn.send(("done", (key, function(items))))
        except BaseException:  # noqa: BLE001 - the function is meant to catch its own errors
            conn.send(("error", (key, traceback.format_exc(limit=3))))


class _Worker:
    def __init__(self, context, initializer, initargs, function):
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main, args=(child, initializer, initargs, function), daemon=True
        )
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
        try:
            self.process.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
        child.close()  # only the worker holds its end: its death reads as EOF here
        self.task: _Task | None = None
        self.ready = False

    def end(self, deadline: float) -> None:
        """Stop the worker for sure: ask, then SIGTERM, then SIGKILL."""
        if self.process.is_alive() and self.task is None and self.ready:
            try:
                self.conn.send(None)
            except OSError:
                pass
            self.process.join(deadline)
        for stop in (self.process.terminate, self.process.kill):
            if not self.process.is_alive():
                break
            stop()
            self.process.join(deadline)
        self.conn.close()


class OrderedPool:
    """`map` a function over chunks of items in `jobs` processes, results in input order.

    `function(items)` returns one result per item, in order; `on_death(item,
    description)` gives the result for an item whose worker died on it.
    """

    def __init__(
        self,
        jobs: int,
        function: Callable[[Sequence[Any]], list[Any]],
        *,
        on_death: Callable[[Any, str], Any],
        initializer: Callable[..., None] = lambda: None,
        initargs: tuple = (),
        window: int | None = None,
        should_stop: Callable[[], bool] = lambda: False,
    ):
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        self._context = multiprocessing.get_context(method)
        self._spawn = lambda: _Worker(self._context, initializer, initargs, function)
        self._on_death = on_death
        self._should_stop = should_stop
        self.window = window or 4 * jobs
        self.workers = [self._spawn() for _ in range(jobs)]
        self.stopped = False

    def __enter__(self) -> "OrderedPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self, deadline: float = 5.0) -> None:
        for worker in self.workers:
            worker.end(deadline)
        self.workers = []

    # ------------------------------------------------------------------ map
    def map(self, chunks: Iterable[Sequence[Any]]) -> Iterator[list[Any]]:
        source = iter(chunks)
        slots: dict[int, _Slot] = {}
        retries: list[_Task] = []
        next_key = next_out = 0
        exhausted = False
        while True:
            while next_out in slots and slots[next_out].complete:
                yield slots.pop(next_out).ordered()
                next_out += 1
            if self._should_stop():
                self.stopped = True
                return
            for worker in self._idle():
                task = retries.pop(0) if retries else None
                if task is None and not exhausted and len(slots) < self.window:
                    items = next(source, None)
                    if items is None:
                        exhausted = True
                    else:
                        items = list(items)
                        slots[next_key] = _Slot(len(items))
                        task = _Task(next_key, items)
                        next_key += 1
                if task is None:
                    break
                self._send(worker, task)
            if exhausted and not slots:
                return
            self._collect(slots, retries)

    def _idle(self) -> list[_Worker]:
        return [w for w in self.workers if w.ready and w.task is None]

    @staticmethod
    def _send(worker: _Worker, task: _Task) -> None:
        worker.task = task
        worker.conn.send((task.key, task.items))

    def _collect(self, slots: dict[int, _Slot], retries: list[_Task]) -> None:
        """Wait a moment for any worker to answer or die, and take what came."""
        waiting = {w.conn: w for w in self.workers} | {w.process.sentinel: w for w in self.workers}
        for ready in wait(list(waiting), timeout=POLL_SECONDS):
            worker = waiting[ready]
            if worker in self.workers:  # not already replaced in this round
                self._answer(worker, slots, retries)

    def _answer(self, worker: _Worker, slots: dict[int, _Slot], retries: list[_Task]) -> None:
        try:
            kind, payload = worker.conn.recv() if worker.conn.poll() else ("dead", None)
        except (EOFError, OSError):
            kind, payload = "dead", None
        if kind == "ready":
            worker.ready = True
        elif kind == "failed":
            raise WorkerStartError(f"a worker process could not start: {payload}")
        elif kind == "dead":
            if worker.process.is_alive():
                return  # readable for another reason; it answers next round
            self._replace(worker, slots, retries)
        else:
            key, results = payload
            task, worker.task = worker.task, None
            if kind == "error":
                results = [self._on_death(item, f"worker error: {results.strip().splitlines()[-1]}") for item in task.items]
            self._store(slots, task, results)

    def _replace(self, worker: _Worker, slots: dict[int, _Slot], retries: list[_Task]) -> None:
        task = worker.task
        code = worker.process.exitcode
        worker.process.join(0.1)
        worker.conn.close()
        self.workers[self.workers.index(worker)] = self._spawn()
        if task is None:
            if not worker.ready:
                raise WorkerStartError(f"a worker process died while starting (exit code {code})")
            return
        if task.retried or len(task.items) == 1:
            how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
            self._store(slots, task, [self._on_death(task.items[0], f"the worker process died ({how})")])
            return
        # Which item killed it? Each one again, alone.
        retries.extend(_Task(task.key, [item], retried=True, index=i) for i, item in enumerate(task.items))

    @staticmethod
    def _store(slots: dict[int, _Slot], task: _Task, results: list[Any]) -> None:
        slot = slots[task.key]
        if task.retried:
            slot.results[task.index] = results[0]
        else:
            slot.results.update(enumerate(results))
