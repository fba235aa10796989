"""The reading of `newsfuse batch`, line by line, for callers that cut a
corpus into pieces (examples/dask_batch.py): the same records, byte for
byte, as `newsfuse batch` writes for the same lines.

    from newsfuse.batch import Reader
    r = Reader("cluster", "corpus.jsonl", {"words": "80"})
    for number, line in enumerate(open("corpus.jsonl", "rb"), 1):
        for record in r.feed(number, line):
            out.write(record + b"\\n")
    for record in r.finish(final=True):
        out.write(record + b"\\n")
    r.close()

Kinds, the library reader's format names (newsfuse.input_formats()):
"cluster" (or "jsonl": cluster JSONL, one event per line; update sets B, C
of a topic get the earlier sets as read), "multinews" (one event per line)
and "articles" (article JSONL: consecutive lines with the same "event" make
one event, whose record comes when the next event begins or at the end;
lines without an "event" make one event). The
grouping, the update-set history, the time-limit test and the error
records are the library's own public calls (include/newsfuse.h, "Batch":
nf_batch_article_group, nf_batch_update_history, nf_summary_timed,
nf_batch_error_record), the ones newsfuse batch makes, not a copy.

A reader that starts inside a corpus (a partition of it) can be told to
write only the records that belong to lines from emit_from on: it then
reads the earlier lines only for what they carry over (history, the
articles of an event still open), and `meta()` says what a partition
carries over to the next, so a driver can decide where each partition's
reader must start (see examples/dask_batch.py).
"""

import ctypes
import os
import re

from . import (NF_EDATA, NF_EEMPTY, NF_ENOMEM, NF_OK, _FORMAT_JSONL, _Options, _declare, _lib,
               _p, _pp, _psz, _s, _sz)

SCHEMA = b"newsfuse/2"
KINDS = ("cluster", "multinews", "articles")  # the formats read line by line
_ERRLEN = 256

_declare("nf_docset_update_set", _s, _p)
_declare("nf_docset_add_multinews", ctypes.c_int, _p, _s, _sz)
_declare("nf_batch_article_group", ctypes.c_int, _pp, _pp, _s, _sz, _pp, ctypes.c_char_p, _sz)
_declare("nf_batch_update_history", ctypes.c_int, _pp, _p)
_declare("nf_summary_timed", ctypes.c_int, _p)


def error_record(path, line, ident, message):
    """The error record of `newsfuse batch` (doc/SCHEMA.md), byte for byte
    (the library's nf_batch_error_record): path, ident (or None) and
    message are bytes, each ending at a NUL as a C string does."""
    out, length = ctypes.c_void_p(), _sz()
    rc = _lib.nf_batch_error_record(path, line, ident, message, ctypes.byref(out), ctypes.byref(length))
    if rc == NF_ENOMEM:
        raise MemoryError("nf_batch_error_record")
    if rc != NF_OK:
        raise ValueError("error_record: path and message are required")
    try:
        return ctypes.string_at(out, length.value)
    finally:
        _lib.nf_free(out)


def is_blank(line):
    """A line `newsfuse batch` skips: only spaces, tabs and line ends."""
    return not line.strip(b" \t\r\n")


def topic(ident):
    """The topic part of an update-set id (b"D0703A-B" -> b"D0703A"); None
    for None (src/batch/history.c)."""
    if ident is None:
        return None
    dash = ident.rfind(b"-")
    return ident if dash < 0 else ident[:dash]


_LETTER_ESCAPE = re.compile(rb"\\u00[4-7]")


def may_be_update_set(line):
    """False if a cluster line cannot hold an update set: it neither names
    "update_set" nor escapes an ASCII letter that could spell it (the test
    of newsfuse batch, which reads such lines in order)."""
    return b"update_set" in line or _LETTER_ESCAPE.search(line) is not None


