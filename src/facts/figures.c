/* Figures: each quantity of a sentence with what it counts (the head noun
 * after it and its modifiers), what happened to it (the governing verb,
 * adjective or noun, normalised through data/facts/events.txt), who says
 * so ("X said", "according to X"), when, and whether the sentence marks it
 * as an update ("rose to") or an earlier value ("up from"). */
#include "core/alloc.h"
#include "facts/facts.h"
#include "facts/sentence.h"
#include "facts/syntax.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_QUANTITIES = 256, NP_WORDS = 5, SPEAKER_WORDS = 6 };


/* The first word at or after byte offset pos, or c->nw. */
static size_t word_at_byte(const sent_ctx *c, size_t pos)
{
    size_t k = 0;
    while (k < c->nw && c->w[k].start < pos)
        k++;
    return k;
}

/* The event a word names by itself (events.txt), or NULL. */
static const lex_entry *event_of(const lexicon *lx, const word *x)
{
    if (x->punct)
        return NULL;
    const lex_entry *e = lex_find(&lx->events, x->low, x->len);
    if (!e && x->len > 3 && x->low[x->len - 1] == 's') /* "hospitals" */
        e = lex_find(&lx->events, x->low, x->len - 1u);
    if (!e && x->len > 5 && x->len < WORD_MAX - 2 && !strcmp(x->low + x->len - 3, "ing")) {
        char ed[WORD_MAX]; /* "arresting", "evacuating": as the participle */
        size_t n = x->len - 3u;
        memcpy(ed, x->low, n);
        memcpy(ed + n, "ed", 3);
        e = lex_find(&lx->events, ed, n + 2); /* "releasing": "releas" + "ed" */
    }
    return e;
}

/* The event of word k of the sentence, read in its context: "held" before
 * "a"/"an" holds an occasion ("held a protest", "held a news conference"),
 * not people; "critical" before a noun other than its condition is no
 * outcome ("critical recommendation"); "released from (area) hospitals"
 * is discharged, not freed;
 * "critically" or "gravely" injured is critical ("seriously injured" is
 * not: 16,000 of an earthquake's injured are listed so); "outside" or
 * "near a hospital", or one visitors "arrived at", is a place. */
static const lex_entry *event_in_context(const sent_ctx *c, size_t k)
{
    const word *x = &c->w[k];
    if (!strcmp(x->low, "held") && (is_word(c->w, c->nw, k + 1, "a") || is_word(c->w, c->nw, k + 1, "an")))
        return NULL;
    if (!strcmp(x->low, "board") && !(k > 0 && is_word(c->w, c->nw, k - 1, "on")))
        return NULL; /* "the 18-member parole board": a body, not "on board" */
    const lex_entry *e = event_of(c->lx, x);
    if (e && !strcmp(e->val, "hospitalized") && strncmp(x->low, "hospital", 8) == 0)
        for (size_t j = k, n = 0; j > 0 && n < 3; j--, n++)
            if (is_word(c->w, c->nw, j - 1, "outside") || is_word(c->w, c->nw, j - 1, "near") ||
                is_word(c->w, c->nw, j - 1, "opposite") || is_word(c->w, c->nw, j - 1, "front") ||
                is_word(c->w, c->nw, j - 1, "arrived") || is_word(c->w, c->nw, j - 1, "visited"))
                return NULL; /* "gathered outside a military hospital": a place */
    if (e && !strcmp(x->low, "critical") && k + 1 < c->nw && !c->w[k + 1].punct && !c->w[k + 1].digit &&
        !np_role(c->lx, &c->w[k + 1]) && !event_of(c->lx, &c->w[k + 1]) && strcmp(c->w[k + 1].low, "condition") &&
        strcmp(c->w[k + 1].low, "state") && strcmp(c->w[k + 1].low, "care"))
        return NULL; /* "critical recommendation", "critical infrastructure" */
    if (e && !strcmp(e->val, "injured") && k > 0 &&
        (is_word(c->w, c->nw, k - 1, "critically") || is_word(c->w, c->nw, k - 1, "gravely")))
        return lex_find(&c->lx->events, "critical", 8); /* "two critically injured" */
    if (!strcmp(x->low, "released") && is_word(c->w, c->nw, k + 1, "from"))
        for (size_t j = k + 2; j < c->nw && j < k + 5; j++)
            if (!strcmp(c->w[j].low, "hospital") || !strcmp(c->w[j].low, "hospitals"))
                return lex_find(&c->lx->events, "discharged", 10); /* not freed */
    if (e && k + 1 < c->nw && !c->w[k + 1].punct) {
        char two[2 * WORD_MAX + 1];
        snprintf(two, sizeof two, "%s %s", x->low, c->w[k + 1].low);
        const lex_entry *cue = lex_find(&c->lx->cues, two, strlen(two));
        if (cue && cue->role == CUE_UPDATE)
            return NULL; /* "the toll jumped to 50": a change of the figure */
        const lex_entry *adj = e->role == EVENT_ADJ ? NULL : event_of(c->lx, &c->w[k + 1]);
        if (adj && adj->role == EVENT_ADJ)
            return adj; /* "shot dead": the state it left them in */
    }
    return e;
}

/* Returns 1 if event word k is a noun of an outcome used as a modifier
 * of the noun after it ("attack vessels", "release date"): no outcome. */
static int noun_modifies(const sent_ctx *c, size_t k, const lex_entry *e)
{
    const word *n = k + 1 < c->nw ? &c->w[k + 1] : NULL;
    return e && e->role == EVENT_NOUN && n && !n->punct && !n->digit && !n->cap && !np_role(c->lx, n) &&
           !sentence_event_at(c, k + 1);
}

/* Returns 1 if the noun of an outcome at k says the state of a count
 * before it: after "in", "into", "under" or "sought", singular, not a
 * head with its own complement ("in custody", "sought refuge"; not "the
 * release of a video", "two or three attacks"). */
static int noun_states(const sent_ctx *c, size_t k)
{
    static const char *const before[] = {"in", "into", "under", "sought"};
    if (k == 0 || c->w[k].low[c->w[k].len - 1] == 's' || is_word(c->w, c->nw, k + 1, "of"))
        return 0;
    for (size_t i = 0; i < sizeof before / sizeof *before; i++)
        if (is_word(c->w, c->nw, k - 1, before[i]))
            return 1;
    return 0;
}

/* The event of word k as sentence_event_at gives it, or NULL for a noun
 * whose state is only its own count's (events.txt role "own": "agents",
 * "rescuers"): "agents interviewed 200 suspects" sends no suspects. */
const lex_entry *sentence_event_at(const sent_ctx *c, size_t k)
{
    const lex_entry *e = event_in_context(c, k);
    return e && e->role == EVENT_OWN ? NULL : e;
}

/* Returns 1 if word k is the period of an abbreviation written with dots
 * ("U.S.", "U.N."): glued to a word that holds a dot, inside the sentence. */
static int abbrev_dot(const sent_ctx *c, size_t k)
{
    return k > 0 && k + 1 < c->nw && is_word(c->w, c->nw, k, ".") && c->w[k].start == c->w[k - 1].end &&
           !c->w[k - 1].punct && strchr(c->w[k - 1].low, '.') != NULL;
}

/* Returns 1 if the word ends a noun phrase as a function word. */
static int np_ends(const lexicon *lx, const word *x)
{
    int r = np_role(lx, x);
    return r == NP_STOP || r == NP_CLAUSE || r == NP_PLACE;
}

/* Appends a modifier key to m (space separated). */
static void add_modifier(char *m, const char *key, size_t keylen)
{
    size_t len = strlen(m);
    if (len + keylen + 2 > 3 * WORD_MAX)
        return;
    if (len)
        m[len++] = ' ';
    memcpy(m + len, key, keylen);
    m[len + keylen] = '\0';
}

/* Appends the proper modifier word x (its key): to the modifiers, and as
 * the phrase's nationality (or body: "BP employees") when it has none yet,
 * as the gazetteer's country when it names one ("Britons", "British" and
 * "Britain" are one nationality), else as its key. */
static void add_proper(const sent_ctx *c, np *p, const word *x, const char *key, size_t keylen)
{
    add_modifier(p->modifier, key, keylen);
    if (p->nation[0])
        return;
    size_t end = x->end;
    if (x->end < c->s1 && c->text[x->end] == '.' && memchr(x->low, '.', x->len))
        end++; /* "U.S." as the gazetteer writes it */
    const char *country = gaz_country(c->lx, c->text + x->start, end - x->start);
    if (country) {
        snprintf(p->nation, sizeof p->nation, "%s", country);
        snprintf(p->nation_shown, sizeof p->nation_shown, "%s", country);
    } else if (keylen < sizeof p->nation) {
        memcpy(p->nation, key, keylen);
        p->nation[keylen] = '\0';
        /* a name the gazetteer lacks is shown as the report writes it */
        snprintf(p->nation_shown, sizeof p->nation_shown, "%.*s", (int)(x->end - x->start), c->text + x->start);
    }
}

/* The key of a proper modifier: "Estmarkian", "Estmarkians" and "Estmark"
 * all give "estmark" (demonyms.txt first, then suffixes). */
static size_t proper_key(const lexicon *lx, const char *low, size_t len, char *out)
{
    const lex_entry *e = lex_find(&lx->demonyms, low, len);
    if (e) {
        size_t n = strlen(e->val);
        memcpy(out, e->val, n + 1);
        return n;
    }
    static const char *const suffixes[] = {"ians", "ian", "ia", "ans", "an", "ese", "ish", "a", "y"};
    size_t n = len;
    for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
        size_t k = strlen(suffixes[i]);
        if (len > k + 3 && !memcmp(low + len - k, suffixes[i], k)) {
            n = len - k;
            break;
        }
    }
    memcpy(out, low, n);
    out[n] = '\0';
    return n;
}

/* Returns 1 if a capitalised word names people by nation ("Estmarkians",
 * "Britons"): on the list, or ending in -ians, -ans, -ese, -is. */
static int is_demonym(const lexicon *lx, const word *x)
{
    if (lex_find(&lx->demonyms, x->low, x->len))
        return 1;
    static const char *const ends[] = {"ians", "ans", "ese", "is"};
    for (size_t i = 0; i < 4; i++) {
        size_t k = strlen(ends[i]);
        if (x->len > k + 2 && !memcmp(x->low + x->len - k, ends[i], k))
            return 1;
    }
    return 0;
}

/* The class of a head noun: counted.txt, else the singular by rule. */
static void counted_class(const lexicon *lx, const char *head, char *out)
{
    size_t n = strlen(head);
    const lex_entry *e = lex_find(&lx->counted, head, n);
    if (!e && n > 4 && !strcmp(head + n - 3, "ies")) {
        memcpy(out, head, n - 3);
        memcpy(out + n - 3, "y", 2);
        return;
    }
    if (!e && n > 3 && head[n - 1] == 's' && head[n - 2] != 's' && head[n - 2] != 'u') {
        e = lex_find(&lx->counted, head, n - 1);
        if (!e) {
            memcpy(out, head, n - 1);
            out[n - 1] = '\0';
            return;
        }
    }
    const char *v = e ? e->val : head;
    size_t k = strlen(v);
    memcpy(out, v, k + 1);
}

