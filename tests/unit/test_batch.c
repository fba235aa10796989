/* Tests of src/batch/: the ordered pool (order, window and weight bounds,
 * the inline path, a stop), the docset hand-over, article lines, resuming
 * an output file, and allocation failures in each. */
#include "batch/batch.h"
#include "ingest/article_jsonl.h"
#include "test.h"
#include "core/utf8.h"
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

enum { NJOBS = 400 };

typedef struct job {
    int seq;
    unsigned delay_us;
    long result;
} job;

typedef struct ctx {
    pthread_mutex_t lock;
    int running, max_running; /* jobs inside work at once */
    int emitted[NJOBS], nemitted, dropped;
    int stop_at; /* emit returns 7 at this seq (-1: never) */
    int outstanding, max_outstanding; /* submitted, not yet emitted or dropped */
} ctx;

/* Work: a seeded, uneven delay, and a result computed from seq. */
static void work(void *arg, void *c_)
{
    job *j = arg;
    ctx *c = c_;
    pthread_mutex_lock(&c->lock);
    if (++c->running > c->max_running)
        c->max_running = c->running;
    pthread_mutex_unlock(&c->lock);
    usleep(j->delay_us);
    j->result = (long)j->seq * j->seq + 1;
    pthread_mutex_lock(&c->lock);
    c->running--;
    pthread_mutex_unlock(&c->lock);
}

static int emit(void *arg, void *c_)
{
    job *j = arg;
    ctx *c = c_;
    int rc = j->seq == c->stop_at ? 7 : 0;
    if (j->result == (long)j->seq * j->seq + 1)
        c->emitted[c->nemitted++] = j->seq; /* only jobs that did run */
    pthread_mutex_lock(&c->lock); /* emit may run on a worker */
    c->outstanding--;
    pthread_mutex_unlock(&c->lock);
    free(j);
    return rc;
}

static void drop(void *arg, void *c_)
{
    ctx *c = c_;
    c->dropped++;
    pthread_mutex_lock(&c->lock);
    c->outstanding--;
    pthread_mutex_unlock(&c->lock);
    free(arg);
}

/* Submits NJOBS jobs with pseudo-random delays (fixed seed) and returns
 * the last status; fills c. */
static int run_pool(ctx *c, int threads, size_t window, size_t max_weight)
{
    memset(c, 0, sizeof *c);
    pthread_mutex_init(&c->lock, NULL);
    c->stop_at = -1;
    batch_pool *p = batch_pool_new(threads, window, max_weight, work, emit, drop, c);
    if (!p)
        return -1;
    unsigned seed = 12345;
    int rc = 0;
    for (int i = 0; i < NJOBS; i++) {
        job *j = calloc(1, sizeof *j);
        seed = seed * 1103515245u + 12345u;
        j->seq = i, j->delay_us = (seed >> 16) % 400;
        pthread_mutex_lock(&c->lock);
        if (++c->outstanding > c->max_outstanding)
            c->max_outstanding = c->outstanding;
        pthread_mutex_unlock(&c->lock);
        rc = batch_pool_submit(p, j, 1);
    }
    int frc = batch_pool_finish(p);
    batch_pool_free(p);
    pthread_mutex_destroy(&c->lock);
    return rc ? rc : frc;
}

static int in_order(const ctx *c)
{
    for (int i = 0; i < c->nemitted; i++)
        if (c->emitted[i] != i)
            return 0;
    return 1;
}

TEST(pool_emits_in_submission_order)
{
    static ctx c;
    for (int threads = 0; threads <= 4; threads++) {
        CHECK(run_pool(&c, threads, 8, SIZE_MAX) == 0);
        CHECK(c.nemitted == NJOBS);
        CHECK(in_order(&c));
        CHECK(c.dropped == 0);
    }
}

