/*
 * lib_buf.c - growable byte buffer with accounted allocation (see lib_buf.h).
 */
#include "vm/lib_buf.h"

#include <stdlib.h>
#include <string.h>

static void *
default_alloc(void *ctx, void *ptr, size_t old_size, size_t new_size)
{
    (void)ctx;
    (void)old_size;
    if (new_size == 0) {
        free(ptr);
        return NULL;
    }
    return realloc(ptr, new_size);
}

/*
 * Initialise an empty buffer (see header).
 */
void
vm_buf_init(VmBuf *buf, VmLibAllocFn alloc, void *ctx)
{
    buf->data = NULL;
    buf->len = 0;
    buf->cap = 0;
    buf->max = 0;
    buf->alloc = alloc ? alloc : default_alloc;
    buf->ctx = ctx;
    buf->failed = false;
    buf->over_limit = false;
    buf->borrowed = false;
}

/*
 * Initialise over caller storage (see header).
 */
void
vm_buf_init_fixed(VmBuf *buf, char *storage, size_t cap, VmLibAllocFn alloc, void *ctx)
{
    vm_buf_init(buf, alloc, ctx);
    if (cap > 0) {
        buf->data = storage;
        buf->cap = cap;
        buf->borrowed = true;
        storage[0] = '\0';
    }
}

/*
 * Free the memory (see header).
 */
void
vm_buf_fini(VmBuf *buf)
{
    if (buf->data && !buf->borrowed) {
        buf->alloc(buf->ctx, buf->data, buf->cap, 0);
    }
    buf->data = NULL;
    buf->len = 0;
    buf->cap = 0;
    buf->failed = false;
    buf->over_limit = false;
    buf->borrowed = false;
}

/*
 * Empty the buffer, keep its memory (see header).
 */
void
vm_buf_clear(VmBuf *buf)
{
    buf->len = 0;
    if (buf->data) {
        buf->data[0] = '\0';
    }
    buf->failed = false;
    buf->over_limit = false;
}

/*
 * Grow to hold `extra` more bytes (see header).  Capacity doubles so that
 * appending byte by byte stays linear.
 */
bool
vm_buf_reserve(VmBuf *buf, size_t extra)
{
    if (buf->failed) {
        return false;
    }
    if (extra > SIZE_MAX / 2 - buf->len
        || (buf->max != 0 && buf->len + extra > buf->max)) {
        buf->failed = true;
        buf->over_limit = true;
        return false;
    }
    size_t need = buf->len + extra + 1;
    if (need <= buf->cap) {
        return true;
    }
    size_t cap = buf->cap ? buf->cap : 32;
    while (cap < need) {
        cap *= 2;
    }
    if (buf->max != 0 && cap > buf->max + 1) {
        cap = need > buf->max + 1 ? need : buf->max + 1;
    }
    char *p;
    if (buf->borrowed) {
        /* Leave the caller's storage: copy into a fresh block. */
        p = buf->alloc(buf->ctx, NULL, 0, cap);
        if (p && buf->len) {
            memcpy(p, buf->data, buf->len);
        }
    } else {
        p = buf->alloc(buf->ctx, buf->data, buf->cap, cap);
    }
    if (!p) {
        buf->failed = true;
        return false;
    }
    buf->borrowed = false;
    buf->data = p;
    buf->cap = cap;
    buf->data[buf->len] = '\0';
    return true;
}

/*
 * Append bytes (see header).
 */
bool
vm_buf_append(VmBuf *buf, const char *s, size_t n)
{
    if (!vm_buf_reserve(buf, n)) {
        return false;
    }
    if (n) {
        memcpy(buf->data + buf->len, s, n);
    }
    buf->len += n;
    buf->data[buf->len] = '\0';
    return true;
}

/*
 * Append a C string (see header).
 */
bool
vm_buf_puts(VmBuf *buf, const char *s)
{
    return vm_buf_append(buf, s, strlen(s));
}

/*
 * Append one byte (see header).
 */
bool
vm_buf_putc(VmBuf *buf, char c)
{
    if (!vm_buf_reserve(buf, 1)) {
        return false;
    }
    buf->data[buf->len++] = c;
    buf->data[buf->len] = '\0';
    return true;
}

/*
 * UTF-8 length of a code point (see header).
 */
size_t
vm_buf_cp_size(uint32_t cp)
{
    if (cp < 0x80) {
        return 1;
    }
    if (cp < 0x800) {
        return 2;
    }
    if (cp < 0x10000) {
        return 3;
    }
    return 4;
}

static size_t
encode_cp(char *out, uint32_t cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/*
 * Append one code point as UTF-8 (see header).
 */
bool
vm_buf_put_cp(VmBuf *buf, uint32_t cp)
{
    char tmp[4];
    size_t n = encode_cp(tmp, cp);
    return vm_buf_append(buf, tmp, n);
}

/*
 * Append `count` copies of a code point (see header).
 */
bool
vm_buf_fill(VmBuf *buf, uint32_t cp, size_t count)
{
    char tmp[4];
    size_t n = encode_cp(tmp, cp);
    if (count == 0) {
        return !buf->failed;
    }
    if (count > SIZE_MAX / 8 || !vm_buf_reserve(buf, n * count)) {
        buf->failed = true;
        return false;
    }
    char *p = buf->data + buf->len;
    if (n == 1) {
        memset(p, tmp[0], count);
    } else {
        for (size_t i = 0; i < count; i++) {
            memcpy(p + i * n, tmp, n);
        }
    }
    buf->len += n * count;
    buf->data[buf->len] = '\0';
    return true;
}

/*
 * Hand the data to the caller (see header).
 */
char *
vm_buf_take(VmBuf *buf, size_t *len, size_t *cap)
{
    if (buf->failed) {
        return NULL;
    }
    if (!buf->data && !vm_buf_reserve(buf, 0)) {
        return NULL;
    }
    if (buf->borrowed) {
        /* The caller's storage cannot be handed over: move to the heap. */
        char *h = buf->alloc(buf->ctx, NULL, 0, buf->len + 1);
        if (!h) {
            buf->failed = true;
            return NULL;
        }
        memcpy(h, buf->data, buf->len + 1);
        buf->data = h;
        buf->cap = buf->len + 1;
        buf->borrowed = false;
    }
    char *p = buf->data;
    if (len) {
        *len = buf->len;
    }
    if (cap) {
        *cap = buf->cap;
    }
    buf->data = NULL;
    buf->len = 0;
    buf->cap = 0;
    return p;
}
