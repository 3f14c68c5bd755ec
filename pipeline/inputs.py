"""Moved to `pipeline.sources`; these names stay importable from here."""

from pipeline.sources import (
    LEGACY_ENCODINGS,
    STDIN,
    Decoded,
    InputError,
    Listing,
    Source,
    decode,
    duplicate_ids,
    list_inputs,
)

__all__ = ["LEGACY_ENCODINGS", "STDIN", "Decoded", "InputError", "Listing", "Source", "decode", "duplicate_ids", "list_inputs"]
