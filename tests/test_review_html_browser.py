"""The `afirma diff --html` and `afirma show --html` pages as headless Chromium renders them.

Checks what only a browser can: that after parsing (and anything the page
might run) there is one highlighted element per span, that article text
made of markup stays text and runs nothing, that the page draws, and, on
50 articles, that the index, the marks and the cards link up and nothing
is wider than a 1280 px window. Screenshots are kept under pytest's tmp
folder and, when AFIRMA_ARTEFACTS names a folder, there too.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
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
    _keep(shot, "review-diff.png")


def _keep(shot: Path, name: str) -> None:
    """A copy for people to look at, where the run asks for artefacts."""
    # AFIRMA_SCREENSHOT_DIR is the older name, still honoured.
    for variable in ("AFIRMA_ARTEFACTS", "AFIRMA_SCREENSHOT_DIR"):
        folder = os.environ.get(variable)
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            shutil.copy(shot, Path(folder) / name)


# ---- 50 articles: the corpus, replicas under new ids, and one hostile article

ROOT = Path(__file__).resolve().parent.parent
CORPUS = (ROOT / "corpus" / "gold.jsonl", ROOT / "corpus" / "press" / "gold.jsonl")
COUNT = 50
WIDTH = 1280
# An unbroken token wider than any window: the page must wrap it, not scroll.
LONG_URL = "https://example.invalid/" + "centro-de-datos-" * 40
LONG_TEXT = f"{HOSTILE_TEXT} Fuente: {LONG_URL}"


def _hostile_records() -> tuple[dict, dict]:
    number = _span(LONG_TEXT, "100", "CARDINAL", value=100)
    claim = {
        "anchor": {"start": number["start"], "end": number["end"]},
        "label": "CARDINAL",
        "value": 100,
        "unit": "<b>GPU</b>",
        "subject": "</td><script>document.title='PWNED'</script>",
        "sentence": {"start": 0, "end": len(LONG_TEXT)},
    }
    gold = {"id": "hostile-<script>", "text": LONG_TEXT, "spans": [number], "claims": [claim]}
    pred = dict(gold, claims=[dict(claim, modality="planned", cues=[SCRIPT], confidence=0.5)])
    return gold, pred


def _predicted(record: dict, severity: int) -> dict:
    """The gold record with `severity` (0 to 4) kinds of error, the same on every run.

    Claims go missing, get another modality or subject, and ORG spans become
    PER, more often the higher the severity; every claim gets cues and a
    confidence, as real predictions have.
    """
    pred = copy.deepcopy(record)
    claims = []
    for j, claim in enumerate(pred["claims"]):
        if severity and j % (7 - severity) == 0:
            continue
        if j % 5 < severity:
            claim["modality"] = "asserted" if claim["modality"] != "asserted" else "uncertain"
        if j % 5 < severity - 2:
            claim["subject"] = "Otra Empresa"
        claim["cues"] = [f"modality:{claim['modality']}<-fixture", f"subject<-nsubj:{claim.get('subject')}"]
        claim["confidence"] = round(0.3 + 0.07 * (j % 10), 2)
        claims.append(claim)
    pred["claims"] = claims
    orgs = [span for span in pred["spans"] if span["label"] == "ORG"]
    for k, span in enumerate(orgs):
        if severity and k % (6 - severity) == 0:
            span["label"] = "PER"
    return pred


def _fifty(folder: Path) -> tuple[Path, Path]:
    lines = [line for path in CORPUS for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]
    records = records[: COUNT - 1]  # the corpus may hold more than fifty
    copies = [dict(record, id=f"{record['id']}-copia") for record in records[: COUNT - 1 - len(records)]]
    gold_records = records + copies
    pred_records = [_predicted(record, (i * 3) % 5) for i, record in enumerate(gold_records)]
    hostile_gold, hostile_pred = _hostile_records()
    gold, pred = folder / "gold50.jsonl", folder / "pred50.jsonl"
    for path, rows in ((gold, [*gold_records, hostile_gold]), (pred, [*pred_records, hostile_pred])):
        assert len(rows) == COUNT and len({row["id"] for row in rows}) == COUNT
        path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return gold, pred


@dataclass
class Node:
    """An element of a page as Chromium serialised it, enough to query."""

    tag: str
    attrs: dict[str, str | None]
    parent: Node | None = None
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)

    def walk(self) -> Iterator[Node]:
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.walk()

    def select(self, tag: str, **attrs: str) -> list[Node]:
        """Elements of `tag` whose attributes hold the given words (class="cm" matches "cm x")."""
        return [
            node for node in self.walk()
            if node.tag == tag and all(value in (node.attrs.get(name) or "").split() for name, value in attrs.items())
        ]

    def inside(self, tag: str) -> bool:
        node = self.parent
        while node is not None and node.tag != tag:
            node = node.parent
        return node is not None


class _Tree(HTMLParser):
    VOID = {"meta", "br", "img", "input", "link", "hr", "col", "wbr", "area", "base", "source"}

    def __init__(self, page: str) -> None:
        super().__init__()
        self.root = self.current = Node("#document", {})
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in self.VOID:
            self.current = node

    def handle_endtag(self, tag):
        node = self.current
        while node.parent is not None and node.tag != tag:
            node = node.parent
        if node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


_PROBE = """<script>
const root = document.documentElement;
const wide = [...document.querySelectorAll('body *')]
  .filter(node => node.getBoundingClientRect().right > root.clientWidth + 0.5)
  .slice(0, 5).map(node => node.tagName + '.' + node.className + ': ' + node.textContent.slice(0, 60));
