"""Prediction records written by hand for the store's tests, and a check that they keep the contract.

`record("a", [("Altaris opera 150 MW.", [fig("150 MW", 150, "MW", subject="Altaris")])])`
builds an article whose claims are anchored where their number is written,
with a number span under each anchor, as `afirma extract` would write it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from schemas.models import Article

LABELS = {"MW": "QUANTITY", "GW": "QUANTITY", "TWh": "QUANTITY", "l/day": "QUANTITY", "m3/year": "QUANTITY", "l/year": "QUANTITY"}


def fig(number: str, value: float | None, unit: str | None, **fields: Any) -> dict[str, Any]:
    """One claim: the number as written in its sentence, its value (or low/high) and fields."""
    label = fields.pop("label", None) or ("MONEY" if unit in ("USD", "EUR", "MXN") else LABELS.get(unit or "", "CARDINAL"))
    return {"number": number, "label": label, "value": value, "unit": unit, **fields}


def record(article_id: str, sentences: list[tuple[str, list[dict[str, Any]]]], meta: dict[str, Any] | None = None) -> dict[str, Any]:
    """An article of these sentences (one a line), each claim anchored on its number."""
    text, spans, claims = "", [], []
    for sentence, figures in sentences:
        start = len(text)
        text += sentence + "\n"
        for figure in figures:
            spec = dict(figure)
            at = start + sentence.index(spec.pop("number"))
            end = at + len(figure["number"])
            amount = {key: spec.pop(key, None) for key in ("value", "low", "high")}
            approx = spec.pop("approx", False)
            span = {"start": at, "end": end, "text": text[at:end], "label": spec["label"], **amount, "approx": approx, "unit": spec["unit"]}
            spans.append(span)
            claim = {"anchor": {"start": at, "end": end}, **amount, "approx": approx, "sentence": {"start": start, "end": start + len(sentence)}}
            claims.append({**claim, **spec})
    spans.sort(key=lambda span: span["start"])
    return {"id": article_id, "text": text, "spans": spans, "claims": claims, "meta": meta or {}}


def write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_store_records_keep_the_contract() -> None:
    built = record(
        "a",
        [
            ("Altaris opera 150 MW y planea 1 GW.", [fig("150 MW", 150, "MW", subject="Altaris"), fig("1 GW", 1, "GW", subject="Altaris", modality="planned")]),
            ("Levantó 310 millones de dólares.", [fig("310 millones de dólares", 310e6, "USD", subject="Vektra")]),
        ],
    )
    article = Article.model_validate(built)
    assert [c.unit for c in article.claims] == ["MW", "GW", "USD"]
    assert built["text"][article.claims[2].anchor.start : article.claims[2].anchor.end] == "310 millones de dólares"
