#!/bin/sh
# newsfuse serve: every route with curl on loopback, every refusal with its
# status (400 401 403 404 405 413 415 422, never 500 for bad input), slow
# clients closed, the access log, a clean stop; then the browser test
# (tests/e2e/run.sh) when Chromium and node are there.
. "$(dirname "$0")/lib.sh"
EX=examples/harbor-collapse

command -v curl >/dev/null 2>&1 || { skip serve "curl is not installed"; exit 0; }
# Debian's python3 when there is one: a version manager's shim costs a
# second per start, and this script starts many.
PY=$(command -v /usr/bin/python3 || command -v python3) || { skip serve "python3 is not installed"; exit 0; }

# start_server LOG ARGS...: starts newsfuse serve on a free port; sets
# $server (pid) and $port, or fails.
start_server() {
    serve_free_port "$@"
    server=$serve_pid
    [ -n "$port" ] && return 0
    fail serve_start "$(head -c 300 "$1")"
    exit 1
}

# http NAME WANT_STATUS CURL_ARGS... (URL path last): the status must be
# WANT; an error must be a newsfuse/2 error document with that status.
http() {
    name=$1; want=$2; shift 2
    got=$(curl -s -o "$TMP/body" -w '%{http_code}' --max-time 30 "$@")
    if [ "$got" != "$want" ]; then
        fail "$name" "HTTP $got, want $want: $(head -c 300 "$TMP/body")"
    elif [ "$want" -ge 400 ] && ! grep -q "^{\"schema\":\"newsfuse/2\",\"error\":{\"status\":$want,\"message\":\"." "$TMP/body"; then
        fail "$name" "not an error document: $(head -c 300 "$TMP/body")"
    else
        pass "$name"
    fi
}

# pyjson NAME FILE EXPR: a Python assertion about the JSON in FILE (as d).
pyjson() {
    if $PY -c "import json,sys
d=json.load(open(sys.argv[1]))
assert $3" "$2" 2>"$TMP/py"; then pass "$1"; else fail "$1" "$(tail -c 300 "$TMP/py")"; fi
}

# Request bodies: the example's reports as {id, text} objects.
$PY - "$EX" "$TMP" <<'EOF'
import json, os, sys
ex, tmp = sys.argv[1], sys.argv[2]
docs = [{"id": f, "text": open(os.path.join(ex, f), encoding="utf-8").read()}
        for f in sorted(os.listdir(ex)) if f.endswith(".txt")]
def put(name, obj):
    with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
        json.dump(obj, f)
put("example.json", {"documents": docs, "options": {"words": 100}})
put("example_facts.json", {"documents": docs, "options": {"words": 100, "facts": True}})
put("facts.json", {"documents": docs})
put("seen.json", {"documents": docs[3:], "seen": docs[:3], "options": {"words": 60}})
put("strings.json", {"documents": [d["text"] for d in docs]})
put("rouge.json", {"summaries": [{"id": "a", "summary": "At least 12 people died when the bridge fell."},
                                 {"id": "a", "system": "other", "summary": "The festival was cancelled."}],
                   "references": [{"id": "a", "references": ["At least 12 people were killed when a footbridge collapsed.",
                                                             "Twelve people died as the bridge fell into the harbour."]}],
                   "flags": "-n 2 -r 100"})
