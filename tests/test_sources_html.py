"""Saved news pages: the main text without the furniture, the page's own
metadata in `meta`, and the same claims as the article given as clean text.

The pages in `tests/data/html/` are written in the layouts of Spanish and
Latin-American outlets (menus, tickers, related links inside the body,
captions, comments, cookie, newsletter and paywall layers); each has a
`.json` beside it with the body paragraphs, the furniture that must not
reach the text, and the metadata the page gives.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html as lxml_html
from typer.testing import CliRunner

from pipeline.sources.base import ReadError
from pipeline.sources.boilerplate import remove_boilerplate
from pipeline.sources.charset import decode_page
from pipeline.sources.html import read_page
from pipeline.sources.pagemeta import page_country, page_facts
from schemas import Article

PAGES = Path(__file__).resolve().parent / "data" / "html"
NAMES = sorted(p.stem for p in PAGES.glob("*.html"))


def spec(name: str) -> dict:
    return json.loads((PAGES / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture
def afirma(extractor, monkeypatch):
    """`afirma ARGS...` in-process with the session's pipeline: (exit code, stdout, stderr)."""
    import pipeline.api
    from pipeline.cli import app

    monkeypatch.setattr(pipeline.api, "Extractor", lambda model=None, **options: extractor)

    def run(*args):
        result = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    return run


def records(text: str) -> list[dict]:
    found = [json.loads(line) for line in text.splitlines() if line.strip()]
    for record in found:
        Article.model_validate(record)
    return found


# ------------------------------------------------------------- the pages
def test_sources_html_pages_are_six_layouts():
    assert len(NAMES) >= 6
    for name in NAMES:
        assert {"title", "body", "furniture", "outlet", "published", "url"} <= set(spec(name))


@pytest.mark.parametrize("name", NAMES)
def test_sources_html_text_is_title_then_body_without_furniture(name):
    expected = spec(name)
    loaded = read_page((PAGES / f"{name}.html").read_bytes())
    lines = loaded.text.split("\n")
    assert lines[0] == expected["title"]
    body = [line for line in lines[1:] if line != expected["standfirst"] and line not in expected["captions"]]
    assert body == expected["body"]
    leaked = [piece for piece in expected["furniture"] if piece in loaded.text]
    assert leaked == []


@pytest.mark.parametrize("name", NAMES)
def test_sources_html_meta_names_title_url_outlet_date_and_extractor(name):
    expected = spec(name)
    meta = read_page((PAGES / f"{name}.html").read_bytes()).meta
    assert meta["title"] == expected["title"]
    assert meta["url"] == expected["url"]
    assert meta["outlet"] == expected["outlet"]
    assert meta["published"] == expected["published"]
    assert meta["language"] == "es"
    assert meta["extractor"].startswith("trafilatura==")
    if expected["country_from"] == "page":
        assert meta["country"] == expected["country"] and meta["country_source"].startswith("given: ")
    else:
        assert "country" not in meta  # left to the text


@pytest.mark.model
def test_sources_html_claims_match_the_clean_text(afirma, tmp_path):
    """Every page through `afirma extract`, and the same articles as .txt
    files: the body's claims agree; no span comes from furniture."""
    clean = tmp_path / "clean"
    clean.mkdir()
    for name in NAMES:
        loaded = read_page((PAGES / f"{name}.html").read_bytes())
        (clean / f"{name}.txt").write_text(loaded.text, encoding="utf-8")
        assert all(piece not in loaded.text for piece in spec(name)["furniture"])
    code, from_html, err = afirma("extract", PAGES, "--no-progress")
    assert code == 0, err
    code, from_text, err = afirma("extract", clean, "--no-progress")
    assert code == 0, err
    for page, text in zip(records(from_html), records(from_text), strict=True):
        assert page["id"] == text["id"] and page["text"] == text["text"]
        expected = spec(page["id"])
        assert page["meta"]["country"] == expected["country"]
        assert _body_claims(page) == _body_claims(text), page["id"]
        assert _body_claims(page), page["id"]


