"""Turn the numbers of a parsed article into claims.

One claim per number that states something (DATE spans and numbers in a
headline anchor none). Each field has its own module, a general rule over
the dependency parse, the name spans and the cue lexicons of
`data/cues.json`: `unit`, `hardware`, `source`, `modality`, `subject`;
claims inside a pasted post are attributed by `posts`. Every decision is
written to the claim's `cues`, so a reviewer sees why.
"""

from __future__ import annotations

import re
from typing import Sequence

from spacy.tokens import Doc

from pipeline.claims.confidence import claim_confidence, field_confidence, field_keys
from pipeline.claims.cues import Cues, cues as load_cues
from pipeline.claims.document import ClaimDocument
from pipeline.claims.draft import ClaimDraft
from pipeline.claims.hardware import hardware_of
from pipeline.claims.modality import governing_verbs, modality_of
from pipeline.claims.orgs import orgs_of
from pipeline.claims.names import unique, within
from pipeline.claims.posts import attribute_comments, attribute_posts, attribute_thread
from pipeline.claims.rumours import attribute_hearsay
from pipeline.claims.source import source_of
from pipeline.claims.reference import Discourse, is_company, vehicles
from pipeline.claims.subject import subject_of
from pipeline.claims.topic import sentence_subject_org, topic_of
from pipeline.claims.employers import employers, outside_posts, outsiders, post_mentions
from pipeline.claims.shared_units import share_counted_nouns, share_rates
from pipeline.claims.unit import unit_of
from pipeline.claims.verbs import VerbForms
from pipeline.names import NameMatch
from pipeline.numbers import NumberMatch
from pipeline.page import PageProfile, read_page

# Counts of GPUs, TPUs and CPUs use that word; other accelerators are "chip".
_COUNT_WORDS = {"GPU": "GPU", "TPU": "TPU", "CPU": "CPU"}


