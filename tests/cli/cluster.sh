#!/bin/sh
# newsfuse cluster: a stream of articles grouped into events (invented
# articles: a bridge collapse and a chess championship, interleaved).
. tests/cli/lib.sh

cat >"$TMP/stream.jsonl" <<'J'
{"id": "a0", "date": "2031-03-04", "title": "Varnholt bridge collapses into the Elske", "text": "Engineers inspected the collapsed Varnholt river bridge on Tuesday after a span fell into the Elske river during the morning commute. Rescue divers searched the water for drivers."}
{"id": "a1", "date": "2031-03-04", "title": "Marwitz wins Quellmoor title", "text": "Grandmaster Ilse Marwitz won the Quellmoor chess championship on Sunday, defeating the defending champion in a tense endgame that lasted seven hours."}
{"id": "a2", "date": "2031-03-05", "title": "Cars recovered from the Elske", "text": "Divers recovered two cars from the Elske river where the Varnholt bridge collapsed. The bridge operator Kestrel Roadworks said inspectors had flagged corrosion in the span."}
{"id": "a3", "date": "2031-03-05", "title": "Varnholt closes its bridges", "text": "The mayor of Varnholt ordered every bridge over the Elske river closed for inspection after the collapse, as Kestrel Roadworks faced questions about corrosion reports."}
{"id": "a4", "date": "2031-03-06", "title": "How Marwitz won", "text": "Ilse Marwitz said her victory at the Quellmoor chess championship came from a rook endgame she had prepared with her coach for months."}
{"id": "a5", "date": "2031-03-06", "title": "Quellmoor final draws record crowd", "text": "The Quellmoor chess championship drew a record crowd for the final game, where Ilse Marwitz sacrificed a knight and converted the endgame."}
J

expect_status cluster_jsonl 0 $NF cluster --format jsonl "$TMP/stream.jsonl"
cp "$TMP/out" "$TMP/first.out"
if [ "$(wc -l <"$TMP/out")" -eq 6 ]; then pass cluster_jsonl_line_per_article; else fail cluster_jsonl_line_per_article "$(cat "$TMP/out")"; fi
ev() { sed -n "s/.*\"id\":\"$1\",\"event\":\"\([^\"]*\)\".*/\1/p" "$TMP/first.out"; }
if [ "$(ev a0)" = e1 ] && [ "$(ev a2)" = e1 ] && [ "$(ev a3)" = e1 ] && [ "$(ev a1)" = e2 ] &&
   [ "$(ev a4)" = e2 ] && [ "$(ev a5)" = e2 ]; then pass cluster_stories_grouped
else fail cluster_stories_grouped "$(cat "$TMP/first.out")"; fi

$NF cluster --format jsonl "$TMP/stream.jsonl" >"$TMP/second.out" 2>/dev/null
if cmp -s "$TMP/first.out" "$TMP/second.out"; then pass cluster_deterministic; else fail cluster_deterministic; fi

expect_status cluster_text 0 $NF cluster "$TMP/stream.jsonl"
expect_grep cluster_text_event_header '^e1 \(3 articles\)$' "$TMP/out"
expect_grep cluster_text_titles '2031-03-06  a5  Quellmoor final draws record crowd' "$TMP/out"

# --events: cluster JSONL that summarize reads, one line per event
expect_status cluster_events_file 0 $NF cluster --format jsonl --events "$TMP/events.jsonl" "$TMP/stream.jsonl"
if [ "$(wc -l <"$TMP/events.jsonl")" -eq 2 ]; then pass cluster_events_lines; else fail cluster_events_lines "$(head -c 300 "$TMP/events.jsonl")"; fi
expect_status cluster_events_summarize 0 $NF summarize --sentences 1 --format jsonl "$TMP/events.jsonl"
if [ "$(wc -l <"$TMP/out")" -eq 2 ] && grep -q '"id":"e2"' "$TMP/out"; then pass cluster_events_summarized
else fail cluster_events_summarized "$(head -c 300 "$TMP/out")"; fi

# bad articles: no text is an error naming the line, a copy is a warning; the rest is clustered
{ cat "$TMP/stream.jsonl"
  echo '{"id": "empty", "date": "2031-03-07", "text": "   "}'
  sed -n 1p "$TMP/stream.jsonl"; } >"$TMP/bad.jsonl"
expect_status cluster_no_text_exit 1 $NF cluster --format jsonl "$TMP/bad.jsonl"
expect_grep cluster_no_text_named 'bad.jsonl:7: article empty: no text' "$TMP/err"
expect_grep cluster_duplicate_warned 'warning: article a0: the same id as an earlier article: joins its event e1' "$TMP/err"
if [ "$(wc -l <"$TMP/out")" -eq 7 ]; then pass cluster_bad_others_kept; else fail cluster_bad_others_kept "$(wc -l <"$TMP/out") lines"; fi

