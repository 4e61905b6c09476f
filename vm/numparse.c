/*
 * numparse.c - int() and float() string parsing (see numparse.h).
 *
 * Like CPython, non-ASCII input is first mapped to ASCII: Unicode spaces
 * become ' ', decimal digits of any script their ASCII digit, anything else
 * '?', which no later rule accepts.
 */
#include "vm/numparse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/bigint.h"
#include "vm/unicode.h"

static bool
is_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* ASCII view of s: either s itself or a transformed copy in `tmp`. */
static bool
ascii_view(const char *s, size_t len, VmBuf *tmp, const char **view, size_t *vlen, bool raw)
{
    if (raw || vm_unicode_is_ascii(s, len)) {
        /* bytes: non-ASCII bytes stay as they are and fail every rule. */
        *view = s;
        *vlen = len;
        return true;
    }
    if (!vm_buf_reserve(tmp, len)) {
        return false;
    }
    size_t i = 0;
    while (i < len) {
        uint32_t cp = vm_unicode_decode(s, len, &i);
        char c;
        if (cp < 0x80) {
            c = (char)cp;
        } else if (vm_unicode_isspace(cp)) {
            c = ' ';
        } else {
            int d = vm_unicode_decimal_value(cp);
            c = d >= 0 ? (char)('0' + d) : '?';
        }
        vm_buf_putc(tmp, c);
    }
    *view = tmp->data;
    *vlen = tmp->len;
    return !tmp->failed;
}

static int
digit_of(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    char l = (char)(c | 0x20);
    if (l >= 'a' && l <= 'z') {
        return l - 'a' + 10;
    }
    return 99;
}

static bool
int_error(const char *s, size_t len, int base, bool raw, VmLibError *err)
{
    char prefix[80];
    snprintf(prefix, sizeof prefix, "invalid literal for int() with base %d: ", base);
    return vm_lib_error_set_arg(err, VM_LIB_VALUE_ERROR, prefix, s, len,
                                raw ? VM_LIB_ARG_BYTES_REPR : VM_LIB_ARG_REPR, 200, NULL);
}

