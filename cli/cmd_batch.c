/* newsfuse batch: every event of a corpus summarized on all cores, one
 * record per event, in input order, in bounded memory. The library's
 * reader (nf_reader_*) reads the input and holds the rules of reading
 * (formats, article grouping, update-set history); it leaves the lines of
 * one-event-per-line corpora unread ("defer") for the workers to parse;
 * src/batch/ runs the ordered worker pool; this file hands the events to
 * the workers and writes the records. */
#include "batch/batch.h"
#include "commands.h"
#include "newsfuse.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int cmd_batch(int argc, char **argv); /* registered in cli/main.c */

/* The window of events in flight: enough that one long event does not
 * idle the other workers, small enough to bound memory (the reports'
 * bytes in flight; a larger event waits to run alone). */
enum { WINDOW_PER_THREAD = 32, WINDOW_BYTES = 16 << 20 };

/* One record to produce: an event to summarize, or an error record. */
typedef struct batch_job {
    nf_docset *ds; /* NULL for an error record made by the reader; its record may
                      still be to read (nf_docset_pending), by the worker */
    char *bad;     /* why the line could not be read (malloc), said on stderr in order */
    long line;     /* the event's (last) input line */
    char *out;     /* the record, newline included (malloc) */
    size_t len;
    int failed;
    int timed;      /* a time limit cut its summary (nf_summary_timed) */
    char *timed_id; /* then the event's id, for the warning (malloc, or NULL) */
} batch_job;

typedef struct batch_run {
    nf_options *opts;
    const char *in, *out_path;
    const char *input; /* a name of nf_reader_formats, NULL for auto */
    long threads;
    int resume, fd, tty;
    int cluster;             /* --cluster: the input is a stream of articles */
    char cluster_path[64];   /* then its events, as cluster JSONL (a temporary file) */
    long skip, records; /* records already in the output; records read */
    char *resume_id;    /* the id of the last record already written */
    uint64_t *resume_keys; /* the keys of the records already written (batch_record_key) */
    long done, failed, timed, total_lines;
    int bad_lines; /* a line could not be read (written now or by the earlier run) */
    struct timespec start, shown;
    batch_pool *pool;
    int stopped;
} batch_run;

static void batch_usage(FILE *out)
{
    fprintf(out,
            "usage: newsfuse batch [options] IN.jsonl [-o OUT.jsonl]\n\n"
            "Summarizes every event of IN (a file, or - for standard input) and writes\n"
            "one JSON record per event to OUT (default standard output), in input\n"
            "order, schema newsfuse/2: the same records as 'summarize --format jsonl'.\n"
            "The output is byte for byte the same whatever -j is, for every event that no\n"
            "time limit cut: an event that hits one (--max-seconds, 30 s by default, or\n"
            "the ilp method's solver limit) is named on standard error, as its summary\n"
            "then depends on the machine's speed and load (--max-seconds 0: no limit).\n\n"
            "IN is one of (--input, default auto: recognised by its name and first\n"
            "lines, standard input too):\n"
            "  cluster    cluster JSONL (or jsonl): one event per line, {\"id\",\n"
            "             \"documents\": [...]} (update sets B, C of a topic read the\n"
            "             earlier sets as seen)\n"
            "  multinews  Multi-News lines: documents separated by |||||\n"
            "  articles   article JSONL: one report per line, {\"event\", \"id\",\n"
            "             \"title\", \"date\", \"text\"}. CONSECUTIVE lines with the same\n"
            "             event make one event (sort or group the file by event first:\n"
            "             a later run of the same event makes a second record); lines\n"
            "             without an event, one event\n"
            "  text, html a report (a text file, a web page): one event, one record\n\n"
            "options:\n"
            "  -o, --output OUT  write here (default -, standard output)\n"
            "  -j, --jobs N      worker threads (default: every online core)\n"
            "  --cluster         IN is a stream of articles (as newsfuse cluster reads,\n"
            "                    with its defaults): group them into events first, then\n"
            "                    summarize each event (its id e1, e2, ... in order of\n"
            "                    opening; records in the order the events end)\n"
            "  --resume          OUT holds the records of an interrupted run: keep them\n"
            "                    (a trailing partial line is dropped) and do the rest\n"
            "  --input NAME      auto, text, html, cluster (or jsonl), articles, multinews\n"
            "  and every summarize option: --words, --sentences, --bytes, --ratio, --cut,\n"
            "  --method, --language, --order, --min-words, --query, --idf, --facts... (see\n"
            "  summarize --help)\n\n"
            "Memory is bounded by a window of events in flight (32 x N events and 16 MB\n"
            "of report text; a larger event runs alone), whatever the input's size:\n"
            "only the largest single event must fit.\n"
            "A line that cannot be read, or an event that fails, becomes an error record\n"
            "{\"id\", \"error\": {\"file\", \"line\", \"message\"}} in its place, and the run\n"
            "goes on. A progress line (events, rate, elapsed, ETA) goes to standard error\n"
            "when it is a terminal.\n\n"
            "Exit status: 0 success, 1 some record failed or OUT could not be written,\n"
            "2 bad usage.\n");
}

