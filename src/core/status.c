#include "newsfuse.h"

const char *nf_strerror(int status)
{
    switch (status) {
    case NF_OK: return "ok";
    case NF_ENOMEM: return "out of memory";
    case NF_EINVAL: return "invalid argument";
    case NF_EIO: return "input/output error";
    case NF_EDATA: return "malformed input data";
    case NF_ELIMIT: return "limit exceeded";
    case NF_EEMPTY: return "nothing to summarize";
    default: return "unknown status";
    }
}

const char *nf_version(void) { return NF_VERSION; }
