"""What a noun without a name refers to: "la firma", "el tribunal", "el ministro".

A noun stands for the organisation or person the article has in view:
first one named nearby whose own name holds the noun ("el tribunal" for
"Segundo Tribunal Ambiental", "la corporación" for "Corporación Autónoma
Regional de Cundinamarca"); for a company noun, the company the article is
about at that point (its focus) when named nearby; else the last name of
that kind in its sentence or the few before; else, for a company, the focus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.claims.document import ClaimDocument
from pipeline.claims.names import vendor_chip
from pipeline.names import NameMatch
from pipeline.names.catalogue import org_cues

_REPORTERS = frozenset({"media"})
# "Según Red Eléctrica, ...": named after a preposition, but as a speaker.
_SPEAKER_BEFORE = re.compile(r"(?<![^\W_])según\s+(?:el\s+|la\s+|los\s+|las\s+)?$", re.IGNORECASE)
# "La promotora, participada por el fondo estadounidense Harbor Ridge, plantea...": who owns or
# leads the one acting, named as a participle's agent, is not who acts
_PARTICIPLE_AGENT_BEFORE = re.compile(r"(?<![^\W_])(?P<verb>[a-záéíóúñ]+(?:ad|id)[oa]s?)\s+por\s+(?:(?:el|la|los|las)\s+)?(?:[a-záéíóúñ]+\s+){0,2}$")
# "Para Mauricio Ospina, economista de..., el proyecto podría...": a sentence opening on whose view it is
_VIEW_OPENED = re.compile(r"(?:^|[.!?»”]\s+|\n)Para\s+(?:(?:el|la)\s+)?(?:[a-záéíóúñ]+\s+){0,3}$")
_PUBLIC = frozenset({"public", "agency", "university", "union", "civil", "party"})
_STATE = frozenset({"public", "agency"})


@dataclass
class Discourse:
    """What the claims before this one established."""

    topic: str | None = None  # what the article is about
    topic_is_system: bool = False
    focus: str | None = None  # the organisation "la compañía" means from here on
    carried: str | None = None  # the previous claim's subject, within its paragraph
    in_sentence: tuple = ((-1, -1), None)  # a sentence and the subject of its main clause
    previous: str | None = None  # the previous claim's subject, wherever it was
    employers: dict = field(default_factory=dict)  # whom the people the article quotes work for, as it says
    posts: dict = field(default_factory=dict)  # where an organisation is written as a person's post: its start -> the person
    outside_posts: set = field(default_factory=set)  # those of them that are not the firm the person runs or speaks for
    outsiders: frozenset = frozenset()  # people introduced as a resident, a farmer, an economist: no firm's voice
    paper: tuple = (-1, None)  # where the last paper a figure was credited to was named, and whose it is


def is_reporter(name: NameMatch) -> bool:
    return name.label == "ORG" and name.category in _REPORTERS


def is_public(name: NameMatch) -> bool:
    return name.label == "ORG" and name.category in _PUBLIC


def is_company(name: NameMatch) -> bool:
    return name.label == "ORG" and name.category not in _REPORTERS | _PUBLIC


_KINDS = {
    "company": is_company, "public": is_public, "person": lambda n: n.label == "PER",
    "system": lambda n: n.label == "HARDWARE" and n.kind == "system",
    "media": is_reporter,
    # "la estatal", "la paraestatal": a public body or state firm, not a country's government or parliament
    "state": lambda n: n.label == "ORG" and n.category in _STATE and n.rule != "context:national-body",
}


def kinds_of_noun(ctx: ClaimDocument, word: str) -> tuple[str, ...]:
    """'firma' -> company; 'organismo' -> public; 'entidad' -> either; 'ministro' -> person."""
    lower = word.lower()
    kinds = tuple(kind for kind, nouns in ctx.cues.reference_nouns.items() if lower in nouns)
    if lower in ctx.cues.capitalised_bodies and len(kinds) > 1:
        # "el Ejecutivo" is the government, "el ejecutivo" a firm's officer
        kinds = tuple(kind for kind in kinds if (kind == "public") == word[:1].isupper())
    return kinds


# "la estatal Antel", "la empresa estatal Petroperú", "el ente autónomo UTE": a state-owned company, which "el ente" may mean
_STATE_OWNED = re.compile(r"(?<![^\W_])(?:estatal|paraestatal|ente(?:\s+autónomo)?|empresa\s+pública)\s+$")


# a national or regional government, by its English canonical or the head it is written with
_GOVERNMENT = re.compile(r"(?<![\w])(?:[Gg]overnment|Gobierno|Generalitat|Xunta|Junta de|Poder Ejecutivo)(?![\w])")


def _means_a_government(ctx: ClaimDocument, noun: str) -> bool:
    """'el Gobierno ha remitido al Congreso... el Ejecutivo precisa que...':
    "el Ejecutivo" with a capital is a government, not the parliament or an
    agency named nearer."""
    return noun.lower() in ctx.cues.capitalised_bodies and noun[:1].isupper()


def _state_owned(ctx: ClaimDocument, canonical: str) -> bool:
    return any(n.canonical == canonical and _STATE_OWNED.search(ctx.text, max(0, n.start - 30), n.start) for n in ctx.names)


def referent(ctx: ClaimDocument, noun: str, before: int, discourse: Discourse | None, sentences_back: int = 2) -> str | None:
    """The canonical name a reference noun at `before` stands for, or None."""
    kinds = kinds_of_noun(ctx, noun)
    if not kinds:
        return None
    # "los analistas de Bernstein estiman": who speaks about the firm is not it;
    # "16.000 GB200 de Nvidia": a chip's vendor is part of the chip's mention,
    # and only "el fabricante" points at it
    # (a guild whose estimates were cited is what "el gremio" means, though)
    named = [n for n in _named(ctx, kinds, before, sentences_back) if "company" not in kinds or not _speaker_of_phrase(ctx, n)]
    if discourse is not None:
        # "X, director de análisis de Analítica Pedregal, advirtió que la empresa...": an outsider's firm is not the one meant
        named = [n for n in named if n.start not in discourse.outside_posts]
    if noun.lower() in ctx.cues.state_body_nouns:
        named = [n for n in named if n.label != "ORG" or n.category in _STATE or _state_owned(ctx, n.canonical)]  # "el organismo" is no party or union
    if _means_a_government(ctx, noun):
        named = [n for n in named if _GOVERNMENT.search(n.canonical) or _GOVERNMENT.search(n.text)]
    makers = [n for n in named if vendor_chip(ctx.text, ctx.names, n) is not None]
    if makers and noun.lower() in ctx.cues.maker_nouns:
        return makers[-1].canonical
    nearby = [n for n in named if n not in makers]
    holding = [n for n in nearby if _holds(ctx, n, noun)]
    if holding:
        return holding[-1].canonical
    if noun.lower() not in ctx.cues.generic_company_nouns:
        earlier = _holding_earlier(ctx, noun, before)  # "la minera" for "Minera Centinela", named further back
        if earlier:
            return earlier
    introduced = _introduced_by(ctx, noun, before, "PER" if kinds == ("person",) else "ORG")
    if introduced:
        return introduced  # "El consorcio Patagonia Cómputo presentó..." ... "el consorcio asegura"
    if noun.lower() in ctx.cues.developer_nouns and discourse is not None and discourse.topic:
        return discourse.topic  # "Según la promotora, el campus generará 600 empleos": the project's developer
    sector = [n for n in ctx.names if n.end <= before and _in_sector(ctx, n, noun) and any(_KINDS[k](n) for k in kinds)]
    if sector:
        return sector[-1].canonical  # "La eléctrica" for "Engie Energía Perú", named further back
    # "un acuerdo con Vistra ..., dijo la compañía": who the act was with is not who acts
    # nor the agent of a participle ("un crédito ... encabezado por Banco Industrial, detalló la compañía")
    same_sentence = [n for n in nearby if n.start >= _sentence_start(ctx, before) and not ctx.after_preposition(n) and not _owner_by_agent(ctx, n, noun)]
    if same_sentence:
        # "Cúmulo cerró una ronda liderada por el fondo Kaszek, informó la compañía": the sentence's subject first
        subject = next((n for n in same_sentence if _is_subject(ctx, n)), None)
        return (subject or same_sentence[-1]).canonical  # "el campus de KIO Networks, en el que la firma invirtió"
    focus = discourse.focus if discourse and "company" in kinds else None
    if focus and any(n.canonical == focus for n in nearby) and noun.lower() in ctx.cues.generic_company_nouns:
        return focus  # "la compañía": the one in view; "el operador": the operator named last
    # "un acuerdo con Anthropic": named, but not who acts; failing an actor, the company in view
    actors = [n for n in nearby if (not ctx.after_preposition(n) or _SPEAKER_BEFORE.search(ctx.text, max(0, n.start - 12), n.start)
                                    or _VIEW_OPENED.search(ctx.text, max(0, n.start - 40), n.start))
              and not _owner_by_agent(ctx, n, noun)]
    if actors:
        return actors[-1].canonical
    if not nearby and kinds == ("state",):
        return last_named(ctx, "state", before, len(ctx.sentences))  # "la estatal": the state body named last, however far back
    if not nearby and noun.lower() in ctx.cues.generic_public_nouns:
        return last_named(ctx, "state", before, _FARTHER)  # "la autoridad ambiental calcula": the body named a little farther back
    farther = _actor_farther_back(ctx, kinds, before, named) if nearby and not focus and noun.lower() in ctx.cues.state_body_nouns else None
    return focus or farther or (nearby[-1].canonical if nearby else _holding_earlier(ctx, noun, before))


def _owner_by_agent(ctx: ClaimDocument, name: NameMatch, noun: str) -> bool:
    """'La promotora, participada por el fondo Harbor Ridge, ...': the owner
    named as a participle's agent is not who acts; but 'el fondo,
    administrado por Cordillera AGF' is what 'la administradora' means."""
    agent = _PARTICIPLE_AGENT_BEFORE.search(ctx.text, max(0, name.start - 60), name.start)
    return agent is not None and agent.group("verb")[:6] != noun.lower()[:6]