/* Parses -j's value: a positive count. */
static int parse_jobs(batch_run *r, const char *v)
{
    r->threads = cli_parse_count(v);
    if (r->threads < 1 || r->threads > 1024)
        return cli_error(EXIT_USAGE, "batch: -j must be a number from 1 to 1024");
    return EXIT_OK;
}

/* Handles one flag with a value; returns an exit code. */
static int parse_flag(batch_run *r, const char *f, const char *v)
{
    if (!strcmp(f, "-o") || !strcmp(f, "--output"))
        return r->out_path = v, EXIT_OK;
    if (!strcmp(f, "-j") || !strcmp(f, "--jobs"))
        return parse_jobs(r, v);
    if (!strcmp(f, "--input"))
        return cli_check_input(v, "batch") == EXIT_OK ? (r->input = v, EXIT_OK) : EXIT_USAGE;
    if (strncmp(f, "--", 2) || !strcmp(f, "--seen") || !strcmp(f, "--format"))
        return cli_error(EXIT_USAGE, "batch: unknown option '%s' (see --help)", f);
    return cli_set_option(r->opts, f, v, "batch");
}

/* A directory of reports is what summarize and facts read: batch would
 * only meet a read error in it, so it says where such input goes. */
static int refuse_directory(const char *in)
{
    struct stat st;
    if (!strcmp(in, "-") || stat(in, &st) || !S_ISDIR(st.st_mode))
        return EXIT_OK;
    return cli_error(EXIT_USAGE, "batch: %s is a directory: batch reads one corpus file (cluster "
                     "JSONL, Multi-News or article JSONL, an event per line or group of lines); "
                     "a directory of reports about one event goes to 'newsfuse summarize %s' (or "
                     "'newsfuse facts %s')", in, in, in);
}

/* Fills r from the command line; -1 after --help. */
static int parse_args(batch_run *r, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *f = argv[i];
        if (!strcmp(f, "--help") || !strcmp(f, "-h"))
            return batch_usage(stdout), -1;
        if (f[0] != '-' || !f[1]) {
            if (r->in)
                return cli_error(EXIT_USAGE, "batch: one input only (got '%s' and '%s')", r->in, f);
            r->in = f;
        } else if (!strcmp(f, "--resume"))
            r->resume = 1;
        else if (!strcmp(f, "--cluster"))
            r->cluster = 1;
        else if (cli_set_switch(r->opts, f))
            continue;
        else if (i + 1 >= argc)
            return cli_error(EXIT_USAGE, "batch: '%s' needs a value or is unknown (see --help)", f);
        else if (parse_flag(r, f, argv[++i]) != EXIT_OK)
            return EXIT_USAGE;
    }
    if (!r->in)
        return batch_usage(stderr), cli_error(EXIT_USAGE, "batch: no input (use - for stdin)");
    if (r->resume && !strcmp(r->out_path, "-"))
        return cli_error(EXIT_USAGE, "batch: --resume needs -o OUT");
    if (r->cluster && r->resume)
        return cli_error(EXIT_USAGE, "batch: --cluster runs from the start: no --resume");
    return r->cluster ? EXIT_OK : refuse_directory(r->in);
}

