#!/usr/bin/env python3
"""Inter-annotator agreement on the figure gold (figures-gold/2): the second annotation of a
cluster (tests/facts/gold/second/<id>.json, made blind to the first) scored against the first
(tests/facts/gold/tune/<id>.json or held/<id>.json) the way ../shared/tools/figures_score.py
scores the sheet, the second annotator standing in for the system. It is the ceiling the sheet
aims at. Reads offsets and fields only: no texts, so ../shared is not needed.

  python3 bench/facts_agreement.py [--second DIR] [--first DIR...] [-v]

Mentions: in-scope mentions of the documents both annotators covered. A mention of one annotator
matches one of the other in the same document whose byte span overlaps it, one to one (a
maximum matching, so P of the second against the first is R of the first against the second,
and F is the same either way). A mention overlapping only a mention the other annotator marked
optional is set aside on both sides, as the scorer sets aside the sheet's figures on optional
gold mentions (the counts are printed). A second table scores the second annotator exactly as the
scorer scores the sheet: there the first's in-scope mentions the second marked optional are
missed (the sheet has no "optional"), so mention P and R differ by direction.
  mentions   P/R/F of the second's mentions against the first's
  B3 match   B-cubed P/R/F of the second's groups against the first's over the matched mentions
             only (the grouping of what both marked; swapping the annotators swaps P and R)
  B3 scorer  B-cubed as figures_score.py computes it: over all the first's mentions, a mention
             the second missed is its own cluster; precision over the matched ones
  labels     agree/revised/conflict of the first's groups of two or more mentions, judged on the
             second's group holding most of the group's matched mentions (as the scorer does)
  disagree   R: the first's revised/conflict groups whose second's group is revised/conflict;
             P: the second's revised/conflict groups (with matched mentions) whose first's group
             (most of their matched mentions) is revised/conflict
  latest     the first's revised groups whose second's group's latest mention is the first's
             latest or a mention of the group with the same value
The last line printed is JSON (per cluster and overall).
"""
import argparse, collections, glob, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = os.path.join(HERE, "..", "tests", "facts", "gold")


def load(path):
    g = json.load(open(path, encoding="utf-8"))
    if g.get("format") != "figures-gold/2":
        sys.exit(f"{path}: expected format figures-gold/2")
    return g["clusters"]


def overlap(a, b):
    return a["doc"] == b["doc"] and a["start"] < b["end"] and b["start"] < a["end"]


def max_matching(left, right):
    """One-to-one matching of overlapping mentions (augmenting paths; the lists are small)."""
    adj = [[j for j, b in enumerate(right) if overlap(a, b)] for a in left]
    owner = {}  # right index -> left index

    def augment(i, seen):
        for j in adj[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(left)):
        augment(i, set())
    return {left[i]["id"]: right[j]["id"] for j, i in owner.items()}


def bcubed(items, pred, gold, found):
    """figures_score.py's B-cubed: precision over the found items, recall over all of them."""
    pc, gc = collections.defaultdict(set), collections.defaultdict(set)
    for i in items:
        pc[pred[i]].add(i)
        gc[gold[i]].add(i)
    if not items:
        return 0.0, 0.0, 0.0
    fi = [i for i in items if i in found]
    p = sum(len(pc[pred[i]] & gc[gold[i]]) / len(pc[pred[i]]) for i in fi) / len(fi) if fi else 0.0
    r = sum(len(pc[pred[i]] & gc[gold[i]]) / len(gc[gold[i]]) for i in items) / len(items)
    return p, r, f1(p, r)


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def ratio(a, b):
    return a / b if b else 0.0


