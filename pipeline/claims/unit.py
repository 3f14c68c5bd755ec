"""A claim's unit: what the number counts or measures.

MONEY, QUANTITY and DURATION take the unit of the number itself, PERCENT
"%". A count takes the noun right after it, in the singular ("servidores
físicos" → "servidor"; "generadores diésel" keeps its classifier), or the
chip's category when it counts a chip ("50.000 H100" are GPUs).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from pipeline.claims.document import ClaimDocument
from pipeline.claims.draft import ClaimDraft
from pipeline.claims.names import name_at
from pipeline.singular import singular
from pipeline.numbers import NumberMatch, rate_after

_LETTERS = re.compile(r"[^\W\d_]+")
# At most three words, no punctuation, between a counted noun and its rate.
_SHORT_GAP = re.compile(r"(?:[ \u00a0]+[^\W\d_]+){0,3}")
_FUNCTION_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PRON", "AUX", "PUNCT", "NUM", "ADV", "PART"})


def unit_of(ctx: ClaimDocument, number: NumberMatch, s_names, draft: ClaimDraft, category_of) -> str | None:
    if number.label == "PERCENT":
        return "%"
    if number.label == "MONEY" and number.per is None:
        return _per(number.unit, _per_before(ctx, number, s_names, draft), draft)
    if number.label != "CARDINAL":
        return _per(number.unit, number.per, draft)
    noun = _counted_noun(ctx, number, s_names, draft, category_of)
    if noun is not None:
        unit, end = noun
        rate = _rate_near(ctx.text, end, draft.sentence[1])
        return _per(unit, rate, draft)
    named = _named_after_figure(ctx, number, draft)
    if named:
        return named
    index = ctx.cues.ratio_index.search(ctx.text, max(draft.sentence[0], number.start - 60), number.start)
    if index:
        draft.cues.append(f"unit<-index:{index.group('index')}")
        return index.group("index")  # "un PUE de 1,08": the index is what the number measures
    # No noun right after the number: "(50.000 H200)" or "hasta los 200.000".
    chips = [n for n in s_names if n.label == "HARDWARE" and n.kind == "chip"]
    if chips:
        draft.cues.append("unit<-sentence-chip")
        return category_of(chips[0].canonical) or "chip"
    return None


def _counted_noun(ctx: ClaimDocument, number: NumberMatch, s_names, draft: ClaimDraft, category_of) -> tuple[str, int] | None:
    """The counted noun (as the unit) and where it ends."""
    doc = ctx.doc
    for token in ctx.tokens_from(number.end):
        if token.idx >= draft.sentence[1]:
            return None
        name = name_at(s_names, token)
        if name is not None:
            if name.label == "HARDWARE" and name.kind == "chip":
                draft.cues.append(f"unit<-chip:{name.canonical}")
                return category_of(name.canonical) or "chip", name.end
            if name.label == "ORG":
                continue
            return None
        word = token.text.lower()
        if token.is_space or word in ("de", "del") and (number.value is None or _scaled(number)):
            continue
        if not (token.pos_ in ("NOUN", "PROPN") or (token.text.isupper() and len(token.text) > 1) or _counted_by(token, number)):
            return None
        if token.like_num or _LETTERS.fullmatch(token.text) is None:
            return None
        unit, end = _with_complement(ctx, doc, token, s_names)
        # a word tagged as an adjective is a weaker reading: "350 empleos y unos 60 permanentes" shares "empleo"
        draft.cues.append(f"unit<-{'noun' if token.pos_ in ('NOUN', 'PROPN') else 'adjective'}:{token.text}")
        return unit, end
    return None


# "multiplicará por cinco la capacidad": a factor; "cifró en 1.200 los empleos directos": the count
# a verb of reckoning sets, its noun after the number
_MULTIPLIED = re.compile(r"(?<![^\W_])multiplic[a-záéíóú]*\s+(?:[^\W\d_]+\s+){0,3}?por\s+$", re.IGNORECASE)
_RECKONED = re.compile(r"(?<![^\W_])(?:cifr|elev|sitú|situ|calcul|estim)[a-záéíóú]*\s+(?:en|a)\s+$", re.IGNORECASE)
_THE_NOUN = re.compile(r"\s+(?:los|las)\s+(?P<noun>[a-záéíóúñ]{3,})")


def _named_after_figure(ctx: ClaimDocument, number: NumberMatch, draft: ClaimDraft) -> str | None:
    """A bare number's unit that the words around it name: a factor ('vez'), or the noun a reckoning counts."""
    before = ctx.text[max(draft.sentence[0], number.start - 60) : number.start]
    if _MULTIPLIED.search(before):
        draft.cues.append("unit<-factor")
        return "vez"
    noun = _THE_NOUN.match(ctx.text, number.end) if _RECKONED.search(before) else None
    if noun:
        draft.cues.append(f"unit<-reckoned:{noun.group('noun')}")
        return singular(noun.group("noun"))
    return None


