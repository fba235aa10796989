#!/bin/sh
# The HTTP charset (issue 15): the Content-Type charset of a WARC response
# or of a fetched page is a hint to the page's reading, in the order byte
# order mark > HTTP header > <meta> > the Windows-1252 fallback; an unknown
# charset is said, naming the file and record. Inputs written by
# tests/cli/ingest_fixtures.py: a Cyrillic page in windows-1251 bytes.
. tests/cli/lib.sh
in_ingest_fixtures ingest_charset
CYR='Плотина у Орлена прорвалась в понедельник вечером'

# check NAME FILE WANT_CYRILLIC(1|0) [WARNING_REGEX]
check() {
    name=$1 file=$2 want=$3 warn=$4
    $NF summarize --words 30 "$file" >out 2>err
    rc=$?
    if [ $rc -ne 0 ]; then fail "$name" "exit $rc: $(head -c 300 err)"; return; fi
    if grep -q "$CYR" out; then got=1; else got=0; fi
    if [ "$got" != "$want" ]; then fail "$name" "Cyrillic $got, want $want: $(head -c 200 out)"; return; fi
    if [ -n "$warn" ] && ! grep -Eq -- "$warn" err; then fail "$name" "no /$warn/ in $(head -c 300 err)"; return; fi
    if [ -z "$warn" ] && grep -q charset err; then fail "$name" "a charset warning: $(head -c 300 err)"; return; fi
    pass "$name"
}
check http_charset_read http_charset.warc 1
check http_charset_over_meta http_over_meta.warc 1
check no_http_charset_is_a_guess no_http_charset.warc 0 \
    'no_http_charset.warc: record 1 \(byte 0\): charset: no charset declared.*Windows-1252 \(a guess\)'
check bom_over_http bom_over_http.warc 0
expect_grep bom_over_http_utf8 'dam above Orlen gave way' out
check unknown_http_charset_said unknown_http_charset.warc 0 \
    "unknown_http_charset.warc: record 1 \\(byte 0\\): charset: unknown charset 'x-no-such-charset'"
check unknown_http_charset_meta_read unknown_http_meta_known.warc 1 \
    "unknown charset 'x-no-such-charset' in the HTTP header: read as windows-1251, as the page declares"
check unknown_meta_charset_said unknown_charset.html 0 \
    "unknown_charset.html: charset: unknown charset 'x-no-such-charset': read as UTF-8"
expect_grep unknown_meta_charset_latin 'Le barrage .* a cédé lundi soir' out

# A fetched page: the server's Content-Type charset is the hint too.
$PY - <<'EOF' &
import http.server, socketserver
page = open("cyr.html", "rb").read()
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        cs = {"/cyr": "; charset=windows-1251", "/plain": ""}.get(self.path)
        if cs is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html" + cs)
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        self.wfile.write(page)
    def log_message(self, *a): pass
s = socketserver.TCPServer(("127.0.0.1", 0), H)
open("port", "w").write(str(s.server_address[1]))
s.serve_forever()
EOF
server=$!
for _ in $(seq 1 50); do [ -s port ] && break; sleep 0.1; done
U="http://127.0.0.1:$(cat port)"
check url_http_charset "$U/cyr" 1
check url_no_http_charset "$U/plain" 0 "$U/plain: charset: no charset declared"
kill "$server" 2>/dev/null
wait 2>/dev/null
