"""A claim's subject: the canonical name of what the number is about.

Strongest first:
- a system named before the number in its clause ("Colossus tiene 100.000 GPU");
- the name that is the grammatical subject of the verb governing the number
  (no wire agency or outlet: they report, they are not what is reported);
- the chip whose specification the number is ("Cada MI300X integra 192 GB");
- who announces a plan ("Meta prevé gastar...");
- what "la compañía", "la empresa", "el consorcio" refer to: the organisation
  the article is about at that point;
- the article's topic for a figure about "el proyecto", "el campus", "la
  primera etapa", "el sistema";
- an organisation named before the number in its clause;
- the previous claim's subject, within its paragraph;
- the article's topic, when the sentence names no one and is not about a
  sector, a market or a country;
- else no subject.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable

from pipeline.claims.document import ClaimDocument
from pipeline.claims.draft import ClaimDraft
from pipeline.claims.names import vendor_chip
from pipeline.claims.reference import Discourse, is_company, kinds_of_noun, is_public, is_reporter, is_system_noun, referent, system_referent
from pipeline.names import NameMatch
from pipeline.numbers import NumberMatch



def topic_of(ctx: ClaimDocument, names) -> tuple[str | None, bool]:
    """The organisation or system an article is about: a system its headings
    or lead name twice or more; else the organisation that is the subject of
    its lead sentence ("El consorcio Patagonia Cómputo presentó..."); else the
    one named most, most in its headings and lead; else the company acting in
    the lead sentence ("...el campus que la firma Andesnube levantará");
    none when no one stands out."""
    lead = _first_body_line(ctx)
    systems = Counter(n.canonical for n in names if n.label == "HARDWARE" and n.kind == "system")
    opening = [n for n in names if n.label == "HARDWARE" and n.kind == "system"
               and (ctx.in_heading(n.start) or (lead and lead[0] <= n.start < lead[1]))]
    if opening and systems[opening[0].canonical] >= 2:
        return opening[0].canonical, True
    subject = (_lead_subject(ctx, names, lead) or _sole_company(ctx, names, lead)) if lead else None
    if subject:
        return subject, False
    topic = _most_named(ctx, names, lead)
    if topic[0] is None and lead:
        # "La comisión aprobó el campus que la firma Andesnube levantará...":
        # the company acting in the lead, where no company opens it.
        return sentence_subject_org(ctx, _lead_sentence(ctx, lead), names), False
    return topic


def _lead_sentence(ctx: ClaimDocument, lead: tuple[int, int]) -> tuple[int, int]:
    start = max([e for s, e in ctx.page.datelines if lead[0] <= s < lead[1]] + [lead[0]])
    sentence = next((b for b in ctx.sentences if b[1] > start and b[0] < lead[1]), (start, lead[1]))
    return max(start, sentence[0]), sentence[1]


def _lead_subject(ctx: ClaimDocument, names, lead: tuple[int, int]) -> str | None:
    """The first organisation of the lead sentence, before its main verb and
    after any dateline: what a news lead opens with is what it is about."""
    start, end = _lead_sentence(ctx, lead)
    verb = next((t for t in ctx.doc if start <= t.idx < end and t.pos_ == "VERB" and t.dep_ == "ROOT"), None)
    limit = verb.idx if verb is not None else end
    for name in names:
        if start <= name.start < limit and is_company(name):
            return name.canonical
    return None


def _sole_company(ctx: ClaimDocument, names, lead: tuple[int, int]) -> str | None:
    """'La Corte de Comisionados aprobó una rebaja para Gulf Coast Compute
    Partners LLC, la empresa que planea...': the one company of the lead sentence."""
    start, end = _lead_sentence(ctx, lead)
    inside = [n for n in names if start <= n.start < end]
    companies = {n.canonical for n in inside if is_company(n) and vendor_chip(ctx.text, ctx.names, n) is None
                 and _governing_name(ctx, n, inside) is None}  # "el consorcio X, liderado por Y": X
    return companies.pop() if len(companies) == 1 else None


def sentence_subject_org(ctx: ClaimDocument, sentence, names) -> str | None:
    """The organisation that is a sentence's grammatical subject."""
    for name in names:
        if not (sentence[0] <= name.start < sentence[1]) or not is_company(name):
            continue
        span = ctx.doc.char_span(name.start, name.end, alignment_mode="expand")
        token = span.root if span is not None else None
        while token is not None and token.dep_ in ("flat", "flat:name", "appos", "compound", "nmod") and token.head is not token:
            token = token.head
        if token is not None and token.dep_.startswith("nsubj"):
            return name.canonical
    return None


