#!/bin/sh
# CLI tests of `newsfuse rouge`: flags as ROUGE-1.5.5 writes them and long
# ones, inputs (JSONL, directories), formats, exit codes; and, when
# ../shared is present, the DUC 2004 S1 run from the raw data files, which
# must print ROUGE-1.5.5's own report byte for byte.
. tests/cli/lib.sh

expect_status rouge_help 0 $NF rouge --help
expect_grep rouge_help_lists_flags "-2 D" "$TMP/out"
expect_status rouge_no_args 2 $NF rouge
expect_status rouge_one_arg 2 $NF rouge x.jsonl
expect_status rouge_unknown_flag 2 $NF rouge -q a.jsonl b.jsonl
expect_status rouge_unknown_long 2 $NF rouge --colour a.jsonl b.jsonl
expect_status rouge_t1_unsupported 2 $NF rouge -t 1 a.jsonl b.jsonl
expect_grep rouge_t1_says_why "only -t 0" "$TMP/err"
expect_status rouge_words_and_bytes 2 $NF rouge -l 100 -b 665 a.jsonl b.jsonl
expect_status rouge_bad_alpha 2 $NF rouge -p 2 a.jsonl b.jsonl
expect_status rouge_missing_value 2 $NF rouge a.jsonl b.jsonl -n
expect_status rouge_bad_format 2 $NF rouge --format xml a.jsonl b.jsonl
expect_status rouge_bad_split 2 $NF rouge --split words a.jsonl b.jsonl
expect_status rouge_bad_peer_words 2 $NF rouge --peer-words 0 a.jsonl b.jsonl

# Two events, two references each; a system that copies reference 1.
cat >"$TMP/refs.jsonl" <<'TXT'
{"id": "e1", "references": ["The bridge over the river closed on Monday.\nEngineers found cracks.", "Cracks closed the river bridge."]}
{"id": "e2", "references": ["Storms flooded three valley towns.", "Three towns in the valley were flooded by storms."]}
TXT
cat >"$TMP/copy.jsonl" <<'TXT'
{"id": "e1", "summary": "The bridge over the river closed on Monday.\nEngineers found cracks."}
{"id": "e2", "summary": "Storms flooded three valley towns."}
TXT
expect_status rouge_table 0 $NF rouge -n 2 -m -2 4 -u "$TMP/copy.jsonl" "$TMP/refs.jsonl"
expect_grep rouge_table_names_system "^copy +ROUGE-1 " "$TMP/out"
expect_grep rouge_table_has_su4 "ROUGE-SU4" "$TMP/out"
expect_grep rouge_table_signature "^signature: newsfuse-rouge .*flags: -n 2 -m -2 4 -u " "$TMP/out"

expect_status rouge_155 0 $NF rouge -n 2 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -a -d --format rouge155 "$TMP/copy.jsonl" "$TMP/refs.jsonl"
expect_grep rouge_155_average "^copy ROUGE-2 Average_R: [01]\.[0-9]{5} \(95%-conf\.int\. [01]\.[0-9]{5} - [01]\.[0-9]{5}\)$" "$TMP/out"
expect_grep rouge_155_eval_line "^copy ROUGE-L Eval e2\.copy R:[01]\.[0-9]{5} P:[01]\.[0-9]{5} F:[01]\.[0-9]{5}$" "$TMP/out"
expect_grep rouge_155_signature "^# signature: " "$TMP/out"

# -e DIR (ROUGE's data folder) and -a are accepted and change nothing.
expect_status rouge_e_and_a 0 $NF rouge -e /nonexistent/data -a -n 1 "$TMP/copy.jsonl" "$TMP/refs.jsonl"

# Bundled switches and attached values, as Perl's getopts reads them.
expect_status rouge_bundled 0 $NF rouge -n2 -mu -2 4 --format=json "$TMP/copy.jsonl" "$TMP/refs.jsonl"
expect_grep rouge_json_schema '"schema":"newsfuse/2","kind":"rouge"' "$TMP/out"
expect_grep rouge_json_su4 '"ROUGE-SU4":\{"R":\{"avg":' "$TMP/out"
expect_grep rouge_json_per_cluster '"clusters":\{"e1":\{"ROUGE-1":\[' "$TMP/out"

