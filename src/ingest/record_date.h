/* The dates containers write (a feed's RFC 822 pubDate, Atom's and WARC's
 * ISO 8601 times) read into one form for ingest_record.date: an ISO 8601
 * time "YYYY-MM-DDTHH:MM:SS" with its zone ("Z" or "+HH:MM") when the
 * container gives one, or the day alone "YYYY-MM-DD". The time stays in
 * the zone it was written in (the day is the publisher's day). */
#ifndef NF_INGEST_RECORD_DATE_H
#define NF_INGEST_RECORD_DATE_H
#include <stddef.h>

/* Room for the longest form, "YYYY-MM-DDTHH:MM:SS+HH:MM", and a NUL. */
#define RECORD_DATE_MAX 32

/* Reads s[0..n) as an ISO 8601 / RFC 3339 time or date ("2031-04-02",
 * "2031-04-02T14:05:00.250Z", "2031-04-02 14:05+0200") or an RFC 822 /
 * RFC 2822 date ("Wed, 02 Apr 2031 14:05:00 GMT", "2 Apr 31 14:05 EDT",
 * month names spelled out too), surrounding white space ignored. Writes the
 * normalised form to out and returns 1, or returns 0 (out = "") when s is
 * not such a date or not a calendar date (years 1000 to 9999). */
int record_date_norm(const char *s, size_t n, char out[RECORD_DATE_MAX]);

#endif
