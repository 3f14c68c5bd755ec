"""Gold labels for the in-house HTML pages, carried over from their articles.

    python scripts/html_gold.py        write corpus/html/gold.jsonl

Each page of `corpus/html/pages` wraps one corpus article
(`corpus/html/manifest.json`). The page's text is what afirma's HTML reader
takes out of it (title first, no furniture); this aligns that text with the
article's gold text, character by character, and moves every gold span and
claim whose characters all have a counterpart to its place in the page text.
What the reader leaves out (photo captions) leaves out its labels with it;
whatever the page adds (its title line) has no labels unless it repeats the
article's headline. The split is the wrapped article's.
"""

from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "corpus" / "html"
GOLD = {"house": ROOT / "corpus" / "gold.jsonl", "press": ROOT / "corpus" / "press" / "gold.jsonl"}


def offset_map(old: str, new: str) -> dict[int, int]:
    """Old offset -> new offset, for the characters the two texts share."""
    mapping: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for block in matcher.get_matching_blocks():
        for i in range(block.size):
            mapping[block.a + i] = block.b + i
    return mapping


def moved(start: int, end: int, mapping: dict[int, int]) -> tuple[int, int] | None:
    """The span's new offsets when every character moved together, else None."""
    points = [mapping.get(i) for i in range(start, end)]
    if None in points or points[-1] - points[0] != end - start - 1:
        return None
    return points[0], points[-1] + 1


def carry(record: dict, text: str) -> tuple[dict, int]:
    """The gold record on the page's text, and how many labels were left behind."""
    mapping = offset_map(record["text"], text)
    spans, lost = [], 0
    for span in record["spans"]:
        place = moved(span["start"], span["end"], mapping)
        if place is None:
            lost += 1
            continue
        spans.append({**span, "start": place[0], "end": place[1], "text": text[place[0] : place[1]]})
    claims = []
    for claim in record["claims"]:
        anchor = moved(claim["anchor"]["start"], claim["anchor"]["end"], mapping)
        sentence = _sentence(claim["sentence"], mapping, text)
        if anchor is None or sentence is None:
            lost += 1
            continue
        claims.append({**claim, "anchor": {"start": anchor[0], "end": anchor[1]}, "sentence": {"start": sentence[0], "end": sentence[1]}})
    return {"id": None, "text": text, "spans": spans, "claims": claims}, lost


def _sentence(sentence: dict, mapping: dict[int, int], text: str) -> tuple[int, int] | None:
    """A sentence moves by its two ends (spaces inside may have changed)."""
    start, end = mapping.get(sentence["start"]), mapping.get(sentence["end"] - 1)
    return None if start is None or end is None else (start, end + 1)


def main() -> int:
    from pipeline.sources.html import read_page

    golds = {name: {json.loads(l)["id"]: json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()} for name, path in GOLD.items()}
    lines = []
    for page in json.loads((HTML / "manifest.json").read_text(encoding="utf-8")):
        loaded = read_page((HTML / "pages" / f"{page['id']}.html").read_bytes(), url=page["url"])
        source = golds[page["corpus"]][page["article"]]
        record, lost = carry(source, loaded.text)
        record["id"] = page["id"]
        record["meta"] = {**{k: v for k, v in loaded.meta.items() if v is not None}, "split": source["meta"]["split"], "language": "es",
                          "source": f"corpus article {page['article']} in an in-house page layout", "labelled_by": source["meta"].get("labelled_by")}
        lines.append(json.dumps(record, ensure_ascii=False))
        print(f"{page['id']}: {len(record['spans'])} spans, {len(record['claims'])} claims carried, {lost} left with what the reader drops")
    (HTML / "gold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
