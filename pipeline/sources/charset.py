"""Which characters a web page's bytes are.

A page says its charset twice, in the HTTP header and in a `<meta>` tag,
and either can be wrong: servers default to ISO-8859-1 for pages written in
UTF-8, and CMS templates keep a `<meta charset>` that the bytes no longer
match. The order is a byte-order mark, the header, the page's own `<meta>`,
then UTF-8, then Windows-1252; a declared charset is only taken when the
bytes fit it, and a single-byte one never over bytes that are valid UTF-8
with accents (which Latin-1 would turn into "dÃ³lares").
"""

from __future__ import annotations

import codecs
import re

from pipeline.sources.base import ReadError
from pipeline.sources.text import Decoded, decode, decode_or_fail, legacy, looks_binary

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# WHATWG Encoding: these labels mean windows-1252 on the web.
_AS_WINDOWS_1252 = {"latin_1", "iso8859-1", "ascii", "cp1252"}
_SINGLE_BYTE = _AS_WINDOWS_1252 | {"iso8859-15"}


def meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def decode_page(data: bytes, header: str | None = None, forced: str | None = None) -> Decoded:
    if forced:
        return decode_or_fail(data, forced)
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode(data)
    if looks_binary(data):
        raise ReadError("binary data, not an HTML page")
    problems: list[str] = []
    for label, origin in ((header, "the HTTP header"), (meta_charset(data), "the page's <meta>")):
        decoded = _as_declared(data, label, origin, problems)
        if decoded is not None:
            return decoded
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "; ".join(problems) or None)
    except UnicodeDecodeError as error:
        return legacy(data, "; ".join([*problems, f"not valid UTF-8 (byte {error.start})"]))


def _as_declared(data: bytes, label: str | None, origin: str, problems: list[str]) -> Decoded | None:
    if not label:
        return None
    codec = _codec(label)
    if codec is None:
        problems.append(f"{origin} names an unknown charset {label!r}")
        return None
    if codec in _SINGLE_BYTE and _utf8_with_accents(data):
        problems.append(f"{origin} says {label}, but the bytes are UTF-8")
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:
        problems.append(f"{origin} says {label}, which byte {error.start} does not fit")
        return None
    return Decoded(text, codec, "; ".join(problems) or None)


def _codec(label: str) -> str | None:
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    return "cp1252" if name in _AS_WINDOWS_1252 else name


def _utf8_with_accents(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