def _actor_farther_back(ctx: ClaimDocument, kinds, before: int, named: list[NameMatch]) -> str | None:
    """'El Banco Central dedicó un recuadro... Según el documento, presentado
    ante la Comisión de Hacienda, ... El organismo estima': when every state
    body near is only named after 'ante' or 'con', the one that last acted a
    little farther back is meant."""
    allowed = {(n.start, n.end) for n in named} | {(n.start, n.end) for n in _named(ctx, kinds, before, _FARTHER) if n.start < min(m.start for m in named)}
    acting = [n for n in _named(ctx, kinds, before, _FARTHER) if (n.start, n.end) in allowed and not ctx.after_preposition(n)]
    return acting[-1].canonical if acting else None


_FARTHER = 4  # sentences back


def _is_subject(ctx: ClaimDocument, name: NameMatch) -> bool:
    token = ctx.head_of(name, ("flat", "flat:name", "appos", "compound"))
    return token is not None and token.dep_.startswith("nsubj")


def _holding_earlier(ctx: ClaimDocument, noun: str, before: int) -> str | None:
    """'según la universidad' with no university named nearby: the one the
    article named earlier whose name the noun heads ('Universidad del Norte')."""
    holding = [n for n in ctx.names if n.end <= before and _holds(ctx, n, noun)]
    return holding[-1].canonical if holding else None


