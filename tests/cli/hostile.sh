#!/bin/sh
# Hostile input through the CLI (issue 6): each input with its defined
# behaviour. Everywhere: no crash (exit 0, 1 or 2, never a signal), bad data
# exits 1 with a message naming the file (and line or column), bad usage
# exits 2, no hang, memory bounded. The big inputs are generated here, in a
# temporary directory.
. tests/cli/lib.sh

# no_crash NAME: the last expect_status-style run ($TMP/out, $TMP/err,
# status in $got) ended normally with exit 0, 1 or 2.
run() {
    "$@" >"$TMP/out" 2>"$TMP/err"
    got=$?
}
no_crash() {
    if [ "$got" -le 2 ]; then pass "$1"; else fail "$1" "exit $got: $(tail -c 300 "$TMP/err")"; fi
}
# check NAME WHY CONDITION...: PASS when the condition holds, else FAIL
# with WHY and the start of the last run's stderr.
check() {
    name=$1; why=$2; shift 2
    if "$@"; then pass "$name"; else fail "$name" "$why: $(head -c 300 "$TMP/err")"; fi
}
has() { grep -Eq -- "$1" "$2"; }
# py NAME ARGS...: runs a python3 check (PASS/FAIL), SKIP without python3.
py() {
    name=$1; shift
    if ! command -v python3 >/dev/null; then skip "$name" "no python3"; return; fi
    if python3 "$@" 2>/dev/null; then pass "$name"; else fail "$name" "$(head -c 300 "$TMP/out")"; fi
}

# measure NAME MAX_KB MAX_S CMD...: runs CMD under /usr/bin/time; the run
# must end normally within MAX_S seconds and MAX_KB of peak RSS. Under the
# sanitizers (BUILD=build-san) memory and time are not comparable: only the
# normal end is checked.
measure() {
    name=$1; max_kb=$2; max_s=$3; shift 3
    if [ ! -x /usr/bin/time ]; then
        run "$@"
        no_crash "$name"
        skip "${name}_bounded" "no /usr/bin/time"
        return
    fi
    /usr/bin/time -f '%M %e' -o "$TMP/time" "$@" >"$TMP/out" 2>"$TMP/err"
    got=$?
    no_crash "$name"
    set -- $(tail -n 1 "$TMP/time")
    kb=$1; secs=${2%.*}
    echo "  $name: peak RSS ${kb} KB, ${2} s"
    case "$BUILD" in *san*) return ;; esac
    if [ "$kb" -le "$max_kb" ] && [ "$secs" -lt "$max_s" ]; then
        pass "${name}_bounded"
    else
        fail "${name}_bounded" "peak RSS $kb KB (limit $max_kb), $2 s (limit $max_s)"
    fi
}

# ---- Small hostile files, one report each ----
: >"$TMP/empty.txt"
printf ' \n\t\r\n  \n' >"$TMP/blank.txt"
printf 'Twelve people were killed\000 in the collapse of the old harbour bridge.\nRescue divers searched the water\000 through the night for the missing.\000\n' >"$TMP/nul.txt"
printf 'Overlong forms \300\257 and \340\200\257 were found in the harbour report today.\nA surrogate \355\240\200 sits inside this sentence about the rescue divers.\nA truncated \342\202 sequence sits in this sentence about the bridge.\nLone continuation bytes \200\277 sit in this sentence about the festival.\n' >"$TMP/badutf8.txt"
cp "$TMP/badutf8.txt" "$TMP/badutf8_copy.txt"

run $NF summarize "$TMP/empty.txt"
no_crash empty_file_no_crash
check empty_file_is_bad_data "an empty report alone: exit 1 naming the file (exit $got)" \
    sh -c "[ $got -eq 1 ] && grep -q 'empty.txt: empty file' '$TMP/err'"
