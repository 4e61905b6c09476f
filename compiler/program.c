/*
 * program.c — freeing, dumping and loading a CmpProgram.
 *
 * The serialized form is compact because every snapshot carries it: numbers
 * are LEB128 varints ("v" below; "z" zigzag-signed), strings a v length and
 * their bytes.
 *
 *   magic "MONB", v CMP_FORMAT_VERSION,
 *   str filename, str source, v n + n strs (inputs), v n + n strs (externals),
 *   [only when an external is async: v 0 (a marker: ncodes is never 0), v n (= the
 *    number of externals), n u8 flags (1: `async def` tool)],
 *   v ncodes, then each code:
 *     str name, str qualname ("" when equal to name), v flags argcount posonly
 *     kwonly nlocals ncellvars nfreevars stacksize firstlineno,
 *     nlocals strs, ncellvars strs, nfreevars strs, ncellvars v (cell2arg + 1),
 *     v ncode, ncode instructions (u8 opcode, v arg),
 *     ncode locations (z line - previous line, z end line - line, v col,
 *       z end col - col), the first line relative to firstlineno,
 *     v nconsts + consts, v nnames + strs,
 *     v nexc + entries (v start, v end - start, v handler, v depth << 1 | lasti)
 *   a const: u8 kind, then INT z | FLOAT/COMPLEX 8 bytes (IEEE, little-endian)
 *     | STR/BYTES/BIGINT str | TUPLE v n + n v indices | CODE v index.
 *
 * Loading treats the bytes as hostile: every length is checked against the
 * bytes that remain before anything is allocated, strings are checked for
 * UTF-8 (surrogates allowed, as CPython's surrogatepass), and the result goes
 * through cmp_verify_program before it is returned.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/cmp_int.h"
#include "compiler/program.h"

static const uint8_t MAGIC[4] = {'M', 'O', 'N', 'B'};

/* ---- freeing ------------------------------------------------------------- */

static void
free_strs(const char **strs, uint32_t n)
{
    if (strs == NULL) {
        return;
    }
    for (uint32_t i = 0; i < n; i++) {
        free((char *)strs[i]);
    }
    free(strs);
}

static void
free_code(CmpCode *c)
{
    free((char *)c->name);
    free((char *)c->qualname);
    free_strs(c->localnames, c->nlocals);
    free_strs(c->cellnames, c->ncellvars);
    free_strs(c->freenames, c->nfreevars);
    free(c->cell2arg);
    free(c->code);
    free(c->locs);
    if (c->consts != NULL) {
        for (uint32_t i = 0; i < c->nconsts; i++) {
            free((char *)c->consts[i].str);
            free(c->consts[i].items);
        }
        free(c->consts);
    }
    free_strs(c->names, c->nnames);
    free(c->exctable);
}

/*
 * Frees a program and everything it owns (every pointer in it was malloc'd
 * on its own). NULL is accepted.
 */
void
cmp_program_free(CmpProgram *program)
{
    if (program == NULL) {
        return;
    }
    if (program->packed != NULL) {
        free(program->packed);
        return;
    }
    free((char *)program->filename);
    free((char *)program->source);
    if (program->codes != NULL) {
        for (uint32_t i = 0; i < program->ncodes; i++) {
            free_code(&program->codes[i]);
        }
        free(program->codes);
    }
    free_strs(program->input_names, program->ninputs);
    free_strs(program->external_names, program->nexternals);
    free((void *)program->external_async);
    free(program);
}

/* ---- packing ------------------------------------------------------------- */

/* Two passes over the same walk: the first (base NULL) sizes the block, the
 * second copies into it. */
typedef struct Packer {
    char *base;
    size_t off;
} Packer;

static void *
pk_alloc(Packer *pk, size_t n)
{
    void *r;
    pk->off = (pk->off + 7) & ~(size_t)7;
    r = pk->base ? pk->base + pk->off : NULL;
    pk->off += n;
    return r;
}

static const char *
pk_bytes(Packer *pk, const char *s, size_t len)
{
    char *r = pk_alloc(pk, len + 1);
    if (r != NULL) {
        if (len > 0) {
            memcpy(r, s, len);
        }
        r[len] = '\0';
    }
    return r;
}

