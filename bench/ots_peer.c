/* The libots peer of bench/speed.sh (never part of the product): reads
 * cluster JSONL, gives OTS each event's reports as one text (OTS is a
 * single-document summarizer), selects about WORDS words and writes the
 * chosen sentences, one event per output line. Built by the bench script:
 *
 *   cc -O2 bench/ots_peer.c $(pkg-config --cflags --libs libots-1 jansson) -o ots_peer
 *   ./ots_peer WORDS < clusters.jsonl > summaries.txt
 */
#include <jansson.h>
#include <ots/libots.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Joins the documents' texts of one cluster line, blank-line separated.
 * Returns a new string (free it) or NULL when the line is not a cluster. */
static char *cluster_text(const char *line, size_t len, size_t *out_len)
{
    json_t *root = json_loadb(line, len, JSON_ALLOW_NUL, NULL);
    json_t *docs = json_object_get(root, "documents");
    size_t total = 0, i;
    json_t *d;
    char *text = NULL;
    json_array_foreach(docs, i, d) {
        json_t *t = json_is_string(d) ? d : json_object_get(d, "text");
        total += json_is_string(t) ? json_string_length(t) + 2 : 0;
    }
    if (json_is_array(docs) && (text = malloc(total + 1))) {
        *out_len = 0;
        json_array_foreach(docs, i, d) {
            json_t *t = json_is_string(d) ? d : json_object_get(d, "text");
            if (!json_is_string(t))
                continue;
            memcpy(text + *out_len, json_string_value(t), json_string_length(t));
            *out_len += json_string_length(t);
            memcpy(text + *out_len, "\n\n", 2);
            *out_len += 2;
        }
        text[*out_len] = '\0';
    }
    json_decref(root);
    return text;
}

/* Summarizes one text with OTS and prints the selected sentences. */
static void summarize(const char *text, size_t len, int words)
{
    OtsArticle *art = ots_new_article();
    if (!ots_load_xml_dictionary(art, (const unsigned char *)"en")) {
        fprintf(stderr, "ots_peer: no English dictionary (libots0)\n");
        exit(2);
    }
    ots_parse_stream((const unsigned char *)text, len, art);
    ots_grade_doc(art);
    ots_highlight_doc_words(art, words);
    size_t n;
    unsigned char *out = ots_get_doc_text(art, &n);
    for (size_t i = 0; i < n; i++)
        putchar(out[i] == '\n' ? ' ' : out[i]);
    putchar('\n');
    g_free(out);
    ots_free_article(art);
}

int main(int argc, char **argv)
{
    int words = argc > 1 ? atoi(argv[1]) : 100;
    char *line = NULL;
    size_t cap = 0, len;
    ssize_t n;
    long events = 0;
    while ((n = getline(&line, &cap, stdin)) > 0) {
        char *text = cluster_text(line, (size_t)n, &len);
        if (!text)
            continue;
        summarize(text, len, words);
        free(text);
        events++;
    }
    free(line);
    fprintf(stderr, "ots_peer: %ld events\n", events);
    return 0;
}
