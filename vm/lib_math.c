/*
 * lib_math.c - math module numerics with CPython 3.13 semantics (see
 * lib_math.h).  Error rules follow Modules/mathmodule.c: a NaN from a
 * non-NaN input is a domain error, an infinity from a finite input is a
 * range error for functions that can overflow and a domain error
 * (singularity) for the others.
 */
#include "vm/lib_math.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "vm/bigint.h"

static bool
domain_error(VmLibError *err)
{
    return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "math domain error");
}

static bool
range_error(VmLibError *err)
{
    return vm_lib_error_set(err, VM_LIB_OVERFLOW_ERROR, "math range error");
}

static bool
no_memory(VmLibError *err)
{
    return vm_lib_error_set(err, VM_LIB_NO_MEMORY, "out of memory");
}

/* The math_1 rule. */
static bool
math_1(double x, double r, bool can_overflow, double *out, VmLibError *err)
{
    if (isnan(r) && !isnan(x)) {
        return domain_error(err);
    }
    if (isinf(r) && isfinite(x)) {
        return can_overflow ? range_error(err) : domain_error(err);
    }
    *out = r;
    return true;
}

static bool
is_nonpositive_integer(double x)
{
    return x <= 0.0 && x == floor(x);
}

/*
 * One-argument functions (see header).
 */
bool
vm_math_1(VmMathFn fn, double x, double *out, VmLibError *err)
{
    switch (fn) {
    case VM_MATH_SQRT:
        return math_1(x, sqrt(x), false, out, err);
    case VM_MATH_EXP:
        return math_1(x, exp(x), true, out, err);
    case VM_MATH_EXP2:
        return math_1(x, exp2(x), true, out, err);
    case VM_MATH_EXPM1:
        return math_1(x, expm1(x), true, out, err);
    case VM_MATH_LOG1P:
        return math_1(x, log1p(x), false, out, err);
    case VM_MATH_SIN:
        return math_1(x, sin(x), false, out, err);
    case VM_MATH_COS:
        return math_1(x, cos(x), false, out, err);
    case VM_MATH_TAN:
        return math_1(x, tan(x), false, out, err);
    case VM_MATH_ASIN:
        return math_1(x, asin(x), false, out, err);
    case VM_MATH_ACOS:
        return math_1(x, acos(x), false, out, err);
    case VM_MATH_ATAN:
        return math_1(x, atan(x), false, out, err);
    case VM_MATH_SINH:
        return math_1(x, sinh(x), true, out, err);
    case VM_MATH_COSH:
        return math_1(x, cosh(x), true, out, err);
    case VM_MATH_TANH:
        return math_1(x, tanh(x), false, out, err);
    case VM_MATH_ASINH:
        return math_1(x, asinh(x), false, out, err);
    case VM_MATH_ACOSH:
        return math_1(x, acosh(x), false, out, err);
    case VM_MATH_ATANH:
        return math_1(x, atanh(x), false, out, err);
    case VM_MATH_ERF:
        *out = erf(x);
        return true;
    case VM_MATH_ERFC:
        *out = erfc(x);
        return true;
    case VM_MATH_GAMMA:
        if (isnan(x)) {
            *out = x;
            return true;
        }
        if (is_nonpositive_integer(x) || x == -INFINITY) {
            return domain_error(err);
        }
        *out = tgamma(x);
        return isinf(*out) && isfinite(x) ? range_error(err) : true;
    case VM_MATH_LGAMMA:
        if (isnan(x) || isinf(x)) {
            *out = fabs(x);
            return true;
        }
        if (is_nonpositive_integer(x)) {
            return domain_error(err);
        }
        *out = lgamma(x);
        return isinf(*out) ? range_error(err) : true;
    case VM_MATH_FABS:
        *out = fabs(x);
        return true;
    case VM_MATH_CBRT:
        *out = cbrt(x);
        return true;
    case VM_MATH_DEGREES:
        *out = x * (180.0 / 3.141592653589793238462643383279502884);
        return true;
    case VM_MATH_RADIANS:
        *out = x * (3.141592653589793238462643383279502884 / 180.0);
        return true;
    }
    return domain_error(err);
}

static double
log_of(VmMathLog which, double x)
{
    return which == VM_MATH_LN ? log(x) : which == VM_MATH_LOG2 ? log2(x) : log10(x);
}

/*
 * Logarithms of floats (see header).
 */
bool
vm_math_log(VmMathLog which, double x, double *out, VmLibError *err)
{
    return math_1(x, log_of(which, x), false, out, err);
}

/*
 * Logarithms of ints (see header): x = m * 2**e with m in [0.5, 1).
 */
