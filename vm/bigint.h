/*
 * bigint.h - Python int semantics on libtommath's mp_int.
 *
 * libtommath (Debian libtommath-dev 1.2) is used because it reports every
 * allocation failure as MP_MEM instead of aborting, and its bitwise
 * operations already have two's-complement meaning on negatives.  These
 * helpers add what Python defines differently: floor division and modulo
 * with the divisor's sign, pow with a (possibly negative) modulus and
 * modular inverse, floor right shift, correctly rounded int -> float,
 * exact int <-> float comparison, and text conversion with CPython's
 * 4300-digit limit.
 *
 * Conventions: inputs are borrowed; outputs are initialised mp_ints owned by
 * the caller (they may alias inputs).  Functions return false with `err`
 * set (Python exception kind + CPython's message); MP_MEM becomes
 * VM_LIB_NO_MEMORY.  Operations whose result size is known beforehand have
 * a *_bits estimate so the VM can refuse them before allocating.
 */
#ifndef MONTY_VM_BIGINT_H
#define MONTY_VM_BIGINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <tommath.h>

#include "vm/lib_buf.h"
#include "vm/lib_err.h"

/* CPython's default sys.get_int_max_str_digits(). */
#define VM_BIGINT_MAX_STR_DIGITS 4300

/* vm_bigint_cmp_double's result when the float is a NaN. */
#define VM_BIGINT_UNORDERED 2

/*
 * Append v in `base` (2..36, lowercase letters, '-' for negatives, no
 * prefix).  max_digits > 0 enforces CPython's limit for non-power-of-two
 * bases ("Exceeds the limit (4300 digits) for integer string conversion;
 * use sys.set_int_max_str_digits() to increase the limit"), checked before
 * converting when the bit length already proves it.
 */
bool
vm_bigint_to_str(const mp_int *v, int base, size_t max_digits, VmBuf *out, VmLibError *err);

/*
 * Upper bound of the characters vm_bigint_to_str writes (sign included).
 */
size_t
vm_bigint_str_size(const mp_int *v, int base);

/*
 * Build v from validated ASCII digits (no sign, no underscores) in base
 * 2..36, case-insensitive.  Linear for power-of-two bases; chunked
 * multiply-add otherwise.
 */
bool
vm_bigint_from_digits(const char *digits, size_t n, int base, bool negative, mp_int *v,
                      VmLibError *err);

/*
 * v fits an int64?  Stores it in *out when it does.
 */
bool
vm_bigint_get_i64(const mp_int *v, int64_t *out);

/*
 * float(v), correctly rounded (half to even).  OverflowError "int too large
 * to convert to float".
 */
bool
vm_bigint_to_double(const mp_int *v, double *out, VmLibError *err);

/*
 * int(d): truncates toward zero.  OverflowError "cannot convert float
 * infinity to integer", ValueError "cannot convert float NaN to integer".
 */
bool
vm_bigint_from_double(double d, mp_int *out, VmLibError *err);

/*
 * Exact comparison of an int with a float: -1, 0, 1, or VM_BIGINT_UNORDERED
 * for NaN.  Never fails (0 is returned on allocation failure of the
 * temporary, which cannot happen for finite doubles below 2**1024... it
 * allocates at most 18 digits).
 */
int
vm_bigint_cmp_double(const mp_int *a, double d);

/*
 * a // b and/or a % b with Python's rounding (toward negative infinity; the
 * remainder has the divisor's sign).  q or r may be NULL.  `modulo_only`
 * selects the message of `a % 0` ("integer modulo by zero") over
 * "integer division or modulo by zero".
 */
bool
vm_bigint_divmod(const mp_int *a, const mp_int *b, mp_int *q, mp_int *r, bool modulo_only,
                 VmLibError *err);

/*
 * base ** exp for exp >= 0 (negative exponents are the caller's float path).
 */
bool
vm_bigint_pow(const mp_int *base, const mp_int *exp, mp_int *out, VmLibError *err);

/*
 * pow(base, exp, mod): result has mod's sign; mod == 0 is ValueError
 * "pow() 3rd argument cannot be 0"; a negative exp uses the modular inverse
 * ("base is not invertible for the given modulus").
 */
bool
vm_bigint_powmod(const mp_int *base, const mp_int *exp, const mp_int *mod, mp_int *out,
                 VmLibError *err);

/*
 * Estimated bit length of base ** exp (for refusing 10 ** 10**10 before
 * computing).  Saturates at UINT64_MAX.
 */
uint64_t
vm_bigint_pow_bits(const mp_int *base, uint64_t exp);

/*
 * a << n and a >> n (floor).  Negative n: ValueError "negative shift
 * count".  The VM refuses huge left shifts by checking
 * vm_bigint_bit_length(a) + n against its limit first.
 */
bool
vm_bigint_lshift(const mp_int *a, int64_t n, mp_int *out, VmLibError *err);
bool
vm_bigint_rshift(const mp_int *a, int64_t n, mp_int *out, VmLibError *err);

/*
 * Bitwise operators with two's-complement semantics; op is '&', '|', '^'.
 */
bool
vm_bigint_bitop(char op, const mp_int *a, const mp_int *b, mp_int *out, VmLibError *err);

/*
 * ~a == -a - 1.
 */
bool
vm_bigint_invert(const mp_int *a, mp_int *out, VmLibError *err);

/*
 * int.to_bytes(length, 'little'|'big', signed=...) appended to out.
 * OverflowError "int too big to convert" / "can't convert negative int to
 * unsigned"; ValueError "length argument must be non-negative".  The
 * byteorder string check ("byteorder must be either 'little' or 'big'")
 * is vm_bigint_byteorder.
 */
bool
vm_bigint_to_bytes(const mp_int *v, int64_t length, bool little, bool is_signed, VmBuf *out,
                   VmLibError *err);

/*
 * int.from_bytes(data, 'little'|'big', signed=...).
 */
bool
vm_bigint_from_bytes(const unsigned char *data, size_t len, bool little, bool is_signed,
                     mp_int *out, VmLibError *err);

/*
 * Parse a byteorder argument: sets *little; false with the ValueError.
 */
bool
vm_bigint_byteorder(const char *s, size_t len, bool *little, VmLibError *err);

/*
 * int.bit_count(): number of one bits in |a|.
 */
uint64_t
vm_bigint_bit_count(const mp_int *a);

/*
 * int.bit_length(): bits of |a| (0 for 0).
 */
uint64_t
vm_bigint_bit_length(const mp_int *a);

/*
 * Digits of |n| in base 2, 8 or 16, lowercase, NUL-terminated, into buf of
 * cap bytes (mp_count_bits(n) + 2 always suffices). Linear time: libtommath's
 * mp_to_radix divides once per digit, which is quadratic (bin() of a
 * 300k-bit int took half a second). Returns false if buf is too small.
 */
bool vm_bigint_to_pow2_radix(const mp_int *n, int base, char *buf, size_t cap,
                             size_t *written);

#endif
