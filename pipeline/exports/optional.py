"""The heavy libraries some formats need, installed only by those who want
them (`pip install 'afirma[export]'`), with one clear line when missing."""

from __future__ import annotations

import importlib
from types import ModuleType

EXTRA = "pip install 'afirma[export]'"


class MissingDependency(ImportError):
    """A format's library is not installed; the message says how to get it."""


def require(purpose: str, *names: str) -> list[ModuleType]:
    """The modules `names`, imported, or MissingDependency naming every one
    that is missing."""
    found, missing = [], []
    for name in names:
        try:
            found.append(importlib.import_module(name))
        except ImportError:
            missing.append(name)
    if missing:
        raise MissingDependency(f"{purpose} needs {' and '.join(missing)}: {EXTRA}")
    return found
