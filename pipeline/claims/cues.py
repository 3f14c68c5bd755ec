"""The claim builder's cue lexicons, loaded once from `data/cues.json`."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from pipeline.trie import split_words, trie_pattern


def _phrases(phrases) -> re.Pattern:
    body = trie_pattern((split_words(p, r"\s+") for p in set(phrases)), fold_case=True)
    return re.compile(r"(?<![^\W_])(?:" + body + r")(?![^\W_])", re.IGNORECASE)


def _anonymous(phrases, patterns) -> re.Pattern:
    """Unnamed sources: the listed phrases, or the patterns' unnamed people of a named body."""
    listed = _phrases(phrases)
    if not patterns:
        return listed
    shapes = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(listed.pattern + r"|(?<![^\W_])(?:" + shapes + ")", re.IGNORECASE)


# "la empresa china Huawei" introduces a name; "La estatal propondrá al Poder Ejecutivo" does not:
# a preposition or a pronoun between the noun and the capitals links to another word
_NOT_A_LINK = r"(?!(?:al|a|en|con|por|para|ante|que|se|le|les|lo)\s)"
# "la empresa de datos Nubaria" introduces a name, so the noun refers back to no one; an amount
# written with a capital ("unos US$ 40 millones", "unos L38 millones") is no name
_NO_NAME_AFTER = r"(?!(?:\s+" + _NOT_A_LINK + r"[a-záéíóúñ]+){0,2}\s+(?-i:[A-ZÁÉÍÓÚÑ@])(?!\w*[\d$]))"


def _market_expectation(nouns) -> re.Pattern:
    """'las estimaciones de ', 'las expectativas de los analistas de ': right before an amount."""
    noun = "|".join(map(re.escape, nouns))
    return re.compile(rf"(?<![^\W_])(?:{noun})(?:\s+(?:del\s+mercado|de\s+(?:los\s+)?analistas|de\s+Wall\s+Street))?\s+de\s+(?:(?:alrededor|cerca)\s+de\s+|unos\s+|unas\s+)?$", re.IGNORECASE)


def _market_expected(verbs, voices) -> re.Pattern:
    """' que proyectaba el mercado': right after an amount."""
    verb = "|".join(map(re.escape, verbs))
    voice = "|".join(map(re.escape, voices))
    return re.compile(rf"\s+que\s+(?:{verb})\s+(?:{voice})(?![^\W_])", re.IGNORECASE)


def _stems(infinitives) -> re.Pattern:
    """'afirmar' → a pattern for 'afirm' + any regular ending."""
    stems = sorted({verb[:-2] for verb in infinitives if len(verb) > 5}, key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, stems)) + r")[a-záéíóú]{1,6}$")


def _disputed(verbs, nouns) -> re.Pattern:
    """'una cifra que AWS rebaja a ', 'rebaja esa cifra a ', 'eleva esa
    potencia a ': what comes right before a figure set against another."""
    if not verbs or not nouns:
        return re.compile(r"(?!)")  # no verbs, no disputes
    verb = "(?:" + "|".join(map(re.escape, verbs)) + ")"
    noun = "(?:" + "|".join(map(re.escape, nouns)) + ")"
    return re.compile(
        rf"(?<![^\W_])(?:(?:una|esa|la|dicha|esta)\s+{noun}\s+que\s+[^,.;]{{0,80}}?{verb}|{verb}\s+(?:(?:la|su)\s+{noun}|(?:esa|esta|dicha)\s+[a-záéíóúñ]+))"
        r"\s+(?:a|en|hasta)(?:\s+(?:apenas|solo|sólo))?\s+$",
        re.IGNORECASE,
    )


