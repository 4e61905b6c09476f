/*
 * lib_float.c - float operations with Python semantics (see lib_float.h).
 * Follows CPython's Objects/floatobject.c (float_rem, float_divmod,
 * float_pow, double_round, float_hex) and long_true_divide.
 */
#include "vm/lib_float.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/bigint.h"

static bool
zero_div(VmLibError *err, const char *msg)
{
    return vm_lib_error_set(err, VM_LIB_ZERO_DIVISION_ERROR, "%s", msg);
}

/*
 * x % y (see header).
 */
bool
vm_float_mod(double x, double y, double *out, VmLibError *err)
{
    if (y == 0.0) {
        return zero_div(err, "float modulo by zero");
    }
    double mod = fmod(x, y);
    if (mod != 0.0) {
        if ((y < 0) != (mod < 0)) {
            mod += y;
        }
    } else {
        mod = copysign(0.0, y);
    }
    *out = mod;
    return true;
}

/* CPython's float_divmod core (y != 0). */
static void
divmod_core(double x, double y, double *q, double *r)
{
    double mod = fmod(x, y);
    double div = (x - mod) / y;
    if (mod != 0.0) {
        if ((y < 0) != (mod < 0)) {
            mod += y;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, y);
    }
    double floordiv;
    if (div != 0.0) {
        floordiv = floor(div);
        if (div - floordiv > 0.5) {
            floordiv += 1.0;
        }
    } else {
        floordiv = copysign(0.0, x / y);
    }
    *q = floordiv;
    *r = mod;
}

/*
 * x // y (see header).
 */
bool
vm_float_floordiv(double x, double y, double *out, VmLibError *err)
{
    if (y == 0.0) {
        return zero_div(err, "float floor division by zero");
    }
    double r;
    divmod_core(x, y, out, &r);
    return true;
}

/*
 * divmod(x, y) (see header).
 */
bool
vm_float_divmod(double x, double y, double *q, double *r, VmLibError *err)
{
    if (y == 0.0) {
        return zero_div(err, "float divmod()");
    }
    divmod_core(x, y, q, r);
    return true;
}

/*
 * x / y (see header).
 */
bool
vm_float_truediv(double x, double y, double *out, VmLibError *err)
{
    if (y == 0.0) {
        return zero_div(err, "float division by zero");
    }
    *out = x / y;
    return true;
}

static bool
is_odd_integer(double d)
{
    /* An odd integer has |d| < 2**53 and an odd value. */
    return fmod(fabs(d), 2.0) == 1.0;
}

/*
 * x ** y (see header).
 */
VmFloatPow
vm_float_pow(double iv, double iw, double *out, VmLibError *err)
{
    bool negate = false;
    if (iw == 0.0) {
        *out = 1.0;
        return VM_FLOAT_POW_OK;
    }
    if (isnan(iv)) {
        *out = iv;
        return VM_FLOAT_POW_OK;
    }
    if (isnan(iw)) {
        *out = iv == 1.0 ? 1.0 : iw;
        return VM_FLOAT_POW_OK;
    }
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0) {
            *out = 1.0;
        } else if ((iw > 0.0) == (iv > 1.0)) {
            *out = fabs(iw);
        } else {
            *out = 0.0;
        }
        return VM_FLOAT_POW_OK;
    }
    if (isinf(iv)) {
        bool odd = is_odd_integer(iw);
        if (iw > 0.0) {
            *out = odd ? iv : fabs(iv);
        } else {
            *out = odd ? copysign(0.0, iv) : 0.0;
        }
        return VM_FLOAT_POW_OK;
    }
    if (iv == 0.0) {
        bool odd = is_odd_integer(iw);
        if (iw < 0.0) {
            vm_lib_error_set(err, VM_LIB_ZERO_DIVISION_ERROR,
                             "0.0 cannot be raised to a negative power");
            return VM_FLOAT_POW_ERROR;
        }
        *out = odd ? iv : 0.0;
        return VM_FLOAT_POW_OK;
    }
    if (iv < 0.0) {
        if (iw != floor(iw)) {
            return VM_FLOAT_POW_COMPLEX;
        }
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0) {
        *out = negate ? -1.0 : 1.0;
        return VM_FLOAT_POW_OK;
    }
    double r = pow(iv, iw);
    if (isinf(r)) {
        vm_lib_error_set(err, VM_LIB_OVERFLOW_ERROR, "(34, 'Numerical result out of range')");
        return VM_FLOAT_POW_ERROR;
    }
    *out = negate ? -r : r;
    return VM_FLOAT_POW_OK;
}

