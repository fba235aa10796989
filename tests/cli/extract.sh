#!/bin/sh
# CLI tests of `newsfuse extract`: text and JSON output, several pages, bad
# pages named with the others still printed, exit codes, stdin.
. tests/cli/lib.sh

cat >"$TMP/page.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Storm closes the port at Varn | Varn Post</title>
<meta property="og:site_name" content="Varn Post">
<meta property="article:published_time" content="2024-02-11T07:00:00+01:00"></head>
<body><div class="cookie-notice">This site uses cookies to give you a better experience. <a href="#">OK</a></div>
<div class="nav"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></div>
<div class="article-body"><h1>Storm closes the port at Varn</h1>
<p>The port of Varn was closed on Sunday as a storm brought winds of up to 120 kilometres an hour, the harbour master said.</p>
<p>Ferries to the islands will not sail before Tuesday, and fishing boats were told to stay in the inner basin.</p></div>
<div class="related"><a href="/a">Ferry runs aground off Kelmar Island</a> <a href="/b">New bridge opens</a> <a href="/c">Quotas cut</a></div>
<div class="footer">Varn Post, 2 Harbour Road. All rights reserved.</div></body></html>
HTML
printf '<html><body><p>Le caf\351 du port a rouvert apr\350s la temp\352te, a dit le maire lundi matin.</p></body></html>' >"$TMP/latin1.html"
printf '\211PNG\r\n\032\n\0\0\0\rIHDR\0\0\0\020' >"$TMP/image.html"
printf '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>' >"$TMP/nav.html"

expect_status extract_text 0 $NF extract "$TMP/page.html"
expect_grep extract_text_first_paragraph '^The port of Varn was closed on Sunday' "$TMP/out"
if grep -Eq 'cookies|Home|Ferry runs aground|Harbour Road|^Storm closes' "$TMP/out"; then
    fail extract_text_no_boilerplate "$(cat "$TMP/out")"
else pass extract_text_no_boilerplate; fi
lines=$(wc -l <"$TMP/out")
if [ "$lines" -eq 3 ]; then pass extract_text_paragraphs; else fail extract_text_paragraphs "$lines lines"; fi

expect_status extract_json 0 $NF extract --format json "$TMP/page.html"
expect_grep extract_json_title '"title": "Storm closes the port at Varn"' "$TMP/out"
expect_grep extract_json_date '"date": "2024-02-11"' "$TMP/out"
expect_grep extract_json_site '"site": "Varn Post"' "$TMP/out"
expect_grep extract_json_language '"language": "en"' "$TMP/out"
expect_grep extract_json_source '"source": "[^"]*page.html"' "$TMP/out"

# Several pages, two of them bad: every page has its line, the bad ones
# are named on stderr, the exit status says so.
expect_status extract_jsonl_bad_pages 1 $NF extract --format jsonl "$TMP/page.html" "$TMP/image.html" \
    "$TMP/missing.html" "$TMP/nav.html" "$TMP/latin1.html"
lines=$(wc -l <"$TMP/out")
if [ "$lines" -eq 5 ]; then pass extract_jsonl_one_line_per_page; else fail extract_jsonl_one_line_per_page "$lines lines"; fi
expect_grep extract_binary_error_record '"source": "[^"]*image.html", "error": "not a web page: a PNG image"' "$TMP/out"
expect_grep extract_missing_error_record 'missing.html", "error": "cannot open' "$TMP/out"
expect_grep extract_binary_named 'image.html: not a web page' "$TMP/err"
expect_grep extract_missing_named 'missing.html: cannot open' "$TMP/err"
expect_grep extract_no_text_named 'nav.html: no article text found' "$TMP/err"
expect_grep extract_latin1_warning 'latin1.html: warning: charset: .*Windows-1252' "$TMP/err"
expect_grep extract_latin1_text 'Le caf\\u00e9|Le café du port' "$TMP/out"
if command -v python3 >/dev/null; then
    if python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$TMP/out" 2>/dev/null; then
        pass extract_jsonl_parses; else fail extract_jsonl_parses "$(head -c 300 "$TMP/out")"; fi
fi

expect_status extract_several_text 1 $NF extract "$TMP/page.html" "$TMP/image.html"
expect_grep extract_several_headers '^==> .*page.html <==$' "$TMP/out"

$NF extract --url https://post.example/2024/02/12/storm - <"$TMP/page.html" >"$TMP/out" 2>"$TMP/err"
expect_grep extract_stdin '^The port of Varn' "$TMP/out"
expect_status extract_url_with_two_pages 2 $NF extract --url https://x.example/ "$TMP/page.html" "$TMP/nav.html"
expect_status extract_bad_format 2 $NF extract --format xml "$TMP/page.html"
expect_status extract_unknown_option 2 $NF extract --frobnicate "$TMP/page.html"
expect_status extract_no_page 2 $NF extract
expect_status extract_help 0 $NF extract --help
