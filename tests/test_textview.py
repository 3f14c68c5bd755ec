"""Odd characters from scraped and pasted text: numbers keep their value and
every offset points at the characters of the text as it was given.

The components read a cleaned view (entities decoded, invisible characters
dropped, CR line ends and tabs made plain, fullwidth digits folded); the
record keeps the original text, so a span over "3&nbsp;000" is the ten
characters "3&nbsp;000", not the five of "3 000".
"""

from __future__ import annotations

import pytest

from pipeline.textview import clean
from schemas import Article

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]


def _amount(span):
    return span.value if span.value is not None else (span.low, span.high)


def _check_offsets(record: Article, text: str) -> None:
    assert record.text == text
    for span in record.spans:
        assert record.text[span.start : span.end] == span.text
        # A span begins and ends on something visible, never on a removed character.
        assert span.text[0] not in INVISIBLE and span.text[-1] not in INVISIBLE
        assert span.text == span.text.strip()
    for claim in record.claims:
        assert 0 <= claim.sentence.start <= claim.anchor.start < claim.anchor.end <= claim.sentence.end <= len(text)
    Article.model_validate_json(record.model_dump_json())


def _numbers(record: Article) -> list[tuple[str, str, object]]:
    return [(s.text, s.label, _amount(s)) for s in record.spans if s.label not in ("ORG", "PER", "HARDWARE", "DATE")]