/* "of neighbouring Estmark", "of Britain": a proper modifier after "of". */
static size_t of_proper(const sent_ctx *c, size_t k, np *p)
{
    const word *w = c->w;
    size_t j = k + 1;
    if (j < c->nw && !w[j].cap && !w[j].punct && !np_role(c->lx, &w[j]))
        j++;
    if (j >= c->nw || !w[j].cap || w[j].punct)
        return 0;
    char key[WORD_MAX];
    size_t n = proper_key(c->lx, w[j].low, w[j].len, key);
    add_proper(c, p, &w[j], key, n);
    return j + 1 - k;
}

/* "members of the Constitutional Court", "members of the armed forces":
 * a member counts nothing without its body, so the words of the body
 * (up to four, after "the", possessives keyed as proper modifiers) become
 * modifiers. Returns the words used from k ("of"). */
static size_t of_body(const sent_ctx *c, size_t k, np *p)
{
    const word *w = c->w;
    size_t j = k + 1;
    if (is_word(w, c->nw, j, "the"))
        j++;
    size_t n = 0;
    for (; j < c->nw && n < 4 && !is_boundary(w, j) && !np_ends(c->lx, &w[j]); j++, n++) {
        char key[WORD_MAX];
        size_t len = w[j].len;
        if (len > 2 && !strcmp(w[j].low + len - 2, "'s"))
            len -= 2;
        if (w[j].cap)
            len = proper_key(c->lx, w[j].low, len, key);
        else
            memcpy(key, w[j].low, len);
        add_modifier(p->modifier, key, len);
    }
    return n ? j - k : 0;
}

/* Returns 1 if x is a possessive determiner ("one of our cars"). */
static int is_possessive(const word *x)
{
    static const char *const p[] = {"our", "their", "his", "her", "its", "my", "your"};
    for (size_t i = 0; i < sizeof p / sizeof *p; i++)
        if (!strcmp(x->low, p[i]))
            return 1;
    return 0;
}

/* Handles "of the 18", "of them", "of the victims" right after a number;
 * returns the word where the noun phrase starts. */
static size_t np_of(const sent_ctx *c, size_t j, np *p)
{
    const word *w = c->w;
    if (!is_word(w, c->nw, j, "of"))
        return j;
    quantity q;
    if (j + 1 < c->nw && quantity_at(c->lx, w, c->nw, j + 1, &q)) { /* "one of three deaths" */
        p->part_next = 1;
        return j;
    }
    int det = is_word(w, c->nw, j + 1, "the") || is_word(w, c->nw, j + 1, "these") ||
              is_word(w, c->nw, j + 1, "those") || is_possessive(&w[j + 1]) ||
              (j + 1 < c->nw && w[j + 1].cap && w[j + 1].len > 2 &&
               !strcmp(w[j + 1].low + w[j + 1].len - 2, "'s")); /* "one of Russia's submarines" */
    if (det && j + 2 < c->nw && quantity_at(c->lx, w, c->nw, j + 2, &q)) {
        p->part_next = 1;
        return j; /* the whole carries the noun phrase */
    }
    if (is_word(w, c->nw, j + 1, "them") || is_word(w, c->nw, j + 1, "those") ||
        is_word(w, c->nw, j + 1, "whom")) {
        p->part_prev = 1;
        return j + 2;
    }
    if (!det)
        return j;
    p->of_the = 1;
    return j + 2;
}

/* One word of the noun phrase: returns 0 to stop before it, 1 to go on,
 * 2 to stop after it. */
static int np_word(const sent_ctx *c, size_t k, np *p, int *content)
{
    const word *x = &c->w[k];
    if (abbrev_dot(c, k))
        return 1; /* "two U.S. soldiers" */
    if (is_boundary(c->w, k) || is_quote(x))
        return 0;
    int role = np_role(c->lx, x);
    if (role == NP_INCREMENT || role == NP_SKIP) {
        p->increment |= role == NP_INCREMENT && !*content;
        return 1;
    }
    const lex_entry *ev = event_in_context(c, k); /* a head's own state too ("80 agents") */
    if (noun_modifies(c, k, ev))
        ev = NULL; /* "five submersible attack vessels" */
    if (role == NP_STOP || role == NP_CLAUSE || role == NP_PLACE || lex_find(&c->lx->when, x->low, x->len))
        return 0;
    if (ev && !lex_find(&c->lx->counted, x->low, x->len))
        return 0;
    if (x->cap) {
        size_t nx = k + 1 + (size_t)abbrev_dot(c, k + 1); /* the word after "U.S." */
        int last = nx >= c->nw || is_boundary(c->w, nx) || np_ends(c->lx, &c->w[nx]) || c->w[nx].cap;
        int coord = is_word(c->w, c->nw, nx, "and") || is_word(c->w, c->nw, nx, "or");
        if (last && !is_demonym(c->lx, x) && !coord)
            return 0;
        if (last && !is_demonym(c->lx, x)) { /* "685 Algerian and 107 foreign hostages" */
            char key[WORD_MAX];
            size_t kl = proper_key(c->lx, x->low, x->len, key);
            add_proper(c, p, x, key, kl);
            return 2;
        }
        char key[WORD_MAX];
        size_t kl = proper_key(c->lx, x->low, x->len, key);
        add_proper(c, p, x, key, kl);
        if (last)
            memcpy(p->head, "people", 7);
        return last ? 2 : 1;
    }
    if (ev && ev->role == EVENT_ADJ && !p->head[0] && k + 1 < c->nw && !c->w[k + 1].punct &&
        !c->w[k + 1].digit && !c->w[k + 1].cap && !np_role(c->lx, &c->w[k + 1]) &&
        !sentence_event_at(c, k + 1)) { /* "four dead crows": the noun follows */
        p->event = ev->val, p->event_weak = ev->role == EVENT_WEAK || ev->role == EVENT_OWN;
        return 1;
    }
    if (ev && ev->role == EVENT_ADJ && p->head[0]) { /* "seven people dead": said of the head */
        p->event = ev->val, p->event_weak = ev->role == EVENT_WEAK || ev->role == EVENT_OWN;
        return 2;
    }
    if (p->head[0]) /* the previous head was a modifier */
        add_modifier(p->modifier, p->head, strlen(p->head));
    memcpy(p->head, x->low, x->len + 1);
    (*content)++;
    if (ev) { /* "12 dead", "37 injured", "23 hostages": the head ends it */
        p->event = ev->val, p->event_weak = ev->role == EVENT_WEAK || ev->role == EVENT_OWN;
        return 2;
    }
    /* A plural or a counted noun is the head: "four dead crows found" */
    int plural = x->len > 3 && x->low[x->len - 1] == 's' && x->low[x->len - 2] != 's';
    return plural || lex_find(&c->lx->counted, x->low, x->len) ? 2 : 1;
}

static int verb_filler(const word *x);

/* Returns 1 if x is an age written as one adjective ("2-year-old",
 * "13-month-old"), 2 if a plural noun of one ("2-year-olds"), else 0. */
static int age_word(const word *x)
{
    const char *o = x->digit ? strstr(x->low, "-old") : NULL;
    if (!o || (!strstr(x->low, "-year") && !strstr(x->low, "-month") && !strstr(x->low, "-week")))
        return 0;
    return !strcmp(o, "-old") ? 1 : !strcmp(o, "-olds") ? 2 : 0;
}

/* Reads the counted noun phrase after quantity q. */
static void np_read(const sent_ctx *c, const quantity *q, np *p)
{
    memset(p, 0, sizeof *p);
    size_t k = np_of(c, q->w1, p);
    int content = 0;
    int age = k < c->nw ? age_word(&c->w[k]) : 0;
    if (age == 2) { /* "the five 2-year-olds": people of an age */
        memcpy(p->head, "people", 7);
        content = 1, k++;
    } else if (age == 1) {
        k++; /* "five 2-year-old children": the age is a modifier */
    }
    for (size_t n = 0; k < c->nw && n < NP_WORDS && age != 2; k++, n++) {
        int r = np_word(c, k, p, &content);
        if (r != 1) {
            k += r == 2;
            break;
        }
        if (c->w[k].cap || !p->head[0])
            continue;
        if (is_word(c->w, c->nw, k + 1, "of")) {
            size_t used = of_proper(c, k + 1, p);
            k += used;
            if (used)
                break;
        }
    }
    if (k < c->nw && !c->w[k].punct && is_word(c->w, c->nw, k, "of"))
        k += !strcmp(p->head, "members") ? of_body(c, k, p) : of_proper(c, k, p);
    p->end = k;
    quantity next;
    size_t hl = strlen(p->head);
    int adjective = !hl ? p->modifier[0] != '\0'
                        : content == 1 && p->head[hl - 1] != 's' && !lex_find(&c->lx->counted, p->head, hl);
    if (adjective && k + 1 < c->nw && (is_word(c->w, c->nw, k, "and") || is_word(c->w, c->nw, k, "or")) &&
        quantity_at(c->lx, c->w, c->nw, k + 1, &next)) {
        /* "107 foreign and 685 Algerian hostages": the head is the next one's */
        if (hl)
            add_modifier(p->modifier, p->head, hl);
        p->head[0] = '\0';
        p->share_next = 1;
    }
    size_t j = k + 1;
    while (j < c->nw && j < k + 3 && (is_word(c->w, c->nw, j, "even") || verb_filler(&c->w[j])))
        j++;
    if (!hl && !p->modifier[0] && is_word(c->w, c->nw, k, "or") && quantity_at(c->lx, c->w, c->nw, j, &next))
        p->share_next = 1; /* "two or even possibly three attacks": the next one's noun */
    const char *dash = strchr(c->w[q->w1 - 1].low, '-');
    if (dash && members_suffix(dash)) { /* "a 70-member rescue team": members of the team */
        if (p->head[0])
            add_modifier(p->modifier, p->head, strlen(p->head));
        memcpy(p->head, "members", 8);
    }
    if (p->head[0])
        counted_class(c->lx, p->head, p->counted);
}

/* "60 people, most of them civilians, were killed": after a comma at k,
 * an apposition that picks out some of the count ("most of them", "many
 * of whom", "all of them") is skipped to the word after its closing
 * comma; returns k when there is none. */
size_t sentence_apposition_end(const sent_ctx *c, size_t k)
{
    static const char *const share[] = {"most", "many", "all", "some", "half", "several", "few"};
    if (!is_word(c->w, c->nw, k, ",") || !is_word(c->w, c->nw, k + 2, "of") ||
        !(is_word(c->w, c->nw, k + 3, "them") || is_word(c->w, c->nw, k + 3, "whom")))
        return k;
    int ok = 0;
    for (size_t i = 0; i < sizeof share / sizeof *share; i++)
        ok |= is_word(c->w, c->nw, k + 1, share[i]);
    for (size_t j = k + 4; ok && j < c->nw && j < k + 12; j++)
        if (is_word(c->w, c->nw, j, ","))
            return j + 1;
    return k;
}

/* A subject's apposition, more loosely than sentence_apposition_end: also
 * one that names a part ("20 people, including a woman, have been
 * arrested") or picks some out without "of them" ("400 people, most aged
 * 13 to 18, were at the dance"), when what follows its closing comma is
 * the subject's verb: a form of "be" or "have". Returns k when none. */
size_t sentence_subject_apposition_end(const sent_ctx *c, size_t k)
{
    static const char *const share[] = {"most", "many", "all", "some", "half", "several", "few", "including"};
    size_t e = sentence_apposition_end(c, k);
    if (e != k || !is_word(c->w, c->nw, k, ","))
        return e;
    int ok = 0;
    for (size_t i = 0; i < sizeof share / sizeof *share; i++)
        ok |= is_word(c->w, c->nw, k + 1, share[i]);
    for (size_t j = k + 2; ok && j + 1 < c->nw && j < k + 12; j++)
        if (is_word(c->w, c->nw, j, ","))
            return verb_filler(&c->w[j + 1]) ? j + 1 : k;
    return k;
}

