#!/bin/sh
# Time of `newsfuse facts` by output format as the figures grow (issue 12,
# item 8): one report of "N people were killed on day N." sentences (two
# figures each, all in one group), 10k, 20k and 40k figures, in text, md
# and json. Reading the reports is the same work for every format, so a
# format whose seconds grow faster than the others' is its renderer; all
# three should double with the figures. Best of REPEAT runs, wall clock.
# Usage: sh bench/facts_render.sh [FIGURES...] after `make`.
set -e
cd "$(dirname "$0")/.."
NF=${BUILD:-build}/newsfuse
REPEAT=${REPEAT:-3}
[ -x "$NF" ] || { echo "facts_render: build first (make)"; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
SIZES=${*:-10000 20000 40000}

# The sheet keeps at most max_figures figures (default 10000): lift the cap
# where there is one, so the renderers see every figure.
echo "1 people were killed." >"$TMP/probe.txt"
LIFT=
if "$NF" facts --max-figures 0 "$TMP/probe.txt" >/dev/null 2>&1; then LIFT="--max-figures 0"; fi

best_of() { # best_of FORMAT FILE: least wall seconds of REPEAT runs
    best=
    i=0
    while [ $i -lt "$REPEAT" ]; do
        s=$(date +%s.%N)
        # shellcheck disable=SC2086 # LIFT is two words or none
        "$NF" facts $LIFT --format "$1" "$2" >/dev/null
        e=$(date +%s.%N)
        t=$(echo "$e - $s" | bc)
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
        i=$((i + 1))
    done
    printf '%.2f' "$best"
}

printf '%-8s %8s %8s %8s\n' figures text md json
for n in $SIZES; do
    f=$TMP/r$n.txt
    awk -v n=$((n / 2)) 'BEGIN { for (i = 1; i <= n; i++) printf "%d people were killed on day %d.\n", i, i }' >"$f"
    printf '%-8s %8s %8s %8s\n' "$n" "$(best_of text "$f")" "$(best_of md "$f")" "$(best_of json "$f")"
done
