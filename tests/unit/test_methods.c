/* The classic methods and their shared machinery on small hand-made
 * document sets: tf-idf vectors and the sparse graph, LexRank centrality,
 * KL-Sum, the exact ILP against greedy coverage and its fallback, MMR, the
 * near-duplicate filter, and every registered method end to end. */
#include "test.h"
#include "test_alloc.h"
#include "test_fixture.h"
#include "core/alloc.h"
#include "core/options.h"
#include "model/model.h"
#include "model/standalone.h"
#include "model/vectors.h"
#include "newsfuse.h"
#include "select/concepts.h"
#include "select/corroborate.h"
#include "select/graphrank.h"
#include "select/methods.h"
#include "select/mmr.h"
#include "model/redundancy.h"
#include "text/clean.h"
#include "text/tokens.h"
#include <glpk.h>
#include <malloc.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

static void options_for(struct nf_options *o, long words, long sentences)
{
    options_defaults(o);
    o->words = words, o->sentences = sentences;
}

TEST(vectors_are_unit_length_and_cosine_is_symmetric)
{
    static const char *const docs[] = {
        "Flood waters rose in the river town overnight. The river town lost power.",
        "Farmers near the town moved cattle to higher ground as waters rose.",
    };
    fixture f;
    fixture_open(&f, docs, 2);
    vectors v = {0};
    CHECK(f.ok && vectors_build(&v, &f.m) == 0);
    for (size_t i = 0; f.ok && i < v.n; i++) {
        double n2 = 0;
        for (uint32_t k = v.off[i]; k < v.off[i + 1]; k++)
            n2 += v.w[k] * v.w[k];
        CHECK_NEAR(n2, 1.0, 1e-9);
        CHECK_NEAR(vectors_cosine(&v, i, i), 1.0, 1e-9);
        for (size_t j = 0; j < v.n; j++)
            CHECK_NEAR(vectors_cosine(&v, i, j), vectors_cosine(&v, j, i), 1e-12);
    }
    /* The two sentences about the river town share more than the other pair. */
    if (f.ok)
        CHECK(vectors_cosine(&v, 0, 1) > vectors_cosine(&v, 1, 2));
    vectors_free(&v);
    fixture_close(&f);
}

TEST(graph_is_exact_when_small_and_bounded_when_asked)
{
    static const char *const docs[] = {
        "Storm winds toppled trees across the harbor district. Harbor crews cleared the trees "
        "from roads. Storm damage closed the harbor district schools. Winds also cut power "
        "lines in the district.",
    };
    fixture f;
    fixture_open(&f, docs, 1);
    vectors v = {0};
    simgraph g = {0}, small = {0};
    CHECK(f.ok && vectors_build(&v, &f.m) == 0);
    CHECK(f.ok && simgraph_build(&g, &v, NULL, SIM_COSINE, 0.0, 1000000) == 0);
    for (size_t i = 0; f.ok && i < v.n; i++)
        for (size_t j = 0; j < v.n; j++) {
            double want = i == j ? 0 : vectors_cosine(&v, i, j), got = 0;
            for (uint32_t e = g.first[i]; e < g.first[i + 1]; e++)
                if (g.nbr[e] == j)
                    got = g.sim[e];
            CHECK_NEAR(got, want, 1e-12);
        }
    /* With room for no pair at all, the graph has no edge. */
    CHECK(f.ok && simgraph_build(&small, &v, NULL, SIM_COSINE, 0.0, 0) == 0);
    CHECK(small.nedges == 0 && g.nedges > 0);
    simgraph_free(&g);
    simgraph_free(&small);
    vectors_free(&v);
    fixture_close(&f);
}

TEST(lexrank_ranks_the_central_sentence_first)
{
    /* The hub shares words with every other sentence; the others share
     * words only with the hub. */
    static const char *const docs[] = {
        "Volcano ash grounded flights, closed schools, and covered farms near Brenna.",
        "Ash from the volcano grounded all flights at the airport on Monday.",
        "Officials closed schools after the ash fell across the valley towns.",
        "Farms near Brenna were covered by a thick grey layer on Tuesday.",
    };
    fixture f;
    fixture_open(&f, docs, 4);
    vectors v = {0};
    simgraph g = {0};
    double score[16] = {0};
    CHECK(f.ok && f.m.nsents == 4 && vectors_build(&v, &f.m) == 0);
    uint8_t *mask = f.ok ? graph_node_mask(&f.m, &v) : NULL;
    CHECK(mask && simgraph_build(&g, &v, mask, SIM_COSINE, 0.0, 1000000) == 0);
    CHECK(mask && graph_pagerank(&g, mask, 0, 0.15, score) == 0);
    double total = 0;
    for (size_t i = 0; mask && i < f.m.nsents; i++)
        total += score[i];
    CHECK_NEAR(total, 1.0, 1e-6);
    long hub = find_sentence(&f, "Volcano ash");
    CHECK(hub >= 0);
    for (size_t i = 0; hub >= 0 && i < f.m.nsents; i++)
        if ((long)i != hub)
            CHECK(score[hub] > score[i]);
    xfree(mask);
    simgraph_free(&g);
    vectors_free(&v);
    fixture_close(&f);
}

/* Runs method name on f with the given budget; returns the selection. */
static selection run_method(fixture *f, const char *name, long words, long sentences)
{
    struct nf_options o;
    options_for(&o, words, sentences);
    budget b;
    budget_from_options(&b, &o, &f->m);
    selection sel = {0};
    method_fn fn = method_find(name);
    CHECK(fn != NULL);
    if (fn && f->ok)
        CHECK(fn(&f->m, &b, &o, &sel) == 0);
    return sel;
}

TEST(kl_picks_the_sentence_closest_to_the_input_distribution)
{
    /* The words of the input: reactor (x4), leak (x3), coolant (x3), plant
     * (x2), inspectors (x2). One sentence holds all five in about those
     * shares; the others hold one frequent word, or rare ones. */
    static const char *const docs[] = {
        "The reactor was shut down as engineers studied what had happened.",
        "Inspectors found the reactor coolant leak at the plant on Monday.",
        "A reactor leak of this kind is rare, according to the inspectors.",
        "Coolant pumps failed first, and the reactor plant lost its coolant leak alarm.",
        "Local bakeries sold extra bread to visiting journalists and neighbours.",
    };
    fixture f;
    fixture_open(&f, docs, 5);
    selection sel = run_method(&f, "kl", 0, 1);
    CHECK(sel.n == 1);
    CHECK(sel.n == 1 && (long)sel.idx[0] == find_sentence(&f, "Inspectors found"));
    selection_free(&sel);
    fixture_close(&f);
}

/* The summed concept weight a selection covers. */
static double covered_weight(const concepts *c, const selection *sel)
{
    coverage cv;
    if (coverage_init(&cv, c))
        return -1;
    scorer sc = coverage_scorer(&cv);
    double w = 0;
    for (size_t k = 0; k < sel->n; k++) {
        w += sc.gain(sc.ctx, sel->idx[k]);
        sc.commit(sc.ctx, sel->idx[k]);
    }
    coverage_free(&cv);
    return w;
}

/* Three copies of one report: every concept is in three documents. The
 * short first sentence has the best weight per word, so greedy takes it
 * and then has room for only one long sentence; the two long ones
 * together cover more. */
