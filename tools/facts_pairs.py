#!/usr/bin/env python3
"""Rebuilds data/facts/pair_model.txt, the figure sheet's grouping model, from the annotated
clusters of tests/facts/gold/tune and dev2 (figures-gold/2; ../shared/design/FIGURES_GOLD.md).

  tools/facts_pairs.py [NEWSFUSE] [--check] [--out data/facts/pair_model.txt]

For every tune cluster, `newsfuse facts` runs with NF_FACTS_PAIRS set, so src/facts/group.c
writes the features of every pair of figures it scores (same outcome, no cannot-link). A pair
whose two figures both match in-scope gold mentions (same report, overlapping bytes) is a
positive when the mentions share a gold group, a negative otherwise. A logistic regression
(L2, deterministic Newton steps, plain Python) over those pairs gives the weights. `--check`
reports leave-one-cluster-out log-loss and pair accuracy instead of writing the model.

Training data: the development halves of DUC 2004/2006/2007 and Multi-News and the clustering
set (read at run time from ../shared/data; evaluation licences, see ../shared/data/README.md),
annotated here; the model file holds only weights.
"""
import json, math, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tests", "facts"))
import gold as goldlib  # noqa: E402

FEATURES = ["bias", "same_class", "generic", "other_class", "nat_one", "place_one", "same_value",
            "log_ratio", "same_doc", "cue", "vague", "other_status", "weak_event", "alias"]
L2 = 1.0  # the prior keeps weights of rare features near zero
TRAIN_PARTS = ["tune", "dev2"]  # never held: it decides whether targets are met


def cluster_pairs(nf, cid, c, data_dir):
    """(features, label) pairs of one gold cluster."""
    with tempfile.TemporaryDirectory() as tmp:
        dump = os.path.join(tmp, "pairs.tsv")
        if c["source_file"] == "texts":
            args = [os.path.join(ROOT, d) for d in c["documents"]]
        else:
            src = os.path.join(tmp, "cluster.jsonl")
            cl = None
            for line in open(os.path.join(data_dir, c["source_file"]), encoding="utf-8"):
                r = json.loads(line)
                if r["id"] == cid:
                    cl = r
                    break
            with open(src, "w", encoding="utf-8") as f:
                f.write(json.dumps(cl) + "\n")
            args = [src]
        env = dict(os.environ, NF_FACTS_PAIRS=dump)
        p = subprocess.run([nf, "facts", "--format", "json", *args], capture_output=True, env=env)
        out = json.loads(p.stdout)
        rows = [l.rstrip("\n").split("\t") for l in open(dump)] if os.path.exists(dump) else []
    figs = out["figures"]
    covered = set(c.get("covered", range(len(c["documents"]))))
    gold_of = {}
    for i, f in enumerate(figs):
        for m in c["mentions"]:
            if m.get("scope", "in") == "in" and m["doc"] == f["doc"]["index"] and \
                    f["start"] < m["end"] and m["start"] < f["end"]:
                gold_of[i] = m["group"]
                break
    pairs = []
    for r in rows:
        i, j = int(r[1]), int(r[2])
        if i in gold_of and j in gold_of and figs[i]["doc"]["index"] in covered:
            pairs.append(([float(x) for x in r[3:]], gold_of[i] == gold_of[j]))
    return pairs


def solve(A, b):
    """x with A x = b (Gaussian elimination with partial pivoting; A is small)."""
    n = len(b)
    M = [row[:] + [b[i]] for i, row in enumerate(A)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(M[r][c]))
        M[c], M[p] = M[p], M[c]
        for r in range(c + 1, n):
            f = M[r][c] / M[c][c]
            for k in range(c, n + 1):
                M[r][k] -= f * M[c][k]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (M[r][n] - sum(M[r][k] * x[k] for k in range(r + 1, n))) / M[r][r]
    return x