/* Returns 1 if a quantity starts at word k ("or 400", "or a dozen"). */
static int quantity_starts(const sent_ctx *c, size_t k)
{
    quantity q;
    return quantity_at(c->lx, c->w, c->nw, k, &q);
}

/* After a comma at k that opens a relative clause (", which rocked a
 * crowded neighborhood,", ", who were visiting,"), the word after its
 * closing comma (within 25 words); else k. "All 29 victims of the blast,
 * which ..., have been released from hospitals": the verb is the count's. */
static size_t relative_clause_end(const sent_ctx *c, size_t k)
{
    static const char *const rel[] = {"which", "who", "whom", "whose"};
    if (!is_word(c->w, c->nw, k, ","))
        return k;
    int ok = 0;
    for (size_t i = 0; i < sizeof rel / sizeof *rel; i++)
        ok |= is_word(c->w, c->nw, k + 1, rel[i]);
    for (size_t j = k + 2; ok && j < c->nw && j < k + 27; j++) {
        if (is_word(c->w, c->nw, j, ","))
            return j + 1;
        if (c->w[j].punct && c->w[j].low[0] != '-' && c->w[j].low[0] != '\'')
            break; /* a dash, a colon, a full stop: not a clause we can close */
    }
    return k;
}

/* The event of word k read as governing a count to its right: a noun
 * ("arrest", "release") only through "of" ("the arrest of 40 persons";
 * not "his arrest was prompted by two judges"). */
static const lex_entry *left_event_at(const sent_ctx *c, size_t k, size_t count)
{
    const lex_entry *e = sentence_event_at(c, k);
    if (!e || e->role != EVENT_NOUN)
        return e;
    size_t j = k + 2; /* "the release of (the) seven leaders", not "of season five" */
    if (j < count && (is_word(c->w, c->nw, j, "the") || is_word(c->w, c->nw, j, "all") || is_possessive(&c->w[j])))
        j++;
    return is_word(c->w, c->nw, k + 1, "of") && j == count ? e : NULL;
}

/* Returns 1 if word k is a plain noun joined to a subject before a form of
 * "be" or "have" ("vessels and warships were sent"): not a number, a
 * name, an outcome word or a function word. */
static int noun_joins(const sent_ctx *c, size_t k)
{
    const word *x = &c->w[k];
    if (x->punct || x->digit || x->cap || np_role(c->lx, x) || sentence_event_at(c, k) || quantity_starts(c, k))
        return 0;
    return verb_filler(&c->w[k + 1]) && !(c->w[k + 1].len > 3 && !strcmp(c->w[k + 1].low + c->w[k + 1].len - 2, "ly"));
}

/* Returns 1 if word k ends a search for a count's outcome (going left when
 * step is -1, right when +1): a boundary, but not a quotation mark that
 * opens a short quotation of an outcome word (Cosme "caused injury" to
 * the five; not "50 Shades of Grey", not "24/7" to assist). */
static int search_stop(const sent_ctx *c, size_t k, int step)
{
    if (!is_boundary(c->w, k) || abbrev_dot(c, k))
        return 0;
    if (!is_quote(&c->w[k]))
        return 1;
    int outcome = 0; /* the words up to the other quotation mark (three at most) */
    for (size_t j = k + (size_t)step, n = 0; j < c->nw && n < 4; j += (size_t)step, n++) {
        if (is_quote(&c->w[j]))
            return !outcome;
        if (c->w[j].punct)
            return 1;
        outcome |= sentence_event_at(c, j) != NULL;
    }
    return 1;
}

/* Returns 1 if an event word (not a state) before quantity q in its clause
 * acts on the count: "killing all 109 people on board", "arrested eight
 * men aboard a helicopter"; not across "with" ("disappeared with 239
 * people on board": the craft disappeared). */
static int left_verb_governs(const sent_ctx *c, const quantity *q)
{
    for (size_t k = q->w0, n = 0; k > 0 && n < 15 && !search_stop(c, k - 1, -1); k--, n++) {
        const word *x = &c->w[k - 1];
        if (!strcmp(x->low, "with") || !strcmp(x->low, "and") || np_role(c->lx, x) == NP_CLAUSE)
            return 0;
        const lex_entry *e = left_event_at(c, k - 1, q->w0);
        if (e && e->role != EVENT_WEAK)
            return 1;
    }
    return 0;
}

/* Returns 1 if "aboard" or "on board" follows a noun phrase ending at k:
 * the count is then of those aboard ("with 239 people on board", "all
 * 217 people on board are feared dead", "none of the 13 workers aboard
 * was injured") unless a verb before it acts on them (left_verb_governs:
 * "killing all 109 people on board"). Parts ("42 of the 69 sailors aboard
 * died") keep their own verb. */
static int aboard_follows(const sent_ctx *c, size_t k)
{
    if (k == 0 || c->w[k - 1].punct || c->w[k - 1].digit)
        return 0; /* a noun phrase of its own, not a bare number */
    return is_word(c->w, c->nw, k, "aboard") ||
           (is_word(c->w, c->nw, k, "on") && is_word(c->w, c->nw, k + 1, "board"));
}

/* The event nearest to quantity q: right after its noun phrase (up to
 * six words), else to its left within the clause (up to fifteen), else
 * further right (up to ten), else the head noun's own. When the search
 * stops at an infinitive ("intended to kill") and nothing else is found,
 * *strong is -1 and *to_at the word "to": an outcome meant, not done. */
static const char *event_find(const sent_ctx *c, const quantity *q, const np *p, int *strong, size_t *to_at)
{
    const word *w = c->w;
    if (aboard_follows(c, p->end) && !p->part_next && !p->of_the && !left_verb_governs(c, q)) {
        *strong = 1; /* "all 217 people on board are feared dead": who was aboard */
        return "aboard";
    }
    *strong = 2;
    const char *right = NULL, *weak = NULL;
    size_t rpos = 0;
    int crossed = 0;
    for (size_t k = sentence_subject_apposition_end(c, p->end), n = 0; k < c->nw && n < 10; k++, n++) {
        k = relative_clause_end(c, k);
        if (k >= c->nw || search_stop(c, k, 1))
            break;
        if (!strcmp(w[k].low, "or") && k + 1 < c->nw && !w[k + 1].digit && !w[k + 1].punct &&
            !sentence_event_at(c, k + 1) && !quantity_starts(c, k + 1))
            continue; /* "161 civilians or security forces were killed": one subject */
        if (!strcmp(w[k].low, "and") && k + 2 < c->nw && noun_joins(c, k + 1)) {
            k++; /* "15 rescue vessels and warships were sent": one subject */
            continue;
        }
        if (!strcmp(w[k].low, "and") || !strcmp(w[k].low, "or") || !strcmp(w[k].low, "but") ||
            np_role(c->lx, &w[k]) == NP_CLAUSE)
            break; /* "killing 60 people and injuring 180": the next verb is the next figure's */
        const lex_entry *e = sentence_event_at(c, k);
        if (e && e->role == EVENT_NOUN && !noun_states(c, k))
            e = NULL; /* "the first of two or three attacks", "came under sharp attack" */
        if (e && e->role == EVENT_WEAK && !weak)
            weak = e->val;
        else if (e && e->role != EVENT_WEAK) {
            right = e->val, rpos = n;
            break;
        }
    }
    if (right && rpos < 6)
        return right;
    for (size_t k = q->w0, n = 0; k > 0 && n < 15 && !search_stop(c, k - 1, -1); k--, n++) {
        int coord = !strcmp(w[k - 1].low, "and") || !strcmp(w[k - 1].low, "or");
        if (p->event && coord)
            break; /* "12 were killed and 37 injured": the head's own event */
        crossed |= coord; /* a state ("on board") stays with its own noun */
        if (np_role(c->lx, &w[k - 1]) == NP_CLAUSE)
            break;
        const lex_entry *e = left_event_at(c, k - 1, q->w0);
        if (e && k >= 2 && is_word(w, c->nw, k - 2, "to")) {
            *to_at = k - 2; /* "intended to kill at least three": not done */
            break;
        }
        if (e && k >= 2 && !strcmp(w[k - 1].low, "toll") && sentence_event_at(c, k - 2))
            e = sentence_event_at(c, k - 2); /* "the injured toll" */
        if (e && e->role == EVENT_WEAK && !weak && !crossed)
            weak = e->val;
        else if (e && e->role != EVENT_WEAK)
            return e->val;
    }
    if (right)
        return right;
    *strong = p->event && !p->event_weak;
    if (!p->event && !weak && *to_at < c->nw)
        *strong = -1;
    return p->event ? p->event : weak;
}

static int is_pronoun(const word *x)
{
    static const char *const p[] = {"he", "she", "they", "it", "we", "i", "you", "this", "that"};
    for (size_t i = 0; i < sizeof p / sizeof *p; i++)
        if (!strcmp(x->low, p[i]))
            return 1;
    return 0;
}

/* Copies the words [a, b) of the sentence into the sheet's arena as
 * written; "" when empty or a lone pronoun. */
static const char *span_copy(const sent_ctx *c, size_t a, size_t b)
{
    while (a < b && (np_role(c->lx, &c->w[a]) == NP_CLAUSE || is_word(c->w, c->nw, a, "and") ||
                     is_word(c->w, c->nw, a, "but") || is_word(c->w, c->nw, a, "that")))
        a++; /* "..., and officials said": a joint, not part of the name */
    while (b > a && (np_ends(c->lx, &c->w[b - 1]) || lex_find(&c->lx->cues, c->w[b - 1].low, c->w[b - 1].len)))
        b--;
    if (a >= b || (b == a + 1 && is_pronoun(&c->w[a])))
        return "";
    return arena_strndup(&c->sh->mem, c->text + c->w[a].start, c->w[b - 1].end - c->w[a].start);
}

/* Words of the speaker around attribution word k ("officials said",
 * "said the ministry"): sets [*a, *b). */
static void speaker_words(const sent_ctx *c, size_t k, size_t len, int kind, size_t *a, size_t *b)
{
    size_t j = k;
    if (kind == ATTR_VERB)
        while (j > 0 && k - j < SPEAKER_WORDS && !is_boundary(c->w, j - 1))
            j--;
    if (kind == ATTR_VERB && j < k) {
        if (j > 0 && !is_boundary(c->w, j - 1)) /* a long clause: keep its end */
            j = k - 3;
        *a = j, *b = k;
        return;
    }
    size_t e = k + len;
    while (e < c->nw && e - (k + len) < SPEAKER_WORDS && !is_boundary(c->w, e))
        e++;
    *a = k + len, *b = e;
}

/* Returns 1 if x is a form of "be" (a passive before a participle). */
static int is_passive_aux(const word *x)
{
    static const char *const be[] = {"is", "are", "was", "were", "be", "been", "being"};
    for (size_t i = 0; i < sizeof be / sizeof *be; i++)
        if (!strcmp(x->low, be[i]))
            return 1;
    return 0;
}

/* Returns 1 if the participle-like verb at k ("reported", "confirmed")
 * introduces a statement: not before a preposition ("never before
 * reported in"), not after a number or an article ("five confirmed
 * deaths"). */
