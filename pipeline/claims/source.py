"""A claim's source: who says so, where the text attributes the figure.

- an unnamed source ("fuentes cercanas a la operación"): nobody, and the
  claim is alleged, unless a named outlet cites them;
- "según X", "según estimaciones de la consultora X", "Para X, ..."
  opening the sentence; "según la empresa", "según el mandatario" for the
  company or person the noun stands for; "según sus cálculos" for the one
  named just before; "según la presentación" for the organisation the
  article is about (a judgment is the court's);
- an attribution verb, the nearest one before the number in its clause
  first, whose subject is a name ("afirmó Huang"), speaks for one ("los
  analistas de SemiAnalysis estiman", "un informe de Cammesa advierte") or
  stands for one ("la firma indicó", "el ministro respondió"); a verb that
  closes the sentence (", calculó la entidad.") speaks for all of it;
- the speaker named right before a quotation that holds the number, or the
  person named last when the quotation ends in a bare "aseguró".

The article's own voice has no source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from pipeline.claims.document import ClaimDocument
from pipeline.claims.draft import ClaimDraft
from pipeline.claims.reference import Discourse, is_company, is_reporter, kinds_of_noun, last_named, referent, start_sentences_back
from pipeline.names import NameMatch
from pipeline.numbers import NumberMatch
from pipeline.singular import singular
from pipeline.sentence_ends import is_title

_QUOTE_LEAD = re.compile(r"[\s:,]*")
# "según la consultora X", "según el Dr. Pérez": lower-case words and titles before the name.
_ACCORDING_LEAD = re.compile(r"(?:[ \u00a0]+(?:[a-záéíóúñü]+|[A-Za-z][a-z]{0,3}\.))*?[ \u00a0]+(?=[A-ZÁÉÍÓÚÑ@](?![a-z]{0,3}\.))")
_REFERENCE_AFTER = re.compile(r"\s+(?:(?:el|la|los|las|su|sus|un|una|unos|unas)\s+)?(?:(?:propi[oa]s?|mism[oa]s?)\s+)?([a-záéíóúñ]+)", re.IGNORECASE)
_OUTLET_SELF = re.compile(
    r"(?<![^\W_])(?:(?:este|esta|nuestro|nuestra)\s+(?:diario|medio|periódico|publicación|redacción|cabecera|revista|semanario|portal)|la\s+redacción)(?![^\W_])",
    re.IGNORECASE)
# "según datos de la CNMC", "según estimaciones de la propia compañía", "según
# documentos que la empresa presentó", "según una presentación ante la
# comisión" (someone filed it), "según documentos presentados por la
# compañía": the papers are someone's; "de la industria", "del sector" name
# no one.
_NAMED_IN = re.compile(
    r"\s+(?:[a-záéíóúñ]+\s+)?(?:de|del|que|ante|por)\s+(?!(?:la\s+|el\s+)?(?:industria|sector|mercado|mercados)(?![^\W_]))", re.IGNORECASE
)
# "el expediente ingresado al SEA", "el pliego que publicó en el Diario Oficial": where a paper went, not whose it is
_ADDRESSEE = re.compile(r"(?<![^\W_])(?:a|al|en)\s+(?:(?:la|el|los|las)\s+)?$", re.IGNORECASE)
_QUOTE_CLOSED = re.compile(r"[”»\"][ \u00a0]*,[ \u00a0]*(?:(?:ha|han|había)[ \u00a0]+)?$")
_POSSESSIVE = re.compile(r"\s+(?:su|sus)\s", re.IGNORECASE)
_VERB_AFTER_QUOTE = re.compile(r"[”»\"]\s*,?\s*([a-záéíóúñ]+)\b")
_SENTENCE_OPENING_FOR = re.compile(r"Para\s")
# "Para financiarlo negocia una ronda con Nevado Capital": an aim, not someone's view
_FOR_AN_AIM = re.compile(r"Para\s+(?:[a-záéíóúñ]+(?:ar|er|ir|ír)(?:se|lo|la|los|las|le|les|nos)?|ello|eso|esto)(?![^\W_])")
_JUDGMENTS = ("sentencia", "resolución", "fallo", "dictamen")
# nouns that stand for a court named before ("el tribunal concluye"), and what else a court's name holds
_COURT_REFERENCES = ("tribunal", "corte", "juzgado", "sala")
_COURT_NOUNS = (*_COURT_REFERENCES, "audiencia", "supremo")
_COORDINATION = re.compile(r"(?:,\s*(?:y|e|pero|sino)|;|\bpero|\bmientras que)\s*$")
# "consultados por FactSet", "citadas por el diario Handelsblatt" (not "consultadas por este diario indicaron que Ozama")
_CITER_GAP = re.compile(r"\s+(?:(?:el|la|los|las)\s+)?(?:(?!este\b|esta\b)[a-záéíóúñ]+\s+){0,2}")
_CITED_BY = re.compile(r"[^.;:]{0,40}?\b(?:citad|recogid|consultad|mencionad)[oa]s?\s+por\b", re.IGNORECASE)


_ASIDES = ("acl", "acl:relcl", "appos")
# "según el ingeniero del proyecto, Javier Torres", "según su director general, X": the title's own words before the name
_TITLE_PHRASE = re.compile(r"(?:\s+(?!que\b)[a-záéíóúñ]+)?(?:\s+(?:de|del|de\s+la|de\s+los)\s+[^,.;:()]{1,60}?)?,\s+")
_PRICE_TARGET = re.compile(r"(?<![^\W_])precio\s+objetivo\b(?:\s+[\wáéíóúñ.,]+){0,8}?\s+(?:de|a|en|hasta)\s+(?:los\s+)?$", re.IGNORECASE)  # "su precio objetivo para el CBFI de Tepeyac de 41.00 a"
# the figures first: "elevó de 44.20 a 51.60 pesos por CBFI su precio objetivo"
# (not past a comma: "de 3,4 a 2,6 veces Ebitda, y subió su precio objetivo" is another clause's)
_PRICE_TARGET_AFTER = re.compile(r"(?:\s+[^\s;:]*[^\s;:,]){0,6}?\s+(?:su|el)\s+precio\s+objetivo\b", re.IGNORECASE)
# "su precio objetivo para Fibra Cenzontle", "precio objetivo para el CBFI de Tepeyac"
_TARGET_FOR = re.compile(r"(?:precio\s+objetivo|recomendación)\s+(?:[^\s;:]+\s+){0,6}?para\s+(?:(?:el|la|los|las)\s+[a-zA-Záéíóúñ]+\s+(?:de|del)\s+)?$", re.IGNORECASE)
_AND_BEFORE = re.compile(r"(?<![^\W_])(?:y|e)\s*$")
_TITLE_BEFORE_NAME = re.compile(r"(?<=,)\s*([A-Za-zÁÉÍÓÚáéíóúñ]+)\.\s*$")
_CONSTITUENCY_BEFORE = re.compile(r"\spor\s+[A-ZÁÉÍÓÚÑ][\w-]+(?:\s+[A-ZÁÉÍÓÚÑ][\w-]+)?\s+$")  # "diputado por Cortés"
_FIGURE_FIRST = re.compile(r"(?:una|esa|la|dicha|esta)\s", re.IGNORECASE)  # "una cifra que la empresa rebaja a": its own speaker inside
_DISPUTE_OPENING = re.compile(r",\s+(?:una\s+|un\s+)?(?:cifra|diferencia|monto|importe)\s+que\s+$")


@dataclass
class _Scope:
    """Where the number sits, as every rule needs it."""

    ctx: ClaimDocument
    sentence: tuple[int, int]
    clause: tuple[int, int]
    number: NumberMatch
    speakers: list[NameMatch]
    discourse: Discourse | None


def source_of(
    ctx: ClaimDocument, sentence, clause, number: NumberMatch, s_names, draft: ClaimDraft, discourse: Discourse | None = None
) -> str | None:
    # "Una fuente ... aseguró que..., una cifra que la empresa rebaja a...": the disputing party speaks for itself
    reach = clause if _DISPUTE_OPENING.search(ctx.text, max(0, clause[0] - 24), clause[0]) else sentence
    anonymous = ctx.cues.anonymous.search(ctx.text, reach[0], reach[1])
    if anonymous and not ctx.in_later_relative(number, anonymous.start()):
        return _anonymous(ctx, anonymous, s_names, draft)
    scope = _Scope(ctx, sentence, clause, number, [n for n in s_names if n.label in ("PER", "ORG")], discourse)
    for rule in (_market_expectation, _speaker_aside, _disputing, _according_to, _opening_for, _target_setter, _attribution_verb, _document_says):
        found = rule(scope, draft)
        if found is not None:
            return found or None  # "": decided, and nobody (the outlet's own word)
    return (_quoted(ctx, number, ctx.names, draft) or _labelled_speaker(ctx, number, draft) or _interviewee(ctx, number, draft)
            or _release_issuer(ctx, number, draft, discourse) or _notice_issuer(ctx, number, draft) or _wire_release_issuer(ctx, number, draft)
            or _letter_signer(ctx, number, draft))


_BETWEEN = re.compile(r"(?<![^\W_])entre\s", re.IGNORECASE)
# papers that are also the works they describe: "El proyecto contempla cuatro naves" is the project's own figure
_WORKS = ("proyecto", "presupuesto", "licitación", "propuesta", "calendario", "cronograma", "hoja")


def _document_says(scope: _Scope, draft: ClaimDraft) -> str | None:
    """'El plan de inversiones que la compañía entregó al Ministerio destina
    US$ 2.050 millones...': a paper whose verb carries the figure speaks for
    the one its phrase names (no one, when none is named)."""
    ctx = scope.ctx
    subject = ctx.subject_token(scope.number)
    if subject is None or subject.lower_ in _WORKS or _document_noun(ctx, subject.lower_, subject.idx + len(subject.text)) is None:
        return None
    lo, hi = subject.idx + len(subject.text), subject.right_edge.idx + len(subject.right_edge.text)
    if _BETWEEN.search(ctx.text, lo, hi):
        return None  # "el borrador del convenio entre Almagra y la MCT": two parties' paper, no one's word
    owner = _phrase_owner(ctx, lo, hi, scope.speakers, scope.discourse) or _issued_before(ctx, subject)
    return _found(draft, owner, f"source<-document:{subject.text}", "reporter") if owner else None


def _issued_before(ctx: ClaimDocument, paper: Token) -> str | None:
    """'La Secretaría de Gobierno Digital publicó las bases de la licitación...
    Las bases exigen...': a paper the article said someone filed or issued,
    however far back, is theirs."""
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in paper.children):
        return None
    named = [n for n in ctx.names if n.label in ("ORG", "PER")]
    noun = singular(paper.lower_)
    earlier = [t for t in ctx.doc[: paper.i] if t.lower_ == paper.lower_ or singular(t.lower_) == noun]
    return next(filter(None, (_issuer(ctx, t, named) for t in reversed(earlier))), None)


def price_target(ctx: ClaimDocument, number: NumberMatch, sentence: tuple[int, int]) -> bool:
    """'elevó su precio objetivo de 16 a 18,40 euros', 'movió de $4.900 a
    $5.600 el precio objetivo': a bank's target for a company's shares."""
    return bool(_PRICE_TARGET.search(ctx.text, max(sentence[0], number.start - 80), number.start)
                or _PRICE_TARGET_AFTER.match(ctx.text, number.end, sentence[1]))


def target_named(ctx: ClaimDocument, sentence: tuple[int, int]) -> str | None:
    """The company whose shares a price target is for, named after 'para'."""
    return next((n.canonical for n in ctx.names if sentence[0] <= n.start < sentence[1] and n.label == "ORG"
                 and _TARGET_FOR.search(ctx.text, max(sentence[0], n.start - 120), n.start)), None)