@dataclass(frozen=True)
class Cues:
    modality_order: tuple[str, ...]
    modality: dict[str, re.Pattern]
    attribution_forms: frozenset[str]
    according_to: re.Pattern
    clause_breaks: re.Pattern
    aggregate_markers: frozenset[str]
    category_words: frozenset[str]
    company_reference: re.Pattern
    reporting: frozenset[str]
    chip_spec_units: frozenset[str]
    attribution_stems: re.Pattern
    reporting_stems: re.Pattern
    according_lead_stops: frozenset[str]
    speaker_nouns: frozenset[str]
    project_reference: re.Pattern
    project_nouns: frozenset[str]
    generic_public_nouns: frozenset[str]
    capitalised_bodies: frozenset[str]
    government_level_words: frozenset[str]
    research_firm_nouns: frozenset[str]
    reference_nouns: dict[str, frozenset[str]]
    post_classes: dict[str, tuple[str, ...]]
    generic_company_nouns: frozenset[str]
    state_body_nouns: frozenset[str]
    attribution_needs_que: frozenset[str]
    attribution_plans: frozenset[str]
    announcements: frozenset[str]
    forecasts: frozenset[str]
    planned_object: re.Pattern
    rule_nouns: frozenset[str]
    own_attribute_nouns: frozenset[str]
    another_matter_subjects: frozenset[str]
    sector_wide_adjectives: frozenset[str]
    network_nouns: frozenset[str]
    acting_on_paper_stems: tuple[str, ...]
    market_expectation: re.Pattern
    market_expected: re.Pattern
    network_operator: re.Pattern
    network_overseer: re.Pattern
    others_who_pay: frozenset[str]
    ratio_index: re.Pattern
    will_verb_stems: tuple[str, ...]
    imperfect_lookalike_stems: tuple[str, ...]
    demand_verb_stems: tuple[str, ...]
    creation_verb_stems: tuple[str, ...]
    builder_verb_stems: tuple[str, ...]
    filing_verb_stems: tuple[str, ...]
    officer_post_words: frozenset[str]
    analyst_post_words: frozenset[str]
    outsider_roles: frozenset[str]
    analyst_firm_nouns: frozenset[str]
    having_forms: frozenset[str]
    tally_verbs: frozenset[str]
    plan_document: re.Pattern
    outcome_verb_stems: tuple[str, ...]
    commitment_verbs: frozenset[str]
    commitment_noun: re.Pattern
    epithets: re.Pattern
    undecided_heads: frozenset[str]
    maker_nouns: frozenset[str]
    epithet_names: dict[str, str]
    generic_heads: frozenset[str]
    anonymous: re.Pattern
    document_nouns: frozenset[str]
    estimate_nouns: frozenset[str]
    disputed: re.Pattern
    sector_name_words: dict[str, frozenset[str]]
    sector_name_stems: dict[str, tuple[str, ...]]
    grant_verb_stems: tuple[str, ...]
    regional_government: re.Pattern
    regional_government_heads: tuple[str, ...]
    name_head_forms: dict[str, frozenset[str]]
    developer_nouns: frozenset[str]
    provision_subjects: frozenset[str]

    def reports(self, word: str) -> bool:
        """'estima', 'calculó', 'informa': a verb (lower case) by which a source only reports or estimates."""
        return word in self.reporting or self.reporting_stems.match(word) is not None