static int participle_says(const sent_ctx *c, size_t k)
{
    if (k + 1 < c->nw && np_role(c->lx, &c->w[k + 1]) == NP_PLACE)
        return 0;
    if (k + 1 < c->nw && (is_word(c->w, c->nw, k + 1, "by") || is_word(c->w, c->nw, k + 1, "to") ||
                          is_word(c->w, c->nw, k + 1, "as")))
        return 0;
    if (k == 0)
        return 1;
    const word *p = &c->w[k - 1];
    return !p->digit && !lex_find(&c->lx->numbers, p->low, p->len) && strcmp(p->low, "a") &&
           strcmp(p->low, "an") && strcmp(p->low, "the");
}

/* The attribution nearest to word at: returns the speaker, "" if none. */
static const char *speaker_find(const sent_ctx *c, size_t at)
{
    size_t best = (size_t)-1, dist = (size_t)-1, blen = 1;
    int bkind = 0;
    for (size_t k = 0; k < c->nw; k++) {
        if (c->w[k].punct)
            continue;
        const lex_entry *e = lex_find(&c->lx->attribution, c->w[k].low, c->w[k].len);
        size_t len = 1;
        if (!e && k + 1 < c->nw && !strcmp(c->w[k].low, "according") && is_word(c->w, c->nw, k + 1, "to"))
            e = lex_find(&c->lx->attribution, "according to", 12), len = 2;
        size_t d = k > at ? k - at : at - k;
        if (e && k > 0 && is_passive_aux(&c->w[k - 1]))
            continue; /* "were confirmed dead": not a statement */
        if (e && e->role == ATTR_PARTICIPLE && !participle_says(c, k))
            continue;
        if (e && d < dist)
            best = k, dist = d, bkind = e->role, blen = len;
    }
    if (best == (size_t)-1)
        return "";
    size_t a, b;
    speaker_words(c, best, blen, bkind == ATTR_FOLLOWS ? ATTR_FOLLOWS : ATTR_VERB, &a, &b);
    return span_copy(c, a, b);
}

/* Returns 1 if word k separates clauses for time references: a comma,
 * semicolon, colon, bracket or dash (a hyphen or apostrophe does not). */
static int is_clause_mark(const word *x)
{
    if (!x->punct)
        return 0;
    unsigned char c0 = (unsigned char)x->low[0];
    return c0 == ',' || c0 == ';' || c0 == ':' || c0 == '(' || c0 == ')' || c0 == 0xE2;
}

/* The time reference nearest to word at, within its clause, the
 * sentence's opening clause before it ("On Friday, police said 59
 * bodies...") or a clause of attribution ("..., the ministry said on
 * Monday"); not "..., a group who came on Saturday morning"; with
 * "on"/"last" before and "morning"/"night" after it; "" if none. */
static const char *when_find(const sent_ctx *c, size_t at)
{
    size_t best = (size_t)-1, dist = (size_t)-1, lo = at, hi = at, open = 0;
    while (lo > 0 && !is_clause_mark(&c->w[lo - 1]))
        lo--;
    while (hi < c->nw && !is_clause_mark(&c->w[hi]))
        hi++;
    while (open < c->nw && !is_clause_mark(&c->w[open]))
        open++;
    uint8_t said[64] = {0}; /* clauses holding an attribution ("said on Monday") */
    for (size_t k = 0, cl = 0; k < c->nw && cl < 64; k++) {
        cl += is_clause_mark(&c->w[k]);
        if (cl < 64 && !c->w[k].punct && lex_find(&c->lx->attribution, c->w[k].low, c->w[k].len))
            said[cl] = 1;
    }
    for (size_t k = 0, cl = 0; k < c->nw; k++) {
        cl += is_clause_mark(&c->w[k]);
        if (!((k >= lo && k < hi) || (k < open && open < at) || (cl < 64 && said[cl])))
            continue;
        const lex_entry *e = c->w[k].punct ? NULL : lex_find(&c->lx->when, c->w[k].low, c->w[k].len);
        size_t d = k > at ? k - at : at - k;
        if (e && e->role != WHEN_PART && d < dist)
            best = k, dist = d;
    }
    if (best == (size_t)-1)
        return "";
    size_t a = best, b = best + 1;
    if (a > 0 && (is_word(c->w, c->nw, a - 1, "on") || is_word(c->w, c->nw, a - 1, "last") ||
                  is_word(c->w, c->nw, a - 1, "this")))
        a--;
    const lex_entry *part = b < c->nw ? lex_find(&c->lx->when, c->w[b].low, c->w[b].len) : NULL;
    if (part && part->role == WHEN_PART)
        b++;
    return arena_strndup(&c->sh->mem, c->text + c->w[a].start, c->w[b - 1].end - c->w[a].start);
}

/* The cue nearest before word i among words [lo, i) (two-word cues
 * first), or NULL. */
static const lex_entry *cue_before(const sent_ctx *c, size_t lo, size_t i)
{
    const word *w = c->w;
    for (size_t k = i; k > lo; k--) {
        char two[2 * WORD_MAX + 1];
        const lex_entry *e = NULL;
        if (k >= lo + 2) {
            snprintf(two, sizeof two, "%s %s", w[k - 2].low, w[k - 1].low);
            e = lex_find(&c->lx->cues, two, strlen(two));
        }
        if (!e)
            e = lex_find(&c->lx->cues, w[k - 1].low, w[k - 1].len);
        if (e)
            return e;
    }
    return NULL;
}

/* Returns 1 if the sentence's opening clause [0, open) speaks for the
 * whole sentence: a lone cue ("Earlier, ...") or an attribution
 * ("According to the latest figures, ..."). */
static int opening_speaks(const sent_ctx *c, size_t open)
{
    if (open == 1 || (open == 2 && cue_before(c, 0, 2)))
        return 1;
    for (size_t k = 0; k < open; k++)
        if (!c->w[k].punct && lex_find(&c->lx->attribution, c->w[k].low, c->w[k].len))
            return 1;
    return is_word(c->w, c->nw, 0, "according");
}

/* Whether the sentence marks quantity q as an update or an earlier value:
 * "from 12 to 14" and "up from 12" decide locally, else the nearest cue
 * before it in its own clause, else one in an opening clause that speaks
 * for the sentence. A cue of another clause says when something else
 * happened ("reeling from earlier shootings, including a dispute that
 * left seven dead"; "was slain earlier in the week ... where five died"),
 * not that this count was superseded. */
static int cue_find(const sent_ctx *c, const quantity *q, const char **said)
{
    const word *w = c->w;
    size_t i = q->w0;
    *said = "from";
    if (i > 0 && is_word(w, c->nw, i - 1, "from") && is_word(w, c->nw, q->w1, "to") && q->w1 + 1 < c->nw &&
        !w[q->w1 + 1].punct)
        return CUE_PREVIOUS;
    if (i >= 3 && is_word(w, c->nw, i - 1, "to") && w[i - 2].digit && is_word(w, c->nw, i - 3, "from"))
        return CUE_UPDATE;
    size_t lo = i;
    while (lo > 0 && !is_clause_mark(&w[lo - 1]) && np_role(c->lx, &w[lo - 1]) != NP_CLAUSE)
        lo--;
    const lex_entry *e = cue_before(c, lo, i);
    size_t open = 0;
    while (!e && open < i && !is_clause_mark(&w[open]))
        open++;
    if (!e && open < lo && opening_speaks(c, open))
        e = cue_before(c, 0, open);
    *said = e ? e->key : "";
    return e ? e->role : CUE_NONE;
}

/* The longest status cue (up to three words) that starts at word k and
 * ends before word end: its entry and its length in *len, or NULL. */
static const lex_entry *status_cue_at(const sent_ctx *c, size_t k, size_t end, size_t *len)
{
    char phrase[3 * WORD_MAX + 3];
    size_t n = 0;
    const lex_entry *best = NULL;
    for (size_t j = k; j < end && j < k + 3 && !c->w[j].punct; j++) {
        if (j > k)
            phrase[n++] = ' ';
        memcpy(phrase + n, c->w[j].low, c->w[j].len);
        n += c->w[j].len;
        const lex_entry *e = lex_find(&c->lx->status, phrase, n);
        if (e && e->role >= 0 && (j > k || k == 0 || !c->w[k].cap)) /* "in April and May" */
            best = e, *len = j + 1 - k;
    }
    return best;
}

/* Returns 1 if word x ends a clause for status cues: a clause mark or a
 * clause word of np_words.txt ("when", "if"; "if" is itself a cue, so a
 * clause starts at it). */
static int status_boundary(const sent_ctx *c, size_t k)
{
    return is_clause_mark(&c->w[k]) || np_role(c->lx, &c->w[k]) == NP_CLAUSE ||
           (c->w[k].punct && c->w[k].low[0] != '-' && c->w[k].low[0] != '\'');
}

/* Returns 1 if the clause [lo, hi) asserts an outcome outright: a verb of
 * events.txt in the past ("were killed", "died"), not an adjective ("feared
 * dead"). A feared count is one no death of its clause confirms. */
static int clause_asserts(const sent_ctx *c, size_t lo, size_t hi)
{
    for (size_t k = lo; k < hi; k++) {
        const lex_entry *e = c->w[k].punct ? NULL : sentence_event_at(c, k);
        if (e && e->role != EVENT_ADJ && e->role != EVENT_WEAK && c->w[k].len > 2 &&
            !strcmp(c->w[k].low + c->w[k].len - 2, "ed"))
            return 1;
    }
    return 0;
}

/* The status cue of the clause that governs the number of quantity q
 * whose noun phrase ends at word np_end: the nearest cue before the
 * number, else the first after its noun phrase before any outcome verb,
 * "and" or "but" ("five people are feared dead"; not "12 were killed and
 * the toll could rise"), one word only if it fears. Sets *at and *len to
 * its words; NULL if none. */
static const lex_entry *status_cue_find(const sent_ctx *c, const quantity *q, size_t np_end, size_t *at,
                                        size_t *len)
{
    size_t lo = q->w0;
    while (lo > 0 && (np_role(c->lx, &c->w[lo - 1]) == NP_CLAUSE || !status_boundary(c, lo - 1))) {
        lo--;
        if (np_role(c->lx, &c->w[lo]) == NP_CLAUSE)
            break; /* "if 20 more die": the clause starts at its word */
    }
    for (size_t k = q->w0; k > lo; k--) {
        const lex_entry *e = status_cue_at(c, k - 1, q->w0, len);
        if (e) {
            *at = k - 1;
            return e;
        }
    }
    for (size_t k = np_end; k < c->nw && !status_boundary(c, k); k++) {
        const lex_entry *e = status_cue_at(c, k, c->nw, len);
        if (e && *len == 1 && e->role != ST_FEARED)
            e = NULL; /* "five of the victims could not escape": what they could do */
        if (e) {
            *at = k;
            return e;
        }
        const lex_entry *ev = sentence_event_at(c, k);
        if ((ev && ev->role != EVENT_WEAK && ev->role != EVENT_ADJ) || is_word(c->w, c->nw, k, "and") ||
            is_word(c->w, c->nw, k, "but"))
            return NULL;
    }
    return NULL;
}

/* Sets the status of count figure f (quantity q) from the cues of its
 * clause (status_cues.txt) and agrees with its update cue: a figure the
 * sentence marks as an earlier value is previous, and a figure a status
 * cue calls previous ("had said 12") is an earlier value. */
