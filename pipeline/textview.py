"""A cleaned view of a text that still knows where each character came from.

Scraped articles carry HTML entities (`&nbsp;`, `&#8364;`), zero-width
characters, soft hyphens, CR line ends, fullwidth digits and UTF-8 that was
once read as Windows-1252 ("dÃ³lares"). The components read the cleaned
view, where "3&nbsp;000" is "3\u00a0000", "１００" is "100" and "dÃ³lares"
is "dólares"; every offset they produce is mapped back, so records index
the text as it was decoded, character for character.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Zero-width characters, BOMs, soft hyphens and the stray NUL of a database export.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\x00")
# What UTF-8 read as Windows-1252 starts with: "Ã±" (ñ), "Â¿" (¿), "â‚¬" (€).
_MOJIBAKE_LEADS = "\u00c2\u00c3\u00e2"
_MOJIBAKE = re.compile("[\u00c2\u00c3][\u0080-\u00bf\u0152-\u2122]|\u00e2[\u0080-\u00bf\u0152-\u2122]{2}")
_ODD = re.compile("[\r\t\u200b\u200c\u200d\u2060\ufeff\u00ad\x00\uff01-\uff5e]")


@dataclass(frozen=True)
class TextView:
    """`text` is the cleaned text; offsets into it map back to `original`.

    The map is sparse: most characters are kept as they are, so only the
    points where the shift between the two texts changes are stored
    (`breaks`), plus the characters read from more than one original
    character (`wide`). A dense map of a 5 MB article would be two tuples of
    five million Python ints, hundreds of megabytes.
    """

    original: str
    text: str
    breaks: tuple[int, ...] = ()  # cleaned indexes where the shift changes, ascending
    shifts: tuple[int, ...] = ()  # shifts[k]: original index - cleaned index from breaks[k] on
    wide: dict[int, int] | None = None  # cleaned index -> original characters it was read from, when > 1

    @property
    def identity(self) -> bool:
        # Cheap on a long text: no map means the text needed no cleaning.
        return self.wide is None

    def origin(self, index: int) -> int:
        """Index in `original` of text[index]; len(text) maps to len(original)."""
        if self.identity:
            return index
        if index >= len(self.text):
            return len(self.original)
        k = bisect_right(self.breaks, index) - 1
        return index + (self.shifts[k] if k >= 0 else 0)

    def end(self, index: int) -> int:
        """Index in `original` just after what text[index] was read from."""
        if self.identity:
            return index + 1
        return self.origin(index) + self.wide.get(index, 1)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the cleaned range [start, end).

        The range ends where its last character's source ends ("&nbsp;",
        CRLF): removed characters after it ("&shy;", U+200B) stay outside.
        """
        if self.identity:
            return start, end
        if end <= start:
            point = self.origin(start)
            return point, point
        return self.origin(start), self.end(end - 1)


def clean(original: str) -> TextView:
    if not _needs_cleaning(original):
        return TextView(original, original)
    chars: list[str] = []
    breaks: list[int] = []
    shifts: list[int] = []
    wide: dict[int, int] = {}
    shift = 0
    index = 0
    length = len(original)
    while index < length:
        char = original[index]
        step = 1
        if char == "&":
            entity = _ENTITY.match(original, index)
            if entity:
                decoded = html.unescape(entity.group())
                if decoded != entity.group() and len(decoded) == 1:
                    # An entity stands for one character and is read as that
                    # character would be: "&shy;" is as invisible as U+00AD.
                    char, step = decoded, entity.end() - index
        elif char in _MOJIBAKE_LEADS:
            width = 3 if char == "\u00e2" else 2  # "â" leads the three-byte forms
            repaired = unmangle(original[index : index + width])
            if repaired is not None:
                char, step = repaired, width
        if char in _INVISIBLE:
            index += step
            continue
        if char == "\r":
            # CRLF becomes one line end; a lone CR is a line end too.
            char = "\n"
            if step == 1 and original[index + 1 : index + 2] == "\n":
                step = 2
        kept = len(chars)
        if index - kept != shift:
            shift = index - kept
            breaks.append(kept)
            shifts.append(shift)
        if step > 1:
            wide[kept] = step
        chars.append(_plain(char))
        index += step
    return TextView(original, "".join(chars), tuple(breaks), tuple(shifts), wide)


def unmangle(chars: str) -> str | None:
    """The one character that UTF-8 read as Windows-1252 turned into `chars`.

    "Ã±" is "ñ", "Ã" and a soft hyphen is "í", "Â" and a no-break space is a
    no-break space, "â‚¬" is "€": a scraper or CMS decoded UTF-8 bytes with
    the wrong code page and saved the result as UTF-8 again. None when the
    characters are not such a pair or triple.
    """
    data = bytearray()
    for char in chars:
        code = ord(char)
        if code < 256:
            data.append(code)  # Latin-1, and the C1 bytes Windows-1252 leaves undefined
        else:
            try:
                data += char.encode("cp1252")
            except UnicodeEncodeError:
                return None
    try:
        decoded = bytes(data).decode("utf-8")
    except UnicodeDecodeError:
        return None
    return decoded if len(decoded) == 1 and not decoded.isascii() else None


def _needs_cleaning(text: str) -> bool:
    if "&" in text and _ENTITY.search(text):
        return True
    if _MOJIBAKE.search(text):
        return True
    return _ODD.search(text) is not None


def _plain(char: str) -> str:
    if char == "\t":
        return " "
    if "\uff01" <= char <= "\uff5e":  # fullwidth ASCII forms
        folded = unicodedata.normalize("NFKC", char)
        return folded if len(folded) == 1 else char
    return char
