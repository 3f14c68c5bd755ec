"""Conflict rules: each kind of conflict is found, each kind of non-conflict kept apart, each with why."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.store import Conflicts, Store
from pipeline.store.intervals import disagreeing_pair, versions
from pipeline.store.units import unit_rule
from test_store_records import fig, record, write


def _found(tmp_path: Path, records: list[dict]) -> Conflicts:
    with Store(tmp_path / "claims.duckdb", create=True) as store:
        store.add([write(tmp_path / "pred.jsonl", records)])
        return store.conflicts()


def _split(found: Conflicts) -> set[frozenset[tuple[str, str]]]:
    """Pairs of (article, number as written) that a conflict puts in different versions."""
    pairs = set()
    for _, claims in found.claims.groupby("conflict_id"):
        rows = list(claims.itertuples(index=False))
        for first, second in combinations(rows, 2):
            if first.version != second.version:
                pairs.add(frozenset({(first.article_id, first.anchor_text), (second.article_id, second.anchor_text)}))
    return pairs


def _one(article_id: str, sentence: str, *figures: dict, date: str | None = None) -> dict:
    return record(article_id, [(sentence, list(figures))], meta={"date": date} if date else None)


CONFLICTS = {
    "power in MW and GW": [
        _one("a", "Altaris Cloud opera 150 MW.", fig("150 MW", 150, "MW", subject="Altaris Cloud")),
        _one("b", "Altaris Cloud opera 0,4 GW.", fig("0,4 GW", 0.4, "GW", subject="Altaris Cloud")),
    ],
    "money in millions and billions": [
        _one("a", "Vektra levantó 310 millones de dólares.", fig("310 millones de dólares", 310e6, "USD", subject="Vektra")),
        _one("b", "Vektra levantó 0,5 mil millones de dólares.", fig("0,5 mil millones de dólares", 500e6, "USD", subject="Vektra")),
    ],
    "two sources in one article": [
        record("a", [
            ("Según Orvalia, el campus consumirá 2,1 millones de litros al día.",
             [fig("2,1 millones de litros", 2.1e6, "l/day", subject="Orvalia", modality="planned", source="Orvalia")]),
            ("La Comisión sostiene que consumirá 7,6 millones de litros al día.",
             [fig("7,6 millones de litros", 7.6e6, "l/day", subject="Orvalia", modality="planned", source="Comisión")]),
        ]),
    ],
    "counts of the same chip": [
        _one("a", "Pampa Compute opera 9.800 GPU H100.", fig("9.800", 9800, "GPU", subject="Pampa Compute", hardware=["NVIDIA H100"])),
        _one("b", "Pampa Compute opera 4.000 GPU H100.", fig("4.000", 4000, "GPU", subject="Pampa Compute", hardware=["NVIDIA H100"])),
    ],
    "figures of the same year": [
        _one("a", "Iberdata facturó 318 millones de euros en 2024.", fig("318 millones de euros", 318e6, "EUR", subject="Iberdata", date="2024")),
        _one("b", "Iberdata ingresó 412 millones de euros en 2024.", fig("412 millones de euros", 412e6, "EUR", subject="Iberdata", date="2024")),
    ],
    "undated figures of articles of the same year": [
        _one("a", "Atalaya suma 24.000 GPU.", fig("24.000", 24000, "GPU", subject="Atalaya"), date="2025-07-03"),
        _one("b", "Atalaya suma 36.000 GPU.", fig("36.000", 36000, "GPU", subject="Atalaya"), date="2025-07-10"),
    ],
}


@pytest.mark.parametrize("case", list(CONFLICTS))
def test_store_conflicts_found(tmp_path: Path, case: str) -> None:
    found = _found(tmp_path, CONFLICTS[case])
    assert len(found.conflicts) == 1, found.conflicts
    conflict = found.conflicts.iloc[0]
    assert conflict["versions"] == 2 and "cannot both be true" in conflict["reason"]
    assert any(item.startswith("same subject") for item in conflict["why"])
    claims = found.claims
    assert set(claims.columns) >= {"amount", "modality", "source", "outlet", "date", "sentence"}
    assert all(number in sentence for number, sentence in zip(claims["anchor_text"], claims["sentence"]))


NON_CONFLICTS = {
    "a plan and a current figure": [
        _one("a", "Altaris Cloud opera 150 MW.", fig("150 MW", 150, "MW", subject="Altaris Cloud")),
        _one("b", "Altaris Cloud tendrá 1 GW.", fig("1 GW", 1, "GW", subject="Altaris Cloud", modality="planned")),
    ],
    "figures of different years": [
        _one("a", "Iberdata facturó 318 millones de euros en 2024.", fig("318 millones de euros", 318e6, "EUR", subject="Iberdata", date="2024")),
        _one("b", "Iberdata facturó 212 millones de euros en 2023.", fig("212 millones de euros", 212e6, "EUR", subject="Iberdata", date="2023")),
    ],
    "an undated figure of a later article": [
        _one("a", "Pampa Compute cerró 2024 con 4.000 GPU H100.", fig("4.000", 4000, "GPU", subject="Pampa Compute", hardware=["NVIDIA H100"], date="2024")),
        _one("b", "Pampa Compute opera hoy 9.800 GPU H100.", fig("9.800", 9800, "GPU", subject="Pampa Compute", hardware=["NVIDIA H100"]), date="2025-10-14"),
    ],
    "counts of different chips": [
        _one("a", "Tláloc reúne 2.304 GPU H100.", fig("2.304", 2304, "GPU", subject="Tláloc", hardware=["NVIDIA H100"])),
        _one("b", "Tláloc reúne 1.152 GPU H200.", fig("1.152", 1152, "GPU", subject="Tláloc", hardware=["NVIDIA H200"])),
    ],
    "a total and its part by chip": [
        _one("a", "Atalaya suma 24.000 GPU; 12.000 de ellas son H100.", fig("24.000", 24000, "GPU", subject="Atalaya"),
             fig("12.000", 12000, "GPU", subject="Atalaya", hardware=["NVIDIA H100"])),
        _one("b", "Atalaya tiene 12.000 GPU H100.", fig("12.000", 12000, "GPU", subject="Atalaya", hardware=["NVIDIA H100"])),
    ],
    "a figure for each building and the campus": [
        _one("a", "Orvalia levantará tres edificios de 72 MW cada uno.", fig("72 MW", 72, "MW", subject="Orvalia", modality="planned")),
        _one("b", "El campus de Orvalia tendrá 216 MW.", fig("216 MW", 216, "MW", subject="Orvalia", modality="planned")),
    ],
    "a first phase and the whole": [
        _one("a", "La primera fase de la ampliación, de 300 MW, empezará en otoño.", fig("300 MW", 300, "MW", subject="Altaris Cloud", modality="planned")),
        _one("b", "Altaris Cloud ampliará el campus a 1 GW.", fig("1 GW", 1, "GW", subject="Altaris Cloud", modality="planned")),
    ],
    "the same figure in other units": [
        _one("a", "Cumbre Data tendrá 800 MW.", fig("800 MW", 800, "MW", subject="Cumbre Data", modality="planned")),
        _one("b", "Cumbre Data tendrá 0,8 GW.", fig("0,8 GW", 0.8, "GW", subject="Cumbre Data", modality="planned")),
    ],
    "an approximate figure": [
        _one("a", "REB entrega 620 MW a centros de datos.", fig("620 MW", 620, "MW", subject="REB")),
        _one("b", "REB entrega unos 570 MW a centros de datos.", fig("unos 570 MW", 570, "MW", subject="REB", approx=True)),
    ],
    "a figure within a bound": [
        _one("a", "Orvalia tendrá 216 MW.", fig("216 MW", 216, "MW", subject="Orvalia", modality="planned")),
        _one("b", "Orvalia tendrá más de 200 MW.", fig("más de 200 MW", None, "MW", low=200, subject="Orvalia", modality="planned")),
    ],
    "revenue and an investment": [
        _one("a", "Iberdata ingresó 318 millones de euros.", fig("318 millones de euros", 318e6, "EUR", subject="Iberdata")),
        _one("b", "Iberdata invertirá 900 millones de euros.", fig("900 millones de euros", 900e6, "EUR", subject="Iberdata")),
    ],
    "one voice in one article": [
        _one("a", "La potencia pasó de 10 a 25 MW.", fig("10", 10, "MW", subject="Cumbre Data"), fig("25 MW", 25, "MW", subject="Cumbre Data")),
    ],
    "percentages": [
        _one("a", "Iberdata creció un 12 %.", fig("12 %", 12, "%", subject="Iberdata", label="PERCENT")),
        _one("b", "Iberdata creció un 40 %.", fig("40 %", 40, "%", subject="Iberdata", label="PERCENT")),
    ],
    "claims without a subject": [
        _one("a", "La red suma 620 MW.", fig("620 MW", 620, "MW")),
        _one("b", "La red suma 900 MW.", fig("900 MW", 900, "MW")),
    ],
}


@pytest.mark.parametrize("case", list(NON_CONFLICTS))
def test_store_non_conflicts_kept_apart(tmp_path: Path, case: str) -> None:
    found = _found(tmp_path, NON_CONFLICTS[case])
    assert found.conflicts.empty, found.conflicts["reason"].tolist()


def _grouped(tmp_path: Path, records: list[dict]):
    with Store(tmp_path / "claims.duckdb", create=True) as store:
        store.add([write(tmp_path / "pred.jsonl", records)])
        return store.grouped().set_index("anchor_text")


def test_store_grouping_says_why_claims_were_kept_apart(tmp_path: Path) -> None:
    rows = _grouped(tmp_path, NON_CONFLICTS["a plan and a current figure"] + NON_CONFLICTS["a first phase and the whole"])
    assert "stance:plan<-modality:planned" in rows.loc["1 GW"].iloc[0]["why"]
    assert "scope:phase<-'primera fase' before" in rows.loc["300 MW", "why"]
    assert rows.loc["150 MW", "group_id"] != rows.loc["1 GW"].iloc[0]["group_id"]
    units = _grouped(tmp_path / "u", NON_CONFLICTS["percentages"] + NON_CONFLICTS["claims without a subject"]) if (tmp_path / "u").mkdir() is None else None
    assert units.loc["12 %", "excluded"].startswith("a percentage")
    assert units.loc["620 MW", "excluded"].startswith("no subject")


def test_store_subject_repairs_say_why(tmp_path: Path) -> None:
    rows = _grouped(tmp_path, [
        _one("a", "Altaris Cloud opera 150 MW.", fig("150 MW", 150, "MW", subject="Altaris Cloud")),
        _one("b", "Altaris opera 400 MW.", fig("400 MW", 400, "MW", subject="Altaris")),
        _one("c", "Atalaya suma 24.000 GPU.", fig("24.000", 24000, "GPU")),
        _one("d", "Pampa Compute opera casi 10.000 GPU H100 de NVIDIA.",
             fig("casi 10.000", 10000, "GPU", approx=True, subject="NVIDIA H100", hardware=["NVIDIA H100"])),
        _one("e", "NVIDIA vende 100 GPU H100 a Atalaya.", fig("100", 100, "GPU", hardware=["NVIDIA H100"])),
        _one("f", "Atalaya tiene 30 MW y Pampa Compute, 12 MW.",  # makes both known subjects
             fig("30 MW", 30, "MW", subject="Atalaya"), fig("12 MW", 12, "MW", subject="Pampa Compute")),
    ])
    assert rows.loc["400 MW", "subject"] == "Altaris Cloud" and "short name 'Altaris'" in rows.loc["400 MW", "why"][0]
    assert rows.loc["24.000", "subject"] == "Atalaya" and "the claim had none" in rows.loc["24.000", "why"][0]
    assert rows.loc["casi 10.000", "subject"] == "Pampa Compute" and "is the chip counted" in rows.loc["casi 10.000", "why"][0]
    assert rows.loc["100", "subject"] == "Atalaya"  # the maker of the chips counted is not their holder


def test_store_timeline_shows_how_a_figure_moved(tmp_path: Path) -> None:
    records = NON_CONFLICTS["an undated figure of a later article"] + [
        _one("c", "Pampa Compute alcanzará 20.000 GPU H100.", fig("20.000", 20000, "GPU", subject="Pampa Compute", hardware=["NVIDIA H100"], modality="planned"), date="2025-11-02"),
    ]
    with Store(tmp_path / "claims.duckdb", create=True) as store:
        store.add([write(tmp_path / "pred.jsonl", records)])
        timeline = store.timeline("pampa compute")
    assert timeline["amount"].tolist() == ["4000 GPU", "9800 GPU", "20000 GPU"]
    assert timeline["when"].tolist() == ["2024", "2025-10-14", "2025-11-02"]
    assert timeline["when_from"].tolist() == ["claim", "article", "article"]
    assert timeline["stance"].tolist() == ["current", "current", "plan"]


@pytest.mark.parametrize(
    ("unit", "label", "family", "factor"),
    [
        ("GW", "QUANTITY", "power", 1e9),
        ("kW", "QUANTITY", "power", 1e3),
        ("EUR/MWh", "MONEY", "money EUR per energy", 1e-6),
        ("USD-cent", "MONEY", "money USD", 0.01),
        ("m3/day", "QUANTITY", "volume per day", 1e3),
        ("procesador gráfico", "CARDINAL", "count of GPU", 1.0),
        ("GPU", "CARDINAL", "count of GPU", 1.0),
        ("ms", "QUANTITY", "latency", 1e-3),
        ("month", "DURATION", "time", 2629800.0),
        ("%", "PERCENT", None, 1.0),
        (None, "CARDINAL", None, 1.0),
    ],
)
def test_store_unit_families(unit: str | None, label: str, family: str | None, factor: float) -> None:
    rule = unit_rule(unit, label)
    assert rule.family == family
    assert rule.factor == pytest.approx(factor)


def _brute_force(lo: list[float], hi: list[float], voice: list[str]) -> bool:
    return any(lo[j] > hi[i] and voice[i] != voice[j] for i in range(len(lo)) for j in range(len(lo)))


intervals = st.lists(
    st.tuples(st.integers(0, 30), st.integers(0, 10), st.sampled_from("abc")), min_size=0, max_size=8
)


@given(intervals)
def test_store_disagreeing_pair_is_found_exactly_when_one_exists(items: list[tuple[int, int, str]]) -> None:
    lo = [float(start) for start, _, _ in items]
    hi = [float(start + width) for start, width, _ in items]
    voice = [who for _, _, who in items]
    pair = disagreeing_pair(lo, hi, voice)
    assert (pair is not None) == _brute_force(lo, hi, voice)
    if pair is not None:
        lower, upper = pair
        assert lo[upper] > hi[lower] and voice[lower] != voice[upper]


@given(intervals)
def test_store_versions_agree_inside_and_are_ordered(items: list[tuple[int, int, str]]) -> None:
    lo = [float(start) for start, _, _ in items]
    hi = [float(start + width) for start, width, _ in items]
    numbers = versions(lo, hi)
    for number in set(numbers):
        members = [i for i, n in enumerate(numbers) if n == number]
        assert max(lo[i] for i in members) <= min(hi[i] for i in members)
    assert sorted(set(numbers)) == list(range(1, len(set(numbers)) + 1))
