/* Data files compiled into the library (see tools/embed.c and data/). */
#ifndef NF_CORE_DATA_H
#define NF_CORE_DATA_H
#include <stddef.h>

struct nf_data_file {
    const char *name;  /* path below data/, e.g. "stopwords/en.txt" */
    const char *bytes; /* NUL-terminated contents */
    size_t len;        /* length without the NUL */
};

/* The table, ended by an entry whose name is NULL. */
extern const struct nf_data_file nf_data_files[];

/* Returns the contents of the named data file and sets *len, or NULL if the
 * build carried no such file. The bytes are static: never free them. */
const char *data_get(const char *name, size_t *len);

/* Calls fn(line, len, arg) for each line of a data file that is not empty
 * and does not start with '#'; trailing "\r" and spaces are stripped.
 * Stops early and returns fn's value when it is non-zero; returns -1 if the
 * file is missing, 0 otherwise. */
int data_each_line(const char *name, int (*fn)(const char *line, size_t len, void *arg), void *arg);

#endif
