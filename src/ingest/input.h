/* Reading an input once (nf_input, input.c): the calls the reader needs
 * beyond the public ones. */
#ifndef NF_INGEST_INPUT_H
#define NF_INGEST_INPUT_H
#include "newsfuse.h"

/* An input over data[0..len) (copied), read as a file would be. Returns
 * NULL when out of memory. */
nf_input *input_open_buffer(const char *data, size_t len);
/* The byte offset, from the start of the input, of the last line
 * nf_input_line handed out (or the first byte not yet read). */
long long input_line_offset(const nf_input *in);
/* Reads up to n bytes into buf: first what sniffing left in the buffer,
 * then straight from the file (nothing more is buffered, so a stream of
 * any size is read in bounded memory). Returns how many (> 0), 0 at the
 * end, -1 on a read error (nf_input_errno). */
long input_read(nf_input *in, char *buf, size_t n);

#endif
