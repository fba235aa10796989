#!/bin/sh
# Every input format through the library's reader (issue 15): each name of
# --input through summarize, facts and batch; saved web pages of several
# layouts (cookie banner, menu, related links, share bar, footer) summarize
# their article text, with the page's date and a "source" span into the
# page's bytes; facts never quotes markup; article JSONL without "event" is
# one event; a Windows-1252 text file is decoded; bad input is named, with
# an exit status, and never loses the other reports.
. tests/cli/lib.sh
EX=examples/harbor-collapse
PY=$(command -v /usr/bin/python3 || command -v python3) || { skip input_formats "no python3"; exit 0; }

# check NAME WHY CONDITION...
check() {
    name=$1; why=$2; shift 2
    if "$@"; then pass "$name"; else fail "$name" "$why: $(head -c 300 "$TMP/err")"; fi
}
lines() { wc -l <"$1" | tr -d ' '; }
# pyjson NAME FILE EXPR: a Python assertion about the JSON lines of FILE (d: the first).
pyjson() {
    if $PY -c "import json,sys
rows=[json.loads(l) for l in open(sys.argv[1], encoding='utf-8') if l.strip()]
d=rows[0] if rows else None
assert $3" "$2" 2>"$TMP/py"; then pass "$1"; else fail "$1" "$(tail -c 300 "$TMP/py")"; fi
}