def _market_expectation(scope: _Scope, draft: ClaimDraft) -> str | None:
    """'batiendo las estimaciones de $8.74 mil millones', 'frente a los
    $95,300 millones que proyectaba el mercado': the market's consensus is
    no one's word ("" decides it), whoever reports the result."""
    ctx, number = scope.ctx, scope.number
    before = ctx.cues.market_expectation.search(ctx.text, max(scope.sentence[0], number.start - 60), number.start)
    after = ctx.cues.market_expected.match(ctx.text, number.end)
    if before is None and after is None:
        return None
    draft.cues.append("source<-none:market-expectation")
    return ""


def _speaker_aside(scope: _Scope, draft: ClaimDraft) -> str | None:
    """'«...», contó la vecina, de 41 años', '«...», dijo el gerente, ante
    unas 300 personas': a figure after the verb that closes a quotation tells
    of the speaker or the telling, not what is told ("" decides it: no one's
    word), unless a clause of its own follows the verb ('..., y agregó que')."""
    ctx, number = scope.ctx, scope.number
    for start, end in ctx.quotes:
        if not (scope.sentence[0] <= start and end < number.start):
            continue
        tail = _VERB_AFTER_QUOTE.match(ctx.text, end)
        if tail and tail.end() <= number.start and _speech_verb(ctx, tail.group(1)) and not _THAT.search(ctx.text, tail.end(), number.start):
            draft.cues.append("source<-none:speaker-aside")
            return ""
    return None


def _speech_verb(ctx: ClaimDocument, word: str) -> bool:
    return bool(ctx.cues.attribution_stems.match(word)) or word in ctx.cues.attribution_forms


# a clause of its own after the verb that closes a quotation: "..., y agregó que", "quien estimó que"
_THAT = re.compile(r"(?<![^\W_])(?:que|según)(?![^\W_])|[«“\"]", re.IGNORECASE)


def _disputing(scope: _Scope, draft: ClaimDraft) -> str | None:
    """'..., una cifra que la Coalición de Agua Limpia pone en 2,5 millones':
    who sets a figure against another's says it, whoever the sentence quoted first."""
    ctx, number = scope.ctx, scope.number
    found = ctx.cues.disputed.search(ctx.text, max(scope.sentence[0], number.start - 160), number.start)
    if not found:
        return None
    # "una cifra que la Coalición pone en...": named inside; "Spain DC, la patronal, eleva esa potencia a...": before the verb
    inside = [n for n in scope.speakers if found.start() <= n.start < number.start]
    if not inside and not _FIGURE_FIRST.match(found.group(0)):
        inside = [n for n in scope.speakers if n.end <= found.start()]
    return _found(draft, inside[-1].canonical, f"source<-disputing:{inside[-1].text}", "speaker") if inside else None


def _target_setter(scope: _Scope, draft: ClaimDraft) -> str | None:
    """Who sets a price target says so: 'Bankinter elevó su precio objetivo a...'."""
    if not price_target(scope.ctx, scope.number, scope.sentence):
        return None
    verb = scope.ctx.governing_verb(scope.number)
    # "Monex mantuvo su recomendación para Tepeyac, con un precio objetivo de 43 pesos": not the company it is for
    target = target_named(scope.ctx, scope.sentence)
    setters = [n for n in scope.speakers if n.canonical != target]
    speaker = speaker_of(scope.ctx, verb, setters, scope.discourse) if verb is not None else None
    return _found(draft, speaker, "source<-price-target", "reporter") if speaker else None


def _anonymous(ctx: ClaimDocument, cue, s_names, draft: ClaimDraft) -> str | None:
    """Unnamed sources are nobody's word, unless an outlet that cites them is
    named: "fuentes del sector citadas por el diario Handelsblatt"."""
    cited = _CITED_BY.match(ctx.text, cue.start())
    outlet = cited and next((n for n in s_names if n.label in ("ORG", "PER") and cited.end() <= n.start <= cited.end() + 40), None)
    # "consultadas por este diario", "por Europa Press" in Europa Press's own
    # piece: the article's own voice; only another outlet is a source
    if outlet and _CITER_GAP.fullmatch(ctx.text, cited.end(), outlet.start) and not _files_the_piece(ctx, outlet):
        return _found(draft, outlet.canonical, f"source<-cited:{cue.group(0)}", "reporter")
    citing = _citing_outlet(ctx, cue, s_names)
    if citing is not None:
        return _found(draft, citing.canonical, f"source<-cited:{cue.group(0)}", "reporter")
    draft.cues.append(f"source<-none:anonymous:{cue.group(0)}")
    return None


def _citing_outlet(ctx: ClaimDocument, cue, s_names) -> NameMatch | None:
    """'Bloomberg News informó, citando personas familiarizadas, que...': the
    outlet named before 'citando' reports what its unnamed sources said."""
    if not _CITING_BEFORE.search(ctx.text, max(0, cue.start() - 20), cue.start()):
        return None
    outlets = [n for n in s_names if is_reporter(n) and n.end <= cue.start() and not _files_the_piece(ctx, n)]
    return outlets[-1] if outlets else None


_CITING_BEFORE = re.compile(r"(?<![^\W_])citando\s+(?:a\s+)?$", re.IGNORECASE)


def _files_the_piece(ctx: ClaimDocument, outlet: NameMatch) -> bool:
    return any(n.canonical == outlet.canonical and (n.rule == "dateline-agency" or ctx.in_dateline(n.start)) for n in ctx.names)


# ------------------------------------------------------------- "según"
def _according_to(scope: _Scope, draft: ClaimDraft) -> str | None:
    ctx = scope.ctx
    for cue in ctx.cues.according_to.finditer(ctx.text, scope.sentence[0], scope.sentence[1]):
        if not _governs(scope, cue) or _verb_follows(ctx, cue.end()):
            continue  # "según informó su director...": the verb's subject speaks
        titled = _titled_person(scope, cue)
        if titled is not None:
            return _found(draft, titled, f"source<-according:{cue.group(0)}+person", "reporter")
        named = _according_name(ctx, cue, scope.speakers)
        if named is not None and _OUTLET_SELF.search(ctx.text, cue.end(), named.start):
            # "según estimaciones de esta revista elaboradas con datos de la consultora X": the outlet's own figure
            draft.cues.append("source<-outlet")
            return ""
        if named is not None:
            _remember_paper(scope, cue, named)
            return _found(draft, named.canonical, f"source<-according:{cue.group(0)}", "reporter")
        meant = _according_reference(scope, cue)
        if meant is not None:
            _remember_reference(scope, cue, meant)
            return _found(draft, meant, f"source<-according:{cue.group(0)}+reference", "reporter")
    return None


def _remember_paper(scope: _Scope, cue, named: NameMatch) -> None:
    """'según una encuesta de la firma Brújula', 'según el informe “X”, que
    presentó ayer la Asociación': a paper credited to a name; a later "el
    estudio", "el documento" without an owner of its own is that one."""
    cues = scope.ctx.cues
    lead = [w.strip("“”\"«»,") for w in scope.ctx.text[cue.end() : named.start].lower().split()]
    if scope.discourse is not None and any(w in cues.document_nouns and w not in cues.estimate_nouns for w in lead):
        scope.discourse.paper = (cue.start(), named.canonical)


def _remember_reference(scope: _Scope, cue, owner: str) -> None:
    """'Según el documento, Centuria invertirá... El mismo escrito señala...':
    a paper credited to its owner through a reference is the one a later
    paper without an owner means, before any other the article named earlier."""
    after = _REFERENCE_AFTER.match(scope.ctx.text, cue.end())
    if scope.discourse is not None and after and is_paper(scope.ctx, after.group(1).lower()):
        scope.discourse.paper = (cue.start(), owner)


def _paper_before(scope: _Scope, before: int) -> str | None:
    """The owner of the last paper credited to a name, a few sentences back at most."""
    discourse = scope.discourse
    if discourse is None or discourse.paper[1] is None:
        return None
    return discourse.paper[1] if discourse.paper[0] >= start_sentences_back(scope.ctx, before, _PAPER_SENTENCES) else None


def _governs(scope: _Scope, cue) -> bool:
    """A "según" in the number's clause, or one closing the sentence
    (", según AMD."), covers the number; one inside a later clause ("y,
    según la compañía, sirve...") does not."""
    if cue.end() <= scope.clause[0] and _speaks_itself(scope):
        return False  # "..., según la consultora CBRE, y ERCOT proyecta que la demanda llegará a 145 GW"
    if cue.start() > scope.number.end + _NEAR_AFTER and _said_before(scope):
        return False  # "X dijo que la tarifa subió un 11 % y pidió que lo recaudado, según cálculos de la cámara, ...": X says the 11 %
    if scope.ctx.in_later_relative(scope.number, cue.start()):
        return False  # "consume de 15 a 18 megavatios, una demanda que, según el centro, se cubre...": the centre vouches for the relative only
    if cue.start() < scope.clause[1]:
        return True
    rest = scope.ctx.text[cue.end() : scope.sentence[1]]
    made = _WHO_MADE_IT.search(rest)
    rest = rest[: made.start()] if made else rest  # ", según el informe “X”, que presentó ayer la Asociación...": still closing
    return scope.ctx.text[: cue.start()].rstrip().endswith(",") and "," not in _without_post(scope, cue, rest)


def _without_post(scope: _Scope, cue, rest: str) -> str:
    """What follows a closing "según" but the speaker's post beside the
    speaker's name: ", según Shen Weiliang, gerente general del grupo.",
    ", según la gerente de talento humano, Yolima Castiblanco."."""
    text = scope.ctx.text
    for person in (n for n in scope.speakers if n.label == "PER" and n.start >= cue.end()):
        if text[cue.end() : person.start].strip() == "":
            return _CLOSING_APPOSITION.sub("", rest)
        if text[person.end : scope.sentence[1]].strip() in ("", ".") and text[cue.end() : person.start].rstrip().endswith(","):
            return text[cue.end() : person.start].rstrip()[:-1]
    return rest


# the speaker's post after the name that closes the sentence
_CLOSING_APPOSITION = re.compile(r",\s+(?:el\s+|la\s+)?[a-záéíóúñ][^,;:()]*[.\s]*$")
_NEAR_AFTER = 40  # characters: a "según" this close after a figure is that figure's, whoever the sentence quotes


def _said_before(scope: _Scope) -> bool:
    """A verb of saying before the number, in its sentence, introduces it ("dijo que...")."""
    ctx = scope.ctx
    verbs = [t for t in ctx.attributions(scope.sentence) if t.pos_ in ("VERB", "AUX") and t.idx < scope.number.start]
    return any(_introduces_speech(v, ctx.cues) and any(t.lower_ == "que" for t in v.doc[v.i + 1 : v.i + 3]) for v in verbs)


def _speaks_itself(scope: _Scope) -> bool:
    """The number's clause has a verb of saying of its own, with its own speaker ("y ERCOT proyecta que")."""
    ctx = scope.ctx
    verbs = [ctx.doc[i] for i in ctx.events_in(scope.clause) if i in ctx.verbs.attribution]
    # (not a subjunctive that says nothing: "debería congelarse hasta que se aclaren los hechos")
    verbs = [v for v in verbs if "Sub" not in v.morph.get("Mood")]
    return any(c.dep_.startswith("nsubj") and scope.clause[0] <= c.idx for v in verbs for c in v.children)


def _verb_follows(ctx: ClaimDocument, offset: int) -> bool:
    word = re.match(r"\s+([a-záéíóúñ]+)", ctx.text[offset : offset + 30])
    return bool(word) and (ctx.cues.attribution_stems.match(word.group(1)) is not None or word.group(1) in ctx.cues.attribution_forms)


def _according_name(ctx: ClaimDocument, cue, speakers) -> NameMatch | None:
    """'según Meta', 'según estimaciones de la consultora Dell'Oro Group',
    'según rumores recogidos por The Information'; not 'según rumores'."""
    lead = _ACCORDING_LEAD.match(ctx.text, cue.end())
    reach = lead.end() if lead else cue.end()
    if lead and set(lead.group(0).lower().split()) & ctx.cues.according_lead_stops:
        reach = cue.end()  # "según el proyecto que presentó ante la Junta": not the Junta's word
    return next((n for n in speakers if cue.end() <= n.start <= reach + 1), None)