printf 'Twelve people were killed in the collapse of the old harbour bridge on Saturday.\n' >"$TMP/good.txt"
run $NF summarize "$TMP/empty.txt" "$TMP/good.txt"
check empty_file_beside_good_one_skipped "an empty report beside a good one: exit 0, a warning naming it (exit $got)" \
    sh -c "[ $got -eq 0 ] && grep -q 'warning: .*empty.txt: empty file, skipped' '$TMP/err' && grep -q 'Twelve people' '$TMP/out'"
run $NF summarize - </dev/null
check empty_stdin_is_bad_data "empty standard input: exit 1 (exit $got)" sh -c "[ $got -eq 1 ]"
run $NF summarize "$TMP/blank.txt"
no_crash blank_file_no_crash
expect_grep blank_file_warns "no sentence" "$TMP/err"
run $NF summarize --format json "$TMP/empty.txt" "$TMP/blank.txt"
no_crash empty_and_blank_json
py empty_json_has_warning_and_no_sentence -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d["summary"]==[] and d["warnings"] else 1)' "$TMP/out"

run $NF summarize --format json "$TMP/nul.txt"
no_crash nul_bytes_no_crash
expect_grep nul_bytes_counted_in_warning 'replaced 3 invalid' "$TMP/out"
if has '\\u0000' "$TMP/out"; then fail nul_bytes_not_in_output; else pass nul_bytes_not_in_output; fi
check nul_at_sentence_end_keeps_sentence "a NUL right after the full stop must not make the sentence a fragment" \
    has '"text": "Rescue divers searched the water.* for the missing\."' "$TMP/out"
run $NF split "$TMP/nul.txt"
no_crash split_nul_no_crash
check split_prints_no_nul "newsfuse split copies NUL bytes to its output" \
    sh -c "tr -d '\\000' <'$TMP/out' | cmp -s - '$TMP/out'"
check split_prints_nul_as_fffd "NUL should print as U+FFFD" \
    sh -c "[ \$(grep -c 'killed$(printf '\357\277\275') in the collapse' '$TMP/out') -eq 1 ]"
check split_sentence_ends_at_full_stop "a trailing NUL stays out of the sentence" \
    sh -c "[ \$(grep -c 'for the missing\\.\$' '$TMP/out') -eq 1 ]"

run $NF summarize --format json --sentences 10 --min-words 0 "$TMP/badutf8.txt"
no_crash invalid_utf8_no_crash
# Maximal subparts: C0 AF -> 2, E0 80 AF -> 3, ED A0 80 -> 3, E2 82 -> 1, 80 BF -> 2.
expect_grep invalid_utf8_counted 'replaced 11 invalid UTF-8' "$TMP/out"
py invalid_utf8_output_is_valid_json_utf8 -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8", errors="strict"))' "$TMP/out"
# The offsets still index the original bytes: each sentence starts where its
# first word is in the file.
cat >"$TMP/offsets.py" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
raw = open(sys.argv[2], "rb").read()
ok = len(d["summary"]) >= 3
for s in d["summary"]:
    first = s["text"].split(" ")[0].encode()
    ok = ok and raw[s["start"]:s["start"] + len(first)] == first and s["end"] <= len(raw)
sys.exit(0 if ok else 1)
PY
py invalid_utf8_offsets_index_original_bytes "$TMP/offsets.py" "$TMP/out" "$TMP/badutf8.txt"
run $NF summarize "$TMP/badutf8.txt" "$TMP/badutf8_copy.txt"
check invalid_utf8_warning_names_each_file "one invalid-UTF-8 warning per report, naming it, with its count and first byte" \
    sh -c "grep -q 'document \"badutf8.txt\": replaced 11 invalid UTF-8 sequence(s) with U+FFFD (the first at byte 15)' '$TMP/err' &&
           grep -q 'document \"badutf8_copy.txt\": replaced 11 invalid' '$TMP/err'"
