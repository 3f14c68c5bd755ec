"""What an article is about: the organisation or system its lead opens
with, the one company of its lead sentence, or the one it names most; the
topic a figure about "el proyecto" or "la compañía" falls back to."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from pipeline.claims.actors import governing_name
from pipeline.claims.document import ClaimDocument
from pipeline.claims.names import vendor_chip
from pipeline.claims.reference import is_company, is_reporter


_BULLET = re.compile(r"[ \t]*[-•*·▪►][ \t]")


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
    sentence = _lead_sentence(ctx, lead) if lead else None
    subject = (_lead_subject(ctx, names, sentence) or _sole_company(ctx, names, sentence)) if sentence else None
    if subject:
        return subject, False
    topic = _most_named(ctx, names, lead)
    if topic[0] is None and sentence:
        # "La comisión aprobó el campus que la firma Andesnube levantará...":
        # the company acting in the lead, where no company opens it.
        return sentence_subject_org(ctx, sentence, names) or _later_in_lead(ctx, names, lead, sentence), False
    return topic


def _later_in_lead(ctx: ClaimDocument, names, lead: tuple[int, int], first: tuple[int, int]) -> str | None:
    """'La explanada de Aboño tiene nuevo pretendiente. La Autoridad Portuaria
    y la promotora Nortada Data Campus firmaron...': a lead that opens on a
    scene names its company in a later sentence of the same paragraph."""
    for sentence in ctx.sentences:
        if first[1] <= sentence[0] < lead[1] and _tells_an_act(ctx, sentence):
            found = _lead_subject(ctx, names, sentence)
            if found:
                return found
    return None


def _tells_an_act(ctx: ClaimDocument, sentence: tuple[int, int]) -> bool:
    """A sentence whose main verb is an act: not one that only lists ("Sus
    tres fabricantes son SK Hynix, Samsung y Micron"), nor one whose subject
    speaks or estimates ("Morgan Stanley calcula que..."): who speaks is not
    what the article is about."""
    verb = next((t for t in ctx.doc if sentence[0] <= t.idx < sentence[1] and t.dep_ == "ROOT"), None)
    if verb is None or verb.pos_ != "VERB":
        return False
    return not ctx.cues.reports(verb.lower_)


def _lead_sentence(ctx: ClaimDocument, lead: tuple[int, int]) -> tuple[int, int]:
    start = max([e for s, e in ctx.page.datelines if lead[0] <= s < lead[1]] + [lead[0]])
    sentence = next((b for b in ctx.sentences if b[1] > start and b[0] < lead[1]), (start, lead[1]))
    return max(start, sentence[0]), sentence[1]


def _lead_subject(ctx: ClaimDocument, names, sentence: tuple[int, int]) -> str | None:
    """The first organisation of the lead sentence, before its main verb and
    after any dateline: what a news lead opens with is what it is about."""
    start, end = sentence
    verb = next((t for t in ctx.doc if start <= t.idx < end and t.pos_ == "VERB" and t.dep_ == "ROOT"), None)
    limit = verb.idx if verb is not None else end
    for name in names:
        if start <= name.start < limit and is_company(name):
            return name.canonical
    return None


def _sole_company(ctx: ClaimDocument, names, sentence: tuple[int, int]) -> str | None:
    """'La Corte de Comisionados aprobó una rebaja para Gulf Coast Compute
    Partners LLC, la empresa que planea...': the one company of the lead sentence."""
    start, end = sentence
    inside = [n for n in names if start <= n.start < end]
    companies = {n.canonical for n in inside if is_company(n) and not _a_vendor(ctx, n)
                 and governing_name(ctx, n, inside) is None}  # "el consorcio X, liderado por Y": X
    return companies.pop() if len(companies) == 1 else None


_NOUN_OF_BEFORE = re.compile(r"(?<![\w])(\w+)[ \u00a0]+de[ \u00a0]+$")


def _a_vendor(ctx: ClaimDocument, name) -> bool:
    """'GPU H100 de Nvidia', and 'instalar 24.000 GPU de Nvidia' with no model
    named: who supplies the chips is not who the article is about."""
    if vendor_chip(ctx.text, ctx.names, name) is not None:
        return True
    before = _NOUN_OF_BEFORE.search(ctx.text, max(0, name.start - 30), name.start)
    return before is not None and before.group(1).lower() in ctx.cues.category_words


def sentence_subject_org(ctx: ClaimDocument, sentence, names) -> str | None:
    """The organisation that is a sentence's grammatical subject (not the
    vendor in "se instalarán 16.000 GPU B200 de Nvidia": that is the chip's)."""
    for name in names:
        if not (sentence[0] <= name.start < sentence[1]) or not is_company(name) or vendor_chip(ctx.text, ctx.names, name) is not None:
            continue
        token = ctx.head_of(name, ("flat", "flat:name", "appos", "compound", "nmod"))
        if token is not None and token.dep_.startswith("nsubj") and not any(c.dep_ == "conj" for c in token.children):
            return name.canonical  # not "ni Microsoft ni Nimbus confirmaron": two subjects, no one in view
    return None


def _most_named(ctx: ClaimDocument, names, first_body) -> tuple[str | None, bool]:
    """Companies and systems first; public bodies only where no company stands out."""
    names = list(names) + _firms_inside(names)
    for wanted in (lambda n: is_company(n) or n.label == "HARDWARE", lambda n: n.label == "ORG" and not is_reporter(n)):
        topic = _most_named_of(ctx, [n for n in names if wanted(n)], first_body)
        if topic[0]:
            return topic
    return None, False


def _firms_inside(names) -> list:
    """'El Sindicato de Técnicos y Operadores de Trelqui Datacenters aprobó la
    huelga': a body named after a company mentions that company too."""
    firms = {n.canonical for n in names if is_company(n)}
    return [replace(n, start=n.end - len(firm), text=firm, canonical=firm, category="company") for n in names
            if n.label == "ORG" and not is_company(n) for firm in firms if n.text.endswith(" de " + firm)]


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
    caption ends with its credit) nor a highlight ("- Ingresos del trimestre
    ..." above a wire story), from its dateline on when it has one; a
    dateline further down opens a wire story inside the article, not its lead."""
    start = 0
    for line in ctx.text.split("\n"):
        end = start + len(line)
        if len(line.split()) >= 15 and not _BULLET.match(line) and not ctx.in_heading(start) and not ctx.in_furniture(start) and not ctx.in_furniture(end - 1):
            return start, end
        start = end + 1
    return None
