"""`afirma store add`: prediction files into the store, idempotently.

An article is keyed by its id and a hash of its text: adding it again
(a later extraction of the same text) replaces its row and all its claims,
so adding the same files twice gives the same store. A line already
stored byte for byte (the same hash of the whole record) is left as it is
without being read again, which makes adding a grown file cheap. An id that comes back with another text is another article and is
kept beside the first; the report names such ids. Each file is one
transaction, so an interrupted add leaves every file either in or out, and
running it again completes it. A damaged line is reported with its file
and line number and skipped; the rest of its file is stored.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import duckdb
import pyarrow as pa

from pipeline.store.records import DamagedLine, ParsedArticle, parse_line, record_digest

BATCH_CLAIMS = 100_000  # claims held in memory before they are written

_ARTICLE_COLUMNS = pa.schema(
    [
        ("article_key", pa.int64()),
        ("article_id", pa.string()),
        ("text_sha", pa.string()),
        ("record_sha", pa.string()),
        ("text", pa.string()),
        ("outlet", pa.string()),
        ("country", pa.string()),
        ("date", pa.string()),
        ("date_from", pa.string()),
        ("url", pa.string()),
        ("model", pa.string()),
        ("meta", pa.string()),
        ("file", pa.string()),
        ("line", pa.int32()),
        ("n_claims", pa.int32()),
    ]
)
_CLAIM_COLUMNS = pa.schema(
    [
        ("article_key", pa.int64()),
        ("claim_id", pa.string()),
        ("label", pa.string()),
        ("value", pa.float64()),
        ("low", pa.float64()),
        ("high", pa.float64()),
        ("approx", pa.bool_()),
        ("unit", pa.string()),
        ("subject", pa.string()),
        ("hardware", pa.list_(pa.string())),
        ("orgs", pa.list_(pa.string())),
        ("modality", pa.string()),
        ("source", pa.string()),
        ("date", pa.string()),
        ("anchor_start", pa.int32()),
        ("anchor_end", pa.int32()),
        ("sentence_start", pa.int32()),
        ("sentence_end", pa.int32()),
        ("cues", pa.list_(pa.string())),
    ]
)


@dataclass(frozen=True)
class LineProblem:
    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.message}"


@dataclass
class AddReport:
    files: int = 0
    lines: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    claims: int = 0
    problems: list[LineProblem] = field(default_factory=list)
    other_text: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [
            f"{self.files} file(s), {self.lines} line(s)",
            f"{self.added} article(s) added",
            f"{self.replaced} replaced",
            f"{self.unchanged} unchanged",
            f"{self.claims} claim(s) written",
        ]
        if self.problems:
            parts.append(f"{len(self.problems)} line(s) skipped")
        return "; ".join(parts)


def _to_table(rows: Iterable[tuple], schema: pa.Schema) -> pa.Table:
    columns = list(zip(*rows)) or [()] * len(schema)
    return pa.Table.from_arrays([pa.array(list(column), type=kind.type) for column, kind in zip(columns, schema)], schema=schema)


class _Writer:
    """Holds parsed articles until a batch is full, then replaces them in the store."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, report: AddReport) -> None:
        self.connection = connection
        self.report = report
        self.pending: dict[int, ParsedArticle] = {}
        self.pending_claims = 0
        self.digests: list[str] = []  # of the records written, once committed
        self.replaced_digests: list[str] = []  # of the stored records they replaced

    def add(self, parsed: ParsedArticle) -> None:
        earlier = self.pending.pop(parsed.key, None)
        if earlier is not None:  # the same article twice in one batch: the later wins
            self.pending_claims -= len(earlier.claims)
            self.report.replaced += 1
        self.pending[parsed.key] = parsed
        self.pending_claims += len(parsed.claims)
        if self.pending_claims >= BATCH_CLAIMS:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        articles = list(self.pending.values())
        self.pending, self.pending_claims = {}, 0
        self.digests += [article.digest for article in articles]
        new_articles = _to_table((article.row for article in articles), _ARTICLE_COLUMNS)
        new_claims = _to_table((row for article in articles for row in article.claims), _CLAIM_COLUMNS)
        self.connection.register("new_articles", new_articles)
        self.connection.register("new_claims", new_claims)
        try:
            self._replace(len(articles), new_claims.num_rows)
        finally:
            self.connection.unregister("new_articles")
            self.connection.unregister("new_claims")

    def _replace(self, articles: int, claims: int) -> None:
        sql = self.connection.execute
        gone = sql("SELECT record_sha FROM articles WHERE article_key IN (SELECT article_key FROM new_articles)").fetchall()
        self.replaced_digests += [digest for (digest,) in gone]
        stored = len(gone)
        if stored:
            sql("DELETE FROM claims WHERE article_key IN (SELECT article_key FROM new_articles)")
            sql("DELETE FROM articles WHERE article_key IN (SELECT article_key FROM new_articles)")
        other = sql(
            "SELECT a.article_id FROM articles a JOIN new_articles n USING (article_id) WHERE a.article_key <> n.article_key"
            " UNION SELECT article_id FROM new_articles GROUP BY article_id HAVING count(*) > 1 ORDER BY 1"
        ).fetchall()
        self.report.other_text += [article_id for (article_id,) in other]
        sql("INSERT INTO articles SELECT * FROM new_articles")
        sql("INSERT INTO claims SELECT * FROM new_claims")
        self.report.replaced += stored
        self.report.added += articles - stored
        self.report.claims += claims


