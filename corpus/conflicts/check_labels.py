"""Check labels.json against the articles. Run from any folder:

    python3 check_labels.py

- every listed number occurs verbatim in its article, outside the headline,
  and `start` is the offset of its `occurrence`-th whole match (a match not
  glued to a longer number or word);
- every article has 100-250 words;
- every claim of a group is in the inventory with the same fields;
- a conflict or agree group speaks of one quantity; the other kinds join
  claims of different quantities;
- exhaustiveness: inside each inventory quantity, any two values that cannot
  both be true belong to one conflict group, and every conflict group holds
  such a pair.
"""
import itertools
import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ART = os.path.join(HERE, "articles")
TOLERANCE = 0.05  # relative, for values written with a hedge ("unos", "casi", "cerca de")


def whole_matches(text, number):
    out = []
    for m in re.finditer(re.escape(number), text):
        s, e = m.start(), m.end()
        b = text[s - 1] if s > 0 else " "
        a = text[e] if e < len(text) else " "
        if number[0].isalpha() and b.isalnum():
            continue
        if number[-1].isalpha() and a.isalnum():
            continue
        if number[0].isdigit() and (b.isdigit() or (b in ".," and s > 1 and text[s - 2].isdigit())):
            continue
        if number[-1].isdigit() and (a.isdigit() or (a in ".," and e + 1 < len(text) and text[e + 1].isdigit())):
            continue
        out.append(s)
    return out


def compatible(x, y):
    bx, by = x["base"], y["base"]
    approx = x.get("approx") or y.get("approx")
    tol = TOLERANCE if approx else 1e-9

    def inside(v, b):
        lo, hi = b.get("low"), b.get("high")
        return (lo is None or v >= lo * (1 - tol)) and (hi is None or v <= hi * (1 + tol))

    if "value" in bx and "value" in by:
        a, b = bx["value"], by["value"]
        return abs(a - b) <= tol * max(abs(a), abs(b))
    if "value" in bx:
        return inside(bx["value"], by)
    if "value" in by:
        return inside(by["value"], bx)
    return True


def main():
    labels = json.load(open(os.path.join(HERE, "labels.json"), encoding="utf-8"))
    texts = {f[:-4]: open(os.path.join(ART, f), encoding="utf-8").read()
             for f in sorted(os.listdir(ART)) if f.endswith(".txt")}
    errors = []
    for t_id, text in texts.items():
        words = len(text.split())
        if not 100 <= words <= 250:
            errors.append(f"{t_id}: {words} words (outside 100-250)")

    def check_claim(where, cl):
        text = texts.get(cl["article"])
        if text is None:
            errors.append(f"{where}: no article {cl['article']}")
            return
        hits = whole_matches(text, cl["number"])
        if len(hits) < cl["occurrence"]:
            errors.append(f"{where}: '{cl['number']}' occurs {len(hits)} times in {cl['article']}, occurrence {cl['occurrence']} asked")
            return
        if hits[cl["occurrence"] - 1] != cl.get("start"):
            errors.append(f"{where}: '{cl['number']}' in {cl['article']}: start {cl.get('start')} is not occurrence {cl['occurrence']}")
        if text[cl["start"]:cl["start"] + len(cl["number"])] != cl["number"]:
            errors.append(f"{where}: text at start differs from '{cl['number']}'")
        if cl["start"] < text.index("\n"):
            errors.append(f"{where}: '{cl['number']}' in {cl['article']} is in the headline")

    inv = {}
    for i, cl in enumerate(labels["inventory"]):
        check_claim(f"inventory[{i}]", cl)
        key = (cl["article"], cl["start"])
        if key in inv:
            errors.append(f"inventory[{i}]: duplicate claim {key}")
        inv[key] = cl

    in_conflict = defaultdict(set)  # quantity -> set of frozenset pairs covered by conflict groups
    for grp in labels["groups"]:
        gid = grp["id"]
        if grp["kind"] not in labels["kinds"]:
            errors.append(f"{gid}: unknown kind {grp['kind']}")
        if len(grp["claims"]) < 2:
            errors.append(f"{gid}: fewer than two claims")
        members = []
        for cl in grp["claims"]:
            check_claim(gid, cl)
            item = inv.get((cl["article"], cl.get("start")))
            if item is None:
                errors.append(f"{gid}: '{cl['number']}' in {cl['article']} is not in the inventory")
                continue
            for field in ("modality", "date", "hardware"):
                if cl.get(field) != item.get(field):
                    errors.append(f"{gid}: {field} of '{cl['number']}' in {cl['article']} differs from the inventory")
            members.append(item)
        quantities = {m["quantity"] for m in members}
        if grp["kind"] in ("conflict", "agree") and len(quantities) != 1:
            errors.append(f"{gid}: {grp['kind']} group spans quantities {sorted(quantities)}")
        if grp["kind"] not in ("conflict", "agree") and len(quantities) < 2:
            errors.append(f"{gid}: {grp['kind']} group has a single quantity {quantities}")
        pairs = [(x, y) for x, y in itertools.combinations(members, 2) if not compatible(x, y)]
        if grp["kind"] == "conflict":
            if not pairs:
                errors.append(f"{gid}: conflict group without incompatible values")
            for x, y in pairs:
                in_conflict[x["quantity"]].add(frozenset([(x["article"], x["start"]), (y["article"], y["start"])]))
        elif grp["kind"] == "agree" and pairs:
            errors.append(f"{gid}: agree group with incompatible values")

    by_q = defaultdict(list)
    for item in labels["inventory"]:
        by_q[item["quantity"]].append(item)
    for q, items in by_q.items():
        for x, y in itertools.combinations(items, 2):
            if not compatible(x, y):
                pair = frozenset([(x["article"], x["start"]), (y["article"], y["start"])])
                if pair not in in_conflict[q]:
                    errors.append(f"{q}: '{x['number']}' ({x['article']}) vs '{y['number']}' ({y['article']}) incompatible but in no conflict group")

    kinds = Counter(g["kind"] for g in labels["groups"])
    subjects = {g["subject"] for g in labels["groups"]}
    print(f"articles: {len(texts)}; inventory claims: {len(labels['inventory'])}; quantities: {len(by_q)}")
    print(f"groups: {len(labels['groups'])}; " + ", ".join(f"{k} {kinds[k]}" for k in labels["kinds"]))
    print(f"subjects in groups: {len(subjects)}")
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
