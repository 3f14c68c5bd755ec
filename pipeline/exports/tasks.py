"""Reading the files annotation tools write: a JSON array of tasks (Label
Studio's JSON export), one task object, or JSON Lines (Prodigy's db-out),
each task with the line it starts on, so that problems can be located.

A damaged line of JSON Lines costs only that line. A JSON array damaged in
the middle cannot be read past the damage: the tasks before it are kept
and the place of the damage is named.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.review.problems import Problem

_DECODER = json.JSONDecoder()


@dataclass
class TaskFile:
    path: str
    tasks: list[tuple[int, Any]] = field(default_factory=list)  # (line, task)
    problems: list[Problem] = field(default_factory=list)


def read_tasks(path: str | Path) -> TaskFile:
    found = TaskFile(str(path))
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except OSError as error:
        found.problems.append(Problem(found.path, None, f"cannot read the file: {error.strerror or error}"))
        return found
    except UnicodeDecodeError as error:
        found.problems.append(Problem(found.path, None, f"not UTF-8: {error.reason} at byte {error.start}"))
        return found
    start = len(text) - len(text.lstrip())
    if text.startswith("[", start):
        _read_array(text, start + 1, found)
    elif not _read_single(text, found):
        _read_lines(text, found)
    return found


def _line_of(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _skip(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def _read_array(text: str, position: int, found: TaskFile) -> None:
    position = _skip(text, position)
    if text.startswith("]", position):
        return
    while True:
        try:
            task, end = _DECODER.raw_decode(text, position)
        except json.JSONDecodeError as error:
            message = (
                f"not valid JSON at line {error.lineno} column {error.colno}: {error.msg}; no task after it can be read"
            )
            found.problems.append(Problem(found.path, error.lineno, message))
            return
        found.tasks.append((_line_of(text, position), task))
        position = _skip(text, end)
        if text.startswith("]", position):
            return
        if not text.startswith(",", position):
            line = _line_of(text, position)
            found.problems.append(
                Problem(found.path, line, "expected ',' or ']' between tasks; no task after it can be read")
            )
            return
        position = _skip(text, position + 1)


def _read_single(text: str, found: TaskFile) -> bool:
    """One task object, pretty-printed or not; False if the file is not one."""
    try:
        task = json.loads(text)
    except json.JSONDecodeError:
        return False
    if not isinstance(task, dict):
        return False
    found.tasks.append((_line_of(text, len(text) - len(text.lstrip())), task))
    return True


def _read_lines(text: str, found: TaskFile) -> None:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            found.tasks.append((number, json.loads(line)))
        except json.JSONDecodeError as error:
            found.problems.append(Problem(found.path, number, f"not valid JSON: {error.msg} (column {error.colno})"))