def kind_name(kind):
    """The library reader's own name for a format name or alias
    ("jsonl" -> "cluster"); ValueError for a name it does not know."""
    h = ctypes.c_void_p()
    if _lib.nf_reader_open_buffer(b"", 0, None, ctypes.byref(h)) != NF_OK:
        raise MemoryError("nf_reader_open_buffer")
    try:
        name = kind.encode() if isinstance(kind, str) else kind
        if _lib.nf_reader_set(h, b"format", name) != NF_OK:
            raise ValueError("%r is not an input format (newsfuse.input_formats())" % (kind,))
        return _lib.nf_reader_format(h).decode()
    finally:
        _lib.nf_reader_free(h)


def detect_kind(path):
    """The format `newsfuse batch --input auto` reads the file at path as:
    the library reader's own recognition (nf_reader_format: by the name and
    the first lines; "articles" when the first JSON object among the first
    16 non-blank lines is an article). "cluster", "articles" or "multinews"
    for the formats Reader reads; another name ("text", "html", "rss",
    "atom", "warc", "url") for reports, which newsfuse batch reads as one
    event (newsfuse.read() reads them: a feed's items, a WARC file's pages)."""
    h = ctypes.c_void_p()
    p = os.fsencode(path)
    if _lib.nf_reader_open(p, ctypes.byref(h)) != NF_OK:
        raise MemoryError("nf_reader_open")
    try:
        return _lib.nf_reader_format(h).decode()
    finally:
        _lib.nf_reader_free(h)


