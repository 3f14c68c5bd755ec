"""Find the organisations, people and hardware of a text.

Sources, strongest first: the catalogues (known names and their spellings);
the table of machine-translation artefacts, each only in the context its
entry allows; context rules for organisations the catalogue does not know
("la empresa Lightmatter", "Acme Inc."); and the statistical model's PER
and ORG entities, kept only when they look like names. Last, one name gets
one label in an article: every other mention of an accepted name (and the
surname of an accepted person) gets the same label and canonical.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterable

from pipeline.names.acronyms import find_definitions, term_acronyms
from pipeline.names.back_translation import english_name, own_words, quoted_original, readings
from pipeline.names.canonical import canonicaliser
from pipeline.names.catalogue import Catalogue, Entry, Hit, brand_words, catalogue, default_data_dir, org_cues
from pipeline.names.people import CAPITALISED, people
from pipeline.names.rules import OrgRules
from pipeline.numbers.lexicon import currency_codes, unit_symbols
from pipeline.page.places import as_written, gazetteer
from pipeline.singular import singular

_COORDINATION = re.compile(r"^[ \t\u00a0]*(?:,|y|e|o|u|&)[ \t\u00a0]*$|^[ \t\u00a0]*,[ \t\u00a0]*(?:y|e|o)[ \t\u00a0]*$")
_CAPITALISED_WORD = re.compile(r"[A-ZÁÉÍÓÚÑÜ][\w'’.&-]*")
_SURNAME_AFTER = re.compile(r"[ \u00a0][A-ZÁÉÍÓÚÑ][a-záéíóúñü]+(?:[ \u00a0]|[,.;:]|$)")
_SENTENCE_END = re.compile(r"(?:^|[.!?¿¡…:\n\"“”«»])[ \t\u00a0\"“”«»(]*$")
_NAME_BEFORE = re.compile(r"(?<![\w])(?P<given>[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)(?:[ \u00a0][A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)?[ \u00a0]$")
_AGENCY = re.compile(r"\((?P<agency>[A-ZÁÉÍÓÚÑ][^()\n]{0,29})\)")
# One-word organisations the model finds are kept only when their form is
# a name's: an acronym ("UPME"), or capitals inside ("OpenAI", "xAI").
_DISTINCT_ORG = re.compile(r"[A-ZÁÉÍÓÚÑ]{2,}[A-Za-z&-]*|[A-Za-z]+[A-Z][A-Za-z]*")
# "la Sabana", "del Ebro", "Villamayor de Gállego": how places, not firms, are written.
_GEOGRAPHIC = lambda word: re.compile(  # noqa: E731
    r"(?<![^\W_])(?:el|la|los|las|del|al|río|sierra|valle)[ \u00a0]+" + re.escape(word) + r"(?![\w])|(?<![\w])" + re.escape(word) + r"[ \u00a0]+de[ \u00a0]+[A-ZÁÉÍÓÚÑ]"
)
# "Ministerio de Minas y Energía": a capital word joined to a name before it is part of that name.
_INSIDE_NAME = re.compile(
    r"(?:[A-ZÁÉÍÓÚÑ][\w.]*[ \u00a0]+(?:de|del|de la|de las|de los|para|por)"
    # "Ministerio de Industria, Energía y Minería": a portfolio listed in a body's name
    r"|[A-ZÁÉÍÓÚÑ][\w.]*[ \u00a0]+(?:de|del)[ \u00a0]+[A-ZÁÉÍÓÚÑ][\w.]*(?:,[ \u00a0]+[A-ZÁÉÍÓÚÑ][\w.]*)*,"
    r"|(?:de|del)[ \u00a0]+[A-ZÁÉÍÓÚÑ][\w.]*[ \u00a0]+(?:y|e))[ \u00a0]+$"
)
_SAINTS = re.compile(r"San|Santa|Santo")
_SAINT_BEFORE = re.compile(r"(?<![^\W_])(?:San|Santa|Santo)\s+$")
_CHRISTENED = re.compile(r"(?:bautizad|llamad|denominad)[oa]s?[ \u00a0]+(?:como[ \u00a0]+)?$|conocid[oa]s?[ \u00a0]+como[ \u00a0]+$|(?<![^\W_])(?:llama|llaman|bautizó|bautizaron|denomina|denominó)[ \u00a0]+$", re.IGNORECASE)
_TOWN = r"[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+(?:[ \u00a0](?:de[ \u00a0](?:la[ \u00a0]|las[ \u00a0]|los[ \u00a0])?|del[ \u00a0])?[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)*"
_BEFORE_BRACKETED = re.compile(r"(?<![\w])(?P<name>" + _TOWN + r")[ \u00a0]+\((?P<place>[A-ZÁÉÍÓÚÑ][^()\n,]{1,40})\)")
_RANK_BEFORE = re.compile(r"(?m)^[ \t]*\d{1,2}[.)][ \t]+$")
_TOWN_PREPOSITION = re.compile(r"(?<![^\W_])(?:en|de|del|desde|hacia)[ \u00a0]+$", re.IGNORECASE)
# a line's opening written all in capitals: a heading's or a dateline's words, no name of the
# model's (a transcript's "FERRÉS:" label ends that opening)
_CAPITALS_RUN = re.compile(r"[^a-záéíóúñü\n:]*")
_AFTER_NUMBER = re.compile(r"\d[ \u00a0]*$")  # "6 TB/s", "80 MW": a unit after its number
_OF_WORD = re.compile(r"[A-ZÁÉÍÓÚÑ]\w+[ \u00a0]+(?:de|del)[ \u00a0]")  # "Ejea de los Caballeros", not "Santa Cruz de la Sierra"
_TITLE = re.compile(r"^(?:Dr|Dra|Sr|Sra|Srta|Prof|Ing|Lic)\.[ \u00a0]+")
_BARE_STATE_GOVERNMENT = re.compile(r"[Gg]obierno del [Ee]stado")
_STATE_OF = re.compile(r"(?i:estado de)[ \u00a0]+([A-ZÁÉÍÓÚÑ][A-Za-záéíóúñÁÉÍÓÚÑ]+(?:[ \u00a0]+[A-ZÁÉÍÓÚÑ][A-Za-záéíóúñÁÉÍÓÚÑ]+)?)")
# "el diputado por Cortés Marcos Bertrand": a member's constituency, then the member
_CONSTITUENCY = re.compile(
    r"(?:diputad[oa]|senador[a]?|representante|asambleísta|legislador[a]?|congresista|concejal)[ \u00a0]+por[ \u00a0]+$", re.IGNORECASE
)
_TITLE_BEFORE = re.compile(r"(?:Dr|Dra|Sr|Sra|Srta|Prof|Ing|Lic)\.[ \u00a0]*$")
# "Microsoft, Alphabet, Amazon y Meta": a list's members and the separators between them.
_LIST_MEMBER = r"[A-ZÁÉÍÓÚÑ][\w'’&.-]*(?:[ \u00a0][A-ZÁÉÍÓÚÑ0-9][\w'’&.-]*){0,2}"
_LIST_SEPARATOR = r"(?:,[ \u00a0]+(?:y[ \u00a0]+|e[ \u00a0]+)?|[ \u00a0]+(?:y|e)[ \u00a0]+)"
_LIST_RIGHT = re.compile(r"(?P<sep>" + _LIST_SEPARATOR + r")(?P<name>" + _LIST_MEMBER + r")(?![\w'’&.-])")
_LIST_LEFT = re.compile(r"(?<![\w'’&.-])(?P<name>" + _LIST_MEMBER + r")" + _LIST_SEPARATOR + r"$")
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-záéíóúñü,] )[A-ZÁÉÍÓÚÑ][\w]{2,}(?![\w'’&-])")
_AFTER_PREPOSITION = re.compile(r"(?<![\w])(?:de|del|en|a|al|para|por|desde|hasta|con|sin|sobre|entre|hacia|in|at|of|near)[ \u00a0]$")
_MID_SENTENCE_PAIR = re.compile(r"(?<=[a-záéíóúñü,] )[A-ZÁÉÍÓÚÑ][a-záéíóúñü]{2,} [A-ZÁÉÍÓÚÑ][a-záéíóúñü]{2,}(?![\w'’&-])(?! [A-ZÁÉÍÓÚÑ])")
# "el Ejecutivo", "la Sabana", "Puerto Madryn", "Llama 3": a capital word an
# article also writes after an article, after another capital word, or before
# a version number is a noun, part of a place or a product.
_NOT_A_COMPANY_USE = lambda word: re.compile(  # noqa: E731
    r"(?<![^\W_])(?:el|la|los|las|del|al|El|La|Los|Las|Del|Al)[ \u00a0]+" + re.escape(word) + r"(?![\w])"
    r"|[A-ZÁÉÍÓÚÑ][\w]*[ \u00a0]+" + re.escape(word) + r"(?![\w])|(?<![\w])" + re.escape(word) + r"[ \u00a0]+\d"
)
# a capitalised word after "de X", then a given name and a surname
_PERSON_AFTER_OF = re.compile(r"(?<=[ \u00a0]de[ \u00a0])(?P<first>[A-ZÁÉÍÓÚÑ][\w-]*)(?P<gap>[ \u00a0])(?P<given>[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+)[ \u00a0](?P<next>[A-ZÁÉÍÓÚÑ][\w-]*)")
_OF_BEFORE = re.compile(r"(?<![^\W_])(?:de|del)[ \u00a0]$")
_CAPITAL_BEFORE = re.compile(r"(?<=[^\W\d_][ \u00a0]|[,;:][ \u00a0])[A-ZÁÉÍÓÚÑ][\w-]*[ \u00a0]+$")  # not a sentence's first word ("Según")
_MASTHEAD_GOES_ON = re.compile(r"[ \u00a0]+(?:(?:de|del)[ \u00a0]+)?[A-ZÁÉÍÓÚÑ][\w-]+(?:[ \u00a0]+[A-ZÁÉÍÓÚÑ][\w-]+)?")
_COMMON_HEADS = re.compile(r"(?:Grupo|Banco|Centro|Instituto|Red|Compañía|Empresa|Empresas|Nueva|Nuevo|Gran|Grande|San|Santa|Data|Cloud)")


@dataclass
class NameMatch:
    start: int
    end: int
    text: str
    label: str
    canonical: str
    kind: str | None = None
    category: str | None = None
    rule: str = ""


def _mentions(text: str, forms) -> list[tuple[int, str]]:
    """Whole-word occurrences of the forms, leftmost first, the longest form
    where several start at one place, none overlapping.

    str.find rather than one regular expression of the article's forms:
    compiling a new pattern for every article cost more than the search.
    """
    found: list[tuple[int, int, str]] = []
    for form in forms:
        if not form:
            continue
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                found.append((at, -len(form), form))
            at = text.find(form, at + 1)
    found.sort()
    chosen: list[tuple[int, str]] = []
    last_end = 0
    for start, negative_length, form in found:
        if start >= last_end:
            chosen.append((start, form))
            last_end = start - negative_length
    return chosen



def _in_lower_case(text: str, word: str) -> bool:
    """'Energía y red' over a paragraph on 'la energía': a word the article
    also writes in lower case is a common noun, capitalised where it opens a
    heading or ends a longer name ('Quipu Energía')."""
    return re.search(r"(?<![\w])" + re.escape(word.lower()) + r"(?![\w])", text) is not None


def _mostly_where_things_are(text: str, word: str) -> bool:
    """'un campus en Malagueño', 'una línea hacia Lasso': a word written after
    'en', 'hacia' or 'desde' in half its mentions or more is where things
    are, not who does them."""
    mentions = len(re.findall(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text))
    located = len(re.findall(r"(?<!\w)(?:en|hacia|desde)[ \u00a0]+" + re.escape(word) + r"(?!\w)", text))
    return mentions > 0 and 2 * located >= mentions


def _overlaps(a_start: int, a_end: int, taken: list[tuple[int, int]]) -> bool:
    return any(a_start < end and start < a_end for start, end in taken)


class NameFinder:
    def __init__(self, data_dir: str | None = None):
        self.catalogue: Catalogue = catalogue(data_dir)
        directory = data_dir or str(default_data_dir())
        cues = org_cues(data_dir)
        places = gazetteer()
        self.places = places
        countries = "|".join(sorted(map(re.escape, places.country_of_name), key=len, reverse=True))
        demonyms = "|".join(sorted((re.escape(d.capitalize()) for d in places.country_of_demonym if not d.endswith("s")), key=len, reverse=True))
        # US utilities' operating companies carry their state's name ("AEP Texas", "Duke Energy Florida")
        states = "|".join(sorted((re.escape(p) for p, cs in places.place_countries.items() if "US" in cs and p not in places.towns), key=len, reverse=True))
        # "Telefónica del Perú", "Empresa de Transmisión Eléctrica Dominicana", "AEP Ohio"
        self._branch = re.compile(r"[ \u00a0]+(?:(?:(?:de|del)[ \u00a0]+)?(?:" + countries + r")|" + demonyms + r"|" + states + r")(?![\w])")
        units = "|".join(sorted(map(re.escape, cues["suffixes"] + cues["unit_words"]), key=len, reverse=True))
        self._unit_after = re.compile(r"[ \u00a0]+(?:" + units + r")(?![\w])(?![ \u00a0]+[A-ZÁÉÍÓÚÑ])")
        self._legal_after = re.compile(r"(?:[ \u00a0]*,)?[ \u00a0]+(?:" + "|".join(sorted(map(re.escape, cues["legal_forms"]), key=len, reverse=True)) + r")(?![\w])")
        self.not_names = frozenset(cues["not_names"])
        self._naming_words = frozenset(cues["suffixes"])
        self.company_nouns = frozenset(cues["nouns"])
        self.group_heads = frozenset(cues["group_heads"])
        self.union_heads = frozenset(cues["union_heads"])
        self._english_endings: dict[str, str] = cues["translated_name_endings"]
        self._field_words: dict[str, str] = cues["translated_name_words"]
        self._brand_words = brand_words(data_dir)
        # the field words a read-back puts last ('IA' is AI too), and the English ones a quoted original may end with
        self._read_back_fields = {**self._field_words, **{word.lower(): english for word, english in self._english_endings.items()}}
        self._english_tails = set(self._read_back_fields.values())
        self._translation_notice = re.compile("|".join(map(re.escape, cues["translation_notices"])), re.IGNORECASE)
        self._speaks = re.compile(r"[ \u00a0]+(?:" + "|".join(map(re.escape, cues["speech_verbs"])) + r")(?![\w])")
        staff = "|".join(sorted(map(re.escape, {*cues["staff_posts"], *cues["post_nouns"]}), key=len, reverse=True))
        # "El director de Distribución de la CFE, Eustolio Tzompantzi Cuapio, presumió": a name set off by commas after a post
        self._post_apposition = re.compile(
            r"(?<![^\W_])(?i:" + staff + r")(?:[ \u00a0][^,.;:()\n]{0,70})?,[ \u00a0]+(?P<name>" + CAPITALISED
            + r"(?:[ \u00a0]+(?:(?:de|del|de la)[ \u00a0]+)?" + CAPITALISED + r"){1,3})(?=[ \u00a0]*[,.;)]|" + self._speaks.pattern + r")"
        )
        # "Por su parte, Osmany Fajardo Casals, director de la División de Datos, informó": a name opening a clause before its post
        held = "|".join(sorted(map(re.escape, cues["posts_after_a_name"]), key=len, reverse=True))
        self._post_follows = re.compile(
            r"(?:^|(?<=[.;:,\n])[ \u00a0]*|" + self._speaks.pattern + r"[ \u00a0]+)(?P<name>" + CAPITALISED
            + r"(?:[ \u00a0]+(?:(?:de|del|de la)[ \u00a0]+)?" + CAPITALISED + r"){1,3}),[ \u00a0]+(?:(?:el|la|su)[ \u00a0]+)?(?i:" + held + r")(?=[ \u00a0,])",
            re.MULTILINE,
        )
        self.people = people(directory)
        titles = "|".join(sorted(map(re.escape, cues["person_titles"]), key=len, reverse=True))
        posts = "|".join(sorted(map(re.escape, cues["post_nouns"]), key=len, reverse=True))
        # "su gerente de Energía", "la consellera de Innovación, Industria, Comercio y Turismo"
        portfolio_words = r"(?:[A-ZÁÉÍÓÚÑ][\w]+(?:,[ \u00a0]+|[ \u00a0]+(?:y|e)[ \u00a0]+))*"
        # "la secretaria departamental de Minería", "el gerente general de Energía": a post's adjectives before its portfolio
        post_adjectives = r"(?:[ \u00a0]+(?!(?:de|del|la|el|los|las|y|e|en|a|para|por)[ \u00a0])[a-záéíóúñ]+){0,2}"
        self._portfolio_before = re.compile(r"(?<![^\W_])(?i:" + posts + r")" + post_adjectives + r"[ \u00a0]+(?:de|del)[ \u00a0]+" + portfolio_words + r"$")
        # "el ministro para la Transformación Digital": a portfolio; no firm is anyone's "para la"
        self._portfolio_for = re.compile(r"(?<![^\W_])(?i:" + posts + r")[ \u00a0]+para[ \u00a0]+(?:la|el|las|los)[ \u00a0]+" + portfolio_words + r"$")
        self._place_nouns = frozenset(cues["place_nouns"])
        sites = "|".join(sorted(map(re.escape, cues["site_nouns"]), key=len, reverse=True))
        self._after_site_noun = re.compile(r"(?<![^\W_])(?:" + sites + r")[ \u00a0]+(?:(?:de|del)[ \u00a0]+)?$", re.IGNORECASE)  # "la subestación Guayabal" too
        works = "|".join(sorted(map(re.escape, cues["work_nouns"]), key=len, reverse=True)) or "(?!)"
        # "del cable submarino Pacífico Sur Digital": a work's given name, perhaps after an adjective
        self._after_work_noun = re.compile(r"(?<![^\W_])(?:" + works + r")(?:[ \u00a0]+[a-záéíóúñ]{4,})?[ \u00a0]+$")
        laws = "|".join(sorted(map(re.escape, cues["law_heads"]), key=len, reverse=True))
        # a law's title up to the name: capitalised words, numbers and the small words between them
        self._in_law_title = re.compile(r"(?<![^\W_])(?:" + laws + r")(?:[ \u00a0]+(?:[A-ZÁÉÍÓÚÑ0-9][\w/.-]*|de|del|la|las|los|el|y|e|a|al|para|en|sobre))*[ \u00a0]+$")
        naming_nouns = "|".join(map(re.escape, cues["naming_place_nouns"])) or "(?!)"
        self._after_place_noun = re.compile(r"(?<![^\W_])(?:" + naming_nouns + r")[ \u00a0]+(?:de|del)[ \u00a0]+(?P<name>" + _TOWN + r")")
        self._of_place = re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, cues["place_nouns"])) + r")[ \u00a0]+(?:de|del)[ \u00a0]+$", re.IGNORECASE)
        self._job_title = re.compile(r"^(?:" + titles + r")[ \u00a0]+(?=[A-ZÁÉÍÓÚÑ])")
        self._post_of = re.compile(r"^(?:" + titles + r")[ \u00a0]+(?:de|del)[ \u00a0]")  # "Jefe Ejecutivo de Redstone"
        self.canonical = canonicaliser(directory, tuple(cues["legal_forms"]))
        self._portfolios = frozenset(w for words in (*self.canonical.words, *cues["staff_portfolios"]) for w in words.split())
        self.rules = OrgRules(cues, places.country_of_demonym, set(places.place_countries) | set(places.country_of_name), places.towns, self._portfolios,
                              self.people.given)
        regions = "|".join(sorted(map(re.escape, self.canonical.regional_bodies), key=len, reverse=True))
        # "la Generalitat aportará", "La Generalitat adjudica"; not "la Junta de accionistas", "la Junta Directiva"
        self._regional_body = re.compile(
            r"(?:^|(?<=\s))(?:[Ll]a|[Ee]l|de la|a la|del|al)[ \u00a0]+(?P<body>" + regions + r")(?![\w'’-])(?![ \u00a0]+(?:de|del|d')\b)(?![ \u00a0]+[A-ZÁÉÍÓÚÑ])",
            re.MULTILINE,
        )
        words = [*self.canonical.national_bodies, *self.canonical.national_body_synonyms]
        bodies = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
        # "el Gobierno", "ante la Corte Suprema" mid-sentence, "El Ejecutivo" opening one;
        # not "el Gobierno Vasco", "el Gobierno de Chile", "el Gobierno regional"
        self._national_body = re.compile(
            r"(?:(?<=[a-záéíóúñ,;] )(?:el|del|al|la)|(?:^|(?<=[.!?»”] ))(?:El|La))[ \u00a0]+(?P<body>" + bodies + r")(?![\w-])"
            r"(?![ \u00a0]+(?:de|del)[ \u00a0]+[A-ZÁÉÍÓÚÑ])(?![ \u00a0]+(?:" + "|".join(self.canonical.regional_adjectives) + r")\b)(?![ \u00a0]+[A-ZÁÉÍÓÚÑ])"
            r"(?![ \u00a0]+(?:" + "|".join(self.canonical.regional_governments) + r")\b)"
        )
        self._regional_government = re.compile(
            r"(?<![\w])[Gg]obierno[ \u00a0]+(?P<adj>" + "|".join(self.canonical.regional_governments) + r")(?![\w])"
        )

    # ------------------------------------------------------------ catalogue
    def _catalogue_hits(self, text: str, sentence_starts: set[int]) -> list[NameMatch]:
        hits = [h for h in self.catalogue.find(text) if not self._first_name(text, h) and not self._last_name(text, h)]
        known = [h for h in hits if h.entry.context == "always"]
        accepted: list[NameMatch] = [self._match(text, h, "catalogue" if h.entry.source == "catalogue" else "mt_artefact") for h in known]
        accepted = [self._national_branch(text, m) for m in accepted]
        pending = [h for h in hits if h.entry.context != "always"]
        for hit in pending:
            if hit.entry.context == "capitalized" and not self._at_sentence_start(text, hit.start, sentence_starts):
                accepted.append(self._match(text, hit, "mt_artefact:capitalized"))
        # A page that already shows a translator's damage ("Servicios Web de
        # Amazonas"), or says it was machine-translated, writes "Alfabeto" for
        # Alphabet at a sentence's start too, and "Oráculo" for Oracle; so does
        # one where the name speaks.
        translated = any(m.rule.startswith("mt_artefact") for m in accepted) or bool(self._translation_notice.search(text))
        for hit in pending if translated else ():
            if hit.entry.context == "capitalized" and self._at_sentence_start(text, hit.start, sentence_starts) and text[hit.start].isupper():
                accepted.append(self._match(text, hit, "mt_artefact:capitalized"))
        # org_list artefacts need a known organisation beside them, so they
        # are decided after the others ("por Valle y Supermicro").
        orgs = [m for m in accepted if m.label == "ORG"]
        for hit in pending:
            if hit.entry.context == "org_list" and (translated or self._coordinated(text, hit, orgs) or self._speaks.match(text, hit.end)):
                accepted.append(self._match(text, hit, "mt_artefact:org_list"))
        return accepted

    def _national_branch(self, text: str, match: NameMatch) -> NameMatch:
        """'Telefónica del Perú', 'Walmart de México': a known company's branch
        in a country is a name of its own, not the company and a place."""
        branch = self._branch.match(text, match.end) if match.label == "ORG" else None
        if branch is None:
            return self._company_unit(text, match) or self._edition(text, match) or self._with_legal_form(text, match)
        name = text[match.start : branch.end()]
        rule = "catalogue:branch" if match.rule.startswith(("catalogue", "mt_artefact")) else match.rule
        return NameMatch(match.start, branch.end(), name, "ORG", name, category=match.category, rule=rule)

    def _company_unit(self, text: str, match: NameMatch) -> NameMatch | None:
        """'YPF Luz, la generadora controlada por YPF', 'Telefónica Tech': a
        known company's name and a word firms are named with is its unit, a
        firm of its own; not when a name goes on after it ('Meta AI Research
        Lab' is for the longer name's rules)."""
        if match.label != "ORG" or match.category != "company" or not match.rule.startswith("catalogue"):
            return None
        unit = self._unit_after.match(text, match.end)
        if unit is None:
            return None
        name = text[match.start : unit.end()]
        return NameMatch(match.start, unit.end(), name, "ORG", name, category="company", rule="catalogue:unit")

    def _edition(self, text: str, match: NameMatch) -> NameMatch | None:
        """'El Heraldo del Bajío', 'El País América': a known outlet's name
        that goes on is another masthead (a regional paper, an edition), not
        the outlet and a word."""
        if match.label != "ORG" or match.category != "media" or not match.rule.startswith("catalogue"):
            return None
        if _CAPITAL_BEFORE.search(text, max(0, match.start - 30), match.start):
            return None  # "Generadora Andina del Sur": the outlet's word inside another name
        more = _MASTHEAD_GOES_ON.match(text, match.end)
        words = more.group().split() if more else []
        if not words or words[0] in self.people.given or words[-1] in self.people.given or words[-1] in self._naming_words:
            return None  # "dijo a Reuters Ana Pérez": the outlet, then a person; "Andina Cloud": a firm's name
        name = text[match.start : more.end()]
        return NameMatch(match.start, more.end(), name, "ORG", name, category="media", rule="catalogue:edition")

    def _with_legal_form(self, text: str, match: NameMatch) -> NameMatch:
        """'Empresa Eléctrica de Guatemala, S.A.': a known name's span covers the
        legal form written after it; the canonical stays without it."""
        legal = self._legal_after.match(text, match.end) if match.label == "ORG" else None
        if legal is None:
            return match
        return replace(match, end=legal.end(), text=text[match.start : legal.end()])

    @staticmethod
    def _first_name(text: str, hit: Hit) -> bool:
        """'Aurora Gómez' is a person, not the Aurora supercomputer; 'Scott
        Guthrie' is not Kevin Scott: a one-word name followed by a surname
        is somebody else's first name."""
        one_word_person = hit.entry.label == "PER" and " " not in text[hit.start : hit.end]
        if not (hit.entry.common_word or one_word_person):
            return False
        return bool(_SURNAME_AFTER.match(text, hit.end))

    def _last_name(self, text: str, hit: Hit) -> bool:
        """'Ramón Olguín Vera' is a person, not NVIDIA's Vera CPU, and 'Derek
        Keller' another person than the catalogue's Jim Keller: a one-word name
        that is also a common word or a known person's surname, after another
        given name (and perhaps a first surname), ends somebody else's name."""
        before = _NAME_BEFORE.search(text, max(0, hit.start - 40), hit.start)
        if " " in text[hit.start : hit.end] or not before or before.group("given") not in self.people.given:
            return False
        return hit.entry.common_word or (hit.entry.label == "PER" and before.group("given") != hit.entry.canonical.split()[0])

    @staticmethod
    def _match(text: str, hit: Hit, rule: str) -> NameMatch:
        e: Entry = hit.entry
        return NameMatch(hit.start, hit.end, text[hit.start : hit.end], e.label, e.canonical, e.kind, e.category, rule)

    @staticmethod
    def _at_sentence_start(text: str, start: int, sentence_starts: set[int]) -> bool:
        if start in sentence_starts:
            return True
        return bool(_SENTENCE_END.search(text[max(0, start - 6) : start]))

    @staticmethod
    def _coordinated(text: str, hit: Hit, orgs: list[NameMatch]) -> bool:
        for org in orgs:
            between = text[hit.end : org.start] if org.start >= hit.end else text[org.end : hit.start]
            if len(between) <= 5 and _COORDINATION.match(between):
                return True
        return False

    # ---------------------------------------------------------------- rules
    def _agencies(self, text: str, datelines: Iterable[tuple[int, int]]) -> list[NameMatch]:
        """The agency in a dateline ("BOGOTÁ, 18 feb (EFE).-") is an organisation."""
        found = []
        for start, end in datelines:
            agency = _AGENCY.search(text, start, end)
            if agency:
                a_start, a_end = agency.span("agency")
                match = self._org(text, a_start, a_end, "dateline-agency")
                match.category = "media"
                found.append(match)
        return found

    def _acronyms(self, text: str) -> tuple[list[NameMatch], dict[str, str], frozenset[str]]:
        """'Ente Nacional Regulador de la Electricidad (ENRE)': both names, one
        canonical; and the acronyms defined as something else ("Régimen de
        Incentivo para Grandes Inversiones (RIGI)"), which are no names."""
        found, meaning, not_orgs = [], {}, set()
        for definition in find_definitions(text, self.canonical.org):
            known = [h for h in self.catalogue.find(definition.acronym_text) if h.end - h.start == len(definition.acronym_text) and h.entry.label == "ORG" and h.entry.source == "catalogue"]
            if any(hit.entry.category == "media" for hit in known):
                continue  # "dijo el Ministerio de Energía (EFE)": a wire credit, not a short name
            if not self.rules.is_org_head(definition.full_text):
                not_orgs.add(definition.acronym_text)
                continue
            if self._is_place(definition.full_text):
                continue
            # a known acronym keeps its name however the full one was translated ("Taiwán Semiconductor Fabricación Co (TSMC)")
            canonical = known[0].entry.canonical if known else self.canonical.org(definition.full_text)
            category = self._category(definition.full_text)
            found.append(NameMatch(*definition.full, definition.full_text, "ORG", canonical, category=category, rule="acronym:full"))
            found.append(NameMatch(*definition.acronym, definition.acronym_text, "ORG", canonical, category=category, rule="acronym"))
            meaning[definition.acronym_text] = canonical
        return found, meaning, frozenset(not_orgs) | term_acronyms(text)

    def _context_orgs(self, text: str) -> list[NameMatch]:
        found = []
        for rule in self.rules.find(text):
            rule = replace(rule, end=self._before_a_person(text, rule.start, rule.end))
            name = text[rule.start : rule.end]
            if name.split()[0] in currency_codes():
                continue  # "la operadora sumaron USD 148,6 millones": an amount, not a name
            if rule.rule == "context:outlet" and any(w in self.people.given for w in name.split()[1:]):
                continue  # "dijo a este Diario Mariana Espinel": the outlet's word, then a person
            if self._is_place(name) or (rule.rule in ("context:apposition", "context:demonym", "context:staff", "context:vendor", "context:relation") and self._looks_like_person(name)):
                continue  # "el vicepresidente de la firma, Marcus Reyes, aseguró": a person in apposition
            if _CHRISTENED.search(text, max(0, rule.start - 30), rule.start) or self._after_work_noun.search(text, max(0, rule.start - 40), rule.start):
                continue  # "el campus, que la compañía llama Proyecto Mesquite": a project's given name
            if self._in_law_title.search(text, max(0, rule.start - 120), rule.start):
                continue  # "Ley Orgánica de Fomento a los Centros de Datos y la Infraestructura Digital": a law's title
            if self._portfolio_for.search(text, max(0, rule.start - 80), rule.start):
                continue  # "El ministro para la Transformación Digital": a portfolio, not an organisation
            match = self._org(text, rule.start, rule.end, rule.rule)
            if rule.country:
                match.canonical = self.canonical.government_of(rule.country) or match.canonical
            if rule.regional:
                match.canonical = self.canonical.without_legal_form(match.text)
            match.category = rule.category or match.category
            found.append(match)
        return found

    def _before_a_person(self, text: str, start: int, end: int) -> int:
        """'la investigadora de El Colegio de Sonora Lucía Moreno Valenzuela':
        a person's full name after an institution's 'de X' is no part of it
        (not 'Fundación Carlos Slim', named after its founder; not 'de Red
        Clay Digital', where a naming word follows the given name)."""
        for word in _PERSON_AFTER_OF.finditer(text, start, end):
            first = word.group("first")
            named_for = _SAINTS.fullmatch(first) or (first in self.people.given and not self._is_place(first))  # not "de Concepción Tomás..."
            if word.group("given") in self.people.given and word.group("next") not in self._naming_words and not named_for:
                return word.start("gap")  # not "de Red Clay Digital", a firm's name
        return end  # nor "Ayuntamiento de San José Iturbide", "Alcaldía de Jesús Enrique Lossada": towns named for a saint or a person

    def _national_bodies(self, text: str, country: str | None) -> list[NameMatch]:
        """'el Gobierno', 'el Congreso', 'del Poder Ejecutivo': the outlet's
        country's own, unless a name, a place or a regional adjective follows;
        'la Generalitat', 'la Xunta': the Spanish region the article is about."""
        found = []
        for match in self._national_body.finditer(text) if country else ():
            canonical = self.canonical.national_body(match.group("body"), country)
            if canonical:
                found.append(NameMatch(*match.span("body"), match.group("body"), "ORG", canonical, category="public", rule="context:national-body"))
        for match in self._regional_government.finditer(text):
            # "el Gobierno gallego": the region's, in any outlet
            canonical = self.canonical.regional_governments[match.group("adj")]
            found.append(NameMatch(*match.span(), match.group(), "ORG", canonical, category="public", rule="context:regional-body"))
        regions: dict[str, str | None] = {}  # one reading of the article's places per word
        for match in self._regional_body.finditer(text) if country in (None, "ES") else ():
            word = match.group("body")
            canonical = regions[word] if word in regions else regions.setdefault(word, self.canonical.regional_body(word, text))
            if canonical:
                found.append(NameMatch(*match.span("body"), match.group("body"), "ORG", canonical, category="public", rule="context:regional-body"))
        return found

    def _systems(self, text: str, orgs: list[NameMatch], acronyms: dict[str, str]) -> list[NameMatch]:
        # "Según el Dr. Pérez, el clúster...": a person, not a system in apposition;
        # "Según la Carnaúba, el sistema de refrigeración...": the firm the article
        # named in full as "Carnaúba Data Centers", not a machine.
        firms = {form for org in orgs for form in self._short_forms(org, acronyms)}
        return [
            NameMatch(s, e, text[s:e], "HARDWARE", text[s:e], kind="system", category="system", rule="context:system-noun")
            for s, e in self.rules.systems(text)
            if not _TITLE_BEFORE.search(text, max(0, s - 8), s) and text[s:e].split()[0] not in self.people.given and text[s:e] not in firms
        ]

    def _category(self, name: str) -> str:
        """'Diario Oficial de la Federación', 'Boletín Oficial del Estado': a
        publication reports; an institution is public; else a company."""
        if name.split()[0].lower() in self.rules.media_nouns:
            return "media"
        if self.canonical.without_legal_form(name) != name:
            return "company"  # "Compañía Minera Antaccasa S.A.A.": a legal form makes a company, whatever its head
        if name.split()[0].lower() in self.rules.civil_nouns:
            return "civil"  # "Sindicato de Trabajadores de la ANDE", "Asociación Dominicana de Zonas Francas"
        return "public" if self.rules.is_institution(name) else "company"

    def _org(self, text: str, start: int, end: int, rule: str) -> NameMatch:
        name = text[start:end]
        known = self._known_as(self.canonical.without_legal_form(name))
        if known is not None:
            # "Meta Plataformas Inc.": a known name (or a known translation of one) with its legal form
            return NameMatch(start, end, name, "ORG", known.canonical, category=known.category, rule=rule)
        category = self._category(name)
        return NameMatch(start, end, name, "ORG", self.canonical.org(name), category=category, rule=rule)

    def _known_as(self, bare: str):
        hit = next((h for h in self.catalogue.find(bare) if h.start == 0 and h.end == len(bare) and h.entry.label == "ORG"), None)
        return hit.entry if hit is not None else None

    def _is_place(self, name: str) -> bool:
        if name.isupper():
            name = as_written(name)  # "CIUDAD DE MÉXICO, 15 de octubre": a dateline's place in capitals
        return self.places.is_place(name) or self.places.is_place(name.removeprefix("el ").removeprefix("la "))

    def _places_named(self, text: str) -> frozenset[str]:
        """Names the article makes places, wherever else it writes them: by a
        known place in brackets, as the press writes towns ("en Marchamalo
        (Guadalajara)", "Cuernavaca (Morelos)"), or by a place noun ("el valle
        de Amarateca"); and a town known by a longer name, by its first word
        ("Ejea" of "Ejea de los Caballeros", "Navalmoral" of "Navalmoral de la
        Mata (Cáceres)")."""
        # not "Bastida Supercomputación (Zaragoza)": a firm's naming word says it is no town
        # nor "2. Ticonexa (Costa Rica)": a ranking's line gives the firm's country
        towns = {m.group("name") for m in _BEFORE_BRACKETED.finditer(text)
                 if self._is_place(m.group("place")) and not any(w in self._naming_words for w in m.group("name").split())
                 and not _RANK_BEFORE.search(text, max(0, m.start() - 8), m.start())}
        towns |= {m.group("name") for m in self._after_place_noun.finditer(text)}
        towns |= {text[s:e] for s, e, _ in self.places.find(text) if _OF_WORD.match(text[s:e])}
        return frozenset(towns | {t.split()[0] for t in towns if " " in t and self._first_word_names(t)})

    def _first_word_names(self, town: str) -> bool:
        """'Ejea' of 'Ejea de los Caballeros', not 'Villa' of 'Villa de Leyva'."""
        first = town.split()[0]
        return len(first) > 3 and first.lower() not in self._place_nouns and first not in self.not_names

    def _looks_like_person(self, name: str) -> bool:
        words = name.split()
        # "Nébula IA": a surname is never in capitals
        return len(words) in (2, 3) and words[0] in self.people.given and all(w[:1].isupper() and not w.isupper() for w in words)

    def _people(self, text: str, orgs: list[NameMatch]) -> list[NameMatch]:
        # "Presidente Takuya Ogasawara de Hoshikawa": "de" and a firm's first word name the employer, no surname
        firms = {m.text.split()[0] for m in orgs if m.label == "ORG"}
        found = []
        for start, end in self.people.by_pattern(text):
            start = self._past_a_place(text, start, end)
            name = text[start:end]
            employer = name.rsplit(" de ", 1)
            if len(employer) == 2 and employer[1].split()[0] in firms:
                name, end = employer[0], start + len(employer[0])
                if " " not in name:
                    continue
            # "Virginia y São Paulo": two places joined, not a surname with "y"
            joined = name.split(" y ")
            if len(joined) == 2 and any(self._is_place(part) for part in joined):
                continue
            if not self._is_place(name) and not self._is_place(" ".join(name.split()[:2])) and not self._after_a_saint(text, start, end):
                found.append(NameMatch(start, end, name, "PER", name, rule="given-name"))
        return found + self._post_holders(text)

    def _past_a_place(self, text: str, start: int, end: int) -> int:
        """'el académico de la Universidad de Concepción Tomás Henríquez': a
        town that ends an institution's name, though also a given name, is no
        part of the person after it."""
        first, *rest = text[start:end].split()
        if len(rest) >= 2 and rest[0] in self.people.given and self._is_place(first) and _OF_BEFORE.search(text, max(0, start - 5), start):
            return start + len(first) + 1
        return start

    def _post_holders(self, text: str) -> list[NameMatch]:
        """People whose given name no list holds, named in apposition to their
        post ('la gerente del sitio, Yaritza Samudio, explicó'; 'Osmany Fajardo
        Casals, director de la División de Datos, informó'); an
        organisation there still wins when names are settled."""
        holders = []
        for match in (*self._post_apposition.finditer(text), *self._post_follows.finditer(text)):
            start, end, name = match.start("name"), match.end("name"), match.group("name")
            if not self._is_place(name) and not any(w in self.not_names for w in name.split()):
                holders.append(NameMatch(start, end, name, "PER", name, rule="post-apposition"))
        return holders

    def _after_a_saint(self, text: str, start: int, end: int) -> bool:
        """'San Pedro de Macorís', 'Santa Rosa de Copán', 'San José Iturbide': a
        town or a saint, no person of the article."""
        return bool(_SAINT_BEFORE.search(text, max(0, start - 7), start))

    def _model_names(self, text: str, ents: Iterable[tuple[int, int, str]]) -> list[NameMatch]:
        found = []
        for start, end, label in ents:
            surface = _TITLE.sub("", text[start:end].strip(" \t\n\"“”«»'’.,;:()"))  # "Dr. Pérez": the title is no part of the name
            surface = self._job_title.sub("", surface) if label == "PER" else surface  # "el Jefe Ejecutivo Daniel Okafor"
            surface = re.sub(r"^(?:(?:el|la|los|las|del|al)[ \u00a0]+)+", "", surface)  # "la Sener": the article is no part of the name
            if not surface or (label == "PER" and self._post_of.match(surface)):
                continue  # "el Jefe Ejecutivo de Redstone, Marcus Hale": a post, not a person
            if label in ("LOC", "MISC") and self._standalone_capital(text, surface, times=2) and not self._geographic(text, surface):
                label = "ORG"  # "Anthropic" read as a place: a lone capital word the article repeats mid-sentence
            if label not in ("PER", "ORG"):
                continue
            start = text.index(surface, start)
            if label == "PER":
                start, surface = self._past_constituency(text, start, surface)
            if label == "ORG" and self._looks_like_person(surface) and self.people.plausible(text, start, surface):
                label = "PER"  # "la ministra Adriana Chaparro Rincón": a given name and surnames
            if self._looks_like_name(text, start, surface, label):
                canonical = self.canonical.org(surface) if label == "ORG" else surface
                category = self._category(surface) if label == "ORG" else None
                found.append(NameMatch(start, start + len(surface), surface, label, canonical, category=category, rule="model"))
        return found

    def _past_constituency(self, text: str, start: int, surface: str) -> tuple[int, str]:
        """'el diputado por Cortés Marcos Bertrand Fiallos': the place a member
        sits for is no part of the member's name, which starts at a given name."""
        words = surface.split(" ")
        if not _CONSTITUENCY.search(text, max(0, start - 30), start) or words[0] in self.people.given:
            return start, surface
        for i, word in enumerate(words[1:-1], 1):
            if word in self.people.given:
                cut = len(" ".join(words[:i])) + 1
                return start + cut, surface[cut:]
        return start, surface

    def _looks_like_name(self, text: str, start: int, surface: str, label: str) -> bool:  # noqa: C901
        words = surface.split()
        if _AFTER_NUMBER.search(text, max(0, start - 3), start) or any(c.isdigit() for c in surface):
            return False  # "6 TB/s" is a unit; FP4 and HBM3 are formats
        if surface.isupper() and _CAPITALS_RUN.fullmatch(text, text.rfind("\n", 0, start) + 1, start + len(surface)):
            return False  # "SEÚL, 3 mar. (EFE)", "SANTA CATARINA, NL.-": a dateline's city; "LA DISTRIBUIDORA DEFIENDE...": a heading in capitals
        if _CHRISTENED.search(text, max(0, start - 30), start) or self._after_work_noun.search(text, max(0, start - 40), start):
            return False  # "el proyecto, bautizado Granite Prairie": a project's name, not an organisation
        if label == "ORG" and self._portfolio_before.search(text, max(0, start - 80), start):
            return False  # "su gerente de Energía": a portfolio, not an organisation
        if any(w in self.not_names for w in words) or surface in self.not_names or self._is_place(surface):
            return False
        if self._after_a_saint(text, start, start + len(surface)):
            return False
        if not all(_CAPITALISED_WORD.fullmatch(w) or w.lower() in ("de", "del", "la", "van", "von") for w in words):
            return False
        if words[-1].lower() in ("de", "del", "la"):
            return False  # "Plataforma Logística de": the model stopped short of a place ("... de Zaragoza"), a site's name
        if label == "PER":
            # A lone capitalised word is too often a misread; propagation covers surnames.
            return len(words) >= 2 and self.people.plausible(text, start, surface)
        if len(words) == 1 and not (_DISTINCT_ORG.fullmatch(surface) or self._standalone_capital(text, surface)):
            return False  # "Energía", "Invertirán": a capitalised word, not a name
        return self.rules.is_org_head(surface)

    def _standalone_capital(self, text: str, word: str, times: int = 1) -> bool:
        """A word the model calls ORG that the article also writes with a
        capital in mid-sentence, alone ("el acuerdo de Meta con..."): Spanish
        capitalises no common noun there. Not a place, a given name, a common
        head or a word that is never a name."""
        if " " in word or not word.isalpha() or len(word) < 3 or word in self.not_names or word in currency_codes() or self._is_place(word) or word in self.people.given:
            return False
        if not self.rules.is_org_head(word) or _COMMON_HEADS.fullmatch(word):
            return False
        pattern = re.compile(r"(?<=[a-záéíóúñü,] )" + re.escape(word) + r"(?=[ ,.;:)][^A-ZÁÉÍÓÚÑ]|[.,;:]?$)", re.MULTILINE)
        alone = [m for m in pattern.finditer(text) if not _INSIDE_NAME.search(text, max(0, m.start() - 40), m.start())]
        return len(alone) >= times and not _mostly_where_things_are(text, word) and not _in_lower_case(text, word)

    # ------------------------------------------------------------ propagation
    def _propagate(self, text: str, accepted: list[NameMatch], acronyms: dict[str, str]) -> list[NameMatch]:
        """One name, one label: spread each accepted name to its other mentions."""
        forms: dict[str, NameMatch] = {}
        namesakes: dict[str, list[NameMatch]] = {}  # a surname several people of the article share
        # the model's guesses last: "explicó Galeano", read as ORG by the model, is
        # the surname of "Rubén Galeano Ortiz" that a rule found
        for match in sorted(accepted, key=lambda m: m.rule == "model"):
            # An artefact accepted in its context ("por Valle y Supermicro")
            # means the same in the rest of that article.
            forms.setdefault(match.text, match)
            for short in self._short_forms(match, acronyms):
                forms.setdefault(short, match)
                if match.label == "PER":
                    namesakes.setdefault(short, []).append(match)
            inner = self._inner_firm(match)
            for form in [inner.text, *self._short_forms(inner, acronyms)] if inner else []:
                forms.setdefault(form, inner)
        if not forms:
            return []
        spread = []
        for start, form in _mentions(text, forms):
            origin = _namesake(text, namesakes.get(form, []), start) or forms[form]
            if form in self.not_names and self._at_sentence_start(text, start, set()):
                continue  # "Su consejero delegado" is not Lisa Su
            if form != origin.text and (_INSIDE_NAME.search(text, max(0, start - 40), start) or self._of_place.search(text, max(0, start - 30), start)):
                continue  # "Alcalá de Henares", "el condado de Wharton": places, not short forms of a name
            if form != origin.text and form in self.places.towns and _TOWN_PREPOSITION.search(text, max(0, start - 8), start):
                continue  # "la granja de bitcóin en Acajutla": the town that lent "Acajutla AI Campus" its name
            spread.append(
                NameMatch(start, start + len(form), form, origin.label, origin.canonical, origin.kind, origin.category, "propagated")
            )
        return spread

    def _inner_firm(self, match: NameMatch) -> NameMatch | None:
        """'Sindicato de Técnicos y Operadores de Trelqui Datacenters': the firm
        a body's name ends with, which the article goes on to call 'Trelqui'."""
        if match.label != "ORG" or " de " not in match.text or match.text.split()[0] not in self.union_heads:
            return None  # not "Asociación Colombiana de Infraestructura Digital", whose tail is a trade
        tail = match.text.rsplit(" de ", 1)[1]
        if not self.rules.names_a_firm(tail) or self._is_place(tail) or not self._distinct(tail.split()[0]):
            return None
        start = match.end - len(tail)
        return NameMatch(start, match.end, tail, "ORG", self.canonical.org(tail), category="company", rule="context:inner-firm")

    def _one_canonical(self, chosen: list[NameMatch], acronyms: dict[str, str]) -> None:
        """'la chilena Andesnube' in the headline and 'la firma Andesnube Data
        Centers SpA' in the lead: a name a rule read on its own that is a
        short form of a longer name in the article is that name."""
        longer = {short: m for m in chosen for short in self._short_forms(m, acronyms)}
        for match in chosen:
            full = longer.get(match.text)
            if full is not None and match.label == "ORG" and match.rule.startswith("context:") and len(full.text) > len(match.text):
                match.canonical = full.canonical
            elif match.rule.startswith("context:") and match.text in acronyms:
                match.canonical = acronyms[match.text]  # "el presidente de Emesa": the body the article spelled out

    def _untranslated_endings(self, text: str, chosen: list[NameMatch]) -> None:
        """On a machine-translated page 'Dahna IA' is Dahna AI: the translator
        turned the firm's English field word into Spanish, not the firm."""
        notice = self._translation_notice.search(text)
        if not (notice or any(m.rule.startswith("mt_artefact") for m in chosen)):
            return
        if notice:  # ordinary words are read as English only where the page says it was translated
            self._read_back(text, chosen)
        for match in chosen:
            head, _, last = match.canonical.rpartition(" ")
            if match.label == "ORG" and head and match.rule != "catalogue" and last in self._english_endings:
                match.canonical = f"{head} {self._english_endings[last]}"
        # "Tecnologías de Memoria Yukimori" (and "Yukimori" after it) is Yukimori Memory Technologies
        english = {m.canonical: english_name(m.canonical, self._field_words) for m in chosen if m.label == "ORG" and m.rule.startswith("context:")}
        english = {name: _as_the_page_writes(text, back) for name, back in english.items()}
        for match in chosen:
            if match.label == "ORG" and english.get(match.canonical):
                match.canonical = english[match.canonical]

    def _read_back(self, text: str, chosen: list[NameMatch]) -> None:
        """'Halcón Cómputo' is Falcon Compute, and 'Tejido Central' the
        'CoreFabric Inc.' the page quotes once: a firm's name a translator
        turned word by word is its English name, as the page writes it where
        it does."""
        own = {m.canonical for m in chosen if m.label == "ORG" and m.category in ("company", None) and m.canonical == m.text
               and not m.rule.startswith(("catalogue", "mt_artefact"))}
        english = {}
        for name in own:
            found = readings(name, self._brand_words, self._read_back_fields)
            if found:
                english[name] = quoted_original(text, found, self._english_tails) or found[0]
        for match in chosen:
            if match.label == "ORG" and match.canonical in english:
                match.canonical = english[match.canonical]

    def _short_forms(self, match: NameMatch, acronyms: dict[str, str]) -> list[str]:
        """Later mentions of a name: a person's surname, a firm without its
        legal form or by its first word or two ("Atlas" for "Atlas Hyperscale
        Partners"), an acronym defined in the text."""
        if match.label == "PER":
            return [w for w in self.people.surnames(match.canonical) if all(_CAPITALISED_WORD.fullmatch(p) for p in w.split())]
        if match.label != "ORG" or match.rule in ("catalogue", "propagated") or match.rule.startswith("mt_artefact"):
            return []
        bare = self.canonical.without_legal_form(match.text)
        shorts = [bare] if bare != match.text else []
        words = bare.split()
        if len(words) >= 2 and match.rule.startswith("context:") and self._distinct(words[0]) and words[0] not in self.group_heads:
            shorts.append(words[0])
        if len(words) >= 3 and match.rule.startswith("context:") and words[1][:1].isupper() and not self._is_place(" ".join(words[:2])):
            shorts.append(" ".join(words[:2]))  # "Gulf Coast" of "Gulf Coast Compute Partners"
        if len(words) >= 3 and match.rule.startswith(("context:", "acronym:full")) and words[0] in self.group_heads and self._distinct(words[1]):
            shorts += [words[1], " ".join(words[1:3])]  # "Nexo", "Nodo Sur" of "Grupo Nexo Parques Industriales", "Inversiones Nodo Sur"
        if len(words) >= 3 and words[0] in self.group_heads and words[1].lower() in self.company_nouns and self._distinct(words[2]):
            shorts.append(" ".join(words[2:]))  # "Antaccasa" of "Compañía Minera Antaccasa", "Misti Cobre" of "Sociedad Minera Misti Cobre"
        own = own_words(bare, self._field_words) if match.rule.startswith("context:") else None
        if own and self._distinct(own):
            shorts.append(own)  # "Yukimori" of "Tecnologías de Memoria Yukimori"
        if len(words) >= 4 and match.rule.startswith("context:") and words[1] in ("de", "del") and words[2][:1].isupper():
            shorts.append(" ".join(words[:3]))  # "Manchega de Cómputo" of "Manchega de Cómputo Avanzado"
        trade = self._trade_of(words)
        if trade:
            shorts.append(trade)  # "Luz y Fuerza" of "Sindicato de Luz y Fuerza de Córdoba"
        return shorts

    def _trade_of(self, words: list[str]) -> str | None:
        """A union's trade, which names it later: 'Sindicato de Luz y Fuerza
        de Córdoba' -> 'Luz y Fuerza' (its place dropped)."""
        if len(words) < 4 or words[0] not in self.union_heads or words[1] not in ("de", "del"):
            return None
        trade = words[2:]
        if len(trade) >= 3 and trade[-2] in ("de", "del") and self._is_place(trade[-1]):
            trade = trade[:-2]
        return " ".join(trade) if len(trade) >= 2 and trade[0][:1].isupper() else None

    def _distinct(self, word: str) -> bool:
        """A first word that can stand for the whole name: not a common word,
        a place (a small town may lend a firm its name: "Altamira" of
        "Altamira Data Centers"), a given name or an institution's head."""
        return (
            word[:1].isupper() and len(word) > 3 and word not in self.not_names and (word in self.places.towns or not self._is_place(word))
            and word not in self.people.given and self.rules.is_org_head(word) and not _COMMON_HEADS.fullmatch(word)
        )

    # -------------------------------------------------------------------- run
    def find(
        self,
        text: str,
        model_ents: Iterable[tuple[int, int, str]] = (),
        sentence_starts: Iterable[int] = (),
        blocked: Iterable[tuple[int, int]] = (),
        datelines: Iterable[tuple[int, int]] = (),
        country: str | None = None,
    ) -> list[NameMatch]:
        """Every name, sorted; none inside the `blocked` ranges (page furniture).
        `country` is the outlet's, for its own institutions written bare ("el Congreso")."""
        starts = set(sentence_starts)
        acronym_names, acronyms, not_orgs = self._acronyms(text)
        # "según el Banco Central" bare: the outlet's country's own body (`_national_bodies`), no name of its own
        context_orgs = [self._national_branch(text, m) for m in self._context_orgs(text) if not (country and m.text in self.canonical.national_bodies)]
        known = _not_inside(text, self._catalogue_hits(text, starts), context_orgs, self.canonical.without_legal_form)
        layers = [
            known,
            self._agencies(text, datelines),
            acronym_names,
            self._systems(text, [*known, *context_orgs], acronyms),
            context_orgs,
            self._national_bodies(text, country),  # before the model's bare guess at the same words
            [self._national_branch(text, m) for m in self._model_names(text, model_ents)],
            self._people(text, [*known, *context_orgs]),
        ]
        # Places the article brackets a town with, and acronyms it defines as
        # something other than an organisation ("Régimen de Incentivo ... (RIGI)").
        # An acronym the article defines as a body's name is that body, though
        # a currency bears it too ("la Secretaría de Gobierno Digital (SGD)").
        not_here = self._places_named(text) | not_orgs | (currency_codes() - acronyms.keys()) | unit_symbols()
        chosen: list[NameMatch] = []
        taken: list[tuple[int, int]] = list(blocked)
        for layer in layers:
            # Within a layer the longest name wins ("Google Cloud" over "Google").
            ordered = sorted(layer, key=lambda m: (-(m.end - m.start), m.start))
            _take([m for m in ordered if m.text not in not_here or m.rule == "catalogue"], chosen, taken)
        _take(self._listed(text, chosen, taken), chosen, taken)
        # A person's canonical is the full name wherever the article gives it.
        self._complete_people(chosen)
        # the model's guesses, and a person read from a given name alone ("Luz y
        # Fuerza" is the union named before as "Sindicato de Luz y Fuerza de Córdoba")
        guessed = {(m.start, m.end): m for m in chosen if m.rule in ("model", "given-name")}
        for match in self._propagate(text, chosen, acronyms):
            if (match.start, match.end) in guessed:
                _read_as(guessed[(match.start, match.end)], match)  # "Lamas" after "Breixo Lamas": the person, not the model's ORG
            else:
                _take_whole(match, chosen, taken)
        _take([m for m in self._repeated_capitals(text, chosen, taken) if m.text not in not_here], chosen, taken)
        _take([m for m in self._repeated_pairs(text, taken) if m.text not in not_here], chosen, taken)
        self._one_canonical(chosen, acronyms)
        self._bare_state_government(text, chosen)
        self._untranslated_endings(text, chosen)
        _one_label(chosen)
        _one_category(chosen)
        chosen.sort(key=lambda m: m.start)
        return chosen

    def _bare_state_government(self, text: str, chosen: list[NameMatch]) -> None:
        """'el Gobierno del Estado' with no state after it: the state the page
        names as 'Estado de Durango' elsewhere (a masthead, a congress), else
        the words as written, never a 'Government of Estado'."""
        named = [m.group(1).title() for m in _STATE_OF.finditer(text) if self._is_place(m.group(1).title())]  # "ESTADO DE DURANGO" in a masthead
        for match in chosen:
            if match.label == "ORG" and _BARE_STATE_GOVERNMENT.fullmatch(match.text):
                match.canonical = f"Government of {named[0]}" if len(set(named)) == 1 else match.text

    def _geographic(self, text: str, word: str) -> bool:
        """'el Bierzo', 'Aboño de...', 'la subestación de Aboño', 'la central de
        Almaraz': a word an article writes as a place, or as the site a plant is named after."""
        if _GEOGRAPHIC(word).search(text):
            return True
        return any(self._after_site_noun.search(text, max(0, at.start() - 40), at.start())
                   for at in re.finditer(r"(?<![\w])" + re.escape(word) + r"(?![\w])", text))

    def _repeated_capitals(self, text: str, chosen: list[NameMatch], taken) -> list[NameMatch]:
        """A word nothing else read that the article writes alone with a
        capital in mid-sentence twice or more ('el acuerdo de Meta con...',
        'Anthropic entrenará'): Spanish capitalises no common noun there, and
        places, given names, people's surnames and hardware are known by then."""
        known = {w for m in chosen for w in m.text.split()} | {s for m in chosen if m.label == "PER" for s in self.people.surnames(m.canonical)}
        found = []
        # "el ministro de Energía y Minas", twice: a portfolio's word, no company
        for word in sorted({m.group() for m in _MID_SENTENCE_CAPITAL.finditer(text)} - known - self._portfolios):
            if not self._standalone_capital(text, word, times=2) or _NOT_A_COMPANY_USE(word).search(text) or self._geographic(text, word):
                continue
            for at in re.finditer(r"(?<![\w'’&.-])" + re.escape(word) + r"(?![\w'’&-])", text):
                if not _overlaps(at.start(), at.end(), taken) and not _SENTENCE_END.search(text[max(0, at.start() - 6) : at.start()]):
                    found.append(self._org(text, at.start(), at.end(), "context:repeated"))
        return found

    def _repeated_pairs(self, text: str, taken) -> list[NameMatch]:
        """Two capitalised words nothing else read, written twice or more in
        mid-sentence and never after an article ('la acción de Orbe Andino',
        'que Orbe Andino firmó'): a firm's name; not a place, a person or a
        noun phrase ('la Región Metropolitana')."""
        found = []
        for pair in sorted({m.group() for m in _MID_SENTENCE_PAIR.finditer(text)}):
            if not self._name_pair(text, pair):
                continue
            for at in re.finditer(r"(?<![\w'’&.-])" + re.escape(pair) + r"(?![\w'’&-])", text):
                if not _overlaps(at.start(), at.end(), taken) and not _SENTENCE_END.search(text[max(0, at.start() - 6) : at.start()]):
                    found.append(self._org(text, at.start(), at.end(), "context:repeated"))
        return found

    def _name_pair(self, text: str, pair: str) -> bool:
        first, second = pair.split()
        if {first, second} & self.not_names or first in self.people.given or _COMMON_HEADS.fullmatch(first) or self._is_place(pair):
            return False
        if self._is_place(first) or self._is_place(second) or _NOT_A_COMPANY_USE(pair).search(text):
            return False
        mid = [m.start() for m in re.finditer(r"(?<=[a-záéíóúñü,] )" + re.escape(pair) + r"(?![\w'’&-])(?![ \u00a0][A-ZÁÉÍÓÚÑ])", text)]
        # one use at least as an actor ("que Orbe Andino firmó"), not only after "en", "de"... as places and portfolios are
        return len(mid) >= 2 and any(text[at - 2].isalpha() and not _AFTER_PREPOSITION.search(text, max(0, at - 8), at) for at in mid)

    def _listed(self, text: str, chosen: list[NameMatch], taken: list[tuple[int, int]]) -> list[NameMatch]:
        """Unknown names listed with a known company ('Microsoft, Alphabet,
        Amazon y Meta', 'Baidu, Tencent y ByteDance') are companies too,
        unless a member of the list is a place or a person: then it is no
        list of companies."""
        surnames = {s for m in chosen if m.label == "PER" for s in self.people.surnames(m.canonical)}
        read = {w for m in chosen for w in m.text.split()}
        found: dict[tuple[int, int], NameMatch] = {}
        for org in [m for m in chosen if m.label == "ORG" and m.category != "public"]:
            members = [m for m in self._list_members(text, org) if not set(m[2].split()) & read]
            if not members or any(self._not_a_company(name, surnames) for _, _, name in members):
                continue
            for start, end, _ in members:
                found.setdefault((start, end), self._org(text, start, end, "context:list"))
        return list(found.values())  # the caller takes those that overlap nothing taken

    @staticmethod
    def _list_members(text: str, org: NameMatch) -> list[tuple[int, int, str]]:
        members = []
        at = org.end
        while (right := _LIST_RIGHT.match(text, at)) is not None:
            members.append((right.start("name"), right.end("name"), right.group("name")))
            if right.group("sep").strip(" ,\u00a0") in ("y", "e"):
                break
            at = right.end()
        end = org.start
        while (left := _LIST_LEFT.search(text, max(0, end - 60), end)) is not None:
            opening = _SENTENCE_END.search(text[max(0, left.start() - 6) : left.start()])
            if opening and text[left.end("name") : end].strip(" \u00a0") == ",":
                break  # "Supuestamente, xAI negocia...": a sentence's opening word, not a list
            members.append((left.start("name"), left.end("name"), left.group("name")))
            end = left.start()
        # "por 80 MW, y Energía Provincial...": a unit after its number is no list member
        members = [m for m in members if ". " not in m[2] and not _AFTER_NUMBER.search(text, max(0, m[0] - 3), m[0])]
        # a list closes with "y" ("Baidu, Tencent y ByteDance"); "Contrapunto, Jae-won Park, estima" is a name in apposition
        # ("Antel, Sonda y la local Celeste Hosting": the "y" may open a member no rule reads)
        span = text[min([org.start, *(m[0] for m in members)]) : max([org.end, *(m[1] for m in members)]) + 3]
        return members if re.search(r"[ \u00a0](?:y|e)[ \u00a0]", span) else []

    def _not_a_company(self, name: str, surnames: set[str]) -> bool:
        first = name.split()[0]
        return (self._is_place(name) or first in self.people.given or name in surnames or first in self.not_names
                or name in self.not_names or not self.rules.is_org_head(name) or self._kind_noun(name))

    def _kind_noun(self, name: str) -> bool:
        """'Universidades y Cielo Austral Data proyectan...': a kind of organisation opening a headline is no name."""
        return singular(name.lower()) in self.rules.kind_nouns or name.lower() in self.rules.kind_nouns

    def _complete_people(self, matches: list[NameMatch]) -> None:
        full = [m.canonical for m in matches if m.label == "PER" and len(m.canonical.split()) >= 2]
        for match in matches:
            if match.label == "PER" and len(match.canonical.split()) == 1:
                match.canonical = next((name for name in full if match.canonical in self.people.surnames(name)), match.canonical)
            elif match.label == "PER":
                match.canonical = self._with_second_surname(match.canonical, full)

    def _with_second_surname(self, name: str, full: list[str]) -> str:
        """'Patricio Sanhueza' in a headline is the 'Patricio Sanhueza Ortúzar'
        the article names in full: a given name and first surname complete to
        the one person with both surnames, never to two."""
        longer = {f for f in full if f.startswith(name + " ") and len(f.split()) == len(name.split()) + 1 and name.split()[0] in self.people.given}
        return longer.pop() if len(longer) == 1 else name