# JSON input is repaired line by line before parsing: the warning still comes,
# in summarize and in batch, for cluster and article lines.
printf '{"id":"x","documents":["The harbour bridge fell \377 into the water on the night of the festival."]}\n' >"$TMP/badutf8.jsonl"
printf '{"event":"e","id":"a","text":"The harbour bridge fell \377 into the water on the night of the festival."}\n' >"$TMP/badutf8_articles.jsonl"
run $NF summarize --format jsonl "$TMP/badutf8.jsonl"
expect_grep invalid_utf8_in_jsonl_warned 'replaced 1 invalid UTF-8 sequence\(s\) with U\+FFFD in the JSON input' "$TMP/out"
run $NF batch "$TMP/badutf8.jsonl"
expect_grep invalid_utf8_in_jsonl_warned_batch 'replaced 1 invalid UTF-8 sequence\(s\) with U\+FFFD in the JSON input' "$TMP/out"
run $NF batch --input articles "$TMP/badutf8_articles.jsonl"
expect_grep invalid_utf8_in_articles_warned 'replaced 1 invalid UTF-8' "$TMP/out"

# ---- Files that cannot be read ----
expect_status missing_file_exit_1 1 $NF summarize "$TMP/none.txt"
expect_grep missing_file_named "none.txt: cannot open" "$TMP/err"
ln -s "$TMP/nowhere" "$TMP/dangling.txt"
expect_status dangling_link_exit_1 1 $NF summarize "$TMP/dangling.txt"
expect_grep dangling_link_named "dangling.txt" "$TMP/err"
if [ -r /proc/self/mem ]; then
    # Opens, then every read fails (EIO): the read error path.
    for cmd in summarize facts split; do
        expect_status unreadable_${cmd}_exit_1 1 $NF $cmd /proc/self/mem
        expect_grep unreadable_${cmd}_named "/proc/self/mem: read error" "$TMP/err"
    done
    expect_status unreadable_jsonl_exit_1 1 $NF summarize --input jsonl /proc/self/mem
    expect_grep unreadable_jsonl_named "/proc/self/mem: read error" "$TMP/err"
else
    skip unreadable_proc_mem "no /proc/self/mem"
fi
if [ "$(id -u)" -ne 0 ]; then
    printf 'Secret report text that nobody may read at all today.\n' >"$TMP/locked.txt"
    chmod 000 "$TMP/locked.txt"
    expect_status chmod_000_exit_1 1 $NF summarize "$TMP/locked.txt"
    expect_grep chmod_000_named "locked.txt: cannot open: Permission denied" "$TMP/err"
else
    skip chmod_000_exit_1 "running as root, who reads a chmod 000 file (the /proc/self/mem checks cover a failing read)"
fi
mkdir -p "$TMP/adir"
expect_status directory_as_jsonl_exit_1 1 $NF summarize --input jsonl "$TMP/adir"
expect_grep directory_as_jsonl_named "adir" "$TMP/err"
expect_status empty_directory_exit_1 1 $NF summarize "$TMP/adir"
expect_grep empty_directory_named "adir: no files" "$TMP/err"

# ---- A directory of binary files ----
mkdir -p "$TMP/bin"
head -c 65536 "$BUILD/newsfuse" >"$TMP/bin/program.bin"
awk 'BEGIN { srand(7); for (i = 0; i < 30000; i++) printf "%c", int(rand() * 256) }' >"$TMP/bin/noise.dat"
printf '\037\213\010\000\000\000\000\000\000\003' >"$TMP/bin/archive.gz"
head -c 4096 /dev/zero >"$TMP/bin/zeros.bin"
measure binary_directory 400000 60 $NF summarize --format json "$TMP/bin"
if [ "$got" -eq 1 ]; then pass binary_directory_exit_1; else fail binary_directory_exit_1 "exit $got"; fi
for f in program.bin noise.dat archive.gz zeros.bin; do
    expect_grep "binary_file_${f%.*}_named" "bin/$f: .*skipped" "$TMP/err"