/* Parse the ASCII view; digits are copied (without underscores) to dig. */
static bool
parse_int_ascii(const char *p, size_t n, int base, size_t max_digits, VmBuf *dig,
                VmNumInt *out, bool *syntax_ok, VmLibError *err)
{
    size_t i = 0;
    bool neg = false;
    *syntax_ok = false;
    while (i < n && is_space(p[i])) {
        i++;
    }
    if (i < n && (p[i] == '+' || p[i] == '-')) {
        neg = p[i] == '-';
        i++;
    }
    bool old_octal_check = false;
    bool after_prefix = false;
    if (base == 0) {
        if (i < n && p[i] == '0') {
            char c = i + 1 < n ? (char)(p[i + 1] | 0x20) : 0;
            base = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 10;
            old_octal_check = base == 10;
        } else {
            base = 10;
        }
    }
    if (i + 1 < n && p[i] == '0') {
        char c = (char)(p[i + 1] | 0x20);
        if ((base == 16 && c == 'x') || (base == 8 && c == 'o') || (base == 2 && c == 'b')) {
            i += 2;
            after_prefix = true;
            /* One underscore may follow the prefix. */
            if (i < n && p[i] == '_') {
                i++;
            }
        }
    }
    /* Digits with single underscores between them. */
    size_t start = i;
    size_t ndigits = 0;
    bool prev_us = false;
    bool nonzero = false;
    while (i < n) {
        char c = p[i];
        if (c == '_') {
            if (prev_us || i == start) {
                return true;    /* syntax error */
            }
            prev_us = true;
            i++;
            continue;
        }
        int d = digit_of(c);
        if (d >= base) {
            break;
        }
        prev_us = false;
        nonzero = nonzero || d != 0;
        ndigits++;
        i++;
    }
    if (prev_us || ndigits == 0) {
        (void)after_prefix;
        return true;
    }
    if (old_octal_check && nonzero) {
        /* "010" in base 0: a leading zero needs all zeros. */
        return true;
    }
    bool pow2 = (base & (base - 1)) == 0;
    if (!pow2 && max_digits > 0 && ndigits > max_digits) {
        vm_lib_error_set(err, VM_LIB_VALUE_ERROR,
                         "Exceeds the limit (%zu digits) for integer string conversion: value "
                         "has %zu digits; use sys.set_int_max_str_digits() to increase the "
                         "limit",
                         max_digits, ndigits);
        return false;
    }
    size_t end_digits = i;
    while (i < n && is_space(p[i])) {
        i++;
    }
    if (i != n) {
        return true;
    }
    *syntax_ok = true;
    /* Fast path: accumulate in uint64 while it cannot overflow. */
    if (ndigits <= 12 || (base == 10 && ndigits <= 18) || (base == 16 && ndigits <= 15)) {
        uint64_t acc = 0;
        for (size_t k = start; k < end_digits; k++) {
            if (p[k] != '_') {
                acc = acc * (uint64_t)base + (uint64_t)digit_of(p[k]);
            }
        }
        out->is_big = false;
        out->small = neg ? -(int64_t)acc : (int64_t)acc;
        return true;
    }
    if (!vm_buf_reserve(dig, ndigits)) {
        vm_lib_error_from_buf(err, dig);
        return false;
    }
    for (size_t k = start; k < end_digits; k++) {
        if (p[k] != '_') {
            dig->data[dig->len++] = p[k];
        }
    }
    if (mp_init(&out->big) != MP_OKAY) {
        vm_lib_error_set(err, VM_LIB_NO_MEMORY, "out of memory");
        return false;
    }
    if (!vm_bigint_from_digits(dig->data, dig->len, base, neg, &out->big, err)) {
        mp_clear(&out->big);
        return false;
    }
    int64_t small;
    if (vm_bigint_get_i64(&out->big, &small)) {
        mp_clear(&out->big);
        out->is_big = false;
        out->small = small;
    } else {
        out->is_big = true;
    }
    return true;
}

static bool
parse_int(const char *s, size_t len, int base, size_t max_digits, VmLibAllocFn alloc,
          void *ctx, VmNumInt *out, VmLibError *err, bool raw)
{
    if ((base != 0 && base < 2) || base > 36) {
        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR,
                                "int() base must be >= 2 and <= 36, or 0");
    }
    out->is_big = false;
    out->small = 0;
    VmBuf tmp, dig;
    vm_buf_init(&tmp, alloc, ctx);
    vm_buf_init(&dig, alloc, ctx);
    const char *p;
    size_t n;
    bool ok = ascii_view(s, len, &tmp, &p, &n, raw);
    bool syntax_ok = false;
    if (!ok) {
        vm_lib_error_from_buf(err, &tmp);
    } else {
        ok = parse_int_ascii(p, n, base, max_digits, &dig, out, &syntax_ok, err);
        if (ok && !syntax_ok) {
            ok = int_error(s, len, base, raw, err);
        }
    }
    vm_buf_fini(&tmp);
    vm_buf_fini(&dig);
    return ok;
}

/*
 * int(s, base) (see header).
 */
bool
vm_numparse_int(const char *s, size_t len, int base, size_t max_digits, VmLibAllocFn alloc,
                void *ctx, VmNumInt *out, VmLibError *err)
{
    return parse_int(s, len, base, max_digits, alloc, ctx, out, err, false);
}

bool
vm_numparse_int_bytes(const char *s, size_t len, int base, size_t max_digits,
                      VmLibAllocFn alloc, void *ctx, VmNumInt *out, VmLibError *err)
{
    return parse_int(s, len, base, max_digits, alloc, ctx, out, err, true);
}

static bool
float_error(const char *s, size_t len, bool raw, VmLibError *err)
{
    return vm_lib_error_set_arg(err, VM_LIB_VALUE_ERROR, "could not convert string to float: ",
                                s, len, raw ? VM_LIB_ARG_BYTES_REPR : VM_LIB_ARG_REPR, 0, NULL);
}