def _body_claims(record: dict) -> set[tuple]:
    text, title_end = record["text"], record["text"].index("\n")
    return {
        (text[c["anchor"]["start"]:c["anchor"]["end"]], c["label"], c["value"], c["low"], c["high"], c["unit"], c["modality"])
        for c in record["claims"]
        if c["anchor"]["start"] > title_end
    }


@pytest.mark.model
def test_sources_html_title_gives_no_claim_even_when_it_reads_as_a_sentence(afirma):
    code, out, err = afirma("extract", PAGES / "bitacora-blog.html")
    assert code == 0, err
    [record] = records(out)
    title_end = record["text"].index("\n")
    assert "15.700 millones de euros" in record["text"][:title_end]
    assert [c for c in record["claims"] if c["anchor"]["start"] < title_end] == []
    assert any(s["start"] < title_end and s["label"] == "MONEY" for s in record["spans"])


@pytest.mark.model
def test_sources_html_country_option_outranks_the_page(afirma):
    code, out, err = afirma("extract", PAGES / "heraldo-mx.html", "--country", "ES")
    assert code == 0, err
    meta = records(out)[0]["meta"]
    assert meta["country"] == "ES" and meta["country_source"] == "given"


@pytest.mark.model
def test_sources_html_folder_mixes_pages_and_text_and_names_bad_pages(afirma, tmp_path):
    folder = tmp_path / "notas"
    folder.mkdir()
    (folder / "portada.HTM").write_bytes((PAGES / "maipo-cl.html").read_bytes())
    (folder / "nota.txt").write_text("Meta compró 350.000 GPU.", encoding="utf-8")
    (folder / "informe.html").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\x00\x00\x00\x00\x00\x00" + bytes(range(256)))
    (folder / "vacia.html").write_text("<html><head><title>Portada</title></head><body><nav><a href='/'>Inicio</a></nav></body></html>")
    code, out, err = afirma("extract", folder, "--no-progress")
    assert code == 1
    assert [r["id"] for r in records(out)] == ["nota", "portada"]
    assert f"{folder / 'informe.html'}: binary data, not an HTML page" in err
    assert f"{folder / 'vacia.html'}: no article text found" in err
    assert "2 extracted, 2 failed" in err and "Traceback" not in err


# --------------------------------------------------------------- charsets
SPANISH_PAGE = "<html><head>{meta}<title>T</title></head><body><p>Inversión de 3.000 millones de dólares, según la compañía.</p></body></html>"


@pytest.mark.parametrize(
    "data, header, encoding, warned",
    [
        (SPANISH_PAGE.format(meta='<meta charset="utf-8">').encode("utf-8"), None, "utf-8", False),
        (SPANISH_PAGE.format(meta='<meta charset="windows-1252">').encode("cp1252"), None, "cp1252", False),
        # The server's default header over a UTF-8 page.
        (SPANISH_PAGE.format(meta="").encode("utf-8"), "ISO-8859-1", "utf-8", True),
        # The header says UTF-8; the bytes and the page's <meta> say Windows-1252.
        (SPANISH_PAGE.format(meta='<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">').encode("cp1252"), "utf-8", "cp1252", True),
        # Nothing declared, not UTF-8.
        (SPANISH_PAGE.format(meta="").encode("cp1252"), None, "cp1252", True),
        (SPANISH_PAGE.format(meta='<meta charset="klingon">').encode("utf-8"), None, "utf-8", True),
    ],
    ids=["utf8", "cp1252-declared", "header-latin1-bytes-utf8", "header-utf8-bytes-cp1252", "undeclared-cp1252", "unknown-label"],
)
def test_sources_html_charset_fits_the_bytes(data, header, encoding, warned):
    decoded = decode_page(data, header)
    assert "Inversión de 3.000 millones de dólares, según la compañía." in decoded.text
    assert (decoded.encoding, decoded.warning is not None) == (encoding, warned)


