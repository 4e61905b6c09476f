/*
 * bigint.c - Python int semantics on libtommath (see bigint.h).
 */
#include "vm/bigint.h"

#include <math.h>
#include <string.h>

#if MP_DIGIT_BIT != 60
#error "bigint.c assumes 60-bit libtommath digits (MP_64BIT)"
#endif

static bool
mem_error(VmLibError *err)
{
    return vm_lib_error_set(err, VM_LIB_NO_MEMORY, "out of memory");
}

static bool
mp_ok(mp_err e, VmLibError *err)
{
    if (e == MP_OKAY) {
        return true;
    }
    if (e == MP_MEM) {
        return mem_error(err);
    }
    return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "invalid big-int operation");
}

static const char digit_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

static bool
is_pow2(int base)
{
    return (base & (base - 1)) == 0;
}

/*
 * Upper bound of the text size (see header).
 */
size_t
vm_bigint_str_size(const mp_int *v, int base)
{
    uint64_t bits = (uint64_t)mp_count_bits(v);
    /* digits <= bits / log2(base) + 1 */
    double per = log2((double)base);
    return (size_t)((double)bits / per) + 3;
}

static bool
limit_error(VmLibError *err)
{
    return vm_lib_error_set(err, VM_LIB_VALUE_ERROR,
                            "Exceeds the limit (4300 digits) for integer string conversion; "
                            "use sys.set_int_max_str_digits() to increase the limit");
}

/* Power-of-two bases: read the bits straight out of the digits. */
static void
pow2_digits(const mp_int *v, int base, char *end, size_t *n)
{
    int shift = base == 2 ? 1 : base == 4 ? 2 : base == 8 ? 3 : base == 16 ? 4 : 5;
    uint64_t bits = (uint64_t)mp_count_bits(v);
    size_t count = 0;
    for (uint64_t pos = 0; pos < bits || count == 0; pos += (uint64_t)shift) {
        unsigned val = 0;
        for (int k = 0; k < shift; k++) {
            uint64_t b = pos + (uint64_t)k;
            size_t limb = (size_t)(b / MP_DIGIT_BIT);
            if (limb < (size_t)v->used && ((v->dp[limb] >> (b % MP_DIGIT_BIT)) & 1u)) {
                val |= 1u << k;
            }
        }
        *--end = digit_chars[val];
        count++;
    }
    *n = count;
}

/*
 * Text conversion (see header).  Non-power-of-two bases divide by the
 * largest power of the base that fits a digit, so a chunk of 18 decimal
 * digits costs one pass over the number.
 */
bool
vm_bigint_to_str(const mp_int *v, int base, size_t max_digits, VmBuf *out, VmLibError *err)
{
    if (base < 2 || base > 36) {
        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "base must be in 2..36");
    }
    bool limited = max_digits > 0 && !is_pow2(base);
    if (limited) {
        double bits = (double)mp_count_bits(v);
        if (bits - 1 > (double)max_digits * log2((double)base) + 1) {
            return limit_error(err);
        }
    }
    size_t bound = vm_bigint_str_size(v, base);
    if (!vm_buf_reserve(out, bound + 1)) {
        return vm_lib_error_from_buf(err, out);
    }
    char *end = out->data + out->len + bound + 1;
    size_t n = 0;
    if (is_pow2(base)) {
        pow2_digits(v, base, end, &n);
    } else {
        mp_digit chunk = 1;
        int per = 0;
        while (chunk <= (((mp_digit)1 << MP_DIGIT_BIT) - 1) / (mp_digit)base) {
            chunk *= (mp_digit)base;
            per++;
        }
        mp_int t;
        if (!mp_ok(mp_init_copy(&t, v), err)) {
            return false;
        }
        t.sign = MP_ZPOS;
        do {
            mp_digit rem;
            if (mp_div_d(&t, chunk, &t, &rem) != MP_OKAY) {
                mp_clear(&t);
                return mem_error(err);
            }
            bool last = mp_iszero(&t);
            for (int k = 0; k < per && (!last || rem != 0 || k == 0); k++) {
                *(end - 1 - (ptrdiff_t)n) = digit_chars[rem % (mp_digit)base];
                rem /= (mp_digit)base;
                n++;
            }
            if (last) {
                break;
            }
        } while (true);
        mp_clear(&t);
    }
    if (limited && n > max_digits) {
        return limit_error(err);
    }
    char *dst = out->data + out->len;
    if (v->sign == MP_NEG && !mp_iszero(v)) {
        *dst++ = '-';
        out->len++;
    }
    memmove(dst, end - n, n);
    out->len += n;
    out->data[out->len] = '\0';
    return true;
}