put("many_docs.json", {"documents": ["a"] * 5000})
put("fifty_one.json", {"documents": ["One report."] * 51})
put("big_doc.json", {"documents": ["x " * 15000]})
put("blank.json", {"documents": ["   ", "\n\n"]})
put("no_docs.json", {"documents": []})
put("unknown_field.json", {"documents": ["a b c."], "documnets": []})
put("unknown_option.json", {"documents": ["a b c."], "options": {"wrods": 10}})
put("idf_option.json", {"documents": ["a b c."], "options": {"idf": "/etc/passwd"}})
put("bad_method.json", {"documents": ["a b c."], "options": {"method": "nope"}})
put("bad_words.json", {"documents": ["a b c."], "options": {"words": "many"}})
put("bad_doc.json", {"documents": [42]})
put("bad_facts_flag.json", {"documents": ["a b c."], "options": {"facts": "yes"}})
put("long_seconds.json", {"documents": ["a b c."], "options": {"max_seconds": 99999}})
put("rouge_flags.json", {"summaries": [{"id": "a", "summary": "x"}], "references": [{"id": "a", "references": ["x"]}], "flags": "-z"})
put("rouge_resamples.json", {"summaries": [{"id": "a", "summary": "x"}], "references": [{"id": "a", "references": ["x"]}], "flags": "-c 95 -r 999999"})
put("rouge_noref.json", {"summaries": [{"id": "b", "summary": "x y"}], "references": [{"id": "a", "references": ["x"]}]})
put("rouge_empty.json", {"summaries": [], "references": []})
long = " ".join("w%d" % (i % 997) for i in range(3300))  # one line of about 16 KB
put("rouge_too_long.json", {"summaries": [{"id": "a", "summary": long}], "flags": "-2 -1 -u",
                            "references": [{"id": "a", "references": [long] * 8}], "split": "lines"})
EOF
printf '{"documents": ["a b c' >"$TMP/truncated.json"
printf '[1, 2]' >"$TMP/array.json"
printf '{"documents": ["a"], "documents": ["b"]}' >"$TMP/dup.json"
printf '{"documents": ["caf\351 au lait is served here."]}' >"$TMP/latin1.json"
head -c 300000 /dev/zero | tr '\0' 'a' >"$TMP/huge.json"

start_server "$TMP/server.log" --max-body 200000 --max-documents 50 --max-document-bytes 20000 \
    --timeout 2 --body-seconds 3 --threads 2
U=http://127.0.0.1:$port
J="-H Content-Type:application/json"

# ---- routes ----
http serve_healthz 200 $U/healthz
pyjson serve_healthz_body "$TMP/body" 'd["status"]=="ok" and d["schema"]=="newsfuse/2"'
http serve_version 200 $U/version
pyjson serve_version_body "$TMP/body" "d['version']=='$($NF --version | cut -d' ' -f2)' and 'concept' in d['methods'] and d['limits']['max_documents']==50 and d['inputs'][:3]==['auto','text','html']"
http serve_page 200 $U/
expect_grep serve_page_html '<script src="/app.js"' "$TMP/body"
http serve_page_js 200 $U/app.js
expect_grep serve_page_js_bytes 'TextDecoder' "$TMP/body"
http serve_page_css 200 $U/style.css
http serve_page_icon 200 $U/favicon.svg
curl -s -D "$TMP/headers" -o /dev/null $U/ 
expect_grep serve_page_csp '^Content-Security-Policy: default-src .self.' "$TMP/headers"
expect_grep serve_page_type '^Content-Type: text/html; charset=utf-8' "$TMP/headers"
http serve_head 200 -I $U/healthz
http serve_not_found 404 $U/nope
http serve_not_found_dotdot 404 --path-as-is $U/../Makefile

http serve_summarize 200 $J --data-binary @"$TMP/example.json" $U/v1/summarize
cp "$TMP/body" "$TMP/summary.json"
pyjson serve_summarize_schema "$TMP/summary.json" 'd["schema"]=="newsfuse/2" and len(d["summary"])>=2 and d["warnings"]==[] and "facts" not in d'
pyjson serve_summarize_options_typed "$TMP/summary.json" 'd["options"]["words"]==100 and d["options"]["facts"] is False and d["options"]["cut"] is False and isinstance(d["options"]["max_seconds"], float)'
# The same summary as the CLI's for the same reports and length.
$NF summarize --format json --words 100 $EX >"$TMP/cli.json" 2>/dev/null
if $PY -c 'import json,sys
a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2]))
assert a["summary"]==b["summary"] and a["documents"]==b["documents"], "differ"' "$TMP/summary.json" "$TMP/cli.json" 2>"$TMP/py"; then
    pass serve_summarize_same_as_cli
else
    fail serve_summarize_same_as_cli "$(tail -c 300 "$TMP/py")"
