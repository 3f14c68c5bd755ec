"""Generate the JSON Schema files from the pydantic models.

``python -m schemas`` rewrites them; ``python -m schemas --check`` exits 1
when a committed file differs from what the models give.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import TypeAdapter

from schemas.models import Article, Claim, Span

SCHEMA_DIR = Path(__file__).resolve().parent
_BASE_URI = "https://afirma.example/schemas/"

TARGETS = {
    "article.schema.json": Article,
    "claim.schema.json": Claim,
    "span.schema.json": Span,
}


def schema_for(name: str) -> dict:
    schema = TypeAdapter(TARGETS[name]).json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": _BASE_URI + name, **schema}


def render(name: str) -> str:
    return json.dumps(schema_for(name), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def stale_files(directory: Path = SCHEMA_DIR) -> list[str]:
    return [name for name in TARGETS if not (directory / name).is_file() or (directory / name).read_text(encoding="utf-8") != render(name)]


def write_all(directory: Path = SCHEMA_DIR) -> list[Path]:
    written = []
    for name in TARGETS:
        path = directory / name
        path.write_text(render(name), encoding="utf-8")
        written.append(path)
    return written
