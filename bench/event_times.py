#!/usr/bin/env python3
"""Time per event against words per event (bench/speed.sh): summarizes
each line of a cluster JSONL file on one thread through the binding and
prints a table by event size, with microseconds per input word."""

import json
import sys
import time

import newsfuse

BUCKETS = [0, 1000, 2000, 5000, 10000, 20000, 50000, 10 ** 9]


def main(path, repeat=3):
    rows = []
    with open(path, "rb") as f:
        for line in f:
            if not line.strip():
                continue
            best = None
            for _ in range(repeat):
                t = time.perf_counter()
                rec = newsfuse.summarize_line(line)
                took = time.perf_counter() - t
                best = took if best is None else min(best, took)
            rows.append((json.loads(rec)["stats"]["words"], best))
    print("| words per event | events | mean words | mean ms/event | µs per word |")
    print("|---|---|---|---|---|")
    for lo, hi in zip(BUCKETS, BUCKETS[1:]):
        sel = [(w, t) for w, t in rows if lo <= w < hi]
        if not sel:
            continue
        words = sum(w for w, _ in sel)
        secs = sum(t for _, t in sel)
        label = "%d-%s" % (lo, hi if hi < 10 ** 9 else "")
        print("| %s | %d | %.0f | %.2f | %.2f |" % (label, len(sel), words / len(sel),
                                                   1000 * secs / len(sel), 1e6 * secs / max(words, 1)))
    # A least-squares fit of log(time) on log(words): the growth exponent.
    import math
    pts = [(math.log(w), math.log(t)) for w, t in rows if w > 0 and t > 0]
    n = len(pts)
    mx, my = sum(x for x, _ in pts) / n, sum(y for _, y in pts) / n
    slope = sum((x - mx) * (y - my) for x, y in pts) / sum((x - mx) ** 2 for x, _ in pts)
    print("\ntime ~ words^%.2f over %d events (1.00 = linear)" % (slope, n))


if __name__ == "__main__":
    main(sys.argv[1])