/*
 * round(x) (see header).
 */
double
vm_float_round_int(double x)
{
    double r = round(x);
    if (fabs(x - r) == 0.5) {
        r = 2.0 * round(x / 2.0);
    }
    return r;
}

/* q = a / b rounded half to even (b > 0). */
static bool
div_round_even(const mp_int *a, const mp_int *b, mp_int *q, VmLibError *err)
{
    mp_int r, twice;
    if (mp_init_multi(&r, &twice, NULL) != MP_OKAY) {
        return vm_lib_error_set(err, VM_LIB_NO_MEMORY, "out of memory");
    }
    bool ok = vm_bigint_divmod(a, b, q, &r, false, err);
    if (ok) {
        ok = mp_mul_2(&r, &twice) == MP_OKAY;
        int c = mp_cmp(&twice, b);
        if (ok && (c == MP_GT || (c == MP_EQ && mp_isodd(q)))) {
            ok = mp_add_d(q, 1, q) == MP_OKAY;
        }
        if (!ok) {
            vm_lib_error_set(err, VM_LIB_NO_MEMORY, "out of memory");
        }
    }
    mp_clear_multi(&r, &twice, NULL);
    return ok;
}

/* Negative ndigits: the multiple of 10**-nd nearest |x| (half even), exactly. */
static bool
round_negative(double x, int nd, double *out, VmLibError *err)
{
    int e;
    double f = frexp(fabs(x), &e);
    mp_int m, den, q, p;
    if (mp_init_multi(&m, &den, &q, &p, NULL) != MP_OKAY) {
        return vm_lib_error_set(err, VM_LIB_NO_MEMORY, "out of memory");
    }
    bool ok = mp_set_double(&m, ldexp(f, 53)) == MP_OKAY;
    e -= 53;
    /* |x| = m * 2**e; q = round(m * 2**e / 10**-nd). */
    mp_set(&p, 10);
    ok = ok && mp_expt_u32(&p, (uint32_t)-nd, &p) == MP_OKAY;
    if (ok && e >= 0) {
        ok = mp_mul_2d(&m, e, &m) == MP_OKAY && mp_copy(&p, &den) == MP_OKAY;
    } else if (ok) {
        ok = mp_mul_2d(&p, -e, &den) == MP_OKAY;
    }
    if (!ok) {
        mp_clear_multi(&m, &den, &q, &p, NULL);
        return vm_lib_error_set(err, VM_LIB_NO_MEMORY, "out of memory");
    }
    ok = div_round_even(&m, &den, &q, err);
    if (ok) {
        char buf[400];
        size_t n = 0;
        if (signbit(x)) {
            buf[n++] = '-';
        }
        if (mp_to_radix(&q, buf + n, sizeof buf - n - 16, NULL, 10) != MP_OKAY) {
            ok = vm_lib_error_set(err, VM_LIB_NO_MEMORY, "out of memory");
        } else {
            n = strlen(buf);
            snprintf(buf + n, sizeof buf - n, "e%d", -nd);
            *out = strtod(buf, NULL);
        }
    }
    mp_clear_multi(&m, &den, &q, &p, NULL);
    return ok;
}

#define NDIGITS_MAX ((int)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103))
#define NDIGITS_MIN (-(int)((DBL_MAX_EXP + 1) * 0.30103))

/*
 * round(x, ndigits) (see header).
 */
bool
vm_float_round(double x, int64_t ndigits, double *out, VmLibError *err)
{
    if (!isfinite(x) || ndigits > NDIGITS_MAX) {
        *out = x;
        return true;
    }
    if (ndigits < NDIGITS_MIN) {
        *out = 0.0 * x;
        return true;
    }
    double r = 0.0; /* set on every path; GCC -O2 cannot see it */
    if (ndigits >= 0) {
        /* glibc's %.*f is correctly rounded (half even on exact ties). */
        char buf[720];
        snprintf(buf, sizeof buf, "%.*f", (int)ndigits, x);
        r = strtod(buf, NULL);
    } else if (!round_negative(x, (int)ndigits, &r, err)) {
        return false;
    }
    if (isinf(r)) {
        return vm_lib_error_set(err, VM_LIB_OVERFLOW_ERROR, "rounded value too large to represent");
    }
    *out = r;
    return true;
}