static const char *const TRAP =
    "Zorvane kelpit mardune solvex tirran quopel.\n\n"
    "Brindle vaskor mellum tobrin quaddle fenwick orlimp sastrel vuntor pelkin drobbel "
    "kastorn yelvin marrow.\n\n"
    "Glimmet horvath sunnel predwick oxtall ferrund jobble kinsel lattern morwick "
    "nobbin pastrel quillin rondel.";

TEST(ilp_beats_greedy_where_greedy_is_suboptimal)
{
    const char *const docs[] = {TRAP, TRAP, TRAP};
    fixture f;
    fixture_open(&f, docs, 3);
    struct nf_options o;
    options_for(&o, 28, 0);
    budget b;
    budget_from_options(&b, &o, &f.m);
    selection greedy = {0}, exact = {0};
    concepts c;
    CHECK(f.ok && concepts_build(&c, &f.m, o.min_words) == 0);
    coverage cv;
    CHECK(f.ok && coverage_init(&cv, &c) == 0);
    scorer sc = coverage_scorer(&cv);
    CHECK(f.ok && select_greedy(&f.m, &b, &sc, o.min_words, &greedy) == 0);
    CHECK(f.ok && ilp_select(&f.m, &b, o.min_words, 5000, &exact) == 0);
    double gw = covered_weight(&c, &greedy), ew = covered_weight(&c, &exact);
    CHECK(ew > gw + 1e-9);
    CHECK(exact.words <= 28 && exact.n == 2);
    CHECK(exact.note[0] == '\0');
    coverage_free(&cv);
    concepts_free(&c);
    selection_free(&greedy);
    selection_free(&exact);
    fixture_close(&f);
}

/* The weight of the concept bigram "a b" (stems as given), or -1. */
static double concept_weight(const fixture *f, const concepts *c, const char *a, const char *b)
{
    int64_t ta = vocab_find(&f->m.voc, a, strlen(a)), tb = vocab_find(&f->m.voc, b, strlen(b));
    uint64_t key = (uint64_t)ta << 32 | (uint64_t)tb;
    for (size_t k = 0; ta >= 0 && tb >= 0 && k < c->n; k++)
        if (c->cs[k].key == key)
            return c->cs[k].weight;
    return -1;
}

TEST(concept_one_report_short_of_the_threshold_counts_half)
{
    /* Six reports: the threshold is three (with three, two). "kelpit dravok" opens two of
     * them, "brindak vaskor" three; both first seen at position 0, so
     * both carry the position prior 1 + 2 / 1 = 3. */
    static const char *const docs[] = {
        "Kelpit dravok brindak vaskor stood near the old harbour wall today.",
        "Kelpit dravok brindak vaskor were seen by the river at night.",
        "Brindak vaskor came back to the town square this morning early.",
        "The market opened late because of the heavy rain and wind.",
        "Farmers brought fresh apples and pears to the weekly market.",
        "Children played football in the park until the sun went down.",
    };
    fixture f;
    fixture_open(&f, docs, 6);
    concepts c;
    CHECK(f.ok && concepts_build(&c, &f.m, 6) == 0);
    double prior = 1.0 + CONCEPT_POSITION_PRIOR;
    CHECK(fabs(concept_weight(&f, &c, "brindak", "vaskor") - 3 * prior) < 1e-9);
    CHECK(fabs(concept_weight(&f, &c, "kelpit", "dravok") -
               2 * CONCEPT_NEAR_THRESHOLD_SHARE * prior) < 1e-9);
    concepts_free(&c);
    /* With a query the edge is hard again: two reports weigh nothing. */
    CHECK(f.ok && model_set_query(&f.m, f.tk, "market apples") == NF_OK);
    CHECK(f.ok && concepts_build(&c, &f.m, 6) == 0);
    CHECK(concept_weight(&f, &c, "kelpit", "dravok") == 0);
    CHECK(fabs(concept_weight(&f, &c, "brindak", "vaskor") - 3 * prior) < 1e-9);
    concepts_free(&c);
    fixture_close(&f);
    /* Three reports: the threshold is two, and one report is one short. */
    fixture_open(&f, docs + 1, 3);
    CHECK(f.ok && concepts_build(&c, &f.m, 6) == 0);
    CHECK(fabs(concept_weight(&f, &c, "brindak", "vaskor") - 2 * prior) < 1e-9);
    CHECK(fabs(concept_weight(&f, &c, "kelpit", "dravok") - CONCEPT_NEAR_THRESHOLD_SHARE * prior) <
          1e-9);
    concepts_free(&c);
    fixture_close(&f);
}

TEST(coverage_prefix_gain_counts_only_the_prefix_and_once)
{
    const char *const docs[] = {TRAP, TRAP, TRAP};
    fixture f;
    fixture_open(&f, docs, 3);
    long i = find_sentence(&f, "Brindle vaskor");
    CHECK(i >= 0);
    concepts c;
    coverage cv;
    CHECK(f.ok && concepts_build(&c, &f.m, 6) == 0 && coverage_init(&cv, &c) == 0);
    scorer sc = coverage_scorer(&cv);
    const msent *s = &f.m.sents[i < 0 ? 0 : i];
    double whole = sc.gain(sc.ctx, (size_t)i), last = 0;
    CHECK(whole > 0);
    CHECK(coverage_prefix_gain(&cv, (size_t)i, 0) == 0 && coverage_prefix_gain(&cv, (size_t)i, 1) == 0);
    /* Every bigram of this sentence is a distinct concept of equal weight
     * (all in three reports, first seen at the same position). */
    double one = coverage_prefix_gain(&cv, (size_t)i, 2);
    CHECK(one > 0);
    for (uint32_t k = 2; k <= s->ntok; k++) {
        double g = coverage_prefix_gain(&cv, (size_t)i, k);
        CHECK(fabs(g - one * (k - 1)) < 1e-9 && g >= last);
        last = g;
    }
    CHECK(fabs(coverage_prefix_gain(&cv, (size_t)i, s->ntok + 5) - whole) < 1e-9);
    sc.commit(sc.ctx, (size_t)i);
    CHECK(coverage_prefix_gain(&cv, (size_t)i, s->ntok) == 0);
    coverage_free(&cv);
    concepts_free(&c);
    fixture_close(&f);
}

/* Three copies of a report whose long lead packs its concepts, while the
 * short second sentence is mostly stop words. */
static const char *const LEAD =
    "Zorvane kelpit mardune solvex tirran quopel brindle vaskor mellum tobrin quaddle "
    "fenwick orlimp sastrel vuntor pelkin drobbel kastorn yelvin marrow glimmet horvath "
    "sunnel predwick oxtall ferrund jobble kinsel lattern morwick.\n\n"
    "It was not what it had been before then, said Nobbin.";

TEST(concept_ends_with_a_cut_sentence_when_its_prefix_is_denser)
{
    const char *const docs[] = {LEAD, LEAD, LEAD};
    fixture f;
    fixture_open(&f, docs, 3);
    struct nf_options o;
    options_for(&o, 20, 0);
    o.cut = 1;
    budget b;
    budget_from_options(&b, &o, &f.m);
    selection sel = {0};
    CHECK(f.ok && method_find("concept")(&f.m, &b, &o, &sel) == 0);
    /* The lead's first 20 words are worth more per word, even at the cut
     * sentence's discount, than the short sentence whole: the summary is
     * the lead, cut, and nothing else. */
    CHECK(sel.n == 1 && sel.cut_words == 20 && sel.words == 20);
    CHECK(sel.n == 1 && (long)sel.idx[0] == find_sentence(&f, "Zorvane"));
    selection_free(&sel);
    fixture_close(&f);
}

