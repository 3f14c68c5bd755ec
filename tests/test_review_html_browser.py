"""The `afirma diff --html` page as headless Chromium renders it.

Checks what only a browser can: that after parsing (and anything the page
might run) there is one highlighted element per span, that article text
made of markup stays text and runs nothing, and that the page draws.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

DATA = Path(__file__).parent / "data" / "review"
CHROMIUM = "/usr/bin/chromium"
TIMEOUT = 120

pytestmark = pytest.mark.browser

SCRIPT = "<script>document.title='PWNED'</script>"
IMAGE = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">"
HOSTILE_TEXT = f"Según el comunicado {SCRIPT} la empresa instaló {IMAGE} 100 GPU en Memphis."


def _chromium() -> str:
    found = CHROMIUM if os.access(CHROMIUM, os.X_OK) else shutil.which("chromium")
    if found:
        return found
    reason = "chromium is not installed (apt-get install -y chromium)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI must run the browser test")
    pytest.skip(reason)


def _run_chromium(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    command = [
        binary,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)


def _span(text: str, piece: str, label: str, **norm) -> dict:
    start = text.index(piece)
    return {"start": start, "end": start + len(piece), "text": piece, "label": label, **norm}


def _write_inputs(folder: Path) -> tuple[Path, Path]:
    """The fixture pair plus an article whose text is markup."""
    number = _span(HOSTILE_TEXT, "100", "CARDINAL", value=100)
    place = _span(HOSTILE_TEXT, "Memphis", "ORG", canonical="Memphis")
    claim = {
        "anchor": {"start": number["start"], "end": number["end"]},
        "label": "CARDINAL",
        "value": 100,
        "unit": "<b>GPU</b>",
        "subject": "</td><script>document.title='PWNED'</script>",
        "sentence": {"start": 0, "end": len(HOSTILE_TEXT)},
    }
    hostile_gold = {"id": "hostile", "text": HOSTILE_TEXT, "spans": [number], "claims": [claim]}
    # Predicted spans inside the markup, so highlighting cuts through it.
    hostile_pred = {
        "id": "hostile",
        "text": HOSTILE_TEXT,
        "spans": [
            _span(HOSTILE_TEXT, "document.title", "ORG", canonical="<i>doc</i>"),
            _span(HOSTILE_TEXT, "onerror", "ORG", canonical="x"),
            number,
            place,
        ],
        "claims": [dict(claim, modality="planned")],
    }
    gold, pred = folder / "gold.jsonl", folder / "pred.jsonl"
    for path, source, extra in ((gold, DATA / "gold.jsonl", hostile_gold), (pred, DATA / "pred.jsonl", hostile_pred)):
        path.write_text(
            source.read_text(encoding="utf-8") + json.dumps(extra, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return gold, pred


def _expected_spans(gold: Path, pred: Path) -> list[tuple[str, str, int, int]]:
    """Spans of the articles both files have: those are the ones compared."""
    sides = {}
    for side, path in (("gold", gold), ("pred", pred)):
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        sides[side] = {record["id"]: record for record in records}
    shared = sides["gold"].keys() & sides["pred"].keys()
    return sorted(
        (side, span["label"], span["start"], span["end"])
        for side, records in sides.items()
        for article_id in shared
        for span in records[article_id]["spans"]
    )


class _Dom(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.spans: list[tuple[str, str, int, int]] = []
        self.tags: list[str] = []
        self.attributes: list[dict[str, str | None]] = []
        self.text: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        self.tags.append(tag)
        self.attributes.append(found)
        self._in_title = tag == "title"
        if "data-side" in found:
            self.spans.append((found["data-side"], found["data-label"], int(found["data-start"]), int(found["data-end"])))

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
    folder = tmp_path_factory.mktemp("html_browser")
    gold, pred = _write_inputs(folder)
    html = folder / "review.html"

    from pipeline.cli.review import register

    app = typer.Typer()
    register(app)
    result = CliRunner().invoke(app, ["diff", "--gold", str(gold), "--pred", str(pred), "--html", str(html)])
    assert result.exit_code == 0, result.output

    # The virtual time budget lets anything the page could run actually run.
    dumped = _run_chromium(binary, folder / "profile-dom", "--virtual-time-budget=3000", "--dump-dom", html.as_uri())
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    dom = _Dom()
    dom.feed(dumped.stdout)
    return {"folder": folder, "gold": gold, "pred": pred, "html": html, "dom": dom, "binary": binary}


def test_html_browser_one_element_per_span(page) -> None:
    dom = page["dom"]
    expected = _expected_spans(page["gold"], page["pred"])
    for side in ("gold", "pred"):
        assert sum(1 for s in dom.spans if s[0] == side) == sum(1 for s in expected if s[0] == side)
    assert sorted(dom.spans) == expected


def test_html_browser_shows_markup_as_text_and_runs_nothing(page) -> None:
    dom = page["dom"]
    text = "".join(dom.text)
    assert SCRIPT in text
    assert IMAGE in text
    assert dom.title == "afirma diff: {} vs {}".format(page["gold"], page["pred"])
    assert "PWNED" not in dom.title
    assert not any("data-pwned" in attributes for attributes in dom.attributes)
    assert "script" not in dom.tags and "img" not in dom.tags


def test_html_browser_screenshot(page, tmp_path: Path) -> None:
    shot = tmp_path / "review.png"
    result = _run_chromium(
        page["binary"], page["folder"] / "profile-shot", f"--screenshot={shot}", "--window-size=1280,2000", page["html"].as_uri()
    )
    assert result.returncode == 0, result.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    # A blank 1280x2000 page compresses to a few kilobytes; text and colour do not.
    assert len(data) > 30_000
    keep = os.environ.get("AFIRMA_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / "review-diff.png")
