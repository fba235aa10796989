/* Concept coverage solved exactly (Gillick & Favre 2009): maximise the
 * summed weight of the concepts covered, subject to the length budget, as
 * an integer linear program solved by GLPK's branch and cut. A binary
 * variable per candidate sentence and per concept; a concept counts only if
 * a chosen sentence holds it. (Their occurrence constraints s_j <= c_k are
 * implied at the optimum, since every weight is positive, and are left
 * out.) The solver gets a time limit; past it, when told it has no time, or
 * when GLPK fails (out of its memory: GLPK would abort the process, so its
 * error hook jumps back), the method falls back to the greedy solution and
 * says so in the note. */
#include "core/alloc.h"
#include "model/standalone.h"
#include "select/concepts.h"
#include "select/methods.h"
#include <glpk.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The solver time limit, and the largest number of candidate sentences the
 * program holds (the best by greedy gain per word): both keep the method
 * within its time bound on very large inputs; DUC-size sets fit whole. */
#define ILP_TIME_LIMIT_MS 1000
#define ILP_MAX_CANDIDATES 600

/* The sparse constraint matrix, GLPK style (1-based triplets). */
typedef struct triplets {
    int *ia, *ja;
    double *ar;
    size_t n, cap;
} triplets;

typedef struct ilp_ctx {
    const model *m;
    const concepts *c;
    size_t *cand; /* candidate sentence indices */
    size_t ncand;
    int32_t *col; /* per concept: its column (1-based), 0 = not in the program */
    size_t nconcept_cols;
    triplets t; /* here, not on solve's stack: it must survive a GLPK error */
} ilp_ctx;

typedef struct ranked {
    double ratio;
    size_t i;
} ranked;

/* Best gain per word first, then lower index. */
static int cmp_ranked(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->ratio != y->ratio)
        return x->ratio > y->ratio ? -1 : 1;
    return (x->i > y->i) - (x->i < y->i);
}

/* qsort order of size_t, ascending. */
static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* Chooses the candidates: usable sentences (but for what they lean on:
 * add_lean_rows) that fit the budget alone and
 * hold some weighted concept, the best ILP_MAX_CANDIDATES by gain per word,
 * in index order. Returns 0 or -1 when out of memory. */
static int choose_candidates(ilp_ctx *x, const budget *b, long min_words, scorer *sc)
{
    const model *m = x->m;
    selection empty = {0};
    ranked *r = xmalloc((m->nsents ? m->nsents : 1) * sizeof *r);
    x->cand = xmalloc((m->nsents ? m->nsents : 1) * sizeof *x->cand);
    if (!r || !x->cand) {
        xfree(r);
        return -1;
    }
    size_t n = 0;
    for (size_t i = 0; i < m->nsents; i++) {
        if (!model_sentence_usable_in_unit(m, i, (uint32_t)min_words) || !budget_fits(b, &empty, m, i))
            continue;
        double g = sc->gain(sc->ctx, i);
        if (g > 0)
            r[n].ratio = g / (m->sents[i].nwords ? m->sents[i].nwords : 1), r[n++].i = i;
    }
    qsort(r, n, sizeof *r, cmp_ranked);
    x->ncand = n < ILP_MAX_CANDIDATES ? n : ILP_MAX_CANDIDATES;
    for (size_t k = 0; k < x->ncand; k++)
        x->cand[k] = r[k].i;
    qsort(x->cand, x->ncand, sizeof *x->cand, cmp_size);
    xfree(r);
    return 0;
}

/* Numbers the weighted concepts the candidates hold: columns after the
 * sentences' columns. Returns 0 or -1. */
static int number_concepts(ilp_ctx *x)
{
    const concepts *c = x->c;
    x->col = xcalloc(c->n ? c->n : 1, sizeof *x->col);
    if (!x->col)
        return -1;
    for (size_t k = 0; k < x->ncand; k++)
        for (uint32_t q = c->sent_first[x->cand[k]]; q < c->sent_first[x->cand[k] + 1]; q++)
            if (c->cs[c->ids[q]].weight > 0 && !x->col[c->ids[q]])
                x->col[c->ids[q]] = (int32_t)(x->ncand + ++x->nconcept_cols);
    return 0;
}

