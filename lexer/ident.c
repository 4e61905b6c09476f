/*
 * ident.c — non-ASCII identifiers: validity (Unicode XID rules,
 * approximated with general categories, which agree for all but a handful
 * of code points) and NFKC normalization, as PEP 3131 requires.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "lexer/lexer.h"

static bool
is_start(utf8proc_int32_t cp)
{
    if (cp == '_' || (cp < 0x80 && ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z'))) {
        return true;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_NL:
        return true;
    default:
        return cp == 0x2118 || cp == 0x212E || cp == 0x309B || cp == 0x309C;
    }
}

static bool
is_continue(utf8proc_int32_t cp)
{
    if (is_start(cp) || (cp >= '0' && cp <= '9')) {
        return true;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_PC:
        return true;
    default:
        return cp == 0x00B7 || cp == 0x0387 || (cp >= 0x1369 && cp <= 0x1371) || cp == 0x19DA;
    }
}

/*
 * Checks the identifier bytes [s, s+len); returns the first invalid code
 * point (and its byte offset in *off), or -1 when valid.
 */
long
lex_ident_check(const char *s, size_t len, size_t *off)
{
    size_t i = 0;
    bool first = true;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) {
            *off = i;
            return 0xFFFD;
        }
        if (!(first ? is_start(cp) : is_continue(cp))) {
            *off = i;
            return cp;
        }
        first = false;
        i += (size_t)n;
    }
    return -1;
}

char *
lex_ident_normalize(const char *s, size_t len, bool *invalid)
{
    *invalid = false;
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &out,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
    if (n < 0) {
        *invalid = n != UTF8PROC_ERROR_NOMEM;
        return NULL;
    }
    return (char *)out;
}
