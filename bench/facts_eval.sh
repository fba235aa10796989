#!/bin/sh
# Strict, mention-level score of the figure sheet against the figures-gold/2
# annotations (tests/facts/gold/, ../shared/design/FIGURES_GOLD.md) by
# ../shared/tools/figures_score.py; the texts are read from ../shared/data
# at run time. The last line printed is the scorer's JSON.
# Usage: bench/facts_eval.sh [path/to/newsfuse] [tune|dev2|held|all|dev] [-v]
#   tune (default): the clusters the sheet is tuned on; dev2: the second
#   batch (scored first before anything changed for it, then tuned on);
#   held: the held-out clusters (score them only at milestones); dev: tune
#   and dev2; all: tune, dev2 and held. -v lists each
#   spurious and missed mention and each gold group's label beside the
#   sheet's. bench/facts_eval_old.sh is the first, looser scorer.
cd "$(dirname "$0")/.." || exit 2
NF=build/newsfuse
SPLIT=tune
VERBOSE=
for a in "$@"; do
    case $a in
        tune|dev2|held|all|dev) SPLIT=$a ;;
        -v|--verbose) VERBOSE=--verbose ;;
        -*) echo "usage: bench/facts_eval.sh [newsfuse] [tune|dev2|held|all|dev] [-v]" >&2; exit 2 ;;
        *) NF=$a ;;
    esac
done
SHARED=${SHARED:-../shared}
SCORER=$SHARED/tools/figures_score.py
if [ ! -d "$SHARED/data" ] || [ ! -f "$SCORER" ]; then
    echo "facts_eval: $SHARED (data and tools/figures_score.py) is absent; nothing to score" >&2
    exit 0
fi
[ -x "$NF" ] || { echo "facts_eval: no $NF: build first (make)" >&2; exit 2; }
case $SPLIT in
    all) FILES="tests/facts/gold/tune/*.json tests/facts/gold/dev2/*.json tests/facts/gold/held/*.json" ;;
    dev) FILES="tests/facts/gold/tune/*.json tests/facts/gold/dev2/*.json" ;;
    *) FILES="tests/facts/gold/$SPLIT/*.json" ;;
esac
TMP=$(mktemp -d) || exit 2
trap 'rm -rf "$TMP"' EXIT
trap 'exit 2' HUP INT TERM
export SHARED
# shellcheck disable=SC2086 # FILES is a glob on purpose
python3 tests/facts/gold.py merge $FILES > "$TMP/gold.json" || exit 2
python3 tests/facts/gold.py data "$TMP/data" || exit 2
python3 "$SCORER" "$NF" "$TMP/gold.json" --data "$TMP/data" --texts "$PWD" $VERBOSE
