# Helpers for the CLI test scripts (sourced, not run): each check prints one
# PASS/FAIL line that tests/run.sh counts.
NF=${NF:-$BUILD/newsfuse}
if [ -n "$VALGRIND" ]; then
    NF="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite $NF"
fi
SHARED=${SHARED:-../shared}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1${2:+: $2}"; }
skip() { echo "SKIP $1: $2"; }

# expect_status NAME WANT CMD...: runs CMD, compares its exit status.
expect_status() {
    name=$1; want=$2; shift 2
    "$@" >"$TMP/out" 2>"$TMP/err"
    got=$?
    if [ "$got" -eq "$want" ]; then pass "$name"; else fail "$name" "exit $got, want $want: $(head -c 300 "$TMP/err")"; fi
}

# expect_grep NAME PATTERN FILE: FILE must contain the extended regex.
expect_grep() {
    if grep -Eq -- "$2" "$3"; then pass "$1"; else fail "$1" "no /$2/ in $(head -c 300 "$3")"; fi
}

# serve_free_port LOG ARGS... (scripts/serve_port.sh)
. "$(dirname "$0")/../../scripts/serve_port.sh"

# bounded CMD...: runs CMD with its memory capped at 768 MB and 120 s, so a
# read without a limit (a path such as /dev/zero) fails instead of eating
# the machine: the address space under prlimit in a plain build, RSS in a
# sanitizer build (ASan reserves terabytes of address space; its
# hard_rss_limit_mb aborts the process past the limit, and a small
# quarantine keeps the blocks a growing buffer leaves behind from
# counting). Output in $TMP/out and $TMP/err, exit status in $got.
bounded() {
    case "$BUILD" in
    *san*) ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}hard_rss_limit_mb=768:quarantine_size_mb=8" \
               timeout 120 "$@" >"$TMP/out" 2>"$TMP/err" ;;
    *) timeout 120 prlimit --as=805306368 "$@" >"$TMP/out" 2>"$TMP/err" ;;
    esac
    got=$?
}

# in_ingest_fixtures NAME: the reader's test inputs (tests/cli/ingest_fixtures.py)
# written into $TMP, which becomes the working directory ($NF made absolute
# first); skips NAME when there is no python3. Sets $PY.
in_ingest_fixtures() {
    PY=$(command -v /usr/bin/python3 || command -v python3) || { skip "$1" "python3 is not installed"; exit 0; }
    $PY tests/cli/ingest_fixtures.py "$TMP" || { fail ingest_fixtures "cannot write the inputs"; exit 1; }
    cd "$TMP" || exit 1
    case $NF in /*) ;; *) NF="$OLDPWD/$NF" ;; esac
}
