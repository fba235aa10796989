#!/bin/sh
# The HTML main-text extractor on the article extraction benchmark's
# development pages (../shared/data/html.aeb.dev.jsonl, read where it lies;
# the pages are written to a temporary folder, never into the repository):
# the benchmark's metric (bench/html_score.py: word 4-gram shingles, P and
# R averaged over pages, F1) for newsfuse extract and, beside it on the
# same pages, Debian's readability-lxml (apt-get install
# python3-readability: sh bench/deps.sh), with pages per second and MB of
# HTML per second.
#
#   sh bench/html_extract.sh            newsfuse and readability-lxml
#   NO_PEER=1 sh bench/html_extract.sh  newsfuse only
#   REPEAT=5 ...                        newsfuse's speed: best of 5 runs
# HTML_SCORE_PAGES=FILE writes each page's P and R to FILE.<system>.
cd "$(dirname "$0")/.." || exit 2
BUILD=${BUILD:-build}
DATA=${NF_DATA:-../shared/data}/html.aeb.dev.jsonl
NF=$BUILD/newsfuse
if [ ! -f "$DATA" ]; then
    echo "SKIP html_extract: $DATA is absent"
    exit 0
fi
[ -x "$NF" ] || { echo "html_extract: build first (make)" >&2; exit 2; }
TMP=$(mktemp -d) || exit 2
trap 'rm -rf "$TMP"' EXIT
mkdir "$TMP/pages"
/usr/bin/python3 - "$DATA" "$TMP/pages" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    rec = json.loads(line)
    with open("%s/%s.html" % (sys.argv[2], rec["id"]), "w", encoding="utf-8") as f:
        f.write(rec["html"])
PY
pages=$(ls "$TMP"/pages/*.html | wc -l)
bytes=$(cat "$TMP"/pages/*.html | wc -c)

# Speed: the best of REPEAT runs over every page (one process, as a user
# would run it; reading and printing included).
best=
for _ in $(seq "${REPEAT:-3}"); do
    t0=$(date +%s.%N)
    "$NF" extract --format jsonl "$TMP"/pages/*.html >"$TMP/nf.jsonl" 2>"$TMP/nf.err"
    t1=$(date +%s.%N)
    s=$(echo "$t1 - $t0" | bc)
    if [ -z "$best" ] || [ "$(echo "$s < $best" | bc)" -eq 1 ]; then best=$s; fi
done
systems="newsfuse=$TMP/nf.jsonl"
printf "%-12s %d pages, %.1f MB: %.3f s, %.0f pages/s, %.1f MB/s\n" newsfuse "$pages" \
    "$(echo "$bytes / 1000000" | bc -l)" "$best" "$(echo "$pages / $best" | bc -l)" \
    "$(echo "$bytes / 1000000 / $best" | bc -l)"

if [ -z "$NO_PEER" ]; then
    if /usr/bin/python3 -c 'import readability' 2>/dev/null; then
        /usr/bin/python3 bench/html_readability.py "$TMP"/pages/*.html >"$TMP/rd.jsonl" 2>"$TMP/rd.err"
        s=$(sed -n 's/^seconds //p' "$TMP/rd.err")
        printf "%-12s %d pages, %.1f MB: %.3f s, %.0f pages/s, %.1f MB/s\n" readability "$pages" \
            "$(echo "$bytes / 1000000" | bc -l)" "$s" "$(echo "$pages / $s" | bc -l)" \
            "$(echo "$bytes / 1000000 / $s" | bc -l)"
        systems="$systems readability=$TMP/rd.jsonl"
    else
        echo "readability-lxml is not installed (apt-get install python3-readability): newsfuse only"
    fi
fi
# shellcheck disable=SC2086
/usr/bin/python3 bench/html_score.py "$DATA" $systems
