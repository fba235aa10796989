#!/bin/sh
# CLI tests of `newsfuse batch`: the same records as `summarize --format
# jsonl` whatever -j is, article JSONL grouped by event, error records,
# --resume after a cut or a kill, usage errors; the shared dev sets when
# ../shared is present.
. tests/cli/lib.sh

expect_status batch_help 0 $NF batch --help
expect_grep batch_help_says_grouping "CONSECUTIVE lines with the same" "$TMP/out"
expect_status batch_no_input 2 $NF batch
expect_status batch_bad_jobs 2 $NF batch -j 0 x.jsonl
expect_status batch_bad_input_kind 2 $NF batch --input csv x.jsonl
expect_status batch_resume_needs_output 2 $NF batch --resume x.jsonl
expect_status batch_no_seen 2 $NF batch --seen a.txt x.jsonl
expect_status batch_missing_file 1 $NF batch "$TMP/none.jsonl" -o "$TMP/o.jsonl"
# A directory of reports is summarize's input: batch says so (it crashed
# in the reader after a read error), before it creates the output.
mkdir -p "$TMP/reports"
cp examples/harbor-collapse/1-meridian-wire.txt "$TMP/reports/"
for d in "$TMP/reports" "$TMP/reports/"; do
    expect_status batch_directory_refused 2 $NF batch "$d" -o "$TMP/dir_out.jsonl"
    expect_grep batch_directory_names_summarize "is a directory: batch reads one corpus file.*newsfuse summarize" "$TMP/err"
done
if [ ! -e "$TMP/dir_out.jsonl" ]; then pass batch_directory_no_output; else fail batch_directory_no_output; fi

