"""Fetching pages by URL, against a server the test starts on 127.0.0.1.

Slow servers, 404s, redirects (and a redirect loop), a 50 MB body with and
without its length announced, a wrong charset, a PDF, a server that answers
503 before it answers: each failure is named with its URL and reason, the
batch goes on, no partial record is written, and `--resume` skips the URLs
already done. No other network is used.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.sources import FetchSettings
from pipeline.sources.base import ReadError
from pipeline.sources.fetch import Fetcher
from schemas import Article

PAGES = Path(__file__).resolve().parent / "data" / "html"
FAST = FetchSettings(connect_timeout=2, read_timeout=1, total_timeout=2.5, retries=2, backoff=0.05, max_bytes=2 * 1024 * 1024)
BIG = 50 * 1024 * 1024
CP1252_PAGE = (
    "<html><head><meta charset='windows-1252'><title>Nota</title></head><body><article>"
    "<h1>La CFE invertirá 12.500 millones de pesos</h1>"
    "<p>La Comisión Federal de Electricidad invertirá 12.500 millones de pesos en tres subestaciones de Querétaro, informó la compañía.</p>"
    "</article></body></html>"
).encode("cp1252")


class Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}

    def log_message(self, *args) -> None:  # keep the test output clean
        pass

    def do_GET(self) -> None:
        Handler.hits[self.path] = Handler.hits.get(self.path, 0) + 1
        route = ROUTES.get(self.path.split("?")[0])
        if route is None and self.path.startswith("/nota/"):
            route = _page(self.path.removeprefix("/nota/"))
        try:
            (route or _status(404))(self)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should on a page that is too big or too slow


def _send(handler, status: int, body: bytes, content_type: str = "text/html; charset=utf-8", **headers) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in headers.items():
        handler.send_header(name.replace("_", "-"), value)
    handler.end_headers()
    handler.wfile.write(body)


def _page(name: str):
    path = PAGES / f"{name}.html"
    return (lambda h: _send(h, 200, path.read_bytes())) if path.is_file() else None


def _status(code: int, **headers):
    return lambda h: _send(h, code, b"<html><body>error</body></html>", **headers)


def _redirect(to: str):
    def answer(h) -> None:
        h.send_response(302)
        h.send_header("Location", to)
        h.send_header("Content-Length", "0")
        h.end_headers()

    return answer


def _slow_headers(h) -> None:
    time.sleep(3)
    _send(h, 200, b"<html><body><p>tarde</p></body></html>")


def _trickle(h) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    for _ in range(40):  # at most 12 s, and the client leaves long before
        h.wfile.write(b"<p>x</p>")
        h.wfile.flush()
        time.sleep(0.3)


def _big(announce: bool):
    def answer(h) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        if announce:
            h.send_header("Content-Length", str(BIG))
        h.end_headers()
        chunk = b"<p>" + b"relleno " * 8000 + b"</p>\n"
        sent = 0
        while sent < BIG:
            h.wfile.write(chunk)
            sent += len(chunk)

    return answer


def _flaky(h) -> None:
    if Handler.hits["/inestable"] <= 2:
        _status(503, Retry_After="0")(h)
    else:
        _page("cronica-ar")(h)


ROUTES = {
    "/lenta": _slow_headers,
    "/gotea": _trickle,
    "/no-existe": _status(404),
    "/redirige": _redirect("/nota/meseta-es"),
    "/bucle": _redirect("/bucle"),
    "/enorme": _big(announce=True),
    "/enorme-sin-longitud": _big(announce=False),
    "/latin": lambda h: _send(h, 200, CP1252_PAGE, "text/html; charset=utf-8"),
    "/informe.pdf": lambda h: _send(h, 200, b"%PDF-1.7\n" + bytes(range(256)), "application/pdf"),
    "/inestable": _flaky,
    "/caida": _status(503),
    "/ocupado": _status(429, Retry_After="3600"),
}


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def fresh_hits():
    Handler.hits.clear()


# ----------------------------------------------------------- the fetcher
@pytest.mark.parametrize(
    "path, reason",
    [
        ("/lenta", "too slow: no data for 1 s"),
        ("/gotea", "too slow: the page did not arrive within 2.5 s"),
        ("/no-existe", "HTTP 404 Not Found"),
        ("/bucle", "too many redirects (more than 5)"),
        ("/enorme", "page too large: 50.0 MB announced, the cap is 2.0 MB"),
        ("/enorme-sin-longitud", "page too large: more than the cap of 2.0 MB"),
        ("/informe.pdf", "not an HTML page: the server says application/pdf"),
        ("/caida", "HTTP 503 Service Unavailable (after 2 retries)"),
        ("/ocupado", "HTTP 429 Too Many Requests (the server asks to wait 3600 s; not waited for)"),
    ],
)
def test_sources_urls_failures_are_named(server, path, reason):
    fetcher = Fetcher(FAST)
    started = time.monotonic()
    with pytest.raises(ReadError) as error:
        fetcher.fetch(server + path)
    assert str(error.value) == reason
    assert time.monotonic() - started < 5  # bounded, whatever the server does
    fetcher.close()


def test_sources_urls_retries_with_backoff_then_succeeds(server):
    page = Fetcher(FAST).fetch(server + "/inestable")
    assert page.status == 200 and Handler.hits["/inestable"] == 3


def test_sources_urls_503_is_tried_once_per_retry(server):
    with pytest.raises(ReadError):
        Fetcher(FAST).fetch(server + "/caida")
    assert Handler.hits["/caida"] == 1 + FAST.retries


def test_sources_urls_long_retry_after_is_not_waited_for(server):
    with pytest.raises(ReadError, match="429"):
        Fetcher(FAST).fetch(server + "/ocupado")
    assert Handler.hits["/ocupado"] == 1


def test_sources_urls_redirect_is_followed_and_user_agent_is_clear(server):
    page = Fetcher(FAST).fetch(server + "/redirige")
    assert page.url == server + "/nota/meseta-es" and page.charset == "utf-8"
    assert FetchSettings().user_agent.startswith("afirma/")


# ------------------------------------------------------------- the batch
@pytest.fixture
def session_pipeline(extractor, monkeypatch):
    import pipeline.api

    monkeypatch.setattr(pipeline.api, "Extractor", lambda model=None, **options: extractor)


def records(path: Path) -> list[dict]:
    found = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for record in found:
        Article.model_validate(record)
    return found


@pytest.mark.model
def test_sources_urls_batch_goes_on_past_every_failure(server, session_pipeline, tmp_path, capsys):
    from pipeline.batch import run_extraction

    bad = ["/lenta", "/no-existe", "/bucle", "/enorme", "/enorme-sin-longitud", "/informe.pdf", "/caida"]
    urls = [server + "/nota/cronica-ar", *(server + b for b in bad), server + "/latin", server + "/redirige"]
    out = tmp_path / "out.jsonl"
    summary = run_extraction(urls, output=out, fetch=FAST)
    err = capsys.readouterr().err
    written = records(out)
    assert [r["id"] for r in written] == [server + "/nota/cronica-ar", server + "/latin", server + "/redirige"]
    assert (summary.extracted, len(summary.failed), summary.exit_code) == (3, len(bad), 1)
    for path in bad:
        assert f"afirma: error: {server + path}: " in err
    assert f"{server}/latin: the HTTP header says utf-8, which byte" in err  # warned, and read right
    latin, moved = written[1], written[2]
    assert "12.500 millones de pesos" in latin["text"] and latin["meta"]["encoding"] == "cp1252"
    assert latin["claims"] and latin["meta"]["url"] == server + "/latin"
    assert moved["meta"]["final_url"] == server + "/nota/meseta-es"
    assert moved["meta"]["url"].startswith("https://diariomeseta.com/")  # the page's canonical address
    assert moved["meta"]["outlet"] == "DIARIO MESETA" and moved["meta"]["published"] == "2025-03-14"


@pytest.mark.model
def test_sources_urls_cli_list_file_and_resume(server, session_pipeline, tmp_path):
    from pipeline.cli import app

    listed = tmp_path / "urls.txt"
    listed.write_text(
        f"# seguimiento\n{server}/nota/meseta-es\n\n{server}/no-existe\n{server}/nota/meseta-es#comentarios\nno es una url\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    runner = CliRunner()
    first = runner.invoke(app, ["extract", "--urls", str(listed), f"{server}/nota/andino-co", "-o", str(out), "--timeout", "2"])
    assert first.exit_code == 1, first.stderr
    assert f"{server}/no-existe: HTTP 404 Not Found" in first.stderr
    assert f"{listed}:6: not an http(s) URL: 'no es una url'" in first.stderr
    assert f"{listed}:5: {server}/nota/meseta-es is listed already" in first.stderr
    assert [r["id"] for r in records(out)] == [f"{server}/nota/andino-co", f"{server}/nota/meseta-es"]
    Handler.hits.clear()
    again = runner.invoke(app, ["extract", "--urls", str(listed), f"{server}/nota/andino-co", "-o", str(out), "--resume"])
    assert "0 extracted, 2 failed, 2 skipped (already in the output)" in again.stderr
    assert "/nota/meseta-es" not in Handler.hits and "/nota/andino-co" not in Handler.hits  # not fetched again
    assert Handler.hits.get("/no-existe") == 1  # a failure is tried again
    assert len(records(out)) == 2


def test_sources_urls_cli_needs_something_to_read():
    result = CliRunner().invoke(__import__("pipeline.cli", fromlist=["app"]).app, ["extract"])
    assert result.exit_code == 2 and "at least one file, folder, URL" in result.stderr