/*
 * float.hex() (see header).
 */
size_t
vm_float_hex(double x, char *out)
{
    if (isnan(x)) {
        return (size_t)snprintf(out, VM_FLOAT_HEX_SIZE, "nan");
    }
    if (isinf(x)) {
        return (size_t)snprintf(out, VM_FLOAT_HEX_SIZE, x < 0 ? "-inf" : "inf");
    }
    if (x == 0.0) {
        return (size_t)snprintf(out, VM_FLOAT_HEX_SIZE, signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    }
    int e;
    double m = frexp(fabs(x), &e);
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    char digits[20];
    int si = 0;
    digits[si++] = "0123456789abcdef"[(int)m];
    m -= (int)m;
    digits[si++] = '.';
    for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) {
        m *= 16.0;
        digits[si++] = "0123456789abcdef"[(int)m];
        m -= (int)m;
    }
    digits[si] = '\0';
    return (size_t)snprintf(out, VM_FLOAT_HEX_SIZE, "%s0x%sp%c%d", x < 0 ? "-" : "", digits,
                            e < 0 ? '-' : '+', e < 0 ? -e : e);
}

/*
 * float.as_integer_ratio() (see header).
 */
bool
vm_float_as_integer_ratio(double x, mp_int *num, mp_int *den, VmLibError *err)
{
    if (isinf(x)) {
        return vm_lib_error_set(err, VM_LIB_OVERFLOW_ERROR,
                                "cannot convert Infinity to integer ratio");
    }
    if (isnan(x)) {
        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "cannot convert NaN to integer ratio");
    }
    int e;
    double f = frexp(x, &e);
    /* Scale the mantissa to an integer: at most 53 doublings. */
    for (int i = 0; i < 300 && f != floor(f); i++) {
        f *= 2.0;
        e--;
    }
    if (mp_set_double(num, f) != MP_OKAY) {
        return vm_lib_error_set(err, VM_LIB_NO_MEMORY, "out of memory");
    }
    mp_set(den, 1);
    mp_err r = e > 0 ? mp_mul_2d(num, e, num) : mp_mul_2d(den, -e, den);
    if (r != MP_OKAY) {
        return vm_lib_error_set(err, VM_LIB_NO_MEMORY, "out of memory");
    }
    return true;
}

/*
 * Correctly rounded int / int (see header): scale so the quotient has 55
 * significant bits, fold the remainder into a sticky bit, and let the
 * conversion of that 55-bit integer round once.
 */