def _most_named(ctx: ClaimDocument, names, first_body) -> tuple[str | None, bool]:
    """Companies and systems first; public bodies only where no company stands out."""
    for wanted in (lambda n: is_company(n) or n.label == "HARDWARE", lambda n: n.label == "ORG" and not is_reporter(n)):
        topic = _most_named_of(ctx, [n for n in names if wanted(n)], first_body)
        if topic[0]:
            return topic
    return None, False


def _most_named_of(ctx: ClaimDocument, names, first_body) -> tuple[str | None, bool]:
    scores: Counter = Counter()
    systems = set()
    for name in names:
        if name.label == "PER" or (name.label == "HARDWARE" and name.kind != "system"):
            continue
        weight = 1
        if ctx.in_heading(name.start):
            weight = 3
        elif first_body and first_body[0] <= name.start < first_body[1]:
            weight = 2
        scores[name.canonical] += weight
        if name.label == "HARDWARE":
            systems.add(name.canonical)
    ranked = scores.most_common(2)
    if not ranked:
        return None, False
    best, score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if score < 4 or score < 1.5 * runner_up:
        return None, False
    return best, best in systems


def _first_body_line(ctx: ClaimDocument) -> tuple[int, int] | None:
    """The lead: the first body paragraph that is not a photo caption (a
    caption ends with its credit), from its dateline on when it has one; a
    dateline further down opens a wire story inside the article, not its lead."""
    start = 0
    for line in ctx.text.split("\n"):
        end = start + len(line)
        if len(line.split()) >= 15 and not ctx.in_heading(start) and not ctx.in_furniture(start) and not ctx.in_furniture(end - 1):
            return start, end
        start = end + 1
    return None


def subject_of(
    ctx: ClaimDocument, number: NumberMatch, s_names, c_names, draft: ClaimDraft, discourse: Discourse,
    org_of_person: Callable[[str], str | None],
) -> str | None:
    # Who reports a figure ("según Reuters", "la AIE estima que...") is not
    # what it is about, unless the figure is its own ("Nvidia reportó
    # ingresos de 91.200 millones": the reporting verb governs the number).
    if draft.source_role == "reporter" and not _reports_own_figure(ctx, number, draft) and not _acts(ctx, number, draft, c_names):
        c_names = [n for n in c_names if n.canonical != draft.source]
    c_names = [n for n in c_names if not is_reporter(n) and vendor_chip(ctx.text, ctx.names, n) is None]
    before = [n for n in c_names if n.end <= number.start]
    systems = [n for n in before if n.label == "HARDWARE" and n.kind == "system"]
    if systems:
        return _chosen(draft, systems[-1].canonical, f"subject<-system:{systems[-1].text}")
    compared = _compared_owner(ctx, number)
    if compared:
        return _chosen(draft, compared, f"subject<-owner:{compared}")
    grammatical = grammatical_subject(ctx, number, c_names)
    if grammatical == "":
        draft.cues.append("subject<-none:several")
        return None
    if grammatical is not None:
        return _chosen(draft, grammatical, f"subject<-nsubj:{grammatical}")
    return _weaker(ctx, number, s_names, before, draft, discourse, org_of_person)


def _acts(ctx: ClaimDocument, number: NumberMatch, draft: ClaimDraft, names) -> bool:
    """'Andes Cómputo alquilará capacidad a US$ 2,10 por hora, según estimó
    la empresa': a company that is the subject of the figure's own verb is
    what the figure is about, even when it also reports it. A public body
    that 'tiene registrados 14 proyectos' reports others' figures."""
    verb = ctx.governing_verb(number)
    company = any(is_company(n) and n.canonical == draft.source for n in names)
    return (company and verb is not None and verb.i not in ctx.verbs.attribution
            and grammatical_subject(ctx, number, names) == draft.source)


def _reports_own_figure(ctx: ClaimDocument, number: NumberMatch, draft: ClaimDraft) -> bool:
    verb = ctx.governing_verb(number)
    return verb is not None and verb.i in ctx.verbs.attribution and f"source<-verb:{verb.text}" in draft.cues


