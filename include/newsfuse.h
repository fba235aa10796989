/*
 * newsfuse: summaries of several news reports about one event, each sentence
 * linked back to its source.
 *
 * Ownership, in one sentence: every object you get from an nf_*_new or an
 * nf_* call that returns a pointer through an out-parameter is yours and is
 * released with its matching nf_*_free (all of which accept NULL), and every
 * const char * a getter returns stays owned by the object it came from and
 * lives as long as that object.
 *
 * Results borrow their document set: a summary (nf_summarize) and a figure
 * sheet (nf_facts) keep a pointer to the nf_docset they were made from and
 * read it again when rendered (nf_summary_render, nf_facts_render) and
 * when a figure is read (nf_facts_figure). So the document set must
 * outlive every result made from it, unchanged: free the results first,
 * and add nothing to the set while they live. (Options are copied: an
 * option set may be freed as soon as nf_summarize or nf_facts returns.)
 *
 * One convention: output formats are names listed by nf_formats; each
 * handle has one setter of a key (nf_options_set, nf_rouge_set), the keys
 * spelled alike, words joined by '_'; a figure is read into a versioned
 * struct (nf_facts_figure).
 *
 * Errors: calls that can fail return an int status, NF_OK (0) or a negative
 * NF_E* code; nf_strerror() names the code and the handle's *_error() getter
 * says what exactly went wrong. The library never prints, exits or aborts on
 * user input.
 *
 * Threads: distinct handles may be used from distinct threads at once; one
 * handle must not be used from two threads at the same time. A document set
 * that results borrow is only read through them: results of one set may be
 * rendered from distinct threads at once, as long as nothing changes it.
 * nf_set_allocator must be called before any other call, if at all. Each thread that calls
 * nf_summarize keeps its tokenizers (up to four languages, about 2 MB of
 * stem cache each at most) until it exits, so later calls start warm; do
 * not unload the shared library while such threads still run.
 *
 * The boundary: this header is the whole of the library's interface. The
 * shared library is built with -fvisibility=hidden and exports exactly the
 * functions declared here with NF_API, all named nf_*; everything else under
 * src/ is internal and may change at any time (tests/cli/exports.sh checks
 * the export list against this header).
 */
#ifndef NEWSFUSE_H
#define NEWSFUSE_H

#include <stddef.h>

/* NF_API marks what libnewsfuse.so exports. The library's own sources are
 * compiled with NF_BUILDING_LIBRARY and -fvisibility=hidden, so only what
 * carries the mark is visible outside it; for a program using the library
 * the mark is empty (a plain declaration, as with any C library). */
#if defined(NF_BUILDING_LIBRARY) && defined(__GNUC__)
#define NF_API __attribute__((visibility("default")))
#else
#define NF_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

#define NF_VERSION "0.1.0"
/* The schema of every JSON document the library writes (doc/SCHEMA.md:
 * newsfuse/2 types the values of "options"). */
#define NF_SCHEMA "newsfuse/2"

/* Status codes. */
enum {
    NF_OK = 0,
    NF_ENOMEM = -1,   /* an allocation failed */
    NF_EINVAL = -2,   /* a bad argument or option value (a usage error) */
    NF_EIO = -3,      /* a file could not be read or written */
    NF_EDATA = -4,    /* input data is malformed */
    NF_ELIMIT = -5,   /* a configured limit was exceeded */
    NF_EEMPTY = -6    /* nothing to work on (no documents, no sentences) */
};

/* Returns a static, human-readable name for a status code. */
NF_API const char *nf_strerror(int status);

/* Returns the library version string, e.g. "0.1.0". */
NF_API const char *nf_version(void);

/* Replaces malloc/realloc/free for everything the library allocates
 * (including its JSON library). Pass NULLs to restore the defaults. Meant
 * for embedding and for fault-injection tests; call before anything else. */
NF_API void nf_set_allocator(void *(*malloc_fn)(size_t), void *(*realloc_fn)(void *, size_t),
                             void (*free_fn)(void *));

/* Frees memory the library handed out as a plain buffer (rendered output). */
NF_API void nf_free(void *p);

/* Output formats are named by strings: nf_summary_render, nf_facts_render
 * and nf_rouge_render take the name, and an unknown one gives NF_EINVAL.
 * Returns the NULL-terminated static list of the formats of a result:
 *   "summary"  text json jsonl
 *   "facts"    text json jsonl md
 *   "rouge"    table json rouge155
 *   "event"    text cluster
 * or NULL for another result name. */
NF_API const char *const *nf_formats(const char *result);

/* ---- Sentences. ---- */

/* Splits text[0..len) into sentences. *spans receives a new array of
 * 2 * *count offsets (start0, end0, start1, end1, ...), byte offsets into
 * text, each sentence trimmed of surrounding white space; free it with
 * nf_free. Any bytes are accepted. Returns NF_OK or NF_ENOMEM. */
NF_API int nf_split(const char *text, size_t len, size_t **spans, size_t *count);

/* ---- Options: a string-keyed registry shared by the API, the CLI flags
 * (--min-words for min_words), the server's "options" and the bindings'
 * keyword arguments. Every key is listed by nf_option_keys, in this
 * order; values are given and read back as strings, and a result's JSON
 * carries them typed (numbers, booleans, strings: doc/SCHEMA.md). Keys:
 *   words N       length budget in words (default 100 when no other budget)
 *   sentences N   length budget in sentences
 *   bytes N       length budget in bytes
 *   ratio R       length budget as a fraction of the input's words (0 < R <= 1)
 *   cut 0|1       cut the last sentence at the budget exactly (ROUGE style)
 *   method NAME   summarization method (see nf_methods)
 *   language L    stemmer and stop-word language (default "english")
 *   order date|rank   order of summary sentences (default date)
 *   min_words N   shortest sentence a summary may use (default 6)
 *   query TEXT    a question or topic: favour what answers it (default:
 *                 the document set's topic, if it has one)
 *   max_document_bytes N  read at most N bytes of each document (default
 *                 8 MiB; 0 = no limit)
 *   max_sentences N  read at most N sentences per event (default 200000;
 *                 0 = no limit)
 *   max_seconds S    stop reading and selecting after S seconds per event,
 *                 the figure sheet's reading included (default 30;
 *                 0 = no limit); if nothing is chosen by then, the lead
 *                 sentences stand in, with a warning
 *                 Limits that cut something leave a warning in the result.
 *   facts 0|1     add the figure sheet (nf_facts) to the summary and to
 *                 its renderings (default 0)
 *   max_figures N the figure sheet keeps at most N figures, whole
 *                 sentences' worth (default 10000; 0 = no limit)
 *   idf FILE      term weights from a background table (nf_idf_read; ""
 *                 = none, the default): read once when set, then shared
 *                 read-only by every summary made with these options. The
 *                 language becomes the table's unless language was set;
 *                 a different language, set before or after, is refused.
 *                 A file that cannot be read or is malformed makes
 *                 nf_options_set return NF_EIO or NF_EDATA (the message
 *                 says file:line). nf_options_get gives the path ("" for
 *                 none, and for a table given by nf_options_set_idf, the
 *                 way to give a table object rather than a file); a
 *                 result's options carry it only when a table was used.
 *   standalone 0|1  only sentences that stand alone (default 0): no part
 *                 of a quotation without the rest, and a sentence opening
 *                 with a pronoun, demonstrative or connective only with
 *                 the sentence before it; a result's options carry it
 *                 only when 1
 * ---------------------------------------------------------------------- */
