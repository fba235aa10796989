#!/usr/bin/env python3
"""facts_frames.py: how often the figure sheet's frame fields agree with the gold annotations'
(tests/facts/gold/, figures-gold/2): speaker, outcome and status of every in-scope gold mention a
sheet figure overlaps (grouped or not). The strict scorer (bench/facts_eval.sh) does not score
these fields; this does, for changes that touch them (the syntax of src/facts/syntax.c).

  bench/facts_frames.py [newsfuse] [tune|dev2|held|dev] [-v]

Speaker: equal after folding case, a leading article and a possessive, or the same last word
("KWS spokesman Paul Udoto" / "Kenya Wildlife Service spokesman Paul Udoto"), or every gold word
in the sheet's; none on both sides is right. Counts right / wrong (both name one, not the same) /
missed (gold names one, the sheet none) / extra (the sheet names one, gold none). Outcome and
status: equal strings (the sheet's "" is gold's null). -v prints each speaker that is not right.
Reads ../shared (data and tools/figures_score.py); prints nothing but a message when absent."""
import collections, glob, json, os, re, subprocess, sys, tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SHARED = os.environ.get("SHARED", os.path.join(ROOT, "..", "shared"))


def norm(s):
    s = (s or "").lower().replace("\u2019", "'")
    s = re.sub(r"'s\b|'", "", s)
    w = re.findall(r"[a-z0-9.]+", s)
    while w and w[0] in ("the", "a", "an"):
        w = w[1:]
    return w


def speaker_ok(gold, ours):
    g, o = norm(gold), norm(ours)
    if not g or not o:
        return not g and not o
    return g == o or g[-1] == o[-1] or all(x in o for x in g)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "-v" in sys.argv
    nf = next((a for a in args if os.sep in a), os.path.join(ROOT, "build", "newsfuse"))
    split = next((a for a in args if os.sep not in a), "tune")
    if not os.path.isfile(os.path.join(SHARED, "tools", "figures_score.py")):
        print("facts_frames: ../shared is absent; nothing to score", file=sys.stderr)
        return 0
    sys.path.insert(0, os.path.join(SHARED, "tools"))
    import figures_score as fs
    sets = ["tune", "dev2"] if split == "dev" else [split]
    files = sorted(f for s in sets for f in glob.glob(os.path.join(ROOT, "tests/facts/gold", s, "*.json")))
    t = collections.Counter()
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "data")
        subprocess.run([sys.executable, os.path.join(ROOT, "tests/facts/gold.py"), "data", data], check=True,
                       env=dict(os.environ, SHARED=SHARED))
        for fn in files:
            for cid, c in json.load(open(fn, encoding="utf-8"))["clusters"].items():
                cluster, paths = fs.load_cluster(c, cid, data, ROOT)
                figs = fs.run_facts(nf, cluster, paths).get("figures", [])
                for m in c["mentions"]:
                    if m.get("scope", "in") != "in":
                        continue
                    h = [f for f in figs if f["doc"]["index"] == m["doc"] and f["start"] < m["end"]
                         and m["start"] < f["end"]]
                    if not h:
                        continue
                    f = h[0]
                    t["matched"] += 1
                    g, o = m.get("speaker"), f.get("speaker")
                    if speaker_ok(g, o):
                        t["speaker_right"] += 1
                    else:
                        kind = "speaker_missed" if not o else "speaker_extra" if not g else "speaker_wrong"
                        t[kind] += 1
                        if verbose:
                            print(f"  {cid} doc {m['doc']} @{m['start']} {m['surface']!r}: gold {g!r} ours {o!r}")
                    t["outcome_right"] += (m.get("outcome") or "") == (f.get("event") or "")
                    t["status_right"] += (m.get("status") or "current") == (f.get("status") or "current")
    n = t["matched"] or 1
    print(f"matched {t['matched']} | speaker right {t['speaker_right']} ({t['speaker_right'] / n:.3f}) "
          f"wrong {t['speaker_wrong']} missed {t['speaker_missed']} extra {t['speaker_extra']} | "
          f"outcome {t['outcome_right'] / n:.3f} | status {t['status_right'] / n:.3f}")
    print(json.dumps(dict(t)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
