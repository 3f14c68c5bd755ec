"""Label Studio tasks: `export` writes what its JSON import takes, `import_`
reads what its JSON export gives.

The shapes follow Label Studio's own documentation: the task format and
the region results (docs/source/includes/task_format.md and
result_format.md, "per-regions") and pre-annotations (guide/predictions.md)
in the HumanSignal/label-studio repository. A task is

    {"data": {"text": ..., "article_id": ..., "afirma": {...}},
     "annotations" or "predictions": [{"model_version": ..., "score": ...,
        "result": [{"id": "afirma-0", "from_name": "label", "to_name": "text",
                    "type": "labels",
                    "value": {"start": 0, "end": 4, "text": "Musk", "labels": ["PER"]}}]}]}

The afirma payload rides in `data`, which Label Studio copies into every
export as it was imported (task_format.md: "Data copied from the input
data task format"). Gold records go in as `annotations`, records afirma
predicted (their meta names a model) as `predictions`, whose
`model_version` is the afirma version and spaCy model and whose `score` is
the lowest claim confidence, so that Label Studio's "sort by prediction
score" puts the most doubtful article first. Offsets are code points, as
Label Studio stores them; an export from an old version that counted
UTF-16 units is converted back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pipeline.exports.carry import KEY, payload, unpack
from pipeline.exports.files import write_atomic
from pipeline.exports.importing import ImportResult
from pipeline.exports.label_studio_regions import region_attributes, region_offsets
from pipeline.exports.merge import ToolSpan, rebuild, region_id
from pipeline.exports.reading import Entry
from pipeline.exports.tasks import read_tasks

FROM_NAME = "label"
TO_NAME = "text"
Role = Literal["auto", "annotations", "predictions"]
_HOW = "in the per-region fields of afirma's labelling config (afirma export writes it beside the tasks)"


def config() -> str:
    """The labelling config for the project that receives the tasks."""
    return resources.files("pipeline.exports").joinpath("data/label_studio.xml").read_text(encoding="utf-8")


def export(entries: Iterable[Entry], path: str | Path, role: Role = "auto") -> int:
    """Write the tasks as one JSON array, a task a line, and the labelling
    config beside it (`tasks.json` -> `tasks.config.xml`)."""
    tasks = [task(entry, role) for entry in entries]
    lines = ",\n".join(json.dumps(item, ensure_ascii=False) for item in tasks)
    write_atomic(Path(path), f"[\n{lines}\n]\n" if tasks else "[]\n")
    write_atomic(config_path(path), config())
    return len(tasks)


def config_path(path: str | Path) -> Path:
    path = Path(path)
    return path.with_name(f"{path.stem}.config.xml")


def task(entry: Entry, role: Role = "auto") -> dict[str, Any]:
    article = entry.article
    result = [_region(index, span) for index, span in enumerate(entry.raw.get("spans", []))]
    data = {"text": article.text, "article_id": article.id, KEY: payload(entry)}
    if role == "predictions" or (role == "auto" and article.meta.model is not None):
        prediction: dict[str, Any] = {"model_version": _model_version(article), "result": result}
        scores = [
            c for c in (getattr(claim, "confidence", None) for claim in article.claims) if isinstance(c, (int, float))
        ]
        if scores:
            prediction["score"] = min(scores)
        return {"data": data, "predictions": [prediction]}
    return {"data": data, "annotations": [{"result": result}]}


def _region(index: int, span: dict[str, Any]) -> dict[str, Any]:
    value = {"start": span["start"], "end": span["end"], "text": span["text"], "labels": [span["label"]]}
    return {"id": region_id(index), "from_name": FROM_NAME, "to_name": TO_NAME, "type": "labels", "value": value}


def _model_version(article: Any) -> str:
    parts = [f"afirma {article.meta.afirma_version}" if article.meta.afirma_version else "afirma", article.meta.model]
    return " ".join(part for part in parts if part)


def import_(path: str | Path) -> ImportResult:
    """Records from a Label Studio JSON export (or the tasks afirma wrote)."""
    found = read_tasks(path)
    result = ImportResult(found.path, "Label Studio", problems=list(found.problems))
    for line, item in found.tasks:
        result.tasks += 1
        _import_task(item, line, result)
    return result


def _import_task(item: Any, line: int, result: ImportResult) -> None:
    where = f"task {item.get('id', '?')}" if isinstance(item, dict) else "task"
    data = item.get("data") if isinstance(item, dict) else None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        flat = isinstance(item, dict) and isinstance(item.get("text"), str)
        hint = "; this looks like the JSON-MIN export, export the project as JSON" if flat else ""
        result.fail(line, f"{where}: not a Label Studio text task (no data.text){hint}")
        return
    carried, why = unpack(data.get(KEY))
    article_id = _article_id(item, data, carried, line)
    if why:
        result.warn(line, f"{where}: {why}", article_id)
    regions, origin, note = _chosen(item)
    if note:
        result.warn(line, f"{where}: {note}", article_id)
    if regions is None:
        return
    spans, errors = _spans(data["text"], regions)
    for error in errors:
        result.fail(line, f"{where}: {error}", article_id)
    if not errors:
        result.accept(rebuild(data["text"], spans, carried, article_id), carried, line, where, _HOW, origin)


def _article_id(item: dict[str, Any], data: dict[str, Any], carried: dict[str, Any] | None, line: int) -> str:
    if carried and isinstance(carried["record"].get("id"), str):
        return carried["record"]["id"]
    if isinstance(data.get("article_id"), str) and data["article_id"]:
        return data["article_id"]
    return f"task-{item.get('id', line)}"


def _chosen(item: dict[str, Any]) -> tuple[list[Any] | None, str, str | None]:
    """The regions to import, where they come from, and what to tell: the
    ground-truth annotation, else the latest one; a task with no annotation
    gives its latest prediction; a skipped task gives nothing."""
    annotations = [a for a in item.get("annotations") or [] if isinstance(a, dict)]
    done = [a for a in annotations if not a.get("was_cancelled")]
    if annotations and not done:
        return None, "", "skipped in Label Studio (every annotation cancelled); not imported"
    if done:
        best = max(range(len(done)), key=lambda i: (bool(done[i].get("ground_truth")), _when(done[i], "updated_at"), i))
        note = f"{len(done)} annotations; annotation {done[best].get('id', best)} is imported (ground truth, else the latest)"
        return done[best].get("result") or [], "annotation", note if len(done) > 1 else None
    predictions = [p for p in item.get("predictions") or [] if isinstance(p, dict)]
    if predictions:
        latest = max(range(len(predictions)), key=lambda i: (_when(predictions[i], "created_at"), i))
        return predictions[latest].get("result") or [], "prediction", None
    return [], "unlabelled task", None


def _when(entry: dict[str, Any], key: str) -> str:
    # ISO 8601 timestamps in UTC, as Label Studio writes them, sort as text.
    return str(entry.get(key) or entry.get("created_at") or "")


def _spans(text: str, regions: list[Any]) -> tuple[list[ToolSpan], list[str]]:
    attributes, errors = region_attributes(regions)
    spans = []
    for region in regions:
        if not isinstance(region, dict) or region.get("type") != "labels":
            continue  # relations, choices of the whole task...
        place, error = region_offsets(text, region)
        if error:
            errors.append(error)
            continue
        start, end, label = place
        spans.append(ToolSpan(start, end, label, region.get("id"), attributes.get(region.get("id"), {})))
    return spans, errors
