"""afirma's spaCy components, registered as factories.

Add them to any Spanish pipeline that has a parser, morphologizer and NER:

    nlp.add_pipe("afirma_terms", first=True)
    nlp.add_pipe("afirma_sentences", before="parser")
    nlp.add_pipe("afirma_page")
    nlp.add_pipe("afirma_names")
    nlp.add_pipe("afirma_numbers")
    nlp.add_pipe("afirma_claims")

Results live on `doc._.afirma_names`, `doc._.afirma_numbers` and
`doc._.afirma_claims` (character offsets, not tokens: a name may be glued
inside a token, as "NVIDIA" in "NVIDIAChipset"). Name and number spans that
do fall on token boundaries are also put in `doc.spans["afirma"]`, so
displaCy and other span tools can show them; `doc.ents` is left to the
statistical model unless `overwrite_ents` is set.
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
from importlib import resources

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from pipeline.claims.builder import ClaimBuilder
from pipeline.doc_arrays import sentence_start_chars
from pipeline.names.recognizer import NameFinder
from pipeline.numbers import find_numbers, number_context
from pipeline.page import PageProfile, read_page
from pipeline.sentence_ends import abbreviation_before

SPAN_KEY = "afirma"

for _name in ("afirma_page", "afirma_names", "afirma_numbers", "afirma_claims"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

PAGE_KEY = "afirma_page"  # user_data: the article's PageProfile, when a caller read it on the whole text
CONTEXT_KEY = "afirma_number_context"  # user_data: the article's NumberContext, likewise


def page_of(doc: Doc) -> PageProfile:
    """The doc's page profile: the one set on it, else read from its own text."""
    if doc._.afirma_page is None:
        doc._.afirma_page = doc.user_data.get(PAGE_KEY) or read_page(doc_text(doc))
    return doc._.afirma_page


def doc_text(doc: Doc) -> str:
    """Doc.text joins every token each time it is read; afirma's components
    read it once per document and share it."""
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is None or cached[0] != len(doc):
        cached = doc.user_data[_TEXT_KEY] = (len(doc), doc.text)
    return cached[1]


def remember_text(doc: Doc, text: str) -> Doc:
    """Give doc_text the text the doc was made from, so it never joins tokens."""
    doc.user_data[_TEXT_KEY] = (len(doc), text)
    return doc


_TEXT_KEY = "afirma_text"


@Language.component("afirma_terms")
def merge_terms(doc: Doc) -> Doc:
    """English compound nouns ("data centers") as one token, before the
    tagger and parser read them as a Spanish verb and its object."""
    spans = [doc.char_span(m.start(), m.end()) for m in _TERMS.finditer(doc_text(doc))]
    spans = [span for span in spans if span is not None and len(span) > 1]
    if spans:  # most pages have none: no retokenizer to open
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span)
    return doc


def _load_terms() -> re.Pattern:
    raw = resources.files("pipeline").joinpath("data").joinpath("terms.json").read_text(encoding="utf-8")
    terms = sorted(json.loads(raw)["terms"], key=len, reverse=True)
    return re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(t).replace(r"\ ", r"[ \u00a0]") for t in terms) + r")(?![^\W_])", re.IGNORECASE)


_TERMS = _load_terms()


@Language.component("afirma_sentences")
def mark_sentence_starts(doc: Doc) -> Doc:
    """Sentence starts the parser must respect: after a line break (headlines
    and datelines have no full stop), and after a full stop, question or
    exclamation mark followed by a capital, unless the stop ends an
    abbreviation or an initial ("EE. UU.", "D. F. Jones")."""
    text = doc_text(doc)
    starts = doc.to_array(IDX).tolist()  # nearly every page has a comma or a stop, so read once
    for match in _BOUNDARY.finditer(text):
        # The boundary ends before a non-space character, which a token holds.
        index = bisect.bisect_right(starts, match.end()) - 1
        if index <= 0:
            continue
        # After an abbreviation ("la Dra. Ana Ruiz") the parser must not cut either.
        abbreviation = match.group(1) == "." and abbreviation_before(text, match.start(1))
        doc[index].is_sent_start = not abbreviation
    # "Meta Platforms Inc. dijo...": an abbreviation's stop before a lower-case word ends no sentence;
    # "Alfabeto, la empresa matriz de Google, dijo...": no sentence starts after a comma (the
    # small parser mostly obeys; after a paragraph's forced start it may not, spaCy issue 7716)
    stops = (m.end() for m in _NO_BOUNDARY.finditer(text) if abbreviation_before(text, m.start()))
    for offset in itertools.chain(stops, (m.end() for m in _AFTER_COMMA.finditer(text))):
        index = bisect.bisect_right(starts, offset) - 1
        if index > 0 and doc[index].idx == offset:
            doc[index].is_sent_start = False
    return doc


