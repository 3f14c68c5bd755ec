"""What a page says about itself: its address, outlet, language and country.

Read from the page's head before any furniture is removed: the canonical
link and `og:url`, `og:site_name` (the outlet as it names itself; the
JSON-LD publisher is often the owning company), the `lang` attribute,
`og:locale` and Content-Language. The country of the outlet comes from the
site's country domain, else from a locale with a region; a Spanish locale
alone is weak (CMS templates default to es_ES), so it only counts when the
text itself names no country.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from lxml import html

from pipeline.sources.lines import squeeze

_REGION = re.compile(r"^([a-z]{2,3})(?:[-_]([a-z]{2}))?\b", re.IGNORECASE)


@dataclass(frozen=True)
class PageFacts:
    url: str | None
    outlet: str | None
    headline: str | None
    standfirst: str | None  # the page's description, where the page also shows it
    language: str | None
    locales: tuple[tuple[str, str], ...]  # (locale as written, where it was read)


def page_facts(tree: html.HtmlElement, fetched_url: str | None = None) -> PageFacts:
    url = _first(tree, "//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content") or fetched_url
    outlet = _first(tree, "//meta[@property='og:site_name']/@content", "//meta[@name='application-name']/@content")
    headline = _first(tree, "//h1")
    locales = tuple(
        (value, origin)
        for origin, path in (("lang attribute", "/html/@lang"), ("og:locale", "//meta[@property='og:locale']/@content"),
                             ("Content-Language", "//meta[@http-equiv='Content-Language' or @http-equiv='content-language']/@content"))
        for value in [_first(tree, path)] if value
    )
    language = next((m.group(1).lower() for value, _ in locales if (m := _REGION.match(value))), None)
    return PageFacts(_absolute(url, fetched_url), outlet, headline, _standfirst(tree), language, locales)


def _standfirst(tree: html.HtmlElement) -> str | None:
    """The description, if an element of the body shows it as written: the
    standfirst under the headline, which extractors in precision mode drop."""
    description = _first(tree, "//meta[@property='og:description']/@content", "//meta[@name='description']/@content")
    if not description:
        return None
    for element in tree.xpath("//body//*[self::h2 or self::h3 or self::p or self::div or self::span]"):
        if squeeze(element.text_content()) == description:
            return description
    return None


def _first(tree: html.HtmlElement, *paths: str) -> str | None:
    for path in paths:
        for found in tree.xpath(path):
            value = found if isinstance(found, str) else found.text_content()
            value = squeeze(str(value))
            if value:
                return value
    return None


def _absolute(url: str | None, base: str | None) -> str | None:
    if url and base and not urlsplit(url).scheme:
        from urllib.parse import urljoin

        return urljoin(base, url)
    return url


def host_name(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


@dataclass(frozen=True)
class PageCountry:
    code: str | None
    evidence: str | None
    weak: bool = False  # a Spanish locale only: the text may say otherwise


def page_country(facts: PageFacts) -> PageCountry:
    """The outlet's country as the site tells it, or none."""
    from pipeline.page.places import gazetteer

    countries = gazetteer().countries
    host = urlsplit(facts.url).hostname if facts.url else None
    by_domain = _country_of_host(host, countries) if host else None
    if by_domain:
        return PageCountry(by_domain, f"given: the site's domain {host}")
    for value, origin in facts.locales:
        match = _REGION.match(value)
        if match and match.group(2) and match.group(1).lower() == "es" and match.group(2).upper() in countries:
            code = match.group(2).upper()
            return PageCountry(code, f"given: the page's {origin} {value}", weak=code == "ES")
    return PageCountry(None, None)


def _country_of_host(host: str, countries: dict) -> str | None:
    labels = host.lower().rstrip(".").split(".")
    tld = "." + labels[-1]
    if tld in _generic_domains() and (len(labels) < 3 or labels[-2] not in ("com", "gov", "gob", "org", "net", "edu")):
        return None
    return next((code for code, country in countries.items() if country.tld == tld), None)


@lru_cache(maxsize=1)
def _generic_domains() -> frozenset[str]:
    raw = resources.files("pipeline.sources").joinpath("data").joinpath("domains.json").read_text(encoding="utf-8")
    return frozenset(json.loads(raw)["generic"])
