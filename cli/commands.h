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
/* Parses a non-negative integer option value; returns -1 if it is not one. */
long cli_parse_count(const char *s);

/* Input helpers (cli/input.c). */
struct nf_docset;
#include <stdio.h>
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
 * event (with its line number) and bad for every line that cannot be read,
 * then goes on. Update sets of a topic get the earlier sets as seen
 * reports. fn returning a negative value stops the reading (say, output
 * can no longer be written). Returns EXIT_OK, or EXIT_DATA if any line or
 * call failed. */
typedef int (*cluster_fn)(struct nf_docset *ds, long line, void *arg);
typedef void (*bad_line_fn)(const char *path, long line, const struct nf_docset *ds, void *arg);
int cli_each_cluster(const char *path, int kind, cluster_fn fn, bad_line_fn bad, void *arg);
/* Returns 1 if s[0..n) is only white space. */
int cli_is_blank(const char *s, size_t n);
/* Writes s as a JSON string literal. */
void cli_print_json_string(FILE *f, const char *s);

#endif
