"""The JSON Schema files, printed as committed.

They are generated from the pydantic models (`python -m schemas`, and a test
keeps them equal), so printing them needs neither pydantic nor the models.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

SCHEMA_NAMES = ("article", "claim", "span")


def schema_text(name: str = "article") -> str:
    if name not in SCHEMA_NAMES:
        raise ValueError(f"unknown schema {name!r}; choose {', '.join(SCHEMA_NAMES[:-1])} or {SCHEMA_NAMES[-1]}")
    spec = importlib.util.find_spec("schemas")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return (folder / f"{name}.schema.json").read_text(encoding="utf-8")


def write_schema(name: str = "article") -> None:
    sys.stdout.write(schema_text(name))
