/* The outlet of an article: the site its URL names. */
#ifndef NF_TRACK_OUTLET_H
#define NF_TRACK_OUTLET_H
#include <stddef.h>

/* Writes the host of url ("https://www.example.org/a" -> "example.org",
 * lower case, without "www." and a port) into out; returns 1, or 0 (out
 * "") when url is NULL or names no host. */
int track_outlet(const char *url, char *out, size_t n);

#endif
