/* TEMPORARY: the contract of the stream clusterer (issue 18 item 1, branch
 * events) until that branch is merged; then include/newsfuse.h declares it
 * and this file and clusterer_stub.c go. */
#ifndef NF_API_CLUSTERER_STUB_H
#define NF_API_CLUSTERER_STUB_H
#include "newsfuse.h"
typedef struct nf_clusterer nf_clusterer;
int nf_clusterer_new(nf_clusterer **out);
int nf_clusterer_set(nf_clusterer *c, const char *key, const char *value);
int nf_clusterer_add(nf_clusterer *c, const nf_docset *ds, size_t i, const char **event, int *opened);
const char *nf_clusterer_warning(const nf_clusterer *c);
const char *nf_clusterer_error(const nf_clusterer *c);
size_t nf_clusterer_retired(nf_clusterer *c, const char *const **ids);
void nf_clusterer_free(nf_clusterer *c);
#endif
