"""A claim's modality: asserted, planned, estimated, alleged or uncertain.

Modality belongs to the verbs that govern the number, not to every verb
near it: in "ya consume 38 MW y podría alcanzar 120 MW" only the 120 MW is
uncertain, and in "Microsoft estima que los campus sumarán 345 empleos"
the estimate governs the future. So a cue of `data/cues.json` counts when
it is a phrase without a verb ("según rumores", "supuestamente", "plan de")
in the number's clause, or when its verb is on the number's chain of
governing verbs (its head verb, that verb's head, ... to the sentence's
root, with their auxiliaries). Cue classes are tried in the order of
'modality_order'; the first that matches wins. Failing a cue, a governing
future makes the claim planned, and a governing conditional estimated
(planned when an announcement governs it: "anunció que acabaría 2024 con...").
"""

from __future__ import annotations

import re

from spacy.symbols import ADJ, ADV, AUX, NOUN, PROPN, VERB
from spacy.tokens import Token

from pipeline.claims.document import ClaimDocument
from pipeline.claims.draft import ClaimDraft

_CHAIN_LIMIT = 12
# The small model reads plural conditionals ("necesitarían") as imperfects; an
# -ar verb's "-aría" ending is a conditional's (its imperfect is "-aba"), but
# "-ería"/"-iría" may be an imperfect ("requería", "corría"), so there the model decides.
_AR_CONDITIONAL = re.compile(r"(?<!^v)(?:aría|arían|arías|aríamos|aríais)$")
_REGULAR_CONDITIONAL = re.compile(r"(?P<infinitive>\w*(?:er|ir))(?:ía|ían|ías|íamos|íais)$")
_SPEECH_LEVEL = frozenset({"alleged", "estimated"})
_OWN_CLAUSE = ("acl", "acl:relcl")
_NEXT_WORD = re.compile(r"\s+[^\W\d_]+")  # the noun a bare number counts: "tres fases"
_UNTIL_YEAR = re.compile(r"\s+hasta\s+(?:19|20)\d\d\b")  # "de 2.000 millones hasta 2030" is no change


# "un borrador del memorando al que tuvo acceso este medio", "un documento filtrado"
# (only a paper is leaked: "agua filtrada" is water)
_LEAKED = re.compile(
    r"(?<![^\W_])(?:(?:al|a\s+la|a\s+los|a\s+las)\s+que\s+(?:(?:ha|han)\s+)?(?:tuvo|tuvieron|tenido)\s+acceso"
    r"|(?:documento|borrador|informe|memorando|contrato|correo|audio)s?\s+filtrad[oa]s?)(?![^\W_])",
    re.IGNORECASE,
)


def modality_of(ctx: ClaimDocument, sentence: tuple[int, int], clause: tuple[int, int], draft: ClaimDraft) -> str:
    if draft.source is None and _LEAKED.search(ctx.text, sentence[0], sentence[1]):
        # a paper that reached the outlet and that no one owns up to is hearsay; one its owner
        # stands behind ("según la memoria técnica, a la que ha tenido acceso este diario") has a source
        draft.cues.append("modality:alleged<-leaked")
        return "alleged"
    modality = _modality(ctx, sentence, clause, draft)
    if modality == "planned" and _tally(ctx, draft):
        draft.cues.append("modality:asserted<-tally")
        return "asserted"
    current = _CURRENT_STATE.search(ctx.text, max(sentence[0], draft.anchor.start - 40), draft.anchor.start)
    if modality in ("planned", "uncertain") and current:
        # "la latencia, hoy de unos 280 milisegundos, bajará a 160", "ya reservó 20 MW para el proyecto": what is, within a plan
        draft.cues.append(f"modality:asserted<-current:{current.group(0).strip()}")
        return "asserted"
    capped = draft.anchor.high is not None and draft.anchor.low is None  # "el consumo no superará los 180.000 m³": a cap the firm commits to
    proposed = bool(draft.cues) and draft.cues[-1].endswith(" que")  # "el documento plantea que los consumos paguen...": someone proposes it
    if modality == "planned" and ctx.undecided_subject(draft.anchor) and not capped and not proposed:
        # "el mercado crecerá 14 % anual": nobody decides a market's growth; it is a forecast
        draft.cues.append("modality:estimated<-no-one-decides")
        return "estimated"
    return modality


