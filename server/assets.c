/* The page's files, compiled into the binary: tools/embed.c turns
 * server/www/ into build/gen/www.c (the Makefile renames its table to
 * srv_www_files), so the page works offline and needs no install step. */
#include "server.h"
#include <string.h>

#define nf_data_files srv_www_files
#include "core/data.h" /* struct nf_data_file: the generated table's type */
#undef nf_data_files

/* The media type of a file name. */
static const char *type_of(const char *name)
{
    static const char *const types[][2] = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".txt", "text/plain; charset=utf-8"},
    };
    const char *dot = strrchr(name, '.');
    for (size_t i = 0; dot && i < sizeof types / sizeof *types; i++)
        if (!strcmp(dot, types[i][0]))
            return types[i][1];
    return "application/octet-stream";
}

int srv_asset_find(const char *path, srv_asset *out)
{
    static const char prefix[] = "server/www";
    if (!strcmp(path, "/"))
        path = "/index.html";
    for (const struct nf_data_file *f = srv_www_files; f->name; f++) {
        if (strncmp(f->name, prefix, sizeof prefix - 1) || strcmp(f->name + sizeof prefix - 1, path))
            continue;
        out->type = type_of(f->name);
        out->bytes = f->bytes;
        out->len = f->len;
        return 1;
    }
    return 0;
}
