#!/usr/bin/env python3
"""Tools for the figure-sheet gold annotations (figures-gold/2, ../shared/design/FIGURES_GOLD.md).

The annotations hold byte offsets and normalised fields only; the texts are read at run time from
../shared/data (licensed for evaluation: never copied into the repository).

  gold.py show SET CLUSTER [--docs N]   print a cluster's reports with every number-like expression
                                        marked [[start-end|surface]] (UTF-8 byte offsets into the
                                        document's text), for annotating
  gold.py find SET CLUSTER DOC START TEXT
                                        the byte offsets of TEXT in report DOC at or after START
  gold.py check FILE...                 validate gold files (offsets match surfaces, groups, labels)
  gold.py merge FILE... > OUT.json      one figures-gold/2 file from several (clusters must not repeat)
  gold.py data DIR                      make DIR a data folder for figures_score.py: links to
                                        ../shared/data's files plus clustering.events.jsonl (the
                                        clustering set's events as clusters)

SET is a file name of ../shared/data (multinews.dev.jsonl, duc2004.dev.jsonl, ...),
`clustering.events.jsonl` (the first six articles of one event id of clustering.dev.jsonl, by
date, then id), or `texts` with CLUSTER a directory of text files (the bundled example): its documents
are the directory's files in name order.
"""
import collections, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("SHARED", os.path.join(HERE, "..", "..", "..", "shared"))
DATA = os.path.join(SHARED, "data")

NUMBER = re.compile(
    r"(?<![\w])(?:\d+(?:,\d{3})*(?:\.\d+)?(?:\s+(?:million|billion|thousand|hundred))?"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand|dozen|dozens|hundreds|thousands|scores|a|an|both|all|"
    r"several|no|none)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)(?![\w])",
    re.I)
# Articles and quantifiers are only marked before a capitalised word or a people noun, to keep
# the listing readable; the annotator still judges every mark.
WEAK = {"a", "an", "both", "all", "several", "no", "none"}


EVENT_DOCS = 6  # an event's first six articles: enough for revisions, small enough to annotate


def events_clusters():
    ev = collections.defaultdict(list)
    for line in open(os.path.join(DATA, "clustering.dev.jsonl"), encoding="utf-8"):
        r = json.loads(line)
        ev[r["event_id"]].append(r)
    out = []
    for e in sorted(ev):
        arts = sorted(ev[e], key=lambda a: (a.get("date") or "", a["id"]))[:EVENT_DOCS]
        out.append({"id": e, "documents": [{"id": a["id"], "title": a.get("title"),
                                             "date": a.get("date"), "text": a["text"]} for a in arts]})
    return out


def load(setname, cid):
    if setname == "texts":
        files = sorted(os.listdir(cid))
        docs = [{"id": f, "title": None, "date": None,
                 "text": open(os.path.join(cid, f), "rb").read().decode("utf-8")} for f in files
                if f.endswith(".txt")]
        return {"id": os.path.basename(cid.rstrip("/")), "documents": docs}
    if setname == "clustering.events.jsonl":
        for c in events_clusters():
            if c["id"] == cid:
                return c
        sys.exit(f"{cid}: no such event in clustering.dev.jsonl")
    for line in open(os.path.join(DATA, setname), encoding="utf-8"):
        r = json.loads(line)
        if r["id"] == cid:
            return r
    sys.exit(f"{cid}: not in {setname}")


def show(setname, cid, ndocs):
    c = load(setname, cid)
    docs = c["documents"][:ndocs] if ndocs else c["documents"]
    print(f"cluster {c['id']}: {len(c['documents'])} documents, ids {[d['id'] for d in c['documents']]}")
    for i, d in enumerate(docs):
        b = d["text"].encode("utf-8")
        print(f"\n===== doc {i} id={d['id']} date={d.get('date')} title={d.get('title')!r} bytes={len(b)}")
        text = d["text"]
        out, last = [], 0
        # map char offsets to byte offsets incrementally
        for m in NUMBER.finditer(text):
            w = m.group(0)
            if w.lower() in WEAK:
                nxt = text[m.end():m.end() + 30].split()
                if not nxt or not (nxt[0][:1].isupper() or nxt[0].lower().rstrip(",.") in
                                   ("people", "of", "men", "women", "children", "hostages")):
                    continue
            s = len(text[:m.start()].encode("utf-8"))
            e = s + len(w.encode("utf-8"))
            out.append(text[last:m.start()])
            out.append(f"[[{s}-{e}|{w}]]")
            last = m.end()
        out.append(text[last:])
        print("".join(out))


def find(setname, cid, doc, start, needle):
    c = load(setname, cid)
    b = c["documents"][doc]["text"].encode("utf-8")
    nb = needle.encode("utf-8")
    i = b.find(nb, start)
    if i < 0:
        sys.exit(f"not found after byte {start}")
    print(i, i + len(nb))


