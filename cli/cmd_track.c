/* newsfuse track: the long-running tracker over a stream of articles
 * (doc/TRACK.md). Articles come from files, standard input or a watched
 * directory, through the library's reader one article at a time, into
 * nf_track_add; after every --every new articles and at the end of each
 * input the changed events' update records are written (nf_track_flush). */
#include "commands.h"
#include "newsfuse.h"
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct track_args {
    const char *db;
    const char *watch;   /* a directory to poll, or NULL */
    const char *input;   /* a reader format, or NULL for auto */
    double poll;         /* seconds between looks at the directory */
    long every;          /* new articles between outputs (0: at the end of each input) */
    int assignments;     /* print the stored assignments and stop */
    int quiet;           /* no update records */
    char **inputs;
    int ninputs;
    char **keys, **values; /* settings for nf_track_set */
    int nsettings;
} track_args;

/* What a run did, for the closing line and the exit status. */
typedef struct track_run {
    nf_track *t;
    const track_args *a;
    long long added, skipped, bad, records;
    long since_flush;
    int status;          /* EXIT_OK, or EXIT_DATA after a record's error */
    int fatal;           /* the database failed: stop */
} track_run;

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

static void track_usage(FILE *out)
{
    fprintf(out,
            "usage: newsfuse track --db FILE [options] [INPUT...]\n\n"
            "Groups a stream of articles into events and keeps them in a SQLite\n"
            "database: every article is committed with its event, so a crash loses\n"
            "nothing committed, and running track again on the same database resumes\n"
            "(articles already stored, by id, are skipped). For each event with new\n"
            "articles it writes one JSON line (schema newsfuse/2, doc/SCHEMA.md): the\n"
            "update summary of what is new, the figure sheet's changes (new figures,\n"
            "revisions, new conflicts), the sources and the timeline.\n\n"
            "INPUT: article JSONL files ({\"id\",\"date\",\"title\",\"text\"} per line, in\n"
            "stream order) or any input the reader reads (web pages, feeds, WARC);\n"
            "- or nothing for standard input.\n\n"
            "  --db FILE        the database (created when absent; a file that is not a\n"
            "                   track database, or a corrupt one, is refused)\n"
            "  --watch DIR      also read each new file that appears in DIR (hidden\n"
            "                   files and names ending .tmp or .part are left alone),\n"
            "                   until SIGINT or SIGTERM\n"
            "  --poll S         seconds between looks at DIR (default 1)\n"
            "  --every N        write the changed events after every N new articles\n"
            "                   (default 200; 0: only at the end of each input)\n"
            "  --quiet          track only: write no update records\n"
            "  --assignments    print {\"id\",\"event\"} of every stored article, in stream\n"
            "                   order, and stop\n"
            "  --input NAME     the inputs' format (default auto): ");
    cli_print_inputs(out);
    fprintf(out,
            "\n  --KEY VALUE      a summary option (--words, --method, ... as for summarize)\n"
            "                   or a clusterer setting (--window-days, --threshold: see\n"
            "                   newsfuse cluster --help); the clusterer's settings are\n"
            "                   kept with the database and cannot change later\n\n"
            "Exit status: 0 success, 1 bad data (the other articles are still tracked)\n"
            "or a database that cannot be used, 2 bad usage.\n");
}

/* Parses the command line: EXIT_OK, EXIT_USAGE, or -1 after --help. */
static int parse_args(track_args *a, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *f = argv[i];
        if (!strcmp(f, "--help") || !strcmp(f, "-h"))
            return track_usage(stdout), -1;
        if (f[0] != '-' || !f[1]) {
            a->inputs[a->ninputs++] = argv[i];
            continue;
        }
        if (!strcmp(f, "--assignments") || !strcmp(f, "--quiet")) {
            *(f[2] == 'a' ? &a->assignments : &a->quiet) = 1;
            continue;
        }
        if (strncmp(f, "--", 2) || i + 1 >= argc)
            return cli_error(EXIT_USAGE, "track: '%s' needs a value or is unknown (see --help)", f);
        const char *v = argv[++i];
        if (!strcmp(f, "--db"))
            a->db = v;
        else if (!strcmp(f, "--watch"))
            a->watch = v;
        else if (!strcmp(f, "--input")) {
            if (cli_check_input(v, "track") != EXIT_OK)
                return EXIT_USAGE;
            a->input = v;
        } else if (!strcmp(f, "--every") || !strcmp(f, "--poll")) {
            long n = cli_parse_count(v);
            if (n < 0 || (f[2] == 'p' && (n < 1 || n > 3600)))
                return cli_error(EXIT_USAGE, "track: %s takes a whole number%s, not '%s'", f,
                                 f[2] == 'p' ? " of seconds from 1 to 3600" : "", v);
            if (f[2] == 'p')
                a->poll = (double)n;
            else
                a->every = n;
        } else if (!strcmp(f, "--max-line-bytes")) {
            if (cli_set_max_line(v))
                return cli_error(EXIT_USAGE, "track: --max-line-bytes takes a byte count");
        } else {
            a->keys[a->nsettings] = (char *)f + 2;
            a->values[a->nsettings++] = (char *)v;
        }
    }
    if (!a->db)
        return track_usage(stderr), cli_error(EXIT_USAGE, "track: --db FILE is required");
    return EXIT_OK;
}

