/*
 * mod_math.c — the math module: C libm with CPython's argument conversion and
 * error rules ("math domain error" ValueError, "math range error" OverflowError),
 * exact integer functions on big ints.
 */
#include <errno.h>
#include <math.h>
#include <string.h>

#include "vm/vm_int.h"

/* float(x) for a real number argument, TypeError otherwise. */
static VmStatus
to_double(VmRun *run, VmValue v, double *out)
{
    if (v.tag == VM_TAG_FLOAT) {
        *out = v.u.f;
        return VM_OK;
    }
    if (vm_is_int(v)) {
        return vm_int_to_double(run, v, out);
    }
    return vm_raise(run, &vm_exc_TypeError, "must be real number, not %s", vm_type_name(v));
}

static VmStatus
result(VmRun *run, double x, double r, bool domain_check, VmValue *out)
{
    if (isnan(r) && !isnan(x) && domain_check) {
        return vm_raise(run, &vm_exc_ValueError, "math domain error");
    }
    if (isinf(r) && isfinite(x)) {
        return vm_raise(run, &vm_exc_OverflowError, "math range error");
    }
    *out = vm_val_float(r);
    return VM_OK;
}

static VmStatus
one_arg(VmRun *run, const char *name, VmValue *args, size_t nargs, VmTuple *kwnames, double *x)
{
    if (kwnames != NULL || nargs != 1) {
        return vm_raise(run, &vm_exc_TypeError, "math.%s() takes exactly one argument (%zu given)",
                        name, nargs);
    }
    return to_double(run, args[0], x);
}

#define UNARY(cname, cfn, domain) \
    static VmStatus m_##cname(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, \
                              VmValue *out) \
    { \
        double x; \
        if (one_arg(run, #cname, args, nargs, kwnames, &x) != VM_OK) { \
            return VM_ERR; \
        } \
        if (domain) { \
            return vm_raise(run, &vm_exc_ValueError, "math domain error"); \
        } \
        return result(run, x, cfn(x), true, out); \
    } \
    static const VmBuiltin b_##cname = { VM_IMMORTAL_HDR(&vm_type_builtin), #cname, m_##cname, \
                                         NULL };

UNARY(sqrt, sqrt, x < 0)
UNARY(exp, exp, false)
UNARY(expm1, expm1, false)
UNARY(log2, log2, x <= 0)
UNARY(log10, log10, x <= 0)
UNARY(log1p, log1p, x <= -1)
UNARY(sin, sin, isinf(x))
UNARY(cos, cos, isinf(x))
UNARY(tan, tan, isinf(x))
UNARY(asin, asin, x < -1 || x > 1)
UNARY(acos, acos, x < -1 || x > 1)
UNARY(atan, atan, false)
UNARY(sinh, sinh, false)
UNARY(cosh, cosh, false)
UNARY(tanh, tanh, false)
UNARY(fabs, fabs, false)
UNARY(degrees, (180.0 / M_PI) *, false)
UNARY(cbrt, cbrt, false)
UNARY(exp2, exp2, false)
UNARY(erf, erf, false)
UNARY(erfc, erfc, false)
UNARY(gamma, tgamma, x <= 0 && x == floor(x))
UNARY(lgamma, lgamma, x <= 0 && x == floor(x))
UNARY(asinh, asinh, false)
UNARY(acosh, acosh, x < 1)
UNARY(atanh, atanh, x <= -1 || x >= 1)
UNARY(radians, (M_PI / 180.0) *, false)

#define NATIVE(cname) \
    static VmStatus m_##cname(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, \
                              VmValue *out); \
    static const VmBuiltin b_##cname = { VM_IMMORTAL_HDR(&vm_type_builtin), #cname, m_##cname, \
                                         NULL }; \
    static VmStatus m_##cname(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, \
                              VmValue *out)

static VmStatus
round_fn(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out, int mode,
         const char *name)
{
    if (kwnames != NULL || nargs != 1) {
        return vm_raise(run, &vm_exc_TypeError, "math.%s() takes exactly one argument (%zu given)",
                        name, nargs);
    }
    VmValue v = args[0];
    if (vm_is_int(v)) {
        *out = v.tag == VM_TAG_BOOL ? vm_val_int(v.u.i) : v;
        return VM_OK;
    }
    double x;
    if (to_double(run, v, &x) != VM_OK) {
        return VM_ERR;
    }
    double r = mode == 0 ? floor(x) : mode == 1 ? ceil(x) : trunc(x);
    return vm_int_from_double(run, r, out);
}

NATIVE(floor)
{
    return round_fn(run, args, nargs, kwnames, out, 0, "floor");
}