def compare(cid, first, second, mode, verbose):
    """Counts and B-cubed items of one cluster, the first annotation as gold. mode "both": a
    mention one annotator has in scope and the other optional is set aside on both sides; mode
    "scorer": only on the second's side (as the scorer treats the sheet's figures), so the first's
    in-scope mentions the second marked optional are missed."""
    if first["documents"] != second["documents"]:
        sys.exit(f"{cid}: the two annotations list different documents")
    ndocs = len(first["documents"])
    covered = set(first.get("covered", range(ndocs))) & set(second.get("covered", range(ndocs)))
    t = collections.Counter()

    def split(c):
        ms = [m for m in c["mentions"] if m["doc"] in covered]
        return ([m for m in ms if m.get("scope", "in") == "in"],
                [m for m in ms if m.get("scope", "in") != "in"])

    f_in, f_opt = split(first)
    s_in, s_opt = split(second)

    def aside(mine, other_in, other_opt):
        return {m["id"] for m in mine if any(overlap(m, o) for o in other_opt)
                and not any(overlap(m, o) for o in other_in)}

    f_aside = aside(f_in, s_in, s_opt) if mode == "both" else set()
    s_aside = aside(s_in, f_in, f_opt)
    f_in = [m for m in f_in if m["id"] not in f_aside]
    s_in = [m for m in s_in if m["id"] not in s_aside]
    t["first_aside"], t["second_aside"] = len(f_aside), len(s_aside)
    match = max_matching(f_in, s_in)  # first id -> second id
    t["first"], t["second"], t["matched"] = len(f_in), len(s_in), len(match)
    fm = {m["id"]: m for m in f_in}
    sm = {m["id"]: m for m in s_in}
    s_group = {m["id"]: m["group"] for m in s_in}
    if verbose:
        back = set(match.values())
        for m in f_in:
            if m["id"] not in match:
                print(f"  {cid}: first only {m['surface']!r} doc {m['doc']} @{m['start']} "
                      f"({m['outcome']} {m['counted']})")
        for m in s_in:
            if m["id"] not in back:
                print(f"  {cid}: second only {m['surface']!r} doc {m['doc']} @{m['start']} "
                      f"({m['outcome']} {m['counted']})")

    # B-cubed items: the first's mentions, keyed by cluster
    items, pred, gold, found = [], {}, {}, set()
    for m in f_in:
        k = (cid, m["id"])
        items.append(k)
        gold[k] = (cid, m["group"])
        if m["id"] in match:
            pred[k] = (cid, "s", s_group[match[m["id"]]])
            found.add(k)
        else:
            pred[k] = ("miss", cid, m["id"])

    # labels, disagreements and latest on the first's groups of two or more mentions
    s_groups = {g["id"]: g for g in second["groups"]}
    by_group = collections.defaultdict(list)
    for m in f_in:
        by_group[m["group"]].append(m)
    for g in first["groups"]:
        members = by_group.get(g["id"], [])
        if len(members) < 2:
            continue
        hit = [s_group[match[m["id"]]] for m in members if m["id"] in match]
        sg = collections.Counter(hit).most_common(1)[0][0] if hit else None
        slab = s_groups[sg]["label"] if sg is not None else None
        t["multi"] += 1
        t["label_ok"] += slab == g["label"]
        if g["label"] in ("revised", "conflict"):
            t["dis_first"] += 1
            t["dis_found"] += slab in ("revised", "conflict")
        if g["label"] == "revised" and g.get("latest"):
            t["rev"] += 1
            latest = fm.get(g["latest"])
            slatest = sm.get(s_groups[sg].get("latest")) if sg is not None and s_groups[sg].get("latest") else None
            if latest is not None and slatest is not None:
                ok = {m["id"] for m in members if m["value"] == latest["value"]}
                t["rev_ok"] += any(overlap(slatest, m) for m in members if m["id"] in ok)
        if verbose and slab != g["label"]:
            vals = sorted({m["value"] for m in members})
            print(f"  {cid}: {g['id']} first {g['label']:<8} second {str(slab):<8} "
                  f"({members[0]['outcome']} {members[0]['counted']}, values {vals})")
    first_of = collections.defaultdict(list)  # second group -> the first's groups of its matches
    for fid, sid in match.items():
        first_of[s_group[sid]].append(fm[fid]["group"])
    f_label = {g["id"]: g["label"] for g in first["groups"]}
    for g in second["groups"]:
        if g["label"] in ("revised", "conflict") and g["id"] in first_of:
            t["dis_second"] += 1
            top = collections.Counter(first_of[g["id"]]).most_common(1)[0][0]
            t["dis_second_ok"] += f_label.get(top) in ("revised", "conflict")
    return t, (items, pred, gold, found)