class ClaimBuilder:
    """What the rules know of the world (cues, chip categories, people's
    organisations); everything about one document lives in a `ClaimDocument`."""

    def __init__(self, cue_path: str | None = None, catalogue=None):
        self.cues: Cues = load_cues(cue_path)
        category = catalogue.hardware_category if catalogue else (lambda canonical: None)
        self.category_of = lambda canonical: _COUNT_WORDS.get(category(canonical) or "", "chip")
        self.org_of_person = catalogue.person_org if catalogue else (lambda canonical: None)
        self.verbs = VerbForms(self.cues)

    def build(
        self, doc: Doc, names: Sequence[NameMatch], numbers: Sequence[NumberMatch], text: str | None = None,
        page: PageProfile | None = None,
    ) -> list[ClaimDraft]:
        # Doc.text joins every token each time it is read: read it once.
        text = doc.text if text is None else text
        ctx = ClaimDocument.read(doc, text, self.cues, self.verbs, page or read_page(text))
        ctx.names = list(names)
        parents = vehicles(ctx)
        drafts: list[ClaimDraft] = []
        topic, topic_is_system = topic_of(ctx, names)
        posts = post_mentions(ctx)
        discourse = Discourse(topic=topic, topic_is_system=topic_is_system, focus=None if topic_is_system else topic, employers=employers(posts),
                              posts={org.start: person.canonical for person, org in posts}, outside_posts=outside_posts(ctx, posts),
                              outsiders=outsiders(ctx))
        systems_seen = {n.canonical for n in names if n.label == "HARDWARE" and n.kind == "system"}
        last_line = -1
        read_upto, next_sentence = 0, 0
        for number in numbers:
            if number.label == "DATE":
                continue
            sentence = ctx.sentence_of(number)
            if ctx.in_heading(number.start) or ctx.in_withdrawn(number.start):
                continue
            next_sentence = self._focus_between(ctx, next_sentence, read_upto, sentence[0], names, discourse)
            read_upto = max(read_upto, sentence[1])
            line = ctx.line_of(sentence[0])
            if line != last_line:
                # A subject carries within a paragraph; only the system the
                # whole report is about carries past its end (not LUMI, one
                # of the machines a report lists, into its funding paragraph).
                if discourse.carried not in systems_seen or discourse.carried != topic:
                    discourse.carried = None
                # A sub-heading opens a section about the article's topic again.
                if not topic_is_system and (_heading_between(ctx, last_line, line) or _opens_on_the_company(ctx, sentence)):
                    discourse.focus = topic
                last_line = line
            self._focus_on_new_subjects(ctx, sentence, names, discourse)
            drafts.append(self._draft(ctx, number, sentence, names, numbers, discourse))
            _to_parent(drafts[-1], parents)
        attribute_posts(ctx.text, names, numbers, drafts)
        attribute_thread(ctx.text, names, drafts)
        attribute_comments(ctx.text, names, drafts)
        attribute_hearsay(ctx.text, drafts)
        share_rates(ctx, drafts)
        share_counted_nouns(ctx, drafts)
        for draft in drafts:
            _rate(draft)
        return drafts

    @classmethod
    def _focus_between(cls, ctx: ClaimDocument, at: int, start: int, end: int, names, discourse: Discourse) -> int:
        """Sentences without a number still say who the text is about now:
        'Andes Cómputo es la desarrolladora que conduce X. La firma compró...'.
        Reads the sentences from index `at` that end by `end`; returns where it stopped."""
        sentences = ctx.sentences
        while at < len(sentences) and sentences[at][1] <= end:
            if start <= sentences[at][0] and not ctx.in_heading(sentences[at][0]):
                cls._focus_on_new_subjects(ctx, sentences[at], names, discourse)
            at += 1
        return at

    @staticmethod
    def _focus_on_new_subjects(ctx: ClaimDocument, sentence, names, discourse: Discourse) -> None:
        """A sentence whose subject is a named organisation moves the focus to it."""
        # an outside speaker's post ("el economista de la consultora X, Y, estimó...") moves no focus
        subject = sentence_subject_org(ctx, sentence, [n for n in names if n.start not in discourse.outside_posts])
        if subject:
            discourse.focus = subject

    def _draft(self, ctx: ClaimDocument, number, sentence, names, numbers, discourse: Discourse) -> ClaimDraft:
        draft = ClaimDraft(number, sentence)
        s_names = within(names, sentence)
        clause = ctx.clause(sentence, number)
        draft.unit = unit_of(ctx, number, s_names, draft, self.category_of)
        draft.hardware = hardware_of(ctx.text, number, names, numbers, draft, self.cues)
        draft.source = source_of(ctx, sentence, clause, number, s_names, draft, discourse)
        draft.modality = modality_of(ctx, sentence, clause, draft)
        c_names = within(s_names, clause)
        draft.subject = subject_of(ctx, number, s_names, c_names, draft, discourse, self.org_of_person)
        # A figure compared with another's ("frente al 90 % de NVIDIA"), or one a
        # remark on another name gives ("..., un fondo que administra 1.200
        # millones"), moves neither the focus nor the subject to carry; nor
        # does the company a bank sets a price target for ("Bursamex elevó su
        # precio objetivo para Fibra Cenzontle... calculó la firma")
        aside = any(c.startswith(("subject<-owner", "subject<-apposed", "subject<-price-target")) for c in draft.cues)
        if draft.subject and not aside and not _of_phrase_pick(ctx, draft, s_names) and any(is_company(n) and n.canonical == draft.subject for n in s_names):
            discourse.focus = draft.subject
        chip_subject = next((n.canonical for n in c_names if n.canonical == draft.subject and n.kind == "chip"), None)
        if chip_subject and chip_subject not in draft.hardware:
            draft.hardware.append(chip_subject)  # "Cada MI300X integra 192 GB": the spec is the chip's
        draft.orgs = orgs_of(ctx, c_names, draft, s_names, discourse.posts)
        draft.date = _date(ctx, draft, [n for n in numbers if not ctx.in_dateline(n.start)], sentence, clause)
        # A public body's figure is no topic to carry, nor a subject met in a
        # later clause ("..., frente a los 0,6 MW del FinisTerrae III").
        main_clause = clause[0] == sentence[0] and not aside
        if main_clause and draft.subject and any(n.canonical == draft.subject and (is_company(n) or n.label == "HARDWARE") for n in names):
            discourse.carried = draft.subject
        elif main_clause and any(c.startswith("subject<-none:") for c in draft.cues):
            discourse.carried = None  # "Hoy operan en Chile cerca de 30 data centers, cuya potencia pasó de 193 a 325 MW": the talk left the company
        # "...incorporará 480 MW, de los cuales 250 MW llegarán en barcazas":
        # within its sentence, any subject of a main clause carries
        discourse.in_sentence = _sentence_subject(discourse, sentence, draft.subject if main_clause else None)
        discourse.previous = draft.subject
        return draft


