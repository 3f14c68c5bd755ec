"""A claim's subject: the canonical name of what the number is about.

Strongest first:
- a figure set against the one before it ("una cifra que AWS rebaja a...")
  is about what that one was about;
- a system named before the number in its clause ("Colossus tiene 100.000 GPU");
- a figure set against another's ("frente al 85 % de NVIDIA") is that one's;
- what a body grants to someone ("concedió al proyecto 250 MW") is the recipient's;
- what a relative clause on the figure's phrase says "la compañía" does with
  it ("4.000 GPU, que la compañía alquilará") is that company's;
- a figure in the phrase describing a chip or a system ("el SN40L, un chip
  con 64 GB de HBM") is that hardware's;
- the name that is the grammatical subject of the verb governing the number
  (no wire agency or outlet: they report, they are not what is reported);
- the chip whose specification the number is ("Cada MI300X integra 192 GB");
- who announces a plan ("Meta prevé gastar...");
- a company named by its head-office town ("el gigante de Redmond");
- the name a relative clause's noun stands in apposition to ("Uco Obras
  S.R.L., una constructora que ya tiene 120 operarios"); such a remark moves
  neither the focus nor the subject carried on;
- what "la compañía", "la empresa", "el consorcio" refer to: the organisation
  the article is about at that point;
- a company or system named right after the number ("los 0,6 MW del
  FinisTerrae III"), a speaker reporting its own act, or who acts in a
  clause above (`actors.py`);
- the article's topic (`topic.py`) for a figure about "el proyecto", "el
  campus", "la primera etapa", "el sistema";
- an organisation named before the number in its clause, unless it hangs
  from another name or ends a list;
- the company that vouches for the figure by a reference ("según su
  informe anual", "según la compañía");
- the previous claim's subject, within its paragraph, unless another
  organisation states this figure in its own words;
- the article's topic, when the sentence names no one, is not about a
  sector, a market or a country, and quotes no one outside the company in
  the first person;
- the company a named person is known to lead ("la compañía de Mark Zuckerberg");
- else no subject.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice, takewhile
from typing import Callable

from pipeline.claims.actors import (
    apposed_doer, clause_actor, governing_name, grammatical_subject, in_first_person, in_relative_on, listed, quote_of, speaking_about_itself,
    speaking_for_us,
)
from pipeline.claims.document import ClaimDocument, has_possessive
from pipeline.claims.draft import ClaimDraft
from pipeline.claims.names import vendor_chip
from pipeline.claims.source import price_target, target_named
from pipeline.claims.reference import Discourse, is_company, is_public, is_reporter, is_system_noun, kinds_of_noun, referent, system_referent
from pipeline.numbers import NumberMatch
from pipeline.page.places import gazetteer


def subject_of(
    ctx: ClaimDocument, number: NumberMatch, s_names, c_names, draft: ClaimDraft, discourse: Discourse,
    org_of_person: Callable[[str], str | None],
) -> str | None:
    disputed = _disputed_by_another(ctx, number, draft, discourse)
    if disputed:
        return _chosen(draft, disputed, f"subject<-disputed:{disputed}")
    target = _price_target_of(ctx, number, draft, discourse)
    if target:
        return _chosen(draft, target, f"subject<-price-target:{target}")
    # Who reports a figure ("según Reuters", "la AIE estima que...") is not
    # what it is about, unless the figure is its own ("Nvidia reportó
    # ingresos de 91.200 millones": the reporting verb governs the number).
    if draft.source_role == "reporter" and not _reports_own_figure(ctx, number, draft) and not _acts(ctx, number, draft, c_names):
        c_names = [n for n in c_names if n.canonical != draft.source]
    c_names = [n for n in c_names if not is_reporter(n) and vendor_chip(ctx.text, ctx.names, n) is None and not _counted(ctx, number, n)]
    before = [n for n in c_names if n.end <= number.start]
    systems = [n for n in before if n.label == "HARDWARE" and n.kind == "system"]
    if systems:
        return _chosen(draft, systems[-1].canonical, f"subject<-system:{systems[-1].text}")
    compared = _compared_owner(ctx, number)
    if compared:
        return _chosen(draft, compared, f"subject<-owner:{compared}")
    if _going_rate(ctx, number):
        draft.cues.append("subject<-none:going-rate")
        return None
    granted = _granted_to(ctx, number, discourse)
    if granted:
        return _chosen(draft, granted, f"subject<-granted:{granted}")
    builder = _built_by(ctx, number, discourse)
    if builder:
        return _chosen(draft, builder, f"subject<-built-by:{builder}")
    referred = _referred_doer(ctx, number, discourse)
    if referred:
        return _chosen(draft, referred, f"subject<-referred-doer:{referred}")
    described = _described_hardware(ctx, number)
    if described:
        return _chosen(draft, described, f"subject<-described:{described}")
    issuer = _rule_issuer(ctx, number)
    if issuer:
        return _chosen(draft, issuer, f"subject<-issued-by:{issuer}")
    grammatical = grammatical_subject(ctx, number, c_names)
    if grammatical == "":
        draft.cues.append("subject<-none:several")
        return None
    if grammatical is not None:
        return _chosen(draft, grammatical, f"subject<-nsubj:{grammatical}")
    return _weaker(ctx, number, s_names, before, draft, discourse, org_of_person)


def _described_hardware(ctx: ClaimDocument, number: NumberMatch) -> str | None:
    """'el SN40L, un chip con 520 MB de SRAM', 'el WSE-3, un procesador con
    900.000 núcleos': a figure in the phrase that describes a chip or a
    system is that hardware's, whoever the clause's subject is; a count of
    the chips themselves ('64k GB200') is not."""
    span = ctx.doc.char_span(number.start, number.end, alignment_mode="expand")
    digits = next((t for t in span if t.like_num or t.pos_ == "NUM"), None) if span is not None else None
    token = digits.head if digits is not None else None
    if token is None or _hardware_at(ctx, token) is not None or _hardware_at(ctx, digits) is not None:
        return None
    for _ in range(_DESCRIBED_REACH):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return None
        token = token.head
        # "el chip más grande del mundo, el WSE-3, un procesador con...": the name may be the noun's apposition
        hardware = next(filter(None, (_hardware_at(ctx, t) for t in (token, *(c for c in token.children if c.dep_ == "appos")))), None)
        if hardware is not None:
            # "11.000 aceleradores GB200, con una carga de 60 MW": chips counted are a lot, whose figure is the deployment's
            counted = _COUNTED_BEFORE.search(ctx.text, max(0, hardware.start - 30), hardware.start)
            return None if counted else hardware.canonical
    return None


_DESCRIBED_REACH = 4  # heads from what the figure measures to the hardware it describes


def _hardware_at(ctx: ClaimDocument, token):
    return next((n for n in ctx.names if n.label == "HARDWARE" and n.start <= token.idx < n.end), None)


def _price_target_of(ctx: ClaimDocument, number: NumberMatch, draft: ClaimDraft, discourse: Discourse) -> str | None:
    """'Bankinter elevó su precio objetivo de 16 a 18,40 euros': a target for
    a company's shares is that company's figure (the one in view), the
    bank's estimate of it."""
    if not price_target(ctx, number, draft.sentence):
        return None
    company = target_named(ctx, draft.sentence) or discourse.carried or discourse.topic
    return company if company and company != draft.source else None


