#!/bin/sh
# The reader's warnings reach the results (issue 15): a summary's and a
# figure sheet's JSON "warnings" begin with them, each naming its file (and
# record), batch records too, and standard error has them for text output.
# A figure of a converted report has a "source" span in the page's bytes,
# as a summary sentence has. Inputs written by tests/cli/ingest_fixtures.py.
. tests/cli/lib.sh
in_ingest_fixtures ingest_warnings

# pycheck NAME EXPR: a Python assertion about the JSON in out (as d; the
# first record for JSONL).
pycheck() {
    if $PY -c "import json
text = open('out').read()
d = json.loads(text) if text.startswith('{\n') else json.loads(text.splitlines()[0])
assert $2, d.get('warnings')" 2>py; then pass "$1"; else fail "$1" "$(tail -c 300 py)"; fi
}

# summary JSON: the WARC's skipped records, counted, naming the file
expect_status warn_summary_warc 0 $NF summarize --format jsonl crawl.warc
pycheck warn_summary_warc_counts 'd["warnings"][0] == "crawl.warc: 2 of 4 records skipped (1 not a response, 1 not HTML); 2 read as articles"'
# a guessed charset, named by file and record, in summary and figure sheet
expect_status warn_summary_charset 0 $NF summarize --format jsonl no_http_charset.warc
pycheck warn_summary_charset_named 'any(w.startswith("no_http_charset.warc: record 1 (byte 0): charset: no charset declared") for w in d["warnings"])'
expect_status warn_facts_charset 0 $NF facts --format jsonl no_http_charset.warc
pycheck warn_facts_charset_named 'any(w.startswith("no_http_charset.warc: record 1 (byte 0): charset:") for w in d["warnings"])'
# a page without article text beside a good one
expect_status warn_summary_no_article 0 $NF summarize --format jsonl dam.html nav_only.html
pycheck warn_summary_no_article_named '"nav_only.html: no article text found, skipped" in d["warnings"]'
expect_status warn_facts_no_article 0 $NF facts --format jsonl dam.html nav_only.html
pycheck warn_facts_no_article_named '"nav_only.html: no article text found, skipped" in d["warnings"]'
# a report cut (truncated input)
expect_status warn_summary_cut 0 $NF summarize --format jsonl --max-document-bytes 40 dam.txt
pycheck warn_summary_cut_named 'any(w.startswith("dam.txt: read only the first 44 bytes") for w in d["warnings"])'
# the input's warnings come first, the summary's after
expect_status warn_summary_order 0 $NF summarize --format jsonl --words 1 crawl.warc
pycheck warn_summary_order_first 'd["warnings"][0].startswith("crawl.warc: ") and len(d["warnings"]) >= 2'
# batch: the record carries them, the error record stands before it
expect_status warn_batch 1 $NF batch badlen.warc
if $PY -c 'import json
recs = [json.loads(l) for l in open("out")]
assert len(recs) == 2, recs
assert recs[0]["error"]["file"] == "badlen.warc" and recs[0]["error"]["message"].startswith("record 2 (byte "), recs[0]
assert recs[1]["warnings"][0] == "badlen.warc: 1 of 3 records skipped (1 not a response); 1 read as articles", recs[1]["warnings"]
assert recs[1]["documents"][0]["id"] == "https://herald.example/orlen-repairs"' 2>py; then pass warn_batch_records; else fail warn_batch_records "$(tail -c 300 py)"; fi
# text output: on standard error, not in the summary
expect_status warn_text_stderr 0 $NF summarize crawl.warc
expect_grep warn_text_stderr_named '^newsfuse: warning: crawl.warc: 2 of 4 records skipped' err
if grep -q 'records skipped' out; then fail warn_text_not_stdout "$(head -c 200 out)"; else pass warn_text_not_stdout; fi

# Figures' source spans: the page's bytes they came from, as read (UTF-8
# page: byte for byte; Latin-1 page: the bytes that decode to it).
for pair in dam.html:utf-8 latin1.html:latin-1 crawl.warc:-; do
    f=${pair%%:*} enc=${pair#*:}
    expect_status "facts_source_$f" 0 $NF facts --format json "$f"
    if $PY - "$f" "$enc" <<'EOF' 2>py
import json, sys
d = json.load(open("out"))
f, enc = sys.argv[1], sys.argv[2]
assert d["figures"]
for x in d["figures"]:
    s, ss = x["source"], x["sentence"]["source"]
    assert s["start"] < s["end"] and ss["start"] <= s["start"] and s["end"] <= ss["end"], x
    if enc != "-":
        page = open(f, "rb").read()
        assert page[s["start"]:s["end"]].decode(enc) == x["text"], (x["text"], page[s["start"]:s["end"]])
EOF
    then pass "facts_source_${f}_spans"; else fail "facts_source_${f}_spans" "$(tail -c 300 py)"; fi
done
# the summary's figure sheet has them too; a text report has none
expect_status facts_source_in_summary 0 $NF summarize --facts --format json dam.html
pycheck facts_source_in_summary_spans 'all("source" in x for x in d["facts"]["figures"]) and d["facts"]["figures"]'
expect_status facts_source_text 0 $NF facts --format json dam.txt
pycheck facts_source_text_none 'd["figures"] and not any("source" in x or "source" in x["sentence"] for x in d["figures"])'
