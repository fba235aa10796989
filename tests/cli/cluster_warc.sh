#!/bin/sh
# newsfuse cluster and batch --cluster over a web archive (WARC, gzip per
# record), read one record at a time: invented pages about a bridge
# collapse and a chess championship, with a bad record (a Content-Length
# that is not a number) in the middle: the error names the file, the
# record and its byte; the other pages are clustered.
. tests/cli/lib.sh

python3 - "$TMP/crawl.warc.gz" >"$TMP/bad_at" <<'PY'
import gzip, sys
PAGES = [
    ("bridge-1", "Varnholt bridge collapses into the Elske", "Engineers inspected the collapsed Varnholt river bridge on Tuesday after a span fell into the Elske river during the morning commute. Rescue divers searched the water for drivers."),
    ("chess-1", "Marwitz wins Quellmoor title", "Grandmaster Ilse Marwitz won the Quellmoor chess championship on Sunday, defeating the defending champion in a tense endgame that lasted seven hours."),
    ("bridge-2", "Cars recovered from the Elske", "Divers recovered two cars from the Elske river where the Varnholt bridge collapsed. The bridge operator Kestrel Roadworks said inspectors had flagged corrosion in the span."),
    ("bridge-3", "Varnholt closes its bridges", "The mayor of Varnholt ordered every bridge over the Elske river closed for inspection after the collapse, as Kestrel Roadworks faced questions about corrosion reports."),
    ("chess-2", "How Marwitz won", "Ilse Marwitz said her victory at the Quellmoor chess championship came from a rook endgame she had prepared with her coach for months."),
    ("chess-3", "Quellmoor final draws record crowd", "The Quellmoor chess championship drew a record crowd for the final game, where Ilse Marwitz sacrificed a knight and converted the endgame."),
]
def record(uri, date, block, length=None):
    head = ("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: %s\r\n"
            "Content-Type: application/http; msgtype=response\r\nContent-Length: %s\r\n\r\n"
            % (uri, date, len(block) if length is None else length))
    return head.encode() + block + b"\r\n\r\n"
def response(title, text):
    html = ("<!DOCTYPE html><html><head><title>%s</title></head><body><article><h1>%s</h1>"
            "<p>%s</p><p>%s</p></article></body></html>" % (title, title, text, text)).encode()
    return (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html)
out = open(sys.argv[1], "wb")
for i, (slug, title, text) in enumerate(PAGES):
    if i == 3:  # the 4th record: a length that is not a number
        print(out.tell())
        out.write(gzip.compress(record("https://news.example/bad", "2031-03-05T09:00:00Z",
                                       response("Lost page", "Never read."), length="12x")))
    day = 4 + i // 2
    out.write(gzip.compress(record("https://news.example/%s" % slug, "2031-03-0%dT09:00:00Z" % day,
                                   response(title, text))))
PY
bad_at=$(cat "$TMP/bad_at")

expect_status cluster_warc_bad_record_exit 1 $NF cluster --format jsonl "$TMP/crawl.warc.gz"
expect_grep cluster_warc_error_names_record \
    "crawl.warc.gz.*record 4 \\(byte $bad_at\\): Content-Length is not a number" "$TMP/err"
if [ "$(wc -l <"$TMP/out")" -eq 6 ]; then pass cluster_warc_others_kept
else fail cluster_warc_others_kept "$(cat "$TMP/out")"; fi
ev() { sed -n "s|.*\"id\":\"https://news.example/$1\",\"event\":\"\([^\"]*\)\".*|\1|p" "$TMP/out"; }
if [ "$(ev bridge-1)" = e1 ] && [ "$(ev bridge-2)" = e1 ] && [ "$(ev bridge-3)" = e1 ] &&
   [ "$(ev chess-1)" = e2 ] && [ "$(ev chess-2)" = e2 ] && [ "$(ev chess-3)" = e2 ]; then
    pass cluster_warc_stories_grouped
else fail cluster_warc_stories_grouped "$(cat "$TMP/out")"; fi
# in the order of the archive, the bad record's error in its place
if [ "$(sed -n 4p "$TMP/out" | grep -c bridge-3)" -eq 1 ]; then pass cluster_warc_in_order
else fail cluster_warc_in_order "$(cat "$TMP/out")"; fi

# batch --cluster: the same events, summarized
expect_status batch_cluster_warc 1 $NF batch --cluster -j 1 "$TMP/crawl.warc.gz"
if [ "$(wc -l <"$TMP/out")" -eq 2 ]; then pass batch_cluster_warc_events
else fail batch_cluster_warc_events "$(head -c 400 "$TMP/out")"; fi
expect_grep batch_cluster_warc_error_named "record 4 \\(byte $bad_at\\)" "$TMP/err"

# the archive inside a directory, with a text file after it: read one
# record at a time as well, the bad record named, the text file after it
mkdir "$TMP/dir"
cp "$TMP/crawl.warc.gz" "$TMP/dir/a.warc.gz"
echo "Divers searched the Elske river below the collapsed Varnholt bridge for a third car." >"$TMP/dir/b.txt"
expect_status cluster_warc_directory 1 $NF cluster --format jsonl "$TMP/dir"
expect_grep cluster_warc_directory_error "a.warc.gz.*record 4 \\(byte $bad_at\\)" "$TMP/err"
if [ "$(wc -l <"$TMP/out")" -eq 7 ] && sed -n 7p "$TMP/out" | grep -q '"id":"b.txt","event":"e1"'; then
    pass cluster_warc_directory_articles
else fail cluster_warc_directory_articles "$(cat "$TMP/out")"; fi

# 60 pages without article text: 50 warnings naming them, then one that
# counts the rest (as for an archive read whole), not 60
python3 - "$TMP/index.warc" <<'PY'
import sys
out = open(sys.argv[1], "wb")
for i in range(60):
    body = b"<html><head><title>Index</title></head><body><nav></nav></body></html>"
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    out.write(("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/index-%d\r\n"
               "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
               % (i, len(block))).encode() + block + b"\r\n\r\n")
PY
$NF cluster --format jsonl "$TMP/index.warc" >"$TMP/out" 2>"$TMP/err"
n=$(grep -c 'no article text found' "$TMP/err")
if [ "$n" -eq 50 ] && grep -q 'index.warc: 10 more warnings about its records not shown' "$TMP/err"; then
    pass cluster_warc_warnings_capped
else fail cluster_warc_warnings_capped "$n warnings: $(tail -n 2 "$TMP/err")"; fi
