"""afirma's factories in a user's own pipeline, with or without a trained model."""

import pytest
import spacy

from pipeline import components  # noqa: F401  (registers the factories)


def test_components_work_in_a_blank_pipeline():
    nlp = spacy.blank("es")
    nlp.add_pipe("afirma_names", config={"use_model_ents": False})
    nlp.add_pipe("afirma_numbers")
    nlp.add_pipe("afirma_claims")
    doc = nlp("NVIDIA vendió 100.000 GPU H100.\nMeta compró 350.000 chips.")
    claims = doc._.afirma_claims
    assert [c.anchor.text for c in claims] == ["100.000", "350.000"]
    assert claims[0].hardware == ["NVIDIA H100"]
    assert [(s.text, s.label_) for s in doc.spans["afirma"]][:2] == [("NVIDIA", "ORG"), ("100.000", "CARDINAL")]
    assert not doc.ents, "doc.ents stays the model's unless overwrite_ents is set"


def test_components_can_overwrite_ents():
    nlp = spacy.blank("es")
    nlp.add_pipe("afirma_names", config={"use_model_ents": False})
    nlp.add_pipe("afirma_numbers")
    nlp.add_pipe("afirma_claims", config={"overwrite_ents": True})
    doc = nlp("Meta compró 350.000 H100.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Meta", "ORG"), ("350.000", "CARDINAL"), ("H100", "HARDWARE")]


@pytest.mark.model
def test_components_sentences_follow_stops_and_lines(extractor):
    doc = extractor.nlp("Titular sin punto\nEl sistema de EE. UU. tiene 2,9 TB/s. Al contrario que D. F. Jones, no.")
    assert [s.text.strip() for s in doc.sents] == [
        "Titular sin punto",
        "El sistema de EE. UU. tiene 2,9 TB/s.",
        "Al contrario que D. F. Jones, no.",
    ]


@pytest.mark.model
def test_components_no_sentence_starts_after_a_comma(extractor):
    """'Alfabeto, la empresa matriz de Google, dijo...' is one sentence, though the small parser cuts after 'Alfabeto,'."""
    doc = extractor.nlp(
        "Se espera que Meta y Microsoft gasten más de $400 billones este año, según Bernstein.\n"
        "Alfabeto, la empresa matriz de Google, dijo el martes que ahora espera gastos de capital de entre $91 billones "
        "y $93 billones este año, frente a su pronóstico anterior de $85 billones. Amazonas dijo que su unidad creció."
    )
    assert "Alfabeto, la empresa matriz de Google, dijo" in [s.text.strip()[:43] for s in doc.sents]


@pytest.mark.model
def test_components_declare_what_they_need_and_give(extractor):
    """spaCy's own check of every component's `requires` and `assigns`."""
    analysis = extractor.nlp.analyze_pipes(pretty=False)
    assert all(not problems for problems in analysis["problems"].values()), analysis["problems"]


@pytest.mark.model
def test_components_keep_no_document_state(extractor):
    """One component instance may serve any number of documents, in any
    order: after a document, nothing of it is left on the component."""
    nlp = extractor.nlp
    before = {name: dict(vars(component)) for name, component in nlp.pipeline if name.startswith("afirma_") and hasattr(component, "__dict__")}
    for text in ("Meta compró 350.000 H100.", "Según Reuters, xAI gastará 10.000 millones de dólares."):
        nlp(text)
    for name, attributes in before.items():
        after = vars(nlp.get_pipe(name))
        assert after.keys() == attributes.keys(), f"{name} gained {after.keys() - attributes.keys()}"
        for key, value in attributes.items():
            assert after[key] is value, f"{name}.{key} was replaced while processing documents"
    builder = nlp.get_pipe("afirma_claims").builder
    assert not {key for key in vars(builder)} - {"cues", "category_of", "org_of_person", "verbs"}