typedef struct nf_options nf_options;

/* Returns a new option set holding the defaults, or NULL if out of memory. */
NF_API nf_options *nf_options_new(void);
NF_API void nf_options_free(nf_options *opts);
/* Sets key to value after checking it: NF_EINVAL for an unknown key or a
 * bad value (nf_options_error says which), NF_ENOMEM. */
NF_API int nf_options_set(nf_options *opts, const char *key, const char *value);
/* Returns the current value of key as a string, or NULL for an unknown key. */
NF_API const char *nf_options_get(const nf_options *opts, const char *key);
/* Returns the message of the last failed nf_options_set ("" if none). */
NF_API const char *nf_options_error(const nf_options *opts);
/* Returns a NULL-terminated static list of the option keys (idf included). */
NF_API const char *const *nf_option_keys(void);
/* Returns a NULL-terminated static list of the method names. */
NF_API const char *const *nf_methods(void);

/* ---- Reading an input once (section owned by src/ingest/): a file, a
 * pipe, a FIFO or standard input is opened a single time and read through
 * one buffer, so its first bytes can be looked at to tell its format without
 * being lost, and lines are read with a cap. ---- */

typedef struct nf_input nf_input;

/* The default cap on one line of a JSONL or Multi-News input: eight times
 * the default max_document_bytes, so a cluster of several full-size reports
 * fits, and one line can never cost more than this (plus a 64 KiB block). */
#define NF_DEFAULT_MAX_LINE_BYTES ((size_t)64 << 20)

/* Opens path ("-" = standard input, not closed by nf_input_close). Returns
 * NULL with errno set when it cannot be opened. */
NF_API nf_input *nf_input_open(const char *path);
/* Looks at up to want of the next bytes without consuming them (*n: how
 * many there are; fewer at the end of the input). Returns NULL on a read
 * error (nf_input_errno) or when out of memory. */
NF_API const char *nf_input_head(nf_input *in, size_t want, size_t *n);
/* Reads the next line (with its newline, if any; NUL-terminated; valid until
 * the next call) and its 1-based number. Returns NF_OK; NF_EEMPTY at the end
 * of the input; NF_ELIMIT when the line was longer than max bytes (0: no
 * cap): it is skipped, *lineno names it, and reading goes on with the next;
 * NF_EDATA when that skipped line holds NUL bytes (binary data, which may
 * never end: the reading stops there);
 * NF_EIO on a read error (nf_input_errno); NF_ENOMEM. A UTF-8 byte order
 * mark before the first line is dropped. Never reports the end
 * of the input for an error. */
NF_API int nf_input_line(nf_input *in, size_t max, const char **line, size_t *len, long *lineno);
/* Reads the rest of the input, at most limit bytes (0: no cap), into a new
 * NUL-terminated buffer (free with nf_free); *more is set when the input
 * goes on past limit. NF_OK, NF_EIO, NF_ENOMEM. */
NF_API int nf_input_read_all(nf_input *in, size_t limit, char **data, size_t *len, int *more);
/* The errno of the read that failed, or 0. */
NF_API int nf_input_errno(const nf_input *in);
NF_API void nf_input_close(nf_input *in);

/* ---- Document sets: the reports about one event. ---- */
typedef struct nf_docset nf_docset;

NF_API nf_docset *nf_docset_new(void);
NF_API void nf_docset_free(nf_docset *ds);
/* Copies one report into the set. id, title and date may be NULL (date is
 * "YYYY-MM-DD" when known). text need not be valid UTF-8: invalid bytes are
 * replaced by U+FFFD and counted in a warning of the result, never fatal;
 * NUL bytes are treated the same way. Returns NF_OK or NF_ENOMEM. */
NF_API int nf_docset_add(nf_docset *ds, const char *id, const char *title, const char *date,
                         const char *text, size_t len);
/* Adds a report the reader has already read (update summaries): what it
 * says is not repeated and what is new is favoured. Same rules as
 * nf_docset_add; seen reports are never quoted. */
NF_API int nf_docset_add_seen(nf_docset *ds, const char *id, const char *title, const char *date,
                              const char *text, size_t len);
NF_API size_t nf_docset_seen_count(const nf_docset *ds);
/* Sets the event id (may be NULL). Returns NF_OK or NF_ENOMEM. */
NF_API int nf_docset_set_id(nf_docset *ds, const char *id);
NF_API size_t nf_docset_count(const nf_docset *ds);
/* Fills ds from one line of cluster JSONL ({"id", "documents": [{"id",
 * "title", "date", "text"}], "references"?, "topic"?, "update_set"?}), the
 * format of every evaluation set. Documents may also be plain strings.
 * Returns NF_OK, NF_EDATA (nf_docset_error says what and where: the
 * column, the field), NF_ENOMEM. */
NF_API int nf_docset_add_json(nf_docset *ds, const char *line, size_t len);
/* Fills ds from one Multi-News line: documents separated by "|||||",
 * newlines written "NEWLINE_CHAR". Empty documents are skipped. Returns
 * NF_OK, NF_EEMPTY (no document), NF_ENOMEM. */
NF_API int nf_docset_add_multinews(nf_docset *ds, const char *line, size_t len);
/* Returns the last error message of ds ("" if none). */
NF_API const char *nf_docset_error(const nf_docset *ds);
/* The event id (NULL if none), the reference summaries and the topic
 * (title and narrative joined, NULL if none) read from JSON. */
NF_API const char *nf_docset_id(const nf_docset *ds);
NF_API size_t nf_docset_reference_count(const nf_docset *ds);
NF_API const char *nf_docset_reference(const nf_docset *ds, size_t i);
NF_API const char *nf_docset_topic(const nf_docset *ds);
/* The update set ("A", "B", ...) of an update-task cluster, or NULL. */
NF_API const char *nf_docset_update_set(const nf_docset *ds);
/* Document i's id (never NULL: "1", "2", ... when none was given). */
NF_API const char *nf_docset_doc_id(const nf_docset *ds, size_t i);
/* Returns the text of document i as stored (after UTF-8 repair) and its
 * length, or NULL if i is out of range. Summary offsets index into the
 * original bytes given to nf_docset_add; they coincide unless the
 * document needed repair. */
NF_API const char *nf_docset_text(const nf_docset *ds, size_t i, size_t *len);
/* Document i's title, date ("YYYY-MM-DD") and URL (a web page's address),
 * each NULL when unknown or i is out of range. */
NF_API const char *nf_docset_doc_title(const nf_docset *ds, size_t i);
NF_API const char *nf_docset_doc_date(const nf_docset *ds, size_t i);
NF_API const char *nf_docset_doc_url(const nf_docset *ds, size_t i);
/* Copies report i of from into ds (its text as stored, its URL and its
 * map back to its source), as a report (seen 0) or as one already read
 * (seen 1); id, title and date, when not NULL, replace its own. Returns
 * NF_OK, NF_EINVAL (i out of range, from is ds) or NF_ENOMEM. */
NF_API int nf_docset_copy_report(nf_docset *ds, const nf_docset *from, size_t i, const char *id,
                                 const char *title, const char *date, int seen);

