"""`afirma validate` and the loader under it: every contract rule has a
broken fixture, and each problem must name its line, article and offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from pipeline.review.loading import load_bytes, load_jsonl
from pipeline.review.problems import Problem
from pipeline.review.validate import validate_files

DATA = Path(__file__).parent / "data" / "review"
BROKEN = DATA / "broken"

# Each broken fixture: line 1 a valid article, line 2 blank, line 3 the
# broken one, so line numbers count blank lines too. Expected: every
# problem the file has, after "FILE:". A trailing "…" compares only up to
# there, where the wording belongs to Python or to schemas.models.
BROKEN_CASES = [
    ("bad_json", ["3: not valid JSON: …"]),
    ("not_utf8", ["3: not valid UTF-8: invalid continuation byte at byte 36"]),
    ("not_object", ["3: a line must be a JSON object, not an array"]),
    ("missing_field", ["3: [art-1] claims: missing field"]),
    ("empty_id", ["3: id: must not be empty"]),
    ("duplicate_id", ["3: [art-2] id: duplicate article id (first on line 1); this line is ignored"]),
    ("text_mismatch", ["3: [art-1] spans[4] 48:54 'NVIDIA': text[48:54] is 'NVIDIA' but the span says 'Nvidia'"]),
    (
        "out_of_range",
        [
            "3: [art-1] spans[5] 88:129: offsets 88:129 are outside the text (length 124)",
            # The claim on it no longer has the span's offsets: a second, real problem.
            "3: [art-1] claims[1].anchor 88:123 'entre 3 y 4 mil millones de dólares':"
            " the anchor is not the offsets of any span",
        ],
    ),
    ("end_before_start", ["3: [art-1] spans[3] 40:40: end (40) must be greater than start (40)"]),
    ("offset_not_int", ["3: [art-1] spans[0].start: must be an integer, not a string \"0\""]),
    ("unsorted", ["3: [art-1] spans[2] 17:25 'Colossus': spans are not sorted by start (spans[1] starts at 31)"]),
    ("overlap", ["3: [art-1] spans[4] 40:44 'H100': overlaps spans[3] QUANTITY 36:44 'GPU H100'"]),
    (
        "unknown_label",
        [
            "3: [art-1] spans[4] 48:54 'NVIDIA': unknown label 'COMPANY'"
            " (known: ORG, PER, HARDWARE, CARDINAL, MONEY, PERCENT, QUANTITY, DURATION, DATE)"
        ],
    ),
    ("number_without_value", ["3: [art-1] spans[2] 31:35 '100k': …"]),
    ("value_not_number", ["3: [art-1] spans[2].value 31:35 '100k': …"]),
    ("nan_value", ["3: not valid JSON: NaN is not a JSON number"]),
    (
        "date_not_iso",
        ["3: [art-1] spans[5].value 56:58 'ya': …"],
    ),
    ("anchor_not_span", ["3: [art-1] claims[0].anchor 31:34 '100': the anchor is not the offsets of any span"]),
    ("anchor_not_number", ["3: [art-1] claims[0].anchor 40:44 'H100': the anchor is a HARDWARE span, not a number span"]),
    (
        "claim_label_differs",
        [
            "3: [art-1] claims[1].label 88:123 'entre 3 y 4 mil millones de dólares':"
            " claim label QUANTITY differs from its anchor's label MONEY"
        ],
    ),
    (
        "sentence_misses_anchor",
        [
            "3: [art-1] claims[1] 88:123 'entre 3 y 4 mil millones de dólares': …"
        ],
    ),
    (
        "sentence_outside_text",
        ["3: [art-1] claims[1].sentence 70:164: offsets 70:164 are outside the text (length 124)"],
    ),
    (
        "modality_unknown",
        [
            "3: [art-1] claims[0].modality 31:35 '100k': …"
        ],
    ),
    (
        "claim_date_not_iso",
        ["3: [art-1] claims[0].date 31:35 '100k': date '2024/09' is not written as a DATE span's value is (ISO 8601)"],
    ),
    ("two_claims_one_anchor", ["3: [art-1] claims[2] 31:35 '100k': a second claim on the same anchor as claims[0]"]),
]


@pytest.fixture
def app() -> typer.Typer:
    from pipeline.cli.review import register

    app = typer.Typer()
    register(app)
    return app


@pytest.mark.parametrize("name,expected", BROKEN_CASES, ids=[name for name, _ in BROKEN_CASES])
def test_validate_reports_each_rule_with_its_location(name: str, expected: list[str]) -> None:
    path = BROKEN / f"{name}.jsonl"
    found = [str(problem) for problem in validate_files([path]).problems]
    assert len(found) == len(expected), found
    for line, wanted in zip(found, expected, strict=True):
        if wanted.endswith("…"):
            assert line.startswith(f"{path}:{wanted[:-1]}"), line
            assert len(line) > len(f"{path}:{wanted[:-1]}"), line
        else:
            assert line == f"{path}:{wanted}"


def test_validate_every_rule_has_a_fixture() -> None:
    assert {path.stem for path in BROKEN.glob("*.jsonl")} == {name for name, _ in BROKEN_CASES}


@pytest.mark.parametrize("name", ["gold.jsonl", "pred.jsonl", "valid_extra_fields.jsonl"])
def test_validate_accepts_valid_files(name: str) -> None:
    report = validate_files([DATA / name])
    assert report.problems == []
    assert report.ok


def test_validate_problem_records_carry_the_location() -> None:
    (problem,) = validate_files([BROKEN / "text_mismatch.jsonl"]).problems
    assert (problem.line, problem.article_id, problem.path) == (3, "art-1", "spans[4]")
    assert (problem.start, problem.end, problem.text) == (48, 54, "NVIDIA")


def test_loading_keeps_the_rest_of_the_file() -> None:
    loaded = load_jsonl(BROKEN / "bad_json.jsonl")
    assert [entry.article.id for entry in loaded.articles] == ["art-2"]
    assert loaded.records == 2

    loaded = load_jsonl(BROKEN / "out_of_range.jsonl")
    art1 = loaded.by_id()["art-1"]
    assert len(art1.spans) == 5  # only the span outside the text is dropped
    assert len(art1.claims) == 2


def test_loading_follows_the_offsets_when_span_text_is_wrong() -> None:
    art1 = load_jsonl(BROKEN / "text_mismatch.jsonl").by_id()["art-1"]
    assert [span.text for span in art1.spans if span.start == 48] == ["NVIDIA"]


def test_loading_reports_an_unreadable_file_without_raising(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.jsonl"
    loaded = load_jsonl(missing)
    assert loaded.articles == []
    assert [str(problem) for problem in loaded.problems] == [f"{missing}: cannot read the file: No such file or directory"]


def test_loading_splits_lines_on_newline_only() -> None:
    # U+2028 is legal unescaped inside a JSON string; it must not end the line.
    line = '{"id": "a", "text": "uno\u2028dos", "spans": [], "claims": []}'
    loaded = load_bytes((line + "\n\n" + line.replace('"a"', '"b"') + "\r\n").encode("utf-8"), "mem.jsonl")
    assert loaded.problems == []
    assert [(entry.line, entry.article.text) for entry in loaded.articles] == [(1, "uno\u2028dos"), (3, "uno\u2028dos")]


@pytest.mark.parametrize(
    "line,expected",
    [
        ("42", "mem.jsonl:1: a line must be a JSON object, not a number"),
        ('{"id": 7, "text": "x", "spans": [], "claims": []}', "mem.jsonl:1: id: must be a string, not a number"),
        ('{"id": "a", "text": 5, "spans": [], "claims": []}', "mem.jsonl:1: [a] text: must be a string, not a number"),
        ('{"id": "a", "text": "x", "spans": {}, "claims": []}', "mem.jsonl:1: [a] spans: must be an array, not an object"),
        (
            '{"id": "a", "text": "x", "spans": [3], "claims": []}',
            "mem.jsonl:1: [a] spans[0]: a span must be a JSON object, not a number",
        ),
        ('{"id": "a", "text": "x", "spans": [], "claims": [], "meta": {"split": 3}}',
         "mem.jsonl:1: [a] meta.split: …"),
        ('{"id": "a", "text": "xyz", "spans": [{"start": 0, "end": 1, "text": "x", "label": "HARDWARE",'
         ' "canonical": "X"}], "claims": []}', "mem.jsonl:1: [a] spans[0].kind 0:1 'x': missing field"),
        (
            '{"id": "a", "text": "x", "spans": [], "claims": [], "n": 1e999}',
            "mem.jsonl:1: not valid JSON: number 1e999 is out of range",
        ),
        ("[" * 100_000 + "]" * 100_000, "mem.jsonl:1: cannot be read: nested too deeply"),
        ('{"id": "a", "text": "xyz", "spans": [{"start": 0, "end": 1, "text": "x"}], "claims": []}',
         "mem.jsonl:1: [a] spans[0].label 0:1 'x': missing field"),
        ('{"id": "a", "text": "xyz", "spans": [], "claims": [{"label": "CARDINAL", "value": 1,'
         ' "sentence": {"start": 0, "end": 3}}]}', "mem.jsonl:1: [a] claims[0].anchor: missing field"),
    ],
)
def test_loading_reports_wrong_types(line: str, expected: str) -> None:
    found = [str(problem) for problem in load_bytes(line.encode("utf-8"), "mem.jsonl").problems]
    if expected.endswith("…"):
        assert len(found) == 1 and found[0].startswith(expected[:-1]), found
    else:
        assert found == [expected]


def test_problem_format_without_a_location() -> None:
    assert str(Problem("f.jsonl", 2, "not valid JSON: x")) == "f.jsonl:2: not valid JSON: x"


def test_validate_cli_summary_on_valid_files(app: typer.Typer) -> None:
    names = [str(DATA / name) for name in ("gold.jsonl", "pred.jsonl", "valid_extra_fields.jsonl")]
    result = CliRunner().invoke(app, ["validate", *names])
    assert result.exit_code == 0, result.output
    assert result.output == "3 files, 8 articles, 0 problems\n"


def test_validate_cli_keeps_going_and_exits_1(app: typer.Typer) -> None:
    names = [str(BROKEN / f"{name}.jsonl") for name in ("overlap", "bad_json", "text_mismatch")]
    result = CliRunner().invoke(app, ["validate", *names])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[-1] == "3 files, 6 articles, 3 problems"
    assert [line.split(":")[0] for line in lines[:-1]] == names


def test_validate_cli_reports_a_missing_file(app: typer.Typer, tmp_path: Path) -> None:
    missing = tmp_path / "missing.jsonl"
    result = CliRunner().invoke(app, ["validate", str(missing)])
    assert result.exit_code == 1
    assert f"{missing}: cannot read the file" in result.output
    assert "Traceback" not in result.output
