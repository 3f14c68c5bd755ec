"""What every review page shares: the document shell, the policy, escaping.

The pages open offline and run nothing: no scripts, fonts, stylesheets or
images from anywhere, the style inline, and a Content-Security-Policy that
forbids scripts in case an article's text ever slipped through unescaped.
Every piece of article text and every value goes through `e`.

The base style keeps every page inside the window: long words and URLs in
an article wrap (`overflow-wrap: anywhere`), tables take the page's width
with fixed columns, so nothing scrolls sideways at 1280 px or narrower.
"""

from __future__ import annotations

from html import escape
from typing import Any

CSP = (
    "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src 'none';"
    " font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
)

BASE_STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem 2rem; color: #1b1b1b;
  overflow-wrap: anywhere; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2.5rem; border-top: 1px solid #bbb; padding-top: 1rem; }
a { color: #0d47a1; }
.files, .summary, .notes { color: #444; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; padding: .6rem .8rem; background: #f6f6f6; border-radius: 4px; }
.text { white-space: pre-wrap; line-height: 2.3; font-size: 1.05rem; padding: .5rem 1rem; border-left: 3px solid #ddd; }
.hl { padding: .1em 0; }
.ref { font-size: .62em; vertical-align: super; margin-left: .1em; text-decoration: none; font-weight: 600; }
.back { font-size: .85rem; }
table { border-collapse: collapse; margin-top: 1rem; font-size: .9rem; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #ccc; padding: .2rem .45rem; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.cues { font-size: .8rem; color: #555; }
/* One cue a block where it fits: lines break between cues, not inside them. */
.cues code { display: inline-block; max-width: 100%; background: #f3f3f3; padding: 0 .2em; margin-right: .3em; }
"""


def e(value: Any) -> str:
    """Text or an attribute value, escaped: the only way text enters a page."""
    return escape(str(value), quote=True)


def document(title: str, style: str, body: list[str]) -> str:
    """A complete page: the policy, the inline style and the body parts in order."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="es">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{e(title)}</title>",
        f"<style>{BASE_STYLE}{style}</style>",
        "</head>",
        "<body>",
        *body,
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def listed(values: Any) -> str:
    """A field for reading: lists joined, nothing as a dash (escaped)."""
    if values is None or values == [] or values == "":
        return e("—")
    if isinstance(values, (list, tuple)):
        return e(", ".join(str(value) for value in values))
    return e(values)


def cue_list(cues: list[str]) -> str:
    """Cues as code items: each says which rule and which words set a field."""
    if not cues:
        return ""
    return "".join(f"<code>{e(cue)}</code>" for cue in cues)
