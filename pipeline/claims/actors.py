"""Who acts in a clause: the grammatical subject of the verb that governs a
number, the name a subject noun stands for, and, where the number's own
clause has none, who acts in the clause above it (through subjectless
verbs, relative pronouns and verbs that oblige their object to act), or
the speaker reporting its own act. Also which names hang from another
name's phrase or close a list: they are not who acts."""

from __future__ import annotations

import re
from itertools import takewhile

from pipeline.claims.document import ClaimDocument
from pipeline.claims.names import vendor_chip
from pipeline.claims.reference import Discourse, is_reporter, kinds_of_noun, referent
from pipeline.names import NameMatch
from pipeline.numbers import NumberMatch
from pipeline.singular import singular


def grammatical_subject(ctx: ClaimDocument, number: NumberMatch, names: list[NameMatch]) -> str | None:
    """The name that is the subject of the verb governing the number.

    Returns "" when that subject is a list of several organisations
    ("Microsoft, Alphabet y Meta destinarán..."): nobody in particular.
    """
    verb = ctx.governing_verb(number)
    if verb is None or not names:
        return None
    speech = verb.i in ctx.verbs.attribution
    reported = speech and _reported(ctx, number, verb)
    for child in verb.children:
        if not (child.dep_.startswith("nsubj") or _misread_name(child, names)):
            continue
        lo, hi = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
        # "EuroHPC JU": the small model may make each word of a name a subject of its own
        inside = [n for n in names if lo <= n.start < hi and n.label in ("ORG", "HARDWARE", "PER")]
        if speech:
            # "Huang añadió que la empresa envió...": who speaks is not what the
            # figure is about, nor is who says what a clause of its own reports
            inside = [n for n in inside if n.label != "PER" and not reported]
        head = _head_name(ctx, child, inside)
        if head is not None:
            return head.canonical  # "El consorcio X, integrado por Y, presentó": X
        if child.pos_ == "NOUN":
            # "La compañía, filial de Amazon, declaró...": the noun is the
            # subject; "El contrato, adjudicado a Megware, incluye...": a name
            # in a clause about the noun is not; "la inversión de Meta" is.
            # "Su partición acelerada, con 4.480 GPU NVIDIA H100, alcanza...": chips the noun holds are not it
            inside = [n for n in inside if n.label == "PER" or _owner_of_noun(ctx, child, n) or (n.label == "ORG" and _doer_on_noun(ctx, child, n))]
        if len({n.canonical for n in inside if n.label == "ORG"}) > 1:
            return ""
        for name in inside:
            if name.label != "PER":
                return name.canonical
    return _unattached_subject(ctx, verb, names)


def _misread_name(child, names: list[NameMatch]) -> bool:
    """'de los que EuroHPC financiará la mitad': the small model reads a name
    it does not know as a verb, the clausal subject of the next one."""
    return child.dep_ == "csubj" and any(n.start <= child.idx < n.end for n in names)


def _unattached_subject(ctx: ClaimDocument, verb, names: list[NameMatch]) -> str | None:
    """'Para apoyar a las pymes, el Gobierno de Zhejiang emitió cupones...',
    '..., y la valenciana Nodalia, que construirá el nodo, ha comprometido
    380 millones': the small model hangs an organisation written after a
    comma (or a comma and "y") and right before a subjectless finite verb
    (or before a relative clause between commas, then the verb) on what
    comes before it; written there, it is the verb's subject."""
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_.startswith("nsubj") for c in verb.children):
        return None
    first = min([verb] + [c for c in verb.children if c.dep_ in ("aux", "aux:pass") and c.i < verb.i], key=lambda t: t.i)
    if "Fin" not in first.morph.get("VerbForm"):
        return None
    for name in names:
        if name.label == "ORG" and name.end <= first.idx and _UNTIL_VERB.fullmatch(ctx.text, name.end, first.idx) \
                and _LEAD_TO_SUBJECT.search(ctx.text, max(0, name.start - 60), name.start):
            return name.canonical
    return None


# what may stand between an unattached subject and its verb: nothing, or a relative clause between commas
_UNTIL_VERB = re.compile(r"\s*(?:,\s*(?:que|quien|quienes|cuyo|cuya|cuyos|cuyas)\s[^,;.]{1,160},)?\s*")
# and before it: a comma, maybe "y", maybe an article and one adjective ("y la valenciana")
_LEAD_TO_SUBJECT = re.compile(r",\s*(?:[ye]\s+)?(?:(?:el|la|los|las)\s+(?:[a-záéíóúñ]+\s+)?)?$")


