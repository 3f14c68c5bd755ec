"""`afirma` as a user runs it: a subprocess on real files."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ARTICLES, ROOT

AFIRMA = [sys.executable, "-m", "pipeline.cli"]


def run(*args, input=None, cwd=ROOT, env=None):
    return subprocess.run(
        [*AFIRMA, *args], input=input, capture_output=True, text=True, cwd=cwd, env={**os.environ, **(env or {})}, timeout=300
    )


def records(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_cli_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0
    for command in ("extract", "schema", "validate", "eval", "diff"):
        assert command in result.stdout


def test_cli_help_does_not_import_spacy():
    code = "import sys; from pipeline.cli import app; print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "False"


def test_cli_schema_prints_json_schema():
    result = run("schema", "claim")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert "anchor" in schema["properties"] and "modality" in schema["properties"]


@pytest.mark.parametrize("args", [(), ("article",), ("span",)])
def test_cli_schema_is_the_models_schema(args):
    """What `afirma schema` prints is what the pydantic models give, whichever
    way the command line reaches it."""
    from schemas.export import render

    result = run("schema", *args)
    assert result.returncode == 0, result.stderr
    assert result.stdout == render(f"{(args or ('article',))[0]}.schema.json")


def test_cli_schema_unknown_name_is_a_usage_error():
    result = run("schema", "claims")
    assert result.returncode == 2
    assert "unknown schema 'claims'" in result.stderr and not result.stdout


@pytest.mark.model
def test_cli_extract_folder_to_file(tmp_path):
    out = tmp_path / "out.jsonl"
    result = run("extract", str(ARTICLES), "--output", str(out))
    assert result.returncode == 0, result.stderr
    found = records(out.read_text(encoding="utf-8"))
    assert sorted(r["id"] for r in found) == sorted(p.stem for p in ARTICLES.glob("*.txt"))
    assert all(r["meta"]["model"].startswith("es_core_news") for r in found)
    assert "using spaCy model es_core_news" in result.stderr
    assert f"{len(found)} extracted, 0 failed" in result.stderr


@pytest.mark.model
def test_cli_extract_stdin_to_stdout():
    text = "Según Reuters, Microsoft gastará 80.000 millones de dólares en 2025."
    result = run("extract", "-", "--id", "nota", input=text)
    assert result.returncode == 0, result.stderr
    [record] = records(result.stdout)
    assert record["id"] == "nota" and record["text"] == text
    assert record["claims"][0]["source"] == "Reuters"


@pytest.mark.model
def test_cli_extract_reports_bad_inputs_and_keeps_going(tmp_path):
    good = tmp_path / "buena.txt"
    good.write_text("Meta compró 350.000 GPU.", encoding="utf-8")
    binary = tmp_path / "imagen.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    empty_dir = tmp_path / "vacia"
    empty_dir.mkdir()
    result = run("extract", str(good), str(binary), str(empty_dir), str(tmp_path / "no-existe.txt"))
    assert result.returncode == 1
    assert [r["id"] for r in records(result.stdout)] == ["buena"]
    assert "imagen.txt: binary data" in result.stderr
    assert "vacia: folder has no .txt files" in result.stderr
    assert "no-existe.txt: no such file or folder" in result.stderr
    assert "1 extracted, 3 failed" in result.stderr


@pytest.mark.model
def test_cli_extract_duplicate_ids_are_refused_up_front(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "nota.txt").write_text("100 GPU", encoding="utf-8")
    result = run("extract", str(tmp_path / "a" / "nota.txt"), str(tmp_path / "b" / "nota.txt"))
    assert result.returncode == 2
    assert "same article id" in result.stderr and result.stdout == ""


@pytest.mark.model
def test_cli_extract_windows_1252_is_read_with_a_warning(tmp_path):
    path = tmp_path / "antigua.txt"
    path.write_bytes("Inversión de 3.000 millones de euros en España.".encode("cp1252"))
    result = run("extract", str(path))
    assert result.returncode == 0
    [record] = records(result.stdout)
    assert record["text"].startswith("Inversión")
    assert "antigua.txt: not valid UTF-8" in result.stderr
    money = [s for s in record["spans"] if s["label"] == "MONEY"][0]
    assert record["text"][money["start"] : money["end"]] == "3.000 millones de euros"


@pytest.mark.model
def test_cli_extract_resume_skips_done_articles(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(f"La empresa {name} compró 10 GPU.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    first = records(run("extract", str(folder / "a.txt"), "-o", str(out)).stdout or out.read_text())
    assert [r["id"] for r in first] == ["a"]
    with out.open("a", encoding="utf-8") as handle:
        handle.write('{"id": "b", "te')  # a torn line, as a crash would leave
    result = run("extract", str(folder), "-o", str(out), "--resume")
    assert result.returncode == 0, result.stderr
    assert [r["id"] for r in records(out.read_text())] == ["a", "b", "c"]
    assert "1 skipped" in result.stderr


@pytest.mark.model
def test_cli_first_run_is_quiet(tmp_path):
    """One model line and a summary, no progress frames in a log, no W095
    from spaCy; the Python API prints nothing at all."""
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text("Meta instalará 350.000 GPU.", encoding="utf-8")
    result = run("extract", str(tmp_path), "--output", str(tmp_path / "out.jsonl"))
    lines = result.stderr.strip().splitlines()
    assert [line.split(" (")[0] for line in lines][:1] == [f"afirma: using spaCy model {lines[0].split()[4]}"]
    assert len(lines) == 2 and lines[1] == "afirma: 2 extracted, 0 failed", lines
    api = subprocess.run(
        [sys.executable, "-c", "from pipeline import extract; extract('Meta instalará 350.000 GPU.')"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert api.returncode == 0 and api.stderr == "", api.stderr
