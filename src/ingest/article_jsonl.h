/* Article JSONL (ingest): one report per line, grouped into events by
 * consecutive lines of one "event". The public face is nf_batch_article_group
 * and nf_batch_is_article_line (api/batch.c). */
#ifndef NF_INGEST_ARTICLE_JSONL_H
#define NF_INGEST_ARTICLE_JSONL_H
#include "newsfuse.h"
#include <stddef.h>

/* ---- Article JSONL ----
 * One article per line: {"event": ..., "id", "title", "date", "url", "text"};
 * event is a string or an integer (absent or null: no event; consecutive
 * articles without one make one event, without an id), id, title, date and
 * url (where the article lives: the outlet `track` names) strings or null
 * or absent, text a string. Invalid UTF-8 is repaired before parsing, as for
 * cluster lines (one bad byte costs a warning, not the article). */
typedef struct article_line {
    const char *event, *id, *title, *date, *url, *text; /* owned by json; event NULL: none */
    size_t text_len;
    size_t replaced; /* invalid UTF-8 sequences replaced in the line */
    void *json;      /* the parsed line */
    char event_buf[32]; /* an integer event, printed */
} article_line;

/* Parses one line into *a. Returns NF_OK, NF_EDATA (err says what, with
 * the column or the field) or NF_ENOMEM; free *a in every case. */
int article_line_parse(article_line *a, const char *line, size_t len, char *err, size_t errlen);
/* Adds the article to ds as one report. Returns NF_OK or NF_ENOMEM. */
int article_line_add(nf_docset *ds, const article_line *a);
void article_line_free(article_line *a);
/* Reads one article line into the event being read, *open (NULL at the
 * start): when the line's event differs from *open's, *open moves to
 * *closed (the caller's, in every case; NULL when nothing ended) and a new
 * set for the line's event becomes *open. Returns NF_OK; NF_EDATA for a
 * line that cannot be read (err says why, *bad_id is the article's id or
 * NULL, xfree it; *open is untouched); NF_ENOMEM. The one rule of grouping
 * for newsfuse batch and the bindings (public: nf_article_group). */
int article_group(nf_docset **open, nf_docset **closed, const char *line, size_t len,
                        char **bad_id, char *err, size_t errlen);
/* For format detection: returns 1 if line is a JSON object without a
 * "documents" key and with an "event" or a "text" key (an article line), 0
 * for another object, -1 if it is not a JSON object (a broken line says
 * nothing). */
int article_is_line(const char *line, size_t len);

#endif
