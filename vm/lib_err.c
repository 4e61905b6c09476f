/*
 * lib_err.c - exception description for the runtime-library helpers.
 */
#include "vm/lib_err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "vm/lib_codec.h"
#include "vm/unicode.h"

/*
 * Reset (see header).
 */
void
vm_lib_error_clear(VmLibError *err)
{
    err->kind = VM_LIB_OK;
    err->arg_mode = VM_LIB_ARG_NONE;
    err->arg = NULL;
    err->arg_len = 0;
    err->arg_max = 0;
    err->prefix[0] = '\0';
    err->suffix[0] = '\0';
}

/*
 * Fixed message (see header).
 */
bool
vm_lib_error_set(VmLibError *err, VmLibErrKind kind, const char *fmt, ...)
{
    va_list ap;
    vm_lib_error_clear(err);
    err->kind = kind;
    va_start(ap, fmt);
    vsnprintf(err->prefix, sizeof err->prefix, fmt, ap);
    va_end(ap);
    return false;
}

/*
 * Message quoting user input (see header).
 */
bool
vm_lib_error_set_arg(VmLibError *err, VmLibErrKind kind, const char *prefix,
                     const char *arg, size_t arg_len, VmLibArgMode mode, size_t arg_max,
                     const char *suffix)
{
    vm_lib_error_clear(err);
    err->kind = kind;
    snprintf(err->prefix, sizeof err->prefix, "%s", prefix);
    snprintf(err->suffix, sizeof err->suffix, "%s", suffix ? suffix : "");
    err->arg = arg;
    err->arg_len = arg_len;
    err->arg_mode = mode;
    err->arg_max = arg_max;
    return false;
}

/*
 * Allocation failure (see header).
 */
bool
vm_lib_error_from_buf(VmLibError *err, const VmBuf *buf)
{
    if (buf->over_limit) {
        return vm_lib_error_set(err, VM_LIB_LIMIT, "result too large");
    }
    return vm_lib_error_set(err, VM_LIB_NO_MEMORY, "out of memory");
}

/* Keep at most `max` code points of s[0..len). */
static size_t
truncate_cps(const char *s, size_t len, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (n == max) {
                return i;
            }
            n++;
        }
    }
    return len;
}

/*
 * Render the full message (see header).
 */
bool
vm_lib_error_render(const VmLibError *err, VmBuf *out)
{
    vm_buf_puts(out, err->prefix);
    if (err->arg_mode == VM_LIB_ARG_RAW) {
        size_t n = err->arg_len;
        if (err->arg_max) {
            n = truncate_cps(err->arg, n, err->arg_max);
        }
        vm_buf_append(out, err->arg, n);
    } else if (err->arg_mode == VM_LIB_ARG_REPR || err->arg_mode == VM_LIB_ARG_BYTES_REPR) {
        size_t start = out->len;
        if (err->arg_mode == VM_LIB_ARG_REPR) {
            vm_unicode_repr(err->arg, err->arg_len, out);
        } else {
            vm_bytes_repr(err->arg, err->arg_len, out);
        }
        if (err->arg_max && !out->failed) {
            size_t n = truncate_cps(out->data + start, out->len - start, err->arg_max);
            out->len = start + n;
            out->data[out->len] = '\0';
        }
    }
    vm_buf_puts(out, err->suffix);
    return !out->failed;
}
