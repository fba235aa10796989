"""Grouping a stream of articles into events, from Python: nf_clusterer.

    from newsfuse.events import Clusterer
    with Clusterer(window_days=5) as c:
        for art in stream:
            event, opened, warning = c.add(art["id"], art["text"], art.get("title"), art.get("date"))

One pass in the order of the adds, no look-ahead, deterministic: the same
articles in the same order give the same events ("e1", "e2", ... in the
order they open), which is what `newsfuse cluster` writes for the same
stream. A Clusterer is one stream: use it from one thread at a time (any
number of Clusterers may run in parallel).
"""

import ctypes

from . import NF_OK, NewsfuseError, _b, _c, _declare, _lib, _str

_p, _sz, _int, _s = ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_char_p

_declare("nf_clusterer_new", _int, ctypes.POINTER(_p))
_declare("nf_clusterer_set", _int, _p, _s, _s)
_declare("nf_clusterer_add", _int, _p, _p, _sz, ctypes.POINTER(_s), ctypes.POINTER(_int))
_declare("nf_clusterer_warning", _s, _p)
_declare("nf_clusterer_error", _s, _p)
_declare("nf_clusterer_retired", _sz, _p, ctypes.POINTER(ctypes.POINTER(_s)))
_declare("nf_clusterer_free", None, _p)

__all__ = ["Clusterer"]


class Clusterer:
    """A stream clusterer. Settings are nf_clusterer_set's keys with "_"
    for "-" (window_days=..., threshold=...), given before the first add."""

    def __init__(self, **settings):
        h = ctypes.c_void_p()
        rc = _lib.nf_clusterer_new(ctypes.byref(h))
        if rc != NF_OK:
            raise NewsfuseError(rc, "clusterer: %s" % _lib.nf_strerror(rc).decode())
        self._h = h
        try:
            for key, value in settings.items():
                if value is None:
                    continue
                rc = _lib.nf_clusterer_set(h, _c(key, "setting"), _c(str(value), key))
                if rc != NF_OK:
                    raise NewsfuseError(rc, "clusterer: %s" % self._error(rc))
        except Exception:
            self.close()
            raise

    def _error(self, rc):
        return _str(_lib.nf_clusterer_error(self._h)) or _lib.nf_strerror(rc).decode()

    def add(self, id, text, title=None, date=None):
        """The next article of the stream -> (event id, opened, warning or
        None). An article the clusterer cannot take (no text) raises
        NewsfuseError with status NF_EDATA; the stream goes on."""
        if self._h is None:
            raise ValueError("clusterer closed")
        data = _b(text) or b""
        ds = _lib.nf_docset_new()
        if not ds:
            raise MemoryError("docset")
        try:
            rc = _lib.nf_docset_add(ds, _c(id, "id"), _c(title, "title"), _c(date, "date"),
                                    data, len(data))
            if rc != NF_OK:
                raise NewsfuseError(rc, "article %s: %s" % (id, _str(_lib.nf_docset_error(ds))))
            event, opened = _s(), _int()
            rc = _lib.nf_clusterer_add(self._h, ds, 0, ctypes.byref(event), ctypes.byref(opened))
            if rc != NF_OK:
                raise NewsfuseError(rc, "article %s: %s" % (id, self._error(rc)), id=id)
            return _str(event.value), bool(opened.value), _str(_lib.nf_clusterer_warning(self._h))
        finally:
            _lib.nf_docset_free(ds)

    def retired(self):
        """Ids of the events retired since the last call."""
        ids = ctypes.POINTER(_s)()
        n = _lib.nf_clusterer_retired(self._h, ctypes.byref(ids))
        return [_str(ids[k]) for k in range(n)]

    def close(self):
        if self._h is not None:
            _lib.nf_clusterer_free(self._h)
            self._h = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()