static bool
match_ci(const char *p, size_t n, const char *word)
{
    size_t w = strlen(word);
    if (n != w) {
        return false;
    }
    for (size_t i = 0; i < w; i++) {
        if ((char)(p[i] | 0x20) != word[i]) {
            return false;
        }
    }
    return true;
}

/* Validate [sign] digits[.digits][e[sign]digits] with no underscores left. */
static bool
valid_decimal(const char *p, size_t n)
{
    size_t i = 0;
    size_t int_digits = 0, frac_digits = 0;
    while (i < n && p[i] >= '0' && p[i] <= '9') {
        i++;
        int_digits++;
    }
    if (i < n && p[i] == '.') {
        i++;
        while (i < n && p[i] >= '0' && p[i] <= '9') {
            i++;
            frac_digits++;
        }
    }
    if (int_digits + frac_digits == 0) {
        return false;
    }
    if (i < n && (p[i] == 'e' || p[i] == 'E')) {
        i++;
        if (i < n && (p[i] == '+' || p[i] == '-')) {
            i++;
        }
        size_t e = 0;
        while (i < n && p[i] >= '0' && p[i] <= '9') {
            i++;
            e++;
        }
        if (e == 0) {
            return false;
        }
    }
    return i == n;
}

static bool
parse_float(const char *s, size_t len, VmLibAllocFn alloc, void *ctx, double *out,
            VmLibError *err, bool raw)
{
    VmBuf tmp, clean;
    vm_buf_init(&tmp, alloc, ctx);
    vm_buf_init(&clean, alloc, ctx);
    const char *p;
    size_t n;
    bool ok = false;
    if (!ascii_view(s, len, &tmp, &p, &n, raw)) {
        vm_lib_error_from_buf(err, &tmp);
        goto done;
    }
    while (n > 0 && is_space(*p)) {
        p++;
        n--;
    }
    while (n > 0 && is_space(p[n - 1])) {
        n--;
    }
    /* Drop underscores that sit between two digits; any other is an error. */
    if (!vm_buf_reserve(&clean, n)) {
        vm_lib_error_from_buf(err, &clean);
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '_') {
            bool before = i > 0 && p[i - 1] >= '0' && p[i - 1] <= '9';
            bool after = i + 1 < n && p[i + 1] >= '0' && p[i + 1] <= '9';
            if (!before || !after) {
                float_error(s, len, raw, err);
                goto done;
            }
            continue;
        }
        clean.data[clean.len++] = p[i];
    }
    clean.data[clean.len] = '\0';
    const char *c = clean.data;
    size_t cn = clean.len;
    bool neg = false;
    if (cn > 0 && (c[0] == '+' || c[0] == '-')) {
        neg = c[0] == '-';
        c++;
        cn--;
    }
    if (match_ci(c, cn, "inf") || match_ci(c, cn, "infinity")) {
        *out = neg ? -__builtin_inf() : __builtin_inf();
        ok = true;
    } else if (match_ci(c, cn, "nan")) {
        *out = neg ? -__builtin_nan("") : __builtin_nan("");
        ok = true;
    } else if (valid_decimal(c, cn)) {
        double d = strtod(c, NULL);
        *out = neg ? -d : d;
        ok = true;
    } else {
        float_error(s, len, raw, err);
    }
done:
    vm_buf_fini(&tmp);
    vm_buf_fini(&clean);
    return ok;
}

/*
 * float(s) (see header).
 */
bool
vm_numparse_float(const char *s, size_t len, VmLibAllocFn alloc, void *ctx, double *out,
                  VmLibError *err)
{
    return parse_float(s, len, alloc, ctx, out, err, false);
}

bool
vm_numparse_float_bytes(const char *s, size_t len, VmLibAllocFn alloc, void *ctx, double *out,
                        VmLibError *err)
{
    return parse_float(s, len, alloc, ctx, out, err, true);
}