# undated text files of a directory: each one article
mkdir "$TMP/dir"
python3 - "$TMP/stream.jsonl" "$TMP/dir" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    a = json.loads(line)
    open("%s/%s.txt" % (sys.argv[2], a["id"]), "w").write(a["text"] + "\n")
PY
expect_status cluster_directory 0 $NF cluster --format jsonl "$TMP/dir"
if [ "$(wc -l <"$TMP/out")" -eq 6 ] && grep -q '"id":"a5.txt"' "$TMP/out"; then pass cluster_directory_articles
else fail cluster_directory_articles "$(head -c 300 "$TMP/out")"; fi

# a threshold no pair reaches: every article opens an event
expect_status cluster_high_threshold 0 $NF cluster --format jsonl --window-days 0 --threshold 1000 "$TMP/stream.jsonl"
if [ "$(grep -c '"opened":true' "$TMP/out")" -eq 6 ]; then pass cluster_threshold_splits; else fail cluster_threshold_splits; fi

# batch --cluster: clustered, then each event summarized, in one run
expect_status batch_cluster 0 $NF batch --cluster --sentences 1 -j 2 "$TMP/stream.jsonl"
if [ "$(wc -l <"$TMP/out")" -eq 2 ] && grep -q '"id":"e1"' "$TMP/out" && grep -q '"id":"e2"' "$TMP/out" &&
   ! grep -q '"error"' "$TMP/out"; then pass batch_cluster_records; else fail batch_cluster_records "$(head -c 300 "$TMP/out")"; fi
expect_status batch_cluster_bad_article 1 $NF batch --cluster --sentences 1 "$TMP/bad.jsonl"
if [ "$(wc -l <"$TMP/out")" -eq 2 ]; then pass batch_cluster_bad_others_kept; else fail batch_cluster_bad_others_kept; fi
expect_status batch_cluster_no_resume 2 $NF batch --cluster --resume -o "$TMP/o.jsonl" "$TMP/stream.jsonl"

# usage errors
expect_status cluster_no_input 2 $NF cluster
expect_status cluster_bad_format 2 $NF cluster --format xml "$TMP/stream.jsonl"
expect_status cluster_bad_window 2 $NF cluster --window-days soon "$TMP/stream.jsonl"
expect_grep cluster_bad_window_said 'window_days takes a count' "$TMP/err"
expect_status cluster_unknown_option 2 $NF cluster --frobnicate 1 "$TMP/stream.jsonl"
expect_status cluster_missing_file 1 $NF cluster "$TMP/nothing.jsonl"
expect_status cluster_help 0 $NF cluster --help

# An article's "url" travels: into the summary's documents, through
# --events (cluster JSONL keeps it), and into track's sources as the outlet.
cat >"$TMP/urls.jsonl" <<'J'
{"id": "u0", "date": "2031-03-04", "url": "https://www.elske-courier.test/news/bridge", "title": "Varnholt bridge collapses into the Elske", "text": "Engineers inspected the collapsed Varnholt river bridge on Tuesday after a span fell into the Elske river during the morning commute. Rescue divers searched the water for drivers."}
{"id": "u1", "date": "2031-03-05", "url": "https://varnholt-post.test/2031/03/05/cars", "title": "Cars recovered from the Elske", "text": "Divers recovered two cars from the Elske river where the Varnholt bridge collapsed. The bridge operator Kestrel Roadworks said inspectors had flagged corrosion in the span."}
J
expect_status cluster_url_summary 0 $NF summarize --format json "$TMP/urls.jsonl"
expect_grep cluster_url_summary_documents '"url": ?"https://varnholt-post.test/2031/03/05/cars"' "$TMP/out"
expect_status cluster_url_events 0 $NF cluster --events "$TMP/url_events.jsonl" "$TMP/urls.jsonl"
expect_grep cluster_url_events_kept '"url":"https://www.elske-courier.test/news/bridge"' "$TMP/url_events.jsonl"
expect_status cluster_url_events_read 0 $NF summarize --format json "$TMP/url_events.jsonl"
expect_grep cluster_url_events_read_back '"url": ?"https://varnholt-post.test/2031/03/05/cars"' "$TMP/out"
rm -f "$TMP/urls.db"
expect_status cluster_url_track 0 $NF track --db "$TMP/urls.db" "$TMP/urls.jsonl"
expect_grep cluster_url_track_outlet '"outlet":"varnholt-post.test"' "$TMP/out"
printf '%s\n' '{"id": "u2", "url": 7, "text": "A report."}' >"$TMP/badurl.jsonl"
expect_status cluster_url_must_be_string 1 $NF cluster "$TMP/badurl.jsonl"
expect_grep cluster_url_must_be_string_says '"url" must be a string' "$TMP/err"
