#!/bin/sh
# The man page keeps up with the commands: every command `newsfuse --help`
# lists has a SYNOPSIS line, every long option any `newsfuse CMD --help`
# prints is in the page, and groff renders it without a warning.
. tests/cli/lib.sh

PAGE=doc/newsfuse.1

$NF --help >"$TMP/top.txt"
commands=$(sed -n '/^commands:/,/^$/s/^  \([a-z]*\) .*/\1/p' "$TMP/top.txt")
if [ -n "$commands" ]; then pass man_commands_listed; else fail man_commands_listed "none in newsfuse --help"; fi

missing=""
for c in $commands; do
    grep -q "^\.B newsfuse $c\b" "$PAGE" || missing="$missing $c"
done
if [ -z "$missing" ]; then pass man_synopsis_every_command; else fail man_synopsis_every_command "no SYNOPSIS line for:$missing"; fi

# The page writes a hyphen as \- (groff's minus, which copies and searches
# as -), so --max-line-bytes is \-\-max\-line\-bytes in its source.
missing=""
for c in $commands; do
    $NF $c --help >"$TMP/help.txt" 2>&1
    for opt in $(grep -oE -- '--[a-z0-9][a-z0-9-]*' "$TMP/help.txt" | sort -u); do
        escaped=$(printf '%s' "$opt" | sed 's/-/\\-/g')
        grep -qF -- "$escaped" "$PAGE" || missing="$missing $c:$opt"
    done
done
if [ -z "$missing" ]; then pass man_every_long_option; else fail man_every_long_option "not in $PAGE:$missing"; fi

# And the other way: no option in the page that no command takes (a flag
# renamed or removed), leaving out the examples' and the library's.
for c in $commands; do $NF $c --help; done >"$TMP/all_help.txt" 2>&1
$NF --help >>"$TMP/all_help.txt"
echo "--version --static --cflags --libs" >>"$TMP/all_help.txt"
stale=""
for opt in $(sed 's/\\-/-/g' "$PAGE" | grep -oE -- '--[a-z0-9][a-z0-9-]*' | sort -u); do
    grep -qE -- "$opt([^a-z0-9-]|\$)" "$TMP/all_help.txt" || stale="$stale $opt"
done
if [ -z "$stale" ]; then pass man_no_stale_option; else fail man_no_stale_option "in $PAGE, in no --help:$stale"; fi

if command -v groff >/dev/null 2>&1; then
    groff -man -Tutf8 -ww "$PAGE" >/dev/null 2>"$TMP/groff.err"
    if [ $? -eq 0 ] && [ ! -s "$TMP/groff.err" ]; then pass man_groff_no_warnings; else
        fail man_groff_no_warnings "$(head -c 300 "$TMP/groff.err")"; fi
else
    skip man_groff_no_warnings "no groff (Debian: apt-get install groff-base)"
fi