def test_sources_html_forced_encoding_wins():
    data = SPANISH_PAGE.format(meta='<meta charset="utf-8">').encode("cp1252")
    assert decode_page(data, "utf-8", forced="cp1252").encoding == "cp1252"


def test_sources_html_wrong_charset_page_reads_right_with_a_warning():
    data = SPANISH_PAGE.format(meta='<meta charset="utf-8">').replace("<p>", "<article><p>").encode("cp1252")
    loaded = read_page(data)
    assert "según la compañía" in loaded.text and "dólares" in loaded.text
    assert "byte" in loaded.warning


def test_sources_html_binary_is_refused():
    with pytest.raises(ReadError, match="binary data"):
        read_page(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)


# ------------------------------------------------------------ boilerplate
def _after_cleaning(body: str) -> str:
    tree = lxml_html.document_fromstring(f"<html><body>{body}</body></html>")
    remove_boilerplate(tree)
    return " ".join(tree.text_content().split())


@pytest.mark.parametrize(
    "furniture",
    [
        '<p><strong>Lee también: </strong><a href="/x">Nvidia abre oficina en Guadalajara con 300 ingenieros</a></p>',
        '<p>En Bitácora Digital | <a href="/x">Microsoft también quiere construir en Aragón</a></p>',
        '<div><p>Más información</p><a href="/a">Una nota con 6.690 millones</a> <a href="/b">Otra nota de 3 GW</a></div>',
        '<section class="mod-comments"><p>Los comentarios son de sus autores.</p><p>Un lector: 5.000 millones es poco.</p></section>',
        '<div id="didomi-host"><p>Utilizamos cookies propias y de terceros.</p></div>',
        '<div class="le-puede-interesar"><p>Bancolombia ganó 6,1 billones en nueve meses, y más cosas que no son enlaces.</p></div>',
    ],
    ids=["lee-tambien", "en-outlet", "mas-informacion", "comentarios", "cookies", "named-related"],
)
def test_sources_html_boilerplate_goes(furniture):
    article = "<h1>Titular</h1><p>Meta invertirá 750 millones de euros en Talavera, según la compañía.</p>"
    assert _after_cleaning(f"<article>{article}{furniture}</article>") == _after_cleaning(f"<article>{article}</article>")
    assert "750 millones" in _after_cleaning(f"<article>{article}</article>")


@pytest.mark.parametrize(
    "body",
    [
        '<p>Según <a href="/reuters">Reuters</a>, Meta invertirá 750 millones de euros en Talavera.</p>',
        '<div class="article-body comments-enabled"><p>Meta invertirá 750 millones de euros en Talavera.</p><p>La obra empezará en otoño.</p></div>',
    ],
    ids=["a-link-in-a-sentence", "article-body-with-a-comment-word"],
)
def test_sources_html_boilerplate_keeps_the_article(body):
    text = " ".join(lxml_html.document_fromstring(f"<html><body>{body}</body></html>").text_content().split())
    assert _after_cleaning(body) == text


# ------------------------------------------------------- inside the article
def _article(*inside: str, head: str = "") -> str:
    body = "".join(inside)
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


LEAD = "<h1>Meta invertirá 750 millones en Talavera</h1>"
PARAGRAPHS = (
    "<p>Meta construirá en Talavera de la Reina su primer centro de datos del sur de Europa, con una inversión de 750 millones de euros, según la compañía.</p>"
    "<p>El complejo necesitará 248 MW cuando funcione a pleno rendimiento, previsiblemente en 2029, y dará empleo a 250 personas.</p>"
)


def test_sources_html_no_break_spaces_in_numbers_are_kept():
    page = _article(LEAD, PARAGRAPHS.replace("250 personas", "1\u00a0250 personas y 100\u202f000 GPU"))
    text = read_page(page.encode("utf-8")).text
    assert "1\u00a0250 personas y 100\u202f000 GPU" in text