def _disputed_by_another(ctx: ClaimDocument, number: NumberMatch, draft: ClaimDraft, discourse: Discourse) -> str | None:
    """'una cifra que el sindicato rebaja a menos de 8 MW': a third party's
    figure set against another is about what that one was about."""
    found = ctx.cues.disputed.search(ctx.text, max(draft.sentence[0], number.start - 160), number.start)
    if not found or not discourse.previous or _disputes_its_own(ctx, found, discourse):
        return None
    return discourse.previous


def _disputes_its_own(ctx: ClaimDocument, found: re.Match, discourse: Discourse) -> bool:
    """'una cifra que Google rebaja a...', 'la compañía rebaja esa cifra':
    the article's company disputing a figure about itself is found by the
    usual rules."""
    verbs = [t for t in takewhile(lambda t: t.idx < found.end(), ctx.tokens_from(found.start())) if t.pos_ == "VERB"]
    subjects = [c for c in verbs[-1].children if c.dep_.startswith("nsubj") and "Rel" not in c.morph.get("PronType")] if verbs else []
    if not subjects:
        return False
    disputer = subjects[0]
    return "company" in kinds_of_noun(ctx, disputer.text) or any(
        n.canonical in (discourse.topic, discourse.focus) and n.start <= disputer.idx < n.end for n in ctx.names
    )


def _granted_to(ctx: ClaimDocument, number: NumberMatch, discourse: Discourse) -> str | None:
    """'Red Eléctrica concedió al proyecto 250 MW', 'la Conagua otorgó a la
    tecnológica 180.000 m3', 'le concedió 300 MW': what is granted is the
    recipient's figure (a name, the company a noun or a pronoun stands for,
    the project's owner), not the granting body's."""
    verb = ctx.governing_verb(number)
    if verb is None or not verb.lower_.startswith(ctx.cues.grant_verb_stems) or _where_granted(ctx, number, verb):
        return None
    # "le otorgó a Cuareim Tecnología...": the recipient named, before whom "le" stands for
    for child in verb.children:
        # (a name has no number to read: "otorgó a Tunal Datacenters")
        if any(k.dep_ == "case" and k.lower_ in ("a", "al") for k in child.children) and ("Sing" in child.morph.get("Number") or child.pos_ == "PROPN"):
            return _recipient(ctx, child, discourse)
    if any(child.lower_ in ("le", "les") and child.i < verb.i for child in verb.children):
        # whom the paragraph was about ("le concedió"); the focus is the granting body by now
        return discourse.carried or _topic_owner(ctx, discourse)
    return None


def _where_granted(ctx: ClaimDocument, number: NumberMatch, verb) -> bool:
    """'concedió al proyecto 450 MW en su subestación de Carmona, de 400 kV':
    a figure of the place where something is granted is no part of what is granted."""
    span = ctx.doc.char_span(number.start, number.end, alignment_mode="expand")
    token = span.root if span is not None else None
    while token is not None and token.i != verb.i and token.head.i != token.i:
        if any(c.dep_ == "case" and c.lower_ == "en" for c in token.children):
            return True
        token = token.head
    return False


def _built_by(ctx: ClaimDocument, number: NumberMatch, discourse: Discourse) -> str | None:
    """'una central geotérmica de 45 MW que construirá Geotérmica Tecapa', 'una
    línea de 230 kV que la empresa construirá': what a relative clause right
    after the figure says someone builds is the builder's figure."""
    that = _relative_after(ctx, number)
    verb = that.head if that is not None else None
    if verb is None or verb.i < that.i or not verb.dep_.startswith("acl") or not verb.lower_.startswith(ctx.cues.builder_verb_stems):
        return None  # "anunció el día 14 que construirá...": what is said, no relative clause
    subject = next((c for c in verb.children if c.dep_.startswith("nsubj") and c.i != that.i), None)
    if subject is not None and kinds_of_noun(ctx, subject.text):
        return referent(ctx, subject.text, subject.idx, discourse)  # "que la propia empresa tenderá hasta ... la CGE": the firm
    lo, hi = that.idx, verb.right_edge.idx + len(verb.right_edge.text)
    # not a chip's vendor: "que instalará 12.000 GPU de Nvidia" names who makes them, not who builds
    named = next((n for n in ctx.names if lo <= n.start < hi and n.label == "ORG" and not is_reporter(n)
                  and vendor_chip(ctx.text, ctx.names, n) is None), None)
    return named.canonical if named is not None else None


def _relative_after(ctx: ClaimDocument, number: NumberMatch):
    """The 'que' opening a relative clause on the figure's own phrase: no verb
    nor 'y' between ('..., y que instalará 11.500 GPU' is another clause),
    a comma only right before it ('Las Lomas, de 60 MW, que X opera'). The
    small model may tag that 'que' a conjunction of the relative's verb."""
    for t in ctx.tokens_from(number.end):
        following = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        comma_not_before_que = t.text == "," and (following is None or following.lower_ != "que")
        if t.idx >= number.end + 50 or t.text in ".;:" or t.pos_ in ("VERB", "AUX", "CCONJ") or comma_not_before_que:
            return None
        if t.lower_ == "que" and ("Rel" in t.morph.get("PronType") or t.head.dep_.startswith("acl")):
            return t
    return None


def _referred_doer(ctx: ClaimDocument, number: NumberMatch, discourse: Discourse) -> str | None:
    """'un clúster de unas 4.000 GPU H200, que la compañía alquilará por horas',
    '16.000 procesadores B200, que la compañía comprará a través de Dell': a
    relative clause on the figure's phrase whose subject is "la compañía",
    "la empresa" says whose the figure is, whatever it does with it."""
    phrase = list(takewhile(lambda t: t.idx < number.end + 40 and t.text not in ".;:" and t.pos_ not in ("VERB", "AUX", "CCONJ"),
                            ctx.tokens_from(number.end)))
    that = next((t for t in phrase if t.lower_ == "que" and t.head.i > t.i and t.head.dep_.startswith("acl")), None)
    if that is None or that.head.head.left_edge.idx > number.start:
        return None  # "..., una cifra que la compañía rebaja a 12": a relative on another noun than the figure's
    subject = next((c for c in that.head.children if c.dep_.startswith("nsubj") and c.i != that.i), None)
    if subject is None or "company" not in kinds_of_noun(ctx, subject.text) or subject.i > that.head.i:
        return None
    return referent(ctx, subject.text, subject.idx, discourse)


def _recipient(ctx: ClaimDocument, token, discourse: Discourse) -> str | None:
    named = next((n for n in ctx.names if n.start <= token.idx < n.end and n.label == "ORG"), None)
    if named is not None:
        return named.canonical
    if kinds_of_noun(ctx, token.text):
        return referent(ctx, token.text, token.idx, discourse) or discourse.focus
    return _topic_owner(ctx, discourse) if token.pos_ == "NOUN" else None


