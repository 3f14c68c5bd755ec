"""Predictions alone on the terminal (`afirma show` without `--html`).

Each article is its heading, its text wrapped for reading, then one line
per claim: the number as written, the value the Spanish way, and only the
fields that are set, so that a line says what was found and nothing else.
"""

from __future__ import annotations

import textwrap

from pipeline.review import spanish
from schemas.models import Article, Claim

WIDTH = 100
_LISTS = ("hardware", "orgs")
_PLAIN = ("subject", "source", "date")


def render_show_text(articles: list[Article], *, width: int = WIDTH) -> str:
    lines: list[str] = []
    for number, article in enumerate(articles, start=1):
        if number > 1:
            lines.append("")
        lines += _article(article, number, width)
    return "\n".join(lines)


def _article(article: Article, number: int, width: int) -> list[str]:
    heading = f"== {number}. {article.id}: {len(article.spans)} spans, {len(article.claims)} claims"
    if article.meta.model:
        heading += f" (model {article.meta.model})"
    lines = [heading]
    for paragraph in article.text.splitlines():
        lines += textwrap.wrap(paragraph, width=width, initial_indent="  ", subsequent_indent="  ") or [""]
    if article.claims:
        lines.append("")
    lines += [claim_line(article, claim, k) for k, claim in enumerate(article.claims, start=1)]
    return lines


def claim_line(article: Article, claim: Claim, k: int) -> str:
    written = " ".join(article.text[claim.anchor.start : claim.anchor.end].split())
    value = spanish.amount(claim) + (f" {claim.unit}" if claim.unit else "")
    parts = [f"c{k:<3} {claim.label:<9} «{written}» = {value}", claim.modality]
    parts += [f"{name} {getattr(claim, name)}" for name in _PLAIN if getattr(claim, name)]
    parts += [f"{name} {', '.join(getattr(claim, name))}" for name in _LISTS if getattr(claim, name)]
    confidence = getattr(claim, "confidence", None)
    if isinstance(confidence, (int, float)):
        parts.append(f"confidence {spanish.share(confidence)}")
    if claim.cues:
        parts.append(f"cues: {'; '.join(claim.cues)}")
    return "  " + " · ".join(parts)