bool
vm_math_log_int(VmMathLog which, const mp_int *x, double *out, VmLibError *err)
{
    if (mp_iszero(x) || mp_isneg(x)) {
        return domain_error(err);
    }
    int bits = mp_count_bits(x);
    if (bits <= 1000) {
        double d;
        if (!vm_bigint_to_double(x, &d, err)) {
            return false;
        }
        *out = log_of(which, d);
        return true;
    }
    /* Keep the top 64 bits (with a sticky bit) and account for the rest. */
    int shift = bits - 64;
    mp_int q;
    if (mp_init(&q) != MP_OKAY) {
        return no_memory(err);
    }
    if (mp_div_2d(x, shift, &q, NULL) != MP_OKAY) {
        mp_clear(&q);
        return no_memory(err);
    }
    uint64_t top = mp_get_mag_u64(&q);
    mp_clear(&q);
    if (mp_cnt_lsb(x) < shift) {
        top |= 1;
    }
    int e1;
    double m = frexp((double)top, &e1);
    double e = (double)e1 + (double)shift;
    *out = log_of(which, m) + log_of(which, 2.0) * e;
    return true;
}

/*
 * math.pow (see header).
 */
bool
vm_math_pow(double x, double y, double *out, VmLibError *err)
{
    double r;
    if (!isfinite(x) || !isfinite(y)) {
        if (isnan(x)) {
            r = y == 0.0 ? 1.0 : x;
        } else if (isnan(y)) {
            r = x == 1.0 ? 1.0 : y;
        } else if (isinf(x)) {
            bool odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.0) {
                r = odd_y ? x : fabs(x);
            } else if (y == 0.0) {
                r = 1.0;
            } else {
                r = odd_y ? copysign(0.0, x) : 0.0;
            }
        } else if (fabs(x) == 1.0) {
            r = 1.0;
        } else if (y > 0.0 && fabs(x) > 1.0) {
            r = y;
        } else if (y < 0.0 && fabs(x) < 1.0) {
            r = -y;
        } else {
            r = 0.0;
        }
        *out = r;
        return true;
    }
    r = pow(x, y);
    if (isnan(r)) {
        return domain_error(err);
    }
    if (isinf(r)) {
        return x == 0.0 ? domain_error(err) : range_error(err);
    }
    *out = r;
    return true;
}

/*
 * math.fmod (see header).
 */
bool
vm_math_fmod(double x, double y, double *out, VmLibError *err)
{
    if (isinf(y) && isfinite(x)) {
        *out = x;
        return true;
    }
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) {
        return domain_error(err);
    }
    *out = r;
    return true;
}

/*
 * math.hypot of two values (see header).
 */
bool
vm_math_hypot(double x, double y, double *out, VmLibError *err)
{
    if (isinf(x) || isinf(y)) {
        *out = INFINITY;
        return true;
    }
    double r = hypot(x, y);
    if (isinf(r)) {
        return range_error(err);
    }
    *out = r;
    return true;
}

/*
 * math.ldexp (see header).
 */
bool
vm_math_ldexp(double x, int64_t i, double *out, VmLibError *err)
{
    if (x == 0.0 || !isfinite(x)) {
        *out = x;
        return true;
    }
    if (i > INT32_MAX) {
        return range_error(err);
    }
    if (i < INT32_MIN) {
        *out = copysign(0.0, x);
        return true;
    }
    double r = ldexp(x, (int)i);
    if (isinf(r)) {
        return range_error(err);
    }
    *out = r;
    return true;
}

/*
 * math.modf / math.frexp (see header).
 */
void
vm_math_modf(double x, double *frac, double *whole)
{
    if (isinf(x)) {
        *frac = copysign(0.0, x);
        *whole = x;
        return;
    }
    *frac = modf(x, whole);
}

void
vm_math_frexp(double x, double *m, int *e)
{
    if (isnan(x) || isinf(x) || x == 0.0) {
        *m = x;
        *e = 0;
        return;
    }
    *m = frexp(x, e);
}

/*
 * math.isclose (see header).
 */
bool
vm_math_isclose(double a, double b, double rel_tol, double abs_tol, bool *out,
                VmLibError *err)
{
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "tolerances must be non-negative");
    }
    if (a == b) {
        *out = true;
        return true;
    }
    if (isinf(a) || isinf(b)) {
        *out = false;
        return true;
    }
    double diff = fabs(b - a);
    *out = diff <= fabs(rel_tol * b) || diff <= fabs(rel_tol * a) || diff <= abs_tol;
    return true;
}

/*
 * math.floor / ceil / trunc (see header).
 */
