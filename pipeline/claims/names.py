"""Small questions about names that several claim rules ask."""

from __future__ import annotations

import re
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


_VENDOR_GAP = re.compile(r"[ \u00a0]?")
_VENDOR_AFTER = re.compile(r"[ \u00a0]+de[ \u00a0]+")


def vendor_chip(text: str, names: Sequence[NameMatch], name: NameMatch) -> NameMatch | None:
    """The chip an organisation is named as the vendor of ('superchips NVIDIA
    GH200', 'GPU H100 de Nvidia'): part of the chip's mention, not an actor."""
    if name.label != "ORG":
        return None
    for chip in names:
        if chip.label != "HARDWARE" or chip.kind != "chip":
            continue
        if chip.start >= name.end and _VENDOR_GAP.fullmatch(text[name.end : chip.start]):
            return chip
        if name.start >= chip.end and _VENDOR_AFTER.fullmatch(text[chip.end : name.start]):
            return chip
    return None
