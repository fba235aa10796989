/* Container dates (feeds, WARC) to one ISO 8601 form: see record_date.h. */
#include "ingest/record_date.h"
#include <string.h>
#include <strings.h>

/* A date being read: the fields found so far; zone_min is the offset east
 * of UTC in minutes, has_zone says whether the text gave one. */
typedef struct rdate {
    int year, month, day, hour, min, sec;
    int has_time, has_zone, zone_min;
} rdate;

/* A cursor over the text. */
typedef struct cur {
    const char *s, *end;
} cur;

static void skip_space(cur *c)
{
    while (c->s < c->end && (*c->s == ' ' || *c->s == '\t' || *c->s == '\r' || *c->s == '\n'))
        c->s++;
}

/* Reads between min and max digits; returns the number, or -1 (cursor
 * unmoved) when there are fewer than min digits. */
static int digits(cur *c, int min, int max)
{
    int v = 0, k = 0;
    while (k < max && c->s + k < c->end && c->s[k] >= '0' && c->s[k] <= '9')
        v = v * 10 + (c->s[k++] - '0');
    if (k < min)
        return -1;
    c->s += k;
    return v;
}

static int eat(cur *c, char ch)
{
    if (c->s < c->end && *c->s == ch) {
        c->s++;
        return 1;
    }
    return 0;
}

/* Days in month m (1-12) of year y, proleptic Gregorian. */
static int month_days(int y, int m)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : d[m - 1];
}

/* Returns 1 when the fields make a real date and time. */
static int rdate_valid(const rdate *d)
{
    if (d->year < 1000 || d->year > 9999 || d->month < 1 || d->month > 12 || d->day < 1 ||
        d->day > month_days(d->year, d->month))
        return 0;
    if (d->has_time && (d->hour > 23 || d->min > 59 || d->sec > 60))
        return 0;
    return !d->has_zone || (d->zone_min > -24 * 60 && d->zone_min < 24 * 60);
}

/* Reads a numeric zone "+HH:MM", "+HHMM", "+HH" or "Z" at the cursor.
 * Returns 1 when one was read. */
static int zone_numeric(cur *c, rdate *d)
{
    if (c->s < c->end && (*c->s == 'Z' || *c->s == 'z')) {
        c->s++;
        d->has_zone = 1, d->zone_min = 0;
        return 1;
    }
    if (c->s >= c->end || (*c->s != '+' && *c->s != '-'))
        return 0;
    int sign = *c->s == '-' ? -1 : 1;
    cur save = *c;
    c->s++;
    int h = digits(c, 2, 2), m = 0;
    if (h < 0) {
        *c = save;
        return 0;
    }
    eat(c, ':');
    if (c->s < c->end && *c->s >= '0' && *c->s <= '9' && (m = digits(c, 2, 2)) < 0) {
        *c = save;
        return 0;
    }
    d->has_zone = 1, d->zone_min = sign * (h * 60 + m);
    return 1;
}

/* Reads "HH:MM[:SS[.fraction]]" at the cursor. Returns 1 when read. */
static int clock_time(cur *c, rdate *d)
{
    cur save = *c;
    int h = digits(c, 1, 2);
    if (h < 0 || !eat(c, ':')) {
        *c = save;
        return 0;
    }
    int m = digits(c, 2, 2), s = 0;
    if (m < 0) {
        *c = save;
        return 0;
    }
    if (eat(c, ':') && (s = digits(c, 2, 2)) < 0) {
        *c = save;
        return 0;
    }
    if (eat(c, '.') || eat(c, ','))
        while (c->s < c->end && *c->s >= '0' && *c->s <= '9')
            c->s++;
    d->hour = h, d->min = m, d->sec = s, d->has_time = 1;
    return 1;
}

/* ISO 8601 / RFC 3339: "YYYY-MM-DD" then optionally [T or space] time and
 * zone. Returns 1 when the whole text was read. */
static int parse_iso(cur c, rdate *d)
{
    if ((d->year = digits(&c, 4, 4)) < 0 || !eat(&c, '-') || (d->month = digits(&c, 2, 2)) < 0 ||
        !eat(&c, '-') || (d->day = digits(&c, 2, 2)) < 0)
        return 0;
    if (c.s < c.end && (*c.s == 'T' || *c.s == 't' || *c.s == ' ')) {
        c.s++;
        if (!clock_time(&c, d))
            return 0;
        skip_space(&c);
        zone_numeric(&c, d);
        if (!d->has_zone && c.end - c.s >= 3 && !strncasecmp(c.s, "UTC", 3))
            c.s += 3, d->has_zone = 1, d->zone_min = 0;
    }
    skip_space(&c);
    return c.s == c.end;
}