static const char **
pk_strs(Packer *pk, const char *const *v, uint32_t n)
{
    const char **r = pk_alloc(pk, sizeof *r * n);
    for (uint32_t i = 0; i < n; i++) {
        const char *x = pk_bytes(pk, v[i], strlen(v[i]));
        if (r != NULL) {
            r[i] = x;
        }
    }
    return r;
}

static void *
pk_copy(Packer *pk, const void *src, size_t n)
{
    void *r = pk_alloc(pk, n);
    if (r != NULL && n > 0) {
        memcpy(r, src, n);
    }
    return r;
}

static CmpProgram *
pack_into(Packer *pk, const CmpProgram *src)
{
    CmpProgram *p = pk_alloc(pk, sizeof *p);
    CmpCode *codes;
    const char *filename = pk_bytes(pk, src->filename, strlen(src->filename));
    const char *source = pk_bytes(pk, src->source, src->source_len);
    const char **inputs = pk_strs(pk, src->input_names, src->ninputs);
    const char **externals = pk_strs(pk, src->external_names, src->nexternals);
    const uint8_t *ext_async = src->external_async
                                   ? pk_copy(pk, src->external_async, src->nexternals)
                                   : NULL;

    codes = pk_alloc(pk, sizeof *codes * src->ncodes);
    for (uint32_t i = 0; i < src->ncodes; i++) {
        const CmpCode *c = &src->codes[i];
        CmpCode d = *c;
        CmpConst *consts;
        d.name = pk_bytes(pk, c->name, strlen(c->name));
        d.qualname = pk_bytes(pk, c->qualname, strlen(c->qualname));
        d.localnames = pk_strs(pk, c->localnames, c->nlocals);
        d.cellnames = pk_strs(pk, c->cellnames, c->ncellvars);
        d.freenames = pk_strs(pk, c->freenames, c->nfreevars);
        d.cell2arg = pk_copy(pk, c->cell2arg, sizeof *c->cell2arg * c->ncellvars);
        d.code = pk_copy(pk, c->code, sizeof *c->code * c->ncode);
        d.locs = pk_copy(pk, c->locs, sizeof *c->locs * c->ncode);
        consts = pk_alloc(pk, sizeof *consts * c->nconsts);
        for (uint32_t k = 0; k < c->nconsts; k++) {
            CmpConst x = c->consts[k];
            if (x.str != NULL) {
                x.str = pk_bytes(pk, c->consts[k].str, c->consts[k].len);
            }
            if (x.items != NULL) {
                x.items = pk_copy(pk, c->consts[k].items, sizeof *x.items * x.nitems);
            }
            if (consts != NULL) {
                consts[k] = x;
            }
        }
        d.consts = consts;
        d.names = pk_strs(pk, c->names, c->nnames);
        d.exctable = pk_copy(pk, c->exctable, sizeof *c->exctable * c->nexc);
        if (codes != NULL) {
            codes[i] = d;
        }
    }
    if (p != NULL) {
        memset(p, 0, sizeof *p);
        p->filename = filename;
        p->source = source;
        p->source_len = src->source_len;
        p->codes = codes;
        p->ncodes = src->ncodes;
        p->input_names = inputs;
        p->ninputs = src->ninputs;
        p->external_names = externals;
        p->nexternals = src->nexternals;
        p->external_async = ext_async;
        p->packed = p;
    }
    return p;
}

/*
 * A copy of src in one malloc'd block (the program struct first, so freeing
 * the program frees everything). NULL when out of memory or when the block
 * would exceed limit (0: no limit).
 */
CmpProgram *
cmp_program_pack(const CmpProgram *src, size_t limit)
{
    Packer pk = {NULL, 0};
    pack_into(&pk, src);
    if (limit != 0 && pk.off > limit) {
        return NULL;
    }
    pk.base = malloc(pk.off);
    if (pk.base == NULL) {
        return NULL;
    }
    pk.off = 0;
    return pack_into(&pk, src);
}

