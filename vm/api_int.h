/*
 * api_int.h — helpers shared by the host-boundary files of vm/ (api.c,
 * api_value.c, value_json.c, snapshot.c). Not a front door: only those files
 * include it.
 */
#ifndef MONTY_VM_API_INT_H
#define MONTY_VM_API_INT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "include/monty.h"

/* A growable byte buffer with a sticky failure flag: appends after a failed
 * allocation do nothing, and the owner checks `failed` once at the end. */
typedef struct ApiBuf {
    char *data;
    size_t len, cap;
    bool failed;
} ApiBuf;

static inline bool
api_buf_reserve(ApiBuf *b, size_t extra)
{
    if (b->failed) {
        return false;
    }
    if (extra > SIZE_MAX / 2 - b->len) {
        b->failed = true;
        return false;
    }
    if (b->len + extra + 1 <= b->cap) {
        return true;
    }
    size_t cap = b->cap < 64 ? 64 : b->cap;
    while (cap < b->len + extra + 1) {
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (p == NULL) {
        b->failed = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

static inline void
api_buf_put(ApiBuf *b, const void *s, size_t n)
{
    if (n > 0 && api_buf_reserve(b, n)) {
        memcpy(b->data + b->len, s, n);
        b->len += n;
        b->data[b->len] = '\0';
    }
}

static inline void
api_buf_puts(ApiBuf *b, const char *s)
{
    api_buf_put(b, s, strlen(s));
}

static inline void
api_buf_putc(ApiBuf *b, char c)
{
    api_buf_put(b, &c, 1);
}

/* Hands the text over (NUL-terminated, never NULL unless failed) and resets b. */
static inline char *
api_buf_take(ApiBuf *b)
{
    if (b->failed) {
        free(b->data);
        b->data = NULL;
        b->len = b->cap = 0;
        return NULL;
    }
    if (b->data == NULL) {
        b->data = malloc(1);
        if (b->data != NULL) {
            b->data[0] = '\0';
        }
    }
    char *p = b->data;
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

/* Python's repr() of a double ("1.0", "1e+16", "inf", "nan"), into buf of
 * at least 32 bytes. Returns the length. */
size_t vm_api_float_repr(double f, char *buf);

/* Appends Python's repr() of v (api value tree) to b. */
void vm_api_value_repr(const MontyValue *v, ApiBuf *b);

/* Appends the JSON form of v (docs/protocol.md) to b. */
void vm_api_value_json(const MontyValue *v, ApiBuf *b);

/* Appends a JSON string literal of len bytes of UTF-8 to b. */
void vm_api_json_string(const char *s, size_t len, ApiBuf *b);

/* True when len bytes are UTF-8 as a monty str holds it: well-formed, no
 * overlong forms, lone surrogates allowed (surrogatepass). */
bool vm_api_utf8_valid(const char *s, size_t len);

/* Fills err (may be NULL) with status and a printf-style message; returns status. */
MontyStatus vm_api_error(MontyError *err, MontyStatus status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif /* MONTY_VM_API_INT_H */
