"""Article text with marked stretches as nested HTML, for the review pages.

A mark knows how to write its own opening and closing tags; this module
only decides where they go. Marks may cross (a gold span and a predicted
one, a claim and a longer span), and HTML must nest, so at each boundary
the marks ending there close, marks opened inside them that go on close
too and reopen as continuation pieces (`open(first=False)`). Marks that
start together open longest first, then by `rank`, so that identical
stretches nest without being cut.
"""

from __future__ import annotations

from html import escape
from itertools import groupby
from typing import Protocol


class Markup(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def rank(self) -> int:
        """Among marks of the same extent, the lower rank is the outer element."""
        ...

    def open(self, first: bool) -> str:
        """The opening tag; `first` is False for a continuation piece."""
        ...

    def close(self, last: bool) -> str:
        """The closing tag; `last` is True where the mark really ends."""
        ...


def highlight(text: str, found: list[Markup]) -> str:
    usable = [mark for mark in found if 0 <= mark.start < mark.end <= len(text)]
    order = sorted(usable, key=lambda mark: (mark.start, -mark.end, mark.rank))
    starting = {start: list(group) for start, group in groupby(order, key=lambda mark: mark.start)}
    boundaries = sorted({0, len(text)} | {m.start for m in usable} | {m.end for m in usable})
    out: list[str] = []
    stack: list[Markup] = []
    for index, position in enumerate(boundaries):
        ending = [depth for depth, mark in enumerate(stack) if mark.end == position]
        if ending:
            closing = stack[ending[0] :]
            out += [mark.close(last=mark.end == position) for mark in reversed(closing)]
            del stack[ending[0] :]
            for mark in closing:
                if mark.end != position:
                    out.append(mark.open(first=False))
                    stack.append(mark)
        for mark in starting.get(position, []):
            out.append(mark.open(first=True))
            stack.append(mark)
        if index + 1 < len(boundaries):
            out.append(escape(text[position : boundaries[index + 1]], quote=True))
    out += [mark.close(last=True) for mark in reversed(stack)]
    return "".join(out)