def _weaker(ctx: ClaimDocument, number, s_names, before, draft: ClaimDraft, discourse: Discourse, org_of_person) -> str | None:
    chips = [n for n in before if n.label == "HARDWARE" and n.kind == "chip"]
    if number.label == "QUANTITY" and number.unit in ctx.cues.chip_spec_units and (draft.hardware or chips) and not _whole_system(ctx, number, draft):
        # "192 GB" of the chip before it, or "80 GB de la H100" of the chip after it
        chosen = draft.hardware[0] if draft.hardware else chips[-1].canonical
        return _chosen(draft, chosen, f"subject<-chip:{chosen}")
    # Who announces a plan is its subject ("Meta prevé gastar..."); who
    # reports it ("según Reuters") is not.
    if draft.modality == "planned" and draft.source_role == "speaker":
        speaker = _org_of(draft.source, s_names, org_of_person)
        if speaker:
            return _chosen(draft, speaker, "subject<-source")
    return _by_reference(ctx, number, s_names, before, draft, discourse, org_of_person)


def _whole_system(ctx: ClaimDocument, number: NumberMatch, draft: ClaimDraft) -> bool:
    """'el clúster tendría unos 80 petaflops', 'El sistema ... alcanzará 38
    Pflop/s': the machine's figure, not its chips', when a system noun opens
    the clause before the number."""
    project = ctx.cues.project_reference.search(ctx.text, draft.sentence[0], number.start)
    return bool(project) and is_system_noun(project.group(0).split()[-1])


def _by_reference(ctx: ClaimDocument, number, s_names, before, draft: ClaimDraft, discourse: Discourse, org_of_person=lambda name: None) -> str | None:
    text, cues, sentence = ctx.text, ctx.cues, draft.sentence
    named = _by_epithet(ctx, sentence[0], number.start)
    if named:
        return _chosen(draft, named, f"subject<-epithet:{named}")
    company = cues.company_reference.search(text, sentence[0], number.start)
    named = company and (referent(ctx, company.group(0).split()[-1], company.start(), discourse) or discourse.topic)
    if named:
        return _chosen(draft, named, f"subject<-reference:{company.group(0)}")
    if ctx.generic_subject(number):
        draft.cues.append("subject<-none:generic")
        return None
    owner = _owner_after(ctx, number)
    if owner:
        return _chosen(draft, owner, f"subject<-owner:{owner}")
    itself = speaking_about_itself(ctx, number, ctx.names)
    if itself:
        return _chosen(draft, itself, f"subject<-speaker-itself:{itself}")
    actor = clause_actor(ctx, number, ctx.names, discourse)
    if actor and not (actor == draft.source and draft.source_role == "reporter"):
        return _chosen(draft, actor, f"subject<-actor:{actor}")
    project = cues.project_reference.search(text, sentence[0], sentence[1])
    system = project and system_referent(ctx, project.group(0).split()[-1], project.start())
    if system:
        return _chosen(draft, system, f"subject<-system:{project.group(0)}")
    owner = project and (_owner_in_phrase(ctx, project) or _topic_owner(ctx, discourse))
    if owner:
        return _chosen(draft, owner, f"subject<-project:{project.group(0)}")
    orgs = [n for n in before if is_company(n) and not ctx.after_preposition(n) and _governing_name(ctx, n, before) is None]
    if orgs and _listed(ctx, orgs[-1], before):
        draft.cues.append("subject<-none:several")
        return None
    if orgs:
        return _chosen(draft, orgs[-1].canonical, f"subject<-org:{orgs[-1].text}")
    if discourse.carried is not None:
        return _chosen(draft, discourse.carried, "subject<-previous")
    if _topic_owner(ctx, discourse) and not any(n.label in ("ORG", "HARDWARE") for n in s_names):
        return _chosen(draft, discourse.topic, "subject<-topic")
    led = _company_of_person(ctx, sentence[0], number.start, org_of_person)
    return _chosen(draft, led, f"subject<-led-by:{led}") if led else None


_COMPARED = re.compile(r"(?:frente|comparad[oa]s?\s+con|en\s+comparación\s+con|contra)\s+(?:a\s+|al\s+|a\s+los\s+|a\s+las\s+|los\s+|las\s+|el\s+|la\s+)?(?:casi\s+|cerca\s+del?\s+|unos\s+|unas\s+)?(?:el\s+|la\s+|los\s+|las\s+)?$")


def _compared_owner(ctx: ClaimDocument, number: NumberMatch) -> str | None:
    """'AMD tiene el 8 %, frente al 85 % de NVIDIA': the figure set against
    the subject's is the other company's, whatever verb governs both."""
    if not _COMPARED.search(ctx.text[max(0, number.start - 40) : number.start]):
        return None
    return _owner_after(ctx, number)


