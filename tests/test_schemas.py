"""The committed JSON Schema files are generated from the models, and records obey the contract."""

import json

import pytest
from pydantic import ValidationError

from schemas import Article, Claim, claim_id
from schemas.export import SCHEMA_DIR, TARGETS, render, stale_files


def test_schemas_committed_files_match_models():
    assert stale_files() == [], "run `python -m schemas` and commit the result"


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_schemas_files_are_json_schema(name):
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert render(name) == (SCHEMA_DIR / name).read_text(encoding="utf-8")


def _article(**changes):
    record = {
        "id": "a",
        "text": "Colossus tiene 100.000 GPU.",
        "spans": [
            {"start": 0, "end": 8, "text": "Colossus", "label": "HARDWARE", "canonical": "Colossus", "kind": "system"},
            {"start": 15, "end": 22, "text": "100.000", "label": "CARDINAL", "value": 100000},
        ],
        "claims": [
            {"anchor": {"start": 15, "end": 22}, "label": "CARDINAL", "value": 100000, "unit": "GPU",
             "subject": "Colossus", "sentence": {"start": 0, "end": 27}},
        ],
    }
    record.update(changes)
    return record


def test_schemas_valid_record_loads_with_extra_fields():
    record = _article()
    record["claims"][0]["confidence"] = 0.9
    article = Article.model_validate(record)
    assert article.claims[0].modality == "asserted"


@pytest.mark.parametrize(
    "change, message",
    [
        ({"spans": [{"start": 0, "end": 8, "text": "Colosus!", "label": "HARDWARE", "canonical": "C", "kind": "system"}]}, "text[0:8]"),
        ({"spans": [{"start": 0, "end": 8, "text": "Colossus", "label": "GADGET", "canonical": "C"}]}, "label"),
        ({"spans": [{"start": 15, "end": 22, "text": "100.000", "label": "CARDINAL"}]}, "value"),
        ({"spans": [{"start": 15, "end": 22, "text": "100.000", "label": "CARDINAL", "value": 1, "low": 1}]}, "not both"),
        ({"spans": [{"start": 15, "end": 22, "text": "100.000", "label": "DATE", "value": "ayer"}]}, "ISO"),
        ({"claims": [{"anchor": {"start": 0, "end": 8}, "label": "CARDINAL", "value": 1, "sentence": {"start": 0, "end": 27}}]}, "not a number span"),
        ({"claims": [{"anchor": {"start": 15, "end": 22}, "label": "CARDINAL", "value": 1, "modality": "rumoured", "sentence": {"start": 0, "end": 27}}]}, "modality"),
    ],
)
def test_schemas_invalid_records_are_refused(change, message):
    with pytest.raises(ValidationError) as error:
        Article.model_validate(_article(**change))
    assert message in str(error.value)


def test_schemas_overlapping_spans_are_refused():
    record = _article()
    record["spans"].insert(1, {"start": 5, "end": 10, "text": "sus t", "label": "ORG", "canonical": "x"})
    with pytest.raises(ValidationError, match="overlaps"):
        Article.model_validate(record)


def test_schemas_claim_sentence_must_hold_anchor():
    with pytest.raises(ValidationError, match="does not contain"):
        Claim.model_validate({"anchor": {"start": 15, "end": 22}, "label": "CARDINAL", "value": 1, "sentence": {"start": 0, "end": 10}})


def test_schemas_claim_id_is_stable_and_distinct():
    # Pinned: ids written in files months apart must still match.
    assert claim_id("a", 1, 2, "CARDINAL") == "c-b2034d15e0117ff9"
    assert claim_id("colossus-es", 120, 126, "CARDINAL") == "c-3c0e86eda6b6d6ed"
    assert claim_id("a", 1, 2, "CARDINAL") != claim_id("b", 1, 2, "CARDINAL")
    assert claim_id("a", 1, 2, "CARDINAL") != claim_id("a", 1, 3, "CARDINAL")


def test_schemas_working_objects_carry_every_record_field():
    """Records are built by copying the models' fields by name from the
    components' working objects (pipeline.records): a field added to a model
    and not to its working object would be silently left at its default."""
    from dataclasses import fields

    from pipeline.claims.draft import ClaimDraft
    from pipeline.names import NameMatch
    from pipeline.numbers import NumberMatch
    from pipeline.records import ANCHOR_FIELDS, _PLACED
    from schemas import DateSpan, HardwareSpan, NameSpan, NumberSpan

    def names(cls):
        return {f.name for f in fields(cls)}

    for model, working in ((NumberSpan, NumberMatch), (DateSpan, NumberMatch), (NameSpan, NameMatch), (HardwareSpan, NameMatch)):
        assert set(model.model_fields) - _PLACED <= names(working), (model.__name__, working.__name__)
    assert set(Claim.model_fields) - _PLACED - set(ANCHOR_FIELDS) <= names(ClaimDraft)
    assert set(ANCHOR_FIELDS) <= names(NumberMatch)


def test_schemas_every_field_is_described():
    """Downstream users read the JSON Schema: every property says what it holds."""
    from schemas.export import TARGETS, schema_for

    def undescribed(node, path):
        if isinstance(node, dict):
            for name, prop in node.get("properties", {}).items():
                if "description" not in prop:
                    yield f"{path}.{name}"
            for key, child in node.items():
                yield from undescribed(child, f"{path}/{key}")
        elif isinstance(node, list):
            for child in node:
                yield from undescribed(child, path)

    missing = [hole for name in TARGETS for hole in undescribed(schema_for(name), name)]
    assert not missing, missing
