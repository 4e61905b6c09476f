/*
 * parse.c — the front end's driver (SQLite's sqlite3RunParser shape):
 * normalize the source (BOM, CRLF, NUL and UTF-8 checks), scan it whole,
 * settle soft keywords with token lookahead, push tokens into the Lemon
 * parser, stop at the first error and turn it into CPython's SyntaxError
 * fields. Nothing here recurses.
 */
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grammar/parse.h"
#include "grammar/parse_int.h"
#include "grammar/python.h"

void *PyParseAlloc(void *(*mallocProc)(size_t), ParseCtx *ctx);
void PyParseFree(void *p, void (*freeProc)(void *));
void PyParse(void *p, int major, const LexToken *minor, ParseCtx *ctx);

/* Refines a generic "invalid syntax" into CPython's specific message. */
void parse_refine_error(ParseCtx *ctx, const LexToken *at, const LexResult *lex);

/* Checks UTF-8 validity; returns the offset of the first bad byte or -1. */
static long
bad_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        /* skip ASCII eight bytes at a time (most source is ASCII) */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull) {
                break;
            }
            i += 8;
        }
        if (i >= n) {
            break;
        }
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t need;
        unsigned min;
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            min = 0x10000;
        } else {
            return (long)i;
        }
        unsigned cp = c & (0x3F >> need);
        for (size_t k = 1; k <= need; k++) {
            if (i + k >= n || (s[i + k] & 0xC0) != 0x80) {
                return (long)i;
            }
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return (long)i;
        }
        i += need + 1;
    }
    return -1;
}

/* PEP 263: the encoding named by a `coding[:=]` comment on line 1 or 2,
 * copied to out (empty when there is none). */
static void
coding_cookie(const char *s, size_t n, char *out, size_t size)
{
    out[0] = '\0';
    const char *end = s + n;
    for (int line = 0; line < 2 && s < end; line++) {
        const char *eol = memchr(s, '\n', (size_t)(end - s));
        if (eol == NULL) {
            eol = end;
        }
        const char *p = s;
        while (p < eol && (*p == ' ' || *p == '\t' || *p == '\f')) {
            p++;
        }
        if (p < eol && *p == '#') {
            for (const char *q = p; q + 7 < eol; q++) {
                if (memcmp(q, "coding", 6) == 0 && (q[6] == ':' || q[6] == '=')) {
                    q += 7;
                    while (q < eol && (*q == ' ' || *q == '\t')) {
                        q++;
                    }
                    size_t k = 0;
                    while (q < eol && k + 1 < size &&
                           (isalnum((unsigned char)*q) || *q == '-' || *q == '_' || *q == '.')) {
                        out[k++] = (char)tolower((unsigned char)*q++);
                    }
                    out[k] = '\0';
                    return;
                }
            }
        } else if (p < eol) {
            return;     /* only comment or blank lines may precede it */
        }
        s = eol + 1;
    }
}

/* Re-encodes text (a latin-1, koi8-r... file) into UTF-8 with iconv.
 * Returns a malloc'd NUL-terminated buffer or NULL. */
static char *
recode(const char *text, size_t n, const char *enc, size_t *outlen)
{
    static const char *const latin1[] = {"latin-1", "latin1", "iso-8859-1", "iso8859-1",
                                         "iso-latin-1", "l1"};
    const char *from = enc;
    for (size_t i = 0; i < sizeof(latin1) / sizeof(latin1[0]); i++) {
        if (strcmp(enc, latin1[i]) == 0) {
            from = "ISO-8859-1";
        }
    }
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1) {
        return NULL;
    }
    size_t cap = n * 4 + 1;
    char *out = malloc(cap);
    if (out == NULL) {
        iconv_close(cd);
        return NULL;
    }
    char *in = (char *)text;
    size_t inleft = n;
    char *o = out;
    size_t oleft = cap - 1;
    size_t r = iconv(cd, &in, &inleft, &o, &oleft);
    iconv_close(cd);
    if (r == (size_t)-1) {
        free(out);
        return NULL;
    }
    *o = '\0';
    *outlen = (size_t)(o - out);
    return out;
}