static int status_find(sent_ctx *c, const quantity *q, figure *f, const char *cue_said)
{
    size_t at = 0, len = 0, np_end = word_at_byte(c, f->np_end > f->end ? f->np_end : f->end);
    const lex_entry *e = status_cue_find(c, q, np_end, &at, &len);
    if (f->cue == CUE_PREVIOUS && !(e && e->role == ST_PREVIOUS)) {
        f->status = ST_PREVIOUS, f->status_cue = cue_said; /* "up from 12", "earlier" */
        return NF_OK;
    }
    if (!e || e->role == ST_CURRENT)
        return NF_OK;
    if (e->role == ST_FEARED && clause_asserts(c, q->w0 > 0 ? q->w0 - 1 : 0, np_end + 4 < c->nw ? np_end + 4 : c->nw))
        return NF_OK; /* "were killed ... feared": a death asserted */
    f->status = e->role;
    if (e->role == ST_PREVIOUS)
        f->cue = CUE_PREVIOUS; /* "had said 12": an earlier value */
    f->status_cue = arena_strndup(&c->sh->mem, c->text + c->w[at].start, c->w[at + len - 1].end - c->w[at].start);
    return f->status_cue ? NF_OK : NF_ENOMEM;
}

/* A sentence that gives an earlier value ("raising the toll from an
 * earlier count of 12") says its other counts are the newer ones. */
static void contrast_cues(sent_ctx *c)
{
    int previous = 0;
    for (size_t i = c->first; i < c->sh->n; i++)
        previous |= c->sh->figs[i].kind == KIND_COUNT && c->sh->figs[i].cue == CUE_PREVIOUS;
    for (size_t i = c->first; previous && i < c->sh->n; i++)
        if (c->sh->figs[i].kind == KIND_COUNT && c->sh->figs[i].cue == CUE_NONE)
            c->sh->figs[i].cue = CUE_UPDATE;
}

/* Returns 1 if word k is a "that" opening what a speaker said: a verb of
 * speech within three words before it ("a spokesman tells reporters that",
 * "said Wednesday that"). */
static int said_that(const sent_ctx *c, size_t k)
{
    if (!is_word(c->w, c->nw, k, "that"))
        return 0;
    for (size_t j = k; j > 0 && j + 3 > k; j--)
        if (!c->w[j - 1].punct && lex_find(&c->lx->attribution, c->w[j - 1].low, c->w[j - 1].len))
            return 1;
    return 0;
}

/* Returns 1 when a lone "one" is not a number ("no one", "the one"). */
static int one_is_pronoun(const sent_ctx *c, const quantity *q)
{
    static const char *const before[] = {"no", "any", "every", "each", "the", "this", "that", "which"};
    if (q->w1 != q->w0 + 1 || strcmp(c->w[q->w0].low, "one") || q->w0 == 0)
        return 0;
    if (is_word(c->w, c->nw, q->w1, "who"))
        return 1; /* "a cop, one who wasn't involved" */
    const word *n = q->w1 < c->nw ? &c->w[q->w1] : NULL;
    if (said_that(c, q->w0 - 1) && n && !n->punct && !n->cap && !np_role(c->lx, n) && !verb_filler(n))
        return 0; /* "said that one alleged kidnapper had been arrested", not "that one charging case" */
    for (size_t i = 0; i < sizeof before / sizeof *before; i++)
        if (!strcmp(c->w[q->w0 - 1].low, before[i]))
            return 1;
    if (q->w0 >= 2 && (is_word(c->w, c->nw, q->w0 - 2, "a") || is_word(c->w, c->nw, q->w0 - 2, "an") ||
                       is_word(c->w, c->nw, q->w0 - 2, "the")))
        return 1; /* "a critical one" */
    return 0;
}

/* Returns 1 if quantity q is a word of a name: a number word written with
 * a capital inside the sentence, before or after another capitalised word
 * ("taken to Three Rivers Hospital", "the Two Securities Centre building",
 * "the rapper Jeriko One"). */
static int number_in_name(const sent_ctx *c, const quantity *q)
{
    const word *x = &c->w[q->w0];
    if (q->w1 != q->w0 + 1 || !x->cap || x->digit || q->w0 == 0 || c->w[q->w0 - 1].punct)
        return 0;
    return (q->w1 < c->nw && c->w[q->w1].cap && !c->w[q->w1].punct) || c->w[q->w0 - 1].cap; /* "Jeriko One" */
}

/* Returns 1 if word k is a colon that opens a list ("died in clashes:
 * 41 police officers, two soldiers"), not one inside a time ("3:00"). */
static int list_colon(const sent_ctx *c, size_t k)
{
    return is_word(c->w, c->nw, k, ":") && k + 1 < c->nw && c->w[k + 1].start > c->w[k].end;
}

/* Returns 1 if word k is a dash between spaces (" - ", " _ ", an en or
 * em dash). */
static int spaced_dash(const sent_ctx *c, size_t k)
{
    const unsigned char *s = (const unsigned char *)c->w[k].low;
    int dash = c->w[k].punct && (s[0] == '-' || s[0] == '_' || (s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x93 || s[2] == 0x94)));
    return dash && k > 0 && k + 1 < c->nw && c->w[k].start > c->w[k - 1].end && c->w[k + 1].start > c->w[k].end;
}

/* "the five children - three girls and two boys -": the count whose noun
 * phrase ends right before the dash at k is the whole of the list after
 * it. Returns its index or -1. */
static long dash_whole(const sent_ctx *c, size_t k)
{
    for (size_t i = c->sh->n; i > c->first; i--) {
        const figure *g = &c->sh->figs[i - 1];
        if (g->kind == KIND_COUNT && g->start < c->w[k].start)
            return g->np_end <= c->w[k].start && c->w[k].start - g->np_end <= 1 ? (long)i - 1 : -1;
    }
    return -1;
}

/* "217 people on board, including 15 crew members and 62 Egyptian
 * passengers": a count after "including" or a list's colon ("more than
 * 190 people died: 41 police officers, two soldiers, ...") (perhaps past
 * other counts of the same list) is part of the last count before that
 * word, and one after a dash of the count right before the dash.
 * Returns the whole's index or -1. */
static long including_whole(const sent_ctx *c, const quantity *q)
{
    size_t k = q->w0, n = 0;
    while (k > 0 && n < 16 && strcmp(c->w[k - 1].low, "including") && !list_colon(c, k - 1) &&
           !(c->w[k - 1].punct && c->w[k - 1].low[0] != ','))
        k--, n++;
    if (k > 0 && spaced_dash(c, k - 1))
        return dash_whole(c, k - 1);
    if (k == 0 || (strcmp(c->w[k - 1].low, "including") && !list_colon(c, k - 1)))
        return -1;
    size_t at = c->w[k - 1].start;
    for (size_t i = c->sh->n; i > c->first; i--)
        if (c->sh->figs[i - 1].kind == KIND_COUNT && c->sh->figs[i - 1].start < at)
            return (long)i - 1;
    return -1;
}

/* The count "of them" points at: the last count of the sentence so far,
 * else the last count of the report's previous sentence ("At least 265
 * people were killed. An official said 161 of them were civilians"), or
 * -1. */
static long previous_count(const sent_ctx *c)
{
    const figure *f = c->sh->figs;
    for (size_t k = c->sh->n; k > c->first; k--)
        if (f[k - 1].kind == KIND_COUNT)
            return (long)k - 1;
    size_t prev = c->first;
    if (prev == 0 || f[prev - 1].doc != c->doc)
        return -1;
    size_t sent = f[prev - 1].sent_start;
    for (size_t k = prev; k > 0 && f[k - 1].doc == c->doc && f[k - 1].sent_start == sent; k--)
        if (f[k - 1].kind == KIND_COUNT)
            return (long)k - 1;
    return -1;
}

/* "The remaining 104": the whole of the sentence's last part, or -1. */
static long remaining_whole(const sent_ctx *c)
{
    for (size_t k = c->sh->n; k > c->first; k--)
        if (c->sh->figs[k - 1].kind == KIND_COUNT && c->sh->figs[k - 1].part_of >= 0)
            return c->sh->figs[k - 1].part_of;
    return -1;
}

/* Returns 1 if the noun phrase p names buildings (affected.txt) and its
 * sentence tells of violence (killed, injured, attacked): the buildings
 * were struck ("killed nine people in two stock-trading offices", "the
 * attack against the two embassies"). */
static int struck_building(const sent_ctx *c, const np *p)
{
    const lex_entry *b = lex_find(&c->lx->affected, p->counted, strlen(p->counted));
    if (!b || strcmp(b->val, "building"))
        return 0;
    for (size_t k = 0; k < c->nw; k++) {
        const lex_entry *e = c->w[k].punct ? NULL : sentence_event_at(c, k);
        if (e && (!strcmp(e->val, "killed") || !strcmp(e->val, "injured") || !strcmp(e->val, "attacked")))
            return 1;
    }
    return 0;
}

/* Returns 1 if an outcome verb stands right before word k (past adverbs
 * in -ly): its object is counted ("had caught one of the captors"). */
static int verb_acts_on(const sent_ctx *c, size_t k)
{
    while (k > 0 && c->w[k - 1].len > 3 && !strcmp(c->w[k - 1].low + c->w[k - 1].len - 2, "ly"))
        k--;
    const lex_entry *e = k > 0 && !c->w[k - 1].punct ? sentence_event_at(c, k - 1) : NULL;
    return e && e->role != EVENT_WEAK && e->role != EVENT_DEFAULT && e->role != EVENT_NOUN && e->role != EVENT_ADJ;
}

/* "the hostages, three Britons and a New Zealander": a count with no
 * outcome right after a comma, a dash or a colon that follows a noun of
 * people with an outcome ("hostages", "the dead": counted.txt) names
 * those people, and takes their outcome ("the trial _ one that" does not).
 * k is the count's first word; returns the outcome or NULL. */
static const char *apposition_event(const sent_ctx *c, size_t k)
{
    if (k < 2 || !c->w[k - 1].punct || is_quote(&c->w[k - 1]) || c->w[k - 1].low[0] == '\'' ||
        c->w[k - 1].low[0] == '.' || c->w[k - 1].low[0] == '(')
        return NULL;
    const lex_entry *e = sentence_event_at(c, k - 2);
    if (e && e->role != EVENT_DEFAULT && e->role != EVENT_NOUN &&
        lex_find(&c->lx->counted, c->w[k - 2].low, c->w[k - 2].len)) /* "the hostages", "the dead" */
        return e->val;
    return NULL;
}

