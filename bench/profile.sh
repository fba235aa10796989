#!/bin/sh
# Where the instructions of `newsfuse summarize` go, stage by stage, counted
# by callgrind (instruction counts, not seconds: the same on a busy machine).
# Prints the whole process's instructions, those of nf_summarize per cluster
# (less the one-time debris cleaner), and each stage's inclusive share of
# nf_summarize, then the functions with the most instructions of their own.
# Usage: sh bench/profile.sh [DATA.jsonl (default DUC 2004 dev)] [summarize
# options...]; TOP=N sets how many functions (default 15); KEEP=FILE keeps the
# callgrind output (for callgrind_annotate or kcachegrind). After `make`.
set -e
cd "$(dirname "$0")/.."
NF=${BUILD:-build}/newsfuse
DATA=${1:-${NF_SHARED:-../shared}/data/duc2004.dev.jsonl}
[ $# -gt 0 ] && shift
TOP=${TOP:-15}
[ -x "$NF" ] || { echo "profile: build first (make)" >&2; exit 2; }
[ -f "$DATA" ] || { echo "profile: no $DATA" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "profile: needs valgrind" >&2; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
CG=${KEEP:-$TMP/cg.out}
valgrind --tool=callgrind --callgrind-out-file="$CG" "$NF" summarize "$@" "$DATA" >"$TMP/out" 2>"$TMP/err" ||
    { tail -5 "$TMP/err" >&2; exit 1; }
clusters=$(wc -l <"$DATA")
total=$(sed -n 's/^summary: *//p; s/^totals: *//p' "$CG" | head -n 1)
callgrind_annotate --inclusive=yes --threshold=100 "$CG" 2>/dev/null >"$TMP/incl"
callgrind_annotate --threshold=100 "$CG" 2>/dev/null >"$TMP/self"
# Inclusive count of a function (its own line, object-qualified, not a
# recursive '2 copy), 0 when it never ran.
incl() {
    awk -v f="$1" '$0 ~ ":" f " \\[" { gsub(",", "", $1); print $1; found = 1; exit }
                   END { if (!found) print 0 }' "$TMP/incl"
}
summ=$(incl nf_summarize)
init=$(incl cleaner_new)
work=$((summ - init))
echo "data: $DATA ($clusters clusters); options: ${*:-(defaults)}"
echo "whole process: $total instructions, $((total / clusters)) per cluster"
echo "nf_summarize less the one-time cleaner_new ($init): $work, $((work / clusters)) per cluster"
echo
echo "| stage | function | instructions per cluster | share of nf_summarize |"
echo "|---|---|---|---|"
for row in \
    "sentence split:sentences_split" \
    "debris (clean.c):cleaner_debris" \
    "datelines (clean.c):cleaner_dateline" \
    "tokens (utf8proc, stemmer, vocabulary):tokenizer_each" \
    "stemmer alone:sb_stemmer_stem" \
    "exact duplicates:mark_duplicates" \
    "near duplicates (MinHash):redundancy_mark_near_duplicates" \
    "default method (concept), all:method_concept" \
    "  of which concept weights:concepts_build" \
    "corroboration:corroborate" \
    "tokenizer setup (once per thread since kept):tokenizer_new" \
    "  sentence breaks between words:units_break_before" \
    "  terminator runs:run_judge" \
    "  per-token work (stop list, stem cache, model):emit_token" \
    "  vocabulary and counts (model.c):on_token"; do
    name=${row%%:*}
    fn=${row##*:}
    n=$(incl "$fn")
    [ "$n" -gt 0 ] || continue
    awk -v name="$name" -v fn="$fn" -v n="$n" -v w="$work" -v c="$clusters" \
        'BEGIN { printf "| %s | %s | %.0f | %.1f%% |\n", name, fn, n / c, w ? 100 * n / w : 0 }'
done
json=$(incl json_loadb)
echo
echo "outside nf_summarize: JSON parsing (json_loadb) $((json / clusters)) per cluster;" \
    "cleaner_new once $init"
echo
echo "top $TOP functions by their own instructions (whole process):"
awk '/^-+$/ { dash++ } dash >= 4 && /[0-9] \(/ { print }' "$TMP/self" | grep -v "PROGRAM TOTALS" |
    head -n "$TOP"