/* ---- dumping ------------------------------------------------------------- */

static void
put(CmpBuf *b, const void *p, size_t n)
{
    if (b->failed) {
        return;
    }
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        uint8_t *d;
        while (cap < b->len + n) {
            cap *= 2;
        }
        d = realloc(b->data, cap);
        if (d == NULL) {
            b->failed = true;
            return;
        }
        b->data = d;
        b->cap = cap;
    }
    if (n > 0) {
        memcpy(b->data + b->len, p, n);
    }
    b->len += n;
}

static void
put_u8(CmpBuf *b, uint8_t x)
{
    put(b, &x, 1);
}

static void
put_v(CmpBuf *b, uint64_t x)
{
    uint8_t t[10];
    size_t n = 0;
    do {
        t[n] = (uint8_t)(x & 0x7F);
        x >>= 7;
        if (x != 0) {
            t[n] |= 0x80;
        }
        n++;
    } while (x != 0);
    put(b, t, n);
}

static void
put_z(CmpBuf *b, int64_t x)
{
    put_v(b, ((uint64_t)x << 1) ^ (uint64_t)(x >> 63));
}

static void
put_f64(CmpBuf *b, double f)
{
    uint64_t bits;
    uint8_t t[8];
    memcpy(&bits, &f, sizeof bits);
    for (int i = 0; i < 8; i++) {
        t[i] = (uint8_t)(bits >> (8 * i));
    }
    put(b, t, 8);
}

static void
put_bytes(CmpBuf *b, const char *s, size_t len)
{
    put_v(b, len);
    put(b, s, len);
}

static void
put_str(CmpBuf *b, const char *s)
{
    put_bytes(b, s ? s : "", s ? strlen(s) : 0);
}

static void
put_strs(CmpBuf *b, const char *const *strs, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        put_str(b, strs[i]);
    }
}

static void
put_const(CmpBuf *b, const CmpConst *k)
{
    put_u8(b, (uint8_t)k->kind);
    switch (k->kind) {
    case CMP_CONST_INT:
        put_z(b, k->i);
        break;
    case CMP_CONST_CODE:
        put_v(b, (uint64_t)k->i);
        break;
    case CMP_CONST_FLOAT:
    case CMP_CONST_COMPLEX:
        put_f64(b, k->f);
        break;
    case CMP_CONST_BIGINT:
    case CMP_CONST_STR:
    case CMP_CONST_BYTES:
        put_bytes(b, k->str, k->len);
        break;
    case CMP_CONST_TUPLE:
        put_v(b, k->nitems);
        for (uint32_t i = 0; i < k->nitems; i++) {
            put_v(b, k->items[i]);
        }
        break;
    default:
        break;
    }
}

static void
put_code(CmpBuf *b, const CmpCode *c)
{
    int64_t line = c->firstlineno;
    put_str(b, c->name);
    put_str(b, strcmp(c->name, c->qualname) == 0 ? "" : c->qualname);
    put_v(b, c->flags);
    put_v(b, c->argcount);
    put_v(b, c->posonlyargcount);
    put_v(b, c->kwonlyargcount);
    put_v(b, c->nlocals);
    put_v(b, c->ncellvars);
    put_v(b, c->nfreevars);
    put_v(b, c->stacksize);
    put_v(b, c->firstlineno);
    put_strs(b, c->localnames, c->nlocals);
    put_strs(b, c->cellnames, c->ncellvars);
    put_strs(b, c->freenames, c->nfreevars);
    for (uint32_t i = 0; i < c->ncellvars; i++) {
        put_v(b, (uint64_t)((int64_t)c->cell2arg[i] + 1));
    }
    put_v(b, c->ncode);
    for (uint32_t i = 0; i < c->ncode; i++) {
        put_u8(b, (uint8_t)CMP_OP(c->code[i]));
        put_v(b, CMP_ARG(c->code[i]));
    }
    for (uint32_t i = 0; i < c->ncode; i++) {
        const CmpLoc *l = &c->locs[i];
        put_z(b, (int64_t)l->lineno - line);
        put_z(b, (int64_t)l->end_lineno - (int64_t)l->lineno);
        put_v(b, l->col);
        put_z(b, (int64_t)l->end_col - (int64_t)l->col);
        line = l->lineno;
    }
    put_v(b, c->nconsts);
    for (uint32_t i = 0; i < c->nconsts; i++) {
        put_const(b, &c->consts[i]);
    }
    put_v(b, c->nnames);
    put_strs(b, c->names, c->nnames);
    put_v(b, c->nexc);
    for (uint32_t i = 0; i < c->nexc; i++) {
        const CmpExcEntry *e = &c->exctable[i];
        put_v(b, e->start);
        put_v(b, (uint64_t)e->end - e->start);
        put_v(b, e->handler);
        put_v(b, (uint64_t)e->depth << 1 | (e->lasti ? 1 : 0));
    }
}