bool
vm_math_floor(double x, mp_int *out, VmLibError *err)
{
    return vm_bigint_from_double(floor(x), out, err);
}

bool
vm_math_ceil(double x, mp_int *out, VmLibError *err)
{
    return vm_bigint_from_double(ceil(x), out, err);
}

bool
vm_math_trunc(double x, mp_int *out, VmLibError *err)
{
    return vm_bigint_from_double(x, out, err);
}

/*
 * fsum (see header): partials stay non-overlapping and increasing, so a
 * double sum never needs more than about 40 of them.
 */
void
vm_math_fsum_init(VmFsum *s)
{
    memset(s, 0, sizeof *s);
}

void
vm_math_fsum_add(VmFsum *s, double x)
{
    if (s->overflow) {
        return;
    }
    double xsave = x;
    int i = 0;
    for (int j = 0; j < s->n; j++) {
        double y = s->partials[j];
        if (fabs(x) < fabs(y)) {
            double t = x;
            x = y;
            y = t;
        }
        double hi = x + y;
        double lo = y - (hi - x);
        if (lo != 0.0) {
            s->partials[i++] = lo;
        }
        x = hi;
    }
    s->n = i;
    if (x != 0.0) {
        if (!isfinite(x)) {
            if (isfinite(xsave)) {
                s->overflow = true;
                return;
            }
            if (isinf(xsave)) {
                s->inf_sum += xsave;
            }
            s->special += xsave;
            s->n = 0;
        } else if (s->n < 64) {
            s->partials[s->n++] = x;
        }
    }
}

bool
vm_math_fsum_result(const VmFsum *s, double *out, VmLibError *err)
{
    if (s->overflow) {
        return vm_lib_error_set(err, VM_LIB_OVERFLOW_ERROR, "intermediate overflow in fsum");
    }
    if (s->special != 0.0) {
        if (isnan(s->inf_sum)) {
            return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "-inf + inf in fsum");
        }
        *out = s->special;
        return true;
    }
    double hi = 0.0, lo = 0.0;
    int n = s->n;
    if (n > 0) {
        hi = s->partials[--n];
        while (n > 0) {
            double x = hi;
            double y = s->partials[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) {
                break;
            }
        }
        /* Half-even rounding across partials (sum([1e-16, 1, 1e16])). */
        if (n > 0 && ((lo < 0.0 && s->partials[n - 1] < 0.0)
                      || (lo > 0.0 && s->partials[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr) {
                hi = x;
            }
        }
    }
    *out = hi;
    return true;
}

/*
 * sum()'s compensated accumulation (see header).
 */
void
vm_float_sum_init(VmFloatSum *s, double start)
{
    s->sum = start;
    s->c = 0.0;
}

void
vm_float_sum_add(VmFloatSum *s, double x)
{
    double t = s->sum + x;
    if (fabs(s->sum) >= fabs(x)) {
        s->c += (s->sum - t) + x;
    } else {
        s->c += (x - t) + s->sum;
    }
    s->sum = t;
}

void
vm_float_sum_add_int(VmFloatSum *s, double x)
{
    s->sum += x;
}

double
vm_float_sum_result(const VmFloatSum *s)
{
    /* Keep the sign of a negative zero and don't turn inf into nan. */
    if (s->c != 0.0 && isfinite(s->c)) {
        return s->sum + s->c;
    }
    return s->sum;
}

/*
 * Integer functions (see header).
 */
bool
vm_math_gcd(const mp_int *a, const mp_int *b, mp_int *out, VmLibError *err)
{
    return mp_gcd(a, b, out) == MP_OKAY ? true : no_memory(err);
}

bool
vm_math_lcm(const mp_int *a, const mp_int *b, mp_int *out, VmLibError *err)
{
    if (mp_iszero(a) || mp_iszero(b)) {
        mp_zero(out);
        return true;
    }
    if (mp_lcm(a, b, out) != MP_OKAY) {
        return no_memory(err);
    }
    return mp_abs(out, out) == MP_OKAY ? true : no_memory(err);
}

bool
vm_math_isqrt(const mp_int *n, mp_int *out, VmLibError *err)
{
    if (mp_isneg(n)) {
        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "isqrt() argument must be nonnegative");
    }
    return mp_sqrt(n, out) == MP_OKAY ? true : no_memory(err);
}

uint64_t
vm_math_factorial_bits(int64_t n)
{
    if (n < 2) {
        return 1;
    }
    double dn = (double)n;
    return (uint64_t)(dn * log2(dn) - dn * 1.4426950408889634 + log2(dn) + 2);
}

