"""Plain-text articles: files and stdin, in whatever encoding they were saved.

UTF-8 (with or without BOM), UTF-16 (with a BOM, or without one with a
warning), else Windows-1252 with a warning; a forced encoding wins. Images,
PDFs and archives are refused as binary, a stray NUL is not.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from pipeline.sources.base import Loaded, ReadError, Source

# Spanish text that is not UTF-8 was written by Windows or an old CMS:
# Windows-1252 is a superset of Latin-1 for every printable Spanish letter,
# and Latin-1 decodes any byte, so it is the last resort.
LEGACY_ENCODINGS = ("cp1252", "latin-1")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1252 with a warning."""
    if encoding:
        # A byte-order mark is never text, whichever encoding was asked for.
        return Decoded(data.decode(encoding).removeprefix("\ufeff"), encoding)
    if data.startswith(b"\xef\xbb\xbf"):
        return Decoded(data[3:].decode("utf-8"), "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Decoded(data.decode("utf-16"), "utf-16")
    unmarked = _utf16_without_bom(data)
    if unmarked is not None:
        return unmarked
    if looks_binary(data):
        raise UnicodeError("binary data, not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        position = error.start
    return legacy(data, f"not valid UTF-8 (byte {position})")


def legacy(data: bytes, why: str) -> Decoded:
    """The last resort, with a warning that says why it was needed."""
    for codec in LEGACY_ENCODINGS:
        try:
            return Decoded(data.decode(codec), codec, f"{why}; read as {codec}")
        except UnicodeDecodeError:
            continue
    raise UnicodeError("not decodable")  # unreachable: latin-1 decodes every byte


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 that some Windows tools write with no byte-order mark.

    Spanish text is mostly Latin-1 characters, so one byte of nearly every
    pair is zero: the odd ones in little-endian, the even ones in big-endian.
    """
    sample = data[:8192]
    if len(sample) < 8 or len(data) % 2:
        return None
    pairs = len(sample) // 2
    for codec, zeros, others in (("utf-16-le", sample[1::2], sample[0::2]), ("utf-16-be", sample[0::2], sample[1::2])):
        if zeros.count(0) >= 0.7 * pairs and others.count(0) <= 0.05 * pairs:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            return Decoded(text, codec, f"no byte-order mark; read as {codec.upper()}")
    return None


def looks_binary(data: bytes) -> bool:
    # Images, PDFs and archives are full of zero and control bytes; a stray
    # NUL in an exported article is not enough to give the article up.
    sample = data[:8192]
    if not sample:
        return False
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return sample.count(0) > max(4, len(sample) // 100) or control / len(sample) > 0.05


def decode_or_fail(data: bytes, encoding: str | None) -> Decoded:
    """`decode`, with its failures as `ReadError`s that say what went wrong."""
    try:
        return decode(data, encoding)
    except LookupError:
        raise ReadError(f"unknown encoding {encoding!r}") from None
    except UnicodeError as error:
        reason = str(error)
        if isinstance(error, UnicodeDecodeError):
            reason = f"cannot be decoded as {encoding} at byte {error.start}"
        raise ReadError(reason) from None


def read_bytes(source: Source) -> bytes:
    try:
        return sys.stdin.buffer.read() if source.path is None else source.path.read_bytes()
    except OSError as error:
        raise ReadError(error.strerror or str(error)) from None


def read_text(source: Source, encoding: str | None = None) -> Loaded:
    decoded = decode_or_fail(read_bytes(source), encoding)
    return Loaded(decoded.text, {"encoding": decoded.encoding}, decoded.warning)