def _titled_person(scope: _Scope, cue) -> str | None:
    """'Según el gerente técnico de la ANDE, Derlis Maidana Ortiz, ...': the
    person the post introduces, not the body the post belongs to."""
    after = _REFERENCE_AFTER.match(scope.ctx.text, cue.end())
    if not after:
        return None
    if "person" in kinds_of_noun(scope.ctx, after.group(1)):
        return _named_after(scope, after.end())
    return _apposed_after(scope, after)


def _apposed_after(scope: _Scope, after: re.Match) -> str | None:
    """'según el técnico de guardia, Patxi Irigoyen.': a post the tables do
    not know still introduces the person set after it by commas, when the
    person's name closes the aside (not 'Según el plan, Juan Pérez anunció...')."""
    word = after.group(1)
    if not word[:1].islower() or kinds_of_noun(scope.ctx, word) or is_paper(scope.ctx, word):
        return None  # "según Soluna, ...": a name, which the name rules read
    named = _named_after(scope, after.end())
    person = next((n for n in scope.speakers if n.canonical == named and n.start > after.end()), None)
    return named if person is not None and re.match(r"\s*[,.;]", scope.ctx.text[person.end : person.end + 3]) else None


def _named_after(scope: _Scope, end: int) -> str | None:
    """'según su presidente, Raúl Pereyra Lagos, ...', 'según el ingeniero del
    proyecto, Javier Torres': the person the title introduces."""
    comma = _TITLE_PHRASE.match(scope.ctx.text, end)
    return next((n.canonical for n in scope.speakers if comma and n.start == comma.end() and n.label == "PER"), None)


def _according_reference(scope: _Scope, cue) -> str | None:
    """'según la empresa', 'según el mandatario', 'según sus cálculos', 'según la presentación'."""
    ctx = scope.ctx
    after = _REFERENCE_AFTER.match(ctx.text, cue.end())
    if not after:
        return None
    word = after.group(1).lower()
    if word in ("él", "ella"):
        return last_named(ctx, "person", cue.start(), 2)  # "Me acompañó Nekane Goñi. Según ella, ...": the person named just before
    if kinds_of_noun(ctx, after.group(1)):  # as written: "el Ejecutivo" is a body, "el ejecutivo" a person
        return _named_after(scope, after.end()) or referent(ctx, after.group(1), cue.start(), scope.discourse, 3)
    if word in _JUDGMENTS:
        return _court(ctx, cue.start())
    if _POSSESSIVE.match(ctx.text, cue.end()):
        return _owner_after_phrase(scope, cue.end()) or _owner_before(scope, cue.start())
    document = _document_noun(ctx, word, after.end())
    if document is not None and not _unowned(ctx, cue.end(), after):
        return _document_owner(scope, document, word)
    return None


def _document_noun(ctx: ClaimDocument, word: str, end: int) -> int | None:
    """Where a document's noun ends: 'informe', or two words ('estados financieros')."""
    second = re.match(r"\s+([a-záéíóúñ]+)", ctx.text[end : end + 30])
    if second and f"{word} {second.group(1).lower()}" in ctx.cues.document_nouns:
        return end + second.end()
    return end if is_paper(ctx, word) else None


def is_paper(ctx: ClaimDocument, word: str) -> bool:
    """A document's noun, in the singular or the plural ('los registros de CAMMESA muestran...')."""
    nouns = ctx.cues.document_nouns
    return word in nouns or singular(word) in nouns


def _unowned(ctx: ClaimDocument, start: int, after) -> bool:
    """'según datos oficiales', 'según documentos consultados por este diario',
    'según cálculos de este medio': papers of no one in particular, or the
    outlet's own; the outlet speaks."""
    bare = not re.match(r"\s+(?:el|la|los|las|su|sus)\s", ctx.text[start : after.end()], re.IGNORECASE)
    phrase_end = ctx.text.find(",", after.end(), after.end() + 80)
    phrase = ctx.text[after.end() : phrase_end if phrase_end > 0 else after.end() + 80]
    # "según un oficio de la dependencia consultado por este diario": the body's paper, which the outlet read
    owner = _OWNER_FIRST.match(phrase)
    outlets = bool(_OUTLET_SELF.search(phrase)) and not (owner and not _OUTLET_SELF.match(phrase, owner.end()))
    return outlets or (bare and not _NAMED_IN.match(phrase))


# "un oficio de la dependencia", "un oficio del ICE", "un oficio de Pemex": an owner; "solicitudes de interconexión": a kind of paper
_OWNER_FIRST = re.compile(r"\s+(?:del\s+|de\s+(?=(?:la|el|los|las)\s|(?-i:[A-ZÁÉÍÓÚÑ])))", re.IGNORECASE)


def _court(ctx: ClaimDocument, before: int) -> str | None:
    named = [n for n in ctx.names if n.end <= before and n.label == "ORG" and any(w in n.text.lower() for w in _COURT_NOUNS)]
    return named[-1].canonical if named else last_named(ctx, "public", before, 6)


def _owner_after_phrase(scope: _Scope, after: int) -> str | None:
    """'Según su memoria anual, Antofagasta Minerals consumió...': the
    possessive looks ahead to the name that opens the sentence's clause."""
    comma = scope.ctx.text.find(",", after, scope.sentence[1])
    if comma < 0:
        return None
    opening = _QUOTE_LEAD.match(scope.ctx.text, comma).end()
    named = next((n for n in scope.speakers if n.start == opening and not is_reporter(n)), None)
    return named.canonical if named is not None else None


def _owner_before(scope: _Scope, before: int) -> str | None:
    """'Para Jorge Ríos..., socio de Intelecta: según sus cálculos': the speaker
    named first in the sentence; else a person the sentence before named ('...,
    dijo la senadora Beatriz Alanís. Según su oficina, ...'); else the topic."""
    named = [n for n in scope.speakers if n.end <= before and not is_reporter(n)]
    subject = _sentence_subject_before(scope, before)
    if subject or named:
        return subject or _holder_of_post(scope, named[0])
    before_this = _previous_sentence(scope.ctx, scope.sentence)
    earlier = [n for n in scope.ctx.names if n.label == "PER" and before_this[0] <= n.start < scope.sentence[0]]
    # "La cifra es rebatida por la Fundación Agua Viva Lampa... Según su propio cálculo": the body that spoke up
    bodies = [n for n in scope.ctx.names if n.label == "ORG" and before_this[0] <= n.start < scope.sentence[0] and not is_reporter(n)
              and (not scope.ctx.after_preposition(n) or _AGENT_BEFORE.search(scope.ctx.text, max(0, n.start - 12), n.start))]
    return earlier[-1].canonical if earlier else bodies[-1].canonical if bodies else _topic(scope.discourse)


_AGENT_BEFORE = re.compile(r"(?<![^\W_])por\s+(?:el\s+|la\s+|los\s+|las\s+)?$")


def _holder_of_post(scope: _Scope, name) -> str:
    """'La portavoz del PSOE en el Cabildo, Yaiza Rodríguez Mesa, denunció
    que..., según sus cálculos': an organisation written as a person's post
    stands for that person, who is the one whose calculations they are."""
    holder = scope.discourse.posts.get(name.start) if scope.discourse is not None else None
    return holder if holder is not None and any(n.canonical == holder and n.label == "PER" for n in scope.speakers) else name.canonical


def _sentence_subject_before(scope: _Scope, before: int) -> str | None:
    """'La compañía pidió a la Comisión un aumento que, según sus propios
    documentos, sumaría...': the possessive is the sentence's subject's, a
    name or a noun standing for one, not whoever it addressed."""
    ctx = scope.ctx
    opening = ctx.doc.char_span(scope.sentence[0], before, alignment_mode="contract")
    root = next((t for t in opening if t.dep_ == "ROOT"), None) if opening is not None else None
    subject = next((c for c in root.children if c.dep_ == "nsubj" and c.idx < before), None) if root is not None else None
    if subject is None:
        return None
    # "Su portavoz, Montse Fontanals Guix, sostuvo que...": the name in the subject's phrase
    named = next((n for n in scope.speakers if subject.left_edge.idx <= n.start <= subject.right_edge.idx and not scope.ctx.after_preposition(n)), None)
    if named is not None:
        return _holder_of_post(scope, named)
    return referent(ctx, subject.text, subject.idx, scope.discourse, 3) if kinds_of_noun(ctx, subject.text) else None


def _previous_sentence(ctx: ClaimDocument, sentence: tuple[int, int]) -> tuple[int, int]:
    earlier = [s for s in ctx.sentences if s[1] <= sentence[0]]
    return earlier[-1] if earlier else sentence


_WHO_MADE_IT = re.compile(r",\s+(?:que|elaborad[oa]|publicad[oa]|presentad[oa]|difundid[oa])\s", re.IGNORECASE)


def _document_owner(scope: _Scope, after: int, noun: str) -> str | None:
    """'según documentos que la empresa presentó', 'según el informe de la CNMC':
    whoever the rest of the phrase names; else who filed it; else the
    article's topic; else who made the paper credited last."""
    end = scope.ctx.text.find(",", after, scope.sentence[1])
    end = scope.sentence[1] if end < 0 else end
    if _WHO_MADE_IT.match(scope.ctx.text, end):
        # 'según el informe “Infraestructura digital”, que presentó ayer la Asociación...': who made it follows
        later = scope.ctx.text.find(",", end + 1, scope.sentence[1])
        end = scope.sentence[1] if later < 0 else later
    owner = _post_holder_in(scope, after, end) or _phrase_owner(scope.ctx, after, end, scope.speakers, scope.discourse)
    if owner is not None and scope.discourse is not None and noun not in scope.ctx.cues.estimate_nouns:
        scope.discourse.paper = (after, owner)
    return owner or _filer_before(scope) or _same_paper(scope, after) or _topic(scope.discourse) or _paper_before(scope, after)


def _same_paper(scope: _Scope, after: int) -> str | None:
    """'Las cifras de la Arcotel muestran que... según el mismo reporte': the
    paper the article just named with its owner."""
    if not _SAME_BEFORE.search(scope.ctx.text, max(0, after - 30), after):
        return None
    span = scope.ctx.doc.char_span(after - 1, after, alignment_mode="expand")
    return _paper_named_before(scope.ctx, span.root, scope.discourse) if span is not None else None


_SAME_BEFORE = re.compile(r"(?<![^\W_])(?:mism[oa]s?|dich[oa]s?)\s+[a-záéíóúñ]+\s*$", re.IGNORECASE)


def _post_holder_in(scope: _Scope, start: int, end: int) -> str | None:
    """'según la presentación que encabezó el subsecretario de Ciencia,
    Emiliano Cárdenas Vidal': the person named after the post a paper's
    phrase ends on."""
    noun = _REFERENCE_AFTER.search(scope.ctx.text, start, end)
    while noun is not None and "person" not in kinds_of_noun(scope.ctx, noun.group(1)):
        noun = _REFERENCE_AFTER.search(scope.ctx.text, noun.end(), end)
    return _named_after(scope, noun.end()) if noun is not None else None


def _issuer(ctx: ClaimDocument, paper: Token, named) -> str | None:
    """'La Secretaría de Gobierno Digital publicó las bases de la licitación':
    who files or publishes a paper wrote it."""
    verb = paper.head
    if paper.dep_ != "obj" or verb.pos_ != "VERB" or not verb.lower_.startswith(ctx.cues.filing_verb_stems):
        return None
    subject = next((c for c in verb.children if c.dep_.startswith("nsubj")), None)
    found = subject is not None and next((n for n in named if subject.left_edge.idx <= n.start <= subject.right_edge.idx and not is_reporter(n)), None)
    return found.canonical if found else None


