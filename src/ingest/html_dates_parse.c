/* Dates as pages write them: ISO forms (2031-04-02, 20310402), numbers
 * in day-month or month-day order (02.04.2031, 4/2/2031), month names in
 * seventeen languages (data/html/months.txt: "2. April 2031", "April 2nd,
 * 2031", "2 de abril de 2031", "2031. április 2."), and the year-month-day
 * marks of Chinese, Japanese and Korean (2031年4月2日). */
#include "ingest/html_dates.h"
#include "core/data.h"
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

enum { MAX_MONTH_NAMES = 400, MAX_MONTH_NAME = 24 };

static struct month_name {
    char name[MAX_MONTH_NAME];
    unsigned char len, month;
} month_names[MAX_MONTH_NAMES];
static size_t nmonth_names;
static pthread_once_t months_once = PTHREAD_ONCE_INIT;

/* Reads one line "N name name..." of data/html/months.txt. */
static int month_line(const char *line, size_t len, void *arg)
{
    (void)arg;
    int month = 0;
    size_t k = 0;
    while (k < len && line[k] >= '0' && line[k] <= '9')
        month = month * 10 + (line[k++] - '0');
    while (k < len && month >= 1 && month <= 12) {
        while (k < len && line[k] == ' ')
            k++;
        size_t start = k;
        while (k < len && line[k] != ' ')
            k++;
        if (k > start && k - start < MAX_MONTH_NAME && nmonth_names < MAX_MONTH_NAMES) {
            struct month_name *m = &month_names[nmonth_names++];
            memcpy(m->name, line + start, k - start);
            m->len = (unsigned char)(k - start), m->month = (unsigned char)month;
        }
    }
    return 0;
}

/* Reads the month names. */
static void months_init(void) { data_each_line("html/months.txt", month_line, NULL); }

/* Tomorrow as YYYYMMDD (no page is published later; a day's slack for
 * time zones ahead), worked out again every hour on each thread, so that
 * a server running for weeks moves with the calendar. */
static long latest_date(void)
{
    static _Thread_local long latest;
    static _Thread_local time_t at;
    time_t now = time(NULL);
    if (latest && now >= at && now - at < 3600)
        return latest;
    struct tm tm;
    time_t tomorrow = now + 86400;
    if (now == (time_t)-1 || !gmtime_r(&tomorrow, &tm))
        return 21001231;
    at = now;
    latest = (long)(tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
    return latest;
}

int date_valid(const ymd *d)
{
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    pthread_once(&months_once, months_init);
    if (d->y < DATE_MIN_YEAR || d->m < 1 || d->m > 12 || d->d < 1 || d->d > days[d->m - 1])
        return 0;
    if (d->m == 2 && d->d == 29 && (d->y % 4 || (d->y % 100 == 0 && d->y % 400)))
        return 0;
    long v = (long)d->y * 10000 + d->m * 100 + d->d;
    return v <= latest_date();
}

void date_format(const ymd *d, char out[11])
{
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)d->y % 10000u, (unsigned)d->m % 100u,
             (unsigned)d->d % 100u);
}

/* Lower-cases s[0..n) into out (ASCII letters and Latin-1 capitals). */
static size_t fold(const unsigned char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        unsigned char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        else if (c >= 0x80 && c <= 0x9e && i && s[i - 1] == 0xc3)
            c = (unsigned char)(c + 0x20);
        out[k++] = (char)c;
    }
    out[k] = '\0';
    return k;
}

int date_month_name(const char *s, size_t n)
{
    pthread_once(&months_once, months_init);
    char w[MAX_MONTH_NAME + 1];
    if (n > MAX_MONTH_NAME)
        return 0;
    size_t k = fold((const unsigned char *)s, n, w, sizeof w);
    for (size_t i = 0; i < nmonth_names; i++)
        if (month_names[i].len == k && !memcmp(month_names[i].name, w, k))
            return month_names[i].month;
    return 0;
}

/* ---- A cursor over text ---- */

typedef struct cur {
    const unsigned char *s;
    size_t n, i;
} cur;

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static void skip_spaces(cur *c)
{
    while (c->i < c->n && (c->s[c->i] == ' ' || c->s[c->i] == '\t' || c->s[c->i] == '\n' ||
                           c->s[c->i] == '\r' || (c->s[c->i] == 0xc2 && c->i + 1 < c->n && c->s[c->i + 1] == 0xa0)))
        c->i += c->s[c->i] == 0xc2 ? 2 : 1;
}

/* Reads a number of 1 to max digits not followed by another digit;
 * returns its digit count (0: none). */
static int read_num(cur *c, int max, int *v)
{
    int k = 0;
    *v = 0;
    while (c->i < c->n && is_digit(c->s[c->i]) && k <= max)
        *v = *v * 10 + (c->s[c->i++] - '0'), k++;
    return k > max ? 0 : k;
}

