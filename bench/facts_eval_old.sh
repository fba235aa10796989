#!/bin/sh
# The first figure-sheet scorer, kept for comparison with earlier numbers:
# precision and recall of the figure sheet on the hand-annotated development
# clusters (tests/facts/annotations.txt: values and labels, not spans), read
# from ../shared/data at run time. bench/facts_eval.sh is the strict,
# mention-level score on figures-gold/2.
# Usage: bench/facts_eval_old.sh [path/to/newsfuse [-v]] (-v lists each
# missed and extra figure and each disagreement label)
cd "$(dirname "$0")/.." || exit 2
NF=${1:-build/newsfuse}
[ $# -gt 0 ] && shift
SHARED=${SHARED:-../shared}
if [ ! -d "$SHARED/data" ]; then
    echo "facts_eval_old: $SHARED/data is absent; nothing to score" >&2
    exit 0
fi
exec python3 bench/facts_score.py "$NF" tests/facts/annotations.txt "$SHARED/data" "$@"
