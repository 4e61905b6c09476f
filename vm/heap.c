/*
 * heap.c — every byte a run allocates, counted against its limits (contract 4).
 *
 * Raw blocks carry a 16-byte prefix with their size so frees and reallocs keep the
 * live-byte count exact. Objects are raw blocks that also sit on the run's object
 * list for the collector (gc.c). A limit, once hit, is sticky (heap.limit): the
 * caller gets NULL with a MemoryError set, and the interpreter ends the run without
 * letting the script catch it.
 */
#include <stdlib.h>
#include <string.h>

#include "vm/vm_int.h"

#define PREFIX 16

/* Small blocks (up to CACHE_CLASSES * 16 bytes) are sized in 16-byte classes and carved
 * from 64 KB slabs; a freed one goes on its class's LIFO list for the next allocation of
 * that class. Objects die in batches at every collection, so malloc/free (and glibc's
 * consolidation of thousands of small chunks) stay off the hot paths, and a run's teardown
 * frees slabs, not objects. A block's prefix says whether it is a slab block. Slabs are
 * bounded by half of max_memory (beyond it small blocks come from malloc), so the memory a
 * run holds stays within 1.5x its limit. Sanitizer builds use malloc for every block so
 * use-after-free stays visible. */
#define CACHE_CLASSES 16
#define SLAB_SIZE ((size_t)64 << 10)
#define SLAB_MARK ((size_t)0x51AB51AB)
#if defined(__SANITIZE_ADDRESS__)
#define HEAP_CACHE 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HEAP_CACHE 0
#endif
#endif
#ifndef HEAP_CACHE
#define HEAP_CACHE 1
#endif

static void *
sys_realloc(VmHeap *h, void *p, size_t old, size_t n)
{
    if (h->alloc.realloc != NULL) {
        return h->alloc.realloc(h->alloc.ud, p, old, n);
    }
    if (n == 0) {
        free(p);
        return NULL;
    }
    return realloc(p, n);
}

/* Checks whether `size` more bytes (one more allocation) may be taken. */
static bool
admit(VmRun *run, size_t size)
{
    VmHeap *h = &run->heap;
    if (h->limit != VM_LIMIT_NONE) {
        return false;
    }
    if (run->limits.max_memory != 0 && (size > run->limits.max_memory
                                        || h->live_bytes > run->limits.max_memory - size)) {
        vm_raise_limit(run, VM_LIMIT_MEMORY);
        return false;
    }
    if (run->limits.max_allocations != 0 && h->nallocs >= run->limits.max_allocations) {
        vm_raise_limit(run, VM_LIMIT_ALLOCATIONS);
        return false;
    }
    return true;
}

/*
 * vm_heap_check: refuses an operation whose result size is known up front
 * ('a' * n, [0] * n) before anything is allocated.
 */
VmStatus
vm_heap_check(VmRun *run, size_t size)
{
    VmHeap *h = &run->heap;
    if (h->limit != VM_LIMIT_NONE) {
        return VM_ERR;
    }
    if (size > ((size_t)1 << 46)) {
        return vm_raise(run, &vm_exc_MemoryError, "%s", "");
    }
    if (run->limits.max_memory != 0 && (size > run->limits.max_memory
                                        || h->live_bytes > run->limits.max_memory - size)) {
        return vm_raise_limit(run, VM_LIMIT_MEMORY);
    }
    return VM_OK;
}

/* slab_carve: `total` bytes (a multiple of 16) from the current slab, starting a new one
 * when it is used up; NULL when slabs reached their bound (the caller uses malloc). */
static char *
slab_carve(VmRun *run, size_t total)
{
    VmHeap *h = &run->heap;
    if (h->bump_left < total) {
        if (run->limits.max_memory != 0
            && h->cache_bytes + SLAB_SIZE > run->limits.max_memory / 2) {
            return NULL;
        }
        char *s = sys_realloc(h, NULL, 0, SLAB_SIZE);
        if (s == NULL) {
            return NULL;
        }
        *(void **)s = h->slabs;
        h->slabs = s;
        h->cache_bytes += SLAB_SIZE;
        h->bump = s + 16;
        h->bump_left = SLAB_SIZE - 16;
    }
    char *p = h->bump;
    h->bump += total;
    h->bump_left -= total;
    return p;
}

/*
 * vm_heap_alloc: an accounted raw block of `size` bytes (uninitialised). NULL with
 * an exception set (MemoryError or the sticky limit) on failure.
 */