fi
# Offsets are bytes: each sentence is its document's bytes [start, end).
$PY - "$TMP/summary.json" "$TMP/example.json" >"$TMP/py" 2>&1 <<'EOF' && pass serve_summarize_offsets || fail serve_summarize_offsets "$(tail -c 300 "$TMP/py")"
import json, sys
s = json.load(open(sys.argv[1])); req = json.load(open(sys.argv[2]))
for x in s["summary"]:
    b = req["documents"][x["doc"]["index"]]["text"].encode("utf-8")
    assert b[x["start"]:x["end"]].decode("utf-8") == x["text"], x["text"]
    assert x["support"] == len(x["corroboration"])
EOF
http serve_summarize_facts 200 $J --data-binary @"$TMP/example_facts.json" $U/v1/summarize
pyjson serve_summarize_with_sheet "$TMP/body" '[g["label"] for g in d["facts"]["groups"]].count("revised")==3 and len(d["summary"])>=2'
http serve_summarize_strings 200 $J --data-binary @"$TMP/strings.json" $U/v1/summarize
pyjson serve_summarize_string_ids "$TMP/body" '[x["id"] for x in d["documents"]]==["1","2","3","4"]'
http serve_summarize_seen 200 $J --data-binary @"$TMP/seen.json" $U/v1/summarize
pyjson serve_summarize_seen_stats "$TMP/body" 'd["stats"]["seen_documents"]==3 and d["stats"]["documents"]==1'
http serve_charset_utf8 200 -H 'Content-Type: application/json; charset=UTF-8' --data-binary @"$TMP/strings.json" $U/v1/summarize

# Web pages: the server reads a page as newsfuse summarize reads the file
# (the library's reader, format html or auto): POST /v1/read gives the
# reports (the page's article text, title, date, URL) the web page shows
# and sends back; summarize takes a page itself too ("format"). Either
# way the summary is the CLI's on the same file. A page in Windows-1252
# comes as "base64", byte for byte.
$PY - "$TMP" <<'EOF2'
import base64, json, os, sys
tmp = sys.argv[1]
page = ("<!doctype html><html lang='en'><head><meta charset='windows-1252'>"
        "<title>Harbour bridge falls | The Courier</title>"
        "<meta property='article:published_time' content='2024-06-01T09:00:00Z'>"
        "<link rel='canonical' href='https://courier.example/2024/06/01/bridge'></head><body>"
        "<div class='cookie-notice'><p>We use cookies to give you the best experience on our site, "
        "and by going on you accept them.</p></div>"
        "<div class='nav'><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></div>"
        "<div class='story'><h1>Harbour bridge falls during the festival</h1>"
        "<p>The old harbour footbridge collapsed on Saturday night during the festival, and twelve "
        "people were killed, officials said.</p>"
        "<p>Divers searched the dark water through the night for the missing, the caf\xe9 owner "
        "on the quay said.</p>"
        "<p>The mayor said the festival would not go on and that engineers would inspect every "
        "bridge in the town.</p></div>"
        "<footer><p>Copyright 2024 The Courier. All rights reserved.</p></footer></body></html>")
raw = page.encode("cp1252")
open(os.path.join(tmp, "page.html"), "wb").write(raw)
b64 = base64.b64encode(raw).decode()
def put(name, obj):
    json.dump(obj, open(os.path.join(tmp, name), "w"))