def _reported(ctx: ClaimDocument, number: NumberMatch, verb) -> bool:
    """'la Fundación sostiene que en verano la demanda sería diez veces
    mayor': a number inside what a verb of saying reports, not its object."""
    span = ctx.doc.char_span(number.start, number.end, alignment_mode="expand")
    token = span.root if span is not None else None
    for _ in range(6):
        if token is None or token.i == verb.i or token.head.i == token.i:
            return False
        if token.dep_ == "ccomp" and token.head.i == verb.i:
            return True
        token = token.head
    return False


def _head_name(ctx: ClaimDocument, head, inside: list[NameMatch]) -> NameMatch | None:
    """The name the subject's head is, or introduces ("el consorcio X"), when
    no other name is coordinated with it ("Microsoft, Alphabet y Meta")."""
    if any(c.dep_ == "conj" for c in head.children):
        return None
    end = head.idx + len(head.text)
    for name in inside:
        if name.start <= head.idx < name.end or ctx.text[end : name.start] in (" ", "\u00a0"):
            return name
    return None


def _owner_of_noun(ctx: ClaimDocument, noun, name: NameMatch) -> bool:
    """A name hanging from the noun through 'de' phrases only."""
    if kinds_of_noun(ctx, noun.text) or kinds_of_noun(ctx, singular(noun.lower_)):
        return False  # "la compañía de X", "analistas de Bernstein": who, not whose
    span = ctx.doc.char_span(name.start, name.end, alignment_mode="expand")
    token = span.root if span is not None else None
    # spaCy makes a new Token object on each access: compare positions, not identities
    while token is not None and token.i != noun.i:
        if token.dep_ not in ("nmod", "flat", "flat:name", "compound") or token.head.i == token.i or not _of_phrase(token):
            return False
        token = token.head
    return token is not None and token.i == noun.i


def _doer_on_noun(ctx: ClaimDocument, noun, name: NameMatch) -> bool:
    """'La tarifa que el ICE cobra a la industria es de ¢78': the subject of
    a restrictive relative clause on the noun makes the noun its own (not a
    company noun's, 'la firma que Vistra compró'; not 'La medida, que la
    Comisión debatirá el martes, afectaría...', which only remarks on it)."""
    if kinds_of_noun(ctx, noun.text):
        return False
    token = ctx.head_of(name)
    verb = token.head if token is not None and token.dep_.startswith("nsubj") else None
    if verb is None or verb.dep_ not in ("acl", "acl:relcl") or verb.head.i != noun.i:
        return False
    that = next((c for c in verb.children if c.lower_ == "que" and c.i < token.i), None)
    return that is not None and "," not in ctx.text[noun.idx : that.idx]


def _of_phrase(token) -> bool:
    """'de Meta', 'del grupo': not 'en Bernstein' ('analistas en Bernstein' are not Bernstein's)."""
    case = [c.lower_ for c in token.children if c.dep_ == "case"]
    return token.dep_ != "nmod" or not case or case[0] in ("de", "del")


def clause_actor(ctx: ClaimDocument, number: NumberMatch, names, discourse: Discourse | None = None) -> str | None:
    """The organisation acting in a clause the number's clause depends on:
    'El Gobierno Vasco prepara un decreto que obligará a los centros de más
    de 5 MW...', 'ERCOT, que opera la red que abastece a cerca del 90%...'.
    The climb passes verbs with no subject of their own and relative
    pronouns, whose antecedent acts when it is a name ('ASML, que aporta
    1.300 millones'); it stops at a subject that is a common noun ('el
    clúster estaría operativo en 18 meses') and at verbs of saying, whose
    subject reports rather than acts. A verb that obliges or asks someone
    to act ('obliga al consorcio a depositar...') hands the act to its
    object."""
    verb, below = ctx.governing_verb(number), None
    priced = _priced_object(ctx, number, verb, names)
    if priced:
        return priced
    for _ in range(4):
        # "Celec prevé adjudicar contratos por...": a verb of saying over its
        # own subject's infinitive is a plan, and its subject acts
        if verb is None or (verb.i in ctx.verbs.attribution and (below is None or below.dep_ != "xcomp")):
            return None
        controller = _object_controller(ctx, verb, below, names, discourse)
        if controller:
            return controller  # an obligation on a generic object ("a los centros de datos") climbs on to who imposes it
        subject = next((c for c in verb.children if c.dep_.startswith("nsubj")), None)
        if subject is None:
            verb, below = _verb_above(verb), verb
        elif "Rel" in subject.morph.get("PronType"):
            antecedent = _name_at(ctx, verb.head, names) or _written_antecedent(ctx, subject, names)
            if antecedent or verb.head.pos_ == "PROPN":
                return antecedent
            verb, below = _verb_above(verb), verb
        else:
            return _actor_name(ctx, subject, names)
    return None


