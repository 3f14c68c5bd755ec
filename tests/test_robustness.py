"""Property tests: whatever text comes in, extraction does not raise and every
record it gives is valid.

Two kinds of input: arbitrary Unicode (control characters, right-to-left
scripts, emoji, combining marks, lone entities), and Spanish-like sentences
assembled from fragments full of numbers, names, odd spaces and entities.
Each property runs 500 derandomised examples (the "ci" profile of
conftest.py), so a failure is reproduced by running the test again.
"""

from __future__ import annotations

import html
import json
import math
from functools import lru_cache

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT
from pipeline.names.recognizer import NameFinder
from pipeline.numbers import find_numbers
from pipeline.textview import _plain, clean, unmangle
from schemas import NUMBER_LABELS, Article


INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\x00"
ODD = [
    "\r", "\n", "\r\n", "\t", "\u00a0", "\u202f", "\u2009", "\u2007", *INVISIBLE,
    "\u200e", "\u200f", "\u202e", "\u202c",  # direction marks and overrides
    "&", ";", "#", "&nbsp;", "&#8364;", "&#x20AC;", "&euro;", "&amp;", "&shy;", "&#13;", "&#0;", "&#x110000;", "&bogus;",
    "€", "$", "%", "％", ".", ",", "-", "/", ":", "@", "“", "”", "«", "»", "'",
    "\u0301", "🚀", "👩‍💻", "١٢٣", "۴", "１２", "²", "½", "Ⅻ",
    "\x07", "\x1b", "\x7f", "\x85", "\u2028", "\u2029",
    "Ã", "Â", "â", "Ã±", "Ã\u00ad", "Ã³", "Â¿", "Â\u00a0", "â‚¬", "â€œ", "â€\x9d", "Ã\x81", "Ã(", "â‚",  # UTF-8 read as Windows-1252
]
WORDS = [
    "100", "000", "1", "3", "2024", "mil", "millones", "miles", "de", "del", "entre", "y", "más", "unos", "hasta",
    "dólares", "euros", "GPU", "MW", "días", "septiembre", "H100", "NVIDIA", "xAI", "Musk", "según", "k", "M",
]

arbitrary_text = st.one_of(
    st.text(max_size=300),
    st.lists(
        st.one_of(st.text(max_size=4), st.sampled_from(ODD), st.sampled_from(WORDS), st.sampled_from([" ", "  "])),
        max_size=60,
    ).map(lambda parts: "".join(parts)[:300]),
)


