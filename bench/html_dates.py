#!/usr/bin/env python3
"""Publication dates of saved web pages against a gold file: runs
newsfuse extract --format jsonl --url URL on each page and prints the
share of pages whose date is right to the day (no date counts as wrong),
with the pages per second, and on the two halves of the pages split by
the md5 of their file name; per-page results go to the file named by
HTML_DATES_PAGES when it is set.

usage: html_dates.py NEWSFUSE DIR   (DIR/gold.json = {file: {"url", "date"}})"""
import hashlib
import json
import os
import subprocess
import sys
import time


def main():
    nf, folder = sys.argv[1], sys.argv[2]
    gold = json.load(open(os.path.join(folder, "gold.json"), encoding="utf-8"))
    right = found = 0
    halves = [[0, 0], [0, 0]]  # [right, pages] by the md5 of the file name
    rows = []
    start = time.monotonic()
    for name, g in sorted(gold.items()):
        out = subprocess.run([nf, "extract", "--format", "jsonl", "--url", g["url"],
                              os.path.join(folder, name)], capture_output=True)
        date = None
        for line in out.stdout.decode("utf-8", "replace").split("\n"):
            if not line.strip():
                continue
            rec = json.loads(line)
            date = rec.get("date")
        found += date is not None
        right += date == g["date"]
        h = halves[int(hashlib.md5(name.encode()).hexdigest(), 16) % 2]
        h[0] += date == g["date"]
        h[1] += 1
        rows.append("%s %s %s %s" % ("ok" if date == g["date"] else "NO", g["date"], date, g["url"]))
    seconds = time.monotonic() - start
    n = len(gold)
    print("dates: %d pages, right to the day %.4f (%d), a date found %.4f, %.0f pages/s "
          "(one process per page); halves %.4f (%d), %.4f (%d)"
          % (n, right / n, right, found / n, n / seconds, halves[0][0] / max(1, halves[0][1]),
             halves[0][1], halves[1][0] / max(1, halves[1][1]), halves[1][1]))
    if os.environ.get("HTML_DATES_PAGES"):
        with open(os.environ["HTML_DATES_PAGES"], "w") as f:
            f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