def _take(matches, chosen: list[NameMatch], taken: list[tuple[int, int]]) -> None:
    """Accept each match that overlaps nothing accepted before it."""
    for match in matches:
        if not _overlaps(match.start, match.end, taken):
            chosen.append(match)
            taken.append((match.start, match.end))


def _take_whole(match: NameMatch, chosen: list[NameMatch], taken: list[tuple[int, int]]) -> None:
    """A full name the article gives elsewhere ('Ahuehuete Consultores en
    Energía, S.C.'), met again where pieces of it were read as names of their
    own ('Ahuehuete Consultores' and 'Energía'), is one name there too; a
    catalogue name inside it is kept, as is any name it only partly covers."""
    pieces = [m for m in chosen if match.start <= m.start and m.end <= match.end and m.end - m.start < match.end - match.start]
    if not pieces or any(m.rule == "catalogue" for m in pieces) or _overlaps(match.start, match.end, [
            (m.start, m.end) for m in chosen if m not in pieces]):
        _take([match], chosen, taken)
        return
    for piece in pieces:
        chosen.remove(piece)
        taken.remove((piece.start, piece.end))
    _take([match], chosen, taken)


def _not_inside(text: str, known: list[NameMatch], found: list[NameMatch], bare) -> list[NameMatch]:
    """A known name that starts a longer name a rule read by its form or its
    place ('Andina Cómputo', 'Meta Data Centers S.A.', 'analista de
    Davivienda Corredores') is that longer name's first word, not
    the known organisation; one that ends a firm's name written with its
    legal form ('Sierra Quanta Inc.') is its last word, there and wherever
    the article writes that name again ('Sierra Quanta prevé...')."""
    longer = [m for m in found if m.rule in ("context:naming-word", "context:legal-form", "context:cue-noun", "context:staff")]
    written = {bare(m.text) for m in found if m.rule == "context:legal-form"}
    return [k for k in known if not any(m.start <= k.start and k.end < m.end and m.text.startswith(k.text + " ") for m in longer)
            and not any(_ends_name_at(text, k, name, bare) for name in written)]