def _counted_by(token: Token, number: NumberMatch) -> bool:
    """'repartidas en 384 nodos': the small model tags some plurals as
    adjectives, but a word the number modifies as its count is a noun."""
    return token.is_lower and any(c.dep_ == "nummod" and number.start <= c.idx < number.end for c in token.children)


def _with_complement(ctx: ClaimDocument, doc: Doc, token: Token, s_names) -> tuple[str, int]:
    """'generador diésel', 'centro de datos': the part that names the kind stays."""
    unit = _singular(token)
    following = token.nbor(1) if token.i + 1 < len(doc) else None
    if following is not None and _classifier(token, following) and name_at(s_names, following) is None:
        return f"{unit} {following.text}", following.idx + len(following.text)
    if following is not None and following.lower_ == "de" and following.i + 1 < len(doc):
        complement = doc[following.i + 1]
        if complement.pos_ == "NOUN" and complement.text.islower() and complement.text not in ctx.cues.category_words:
            return f"{unit} de {complement.text}", complement.idx + len(complement.text)
    return unit, token.idx + len(token.text)


# "cada hora sin luz le costaría...", "por cada empleo permanente, el condado renuncia a...",
# "Ganancias ajustadas por acción fueron $1.20": the rate is named before the amount
_EACH_BEFORE = re.compile(r"(?<![^\W_])(?:por\s+)?cada\s+|(?<![^\W_])por\s+(?=acci[oó]n\b)", re.IGNORECASE)


def _per_before(ctx: ClaimDocument, number: NumberMatch, s_names, draft: ClaimDraft) -> str | None:
    """What an amount is per when the clause names it before the amount
    ('cada GB300 cuesta...' is per chip)."""
    clause = ctx.clause(draft.sentence, number)
    found = list(_EACH_BEFORE.finditer(ctx.text, max(clause[0], number.start - 80), number.start))
    if not found:
        return None
    each = found[-1]  # the nearest "cada" before the amount
    if any(n.start == each.end() and n.label == "HARDWARE" for n in s_names):
        return "chip" if any(n.start == each.end() and n.kind == "chip" for n in s_names) else None
    rate = rate_after(" por " + ctx.text[each.end() : each.end() + 40], 0)
    return rate[1] if rate else None


def _rate_near(text: str, end: int, limit: int) -> str | None:
    """'1.200 bastidores al mes', 'medio millón de servidores de IA al año':
    a rate a few words after the counted noun."""
    gap = _SHORT_GAP.match(text, end, limit)
    if gap is None:
        return None
    for stop in sorted({end, gap.end()}):
        rate = rate_after(text, stop)
        if rate and rate[0] <= limit:
            return rate[1]
    return None


def _per(unit: str | None, per: str | None, draft: ClaimDraft) -> str | None:
    """'USD' per 'year' is 'USD/year'."""
    if unit is None or per is None:
        return unit
    draft.cues.append(f"unit:per-{per}")
    return f"{unit}/{per}"


_COMPARATIVES = frozenset({"mayor", "menor", "más", "menos", "superior", "inferior"})


def _classifier(noun: Token, following: Token) -> bool:
    """'generadores diésel', 'centros hiperescala': a modifier that does not
    take the plural of its noun names a kind of thing and belongs to the
    unit; an agreeing adjective ('GPU adicionales') does not. Read from the
    word's form as much as from its tag, which small models often get wrong."""
    if not following.text.isalpha() or not following.text.islower():
        return False
    if following.pos_ in _FUNCTION_POS or {"Fin", "Ger"} & set(following.morph.get("VerbForm")):
        return False  # "generaciones sacando...": a verb, not a kind
    if following.lower_ in _COMPARATIVES or following.lower_.endswith(("ando", "iendo")):
        return False  # "diez veces mayor"
    if following.pos_ == "NOUN" and not following.text.endswith("s"):
        return True
    plural_head = "Plur" in noun.morph.get("Number") or noun.text.endswith("s")
    return plural_head and not following.text.endswith("s") and following.pos_ in ("ADJ", "NOUN", "VERB", "X", "PROPN")


def _scaled(number: NumberMatch) -> bool:
    """A scale or a collective word comes before "de": "2 millones de GPU", "una docena de proyectos"."""
    return bool(re.search(r"mil|mill|bill|[kKMB]\b|docena|decena|centenar|millar|veintena", number.text))


def _singular(token: Token) -> str:
    text = singular(token.text)
    return text if text.isupper() or token.pos_ == "PROPN" and text[:1].isupper() else text.lower()
