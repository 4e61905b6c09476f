/*
 * suggest.c — "did you mean" by edit distance.
 *
 * Optimal string alignment distance (Levenshtein plus adjacent swaps), since
 * models misspell by dropping, doubling and swapping letters. A candidate is
 * offered only when it is close relative to the name's length, so short
 * names do not attract random suggestions.
 */
#include <ctype.h>
#include <string.h>

#include "checker/chk_int.h"

#define MAXLEN 64

static int
osa_distance(const char *a, const char *b)
{
    size_t n = strlen(a);
    size_t m = strlen(b);
    if (n >= MAXLEN || m >= MAXLEN) {
        return 1000;
    }
    int d[MAXLEN + 1][MAXLEN + 1];
    for (size_t i = 0; i <= n; i++) {
        d[i][0] = (int)i;
    }
    for (size_t j = 0; j <= m; j++) {
        d[0][j] = (int)j;
    }
    for (size_t i = 1; i <= n; i++) {
        for (size_t j = 1; j <= m; j++) {
            /* a case-only difference costs less than a real edit */
            int cost = a[i - 1] == b[j - 1] ? 0
                       : tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1])
                           ? 0 : 1;
            int v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v) {
                v = d[i][j - 1] + 1;
            }
            if (d[i - 1][j - 1] + cost < v) {
                v = d[i - 1][j - 1] + cost;
            }
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]
                && d[i - 2][j - 2] + 1 < v) {
                v = d[i - 2][j - 2] + 1;
            }
            d[i][j] = v;
        }
    }
    return d[n][m];
}

/* One name is a prefix of the other ("temp" / "temperature"), or the
 * shorter is an abbreviation of the longer: same first letter and its
 * letters appear in order ("sqrt" in "squareroot"). */
static bool
looks_related(const char *a, const char *b)
{
    size_t la = strlen(a);
    size_t lb = strlen(b);
    const char *shorter = la < lb ? a : b;
    const char *longer = la < lb ? b : a;
    size_t ls = la < lb ? la : lb;
    if (strncmp(shorter, longer, ls) == 0) {
        return true;
    }
    size_t common = 0;
    while (common < ls && shorter[common] == longer[common]) {
        common++;
    }
    if (common >= 4) {
        return true;   /* "retry" / "retries" */
    }
    if (ls >= 4 && strcmp(longer + (strlen(longer) - ls), shorter) == 0) {
        return true;   /* "cursor" / "next_cursor" */
    }
    if (tolower((unsigned char)shorter[0]) != tolower((unsigned char)longer[0])) {
        return false;
    }
    const char *p = longer;
    for (const char *q = shorter; *q; q++) {
        while (*p && tolower((unsigned char)*p) != tolower((unsigned char)*q)) {
            p++;
        }
        if (!*p) {
            return false;
        }
        p++;
    }
    return true;
}

/* chk_suggest_init: starts a search for names close to `name`. */
void
chk_suggest_init(ChkSuggest *s, const char *name)
{
    s->name = name;
    s->best = NULL;
    s->best_dist = 1000;
    s->budget = NULL;
}

/* Also accept "get_weather" for "weather"/"getweather": underscores and
 * a shared prefix or suffix of a compound name. */
static int
max_distance(size_t len)
{
    if (len <= 2) {
        return 0;
    }
    if (len <= 4) {
        return 1;
    }
    if (len <= 8) {
        return 2;
    }
    return 3;
}

/* chk_suggest_offer: considers one candidate (NULL and equal names ignored). */
void
chk_suggest_offer(ChkSuggest *s, const char *candidate)
{
    if (s->budget) {
        if (*s->budget <= 0) {
            return;     /* a huge script: suggestions stop, checking goes on */
        }
        (*s->budget)--;
    }
    if (!candidate || strcmp(candidate, s->name) == 0) {
        return;
    }
    /* private and dunder names are only suggested for names that look alike */
    if (candidate[0] == '_' && s->name[0] != '_') {
        return;
    }
    size_t nlen = strlen(s->name);
    size_t cl = strlen(candidate);
    size_t diff = nlen > cl ? nlen - cl : cl - nlen;
    if ((int)diff > max_distance(nlen) && !looks_related(s->name, candidate)) {
        return;     /* too far apart in length: no need for the full distance */
    }
    int d = osa_distance(s->name, candidate);
    if (d > max_distance(nlen) && nlen >= 3 && cl >= 3 && looks_related(s->name, candidate)) {
        /* a prefix or an abbreviation: accepted, but after any close spelling */
        d = max_distance(nlen) + 1 + (int)(cl > nlen ? cl - nlen : nlen - cl);
        if (s->best && s->best_dist <= d) {
            return;
        }
        s->best = candidate;
        s->best_dist = d;
        return;
    }
    size_t len = strlen(s->name);
    size_t clen = strlen(candidate);
    int limit = max_distance(len);
    if ((size_t)d >= clen) {
        return;
    }
    if (d == 0) {
        d = 1;     /* case-only difference: a good suggestion */
    }
    if (d > limit) {
        return;
    }
    if (d < s->best_dist || (d == s->best_dist && s->best && strcmp(candidate, s->best) < 0)) {
        s->best = candidate;
        s->best_dist = d;
    }
}

/* chk_suggest_best: the closest candidate offered, or NULL. */
const char *
chk_suggest_best(const ChkSuggest *s)
{
    return s->best;
}
