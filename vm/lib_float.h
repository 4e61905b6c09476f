/*
 * lib_float.h - float arithmetic whose Python semantics differ from C's:
 * modulo and floor division (result takes the divisor's sign, quotient
 * snapped to an integer), ** (CPython's special cases and errors),
 * round(x, n) (correctly rounded through the decimal string, half to even),
 * float.hex(), float.as_integer_ratio(), and int / int true division that
 * stays correct for ints beyond float range.
 *
 * All return false with a VmLibError on a Python exception (messages are
 * CPython 3.13's, e.g. "float modulo by zero", "0.0 cannot be raised to a
 * negative power", "(34, 'Numerical result out of range')").
 */
#ifndef MONTY_VM_LIB_FLOAT_H
#define MONTY_VM_LIB_FLOAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <tommath.h>

#include "vm/lib_err.h"

/* Size of the buffer float.hex() needs ("-0x1.fffffffffffffp+1023"). */
#define VM_FLOAT_HEX_SIZE 32

/*
 * x % y.
 */
bool
vm_float_mod(double x, double y, double *out, VmLibError *err);

/*
 * x // y.
 */
bool
vm_float_floordiv(double x, double y, double *out, VmLibError *err);

/*
 * divmod(x, y) (ZeroDivisionError "float divmod()").
 */
bool
vm_float_divmod(double x, double y, double *q, double *r, VmLibError *err);

/*
 * x / y ("float division by zero").
 */
bool
vm_float_truediv(double x, double y, double *out, VmLibError *err);

/* Result of vm_float_pow. */
typedef enum VmFloatPow {
    VM_FLOAT_POW_OK = 0,
    VM_FLOAT_POW_ERROR,         /* err is set */
    VM_FLOAT_POW_COMPLEX,       /* negative base, fractional exponent: CPython
                                 * returns a complex, which monty lacks */
} VmFloatPow;

/*
 * x ** y with CPython's float_pow rules.
 */
VmFloatPow
vm_float_pow(double x, double y, double *out, VmLibError *err);

/*
 * round(x, ndigits) for a float: correctly rounded, half to even, via the
 * exact decimal value; nan/inf round to themselves; OverflowError "rounded
 * value too large to represent".
 */
bool
vm_float_round(double x, int64_t ndigits, double *out, VmLibError *err);

/*
 * round(x) with no ndigits: the half-to-even integral value as a double
 * (the VM converts it to int; inf/nan give CPython's conversion errors
 * there).
 */
double
vm_float_round_int(double x);

/*
 * float.hex() into out (VM_FLOAT_HEX_SIZE bytes); returns the length.
 */
size_t
vm_float_hex(double x, char *out);

/*
 * float.fromhex(s): '[sign][0x]h[.h][p[sign]d]', 'inf', 'nan', surrounding
 * whitespace; correctly rounded.  ValueError "invalid hexadecimal
 * floating-point string", OverflowError "hexadecimal value too large to
 * represent as a float".
 */
bool
vm_float_fromhex(const char *s, size_t len, double *out, VmLibError *err);

/*
 * float.as_integer_ratio(): num/den in lowest terms, den > 0 a power of two.
 * num and den must be initialised.
 */
bool
vm_float_as_integer_ratio(double x, mp_int *num, mp_int *den, VmLibError *err);

/*
 * a / b for ints, correctly rounded even when a or b exceed float range
 * ((10**400) / (10**399) == 10.0).  ZeroDivisionError "division by zero";
 * OverflowError "integer division result too large for a float".
 */
bool
vm_float_int_truediv(const mp_int *a, const mp_int *b, double *out, VmLibError *err);

/*
 * round(a, ndigits) for an int with ndigits < 0: half to even at 10**-ndigits
 * (round(25, -1) == 20).  ndigits >= 0 copies a.
 */
bool
vm_bigint_round(const mp_int *a, int64_t ndigits, mp_int *out, VmLibError *err);

#endif
