#!/usr/bin/python3
"""Learns the event clusterer's scorer (data/events/model.txt).

usage: train_events.py [--data DEV.jsonl] [--build DIR] [--out MODEL]
                       [--window-days N] [--l2 L] [--readings R,...] [--sets S,...]
                       [--check] [--cross] [--seeds N] [--verbose]

The clusterer computes its own candidate events and their features
(BUILD/tools/events_features, `make BUILD/tools/events_features`) while
every article is put into its gold event, so the features learned from are
the ones it computes at run time. This script fits an L2-regularised
logistic regression (Newton's method: no randomness, the same data gives
the same file byte for byte) over the (article, candidate event) pairs,
labelled 1 when the candidate is the article's gold event, of the stream
read twice: with its dates, and with every date removed, so the weights of
the word features do not lean on the time features (the held-out corpus
that decides is undated). The threshold is then the one that gives the
best B-cubed F1, averaged over the dated and the undated stream, when the
clusterer runs with those weights (a grid of 0.25 steps).

Validation: the events are split in two halves (by their sorted ids,
alternately); the model is learned on one half's articles and scored on
the other's, both ways, dated, undated and untitled. With --cross, also
on sets of another kind (bench/cluster_streams.py: DUC 2004 and
Multi-News as undated, untitled streams in several orders), each left out
of the sets learned from (--sets) in turn. The figures are printed; the
file written is learned from every event of the --sets.

Default data: ../shared/data/clustering.dev.jsonl (2,364 articles of DUC
2006 and 2007, 95 events; NIST research agreement: only the learned
numbers are written, never text).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "bench"))
from cluster_bcubed import bcubed  # noqa: E402

FEATURES = ["bias", "body", "title", "names", "near", "dated", "days", "size"]
GRID = [x / 4 for x in range(-16, 5)]


def pairs(tool, path, window, flags):
    cmd = [tool, "features", path, "--window-days", str(window)] + list(flags)
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True).stdout
    xs, ys, articles, found = [], [], 0, 0
    for line in out.splitlines():
        f = line.split()
        if f[0] == "A":
            articles += int(f[2])  # its gold event exists and is active
            found += int(f[3])
            continue
        ys.append(int(f[1]))
        xs.append([1.0] + [float(x) for x in f[2:]])
    return np.array(xs), np.array(ys, dtype=float), articles, found


def fit(x, y, l2):
    """L2-regularised logistic regression by Newton's method (bias unpenalised)."""
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2)
    reg[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + reg * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    return w


def cluster_f1(tool, path, gold, window, w, thr, flags):
    cmd = [tool, "cluster", path, "--window-days", str(window), "--weights",
           ",".join("%.6f" % x for x in w), "--threshold", "%.6f" % thr] + list(flags)
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True).stdout
    pred = dict(line.split("\t") for line in out.splitlines())
    return bcubed(gold, pred)[:3]


def tune(tool, runs, gold, window, w):
    """The threshold of the best B-cubed F1 averaged over the runs."""
    best = None
    for thr in GRID:
        f = [cluster_f1(tool, path, gold, window, w, thr, flags)[2] for path, flags in runs]
        score = sum(f) / len(f)
        if best is None or score > best[0] + 1e-12:
            best = (score, thr)
    return best[1]


def learn(tool, runs, window, l2):
    """Weights from the pairs of every run (one stream read several ways)."""
    xs, ys, n, k = [], [], 0, 0
    for path, flags in runs:
        x, y, n1, k1 = pairs(tool, path, window, flags)
        xs.append(x), ys.append(y)
        n, k = n + n1, k + k1
    return fit(np.vstack(xs), np.concatenate(ys), l2), k / max(n, 1)


def write_subset(lines, keep, path):
    with open(path, "w", encoding="utf-8") as f:
        for line in lines:
            if json.loads(line)["event_id"] in keep:
                f.write(line)


READINGS = {"dated": [], "as given": [], "undated": ["--undated"], "untitled": ["--undated", "--untitled"]}


def readings(path, names):
    return [(path, READINGS[n]) for n in names]


def read_gold(path, gold):
    lines = open(path, encoding="utf-8").readlines()
    for line in lines:
        a = json.loads(line)
        gold[a["id"]] = a["event_id"]
    return lines


def cross_streams(tmp, data_dir, seeds):
    """The streams of bench/cluster_streams.py: {set: [paths]} (DUC 2004,
    Multi-News; each shuffled and bursty, in `seeds` orders each)."""
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "cluster_streams.py"), "--seeds",
                    str(seeds), tmp, data_dir], check=True, stdout=subprocess.DEVNULL)
    out = {}
    for name in sorted(os.listdir(tmp)):
        out.setdefault(name.split(".")[0], []).append(os.path.join(tmp, name))
    return out