NATIVE(ceil)
{
    return round_fn(run, args, nargs, kwnames, out, 1, "ceil");
}

NATIVE(trunc)
{
    return round_fn(run, args, nargs, kwnames, out, 2, "trunc");
}

static VmStatus
two_doubles(VmRun *run, const char *name, VmValue *args, size_t nargs, VmTuple *kwnames,
            double *x, double *y)
{
    if (kwnames != NULL || nargs != 2) {
        return vm_raise(run, &vm_exc_TypeError, "%s expected 2 arguments, got %zu", name, nargs);
    }
    if (to_double(run, args[0], x) != VM_OK || to_double(run, args[1], y) != VM_OK) {
        return VM_ERR;
    }
    return VM_OK;
}

NATIVE(log)
{
    if (kwnames != NULL || nargs < 1 || nargs > 2) {
        return vm_raise(run, &vm_exc_TypeError, "log expected 1 or 2 arguments, got %zu", nargs);
    }
    double x, b = M_E;
    if (to_double(run, args[0], &x) != VM_OK
        || (nargs == 2 && to_double(run, args[1], &b) != VM_OK)) {
        return VM_ERR;
    }
    if (x <= 0 || (nargs == 2 && b <= 0)) {
        return vm_raise(run, &vm_exc_ValueError, "math domain error");
    }
    double r = log(x);
    if (nargs == 2) {
        double lb = log(b);
        if (lb == 0) {
            return vm_raise(run, &vm_exc_ZeroDivisionError, "float division by zero");
        }
        r /= lb;
    }
    *out = vm_val_float(r);
    return VM_OK;
}

NATIVE(pow)
{
    double x, y;
    if (two_doubles(run, "pow", args, nargs, kwnames, &x, &y) != VM_OK) {
        return VM_ERR;
    }
    if ((x == 0 && y < 0) || (x < 0 && isfinite(x) && isfinite(y) && y != floor(y))) {
        return vm_raise(run, &vm_exc_ValueError, "math domain error");
    }
    double r = pow(x, y);
    if (isinf(r) && isfinite(x) && isfinite(y)) {
        return vm_raise(run, &vm_exc_OverflowError, "math range error");
    }
    *out = vm_val_float(r);
    return VM_OK;
}

NATIVE(atan2)
{
    double x, y;
    if (two_doubles(run, "atan2", args, nargs, kwnames, &y, &x) != VM_OK) {
        return VM_ERR;
    }
    *out = vm_val_float(atan2(y, x));
    return VM_OK;
}

NATIVE(copysign)
{
    double x, y;
    if (two_doubles(run, "copysign", args, nargs, kwnames, &x, &y) != VM_OK) {
        return VM_ERR;
    }
    *out = vm_val_float(copysign(x, y));
    return VM_OK;
}

NATIVE(fmod)
{
    double x, y;
    if (two_doubles(run, "fmod", args, nargs, kwnames, &x, &y) != VM_OK) {
        return VM_ERR;
    }
    if (y == 0 || isinf(x)) {
        return vm_raise(run, &vm_exc_ValueError, "math domain error");
    }
    *out = vm_val_float(fmod(x, y));
    return VM_OK;
}

NATIVE(remainder)
{
    double x, y;
    if (two_doubles(run, "remainder", args, nargs, kwnames, &x, &y) != VM_OK) {
        return VM_ERR;
    }
    if (y == 0 || isinf(x)) {
        return vm_raise(run, &vm_exc_ValueError, "math domain error");
    }
    *out = vm_val_float(remainder(x, y));
    return VM_OK;
}

NATIVE(ldexp)
{
    double x;
    int64_t e;
    if (kwnames != NULL || nargs != 2) {
        return vm_raise(run, &vm_exc_TypeError, "ldexp expected 2 arguments, got %zu", nargs);
    }
    if (to_double(run, args[0], &x) != VM_OK || vm_index(run, args[1], &e) != VM_OK) {
        return VM_ERR;
    }
    double r = ldexp(x, (int)(e > 100000 ? 100000 : e < -100000 ? -100000 : e));
    return result(run, x, r, false, out);
}

NATIVE(hypot)
{
    if (kwnames != NULL) {
        return vm_raise(run, &vm_exc_TypeError, "hypot() takes no keyword arguments");
    }
    double acc = 0;
    for (size_t i = 0; i < nargs; i++) {
        double x;
        if (to_double(run, args[i], &x) != VM_OK) {
            return VM_ERR;
        }
        acc = hypot(acc, x);
    }
    *out = vm_val_float(acc);
    return VM_OK;
}