def _opens_on_the_company(ctx: ClaimDocument, sentence: tuple[int, int]) -> bool:
    """'La compañía calcula que...' opening the paragraph of `sentence`: the
    company the article is about, not the one the paragraph before ended on."""
    start = ctx.text.rfind("\n", 0, sentence[0]) + 1
    opening = re.match(r"(?:la|el)\s+(?P<noun>[a-záéíóúñ]+)\s", ctx.text[start : start + 40], re.IGNORECASE)
    return opening is not None and opening.group("noun").lower() in ctx.cues.generic_company_nouns


def _of_phrase_pick(ctx: ClaimDocument, draft: ClaimDraft, names) -> bool:
    """'comprará 180.000 chips de NVIDIA y AMD para un campus que tendrá 1,5
    GW', 'pidió a Air-e explicar...': an organisation the weak rule took from
    a prepositional phrase (a vendor, an addressee, a place) is no new focus
    for 'la compañía'."""
    cue = next((c for c in draft.cues if c.startswith("subject<-org:")), None)
    if cue is None:
        return False
    named = [n for n in names if n.text == cue.split(":", 1)[1]]
    return any(_OF_BEFORE.search(ctx.text, max(0, n.start - 40), n.start) for n in named)


# "de NVIDIA", "a Air-e", "en Abasto", "de NVIDIA y AMD"
_OF_BEFORE = re.compile(r"(?<![^\W_])(?:de|del|a|al|en|con|por|para|ante|entre|sobre|hacia|desde)\s+(?:(?:la|el|los|las)\s+)?(?:[A-ZÁÉÍÓÚÑ][\w-]*\s+(?:y|e)\s+)?$")


def _sentence_subject(discourse: Discourse, sentence: tuple[int, int], subject: str | None) -> tuple:
    """The subject a sentence's main clause gave, kept for its later clauses."""
    if subject or discourse.in_sentence[0] != sentence:
        return sentence, subject
    return discourse.in_sentence


def _to_parent(draft: ClaimDraft, parents: dict[str, str]) -> None:
    """A legal vehicle's figures and statements are its parent's ('Desierto
    Digital SpA, filial de Scala Data Centers': 'informó la empresa')."""
    if draft.subject in parents:
        draft.cues.append(f"subject<-parent:{draft.subject}")
        draft.subject = parents[draft.subject]
    if draft.source in parents:
        draft.cues.append(f"source<-parent:{draft.source}")
        draft.source = parents[draft.source]


def _heading_between(ctx: ClaimDocument, last_line: int, line: int) -> bool:
    return last_line >= 0 and any(ctx.line_of(start) in range(last_line + 1, line) for start, _ in ctx.page.headings)


def _rate(draft: ClaimDraft) -> None:
    """How sure each field is, from the rule that decided it (calibrated on dev)."""
    keys = field_keys(draft.anchor.label, draft.cues, {"modality": draft.modality, "orgs": draft.orgs, "date": draft.date})
    draft.field_confidence = field_confidence(keys)
    draft.confidence = claim_confidence(draft.field_confidence)


def _date(ctx: ClaimDocument, draft: ClaimDraft, numbers, sentence, clause) -> str | None:
    """Only a date of the number's own verb dates it: in "la MI325X sube a
    256 GB, y la MI355X, que llegará en 2025, ..." 2025 is another chip's,
    and in "la firma, creada en 2019, instalará 2.400 GPU" the founding year
    dates the firm, not the GPUs."""
    if "modality:asserted<-change-start" in draft.cues:
        return None  # "pasará de 40 a 120 MW en 2027": 2027 dates where the change ends
    in_sentence = [n for n in numbers if sentence[0] <= n.start < sentence[1]]
    dates = [n for n in in_sentence if n.label == "DATE" and not _COMPARED_WITH.search(ctx.text, max(0, n.start - 40), n.start)]
    # "pasó de 17.900 GWh en 2023 a 19.400 GWh en 2025": a date written right after the figure is its own
    own = [d for d in dates if _OWN_DATE.fullmatch(ctx.text, draft.anchor.end, d.start)]
    in_clause = own or [d for d in dates if clause[0] <= d.start < clause[1] and not _anothers_own(ctx, d, draft, in_sentence)]
    verbs = governing_verbs(ctx, draft)
    chain = {t.i for t in verbs}
    chosen = own[:1] or [d for d in in_clause if not _dates_something_else(_verb_of(ctx, d), chain) and not _other_clause(ctx, d, verbs)][:1]
    return str(chosen[0].value) if chosen else None


