#!/usr/bin/python3
"""Trains the sentence segmenter's boundary model (data/segmenter/en.model).

usage: train_segmenter.py [--train GOLD.jsonl] [--out MODEL] [--build DIR]
                          [--learner logistic|perceptron] [--epochs N]
                          [--prior P] [--l2 L] [--cv K] [--eval GOLD.jsonl ...]

The segmenter finds its candidate boundaries and their features itself
(BUILD/tools/seg_features, `make BUILD/tools/seg_features`), following the
gold decisions, so the features trained on are the ones it computes at run
time. This script learns their weights and writes them as integers, one
"WEIGHT FEATURE" line each, sorted: the same data gives the same file, byte
for byte (a fixed order of examples, no randomness, standard library only).

The learner (default): L2-regularised logistic regression by AdaGrad, in
which the hand-written rules' verdict ("rule=+", "rule=-", see
src/text/sentences_run.c) has the fixed weight +-PRIOR and every other
feature learns a correction to it (the gaps between two words, which
have no rules' verdict, are decided by their own features and the bias
"b=gap"). --prior 0 learns the verdict's weight
like the rest; --learner perceptron is an averaged perceptron. The
defaults were chosen by 5-fold cross-validation on the training documents
(doc/SEGMENTER.md, "The learned model"); the development sets were not
used to choose them.

Default training data: ../shared/data/sentences.ud_ewt_train.jsonl (UD
English EWT train, CC BY-SA 4.0). --cv K reports K-fold cross-validated
CoNLL 2018 sentence F1 on the training documents (folds of whole documents,
document i in fold i mod K); --eval scores the trained model on other gold
files.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

SCALE = 1000   # weights are written as round(weight * SCALE)
MIN_COUNT = 2  # features seen fewer times are left out
PRUNE = 10     # logistic: weights below this (after SCALE) are left out
ETA = 0.2      # logistic: AdaGrad's step
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "bench"))
from sentence_f1 import trimmed  # noqa: E402


def candidates(tool, gold, model):
    """Returns [(doc, label, [feature, ...]), ...] for every candidate of gold."""
    out = subprocess.run([tool, "features", gold, model], check=True, stdout=subprocess.PIPE).stdout
    rows = []
    for line in out.decode("utf-8", "surrogateescape").split("\n"):
        if line:
            parts = line.split(" ")
            rows.append((int(parts[0]), parts[1] == "1", parts[3:]))
    return rows


def lcg_order(n, seed):
    """A permutation of range(n) from a fixed linear congruential generator
    (the same in every Python version, unlike random.shuffle's stream)."""
    order = list(range(n))
    x = seed
    for i in range(n - 1, 0, -1):
        x = (x * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        j = (x >> 33) % (i + 1)
        order[i], order[j] = order[j], order[i]
    return order


def kept_features(rows):
    """The features of each row, those seen fewer than MIN_COUNT times left out."""
    counts = {}
    for _, _, feats in rows:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    return [[f for f in feats if counts[f] >= MIN_COUNT] for _, _, feats in rows]


def train_logistic(rows, a):
    """L2-regularised logistic regression by AdaGrad, the rules' verdict
    fixed at +-a.prior; returns {feature: integer weight}."""
    keep = kept_features(rows)
    labels = [1.0 if label else 0.0 for _, label, _ in rows]
    fixed = {"rule=+": a.prior, "rule=-": -a.prior} if a.prior else {}
    w, g2 = dict(fixed), {}
    for epoch in range(a.epochs):
        for i in lcg_order(len(rows), 1000 + epoch):
            feats = keep[i]
            z = max(-30.0, min(30.0, sum(w.get(f, 0.0) for f in feats)))
            g = 1.0 / (1.0 + math.exp(-z)) - labels[i]
            for f in feats:
                if f in fixed:
                    continue
                wf = w.get(f, 0.0)
                gf = g + a.l2 * wf
                g2[f] = g2.get(f, 0.0) + gf * gf
                w[f] = wf - ETA * gf / math.sqrt(g2[f])
    model = {}
    for f, wf in w.items():
        iw = int(math.floor(wf * SCALE + 0.5))
        if abs(iw) >= PRUNE or f in fixed:
            model[f] = iw
    return model


def train_perceptron(rows, a):
    """Averaged perceptron; returns {feature: integer weight}."""
    keep = kept_features(rows)
    labels = [label for _, label, _ in rows]
    w, total, stamp = {}, {}, {}
    c = 1
    for epoch in range(a.epochs):
        for i in lcg_order(len(rows), 1000 + epoch):
            feats = keep[i]
            if (sum(w.get(f, 0.0) for f in feats) > 0) != labels[i]:
                v = 1.0 if labels[i] else -1.0
                for f in feats:
                    wf = w.get(f, 0.0)
                    total[f] = total.get(f, 0.0) + (c - stamp.get(f, 0)) * wf
                    stamp[f] = c
                    w[f] = wf + v
            c += 1
    model = {}
    for f, wf in w.items():
        iw = int(math.floor((total.get(f, 0.0) + (c - stamp.get(f, 0)) * wf) / c * SCALE + 0.5))
        if iw:
            model[f] = iw
    return model


def train(rows, a):
    return train_logistic(rows, a) if a.learner == "logistic" else train_perceptron(rows, a)


def write_model(model, path, note):
    with open(path, "w", encoding="utf-8", errors="surrogateescape", newline="\n") as out:
        for line in note:
            out.write("# %s\n" % line)
        for f in sorted(model, key=lambda k: k.encode("utf-8", "surrogateescape")):
            out.write("%d %s\n" % (model[f], f))


def score(tool, gold, model, keep=None):
    """Returns (gold, predicted, correct) sentence counts of the model on
    gold; keep, a file, gets the predictions appended."""
    pred = subprocess.run([tool, "split", gold, model], check=True, stdout=subprocess.PIPE).stdout
    if keep:
        with open(keep, "ab") as k:
            k.write(pred)
    offsets = {}
    for line in pred.decode("utf-8").split("\n"):
        if line:
            rec = json.loads(line)
            offsets[rec["id"]] = rec["offsets"]
    n_gold = n_pred = n_ok = 0
    for line in open(gold, encoding="utf-8"):
        if line.strip():
            doc = json.loads(line)
            text = doc["text"].encode("utf-8")
            g = trimmed(text, doc["offsets"])
            p = trimmed(text, offsets.get(doc["id"], []))
            n_gold, n_pred, n_ok = n_gold + len(g), n_pred + len(p), n_ok + len(g & p)
    return n_gold, n_pred, n_ok


def f1_line(name, counts):
    g, p, ok = counts
    prec, rec = ok / p if p else 0.0, ok / g if g else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return "%-28s gold %d predicted %d correct %d  P %.4f R %.4f F1 %.4f" % (name, g, p, ok, prec, rec, f1)


def cross_validate(tool, gold, rows, a):
    docs = [line for line in open(gold, encoding="utf-8") if line.strip()]
    total = [0, 0, 0]
    if a.cv_predictions:
        open(a.cv_predictions, "w").close()
    with tempfile.TemporaryDirectory() as tmp:
        for fold in range(a.cv):
            held = {d for d in range(len(docs)) if d % a.cv == fold}
            mpath, gpath = os.path.join(tmp, "m"), os.path.join(tmp, "g.jsonl")
            write_model(train([r for r in rows if r[0] not in held], a), mpath, [])
            with open(gpath, "w", encoding="utf-8") as g:
                g.writelines(docs[d] for d in sorted(held))
            counts = score(tool, gpath, mpath, a.cv_predictions)
            total = [x + y for x, y in zip(total, counts)]
            print(f1_line("fold %d" % fold, counts))
    print(f1_line("cross-validated (%d folds)" % a.cv, total))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", default=os.path.join(ROOT, "..", "shared", "data", "sentences.ud_ewt_train.jsonl"))
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "segmenter", "en.model"))
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--learner", default="logistic", choices=["logistic", "perceptron"])
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--prior", type=float, default=8.0, help="logistic: the rules' verdict's fixed weight")
    ap.add_argument("--l2", type=float, default=0.1, help="logistic: the L2 penalty")
    ap.add_argument("--cv", type=int, default=0)
    ap.add_argument("--cv-predictions", help="write the cross-validated predictions here")
    ap.add_argument("--eval", nargs="*", default=[])
    a = ap.parse_args()
    tool = os.path.join(a.build, "tools", "seg_features")
    # The features do not depend on the weights (the pass follows the gold
    # decisions): an empty model gives the same candidates.
    with tempfile.NamedTemporaryFile("w", suffix=".model") as empty:
        empty.write("# empty\n")
        empty.flush()
        rows = candidates(tool, a.train, empty.name)
    if a.cv:
        cross_validate(tool, a.train, rows, a)
    model = train(rows, a)
    learner = ("logistic regression, rules' verdict fixed at +-%g, L2 %g" % (a.prior, a.l2)
               if a.learner == "logistic" else "averaged perceptron")
    write_model(model, a.out, [
        "newsfuse sentence boundary model: feature weights x%d (WEIGHT FEATURE per line)" % SCALE,
        "made by scripts/train_segmenter.py: %s, %d epochs, features seen %d times or more," % (learner, a.epochs, MIN_COUNT),
        "from UD English EWT train (%d candidate boundaries), CC BY-SA 4.0: see data/segmenter/README.md" % len(rows)])
    print("%s: %d features" % (a.out, len(model)))
    for gold in a.eval:
        print(f1_line(os.path.basename(gold), score(tool, gold, a.out)))


if __name__ == "__main__":
    main()
