/*
 * uname.c — Unicode character names for `\N{...}` escapes: a binary
 * search over the generated table (lexer/unames.pl, from the Unicode
 * database perl ships) plus the algorithmic names (CJK unified ideographs,
 * Hangul syllables). Matching ignores case, as CPython's does.
 */
#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "lexer/lexer.h"

extern const int lex_unames_count;
extern const char lex_unames_blob[];
extern const uint32_t lex_unames_off[];
extern const uint32_t lex_unames_cp[];

/* Compares name (len bytes, any case) with an upper-case table entry. */
static int
cmp_name(const char *name, size_t len, const char *entry)
{
    size_t i = 0;
    for (; i < len && entry[i] != '\0'; i++) {
        int a = toupper((unsigned char)name[i]);
        int b = (unsigned char)entry[i];
        if (a != b) {
            return a - b;
        }
    }
    if (i < len) {
        return 1;
    }
    return entry[i] == '\0' ? 0 : -1;
}

static bool
prefix(const char *name, size_t len, const char *p, size_t *plen)
{
    size_t n = strlen(p);
    *plen = n;
    if (len <= n) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (toupper((unsigned char)name[i]) != p[i]) {
            return false;
        }
    }
    return true;
}

static long
cjk(const char *hex, size_t n)
{
    if (n < 4 || n > 5) {
        return -1;
    }
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        int c = toupper((unsigned char)hex[i]);
        if (!isxdigit(c)) {
            return -1;
        }
        v = v * 16 + (isdigit(c) ? c - '0' : c - 'A' + 10);
    }
    static const long ranges[][2] = {
        {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0x20000, 0x2A6DF}, {0x2A700, 0x2B739},
        {0x2B740, 0x2B81D}, {0x2B820, 0x2CEA1}, {0x2CEB0, 0x2EBE0}, {0x2EBF0, 0x2EE5D},
        {0x30000, 0x3134A}, {0x31350, 0x323AF},
    };
    for (size_t i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++) {
        if (v >= ranges[i][0] && v <= ranges[i][1]) {
            return v;
        }
    }
    return -1;
}

/* Longest match of one of `tab` at s; returns its index, length in *n. */
static int
jamo(const char *s, size_t len, const char *const *tab, int count, size_t *n)
{
    int best = -1;
    size_t bestn = 0;
    for (int i = 0; i < count; i++) {
        size_t k = strlen(tab[i]);
        if (k <= len && (k > bestn || best < 0)) {
            size_t j = 0;
            while (j < k && toupper((unsigned char)s[j]) == tab[i][j]) {
                j++;
            }
            if (j == k) {
                best = i;
                bestn = k;
            }
        }
    }
    *n = bestn;
    return best;
}

static long
hangul(const char *s, size_t len)
{
    static const char *const L[] = {"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS",
                                    "", "J", "JJ", "C", "K", "T", "P", "H"};
    static const char *const V[] = {"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA",
                                    "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI",
                                    "I"};
    static const char *const T[] = {"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM",
                                    "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS",
                                    "NG", "J", "C", "K", "T", "P", "H"};
    /* the longest L that still leaves a valid V+T split */
    for (int li = 0; li < 19; li++) {
        size_t ln = strlen(L[li]);
        if (ln > len || (ln > 0 && cmp_name(s, ln, L[li]) != 0)) {
            continue;
        }
        size_t vn;
        int vi = jamo(s + ln, len - ln, V, 21, &vn);
        if (vi < 0) {
            continue;
        }
        size_t rest = len - ln - vn;
        for (int ti = 0; ti < 28; ti++) {
            if (strlen(T[ti]) == rest && cmp_name(s + ln + vn, rest, T[ti]) == 0) {
                return 0xAC00 + (li * 21 + vi) * 28 + ti;
            }
        }
    }
    return -1;
}

long
lex_uname_lookup(const char *name, size_t len)
{
    size_t plen;
    if (prefix(name, len, "CJK UNIFIED IDEOGRAPH-", &plen)) {
        return cjk(name + plen, len - plen);
    }
    if (prefix(name, len, "HANGUL SYLLABLE ", &plen)) {
        return hangul(name + plen, len - plen);
    }
    int lo = 0;
    int hi = lex_unames_count - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        int c = cmp_name(name, len, lex_unames_blob + lex_unames_off[mid]);
        if (c == 0) {
            return (long)lex_unames_cp[mid];
        }
        if (c < 0) {
            hi = mid - 1;
        } else {
            lo = mid + 1;
        }
    }
    return -1;
}
