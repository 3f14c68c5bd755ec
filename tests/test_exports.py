"""`afirma export` and `afirma import`: tables that pandas and DuckDB open,
Label Studio and Prodigy tasks, and the way back.

Expected values are worked out here from the input files themselves (the
gold JSON, the tool-shaped fixtures in tests/data/exports/), never taken
from a previous run of the code under test.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from conftest import ROOT
from pipeline.cli.application import app
from schemas.models import LABELS, NUMBER_LABELS, Article

GOLD_FILES = [ROOT / "corpus" / "gold.jsonl", ROOT / "corpus" / "press" / "gold.jsonl"]
PRED = ROOT / "tests" / "data" / "review" / "pred.jsonl"
CRLF = ROOT / "tests" / "data" / "review" / "valid_extra_fields.jsonl"
DATA = ROOT / "tests" / "data" / "exports"
LABEL_STUDIO_FIXTURE = DATA / "label_studio_export.json"
PRODIGY_FIXTURE = DATA / "prodigy_db_out.jsonl"
# What the issue asks of a claim row.
CLAIM_FIELDS = [
    "article_id", "claim_id", "number_text", "sentence", "value", "low", "high", "approx", "unit",
    "subject", "hardware", "orgs", "modality", "source", "date", "confidence", "cues",
]  # fmt: skip


def run(*args: object):
    return CliRunner().invoke(app, [str(arg) for arg in args])


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_claims() -> list[tuple[dict, dict]]:
    return [(record, claim) for path in GOLD_FILES for record in records(path) for claim in record["claims"]]


def same_number(cell, expected) -> bool:
    if expected is None:
        return cell is None or pd.isna(cell)
    return not pd.isna(cell) and math.isclose(float(cell), float(expected), rel_tol=1e-12)


@pytest.fixture(scope="module")
def csv_file(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("csv") / "claims.csv"
    result = run("export", *GOLD_FILES, "--format", "csv", "--output", out)
    assert result.exit_code == 0, result.output
    return out


# ------------------------------------------------------------------ tables


def test_exports_csv_opens_in_pandas_one_row_per_claim(csv_file):
    frame = pd.read_csv(csv_file, keep_default_na=False, na_values=[""])
    expected = gold_claims()
    assert len(frame) == len(expected)
    assert [name for name in CLAIM_FIELDS if name not in frame.columns] == []
    rows = {(row.article_id, row.start, row.end): row for row in frame.itertuples()}
    for record, claim in expected:
        anchor, sentence, text = claim["anchor"], claim["sentence"], record["text"]
        row = rows[(record["id"], anchor["start"], anchor["end"])]
        assert row.number_text == text[anchor["start"] : anchor["end"]]
        assert row.sentence == text[sentence["start"] : sentence["end"]]
        assert all(same_number(getattr(row, name), claim[name]) for name in ("value", "low", "high"))
        assert bool(row.approx) is claim["approx"] and row.modality == claim["modality"]
        assert (None if pd.isna(row.subject) else row.subject) == claim["subject"]
        assert json.loads(row.hardware) == claim["hardware"] and json.loads(row.orgs) == claim["orgs"]
        assert json.loads(row.cues) == claim.get("cues", [])


def test_exports_csv_claim_ids_join_with_predictions(csv_file):
    """Gold claims have no id; the CSV gives each the one afirma would give it."""
    from schemas.models import claim_id

    frame = pd.read_csv(csv_file)
    expected = [
        claim.get("id") or claim_id(record["id"], claim["anchor"]["start"], claim["anchor"]["end"], claim["label"])
        for record, claim in gold_claims()
    ]
    assert list(frame["claim_id"]) == expected and frame["claim_id"].is_unique


def test_exports_csv_opens_in_duckdb(csv_file):
    duckdb = pytest.importorskip("duckdb")
    count = duckdb.sql(f"select count(*) from read_csv('{csv_file}')").fetchall()[0][0]
    columns = [row[0] for row in duckdb.sql(f"describe select * from read_csv('{csv_file}')").fetchall()]
    assert count == len(gold_claims())
    assert [name for name in CLAIM_FIELDS if name not in columns] == []
    # The list columns are JSON arrays, which DuckDB turns back into lists.
    query = f"select count(*) from read_csv('{csv_file}') where list_contains(from_json(hardware, '[\"VARCHAR\"]'), 'NVIDIA H100')"
    expected = sum("NVIDIA H100" in claim["hardware"] for _, claim in gold_claims())
    assert expected > 0 and duckdb.sql(query).fetchall()[0][0] == expected


def test_exports_csv_spans_table_one_row_per_span(tmp_path):
    out = tmp_path / "spans.csv"
    assert run("export", GOLD_FILES[0], "-f", "csv", "-o", out, "--table", "spans").exit_code == 0
    frame = pd.read_csv(out, keep_default_na=False, na_values=[""])
    spans = [(record, span) for record in records(GOLD_FILES[0]) for span in record["spans"]]
    assert len(frame) == len(spans)
    for row, (record, span) in zip(frame.itertuples(), spans):
        assert (row.article_id, row.start, row.end, row.text, row.label) == (
            record["id"],
            span["start"],
            span["end"],
            span["text"],
            span["label"],
        )
        if span["label"] == "DATE":
            assert row.date == span["value"] and pd.isna(row.value)
        elif span["label"] in NUMBER_LABELS:
            assert same_number(row.value, span["value"]) and bool(row.approx) is span["approx"] and pd.isna(row.date)
        else:
            assert row.canonical == span["canonical"] and pd.isna(row.value) and pd.isna(row.approx)


def test_exports_confidence_column_when_the_record_has_it(tmp_path):
    out = tmp_path / "pred.csv"
    assert run("export", PRED, "-f", "csv", "-o", out).exit_code == 0
    frame = pd.read_csv(out)
    given = [claim.get("confidence") for record in records(PRED) for claim in record["claims"]]
    assert any(value is not None for value in given) and any(value is None for value in given)
    assert all(same_number(cell, value) for cell, value in zip(frame["confidence"], given))


def test_exports_parquet_reads_back_with_the_same_rows_and_types(tmp_path):
    pytest.importorskip("pyarrow")
    from pipeline import to_frame

    for table in ("claims", "spans"):
        out = tmp_path / f"{table}.parquet"
        assert run("export", *GOLD_FILES, "-f", "parquet", "-o", out, "--table", table).exit_code == 0
        back, frame = pd.read_parquet(out), to_frame(GOLD_FILES, table=table)
        assert list(back.dtypes.astype(str)) == list(frame.dtypes.astype(str))
        for name in (column for column in back.columns if back[column].dtype == object):
            back[name] = back[name].map(list)  # Arrow gives lists back as arrays
        pd.testing.assert_frame_equal(back, frame)
    claims = pd.read_parquet(tmp_path / "claims.parquet")
    assert len(claims) == len(gold_claims())
    assert str(claims["value"].dtype) == "Float64" and str(claims["approx"].dtype) == "boolean"


def test_exports_parquet_list_columns_are_lists_in_duckdb(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    pytest.importorskip("pyarrow")
    out = tmp_path / "claims.parquet"
    assert run("export", GOLD_FILES[0], "-f", "parquet", "-o", out).exit_code == 0
    types = dict((row[0], row[1]) for row in duckdb.sql(f"describe select * from '{out}'").fetchall())
    assert types["hardware"] == "VARCHAR[]" and types["value"] == "DOUBLE" and types["start"] == "BIGINT"


def test_exports_parquet_columns_describe_themselves(tmp_path):
    parquet = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "spans.parquet"
    assert run("export", GOLD_FILES[0], "-f", "parquet", "-o", out, "--table", "spans").exit_code == 0
    fields = parquet.read_schema(out)
    assert [field.name for field in fields] == list(pd.read_parquet(out).columns)
    assert all(len((field.metadata or {}).get(b"description", b"")) > 10 for field in fields)


def test_exports_to_frame_takes_records_or_paths():
    import pipeline

    articles = [Article.model_validate(record) for record in records(GOLD_FILES[0])]
    from_records, from_path = pipeline.to_frame(articles), pipeline.to_frame(GOLD_FILES[0])
    pd.testing.assert_frame_equal(from_records, from_path)
    assert len(from_records) == sum(len(article.claims) for article in articles)
    assert from_records["value"].isna().sum() == sum(
        article_claim.value is None for a in articles for article_claim in a.claims
    )


def test_exports_import_pipeline_does_not_import_pandas():
    code = "import sys, pipeline; pipeline.to_frame; print('pandas' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "False", result.stderr


def test_exports_missing_pyarrow_gives_one_clear_line(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # what `import pyarrow` sees when it is not installed
    out = tmp_path / "claims.parquet"
    result = run("export", GOLD_FILES[0], "-f", "parquet", "-o", out)
    assert result.exit_code == 2
    assert "afirma export --format parquet needs pyarrow: pip install 'afirma[export]'" in result.stderr
    assert not out.exists()


def test_exports_missing_pandas_for_to_frame(monkeypatch):
    from pipeline.exports.optional import MissingDependency

    monkeypatch.setitem(sys.modules, "pandas", None)
    import pipeline

    with pytest.raises(MissingDependency, match=r"^pipeline.to_frame needs pandas: pip install 'afirma\[export\]'$"):
        pipeline.to_frame(GOLD_FILES[0])


def test_exports_csv_needs_no_extra(tmp_path, monkeypatch):
    for name in ("pandas", "pyarrow"):
        monkeypatch.setitem(sys.modules, name, None)
    out = tmp_path / "claims.csv"
    assert run("export", GOLD_FILES[0], "-f", "csv", "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8").count("\n") == 1 + sum(len(r["claims"]) for r in records(GOLD_FILES[0]))


# ------------------------------------------------------------ round trips

ROUND_TRIPS = [("label-studio", "tasks.json"), ("prodigy", "tasks.jsonl")]


def round_trip(tmp_path: Path, source: Path, fmt: str, name: str, edit=None) -> Path:
    tasks, back = tmp_path / name, tmp_path / "back.jsonl"
    exported = run("export", source, "-f", fmt, "-o", tasks)
    assert exported.exit_code == 0, exported.output
    if edit is not None:
        edit(tasks)
    imported = run("import", tasks, "-f", fmt, "-o", back)
    assert imported.exit_code == 0, imported.output
    return back


@pytest.mark.parametrize("fmt,name", ROUND_TRIPS)
@pytest.mark.parametrize("source", [*GOLD_FILES, PRED, CRLF], ids=lambda path: path.parent.name + "/" + path.name)
def test_exports_round_trip_is_byte_identical(tmp_path, source, fmt, name):
    back = round_trip(tmp_path, source, fmt, name)
    assert back.read_bytes() == source.read_bytes()
    for line in back.read_text(encoding="utf-8").splitlines():
        Article.model_validate_json(line)


def _as_a_database_gives_it_back(path: Path) -> None:
    """Keys reordered the way PostgreSQL's jsonb orders them, indented and
    ASCII-escaped: only the values survive, as through a real server."""

    def reorder(value):
        if isinstance(value, dict):
            return {key: reorder(value[key]) for key in sorted(value, key=lambda k: (len(k.encode()), k.encode()))}
        return [reorder(item) for item in value] if isinstance(value, list) else value

    if path.suffix == ".json":
        path.write_text(json.dumps(reorder(json.loads(path.read_text(encoding="utf-8"))), indent=2), encoding="utf-8")
    else:
        lines = [json.dumps(reorder(json.loads(line))) for line in path.read_text(encoding="utf-8").splitlines()]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("fmt,name", ROUND_TRIPS)
def test_exports_round_trip_survives_a_tool_that_keeps_only_values(tmp_path, fmt, name):
    source = GOLD_FILES[1]
    back = round_trip(tmp_path, source, fmt, name, edit=_as_a_database_gives_it_back)
    assert back.read_bytes() == source.read_bytes()


def test_exports_round_trip_takes_the_tools_labels(tmp_path):
    """The round trip does not just echo what afirma carried: a label changed
    in the tool comes back changed, and only that."""
    source = GOLD_FILES[0]
    first = records(source)[0]
    target = next(index for index, span in enumerate(first["spans"]) if span["label"] == "ORG")

    def relabel(path: Path) -> None:
        tasks = json.loads(path.read_text(encoding="utf-8"))
        tasks[0]["annotations"][0]["result"][target]["value"]["labels"] = ["PER"]
        path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")

    back = records(round_trip(tmp_path, source, "label-studio", "tasks.json", edit=relabel))
    first["spans"][target]["label"] = "PER"
    assert back[0] == first and back[1:] == records(source)[1:]


# ------------------------------------------------------ tool-shaped files


@pytest.fixture(scope="module")
def label_studio_import(tmp_path_factory):
    """The fixture imported: (records by id, the fixture's tasks by id, stderr)."""
    out = tmp_path_factory.mktemp("ls") / "gold.jsonl"
    result = run("import", LABEL_STUDIO_FIXTURE, "--format", "label-studio", "--output", out)
    assert result.exit_code == 0, result.output
    tasks = {task["id"]: task for task in json.loads(LABEL_STUDIO_FIXTURE.read_text(encoding="utf-8"))}
    return {record["id"]: record for record in records(out)}, tasks, result.stderr


def chosen(task: dict, annotation_id: int) -> tuple[list[dict], dict]:
    """An annotation's `labels` regions, and its per-region fields by (region, name)."""
    [annotation] = [a for a in task["annotations"] if a["id"] == annotation_id]
    labels = [r for r in annotation["result"] if r["type"] == "labels"]
    fields = {
        (r["id"], r["from_name"]): (r["value"].get("text") or r["value"].get("choices"))[0]
        for r in annotation["result"]
        if r["type"] != "labels"
    }
    return labels, fields


def places(spans: Iterable[dict]) -> list[tuple[int, int, str]]:
    return [(s["start"], s["end"], s["label"]) for s in spans]


def test_exports_label_studio_export_imports_and_validates(label_studio_import):
    got, tasks, stderr = label_studio_import
    for record in got.values():
        Article.model_validate(record, strict=True)
    skipped = [t["data"]["article_id"] for t in tasks.values() if all(a["was_cancelled"] for a in t["annotations"])]
    assert skipped and sorted(got) == sorted(
        t["data"]["article_id"] for t in tasks.values() if t["data"]["article_id"] not in skipped
    )
    assert "skipped in Label Studio" in stderr


def test_exports_label_studio_corrections_come_back(label_studio_import):
    """Task 41: afirma's predictions corrected by an annotator (a span added
    with its canonical, one removed, one relabelled, one trimmed, a value
    typed in); another annotator's cancelled annotation is ignored."""
    got, tasks, _ = label_studio_import
    labels, fields = chosen(tasks[41], 97)
    record, carried = got["nota-microsoft"], tasks[41]["data"]["afirma"]["record"]
    assert places(record["spans"]) == sorted(places(r["value"] | {"label": r["value"]["labels"][0]} for r in labels))
    by_start = {span["start"]: span for span in record["spans"]}
    added = next(r for r in labels if not r["id"].startswith("afirma-"))
    assert by_start[added["value"]["start"]]["canonical"] == fields[(added["id"], "canonical")]
    relabelled = next(s for s in carried["spans"] if s["label"] == "PER")
    assert by_start[relabelled["start"]]["canonical"] == relabelled["canonical"]
    money = [c["low"] for c in record["claims"] if c["label"] == "MONEY"]
    assert (
        money
        == [json.loads(fields[("afirma-1", "low")])]
        != [c["low"] for c in carried["claims"] if c["label"] == "MONEY"]
    )
    trimmed = next(r["value"] for r in labels if r["id"] == "afirma-4")
    anchors = [(c["anchor"]["start"], c["anchor"]["end"]) for c in record["claims"] if c["label"] == "CARDINAL"]
    assert anchors == [(trimmed["start"], trimmed["end"])]


def test_exports_label_studio_task_labelled_there_alone(label_studio_import):
    """Task 42: no afirma payload, attributes from the per-region fields; the
    ground-truth annotation wins over a later one."""
    got, tasks, _ = label_studio_import
    labels, fields = chosen(tasks[42], 101)
    record = got[tasks[42]["data"]["article_id"]]
    spans = record["spans"]
    assert places(spans) == places(r["value"] | {"label": r["value"]["labels"][0]} for r in labels)
    quantity, date = labels
    assert spans[0]["value"] == json.loads(fields[(quantity["id"], "value")])
    assert spans[0]["unit"] == fields[(quantity["id"], "unit")] and spans[0]["approx"] is False
    assert spans[1]["value"] == fields[(date["id"], "value")] and record["claims"] == []


def test_exports_prodigy_db_out_imports(tmp_path):
    out = tmp_path / "gold.jsonl"
    result = run("import", PRODIGY_FIXTURE, "--format", "prodigy", "--output", out)
    answers = records(PRODIGY_FIXTURE)
    added = next(n for n, answer in enumerate(answers, 1) if "afirma" not in answer and answer["spans"])
    # That answer has a span drawn in Prodigy with no canonical: named, left out, the rest written.
    assert result.exit_code == 1
    assert f"{PRODIGY_FIXTURE}:{added}: [{answers[added - 1]['meta']['id']}] spans[0].canonical" in result.stderr
    got = {record["id"]: record for record in records(out)}
    for record in got.values():
        Article.model_validate(record)
    accepted = [a for n, a in enumerate(answers, 1) if a["answer"] == "accept" and n != added]
    assert sorted(got) == sorted({a["meta"]["id"] for a in accepted})
    assert "answered 'reject'" in result.stderr and "the later one is kept" in result.stderr
    latest = [a for a in accepted if a["meta"]["id"] == "colossus-corto"][-1]
    tokens = latest["tokens"]
    expected = sorted(
        (s.get("start", tokens[s["token_start"]]["start"]), s.get("end", tokens[s["token_end"]]["end"]), s["label"])
        for s in latest["spans"]
    )
    record = got["colossus-corto"]
    assert [(s["start"], s["end"], s["label"]) for s in record["spans"]] == expected
    kept = {(s["start"], s["end"]) for s in record["spans"]}
    carried = latest["afirma"]["record"]
    assert record["claims"] == [c for c in carried["claims"] if (c["anchor"]["start"], c["anchor"]["end"]) in kept]
    assert len(record["claims"]) < len(carried["claims"])
    per = next(s for s in record["spans"] if s["label"] == "PER")
    assert per["canonical"] == next(s["canonical"] for s in carried["spans"] if s["start"] == per["start"])


# --------------------------------------------------------------- bad input


def test_exports_bad_line_is_named_and_the_rest_exported(tmp_path):
    good = GOLD_FILES[0].read_text(encoding="utf-8").splitlines()
    source = tmp_path / "mixed.jsonl"
    broken = good[1][: len(good[1]) // 2]
    source.write_text("\n".join([good[0], broken, good[2]]) + "\n", encoding="utf-8")
    out = tmp_path / "claims.csv"
    result = run("export", source, "-f", "csv", "-o", out)
    assert result.exit_code == 1
    assert f"{source}:2: not valid JSON" in result.stderr
    frame = pd.read_csv(out)
    kept = [json.loads(good[0]), json.loads(good[2])]
    assert sorted(set(frame["article_id"])) == sorted(record["id"] for record in kept)
    assert len(frame) == sum(len(record["claims"]) for record in kept)


def test_exports_record_the_contract_refuses_is_named(tmp_path):
    record = records(GOLD_FILES[0])[0]
    record["spans"][0]["end"] = len(record["text"]) + 5
    source = tmp_path / "bad.jsonl"
    source.write_text(
        json.dumps(record, ensure_ascii=False)
        + "\n"
        + GOLD_FILES[0].read_text(encoding="utf-8").splitlines()[1]
        + "\n",
        encoding="utf-8",
    )
    result = run("export", source, "-f", "prodigy", "-o", tmp_path / "tasks.jsonl")
    assert result.exit_code == 1
    assert f"{source}:1: [{record['id']}] spans[0]" in result.stderr and "outside the text" in result.stderr
    assert len(records(tmp_path / "tasks.jsonl")) == 1


def test_exports_a_file_that_is_not_afirma_writes_nothing(tmp_path):
    tasks = tmp_path / "tasks.json"
    assert run("export", GOLD_FILES[0], "-f", "label-studio", "-o", tasks).exit_code == 0
    out = tmp_path / "claims.csv"
    result = run("export", tasks, "-f", "csv", "-o", out)
    assert result.exit_code == 2 and not out.exists()
    assert "no afirma record in this file" in result.stderr and "afirma import" in result.stderr
    assert result.stderr.count(str(tasks)) <= 6  # a few lines say it, not one per line


def test_exports_damaged_label_studio_file_keeps_the_tasks_before(tmp_path):
    tasks = tmp_path / "tasks.json"
    assert run("export", GOLD_FILES[0], "-f", "label-studio", "-o", tasks).exit_code == 0
    lines = tasks.read_text(encoding="utf-8").split("\n")
    lines[3] = lines[3][:100]  # task 3 (lines[0] is "[") cut short
    tasks.write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "gold.jsonl"
    result = run("import", tasks, "-f", "label-studio", "-o", out)
    assert result.exit_code == 1 and f"{tasks}:4: not valid JSON" in result.stderr
    assert records(out) == records(GOLD_FILES[0])[:2]


def test_exports_damaged_prodigy_line_costs_only_that_line(tmp_path):
    tasks = tmp_path / "tasks.jsonl"
    assert run("export", GOLD_FILES[0], "-f", "prodigy", "-o", tasks).exit_code == 0
    lines = tasks.read_text(encoding="utf-8").split("\n")
    lines[1] = lines[1][:-10]
    tasks.write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "gold.jsonl"
    result = run("import", tasks, "-f", "prodigy", "-o", out)
    assert result.exit_code == 1 and f"{tasks}:2: not valid JSON" in result.stderr
    expected = records(GOLD_FILES[0])
    assert records(out) == expected[:1] + expected[2:]


def test_exports_afirma_file_given_to_import_is_refused(tmp_path):
    result = run("import", GOLD_FILES[0], "-f", "prodigy", "-o", tmp_path / "out.jsonl")
    assert result.exit_code == 2
    assert "this is an afirma record, not a Prodigy task" in result.stderr


# ------------------------------------------------------------ the formats


def test_exports_label_studio_config_has_every_label_and_attribute(tmp_path):
    from pipeline.exports.label_studio_regions import ATTRIBUTES

    tasks = tmp_path / "tasks.json"
    assert run("export", GOLD_FILES[0], "-f", "label-studio", "-o", tasks).exit_code == 0
    config = ElementTree.parse(tmp_path / "tasks.config.xml").getroot()
    [labels] = [tag for tag in config.iter("Labels") if tag.get("name") == "label"]
    assert sorted(label.get("value") for label in labels) == sorted(LABELS) and labels.get("toName") == "text"
    per_region = sorted(tag.get("name") for tag in config.iter() if tag.get("perRegion") == "true")
    assert per_region == sorted(ATTRIBUTES)
    [text] = config.iter("Text")
    assert (text.get("name"), text.get("value")) == ("text", "$text")


def test_exports_label_studio_predictions_carry_model_and_score(tmp_path):
    tasks_file = tmp_path / "tasks.json"
    assert run("export", PRED, "-f", "label-studio", "-o", tasks_file).exit_code == 0
    tasks = json.loads(tasks_file.read_text(encoding="utf-8"))
    for record, task in zip(records(PRED), tasks):
        model = (record.get("meta") or {}).get("model")
        assert ("predictions" in task) is (model is not None) and ("annotations" in task) is (model is None)
        if model is None:
            continue
        [prediction] = task["predictions"]
        assert model in prediction["model_version"]
        scores = [c["confidence"] for c in record["claims"] if c.get("confidence") is not None]
        assert prediction.get("score") == (min(scores) if scores else None)
        assert [r["value"]["labels"] for r in prediction["result"]] == [
            [s["label"] for s in record["spans"]][i : i + 1] for i in range(len(record["spans"]))
        ]
    forced = tmp_path / "forced.json"
    assert run("export", PRED, "-f", "label-studio", "-o", forced, "--as", "annotations").exit_code == 0
    assert all("annotations" in task for task in json.loads(forced.read_text(encoding="utf-8")))


def test_exports_prodigy_tokens_hold_every_span(tmp_path):
    tasks_file = tmp_path / "tasks.jsonl"
    assert run("export", GOLD_FILES[0], "-f", "prodigy", "-o", tasks_file).exit_code == 0
    inside_a_word = 0
    for task in records(tasks_file):
        text, tokens = task["text"], task["tokens"]
        assert [t["id"] for t in tokens] == list(range(len(tokens)))
        assert all(t["text"] == text[t["start"] : t["end"]] and t["start"] < t["end"] for t in tokens)
        assert all(a["end"] <= b["start"] for a, b in zip(tokens, tokens[1:]))
        assert "".join(t["text"] + " " * t["ws"] for t in tokens) == text  # how Prodigy rebuilds the text
        for span in task["spans"]:
            assert (
                tokens[span["token_start"]]["start"] == span["start"]
                and tokens[span["token_end"]]["end"] == span["end"]
            )
            inside_a_word += span["end"] < len(text) and text[span["end"] - 1].isalnum() and text[span["end"]].isalnum()
    assert inside_a_word > 0  # "NVIDIA" in "NVIDIAChipset" got a token of its own


@pytest.mark.parametrize(
    "text,span",
    [("Dijo que  100 GPU llegan.", "  100"), ("NVIDIAChipset H200.", "NVIDIA"), ("Unos 5 MW .", "5 MW ")],
)
def test_exports_prodigy_tokens_fit_spans_off_word_boundaries(text, span):
    from pipeline.exports.prodigy import tokenize

    start = text.index(span)
    tokens = tokenize(text, [(start, start + len(span))])
    assert start in {t["start"] for t in tokens} and start + len(span) in {t["end"] for t in tokens}
    assert "".join(t["text"] + " " * t["ws"] for t in tokens) == text


def test_exports_label_studio_offsets_in_utf16_units_are_converted(tmp_path):
    text = "🚀 xAI anunció 100.000 GPU."
    start = text.index("xAI")
    units = len(text[:start].encode("utf-16-le")) // 2  # how JavaScript counts
    region = {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
              "value": {"start": units, "end": units + 3, "text": "xAI", "labels": ["ORG"]}}  # fmt: skip
    canonical = {
        "id": "r1",
        "from_name": "canonical",
        "to_name": "text",
        "type": "textarea",
        "value": {"text": ["xAI"]},
    }
    task = {
        "id": 1,
        "data": {"text": text, "article_id": "emoji"},
        "annotations": [{"id": 1, "result": [region, canonical]}],
    }
    source = tmp_path / "export.json"
    source.write_text(json.dumps([task]), encoding="utf-8")
    out = tmp_path / "gold.jsonl"
    assert units != start and run("import", source, "-f", "label-studio", "-o", out).exit_code == 0
    [record] = records(out)
    assert [(s["start"], s["end"], s["text"]) for s in record["spans"]] == [(start, start + 3, "xAI")]


def test_exports_relabelled_number_keeps_its_amount_and_claim(tmp_path):
    """A CARDINAL made MONEY in Label Studio keeps its value; its claim
    follows with a warning to check the unit."""
    source = records(GOLD_FILES[0])
    index, record = next((i, r) for i, r in enumerate(source) if any(s["label"] == "CARDINAL" for s in r["spans"]))
    target = next(i for i, s in enumerate(record["spans"]) if s["label"] == "CARDINAL")
    span = record["spans"][target]

    def relabel(path: Path) -> None:
        tasks = json.loads(path.read_text(encoding="utf-8"))
        tasks[index]["annotations"][0]["result"][target]["value"]["labels"] = ["MONEY"]
        path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")

    tasks, back = tmp_path / "tasks.json", tmp_path / "back.jsonl"
    assert run("export", GOLD_FILES[0], "-f", "label-studio", "-o", tasks).exit_code == 0
    relabel(tasks)
    result = run("import", tasks, "-f", "label-studio", "-o", back)
    assert result.exit_code == 0, result.output
    got = records(back)[index]
    changed = next(s for s in got["spans"] if (s["start"], s["end"]) == (span["start"], span["end"]))
    assert changed["label"] == "MONEY" and changed["value"] == span["value"] and changed["high"] == span["high"]
    anchored = [c for c in got["claims"] if (c["anchor"]["start"], c["anchor"]["end"]) == (span["start"], span["end"])]
    assert [c["label"] for c in anchored] == ["MONEY"] * len(anchored)
    assert not anchored or "check its unit" in result.stderr


def test_exports_help_lists_the_commands():
    result = run("--help")
    assert "export" in result.output and "import" in result.output
