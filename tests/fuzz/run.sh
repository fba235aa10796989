#!/bin/sh
# make fuzz: builds the library and every fuzz target with clang, libFuzzer,
# AddressSanitizer and UndefinedBehaviorSanitizer (in build/libfuzzer/), then
# runs each target for FUZZ_SECONDS seconds (default 60) on a working copy
# of its corpus, seeded from tests/fuzz/corpus/<target>/. Findings are
# written to build/libfuzzer/crashes/<target>/; a finding worth keeping goes
# into tests/fuzz/corpus/<target>/ as crash-<what> (and into
# tests/fuzz/known_crashes.txt until it is fixed), so make check replays it.
#
#   FUZZ_SECONDS=N     seconds per target
#   FUZZ_TARGETS="a b" only these targets (names without fuzz_)
#   FUZZ_FLAGS=...     more libFuzzer flags (e.g. -jobs=2 -workers=2)
# A target with a dictionary, tests/fuzz/<target>.dict (literal pieces the
# fuzzer cannot see inside PCRE2, say), gets it passed with -dict.
set -u
SECS=${FUZZ_SECONDS:-60}
OUT=${FUZZ_BUILD:-build/libfuzzer} # inside build/: ignored by git, removed by make clean
SAN="-fsanitize=address,undefined -fno-sanitize-recover=all"
LIBS="-lpcre2-8 -lutf8proc -lstemmer -ljansson -lglpk $(pkg-config --libs libxml-2.0) -lz -ldl -lm -lpthread"
command -v clang >/dev/null || { echo "make fuzz: needs clang (apt-get install clang)" >&2; exit 2; }

# The library, instrumented for coverage but without libFuzzer's main.
make -j2 --no-print-directory CC=clang BUILD="$OUT" \
    OPT="-O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link $SAN" "$OUT/libnewsfuse.a" || exit 1

targets=${FUZZ_TARGETS:-$(for f in tests/fuzz/fuzz_*.c; do basename "$f" .c | sed 's/^fuzz_//'; done)}
status=0
for t in $targets; do
    bin=$OUT/fuzz/fuzz_$t
    mkdir -p "$OUT/fuzz" "$OUT/corpus/$t" "$OUT/crashes/$t"
    clang -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O1 -g -fno-omit-frame-pointer \
        -fsanitize=fuzzer $SAN -Iinclude -Isrc -Itests/fuzz -pthread \
        -o "$bin" "tests/fuzz/fuzz_$t.c" "$OUT/libnewsfuse.a" $LIBS || exit 1
    dict=
    [ -f "tests/fuzz/$t.dict" ] && dict="-dict=tests/fuzz/$t.dict"
    echo "== fuzz_$t: $SECS s${dict:+ ($dict)}"
    # shellcheck disable=SC2086
    nice -n 10 "$bin" -max_total_time="$SECS" -timeout=30 -rss_limit_mb=2048 -max_len=8192 \
        -print_final_stats=1 -artifact_prefix="$OUT/crashes/$t/" $dict ${FUZZ_FLAGS:-} \
        "$OUT/corpus/$t" "tests/fuzz/corpus/$t" 2>"$OUT/fuzz_$t.log"
    rc=$?
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE)' "$OUT/fuzz_$t.log"
    if [ $rc -ne 0 ]; then
        status=1
        echo "fuzz_$t: FINDING (exit $rc), see $OUT/fuzz_$t.log and $OUT/crashes/$t/"
        grep -E 'ERROR:|invariant broken|SUMMARY:' "$OUT/fuzz_$t.log" | head -5
    fi
done
exit $status