NATIVE(dist)
{
    if (kwnames != NULL || nargs != 2) {
        return vm_raise(run, &vm_exc_TypeError, "dist expected 2 arguments, got %zu", nargs);
    }
    VmValue p, q;
    if (vm_list_from_iter(run, args[0], &p) != VM_OK
        || vm_list_from_iter(run, args[1], &q) != VM_OK) {
        return VM_ERR;
    }
    VmList *a = VM_AS(VmList, p), *b = VM_AS(VmList, q);
    if (a->len != b->len) {
        return vm_raise(run, &vm_exc_ValueError,
                        "both points must have the same number of dimensions");
    }
    double acc = 0;
    for (size_t i = 0; i < a->len; i++) {
        double x, y;
        if (to_double(run, a->items[i], &x) != VM_OK || to_double(run, b->items[i], &y) != VM_OK) {
            return VM_ERR;
        }
        acc = hypot(acc, x - y);
    }
    *out = vm_val_float(acc);
    return VM_OK;
}

static VmStatus
one_pred(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, const char *name, int which,
         VmValue *out)
{
    double x;
    if (one_arg(run, name, args, nargs, kwnames, &x) != VM_OK) {
        return VM_ERR;
    }
    *out = vm_val_bool(which == 0 ? isfinite(x) : which == 1 ? isinf(x) : isnan(x));
    return VM_OK;
}

NATIVE(isfinite)
{
    return one_pred(run, args, nargs, kwnames, "isfinite", 0, out);
}

NATIVE(isinf)
{
    return one_pred(run, args, nargs, kwnames, "isinf", 1, out);
}

NATIVE(isnan)
{
    return one_pred(run, args, nargs, kwnames, "isnan", 2, out);
}