OUTCOMES = {"killed", "injured", "missing", "freed", "held", "arrested", "evacuated", "displaced",
            "rescued", "aboard", "survived", "hospitalized", "critical", "attacked", "deployed",
            "involved"}
QUALIFIERS = {"exact", "at least", "about", "more than", "up to", "fewer than", "range", "vague"}
STATUSES = {"current", "previous", "projected", "feared", "claimed", "negated", "hypothetical"}
LABELS = {"agree", "revised", "conflict", "single"}


def check_file(path):
    errs = []
    g = json.load(open(path, encoding="utf-8"))
    if g.get("format") != "figures-gold/2":
        return [f"{path}: format is not figures-gold/2"]
    for cid, c in g["clusters"].items():
        where = f"{path}: {cid}"
        sf = c["source_file"]
        if sf == "texts":
            base = os.path.join(HERE, "..", "..")
            docs = [open(os.path.join(base, d), "rb").read() for d in c["documents"]]
        else:
            cl = load(sf, cid)
            if [d["id"] for d in cl["documents"]] != c["documents"]:
                errs.append(f"{where}: documents differ from {sf}")
                continue
            docs = [d["text"].encode("utf-8") for d in cl["documents"]]
        covered = set(c.get("covered", range(len(docs))))
        gids = {x["id"] for x in c["groups"]}
        mids = set()
        used = collections.Counter()
        for m in c["mentions"]:
            w = f"{where} {m.get('id')}"
            if m["id"] in mids:
                errs.append(f"{w}: repeated id")
            mids.add(m["id"])
            if not 0 <= m["doc"] < len(docs):
                errs.append(f"{w}: no document {m['doc']}")
                continue
            if m["doc"] not in covered:
                errs.append(f"{w}: document {m['doc']} is not covered")
            got = docs[m["doc"]][m["start"]:m["end"]].decode("utf-8", "replace")
            if got != m["surface"]:
                errs.append(f"{w}: bytes {m['start']}-{m['end']} are {got!r}, not {m['surface']!r}")
            if m.get("group") not in gids:
                errs.append(f"{w}: group {m.get('group')} is not listed")
            if m.get("scope", "in") not in ("in", "optional"):
                errs.append(f"{w}: scope {m.get('scope')}")
            if m.get("scope", "in") == "in":
                used[m["group"]] += 1
            oc = m.get("outcome", "")
            if oc not in OUTCOMES and not oc.startswith("other:"):
                errs.append(f"{w}: outcome {oc!r}")
            if m.get("qualifier") not in QUALIFIERS:
                errs.append(f"{w}: qualifier {m.get('qualifier')!r}")
            if m.get("status") not in STATUSES:
                errs.append(f"{w}: status {m.get('status')!r}")
            if m.get("part_of") is not None and m["part_of"] not in {x["id"] for x in c["mentions"]}:
                errs.append(f"{w}: part_of {m['part_of']} is not a mention")
        for x in c["groups"]:
            if x["label"] not in LABELS:
                errs.append(f"{where} {x['id']}: label {x['label']!r}")
            if x["label"] == "revised" and x.get("latest") not in mids:
                errs.append(f"{where} {x['id']}: revised without a latest mention")
            if x.get("latest") is not None and x["label"] != "revised":
                errs.append(f"{where} {x['id']}: latest on a {x['label']} group")
    return errs


def merge(paths):
    out = {"format": "figures-gold/2", "clusters": {}}
    for p in paths:
        g = json.load(open(p, encoding="utf-8"))
        for cid, c in g["clusters"].items():
            if cid in out["clusters"]:
                sys.exit(f"{p}: cluster {cid} repeats")
            out["clusters"][cid] = c
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    print()


def make_data(d):
    os.makedirs(d, exist_ok=True)
    for f in os.listdir(DATA):
        dst = os.path.join(d, f)
        if not os.path.lexists(dst):
            os.symlink(os.path.abspath(os.path.join(DATA, f)), dst)
    with open(os.path.join(d, "clustering.events.jsonl"), "w", encoding="utf-8") as f:
        for c in events_clusters():
            f.write(json.dumps(c, ensure_ascii=False) + "\n")


def main(a):
    if len(a) >= 3 and a[0] == "show":
        n = int(a[a.index("--docs") + 1]) if "--docs" in a else 0
        show(a[1], a[2], n)
    elif len(a) == 6 and a[0] == "find":
        find(a[1], a[2], int(a[3]), int(a[4]), a[5])
    elif len(a) >= 2 and a[0] == "check":
        errs = [e for p in a[1:] for e in check_file(p)]
        for e in errs:
            print(e)
        print(f"{len(errs)} problems in {len(a) - 1} files")
        sys.exit(1 if errs else 0)
    elif len(a) >= 2 and a[0] == "merge":
        merge(a[1:])
    elif len(a) == 2 and a[0] == "data":
        make_data(a[1])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