# A corpus made from the bundled example: event i takes 2 to 4 of its
# reports, rotated, each opened by a sentence naming the event, so every
# record differs. json_text FILE prints a file as a JSON string.
json_text() {
    awk 'BEGIN { ORS = "" } { gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); gsub(/\t/, "\\t");
         printf "%s%s", (NR > 1 ? "\\n" : ""), $0 }' "$1"
}
set -- examples/harbor-collapse/*.txt
i=0
for f in "$@"; do
    json_text "$f" >"$TMP/doc$i.json"
    i=$((i + 1))
done
make_corpus() { # make_corpus EVENTS: cluster JSONL and article JSONL of the same events
    : >"$TMP/clusters.jsonl"
    : >"$TMP/articles.jsonl"
    e=0
    while [ $e -lt "$1" ]; do
        n=$((2 + e % 3))
        docs=""
        k=0
        while [ $k -lt $n ]; do
            d=$(((e + k) % 4))
            lead="Event $e report $k says the harbour inquiry will sit for $((e + k + 3)) weeks before any ruling."
            text="$lead\\n\\n$(cat "$TMP/doc$d.json")"
            doc="{\"id\":\"e$e.r$k\",\"title\":\"Report $k\",\"date\":\"2026-06-$((10 + k))\",\"text\":\"$text\"}"
            docs="$docs${docs:+,}$doc"
            printf '{"event":"e%d","id":"e%d.r%d","title":"Report %d","date":"2026-06-%d","text":"%s"}\n' \
                $e $e $k $k $((10 + k)) "$text" >>"$TMP/articles.jsonl"
            k=$((k + 1))
        done
        printf '{"id":"e%d","documents":[%s]}\n' $e "$docs" >>"$TMP/clusters.jsonl"
        e=$((e + 1))
    done
}
make_corpus 12
# A broken line and a blank line in the middle: an error record in place.
{
    head -n 5 "$TMP/clusters.jsonl"
    printf '%s\n' '{"id":"broken","documents":[{"text":' ''
    tail -n +6 "$TMP/clusters.jsonl"
} >"$TMP/mixed.jsonl"

$NF summarize --format jsonl "$TMP/mixed.jsonl" >"$TMP/want.jsonl" 2>/dev/null
for j in 1 2 3; do
    expect_status batch_bad_line_exit_j$j 1 $NF batch -j $j "$TMP/mixed.jsonl" -o "$TMP/got$j.jsonl"
    if cmp -s "$TMP/want.jsonl" "$TMP/got$j.jsonl"; then pass batch_equals_summarize_j$j; else fail batch_equals_summarize_j$j "$(diff "$TMP/want.jsonl" "$TMP/got$j.jsonl" | head -c 300)"; fi
done
expect_grep batch_error_record_line '"line":6' "$TMP/got2.jsonl"
expect_grep batch_error_names_line 'mixed.jsonl:6:' "$TMP/err"
if [ "$(wc -l <"$TMP/got2.jsonl")" -eq 13 ]; then pass batch_one_record_per_event; else fail batch_one_record_per_event "$(wc -l <"$TMP/got2.jsonl") lines"; fi
if grep -q 'events' "$TMP/err"; then fail batch_no_progress_off_terminal "$(head -c 200 "$TMP/err")"; else pass batch_no_progress_off_terminal; fi

# Summary options and switches pass through as in summarize.
$NF summarize --format jsonl --words 40 --cut --method lead "$TMP/mixed.jsonl" >"$TMP/want_opts.jsonl" 2>/dev/null
$NF batch -j 2 --words 40 --cut --method lead "$TMP/mixed.jsonl" -o "$TMP/got_opts.jsonl" 2>/dev/null
if grep -q '"cut":true' "$TMP/got_opts.jsonl" && cmp -s "$TMP/want_opts.jsonl" "$TMP/got_opts.jsonl"; then
    pass batch_options_as_summarize
else
    fail batch_options_as_summarize
fi

# Standard input and standard output.
$NF summarize --input jsonl --format jsonl - <"$TMP/mixed.jsonl" >"$TMP/want_stdin.jsonl" 2>/dev/null
$NF batch -j 2 - <"$TMP/mixed.jsonl" >"$TMP/stdin.jsonl" 2>/dev/null
if grep -q '"file":"-"' "$TMP/stdin.jsonl" && cmp -s "$TMP/want_stdin.jsonl" "$TMP/stdin.jsonl"; then pass batch_stdin_stdout; else fail batch_stdin_stdout; fi

# Article JSONL: consecutive lines of one event are that event's reports,
# the same set as the cluster line, so the same record.
$NF summarize --format jsonl "$TMP/clusters.jsonl" >"$TMP/want_clusters.jsonl" 2>/dev/null
expect_status batch_articles 0 $NF batch -j 2 "$TMP/articles.jsonl" -o "$TMP/got_articles.jsonl"
if cmp -s "$TMP/want_clusters.jsonl" "$TMP/got_articles.jsonl"; then pass batch_articles_equal_clusters; else fail batch_articles_equal_clusters "$(diff "$TMP/want_clusters.jsonl" "$TMP/got_articles.jsonl" | head -c 300)"; fi
expect_status batch_articles_stdin 0 $NF batch --input articles -j 1 - -o "$TMP/got_articles1.jsonl" <"$TMP/articles.jsonl"
if cmp -s "$TMP/want_clusters.jsonl" "$TMP/got_articles1.jsonl"; then pass batch_articles_stdin_equal; else fail batch_articles_stdin_equal; fi
{
    head -n 3 "$TMP/articles.jsonl"
    printf '%s\n' '{"event":"e1","id":"bad","text":42}'
    tail -n +4 "$TMP/articles.jsonl"
} >"$TMP/articles_bad.jsonl"
# A broken first line does not hide that the file is article JSONL.
{ printf '%s\n' '{"event":"e0","text":' ; cat "$TMP/articles.jsonl"; } >"$TMP/articles_bad_first.jsonl"
expect_status batch_articles_broken_first_line 1 $NF batch -j 2 "$TMP/articles_bad_first.jsonl" -o "$TMP/got_abf.jsonl"
if [ "$(wc -l <"$TMP/got_abf.jsonl")" -eq 13 ] && tail -n 12 "$TMP/got_abf.jsonl" | cmp -s - "$TMP/want_clusters.jsonl"; then
    pass batch_articles_detected_past_a_broken_line
else
    fail batch_articles_detected_past_a_broken_line "$(head -c 200 "$TMP/got_abf.jsonl")"
fi
expect_status batch_articles_bad_line 1 $NF batch -j 2 "$TMP/articles_bad.jsonl" -o "$TMP/got_ab.jsonl"
expect_grep batch_articles_bad_line_record '"id":"bad","error":\{"file":"[^"]*articles_bad.jsonl","line":4,"message":"\\"text\\" must be a string"' "$TMP/got_ab.jsonl"
if [ "$(wc -l <"$TMP/got_ab.jsonl")" -eq 13 ]; then pass batch_articles_bad_line_count; else fail batch_articles_bad_line_count "$(wc -l <"$TMP/got_ab.jsonl")"; fi
# An error cut inside a character by jansson (an invalid escape before
# "é"): the error record stays valid UTF-8, no lone 0xC3.
printf '{"event":"e1","id":"esc","text":"Th\\\303\251"}\n' >"$TMP/articles_esc.jsonl"
expect_status batch_articles_escape_error 1 $NF batch --input articles "$TMP/articles_esc.jsonl" -o "$TMP/got_esc.jsonl"
if command -v python3 >/dev/null; then
    if python3 -c 'import json, sys; r = json.loads(open(sys.argv[1], "rb").read().decode("utf-8")); assert r["error"]["message"].startswith("column")' "$TMP/got_esc.jsonl" 2>"$TMP/pyerr"; then
        pass batch_articles_escape_error_record_utf8
    else
        fail batch_articles_escape_error_record_utf8 "$(head -c 300 "$TMP/pyerr")"
    fi
else
    skip batch_articles_escape_error_record_utf8 "no python3"
fi

# --resume after a cut: complete lines are kept, a partial last line is
# dropped, the rest is done; the result is the uninterrupted run's.
head -n 4 "$TMP/want.jsonl" >"$TMP/resumed.jsonl"
sed -n 5p "$TMP/want.jsonl" | head -c 100 >>"$TMP/resumed.jsonl"
expect_status batch_resume_exit 1 $NF batch -j 2 --resume "$TMP/mixed.jsonl" -o "$TMP/resumed.jsonl"
if cmp -s "$TMP/want.jsonl" "$TMP/resumed.jsonl"; then pass batch_resume_after_cut; else fail batch_resume_after_cut "$(diff "$TMP/want.jsonl" "$TMP/resumed.jsonl" | head -c 300)"; fi
cp "$TMP/want.jsonl" "$TMP/complete.jsonl"
expect_status batch_resume_complete 1 $NF batch --resume "$TMP/mixed.jsonl" -o "$TMP/complete.jsonl"
if cmp -s "$TMP/want.jsonl" "$TMP/complete.jsonl"; then pass batch_resume_nothing_left; else fail batch_resume_nothing_left; fi
# Resuming over the output of another input is refused.
head -n 3 "$TMP/want.jsonl" >"$TMP/other.jsonl"
expect_status batch_resume_wrong_input 2 $NF batch --resume "$TMP/articles_bad.jsonl" -o "$TMP/other.jsonl"
expect_grep batch_resume_wrong_input_says "does not continue" "$TMP/err"

# A run killed midway (SIGKILL: no clean-up at all), then resumed. The
# killed run reads a pipe that is never closed, so it is killed for sure
# before the end; records are written as events finish, not at the end.
make_corpus 150
$NF batch -j 2 "$TMP/clusters.jsonl" -o "$TMP/full.jsonl" 2>/dev/null
mkfifo "$TMP/fifo"
$NF batch -j 2 --input jsonl - -o "$TMP/killed.jsonl" <"$TMP/fifo" 2>/dev/null &
pid=$!
exec 3>"$TMP/fifo"
head -n 60 "$TMP/clusters.jsonl" >&3
lines_of() { if [ -f "$1" ]; then wc -l <"$1"; else echo 0; fi; }
k=0
while [ "$(lines_of "$TMP/killed.jsonl")" -lt 20 ] && [ $k -lt 3000 ]; do
    sleep 0.02
    k=$((k + 1))
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
exec 3>&-
before=$(lines_of "$TMP/killed.jsonl")
expect_status batch_resume_after_kill_exit 0 $NF batch -j 2 --resume "$TMP/clusters.jsonl" -o "$TMP/killed.jsonl"
if [ "$before" -ge 20 ] && [ "$before" -le 60 ] && cmp -s "$TMP/full.jsonl" "$TMP/killed.jsonl"; then
    pass batch_resume_after_kill
else
    fail batch_resume_after_kill "$before records before resuming; $(cmp "$TMP/full.jsonl" "$TMP/killed.jsonl" 2>&1 | head -c 200)"
fi

# Update sets read their topic's earlier sets, as summarize reads them,
# though batch's workers parse lines: set B spells its key with an escape
# (\u0061), which must not hide it. Plain lines between stay plain.
{
    printf '{"id":"T1-A","update_set":"A","documents":["%s","%s"]}\n' "$(cat "$TMP/doc0.json")" "$(cat "$TMP/doc1.json")"
    sed -n 1p "$TMP/clusters.jsonl"
    printf '{"id":"T1-B","upd\\u0061te_set":"B","documents":["%s"]}\n' "$(cat "$TMP/doc2.json")"
    sed -n 2p "$TMP/clusters.jsonl"
    printf '{"id":"T1-C","update_set":"C","documents":["%s"]}\n' "$(cat "$TMP/doc3.json")"
} >"$TMP/updates.jsonl"
$NF summarize --format jsonl "$TMP/updates.jsonl" >"$TMP/want_upd.jsonl" 2>/dev/null
$NF batch -j 2 "$TMP/updates.jsonl" -o "$TMP/got_upd.jsonl" 2>/dev/null
if grep -q '"seen_documents":2,' "$TMP/got_upd.jsonl" && grep -q '"seen_documents":3,' "$TMP/got_upd.jsonl" &&
    cmp -s "$TMP/want_upd.jsonl" "$TMP/got_upd.jsonl"; then
    pass batch_update_sets_read_earlier_sets
else
    fail batch_update_sets_read_earlier_sets "$(grep -o '"seen_documents":[0-9]*' "$TMP/got_upd.jsonl" | tr '\n' ' ')"
fi

# A time limit makes a summary depend on the clock: batch names every event
# it cut, in input order whatever -j is, and says how many; without a cut
# nothing is said. (1 microsecond: every event here takes longer.)
head -n 4 "$TMP/clusters.jsonl" >"$TMP/four.jsonl"
for j in 1 2; do
    expect_status batch_time_limit_exit_j$j 0 $NF batch -j $j --max-seconds 0.000001 "$TMP/four.jsonl" -o "$TMP/tl$j.jsonl"
    grep 'hit a time limit' "$TMP/err" >"$TMP/tl_err$j"
done
if [ "$(grep -c 'four.jsonl:[1-4]: event e[0-3] hit a time limit' "$TMP/tl_err1")" -eq 4 ] &&
    grep -q '4 event(s) hit a time limit' "$TMP/tl_err1" && cmp -s "$TMP/tl_err1" "$TMP/tl_err2" &&
    [ "$(sed -n 's/.*:\([1-4]\): event.*/\1/p' "$TMP/tl_err2" | tr -d '\n')" = 1234 ]; then
    pass batch_time_limit_names_events