def _lines(handle: BinaryIO) -> Iterator[tuple[int, bytes]]:
    # Split on b"\n" only: JSON allows U+2028 unescaped inside strings.
    for number, raw in enumerate(handle, start=1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        raw = raw.rstrip(b"\r\n")
        if raw.strip():
            yield number, raw


def _open(path: str) -> BinaryIO:
    return sys.stdin.buffer if path == "-" else open(path, "rb")


def _add_file(writer: _Writer, path: str, report: AddReport, stored: set[str]) -> None:
    with _open(path) as handle:
        for number, raw in _lines(handle):
            report.lines += 1
            digest = record_digest(raw)
            if digest in stored:
                report.unchanged += 1
                continue
            try:
                writer.add(parse_line(raw, path, number, digest))
            except DamagedLine as problem:
                report.problems.append(LineProblem(path, number, f"{problem}; line skipped"))
    writer.flush()


def add_files(
    connection: duckdb.DuckDBPyConnection,
    paths: Iterable[str | Path],
    *,
    on_file: Callable[[str, AddReport], None] | None = None,
) -> AddReport:
    """Add every record of `paths` (JSON Lines; "-" is stdin); one transaction per file."""
    report = AddReport()
    stored = {digest for (digest,) in connection.execute("SELECT record_sha FROM articles").fetchall()}
    for path in map(str, paths):
        report.files += 1
        file_report = AddReport()
        writer = _Writer(connection, file_report)
        connection.begin()
        try:
            _add_file(writer, path, file_report, stored)
        except OSError as error:
            connection.rollback()
            report.problems.append(LineProblem(path, None, f"cannot read the file: {error.strerror or error}; nothing of it was stored"))
            continue
        except BaseException:
            connection.rollback()
            raise
        connection.commit()
        stored.difference_update(writer.replaced_digests)
        stored.update(writer.digests)
        _merge(report, file_report)
        if on_file is not None:
            on_file(path, file_report)
    return report


def _merge(total: AddReport, part: AddReport) -> None:
    total.lines += part.lines
    total.added += part.added
    total.replaced += part.replaced
    total.unchanged += part.unchanged
    total.claims += part.claims
    total.problems += part.problems
    total.other_text += [article_id for article_id in part.other_text if article_id not in total.other_text]
