"""Tests of the Python binding (bindings/python) against the built library
and the CLI: the same bytes both ways, options, errors, threads."""

import glob
import json
import os
import subprocess
import threading
import time

import pytest

import newsfuse

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = os.environ.get("BUILD", "build")
CLI = os.path.join(ROOT, BUILD, "newsfuse")
EXAMPLE = sorted(glob.glob(os.path.join(ROOT, "examples", "harbor-collapse", "*.txt")))


def texts():
    return [open(f, encoding="utf-8").read() for f in EXAMPLE]


def run_cli(*args, stdin=None):
    return subprocess.run([CLI, *args], input=stdin, capture_output=True, check=False)


def test_version_and_methods():
    assert newsfuse.version() == run_cli("--version").stdout.decode().split()[1]
    listed = run_cli("summarize", "--list-methods").stdout.decode().split()
    assert newsfuse.methods() == listed
    assert "concept" in listed


def test_summarize_equals_cli():
    # The CLI names each document after its file: give the same ids.
    docs = [{"id": os.path.basename(f), "text": t} for f, t in zip(EXAMPLE, texts())]
    got = newsfuse.summarize(docs, words=60)
    want = json.loads(run_cli("summarize", "--words", "60", "--format", "json", *EXAMPLE).stdout)
    assert got == want
    assert got["stats"]["summary_words"] <= 60
    assert got["stats"]["documents"] == len(EXAMPLE)


def test_summarize_strings_number_the_documents():
    r = newsfuse.summarize(texts(), words=60)
    assert [d["id"] for d in r["documents"]] == ["1", "2", "3", "4"]
    assert r["summary"] and r["stats"]["summary_words"] <= 60


def test_summary_offsets_index_the_documents():
    docs = texts()
    for s in newsfuse.summarize(docs, words=80)["summary"]:
        raw = docs[s["doc"]["index"]].encode("utf-8")
        assert raw[s["start"]:s["end"]].decode("utf-8") == s["text"]


def test_summarize_dicts_keep_ids_titles_dates():
    docs = [{"id": "a%d" % i, "title": "T%d" % i, "date": "2026-06-1%d" % i, "text": t}
            for i, t in enumerate(texts())]
    r = newsfuse.summarize(docs, sentences=2, id="event-7")
    assert r["id"] == "event-7"
    assert len(r["summary"]) == 2
    assert r["options"]["sentences"] == 2 and r["options"]["words"] == 0
    assert [d["id"] for d in r["documents"]] == ["a0", "a1", "a2", "a3"]
    assert r["documents"][1]["date"] == "2026-06-11" and r["documents"][1]["title"] == "T1"
    assert {s["doc"]["id"] for s in r["summary"]} <= {"a0", "a1", "a2", "a3"}


def test_method_query_and_seen_change_the_result():
    docs = texts()
    lead = newsfuse.summarize(docs, words=40, method="lead")
    assert lead["method"] == "lead"
    assert lead["summary"][0]["doc"]["index"] == 0
    asked = newsfuse.summarize(docs, words=40, query="Who inspected the bridge before it collapsed?")
    assert asked["query"].startswith("Who inspected")
    update = newsfuse.summarize(docs[2:], seen=docs[:2], words=60)
    assert update["stats"]["seen_documents"] == 2
    plain = newsfuse.summarize(docs[2:], words=60)
    assert update["summary"] != plain["summary"]


def test_seen_as_one_string_is_one_report():
    # A str is iterable: it used to become one report per character.
    docs = texts()
    one = newsfuse.summarize(docs[2:], seen=docs[0], words=60)
    assert one["stats"]["seen_documents"] == 1
    assert one == newsfuse.summarize(docs[2:], seen=[docs[0]], words=60)
    assert newsfuse.summarize(docs[2:], seen=docs[0].encode(), words=60) == one
    assert newsfuse.summarize(docs[2:], seen={"id": "s", "text": docs[0]},
                              words=60)["stats"]["seen_documents"] == 1