bool
vm_math_factorial(int64_t n, mp_int *out, VmLibError *err)
{
    if (n < 0) {
        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR,
                                "factorial() not defined for negative values");
    }
    mp_set(out, 1);
    /* Multiply small factors in pairs to halve the big multiplications. */
    int64_t i = 2;
    for (; i + 1 <= n && (uint64_t)i * (uint64_t)(i + 1) < ((uint64_t)1 << 59); i += 2) {
        if (mp_mul_d(out, (mp_digit)((uint64_t)i * (uint64_t)(i + 1)), out) != MP_OKAY) {
            return no_memory(err);
        }
    }
    for (; i <= n; i++) {
        mp_int t;
        if (mp_init_i64(&t, i) != MP_OKAY) {
            return no_memory(err);
        }
        mp_err e = mp_mul(out, &t, out);
        mp_clear(&t);
        if (e != MP_OKAY) {
            return no_memory(err);
        }
    }
    return true;
}

/* Checks shared by comb and perm; returns 0 error, 1 go on, 2 result 0. */
static int
comb_checks(const mp_int *n, const mp_int *k, VmLibError *err)
{
    if (mp_isneg(n)) {
        vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "n must be a non-negative integer");
        return 0;
    }
    if (mp_isneg(k)) {
        vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "k must be a non-negative integer");
        return 0;
    }
    if (mp_cmp(k, n) == MP_GT) {
        return 2;
    }
    return 1;
}

/* out = n * (n-1) * ... * (n-k+1), divided step by step by 1..k when
 * `divide` (each partial quotient is an exact binomial coefficient). */
static bool
falling(const mp_int *n, int64_t k, bool divide, mp_int *out, VmLibError *err)
{
    mp_int f;
    if (mp_init_copy(&f, n) != MP_OKAY) {
        return no_memory(err);
    }
    mp_set(out, 1);
    bool ok = true;
    for (int64_t i = 1; ok && i <= k; i++) {
        ok = mp_mul(out, &f, out) == MP_OKAY && mp_sub_d(&f, 1, &f) == MP_OKAY;
        if (ok && divide) {
            mp_int d;
            ok = mp_init_i64(&d, i) == MP_OKAY;
            if (ok) {
                ok = mp_div(out, &d, out, NULL) == MP_OKAY;
                mp_clear(&d);
            }
        }
    }
    mp_clear(&f);
    return ok ? true : no_memory(err);
}

bool
vm_math_comb(const mp_int *n, const mp_int *k, mp_int *out, VmLibError *err)
{
    int c = comb_checks(n, k, err);
    if (c != 1) {
        if (c == 2) {
            mp_zero(out);
        }
        return c == 2;
    }
    /* comb(n, k) == comb(n, n - k): use the smaller. */
    mp_int nk;
    if (mp_init(&nk) != MP_OKAY || mp_sub(n, k, &nk) != MP_OKAY) {
        return no_memory(err);
    }
    const mp_int *kk = mp_cmp(&nk, k) == MP_LT ? &nk : k;
    int64_t ki;
    if (!vm_bigint_get_i64(kk, &ki)) {
        mp_clear(&nk);
        return vm_lib_error_set(err, VM_LIB_OVERFLOW_ERROR,
                                "min(n - k, k) must not exceed 9223372036854775807");
    }
    bool ok = falling(n, ki, true, out, err);
    mp_clear(&nk);
    return ok;
}

uint64_t
vm_math_comb_bits(const mp_int *n, const mp_int *k, bool perm)
{
    int64_t kk, nn;
    if (mp_isneg(n) || mp_isneg(k) || mp_cmp(k, n) == MP_GT) {
        return 1;
    }
    if (!vm_bigint_get_i64(k, &kk)) {
        return UINT64_MAX;
    }
    if (!perm && vm_bigint_get_i64(n, &nn) && nn - kk < kk) {
        kk = nn - kk;
    }
    uint64_t nb = (uint64_t)mp_count_bits(n);
    if (kk != 0 && nb > UINT64_MAX / (uint64_t)kk) {
        return UINT64_MAX;
    }
    return nb * (uint64_t)kk + 1;
}

bool
vm_math_perm(const mp_int *n, const mp_int *k, mp_int *out, VmLibError *err)
{
    int c = comb_checks(n, k, err);
    if (c != 1) {
        if (c == 2) {
            mp_zero(out);
        }
        return c == 2;
    }
    int64_t ki;
    if (!vm_bigint_get_i64(k, &ki)) {
        return vm_lib_error_set(err, VM_LIB_OVERFLOW_ERROR,
                                "k must not exceed 9223372036854775807");
    }
    return falling(n, ki, false, out, err);
}