# (text, the number spans expected: (original characters, label, value or (low, high)))
NUMBER_CASES = [
    pytest.param(
        "Meta compró 350.000 GPU.\r\nGoogle gastará 75.000 millones de dólares.\r\n",
        [("350.000", "CARDINAL", 350000), ("75.000 millones de dólares", "MONEY", 75_000_000_000)],
        id="crlf",
    ),
    pytest.param(
        "Meta compró 350.000 GPU.\rGoogle gastará 75.000 millones de dólares.\r",
        [("350.000", "CARDINAL", 350000), ("75.000 millones de dólares", "MONEY", 75_000_000_000)],
        id="lone-cr",
    ),
    pytest.param(
        "Meta compró\t350.000\tGPU y gastó\t30\t%\tmás.",
        [("350.000", "CARDINAL", 350000), ("30\t%", "PERCENT", 30)],
        id="tabs",
    ),
    pytest.param("xAI instaló 100\u00a0000 GPU en Memphis.", [("100\u00a0000", "CARDINAL", 100000)], id="nbsp-thousands"),
    pytest.param(
        "El proyecto costará 3\u202f000 millones de dólares.",
        [("3\u202f000 millones de dólares", "MONEY", 3_000_000_000)],
        id="narrow-nbsp-thousands",
    ),
    pytest.param(
        "El centro tendrá 1\u00a0000\u00a0000 de chips y 2\u202f500 servidores.",
        [("1\u00a0000\u00a0000", "CARDINAL", 1_000_000), ("2\u202f500", "CARDINAL", 2500)],
        id="nbsp-two-groups",
    ),
    *(
        pytest.param(f"xAI instaló 100{char}000 GPU en Memphis.", [(f"100{char}000", "CARDINAL", 100000)], id=f"U+{ord(char):04X}-in-number")
        for char in INVISIBLE
    ),
    pytest.param(
        "xAI instaló \u200b100.000\u200b GPU y\u00ad 50\u00ad.\u00ad000 H100.",
        [("100.000", "CARDINAL", 100000), ("50\u00ad.\u00ad000", "CARDINAL", 50000)],
        id="invisible-around-and-inside",
    ),
    pytest.param(
        "Musk dijo: “Colossus tiene 100.000 GPU”. «Son 50.000 más», añadió, y ‘unas 200’ llegarán.",
        [("100.000", "CARDINAL", 100000), ("50.000", "CARDINAL", 50000), ("unas 200", "CARDINAL", 200)],
        id="smart-quotes",
    ),
    pytest.param("Compró １００.０００ GPU.", [("１００.０００", "CARDINAL", 100000)], id="fullwidth-digits"),
    pytest.param("La cuota subió un ３０％ en 2024.", [("３０％", "PERCENT", 30)], id="fullwidth-percent"),
    pytest.param(
        "El coste será de 3&nbsp;000 millones de dólares.",
        [("3&nbsp;000 millones de dólares", "MONEY", 3_000_000_000)],
        id="entity-nbsp",
    ),
    pytest.param("Invirtió &#8364;200 millones.", [("&#8364;200 millones", "MONEY", 200_000_000)], id="entity-decimal"),
    pytest.param("Invirtió &#x20AC;200 millones.", [("&#x20AC;200 millones", "MONEY", 200_000_000)], id="entity-hex"),
    pytest.param("Invirtió &euro;200 millones.", [("&euro;200 millones", "MONEY", 200_000_000)], id="entity-named"),
    pytest.param(
        "AT&amp;T compró 5.000 GPU &amp; 200 servidores.",
        [("5.000", "CARDINAL", 5000), ("200", "CARDINAL", 200)],
        id="entity-amp",
    ),
    pytest.param("Tiene 100&shy;000 GPU y 20&#8203;000 CPU.", [("100&shy;000", "CARDINAL", 100000), ("20&#8203;000", "CARDINAL", 20000)], id="entity-invisible"),
    pytest.param(
        "\ufeffMeta compró 350.000 GPU.\r\n\tGoogle, 3&nbsp;000\u200b millones de euros.",
        [("350.000", "CARDINAL", 350000), ("3&nbsp;000\u200b millones de euros", "MONEY", 3_000_000_000)],
        id="everything-at-once",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", NUMBER_CASES)
def test_textview_numbers_keep_value_and_original_offsets(extractor, text, expected):
    record = extractor.extract(text)
    _check_offsets(record, text)
    assert _numbers(record) == expected


NAME_CASES = [
    pytest.param("Compró 50.000 chips de NVI\u00adDIA.", "NVI\u00adDIA", "ORG", "NVIDIA", id="soft-hyphen-in-org"),
    pytest.param("Compró 50.000 chips de NVI\u200bDIA.", "NVI\u200bDIA", "ORG", "NVIDIA", id="zero-width-in-org"),
    pytest.param("Compró 50.000 GPU H\u200b100 de NVIDIA.", "H\u200b100", "HARDWARE", "NVIDIA H100", id="zero-width-in-chip"),
    pytest.param("Compró 50.000 GPU Ｈ１００ de NVIDIA.", "Ｈ１００", "HARDWARE", "NVIDIA H100", id="fullwidth-chip"),
    pytest.param("El equipo @x\u00adAI lanzó 100.000 GPU.", "x\u00adAI", "ORG", "xAI", id="soft-hyphen-handle"),
    pytest.param("AT&amp;T y NVIDIA firmaron por 5.000 GPU.", "NVIDIA", "ORG", "NVIDIA", id="after-entity"),
    pytest.param("Compró 50.000 NVIDIAChipset\u00a0H200.", "H200", "HARDWARE", "NVIDIA H200", id="glued-nbsp"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, surface, label, canonical", NAME_CASES)
def test_textview_names_point_at_original_characters(extractor, text, surface, label, canonical):
    record = extractor.extract(text)
    _check_offsets(record, text)
    found = [(s.text, s.label, s.canonical) for s in record.spans if s.label in ("ORG", "PER", "HARDWARE")]
    assert (surface, label, canonical) in found


@pytest.mark.model
def test_textview_claims_and_sentences_map_back(extractor):
    text = "\ufeffTítulo\r\n\r\nMeta compró 350&#8203;000 GPU H100 en 2024.\r\nGoogle gastará 3&nbsp;000 millones de dólares.\r\n"
    record = extractor.extract(text)
    _check_offsets(record, text)
    by_text = {text[c.anchor.start : c.anchor.end]: c for c in record.claims}
    gpu = by_text["350&#8203;000"]
    assert gpu.value == 350000 and gpu.unit == "GPU" and gpu.hardware == ["NVIDIA H100"]
    assert text[gpu.sentence.start : gpu.sentence.end] == "Meta compró 350&#8203;000 GPU H100 en 2024."
    money = by_text["3&nbsp;000 millones de dólares"]
    assert money.value == 3_000_000_000 and money.unit == "USD"
    assert text[money.sentence.start : money.sentence.end] == "Google gastará 3&nbsp;000 millones de dólares."


# ------------------------------------------------------------ the view alone
@pytest.mark.parametrize(
    "original, cleaned",
    [
        ("a\r\nb\rc\nd", "a\nb\nc\nd"),
        ("a\tb", "a b"),
        ("1\u200b0\u200c0\u200d0\u20600\ufeff0\u00ad0", "1000000"),
        ("３０％ Ｈ１００", "30% H100"),
        ("3&nbsp;000 &#8364; &#x20ac; &euro; &amp; &lt;", "3\u00a0000 € € € & <"),
        ("&shy;&#173;&#8203;&zwj;x", "x"),
        ("&#13;&#10;", "\n\n"),
        ("&unknown; &amp &#xZZ; & ;", "&unknown; &amp &#xZZ; & ;"),
        ("plain text, nothing to do", "plain text, nothing to do"),
    ],
)
def test_textview_clean_text(original, cleaned):
    assert clean(original).text == cleaned


@pytest.mark.parametrize(
    "original, cleaned_part, original_part",
    [
        ("Son 3&nbsp;000 GPU.", "3\u00a0000", "3&nbsp;000"),
        ("Son 100\u200b000\u200b GPU.", "100000", "100\u200b000"),
        ("\u200bSon 100 GPU.", "Son", "Son"),
        ("Son\r\n100 GPU.", "\n100", "\r\n100"),
        ("Son ５０ GPU.", "50", "５０"),
        ("Un &euro;.", "€", "&euro;"),
    ],
)
def test_textview_span_maps_to_original(original, cleaned_part, original_part):
    view = clean(original)
    start = view.text.index(cleaned_part)
    mapped = view.span(start, start + len(cleaned_part))
    assert original[mapped[0] : mapped[1]] == original_part


@pytest.mark.parametrize(
    "original, number",
    [
        ("Son 100.000&shy; GPU.", "100.000"),
        ("Son 100.000&#8203;\u200b GPU.", "100.000"),
        ("Son 100.000\u200b&#8203; GPU.", "100.000"),
        ("Son 100.000\u00ad\r\n", "100.000"),
    ],
)
def test_textview_removed_characters_after_a_span_stay_outside(original, number):
    view = clean(original)
    start = view.text.index(number)
    mapped = view.span(start, start + len(number))
    assert original[mapped[0] : mapped[1]] == number


@pytest.mark.model
def test_textview_utf8_read_as_windows_1252_is_read_as_meant(extractor):
    """'dÃ³lares' is what a scraper that decoded UTF-8 as Windows-1252 saved:
    the recognisers read 'dólares', the record keeps and indexes 'dÃ³lares'."""
    text = "La compaÃ±Ã\u00ada invertirÃ¡ 5.000 millones de dÃ³lares en 2025, segÃºn Reuters. Â¿Y el precio? 30.000 â‚¬ por GPU."
    view = clean(text)
    assert view.text == "La compañía invertirá 5.000 millones de dólares en 2025, según Reuters. ¿Y el precio? 30.000 € por GPU."
    record = extractor.extract(text)
    _check_offsets(record, text)
    assert ("5.000 millones de dÃ³lares", "MONEY", 5_000_000_000) in _numbers(record)
    assert ("30.000 â‚¬ por GPU", "MONEY", 30_000) in _numbers(record)
    [claim] = [c for c in record.claims if c.value == 5_000_000_000]
    assert claim.source == "Reuters" and claim.modality == "planned"


@pytest.mark.parametrize("text", ["São Paulo", "âge", "Ã", "precio Ã(", "Â"])
def test_textview_real_letters_are_left_alone(text):
    assert clean(text).text == text