def test_nul_in_a_c_string_raises_value_error():
    # C would end the id at the NUL and take "a" silently.
    docs = texts()
    with pytest.raises(ValueError, match="id"):
        newsfuse.summarize([{"id": "a\0b", "text": docs[0]}])
    with pytest.raises(ValueError, match="title"):
        newsfuse.summarize([{"title": b"x\0", "text": docs[0]}])
    with pytest.raises(ValueError, match="id"):
        newsfuse.summarize(docs, id="ev\0")
    with pytest.raises(ValueError):
        newsfuse.summarize(docs, method="lead\0x")
    with pytest.raises(ValueError):
        newsfuse.rouge({"c\0": "A summary."}, {"c\0": ["A reference."]})
    # A NUL in a text is data, passed with its length: repaired, not cut.
    text = "Twelve people died\0 in the collapse of the bridge on Saturday."
    r = newsfuse.summarize([text])
    assert "Saturday" in json.dumps(r["summary"])  # the NUL became U+FFFD


def test_bad_option_raises():
    with pytest.raises(newsfuse.NewsfuseError) as e:
        newsfuse.summarize(texts(), method="no-such-method")
    assert e.value.status == newsfuse.NF_EINVAL
    assert "method" in str(e.value)
    with pytest.raises(TypeError):
        newsfuse.summarize("a single string is not a list of documents")


def test_empty_input_gives_a_warning_not_an_error():
    r = newsfuse.summarize([""])
    assert r["summary"] == [] and r["warnings"]


def test_summarize_line_is_the_batch_record(tmp_path):
    line = json.dumps({"id": "ev1", "documents": [{"id": "d%d" % i, "text": t}
                                                  for i, t in enumerate(texts())]})
    path = tmp_path / "one.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    out = run_cli("batch", "-j", "1", str(path)).stdout.decode("utf-8")
    assert newsfuse.summarize_line(line) + "\n" == out
    with pytest.raises(newsfuse.NewsfuseError) as e:
        newsfuse.summarize_line('{"id": "x", "documents": [')
    assert e.value.status == newsfuse.NF_EDATA and "column" in str(e.value)
    with pytest.raises(newsfuse.NewsfuseError) as e:
        newsfuse.summarize_line('{"id": "x7", "documents": 3}')
    assert e.value.id == "x7" and "documents" in str(e.value)


def test_split():
    assert newsfuse.split("Dr. Ruel spoke. The bridge fell at 9.40 p.m. on Saturday. Nobody knew why.") == [
        "Dr. Ruel spoke.", "The bridge fell at 9.40 p.m. on Saturday.", "Nobody knew why."]


def test_rouge_equals_cli(tmp_path):
    summary = "The footbridge collapsed during the festival. Twelve people died."
    refs = ["A footbridge collapsed at the Lantern Festival, killing twelve people.",
            "Twelve people died when a bridge packed with spectators fell into the harbour."]
    got = newsfuse.rouge({"c1": summary}, {"c1": refs}, flags="-n 2 -m -2 4 -u")
    (tmp_path / "peer.jsonl").write_text(json.dumps({"id": "c1", "summary": summary}) + "\n")
    (tmp_path / "refs.jsonl").write_text(json.dumps({"id": "c1", "references": refs}) + "\n")
    want = json.loads(run_cli("rouge", "--format", "json", "-n", "2", "-m", "-2", "4", "-u",
                              str(tmp_path / "peer.jsonl"), str(tmp_path / "refs.jsonl")).stdout)
    assert got["metrics"] == want["metrics"] == ["ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-SU4"]
    assert got["systems"][0]["average"] == want["systems"][0]["average"]
    r1 = got["systems"][0]["average"]["ROUGE-1"]["R"]["avg"]
    assert 0 < r1 < 1


def test_rouge_settings_and_errors():
    one = newsfuse.rouge("the cat sat", ["the cat sat"], ngram=1)
    assert one["systems"][0]["average"]["ROUGE-1"]["F"]["avg"] == 1.0
    su = newsfuse.rouge("the cat sat", ["the cat sat"], ngram=1, skip=4, skip_unigrams=True)
    assert "ROUGE-SU4" in su["metrics"]
    with pytest.raises(newsfuse.NewsfuseError):
        newsfuse.rouge("x", ["y"], flags="-n many")
    with pytest.raises(ValueError):
        newsfuse.rouge("x", ["y"], split="words")


