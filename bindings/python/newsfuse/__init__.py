"""newsfuse from Python: a thin ctypes layer over libnewsfuse.so.

    import newsfuse
    result = newsfuse.summarize(["first report ...", "second report ..."], words=60)
    for s in result["summary"]:
        print(s["text"], "<-", s["doc"]["id"])

Results are the library's own "newsfuse/2" JSON (doc/SCHEMA.md) as dicts:
the same bytes the CLI writes, parsed. Offsets in them are UTF-8 byte
offsets into each document's text.

Threads: ctypes releases the GIL for the whole of every C call, so
summaries run truly in parallel from Python threads. Every call here makes
and frees its own handles, which the library allows from any number of
threads at once.

The library is found, in order: $NEWSFUSE_LIBRARY (a path); the build
directory of the source tree this package sits in (../../build); the
system's libnewsfuse.so.0 (an installed library).
"""

import ctypes
import ctypes.util
import json
import os

__all__ = ["NewsfuseError", "summarize", "summarize_line", "summarize_input", "read", "facts",
           "figures", "rouge", "split", "methods", "formats", "input_formats", "version",
           "library_path"]

NF_OK, NF_ENOMEM, NF_EINVAL, NF_EIO, NF_EDATA, NF_ELIMIT, NF_EEMPTY = 0, -1, -2, -3, -4, -5, -6
_FORMAT_JSON, _FORMAT_JSONL = b"json", b"jsonl"  # format names: see formats()
_BUDGETS = ("words", "sentences", "bytes", "ratio")


class NewsfuseError(Exception):
    """A failed library call: .status is the NF_E* code, the message says why."""

    def __init__(self, status, message, id=None):
        super().__init__(message)
        self.status = status
        self.id = id  # the event's id, when the failing input had one


def _find_library():
    env = os.environ.get("NEWSFUSE_LIBRARY")
    if env:
        return env
    here = os.path.dirname(os.path.abspath(__file__))
    built = os.path.normpath(os.path.join(here, "..", "..", "..", "build", "libnewsfuse.so"))
    if os.path.exists(built):
        return built
    return ctypes.util.find_library("newsfuse") or "libnewsfuse.so.0"


library_path = _find_library()
_lib = ctypes.CDLL(library_path)  # CDLL, not PyDLL: the GIL is released during calls

_p, _sz, _int, _s = ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_char_p
_psz = ctypes.POINTER(ctypes.c_size_t)
_pp = ctypes.POINTER(ctypes.c_void_p)


def _declare(name, restype, *argtypes):
    fn = getattr(_lib, name)
    fn.restype, fn.argtypes = restype, list(argtypes)
    return fn