/*
 * Appends the serialized program to `out` (which the caller owns and frees:
 * free(out->data)). Returns false when an allocation failed.
 */
bool
cmp_program_dump(const CmpProgram *program, CmpBuf *out)
{
    put(out, MAGIC, sizeof MAGIC);
    put_v(out, CMP_FORMAT_VERSION);
    put_str(out, program->filename);
    put_bytes(out, program->source ? program->source : "",
              program->source ? program->source_len : 0);
    put_v(out, program->ninputs);
    put_strs(out, program->input_names, program->ninputs);
    put_v(out, program->nexternals);
    put_strs(out, program->external_names, program->nexternals);
    if (program->external_async != NULL) {
        put_v(out, 0);
        put_v(out, program->nexternals);
        put(out, program->external_async, program->nexternals);
    }
    put_v(out, program->ncodes);
    for (uint32_t i = 0; i < program->ncodes; i++) {
        put_code(out, &program->codes[i]);
    }
    return !out->failed;
}

/* ---- loading ------------------------------------------------------------- */

typedef struct Reader {
    const uint8_t *p;
    size_t left;
    size_t start_len;
    char *err;
    size_t errlen;
    bool failed;
} Reader;

static bool
rfail(Reader *r, const char *what)
{
    if (!r->failed) {
        snprintf(r->err, r->errlen, "invalid program: %s (at byte %zu)", what,
                 r->start_len - r->left);
        r->failed = true;
    }
    return false;
}

static bool
get(Reader *r, void *dst, size_t n)
{
    if (r->failed) {
        return false;
    }
    if (n > r->left) {
        return rfail(r, "truncated");
    }
    memcpy(dst, r->p, n);
    r->p += n;
    r->left -= n;
    return true;
}

static uint8_t
get_u8(Reader *r)
{
    uint8_t x = 0;
    get(r, &x, 1);
    return x;
}

static uint64_t
get_v64(Reader *r)
{
    uint64_t x = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        uint8_t byte = get_u8(r);
        if (r->failed) {
            return 0;
        }
        if (shift == 63 && byte > 1) {
            rfail(r, "varint overflow");
            return 0;
        }
        x |= (uint64_t)(byte & 0x7F) << shift;
        if (!(byte & 0x80)) {
            return x;
        }
    }
    rfail(r, "varint too long");
    return 0;
}

/* A varint that must fit 32 bits. */
static uint32_t
get_v(Reader *r)
{
    uint64_t x = get_v64(r);
    if (x > 0xFFFFFFFFu) {
        rfail(r, "number too large");
        return 0;
    }
    return (uint32_t)x;
}

static int64_t
get_z(Reader *r)
{
    uint64_t x = get_v64(r);
    return (int64_t)(x >> 1) ^ -(int64_t)(x & 1);
}

static double
get_f64(Reader *r)
{
    uint8_t t[8] = {0};
    uint64_t bits = 0;
    double f;
    get(r, t, 8);
    for (int i = 0; i < 8; i++) {
        bits |= (uint64_t)t[i] << (8 * i);
    }
    memcpy(&f, &bits, sizeof f);
    return f;
}

/* A count of items, each at least `minsize` bytes: refuse counts the
 * remaining bytes cannot hold, before anything is allocated. */
