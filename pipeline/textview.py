"""A cleaned view of a text that still knows where each character came from.

Scraped articles carry HTML entities (`&nbsp;`, `&#8364;`), zero-width
characters, soft hyphens, CR line ends and fullwidth digits. The components
read the cleaned view, where "3&nbsp;000" is "3\u00a0000" and "１００" is
"100"; every offset they produce is mapped back, so records index the text
as it was decoded, character for character.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


@dataclass(frozen=True)
class TextView:
    original: str
    text: str
    origin: tuple[int, ...]  # origin[i]: index in `original` of text[i]; one extra entry for the end
    ends: tuple[int, ...] = ()  # ends[i]: index in `original` just after what text[i] was read from

    @property
    def identity(self) -> bool:
        # Cheap on a long text: no map means the text needed no cleaning.
        return not self.origin

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the cleaned range [start, end).

        The range ends where its last character's source ends ("&nbsp;",
        CRLF): removed characters after it ("&shy;", U+200B) stay outside.
        """
        if self.identity:
            return start, end
        if end <= start:
            point = self.origin[start]
            return point, point
        return self.origin[start], self.ends[end - 1]


def clean(original: str) -> TextView:
    if not _needs_cleaning(original):
        return TextView(original, original, ())
    chars: list[str] = []
    origin: list[int] = []
    ends: list[int] = []
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
        if char in _INVISIBLE:
            index += step
            continue
        if char == "\r":
            # CRLF becomes one line end; a lone CR is a line end too.
            char = "\n"
            if step == 1 and original[index + 1 : index + 2] == "\n":
                step = 2
        chars.append(_plain(char))
        origin.append(index)
        index += step
        ends.append(index)
    origin.append(length)
    return TextView(original, "".join(chars), tuple(origin), tuple(ends))


def _needs_cleaning(text: str) -> bool:
    if "&" in text and _ENTITY.search(text):
        return True
    if "\r" in text or "\t" in text:
        return True
    return any(c in _INVISIBLE or "\uff01" <= c <= "\uff5e" for c in text)


def _plain(char: str) -> str:
    if char == "\t":
        return " "
    if "\uff01" <= char <= "\uff5e":  # fullwidth ASCII forms
        folded = unicodedata.normalize("NFKC", char)
        return folded if len(folded) == 1 else char
    return char
