/*
 * strlit.c — string literals: finding where one ends (lex_string) and
 * decoding its escapes into UTF-8 (lex_strlit_decode) as CPython's
 * unicode-escape / bytes-escape decoders do. Surrogate escapes are kept as
 * 3-byte sequences (CPython's "surrogatepass"), so any str round-trips.
 */
#include <stdio.h>
#include <string.h>

#include "grammar/python.h"
#include "lexer/lexer_int.h"

bool
lex_string(LexState *ls, const char *start, int flags)
{
    const char *p = ls->cur;
    char q = *p;
    bool triple = p[1] == q && p[2] == q;
    int lineno = ls->lineno;
    int col = lex_col(ls, start);
    /* the quote of an enclosing single-quoted f-string met inside one of
     * its fields: if it never closes, CPython reports the unfinished field */
    const LexFString *f = ls->nfstrings ? &ls->fstrings[ls->nfstrings - 1] : NULL;
    bool field_quote = f != NULL && !f->triple && f->quote == q && start == ls->cur && !triple;
    p += triple ? 3 : 1;
    for (;;) {
        char c = *p;
        if (c == '\0') {
            ls->cur = p;
            if (triple) {
                return lex_fail(ls, LEX_ERR_SYNTAX, lineno, col,
                                "unterminated triple-quoted string literal (detected at line %d)",
                                lex_eof_line(ls));
            }
            if (field_quote) {
                return lex_fail(ls, LEX_ERR_SYNTAX, lineno, col, "f-string: expecting '}'");
            }
            return lex_fail(ls, LEX_ERR_SYNTAX, lineno, col,
                            "unterminated string literal (detected at line %d)", ls->lineno);
        }
        if (c == '\\') {
            if (p[1] == '\n') {
                p += 2;
                ls->lineno++;
                ls->line_start = p;
                continue;
            }
            if (p[1] != '\0') {
                p += 2;
                continue;
            }
            p++;
            continue;
        }
        if (c == '\n') {
            if (!triple) {
                if (field_quote) {
                    return lex_fail(ls, LEX_ERR_SYNTAX, lineno, col, "f-string: expecting '}'");
                }
                return lex_fail(ls, LEX_ERR_SYNTAX, lineno, col,
                                "unterminated string literal (detected at line %d)", ls->lineno);
            }
            p++;
            ls->lineno++;
            ls->line_start = p;
            continue;
        }
        if (c == q) {
            if (!triple) {
                p++;
                break;
            }
            if (p[1] == q && p[2] == q) {
                p += 3;
                break;
            }
        }
        p++;
    }
    ls->cur = p;
    return lex_emit(ls, TK_STRING, flags, start, p, lineno, col);
}

int
lex_strlit_split(const LexToken *tok, const char **body, size_t *body_len)
{
    const char *s = tok->start;
    const char *e = s + tok->len;
    int flags = 0;
    while (*s != '\'' && *s != '"') {
        switch (*s) {
        case 'r': case 'R': flags |= LEX_F_RAW; break;
        case 'b': case 'B': flags |= LEX_F_BYTES; break;
        case 'u': case 'U': flags |= LEX_F_UNICODE; break;
        default: break;
        }
        s++;
    }
    size_t q = (s + 2 < e && s[1] == s[0] && s[2] == s[0] && e - s >= 6) ? 3 : 1;
    *body = s + q;
    *body_len = (size_t)(e - s) - 2 * q;
    return flags;
}