/* Copies src with a leading BOM dropped and CRLF / CR turned into LF;
 * NUL-terminates. Returns NULL on malloc failure. */
static char *
normalize(const char *src, size_t len, size_t *outlen)
{
    char *buf = malloc(len + 2);
    if (buf == NULL) {
        return NULL;
    }
    size_t i = 0;
    if (len >= 3 && (unsigned char)src[0] == 0xEF && (unsigned char)src[1] == 0xBB &&
        (unsigned char)src[2] == 0xBF) {
        i = 3;
    }
    /* the common case: no CR at all */
    const char *cr = memchr(src + i, '\r', len - i);
    size_t o = 0;
    if (cr == NULL) {
        memcpy(buf, src + i, len - i);
        o = len - i;
        i = len;
    } else {
        memcpy(buf, src + i, (size_t)(cr - (src + i)));
        o = (size_t)(cr - (src + i));
        i = (size_t)(cr - src);
    }
    for (; i < len; i++) {
        char c = src[i];
        if (c == '\r') {
            if (i + 1 < len && src[i + 1] == '\n') {
                i++;
            }
            c = '\n';
        }
        buf[o++] = c;
    }
    buf[o] = '\0';
    *outlen = o;
    return buf;
}

static bool
starts_line(const LexToken *toks, int i)
{
    if (i == 0) {
        return true;
    }
    int t = toks[i - 1].type;
    return t == TK_NEWLINE || t == TK_INDENT || t == TK_DEDENT;
}

static bool
is_name(const LexToken *t, const char *word)
{
    size_t n = strlen(word);
    return t->type == TK_NAME && (size_t)t->len == n && memcmp(t->start, word, n) == 0;
}

static bool
opens(int type)
{
    return type == TK_LPAR || type == TK_LSQB || type == TK_LBRACE;
}

static bool
closes(int type)
{
    return type == TK_RPAR || type == TK_RSQB || type == TK_RBRACE;
}

/* `match` at the start of a line begins a match statement when the line's
 * first top-level ':' (lambda colons aside) ends the line. */
static bool
is_match_stmt(const LexToken *toks, int n, int i)
{
    if (i + 1 >= n) {
        return false;
    }
    int next = toks[i + 1].type;
    if (next == TK_NEWLINE || next == TK_EQUAL || next == TK_DOT || next == TK_COMMA ||
        next == TK_COLON || next == TK_SEMI || next == 0 || closes(next)) {
        return false;
    }
    int depth = 0;
    int lambdas = 0;
    for (int k = i + 1; k < n; k++) {
        int t = toks[k].type;
        if (t == 0 || (depth == 0 && (t == TK_NEWLINE || t == TK_SEMI || t == TK_EQUAL))) {
            return false;
        }
        if (opens(t) || t == TK_FSTRING_START) {
            depth++;
        } else if (closes(t) || t == TK_FSTRING_END) {
            depth--;
        } else if (depth == 0 && t == TK_LAMBDA) {
            lambdas++;
        } else if (depth == 0 && t == TK_COLON) {
            if (lambdas > 0) {
                lambdas--;
                continue;
            }
            return k + 1 < n && toks[k + 1].type == TK_NEWLINE;
        }
    }
    return false;
}

/* `with (` ... `) :` with plain items inside: CPython's parenthesized
 * with-items form, which it tries before the expression form (an item
 * that is not a plain expression, e.g. yield, a generator, a walrus or a
 * starred item, makes it fall back to the expression form). */
static bool
is_with_paren(const LexToken *toks, int n, int i)
{
    if (i + 2 >= n || toks[i + 1].type != TK_LPAR || closes(toks[i + 2].type)) {
        return false;
    }
    int depth = 0;
    bool item_start = false;
    for (int k = i + 1; k < n; k++) {
        int t = toks[k].type;
        if (t == 0) {
            return false;
        }
        if (depth == 1) {
            if (t == TK_YIELD || t == TK_FOR || t == TK_ASYNC || t == TK_COLONEQUAL ||
                (item_start && t == TK_STAR)) {
                return false;
            }
        }
        item_start = false;
        if (opens(t) || t == TK_FSTRING_START) {
            depth++;
            item_start = depth == 1;
        } else if (closes(t) || t == TK_FSTRING_END) {
            depth--;
            if (depth == 0) {
                return k + 1 < n && toks[k + 1].type == TK_COLON;
            }
        } else if (depth == 1 && t == TK_COMMA) {
            item_start = true;
        }
    }
    return false;
}

