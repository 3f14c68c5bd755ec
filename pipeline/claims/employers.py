"""Whom the people an article quotes work for, as the article says it.

"Mariela Quintero, presidenta de la Cámara Venezolana de Energía", "el
director de Tecnología de Caribe Cómputo, Andrés Villalba": a person named
with a post of an organisation speaks for it. The catalogue knows the chief
executives of large firms; this reads everyone else from the page.
"""

from __future__ import annotations

import re

from pipeline.claims.document import ClaimDocument

# ", presidenta de la ", ", director de Tecnología de ": a post of a few words, then its organisation
_POST_AFTER = re.compile(r",[ \u00a0]+(?:[^\W\d_]+[ \u00a0]+){1,5}?(?:de|del|en)[ \u00a0]+(?:la[ \u00a0]+|el[ \u00a0]+)?$")
# "el director de Tecnología de Caribe Cómputo (CC), " before the person
_POST_BEFORE = re.compile(r"^(?:[ \u00a0]*\([^()]{1,20}\))?,[ \u00a0]+$")
_OF_BEFORE = re.compile(r"(?:de|del|en)[ \u00a0]+(?:la[ \u00a0]+|el[ \u00a0]+)?$")


def employers(ctx: ClaimDocument) -> dict[str, str]:
    """Person canonical -> organisation canonical, for the people named
    right before or after a post of an organisation."""
    found: dict[str, str] = {}
    names = [n for n in ctx.names if n.label in ("PER", "ORG")]
    for person, org in zip(names, names[1:]):
        if person.label == "PER" and org.label == "ORG" and org.start - person.end <= 60 and _POST_AFTER.search(ctx.text[person.end : org.start]):
            found.setdefault(person.canonical, org.canonical)
    for org, person in zip(names, names[1:]):
        before = ctx.text[max(0, org.start - 50) : org.start]
        if org.label == "ORG" and person.label == "PER" and _POST_BEFORE.match(ctx.text[org.end : person.start]) and _OF_BEFORE.search(before):
            found.setdefault(person.canonical, org.canonical)
    return found