def _owner_after(ctx: ClaimDocument, number: NumberMatch) -> str | None:
    """'frente a casi el 90 % de NVIDIA', 'los 0,6 MW del FinisTerrae III':
    a company or system the number belongs to, named right after it."""
    follows = re.match(r"\s+(?:de|del)\s+", ctx.text[number.end : number.end + 8])
    if not follows:
        return None
    start = number.end + follows.end()
    owner = next((n for n in ctx.names if n.start == start), None)
    if owner is None or not (is_company(owner) or (owner.label == "HARDWARE" and owner.kind == "system")):
        return None
    return owner.canonical


def _by_epithet(ctx: ClaimDocument, start: int, end: int) -> str | None:
    """'el gigante de Redmond': the company named by its head-office town, when the article names it."""
    found = ctx.cues.epithets.search(ctx.text, start, end)
    if not found:
        return None
    town = next(t for t in ctx.cues.epithet_names if t.lower() == found.group("town").lower())
    canonical = ctx.cues.epithet_names[town]
    return canonical if any(n.canonical == canonical for n in ctx.names) else None


_OF_PERSON = re.compile(r"(?<![^\W_])(?:la|el)\s+(?:compañía|empresa|firma|tecnológica|startup|laboratorio)\s+de\s+$", re.IGNORECASE)


def _company_of_person(ctx: ClaimDocument, start: int, end: int, org_of_person) -> str | None:
    """'La compañía de Mark Zuckerberg prevé invertir...': the company the person is known to lead."""
    for name in ctx.names:
        if start <= name.start < end and name.label == "PER" and _OF_PERSON.search(ctx.text, max(0, name.start - 30), name.start):
            return org_of_person(name.canonical)
    return None


def _token_of(ctx: ClaimDocument, name: NameMatch):
    span = ctx.doc.char_span(name.start, name.end, alignment_mode="expand")
    token = span.root if span is not None else None
    while token is not None and token.dep_ in ("flat", "flat:name", "compound") and token.head is not token:
        token = token.head
    return token


def _governing_name(ctx: ClaimDocument, name: NameMatch, names) -> NameMatch | None:
    """The earlier name whose phrase this one hangs from: 'El consorcio X,
    integrado por Y y la generadora Z, presentó...' (Y and Z hang from X),
    'i-DE, la distribuidora de Iberdrola' (Iberdrola from i-DE)."""
    token = _token_of(ctx, name)
    for _ in range(4):
        if token is None or token.head is token or token.dep_.startswith("nsubj"):
            return None
        token = token.head
        # the name itself, or the one a noun introduces ("al consorcio Nodo Caribe, liderado por...")
        spots = [token] + [c for c in token.children if c.dep_ == "appos" and c.i < token.i + 3]
        owner = next((n for n in names if n is not name and n.label != "PER" and n.start < name.start
                      and any(n.start <= t.idx < n.end for t in spots)), None)
        if owner is not None:
            return owner
    return None


def _listed(ctx: ClaimDocument, name: NameMatch, names) -> bool:
    """'Microsoft, Alphabet, Amazon y Meta': the last of a list is no subject."""
    token = _token_of(ctx, name)
    if token is None or token.dep_ != "conj":
        return False
    head = token.head
    others = [c for c in head.children if c.dep_ == "conj"] + [head]
    return sum(any(n.start <= t.idx < n.end for n in names) for t in others) >= 3


def _topic_owner(ctx: ClaimDocument, discourse: Discourse) -> str | None:
    topic = discourse.topic
    return topic if topic and not _public_body(ctx, topic) else None


def _public_body(ctx: ClaimDocument, canonical: str) -> bool:
    """A regulator or ministry an article is about reports the figures of
    others ("la UPME informó..."): it is the topic "la entidad" points back
    to, but not what every unattached figure is about."""
    return any(n.canonical == canonical and is_public(n) for n in ctx.names)


def _owner_in_phrase(ctx: ClaimDocument, project) -> str | None:
    """'las obras del centro de datos de AWS': the owner named in the phrase;
    'su centro de datos': the organisation the possessive points back to."""
    after = ctx.text[project.end() : project.end() + 60]
    phrase_end = project.end() + (len(after) - len(after.lstrip())) + len(re.split(r"[,;.:()]", after.lstrip())[0])
    inside = [n for n in ctx.names if project.end() <= n.start < phrase_end and n.label == "ORG" and not is_reporter(n)]
    if inside and re.match(r"\s+(?:de|del)\b", after):
        return inside[0].canonical
    if project.group(0).lower().startswith(("su ", "sus ")):
        clause_start = max([b[0] for b in ctx.sentences if b[0] <= project.start()] or [0])
        earlier = [n for n in ctx.names if clause_start <= n.start < project.start() and n.label == "ORG" and not is_reporter(n)]
        return earlier[-1].canonical if earlier else None
    return None