bool
vm_float_int_truediv(const mp_int *a, const mp_int *b, double *out, VmLibError *err)
{
    if (mp_iszero(b)) {
        return zero_div(err, "division by zero");
    }
    bool neg = mp_isneg(a) != mp_isneg(b);
    if (mp_iszero(a)) {
        *out = neg ? -0.0 : 0.0;
        return true;
    }
    int na = mp_count_bits(a), nb = mp_count_bits(b);
    if (na <= 53 && nb <= 53) {
        double x, y;
        vm_bigint_to_double(a, &x, err);
        vm_bigint_to_double(b, &y, err);
        *out = x / y;
        return true;
    }
    /* 2**(diff-1) <= |a/b| < 2**(diff+1). */
    int diff = na - nb;
    if (diff > DBL_MAX_EXP + 1) {
        return vm_lib_error_set(err, VM_LIB_OVERFLOW_ERROR,
                                "integer division result too large for a float");
    }
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 2) {
        *out = neg ? -0.0 : 0.0;
        return true;
    }
    /* Bits to keep: 55, fewer when the result is subnormal. */
    int keep = 55;
    if (diff - 1 < DBL_MIN_EXP - 1) {
        keep = 55 - ((DBL_MIN_EXP - 1) - (diff - 1));
        if (keep < 2) {
            keep = 2;
        }
    }
    int shift = keep - diff;      /* q = |a| * 2**shift / |b| */
    mp_int x, y, q, r;
    if (mp_init_multi(&x, &y, &q, &r, NULL) != MP_OKAY) {
        return vm_lib_error_set(err, VM_LIB_NO_MEMORY, "out of memory");
    }
    bool ok = mp_abs(a, &x) == MP_OKAY && mp_abs(b, &y) == MP_OKAY;
    if (ok && shift > 0) {
        ok = mp_mul_2d(&x, shift, &x) == MP_OKAY;
    } else if (ok && shift < 0) {
        ok = mp_mul_2d(&y, -shift, &y) == MP_OKAY;
    }
    ok = ok && mp_div(&x, &y, &q, &r) == MP_OKAY;
    if (!ok) {
        mp_clear_multi(&x, &y, &q, &r, NULL);
        return vm_lib_error_set(err, VM_LIB_NO_MEMORY, "out of memory");
    }
    uint64_t m = mp_get_mag_u64(&q);
    if (!mp_iszero(&r)) {
        m |= 1;
    }
    mp_clear_multi(&x, &y, &q, &r, NULL);
    double d = ldexp((double)m, -shift);
    if (isinf(d)) {
        return vm_lib_error_set(err, VM_LIB_OVERFLOW_ERROR,
                                "integer division result too large for a float");
    }
    *out = neg ? -d : d;
    return true;
}

/*
 * round(int, ndigits) (see header).
 */
bool
vm_bigint_round(const mp_int *a, int64_t ndigits, mp_int *out, VmLibError *err)
{
    if (ndigits >= 0) {
        return mp_copy(a, out) == MP_OKAY ? true
                                          : vm_lib_error_set(err, VM_LIB_NO_MEMORY,
                                                             "out of memory");
    }
    if (-ndigits > 100000000) {
        mp_zero(out);
        return true;
    }
    mp_int p, absa, q;
    if (mp_init_multi(&p, &absa, &q, NULL) != MP_OKAY) {
        return vm_lib_error_set(err, VM_LIB_NO_MEMORY, "out of memory");
    }
    mp_set(&p, 10);
    bool ok = mp_expt_u32(&p, (uint32_t)-ndigits, &p) == MP_OKAY && mp_abs(a, &absa) == MP_OKAY;
    if (!ok) {
        vm_lib_error_set(err, VM_LIB_NO_MEMORY, "out of memory");
    }
    ok = ok && div_round_even(&absa, &p, &q, err);
    if (ok && mp_mul(&q, &p, out) != MP_OKAY) {
        ok = vm_lib_error_set(err, VM_LIB_NO_MEMORY, "out of memory");
    }
    if (ok && mp_isneg(a) && !mp_iszero(out)) {
        ok = mp_neg(out, out) == MP_OKAY;
    }
    mp_clear_multi(&p, &absa, &q, NULL);
    return ok;
}

static int
hexval(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c = (char)(c | 0x20);
    return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
}