TEST(pool_runs_jobs_at_once_within_the_window)
{
    static ctx c;
    CHECK(run_pool(&c, 4, 6, SIZE_MAX) == 0);
    CHECK(c.max_running > 1);     /* the workers overlapped */
    CHECK(c.max_running <= 4);    /* never more than the threads */
    CHECK(c.max_outstanding <= 6 + 1); /* the window (+ the one being submitted) */
    CHECK(run_pool(&c, 0, 6, SIZE_MAX) == 0);
    CHECK(c.max_running == 1 && c.max_outstanding == 1); /* inline: one at a time */
}

TEST(pool_weight_bound_limits_jobs_in_flight)
{
    static ctx c;
    /* Every job weighs 1: a bound of 2 keeps at most 2 in flight. */
    CHECK(run_pool(&c, 4, 64, 2) == 0);
    CHECK(c.max_running <= 2);
    CHECK(c.max_outstanding <= 3);
    CHECK(in_order(&c) && c.nemitted == NJOBS);
    /* A bound below one job's weight: each runs alone, none is refused. */
    CHECK(run_pool(&c, 4, 64, 0) == 0);
    CHECK(c.max_running == 1 && c.nemitted == NJOBS);
}

/* A stop: emit says 7 at seq 100; the rest are dropped, not emitted. */
static int run_stop(ctx *c, int threads)
{
    memset(c, 0, sizeof *c);
    pthread_mutex_init(&c->lock, NULL);
    c->stop_at = 100;
    batch_pool *p = batch_pool_new(threads, 8, SIZE_MAX, work, emit, drop, c);
    int first = 0;
    for (int i = 0; i < NJOBS; i++) {
        job *j = calloc(1, sizeof *j);
        j->seq = i;
        int rc = batch_pool_submit(p, j, 1);
        if (rc && !first)
            first = rc;
    }
    int frc = batch_pool_finish(p);
    batch_pool_free(p);
    pthread_mutex_destroy(&c->lock);
    return first == 7 && frc == 7;
}

TEST(pool_stop_drops_the_rest)
{
    static ctx c;
    for (int threads = 0; threads <= 2; threads++) {
        CHECK(run_stop(&c, threads));
        CHECK(c.nemitted == 101 && in_order(&c));
        CHECK(c.dropped == NJOBS - 101);
    }
}

TEST(pool_rejects_a_zero_window)
{
    static ctx c;
    CHECK(batch_pool_new(2, 0, SIZE_MAX, work, emit, drop, &c) == NULL);
    CHECK(batch_pool_new(-1, 4, SIZE_MAX, work, emit, drop, &c) == NULL);
}

TEST(docset_take_moves_everything)
{
    nf_docset *ds = nf_docset_new();
    CHECK(nf_docset_set_id(ds, "ev") == NF_OK);
    CHECK(nf_docset_add(ds, "a", "T", "2026-01-02", "One report about the flood.", 27) == NF_OK);
    CHECK(nf_docset_add_seen(ds, "s", NULL, NULL, "An old report.", 14) == NF_OK);
    nf_docset *to = batch_docset_take(ds);
    CHECK(to != NULL);
    CHECK(nf_docset_count(ds) == 0 && nf_docset_id(ds) == NULL && nf_docset_seen_count(ds) == 0);
    CHECK(nf_docset_count(to) == 1 && nf_docset_seen_count(to) == 1);
    CHECK_STR(nf_docset_id(to), "ev");
    CHECK_STR(nf_docset_doc_id(to, 0), "a");
    /* The emptied set is still usable, and both free cleanly. */
    CHECK(nf_docset_add(ds, NULL, NULL, NULL, "Another.", 8) == NF_OK);
    CHECK(nf_docset_count(ds) == 1);
    nf_docset_free(ds);
    nf_docset_free(to);
}

