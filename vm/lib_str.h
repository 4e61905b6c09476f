/*
 * lib_str.h - the text algorithms behind str methods, Unicode-correct and
 * independent of the VM's str object: search with code point indices,
 * count, replace, split/rsplit (Unicode whitespace), splitlines (all of
 * Python's line boundaries), strip, expandtabs, zfill, center/ljust/rjust.
 *
 * Text is UTF-8 (ptr, byte length), borrowed.  Indices in and out are code
 * point indices as Python sees them; `start`/`end` follow slice rules
 * (negative counts from the end, clamped) after vm_str_adjust.  Results
 * that build text go to a VmBuf whose size is computed first, so a cap
 * refuses 'x'.replace('', 'y' * 10**9) without allocating.  Pieces of
 * split results are reported through a callback, in order.
 */
#ifndef MONTY_VM_LIB_STR_H
#define MONTY_VM_LIB_STR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vm/lib_buf.h"
#include "vm/lib_err.h"

/* Receives one piece of a split (a slice of the input); false aborts. */
typedef bool (*VmStrEmit)(void *ctx, const char *piece, size_t len);

/*
 * Clamp slice bounds to [0, len] as CPython's ADJUST_INDICES (negative
 * values count from the end).
 */
void
vm_str_adjust(int64_t *start, int64_t *end, int64_t len);

/*
 * str.find / str.rfind over s[start:end] (code points, already adjusted):
 * the code point index of the first (last) occurrence, or -1.
 */
int64_t
vm_str_find(const char *s, size_t len, const char *sub, size_t sub_len, int64_t start,
            int64_t end, bool reverse);

/*
 * str.count over s[start:end] (non-overlapping).
 */
int64_t
vm_str_count(const char *s, size_t len, const char *sub, size_t sub_len, int64_t start,
             int64_t end);

/*
 * str.startswith / endswith for one prefix over s[start:end].
 */
bool
vm_str_tailmatch(const char *s, size_t len, const char *sub, size_t sub_len, int64_t start,
                 int64_t end, bool at_end);

/*
 * str.replace(old, new, count) (count < 0: all).
 */
bool
vm_str_replace(const char *s, size_t len, const char *old, size_t old_len, const char *new_,
               size_t new_len, int64_t count, VmBuf *out, VmLibError *err);

/*
 * str.split / rsplit.  sep == NULL splits on runs of Unicode whitespace;
 * an empty sep is ValueError "empty separator".  maxsplit < 0: no limit.
 * rsplit (reverse) emits the pieces from the right, as CPython builds them:
 * the caller reverses its list afterwards.  A false from emit becomes
 * VM_LIB_NO_MEMORY.
 */
bool
vm_str_split(const char *s, size_t len, const char *sep, size_t sep_len, int64_t maxsplit,
             bool reverse, VmStrEmit emit, void *ctx, VmLibError *err);

/*
 * str.splitlines(keepends).
 */
bool
vm_str_splitlines(const char *s, size_t len, bool keepends, VmStrEmit emit, void *ctx);

/*
 * str.strip / lstrip / rstrip: chars == NULL strips Unicode whitespace.
 * Sets [*b, *e) to the kept byte range.  which: 'l', 'r' or 'b' (both).
 */
void
vm_str_strip(const char *s, size_t len, const char *chars, size_t chars_len, char which,
             size_t *b, size_t *e);

/*
 * str.expandtabs(tabsize).
 */
bool
vm_str_expandtabs(const char *s, size_t len, int64_t tabsize, VmBuf *out, VmLibError *err);

/*
 * str.zfill(width).
 */
bool
vm_str_zfill(const char *s, size_t len, int64_t width, VmBuf *out, VmLibError *err);

/*
 * str.ljust / rjust / center (align '<', '>', '^') with a fill code point.
 */
bool
vm_str_pad(const char *s, size_t len, int64_t width, uint32_t fill, char align, VmBuf *out,
           VmLibError *err);

/*
 * The bytes versions: positions are byte offsets, whitespace is ASCII only
 * (space \t \n \v \f \r), splitlines breaks only at \n, \r, \r\n, and
 * strip's chars are a set of bytes.  find/count/startswith/replace of bytes
 * work on byte offsets: use vm_bytes_find etc.
 */
bool
vm_bytes_split(const char *s, size_t len, const char *sep, size_t sep_len, int64_t maxsplit,
               bool reverse, VmStrEmit emit, void *ctx, VmLibError *err);
bool
vm_bytes_splitlines(const char *s, size_t len, bool keepends, VmStrEmit emit, void *ctx);
void
vm_bytes_strip(const char *s, size_t len, const char *chars, size_t chars_len, char which,
               size_t *b, size_t *e);
int64_t
vm_bytes_find(const char *s, size_t len, const char *sub, size_t sub_len, int64_t start,
              int64_t end, bool reverse);
int64_t
vm_bytes_count(const char *s, size_t len, const char *sub, size_t sub_len, int64_t start,
               int64_t end);

#endif