@lru_cache(maxsize=2)
def cues(path: str | None = None) -> Cues:
    if path is None:
        raw = resources.files("pipeline.claims").joinpath("data").joinpath("cues.json").read_text(encoding="utf-8")
    else:
        with open(path, encoding="utf-8") as handle:
            raw = handle.read()
    data = json.loads(raw)
    breaks = sorted(data["clause_breaks"], key=len, reverse=True)
    return Cues(
        modality_order=tuple(data["modality_order"]),
        modality={name: _phrases(words) for name, words in data["modality"].items()},
        attribution_forms=frozenset(f.lower() for f in data["attribution_forms"]),
        according_to=_phrases(data["according_to"]),
        clause_breaks=re.compile("|".join(re.escape(b) for b in breaks)),
        aggregate_markers=frozenset(data["aggregate_markers"]),
        category_words=frozenset(data["category_words"]),
        reporting=frozenset(w.lower() for w in data["reporting_verbs"]),
        chip_spec_units=frozenset(data["chip_spec_units"]),
        attribution_stems=_stems(data["attribution_verbs"]),
        reporting_stems=_stems(w for w in data["reporting_verbs"] if w.endswith(("ar", "er", "ir"))),
        according_lead_stops=frozenset(data["according_lead_stops"]),
        speaker_nouns=frozenset(data.get("speaker_nouns", ())),
        project_reference=re.compile(
            r"(?<![^\W_])(?:el|la|los|las|este|esta|ese|esa|dicho|dicha|su|sus|nuevo|nueva)\s+(?:primer\s+|primera\s+|segunda\s+|segundo\s+|nuevo\s+|nueva\s+)?(?:"
            + "|".join(map(re.escape, sorted(data["project_nouns"], key=len, reverse=True))) + r")(?![^\W_])" + _NO_NAME_AFTER,
            re.IGNORECASE,
        ),
        project_nouns=frozenset(data["project_nouns"]),
        generic_public_nouns=frozenset(data["generic_public_nouns"]),
        capitalised_bodies=frozenset(data["capitalised_bodies"]),
        government_level_words=frozenset(data["government_level_words"]),
        research_firm_nouns=frozenset(data["research_firm_nouns"]),
        generic_heads=frozenset(data["generic_heads"]),
        reference_nouns={kind: frozenset(words) for kind, words in data["reference_nouns"].items()},
        post_classes={noun: tuple(posts) for noun, posts in data["post_classes"].items()},
        generic_company_nouns=frozenset(data["generic_company_nouns"]),
        state_body_nouns=frozenset(data["state_body_nouns"]),
        attribution_needs_que=frozenset(data["attribution_needs_que"]),
        attribution_plans=frozenset(data["attribution_plans"]),
        announcements=frozenset(data["announcement_verbs"]),
        forecasts=frozenset(data["forecast_verbs"]),
        rule_nouns=frozenset(data["rule_nouns"]),
        own_attribute_nouns=frozenset(data["own_attribute_nouns"]),
        another_matter_subjects=frozenset(data["another_matter_subjects"]),
        sector_wide_adjectives=frozenset(data["sector_wide_adjectives"]),
        network_nouns=frozenset(data["network_nouns"]),
        acting_on_paper_stems=tuple(data["acting_on_paper_stems"]),
        market_expectation=_market_expectation(data["market_expectation_nouns"]),
        market_expected=_market_expected(data["forecast_verbs"], data["market_voices"]),
        network_operator=_phrases(data["network_operator_words"]),
        network_overseer=_phrases(data["network_overseer_words"]),
        others_who_pay=frozenset(data["others_who_pay"]),
        ratio_index=re.compile(
            r"(?<![\w])(?P<index>" + "|".join(map(re.escape, data["ratio_indices"])) + r")(?:\s*\)|\s+[a-záéíóúñ]+){0,3}\s+(?:de|a|en)\s+$"
        ),
        planned_object=re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, data["planned_objects"])) + r")(?![^\W_])", re.IGNORECASE),
        will_verb_stems=tuple(data["will_verb_stems"]),
        imperfect_lookalike_stems=tuple(data["imperfect_lookalike_stems"]),
        demand_verb_stems=tuple(data["demand_verb_stems"]),
        creation_verb_stems=tuple(data["creation_verb_stems"]),
        builder_verb_stems=tuple(data["builder_verb_stems"]),
        filing_verb_stems=tuple(data["filing_verb_stems"]),
        officer_post_words=frozenset(data["officer_post_words"]),
        analyst_post_words=frozenset(data["analyst_post_words"]),
        outsider_roles=frozenset(data["outsider_roles"]),
        analyst_firm_nouns=frozenset(data["analyst_firm_nouns"]),
        having_forms=frozenset(data["having_forms"]),
        tally_verbs=frozenset(data["tally_verbs"]),
        outcome_verb_stems=tuple(data["outcome_verb_stems"]),
        commitment_verbs=frozenset(data["commitment_verbs"]),
        commitment_noun=re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, data["commitment_nouns"])) + r")(?![^\W_])", re.IGNORECASE),
        plan_document=re.compile(
            r"(?<![^\W_])según\s+(?:el|la|los|las|su|sus)\s+(?:" + "|".join(map(re.escape, sorted(data["plan_documents"], key=len, reverse=True))) + r")(?![^\W_])",
            re.IGNORECASE,
        ),
        epithets=re.compile(
            r"(?<![^\W_])(?:el|la)\s+[a-záéíóúñ]+\s+de\s+(?P<town>" + "|".join(map(re.escape, data["epithets"])) + r")(?![^\W_])",
            re.IGNORECASE,
        ),
        epithet_names={town.lower(): company for town, company in data["epithets"].items()},
        undecided_heads=frozenset(data["undecided_heads"]),
        maker_nouns=frozenset(data["maker_nouns"]),
        anonymous=_anonymous(data["anonymous_sources"], data["anonymous_source_patterns"]),
        document_nouns=frozenset(data["document_nouns"]),
        estimate_nouns=frozenset(data["estimate_nouns"]),
        disputed=_disputed(data["dispute_verbs"], data["figure_nouns"]),
        sector_name_words={noun: frozenset(words) for noun, words in data["sector_name_words"].items()},
        sector_name_stems={noun: tuple(stems) for noun, stems in data["sector_name_stems"].items()},
        grant_verb_stems=tuple(data["grant_verb_stems"]),
        regional_government=_phrases(data["regional_government_nouns"]),
        regional_government_heads=tuple(data["regional_government_heads"]),
        name_head_forms={noun: frozenset([noun, *forms]) for noun, forms in data["name_head_forms"].items()},
        developer_nouns=frozenset(data["developer_nouns"]),
        provision_subjects=frozenset(data["provision_subjects"]),
        company_reference=re.compile(
            # not "una fuente de la empresa": who leaks a figure is not its subject
            r"(?<![^\W_])(?<!fuente\sde\s)(?<!fuentes\sde\s)(?:la|el)\s+(?:propia\s+|misma\s+)?(?:" + "|".join(map(re.escape, data["company_nouns"])) + r")(?![^\W_])" + _NO_NAME_AFTER,
            re.IGNORECASE,
        ),
    )
