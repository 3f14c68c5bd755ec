"""Does every rule table and every named rule matter to a test?

    python scripts/mutation_check.py [--only SUBSTRING]

For each table of every data file under `pipeline/*/data` (each top-level
key of a JSON object, each JSON Lines file as a whole) and for each rule in
`CODE_RULES`, a copy of the repository gets that one table emptied or that
one function turned into a no-op, and the test suite's rule tests run
against the copy, stopping at the first failure. A mutation no test
notices is a table or rule nothing checks: the run ends with exit 1 and
lists them. The working tree is never touched.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("pipeline", "schemas", "tests", "corpus", "scripts", "pyproject.toml")
# The rule tests, fastest first: a mutation is usually caught in seconds.
TESTS = (
    "tests/test_names.py", "tests/test_numbers.py", "tests/test_page.py", "tests/test_claims.py",
    "tests/test_schemas.py", "tests/test_numbers_peer.py", "tests/test_end_to_end.py", "tests/test_robustness.py",
)
# Named rules of the pipeline: (file, function) made to return at once.
CODE_RULES = (
    ("pipeline/numbers/money.py", "carry_currency"),
    ("pipeline/numbers/money.py", "english_billions"),
    ("pipeline/claims/posts.py", "attribute_posts"),
    ("pipeline/claims/reference.py", "vehicles"),
    ("pipeline/claims/source.py", "_anonymous"),
    ("pipeline/claims/source.py", "_opening_for"),
    ("pipeline/claims/modality.py", "_forecast"),
    ("pipeline/page/datelines.py", None),
    ("pipeline/claims/actors.py", "clause_actor"),
    ("pipeline/claims/actors.py", "speaking_about_itself"),
    ("pipeline/claims/subject.py", "_compared_owner"),
    ("pipeline/claims/actors.py", "_priced_object"),
    ("pipeline/claims/actors.py", "listed"),
    ("pipeline/claims/topic.py", "_sole_company"),
    ("pipeline/claims/subject.py", "_by_epithet"),
    ("pipeline/claims/subject.py", "_company_of_person"),
    ("pipeline/claims/modality.py", "_wanted"),
    ("pipeline/claims/modality.py", "_other_clause"),
    ("pipeline/claims/source.py", "_from_speaker"),
    ("pipeline/claims/source.py", "_quote_closer"),
    ("pipeline/claims/source.py", "_owner_after_phrase"),
    ("pipeline/claims/actors.py", "speaking_for_us"),
    ("pipeline/claims/modality.py", "_purpose_to_create"),
    ("pipeline/claims/modality.py", "_expected_figure"),
    ("pipeline/claims/modality.py", "_compared_fact"),
    ("pipeline/claims/modality.py", "_committed"),
    ("pipeline/claims/modality.py", "_from_a_plan"),
    ("pipeline/claims/reference.py", "_holding_earlier"),
    ("pipeline/claims/subject.py", "_own_subject"),
    ("pipeline/claims/subject.py", "_counted"),
    ("pipeline/claims/source.py", "_files_the_piece"),
    ("pipeline/claims/builder.py", "_heading_between"),
    ("pipeline/claims/builder.py", "_sentence_subject"),
    ("pipeline/names/acronyms.py", "_short_name"),
    ("pipeline/names/recognizer.py", "_mostly_where_things_are"),
    ("pipeline/claims/reference.py", "_is_subject"),
    ("pipeline/claims/source.py", "_speaks_itself"),
    ("pipeline/claims/subject.py", "_disputed_by_another"),
    ("pipeline/claims/actors.py", "_reported"),
    ("pipeline/claims/subject.py", "_granted_to"),
    ("pipeline/claims/reference.py", "_in_sector"),
    ("pipeline/claims/subject.py", "_regional_government"),
    ("pipeline/claims/subject.py", "_documented_by"),
    ("pipeline/claims/subject.py", "_new_voice"),
    ("pipeline/claims/subject.py", "_public_voice"),
    ("pipeline/claims/subject.py", "_defined_as_rule"),
    ("pipeline/claims/employers.py", "outsiders"),
    ("pipeline/claims/subject.py", "_acts"),
    ("pipeline/claims/subject.py", "_chip_on_another_matter"),
    ("pipeline/claims/actors.py", "_second_report"),
    ("pipeline/claims/actors.py", "_complementizer"),
    ("pipeline/claims/subject.py", "_referred_doer"),
    ("pipeline/claims/subject.py", "_described_hardware"),
    ("pipeline/claims/subject.py", "_analyst_firm"),
    ("pipeline/claims/actors.py", "apposed_doer"),
    ("pipeline/claims/source.py", "_misread_as_noun"),
    ("pipeline/claims/source.py", "_remember_paper"),
    ("pipeline/claims/source.py", "_paper_before"),
    ("pipeline/claims/document.py", "_append_sentence"),
    ("pipeline/claims/source.py", "_post_holder_in"),
    ("pipeline/claims/builder.py", "_of_phrase_pick"),
    ("pipeline/claims/builder.py", "_other_clause"),
    ("pipeline/claims/subject.py", "_someone_elses_words"),
    ("pipeline/names/recognizer.py", "_namesake"),
    ("pipeline/claims/reference.py", "_owner_by_agent"),
    ("pipeline/claims/actors.py", "in_relative_on"),
    ("pipeline/names/recognizer.py", "_as_the_page_writes"),
    ("pipeline/claims/actors.py", "_doer_on_noun"),
    ("pipeline/names/recognizer.py", "_take_whole"),
    ("pipeline/claims/source.py", "is_paper"),
    ("pipeline/claims/source.py", "_remark_after"),
    ("pipeline/claims/source.py", "_possessor"),
    ("pipeline/claims/source.py", "_issuer"),
    ("pipeline/claims/source.py", "_remember_reference"),
    ("pipeline/claims/source.py", "_addressed"),
    ("pipeline/claims/source.py", "_names_no_one"),
    ("pipeline/claims/source.py", "_past_the_dateline"),
    ("pipeline/claims/source.py", "_who_spoke"),
    ("pipeline/claims/source.py", "_same_paper"),
    ("pipeline/claims/subject.py", "_possessive_speaker"),
    ("pipeline/claims/subject.py", "_apposed"),
    ("pipeline/claims/subject.py", "_where_granted"),
    ("pipeline/claims/subject.py", "_parent_in_aside"),
    ("pipeline/claims/source.py", "_person_reporting"),
    ("pipeline/claims/actors.py", "in_first_person"),
    ("pipeline/claims/source.py", "_follows_quote"),
    ("pipeline/claims/actors.py", "_owner_of_noun"),
    ("pipeline/claims/actors.py", "_of_phrase"),
    ("pipeline/claims/source.py", "_dropped_subject"),
    ("pipeline/claims/subject.py", "_may_act"),
    ("pipeline/claims/modality.py", "_starts_change"),
    ("pipeline/claims/modality.py", "_clause_verbs"),
    ("pipeline/claims/subject.py", "_about_a_place"),
    ("pipeline/claims/subject.py", "_owned_after"),
    ("pipeline/claims/source.py", "_named_after"),
    ("pipeline/claims/source.py", "_describes_speaker"),
    ("pipeline/claims/shared_units.py", "share_rates"),
    ("pipeline/claims/subject.py", "_price_target_of"),
    ("pipeline/claims/source.py", "_target_setter"),
    ("pipeline/claims/modality.py", "_plan_behind"),
    ("pipeline/claims/subject.py", "_acting_body"),
    ("pipeline/claims/shared_units.py", "share_counted_nouns"),
    ("pipeline/claims/shared_units.py", "_share"),
    ("pipeline/claims/employers.py", "employers"),
    ("pipeline/claims/subject.py", "_outsider_speaks"),
    ("pipeline/claims/modality.py", "_bought_or_done"),
    ("pipeline/claims/modality.py", "_provides"),
    ("pipeline/numbers/ranges.py", "_until_a_year"),
    ("pipeline/names/back_translation.py", "english_name"),
    ("pipeline/names/back_translation.py", "readings"),
    ("pipeline/names/back_translation.py", "quoted_original"),
    ("pipeline/claims/subject.py", "_outside_relative"),
    ("pipeline/claims/builder.py", "_opens_on_the_company"),
    ("pipeline/claims/source.py", "_out_of_the_dateline"),
    ("pipeline/claims/source.py", "_que_follows"),
    ("pipeline/claims/source.py", "_titled_name"),
    ("pipeline/claims/source.py", "_credited"),
    ("pipeline/claims/actors.py", "_misread_name"),
    ("pipeline/names/recognizer.py", "_in_lower_case"),
    ("pipeline/claims/topic.py", "_a_vendor"),
    ("pipeline/claims/topic.py", "_firms_inside"),
    ("pipeline/claims/posts.py", "_post_extents"),
    ("pipeline/claims/source.py", "_sentence_subject_before"),
    ("pipeline/claims/source.py", "_issued_before"),
    ("pipeline/claims/topic.py", "_later_in_lead"),
    ("pipeline/claims/topic.py", "_tells_an_act"),
    ("pipeline/claims/subject.py", "_owner_in_relative"),
    ("pipeline/claims/subject.py", "_of_another_matter"),
    ("pipeline/claims/subject.py", "_going_rate"),
    ("pipeline/claims/subject.py", "_writer_of_self"),
    ("pipeline/claims/orgs.py", "_filed_with"),
    ("pipeline/claims/source.py", "_named_in_title"),
    ("pipeline/claims/source.py", "target_named"),
    ("pipeline/claims/subject.py", "_relative_after"),
    ("pipeline/claims/subject.py", "_rule_issuer"),
    ("pipeline/claims/subject.py", "_binds_someone"),
    ("pipeline/page/datelines.py", "_lone_town"),
    ("pipeline/numbers/money.py", "_money_noun_after"),
    ("pipeline/page/country.py", "_person_named"),
    ("pipeline/claims/modality.py", "_planned_act"),
    ("pipeline/claims/modality.py", "_done_below"),
    ("pipeline/claims/subject.py", "_a_rule_says"),
    ("pipeline/claims/subject.py", "_unrelated_subject"),
    ("pipeline/claims/unit.py", "_per_before"),
    ("pipeline/claims/unit.py", "_named_after_figure"),
    ("pipeline/claims/unit.py", "_counted_by"),
    ("pipeline/claims/source.py", "_disputing"),
    ("pipeline/claims/source.py", "_bare_aside"),
    ("pipeline/claims/source.py", "_interviewee"),
    ("pipeline/claims/source.py", "_labelled_speaker"),
    ("pipeline/claims/source.py", "_release_issuer"),
    ("pipeline/names/recognizer.py", "_ends_name_at"),
    ("pipeline/claims/subject.py", "_speakers_firm"),
    ("pipeline/claims/source.py", "_document_says"),
    ("pipeline/claims/source.py", "_letter_signer"),
    ("pipeline/claims/modality.py", "_past_new_statement"),
    ("pipeline/claims/modality.py", "_counted_to_come"),
    ("pipeline/claims/source.py", "_said_before"),
    ("pipeline/names/acronyms.py", "_after_portfolio"),
    ("pipeline/claims/source.py", "_opening_reference"),
    ("pipeline/claims/source.py", "_spoken_for"),
    ("pipeline/claims/source.py", "_conversion"),
    ("pipeline/claims/source.py", "_filer_before"),
    ("pipeline/claims/source.py", "_wire_release_issuer"),
    ("pipeline/claims/source.py", "_indefinite"),
    ("pipeline/claims/subject.py", "_built_by"),
    ("pipeline/claims/subject.py", "_civic_voice"),
    ("pipeline/claims/orgs.py", "_sources_post"),
    ("pipeline/claims/subject.py", "_outside_post"),
    ("pipeline/claims/source.py", "_handed_over_by"),
    ("pipeline/claims/posts.py", "attribute_thread"),
    ("pipeline/claims/posts.py", "_thread_posts"),
    ("pipeline/claims/corrections.py", "withdrawn_ranges"),
    ("pipeline/claims/employers.py", "outside_posts"),
    ("pipeline/claims/employers.py", "_officer"),
    ("pipeline/claims/subject.py", "_in_reported_clause"),
    ("pipeline/claims/actors.py", "_unattached_subject"),
    ("pipeline/claims/source.py", "_an_answer"),
    ("pipeline/claims/reference.py", "_state_owned"),
    ("pipeline/claims/modality.py", "_tally"),
    ("pipeline/claims/source.py", "_notice_issuer"),
    ("pipeline/claims/employers.py", "_owners_of_posts"),
    ("pipeline/claims/modality.py", "_conditional"),
    ("pipeline/claims/modality.py", "_misread_verb"),
    ("pipeline/claims/source.py", "_closes_title"),
    ("pipeline/claims/source.py", "_ends_phrase"),
    ("pipeline/claims/source.py", "_subjectless_sequel"),
    ("pipeline/claims/source.py", "_after_fronted_adjective"),
    ("pipeline/claims/reference.py", "_actor_farther_back"),
    ("pipeline/names/acronyms.py", "term_acronyms"),
    ("pipeline/claims/source.py", "_paper_named_before"),
    ("pipeline/claims/source.py", "_titled_person"),
    ("pipeline/claims/posts.py", "attribute_comments"),
    ("pipeline/claims/subject.py", "_goes_on_about_it"),
    ("pipeline/claims/subject.py", "_widening"),
    ("pipeline/claims/subject.py", "_hardware_on_another_matter"),
    ("pipeline/claims/subject.py", "_antecedent"),
    ("pipeline/claims/source.py", "_sender_of"),
    ("pipeline/claims/source.py", "_apposed_after"),
    ("pipeline/claims/source.py", "_asker"),
    ("pipeline/claims/reference.py", "_means_a_government"),
    ("pipeline/sentence_ends.py", "goes_on"),
    ("pipeline/sentence_ends.py", "_continued_abbreviation"),
    ("pipeline/sentence_ends.py", "is_title"),
    ("pipeline/sentence_ends.py", "_initials"),
    ("pipeline/claims/actors.py", "_written_antecedent"),
    ("pipeline/claims/actors.py", "_own_clause_before"),
    ("pipeline/claims/subject.py", "_operators_network"),
    ("pipeline/claims/subject.py", "_runs_networks"),
    ("pipeline/claims/subject.py", "_a_place"),
    ("pipeline/claims/source.py", "_market_expectation"),
    ("pipeline/claims/source.py", "_aside_on_another"),
    ("pipeline/claims/source.py", "_acts_on_the_paper"),
    ("pipeline/claims/subject.py", "_network_speaker"),
    ("pipeline/claims/subject.py", "_relative_on"),
    ("pipeline/claims/source.py", "_holder_of_post"),
    ("pipeline/claims/source.py", "_another_object"),
    ("pipeline/claims/source.py", "_citing_outlet"),
    ("pipeline/claims/source.py", "_outlet_in_phrase"),
    ("pipeline/claims/source.py", "_beyond_the_request"),
    ("pipeline/claims/source.py", "_infinitive_passive"),
    ("pipeline/claims/rumours.py", "attribute_hearsay"),
    ("pipeline/claims/modality.py", "_future_by_form"),
    ("pipeline/claims/builder.py", "_anothers_own"),
    ("pipeline/claims/builder.py", "_starts_change_to"),
    ("pipeline/claims/source.py", "_spoken_quote"),
    ("pipeline/claims/source.py", "_speaker_aside"),
    ("pipeline/claims/source.py", "_next_act"),
    ("pipeline/claims/actors.py", "_finite_number"),
    ("pipeline/claims/reference.py", "_introduced_by"),
)
_SKIPPED_DATA = ("pipeline/store/", "pipeline/exports/", "pipeline/sources/")  # their own suites check them


def data_mutations() -> list[tuple[str, str]]:
    """(file, key) for each table; key "*" is a whole JSON Lines file."""
    found = []
    for path in sorted(ROOT.glob("pipeline/**/data/*.json*")):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith(_SKIPPED_DATA):
            continue
        if path.suffix == ".jsonl":
            found.append((relative, "*"))
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        found += [(relative, key) for key in data if not key.startswith("_")]
    return found


def blank_table(copy: Path, relative: str, key: str) -> None:
    path = copy / relative
    if key == "*":
        path.write_text("", encoding="utf-8")
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    value = data[key]
    if isinstance(value, (list, dict, str)):
        data[key] = type(value)()
    else:
        del data[key]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def disable_function(copy: Path, relative: str, function: str | None) -> None:
    """Every function of the module returns at once when `function` is None."""
    path = copy / relative
    source = path.read_text(encoding="utf-8")
    name = re.escape(function) if function else r"\w+"
    pattern = re.compile(r"^(def " + name + r"\(.*?\)[^:\n]*:\n(?:    \"\"\"(?:.|\n)*?\"\"\"\n)?)", re.MULTILINE | re.DOTALL)
    mutated, count = pattern.subn(lambda m: m.group(1) + "    return None\n", source)
    if not count:
        raise SystemExit(f"{relative}: no function {function!r} to disable")
    path.write_text(mutated, encoding="utf-8")


def caught(copy: Path) -> tuple[bool, str]:
    """Run the rule tests on the copy; (whether one failed, which)."""
    env = {**os.environ, "PYTHONPATH": str(copy), "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "--no-header", *TESTS]
    run = subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True)
    failed = [line.split(" ")[1] for line in run.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))]
    return run.returncode != 0, (failed[0] if failed else run.stdout.strip().splitlines()[-1] if run.stdout.strip() else "")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="only mutations whose name holds this text")
    only = parser.parse_args(argv).only
    mutations = [(f"{f}:{k}", blank_table, (f, k)) for f, k in data_mutations()]
    mutations += [(f"{f}:{fn or '*'}()", disable_function, (f, fn)) for f, fn in CODE_RULES]
    survivors = []
    with tempfile.TemporaryDirectory() as folder:
        for name, mutate, args in (m for m in mutations if only in m[0]):
            copy = Path(folder) / "repo"
            shutil.rmtree(copy, ignore_errors=True)
            for item in COPIED:
                (shutil.copytree if (ROOT / item).is_dir() else shutil.copy)(ROOT / item, copy / item)
            mutate(copy, *args)
            started = time.monotonic()
            noticed, by = caught(copy)
            print(f"{'caught  ' if noticed else 'SURVIVED'} {name:<60} {time.monotonic() - started:5.1f} s  {by}", flush=True)
            if not noticed:
                survivors.append(name)
    print(f"{len(survivors)} mutation(s) no test noticed" + (": " + ", ".join(survivors) if survivors else ""))
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
