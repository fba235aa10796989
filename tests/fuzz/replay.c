/* The plain-program driver of a fuzz target: replays every file named on
 * the command line, or every regular file of a directory named there
 * (sorted by name), through LLVMFuzzerTestOneInput, and prints how many it
 * replayed. A crash or a broken invariant aborts with the file's name on
 * stderr just before. Built by make (build/fuzz/<target>) so that make
 * check replays each corpus, plainly and under the sanitizers. */
#include "fuzz.h"
#include <dirent.h>
#include <sys/stat.h>

/* Reads path into an exactly sized buffer (so an overread past the input
 * is caught by the sanitizers, as under libFuzzer) and runs the target on
 * it. Returns 0, or -1 if the file cannot be read. */
static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t n = 0, cap = 4096;
    uint8_t *data = malloc(cap);
    for (size_t got = 1; data && got;) {
        if (n == cap) {
            uint8_t *p = realloc(data, cap *= 2);
            if (!p)
                free(data);
            data = p;
            if (!data)
                break;
        }
        got = fread(data + n, 1, cap - n, f);
        n += got;
    }
    int bad = ferror(f);
    fclose(f);
    /* FUZZ_REPLAY_PAD=16 (set under valgrind) leaves zeroed bytes after the
     * input: PCRE2's JIT reads up to 16 bytes past a subject (never across
     * a page), which memcheck would report in the cleaner's matches. */
    const char *pad_env = getenv("FUZZ_REPLAY_PAD");
    size_t pad = pad_env ? (size_t)atoi(pad_env) % 4096 : 0;
    uint8_t *exact = data && !bad ? calloc(n + pad ? n + pad : 1, 1) : NULL;
    if (exact) {
        memcpy(exact, data, n);
        fprintf(stderr, "replay %s (%zu bytes)\n", path, n);
        LLVMFuzzerTestOneInput(exact, n);
    }
    free(exact);
    free(data);
    return exact ? 0 : -1;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replays the regular files of dir in name order; returns how many, or -1
 * when dir cannot be listed or a file cannot be read. */
static long replay_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    char **names = NULL;
    size_t n = 0, cap = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            char **p = realloc(names, (cap = cap ? cap * 2 : 64) * sizeof *names);
            if (!p)
                break;
            names = p;
        }
        if ((names[n] = malloc(strlen(dir) + strlen(e->d_name) + 2)))
            sprintf(names[n++], "%s/%s", dir, e->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_names);
    long done = 0;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (done >= 0 && !stat(names[i], &st) && S_ISREG(st.st_mode))
            done = replay_file(names[i]) ? -1 : done + 1;
        free(names[i]);
    }
    free(names);
    return done;
}

int main(int argc, char **argv)
{
    long total = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        long n = stat(argv[i], &st) ? -1 : S_ISDIR(st.st_mode) ? replay_dir(argv[i])
                                                                : replay_file(argv[i]) ? -1 : 1;
        if (n < 0) {
            fprintf(stderr, "replay: cannot read %s\n", argv[i]);
            return 2;
        }
        total += n;
    }
    printf("replayed %ld inputs\n", total);
    return 0;
}