static int
digit_value(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c = (char)(c | 0x20);
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    return 99;
}

/*
 * Digits to mp_int (see header).
 */
bool
vm_bigint_from_digits(const char *digits, size_t n, int base, bool negative, mp_int *v,
                      VmLibError *err)
{
    mp_zero(v);
    if (is_pow2(base)) {
        int shift = base == 2 ? 1 : base == 4 ? 2 : base == 8 ? 3 : base == 16 ? 4 : 5;
        uint64_t bits = (uint64_t)n * (uint64_t)shift;
        int limbs = (int)(bits / MP_DIGIT_BIT) + 1;
        if (!mp_ok(mp_grow(v, limbs), err)) {
            return false;
        }
        memset(v->dp, 0, sizeof(mp_digit) * (size_t)v->alloc);
        uint64_t pos = 0;
        for (size_t i = n; i-- > 0;) {
            mp_digit d = (mp_digit)digit_value(digits[i]);
            size_t limb = (size_t)(pos / MP_DIGIT_BIT);
            unsigned off = (unsigned)(pos % MP_DIGIT_BIT);
            v->dp[limb] |= (d << off) & MP_MASK;
            if (off + (unsigned)shift > MP_DIGIT_BIT) {
                v->dp[limb + 1] |= d >> (MP_DIGIT_BIT - off);
            }
            pos += (uint64_t)shift;
        }
        v->used = limbs;
        mp_clamp(v);
    } else {
        mp_digit chunk_max = 1;
        int per = 0;
        while (chunk_max <= (((mp_digit)1 << MP_DIGIT_BIT) - 1) / (mp_digit)base) {
            chunk_max *= (mp_digit)base;
            per++;
        }
        size_t i = 0;
        while (i < n) {
            mp_digit acc = 0, mul = 1;
            for (int k = 0; k < per && i < n; k++, i++) {
                acc = acc * (mp_digit)base + (mp_digit)digit_value(digits[i]);
                mul *= (mp_digit)base;
            }
            if (!mp_ok(mp_mul_d(v, mul, v), err) || !mp_ok(mp_add_d(v, acc, v), err)) {
                return false;
            }
        }
    }
    if (negative && !mp_iszero(v)) {
        v->sign = MP_NEG;
    }
    return true;
}

/*
 * int64 test (see header).
 */
bool
vm_bigint_get_i64(const mp_int *v, int64_t *out)
{
    if (mp_count_bits(v) > 63) {
        /* -2**63 is the one 64-bit value that fits. */
        if (v->sign == MP_NEG && mp_count_bits(v) == 64 && mp_cnt_lsb(v) == 63) {
            *out = INT64_MIN;
            return true;
        }
        return false;
    }
    uint64_t m = mp_get_mag_u64(v);
    *out = v->sign == MP_NEG ? -(int64_t)m : (int64_t)m;
    return true;
}

/*
 * Correctly rounded conversion (see header): keep 55 significant bits plus
 * a sticky bit for everything below, and let the hardware's
 * uint64 -> double rounding (half to even) do the rest.
 */
bool
vm_bigint_to_double(const mp_int *v, double *out, VmLibError *err)
{
    int bits = mp_count_bits(v);
    double d;
    if (bits <= 64) {
        d = (double)mp_get_mag_u64(v);
    } else if (bits > 1025) {
        return vm_lib_error_set(err, VM_LIB_OVERFLOW_ERROR, "int too large to convert to float");
    } else {
        int shift = bits - 55;
        mp_int q;
        if (!mp_ok(mp_init(&q), err)) {
            return false;
        }
        if (mp_div_2d(v, shift, &q, NULL) != MP_OKAY) {
            mp_clear(&q);
            return mem_error(err);
        }
        uint64_t m = mp_get_mag_u64(&q);
        mp_clear(&q);
        if (mp_cnt_lsb(v) < shift) {
            m |= 1;
        }
        d = ldexp((double)m, shift);
        if (isinf(d)) {
            return vm_lib_error_set(err, VM_LIB_OVERFLOW_ERROR,
                                    "int too large to convert to float");
        }
    }
    *out = v->sign == MP_NEG ? -d : d;
    return true;
}

/*
 * int(float) (see header).
 */
