"""Names defined with their acronym: "Ente Nacional Regulador de la
Electricidad (ENRE)", "la Comisión Nacional del Agua (Conagua)".

Both are the same organisation: the full name is a span, the acronym is a
span, and every later mention of the acronym takes the full name's
canonical. An acronym that fits the name (its letters include the initials
of the name's words, in order; connectors such as "de la" do not count)
may define a tail of a longer capitalised run; one that does not fit
("(MEXDC)", "(TCEQ)", "(Cenace)") defines only a whole name of two words or more.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from pipeline.page.places import gazetteer

# Spanish connectors, and the Galician and Portuguese ones ("Asociación para a Defensa...", "Secretaria do Desenvolvimento")
_CONNECTORS = {"de", "del", "la", "las", "los", "el", "y", "e", "para", "en", "a", "al", "por", "sobre", "con", "&",
               "da", "do", "das", "dos", "o", "as", "os"}
_WORD = r"[A-ZÁÉÍÓÚÑÜ][\w'’-]*"
_LINK = r"(?:[ \u00a0]+(?:de|del|de la|de las|de los|y la|y el|y los|y las|y de la|y de las|y de los|y del|y de|y|e|para|para la|para el|para las|para los|para a|para o|para as|para os|da|do|das|dos|en|sobre|a|al|por|por un|por una|por el|por la|por los|por las|con|&)(?=[ \u00a0]+[A-ZÁÉÍÓÚÑÜ]))"
# A full name: capitalised words, joined by connectors or commas ("Ciencia,
# Innovación y Universidades", "Industria Electrónica, de Telecomunicaciones").
_FULL = _WORD + r"(?:(?:" + _LINK + r"|,(?:[ \u00a0]+de(?=[ \u00a0]+[A-ZÁÉÍÓÚÑÜ]))?)?[ \u00a0]+" + _WORD + r")*"
# "(PSC, por sus siglas en inglés)", "(PSC, su sigla en inglés)": the acronym of the original name
_GLOSS = r"(?P<gloss>,[ \u00a0]*(?:(?:por[ \u00a0]+)?(?:su|sus)[ \u00a0]+)?(?:sigla|siglas)(?:[ \u00a0]+en[ \u00a0]+[a-záéíóúñ]+)?)?"
# "(Celec EP)", "(EPM E.S.P.)": a state or utility company's legal form after its acronym
_FORM = r"(?:[ \u00a0]+(?:EP|E\.P\.|ESP|E\.S\.P\.|SA|S\.A\.))?"
# "Empresa Eléctrica de Guatemala, S.A. (EEGSA)", "Yushan Semiconductor Manufacturing Co. (YSMC)",
# "Energía Occidental Cafetera S.A. E.S.P. (Enocafé)": a legal form between the name and its acronym
_LEGAL_BETWEEN = r"(?P<legal>,?[ \u00a0]+(?:S\.A\.(?:[ \u00a0]+de[ \u00a0]+C\.V\.|[ \u00a0]+E\.S\.P\.)?|E\.S\.P\.|S\.A\.S\.|S\.L\.|SpA|S\.R\.L\.|Inc\.|LLC|Co\.|Corp\.|Ltd\.))?"
_DEFINED = re.compile(r"(?P<full>" + _FULL + r")" + _LEGAL_BETWEEN + r"[ \u00a0]*\((?P<acronym>[A-ZÁÉÍÓÚÑ][A-Za-záéíóúñÁÉÍÓÚÑ&-]{1,15})" + _FORM + _GLOSS + r"\)")
_DEFINES = re.compile(r"(?<![\w])(?P<acronym>[A-Z][A-Z&-]{1,10})[ \u00a0]*\((?P<full>" + _FULL + r")\)")


# "la formación bruta de capital fijo (FBCF)": a term's acronym, spelt by lower-case words
_TERM_DEFINED = re.compile(r"(?P<full>[a-záéíóúñü]+(?:[ \u00a0]+[a-záéíóúñü]+){1,8})[ \u00a0]*\((?P<acronym>[A-Z]{2,8})\)")


@dataclass(frozen=True)
class Definition:
    full: tuple[int, int]
    acronym: tuple[int, int]
    full_text: str
    acronym_text: str


def find_definitions(text: str, english=None) -> list[Definition]:
    """`english` gives a name's English form, for acronyms glossed as
    English ones ("Comisión de Servicio Público de Georgia (PSC, por sus
    siglas en inglés)")."""
    found = []
    for pattern in (_DEFINED, _DEFINES):
        for match in pattern.finditer(text):
            full = _trim_leading(match, text)
            if full is None or gazetteer().is_place(match.group("acronym")):
                continue  # "24 MW en Alcobendas (Madrid)": a province in brackets, no acronym
            start, full_text = _fitting_tail(match.group("acronym"), *full)
            if full_text is None and english is not None and "ingl" in (match.groupdict().get("gloss") or ""):
                full_text = full[1] if _fits_tail(match.group("acronym"), english(full[1])) else None
            if full_text is None and pattern is _DEFINED and _short_name(match.group("acronym"), full[1]):
                start, full_text = _after_portfolio(*full)
            if full_text and start + len(full_text) == match.end("full") and match.groupdict().get("legal"):
                full_text += match.group("legal")  # the span keeps the legal form; the canonical drops it
            if full_text:
                found.append(Definition((start, start + len(full_text)), match.span("acronym"), full_text, match.group("acronym")))
    return found