def _filer_before(scope: _Scope) -> str | None:
    """'Kori Datos entregó a la Gobernación un perfil de proyecto... Según el
    documento, ...': the paper the sentence before says someone filed is theirs."""
    ctx = scope.ctx
    previous = _previous_sentence(ctx, scope.sentence)
    if previous == scope.sentence:
        return None
    # "informó Noticias Argentinas", "presentó su plan": no paper filed
    papers = [t for t in ctx.doc if previous[0] <= t.idx < previous[1] and t.lower_ in ctx.cues.document_nouns]
    companies = [n for n in ctx.names if is_company(n)]
    return next(filter(None, (_issuer(ctx, paper, companies) for paper in papers)), None)


def _phrase_owner(ctx: ClaimDocument, start: int, end: int, speakers, discourse) -> str | None:
    """The first name, or noun standing for one, in a document's phrase,
    leaving out those after "ante", "a", "con" ("presentó ante el Gobierno",
    "el expediente ingresado al SEA": who it was sent to)."""
    named = next((n for n in speakers if start <= n.start < end and not _addressed(ctx, n, speakers) and not _acts_on_the_paper(ctx, n)), None)
    noun = _REFERENCE_AFTER.search(ctx.text, start, end)
    while noun is not None and (not kinds_of_noun(ctx, noun.group(1)) or _names_no_one(ctx, noun, speakers)):
        noun = _REFERENCE_AFTER.search(ctx.text, noun.end(), end)
    if noun is not None and named is not None and ctx.text[noun.end() : named.start].strip() == "":
        return named.canonical  # "un informe de la consultora Arizmendi & Asociados": the name the noun introduces
    if noun is not None and (named is None or noun.start() < named.start):
        return referent(ctx, noun.group(1), noun.start(), discourse, 3)
    return named.canonical if named is not None else None


def _acts_on_the_paper(ctx: ClaimDocument, name) -> bool:
    """'El proyecto, que la DGA declarará de interés general, prevé...': a
    name in a relative clause on the paper whose verb acts on someone
    else's paper (declares, approves, reviews it) does not own it."""
    verb = ctx.head_of(name)
    for _ in range(3):  # the name may hang from a noun of the clause: "que la DGA declarará de interés general (PIGA)"
        if verb is None or verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb is not None and verb.dep_ in ("acl", "acl:relcl") and verb.lower_.startswith(ctx.cues.acting_on_paper_stems)


def _addressed(ctx: ClaimDocument, name, speakers) -> bool:
    """Named after "ante", "a", "en" ('presentó ante el Gobierno', 'ingresado
    al SEA'), or beside one so named: who the paper went to."""
    if ctx.after_preposition(name) or _ADDRESSEE.search(ctx.text, max(0, name.start - 12), name.start):
        return True
    # "ante Red Eléctrica y Endesa", "ante Endesa, la eléctrica controlada por Enel": its partner, or a name in its aside
    joined = next((n for n in speakers if n.end < name.start and _JOINED_OR_ASIDE.fullmatch(ctx.text, n.end, name.start)), None)
    return joined is not None and _addressed(ctx, joined, speakers)


_JOINED_OR_ASIDE = re.compile(r"\s*(?:,|y|e)\s*|\s*,[^,;.]{1,60}")


_DETERMINED = re.compile(r"(?<![^\W_])(?:el|la|los|las|del|al|su|sus|un|una|unos|unas|este|esta|ese|esa|dicho|dicha|propi[oa]s?|mism[oa]s?)\s+$", re.IGNORECASE)


def _names_no_one(ctx: ClaimDocument, noun, speakers) -> bool:
    """'ante Red Eléctrica y Endesa, la eléctrica controlada por Enel': a
    word of a name ('Eléctrica') or 'estatal' without a determiner ('una
    nube estatal') is no noun standing for one, and a noun in apposition says
    what the name before it is, not who else."""
    inside = any(n.start <= noun.start(1) < n.end for n in ctx.names)
    # "una nube estatal": without a determiner "estatal" is an adjective, no noun for a state body
    bare = kinds_of_noun(ctx, noun.group(1)) == ("state",) and not _DETERMINED.search(ctx.text, max(0, noun.start(1) - 14), noun.start(1))
    return inside or bare or any(n.end <= noun.start() and ctx.text[n.end : noun.start()].strip() == "," for n in speakers)


def _topic(discourse: Discourse | None) -> str | None:
    return discourse and (discourse.topic if not discourse.topic_is_system else None) or (discourse and discourse.focus)


def _opening_for(scope: _Scope, draft: ClaimDraft) -> str | None:
    """'Para el investigador ... Gonzalo Pérez, el debate...': a sentence that
    opens with "Para" and a name, then a comma, gives that name's view."""
    ctx, start = scope.ctx, scope.sentence[0]
    if not _SENTENCE_OPENING_FOR.match(ctx.text, start) or _FOR_AN_AIM.match(ctx.text, start):
        return None
    comma = ctx.text.find(",", start, scope.sentence[1])
    lead = [n for n in scope.speakers if n.end <= comma and not is_reporter(n)] if comma > 0 else []
    person = [n for n in lead if n.label == "PER"]
    chosen = [n.canonical for n in (person or lead)[:1]] or [_opening_reference(scope)]
    return _found(draft, chosen[0], "source<-according:Para", "speaker") if chosen[0] else None


_FOR_NOUN = re.compile(r"Para\s+(?:el|la|los|las)\s+([a-záéíóúñ]+)\s*,")


def _opening_reference(scope: _Scope) -> str | None:
    """'Para la cámara, la oferta estatal cubriría apenas 4 %': the body a reference noun points back to."""
    found = _FOR_NOUN.match(scope.ctx.text, scope.sentence[0])
    if not found or not kinds_of_noun(scope.ctx, found.group(1)):
        return None
    return referent(scope.ctx, found.group(1), scope.sentence[0], scope.discourse, 3)


# ------------------------------------------------------- attribution verbs
def _attribution_verb(scope: _Scope, draft: ClaimDraft) -> str | None:
    cues = scope.ctx.cues
    for token in _nearest_verbs(scope):
        if _impersonal(token) or _negated(token) or not _introduces_speech(token, cues) or _describes_speaker(scope.ctx, token, scope.number) \
                or _beyond_the_request(scope, token):
            continue
        speaker = speaker_of(scope.ctx, token, scope.speakers, scope.discourse)
        if speaker is not None:
            outer = _person_reporting(scope, token)
            if outer is not None:
                return _found(draft, outer[1], f"source<-verb:{outer[0].text}", "speaker")
            # "según comunicó Nortegia": who the sentence is credited to reports it, whoever acts in it
            reporting = cues.reports(token.lower_) or _credited(scope.ctx, token)
            return _found(draft, speaker, f"source<-verb:{token.text}", "reporter" if reporting else "speaker")
    return None


def _person_reporting(scope: _Scope, verb: Token) -> tuple[Token, str] | None:
    """'Roberto Salcedo recordó que el gremio calculó pérdidas de $ 15
    millones': a verb whose subject is only a noun for an organisation ('el
    gremio', 'la compañía'), inside what a named person says, is that
    person's word; the person is the source."""
    subject = next((c for c in verb.children if c.dep_.startswith("nsubj")), None)
    if subject is None or subject.pos_ != "NOUN" or not kinds_of_noun(scope.ctx, subject.text):
        return None
    token = verb
    for _ in range(3):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.i in scope.ctx.verbs.attribution and _introduces_speech(token, scope.ctx.cues):
            speaker = speaker_of(scope.ctx, token, scope.speakers, scope.discourse)
            person = speaker is not None and any(n.canonical == speaker and n.label == "PER" for n in scope.ctx.names)
            return (token, speaker) if person else None
    return None


def _describes_speaker(ctx: ClaimDocument, verb: Token, number: NumberMatch) -> bool:
    """'La eléctrica, que opera unos 2.500 MW, indicó que...', 'dijo Linda
    Whitfield, una de los dos miembros que votaron en contra': a figure in
    an aside about the speaker is no part of what is said (unless the aside
    speaks itself: 'Reyes, quien estimó que la obra dará trabajo a 2.800')."""
    span = ctx.doc.char_span(number.start, number.end, alignment_mode="expand")
    token, aside = (span.root if span is not None else None), False
    while token is not None and token.head.i != token.i:
        if token.head.i == verb.i:
            return aside and token.dep_.startswith("nsubj")
        if token.pos_ in ("VERB", "AUX") and token.i in ctx.verbs.attribution:
            return False  # the aside speaks, and whoever it describes says so
        aside = aside or (token.dep_ in _ASIDES and not _conversion(token))
        token = token.head
    return False


def _conversion(token: Token) -> bool:
    """'Bs. 1.250 millones, unos 8,8 millones de dólares': an amount set beside another is the same figure restated, no aside."""
    counted = lambda t: any(c.dep_ == "nummod" for c in t.children)  # noqa: E731
    return token.dep_ == "appos" and counted(token) and counted(token.head)


def _nearest_verbs(scope: _Scope) -> list[Token]:
    """Attribution verbs that can govern the number: those of its clause,
    nearest before it first, then those of earlier clauses, nearest first,
    then one that closes the sentence after a comma (", informó la UPME.").
    Any other verb of a later clause speaks of something else ("suponen el
    2 %, pero el operador estima que...")."""
    clause, start = scope.clause, scope.number.start
    quote = _spoken_quote(scope.ctx, scope.number)
    verbs = [t for t in scope.ctx.attributions(scope.sentence) if (t.pos_ in ("VERB", "AUX") or _misread_as_noun(t))
             and not (quote and quote[0] <= t.idx < quote[1])]
    in_clause = [t for t in verbs if clause[0] <= t.idx < clause[1]]
    before = sorted((t for t in in_clause if t.idx < start and not _aside_on_another(scope.ctx, t, scope.number)), key=lambda t: -t.idx)
    earlier = sorted((t for t in verbs if t.idx < clause[0]), key=lambda t: -t.idx) if _continues_speech(scope) else []
    closing = [t for t in verbs if t.idx >= clause[1] and _closes_sentence(t)]
    credited = [t for t in verbs if _credited(scope.ctx, t)]
    later = [t for t in in_clause if t.idx >= start and not _remark_after(t, scope.number) and not _next_act(scope, t)]
    return before + credited + later + earlier + closing


def _spoken_quote(ctx: ClaimDocument, number: NumberMatch) -> tuple[int, int] | None:
    """The quotation the number stands in, when it is given to a speaker:
    '«...y el pliego prevé una docena de técnicos», protestó Quiroga' is
    Quiroga's word, whatever verb of saying the quotation holds."""
    quote = next(((start, end) for start, end in ctx.quotes if start <= number.start < end), None)
    return quote if quote and _quote_speaker(ctx, *quote, ctx.names) else None


def _aside_on_another(ctx: ClaimDocument, verb: Token, number: NumberMatch) -> bool:
    """'El proyecto, que la DGA declarará de interés general, prevé una
    inversión de 4.800 millones', 'la capacidad que anuncia el gremio': a
    relative clause on a noun, with a subject of its own and without the
    figure, says nothing of the figure."""
    if verb.dep_ not in ("acl", "acl:relcl") or verb.left_edge.idx <= number.start < verb.right_edge.idx + len(verb.right_edge.text):
        return False
    # "La firma, que anuncia una inversión de..., promete 180 MW": the noun itself speaks, and goes on doing so
    subject = next((c for c in verb.children if c.dep_.startswith("nsubj")), None)
    return subject is not None and "Rel" not in subject.morph.get("PronType")


def _credited(ctx: ClaimDocument, verb: Token) -> bool:
    """'según ha explicado la consejera', 'según detalló el ministro': a verb
    of saying after 'según' credits the whole sentence to its subject."""
    return _SEGUN_VERB.search(ctx.text, max(0, verb.idx - 24), verb.idx) is not None


_SEGUN_VERB = re.compile(r"(?<![^\W_])según\s+(?:lo\s+que\s+)?(?:(?:ha|han|había|habían)\s+)?$", re.IGNORECASE)