def _holds(ctx: ClaimDocument, name: NameMatch, noun: str) -> bool:
    """'el tribunal' for 'Segundo Tribunal Ambiental': the noun heads the name
    (not 'Eléctrica' inside ERCOT's), in Spanish or another of Spain's
    languages ('la universidad' for 'Universitat de València'), or last in
    an English or Basque name ('el centro' for 'Barcelona Supercomputing Center')."""
    lower = noun.lower()
    forms = ctx.cues.name_head_forms.get(lower, frozenset((lower,)))
    words = name.text.lower().split()
    return name.label == "ORG" and not forms.isdisjoint(words[:2] + words[-1:])


def _in_sector(ctx: ClaimDocument, name: NameMatch, noun: str) -> bool:
    """'la eléctrica' for 'Engie Energía Perú', 'la petrolera' for 'Ecopetrol': the name says the noun's sector."""
    words = ctx.cues.sector_name_words.get(noun.lower(), frozenset())
    stems = ctx.cues.sector_name_stems.get(noun.lower(), ())
    return bool(words & set(name.text.split()[1:])) or any(stem in name.text.lower() for stem in stems)


# Up to two adjectives between a noun and the name it introduces ("la firma
# local", "el consorcio minero chileno"); a verb or a joining word there
# means the name is not the noun's ("el cliente de la empresa es G42").
_MODIFIERS = r"(?:\s+(?!(?:es|fue|era|será|son|que|y|e|o|de|del|en|con|se|ha|por|para|a|al|ante|el|la|los|las|un|una)\b)[a-záéíóúñü]+){0,2}"


# "la ministra TIC, Claudia Patricia Lozada": a post's acronym, then a comma before the person
_TITLE_TAIL = r"(?:\s+(?-i:[A-ZÁÉÍÓÚÑ]{2,6}))?,?"


def _introduced_by(ctx: ClaimDocument, noun: str, before: int, label: str = "ORG") -> str | None:
    """The name the article introduced with this very noun ("la firma local
    Antioquia Cloud", "el consorcio Patagonia Cómputo", "el académico Germán
    Ricaurte", "Germán Ricaurte, académico de la Universidad..."), or with a
    post the noun covers ("el senador Nelson Benítez" for "el legislador"),
    the last one before."""
    found = [n for word in (noun, *ctx.cues.post_classes.get(noun.lower(), ())) for n in _introduced_as(ctx, word, before, label)]
    return max(found, key=lambda n: n.start).canonical if found else None


