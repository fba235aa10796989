#!/usr/bin/env python3
"""Scores `newsfuse facts` against tests/facts/annotations.txt.

For each annotated cluster, the first NDOCS reports are taken from
../shared/data (read at run time, never copied), the sheet is made with
`newsfuse facts --format jsonl`, and its grouped figures (counts with an
event) are matched to the annotated ones: same report, same value, same
event. Groups are matched through their figures (a system group stands for
the annotated group most of its matched figures belong to). Prints
precision and recall of figures, groups, and the conflict/revised labels.
Usage: facts_score.py NEWSFUSE ANNOTATIONS SHARED_DATA_DIR
"""
import collections, json, os, subprocess, sys, tempfile

SETS = {"duc2004": "duc2004.dev.jsonl", "duc2006": "duc2006.dev.jsonl",
        "duc2007": "duc2007_update.dev.jsonl", "multinews": "multinews.dev.jsonl",
        "clustering": "clustering.dev.jsonl"}


def read_annotations(path):
    clusters, figs, labels = [], collections.defaultdict(list), {}
    batch = "dev"
    for line in open(path):
        f = line.split()
        if not f or f[0].startswith("#"):
            continue
        if f[0] == "batch":
            batch = f[1]
        elif f[0] == "cluster":
            clusters.append((f[1], f[2], int(f[3]), batch))
        elif f[0] == "fig":
            figs[f[1]].append({"doc": int(f[2]), "value": f[3], "event": f[4], "group": f[5]})
        elif f[0] == "group":
            labels[(f[1], f[2])] = f[3]
    return clusters, figs, labels


def load_cluster(shared, set_name, cid, ndocs):
    if set_name == "clustering":  # dated articles with an event id
        docs = [json.loads(line) for line in open(os.path.join(shared, SETS[set_name]))]
        docs = sorted((d for d in docs if d["event_id"] == cid), key=lambda d: (d["date"] or "", d["id"]))
        docs = [{"id": d["id"], "title": d["title"], "date": d["date"], "text": d["text"]} for d in docs]
        return {"id": cid, "documents": docs[:ndocs]}
    for line in open(os.path.join(shared, SETS[set_name])):
        d = json.loads(line)
        if d["id"] == cid:
            docs = [x if isinstance(x, dict) else {"text": x} for x in d["documents"]][:ndocs]
            return {"id": cid, "documents": docs}
    raise SystemExit("cluster %s not found" % cid)


def run_sheet(nf, cluster):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as t:
        t.write(json.dumps(cluster) + "\n")
    try:
        out = subprocess.run([nf, "facts", "--format", "jsonl", t.name], check=True,
                             capture_output=True, text=True).stdout
    finally:
        os.unlink(t.name)
    return json.loads(out)


def value_matches(gold, fig):
    if gold == "vague":
        return fig["qualifier"] == "vague"
    return fig["low"] is not None and float(gold) == fig["low"] and fig["qualifier"] != "vague"


def match_figures(gold, sheet):
    """Greedy one-to-one matching in document order; returns {sys idx: gold idx}."""
    sys_figs = [f for f in sheet["figures"] if f["group"] is not None]
    used, pairs = set(), {}
    for f in sys_figs:
        for gi, g in enumerate(gold):
            if gi not in used and g["doc"] == f["doc"]["index"] and g["event"] == f["event"] \
                    and value_matches(g["value"], f):
                used.add(gi)
                pairs[f["id"]] = gi
                break
    return sys_figs, pairs


