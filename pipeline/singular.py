"""The singular of a Spanish counted noun, by rule, for claim units.

"generadores" → "generador", "instalaciones" → "instalación", "centros" →
"centro", "GPUs" → "GPU". A handful of rules cover the regular plurals; the
words they would get wrong are listed in `data/plurals.json`. Using rules
rather than the statistical lemmatizer lets the pipeline leave spaCy's
lemmatizer out, and gives the same units on any model.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

_VOWELS = "aeiouáéíóú"


@lru_cache(maxsize=1)
def _irregular() -> dict[str, str]:
    raw = resources.files("pipeline").joinpath("data").joinpath("plurals.json").read_text(encoding="utf-8")
    return json.loads(raw)["irregular"]


def singular(word: str) -> str:
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
        return word[:-1]  # "GPUs"
    if word.isupper() or len(word) <= 3 or not word.endswith("s"):
        return word
    lower = word.lower()
    if lower in _irregular():
        return _irregular()[lower]
    if lower.endswith(("us", "is")):
        return word  # "campus", "virus", "crisis": the same in both numbers
    if lower.endswith("ces"):
        return word[:-3] + "z"  # "luces"
    if lower.endswith("iones"):
        return word[:-5] + "ión"  # "instalaciones"
    if lower.endswith("ones") and not re.search(f"[{_VOWELS}]", lower[:-4][-1:] or "x"):
        return word[:-4] + "ón"  # "millones"
    if re.search(f"[{_VOWELS}](?:[rlnd]|s|y)es$", lower):
        return word[:-2]  # "generadores", "unidades", "meses", "leyes"
    return word[:-1]  # "centros", "nubes", "armarios"