/* ---- Reading reports (section owned by src/ingest/): every input format
 * by its name, one reader for all of them. The formats (nf_reader_formats,
 * the names the CLI's --input, the server's "input" and the Python
 * binding take):
 *   auto       the default: each input is recognised by its name and first
 *              bytes (looked at without being consumed)
 *   text       plain text: a file is one report, its id the file name; a
 *              file that is not UTF-8 but reads as Windows-1252 (Latin-1)
 *              is decoded, with a warning
 *   html       a web page: its article text (nf_page_extract) is one
 *              report, with the page's title, date and URL; the text keeps
 *              its map back to the page's bytes (nf_docset_source_span)
 *   cluster    cluster JSONL, one event per line (nf_docset_add_json;
 *              update sets read their topic's earlier sets, as
 *              nf_batch_update_history says); "jsonl" is another name
 *   articles   article JSONL, one report per line, consecutive lines of one
 *              "event" one event; lines without an "event" make one event
 *              (nf_batch_article_group)
 *   multinews  Multi-News lines, one event per line
 *   rss, atom  a feed: each item (entry) is a report, its body extracted
 *              as a page (or read as text without markup), id its link
 *   warc       a web archive (WARC 1.0/1.1, plain or gzip), streamed in
 *              bounded memory: each HTTP 200 HTML response is a report (id
 *              its WARC-Target-URI; the HTTP charset a hint to its reading);
 *              other records are counted in a warning
 *   url        an http:// or https:// address given as a path (never as a
 *              buffer's bytes): the page is fetched (libcurl) and read
 * Text, HTML, feed, WARC and URL inputs are reports: several of them, or
 * a directory of them (its regular files in name order, hidden ones and
 * README.md left out, each recognised as a report format under auto),
 * make one event; a feed's or WARC file's articles are all reports of it.
 * A record of a feed or WARC file that cannot be read is an error item
 * (nf_reader_record, nf_reader_byte), and the others are still read. A
 * corpus (cluster, articles, multinews) holds its own events and is read
 * alone. An empty file, one that is not text (a known binary format, or
 * mostly control and invalid bytes) and a page without article text are
 * skipped with a warning; when nothing is left, that is an error.
 *
 * Use: nf_reader_open (or _open_buffer), nf_reader_add for more reports of
 * the same event, nf_reader_set, then nf_reader_next until NF_EEMPTY:
 *
 *   while ((rc = nf_reader_next(r, &ds)) != NF_EEMPTY) {
 *       for (i = 0; i < nf_reader_warning_count(r); i++) warn(nf_reader_warning(r, i));
 *       if (rc == NF_OK) { use(ds); nf_docset_free(ds); }
 *       else error(nf_reader_file(r), nf_reader_line(r), nf_reader_error(r));
 *   }
 *
 * Nothing read is lost to an error: a record that cannot be read is an
 * error in its place and the reading goes on with the next; an input that
 * cannot be read at all is an error and the reading goes on with the
 * other inputs. ---- */
typedef struct nf_reader nf_reader;

/* Returns the NULL-terminated static list of the format names, "auto"
 * first. */
NF_API const char *const *nf_reader_formats(void);
/* A reader of path ("-": standard input, not closed; a directory: its
 * files). Nothing is opened yet: a path that cannot be opened is an error
 * of nf_reader_next. Returns NF_OK, NF_EINVAL (a NULL argument) or
 * NF_ENOMEM; *out is freed with nf_reader_free. */
NF_API int nf_reader_open(const char *path, nf_reader **out);
/* A reader of data[0..len) (copied), as if it were a file called name
 * (NULL: "-"): its name is the report's id and may tell its format
 * ("page.html"). Returns NF_OK, NF_EINVAL, NF_ENOMEM. */
NF_API int nf_reader_open_buffer(const char *data, size_t len, const char *name,
                                 nf_reader **out);
/* Adds another input, before the first nf_reader_next: the inputs are
 * then the reports of one event. NF_OK, NF_EINVAL, NF_ENOMEM. */
NF_API int nf_reader_add(nf_reader *r, const char *path);
/* Sets key to value before the first nf_reader_next:
 *   format NAME            a name of nf_reader_formats (default auto)
 *   max_line_bytes N       the longest line of a corpus (default
 *                          NF_DEFAULT_MAX_LINE_BYTES; 0: no cap): a longer
 *                          one is an NF_ELIMIT error in its place
 *   max_document_bytes N   read at most N bytes (and a few more, so that
 *                          the cut is seen) of a text report (default 8 MiB,
 *                          as the option; 0: no cap); a warning says so
 *   defer 0|1              1: nf_reader_next may hand out an event of a
 *                          one-event-per-line corpus unread, for the caller
 *                          to read on another thread (nf_docset_read_pending)
 *   group event|article    event (default): as above; article: every report
 *                          is handed out as a set of its own, as soon as
 *                          it is read (an article line, a file of a
 *                          directory, a feed's item, a cluster line's
 *                          documents one by one), for nf_clusterer_add;
 *                          a file skipped is then only a warning
 * Returns NF_OK or NF_EINVAL (an unknown key or value, or reading has
 * begun; nf_reader_error says which). */
NF_API int nf_reader_set(nf_reader *r, const char *key, const char *value);
/* The format of the first input: the one set, or under auto the one its
 * name and first bytes show (looked at now, nothing consumed); "auto" for
 * a directory (each file is recognised by itself). */
NF_API const char *nf_reader_format(nf_reader *r);
/* Reads the next event into *event (a new set, the caller's to free) and
 * returns NF_OK; or returns, with *event NULL:
 *   NF_EEMPTY  the end of the input (nothing more to read)
 *   NF_EDATA   a record that cannot be read (nf_reader_line: its line),
 *              a binary line (the reading of that input stops), an input
 *              with nothing to read
 *   NF_ELIMIT  a line over max_line_bytes (skipped)
 *   NF_EIO     an input that cannot be opened or read
 *   NF_EINVAL  a corpus given with other inputs (not read), a NULL argument
 *   NF_ENOMEM  out of memory (the reading stops)
 * After any of them the next call goes on. The accessors below describe
 * the last call's event or error. */
NF_API int nf_reader_next(nf_reader *r, nf_docset **event);
/* What went wrong ("" after NF_OK): the message, without the place. */
NF_API const char *nf_reader_error(const nf_reader *r);
/* Where: the input's name as given (NULL when no one input is to blame);
 * the 1-based line of a corpus (an event's last line; 0 for none); the
 * 1-based record of a container (0 for none); the byte offset of the
 * line or record in its input (-1 when unknown); and the id of the event
 * or article that failed, when it was read (else NULL). */
NF_API const char *nf_reader_file(const nf_reader *r);
NF_API long nf_reader_line(const nf_reader *r);
NF_API long nf_reader_record(const nf_reader *r);
NF_API long long nf_reader_byte(const nf_reader *r);
NF_API const char *nf_reader_record_id(const nf_reader *r);
/* Warnings gathered while reading the last call's event or error (a file
 * skipped, a report cut at max_document_bytes, a charset guessed), each
 * naming its file. */
NF_API size_t nf_reader_warning_count(const nf_reader *r);
NF_API const char *nf_reader_warning(const nf_reader *r, size_t i);
NF_API void nf_reader_free(nf_reader *r);
/* Deferred reading (defer 1): the bytes of ds's record still to be read
 * (0: none), and their reading, on any thread, as nf_reader_next would
 * have read them: NF_OK (NF_OK too for a set with nothing pending),
 * NF_EEMPTY (a line without a report), NF_EDATA (nf_docset_error says
 * why, nf_docset_id names the event if it was read; the place is the one
 * nf_reader_next gave), NF_ENOMEM. */
