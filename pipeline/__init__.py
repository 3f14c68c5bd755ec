"""afirma: claims with numbers from Spanish news about AI computing.

The API is imported lazily so that `import pipeline` (and the CLI's
`--help`) does not pay for loading spaCy.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["Extractor", "extract", "extract_many", "__version__"]


def __getattr__(name: str):
    if name in ("Extractor", "extract", "extract_many", "get_extractor"):
        from pipeline import api

        return getattr(api, name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
