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

# An invalid escape on line 2 of 3 (jansson's message ended inside "é",
# which made the record fail as "out of memory" and printed nothing):
# three output lines, the second an error record with line and message.
printf '%s\n' '{"id":"1","text":"One. Two."}' '{"id":"2","text":"Th\é"}' '{"id":"3","text":"Three."}' >"$TMP/esc.jsonl"
expect_status split_jsonl_escape_exit_1 1 $NF split --jsonl "$TMP/esc.jsonl"
lines=$(wc -l <"$TMP/out")
if [ "$lines" -eq 3 ]; then pass split_jsonl_escape_three_lines; else fail split_jsonl_escape_three_lines "$lines lines: $(cat "$TMP/out")"; fi
expect_grep split_jsonl_escape_record '^\{"schema":"newsfuse/2","id":null,"error":\{"file":"[^"]*esc.jsonl","line":2,"message":"column [0-9]+: invalid escape' "$TMP/out"
expect_grep split_jsonl_third_line '^\{"id":"3","offsets":\[\[0,6\]\]\}$' "$TMP/out"
expect_grep split_jsonl_escape_says_line 'esc.jsonl:2: column' "$TMP/err"
if grep -q 'out of memory' "$TMP/err"; then fail split_jsonl_escape_not_oom "$(cat "$TMP/err")"; else pass split_jsonl_escape_not_oom; fi
if command -v python3 >/dev/null; then
    if python3 -c 'import json, sys; [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]' "$TMP/out" 2>/dev/null; then
        pass split_jsonl_records_are_json; else fail split_jsonl_records_are_json "$(cat "$TMP/out")"; fi
fi
# The error record is every command's (nf_batch_error_record); an id that
# is no string is written as its JSON text.
printf '%s\n' '{"id":7,"title":"no text"}' >"$TMP/numid.jsonl"
expect_status split_jsonl_number_id 1 $NF split --jsonl "$TMP/numid.jsonl"
expect_grep split_jsonl_number_id_record '^\{"schema":"newsfuse/2","id":"7","error":' "$TMP/out"
printf '%s\n' '{"id":"x","title":"no text"}' >"$TMP/notext.jsonl"
expect_status split_jsonl_no_text 1 $NF split --jsonl "$TMP/notext.jsonl"
expect_grep split_jsonl_no_text_record '^\{"schema":"newsfuse/2","id":"x","error":\{"file":"[^"]*notext.jsonl","line":1,"message":"no \\"text\\" string"\}\}$' "$TMP/out"

# Reading is bounded (64 MiB of a text or of one JSONL line): /dev/zero is
# refused by name in bounded memory, not read until memory runs out.
bounded $NF split /dev/zero
if [ "$got" -eq 1 ] && grep -q '/dev/zero: longer than 64 MiB' "$TMP/err"; then pass split_text_read_bounded
else fail split_text_read_bounded "exit $got: $(head -c 300 "$TMP/err")"; fi
bounded $NF split --jsonl /dev/zero
if [ "$got" -eq 1 ] && grep -q '/dev/zero:1: the line is longer than 64 MiB' "$TMP/err" &&
   grep -q '"line":1,"message":"the line is longer than 64 MiB' "$TMP/out"; then pass split_jsonl_line_read_bounded
else fail split_jsonl_line_read_bounded "exit $got: $(head -c 300 "$TMP/err")"; fi