def _chosen(draft: ClaimDraft, subject: str, cue: str) -> str:
    draft.cues.append(cue)
    return subject


def _org_of(name: str | None, s_names, org_of_person) -> str | None:
    """An organisation speaks for itself; a person for their organisation."""
    if name is None:
        return None
    if any(n.label == "ORG" and n.canonical == name for n in s_names):
        return name
    return org_of_person(name)


def grammatical_subject(ctx: ClaimDocument, number: NumberMatch, names: list[NameMatch]) -> str | None:
    """The name that is the subject of the verb governing the number.

    Returns "" when that subject is a list of several organisations
    ("Microsoft, Alphabet y Meta destinarán..."): nobody in particular.
    """
    verb = ctx.governing_verb(number)
    if verb is None or not names:
        return None
    for child in verb.children:
        if not child.dep_.startswith("nsubj"):
            continue
        lo, hi = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
        inside = [n for n in names if lo <= n.start and n.end <= hi and n.label in ("ORG", "HARDWARE", "PER")]
        if verb.i in ctx.verbs.attribution:
            # "Huang añadió que la empresa envió...": who speaks is not what the figure is about
            inside = [n for n in inside if n.label != "PER"]
        head = _head_name(ctx, child, inside)
        if head is not None:
            return head.canonical  # "El consorcio X, integrado por Y, presentó": X
        if child.pos_ == "NOUN":
            # "La compañía, filial de Amazon, declaró...": the noun is the
            # subject; "El contrato, adjudicado a Megware, incluye...": a name
            # in a clause about the noun is not; "la inversión de Meta" is.
            inside = [n for n in inside if n.label != "ORG" or _owner_of_noun(ctx, child, n)]
        if len({n.canonical for n in inside if n.label == "ORG"}) > 1:
            return ""
        for name in inside:
            if name.label != "PER":
                return name.canonical
    return None


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
        if verb is None or verb.i in ctx.verbs.attribution:
            return None
        controller = _object_controller(ctx, verb, below, names, discourse)
        if controller:
            return controller  # an obligation on a generic object ("a los centros de datos") climbs on to who imposes it
        subject = next((c for c in verb.children if c.dep_.startswith("nsubj")), None)
        if subject is None:
            verb, below = _verb_above(verb), verb
        elif "Rel" in subject.morph.get("PronType"):
            antecedent = _name_at(ctx, verb.head, names)
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


def _name_at(ctx: ClaimDocument, token, names) -> str | None:
    found = [n for n in names if n.start <= token.idx < n.end and n.label == "ORG" and not is_reporter(n)]
    return found[0].canonical if found else None


def speaking_about_itself(ctx: ClaimDocument, number: NumberMatch, names) -> str | None:
    """'La Municipalidad de Lampa calcula que recibirá unos $2.300 millones':
    a reported verb with no subject of its own, in the speaker's number,
    says what the speaker itself does."""
    below = ctx.governing_verb(number)
    if below is None or below.dep_ != "ccomp" or any(c.dep_.startswith("nsubj") for c in below.children):
        return None
    verb = below.head
    if verb.i not in ctx.verbs.attribution or below.morph.get("Number") != verb.morph.get("Number"):
        return None
    subject = next((c for c in verb.children if c.dep_.startswith("nsubj")), None)
    return _actor_name(ctx, subject, names) if subject is not None else None


def _verb_above(verb):
    token = verb.head
    for _ in range(4):
        if token is verb or token.head is token and token.pos_ not in ("VERB", "AUX"):
            return token if token.pos_ in ("VERB", "AUX") else None
        if token.pos_ in ("VERB", "AUX"):
            return token
        verb, token = token, token.head
    return None


def _actor_name(ctx: ClaimDocument, subject, names) -> str | None:
    lo, hi = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)
    inside = [n for n in names if lo <= n.start and n.end <= hi and n.label == "ORG" and not is_reporter(n)]
    head = _head_name(ctx, subject, inside)
    return head.canonical if head is not None else None


def _owner_of_noun(ctx: ClaimDocument, noun, name: NameMatch) -> bool:
    """A name hanging from the noun through 'de' phrases only."""
    if kinds_of_noun(ctx, noun.text):
        return False
    span = ctx.doc.char_span(name.start, name.end, alignment_mode="expand")
    token = span.root if span is not None else None
    while token is not None and token is not noun:
        if token.dep_ not in ("nmod", "flat", "flat:name", "compound") or token.head is token:
            return False
        token = token.head
    return token is noun


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
