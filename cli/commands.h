/* The CLI's subcommands. Each takes the arguments after its name
 * (argv[0] is the subcommand) and returns the process exit code:
 * 0 success, 1 bad or unreadable data (some records failed), 2 bad usage. */
#ifndef NF_CLI_COMMANDS_H
#define NF_CLI_COMMANDS_H
#include <stddef.h>

enum { EXIT_OK = 0, EXIT_DATA = 1, EXIT_USAGE = 2 };

int cmd_summarize(int argc, char **argv);
int cmd_split(int argc, char **argv);
int cmd_rouge(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_facts(int argc, char **argv);
int cmd_batch(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_idf(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_track(int argc, char **argv);
int cmd_cluster(int argc, char **argv);

/* Shared helpers (cli/util.c). */
/* Prints "newsfuse: " + message to stderr; returns code for tail calls. */
int cli_error(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Reads a whole file ("-" = stdin) into a new NUL-terminated buffer (freed
 * with free). Returns NULL and prints why on failure. */
char *cli_read_file(const char *path, size_t *len);
/* The same, reading at most limit bytes (0: all); *more (may be NULL) is
 * set when the file goes on past them. */
char *cli_read_file_upto(const char *path, size_t limit, size_t *len, int *more);
/* Maps "--some-key" VALUE onto the option registry key some_key; prints
 * the error (prefixed by cmd) and returns EXIT_USAGE when it fails. */
struct nf_options;
int cli_set_option(struct nf_options *opts, const char *flag, const char *value, const char *cmd);
/* The option switches (--cut, --facts): sets the key to "1" and returns 1,
 * or returns 0 if flag is not a switch. */
int cli_set_switch(struct nf_options *opts, const char *flag);
/* Returns 1 if name is one of the NULL-terminated list (nf_formats,
 * nf_rouge_splitters), else 0. */
int cli_in_list(const char *const *list, const char *name);
/* Parses a non-negative integer option value; returns -1 if it is not one. */
long cli_parse_count(const char *s);

/* Inputs (cli/input.c): reports are read by the library's reader
 * (nf_reader_*), whose format names --input takes. */
#include <stdio.h>
struct nf_reader;
/* Checks an --input value against nf_reader_formats: EXIT_OK, or
 * EXIT_USAGE after saying (prefixed by cmd) which names there are. */
int cli_check_input(const char *value, const char *cmd);
/* Prints the format names, comma separated, for a --help text. */
void cli_print_inputs(FILE *out);
/* Opens a reader of inputs[0..n) (together: the reports of one event, or
 * one corpus) in format (NULL: auto), with --max-line-bytes and opts's
 * max_document_bytes (opts NULL: text reports are read whole). Prints why
 * and returns NULL when it cannot. */
struct nf_reader *cli_reader_open(char **inputs, int n, const char *format,
                                  const struct nf_options *opts);
/* Prints the warnings of the reader's last event or error. */
void cli_reader_warnings(const struct nf_reader *r);
/* Returns 1 if the status of nf_reader_next is a record's error (a line or
 * a record that gets an error record in its place), 0 otherwise. */
int cli_reader_is_record(const struct nf_reader *r, int status);
/* Prints the reader's last error, "newsfuse: FILE:LINE: MESSAGE" (suffix
 * appended), and returns EXIT_DATA. */
int cli_reader_error(const struct nf_reader *r, const char *suffix);
/* Reads every event of r in order: fn gets each (it may take *ds, leaving
 * NULL), bad each error (NULL: the error is said), each after the
 * warnings read with it are said. Returns EXIT_OK, EXIT_DATA when an error
 * came or a call returned non-zero, or the negative value a call returned
 * to stop the reading. */
struct nf_docset;
typedef int (*cli_event_fn)(struct nf_docset **ds, const struct nf_reader *r, void *arg);
typedef int (*cli_bad_fn)(const struct nf_reader *r, int status, void *arg);
int cli_each_event(struct nf_reader *r, cli_event_fn fn, cli_bad_fn bad, void *arg);
/* The cap on one line of a corpus (--max-line-bytes; default
 * NF_DEFAULT_MAX_LINE_BYTES; 0: none); set returns -1 for a bad value. */
size_t cli_max_line(void);
int cli_set_max_line(const char *value);
/* Clusters inputs[0..n) (cli/cmd_cluster.c, default settings) and writes
 * the events as cluster JSONL to events (called name in messages), for
 * batch --cluster. Returns an exit code. */
int cli_cluster_events(char **inputs, int n, const char *input, FILE *events, const char *name);
/* Returns 1 if s[0..n) is only white space. */
int cli_is_blank(const char *s, size_t n);
/* Writes s as a JSON string literal. */
void cli_print_json_string(FILE *f, const char *s);

#endif
