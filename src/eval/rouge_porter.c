/* The Porter stemmer exactly as ROUGE-1.5.5 runs it. Hand-written on
 * purpose: the script carries Porter's Perl "Release 1" with two traits no
 * stemming library ships, so libstemmer cannot stand in for it:
 *   - its measure regexes use consonant = [^aeiou] and vowel = [aeiouy],
 *     so y is either, whichever lets a pattern match; an initial y is
 *     uppercased first and so is always a consonant;
 *   - step 4 was changed by C.-Y. Lin (2004): the suffix list without
 *     ment/ent/ion is tried first, then ment on the result, then ent, and
 *     (s|t)ion only if ent did not match; all need m > 1
 *     (agreement -> agreem, where standard Porter keeps agreement).
 * The script tests its measure conditions with backtracking regexes; here
 * a tiny matcher runs the same patterns, written over five classes:
 *   c = [^aeiou]  k = [^aeiouy]  v = [aeiouy]  a = [aeiou]  w = [^aeiouwxy]
 * with x* for "zero or more" and $ for the end. Every pattern is anchored
 * at the start, as in the script. Checked against ROUGE's own output for
 * 19,459 words (tests/unit/test_rouge_conformance.c). */
#include "eval/rouge.h"
#include <string.h>

/* Does byte ch belong to class cls? */
static int class_has(char cls, char ch)
{
    int vowel = ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u';
    switch (cls) {
    case 'c': return !vowel;
    case 'k': return !vowel && ch != 'y';
    case 'v': return vowel || ch == 'y';
    case 'a': return vowel;
    default: return !vowel && ch != 'w' && ch != 'x' && ch != 'y'; /* 'w' */
    }
}

/* Returns 1 if pattern p matches a prefix of s[0..n) (all of it with $). */
static int match_here(const char *p, const char *s, size_t n)
{
    if (!*p)
        return 1;
    if (*p == '$')
        return n == 0;
    if (p[1] == '*') {
        for (size_t k = 0;; k++) {
            if (match_here(p + 2, s + k, n - k))
                return 1;
            if (k == n || !class_has(*p, s[k]))
                return 0;
        }
    }
    return n > 0 && class_has(*p, *s) && match_here(p + 1, s + 1, n - 1);
}

/* Tries each alternative of a NULL-ended list (the script's optional
 * groups, spelled out). */
static int match_any(const char *const *alts, const char *s, size_t n)
{
    for (; *alts; alts++)
        if (match_here(*alts, s, n))
            return 1;
    return 0;
}

/* ^(C)?VC: m > 0 */
static int m_gt0(const char *s, size_t n)
{
    static const char *const alts[] = {"va*c", "ck*va*c", NULL};
    return match_any(alts, s, n);
}

/* ^(C)?VC(V)?$: m = 1 */
static int m_eq1(const char *s, size_t n)
{
    static const char *const alts[] = {"va*ck*$", "va*ck*va*$", "ck*va*ck*$", "ck*va*ck*va*$",
                                       NULL};
    return match_any(alts, s, n);
}

/* ^(C)?VCVC: m > 1 */
static int m_gt1(const char *s, size_t n)
{
    static const char *const alts[] = {"va*ck*va*c", "ck*va*ck*va*c", NULL};
    return match_any(alts, s, n);
}

/* ^(C)?v: the stem has a vowel */
static int has_vowel(const char *s, size_t n)
{
    static const char *const alts[] = {"v", "ck*v", NULL};
    return match_any(alts, s, n);
}

/* ^CV[^aeiouwxy]$: consonant-vowel-consonant (the whole word) */
static int is_cvc(const char *s, size_t n)
{
    return match_here("ck*vw$", s, n);
}

/* Does w[0..n) end with suffix? */
static int ends(const char *w, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return k <= n && memcmp(w + n - k, suffix, k) == 0;
}

/* The longest suffix of w among list[0], list[2], ... (a $-anchored
 * alternation matches its leftmost, hence longest, candidate); returns its
 * index in list or -1. Entries come in (suffix, replacement) pairs. */
static int longest_suffix(const char *w, size_t n, const char *const *list)
{
    int best = -1;
    for (int i = 0; list[i]; i += 2)
        if (ends(w, n, list[i]) && (best < 0 || strlen(list[i]) > strlen(list[best])))
            best = i;
    return best;
}