static int
hexval(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* Writes code point cp as UTF-8 (surrogates too); returns bytes written. */
static int
put_utf8(char *d, unsigned long cp)
{
    if (cp < 0x80) {
        d[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        d[0] = (char)(0xC0 | (cp >> 6));
        d[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        d[0] = (char)(0xE0 | (cp >> 12));
        d[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        d[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    d[0] = (char)(0xF0 | (cp >> 18));
    d[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    d[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    d[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

long
lex_strlit_decode(const char *text, size_t len, int flags, bool fstring, char *dst, char *msg,
                  size_t msgsize, size_t *bad_off)
{
    bool raw = (flags & LEX_F_RAW) != 0;
    bool bytes = (flags & LEX_F_BYTES) != 0;
    bool braces = fstring && !(flags & LEX_F_SPEC);
    const char *s = text;
    const char *e = text + len;
    char *d = dst;
    if (!bytes && !braces && (raw || memchr(text, '\\', len) == NULL)) {
        /* nothing to decode (most literals) */
        memcpy(dst, text, len);
        dst[len] = '\0';
        return (long)len;
    }
    while (s < e) {
        unsigned char c = (unsigned char)*s;
        if (bytes && c >= 0x80) {
            *bad_off = (size_t)(s - text);
            snprintf(msg, msgsize, "bytes can only contain ASCII literal characters");
            return -1;
        }
        if (braces && (c == '{' || c == '}') && s + 1 < e && s[1] == (char)c) {
            *d++ = (char)c;
            s += 2;
            continue;
        }
        if (c != '\\' || raw || s + 1 >= e) {
            *d++ = (char)c;
            s++;
            continue;
        }
        const char *esc = s;
        char n = s[1];
        s += 2;
        switch (n) {
        case '\n': break;
        case '\\': *d++ = '\\'; break;
        case '\'': *d++ = '\''; break;
        case '"': *d++ = '"'; break;
        case 'a': *d++ = '\a'; break;
        case 'b': *d++ = '\b'; break;
        case 'f': *d++ = '\f'; break;
        case 'n': *d++ = '\n'; break;
        case 'r': *d++ = '\r'; break;
        case 't': *d++ = '\t'; break;
        case 'v': *d++ = '\v'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned long v = (unsigned long)(n - '0');
            for (int i = 0; i < 2 && s < e && *s >= '0' && *s <= '7'; i++) {
                v = v * 8 + (unsigned long)(*s++ - '0');
            }
            if (bytes) {
                *d++ = (char)(v & 0xFF);
            } else {
                d += put_utf8(d, v);
            }
            break;
        }
        case 'x': case 'u': case 'U': {
            int ndig = n == 'x' ? 2 : n == 'u' ? 4 : 8;
            if (bytes && n != 'x') {
                *d++ = '\\';
                *d++ = n;
                break;
            }
            unsigned long v = 0;
            int i;
            for (i = 0; i < ndig && s < e && hexval(*s) >= 0; i++) {
                v = v * 16 + (unsigned long)hexval(*s++);
            }
            *bad_off = (size_t)(esc - text);
            if (i < ndig) {
                if (bytes) {
                    snprintf(msg, msgsize, "(value error) invalid \\x escape at position %zu",
                             *bad_off);
                } else {
                    snprintf(msg, msgsize,
                             "(unicode error) 'unicodeescape' codec can't decode bytes in "
                             "position %zu-%zu: truncated \\%c%s escape",
                             *bad_off, (size_t)(s - text) - 1, n,
                             n == 'x' ? "XX" : n == 'u' ? "XXXX" : "XXXXXXXX");
                }
                return -1;
            }
            if (bytes) {
                *d++ = (char)v;
            } else if (v > 0x10FFFF) {
                snprintf(msg, msgsize,
                         "(unicode error) 'unicodeescape' codec can't decode bytes in "
                         "position %zu-%zu: illegal Unicode character",
                         *bad_off, (size_t)(s - text) - 1);
                return -1;
            } else {
                d += put_utf8(d, v);
            }
            break;
        }
        case 'N':
            if (!bytes) {
                *bad_off = (size_t)(esc - text);
                const char *close = NULL;
                if (s < e && *s == '{') {
                    close = memchr(s + 1, '}', (size_t)(e - s - 1));
                }
                long cp = close ? lex_uname_lookup(s + 1, (size_t)(close - s - 1)) : -1;
                if (cp < 0) {
                    size_t end = close ? (size_t)(close - text) : (size_t)(s - text) - 1;
                    snprintf(msg, msgsize,
                             "(unicode error) 'unicodeescape' codec can't decode bytes in "
                             "position %zu-%zu: %s", *bad_off, end,
                             close ? "unknown Unicode character name"
                                   : "malformed \\N character escape");
                    return -1;
                }
                d += put_utf8(d, (unsigned long)cp);
                s = close + 1;
                break;
            }
            *d++ = '\\';
            *d++ = n;
            break;
        default:
            /* an invalid escape keeps its backslash (CPython warns) */
            *d++ = '\\';
            s--;
            break;
        }
    }
    *d = '\0';
    return (long)(d - dst);
}
