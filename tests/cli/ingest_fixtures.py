"""Writes the inputs of the tests/cli/ingest_*.sh tests into DIR: invented
news pages about an invented dam breach, as a feed (RSS, Atom), web
archives (plain, gzip per record, gzip whole) and as bad input of every
kind the issue names (binary data, a truncated gzip, a WARC record with a
wrong length, broken and empty HTML, a page without article text, an
unknown charset), plus pages whose charset only the HTTP header tells.
Usage: python3 tests/cli/ingest_fixtures.py DIR"""
import gzip
import os
import sys
import zlib


def page(title, paras, date, head=""):
    """A div-layout news page: a menu, the story, a footer."""
    ps = "".join(f"<p>{p}</p>" for p in paras)
    return (f'<!DOCTYPE html><html><head>{head}<title>{title}</title>'
            f'<meta property="article:published_time" content="{date}T08:00:00Z"></head><body>'
            f'<div class="menu"><a href="/">Home</a> <a href="/news">News</a></div>'
            f'<div class="story"><h1>{title}</h1>{ps}</div>'
            f'<div class="footer">Tessaly Herald, 4 Quay Street</div></body></html>')


DAM = page("Dam breach floods Orlen valley",
           ["The dam above Orlen gave way on Monday night, sending water through 3 villages, "
            "the regional council said.",
            "About 1,200 people were moved to schools in Varn, and 14 were taken to hospital "
            "with minor injuries."], "2025-03-04", '<meta charset="utf-8">')
REPAIRS = page("Orlen flood: repairs to cost 40 million",
               ["Repairing the Orlen dam will cost 40 million euros, engineers told the council "
                "on Wednesday.",
                "The water level in the valley fell by 2 metres overnight, and the first "
                "families went home."], "2025-03-06", '<meta charset="utf-8">')
# Cyrillic (windows-1251 bytes), the charset named only where the test says.
CYR_TEXT = ("Плотина у Орлена прорвалась в понедельник вечером, и вода затопила три деревни, "
            "сообщил региональный совет.")
CYR_MORE = "Около тысячи двухсот человек переселили в школы соседнего города Варн."


def cyr_page(head=""):
    return page("Прорыв плотины", [CYR_TEXT, CYR_MORE], "2025-03-04", head).encode("cp1251")


