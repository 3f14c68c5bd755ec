"""Whom the people an article quotes work for, as the article says it.

"Mariela Quintero, presidenta de la Cámara Venezolana de Energía", "el
director de Tecnología de Caribe Cómputo, Andrés Villalba": a person named
with a post of an organisation speaks for it. The catalogue knows the chief
executives of large firms; this reads everyone else from the page.
"""

from __future__ import annotations

import re

from pipeline.claims.document import ClaimDocument

# ", presidenta de la ", ", director de Tecnología de ", ", de la ", ", economista de la consultora ": a post of a
# few words, or none, then its organisation, perhaps after its kind
_POST_AFTER = re.compile(r",[ \u00a0]+(?:[^\W\d_]+[ \u00a0]+){0,5}?(?:de|del|en)[ \u00a0]+(?:la[ \u00a0]+|el[ \u00a0]+)?(?:[a-záéíóúñ]+[ \u00a0]+)?$")
# "el director de Tecnología de Caribe Cómputo (CC), " or "la investigadora de El Colegio de Sonora " before the person
# "del PSOE en el Cabildo, Yaiza Rodríguez": the chamber a party's post sits in
_POST_BEFORE = re.compile(r"^\)?(?:[ \u00a0]*\([^()]{1,20}\))?(?:[ \u00a0]+en[ \u00a0]+(?:el|la)[ \u00a0]+[A-ZÁÉÍÓÚ][a-záéíóúñ]+)?,?[ \u00a0]+$")
_OF_BEFORE = re.compile(r"(?:de|del|en)[ \u00a0]+(?:la[ \u00a0]+|el[ \u00a0]+)?$")
_IN_CHAMBER = re.compile(r"[ \u00a0]+en[ \u00a0]+(?:el|la)[ \u00a0]+")
# "Secretaría de Innovación (SIDE) del Gobierno de Chihuahua": its acronym, and the body it hangs from
_OF_AFTER = re.compile(r"^(?:[ \u00a0]*\(|\)?(?:[ \u00a0]*\([^()]{1,20}\))?[ \u00a0]+(?:de|del)[ \u00a0]+(?:la[ \u00a0]+|el[ \u00a0]+)?)$")


def employers(pairs) -> dict[str, str]:
    """Person canonical -> organisation canonical, from the (person,
    organisation) pairs of `post_mentions`: the first post written for each."""
    found: dict[str, str] = {}
    for person, org in pairs:
        found.setdefault(person.canonical, org.canonical)
    return found


def post_mentions(ctx: ClaimDocument) -> list[tuple]:
    """(person, organisation) name pairs where the organisation is written
    as the person's post, in the order of the text."""
    pairs = []
    names = [n for n in ctx.names if n.label in ("PER", "ORG")]
    for person, org in zip(names, names[1:]):
        if person.label == "PER" and org.label == "ORG" and org.start - person.end <= 60 and _POST_AFTER.search(ctx.text[person.end : org.start]):
            pairs.append((person, org))
    for full, org, person in zip([None, *names], names, names[1:]):
        if org.label != "ORG" or person.label != "PER" or not _POST_BEFORE.match(ctx.text[org.end : person.start]):
            continue
        # "del Instituto Costarricense de Acueductos (AyA), Lorena Madrigal": the post runs through the full name
        written = [full, org] if full is not None and full.canonical == org.canonical and ctx.text[full.end : org.start].strip() == "(" else [org]
        if _OF_BEFORE.search(ctx.text[max(0, written[0].start - 50) : written[0].start]):
            pairs.extend((person, name) for name in written)
    return pairs + _owners_of_posts(ctx, names, pairs)


def _owners_of_posts(ctx: ClaimDocument, names, pairs) -> list[tuple]:
    """A post's organisation's acronym, and the body it hangs from, belong to the post too."""
    person_of = {org.start: person for person, org in pairs}
    owners = []
    for body, owner in zip(names, names[1:]):
        if body.start in person_of and owner.label == "ORG" and _OF_AFTER.match(ctx.text[body.end : owner.start]):
            person_of[owner.start] = person_of[body.start]
            owners.append((person_of[body.start], owner))
    # "La portavoz del PSOE en el Cabildo, Yaiza Rodríguez": the party holds the post in the chamber
    owners.extend((person_of[body.start], party) for party, body in zip(names, names[1:])
                  if body.start in person_of and party.label == "ORG" and _IN_CHAMBER.fullmatch(ctx.text[party.end : body.start]))
    return owners


def outside_posts(ctx: ClaimDocument, pairs) -> set[int]:
    """Where an organisation written as a post is not the firm the person runs
    or speaks for ("el economista de la consultora Andescopio", "la diputada,
    de Acción Ciudadana"), as against an officer's post ("el consejero
    delegado de Lusocabo", "su gerente general"): start offsets of those names."""
    officers = {person.canonical for person, org in pairs if _officer(_post_words(ctx, person, org), ctx.cues)}
    return {org.start for person, org in pairs if person.canonical not in officers}


def _post_words(ctx: ClaimDocument, person, org) -> list[str]:
    if person.end <= org.start:
        return ctx.text[person.end : org.start].lower().split()
    before = ctx.text[max(0, org.start - 50) : org.start]
    return re.split(r"[.;:]", before)[-1].lower().split()


def _officer(words: list[str], cues) -> bool:
    words = [word.strip(",()") for word in words]
    return any(word in cues.officer_post_words for word in words) and not any(word in cues.analyst_post_words for word in words)


# "la vecina Norma Peretti", "el economista de Macroconsult Diego Salinas": a role before the name
_ROLE_BEFORE = re.compile(r"(?<![^\W_])(?:el|la|los|las|un|una)[ \u00a0]+(?P<role>[a-záéíóúñ]+)(?:[ \u00a0]+(?:de|del|[a-záéíóúñ]+)){0,4}[ \u00a0]+$", re.IGNORECASE)
# "Hermelinda Trejo, ejidataria, contó", "Choi Min-jae, investigador de Activos Futuros": one after it
_ROLE_AFTER = re.compile(r",[ \u00a0]+(?:un[ao]?[ \u00a0]+)?(?P<role>[a-záéíóúñ]+)\b")


def outsiders(ctx: ClaimDocument) -> frozenset[str]:
    """People the article introduces as standing outside any firm's business
    (a resident, a farmer, an economist): canonical names."""
    roles = ctx.cues.outsider_roles
    found = set()
    for person in (n for n in ctx.names if n.label == "PER"):
        before = _ROLE_BEFORE.search(ctx.text, max(0, person.start - 50), person.start)
        after = _ROLE_AFTER.match(ctx.text, person.end)
        if any(m is not None and m.group("role").lower() in roles for m in (before, after)):
            found.add(person.canonical)
    return frozenset(found)