@lru_cache(maxsize=1)
def _validator():
    schema = json.loads((ROOT / "schemas" / "article.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def check_record(record: Article, text: str) -> None:
    """The contract's invariants for one extracted record."""
    assert record.text == text
    previous_end = 0
    numbers = {}
    for span in record.spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
        assert span.start >= previous_end, "spans sorted and not overlapping"
        previous_end = span.end
        if span.label in NUMBER_LABELS:
            numbers[(span.start, span.end)] = span
            for amount in (span.value, span.low, span.high):
                assert amount is None or math.isfinite(amount)
    for claim in record.claims:
        anchor = numbers.get((claim.anchor.start, claim.anchor.end))
        assert anchor is not None, "a claim's anchor is a number span"
        assert anchor.label == claim.label
        assert 0 <= claim.sentence.start <= claim.anchor.start and claim.anchor.end <= claim.sentence.end <= len(text)
    data = json.loads(record.model_dump_json())
    errors = sorted(_validator().iter_errors(data), key=str)
    assert not errors, errors[0].message
    assert Article.model_validate(data) == record


# ------------------------------------------------------- the recognisers alone
@given(arbitrary_text)
def test_robustness_clean_maps_every_character(text):
    view = clean(text)
    if view.identity:
        assert view.text == text
        return
    assert "\r" not in view.text and "\t" not in view.text
    assert not set(view.text) & set(INVISIBLE)
    assert view.origin(len(view.text)) == len(text)
    for i in range(len(view.text)):
        assert view.origin(i) < view.end(i) <= view.origin(i + 1)
        # Each cleaned character is read from exactly its mapped source.
        source = text[view.origin(i) : view.end(i)]
        decoded = html.unescape(source).replace("\r\n", "\n").replace("\r", "\n")
        if len(decoded) > 1:
            decoded = unmangle(decoded) or decoded
        expected = decoded if len(decoded) != 1 else _plain(decoded)
        assert view.text[i] == expected, (i, source)
        # What lies between two kept characters was removed: invisible characters only.
        gap = text[view.end(i) : view.origin(i + 1)]
        assert not html.unescape(gap).strip(INVISIBLE), repr(gap)
    # Before the first kept character, too, only removed characters.
    assert not html.unescape(text[: view.origin(0)]).strip(INVISIBLE)
    for i in range(len(view.text)):
        for j in range(i + 1, min(len(view.text), i + 8) + 1):
            start, end = view.span(i, j)
            assert 0 <= start < end <= len(text)


@given(arbitrary_text)
def test_robustness_find_numbers_never_raises(text):
    found = find_numbers(text)
    last = 0
    for number in found:
        assert last <= number.start < number.end <= len(text)
        assert text[number.start : number.end] == number.text
        last = number.end
        for amount in (number.low, number.high) + ((number.value,) if number.label != "DATE" else ()):
            assert amount is None or math.isfinite(amount)


@pytest.fixture(scope="module")
def name_finder():
    return NameFinder()


@given(text=arbitrary_text)
def test_robustness_find_names_never_raises(name_finder, text):
    for name in name_finder.find(text):
        assert 0 <= name.start < name.end <= len(text)
        assert text[name.start : name.end] == name.text
        assert name.canonical


# ------------------------------------------------------ the whole extraction
@pytest.mark.model
@given(text=arbitrary_text)
def test_robustness_arbitrary_text_gives_valid_records(extractor, text):
    check_record(extractor.extract(text, "fuzz"), text)


# Spanish-like text: (fragment, the part that must be inside a span or None,
# expected (label, value, low, high) when a span is exactly the fragment).
NUMBERS = [
    ("100.000", "100.000", ("CARDINAL", 100000, None, None)),
    ("350.000", "350.000", ("CARDINAL", 350000, None, None)),
    ("1,5M", "1,5M", ("CARDINAL", 1500000, None, None)),
    ("100k", "100k", ("CARDINAL", 100000, None, None)),
    ("1.500,5", "1.500,5", ("CARDINAL", 1500.5, None, None)),
    ("1,500,000", "1,500,000", ("CARDINAL", 1500000, None, None)),
    ("3\u00a0000", "3\u00a0000", ("CARDINAL", 3000, None, None)),
    ("3\u202f000 millones de dólares", "3\u202f000", ("MONEY", 3_000_000_000, None, None)),
    ("3&nbsp;000 millones de euros", "3&nbsp;000", ("MONEY", 3_000_000_000, None, None)),
    ("100\u200b000", "100\u200b000", ("CARDINAL", 100000, None, None)),
    ("50\u00ad000", "50\u00ad000", ("CARDINAL", 50000, None, None)),
    ("１００.０００", "１００.０００", ("CARDINAL", 100000, None, None)),
    ("entre 3 y 4 mil millones de dólares", "3 y 4", ("MONEY", None, 3_000_000_000, 4_000_000_000)),
    ("más del 30 %", "30", ("PERCENT", None, 30, None)),
    ("un 12\u00a0%", "12", None),
    ("&#8364;200 millones", "200", ("MONEY", 200_000_000, None, None)),
    ("75.000 millones de dólares", "75.000", ("MONEY", 75_000_000_000, None, None)),
    ("200 MW", "200", ("QUANTITY", 200, None, None)),
    ("122 días", "122", ("DURATION", 122, None, None)),
    ("unos 14", "14", ("CARDINAL", 14, None, None)),
    ("hasta los 200.000", "200.000", ("CARDINAL", None, None, 200000)),
    ("2 de septiembre de 2024", "2 de septiembre de 2024", ("DATE", "2024-09-02", None, None)),
]
PLAIN = [
    "Musk anunció que", "Colossus", "tiene", "la supercomputadora", "el coste se estima", "Meta compró", "GPU",
    "GPU H100", "NVIDIA H100", "xAI", "@xAI", "NVIDIAChipset H200", "Valle y Supermicro", "Grok-3", "TPU v5p",
    "según Reuters", "Hardware de Tom", "servidores", "generadores diésel", "en Memphis", "AT&amp;T",
    "“", "”", "«", "»", "(", ")", ".", ",", ":", "¿", "?",
]
_NO_INVISIBLE = {ord(c): None for c in INVISIBLE}
NUMBERED_NAMES = {"Colossus"}  # the catalogue also knows "Colossus 1" and "Colossus 2"
SEPARATORS = [" ", "  ", "\t", "\u00a0", " \u202f", "\r\n", "\r", "\n\n", " \u200b", "\u200d ", " \ufeff", "&nbsp;", " &amp; "]


def _ends_capitalised(fragment: str) -> bool:
    words = fragment.split()
    return bool(words) and words[-1][:1].isupper()


@st.composite
def spanish_text(draw):
    """A text and the places of the number fragments put into it."""
    parts: list[str] = []
    placed: list[tuple[int, int, int, str, tuple | None]] = []
    length = 0
    after_number = False
    previous = ""
    separator = ""
    for index in range(draw(st.integers(1, 14))):
        if index:
            separator = draw(st.sampled_from(SEPARATORS))
            parts.append(separator)
            length += len(separator)
        if draw(st.booleans()):
            fragment, core, expected = draw(st.sampled_from(NUMBERS))
            # "100.000 €200 millones": whose is the euro sign? Not a case to pin down.
            ambiguous = after_number and fragment.startswith("&#8364;")
            # "Colossus 2 de septiembre": the system Colossus 2, or Colossus on the 2nd?
            ambiguous |= previous in NUMBERED_NAMES and fragment[:2] in ("1 ", "2 ")
            # "GPU 100\u200b000" reads "GPU 100000": bare digits after a capitalised
            # word may be the name's model number ("Arista 7800"), by design.
            ambiguous |= _ends_capitalised(previous) and fragment.translate(_NO_INVISIBLE).isdigit()
            if not ambiguous:
                start = length + fragment.index(core)
                placed.append((length, start, start + len(core), fragment, expected))
            after_number = True
        else:
            fragment = draw(st.sampled_from(PLAIN))
            after_number = False
        previous = fragment
        parts.append(fragment)
        length += len(fragment)
    return "".join(parts), placed


def _amount(span):
    return (span.label, span.value, getattr(span, "low", None), getattr(span, "high", None))


@pytest.mark.model
@given(case=spanish_text())
def test_robustness_spanish_like_text_finds_every_number(extractor, case):
    text, placed = case
    record = extractor.extract(text, "fuzz")
    check_record(record, text)
    spans = [s for s in record.spans if s.label in NUMBER_LABELS or s.label == "DATE"]
    for at, start, end, fragment, expected in placed:
        covering = [s for s in spans if s.start <= start and end <= s.end]
        assert covering, f"{text[start:end]!r} (from {fragment!r}) is in no span"
        exact = [s for s in covering if s.start == at and s.end == at + len(fragment)]
        if exact and expected is not None:
            assert _amount(exact[0]) == expected, fragment


@pytest.mark.model
def test_robustness_numbered_name_does_not_swallow_a_number(extractor):
    text = "Colossus 1.000 GPU y Gaudi 3,5 millones."
    record = extractor.extract(text)
    numbers = [(s.text, s.value) for s in record.spans if s.label in NUMBER_LABELS]
    assert numbers == [("1.000", 1000), ("3,5 millones", 3_500_000)]


@pytest.mark.model
def test_robustness_number_after_a_chip_and_a_non_breaking_space_is_found(extractor):
    record = extractor.extract("Compró NVIDIA H100\u00a0100.000 unidades.")
    assert [(s.text, s.value) for s in record.spans if s.label in NUMBER_LABELS] == [("100.000", 100000)]


HUGE = [
    pytest.param("Compró " + "1" * 400 + " GPU.", id="400-digits"),
    pytest.param("Son " + "9" * 5000 + " GPU.", id="5000-digits"),
    pytest.param("Costó 1" + ".000" * 110 + " millones de dólares.", id="110-groups"),
    pytest.param("Costó " + "9" * 300 + " billones de billones de dólares.", id="scaled-past-float"),
    pytest.param("Son miles" + " de millones" * 60 + " de dólares.", id="vague-chain"),
    pytest.param("Entre 1" + "0" * 300 + " y 2" + "0" * 300 + " millones de dólares.", id="huge-range"),
]


@pytest.mark.parametrize("text", HUGE)
def test_robustness_huge_numbers_do_not_raise(text):
    for number in find_numbers(text):
        for amount in (number.value, number.low, number.high):
            assert amount is None or math.isfinite(amount)


@pytest.mark.model
@pytest.mark.parametrize("text", HUGE)
def test_robustness_huge_numbers_give_valid_records(extractor, text):
    check_record(extractor.extract(text, "huge"), text)


@pytest.mark.model
def test_robustness_extract_many_on_two_processes_matches_one(extractor):
    items = [(f"nota-{i}", f"Según Reuters, Meta compró {i}.000 GPU H100 y gastó {i} millones de dólares.", None) for i in range(1, 25)]
    one = list(extractor.extract_many(items))
    two = list(extractor.extract_many(items, n_process=2))
    assert [r.id for r in two] == [item[0] for item in items]
    assert [r.model_dump() for r in two] == [r.model_dump() for r in one]


@given(text=arbitrary_text, limit=st.integers(1, 120))
def test_robustness_split_pieces_cover_the_text_in_order(text, limit):
    from pipeline.api import split_pieces

    pieces = list(split_pieces(text, limit))
    assert "".join(piece for _, piece in pieces) == text
    position = 0
    for offset, piece in pieces:
        assert offset == position and 0 < len(piece) <= limit + 1
        position += len(piece)


@pytest.mark.model
@given(case=spanish_text())
def test_robustness_small_pieces_still_give_valid_records(extractor, case):
    text, _ = case
    saved = extractor.piece_chars
    extractor.piece_chars = 40  # many seams, some inside sentences
    try:
        record = extractor.extract(text, "fuzz")
    finally:
        extractor.piece_chars = saved
    check_record(record, text)


@pytest.mark.model
def test_robustness_extract_many_keeps_order_with_empty_and_split_articles(extractor):
    texts = ["", "Meta compró 10 GPU.", "  \r\n", "Meta compró 20 GPU.\nGoogle compró 30 GPU.\nxAI compró 40 GPU.", "", "\ufeff"]
    saved = extractor.piece_chars
    extractor.piece_chars = 25
    try:
        records = list(extractor.extract_many([(f"n{i}", text, None) for i, text in enumerate(texts)]))
    finally:
        extractor.piece_chars = saved
    assert [r.id for r in records] == [f"n{i}" for i in range(len(texts))]
    assert [len(r.claims) for r in records] == [0, 1, 0, 3, 0, 0]
    assert [r.meta.note is not None for r in records] == [True, False, True, False, True, True]


RANGE_FORMS = [
    "de {a} a {b} {unit}", "entre {a} y {b} {unit}", "pasó de {a} a {b} {unit}", "bajó de {a} a {b} {unit}",
    "subió de {a} {unit} a {b} {unit}", "de {a} {unit} a {b} {unit}", "hasta {a} {unit}", "más de {a} {unit}",
    "menos de {a} {unit}", "al menos {a} {unit}", "entre {a} {unit} y {b} {unit}", "{a}-{b} {unit}",
    "de {a} a {b}", "redujo la latencia de {a} a {b} {unit}",
]
RANGE_UNITS = ["MW", "GW", "millones de dólares", "millones de euros", "%", "milisegundos", "GPU", "años", "euros por megavatio hora"]
RANGE_NUMBERS = st.one_of(
    st.integers(1, 999).map(str),
    st.integers(1, 999_999).map(lambda n: f"{n:,}".replace(",", ".")),
    st.tuples(st.integers(1, 99), st.integers(1, 9)).map(lambda p: f"{p[0]},{p[1]}"),
)


@pytest.mark.model
@given(form=st.sampled_from(RANGE_FORMS), unit=st.sampled_from(RANGE_UNITS), a=RANGE_NUMBERS, b=RANGE_NUMBERS,
       lead=st.sampled_from(["El consumo", "La potencia del campus", "Según la empresa, la cifra", "Meta"]))
def test_robustness_ranges_bounds_and_changes_in_both_orders_never_fail(extractor, form, unit, a, b, lead):
    """Decreasing or increasing, range or change or bound: the record is built,
    nothing is refused into meta.dropped, and every number written is in a span."""
    phrase = form.format(a=a, b=b, unit=unit)
    text = f"{lead} {phrase}, informó la compañía."
    record = extractor.extract(text, "rango")
    check_record(record, text)
    assert not record.meta.dropped, record.meta.dropped
    start = text.index(phrase)
    for number in dict.fromkeys(n for n in (a, b) if "{" + ("a" if n == a else "b") + "}" in form):
        at = text.index(number, start)
        assert any(s.start <= at and at + len(number) <= s.end for s in record.spans if s.label in NUMBER_LABELS), (number, text)
