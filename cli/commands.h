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

/* Shared helpers (cli/util.c). */
/* Prints "newsfuse: " + message to stderr; returns code for tail calls. */
int cli_error(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Text reports are read only to max_document_bytes (+ a few bytes, so the
 * library sees that it cut them and warns); 0 reads them whole. */
void cli_set_text_limit(size_t max_document_bytes);
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

/* Input helpers (cli/input.c). */
struct nf_docset;
#include <stdio.h>
/* Opens path ("-" = stdin) once for the whole run: a later call with the
 * same path gets the same stream, with the bytes looked at to tell its
 * format still unread. Prints why and returns NULL when it cannot. */
struct nf_input;
struct nf_input *cli_input_open(const char *path);
/* Closes an input of cli_input_open (and forgets it). */
void cli_input_close(struct nf_input *in);
/* The input's first bytes, not consumed: its first `lines` lines (as far
 * as 1 MiB holds them) or 4 KiB; NULL when it cannot be read (an open
 * error is said; a read error is left to the reader, whose read fails
 * again). */
const char *cli_input_head(const char *path, int lines, size_t *n);
/* Calls fn on every non-blank line of path ("-" = stdin), with its 1-based
 * number; a line longer than cli_max_line() comes as line NULL (skipped, to
 * be reported). fn returning a negative value stops the reading. Returns
 * EXIT_OK, or EXIT_DATA when fn returned non-zero for any line or the input
 * could not be read (said): a read error is never the end of the input. */
typedef int (*cli_line_fn)(const char *line, size_t n, long lineno, void *arg);
int cli_each_line(const char *path, cli_line_fn fn, void *arg);
/* The cap on one line of JSONL or Multi-News input (--max-line-bytes;
 * default NF_DEFAULT_MAX_LINE_BYTES; 0: none); set returns -1 for a bad value. */
size_t cli_max_line(void);
int cli_set_max_line(const char *value);
/* Kinds as cmd_summarize's enum: 1 text, 2 cluster JSONL, 3 Multi-News.
 * Looks at the file name and its first bytes; stdin and directories are
 * text unless their first byte is '{'. */
int cli_detect_input(const char *path);
/* Parses --input's value: 0 auto, 1 text, 2 jsonl, 3 multinews (the kinds
 * of cli_detect_input); -1 for anything else. */
int cli_parse_input_kind(const char *v);
/* Adds every input as one report: files, directories (their regular files
 * in name order, hidden ones skipped) and "-". Returns an exit code. */
int cli_add_text_inputs(struct nf_docset *ds, char **inputs, int n);
/* The same, as reports already read (update summaries). */
int cli_add_text_inputs_seen(struct nf_docset *ds, char **inputs, int n);
/* The cluster reader (cli/clusters.c): reads path ("-" = stdin) one event
 * per line, kind 2 = cluster JSONL, 3 = Multi-News; calls fn for every
 * event (with its line number) and bad for every line that cannot be read
 * (malformed, or longer than cli_max_line(): id NULL), then goes on; a read
 * or allocation error ends the reading with an error, never as its end.
 * Update sets of a topic get the earlier sets as seen reports. fn returning a negative value stops the reading (say, output
 * can no longer be written). Returns EXIT_OK, or EXIT_DATA if any line or
 * call failed. */
typedef int (*cluster_fn)(struct nf_docset *ds, long line, void *arg);
typedef void (*bad_line_fn)(const char *path, long line, const char *id, const char *msg, void *arg);
/* The message of a line over cli_max_line(), into msg[0..cap). */
void cli_line_too_long(char *msg, size_t cap);
int cli_each_cluster(const char *path, int kind, cluster_fn fn, bad_line_fn bad, void *arg);
/* Returns 1 if s[0..n) is only white space. */
int cli_is_blank(const char *s, size_t n);
/* Writes s as a JSON string literal. */
void cli_print_json_string(FILE *f, const char *s);

#endif