def _counted(ctx: ClaimDocument, number: NumberMatch, name) -> bool:
    """'se instalarán unas 16.000 GPU B200', 'instalará 4.096 GPU B200 y
    1.024 aceleradores MI325X': chips named after a count or a price are
    what is counted or bought, the claim's hardware; the figure is about
    whoever installs them ('El 910C une dos 910B': the chip before is)."""
    return number.label in ("CARDINAL", "MONEY") and name.label == "HARDWARE" and name.kind == "chip" and name.start > number.end


def _acts(ctx: ClaimDocument, number: NumberMatch, draft: ClaimDraft, names) -> bool:
    """'Andes Cómputo alquilará capacidad a US$ 2,10 por hora, según estimó
    la empresa', 'El MinTIC cofinanciará la primera fase con $95.000
    millones, según informó la cartera': an organisation that is the
    subject of the figure's own verb is what the figure is about, even when
    it also reports it. A public body that 'tiene registrados 14 proyectos'
    or 'analiza tres solicitudes' reports others' figures."""
    verb = ctx.governing_verb(number)
    speaker = next((n for n in names if n.label == "ORG" and n.canonical == draft.source), None)
    if speaker is None or verb is None or verb.i in ctx.verbs.attribution:
        return False
    if not is_company(speaker) and verb.lower_ in ctx.cues.tally_verbs:
        return False
    return grammatical_subject(ctx, number, names) == draft.source


def _reports_own_figure(ctx: ClaimDocument, number: NumberMatch, draft: ClaimDraft) -> bool:
    verb = ctx.governing_verb(number)
    return (verb is not None and verb.i in ctx.verbs.attribution and f"source<-verb:{verb.text}" in draft.cues
            and not _in_reported_clause(ctx, number, verb))


def _in_reported_clause(ctx: ClaimDocument, number: NumberMatch, verb) -> bool:
    """'estima que el sector da empleo a unas 7.300 personas': a figure inside
    the 'que' clause a verb of saying governs is what is reported, even where
    the small model misreads the clause's own verb ('da' as a preposition)."""
    span = ctx.doc.char_span(number.start, number.end, alignment_mode="expand")
    token = span.root if span is not None else None
    while token is not None and token.i != verb.i and token.head.i != token.i:
        if token.dep_ == "ccomp" or any(c.dep_ == "mark" and c.lower_ == "que" for c in token.children):
            return True
        token = token.head
    return False


# a count before a chip's name: "768 GPU H200 de Nvidia", "unas 16.000 GPU B200", "1.024 MI300X"
_COUNTED_BEFORE = re.compile(r"\d(?:[\d.,]|\s(?=\d))*\s+(?:[A-Za-z]+\s+){0,2}$")


def _weaker(ctx: ClaimDocument, number, s_names, before, draft: ClaimDraft, discourse: Discourse, org_of_person) -> str | None:
    chips = [n for n in before if n.label == "HARDWARE" and n.kind == "chip"]
    if chips and _COUNTED_BEFORE.search(ctx.text, max(0, chips[-1].start - 30), chips[-1].start) and not draft.hardware:
        chips = []  # "un clúster de 768 GPU H200 ..., con unos 25 petaflops": the whole lot's figure, no one chip's
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


def _speakers_firm(ctx: ClaimDocument, company, draft: ClaimDraft, discourse: Discourse, org_of_person) -> str | None:
    """'La ejecutiva precisó que la empresa pasó de 18 a 57 trabajadores': in
    what a firm's officer reports, "la empresa" is that officer's firm, not
    the supplier named last."""
    if company.group(0).split()[-1].lower() not in ctx.cues.generic_company_nouns:
        return None
    employer = _speakers_employer(draft, discourse, org_of_person)
    if any(discourse.posts.get(start) == draft.source for start in discourse.outside_posts):
        return None  # an analyst's or economist's firm is not the one "la empresa" means
    return employer if employer is not None and any(n.canonical == employer and is_company(n) for n in ctx.names) else None


def _speakers_employer(draft: ClaimDraft, discourse: Discourse, org_of_person) -> str | None:
    """Whom the person a verb of saying quotes works for, as the catalogue or the article says."""
    if draft.source is None or not any(c.startswith("source<-verb:") for c in draft.cues):
        return None
    return org_of_person(draft.source) or discourse.employers.get(draft.source)


def _whole_system(ctx: ClaimDocument, number: NumberMatch, draft: ClaimDraft) -> bool:
    """'el clúster tendría unos 80 petaflops', 'El sistema ... alcanzará 38
    Pflop/s': the machine's figure, not its chips', when a system noun opens
    the clause before the number."""
    project = ctx.cues.project_reference.search(ctx.text, draft.sentence[0], number.start)
    return bool(project) and is_system_noun(project.group(0).split()[-1])


def _by_reference(ctx: ClaimDocument, number, s_names, before, draft: ClaimDraft, discourse: Discourse, org_of_person=lambda name: None) -> str | None:
    """Who the sentence names the figure's subject by, then what the context makes it."""
    named = _by_naming(ctx, number, draft, discourse, org_of_person)
    if named is None:
        named = _by_context(ctx, number, s_names, before, draft, discourse, org_of_person)
    if named is None:
        led = _company_of_person(ctx, draft.sentence[0], number.start, org_of_person)
        named = _chosen(draft, led, f"subject<-led-by:{led}") if led else None
    return named or None


def _by_naming(ctx: ClaimDocument, number, draft: ClaimDraft, discourse: Discourse, org_of_person) -> str | None:
    """An epithet, a reference noun, a generic subject ('' for nobody), a
    named owner, the speaker's own act, or who acts in the clause above."""
    text, sentence = ctx.text, draft.sentence
    named = _by_epithet(ctx, sentence[0], number.start)
    if named:
        return _chosen(draft, named, f"subject<-epithet:{named}")
    regional = _regional_government(ctx, ctx.clause(sentence, number)[0], number.start)
    if regional:
        return _chosen(draft, regional, f"subject<-regional-government:{regional}")
    apposed = apposed_doer(ctx, number, ctx.names)
    if apposed:
        return _chosen(draft, apposed, f"subject<-apposed:{apposed}")
    company = next((m for m in ctx.cues.company_reference.finditer(text, sentence[0], number.start) if not _apposed(ctx, m.start(), number)), None)
    named = company and (_speakers_firm(ctx, company, draft, discourse, org_of_person)
                         or referent(ctx, company.group(0).split()[-1], company.start(), discourse) or discourse.topic)
    if named:
        return _chosen(draft, named, f"subject<-reference:{company.group(0)}")
    operator = _operators_network(ctx, number, draft)
    if operator:
        return _chosen(draft, operator, f"subject<-network-operator:{operator}")
    body = _acting_body(ctx, number, discourse)
    if body:
        return _chosen(draft, body, f"subject<-acting-body:{body}")
    if ctx.generic_subject(number):
        draft.cues.append("subject<-none:generic")
        return ""
    owner = _owner_after(ctx, number)
    if owner:
        return _chosen(draft, owner, f"subject<-owner:{owner}")
    # what an unnamed party is said to have done ("un hiperescalador habría reservado el 70 %
    # de la capacidad") is about the company the rumour concerns
    if draft.modality != "alleged" and ctx.any_one_subject(number):
        draft.cues.append("subject<-none:any-one")
        return ""
    itself = speaking_about_itself(ctx, number, ctx.names)
    if itself:
        return _chosen(draft, itself, f"subject<-speaker-itself:{itself}")
    ours = speaking_for_us(ctx, number, draft.source, org_of_person)
    if ours:
        return _chosen(draft, ours, f"subject<-speaker-we:{ours}")
    actor = clause_actor(ctx, number, ctx.names, discourse)
    if actor and not (actor == draft.source and draft.source_role == "reporter" and not _relative_on(ctx, number, actor)):
        return _chosen(draft, actor, f"subject<-actor:{actor}")
    return None