def _introduced_as(ctx: ClaimDocument, noun: str, before: int, label: str) -> list[NameMatch]:
    intro = re.compile(r"(?<![^\W_])(?:el|la|del|al|un|una)\s+" + re.escape(noun) + _MODIFIERS + _TITLE_TAIL + r"\s+$", re.IGNORECASE)
    # "la Unión Temporal Cómputo Soberano, el consorcio que conforman...": introduced in apposition
    # (not "citados por The Information, la empresa alcanzó...": there the noun opens a clause); a person's without article
    article = r"(?:(?:el|la|un|una)\s+)?" if label == "PER" else r"(?:el|la|un|una)\s+"
    apposed = re.compile(r"\s*,\s+" + article + re.escape(noun) + r"(?:\s+[a-záéíóúñ]+){0,2}?\s*(?:,|\s+que\b|\s+de\b|\s+del\b)", re.IGNORECASE)
    return [n for n in ctx.names if n.end <= before and n.label == label
            and (intro.search(ctx.text, max(0, n.start - 60), n.start) or apposed.match(ctx.text, n.end))]


def _speaker_of_phrase(ctx: ClaimDocument, name: NameMatch) -> bool:
    words = [w.lower() for w in ctx.text[max(0, name.start - 40) : name.start].split()]
    if words and words[-1] in ("la", "el", "los", "las"):
        words.pop()
    if words and words[-1] in ctx.cues.research_firm_nouns:
        return True  # "La consultora Altiplano Insights estima...": an outside analyst, not the company in view
    return len(words) >= 2 and words[-1] in ("de", "del", "en") and words[-2] in ctx.cues.speaker_nouns


def system_referent(ctx: ClaimDocument, noun: str, before: int, sentences_back: int = 2) -> str | None:
    """'la máquina', 'el sistema': the computing system named last nearby (the
    nouns that name a system are the name recogniser's own, org_cues.json)."""
    if not is_system_noun(noun):
        return None
    systems = _named(ctx, ("system",), before, sentences_back)
    return systems[-1].canonical if systems else None


def is_system_noun(noun: str) -> bool:
    return noun.lower() in _system_nouns()


@lru_cache(maxsize=1)
def _system_nouns() -> frozenset[str]:
    return frozenset(org_cues()["system_nouns"])


def last_named(ctx: ClaimDocument, kind: str, before: int, sentences_back: int = 2) -> str | None:
    """The canonical of the last name of that kind before `before`, in its sentence or the ones just before."""
    named = _named(ctx, (kind,), before, sentences_back)
    return named[-1].canonical if named else None


def _sentence_start(ctx: ClaimDocument, offset: int) -> int:
    started = [b[0] for b in ctx.sentences if b[0] <= offset]
    return started[-1] if started else 0


def start_sentences_back(ctx: ClaimDocument, offset: int, back: int) -> int:
    """Where the sentence `back` sentences before the one at `offset` starts (0 near the top)."""
    started = [b[0] for b in ctx.sentences if b[0] <= offset]
    return started[-1 - back] if len(started) > back else 0


def _named(ctx: ClaimDocument, kinds, before: int, sentences_back: int) -> list[NameMatch]:
    reach = start_sentences_back(ctx, before, sentences_back)
    wanted = [_KINDS[kind] for kind in kinds]
    return [n for n in ctx.names if reach <= n.start and n.end <= before
            and (any(w(n) for w in wanted) or ("public" in kinds and n.label == "ORG" and _state_owned(ctx, n.canonical)))]


_SUBSIDIARY_OF = re.compile(
    r"[ \u00a0]*,?[ \u00a0]+(?:una\s+|la\s+)?(?:filial|subsidiaria)(?:\s+(?!de\b|del\b)[a-záéíóúñ]+)?\s+(?:de|del)\s+(?:la\s+|el\s+)?(?:(?!de\b|del\b)[a-záéíóúñ]+\s+){0,2}$", re.IGNORECASE
)


def vehicles(ctx: ClaimDocument) -> dict[str, str]:
    """Legal vehicles of a parent, named as such ("Eleanor Applications
    S.R.L., filial de Google en Uruguay"): their figures are the parent's
    project. A subsidiary known on its own (in the catalogue, like AWS) is not one."""
    found: dict[str, str] = {}
    names = ctx.names
    for vehicle, parent in zip(names, names[1:]):
        # "Desierto Digital SpA, filial de la brasileña Scala Data Centers": a
        # parent named as such, known or not; a vehicle the catalogue knows is its own
        if vehicle.label != "ORG" or not is_company(parent) or vehicle.rule == "catalogue":
            continue
        if _SUBSIDIARY_OF.fullmatch(ctx.text[vehicle.end : parent.start]):
            found.setdefault(vehicle.canonical, parent.canonical)
    return found