put("read_page.json", {"documents": [{"id": "page.html", "base64": b64, "format": "auto"}]})
put("summarize_page.json", {"documents": [{"id": "page.html", "base64": b64, "format": "html"}], "options": {"words": 100}})
put("input_html.json", {"input": "html", "documents": [{"id": "page.html", "base64": b64}], "options": {"words": 100}})
put("bad_format.json", {"documents": [{"text": "x", "format": "xml"}]})
put("bad_base64.json", {"documents": [{"base64": "%%%"}]})
put("text_and_base64.json", {"documents": [{"text": "a", "base64": "YQ=="}]})
put("no_article.json", {"documents": [{"id": "empty.html", "text": "<html><head><title>Only a title</title></head><body><script>var a = 1;</script></body></html>", "format": "html"}]})
EOF2
http serve_read_page 200 $J --data-binary @"$TMP/read_page.json" $U/v1/read
cp "$TMP/body" "$TMP/read.json"
pyjson serve_read_page_article "$TMP/read.json" 'len(d["documents"])==1 and "collapsed" in d["documents"][0]["text"] and "cookies" not in d["documents"][0]["text"] and "Copyright" not in d["documents"][0]["text"] and "café" in d["documents"][0]["text"] and d["documents"][0]["date"]=="2024-06-01" and d["documents"][0]["url"].startswith("https://courier.example/")'
pyjson serve_read_page_warns_charset "$TMP/read.json" 'any("page.html" in w for w in d["warnings"]) or d["warnings"]==[]'
$NF summarize --format json --words 100 "$TMP/page.html" >"$TMP/cli_page.json" 2>/dev/null
# The page's way: the text, title and date /v1/read gave, sent as text.
$PY - "$TMP" <<'EOF2'
import json, os, sys
tmp = sys.argv[1]
d = json.load(open(os.path.join(tmp, "read.json")))["documents"][0]
json.dump({"documents": [{"id": d["id"], "title": d["title"], "date": d["date"], "text": d["text"]}],
           "options": {"words": 100}}, open(os.path.join(tmp, "page_as_text.json"), "w"))
EOF2
same_as_cli_page() { # same_as_cli_page NAME: the summary in $TMP/body is the CLI's on page.html
    if $PY -c 'import json,sys
a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2]))
key=lambda s: [(x["text"], x["start"], x["end"], x["doc"]) for x in s["summary"]]
docs=lambda s: [(x["id"], x["title"], x["date"], x["bytes"]) for x in s["documents"]]
assert key(a)==key(b) and docs(a)==docs(b) and a["summary"], (key(a), key(b))' "$TMP/body" "$TMP/cli_page.json" 2>"$TMP/py"; then
        pass "$1"
    else
        fail "$1" "$(tail -c 300 "$TMP/py")"
    fi
}
http serve_summarize_page_as_text 200 $J --data-binary @"$TMP/page_as_text.json" $U/v1/summarize
same_as_cli_page serve_page_text_same_as_cli
http serve_summarize_page 200 $J --data-binary @"$TMP/summarize_page.json" $U/v1/summarize
same_as_cli_page serve_summarize_page_same_as_cli
pyjson serve_summarize_page_source_spans "$TMP/body" 'all("source" in x for x in d["summary"]) and d["documents"][0]["url"].startswith("https://")'
http serve_summarize_input_html 200 $J --data-binary @"$TMP/input_html.json" $U/v1/summarize
same_as_cli_page serve_summarize_input_html_same_as_cli
http serve_facts_page 200 $J --data-binary @"$TMP/summarize_page.json" $U/v1/facts
http serve_400_bad_format 400 $J --data-binary @"$TMP/bad_format.json" $U/v1/summarize
http serve_400_bad_base64 400 $J --data-binary @"$TMP/bad_base64.json" $U/v1/read
http serve_400_text_and_base64 400 $J --data-binary @"$TMP/text_and_base64.json" $U/v1/summarize
http serve_422_page_without_article 422 $J --data-binary @"$TMP/no_article.json" $U/v1/summarize
expect_grep serve_422_page_without_article_says_why 'documents\[0\]: no report to read.*empty.html: no article text' "$TMP/body"

http serve_facts 200 $J --data-binary @"$TMP/facts.json" $U/v1/facts
pyjson serve_facts_sheet "$TMP/body" 'd["kind"]=="facts" and sorted(g["label"] for g in d["groups"] if g["label"]!="single")==["revised","revised","revised"]'

http serve_rouge 200 $J --data-binary @"$TMP/rouge.json" $U/v1/rouge
cp "$TMP/body" "$TMP/rouge_out.json"
pyjson serve_rouge_scores "$TMP/rouge_out.json" 'd["kind"]=="rouge" and sorted(s["system"] for s in d["systems"])==["other","system"] and 0<d["systems"][1]["average"]["ROUGE-1"]["R"]["avg"]<=1'
# The same numbers as newsfuse rouge on the same texts.
$PY - "$TMP" <<'EOF'
import json, os, sys
t = sys.argv[1]; r = json.load(open(os.path.join(t, "rouge.json")))
with open(os.path.join(t, "system.jsonl"), "w") as f:
    f.write(json.dumps({"id": "a", "summary": r["summaries"][0]["summary"]}) + "\n")
