"""Check that every page holds its article's text verbatim.

For each page listed in manifest.json:
  1. every non-empty line of the article .txt occurs verbatim in the page's
     text (the character data of the page with entities unescaped by
     html.parser, outside <head>, <script>, <style> and <template>, joined
     with nothing between nodes), and the lines occur in the .txt's order;
  2. every line not listed in furniture_lines occurs inside the article
     container: the nearest element around the one <h1> that is an
     <article> or has a NewsArticle/BlogPosting itemtype;
  3. the <h1> text is a line of the .txt and equals the manifest title and
     og:title; og:locale, og:site_name, canonical URL and
     article:published_time agree with the manifest;
  4. no <img>, <script> or stylesheet loads anything from the network.

Usage: python3 check.py   (exit status 1 if any check fails)
"""
import json
import sys
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
SKIP = {"head", "script", "style", "template"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []          # (tag, is_container)
        self.skip = 0
        self.text = []           # all visible character data
        self.container_depth = None
        self.container_text = []
        self.h1 = []
        self.h1_count = 0
        self.in_h1 = False
        self.pending_containers = []   # open container candidates: (depth, start index)
        self.container_span = None
        self.meta = {}
        self.links = []
        self.network = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta":
            key = a.get("property") or a.get("name")
            if key and "content" in a:
                self.meta.setdefault(key, a["content"])
        if tag == "link":
            self.links.append(a)
            if "stylesheet" in (a.get("rel") or "") and _remote(a.get("href")):
                self.network.append(("link", a.get("href")))
        if tag in ("img", "script", "iframe", "source", "video", "audio") and _remote(a.get("src")):
            self.network.append((tag, a.get("src")))
        if tag in VOID:
            return
        is_container = tag == "article" or any(
            t in (a.get("itemtype") or "") for t in ("NewsArticle", "BlogPosting"))
        self.stack.append((tag, is_container, len("".join(self.text))))
        if tag in SKIP:
            self.skip += 1
        if tag == "h1":
            self.h1_count += 1
            self.in_h1 = True
            # the container is the nearest open container element
            for i in range(len(self.stack) - 2, -1, -1):
                if self.stack[i][1]:
                    self.container_depth = i
                    break

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.stack:
            t, is_container, start = self.stack.pop()
            if t in SKIP:
                self.skip -= 1
            if t == "h1":
                self.in_h1 = False
            if self.container_depth is not None and len(self.stack) == self.container_depth \
                    and self.container_span is None:
                self.container_span = (start, len("".join(self.text)))
            if t == tag:
                break

    def handle_data(self, data):
        if self.skip:
            return
        self.text.append(data)
        if self.in_h1:
            self.h1.append(data)


def _remote(url):
    return bool(url) and (url.startswith("http:") or url.startswith("https:") or url.startswith("//"))


def article_lines(entry):
    base = HERE.parent / ("articles" if entry["corpus"] == "house" else "press/articles")
    text = (base / (entry["article"] + ".txt")).read_text(encoding="utf-8")
    return text.split("\n")


def check(entry):
    problems = []
    html_text = (HERE / "pages" / (entry["id"] + ".html")).read_text(encoding="utf-8")
    p = Page()
    p.feed(html_text)
    p.close()
    text = "".join(p.text)
    lines = article_lines(entry)
    furniture = set(entry.get("furniture_lines", []))
    if p.container_span is None:
        problems.append("no article container around the <h1>")
        container = ""
    else:
        container = text[p.container_span[0]:p.container_span[1]]
    pos = 0
    checked = 0
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        checked += 1
        if line not in text:
            problems.append(f"line {n} not found verbatim: {line[:60]!r}")
            continue
        found = text.find(line, pos)
        if found < 0:
            problems.append(f"line {n} out of order: {line[:60]!r}")
        else:
            pos = found + len(line)
        if n not in furniture and line not in container:
            problems.append(f"body line {n} not inside the article container")
    h1 = "".join(p.h1)
    if p.h1_count != 1:
        problems.append(f"{p.h1_count} <h1> elements")
    if h1 not in lines:
        problems.append(f"<h1> is not a line of the .txt: {h1[:60]!r}")
    if h1 != entry["title"] or p.meta.get("og:title") != entry["title"]:
        problems.append("manifest title, og:title and <h1> differ")
    if p.meta.get("og:locale") != entry["locale"]:
        problems.append("og:locale differs from the manifest")
    if p.meta.get("og:site_name") != entry["outlet"]:
        problems.append("og:site_name differs from the manifest outlet")
    canon = [l.get("href") for l in p.links if l.get("rel") == "canonical"]
    if canon != [entry["url"]]:
        problems.append(f"canonical {canon} differs from the manifest url")
    if not (p.meta.get("article:published_time") or "").startswith(entry["published"]):
        problems.append("article:published_time differs from the manifest date")
    if p.network:
        problems.append(f"loads from the network: {p.network}")
    return checked, problems


def main():
    manifest = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
    failed = 0
    total = 0
    for entry in manifest:
        checked, problems = check(entry)
        total += checked
        status = "ok" if not problems else "FAIL"
        print(f"{status:4} {entry['id']}: {checked} non-empty lines")
        for pr in problems:
            print("     - " + pr)
        failed += bool(problems)
    print(f"{len(manifest) - failed} passed, {failed} failed ({total} lines checked)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