document.body.setAttribute('data-layout', JSON.stringify({client: root.clientWidth, scroll: root.scrollWidth, wide}));
</script>"""


def _layout(binary: str, folder: Path, page: Path) -> dict:
    """Widths as Chromium lays the page out in a 1280 px window.

    The page itself runs nothing, so a copy of it gets a measuring script
    (and loses the policy that would block it); the DOM after the script
    ran carries the figures.
    """
    html = page.read_text(encoding="utf-8")
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html).replace("</body>", _PROBE + "</body>")
    probe = folder / f"probe-{page.name}"
    probe.write_text(html, encoding="utf-8")
    result = _run_chromium(
        binary, folder / f"profile-probe-{page.stem}", f"--window-size={WIDTH},1000", "--virtual-time-budget=3000",
        "--dump-dom", probe.as_uri(),
    )
    assert result.returncode == 0, result.stderr[-2000:]
    (body,) = _Tree(result.stdout).root.select("body")
    return json.loads(body.attrs["data-layout"])


def _invoke(*args: str) -> None:
    from pipeline.cli.review import register

    app = typer.Typer()
    register(app)
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def fifty(tmp_path_factory) -> dict:
    binary = _chromium()
    folder = tmp_path_factory.mktemp("html_browser_fifty")
    gold, pred = _fifty(folder)
    diff_page, show_page = folder / "diff50.html", folder / "show50.html"
    _invoke("diff", "--gold", str(gold), "--pred", str(pred), "--html", str(diff_page))
    _invoke("show", str(pred), "--html", str(show_page))
    trees = {}
    for name, page in (("diff", diff_page), ("show", show_page)):
        profile = folder / f"profile-{name}"
        dumped = _run_chromium(binary, profile, "--virtual-time-budget=3000", "--dump-dom", page.as_uri())
        assert dumped.returncode == 0, dumped.stderr[-2000:]
        trees[name] = _Tree(dumped.stdout).root
    records = [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines()]
    return {"binary": binary, "folder": folder, "diff": diff_page, "show": show_page, "trees": trees, "pred": records}


def _index_targets(tree: Node) -> list[str]:
    (index,) = tree.select("table", **{"class": "index"})
    return [link.attrs["href"] for link in index.select("a")]


@pytest.mark.parametrize("name", ["diff", "show"])
def test_html_browser_fifty_index_links_every_article(fifty, name: str) -> None:
    tree = fifty["trees"][name]
    sections = [node.attrs["id"] for node in tree.select("section")]
    assert len(sections) == COUNT
    assert _index_targets(tree) == [f"#{section}" for section in sections]


def test_html_browser_fifty_diff_index_worst_first(fifty) -> None:
    (index,) = fifty["trees"]["diff"].select("table", **{"class": "index"})
    means = []
    for row in index.select("tr")[1:]:
        figures = [cell.text() for cell in row.select("td")[2:5]]
        means.append(sum(1.0 if value == "–" else float(value) for value in figures) / 3)
    assert len(means) == COUNT
    # The cells are rounded to 0.001, so their means may be out of order by that much.
    assert all(earlier <= later + 0.001 for earlier, later in zip(means, means[1:]))
    assert means[0] < means[-1]


def test_html_browser_fifty_diff_marks_link_to_open_rows(fifty) -> None:
    tree = fifty["trees"]["diff"]
    rows = {node.attrs["id"]: node for node in tree.select("tr") if node.attrs.get("id")}
    marks = [node for node in tree.select("span") if "data-claim" in node.attrs]
    links = [node.attrs["href"][1:] for node in tree.select("a", **{"class": "cm-ref"})]
    assert len(marks) == len(links) > COUNT
    # Every claim that differs is marked once, its row open; agreeing rows are folded.
    open_rows = {key for key, row in rows.items() if not row.inside("details")}
    assert sorted(links) == sorted(open_rows)
    folded = [row for row in rows.values() if row.inside("details")]
    assert folded and all("open" not in node.attrs for node in tree.select("details"))


def test_html_browser_fifty_show_one_card_per_claim(fifty) -> None:
    tree = fifty["trees"]["show"]
    cards = tree.select("article", **{"class": "card"})
    expected = [
        record["text"][claim["anchor"]["start"] : claim["anchor"]["end"]]
        for record in fifty["pred"]
        for claim in record["claims"]
    ]
    assert [card.select("p", **{"class": "quote"})[0].text() for card in cards] == [f"«{text}»" for text in expected]
    card_ids = {card.attrs["id"] for card in cards}
    refs = [link.attrs["href"][1:] for link in tree.select("a", **{"class": "ref"})]
    assert sorted(refs) == sorted(card_ids)


@pytest.mark.parametrize("name", ["diff", "show"])
def test_html_browser_fifty_runs_nothing(fifty, name: str) -> None:
    tree = fifty["trees"][name]
    tags = {node.tag for node in tree.walk()}
    assert not tags & {"script", "img", "iframe", "object", "embed"}
    assert SCRIPT in tree.text() and "PWNED" not in tree.select("title")[0].text()
    assert not any("data-pwned" in node.attrs for node in tree.walk())


@pytest.mark.parametrize("name", ["diff", "show"])
def test_html_browser_fifty_no_sideways_scroll(fifty, name: str) -> None:
    layout = _layout(fifty["binary"], fifty["folder"], fifty[name])
    assert layout["scroll"] <= layout["client"] <= WIDTH, layout["wide"]
    assert layout["wide"] == []


def test_html_browser_layout_probe_sees_overflow(fifty) -> None:
    """The width check can fail: a page with a too-wide element is caught."""
    wide = fifty["folder"] / "wide.html"
    wide.write_text(f'<!DOCTYPE html><html><body><div style="width:{2 * WIDTH}px">x</div></body></html>', encoding="utf-8")
    layout = _layout(fifty["binary"], fifty["folder"], wide)
    assert layout["scroll"] > layout["client"] and layout["wide"]


@pytest.mark.parametrize("name", ["diff", "show"])
def test_html_browser_fifty_screenshot(fifty, name: str, tmp_path: Path) -> None:
    shot = tmp_path / f"review-{name}-50.png"
    result = _run_chromium(
        fifty["binary"], fifty["folder"] / f"profile-shot-{name}", f"--screenshot={shot}",
        f"--window-size={WIDTH},2400", fifty[name].as_uri(),
    )
    assert result.returncode == 0, result.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert int.from_bytes(data[16:20], "big") == WIDTH  # the PNG header's width
    assert len(data) > 100_000  # an index and coloured text, not a blank page
    _keep(shot, shot.name)
