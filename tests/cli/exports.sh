#!/bin/sh
# The boundary of the shared library: libnewsfuse.so exports the functions
# include/newsfuse.h declares, every one of them, and nothing else (no
# internal helper such as xmalloc or buf_append, no data table). Every
# declaration in the header carries NF_API, the mark that exports it.
. tests/cli/lib.sh

HDR=include/newsfuse.h
LIB="$BUILD/libnewsfuse.so"
if [ ! -f "$LIB" ]; then
    skip exports "no $LIB (make builds it; make test does not)"
    exit 0
fi
if ! command -v nm >/dev/null 2>&1; then
    skip exports "no nm (Debian: apt-get install binutils)"
    exit 0
fi
# The real file once, not each of its symlinks.
nm -D --defined-only "$(readlink -f "$LIB")" | awk '{print $3}' | LC_ALL=C sort -u >"$TMP/exported"
if [ ! -s "$TMP/exported" ]; then
    fail exports_listed "nm -D found no symbol in $LIB"
    exit 0
fi

# Declarations start at the left margin (comments and members are
# indented or start with "/*"); the name is the one before the first "(".
grep -E '^[A-Za-z].*\bnf_[a-z0-9_]*\(' "$HDR" >"$TMP/decls"
sed -n 's/^[^(]*\b\(nf_[a-z0-9_]*\)(.*/\1/p' "$TMP/decls" | LC_ALL=C sort -u >"$TMP/declared"

unmarked=$(grep -v '^NF_API ' "$TMP/decls" | head -5)
if [ -z "$unmarked" ]; then pass exports_header_marks_every_function; else
    fail exports_header_marks_every_function "without NF_API: $unmarked"; fi

internal=$(grep -v '^nf_' "$TMP/exported")
if [ -z "$internal" ]; then pass exports_nf_only; else
    fail exports_nf_only "$(echo "$internal" | wc -l) internal symbols exported: $(echo $internal | head -c 300)"; fi

undeclared=$(LC_ALL=C comm -23 "$TMP/exported" "$TMP/declared")
if [ -z "$undeclared" ]; then pass exports_only_the_header; else
    fail exports_only_the_header "exported, not in $HDR: $(echo $undeclared | head -c 300)"; fi

missing=$(LC_ALL=C comm -13 "$TMP/exported" "$TMP/declared")
if [ -z "$missing" ]; then pass exports_all_of_the_header; else
    fail exports_all_of_the_header "in $HDR, not exported: $(echo $missing | head -c 300)"; fi
