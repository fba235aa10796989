#!/bin/sh
# Instructions per event against words per event (callgrind counts, not
# seconds: the same on a busy machine). For 16 events spread over the
# sizes of the development clusters, counts the instructions of
# nf_summarize (less the one-time cleaner_new) and prints them per input
# word: flat = linear. Usage: sh bench/event_instructions.sh (after make).
set -e
cd "$(dirname "$0")/.."
NF=${BUILD:-build}/newsfuse
DATA=${NF_SHARED:-../shared}/data
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cat "$DATA/duc2004.dev.jsonl" "$DATA/duc2006.dev.jsonl" "$DATA/duc2007_update.dev.jsonl" \
    "$DATA/multinews.dev.jsonl" | grep -v '"update_set": *"[BC]"' >"$TMP/all.jsonl"
# Words per line (wc -w of the line), then 16 lines evenly spread by size.
awk '{ print NR, NF }' "$TMP/all.jsonl" | sort -k2,2n >"$TMP/sizes"
n=$(wc -l <"$TMP/sizes")
echo "| wc -w of the line | words read (stats.words) | instructions | instructions per word read |"
echo "|---|---|---|---|"
for k in 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
    row=$(( k * (n - 1) / 15 + 1 ))
    set -- $(sed -n "${row}p" "$TMP/sizes")
    sed -n "$1p" "$TMP/all.jsonl" >"$TMP/one.jsonl"
    valgrind --tool=callgrind --callgrind-out-file="$TMP/cg" "$NF" batch -j 1 "$TMP/one.jsonl" \
        -o "$TMP/out.jsonl" >/dev/null 2>&1
    words=$(grep -o '"words":[0-9]*' "$TMP/out.jsonl" | tail -n 1 | cut -d: -f2)
    callgrind_annotate --inclusive=yes "$TMP/cg" 2>/dev/null |
        awk -v w="$2" -v mw="$words" '
            / [^ ]*:nf_summarize \[/ { gsub(",", "", $1); s = $1 }
            / [^ ]*:cleaner_new \[/ { gsub(",", "", $1); c = $1 }
            END { printf "| %d | %d | %.0f | %.0f |\n", w, mw, s - c, (s - c) / mw }'
done