static int read_char(cur *c, const char *set)
{
    if (c->i < c->n && c->s[c->i] && strchr(set, c->s[c->i]))
        return c->s[c->i++];
    return 0;
}

/* Reads a word; returns its length (0: none). */
static size_t read_word(cur *c, const unsigned char **w)
{
    *w = c->s + c->i;
    size_t start = c->i;
    while (c->i < c->n && is_letter(c->s[c->i]))
        c->i++;
    return c->i - start;
}

/* A year of four digits, or of two (20xx) when two is set. */
static int year_of(int v, int digits, int two)
{
    if (digits == 4)
        return v;
    return two && digits == 2 ? 2000 + v : -1;
}

/* ---- Patterns, each tried at one position ---- */

/* YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, and (compact set) YYYYMMDD. */
static int pat_iso(cur c, ymd *d, int compact)
{
    int y, m, dd, sep;
    int k = read_num(&c, 8, &y);
    if (k == 8 && compact) {
        d->y = y / 10000, d->m = y / 100 % 100, d->d = y % 100;
        return date_valid(d);
    }
    if (k != 4 || !(sep = read_char(&c, "-/._")) || !read_num(&c, 2, &m) ||
        !read_char(&c, (char[]){(char)sep, 0}) || !read_num(&c, 2, &dd))
        return 0;
    *d = (ymd){y, m, dd};
    return date_valid(d);
}

/* D.M.YYYY, D/M/YYYY, D-M-YYYY (or month first when us), and D.M.YY. */
static int pat_numeric(cur c, ymd *d, int us)
{
    int a, b, y, sep, ky;
    if (!read_num(&c, 2, &a) || !(sep = read_char(&c, "./-")) || !read_num(&c, 2, &b) ||
        !read_char(&c, (char[]){(char)sep, 0}) || !(ky = read_num(&c, 4, &y)))
        return 0;
    if ((y = year_of(y, ky, sep == '.')) < 0)
        return 0;
    int day = a, month = b;
    if ((us && a <= 12) || b > 12)
        day = b, month = a;
    *d = (ymd){y, month, day};
    return date_valid(d);
}

/* Skips the small words between a day and a month or a month and a year:
 * "de" (Spanish, Portuguese), "of" (English). */
static void skip_filler(cur *c)
{
    size_t save = c->i;
    const unsigned char *w;
    size_t n = read_word(c, &w);
    if ((n == 2 && (!memcmp(w, "de", 2) || !memcmp(w, "of", 2))) || (n == 3 && !memcmp(w, "del", 3)))
        skip_spaces(c);
    else
        c->i = save;
}

/* D[.] [de] Month[.] [de|,] YYYY. */
static int pat_day_month(cur c, ymd *d)
{
    int day, y, m;
    const unsigned char *w;
    if (!read_num(&c, 2, &day))
        return 0;
    read_char(&c, ".");
    const unsigned char *w2;
    size_t save = c.i;
    if (read_word(&c, &w2) == 2 && (!memcmp(w2, "st", 2) || !memcmp(w2, "nd", 2) ||
                                     !memcmp(w2, "rd", 2) || !memcmp(w2, "th", 2)))
        ;
    else
        c.i = save;
    skip_spaces(&c);
    skip_filler(&c);
    size_t n = read_word(&c, &w);
    if (!n || !(m = date_month_name((const char *)w, n)))
        return 0;
    read_char(&c, ".");
    skip_spaces(&c);
    skip_filler(&c);
    read_char(&c, ",");
    skip_spaces(&c);
    if (read_num(&c, 4, &y) != 4)
        return 0;
    *d = (ymd){y, m, day};
    return date_valid(d);
}

/* Month[.] D[st|nd|rd|th][,] YYYY. */
static int pat_month_day(cur c, ymd *d)
{
    int day, y, m;
    const unsigned char *w;
    size_t n = read_word(&c, &w);
    if (!n || !(m = date_month_name((const char *)w, n)))
        return 0;
    read_char(&c, ".");
    skip_spaces(&c);
    if (!read_num(&c, 2, &day))
        return 0;
    const unsigned char *sfx;
    size_t save = c.i;
    if (read_word(&c, &sfx) != 2)
        c.i = save;
    read_char(&c, ",");
    skip_spaces(&c);
    if (read_num(&c, 4, &y) != 4)
        return 0;
    *d = (ymd){y, m, day};
    return date_valid(d);
}

