#!/bin/sh
# Nothing lost (issue 12): an output that is its own input is refused; a
# pipe, a FIFO or stdin loses none of its first bytes to the format sniffing;
# a line too long for its cap becomes an error record in its place and the
# rest go on; a read error is an error, never the end of the input; --resume
# continues only an output this run would have written.
. tests/cli/lib.sh

has() { grep -Eq -- "$1" "$2"; }
lines() { wc -l <"$1" | tr -d ' '; }
# check NAME WHY CONDITION...
check() {
    name=$1; why=$2; shift 2
    if "$@"; then pass "$name"; else fail "$name" "$why: $(head -c 300 "$TMP/err")"; fi
}

# 200 small events, each with its own id.
i=0
while [ $i -lt 200 ]; do
    printf '{"id":"e%d","documents":["The council of district %d met on Monday and agreed to build a bridge. The mayor said it would open next spring."]}\n' $i $i
    i=$((i + 1))
done >"$TMP/s.jsonl"

# ---- 1. The output is the input ----
printf '{"id":"a","documents":["The council met today and agreed to build it."]}\n' >"$TMP/x.jsonl"
cp "$TMP/x.jsonl" "$TMP/x.keep"
ln "$TMP/x.jsonl" "$TMP/x_link.jsonl"
expect_status batch_output_is_input_refused 2 $NF batch "$TMP/x.jsonl" -o "$TMP/x.jsonl"
check batch_output_is_input_kept "the input was changed" cmp -s "$TMP/x.jsonl" "$TMP/x.keep"
expect_grep batch_output_is_input_said "is the input" "$TMP/err"
expect_status batch_output_is_input_by_link_refused 2 $NF batch "$TMP/x.jsonl" -o "$TMP/x_link.jsonl"
expect_status batch_output_is_stdin_refused 2 sh -c "$NF batch - -o '$TMP/x.jsonl' <'$TMP/x.jsonl'"
check batch_output_is_input_by_link_kept "the input was changed" cmp -s "$TMP/x.jsonl" "$TMP/x.keep"

# ---- 2. Pipes, FIFOs and stdin are sniffed without losing bytes ----
expect_status batch_from_pipe 0 sh -c "cat '$TMP/s.jsonl' | $NF batch - -o '$TMP/p.jsonl'"
check batch_from_pipe_all_records "$(lines "$TMP/p.jsonl") records, not 200" [ "$(lines "$TMP/p.jsonl")" -eq 200 ]
if command -v bash >/dev/null; then
    expect_status batch_from_process_substitution 0 bash -c "$NF batch <(cat '$TMP/s.jsonl') -o '$TMP/q.jsonl'"
    check batch_from_process_substitution_all "$(lines "$TMP/q.jsonl") records" [ "$(lines "$TMP/q.jsonl")" -eq 200 ]
else
    skip batch_from_process_substitution "no bash"
fi
mkfifo "$TMP/fifo"
(cat "$TMP/s.jsonl" >"$TMP/fifo" &)
expect_status batch_from_fifo 0 $NF batch "$TMP/fifo" -o "$TMP/f.jsonl"
check batch_from_fifo_all_records "$(lines "$TMP/f.jsonl") records" [ "$(lines "$TMP/f.jsonl")" -eq 200 ]
expect_status summarize_jsonl_from_stdin 0 sh -c "$NF summarize --format jsonl - <'$TMP/s.jsonl'"
check summarize_jsonl_from_stdin_all "$(lines "$TMP/out") records" [ "$(lines "$TMP/out")" -eq 200 ]
expect_status facts_jsonl_from_stdin 0 sh -c "$NF facts --format jsonl - <'$TMP/s.jsonl'"
check facts_jsonl_from_stdin_all "$(lines "$TMP/out") sheets" [ "$(lines "$TMP/out")" -eq 200 ]
printf 'The harbour bridge collapsed on Saturday night during the festival.\nDivers searched the water.\n' >"$TMP/t.txt"
expect_status summarize_text_from_pipe 0 sh -c "cat '$TMP/t.txt' | $NF summarize -"
expect_grep summarize_text_from_pipe_whole "^The harbour bridge collapsed" "$TMP/out"
expect_status idf_build_from_pipe 0 sh -c "cat '$TMP/s.jsonl' | $NF idf build --min-df 1 -"
expect_grep idf_build_from_pipe_all_documents "documents=200" "$TMP/out"

