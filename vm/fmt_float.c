/*
 * fmt_float.c - CPython-exact float formatting (see fmt_float.h).
 *
 * The layout code follows CPython's format_float_short (Python/pystrtod.c):
 * the digits are a "virtual" string padded with zeros on both sides, and the
 * output is a slice of it with a decimal point and maybe an exponent.
 */
#include "vm/fmt_float.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Digits of |x| with `ndig` significant digits, correctly rounded (dtoa
 * mode 2), written over `work` (at least ndig + 16 bytes).  Trailing zeros
 * are stripped; zero gives "0" with decpt 1. */
static int
digits_sig(double x, int ndig, char *work, size_t worksize, int *decpt)
{
    snprintf(work, worksize, "%.*e", ndig - 1, fabs(x));
    /* work = "d.ddddde[+-]XX": squeeze out the point, read the exponent. */
    int n = 0;
    char *p = work;
    for (; *p && *p != 'e'; p++) {
        if (*p >= '0' && *p <= '9') {
            work[n++] = *p;
        }
    }
    int e = atoi(p + 1);
    while (n > 1 && work[n - 1] == '0') {
        n--;
    }
    *decpt = (n == 1 && work[0] == '0') ? 1 : e + 1;
    work[n] = '\0';
    return n;
}

/* Exact shortest digits for normal x in [1e-4, 1e16) with a fractional
 * part, in 128-bit integers (no printf): x = m * 2**-s.  For k = 1, 2, ...
 * fractional digits, q = round-half-even(x * 10**k) is the closest
 * candidate; it reads back as x iff |q * 2**s - m * 10**k| is below half an
 * ulp scaled to 10**k / 2 (a quarter below a power of two, ties going to
 * the even m as strtod does).  The first k that works is the shortest.
 * Returns the digit count, or 0 when x is outside the handled range. */
static int
shortest_fixed(double x, char *digits, int *decpt_out)
{
    typedef unsigned __int128 U128;
    int e2;
    double f = frexp(x, &e2);
    uint64_t m = (uint64_t)ldexp(f, 53);
    int s = 53 - e2;
    if (s <= 0 || s > 66) {
        return 0;
    }
    uint64_t ip = s >= 64 ? 0 : m >> s;
    if (ip >= 10000000000000000ULL) {
        return 0;
    }
    U128 one = (U128)1 << s;
    U128 half = one >> 1;
    int decpt = 0;
    if (ip > 0) {
        for (uint64_t t = ip; t > 0; t /= 10) {
            decpt++;
        }
    } else {
        for (U128 t = (U128)m * 10; t < one; t *= 10) {
            decpt--;
        }
    }
    int kmin = decpt >= 0 ? 1 : 1 - decpt;
    U128 p10 = 1;
    for (int k = 0; k < kmin; k++) {
        p10 *= 10;
    }
    bool tight_below = m == ((uint64_t)1 << 52);
    for (int k = kmin; k <= 17 - decpt; k++, p10 *= 10) {
        U128 num = (U128)m * p10;
        U128 q = num >> s;
        U128 r = num & (one - 1);
        if (r > half || (r == half && (q & 1))) {
            q++;
        }
        U128 back = q << s;
        U128 diff = back > num ? back - num : num - back;
        U128 d = (tight_below && back < num) ? diff * 4 : diff * 2;
        if (d < p10 || (d == p10 && (m & 1) == 0)) {
            char tmp[24];
            int n = snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)q);
            *decpt_out = n - k;
            while (n > 1 && tmp[n - 1] == '0') {
                n--;
            }
            memcpy(digits, tmp, (size_t)n);
            digits[n] = '\0';
            return n;
        }
    }
    return 0;
}

/*
 * Shortest round-trip digits (see header).  The p-digit correctly rounded
 * decimal is the closest p-digit number to x, and if it reads back as x
 * then so does every longer one: binary search for the least p.
 */
