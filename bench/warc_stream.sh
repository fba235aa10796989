#!/bin/sh
# Streams synthetic WARC files (gzip per record, bench/warc_gen.py: invented
# pages about invented events) of 100 MB, 500 MB and 1 GB through the WARC
# reader (src/ingest/warc.c), each in its own process (bench/warc_stream.c),
# and prints records/s, MB/s and the peak RSS: the RSS must stay flat from
# 100 MB to 1 GB (issue 15). The files are written under $TMPDIR (default
# /tmp) one at a time and deleted; with less free space than the largest
# file needs, the sizes are scaled down and the script says so.
# Usage: sh bench/warc_stream.sh [SIZE_MB...]   (default 100 500 1024)
set -u
cd "$(dirname "$0")/.." || exit 2
BUILD=${BUILD:-build}
TMP=${TMPDIR:-/tmp}
[ -f "$BUILD/libnewsfuse.a" ] || { echo "build first: make" >&2; exit 2; }
sizes=${*:-100 500 1024}
bin=$TMP/nf_warc_stream.$$
cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc -o "$bin" \
    bench/warc_stream.c "$BUILD/libnewsfuse.a" -lpcre2-8 -lutf8proc -lstemmer -ljansson -lglpk \
    $(pkg-config --libs libxml-2.0) -lz -ldl -lm -lpthread || exit 2
largest=0
for s in $sizes; do [ "$s" -gt "$largest" ] && largest=$s; done
free_mb=$(df -Pm "$TMP" | awk 'NR == 2 { print $4 }')
if [ "$free_mb" -lt $((largest + 512)) ]; then
    echo "warc_stream: only $free_mb MB free in $TMP: sizes scaled down to fit" >&2
    sizes=$(for s in $sizes; do echo $((s * (free_mb - 512) / largest)); done)
fi
printf '| file | records | pages | errors | MB in | MB of WARC | s | records/s | MB/s in | MB/s WARC | peak RSS MB |\n|---|---|---|---|---|---|---|---|---|---|---|\n'
for s in $sizes; do
    f=$TMP/nf_bench_$s.$$.warc.gz
    python3 bench/warc_gen.py "$s" "$f" || { rm -f "$f" "$bin"; exit 2; }
    "$bin" -r "$s MB" "$f"
    rm -f "$f"
done
rm -f "$bin"