def warc_record(kind, uri, ctype, block, n):
    head = (f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2025-03-{n:02d}T10:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{n:08x}-0000-0000-0000-000000000000>\r\n"
            f"Content-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def response(uri, body, n, ctype="text/html; charset=utf-8"):
    body = body.encode() if isinstance(body, str) else body
    http = (f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n"
            ).encode() + body
    return warc_record("response", uri, "application/http; msgtype=response", http, n)


def gz_members(records):
    out = b""
    for r in records:
        c = zlib.compressobj(6, zlib.DEFLATED, 31)
        out += c.compress(r) + c.flush()
    return out


def wrong_length(rec, by):
    """rec with a Content-Length `by` bytes short of its block."""
    i = rec.index(b"Content-Length: ")
    j = rec.index(b"\r\n", i)
    return rec[:i] + b"Content-Length: %d" % (int(rec[i + 16:j]) - by) + rec[j:]


def main(d):
    def put(name, data):
        with open(os.path.join(d, name), "wb") as f:
            f.write(data.encode() if isinstance(data, str) else data)

    info = warc_record("warcinfo", "", "application/warc-fields", b"software: by hand\r\n", 1)
    r1 = response("https://herald.example/orlen-dam", DAM, 4)
    r2 = response("https://herald.example/orlen-repairs", REPAIRS, 6)
    image = response("https://herald.example/dam.jpg", bytes(range(256)) * 8, 5, "image/jpeg")
    put("crawl.warc", info + r1 + image + r2)
    put("crawl.warc.gz", gz_members([info, r1, image, r2]))
    put("whole.warc.gz", gzip.compress(info + r1 + image + r2))
    put("badlen.warc", info + wrong_length(r1, 40) + r2)
    put("badlen.warc.gz", gz_members([info, wrong_length(r1, 40), r2]))
    whole = gzip.compress(info + r1 + r2)
    put("trunc.warc.gz", whole[:len(whole) * 2 // 3])
    members = gz_members([info, r1, r2])
    put("trunc_members.warc.gz", members[:len(members) - 30])
    # charsets: the HTTP header names the page's charset (no meta), beats a
    # wrong meta, loses to a byte order mark; an unknown one is said
    put("http_charset.warc", response("https://cyr.example/a", cyr_page(), 4,
                                      "text/html; charset=windows-1251"))
    put("http_over_meta.warc", response("https://cyr.example/b",
                                        cyr_page('<meta charset="iso-8859-1">'), 4,
                                        "text/html; charset=windows-1251"))
    put("no_http_charset.warc", response("https://cyr.example/c", cyr_page(), 4, "text/html"))
    put("bom_over_http.warc", response("https://herald.example/bom",
                                       b"\xef\xbb\xbf" + DAM.encode(), 4,
                                       "text/html; charset=windows-1251"))
    put("unknown_http_charset.warc", response("https://cyr.example/d", cyr_page(), 4,
                                              "text/html; charset=x-no-such-charset"))
    put("unknown_http_meta_known.warc", response("https://cyr.example/e",
                                                 cyr_page('<meta charset="windows-1251">'), 4,
                                                 "text/html; charset=x-no-such-charset"))
    put("unknown_charset.html", page("Dam breach", ["Le barrage d'Orlen a c\xe9d\xe9 lundi soir, "
                                                    "et l'eau a envahi trois villages, a dit le "
                                                    "conseil r\xe9gional."], "2025-03-04",
                                     '<meta charset="x-no-such-charset">').encode("latin-1"))
    put("cyr.html", cyr_page())
    put("latin1.html", page("Barrage d'Orlen", ["Le barrage d'Orlen a c\xe9d\xe9 lundi soir : "
                                                 "l'eau a envahi 3 villages, et 14 bless\xe9s ont "
                                                 "\xe9t\xe9 conduits \xe0 l'h\xf4pital."],
                            "2025-03-04", '<meta charset="iso-8859-1">').encode("latin-1"))
    put("dam.txt", "The dam above Orlen gave way on Monday night, sending water through 3 "
                   "villages, the regional council said.\n")
    put("feed.xml", f'''<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Tessaly Herald</title>
<item><title>Dam breach floods Orlen valley</title><link>https://herald.example/orlen-dam</link>
<pubDate>Tue, 04 Mar 2025 08:00:00 GMT</pubDate>
<description><![CDATA[<p>The dam above Orlen gave way on Monday night, sending water through 3 villages, the regional council said.</p><p>About 1,200 people were moved to schools in Varn.</p>]]></description></item>
<item><title>Orlen repairs</title><link>https://herald.example/orlen-repairs</link>
<pubDate>Thu, 06 Mar 2025 08:00:00 GMT</pubDate>
<description>Repairing the Orlen dam will cost 40 million euros, engineers told the council on Wednesday.</description></item>
</channel></rss>
''')
    put("feed.atom", '''<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Tessaly Herald</title>
<entry><title>Dam breach floods Orlen valley</title><link href="https://herald.example/orlen-dam"/>
<published>2025-03-04T08:00:00Z</published>
<content type="html">&lt;p&gt;The dam above Orlen gave way on Monday night, sending water through 3 villages, the regional council said.&lt;/p&gt;</content></entry>
<entry><title>Orlen repairs</title><link href="https://herald.example/orlen-repairs"/>
<updated>2025-03-06T08:00:00Z</updated>
<summary>Repairing the Orlen dam will cost 40 million euros, engineers told the council on Wednesday.</summary></entry>
</feed>
''')
    put("broken_feed.xml", '''<?xml version="1.0"?><rss version="2.0"><channel>
<item><title>Dam</title><link>https://herald.example/orlen-dam</link>
<description>The dam above Orlen gave way on Monday night, the regional council said.</description></item>
<item><title>No body</title><link>https://herald.example/empty</link></item>
<item><title>Cut <b>off</title><description>Engineers &bogus; said</item>
''')
    put("dam.html", DAM)
    put("repairs.html", REPAIRS)
    put("binary.dat", bytes((i * 7919 + 13) % 256 for i in range(3000)))
    put("broken.html", "<html><body><div class='story'><p>The dam above Orlen gave way on "
                       "Monday night, sending water through 3 villages, the council said.<p>About "
                       "1,200 people were moved <b><i>to schools</b></i> in Varn</div></span>"
                       "</td><p")
    put("empty.html", "  \n")
    put("nav_only.html", '<html><body><nav><a href="/">Home</a> <a href="/news">News</a>'
                         '</nav></body></html>')


if __name__ == "__main__":
    main(sys.argv[1])
