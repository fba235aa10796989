/* The names of the output formats (nf_formats): each renderer looks its
 * format up here, so the names a caller may give and the list it can read
 * are one table. */
#ifndef NF_EMIT_FORMATS_H
#define NF_EMIT_FORMATS_H

/* Positions in the lists of nf_formats: summaries and sheets share the
 * first three; "md" is the sheet's only. */
enum { FORMAT_TEXT, FORMAT_JSON, FORMAT_JSONL, FORMAT_MD };
enum { FORMAT_ROUGE_TABLE, FORMAT_ROUGE_JSON, FORMAT_ROUGE_155 };
enum { FORMAT_EVENT_TEXT, FORMAT_EVENT_CLUSTER };

/* The position of format in nf_formats(result), or -1 (unknown, NULL). */
int format_index(const char *result, const char *format);

#endif