def test_sources_html_kicker_above_the_headline_and_notices_go():
    page = _article(
        "<p class='kicker'>Centros de datos</p>", LEAD, PARAGRAPHS,
        "<p>Esta nota fue traducida del inglés con ayuda de herramientas automáticas.</p>",
        "<p>© 2025 Diario de Prueba. Todos los derechos reservados.</p>",
        "<p><strong>REDACCIÓN ECONOMÍA</strong></p>",
    )
    lines = read_page(page.encode("utf-8")).text.split("\n")
    assert lines[0] == "Meta invertirá 750 millones en Talavera" and lines.count(lines[0]) == 1
    assert len(lines) == 3 and lines[1].startswith("Meta construirá") and lines[2].startswith("El complejo")


def test_sources_html_a_sentence_that_looks_like_a_label_stays():
    sentence = "<p>Más de 2.000 personas trabajarán en la obra: lo confirmó el Ayuntamiento de Talavera.</p>"
    text = read_page(_article(LEAD, PARAGRAPHS, sentence).encode("utf-8")).text
    assert "Más de 2.000 personas trabajarán en la obra: lo confirmó el Ayuntamiento de Talavera." in text


def test_sources_html_standfirst_dropped_by_the_extractor_comes_back():
    standfirst = "La compañía prevé que el complejo consuma 248 MW en 2029"
    head = f'<meta property="og:description" content="{standfirst}">'
    lines = read_page(_article(f"<header>{LEAD}<h2>{standfirst}</h2></header>", PARAGRAPHS, head=head).encode("utf-8")).text.split("\n")
    assert lines[:2] == ["Meta invertirá 750 millones en Talavera", standfirst]
    only_meta = read_page(_article(LEAD, PARAGRAPHS, head=head.replace("248 MW", "300 MW")).encode("utf-8")).text
    assert "300 MW" not in only_meta  # a description the page does not show is no article text


# ------------------------------------------------------------- page facts
@pytest.mark.parametrize(
    "head, url, country",
    [
        ("", "https://www.heraldocapitalino.com.mx/a", "MX"),
        ("", "https://www.diarioandino.com.co/a", "CO"),
        ("", "https://startup.co/a", None),  # .co bought for its letters
        ('<meta property="og:locale" content="es_AR">', "https://www.clarin.com/a", "AR"),
        ('<meta property="og:locale" content="en_US">', "https://www.example.com/a", None),  # a template's default
        ('<meta property="og:locale" content="es_LA">', "https://www.infobae.com/a", None),
    ],
)
def test_sources_html_page_country_from_domain_or_locale(head, url, country):
    tree = lxml_html.document_fromstring(f"<html><head>{head}</head><body><p>x</p></body></html>")
    assert page_country(page_facts(tree, url)).code == country


def test_sources_html_spanish_locale_yields_to_the_text():
    """es_ES is what CMS templates ship with: the text's own country wins."""
    page = (PAGES / "maipo-cl.html").read_text(encoding="utf-8")
    page = page.replace('lang="es-CL"', 'lang="es"').replace("<head>", '<head><meta property="og:locale" content="es_ES">')
    assert "country" not in read_page(page.encode("utf-8")).meta
    spain = (PAGES / "bitacora-blog.html").read_bytes()
    assert "country" not in read_page(spain).meta  # es_ES, and the text names Aragón: the text decides


@pytest.mark.model
def test_sources_html_saved_page_over_the_cap_is_named(extractor, monkeypatch, tmp_path, capsys):
    import pipeline.api
    from pipeline.batch import run_extraction
    from pipeline.sources import FetchSettings

    monkeypatch.setattr(pipeline.api, "Extractor", lambda model=None, **options: extractor)
    big = tmp_path / "volcado.html"
    big.write_bytes(b"<html><body>" + b"<p>relleno</p>" * 100_000 + b"</body></html>")
    summary = run_extraction([str(big), str(PAGES / "meseta-es.html")], output=tmp_path / "out.jsonl", fetch=FetchSettings(max_bytes=1024 * 1024))
    assert summary.extracted == 1
    assert f"{big}: page too large: 1.3 MB, the cap is 1.0 MB" in capsys.readouterr().err