def _next_act(scope: _Scope, verb: Token) -> bool:
    """'La firma ya opera tres centros de datos y anunció que destinaría...':
    a verb of saying coordinated after the figure's own verb reports its
    own clause, not the figure before it."""
    own = scope.ctx.governing_verb(scope.number)
    if own is None or own.i == verb.i or verb.dep_ != "conj" or verb.head.i != own.i or own.idx > scope.number.start:
        return False
    return any(c.dep_ == "ccomp" for c in verb.children)  # not ", detalló." closing the sentence: that one reports it all


def _remark_after(verb: Token, number: NumberMatch) -> bool:
    """'una interconexión de 230 kV con Hydro One, que estima el costo en...':
    a relative clause on a word after the number speaks of that word; so does
    a free relative after it ('casi dos veces lo que dice el presupuesto')."""
    free = any(c.lower_ == "lo" for c in verb.children) and any("Rel" in c.morph.get("PronType") for c in verb.children)
    return (verb.dep_ in ("acl", "acl:relcl") and verb.head.idx >= number.end) or (free and verb.idx >= number.end)


def _misread_as_noun(token: Token) -> bool:
    """'La Aeidi cifra en 28.300 millones la inversión': the small model tags
    'cifra' a noun, yet gives it a subject, as only a verb has; 'El AMM
    reporta, por su parte, que...' gets 'reporta' as a name."""
    return token.pos_ in ("NOUN", "PROPN", "ADJ") and any(c.dep_.startswith("nsubj") for c in token.children)


def _continues_speech(scope: _Scope) -> bool:
    """A clause stays in an earlier verb's reported speech unless a
    coordination opens a new statement ("suponen el 2 %, pero el operador
    estima..."); "afirmó que..., y que el 8 %..." and "precisó que...,
    aunque podría..." stay in it."""
    text, start = scope.ctx.text, scope.clause[0]
    if start == scope.sentence[0] or re.match(r"\s*que\b", text[start : scope.clause[1]]):
        return True
    return _COORDINATION.search(text[max(scope.sentence[0], start - 12) : start]) is None or _subjectless_sequel(scope) or _another_object(scope)


def _another_object(scope: _Scope) -> bool:
    """'CoreFabric reportó ingresos de $1.370 millones, y una pérdida neta de
    $640 millones': a noun phrase after 'y', with no verb before the
    figure, is one more thing the verb before reports."""
    ctx, start = scope.ctx, scope.clause[0]
    if not _AND_BEFORE.search(ctx.text, max(0, start - 6), start) and not re.match(r"\s*[ye]\s", ctx.text[start : start + 3]):
        return False
    span = ctx.doc.char_span(start, scope.number.start, alignment_mode="expand")
    words = [t for t in span if not t.is_punct and t.lower_ not in ("y", "e")] if span is not None else []
    named = any(start <= n.start < scope.number.start for n in ctx.names)  # "y la Comisión Europea examina...": a new subject
    return bool(words) and words[0].pos_ == "DET" and not named and not any(t.pos_ in ("VERB", "AUX") for t in words)


def _subjectless_sequel(scope: _Scope) -> bool:
    """'Hale dijo que la compañía opera 22.000 GPU, y planea terminar 2026
    con 70.000': a verb right after 'y' with no subject of its own goes on
    with what was said (not '..., pero el operador estima', a new speaker)."""
    ctx, start = scope.ctx, scope.clause[0]
    span = ctx.doc.char_span(start, scope.clause[1], alignment_mode="expand")
    words = [t for t in span if not t.is_punct][:2] if span is not None else []
    if words and words[0].lower_ in ("y", "e"):
        words = words[1:]
    elif not _AND_BEFORE.search(ctx.text, max(0, start - 6), start):
        return False
    verb = words[0] if words else None
    if verb is None or verb.pos_ != "VERB" or verb.i in ctx.verbs.attribution or any(c.dep_.startswith("nsubj") for c in verb.children):
        return False
    said = verb.head if verb.dep_ == "conj" else None  # "dijo que ..., y planea": the small model hangs it on "dijo"
    return said is not None and said.i in ctx.verbs.attribution and any(
        c.dep_ == "ccomp" and any(m.lower_ == "que" for m in c.children) for c in said.children
    )


# clitics and the perfect's auxiliary between a comma and its verb: ", se quejó su CEO", ", nos dijo", ", ha señalado"
_BEFORE_A_VERB = frozenset({"se", "me", "nos", "le", "les", "ha", "han", "había", "habían"})


def _word_before(verb: Token) -> int:
    """The index of the token before a verb and its clitics or auxiliary (-1 at the start)."""
    at = verb.i - 1
    while at > 0 and verb.doc[at].lower_ in _BEFORE_A_VERB:
        at -= 1
    return at


def _closes_sentence(verb: Token) -> bool:
    """', calculó la entidad en un informe.': a verb right after a comma,
    followed by its subject, with no "que" after it."""
    at = _word_before(verb)
    following = [t.lower_ for t in verb.doc[verb.i + 1 : verb.i + 8]]
    return at >= 0 and verb.doc[at].text == "," and "que" not in following


def _closes_quote(verb: Token) -> bool:
    """'«Son 350 puestos...», planteó la diputada': the verb right after a quote's closing mark and a comma."""
    at = _word_before(verb)
    return at >= 1 and verb.doc[at].text == "," and verb.doc[at - 1].text in ("”", "»", '"')


def _negated(verb: Token) -> bool:
    """'la compañía no lo ha confirmado' attributes nothing to the company."""
    window = verb.doc[max(verb.i - 3, 0) : verb.i]
    return any(_negation(c) for c in verb.children) or any(_negation(t) or t.lower_ in ("ni", "nunca") for t in window)


