/*
 * fmt_float.h - float to text exactly as CPython 3.13 prints it.
 *
 * repr/str: the shortest digit string that reads back as the same double
 * (CPython's dtoa mode 0), in fixed notation when the decimal exponent is in
 * [-4, 16) and as d.ddde+XX otherwise; 'inf', '-inf', 'nan', '-0.0'.
 *
 * vm_fmt_float_to_string is PyOS_double_to_string: the engine behind
 * format specs ('e' 'f' 'g' 'r' and upper-case variants), %-formatting and
 * round-trip repr.  Digits come from the C library's correctly rounded
 * printf/strtod (glibc), which match David Gay's dtoa used by CPython,
 * including round-half-even on exact ties (format(0.125, '.2f') == '0.12').
 */
#ifndef MONTY_VM_FMT_FLOAT_H
#define MONTY_VM_FMT_FLOAT_H

#include <stdbool.h>
#include <stddef.h>

#include "vm/lib_buf.h"

/* Enough for any repr: "-2.2250738585072014e-308" plus NUL. */
#define VM_FMT_FLOAT_REPR_SIZE 32

/* Flags of vm_fmt_float_to_string (CPython's Py_DTSF_*). */
#define VM_FMT_FLOAT_SIGN      0x01u   /* always emit a sign ('+' for non-negative) */
#define VM_FMT_FLOAT_ADD_DOT_0 0x02u   /* integers in fixed notation get ".0" */
#define VM_FMT_FLOAT_ALT       0x04u   /* '#': keep the point and trailing zeros */
#define VM_FMT_FLOAT_NO_NEG_0  0x08u   /* 'z': a result that rounds to zero loses its '-' */

/*
 * repr(x) into out (at least VM_FMT_FLOAT_REPR_SIZE bytes), NUL-terminated.
 * Returns the length.  Never fails, never allocates.
 */
size_t
vm_fmt_float_repr(double x, char *out);

/*
 * The shortest round-trip decimal digits of finite x > 0 (or 0): writes up
 * to 17 digits (no point, no sign, no trailing zeros; "0" for zero) into
 * digits[18] and returns their count; *decpt receives the decimal exponent
 * so that x = 0.DIGITS * 10**decpt.
 */
int
vm_fmt_float_shortest(double x, char *digits, int *decpt);

/*
 * Append x formatted with `type` in 'e','E','f','F','g','G','r' and
 * `precision` (ignored for 'r'; 'g' treats 0 as 1) and VM_FMT_FLOAT_* flags
 * to out.  Returns false when out failed (allocation or cap).  The output
 * is at most vm_fmt_float_size_hint(type, precision) bytes.
 */
bool
vm_fmt_float_to_string(double x, char type, int precision, unsigned flags, VmBuf *out);

/*
 * An upper bound of the bytes vm_fmt_float_to_string produces, so the VM can
 * refuse format(1.0, '.1000000000f') before allocating.
 */
size_t
vm_fmt_float_size_hint(char type, int precision);

#endif