int
vm_fmt_float_shortest(double x, char *digits, int *decpt)
{
    x = fabs(x);
    if (x == 0.0) {
        digits[0] = '0';
        digits[1] = '\0';
        *decpt = 1;
        return 1;
    }
    /* Integers below 1e16 print all their digits (the ulp is at most 2, so
     * no shorter string with trailing zeros is close enough). */
    if (x < 1e16 && x == (double)(int64_t)x) {
        char tmp[24];
        int n = snprintf(tmp, sizeof tmp, "%lld", (long long)(int64_t)x);
        *decpt = n;
        while (n > 1 && tmp[n - 1] == '0') {
            n--;
        }
        memcpy(digits, tmp, (size_t)n);
        digits[n] = '\0';
        return n;
    }
    /* At 15 significant digits the decimal grid is coarser than the binary
     * one (half a step >= 5e-16 relative, half an ulp <= 1.2e-16), so if any
     * string of 15 digits or fewer reads back as x it is the 15-digit
     * rounding of x with its trailing zeros removed; otherwise 16 or 17
     * digits, correctly rounded, give the closest shortest string. */
    if (x >= 1e-4 && x < 1e16) {
        int n = shortest_fixed(x, digits, decpt);
        if (n > 0) {
            return n;
        }
    }
    char tmp[40];
    int lo = 15;
    if (x < DBL_MIN) {
        /* Subnormals have fewer significant bits: binary search instead;
         * if p digits round-trip so do p + 1 (the closer rounding). */
        int hi = 17;
        lo = 1;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            snprintf(tmp, sizeof tmp, "%.*e", mid - 1, x);
            if (strtod(tmp, NULL) == x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
    }
    for (; lo < 17; lo++) {
        snprintf(tmp, sizeof tmp, "%.*e", lo - 1, x);
        if (strtod(tmp, NULL) == x) {
            break;
        }
    }
    char work[48];
    int n = digits_sig(x, lo, work, sizeof work, decpt);
    memcpy(digits, work, (size_t)n + 1);
    return n;
}

/*
 * Upper bound of the output size (see header).
 */
size_t
vm_fmt_float_size_hint(char type, int precision)
{
    size_t p = precision > 0 ? (size_t)precision : 0;
    /* sign, 309 integer digits, point, exponent, '%' */
    return p + 330;
}

static bool
put_zeros(VmBuf *out, long n)
{
    return n <= 0 || vm_buf_fill(out, '0', (size_t)n);
}

/* The virtual-digits layout of CPython's format_float_short. */
static bool
layout(VmBuf *out, bool neg, const char *digits, long digits_len, long decpt, char type,
       long precision, unsigned flags, bool upper)
{
    bool use_exp = false;
    bool alt = (flags & VM_FMT_FLOAT_ALT) != 0;
    bool add_dot_0 = (flags & VM_FMT_FLOAT_ADD_DOT_0) != 0;
    long vdigits_end = digits_len;
    long exp = 0;

    switch (type) {
    case 'e':
        use_exp = true;
        vdigits_end = precision;
        break;
    case 'f':
        vdigits_end = decpt + precision;
        break;
    case 'g':
        if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision)) {
            use_exp = true;
        }
        if (alt) {
            vdigits_end = precision;
        }
        break;
    default: /* 'r' */
        if (decpt <= -4 || decpt > 16) {
            use_exp = true;
        }
        break;
    }
    if (use_exp) {
        exp = decpt - 1;
        decpt = 1;
    }
    long vdigits_start = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && add_dot_0) {
        vdigits_end = vdigits_end > decpt ? vdigits_end : decpt + 1;
    } else {
        vdigits_end = vdigits_end > decpt ? vdigits_end : decpt;
    }
    size_t start = out->len;
    if (neg) {
        vm_buf_putc(out, '-');
    } else if (flags & VM_FMT_FLOAT_SIGN) {
        vm_buf_putc(out, '+');
    }
    if (decpt <= 0) {
        put_zeros(out, decpt - vdigits_start);
        vm_buf_putc(out, '.');
        put_zeros(out, -decpt);
    } else {
        put_zeros(out, -vdigits_start);
    }
    if (0 < decpt && decpt <= digits_len) {
        vm_buf_append(out, digits, (size_t)decpt);
        vm_buf_putc(out, '.');
        vm_buf_append(out, digits + decpt, (size_t)(digits_len - decpt));
    } else {
        vm_buf_append(out, digits, (size_t)digits_len);
    }
    if (digits_len < decpt) {
        put_zeros(out, decpt - digits_len);
        vm_buf_putc(out, '.');
        put_zeros(out, vdigits_end - decpt);
    } else {
        put_zeros(out, vdigits_end - digits_len);
    }
    if (out->failed) {
        return false;
    }
    if (out->len > start && out->data[out->len - 1] == '.' && !alt) {
        out->len--;
        out->data[out->len] = '\0';
    }
    if (use_exp) {
        char e[32];
        snprintf(e, sizeof e, "%c%+.02ld", upper ? 'E' : 'e', exp);
        vm_buf_puts(out, e);
    }
    return !out->failed;
}

