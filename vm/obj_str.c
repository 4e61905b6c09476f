/*
 * obj_str.c — str: immutable UTF-8 with a cached code-point count and hash.
 *
 * ASCII strings (the common case) index in O(1); others walk UTF-8. Also VmStrBuf,
 * the accounted growable buffer every repr/str/join builds into.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/unicode.h"
#include "vm/vm_int.h"

/* ---- VmStrBuf --------------------------------------------------------------- */

/* vm_sb_init: an empty buffer whose memory the run accounts. */
void
vm_sb_init(VmStrBuf *b, VmRun *run)
{
    b->run = run;
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = false;
}

static bool
buf_reserve(VmStrBuf *b, size_t extra)
{
    if (b->failed) {
        return false;
    }
    if (b->len + extra + 1 <= b->cap) {
        return true;
    }
    size_t ncap = b->cap ? b->cap : 64;
    while (ncap < b->len + extra + 1) {
        ncap *= 2;
    }
    char *nd = vm_heap_realloc(b->run, b->data, ncap);
    if (nd == NULL) {
        b->failed = true;
        return false;
    }
    b->data = nd;
    b->cap = ncap;
    return true;
}

/* vm_sb_add: appends n bytes; false (and failed) when memory runs out. */
bool
vm_sb_add(VmStrBuf *b, const char *s, size_t n)
{
    if (!buf_reserve(b, n)) {
        return false;
    }
    vm_memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
    return true;
}

bool
vm_sb_adds(VmStrBuf *b, const char *s)
{
    return vm_sb_add(b, s, strlen(s));
}

bool
vm_sb_printf(VmStrBuf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        return false;
    }
    if ((size_t)n < sizeof small) {
        return vm_sb_add(b, small, (size_t)n);
    }
    if (!buf_reserve(b, (size_t)n)) {
        return false;
    }
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return true;
}

/* vm_sb_add_repr: appends repr(v). */
VmStatus
vm_sb_add_repr(VmStrBuf *b, VmValue v)
{
    if (vm_is(v, &vm_type_str)) {
        return vm_str_repr_buf(b, VM_AS(VmStr, v));
    }
    VmValue r;
    if (vm_repr(b->run, v, &r) != VM_OK) {
        return VM_ERR;
    }
    VmStr *s = VM_AS(VmStr, r);
    return vm_sb_add(b, s->data, s->len) ? VM_OK : VM_ERR;
}

/* vm_sb_add_str: appends str(v). */
VmStatus
vm_sb_add_str(VmStrBuf *b, VmValue v)
{
    if (vm_is(v, &vm_type_str)) {
        VmStr *s = VM_AS(VmStr, v);
        return vm_sb_add(b, s->data, s->len) ? VM_OK : VM_ERR;
    }
    VmValue r;
    if (vm_str(b->run, v, &r) != VM_OK) {
        return VM_ERR;
    }
    VmStr *s = VM_AS(VmStr, r);
    return vm_sb_add(b, s->data, s->len) ? VM_OK : VM_ERR;
}

/* vm_sb_to_str: turns the buffer into a str value and frees it. */
VmStatus
vm_sb_to_str(VmStrBuf *b, VmValue *out)
{
    if (b->failed) {
        vm_sb_fini(b);
        return VM_ERR;
    }
    VmStr *s = vm_str_new(b->run, b->data ? b->data : "", b->len);
    vm_sb_fini(b);
    if (s == NULL) {
        return VM_ERR;
    }
    *out = vm_obj_val(s);
    return VM_OK;
}