NF_API size_t nf_docset_pending(const nf_docset *ds);
NF_API int nf_docset_read_pending(nf_docset *ds);
/* Provenance of a converted report (a web page's article text, a text
 * file read as Windows-1252): the bytes [*src_start, *src_end) of the
 * source as read (the page's bytes, the file's) that the report's text
 * [start, end) came from; for any other report the offsets themselves.
 * Summary offsets index the report's text, so this maps them back.
 * Returns NF_OK or NF_EINVAL (doc out of range, start > end). */
NF_API int nf_docset_source_span(const nf_docset *ds, size_t doc, size_t start, size_t end,
                                 size_t *src_start, size_t *src_end);

/* ---- Background term statistics: document frequencies from a large
 * corpus, so term weights need not come from the one document set alone.
 * Terms are counted as nf_summarize tokenizes them (folded, stemmed, stop
 * words left out). Methods that weigh terms by idf (centroid,
 * centroid-revisited, mmr, lexrank, lexrank-threshold, textrank, lsa,
 * submodular, luhn) then count the corpus's N documents and the event's
 * n sentences as one collection: log((N + n + 1) / (df + sf + 1)), df the
 * documents and sf the sentences holding the term, so a term the table
 * lacks weighs by the event alone, near the largest weight. The concept
 * methods (concept, the default, and ilp), lead, sumbasic and kl are
 * unchanged: background weights did not help them on the development
 * sets.
 * Ownership: nf_idf_new gives the caller one reference; an option set
 * given the table (nf_options_set_idf) takes its own, so the caller may
 * free its reference at once. A table held by an option set is read-only
 * and may be used from any number of threads at once. ---- */
typedef struct nf_idf nf_idf;

/* Returns a new, empty table for English, or NULL if out of memory. */
NF_API nf_idf *nf_idf_new(void);
/* Drops the caller's reference (the last one frees the table). */
NF_API void nf_idf_free(nf_idf *t);
/* Sets the stemmer and stop-word language before anything is counted or
 * read. NF_OK or NF_EINVAL (unknown language, table not empty). */
NF_API int nf_idf_set_language(nf_idf *t, const char *language);
/* Counts each report of ds (not those already read) once per term.
 * NF_OK, NF_EINVAL (the table is shared), NF_ENOMEM. */
NF_API int nf_idf_add_docset(nf_idf *t, const nf_docset *ds);
/* Writes the table as TSV into a new NUL-terminated buffer (nf_free): a
 * header "# newsfuse-idf/1<TAB>language=L<TAB>documents=N<TAB>min_df=K",
 * then "term<TAB>df" lines in byte order of the terms, leaving out terms
 * in fewer than min_df documents. NF_OK or NF_ENOMEM. */
NF_API int nf_idf_render(const nf_idf *t, long min_df, char **out, size_t *len);
/* Fills an empty table from the TSV text[0..len) (name is used in error
 * messages, "name:line: why"). NF_OK, NF_EDATA (malformed; the table is
 * left empty), NF_EINVAL (not empty or shared), NF_ENOMEM. */
NF_API int nf_idf_parse(nf_idf *t, const char *text, size_t len, const char *name);
/* The same from the file at path; NF_EIO if it cannot be read. */
NF_API int nf_idf_read(nf_idf *t, const char *path);
/* Returns the message of the last failure ("" if none). */
NF_API const char *nf_idf_error(const nf_idf *t);
NF_API const char *nf_idf_language(const nf_idf *t);
NF_API size_t nf_idf_documents(const nf_idf *t);
NF_API size_t nf_idf_term_count(const nf_idf *t);
/* Documents holding term (a folded, stemmed form as in the file); 0 if
 * the table lacks it. */
NF_API long nf_idf_df(const nf_idf *t, const char *term);
/* The idf option given a table object instead of a file: gives opts a
 * reference to t (NULL: no table) and makes t read-only; the language
 * rule of the idf key applies, and nf_options_get(opts, "idf") is then ""
 * (no path). NF_OK or NF_EINVAL. */
NF_API int nf_options_set_idf(nf_options *opts, nf_idf *t);

/* ---- Summaries. ---- */
typedef struct nf_summary nf_summary;

/* Summarizes ds under opts (NULL for the defaults) into *out, which
 * borrows ds (it must outlive the summary, unchanged: see Ownership).
 * Returns NF_OK, NF_ENOMEM, NF_EINVAL (a NULL ds or out), NF_EEMPTY (no
 * sentence to choose; *out still receives an empty summary carrying a
 * warning). */
NF_API int nf_summarize(const nf_docset *ds, const nf_options *opts, nf_summary **out);
NF_API void nf_summary_free(nf_summary *s);

NF_API size_t nf_summary_count(const nf_summary *s);
/* Sentence i of the summary: its text (NUL-terminated, *len bytes), the
 * index of its source document, its byte span [start, end) in that
 * document's original text, and its selection score. Out-parameters may be
 * NULL. Returns NF_OK or NF_EINVAL if i is out of range. */
NF_API int nf_summary_sentence(const nf_summary *s, size_t i, const char **text, size_t *len,
                               size_t *doc, size_t *start, size_t *end, double *score);
NF_API size_t nf_summary_warning_count(const nf_summary *s);
NF_API const char *nf_summary_warning(const nf_summary *s, size_t i);
/* Returns 1 if a time limit cut s (max_seconds, or the ilp method's solver
 * limit; the summary's warnings say so): its sentences then depend on the
 * machine's speed and load, so two runs may differ on it, as newsfuse
 * batch warns; 0 otherwise, and for NULL. */
NF_API int nf_summary_timed(const nf_summary *s);

/* Renders the summary (with the options used and the warnings) into a new
 * NUL-terminated buffer that the caller frees with nf_free. format is
 * "text", "json" (the schema of doc/SCHEMA.md, NF_SCHEMA) or "jsonl" (the
 * same on one line); see nf_formats. Returns NF_OK, NF_EINVAL (a NULL
 * argument, an unknown format) or NF_ENOMEM. */
NF_API int nf_summary_render(const nf_summary *s, const char *format, char **out, size_t *len);

/* ---- Batch: a corpus read line by line, as newsfuse batch reads it
 * (section owned by src/batch/). newsfuse batch is built on these, and a
 * caller that cuts a corpus into pieces (the Python binding's
 * newsfuse.batch.Reader, examples/dask_batch.py) uses them to write the
 * same records, byte for byte: each event's record is nf_summary_render's
 * "jsonl", and a line or an event that fails gets
 * nf_batch_error_record in its place. ---- */

/* Article JSONL: one report per line, {"event", "id", "title", "date",
 * "text"}: event a non-empty string without NUL bytes, or an integer, or
 * null or absent (no event: consecutive articles without one make one
 * set, without an id); id, title and date strings, null or absent; text a
 * string. Invalid UTF-8 is
 * repaired, as in nf_docset_add_json. Consecutive lines of one event make
 * one document set, whose id is the event.
 *
 * Reads one article line into the event being read, *open (NULL before
 * the first line). When the line's event differs from *open's, that set
 * moves to *closed, complete, and a new set for the line's event becomes
 * *open; otherwise *closed is NULL. *open and *closed are the caller's
 * (nf_docset_free); at the end of the input *open is the last event.
 * Returns NF_OK; NF_EDATA for a line that cannot be read: err (errlen > 0
 * bytes) says why, as valid UTF-8, *bad_id is the article's id if it was
 * read (else NULL; nf_free it), and *open is untouched; NF_ENOMEM (*closed
 * may still be set); NF_EINVAL for a NULL pointer or errlen 0. */