TEST(article_lines_parse_and_fail_with_reasons)
{
    article_line a;
    char err[256];
    const char *ok = "{\"event\":\"e1\",\"id\":\"x\",\"title\":null,\"date\":\"2026-05-01\",\"text\":\"Rain fell.\"}";
    CHECK(article_line_parse(&a, ok, strlen(ok), err, sizeof err) == NF_OK);
    CHECK_STR(a.event, "e1");
    CHECK_STR(a.id, "x");
    CHECK(a.title == NULL);
    CHECK_STR(a.date, "2026-05-01");
    CHECK(a.text_len == 10 && a.replaced == 0);
    nf_docset *ds = nf_docset_new();
    CHECK(article_line_add(ds, &a) == NF_OK && nf_docset_count(ds) == 1);
    nf_docset_free(ds);
    article_line_free(&a);

    /* Without an event (absent or null): an article of no event. */
    const char *none = "{\"id\":\"y\",\"text\":\"Rain.\"}";
    CHECK(article_line_parse(&a, none, strlen(none), err, sizeof err) == NF_OK);
    CHECK(a.event == NULL);
    article_line_free(&a);
    const char *null_event = "{\"event\":null,\"text\":\"Rain.\"}";
    CHECK(article_line_parse(&a, null_event, strlen(null_event), err, sizeof err) == NF_OK);
    CHECK(a.event == NULL);
    article_line_free(&a);

    const char *num = "{\"event\":42,\"text\":\"Bad \xff byte.\"}";
    CHECK(article_line_parse(&a, num, strlen(num), err, sizeof err) == NF_OK);
    CHECK_STR(a.event, "42");
    CHECK(a.replaced == 1 && a.id == NULL);
    article_line_free(&a);

    struct { const char *line, *why; } bad[] = {
        {"{\"event\":\"e\",\"text\":3}", "\"text\" must be a string"},
        {"{\"event\":\"\",\"text\":\"t\"}", "\"event\" must be a non-empty string"},
        {"{\"event\":[1],\"text\":\"t\"}", "\"event\" must be a non-empty string"},
        /* found by fuzz_article_group: cut at the NUL, two events merged */
        {"{\"event\":\"\\u0000a\",\"text\":\"t\"}", "string without NUL bytes, an integer or null"},
        {"{\"event\":\"e\\u0000\",\"text\":\"t\"}", "string without NUL bytes, an integer or null"},
        {"{\"event\":\"e\",\"id\":5,\"text\":\"t\"}", "\"id\" must be a string or null"},
        {"[1,2]", "an article must be a JSON object"},
        {"{\"event\":", "column"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        CHECK(article_line_parse(&a, bad[i].line, strlen(bad[i].line), err, sizeof err) == NF_EDATA);
        CHECK(strstr(err, bad[i].why) != NULL);
        article_line_free(&a);
    }
    CHECK(nf_batch_is_article_line(ok, strlen(ok)) == 1);
    CHECK(nf_batch_is_article_line("{\"id\":\"c\",\"documents\":[]}", 25) == 0);
    CHECK(nf_batch_is_article_line("{\"event\":1,\"documents\":[]}", 26) == 0);
    CHECK(nf_batch_is_article_line("{\"text\":\"x\"}", 12) == 1); /* an article without an event */
    CHECK(nf_batch_is_article_line("{\"id\":\"x\"}", 10) == 0);
    CHECK(nf_batch_is_article_line("not json", 8) == -1);
    CHECK(nf_batch_is_article_line(NULL, 0) == -1);
}

/* Returns 1 if the NUL-terminated s is valid UTF-8. */
static int valid_utf8(const char *s)
{
    for (size_t n = strlen(s), k; n; s += k, n -= k)
        if (!(k = utf8_valid_char((const unsigned char *)s, n)))
            return 0;
    return 1;
}

TEST(article_errors_are_cut_at_a_character_boundary)
{
    /* jansson's message quotes the bytes it stopped at, here the first
     * byte of "é" after a backslash: the error record then held a lone
     * 0xC3 (the cluster reader cut it already). A short err buffer may
     * also end inside a character. */
    static const char *const lines[] = {
        "{\"event\":1,\"id\":\"a\",\"text\":\"Th\\\xc3\xa9\"}",
        "{\"event\":1,\"text\":\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9}",
        "{\"event\":1,\"text\":\"\xe2\x82\xac\\\xe2\x82\xac\"}",
    };
    article_line a;
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
        for (size_t errlen = 8; errlen <= 256; errlen++) {
            char err[256];
            CHECK(article_line_parse(&a, lines[i], strlen(lines[i]), err, errlen) == NF_EDATA);
            if (!valid_utf8(err))
                fprintf(stderr, "  line %zu, errlen %zu: \"%s\"\n", i, errlen, err);
            CHECK(valid_utf8(err));
            article_line_free(&a);
        }
}

/* Feeds one article line to nf_batch_article_group; returns its status and
 * the id of the event it closed (or "-") in closed_id. */
static int group_line(nf_docset **open, const char *line, char *closed_id, char **bad_id)
{
    nf_docset *closed;
    char err[256];
    int rc = nf_batch_article_group(open, &closed, line, strlen(line), bad_id, err, sizeof err);
    snprintf(closed_id, 32, "%s", closed ? nf_docset_id(closed) : "-");
    if (closed)
        CHECK(nf_docset_count(closed) >= 1);
    nf_docset_free(closed);
    return rc;
}

TEST(article_group_closes_an_event_when_another_begins)
{
    nf_docset *open = NULL;
    char closed[32], *bad = NULL;
    CHECK(group_line(&open, "{\"event\":\"a\",\"text\":\"One.\"}", closed, &bad) == NF_OK);
    CHECK_STR(closed, "-");
    CHECK(group_line(&open, "{\"event\":\"a\",\"id\":\"a2\",\"text\":\"Two.\"}", closed, &bad) == NF_OK);
    CHECK_STR(closed, "-");
    CHECK(open && nf_docset_count(open) == 2);
    /* A bad line neither closes nor joins the event, and names its article. */
    CHECK(group_line(&open, "{\"event\":\"b\",\"id\":\"bad\",\"text\":1}", closed, &bad) == NF_EDATA);
    CHECK_STR(closed, "-");
    CHECK_STR(bad, "bad");
    nf_free(bad);
    CHECK(group_line(&open, "{\"event\":", closed, &bad) == NF_EDATA && bad == NULL);
    CHECK(nf_docset_count(open) == 2);
    CHECK(group_line(&open, "{\"event\":7,\"text\":\"Three.\"}", closed, &bad) == NF_OK);
    CHECK_STR(closed, "a");
    CHECK_STR(nf_docset_id(open), "7");
    CHECK(group_line(&open, "{\"event\":\"a\",\"text\":\"Four.\"}", closed, &bad) == NF_OK);
    CHECK_STR(closed, "7"); /* a again: a new event, not the first one */
    CHECK(nf_docset_count(open) == 1);
    nf_docset_free(open);
}

TEST(articles_without_an_event_make_one_event)
{
    nf_docset *open = NULL, *closed = NULL;
    char err[256], *bad = NULL;
    const char *lines[] = {"{\"event\":\"a\",\"text\":\"One.\"}", "{\"text\":\"Two.\"}",
                           "{\"event\":null,\"text\":\"Three.\"}", "{\"event\":\"b\",\"text\":\"Four.\"}"};
    CHECK(nf_batch_article_group(&open, &closed, lines[0], strlen(lines[0]), &bad, err, sizeof err) == NF_OK);
    CHECK(!closed);
    /* An article without an event ends event a and opens the set of none. */
    CHECK(nf_batch_article_group(&open, &closed, lines[1], strlen(lines[1]), &bad, err, sizeof err) == NF_OK);
    CHECK(closed && nf_docset_id(closed) && !strcmp(nf_docset_id(closed), "a"));
    nf_docset_free(closed);
    CHECK(nf_batch_article_group(&open, &closed, lines[2], strlen(lines[2]), &bad, err, sizeof err) == NF_OK);
    CHECK(!closed && nf_docset_count(open) == 2 && nf_docset_id(open) == NULL);
    CHECK(nf_batch_article_group(&open, &closed, lines[3], strlen(lines[3]), &bad, err, sizeof err) == NF_OK);
    CHECK(closed && nf_docset_id(closed) == NULL && nf_docset_count(closed) == 2);
    CHECK_STR(nf_docset_id(open), "b");
    nf_docset_free(closed);
    nf_docset_free(open);
}

/* A DUC 2007-like set: id, update set (or NULL) and n one-line reports. */
static nf_docset *update_set(const char *id, const char *set, int n)
{
    char line[512];
    int k = snprintf(line, sizeof line, "{\"id\":\"%s\",%s%s%s\"documents\":[", id,
                     set ? "\"update_set\":\"" : "", set ? set : "", set ? "\"," : "");
    for (int i = 0; i < n; i++)
        k += snprintf(line + k, sizeof line - (size_t)k,
                      "%s\"Report %d of %s says the harbour wall fell in the storm.\"", i ? "," : "", i, id);
    snprintf(line + k, sizeof line - (size_t)k, "]}");
    nf_docset *ds = nf_docset_new();
    CHECK(nf_docset_add_json(ds, line, strlen(line)) == NF_OK);
    return ds;
}

/* Runs one set through the history; returns how many seen reports it got. */
static size_t history_step(nf_docset **history, const char *id, const char *set, int n)
{
    nf_docset *ds = update_set(id, set, n);
    CHECK(nf_batch_update_history(history, ds) == NF_OK);
    size_t seen = nf_docset_seen_count(ds);
    nf_docset_free(ds);
    return seen;
}

TEST(update_history_chains_the_sets_of_a_topic)
{
    nf_docset *h = NULL;
    CHECK(history_step(&h, "T1-A", "A", 3) == 0);
    CHECK(history_step(&h, "plain", NULL, 2) == 0); /* no update set: history kept */
    CHECK(history_step(&h, "T1-B", "B", 2) == 3);
    CHECK(history_step(&h, "T1-C", "C", 1) == 5);
    CHECK(history_step(&h, "T2-B", "B", 2) == 0); /* another topic starts anew */
    CHECK(history_step(&h, "T2-C", "C", 2) == 2);
    CHECK(history_step(&h, "T2-A", "A", 1) == 0); /* set A starts anew */
    CHECK_STR(nf_docset_id(h), "T2-A");
    CHECK(history_step(&h, "T2-B", "B", 1) == 1);
    nf_docset_free(h);
}

TEST(a_time_limit_marks_the_summary)
{
    nf_docset *ds = update_set("ev", NULL, 3);
    nf_options *o = nf_options_new();
    nf_summary *s = NULL;
    CHECK(nf_options_set(o, "max_seconds", "0") == NF_OK);
    CHECK(nf_summarize(ds, o, &s) == NF_OK);
    CHECK(nf_summary_timed(s) == 0);
    nf_summary_free(s);
    CHECK(nf_options_set(o, "max_seconds", "0.000000001") == NF_OK);
    CHECK(nf_summarize(ds, o, &s) == NF_OK);
    CHECK(nf_summary_timed(s) == 1);
    nf_summary_free(s);
    CHECK(nf_summary_timed(NULL) == 0);
    nf_options_free(o);
    nf_docset_free(ds);
}

TEST(public_batch_calls_refuse_null_arguments)
{
    nf_docset *open = NULL, *ds = nf_docset_new(), *closed = ds;
    char err[16], *bad = err;
    const char *line = "{\"event\":1,\"text\":\"t\"}";
    size_t n = strlen(line);
    CHECK(nf_batch_article_group(NULL, &closed, line, n, &bad, err, sizeof err) == NF_EINVAL);
    CHECK(closed == NULL && bad == NULL); /* set in every case */
    CHECK(nf_batch_article_group(&open, NULL, line, n, &bad, err, sizeof err) == NF_EINVAL);
    CHECK(nf_batch_article_group(&open, &closed, line, n, NULL, err, sizeof err) == NF_EINVAL);
    CHECK(nf_batch_article_group(&open, &closed, line, n, &bad, NULL, sizeof err) == NF_EINVAL);
    CHECK(nf_batch_article_group(&open, &closed, line, n, &bad, err, 0) == NF_EINVAL);
    CHECK(nf_batch_article_group(&open, &closed, NULL, 3, &bad, err, sizeof err) == NF_EINVAL);
    CHECK(open == NULL);
    /* An empty line is a bad article, not a bad call. */
    CHECK(nf_batch_article_group(&open, &closed, NULL, 0, &bad, err, sizeof err) == NF_EDATA);
    CHECK(open == NULL && closed == NULL && bad == NULL);
    CHECK(nf_batch_update_history(NULL, ds) == NF_EINVAL);
    CHECK(nf_batch_update_history(&open, NULL) == NF_EINVAL);
    nf_docset_free(ds);
    char *rec = err;
    size_t len = 9;
    CHECK(nf_batch_error_record(NULL, 1, NULL, "m", &rec, &len) == NF_EINVAL);
    CHECK(rec == NULL && len == 0);
    CHECK(nf_batch_error_record("f", 1, NULL, NULL, &rec, &len) == NF_EINVAL);
    CHECK(nf_batch_error_record("f", 1, NULL, "m", NULL, &len) == NF_EINVAL);
}

TEST(error_record_escapes_as_newsfuse_batch_does)
{
    char *rec;
    size_t len;
    CHECK(nf_batch_error_record("in.jsonl", 7, NULL, "\"text\" must be a string", &rec, &len) == NF_OK);
    CHECK_STR(rec, "{\"schema\":\"newsfuse/2\",\"id\":null,\"error\":{\"file\":\"in.jsonl\","
                   "\"line\":7,\"message\":\"\\\"text\\\" must be a string\"}}");
    CHECK(len == strlen(rec));
    nf_free(rec);
    /* Backslash, control bytes as \u00XX (no short escapes), DEL and
     * UTF-8 kept, each invalid byte one U+FFFD; len may be NULL. */
    CHECK(nf_batch_error_record("a\\b\tc\x7f", -1, "caf\xc3\xa9\xc3", "x\ny\xff\xfez", &rec, NULL) == NF_OK);
    CHECK_STR(rec, "{\"schema\":\"newsfuse/2\",\"id\":\"caf\xc3\xa9\\ufffd\",\"error\":{\"file\":"
                   "\"a\\\\b\\u0009c\x7f\",\"line\":-1,\"message\":\"x\\u000ay\\ufffd\\ufffdz\"}}");
    nf_free(rec);
}

/* Writes s to a new temporary file open read-write; returns the fd. */
static int temp_file(const char *s, char *path)
{
    strcpy(path, "/tmp/nf_test_batch_XXXXXX");
    int fd = mkstemp(path);
    if (fd >= 0 && write(fd, s, strlen(s)) != (ssize_t)strlen(s)) {
        close(fd);
        return -1;
    }
    return fd;
}

TEST(resume_counts_lines_and_cuts_a_partial_one)
{
    char path[64];
    long n = -1;
    char *id = NULL;
    const char *complete = "{\"id\":\"a\"}\n{\"id\":null,\"error\":{}}\n{\"id\":\"c\"}\n";
    char text[128];
    snprintf(text, sizeof text, "%s{\"id\":\"d\",\"summ", complete);
    int fd = temp_file(text, path);
    CHECK(fd >= 0);
    CHECK(batch_resume_scan(fd, &n, &id) == NF_OK);
    CHECK(n == 3);
    CHECK_STR(id, "c");
    CHECK(lseek(fd, 0, SEEK_CUR) == (off_t)strlen(complete)); /* at the end, after the cut */
    CHECK(lseek(fd, 0, SEEK_END) == (off_t)strlen(complete));
    free(id);
    close(fd);
    unlink(path);

    fd = temp_file("", path);
    CHECK(batch_resume_scan(fd, &n, &id) == NF_OK && n == 0 && id == NULL);
    close(fd);
    unlink(path);
    fd = temp_file("{\"id\":\"a\"}\n{\"id\":null,\"error\":{}}\n", path);
    CHECK(batch_resume_scan(fd, &n, &id) == NF_OK && n == 2 && id == NULL);
    close(fd);
    unlink(path);
    CHECK(batch_resume_scan(-1, &n, &id) == NF_EIO);
}

/* Allocation failure at the Nth call (0 = never). */
static long fail_at, calls;
static void *failing_malloc(size_t n) { return ++calls == fail_at ? NULL : malloc(n); }
static void *failing_realloc(void *p, size_t n) { return ++calls == fail_at ? NULL : realloc(p, n); }

TEST(allocation_failures_are_reported)
{
    static ctx c;
    const char *line = "{\"event\":\"e1\",\"id\":\"x\",\"text\":\"Rain fell on the town.\"}";
    int pool_failed = 0, parse_failed = 0, take_failed = 0, record_failed = 0;
    for (fail_at = 1; fail_at < 40; fail_at++) {
        calls = 0;
        nf_set_allocator(failing_malloc, failing_realloc, free);
        batch_pool *p = batch_pool_new(2, 4, SIZE_MAX, work, emit, drop, &c);
        pool_failed += p == NULL;
        batch_pool_free(p);
        calls = 0;
        article_line a;
        char err[64];
        int rc = article_line_parse(&a, line, strlen(line), err, sizeof err);
        CHECK(rc == NF_OK || rc == NF_ENOMEM || rc == NF_EDATA);
        parse_failed += rc != NF_OK;
        article_line_free(&a);
        nf_set_allocator(NULL, NULL, NULL);
        nf_docset *ds = nf_docset_new();
        nf_set_allocator(failing_malloc, failing_realloc, free);
        calls = 0;
        nf_docset *to = batch_docset_take(ds);
        take_failed += to == NULL;
        calls = 0;
        char *rec = NULL;
        size_t len = 1;
        int rrc = nf_batch_error_record("f", 1, "id", "a message", &rec, &len);
        CHECK(rrc == NF_OK ? rec != NULL && len > 0 : rrc == NF_ENOMEM && !rec && !len);
        record_failed += rrc != NF_OK;
        nf_free(rec);
        nf_set_allocator(NULL, NULL, NULL);
        nf_docset_free(to);
        nf_docset_free(ds);
    }
    CHECK(pool_failed >= 3);  /* each of its allocations */
    CHECK(parse_failed >= 2);
    CHECK(take_failed == 1);  /* its one allocation */
    CHECK(record_failed >= 1); /* its growing buffer */
}

int main(void)
{
    RUN(pool_emits_in_submission_order);
    RUN(pool_runs_jobs_at_once_within_the_window);
    RUN(pool_weight_bound_limits_jobs_in_flight);
    RUN(pool_stop_drops_the_rest);
    RUN(pool_rejects_a_zero_window);
    RUN(docset_take_moves_everything);
    RUN(article_lines_parse_and_fail_with_reasons);
    RUN(article_errors_are_cut_at_a_character_boundary);
    RUN(article_group_closes_an_event_when_another_begins);
    RUN(articles_without_an_event_make_one_event);
    RUN(update_history_chains_the_sets_of_a_topic);
    RUN(a_time_limit_marks_the_summary);
    RUN(public_batch_calls_refuse_null_arguments);
    RUN(error_record_escapes_as_newsfuse_batch_does);
    RUN(resume_counts_lines_and_cuts_a_partial_one);
    RUN(allocation_failures_are_reported);
    TEST_EXIT();
}