void
vm_sb_fini(VmStrBuf *b)
{
    vm_heap_free(b->run, b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

/* ---- construction -------------------------------------------------------- */

/*
 * A store: an accounted raw block holding the bytes of every str that `+` grew from
 * the same first string. All of them start at bytes[0], so each is a prefix of the
 * store and the one whose len equals `used` is its "tip". `a + b` where `a` is the tip
 * and b fits in the spare room writes b's bytes after `used` and makes a new str
 * header viewing the longer prefix: bytes below `used` are never written again, so
 * every str still sees exactly its own bytes (immutability holds without reference
 * counts). Only the tip keeps its NUL terminator (vm_str_has_nul). `nrefs` counts the
 * strs viewing the store; the str type's fini releases it when the last one dies, so
 * the collector needs no trace edge for it.
 */
typedef struct StrStore {
    size_t nrefs;
    size_t used;            /* bytes written; bytes[used] is NUL */
    size_t cap;             /* room for cap bytes plus the NUL */
    char bytes[];
} StrStore;

/* Strs shorter than this are never put in a store: short strings stay one exact
 * block, and copying them again costs less than a second allocation. */
#define STR_STORE_MIN 128

static StrStore *
store_of(const VmStr *s)
{
    return (StrStore *)(void *)(s->data - offsetof(StrStore, bytes));
}

static char *
inline_data(VmStr *s)
{
    return (char *)(s + 1);
}

/* The immortal one-character strs of code points 0..255: shared by all runs (their
 * hashes are precomputed, so nothing ever writes them: contract 6). */
#define STR_FNV1(h, c) (((h) ^ (uint64_t)(c)) * 1099511628211ull)
#define STR_L1B0(c) ((c) < 0x80 ? (c) : 0xC0 | ((c) >> 6))
#define STR_L1B1(c) ((c) < 0x80 ? 0 : 0x80 | ((c) & 0x3F))
#define STR_L1HASH(c)                                                                      \
    ((c) < 0x80 ? (int64_t)(STR_FNV1(14695981039346656037ull, (c)) >> 1)                  \
                : (int64_t)(STR_FNV1(STR_FNV1(14695981039346656037ull, STR_L1B0(c)),       \
                                     STR_L1B1(c)) >> 1))
#define STR_L1BYTES(c) { (char)STR_L1B0(c), (char)STR_L1B1(c), 0 }
#define STR_X16(M, b)                                                                      \
    M((b) + 0), M((b) + 1), M((b) + 2), M((b) + 3), M((b) + 4), M((b) + 5), M((b) + 6),   \
        M((b) + 7), M((b) + 8), M((b) + 9), M((b) + 10), M((b) + 11), M((b) + 12),        \
        M((b) + 13), M((b) + 14), M((b) + 15)
#define STR_X256(M)                                                                        \
    STR_X16(M, 0), STR_X16(M, 16), STR_X16(M, 32), STR_X16(M, 48), STR_X16(M, 64),        \
        STR_X16(M, 80), STR_X16(M, 96), STR_X16(M, 112), STR_X16(M, 128), STR_X16(M, 144), \
        STR_X16(M, 160), STR_X16(M, 176), STR_X16(M, 192), STR_X16(M, 208),               \
        STR_X16(M, 224), STR_X16(M, 240)

static const char latin1_bytes[256][3] = { STR_X256(STR_L1BYTES) };

#define STR_L1OBJ(c)                                                                       \
    { VM_IMMORTAL_HDR(&vm_type_str), .data = (char *)latin1_bytes[c],                      \
      .len = (c) < 0x80 ? 1 : 2, .nchars = 1, .hash = STR_L1HASH(c), .ascii = (c) < 0x80 }

static VmStr latin1_strs[256] = { STR_X256(STR_L1OBJ) };

/* vm_str_char: the immortal str of one code point c < 256. */
VmStr *
vm_str_char(uint32_t c)
{
    return &latin1_strs[c & 0xFF];
}

/* vm_str_alloc: an uninitialised str of len bytes; fill data then vm_str_finish. */
VmStr *
vm_str_alloc(VmRun *run, size_t len)
{
    if (len > ((size_t)1 << 46)) {
        vm_raise(run, &vm_exc_MemoryError, "%s", "");
        return NULL;
    }
    VmStr *s = (VmStr *)vm_obj_new(run, &vm_type_str, sizeof(VmStr) + len + 1);
    if (s == NULL) {
        return NULL;
    }
    s->data = inline_data(s);
    s->len = len;
    s->hash = -1;
    s->data[len] = 0;
    return s;
}

/* vm_str_finish: computes the code-point count of a filled str. */
void
vm_str_finish(VmStr *s)
{
    const unsigned char *p = (const unsigned char *)s->data;
    size_t len = s->len, i = 0, cont = 0;
    /* ASCII runs eight bytes at a time */
    while (i + 8 <= len) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if ((w & 0x8080808080808080ull) != 0) {
            break;
        }
        i += 8;
    }
    bool ascii = true;
    for (; i < len; i++) {
        if (p[i] >= 0x80) {
            ascii = false;
            cont += (p[i] & 0xC0) == 0x80;
        }
    }
    s->nchars = len - cont;
    s->ascii = ascii;
}

/* vm_str_new: a str from UTF-8 bytes (copied). NULL with an exception on failure. */
VmStr *
vm_str_new(VmRun *run, const char *utf8, size_t len)
{
    if (len <= 2 && len > 0) {
        unsigned char c0 = (unsigned char)utf8[0];
        if (len == 1 && c0 < 0x80) {
            return &latin1_strs[c0];
        }
        if (len == 2 && (c0 == 0xC2 || c0 == 0xC3) && ((unsigned char)utf8[1] & 0xC0) == 0x80) {
            return &latin1_strs[((c0 & 0x1F) << 6) | ((unsigned char)utf8[1] & 0x3F)];
        }
    }
    VmStr *s = vm_str_alloc(run, len);
    if (s == NULL) {
        return NULL;
    }
    vm_memcpy(s->data, utf8, len);
    vm_str_finish(s);
    return s;
}

VmStr *
vm_str_new_cstr(VmRun *run, const char *c)
{
    return vm_str_new(run, c, strlen(c));
}

/* vm_str_val: like vm_str_new but a value (EMPTY on failure). */
VmValue
vm_str_val(VmRun *run, const char *utf8, size_t len)
{
    VmStr *s = vm_str_new(run, utf8, len);
    return s ? vm_obj_val(s) : vm_val_empty();
}

/* vm_str_hash: FNV-1a over the bytes (CPython randomises str hashes anyway). */
int64_t
vm_str_hash(VmStr *s)
{
    if (s->hash != -1) {
        return s->hash;
    }
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < s->len; i++) {
        h ^= (unsigned char)s->data[i];
        h *= 1099511628211ull;
    }
    int64_t r = (int64_t)(h >> 1);
    if (r == -1) {
        r = -2;
    }
    s->hash = r;
    return r;
}

