"""One very long article: read in paragraph-aligned pieces, put back whole.

About 1.2 MB of corpus paragraphs, repeated (more than the million
characters spaCy takes in one doc), each paragraph carrying two numbers of
its own (one at its start, one at its end) and Windows line ends, so
offsets shift by one more character at every line. Extraction cuts it into
pieces of `api.PIECE_CHARS` at paragraph ends; the record must index the
text exactly, lose no claim at a seam, and find every paragraph's claims as
it finds them in the paragraph read alone. Most of the time (over a minute
on two cores) is spaCy's own parse of the 1.2 MB.
"""

from __future__ import annotations

import bisect

import pytest

from conftest import ARTICLES
from pipeline import api
from pipeline.textview import clean

pytestmark = [pytest.mark.slow, pytest.mark.model]

HEADLINE = "Informe: los centros de datos de la IA"
TARGET_CHARS = 1_200_000


def _grouped(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _paragraph(index: int, body: str) -> tuple[str, int, int]:
    first, last = 1_000_000 + 1000 * index, 5_000_000 + 1000 * index
    text = f"El lote {index} incluyó {_grouped(first)} GPU. {body} Al final, el lote {index} sumó {_grouped(last)} GPU."
    return text, first, last


@pytest.fixture(scope="module")
def corpus_paragraphs() -> list[str]:
    paragraphs = [
        line.strip()
        for path in sorted(ARTICLES.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line.strip()) > 300
    ]
    return paragraphs[:12]


@pytest.fixture(scope="module")
def large(extractor, corpus_paragraphs):
    """The long article, its record, and every paragraph's place and numbers."""
    lines, placed, length, index = [HEADLINE], [], len(HEADLINE) + 2, 0
    while length < TARGET_CHARS:
        body = corpus_paragraphs[index % len(corpus_paragraphs)]
        text, first, last = _paragraph(index, body)
        placed.append((length, length + len(text), index % len(corpus_paragraphs), first, last))
        lines.append(text)
        length += len(text) + 2
        index += 1
    text = "\r\n".join(lines) + "\r\n"
    return text, extractor.extract(text, "largo"), placed


@pytest.fixture(scope="module")
def alone(extractor, corpus_paragraphs):
    """How many claims each corpus paragraph gives when read alone."""
    counts = {}
    for number, body in enumerate(corpus_paragraphs):
        text, _, _ = _paragraph(number, body)
        record = extractor.extract(f"{HEADLINE}\r\n{text}\r\n")
        counts[number] = len(record.claims)
    return counts


def test_large_input_is_read_in_several_pieces(extractor, large):
    text, _, _ = large
    assert len(text) > extractor.nlp.max_length, "more than spaCy takes in one doc"
    pieces = list(api.split_pieces(clean(text).text, api.PIECE_CHARS))
    assert len(pieces) >= 10
    for offset, piece in pieces[:-1]:
        assert piece.endswith("\n"), "a piece ends at a paragraph end"


def test_large_input_offsets_index_the_text(large):
    text, record, _ = large
    assert record.text == text
    assert record.spans and record.claims
    for span in record.spans:
        assert text[span.start : span.end] == span.text
    for claim in record.claims:
        assert "\n" not in text[claim.sentence.start : claim.sentence.end]


def test_large_input_loses_no_claim(large, alone):
    _, record, placed = large
    per_paragraph = [0] * len(placed)
    starts = [start for start, *_ in placed]
    for claim in record.claims:
        where = bisect.bisect_right(starts, claim.anchor.start) - 1
        assert where >= 0 and claim.anchor.end <= placed[where][1]
        per_paragraph[where] += 1
    expected = [alone[body] for _, _, body, _, _ in placed]
    assert per_paragraph == expected
    assert len(record.claims) == sum(expected)


def test_large_input_claims_on_both_sides_of_every_seam(large):
    text, record, placed = large
    view = clean(text)
    seams = [view.span(offset, offset + 1)[0] for offset, _ in api.split_pieces(view.text, api.PIECE_CHARS)][1:]
    claims = {(c.anchor.start, c.value) for c in record.claims}
    for seam in seams:
        before = max(p for p in placed if p[1] <= seam)
        after = min(p for p in placed if p[0] >= seam)
        assert (text.index(_grouped(before[4]), before[0]), before[4]) in claims, "last claim before the seam"
        assert (text.index(_grouped(after[3]), after[0]), after[3]) in claims, "first claim after the seam"
    for start, _, _, first, last in placed:
        assert (text.index(_grouped(first), start), first) in claims
        assert (text.index(_grouped(last), start), last) in claims


def test_large_input_batches_are_bounded_by_characters(extractor, corpus_paragraphs):
    """The parser holds memory per token of a batch: pieces of a long text
    go in fewer per batch than short articles, and none is left out."""
    long_text = "\n".join(corpus_paragraphs * 40)
    items = [("corto-1", corpus_paragraphs[0], None), ("largo", long_text, None), ("corto-2", corpus_paragraphs[1], None)]
    pending = {}
    batches = list(extractor._batches(extractor._pieces(items, pending)))
    sizes = [[doc.user_data["afirma_chars"] for doc in batch] for batch in batches]
    assert max(len(batch) for batch in batches) <= extractor.batch_size
    assert all(len(batch) == 1 or sum(batch) <= extractor.batch_chars for batch in sizes)
    assert len(batches) >= len(long_text) // extractor.batch_chars
    order = [(doc.user_data["afirma_article"], doc.user_data["afirma_offset"]) for batch in batches for doc in batch]
    assert order == sorted(order) and order[0] == (0, 0) and order[-1] == (2, 0)
    assert sum(doc.user_data["afirma_chars"] for batch in batches for doc in batch if doc.user_data["afirma_article"] == 1) == len(long_text)
