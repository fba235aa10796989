#!/bin/sh
# The container formats through the one reader (issue 15): RSS, Atom, WARC
# (plain, gzip per record, gzip whole) and URLs (a local server only) read
# by summarize, facts, batch, --input, the server and the Python binding
# the same way; a feed or WARC file is one event. Inputs written by
# tests/cli/ingest_fixtures.py.
. tests/cli/lib.sh
in_ingest_fixtures ingest_formats

# nf_reader_formats lists the new names, and --input takes them.
expect_status formats_unknown_lists_new 2 $NF summarize --input xml feed.xml
expect_grep formats_unknown_lists_new_names 'multinews, rss, atom, warc, url' err

# Each format, recognised by its first bytes (whatever the name) and by
# --input: the articles become the reports of one event.
cp feed.xml feed_noext
cp crawl.warc.gz crawl_noext
for f in feed.xml feed_noext feed.atom crawl.warc crawl.warc.gz whole.warc.gz crawl_noext; do
    expect_status "summarize_$f" 0 $NF summarize --format json --words 60 "$f"
    if $PY -c 'import json,sys
d = json.load(open("out"))
ids = [s["id"] for s in d["documents"]]
assert "https://herald.example/orlen-dam" in ids, ids
assert all("<" not in s["text"] for s in d["summary"]), d["summary"]
assert any("dam above Orlen" in s["text"] for s in d["summary"])' 2>py; then pass "summarize_${f}_articles"; else fail "summarize_${f}_articles" "$(tail -c 300 py)"; fi
done
for pair in rss:feed.xml atom:feed.atom warc:crawl.warc.gz; do
    fmt=${pair%%:*} file=${pair#*:}
    expect_status "input_$fmt" 0 $NF summarize --input "$fmt" --words 40 "$file"
    expect_grep "input_${fmt}_summary" 'dam above Orlen gave way' out
done
# a format that is not the file's says so, naming the file
expect_status input_warc_on_feed 1 $NF summarize --input warc feed.xml
expect_grep input_warc_on_feed_says 'feed.xml: not a WARC file' err
expect_status input_rss_on_warc 1 $NF summarize --input rss crawl.warc
expect_grep input_rss_on_warc_says 'crawl.warc: .*not a feed' err

# Both articles of the feed and of the archive are in one event: one
# summary, both sources; the archive's other records are counted.
expect_status one_event_warc 0 $NF summarize --format jsonl --words 0 crawl.warc
n=$(wc -l <out)
if [ "$n" -eq 1 ] && grep -q 'orlen-repairs' out && grep -q 'orlen-dam' out; then pass one_event_warc_both; else fail one_event_warc_both "$n records: $(head -c 300 out)"; fi
expect_grep warc_skipped_counted 'crawl.warc: 2 of 4 records skipped \(1 not a response, 1 not HTML\); 2 read as articles' err
for f in feed.atom crawl.warc.gz; do
    expect_status "facts_$f" 0 $NF facts --format json "$f"
    if $PY -c 'import json
d = json.load(open("out"))
assert {f["doc"]["index"] for f in d["figures"]} == {0, 1}, d["figures"]' 2>py; then pass "facts_${f}_both_reports"; else fail "facts_${f}_both_reports" "$(tail -c 300 py)"; fi
done

# batch: the file is one event, one record.
expect_status batch_warc 0 $NF batch --words 40 crawl.warc.gz
n=$(wc -l <out)
if [ "$n" -eq 1 ] && grep -q '"summary"' out; then pass batch_warc_one_record; else fail batch_warc_one_record "$n records: $(head -c 300 out)"; fi
expect_status batch_feed 0 $NF batch --input atom --words 40 feed.atom
expect_grep batch_feed_record '"summary":\[\{"text":"The dam above Orlen' out

# Standard input is sniffed the same way.
$NF summarize --words 40 - <crawl.warc.gz >out 2>err
if [ $? -eq 0 ] && grep -q 'dam above Orlen' out; then pass stdin_warc_gz; else fail stdin_warc_gz "$(head -c 300 err)"; fi

# A URL (a local server only): fetched, extracted, one event.
mkdir www && cp dam.html www/ && cp feed.xml www/
$PY -c 'import http.server, socketserver, sys, os
os.chdir("www")
class H(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a): pass
s = socketserver.TCPServer(("127.0.0.1", 0), H)
open("../port", "w").write(str(s.server_address[1]))
s.serve_forever()' &
server=$!
for _ in $(seq 1 50); do [ -s port ] && break; sleep 0.1; done
U="http://127.0.0.1:$(cat port)"
expect_status url_summarize 0 $NF summarize --words 40 "$U/dam.html"
expect_grep url_summarize_text 'dam above Orlen gave way' out
expect_grep url_summarize_source "<$U/dam.html>" out
expect_status url_input 0 $NF facts --input url "$U/dam.html"
expect_grep url_input_figures '1,200' out
expect_status url_missing 1 $NF summarize "$U/nope.html"
expect_grep url_missing_names "$U/nope.html: HTTP status 404" err
expect_status url_batch 0 $NF batch --words 40 "$U/dam.html"
expect_grep url_batch_record "\"summary\":\\[\\{\"text\":\"The dam above Orlen" out

# The Python binding reads the same way (read(), the library's reader),
# on the plain build (a sanitizer runtime cannot load into python3).
LIB="$OLDPWD/$BUILD/libnewsfuse.so"
if [ ! -f "$LIB" ] || grep -q __asan_init "$LIB"; then
    skip python_reads_containers "no plain $LIB (the binding is tested on the plain build)"
elif PYTHONPATH="$OLDPWD/bindings/python" NEWSFUSE_LIBRARY="$LIB" PYTHONDONTWRITEBYTECODE=1 \
    $PY - "$U" <<'EOF' 2>py
import sys
import newsfuse
assert {"rss", "atom", "warc", "url"} <= set(newsfuse.input_formats())
for path in ("feed.xml", "feed.atom", "crawl.warc.gz", sys.argv[1] + "/dam.html"):
    ev = [e for e in newsfuse.read(path) if "documents" in e]
    assert len(ev) == 1, (path, ev)
    assert any("dam above Orlen" in d["text"] for d in ev[0]["documents"]), path
bad = list(newsfuse.read("badlen.warc"))
errs = [e["error"] for e in bad if "error" in e]
assert errs and errs[0]["record"] == 2 and errs[0]["file"] == "badlen.warc", bad
assert any("documents" in e for e in bad)
# bytes are never taken for an address to fetch
url = list(newsfuse.read(sys.argv[1].encode(), input="url", name=sys.argv[1]))
assert "error" in url[0] and "not from bytes" in url[0]["error"]["message"], url
# nor is a buffer named like a URL: its bytes are read (a page), the
# address (the feed, two items) is not fetched
page = [e for e in newsfuse.read(open("dam.html", "rb").read(), name=sys.argv[1] + "/feed.xml")
        if "documents" in e]
assert len(page) == 1 and len(page[0]["documents"]) == 1, page
assert "1,200 people were moved to schools in Varn, and 14" in page[0]["documents"][0]["text"], page
EOF
then pass python_reads_containers
else fail python_reads_containers "$(tail -c 400 py)"
fi

# The server: input "warc" (base64) and "rss" read as the CLI reads them;
# "url" is not fetched from a request's bytes.
command -v curl >/dev/null 2>&1 || { skip ingest_serve "curl is not installed"; kill "$server"; exit 0; }
serve_free_port serve.log
srv=$serve_pid
$PY - "$U" <<'EOF'
import base64, json, sys
warc = base64.b64encode(open("crawl.warc.gz", "rb").read()).decode()
json.dump({"input": "warc", "documents": [{"id": "crawl.warc.gz", "base64": warc}],
           "options": {"words": 40}}, open("req_warc.json", "w"))
json.dump({"documents": [{"id": "feed.xml", "text": open("feed.xml").read(), "format": "auto"}],
           "options": {"words": 40}}, open("req_rss.json", "w"))
json.dump({"documents": [{"id": "u", "text": "http://127.0.0.1:1/", "format": "url"}]},
          open("req_url.json", "w"))
json.dump({"documents": [{"id": sys.argv[1] + "/feed.xml", "text": open("dam.html").read()}],
           "input": "auto", "options": {"words": 100}}, open("req_named.json", "w"))
EOF
for req in warc rss; do
    code=$(curl -s -o body -w '%{http_code}' --max-time 30 -H 'Content-Type: application/json' \
        --data-binary @"req_$req.json" "http://127.0.0.1:$port/v1/summarize")
    if [ "$code" = 200 ] && grep -q 'dam above Orlen' body; then pass "serve_$req"; else fail "serve_$req" "HTTP $code: $(head -c 300 body)"; fi
done
code=$(curl -s -o body -w '%{http_code}' --max-time 30 -H 'Content-Type: application/json' \
    --data-binary @req_url.json "http://127.0.0.1:$port/v1/summarize")
if [ "$code" = 422 ] && grep -q 'not from bytes' body; then pass serve_url_refused; else fail serve_url_refused "HTTP $code: $(head -c 300 body)"; fi
# a document whose id is a URL is its bytes: nothing is fetched
code=$(curl -s -o body -w '%{http_code}' --max-time 30 -H 'Content-Type: application/json' \
    --data-binary @req_named.json "http://127.0.0.1:$port/v1/summarize")
if [ "$code" = 200 ] && grep -q 'and 14 were taken to hospital' body && ! grep -q 'Orlen repairs' body; then
    pass serve_url_id_not_fetched; else fail serve_url_id_not_fetched "HTTP $code: $(head -c 300 body)"; fi
kill "$srv" "$server" 2>/dev/null
wait 2>/dev/null
