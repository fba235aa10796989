#!/bin/sh
# Time per cluster of every method (or those named) on the development sets,
# summarizing only (the time `newsfuse eval` reports: nf_summarize around
# each cluster, one thread), plus the slowest single cluster: the ~145,000-word
# Multi-News cluster, timed alone as a whole process.
# Usage: sh bench/methods_speed.sh [METHOD...]
set -u
NF=${NF:-build/newsfuse}
DATA=${SHARED:-../shared}/data
[ -x "$NF" ] || { echo "build first: make" >&2; exit 2; }
[ -d "$DATA" ] || { echo "no $DATA" >&2; exit 2; }
methods=${*:-$($NF summarize --list-methods)}
big=$(mktemp)
# The longest Multi-News line is the biggest cluster.
awk '{ if (length($0) > max) { max = length($0); line = $0 } } END { print line }' \
    "$DATA/multinews.dev.jsonl" >"$big"
words=$(python3 -c "import json,sys; c=json.loads(open('$big').read()); print(sum(len(d['text'].split()) for d in c['documents']))" 2>/dev/null || echo "?")
printf '| method | DUC 2004 ms/cluster | Multi-News ms/cluster | DUC 2006 ms/cluster | biggest cluster (%s words) s |\n|---|---|---|---|---|\n' "$words"
for m in $methods; do
    row="| $m |"
    for d in duc2004 multinews duc2006; do
        ms=$($NF eval --method "$m" --format json "$DATA/$d.dev.jsonl" 2>/dev/null |
             sed -n 's/.*"ms_per_cluster":\([0-9.]*\).*/\1/p')
        row="$row ${ms:-failed} |"
    done
    /usr/bin/time -o "$big.time" -f "%e" "$NF" summarize --method "$m" --input jsonl "$big" >/dev/null 2>&1
    s=$(tail -1 "$big.time")
    echo "$row $s |"
done
rm -f "$big" "$big.time"