/* Fills what a count says: its noun phrase, event, part-of-whole link. */
static int figure_count(sent_ctx *c, const quantity *q, figure *f)
{
    np p;
    np_read(c, q, &p);
    int strong;
    size_t to_at = (size_t)-1;
    const char *ev = event_find(c, q, &p, &strong, &to_at);
    if (!ev && (ev = apposition_event(c, q->w0)) != NULL)
        strong = 2;
    if (q->w0 >= 2 && is_word(c->w, c->nw, q->w0 - 1, "of") && np_role(c->lx, &c->w[q->w0 - 2]) == NP_SIZE)
        ev = NULL; /* "a city of 30,000 people", "a jury of 10 men": a size, whatever the verb */
    const char *dash = strchr(c->w[q->w1 - 1].low, '-');
    if (dash && members_suffix(dash) && strong < 2)
        ev = NULL; /* "the 18-member parole board": a body's size, unless a verb acts on it */
    f->event = ev ? ev : "";
    f->strong = ev ? strong : 0;
    if (strong == -1) { /* "intended to kill three": supposed, not done */
        f->status = ST_HYPOTHETICAL;
        f->status_cue = arena_strndup(&c->sh->mem, c->text + c->w[to_at].start,
                                      c->w[to_at + 1].end - c->w[to_at].start);
        if (!f->status_cue)
            return NF_ENOMEM;
    }
    size_t before = q->w0 > 0 && is_word(c->w, c->nw, q->w0 - 1, "the") ? q->w0 - 1 : q->w0;
    int setting = before > 0 && p.head[0] &&
                  (np_role(c->lx, &c->w[before - 1]) == NP_PLACE || is_word(c->w, c->nw, before - 1, "against"));
    if (setting) /* "at (the) two brokerage firms": a setting, not the affected, */
        f->event = struck_building(c, &p) ? "attacked" : ""; /* unless a building an attack struck */
    if ((p.of_the || p.part_next || p.part_prev) && q->lo == 1 && q->qual == Q_EXACT && !c->w[q->n0].digit &&
        !verb_acts_on(c, q->w0))
        f->event = "", f->individual = 1; /* "one of the missing men", "one of the two people" */
    f->np_end = p.end > q->w1 ? c->w[p.end - 1].end : f->end;
    f->increment = p.increment;
    f->share_next = p.share_next;
    f->head = arena_strndup(&c->sh->mem, p.head, strlen(p.head));
    f->counted = arena_strndup(&c->sh->mem, p.counted, strlen(p.counted));
    f->modifier = arena_strndup(&c->sh->mem, p.modifier, strlen(p.modifier));
    f->nation = arena_strndup(&c->sh->mem, p.nation, strlen(p.nation));
    f->nation_shown = arena_strndup(&c->sh->mem, p.nation_shown, strlen(p.nation_shown));
    if (p.part_next)
        f->part_of = (long)c->sh->n + 1; /* the next figure, made right after */
    if (p.part_prev)
        f->part_of = previous_count(c);
    if (f->part_of < 0 && q->w0 > 0 && is_word(c->w, c->nw, q->w0 - 1, "remaining"))
        f->part_of = remaining_whole(c); /* "..., while the remaining 104 were" */
    if (f->part_of < 0)
        f->part_of = including_whole(c, q);
    if (f->event[0] && places_find(c, q, &p, f) != NF_OK)
        return NF_ENOMEM;
    return f->head && f->counted && f->modifier && f->nation && f->nation_shown ? NF_OK : NF_ENOMEM;
}

/* Returns 1 if count b follows count a's noun phrase past only commas and
 * "and" or "or" (and "on board"): members of one list ("six Iraqis, six
 * Sudanese", "12 hostages and 18 attackers", "all 109 people on board and
 * four on the ground"). */
static int joined(const sent_ctx *c, const figure *a, const figure *b)
{
    if (a->kind != KIND_COUNT || b->kind != KIND_COUNT || a->np_end >= b->start)
        return 0;
    const char *s = c->text + a->np_end, *e = c->text + b->start;
    while (s < e && *s == ' ')
        s++;
    if (e - s >= 6 && !strncmp(s, "aboard", 6))
        s += 6; /* "all 109 people on board and four on the ground" */
    else if (e - s >= 8 && !strncmp(s, "on board", 8))
        s += 8;
    while (s < e && (*s == ' ' || *s == ','))
        s++;
    if (e - s >= 3 && (!strncmp(s, "and", 3) || !strncmp(s, "or ", 3)))
        s += s[0] == 'a' ? 3 : 2;
    while (s < e && *s == ' ')
        s++;
    return s == e;
}

/* The outcome figure f (the sentence's last) shares as a part of a whole
 * ("including a woman") or a member of a list after the count before it
 * ("three Britons and a New Zealander"), or NULL. */
static const char *list_event(const sent_ctx *c, const figure *f)
{
    size_t n = c->sh->n;
    const figure *by = NULL;
    if (f->part_of >= (long)c->first && f->part_of < (long)n - 1)
        by = &c->sh->figs[f->part_of];
    else if (n >= 2 && n - 2 >= c->first && joined(c, &c->sh->figs[n - 2], f))
        by = &c->sh->figs[n - 2];
    return by && by->event[0] ? by->event : NULL;
}

/* Members of a list share the verb one of them has: "freed 685 Algerian
 * and 107 foreign hostages" (freed, not held), "12 hostages and 18
 * attackers were killed" (killed), "six Iraqis, six Sudanese" (arrested).
 * Right to left first (the verb after the list), then left to right. A
 * member keeps an event its own noun gives ("five confirmed deaths and
 * several dozen cases of infection") unless that is a state ("hostages");
 * parts ("including dozens of foreigners") keep their whole's event. */
static void list_events(sent_ctx *c)
{
    figure *f = c->sh->figs;
    for (size_t i = c->sh->n - 1; i > c->first; i--)
        if (f[i - 1].strong == 0 && f[i - 1].part_of < 0 && f[i].strong == 2 && joined(c, &f[i - 1], &f[i]))
            f[i - 1].event = f[i].event, f[i - 1].strong = 2;
    for (size_t i = c->first + 1; i < c->sh->n; i++)
        if (f[i].strong == 0 && f[i].part_of < 0 && f[i - 1].strong == 2 && joined(c, &f[i - 1], &f[i]))
            f[i].event = f[i - 1].event, f[i].strong = 2;
}

/* Gives a count without a noun of its own the class of the figure it
 * belongs to: the whole it is part of, or the count before it in the
 * sentence ("12 people were killed and 37 injured"); "people" when it
 * has an event but nothing else to go on. */
static void figure_inherit(sent_ctx *c, size_t i)
{
    figure *f = &c->sh->figs[i];
    if (f->individual)
        return; /* "one of the two people seriously injured": not a count */
    if (f->part_of > (long)i && f->part_of < (long)c->sh->n && !f->event[0]) {
        /* "4 of the 18 employees were killed": the verb is the part's */
        f->event = c->sh->figs[f->part_of].event;
        c->sh->figs[f->part_of].event = "";
    }
    if (f->part_of >= 0 && f->part_of < (long)i && !f->event[0])
        f->event = c->sh->figs[f->part_of].event; /* "including 15 crew members" */
    if (f->kind != KIND_COUNT || f->counted[0])
        return;
    if (f->share_next && i + 1 < c->sh->n && c->sh->figs[i + 1].counted[0]) {
        f->counted = c->sh->figs[i + 1].counted;
        if (!f->event[0])
            f->event = c->sh->figs[i + 1].event;
        return;
    }
    const figure *from = NULL;
    if (f->part_of >= (long)c->sh->n)
        f->part_of = -1;
    if (f->part_of >= 0)
        from = &c->sh->figs[f->part_of];
    for (size_t k = i; !from && k > c->first; k--) /* an affected count only */
        if (c->sh->figs[k - 1].kind == KIND_COUNT && c->sh->figs[k - 1].counted[0] &&
            c->sh->figs[k - 1].event[0])
            from = &c->sh->figs[k - 1];
    if (from && from->counted[0]) {
        f->counted = from->counted, f->modifier = from->modifier, f->nation = from->nation;
        f->nation_shown = from->nation_shown;
        if (!f->event[0])
            f->event = from->event;
    } else if (f->event[0])
        f->counted = "people";
}

/* "The number of agents in the state has been doubled to about 80": a
 * count with no noun of its own in a clause that opens with "the number
 * of NOUN" counts that noun, and takes the noun's own state ("agents":
 * deployed). */
static void number_of(sent_ctx *c, figure *f)
{
    if (f->kind != KIND_COUNT || f->counted[0] || f->part_of >= 0)
        return;
    size_t k = word_at_byte(c, f->start);
    for (size_t j = k, n = 0; j > 1 && n < 14 && !is_boundary(c->w, j - 1); j--, n++) {
        if (!is_word(c->w, c->nw, j - 2, "number") || !is_word(c->w, c->nw, j - 1, "of"))
            continue;
        const word *x = &c->w[j];
        if (j >= k || x->punct || x->cap || np_role(c->lx, x))
            return;
        char cls[WORD_MAX];
        counted_class(c->lx, x->low, cls);
        const char *copy = arena_strndup(&c->sh->mem, cls, strlen(cls));
        if (!copy)
            return; /* out of memory: the count stays without a class */
        f->counted = copy;
        const lex_entry *e = f->event[0] ? NULL : event_in_context(c, j);
        if (e)
            f->event = e->val;
        return;
    }
}

/* Returns 1 if the words before figure f make its count background, not
 * people of the event: a possession or a size ("the couple had two
 * children", "Goteborg has 435,000 people", "his two younger children",
 * "a city of 30,000 people" (np_words.txt, role "size"), "one in 10
 * students", a limit: "limiting the bridge to 200 people"). */
static int background_count(const sent_ctx *c, const figure *f)
{
    size_t k = 0;
    while (k < c->nw && c->w[k].start < f->start)
        k++;
    if (k == 0)
        return 0;
    const word *p = &c->w[k - 1];
    static const char *const owns[] = {"has", "have", "had", "hosts", "in", "to"};
    for (size_t i = 0; i < sizeof owns / sizeof *owns; i++)
        if (!strcmp(p->low, owns[i]))
            return 1;
    if (!strcmp(p->low, "of") && k >= 2 && np_role(c->lx, &c->w[k - 2]) == NP_SIZE)
        return 1; /* "a city of 30,000 people", not "a busload of 44 teen-agers" */
    return is_possessive(p) || (p->len > 2 && !strcmp(p->low + p->len - 2, "'s"));
}

/* Returns 1 if attribution word k is a verb of speech ("said"). */
static int says_at(const sent_ctx *c, size_t k)
{
    const lex_entry *e = k < c->nw && !c->w[k].punct ? lex_find(&c->lx->attribution, c->w[k].low, c->w[k].len) : NULL;
    return e && e->role == ATTR_VERB;
}

/* Returns 1 if figure f's people speak: a verb of speech right after its
 * noun phrase or after an apposition between commas ("two administration
 * officials, speaking on condition of anonymity, said"); not "400 people
 * surrounding the lion, the wildlife service said". */
static int count_speaks(const sent_ctx *c, const figure *f)
{
    size_t k = 0;
    while (k < c->nw && c->w[k].start < f->np_end)
        k++;
    if (says_at(c, k))
        return 1;
    if (!is_word(c->w, c->nw, k, ","))
        return 0;
    for (size_t j = k + 1; j < c->nw && j < k + 12 && !is_boundary(c->w, j); j++)
        if (is_word(c->w, c->nw, j + 1, ","))
            return says_at(c, j + 2);
    return 0;
}

/* Returns 1 if counted people act in the event rather than undergo it:
 * an alias class of attackers, fighters or protesters (aliases.txt:
 * gunmen, militants, rebels, demonstrators: "some 50 demonstrators held a
 * protest"). */
static int is_actor(const lexicon *lx, const char *counted)
{
    const char *k = alias_class(lx, counted, strlen(counted));
    return k && (!strcmp(k, "attackers") || !strcmp(k, "fighters") || !strcmp(k, "protesters"));
}

/* Returns 1 if figure i is the whole of a part of its sentence ("300
 * spectators were on the bridge, 12 of them were killed"). */
