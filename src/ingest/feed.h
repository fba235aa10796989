/* Feeds: RSS 2.0 (and RSS 1.0 / RDF) and Atom 1.0 (and 0.3) read with
 * libxml2's XML parser in SAX mode, one ingest_record per item or entry
 * (doc/INGEST.md, "Feeds"). A feed that is not well formed is read as far
 * as the parser can recover, with an error naming the item and the byte. */
#ifndef NF_INGEST_FEED_H
#define NF_INGEST_FEED_H
#include "ingest/records.h"
#include <stddef.h>

enum { FEED_NONE = 0, FEED_RSS = 1, FEED_ATOM = 2 };

/* A field of an item is cut past this many bytes (the item is then skipped
 * with an error). */
#define FEED_MAX_FIELD_BYTES ((size_t)16 << 20)

/* What one reading saw. */
typedef struct feed_stats {
    int kind;     /* FEED_RSS, FEED_ATOM or FEED_NONE (not a feed) */
    long items;   /* items or entries met */
    long records; /* records handed to on_record */
    long errors;  /* errors handed to on_error (reported or not: past 50
                     only the count goes on) */
} feed_stats;

/* Looks at the first bytes of an input (a UTF-8 BOM, the XML declaration,
 * comments, processing instructions and a DOCTYPE are skipped) and returns
 * FEED_RSS for a root element <rss> or <rdf:RDF>, FEED_ATOM for <feed>,
 * FEED_NONE otherwise. 1 KiB is enough for any feed seen in practice. */
int feed_sniff(const char *head, size_t n);

/* Reads the feed data[0..len) and calls on_record for each item (RSS
 * <item>, Atom <entry>) that has a body, in order: title, url (link, else
 * a permalink guid), date (record_date.h: pubDate, dc:date, Atom published,
 * else updated), body (content:encoded, Atom content, description, summary:
 * HTML, or plain text for Atom type="text"), number (the item's 1-based
 * index), offset (the byte its start tag begins at). on_error (may be
 * NULL) gets items without a body, parse errors (one per item, "item N,
 * line L: ..." with the byte as offset), a feed that ends inside an item.
 * stats may be NULL. Returns NF_OK when the feed had items (even with
 * errors), NF_EEMPTY for an empty feed or one without items, NF_EDATA for
 * input that is not a feed (binary data, another XML document, bytes the
 * parser cannot read at all: the error says which), NF_ELIMIT for input
 * over 2 GiB, NF_ENOMEM, or the non-zero value a callback returned to stop. */
int feed_read(const char *data, size_t len, ingest_record_fn on_record,
              ingest_record_error_fn on_error, void *arg, feed_stats *stats);

#endif