NF_API int nf_batch_article_group(nf_docset **open, nf_docset **closed, const char *line,
                                  size_t len, char **bad_id, char *err, size_t errlen);
/* Tells article JSONL from cluster JSONL: returns 1 if line[0..len) is a
 * JSON object without a "documents" key and with an "event" or a "text"
 * key (an article line), 0 for another JSON object, -1 for anything else
 * (a broken line says nothing). The reader's format auto reads articles
 * when the first JSON object among the input's first 16 non-blank lines
 * is an article. */
NF_API int nf_batch_is_article_line(const char *line, size_t len);

/* DUC 2007 update sets: sets B, C, ... of a topic are summarized for a
 * reader who has read the topic's earlier sets. Call this on each cluster
 * set just read (nf_docset_add_json), in input order, before summarizing
 * it, with the same *history (NULL at the start; the caller's, to
 * nf_docset_free at the end). A set without an update set
 * (nf_docset_update_set) changes nothing. Set A, or a set whose topic
 * differs from the history's, starts a new history; a later set of the
 * same topic gets the history's reports as ones already read
 * (nf_docset_add_seen). Then ds's own reports join the history. A topic is
 * the id up to its last '-' ("D0703A-B" -> "D0703A"), or the whole id.
 * Returns NF_OK, NF_ENOMEM, or NF_EINVAL for a NULL pointer. */
NF_API int nf_batch_update_history(nf_docset **history, nf_docset *ds);

/* The error record of a line or an event that failed (doc/SCHEMA.md), on
 * one line without a newline:
 *   {"schema":"newsfuse/2","id":ID,"error":{"file":PATH,"line":LINE,"message":MESSAGE}}
 * with id NULL written as null. Strings are escaped as newsfuse batch
 * escapes them: '"' and '\\' with a backslash, bytes below 0x20 as \u00XX,
 * and each byte that is not part of valid UTF-8 as \ufffd, so the record is
 * JSON whatever bytes a file name or message holds. *out receives a new
 * NUL-terminated buffer (nf_free it), *len (if len is not NULL) its length.
 * Returns NF_OK, NF_EINVAL (path, message or out NULL) or NF_ENOMEM. */
NF_API int nf_batch_error_record(const char *path, long line, const char *id, const char *message,
                                 char **out, size_t *len);

/* ---- Figure sheet (section owned by src/facts/) ---- */

/* Every quantity the reports give (counts, money, percentages, measures,
 * durations, dates, times, ages), each with what it counts, what happened
 * to it (killed, injured, missing, freed, held...), who says so and when;
 * the counts grouped across reports by what they count and each group
 * labelled "agree", "revised" (a later report or an update cue such as
 * "rose to" gives a new value), "conflict" (different values, nothing says
 * which is newer) or "single" (one report). doc/FACTS.md has the rules. */
typedef struct nf_facts_sheet nf_facts_sheet;

/* Reads ds into a new sheet (*out, freed with nf_facts_free), which
 * borrows ds (it must outlive the sheet, unchanged). opts may be
 * NULL (the defaults); they are the options of nf_summarize, and the sheet
 * reads the reports exactly as a summary does (the same sentences, the
 * same cleaning, the same limits: max_document_bytes, max_sentences,
 * max_seconds, a report left unread after the deadline); reports already
 * read (nf_docset_add_seen) are not read for figures. It keeps at most
 * max_figures figures; what a limit cut is in the sheet's warnings. Returns NF_OK, NF_EINVAL, NF_ENOMEM, or
 * NF_EEMPTY when ds holds no report (*out still set). */
NF_API int nf_facts(const nf_docset *ds, const nf_options *opts, nf_facts_sheet **out);
NF_API void nf_facts_free(nf_facts_sheet *sheet);

/* One figure. Strings belong to the sheet; "" when unknown.
 *
 * A versioned struct: later versions of the library only ever append
 * fields, and nf_facts_figure takes the size of the caller's struct, so a
 * program built against this header keeps working with a library whose
 * struct has grown (it gets the fields it knows), and one built against a
 * later header gets from this library the fields this version has, the
 * others left as it set them. Why a struct and not one accessor per field:
 * a figure has 21 fields that a caller reads together (one call, one
 * struct, one ctypes Structure in the Python binding) rather than 21
 * calls; why the size as an argument and not as a first field the caller
 * sets: an argument cannot be forgotten (the compiler asks for it), where
 * a field left uninitialized in "nf_figure f;" would be a garbage size. */
typedef struct nf_figure {
    size_t doc;                          /* report index in the docset */
    size_t start, end;                   /* its bytes in the original text */
    size_t sentence_start, sentence_end; /* its sentence, the same way */
    double low, high;                    /* high < 0: no upper bound; dates: -1 */
    const char *text;      /* as written: "at least 12", "twenty-three" */
    const char *kind;      /* count money percent measure duration date time age year ordinal id rate */
    const char *qualifier; /* exact at_least more_than at_most fewer_than about range vague */
    const char *counted;   /* normalised class of the counted noun: "people", "hostages" */
    const char *modifier;  /* nationalities and other modifiers, space separated */
    const char *event;     /* normalised: killed injured missing freed held ... */
    const char *speaker;   /* "officials", "the Estmarkian consulate" */
    const char *time;      /* "on Saturday night", "earlier" */
    const char *cue;       /* "update", "previous" (an earlier value) or "" */
    long part_of;          /* the figure it is part of ("4 of the 18"), or -1 */
    long group;            /* its group, or -1 */
    int increment;         /* "two more bodies": added to a count */
    int component;         /* with another count of its report adds up to a
                              total the sheet gives ("59 found, 6 died later") */
    const char *place;     /* the country it is about, as written ("in Greece") */
} nf_figure;

NF_API size_t nf_facts_figure_count(const nf_facts_sheet *sheet);
/* Fills *out, a struct of size bytes (pass sizeof *out), with figure i:
 * every field that fits in size bytes; bytes past this version's
 * sizeof(nf_figure) are left untouched. Returns NF_OK, or NF_EINVAL (i out
 * of range, a NULL pointer, or size less than this first version's
 * struct, the 21 fields above). */
NF_API int nf_facts_figure(const nf_facts_sheet *sheet, size_t i, nf_figure *out, size_t size);
NF_API size_t nf_facts_group_count(const nf_facts_sheet *sheet);
/* Group g: what it counts and its label ("agree", "revised", "conflict",
 * "single"); out-parameters may be NULL. Returns NF_OK or NF_EINVAL. */
NF_API int nf_facts_group(const nf_facts_sheet *sheet, size_t g, const char **event,
                          const char **counted, const char **modifier, const char **label,
                          size_t *nfigures);
/* The index of the k-th figure of group g (document order), or -1. */
NF_API long nf_facts_group_figure(const nf_facts_sheet *sheet, size_t g, size_t k);
NF_API size_t nf_facts_warning_count(const nf_facts_sheet *sheet);
NF_API const char *nf_facts_warning(const nf_facts_sheet *sheet, size_t i);
/* Renders the sheet as "text" (a table for a terminal, disagreements
 * first), "json" (schema NF_SCHEMA, doc/FACTS.md), "jsonl" (the same on
 * one line) or "md" (Markdown) into a NUL-terminated buffer freed with
 * nf_free (nf_formats("facts")). Returns NF_OK, NF_EINVAL (a NULL
 * argument, an unknown format) or NF_ENOMEM. */