static int is_whole(const sent_ctx *c, size_t i)
{
    for (size_t k = c->first; k < c->sh->n; k++)
        if (c->sh->figs[k].part_of == (long)i)
            return 1;
    return 0;
}

/* A count of people that no word of its sentence gives an event ("four
 * gunmen", "300 spectators on the bridge", "the two teens") took part in
 * the event: it gets the lexicon's default event ("involved") so the
 * sheet keeps it, when its people act in the event (attackers, fighters)
 * or it is the total of a part the sentence gives; a crowd, an audience or
 * a population merely present says nothing of what happened (the
 * annotators leave such counts out of scope or optional). Only classes of persons.txt (a count of things without
 * an outcome, "ten ships", "five felony counts", says nothing), two or
 * more (one person is an individual unless something happened to him),
 * fewer than a million (a population, not a crowd), not the sources of
 * the sentence nor background (background_count). */
static void people_default(sent_ctx *c)
{
    const char *ev = c->lx->people_event;
    for (size_t i = c->first; ev && i < c->sh->n; i++) {
        figure *f = &c->sh->figs[i];
        if (f->kind == KIND_COUNT && !f->event[0] && f->counted[0] && !f->individual && f->lo >= 2 &&
            f->status == ST_CURRENT &&
            f->lo < 1e6 && lex_find(&c->lx->persons, f->counted, strlen(f->counted)) &&
            (is_actor(c->lx, f->counted) || is_whole(c, i)) && !background_count(c, f) &&
            !count_speaks(c, f))
            f->event = ev;
    }
}

/* Returns 1 if year q dates its sentence as another event: after "in",
 * "during", "until", "from" or a comma, or before "when" ("the worst
 * since 1978, when 20 died"). "Since 1968" alone opens a period that runs
 * to the report's present ("has killed nearly 800 people since 1968":
 * today's cumulative toll). */
static int year_anchors(const sent_ctx *c, const quantity *q)
{
    const char *prev = c->w[q->w0 - 1].low;
    size_t k = q->w1 + (q->w1 < c->nw && c->w[q->w1].punct);
    if (is_word(c->w, c->nw, k, "when"))
        return 1; /* "compared to 2015, when 21 cases were confirmed" */
    if (!strcmp(prev, "since"))
        return 0;
    return !strcmp(prev, "in") || !strcmp(prev, "during") || !strcmp(prev, "until") ||
           !strcmp(prev, "from") || c->w[q->w0 - 1].punct;
}

/* Appends the figure for quantity q. */
static int figure_add(sent_ctx *c, const quantity *q)
{
    if (GROW(c->sh->figs, c->sh->cap, c->sh->n + 1))
        return NF_ENOMEM;
    figure f = {.doc = c->doc, .sent_start = c->s0, .sent_end = c->s1, .lo = q->lo, .hi = q->hi,
                .qual = q->qual, .kind = q->kind, .part_of = -1, .group = -1,
                .counted = "", .head = "", .modifier = "", .event = "", .place = "", .place_key = "",
                .status_cue = "", .nation = "", .nation_shown = "", .incident = ""};
    f.start = c->w[q->w0].start, f.end = c->w[q->w1 - 1].end;
    f.text = arena_strndup(&c->sh->mem, c->text + f.start, f.end - f.start);
    f.speaker = speaker_find(c, q->n0);
    f.when = when_find(c, q->n0);
    const char *cue_said;
    f.cue = cue_find(c, q, &cue_said);
    if (f.kind == KIND_YEAR && q->w0 > 0)
        f.anchor = year_anchors(c, q);
    if (!f.text || !f.speaker || !f.when)
        return NF_ENOMEM;
    if (f.kind == KIND_COUNT && figure_count(c, q, &f) != NF_OK)
        return NF_ENOMEM;
    if (f.kind == KIND_COUNT && f.status == ST_CURRENT && status_find(c, q, &f, cue_said) != NF_OK)
        return NF_ENOMEM;
    c->sh->figs[c->sh->n++] = f;
    return NF_OK;
}

/* A weekday ("on Wednesday") is a date figure of its own. */
static int weekday_at(const sent_ctx *c, size_t i, quantity *q)
{
    const lex_entry *e = c->w[i].cap ? lex_find(&c->lx->when, c->w[i].low, c->w[i].len) : NULL;
    if (!e || e->role != WHEN_DAY)
        return 0;
    memset(q, 0, sizeof *q);
    q->w0 = q->n0 = (uint32_t)i, q->w1 = (uint32_t)i + 1;
    q->lo = q->hi = -1, q->kind = KIND_DATE;
    return 1;
}

/* Returns 1 if words k, k+1 are "last month" or "last year". */
static int last_period(const sent_ctx *c, size_t k)
{
    return is_word(c->w, c->nw, k, "last") &&
           (is_word(c->w, c->nw, k + 1, "month") || is_word(c->w, c->nw, k + 1, "year"));
}

/* Marks the sentence's counts that belong to an earlier period named
 * relative to the report: all of them after an opening "Last month," or
 * "Last year,", those after "last year, when" ("a sharp rise compared
 * with last year, when just seven cases had been confirmed"). Years are
 * marked by the sheet, which knows the report's date. */
static void mark_relative_past(sent_ctx *c)
{
    size_t from = (size_t)-1;
    if (last_period(c, 0) && is_word(c->w, c->nw, 2, ","))
        from = 0;
    for (size_t k = 0; from == (size_t)-1 && k + 2 < c->nw; k++) {
        size_t j = k + 2 + is_word(c->w, c->nw, k + 2, ",");
        if (last_period(c, k) && is_word(c->w, c->nw, j, "when"))
            from = c->w[j].start;
    }
    for (size_t i = c->first; from != (size_t)-1 && i < c->sh->n; i++)
        if (c->sh->figs[i].start >= from)
            c->sh->figs[i].past = 1;
}

/* The determiner at word i ("a", "several", "no one": determiners.txt,
 * two words first): its entry, its length in words in *len; or NULL. */
static const lex_entry *determiner_at(const sent_ctx *c, size_t i, size_t *len)
{
    const lex_entry *e = NULL;
    if (c->w[i].punct)
        return NULL;
    if (i + 1 < c->nw && !c->w[i + 1].punct) {
        char two[2 * WORD_MAX + 1];
        snprintf(two, sizeof two, "%s %s", c->w[i].low, c->w[i + 1].low);
        e = lex_find(&c->lx->determiners, two, strlen(two));
        *len = 2;
    }
    if (!e) {
        e = lex_find(&c->lx->determiners, c->w[i].low, c->w[i].len);
        *len = 1;
    }
    return e;
}

/* The quantity a determiner gives: its value, or a vague low-high range
 * ("3-9"). */
static void determiner_quantity(const lex_entry *e, size_t i, size_t len, quantity *q)
{
    memset(q, 0, sizeof *q);
    const char *dash = strchr(e->val, '-');
    q->w0 = q->n0 = (uint32_t)i, q->w1 = (uint32_t)(i + len);
    q->lo = e->num, q->hi = dash ? strtod(dash + 1, NULL) : -1;
    q->qual = dash ? Q_VAGUE : Q_EXACT;
    q->kind = KIND_COUNT;
}

/* Returns 1 if word k is a form of "be" or "have" or an adverb in -ly:
 * words between a noun and its passive verb ("a nurse was seriously
 * injured"). */
static int verb_filler(const word *x)
{
    static const char *const aux[] = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had"};
    for (size_t i = 0; i < sizeof aux / sizeof *aux; i++)
        if (!strcmp(x->low, aux[i]))
            return 1;
    return x->len > 3 && !strcmp(x->low + x->len - 2, "ly");
}

/* Returns 1 if word k opens an object: an article, a determiner of a
 * count, a number or an object pronoun ("mauled a pedestrian", "killed
 * three", "attacked him"). */
static int object_starts(const sent_ctx *c, size_t k)
{
    static const char *const obj[] = {"a", "an", "the", "him", "her", "them", "his", "their", "its"};
    for (size_t i = 0; i < sizeof obj / sizeof *obj; i++)
        if (is_word(c->w, c->nw, k, obj[i]))
            return 1;
    size_t len;
    return c->w[k].digit || quantity_starts(c, k) || determiner_at(c, k, &len) != NULL;
}

/* An article counts one person only as the object or the subject of an
 * outcome verb right beside it: the verb just before the article
 * ("killed a policeman", "seriously injured a nurse") or just after its
 * noun phrase past forms of be/have and adverbs ("a Dane was killed", "a
 * policeman who was shot dead"). "The son of a farmer was killed" or "a
 * man who killed three" are not counts of one. Returns the event or NULL. */
static const char *article_event(const sent_ctx *c, size_t i, size_t np_end)
{
    size_t k = i;
    while (k > 0 && c->w[k - 1].len > 3 && !strcmp(c->w[k - 1].low + c->w[k - 1].len - 2, "ly"))
        k--;
    const lex_entry *e = k > 0 ? sentence_event_at(c, k - 1) : NULL;
    if (!e && k > 1 && (is_word(c->w, c->nw, k - 1, "on") || is_word(c->w, c->nw, k - 1, "at") ||
                        is_word(c->w, c->nw, k - 1, "upon")))
        e = sentence_event_at(c, k - 2); /* "pounced on a man", "lunged at a rider" */
    if (e && e->role != EVENT_WEAK && e->role != EVENT_DEFAULT && e->role != EVENT_NOUN)
        return e->val;
    if (k > 0 && is_word(c->w, c->nw, k - 1, "of"))
        return NULL; /* "the son of a farmer was killed": the son was */
    size_t j = np_end;
    int who = is_word(c->w, c->nw, j, "who");
    j += who; /* "a policeman who was killed", not "a man who killed" nor "who had pulled over" */
    size_t verb = j;
    int be = 0;
    while (j < c->nw && !c->w[j].punct && verb_filler(&c->w[j]))
        be |= is_passive_aux(&c->w[j]), j++;
    if (who && !be)
        return NULL;
    e = j < c->nw ? sentence_event_at(c, j) : NULL;
    if (j == verb && e && e->role != EVENT_ADJ && j + 1 < c->nw && object_starts(c, j + 1))
        return NULL; /* "a lion mauled a pedestrian": the subject of an active verb acts */
    return e && e->role != EVENT_WEAK && e->role != EVENT_DEFAULT ? e->val : NULL; /* "an expert involved" */
}

/* The outcome of the subject a determiner opens: the first outcome word
 * to its right in its clause, past an "of" phrase and its number ("none
 * of the 13 workers aboard was seriously injured") or a coordinated noun
 * ("several demonstrators and police officers were slightly injured"),
 * or NULL. */
static const char *subject_event(const sent_ctx *c, size_t from)
{
    for (size_t k = from, n = 0; k < c->nw && n < 14; k++, n++) {
        if ((c->w[k].punct && c->w[k].low[0] != '-' && c->w[k].low[0] != '\'') ||
            np_role(c->lx, &c->w[k]) == NP_CLAUSE)
            return NULL;
        const lex_entry *e = c->w[k].digit ? NULL : sentence_event_at(c, k);
        if (e && e->role != EVENT_WEAK && e->role != EVENT_DEFAULT)
            return e->val;
    }
    return NULL;
}

/* Returns 1 if a "no" at word i states a count: it opens its clause (also
 * one a speaker's "that" opens: "police said that no arrest has been
 * made") or follows a form of be ("No deaths were reported", "there were no
 * casualties"), not the object of another verb ("designed to cause no
 * casualties", "sustained no life-threatening injuries"). */