with open(os.path.join(t, "refs.jsonl"), "w") as f:
    f.write(json.dumps(r["references"][0]) + "\n")
EOF
$NF rouge --format json -n 2 -r 100 "$TMP/system.jsonl" "$TMP/refs.jsonl" >"$TMP/cli_rouge.json" 2>"$TMP/cli_rouge.err"
echo "cli exit $?: $(head -c 200 "$TMP/cli_rouge.err")" >>"$TMP/cli_rouge.err"
if $PY -c 'import json,sys
a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2]))
sa=[s for s in a["systems"] if s["system"]=="system"][0]; sb=b["systems"][0]
assert sa["average"]==sb["average"], (sa["average"], sb["average"])' "$TMP/rouge_out.json" "$TMP/cli_rouge.json" 2>"$TMP/py"; then
    pass serve_rouge_same_as_cli
else
    fail serve_rouge_same_as_cli "$(tail -c 200 "$TMP/py"); $(tail -c 200 "$TMP/cli_rouge.err"); server: $(head -c 200 "$TMP/rouge_out.json")"
fi

# ---- refusals ----
http serve_400_truncated 400 $J --data-binary @"$TMP/truncated.json" $U/v1/summarize
http serve_400_not_object 400 $J --data-binary @"$TMP/array.json" $U/v1/summarize
http serve_400_duplicate_key 400 $J --data-binary @"$TMP/dup.json" $U/v1/summarize
http serve_400_invalid_utf8 400 $J --data-binary @"$TMP/latin1.json" $U/v1/summarize
http serve_400_empty_body 400 $J -X POST $U/v1/summarize
http serve_400_unknown_field 400 $J --data-binary @"$TMP/unknown_field.json" $U/v1/summarize
expect_grep serve_400_names_field 'documnets' "$TMP/body"
http serve_400_unknown_option 400 $J --data-binary @"$TMP/unknown_option.json" $U/v1/summarize
http serve_403_idf_path_refused 403 $J --data-binary @"$TMP/idf_option.json" $U/v1/summarize
expect_grep serve_403_idf_names_option 'options.idf is not accepted' "$TMP/body"
http serve_400_bad_method 400 $J --data-binary @"$TMP/bad_method.json" $U/v1/summarize
# the error lists every method, to the last one (it was cut at 150 bytes)
pyjson serve_400_bad_method_lists_all "$TMP/body" 'all(m in d["error"]["message"].split() for m in ["concept", "textrank", "submodular", "ilp"])'
http serve_400_bad_words 400 $J --data-binary @"$TMP/bad_words.json" $U/v1/summarize
http serve_400_bad_document 400 $J --data-binary @"$TMP/bad_doc.json" $U/v1/summarize
http serve_400_facts_not_bool 400 $J --data-binary @"$TMP/bad_facts_flag.json" $U/v1/summarize
http serve_400_time_limit_raised 400 $J --data-binary @"$TMP/long_seconds.json" $U/v1/summarize
http serve_400_facts_seen 400 $J --data-binary @"$TMP/seen.json" $U/v1/facts
http serve_400_rouge_flags 400 $J --data-binary @"$TMP/rouge_flags.json" $U/v1/rouge
http serve_400_rouge_resamples 400 $J --data-binary @"$TMP/rouge_resamples.json" $U/v1/rouge
http serve_413_body 413 $J --data-binary @"$TMP/huge.json" $U/v1/summarize
http serve_411_chunked 411 $J -H 'Transfer-Encoding: chunked' --data-binary @"$TMP/example.json" $U/v1/summarize
http serve_411_chunked_huge 411 $J -H 'Transfer-Encoding: chunked' --data-binary @"$TMP/huge.json" $U/v1/summarize
http serve_413_thousands_of_documents 413 $J --data-binary @"$TMP/many_docs.json" $U/v1/summarize
http serve_413_documents 413 $J --data-binary @"$TMP/fifty_one.json" $U/v1/facts
http serve_413_document_size 413 $J --data-binary @"$TMP/big_doc.json" $U/v1/summarize
http serve_415_no_type 415 -H 'Content-Type:' --data-binary @"$TMP/example.json" $U/v1/summarize
http serve_415_form 415 --data-binary @"$TMP/example.json" $U/v1/summarize
http serve_415_text 415 -H 'Content-Type: text/plain' --data-binary @"$TMP/example.json" $U/v1/facts
http serve_415_latin1 415 -H 'Content-Type: application/json; charset=latin1' --data-binary @"$TMP/example.json" $U/v1/summarize
http serve_413_rouge_work 413 $J --data-binary @"$TMP/rouge_too_long.json" $U/v1/rouge
http serve_422_no_documents 422 $J --data-binary @"$TMP/no_docs.json" $U/v1/summarize
http serve_422_blank_documents 422 $J --data-binary @"$TMP/blank.json" $U/v1/facts
http serve_422_rouge_no_references 422 $J --data-binary @"$TMP/rouge_noref.json" $U/v1/rouge
http serve_422_rouge_nothing 422 $J --data-binary @"$TMP/rouge_empty.json" $U/v1/rouge
http serve_405_get_api 405 $U/v1/summarize
http serve_405_post_health 405 $J -d '{}' $U/healthz
http serve_405_delete_page 405 -X DELETE $U/
http serve_403_foreign_host 403 -H 'Host: rebind.example:80' $U/healthz