class Reader:
    """Reads lines as `newsfuse batch` does and returns their records.

    kind: "cluster" (or "jsonl"), "multinews" or "articles"; path: the input's name as
    the error records give it (str or bytes); options: summary options as
    the library's keys ({"words": "80", "cut": "1"}), or None to summarize
    nothing (a scan for meta()). Only lines numbered emit_from or later give
    records (an event of articles: when the line that ends it is).
    """

    def __init__(self, kind, path, options=None, emit_from=1):
        kind = kind_name(kind)
        if kind not in KINDS:
            raise ValueError("kind must be one of %s (or jsonl)" % ", ".join(KINDS))
        self.kind, self.emit_from = kind, emit_from
        self.path = path.encode("utf-8", "surrogateescape") if isinstance(path, str) else path
        self.opts = _Options(None, None, None, dict(options)) if options is not None else None
        self.history, self.open = ctypes.c_void_p(), ctypes.c_void_p()
        self.open_line = 0
        self.time_limited = []  # (line, id) of events cut by max_seconds
        self.lines = 0
        # What the lines read carry over (meta()).
        self.first_event = self.last_event = None
        self.uniform = True
        self.first_update, self.last_topic, self.chains = None, None, 0
        self.closed = False

    def _check_open(self):
        # After close() the options are gone: feeding would summarize
        # nothing and answer [None] instead of records.
        if self.closed:
            raise ValueError("the Reader is closed")

    def close(self):
        """Frees what the reader holds (an unfinished event is dropped);
        feed() and finish() then raise ValueError."""
        self.closed = True
        for h in (self.history, self.open):
            _lib.nf_docset_free(h)
        self.history, self.open = ctypes.c_void_p(), ctypes.c_void_p()
        if self.opts is not None:
            self.opts.close()
            self.opts = None

    def feed(self, line, data):
        """Reads input line number `line` (bytes, newline included or not);
        returns the records it completes (bytes, no newline)."""
        self._check_open()
        self.lines += 1
        if is_blank(data):
            return []
        if self.kind == "articles":
            return self._article(line, data)
        return self._cluster(line, data)

    def finish(self, final=True):
        """The input ends here: returns the record of the event still open
        (articles) if final, else drops it (a later reader writes it)."""
        self._check_open()
        out = []
        if self.open and final:
            out.append(self._summarize(self.open, self.open_line))
        _lib.nf_docset_free(self.open)
        self.open = ctypes.c_void_p()
        return out

    def meta(self):
        """What the lines read so far carry over to later ones: the line
        count; for articles the first and last event read and whether
        every article was of one event; for cluster lines the (topic,
        update set) of the first update set, the topic of the last, and
        the number of update-set histories started."""
        return {"lines": self.lines, "first_event": self.first_event,
                "last_event": self.last_event, "uniform": self.uniform,
                "first_update": self.first_update, "last_topic": self.last_topic,
                "chains": self.chains}

    # ---- the two readers ----

    def _article(self, line, data):
        closed, bad = ctypes.c_void_p(), ctypes.c_void_p()
        err = ctypes.create_string_buffer(_ERRLEN)
        rc = _lib.nf_batch_article_group(ctypes.byref(self.open), ctypes.byref(closed), data,
                                         len(data), ctypes.byref(bad), err, _ERRLEN)
        out = []
        if closed:
            if line >= self.emit_from:
                out.append(self._summarize(closed, self.open_line))
            _lib.nf_docset_free(closed)
        bad_id = ctypes.string_at(bad) if bad else None
        _lib.nf_free(bad)
        if rc == NF_OK:
            self.open_line = line
            self._saw_event(_lib.nf_docset_id(self.open))
        elif rc == NF_EDATA:
            if line >= self.emit_from:
                out.append(error_record(self.path, line, bad_id, err.value))
        else:
            raise MemoryError("nf_batch_article_group")
        return out

    def _saw_event(self, event):
        if self.first_event is None:
            self.first_event = event
        elif event != self.first_event:
            self.uniform = False
        self.last_event = event

    def _cluster(self, line, data):
        if line < self.emit_from and not may_be_update_set(data):
            return []  # neither a record nor history: no need to read it
        ds = _lib.nf_docset_new()
        if not ds:
            raise MemoryError("nf_docset_new")
        try:
            add = _lib.nf_docset_add_json if self.kind == "cluster" else _lib.nf_docset_add_multinews
            rc = add(ds, data, len(data))
            if rc not in (NF_OK, NF_EEMPTY):
                if line < self.emit_from:
                    return []
                return [error_record(self.path, line, _lib.nf_docset_id(ds), _lib.nf_docset_error(ds))]
            self._saw_update(ds)
            if _lib.nf_batch_update_history(ctypes.byref(self.history), ds) != NF_OK:
                raise MemoryError("nf_batch_update_history")
            return [self._summarize(ds, line)] if line >= self.emit_from else []
        finally:
            _lib.nf_docset_free(ds)

    def _saw_update(self, ds):
        """Notes an update set before it joins the history (the rule of
        nf_batch_update_history: set A or another topic starts a new one)."""
        upd = _lib.nf_docset_update_set(ds)
        if upd is None:
            return
        t = topic(_lib.nf_docset_id(ds))
        hid = _lib.nf_docset_id(self.history) if self.history else None
        if self.first_update is None:
            self.first_update = (t, upd)
        if upd == b"A" or t is None or topic(hid) != t:
            self.chains += 1
        self.last_topic = t

    def _summarize(self, ds, line):
        """The record of one event, as newsfuse batch's job_run makes it."""
        if self.opts is None:
            return None
        out, text, length = ctypes.c_void_p(), ctypes.c_void_p(), _sz()
        rc = _lib.nf_summarize(ds, self.opts.h, ctypes.byref(out))
        try:
            if out and rc != NF_ENOMEM:
                rc = _lib.nf_summary_render(out, _FORMAT_JSONL, ctypes.byref(text), ctypes.byref(length))
            if rc == NF_OK and text:
                self._note_time_limit(out, ds, line)
                return ctypes.string_at(text, length.value)
            return error_record(self.path, line, _lib.nf_docset_id(ds),
                                _lib.nf_strerror(rc if rc else NF_ENOMEM))
        finally:
            _lib.nf_free(text)
            _lib.nf_summary_free(out)

    def _note_time_limit(self, summary, ds, line):
        if _lib.nf_summary_timed(summary):
            self.time_limited.append((line, _lib.nf_docset_id(ds)))