# "hoy de", "ya opera", "ya ha concedido a": the state of things now, right before the figure (not "ya debe", "ya prevé")
_CURRENT_STATE = re.compile(
    r"(?:(?<![^\W_])hoy,?\s+de(?:\s+unos|\s+unas)?|(?<![^\W_])ya\s+(?:ha\s+|han\s+)?"
    r"(?!debe|deben|deberá|deberán|podría|podrían|puede|pueden|prevé|prevén|planea|planean|busca|buscan|quiere|quieren|va\b|van\b|está|están)[a-záéíóúñ]+"
    r"(?:\s+(?:a|al|con|en|de|del|el|la|los|las|unos|unas|más\s+de|cerca\s+de|casi))*)\s+$",
    re.IGNORECASE,
)
_TALLY = re.compile(r"\s+(?:votos?|a\s+favor|en\s+contra|abstenciones?)(?![^\W_])")


def _tally(ctx: ClaimDocument, draft: ClaimDraft) -> bool:
    """'aprobó la licencia con 7 votos a favor y 3 en contra': a vote already
    cast is counted, whatever plan it approved."""
    chain = governing_verbs(ctx, draft)
    return bool(_TALLY.match(ctx.text, draft.anchor.end)) and bool(chain) and _past_act(chain[0])


def _modality(ctx: ClaimDocument, sentence: tuple[int, int], clause: tuple[int, int], draft: ClaimDraft) -> str:
    chain = governing_verbs(ctx, draft)
    inside = _clause_verbs(ctx, chain, clause, draft)
    act = _planned_act(ctx, chain, draft)
    forecast = None if act is not None else _forecast(ctx, chain)
    if forecast is not None:
        draft.cues.append(f"modality:estimated<-{forecast.text}")
        return "estimated"
    expected = _expected_figure(ctx, draft)
    if expected:
        draft.cues.append(f"modality:estimated<-{expected}")
        return "estimated"
    if _compared_fact(ctx, draft, _NOW):
        draft.cues.append("modality:asserted<-compared-fact")
        return "asserted"
    starts_change = _starts_change(ctx, draft)
    compared = _compared_fact(ctx, draft, _THEN)
    settled = starts_change or compared or _bought_or_done(ctx, draft)
    cued = _cued(ctx, (sentence, clause), (chain, inside), draft, settled, act)
    if cued is not None:
        return cued
    modality = _planned_or_from_verbs(ctx, chain, inside, draft)
    if settled and modality != "asserted":
        draft.cues[-1] = "modality:asserted<-" + ("change-start" if starts_change else "compared-fact" if compared else "done-before")
        return "asserted"
    return modality


def _cued(ctx: ClaimDocument, spans, verbs, draft: ClaimDraft, settled: bool, act: Token | None) -> str | None:
    """The first class of 'modality_order' with a cue that counts for the number."""
    (sentence, clause), (chain, inside) = spans, verbs
    for modality in ctx.cues.modality_order:
        if settled and modality not in _SPEECH_LEVEL:
            continue
        if modality == "planned" and act is not None:
            draft.cues.append(f"modality:planned<-{act.text}")
            return modality
        # What is said of a whole statement ("Microsoft estima que..., y que...")
        # reaches past the clause; plans and doubts belong to their own clause.
        governing = {t.i for t in (chain if modality in _SPEECH_LEVEL else inside)}
        for cue in ctx.cues.modality[modality].finditer(ctx.text, sentence[0], sentence[1]):
            if act is not None and act.idx <= cue.start() < act.idx + len(act.text):
                continue  # "proyecta una primera etapa de 100 MW" plans the stage; it forecasts nothing
            if modality == "alleged" and ctx.in_later_relative(draft.anchor, cue.start()):
                continue  # "instalará 4.096 GPU, un pedido que, según fuentes del sector, habría costado...": the rumour is the relative's
            if _counts(ctx, cue, sentence, clause, governing, modality) and not _plan_behind(ctx, cue, draft, governing) \
                    and not _past_new_statement(ctx, cue, draft, governing):
                if modality == "planned" and _done_below(ctx, cue, inside):
                    continue
                draft.cues.append(f"modality:{modality}<-{cue.group(0)}")
                return modality
    return None


