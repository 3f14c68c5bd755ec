"""Web archives: each HTML response record is an article, its id the URL.

The crawl is written by the test with warcio: 1,000 small news pages (with
their request records), plus the records a real crawl also holds (a 404, an
image, a redirect, a second capture of a page, metadata). `--jobs 2` and a
Dask LocalCluster must give exactly what one process gives.
"""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest

from pipeline.sources import list_inputs
from schemas import Article

COMPANIES = ("Meta", "Microsoft", "Google", "Amazon", "Oracle", "Nvidia", "AMD", "Telefónica")


def page(i: int) -> bytes:
    company = COMPANIES[i % len(COMPANIES)]
    return (
        "<!DOCTYPE html><html lang='es-ES'><head><meta charset='utf-8'>"
        f"<title>{company} invertirá en el centro {i}</title><meta property='og:site_name' content='Diario de Prueba'>"
        f"<meta property='article:published_time' content='2025-0{1 + i % 9}-1{i % 10}T08:00:00+01:00'></head>"
        "<body><nav><a href='/'>Portada</a> <a href='/economia'>Economía</a></nav>"
        f"<article><h1>{company} invertirá {i + 10} millones en el centro {i}</h1>"
        f"<p>{company} invertirá {i + 10} millones de euros en un centro de datos de {i % 90 + 10} MW en Madrid,"
        " según informó la compañía este lunes.</p>"
        f"<p><a href='/otra'>Lee también: otra noticia con {i} cifras</a></p></article>"
        "<footer>© Diario de Prueba. Todos los derechos reservados.</footer></body></html>"
    ).encode("utf-8")


def url(i: int) -> str:
    return f"https://www.diario.example.es/economia/nota-{i}.html"