def _ends_name_at(text: str, known: NameMatch, name: str, bare) -> bool:
    """Whether the known name stands in the text as the last words of `name`."""
    own = bare(known.text)
    if not name.endswith(" " + own):
        return False
    start = known.start - (len(name) - len(own))
    return start >= 0 and text.startswith(name, start)


def _one_label(matches: list[NameMatch]) -> None:
    """One name, one reading: where the model alone reads a name otherwise
    than a rule did elsewhere in the article ("Tláloc, la supercomputadora",
    then "Tláloc" as ORG; "CNCA" defined, then "CNCA" on its own), the rule's
    label and canonical hold."""
    ruled = {}
    for match in matches:
        if match.rule != "model":
            ruled.setdefault(match.text, match)
    for match in matches:
        origin = ruled.get(match.text)
        if match.rule == "model" and origin is not None and (origin.label, origin.canonical) != (match.label, match.canonical):
            _read_as(match, origin)


# Rules that say what kind of organisation a name is, rather than guess it from its first word.
_KIND_RULES = ("catalogue", "context:cue-noun", "context:legal-form", "acronym:full", "acronym")


def _as_the_page_writes(text: str, english: str | None) -> str | None:
    """'Fundición de Silicio Sonorense' read back as 'Sonorense Silicon
    Foundry', on a page that quotes the original headline 'Sonoran Silicon
    Foundry to build...': the firm's own word as the English text writes it."""
    if english is None or " " not in english:
        return english
    own, tail = english.split(" ", 1)
    written = re.search(r"(?<![\w-])([A-Z][\w-]+) " + re.escape(tail) + r"(?![\w-])", text)
    return f"{written.group(1)} {tail}" if written and written.group(1) != own else english