def _relative_on(ctx: ClaimDocument, number: NumberMatch, name: str) -> bool:
    """'de acuerdo con la Tesorería Municipal, que hoy recauda 118 mdp
    anuales': a relative clause on the body a 'según' cites tells what that
    body itself does."""
    verb = ctx.governing_verb(number)
    subject = next((c for c in verb.children if c.dep_.startswith("nsubj")), None) if verb is not None else None
    if subject is None or "Rel" not in subject.morph.get("PronType") or not verb.dep_.startswith("acl"):
        return False
    return any(n.canonical == name and n.start <= verb.head.idx < n.end for n in ctx.names)


def _apposed(ctx: ClaimDocument, start: int, number: NumberMatch) -> bool:
    """'presentadas ante Red Eléctrica y Endesa, la eléctrica controlada por
    Enel, suman 3 GW': a noun right after a name met after a preposition (or
    joined to one) says what that name is; when the aside closes before the
    figure, it is no mention of who acts."""
    apposed = next((n for n in ctx.names if n.end <= start and n.label == "ORG" and ctx.text[n.end : start].strip() == ","), None)
    return apposed is not None and _named_as_addressee(ctx, apposed) and _ASIDE_CLOSED.search(ctx.text, start, number.start) is not None


def _named_as_addressee(ctx: ClaimDocument, name) -> bool:
    """Named after 'ante', 'a', 'con'... ('presentadas ante Red Eléctrica'), or joined by 'y' to one so named."""
    partner = next((n for n in ctx.names if n.end < name.start and re.fullmatch(r"\s+[ye]\s+", ctx.text[n.end : name.start])), None)
    return any(_ADDRESSED.search(ctx.text, max(0, n.start - 16), n.start) for n in filter(None, (name, partner)))


# a comma that ends the aside, not one that opens its relative clause (", la sociedad participada por X, que prevé...")
_ASIDE_CLOSED = re.compile(r",(?!\s*(?:que|quien|quienes|cuy[oa]s?)(?![^\W_]))")
_ADDRESSED = re.compile(r"(?<![^\W_])(?:ante|a|al|con|frente\s+a|contra|para)\s+(?:(?:el|la|los|las)\s+)?$", re.IGNORECASE)


def _operators_network(ctx: ClaimDocument, number: NumberMatch, draft: ClaimDraft) -> str | None:
    """'La ENEE advirtió que la subestación Amarateca opera ya al 78 %', 'Red
    Eléctrica recuerda que la red de transporte vasca dispone de 1.100 MW':
    what a grid or water company says of a network it runs is its own
    figure; not what a regulator, a coordinator or a guild says of one, nor
    a network whose phrase names another owner ('la subestación Escuintla
    II, del INDE')."""
    noun = ctx.subject_token(number)
    if noun is None or noun.lower_ not in ctx.cues.network_nouns:
        return None
    speaker = _network_speaker(ctx, draft)
    if speaker is None or not _runs_networks(ctx, speaker):
        return None
    lo, hi = noun.idx, noun.right_edge.idx + len(noun.right_edge.text)
    return None if any(lo <= n.start < hi and n.label == "ORG" for n in ctx.names) else speaker.canonical


def _network_speaker(ctx: ClaimDocument, draft: ClaimDraft):
    """The organisation that tells of the network: the one that speaks, or
    the one a 'Según' cites ('Según la Empresa de Transmisión Eléctrica, la
    subestación...'). A person's employer is not taken: an engineer of a
    generator speaks of lines the firm does not run."""
    according = any(c.startswith("source<-according:") and "+" not in c for c in draft.cues)
    if draft.source is None or (draft.source_role != "speaker" and not according):
        return None
    return next((n for n in ctx.names if n.canonical == draft.source and n.label == "ORG"), None)


def _runs_networks(ctx: ClaimDocument, name) -> bool:
    words = f"{name.canonical} {name.text}"
    return ctx.cues.network_operator.search(words) is not None and ctx.cues.network_overseer.search(words) is None


def _acting_body(ctx: ClaimDocument, number: NumberMatch, discourse: Discourse) -> str | None:
    """'con el que la dependencia busca atraer inversiones por 4.500
    millones', 'el organismo invertirá 300 millones': a public body named by
    its noun as the subject of the figure's own verb (or of the verb it
    completes) acts, and the figure is its own; one that reports ('el
    organismo informó...') or whose noun is a company's too is left to the
    other rules."""
    verb = ctx.governing_verb(number)
    while verb is not None and not any(c.dep_.startswith("nsubj") for c in verb.children) and verb.dep_ == "xcomp":
        verb = verb.head
    if verb is None or verb.i in ctx.verbs.attribution:
        return None
    subject = next((c for c in verb.children if c.dep_.startswith("nsubj")), None)
    if subject is not None and "Rel" in subject.morph.get("PronType") and verb.dep_ in ("acl", "acl:relcl"):
        subject = verb.head  # "El gremio, que agrupa a 38 operadores": the noun the relative clause is on
    if subject is None or subject.pos_ != "NOUN" or kinds_of_noun(ctx, subject.text) != ("public",) or subject.lower_ in ctx.cues.project_nouns:
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("el", "la") for c in subject.children):
        return None
    inside = [n for n in ctx.names if subject.idx < n.start <= subject.right_edge.idx and n.label == "ORG"]
    if inside:
        return inside[0].canonical  # "La asamblea del Ejido La Victoria aprobó arrendar 800 hectáreas"
    if any(c.dep_ == "amod" and c.lower_ not in ctx.cues.government_level_words for c in subject.children):
        return None  # "La cartera oficial suma 34 proyectos": a portfolio, not the ministry; "la institución provincial" is a body
    # "El regulador lo fija en...": the body named before, or the public body the article is about
    body = referent(ctx, subject.text, subject.idx, discourse) or (discourse.topic if discourse.topic and _public_body(ctx, discourse.topic) else None)
    # "el ministerio" is a Ministerio named before; "el centro" with none is the project, not a body
    heads = ("",) if subject.lower_ in ctx.cues.generic_public_nouns else (subject.text.capitalize(),)
    return body if body and any(n.canonical == body and is_public(n) and n.text.startswith(heads) for n in ctx.names) else None