_declare("nf_strerror", _s, _int)
_declare("nf_version", _s)
_declare("nf_free", None, _p)
_declare("nf_methods", ctypes.POINTER(_s))
_declare("nf_formats", ctypes.POINTER(_s), _s)
_declare("nf_rouge_splitters", ctypes.POINTER(_s))
_declare("nf_split", _int, _s, _sz, ctypes.POINTER(_psz), _psz)
_declare("nf_options_new", _p)
_declare("nf_options_free", None, _p)
_declare("nf_options_set", _int, _p, _s, _s)
_declare("nf_options_error", _s, _p)
_declare("nf_docset_new", _p)
_declare("nf_docset_free", None, _p)
_declare("nf_docset_add", _int, _p, _s, _s, _s, _s, _sz)
_declare("nf_docset_add_seen", _int, _p, _s, _s, _s, _s, _sz)
_declare("nf_docset_set_id", _int, _p, _s)
_declare("nf_docset_add_json", _int, _p, _s, _sz)
_declare("nf_docset_error", _s, _p)
_declare("nf_docset_id", _s, _p)
_declare("nf_summarize", _int, _p, _p, _pp)
_declare("nf_summary_free", None, _p)
_declare("nf_summary_render", _int, _p, _s, _pp, _psz)
_declare("nf_rouge_new", _p)
_declare("nf_rouge_free", None, _p)
_declare("nf_rouge_error", _s, _p)
_declare("nf_rouge_set_flags", _int, _p, _s)
_declare("nf_rouge_set", _int, _p, _s, _s)
_declare("nf_rouge_spl", _int, _s, _sz, _s, _pp, _psz)
_declare("nf_rouge_add_references", _int, _p, _s, ctypes.POINTER(_s), _psz, _sz)
_declare("nf_rouge_add_summary", _int, _p, _s, _s, _s, _sz)
_declare("nf_rouge_score", _int, _p)
_declare("nf_rouge_render", _int, _p, _s, _int, _pp, _psz)
_declare("nf_docset_count", _sz, _p)
_declare("nf_docset_doc_id", _s, _p, _sz)
_declare("nf_docset_doc_title", _s, _p, _sz)
_declare("nf_docset_doc_date", _s, _p, _sz)
_declare("nf_docset_doc_url", _s, _p, _sz)
_declare("nf_docset_text", ctypes.c_void_p, _p, _sz, _psz)
_declare("nf_reader_formats", ctypes.POINTER(_s))
_declare("nf_reader_open", _int, _s, _pp)
_declare("nf_reader_open_buffer", _int, _s, _sz, _s, _pp)
_declare("nf_reader_add", _int, _p, _s)
_declare("nf_reader_set", _int, _p, _s, _s)
_declare("nf_reader_format", _s, _p)
_declare("nf_reader_next", _int, _p, _pp)
_declare("nf_reader_error", _s, _p)
_declare("nf_reader_file", _s, _p)
_declare("nf_reader_line", ctypes.c_long, _p)
_declare("nf_reader_record", ctypes.c_long, _p)
_declare("nf_reader_byte", ctypes.c_longlong, _p)
_declare("nf_reader_record_id", _s, _p)
_declare("nf_reader_warning_count", _sz, _p)
_declare("nf_reader_warning", _s, _p, _sz)
_declare("nf_reader_free", None, _p)
_declare("nf_batch_error_record", _int, _s, ctypes.c_long, _s, _s, _pp, _psz)
_HAS_FACTS = hasattr(_lib, "nf_facts")
if _HAS_FACTS:
    _declare("nf_facts", _int, _p, _p, _pp)
    _declare("nf_facts_free", None, _p)
    _declare("nf_facts_render", _int, _p, _s, _pp, _psz)
    _declare("nf_facts_figure_count", _sz, _p)


class Figure(ctypes.Structure):
    """nf_figure of include/newsfuse.h, its fields in order. The library
    fills as much of it as ctypes.sizeof(Figure) says (a versioned struct:
    later versions only append fields)."""
    _fields_ = [("doc", _sz), ("start", _sz), ("end", _sz), ("sentence_start", _sz),
                ("sentence_end", _sz), ("low", ctypes.c_double), ("high", ctypes.c_double),
                ("text", _s), ("kind", _s), ("qualifier", _s), ("counted", _s), ("modifier", _s),
                ("event", _s), ("speaker", _s), ("time", _s), ("cue", _s),
                ("part_of", ctypes.c_long), ("group", ctypes.c_long),
                ("increment", _int), ("component", _int), ("place", _s)]


if _HAS_FACTS:
    _declare("nf_facts_figure", _int, _p, _sz, ctypes.POINTER(Figure), _sz)


def _b(s):
    """str -> UTF-8 bytes; None stays None; bytes pass."""
    if s is None or isinstance(s, bytes):
        return s
    return str(s).encode("utf-8")


def _c(s, what):
    """_b for a NUL-terminated argument (an id, a name, an option): a NUL
    byte inside would silently cut it in C, so it raises ValueError."""
    data = _b(s)
    if data is not None and b"\0" in data:
        raise ValueError("%s: a NUL byte cannot be passed (it would end the string): %r" % (what, s))
    return data


def _check(status, what, handle_error=None):
    if status in (NF_OK, NF_EEMPTY):
        return status
    msg = handle_error() if handle_error else b""
    text = (msg or b"").decode("utf-8", "replace") or _lib.nf_strerror(status).decode()
    raise NewsfuseError(status, "%s: %s" % (what, text))


def _take(ptr, length):
    """Copies a buffer the library handed out, frees it, returns str."""
    try:
        return ctypes.string_at(ptr, length).decode("utf-8")
    finally:
        _lib.nf_free(ptr)


def version():
    """The library's version string."""
    return _lib.nf_version().decode()


def _names(arr):
    """A NULL-terminated list of the library's names as a list of str."""
    out, i = [], 0
    while arr and arr[i]:
        out.append(arr[i].decode())
        i += 1
    return out


def methods():
    """The summarization method names."""
    return _names(_lib.nf_methods())


def formats(result):
    """The output formats of a result: "summary", "facts" or "rouge"
    (nf_formats); [] for another name."""
    return _names(_lib.nf_formats(_c(result, "result")))


