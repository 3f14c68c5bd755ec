"""One regular expression for many literal words, factored as a trie.

Python's `re` tries the branches of an alternation one after another, so
"a|ab|abc|..." over a catalogue of a thousand names costs a thousand
attempts at every position of a text. Factoring the common prefixes
("NVIDIA (?:H(?:100|200)|...)") lets a failing position fail on its first
character. The words may contain regex fragments for their separators: a
word is a sequence of pieces, each a literal string or a ready pattern.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

_END = ""  # marks the end of a word in the trie


def trie_pattern(words: Iterable[Sequence[str]], *, fold_case: bool = False) -> str:
    """A pattern matching exactly the given words, longest alternative first.

    Each word is a sequence of pieces; a piece is a literal character, or a
    longer string taken as an already escaped pattern (a separator such as
    a run of spaces). With `fold_case`, literal letters are lower-cased
    when building, so compile the result with re.IGNORECASE.
    """
    root: dict = {}
    for word in words:
        node = root
        for piece in word:
            key = piece.lower() if fold_case and len(piece) == 1 else piece
            node = node.setdefault(key, {})
        node[_END] = {}
    return _render(root) or "(?!)"


def _render(node: dict) -> str:
    ends = _END in node
    branches = []
    for key in sorted((k for k in node if k != _END), key=lambda k: (-len(k), k)):
        piece = re.escape(key) if len(key) == 1 else key
        branches.append(piece + _render(node[key]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        # Longest match first: the optional continuation is tried before stopping.
        return body + "?" if len(branches) == 1 and _is_atom(body) else "(?:" + body + ")?"
    return body


def _is_atom(pattern: str) -> bool:
    return len(pattern) == 1 or (pattern.startswith("(?:") and pattern.endswith(")") and _balanced(pattern[3:-1]))


def _balanced(inner: str) -> bool:
    depth = 0
    escaped = False
    for char in inner:
        if escaped:
            escaped = False
            continue
        if char == "\\":
            escaped = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def split_words(form: str, separator: str) -> list[str]:
    """'TPU v5p' as pieces: each character, with `separator` where spaces were."""
    pieces: list[str] = []
    for index, word in enumerate(form.split()):
        if index:
            pieces.append(separator)
        pieces.extend(word)
    return pieces
