"""Fill the hand-written page templates in src/ with the article text.

Each template src/<page-id>.html is ordinary HTML written by hand, with
placeholders for the lines of the article it wraps (lines are numbered
from 1, as in the .txt file split on newlines):

  {{L n}}         line n, HTML-escaped (& < >), for element text
  {{A n}}         line n, escaped for an attribute value (also quotes)
  {{J n}}         line n as a JSON string, for JSON-LD
  {{P a-b}}       lines a..b, each as <p>...</p>, one per line of output,
                  indented like the placeholder
  {{P a-b attrs}} the same with attributes on each <p> (e.g. class="x")

Furniture lines of the press articles that a template splits into several
elements (breadcrumbs, tag lists, share bars) are typed into the template;
check.py verifies that every line of the .txt is still there verbatim.

Usage: python3 build.py   (run from anywhere; paths are relative to this file)
"""
import html
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent
PLACEHOLDER = re.compile(r"\{\{([LAJ]) (\d+)\}\}|\{\{P (\d+)-(\d+)(?: ([^}]*))?\}\}")


def article_path(entry):
    base = CORPUS / "articles" if entry["corpus"] == "house" else CORPUS / "press" / "articles"
    return base / (entry["article"] + ".txt")


def article_lines(entry):
    text = article_path(entry).read_text(encoding="utf-8")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def fill(template, lines):
    def line(n):
        if not 1 <= n <= len(lines):
            raise ValueError(f"line {n} out of range (1..{len(lines)})")
        return lines[n - 1]

    out = []
    for raw in template.split("\n"):
        indent = raw[: len(raw) - len(raw.lstrip(" "))]

        def sub(m):
            if m.group(1):
                kind, n = m.group(1), int(m.group(2))
                s = line(n)
                if kind == "L":
                    return html.escape(s, quote=False)
                if kind == "A":
                    return html.escape(s, quote=True)
                return json.dumps(s, ensure_ascii=False).replace("</", "<\\/")
            a, b, attrs = int(m.group(3)), int(m.group(4)), m.group(5)
            open_tag = f"<p {attrs}>" if attrs else "<p>"
            paras = [open_tag + html.escape(line(n), quote=False) + "</p>"
                     for n in range(a, b + 1) if line(n).strip()]
            return ("\n" + indent).join(paras)

        out.append(PLACEHOLDER.sub(sub, raw))
    return "\n".join(out)


def main():
    manifest = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest:
        template = (HERE / "src" / (entry["id"] + ".html")).read_text(encoding="utf-8")
        page = fill(template, article_lines(entry))
        if "{{" in page:
            raise ValueError(f"{entry['id']}: unfilled placeholder")
        (HERE / "pages" / (entry["id"] + ".html")).write_text(page, encoding="utf-8")
        print("wrote pages/" + entry["id"] + ".html")


if __name__ == "__main__":
    main()
