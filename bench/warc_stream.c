/* Streams WARC files through the reader of src/ingest/warc.c (warc_read_fd)
 * and prints, per file, the records kept and skipped, records per second,
 * MB per second (input bytes) and the process's peak RSS so far. With -v,
 * each record's number, offset and URL and each error too; with -r LABEL,
 * one row of bench/warc_stream.sh's table instead. Built and run
 * by bench/warc_stream.sh against build/libnewsfuse.a (an internal
 * driver, not a command of the CLI). */
#include "ingest/warc.h"
#include "newsfuse.h"
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static int verbose;
static const char *row; /* -r LABEL: print a Markdown table row instead */

static int on_record(const ingest_record *r, void *arg)
{
    long long *bytes = arg;
    *bytes += (long long)r->body_len;
    if (verbose)
        printf("record %ld @%lld %s %s %zu bytes%s%s\n", r->number, r->offset, r->url ? r->url : "-",
               r->date ? r->date : "-", r->body_len, r->charset ? " charset " : "",
               r->charset ? r->charset : "");
    return 0;
}

static int on_error(long number, long long offset, const char *msg, void *arg)
{
    (void)arg;
    if (verbose)
        printf("error %ld @%lld %s\n", number, offset, msg);
    return 0;
}

int main(int argc, char **argv)
{
    int status = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-v")) {
            verbose = 1;
            continue;
        }
        if (!strcmp(argv[i], "-r") && i + 1 < argc) {
            row = argv[++i];
            continue;
        }
        int fd = open(argv[i], O_RDONLY);
        if (fd < 0) {
            perror(argv[i]);
            status = 1;
            continue;
        }
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        warc_stats st;
        long long body = 0;
        int rc = warc_read_fd(fd, 0, on_record, on_error, &body, &st);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        close(fd);
        double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        if (row)
            printf("| %s | %ld | %ld | %ld | %.1f | %.1f | %.2f | %.0f | %.1f | %.0f | %.1f |\n", row,
                   st.records, st.articles, st.errors, st.bytes_in / 1e6, st.bytes_out / 1e6, s,
                   s > 0 ? st.records / s : 0, s > 0 ? st.bytes_in / 1e6 / s : 0,
                   s > 0 ? st.bytes_out / 1e6 / s : 0, ru.ru_maxrss / 1024.0);
        else
            printf("%s: status %d, %ld records (%ld pages, skipped: %ld type, %ld revisit, %ld status, %ld "
               "not HTML; %ld errors), %.1f MB in (%.1f MB WARC, %.1f MB of pages), %.2f s, %.0f records/s, "
               "%.1f MB/s, peak RSS %.1f MB\n",
               argv[i], rc, st.records, st.articles, st.skipped_type, st.skipped_revisit, st.skipped_status,
               st.skipped_mime, st.errors, st.bytes_in / 1e6, st.bytes_out / 1e6, body / 1e6, s,
               s > 0 ? st.records / s : 0, s > 0 ? st.bytes_in / 1e6 / s : 0, ru.ru_maxrss / 1024.0);
        if (rc != NF_OK)
            status = 1;
    }
    return status;
}
