/*
 * diag.c — the diagnostic list of one check and its four renderings.
 *
 * Diagnostics are malloc'd (not arena) because a ChkResult outlives the
 * arena of the check that produced it. Columns arrive as CPython's 0-based
 * UTF-8 byte offsets and leave as 1-based character columns.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "checker/chk_int.h"

struct ChkResult {
    char *file;
    ChkDiag *items;
    size_t len;
    size_t cap;
    char *source;           /* copy, for `full` rendering and columns */
    size_t srclen;
    size_t *lines;          /* offset of each line's start (line 1 at [0]) */
    int nlines;
    const char *pending;    /* the caller's source, copied on the first diagnostic */
    size_t pending_len;
    bool oom;
};

static char *
dupstr(const char *s)
{
    size_t n = strlen(s);
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n + 1);
    }
    return d;
}

/*
 * chk_result_new: an empty result for `filename` (copied).
 */
ChkResult *
chk_result_new(const char *filename)
{
    ChkResult *r = calloc(1, sizeof *r);
    if (!r) {
        return NULL;
    }
    r->file = dupstr(filename ? filename : "<script>");
    if (!r->file) {
        free(r);
        return NULL;
    }
    return r;
}

/*
 * chk_result_set_source: the source for column conversion and underlining.
 * Must be called before any chk_diag_add; the source must stay alive until
 * chk_result_end_source. It is copied only when a diagnostic is added (a
 * clean check, the common case, copies and indexes nothing).
 */
void
chk_result_set_source(ChkResult *res, const char *source, size_t len)
{
    res->pending = source;
    res->pending_len = len;
}

/*
 * chk_result_end_source: the caller's source may go away: a result with
 * diagnostics has its copy already.
 */
void
chk_result_end_source(ChkResult *res)
{
    res->pending = NULL;
}

/* Copies the pending source and indexes its lines. */
static void
materialize(ChkResult *res)
{
    const char *source = res->pending;
    size_t len = res->pending_len;
    if (!source || res->source) {
        return;
    }
    res->pending = NULL;
    res->source = malloc(len + 1);
    if (!res->source) {
        res->oom = true;
        return;
    }
    memcpy(res->source, source, len);
    res->source[len] = 0;
    res->srclen = len;
    size_t n = 1;
    for (size_t i = 0; i < len; i++) {
        n += source[i] == '\n';
    }
    res->lines = malloc(sizeof *res->lines * n);
    if (!res->lines) {
        res->oom = true;
        return;
    }
    res->lines[0] = 0;
    res->nlines = 1;
    for (size_t i = 0; i < len; i++) {
        if (source[i] == '\n') {
            res->lines[res->nlines++] = i + 1;
        }
    }
}

/* Start of 1-based line `line` in the source, or NULL. */
static const char *
line_start(const ChkResult *res, int line, size_t *linelen)
{
    if (!res->source || !res->lines || line < 1 || line > res->nlines) {
        return NULL;
    }
    const char *p = res->source + res->lines[line - 1];
    const char *end = res->source + res->srclen;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
    if (n > 0 && p[n - 1] == '\r') {
        n--;
    }
    *linelen = n;
    return p;
}

/* Byte column (0-based) on a line -> character column (1-based). */
static int
char_col(const ChkResult *res, int line, int bytecol)
{
    size_t n = 0;
    const char *p = line_start(res, line, &n);
    if (!p || bytecol < 0) {
        return bytecol + 1;
    }
    int chars = 0;
    for (int i = 0; i < bytecol && (size_t)i < n; i++) {
        if (((unsigned char)p[i] & 0xC0) != 0x80) {
            chars++;
        }
    }
    return chars + 1;
}

/*
 * chk_diag_add: appends one diagnostic with a printf-formatted message.
 * Out of memory is sticky on the result (the diagnostic is dropped).
 */
void
chk_diag_add(ChkResult *res, const AstLoc *loc, ChkSeverity sev, const char *code,
             const char *hint, const char *fmt, ...)
{
    materialize(res);
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (res->len == res->cap) {
        size_t cap = res->cap ? res->cap * 2 : 8;
        ChkDiag *n = realloc(res->items, cap * sizeof *n);
        if (!n) {
            res->oom = true;
            return;
        }
        res->items = n;
        res->cap = cap;
    }
    ChkDiag *d = &res->items[res->len];
    memset(d, 0, sizeof *d);
    d->file = res->file;
    d->line = loc->lineno;
    d->column = char_col(res, loc->lineno, loc->col_offset);
    d->end_line = loc->end_lineno;
    d->end_column = char_col(res, loc->end_lineno, loc->end_col_offset);
    d->severity = sev;
    d->code = code;                       /* static strings */
    d->message = dupstr(msg);
    d->hint = hint ? dupstr(hint) : NULL;
    if (!d->message) {
        res->oom = true;
        return;
    }
    res->len++;
}