bool
vm_bigint_from_double(double d, mp_int *out, VmLibError *err)
{
    if (isnan(d)) {
        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "cannot convert float NaN to integer");
    }
    if (isinf(d)) {
        return vm_lib_error_set(err, VM_LIB_OVERFLOW_ERROR,
                                "cannot convert float infinity to integer");
    }
    return mp_ok(mp_set_double(out, trunc(d)), err);
}

/*
 * Exact int/float comparison (see header).
 */
int
vm_bigint_cmp_double(const mp_int *a, double d)
{
    if (isnan(d)) {
        return VM_BIGINT_UNORDERED;
    }
    if (isinf(d)) {
        return d > 0 ? -1 : 1;
    }
    double f = floor(d);
    mp_int t;
    if (mp_init(&t) != MP_OKAY) {
        return 0;
    }
    if (mp_set_double(&t, f) != MP_OKAY) {
        mp_clear(&t);
        return 0;
    }
    int c = mp_cmp(a, &t);
    mp_clear(&t);
    if (c != MP_EQ) {
        return c == MP_LT ? -1 : 1;
    }
    return d > f ? -1 : 0;
}

static bool
zero_div(bool modulo_only, VmLibError *err)
{
    return vm_lib_error_set(err, VM_LIB_ZERO_DIVISION_ERROR,
                            modulo_only ? "integer modulo by zero"
                                        : "integer division or modulo by zero");
}

/*
 * Floor division and modulo (see header).
 */
bool
vm_bigint_divmod(const mp_int *a, const mp_int *b, mp_int *q, mp_int *r, bool modulo_only,
                 VmLibError *err)
{
    if (mp_iszero(b)) {
        return zero_div(modulo_only, err);
    }
    mp_int tq, tr, bb;
    if (!mp_ok(mp_init_multi(&tq, &tr, &bb, NULL), err)) {
        return false;
    }
    bool ok = mp_ok(mp_copy(b, &bb), err) && mp_ok(mp_div(a, &bb, &tq, &tr), err);
    if (ok && !mp_iszero(&tr) && tr.sign != bb.sign) {
        ok = mp_ok(mp_sub_d(&tq, 1, &tq), err) && mp_ok(mp_add(&tr, &bb, &tr), err);
    }
    if (ok && q) {
        mp_exch(&tq, q);
    }
    if (ok && r) {
        mp_exch(&tr, r);
    }
    mp_clear_multi(&tq, &tr, &bb, NULL);
    return ok;
}

/*
 * Power (see header).
 */
bool
vm_bigint_pow(const mp_int *base, const mp_int *exp, mp_int *out, VmLibError *err)
{
    if (exp->sign == MP_NEG) {
        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "negative exponent");
    }
    int64_t e;
    if (!vm_bigint_get_i64(exp, &e) || e > (int64_t)UINT32_MAX) {
        /* Only 0, 1 and -1 have a representable result. */
        if (mp_iszero(base) || mp_cmp_d(base, 1) == MP_EQ) {
            return mp_ok(mp_copy(base, out), err);
        }
        mp_int m1;
        if (!mp_ok(mp_init_i64(&m1, -1), err)) {
            return false;
        }
        bool minus_one = mp_cmp(base, &m1) == MP_EQ;
        mp_clear(&m1);
        if (minus_one) {
            mp_set_i64(out, mp_isodd(exp) ? -1 : 1);
            return true;
        }
        return vm_lib_error_set(err, VM_LIB_NO_MEMORY, "out of memory");
    }
    return mp_ok(mp_expt_u32(base, (uint32_t)e, out), err);
}

/*
 * Modular power (see header).
 */
bool
vm_bigint_powmod(const mp_int *base, const mp_int *exp, const mp_int *mod, mp_int *out,
                 VmLibError *err)
{
    if (mp_iszero(mod)) {
        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "pow() 3rd argument cannot be 0");
    }
    mp_int m, g, e;
    if (!mp_ok(mp_init_multi(&m, &g, &e, NULL), err)) {
        return false;
    }
    bool ok = mp_ok(mp_abs(mod, &m), err) && mp_ok(mp_mod(base, &m, &g), err)
              && mp_ok(mp_abs(exp, &e), err);
    if (ok && mp_cmp_d(&m, 1) == MP_EQ) {
        mp_zero(&g);
    } else if (ok) {
        if (exp->sign == MP_NEG) {
            mp_err r = mp_invmod(&g, &m, &g);
            if (r == MP_VAL) {
                ok = vm_lib_error_set(err, VM_LIB_VALUE_ERROR,
                                      "base is not invertible for the given modulus");
            } else {
                ok = mp_ok(r, err);
            }
        }
        ok = ok && mp_ok(mp_exptmod(&g, &e, &m, &g), err);
    }
    if (ok && mod->sign == MP_NEG && !mp_iszero(&g)) {
        ok = mp_ok(mp_sub(&g, &m, &g), err);
    }
    if (ok) {
        mp_exch(&g, out);
    }
    mp_clear_multi(&m, &g, &e, NULL);
    return ok;
}