def _by_context(ctx: ClaimDocument, number, s_names, before, draft: ClaimDraft, discourse: Discourse, org_of_person=lambda name: None) -> str | None:
    """A project or system noun, an organisation before the number ('' when
    it ends a list), the previous claim's subject, or the article's topic."""
    project = ctx.cues.project_reference.search(ctx.text, draft.sentence[0], draft.sentence[1])
    system = project and system_referent(ctx, project.group(0).split()[-1], project.start())
    if system:
        return _chosen(draft, system, f"subject<-system:{project.group(0)}")
    owner = project and (_owner_in_phrase(ctx, project) or _owner_in_relative(ctx, project, discourse) or _topic_owner(ctx, discourse))
    if owner:
        return _chosen(draft, owner, f"subject<-project:{project.group(0)}")
    orgs = [n for n in before if is_company(n) and not ctx.after_preposition(n) and not ctx.unnamed_voice_of(n) and governing_name(ctx, n, before) is None
            and not _outside_post(n, draft, discourse) and not in_relative_on(ctx, n, before) and not _parent_in_aside(ctx, n, before)]
    if orgs and listed(ctx, orgs[-1], before):
        draft.cues.append("subject<-none:several")
        return ""
    if orgs:
        return _chosen(draft, orgs[-1].canonical, f"subject<-org:{orgs[-1].text}")
    possessor = _possessive_speaker(ctx, number, draft)
    if possessor:
        return _chosen(draft, possessor, f"subject<-possessor:{possessor}")
    documented = _documented_by(ctx, draft)
    if documented:
        return _chosen(draft, documented, f"subject<-documented-by:{documented}")
    if _about_a_place(ctx, number):
        draft.cues.append("subject<-none:place")
        return ""
    if _a_rule_says(ctx, number):
        draft.cues.append("subject<-none:rule")
        return ""
    if discourse.carried is not None and not _voice_turns_away(ctx, number, draft, discourse) and not _civic_voice(ctx, draft, discourse, org_of_person) \
            and draft.source not in discourse.outsiders and not _hardware_on_another_matter(ctx, number, draft, discourse.carried) \
            and not _of_another_matter(ctx, number):
        return _chosen(draft, discourse.carried, "subject<-previous")
    if discourse.in_sentence[0] == draft.sentence and discourse.in_sentence[1] and not _own_subject(ctx, number) \
            and not (draft.modality == "estimated" and _org_of(draft.source, s_names, org_of_person) == discourse.in_sentence[1]):
        return _chosen(draft, discourse.in_sentence[1], "subject<-same-sentence")
    if _topic_owner(ctx, discourse) and not any(_may_act(ctx, n) for n in s_names) and not _outsider_speaks(draft, discourse, org_of_person) \
            and not _civic_voice(ctx, draft, discourse, org_of_person) and not _unrelated_subject(ctx, number) \
            and not _someone_elses_words(ctx, number, draft, discourse, org_of_person) and not _writer_of_self(ctx, number):
        return _chosen(draft, discourse.topic, "subject<-topic")
    if _topic_owner(ctx, discourse) and any(n.canonical == discourse.topic and not _BESIDE.search(ctx.text, max(0, n.start - 16), n.start) for n in s_names):
        return _chosen(draft, discourse.topic, "subject<-topic-named")  # "una diferencia que para Andesnube supondría..."
    return None


_ACCORDING_BEFORE = re.compile(r"(?<![^\W_])(?:según|de\s+acuerdo\s+(?:con|a))\s+(?:(?:el|la|los|las)\s+)?$", re.IGNORECASE)
_COMPARED = re.compile(r"(?:frente|comparad[oa]s?\s+con|en\s+comparación\s+con|contra)\s+(?:a\s+|al\s+|a\s+los\s+|a\s+las\s+|los\s+|las\s+|el\s+|la\s+)?(?:casi\s+|cerca\s+del?\s+|unos\s+|unas\s+)?(?:el\s+|la\s+|los\s+|las\s+)?$")


def _may_act(ctx: ClaimDocument, name) -> bool:
    """A name the sentence may be about: a system, an organisation that
    speaks ('según X') or acts; not a chip ('512 GPU B200'), nor its vendor
    ('de Nvidia'), nor one met after a preposition ('firmado con Colbún')."""
    if name.label != "ORG":
        return name.kind == "system"  # a person speaks for someone; the topic may still be what they speak of
    if _ACCORDING_BEFORE.search(ctx.text, max(0, name.start - 20), name.start):
        return True  # "Según la Municipalidad de Colina, 14 sistemas...": the sentence reports its figures
    return not ctx.after_preposition(name) and vendor_chip(ctx.text, ctx.names, name) is None


def _parent_in_aside(ctx: ClaimDocument, name, names) -> bool:
    """'i-DE, la distribuidora de Iberdrola, construirá...': the house named
    in an aside on another name is that one's parent, not who acts."""
    return any(m.end < name.start and m.label == "ORG" and _ASIDE_OF.fullmatch(ctx.text, m.end, name.start) for m in names)


# ", la distribuidora de", ", filial del grupo": an aside that names whose the name before it is
_ASIDE_OF = re.compile(r"\s*,\s*(?:(?:la|el|una|un)\s+)?[a-záéíóúñ]+(?:\s+[a-záéíóúñ]+)?\s+(?:de|del)\s+(?:(?:la|el)\s+)?(?:grupo\s+)?")


def _outside_post(name, draft: ClaimDraft, discourse: Discourse) -> bool:
    """'Para el economista de Macroconsult Diego Salinas, la inversión podría
    sumar...', 'Braulio Yépez, de Acción Ciudadana (AC), recordó que...': the
    post of a speaker from outside the firm in view tells who speaks, not
    what the figure is about."""
    return (draft.source is not None and discourse.posts.get(name.start) == draft.source
            and name.canonical not in (discourse.focus, discourse.topic))


def _outsider_speaks(draft: ClaimDraft, discourse: Discourse, org_of_person) -> bool:
    """'..., dijo Mariela Quintero, presidenta de la cámara': a person of
    another organisation speaks of their own matter, not of the article's company."""
    if draft.source in discourse.outsiders:
        return True  # "contó la vecina Norma Peretti": her own matter
    employer = _speakers_employer(draft, discourse, org_of_person)
    return employer is not None and employer != discourse.topic


def _someone_elses_words(ctx: ClaimDocument, number: NumberMatch, draft: ClaimDraft, discourse: Discourse, org_of_person) -> bool:
    """'«Hemos perdido 700 vecinos en quince años», defendió el alcalde': a
    person quoted in the first person, who works for no one the article
    names as its company, speaks of their own matter."""
    person = draft.source is not None and any(n.canonical == draft.source and n.label == "PER" for n in ctx.names)
    if not person or not in_first_person(ctx, number):
        return False
    return (org_of_person(draft.source) or discourse.employers.get(draft.source)) != discourse.topic


_CIVIC = frozenset({"union", "civil", "party", "university"})


def _civic_voice(ctx: ClaimDocument, draft: ClaimDraft, discourse: Discourse, org_of_person) -> bool:
    """'ASAJA calcula que se perderán 380 hectáreas', 'dijo el secretario
    general del gremio': a union's, a civic group's, a party's or a
    university's figures are about their own matter, not the article's company."""
    if draft.source is None:
        return False
    voice = _org_of(draft.source, ctx.names, org_of_person) or discourse.employers.get(draft.source)
    return any(n.canonical == voice and n.label == "ORG" and n.category in _CIVIC for n in ctx.names)