def test_formats_are_the_librarys_names():
    assert newsfuse.formats("summary") == ["text", "json", "jsonl"]
    assert newsfuse.formats("facts") == ["text", "json", "jsonl", "md"]
    assert newsfuse.formats("rouge") == ["table", "json", "rouge155"]
    assert newsfuse.formats("nothing") == []
    lines = newsfuse.rouge("One. Two.", ["One. Two."], split="lines", ngram=1)
    assert lines["systems"][0]["average"]["ROUGE-1"]["F"]["avg"] == 1.0


@pytest.mark.skipif(not hasattr(newsfuse, "facts") or not newsfuse._HAS_FACTS, reason="no nf_facts")
def test_facts_equals_cli():
    got = newsfuse.facts(texts())
    want = json.loads(run_cli("facts", "--format", "json", *EXAMPLE).stdout)
    assert got["kind"] == want["kind"]
    assert [f.get("value") for f in got["figures"]] == [f.get("value") for f in want["figures"]]
    assert got["figures"], "the example reports give figures (12 killed, 37 injured)"


@pytest.mark.skipif(not newsfuse._HAS_FACTS, reason="no nf_facts")
def test_figures_read_through_the_struct_match_the_json():
    docs = texts()
    figs = newsfuse.figures(docs)
    sheet = newsfuse.facts(docs)
    assert len(figs) == len(sheet["figures"]) > 10
    for f, j in zip(figs, sheet["figures"]):
        assert (f["doc"], f["start"], f["end"]) == (j["doc"]["index"], j["start"], j["end"])
        assert (f["text"], f["kind"], f["qualifier"]) == (j["text"], j["kind"], j["qualifier"])
        assert (f["group"] if f["group"] >= 0 else None) == j["group"]
        assert docs[f["doc"]].encode("utf-8")[f["start"]:f["end"]].decode("utf-8") == f["text"]
    assert len(newsfuse.figures(docs, max_figures=3)) <= 3


def test_threads_run_at_once_and_agree():
    """ctypes drops the GIL during C calls: threads give the same results
    as one after another, and each call keeps its own handles."""
    docs = texts()
    budgets = [30, 45, 60, 75, 90, 105, 120, 135]
    serial = [newsfuse.summarize(docs, words=w) for w in budgets]
    results = [None] * len(budgets)
    barrier = threading.Barrier(4)

    def work(k):
        barrier.wait()
        for i in range(k, len(budgets), 4):
            results[i] = newsfuse.summarize(docs, words=budgets[i])

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == serial


def test_gil_is_released_during_the_call():
    """A Python thread keeps its pace while another is inside the library:
    with the GIL held it would stall for the whole C call."""
    big = texts() * 80
    ticks = [0]
    done = threading.Event()

    def ticker():
        while not done.is_set():
            ticks[0] += 1

    t = threading.Thread(target=ticker)
    t.start()
    try:
        start, before = time.monotonic(), ticks[0]
        time.sleep(0.2)  # the main thread sleeps: the ticker has the GIL
        base_rate = (ticks[0] - before) / (time.monotonic() - start)
        start, before = time.monotonic(), ticks[0]
        newsfuse.summarize(big, words=100, method="lexrank")
        took = time.monotonic() - start
        rate = (ticks[0] - before) / took
    finally:
        done.set()
        t.join()
    assert took > 0.05, "the call must be long enough to tell"
    assert rate > 0.2 * base_rate, (rate, base_rate, took)


def small_articles():
    """Article JSONL lines: events a, b, a again (a second event), c; a
    broken line and a blank line inside b; an integer event."""
    t, lines = texts(), []
    for n, (event, count) in enumerate([("a", 2), ("b", 3), ("a", 1), (5, 2)]):
        for k in range(count):
            lines.append(json.dumps({"event": event, "id": "%s.%d.%d" % (event, n, k),
                                     "text": "Report %d of run %d.\n\n%s" % (k, n, t[(n + k) % 4])}))
            if event == "b" and k == 0:
                lines += ['{"event": "b", "id": "bad", "text": null}', " "]
    return [(line + "\n").encode() for line in lines]


