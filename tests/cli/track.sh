#!/bin/sh
# newsfuse track and serve --db (issue 18): an invented stream of 300
# articles (tests/cli/track_articles.py) tracked into a database, its update
# records, resuming, kill -9 at random moments (bench/track_crash.sh, small),
# bad input, refused databases, the watched directory and the events API.
. "$(dirname "$0")/lib.sh"

python3 tests/cli/track_articles.py 25 12 >"$TMP/stream.jsonl"
DB=$TMP/t.db

expect_status track_first_run 0 $NF track --db "$DB" --every 100 "$TMP/stream.jsonl"
cp "$TMP/out" "$TMP/records.jsonl"
expect_grep track_counts_said '300 articles added, 0 already stored' "$TMP/err"
if python3 - "$TMP/records.jsonl" <<'PY' 2>"$TMP/py"; then pass track_records_schema; else fail track_records_schema "$(head -c 400 "$TMP/py")"; fi
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
assert recs, "no record"
seen = {}
for r in recs:
    assert r["schema"] == "newsfuse/2" and r["kind"] == "event_update"
    for k in ("event", "update", "articles", "new_articles", "summary", "changes", "sources", "timeline"):
        assert k in r, k
    assert set(r["changes"]) == {"new_figures", "revisions", "conflicts"}
    assert r["update"] == seen.get(r["event"], 0) + 1, "updates of an event count 1, 2, ..."
    seen[r["event"]] = r["update"]
    assert len(r["sources"]) == r["articles"]
    assert r["timeline"][0]["kind"] == "first_report"
    new = set(r["new_articles"])
    for s in r["summary"]:  # an update summary quotes only what is new
        assert s["article"] in new, (r["event"], r["update"], s["article"])
assert any(r["update"] > 1 for r in recs), "no event was updated twice"
assert any(r["changes"]["revisions"] for r in recs if r["update"] > 1), "no revision found"
assert any(t["kind"] == "revision" for r in recs for t in r["timeline"])
PY

# A second run over the same input: every article is stored already.
expect_status track_resume_skips 0 $NF track --db "$DB" "$TMP/stream.jsonl"
expect_grep track_resume_counts '0 articles added, 300 already stored' "$TMP/err"
if [ ! -s "$TMP/out" ]; then pass track_resume_no_records; else fail track_resume_no_records "$(head -c 200 "$TMP/out")"; fi
$NF track --db "$DB" --assignments >"$TMP/assign.txt" 2>"$TMP/err"
if [ "$(grep -c . "$TMP/assign.txt")" -eq 300 ] && [ "$(sort -u "$TMP/assign.txt" | grep -c .)" -eq 300 ]; then
    pass track_assignments_each_once; else fail track_assignments_each_once "$(grep -c . "$TMP/assign.txt") lines"; fi

# Standard input, in two halves: the second run resumes the first's events.
head -150 "$TMP/stream.jsonl" | $NF track --db "$TMP/halves.db" --quiet 2>"$TMP/err"
tail -150 "$TMP/stream.jsonl" | $NF track --db "$TMP/halves.db" --quiet - 2>"$TMP/err"
$NF track --db "$TMP/halves.db" --assignments >"$TMP/halves.txt"
if cmp -s "$TMP/halves.txt" "$TMP/assign.txt"; then pass track_stdin_halves_same_events; else
    fail track_stdin_halves_same_events "$(diff "$TMP/assign.txt" "$TMP/halves.txt" | head -3)"; fi
# the records still due after --quiet are written by the next run
head -1 "$TMP/stream.jsonl" >"$TMP/one.jsonl"
expect_status track_quiet_then_flush 0 $NF track --db "$TMP/halves.db" "$TMP/one.jsonl"
if [ "$(grep -c . "$TMP/out")" -gt 0 ]; then pass track_due_records_written; else fail track_due_records_written "none"; fi