/* Gives the settings to the tracker ("--window-days" -> window_days). */
static int apply_settings(nf_track *t, const track_args *a)
{
    for (int i = 0; i < a->nsettings; i++) {
        char key[64];
        snprintf(key, sizeof key, "%s", a->keys[i]);
        for (char *p = key; *p; p++)
            if (*p == '-')
                *p = '_';
        int rc = nf_track_set(t, key, a->values[i]);
        if (rc == NF_ENOMEM)
            return cli_error(EXIT_DATA, "out of memory");
        if (rc != NF_OK)
            return cli_error(EXIT_USAGE, "track: --%s: %s", a->keys[i], nf_track_error(t));
    }
    return EXIT_OK;
}

static int emit_record(const char *record, size_t len, void *arg)
{
    (void)arg;
    fwrite(record, 1, len, stdout);
    putchar('\n');
    return fflush(stdout) || ferror(stdout);
}

/* Writes the changed events' records (none with --quiet: they stay due). */
static void flush(track_run *run)
{
    run->since_flush = 0;
    if (run->a->quiet || run->fatal)
        return;
    size_t n = 0;
    int rc = nf_track_flush(run->t, emit_record, NULL, &n);
    run->records += (long long)n;
    if (rc != NF_OK) {
        cli_error(EXIT_DATA, "track: %s", nf_track_error(run->t));
        run->fatal = 1;
    }
}

/* Tracks every report of one set the reader gave. */
static void track_docset(track_run *run, const nf_docset *ds, const nf_reader *r)
{
    for (size_t i = 0; i < nf_docset_count(ds) && !run->fatal; i++) {
        int added = 0;
        int rc = nf_track_add(run->t, ds, i, NULL, &added);
        if (*nf_track_warning(run->t))
            fprintf(stderr, "newsfuse: warning: %s:%ld: %s\n", nf_reader_file(r), nf_reader_line(r),
                    nf_track_warning(run->t));
        if (rc == NF_EDATA) {
            run->bad++; /* one article refused: the others go on */
            run->status = cli_error(EXIT_DATA, "%s:%ld: %s", nf_reader_file(r), nf_reader_line(r),
                                    nf_track_error(run->t));
        } else if (rc != NF_OK) {
            cli_error(EXIT_DATA, "track: %s", nf_track_error(run->t));
            run->fatal = 1;
        } else if (added) {
            run->added++;
            if (run->a->every && ++run->since_flush >= run->a->every)
                flush(run);
        } else
            run->skipped++;
    }
}

/* Reads one input (a file, "-", or a file of the watched directory). */
static void track_input(track_run *run, char *path)
{
    nf_reader *r = cli_reader_open(&path, 1, run->a->input, NULL);
    if (!r) {
        run->status = EXIT_DATA;
        return;
    }
    /* one article per set, as the stream goes, when the reader can */
    if (nf_reader_set(r, "group", "article") != NF_OK)
        nf_reader_set(r, "group", "none"); /* an older reader: sets as they come */
    nf_docset *ds = NULL;
    int rc;
    while (!run->fatal && (rc = nf_reader_next(r, &ds)) != NF_EEMPTY) {
        cli_reader_warnings(r);
        if (rc == NF_OK)
            track_docset(run, ds, r);
        else if (rc == NF_ENOMEM) {
            run->fatal = 1;
            cli_error(EXIT_DATA, "out of memory");
        } else
            run->status = cli_reader_error(r, "");
        nf_docset_free(ds);
        ds = NULL;
    }
    nf_reader_free(r);
    flush(run);
}

/* ---- the watched directory ---- */

/* The files already read: name, size and time, so a file that changes
 * is read again (its new articles; the stored ones are skipped). */
typedef struct seen_files {
    char **names;
    size_t n, cap;
} seen_files;

static int name_wanted(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && !(n > 4 && !strcmp(name + n - 4, ".tmp")) &&
           !(n > 5 && !strcmp(name + n - 5, ".part"));
}