/* A scorer with set gains for the shared selector's cut endings: gain[i]
 * whole, per_word[i] per kept word for a prefix (at most the whole). */
typedef struct toy {
    double gain[8], per_word[8];
    int taken[8];
} toy;

static double toy_gain(void *ctx, size_t i)
{
    toy *t = ctx;
    return i < 8 && !t->taken[i] ? t->gain[i] : 0;
}

static void toy_commit(void *ctx, size_t i)
{
    ((toy *)ctx)->taken[i < 8 ? i : 0] = 1;
}

static double toy_prefix_gain(void *ctx, size_t i, long words)
{
    double g = toy_gain(ctx, i), p = i < 8 ? ((toy *)ctx)->per_word[i] * (double)words : 0;
    return p < g ? p : g;
}

/* Three sentences, short A and C, long B; whole gain per word 1 for A,
 * 0.5 for C, 2 for B (which never fits 20 words). Runs the selector with
 * prefix gain per word pw for B (pw < 0: no prefix gain) under o. */
static selection toy_select(fixture *f, const struct nf_options *o, double pw)
{
    toy t = {{0}, {0}, {0}};
    long ids[3] = {find_sentence(f, "Divers found"), find_sentence(f, "The long"),
                   find_sentence(f, "Rescuers said")};
    const double ratio[3] = {1, 2, 0.5};
    for (int k = 0; k < 3; k++) {
        CHECK(ids[k] >= 0 && ids[k] < 8);
        size_t i = ids[k] < 0 || ids[k] >= 8 ? 0 : (size_t)ids[k];
        t.gain[i] = ratio[k] * f->m.sents[i].nwords;
        t.per_word[i] = k == 1 ? pw : 0;
    }
    budget b;
    budget_from_options(&b, o, &f->m);
    scorer sc = {toy_gain, toy_commit, &t, NULL};
    selection sel = {0};
    CHECK(select_greedy_prefix(&f->m, &b, &sc, pw < 0 ? NULL : toy_prefix_gain, o->min_words,
                               &sel) == 0);
    return sel;
}

TEST(greedy_weighs_cut_endings_only_with_a_prefix_gain)
{
    static const char *const docs[] = {
        "Divers found the wreck near the northern reef. The long search for the ferry that "
        "sank in the storm last week ended when sonar crews mapped the hull lying on its side "
        "in deep water off the coast. Rescuers said the cold water slowed their work."};
    fixture f;
    fixture_open(&f, docs, 1);
    long a = find_sentence(&f, "Divers found"), bl = find_sentence(&f, "The long"),
         c = find_sentence(&f, "Rescuers said");
    CHECK(f.ok && a >= 0 && bl >= 0 && c >= 0 && f.m.sents[bl].nwords > 20);
    CHECK(f.m.sents[a].nwords + f.m.sents[c].nwords < 20);
    struct nf_options o;
    options_for(&o, 20, 0);
    o.cut = 1;
    /* Default ending: A and C whole, then B cut to the words left. */
    selection d = toy_select(&f, &o, -1);
    CHECK(d.n == 3 && (long)d.idx[0] == a && (long)d.idx[1] == c && (long)d.idx[2] == bl);
    CHECK(d.cut_sent == (size_t)bl && d.cut_words == 20 - (long)(f.m.sents[a].nwords + f.m.sents[c].nwords));
    /* B's first words at 3 per word beat A even at the cut discount: B cut
     * at 20 words is the whole summary. */
    selection dense = toy_select(&f, &o, 3);
    CHECK(dense.n == 1 && (long)dense.idx[0] == bl && dense.cut_words == 20 && dense.words == 20);
    /* At 1.5 per word the discount puts B's cut ending below A but above
     * C: A, then B cut to the words left. */
    selection mid = toy_select(&f, &o, 1.5);
    CHECK(mid.n == 2 && (long)mid.idx[0] == a && (long)mid.idx[1] == bl);
    CHECK(mid.cut_sent == (size_t)bl && mid.cut_words == 20 - (long)f.m.sents[a].nwords);
    /* A prefix worth nothing is no ending: A and C, no cut sentence. */
    selection none = toy_select(&f, &o, 0);
    CHECK(none.n == 2 && none.cut_words == 0);
    /* A byte budget keeps the default ending whatever the prefix gain. */
    o.words = 0, o.bytes = 140;
    selection bytes_plain = toy_select(&f, &o, -1), bytes_dense = toy_select(&f, &o, 3);
    CHECK(bytes_plain.n == bytes_dense.n && bytes_dense.n > 0 && bytes_dense.cut_words == 0);
    for (size_t k = 0; k < bytes_plain.n && k < bytes_dense.n; k++)
        CHECK(bytes_plain.idx[k] == bytes_dense.idx[k]);
    selection *all[] = {&d, &dense, &mid, &none, &bytes_plain, &bytes_dense};
    for (size_t k = 0; k < sizeof all / sizeof *all; k++)
        selection_free(all[k]);
    fixture_close(&f);
}

/* The model of texts[0..n) with every stand-alone rule marked (the
 * "standalone" option). */
static void fixture_open_standalone(fixture *f, const char *const *texts, size_t n)
{
    model_limits lim = {0, 0, 0, NULL, MODEL_SA_OPENERS | MODEL_SA_QUOTES};
    fixture_open_limits(f, texts, n, NULL, &lim);
}

/* What a sentence leans on (model/standalone.h), on an invented report. */
static int leans_of(const fixture *f, const char *prefix)
{
    long i = find_sentence(f, prefix);
    CHECK(i >= 0);
    return i < 0 ? -1 : f->m.sents[i].leans;
}

TEST(sentences_lean_on_openers_and_quotations_followed_through_a_report)
{
    static const char *const docs[] = {
        "The ferry Aurora sank near the island on Monday. She was carrying forty people. "
        "Harbour master Ola Berg spoke at the pier. \"We searched all night. The water was "
        "cold. We found most of them,\" Berg said. Hearing the news, families gathered. "
        "They're waiting for word. \"It was terrible,\" a survivor said.\n\n"
        "\"We will not stop looking.\n\nDivers returned to the wreck on Tuesday. "
        "Officials closed the port, the mayor's office said.\" Crews worked late."};
    fixture f;
    fixture_open_standalone(&f, docs, 1);
    CHECK(leans_of(&f, "The ferry") == 0);
    CHECK(leans_of(&f, "She was") == LEANS_PREV);
    CHECK(leans_of(&f, "Harbour") == 0);
    /* A quotation over three sentences: the first needs the next, the
     * middle both, the last the one before. */
    CHECK(leans_of(&f, "\"We searched") == LEANS_NEXT);
    CHECK(leans_of(&f, "The water") == (LEANS_PREV | LEANS_NEXT));
    CHECK(leans_of(&f, "We found") == LEANS_PREV);
    CHECK(leans_of(&f, "Hearing") == 0); /* "He" only as a word */
    CHECK(leans_of(&f, "They're") == LEANS_PREV);
    CHECK(leans_of(&f, "\"It was") == 0); /* a whole quotation */
    /* Left open at the end of a paragraph: never a summary sentence. */
    CHECK(leans_of(&f, "\"We will not") & LEANS_BROKEN);
    CHECK(leans_of(&f, "Divers returned") == 0);
    /* A closing mark with no opening one. */
    CHECK(leans_of(&f, "Officials closed") & LEANS_BROKEN);
    CHECK(leans_of(&f, "Crews worked") == 0);
    fixture_close(&f);
}

