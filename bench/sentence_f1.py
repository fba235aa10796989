#!/usr/bin/env python3
"""CoNLL 2018 sentence F1 of predicted sentence boundaries against gold.

usage: sentence_f1.py GOLD.jsonl PRED.jsonl [--errors N]

GOLD: one {"id","text","offsets"} per line (UTF-8 byte offsets).
PRED: one {"id","offsets"} per line, as `newsfuse split --jsonl` prints.
A gold sentence counts as found when a predicted sentence has both the
same start and the same end, each trimmed of white space (the CoNLL 2018
shared task's sentence metric). Precision, recall and F1 are summed over
all documents (micro-averaged). --errors N prints N missed gold sentences
and N wrong predicted ones, to study failure classes.
"""
import json
import sys


def trimmed(text, spans):
    """Returns the set of (start, end) spans trimmed of white space, empty ones dropped."""
    out = set()
    for start, end in spans:
        while start < end and text[start:start + 1].isspace():
            start += 1
        while end > start and text[end - 1:end].isspace():
            end -= 1
        if end > start:
            out.add((start, end))
    return out


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    n_errors = int(argv[argv.index("--errors") + 1]) if "--errors" in argv else 0
    gold = [json.loads(line) for line in open(argv[1], encoding="utf-8") if line.strip()]
    pred = {}
    for line in open(argv[2], encoding="utf-8"):
        if line.strip():
            rec = json.loads(line)
            pred[rec["id"]] = rec["offsets"]
    n_gold = n_pred = n_ok = 0
    missed, wrong = [], []
    for doc in gold:
        text = doc["text"].encode("utf-8")
        g = trimmed(text, doc["offsets"])
        p = trimmed(text, pred.get(doc["id"], []))
        n_gold, n_pred, n_ok = n_gold + len(g), n_pred + len(p), n_ok + len(g & p)
        missed += [(doc["id"], text[s:e]) for s, e in sorted(g - p)]
        wrong += [(doc["id"], text[s:e]) for s, e in sorted(p - g)]
    precision = n_ok / n_pred if n_pred else 0.0
    recall = n_ok / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print("gold %d predicted %d correct %d  P %.4f R %.4f F1 %.4f"
          % (n_gold, n_pred, n_ok, precision, recall, f1))
    for label, items in (("MISSED", missed), ("WRONG", wrong)):
        for doc_id, sent in items[:n_errors]:
            print("%s %s: %s" % (label, doc_id, sent.decode("utf-8", "replace").replace("\n", "\\n")))


if __name__ == "__main__":
    main(sys.argv)