def _possessive_speaker(ctx: ClaimDocument, number: NumberMatch, draft: ClaimDraft) -> str | None:
    """'Cambricon reportó que sus ingresos saltaron a 4.600 millones', 'Según
    la comunidad de regantes, sus 340 socios...', 'Lumora invertirá... donde
    su plantilla pasará de 420 a 1.100': a figure of something owned ('su',
    'sus') is the organisation's named last before it in the sentence."""
    subject = ctx.subject_token(number)
    if subject is None or not has_possessive(subject):
        return None
    owners = [n for n in ctx.names if draft.sentence[0] <= n.start and n.end <= subject.idx and n.label == "ORG" and not is_reporter(n)
              and (not ctx.after_preposition(n) or _ACCORDING_BEFORE.search(ctx.text, max(0, n.start - 20), n.start))]
    return owners[-1].canonical if owners else None


def _documented_by(ctx: ClaimDocument, draft: ClaimDraft) -> str | None:
    """'según su informe anual', 'según la compañía', 'según una presentación
    de la compañía': a company vouching for a figure through its own papers
    or a reference noun speaks of its own business, more surely than the
    subject carried from the claim before; a public body's or a guild's
    figures ('según el organismo') are often about others."""
    if not any(c.startswith("source<-according:") and c.endswith("+reference") for c in draft.cues):
        return None
    vouching = [n for n in ctx.names if n.canonical == draft.source and is_company(n)]
    return draft.source if vouching and not any(_analyst_firm(ctx, n) for n in vouching) else None


def _analyst_firm(ctx: ClaimDocument, name) -> bool:
    """'la consultora Ostrand Partners': a firm that studies a market for others."""
    before = ctx.text[max(0, name.start - 30) : name.start].lower().split()
    return any(" ".join(before[-len(noun.split()):]) == noun for noun in ctx.cues.analyst_firm_nouns)


_EXISTENTIAL = frozenset({"hay", "había", "habrá", "existen", "operan", "funcionan"})


def _about_a_place(ctx: ClaimDocument, number: NumberMatch) -> bool:
    """'Japón ha asignado ¥5,7 billones', 'En España hay unos 1,6 GW', 'Hoy
    operan en Chile cerca de 30 data centers': a country's or a region's
    figure, no company's; what came before does not carry to it."""
    subject = _antecedent(ctx.subject_token(number))
    named = subject is not None and any(n.start <= subject.idx < n.end for n in ctx.names)
    if subject is not None and subject.pos_ == "PROPN" and not named and _a_place(subject):
        return not _owned_after(ctx, number)  # not "Atlántida pagará", the firm named after a town
    verb = ctx.governing_verb(number)
    if verb is None or verb.lower_ not in _EXISTENTIAL:
        return False
    return any(c.dep_ == "obl" and gazetteer().is_place(_phrase(c)) and any(k.lower_ == "en" for k in c.children) for c in verb.children)


def _antecedent(subject):
    """'..., con Querétaro, que concentra más de la mitad': the name a relative
    'que' stands for (not the last of a list, 'clientes en Chile y Uruguay, que
    explican el 30 %', where the small model often hangs it on the wrong word)."""
    if subject is None or subject.lower_ != "que" or not subject.head.dep_.startswith("acl"):
        return subject
    antecedent = subject.head.head
    listed = antecedent.dep_ == "conj" or any(c.dep_ == "conj" for c in antecedent.children)
    return antecedent if antecedent.i != subject.head.i and not listed else subject


def _owned_after(ctx: ClaimDocument, number: NumberMatch) -> bool:
    """'China aportó 17.100 millones a las ventas de NVIDIA': the company the figure belongs to."""
    end = ctx.clause(ctx.sentence_of(number), number)[1]
    return any(is_company(n) and number.end < n.start < end and ctx.text[max(0, n.start - 4) : n.start].rstrip().endswith(("de", "del")) for n in ctx.names)


def _a_place(token) -> bool:
    """'Nuevo León', and 'El Alto', 'La Serena', whose article is part of the town's name."""
    article = next((c for c in token.children if c.dep_ == "det" and c.text[:1].isupper() and c.i == token.i - 1), None)
    return gazetteer().is_place(_phrase(token)) or (article is not None and gazetteer().is_place(f"{article.text} {_phrase(token)}"))


def _phrase(token) -> str:
    """A name's words: the token and what hangs from it as its name ('Nuevo León')."""
    words = [token, *(c for c in token.children if c.dep_ in ("flat", "flat:name", "compound"))]
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


def _hardware_on_another_matter(ctx: ClaimDocument, number: NumberMatch, draft: ClaimDraft, carried: str) -> bool:
    """'Allí instalará 4.096 GPU B200..., un pedido que habría costado unos 190
    millones': a chip the claim before was about measures; it costs, counts or
    lasts nothing of the next one's. 'Según Meta, el modelo de 405.000
    millones de parámetros se entrenó...': what an organisation says next is
    not about the machine named before, unless the clause names it again or
    is about one thing of its own ('según el centro, la partición rinde...')."""
    hardware = [n for n in ctx.names if n.canonical == carried and n.label == "HARDWARE"]
    if not hardware:
        return False
    sentence = ctx.sentence_of(number)
    named_again = any(sentence[0] <= n.start < sentence[1] for n in hardware)
    org_speaks = any(n.canonical == draft.source and n.label == "ORG" for n in ctx.names)
    if org_speaks and not named_again and not _about_its_own(ctx, number):
        return True
    return number.label != "QUANTITY" and any(n.kind == "chip" for n in hardware)


def _new_voice(ctx: ClaimDocument, draft: ClaimDraft, carried: str, discourse: Discourse | None = None) -> bool:
    """'Red Eléctrica calcula que las peticiones superan los 60 GW': another
    organisation stating a figure in its own words turns to its own
    matter; the subject of the claim before does not carry over to it."""
    if not (draft.source and draft.source != carried):
        return False
    if any(c.startswith("source<-according:") for c in draft.cues):
        return _public_voice(ctx, draft.source)
    if not any(c.startswith("source<-verb:") for c in draft.cues):
        return False
    employer = discourse.employers.get(draft.source) if discourse is not None else None
    return any(n.canonical == draft.source and n.label == "ORG" for n in ctx.names) or (employer is not None and employer != carried)


def _voice_turns_away(ctx: ClaimDocument, number: NumberMatch, draft: ClaimDraft, discourse: Discourse) -> bool:
    return _new_voice(ctx, draft, discourse.carried, discourse) and not _goes_on_about_it(ctx, number, draft)


def _goes_on_about_it(ctx: ClaimDocument, number: NumberMatch, draft: ClaimDraft) -> bool:
    """'la Subtel calcula que la capacidad del cable equivale a casi 30
    veces...', 'según el centro, la partición rinde 14 Pflop/s': another
    voice's figure is still the one in view's when the clause is about one
    thing of its own (its capacity, its contract, its bill), not about a
    sector, a place or things at large ('esos proyectos', 'el consumo de los
    centros de datos en Cataluña', 'el gasto europeo'). A company that
    speaks is about its own things ('precisó Andesnube')."""
    if any(n.canonical == draft.source and is_company(n) for n in ctx.names):
        return False
    return _about_its_own(ctx, number)


