/*
 * lib_err.h - how the runtime-library helpers report a Python exception
 * without knowing the VM's exception objects.
 *
 * A failing helper fills a VmLibError: the Python exception class to raise
 * (`kind`) and CPython's exact message.  Messages that quote user input
 * (int('abc'), float('x'), a bad format spec) do not copy it: they hold a
 * fixed `prefix`, a borrowed slice of the input (`arg`, shown raw or as its
 * Python repr, optionally truncated like CPython's "%.200R") and a fixed
 * `suffix`.  vm_lib_error_render turns that into the final UTF-8 text
 * through an accounted VmBuf, so even a 10 MB bad literal costs nothing
 * until the VM decides to build the message.  `arg` borrows the caller's
 * input: render before that input is freed.
 */
#ifndef MONTY_VM_LIB_ERR_H
#define MONTY_VM_LIB_ERR_H

#include <stdbool.h>
#include <stddef.h>

#include "vm/lib_buf.h"

/* The Python exception class a helper asks the VM to raise. */
typedef enum VmLibErrKind {
    VM_LIB_OK = 0,
    VM_LIB_NO_MEMORY,       /* allocator refused: the VM's MemoryError/limit path */
    VM_LIB_LIMIT,           /* a VmBuf cap was hit: result too large for the limit */
    VM_LIB_VALUE_ERROR,
    VM_LIB_OVERFLOW_ERROR,
    VM_LIB_TYPE_ERROR,
    VM_LIB_ZERO_DIVISION_ERROR,
    VM_LIB_INDEX_ERROR,
    VM_LIB_KEY_ERROR,       /* message is the repr of the missing key */
    VM_LIB_LOOKUP_ERROR,
    VM_LIB_UNICODE_DECODE_ERROR,
    VM_LIB_UNICODE_ENCODE_ERROR,
} VmLibErrKind;

/* How `arg` appears in the message. */
typedef enum VmLibArgMode {
    VM_LIB_ARG_NONE = 0,
    VM_LIB_ARG_RAW,         /* the bytes as they are (UTF-8) */
    VM_LIB_ARG_REPR,        /* Python repr() of the str */
    VM_LIB_ARG_BYTES_REPR,  /* Python repr() of bytes: b'...' */
} VmLibArgMode;

#define VM_LIB_ERR_TEXT 160

/*
 * A pending Python exception: message = prefix + arg (per arg_mode,
 * truncated to arg_max code points when arg_max > 0) + suffix.
 */
typedef struct VmLibError {
    VmLibErrKind kind;
    VmLibArgMode arg_mode;
    const char *arg;        /* borrowed */
    size_t arg_len;
    size_t arg_max;
    char prefix[VM_LIB_ERR_TEXT];
    char suffix[VM_LIB_ERR_TEXT];
} VmLibError;

/*
 * Reset to "no error".
 */
void
vm_lib_error_clear(VmLibError *err);

/*
 * Set a fixed message (printf-style, truncated to VM_LIB_ERR_TEXT).
 * Returns false so helpers can `return vm_lib_error_set(...)`.
 */
bool
vm_lib_error_set(VmLibError *err, VmLibErrKind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * Set a message quoting user input: prefix + arg + suffix.  `suffix` may be
 * NULL.  Returns false.
 */
bool
vm_lib_error_set_arg(VmLibError *err, VmLibErrKind kind, const char *prefix,
                     const char *arg, size_t arg_len, VmLibArgMode mode, size_t arg_max,
                     const char *suffix);

/*
 * Record an allocation failure from `buf` (limit or allocator).  Returns false.
 */
bool
vm_lib_error_from_buf(VmLibError *err, const VmBuf *buf);

/*
 * Append the full message text to `out`.  Returns false if `out` failed.
 */
bool
vm_lib_error_render(const VmLibError *err, VmBuf *out);

#endif
