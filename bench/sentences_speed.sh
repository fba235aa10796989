#!/bin/sh
# Speed of the sentence segmenter: CPU seconds and MB/s of
# `newsfuse split --offsets` on three inputs of about SIZE MB each (default
# 50), best of REPEAT runs (default 3):
#   news     the report texts of the four summarization dev sets of
#            ../shared/data (DUC 2004, 2006, 2007 update, Multi-News), over
#            and over (read at run time, never copied here);
#   mixed    one line of abbreviations, initials, numbers, quotes and
#            ellipses (every candidate boundary the model weighs);
#   wrapped  the news texts hard-wrapped at 72 columns (the unwrapping
#            pass and its copy);
#   gaps     one line of words without terminators, a capitalised starter
#            every few words (every gap candidate the model weighs).
# usage: sh bench/sentences_speed.sh [BASELINE_NEWSFUSE]   (after make; with a
# baseline binary, e.g. one built from an older commit, its times too)
set -e
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
NF=${NF:-$BUILD/newsfuse}
BASE=${1:-}
SIZE=${SIZE:-50}
REPEAT=${REPEAT:-3}
DATA=${SHARED:-../shared}/data
[ -x "$NF" ] || { echo "sentences_speed: build first (make)" >&2; exit 2; }
[ -d "$DATA" ] || { echo "sentences_speed: $DATA is absent; nothing to time" >&2; exit 0; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
python3 - "$DATA" "$TMP" "$SIZE" <<'PY'
import json, sys, textwrap
data, tmp, size = sys.argv[1], sys.argv[2], int(sys.argv[3]) * 1000000
texts = []
for name in ("duc2004", "duc2006", "duc2007_update", "multinews"):
    for line in open("%s/%s.dev.jsonl" % (data, name), encoding="utf-8"):
        texts += [d["text"] for d in json.loads(line)["documents"]]
news = "\n\n".join(texts).encode("utf-8")
wrapped = "\n\n".join("\n".join(textwrap.wrap(p, 72)) for t in texts for p in t.split("\n\n") if p.strip())
wrapped = wrapped.encode("utf-8")
words = ("Mr. Smith met Sen. Warren at 4 p.m. on Jan. 5 in Washington, D.C. The U.S. Senate "
         "voted 52-48. \"Why?\" she asked. He paid $1,000.50 (about 3.5 times more)... J. R. R. "
         "Tolkien wrote it! Apple Inc. said so; e.g. No. 10 is 2.5 km away. ").encode("utf-8")
gaps = ("the food was great Thanks for the help It works fine we met The crew at noon and "
        "long lines on the weekends Great service But the price Some say ").encode("utf-8")
for name, unit in (("news", news), ("mixed", words), ("wrapped", wrapped), ("gaps", gaps)):
    with open("%s/%s.txt" % (tmp, name), "wb") as out:
        n = 0
        while n < size:
            out.write(unit)
            n += len(unit)
PY
# time_split BINARY FILE: the best CPU seconds (user + sys) of REPEAT runs.
time_split() {
    best=
    i=0
    while [ $i -lt "$REPEAT" ]; do
        /usr/bin/time -f "%U %S" -o "$TMP/t" "$1" split --offsets "$2" >/dev/null
        t=$(awk '{ printf "%.2f", $1 + $2 }' "$TMP/t")
        best=$(awk -v a="$best" -v b="$t" 'BEGIN { print (a == "" || b < a) ? b : a }')
        i=$((i + 1))
    done
    echo "$best"
}
printf '%-8s %8s %10s %8s' input MB seconds MB/s
[ -n "$BASE" ] && printf ' %14s %8s' "base seconds" "MB/s"
echo
for name in news mixed wrapped gaps; do
    f=$TMP/$name.txt
    mb=$(awk -v b="$(wc -c <"$f")" 'BEGIN { printf "%.1f", b / 1e6 }')
    t=$(time_split "$NF" "$f")
    printf '%-8s %8s %10s %8.1f' "$name" "$mb" "$t" "$(awk -v m="$mb" -v t="$t" 'BEGIN { print (t > 0) ? m / t : 0 }')"
    if [ -n "$BASE" ]; then
        b=$(time_split "$BASE" "$f")
        printf ' %14s %8.1f' "$b" "$(awk -v m="$mb" -v t="$b" 'BEGIN { print (t > 0) ? m / t : 0 }')"
    fi
    echo
done