static bool
is_ws(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static bool
word_ci(const char *p, size_t n, const char *w)
{
    size_t k = strlen(w);
    if (n != k) {
        return false;
    }
    for (size_t i = 0; i < k; i++) {
        if ((char)(p[i] | 0x20) != w[i]) {
            return false;
        }
    }
    return true;
}

/*
 * float.fromhex (see header): the mantissa's hex digits become an exact
 * integer M, the value is M * 2**E, rounded once to the precision the
 * result's binade has (fewer bits for subnormals).
 */
bool
vm_float_fromhex(const char *s, size_t len, double *out, VmLibError *err)
{
    size_t i = 0, e = len;
    while (i < e && is_ws(s[i])) {
        i++;
    }
    while (e > i && is_ws(s[e - 1])) {
        e--;
    }
    bool neg = false;
    if (i < e && (s[i] == '+' || s[i] == '-')) {
        neg = s[i] == '-';
        i++;
    }
    if (word_ci(s + i, e - i, "inf") || word_ci(s + i, e - i, "infinity")) {
        *out = neg ? -INFINITY : INFINITY;
        return true;
    }
    if (word_ci(s + i, e - i, "nan")) {
        *out = neg ? -NAN : NAN;
        return true;
    }
    if (e - i >= 2 && s[i] == '0' && (s[i + 1] | 0x20) == 'x') {
        i += 2;
    }
    size_t int_start = i;
    while (i < e && hexval(s[i]) >= 0) {
        i++;
    }
    size_t int_end = i, frac_start = i, frac_end = i;
    if (i < e && s[i] == '.') {
        frac_start = ++i;
        while (i < e && hexval(s[i]) >= 0) {
            i++;
        }
        frac_end = i;
    }
    if (int_end == int_start && frac_end == frac_start) {
        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR,
                                "invalid hexadecimal floating-point string");
    }
    int64_t exp = 0;
    if (i < e && (s[i] | 0x20) == 'p') {
        i++;
        bool eneg = false;
        if (i < e && (s[i] == '+' || s[i] == '-')) {
            eneg = s[i] == '-';
            i++;
        }
        size_t d0 = i;
        while (i < e && s[i] >= '0' && s[i] <= '9') {
            if (exp < 100000000) {
                exp = exp * 10 + (s[i] - '0');
            }
            i++;
        }
        if (i == d0) {
            return vm_lib_error_set(err, VM_LIB_VALUE_ERROR,
                                    "invalid hexadecimal floating-point string");
        }
        exp = eneg ? -exp : exp;
    }
    if (i != e) {
        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR,
                                "invalid hexadecimal floating-point string");
    }
    mp_int m, q, r;
    if (mp_init_multi(&m, &q, &r, NULL) != MP_OKAY) {
        return vm_lib_error_set(err, VM_LIB_NO_MEMORY, "out of memory");
    }
    bool ok = true;
    for (size_t k = int_start; ok && k < frac_end; k++) {
        if (k == int_end) {
            continue;
        }
        ok = mp_mul_2d(&m, 4, &m) == MP_OKAY
             && mp_add_d(&m, (mp_digit)hexval(s[k]), &m) == MP_OKAY;
    }
    if (!ok) {
        mp_clear_multi(&m, &q, &r, NULL);
        return vm_lib_error_set(err, VM_LIB_NO_MEMORY, "out of memory");
    }
    int64_t E = exp - 4 * (int64_t)(frac_end - frac_start);
    double result = 0.0;
    if (!mp_iszero(&m)) {
        int64_t bits = mp_count_bits(&m);
        int64_t top = bits - 1 + E;
        if (top >= 1024) {
            mp_clear_multi(&m, &q, &r, NULL);
            return vm_lib_error_set(err, VM_LIB_OVERFLOW_ERROR,
                                    "hexadecimal value too large to represent as a float");
        }
        int64_t keep = top >= -1022 ? 53 : 53 - (-1022 - top);
        int64_t shift = bits - keep;
        if (shift <= 0) {
            result = ldexp(mp_get_double(&m), (int)(E > -100000 ? E : -100000));
        } else if (shift > bits + 1) {
            result = 0.0;
        } else {
            /* Round M / 2**shift half to even. */
            ok = mp_div_2d(&m, (int)shift, &q, &r) == MP_OKAY;
            uint64_t qq = mp_get_mag_u64(&q);
            int c = 0;
            if (ok) {
                mp_int half;
                ok = mp_init(&half) == MP_OKAY;
                if (ok) {
                    mp_set(&half, 1);
                    ok = mp_mul_2d(&half, (int)shift - 1, &half) == MP_OKAY;
                    c = mp_cmp(&r, &half);
                    mp_clear(&half);
                }
            }
            if (c == MP_GT || (c == MP_EQ && (qq & 1))) {
                qq++;
            }
            result = ldexp((double)qq, (int)(E + shift));
        }
        if (isinf(result)) {
            mp_clear_multi(&m, &q, &r, NULL);
            return vm_lib_error_set(err, VM_LIB_OVERFLOW_ERROR,
                                    "hexadecimal value too large to represent as a float");
        }
    }
    mp_clear_multi(&m, &q, &r, NULL);
    if (!ok) {
        return vm_lib_error_set(err, VM_LIB_NO_MEMORY, "out of memory");
    }
    *out = neg ? -result : result;
    return true;
}
