"""`afirma eval`: figures on small hand-made pairs, checked against numbers
worked out by hand, and the SemEval schemes checked against nervaluate."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path
from typing import Any

import pytest
import typer
from hypothesis import given, settings
from hypothesis import strategies as st
from nervaluate import Evaluator
from typer.testing import CliRunner

from pipeline.review import semeval
from pipeline.review.evaluate import (
    ALL,
    METRICS,
    check_floors,
    evaluate,
    parse_floor,
    score_article,
)
from pipeline.review.loading import load_jsonl
from schemas.models import LABELS, Article

DATA = Path(__file__).parent / "data" / "review"
GOLD, PRED = DATA / "gold.jsonl", DATA / "pred.jsonl"

TEXT = "NVIDIA vendió 100.000 GPU a xAI, Dell Supermicro, por 3.000 millones de dólares."


def span(piece: str, label: str, text: str = TEXT, **norm: Any) -> dict[str, Any]:
    start = text.index(piece)
    defaults = {
        "ORG": {"canonical": piece},
        "PER": {"canonical": piece},
        "HARDWARE": {"canonical": piece, "kind": "chip"},
        "DATE": {"value": "2024"},
    }.get(label, {"value": 1})
    return {"start": start, "end": start + len(piece), "text": piece, "label": label, **(norm or defaults)}


def claim(anchor: dict[str, Any], text: str = TEXT, **fields: Any) -> dict[str, Any]:
    return {
        "anchor": {"start": anchor["start"], "end": anchor["end"]},
        "label": anchor["label"],
        "sentence": {"start": 0, "end": len(text)},
        **({"value": 1} if not {"value", "low", "high"} & set(fields) else {}),
        **fields,
    }


def article(spans=(), claims=(), text: str = TEXT, id: str = "a") -> Article:
    return Article(id=id, text=text, spans=list(spans), claims=list(claims))


def prf(scores, scheme: str = "strict", label: str = ALL) -> tuple:
    table = getattr(scores, scheme)[label]
    return (table.tp, table.precision, table.recall, table.f1)


# (gold spans, predicted spans, strict (tp, P, R, F1), partial (tp, P, R, F1)), worked out by hand.
SPAN_CASES = {
    "identical": (
        [span("NVIDIA", "ORG"), span("100.000", "CARDINAL")],
        [span("NVIDIA", "ORG"), span("100.000", "CARDINAL")],
        (2, 1.0, 1.0, 1.0),
        (2, 1.0, 1.0, 1.0),
    ),
    "boundary differs": (
        [span("3.000 millones de dólares", "MONEY")],
        [span("3.000 millones", "MONEY")],
        (0, 0.0, 0.0, 0.0),
        (1, 1.0, 1.0, 1.0),
    ),
    "label differs": ([span("xAI", "ORG")], [span("xAI", "PER")], (0, 0.0, 0.0, 0.0), (0, 0.0, 0.0, 0.0)),
    "one missed, one spurious": (
        [span("NVIDIA", "ORG"), span("xAI", "ORG")],
        [span("NVIDIA", "ORG"), span("100.000", "CARDINAL")],
        (1, 0.5, 0.5, 0.5),
        (1, 0.5, 0.5, 0.5),
    ),
    "nothing predicted": ([span("NVIDIA", "ORG")], [], (0, None, 0.0, 0.0), (0, None, 0.0, 0.0)),
    "nothing in gold": ([], [span("NVIDIA", "ORG")], (0, 0.0, None, 0.0), (0, 0.0, None, 0.0)),
    # One prediction over two gold spans pairs with the one it overlaps most.
    "one prediction, two gold": (
        [span("Dell", "ORG"), span("Supermicro", "ORG")],
        [span("Dell Supermicro", "ORG")],
        (0, 0.0, 0.0, 0.0),
        (1, 1.0, 0.5, 2 / 3),
    ),
    # A gold span is matched at most once.
    "two predictions, one gold": (
        [span("Dell Supermicro", "ORG")],
        [span("Dell", "ORG"), span("Supermicro", "ORG")],
        (0, 0.0, 0.0, 0.0),
        (1, 0.5, 1.0, 2 / 3),
    ),
}


@pytest.mark.parametrize("gold,pred,strict,partial", SPAN_CASES.values(), ids=SPAN_CASES.keys())
def test_evaluate_span_strict_and_partial(gold, pred, strict, partial) -> None:
    scores = score_article(article(gold), article(pred))
    assert prf(scores, "strict") == pytest.approx(strict)
    assert prf(scores, "partial") == pytest.approx(partial)


def test_evaluate_span_figures_per_label() -> None:
    gold = [span("NVIDIA", "ORG"), span("100.000", "CARDINAL"), span("xAI", "ORG")]
    pred = [span("NVIDIA", "ORG"), span("100.000 GPU", "CARDINAL"), span("Dell", "PER")]
    scores = score_article(article(gold), article(pred))
    assert prf(scores, "strict", "ORG") == pytest.approx((1, 1.0, 0.5, 2 / 3))
    assert prf(scores, "strict", "CARDINAL") == pytest.approx((0, 0.0, 0.0, 0.0))
    assert prf(scores, "partial", "CARDINAL") == pytest.approx((1, 1.0, 1.0, 1.0))
    assert prf(scores, "partial", "PER") == pytest.approx((0, 0.0, None, 0.0))
    assert prf(scores, "partial") == pytest.approx((2, 2 / 3, 2 / 3, 2 / 3))


NUMBER_TEXT = "unos 3.000 millones"
# (label, gold normalisation, predicted normalisation, value-correct?)
VALUE_CASES = {
    "0.4 % off": ("CARDINAL", {"value": 100000}, {"value": 100400}, True),
    "0.6 % off": ("CARDINAL", {"value": 100000}, {"value": 100600}, False),
    "0.6 % off, below": ("CARDINAL", {"value": 100000}, {"value": 99400}, False),
    "range within tolerance": ("MONEY", {"low": 3e9, "high": 4e9}, {"low": 3.01e9, "high": 4e9}, True),
    "range against value": ("MONEY", {"low": 3e9, "high": 4e9}, {"value": 3.5e9}, False),
    "null only equals null": ("MONEY", {"low": 1e5}, {"low": 1e5, "high": 2e5}, False),
    "zero": ("CARDINAL", {"value": 0}, {"value": 0.0}, True),
    "unit case": ("MONEY", {"value": 3e9, "unit": "USD"}, {"value": 3e9, "unit": "usd"}, True),
    "unit accent": ("DURATION", {"value": 2, "unit": "día"}, {"value": 2, "unit": "Dia"}, True),
    "unit differs": ("QUANTITY", {"value": 5, "unit": "MW"}, {"value": 5, "unit": "GW"}, False),
    "unit missing": ("PERCENT", {"value": 30, "unit": "%"}, {"value": 30}, False),
}


@pytest.mark.parametrize("label,gold,pred,correct", VALUE_CASES.values(), ids=VALUE_CASES.keys())
def test_evaluate_value_tolerance(label, gold, pred, correct) -> None:
    gold_span = span(NUMBER_TEXT, label, NUMBER_TEXT, **gold)
    pred_span = span(NUMBER_TEXT, label, NUMBER_TEXT, **pred)
    scores = score_article(article([gold_span], text=NUMBER_TEXT), article([pred_span], text=NUMBER_TEXT))
    assert (scores.values.agree, scores.values.total) == (int(correct), 1)


# (claim field, gold value, predicted value, agree?)
NAME_CASES = {
    "subject case and accent": ("subject", "Élon Musk", "elon  musk", True),
    "subject differs": ("subject", "xAI", "X.AI", False),
    "source null": ("source", None, "Elon Musk", False),
    "hardware as a set": ("hardware", ["NVIDIA H100", "NVIDIA H200"], ["nvidia h200", "Nvidia H100"], True),
    "hardware subset": ("hardware", ["NVIDIA H100"], ["NVIDIA H100", "NVIDIA H200"], False),
    "orgs spaces": ("orgs", ["Tesla"], [" TESLA "], True),
    "unit": ("unit", "generador diésel", "Generador Diesel", True),
    "modality": ("modality", "planned", "asserted", False),
    "date": ("date", "2024-09", "2024-09", True),
}


@pytest.mark.parametrize("field,gold,pred,agree", NAME_CASES.values(), ids=NAME_CASES.keys())
def test_evaluate_claim_fields_fold_case_and_accents(field, gold, pred, agree) -> None:
    anchor = span("100.000", "CARDINAL")
    scores = score_article(
        article([anchor], [claim(anchor, **{field: gold})]), article([anchor], [claim(anchor, **{field: pred})])
    )
    assert (scores.claim_fields[field].agree, scores.claim_fields[field].total) == (int(agree), 1)
    others = [rate for name, rate in scores.claim_fields.items() if name != field]
    assert all(rate.agree == rate.total == 1 for rate in others)


def test_evaluate_canonical_names_fold_case() -> None:
    gold = article([span("NVIDIA", "ORG", canonical="NVIDIA"), span("xAI", "ORG", canonical="xAI")])
    pred = article([span("NVIDIA", "ORG", canonical="Nvidia"), span("xAI", "ORG", canonical="Tesla")])
    scores = score_article(gold, pred)
    assert (scores.canonicals.agree, scores.canonicals.total) == (1, 2)


def test_evaluate_claims_pair_by_overlapping_anchor() -> None:
    money, gpus, vendor = span("3.000 millones de dólares", "MONEY"), span("100.000", "CARDINAL"), span("NVIDIA", "ORG")
    short_money = span("3.000 millones", "MONEY")
    gold = article([vendor, gpus, money], [claim(money, value=3e9, unit="USD")])
    # One claim overlaps the gold MONEY anchor, one sits on a span gold has no claim on.
    pred = article([vendor, gpus, short_money], [claim(gpus), claim(short_money, value=3e9, unit="USD")])
    scores = score_article(gold, pred)
    assert (scores.claims.tp, scores.claims.precision, scores.claims.recall) == (1, 0.5, 1.0)
    assert scores.claims.f1 == pytest.approx(2 / 3)
    assert (scores.claim_fields["value"].agree, scores.claim_fields["value"].total) == (1, 1)


def test_evaluate_overall_is_a_micro_average() -> None:
    first = article([span("NVIDIA", "ORG")], id="one")
    second_gold = article([span("xAI", "ORG"), span("Dell", "ORG"), span("Supermicro", "ORG")], id="two")
    second_pred = article([span("100.000", "CARDINAL")], id="two")
    report = evaluate([first, second_gold], [first, second_pred])
    # Counts added up: tp 1, gold 4, pred 2 (the mean of per-article F1s would be 0.5).
    assert prf(report.overall) == pytest.approx((1, 0.5, 0.25, 1 / 3))
    assert [entry.id for entry in report.articles] == ["one", "two"]
    assert report.metrics()["span_strict_f1"] == pytest.approx(1 / 3)


def test_evaluate_reports_articles_in_one_file_only() -> None:
    same = article([span("NVIDIA", "ORG")], id="same")
    edited = article([span("NVIDIA", "ORG")], id="edited")
    edited_pred = article(text=TEXT + " Fin.", id="edited")
    report = evaluate([same, edited, article(id="gold-only")], [same, edited_pred, article(id="pred-only")])
    assert report.pairing.only_gold == ["gold-only"]
    assert report.pairing.only_pred == ["pred-only"]
    assert report.pairing.text_differs == ["edited"]
    assert [entry.id for entry in report.articles] == ["same"]
    assert prf(report.overall) == (1, 1.0, 1.0, 1.0)


def test_evaluate_fixture_figures_by_hand() -> None:
    gold, pred = load_jsonl(GOLD), load_jsonl(PRED)
    report = evaluate([e.article for e in gold.articles], [e.article for e in pred.articles])
    metrics = report.metrics()
    expected = {
        "span_strict_precision": 8 / 12,
        "span_strict_recall": 8 / 12,
        "span_strict_f1": 8 / 12,
        "span_partial_f1": 10 / 12,
        "value_correct": 2 / 4,
        "canonical_correct": 1.0,
        "claim_precision": 4 / 5,
        "claim_recall": 1.0,
        "claim_f1": 8 / 9,
        "claim_value": 2 / 4,
        "claim_unit": 1.0,
        "claim_subject": 1.0,
        "claim_hardware": 1.0,
        "claim_modality": 3 / 4,
        "claim_source": 1.0,
        "claim_orgs": 1.0,
        "claim_date": 3 / 4,
    }
    assert {name: metrics[name] for name in expected} == pytest.approx(expected)
    assert set(metrics) == set(METRICS)


def _nervaluate(gold_docs, pred_docs) -> dict[str, Any]:
    def convert(docs):
        # nervaluate's ends are inclusive, ours exclusive.
        return [[{"label": label, "start": start, "end": end - 1} for label, start, end in doc] for doc in docs]

    return Evaluator(convert(gold_docs), convert(pred_docs), tags=list(LABELS), loader="dict").evaluate()


def _same_counts(ours: semeval.SemEvalCounts, theirs: Any) -> None:
    fields = ("correct", "incorrect", "partial", "missed", "spurious", "possible", "actual")
    assert {f: getattr(ours, f) for f in fields} == {f: getattr(theirs, f) for f in fields}
    assert (ours.precision, ours.recall, ours.f1) == pytest.approx((theirs.precision, theirs.recall, theirs.f1))


def _check_against_nervaluate(gold_docs, pred_docs) -> None:
    theirs = _nervaluate(gold_docs, pred_docs)
    per_doc = [semeval.score_all(g, p) for g, p in zip(gold_docs, pred_docs, strict=True)]
    for scheme in semeval.SCHEMES:
        totals: dict[str, semeval.SemEvalCounts] = {}
        for doc in per_doc:
            for label, counts in doc[scheme].items():
                totals[label] = totals.get(label, semeval.SemEvalCounts(scheme)) + counts
        _same_counts(totals.get(ALL, semeval.SemEvalCounts(scheme)), theirs["overall"][scheme])
        for label, by_scheme in theirs["entities"].items():
            _same_counts(totals.get(label, semeval.SemEvalCounts(scheme)), by_scheme[scheme])


def test_evaluate_semeval_matches_nervaluate_on_the_fixtures() -> None:
    gold = load_jsonl(GOLD).by_id()
    pred = load_jsonl(PRED).by_id()
    shared = [article_id for article_id in gold if article_id in pred]
    docs = [[(s.label, s.start, s.end) for s in source[i].spans] for source in (gold, pred) for i in shared]
    gold_docs, pred_docs = docs[: len(shared)], docs[len(shared) :]
    _check_against_nervaluate(gold_docs, pred_docs)

    report = evaluate(gold.values(), pred.values())
    theirs = _nervaluate(gold_docs, pred_docs)
    for scheme in semeval.SCHEMES:
        _same_counts(report.overall.semeval[scheme][ALL], theirs["overall"][scheme])


_entity = st.builds(
    lambda label, start, length: (label, start, start + length),
    st.sampled_from(["ORG", "PER", "MONEY"]),
    st.integers(0, 60),
    # Long gold entities exercise nervaluate's 1 % minimum overlap.
    st.one_of(st.integers(1, 8), st.integers(100, 160)),
)
_doc = st.lists(_entity, max_size=6).map(lambda doc: sorted(doc, key=lambda e: (e[1], e[2])))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_doc, _doc), min_size=1, max_size=3))
def test_evaluate_semeval_matches_nervaluate_on_random_spans(docs) -> None:
    _check_against_nervaluate([gold for gold, _ in docs], [pred for _, pred in docs])


@pytest.mark.parametrize(
    "text,error",
    [
        ("span_f1=0.5", "unknown metric 'span_f1'"),
        ("span_partial_f1", "is not NAME=VALUE"),
        ("claim_f1=high", "is not a number"),
        ("claim_f1=85", "fractions between 0 and 1"),
    ],
)
def test_evaluate_parse_floor_rejects(text: str, error: str) -> None:
    with pytest.raises(ValueError, match=error):
        parse_floor(text)


def test_evaluate_check_floors_fails_undefined_figures() -> None:
    failures = check_floors({"claim_f1": None, "span_strict_f1": 0.9}, [("claim_f1", 0.1), ("span_strict_f1", 0.9)])
    assert [(f.metric, f.value) for f in failures] == [("claim_f1", None)]


@pytest.fixture
def app() -> typer.Typer:
    from pipeline.cli.review import register

    app = typer.Typer()
    register(app)
    return app


def _eval(app: typer.Typer, *args: str):
    return CliRunner().invoke(app, ["eval", "--gold", str(GOLD), "--pred", str(PRED), *args])


@pytest.mark.parametrize(
    "floors,exit_code,failing",
    [
        ([], 0, []),
        (["span_partial_f1=0.8", "claim_f1=0.85"], 0, []),
        (["span_partial_f1=0.85", "claim_modality=0.8", "value_correct=0.5"], 1, ["span_partial_f1", "claim_modality"]),
        (["claim_value=0.51"], 1, ["claim_value"]),
        (["nonsense=0.5"], 2, []),
    ],
)
def test_evaluate_cli_fail_under_exit_codes(app, floors, exit_code, failing) -> None:
    result = _eval(app, *[arg for floor in floors for arg in ("--fail-under", floor)])
    assert result.exit_code == exit_code, result.output
    listed = [line.split()[3] for line in result.stderr.splitlines() if line.startswith("below the floor")]
    assert listed == failing


def test_evaluate_cli_prints_aligned_tables(app) -> None:
    result = _eval(app)
    assert result.exit_code == 0
    out = result.stdout
    assert "only in gold, not scored: art-gold-only" in out
    assert "only in the predictions, not scored: art-pred-only" in out
    table = out[out.index("Spans") :].splitlines()[1:4]
    assert table[0].split() == ["label", "gold", "pred", "strict", "P", "R", "F1", "partial", "P", "R", "F1"]
    assert table[2].split() == ["ALL", "12", "12", "8", "0.667", "0.667", "0.667", "10", "0.833", "0.833", "0.833"]
    assert len({len(line) for line in table[:3]}) == 1  # columns line up
    for scheme in semeval.SCHEMES:
        assert any(line.split()[:1] == [scheme] for line in out.splitlines())


def test_evaluate_cli_json_keys(app) -> None:
    result = _eval(app, "--json", "--fail-under", "claim_f1=0.95")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert set(report) == {
        "gold", "pred", "model", "articles", "metrics", "overall", "per_article", "by_split", "fail_under", "problems"
    }
    assert report["articles"]["only_gold"] == ["art-gold-only"]
    assert report["metrics"]["claim_f1"] == pytest.approx(8 / 9)
    assert report["fail_under"] == [{"metric": "claim_f1", "value": pytest.approx(8 / 9), "floor": 0.95}]
    assert set(report["overall"]) == {"spans", "values", "canonicals", "claims", "claim_fields", "semeval"}
    assert [entry["id"] for entry in report["per_article"]] == ["art-1", "art-2"]
    assert report["overall"]["spans"]["partial"]["ALL"] == {
        "tp": 10, "gold": 12, "pred": 12, "precision": pytest.approx(10 / 12),
        "recall": pytest.approx(10 / 12), "f1": pytest.approx(10 / 12),
    }


def test_evaluate_cli_warns_about_bad_lines_and_goes_on(app, tmp_path: Path) -> None:
    pred = tmp_path / "pred.jsonl"
    pred.write_text(PRED.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--gold", str(GOLD), "--pred", str(pred), "--json"])
    assert result.exit_code == 0
    assert f"warning: {pred}:4: not valid JSON" in result.stderr
    assert json.loads(result.stdout)["problems"][0]["line"] == 4


def test_evaluate_cli_without_pred_runs_the_extractor(app, monkeypatch) -> None:
    predictions = load_jsonl(PRED).by_id()
    calls: dict[str, Any] = {}

    def extract_many(items, model=None):
        calls["items"], calls["model"] = list(items), model
        for article_id, text, _meta in calls["items"]:
            yield predictions.get(article_id) or Article(id=article_id, text=text)

    fake = types.ModuleType("pipeline.api")
    fake.extract_many = extract_many
    monkeypatch.setitem(sys.modules, "pipeline.api", fake)
    result = CliRunner().invoke(app, ["eval", "--gold", str(GOLD), "--model", "es_fake", "--json"])
    assert result.exit_code == 0, result.output
    assert calls["model"] == "es_fake"
    assert [(article_id, meta) for article_id, _, meta in calls["items"]] == [
        ("art-1", {"split": "dev", "source": "colossus-es"}),
        ("art-2", {"split": "dev"}),
        ("art-gold-only", {}),
    ]
    report = json.loads(result.stdout)
    assert report["pred"] is None and report["model"] == "es_fake"
    assert report["articles"]["compared"] == 3
    # The gold-only article now has an (empty) prediction: 10 paired of 16 gold and 12 predicted.
    assert report["metrics"]["span_partial_f1"] == pytest.approx(2 * 10 / (16 + 12))


def test_evaluate_cli_unreadable_gold_exits_2(app, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "--gold", str(tmp_path / "none.jsonl"), "--pred", str(PRED)])
    assert result.exit_code == 2
    assert "no article could be read from the gold file" in result.stderr


def test_evaluate_cli_scores_one_split(app) -> None:
    """Dev and test are reported apart: --split keeps the gold articles of that split only."""
    corpus = Path(__file__).resolve().parent.parent / "corpus" / "gold.jsonl"
    splits = {json.loads(line)["id"]: json.loads(line)["meta"]["split"] for line in corpus.read_text(encoding="utf-8").splitlines()}
    for split in ("dev", "test"):
        result = CliRunner().invoke(app, ["eval", "--gold", str(corpus), "--pred", str(corpus), "--json", "--split", split])
        assert result.exit_code == 0, result.output
        report = json.loads(result.stdout)
        assert {entry["id"] for entry in report["per_article"]} == {i for i, s in splits.items() if s == split}
        assert report["articles"]["only_pred"] == []
    both = CliRunner().invoke(app, ["eval", "--gold", str(corpus), "--pred", str(corpus), "--json"])
    assert set(json.loads(both.stdout)["by_split"]) == {"dev", "test"}
    assert "By split" in CliRunner().invoke(app, ["eval", "--gold", str(corpus), "--pred", str(corpus)]).stdout
    result = CliRunner().invoke(app, ["eval", "--gold", str(corpus), "--pred", str(corpus), "--split", "train"])
    assert result.exit_code != 0 and "no article" in result.output