static uint32_t
get_count(Reader *r, size_t minsize)
{
    uint32_t n = get_v(r);
    if (!r->failed && (uint64_t)n * minsize > r->left) {
        rfail(r, "count larger than the data");
        return 0;
    }
    return r->failed ? 0 : n;
}

/* A value that must fit a location field. */
static uint32_t
in_range(Reader *r, int64_t x, int64_t max)
{
    if (x < 0 || x > max) {
        rfail(r, "location out of range");
        return 0;
    }
    return (uint32_t)x;
}

/* UTF-8 as CPython's surrogatepass writes it: no overlongs, <= U+10FFFF. */
static bool
valid_utf8(const uint8_t *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint8_t c = s[i];
        uint32_t cp;
        size_t k;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            k = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            k = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            k = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (n - i <= k) {
            return false;
        }
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xC0) != 0x80) {
                return false;
            }
            cp = cp << 6 | (s[i + j] & 0x3F);
        }
        if ((k == 2 && cp < 0x800) || (k == 3 && (cp < 0x10000 || cp > 0x10FFFF))) {
            return false;
        }
        i += k + 1;
    }
    return true;
}

/* A length-prefixed byte string, copied and NUL-terminated. */
static char *
get_bytes(Reader *r, size_t *len_out)
{
    uint32_t n = get_v(r);
    char *s;
    if (r->failed) {
        return NULL;
    }
    if (n > r->left) {
        rfail(r, "string longer than the data");
        return NULL;
    }
    s = malloc((size_t)n + 1);
    if (s == NULL) {
        rfail(r, "out of memory");
        return NULL;
    }
    memcpy(s, r->p, n);
    s[n] = '\0';
    r->p += n;
    r->left -= n;
    if (len_out != NULL) {
        *len_out = n;
    }
    return s;
}

/* A name: UTF-8 without NUL bytes (names are used as C strings). */
static char *
get_name(Reader *r)
{
    size_t len = 0;
    char *s = get_bytes(r, &len);
    if (s != NULL && (memchr(s, '\0', len) != NULL || !valid_utf8((uint8_t *)s, len))) {
        free(s);
        rfail(r, "bad name string");
        return NULL;
    }
    return s;
}

static const char **
get_names(Reader *r, uint32_t n)
{
    const char **v = calloc(n ? n : 1, sizeof *v);
    if (v == NULL) {
        rfail(r, "out of memory");
        return NULL;
    }
    for (uint32_t i = 0; i < n && !r->failed; i++) {
        v[i] = get_name(r);
    }
    return v;
}

static bool
valid_digits(const char *s, size_t len)
{
    size_t i = 0;
    if (len > 0 && s[0] == '-') {
        i = 1;
    }
    if (i == len) {
        return false;
    }
    for (; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
    }
    return true;
}

static void
get_const(Reader *r, CmpConst *k)
{
    uint8_t kind = get_u8(r);
    if (r->failed) {
        return;
    }
    if (kind > CMP_CONST_CODE) {
        rfail(r, "unknown constant kind");
        return;
    }
    k->kind = (CmpConstKind)kind;
    switch (k->kind) {
    case CMP_CONST_INT:
        k->i = get_z(r);
        break;
    case CMP_CONST_CODE:
        k->i = get_v(r);
        break;
    case CMP_CONST_FLOAT:
    case CMP_CONST_COMPLEX:
        k->f = get_f64(r);
        break;
    case CMP_CONST_BIGINT:
        k->str = get_bytes(r, &k->len);
        if (k->str != NULL && !valid_digits(k->str, k->len)) {
            rfail(r, "bad big integer digits");
        }
        break;
    case CMP_CONST_STR:
        k->str = get_bytes(r, &k->len);
        if (k->str != NULL && !valid_utf8((const uint8_t *)k->str, k->len)) {
            rfail(r, "string constant is not UTF-8");
        }
        break;
    case CMP_CONST_BYTES:
        k->str = get_bytes(r, &k->len);
        break;
    case CMP_CONST_TUPLE:
        k->nitems = get_count(r, 1);
        if (r->failed) {
            return;
        }
        k->items = malloc(sizeof *k->items * (k->nitems ? k->nitems : 1));
        if (k->items == NULL) {
            k->nitems = 0;
            rfail(r, "out of memory");
            return;
        }
        for (uint32_t i = 0; i < k->nitems; i++) {
            k->items[i] = get_v(r);
        }
        break;
    default:
        break;
    }
}

