#!/usr/bin/env python3
"""Streams of undated articles with gold events, built from summarization
sets of another kind than the development stream, to check that the
clusterer holds off the set it was learned on (bench/cluster_cross.sh).

DUC 2004 task 2 is 50 TDT topics (25 in the development half, 10 articles
each, no titles, no dates): the nearest we have to the undated TDT-style
corpus that decides issue 18. Multi-News clusters (2-10 web pages of one
event, boilerplate and near-empty pages included) are events of 2015-2017
news. Each stream is written in two orders, both fixed by a seed:
  shuffled  every article at a random place (every event spans the stream)
  bursty    each event starts at a random place and its articles follow
            within a short run, overlapping the others (how news arrives)
Articles with no text are left out (the clusterer refuses them).

Usage: cluster_streams.py [--seeds N] OUTDIR [DATADIR]
Writes OUTDIR/{duc2004,multinews}.{shuffled,bursty}.jsonl (and, with
--seeds N > 1, .1.jsonl ... for the orders of further seeds): lines
{"id", "title", "text", "event_id"}. Nothing is written into the repository.
"""
import json
import os
import random
import sys

SETS = ("duc2004", "multinews")


def articles(path):
    out = []
    for line in open(path, encoding="utf-8"):
        c = json.loads(line)
        for d in c["documents"]:
            if d.get("text", "").strip():
                out.append({"id": d["id"], "title": d.get("title") or "", "text": d["text"],
                            "event_id": c["id"]})
    return out


def shuffled(arts, rng):
    arts = list(arts)
    rng.shuffle(arts)
    return arts


def bursty(arts, rng):
    """Each event gets a start in [0, 1); its k-th article is placed at
    start + k * gap with a gap of a few hundredths of the stream."""
    starts = {}
    keyed = []
    for k, a in enumerate(arts):
        e = a["event_id"]
        if e not in starts:
            starts[e] = [rng.random(), 0]
        s = starts[e]
        keyed.append((s[0] + s[1] * rng.uniform(0.002, 0.02), k, a))
        s[1] += 1
    return [a for _, _, a in sorted(keyed, key=lambda t: (t[0], t[1]))]


def main():
    args = sys.argv[1:]
    seeds = 1
    if args[:1] == ["--seeds"]:
        seeds, args = int(args[1]), args[2:]
    out = args[0]
    data = args[1] if len(args) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data")
    os.makedirs(out, exist_ok=True)
    for name in SETS:
        path = os.path.join(data, name + ".dev.jsonl")
        if not os.path.exists(path):
            print("SKIP %s: %s is absent" % (name, path))
            continue
        arts = articles(path)
        for k in range(seeds):
            for order, fn in (("shuffled", shuffled), ("bursty", bursty)):
                tail = ".%d" % k if k else ""
                with open(os.path.join(out, "%s.%s%s.jsonl" % (name, order, tail)), "w",
                          encoding="utf-8") as f:
                    for a in fn(arts, random.Random(18 + k)):
                        f.write(json.dumps(a) + "\n")


if __name__ == "__main__":
    main()
