#!/bin/sh
# The figure sheet on hostile input (issue 12, item 6): REPORTS reports of
# MB megabytes each of "N people were killed on day N." (two figures a
# sentence, all in one group), generated in /tmp. Prints wall seconds,
# peak RSS (/usr/bin/time -v), output bytes and the warnings for
# `newsfuse facts --format json` and `newsfuse summarize --facts
# --format json`, with the default limits and with max_seconds 1.
# Usage: sh bench/facts_hostile.sh [REPORTS (default 7)] [MB (default 1)] after `make`.
set -e
cd "$(dirname "$0")/.."
NF=${BUILD:-build}/newsfuse
REPORTS=${1:-7}
MB=${2:-1}
[ -x "$NF" ] || { echo "facts_hostile: build first (make)"; exit 2; }
[ -x /usr/bin/time ] || { echo "facts_hostile: needs /usr/bin/time (GNU time)"; exit 2; }
TMP=$(mktemp -d /tmp/facts_hostile.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

awk -v bytes=$((MB * 1048576)) 'BEGIN {
    for (n = 1; total < bytes; n++) { s = n " people were killed on day " n ".\n"; printf "%s", s; total += length(s) }
}' >"$TMP/report.txt"
r=1
while [ $r -le "$REPORTS" ]; do cp "$TMP/report.txt" "$TMP/r$r.txt"; r=$((r + 1)); done
rm "$TMP/report.txt"
echo "input: $REPORTS reports x $(wc -c <"$TMP/r1.txt") bytes"

run() { # run LABEL ARGS...: one command's seconds, peak RSS, output size, warnings
    label=$1
    shift
    /usr/bin/time -v -o "$TMP/time" "$NF" "$@" "$TMP"/r*.txt >"$TMP/out" 2>"$TMP/err" || true
    secs=$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$TMP/time")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$TMP/time")
    printf '%-34s wall %8s  peak RSS %7d MB  output %7d KB\n' "$label" "$secs" $((rss / 1024)) \
        $(($(wc -c <"$TMP/out") / 1024))
    python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
sheet = d.get("facts", d)
print("    figures:", len(sheet["figures"]), " sheet warnings:", sheet["warnings"])
if "facts" in d:
    print("    summary warnings:", d["warnings"])
' "$TMP/out" 2>/dev/null || echo "    (output is not JSON: $(head -c 200 "$TMP/err"))"
}

run "facts" facts --format json
run "facts, max_seconds 1" facts --format json --max-seconds 1
run "summarize --facts" summarize --facts --format json
run "summarize --facts, max_seconds 1" summarize --facts --format json --max-seconds 1
