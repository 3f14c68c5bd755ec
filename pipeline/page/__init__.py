"""What kind of page an article is: its furniture and headings, datelines, and country."""

from pipeline.page.profile import PageProfile, read_page

__all__ = ["PageProfile", "read_page"]
