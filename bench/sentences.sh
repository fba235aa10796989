#!/bin/sh
# Sentence segmentation benchmark: CoNLL 2018 sentence F1 of `newsfuse
# split` on the gold boundaries of UD English EWT (dev) and GUM news (dev),
# as they are and hard-wrapped at 72 columns (bench/wrap_gold.py).
# usage: sh bench/sentences.sh [ERRORS]   (from the repository root; with
# ERRORS > 0, also prints that many missed and wrong sentences per set)
# Targets (issue 2): EWT >= 0.92, GUM news >= 0.97.
set -e
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
NF=${NF:-$BUILD/newsfuse}
ERRORS=${1:-0}
if [ ! -d "$SHARED/data" ]; then
    echo "bench/sentences.sh: $SHARED/data is absent; nothing to score" >&2
    exit 0
fi
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for set in ud_ewt_dev gum_news.dev; do
    gold="$SHARED/data/sentences.$set.jsonl"
    "$NF" split --jsonl "$gold" >"$tmp"
    printf '%-14s ' "$set"
    python3 bench/sentence_f1.py "$gold" "$tmp" --errors "$ERRORS"
done
# The same texts hard-wrapped at 72 columns (a space made a line break, so
# the gold offsets hold): what the hard-wrap mode recovers.
for set in ud_ewt_dev gum_news.dev; do
    python3 bench/wrap_gold.py "$SHARED/data/sentences.$set.jsonl" 72 >"$tmp.gold"
    "$NF" split --jsonl "$tmp.gold" >"$tmp"
    printf '%-14s ' "$set@72"
    python3 bench/sentence_f1.py "$tmp.gold" "$tmp" --errors "$ERRORS"
done
rm -f "$tmp.gold"