def _about_its_own(ctx: ClaimDocument, number: NumberMatch) -> bool:
    """A clause whose subject is one thing already in view ('la capacidad del
    cable', 'su factura', 'la partición'), not things at large."""
    subject = ctx.subject_token(number)
    if subject is None or subject.pos_ != "NOUN" or "Plur" in subject.morph.get("Number") or number.start <= subject.idx < number.end:
        return False
    if subject.lower_ not in ctx.cues.own_attribute_nouns and subject.lower_ not in ctx.cues.project_nouns:
        return False
    determined = any(c.dep_ == "det" and c.lower_ in _THE_ONE for c in subject.children) or has_possessive(subject)
    return determined and not _widened(ctx, subject, number)


# the article, a possessive or a demonstrative: one thing already in view, not "una planta"
_THE_ONE = frozenset({"el", "la", "su", "este", "esta", "ese", "esa"})


def _widened(ctx: ClaimDocument, subject, number: NumberMatch) -> bool:
    """'el consumo de los centros de datos en Cataluña', 'el gasto europeo',
    'el agua de la ría': a noun made a sector's, a place's or another
    thing's by what hangs from it ('la capacidad del cable' stays)."""
    lo, hi = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)
    if any(lo <= n.start < hi for n in ctx.names):
        return True
    # "la capacidad instalada en la provincia": what hangs from the noun's own modifiers counts too
    return any(_widening(ctx, t) for t in subject.subtree if t.i != subject.i and not t.left_edge.idx <= number.start <= t.right_edge.idx)


def _widening(ctx: ClaimDocument, modifier) -> bool:
    if modifier.dep_ == "amod":
        return modifier.lower_ in ctx.cues.sector_wide_adjectives or modifier.lower_ in gazetteer().country_of_demonym
    if modifier.dep_ not in ("nmod", "obl") or modifier.pos_ not in ("NOUN", "PROPN"):
        return False
    if modifier.head.like_num or any(c.dep_ == "nummod" for c in (*modifier.children, *modifier.head.children)):
        return False  # "El contrato, por $148.600 millones (unos US$ 36 millones)": an amount or its sign, no other thing
    own = modifier.lower_ in ctx.cues.own_attribute_nouns or modifier.lower_ in ctx.cues.project_nouns
    return "Plur" in modifier.morph.get("Number") or not own


def _public_voice(ctx: ClaimDocument, source: str) -> bool:
    """'según la Junta', 'según datos del ministerio': a public body's figures
    are most often about a sector or a region, not the firm of the claim before."""
    return any(n.canonical == source and is_public(n) for n in ctx.names)


def _own_subject(ctx: ClaimDocument, number: NumberMatch) -> bool:
    """'mientras que el Banco Central calculó que los apagones costaron...':
    a later clause with a subject of its own (not a relative pronoun, not
    the number itself as in 'de los cuales 250 MW llegarán')."""
    subject = ctx.subject_token(number)
    return subject is not None and "Rel" not in subject.morph.get("PronType") and not number.start <= subject.idx < number.end


# "presentadas ante Red Eléctrica", "frente a Intel": named beside the figure, not as whose it is
_BESIDE = re.compile(r"(?<![^\W_])(?:ante|según|frente\s+a|contra|con)\s+(?:(?:el|la|los|las|al)\s+)?$", re.IGNORECASE)


def _compared_owner(ctx: ClaimDocument, number: NumberMatch) -> str | None:
    """'AMD tiene el 8 %, frente al 85 % de NVIDIA': the figure set against
    the subject's is the other company's, whatever verb governs both."""
    if not _COMPARED.search(ctx.text[max(0, number.start - 40) : number.start]):
        return None
    return _owner_after(ctx, number)


def _going_rate(ctx: ClaimDocument, number: NumberMatch) -> bool:
    """'frente a los $712 por kWh que paga en promedio la gran industria':
    a figure set against what others at large pay or use is nobody's."""
    if not _COMPARED.search(ctx.text[max(0, number.start - 40) : number.start]) or not re.match(r"\s+que\s", ctx.text[number.end : number.end + 6]):
        return False
    verb = next((t for t in islice(ctx.tokens_from(number.end), 8) if t.pos_ in ("VERB", "AUX")), None)
    # the small model often reads a subject after its verb as the object ("que paga la gran industria")
    doers = [c for c in verb.children if c.dep_.startswith("nsubj") or c.dep_ == "obj"] if verb is not None else []
    return any(c.lower_ in ctx.cues.others_who_pay for c in doers)


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


def _regional_government(ctx: ClaimDocument, start: int, end: int) -> str | None:
    """'el gobierno estatal invertirá 3 mil 500 millones': the state's
    government the article named before ('Gobierno de Nuevo León'), not the
    country's."""
    found = ctx.cues.regional_government.search(ctx.text, start, end)
    if not found:
        return None
    heads = ctx.cues.regional_government_heads
    named = [n for n in ctx.names if n.end <= found.start() and n.label == "ORG" and n.text.startswith(heads) and n.canonical not in _national_governments()]
    return named[-1].canonical if named else None


@lru_cache(maxsize=1)
def _national_governments() -> frozenset[str]:
    return frozenset(f"Government of {c.english}" for c in gazetteer().countries.values())


def _by_epithet(ctx: ClaimDocument, start: int, end: int) -> str | None:
    """'el gigante de Redmond': the company named by its head-office town, when the article names it."""
    found = ctx.cues.epithets.search(ctx.text, start, end)
    if not found:
        return None
    canonical = ctx.cues.epithet_names[found.group("town").lower()]
    return canonical if any(n.canonical == canonical for n in ctx.names) else None


_OF_PERSON = re.compile(r"(?<![^\W_])(?:la|el)\s+(?:compañía|empresa|firma|tecnológica|startup|laboratorio)\s+de\s+$", re.IGNORECASE)


def _company_of_person(ctx: ClaimDocument, start: int, end: int, org_of_person) -> str | None:
    """'La compañía de Mark Zuckerberg prevé invertir...': the company the person is known to lead."""
    for name in ctx.names:
        if start <= name.start < end and name.label == "PER" and _OF_PERSON.search(ctx.text, max(0, name.start - 30), name.start):
            return org_of_person(name.canonical)
    return None


def _topic_owner(ctx: ClaimDocument, discourse: Discourse) -> str | None:
    topic = discourse.topic
    return topic if topic and not _public_body(ctx, topic) else None


def _public_body(ctx: ClaimDocument, canonical: str) -> bool:
    """A regulator or ministry an article is about reports the figures of
    others ("la UPME informó..."): it is the topic "la entidad" points back
    to, but not what every unattached figure is about. A state-owned firm
    ("el ente", "la estatal") reports its own business, as a company does."""
    return any(n.canonical == canonical and is_public(n) for n in ctx.names) and not _about_a_state_firm(ctx.text)


@lru_cache(maxsize=8)
def _about_a_state_firm(text: str) -> bool:
    """Asked for every claim of an article: its text is read once."""
    return _STATE_FIRM.search(text) is not None