done
expect_grep binary_directory_says_nothing_left "no report to read: 4 input file" "$TMP/err"
if [ -s "$TMP/out" ]; then fail binary_directory_no_output "$(head -c 200 "$TMP/out")"; else pass binary_directory_no_output; fi
printf 'Twelve people were killed in the collapse of the old harbour bridge on Saturday.\n' >"$TMP/bin/report.txt"
run $NF summarize "$TMP/bin"
check binary_files_beside_a_report_skipped "a directory with one report among binary files: exit 0, the report summarized (exit $got)" \
    sh -c "[ $got -eq 0 ] && grep -q 'Twelve people' '$TMP/out' && grep -q 'zeros.bin: binary data' '$TMP/err'"
rm "$TMP/bin/report.txt"
measure binary_as_jsonl 400000 60 $NF summarize --input jsonl --format jsonl "$TMP/bin/program.bin"
expect_status binary_as_jsonl_exit_1 1 $NF summarize --input jsonl --format jsonl "$TMP/bin/program.bin"
expect_grep binary_as_jsonl_names_line "program.bin:[0-9]+: column [0-9]+" "$TMP/err"
measure binary_facts 400000 60 $NF facts "$TMP/bin"
measure binary_split 400000 60 $NF split "$TMP/bin/noise.dat"

# ---- JSON: truncated, deeply nested, wrong types, duplicates, missing ----
{
    printf '%s\n' '{"id":"t1","documents":[{"text":"Twelve people were killed in the collapse of the bridge.'
    printf '%s' '{"id":"deep","documents":'
    awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]"; print "}" }'
    printf '%s\n' '{"id":5,"documents":["Twelve people were killed in the collapse of the old bridge."]}'
    printf '%s\n' '{"id":"types","documents":{"text":"x"}}'
    printf '%s\n' '{"id":"types2","documents":[{"text":7}]}'
    printf '%s\n' '{"id":"types3","documents":[3]}'
    printf '%s\n' '"just a string"'
    printf '%s\n' '{"id":"dupkey","id":"again","documents":["Twelve people were killed in the collapse of the old bridge."]}'
    printf '%s\n' '{"id":"nodocs"}'
    printf '%s\n' '{"id":"notext","documents":[{"title":"A title only"}]}'
    printf '%s\n' '{"id":"good","documents":["Twelve people were killed in the collapse of the old harbour bridge on Saturday.","Rescue divers searched the water through the night for the missing."]}'
    printf '%s\n' '{"id":"dupids","documents":[{"id":"x","text":"Twelve people were killed in the collapse of the old harbour bridge on Saturday."},{"id":"x","text":"Rescue divers searched the water through the night for the missing."}]}'
    printf '%s' '{"id":"lastcut","documents":["Twelve people'
} >"$TMP/bad.jsonl"
measure bad_json_lines 200000 60 $NF summarize --format jsonl "$TMP/bad.jsonl"
expect_status bad_json_exit_1 1 $NF summarize --format jsonl "$TMP/bad.jsonl"
records=$(wc -l <"$TMP/out")
if [ "$records" -eq 13 ]; then pass bad_json_one_record_per_line; else fail bad_json_one_record_per_line "$records records for 13 lines"; fi
errors=$(grep -c '"error":' "$TMP/out")
if [ "$errors" -eq 11 ]; then pass bad_json_error_records; else fail bad_json_error_records "$errors error records, want 11"; fi
for l in 1 2 3 4 5 6 7 8 9 10 13; do
    expect_grep "bad_json_line_${l}_named" "bad.jsonl:$l: " "$TMP/err"
