/* nf_formats: the format names every renderer of emit/ accepts. */
#include "emit/formats.h"
#include "newsfuse.h"
#include <string.h>

static const char *const summary_formats[] = {"text", "json", "jsonl", NULL};
static const char *const facts_formats[] = {"text", "json", "jsonl", "md", NULL};
static const char *const rouge_formats[] = {"table", "json", "rouge155", NULL};
static const char *const event_formats[] = {"text", "cluster", NULL};

const char *const *nf_formats(const char *result)
{
    if (!result)
        return NULL;
    if (!strcmp(result, "summary"))
        return summary_formats;
    if (!strcmp(result, "facts"))
        return facts_formats;
    if (!strcmp(result, "rouge"))
        return rouge_formats;
    if (!strcmp(result, "event"))
        return event_formats;
    return NULL;
}

int format_index(const char *result, const char *format)
{
    const char *const *list = nf_formats(result);
    for (int i = 0; list && format && list[i]; i++)
        if (!strcmp(list[i], format))
            return i;
    return -1;
}