# ---- slow clients and garbage ----
$PY - "$port" >"$TMP/slow" 2>&1 <<'EOF'
import socket, sys, time
port = int(sys.argv[1])
def closed_within(sock, seconds):
    """True if the server closes the connection within seconds."""
    sock.settimeout(seconds)
    t0 = time.time()
    try:
        while sock.recv(4096):
            pass
        return time.time() - t0 <= seconds
    except (socket.timeout, TimeoutError):
        return False
    except ConnectionResetError:
        return True
# Headers that never end: closed after the 2 s idle timeout.
s = socket.create_connection(("127.0.0.1", port))
s.sendall(b"POST /v1/summarize HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: appl")
print("slowloris_headers", "closed" if closed_within(s, 8) else "open")
# A body trickling in one byte a second: closed after the 3 s body deadline.
s = socket.create_connection(("127.0.0.1", port))
s.sendall(b"POST /v1/summarize HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{")
t0, ok = time.time(), False
s.settimeout(1)
while time.time() - t0 < 10:
    try:
        s.sendall(b" ")
        if s.recv(4096) == b"":
            ok = True
            break
    except (socket.timeout, TimeoutError):
        continue
    except (BrokenPipeError, ConnectionResetError):
        ok = True
        break
print("slowloris_body", "closed" if ok else "open", round(time.time() - t0, 1))
# Garbage that is not HTTP: answered (400) or closed, never a crash.
s = socket.create_connection(("127.0.0.1", port))
s.sendall(b"\x00\xff\x16\x03\x01 hello\r\n\r\n")
s.settimeout(5)
try:
    data = s.recv(4096)
except Exception:
    data = b""