def score_groups(cid, gold, labels, sheet, pairs):
    """Maps system groups to annotated ones; returns counts for P/R."""
    best = {}  # gold group -> (matched count, system group)
    mapped = {}
    for g in sheet["groups"]:
        votes = collections.Counter(gold[pairs[i]]["group"] for i in g["figures"] if i in pairs)
        if votes:
            name, n = max(sorted(votes.items()), key=lambda kv: kv[1])
            mapped[g["id"]] = name
            if n > best.get(name, (0, None))[0]:
                best[name] = (n, g["id"])
    gold_groups = [k[1] for k in labels if k[0] == cid]
    c = collections.Counter()
    c["sys_groups"] = len(sheet["groups"])
    c["gold_groups"] = len(gold_groups)
    c["group_tp"] = len(best)
    sys_label = {g["id"]: g["label"] for g in sheet["groups"]}
    for lab in ("conflict", "revised"):
        for g in sheet["groups"]:
            if g["label"] == lab:
                c["sys_" + lab] += 1
                name = mapped.get(g["id"])
                if name and best[name][1] == g["id"] and labels[(cid, name)] == lab:
                    c["tp_" + lab] += 1
        for name in gold_groups:
            if labels[(cid, name)] == lab:
                c["gold_" + lab] += 1
                if name in best and sys_label[best[name][1]] == lab:
                    c["found_" + lab] += 1
    return c


def ratio(a, b):
    return "%.3f" % (a / b) if b else "n/a"


def report(name, t):
    print("%s:" % name)
    print("  figures   precision %s recall %s (%d matched, %d system, %d annotated)" % (
        ratio(t["fig_tp"], t["sys_figs"]), ratio(t["fig_tp"], t["gold_figs"]), t["fig_tp"], t["sys_figs"],
        t["gold_figs"]))
    print("  groups    precision %s recall %s (%d found, %d system, %d annotated)" % (
        ratio(t["group_tp"], t["sys_groups"]), ratio(t["group_tp"], t["gold_groups"]), t["group_tp"],
        t["sys_groups"], t["gold_groups"]))
    for lab in ("conflict", "revised"):
        print("  %-9s precision %s recall %s (%d of %d system right, %d of %d annotated found)" % (
            lab, ratio(t["tp_" + lab], t["sys_" + lab]), ratio(t["found_" + lab], t["gold_" + lab]),
            t["tp_" + lab], t["sys_" + lab], t["found_" + lab], t["gold_" + lab]))


def main():
    nf, ann, shared = sys.argv[1:4]
    verbose = len(sys.argv) > 4 and sys.argv[4] == "-v"
    clusters, gold_figs, labels = read_annotations(ann)
    totals = collections.OrderedDict()
    print("%-14s %-6s %5s %5s %5s   %6s %6s %6s" % ("cluster", "batch", "gold", "sys", "match", "groups",
                                                  "found", "sys"))
    for set_name, cid, ndocs, batch in clusters:
        sheet = run_sheet(nf, load_cluster(shared, set_name, cid, ndocs))
        gold = gold_figs[cid]
        sys_figs, pairs = match_figures(gold, sheet)
        c = score_groups(cid, gold, labels, sheet, pairs)
        c["gold_figs"], c["sys_figs"], c["fig_tp"] = len(gold), len(sys_figs), len(pairs)
        totals.setdefault(batch, collections.Counter()).update(c)
        print("%-14s %-6s %5d %5d %5d   %6d %6d %6d" % (cid, batch, len(gold), len(sys_figs), len(pairs),
                                                      c["gold_groups"], c["group_tp"], c["sys_groups"]))
        if verbose:
            matched = set(pairs.values())
            for i, g in enumerate(gold):
                if i not in matched:
                    print("    missed   doc %d %s %s" % (g["doc"], g["value"], g["event"]))
            for f in sys_figs:
                if f["id"] not in pairs:
                    print("    extra    doc %d %s %s %s" % (f["doc"]["index"], f["text"], f["event"], f["counted"]))
            for g in sheet["groups"]:
                if g["label"] in ("conflict", "revised"):
                    print("    label    %s %s %s" % (g["label"], g["event"], g["counted"]))
    totals["all"] = sum(totals.values(), collections.Counter())
    print()
    for batch, t in totals.items():
        report(batch, t)


if __name__ == "__main__":
    main()