TEST(quotations_run_over_sentences_with_curly_marks_and_reopened_paragraphs)
{
    static const char *const docs[] = {
        "The coach said: \xE2\x80\x9CWe lost the game. We lost it early.\xE2\x80\x9D Fans left. "
        "\"The season is long. \"We will be back,\" he said. The club said nothing."};
    fixture f;
    fixture_open_standalone(&f, docs, 1);
    CHECK(leans_of(&f, "The coach") == LEANS_NEXT);
    CHECK(leans_of(&f, "We lost it") == LEANS_PREV);
    CHECK(leans_of(&f, "Fans left") == 0);
    /* News runs a quotation over paragraphs by opening it again; run
     * together, the part before the new opening mark never closes. */
    CHECK(leans_of(&f, "\"The season") & LEANS_BROKEN);
    CHECK(leans_of(&f, "\"We will be back") == 0);
    CHECK(leans_of(&f, "The club") == 0);
    fixture_close(&f);
}

/* A scorer over the toy gains of the first 8 sentences whose units weigh
 * their members summed (the default when a scorer has no unit gain). */
static selection toy_pick(fixture *f, const double *gain, size_t n, long words)
{
    toy t = {{0}, {0}, {0}};
    for (size_t i = 0; i < n && i < 8; i++)
        t.gain[i] = gain[i];
    struct nf_options o;
    options_for(&o, words, 0);
    o.min_words = 1;
    budget b;
    budget_from_options(&b, &o, &f->m);
    scorer sc = {toy_gain, toy_commit, &t, NULL};
    selection sel = {0};
    CHECK(select_greedy(&f->m, &b, &sc, o.min_words, &sel) == 0);
    return sel;
}

static int picked(const selection *sel, long i)
{
    for (size_t k = 0; k < sel->n; k++)
        if ((long)sel->idx[k] == i)
            return 1;
    return 0;
}

TEST(greedy_takes_a_leaning_sentence_only_with_what_it_leans_on)
{
    static const char *const docs[] = {
        "A storm hit the coast today. The mayor spoke tonight. He ordered schools closed "
        "across the whole county. Roads flooded badly."};
    fixture f;
    fixture_open_standalone(&f, docs, 1);
    long storm = find_sentence(&f, "A storm"), mayor = find_sentence(&f, "The mayor"),
         he = find_sentence(&f, "He ordered"), roads = find_sentence(&f, "Roads");
    CHECK(f.ok && storm == 0 && mayor == 1 && he == 2 && roads == 3);
    /* "He ..." is the best sentence but goes in only with the one before:
     * the unit (5 + 16 over 11 words) beats the storm (4 over 5). */
    const double g1[] = {4, 5, 16, 1};
    selection a = toy_pick(&f, g1, 4, 20);
    CHECK(picked(&a, mayor) && picked(&a, he) && picked(&a, storm));
    /* Room for "He ..." alone (8 words) but not with the mayor: left out. */
    selection b = toy_pick(&f, g1, 4, 8);
    CHECK(f.m.sents[he].nwords == 8 && b.n > 0 && !picked(&b, he));
    /* Once the sentence it leans on was chosen on its own, it may follow
     * alone. */
    const double g2[] = {0, 50, 8, 0};
    selection c = toy_pick(&f, g2, 4, 20);
    CHECK(c.n == 2 && c.idx[0] == (size_t)mayor && c.idx[1] == (size_t)he);
    selection_free(&a), selection_free(&b), selection_free(&c);
    fixture_close(&f);
}

TEST(concept_weighs_a_unit_by_its_concepts_counted_once)
{
    static const char *const docs[] = {
        "Rescue crews searched the flooded valley. They searched the flooded valley again.",
        "Rescue crews searched the flooded valley. They found the missing hikers.",
        "Rescue crews searched the flooded valley for hikers."};
    fixture f;
    fixture_open_standalone(&f, docs, 3);
    concepts c;
    coverage cv;
    CHECK(f.ok && concepts_build(&c, &f.m, 1) == 0 && coverage_init(&cv, &c) == 0);
    scorer sc = coverage_scorer(&cv);
    long a = find_sentence(&f, "Rescue crews"), b = find_sentence(&f, "They searched");
    CHECK(a == 0 && b == 1 && sc.unit_gain);
    if (a == 0 && b == 1 && sc.unit_gain) {
        const size_t both[] = {0, 1};
        double ga = sc.gain(sc.ctx, 0), gb = sc.gain(sc.ctx, 1), gu = sc.unit_gain(sc.ctx, both, 2);
        CHECK(ga > 0 && gb > 0 && gu >= ga && gu < ga + gb);
        sc.commit(sc.ctx, 0);
        CHECK_NEAR(sc.unit_gain(sc.ctx, both, 2), sc.gain(sc.ctx, 1), 1e-12);
    }
    coverage_free(&cv);
    concepts_free(&c);
    fixture_close(&f);
}

/* Returns 1 if the summary of sentences chosen[0..3) reads in the order
 * want[0..3). */
static int reads_as(const fixture *f, const long *chosen, const long *want)
{
    selection sel = {0};
    int ok = 1;
    for (int k = 0; k < 3; k++)
        ok &= selection_add(&sel, &f->m, (size_t)chosen[k], 1) == 0;
    order_for_reading(&f->m, &sel);
    ok &= sel.n == 3;
    for (size_t k = 0; ok && k < 3; k++)
        ok &= sel.idx[k] == (size_t)want[k];
    selection_free(&sel);
    return ok;
}

TEST(a_person_named_by_surname_only_points_at_the_introduction)
{
    static const char *const docs[] = {
        "The ferry sank on Monday. Harbour master Ola Berg spoke at the pier on Tuesday. "
        "\"We searched all night,\" Berg said. Mr. Berg said the pier would reopen. "
        "Ola Berg said the port was closed. Police said the ferry was old. The police "
        "closed the road.",
        "Divers found the hull of the sunken ferry near the pier on Wednesday. Harbour master "
        "Ola Berg said the divers would return."};
    fixture f;
    fixture_open(&f, docs, 2); /* the reading order's rule, whatever the option */
    long intro = find_sentence(&f, "Harbour master Ola Berg spoke"),
         quote = find_sentence(&f, "\"We searched"), mr = find_sentence(&f, "Mr. Berg"),
         full = find_sentence(&f, "Ola Berg said the port"), police = find_sentence(&f, "Police said"),
         other = find_sentence(&f, "Harbour master Ola Berg said the divers");
    CHECK(intro >= 0 && quote >= 0 && mr >= 0 && full >= 0 && police >= 0 && other >= 0);
    if (intro < 0 || quote < 0 || mr < 0 || full < 0 || police < 0 || other < 0) {
        fixture_close(&f);
        return;
    }
    size_t off = 0, sl = 0;
    CHECK(standalone_intro(&f.m, (size_t)quote, &off, &sl) == intro);
    const msent *q = &f.m.sents[quote];
    CHECK(sl == 4 && !strncmp(f.ds->docs[0].text + q->start + off, "Berg", 4));
    CHECK(standalone_intro(&f.m, (size_t)mr, &off, &sl) == intro);
    CHECK(standalone_intro(&f.m, (size_t)full, &off, &sl) == -1);
    CHECK(standalone_intro(&f.m, (size_t)police, &off, &sl) == -1); /* "police" is a common word here */
    CHECK(standalone_intro(&f.m, (size_t)intro, &off, &sl) == -1);
    CHECK(standalone_intro(&f.m, (size_t)other, &off, &sl) == -1);
    /* A summary of the quote (first report) and the other report's sentence
     * naming Berg in full: the full name is read first. */
    const long chosen1[3] = {quote, police, other}, read1[3] = {other, quote, police};
    CHECK(reads_as(&f, chosen1, read1));
    /* With the introduction itself chosen, reading order stands. */
    const long chosen2[3] = {other, quote, intro}, read2[3] = {intro, quote, other};
    CHECK(reads_as(&f, chosen2, read2));
    fixture_close(&f);
}