/* Steps 1a, 1b and 1c; returns the new length. */
static size_t step1(char *w, size_t n)
{
    if (ends(w, n, "sses") || ends(w, n, "ies"))
        n -= 2;
    else if (n >= 2 && w[n - 1] == 's' && w[n - 2] != 's')
        n -= 1;
    if (ends(w, n, "eed")) {
        if (m_gt0(w, n - 3))
            n -= 1;
    } else if (ends(w, n, "ed") || ends(w, n, "ing")) {
        size_t stem = n - (ends(w, n, "ed") ? 2 : 3);
        if (has_vowel(w, stem)) {
            n = stem;
            if (ends(w, n, "at") || ends(w, n, "bl") || ends(w, n, "iz"))
                w[n++] = 'e';
            else if (n >= 2 && w[n - 1] == w[n - 2] && !strchr("aeiouylsz", w[n - 1]))
                n -= 1;
            else if (is_cvc(w, n))
                w[n++] = 'e';
        }
    }
    if (n >= 1 && w[n - 1] == 'y' && has_vowel(w, n - 1))
        w[n - 1] = 'i';
    return n;
}

/* Steps 2 and 3: suffix replacement when the stem has m > 0. */
static size_t step_replace(char *w, size_t n, const char *const *list)
{
    int i = longest_suffix(w, n, list);
    if (i < 0)
        return n;
    size_t stem = n - strlen(list[i]);
    if (!m_gt0(w, stem))
        return n;
    size_t k = strlen(list[i + 1]);
    memcpy(w + stem, list[i + 1], k);
    return stem + k;
}

/* Step 4 in C.-Y. Lin's order (see the file comment). */
static size_t step4(const char *w, size_t n)
{
    static const char *const list[] = {"al", "", "ance", "", "ence", "", "er", "", "ic", "",
                                       "able", "", "ible", "", "ant", "", "ement", "", "ou", "",
                                       "ism", "", "ate", "", "iti", "", "ous", "", "ive", "",
                                       "ize", "", NULL};
    int i = longest_suffix(w, n, list);
    if (i >= 0 && m_gt1(w, n - strlen(list[i])))
        n -= strlen(list[i]);
    if (ends(w, n, "ment") && m_gt1(w, n - 4))
        n -= 4;
    if (ends(w, n, "ent")) {
        if (m_gt1(w, n - 3))
            n -= 3;
    } else if (ends(w, n, "sion") || ends(w, n, "tion")) {
        if (m_gt1(w, n - 3))
            n -= 3;
    }
    return n;
}

/* Step 5: a final e, then a final ll. */
static size_t step5(const char *w, size_t n)
{
    if (n >= 1 && w[n - 1] == 'e') {
        size_t s = n - 1;
        if (m_gt1(w, s) || (m_eq1(w, s) && !is_cvc(w, s)))
            n = s;
    }
    if (ends(w, n, "ll") && m_gt1(w, n))
        n -= 1;
    return n;
}

size_t porter_stem(const char *in, size_t n, char *w)
{
    static const char *const step2[] = {
        "ational", "ate", "tional", "tion", "enci", "ence", "anci", "ance", "izer", "ize",
        "bli", "ble", "alli", "al", "entli", "ent", "eli", "e", "ousli", "ous",
        "ization", "ize", "ation", "ate", "ator", "ate", "alism", "al", "iveness", "ive",
        "fulness", "ful", "ousness", "ous", "aliti", "al", "iviti", "ive", "biliti", "ble",
        "logi", "log", NULL};
    static const char *const step3[] = {"icate", "ic", "ative", "", "alize", "al", "iciti", "ic",
                                        "ical", "ic", "ful", "", "ness", "", NULL};
    memcpy(w, in, n);
    if (n < 3)
        return n;
    int first_y = w[0] == 'y';
    if (first_y)
        w[0] = 'Y';
    n = step1(w, n);
    n = step_replace(w, n, step2);
    n = step_replace(w, n, step3);
    n = step4(w, n);
    n = step5(w, n);
    if (first_y && n)
        w[0] = 'y';
    return n;
}
