/*
 * numparse.h - int(str, base) and float(str) exactly as CPython 3.13 parses
 * them.
 *
 * Both accept surrounding whitespace (any Unicode space), decimal digits of
 * any script ('١٢٣' is 123), and single underscores between digits.  int()
 * takes base 0 (prefix decides: 0x/0o/0b, and "010" is rejected) or 2..36
 * with an optional matching prefix; float() takes decimal and exponent
 * forms and inf/infinity/nan in any case, with a sign.  Errors carry
 * CPython's messages:
 *   invalid literal for int() with base 10: 'abc'   (repr cut to 200 chars)
 *   could not convert string to float: 'x'
 *   int() base must be >= 2 and <= 36, or 0
 *   Exceeds the limit (4300 digits) for integer string conversion: value
 *   has 4301 digits; use sys.set_int_max_str_digits() to increase the limit
 * The error's `arg` borrows the input text (see lib_err.h).
 *
 * Temporary memory (only for non-ASCII input or very long float literals)
 * comes from `alloc`/`ctx` (NULL: the C library).
 */
#ifndef MONTY_VM_NUMPARSE_H
#define MONTY_VM_NUMPARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <tommath.h>

#include "vm/lib_buf.h"
#include "vm/lib_err.h"

/*
 * The parsed int: `small` when it fits int64 (is_big false), else `big`
 * (initialised by the parser; the caller mp_clear()s it).
 */
typedef struct VmNumInt {
    bool is_big;
    int64_t small;
    mp_int big;
} VmNumInt;

/*
 * int(s, base).  max_digits is the str->int digit limit for
 * non-power-of-two bases (VM_BIGINT_MAX_STR_DIGITS; 0 = none).
 */
bool
vm_numparse_int(const char *s, size_t len, int base, size_t max_digits, VmLibAllocFn alloc,
                void *ctx, VmNumInt *out, VmLibError *err);

/*
 * float(s).
 */
bool
vm_numparse_float(const char *s, size_t len, VmLibAllocFn alloc, void *ctx, double *out,
                  VmLibError *err);

/*
 * int(b'...', base) and float(b'...'): the same grammar on bytes (ASCII
 * only: no Unicode digits or spaces), errors quote the bytes' repr
 * ("invalid literal for int() with base 10: b'\xd9'").
 */
bool
vm_numparse_int_bytes(const char *s, size_t len, int base, size_t max_digits,
                      VmLibAllocFn alloc, void *ctx, VmNumInt *out, VmLibError *err);
bool
vm_numparse_float_bytes(const char *s, size_t len, VmLibAllocFn alloc, void *ctx, double *out,
                        VmLibError *err);

#endif