void *
vm_heap_alloc(VmRun *run, size_t size)
{
    VmHeap *h = &run->heap;
    if (size > ((size_t)1 << 46)) {
        vm_raise(run, &vm_exc_MemoryError, "%s", "");
        return NULL;
    }
    size_t cls = size == 0 ? 1 : (size + 15) >> 4;   /* a free block holds a link */
    if (HEAP_CACHE && cls <= CACHE_CLASSES) {
        size = cls << 4;
        if (!admit(run, size + PREFIX)) {
            return NULL;
        }
        char *c = h->cache[cls];
        if (c != NULL) {
            h->cache[cls] = *(void **)(c + PREFIX);
        } else {
            c = slab_carve(run, size + PREFIX);
        }
        if (c != NULL) {
            ((size_t *)c)[0] = size;
            ((size_t *)c)[1] = SLAB_MARK;
            h->live_bytes += size + PREFIX;
            if (h->live_bytes > h->peak_bytes) {
                h->peak_bytes = h->live_bytes;
            }
            h->nallocs++;
            return c + PREFIX;
        }
    } else if (!admit(run, size + PREFIX)) {
        return NULL;
    }
    char *p = sys_realloc(h, NULL, 0, size + PREFIX);
    if (p == NULL) {
        vm_raise(run, &vm_exc_MemoryError, "%s", "");
        return NULL;
    }
    ((size_t *)p)[0] = size;
    ((size_t *)p)[1] = 0;
    h->live_bytes += size + PREFIX;
    if (h->live_bytes > h->peak_bytes) {
        h->peak_bytes = h->live_bytes;
    }
    h->nallocs++;
    return p + PREFIX;
}

/*
 * vm_heap_realloc: grows or shrinks a raw block (NULL ptr allocates). On failure the
 * old block is untouched and NULL is returned with an exception set.
 */
void *
vm_heap_realloc(VmRun *run, void *ptr, size_t new_size)
{
    if (ptr == NULL) {
        return vm_heap_alloc(run, new_size);
    }
    VmHeap *h = &run->heap;
    char *base = (char *)ptr - PREFIX;
    size_t old = *(size_t *)base;
    if (HEAP_CACHE && (((size_t *)base)[1] == SLAB_MARK || new_size <= CACHE_CLASSES * 16)) {
        /* into or out of a slab: move the bytes */
        void *n = vm_heap_alloc(run, new_size);
        if (n == NULL) {
            return NULL;
        }
        vm_memcpy(n, ptr, old < new_size ? old : new_size);
        vm_heap_free(run, ptr);
        return n;
    }
    if (new_size > old) {
        if (new_size > ((size_t)1 << 46)) {
            vm_raise(run, &vm_exc_MemoryError, "%s", "");
            return NULL;
        }
        if (!admit(run, new_size - old)) {
            return NULL;
        }
    }
    char *p = sys_realloc(h, base, old + PREFIX, new_size + PREFIX);
    if (p == NULL) {
        vm_raise(run, &vm_exc_MemoryError, "%s", "");
        return NULL;
    }
    *(size_t *)p = new_size;
    h->live_bytes = h->live_bytes - old + new_size;
    if (h->live_bytes > h->peak_bytes) {
        h->peak_bytes = h->live_bytes;
    }
    h->nallocs++;
    return p + PREFIX;
}

/* vm_heap_free: releases a raw block (NULL is ignored). */
void
vm_heap_free(VmRun *run, void *ptr)
{
    if (ptr == NULL) {
        return;
    }
    char *base = (char *)ptr - PREFIX;
    size_t size = *(size_t *)base;
    VmHeap *h = &run->heap;
    h->live_bytes -= size + PREFIX;
    if (HEAP_CACHE && ((size_t *)base)[1] == SLAB_MARK) {
        size_t cls = size >> 4;
        *(void **)ptr = h->cache[cls];
        h->cache[cls] = base;
        return;
    }
    sys_realloc(h, base, size + PREFIX, 0);
}

/* vm_heap_release_cache: returns the slabs to the allocator (teardown: every block in
 * them is dead). */
void
vm_heap_release_cache(VmRun *run)
{
    VmHeap *h = &run->heap;
    while (h->slabs != NULL) {
        void *next = *(void **)h->slabs;
        sys_realloc(h, h->slabs, SLAB_SIZE, 0);
        h->slabs = next;
    }
    memset(h->cache, 0, sizeof h->cache);
    h->cache_bytes = 0;
    h->bump = NULL;
    h->bump_left = 0;
}

/*
 * vm_obj_new: a zeroed object of `type` on the run's heap list; the collector owns
 * it from now on. NULL with an exception set on failure.
 */
VmObj *
vm_obj_new(VmRun *run, const VmType *type, size_t size)
{
    VmObj *o = vm_heap_alloc(run, size);
    if (o == NULL) {
        return NULL;
    }
    memset(o, 0, size);
    o->type = type;
    o->size = (uint32_t)(size > UINT32_MAX ? UINT32_MAX : size);
    o->gc_next = run->heap.objects;
    run->heap.objects = o;
    return o;
}
