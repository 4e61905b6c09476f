/*
 * lib_math.h - the math module's numerics with CPython 3.13's results and
 * errors ("math domain error" ValueError, "math range error"
 * OverflowError, fsum's exactness, log of ints beyond float range, exact
 * integer functions on libtommath ints), plus sum()'s compensated float
 * accumulation (CPython 3.12+: sum([0.1] * 10) == 1.0).
 *
 * Functions return false with `err` set on a Python exception.  Integer
 * results are written to caller-initialised mp_ints.
 */
#ifndef MONTY_VM_LIB_MATH_H
#define MONTY_VM_LIB_MATH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <tommath.h>

#include "vm/lib_err.h"

/* One-argument float functions (CPython's math_1 family). */
typedef enum VmMathFn {
    VM_MATH_SQRT, VM_MATH_EXP, VM_MATH_EXP2, VM_MATH_EXPM1, VM_MATH_LOG1P, VM_MATH_SIN,
    VM_MATH_COS, VM_MATH_TAN, VM_MATH_ASIN, VM_MATH_ACOS, VM_MATH_ATAN, VM_MATH_SINH,
    VM_MATH_COSH, VM_MATH_TANH, VM_MATH_ASINH, VM_MATH_ACOSH, VM_MATH_ATANH, VM_MATH_ERF,
    VM_MATH_ERFC, VM_MATH_GAMMA, VM_MATH_LGAMMA, VM_MATH_FABS, VM_MATH_CBRT,
    VM_MATH_DEGREES, VM_MATH_RADIANS,
} VmMathFn;

/*
 * math.<fn>(x).
 */
bool
vm_math_1(VmMathFn fn, double x, double *out, VmLibError *err);

/* Which logarithm. */
typedef enum VmMathLog {
    VM_MATH_LN,
    VM_MATH_LOG2,
    VM_MATH_LOG10,
} VmMathLog;

/*
 * math.log / log2 / log10 of a float, and of an int of any size (exact
 * through its binary exponent).  math.log(x, base) is the VM's
 * log(x) / log(base) via vm_float_truediv ("float division by zero").
 */
bool
vm_math_log(VmMathLog which, double x, double *out, VmLibError *err);
bool
vm_math_log_int(VmMathLog which, const mp_int *x, double *out, VmLibError *err);

/*
 * math.pow(x, y), math.fmod(x, y), math.atan2(y, x), math.hypot(x, y),
 * math.copysign(x, y), math.ldexp(x, i).
 */
bool
vm_math_pow(double x, double y, double *out, VmLibError *err);
bool
vm_math_fmod(double x, double y, double *out, VmLibError *err);
bool
vm_math_hypot(double x, double y, double *out, VmLibError *err);
bool
vm_math_ldexp(double x, int64_t i, double *out, VmLibError *err);

/*
 * math.modf(x) and math.frexp(x).
 */
void
vm_math_modf(double x, double *frac, double *whole);
void
vm_math_frexp(double x, double *m, int *e);

/*
 * math.isclose(a, b, rel_tol, abs_tol) ("tolerances must be non-negative").
 */
bool
vm_math_isclose(double a, double b, double rel_tol, double abs_tol, bool *out,
                VmLibError *err);

/*
 * math.floor / ceil / trunc of a float, as an int.
 */
bool
vm_math_floor(double x, mp_int *out, VmLibError *err);
bool
vm_math_ceil(double x, mp_int *out, VmLibError *err);
bool
vm_math_trunc(double x, mp_int *out, VmLibError *err);

/*
 * math.fsum: exact sum, rounded once (Shewchuk's partials).  Initialise,
 * add each item, then finish; errors "intermediate overflow in fsum",
 * "-inf + inf in fsum".
 */
typedef struct VmFsum {
    double partials[64];
    int n;
    double special;         /* sum of the infinities and nans seen */
    double inf_sum;         /* sum of the infinities: nan when both signs */
    bool overflow;
} VmFsum;

void
vm_math_fsum_init(VmFsum *s);
void
vm_math_fsum_add(VmFsum *s, double x);
bool
vm_math_fsum_result(const VmFsum *s, double *out, VmLibError *err);

/*
 * sum()'s float accumulation (Neumaier compensation, CPython 3.12+).  The
 * VM starts it when the running sum becomes a float, adds float items with
 * vm_float_sum_add and int items that fit a C long with
 * vm_float_sum_add_int (CPython adds those WITHOUT compensation:
 * sum([1e100, 1, -1e100]) == 0.0), and takes the result when the items end
 * or something else turns up.
 */
typedef struct VmFloatSum {
    double sum;
    double c;
} VmFloatSum;

void
vm_float_sum_init(VmFloatSum *s, double start);
void
vm_float_sum_add(VmFloatSum *s, double x);

/* An int item (CPython adds those without compensation). */
void
vm_float_sum_add_int(VmFloatSum *s, double x);
double
vm_float_sum_result(const VmFloatSum *s);

/*
 * Integer functions: math.gcd, math.lcm (two arguments; fold for more),
 * math.isqrt ("isqrt() argument must be nonnegative"), math.factorial
 * ("factorial() not defined for negative values"), math.comb, math.perm
 * ("n must be a non-negative integer", "k must be a non-negative integer";
 * perm with k < 0 / comb k > n give 0 as CPython).  vm_math_factorial_bits
 * estimates the result size so the VM can refuse factorial(10**9) first.
 */
bool
vm_math_gcd(const mp_int *a, const mp_int *b, mp_int *out, VmLibError *err);
bool
vm_math_lcm(const mp_int *a, const mp_int *b, mp_int *out, VmLibError *err);
bool
vm_math_isqrt(const mp_int *n, mp_int *out, VmLibError *err);
bool
vm_math_factorial(int64_t n, mp_int *out, VmLibError *err);
uint64_t
vm_math_factorial_bits(int64_t n);
bool
vm_math_comb(const mp_int *n, const mp_int *k, mp_int *out, VmLibError *err);

/*
 * Upper bound of the bit length of comb(n, k) (perm false) or perm(n, k),
 * for refusing math.comb(10**20, 10**10) before computing.
 */
uint64_t
vm_math_comb_bits(const mp_int *n, const mp_int *k, bool perm);
bool
vm_math_perm(const mp_int *n, const mp_int *k, mp_int *out, VmLibError *err);

#endif