def input_formats():
    """The input formats of the library's reader, "auto" first: the names
    newsfuse's --input, the server's "input" and read() take."""
    return _names(_lib.nf_reader_formats())


def _str(b):
    return None if b is None else b.decode("utf-8", "replace")


def _open_reader(source, input, name):
    """An nf_reader of source: a path, a list of paths (the reports of one
    event), or bytes (read as a file called name)."""
    h = ctypes.c_void_p()
    if isinstance(source, (bytes, bytearray)):
        data = bytes(source)
        rc = _lib.nf_reader_open_buffer(data, len(data), _c(name, "name"), ctypes.byref(h))
        paths = []
    else:
        paths = [source] if isinstance(source, (str, os.PathLike)) else list(source)
        if not paths:
            raise ValueError("no input")
        paths = [os.fsencode(p) for p in paths]
        rc = _lib.nf_reader_open(paths[0], ctypes.byref(h))
    _check(rc, "reader")
    try:
        for p in paths[1:]:
            _check(_lib.nf_reader_add(h, p), "reader", lambda: _lib.nf_reader_error(h))
        _check(_lib.nf_reader_set(h, b"format", _c(input, "input")), "input",
               lambda: _lib.nf_reader_error(h))
    except Exception:
        _lib.nf_reader_free(h)
        raise
    return h


def _reader_error(h):
    """The reader's last error as the error object of an error record."""
    return {"file": _str(_lib.nf_reader_file(h)), "line": _lib.nf_reader_line(h),
            "record": _lib.nf_reader_record(h), "byte": _lib.nf_reader_byte(h),
            "id": _str(_lib.nf_reader_record_id(h)), "message": _str(_lib.nf_reader_error(h))}


def _reader_warnings(h):
    return [_str(_lib.nf_reader_warning(h, i)) for i in range(_lib.nf_reader_warning_count(h))]


def _events(source, input, name):
    """Yields (status, docset handle or None, reader handle) per event or
    error of the reader; the docset is freed when the next is asked for."""
    h = _open_reader(source, input, name)
    try:
        while True:
            ds = ctypes.c_void_p()
            rc = _lib.nf_reader_next(h, ctypes.byref(ds))
            try:
                yield rc, ds, h
            finally:
                _lib.nf_docset_free(ds)
            if rc == NF_EEMPTY:
                return
    finally:
        _lib.nf_reader_free(h)


def _documents(ds):
    out = []
    for i in range(_lib.nf_docset_count(ds)):
        n = _sz()
        text = _lib.nf_docset_text(ds, i, ctypes.byref(n))
        out.append({"id": _str(_lib.nf_docset_doc_id(ds, i)), "title": _str(_lib.nf_docset_doc_title(ds, i)),
                    "date": _str(_lib.nf_docset_doc_date(ds, i)), "url": _str(_lib.nf_docset_doc_url(ds, i)),
                    "text": ctypes.string_at(text, n.value).decode("utf-8")})
    return out


def read(source, input="auto", name=None):
    """Reads reports as newsfuse summarize reads its inputs (the library's
    reader): yields one dict per event or error, in input order.

    source: a path ("-" for standard input; a directory of reports), a list
    of paths (the reports of one event), or bytes (read as a file called
    name, which may tell its format: "page.html"), or a URL (http://,
    https://: fetched; a path argument only, never bytes). input: a name of
    input_formats() ("auto": recognised by name and first bytes; "text",
    "html", "cluster", "articles", "multinews", "rss", "atom", "warc",
    "url"). A feed's items and a WARC file's HTML responses are the
    documents of one event; a record that cannot be read is an error in
    its place (its "record" and "byte"), and the others are read.

    An event: {"id", "line", "documents": [{"id", "title", "date", "url",
    "text"}], "warnings"}; a web page's document is its article text, with
    the page's title, date and URL. A record or an input that cannot be
    read: {"error": {"file", "line", "record", "byte", "id", "message"},
    "warnings"}; the reading goes on after it.
    """
    for rc, ds, h in _events(source, input, name):
        if rc == NF_EEMPTY:
            if _lib.nf_reader_warning_count(h):
                yield {"warnings": _reader_warnings(h)}
            return
        if rc == NF_OK:
            yield {"id": _str(_lib.nf_docset_id(ds)), "line": _lib.nf_reader_line(h),
                   "documents": _documents(ds), "warnings": _reader_warnings(h)}
        else:
            yield {"error": _reader_error(h), "warnings": _reader_warnings(h)}


