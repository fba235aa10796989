#!/usr/bin/env python3
"""Paired comparison of two option sets on every development set: per-cluster
ROUGE of B minus A, its mean and a 95% bootstrap interval over the clusters
(2000 resamples, seeded), and how many clusters changed.

  python3 bench/paired_rouge.py [--nf NEWSFUSE] [--a "OPTIONS"] --b "OPTIONS"

e.g. --b "--standalone" compares the option with the default. Summaries come
from `newsfuse batch --cut` at each set's length (DUC 2007: update sets B and
C only) and are scored by `newsfuse rouge -d` under the set's flags (recall,
Multi-News F), so the means are a few hundredths from `newsfuse eval`'s. The
texts are read at run time from ../shared/data (SHARED=DIR); nothing of them
is written anywhere but a temporary directory."""
import json, os, random, shlex, subprocess, sys, tempfile

SETS = {
    "duc2004": (100, 2, "-n 4 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -a -l 100"),
    "multinews": (260, 4, "-n 4 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -a"),
    "duc2006": (250, 2, "-n 2 -m -2 4 -u -x -c 95 -r 1000 -f A -p 0.5 -t 0 -a -l 250"),
    "duc2007_update": (100, 2, "-n 2 -m -2 4 -u -x -c 95 -r 1000 -f A -p 0.5 -t 0 -a -l 100"),
}
METRICS = ("ROUGE-1", "ROUGE-2", "ROUGE-SU4")


def per_cluster(nf, data, name, opts, tmp):
    """{cluster id: {metric: score in %}} of one option set on one set."""
    words, col, flags = SETS[name]
    raw, sysf = os.path.join(tmp, "raw.jsonl"), os.path.join(tmp, "sys.jsonl")
    subprocess.run([nf, "batch", data, "-o", raw, "--words", str(words), "--cut"] + opts,
                   check=True, capture_output=True)
    with open(sysf, "w", encoding="utf-8") as f:
        for line in open(raw, encoding="utf-8"):
            r = json.loads(line)
            if name == "duc2007_update" and not r["id"].endswith(("-B", "-C")):
                continue
            f.write(json.dumps({"id": r["id"], "summary": "\n".join(s["text"] for s in r["summary"])}) + "\n")
    p = subprocess.run([nf, "rouge"] + flags.split() + ["-d", sysf, data], capture_output=True, text=True,
                       check=True)
    scores = {}
    for line in p.stdout.splitlines():
        t = line.split()
        if line.startswith("  ") and len(t) >= 6 and t[1] in METRICS:
            scores.setdefault(t[-1], {})[t[1]] = float(t[col]) * 100
    return scores


def main():
    args, nf, a, b = sys.argv[1:], "build/newsfuse", "", None
    for i in range(0, len(args) - 1, 2):
        if args[i] == "--nf":
            nf = args[i + 1]
        elif args[i] == "--a":
            a = args[i + 1]
        elif args[i] == "--b":
            b = args[i + 1]
    if b is None:
        print(__doc__, file=sys.stderr)
        return 2
    shared = os.environ.get("SHARED", "../shared") + "/data"
    if not os.path.isdir(shared):
        print(f"paired_rouge: no {shared}: nothing to compare", file=sys.stderr)
        return 0
    print(f"B ({b or 'default'}) minus A ({a or 'default'}): mean [95% bootstrap interval]")
    for name in SETS:
        data = os.path.join(shared, name + ".dev.jsonl")
        if not os.path.exists(data):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            A = per_cluster(nf, data, name, shlex.split(a), tmp)
            B = per_cluster(nf, data, name, shlex.split(b), tmp)
        ids = sorted(set(A) & set(B))
        cells = []
        for m in METRICS:
            d = [B[i][m] - A[i][m] for i in ids]
            rnd = random.Random(1)
            means = sorted(sum(rnd.choice(d) for _ in d) / len(d) for _ in range(2000))
            cells.append(f"{m[6:]} {sum(d) / len(d):+.2f} [{means[50]:+.2f}, {means[1949]:+.2f}]")
        changed = sum(1 for i in ids if A[i] != B[i])
        print(f"{name:15} {changed:3}/{len(ids)} clusters changed  " + "  ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
