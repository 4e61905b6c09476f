/*
 * pool.c — bump allocation for one compilation.
 *
 * Everything the compiler builds on the way (scopes, symbols, instructions,
 * labels, constant and name tables, the codes before packing) comes from
 * one pool and is released at once, so compiling `1 + 1` makes no heap
 * allocation besides the finished program: the first chunk lives inside the
 * CmpCompiler (on the caller's stack) and later chunks double in size.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/cmp_int.h"

struct CmpPoolChunk {
    CmpPoolChunk *next;
    size_t size;
    max_align_t data[];
};

/* Starts a pool whose first chunk is the caller's memory (size bytes, 16-aligned). */
void
cmp_pool_init(CmpPool *p, void *first, size_t size)
{
    p->chunks = NULL;
    p->cur = first;
    p->left = size;
    p->next_size = size * 2;
    p->used = 0;
    p->limit = 0;
    p->failed = false;
}

/* Frees every chunk the pool allocated. */
void
cmp_pool_fini(CmpPool *p)
{
    CmpPoolChunk *c = p->chunks;
    while (c != NULL) {
        CmpPoolChunk *n = c->next;
        free(c);
        c = n;
    }
    p->chunks = NULL;
    p->left = 0;
}

/* n bytes (16-aligned, not zeroed), or NULL when malloc or the limit refuses. */
void *
cmp_pool_alloc(CmpPool *p, size_t n)
{
    void *r;
    n = (n + 15) & ~(size_t)15;
    if (n == 0) {
        n = 16;
    }
    if (n > p->left) {
        size_t size = p->next_size;
        CmpPoolChunk *c;
        while (size < n) {
            size *= 2;
        }
        if (p->limit != 0 && (p->used + size > p->limit || size > p->limit)) {
            p->failed = true;
            return NULL;
        }
        c = malloc(sizeof *c + size);
        if (c == NULL) {
            p->failed = true;
            return NULL;
        }
        c->next = p->chunks;
        c->size = size;
        p->used += size;
        p->chunks = c;
        p->cur = (char *)c->data;
        p->left = size;
        p->next_size = size * 2;
    }
    r = p->cur;
    p->cur += n;
    p->left -= n;
    return r;
}

/* Zeroed cmp_pool_alloc. */
void *
cmp_pool_zalloc(CmpPool *p, size_t n)
{
    void *r = cmp_pool_alloc(p, n);
    if (r != NULL) {
        memset(r, 0, n);
    }
    return r;
}

/* A bigger copy of old (or old itself, grown in place when it is the last block). */
void *
cmp_pool_grow(CmpPool *p, void *old, size_t oldsize, size_t newsize)
{
    void *r;
    /* the last allocation grows in place when the chunk has room */
    if (old != NULL && (char *)old + ((oldsize + 15) & ~(size_t)15) == p->cur) {
        size_t extra = ((newsize + 15) & ~(size_t)15) - ((oldsize + 15) & ~(size_t)15);
        if (extra <= p->left) {
            p->cur += extra;
            p->left -= extra;
            return old;
        }
    }
    r = cmp_pool_alloc(p, newsize);
    if (r != NULL && old != NULL && oldsize > 0) {
        memcpy(r, old, oldsize);
    }
    return r;
}

/* A NUL-terminated copy of n bytes of s. */
char *
cmp_pool_strndup(CmpPool *p, const char *s, size_t n)
{
    char *r = cmp_pool_alloc(p, n + 1);
    if (r != NULL) {
        memcpy(r, s, n);
        r[n] = '\0';
    }
    return r;
}