def _anothers_own(ctx: ClaimDocument, date, draft: ClaimDraft, numbers) -> bool:
    """'bajó de 2.900 en 2016 a 1.850 en la actualidad', 'pasó de 18 a 57
    trabajadores y sus ingresos crecieron 140 % en 2024': a date written
    right after another figure is that figure's; an apposition that restates
    the figure (', un 12 % de la producción') shares it."""
    if date.end <= draft.anchor.start and _RESTATED.fullmatch(ctx.text, date.end, draft.anchor.start):
        return False
    return any(n.label != "DATE" and n.end <= date.start and n.start != draft.anchor.start
               and _OWN_DATE.fullmatch(ctx.text, n.end, date.start) and not _starts_change_to(ctx, draft, n) for n in numbers)


def _starts_change_to(ctx: ClaimDocument, draft: ClaimDraft, figure) -> bool:
    """'pasó de 40 a 120 MW en 2025': a change done shares its date with its
    start; one to come ('pasará de 110 MW a unos 600 MW en 2030') dates only
    where it ends."""
    if draft.anchor.end > figure.start or _CHANGE_TO.fullmatch(ctx.text, draft.anchor.end, figure.start) is None:
        return False
    verb = ctx.governing_verb(draft.anchor)
    return verb is not None and "Past" in verb.morph.get("Tense")


_CHANGE_TO = re.compile(r"\s+(?:a|hasta)\s+(?:(?:los|las|unos|unas|más\s+de|menos\s+de|cerca\s+de|casi)\s+)*")


# ", un 12 %", ", el 1,1 % de su PIB", ", casi cuatro veces", ", equivalente a cerca del 10 %": the figure before, restated
_RESTATED = re.compile(
    r"\s*,\s+(?:(?:un|una|el|la|los|las|unos|unas|casi|cerca|alrededor|del?|al|equivalente|equivalentes|a|lo\s+que\s+equivale|es\s+decir|o\s+sea|más\s+de)\s+)*"
)


def _other_clause(ctx: ClaimDocument, date, verbs) -> bool:
    """'compró en 2025 un predio y planea levantar seis naves': a date after
    the verb of an earlier clause coordinated with the number's dates that
    clause's act, not the naves; one written before both ('En 2024, la
    sequía obligó a cortes y el déficit llegó a...') dates them all."""
    conj = next((t for t in verbs if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")), None)
    verb = _verb_of(ctx, date)
    return conj is not None and verb is not None and verb.i == conj.head.i and date.start > verb.idx


# "41 % más que en 2024", "46 % más que en igual lapso de 2025": the year the figure is set against
_COMPARED_WITH = re.compile(r"(?:más|menos|mayor|menor|superior|inferior)\s+(?:que|a\s+l[oa]s?(?:\s+de)?)\s+(?:en\s+)?(?:(?:igual|el\s+mismo)\s+\w+\s+(?:de(?:l)?\s+)?)?$")
_OWN_DATE = re.compile(r"(?:\s+\([^()]{1,40}\))?\s+(?:en|hacia|para)\s+(?:el\s+(?:año\s+)?)?")


def _dates_something_else(verb, chain: set[int]) -> bool:
    """A date under a participle ("creada en 2019", "fundada en 1993") dates
    what the participle describes; one under a verb coordinated with the
    number's ("ya consume 38 MW y podría alcanzar 120 MW en 2028") dates the
    other verb's figure."""
    if verb is None or verb.i in chain:
        return False
    if verb.dep_ in ("acl", "amod"):
        return True
    coordinated = verb.dep_ == "conj" and verb.head.i in chain
    return coordinated or any(verb.i == ctx_verb for ctx_verb in _conj_heads(verb, chain))


def _conj_heads(verb, chain: set[int]) -> list[int]:
    return [child.head.i for child in verb.children if child.dep_ == "conj" and child.i in chain]


def _verb_of(ctx: ClaimDocument, number):
    """The verb a date hangs from; a participle read as an adjective
    ("creada en 2019") counts as one, as it describes its noun."""
    span = ctx.doc.char_span(number.start, number.end, alignment_mode="expand")
    token = span.root if span is not None else None
    for _ in range(6):
        if token is None or token.pos_ in ("VERB", "AUX") or token.dep_ == "amod":
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None
