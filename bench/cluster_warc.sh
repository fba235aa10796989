#!/bin/sh
# newsfuse cluster --format jsonl over synthetic WARC files (gzip per
# record, bench/warc_gen.py) of 100 MB, 500 MB and 1 GB, each in its own
# process: prints the articles clustered, WARC records/s, articles/s and
# the peak RSS (/usr/bin/time -f %M). Under the reader's group article a
# WARC is read one record at a time, so the RSS must stay flat from 100 MB
# to 1 GB: a few MB plus the clusterer's bounded state (issue 15). The
# files are written under $TMPDIR (default /tmp) one at a time and
# deleted; with less free space than the largest needs, the sizes are
# scaled down and the script says so.
# Usage: sh bench/cluster_warc.sh [SIZE_MB...]   (default 100 500 1024)
#        NEWSFUSE=path/to/newsfuse to measure another build
set -u
cd "$(dirname "$0")/.." || exit 2
BUILD=${BUILD:-build}
TMP=${TMPDIR:-/tmp}
NEWSFUSE=${NEWSFUSE:-$BUILD/newsfuse}
[ -x "$NEWSFUSE" ] || { echo "build first: make" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "cluster_warc: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
sizes=${*:-100 500 1024}
largest=0
for s in $sizes; do [ "$s" -gt "$largest" ] && largest=$s; done
free_mb=$(df -Pm "$TMP" | awk 'NR == 2 { print $4 }')
if [ "$free_mb" -lt $((largest + 512)) ]; then
    echo "cluster_warc: only $free_mb MB free in $TMP: sizes scaled down to fit" >&2
    sizes=$(for s in $sizes; do echo $((s * (free_mb - 512) / largest)); done)
fi
printf '| file | WARC records | articles | s | records/s | articles/s | peak RSS MB |\n|---|---|---|---|---|---|---|\n'
for s in $sizes; do
    f=$TMP/nf_cluster_warc_$s.$$.warc.gz
    err=$TMP/nf_cluster_warc_$s.$$.err
    tm=$TMP/nf_cluster_warc_$s.$$.time
    python3 bench/warc_gen.py "$s" "$f" || { rm -f "$f"; exit 2; }
    articles=$(/usr/bin/time -o "$tm" -f '%e %M' "$NEWSFUSE" cluster --format jsonl "$f" 2>"$err" | wc -l)
    # the reader's closing warning: "N of M records skipped (...)"
    records=$(sed -n 's/.* of \([0-9]*\) records skipped.*/\1/p' "$err" | tail -n 1)
    read -r secs kb <"$tm"
    awk -v s="$s" -v r="${records:-0}" -v a="$articles" -v t="$secs" -v kb="$kb" 'BEGIN {
        printf "| %s MB | %d | %d | %.1f | %.0f | %.0f | %.1f |\n", s, r, a, t, r / t, a / t, kb / 1024 }'
    rm -f "$f" "$err" "$tm"
done
