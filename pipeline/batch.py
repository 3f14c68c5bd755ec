"""Extraction over many inputs: what `afirma extract` does, as a function.

Good articles are written as they are done, in input order; bad ones are
reported (path and reason) and skipped; the summary says how many of each.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from pipeline.sources import (
    FeedFields, FetchSettings, InputError, Listing, Reader, ReadOptions, Source, duplicate_ids, list_inputs,
)
from pipeline.output import StopRequest, existing_ids, open_output


@dataclass
class RunSummary:
    extracted: int = 0
    failed: list[InputError] = field(default_factory=list)
    skipped: int = 0
    stopped_by: int | None = None
    model: str | None = None

    @property
    def exit_code(self) -> int:
        if self.stopped_by:
            return 128 + self.stopped_by
        return 1 if self.failed else 0

    def line(self) -> str:
        parts = [f"{self.extracted} extracted", f"{len(self.failed)} failed"]
        if self.skipped:
            parts.append(f"{self.skipped} skipped (already in the output)")
        if self.stopped_by:
            parts.append("stopped early")
        return "afirma: " + ", ".join(parts)


class DuplicateIds(ValueError):
    pass


def run_extraction(
    paths: Iterable[str],
    *,
    output: Path | None = None,
    model: str | None = None,
    encoding: str | None = None,
    resume: bool = False,
    jobs: int = 1,
    dask: str | None = None,
    stdin_id: str = "stdin",
    country: str | None = None,
    url_files: Iterable[str] = (),
    feed: FeedFields | None = None,
    fetch: FetchSettings | None = None,
    on_error: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    on_start: Callable[[int], None] | None = None,
) -> RunSummary:
    report = on_error or (lambda error: print(f"afirma: error: {error}", file=sys.stderr))
    listing = _listed(list_inputs(paths, stdin_id=stdin_id, url_files=url_files, feed=feed), report)
    summary = RunSummary(failed=list(listing.errors))
    done = existing_ids(output) if resume and output is not None else set()
    sources = [s for s in listing.sources if s.id not in done]
    summary.skipped = len(listing.sources) - len(sources)
    if on_start:
        on_start(len(sources))
    if not sources:
        return summary

    from pipeline.model import describe_model, version_note

    summary.model = describe_model(model)
    note = version_note(model)
    # One line for the model, whatever the run does after it.
    print(f"afirma: using spaCy model {summary.model}" + (f" ({note})" if note else ""), file=sys.stderr)
    stop = StopRequest()
    reader = Reader(ReadOptions(encoding=encoding, feed=feed or FeedFields(), fetch=fetch or FetchSettings()))

    def good_items() -> Iterator[tuple[str, str, dict]]:
        for source in sources:
            if stop:
                return
            loaded = reader.read(source)
            if isinstance(loaded, InputError):
                summary.failed.append(loaded)
                report(loaded)
                if on_progress:
                    on_progress(1)
                continue
            if loaded.warning:
                print(f"afirma: warning: {source.display}: {loaded.warning}", file=sys.stderr)
            yield source.id, loaded.text, _meta(source, loaded.meta, country)

    with stop.installed(), reader, open_output(output, append=resume) as writer:
        try:
            for outcome in _outcomes(good_items(), model=model, jobs=jobs, dask=dask, should_stop=stop.__bool__):
                if outcome.line is not None:
                    writer.write_line(outcome.line)
                    summary.extracted += 1
                else:
                    error = InputError(outcome.id, outcome.error or "extraction failed")
                    summary.failed.append(error)
                    report(error)
                if on_progress:
                    on_progress(1)
                if stop:
                    break
        except KeyboardInterrupt:
            stop.signal = stop.signal or 2
    summary.stopped_by = stop.signal
    return summary


def _listed(listing: Listing, report: Callable[[InputError], None]) -> Listing:
    """The listing, once its duplicate ids are refused and its errors and notes told."""
    duplicates = duplicate_ids(listing.sources)
    if duplicates:
        detail = "; ".join(f"{key!r} from {', '.join(where)}" for key, where in duplicates.items())
        raise DuplicateIds(f"two inputs have the same article id: {detail}")
    for error in listing.errors:
        report(error)
    for note in listing.notes:
        print(f"afirma: note: {note}", file=sys.stderr)
    return listing


def _outcomes(items, *, model: str | None, jobs: int, dask: str | None, should_stop):
    from pipeline import scale

    if dask:
        from distributed import Client

        with Client(dask) as client:
            yield from scale.extract_dask(items, client=client, model=model)
        return
    yield from scale.extract_local(items, model=model, jobs=jobs, should_stop=should_stop)


def _meta(source: Source, read: dict, country: str | None) -> dict:
    meta = {"path": _display_path(source)} | read
    if country:
        # The user's --country outranks what a page says of itself.
        meta["country"] = country
        meta.pop("country_source", None)
    return meta


def _display_path(source: Source) -> str | None:
    if source.path is None:
        return None
    try:
        return source.path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return source.path.name