def _negation(token: Token) -> bool:
    """'no', but not the 'no' of 'no obstante' (however)."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.lower_ == "no" and (following is None or following.lower_ != "obstante")


def _introduces_speech(verb: Token, cues) -> bool:
    """'asegura que...' reports speech; 'ha asegurado 150 MW' secures them."""
    if "Inf" in verb.morph.get("VerbForm") and any(c.lower_ == "por" and c.dep_ == "mark" for c in verb.children):
        return False  # "presentó una reclamación ... por considerar que...": a reason, no one quoted
    following = verb.doc[verb.i + 1 : verb.i + 4]
    first = next((t for t in following if t.pos_ != "ADV"), None)  # "prometió además crear..."
    infinitive = first is not None and "Inf" in first.morph.get("VerbForm")
    if verb.lower_ in cues.attribution_plans and infinitive:
        return False  # "Meta prevé gastar...": its own plan, not a forecast it reports
    if verb.lower_ not in cues.attribution_needs_que or _SEGUN_VERB.search(verb.doc.text, max(0, verb.idx - 24), verb.idx):
        return True  # "según publicó Bloomberg Línea": 'según' credits the sentence, with no 'que' to wait for
    # "asegura que...", "asegura haber desplegado...", "..., aseguró la ministra": speech
    # (or one closing a quote: '«Son 350 puestos...», planteó la diputada')
    closing = _closes_sentence(verb) and (_closes_quote(verb) or any(c.dep_.startswith("nsubj") and c.i > verb.i for c in verb.children))
    return _que_follows(following) or infinitive or closing or _que_after_aside(verb)


def _beyond_the_request(scope: _Scope, verb: Token) -> bool:
    """'pidió ingresar al RIGI, que exige una inversión mínima de US$ 200
    millones', 'pidió ser declarada zona franca, lo que reduciría su tarifa
    del 35 % al 20 %': a request for one's own act ('pidió bajar el
    termostato a 68 grados') says its own figures, not those of a clause
    hung on what is asked for."""
    following = [t for t in verb.doc[verb.i + 1 : verb.i + 4] if t.pos_ != "ADV"][:1]
    if not following or "Inf" not in following[0].morph.get("VerbForm") or not verb.lower_.startswith(scope.ctx.cues.demand_verb_stems):
        return False
    span = scope.ctx.doc.char_span(scope.number.start, scope.number.end, alignment_mode="expand")
    token = span.root if span is not None else None
    while token is not None and token.i != verb.i and token.head.i != token.i:
        if token.dep_ in ("acl", "acl:relcl", "advcl") and token.i != following[0].i:
            return True
        token = token.head
    return False


def _que_follows(following) -> bool:
    """'asegura que...'; not 'cuando ERCOT lo solicita y que lo hizo...', whose
    'y que' goes on with the verb of saying before it."""
    for token in following:
        if token.lower_ in ("que", ":"):
            return True
        if token.pos_ == "CCONJ":
            return False
    return False


def _que_after_aside(verb: Token) -> bool:
    """'aseguró en un comunicado que...', 'calcula, sin embargo, que...': a
    phrase of place, time or manner between the verb and its 'que' (not
    'ha asegurado 150 MW para el campus que...', whose object comes first)."""
    window = verb.doc[verb.i + 1 : verb.i + 11]
    if not len(window) or not (window[0].pos_ in ("ADP", "ADV") or window[0].text == ","):
        return False
    for previous, token in zip(window, window[1:]):
        if token.lower_ == "que":
            return True
        if token.pos_ in ("VERB", "AUX", "NUM") or token.text in (".", ";", ":"):
            return False
        if token.pos_ == "DET" and previous.pos_ in ("NOUN", "PROPN"):
            return False  # "publicó en septiembre un borrador que obligaría...": an object, and a relative
    return False


def speaker_of(ctx: ClaimDocument, verb: Token, speakers: list[NameMatch], discourse: Discourse | None = None) -> str | None:
    """Who the verb's subject is: a name, one a speaker noun speaks for, or one a noun stands for.

    In "la compañía de Mark Zuckerberg prevé", the subject is the company:
    the person inside it is not the speaker. In "los analistas de
    SemiAnalysis estiman" the analysts speak for the firm inside their phrase.
    A verb coordinated with another ("defendió ... y recordó que") shares its subject.
    """
    subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
    for child in subjects:
        found = _subject_speaker(ctx, child, speakers, discourse)
        if found is not None:
            return found
    if subjects:
        return _noun_after(ctx, verb, discourse)
    if verb.dep_ == "conj" and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX"):
        # ", detalló." misread as the sentence's second verb is still a bare aside
        return speaker_of(ctx, verb.head, speakers, discourse) or _bare_aside(ctx, verb)
    if "Inf" in verb.morph.get("VerbForm") and verb.dep_ == "advcl" and verb.head.pos_ in ("VERB", "AUX"):
        return speaker_of(ctx, verb.head, speakers, discourse)  # "Banorte elevó su precio objetivo, al estimar que...": Banorte estimates
    return (_from_speaker(ctx, verb, speakers, discourse) or _name_beside(ctx, verb, speakers)
            or _noun_after(ctx, verb, discourse) or _quote_closer(ctx, verb) or _dropped_subject(ctx, verb) or _bare_aside(ctx, verb))


def _dropped_subject(ctx: ClaimDocument, verb: Token) -> str | None:
    """'Dijo que el emprendimiento podría generar 350 empleos', 'Ahora calcula
    que...': a sentence opening on a verb of saying with no subject goes on
    with whoever spoke in the sentence before, else whoever it named last, a
    person before an organisation, or the one before that if it named no one
    ('"...", explica.')."""
    at = ctx.sentence_at(verb.idx)
    if at < 1 or len(ctx.text[ctx.sentences[at][0] : verb.idx].split()) > 2 or "3" not in verb.morph.get("Person"):
        return None  # "«Calculamos que...», afirmó Huang": the first person is the quote's speaker
    line = ctx.line_of(ctx.sentences[at][0])
    for previous in reversed(ctx.sentences[max(0, at - 2) : at]):
        if ctx.line_of(previous[0]) != line:
            return None  # a new paragraph names its speaker again
        inside = [n for n in ctx.names if previous[0] <= n.start and n.end <= previous[1] and n.label in ("ORG", "PER") and not is_reporter(n)]
        people = [n for n in inside if n.label == "PER"]
        spoke = _who_spoke(ctx, previous, inside)
        if spoke is not None:
            return spoke  # "El CEEH estima que ... pagaría la ENEE. Advierte, además, que...": the CEEH goes on
        if inside:
            # "Para Paulina Tijerina, consultora de la firma Vatio Norte, ... Estima que": the person, not her firm
            return (people or inside)[-1].canonical
    return None  # '"...", explica.' between them names no one: the sentence before it does


def _who_spoke(ctx: ClaimDocument, sentence: tuple[int, int], names) -> str | None:
    """The named subject of the last verb of saying in a sentence."""
    tokens = ctx.doc.char_span(sentence[0], sentence[1], alignment_mode="expand")
    verbs = [t for t in tokens if t.i in ctx.verbs.attribution and t.pos_ in ("VERB", "AUX")] if tokens is not None else []
    for verb in reversed(verbs):
        for child in (c for c in verb.children if c.dep_.startswith("nsubj")):
            named = _name_of_token(child, names)
            if named is not None:
                return named.canonical
    return None


def _bare_aside(ctx: ClaimDocument, verb: Token) -> str | None:
    """'..., consumirían entre 2 y 3 millones de metros cúbicos al año,
    calculó.', 'En algunas zonas, agregó, el nivel baja...': a verb of saying
    set off by a comma with no subject of its own goes on with the person
    the paragraph last named; so does one said to the writer, with an
    adverb after it ('..., me explicó,', '..., me contó también.')."""
    previous = _neighbour(verb, -1, _TO_THE_WRITER)
    following = _neighbour(verb, 1, _ASIDE_ADVERBS)
    if previous is None or previous.text != "," or following is None or following.text not in (",", "."):
        return None
    if "3" not in verb.morph.get("Person") or "Sing" not in verb.morph.get("Number"):
        return None
    return last_named(ctx, "person", verb.idx, 2)


# "me explicó", "nos contó": said to the writer; "agregó también", "dijo luego"
_TO_THE_WRITER = frozenset({"me", "nos"})
_ASIDE_ADVERBS = frozenset({"también", "además", "luego", "después", "entonces"})


def _neighbour(token: Token, step: int, passed: frozenset[str]) -> Token | None:
    """The token `step` away from `token`, past one word of `passed` ("me" before it, "también" after it)."""
    at = token.i + step
    if 0 <= at < len(token.doc) and token.doc[at].lower_ in passed:
        at += step
    return token.doc[at] if 0 <= at < len(token.doc) else None


def _quote_closer(ctx: ClaimDocument, verb: Token) -> str | None:
    """'«Tenemos demanda para 700 MW», ha señalado.': a quote closed by a verb
    with no subject is the person the paragraph last named."""
    if not _QUOTE_CLOSED.search(ctx.text, max(0, verb.idx - 12), verb.idx):
        return None
    return last_named(ctx, "person", verb.idx, 2)


def _from_speaker(ctx: ClaimDocument, verb: Token, speakers, discourse) -> str | None:
    """'Desde la distribuidora estimaron que...', 'Desde Iberdrola señalan...',
    '..., advirtieron desde la compañía eléctrica': who speaks from there."""
    for child in verb.children:
        if child.pos_ in ("NOUN", "PROPN") and any(c.lower_ == "desde" for c in child.children if c.dep_ == "case"):
            found = _subject_speaker(ctx, child, speakers, discourse)
            if found is not None:
                return found
    return None


def _name_beside(ctx: ClaimDocument, verb: Token, speakers) -> str | None:
    """A name just before the verb ("Huang afirmó"), or just after it with no
    "que" between ("afirmó este miércoles Huang")."""
    before = [n for n in speakers if n.end <= verb.idx and verb.idx - n.end <= 40]
    end = verb.idx + len(verb.text)
    after = [n for n in speakers if end <= n.start and n.start - end <= 40 and " que " not in ctx.text[end : n.start]]
    if after and _INVERTED.search(ctx.text, max(0, verb.idx - 4), verb.idx):
        return after[0].canonical  # "...1.280 GPU B200 de Nvidia, contó el ingeniero Abdiel Aizpurúa": who speaks follows the verb
    if before:
        return before[-1].canonical
    return after[0].canonical if after else None


# ", contó", "», protestó": a verb of saying after what was said, its speaker after it
_INVERTED = re.compile(r"[,»”\"][ \u00a0]*$")


def _subject_speaker(ctx: ClaimDocument, child: Token, speakers, discourse) -> str | None:
    child = _out_of_the_dateline(ctx, child)
    if "Rel" in child.morph.get("PronType") and child.head.dep_ in ("acl", "acl:relcl") and child.head.head.i != child.head.i:
        # "la ministra X, quien precisó que...", "El fabricante de chips, que reportó...": the antecedent speaks
        child = _antecedent(child.head.head, speakers)
    named = _name_of_token(child, speakers) or _after_fronted_adjective(child, speakers)
    if named is not None:
        return (_past_the_dateline(child, named, speakers) or named).canonical
    if child.lower_ in ("él", "ella") and child.pos_ == "PRON":
        return last_named(ctx, "person", child.idx, 2)  # '..., agregó él.': the person named just before
    if child.lower_ in _COURT_REFERENCES and _name_in_apposition(child, speakers) is None:
        return _court(ctx, child.idx)  # "El tribunal concluye que...", "La Sala razona que...": the court named before
    kinds = kinds_of_noun(ctx, child.text)
    outlet = _outlet_in_phrase(child, speakers) if kinds == ("media",) else None
    if outlet is not None:
        return outlet.canonical
    if kinds:
        inner = _name_in_apposition(child, speakers)
        possessed = any(c.lower_ in ("su", "sus") for c in child.children)
        if inner is not None and ((inner.label == "PER") == ("person" in kinds) or (possessed and inner.label == "PER")):
            # "su coordinadora, Marta Lidia Chicas": whoever holds the post the possessive names
            # "el ministro Ferreyra", "la organización Ecologistas en Acción";
            # not the founder in "la compañía de Mark Zuckerberg"
            return inner.canonical
        named_last = _person_closing_phrase(child, speakers) if "person" in kinds else None
        if named_last is not None:
            return named_last.canonical
        # "un municipio de 14.000 habitantes" is a kind of thing, no body named before
        meant = None if _indefinite(child) else referent(ctx, child.text, child.idx, discourse)
        if meant is not None:
            return meant
    if is_paper(ctx, child.lower_):
        # "el documento de proyecto presentado por la filial estima..."
        lo, hi = child.idx + len(child.text), child.right_edge.idx + len(child.right_edge.text)
        owner = _phrase_owner(ctx, lo, hi, speakers, discourse) or _possessor(ctx, child, speakers) or _paper_named_before(ctx, child, discourse)
        if owner is not None:
            return owner
    if child.lower_ in ctx.cues.speaker_nouns:
        lo, hi = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
        inside = [n for n in speakers if lo <= n.start and n.end <= hi]
        if inside:
            return inside[0].canonical
        behind = _spoken_for(ctx, child, discourse)
        if behind is not None:
            return behind
    inner = _name_in_apposition(child, speakers)
    return inner.canonical if inner is not None else None


def _out_of_the_dateline(ctx: ClaimDocument, child: Token) -> Token:
    """'RIAD, 3 feb (Reuters) - Dahna IA, una empresa conjunta..., dijo': the
    small model makes the dateline's city the verb's subject and hangs the
    firm on it; the firm, first word past the dateline, speaks."""
    if not ctx.in_dateline(child.idx):
        return child
    return next((c for c in child.children if c.dep_ in ("conj", "appos", "flat", "flat:name") and not ctx.in_dateline(c.idx)), child)


def _antecedent(token: Token, speakers) -> Token:
    """'con Hydro One, la utilidad de Ontario, que estima el costo en...': the
    small model hangs the relative clause on the place last named; a place
    estimates nothing, the name it hangs from does."""
    for _ in range(_ANTECEDENT_REACH):
        climbs = (token.pos_ == "PROPN" and token.dep_ in ("nmod", "appos")) or token.dep_ == "appos"
        if not climbs or _name_of_token(token, speakers) is not None:
            return token
        token = token.head
    return token


_ANTECEDENT_REACH = 3  # from a place, through "de" and an apposition, to the name


def _possessor(ctx: ClaimDocument, paper: Token, speakers) -> str | None:
    """'El Cenace reportó que..., y sus proyecciones anticipan que...': a
    paper with a possessive is that of the speaker named first in its sentence."""
    if not any(c.lower_ in ("su", "sus") for c in paper.children):
        return None
    named = [n for n in speakers if paper.sent.start_char <= n.start and n.end <= paper.idx and not is_reporter(n)]
    return named[0].canonical if named else None


def _past_the_dateline(child: Token, named: NameMatch, speakers) -> NameMatch | None:
    """'MEDELLÍN, 21 oct (Colprensa).- Bancolombia anunció...': the small
    model keeps '(Colprensa).-' as one word and hangs the firm on it; the
    wire agency of the dateline is not who announces."""
    if not is_reporter(named) or not child.text.endswith(".-"):
        return None
    return next((n for c in child.children if c.dep_ in ("flat", "flat:name", "appos") and (n := _name_of_token(c, speakers)) is not None
                 and not is_reporter(n)), None)


def _after_fronted_adjective(child: Token, speakers) -> NameMatch | None:
    """'Más cauta, Paula Mondéjar, de Altozano Valores, recuerda que...': the
    small model takes the fronted adjective for the subject and hangs the
    person on it."""
    if child.pos_ != "ADJ":
        return None
    lo, hi = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
    return next((n for n in speakers if n.label == "PER" and lo <= n.start < hi), None)


def _paper_named_before(ctx: ClaimDocument, paper: Token, discourse) -> str | None:
    """'el folleto de Orbalia advierte... El documento añade que...': a paper
    the article named with its owner a sentence or two before, or the one a
    figure was last credited to; failing one, the article's topic, as for
    'según el documento' ('un documento' is any paper, 'el proyecto' the works)."""
    if paper.lower_ in ctx.cues.project_nouns or not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in paper.children):
        return None
    reach = start_sentences_back(ctx, paper.idx, _PAPER_SENTENCES)
    credited = discourse.paper if discourse is not None and discourse.paper[0] >= reach else (-1, None)
    # the earlier paper's sentence has its own names: the speakers of this one's may not hold them
    named = [n for n in ctx.names if n.label in ("PER", "ORG")]
    for earlier in reversed([t for t in ctx.doc if max(reach, credited[0]) <= t.idx < paper.left_edge.idx and is_paper(ctx, t.lower_)]):
        owner = _phrase_owner(ctx, earlier.idx + len(earlier.text), earlier.right_edge.idx + len(earlier.right_edge.text), named, discourse) \
            or _issuer(ctx, earlier, named)
        if owner is not None:
            return owner
    # the paper a figure was credited to since ("según una encuesta de la firma X... El estudio indica que")
    return credited[1] or _topic(discourse)


_PAPER_SENTENCES = 4
# "el documento", "las bases", "dichos pliegos": a paper the reader already knows of ("un documento" is any)
_DEFINITE = frozenset({"el", "la", "los", "las", "este", "esta", "estos", "estas", "dicho", "dicha", "dichos", "dichas"})


def _spoken_for(ctx: ClaimDocument, speaker: Token, discourse) -> str | None:
    """'Un vocero de la distribuidora aseguró...': the body a reference noun
    in the speaker's phrase points back to."""
    if "Sing" not in speaker.morph.get("Number"):
        return None  # "Fuentes de la fiscalía señalaron...": unnamed sources stay unnamed
    for body in (c for c in speaker.children if c.dep_ == "nmod" and kinds_of_noun(ctx, c.lower_)):
        marks = {k.lower_ for k in body.children if k.dep_ in ("case", "det")}
        if marks & {"del"} or marks >= {"de", "la"}:  # not "de otro gremio"
            return referent(ctx, body.lower_, body.idx, discourse)
    return None


def _indefinite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("un", "una", "unos", "unas") for c in token.children)


def _name_of_token(child: Token, speakers) -> NameMatch | None:
    end = child.idx + len(child.text)
    return next((n for n in speakers if n.start < end and child.idx < n.end), None)