bool
vm_str_eq(const VmStr *a, const VmStr *b)
{
    return a == b || (a->len == b->len && memcmp(a->data, b->data, a->len) == 0);
}


/* vm_str_new_known: a str from UTF-8 bytes whose code-point count and ASCII-ness the
 * caller already knows (skips the scan of vm_str_finish). */
VmStr *
vm_str_new_known(VmRun *run, const char *utf8, size_t len, size_t nchars, bool ascii)
{
    if (len == 1) {
        return &latin1_strs[(unsigned char)utf8[0] & 0x7F];
    }
    VmStr *s = vm_str_alloc(run, len);
    if (s == NULL) {
        return NULL;
    }
    vm_memcpy(s->data, utf8, len);
    s->nchars = nchars;
    s->ascii = ascii;
    return s;
}

/* vm_str_piece: a str of bytes [p, p + n) taken from src at character boundaries (a
 * slice, a split or partition piece): pieces of an ASCII str need no scan. */
VmStr *
vm_str_piece(VmRun *run, const VmStr *src, const char *p, size_t n)
{
    if (src->ascii) {
        if (n == 0) {
            return vm_str_new(run, p, 0);
        }
        return vm_str_new_known(run, p, n, n, true);
    }
    return vm_str_new(run, p, n);
}