def write_crawl(path: Path, pages: int, extras: bool = False) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.suffix == ".gz")

        def response(target: str, body: bytes, status: str = "200 OK", content_type: str = "text/html; charset=utf-8") -> None:
            headers = StatusAndHeaders(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(target, "response", payload=io.BytesIO(body), http_headers=headers))

        for i in range(pages):
            request = StatusAndHeaders(f"GET /economia/nota-{i}.html HTTP/1.1", [("Host", "www.diario.example.es")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url(i), "request", payload=io.BytesIO(b""), http_headers=request))
            response(url(i), page(i))
        if extras:
            response("https://www.diario.example.es/no-existe", b"<html><body>404</body></html>", "404 Not Found")
            response("https://www.diario.example.es/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), content_type="image/png")
            response("https://www.diario.example.es/vieja", b"", "301 Moved Permanently")
            response(url(0), page(0))  # the same page crawled again
            response("https://www.diario.example.es/portada", b"<html><body><nav><a href='/'>Portada</a></nav></body></html>")
            response("https://www.diario.example.es/latin", page(7).replace(b"charset='utf-8'", b"charset='windows-1252'").decode("utf-8").encode("cp1252"), content_type="text/html")
            writer.write_record(writer.create_warc_record("https://www.diario.example.es/", "metadata", payload=io.BytesIO(b"via: test"), warc_content_type="application/warc-fields"))


def records(path: Path) -> list[dict]:
    found = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for record in found[:5]:
        Article.model_validate(record)
    return found


# ----------------------------------------------------------------- listing
def test_sources_warc_lists_html_responses_only(tmp_path):
    crawl = tmp_path / "crawl.warc.gz"
    write_crawl(crawl, 3, extras=True)
    listing = list_inputs([str(crawl)])
    assert [s.id for s in listing.sources] == [url(0), url(1), url(2), "https://www.diario.example.es/portada", "https://www.diario.example.es/latin"]
    assert listing.errors == []
    [note] = listing.notes
    assert note == (
        f"{crawl}: 5 HTML responses read as articles; records left out: 4 request, metadata or other non-response,"
        " 2 with an HTTP status other than 2xx, 1 not HTML, 1 repeated URL (its first capture kept)"
    )


def test_sources_warc_damaged_or_foreign_files_are_named(tmp_path):
    crawl = tmp_path / "crawl.warc.gz"
    write_crawl(crawl, 3)
    damaged = tmp_path / "dañado.warc.gz"
    damaged.write_bytes(crawl.read_bytes() + b"not a warc record\n")
    foreign = tmp_path / "nota.warc"
    foreign.write_text("Esto no es un WARC.\n", encoding="utf-8")
    listing = list_inputs([str(damaged), str(foreign)])
    reasons = {e.display: e.reason for e in listing.errors}
    assert reasons[str(damaged)].startswith("not a readable WARC file after 3 articles: Unknown archive format")
    assert reasons[str(foreign)] == "not a WARC or ARC file: it does not start with a WARC/ or filedesc:// record"
    assert [s.id for s in listing.sources] == [url(0), url(1), url(2)]  # what came before the damage is kept


@pytest.mark.model
def test_sources_warc_records_become_articles_and_failures_are_named(extractor, monkeypatch, tmp_path, capsys):
    import pipeline.api
    from pipeline.batch import run_extraction

    monkeypatch.setattr(pipeline.api, "Extractor", lambda model=None, **options: extractor)
    crawl = tmp_path / "crawl.warc"
    write_crawl(crawl, 2, extras=True)
    out = tmp_path / "out.jsonl"
    summary = run_extraction([str(crawl)], output=out)
    err = capsys.readouterr().err
    written = records(out)
    assert [r["id"] for r in written] == [url(0), url(1), "https://www.diario.example.es/latin"]
    assert "https://www.diario.example.es/portada (" in err and "record at byte" in err and "no article text found" in err
    assert (summary.extracted, len(summary.failed)) == (3, 1)
    first = written[0]
    assert first["text"].split("\n") == [
        "Meta invertirá 10 millones en el centro 0",
        "Meta invertirá 10 millones de euros en un centro de datos de 10 MW en Madrid, según informó la compañía este lunes.",
    ]
    assert first["meta"]["url"] == url(0) and first["meta"]["outlet"] == "Diario de Prueba"
    assert first["meta"]["published"] == "2025-01-10" and first["meta"]["country"] == "ES"
    assert written[2]["meta"]["encoding"] == "cp1252" and "Telefónica" in written[2]["text"]


# ------------------------------------------------------------------ scale
@pytest.fixture(scope="module")
def big_crawl(tmp_path_factory) -> Path:
    crawl = tmp_path_factory.mktemp("warc") / "crawl.warc.gz"
    write_crawl(crawl, 1000)
    return crawl


@pytest.fixture(scope="module")
def one_process(big_crawl, extractor) -> tuple[bytes, float]:
    from pipeline.batch import run_extraction

    out = big_crawl.with_name("one.jsonl")
    with pytest.MonkeyPatch.context() as patch:
        import pipeline.api

        patch.setattr(pipeline.api, "Extractor", lambda model=None, **options: extractor)
        started = time.monotonic()
        summary = run_extraction([str(big_crawl)], output=out)
    assert (summary.extracted, summary.failed) == (1000, [])
    return out.read_bytes(), time.monotonic() - started


@pytest.mark.model
@pytest.mark.slow
def test_sources_warc_two_jobs_match_one_process(big_crawl, one_process, extractor, monkeypatch, tmp_path):
    """The workers are forked with the session's pipeline, so this measures
    the pool and the reading, not model loading."""
    import pipeline.api
    from pipeline.batch import run_extraction

    monkeypatch.setattr(pipeline.api, "Extractor", lambda model=None, **options: extractor)
    out = tmp_path / "two.jsonl"
    started = time.monotonic()
    summary = run_extraction([str(big_crawl)], output=out, jobs=2)
    seconds = time.monotonic() - started
    assert (summary.extracted, summary.failed) == (1000, [])
    expected, single = one_process
    assert out.read_bytes() == expected
    assert seconds < 180 and single < 180, f"one process {single:.0f} s, two jobs {seconds:.0f} s"


@pytest.mark.model
@pytest.mark.slow
def test_sources_warc_dask_cluster_matches_one_process(big_crawl, one_process, extractor, tmp_path):
    import distributed

    from pipeline.batch import run_extraction
    from pipeline.scale import extract_bag
    from pipeline.sources.warc import warc_bag, warc_items

    expected = one_process[0].decode("utf-8").splitlines()
    out = tmp_path / "dask.jsonl"
    # Workers that see the files read the crawls themselves: two small ones, one per worker.
    crawls = [tmp_path / "a.warc.gz", tmp_path / "b.warc"]
    write_crawl(crawls[0], 40)
    write_crawl(crawls[1], 30)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        summary = run_extraction([str(big_crawl)], output=out, dask=cluster.scheduler_address)
        with distributed.Client(cluster) as client:
            outcomes = client.compute(extract_bag(warc_bag([str(c) for c in crawls]))).result()
    assert (summary.extracted, summary.failed) == (1000, [])
    assert out.read_text(encoding="utf-8").splitlines() == expected
    local = [item for crawl in crawls for item in warc_items(str(crawl))]
    assert [o.error for o in outcomes] == [None] * 70
    assert [o.line for o in outcomes] == [a.model_dump_json() for a in extractor.extract_many(local)]