/*
 * Size estimate of a power (see header).
 */
uint64_t
vm_bigint_pow_bits(const mp_int *base, uint64_t exp)
{
    uint64_t bits = (uint64_t)mp_count_bits(base);
    if (bits <= 1) {
        return 1;
    }
    /* |base| >= 2**(bits-1): the result has at least (bits-1)*exp bits. */
    if (exp != 0 && bits - 1 > UINT64_MAX / exp) {
        return UINT64_MAX;
    }
    return (bits - 1) * exp + 1;
}

/*
 * Shifts (see header).
 */
bool
vm_bigint_lshift(const mp_int *a, int64_t n, mp_int *out, VmLibError *err)
{
    if (n < 0) {
        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "negative shift count");
    }
    if (mp_iszero(a)) {
        mp_zero(out);
        return true;
    }
    if (n > INT32_MAX - 2 * MP_DIGIT_BIT) {
        return vm_lib_error_set(err, VM_LIB_NO_MEMORY, "out of memory");
    }
    return mp_ok(mp_mul_2d(a, (int)n, out), err);
}

bool
vm_bigint_rshift(const mp_int *a, int64_t n, mp_int *out, VmLibError *err)
{
    if (n < 0) {
        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "negative shift count");
    }
    if (n >= (int64_t)mp_count_bits(a)) {
        mp_set_i64(out, a->sign == MP_NEG && !mp_iszero(a) ? -1 : 0);
        return true;
    }
    return mp_ok(mp_signed_rsh(a, (int)n, out), err);
}

/*
 * Bitwise operators (see header).
 */
bool
vm_bigint_bitop(char op, const mp_int *a, const mp_int *b, mp_int *out, VmLibError *err)
{
    switch (op) {
    case '&':
        return mp_ok(mp_and(a, b, out), err);
    case '|':
        return mp_ok(mp_or(a, b, out), err);
    default:
        return mp_ok(mp_xor(a, b, out), err);
    }
}

bool
vm_bigint_invert(const mp_int *a, mp_int *out, VmLibError *err)
{
    return mp_ok(mp_complement(a, out), err);
}

/*
 * Bit length (see header).
 */
uint64_t
vm_bigint_bit_length(const mp_int *a)
{
    return (uint64_t)mp_count_bits(a);
}

/*
 * to_bytes (see header): negative values are written as v + 256**length.
 */
bool
vm_bigint_to_bytes(const mp_int *v, int64_t length, bool little, bool is_signed, VmBuf *out,
                   VmLibError *err)
{
    if (length < 0) {
        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "length argument must be non-negative");
    }
    if (mp_isneg(v) && !is_signed) {
        return vm_lib_error_set(err, VM_LIB_OVERFLOW_ERROR,
                                "can't convert negative int to unsigned");
    }
    uint64_t nbits = (uint64_t)length * 8;
    /* Fits?  unsigned: bits <= 8n; signed: -2**(8n-1) <= v < 2**(8n-1). */
    uint64_t bits = (uint64_t)mp_count_bits(v);
    bool fits;
    if (!is_signed) {
        fits = bits <= nbits;
    } else if (!mp_isneg(v)) {
        fits = bits < nbits || (bits == 0);
    } else {
        /* -2**(k) has k+1 bits and is the one value with bits == nbits that fits. */
        fits = bits < nbits || (bits == nbits && (uint64_t)mp_cnt_lsb(v) == bits - 1);
        /* CPython quirk: -1 "fits" in zero bytes (an empty sign extension). */
        fits = fits || (length == 0 && bits == 1);
    }
    if (!fits) {
        return vm_lib_error_set(err, VM_LIB_OVERFLOW_ERROR, "int too big to convert");
    }
    if (length > INT32_MAX / 8 || !vm_buf_reserve(out, (size_t)length)) {
        out->failed = out->over_limit = true;
        return vm_lib_error_from_buf(err, out);
    }
    mp_int t;
    if (!mp_ok(mp_init_copy(&t, v), err)) {
        return false;
    }
    bool ok = true;
    if (mp_isneg(&t)) {
        mp_int p;
        ok = mp_ok(mp_init(&p), err);
        if (ok) {
            ok = mp_ok(mp_2expt(&p, (int)nbits), err) && mp_ok(mp_add(&t, &p, &t), err);
            mp_clear(&p);
        }
    }
    unsigned char *dst = (unsigned char *)out->data + out->len;
    size_t n = (size_t)length;
    size_t used = ok ? mp_ubin_size(&t) : 0;
    if (ok && n > 0) {
        memset(dst, 0, n);
        size_t written = 0;
        ok = mp_ok(mp_to_ubin(&t, dst + (n - used), used, &written), err);
    }
    mp_clear(&t);
    if (!ok) {
        return false;
    }
    if (little) {
        for (size_t i = 0; i < n / 2; i++) {
            unsigned char c = dst[i];
            dst[i] = dst[n - 1 - i];
            dst[n - 1 - i] = c;
        }
    }
    out->len += n;
    out->data[out->len] = '\0';
    return true;
}

