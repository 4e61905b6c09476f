/*
 * lib_buf.h - growable byte buffer with an explicit allocator and a sticky
 * failure flag, shared by the runtime-library helpers (fmt_*, bigint,
 * numparse, unicode).
 *
 * The helpers never call malloc directly for their results: every byte goes
 * through the caller's VmLibAllocFn, so the VM can count it against the run's
 * memory limit.  A buffer may also carry a hard size cap (`max`): growing past
 * it fails *before* anything is allocated, which is how callers refuse
 * results whose size is known up front (format widths, huge precisions).
 *
 * Contract: the data is always NUL-terminated when non-NULL (the NUL is not
 * counted in `len`).  After any failure `failed` stays set and further
 * appends are no-ops returning false; the caller frees with vm_buf_fini.
 */
#ifndef MONTY_VM_LIB_BUF_H
#define MONTY_VM_LIB_BUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Allocator callback with realloc semantics: ptr == NULL allocates,
 * new_size == 0 frees (return value ignored).  On failure it returns NULL and
 * leaves the old block untouched.  old_size lets an accounting allocator
 * adjust its counters without a header.
 */
typedef void *(*VmLibAllocFn)(void *ctx, void *ptr, size_t old_size, size_t new_size);

/*
 * A growable buffer.  Initialise with vm_buf_init; fields may be read
 * directly.  `max` (0 = unlimited) bounds `len` in bytes.
 */
typedef struct VmBuf {
    char *data;
    size_t len;
    size_t cap;
    size_t max;
    VmLibAllocFn alloc;
    void *ctx;
    bool failed;
    bool over_limit;    /* the failure was the `max` cap, not the allocator */
    bool borrowed;      /* data is caller storage (vm_buf_init_fixed): never freed */
} VmBuf;

/*
 * Initialise an empty buffer.  alloc == NULL means the C library's
 * realloc/free (for tests and tools; the VM always passes its own).
 */
void
vm_buf_init(VmBuf *buf, VmLibAllocFn alloc, void *ctx);

/*
 * Initialise over caller storage (e.g. a stack array of `cap` bytes): no
 * allocation until the text outgrows it, then the allocator takes over.
 * Used for short temporaries (a float's digits) on hot paths.
 */
void
vm_buf_init_fixed(VmBuf *buf, char *storage, size_t cap, VmLibAllocFn alloc, void *ctx);

/*
 * Release the buffer's memory and reset it to empty (keeps alloc/ctx/max).
 */
void
vm_buf_fini(VmBuf *buf);

/*
 * Forget the contents but keep the memory, and clear the failure flag.
 */
void
vm_buf_clear(VmBuf *buf);

/*
 * Make room for `extra` more bytes (plus the NUL).  Returns false and sets
 * `failed` when the cap or the allocator refuses; nothing is allocated when
 * the cap would be exceeded.
 */
bool
vm_buf_reserve(VmBuf *buf, size_t extra);

/*
 * Append `n` bytes.  Returns false on failure (see vm_buf_reserve).
 */
bool
vm_buf_append(VmBuf *buf, const char *s, size_t n);

/*
 * Append a NUL-terminated string.
 */
bool
vm_buf_puts(VmBuf *buf, const char *s);

/*
 * Append one byte.
 */
bool
vm_buf_putc(VmBuf *buf, char c);

/*
 * Append the UTF-8 encoding of code point `cp` (surrogates are encoded as
 * three bytes, "surrogatepass" style, so lone surrogates round-trip).
 */
bool
vm_buf_put_cp(VmBuf *buf, uint32_t cp);

/*
 * Append `count` copies of code point `cp`.
 */
bool
vm_buf_fill(VmBuf *buf, uint32_t cp, size_t count);

/*
 * Hand the data over to the caller (who frees it with the same allocator,
 * size cap + 1).  The buffer becomes empty.  Returns NULL after a failure.
 * *len receives the length, *cap the allocated size.
 */
char *
vm_buf_take(VmBuf *buf, size_t *len, size_t *cap);

/*
 * Number of bytes the UTF-8 encoding of `cp` takes (1..4).
 */
size_t
vm_buf_cp_size(uint32_t cp);

#endif