/* vm_str_from_i64: str(v) of a machine int, without printf. */
VmStr *
vm_str_from_i64(VmRun *run, int64_t v)
{
    if (v >= 0 && v < 10) {
        return &latin1_strs['0' + v];
    }
    char buf[24];
    char *end = buf + sizeof buf, *p = end;
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        *--p = (char)('0' + mag % 10);
        mag /= 10;
    } while (mag != 0);
    if (v < 0) {
        *--p = '-';
    }
    size_t n = (size_t)(end - p);
    return vm_str_new_known(run, p, n, n, true);
}

/*
 * vm_str_join_items: sep.join(items) (sep NULL: plain concatenation, BUILD_STRING of an
 * f-string) in one exact allocation; lengths, code points and ASCII-ness come from the
 * parts, so the result is never rescanned. A non-str item raises join's TypeError.
 */
VmStatus
vm_str_join_items(VmRun *run, const VmStr *sep, const VmValue *items, size_t n, VmValue *out)
{
    size_t len = 0, nchars = 0;
    bool ascii = true;
    for (size_t i = 0; i < n; i++) {
        if (!vm_is(items[i], &vm_type_str)) {
            return vm_raise(run, &vm_exc_TypeError,
                            "sequence item %zu: expected str instance, %s found", i,
                            vm_type_name(items[i]));
        }
        const VmStr *s = VM_AS(VmStr, items[i]);
        len += s->len;
        nchars += s->nchars;
        ascii &= s->ascii;
        if (len > ((size_t)1 << 46)) {
            return vm_raise(run, &vm_exc_MemoryError, "%s", "");
        }
    }
    if (n == 1) {
        *out = items[0];
        return VM_OK;
    }
    if (sep != NULL && n > 1) {
        if (sep->len > (((size_t)1 << 46) - len) / (n - 1)) {
            return vm_heap_check(run, (size_t)1 << 47);
        }
        len += sep->len * (n - 1);
        nchars += sep->nchars * (n - 1);
        ascii &= sep->ascii;
    }
    VmStr *r = vm_str_alloc(run, len);
    if (r == NULL) {
        return VM_ERR;
    }
    char *p = r->data;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && sep != NULL && sep->len != 0) {
            if (sep->len == 1) {
                *p++ = sep->data[0];
            } else {
                vm_memcpy(p, sep->data, sep->len);
                p += sep->len;
            }
        }
        const VmStr *s = VM_AS(VmStr, items[i]);
        vm_memcpy(p, s->data, s->len);
        p += s->len;
    }
    r->nchars = nchars;
    r->ascii = ascii;
    *out = vm_obj_val(r);
    return VM_OK;
}

/* The memory a run may still take without hitting max_memory (SIZE_MAX: no limit). */
static size_t
mem_room(VmRun *run)
{
    if (run->limits.max_memory == 0) {
        return SIZE_MAX;
    }
    size_t live = run->heap.live_bytes;
    return live >= run->limits.max_memory ? 0 : run->limits.max_memory - live;
}

/* A str header viewing the first n bytes of store st. */
static VmStr *
store_view(VmRun *run, StrStore *st, size_t n)
{
    VmStr *s = (VmStr *)vm_obj_new(run, &vm_type_str, sizeof(VmStr));
    if (s == NULL) {
        return NULL;
    }
    s->data = st->bytes;
    s->len = n;
    s->hash = -1;
    s->grown = true;
    s->stored = true;
    st->nrefs++;
    return s;
}

/*
 * A new store holding a's bytes then b's, with spare room for `want` bytes in all.
 * Under max_memory the spare room is at most a quarter of what the run has left
 * after the exact result, so it never makes the run fail where exact copies would
 * have fitted, and leaves room for everything else the script allocates.
 */
