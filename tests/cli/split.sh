#!/bin/sh
# CLI tests of `newsfuse split`: text, --offsets, --jsonl, stdin, exit codes.
. tests/cli/lib.sh

printf 'Mr. Smith went to Washington. He arrived at 3 p.m. on Jan. 5, 2024.\nHeadline without a stop\n\nThe U.S. paid $3.5 million.' >"$TMP/in.txt"
expect_status split_text 0 $NF split "$TMP/in.txt"
lines=$(wc -l <"$TMP/out")
if [ "$lines" -eq 4 ]; then pass split_text_sentences; else fail split_text_sentences "$lines lines: $(cat "$TMP/out")"; fi
expect_grep split_keeps_abbreviations '^Mr\. Smith went to Washington\.$' "$TMP/out"
expect_grep split_headline_alone '^Headline without a stop$' "$TMP/out"

$NF split --offsets - <"$TMP/in.txt" >"$TMP/off" 2>"$TMP/err"
first=$(head -1 "$TMP/off")
if [ "$first" = "0 29" ]; then pass split_offsets_stdin; else fail split_offsets_stdin "first line '$first'"; fi

printf '%s\n' '{"id":"a","text":"One. Two."}' 'not json' '{"id":"c","text":"Three."}' >"$TMP/in.jsonl"
expect_status split_jsonl_bad_line 1 $NF split --jsonl "$TMP/in.jsonl"
lines=$(wc -l <"$TMP/out")
if [ "$lines" -eq 3 ]; then pass split_jsonl_one_output_per_line; else fail split_jsonl_one_output_per_line "$lines lines"; fi
expect_grep split_jsonl_offsets '"id": *"a".*\[\[0, *4\], *\[5, *9\]\]' "$TMP/out"
expect_grep split_jsonl_error_record '"error"' "$TMP/out"

expect_status split_both_modes_is_usage 2 $NF split --offsets --jsonl "$TMP/in.jsonl"
expect_status split_unknown_option 2 $NF split --frobnicate
expect_status split_missing_file 1 $NF split "$TMP/nope.txt"
expect_grep split_missing_file_named 'nope.txt' "$TMP/err"
expect_status split_help 0 $NF split --help