NF_API int nf_facts_render(const nf_facts_sheet *sheet, const char *format, char **out,
                           size_t *len);

/* ---- Tracking a stream (section owned by src/track/ and src/api/track.c):
 * articles go, one at a time and in stream order, through the stream
 * clusterer into events, and into a SQLite database (WAL) that keeps
 * every article with its event, each event's last output and its
 * timeline. Each article is committed with its event in one transaction,
 * so a process killed at any moment loses nothing committed; a handle
 * opened on the same database again resumes: the clusterer is rebuilt by
 * replaying the committed articles in stream order (it is deterministic),
 * and articles already stored (by id) are skipped. nf_track_flush then
 * writes, for each event with new articles, its update record: the update
 * summary of what is new (the reports already in an output are given as
 * read, nf_docset_add_seen), the figure sheet's changes since the last
 * output (new figures, revisions, new conflicts), the sources and the
 * timeline (doc/TRACK.md; the record in doc/SCHEMA.md). A database that
 * is not the tracker's or is corrupt is refused, never rebuilt. ---- */
typedef struct nf_track nf_track;

/* Opens the database at path: mode "w" creates it when absent and locks
 * it for this handle's writing (one writer per database), "r" reads an
 * existing one (any number of readers, while a writer writes). *out is
 * set, to be freed with nf_track_free, whatever the status but NF_EINVAL
 * and NF_ENOMEM, so nf_track_error can say why. Returns NF_OK, NF_EIO (it
 * cannot be opened or created, or another writer holds it), NF_EDATA (not
 * a tracker database, corrupt, or an empty file opened "r"), NF_EINVAL,
 * NF_ENOMEM. A writer runs SQLite's quick check at opening; a reader,
 * meant to be opened per request, does not (a query that meets a corrupt
 * page fails with NF_EDATA). */
NF_API int nf_track_open(const char *path, const char *mode, nf_track **out);
/* Sets key to value before the first nf_track_add or nf_track_flush: a
 * key of nf_options (words, method, ...) for the update summaries and
 * sheets, any other one for the clusterer (window_days, threshold, ...).
 * The clusterer's settings are kept in the database with its first
 * article; a later handle may repeat them but not change them (the events
 * of a replay would differ). NF_OK, NF_EINVAL (nf_track_error says why),
 * NF_ENOMEM. */
NF_API int nf_track_set(nf_track *t, const char *key, const char *value);
/* Resumes now (nf_track_add and nf_track_flush do it at their first
 * call): the clusterer takes the settings and replays every stored
 * article. NF_OK; NF_EDATA when a replayed article does not land in its
 * stored event (another version or other settings: nothing is changed);
 * NF_EINVAL (read-only, or settings the database's events were not made
 * with); NF_EIO; NF_ENOMEM. nf_track_error says which. */
NF_API int nf_track_resume(nf_track *t);
/* Tracks report i of ds as the next article of the stream: it joins an
 * event (*event, owned by t, valid until the next call; may be NULL) and
 * is committed with it; *added (may be NULL) is 1, or 0 when an article
 * of that id was already stored (it is skipped, *event NULL). The first
 * call resumes (replays the stored articles). Returns NF_OK; NF_EDATA for
 * an article the clusterer refuses (no text: nothing stored) or a
 * database whose replay does not give its stored events; NF_EIO when the
 * database cannot be written (the handle then refuses every other
 * article: reopen to resume); NF_EINVAL (read-only, i out of range);
 * NF_ENOMEM. nf_track_warning says what a duplicate joined. */
NF_API int nf_track_add(nf_track *t, const nf_docset *ds, size_t i, const char **event, int *added);
/* Writes the update record of every event with articles not yet in an
 * output, oldest change first: emit gets each record (one line of JSON,
 * no newline; NUL-terminated, len bytes) before it is committed as the
 * event's last output, so a record is written at least once (twice only
 * if the process dies between the two). A non-zero return of emit stops
 * there (NF_EIO). *records (may be NULL) counts those written. NF_OK,
 * NF_EIO, NF_EINVAL (read-only), NF_ENOMEM. */
NF_API int nf_track_flush(nf_track *t, int (*emit)(const char *record, size_t len, void *arg),
                          void *arg, size_t *records);
/* A page of events, the most recently changed first: at most limit (1 to
 * 1000) of those changed before the cursor before (0: the newest), as
 * {"schema", "events": [{"id", "title", "articles", "first_date",
 * "last_date", "updates", "cursor"}], "next": cursor of the next page or
 * null} in a NUL-terminated buffer (nf_free). NF_OK, NF_EINVAL, NF_EIO,
 * NF_ENOMEM. */
NF_API int nf_track_events(nf_track *t, size_t limit, long long before, char **json, size_t *len);
/* One event: its counts, "last_output" (its last update record, null
 * before its first), "sheet" (the figure sheet of its reports at that
 * output, nf_facts_render's json), "sources" and "timeline", as one JSON
 * object (nf_free). NF_OK, NF_EEMPTY (no such event), NF_EIO, NF_ENOMEM. */
NF_API int nf_track_event(nf_track *t, const char *id, char **json, size_t *len);
/* Every stored article's {"id", "event"}, one line each in stream order
 * (nf_free). The first call of a writer resumes. NF_OK, NF_EIO, NF_ENOMEM. */
NF_API int nf_track_assignments(nf_track *t, char **out, size_t *len);
/* The stored articles and events. */
NF_API int nf_track_counts(nf_track *t, long long *articles, long long *events);
/* Why the last call failed ("" if none), and the warning of the last
 * nf_track_add ("" if none). */
NF_API const char *nf_track_error(const nf_track *t);
NF_API const char *nf_track_warning(const nf_track *t);
NF_API void nf_track_free(nf_track *t);

/* ---- ROUGE (section owned by src/eval/) ---- */

/* A scorer that reproduces ROUGE-1.5.5 (Lin 2004) exactly: its tokens,
 * stems, truncation, pooling over references, rounding, and its bootstrap
 * averages and confidence intervals (doc/ROUGE.md). Texts are SPL: one
 * sentence per line, as ROUGE-1.5.5 reads its files (nf_rouge_spl makes
 * one from running text). Use: nf_rouge_new; settings; references per
 * cluster and summaries per system and cluster, in any order;
 * nf_rouge_score; then the getters or nf_rouge_render. */
typedef struct nf_rouge nf_rouge;

/* Returns a scorer with ROUGE-1.5.5's defaults (ROUGE-L only, no stemming,
 * -c 95 -r 1000 -f A -p 0.5), or NULL if out of memory. */
NF_API nf_rouge *nf_rouge_new(void);
NF_API void nf_rouge_free(nf_rouge *r);
/* Returns the message of the last failure ("" if none). */
NF_API const char *nf_rouge_error(const nf_rouge *r);