/* Settles soft keywords and the parenthesized-with form of token i in
 * place (it looks ahead only, so the driver does it as it feeds). */
static void
retag(LexToken *toks, int n, int i)
{
    LexToken *t = &toks[i];
    if (t->type == TK_NAME && starts_line(toks, i)) {
        if (is_name(t, "match") && is_match_stmt(toks, n, i)) {
            t->type = TK_MATCH;
        } else if (is_name(t, "type") && i + 2 < n && toks[i + 1].type == TK_NAME &&
                   (toks[i + 2].type == TK_EQUAL || toks[i + 2].type == TK_LSQB)) {
            t->type = TK_TYPE;
        }
    } else if (t->type == TK_WITH && is_with_paren(toks, n, i)) {
        t->type = TK_WITHP;
    }
}

/* CPython's SyntaxError offsets count characters, 1-based; ours are
 * 0-based byte columns. */
static int
char_offset(const char *src, size_t len, int lineno, int bytecol)
{
    const char *p = src;
    const char *end = src + len;
    for (int l = 1; l < lineno && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (nl == NULL) {
            p = end;
            break;
        }
        p = nl + 1;
    }
    int chars = 0;
    for (int b = 0; b < bytecol && p + b < end; b++) {
        if (((unsigned char)p[b] & 0xC0) != 0x80) {
            chars++;
        }
    }
    if (bytecol > (int)(end - p)) {
        chars += bytecol - (int)(end - p);
    }
    return chars + 1;
}

static void
set_error(ParseError *err, const char *type, const char *msg, int lineno, int col,
          int end_lineno, int end_col)
{
    err->type = type;
    snprintf(err->msg, sizeof(err->msg), "%s", msg);
    err->lineno = lineno;
    err->col_offset = col;
    err->end_lineno = end_lineno;
    err->end_col_offset = end_col;
}

static const char *
lex_type_name(LexErrorKind k)
{
    switch (k) {
    case LEX_ERR_INDENT: return "IndentationError";
    case LEX_ERR_TAB: return "TabError";
    case LEX_ERR_MEMORY: return "MemoryError";
    default: return "SyntaxError";
    }
}