static int no_states(const sent_ctx *c, size_t i)
{
    if (i == 0 || is_boundary(c->w, i - 1) || is_passive_aux(&c->w[i - 1]))
        return 1;
    return said_that(c, i - 1); /* not "inconceivable that no innocent people have been executed" */
}

/* Returns 1 if a counted class is an animal (affected.txt). */
static int is_animal(const lexicon *lx, const char *counted)
{
    const lex_entry *e = lex_find(&lx->affected, counted, strlen(counted));
    return e && !strcmp(e->val, "animal");
}

/* Decides whether the figure just made for a determiner (role r) counts
 * people something happened to, and completes it: a count of none is
 * negated. An article or a pair needs its outcome verb beside it
 * (article_event); "several" and "none" the outcome of their clause.
 * Returns 1 to keep it. */
static int determiner_keep(sent_ctx *c, int r, const quantity *q, figure *f)
{
    int person = f->counted[0] && (lex_find(&c->lx->persons, f->counted, strlen(f->counted)) ||
                                   is_animal(c->lx, f->counted)); /* "a lion was shot dead" */
    int bare = !f->head[0]; /* "both died" */
    int of = is_word(c->w, c->nw, q->w1, "of"); /* "none of those on board" */
    const char *ev = f->strong >= 1 && f->event[0] ? f->event : NULL;
    if (r == DET_ARTICLE || r == DET_PAIR) {
        const lex_entry *h = f->head[0] ? lex_find(&c->lx->events, f->head, strlen(f->head)) : NULL;
        const char *own = h && h->role != EVENT_WEAK && h->role != EVENT_DEFAULT ? h->val : NULL; /* "both deceased" */
        ev = person || (bare && r == DET_PAIR) ? article_event(c, q->w0, word_at_byte(c, f->np_end)) : NULL;
        if (!ev && person && r == DET_PAIR)
            ev = own; /* not "a dead, omniscient narrator" */
        if (!ev && person && r == DET_ARTICLE)
            ev = list_event(c, f); /* "including a woman", "three Britons and a New Zealander" */
    } else if (!ev && (person || of))
        ev = subject_event(c, q->w1);
    if (r == DET_NEGATION && !bare && !of && !no_states(c, q->w0)) /* "no deaths", not "nobody" */
        return 0;
    const lex_entry *noun = r == DET_NEGATION && bare && !ev && q->w1 < c->nw && !c->w[q->w1].punct
                                ? sentence_event_at(c, q->w1) : NULL;
    if (noun && noun->role == EVENT_NOUN)
        ev = noun->val; /* "no arrest has been made": none arrested */
    if (!ev || !(person || (bare && r == DET_PAIR) || (of && r == DET_NEGATION) ||
                 (bare && r == DET_NEGATION)))
        return 0;
    if (r == DET_PAIR && q->w1 < c->nw && (c->w[q->w1].digit || c->w[q->w1].cap))
        return 0; /* "both 2004 and 2005", "both Israel and Egypt" */
    f->event = ev, f->strong = 2;
    if (bare && f->part_of < 0)
        f->counted = "people"; /* "both died": the pair of the sentence */
    if (r == DET_NEGATION)
        f->status = ST_NEGATED, f->status_cue = f->text;
    return 1;
}

/* Adds the figure of a determiner at word i when it counts people that
 * something happened to (determiner_keep). Returns NF_OK or NF_ENOMEM;
 * sets *next to the word after the words it used. */
static int determiner_add(sent_ctx *c, size_t i, size_t *next)
{
    size_t len;
    const lex_entry *e = determiner_at(c, i, &len);
    *next = i + 1;
    if (!e)
        return NF_OK;
    quantity q;
    determiner_quantity(e, i, len, &q);
    size_t n = c->sh->n;
    if (figure_add(c, &q) != NF_OK)
        return NF_ENOMEM;
    if (determiner_keep(c, e->role, &q, &c->sh->figs[n]))
        *next = q.w1;
    else
        c->sh->n = n; /* its strings stay in the arena: a sentence's worth */
    return NF_OK;
}

/* Returns 1 if the words before verb of saying k name its speaker
 * plainly: a short run of words from the start of a clause, with no
 * relative pronoun ("Police said", "..., officials said"). */
static int plain_speaker(const sent_ctx *c, size_t k)
{
    size_t j = k;
    while (j > 0 && k - j < SPEAKER_WORDS && !is_boundary(c->w, j - 1)) {
        j--;
        if (is_word(c->w, c->nw, j, "which") || is_word(c->w, c->nw, j, "who") || is_word(c->w, c->nw, j, "that"))
            return 0;
    }
    return j < k && (j == 0 || is_boundary(c->w, j - 1));
}

/* Returns 1 if the parse may change what the sheet shows of the
 * sentence: it holds a count with an outcome (one the sheet groups) and a
 * verb of saying (attribution.txt) whose speaker the word rules may miss:
 * two verbs of saying, or one whose speaker is not a plain run of words
 * before it (plain_speaker). Only such sentences are parsed: a parse costs
 * milliseconds, the word rules microseconds. */
static int worth_parsing(const sent_ctx *c)
{
    int count = 0, says = 0, plain = 1;
    for (size_t i = c->first; i < c->sh->n && !count; i++)
        count = c->sh->figs[i].kind == KIND_COUNT && c->sh->figs[i].event[0];
    for (size_t k = 0; count && k < c->nw; k++) {
        const lex_entry *e = c->w[k].punct ? NULL : lex_find(&c->lx->attribution, c->w[k].low, c->w[k].len);
        if (e && (e->role == ATTR_VERB || e->role == ATTR_PARTICIPLE)) {
            says++;
            plain &= plain_speaker(c, k);
        }
    }
    return says > 1 || (says == 1 && !plain);
}

/* The last word of figure f's own words ("224" of "at least 224"): the
 * number the parse links to its noun. */
static size_t figure_word(const sent_ctx *c, const figure *f)
{
    size_t k = word_at_byte(c, f->start);
    while (k + 1 < c->nw && c->w[k + 1].end <= f->end)
        k++;
    return k;
}

/* Returns 1 if the verb of saying the parse found at word k says so by
 * the word rules too: not a passive ("were confirmed dead") and, for a
 * participle, neither after a number or article nor before a preposition
 * ("32 confirmed cases"; participle_says). */
static int syntax_says(const sent_ctx *c, size_t k)
{
    const lex_entry *e = lex_find(&c->lx->attribution, c->w[k].low, c->w[k].len);
    if (!e || (k > 0 && is_passive_aux(&c->w[k - 1])))
        return 0;
    return e->role != ATTR_PARTICIPLE || participle_says(c, k);
}

/* Returns 1 if x is an adverb that may stand between a speaker and the
 * verb ("officials later said", "police also said"). */
static int speech_adverb(const word *x)
{
    static const char *const adv[] = {"also", "later", "earlier", "previously", "now", "then", "again"};
    for (size_t i = 0; i < sizeof adv / sizeof *adv; i++)
        if (!strcmp(x->low, adv[i]))
            return 1;
    return x->len > 3 && !strcmp(x->low + x->len - 2, "ly");
}

/* The words of the speaker of the verb of saying the parse found: its
 * subject as parsed, unless a word right before the verb (past adverbs)
 * lies outside it, or the parse took a time for the subject ("said
 * Friday"): a parse that makes a distant noun the subject ("... five counts
 * of child endangerment, police said") has misread the sentence, and the
 * words before the verb name the speaker. A comma before the verb ("Jamal
 * Fawz, 15, told"), a relative pronoun ("the ministry, which said") or a
 * subject after the verb ("said Prime Minister X") stand. */
static void syntax_speaker_words(const sent_ctx *c, syn_frame *fr)
{
    size_t k = fr->say;
    while (k > 0 && speech_adverb(&c->w[k - 1]))
        k--;
    const word *subj = fr->subj != SYN_NONE ? &c->w[fr->subj] : NULL;
    int time = subj && lex_find(&c->lx->when, subj->low, subj->len);
    if (!time && (k == 0 || c->w[k - 1].punct || k - 1 == fr->subj || (k - 1 >= fr->spk0 && k - 1 < fr->spk1)))
        return; /* k - 1 the subject: "which earlier said", the ministry's */
    size_t a, b;
    speaker_words(c, fr->say, 1, ATTR_VERB, &a, &b);
    fr->spk0 = a, fr->spk1 = b;
}

/* Where the parse of the sentence says more than the word windows: the
 * speaker is the subject of the verb of saying that governs the count's
 * clause ("The ministry, which earlier said 12 hostages had died, ...":
 * the ministry). Without a parse the window rules stand. Returns NF_OK or
 * NF_ENOMEM. */
static int syntax_pass(sent_ctx *c)
{
    if (!worth_parsing(c))
        return NF_OK;
    syn_sent *p = syntax_parse(c->text, c->w, c->nw);
    for (size_t i = c->first; p && i < c->sh->n; i++) {
        figure *f = &c->sh->figs[i];
        size_t at = figure_word(c, f);
        syn_frame fr;
        if (f->kind != KIND_COUNT || !syntax_frame(p, c->lx, at, &fr) || fr.say == SYN_NONE ||
            fr.spk1 <= fr.spk0 || !syntax_says(c, fr.say))
            continue;
        syntax_speaker_words(c, &fr);
        if (at >= fr.spk0 && at < fr.spk1)
            continue; /* a speaker holding the count itself: a misreading */
        const char *s = span_copy(c, fr.spk0, fr.spk1);
        if (!s) {
            syntax_free(p);
            return NF_ENOMEM;
        }
        f->speaker = s;
    }
    syntax_free(p);
    return NF_OK;
}

int figures_sentence(nf_facts_sheet *sh, const lexicon *lx, uint32_t doc, const char *text, size_t s0,
                     size_t s1)
{
    size_t need = s1 - s0 < 4096 ? s1 - s0 + 1 : 4096;
    if (need > sh->scratch_cap) {
        word *nw = xrealloc(sh->scratch, need * sizeof *nw);
        if (!nw)
            return NF_ENOMEM;
        sh->scratch = nw, sh->scratch_cap = need;
    }
    sent_ctx c = {sh, lx, text, sh->scratch, 0, doc, s0, s1, sh->n};
    c.nw = words_split(text + s0, s1 - s0, s0, sh->scratch, sh->scratch_cap);
    sh->scratch_n = c.nw;
    quantity q;
    for (size_t i = 0; i < c.nw;) {
        if (!quantity_at(lx, c.w, c.nw, i, &q) && !weekday_at(&c, i, &q)) {
            if (determiner_add(&c, i, &i) != NF_OK)
                return NF_ENOMEM;
            continue;
        }
        quantity_classify(lx, c.w, c.nw, &q);
        if (!one_is_pronoun(&c, &q) && !number_in_name(&c, &q) && figure_add(&c, &q) != NF_OK)
            return NF_ENOMEM;
        i = q.w1;
    }
    if (sh->n > c.first && syntax_pass(&c) != NF_OK)
        return NF_ENOMEM;
    if (sh->n > c.first)
        list_events(&c);
    contrast_cues(&c);
    for (size_t k = c.first; k < sh->n; k++)
        figure_inherit(&c, k);
    for (size_t k = c.first; k < sh->n; k++)
        number_of(&c, &sh->figs[k]);
    scene_events(&c);
    people_default(&c);
    anaphora_events(&c);
    mark_relative_past(&c);
    return NF_OK;
}