TEST(lead_and_ilp_take_leaning_sentences_with_what_they_lean_on)
{
    static const char *const docs[] = {
        "Harbour master Ola Berg closed the port on Monday night. He said the storm would "
        "last two more days at least. \"We will not take risks with the ferries. The crews "
        "stay ashore,\" he told the harbour radio. Ferries stayed in port all day.",
        "The storm closed the port on Monday night, the harbour master said. Ferries stayed "
        "in port all day, and the crews stayed ashore."};
    fixture f;
    fixture_open_standalone(&f, docs, 2);
    long he = find_sentence(&f, "He said"), open = find_sentence(&f, "\"We will not"),
         close = find_sentence(&f, "The crews stay");
    CHECK(he == 1 && open == 2 && close == 3);
    struct nf_options o;
    options_for(&o, 40, 0);
    budget b;
    budget_from_options(&b, &o, &f.m);
    selection sel = {0};
    CHECK(method_lead(&f.m, &b, &o, &sel) == 0);
    /* The first sentence, "He said ..." after it, then the quotation whole. */
    CHECK(sel.n == 4 && sel.idx[0] == 0 && sel.idx[1] == 1 && sel.idx[2] == 2 && sel.idx[3] == 3);
    selection_free(&sel);
    /* Room for the first two but not the quotation: no half of it. */
    options_for(&o, 25, 0);
    budget_from_options(&b, &o, &f.m);
    CHECK(method_lead(&f.m, &b, &o, &sel) == 0);
    for (size_t k = 0; k < sel.n; k++)
        CHECK(sel.idx[k] != (size_t)open && sel.idx[k] != (size_t)close);
    selection_free(&sel);
    /* The exact program: never "He said ..." or half of the quotation alone. */
    for (long words = 10; words <= 60; words += 5) {
        options_for(&o, words, 0);
        budget_from_options(&b, &o, &f.m);
        CHECK(ilp_select(&f.m, &b, 1, 1000, &sel) == 0);
        int has[4] = {0};
        for (size_t k = 0; k < sel.n; k++)
            if (sel.idx[k] < 4)
                has[sel.idx[k]] = 1;
        CHECK(!has[1] || has[0]);
        CHECK(has[2] == has[3]);
        selection_free(&sel);
    }
    fixture_close(&f);
}

TEST(without_the_option_every_sentence_stands_alone)
{
    static const char *const docs[] = {
        "A storm hit the coast today. The mayor spoke tonight. He ordered schools closed "
        "across the whole county. \"We will not take risks. The crews stay ashore,\" he said."};
    fixture f;
    fixture_open(&f, docs, 1);
    for (size_t i = 0; f.ok && i < f.m.nsents; i++)
        CHECK(f.m.sents[i].leans == 0);
    long he = find_sentence(&f, "He ordered");
    CHECK(he == 2);
    /* The default greedy takes "He ..." alone when it is the best. */
    const double g[] = {4, 5, 16, 1, 1};
    selection s = toy_pick(&f, g, 5, 8);
    CHECK(s.n == 1 && (long)s.idx[0] == he);
    selection_free(&s);
    fixture_close(&f);
}

TEST(ilp_falls_back_to_greedy_and_says_so)
{
    const char *const docs[] = {TRAP, TRAP, TRAP};
    fixture f;
    fixture_open(&f, docs, 3);
    struct nf_options o;
    options_for(&o, 28, 0);
    budget b;
    budget_from_options(&b, &o, &f.m);
    selection fell = {0}, greedy = {0};
    CHECK(f.ok && ilp_select(&f.m, &b, o.min_words, 0, &fell) == 0);
    CHECK(strstr(fell.note, "fell back") != NULL);
    concepts c;
    CHECK(f.ok && concepts_build(&c, &f.m, o.min_words) == 0);
    coverage cv;
    CHECK(f.ok && coverage_init(&cv, &c) == 0);
    scorer sc = coverage_scorer(&cv);
    CHECK(f.ok && select_greedy(&f.m, &b, &sc, o.min_words, &greedy) == 0);
    CHECK(fell.n == greedy.n);
    for (size_t k = 0; k < fell.n && k < greedy.n; k++)
        CHECK(fell.idx[k] == greedy.idx[k]);
    coverage_free(&cv);
    concepts_free(&c);
    selection_free(&fell);
    selection_free(&greedy);
    fixture_close(&f);
}

TEST(ilp_note_reaches_the_summary_warnings)
{
    /* Through the public API the limit is generous: no warning. */
    const char *const docs[] = {TRAP, TRAP, TRAP};
    nf_docset *ds = nf_docset_new();
    for (int i = 0; ds && i < 3; i++)
        nf_docset_add(ds, NULL, NULL, NULL, docs[i], strlen(docs[i]));
    nf_options *o = nf_options_new();
    CHECK(nf_options_set(o, "method", "ilp") == NF_OK);
    CHECK(nf_options_set(o, "words", "28") == NF_OK);
    nf_summary *s = NULL;
    CHECK(nf_summarize(ds, o, &s) == NF_OK);
    CHECK(nf_summary_count(s) == 2 && nf_summary_warning_count(s) == 0);
    nf_summary_free(s);
    nf_options_free(o);
    nf_docset_free(ds);
}

/* Appends to buf a synthetic report: sentences of pseudo-words drawn by
 * a fixed sequence from a small vocabulary, so bigrams recur across reports
 * and the concept program is large. */
static void synthetic_report(char *buf, size_t cap, unsigned seed, int sentences)
{
    static const char *const syl[] = {"bal", "ker", "mon", "vad", "tis", "rup", "gol", "fen",
                                      "zor", "pim", "luk", "dex", "sar", "nob", "wik", "jut"};
    size_t at = 0;
    unsigned x = seed * 2654435761u + 1;
    for (int i = 0; i < sentences; i++)
        for (int w = 0; w < 12; w++) {
            x = x * 1103515245u + 12345u;
            unsigned k = (x >> 16) % 60;
            at += (size_t)snprintf(buf + at, cap - at, "%s%s%s%s", w ? " " : "",
                                   syl[k % 16], syl[(k / 16 + w) % 16], w == 11 ? ". " : "");
            if (!w)
                buf[at - 6] = (char)(buf[at - 6] - 'a' + 'A');
        }
}

TEST(ilp_falls_back_when_the_solver_fails)
{
    /* GLPK's own memory limit makes it fail inside the solver: the method
     * must come back with the greedy solution and say so, not abort. */
    static char texts[8][8192];
    const char *docs[8];
    for (unsigned d = 0; d < 8; d++)
        synthetic_report(texts[d], sizeof texts[d], d % 3, 60), docs[d] = texts[d];
    fixture f;
    fixture_open(&f, docs, 8);
    struct nf_options o;
    options_for(&o, 250, 0);
    budget b;
    budget_from_options(&b, &o, &f.m);
    selection fell = {0};
    glp_mem_limit(1);
    CHECK(f.ok && ilp_select(&f.m, &b, o.min_words, 5000, &fell) == 0);
    glp_free_env(); /* drops the limit */
    CHECK(strstr(fell.note, "solver failed") != NULL);
    CHECK(fell.n > 0 && fell.words <= 250);
    selection_free(&fell);
    fixture_close(&f);
}

/* What one short-lived thread solves: the TRAP set's exact program. */
typedef struct ilp_job {
    const fixture *f;
    const budget *b;
    long min_words;
    int ok;
} ilp_job;

static void *ilp_in_thread(void *arg)
{
    ilp_job *j = arg;
    selection sel = {0};
    j->ok = ilp_select(&j->f->m, j->b, j->min_words, 5000, &sel) == 0 && sel.n == 2;
    selection_free(&sel);
    return NULL;
}

/* Runs the exact program in n threads, one after another; returns how
 * many solved it. */
static int ilp_threads(ilp_job *j, int n)
{
    int ok = 0;
    for (int i = 0; i < n; i++) {
        pthread_t t;
        j->ok = 0;
        if (pthread_create(&t, NULL, ilp_in_thread, j) || pthread_join(t, NULL))
            break;
        ok += j->ok;
    }
    return ok;
}

/* The heap bytes in use (all arenas, mmapped blocks too). */
static size_t heap_in_use(void)
{
    struct mallinfo2 mi = mallinfo2();
    return mi.uordblks + mi.hblkhd;
}

TEST(ilp_frees_glpk_memory_of_ended_threads)
{
    /* GLPK keeps a thread-local environment of a few KB: 400 threads that
     * each solve once must not leave 400 of them behind (a server starts
     * that many in minutes). Under ASan mallinfo2 sees nothing; LeakSanitizer
     * then reports such a leak at exit instead. */
    const char *const docs[] = {TRAP, TRAP, TRAP};
    fixture f;
    fixture_open(&f, docs, 3);
    struct nf_options o;
    options_for(&o, 28, 0);
    budget b;
    budget_from_options(&b, &o, &f.m);
    ilp_job j = {&f, &b, o.min_words, 0};
    CHECK(f.ok && ilp_threads(&j, 8) == 8); /* warm up the allocator's arenas */
    size_t before = heap_in_use();
    CHECK(f.ok && ilp_threads(&j, 400) == 400);
    size_t after = heap_in_use();
    if (after > before + 256 * 1024)
        fprintf(stderr, "  heap grew by %zu bytes over 400 threads\n", after - before);
    CHECK(after <= before + 256 * 1024);
    fixture_close(&f);
}

TEST(mmr_trades_relevance_for_novelty)
{
    /* Sentences 0 and 1 say the same in other words' order (not near
     * duplicates by bigrams, but close in cosine); 2 says something else. */
    static const char *const docs[] = {
        "Rescuers pulled three miners alive from the flooded shaft on Friday.",
        "On Friday, from the flooded shaft, three miners were pulled alive by rescuers.",
        "The mine owner faces an inquiry into safety checks that were skipped.",
    };
    fixture f;
    fixture_open(&f, docs, 3);
    vectors v = {0};
    CHECK(f.ok && f.m.nsents == 3 && vectors_build(&v, &f.m) == 0);
    CHECK(f.ok && vectors_cosine(&v, 0, 1) > 0.6 && f.m.sents[1].dup_of < 0);
    double score[3] = {1.0, 0.95, 0.6};
    struct nf_options o;
    options_for(&o, 0, 2);
    budget b;
    budget_from_options(&b, &o, &f.m);
    selection plain = {0}, mmr_sel = {0};
    CHECK(f.ok && mmr_select_scores(&f.m, &b, 1, &v, score, 1.0, 1.01, &plain) == 0);
    CHECK(f.ok && mmr_select_scores(&f.m, &b, 1, &v, score, 0.5, 1.01, &mmr_sel) == 0);
    CHECK(plain.n == 2 && plain.idx[0] == 0 && plain.idx[1] == 1);
    CHECK(mmr_sel.n == 2 && mmr_sel.idx[0] == 0 && mmr_sel.idx[1] == 2);
    selection_free(&plain);
    selection_free(&mmr_sel);
    vectors_free(&v);
    fixture_close(&f);
}

TEST(near_duplicates_count_once_and_as_support)
{
    static const char *const docs[] = {
        "The central bank raised its main interest rate by half a point on Thursday to curb "
        "inflation. Markets fell.",
        "Exporters said a stronger currency would hurt their sales abroad this year.",
        "The central bank raised its main interest rate by half a point on Thursday, to curb "
        "rising inflation.",
    };
    fixture f;
    fixture_open(&f, docs, 3);
    long a = find_sentence(&f, "The central bank raised its main interest rate by half a point on "
                               "Thursday to"),
         b = find_sentence(&f, "The central bank raised its main interest rate by half a point on "
                               "Thursday,"),
         other = find_sentence(&f, "Exporters");
    CHECK(a >= 0 && b > a && other >= 0);
    if (a >= 0 && b > a && other >= 0) {
        CHECK(redundancy_jaccard(&f.m, (size_t)a, (size_t)b) >= REDUNDANCY_MIN_JACCARD);
        CHECK(redundancy_jaccard(&f.m, (size_t)a, (size_t)other) < 0.1);
        CHECK(f.m.sents[b].dup_of == a);
        CHECK(f.m.sents[a].support == 1);
        CHECK(f.m.sents[other].dup_of < 0);
        CHECK(!model_sentence_usable(&f.m, (size_t)b, 1));
    }
    fixture_close(&f);
}

TEST(numbers_and_outcomes_in_other_forms_are_the_same_content)
{
    static const char *const docs[] = {
        "Fourteen passengers and two crew were killed. "
        "Twelve villagers were freed by the rebels on Sunday after a week.",
        "At least 14 passengers dead, along with both crew members. "
        "12 villagers were released by the rebels on Sunday after a week.",
        "The airline opened a line for relatives."};
    fixture f;
    fixture_open(&f, docs, 3);
    long a = find_sentence(&f, "Fourteen passengers"), b = find_sentence(&f, "At least 14"),
         c = find_sentence(&f, "Twelve villagers"), d = find_sentence(&f, "12 villagers");
    CHECK(a >= 0 && b >= 0 && c >= 0 && d >= 0);
    if (a >= 0 && b >= 0 && c >= 0 && d >= 0) {
        /* Redundancy: the same sentence but for the number's form and the
         * outcome's word is a near duplicate. */
        CHECK(redundancy_jaccard(&f.m, (size_t)c, (size_t)d) >= REDUNDANCY_MIN_JACCARD);
        CHECK(f.m.sents[d].dup_of == c && f.m.sents[c].support == 1);
        /* Corroboration: the restatement in other words counts (shares 4 of
         * 5 and 7 content words: 0.68; 2 without the forms: 0.34). */
        uint8_t *mark = xcalloc(f.m.voc.nterms + 1, 1);
        corroboration co = {0};
        CHECK(mark && corroborate(&f.m, (size_t)a, mark, &co) == 0);
        CHECK(co.ndocs == 1 && co.n == 1 && co.sents[0] == (uint32_t)b);
        for (size_t k = 0; mark && k <= f.m.voc.nterms; k++)
            CHECK(mark[k] == 0);
        corroboration_free(&co);
        xfree(mark);
        /* The forms are for comparing only: the counted terms stay apart. */
        CHECK(f.m.toks[f.m.sents[c].tok] != f.m.toks[f.m.sents[d].tok]);
        CHECK(f.m.ctoks[f.m.sents[c].tok] == f.m.ctoks[f.m.sents[d].tok]);
    }
    fixture_close(&f);
}

TEST(near_duplicate_threshold_is_respected)
{
    static const char *const docs[] = {
        "Police closed the northern bridge after a truck crashed into the railing early today.",
        "Police closed the southern tunnel after a bus broke down near the entrance late today.",
    };
    fixture f;
    fixture_open(&f, docs, 2);
    CHECK(f.ok && f.m.nsents == 2);
    if (f.ok && f.m.nsents == 2) {
        double j = redundancy_jaccard(&f.m, 0, 1);
        CHECK(j > 0 && j < REDUNDANCY_MIN_JACCARD);
        CHECK(f.m.sents[1].dup_of < 0);
        /* Asked again at the same threshold, the filter still keeps both. */
        CHECK(redundancy_mark_near_duplicates(&f.m, REDUNDANCY_MIN_JACCARD) == 0);
        CHECK(f.m.sents[1].dup_of < 0 && f.m.sents[0].support == 0);
    }
    fixture_close(&f);
}

/* Six reports on one invented event, and one off-topic sentence. */
static const char *const EVENT[] = {
    "A landslide buried part of the mountain village of Orvello on Sunday after days of heavy "
    "rain. Rescue teams searched the mud for survivors through the night. The landslide "
    "destroyed twelve houses and the village school.",
    "Heavy rain triggered a landslide that buried houses in Orvello, a mountain village, "
    "officials said. Rescue teams pulled four survivors from the mud on Monday. The regional "
    "orchestra announced its spring programme of baroque concertos and symphonies.",
    "Rescue teams in Orvello found four survivors under the mud and rubble of the landslide. "
    "Twelve houses were destroyed and more rain is forecast for the mountain region.",
    "The landslide in Orvello followed days of heavy rain, and rescue teams kept searching for "
    "survivors in the mud. Officials said the village school was destroyed.",
    "Survivors of the Orvello landslide described the mud sweeping through the village after "
    "the heavy rain. Rescue teams used dogs to search the destroyed houses.",
    "More heavy rain fell on Orvello as rescue teams searched the landslide for survivors. The "
    "mountain village lost its school and twelve houses to the mud.",
};

TEST(mmr_wraps_any_scorer)
{
    /* Over concept coverage: at lambda 1 with no limit, MMR chooses what
     * greedy coverage chooses; with a redundancy limit under the cosine of
     * the two long sentences of the first report (copied into the third),
     * the second one never joins the first. */
    const char *const docs[] = {EVENT[0], EVENT[2], EVENT[0]};
    fixture f;
    fixture_open(&f, docs, 3);
    struct nf_options o;
    options_for(&o, 60, 0);
    budget b;
    budget_from_options(&b, &o, &f.m);
    concepts c;
    coverage cv1, cv2;
    vectors v = {0};
    selection plain = {0}, wrapped = {0};
    mmr r;
    CHECK(f.ok && concepts_build(&c, &f.m, o.min_words) == 0 && vectors_build(&v, &f.m) == 0);
    CHECK(f.ok && coverage_init(&cv1, &c) == 0 && coverage_init(&cv2, &c) == 0);
    scorer base1 = coverage_scorer(&cv1), base2 = coverage_scorer(&cv2);
    CHECK(f.ok && select_greedy(&f.m, &b, &base1, o.min_words, &plain) == 0);
    CHECK(f.ok && mmr_init_scorer(&r, &f.m, &v, &base2, 1.0, 1.01, o.min_words) == 0);
    scorer sc = mmr_scorer(&r);
    CHECK(f.ok && select_greedy(&f.m, &b, &sc, o.min_words, &wrapped) == 0);
    CHECK(plain.n >= 2 && plain.n == wrapped.n);
    for (size_t k = 0; k < plain.n && k < wrapped.n; k++)
        CHECK(plain.idx[k] == wrapped.idx[k]);
    mmr_free(&r);
    /* Now a limit just under the highest cosine between two chosen ones. */
    double top = 0;
    for (size_t a = 0; a < plain.n; a++)
        for (size_t z = a + 1; z < plain.n; z++) {
            double s = vectors_cosine(&v, plain.idx[a], plain.idx[z]);
            top = s > top ? s : top;
        }
    selection limited = {0};
    coverage cv3;
    CHECK(top > 0 && coverage_init(&cv3, &c) == 0);
    scorer base3 = coverage_scorer(&cv3);
    CHECK(mmr_init_scorer(&r, &f.m, &v, &base3, 1.0, top - 1e-9, o.min_words) == 0);
    sc = mmr_scorer(&r);
    CHECK(select_greedy(&f.m, &b, &sc, o.min_words, &limited) == 0);
    CHECK(limited.n >= 2);
    for (size_t a = 0; a < limited.n; a++)
        for (size_t z = a + 1; z < limited.n; z++)
            CHECK(vectors_cosine(&v, limited.idx[a], limited.idx[z]) < top - 1e-9);
    mmr_free(&r);
    coverage_free(&cv1), coverage_free(&cv2), coverage_free(&cv3);
    concepts_free(&c);
    vectors_free(&v);
    selection_free(&plain), selection_free(&wrapped), selection_free(&limited);
    fixture_close(&f);
}

static nf_docset *event_docset(void)
{
    nf_docset *ds = nf_docset_new();
    for (size_t i = 0; ds && i < sizeof EVENT / sizeof *EVENT; i++)
        nf_docset_add(ds, NULL, NULL, NULL, EVENT[i], strlen(EVENT[i]));
    return ds;
}

/* Summarizes the event with the method under a budget ("words" or
 * "sentences"); NULL on failure. */
static nf_summary *summarize_event(const char *method, const char *unit, const char *n)
{
    nf_docset *ds = event_docset();
    nf_options *o = nf_options_new();
    CHECK(nf_options_set(o, "method", method) == NF_OK);
    CHECK(nf_options_set(o, unit, n) == NF_OK);
    nf_summary *s = NULL;
    int rc = nf_summarize(ds, o, &s);
    if (rc != NF_OK)
        fprintf(stderr, "  method %s: %s\n", method, nf_strerror(rc));
    nf_options_free(o);
    nf_docset_free(ds);
    return s;
}

TEST(every_method_first_chooses_an_on_topic_sentence)
{
    for (const char *const *name = method_names(); *name; name++) {
        nf_summary *s = summarize_event(*name, "sentences", "1");
        const char *t = NULL;
        CHECK(nf_summary_count(s) == 1);
        nf_summary_sentence(s, 0, &t, NULL, NULL, NULL, NULL, NULL);
        if (t && strstr(t, "orchestra"))
            fprintf(stderr, "  method %s chose the off-topic sentence\n", *name);
        CHECK(t && strstr(t, "orchestra") == NULL);
        nf_summary_free(s);
    }
}