done
expect_grep bad_json_truncated_column '"line":1,"message":"column [0-9]+: unexpected newline' "$TMP/out"
expect_grep bad_json_truncated_at_eof '"line":13,"message":"column [0-9]+: premature end of input' "$TMP/out"
expect_grep bad_json_deep_refused '"line":2,"message":"column [0-9]+: maximum parsing depth' "$TMP/out"
expect_grep bad_json_id_type '"line":3,"message":"event: \\"id\\" must be a string' "$TMP/out"
expect_grep bad_json_documents_type '"line":4,"message":"\\"documents\\" must be an array' "$TMP/out"
expect_grep bad_json_text_type '"line":5,"message":"documents\[0\]: \\"text\\" must be a string' "$TMP/out"
expect_grep bad_json_duplicate_key '"line":8,"message":"column [0-9]+: duplicate object key' "$TMP/out"
expect_grep bad_json_missing_documents '"id":"nodocs","error":\{[^}]*"line":9' "$TMP/out"
expect_grep bad_json_missing_text '"line":10,"message":"documents\[0\]: missing \\"text\\"' "$TMP/out"
expect_grep bad_json_good_line_summarized '"id":"good","method"' "$TMP/out"
expect_grep bad_json_duplicate_doc_ids_summarized '"id":"dupids","method"' "$TMP/out"
check duplicate_doc_ids_warned "two documents with the same id need a warning in the record" \
    sh -c "grep '\"id\":\"dupids\"' '$TMP/out' | grep -q 'duplicate document id \\\\\"x\\\\\" (documents 0 and 1)'"
# The same file through batch: the same records, in the same order.
expect_status bad_json_batch_exit_1 1 $NF batch -j 2 "$TMP/bad.jsonl" -o "$TMP/batch.jsonl"
$NF summarize --format jsonl "$TMP/bad.jsonl" >"$TMP/want.jsonl" 2>/dev/null
if cmp -s "$TMP/want.jsonl" "$TMP/batch.jsonl"; then pass bad_json_batch_same_records; else fail bad_json_batch_same_records "$(diff "$TMP/want.jsonl" "$TMP/batch.jsonl" | head -c 300)"; fi
# jansson's error text can end inside a UTF-8 character (a bad escape
# before "é"): the error record must still be valid UTF-8 JSON.
printf '{"id":"esc","documents":["\\\303\251"]}\n' >"$TMP/escape.jsonl"
run $NF summarize --format jsonl "$TMP/escape.jsonl"
no_crash bad_escape_no_crash
py bad_escape_error_record_is_json -c 'import json,sys; r=[json.loads(l) for l in open(sys.argv[1], encoding="utf-8", errors="strict")]; sys.exit(0 if len(r)==1 and r[0]["error"]["line"]==1 else 1)' "$TMP/out"
# Multi-News junk: separators only, binary.
printf '|||||  |||||NEWLINE_CHAR|||||\n\n\000\377\376 ||||| \300\257\n' >"$TMP/junk.multinews"
run $NF summarize --input multinews --format jsonl "$TMP/junk.multinews"
no_crash multinews_junk_no_crash
if [ "$(wc -l <"$TMP/out")" -eq 2 ]; then pass multinews_junk_one_record_per_line; else fail multinews_junk_one_record_per_line "$(wc -l <"$TMP/out") records"; fi

# ROUGE: a bad reference or summary line is named; binary summaries too.
printf '%s\n' '{"id":"c1","references":["The bridge fell on Saturday."]}' '{"id":"c2","references":[5]}' >"$TMP/refs_bad.jsonl"
printf '%s\n' '{"id":"c1","references":["The bridge fell on Saturday."]}' >"$TMP/refs.jsonl"
printf '%s\n' '{"id":"c1","summary":"The bridge collapsed."}' 'garbage' >"$TMP/sys_bad.jsonl"
expect_status rouge_bad_reference_exit_1 1 $NF rouge "$TMP/sys_bad.jsonl" "$TMP/refs_bad.jsonl"
expect_grep rouge_bad_reference_named "refs_bad.jsonl:2:" "$TMP/err"
expect_status rouge_bad_summary_exit_1 1 $NF rouge "$TMP/sys_bad.jsonl" "$TMP/refs.jsonl"
expect_grep rouge_bad_summary_named "sys_bad.jsonl:2:" "$TMP/err"
run $NF rouge "$TMP/bin" "$TMP/refs.jsonl"
no_crash rouge_binary_summaries_no_crash
if [ "$got" -eq 1 ] && has 'bin' "$TMP/err"; then pass rouge_binary_summaries_named; else fail rouge_binary_summaries_named "exit $got: $(head -c 200 "$TMP/err")"; fi

