"""Small questions about names that several claim rules ask."""

from __future__ import annotations

from typing import Iterable, Sequence

from spacy.tokens import Token

from pipeline.names import NameMatch


def name_at(names: Sequence[NameMatch], token: Token) -> NameMatch | None:
    """The name that overlaps a token."""
    end = token.idx + len(token.text)
    for name in names:
        if name.start < end and token.idx < name.end:
            return name
    return None


def within(names: Iterable[NameMatch], bounds: tuple[int, int]) -> list[NameMatch]:
    return [n for n in names if bounds[0] <= n.start and n.end <= bounds[1]]


def unique(items: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen
