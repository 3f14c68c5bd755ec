"""Claims inside a pasted social-media post, a thread of them, or a reader's comment belong to its author.

A post quoted in an article ends with its signature and date ("…excelente…
2 de septiembre de 2024", "— Elon Musk (@elonmusk) 2 de septiembre de
2024"); the author is the name in the signature or, failing that, the last
speaker the article quoted.
"""

from __future__ import annotations

import re

from pipeline.claims.draft import ClaimDraft

# "3/11 ¿Por qué no es poco?": a thread's post opens on its place and the thread's length
# "\"3/7 Yatay Datos promete...\"": a fact-check quotes each post, then gives its verdict
_THREAD_POST = re.compile(r"(?m)^[ \t]*(?P<quote>[\"“«]?)[ \t]*(\d{1,2})/(\d{1,2})[ \t]")
_CLOSING_QUOTE = {'"': '"', "“": "”", "«": "»"}
_THREAD_POSTS = 3
# "Néstor Florentín · hace 3 h", "tarifazo_no · hace 2 h · en respuesta a ...", "Ana P. | 12/03/2026 18:40":
# a comment's heading line, its author and when it was posted
_COMMENT_HEADER = re.compile(
    r"(?m)^[ \t]*@?(?P<author>[^\s·•|@][^\n·•|]{0,58}?)[ \t]+[·•|][ \t]+"
    r"(?:hace[ \t]+\d+[ \t]*(?:s|seg|min|minutos?|h|horas?|d|días?|semanas?)\b|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}:\d{2})[^\n]*$"
)
# a comment ends at its reactions line ("👍 41 · Responder") or a blank line
_COMMENT_END = re.compile(r"(?m)^[^\n]*\bResponder\b[^\n]*$|^[ \t]*$")
_COMMENTS = 2  # headings, for a page to have a comment section


def attribute_posts(text: str, names, numbers, drafts: list[ClaimDraft]) -> None:
    for start, end in _paragraphs(text):
        signature = _post_signature(text, start, end, numbers)
        if signature is None:
            continue
        inside = [d for d in drafts if start <= d.anchor.start < signature[0] and d.source is None]
        if not inside:
            continue
        signed = [n for n in names if signature[0] <= n.start < signature[1] and n.label in ("PER", "ORG")]
        earlier = [d.source for d in drafts if d.anchor.start < start and d.source]
        author = signed[0].canonical if signed else (earlier[-1] if earlier else None)
        for draft in inside if author else []:
            draft.source = author
            draft.cues.append("source<-post-signature")


def _paragraphs(text: str):
    start = 0
    for line in text.split("\n"):
        yield start, start + len(line)
        start += len(line) + 1


def _post_signature(text: str, start: int, end: int, numbers) -> tuple[int, int] | None:
    """Where a paragraph's closing signature starts, if it ends with a date."""
    tail = text[start:end].rstrip(" .")
    dates = [n for n in numbers if n.label == "DATE" and start <= n.start and n.end == start + len(tail)]
    if not dates or "-" not in str(dates[0].value):
        return None
    date = dates[0]
    head = text[start : date.start]
    cut = max(head.rfind(". "), head.rfind("! "), head.rfind("? "), head.rfind("—"), head.rfind("–"))
    lead = head[cut + 1 :] if cut >= 0 else head
    if cut < 0 or len(lead.split()) > 5 or not any(c.isalpha() for c in lead):
        return None  # "...está prevista para el 1. julio 2027.": a paragraph ending in a date has no signature
    return start + cut + 1, date.end


def attribute_thread(text: str, names, drafts: list[ClaimDraft]) -> None:
    """A thread the page reproduces ("1/11 ...", "2/11 ...", each opening a
    paragraph) is its author's word: the person the page names last before
    its first post. Figures a post credits to someone else keep that source."""
    posts = _thread_posts(text)
    if len(posts) < _THREAD_POSTS:
        return
    authors = [n for n in names if n.label == "PER" and n.end <= posts[0].start()]
    if not authors:
        return
    for first, last in _post_extents(text, posts):
        for draft in (d for d in drafts if first <= d.anchor.start < last and d.source is None):
            draft.source = authors[-1].canonical
            draft.cues.append("source<-thread")


def _post_extents(text: str, posts: list[re.Match]) -> list[tuple[int, int]]:
    """Where the thread's words are: from its first post to the end of its
    last one's paragraph; or, where the page quotes each post, each quote
    alone (what comes between is the page's own verdict)."""
    if not all(p.group("quote") for p in posts):
        last = text.find("\n", posts[-1].end())
        return [(posts[0].start(), len(text) if last < 0 else last)]
    extents = []
    for post in posts:
        line_end = text.find("\n", post.end())
        line_end = len(text) if line_end < 0 else line_end
        closing = text.find(_CLOSING_QUOTE[post.group("quote")], post.end(), line_end)
        extents.append((post.start(), line_end if closing < 0 else closing))
    return extents


def _thread_posts(text: str) -> list[re.Match]:
    """The paragraphs numbered 1/N, 2/N, ... in order, one thread's length throughout."""
    posts = list(_THREAD_POST.finditer(text))
    if not posts:
        return []
    total = posts[0].group(3)
    numbered = [p for p in posts if p.group(3) == total]
    places = [int(p.group(2)) for p in numbered]
    return numbered if places == list(range(1, len(places) + 1)) and len(places) <= int(total) else []


def attribute_comments(text: str, names, drafts: list[ClaimDraft]) -> None:
    """A readers' comment section ('Néstor Florentín · hace 3 h' above each
    comment): each comment's figures are its author's word, by name or by
    handle, unless the comment credits them to someone else."""
    headers = list(_COMMENT_HEADER.finditer(text))
    if len(headers) < _COMMENTS:
        return
    for header in headers:
        end = _COMMENT_END.search(text, header.end() + 1)
        body_end = end.start() if end else len(text)
        author = _comment_author(header, names)
        for draft in (d for d in drafts if header.end() < d.anchor.start < body_end and d.source is None):
            draft.source = author
            draft.cues.append("source<-comment")


def _comment_author(header: re.Match, names) -> str:
    """The person named in the heading, or the handle as written."""
    start, end = header.span("author")
    named = next((n for n in names if start <= n.start and n.end <= end and n.label == "PER"), None)
    return named.canonical if named is not None else header.group("author").strip()
