#!/usr/bin/env python3
"""Share of summary sentences that cannot stand alone (issue 16): a sentence
that opens or closes a quotation it does not contain (its double quotes do
not balance), or that starts with a pronoun, demonstrative or connective
whose referent or antecedent is not in the sentence.

  python3 bench/standalone.py [NEWSFUSE] [--method M] [--standalone] [--show N]

Runs `newsfuse batch` on each development set under ../shared/data with the
set's length (DUC 2004 and 2007: 100 words; DUC 2006: 250; Multi-News: 260;
no cut: whole sentences, as a reader sees them) and prints, per set, the
sentences checked and the share of each kind. The texts are read at run
time; nothing of them is written anywhere. --show N prints N flagged
sentences per set (for reading, never for the repository)."""
import json, os, re, subprocess, sys, tempfile

LEADS = {"He", "She", "They", "His", "Her", "Their", "This", "These", "That", "Those", "Such",
         "But", "And", "Also", "However", "Meanwhile", "Still", "Yet", "It", "Its", "Him", "Them"}
CHECKED = LEADS - {"It", "Its", "Him", "Them"}  # the list; the others are shown apart
SETS = [("duc2004", "duc2004.dev.jsonl", 100), ("multinews", "multinews.dev.jsonl", 260),
        ("duc2006", "duc2006.dev.jsonl", 250), ("duc2007", "duc2007_update.dev.jsonl", 100)]


def quotes_unbalanced(s):
    straight = s.count('"')
    opening, closing = s.count("\u201c"), s.count("\u201d")
    return straight % 2 == 1 or opening != closing


def first_word(s):
    m = re.match(r"[\s\"'\u201c\u2018(]*([A-Za-z]+)", s)
    return m.group(1) if m else ""


def main():
    args = sys.argv[1:]
    nf = "build/newsfuse"
    method, show, extra = None, 0, []
    i = 0
    while i < len(args):
        if args[i] == "--method":
            method = args[i + 1]; i += 2
        elif args[i] == "--show":
            show = int(args[i + 1]); i += 2
        elif args[i] == "--standalone":
            extra.append(args[i]); i += 1
        else:
            nf = args[i]; i += 1
    data = os.environ.get("SHARED", "../shared") + "/data"
    if not os.path.isdir(data):
        print(f"standalone: no {data}: nothing to check", file=sys.stderr)
        return 0
    total_n = total_bad = 0
    for name, fname, words in SETS:
        src = os.path.join(data, fname)
        if not os.path.exists(src):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "out.jsonl")
            cmd = [nf, "batch", src, "-o", out, "--words", str(words)]
            if method:
                cmd += ["--method", method]
            cmd += extra
            p = subprocess.run(cmd, capture_output=True)
            if p.returncode not in (0, 1):
                print(f"standalone: {name}: newsfuse batch failed: {p.stderr.decode()[-200:]}", file=sys.stderr)
                return 2
            recs = [json.loads(l) for l in open(out, encoding="utf-8")]
        if name == "duc2007":
            recs = [r for r in recs if re.search(r"-[BC]$", r.get("id") or "")]
        n = quote = lead = other = 0
        shown = []
        for r in recs:
            # A block: summary sentences that follow each other in one report
            # with nothing between them (a unit the selector took whole) are
            # judged together: the quotes over the block, the opener of its
            # first sentence only.
            blocks = []
            for s in r.get("summary", []):
                d = s["doc"]["index"] if isinstance(s.get("doc"), dict) else s.get("doc")
                prev = blocks[-1][-1] if blocks else None
                pd = (prev["doc"]["index"] if isinstance(prev.get("doc"), dict) else prev.get("doc")) if prev else None
                if prev is not None and pd == d and 0 <= s["start"] - prev["end"] <= 3:
                    blocks[-1].append(s)
                else:
                    blocks.append([s])
            for b in blocks:
                t = " ".join(x["text"] for x in b)
                n += len(b)
                q = quotes_unbalanced(t)
                w = first_word(b[0]["text"])
                l = w in CHECKED
                quote += len(b) * q
                lead += (l and not q)
                other += (w in LEADS - CHECKED) and not q and not l
                if (q or l) and len(shown) < show:
                    shown.append(("quote" if q else w, t))
        bad = quote + lead
        total_n += n
        total_bad += bad if name in ("duc2004", "multinews") else 0
        print(f"{name:10} {n:5} sentences: cannot stand alone {100 * bad / max(1, n):5.1f}% "
              f"(quotes {100 * quote / max(1, n):.1f}%, leading word {100 * lead / max(1, n):.1f}%; "
              f"besides, It/Its/Him/Them {100 * other / max(1, n):.1f}%)")
        for why, t in shown:
            print(f"    [{why}] {t[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