/* Fills *c; on failure the partially filled code is still freeable. Counts
 * are stored only once their arrays exist, so free_code never overreads. */
static void
get_code(Reader *r, CmpCode *c)
{
    uint32_t nlocals, ncell, nfree, n;
    int64_t line;

    c->name = get_name(r);
    c->qualname = get_name(r);
    if (!r->failed && c->qualname[0] == '\0') {
        /* "" stands for "same as the name" */
        size_t len = strlen(c->name);
        char *q = malloc(len + 1);
        if (q == NULL) {
            rfail(r, "out of memory");
            return;
        }
        memcpy(q, c->name, len + 1);
        free((char *)c->qualname);
        c->qualname = q;
    }
    c->flags = get_v(r);
    c->argcount = get_v(r);
    c->posonlyargcount = get_v(r);
    c->kwonlyargcount = get_v(r);
    nlocals = get_count(r, 1);
    ncell = get_count(r, 2);
    nfree = get_count(r, 1);
    c->stacksize = get_v(r);
    c->firstlineno = get_v(r);
    if (r->failed) {
        return;
    }
    if (c->stacksize > CMP_ARG_MAX) {
        rfail(r, "stack size too large");
        return;
    }
    c->localnames = get_names(r, nlocals);
    c->nlocals = c->localnames ? nlocals : 0;
    c->cellnames = get_names(r, ncell);
    c->ncellvars = c->cellnames ? ncell : 0;
    c->freenames = get_names(r, nfree);
    c->nfreevars = c->freenames ? nfree : 0;
    if (r->failed) {
        return;
    }
    c->cell2arg = malloc(sizeof *c->cell2arg * (ncell ? ncell : 1));
    if (c->cell2arg == NULL) {
        rfail(r, "out of memory");
        return;
    }
    for (uint32_t i = 0; i < ncell; i++) {
        uint32_t v = get_v(r);
        if (v > 0x7FFFFFFFu) {
            rfail(r, "bad cell parameter");
            return;
        }
        c->cell2arg[i] = (int32_t)v - 1;
    }
    n = get_count(r, 6);        /* opcode + arg + 4 location bytes at least */
    if (r->failed) {
        return;
    }
    c->code = malloc(sizeof *c->code * (n ? n : 1));
    c->locs = malloc(sizeof *c->locs * (n ? n : 1));
    if (c->code == NULL || c->locs == NULL) {
        rfail(r, "out of memory");
        return;
    }
    c->ncode = n;
    for (uint32_t i = 0; i < n; i++) {
        uint8_t op = get_u8(r);
        uint32_t arg = get_v(r);
        if (arg > CMP_ARG_MAX) {
            rfail(r, "operand too large");
            return;
        }
        c->code[i] = CMP_INSN(op, arg);
    }
    line = c->firstlineno;
    for (uint32_t i = 0; i < n && !r->failed; i++) {
        CmpLoc *l = &c->locs[i];
        int64_t lineno = line + get_z(r);
        int64_t end = lineno + get_z(r);
        int64_t col = get_v(r);
        int64_t endcol = col + get_z(r);
        l->lineno = in_range(r, lineno, 0xFFFFFFFF);
        l->end_lineno = in_range(r, end, 0xFFFFFFFF);
        l->col = (uint16_t)in_range(r, col, 0xFFFF);
        l->end_col = (uint16_t)in_range(r, endcol, 0xFFFF);
        line = lineno;
    }
    n = get_count(r, 1);
    if (r->failed) {
        return;
    }
    c->consts = calloc(n ? n : 1, sizeof *c->consts);
    if (c->consts == NULL) {
        rfail(r, "out of memory");
        return;
    }
    c->nconsts = n;
    for (uint32_t i = 0; i < n && !r->failed; i++) {
        get_const(r, &c->consts[i]);
    }
    n = get_count(r, 1);
    if (r->failed) {
        return;
    }
    c->names = get_names(r, n);
    c->nnames = c->names ? n : 0;
    n = get_count(r, 4);
    if (r->failed) {
        return;
    }
    c->exctable = malloc(sizeof *c->exctable * (n ? n : 1));
    if (c->exctable == NULL) {
        rfail(r, "out of memory");
        return;
    }
    c->nexc = n;
    for (uint32_t i = 0; i < n; i++) {
        uint64_t start = get_v(r), len = get_v(r), handler = get_v(r), dl = get_v64(r);
        if (start + len > 0xFFFFFFFFu || (dl >> 1) > 0xFFFFFFFFu) {
            rfail(r, "exception entry out of range");
            return;
        }
        c->exctable[i].start = (uint32_t)start;
        c->exctable[i].end = (uint32_t)(start + len);
        c->exctable[i].handler = (uint32_t)handler;
        c->exctable[i].depth = (uint32_t)(dl >> 1);
        c->exctable[i].lasti = (dl & 1) != 0;
    }
}