def _error_record(h):
    """The error record newsfuse summarize --format jsonl writes in place of
    a record that cannot be read (nf_batch_error_record)."""
    out, length = ctypes.c_void_p(), _sz()
    rc = _lib.nf_batch_error_record(_lib.nf_reader_file(h) or b"-", _lib.nf_reader_line(h),
                                    _lib.nf_reader_record_id(h), _lib.nf_reader_error(h),
                                    ctypes.byref(out), ctypes.byref(length))
    _check(rc, "error record")
    return _take(out, length.value)


def summarize_input(source, input="auto", name=None, words=100, method=None, query=None,
                    format="dict", **options):
    """Summarizes every event of source as newsfuse summarize does (source,
    input and name as for read()): yields, in input order, each event's
    summary and, in place of each record that cannot be read, its error
    record ({"schema", "id", "error": {"file", "line", "message"}}): as
    dicts (format "dict"), or as the very lines `newsfuse summarize --format
    jsonl` writes (format "jsonl", str without the newline). An input that
    cannot be read at all (a missing file) raises NewsfuseError at the end,
    after every event that could be read."""
    if format not in ("dict", "jsonl"):
        raise ValueError('format must be "dict" or "jsonl"')
    opts = _Options(words, method, query, options)
    problems = []
    try:
        for rc, ds, h in _events(source, input, name):
            if rc == NF_OK:
                line = _render_summary(ds, opts, _FORMAT_JSONL)
            elif rc == NF_EEMPTY:
                break
            elif _lib.nf_reader_line(h) > 0 or _lib.nf_reader_record(h) > 0:
                line = _error_record(h)
            else:
                e = _reader_error(h)
                problems.append((rc, "%s%s" % (e["file"] + ": " if e["file"] else "", e["message"])))
                continue
            yield json.loads(line) if format == "dict" else line
    finally:
        opts.close()
    if problems:
        raise NewsfuseError(problems[0][0], "; ".join(p[1] for p in problems))


def split(text):
    """The sentences of text, as the library's segmenter finds them."""
    data = _b(text)
    spans, count = _psz(), _sz()
    _check(_lib.nf_split(data, len(data), ctypes.byref(spans), ctypes.byref(count)), "split")
    try:
        return [data[spans[2 * i]:spans[2 * i + 1]].decode("utf-8", "replace")
                for i in range(count.value)]
    finally:
        _lib.nf_free(spans)


class _Options:
    """An nf_options handle filled from keyword arguments."""

    def __init__(self, words, method, query, options):
        self.h = _lib.nf_options_new()
        if not self.h:
            raise MemoryError("nf_options_new")
        given = {k: v for k, v in options.items() if v is not None}
        if words is not None and (words != 100 or not any(k in given for k in _BUDGETS)):
            given["words"] = words
        if method is not None:
            given["method"] = method
        if query is not None:
            given["query"] = query
        for key, value in given.items():
            if isinstance(value, bool):
                value = int(value)
            rc = _lib.nf_options_set(self.h, _c(key, "option"), _c(value, "option %s" % key))
            if rc != NF_OK:
                msg = _lib.nf_options_error(self.h).decode("utf-8", "replace")
                self.close()
                raise NewsfuseError(rc, "option %s: %s" % (key, msg))

    def close(self):
        _lib.nf_options_free(self.h)
        self.h = None


def _add_document(ds, doc, seen):
    add = _lib.nf_docset_add_seen if seen else _lib.nf_docset_add
    if isinstance(doc, dict):
        text = _b(doc.get("text", ""))
        rc = add(ds, _c(doc.get("id"), "id"), _c(doc.get("title"), "title"),
                 _c(doc.get("date"), "date"), text, len(text))
    else:
        text = _b(doc)
        rc = add(ds, None, None, None, text, len(text))
    _check(rc, "document")


def _docset(documents, seen=None, id=None):
    if isinstance(documents, (str, bytes, dict)):
        raise TypeError("documents must be a list of strings or of {id, title, date, text} dicts")
    ds = _lib.nf_docset_new()
    if not ds:
        raise MemoryError("nf_docset_new")
    try:
        if id is not None:
            _check(_lib.nf_docset_set_id(ds, _c(id, "id")), "id")
        for doc in documents:
            _add_document(ds, doc, False)
        if isinstance(seen, (str, bytes, dict)):
            seen = [seen]  # one report, not one per character
        for doc in seen or ():
            _add_document(ds, doc, True)
    except Exception:
        _lib.nf_docset_free(ds)
        raise
    return ds