static int
cmp_diag(const void *a, const void *b)
{
    const ChkDiag *x = a;
    const ChkDiag *y = b;
    if (x->line != y->line) {
        return x->line < y->line ? -1 : 1;
    }
    if (x->column != y->column) {
        return x->column < y->column ? -1 : 1;
    }
    return strcmp(x->code, y->code);
}

/*
 * chk_result_sort: orders diagnostics by position (stable for equal keys
 * only by code; duplicates of the same code at the same span are dropped).
 */
void
chk_result_sort(ChkResult *res)
{
    if (res->len < 2) {
        return;
    }
    qsort(res->items, res->len, sizeof *res->items, cmp_diag);
    size_t w = 1;
    for (size_t i = 1; i < res->len; i++) {
        ChkDiag *p = &res->items[w - 1];
        ChkDiag *d = &res->items[i];
        if (p->line == d->line && p->column == d->column && strcmp(p->code, d->code) == 0
            && strcmp(p->message, d->message) == 0) {
            free((char *)d->message);
            free((char *)d->hint);
            continue;
        }
        res->items[w++] = *d;
    }
    res->len = w;
}

/* chk_result_count: number of diagnostics. */
size_t
chk_result_count(const ChkResult *res)
{
    return res ? res->len : 0;
}

/* chk_result_errors: number of diagnostics with severity error. */
size_t
chk_result_errors(const ChkResult *res)
{
    size_t n = 0;
    for (size_t i = 0; res && i < res->len; i++) {
        n += res->items[i].severity == CHK_SEV_ERROR;
    }
    return n;
}

/* chk_result_get: the i-th diagnostic, borrowed; NULL out of range. */
const ChkDiag *
chk_result_get(const ChkResult *res, size_t i)
{
    return res && i < res->len ? &res->items[i] : NULL;
}

/* chk_result_free: frees the result and everything it holds. */
void
chk_result_free(ChkResult *res)
{
    if (!res) {
        return;
    }
    for (size_t i = 0; i < res->len; i++) {
        free((char *)res->items[i].message);
        free((char *)res->items[i].hint);
    }
    free(res->items);
    free(res->source);
    free(res->lines);
    free(res->file);
    free(res);
}

/* chk_format_parse: format name -> enum. */
bool
chk_format_parse(const char *name, ChkFormat *out)
{
    static const struct { const char *n; ChkFormat f; } tab[] = {
        {"concise", CHK_FORMAT_CONCISE}, {"full", CHK_FORMAT_FULL},
        {"json", CHK_FORMAT_JSON}, {"github", CHK_FORMAT_GITHUB},
    };
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++) {
        if (strcmp(name, tab[i].n) == 0) {
            *out = tab[i].f;
            return true;
        }
    }
    return false;
}

/* A growable malloc'd string for rendering. */
typedef struct Buf {
    char *s;
    size_t len;
    size_t cap;
    bool oom;
} Buf;

static void
buf_add(Buf *b, const char *s, size_t n)
{
    if (b->oom) {
        return;
    }
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1) {
            cap *= 2;
        }
        char *p = realloc(b->s, cap);
        if (!p) {
            b->oom = true;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = 0;
}

