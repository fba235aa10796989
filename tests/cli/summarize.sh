#!/bin/sh
# CLI tests of `newsfuse summarize` and the top level: flags, stdin, exit
# codes, batch lines with errors, budgets and offsets on the shared data.
. tests/cli/lib.sh

expect_status top_help 0 $NF --help
expect_grep top_help_lists_commands "summarize" "$TMP/out"
expect_status top_no_args 2 $NF
expect_status top_unknown_command 2 $NF frobnicate
expect_status top_version 0 $NF --version
expect_status summarize_help 0 $NF summarize --help
expect_grep summarize_help_has_budgets "--words N" "$TMP/out"
expect_status summarize_no_input 2 $NF summarize
expect_status summarize_unknown_option 2 $NF summarize --colour red x.txt
expect_status summarize_bad_budget 2 $NF summarize --words many x.txt
expect_grep summarize_bad_budget_says_why "words" "$TMP/err"
expect_status summarize_bad_method 2 $NF summarize --method nosuch x.txt
# The message lists the methods and names the flag that prints them (it
# said "see nf_methods", a C function).
expect_grep summarize_bad_method_lists_methods "'nosuch' is not a method; the methods: concept lead .*lexrank.* ilp \(see --list-methods\)" "$TMP/err"
expect_status batch_bad_method 2 $NF batch --method nosuch x.jsonl
expect_grep batch_bad_method_names_flag "the methods: concept .*\(see newsfuse summarize --list-methods\)" "$TMP/err"
expect_status summarize_missing_file 1 $NF summarize "$TMP/does-not-exist.txt"
expect_grep summarize_missing_file_named "does-not-exist.txt" "$TMP/err"

cat >"$TMP/a.txt" <<'TXT'
The council voted on Monday to close the old ferry terminal after engineers found deep cracks in its pilings.
The terminal served about four thousand passengers a day.
A replacement pier is expected to open next spring, the council said.
TXT
cat >"$TMP/b.txt" <<'TXT'
Engineers found deep cracks in the pilings of the old ferry terminal, and the council voted on Monday to close it.
Passengers will be moved to a temporary landing north of the harbour.
TXT
expect_status summarize_two_files 0 $NF summarize --words 30 "$TMP/a.txt" "$TMP/b.txt"
expect_grep summarize_marks_source '\[[12]\]' "$TMP/out"
expect_grep summarize_lists_sources "Sources:" "$TMP/out"

cat "$TMP/a.txt" | $NF summarize --sentences 1 --format json - >"$TMP/out" 2>"$TMP/err"
if [ $? -eq 0 ] && grep -q '"schema": "newsfuse/2"' "$TMP/out"; then pass summarize_stdin_json; else fail summarize_stdin_json "$(cat "$TMP/err")"; fi

mkdir -p "$TMP/dir"
cp "$TMP/a.txt" "$TMP/b.txt" "$TMP/dir/"
expect_status summarize_directory 0 $NF summarize --format jsonl "$TMP/dir"
expect_grep summarize_directory_ids '"id":"b.txt"' "$TMP/out"

# Batch: a bad line becomes an error record, the others are summarized.
{
    printf '%s\n' '{"id":"ok1","documents":[{"text":"The bridge reopened on Friday after repairs that took nine weeks to finish."}]}'
    printf '%s\n' '{"id":"broken","documents":[{"text":'
    printf '%s\n' '{"id":"ok2","documents":["Heavy rain flooded the lower town on Sunday and closed the coastal road for hours."]}'
} >"$TMP/batch.jsonl"
expect_status summarize_batch_bad_line 1 $NF summarize --format jsonl "$TMP/batch.jsonl"
lines=$(wc -l <"$TMP/out")
if [ "$lines" -eq 3 ]; then pass summarize_batch_one_output_per_line; else fail summarize_batch_one_output_per_line "$lines lines"; fi
expect_grep summarize_batch_error_record '"error":\{"file":"[^"]*batch.jsonl","line":2' "$TMP/out"
expect_grep summarize_batch_later_line_kept '"id":"ok2"' "$TMP/out"
expect_grep summarize_batch_error_on_stderr 'batch.jsonl:2:' "$TMP/err"

# Multi-News lines: documents split by |||||, newlines as NEWLINE_CHAR,
# one summary per line, detected without --input.
{
    printf '%s\n' 'The ferry service resumed on Tuesday after a two-day strike by crews. NEWLINE_CHAR NEWLINE_CHAR Unions said talks would go on. ||||| Crews ended their strike on Tuesday and the ferry service resumed across the bay.'
    printf '%s\n' 'A storm closed the airport for six hours on Friday, stranding thousands of travellers. ||||| ||||| Flights resumed late on Friday after the storm passed over the city.'
} >"$TMP/mn.txt"
expect_status summarize_multinews_lines 0 $NF summarize --format jsonl --words 20 "$TMP/mn.txt"
lines=$(wc -l <"$TMP/out")
if [ "$lines" -eq 2 ]; then pass summarize_multinews_one_per_line; else fail summarize_multinews_one_per_line "$lines lines"; fi
expect_grep summarize_multinews_two_documents '"documents":\[\{"index":0[^]]*\{"index":1' "$TMP/out"