static VmStr *
store_new(VmRun *run, const VmStr *a, const VmStr *b, size_t n, size_t want)
{
    size_t room = mem_room(run);
    size_t overhead = sizeof(StrStore) + 1 + 64;    /* + the heap prefix, roughly */
    size_t spare_max = room > n + overhead ? (room - n - overhead) / 4 : 0;
    if (want - n > spare_max) {
        want = n + spare_max;
    }
    StrStore *st = vm_heap_alloc(run, sizeof(StrStore) + want + 1);
    if (st == NULL) {
        return NULL;
    }
    st->nrefs = 0;
    st->cap = want;
    st->used = n;
    vm_memcpy(st->bytes, a->data, a->len);
    vm_memcpy(st->bytes + a->len, b->data, b->len);
    st->bytes[n] = 0;
    VmStr *s = store_view(run, st, n);
    if (s == NULL) {
        vm_heap_free(run, st);
    }
    return s;
}

/*
 * vm_str_concat: a + b. When a is the tip of a store with room for b (the loop
 * `s += x`), b's bytes are appended in place: amortised O(len(b)) instead of a copy
 * of s. A `+` whose left side was itself made by `+` moves the result into a new
 * store (1.25x room the first time, 2x when an existing store overflows), so a
 * one-off concatenation keeps an exact-size str.
 */
VmStatus
vm_str_concat(VmRun *run, VmStr *a, VmStr *b, VmValue *out)
{
    if (b->len == 0) {
        *out = vm_obj_val(a);
        return VM_OK;
    }
    if (a->len == 0) {
        *out = vm_obj_val(b);
        return VM_OK;
    }
    size_t n = a->len + b->len;
    VmStr *s;
    if (a->stored && store_of(a)->used == a->len) {
        StrStore *st = store_of(a);
        if (b->len <= st->cap - st->used) {
            s = store_view(run, st, n);
            if (s == NULL) {
                return VM_ERR;
            }
            vm_memcpy(st->bytes + a->len, b->data, b->len);
            st->bytes[n] = 0;
            st->used = n;
        } else {
            s = store_new(run, a, b, n, n > SIZE_MAX / 4 ? n : n * 2);
        }
    } else if (a->grown && !a->stored && n >= STR_STORE_MIN) {
        s = store_new(run, a, b, n, n > SIZE_MAX / 4 ? n : n + n / 4 + 64);
    } else {
        s = vm_str_alloc(run, n);
        if (s != NULL) {
            vm_memcpy(s->data, a->data, a->len);
            vm_memcpy(s->data + a->len, b->data, b->len);
            s->grown = true;
        }
    }
    if (s == NULL) {
        return VM_ERR;
    }
    s->nchars = a->nchars + b->nchars;
    s->ascii = a->ascii && b->ascii;
    *out = vm_obj_val(s);
    return VM_OK;
}

/* Releases a str's share of its store (the str type's fini). */
static void
str_fini(VmRun *run, VmObj *o)
{
    VmStr *s = (VmStr *)o;
    if (s->stored) {
        StrStore *st = store_of(s);
        if (--st->nrefs == 0) {
            vm_heap_free(run, st);
        }
    }
}

/* Decodes one code point at p (valid UTF-8 assumed); returns its byte length. */
static int
utf8_decode(const unsigned char *p, uint32_t *cp)
{
    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    if ((p[0] & 0xE0) == 0xC0) {
        *cp = ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
        return 2;
    }
    if ((p[0] & 0xF0) == 0xE0) {
        *cp = ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
        return 3;
    }
    *cp = ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12)
          | ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    return 4;
}

static bool
is_printable_cp(uint32_t c)
{
    /* ASCII inline (the common case); the rest by the Unicode tables (unicode.h) */
    if (c < 0x80) {
        return c >= 0x20 && c != 0x7F;
    }
    return vm_unicode_isprintable(c);
}