/* Sets one setting by its key, spelled as the option keys are (words
 * joined by '_'), the value a string as for nf_options_set (the ROUGE-1.5.5
 * letter each stands for in brackets):
 *   ngram N (-n)  stem 0|1 (-m)  stopwords 0|1 (-s)  words N (-l)
 *   bytes N (-b)  skip D (-2)  skip_unigrams 0|1 (-u)  skip_both 0|1 (-U)
 *   formula A|B (-f)  alpha X (-p)  confidence C (-c)  resamples R (-r)
 *   wlcs W (-w)  lcs 0|1 (0: -x)
 *   unicode 0|1   tokens keep letters and digits of every script (not
 *                 ROUGE-1.5.5, which drops what is not ASCII)
 *   note TEXT     added to the signature
 * Returns NF_OK or NF_EINVAL (an unknown key, a bad value, or settings
 * after scoring; nf_rouge_error says which). */
NF_API int nf_rouge_set(nf_rouge *r, const char *key, const char *value);
/* The command-line convenience: sets every option of a ROUGE-1.5.5
 * command line given as one string, e.g. "-n 4 -m -2 4 -u -c 95 -r 1000
 * -f A -p 0.5 -t 0 -a -l 100", as nf_rouge_set would set them; switches
 * may be bundled ("-mu") and values attached ("-n4"); -t takes only 0;
 * -a, -d, -v and -e DIR are accepted and change nothing. Words that are
 * not options (a config file, a system id) are refused. Returns NF_OK or
 * NF_EINVAL (nf_rouge_error says which option). */
NF_API int nf_rouge_set_flags(nf_rouge *r, const char *flags);

/* Turns a summary into SPL text: a text with a line break inside keeps
 * its lines as sentences, any other is split into sentences by splitter:
 * "newsfuse" (the newsfuse segmenter; also for NULL), "regex" (the regex
 * the ROUGE test vectors used) or "lines" (never splits: a text without a
 * break is one sentence); see nf_rouge_splitters. White space runs become
 * one space, lines are trimmed, empty ones dropped, and each line ends
 * with "\n". *out is freed with nf_free. Returns NF_OK, NF_EINVAL (an
 * unknown splitter) or NF_ENOMEM. */
NF_API int nf_rouge_spl(const char *text, size_t len, const char *splitter, char **out,
                        size_t *out_len);
/* Returns the NULL-terminated static list of the splitters of nf_rouge_spl. */
NF_API const char *const *nf_rouge_splitters(void);

/* Copies the n references (SPL texts) of cluster id. NF_EDATA if the id
 * already has references, NF_EINVAL after scoring, NF_ENOMEM. */
NF_API int nf_rouge_add_references(nf_rouge *r, const char *id, const char *const *refs,
                                   const size_t *lens, size_t n);
/* Copies the summary (SPL text) of system for cluster id. NF_EDATA if the
 * system already has one for id. */
NF_API int nf_rouge_add_summary(nf_rouge *r, const char *system, const char *id, const char *text,
                                size_t len);
/* Scores everything. NF_EDATA when a summary's id has no references, or
 * under ROUGE-W when a reference has no words (ROUGE-1.5.5 dies there too);
 * nf_rouge_error names it. */
NF_API int nf_rouge_score(nf_rouge *r);

NF_API size_t nf_rouge_system_count(const nf_rouge *r);
NF_API const char *nf_rouge_system_name(const nf_rouge *r, size_t i);
/* The number of summaries system i was scored on. */
NF_API size_t nf_rouge_summary_count(const nf_rouge *r, size_t system);
/* Metrics in ROUGE-1.5.5's order and naming ("ROUGE-1", "ROUGE-L",
 * "ROUGE-W-1.2", "ROUGE-SU4"...); none before scoring. */
NF_API size_t nf_rouge_metric_count(const nf_rouge *r);
NF_API const char *nf_rouge_metric_name(const nf_rouge *r, size_t i);
NF_API size_t nf_rouge_cluster_count(const nf_rouge *r);
NF_API const char *nf_rouge_cluster_id(const nf_rouge *r, size_t i);
/* The printed average of value 0 (recall), 1 (precision) or 2 (F) with
 * its confidence interval: out = {average, low, high}. NF_OK or NF_EINVAL. */
NF_API int nf_rouge_average(const nf_rouge *r, size_t system, size_t metric, int value, double out[3]);
/* One summary's {R, P, F}. NF_EEMPTY if the system has no summary there. */
NF_API int nf_rouge_cluster_score(const nf_rouge *r, size_t system, size_t metric, size_t cluster,
                                  double rpf[3]);
/* One line with every setting, so a number can be reproduced. */
NF_API const char *nf_rouge_signature(const nf_rouge *r);

/* Renders the scores (per_cluster adds each summary's scores, like
 * ROUGE-1.5.5's -d) into a NUL-terminated buffer freed with nf_free.
 * format is "table" (for a terminal), "json" (schema NF_SCHEMA) or
 * "rouge155" (ROUGE-1.5.5's own lines); see nf_formats. NF_OK, NF_EINVAL
 * (not scored, a NULL argument, an unknown format) or NF_ENOMEM. */
NF_API int nf_rouge_render(const nf_rouge *r, const char *format, int per_cluster, char **out,
                           size_t *len);

/* ---- HTML pages (section owned by src/ingest/): the article of a web
 * page, without its navigation, banners, share bars, related lists,
 * comments, captions and footer, with the page's metadata. The method and
 * its measured scores are in doc/INGEST.md. ---- */
typedef struct nf_page nf_page;

/* Reads the page html[0..len) (as saved or served: any charset; a byte
 * order mark, <meta charset> and http-equiv Content-Type are honoured,
 * bytes that are not valid UTF-8 are read as Windows-1252, with a
 * warning). url, the page's address (may be NULL), helps with the date and
 * the canonical URL. *out receives the page, which the caller frees with
 * nf_page_free, whatever the status but NF_EINVAL and NF_ENOMEM. Returns
 * NF_OK; NF_EEMPTY when the page holds no article text (empty, or only
 * navigation: the metadata are still read); NF_EDATA when the bytes are
 * not a web page (binary data, compressed data); NF_ELIMIT past 256 MiB;
 * NF_EINVAL (html NULL with len > 0, out NULL); NF_ENOMEM.
 * nf_page_error says why a status is not NF_OK. */
NF_API int nf_page_extract(const char *html, size_t len, const char *url, nf_page **out);
NF_API void nf_page_free(nf_page *p);
/* The article's text (valid UTF-8, NUL-terminated, *len bytes if len is
 * not NULL): paragraphs separated by a blank line, headings as paragraphs
 * of their own, a line break inside a paragraph as "\n", entities decoded,
 * white space runs (no-break spaces too) as one space, zero-width spaces
 * dropped. "" when there is none. */
NF_API const char *nf_page_text(const nf_page *p, size_t *len);
/* Metadata, each NULL when the page does not say: the headline; the
 * published and last updated dates ("YYYY-MM-DD", as the page writes them,
 * in its own time zone); the author(s); the site's name; the language
 * (a tag such as "en" or "de-DE"); the canonical URL. */
NF_API const char *nf_page_title(const nf_page *p);
NF_API const char *nf_page_date(const nf_page *p);
NF_API const char *nf_page_updated(const nf_page *p);
NF_API const char *nf_page_author(const nf_page *p);
NF_API const char *nf_page_site(const nf_page *p);
NF_API const char *nf_page_language(const nf_page *p);
NF_API const char *nf_page_url(const nf_page *p);
/* The charset the page was read as ("UTF-8", "WINDOWS-1252", ...). */
NF_API const char *nf_page_charset(const nf_page *p);
/* Warnings: a guessed charset, bytes replaced, no article text... */
NF_API size_t nf_page_warning_count(const nf_page *p);
NF_API const char *nf_page_warning(const nf_page *p, size_t i);
/* Why the last status was not NF_OK ("" if it was). */
NF_API const char *nf_page_error(const nf_page *p);