def _done_below(ctx: ClaimDocument, cue, inside: list[Token]) -> bool:
    """'la firma solicitó 180 MW y recibió 60 MW', 'pidió explicar por qué los
    barrios sufrieron más de 90 cortes': a past act nearer the number than the
    plan above it is a fact the plan does not reach."""
    cued = {t.i for t in _tokens(ctx, cue.start(), cue.end())}
    if not any(t.i in cued for t in inside):
        return False  # a phrase ("plan de", "hasta 2030") is no act above the number
    for token in inside:
        if token.i in cued:
            return False
        if token.pos == VERB and _past_act(token) and "Fin" in token.morph.get("VerbForm"):
            return True
    return False


def _planned_act(ctx: ClaimDocument, chain: list[Token], draft: ClaimDraft) -> Token | None:
    """'prevé una inversión de US$ 180 millones', 'proyecta una primera etapa
    de 100 MW', 'prevén mil 850 plazas': a verb of forecasting whose object is
    the subject's own spending or works plans them ('prevé ingresos de...' forecasts),
    and so does announcing them ('anunció en 2024 un campus de 120 MW')."""
    token = chain[0] if chain else None  # the predicate the number's phrase hangs from
    if token is None or token.lower_ not in ctx.cues.forecasts | ctx.cues.announcements or token.idx > draft.anchor.start:
        return None
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is None or following.lower_ == "que" or "Inf" in following.morph.get("VerbForm"):
        return None
    counted = _NEXT_WORD.match(ctx.text, draft.anchor.end)
    end = counted.end() if counted else draft.anchor.end
    return token if ctx.cues.planned_object.search(ctx.text, token.idx + len(token.text), end) else None


def _planned_or_from_verbs(ctx: ClaimDocument, chain: list[Token], inside: list[Token], draft: ClaimDraft) -> str:
    wanted = _wanted(ctx, chain) or _committed(ctx, inside, draft) or _counted_to_come(ctx, draft)
    if wanted is not None:
        draft.cues.append(f"modality:planned<-{wanted.text}")
        return "planned"
    return _from_verbs(ctx, inside, draft)


def _counted_to_come(ctx: ClaimDocument, draft: ClaimDraft) -> Token | None:
    """'cifró en 1.200 los empleos directos que generará el complejo': what is
    counted is what a future act will make, whatever verb states the count."""
    following = _tokens(ctx, draft.anchor.end, min(draft.sentence[1], draft.anchor.end + 40))[:5]
    noun = next((t for t in following if t.pos == NOUN), None)
    if noun is None or not ctx.text[draft.anchor.end : noun.idx].strip(" ").lower().startswith(("los", "las")):
        return None
    return next((c for c in noun.children if c.dep_ in ("acl", "acl:relcl") and c.i > noun.i and "Fut" in c.morph.get("Tense")), None)


def _starts_change(ctx: ClaimDocument, draft: ClaimDraft) -> bool:
    """'pasará de 40 a 120 MW', 'reduciría su tarifa del 35 % al 20 %': the
    change is planned or doubted, but where it starts is how things stand;
    only an estimate or allegation of the whole statement reaches it."""
    return "+change" in draft.anchor.rule and not _UNTIL_YEAR.match(ctx.text, draft.anchor.end)


def _bought_or_done(ctx: ClaimDocument, draft: ClaimDraft) -> bool:
    """'un sitio de 1,200 acres que la compañía compró en 2025', 'un PPA a 15
    años firmado con Colbún': the figure describes a thing a past act made,
    which stands whatever the sentence plans for it."""
    anchor = ctx.doc.char_span(draft.anchor.start, draft.anchor.end, alignment_mode="expand")
    node = anchor.root if anchor is not None else None
    for _ in range(4):
        if node is None or node.head.i == node.i or node.pos in (VERB, AUX) or node.dep_ not in ("nmod", "nummod", "appos", "obl", "amod", "compound"):
            return False
        node = node.head
        if any(c.dep_ in ("acl", "acl:relcl") and c.i > anchor[-1].i and _past_act(c) for c in node.children):
            return True
    return False


def _past_act(token: Token) -> bool:
    """A verb in a simple past ('compró', 'firmó') or a past participle with no auxiliary of the future ('firmado')."""
    tense, form = token.morph.get("Tense"), token.morph.get("VerbForm")
    if token.pos not in (VERB, AUX) or "Past" not in tense:
        return False
    return "Fin" in form or ("Part" in form and not any(c.dep_.startswith("aux") for c in token.children))


_COORDINATED = re.compile(r"(?:,\s*[ye]\s*|\by,\s*)$")