/* YYYY. Month D. (Hungarian). */
static int pat_year_month(cur c, ymd *d)
{
    int y, m, day;
    const unsigned char *w;
    if (read_num(&c, 4, &y) != 4 || !read_char(&c, "."))
        return 0;
    skip_spaces(&c);
    size_t n = read_word(&c, &w);
    if (!n || !(m = date_month_name((const char *)w, n)))
        return 0;
    skip_spaces(&c);
    if (!read_num(&c, 2, &day))
        return 0;
    *d = (ymd){y, m, day};
    return date_valid(d);
}

/* Reads one of the given UTF-8 marks (NUL-separated list, ends with an
 * empty one) at the cursor; returns 1 if one was there. */
static int read_mark(cur *c, const char *marks)
{
    for (const char *k = marks; *k; k += strlen(k) + 1) {
        size_t len = strlen(k);
        if (c->i + len <= c->n && !memcmp(c->s + c->i, k, len)) {
            c->i += len;
            return 1;
        }
    }
    return 0;
}

/* YYYY年M月D日 (Chinese, Japanese) and YYYY년 M월 D일 (Korean). */
static int pat_cjk(cur c, ymd *d)
{
    int y, m, day;
    if (read_num(&c, 4, &y) != 4)
        return 0;
    skip_spaces(&c);
    if (!read_mark(&c, "\xe5\xb9\xb4\0\xeb\x85\x84\0"))
        return 0;
    skip_spaces(&c);
    if (!read_num(&c, 2, &m))
        return 0;
    skip_spaces(&c);
    if (!read_mark(&c, "\xe6\x9c\x88\0\xec\x9b\x94\0"))
        return 0;
    skip_spaces(&c);
    if (!read_num(&c, 2, &day))
        return 0;
    *d = (ymd){y, m, day};
    return date_valid(d);
}

int date_at(const char *s, size_t n, size_t i, int us, ymd *d)
{
    cur c = {(const unsigned char *)s, n, i};
    unsigned char ch = c.s[i];
    if (is_digit(ch))
        return pat_iso(c, d, 0) || pat_numeric(c, d, us) || pat_day_month(c, d) ||
               pat_year_month(c, d) || pat_cjk(c, d);
    return is_letter(ch) && pat_month_day(c, d);
}

int date_find(const char *s, size_t n, int us, ymd *d, size_t *at)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (i && (is_digit(c) ? is_digit((unsigned char)s[i - 1]) : is_letter((unsigned char)s[i - 1])))
            continue; /* only at the start of a number or a word */
        if ((is_digit(c) || is_letter(c)) && date_at(s, n, i, us, d)) {
            if (at)
                *at = i;
            return 1;
        }
    }
    return 0;
}

int date_parse_iso(const char *s, ymd *d)
{
    if (!s)
        return 0;
    while (*s == ' ')
        s++;
    cur c = {(const unsigned char *)s, strlen(s), 0};
    return pat_iso(c, d, 1);
}

/* YYYY/MM/DD (or with "-", "_", ".") or YYYYMMDD in an address, at the
 * cursor. A month or day of one digit must end a path segment: in
 * /2031/10/3-questions-for the 3 begins a title, not a date. */
static int url_ymd(cur c, ymd *d)
{
    int y, m, day, sep, km, kd;
    int k = read_num(&c, 8, &y);
    if (k == 8) {
        *d = (ymd){y / 10000, y / 100 % 100, y % 100};
        return date_valid(d);
    }
    if (k != 4 || !(sep = read_char(&c, "-/._")) || !(km = read_num(&c, 2, &m)) ||
        !read_char(&c, (char[]){(char)sep, 0}) || !(kd = read_num(&c, 2, &day)))
        return 0;
    if ((km < 2 || kd < 2) && c.i < c.n && c.s[c.i] != '/')
        return 0;
    *d = (ymd){y, m, day};
    return date_valid(d);
}

int date_in_url(const char *url, ymd *d)
{
    if (!url)
        return 0;
    const char *p = strstr(url, "://");
    p = p ? strchr(p + 3, '/') : url;
    if (!p)
        return 0;
    size_t n = strcspn(p, "?#");
    for (size_t i = 0; i + 8 <= n; i++) {
        if (!is_digit((unsigned char)p[i]) || (i && is_digit((unsigned char)p[i - 1])))
            continue;
        cur c = {(const unsigned char *)p, n, i};
        if (url_ymd(c, d))
            return 1;
        int a, b, y, sep; /* day first: /29-10-2031 */
        if (read_num(&c, 2, &a) && (sep = read_char(&c, "-._/")) && read_num(&c, 2, &b) &&
            read_char(&c, (char[]){(char)sep, 0}) && read_num(&c, 4, &y) == 4 &&
            (c.i >= n || !is_digit(c.s[c.i]))) {
            *d = (ymd){y, b, a};
            if (date_valid(d))
                return 1;
        }
    }
    return 0;
}