/* --cluster: groups the articles of r->in into events (newsfuse cluster's
 * defaults), written as cluster JSONL to a temporary file that becomes
 * the input (removed by the caller). */
static int cluster_first(batch_run *r)
{
    const char *dir = getenv("TMPDIR");
    snprintf(r->cluster_path, sizeof r->cluster_path, "%s/newsfuse-events-XXXXXX",
             dir && *dir && strlen(dir) < 32 ? dir : "/tmp");
    int fd = mkstemp(r->cluster_path);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        if (fd >= 0)
            close(fd);
        r->cluster_path[0] = 0;
        return cli_error(EXIT_DATA, "batch: cannot make a temporary file: %s", strerror(errno));
    }
    char *inputs[] = {(char *)r->in};
    /* an article that cannot be read is said, and the others go on */
    r->bad_lines = cli_cluster_events(inputs, 1, r->input, f, r->cluster_path) != EXIT_OK;
    if (fclose(f))
        return cli_error(EXIT_DATA, "batch: %s: %s", r->cluster_path, strerror(errno));
    r->in = r->cluster_path, r->input = "cluster";
    return EXIT_OK;
}

/* ---- Records ---- */

/* Builds the error record (doc/SCHEMA.md) into job->out: the library's,
 * so that the Python binding's records are these very bytes. */
static void job_error_record(batch_job *job, const char *path, const char *id, const char *msg)
{
    char *rec = NULL;
    size_t len = 0;
    job->out = NULL, job->len = 0, job->failed = 1;
    if (nf_batch_error_record(path, job->line, id, msg, &rec, &len) == NF_OK &&
        (job->out = malloc(len + 1))) {
        memcpy(job->out, rec, len);
        job->out[len] = '\n';
        job->len = len + 1;
    }
    nf_free(rec);
}

/* Reads the job's record still to read into its set (on the worker, so
 * that parsing runs on every core); a record that cannot be read makes the
 * error record the reader would have made. */
static void job_read_pending(batch_job *job, const batch_run *r)
{
    int rc = nf_docset_read_pending(job->ds);
    if (rc == NF_OK || rc == NF_EEMPTY)
        return;
    const char *msg = nf_docset_error(job->ds);
    job_error_record(job, r->in, nf_docset_id(job->ds), msg);
    job->bad = strdup(msg);
    nf_docset_free(job->ds);
    job->ds = NULL;
}

/* The worker's part: summarize and render one event (any thread). */
static void job_run(void *arg, void *ctx)
{
    batch_job *job = arg;
    batch_run *r = ctx;
    if (job->ds && nf_docset_pending(job->ds))
        job_read_pending(job, r);
    if (!job->ds)
        return;
    nf_summary *s = NULL;
    char *text = NULL;
    size_t len = 0;
    int rc = nf_summarize(job->ds, r->opts, &s);
    if (s && rc != NF_ENOMEM)
        rc = nf_summary_render(s, "jsonl", &text, &len);
    job->timed = nf_summary_timed(s);
    if (job->timed && nf_docset_id(job->ds))
        job->timed_id = strdup(nf_docset_id(job->ds));
    if (rc == NF_OK && text) {
        job->out = malloc(len + 1);
        if (job->out) {
            memcpy(job->out, text, len);
            job->out[len] = '\n';
            job->len = len + 1;
        }
    }
    if (!job->out)
        job_error_record(job, r->in, nf_docset_id(job->ds), nf_strerror(rc ? rc : NF_ENOMEM));
    nf_free(text);
    nf_summary_free(s);
    nf_docset_free(job->ds);
    job->ds = NULL;
}

static void job_free(void *arg, void *ctx)
{
    batch_job *job = arg;
    (void)ctx;
    nf_docset_free(job->ds);
    free(job->bad);
    free(job->out);
    free(job->timed_id);
    free(job);
}

/* ---- Output and progress ---- */

/* Writes all of s in as few write calls as the kernel allows: one per
 * record, so an interruption leaves at most one partial last line. */
static int write_all(int fd, const char *s, size_t n)
{
    while (n) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        s += w, n -= (size_t)w;
    }
    return 0;
}

static double seconds_since(const struct timespec *t)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