/* Adds the page's article as a report of ds: its text, title, date and
 * URL, and its runs (nf_page_spans) for nf_docset_source_span. id may be
 * NULL (numbered). Returns NF_OK, NF_EINVAL or NF_ENOMEM. */
NF_API int nf_docset_add_page(nf_docset *ds, const char *id, const nf_page *page);

/* Provenance: the text as runs, in text order, each a piece of the text
 * and the bytes of the HTML as given to nf_page_extract that it came from.
 * An exact run holds the page's own bytes (text as written in the page,
 * text_len == html_len) and maps byte for byte; any other maps as a whole
 * (an entity such as "&amp;", characters converted from another charset,
 * a run of white space read as one space). Text between runs is what the
 * extractor wrote itself (the blank line between paragraphs, a space). */
typedef struct nf_page_span {
    size_t text, text_len; /* bytes of nf_page_text */
    size_t html, html_len; /* bytes of the page */
    int exact;             /* 1: the same bytes in both */
} nf_page_span;
/* The runs (*count of them; NULL when there is no text). */
NF_API const nf_page_span *nf_page_spans(const nf_page *p, size_t *count);
/* The offset in the page of text offset t: inside an exact run, exactly;
 * inside any other, the start of its bytes; between runs, the end of the
 * run before. */
NF_API size_t nf_page_html_offset(const nf_page *p, size_t t);
/* Renders the page as "text" (the text and a final newline), "json" (one
 * object: "source" (as given, may be NULL), "text", "title", "date",
 * "updated", "author", "site", "language", "url", "charset", "warnings"; null
 * where unknown) or "jsonl" (the same on one line) into a NUL-terminated
 * buffer freed with nf_free. Returns NF_OK, NF_EINVAL (unknown format) or
 * NF_ENOMEM. */
NF_API int nf_page_render(const nf_page *p, const char *source, const char *format, char **out,
                          size_t *len);

/* ---- Events (section owned by src/events/): a stream of articles grouped
 * into events, one pass in stream order, no look-ahead. Each article joins
 * the best active event or opens a new one: a linear score over the cosine
 * of its body words, its title words and its names (capitalised phrases)
 * with the event's (tf-idf, the idf learned from the stream so far), the
 * distance in days to the event's dates (none when either is undated) and
 * the event's size, against a threshold; weights and threshold are learned
 * (data/events/, scripts/train_events.py). Candidate events come from an
 * index of the terms of active events, so an article costs the same however
 * many events there are; an event with nothing new for window_days of
 * stream time (the latest date seen), or for window_articles articles when
 * it has no date, retires, so memory stays flat over an endless stream.
 * Deterministic: the same adds give the same events.
 *
 *   nf_clusterer *c; nf_clusterer_new(&c);
 *   for each article (ds, i):
 *       rc = nf_clusterer_add(c, ds, i, &event, &opened);   (event: "e1", ...)
 *       n = nf_clusterer_retired(c, &ids);                  (events that ended)
 *   nf_clusterer_finish(c); n = nf_clusterer_retired(c, &ids);
 *   nf_clusterer_free(c);
 * ---- */
typedef struct nf_clusterer nf_clusterer;
/* A clusterer with the defaults below. NF_OK or NF_ENOMEM. */
NF_API int nf_clusterer_new(nf_clusterer **out);
/* Sets key to value, before the first add:
 *   window_days N      retire an event with no article dated within N days
 *                      of the latest date of the stream (default 365;
 *                      0: never)
 *   window_articles N  retire an undated event after N articles with none
 *                      for it (default 5000; 0: never)
 *   threshold X        the score an article must reach to join an event
 *                      (default: the learned one; higher: more events)
 *   keep 0|1           1: keep each event's articles, to be taken as a
 *                      document set when it retires (nf_clusterer_take)
 *   language L         stemmer and stop words (default "english")
 * Returns NF_OK or NF_EINVAL (unknown key or value, or an article was
 * added; nf_clusterer_error says which). */
NF_API int nf_clusterer_set(nf_clusterer *c, const char *key, const char *value);
/* Adds report i of ds (its id, title, date and text: nf_docset_doc_id,
 * nf_docset_doc_title, nf_docset_doc_date, nf_docset_text) as the next
 * article of the stream. *event receives the id of its event ("e1", "e2",
 * ... in order of opening; owned by c, valid until the next call) and
 * *opened 1 if the article opened it. A duplicate (the id, or the text, of
 * an article of an active event) joins the event of its first copy, with
 * a warning. An article without text (nothing but white space) is not
 * added: NF_EDATA, *event NULL, nf_clusterer_error says so; an undated or
 * unparseable date is read as none (a warning for the latter). Returns
 * NF_OK, NF_EDATA, NF_EINVAL (i out of range, a NULL argument), NF_ENOMEM. */
NF_API int nf_clusterer_add(nf_clusterer *c, const nf_docset *ds, size_t i, const char **event,
                            int *opened);
/* The warning of the last add (a duplicate, a date that cannot be read),
 * or NULL. */
NF_API const char *nf_clusterer_warning(const nf_clusterer *c);
/* What the last failed call did wrong ("" if nothing). */
NF_API const char *nf_clusterer_error(const nf_clusterer *c);
/* The ids of the events retired since the last call, oldest first (*ids
 * owned by c, valid until the next add or finish). Returns their count. */
NF_API size_t nf_clusterer_retired(nf_clusterer *c, const char *const **ids);
/* The end of the stream: every active event retires (nf_clusterer_retired
 * then lists them). NF_OK or NF_ENOMEM. */
NF_API int nf_clusterer_finish(nf_clusterer *c);
/* Under keep 1: the articles of a retired event as a new document set
 * (its id the event's, reports in stream order), the caller's to free;
 * handed over once, and only until the next add or finish. NULL when the
 * event is not among the ones retired last, or was taken. */
NF_API nf_docset *nf_clusterer_take(nf_clusterer *c, const char *event);
/* The number of active events (those that can still grow). */
NF_API size_t nf_clusterer_active(const nf_clusterer *c);
NF_API void nf_clusterer_free(nf_clusterer *c);
/* Renders the last add as one JSON line, {"id": ARTICLE, "event": EVENT,
 * "opened": true|false} (with "warning" when it had one) and a newline,
 * into a NUL-terminated buffer freed with nf_free. NF_OK, NF_EINVAL (no
 * article added), NF_ENOMEM. */
NF_API int nf_clusterer_render_last(const nf_clusterer *c, char **out, size_t *len);
/* Renders an event (a document set, as nf_clusterer_take gives) as
 * "text" (its id and size, then one line per article: date, id, title) or
 * "cluster" (one line of cluster JSONL, {"id", "documents": [{"id",
 * "title", "date", "text"}]}, what summarize, facts and batch read), with a
 * final newline, into a NUL-terminated buffer freed with nf_free. NF_OK,
 * NF_EINVAL (unknown format), NF_ENOMEM. */
NF_API int nf_event_render(const nf_docset *event, const char *format, char **out, size_t *len);

#ifdef __cplusplus
}
#endif
#endif