def _outlet_in_phrase(child: Token, speakers) -> NameMatch | None:
    """'El diario argentino Ámbito publicó que...': the outlet an outlet's
    noun names in its own phrase, past an adjective of its country."""
    end = child.right_edge.idx + len(child.right_edge.text)
    return next((n for n in speakers if is_reporter(n) and child.idx < n.start < end), None)


def _name_in_apposition(child: Token, speakers) -> NameMatch | None:
    """'el ministro Ferreyra', and 'la vocera de la Coordinadora, Javiera Millán,' right after the phrase."""
    for head in (c for c in child.children if c.dep_ in ("appos", "flat", "flat:name", "compound")):
        # the apposition's own head: in "la compañía, filial de Amazon", Amazon is the parent, not the company
        lo, hi = (head.idx, head.idx + len(head.text)) if head.dep_ == "appos" else (head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text))
        for name in speakers:
            if name.start < hi and lo < name.end and not is_reporter(name):
                return name
        titled = (_titled_name(head, speakers) or _named_in_title(head, speakers)) if head.dep_ == "appos" else None
        if titled is not None:
            return titled
    text = child.doc.text
    noun_end = child.idx + len(child.text)
    right_after = next((n for n in speakers if text[noun_end : n.start] in (" ", "\u00a0")), None)
    if right_after is not None:
        return right_after  # "la organización Ecologistas en Acción", however the parser attached it
    end = child.right_edge.idx + len(child.right_edge.text)
    return next((n for n in speakers if n.label == "PER" and text[end : n.start] in (", ", ",\u00a0")), None)


def _titled_name(head: Token, speakers) -> NameMatch | None:
    """'el ejecutivo estatal de inversión Datuk Azman Rahim': an honorific the
    parser makes the apposition's head, the person's name its flat words."""
    flats = [c for c in head.children if c.dep_ in ("flat", "flat:name")]
    if not flats:
        return None
    lo, hi = flats[0].idx, flats[-1].idx + len(flats[-1].text)
    return next((n for n in speakers if n.label == "PER" and n.start < hi and lo < n.end), None)


def _named_in_title(head: Token, speakers) -> NameMatch | None:
    """'El autor del proyecto, el concejal Germán Ribotta, recordó...': the
    apposition is a title, and the person its own apposition."""
    for inner in (c for c in head.children if c.dep_ == "appos"):
        found = next((n for n in speakers if n.label == "PER" and n.start < inner.idx + len(inner.text) and inner.idx < n.end), None)
        if found is not None:
            return found
    return None


def _person_closing_phrase(noun: Token, speakers) -> NameMatch | None:
    """'el director de la filial salvadoreña, Thomas Whitaker': the person
    named after a comma at the end of the title's phrase, wherever the parse
    hung the name."""
    text = noun.doc.text
    hi = noun.right_edge.idx + len(noun.right_edge.text)
    return next((n for n in speakers if n.label == "PER" and noun.idx < n.start and _ends_phrase(text, n.end, hi) and _closes_title(text[noun.idx : n.start])), None)


def _ends_phrase(text: str, end: int, hi: int) -> bool:
    """The name ends the title's phrase, or only an aside follows it ('..., del Partido Nacional,')."""
    return end == hi or (end < hi and text[end] == ",")


def _closes_title(title: str) -> bool:
    """A comma before the name, or a place after 'por' ('el diputado por
    Cortés Marcos Bertrand'), and not 'el asesor de Juan Pérez', whose name
    is somebody else's."""
    # "la Secretaria de Desarrollo Económico, Mtra. Elvira Cuautle": the name's own title goes with it
    title = _TITLE_BEFORE_NAME.sub(lambda m: "" if is_title(m.group(1)) else m.group(0), title)
    return title.rstrip().endswith(",") or bool(_CONSTITUENCY_BEFORE.search(title)) or bool(_OF_THIS_OUTLET.search(title))


# "el economista y columnista de este diario Ramón Tejeda Báez": the outlet's own writer, named after the post
_OF_THIS_OUTLET = re.compile(r"\s(?:de|en)\s+(?:este|esta|nuestro|nuestra)\s+(?:diario|medio|periódico|publicación|redacción|revista|portal|cabecera)\s+$")


def _noun_after(ctx: ClaimDocument, verb: Token, discourse) -> str | None:
    """'calculó la entidad', 'informó la empresa': the subject after the verb;
    'detalla la MIA', 'precisa el documento': the paper's owner."""
    after = _REFERENCE_AFTER.match(ctx.text, verb.idx + len(verb.text))
    if not after:
        return None
    if kinds_of_noun(ctx, after.group(1)):
        return referent(ctx, after.group(1), verb.idx, discourse, 3)
    paper = next((t for t in verb.doc[verb.i + 1 : verb.i + 5] if t.idx == after.start(1)), None)
    if paper is None or paper.lower_ not in ctx.cues.document_nouns:
        return None
    return _paper_named_before(ctx, paper, discourse)


def _impersonal(verb: Token) -> bool:
    """'se estima', 'se calcula': nobody in particular says so; 'se quejó su
    CEO, Valeria Ruzzo' has a speaker of its own."""
    reflexive = verb.i > 0 and verb.doc[verb.i - 1].lower_ == "se" or any(c.lower_ == "se" for c in verb.children)
    return (reflexive and not any(c.dep_ == "nsubj" and _names_someone(c) for c in verb.children)) or _infinitive_passive(verb)


def _infinitive_passive(verb: Token) -> bool:
    """'pidió ser declarada zona franca': what is to be declared of it, by no one named."""
    return "Part" in verb.morph.get("VerbForm") and any(c.dep_.startswith("aux") and c.lower_ == "ser" for c in verb.children)


def _names_someone(token: Token) -> bool:
    """'Valeria Ruzzo', 'su directora, Valeria Ruzzo': not the thing a
    reflexive passive counts ('se estiman 300 empleos')."""
    return token.pos_ == "PROPN" or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in token.children)


# ---------------------------------------------------------------- transcripts
# "FERRÉS: La primera etapa le va a costar a Antel US$ 64 millones.": a line opened by its speaker's name in capitals
_SPEAKER_LABEL = re.compile(r"(?m)^[ \t]*(?P<label>[A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ'-]{2,}(?: [A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ'-]+)?):[ \t]")


def _labelled_speaker(ctx: ClaimDocument, number: NumberMatch, draft: ClaimDraft) -> str | None:
    """In a transcript, what a line labelled with a person's surname says is
    theirs ('FERRÉS:' is Gonzalo Ferrés, named earlier); a label naming no
    one of the page ('PERIODISTA:') gives no source."""
    line_start = ctx.text.rfind("\n", 0, number.start) + 1
    label = _SPEAKER_LABEL.match(ctx.text, line_start)
    if label is None:
        return None
    wanted = label.group("label").lower()
    people = [n for n in ctx.names if n.label == "PER" and n.end <= number.start
              and (n.canonical.lower().endswith(" " + wanted) or n.canonical.lower() == wanted)]
    return _found(draft, people[-1].canonical, f"source<-speaker-label:{label.group('label')}", "speaker") if people else None


# ---------------------------------------------------------------- press releases
# "Boletín 245/2026", "Comunicado de prensa No. 38": a government's release reproduced, to its closing mark
_RELEASE_OPENS = re.compile(r"(?im)^[ \t]*(?:bolet[ií]n|comunicado)(?:[ \t]+de[ \t]+prensa)?(?:[ \t]+(?:no\.?|n[úu]m\.?|n\.º))?[ \t]*\d+(?:/\d{2,4})?[ \t]*$")
_RELEASE_CLOSES = re.compile(r"(?im)^[ \t]*(?:[–—-]+[ \t]*o0o[ \t]*[–—-]+|[–—-]*0{3}[–—-]*|#{3}|[–—-]*[ \t]*fin(?:[ \t]+del[ \t]+(?:documento|comunicado|texto))?[ \t]*[–—-]*)[ \t]*$")
# "Reproducimos el documento de la ASEP.", "A continuación, la nota de prensa íntegra que distribuyó el Ministerio...":
# the outlet hands over to a body's own text, whose name the sentence gives
_REPRODUCED = re.compile(
    r"(?i)(?:reproducimos(?:[ \t]+a[ \t]+continuación)?|a[ \t]+continuación,?)[ \t]+(?:(?:el|la|los|las)[ \t]+)?(?:texto[ \t]+(?:íntegro[ \t]+)?(?:de[ \t]+|del[ \t]+)?(?:el[ \t]+|la[ \t]+)?)?"
    r"(?:comunicado|documento|boletín|nota(?:[ \t]+de[ \t]+prensa)?|declaración|carta|respuesta|(?:evento|hecho)[ \t]+relevante)[^.\n]*"
)


def _release_issuer(ctx: ClaimDocument, number: NumberMatch, draft: ClaimDraft, discourse: Discourse | None = None) -> str | None:
    """A figure of a body's press release or document that the outlet
    reproduces is that body's word unless someone in it says it: the body the
    outlet's hand-over names or points back to ("el evento relevante de la
    compañía"), else the first government the page names before the figure
    (the one whose release it is)."""
    handed = _REPRODUCED.search(ctx.text, 0, number.start)
    opens = handed or _RELEASE_OPENS.search(ctx.text, 0, number.start)
    if opens is None or _closed_before(ctx, opens.end(), number):
        return None  # the outlet's own paragraphs after the release
    named = [n for n in ctx.names if n.label == "ORG" and handed is not None and handed.start() <= n.start < handed.end()]
    governments = [n for n in ctx.names if n.label == "ORG" and n.canonical.startswith("Government of") and n.start < number.start]
    # "el comunicado de la Coordinación de Comunicación Social del Gobierno de Hidalgo": the body the office speaks for, named last
    issuer = [n.canonical for n in named[-1:]] or _handed_over_by(ctx, handed, discourse) or _sender_of(ctx, handed) or [n.canonical for n in governments[:1]]
    return _found(draft, issuer[0], "source<-release", "speaker") if issuer else None


# an official notice reproduced as a gazette prints it: the body's name in capitals, then "Anuncio" or "Edicto"
_NOTICE_OPENS = re.compile(r"(?m)^[ \t]*(?P<body>[A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ .,'-]{5,120}?)[ \t]*\n[ \t]*(?:Anuncio|ANUNCIO|Edicto|EDICTO)\b[^\n]{0,80}$")


def _notice_issuer(ctx: ClaimDocument, number: NumberMatch, draft: ClaimDraft) -> str | None:
    """'AYUNTAMIENTO DE VILLALGORDO DEL PÁRAMO / Anuncio / ...': the figures of
    a public notice the outlet reproduces are the word of the body that
    issues it, named in capitals above it, up to the notice's closing mark."""
    opens = list(_NOTICE_OPENS.finditer(ctx.text, 0, number.start))[-1:]
    if not opens or _closed_before(ctx, opens[0].end(), number):
        return None
    body = opens[0].group("body").strip().lower()
    issuer = next((n.canonical for n in ctx.names if n.label == "ORG" and body in (n.text.lower(), n.canonical.lower())), None)
    return _found(draft, issuer, "source<-notice", "speaker") if issuer else None


def _closed_before(ctx: ClaimDocument, opened: int, number: NumberMatch) -> bool:
    """A reproduced document's closing mark ("—Fin del documento—", "###") stands between its opening and the figure."""
    closes = _RELEASE_CLOSES.search(ctx.text, opened)
    return closes is not None and closes.start() < number.start


# the paper a hand-over gives: "el texto íntegro de la carta", "la declaración"
_HANDED_PAPER = re.compile(r"(?i)(comunicado|documento|boletín|nota|declaración|carta|respuesta)\b")