NATIVE(isclose)
{
    static const char *const names[] = { "a", "b", "rel_tol", "abs_tol" };
    VmValue a[4];
    if (vm_parse_args(run, "isclose", args, nargs, kwnames, names, 4, 2, 2, a) != VM_OK) {
        return VM_ERR;
    }
    double x, y, rel = 1e-9, abs_tol = 0.0;
    if (to_double(run, a[0], &x) != VM_OK || to_double(run, a[1], &y) != VM_OK
        || (!vm_val_is_empty(a[2]) && to_double(run, a[2], &rel) != VM_OK)
        || (!vm_val_is_empty(a[3]) && to_double(run, a[3], &abs_tol) != VM_OK)) {
        return VM_ERR;
    }
    if (rel < 0 || abs_tol < 0) {
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
    *out = vm_val_bool((diff <= fabs(rel * y)) || (diff <= fabs(rel * x)) || diff <= abs_tol);
    return VM_OK;
}

NATIVE(modf)
{
    double x, ip;
    if (one_arg(run, "modf", args, nargs, kwnames, &x) != VM_OK) {
        return VM_ERR;
    }
    double fp = modf(x, &ip);
    VmTuple *t = vm_tuple_new(run, 2);
    if (t == NULL) {
        return VM_ERR;
    }
    t->items[0] = vm_val_float(fp);
    t->items[1] = vm_val_float(ip);
    *out = vm_obj_val(t);
    return VM_OK;
}

NATIVE(frexp)
{
    double x;
    int e;
    if (one_arg(run, "frexp", args, nargs, kwnames, &x) != VM_OK) {
        return VM_ERR;
    }
    double m = frexp(x, &e);
    VmTuple *t = vm_tuple_new(run, 2);
    if (t == NULL) {
        return VM_ERR;
    }
    t->items[0] = vm_val_float(m);
    t->items[1] = vm_val_int(e);
    *out = vm_obj_val(t);
    return VM_OK;
}

NATIVE(fsum)
{
    if (kwnames != NULL || nargs != 1) {
        return vm_raise(run, &vm_exc_TypeError, "fsum() takes exactly one argument (%zu given)",
                        nargs);
    }
    VmValue lst;
    if (vm_list_from_iter(run, args[0], &lst) != VM_OK) {
        return VM_ERR;
    }
    /* Shewchuk's exact partials (as CPython's msum) */
    VmList *l = VM_AS(VmList, lst);
    double partials[64];
    size_t np = 0;
    for (size_t i = 0; i < l->len; i++) {
        double x;
        if (to_double(run, l->items[i], &x) != VM_OK) {
            return VM_ERR;
        }
        size_t k = 0;
        for (size_t j = 0; j < np; j++) {
            double y = partials[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) {
                partials[k++] = lo;
            }
            x = hi;
        }
        np = k;
        if (np < 64) {
            partials[np++] = x;
        }
    }
    double sum = 0.0;
    if (np > 0) {
        sum = partials[--np];
        while (np > 0) {
            double x = sum, y = partials[--np];
            sum = x + y;
            double yr = sum - x;
            double lo = y - yr;
            if (lo != 0.0) {
                if (np > 0 && ((lo < 0 && partials[np - 1] < 0)
                               || (lo > 0 && partials[np - 1] > 0))) {
                    y = lo * 2;
                    x = sum + y;
                    yr = x - sum;
                    if (y == yr) {
                        sum = x;
                    }
                }
                break;
            }
        }
    }
    *out = vm_val_float(sum);
    return VM_OK;
}

static VmStatus
need_int(VmRun *run, VmValue v)
{
    if (!vm_is_int(v)) {
        return vm_raise(run, &vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                        vm_type_name(v));
    }
    return VM_OK;
}

NATIVE(factorial)
{
    if (kwnames != NULL || nargs != 1) {
        return vm_raise(run, &vm_exc_TypeError,
                        "factorial() takes exactly one argument (%zu given)", nargs);
    }
    int64_t n;
    if (need_int(run, args[0]) != VM_OK || vm_index(run, args[0], &n) != VM_OK) {
        return VM_ERR;
    }
    if (n < 0) {
        return vm_raise(run, &vm_exc_ValueError, "factorial() not defined for negative values");
    }
    if (vm_heap_check(run, (size_t)(n > 1 ? (double)n * log2((double)n) / 8 : 1)) != VM_OK) {
        return VM_ERR;
    }
    VmValue acc = vm_val_int(1);
    for (int64_t i = 2; i <= n; i++) {
        if (vm_binop(run, VM_OP_MUL, acc, vm_val_int(i), &acc) != VM_OK) {
            return VM_ERR;
        }
        if ((i & 1023) == 0 && vm_check_time(run) != VM_OK) {
            return VM_ERR;
        }
    }
    *out = acc;
    return VM_OK;
}

static VmStatus
gcd2(VmRun *run, VmValue a, VmValue b, VmValue *out)
{
    mp_int x, y, r;
    if (vm_int_to_mp(run, a, &x) != VM_OK) {
        return VM_ERR;
    }
    if (vm_int_to_mp(run, b, &y) != VM_OK) {
        mp_clear(&x);
        return VM_ERR;
    }
    if (mp_init(&r) != MP_OKAY || mp_gcd(&x, &y, &r) != MP_OKAY) {
        mp_clear_multi(&x, &y, &r, NULL);
        return vm_raise(run, &vm_exc_MemoryError, "%s", "");
    }
    mp_clear_multi(&x, &y, NULL);
    *out = vm_int_from_mp(run, &r);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

NATIVE(gcd)
{
    VmValue acc = vm_val_int(0);
    for (size_t i = 0; i < nargs; i++) {
        if (need_int(run, args[i]) != VM_OK || gcd2(run, acc, args[i], &acc) != VM_OK) {
            return VM_ERR;
        }
    }
    *out = acc;
    return VM_OK;
}

NATIVE(lcm)
{
    VmValue acc = vm_val_int(1);
    for (size_t i = 0; i < nargs; i++) {
        VmValue g, p;
        if (need_int(run, args[i]) != VM_OK) {
            return VM_ERR;
        }
        if (vm_int_sign(args[i]) == 0) {
            *out = vm_val_int(0);
            return VM_OK;
        }
        if (gcd2(run, acc, args[i], &g) != VM_OK
            || vm_binop(run, VM_OP_MUL, acc, args[i], &p) != VM_OK
            || vm_binop(run, VM_OP_FLOORDIV, p, g, &acc) != VM_OK) {
            return VM_ERR;
        }
        if (vm_int_sign(acc) < 0 && vm_unaryop(run, VM_UOP_NEG, acc, &acc) != VM_OK) {
            return VM_ERR;
        }
    }
    *out = acc;
    return VM_OK;
}

NATIVE(isqrt)
{
    if (kwnames != NULL || nargs != 1) {
        return vm_raise(run, &vm_exc_TypeError, "isqrt() takes exactly one argument (%zu given)",
                        nargs);
    }
    if (need_int(run, args[0]) != VM_OK) {
        return VM_ERR;
    }
    if (vm_int_sign(args[0]) < 0) {
        return vm_raise(run, &vm_exc_ValueError, "isqrt() argument must be nonnegative");
    }
    mp_int x, r;
    if (vm_int_to_mp(run, args[0], &x) != VM_OK) {
        return VM_ERR;
    }
    if (mp_init(&r) != MP_OKAY || mp_sqrt(&x, &r) != MP_OKAY) {
        mp_clear_multi(&x, &r, NULL);
        return vm_raise(run, &vm_exc_MemoryError, "%s", "");
    }
    mp_clear(&x);
    *out = vm_int_from_mp(run, &r);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

static VmStatus
comb_perm(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, bool comb, VmValue *out)
{
    if (kwnames != NULL || nargs < 1 || nargs > 2 || (comb && nargs != 2)) {
        return vm_raise(run, &vm_exc_TypeError, "%s expected 2 arguments, got %zu",
                        comb ? "comb" : "perm", nargs);
    }
    int64_t n, k;
    if (need_int(run, args[0]) != VM_OK || vm_index(run, args[0], &n) != VM_OK) {
        return VM_ERR;
    }
    k = n;
    if (nargs == 2 && !vm_val_is_none(args[1])
        && (need_int(run, args[1]) != VM_OK || vm_index(run, args[1], &k) != VM_OK)) {
        return VM_ERR;
    }
    if (n < 0) {
        return vm_raise(run, &vm_exc_ValueError, "n must be a non-negative integer");
    }
    if (k < 0) {
        return vm_raise(run, &vm_exc_ValueError, "k must be a non-negative integer");
    }
    if (k > n) {
        *out = vm_val_int(0);
        return VM_OK;
    }
    if (comb && k > n - k) {
        k = n - k;
    }
    VmValue acc = vm_val_int(1);
    for (int64_t i = 0; i < k; i++) {
        if (vm_binop(run, VM_OP_MUL, acc, vm_val_int(n - i), &acc) != VM_OK) {
            return VM_ERR;
        }
        if (comb && vm_binop(run, VM_OP_FLOORDIV, acc, vm_val_int(i + 1), &acc) != VM_OK) {
            return VM_ERR;
        }
        if ((i & 1023) == 1023 && vm_check_time(run) != VM_OK) {
            return VM_ERR;
        }
    }
    *out = acc;
    return VM_OK;
}

NATIVE(comb)
{
    return comb_perm(run, args, nargs, kwnames, true, out);
}

NATIVE(perm)
{
    return comb_perm(run, args, nargs, kwnames, false, out);
}

NATIVE(prod)
{
    static const char *const names[] = { "iterable", "start" };
    VmValue a[2];
    if (vm_parse_args(run, "prod", args, nargs, kwnames, names, 2, 1, 1, a) != VM_OK) {
        return VM_ERR;
    }
    VmValue acc = vm_val_is_empty(a[1]) ? vm_val_int(1) : a[1], it, v;
    if (vm_iter(run, a[0], &it) != VM_OK) {
        return VM_ERR;
    }
    for (;;) {
        VmStatus st = vm_next(run, it, &v);
        if (st == VM_STOP) {
            break;
        }
        if (st != VM_OK || vm_binop(run, VM_OP_MUL, acc, v, &acc) != VM_OK) {
            return VM_ERR;
        }
    }
    *out = acc;
    return VM_OK;
}

static const VmBuiltin *const math_fns[] = {
    &b_sqrt, &b_exp, &b_expm1, &b_log2, &b_log10, &b_log1p, &b_sin, &b_cos, &b_tan, &b_asin,
    &b_acos, &b_atan, &b_sinh, &b_cosh, &b_tanh, &b_fabs, &b_degrees, &b_radians, &b_floor,
    &b_ceil, &b_trunc, &b_log, &b_pow, &b_atan2, &b_copysign, &b_fmod, &b_ldexp, &b_hypot,
    &b_dist, &b_isfinite, &b_isinf, &b_isnan, &b_isclose, &b_modf, &b_frexp, &b_fsum,
    &b_factorial, &b_gcd, &b_lcm, &b_isqrt, &b_comb, &b_perm, &b_prod, &b_cbrt, &b_exp2,
    &b_erf, &b_erfc, &b_gamma, &b_lgamma, &b_asinh, &b_acosh, &b_atanh, &b_remainder, NULL,
};

/* vm_mod_math_init: fills the math module's namespace. */
VmStatus
vm_mod_math_init(VmRun *run, VmDict *d)
{
    if (vm_module_add_builtins(run, d, math_fns) != VM_OK
        || vm_module_add(run, d, "pi", vm_val_float(M_PI)) != VM_OK
        || vm_module_add(run, d, "e", vm_val_float(M_E)) != VM_OK
        || vm_module_add(run, d, "tau", vm_val_float(2 * M_PI)) != VM_OK
        || vm_module_add(run, d, "inf", vm_val_float(INFINITY)) != VM_OK
        || vm_module_add(run, d, "nan", vm_val_float(NAN)) != VM_OK) {
        return VM_ERR;
    }
    return VM_OK;
}