def _render_summary(ds, opts, fmt):
    # The summary borrows ds: it is freed here, before the caller frees ds.
    out = ctypes.c_void_p()
    rc = _lib.nf_summarize(ds, opts.h, ctypes.byref(out))
    _check(rc, "summarize")
    try:
        text, length = ctypes.c_void_p(), _sz()
        _check(_lib.nf_summary_render(out, fmt, ctypes.byref(text), ctypes.byref(length)), "render")
        return _take(text, length.value)
    finally:
        _lib.nf_summary_free(out)


def summarize(documents, words=100, method=None, query=None, seen=None, id=None, **options):
    """Summarizes the reports about one event.

    documents: a list of report texts (str) or of {"id", "title", "date",
    "text"} dicts (the JSON schema's documents). seen: reports the reader
    has already read (update summaries: what they say is not repeated), a
    list as documents or a single report. Ids, titles, dates and option
    values with a NUL byte raise ValueError.
    words: the budget (100 unless another budget is given: sentences=,
    bytes=, ratio=). method: see methods(). query: a question or topic to
    favour. Other options as the library's keys: cut=True, order="rank",
    min_words=6, language="english".

    Returns the "newsfuse/2" result as a dict: "summary" (sentences with
    their source document and byte offsets), "documents", "stats",
    "warnings". Raises NewsfuseError on a bad option.
    """
    opts = _Options(words, method, query, options)
    ds = None
    try:
        ds = _docset(documents, seen, id)
        return json.loads(_render_summary(ds, opts, _FORMAT_JSON))
    finally:
        _lib.nf_docset_free(ds)
        opts.close()


def summarize_line(line, words=100, method=None, query=None, **options):
    """Summarizes one cluster JSONL line ({"id", "documents": [...]}) and
    returns the JSONL record (one line, no newline): the very bytes
    `newsfuse batch` writes for it. A line that cannot be read raises
    NewsfuseError with status NF_EDATA, the message `newsfuse batch` puts in
    its error record, and .id (the event's id if it was read, else None)."""
    opts = _Options(words, method, query, options)
    ds = _lib.nf_docset_new()
    try:
        data = _b(line)
        rc = _lib.nf_docset_add_json(ds, data, len(data))
        if rc not in (NF_OK, NF_EEMPTY):
            ident = _lib.nf_docset_id(ds)
            raise NewsfuseError(rc, _lib.nf_docset_error(ds).decode("utf-8", "replace"),
                                ident.decode("utf-8", "replace") if ident is not None else None)
        return _render_summary(ds, opts, _FORMAT_JSONL)
    finally:
        _lib.nf_docset_free(ds)
        opts.close()


def facts(documents, id=None, format="dict"):
    """The figure sheet of the reports: every quantity they give, grouped
    across reports and labelled agree / revised / conflict / single
    (doc/FACTS.md). format "dict" (parsed JSON), "json", "text" or "md"."""
    if not _HAS_FACTS:
        raise NotImplementedError("this libnewsfuse has no figure sheet (nf_facts)")
    ds = _docset(documents, None, id)
    sheet = ctypes.c_void_p()
    try:
        _check(_lib.nf_facts(ds, None, ctypes.byref(sheet)), "facts")
        text, length = ctypes.c_void_p(), _sz()
        fmt = "json" if format == "dict" else format
        _check(_lib.nf_facts_render(sheet, _c(fmt, "format"), ctypes.byref(text), ctypes.byref(length)),
               "facts render")
        out = _take(text, length.value)
        return json.loads(out) if format == "dict" else out
    finally:
        _lib.nf_facts_free(sheet)
        _lib.nf_docset_free(ds)


def _figure_dict(f):
    """A Figure as a dict: strings decoded ("" when unknown), the flags as
    bools, numbers as the struct has them (high < 0: no upper bound;
    part_of and group -1: none)."""
    out = {}
    for name, kind in Figure._fields_:
        value = getattr(f, name)
        if kind is _s:
            value = (value or b"").decode("utf-8", "replace")
        elif name in ("increment", "component"):
            value = bool(value)
        out[name] = value
    return out