def test_batch_reader_equals_batch_from_any_line(tmp_path):
    from newsfuse.batch import Reader

    lines = small_articles()
    inp = tmp_path / "articles.jsonl"
    inp.write_bytes(b"".join(lines))
    want = run_cli("batch", "--words", "40", str(inp)).stdout
    assert want.count(b"\n") == 5 and b'"id":"bad","error"' in want
    for cut in range(1, len(lines) + 2):  # the records before cut, then those from cut on
        got = []
        for lo, hi, final in ((1, cut - 1, False), (cut, len(lines), True)):
            r = Reader("articles", str(inp), {"words": "40"}, emit_from=lo)
            for n, line in enumerate(lines[:hi], 1):
                got += r.feed(n, line)
            got += r.finish(final)
            r.close()
        assert b"".join(rec + b"\n" for rec in got) == want, "cut at line %d" % cut


def test_batch_reader_error_records_are_the_cli_records(tmp_path):
    """Error records with bytes JSON must escape: a file name that is not
    UTF-8, an id with a quote and a control byte, a message quoting the
    line. The binding used to escape them itself (and left the invalid
    byte in, which is not JSON); now both come from nf_batch_error_record."""
    from newsfuse.batch import Reader, error_record

    lines = [b'{"id": "t\\"\\u0001x", "documents": 3}\n', b'{"id": \\\n',
             b'{"id": "ok", "documents": ["The harbor wall fell in the storm on Sunday night."]}\n']
    inp = os.path.join(os.fsencode(str(tmp_path)), b"in\xff\x01.jsonl")
    with open(inp, "wb") as f:
        f.write(b"".join(lines))
    want = run_cli("batch", "--input", "jsonl", "--words", "20", inp).stdout
    assert want.count(b"\n") == 3 and b"\\ufffd\\u0001.jsonl" in want
    r = Reader("jsonl", inp, {"words": "20"})
    got = [rec for n, line in enumerate(lines, 1) for rec in r.feed(n, line)] + r.finish()
    r.close()
    assert b"".join(rec + b"\n" for rec in got) == want
    assert json.loads(got[0])["id"] == 't"\x01x'
    assert error_record(b"f", 2, None, b"m") == (
        b'{"schema":"newsfuse/2","id":null,"error":{"file":"f","line":2,"message":"m"}}')


def test_batch_reader_names_events_a_time_limit_cut(tmp_path):
    from newsfuse.batch import Reader

    r = Reader("articles", "x", {"max_seconds": "0.000001"})
    for n, line in enumerate(small_articles(), 1):
        r.feed(n, line)
    r.finish()
    r.close()
    assert [ident for _, ident in r.time_limited] == [b"a", b"b", b"a", b"5"]
    r = Reader("articles", "x", {"max_seconds": "0"})
    for n, line in enumerate(small_articles(), 1):
        r.feed(n, line)
    r.finish()
    r.close()
    assert r.time_limited == []


def test_batch_reader_refuses_feed_after_close():
    from newsfuse.batch import Reader

    r = Reader("articles", "x", {"words": "40"})
    line = small_articles()[0]
    assert r.feed(1, line) == []
    r.close()
    with pytest.raises(ValueError, match="closed"):
        r.feed(2, line)  # was [None]: no options left to summarize with
    with pytest.raises(ValueError, match="closed"):
        r.finish()
    r.close()  # a second close is harmless


# ---- The reader: the inputs as newsfuse summarize reads them ----

PAGE = (b"<!doctype html><html><head><meta charset='utf-8'><title>Harbour bridge falls | Courier"
        b"</title><meta property='article:published_time' content='2024-06-01T09:00:00Z'>"
        b"<link rel='canonical' href='https://courier.example/bridge'></head><body>"
        b"<div class='cookie-banner'><p>We use cookies to give you the best experience, and by "
        b"going on you accept them.</p></div><div class='menu'><a href='/'>Home</a> "
        b"<a href='/news'>News</a></div><div class='story'>"
        b"<p>The old harbour footbridge collapsed on Saturday night during the festival, and "
        b"twelve people were killed, officials said.</p>"
        b"<p>Divers searched the dark water through the night for the missing, the coastguard "
        b"said on Sunday morning.</p></div><footer><p>Copyright 2024 The Courier.</p></footer>"
        b"</body></html>")