def prob(w, x):
    z = sum(a * b for a, b in zip(w, x))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def fit(X, y, l2=L2):
    """L2-regularised logistic regression by Newton steps (deterministic)."""
    d = len(X[0])
    w = [0.0] * d
    for _ in range(50):
        g = [l2 * w[k] for k in range(d)]
        H = [[l2 if i == j else 0.0 for j in range(d)] for i in range(d)]
        for x, t in zip(X, y):
            p = prob(w, x)
            for i in range(d):
                g[i] += (p - t) * x[i]
                if x[i]:
                    for j in range(d):
                        H[i][j] += p * (1 - p) * x[i] * x[j]
        step = solve(H, g)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(v) for v in step) < 1e-9:
            break
    return w


def main(a):
    skip = {a.index("--out") + 1} if "--out" in a else set()
    nf = next((x for i, x in enumerate(a) if not x.startswith("--") and i not in skip),
              os.path.join(ROOT, "build", "newsfuse"))
    out_path = a[a.index("--out") + 1] if "--out" in a else os.path.join(ROOT, "data", "facts", "pair_model.txt")
    parts = [os.path.join(ROOT, "tests", "facts", "gold", p) for p in TRAIN_PARTS]
    with tempfile.TemporaryDirectory() as data_dir:
        goldlib.make_data(data_dir)
        by_cluster = {}
        for part in parts:
            for name in sorted(os.listdir(part)):
                g = json.load(open(os.path.join(part, name), encoding="utf-8"))
                for cid, c in g["clusters"].items():
                    by_cluster[cid] = cluster_pairs(nf, cid, c, data_dir)
    allp = [p for ps in by_cluster.values() for p in ps]
    if not allp:
        sys.exit("facts_pairs: no scored pair matched the gold (is NF_FACTS_PAIRS supported?)")
    X = [p[0] for p in allp]
    y = [1.0 if p[1] else 0.0 for p in allp]
    print(f"{len(allp)} pairs ({int(sum(y))} same group) from {len(by_cluster)} clusters", file=sys.stderr)
    if "--check" in a:
        ll = acc = n = 0
        for cid, ps in by_cluster.items():
            if not ps:
                continue
            rest = [p for k, q in by_cluster.items() if k != cid for p in q]
            w = fit([p[0] for p in rest], [1.0 if p[1] else 0.0 for p in rest])
            for x, t in ps:
                pi = min(1 - 1e-6, max(1e-6, prob(w, x)))
                ll -= math.log(pi) if t else math.log(1 - pi)
                acc += (pi > 0.5) == bool(t)
                n += 1
        print(f"leave-one-cluster-out: log-loss {ll / n:.3f}, pair accuracy {acc / n:.3f} over {n} pairs")
        cur = {l.split("\t")[0]: float(l.split("\t")[1]) for l in open(out_path) if l[0] != "#" and "\t" in l}
        w = [cur.get(k, 0.0) for k in FEATURES]
        ok = sum((prob(w, x) > 0.5) == bool(t) for x, t in allp)
        print(f"{out_path} as it is: pair accuracy {ok / len(allp):.3f}")
        return
    w = fit(X, y)
    with open(out_path, "w") as f:
        f.write("# The grouping model of the figure sheet (src/facts/group.c): one weight per feature of\n"
                "# a pair of figures with the same outcome, FEATURE<TAB>WEIGHT; a pair's score is the\n"
                "# weighted sum (log-odds that the two count the same thing), and clusters merge while\n"
                "# their average score is above zero. Rebuilt by tools/facts_pairs.py (logistic\n"
                f"# regression, L2 {L2}) from {len(allp)} pairs of figures matched to the hand annotations\n"
                "# of tests/facts/gold/tune and dev2 (development halves of DUC 2004/2006/2007, Multi-News and the\n"
                "# clustering set, read from ../shared/data; this file holds weights only).\n")
        for name, v in zip(FEATURES, w):
            f.write(f"{name}\t{v:.4f}\n")
    print(f"wrote {out_path}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