# Invalid UTF-8 is repaired with a warning, never fatal.
printf 'The pier \377\376 collapsed on Saturday evening during the festival, officials said.\n' >"$TMP/bad.txt"
expect_status summarize_invalid_utf8 0 $NF summarize --format json "$TMP/bad.txt"
expect_grep summarize_invalid_utf8_warns 'replaced 2 invalid UTF-8' "$TMP/out"

# Empty input: skipped with a warning naming it; nothing left to read is bad data (exit 1).
: >"$TMP/empty.txt"
expect_status summarize_empty_file 1 $NF summarize --format json "$TMP/empty.txt"
expect_grep summarize_empty_warns 'empty.txt: empty file, skipped' "$TMP/err"

# The shared evaluation data: 25 DUC 2004 summaries within 100 words, with
# offsets that index their documents.
duc="$SHARED/data/duc2004.dev.jsonl"
if [ -f "$duc" ] && command -v python3 >/dev/null; then
    $NF summarize "$duc" --words 100 --format jsonl >"$TMP/duc.jsonl" 2>"$TMP/err"
    if python3 tests/cli/check_summaries.py "$duc" "$TMP/duc.jsonl" 100 >"$TMP/chk" 2>&1; then
        pass summarize_duc2004_budget_and_offsets
    else
        fail summarize_duc2004_budget_and_offsets "$(head -c 400 "$TMP/chk")"
    fi
    mn="$SHARED/data/multinews.dev.jsonl"
    $NF summarize "$mn" --words 260 --format jsonl >"$TMP/mn.jsonl" 2>"$TMP/err"
    if python3 tests/cli/check_summaries.py "$mn" "$TMP/mn.jsonl" 260 >"$TMP/chk" 2>&1; then
        pass summarize_multinews_budget_and_offsets
    else
        fail summarize_multinews_budget_and_offsets "$(head -c 400 "$TMP/chk")"
    fi
else
    skip summarize_duc2004_budget_and_offsets "../shared/data or python3 absent"
    skip summarize_multinews_budget_and_offsets "../shared/data or python3 absent"
fi

# --words 0 turns the word budget off (documented in --help): with no
# other budget the summary holds every sentence the method keeps, far
# more than the default 100 words of the bundled example's 907.
$NF summarize --help >"$TMP/help.txt"
expect_grep summarize_help_words_zero "--words N .*0: no word budget" "$TMP/help.txt"
expect_status summarize_words_zero 0 $NF summarize --words 0 --format json examples/harbor-collapse
words=$(sed -n 's/.*"summary_words": \([0-9]*\).*/\1/p' "$TMP/out")
if [ "${words:-0}" -gt 600 ]; then pass summarize_words_zero_no_budget; else
    fail summarize_words_zero_no_budget "summary_words ${words:-none}, want over 600"; fi

# --standalone: only sentences that stand alone. The default opens this
# summary with the first half of a two-sentence quotation; the option
# takes no half quotation and no "He ..." without the sentence before it.
cat >"$TMP/sa1.txt" <<'TXT'
Storms closed the northern highway on Friday, the transport office said.
The minister arrived in the valley at noon.
He ordered the northern highway closed to all traffic until the storms pass on Sunday.
"We will not risk lives on that road.
The snow is too deep," the minister told reporters.
Drivers waited for hours at the northern highway.
TXT
cat >"$TMP/sa2.txt" <<'TXT'
The northern highway was closed to all traffic until Sunday because of the storms, the minister ordered.
"We will not risk lives on that road," he said, as the snow on the northern highway grew deep.
TXT
expect_status summarize_help_standalone 0 $NF summarize --help
expect_grep summarize_help_standalone_listed "--standalone" "$TMP/out"
expect_status summarize_default_half_quotation 0 $NF summarize --words 25 "$TMP/sa1.txt" "$TMP/sa2.txt"
expect_grep summarize_default_half_quotation_taken '^"We will not risk lives on that road\. \[1\]' "$TMP/out"
for w in 15 25 40 60; do
    $NF summarize --standalone --words $w --format json "$TMP/sa1.txt" "$TMP/sa2.txt" >"$TMP/sa.json" 2>"$TMP/err"
    if python3 - "$TMP/sa.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["options"]["standalone"] is True
prev = None
for s in r["summary"]:
    t = s["text"]
    assert t.count('"') % 2 == 0 or (prev and prev["doc"]["index"] == s["doc"]["index"]), t
    if t.startswith("He "):
        assert prev and prev["doc"]["index"] == s["doc"]["index"] and 0 <= s["start"] - prev["end"] <= 3, t
    prev = s
PY
    then pass summarize_standalone_$w; else fail summarize_standalone_$w "$(head -c 300 "$TMP/sa.json")"; fi
done
