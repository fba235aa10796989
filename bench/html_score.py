#!/usr/bin/env python3
"""Scores extracted article bodies against the gold bodies of the article
extraction benchmark, with the benchmark's own metric: word 4-gram
shingles of \\w+ tokens (case kept), true/false positives and negatives
per page normalised by their sum, precision and recall averaged over the
pages (a page counts for precision when anything matched or was
predicted, for recall when anything matched or was missed), F1 of the two
averages.

usage: html_score.py GOLD.jsonl NAME=PRED.jsonl [NAME=PRED.jsonl ...]
  GOLD: {"id", "text"} per line (the data set, read where it lies).
  PRED: {"source": ".../ID.html", "text"} per line (newsfuse extract
        --format jsonl); a page missing from PRED counts as empty.
Prints, for each system, F1 P R on all pages and on the two halves split
by the md5 of the page id (even / odd), so that a change can be checked
to help both halves."""
import hashlib
import json
import os
import re
import sys
from collections import Counter

TOKEN = re.compile(r"\w+")


def shingles(text, n=4):
    tokens = TOKEN.findall(text or "")
    out = [tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))]
    return Counter(s for s in out if s)


def page_counts(gold, pred):
    g, p = shingles(gold), shingles(pred)
    tp = sum(min(c, p[k]) for k, c in g.items())
    fp = sum(p.values()) - tp
    fn = sum(g.values()) - tp
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def prf(counts):
    ps = [1.0 if fp == fn == 0 else 0.0 if tp == fp == 0 else tp / (tp + fp)
          for tp, fp, fn in counts if tp + fp > 0]
    rs = [1.0 if fp == fn == 0 else 0.0 if tp == fn == 0 else tp / (tp + fn)
          for tp, fp, fn in counts if tp + fn > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def half(page_id):
    return int(hashlib.md5(page_id.encode()).hexdigest(), 16) % 2


def load_pred(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            key = os.path.basename(rec.get("source") or "").rsplit(".", 1)[0]
            out[key] = rec.get("text") or ""
    return out


def main():
    gold = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
    per_page = os.environ.get("HTML_SCORE_PAGES")
    for arg in sys.argv[2:]:
        name, path = arg.split("=", 1)
        pred = load_pred(path)
        counts = {g["id"]: page_counts(g["text"], pred.get(g["id"], "")) for g in gold}
        cols = []
        for label, ids in (("all", [g["id"] for g in gold]),
                           ("half0", [g["id"] for g in gold if half(g["id"]) == 0]),
                           ("half1", [g["id"] for g in gold if half(g["id"]) == 1])):
            f1, p, r = prf([counts[i] for i in ids])
            cols.append("%s F1 %.4f P %.4f R %.4f (%d)" % (label, f1, p, r, len(ids)))
        print("%-12s %s" % (name, "  ".join(cols)))
        if per_page:
            with open(per_page + "." + name, "w") as f:
                for g in gold:
                    tp, fp, fn = counts[g["id"]]
                    p = tp / (tp + fp) if tp + fp else 0
                    r = tp / (tp + fn) if tp + fn else 0
                    f.write("%s %.3f %.3f %s\n" % (g["id"][:16], p, r, g["url"][:90]))


if __name__ == "__main__":
    main()
