/*
 * mod_math.c — the math module: CPython 3.13's functions and constants, with its
 * error rules (math_1 in Modules/mathmodule.c): a NaN result from a non-NaN input is
 * ValueError "math domain error"; an infinite result from a finite input is
 * OverflowError "math range error" for functions that can overflow, else the domain
 * error. Float work is libm's; integer work (factorial, comb, isqrt, gcd ...) is
 * libtommath's, refused up front when the result would exceed the memory limit.
 *
 * fsum, prod, sumprod, dist and hypot consume iterables: a generator argument would run
 * Python code, so those defer to the prelude (_math_* functions), which collects it
 * into a list first (contract 2).
 */
#include <float.h>
#include <limits.h>
#include <math.h>
#include <string.h>

#include "vm/modules.h"

#define DEF(cname) \
    static VmStatus m_##cname(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, \
                              VmValue *out); \
    static const VmBuiltin b_##cname = { VM_IMMORTAL_HDR(&vm_type_builtin), #cname, \
                                         m_##cname, NULL }; \
    static VmStatus m_##cname(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, \
                              VmValue *out)

/* ---- argument helpers ---------------------------------------------------- */

static VmStatus
to_double(VmRun *run, VmValue v, double *out)
{
    if (vm_val_is_float(v)) {
        *out = vm_val_get_float(v);
        return VM_OK;
    }
    if (vm_is_int(v)) {
        return vm_int_to_double(run, v, out);
    }
    return vm_raise(run, &vm_exc_TypeError, "must be real number, not %s", vm_type_name(v));
}

static VmStatus
need_int(VmRun *run, VmValue v)
{
    if (vm_is_int(v)) {
        return VM_OK;
    }
    return vm_raise(run, &vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                    vm_type_name(v));
}

