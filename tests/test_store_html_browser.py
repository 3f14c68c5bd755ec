"""The `afirma conflicts --html` page as headless Chromium renders it.

Like the diff page's test (`test_review_html_browser.py`): after parsing,
and after anything the page could run, there is one row per claim of each
conflict and one per timeline entry, text made of markup stays text and
runs nothing, and the page draws.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli.application import app
from test_store_html import IMAGE, SCRIPT, SUBJECT, hostile_records
from test_store_records import fig, record, write

CHROMIUM = "/usr/bin/chromium"
TIMEOUT = 120

pytestmark = pytest.mark.browser


def _chromium() -> str:
    found = CHROMIUM if os.access(CHROMIUM, os.X_OK) else shutil.which("chromium")
    if found:
        return found
    reason = "chromium is not installed (apt-get install -y chromium)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI must run the browser test")
    pytest.skip(reason)


def _browse(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    command = [
        binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)


def _records() -> list[dict]:
    """The hostile pair, and a second conflict with a plan beside it for the timeline."""
    more = [
        record("v1", [("Vektra levantó 310 millones de dólares en 2025.", [fig("310 millones de dólares", 310e6, "USD", subject="Vektra", date="2025")])]),
        record("v2", [("Vektra levantó 500 millones de dólares en 2025.", [fig("500 millones de dólares", 500e6, "USD", subject="Vektra", date="2025")])]),
        record("v3", [("Vektra levantó 45 millones de dólares en 2023.", [fig("45 millones de dólares", 45e6, "USD", subject="Vektra", date="2023")])]),
    ]
    return hostile_records() + more


class _Dom(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[dict[str, str | None]] = []
        self.text: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.append(dict(attrs))
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        self.text.append(data)


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> dict:
    binary = _chromium()
    folder = tmp_path_factory.mktemp("store_browser")
    db, html = folder / "claims.duckdb", folder / "conflicts.html"
    runner = CliRunner()
    assert runner.invoke(app, ["store", "add", str(write(folder / "pred.jsonl", _records())), "--db", str(db)]).exit_code == 0
    result = runner.invoke(app, ["conflicts", "--db", str(db), "--html", str(html)])
    assert result.exit_code == 0, result.output
    found = json.loads(runner.invoke(app, ["conflicts", "--db", str(db), "--json"]).stdout)
    dumped = _browse(binary, folder / "profile-dom", "--virtual-time-budget=3000", "--dump-dom", html.as_uri())
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    dom = _Dom()
    dom.feed(dumped.stdout)
    return {"folder": folder, "db": db, "html": html, "dom": dom, "found": found, "binary": binary}


def test_store_html_browser_one_row_per_claim_and_timeline_entry(page) -> None:
    dom, found = page["dom"], page["found"]
    rows = [a for a in dom.attributes if "data-claim" in a]
    expected = sorted(claim["claim_id"] for claim in found["claims"])
    assert sorted(row["data-claim"] for row in rows) == expected and len(found["conflicts"]) == 2
    sections = [a["data-conflict"] for a in dom.attributes if "data-conflict" in a]
    assert sorted(sections) == sorted(conflict["conflict_id"] for conflict in found["conflicts"])
    timeline = [a["data-timeline"] for a in dom.attributes if "data-timeline" in a]
    assert sorted(timeline) == sorted(entry["claim_id"] for entry in found["timeline"])
    assert len(timeline) == 5  # the 2023 round is a different year: in the timeline, in no conflict


def test_store_html_browser_shows_markup_as_text_and_runs_nothing(page) -> None:
    dom = page["dom"]
    text = "".join(dom.text)
    assert SCRIPT in text and IMAGE in text and SUBJECT in text
    assert dom.title == f"afirma conflicts: {page['db']}"
    assert not any("data-pwned" in attributes for attributes in dom.attributes)
    assert "script" not in dom.tags and "img" not in dom.tags


def test_store_html_browser_screenshot(page, tmp_path: Path) -> None:
    shot = tmp_path / "conflicts.png"
    result = _browse(page["binary"], page["folder"] / "profile-shot", f"--screenshot={shot}", "--window-size=1280,1600", page["html"].as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 30_000  # a blank page compresses to a few kilobytes
    keep = os.environ.get("AFIRMA_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / "store-conflicts.png")