# The next sentence starts after a line break, or after a stop, closing
# quotes and a space when a capital or a digit follows.
_BOUNDARY = re.compile(r"\n[ \t\u00a0\n]*(?=\S)|([.!?…])[\"”»')]*[ \t\u00a0]+(?=[¿¡\"“«(]*[A-ZÁÉÍÓÚÑ0-9])")


_AFTER_COMMA = re.compile(r",[ \t\u00a0]+(?=\S)")
_NO_BOUNDARY = re.compile(r"(?<=\w)\.[ \t\u00a0]+(?=[a-záéíóúñ])")


@Language.component("afirma_page", assigns=["doc._.afirma_page"])
def read_page_profile(doc: Doc) -> Doc:
    """The page profile (country, furniture, headings, datelines) the other components read."""
    page_of(doc)
    return doc


class NamesComponent:
    def __init__(self, nlp: Language, name: str, *, data_dir: str | None, use_model_ents: bool):
        self.name = name
        self.finder = NameFinder(data_dir)
        self.use_model_ents = use_model_ents

    def __call__(self, doc: Doc) -> Doc:
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents] if self.use_model_ents else []
        page = page_of(doc)
        doc._.afirma_names = self.finder.find(
            doc_text(doc), ents, sentence_start_chars(doc), blocked=page.blocked(), datelines=page.datelines, country=page.country
        )
        return doc


class NumbersComponent:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        page = page_of(doc)
        context = doc.user_data.get(CONTEXT_KEY) or number_context(text, page.country_info)
        blocked = [(n.start, n.end) for n in doc._.afirma_names or []] + page.blocked()
        doc._.afirma_numbers = find_numbers(text, blocked, context)
        return doc


class ClaimsComponent:
    def __init__(self, nlp: Language, name: str, *, cue_path: str | None, names_data_dir: str | None, overwrite_ents: bool):
        self.name = name
        finder = NameFinder(names_data_dir)
        self.builder = ClaimBuilder(cue_path, finder.catalogue)
        self.overwrite_ents = overwrite_ents

    def __call__(self, doc: Doc) -> Doc:
        names = doc._.afirma_names or []
        numbers = doc._.afirma_numbers or []
        doc._.afirma_claims = self.builder.build(doc, names, numbers, doc_text(doc), page_of(doc))
        doc.user_data.pop(_TEXT_KEY, None)  # not worth keeping in a serialised doc
        spans = []
        for found in sorted([*names, *numbers], key=lambda f: f.start):
            span = doc.char_span(found.start, found.end, label=found.label)
            if span is not None:
                spans.append(span)
        doc.spans[SPAN_KEY] = SpanGroup(doc, name=SPAN_KEY, spans=spans)
        if self.overwrite_ents:
            doc.set_ents(spans, default="outside")
        return doc


@Language.factory(
    "afirma_names",
    assigns=["doc._.afirma_names"],
    requires=["doc.ents"],
    default_config={"data_dir": None, "use_model_ents": True},
)
def make_names(nlp: Language, name: str, data_dir: str | None, use_model_ents: bool) -> NamesComponent:
    return NamesComponent(nlp, name, data_dir=data_dir, use_model_ents=use_model_ents)


@Language.factory("afirma_numbers", assigns=["doc._.afirma_numbers"], default_config={})
def make_numbers(nlp: Language, name: str) -> NumbersComponent:
    return NumbersComponent(nlp, name)


@Language.factory(
    "afirma_claims",
    assigns=["doc._.afirma_claims", "doc.spans"],
    requires=["token.dep", "token.pos", "token.morph"],
    default_config={"cue_path": None, "names_data_dir": None, "overwrite_ents": False},
)
def make_claims(
    nlp: Language, name: str, cue_path: str | None, names_data_dir: str | None, overwrite_ents: bool
) -> ClaimsComponent:
    return ClaimsComponent(nlp, name, cue_path=cue_path, names_data_dir=names_data_dir, overwrite_ents=overwrite_ents)