# Long flags give the same numbers as the short ones.
$NF rouge -n 2 -m -l 10 --format rouge155 "$TMP/copy.jsonl" "$TMP/refs.jsonl" | grep -v '^#' >"$TMP/short"
$NF rouge --ngram 2 --stem --words 10 --format rouge155 "$TMP/copy.jsonl" "$TMP/refs.jsonl" | grep -v '^#' >"$TMP/long"
if [ -s "$TMP/short" ] && cmp -s "$TMP/short" "$TMP/long"; then pass rouge_long_flags_same; else fail rouge_long_flags_same; fi

# --preset duc2004 is the DUC 2004 command.
$NF rouge --preset duc2004 --format rouge155 "$TMP/copy.jsonl" "$TMP/refs.jsonl" >"$TMP/preset" 2>"$TMP/err"
$NF rouge -n 4 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -a -l 100 --format rouge155 "$TMP/copy.jsonl" "$TMP/refs.jsonl" >"$TMP/flags"
if [ -s "$TMP/preset" ] && cmp -s "$TMP/preset" "$TMP/flags"; then pass rouge_preset_duc2004; else fail rouge_preset_duc2004; fi
expect_status rouge_preset_unknown 2 $NF rouge --preset tac2008 "$TMP/copy.jsonl" "$TMP/refs.jsonl"

# -w at most 1: the scores ROUGE-1.5.5 prints (recall above 1 for an
# identical summary), and a warning that ROUGE-W needs a weight above 1.
expect_status rouge_w_below_1 0 $NF rouge -w 0.5 --format json "$TMP/copy.jsonl" "$TMP/refs.jsonl"
expect_grep rouge_w_below_1_warns 'warning: -w 0.5: ROUGE-W is defined for weights above 1' "$TMP/err"
expect_grep rouge_w_below_1_same_numbers '"ROUGE-W-0.5"' "$TMP/out"
expect_status rouge_w_above_1 0 $NF rouge -w 1.2 "$TMP/copy.jsonl" "$TMP/refs.jsonl"
if grep -q warning "$TMP/err"; then fail rouge_w_above_1_no_warning "$(cat "$TMP/err")"; else pass rouge_w_above_1_no_warning; fi

# Reading is bounded: a JSONL file at most 256 MiB, one summary file of a
# directory at most 64 MiB; /dev/zero is refused by name.
bounded $NF rouge "$TMP/copy.jsonl" /dev/zero
if [ "$got" -eq 1 ] && grep -q 'rouge: /dev/zero: longer than 256 MiB' "$TMP/err"; then pass rouge_jsonl_read_bounded
else fail rouge_jsonl_read_bounded "exit $got: $(head -c 300 "$TMP/err")"; fi
mkdir -p "$TMP/bigsys" # (a directory lists regular files only: a sparse one)
truncate -s 65M "$TMP/bigsys/e1"
bounded $NF rouge "$TMP/bigsys" "$TMP/refs.jsonl"
rm -rf "$TMP/bigsys"
if [ "$got" -eq 1 ] && grep -q 'rouge: [^ ]*bigsys/e1: longer than 64 MiB' "$TMP/err"; then pass rouge_summary_file_read_bounded
else fail rouge_summary_file_read_bounded "exit $got: $(head -c 300 "$TMP/err")"; fi

# A directory of summaries: one file per event, the extension dropped.
mkdir -p "$TMP/mysys"
printf 'The river bridge closed after engineers found cracks.\n' >"$TMP/mysys/e1.txt"
printf 'Storms flooded towns.' >"$TMP/mysys/e2.txt"
expect_status rouge_directory 0 $NF rouge -n 1 --format rouge155 -d "$TMP/mysys" "$TMP/refs.jsonl"
expect_grep rouge_directory_system "^mysys ROUGE-1 Eval e1\.mysys R:" "$TMP/out"
expect_grep rouge_directory_second "^mysys ROUGE-1 Eval e2\.mysys R:" "$TMP/out"