/* Appends the entry (row, col) = v; 0 or -1 (OOM). */
static int trip_add(triplets *t, int row, int col, double v)
{
    if (t->n + 2 > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 1024;
        int *ia = xrealloc(t->ia, cap * sizeof *ia);
        if (ia)
            t->ia = ia;
        int *ja = ia ? xrealloc(t->ja, cap * sizeof *ja) : NULL;
        if (ja)
            t->ja = ja;
        double *ar = ja ? xrealloc(t->ar, cap * sizeof *ar) : NULL;
        if (!ar)
            return -1;
        t->ar = ar, t->cap = cap;
    }
    t->n++;
    t->ia[t->n] = row, t->ja[t->n] = col, t->ar[t->n] = v;
    return 0;
}

/* Adds the budget rows (words, sentences, bytes: whichever are set). */
static int add_budget_rows(glp_prob *lp, triplets *t, const ilp_ctx *x, const budget *b)
{
    long lim[3] = {b->words, b->sentences, b->bytes ? b->bytes + 1 : 0};
    for (int u = 0; u < 3; u++) {
        if (!lim[u])
            continue;
        int row = glp_add_rows(lp, 1);
        glp_set_row_bnds(lp, row, GLP_UP, 0, (double)lim[u]);
        for (size_t k = 0; k < x->ncand; k++) {
            const msent *s = &x->m->sents[x->cand[k]];
            double cost = u == 0 ? s->nwords : u == 1 ? 1 : (double)(s->end - s->start) + 1;
            if (trip_add(t, row, (int)k + 1, cost))
                return -1;
        }
    }
    return 0;
}

/* Adds, per concept column, sum of the sentences holding it >= concept. */
static int add_concept_rows(glp_prob *lp, triplets *t, const ilp_ctx *x)
{
    const concepts *c = x->c;
    if (!x->nconcept_cols)
        return 0;
    int first = glp_add_rows(lp, (int)x->nconcept_cols);
    for (size_t r = 0; r < x->nconcept_cols; r++)
        glp_set_row_bnds(lp, first + (int)r, GLP_LO, 0, 0);
    for (size_t k = 0; k < c->n; k++)
        if (x->col[k] && trip_add(t, first + x->col[k] - (int)x->ncand - 1, x->col[k], -1))
            return -1;
    for (size_t k = 0; k < x->ncand; k++)
        for (uint32_t q = c->sent_first[x->cand[k]]; q < c->sent_first[x->cand[k] + 1]; q++) {
            int32_t col = x->col[c->ids[q]];
            if (col && trip_add(t, first + col - (int)x->ncand - 1, (int)k + 1, 1))
                return -1;
        }
    return 0;
}