/* 'f' digits without printf when x * 10**precision is an exact 128-bit
 * computation: x = m * 2**e, N = round-half-even(m * 10**p * 2**e).  Writes
 * N's digits (trailing zeros removed) to tmp; returns their count, or 0
 * when out of range (the caller uses printf). */
static long
digits_fixed_exact(double x, int precision, VmBuf *tmp, long *decpt)
{
    typedef unsigned __int128 U128;
    if (precision > 19 || !(x < 9.2e18)) {
        return 0;
    }
    int e2;
    double f = frexp(x, &e2);
    uint64_t m = (uint64_t)ldexp(f, 53);
    int e = e2 - 53;
    if (e > 10) {
        return 0;
    }
    U128 p10 = 1;
    for (int k = 0; k < precision; k++) {
        p10 *= 10;
    }
    U128 num = (U128)m * p10;
    U128 q;
    if (x == 0.0) {
        q = 0;
    } else if (e >= 0) {
        q = num << e;
    } else if (-e >= 120) {
        q = 0;
    } else {
        int sh = -e;
        q = num >> sh;
        U128 r = num & (((U128)1 << sh) - 1);
        U128 half = (U128)1 << (sh - 1);
        if (r > half || (r == half && (q & 1))) {
            q++;
        }
    }
    char d[48];
    int n = 0;
    do {
        d[n++] = (char)('0' + (int)(q % 10));
        q /= 10;
    } while (q != 0);
    if (!vm_buf_reserve(tmp, (size_t)n + 1)) {
        return -1;
    }
    for (int k = 0; k < n; k++) {
        tmp->data[k] = d[n - 1 - k];
    }
    if (n == 1 && tmp->data[0] == '0') {
        *decpt = 1;
        return 1;
    }
    *decpt = n - precision;
    while (n > 1 && tmp->data[n - 1] == '0') {
        n--;
    }
    return n;
}

/* Digits for 'f' (dtoa mode 3): `precision` places after the point. */
static long
digits_fixed(double x, int precision, VmBuf *tmp, long *decpt)
{
    long fast = digits_fixed_exact(fabs(x), precision, tmp, decpt);
    if (fast != 0) {
        return fast;
    }
    /* Room for the integer digits (from the binary exponent) and the
     * fraction; snprintf says if that was short and we retry once. */
    int e2 = 0;
    frexp(x, &e2);
    size_t need = (size_t)precision + (e2 > 0 ? (size_t)e2 * 30103 / 100000 + 2 : 1) + 8;
    if (!vm_buf_reserve(tmp, need)) {
        return -1;
    }
    int n = snprintf(tmp->data, need, "%.*f", precision, fabs(x));
    if (n >= 0 && (size_t)n >= need) {
        need = (size_t)n + 1;
        if (!vm_buf_reserve(tmp, need)) {
            return -1;
        }
        n = snprintf(tmp->data, need, "%.*f", precision, fabs(x));
    }
    if (n < 0) {
        tmp->failed = true;
        return -1;
    }
    /* Compact "III.FFF" to digits in place, remembering the point. */
    char *s = tmp->data;
    long len = 0, point = -1;
    for (int i = 0; i < n; i++) {
        if (s[i] == '.') {
            point = len;
        } else {
            s[len++] = s[i];
        }
    }
    if (point < 0) {
        point = len;
    }
    long lead = 0;
    while (lead < len && s[lead] == '0') {
        lead++;
    }
    if (lead == len) {
        s[0] = '0';
        *decpt = 1;
        return 1;
    }
    memmove(s, s + lead, (size_t)(len - lead));
    len -= lead;
    *decpt = point - lead;
    while (len > 1 && s[len - 1] == '0') {
        len--;
    }
    return len;
}