/* Words in t[0..len), split on white space. */
static size_t count_words(const char *t, size_t len)
{
    size_t words = 0;
    for (size_t k = 0, in = 0; k < len; k++) {
        int sp = t[k] == ' ' || t[k] == '\n';
        words += !sp && !in;
        in = !sp;
    }
    return words;
}

TEST(every_method_fills_the_budget_deterministically)
{
    for (const char *const *name = method_names(); *name; name++) {
        nf_summary *s1 = summarize_event(*name, "words", "40");
        nf_summary *s2 = summarize_event(*name, "words", "40");
        size_t n = nf_summary_count(s1), words = 0;
        CHECK(n >= 2 && n == nf_summary_count(s2));
        for (size_t i = 0; i < n; i++) {
            const char *t1, *t2;
            size_t len;
            nf_summary_sentence(s1, i, &t1, &len, NULL, NULL, NULL, NULL);
            nf_summary_sentence(s2, i, &t2, NULL, NULL, NULL, NULL, NULL);
            CHECK_STR(t1, t2);
            words += count_words(t1, len);
        }
        if (words > 40 || words < 25)
            fprintf(stderr, "  method %s: %zu words\n", *name, words);
        CHECK(words <= 40 && words >= 25);
        nf_summary_free(s1);
        nf_summary_free(s2);
    }
}

TEST(every_method_copes_with_empty_and_tiny_input)
{
    static const char *const one[] = {"Only one sentence of enough words stands in this report."};
    for (const char *const *name = method_names(); *name; name++) {
        fixture f;
        fixture_open(&f, one, 1);
        selection sel = run_method(&f, *name, 100, 0);
        CHECK(sel.n <= 1);
        selection_free(&sel);
        fixture_close(&f);
        fixture_open(&f, NULL, 0);
        sel = run_method(&f, *name, 100, 0);
        CHECK(sel.n == 0);
        selection_free(&sel);
        fixture_close(&f);
    }
}

TEST(every_method_reports_allocation_failure)
{
    for (const char *const *name = method_names(); *name; name++) {
        fixture f;
        fixture_open(&f, EVENT, sizeof EVENT / sizeof *EVENT);
        int failures = 0, successes = 0;
        nf_set_allocator(budget_malloc, budget_realloc, free);
        for (long k = 0; k < 60; k++) {
            struct nf_options o;
            options_for(&o, 40, 0);
            budget b;
            budget_from_options(&b, &o, &f.m);
            selection sel = {0};
            alloc_budget = k;
            int rc = method_find(*name)(&f.m, &b, &o, &sel);
            alloc_budget = -1;
            failures += rc != 0, successes += rc == 0 && sel.n > 0;
            selection_free(&sel);
        }
        nf_set_allocator(NULL, NULL, NULL);
        CHECK(failures > 0 && successes > 0);
        fixture_close(&f);
    }
}

/* The longest line of a JSONL file (xmalloc'd, NUL-terminated), or NULL. */
static char *longest_line(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    char *line = NULL, *best = NULL;
    size_t cap = 0;
    ssize_t n;
    *len = 0;
    while ((n = getline(&line, &cap, fp)) > 0)
        if ((size_t)n > *len) {
            xfree(best);
            best = xstrndup(line, (size_t)n);
            *len = (size_t)n;
        }
    free(line);
    fclose(fp);
    return best;
}

#ifdef __SANITIZE_ADDRESS__
#define SECONDS_ALLOWED 10.0 /* the sanitizers slow everything several times */
#else
#define SECONDS_ALLOWED 2.0
#endif

/* The methods of this suite (lead, lead-rr and concept have their own). */
static const char *const CLASSIC[] = {
    "luhn", "centroid", "centroid-revisited", "mmr", "lexrank", "lexrank-threshold", "textrank",
    "sumbasic", "kl", "lsa", "submodular", "ilp", NULL,
};

TEST(classic_methods_are_fast_on_the_largest_multinews_cluster)
{
    size_t len;
    char *line = longest_line("../shared/data/multinews.dev.jsonl", &len);
    if (!line)
        SKIP("../shared/data/multinews.dev.jsonl is absent");
    nf_docset *ds = nf_docset_new();
    CHECK(nf_docset_add_json(ds, line, len) == NF_OK);
    for (const char *const *name = CLASSIC; *name; name++) {
        nf_options *o = nf_options_new();
        CHECK(nf_options_set(o, "method", *name) == NF_OK);
        nf_options_set(o, "words", "260");
        nf_summary *s = NULL;
        clock_t t0 = clock();
        CHECK(nf_summarize(ds, o, &s) == NF_OK);
        double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
        if (secs >= SECONDS_ALLOWED)
            fprintf(stderr, "  method %s: %.2f s of CPU\n", *name, secs);
        CHECK(secs < SECONDS_ALLOWED);
        CHECK(nf_summary_count(s) > 0);
        nf_summary_free(s);
        nf_options_free(o);
    }
    nf_docset_free(ds);
    xfree(line);
}

int main(void)
{
    RUN(vectors_are_unit_length_and_cosine_is_symmetric);
    RUN(graph_is_exact_when_small_and_bounded_when_asked);
    RUN(lexrank_ranks_the_central_sentence_first);
    RUN(kl_picks_the_sentence_closest_to_the_input_distribution);
    RUN(ilp_beats_greedy_where_greedy_is_suboptimal);
    RUN(concept_one_report_short_of_the_threshold_counts_half);
    RUN(coverage_prefix_gain_counts_only_the_prefix_and_once);
    RUN(concept_ends_with_a_cut_sentence_when_its_prefix_is_denser);
    RUN(greedy_weighs_cut_endings_only_with_a_prefix_gain);
    RUN(sentences_lean_on_openers_and_quotations_followed_through_a_report);
    RUN(quotations_run_over_sentences_with_curly_marks_and_reopened_paragraphs);
    RUN(greedy_takes_a_leaning_sentence_only_with_what_it_leans_on);
    RUN(concept_weighs_a_unit_by_its_concepts_counted_once);
    RUN(a_person_named_by_surname_only_points_at_the_introduction);
    RUN(lead_and_ilp_take_leaning_sentences_with_what_they_lean_on);
    RUN(without_the_option_every_sentence_stands_alone);
    RUN(ilp_falls_back_to_greedy_and_says_so);
    RUN(ilp_note_reaches_the_summary_warnings);
    RUN(ilp_falls_back_when_the_solver_fails);
    RUN(ilp_frees_glpk_memory_of_ended_threads);
    RUN(mmr_trades_relevance_for_novelty);
    RUN(near_duplicates_count_once_and_as_support);
    RUN(numbers_and_outcomes_in_other_forms_are_the_same_content);
    RUN(near_duplicate_threshold_is_respected);
    RUN(mmr_wraps_any_scorer);
    RUN(every_method_first_chooses_an_on_topic_sentence);
    RUN(every_method_fills_the_budget_deterministically);
    RUN(every_method_copes_with_empty_and_tiny_input);
    RUN(every_method_reports_allocation_failure);
    RUN(classic_methods_are_fast_on_the_largest_multinews_cluster);
    TEST_EXIT();
}