/* The candidate number of sentence i (cand is in index order), or -1. */
static long candidate_of(const ilp_ctx *x, size_t i)
{
    size_t lo = 0, hi = x->ncand;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (x->cand[mid] < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < x->ncand && x->cand[lo] == i ? (long)lo : -1;
}

/* A sentence that cannot stand alone (model/standalone.h) is chosen only
 * with what it leans on: x_k <= x_j for the neighbour j, a row each; one
 * whose neighbour is no candidate is fixed at 0. */
static int add_lean_rows(glp_prob *lp, triplets *t, const ilp_ctx *x)
{
    for (size_t k = 0; k < x->ncand; k++) {
        size_t i = x->cand[k];
        const msent *s = &x->m->sents[i];
        for (int side = 0; side < 2; side++) {
            int flag = side ? LEANS_NEXT : LEANS_PREV;
            if (!(s->leans & flag))
                continue;
            size_t j = side ? i + 1 : i - 1; /* i > 0 when it leans on i - 1 */
            long kj = j < x->m->nsents && x->m->sents[j].doc == s->doc ? candidate_of(x, j) : -1;
            if (kj < 0) {
                glp_set_col_bnds(lp, (int)k + 1, GLP_FX, 0, 0);
                continue;
            }
            int row = glp_add_rows(lp, 1);
            glp_set_row_bnds(lp, row, GLP_UP, 0, 0);
            if (trip_add(t, row, (int)k + 1, 1) || trip_add(t, row, (int)kj + 1, -1))
                return -1;
        }
    }
    return 0;
}

/* One binary column per candidate, then per concept (its weight in the
 * objective). */
static void add_columns(glp_prob *lp, const ilp_ctx *x)
{
    int n = (int)(x->ncand + x->nconcept_cols);
    if (n == 0)
        return;
    glp_add_cols(lp, n);
    for (int j = 1; j <= n; j++)
        glp_set_col_kind(lp, j, GLP_BV);
    for (size_t k = 0; k < x->c->n; k++)
        if (x->col[k])
            glp_set_obj_coef(lp, x->col[k], x->c->cs[k].weight);
}

static void triplets_free(triplets *t)
{
    xfree(t->ia), xfree(t->ja), xfree(t->ar);
    memset(t, 0, sizeof *t);
}

/* Builds and solves the program; on an optimal solution marks chosen[k]
 * for candidate k and returns 1; returns 0 when no optimum was reached, -1
 * when out of memory. */
static int solve_program(ilp_ctx *x, const budget *b, int time_limit_ms, uint8_t *chosen)
{
    glp_prob *lp = glp_create_prob();
    glp_set_obj_dir(lp, GLP_MAX);
    add_columns(lp, x);
    int rc = -1;
    if (add_budget_rows(lp, &x->t, x, b) || add_concept_rows(lp, &x->t, x) ||
        add_lean_rows(lp, &x->t, x))
        goto done;
    if (x->t.n)
        glp_load_matrix(lp, (int)x->t.n, x->t.ia, x->t.ja, x->t.ar);
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.presolve = GLP_ON, parm.msg_lev = GLP_MSG_OFF, parm.tm_lim = time_limit_ms;
    rc = 0;
    if (glp_get_num_cols(lp) == 0 || glp_intopt(lp, &parm) || glp_mip_status(lp) != GLP_OPT)
        goto done;
    for (size_t k = 0; k < x->ncand; k++)
        chosen[k] = glp_mip_col_val(lp, (int)k + 1) > 0.5;
    rc = 1;
done:
    glp_delete_prob(lp);
    triplets_free(&x->t);
    return rc;
}

/* GLPK's terminal hook: returning non-zero keeps GLPK from printing
 * (its error messages print even with terminal output off). */
static int swallow_output(void *info, const char *s)
{
    (void)info, (void)s;
    return 1;
}

/* GLPK reports a failure (out of its memory, an internal error) by calling
 * this hook and would abort the process after it: jump back instead. */
static void on_glpk_error(void *info)
{
    longjmp(*(jmp_buf *)info, 1);
}

/* GLPK keeps its environment (settings, hooks, memory accounting, a few
 * KB) in a thread-local pointer made on first use and never freed by
 * itself: each thread that ever solved would leak it at exit (servers and
 * pools start many short threads). Freeing it after every solve instead
 * would also destroy any GLPK objects the application made in that thread,
 * so a thread-specific key's destructor frees it when the thread ends,
 * while the thread-local pointer is still readable. The main thread's
 * environment stays reachable until the process ends, as before. */
static pthread_key_t glpk_env_key;
static pthread_once_t glpk_env_once = PTHREAD_ONCE_INIT;
static int glpk_env_key_ok;

/* The key's destructor: runs in the ending thread, so it frees that
 * thread's environment (a no-op returning 1 when there is none). */
static void glpk_env_release(void *unused)
{
    (void)unused;
    glp_free_env();
}

static void glpk_env_key_make(void)
{
    glpk_env_key_ok = pthread_key_create(&glpk_env_key, glpk_env_release) == 0;
}

/* Arranges for this thread's GLPK environment to be freed when it ends;
 * the key's value only has to be non-NULL for the destructor to run. */
static void glpk_env_release_at_exit(void)
{
    pthread_once(&glpk_env_once, glpk_env_key_make);
    if (glpk_env_key_ok && !pthread_getspecific(glpk_env_key))
        (void)pthread_setspecific(glpk_env_key, &glpk_env_key_ok);
}

/* solve_program, guarded: GLPK prints nothing (the library never prints),
 * and a GLPK failure returns 2 after GLPK's memory in this thread is
 * released (glp_free_env, which also resets GLPK's settings there),
 * instead of ending the process. */
static int solve(ilp_ctx *x, const budget *b, int time_limit_ms, uint8_t *chosen)
{
    jmp_buf jb;
    glpk_env_release_at_exit();
    if (setjmp(jb)) {
        glp_error_hook(NULL, NULL);
        glp_term_hook(NULL, NULL);
        glp_free_env();
        triplets_free(&x->t);
        return 2;
    }
    glp_term_hook(swallow_output, NULL);
    glp_error_hook(on_glpk_error, &jb);
    int rc = solve_program(x, b, time_limit_ms, chosen);
    glp_error_hook(NULL, NULL);
    glp_term_hook(NULL, NULL);
    return rc;
}

/* Adds the ILP's sentences (index order, each with the weight it covers),
 * then lets the greedy selector fill what is left (and --cut). */
static int take_solution(const ilp_ctx *x, const budget *b, long min_words, coverage *cv,
                         const uint8_t *chosen, selection *sel)
{
    scorer sc = coverage_scorer(cv);
    for (size_t k = 0; k < x->ncand; k++) {
        if (!chosen[k])
            continue;
        if (selection_add(sel, x->m, x->cand[k], sc.gain(sc.ctx, x->cand[k])))
            return -1;
        sc.commit(sc.ctx, x->cand[k]);
    }
    return select_greedy(x->m, b, &sc, min_words, sel);
}

/* Runs the exact program, or the greedy fallback (with a note). */
static int ilp_run(ilp_ctx *x, const budget *b, long min_words, int time_limit_ms,
                   selection *sel)
{
    coverage cv = {0};
    int rc = -1;
    uint8_t *chosen = NULL;
    if (coverage_init(&cv, x->c))
        goto done;
    scorer sc = coverage_scorer(&cv);
    if (choose_candidates(x, b, min_words, &sc) || number_concepts(x))
        goto done;
    chosen = xcalloc(x->ncand ? x->ncand : 1, 1);
    int solved = !chosen ? -1 : time_limit_ms > 0 ? solve(x, b, time_limit_ms, chosen) : 0;
    if (solved < 0)
        goto done;
    if (solved == 2)
        memset(chosen, 0, x->ncand ? x->ncand : 1);
    if (solved == 2)
        snprintf(sel->note, sizeof sel->note,
                 "ilp: the solver failed (GLPK error); fell back to greedy concept coverage");
    else if (!solved && x->ncand)
        snprintf(sel->note, sizeof sel->note,
                 "ilp: no optimal solution within %d ms; fell back to greedy concept coverage",
                 time_limit_ms);
    rc = take_solution(x, b, min_words, &cv, chosen, sel);
done:
    xfree(chosen);
    coverage_free(&cv);
    return rc;
}

int ilp_select(const model *m, const budget *b, long min_words, int time_limit_ms,
               selection *sel)
{
    concepts c;
    ilp_ctx x;
    memset(&x, 0, sizeof x);
    x.m = m, x.c = &c;
    int rc = -1;
    if (!concepts_build(&c, m, min_words))
        rc = ilp_run(&x, b, min_words, time_limit_ms, sel);
    xfree(x.cand), xfree(x.col);
    triplets_free(&x.t);
    concepts_free(&c);
    return rc;
}

/* The solver's limit: ILP_TIME_LIMIT_MS, or what is left before the
 * budget's deadline (max_seconds) when that is less. */
static int time_limit_ms(const budget *b)
{
    if (b->deadline <= 0)
        return ILP_TIME_LIMIT_MS;
    double left = (b->deadline - clock_now()) * 1000;
    return left <= 0 ? 0 : left < ILP_TIME_LIMIT_MS ? (int)left : ILP_TIME_LIMIT_MS;
}

int method_ilp(const model *m, const budget *b, const struct nf_options *o, selection *sel)
{
    return ilp_select(m, b, o->min_words, time_limit_ms(b), sel);
}
