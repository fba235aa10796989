#!/bin/sh
# The lexicon's load time (microseconds, median of RUNS fresh processes,
# default 21) and its instructions (callgrind, when valgrind is there: the
# same on a busy machine). Usage: sh bench/lexicon_load.sh (after make).
set -e
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
RUNS=${RUNS:-21}
[ -f "$BUILD/libnewsfuse.a" ] || { echo "lexicon_load: build first (make)" >&2; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cc -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Iinclude -Isrc -I"$BUILD/gen" -o "$TMP/load" \
    bench/lexicon_load.c "$BUILD/libnewsfuse.a" -lpcre2-8 -lutf8proc -lstemmer -ljansson -lglpk -ldl -lm -lpthread
i=0
while [ $i -lt "$RUNS" ]; do "$TMP/load"; i=$((i + 1)); done | sort -n >"$TMP/us"
echo "load: $(sed -n "$(((RUNS + 1) / 2))p" "$TMP/us") us median of $RUNS (min $(head -n 1 "$TMP/us"), max $(tail -n 1 "$TMP/us"))"
if command -v valgrind >/dev/null; then
    valgrind --tool=callgrind --callgrind-out-file="$TMP/cg" --toggle-collect=lexicon_get "$TMP/load" >/dev/null 2>&1
    echo "load: $(sed -n 's/^summary: *//p; s/^totals: *//p' "$TMP/cg" | head -n 1) instructions (lexicon_get, callgrind)"
fi