/*
 * Loads a program from untrusted bytes. On success returns the program and,
 * when consumed is not NULL, the number of bytes it used (a snapshot carries
 * more after it). On any bad byte returns NULL with a message in err.
 */
CmpProgram *
cmp_program_load(const uint8_t *data, size_t len, size_t *consumed, char *err, size_t errlen)
{
    Reader r = {data, len, len, err, errlen, false};
    uint8_t magic[4];
    CmpProgram *p;
    uint32_t n;
    size_t srclen = 0;

    if (errlen > 0) {
        err[0] = '\0';
    }
    if (!get(&r, magic, 4) || memcmp(magic, MAGIC, 4) != 0) {
        r.failed = false;
        rfail(&r, "not a monty program (bad magic)");
        return NULL;
    }
    if (get_v(&r) != CMP_FORMAT_VERSION) {
        rfail(&r, "unsupported format version");
        return NULL;
    }
    p = calloc(1, sizeof *p);
    if (p == NULL) {
        rfail(&r, "out of memory");
        return NULL;
    }
    p->filename = get_name(&r);
    p->source = get_bytes(&r, &srclen);
    p->source_len = srclen;
    n = get_count(&r, 1);
    if (!r.failed) {
        p->input_names = get_names(&r, n);
        p->ninputs = p->input_names ? n : 0;
    }
    n = get_count(&r, 1);
    if (!r.failed) {
        p->external_names = get_names(&r, n);
        p->nexternals = p->external_names ? n : 0;
    }
    n = get_count(&r, 15);
    if (!r.failed && n == 0) {
        /* the optional async-externals section (see the top comment) */
        n = get_count(&r, 1);
        if (!r.failed && n != p->nexternals) {
            rfail(&r, "async flags do not match the externals");
        }
        if (!r.failed && n > 0) {
            uint8_t *flags = malloc(n);
            if (flags == NULL) {
                rfail(&r, "out of memory");
            } else {
                p->external_async = flags;
                get(&r, flags, n);
                for (uint32_t k = 0; k < n && !r.failed; k++) {
                    if (flags[k] > 1) {
                        rfail(&r, "bad async flag");
                    }
                }
            }
        }
        n = get_count(&r, 15);
    }
    if (!r.failed) {
        p->codes = calloc(n ? n : 1, sizeof *p->codes);
        if (p->codes == NULL) {
            rfail(&r, "out of memory");
        } else {
            p->ncodes = n;
            for (uint32_t i = 0; i < n && !r.failed; i++) {
                get_code(&r, &p->codes[i]);
            }
        }
    }
    if (!r.failed) {
        char why[200];
        if (!cmp_verify_program(p, why, sizeof why)) {
            snprintf(err, errlen, "invalid program: %s", why);
            r.failed = true;
        }
    }
    if (r.failed) {
        cmp_program_free(p);
        return NULL;
    }
    if (consumed != NULL) {
        *consumed = len - r.left;
    }
    return p;
}