AstModule *
parse_module(AstArena *arena, const char *src, size_t len, ParseError *err)
{
    memset(err, 0, sizeof(*err));
    if (len > PARSE_MAX_SOURCE_BYTES) {
        set_error(err, "MemoryError", "source code too large for monty's parser", 1, 1, 1, 1);
        return NULL;
    }
    if (memchr(src, '\0', len) != NULL) {
        set_error(err, "SyntaxError", "source code cannot contain null bytes", 1, 1, 1, 1);
        return NULL;
    }
    size_t n;
    char *text = normalize(src, len, &n);
    if (text == NULL) {
        set_error(err, "MemoryError", "out of memory while parsing", 1, 1, 1, 1);
        return NULL;
    }
    long bad = bad_utf8((const unsigned char *)text, n);
    if (bad >= 0) {
        /* honour a PEP 263 cookie only for text that is not UTF-8: the
         * host hands us UTF-8 strings, files may be older encodings */
        char enc[64];
        coding_cookie(text, n, enc, sizeof(enc));
        if (enc[0] != '\0' && strncmp(enc, "utf-8", 5) != 0 && strncmp(enc, "utf8", 4) != 0) {
            size_t rn;
            char *r = recode(text, n, enc, &rn);
            if (r == NULL) {
                char msg[120];
                snprintf(msg, sizeof(msg), "unknown encoding: %s", enc);
                set_error(err, "SyntaxError", msg, 1, 1, 1, 1);
                free(text);
                return NULL;
            }
            free(text);
            text = r;
            n = rn;
            bad = bad_utf8((const unsigned char *)text, n);
        }
    }
    if (bad >= 0) {
        char msg[160];
        snprintf(msg, sizeof(msg),
                 "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %ld: "
                 "invalid start byte", (unsigned char)text[bad], bad);
        int line = 1;
        for (long k = 0; k < bad; k++) {
            line += text[k] == '\n';
        }
        set_error(err, "SyntaxError", msg, line, 1, line, 1);
        free(text);
        return NULL;
    }

    /* the run's memory limit covers the driver's buffers too: the
     * normalized copy and the token array */
    size_t limit = ast_arena_limit(arena);
    size_t tok_budget = 0;
    if (limit != 0) {
        size_t used = ast_arena_used(arena) + n + 1;
        if (used >= limit) {
            set_error(err, "MemoryError", "out of memory while parsing", 1, 1, 1, 1);
            free(text);
            return NULL;
        }
        tok_budget = limit - used;
    }
    LexResult lex;
    lex_tokenize(text, n, tok_budget, &lex);

    ParseCtx ctx;
    memset(&ctx, 0, sizeof(ctx));
    ctx.arena = arena;
    ctx.err = err;
    ctx.src = text;
    ctx.toks = lex.toks;
    ctx.ntoks = lex.ntoks;
    ctx.module = ast_arena_alloc(arena, sizeof(AstModule));
    void *parser = PyParseAlloc(malloc, &ctx);
    if (ctx.module == NULL || parser == NULL) {
        set_error(err, "MemoryError", "out of memory while parsing", 1, 1, 1, 1);
        if (parser != NULL) {
            PyParseFree(parser, free);
        }
        lex_result_fini(&lex);
        free(text);
        return NULL;
    }
    bool reached_end = false;
    const LexToken *at = NULL;
    int i = 0;
    for (; i < lex.ntoks && !ctx.failed; i++) {
        int ty = lex.toks[i].type;
        if (ty == TK_NAME || ty == TK_WITH) {
            retag(lex.toks, lex.ntoks, i);
        }
        at = &lex.toks[i];
        ctx.cur = at;
        PyParse(parser, at->type, at, &ctx);
        if (at->type == 0) {
            reached_end = true;
            break;
        }
    }
    PyParseFree(parser, free);
    /* the error messages look at the whole token array: settle the rest */
    for (; i < lex.ntoks; i++) {
        retag(lex.toks, lex.ntoks, i);
    }
    /* the error messages look at the whole token array: settle the rest */
    for (; i < lex.ntoks; i++) {
        retag(lex.toks, lex.ntoks, i);
    }

    AstModule *mod = NULL;
    if (ctx.failed && strcmp(err->msg, "invalid syntax") == 0 && at != NULL) {
        parse_refine_error(&ctx, at, &lex);
    }
    if (lex.err.kind != LEX_ERR_NONE && !reached_end) {
        /* CPython checks the rest of the source for tokenizer errors after
         * a parser error and reports those instead; an unclosed bracket
         * only wins when the parser's error lies on a later line */
        LexError *le = &lex.err;
        bool unclosed = strstr(le->msg, "was never closed") != NULL;
        if (!ctx.failed || err->type == NULL || strcmp(err->type, "MemoryError") != 0) {
            if (!ctx.failed || !unclosed || err->lineno > le->lineno) {
                set_error(err, lex_type_name(le->kind), le->msg, le->lineno, le->col,
                          le->end_lineno, le->end_col);
                ctx.failed = true;
            }
        }
    } else if (!ctx.failed && !ctx.accepted) {
        set_error(err, "SyntaxError", "invalid syntax", 1, 0, 1, 0);
        ctx.failed = true;
    }
    if (ctx.failed) {
        if (err->lineno > 0) {
            int ln = err->lineno;
            int el = err->end_lineno > 0 ? err->end_lineno : ln;
            err->col_offset = char_offset(text, n, ln, err->col_offset);
            err->end_col_offset = char_offset(text, n, el, err->end_col_offset);
            err->end_lineno = el;
        }
    } else {
        mod = ctx.module;
    }
    lex_result_fini(&lex);
    free(text);
    return mod;
}