def _priced_object(ctx: ClaimDocument, number: NumberMatch, verb, names) -> str | None:
    """'comprar SambaNova por unos 1.600 millones': the price is the named
    object's."""
    if verb is None or number.label != "MONEY" or not re.search(r"\bpor\s+(?:unos\s+|unas\s+|casi\s+|cerca\s+de\s+)?$", ctx.text[max(0, number.start - 20) : number.start]):
        return None
    obj = next((c for c in verb.children if c.dep_ == "obj"), None)
    return _name_at(ctx, obj, names) if obj is not None else None


def _object_controller(ctx: ClaimDocument, verb, below, names, discourse) -> str | None:
    """The name, or the company a reference noun stands for ('al
    consorcio'), that the object controlling the lower verb is; '' when it
    is neither."""
    if below is None or below.dep_ != "xcomp":
        return None
    obj = next((c for c in verb.children if c.dep_ in ("obj", "iobj") and c.i < below.i), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return None
    return _name_at(ctx, obj, names) or referent(ctx, obj.text, obj.idx, discourse) or ""


def apposed_doer(ctx: ClaimDocument, number: NumberMatch, names) -> str | None:
    """'Uco Obras S.R.L., una constructora de Tunuyán que ya tiene 120
    operarios', 'Atlantic Edge Partners, un fondo que administra 1.200
    millones': a relative clause on a noun set in apposition to a name
    says what the named one does or has."""
    verb = ctx.governing_verb(number)
    subject = next((c for c in verb.children if c.dep_.startswith("nsubj")), None) if verb is not None else None
    noun = verb.head if verb is not None else None
    if subject is None or "Rel" not in subject.morph.get("PronType") or noun.dep_ != "appos" or noun.head.i > noun.i:
        return None
    # the small model may hang the apposition on the phrase the name ends ("filial de X, un fondo..."): the name before the comma
    before = [n for n in names if n.label == "ORG" and not is_reporter(n) and n.end <= noun.left_edge.idx
              and _APPOSED.fullmatch(ctx.text, n.end, noun.left_edge.idx)]
    return before[0].canonical if before else _name_at(ctx, noun.head, names)


_APPOSED = re.compile(r"\s*,?\s*")  # the name's span holds its legal form ("Uco Obras S.R.L.")


def _written_antecedent(ctx: ClaimDocument, pronoun, names) -> str | None:
    """'Taiwán Semiconductor Fabricación Co., que ha comprometido $165
    billones...': the small model may hang the relative clause on nothing
    (its verb the sentence's root); the organisation written right before
    its comma is what "que" stands for; not the last of a list ('formado
    por Entel, KDDI y la australiana Telstra, que invertirá...'), which the
    clause may be on whole."""
    found = [n for n in names if n.label == "ORG" and not is_reporter(n) and _BEFORE_RELATIVE.fullmatch(ctx.text, n.end, pronoun.idx)]
    listed = found and _LAST_OF_LIST.search(ctx.text, max(0, found[-1].start - 30), found[-1].start)
    if not found or (listed and not _own_clause_before(ctx.text, listed.start())):
        return None
    return found[-1].canonical


def _own_clause_before(text: str, conjunction: int) -> bool:
    """'TSMC, que ha comprometido..., e Intel Corp., que gasta...': the item
    before the 'y' has a relative clause of its own, so each has; no list."""
    item = text[max(0, conjunction - 200) : conjunction].rstrip().rstrip(",").rsplit(",", 1)[-1]
    return _RELATIVE_OPENS.match(item) is not None


_BEFORE_RELATIVE = re.compile(r"\.?\s*,\s*")
_RELATIVE_OPENS = re.compile(r"\s*(?:que|quien|quienes)\s")
_LAST_OF_LIST = re.compile(r"(?<![^\W_])[ye]\s+(?:(?:el|la|los|las)\s+)?(?:[a-záéíóúñ]+\s+)?$")


def _name_at(ctx: ClaimDocument, token, names) -> str | None:
    found = [n for n in names if n.start <= token.idx < n.end and n.label == "ORG" and not is_reporter(n)]
    return found[0].canonical if found else None


def speaking_about_itself(ctx: ClaimDocument, number: NumberMatch, names) -> str | None:
    """'La Municipalidad de Lampa calcula que recibirá unos $2.300 millones':
    a reported verb with no subject of its own, in the speaker's number,
    says what the speaker itself does."""
    below = ctx.governing_verb(number)
    while below is not None and below.dep_ in ("xcomp", "conj") and below.head.i != below.i and not _has_subject(below, number) \
            and not _second_report(below):
        below = below.head  # "estima que tendrá que invertir 640.000 millones": up to "tendrá"
    if below is None or _has_subject(below, number) or not (below.dep_ == "ccomp" or _second_report(below)):
        return None
    verb = below.head.head if _second_report(below) else below.head
    if verb.i not in ctx.verbs.attribution or _finite_number(below) != verb.morph.get("Number"):
        return None
    subject = next((c for c in verb.children if c.dep_.startswith("nsubj")), None)
    return _actor_name(ctx, subject, names) if subject is not None else None


def _finite_number(verb) -> list[str]:
    """The person's number a verb agrees in: its auxiliary's for a compound
    tense ('se han otorgado permisos': plural, whatever the participle)."""
    aux = next((c for c in verb.children if c.dep_ == "aux" and "Fin" in c.morph.get("VerbForm")), None)
    return (aux or verb).morph.get("Number")


def _has_subject(verb, number: NumberMatch | None = None) -> bool:
    """A subject of its own; not the figure after the verb that the small model
    reads as one ('informó que abastecerá los 120 megavatios': its object),
    nor the "que" of a second reported clause."""
    return any(c.dep_.startswith("nsubj") and not _complementizer(c, verb) and not (number is not None and c.i > verb.i and _covers_number(c, number))
               for c in verb.children)


def _complementizer(token, verb) -> bool:
    """'informó que las interrupciones alcanzaron a 265 mil usuarios y que
    desplegó 410 vehículos': the small model reads the second "que" as the
    subject of its verb; it opens another clause of what is reported."""
    return token.lower_ == "que" and verb.dep_ == "conj" and token.i > 0 and token.doc[token.i - 1].lower_ in ("y", "e")


def _second_report(verb) -> bool:
    """A clause joined by "y que" to a clause a verb of saying governs,
    whose verb cannot share the first clause's subject ('estima que el sector
    da empleo a 7.300 personas y que sumará otras 9.450': the sector's)."""
    if verb.dep_ != "conj" or verb.head.dep_ != "ccomp" or not any(_complementizer(c, verb) for c in verb.children):
        return False
    first = [c for c in verb.head.children if c.dep_.startswith("nsubj")]
    return not any(c.morph.get("Number") == verb.morph.get("Number") for c in first)


def _covers_number(token, number: NumberMatch) -> bool:
    return token.left_edge.idx <= number.start and number.end <= token.right_edge.idx + len(token.right_edge.text)


def speaking_for_us(ctx: ClaimDocument, number: NumberMatch, speaker: str | None, org_of_person) -> str | None:
    """'“Nuestro diseño recircula el agua y la pérdida equivale a unos 580 m³
    al día”, afirmó el gerente de AWS': a figure quoted in the first person
    plural is the speaker's organisation's."""
    quote = quote_of(ctx, number)
    if quote is None or speaker is None or not _in_first_plural(ctx, quote):
        return None
    sentence = ctx.sentence_of(number)
    around = [n for n in ctx.names if sentence[0] <= n.start < sentence[1] and not quote[0] <= n.start < quote[1]]
    if any(n.canonical == speaker and n.label == "ORG" and not is_reporter(n) for n in around):
        return speaker
    person = next((n for n in around if n.canonical == speaker and n.label == "PER"), None)
    employers = [n for n in around if n.label == "ORG" and not is_reporter(n)]
    if person is not None and employers:
        return min(employers, key=lambda n: abs(n.start - person.start)).canonical
    return org_of_person(speaker)


_WE = re.compile(r"(?<![^\W_])(?:nuestr[oa]s?|nosotros|nosotras)(?![^\W_])", re.IGNORECASE)


def in_first_person(ctx: ClaimDocument, number: NumberMatch) -> bool:
    """'«Hemos perdido 700 vecinos en quince años», defendió el alcalde':
    a figure quoted in the speaker's own first person."""
    quote = quote_of(ctx, number)
    if quote is None:
        return False
    words = takewhile(lambda t: t.idx < quote[1], ctx.tokens_from(quote[0]))
    return _in_first_plural(ctx, quote) or any(t.pos_ in ("VERB", "AUX") and "1" in t.morph.get("Person") for t in words)


def quote_of(ctx: ClaimDocument, number: NumberMatch) -> tuple[int, int] | None:
    """The quotation the number stands in, if any."""
    return next(((s, e) for s, e in ctx.quotes if s <= number.start < e), None)


def _in_first_plural(ctx: ClaimDocument, quote: tuple[int, int]) -> bool:
    if _WE.search(ctx.text, *quote):
        return True
    words = takewhile(lambda t: t.idx < quote[1], ctx.tokens_from(quote[0]))
    return any(t.pos_ in ("VERB", "AUX") and "1" in t.morph.get("Person") and "Plur" in t.morph.get("Number") for t in words)


def _verb_above(verb):
    """The next verb up the tree, a few heads at most; none above the root.
    A noun or adjective with a copula is a predicate ('Emesa será la
    encargada de tender...'), and its subject acts."""
    token = verb
    for _ in range(4):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX") or any(c.dep_ == "cop" for c in token.children):
            return token
    return None


def _actor_name(ctx: ClaimDocument, subject, names) -> str | None:
    lo, hi = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)
    # "Allí instalará 4.096 GPU Nvidia B200": a chip's vendor is part of the chip's mention, not who acts
    inside = [n for n in names if lo <= n.start and n.end <= hi and n.label == "ORG" and not is_reporter(n) and vendor_chip(ctx.text, ctx.names, n) is None]
    head = _head_name(ctx, subject, inside)
    return head.canonical if head is not None else None


