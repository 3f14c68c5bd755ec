"""One article's page profile: its country, furniture, headings and datelines."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.page.country import infer_country
from pipeline.page.datelines import find_datelines
from pipeline.page.furniture import read_layout
from pipeline.page.places import Country, gazetteer

Range = tuple[int, int]


@dataclass(frozen=True)
class PageProfile:
    country: str | None
    country_source: str  # "given" or what in the text decided it
    furniture: tuple[tuple[int, int, str], ...]
    headings: tuple[Range, ...]
    datelines: tuple[Range, ...]

    @property
    def country_info(self) -> Country | None:
        return gazetteer().countries.get(self.country) if self.country else None

    def window(self, offset: int, length: int) -> "PageProfile":
        """The same profile seen from a piece of the text that starts at `offset`."""
        end = offset + length

        def inside(ranges):
            return tuple((max(s, offset) - offset, min(e, end) - offset, *rest) for s, e, *rest in ranges if s < end and e > offset)

        return PageProfile(self.country, self.country_source, inside(self.furniture), inside(self.headings), inside(self.datelines))

    def blocked(self) -> list[Range]:
        """Where no name or number may be found: the furniture."""
        return [(start, end) for start, end, _ in self.furniture]


def read_page(text: str, country: str | None = None) -> PageProfile:
    """The profile of one article; `country` (ISO 3166 alpha-2) when the caller knows it."""
    layout = read_layout(text)
    if country:
        code, source = country.upper(), "given"
    else:
        guess = infer_country(text)
        code, source = guess.country, guess.evidence
    datelines = tuple((start, end) for start, end, _ in find_datelines(text))
    return PageProfile(code, source, layout.furniture, layout.headings, datelines)