def figures(documents, id=None, **options):
    """Every figure of the reports' sheet (nf_facts), read one by one
    through nf_facts_figure: a list of dicts with the fields of nf_figure
    (doc, start, end, sentence_start, sentence_end, low, high, text, kind,
    qualifier, counted, modifier, event, speaker, time, cue, part_of, group,
    increment, component, place). Offsets are UTF-8 byte offsets into each
    document's text. Options as summarize's keys (max_figures=100, ...)."""
    if not _HAS_FACTS:
        raise NotImplementedError("this libnewsfuse has no figure sheet (nf_facts)")
    opts = _Options(None, None, None, options)
    ds = sheet = None
    try:
        ds = _docset(documents, None, id)
        sheet = ctypes.c_void_p()
        _check(_lib.nf_facts(ds, opts.h, ctypes.byref(sheet)), "facts")
        out, f = [], Figure()
        for i in range(_lib.nf_facts_figure_count(sheet)):
            _check(_lib.nf_facts_figure(sheet, i, ctypes.byref(f), ctypes.sizeof(f)), "figure")
            out.append(_figure_dict(f))
        return out
    finally:
        _lib.nf_facts_free(sheet)  # before its document set, which it borrows
        _lib.nf_docset_free(ds)
        opts.close()


def _spl(text, splitter):
    data = _b(text)
    out, length = ctypes.c_void_p(), _sz()
    _check(_lib.nf_rouge_spl(data, len(data), splitter, ctypes.byref(out), ctypes.byref(length)), "spl")
    try:
        return ctypes.string_at(out, length.value)
    finally:
        _lib.nf_free(out)


def _rouge_inputs(summaries, references):
    """Normalizes to ({system: {id: text}}, {id: [refs]})."""
    if isinstance(references, (list, tuple)):
        references = {"1": list(references)}
    if isinstance(summaries, (str, bytes)):
        summaries = {"1": summaries}
    if summaries and all(isinstance(v, (str, bytes)) for v in summaries.values()):
        summaries = {"summary": summaries}
    return summaries, references


def _rouge_fill(r, summaries, references, splitter):
    err = lambda: _lib.nf_rouge_error(r)
    for cid, refs in references.items():
        spl = [_spl(t, splitter) for t in refs]
        arr = (_s * len(spl))(*spl)
        lens = (_sz * len(spl))(*[len(x) for x in spl])
        _check(_lib.nf_rouge_add_references(r, _c(cid, "cluster id"), arr, lens, len(spl)), "references", err)
    for system, by_id in summaries.items():
        for cid, text in by_id.items():
            spl = _spl(text, splitter)
            _check(_lib.nf_rouge_add_summary(r, _c(system, "system"), _c(cid, "cluster id"), spl, len(spl)), "summary", err)


def rouge(summaries, references, flags=None, split="newsfuse", per_cluster=False, **settings):
    """ROUGE exactly as ROUGE-1.5.5 computes it (doc/ROUGE.md).

    summaries: one summary (str), {cluster_id: summary} (one system), or
    {system: {cluster_id: summary}}. references: a list of reference texts
    (one cluster) or {cluster_id: [reference, ...]}. Texts with line breaks
    keep their lines as sentences; others are split (split="newsfuse",
    "regex" or "lines"). flags: a ROUGE-1.5.5 command line, e.g.
    "-n 2 -m -u -l 100"; settings: ngram=2, stem=True, stopwords=True,
    words=100, skip=4, skip_unigrams=True, ... (the keys of nf_rouge_set).

    Returns the "newsfuse/2" ROUGE report as a dict: "systems" with each
    metric's average R, P and F and confidence interval, "signature".
    """
    summaries, references = _rouge_inputs(summaries, references)
    r = _lib.nf_rouge_new()
    if not r:
        raise MemoryError("nf_rouge_new")
    err = lambda: _lib.nf_rouge_error(r)
    try:
        if flags:
            _check(_lib.nf_rouge_set_flags(r, _c(flags, "flags")), "flags", err)
        for key, value in settings.items():
            value = int(value) if isinstance(value, bool) else value
            _check(_lib.nf_rouge_set(r, _c(key, "setting"), _c(value, key)), key, err)
        if split not in _names(_lib.nf_rouge_splitters()):
            raise ValueError("split must be one of %s" % ", ".join(_names(_lib.nf_rouge_splitters())))
        _rouge_fill(r, summaries, references, _c(split, "split"))
        _check(_lib.nf_rouge_score(r), "score", err)
        text, length = ctypes.c_void_p(), _sz()
        _check(_lib.nf_rouge_render(r, b"json", int(per_cluster), ctypes.byref(text),
                                    ctypes.byref(length)), "render", err)
        return json.loads(_take(text, length.value))
    finally:
        _lib.nf_rouge_free(r)