/* vm_str_repr_buf: appends repr(s) with CPython's quote choice and escapes. */
VmStatus
vm_str_repr_buf(VmStrBuf *b, const VmStr *s)
{
    bool has_sq = memchr(s->data, '\'', s->len) != NULL;
    bool has_dq = memchr(s->data, '"', s->len) != NULL;
    char q = (has_sq && !has_dq) ? '"' : '\'';
    vm_sb_add(b, &q, 1);
    const unsigned char *p = (const unsigned char *)s->data;
    const unsigned char *end = p + s->len;
    while (p < end) {
        uint32_t c;
        int n = utf8_decode(p, &c);
        if (c == (uint32_t)q || c == '\\') {
            char e[2] = { '\\', (char)c };
            vm_sb_add(b, e, 2);
        } else if (c == '\n') {
            vm_sb_adds(b, "\\n");
        } else if (c == '\r') {
            vm_sb_adds(b, "\\r");
        } else if (c == '\t') {
            vm_sb_adds(b, "\\t");
        } else if (!is_printable_cp(c)) {
            if (c < 0x100) {
                vm_sb_printf(b, "\\x%02x", c);
            } else if (c < 0x10000) {
                vm_sb_printf(b, "\\u%04x", c);
            } else {
                vm_sb_printf(b, "\\U%08x", c);
            }
        } else {
            vm_sb_add(b, (const char *)p, (size_t)n);
        }
        p += n;
    }
    vm_sb_add(b, &q, 1);
    return b->failed ? VM_ERR : VM_OK;
}

static VmStatus
str_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmStrBuf b;
    vm_sb_init(&b, run);
    vm_str_repr_buf(&b, VM_AS(VmStr, self));
    return vm_sb_to_str(&b, out);
}

static VmStatus
str_str(VmRun *run, VmValue self, VmValue *out)
{
    *out = self;
    return VM_OK;
}

static VmStatus
str_hash(VmRun *run, VmValue self, int64_t *out)
{
    *out = vm_str_hash(VM_AS(VmStr, self));
    return VM_OK;
}

static int
str_cmp(const VmStr *a, const VmStr *b)
{
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->data, b->data, n);
    if (c != 0) {
        return c;
    }
    return a->len < b->len ? -1 : a->len > b->len ? 1 : 0;
}

static VmStatus
str_richcompare(VmRun *run, VmValue a, VmValue b, VmCmp op, VmValue *out)
{
    if (!vm_is(b, &vm_type_str)) {
        *out = vm_val_empty();
        return VM_OK;
    }
    VmStr *x = VM_AS(VmStr, a), *y = VM_AS(VmStr, b);
    if (op == VM_CMP_EQ || op == VM_CMP_NE) {
        bool eq = vm_str_eq(x, y);
        *out = vm_val_bool(op == VM_CMP_EQ ? eq : !eq);
        return VM_OK;
    }
    /* UTF-8 byte order is code point order */
    int c = str_cmp(x, y);
    bool r = op == VM_CMP_LT ? c < 0 : op == VM_CMP_LE ? c <= 0 : op == VM_CMP_GT ? c > 0 : c >= 0;
    *out = vm_val_bool(r);
    return VM_OK;
}

static VmStatus
str_len(VmRun *run, VmValue self, int64_t *out)
{
    *out = (int64_t)VM_AS(VmStr, self)->nchars;
    return VM_OK;
}

/* Byte offset of code point index i (0 <= i <= nchars). */
size_t vm_str_offset(const VmStr *s, size_t i);
size_t
vm_str_offset(const VmStr *s, size_t i)
{
    if (s->ascii) {
        return i;
    }
    size_t off = 0;
    while (i > 0 && off < s->len) {
        off++;
        while (off < s->len && ((unsigned char)s->data[off] & 0xC0) == 0x80) {
            off++;
        }
        i--;
    }
    return off;
}