# ---- Bad usage: exit 2 ----
expect_status usage_unknown_flag_exit_2 2 $NF summarize --no-such-flag "$TMP/blank.txt"
expect_status usage_bad_limit_exit_2 2 $NF summarize --max-sentences lots "$TMP/blank.txt"
expect_status usage_bad_input_kind_exit_2 2 $NF summarize --input xml "$TMP/blank.txt"
expect_status usage_facts_no_input_exit_2 2 $NF facts

# ---- Big inputs ----
# A 100 MB report on one line: read, cut at max_document_bytes (a warning
# says so), summarized, in bounded memory.
awk 'BEGIN { s = "The harbour bridge collapsed on Saturday evening and rescue divers searched the water all night long. ";
             n = int(104857600 / length(s)) + 1; for (i = 0; i < n; i++) printf "%s", s }' | head -c 104857600 >"$TMP/big.txt"
measure big_line 700000 120 $NF summarize --format json "$TMP/big.txt"
expect_status big_line_exit_0 0 $NF summarize --format json "$TMP/big.txt"
expect_grep big_line_cut_warned 'cut at [0-9]+ bytes \(max_document_bytes\)' "$TMP/out"
expect_grep big_line_summarized '"text": "The harbour bridge collapsed' "$TMP/out"
expect_grep big_line_read_cut_warned "big.txt: read only the first 8388612 bytes \(max_document_bytes is 8388608" "$TMP/err"
case "$BUILD" in
*san*) skip big_line_read_bounded "RSS is not comparable under the sanitizers" ;;
*) if [ -f "$TMP/time" ]; then
       check big_line_read_bounded "only max_document_bytes (8 MiB) may be read and copied: peak RSS under 150 MB" \
           sh -c "[ \$(tail -n 1 '$TMP/time' | cut -d' ' -f1) -lt 150000 ]"
   else skip big_line_read_bounded "no /usr/bin/time"; fi ;;
esac
run $NF summarize --format json --max-document-bytes 0 "$TMP/big.txt"
check big_line_no_cap_reads_all "--max-document-bytes 0 reads the whole file (exit $got)" \
    sh -c "[ $got -eq 0 ] && grep -q '\"bytes\": 104857600' '$TMP/out' && ! grep -q 'read only' '$TMP/err'"
rm -f "$TMP/big.txt"

# A million one-word sentences: cut by max_sentences (warned), no hang.
awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "Word%d. ", i % 1000 }' >"$TMP/million.txt"
measure million_sentences 300000 120 $NF summarize --format json "$TMP/million.txt"
expect_grep million_sentences_cut_warned 'max_sentences|max_document_bytes' "$TMP/out"
rm -f "$TMP/million.txt"

# A cluster of 10,000 documents, as one JSONL line and as a directory.
awk 'BEGIN { printf "{\"id\":\"tenk\",\"documents\":[";
             for (i = 0; i < 10000; i++) printf "%s{\"id\":\"d%d\",\"text\":\"Report %d says the harbour bridge collapsed on Saturday evening. Rescue divers searched the water for %d hours, officials said.\"}", (i ? "," : ""), i, i, i % 50;
             print "]}" }' >"$TMP/tenk.jsonl"
measure tenk_documents_jsonl 300000 120 $NF summarize --format jsonl "$TMP/tenk.jsonl"
expect_grep tenk_documents_summarized '"id":"tenk","method"' "$TMP/out"
mkdir -p "$TMP/tenk"
awk -v d="$TMP/tenk" 'BEGIN { for (i = 0; i < 10000; i++) { f = sprintf("%s/r%05d.txt", d, i);
             printf "Report %d says the harbour bridge collapsed on Saturday evening. Rescue divers searched the water for %d hours.\n", i, i % 50 >f; close(f) } }'
measure tenk_documents_directory 300000 120 $NF summarize "$TMP/tenk"
expect_grep tenk_directory_sources 'r0[0-9]{4}\.txt' "$TMP/out"
measure tenk_documents_facts 300000 120 $NF facts "$TMP/tenk.jsonl"
