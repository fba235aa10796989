#!/bin/sh
# Replays every fuzz corpus (tests/fuzz/corpus/<target>/) through the plain
# build of its target ($BUILD/fuzz/fuzz_<target>, made by make): one PASS
# per target when no input crashes or breaks an invariant. Inputs listed in
# tests/fuzz/known_crashes.txt are open bugs: each is replayed on its own
# and reported SKIP while it still fails, PASS once it is fixed.
. tests/cli/lib.sh
KNOWN=tests/fuzz/known_crashes.txt
# Under make valgrind (VALGRIND=1) each replay runs under memcheck.
VG=
if [ -n "$VALGRIND" ]; then
    VG="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite"
    export FUZZ_REPLAY_PAD=16 # see tests/fuzz/replay.c: PCRE2's JIT reads past a subject
fi

is_known() { grep -q "^$1 " "$KNOWN" 2>/dev/null; }

for dir in tests/fuzz/corpus/*/; do
    t=$(basename "$dir")
    bin=$BUILD/fuzz/fuzz_$t
    if [ ! -x "$bin" ]; then
        fail "fuzz_replay_$t" "$bin is missing (make builds it)"
        continue
    fi
    : >"$TMP/list"
    for f in "$dir"*; do
        [ -f "$f" ] || continue
        if is_known "$t/$(basename "$f")"; then echo "$f" >>"$TMP/known"; else echo "$f" >>"$TMP/list"; fi
    done
    # shellcheck disable=SC2046
    timeout 900 $VG "$bin" $(cat "$TMP/list") >"$TMP/out" 2>"$TMP/err"
    rc=$?
    if [ $rc -eq 0 ]; then
        pass "fuzz_replay_$t ($(cat "$TMP/out"))"
    else
        fail "fuzz_replay_$t" "exit $rc on $(grep '^replay ' "$TMP/err" | tail -1): $(grep -E 'ERROR|invariant|runtime error' "$TMP/err" | head -3)"
    fi
done

[ -f "$TMP/known" ] || exit 0
while read -r f; do
    t=$(basename "$(dirname "$f")")/$(basename "$f")
    why=$(grep "^$t " "$KNOWN" | cut -d' ' -f2-)
    bin=$BUILD/fuzz/fuzz_$(dirname "$t")
    if timeout 300 "$bin" "$f" >/dev/null 2>&1; then
        pass "fuzz_known_$t (fixed: delete its line from $KNOWN)"
    else
        skip "fuzz_known_$t" "known bug, expected to pass once fixed: $why"
    fi
done <"$TMP/known"