def _sender_of(ctx: ClaimDocument, handed: re.Match | None) -> list[str]:
    """'La Cámara de Comercio remitió ayer una carta abierta al presidente...
    A continuación, el texto íntegro de la carta:': a paper the outlet hands
    over to is the word of the organisation that sent it, named acting in the
    last sentence before the hand-over that mentions the paper."""
    paper = handed and _HANDED_PAPER.search(handed.group(0))
    if not paper:
        return []
    mention = _paper_mention(paper.group(1).lower())
    for start, end in reversed([b for b in ctx.sentences if b[1] <= handed.start()]):
        if mention.search(ctx.text, start, end):
            senders = [n for n in ctx.names if start <= n.start < end and n.label == "ORG" and not ctx.after_preposition(n)]
            return [senders[0].canonical] if senders else []
    return []


@lru_cache(maxsize=None)
def _paper_mention(noun: str) -> re.Pattern:
    return re.compile(r"(?<![^\W_])" + re.escape(noun) + r"(?![^\W_])", re.IGNORECASE)


# "de la compañía": the noun a hand-over names its document's owner by
_OWNER_NOUN = re.compile(r"(?<![^\W_])(?:de|del)[ \t]+(?:la[ \t]+|el[ \t]+)?([^\W\d_]+)")


def _handed_over_by(ctx: ClaimDocument, handed: re.Match | None, discourse: Discourse | None) -> list[str]:
    """'el evento relevante de la compañía': the body the hand-over's reference noun points back to."""
    owner = handed and _OWNER_NOUN.search(handed.group(0))
    meant = owner and referent(ctx, owner.group(1), handed.start() + owner.start(1), discourse)
    return [meant] if meant else []


# a newswire's release as sites republish it: "Noticias proporcionadas por" and the issuer on
# the next line, or a "/PRNewswire/" dateline; it ends at "FUENTE <issuer>"
_WIRE_PROVIDED = re.compile(r"(?im)^[ \t]*(?:noticias|noticia|news)[ \t]+(?:proporcionadas?|provided)[ \t]+(?:por|by)[ \t]*\n[ \t]*(?P<issuer>\S[^\n]*)$")
_WIRE_DATELINE = re.compile(r"/(?:PRNewswire|Business[ \t]?Wire|GLOBE[ \t]?NEWSWIRE|PRNewswire-HISPANIC[ \t]PR[ \t]WIRE)/", re.IGNORECASE)
_WIRE_SOURCE = re.compile(r"(?m)^[ \t]*FUENTE[ \t]+(?P<issuer>\S[^\n]*)$")


def _wire_release_issuer(ctx: ClaimDocument, number: NumberMatch, draft: ClaimDraft) -> str | None:
    """A company's release a newswire distributes is the company's word, unless someone in it says the figure."""
    opens = _WIRE_PROVIDED.search(ctx.text, 0, number.start) or _WIRE_DATELINE.search(ctx.text, 0, number.start)
    if opens is None:
        return None
    closes = _WIRE_SOURCE.search(ctx.text, opens.end())
    if closes is not None and closes.start() < number.start:
        return None
    line = opens if "issuer" in opens.groupdict() else closes
    if line is None:
        return None
    issuer = next((n for n in ctx.names if n.label == "ORG" and line.start("issuer") <= n.start < line.end("issuer")), None)
    return _found(draft, issuer.canonical, "source<-release", "speaker") if issuer else None


# ---------------------------------------------------------------- letters
# "Cartas de lectores", "Opinión › Cartas al director", "Señor director:": an opinion page's letters begin
_LETTERS_OPEN = re.compile(r"(?im)^[ \t]*señora?[ \t]+director(?:a)?[ \t]*:|^(?:[^\n]{0,40}[›»>|/][ \t]*)?[ \t]*cartas?[ \t]+(?:de[ \t]+(?:los[ \t]+)?lectores|al[ \t]+director(?:a)?|a[ \t]+la[ \t]+directora|del[ \t]+lector)[ \t]*:?[ \t]*$")
# the signature that closes a letter: a name, perhaps a comma and a town, alone on its line
_SIGNATURE = re.compile(r"[ \t]*(?:,[ \t]*[^\n,.;:]{2,40})?[ \t]*$")


def _letter_signer(ctx: ClaimDocument, number: NumberMatch, draft: ClaimDraft) -> str | None:
    """On an opinion page's letters, a letter's figures are its signer's
    word: the first person after the figure named alone on a line (perhaps
    with a town), which is the signature closing that figure's letter."""
    opens = _LETTERS_OPEN.search(ctx.text, 0, number.start)
    if opens is None:
        return None
    for person in (n for n in ctx.names if n.label == "PER" and n.start > number.end):
        line_start = ctx.text.rfind("\n", 0, person.start) + 1
        if ctx.text[line_start : person.start].strip() == "" and _SIGNATURE.match(ctx.text, person.end, _line_end(ctx.text, person.end)):
            return _found(draft, person.canonical, "source<-letter", "speaker")
    return None


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end


# ---------------------------------------------------------------- interviews
# "¿Cuánto facturaron?": a line that is one question, as an interview's are; or a line marked as
# the interviewer's ("P: La CREG calcula... ¿Aguanta la red?", "—¿Y el agua?") that ends on one
# (a reader's question to a column, "PREGUNTA: ¿Por qué pago más? Mi recibo pasó de...", may go on after its mark)
_QUESTION_LINE = re.compile(
    r"(?m)^[ \t]*(?:(?:P|Pregunta|PREGUNTA)[.:][ \t]*[^\n]{0,400}?¿[^\n?]{4,240}\?[^\n]{0,300}?|(?:[—–][ \t]*[^\n]{0,400}?)?¿[^\n?]{4,240}\?)[ \t]*$"
)
_QUESTION_MARK = re.compile(r"[ \t]*(?:(?:P|Pregunta|PREGUNTA)[.:]|[—–])")
_BULLET = re.compile(r"[ \t]*[-•·*▪][ \t]")
_ANSWER_MARK = re.compile(r"[ \t]*(?:(?:R|Respuesta|RESPUESTA)[.:]|[—–])")
_INTERVIEW_QUESTIONS = 3
# the answers speak in the first person: "Operamos 512 GPU", "nos cuentan", "no puedo nombrar"
_FIRST_PERSON = re.compile(r"(?<![^\W_])(?:[a-záéíóúñ]{2,}(?:amos|emos|imos)|nos|nuestr[oa]s?|yo|puedo|tengo|creo)(?![^\W_])", re.IGNORECASE)


def _interviewee(ctx: ClaimDocument, number: NumberMatch, draft: ClaimDraft) -> str | None:
    """In a page of questions and answers, an answer's figures are the word
    of the person interviewed: the first person the page names before its
    first question. A question's own figures are nobody's."""
    questions = list(_QUESTION_LINE.finditer(ctx.text))
    marked = [q for q in questions if _QUESTION_MARK.match(q.group(0))]
    questions = marked or questions  # a headline asking "¿Nos dejan sin luz...?" is no interviewer's
    if len(questions) < _INTERVIEW_QUESTIONS or number.start < questions[0].start():
        return None
    if not marked and len(_FIRST_PERSON.findall(ctx.text, questions[0].end())) < _INTERVIEW_QUESTIONS:
        return None  # an explainer's questions ("¿Cuánta luz consumen?") are answered by the outlet
    asked = next((q for q in questions if q.start() <= number.start < q.end()), None)
    if asked is not None:
        return _asker(ctx, asked, draft)
    if not _an_answer(ctx, number, questions[0]):
        return None
    people = [n for n in ctx.names if n.label == "PER" and n.end <= questions[0].start() and not ctx.in_furniture(n.start)]
    return _found(draft, people[0].canonical, "source<-interviewee", "speaker") if people else None


def _asker(ctx: ClaimDocument, question: re.Match, draft: ClaimDraft) -> str | None:
    """'PREGUNTA: ... Mi recibo pasó de Bs. 180 a Bs. 410 en un año.' then
    'Nohelia Perozo, Barquisimeto': a reader's question to a column is the
    word of the reader who signs it on the next line; an interviewer's
    question is nobody's."""
    line = question.end() + 1
    signer = next((n for n in ctx.names if n.label == "PER" and n.start >= line and ctx.text[line : n.start].strip() == ""), None)
    if signer is None or not _SIGNATURE.match(ctx.text, signer.end, _line_end(ctx.text, signer.end)):
        return None
    return _found(draft, signer.canonical, "source<-asker", "speaker")


def _an_answer(ctx: ClaimDocument, number: NumberMatch, first_question: re.Match) -> bool:
    """Where the page marks its questions ("P:", "—¿...?"), it marks the answers
    too ("R:", "—"): a caption or a closing note after them is no answer.
    Where it does not, a photo's caption (a line with a photo credit) or a
    fact box's bullet ('- 2.241 MW, demanda máxima') is none either."""
    line_start = ctx.text.rfind("\n", 0, number.start) + 1
    if not _QUESTION_MARK.match(first_question.group(0)):
        line_end = ctx.text.find("\n", number.start)
        line_end = len(ctx.text) if line_end < 0 else line_end
        captioned = any(line_start <= start < line_end and kind == "photo_credit" for start, _, kind in ctx.page.furniture)
        return not captioned and not _BULLET.match(ctx.text, line_start)
    return bool(_ANSWER_MARK.match(ctx.text, line_start))


# ---------------------------------------------------------------- quotes
def _quoted(ctx: ClaimDocument, number: NumberMatch, names, draft: ClaimDraft) -> str | None:
    """A quotation introduced by its speaker ('Hardware de Tom “...”', 'Huang:
    «...»'), closed by a verb of speech ('«...», aseguró.'), or opening the
    sentence after a quotation so attributed."""
    for index, (start, end) in enumerate(ctx.quotes):
        if not (start <= number.start and number.end <= end):
            continue
        found = _quote_speaker(ctx, start, end, names)
        if found is None and index and _follows_quote(ctx, ctx.quotes[index - 1], start):
            # '"Los inversores preguntan...", dijo Rebecca Thorn, analista. "Cada hiperescalador gasta...": the same voice goes on
            found = _quote_speaker(ctx, *ctx.quotes[index - 1], names)
        if found is not None:
            return _found(draft, found[0], found[1], "speaker")
    return None


def _quote_speaker(ctx: ClaimDocument, start: int, end: int, names) -> tuple[str, str] | None:
    """Who a quotation is given to: a name right before it ('Huang: «...»'), or
    one a verb of speech after it names ('«...», afirmó la senadora X') or,
    with a bare verb ('«...», aseguró.'), the person named last."""
    text = ctx.text
    for name in names:
        gap = text[name.end : start - 1]
        if name.label in ("PER", "ORG") and name.end <= start - 1 and len(gap) <= 3 and _QUOTE_LEAD.fullmatch(gap):
            return name.canonical, "source<-quoted"
    tail = _VERB_AFTER_QUOTE.match(text, end)
    if not tail or not (ctx.cues.attribution_stems.match(tail.group(1)) or tail.group(1) in ctx.cues.attribution_forms):
        return None
    after = next((n for n in names if n.label == "PER" and tail.end() <= n.start <= tail.end() + _NAME_AFTER_VERB
                  and not re.search(r"[.;]", text[tail.end() : n.start])), None)
    person = after.canonical if after is not None else last_named(ctx, "person", start, 3)
    return (person, f"source<-quoted:{tail.group(1)}") if person else None


_NAME_AFTER_VERB = 60  # characters: "afirmó la senadora Yolanda Pike Escárcega"


def _follows_quote(ctx: ClaimDocument, previous: tuple[int, int], start: int) -> bool:
    """A quotation opening the sentence right after one that an attribution closed."""
    between = ctx.text[previous[1] + 1 : start - 1]  # between the closing mark and the opening one
    return len(between) <= _ATTRIBUTION_GAP and not any(mark in between for mark in "“”«»\"") and bool(_SENTENCE_ENDED.search(between))


_ATTRIBUTION_GAP = 160
_SENTENCE_ENDED = re.compile(r"\.\s*$")


def _found(draft: ClaimDraft, source: str, cue: str, role: str) -> str:
    draft.cues.append(cue)
    draft.source_role = role
    return source