# ---- The bundled example's reports as saved web pages, three layouts ----
mkdir -p "$TMP/pages" "$TMP/texts"
cp $EX/*.txt "$TMP/texts/"
$PY - "$EX" "$TMP/pages" <<'EOF'
import html, os, sys
ex, out = sys.argv[1], sys.argv[2]
files = sorted(f for f in os.listdir(ex) if f.endswith(".txt"))
COOKIE = ("<div class='cookie-banner' id='consent'><p>We use cookies and similar technologies to "
          "improve your experience, and by continuing to browse you agree to our cookie policy.</p>"
          "<button>Accept all cookies</button></div>")
MENU = ("<div id='menu' class='site-menu'><ul><li><a href='/'>Home</a></li><li><a href='/world'>World"
        "</a></li><li><a href='/business'>Business</a></li><li><a href='/sport'>Sport</a></li></ul></div>")
RELATED = ("<div class='related-stories'><h3>Related stories</h3><ul>" + "".join(
    "<li><a href='/s%d'>Council approves the new budget for the harbour district %d</a></li>" % (i, i)
    for i in range(5)) + "</ul></div>")
SHARE = ("<div class='share-bar'><a href='#'>Share on Facebook</a> <a href='#'>Share on Twitter</a> "
         "<a href='#'>Email this story</a></div>")
FOOTER = ("<div class='footer'><p>Copyright 2025 Example Media Group. All rights reserved. "
          "Terms of use and privacy policy apply to this website.</p></div>")
def body(lines):
    head, paras = lines[0], [l for l in lines[1:] if l.strip()]
    return head, "".join("<p>%s</p>\n" % html.escape(p, quote=False) for p in paras)
for k, f in enumerate(files):
    lines = open(os.path.join(ex, f), encoding="utf-8").read().split("\n")
    head, paras = body(lines)
    date = "2025-06-16" if f.startswith("4-") else "2025-06-15"  # as the example's README says
    meta = ("<meta charset='utf-8'><title>%s | Example News</title>"
            "<meta name='description' content='%s'>"
            "<meta property='article:published_time' content='%sT08:00:00Z'>" % (head, head, date))
    layout = k % 3
    if layout == 0:  # div soup
        page = ("<html><head>%s</head><body>%s%s<div class='wrapper'><div class='story-body'>"
                "<h1>%s</h1>\n%s</div>%s</div>%s</body></html>" % (meta, COOKIE, MENU, head, paras,
                                                                    RELATED, FOOTER))
    elif layout == 1:  # semantic tags
        page = ("<!doctype html><html lang='en'><head>%s</head><body><header>%s</header>%s<main>"
                "<article><h1>%s</h1>%s\n%s</article><aside>%s</aside></main><footer>%s</footer>"
                "</body></html>" % (meta, MENU, COOKIE, head, SHARE, paras, RELATED, FOOTER))
    else:  # a table layout
        page = ("<html><head>%s</head><body>%s<table><tr><td class='sidebar'>%s</td><td>"
                "<div class='content'><h1>%s</h1>%s%s</div></td></tr></table>%s%s</body></html>"
                % (meta, COOKIE, MENU, head, SHARE, paras, RELATED, FOOTER))
    open(os.path.join(out, f[:-4] + ".html"), "w", encoding="utf-8").write(page)
EOF

BOILER='cookie|Home|World|Related stories|Council approves|Share on|Copyright|All rights|<p>|<div|<title|<meta|&[a-z#0-9]+;'
expect_status html_pages_summarize 0 $NF summarize --words 120 "$TMP/pages"
if grep -Eq "$BOILER" "$TMP/out"; then fail html_pages_no_boilerplate "$(grep -E "$BOILER" "$TMP/out" | head -3)"
else pass html_pages_no_boilerplate; fi
expect_grep html_pages_sources_dated '^  \[[0-9]\] 1-meridian-wire.html "Footbridge collapse at Port Avelin festival kills 12" \(2025-06-15\)$' "$TMP/out"
expect_status html_pages_summarize_json 0 $NF summarize --format json --words 120 "$TMP/pages"
cp "$TMP/out" "$TMP/pages.json"
# Every summary sentence is article text (found in the plain reports), and
# its "source" span is the same bytes of its page.
$PY - "$TMP/pages.json" "$TMP/texts" "$TMP/pages" >"$TMP/py" 2>&1 <<'EOF' && pass html_pages_summary_is_article_text || fail html_pages_summary_is_article_text "$(tail -c 300 "$TMP/py")"
import json, os, sys
d = json.load(open(sys.argv[1]))
plain = " ".join(open(os.path.join(sys.argv[2], f), encoding="utf-8").read() for f in os.listdir(sys.argv[2]))
plain = " ".join(plain.split())
assert d["summary"], "no summary"
for s in d["summary"]:
    assert " ".join(s["text"].split()) in plain, s["text"]
    doc = d["documents"][s["doc"]["index"]]
    page = open(os.path.join(sys.argv[3], doc["id"]), "rb").read()
    src = s["source"]
    assert page[src["start"]:src["end"]].decode("utf-8") == s["text"], (s["text"], src)
assert [x["date"] for x in d["documents"]] == ["2025-06-15"] * 3 + ["2025-06-16"]
EOF
# The figure sheet of the pages: the figures of the plain reports, no markup.
expect_status html_pages_facts 0 $NF facts --format json "$TMP/pages"
if grep -Eq '<title|<meta|<p>|cookie' "$TMP/out"; then fail html_pages_facts_no_markup "$(grep -Eo '.{40}(<title|<meta|<p>|cookie).{40}' "$TMP/out" | head -2)"
else pass html_pages_facts_no_markup; fi
$NF facts "$TMP/pages" >"$TMP/facts_pages" 2>/dev/null
expect_grep html_pages_facts_revised '^revised +killed: people +(at least )?12 -> 14' "$TMP/facts_pages"
# One page, as a new user would run it.
expect_status html_page_alone 0 $NF summarize "$TMP/pages/1-meridian-wire.html"
if grep -Eq "$BOILER" "$TMP/out"; then fail html_page_alone_no_boilerplate "$(head -c 300 "$TMP/out")"
else pass html_page_alone_no_boilerplate; fi
# --input text reads the page as text: markup and all (the escape hatch).
expect_status html_page_as_text 0 $NF summarize --input text --format jsonl "$TMP/pages/1-meridian-wire.html"
pyjson html_page_as_text_whole "$TMP/out" "d['documents'][0]['bytes'] == $(wc -c <"$TMP/pages/1-meridian-wire.html") and 'source' not in d['summary'][0]"

# ---- Every format name, through summarize, facts and batch ----
printf '%s\n' '{"id":"c1","documents":["The ferry across the bay ran again on Tuesday after a strike by its crews.","Crews ended their strike on Tuesday and the ferry ran again across the bay."]}' \
    '{"id":"c2","documents":["Storm winds closed the airport for six hours on Friday, stranding thousands.","Flights resumed late on Friday after the storm passed over the city."]}' >"$TMP/c.jsonl"
printf '%s\n' '{"event":"e1","id":"a","date":"2025-03-01","text":"The ferry across the bay ran again on Tuesday after a strike by its crews."}' \
    '{"event":"e1","id":"b","date":"2025-03-02","text":"Crews ended their strike on Tuesday and the ferry ran again across the bay."}' \
    '{"event":"e2","id":"c","text":"Storm winds closed the airport for six hours on Friday, stranding thousands."}' >"$TMP/a.jsonl"
printf '%s\n' 'The ferry across the bay ran again on Tuesday after a strike. ||||| Crews ended their strike on Tuesday and the ferry ran again.' \
    'Storm winds closed the airport for six hours on Friday. ||||| Flights resumed late on Friday after the storm passed.' >"$TMP/m.txt"
# name input events
for spec in "auto $TMP/c.jsonl 2" "cluster $TMP/c.jsonl 2" "jsonl $TMP/c.jsonl 2" "articles $TMP/a.jsonl 2" \
            "multinews $TMP/m.txt 2" "text $EX 1" "html $TMP/pages 1" "auto $TMP/a.jsonl 2" "auto $TMP/m.txt 2"; do
    set -- $spec
    expect_status "summarize_input_$1_$(basename "$2")" 0 $NF summarize --format jsonl --input "$1" "$2"
    check "summarize_input_$1_$(basename "$2")_events" "$(lines "$TMP/out") records, not $3" [ "$(lines "$TMP/out")" -eq "$3" ]
    expect_status "facts_input_$1_$(basename "$2")" 0 $NF facts --format jsonl --input "$1" "$2"
    check "facts_input_$1_$(basename "$2")_events" "$(lines "$TMP/out") sheets, not $3" [ "$(lines "$TMP/out")" -eq "$3" ]
    if [ -d "$2" ]; then continue; fi # batch reads one corpus file, not a directory
    expect_status "batch_input_$1_$(basename "$2")" 0 $NF batch -j 2 --input "$1" "$2" -o "$TMP/b.jsonl"
    check "batch_input_$1_$(basename "$2")_events" "$(lines "$TMP/b.jsonl") records, not $3" [ "$(lines "$TMP/b.jsonl")" -eq "$3" ]
done
# batch reads a page too: one event, one record, the same as summarize's.
$NF summarize --format jsonl "$TMP/pages/2-avelin-courier.html" >"$TMP/want_page.jsonl" 2>/dev/null
expect_status batch_page 0 $NF batch "$TMP/pages/2-avelin-courier.html" -o "$TMP/got_page.jsonl"
check batch_page_same_as_summarize "records differ" cmp -s "$TMP/want_page.jsonl" "$TMP/got_page.jsonl"
expect_status usage_unknown_input 2 $NF summarize --input xml "$TMP/c.jsonl"
expect_grep usage_unknown_input_lists_names "the formats are auto, text, html, cluster, articles, multinews" "$TMP/err"
for cmd in facts batch "idf build"; do
    expect_status "usage_unknown_input_$(echo $cmd | tr ' ' _)" 2 $NF $cmd --input xml "$TMP/c.jsonl"
done
expect_status summarize_help_names_inputs 0 $NF summarize --help
expect_grep summarize_help_names_inputs_listed 'auto, text, html, cluster \(or jsonl\), articles, multinews' "$TMP/out"

# ---- Article JSONL without "event": the whole file is one event ----
printf '%s\n' '{"id":"a1","title":"Bridge","date":"2025-06-15","text":"The old harbour footbridge collapsed on Saturday night during the festival, officials said."}' \
    '{"id":"a2","url":"https://x.example/a2","text":"Rescue divers searched the water through the night for the missing after the collapse."}' >"$TMP/crawl.jsonl"
expect_status articles_without_event_summarize 0 $NF summarize --format jsonl "$TMP/crawl.jsonl"
pyjson articles_without_event_one_event "$TMP/out" "d['id'] is None and [x['id'] for x in d['documents']] == ['a1', 'a2'] and d['documents'][0]['title'] == 'Bridge'"
expect_status articles_without_event_facts 0 $NF facts "$TMP/crawl.jsonl"
expect_status articles_without_event_batch 0 $NF batch "$TMP/crawl.jsonl" -o "$TMP/crawl_out.jsonl"
check articles_without_event_batch_one_record "$(lines "$TMP/crawl_out.jsonl") records" [ "$(lines "$TMP/crawl_out.jsonl")" -eq 1 ]

# ---- Windows-1252 text: decoded, with a warning, mapped back ----
printf 'The caf\351 on the quay closed after the footbridge collapse, its owner M\374ller said on Sunday.\nDivers searched the dark water for na\357ve tourists who had crowded onto the bridge.\n' >"$TMP/latin1.txt"
expect_status latin1_summarize 0 $NF summarize --format json "$TMP/latin1.txt"
expect_grep latin1_warned 'latin1.txt: not UTF-8: read as Windows-1252' "$TMP/err"
$PY - "$TMP/out" "$TMP/latin1.txt" >"$TMP/py" 2>&1 <<'EOF' && pass latin1_decoded_and_mapped || fail latin1_decoded_and_mapped "$(tail -c 300 "$TMP/py")"
import json, sys
d = json.load(open(sys.argv[1]))
raw = open(sys.argv[2], "rb").read()
assert not any("U+FFFD" in w for w in d["warnings"]), d["warnings"]  # no repairs
assert any(w.endswith("latin1.txt: not UTF-8: read as Windows-1252 (Latin-1)") for w in d["warnings"])
texts = [s["text"] for s in d["summary"]]
assert any("café" in t or "Müller" in t or "naïve" in t for t in texts), texts
for s in d["summary"]:
    assert raw[s["source"]["start"]:s["source"]["end"]].decode("cp1252") == s["text"]
EOF

# ---- Bad input: named, an exit status, the other reports kept ----
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' >"$TMP/pages/5-image.html"
expect_status bad_page_among_pages 0 $NF summarize "$TMP/pages"
expect_grep bad_page_named '5-image.html: .*skipped' "$TMP/err"
rm "$TMP/pages/5-image.html"
expect_status missing_page_among_pages 1 $NF summarize "$TMP/pages/1-meridian-wire.html" "$TMP/pages/none.html" "$TMP/pages/3-nbn-news.html"
expect_grep missing_page_named 'none.html: cannot open: No such file' "$TMP/err"
expect_grep missing_page_others_summarized 'Sources:' "$TMP/out"
printf '<html><head><title>Only a title</title></head><body><script>var x = 1;</script></body></html>' >"$TMP/empty.html"
expect_status page_without_article 1 $NF summarize "$TMP/empty.html"
expect_grep page_without_article_named 'empty.html: no article text found, skipped' "$TMP/err"
expect_status corpus_among_reports 1 $NF summarize "$TMP/pages/1-meridian-wire.html" "$TMP/c.jsonl"
expect_grep corpus_among_reports_named 'c.jsonl: cluster JSONL holds its own events' "$TMP/err"
expect_grep corpus_among_reports_page_kept 'Sources:' "$TMP/out"
# A bad article line: an error record in its place naming file and line.
{ head -n 1 "$TMP/a.jsonl"; printf '%s\n' '{"event":"e1","id":"bad","text":3}'; tail -n 2 "$TMP/a.jsonl"; } >"$TMP/a_bad.jsonl"
expect_status bad_article_line 1 $NF summarize --format jsonl "$TMP/a_bad.jsonl"
expect_grep bad_article_line_record '"id":"bad","error":\{"file":"[^"]*a_bad.jsonl","line":2,"message":"\\"text\\" must be a string"' "$TMP/out"
check bad_article_line_others_kept "$(lines "$TMP/out") records, not 3" [ "$(lines "$TMP/out")" -eq 3 ]
expect_grep bad_article_line_named 'a_bad.jsonl:2: "text" must be a string' "$TMP/err"

# ---- idf build reads pages as their article text ----
expect_status idf_build_pages 0 $NF idf build --min-df 1 "$TMP/pages"
expect_grep idf_build_pages_documents 'documents=4' "$TMP/out"
if grep -Eq '^(cooki|consent|menu)	' "$TMP/out"; then fail idf_build_pages_no_boilerplate; else pass idf_build_pages_no_boilerplate; fi
