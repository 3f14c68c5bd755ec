"""Turn command-line inputs (files, folders, `-`) into articles to extract.

Listing is done up front, so that duplicate ids and missing paths are
reported before any work starts; reading and decoding happen one article at
a time, so a folder of any size streams. A file that cannot be read becomes
an `InputError` naming the path and the reason, never an exception that
stops the run.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

STDIN = "-"
# Spanish text that is not UTF-8 was written by Windows or an old CMS:
# Windows-1252 is a superset of Latin-1 for every printable Spanish letter,
# and Latin-1 decodes any byte, so it is the last resort.
LEGACY_ENCODINGS = ("cp1252", "latin-1")


@dataclass(frozen=True, slots=True)
class Source:
    """One article to read. Light on purpose: a folder of a million
    articles is listed up front, so each entry holds strings, not Paths."""

    id: str
    file: str | None  # None for stdin
    display: str

    @property
    def path(self) -> Path | None:
        return None if self.file is None else Path(self.file)


@dataclass(frozen=True)
class InputError:
    display: str
    reason: str

    def __str__(self) -> str:
        return f"{self.display}: {self.reason}"


@dataclass
class Listing:
    sources: list[Source] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None


def list_inputs(paths: Iterable[str], stdin_id: str = "stdin") -> Listing:
    listing = Listing()
    for raw in paths:
        if raw == STDIN:
            listing.sources.append(Source(stdin_id, None, "<stdin>"))
            continue
        path = Path(raw)
        if path.is_dir():
            # Sorted as Paths sort (part by part), kept as strings.
            # "NOTA.TXT" from an old CMS export is as much an article as "nota.txt".
            found = sorted((str(p) for p in path.rglob("*.[tT][xX][tT]") if not p.is_dir()), key=lambda name: name.split(os.sep))
            if not found:
                listing.errors.append(InputError(raw, "folder has no .txt files"))
            for name in found:
                if os.path.isfile(name):
                    relative = Path(name).relative_to(path).with_suffix("")
                    listing.sources.append(Source(relative.as_posix(), name, name))
                else:
                    # A FIFO, socket or broken link is named, never opened (a FIFO would block).
                    reason = "not a regular file" if os.path.exists(name) else "broken link"
                    listing.errors.append(InputError(name, reason))
        elif path.is_file():
            listing.sources.append(Source(path.stem, raw, raw))
        elif path.exists():
            listing.errors.append(InputError(raw, "not a regular file or folder"))
        else:
            listing.errors.append(InputError(raw, "no such file or folder"))
    return listing


def duplicate_ids(sources: list[Source]) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {}
    for source in sources:
        seen.setdefault(source.id, []).append(source.display)
    return {key: where for key, where in seen.items() if len(where) > 1}


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
    if _looks_binary(data):
        raise UnicodeError("binary data, not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        position = error.start
    for legacy in LEGACY_ENCODINGS:
        try:
            text = data.decode(legacy)
        except UnicodeDecodeError:
            continue
        return Decoded(text, legacy, f"not valid UTF-8 (byte {position}); read as {legacy}")
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


def _looks_binary(data: bytes) -> bool:
    # Images, PDFs and archives are full of zero and control bytes; a stray
    # NUL in an exported article is not enough to give the article up.
    sample = data[:8192]
    if not sample:
        return False
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return sample.count(0) > max(4, len(sample) // 100) or control / len(sample) > 0.05


def read(source: Source, encoding: str | None = None) -> Decoded | InputError:
    try:
        data = sys.stdin.buffer.read() if source.path is None else source.path.read_bytes()
    except OSError as error:
        return InputError(source.display, error.strerror or str(error))
    try:
        return decode(data, encoding)
    except LookupError:
        return InputError(source.display, f"unknown encoding {encoding!r}")
    except UnicodeError as error:
        reason = str(error)
        if isinstance(error, UnicodeDecodeError):
            reason = f"cannot be decoded as {encoding} at byte {error.start}"
        return InputError(source.display, reason)


def read_all(sources: Iterable[Source], encoding: str | None = None) -> Iterator[tuple[Source, Decoded | InputError]]:
    for source in sources:
        yield source, read(source, encoding)