# "el ente", "la estatal", "empresa pública": an article about a state-owned firm, whose figures are its own business
_STATE_FIRM = re.compile(r"(?<![^\W_])(?:(?:el|del|al)\s+ente|(?:la|una)\s+(?:empresa\s+)?(?:estatal|paraestatal)|empresas?\s+públicas?)(?![^\W_])", re.IGNORECASE)


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


# "el proyecto que el operador ha remitido", "el campus que Nodo Sur levantará"
_THAT_OWNER = re.compile(r"\s+que\s+(?:(?:el|la|los|las)\s+)?(?P<word>[\wáéíóúñÁÉÍÓÚÑ]+)")


def _owner_in_relative(ctx: ClaimDocument, project, discourse: Discourse) -> str | None:
    """'según el proyecto que el operador ha remitido al ministerio': the
    project is the one of whoever the relative clause opens with."""
    clause = _THAT_OWNER.match(ctx.text, project.end())
    if clause is None:
        return None
    word, start = clause.group("word"), clause.start("word")
    noun = bool(kinds_of_noun(ctx, word))
    # the name itself, or the one its noun introduces ("la promotora vizcaína Zubieta Digital")
    named = next((n for n in ctx.names if n.label == "ORG" and not is_reporter(n)
                  and (n.start == start or (noun and _NOUN_TO_NAME.fullmatch(ctx.text, clause.end("word"), n.start)))), None)
    if named is not None:
        return named.canonical
    return referent(ctx, word, start, discourse) if noun else None


_NOUN_TO_NAME = re.compile(r"(?:\s+[a-záéíóúñü]+){0,2}\s+")


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


def _a_rule_says(ctx: ClaimDocument, number: NumberMatch) -> bool:
    """'La ordenanza entrará en vigencia 30 días después de su promulgación',
    'La Ley 7300/24 castiga el robo de energía con hasta 10 años de cárcel':
    what a law sets for everyone is no organisation's figure, whatever the
    article is about."""
    subject = _outside_relative(ctx.subject_token(number))
    if subject is None or number.start <= subject.idx < number.end:
        return False
    if any(c.lower_ in ("le", "les") for c in subject.head.children):
        return False  # "El RIGI le garantiza estabilidad fiscal por 30 años": what it grants the firm in view
    return subject.lower_ in ctx.cues.rule_nouns or (subject.text.isupper() and _defined_as_rule(ctx, subject.text))


def _rule_issuer(ctx: ClaimDocument, number: NumberMatch) -> str | None:
    """'La CREG publicó un borrador que obligaría a los usuarios de más de
    10 MW a pagar $18 por kWh': what a paper's relative clause sets is the
    figure of the body that issues the paper (the subject of the verb whose
    object it is), not of those it binds."""
    span = ctx.doc.char_span(number.start, number.end, alignment_mode="expand")
    token = span.root if span is not None else None
    for _ in range(_ISSUER_REACH):
        if token is None or token.head.i == token.i or token.dep_ == "ccomp":
            return None  # "un plan que busca que el país pase de 250 MW a 1 GW": what the plan seeks, said of another
        if token.dep_ in ("acl", "acl:relcl") and token.pos_ in ("VERB", "AUX") and (
                token.head.lower_ in ctx.cues.rule_nouns or token.head.lower_ in ctx.cues.document_nouns) and token.head.dep_ == "obj":
            if _binds_someone(ctx, token):
                return None  # "una ley que obliga al consorcio a depositar...": the one bound is named
            verb = token.head.head
            subject = next((c for c in verb.children if c.dep_.startswith("nsubj")), None)
            named = next((n for n in ctx.names if subject is not None and n.start <= subject.idx < n.end and n.label == "ORG"), None)
            return named.canonical if named is not None and not is_reporter(named) else None
        token = token.head
    return None


_ISSUER_REACH = 6  # heads from the figure up to the relative clause on the paper


def _binds_someone(ctx: ClaimDocument, verb) -> bool:
    """A rule's verb whose object is a name or a noun for one ('al consorcio', 'a Nubaria')."""
    for child in (c for c in verb.children if c.dep_ in ("obj", "iobj", "obl")):
        if kinds_of_noun(ctx, child.text) or any(n.start <= child.idx < n.end and n.label == "ORG" for n in ctx.names):
            return True
    return False


def _outside_relative(subject):
    """'El RIGI otorga estabilidad a los proyectos que superen los US$ 200
    millones': a relative pronoun stands for a word of the clause above, whose
    subject is the one that sets the figure."""
    while subject is not None and "Rel" in subject.morph.get("PronType"):
        verb = next((t for t in subject.head.ancestors if t.pos_ in ("VERB", "AUX") and any(c.dep_.startswith("nsubj") for c in t.children)), None)
        subject = next((c for c in verb.children if c.dep_.startswith("nsubj")), None) if verb is not None else None
    return subject


def _defined_as_rule(ctx: ClaimDocument, acronym: str) -> bool:
    """'El RIGI otorga estabilidad fiscal por 30 años': an acronym the article
    spelled out as a law or a regime ('Régimen de Incentivo para Grandes
    Inversiones (RIGI)')."""
    opening = r"(?<![^\W_])(?:" + "|".join(ctx.cues.rule_nouns) + r")\s[^().;]{0,120}\(\s*" + re.escape(acronym) + r"\s*\)"
    return re.search(opening, ctx.text, re.IGNORECASE) is not None


def _writer_of_self(ctx: ClaimDocument, number: NumberMatch) -> bool:
    """'Llevo 22 años bajando sondas a los pozos', 'Dirijo una empresa que
    aloja sus servidores en un centro de 1,2 MW': a columnist or a reader
    writing of themselves in the first person singular, outside any quote."""
    verb = ctx.governing_verb(number)
    if verb is None or quote_of(ctx, number) is not None:
        return False
    # the conditional and the imperfect ("rondaría", "alcanzaba") are first and third person alike
    unambiguous = verb.morph.get("Tense") in (["Pres"], ["Past"]) and "Cnd" not in verb.morph.get("Mood")
    return unambiguous and "1" in verb.morph.get("Person") and "Sing" in verb.morph.get("Number")


def _of_another_matter(ctx: ClaimDocument, number: NumberMatch) -> bool:
    """'En ese mercado, el dólar se cotizaba en torno a Bs 13,8', 'El embalse
    almacena hoy el 46 %': a clause about residents, a currency, a reservoir
    or the weather does not go on about the company of the claim before it."""
    subject = ctx.subject_token(number)
    return subject is not None and subject.lower_ in ctx.cues.another_matter_subjects and not has_possessive(subject)


def _unrelated_subject(ctx: ClaimDocument, number: NumberMatch) -> bool:
    """'El lago del valle cubre unas 5.600 hectáreas', 'los grupos valencianos
    enviaron más de 1.200 proyectos': a clause whose subject is something of
    its own, not the firm's project or business, is no figure of the topic."""
    subject = ctx.subject_token(number)
    if subject is None or subject.pos_ != "NOUN" or number.start <= subject.idx < number.end:
        return False
    if subject.lower_ in ctx.cues.own_attribute_nouns or subject.lower_ in ctx.cues.project_nouns or kinds_of_noun(ctx, subject.text):
        return False
    if has_possessive(subject):
        return False
    lo, hi = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)
    return not any(lo <= n.start < hi for n in ctx.names)
