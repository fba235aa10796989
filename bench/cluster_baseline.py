#!/usr/bin/python3
"""The offline baseline beside `newsfuse cluster` (bench/cluster_eval.sh):
tf-idf vectors of every article (title and text; sublinear tf, English stop
words), average-link agglomerative clustering on cosine distance, which sees
every article at once, with its distance threshold tuned on the development
stream (a grid of 0.02 steps, best B-cubed F1). Dates are not used. Also
scored as the learned model is validated: the threshold tuned on one half of
the events, scored on the other, both ways.

With --cross DIR (bench/cluster_cross.sh): the threshold tuned on the
development stream, then scored on each stream of DIR (bench/cluster_streams.py);
the threshold best on each stream itself is printed beside it (an oracle).

Usage: /usr/bin/python3 bench/cluster_baseline.py [--cross DIR] [DEV.jsonl]
Needs Debian's python3-sklearn (bench/deps.sh).
"""
import json
import os
import sys

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cluster_bcubed import bcubed  # noqa: E402

GRID = [round(0.50 + 0.02 * k, 2) for k in range(25)]  # 0.50 .. 0.98


def cluster(arts, threshold):
    texts = [(a.get("title") or "") + "\n" + a["text"] for a in arts]
    x = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=1).fit_transform(texts)
    dist = 1.0 - cosine_similarity(x)
    np.clip(dist, 0.0, 2.0, out=dist)
    labels = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                     distance_threshold=threshold).fit_predict(dist)
    return {a["id"]: str(l) for a, l in zip(arts, labels)}


def score(arts, threshold):
    gold = {a["id"]: a["event_id"] for a in arts}
    return bcubed(gold, cluster(arts, threshold))[:3]


def tune(arts):
    return max(GRID, key=lambda t: (score(arts, t)[2], -t))


def cross(dev, folder):
    t = tune(dev)
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".jsonl"):
            continue
        arts = [json.loads(line) for line in open(os.path.join(folder, name), encoding="utf-8")]
        p, r, f = score(arts, t)
        best = tune(arts)
        print("baseline  %-20s B-cubed P %.4f R %.4f F1 %.4f (threshold %.2f, tuned on the development "
              "stream; best on this stream: %.2f, F1 %.4f)"
              % (name[:-6], p, r, f, t, best, score(arts, best)[2]))


def main():
    args = sys.argv[1:]
    folder = None
    if args[:1] == ["--cross"] and len(args) > 1:
        folder, args = args[1], args[2:]
    path = args[0] if args else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data", "clustering.dev.jsonl")
    if not os.path.exists(path):
        print("SKIP cluster_baseline: %s is absent" % path)
        return
    arts = [json.loads(line) for line in open(path, encoding="utf-8")]
    if folder:
        cross(arts, folder)
        return
    t = tune(arts)
    p, r, f = score(arts, t)
    print("baseline (tf-idf, average link, all at once), threshold tuned on the whole stream (%.2f): "
          "B-cubed P %.4f R %.4f F1 %.4f" % (t, p, r, f))
    events = sorted({a["event_id"] for a in arts})
    halves = [set(events[0::2]), set(events[1::2])]
    for k in (0, 1):
        train = [a for a in arts if a["event_id"] in halves[k]]
        test = [a for a in arts if a["event_id"] in halves[1 - k]]
        t = tune(train)
        p, r, f = score(test, t)
        print("baseline, threshold tuned on half %d (%.2f), scored on half %d: B-cubed P %.4f R %.4f F1 %.4f"
              % (k, t, 1 - k, p, r, f))


if __name__ == "__main__":
    main()