/* Prints elapsed or remaining seconds as H:MM:SS. */
static void print_clock(double s)
{
    long t = (long)(s + 0.5);
    fprintf(stderr, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
}

/* Redraws the progress line, at most five times a second (or when final). */
static void show_progress(batch_run *r, long line, int final)
{
    if (!r->tty || (!final && seconds_since(&r->shown) < 0.2))
        return;
    clock_gettime(CLOCK_MONOTONIC, &r->shown);
    double el = seconds_since(&r->start);
    fprintf(stderr, "\r\033[Knewsfuse batch: %ld events (%ld failed), %.1f/s, ", r->done, r->failed,
            el > 0 ? (double)r->done / el : 0.0);
    print_clock(el);
    if (r->total_lines > 0 && line > 0 && !final) {
        fputs(" elapsed, ETA ", stderr);
        print_clock(el * (double)(r->total_lines - line) / (double)line);
    } else
        fputs(" elapsed", stderr);
    fputs(final ? "\n" : "", stderr);
}

/* Names an event a time limit cut (in input order, so the lines are the
 * same whatever -j is): its record may differ from run to run. */
static void warn_timed(batch_run *r, const batch_job *job)
{
    if (r->tty)
        fputs("\r\033[K", stderr); /* under the progress line */
    fprintf(stderr, "newsfuse: batch: %s:%ld: event %s hit a time limit: its summary depends on "
                    "the machine's speed and load\n", r->in, job->line,
            job->timed_id ? job->timed_id : "(no id)");
}

/* Says on stderr why a line could not be read (its record says it too). */
static void warn_bad(batch_run *r, const batch_job *job)
{
    if (r->tty)
        fputs("\r\033[K", stderr);
    fprintf(stderr, "newsfuse: %s:%ld: %s\n", r->in, job->line, job->bad);
    r->bad_lines = 1;
}

/* The caller's part, in input order: write the record, count it. */
static int job_emit(void *arg, void *ctx)
{
    batch_job *job = arg;
    batch_run *r = ctx;
    int rc = 0;
    if (job->bad)
        warn_bad(r, job);
    if (job->timed) {
        warn_timed(r, job);
        r->timed++;
    }
    if (!job->out || write_all(r->fd, job->out, job->len))
        rc = cli_error(EXIT_DATA, "%s: cannot write: %s", r->out_path,
                       job->out ? strerror(errno) : "out of memory");
    r->done++;
    r->failed += job->failed;
    show_progress(r, job->line, 0);
    job_free(job, ctx);
    return rc;
}

/* ---- Input ---- */

/* A job's weight against the window: its reports' bytes (its record's,
 * not yet read). */
static size_t job_weight(const batch_job *job)
{
    size_t bytes = nf_docset_pending(job->ds), len;
    for (size_t i = 0; job->ds && i < nf_docset_count(job->ds); i++)
        if (nf_docset_text(job->ds, i, &len))
            bytes += len;
    return bytes;
}

/* Skips the records an earlier run wrote (--resume), checking that the
 * last of them is this event; otherwise queues job. */
static int batch_submit(batch_run *r, batch_job *job, const char *id)
{
    if (++r->records <= r->skip) {
        if (r->resume_keys && batch_record_key(id, job->line) != r->resume_keys[r->records - 1])
            r->stopped = cli_error(EXIT_USAGE,
                                   "batch: %s does not continue %s: its record %ld is not the "
                                   "input's event %ld ('%s', line %ld)",
                                   r->out_path, r->in, r->records, r->records, id ? id : "(no id)",
                                   job->line);
        if (job->bad)
            warn_bad(r, job);
        job_free(job, r); /* id may point into the job: freed after its last use */
        return r->stopped ? EXIT_DATA : EXIT_OK;
    }
    if (r->stopped) {
        job_free(job, r);
        return EXIT_DATA;
    }
    if (batch_pool_submit(r->pool, job, job_weight(job)))
        r->stopped = EXIT_DATA;
    return r->stopped ? EXIT_DATA : EXIT_OK;
}

static batch_job *job_new(long line)
{
    batch_job *job = calloc(1, sizeof *job);
    if (job)
        job->line = line;
    else
        cli_error(EXIT_DATA, "out of memory");
    return job;
}

/* An error record for a line of path that could not be read (stderr
 * says so when it is emitted, in input order). */
static int submit_bad(batch_run *r, const char *path, long line, const char *id, const char *msg)
{
    batch_job *job = job_new(line);
    if (!job)
        return EXIT_DATA;
    job_error_record(job, path, id, msg);
    if (!(job->bad = strdup(msg))) {
        job_free(job, r);
        return cli_error(EXIT_DATA, "out of memory");
    }
    return batch_submit(r, job, id);
}

/* Queues an event the reader read (ds: taken), whose last line is line.
 * A record still to skip (--resume) is read here, in order, for its id. */
static int submit_event(batch_run *r, nf_docset *ds, long line)
{
    batch_job *job = job_new(line);
    if (!job) {
        nf_docset_free(ds);
        return EXIT_DATA;
    }
    job->ds = ds;
    if (r->records < r->skip && nf_docset_pending(ds)) {
        int rc = nf_docset_read_pending(ds);
        if (rc != NF_OK && rc != NF_EEMPTY) {
            const char *id = nf_docset_id(ds);
            char *key = id ? strdup(id) : NULL;
            job_error_record(job, r->in, id, nf_docset_error(ds));
            job->bad = strdup(nf_docset_error(ds));
            nf_docset_free(job->ds);
            job->ds = NULL;
            int status = (id && !key) ? cli_error(EXIT_DATA, "out of memory") : batch_submit(r, job, key);
            free(key);
            return status;
        }
    }
    return batch_submit(r, job, nf_docset_id(job->ds));
}

static int on_event(nf_docset **ds, const nf_reader *rd, void *arg)
{
    batch_run *r = arg;
    if (r->stopped)
        return -1;
    nf_docset *event = *ds;
    *ds = NULL;
    int rc = submit_event(r, event, nf_reader_line(rd));
    return r->stopped ? -1 : rc;
}

/* An error of the reader: a record's becomes an error record in its place
 * (said on stderr when it is emitted); an input's is said now. */
static int on_error(const nf_reader *rd, int status, void *arg)
{
    batch_run *r = arg;
    if (r->stopped)
        return -1;
    if (!cli_reader_is_record(rd, status)) {
        r->bad_lines = 1;
        return cli_reader_error(rd, "");
    }
    int rc = submit_bad(r, nf_reader_file(rd), nf_reader_line(rd), nf_reader_record_id(rd),
                        nf_reader_error(rd));
    return r->stopped ? -1 : rc;
}

/* Reads the input with the library's reader: events to the workers (the
 * lines of a one-event-per-line corpus unread: the workers parse them),
 * an error record in place of each record that cannot be read. */
static int read_events(batch_run *r)
{
    char *inputs[] = {(char *)r->in};
    nf_reader *rd = cli_reader_open(inputs, 1, r->input, r->opts);
    int rc = rd && nf_reader_set(rd, "defer", "1") == NF_OK ? cli_each_event(rd, on_event, on_error, r)
                                                           : EXIT_DATA;
    nf_reader_free(rd);
    return rc < 0 ? EXIT_DATA : rc;
}

/* Counts the input's lines (for the ETA) when it is a regular file. */
static long count_lines(const char *path)
{
    int fd = strcmp(path, "-") ? open(path, O_RDONLY) : -1;
    char block[1 << 16];
    long lines = 0;
    ssize_t n;
    while (fd >= 0 && (n = read(fd, block, sizeof block)) > 0)
        for (char *p = block; (p = memchr(p, '\n', (size_t)(block + n - p))); p++)
            lines++;
    if (fd >= 0)
        close(fd);
    return lines;
}

/* Returns 1 when the output names the input's file (the same inode, by any
 * name or link): opening it would truncate the input before it is read. */
static int output_is_input(const batch_run *r)
{
    struct stat in, out;
    int in_ok = strcmp(r->in, "-") ? stat(r->in, &in) : fstat(STDIN_FILENO, &in);
    int out_ok = strcmp(r->out_path, "-") ? stat(r->out_path, &out) : fstat(STDOUT_FILENO, &out);
    return !in_ok && !out_ok && S_ISREG(in.st_mode) && in.st_dev == out.st_dev && in.st_ino == out.st_ino;
}

/* --resume: checks that every record already written is one this run would
 * have written (a newsfuse record, made with these options), keeping their
 * keys to check each against the input's event in its place. */
static int verify_output(batch_run *r)
{
    char why[256] = "";
    int rc = batch_resume_keys(r->fd, r->skip, r->opts, &r->resume_keys, why, sizeof why);
    if (rc == NF_EDATA)
        return cli_error(EXIT_USAGE, "batch: %s cannot be resumed: it %s", r->out_path, why);
    if (rc != NF_OK)
        return cli_error(EXIT_DATA, "%s: cannot resume: %s", r->out_path,
                         rc == NF_EIO ? "read error" : nf_strerror(rc));
    return EXIT_OK;
}

/* Opens the output: truncated, or kept and checked for --resume. */
static int open_output(batch_run *r)
{
    if (output_is_input(r))
        return cli_error(EXIT_USAGE, "batch: the output %s is the input %s: refusing to overwrite it "
                         "(write to another file)", r->out_path, r->in);
    if (!strcmp(r->out_path, "-"))
        return r->fd = STDOUT_FILENO, EXIT_OK;
    r->fd = open(r->out_path, O_RDWR | O_CREAT | (r->resume ? 0 : O_TRUNC), 0644);
    if (r->fd < 0)
        return cli_error(EXIT_DATA, "%s: cannot open: %s", r->out_path, strerror(errno));
    if (!r->resume)
        return EXIT_OK;
    int rc = batch_resume_scan(r->fd, &r->skip, &r->resume_id);
    if (rc != NF_OK)
        return cli_error(EXIT_DATA, "%s: cannot resume: %s", r->out_path,
                         rc == NF_EIO ? strerror(errno) : nf_strerror(rc));
    return verify_output(r);
}

/* Reads the input through the pool; returns the exit code. */
static int batch_process(batch_run *r)
{
    r->pool = batch_pool_new(r->threads > 1 ? (int)r->threads : 0, (size_t)(WINDOW_PER_THREAD * r->threads),
                             WINDOW_BYTES, job_run, job_emit, job_free, r);
    if (!r->pool)
        return cli_error(EXIT_DATA, "cannot start %ld worker threads", r->threads);
    int rc = read_events(r);
    int wrc = batch_pool_finish(r->pool);
    batch_pool_free(r->pool);
    show_progress(r, 0, 1);
    if (r->timed)
        fprintf(stderr, "newsfuse: batch: %ld event(s) hit a time limit (named above); the output "
                        "is the same whatever -j is only for events that none cut: raise "
                        "--max-seconds (0: no limit) to keep them whole\n", r->timed);
    if (r->stopped == EXIT_USAGE)
        return EXIT_USAGE;
    if (r->records < r->skip)
        return cli_error(EXIT_USAGE, "batch: %s holds %ld records but %s has only %ld events",
                         r->out_path, r->skip, r->in, r->records);
    return rc || wrc || r->failed || r->bad_lines ? EXIT_DATA : EXIT_OK;
}

int cmd_batch(int argc, char **argv)
{
    batch_run r = {.out_path = "-", .fd = -1, .tty = isatty(STDERR_FILENO)};
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    r.threads = cores > 0 ? cores : 1;
    if (!(r.opts = nf_options_new()))
        return cli_error(EXIT_DATA, "out of memory");
    int rc = parse_args(&r, argc, argv);
    if (rc == EXIT_OK && r.cluster)
        rc = cluster_first(&r);
    if (rc == EXIT_OK)
        rc = open_output(&r);
    if (rc == EXIT_OK) {
        r.total_lines = r.tty ? count_lines(r.in) : 0;
        clock_gettime(CLOCK_MONOTONIC, &r.start);
        r.shown = r.start;
        rc = batch_process(&r);
    }
    if (r.fd > STDOUT_FILENO && close(r.fd) && rc == EXIT_OK)
        rc = cli_error(EXIT_DATA, "%s: %s", r.out_path, strerror(errno));
    if (r.cluster_path[0])
        unlink(r.cluster_path);
    nf_options_free(r.opts);
    nf_free(r.resume_id);
    nf_free(r.resume_keys);
    return rc < 0 ? EXIT_OK : rc;
}