def test_input_formats_are_the_cli_names():
    names = newsfuse.input_formats()
    assert names[0] == "auto" and {"text", "html", "cluster", "articles", "multinews"} <= set(names)
    for name in names:  # every one is a --input the CLI takes
        assert run_cli("summarize", "--input", name, "--help").returncode == 0
    assert run_cli("summarize", "--input", "xml", EXAMPLE[0]).returncode == 2


def test_summarize_input_equals_the_cli_on_every_format(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(PAGE)
    articles = tmp_path / "articles.jsonl"  # one article per line, no "event": one event
    articles.write_text("".join(json.dumps({"id": "a%d" % i, "text": t}) + "\n"
                                for i, t in enumerate(texts())))
    clusters = tmp_path / "clusters.jsonl"  # a bad line among good ones
    clusters.write_text(json.dumps({"id": "e1", "documents": texts()[:2]}) + "\n" +
                        '{"id": "broken", "documents": [\n' +
                        json.dumps({"id": "e2", "documents": texts()[2:]}) + "\n")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("The caf\u00e9 on the quay closed after the bridge fell, its owner "
                       "M\u00fcller said on Sunday.\n".encode("cp1252"))
    for source, input in ((str(page), "auto"), (str(articles), "auto"), (str(clusters), "auto"),
                          (str(latin1), "auto"), (EXAMPLE, "auto"), (str(page), "html"),
                          (str(articles), "articles")):
        paths = source if isinstance(source, list) else [source]
        want = run_cli("summarize", "--format", "jsonl", "--words", "60", "--input", input, *paths)
        got = list(newsfuse.summarize_input(source, input=input, words=60, format="jsonl"))
        assert "".join(line + "\n" for line in got).encode() == want.stdout, (source, input)
    records = list(newsfuse.summarize_input(str(clusters), words=60))
    assert [r["id"] for r in records] == ["e1", None, "e2"] and "error" in records[1]
    assert records[1]["error"]["line"] == 2


def test_read_gives_a_pages_article_and_metadata(tmp_path):
    events = list(newsfuse.read(PAGE, name="page.html"))
    assert len(events) == 1
    doc = events[0]["documents"][0]
    assert doc["id"] == "page.html" and doc["date"] == "2024-06-01"
    assert doc["url"] == "https://courier.example/bridge"
    assert "footbridge collapsed" in doc["text"] and "cookies" not in doc["text"]
    assert "Copyright" not in doc["text"] and "Home" not in doc["text"]
    # The same bytes as a file, and sniffed without a name.
    page = tmp_path / "saved"
    page.write_bytes(PAGE)
    assert list(newsfuse.read(str(page)))[0]["documents"][0]["text"] == doc["text"]
    bad = list(newsfuse.read(b'{"id": 1, "documents": 3}\n', input="cluster", name="c.jsonl"))
    assert bad[0]["error"]["file"] == "c.jsonl" and bad[0]["error"]["line"] == 1


def test_summarize_input_raises_for_an_input_it_cannot_read(tmp_path):
    with pytest.raises(newsfuse.NewsfuseError, match="missing.txt: cannot open"):
        list(newsfuse.summarize_input([EXAMPLE[0], str(tmp_path / "missing.txt")]))
    with pytest.raises(newsfuse.NewsfuseError, match="input"):
        list(newsfuse.summarize_input(EXAMPLE[0], input="xml"))


def test_batch_kinds_are_the_reader_formats(tmp_path):
    from newsfuse.batch import Reader, detect_kind, kind_name

    assert kind_name("jsonl") == "cluster" and kind_name("articles") == "articles"
    with pytest.raises(ValueError):
        kind_name("xml")
    arts = tmp_path / "a.jsonl"
    arts.write_text('{"text": "One article without an event."}\n')
    clus = tmp_path / "c.txt"
    clus.write_text('{"id": "x", "documents": ["One."]}\n')
    mn = tmp_path / "m.txt"
    mn.write_text("One report. ||||| Another report.\n")
    page = tmp_path / "p.html"
    page.write_bytes(PAGE)
    assert [detect_kind(str(p)) for p in (arts, clus, mn, page)] == ["articles", "cluster",
                                                                     "multinews", "html"]
    assert Reader("jsonl", "x").kind == "cluster"
    with pytest.raises(ValueError):
        Reader("html", "x")