def _clause_verbs(ctx: ClaimDocument, chain: list[Token], clause: tuple[int, int], draft: ClaimDraft) -> list[Token]:
    """The governing verbs in the number's clause; a coordinated clause
    without a verb before the number ("tendrá 1.152 GPU..., y un
    almacenamiento de 20 petabytes", "el ministerio, con 30 millones, y la
    Generalitat, con 18 millones") shares the verb of the clause before it."""
    inside = [t for t in chain if clause[0] <= t.idx < clause[1]]
    if not _COORDINATED.search(ctx.text, max(0, clause[0] - 4), clause[0]):
        return inside
    if any(t.pos in (VERB, AUX) for t in _tokens(ctx, clause[0], draft.anchor.start)):
        return inside
    return chain


_AHEAD_ONLY = re.compile(r"(?:va|vamos|van)\s+a$", re.IGNORECASE)


def _plan_behind(ctx: ClaimDocument, cue, draft: ClaimDraft, governing: set[int]) -> bool:
    """'Llevamos dos décadas viendo... y no vamos a dejar pasar esto': 'ir a'
    plans what follows it, not a figure said before it (unless it governs
    the figure: 'esas torres de 150 pies van a quedar...')."""
    if not _AHEAD_ONLY.match(cue.group(0)) or cue.start() < draft.anchor.start:
        return False
    return not any(t.i in governing for t in _tokens(ctx, cue.start(), cue.end()))


def _counts(ctx: ClaimDocument, cue, sentence, clause, governing: set[int], modality: str) -> bool:
    """A one-word verb cue counts where it governs the number; a phrase
    where it stands in the number's clause or opens the sentence ("Según
    estimaciones del banco, ...")."""
    tokens = _tokens(ctx, cue.start(), cue.end())
    if any(t.i in governing for t in tokens):
        return True
    if len(tokens) == 1 and tokens[0].pos != ADV:
        return False  # "la conexión prevista" plans nothing the number says
    if modality != "alleged" and any(_other_clause(t, governing) for t in tokens):
        # "ya opera 18 MW y espera que...", "..., cuyo consumo se estima en 1,9 MW";
        # but "un funcionario que pidió el anonimato" makes the whole report alleged
        return False
    return clause[0] <= cue.start() < clause[1] or cue.start() == sentence[0]


def _past_new_statement(ctx: ClaimDocument, cue, draft: ClaimDraft, governing: set[int]) -> bool:
    """'dijo que la tarifa subió un 11 % y pidió que lo recaudado, unos ₡20.000
    millones según cálculos de la cámara, ...': a cue after another verb's
    "que" belongs to that new statement, not to the figure before it."""
    if cue.start() <= draft.anchor.end:
        return False
    between = _tokens(ctx, draft.anchor.end, cue.start())
    return any(t.lower_ == "que" and i > 0 and between[i - 1].pos in (VERB, AUX) and between[i - 1].i not in governing
               for i, t in enumerate(between))


def _other_clause(token: Token, governing: set[int]) -> bool:
    """A verb of a clause coordinated after the number's ('y espera que') or
    of a relative clause the number is not in ('cuyo consumo se estima')."""
    if token.pos not in (VERB, AUX):
        return False
    if token.dep_ == "conj" and token.head.i in governing and token.head.i < token.i:
        return True
    return token.dep_ in _OWN_CLAUSE


def _tokens(ctx: ClaimDocument, start: int, end: int) -> list[Token]:
    tokens = []
    for token in ctx.tokens_from(start):
        if token.idx >= end:
            break
        tokens.append(token)
    return tokens


def governing_verbs(ctx: ClaimDocument, draft: ClaimDraft) -> list[Token]:
    """The verbs above the number, nearest first, with their auxiliaries."""
    anchor = ctx.doc.char_span(draft.anchor.start, draft.anchor.end, alignment_mode="expand")
    if anchor is None:
        return []
    chain: list[Token] = []
    node = anchor.root
    for _ in range(_CHAIN_LIMIT):
        if node.pos in (VERB, AUX) or (node.pos == ADJ and any(c.dep_ == "cop" for c in node.children)) or _misread_verb(ctx, node):
            chain.append(node)  # "está estimado a 3,2 Md€": the participle after a copula is the predicate
        chain.extend(c for c in node.children if c.dep_ in ("aux", "aux:pass", "cop"))
        if node.head.i == node.i or (node.dep_ in _OWN_CLAUSE and node.pos in (VERB, AUX)):
            break  # a relative clause has its own modality: "una cifra que AWS rebaja a..."
        node = node.head
    return chain


