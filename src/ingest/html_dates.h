/* Dates in pages (html_dates_parse.c): reading the ways pages write a
 * calendar date, to the day. */
#ifndef NF_INGEST_HTML_DATES_H
#define NF_INGEST_HTML_DATES_H
#include <stddef.h>

typedef struct ymd {
    int y, m, d;
} ymd;

/* No news page is older than the web's news sites. */
#define DATE_MIN_YEAR 1995

/* Returns 1 if d is a calendar date from DATE_MIN_YEAR to tomorrow. */
int date_valid(const ymd *d);
/* Writes d as "YYYY-MM-DD". */
void date_format(const ymd *d, char out[11]);
/* The month (1-12) a name or abbreviation s[0..n) stands for, or 0. */
int date_month_name(const char *s, size_t n);
/* Reads a date starting at s[i] (of s[0..n)): ISO, numeric (day first, or
 * month first when us is set and the numbers allow it) or with a month
 * name. Returns 1 and fills *d, or 0. */
int date_at(const char *s, size_t n, size_t i, int us, ymd *d);
/* The first date in s[0..n) (its offset in *at if at is not NULL). */
int date_find(const char *s, size_t n, int us, ymd *d, size_t *at);
/* A date at the start of s in ISO form, "YYYY-MM-DD..." or "YYYYMMDD". */
int date_parse_iso(const char *s, ymd *d);
/* A date to the day in the path of url: /2031/04/02/, 2031-04-02, 20310402. */
int date_in_url(const char *url, ymd *d);

#endif
