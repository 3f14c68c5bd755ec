"""ORG F1 on the test articles without the catalogue entries for their names.

    python scripts/without_catalogue.py [--split dev|test]

Names that a test article holds may sit in the catalogues, so the test
split partly measures catalogue coverage. This copies the names data to a
temporary folder, drops every organisation entry (firms, outlets, public
bodies' known forms, translation artefacts) whose name or alias is a name
of a test article, runs the pipeline with that reduced data, and prints the
ORG partial F1 of each corpus's test split with and without the entries.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import unicodedata
from pathlib import Path

from pipeline.names.catalogue import default_data_dir
from pipeline.review.evaluate import evaluate
from pipeline.review.floors import CORPORA, ROOT
from schemas import Article


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def split_articles(corpus: str, split: str) -> list[Article]:
    lines = (ROOT / corpus).read_text(encoding="utf-8").splitlines()
    return [Article.model_validate(r) for r in map(json.loads, lines) if r["meta"]["split"] == split]


def article_names(articles) -> set[str]:
    names = set()
    for article in articles:
        for span in article.spans:
            if span.label == "ORG":
                names |= {fold(span.text), fold(span.canonical or span.text)}
    return names


def reduced_data(names: set[str], target: Path) -> int:
    """Copy the names data without the entries for `names`; how many went."""
    shutil.copytree(default_data_dir(), target, dirs_exist_ok=True)
    dropped = _filter_jsonl(target / "orgs.jsonl", lambda e: {e["canonical"], *e.get("aliases", [])}, names)
    dropped += _filter_jsonl(target / "mt_artefacts.jsonl", lambda e: {e["text"], e["canonical"]} if e["label"] == "ORG" else set(), names)
    bodies = json.loads((target / "public_bodies.json").read_text(encoding="utf-8"))
    known = {k: v for k, v in bodies["known"].items() if not {fold(k), fold(v)} & names}
    dropped += len(bodies["known"]) - len(known)
    bodies["known"] = known
    (target / "public_bodies.json").write_text(json.dumps(bodies, ensure_ascii=False), encoding="utf-8")
    return dropped


def _filter_jsonl(path: Path, names_of, names: set[str]) -> int:
    entries = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    kept = [e for e in entries if not {fold(n) for n in names_of(e)} & names]
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in kept), encoding="utf-8")
    return len(entries) - len(kept)


def org_f1(extractor, articles) -> float:
    predicted = list(extractor.extract_many([(a.id, a.text, {}) for a in articles]))
    return evaluate(articles, predicted).overall.partial["ORG"].f1


def main(argv=None) -> int:
    import argparse

    from pipeline.api import Extractor

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test"), default="test")
    split = parser.parse_args(argv).split
    extractor = Extractor(quiet=True)
    for corpus in CORPORA:
        articles = split_articles(corpus, split)
        with_entries = org_f1(extractor, articles)
        with tempfile.TemporaryDirectory() as folder:
            dropped = reduced_data(article_names(articles), Path(folder))
            extractor.nlp.replace_pipe("afirma_names", "afirma_names", config={"data_dir": folder})
            extractor.nlp.replace_pipe("afirma_claims", "afirma_claims", config={"names_data_dir": folder})
            without = org_f1(extractor, articles)
            extractor.nlp.replace_pipe("afirma_names", "afirma_names")
            extractor.nlp.replace_pipe("afirma_claims", "afirma_claims")
        print(f"{corpus} {split}: ORG partial F1 {with_entries:.3f} with the catalogues, {without:.3f} without the {dropped} entries for its names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
