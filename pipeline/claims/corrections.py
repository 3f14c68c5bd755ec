"""What a page's correction note withdraws.

"Fe de errores: en una versión anterior de esta información se indicó que el
acceso era de 280 MW; la cifra correcta es 180 MW." The corrected figure is
a claim like any other; the withdrawn one stays a span, but nobody stands
behind it any more, so it anchors no claim (a claim would put the error back
into the record and set it against the right figure).
"""

from __future__ import annotations

import re

# a note opening its own line: "Fe de errores:", "Fe de erratas.", "Corrección:", "Rectificación:"
_NOTE = re.compile(r"(?im)^[ \t]*(?:fe[ \t]+de[ \t]+(?:errores|erratas)|correcci[oó]n|rectificaci[oó]n)[ \t]*[:.\-–—][^\n]*")
# what says the earlier text was wrong, and where the right version begins
_WRONG = re.compile(r"(?i)versi[oó]n[ \t]+anterior|por[ \t]+error|err[oó]neamente")
_RIGHT = re.compile(r"(?i);|\.[ \t]|(?:la|el)[ \t]+(?:cifra|dato|monto|número|valor)[ \t]+correct[oa]|lo[ \t]+correcto")


def withdrawn_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of each stretch of a correction note that restates what was wrong."""
    found = []
    for note in _NOTE.finditer(text):
        wrong = _WRONG.search(text, note.start(), note.end())
        if wrong is None:
            continue
        right = _RIGHT.search(text, wrong.end(), note.end())
        found.append((wrong.start(), right.start() if right else note.end()))
    return found