print("garbage", data[:12])
# A 70 KB chunk extension: libmicrohttpd answered it with its own HTML 500;
# it must get the server's JSON refusal (4xx).
s = socket.create_connection(("127.0.0.1", port))
body = b'{"documents": ["a b c."]}'
s.sendall(b"POST /v1/summarize HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          b"Transfer-Encoding: chunked\r\n\r\n%x;ext=" % len(body))
answer = b""
try:
    # An answer at the headers is read before the rest is sent: once the
    # server closes, unread bytes could turn the close into a reset.
    s.settimeout(1)
    answer = s.recv(65536)
except (socket.timeout, TimeoutError):
    s.sendall(b"a" * 70000 + b"\r\n" + body + b"\r\n0\r\n\r\n")
s.settimeout(5)
try:
    while True:
        got = s.recv(65536)
        if not got:
            break
        answer += got
except Exception:
    pass
head, _, rest = answer.partition(b"\r\n\r\n")
print("chunk_extension", head.split(b"\r\n")[0], rest[:60])
# Methods and paths that would break a JSON line unescaped: quotes,
# backslashes, braces, controls, invalid UTF-8 (raw and %-decoded).
for req in (b'X"}{\\ / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
            b'G\x01\xff\xc3\x28ET /%ff%22%5c%0a\xe2\x82 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
            b'GET /caf\xc3\xa9%e2%82%ac"\\ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(req)
    s.settimeout(5)
    try:
        print("odd_request", s.recv(4096)[:12])
    except Exception as e:
        print("odd_request", e)
    s.close()
EOF
expect_grep serve_slowloris_headers_closed '^slowloris_headers closed' "$TMP/slow"
expect_grep serve_slowloris_body_closed '^slowloris_body closed' "$TMP/slow"
expect_grep serve_chunk_extension_json_4xx '^chunk_extension b.HTTP/1.1 4[0-9][0-9] .* b.\{"schema":"newsfuse/2","error"' "$TMP/slow"
expect_grep serve_garbage_refused "^garbage b'(HTTP/1.1 400|)'" "$TMP/slow"

# ---- concurrency: the same answer whatever the interleaving ----
for i in 1 2 3 4 5 6 7 8; do
    curl -s -o "$TMP/par$i" $J --data-binary @"$TMP/example.json" $U/v1/summarize &
done
wait_ok=1
for i in 1 2 3 4 5 6 7 8; do
    while [ ! -s "$TMP/par$i" ] && kill -0 "$server" 2>/dev/null; do sleep 0.1; done
done
sleep 0.5
for i in 2 3 4 5 6 7 8; do cmp -s "$TMP/par1" "$TMP/par$i" || wait_ok=0; done
if [ $wait_ok -eq 1 ] && cmp -s "$TMP/par1" "$TMP/summary.json"; then pass serve_parallel_identical; else fail serve_parallel_identical; fi

http serve_alive_after_abuse 200 $U/healthz
kill -TERM "$server"
wait "$server"
rc=$?
if [ $rc -eq 0 ]; then pass serve_sigterm_clean_exit; else fail serve_sigterm_clean_exit "exit $rc"; fi

# ---- the access log: one JSON line per request, never a 500 ----
$PY - "$TMP/server.log" >"$TMP/py" 2>&1 <<'EOF' && pass serve_access_log || fail serve_access_log "$(tail -c 300 "$TMP/py")"
import json, sys
# Every line is JSON but libmicrohttpd's and the CLI's own messages.
lines = [l for l in open(sys.argv[1], "rb") if not l.startswith(b"newsfuse: ")]
recs = []
for l in lines:
    try:
        recs.append(json.loads(l.decode("utf-8")))
    except ValueError as e:
        raise AssertionError("not a JSON line: %r (%s)" % (l[:200], e))
methods = {r["method"] for r in recs}
assert 'X"}{\\' in methods, methods
assert any(r["path"] == "/caf\u00e9\u20ac\"\\" for r in recs), [r["path"] for r in recs]
assert any("\ufffd" in r["method"] and "\x01" in r["method"] for r in recs), methods
assert len(recs) >= 50, len(recs)
for r in recs:
    assert set(r) >= {"time", "remote", "method", "path", "status", "bytes", "ms"}, r
    assert r["remote"] == "127.0.0.1"
assert not [r for r in recs if r["status"] >= 500], [r for r in recs if r["status"] >= 500]
assert {r["status"] for r in recs} >= {200, 400, 403, 404, 405, 413, 415, 422}, {r["status"] for r in recs}
assert any(r["path"] == "/v1/summarize" and r["status"] == 200 and r["bytes"] > 1000 for r in recs)
EOF
expect_grep serve_stop_logged 'stopping \(signal 15\)' "$TMP/server.log"

# ---- the token ----
printf 's3cret-token-for-tests\n' >"$TMP/token"
start_server "$TMP/token.log" --token "$TMP/token" --quiet
U=http://127.0.0.1:$port
http serve_401_no_token 401 $J --data-binary @"$TMP/example.json" $U/v1/summarize
http serve_401_wrong_token 401 $J -H 'Authorization: Bearer s3cret-token-for-tesTS' --data-binary @"$TMP/example.json" $U/v1/summarize
http serve_401_version 401 $U/version
http serve_token_ok 200 $J -H 'Authorization: Bearer s3cret-token-for-tests' --data-binary @"$TMP/example.json" $U/v1/summarize
http serve_token_page_open 200 $U/
http serve_token_healthz_open 200 $U/healthz
kill -TERM "$server"
wait "$server"
if [ ! -s "$TMP/token.log" ] || ! grep -q '^{' "$TMP/token.log"; then pass serve_quiet_no_log; else fail serve_quiet_no_log; fi

# ---- SIGTERM: in-flight requests finish, new connections are refused ----
# term_during NAME GRACE finish|stall: a summarize request whose body is
# half sent when the client sends SIGTERM, the rest (finish) 0.5 s later;
# writes what the client got to $TMP/NAME.
term_during() {
    start_server "$TMP/$1.log" --grace-seconds "$2" --timeout 5
    $PY - "$port" "$server" "$TMP/example.json" "$3" >"$TMP/$1" 2>&1 <<'EOF'
import json, os, signal, socket, sys, time
port, pid, body = int(sys.argv[1]), int(sys.argv[2]), open(sys.argv[3], "rb").read()
s = socket.create_connection(("127.0.0.1", port))
s.sendall(b"POST /v1/summarize HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          b"Content-Length: %d\r\n\r\n" % len(body) + body[:len(body) // 2])
time.sleep(0.3)
t0 = time.time()
os.kill(pid, signal.SIGTERM)
time.sleep(0.5)
try:
    socket.create_connection(("127.0.0.1", port), timeout=2).close()
    print("new_connection accepted")
except OSError:
    print("new_connection refused")
if sys.argv[4] == "finish":
    s.sendall(body[len(body) // 2:])
s.settimeout(15)
data = b""
try:
    while True:
        got = s.recv(65536)
        if not got:
            break
        data += got
except OSError as e:
    print("error", e)
head, _, rest = data.partition(b"\r\n\r\n")
length = [int(l.split(b":")[1]) for l in head.split(b"\r\n") if l.lower().startswith(b"content-length:")]
print("status", head.split(b"\r\n")[0].decode(errors="replace"))
complete = length and len(rest) == length[0] and len(json.loads(rest)["summary"]) >= 2
print("answer", "complete" if complete else "incomplete (%d bytes)" % len(rest))
print("seconds %.1f" % (time.time() - t0))
EOF
    wait "$server"
    echo "exit $?" >>"$TMP/$1"
}
term_during term_finish 10 finish
expect_grep serve_sigterm_finishes_request '^answer complete' "$TMP/term_finish"
expect_grep serve_sigterm_status_200 '^status HTTP/1.1 200' "$TMP/term_finish"
expect_grep serve_sigterm_refuses_new '^new_connection refused' "$TMP/term_finish"
expect_grep serve_sigterm_drained_exit_0 '^exit 0' "$TMP/term_finish"
# A request that never completes is closed at the grace period (1 s).
term_during term_grace 1 stall
expect_grep serve_sigterm_grace_exit_0 '^exit 0' "$TMP/term_grace"
expect_grep serve_sigterm_grace_bounded '^seconds [0-3]\.' "$TMP/term_grace"
expect_grep serve_sigterm_grace_logged 'still in flight: closed' "$TMP/term_grace.log"

# ---- usage ----
expect_status serve_bad_port 2 $NF serve --port 70000
expect_status serve_bad_flag 2 $NF serve --frobnicate 1
expect_status serve_bad_bind 1 $NF serve --bind not-an-address
expect_status serve_missing_token 2 $NF serve --token /nonexistent/token
# A token file is read to 4 KiB at most: /dev/zero is refused by name.
bounded $NF serve --token /dev/zero
if [ "$got" -eq 2 ] && grep -q 'serve: /dev/zero: longer than 4096 bytes' "$TMP/err"; then pass serve_token_read_bounded
else fail serve_token_read_bounded "exit $got: $(head -c 300 "$TMP/err")"; fi
printf 'short\n' >"$TMP/short"
expect_status serve_short_token 2 $NF serve --token "$TMP/short"
expect_status serve_help 0 $NF serve --help
expect_grep serve_help_text 'max-documents' "$TMP/out"

# ---- the page in a real browser ----
sh "$(dirname "$0")/../e2e/run.sh"
