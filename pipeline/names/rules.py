"""Organisations the catalogue does not know, found by their form and context.

- after a noun that introduces one: "la empresa Lightmatter", "la
  operadora peruana Andes Cómputo", "la startup local Silicio Norte";
- with a legal form or a naming word after the name: "Patagonia Cómputo
  S.A.", "Atlas Hyperscale Partners", "Enerbajío Consultores, S.C.";
- public bodies by their heads: "Gobierno de Aragón", "Ente Nacional
  Regulador de la Electricidad", "Corte Suprema", "Tercer Tribunal
  Ambiental", and "el gobierno de Chile", "el Gobierno peruano".

The words are data (`data/org_cues.json`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \u00a0")
    return not before or before.endswith((".", "\n", "-", ":"))


_OPENING_ARTICLE = re.compile(r"^(?:La|El|Los|Las)[ \u00a0]+(?=[A-ZÁÉÍÓÚÑ])")
_CAP = r"[A-ZÁÉÍÓÚÑÜ][\w'’&.-]*"
_NAME = _CAP + r"(?:[ \u00a0](?:[A-ZÁÉÍÓÚÑ0-9][\w'’&.-]*|&(?=[ \u00a0][A-ZÁÉÍÓÚÑ])))*"  # "Arizmendi & Asociados"
# "Agua para Williamson", "Movimiento por un Uruguay Sustentable": a name
# after a cue noun may hold a lower-case joining word before more capitals.
# "Vientos del Golfo S.A.", "la generadora Vientos del Golfo": a name may hold one "de" phrase
_NAME_OF = _NAME + r"(?:[ \u00a0]+(?:de|del|de la|de los|de las)[ \u00a0]+" + _NAME + r")?"
# ("declarado por la firma Kinti Cómputo por USD 31,7 millones": a price, no more name)
_NOT_AN_AMOUNT = r"(?!(?:[A-Z]{3}|[A-Z]{1,2}\$|U\$S)[ \u00a0]?\d)"
_JOINED_NAME = _NAME_OF + r"(?:[ \u00a0]+(?:para|para el|para la|por|por el|por la|por un|por una|en|contra)[ \u00a0]+" + _NOT_AN_AMOUNT + _NAME + r")?"
# A full stop after a word of three or more letters ends a sentence, not an abbreviation.
_IN_A_PLACE = re.compile(r"[ \u00a0]+en[ \u00a0]+(?P<place>[A-ZÁÉÍÓÚÑ][^\s,;:]*(?:[ \u00a0]+[A-ZÁÉÍÓÚÑ][^\s,;:]*)*)$")
_SENTENCE_END = re.compile(r"(?<=[a-záéíóúñü]{2})\.(?=[ \u00a0\n]|$)")


# a word of a portfolio after a post ("director de Tecnología de...", "analista de crédito en..."), not an article
_POST_WORD = r"(?!(?:la|el|los|las|un|una)\b)[^\W\d_]+"


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    rule: str
    country: str | None = None  # for "el Gobierno peruano": whose government
    category: str | None = None  # "media" for "el diario Handelsblatt", "company" for "la firma X"
    regional: bool = False  # "la Secretaría de Economía estatal": a region's body, named as written


# what follows a portfolio: the body it belongs to ("de la Superintendencia de Electricidad", "del Ministerio")
_INSIDE_A_NAME = re.compile(r"[A-ZÁÉÍÓÚÑ][\w.]*[ \u00a0]+(?:de|del|de la|y)[ \u00a0]+$")  # "Cámara de Comercio", "Ley de Prensa"
_NAME_GOES_ON = re.compile(r"[ \u00a0]+(?:de|del)[ \u00a0]+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+(?:[ \u00a0]+(?:S\.A\.|S\.L\.|SpA|S\.A\.S\.|LLC|Inc\.))?(?:[ \u00a0]*[,.;:)]|[ \u00a0]+[a-záéíóúñ])")
_WITHIN_A_BODY = re.compile(r"\s+(?:de\s+la|del)\s+[A-ZÁÉÍÓÚÑ]")


class OrgRules:
    def __init__(self, cues: dict, demonyms: dict[str, str], places: set[str], towns: frozenset[str] = frozenset(), portfolios: frozenset[str] = frozenset(),
                 given_names: frozenset[str] = frozenset()):
        # "el centro de datos Nube Lurín", "Nube Lurín, el centro de datos que...": a facility, no organisation
        nouns = "(?:" + _alternation(cues["nouns"]) + r")(?!(?<=centro)[ \u00a0]+de[ \u00a0]+(?:" + _alternation(cues["facility_tails"]) + r")(?![\w]))"
        legal = _alternation(cues["legal_forms"])
        naming = _alternation(cues["suffixes"])
        heads = _alternation([*cues["institution_heads"], *cues["body_heads"]])
        joins = _alternation(cues["institution_connectors"])
        lower = _alternation(cues["institution_lowercase"])
        ordinals = _alternation(cues["ordinals"])
        self.not_names = frozenset(cues["not_names"])
        self._speech_verbs = frozenset(cues["speech_verbs"])
        self._given_names = given_names
        self.not_org_heads = tuple(cues["not_org_heads"])
        self.body_heads = tuple(cues["body_heads"])
        self.name_endings = frozenset(cues["name_endings"])
        self.legal_forms = tuple(cues["legal_forms"])
        self.demonyms = demonyms
        # up to two adjectives ("la promotora vizcaína"); a word ending in an accented
        # á, é or ó is a verb ("la compañía invertirá S/ 1.150 millones"), not an adjective
        adjective = r"(?:[ \u00a0]+(?!de\b|del\b|la\b|el\b|y\b|que\b)[a-záéíóúñü-]{3,}(?<![áéó])){0,2}"
        self.media_nouns = frozenset(cues["media_nouns"])
        self.kind_nouns = frozenset(cues["nouns"])  # "universidad", "empresa": the kinds of organisation, not names
        self.non_company_nouns = frozenset(cues["non_company_nouns"])
        self.people_like_demonyms = frozenset(cues["people_like_demonyms"])
        self.civil_nouns = frozenset(cues["civil_nouns"])
        self.state_nouns = frozenset(cues["state_nouns"])
        # the name on the noun's own line: "El desarrollador" as a heading names nobody on the next
        # "la firma de mantenimiento industrial Alcor Servicios Técnicos", "el fondo de inversión Kaszek": the trade, then the name
        # "la asociación de la industria Bitkom", "la agencia de promoción de inversiones Uruguay XXI": a trade of the industry, or of two nouns joined by "de"
        trade = (r"(?:[ \u00a0]+(?:de[ \u00a0]+la[ \u00a0]+industria|del[ \u00a0]+sector)|[ \u00a0]+de[ \u00a0]+(?!la\b|el\b|los\b|las\b)[a-záéíóúñü]{3,}"
                 r"(?:[ \u00a0]+de[ \u00a0]+(?!la\b|el\b|los\b|las\b)[a-záéíóúñü]{3,}|(?:[ \u00a0]+(?!de\b|del\b|y\b|que\b|en\b)[a-záéíóúñü]{3,}){0,2}))?")
        self._cue = re.compile(r"(?<![^\W_])(?:[Ll]a|[Ee]l|[Ll]os|[Ll]as|[Uu]na|[Uu]n|del|al)\s+(?P<noun>" + nouns + r")" + trade + adjective + r"[ \t\u00a0]+(?P<name>" + _JOINED_NAME + r")")
        # "Oncor, la distribuidora que...", "el operador del mercado, XM,"
        self._cue_before = re.compile(r"(?<![^\W_])(?:" + nouns + r")" + adjective + r"\s+$")
        self._named_before_noun = re.compile(r"(?<![\w.])(?P<name>" + _NAME_OF + r"),[ \u00a0]+(?:la|el|una|un)[ \u00a0]+(?:" + nouns + r")(?![\w])")
        self._named_after_noun = re.compile(
            r"(?<![\w])(?:la|el)[ \u00a0]+(?:" + nouns + r")(?:[ \u00a0]+[a-záéíóúñ]+){0,3},[ \u00a0]+(?P<name>" + _NAME + r"),"
        )
        self._legal = re.compile(r"(?P<name>" + _JOINED_NAME + r")(?:[ \u00a0]*,)?[ \u00a0]+(?P<suffix>" + legal + r")(?![\w])")
        self._naming = re.compile(r"(?P<name>" + _CAP + r"(?:[ \u00a0](?:&[ \u00a0])?" + _CAP + r")*[ \u00a0](?:" + naming + r"))(?![\w])")  # "Montalvo & Urquijo Abogados"
        part = r"(?:" + _CAP + r"|" + lower + r")"
        self._regional_words = frozenset(cues["institution_regional"])
        self._lower_tail = re.compile(r"(?<=[A-ZÁÉÍÓÚÑa-záéíóúñ])(?:[ \u00a0]+(?:" + lower + r"))+$")
        self._institution = re.compile(
            r"(?<![\w])(?:(?:" + ordinals + r")[ \u00a0]+)?(?:" + heads + r")"
            r"(?:[ \u00a0]+" + part + r")*(?:(?:(?:[ \u00a0]+(?:" + joins + r")|,)[ \u00a0]+|[ \u00a0]+(?:de[ \u00a0]+)?[dl]['’])" + _CAP + r"(?:[ \u00a0]+" + part + r")*)*"
        )  # Catalan elides its joins: "Departament d'Empresa i Treball", "Agència de l'Habitatge"
        # "la Gobernación de Santander y el Gobierno de...", "Banco General y BID Invest": two bodies
        houses = _alternation(cues["parent_houses"]) or "(?!)"
        self._two_bodies = re.compile(
            r"[ \u00a0]+(?:y|e)[ \u00a0]+(?:(?:de[ \u00a0]+)?(?:el|la|los|las)[ \u00a0]+(?P<head>" + heads + r")(?![\w])"
            r"|del[ \u00a0]+(?P<head_del>" + heads + r")(?![\w])"
            r"|(?P<bare>" + heads + r")(?=[ \u00a0]+[A-ZÁÉÍÓÚÑ])|(?P<acronym>[A-ZÁÉÍÓÚÑ]{2,})(?=[ \u00a0]+[A-ZÁÉÍÓÚÑ]))"
            # "Coordinación General de Comunicación Social del Gobierno del Estado de Hidalgo": an office, then its government
            r"|[ \u00a0]+(?:del|de[ \u00a0]+la)[ \u00a0]+(?P<parent>Gobierno|Junta|Generalitat|Xunta)(?=[ \u00a0]+(?:de|del)[ \u00a0])"
            # "Laboratorio de Huella Hídrica Urbana del Instituto Tecnológico de Costa Rica": a unit, then the house it belongs to
            r"|[ \u00a0]+(?:del|de[ \u00a0]+la)[ \u00a0]+(?P<house>" + houses + r")(?=[ \u00a0]+[A-ZÁÉÍÓÚÑ]|[ \u00a0]*$)")
        self._institution_start = re.compile(r"(?:(?:" + ordinals + r")[ \u00a0]+)?(?:" + heads + r")(?![\w])")
        self._government_of = re.compile(r"(?<![\w])(?P<name>[Gg]obierno[ \u00a0]+(?:de|del)[ \u00a0]+" + _CAP + r"(?:[ \u00a0]+(?:de[ \u00a0]+)?" + _CAP + r")*)")
        demonym = _alternation(demonyms)
        self._government_adj = re.compile(r"(?<![\w])(?P<name>[Gg]obierno[ \u00a0]+(?P<adj>" + demonym + r"))(?![\w])")
        self._places = places
        # a small town's name is a common name for a machine ("el supercomputador Quimbaya")
        self._machine_places = places - towns
        systems = _alternation(cues["system_nouns"])
        # an apostrophe inside a word, as Quechua and Aymara names write one ("Ch'aska"), not a closing quote
        letter = r"(?:[\w-]|['’](?=[a-záéíóúñ]))"
        system_name = r"(?P<name>[A-ZÁÉÍÓÚÑ]" + letter + r"*[a-z]" + letter + r"*(?:[ \u00a0](?:[A-ZÁÉÍÓÚÑ][\w-]+|[IVX]{1,4}|\d{1,3}))*)"
        # "el supercomputador 'Albufera'", "el clúster «Nodo Sur»": the name may stand in quotes
        self._system_after_noun = re.compile(
            r"(?<![\w])(?:[Ee]l|[Ll]a|[Dd]el|[Aa]l|[Ss]u|[Nn]uestro|[Nn]uestra)[ \u00a0]+(?:nuevo[ \u00a0]+|nueva[ \u00a0]+)?(?:" + systems + r")[ \u00a0]+['‘\"“«]?" + system_name + r"(?![\w])"
        )
        # "El clúster de potencia aritmética inteligente Tianmu-1": a numbered name after the noun and its description
        self._system_described = re.compile(
            r"(?<![\w])(?:[Ee]l|[Ll]a|[Dd]el|[Aa]l)[ \u00a0]+(?:" + systems + r")(?:[ \u00a0]+(?:de|del|para)?[ \u00a0]*[a-záéíóúñ]+){1,4}"
            r"[ \u00a0]+(?P<name>[A-ZÁÉÍÓÚÑ][a-z]+[ \u00a0-]?\d{1,3})(?![\w])"
        )
        # "una supercomputadora nacional, bautizada como Tezcatl": a machine's given name (a project's is none)
        self._system_christened = re.compile(
            r"(?<![\w])(?:[Ee]l|[Ll]a|[Uu]n|[Uu]na)[ \u00a0]+(?:nuevo[ \u00a0]+|nueva[ \u00a0]+)?(?:" + systems + r")(?:[ \u00a0]+[a-záéíóúñ]+){0,2},?"
            r"[ \u00a0]+(?:bautizad[oa]|llamad[oa]|denominad[oa])(?:[ \u00a0]+como)?[ \u00a0]+['‘\"“«]?" + system_name + r"(?![\w])"
        )
        # "el FinisTerrae IV, un supercomputador", "Quimbaya, el supercomputador que...";
        # not "publicado en el Secop II, el sistema reunirá...", where the noun opens a clause
        self._system_apposition = re.compile(
            r"(?<![\w])" + system_name + r",[ \u00a0]+(?:(?:un|una)[ \u00a0]+(?:nuevo[ \u00a0]+|nueva[ \u00a0]+)?(?:" + systems + r")(?![\w])"
            r"|(?:el|la)[ \u00a0]+(?:nuevo[ \u00a0]+|nueva[ \u00a0]+)?(?:" + systems + r")(?=[ \u00a0]*(?:[,.;:]|que\b|de\b|del\b|m[aá]s\b)))"
        )
        # "la regiomontana Axtel", "la surcoreana SK Hynix": a feminine demonym stands for "la empresa"
        self._demonym_org = re.compile(
            r"(?<![\w])[Ll]a[ \u00a0]+(?P<adj>[a-záéíóúñ]{3,}(?:ana|ena|eña|ina|esa|ense|ega|ica|ola|aya|asca|uza))[ \u00a0]+(?P<name>" + _JOINED_NAME + r")"
        )
        # "analista de BTG Pactual", "el director de Tecnología de Caribe Cómputo",
        # "analista de crédito en CreditSights": whom a person works for
        self._staff = re.compile(
            r"(?<![\w])(?i:" + _alternation(cues["staff_posts"]) + r")(?:[ \u00a0]+(?:de|del)[ \u00a0]+(?P<post>" + _POST_WORD + r"(?:[ \u00a0]+(?:(?:y|e)[ \u00a0]+)?" + _POST_WORD + r"){0,2}))?"
            r"[ \u00a0]+(?:de|del|en)[ \u00a0]+(?P<name>" + _NAME + r")"
        )
        self._portfolios = portfolios
        # "filial de Foxconn", "un préstamo liderado por Blackstone", "dijo a Europa Press": whom a
        # relation or a report names after it, by the kind of organisation the phrase calls for
        # an outlet's name may open with its article and hold a "de" phrase ("La Voz del Interior", "El Heraldo del Bajío")
        outlet = r"(?:(?P<article>(?:La|El|Los|Las)[ \u00a0]+))?" + _NAME_OF
        self._related = [
            (kind, re.compile(r"(?<![\w])(?i:" + _alternation(phrases) + r")[ \u00a0]+(?P<name>" + (outlet if kind == "media" else _NAME) + r")"))
            for kind, phrases in cues["relation_phrases"].items()
        ]
        # "16.000 GPU B200 de Nvidia", "servidores PowerEdge XE9680 de Dell": a chip's or a server's maker
        self._vendor = re.compile(
            r"(?<![\w])(?i:" + _alternation(cues["vendor_nouns"]) + r")(?:[ \u00a0]+[A-Z0-9][\w-]*){0,3}[ \u00a0]+de[ \u00a0]+(?P<name>" + _NAME + r")"
        )
        # "De acuerdo con InvestChile", "según TrendForce": a word with a capital inside, named as a
        # source, is an organisation; people's names do not take one inside
        self._according_camel = re.compile(
            r"(?<![\w])(?i:según|de[ \u00a0]+acuerdo[ \u00a0]+(?:con|a))[ \u00a0]+(?P<name>[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+[A-ZÁÉÍÓÚÑ][\w]*)(?![\w])"
        )
        # "en Quillay DataParks, que construye...": a name whose last word has a capital inside is a brand
        self._camel_name = re.compile(
            r"(?<![\w])(?P<name>[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+(?:[ \u00a0][A-ZÁÉÍÓÚÑ][a-záéíóúñ]+){0,2}[ \u00a0][A-Z][a-z]+[A-Z][A-Za-z]*[a-z])(?![\w])"
        )
        # "- Semidisseny Quàntic (Barcelona): 31,2 M€": a list of beneficiaries, each named with its town
        # "Minera Cerro Aguja", "Eléctrica Antuco": a trade word opening a firm's name, then its own capitalised words
        self._sector_first = re.compile(r"(?<![\w])(?P<name>(?:" + _alternation(cues["sector_first_words"]) + r")(?:[ \u00a0]+" + _CAP + r"){1,3})(?![\w])")
        self._outlet_first = re.compile(
            r"(?<![\w])(?P<name>(?:(?:El|La|Los|Las)[ \u00a0]+)?(?:" + _alternation(cues["outlet_first_words"]) + r")"
            r"(?:[ \u00a0]+(?:(?:de|del|de la)[ \u00a0]+)?" + _CAP + r"){1,3})(?![\w])"
        )
        self._list_item = re.compile(r"(?m)^[ \t]*[-•·*▪][ \t]+(?P<name>" + _NAME_OF + r")[ \u00a0]+\((?P<place>[^()\n]{2,40})\)[ \u00a0]*:")
        # "2. Ticonexa (Costa Rica)", "6. Ónix Hiperescala": a ranking's numbered lines, one name each
        self._ranked = re.compile(r"(?m)^[ \t]*\d{1,2}[.)][ \t]+(?P<name>" + _NAME_OF + r")(?:[ \u00a0]+\([^()\n]{2,40}\))?[ \t]*$")
        self._test_before = re.compile(r"(?<![\w])(?:" + _alternation(cues["test_nouns"]) + r")[ \u00a0]+$", re.IGNORECASE)

    def find(self, text: str) -> list[Found]:
        found: list[Found] = []
        for rule in (self._cue_orgs, self._appositions, self._legal_orgs, self._naming_orgs, self._institutions, self._governments, self._demonym_orgs, self._staff_orgs, self._vendors, self._related_orgs, self._according_orgs, self._listed_with_town, self._camel_orgs, self._sector_orgs, self._outlet_orgs, self._ranked_orgs):
            found.extend(rule(text))
        return found

    # ------------------------------------------------------------- rules
    def _ranked_orgs(self, text: str):
        """A ranking's numbered lines ('1. Canalnube Data Centers (Panamá)', '2.
        Ticonexa (Costa Rica)'), two or more, each a name alone: the firms ranked."""
        ranked = [m for m in self._ranked.finditer(text) if self._trim(m.group("name")) == m.group("name") and m.group("name") not in self._places]
        if len(ranked) < 2:
            return
        for match in ranked:
            yield Found(match.start("name"), match.end("name"), "context:ranking", category="company")

    def _cue_orgs(self, text: str):
        for match in self._cue.finditer(text):
            name = self._trim(self._without_place_tail(match.group("name")))
            if name and name not in self._places:
                category = self._category_of_noun(match.group("noun"))
                yield Found(match.start("name"), match.start("name") + len(name), "context:cue-noun", category=category)

    def _demonym_orgs(self, text: str):
        for match in self._demonym_org.finditer(text):
            name = self._trim(self._without_place_tail(match.group("name")))
            adj = match.group("adj")
            if name and name not in self._places and adj not in self.non_company_nouns and adj not in self.people_like_demonyms and self.is_org_head(name):
                yield Found(match.start("name"), match.start("name") + len(name), "context:demonym", category="company")

    def _staff_orgs(self, text: str):
        """Where a person works ('la analista de BTG Pactual'); not a portfolio
        ('el director de Energía'), nor a place ('el alcalde de Caguas')."""
        for match in self._staff.finditer(text):
            name = self._trim(match.group("name"))
            if any(w[0].isupper() and w not in self._portfolios for w in (match.group("post") or "").split()):
                continue  # "presidente de Canieti en Occidente": the post is no portfolio, the name no employer
            if _WITHIN_A_BODY.match(text, match.start("name") + len(name)):
                continue  # "director de Mercado Eléctrico Mayorista de la Superintendencia": a portfolio of that body
            if self._plain_name(name):
                yield Found(match.start("name"), match.start("name") + len(name), "context:staff", category="company")

    def _vendors(self, text: str):
        """Who makes the chips or servers counted ('unos 16.000 aceleradores
        GB200 de Nvidia'); not where they come from ('chips de Taiwán')."""
        for match in self._vendor.finditer(text):
            name = self._trim(match.group("name"))
            if self._plain_name(name):
                yield Found(match.start("name"), match.start("name") + len(name), "context:vendor", category="company")

    def _related_orgs(self, text: str):
        """A firm named as a parent, a lender or a deal's other party, and an
        outlet told or cited; not a place ('acuerdo con Chile')."""
        for kind, pattern in self._related:
            for match in pattern.finditer(text):
                article = match.groupdict().get("article") or ""
                core = self._trim(match.group("name")[len(article) :])
                name = article + core if core else ""
                if self._plain_name(core):
                    yield Found(match.start("name"), match.start("name") + len(name), "context:relation", category=kind)

    def _listed_with_town(self, text: str):
        for match in self._list_item.finditer(text):
            name = self._trim(match.group("name"))
            if match.group("place") in self._places and self._plain_name(name) and name.split()[0] not in self._given_names:
                yield Found(match.start("name"), match.start("name") + len(name), "context:list-item")

    def _according_orgs(self, text: str):
        for match in self._according_camel.finditer(text):
            if self._plain_name(match.group("name")):
                yield Found(match.start("name"), match.end("name"), "context:according")

    def _camel_orgs(self, text: str):
        for match in self._camel_name.finditer(text):
            words = match.group("name").split()
            while words and (words[0] in self.not_names or words[0] in self._places):
                words = words[1:]  # "en Quillay DataParks", "Colina Quillay DataParks"
            name = " ".join(words)
            if len(words) >= 2 and words[0] not in self._given_names and self._plain_name(name):
                start = match.end("name") - len(name)
                yield Found(start, match.end("name"), "context:camel-case", category="company")

    def _plain_name(self, name: str) -> bool:
        """A name a phrase points at that is no place, no portfolio ('de Energía') and no generic head."""
        return bool(name) and name not in self._places and name.split()[0] not in self._portfolios and self.is_org_head(name)

    def _category_of_noun(self, noun: str) -> str | None:
        if noun in self.media_nouns:
            return "media"
        if noun in self.state_nouns:
            return "agency"  # "la estatal Desarrollo País": a state company reports as a public body does
        if noun in self.civil_nouns:
            return "civil"
        return None if noun in self.non_company_nouns else "company"

    def _appositions(self, text: str):
        for pattern in (self._named_before_noun, self._named_after_noun):
            for match in pattern.finditer(text):
                name = self._trim(match.group("name"))
                whole = name == match.group("name") and ". " not in name
                if name and whole and name not in self._places and self.is_org_head(name) and not _IN_PLACE.search(text, max(0, match.start() - 12), match.start()):
                    yield Found(match.start("name"), match.end("name"), "context:apposition")

    def _without_seat(self, name: str) -> str:
        """'Universidad Nacional en Bogotá' is the Universidad Nacional, seated
        in Bogotá; but 'Universidad Estatal de California en Long Beach', a
        place's body named with another place, is that campus's name."""
        seat = _IN_A_PLACE.search(name)
        if seat is None or seat.group("place") not in self._places:
            return name
        before = name[: seat.start()].split()
        return name if any(" ".join(before[i:]) in self._places for i in range(1, len(before))) else name[: seat.start()]

    def _without_place_tail(self, name: str) -> str:
        """'Lightmatter en Boston' and 'Nubaria de Querétaro' are Lightmatter and
        Nubaria; 'Agua para Williamson', 'Vientos del Golfo' and 'Aguas del
        Santa Lucía' (a common word alone, no name) stay whole."""
        joined = re.search(r"[ \u00a0]+(?:en|de|del)\b[ \u00a0a-z]*[ \u00a0]+(?P<tail>.+)$", name)  # where, not what for ("para", "por", "contra")
        if joined and joined.group("tail") in self._places and name[: joined.start()] not in self._portfolios:
            return name[: joined.start()]
        return name

    def _legal_orgs(self, text: str):
        for match in self._legal.finditer(text):
            # "MEJILLONES.- Desierto Digital SpA": after the dateline; "La Sociedad Minera Misti Cobre S.A.A.": after the article
            name = _STOP_BEFORE_CAPITAL.split(match.group("name"))[-1]
            if _opens_sentence(text, match.start("name")):
                name = _OPENING_ARTICLE.sub("", name)  # not "opera en El Salto Servicios...", a town
            name = self._trim(name)
            if name and name.split()[0] not in self.not_names:
                start = match.start("name") + match.group("name").index(name)
                yield Found(start, match.end("suffix"), "context:legal-form")

    def _naming_orgs(self, text: str):
        for match in self._naming.finditer(text):
            if _NAME_GOES_ON.match(text, match.end()):
                continue  # "Nimbus Datos del Sur": the name goes on past its naming word
            name = self._naming_name(text, match)
            if name:
                start = match.start("name") + match.group("name").index(name)
                if self._titles_a_thing(text, start):
                    continue  # "el Foro de Infraestructura Digital": the tail of an event's title
                yield Found(start, start + len(name), "context:naming-word")

    def _titles_a_thing(self, text: str, start: int) -> bool:
        """A name right after '<Foro|Plan|Parque...> de': the rest of a title that is no organisation's."""
        before = _THING_OF.search(text, max(0, start - 40), start)
        return before is not None and before.group(1) in self.not_org_heads

    def _sector_orgs(self, text: str):
        for match in self._sector_first.finditer(text):
            words = list(re.finditer(r"\S+", match.group("name")))
            ends = [i for i, w in enumerate(words) if w.group().endswith(".") and not _INITIALS.fullmatch(w.group())]
            words = words[: ends[0] + 1] if ends else words  # "Minera Cerro Aguja. Y ...": the sentence ended
            while len(words) > 1 and (words[-1].group() in self.not_names or words[-1].group() in self._places):
                words = words[:-1]  # "Minera Cerro Aguja En": a headline's function word; "Eléctrica Antuco Chile": a place after it
            if len(words) >= 2 and words[1].group() not in self.not_names:
                # the end of the last word as written (spaces kept), less a sentence's full stop
                end = match.start("name") + words[-1].start() + len(words[-1].group().rstrip(".,"))
                yield Found(match.start("name"), end, "context:sector-word")

    def _outlet_orgs(self, text: str):
        """'Diario Sierra Madre', 'El Heraldo del Bajío': an outlet named by its form;
        not inside a longer name ('Cámara de Comercio', 'Ley de Prensa')."""
        for match in self._outlet_first.finditer(text):
            if _INSIDE_A_NAME.search(text, max(0, match.start() - 40), match.start()):
                continue
            words = list(re.finditer(r"\S+", match.group("name")))
            while len(words) > 1 and (words[-1].group().rstrip(".,") in self.not_names or words[-1].group() in ("de", "del", "la")):
                words = words[:-1]
            if len(words) >= 2:
                end = match.start("name") + words[-1].start() + len(words[-1].group().rstrip(".,"))
                yield Found(match.start("name"), end, "context:outlet", category="media")

    def names_a_firm(self, name: str) -> bool:
        """'Trelqui Datacenters': capitalised words closed by a firm's naming word."""
        return self._naming.fullmatch(name) is not None

    def _naming_name(self, text: str, match: re.Match) -> str | None:
        """The name a naming word ends, after a dateline or a sentence's end
        ("Cartersville. Georgia Power") and after a headline's capitalised
        function word ("AMD En Nuevo Supercúmulo De IA"), without a place
        before it ("en Querétaro Cloud") unless the place is the name's own
        ("Georgia Power")."""
        whole = _STOP_BEFORE_CAPITAL.split(match.group("name"))[-1].split()
        # a function word cuts the run ("AMD En Nuevo..."); "AI" inside a name does not ("Hanul AI Infra")
        whole = whole[max((i + 1 for i, w in enumerate(whole) if i and w in self.not_names and w not in self.name_endings), default=0) :]
        words = list(whole)
        while words and words[0] in self.not_names:
            words = words[1:]
        at = match.start("name") + match.group("name").index(" ".join(words)) if words else 0
        # "en Querétaro Cloud": the town the firm is in; "Aurora Silicon Design", "Georgia Power": its name
        if words and words[0] in self._places and _PLACE_PREPOSITION.search(text, max(0, at - 8), at):
            while words and (words[0] in self.not_names or words[0] in self._places):
                words = words[1:]
        return " ".join(words) if len(words) >= 2 else None

    def _institution_runs(self, text: str):
        """The capitalised runs an institution's head opens; one that runs on
        past a full stop ('...de Costa Rica. La Comisión de Ambiente...') is
        read again from there, so the next sentence's body is not lost."""
        at = 0
        while (match := self._institution.search(text, at)) is not None:
            yield match
            stop = _SENTENCE_END.search(match.group())
            at = match.start() + stop.end() if stop else match.end()

    def _institutions(self, text: str):
        for match in self._institution_runs(text):
            for start, name in self._bodies(match.start(), match.group()):
                name = _SENTENCE_END.split(name)[0].rstrip(".,;:")
                name = _unlisted_comma(name)
                name = re.sub(r"[ \u00a0]+(?:" + "|".join(("de", "del", "y", "e", "en", "para")) + r")$", "", name)
                name = self._without_seat(self._before_speech(name))
                # "el Ministerio de Energía y Recursos Naturales provincial": the adjective says
                # whose, it names nothing; a province's ministry is no country's (no English name)
                tail = self._lower_tail.search(name)
                regional = bool(tail) and not self._regional_words.isdisjoint(tail.group().split())
                name = name[: tail.start()] if tail else name
                if len(name.split()) >= 2 and self.is_org_head(name):
                    yield Found(start, start + len(name), "context:institution", regional=regional)

    def _before_speech(self, name: str) -> str:
        """'La Empresa Dijo que...': a translator's capital on a verb of saying ends the name before it."""
        words = name.split(" ")
        cut = next((i for i, word in enumerate(words) if word.lower() in self._speech_verbs), len(words))
        return " ".join(words[:cut])

    def _bodies(self, start: int, run: str) -> list[tuple[int, str]]:
        """'la Gobernación de Santander y el Gobierno Regional de Antofagasta',
        'Banco Galicia y Banco Macro': two bodies, not one."""
        parts, at = [], 0
        for joined in self._two_bodies.finditer(run):
            parts.append((start + at, run[at : joined.start()]))
            at = joined.end() - len(joined.group("head") or joined.group("head_del") or joined.group("bare") or joined.group("acronym") or joined.group("parent") or joined.group("house"))
        parts.append((start + at, run[at:]))
        return parts

    def _governments(self, text: str):
        for match in self._government_of.finditer(text):
            name = _SENTENCE_END.split(match.group("name"))[0]
            yield Found(match.start("name"), match.start("name") + len(name), "context:government")
        for match in self._government_adj.finditer(text):
            yield Found(match.start("name"), match.end("name"), "context:government", self.demonyms[match.group("adj")])

    def _trim(self, name: str) -> str:
        """Drop trailing words that cannot end a name ("Lightmatter Además" -> "Lightmatter"),
        and what follows a stop that ends a sentence ("Partners LLC. Gulf Coast no ha...")."""
        words = _STOP_BEFORE_CAPITAL.split(_SENTENCE_END.split(name)[0])[0].split()
        while words and (words[-1] in self.not_names or words[-1].rstrip(".,") != words[-1]):
            if words[-1] in self.name_endings and len(words) > 1:
                break  # "Nébula IA", "Mistral AI": the field ends the firm's name
            if words[-1].rstrip(".,") != words[-1] and words[-1].rstrip(".,") not in self.not_names:
                words[-1] = words[-1].rstrip(".,")
                break
            words.pop()
        if not words or " ".join(words) in self.not_names or words[0] in self.not_names:
            return ""
        return " ".join(words)

    def systems(self, text: str) -> list[tuple[int, int]]:
        """Named computing systems: by a system noun, and the same name with another number."""
        found = []
        for pattern in (self._system_after_noun, self._system_apposition, self._system_christened, self._system_described):
            for match in pattern.finditer(text):
                name = match.group("name")
                if self._cue_before.search(text, max(0, match.start("name") - 40), match.start("name")):
                    continue  # "el diario Handelsblatt, el sistema...": an organisation by its noun
                if self._test_before.search(text, max(0, match.start("name") - 20), match.start("name")):
                    continue  # "En la prueba Linpack, la máquina alcanzó...": a test's name
                if name.split()[0] not in self.not_names and name not in self._machine_places:
                    found.append(match.span("name"))
        bases = {text[s:e].split()[0] for s, e in found if len(text[s:e].split()) > 1}
        for base in bases:
            for match in re.finditer(r"(?<![\w])" + re.escape(base) + r"[ \u00a0](?:[IVX]{1,4}|\d{1,3})(?![\w])", text):
                found.append(match.span())
        return found

    def is_org_head(self, name: str) -> bool:
        """'Sistema Eléctrico Nacional' is a grid, 'Sistema Municipal de Aguas de Poanas' a body."""
        return not name.startswith(self.not_org_heads) or name.startswith(self.body_heads)

    def is_institution(self, name: str) -> bool:
        """A public body or association by its head ('Gobierno de...', 'Ente...')."""
        return bool(self._institution_start.match(name) or self._government_of.match(name) or self._government_adj.match(name))