# kill -9 at random moments: the events equal an uninterrupted run's.
N=300 KILLS=4 SEED=7 ARGS="--every 25" STREAM="$TMP/stream.jsonl" NF="$NF" sh bench/track_crash.sh >"$TMP/crash.txt" 2>&1
expect_grep track_kill9_same_events '^track_crash: OK' "$TMP/crash.txt"
expect_grep track_kill9_killed 'interrupted: [0-9]+ runs, 4 kills' "$TMP/crash.txt"

# Bad input: a line that is not JSON and an article without text are
# errors naming file and line; the other articles are tracked.
{ head -3 "$TMP/stream.jsonl"; echo '{"id": "broken", "text": '; echo '{"id": "empty", "title": "Nothing", "text": ""}'; sed -n 4,5p "$TMP/stream.jsonl"; } >"$TMP/bad.jsonl"
expect_status track_bad_lines_exit 1 $NF track --db "$TMP/bad.db" "$TMP/bad.jsonl"
expect_grep track_bad_json_named 'bad.jsonl:4:' "$TMP/err"
expect_grep track_empty_text_named 'bad.jsonl:5: article empty: no text' "$TMP/err"
expect_grep track_bad_others_kept '5 articles added' "$TMP/err"

# Databases that are not ours, or corrupt, are refused and left as they are.
printf 'not a database at all, just text\n' >"$TMP/text.db"
cp "$TMP/text.db" "$TMP/text.before"
expect_status track_not_a_database 1 $NF track --db "$TMP/text.db" "$TMP/stream.jsonl"
expect_grep track_not_a_database_said 'not a newsfuse track database' "$TMP/err"
if cmp -s "$TMP/text.db" "$TMP/text.before"; then pass track_not_rebuilt; else fail track_not_rebuilt "the file changed"; fi
if command -v sqlite3 >/dev/null 2>&1; then
    sqlite3 "$TMP/other.db" 'CREATE TABLE t(x); INSERT INTO t VALUES(1);'
    expect_status track_other_database 1 $NF track --db "$TMP/other.db" "$TMP/stream.jsonl"
    expect_grep track_other_database_said 'not a newsfuse track database' "$TMP/err"
else
    skip track_other_database "no sqlite3 command"
fi
cp "$DB" "$TMP/cut.db"
# garbage over the 4th page, a table's root (the schema makes it so)
python3 -c 'import sys; f = open(sys.argv[1], "r+b"); f.seek(3 * 4096); f.write(b"\xff" * 4096)' "$TMP/cut.db"
expect_status track_corrupt_refused 1 $NF track --db "$TMP/cut.db" "$TMP/stream.jsonl"
expect_grep track_corrupt_said 'database is corrupt' "$TMP/err"
cp "$TMP/cut.db" "$TMP/cut.before"
$NF track --db "$TMP/cut.db" "$TMP/stream.jsonl" >/dev/null 2>&1
if cmp -s "$TMP/cut.db" "$TMP/cut.before"; then pass track_corrupt_not_rebuilt; else fail track_corrupt_not_rebuilt "the file changed"; fi

# The clusterer's settings stay those the database was made with.
expect_status track_setting_kept 2 $NF track --db "$DB" --window-days 2 "$TMP/stream.jsonl"
expect_grep track_setting_kept_said 'window_days' "$TMP/err"
expect_status track_bad_option 2 $NF track --db "$TMP/x.db" --no-such-key 3 "$TMP/stream.jsonl"
expect_status track_needs_db 2 $NF track "$TMP/stream.jsonl"
expect_status track_help 0 $NF track --help

# A watched directory: files written then renamed into place are read.
mkdir -p "$TMP/in"
$NF track --db "$TMP/watch.db" --watch "$TMP/in" --poll 1 --quiet >"$TMP/w.out" 2>"$TMP/w.err" &
wpid=$!
head -100 "$TMP/stream.jsonl" >"$TMP/in/a.jsonl.tmp" && mv "$TMP/in/a.jsonl.tmp" "$TMP/in/a.jsonl"
sed -n 101,200p "$TMP/stream.jsonl" >"$TMP/in/b.jsonl"
touch -d '-5 seconds' "$TMP/in/a.jsonl" "$TMP/in/b.jsonl"
for _ in $(seq 1 40); do
    [ "$($NF track --db "$TMP/watch.db" --assignments 2>/dev/null | grep -c .)" -ge 200 ] && break
    sleep 0.5