/*
 * from_bytes (see header).
 */
bool
vm_bigint_from_bytes(const unsigned char *data, size_t len, bool little, bool is_signed,
                     mp_int *out, VmLibError *err)
{
    mp_zero(out);
    if (len == 0) {
        return true;
    }
    if (!little) {
        if (!mp_ok(mp_from_ubin(out, data, len), err)) {
            return false;
        }
    } else {
        for (size_t i = len; i-- > 0;) {
            if (!mp_ok(mp_mul_2d(out, 8, out), err) || !mp_ok(mp_add_d(out, data[i], out), err)) {
                return false;
            }
        }
    }
    unsigned char top = little ? data[len - 1] : data[0];
    if (is_signed && (top & 0x80)) {
        mp_int p;
        if (!mp_ok(mp_init(&p), err)) {
            return false;
        }
        bool ok = mp_ok(mp_2expt(&p, (int)(len * 8)), err) && mp_ok(mp_sub(out, &p, out), err);
        mp_clear(&p);
        return ok;
    }
    return true;
}

/*
 * byteorder argument (see header).
 */
bool
vm_bigint_byteorder(const char *s, size_t len, bool *little, VmLibError *err)
{
    if (len == 6 && memcmp(s, "little", 6) == 0) {
        *little = true;
        return true;
    }
    if (len == 3 && memcmp(s, "big", 3) == 0) {
        *little = false;
        return true;
    }
    return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "byteorder must be either 'little' or 'big'");
}

/*
 * bit_count (see header).
 */
uint64_t
vm_bigint_bit_count(const mp_int *a)
{
    uint64_t n = 0;
    for (int i = 0; i < a->used; i++) {
        n += (uint64_t)__builtin_popcountll((unsigned long long)a->dp[i]);
    }
    return n;
}

/* k (<= 4) bits of |n| starting at bit pos (bit 0 is the least significant). */
static unsigned
bits_at(const mp_int *n, size_t pos, unsigned k)
{
    unsigned v = 0;
    for (unsigned j = 0; j < k; j++) {
        size_t b = pos + j;
        size_t d = b / MP_DIGIT_BIT;
        if (d < (size_t)n->used && ((n->dp[d] >> (b % MP_DIGIT_BIT)) & 1u)) {
            v |= 1u << j;
        }
    }
    return v;
}

/* vm_bigint_to_pow2_radix: see bigint.h. */
bool
vm_bigint_to_pow2_radix(const mp_int *n, int base, char *buf, size_t cap, size_t *written)
{
    unsigned k = base == 2 ? 1 : base == 8 ? 3 : 4;
    size_t nbits = (size_t)mp_count_bits(n);
    size_t ndig = nbits == 0 ? 1 : (nbits + k - 1) / k;
    if (ndig + 1 > cap) {
        return false;
    }
    for (size_t i = 0; i < ndig; i++) {
        buf[ndig - 1 - i] = "0123456789abcdef"[bits_at(n, i * k, k)];
    }
    buf[ndig] = '\0';
    if (written != NULL) {
        *written = ndig + 1;   /* as mp_to_radix: the terminator counts */
    }
    return true;
}
