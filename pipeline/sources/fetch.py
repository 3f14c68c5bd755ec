"""Fetching one web page politely and within bounds.

urllib3 (a trafilatura dependency, so no new package) gives connection
pooling, separate connect and read timeouts and redirect handling; the rest
is ours because it must name what went wrong: a clear user agent, a total
deadline (a server that trickles a byte a second never trips a read
timeout), a size cap checked on the announced length and again while
reading, retries with exponential backoff on 429 and 5xx (honouring a short
Retry-After), and anything but HTML refused by its content type.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urljoin

import urllib3
from urllib3.exceptions import HTTPError, MaxRetryError

from pipeline import __version__
from pipeline.sources.base import ReadError

USER_AGENT = f"afirma/{__version__} (news claim extraction; reads one page per request; python-urllib3/{urllib3.__version__})"
HTML_TYPES = ("text/html", "application/xhtml+xml")
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_CHUNK = 64 * 1024
# What pages start with when a server sends them without a content type.
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|!--)", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class FetchSettings:
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 60.0  # the whole page, redirects and retries included
    max_bytes: int = 10 * 1024 * 1024
    retries: int = 3
    backoff: float = 1.0  # seconds before the first retry, doubled each time
    max_retry_after: float = 60.0  # a longer Retry-After is not waited for
    max_redirects: int = 5
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    status: int
    content_type: str
    charset: str | None
    body: bytes = field(repr=False)


class Fetcher:
    """One connection pool for a run; `fetch` returns a page or raises `ReadError`."""

    def __init__(self, settings: FetchSettings | None = None):
        self.settings = settings or FetchSettings()
        self.pool = urllib3.PoolManager(
            headers={
                "User-Agent": self.settings.user_agent,
                "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
                "Accept-Language": "es,en;q=0.5",
            },
            timeout=urllib3.Timeout(connect=self.settings.connect_timeout, read=self.settings.read_timeout),
        )

    def close(self) -> None:
        self.pool.clear()

    def fetch(self, url: str) -> Fetched:
        deadline = time.monotonic() + self.settings.total_timeout
        for attempt in range(self.settings.retries + 1):
            response = self._open(url, deadline)
            wait, why = self._retry_wait(response, attempt, deadline)
            if wait is None:
                try:
                    return self._read(response, url, deadline, why or _retried(attempt))
                except ReadError:
                    response.close()  # a body left half-read must not go back to the pool
                    raise
                finally:
                    response.release_conn()
            response.drain_conn()
            response.release_conn()
            time.sleep(wait)
        raise AssertionError("unreachable: the last attempt never waits")

    def _open(self, url: str, deadline: float) -> urllib3.BaseHTTPResponse:
        redirects = urllib3.Retry(total=None, connect=0, read=0, status=0, other=0,
                                  redirect=self.settings.max_redirects, raise_on_redirect=True)
        try:
            return self.pool.request("GET", url, preload_content=False, redirect=True, retries=redirects,
                                     timeout=self._timeout(deadline))
        except MaxRetryError as error:
            raise ReadError(_describe(error.reason, self.settings)) from None
        except (HTTPError, ValueError) as error:
            raise ReadError(_describe(error, self.settings)) from None

    def _timeout(self, deadline: float) -> urllib3.Timeout:
        left = max(0.1, deadline - time.monotonic())
        return urllib3.Timeout(connect=min(self.settings.connect_timeout, left), read=min(self.settings.read_timeout, left))

    def _retry_wait(self, response, attempt: int, deadline: float) -> tuple[float | None, str]:
        """Seconds to wait before trying again (None: take this answer), and
        why an answer that could be retried is not."""
        if response.status not in RETRY_STATUSES or attempt >= self.settings.retries:
            return None, ""
        wait = self.settings.backoff * 2**attempt
        asked = _retry_after(response.headers.get("Retry-After"))
        if asked is not None:
            if asked > self.settings.max_retry_after:
                return None, f" (the server asks to wait {asked:g} s; not waited for)"
            wait = max(wait, asked)
        if time.monotonic() + wait >= deadline:
            return None, _retried(attempt) or " (no time left to retry)"
        return wait, ""

    def _read(self, response, url: str, deadline: float, retried: str) -> Fetched:
        final = urljoin(url, response.geturl() or url)
        if response.status >= 400:
            reason = response.reason or ""
            raise ReadError(f"HTTP {response.status} {reason}".rstrip() + retried)
        content_type, charset = parse_content_type(response.headers.get("Content-Type"))
        if content_type and content_type not in HTML_TYPES:
            raise ReadError(f"not an HTML page: the server says {content_type}")
        self._check_length(response.headers.get("Content-Length"))
        body = self._body(response, deadline)
        if not content_type and not _HTML_START.match(body[:2048]):
            raise ReadError("not an HTML page: no content type, and the body does not start as HTML")
        return Fetched(final, response.status, content_type or "text/html", charset, body)

    def _check_length(self, announced: str | None) -> None:
        if announced and announced.isdigit() and int(announced) > self.settings.max_bytes:
            raise ReadError(f"page too large: {_megabytes(int(announced))} announced, the cap is {_megabytes(self.settings.max_bytes)}")

    def _body(self, response, deadline: float) -> bytes:
        chunks, size = [], 0
        try:
            # read1 returns what has arrived, so a trickling server meets the deadline.
            while chunk := response.read1(_CHUNK):
                size += len(chunk)
                if size > self.settings.max_bytes:
                    raise ReadError(f"page too large: more than the cap of {_megabytes(self.settings.max_bytes)}")
                if time.monotonic() > deadline:
                    raise ReadError(f"too slow: the page did not arrive within {self.settings.total_timeout:g} s")
                chunks.append(chunk)
        except HTTPError as error:
            raise ReadError(_describe(error, self.settings)) from None
        return b"".join(chunks)


def parse_content_type(header: str | None) -> tuple[str, str | None]:
    if not header:
        return "", None
    message = Message()
    message["Content-Type"] = header
    return message.get_content_type().lower(), message.get_param("charset")


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header; an HTTP date is taken as 'a while'."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    from email.utils import parsedate_to_datetime

    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def _retried(attempt: int) -> str:
    return f" (after {attempt} retries)" if attempt else ""


def _describe(error: BaseException | None, settings: FetchSettings) -> str:
    """One line a user can act on, for the errors urllib3 raises."""
    from urllib3 import exceptions as e

    if isinstance(error, e.ResponseError) and "redirect" in str(error):
        return f"too many redirects (more than {settings.max_redirects})"
    if isinstance(error, e.ConnectTimeoutError):
        return f"no connection within {settings.connect_timeout:g} s"
    if isinstance(error, (e.ReadTimeoutError, TimeoutError)):
        return f"too slow: no data for {settings.read_timeout:g} s"
    if isinstance(error, e.NameResolutionError):
        return "host name not found"
    if isinstance(error, e.NewConnectionError):
        return "connection refused or unreachable"
    if isinstance(error, e.LocationValueError) or isinstance(error, ValueError):
        return f"not a URL that can be fetched ({error})"
    if isinstance(error, e.SSLError):
        return f"TLS error: {error}"
    return f"fetch failed: {type(error).__name__}: {error}"


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"