def governing_name(ctx: ClaimDocument, name: NameMatch, names) -> NameMatch | None:
    """The earlier name whose phrase this one hangs from: 'El consorcio X,
    integrado por Y y la generadora Z, presentó...' (Y and Z hang from X),
    'i-DE, la distribuidora de Iberdrola' (Iberdrola from i-DE)."""
    token = ctx.head_of(name)
    for _ in range(4):
        if token is None or token.head.i == token.i or token.dep_.startswith("nsubj"):
            return None
        token = token.head
        # the name itself, or the one a noun introduces ("al consorcio Nodo Caribe, liderado por...")
        spots = [token] + [c for c in token.children if c.dep_ == "appos" and c.i < token.i + 3]
        owner = next((n for n in names if n is not name and n.label != "PER" and n.start < name.start
                      and any(n.start <= t.idx < n.end for t in spots)), None)
        if owner is not None:
            return owner
    return None


# ", que integran": a relative clause opened right after a name
_RELATIVE_AFTER_NAME = re.compile(r"\s*,\s+(?:que|quienes?|cuy[oa]s?|(?:el|la|los|las)\s+cual(?:es)?)\s")


def in_relative_on(ctx: ClaimDocument, name: NameMatch, names) -> bool:
    """'El consorcio Calamuchita Data S.A., que integran la constructora
    Traslasierra Obras y el fondo Andes Capital, pidió...': a name inside a
    relative clause on an organisation named before it says what that one
    is; it does not act in the sentence."""
    start = ctx.sentence_of(name)[0]
    for other in (n for n in names if start <= n.start and n.end <= name.start and n.label == "ORG"):
        opens = _RELATIVE_AFTER_NAME.match(ctx.text, other.end)
        if opens and not any(ch in ",;:()" for ch in ctx.text[opens.end() : name.start]):
            return True
    return False


def listed(ctx: ClaimDocument, name: NameMatch, names) -> bool:
    """'Microsoft, Alphabet, Amazon y Meta': the last of a list is no subject."""
    token = ctx.head_of(name)
    if token is None or token.dep_ != "conj":
        return False
    head = token.head
    others = [c for c in head.children if c.dep_ == "conj"] + [head]
    return sum(any(n.start <= t.idx < n.end for n in names) for t in others) >= 3