# A stop (or a dateline's ".-") after two letters and before a capital ends a
# sentence inside a capitalised run: "LLC. Gulf Coast", "MEJILLONES.- Desierto"
# ("J.P. Morgan" and "S.A. de C.V." keep theirs).
_INITIALS = re.compile(r"(?:[A-ZÁÉÍÓÚÑ]\.)+")  # "S.A.": a legal form's full stops end no sentence
_THING_OF = re.compile(r"(?<![\w])([A-ZÁÉÍÓÚÑ][\w]+)[ \u00a0]+(?:de|del)[ \u00a0]+$")
_STOP_BEFORE_CAPITAL = re.compile(r"(?<=[A-Za-zÁÉÍÓÚÑáéíóúñ]{2})\.-?[ \u00a0]+(?=[A-ZÁÉÍÓÚÑ])")
# "En el Camp de Tarragona, la promotora...": where the sentence is, not who
_IN_PLACE = re.compile(r"(?<![^\W_])(?:en|desde|hacia)[ \u00a0]+(?:(?:el|la|los|las)[ \u00a0]+)?$", re.IGNORECASE)
_PLACE_PREPOSITION = re.compile(r"(?<![^\W_])(?:en|de|del|desde|a|hacia|para)[ \u00a0]+$", re.IGNORECASE)


def _unlisted_comma(name: str) -> str:
    """A comma joins a list inside a name ("Ministerio de Industria, Energía y
    Minería", Catalan "Departament d'Acció Climàtica, Alimentació i Agenda
    Rural") only when an "y" or "i" closes it; "la Coordinadora, Javiera
    Millán" is two names."""
    head, comma, tail = name.partition(",")
    if comma and not re.search(r"[ \u00a0](?:y|e|i)[ \u00a0]", tail):
        return head
    return name
