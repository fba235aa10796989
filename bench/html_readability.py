#!/usr/bin/env python3
"""Runs Debian's readability-lxml (python3-readability) over the pages
named on the command line, printing {"source", "text"} per page as
newsfuse extract --format jsonl does, and the seconds it took on stderr.
The benchmark's own runner turns readability's HTML into text with
html_text; Debian has no html_text, so block elements end lines here."""
import json
import sys
import time

import lxml.html
from readability import Document

BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td",
          "blockquote", "pre", "section", "article", "ul", "ol", "table", "figure"}


def to_text(fragment):
    if not fragment.strip():
        return ""
    root = lxml.html.fromstring(fragment)
    parts = []
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in BLOCKS:
            parts.append("\n")
        if el.text and isinstance(el.tag, str):
            parts.append(el.text)
        if el.tail:
            parts.append(el.tail)
    return "".join(parts).strip()


def main():
    start = time.monotonic()
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8", errors="replace") as f:
            html = f.read()
        try:
            text = to_text(Document(html).summary(html_partial=True))
        except Exception as e:  # a page readability cannot read counts as empty
            print("readability: %s: %s" % (path, e), file=sys.stderr)
            text = ""
        print(json.dumps({"source": path, "text": text}))
    print("seconds %.3f" % (time.monotonic() - start), file=sys.stderr)


if __name__ == "__main__":
    main()
