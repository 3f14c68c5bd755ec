"""The conflicts page: self-contained, no scripts, every text escaped (checked on the HTML itself).

`test_store_html_browser.py` checks the same page as headless Chromium renders it.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from pipeline.store import Conflicts, Store
from pipeline.store.report_html import render_html
from test_store_records import fig, record, write

SCRIPT = "<script>document.title='PWNED'</script>"
IMAGE = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">"
SUBJECT = "Altaris </td><script>alert(1)</script>"


def hostile_records() -> list[dict]:
    """Two articles that disagree, with markup in the text, the subject, the source and the outlet."""
    first = f"Según {IMAGE}, {SUBJECT} opera 150 MW {SCRIPT}."
    second = f"{SUBJECT} opera 400 MW & más \"comillas\"."
    return [
        record("a<b>", [(first, [fig("150 MW", 150, "MW", subject=SUBJECT, source=IMAGE)])], meta={"outlet": "<i>Diario</i>"}),
        record("b&c", [(second, [fig("400 MW", 400, "MW", subject=SUBJECT)])], meta={"outlet": "Otro \"medio\""}),
    ]


def hostile_conflicts(folder: Path) -> Conflicts:
    with Store(folder / "claims.duckdb", create=True) as store:
        store.add([write(folder / "pred.jsonl", hostile_records())])
        return store.conflicts()


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[dict[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.append(dict(attrs))

    def handle_data(self, data):
        self.text.append(data)


def test_store_html_escapes_every_text_and_runs_nothing(tmp_path: Path) -> None:
    found = hostile_conflicts(tmp_path)
    assert len(found.conflicts) == 1
    page = render_html(found, store="<b>claims</b>.duckdb")
    parsed = _Tags()
    parsed.feed(page)
    assert "script" not in parsed.tags and "img" not in parsed.tags and "i" not in parsed.tags
    text = "".join(parsed.text)
    assert SCRIPT in text and IMAGE in text and SUBJECT in text and "<b>claims</b>.duckdb" in text
    assert "script-src 'none'" in page and "http://" not in page and "https://" not in page
    claims = [a for a in parsed.attributes if "data-claim" in a]
    assert len(claims) == 2 and {a["data-version"] for a in claims} == {"1", "2"}
    assert "<mark>150 MW</mark>" in page and "<mark>400 MW</mark>" in page
