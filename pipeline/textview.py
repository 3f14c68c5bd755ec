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

    @property
    def identity(self) -> bool:
        return self.text == self.original

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the cleaned range [start, end)."""
        if self.identity:
            return start, end
        if end <= start:
            point = self.origin[start]
            return point, point
        return self.origin[start], self.origin[end - 1] + self._width(end - 1)

    def _width(self, index: int) -> int:
        """How many original characters the cleaned character at `index` stands for."""
        following = self.origin[index + 1]
        here = self.origin[index]
        # Invisible characters removed after this one are not part of it.
        width = following - here
        while width > 1 and self.original[here + width - 1] in _INVISIBLE:
            width -= 1
        return max(width, 1)


def clean(original: str) -> TextView:
    if not _needs_cleaning(original):
        return TextView(original, original, ())
    chars: list[str] = []
    origin: list[int] = []
    index = 0
    length = len(original)
    while index < length:
        char = original[index]
        if char == "&":
            entity = _ENTITY.match(original, index)
            if entity:
                decoded = html.unescape(entity.group())
                if decoded != entity.group() and len(decoded) == 1:
                    chars.append(_plain(decoded))
                    origin.append(index)
                    index = entity.end()
                    continue
        if char in _INVISIBLE:
            index += 1
            continue
        if char == "\r":
            # CRLF becomes one line end; a lone CR is a line end too.
            chars.append("\n")
            origin.append(index)
            index += 2 if original[index + 1 : index + 2] == "\n" else 1
            continue
        chars.append(_plain(char))
        origin.append(index)
        index += 1
    origin.append(length)
    return TextView(original, "".join(chars), tuple(origin))


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