def _misread_verb(ctx: ClaimDocument, node: Token) -> bool:
    """'el enfriamiento requeriría hasta 900.000 litros': the small model takes
    some conditionals it has not seen for names, but they have a subject; and
    a capitalised future for a name."""
    if node.pos == PROPN and node.i in ctx.verbs.future:
        return True  # '"Terminaremos 2026 con más de 200.000 GPU"': a future opening the sentence, capitalised
    if node.pos not in (NOUN, PROPN) or not node.is_lower or node.i not in ctx.verbs.conditional:
        return False
    deps = {c.dep_ for c in node.children}
    return "nsubj" in deps and not deps & {"cop", "case"}  # not "serán de ingeniería", a noun after its copula


def _forecast(ctx: ClaimDocument, chain: list[Token]) -> Token | None:
    """'la compañía prevé ingresos de...': a verb of plans before a noun
    forecasts; before an infinitive ("prevé gastar") it plans."""
    for token in chain:
        if token.lower_ in ctx.cues.forecasts and not _provides(ctx, token):
            following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
            if following is not None and following.lower_ != "que" and "Inf" not in following.morph.get("VerbForm"):
                return token
            if following is not None and token.lower_.startswith("esper") and following.lower_.startswith(ctx.cues.outcome_verb_stems):
                return token  # "espera generar unos 350 empleos": a hoped-for outcome ("espera gastar" is a plan)
    return None


def _provides(ctx: ClaimDocument, verb: Token) -> bool:
    """'El contrato prevé la entrega de...': a binding text provides for what it names."""
    return any(c.dep_.startswith("nsubj") and c.lower_ in ctx.cues.provision_subjects for c in verb.children)


# "batiendo las estimaciones de $8.74 mil millones", "la estimación promedio de
# los analistas de $49.4 billones", "vs estimado $8.74", "los $1.98 esperados"
_EXPECTED_BEFORE = re.compile(
    r"(?:\b(?:estimaci[oó]n|estimaciones|previsi[oó]n|previsiones|pron[oó]sticos?|proyecci[oó]n|proyecciones|expectativas?|consenso)"
    r"(?:\s+[\wáéíóúñ]+){0,5}?\s+(?:de|en)|\b(?:estimad[oa]s?|esperad[oa]s?)(?:\s+de)?)\s+(?:los\s+|las\s+|unos\s+|unas\s+)?$",
    re.IGNORECASE,
)
_EXPECTED_AFTER = re.compile(r"\s+(?:esperad[oa]s|estimad[oa]s)\b", re.IGNORECASE)


_COMPARED_WITH = re.compile(r"(?:frente\s+a|comparad[oa]s?\s+con|por\s+encima\s+del?|por\s+debajo\s+del?)\s+(?:[\wáéíóúñ]+\s+){0,3}?(?:los|las|el|la|unos|unas|de)?\s*$", re.IGNORECASE)
# what marks the compared figure as today's fact, which even an estimate of the whole leaves standing
# (or a past act: "por encima del promedio de 48 dólares que pagó la industria")
_NOW = re.compile(r"^[^,.;:()]*?\b(?:actuales|registrad[oa]s|de\s+hoy|hoy|actualmente|que\s+[a-záéíóúñ]+(?:ó|aron|ieron))\b", re.IGNORECASE)
# a past year only: an estimate of the whole statement still reaches it ("según estimaciones..., frente a $230 mil millones en 2024")
_THEN = re.compile(r"^[^,.;:()]*?\b(?:del\s+año\s+(?:pasado|anterior)|en\s+(?:19|20)\d\d)\b", re.IGNORECASE)


def _compared_fact(ctx: ClaimDocument, draft: ClaimDraft, when: re.Pattern) -> bool:
    """'frente a unos 86 GW registrados en 2025', 'frente a los 900 actuales':
    the figure a forecast is set against is a fact, whatever governs the forecast."""
    start, end = draft.anchor.start, draft.anchor.end
    return bool(_COMPARED_WITH.search(ctx.text, max(0, start - 60), start) and when.match(ctx.text[end : end + 60]))


def _expected_figure(ctx: ClaimDocument, draft: ClaimDraft) -> str | None:
    """A figure named as what was expected or forecast is an estimate, whatever verb governs it."""
    start, end = draft.anchor.start, draft.anchor.end
    before = _EXPECTED_BEFORE.search(ctx.text, max(0, start - 70), start)
    if before:
        return before.group(0).split()[0]
    after = _EXPECTED_AFTER.match(ctx.text, end)
    return after.group(0).strip() if after else None