else
    fail batch_time_limit_names_events "$(head -c 300 "$TMP/tl_err2")"
fi
expect_grep batch_time_limit_in_record 'time limit of 1e-06 s reached' "$TMP/tl1.jsonl"
expect_status batch_no_time_limit_exit 0 $NF batch -j 2 "$TMP/four.jsonl" -o "$TMP/tl0.jsonl"
if grep -q 'time limit' "$TMP/err" "$TMP/tl0.jsonl"; then fail batch_no_time_limit_silent "$(head -c 200 "$TMP/err")"; else pass batch_no_time_limit_silent; fi

# The development sets: -j 1 and -j 2 byte for byte, and equal to summarize
# (DUC 2007's update sets read their earlier sets: the history must hold).
if [ -d "$SHARED/data" ]; then
    for set in duc2007_update duc2004; do
        in="$SHARED/data/$set.dev.jsonl"
        $NF summarize --format jsonl "$in" >"$TMP/s.jsonl" 2>/dev/null
        $NF batch -j 1 "$in" -o "$TMP/b1.jsonl" 2>/dev/null
        $NF batch -j 2 "$in" -o "$TMP/b2.jsonl" 2>/dev/null
        if cmp -s "$TMP/s.jsonl" "$TMP/b1.jsonl" && cmp -s "$TMP/b1.jsonl" "$TMP/b2.jsonl"; then
            pass "batch_shared_$set"
        else
            fail "batch_shared_$set" "outputs differ"
        fi
    done
else
    skip batch_shared "no $SHARED/data (licensed evaluation data is not in the repository)"
fi