# Several systems at once, and --peer-words.
expect_status rouge_two_systems 0 $NF rouge -n 1 --peer-words 3 "$TMP/copy.jsonl" "$TMP/mysys" "$TMP/refs.jsonl"
expect_grep rouge_two_systems_both "^mysys " "$TMP/out"
expect_grep rouge_peer_words_signed "peer cut: 3 words" "$TMP/out"

# --peer-words cuts summaries only: 4 of 6 words kept, all of them in the reference.
printf '{"id": "w", "references": ["one two three four"]}\n' >"$TMP/w_refs.jsonl"
printf '{"id": "w", "summary": "One two. Three four five six."}\n' >"$TMP/w.jsonl"
expect_status rouge_peer_words 0 $NF rouge -n 1 --peer-words 4 --format rouge155 "$TMP/w.jsonl" "$TMP/w_refs.jsonl"
expect_grep rouge_peer_words_precision "ROUGE-1 Average_P: 1\.00000" "$TMP/out"
expect_status rouge_no_peer_words 0 $NF rouge -n 1 --format rouge155 "$TMP/w.jsonl" "$TMP/w_refs.jsonl"
expect_grep rouge_no_peer_words_precision "ROUGE-1 Average_P: 0\.66667" "$TMP/out"

# --unicode keeps Greek; the default (ROUGE-1.5.5) drops it.
printf '{"id": "g", "references": ["Η Αθήνα γιόρτασε."]}\n' >"$TMP/gr_refs.jsonl"
printf '{"id": "g", "summary": "Η Αθήνα γιόρτασε χθες."}\n' >"$TMP/gr.jsonl"
expect_status rouge_greek_default 0 $NF rouge -n 1 --format rouge155 "$TMP/gr.jsonl" "$TMP/gr_refs.jsonl"
expect_grep rouge_greek_default_zero "ROUGE-1 Average_R: 0\.00000" "$TMP/out"
expect_status rouge_greek_unicode 0 $NF rouge -n 1 --unicode --format rouge155 "$TMP/gr.jsonl" "$TMP/gr_refs.jsonl"
expect_grep rouge_greek_unicode_one "ROUGE-1 Average_R: 1\.00000" "$TMP/out"

# Bad data: exit 1 with the file and line, or the id, named.
printf '{"id": "e1", "summary": "ok"}\n{"id": "e2", "summary": \n' >"$TMP/broken.jsonl"
expect_status rouge_bad_json 1 $NF rouge "$TMP/broken.jsonl" "$TMP/refs.jsonl"
expect_grep rouge_bad_json_line "broken.jsonl:2:" "$TMP/err"
printf '{"id": "e9", "summary": "Nothing to compare with."}\n' >"$TMP/orphan.jsonl"
expect_status rouge_orphan 1 $NF rouge "$TMP/orphan.jsonl" "$TMP/refs.jsonl"
expect_grep rouge_orphan_named "'e9'" "$TMP/err"
printf '{"id": "e1", "refs": []}\n' >"$TMP/norefs.jsonl"
expect_status rouge_no_references_key 1 $NF rouge "$TMP/copy.jsonl" "$TMP/norefs.jsonl"
expect_grep rouge_no_references_line "norefs.jsonl:1:" "$TMP/err"
expect_status rouge_missing_file 1 $NF rouge "$TMP/nope.jsonl" "$TMP/refs.jsonl"

# The DUC 2004 development systems with the S1 flags, from the raw files:
# with the vectors' sentence splitter the report is ROUGE-1.5.5's stdout.
D=$SHARED/data
V=$SHARED/rouge/vectors/S1.rouge_stdout.txt
if [ -f "$V" ] && [ -d "$D/duc2004.systems" ]; then
    $NF rouge -n 4 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -a -l 100 -d --split regex \
        --format rouge155 "$D"/duc2004.systems/*.jsonl "$D/duc2004.dev.jsonl" >"$TMP/s1" 2>"$TMP/err"
    if grep -v '^#' "$TMP/s1" | cmp -s - "$V"; then pass rouge_s1_raw_files_identical
    else fail rouge_s1_raw_files_identical "$(grep -v '^#' "$TMP/s1" | diff - "$V" | head -5)"; fi
else
    skip rouge_s1_raw_files_identical "../shared is absent (licensed DUC data)"
fi