def report(tool, label, path, gold, window, w, thr, names):
    for name in names:
        p, r, f = cluster_f1(tool, path, gold, window, w, thr, READINGS[name])
        print("%s, %-8s: B-cubed P %.4f R %.4f F1 %.4f (threshold %.2f)" % (label, name, p, r, f, thr))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data", "clustering.dev.jsonl"))
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "events", "model.txt"))
    ap.add_argument("--window-days", type=int, default=0,
                    help="window while learning (default 0: events never retire)")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--readings", default="dated,undated",
                    help="how the development stream is read while learning: dated, undated, "
                    "untitled (undated and without titles); comma-separated")
    ap.add_argument("--sets", default="dev",
                    help="what the written model learns from: dev and any of duc2004, multinews "
                    "(bench/cluster_streams.py, undated and untitled); comma-separated")
    ap.add_argument("--seeds", type=int, default=3,
                    help="orders of each cross stream, shuffled and bursty (default 3)")
    ap.add_argument("--verbose", action="store_true", help="every cross stream's figures")
    ap.add_argument("--check", action="store_true", help="validate only, write nothing")
    ap.add_argument("--cross", action="store_true",
                    help="also validate across sets: the DUC 2004 and Multi-News streams, each "
                    "left out of the sets learned from in turn")
    args = ap.parse_args()
    tool = os.path.join(args.build, "tools", "events_features")
    if not os.path.exists(args.data):
        sys.exit("train_events: %s is absent" % args.data)
    names = args.readings.split(",")
    gold = {}
    lines = read_gold(args.data, gold)
    events = sorted({json.loads(line)["event_id"] for line in lines})
    halves = [set(events[0::2]), set(events[1::2])]
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k, h in enumerate(halves):
            paths.append(os.path.join(tmp, "half%d.jsonl" % k))
            write_subset(lines, h, paths[-1])
        for k in (0, 1):
            w, recall = learn(tool, readings(paths[k], names), args.window_days, args.l2)
            thr = tune(tool, readings(paths[k], names), gold, args.window_days, w)
            report(tool, "train half %d, test half %d" % (k, 1 - k), paths[1 - k], gold,
                   args.window_days, w, thr, ["dated", "undated", "untitled"])
        sets = args.sets.split(",")
        streams = {}  # the cross sets, only when they are asked for
        if args.cross or sets != ["dev"]:
            streams = cross_streams(os.path.join(tmp, "cross"), os.path.dirname(args.data), args.seeds)
        for orders in streams.values():
            for path in orders:
                read_gold(path, gold)
        # a set learned from is read in its first shuffled order
        runs_of = dict({n: [(x, []) for x in p if x.endswith(".shuffled.jsonl")]
                        for n, p in streams.items()}, dev=readings(args.data, names))
        missing = [s for s in sets if s not in runs_of]
        if missing:
            sys.exit("train_events: no stream for %s" % ",".join(missing))
        if args.cross:
            for held, orders in streams.items():
                train = [r for s in sets if s != held for r in runs_of[s]]
                w, _ = learn(tool, train, args.window_days, args.l2)
                thr = tune(tool, train, gold, args.window_days, w)
                f1 = []
                for path in orders:
                    p, r, f = cluster_f1(tool, path, gold, args.window_days, w, thr, [])
                    f1.append(f)
                    if args.verbose:
                        print("  %s: B-cubed P %.4f R %.4f F1 %.4f" % (os.path.basename(path), p, r, f))
                print("learned on %s, test %s: mean B-cubed F1 %.4f over %d orders (min %.4f, "
                      "threshold %.2f)" % ("+".join(s for s in sets if s != held), held,
                                           sum(f1) / len(f1), len(f1), min(f1), thr))
        if args.check:
            return
        train = [r for s in sets for r in runs_of[s]]
        w, recall = learn(tool, train, args.window_days, args.l2)
        thr = tune(tool, train, gold, args.window_days, w)
    print("candidate recall (gold event among the candidates, when it exists): %.4f" % recall)
    with open(args.out, "w", encoding="utf-8") as f:
        text = ("newsfuse event scorer (src/events/scorer.c): score = sum of weight * feature; an "
                "article joins its best candidate event when the score is at least the threshold. "
                "Learned by scripts/train_events.py (logistic regression, L2 %g, over the (article, "
                "candidate event) pairs of the stream read %s; threshold: the best B-cubed F1 "
                "averaged over them) from %s. Only these numbers come from it."
                % (args.l2, ", ".join(names), "; ".join(SOURCES[s] for s in sets)))
        for line in textwrap.wrap(text, 86):
            f.write("# %s\n" % line)
        for name, x in zip(FEATURES, w):
            f.write("%s %.4f\n" % (name, x))
        f.write("threshold %.2f\n" % thr)
    print("wrote %s" % args.out)


SOURCES = {
    "dev": "../shared/data/clustering.dev.jsonl (2,364 articles of DUC 2006 and 2007, NIST research "
           "use, 95 events)",
    "duc2004": "../shared/data/duc2004.dev.jsonl (DUC 2004 task 2, TDT topics, NIST research agreement)",
    "multinews": "../shared/data/multinews.dev.jsonl (Multi-News, non-commercial research use)",
}


if __name__ == "__main__":
    main()