# ---- 3. An oversized line is an error record in its place ----
{
    head -n 2 "$TMP/s.jsonl"
    printf '{"id":"big","documents":["'
    i=0
    while [ $i -lt 400 ]; do printf 'The council met again and agreed to the plan once more. '; i=$((i + 1)); done
    printf '"]}\n'
    sed -n '3,4p' "$TMP/s.jsonl"
} >"$TMP/big.jsonl"
expect_status summarize_long_line_exit_1 1 $NF summarize --format jsonl --max-line-bytes 4096 "$TMP/big.jsonl"
check summarize_long_line_five_records "$(lines "$TMP/out") records, not 5" [ "$(lines "$TMP/out")" -eq 5 ]
expect_grep summarize_long_line_error_record '"line":3,"message":"line longer than 4096 bytes' "$TMP/out"
expect_grep summarize_long_line_named 'big.jsonl:3: line longer than 4096' "$TMP/err"
expect_status facts_long_line_exit_1 1 $NF facts --format jsonl --max-line-bytes 4096 "$TMP/big.jsonl"
check facts_long_line_others_kept "$(lines "$TMP/out") sheets, not 4" [ "$(lines "$TMP/out")" -eq 4 ]
expect_status batch_long_line_exit_1 1 $NF batch "$TMP/big.jsonl" -o "$TMP/b.jsonl" --max-line-bytes 4096
check batch_long_line_five_records "$(lines "$TMP/b.jsonl") records" [ "$(lines "$TMP/b.jsonl")" -eq 5 ]
expect_status idf_long_line_exit_1 1 $NF idf build --min-df 1 --max-line-bytes 4096 "$TMP/big.jsonl"
expect_grep idf_long_line_others_counted "documents=4" "$TMP/out"
expect_status bad_max_line_bytes_usage 2 $NF summarize --max-line-bytes lots "$TMP/big.jsonl"
# A line too large to allocate under an address-space limit: an error, never
# a silent end (the default cap keeps a 100 MB line from being allocated).
if command -v prlimit >/dev/null && [ -z "$VALGRIND" ] && ! echo "$BUILD" | grep -q san; then
    { head -n 2 "$TMP/s.jsonl"; printf '{"id":"huge","documents":["'; head -c 100000000 /dev/zero | tr '\0' 'a'; printf '"]}\n'; sed -n '3,4p' "$TMP/s.jsonl"; } >"$TMP/huge.jsonl"
    expect_status huge_line_under_memory_limit 1 prlimit --as=400000000 $NF summarize --format jsonl "$TMP/huge.jsonl"
    check huge_line_others_kept "$(lines "$TMP/out") records, not 5" [ "$(lines "$TMP/out")" -eq 5 ]
    rm -f "$TMP/huge.jsonl"
    expect_status zero_device_bounded 1 prlimit --as=400000000 $NF summarize --input jsonl /dev/zero
    expect_grep zero_device_named "/dev/zero:1: binary data" "$TMP/err"
else
    skip huge_line_under_memory_limit "no prlimit, or under valgrind or the sanitizers"
fi
# A UTF-8 byte order mark before the first record is no error.
printf '\357\273\277{"id":"bom","documents":["The council met today and agreed to build it."]}\n' >"$TMP/bom.jsonl"
expect_status jsonl_with_bom 0 $NF summarize --format jsonl "$TMP/bom.jsonl"
expect_grep jsonl_with_bom_read '"id":"bom"' "$TMP/out"
# Read errors are errors, not the end of the input.
if [ -r /proc/self/mem ]; then
    expect_status read_error_is_an_error 1 $NF summarize --input jsonl /proc/self/mem
    expect_grep read_error_named "read error" "$TMP/err"
fi