static void
buf_fmt(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
buf_fmt(Buf *b, const char *fmt, ...)
{
    char tmp[2048];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) {
        return;
    }
    buf_add(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

static const char *
sev_name(ChkSeverity s)
{
    return s == CHK_SEV_ERROR ? "error" : "warning";
}

/* Source line with the span underlined by ^ (first line of the span only). */
static void
render_snippet(Buf *b, const ChkResult *res, const ChkDiag *d)
{
    size_t n = 0;
    const char *p = line_start(res, d->line, &n);
    if (!p) {
        return;
    }
    char num[32];
    int w = snprintf(num, sizeof num, "%d", d->line);
    buf_fmt(b, "%*s |\n", w, "");
    buf_fmt(b, "%s | ", num);
    buf_add(b, p, n);
    buf_add(b, "\n", 1);
    buf_fmt(b, "%*s | ", w, "");
    /* count characters on the line to bound the underline */
    int linechars = 0;
    for (size_t i = 0; i < n; i++) {
        linechars += ((unsigned char)p[i] & 0xC0) != 0x80;
    }
    int start = d->column;
    int end = d->end_line == d->line ? d->end_column : linechars + 1;
    if (end <= start) {
        end = start + 1;
    }
    for (int c = 1; c < start; c++) {
        buf_add(b, " ", 1);
    }
    for (int c = start; c < end; c++) {
        buf_add(b, "^", 1);
    }
    buf_add(b, "\n", 1);
}

/* GitHub workflow commands need %, CR and LF escaped in the message, and
 * also ':' and ',' in property values (file=...). */
static void
github_escape(Buf *b, const char *s, bool property)
{
    for (; *s; s++) {
        if (*s == '%') {
            buf_add(b, "%25", 3);
        } else if (*s == '\n') {
            buf_add(b, "%0A", 3);
        } else if (*s == '\r') {
            buf_add(b, "%0D", 3);
        } else if (property && *s == ':') {
            buf_add(b, "%3A", 3);
        } else if (property && *s == ',') {
            buf_add(b, "%2C", 3);
        } else {
            buf_add(b, s, 1);
        }
    }
}

static char *
render_json(const ChkResult *res)
{
    cJSON *arr = cJSON_CreateArray();
    if (!arr) {
        return NULL;
    }
    for (size_t i = 0; i < res->len; i++) {
        const ChkDiag *d = &res->items[i];
        cJSON *o = cJSON_CreateObject();
        if (!o) {
            cJSON_Delete(arr);
            return NULL;
        }
        cJSON_AddItemToArray(arr, o);
        cJSON_AddStringToObject(o, "file", d->file);
        cJSON_AddNumberToObject(o, "line", d->line);
        cJSON_AddNumberToObject(o, "column", d->column);
        cJSON_AddNumberToObject(o, "end_line", d->end_line);
        cJSON_AddNumberToObject(o, "end_column", d->end_column);
        cJSON_AddStringToObject(o, "severity", sev_name(d->severity));
        cJSON_AddStringToObject(o, "code", d->code);
        cJSON_AddStringToObject(o, "message", d->message);
        if (d->hint) {
            cJSON_AddStringToObject(o, "hint", d->hint);
        } else {
            cJSON_AddNullToObject(o, "hint");
        }
    }
    char *s = cJSON_PrintUnformatted(arr);
    cJSON_Delete(arr);
    if (!s) {
        return NULL;
    }
    /* cJSON allocates with malloc by default: the caller's free() matches. */
    return s;
}

/*
 * chk_result_render: all diagnostics in one format (see checker.h).
 */
char *
chk_result_render(const ChkResult *res, ChkFormat fmt)
{
    if (fmt == CHK_FORMAT_JSON) {
        return render_json(res);
    }
    Buf b = {0};
    buf_add(&b, "", 0);
    for (size_t i = 0; i < res->len; i++) {
        const ChkDiag *d = &res->items[i];
        if (fmt == CHK_FORMAT_GITHUB) {
            buf_fmt(&b, "::%s file=", d->severity == CHK_SEV_ERROR ? "error" : "warning");
            github_escape(&b, d->file, true);
            buf_fmt(&b, ",line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::", d->line,
                    d->column, d->end_line, d->end_column, d->code);
            buf_fmt(&b, "[%s] ", d->code);
            github_escape(&b, d->message, false);
            if (d->hint) {
                buf_add(&b, " (hint: ", 8);
                github_escape(&b, d->hint, false);
                buf_add(&b, ")", 1);
            }
            buf_add(&b, "\n", 1);
            continue;
        }
        buf_fmt(&b, "%s:%d:%d: %s[%s] %s\n", d->file, d->line, d->column,
                sev_name(d->severity), d->code, d->message);
        if (fmt == CHK_FORMAT_FULL) {
            render_snippet(&b, res, d);
            if (d->hint) {
                buf_fmt(&b, "  = hint: %s\n", d->hint);
            }
            buf_add(&b, "\n", 1);
        } else if (d->hint) {
            /* concise stays one line per diagnostic: the hint rides along */
            b.len--;
            buf_fmt(&b, " (hint: %s)\n", d->hint);
        }
    }
    if (b.oom) {
        free(b.s);
        return NULL;
    }
    return b.s;
}
