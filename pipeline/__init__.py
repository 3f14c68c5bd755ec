"""afirma: claims with numbers from Spanish news about AI computing.

The API is imported lazily so that `import pipeline` (and the CLI's
`--help`) does not pay for loading spaCy, nor `to_frame` for pandas.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["Extractor", "extract", "extract_many", "to_frame", "__version__"]


def __getattr__(name: str):
    if name in ("Extractor", "extract", "extract_many", "get_extractor"):
        from pipeline import api

        return getattr(api, name)
    if name == "to_frame":
        # pandas is an optional extra; it is imported when a frame is made.
        from pipeline.exports.frame import to_frame

        return to_frame
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
