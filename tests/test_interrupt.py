"""Stopping a run and resuming it: nothing torn, nothing lost, nothing twice.

`afirma extract` runs as a user runs it, in its own process, on a folder of
generated articles. Once the first records are in the output file it gets
SIGTERM (or SIGINT, as Ctrl-C sends): it must finish the record in hand,
exit with 128 + the signal's number and leave a file of whole, valid
records; `--resume` then completes it with every article exactly once.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import ARTICLES, ROOT
from pipeline.output import existing_ids
from schemas import Article

AFIRMA = [sys.executable, "-m", "pipeline.cli", "extract"]
ARTICLE_COUNT = 60


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """Sixty articles of a few paragraphs each, made from the corpus."""
    paragraphs = [
        line
        for path in sorted(ARTICLES.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line) > 200
    ]
    root = tmp_path_factory.mktemp("articulos")
    for number in range(ARTICLE_COUNT):
        chosen = [paragraphs[(number * 3 + k) % len(paragraphs)] for k in range(3)]
        text = f"Nota {number}\n" + "\n".join(chosen) + f"\nLa empresa compró {number + 1}.000 GPU más.\n"
        sub = root / ("lote-a" if number % 2 else "lote-b")
        sub.mkdir(exist_ok=True)
        (sub / f"nota-{number:03d}.txt").write_text(text, encoding="utf-8")
    return root


def expected_ids(folder) -> list[str]:
    return sorted(p.relative_to(folder).with_suffix("").as_posix() for p in folder.rglob("*.txt"))


def read_output(path) -> list[Article]:
    data = path.read_bytes()
    assert not data or data.endswith(b"\n"), "the file ends inside a record"
    return [Article.model_validate_json(line) for line in data.decode("utf-8").splitlines()]


def whole_lines(path) -> int:
    if not path.exists():
        return 0
    return path.read_bytes().count(b"\n")


@pytest.mark.model
@pytest.mark.parametrize("jobs", [1, 2], ids=["jobs1", "jobs2"])
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_interrupt_leaves_a_valid_file_that_resume_completes(folder, tmp_path, signum, jobs):
    out = tmp_path / "out.jsonl"
    # A session of its own, so that SIGINT can go to the whole process
    # group as a terminal's Ctrl-C does (workers included).
    process = subprocess.Popen(
        [*AFIRMA, str(folder), "-o", str(out), "--no-progress", "--jobs", str(jobs)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    try:
        # Wait for the first record (the model loads first), then stop the run.
        while whole_lines(out) == 0 and process.poll() is None:
            time.sleep(0.02)
        assert process.poll() is None, "the run ended before it could be interrupted"
        signalled = time.monotonic()
        if signum == signal.SIGINT:
            os.killpg(process.pid, signum)
        else:
            process.send_signal(signum)
        _, stderr = process.communicate(timeout=120)
        took = time.monotonic() - signalled
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 128 + signum, stderr
    assert "Traceback" not in stderr
    assert "stopped early" in stderr
    assert stderr.count("stopping after the current article") == 1, stderr
    assert took < 20, f"the run took {took:.1f} s to stop"
    first = read_output(out)
    assert 0 < len(first) < ARTICLE_COUNT
    assert len({r.id for r in first}) == len(first)

    resumed = subprocess.run(
        [*AFIRMA, str(folder), "-o", str(out), "--resume", "--no-progress", "--jobs", str(jobs)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert resumed.returncode == 0, resumed.stderr
    assert f"{len(first)} skipped" in resumed.stderr
    final = read_output(out)
    assert sorted(r.id for r in final) == expected_ids(folder)
    assert [r.id for r in final[: len(first)]] == [r.id for r in first]


# ----------------------------------------------- what --resume finds on disk
def _line(article_id: str) -> str:
    return json.dumps({"id": article_id, "text": "", "spans": [], "claims": [], "meta": {}}) + "\n"


def test_interrupt_resume_cuts_only_a_torn_last_line(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text(_line("a") + _line("b") + '{"id": "c", "te', encoding="utf-8")
    assert existing_ids(out) == {"a", "b"}
    assert out.read_text(encoding="utf-8") == _line("a") + _line("b")


def test_interrupt_resume_keeps_a_whole_last_record_without_newline(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text(_line("a") + _line("b").rstrip("\n"), encoding="utf-8")
    assert existing_ids(out) == {"a", "b"}
    # Appending after it must not glue two records on one line.
    assert out.read_text(encoding="utf-8") == _line("a") + _line("b")


def test_interrupt_resume_keeps_records_after_a_damaged_line(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    content = _line("a") + "{not json}\n" + _line("b") + _line("c")
    out.write_text(content, encoding="utf-8")
    assert existing_ids(out) == {"a", "b", "c"}
    assert out.read_text(encoding="utf-8") == content, "records after a damaged line are kept"
    assert "line 2" in capsys.readouterr().err


def test_interrupt_resume_on_an_empty_or_missing_file(tmp_path):
    assert existing_ids(tmp_path / "none.jsonl") == set()
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    assert existing_ids(empty) == set()
    assert os.path.getsize(empty) == 0