/*
 * PyOS_double_to_string (see header).
 */
bool
vm_fmt_float_to_string(double x, char type, int precision, unsigned flags, VmBuf *out)
{
    bool upper = false;
    if (type == 'E' || type == 'F' || type == 'G') {
        upper = true;
        type = (char)(type - 'A' + 'a');
    }
    if (isnan(x) || isinf(x)) {
        if (isinf(x) && x < 0) {
            vm_buf_putc(out, '-');
        } else if (flags & VM_FMT_FLOAT_SIGN) {
            vm_buf_putc(out, '+');
        }
        const char *t = isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        return vm_buf_puts(out, t);
    }
    bool neg = signbit(x) != 0;
    char small[40];
    long n;
    long decpt;
    int idecpt;
    VmBuf tmp;
    char store[96];
    vm_buf_init_fixed(&tmp, store, sizeof store, out->alloc, out->ctx);
    tmp.max = out->max ? out->max + 400 : 0;
    const char *digits = small;

    if (type == 'r') {
        n = vm_fmt_float_shortest(x, small, &idecpt);
        decpt = idecpt;
        precision = 0;
    } else if (type == 'f') {
        n = digits_fixed(x, precision, &tmp, &decpt);
        if (n < 0) {
            out->failed = true;
            out->over_limit = tmp.over_limit;
            vm_buf_fini(&tmp);
            return false;
        }
        digits = tmp.data;
    } else {
        if (type == 'e') {
            precision++;
        } else if (precision == 0) {
            precision = 1;
        }
        if (!vm_buf_reserve(&tmp, (size_t)precision + 16)) {
            out->failed = true;
            out->over_limit = tmp.over_limit;
            vm_buf_fini(&tmp);
            return false;
        }
        n = digits_sig(x, precision, tmp.data, (size_t)precision + 16, &idecpt);
        decpt = idecpt;
        digits = tmp.data;
    }
    if (neg && (flags & VM_FMT_FLOAT_NO_NEG_0)) {
        /* Does the printed value round to zero?  Only digits before the
         * output's end count: for 'f', zero digits means zero. */
        if (n == 1 && digits[0] == '0') {
            neg = false;
        }
    }
    bool ok = layout(out, neg, digits, n, decpt, type, precision, flags, upper);
    vm_buf_fini(&tmp);
    return ok;
}

/*
 * repr(float) (see header).
 */
size_t
vm_fmt_float_repr(double x, char *out)
{
    if (isnan(x)) {
        memcpy(out, "nan", 4);
        return 3;
    }
    if (isinf(x)) {
        if (x < 0) {
            memcpy(out, "-inf", 5);
            return 4;
        }
        memcpy(out, "inf", 4);
        return 3;
    }
    char digits[20];
    int decpt;
    int n = vm_fmt_float_shortest(x, digits, &decpt);
    VmBuf b;
    /* A fixed stack buffer behind a VmBuf: the layout never exceeds 26. */
    char store[64];
    vm_buf_init_fixed(&b, store, sizeof store, NULL, NULL);
    layout(&b, signbit(x) != 0, digits, n, decpt, 'r', 0, VM_FMT_FLOAT_ADD_DOT_0, false);
    memcpy(out, store, b.len + 1);
    return b.len;
}