done
kill -TERM "$wpid"
wait "$wpid"
wrc=$?
n=$($NF track --db "$TMP/watch.db" --assignments | grep -c .)
if [ "$n" -eq 200 ] && [ "$wrc" -eq 0 ]; then pass track_watch_reads_new_files; else fail track_watch_reads_new_files "$n articles, exit $wrc: $(head -c 200 "$TMP/w.err")"; fi

# serve --db: the events API.
serve_free_port "$TMP/srv.log" --quiet --db "$DB"
get() { curl -s -o "$TMP/body" -w '%{http_code}' "http://127.0.0.1:$port$1"; }
if [ -z "$port" ]; then
    fail track_serve_starts "$(head -c 300 "$TMP/srv.log")"
else
    code=$(get '/v1/events?limit=2')
    if [ "$code" = 200 ] && python3 - "$TMP/body" "$port" <<'PY' 2>"$TMP/py"; then pass track_serve_events_paged; else fail track_serve_events_paged "$code $(head -c 300 "$TMP/py")"; fi
import json, sys, urllib.request
page = json.load(open(sys.argv[1]))
assert page["schema"] == "newsfuse/2" and len(page["events"]) <= 2
ids, cursor = [], None
while True:  # every event once, page after page
    url = "http://127.0.0.1:%s/v1/events?limit=2%s" % (sys.argv[2], "&before=%d" % cursor if cursor else "")
    p = json.load(urllib.request.urlopen(url))
    ids += [e["id"] for e in p["events"]]
    cursor = p["next"]
    if cursor is None:
        break
assert len(ids) == len(set(ids)) and ids, ids
e = json.load(urllib.request.urlopen("http://127.0.0.1:%s/v1/events/%s" % (sys.argv[2], ids[0])))
for k in ("last_output", "sheet", "sources", "timeline", "articles"):
    assert k in e, k
assert e["last_output"]["event"] == ids[0] and e["sheet"]["kind"] == "facts"
PY
    code=$(get '/v1/events/no-such-event'); [ "$code" = 404 ] && pass track_serve_unknown_404 || fail track_serve_unknown_404 "$code"
    code=$(get '/v1/events?limit=0'); [ "$code" = 400 ] && pass track_serve_bad_limit_400 || fail track_serve_bad_limit_400 "$code"
    code=$(get '/v1/events?before=x'); [ "$code" = 400 ] && pass track_serve_bad_cursor_400 || fail track_serve_bad_cursor_400 "$code"
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/v1/events"); [ "$code" = 405 ] && pass track_serve_post_405 || fail track_serve_post_405 "$code"
    code=$(get '/version'); grep -q '"events":true' "$TMP/body" && pass track_serve_version_says_events || fail track_serve_version_says_events "$(head -c 200 "$TMP/body")"
fi
kill "$serve_pid" 2>/dev/null; wait "$serve_pid" 2>/dev/null
expect_status track_serve_bad_db 1 $NF serve --port 0 --db "$TMP/text.db"
expect_grep track_serve_bad_db_said 'not a newsfuse track database' "$TMP/err"
printf 'sekrit-token-123\n' >"$TMP/token"
serve_free_port "$TMP/srv2.log" --quiet --db "$DB" --token "$TMP/token"
code=$(get '/v1/events'); [ "$code" = 401 ] && pass track_serve_token_guards_events || fail track_serve_token_guards_events "$code"
kill "$serve_pid" 2>/dev/null; wait "$serve_pid" 2>/dev/null
serve_free_port "$TMP/srv3.log" --quiet
code=$(get '/v1/events'); [ "$code" = 404 ] && pass track_serve_no_db_404 || fail track_serve_no_db_404 "$code"
kill "$serve_pid" 2>/dev/null; wait "$serve_pid" 2>/dev/null