def summary(t, b3):
    items, pred, gold, found = b3
    mp, mr = ratio(t["matched"], t["second"]), ratio(t["matched"], t["first"])
    # over matched mentions only: both sides' clusters restricted to the matched items
    mi = [i for i in items if i in found]
    bmp, bmr, bmf = bcubed(mi, pred, gold, set(mi))
    bsp, bsr, bsf = bcubed(items, pred, gold, found)
    r3 = lambda x: round(x, 3)
    return {
        "mentions": {"P": r3(mp), "R": r3(mr), "F": r3(f1(mp, mr))},
        "bcubed_matched": {"P": r3(bmp), "R": r3(bmr), "F": r3(bmf)},
        "bcubed_scorer": {"P": r3(bsp), "R": r3(bsr), "F": r3(bsf)},
        "labels": r3(ratio(t["label_ok"], t["multi"])),
        "disagree": {"R": r3(ratio(t["dis_found"], t["dis_first"])),
                     "P": r3(ratio(t["dis_second_ok"], t["dis_second"]))},
        "latest": r3(ratio(t["rev_ok"], t["rev"])),
        "counts": {k: t[k] for k in ("first", "second", "matched", "first_aside", "second_aside",
                                     "multi", "label_ok", "dis_first", "dis_found", "dis_second",
                                     "dis_second_ok", "rev", "rev_ok")},
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--second", default=os.path.join(GOLD, "second"))
    ap.add_argument("--first", nargs="+", default=[os.path.join(GOLD, "tune"), os.path.join(GOLD, "held")],
                    help="directories searched in order for the first annotation <id>.json")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="list each mention only one annotator marked and each label that differs")
    a = ap.parse_args()
    paths = sorted(glob.glob(os.path.join(a.second, "*.json")))
    if not paths:
        sys.exit(f"no second annotations in {a.second}")
    pairs = []
    for p in paths:
        for cid, sec in load(p).items():
            fp = next((os.path.join(d, cid + ".json") for d in a.first
                       if os.path.exists(os.path.join(d, cid + ".json"))), None)
            if fp is None:
                sys.exit(f"{cid}: no first annotation in {' or '.join(a.first)}")
            first = load(fp).get(cid)
            if first is None:
                sys.exit(f"{fp}: no cluster {cid}")
            pairs.append((cid, first, sec))
    out = {}
    for mode, title in (("both", "mentions in scope for one annotator and optional for the other set aside "
                                 "on both sides (symmetric)"),
                        ("scorer", "as figures_score.py would score the second annotator: the first's "
                                   "in-scope mentions the second left optional are missed")):
        total = collections.Counter()
        all_b3 = ([], {}, {}, set())
        rows = {}
        for cid, first, sec in pairs:
            t, b3 = compare(cid, first, sec, mode, a.verbose and mode == "scorer")
            rows[cid] = summary(t, b3)
            total.update(t)
            all_b3[0].extend(b3[0])
            for k in (1, 2):
                all_b3[k].update(b3[k])
            all_b3[3].update(b3[3])
        rows["all"] = summary(total, all_b3)
        out[mode] = rows
        print(f"# {title}")
        print(f"{'cluster':<24} {'1st':>4} {'2nd':>4} {'both':>4} | {'mentions P/R/F':<17} | "
              f"{'B3 matched P/R/F':<17} | {'B3 scorer P/R/F':<17} | {'labels':<11} | "
              f"{'disagree R':<10} {'P':<7} | latest")
        for cid, r in rows.items():
            c = r["counts"]
            prf = lambda d: f"{d['P']:.3f} {d['R']:.3f} {d['F']:.3f}"
            print(f"{cid:<24} {c['first']:>4} {c['second']:>4} {c['matched']:>4} | {prf(r['mentions'])} | "
                  f"{prf(r['bcubed_matched'])} | {prf(r['bcubed_scorer'])} | "
                  f"{r['labels']:.3f} {c['label_ok']:>2}/{c['multi']:<2} | "
                  f"{c['dis_found']:>2}/{c['dis_first']:<2}      {c['dis_second_ok']:>2}/{c['dis_second']:<2}   | "
                  f"{c['rev_ok']}/{c['rev']}")
        c = rows["all"]["counts"]
        print(f"set aside: first {c['first_aside']}, second {c['second_aside']}\n")
    print(json.dumps(out))

if __name__ == "__main__":
    main()