def term_acronyms(text: str) -> frozenset[str]:
    """Acronyms the text defines as lower-case terms ('formación bruta de
    capital fijo (FBCF)', 'tasa interna de retorno (TIR)'): no organisations."""
    found = set()
    for match in _TERM_DEFINED.finditer(text):
        words = match.group("full").split()
        for i in range(len(words) - 1):  # the term is a tail of the lower-case run
            if _spells(match.group("acronym"), " ".join(words[i:])):
                found.add(match.group("acronym"))
                break
    return frozenset(found)


def _fitting_tail(acronym: str, start: int, full: str) -> tuple[int, str | None]:
    """The capitalised run the acronym fits, or the tail of it that follows a
    place or a comma and that the acronym spells exactly: in "La seccional
    Río Negro de la Unión Obrera de la Construcción (UOCRA)" the name starts
    at "Unión"; in "En Medellín, Empresas Públicas de Medellín (EPM)" at "Empresas"."""
    if fits(acronym, full):
        return start, full
    for word in list(re.finditer(r"\S+", full))[1:]:
        head, tail = full[: word.start()].rstrip(), full[word.start() :]
        if word.group()[:1].isupper() and _aside(head) and _spells(acronym, tail):
            return start + word.start(), tail
    return start, None


def _after_portfolio(start: int, full: str) -> tuple[int, str]:
    """'La gerente de Recursos Hídricos del Instituto Costarricense de
    Acueductos y Alcantarillados (AyA)': a unit's name before "del" and an
    institution's head word is the post's portfolio; the body starts at the head."""
    for joint in _OF_INSTITUTION.finditer(full):
        if joint.group("head") in _institution_heads():
            return start + joint.start("head"), full[joint.start("head") :]
    return start, full


_OF_INSTITUTION = re.compile(r"[ \u00a0](?:del|de[ \u00a0]+la)[ \u00a0]+(?P<head>[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+)")


@lru_cache(maxsize=1)
def _institution_heads() -> frozenset[str]:
    from pipeline.names.catalogue import org_cues  # imported late: the catalogue imports this module

    return frozenset(org_cues()["institution_heads"])


def _aside(head: str) -> bool:
    """What a name may follow inside one capitalised run: a comma, or a place."""
    return head.endswith((",", ", de")) or bool(gazetteer().pattern.match(head))


def _spells(acronym: str, name: str) -> bool:
    return _fold(acronym) == "".join(_fold(w[0]) for w in re.split(r"[\s,]+", name) if w and w.lower() not in _CONNECTORS)


_OPENERS = {"El", "La", "Los", "Las", "Lo", "Un", "Una", "Según", "Del", "Al", "En", "Con", "Para", "Por", "Desde", "Tras", "Ante", "Y", "E"}


def _trim_leading(match: re.Match, text: str) -> tuple[int, str] | None:
    """Drop capitalised sentence openers the pattern took in ("Según la Unidad ...")."""
    full, start = match.group("full"), match.start("full")
    words = full.split()
    while len(words) > 1 and words[0] in _OPENERS:
        cut = full.index(words[1], len(words[0]))
        full, start, words = full[cut:], start + cut, words[1:]
    return (start, full) if words else None


def _fits_tail(acronym: str, name: str) -> bool:
    """'PSC' of 'Georgia Public Service Commission': an English name may put its place first."""
    words = name.split()
    return any(fits(acronym, " ".join(words[i:])) for i in range(len(words) - 1))


def fits(acronym: str, full: str) -> bool:
    """The acronym's letters hold the initials of the name's content words, in order,
    starting with the first ("UPME" for "Unidad de Planeación Minero Energética",
    "Cammesa" for "Compañía Administradora del Mercado Mayorista Eléctrico")."""
    initials = [_fold(w[0]) for w in re.split(r"[\s,]+", full) if w and w.lower() not in _CONNECTORS]
    letters = _fold(acronym.replace("-", "").replace("&", ""))
    if len(initials) < 2 or not letters or letters[0] != initials[0]:
        return False
    matched, position = 0, 0
    for initial in initials:
        found = letters.find(initial, position)
        if found < 0:
            continue
        matched += 1
        position = found + 1
    return matched >= max(2, round(0.75 * len(initials))) and len(letters) <= 2 * len(initials) + 2


def _short_name(short: str, full: str) -> bool:
    """'el Operador Nacional de Electricidad (Cenace)', 'el Ministerio de
    Ciencia, Tecnología e Innovación (MinCiencias)': a one-word short name
    in brackets right after a name of two or more capitalised words (a
    historical one need not fit: Ecuador's Cenace); the recognizer still
    asks that the name be an organisation's and the short one no agency's."""
    words = [w for w in re.split(r"[\s,]+", full) if w and w.lower() not in _CONNECTORS]
    return len(words) >= 2 and 3 <= len(short) <= 16


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.upper()) if not unicodedata.combining(c))
