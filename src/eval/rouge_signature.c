/* The signature line: every setting of a run, as ROUGE-1.5.5 flags and in
 * words, so that a number can be reproduced. Made when the scores are
 * (rouge_run.c); the reports print it (emit/rouge_render.c). */
#include "core/alloc.h"
#include "eval/rouge.h"
#include <string.h>

/* The settings as ROUGE-1.5.5 flags (what to paste to reproduce). */
void rouge_flags_text(buf *b, const rouge_settings *st)
{
    if (st->max_n)
        buf_printf(b, "-n %d ", st->max_n);
    if (st->stem)
        buf_puts(b, "-m ");
    if (st->stop)
        buf_puts(b, "-s ");
    if (st->has_skip)
        buf_printf(b, "-2 %s %s", st->skip_text,
                   st->skip_unigrams ? "-u " : st->skip_both ? "-U " : "");
    if (st->has_w)
        buf_printf(b, "-w %s ", st->weight_text);
    if (!st->lcs)
        buf_puts(b, "-x ");
    buf_printf(b, "-c %s -r %ld -f %c -p %s -t 0 -a", st->conf_text, st->resamples, st->formula,
               st->alpha_text);
    if (st->words)
        buf_printf(b, " -l %ld", st->words);
    if (st->bytes)
        buf_printf(b, " -b %ld", st->bytes);
}

char *rouge_signature_make(const nf_rouge *r)
{
    const rouge_settings *st = &r->st;
    buf b = {0};
    buf_printf(&b, "newsfuse-rouge %s (ROUGE-1.5.5) | flags: ", NF_VERSION);
    rouge_flags_text(&b, st);
    buf_printf(&b, " | tokens: %s | stem: %s | stopwords: %s | cut: ",
               st->unicode ? "unicode letters+digits, utf8proc lowercase"
                           : "[a-z0-9]+ after ASCII lowercase",
               st->stem ? "porter(rouge155)+wordnet2.0-exc, len>3" : "none",
               st->stop ? "smart598" : "none");
    if (st->words)
        buf_printf(&b, "%ld words", st->words);
    else if (st->bytes)
        buf_printf(&b, "%ld bytes", st->bytes);
    else
        buf_puts(&b, "none");
    buf_printf(&b, " | refs: %s | alpha: %s | average: bootstrap %ld resamples, %s%% CI, "
                   "perl drand48 srand(i)",
               st->formula == 'B' ? "best (B)" : "pooled (A)", st->alpha_text, st->resamples,
               st->conf_text);
    if (r->note[0])
        buf_printf(&b, " | %s", r->note);
    return buf_take(&b, NULL);
}
