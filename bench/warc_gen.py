"""Writes a synthetic WARC file (gzip per record, as Common Crawl's news
crawl writes them) of about SIZE megabytes: captures of invented news pages
about invented events, each capture a request, a response and a metadata
record; one response in twelve is a 404, one in twenty an image, and a
warcinfo record leads. A pool of distinct captures (fixed seed) is
compressed once and written in shuffled order until the size is reached.
Usage: python3 bench/warc_gen.py SIZE_MB OUT.warc.gz"""
import random
import sys
import zlib

PLACES = ["Orlen", "Varn", "Kelmar Island", "Dunmore", "Port Ellery", "Tessaly", "Marrow Bay",
          "Helvick", "Sorrel Point", "Ambry"]
EVENTS = ["flood", "bridge collapse", "ferry grounding", "mill fire", "dam breach", "rail strike",
          "storm", "landslide", "power cut", "harbour closure"]
WORDS = ("the council said on Tuesday that crews had worked through the night to reach the "
         "villages cut off by water while engineers inspected the damaged span and officials "
         "promised that families would be housed in schools until the roads reopened residents "
         "described hearing a loud crack before the structure gave way and police closed the "
         "area to traffic as divers searched the river a spokeswoman for the regional authority "
         "said forty two people had been taken to hospital and that the cost of repairs could "
         "reach several million").split()


def page(rng, n):
    """An invented news page: furniture, a headline and 8 to 40 paragraphs."""
    place, event = rng.choice(PLACES), rng.choice(EVENTS)
    title = f"{event.capitalize()} at {place}: {rng.randint(2, 400)} affected"
    paras = []
    for _ in range(rng.randint(8, 40)):
        words = [rng.choice(WORDS) for _ in range(rng.randint(25, 90))]
        paras.append("<p>" + " ".join(words).capitalize() + ".</p>")
    nav = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(30))
    script = "<script>" + "var x%d=%d;" * 1 % (n, n) + "function f(a){return a*2}" * 40 + "</script>"
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="article:published_time" content="2031-04-{1 + n % 28:02d}T08:00:00Z">'
            f'{script}</head><body><header><nav><ul>{nav}</ul></nav></header><main><article>'
            f'<h1>{title}</h1>{"".join(paras)}</article></main><footer>The {place} Courier</footer>'
            f'</body></html>').encode()


def record(kind, uri, ctype, block, n):
    head = (f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2031-04-{1 + n % 28:02d}T10:{n % 60:02d}:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{n:08x}-{kind[:4].encode().hex()}-0000-0000-000000000000>\r\n"
            f"Content-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n").encode()
    c = zlib.compressobj(6, zlib.DEFLATED, 31)
    return c.compress(head + block + b"\r\n\r\n") + c.flush()


def capture(rng, n):
    """One capture: request, response, metadata (gzipped records)."""
    uri = f"https://news{n % 50}.example/2031/04/{1 + n % 28:02d}/story-{n}"
    req = f"GET /story-{n} HTTP/1.1\r\nHost: news{n % 50}.example\r\nUser-Agent: invented\r\n\r\n".encode()
    if n % 12 == 0:
        status, ctype, body = 404, "text/html", b"<html><body><p>Not found</p></body></html>"
    elif n % 20 == 1:
        status, ctype, body = 200, "image/jpeg", bytes(rng.getrandbits(8) for _ in range(20000))
    else:
        status, ctype, body = 200, "text/html; charset=utf-8", page(rng, n)
    http = (f"HTTP/1.1 {status} {'OK' if status == 200 else 'Not Found'}\r\nContent-Type: {ctype}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode() + body
    meta = f"fetchTimeMs: {rng.randint(50, 900)}\r\n".encode()
    return (record("request", uri, "application/http; msgtype=request", req, n) +
            record("response", uri, "application/http; msgtype=response", http, n) +
            record("metadata", uri, "application/warc-fields", meta, n))


def main():
    size, out = int(sys.argv[1]) << 20, sys.argv[2]
    rng = random.Random(15)
    pool = [capture(rng, n) for n in range(600)]
    with open(out, "wb") as f:
        f.write(record("warcinfo", "urn:warcinfo", "application/warc-fields",
                       b"software: newsfuse bench/warc_gen.py\r\n", 0))
        written = 0
        while written < size:
            rng.shuffle(pool)
            for c in pool:
                f.write(c)
                written += len(c)
                if written >= size:
                    break


if __name__ == "__main__":
    main()
