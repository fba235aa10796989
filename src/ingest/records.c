/* The container formats of the reader (reader.h, SHAPE_RECORDS): a feed,
 * a web archive or a URL read from a reader_source into records, with the
 * counts of what was skipped as a warning naming the input. A feed is read
 * whole (feeds are small); a web archive streams through the input, never
 * more than a window and one record in memory, all in one call or (group
 * article, reader_step_slot) one article per call; a URL is fetched. */
#include "core/alloc.h"
#include "ingest/feed.h"
#include "ingest/fetch.h"
#include "ingest/input.h"
#include "ingest/reader.h"
#include "ingest/warc.h"
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* feed_read refuses more than this; one byte over it is read so it can say so. */
#define FEED_READ_LIMIT (((size_t)2 << 30) + 1)

int reader_records_feed(const reader_source *src, ingest_record_fn fn, ingest_record_error_fn bad,
                        void *arg)
{
    if (!src->in)
        return NF_EINVAL;
    char *data;
    size_t len;
    int more;
    size_t limit = SIZE_MAX / 2 < FEED_READ_LIMIT ? SIZE_MAX / 2 : FEED_READ_LIMIT;
    int rc = nf_input_read_all(src->in, limit, &data, &len, &more);
    if (rc != NF_OK)
        return rc;
    feed_stats st;
    rc = feed_read(data, len, fn, bad, arg, &st);
    nf_free(data);
    if (src->r && st.items > st.records + st.errors)
        reader_warn(src->r, "%s: %ld of %ld items skipped (no body)", src->name,
                    st.items - st.records - st.errors, st.items);
    return rc;
}

static long input_source(void *in, char *buf, size_t n)
{
    return input_read(in, buf, n);
}

/* Says what the archive held besides articles: the records skipped, by why. */
static void warc_skipped(const reader_source *src, const warc_stats *st)
{
    const struct {
        long n;
        const char *why;
    } why[] = {{st->skipped_type, "not a response"},
               {st->skipped_revisit, "revisit"},
               {st->skipped_status, "HTTP status not 200"},
               {st->skipped_mime, "not HTML"}};
    char list[200] = "";
    long skipped = 0;
    for (size_t k = 0; k < sizeof why / sizeof *why; k++)
        if (why[k].n) {
            skipped += why[k].n;
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%ld %s",
                     list[0] ? ", " : "", why[k].n, why[k].why);
        }
    if (!src->r || !skipped)
        return;
    reader_warn(src->r, "%s: %ld of %ld records skipped (%s); %ld read as articles", src->name,
                skipped, st->records, list, st->articles);
    if (!st->articles && !st->errors)
        reader_skipped(src->r); /* nothing of it is read: the reader then says so */
}

/* The end of a reading: what it skipped, and a read error in its place. */
static int warc_finish(const reader_source *src, int rc, const warc_stats *st,
                       ingest_record_error_fn bad, void *arg)
{
    warc_skipped(src, st);
    if (rc == NF_EIO) {
        char msg[200];
        snprintf(msg, sizeof msg, "read error at byte %lld: %s", st->bytes_in,
                 strerror(nf_input_errno(src->in)));
        bad(st->records, st->bytes_in, msg, arg);
    }
    return rc;
}

/* One article or bad record of the reading in *step (opened on the first
 * call, closed at the end). */
static int warc_step(const reader_source *src, void **step, ingest_record_fn fn,
                     ingest_record_error_fn bad, void *arg)
{
    warc_reader *R = *step;
    if (!R) {
        int rc = warc_open(&R, input_source, src->in, NULL, 0, 0);
        if (rc)
            return rc;
        *step = R;
    }
    warc_item it;
    int k = warc_next(R, &it);
    if (k == WARC_RECORD)
        return fn(&it.rec, arg);
    if (k == WARC_ERROR)
        return bad(it.number, it.offset, it.message, arg);
    warc_stats st;
    *step = NULL;
    int rc = warc_close(R, &st);
    return warc_finish(src, rc, &st, bad, arg);
}

int reader_records_warc(const reader_source *src, ingest_record_fn fn, ingest_record_error_fn bad,
                        void *arg)
{
    if (!src->in)
        return NF_EINVAL;
    void **step = src->r ? reader_step_slot(src->r) : NULL;
    if (step)
        return warc_step(src, step, fn, bad, arg);
    warc_stats st;
    int rc = warc_read(input_source, src->in, NULL, 0, 0, fn, bad, arg, &st);
    return warc_finish(src, rc, &st, bad, arg);
}

void reader_records_warc_abort(void **step)
{
    if (*step)
        warc_close(*step, NULL);
    *step = NULL;
}

int reader_records_url(const reader_source *src, ingest_record_fn fn, ingest_record_error_fn bad,
                       void *arg)
{
    return fetch_url(src->name, NULL, fn, bad, arg);
}