/* "name expected N arguments, got M" (CPython's _PyArg_CheckPositional). */
static VmStatus
npos(VmRun *run, const char *name, size_t nargs, VmTuple *kwnames, size_t lo, size_t hi)
{
    if (vm_no_kwargs(run, name, kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs >= lo && nargs <= hi) {
        return VM_OK;
    }
    if (lo == hi) {
        return vm_raise(run, &vm_exc_TypeError, "%s expected %zu argument%s, got %zu", name, lo,
                        lo == 1 ? "" : "s", nargs);
    }
    if (nargs < lo) {
        return vm_raise(run, &vm_exc_TypeError, "%s expected at least %zu argument%s, got %zu",
                        name, lo, lo == 1 ? "" : "s", nargs);
    }
    return vm_raise(run, &vm_exc_TypeError, "%s expected at most %zu argument%s, got %zu", name,
                    hi, hi == 1 ? "" : "s", nargs);
}

static VmStatus
domain_error(VmRun *run)
{
    return vm_raise(run, &vm_exc_ValueError, "math domain error");
}

static VmStatus
range_error(VmRun *run)
{
    return vm_raise(run, &vm_exc_OverflowError, "math range error");
}

/* Applies CPython's math_1 checks to r = f(x). */
static VmStatus
check_result(VmRun *run, double x, double r, bool can_overflow, VmValue *out)
{
    if (isnan(r) && !isnan(x)) {
        return domain_error(run);
    }
    if (isinf(r) && isfinite(x)) {
        return can_overflow ? range_error(run) : domain_error(run);
    }
    *out = vm_val_float(r);
    return VM_OK;
}

static VmStatus
math_1(VmRun *run, const char *qname, VmValue *args, size_t nargs, VmTuple *kwnames,
       double (*fn)(double), bool can_overflow, VmValue *out)
{
    if (kwnames != NULL && kwnames->len > 0) {
        return vm_raise(run, &vm_exc_TypeError, "%s() takes no keyword arguments", qname);
    }
    if (nargs != 1) {
        return vm_raise(run, &vm_exc_TypeError, "%s() takes exactly one argument (%zu given)",
                        qname, nargs);
    }
    double x = 0;
    if (to_double(run, args[0], &x) != VM_OK) {
        return VM_ERR;
    }
    return check_result(run, x, fn(x), can_overflow, out);
}

#define MATH1(cname, cfn, ovf) \
    DEF(cname) \
    { \
        return math_1(run, "math." #cname, args, nargs, kwnames, cfn, ovf, out); \
    }

static double
m_degrees_fn(double x)
{
    return x * (180.0 / M_PI);
}

static double
m_radians_fn(double x)
{
    return x * (M_PI / 180.0);
}

MATH1(acos, acos, false)
MATH1(acosh, acosh, false)
MATH1(asin, asin, false)
MATH1(asinh, asinh, false)
MATH1(atan, atan, false)
MATH1(atanh, atanh, false)
MATH1(cbrt, cbrt, false)
MATH1(cos, cos, false)
MATH1(cosh, cosh, true)
MATH1(erf, erf, false)
MATH1(erfc, erfc, false)
MATH1(exp, exp, true)
MATH1(exp2, exp2, true)
MATH1(expm1, expm1, true)
MATH1(fabs, fabs, false)
MATH1(sin, sin, false)
MATH1(sinh, sinh, true)
MATH1(sqrt, sqrt, false)
MATH1(tan, tan, false)
MATH1(tanh, tanh, false)
MATH1(degrees, m_degrees_fn, false)
MATH1(radians, m_radians_fn, false)

static bool
is_nonpos_integer(double x)
{
    return x <= 0 && floor(x) == x;
}

DEF(gamma)
{
    double x = 0;
    if (npos(run, "gamma", nargs, kwnames, 1, 1) != VM_OK || to_double(run, args[0], &x)
        != VM_OK) {
        return VM_ERR;
    }
    if (is_nonpos_integer(x) || (isinf(x) && x < 0)) {
        return domain_error(run);
    }
    return check_result(run, x, tgamma(x), true, out);
}

DEF(lgamma)
{
    double x = 0;
    if (npos(run, "lgamma", nargs, kwnames, 1, 1) != VM_OK || to_double(run, args[0], &x)
        != VM_OK) {
        return VM_ERR;
    }
    if (is_nonpos_integer(x)) {
        return domain_error(run);
    }
    return check_result(run, x, lgamma(x), true, out);
}

/* ---- predicates and float decomposition ---------------------------------- */

static VmStatus
float_pred(VmRun *run, const char *name, VmValue *args, size_t nargs, VmTuple *kwnames,
           int which, VmValue *out)
{
    double x = 0;
    if (npos(run, name, nargs, kwnames, 1, 1) != VM_OK || to_double(run, args[0], &x)
        != VM_OK) {
        return VM_ERR;
    }
    bool r = which == 0 ? isfinite(x) : which == 1 ? isinf(x) : isnan(x);
    *out = vm_val_bool(r);
    return VM_OK;
}

DEF(isfinite)
{
    return float_pred(run, "isfinite", args, nargs, kwnames, 0, out);
}

DEF(isinf)
{
    return float_pred(run, "isinf", args, nargs, kwnames, 1, out);
}

DEF(isnan)
{
    return float_pred(run, "isnan", args, nargs, kwnames, 2, out);
}

static VmStatus
pair(VmRun *run, VmValue a, VmValue b, VmValue *out)
{
    VmTuple *t = vm_tuple_new(run, 2);
    if (t == NULL) {
        return VM_ERR;
    }
    t->items[0] = a;
    t->items[1] = b;
    *out = vm_obj_val(t);
    return VM_OK;
}

DEF(modf)
{
    double x, ip;
    if (npos(run, "modf", nargs, kwnames, 1, 1) != VM_OK || to_double(run, args[0], &x)
        != VM_OK) {
        return VM_ERR;
    }
    if (isinf(x)) {
        return pair(run, vm_val_float(copysign(0.0, x)), vm_val_float(x), out);
    }
    double fp = modf(x, &ip);
    return pair(run, vm_val_float(fp), vm_val_float(ip), out);
}

DEF(frexp)
{
    double x = 0;
    int e = 0;
    if (npos(run, "frexp", nargs, kwnames, 1, 1) != VM_OK || to_double(run, args[0], &x)
        != VM_OK) {
        return VM_ERR;
    }
    double m = (isnan(x) || isinf(x) || x == 0) ? x : frexp(x, &e);
    return pair(run, vm_val_float(m), vm_val_int(e), out);
}

DEF(ldexp)
{
    double x = 0;
    if (npos(run, "ldexp", nargs, kwnames, 2, 2) != VM_OK || to_double(run, args[0], &x)
        != VM_OK) {
        return VM_ERR;
    }
    if (!vm_is_int(args[1])) {
        return vm_raise(run, &vm_exc_TypeError, "Expected an int as second argument to ldexp.");
    }
    int e;
    if (vm_val_is_obj(args[1])) {
        e = vm_int_sign(args[1]) > 0 ? 100000 : -100000;
    } else {
        int64_t i = vm_val_get_int(args[1]);
        e = i > 100000 ? 100000 : i < -100000 ? -100000 : (int)i;
    }
    if (x == 0 || !isfinite(x)) {
        *out = vm_val_float(x);
        return VM_OK;
    }
    double r = ldexp(x, e);
    if (isinf(r)) {
        return range_error(run);
    }
    *out = vm_val_float(r);
    return VM_OK;
}

/* ---- two-argument float functions ----------------------------------------- */

static VmStatus
two_doubles(VmRun *run, const char *name, VmValue *args, size_t nargs, VmTuple *kwnames,
            double *x, double *y)
{
    if (npos(run, name, nargs, kwnames, 2, 2) != VM_OK || to_double(run, args[0], x) != VM_OK
        || to_double(run, args[1], y) != VM_OK) {
        return VM_ERR;
    }
    return VM_OK;
}

DEF(atan2)
{
    double y, x;
    if (two_doubles(run, "atan2", args, nargs, kwnames, &y, &x) != VM_OK) {
        return VM_ERR;
    }
    *out = vm_val_float(atan2(y, x));
    return VM_OK;
}

DEF(copysign)
{
    double x, y;
    if (two_doubles(run, "copysign", args, nargs, kwnames, &x, &y) != VM_OK) {
        return VM_ERR;
    }
    *out = vm_val_float(copysign(x, y));
    return VM_OK;
}

DEF(fmod)
{
    double x, y;
    if (two_doubles(run, "fmod", args, nargs, kwnames, &x, &y) != VM_OK) {
        return VM_ERR;
    }
    if (isinf(y) && isfinite(x)) {
        *out = vm_val_float(x);
        return VM_OK;
    }
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) {
        return domain_error(run);
    }
    *out = vm_val_float(r);
    return VM_OK;
}

DEF(remainder)
{
    double x, y;
    if (two_doubles(run, "remainder", args, nargs, kwnames, &x, &y) != VM_OK) {
        return VM_ERR;
    }
    if (isnan(x) || isnan(y)) {
        *out = vm_val_float(NAN);
        return VM_OK;
    }
    if (isinf(x) || y == 0) {
        return domain_error(run);
    }
    *out = vm_val_float(isinf(y) ? x : remainder(x, y));
    return VM_OK;
}

DEF(pow)
{
    double x, y;
    if (two_doubles(run, "pow", args, nargs, kwnames, &x, &y) != VM_OK) {
        return VM_ERR;
    }
    double r = pow(x, y);
    if (!isfinite(x) || !isfinite(y)) {
        if (isnan(x)) {
            r = y == 0 ? 1.0 : x;
        } else if (isnan(y)) {
            r = x == 1.0 ? 1.0 : y;
        }
        *out = vm_val_float(r);
        return VM_OK;
    }
    if (isnan(r)) {
        return domain_error(run);
    }
    if (isinf(r)) {
        return x == 0 ? domain_error(run) : range_error(run);
    }
    *out = vm_val_float(r);
    return VM_OK;
}

DEF(fma)
{
    double x, y, z;
    if (npos(run, "fma", nargs, kwnames, 3, 3) != VM_OK || to_double(run, args[0], &x) != VM_OK
        || to_double(run, args[1], &y) != VM_OK || to_double(run, args[2], &z) != VM_OK) {
        return VM_ERR;
    }
    double r = fma(x, y, z);
    if (isfinite(r) || (!isfinite(x) || !isfinite(y) || !isfinite(z))) {
        if (isnan(r) && !isnan(x) && !isnan(y) && !isnan(z)) {
            return vm_raise(run, &vm_exc_ValueError, "invalid operation in fma");
        }
        *out = vm_val_float(r);
        return VM_OK;
    }
    return vm_raise(run, &vm_exc_OverflowError, "overflow in fma");
}

DEF(nextafter)
{
    static const char *const names[] = { "", "", "steps" };
    VmValue a[3];
    double x, y;
    if (vm_parse_args(run, "nextafter", args, nargs, kwnames, names, 3, 2, 2, a) != VM_OK
        || to_double(run, a[0], &x) != VM_OK || to_double(run, a[1], &y) != VM_OK) {
        return VM_ERR;
    }
    if (vm_val_is_empty(a[2]) || vm_val_is_none(a[2])) {
        *out = vm_val_float(nextafter(x, y));
        return VM_OK;
    }
    if (need_int(run, a[2]) != VM_OK) {
        return VM_ERR;
    }
    if (vm_int_sign(a[2]) < 0) {
        return vm_raise(run, &vm_exc_ValueError, "steps must be a non-negative integer");
    }
    int64_t steps = vm_val_is_obj(a[2]) ? INT64_MAX : vm_val_get_int(a[2]);
    double r = x;
    for (int64_t i = 0; i < steps && r != y && !isnan(r); i++) {
        r = nextafter(r, y);
        if ((i & 0xffff) == 0xffff && vm_check_time(run) != VM_OK) {
            return VM_ERR;
        }
    }
    *out = vm_val_float(isnan(y) ? y : r);
    return VM_OK;
}

DEF(ulp)
{
    double x = 0;
    if (npos(run, "ulp", nargs, kwnames, 1, 1) != VM_OK || to_double(run, args[0], &x)
        != VM_OK) {
        return VM_ERR;
    }
    if (isnan(x)) {
        *out = vm_val_float(x);
        return VM_OK;
    }
    x = fabs(x);
    if (isinf(x)) {
        *out = vm_val_float(x);
        return VM_OK;
    }
    double x2 = nextafter(x, INFINITY);
    if (isinf(x2)) {
        x2 = nextafter(x, -INFINITY);
        *out = vm_val_float(x - x2);
        return VM_OK;
    }
    *out = vm_val_float(x2 - x);
    return VM_OK;
}

DEF(isclose)
{
    static const char *const names[] = { "a", "b", "rel_tol", "abs_tol" };
    VmValue a[4];
    double x, y, rel = 1e-09, abst = 0.0;
    if (vm_parse_args(run, "isclose", args, nargs, kwnames, names, 4, 2, 0, a) != VM_OK) {
        return VM_ERR;
    }
    if (nargs - (kwnames ? kwnames->len : 0) > 2) {
        return vm_raise(run, &vm_exc_TypeError,
                        "isclose() takes exactly 2 positional arguments (%zu given)",
                        nargs - (kwnames ? kwnames->len : 0));
    }
    if (to_double(run, a[0], &x) != VM_OK || to_double(run, a[1], &y) != VM_OK
        || (!vm_val_is_empty(a[2]) && to_double(run, a[2], &rel) != VM_OK)
        || (!vm_val_is_empty(a[3]) && to_double(run, a[3], &abst) != VM_OK)) {
        return VM_ERR;
    }
    if (rel < 0.0 || abst < 0.0) {
        return vm_raise(run, &vm_exc_ValueError, "tolerances must be non-negative");
    }
    if (x == y) {
        *out = vm_val_bool(true);
        return VM_OK;
    }
    if (isinf(x) || isinf(y)) {
        *out = vm_val_bool(false);
        return VM_OK;
    }
    double diff = fabs(y - x);
    bool r = ((diff <= fabs(rel * y)) || (diff <= fabs(rel * x))) || (diff <= abst);
    *out = vm_val_bool(r);
    return VM_OK;
}

/* ---- logarithms ------------------------------------------------------------ */

/* log of an int or float argument; big ints use their bit length (CPython loghelper). */
static VmStatus
log_of(VmRun *run, VmValue v, double (*fn)(double), double *out)
{
    if (vm_is_int(v)) {
        if (vm_int_sign(v) <= 0) {
            return domain_error(run);
        }
        if (vm_val_is_obj(v)) {
            mp_int n;
            if (vm_int_to_mp(run, v, &n) != VM_OK) {
                return VM_ERR;
            }
            int bits = mp_count_bits(&n);
            int shift = bits > 60 ? bits - 60 : 0;
            mp_int q;
            if (mp_init(&q) != MP_OKAY || mp_div_2d(&n, shift, &q, NULL) != MP_OKAY) {
                mp_clear(&n);
                return vm_raise(run, &vm_exc_MemoryError, "%s", "");
            }
            double m = mp_get_double(&q);
            mp_clear(&q);
            mp_clear(&n);
            *out = fn(m) + (double)shift * fn(2.0);
            return VM_OK;
        }
    }
    double x = 0;
    if (to_double(run, v, &x) != VM_OK) {
        return VM_ERR;
    }
    if (isnan(x) || (isinf(x) && x > 0)) {
        *out = x;
        return VM_OK;
    }
    if (x <= 0) {
        return domain_error(run);
    }
    *out = fn(x);
    return VM_OK;
}

DEF(log)
{
    double num, den;
    if (npos(run, "log", nargs, kwnames, 1, 2) != VM_OK || log_of(run, args[0], log, &num)
        != VM_OK) {
        return VM_ERR;
    }
    if (nargs == 2) {
        if (log_of(run, args[1], log, &den) != VM_OK) {
            return VM_ERR;
        }
        if (den == 0) {
            return vm_raise(run, &vm_exc_ZeroDivisionError, "float division by zero");
        }
        num /= den;
    }
    *out = vm_val_float(num);
    return VM_OK;
}

static double
log2_scaled(double x)
{
    return log2(x);
}

DEF(log2)
{
    double r = 0;
    if (npos(run, "log2", nargs, kwnames, 1, 1) != VM_OK) {
        return VM_ERR;
    }
    if (vm_val_is_obj(args[0]) && vm_is_int(args[0])) {
        /* log2(m * 2**s) = log2(m) + s exactly */
        if (log_of(run, args[0], log2_scaled, &r) != VM_OK) {
            return VM_ERR;
        }
    } else if (log_of(run, args[0], log2, &r) != VM_OK) {
        return VM_ERR;
    }
    *out = vm_val_float(r);
    return VM_OK;
}

DEF(log10)
{
    double r = 0;
    if (npos(run, "log10", nargs, kwnames, 1, 1) != VM_OK || log_of(run, args[0], log10, &r)
        != VM_OK) {
        return VM_ERR;
    }
    *out = vm_val_float(r);
    return VM_OK;
}

DEF(log1p)
{
    return math_1(run, "math.log1p", args, nargs, kwnames, log1p, false, out);
}

/* ---- rounding to int -------------------------------------------------------- */

static VmStatus
round_to_int(VmRun *run, const char *qname, VmValue *args, size_t nargs, VmTuple *kwnames,
             double (*fn)(double), VmValue *out)
{
    if (kwnames != NULL && kwnames->len > 0) {
        return vm_raise(run, &vm_exc_TypeError, "%s() takes no keyword arguments", qname);
    }
    if (nargs != 1) {
        return vm_raise(run, &vm_exc_TypeError, "%s() takes exactly one argument (%zu given)",
                        qname, nargs);
    }
    if (vm_is_int(args[0])) {
        *out = vm_val_is_bool(args[0]) ? vm_val_int(vm_val_get_bool(args[0])) : args[0];
        return VM_OK;
    }
    if (!vm_val_is_float(args[0])) {
        if (fn == trunc) {
            return vm_raise(run, &vm_exc_TypeError, "type %s doesn't define __trunc__ method",
                            vm_type_name(args[0]));
        }
        return vm_raise(run, &vm_exc_TypeError, "must be real number, not %s",
                        vm_type_name(args[0]));
    }
    return vm_int_from_double(run, fn(vm_val_get_float(args[0])), out);
}

DEF(floor)
{
    return round_to_int(run, "math.floor", args, nargs, kwnames, floor, out);
}

DEF(ceil)
{
    return round_to_int(run, "math.ceil", args, nargs, kwnames, ceil, out);
}

DEF(trunc)
{
    return round_to_int(run, "math.trunc", args, nargs, kwnames, trunc, out);
}

/* ---- integer functions ------------------------------------------------------- */

static VmStatus
mp_fail(VmRun *run)
{
    return vm_raise(run, &vm_exc_MemoryError, "%s", "");
}

/* Multiplies acc by lo*(lo+1)*...*hi (hi - lo small enough to loop). */
static VmStatus
mul_range(VmRun *run, mp_int *acc, const mp_int *lo, int64_t count)
{
    mp_int cur;
    if (mp_init_copy(&cur, lo) != MP_OKAY) {
        return mp_fail(run);
    }
    for (int64_t i = 0; i < count; i++) {
        if (mp_mul(acc, &cur, acc) != MP_OKAY || mp_incr(&cur) != MP_OKAY) {
            mp_clear(&cur);
            return mp_fail(run);
        }
        if ((i & 0x3ff) == 0x3ff && (vm_heap_check(run, (size_t)mp_count_bits(acc) / 8) != VM_OK
                                     || vm_check_time(run) != VM_OK)) {
            mp_clear(&cur);
            return VM_ERR;
        }
    }
    mp_clear(&cur);
    return VM_OK;
}

/* Refuses n! (or a product of n factors below n) whose size exceeds the memory limit. */
static VmStatus
check_product_size(VmRun *run, int64_t n)
{
    double bits = n > 1 ? (double)n * log2((double)n) : 1;
    if (bits / 8 > (double)((size_t)1 << 46)) {
        return vm_raise(run, &vm_exc_MemoryError, "%s", "");
    }
    return vm_heap_check(run, (size_t)(bits / 8));
}

static VmStatus
small_int_arg(VmRun *run, VmValue v, int64_t *out, const char *toolarge)
{
    if (need_int(run, v) != VM_OK) {
        return VM_ERR;
    }
    if (vm_val_is_obj(v)) {
        return vm_raise(run, &vm_exc_OverflowError, "%s", toolarge);
    }
    *out = vm_val_get_int(v);
    return VM_OK;
}

DEF(factorial)
{
    int64_t n = 0;
    if (npos(run, "factorial", nargs, kwnames, 1, 1) != VM_OK) {
        return VM_ERR;
    }
    if (vm_val_is_obj(args[0]) && vm_is_int(args[0]) && vm_int_sign(args[0]) < 0) {
        return vm_raise(run, &vm_exc_ValueError, "factorial() not defined for negative values");
    }
    if (small_int_arg(run, args[0], &n,
                      "factorial() argument should not exceed 9223372036854775807") != VM_OK) {
        return VM_ERR;
    }
    if (n < 0) {
        return vm_raise(run, &vm_exc_ValueError, "factorial() not defined for negative values");
    }
    if (check_product_size(run, n) != VM_OK) {
        return VM_ERR;
    }
    mp_int acc, one;
    if (mp_init_set(&acc, 1u) != MP_OKAY) {
        return mp_fail(run);
    }
    if (mp_init_set(&one, 1u) != MP_OKAY) {
        mp_clear(&acc);
        return mp_fail(run);
    }
    VmStatus st = mul_range(run, &acc, &one, n);
    mp_clear(&one);
    if (st != VM_OK) {
        mp_clear(&acc);
        return VM_ERR;
    }
    *out = vm_int_from_mp(run, &acc);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

/* perm(n, k) when k is given; comb divides by k!. */
static VmStatus
perm_comb(VmRun *run, const char *name, VmValue vn, VmValue vk, bool comb, VmValue *out)
{
    if (need_int(run, vn) != VM_OK || need_int(run, vk) != VM_OK) {
        return VM_ERR;
    }
    if (vm_int_sign(vn) < 0) {
        return vm_raise(run, &vm_exc_ValueError, "n must be a non-negative integer");
    }
    if (vm_int_sign(vk) < 0) {
        return vm_raise(run, &vm_exc_ValueError, "k must be a non-negative integer");
    }
    if (vm_int_cmp(vk, vn) > 0) {
        *out = vm_val_int(0);
        return VM_OK;
    }
    mp_int n, k, acc, lo, t;
    if (vm_int_to_mp(run, vn, &n) != VM_OK) {
        return VM_ERR;
    }
    if (vm_int_to_mp(run, vk, &k) != VM_OK) {
        mp_clear(&n);
        return VM_ERR;
    }
    VmStatus st = VM_OK;
    if (mp_init_multi(&acc, &lo, &t, NULL) != MP_OKAY) {
        mp_clear_multi(&n, &k, NULL);
        return mp_fail(run);
    }
    if (comb) {
        /* k = min(k, n - k) */
        if (mp_sub(&n, &k, &t) != MP_OKAY) {
            st = mp_fail(run);
        } else if (mp_cmp(&t, &k) == MP_LT) {
            mp_exch(&t, &k);
        }
    }
    int64_t kk = 0;
    if (st == VM_OK && mp_count_bits(&k) > 62) {
        st = vm_raise(run, &vm_exc_OverflowError,
                      comb ? "min(n - k, k) must not exceed %lld" : "k must not exceed %lld",
                      (long long)INT64_MAX);
    } else if (st == VM_OK) {
        kk = (int64_t)mp_get_i64(&k);
        int64_t nbits = mp_count_bits(&n);
        if (nbits * kk / 8 > ((int64_t)1 << 40)) {
            st = vm_raise(run, &vm_exc_MemoryError, "%s", "");
        } else {
            st = vm_heap_check(run, (size_t)(nbits * kk / 8));
        }
    }
    /* acc = (n-k+1) * ... * n */
    if (st == VM_OK) {
        if (mp_set_u32(&acc, 1), mp_sub(&n, &k, &lo) != MP_OKAY || mp_incr(&lo) != MP_OKAY) {
            st = mp_fail(run);
        } else {
            st = mul_range(run, &acc, &lo, kk);
        }
    }
    if (st == VM_OK && comb) {
        mp_int f, one;
        if (mp_init_set(&f, 1u) != MP_OKAY) {
            st = mp_fail(run);
        } else {
            if (mp_init_set(&one, 1u) != MP_OKAY) {
                st = mp_fail(run);
            } else {
                st = mul_range(run, &f, &one, kk);
                if (st == VM_OK && mp_div(&acc, &f, &acc, NULL) != MP_OKAY) {
                    st = mp_fail(run);
                }
                mp_clear(&one);
            }
            mp_clear(&f);
        }
    }
    (void)name;
    mp_clear_multi(&n, &k, &lo, &t, NULL);
    if (st != VM_OK) {
        mp_clear(&acc);
        return VM_ERR;
    }
    *out = vm_int_from_mp(run, &acc);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

DEF(comb)
{
    if (npos(run, "comb", nargs, kwnames, 2, 2) != VM_OK) {
        return VM_ERR;
    }
    return perm_comb(run, "comb", args[0], args[1], true, out);
}

DEF(perm)
{
    if (npos(run, "perm", nargs, kwnames, 1, 2) != VM_OK) {
        return VM_ERR;
    }
    if (nargs == 1 || vm_val_is_none(args[1])) {
        if (need_int(run, args[0]) != VM_OK) {
            return VM_ERR;
        }
        if (vm_int_sign(args[0]) < 0) {
            return vm_raise(run, &vm_exc_ValueError, "n must be a non-negative integer");
        }
        return m_factorial(run, args, 1, NULL, out);
    }
    return perm_comb(run, "perm", args[0], args[1], false, out);
}

DEF(isqrt)
{
    if (npos(run, "isqrt", nargs, kwnames, 1, 1) != VM_OK || need_int(run, args[0]) != VM_OK) {
        return VM_ERR;
    }
    if (vm_int_sign(args[0]) < 0) {
        return vm_raise(run, &vm_exc_ValueError, "isqrt() argument must be nonnegative");
    }
    mp_int n;
    if (vm_int_to_mp(run, args[0], &n) != VM_OK) {
        return VM_ERR;
    }
    if (mp_sqrt(&n, &n) != MP_OKAY) {
        mp_clear(&n);
        return mp_fail(run);
    }
    *out = vm_int_from_mp(run, &n);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

static VmStatus
gcd_lcm(VmRun *run, const char *name, VmValue *args, size_t nargs, VmTuple *kwnames,
        bool lcm, VmValue *out)
{
    if (vm_no_kwargs(run, name, kwnames) != VM_OK) {
        return VM_ERR;
    }
    mp_int acc, x;
    if (mp_init_set(&acc, lcm ? 1u : 0u) != MP_OKAY) {
        return mp_fail(run);
    }
    for (size_t i = 0; i < nargs; i++) {
        if (need_int(run, args[i]) != VM_OK || vm_int_to_mp(run, args[i], &x) != VM_OK) {
            mp_clear(&acc);
            return VM_ERR;
        }
        mp_err e = lcm ? mp_lcm(&acc, &x, &acc) : mp_gcd(&acc, &x, &acc);
        mp_clear(&x);
        if (e != MP_OKAY) {
            mp_clear(&acc);
            return mp_fail(run);
        }
    }
    if (nargs == 1 && mp_abs(&acc, &acc) != MP_OKAY) {
        mp_clear(&acc);
        return mp_fail(run);
    }
    *out = vm_int_from_mp(run, &acc);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

DEF(gcd)
{
    return gcd_lcm(run, "gcd", args, nargs, kwnames, false, out);
}

DEF(lcm)
{
    return gcd_lcm(run, "lcm", args, nargs, kwnames, true, out);
}

/* ---- functions of iterables --------------------------------------------------- */

/* Collects `v` into a list; VM_DEFER to the prelude function `pre` if iterating it
 * runs Python code. */
static VmStatus
collect(VmRun *run, VmValue v, const char *pre, VmList **out)
{
    if (vm_is_pyiter(v)) {
        return vm_defer(run, pre);
    }
    VmValue l;
    if (vm_list_from_iter(run, v, &l) != VM_OK) {
        return VM_ERR;
    }
    *out = VM_AS(VmList, l);
    return VM_OK;
}

/* Shewchuk's exact summation (CPython math_fsum): partials hold the exact sum. */
DEF(fsum)
{
    VmList *l = NULL;
    if (npos(run, "fsum", nargs, kwnames, 1, 1) != VM_OK) {
        return VM_ERR;
    }
    VmStatus st = collect(run, args[0], "_math_fsum", &l);
    if (st != VM_OK) {
        return st;
    }
    double *p = vm_heap_alloc(run, (l->len + 2) * sizeof(double));
    if (p == NULL) {
        return VM_ERR;
    }
    size_t n = 0;
    double special = 0.0, inf_sum = 0.0;
    for (size_t k = 0; k < l->len; k++) {
        double x = 0;
        if (to_double(run, l->items[k], &x) != VM_OK) {
            vm_heap_free(run, p);
            return VM_ERR;
        }
        double xsave = x;
        size_t i = 0;
        for (size_t j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) {
                p[i++] = lo;
            }
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                if (isfinite(xsave)) {
                    vm_heap_free(run, p);
                    return vm_raise(run, &vm_exc_OverflowError, "intermediate overflow in fsum");
                }
                if (isinf(xsave)) {
                    inf_sum += xsave;
                }
                special += xsave;
                n = 0;
            } else {
                p[n++] = x;
            }
        }
    }
    double hi = 0.0;
    if (special != 0.0) {
        vm_heap_free(run, p);
        if (isnan(inf_sum)) {
            return vm_raise(run, &vm_exc_ValueError, "-inf + inf in fsum");
        }
        *out = vm_val_float(special);
        return VM_OK;
    }
    if (n > 0) {
        hi = p[--n];
        double lo = 0;
        while (n > 0) {
            double x = hi;
            double y = p[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) {
                break;
            }
        }
        /* round half-even correctly when the remaining partials push it */
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr) {
                hi = x;
            }
        }
    }
    vm_heap_free(run, p);
    *out = vm_val_float(hi);
    return VM_OK;
}

DEF(prod)
{
    static const char *const names[] = { "", "start" };
    VmValue a[2];
    VmList *l = NULL;
    if (vm_parse_args(run, "prod", args, nargs, kwnames, names, 2, 1, 1, a) != VM_OK) {
        return VM_ERR;
    }
    VmStatus st = collect(run, a[0], "_math_prod", &l);
    if (st != VM_OK) {
        return st;
    }
    VmValue acc = vm_val_is_empty(a[1]) ? vm_val_int(1) : a[1];
    for (size_t i = 0; i < l->len; i++) {
        if (vm_binop(run, VM_OP_MUL, acc, l->items[i], &acc) != VM_OK) {
            return VM_ERR;
        }
    }
    *out = acc;
    return VM_OK;
}

DEF(sumprod)
{
    VmList *p = NULL, *q = NULL;
    if (npos(run, "sumprod", nargs, kwnames, 2, 2) != VM_OK) {
        return VM_ERR;
    }
    VmStatus st = collect(run, args[0], "_math_sumprod", &p);
    if (st != VM_OK) {
        return st;
    }
    st = collect(run, args[1], "_math_sumprod", &q);
    if (st != VM_OK) {
        return st;
    }
    if (p->len != q->len) {
        return vm_raise(run, &vm_exc_ValueError, "Inputs are not the same length");
    }
    VmValue acc = vm_val_int(0);
    for (size_t i = 0; i < p->len; i++) {
        VmValue t;
        if (vm_binop(run, VM_OP_MUL, p->items[i], q->items[i], &t) != VM_OK
            || vm_binop(run, VM_OP_ADD, acc, t, &acc) != VM_OK) {
            return VM_ERR;
        }
    }
    *out = acc;
    return VM_OK;
}

/* sqrt(sum(x*x)) scaled by the largest magnitude (overflow-safe). */
static double
vector_norm(const double *v, size_t n, double max, bool found_nan)
{
    if (isinf(max)) {
        return max;
    }
    if (found_nan) {
        return NAN;
    }
    if (max == 0 || n <= 1) {
        return max;
    }
    if (n == 2) {
        return hypot(v[0], v[1]);
    }
    double sum = 0.0, c = 0.0;
    for (size_t i = 0; i < n; i++) {
        double x = v[i] / max;
        double t = sum + x * x;
        c += fabs(sum) >= fabs(x * x) ? (sum - t) + x * x : (x * x - t) + sum;
        sum = t;
    }
    return max * sqrt(sum + c);
}

static VmStatus
norm_of(VmRun *run, VmValue *items, VmValue *others, size_t n, VmValue *out)
{
    double *v = vm_heap_alloc(run, (n + 1) * sizeof(double));
    if (v == NULL) {
        return VM_ERR;
    }
    double max = 0.0;
    bool found_nan = false;
    for (size_t i = 0; i < n; i++) {
        double x, y = 0;
        if (to_double(run, items[i], &x) != VM_OK
            || (others != NULL && to_double(run, others[i], &y) != VM_OK)) {
            vm_heap_free(run, v);
            return VM_ERR;
        }
        x = fabs(x - y);
        v[i] = x;
        found_nan |= isnan(x);
        if (x > max) {
            max = x;
        }
    }
    double r = vector_norm(v, n, max, found_nan);
    vm_heap_free(run, v);
    *out = vm_val_float(r);
    return VM_OK;
}

DEF(hypot)
{
    if (vm_no_kwargs(run, "hypot", kwnames) != VM_OK) {
        return VM_ERR;
    }
    return norm_of(run, args, NULL, nargs, out);
}

DEF(dist)
{
    VmList *p = NULL, *q = NULL;
    if (npos(run, "dist", nargs, kwnames, 2, 2) != VM_OK) {
        return VM_ERR;
    }
    VmStatus st = collect(run, args[0], "_math_dist", &p);
    if (st != VM_OK) {
        return st;
    }
    st = collect(run, args[1], "_math_dist", &q);
    if (st != VM_OK) {
        return st;
    }
    if (p->len != q->len) {
        return vm_raise(run, &vm_exc_ValueError,
                        "both points must have the same number of dimensions");
    }
    return norm_of(run, p->items, q->items, p->len, out);
}

static const VmModuleMember members[] = {
    VM_MEMBER_B("acos", &b_acos), VM_MEMBER_B("acosh", &b_acosh), VM_MEMBER_B("asin", &b_asin),
    VM_MEMBER_B("asinh", &b_asinh), VM_MEMBER_B("atan", &b_atan), VM_MEMBER_B("atan2", &b_atan2),
    VM_MEMBER_B("atanh", &b_atanh), VM_MEMBER_B("cbrt", &b_cbrt), VM_MEMBER_B("ceil", &b_ceil),
    VM_MEMBER_B("comb", &b_comb), VM_MEMBER_B("copysign", &b_copysign),
    VM_MEMBER_B("cos", &b_cos), VM_MEMBER_B("cosh", &b_cosh), VM_MEMBER_B("degrees", &b_degrees),
    VM_MEMBER_B("dist", &b_dist), VM_MEMBER_B("erf", &b_erf), VM_MEMBER_B("erfc", &b_erfc),
    VM_MEMBER_B("exp", &b_exp), VM_MEMBER_B("exp2", &b_exp2), VM_MEMBER_B("expm1", &b_expm1),
    VM_MEMBER_B("fabs", &b_fabs), VM_MEMBER_B("factorial", &b_factorial),
    VM_MEMBER_B("floor", &b_floor), VM_MEMBER_B("fma", &b_fma), VM_MEMBER_B("fmod", &b_fmod),
    VM_MEMBER_B("frexp", &b_frexp), VM_MEMBER_B("fsum", &b_fsum), VM_MEMBER_B("gamma", &b_gamma),
    VM_MEMBER_B("gcd", &b_gcd), VM_MEMBER_B("hypot", &b_hypot),
    VM_MEMBER_B("isclose", &b_isclose), VM_MEMBER_B("isfinite", &b_isfinite),
    VM_MEMBER_B("isinf", &b_isinf), VM_MEMBER_B("isnan", &b_isnan),
    VM_MEMBER_B("isqrt", &b_isqrt), VM_MEMBER_B("lcm", &b_lcm), VM_MEMBER_B("ldexp", &b_ldexp),
    VM_MEMBER_B("lgamma", &b_lgamma), VM_MEMBER_B("log", &b_log), VM_MEMBER_B("log10", &b_log10),
    VM_MEMBER_B("log1p", &b_log1p), VM_MEMBER_B("log2", &b_log2), VM_MEMBER_B("modf", &b_modf),
    VM_MEMBER_B("nextafter", &b_nextafter), VM_MEMBER_B("perm", &b_perm),
    VM_MEMBER_B("pow", &b_pow), VM_MEMBER_B("prod", &b_prod),
    VM_MEMBER_B("radians", &b_radians), VM_MEMBER_B("remainder", &b_remainder),
    VM_MEMBER_B("sin", &b_sin), VM_MEMBER_B("sinh", &b_sinh), VM_MEMBER_B("sqrt", &b_sqrt),
    VM_MEMBER_B("sumprod", &b_sumprod), VM_MEMBER_B("tan", &b_tan), VM_MEMBER_B("tanh", &b_tanh),
    VM_MEMBER_B("trunc", &b_trunc), VM_MEMBER_B("ulp", &b_ulp),
    VM_MEMBER_F("e", M_E), VM_MEMBER_F("pi", M_PI), VM_MEMBER_F("tau", 2 * M_PI),
    VM_MEMBER_F("inf", INFINITY), VM_MEMBER_F("nan", NAN),
};

VM_MODULE_DEF(math, "math", members);