/* The month of a name ("Apr", "April", "Sept"), or 0. */
static int month_of(const char *s, size_t n)
{
    static const char *const names[12] = {"january", "february", "march",     "april",
                                          "may",     "june",     "july",      "august",
                                          "september", "october", "november", "december"};
    if (n < 3)
        return 0;
    for (int m = 0; m < 12; m++)
        if (n <= strlen(names[m]) && !strncasecmp(s, names[m], n))
            return m + 1;
    return n == 4 && !strncasecmp(s, "sept", 4) ? 9 : 0;
}

/* The length of the run of letters at the cursor. */
static size_t letters(const cur *c)
{
    size_t k = 0;
    while (c->s + k < c->end && ((c->s[k] | 0x20) >= 'a' && (c->s[k] | 0x20) <= 'z'))
        k++;
    return k;
}

/* A zone by name (RFC 822's and the common North American ones): sets the
 * zone when known; an unknown name leaves none (local time as written). */
static void zone_named(const char *s, size_t n, rdate *d)
{
    static const struct {
        const char *name;
        int hours;
    } z[] = {{"GMT", 0}, {"UT", 0},  {"UTC", 0}, {"Z", 0},   {"EST", -5}, {"EDT", -4}, {"CST", -6},
             {"CDT", -5}, {"MST", -7}, {"MDT", -6}, {"PST", -8}, {"PDT", -7}};
    for (size_t i = 0; i < sizeof z / sizeof *z; i++)
        if (strlen(z[i].name) == n && !strncasecmp(s, z[i].name, n)) {
            d->has_zone = 1, d->zone_min = z[i].hours * 60;
            return;
        }
}

/* RFC 822 / 2822: "[Day,] DD Mon YYYY [HH:MM[:SS]] [zone]"; two-digit years
 * are 19xx from 50 up, else 20xx (RFC 2822). Returns 1 when read; trailing
 * text after the zone (a comment) is ignored. */
static int parse_rfc822(cur c, rdate *d)
{
    size_t k = letters(&c);
    if (k) { /* a day name, with or without its comma */
        c.s += k;
        eat(&c, ',');
        skip_space(&c);
    }
    if ((d->day = digits(&c, 1, 2)) < 0)
        return 0;
    skip_space(&c);
    eat(&c, '-');
    if (!(k = letters(&c)) || !(d->month = month_of(c.s, k)))
        return 0;
    c.s += k;
    eat(&c, '.');
    skip_space(&c);
    eat(&c, '-');
    const char *ys = c.s;
    if ((d->year = digits(&c, 2, 4)) < 0 || c.s - ys == 3)
        return 0;
    if (c.s - ys == 2)
        d->year += d->year < 50 ? 2000 : 1900;
    skip_space(&c);
    if (clock_time(&c, d)) {
        skip_space(&c);
        if (!zone_numeric(&c, d) && (k = letters(&c)))
            zone_named(c.s, k, d);
    }
    return 1;
}

/* Writes v (0 <= v < 10^width, checked by rdate_valid) in width digits,
 * then sep unless it is 0; returns the end. */
static char *put_num(char *w, int v, int width, char sep)
{
    for (int k = width - 1; k >= 0; k--, v /= 10)
        w[k] = (char)('0' + v % 10);
    w += width;
    if (sep)
        *w++ = sep;
    return w;
}

int record_date_norm(const char *s, size_t n, char out[RECORD_DATE_MAX])
{
    out[0] = '\0';
    if (!s)
        return 0;
    cur c = {s, s + n};
    skip_space(&c);
    while (c.end > c.s && (c.end[-1] == ' ' || c.end[-1] == '\t' || c.end[-1] == '\r' ||
                           c.end[-1] == '\n'))
        c.end--;
    rdate d = {0};
    if (!parse_iso(c, &d)) {
        memset(&d, 0, sizeof d);
        if (!parse_rfc822(c, &d))
            return 0;
    }
    if (!rdate_valid(&d))
        return 0;
    char *w = out;
    w = put_num(w, d.year, 4, '-');
    w = put_num(w, d.month, 2, '-');
    w = put_num(w, d.day, 2, d.has_time ? 'T' : 0);
    if (d.has_time) {
        w = put_num(w, d.hour, 2, ':');
        w = put_num(w, d.min, 2, ':');
        w = put_num(w, d.sec, 2, 0);
        if (d.has_zone && !d.zone_min)
            *w++ = 'Z';
        else if (d.has_zone) {
            int z = d.zone_min < 0 ? -d.zone_min : d.zone_min;
            *w++ = d.zone_min < 0 ? '-' : '+';
            w = put_num(w, z / 60, 2, ':');
            w = put_num(w, z % 60, 2, 0);
        }
    }
    *w = '\0';
    return 1;
}