def _wanted(ctx: ClaimDocument, chain: list[Token]) -> Token | None:
    """The verb that makes the number's clause a wish or an order: a verb
    of will over a subjunctive or an infinitive below it ('reclamó que el
    80 % sea local', 'debía entrar en operación'), or a purpose to build,
    buy or charge what does not exist yet ('para instalar cuatro
    reactores'); a purpose acting on what exists ('para alimentar las
    100.000 GPU') is no plan."""
    for position, token in enumerate(chain):
        lower = chain[:position]
        if _purpose_to_create(ctx, token):
            return token
        if token.lower_.startswith(ctx.cues.will_verb_stems) and any(_irrealis(t) for t in lower):
            return token
        if token.lower_.startswith(ctx.cues.demand_verb_stems) and any(_that_clause(t) for t in lower):
            return token
    return None


def _committed(ctx: ClaimDocument, chain: list[Token], draft: ClaimDraft) -> Token | None:
    """'anunció la ampliación de su centro de datos por US$ 18 millones': a
    past act committing to what is not done yet, named between it and the number."""
    for token in chain:
        if token.lower_ in ctx.cues.commitment_verbs and token.idx < draft.anchor.start:
            if ctx.cues.commitment_noun.search(ctx.text, token.idx + len(token.text), draft.anchor.start):
                return token
    return None


def _purpose_to_create(ctx: ClaimDocument, token: Token) -> bool:
    return ("Inf" in token.morph.get("VerbForm") and token.lower_.startswith(ctx.cues.creation_verb_stems)
            and any(c.dep_ == "mark" and c.lower_ == "para" for c in token.children))


def _from_a_plan(ctx: ClaimDocument, draft: ClaimDraft, verb: Token) -> bool:
    """'Según la solicitud, la primera fase entraría en operación con 300 MW':
    what a plan decides; not what it would bring about ('generaría 1.500 empleos')."""
    decided = not verb.lower_.startswith(ctx.cues.outcome_verb_stems)
    return decided and bool(ctx.cues.plan_document.search(ctx.text, draft.sentence[0], draft.sentence[1]))


def _future_by_form(token: Token) -> bool:
    """'Terminaremos 2026 con...' read as an imperfect: a regular future's
    ending ('-aremos', '-irán'), which no present ('queremos') or imperfect has."""
    return "Sub" not in token.morph.get("Mood") and _REGULAR_FUTURE.search(token.lower_) is not None


_REGULAR_FUTURE = re.compile(r"(?:ar|ir|dr)(?:é|ás|á|emos|éis|án)$")


def _that_clause(token: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "que" for c in token.children)


def _irrealis(token: Token) -> bool:
    # the small model reads many present subjunctives ("que la CFE reserve") as imperatives
    return bool({"Sub", "Imp"} & set(token.morph.get("Mood"))) or "Inf" in token.morph.get("VerbForm")


def _conditional(ctx: ClaimDocument, token: Token) -> bool:
    """'requeriría', 'extraerían' (an infinitive and '-ía') are conditionals whatever
    the small model's morphology says; 'requería' and 'prefería' only look like one."""
    regular = _REGULAR_CONDITIONAL.fullmatch(token.lower_)
    if regular is not None:
        return not regular.group("infinitive").endswith(ctx.cues.imperfect_lookalike_stems)
    return "Cnd" in token.morph.get("Mood") or bool(_AR_CONDITIONAL.search(token.lower_))


def _from_verbs(ctx: ClaimDocument, chain: list[Token], draft: ClaimDraft) -> str:
    verbs = ctx.verbs
    for position, token in enumerate(chain):
        if token.i in verbs.future and ("Fut" in token.morph.get("Tense") or token.pos_ == "PROPN" or _future_by_form(token)):
            draft.cues.append(f"modality:planned<-{token.text}")
            return "planned"
        if token.i in verbs.conditional and _conditional(ctx, token):
            # an announcement over it, or a plan it is cited from ("Según la solicitud, ... entraría")
            announced = any(t.lower_ in ctx.cues.announcements for t in chain[position + 1 :]) or _from_a_plan(ctx, draft, token)
            modality = "planned" if announced else "estimated"
            draft.cues.append(f"modality:{modality}<-{token.text}")
            return modality
    return "asserted"

