#!/usr/bin/env python3
"""B-cubed precision, recall and F1 of a clustering against gold events.

Usage: cluster_bcubed.py GOLD.jsonl PRED.jsonl
GOLD: article lines with "id" and "event_id" (../shared/data/clustering.dev.jsonl);
PRED: lines {"id", "event"} (newsfuse cluster --format jsonl, or the baseline).
Per article: precision is the share of its predicted event that shares its gold
event, recall the share of its gold event that shares its predicted event;
both averaged over the articles (Bagga & Baldwin 1998). Prints one line.
"""
import json
import sys
from collections import Counter


def bcubed(gold, pred):
    ids = [i for i in gold if i in pred]
    gsize = Counter(gold[i] for i in ids)
    psize = Counter(pred[i] for i in ids)
    both = Counter((gold[i], pred[i]) for i in ids)
    p = sum(both[(gold[i], pred[i])] / psize[pred[i]] for i in ids) / len(ids)
    r = sum(both[(gold[i], pred[i])] / gsize[gold[i]] for i in ids) / len(ids)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0, len(ids)


def main():
    gold = {}
    for line in open(sys.argv[1], encoding="utf-8"):
        a = json.loads(line)
        gold[a["id"]] = a["event_id"]
    pred = {}
    for line in open(sys.argv[2], encoding="utf-8"):
        a = json.loads(line)
        pred.setdefault(a["id"], a["event"])
    p, r, f, n = bcubed(gold, pred)
    print("B-cubed P %.4f R %.4f F1 %.4f (%d articles, %d events, %d gold events)"
          % (p, r, f, n, len(set(pred.values())), len(set(gold.values()))))


if __name__ == "__main__":
    main()