def _namesake(text: str, people: list[NameMatch], start: int) -> NameMatch | None:
    """Of two people with one surname, the one a bare surname means: the one
    whose post it is written with ('la consellera Lloret' for the consellera
    Elena Lloret, not the professor Pau Lloret), else the one named in full
    last before it ('Marisol Henríquez ... dijo Henríquez ... el académico
    Tomás Henríquez ... Henríquez estima')."""
    if len({p.canonical for p in people}) < 2:
        return None
    post = _POST_BEFORE.search(text, max(0, start - 40), start)
    holders = {p.canonical: p for p in people if post and _unaccented(post.group("post")) in _introduction(text, p)}
    if len(holders) == 1:
        return next(iter(holders.values()))
    before = [p for p in people if p.start < start]
    return max(before, key=lambda p: p.start) if before else None


_POST_BEFORE = re.compile(r"(?<![^\W_])(?:[Ee]l|[Ll]a)[ \u00a0]+(?P<post>[a-záéíóúñ]{4,})[ \u00a0]+$")
_ACCENTS = str.maketrans("áéíóúü", "aeiouu")


def _unaccented(text: str) -> str:
    return text.lower().translate(_ACCENTS)


def _introduction(text: str, person: NameMatch) -> str:
    """The words around a person's full name, where the article says what they are."""
    lo, hi = max(0, person.start - 100), person.end + 80
    opens, closes = text.rfind(". ", lo, person.start), text.find(". ", person.end, hi)
    return _unaccented(text[opens + 1 if opens >= 0 else lo : closes if closes >= 0 else hi])


def _one_category(matches: list[NameMatch]) -> None:
    """One organisation, one kind: "la firma Red Clay Digital LLC" makes every
    "Red Clay Digital" a company, though "Red" heads public bodies elsewhere."""
    known = {}
    for match in matches:
        if match.label == "ORG" and match.rule in _KIND_RULES:
            known.setdefault(match.canonical, match.category)
    for match in matches:
        if match.label == "ORG" and match.canonical in known:
            match.category = known[match.canonical]


def _read_as(match: NameMatch, origin: NameMatch) -> None:
    match.label, match.canonical, match.kind, match.category = origin.label, origin.canonical, origin.kind, origin.category
    match.rule = "propagated"


def find_names(text: str, model_ents: Iterable[tuple[int, int, str]] = (), sentence_starts: Iterable[int] = ()) -> list[NameMatch]:
    return _default_finder().find(text, model_ents, sentence_starts)


_FINDER: NameFinder | None = None


def _default_finder() -> NameFinder:
    global _FINDER
    if _FINDER is None:
        _FINDER = NameFinder()
    return _FINDER