# ---- 4. --resume continues only its own output ----
head -n 100 "$TMP/s.jsonl" >"$TMP/h.jsonl"
$NF batch "$TMP/h.jsonl" -o "$TMP/r.jsonl" 2>/dev/null
expect_status resume_own_output 0 $NF batch "$TMP/s.jsonl" -o "$TMP/r.jsonl" --resume
check resume_own_output_complete "$(lines "$TMP/r.jsonl") records" [ "$(lines "$TMP/r.jsonl")" -eq 200 ]
i=0
while [ $i -lt 20 ]; do printf '{"schema":"newsfuse/2","id":"x%d","summary":[]}\n' $i; i=$((i + 1)); done >"$TMP/foreign.jsonl"
printf '{"schema":"newsfuse/2","id":null,"error":{"file":"q","line":21,"message":"m"}}\n' >>"$TMP/foreign.jsonl"
cp "$TMP/foreign.jsonl" "$TMP/foreign.keep"
expect_status resume_foreign_refused 2 $NF batch "$TMP/s.jsonl" -o "$TMP/foreign.jsonl" --resume
expect_grep resume_foreign_said "does not continue" "$TMP/err"
check resume_foreign_untouched "the foreign file changed" cmp -s "$TMP/foreign.jsonl" "$TMP/foreign.keep"
printf 'not a record\n' >"$TMP/junk.jsonl"
expect_status resume_junk_refused 2 $NF batch "$TMP/s.jsonl" -o "$TMP/junk.jsonl" --resume
expect_grep resume_junk_said "not a newsfuse batch record" "$TMP/err"
{ head -c 70000000 /dev/zero | tr '\0' 'a'; echo; } >"$TMP/long_record.jsonl"
expect_status resume_overlong_record_refused 2 $NF batch "$TMP/s.jsonl" -o "$TMP/long_record.jsonl" --resume
expect_grep resume_overlong_record_said "not a newsfuse batch record: a line over" "$TMP/err"
rm -f "$TMP/long_record.jsonl"
$NF batch "$TMP/h.jsonl" -o "$TMP/w.jsonl" --words 50 2>/dev/null
expect_status resume_other_options_refused 2 $NF batch "$TMP/s.jsonl" -o "$TMP/w.jsonl" --resume
expect_grep resume_other_options_said "other options" "$TMP/err"
# The message names the option that differs, the file's value and this run's.
expect_grep resume_other_options_named 'words [^;]*50[^;]* there, [^;]*100[^;]* now' "$TMP/err"
# Options are typed (newsfuse/2): numbers, reals and switches compare as
# the records carry them, so the same options are still the same...
$NF batch "$TMP/h.jsonl" -o "$TMP/t.jsonl" --ratio 0.123456789 --cut --max-seconds 25.5 2>/dev/null
expect_status resume_typed_options 0 $NF batch "$TMP/s.jsonl" -o "$TMP/t.jsonl" --resume --ratio 0.123456789 --cut --max-seconds 25.5
check resume_typed_options_complete "$(lines "$TMP/t.jsonl") records" [ "$(lines "$TMP/t.jsonl")" -eq 200 ]
# ... and a switch left off is another option.
head -n 100 "$TMP/t.jsonl" >"$TMP/t2.jsonl"
expect_status resume_switch_off_refused 2 $NF batch "$TMP/s.jsonl" -o "$TMP/t2.jsonl" --resume --ratio 0.123456789 --max-seconds 25.5
expect_grep resume_switch_off_said "other options" "$TMP/err"
expect_grep resume_switch_off_named 'cut true there, false now' "$TMP/err"
# Records of the earlier schema (options as strings) are not continued:
# the message names the schema.
sed 's/"schema":"newsfuse\/2"/"schema":"newsfuse\/1"/' "$TMP/r.jsonl" | head -n 100 >"$TMP/v1.jsonl"
cp "$TMP/v1.jsonl" "$TMP/v1.keep"
expect_status resume_schema_1_refused 2 $NF batch "$TMP/s.jsonl" -o "$TMP/v1.jsonl" --resume
expect_grep resume_schema_1_said "is a newsfuse/1 record, written by another version of newsfuse; this one writes newsfuse/2" "$TMP/err"
check resume_schema_1_untouched "the newsfuse/1 file changed" cmp -s "$TMP/v1.jsonl" "$TMP/v1.keep"

# ---- Error records are valid UTF-8 JSON, whatever the file name ----
if command -v python3 >/dev/null; then
    bad=$(printf '%s/bad\377name.jsonl' "$TMP")
    printf 'not json\n' >"$bad"
    $NF summarize --format jsonl "$bad" >"$TMP/out" 2>/dev/null
    if python3 -c 'import json,sys; [json.loads(l.encode("latin-1").decode("utf-8")) for l in open(sys.argv[1], encoding="latin-1")]' "$TMP/out" 2>/dev/null; then
        pass error_record_utf8_file_name
    else
        fail error_record_utf8_file_name "$(head -c 300 "$TMP/out")"
    fi
fi

# ---- A directory of links that lead nowhere is no input, and says so ----
mkdir "$TMP/loops"
ln -s a "$TMP/loops/b"
ln -s b "$TMP/loops/a"
expect_status directory_of_link_loops_is_bad_data 1 $NF summarize "$TMP/loops"
expect_grep directory_of_link_loops_named "loops/a: Too many levels of symbolic links, skipped" "$TMP/err"
expect_status facts_directory_of_link_loops 1 $NF facts "$TMP/loops"
# A directory read as JSONL is a read error, never a crash or an empty input.
mkdir "$TMP/adir"
expect_status jsonl_directory_is_a_read_error 1 $NF summarize --input jsonl "$TMP/adir"
expect_grep jsonl_directory_named "adir: read error" "$TMP/err"
expect_status idf_jsonl_directory_is_a_read_error 1 $NF idf build --input jsonl "$TMP/adir/"