static int by_name(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* 1 if key is new (and now remembered). */
static int remember(seen_files *s, const char *key)
{
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->names[i], key))
            return 0;
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 64;
        char **p = realloc(s->names, cap * sizeof *p);
        if (!p)
            return 0;
        s->names = p, s->cap = cap;
    }
    s->names[s->n] = strdup(key);
    return s->names[s->n] ? (s->n++, 1) : 0;
}

/* Reads the files of the directory not read before, in name order; a
 * file modified in the last second may still be being written: next time. */
static void scan_dir(track_run *run, seen_files *seen)
{
    DIR *d = opendir(run->a->watch);
    if (!d) {
        cli_error(EXIT_DATA, "track: --watch %s: %s", run->a->watch, strerror(errno));
        run->fatal = 1;
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!name_wanted(e->d_name))
            continue;
        if (n == cap) {
            char **p = realloc(names, (cap = cap ? 2 * cap : 64) * sizeof *p);
            if (!p)
                break;
            names = p;
        }
        if ((names[n] = strdup(e->d_name)))
            n++;
    }
    closedir(d);
    qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        char path[4096], key[4200];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", run->a->watch, names[i]);
        if (!stop_requested && !run->fatal && !stat(path, &st) && S_ISREG(st.st_mode) &&
            st.st_mtime < time(NULL) - 1) {
            snprintf(key, sizeof key, "%s\t%lld\t%lld", names[i], (long long)st.st_size,
                     (long long)st.st_mtime);
            if (remember(seen, key))
                track_input(run, path);
        }
        free(names[i]);
    }
    free(names);
}

static void watch_dir(track_run *run)
{
    seen_files seen = {0};
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal; /* no SA_RESTART: the sleep ends at once */
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    while (!stop_requested && !run->fatal) {
        scan_dir(run, &seen);
        struct timespec ts = {(time_t)run->a->poll, 0};
        if (!stop_requested)
            nanosleep(&ts, NULL);
    }
    for (size_t i = 0; i < seen.n; i++)
        free(seen.names[i]);
    free(seen.names);
}

static int print_assignments(nf_track *t)
{
    char *out = NULL;
    size_t len = 0;
    int rc = nf_track_assignments(t, &out, &len);
    if (rc == NF_OK)
        fwrite(out, 1, len, stdout);
    nf_free(out);
    return rc == NF_OK ? EXIT_OK : cli_error(EXIT_DATA, "track: %s", nf_track_error(t));
}

static int run_tracker(track_args *a)
{
    track_run run = {.a = a};
    int rc = nf_track_open(a->db, a->assignments ? "r" : "w", &run.t);
    if (rc != NF_OK) {
        cli_error(EXIT_DATA, "track: %s", run.t ? nf_track_error(run.t) : nf_strerror(rc));
        nf_track_free(run.t);
        return EXIT_DATA;
    }
    if (a->assignments) {
        rc = print_assignments(run.t);
        nf_track_free(run.t);
        return rc;
    }
    if ((rc = apply_settings(run.t, a)) != EXIT_OK) {
        nf_track_free(run.t);
        return rc;
    }
    /* the replay first, so that its failure is the database's, not an article's */
    if ((rc = nf_track_resume(run.t)) != NF_OK) {
        cli_error(EXIT_DATA, "track: %s", nf_track_error(run.t));
        nf_track_free(run.t);
        return rc == NF_EINVAL ? EXIT_USAGE : EXIT_DATA;
    }
    static char dash[] = "-";
    char *stdin_only[] = {dash};
    char **inputs = a->ninputs ? a->inputs : stdin_only;
    int n = a->ninputs ? a->ninputs : a->watch ? 0 : 1;
    for (int i = 0; i < n && !run.fatal; i++)
        track_input(&run, inputs[i]);
    if (a->watch && !run.fatal)
        watch_dir(&run);
    flush(&run);
    fprintf(stderr, "newsfuse: track: %lld articles added, %lld already stored, %lld refused, "
            "%lld update records\n", run.added, run.skipped, run.bad, run.records);
    nf_track_free(run.t);
    return run.fatal ? EXIT_DATA : run.status;
}

int cmd_track(int argc, char **argv)
{
    track_args a = {.poll = 1, .every = 200};
    a.inputs = calloc((size_t)argc, sizeof *a.inputs);
    a.keys = calloc((size_t)argc, sizeof *a.keys);
    a.values = calloc((size_t)argc, sizeof *a.values);
    int rc = a.inputs && a.keys && a.values ? parse_args(&a, argc, argv)
                                            : cli_error(EXIT_DATA, "out of memory");
    if (rc == EXIT_OK)
        rc = run_tracker(&a);
    free(a.inputs), free(a.keys), free(a.values);
    return rc < 0 ? EXIT_OK : rc;
}
