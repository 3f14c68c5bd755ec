"""The whole corpus, damaged as scrapers and old tools damage text, gives the
same spans and claims as the clean corpus, at offsets of the damaged text.

Each article is rewritten character by character, and the test keeps its
own map from clean to damaged offsets (it does not use afirma's text view
to compute what it expects):

- "windows": CRLF line ends, tabs for some spaces, HTML entities for accented
  letters, "&amp;" and "&#8364;", then saved as Windows-1252 bytes;
- "scraped": zero-width spaces and soft hyphens inside and after words,
  fullwidth digits, UTF-8 read once as Windows-1252 ("dÃ³lares"), saved as
  UTF-8 with a BOM.

The bytes go through the same decoding as `afirma extract`.
"""

from __future__ import annotations

import html
import random

import pytest

from conftest import ARTICLES
from pipeline.inputs import decode

pytestmark = pytest.mark.model

# Entities a CMS writes for characters of Spanish text.
_NAMED = {c: f"&{name};" for name, c in html.entities.html5.items() if len(c) == 1 and not name.endswith(";") and c in "áéíóúñÁÉÍÓÚÑü¿¡"}


def _windows(char: str, rng: random.Random) -> tuple[str, str]:
    if char == "\n":
        return "\r\n", ""
    if char == " " and rng.random() < 0.1:
        return "\t", ""
    if char in _NAMED and rng.random() < 0.5:
        return _NAMED[char], ""
    if char == "&":
        return "&amp;", ""
    if char == "€":
        return "&#8364;", ""
    return char, ""


def _scraped(char: str, rng: random.Random) -> tuple[str, str]:
    after = ""
    if char.isalpha() and rng.random() < 0.05:
        after = rng.choice(["\u200b", "\u00ad", "\u200d"])
    if char.isdigit() and char.isascii() and rng.random() < 0.2:
        return chr(0xFF10 + int(char)), after
    if not char.isascii() and char not in "\u00a0\u202f" and rng.random() < 0.7:
        # What a tool that decoded UTF-8 as Windows-1252 leaves behind.
        mangled = "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252") for b in char.encode("utf-8"))
        return mangled, after
    return char, after


DAMAGE = {
    "windows": (_windows, lambda text: text.encode("cp1252")),
    "scraped": (_scraped, lambda text: b"\xef\xbb\xbf" + text.encode("utf-8")),
}


def _damage(text: str, kind: str, seed: int) -> tuple[str, list[int], list[int]]:
    """The damaged text and, for every clean character, where its own
    characters start and end in it (what is inserted after it not included)."""
    rewrite, _ = DAMAGE[kind]
    rng = random.Random(seed)
    parts, starts, ends, position = [], [], [], 0
    for char in text:
        core, after = rewrite(char, rng)
        starts.append(position)
        ends.append(position + len(core))
        parts.append(core + after)
        position += len(core) + len(after)
    return "".join(parts), starts, ends


def _spans(record, moved=lambda start, end: (start, end)):
    found = set()
    for span in record.spans:
        value = getattr(span, "value", None)
        found.add((span.label, *moved(span.start, span.end), str(value), getattr(span, "canonical", None), getattr(span, "unit", None)))
    return found


def _claims(record, moved=lambda start, end: (start, end)):
    return {
        (*moved(c.anchor.start, c.anchor.end), *moved(c.sentence.start, c.sentence.end), c.label, c.value, c.low, c.high,
         c.unit, c.subject, tuple(c.hardware), tuple(c.orgs), c.modality, c.source, c.date)
        for c in record.claims
    }


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_corpus_damaged_gives_the_same_claims_at_its_own_offsets(extractor, kind):
    paths = sorted(ARTICLES.glob("*.txt"))
    assert len(paths) >= 12
    for seed, path in enumerate(paths):
        clean_text = path.read_text(encoding="utf-8")
        damaged, starts, ends = _damage(clean_text, kind, seed)
        decoded = decode(DAMAGE[kind][1](damaged))
        assert decoded.text == damaged, f"{path.name}: the bytes do not decode back"
        assert damaged != clean_text

        expected = extractor.extract(clean_text, path.stem)
        got = extractor.extract(decoded.text, path.stem)

        for span in got.spans:
            assert damaged[span.start : span.end] == span.text, f"{path.name}: {span}"
        moved = lambda start, end: (starts[start], ends[end - 1])  # noqa: E731
        assert _spans(got) == _spans(expected, moved), path.name
        assert _claims(got) == _claims(expected, moved), path.name