/* Substring by code point range [start, stop) with step 1. */
VmValue vm_str_sub(VmRun *run, VmStr *s, size_t start, size_t stop);
VmValue
vm_str_sub(VmRun *run, VmStr *s, size_t start, size_t stop)
{
    if (start >= stop) {
        return vm_str_val(run, "", 0);
    }
    if (start == 0 && stop == s->nchars) {
        return vm_obj_val(s);
    }
    size_t a = vm_str_offset(s, start);
    size_t b = s->ascii ? stop : a + vm_str_offset((VmStr *)s, 0) * 0;
    if (!s->ascii) {
        b = a;
        for (size_t k = start; k < stop && b < s->len; k++) {
            b++;
            while (b < s->len && ((unsigned char)s->data[b] & 0xC0) == 0x80) {
                b++;
            }
        }
    }
    VmStr *r = vm_str_piece(run, s, s->data + a, b - a);
    return r != NULL ? vm_obj_val(r) : vm_val_empty();
}

static VmStatus
str_getitem(VmRun *run, VmValue self, VmValue key, VmValue *out)
{
    VmStr *s = VM_AS(VmStr, self);
    if (vm_is(key, &vm_type_slice)) {
        int64_t start, stop, step, n;
        if (vm_slice_indices(run, VM_AS(VmSlice, key), (int64_t)s->nchars, &start, &stop, &step,
                             &n) != VM_OK) {
            return VM_ERR;
        }
        if (step == 1) {
            *out = vm_str_sub(run, s, (size_t)start, (size_t)(start + n));
            return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
        }
        VmStrBuf b;
        vm_sb_init(&b, run);
        for (int64_t k = 0, i = start; k < n; k++, i += step) {
            size_t off = vm_str_offset(s, (size_t)i);
            size_t end = off + 1;
            while (end < s->len && ((unsigned char)s->data[end] & 0xC0) == 0x80) {
                end++;
            }
            vm_sb_add(&b, s->data + off, end - off);
        }
        return vm_sb_to_str(&b, out);
    }
    int64_t i;
    if (vm_seq_index(run, key, (int64_t)s->nchars, &i, "string") != VM_OK) {
        return VM_ERR;
    }
    *out = vm_str_sub(run, s, (size_t)i, (size_t)i + 1);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

static VmStatus
str_contains(VmRun *run, VmValue self, VmValue item, bool *out)
{
    if (!vm_is(item, &vm_type_str)) {
        return vm_raise(run, &vm_exc_TypeError,
                        "'in <string>' requires string as left operand, not %s",
                        vm_type_name(item));
    }
    VmStr *h = VM_AS(VmStr, self), *n = VM_AS(VmStr, item);
    *out = n->len == 0
           || (n->len == 1 ? memchr(h->data, n->data[0], h->len) != NULL
                           : n->len <= h->len && memmem(h->data, h->len, n->data, n->len) != NULL);
    return VM_OK;
}

static VmStatus
str_iter(VmRun *run, VmValue self, VmValue *out)
{
    *out = vm_iter_new(run, self, 0);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

static VmStatus
str_bool(VmRun *run, VmValue self, bool *out)
{
    *out = VM_AS(VmStr, self)->len != 0;
    return VM_OK;
}

extern const VmBuiltin *const vm_str_methods[];
VmStatus vm_str_new_from_args(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                              VmTuple *kwnames, VmValue *out);

const VmType vm_type_str = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "str", .base = &vm_type_object,
    .repr = str_repr, .str = str_str, .hash = str_hash, .richcompare = str_richcompare,
    .len = str_len, .getitem = str_getitem, .contains = str_contains, .iter = str_iter,
    .bool_ = str_bool, .methods = vm_str_methods, .new_ = vm_str_new_from_args,
    .fini = str_fini,
};
