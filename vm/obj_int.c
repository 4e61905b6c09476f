/*
 * obj_int.c — int: int64 inline fast path, libtommath VmBigInt beyond it.
 *
 * Every result is normalised: a value that fits int64 is always a small int, so
 * equality and hashing never need to compare a small int with a big one of the same
 * value. Big results are size-checked before computing when the size is predictable
 * (2 ** n, 1 << n) so a bomb is refused before it allocates (contract 4).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/lib_float.h"
#include "vm/vm_int.h"

VmStatus vm_lib_raise(VmRun *run, const VmLibError *err);

#define HASH_MODULUS (((int64_t)1 << 61) - 1)
#define MAX_STR_DIGITS 4300

static void
bigint_fini(VmRun *run, VmObj *o)
{
    VmBigInt *b = (VmBigInt *)o;
    run->heap.live_bytes -= (size_t)b->n.alloc * sizeof(mp_digit);
    mp_clear(&b->n);
}

bool
vm_is_int(VmValue v)
{
    return v.tag == VM_TAG_INT || v.tag == VM_TAG_BOOL || vm_is(v, &vm_type_int);
}

int
vm_int_sign(VmValue v)
{
    if (v.tag != VM_TAG_OBJ) {
        return v.u.i < 0 ? -1 : v.u.i > 0;
    }
    return mp_isneg(&VM_AS(VmBigInt, v)->n) ? -1 : 1;
}

/*
 * vm_int_from_mp: the int value of n; n is consumed (moved into a VmBigInt or
 * cleared). EMPTY with an exception on failure.
 */
VmValue
vm_int_from_mp(VmRun *run, mp_int *n)
{
    if (mp_count_bits(n) <= 63) {
        int64_t i = mp_get_i64(n);
        mp_clear(n);
        return vm_val_int(i);
    }
    size_t digits_bytes = (size_t)n->alloc * sizeof(mp_digit);
    if (vm_heap_check(run, digits_bytes + sizeof(VmBigInt)) != VM_OK) {
        mp_clear(n);
        return vm_val_empty();
    }
    VmBigInt *b = (VmBigInt *)vm_obj_new(run, &vm_type_int, sizeof(VmBigInt));
    if (b == NULL) {
        mp_clear(n);
        return vm_val_empty();
    }
    b->n = *n;      /* take ownership of the digits */
    run->heap.live_bytes += digits_bytes;
    return vm_obj_val(b);
}

/* vm_int_to_mp: initialises `out` with the value of an int-like v. */
VmStatus
vm_int_to_mp(VmRun *run, VmValue v, mp_int *out)
{
    mp_err e;
    if (v.tag == VM_TAG_OBJ) {
        e = mp_init_copy(out, &VM_AS(VmBigInt, v)->n);
    } else {
        e = mp_init_i64(out, v.u.i);
    }
    if (e != MP_OKAY) {
        return vm_raise(run, &vm_exc_MemoryError, "%s", "");
    }
    return VM_OK;
}

/* vm_int_from_str: parses digits (already validated by the compiler) in `base`. */
VmValue
vm_int_from_str(VmRun *run, const char *digits, int base)
{
    mp_int n;
    if (mp_init(&n) != MP_OKAY || mp_read_radix(&n, digits, base) != MP_OKAY) {
        mp_clear(&n);
        vm_raise(run, &vm_exc_ValueError, "invalid integer literal");
        return vm_val_empty();
    }
    return vm_int_from_mp(run, &n);
}

/* vm_int_cmp: -1/0/1 comparing two int-like values. */
int
vm_int_cmp(VmValue a, VmValue b)
{
    if (a.tag != VM_TAG_OBJ && b.tag != VM_TAG_OBJ) {
        return a.u.i < b.u.i ? -1 : a.u.i > b.u.i;
    }
    if (a.tag != VM_TAG_OBJ) {
        return mp_isneg(&VM_AS(VmBigInt, b)->n) ? 1 : -1;
    }
    if (b.tag != VM_TAG_OBJ) {
        return mp_isneg(&VM_AS(VmBigInt, a)->n) ? -1 : 1;
    }
    mp_ord o = mp_cmp(&VM_AS(VmBigInt, a)->n, &VM_AS(VmBigInt, b)->n);
    return o == MP_LT ? -1 : o == MP_GT ? 1 : 0;
}

/* vm_int_hash: CPython's numeric hash (value modulo 2**61 - 1, sign kept). */
int64_t
vm_int_hash(VmValue v)
{
    if (v.tag != VM_TAG_OBJ) {
        int64_t i = v.u.i;
        uint64_t m = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
        int64_t h = (int64_t)(m % (uint64_t)HASH_MODULUS);
        if (i < 0) {
            h = -h;
        }
        return h == -1 ? -2 : h;
    }
    mp_int *n = &VM_AS(VmBigInt, v)->n;
    mp_int mod, r;
    if (mp_init_i64(&mod, HASH_MODULUS) != MP_OKAY) {
        return 0;
    }
    if (mp_init(&r) != MP_OKAY) {
        mp_clear(&mod);
        return 0;
    }
    mp_int absn = *n;
    absn.sign = MP_ZPOS;
    int64_t h = 0;
    if (mp_mod(&absn, &mod, &r) == MP_OKAY) {
        h = mp_get_i64(&r);
    }
    mp_clear_multi(&mod, &r, NULL);
    if (mp_isneg(n)) {
        h = -h;
    }
    return h == -1 ? -2 : h;
}

/* vm_int_to_double: float(v), OverflowError when too large. */
VmStatus
vm_int_to_double(VmRun *run, VmValue v, double *out)
{
    if (v.tag != VM_TAG_OBJ) {
        *out = (double)v.u.i;
        return VM_OK;
    }
    mp_int *n = &VM_AS(VmBigInt, v)->n;
    if (mp_count_bits(n) > 1024) {
        return vm_raise(run, &vm_exc_OverflowError, "int too large to convert to float");
    }
    double d = mp_get_double(n);
    if (isinf(d)) {
        return vm_raise(run, &vm_exc_OverflowError, "int too large to convert to float");
    }
    *out = d;
    return VM_OK;
}

/* vm_int_from_double: int(d) truncating; errors for inf/nan as CPython. */
VmStatus
vm_int_from_double(VmRun *run, double d, VmValue *out)
{
    if (isnan(d)) {
        return vm_raise(run, &vm_exc_ValueError, "cannot convert float NaN to integer");
    }
    if (isinf(d)) {
        return vm_raise(run, &vm_exc_OverflowError, "cannot convert float infinity to integer");
    }
    d = trunc(d);
    if (d >= -9223372036854775808.0 && d < 9223372036854775808.0) {
        *out = vm_val_int((int64_t)d);
        return VM_OK;
    }
    mp_int n;
    if (mp_init(&n) != MP_OKAY || mp_set_double(&n, d) != MP_OKAY) {
        mp_clear(&n);
        return vm_raise(run, &vm_exc_MemoryError, "%s", "");
    }
    *out = vm_int_from_mp(run, &n);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

/* vm_int_repr: decimal text, refusing more than 4300 digits as CPython does. */
VmStatus
vm_int_repr(VmRun *run, VmValue v, VmValue *out)
{
    if (v.tag == VM_TAG_BOOL) {
        *out = vm_str_val(run, v.u.i ? "True" : "False", v.u.i ? 4 : 5);
        return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
    }
    if (v.tag != VM_TAG_OBJ) {
        VmStr *s = vm_str_from_i64(run, v.u.i);     /* no printf: str(i) is hot */
        *out = s != NULL ? vm_obj_val(s) : vm_val_empty();
        return s != NULL ? VM_OK : VM_ERR;
    }
    mp_int *n = &VM_AS(VmBigInt, v)->n;
    int bits = mp_count_bits(n);
    const char *limit_msg = "Exceeds the limit (4300 digits) for integer string conversion; "
                            "use sys.set_int_max_str_digits() to increase the limit";
    if (bits > 14300) {
        return vm_raise(run, &vm_exc_ValueError, "%s", limit_msg);
    }
    size_t cap = (size_t)bits / 3 + 4;
    char *buf = vm_heap_alloc(run, cap);
    if (buf == NULL) {
        return VM_ERR;
    }
    size_t written = 0;
    if (mp_to_radix(n, buf, cap, &written, 10) != MP_OKAY) {
        vm_heap_free(run, buf);
        return vm_raise(run, &vm_exc_MemoryError, "%s", "");
    }
    size_t len = strlen(buf);
    if (len - (buf[0] == '-') > MAX_STR_DIGITS) {
        vm_heap_free(run, buf);
        return vm_raise(run, &vm_exc_ValueError, "%s", limit_msg);
    }
    *out = vm_str_val(run, buf, len);
    vm_heap_free(run, buf);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

static int64_t
floordiv64(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) {
        q--;
    }
    return q;
}

static int64_t
mod64(int64_t a, int64_t b)
{
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) {
        r += b;
    }
    return r;
}

static VmStatus
mp_fail(VmRun *run, mp_int *a, mp_int *b, mp_int *c)
{
    mp_clear_multi(a, b, c, NULL);
    return vm_raise(run, &vm_exc_MemoryError, "%s", "");
}

/*
 * r = x ** e by left-to-right squaring, for a run with a time limit: the
 * clock is read after every step, and a step is refused up front when the
 * previous one, scaled to the new operand size (multiplication grows about as
 * n ** 1.465 in libtommath), would end past the deadline. One libtommath call
 * for 7 ** 10**8 runs for minutes with nobody looking at the clock
 * (contract 4: time is checked inside long builtins). Without a time limit
 * the library's own exponentiation is used.
 */
static VmStatus
expt_within_time(VmRun *run, const mp_int *x, uint32_t e, mp_int *r)
{
    if (run->limits.max_duration_ns == 0 || e < 2) {
        return mp_expt_u32(x, e, r) == MP_OKAY ? VM_OK
                                              : vm_raise(run, &vm_exc_MemoryError, "%s", "");
    }
    mp_set(r, 1u);
    double last_ns = 0.0, last_bits = 0.0;
    for (int i = 31 - __builtin_clz(e); i >= 0; i--) {
        double bits = (double)mp_count_bits(r);
        uint64_t now = vm_clock_ns();
        double left = (double)run->limits.max_duration_ns
                      - (double)(run->used_ns + (now - run->start_ns));
        if (last_bits > 0.0 && bits > last_bits
            && last_ns * pow(bits / last_bits, 1.465) > left) {
            return vm_raise_limit(run, VM_LIMIT_TIME);
        }
        if (mp_sqr(r, r) != MP_OKAY
            || (((e >> i) & 1u) && mp_mul(r, x, r) != MP_OKAY)) {
            return vm_raise(run, &vm_exc_MemoryError, "%s", "");
        }
        uint64_t done = vm_clock_ns();
        if (bits > 64.0) {
            last_ns = (double)(done - now);
            last_bits = bits;
        }
        if (vm_check_time(run) != VM_OK) {
            return VM_ERR;
        }
    }
    return VM_OK;
}

/* True division of ints, correctly rounded for the common range. */
static VmStatus
int_truediv(VmRun *run, VmValue a, VmValue b, VmValue *out)
{
    if (vm_int_sign(b) == 0) {
        return vm_raise(run, &vm_exc_ZeroDivisionError, "division by zero");
    }
    if (a.tag != VM_TAG_OBJ && b.tag != VM_TAG_OBJ
        && llabs(a.u.i) <= ((int64_t)1 << 53) && llabs(b.u.i) <= ((int64_t)1 << 53)) {
        *out = vm_val_float((double)a.u.i / (double)b.u.i);
        return VM_OK;
    }
    /* big operands: correctly rounded from the exact quotient ((10**400) / 10**399 is 10.0) */
    mp_int x, y;
    if (vm_int_to_mp(run, a, &x) != VM_OK) {
        return VM_ERR;
    }
    if (vm_int_to_mp(run, b, &y) != VM_OK) {
        mp_clear(&x);
        return VM_ERR;
    }
    VmLibError err;
    vm_lib_error_clear(&err);
    double q = 0;
    bool ok = vm_float_int_truediv(&x, &y, &q, &err);
    mp_clear(&x);
    mp_clear(&y);
    if (!ok) {
        return vm_lib_raise(run, &err);
    }
    *out = vm_val_float(q);
    return VM_OK;
}

static VmStatus
int_pow(VmRun *run, VmValue a, VmValue b, VmValue *out)
{
    if (vm_int_sign(b) < 0) {
        double x = 0, y = 0;
        if (vm_int_to_double(run, a, &x) != VM_OK || vm_int_to_double(run, b, &y) != VM_OK) {
            return VM_ERR;
        }
        if (x == 0.0) {
            return vm_raise(run, &vm_exc_ZeroDivisionError,
                            "0.0 cannot be raised to a negative power");
        }
        *out = vm_val_float(pow(x, y));
        return VM_OK;
    }
    if (a.tag != VM_TAG_OBJ && b.tag != VM_TAG_OBJ) {
        int64_t base = a.u.i, e = b.u.i, r = 1;
        bool overflow = false;
        while (e > 0 && !overflow) {
            if (e & 1) {
                overflow = __builtin_mul_overflow(r, base, &r);
            }
            e >>= 1;
            if (e > 0 && !overflow) {
                overflow = __builtin_mul_overflow(base, base, &base);
            }
        }
        if (!overflow) {
            *out = vm_val_int(r);
            return VM_OK;
        }
    }
    if (b.tag == VM_TAG_OBJ) {
        int s = vm_int_sign(a);
        if (a.tag != VM_TAG_OBJ && (a.u.i == 0 || a.u.i == 1)) {
            *out = a;
            return VM_OK;
        }
        if (a.tag != VM_TAG_OBJ && a.u.i == -1) {
            *out = vm_val_int(mp_isodd(&VM_AS(VmBigInt, b)->n) ? -1 : 1);
            return VM_OK;
        }
        (void)s;
        return vm_heap_check(run, (size_t)1 << 62);
    }
    mp_int x, r;
    if (vm_int_to_mp(run, a, &x) != VM_OK) {
        return VM_ERR;
    }
    /* result size is known up front: refuse a bomb before computing it */
    double bits = (double)mp_count_bits(&x) * (double)b.u.i;
    if (vm_heap_check(run, (size_t)(bits / 2.0 > 1e15 ? 1e15 : bits / 2.0)) != VM_OK
        || (bits > 1e6 && vm_check_time(run) != VM_OK)) {
        mp_clear(&x);
        return VM_ERR;
    }
    if (mp_init(&r) != MP_OKAY) {
        mp_clear(&x);
        return vm_raise(run, &vm_exc_MemoryError, "%s", "");
    }
    VmStatus st = expt_within_time(run, &x, (uint32_t)b.u.i, &r);
    if (st != VM_OK) {
        mp_clear_multi(&x, &r, NULL);
        return st;
    }
    mp_clear(&x);
    *out = vm_int_from_mp(run, &r);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

static VmStatus
int_shift(VmRun *run, int op, VmValue a, VmValue b, VmValue *out)
{
    if (vm_int_sign(b) < 0) {
        return vm_raise(run, &vm_exc_ValueError, "negative shift count");
    }
    if (op == VM_OP_RSHIFT) {
        if (b.tag == VM_TAG_OBJ || b.u.i >= 64) {
            if (a.tag != VM_TAG_OBJ) {
                *out = vm_val_int(a.u.i < 0 ? -1 : 0);
                return VM_OK;
            }
            if (b.tag == VM_TAG_OBJ) {
                *out = vm_val_int(vm_int_sign(a) < 0 ? -1 : 0);
                return VM_OK;
            }
        } else if (a.tag != VM_TAG_OBJ) {
            *out = vm_val_int(a.u.i >> b.u.i);
            return VM_OK;
        }
    } else {
        if (vm_int_sign(a) == 0) {
            *out = vm_val_int(0);
            return VM_OK;
        }
        if (b.tag == VM_TAG_OBJ) {
            return vm_raise(run, &vm_exc_OverflowError, "too many digits in integer");
        }
        if (a.tag != VM_TAG_OBJ && b.u.i < 62) {
            int64_t r;
            if (!__builtin_mul_overflow(a.u.i, (int64_t)1 << b.u.i, &r)) {
                *out = vm_val_int(r);
                return VM_OK;
            }
        }
        if (vm_heap_check(run, (size_t)(b.u.i / 8)) != VM_OK) {
            return VM_ERR;
        }
    }
    mp_int x, r;
    if (vm_int_to_mp(run, a, &x) != VM_OK) {
        return VM_ERR;
    }
    if (mp_init(&r) != MP_OKAY) {
        mp_clear(&x);
        return vm_raise(run, &vm_exc_MemoryError, "%s", "");
    }
    mp_err e = op == VM_OP_LSHIFT ? mp_mul_2d(&x, (int)b.u.i, &r)
                                  : mp_signed_rsh(&x, (int)b.u.i, &r);
    mp_clear(&x);
    if (e != MP_OKAY) {
        mp_clear(&r);
        return vm_raise(run, &vm_exc_MemoryError, "%s", "");
    }
    *out = vm_int_from_mp(run, &r);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

/* The general path: both operands converted to mp_int. */
static VmStatus
int_big(VmRun *run, int op, VmValue a, VmValue b, VmValue *out)
{
    mp_int x, y, r, m;
    if (vm_int_to_mp(run, a, &x) != VM_OK) {
        return VM_ERR;
    }
    if (vm_int_to_mp(run, b, &y) != VM_OK) {
        mp_clear(&x);
        return VM_ERR;
    }
    if (mp_init_multi(&r, &m, NULL) != MP_OKAY) {
        return mp_fail(run, &x, &y, NULL);
    }
    mp_err e = MP_OKAY;
    switch (op) {
    case VM_OP_ADD: e = mp_add(&x, &y, &r); break;
    case VM_OP_SUB: e = mp_sub(&x, &y, &r); break;
    case VM_OP_MUL: {
        /* libtommath's temporaries are not accounted: ask for 4x (16x when big) the result and
         * check the time budget before a long multiplication */
        size_t bytes = (size_t)(mp_count_bits(&x) + mp_count_bits(&y)) / 8;
        if (vm_heap_check(run, bytes > (1u << 16) ? bytes * 16 : bytes * 4) != VM_OK
            || (bytes > (1u << 16) && vm_check_time(run) != VM_OK)) {
            mp_clear_multi(&x, &y, &r, &m, NULL);
            return VM_ERR;
        }
        e = mp_mul(&x, &y, &r);
        break;
    }
    case VM_OP_FLOORDIV:
    case VM_OP_MOD:
        e = mp_div(&x, &y, &r, &m);
        if (e == MP_OKAY && !mp_iszero(&m) && (mp_isneg(&m) != mp_isneg(&y))) {
            e = mp_decr(&r);
            if (e == MP_OKAY) {
                e = mp_add(&m, &y, &m);
            }
        }
        if (op == VM_OP_MOD) {
            mp_exch(&r, &m);
        }
        break;
    case VM_OP_AND: e = mp_and(&x, &y, &r); break;
    case VM_OP_OR: e = mp_or(&x, &y, &r); break;
    case VM_OP_XOR: e = mp_xor(&x, &y, &r); break;
    default: break;
    }
    mp_clear_multi(&x, &y, &m, NULL);
    if (e != MP_OKAY) {
        mp_clear(&r);
        return vm_raise(run, &vm_exc_MemoryError, "%s", "");
    }
    *out = vm_int_from_mp(run, &r);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

/*
 * vm_int_binop: a op b for int-like a and b (bools count as ints). Returns VM_OK with
 * EMPTY for operators ints do not support (@).
 */
VmStatus
vm_int_binop(VmRun *run, int op, VmValue a, VmValue b, VmValue *out)
{
    bool small = a.tag != VM_TAG_OBJ && b.tag != VM_TAG_OBJ;
    int64_t x = a.u.i, y = b.u.i, r;
    switch (op) {
    case VM_OP_ADD:
        if (small && !__builtin_add_overflow(x, y, &r)) {
            *out = vm_val_int(r);
            return VM_OK;
        }
        break;
    case VM_OP_SUB:
        if (small && !__builtin_sub_overflow(x, y, &r)) {
            *out = vm_val_int(r);
            return VM_OK;
        }
        break;
    case VM_OP_MUL:
        if (small && !__builtin_mul_overflow(x, y, &r)) {
            *out = vm_val_int(r);
            return VM_OK;
        }
        break;
    case VM_OP_DIV:
        return int_truediv(run, a, b, out);
    case VM_OP_FLOORDIV:
    case VM_OP_MOD:
        if (vm_int_sign(b) == 0) {
            return vm_raise(run, &vm_exc_ZeroDivisionError, op == VM_OP_MOD
                            ? "integer modulo by zero" : "integer division or modulo by zero");
        }
        if (small && !(x == INT64_MIN && y == -1)) {
            *out = vm_val_int(op == VM_OP_MOD ? mod64(x, y) : floordiv64(x, y));
            return VM_OK;
        }
        break;
    case VM_OP_POW:
        return int_pow(run, a, b, out);
    case VM_OP_LSHIFT:
    case VM_OP_RSHIFT:
        return int_shift(run, op, a, b, out);
    case VM_OP_AND:
        if (small) {
            *out = vm_val_int(x & y);
            return VM_OK;
        }
        break;
    case VM_OP_OR:
        if (small) {
            *out = vm_val_int(x | y);
            return VM_OK;
        }
        break;
    case VM_OP_XOR:
        if (small) {
            *out = vm_val_int(x ^ y);
            return VM_OK;
        }
        break;
    default:
        *out = vm_val_empty();
        return VM_OK;
    }
    return int_big(run, op, a, b, out);
}

/* Unary -, ~ on ints (bool included). */
VmStatus vm_int_unary(VmRun *run, int op, VmValue a, VmValue *out);
VmStatus
vm_int_unary(VmRun *run, int op, VmValue a, VmValue *out)
{
    if (op == VM_UOP_POS) {
        *out = a.tag == VM_TAG_BOOL ? vm_val_int(a.u.i) : a;
        return VM_OK;
    }
    if (a.tag != VM_TAG_OBJ) {
        if (op == VM_UOP_INVERT) {
            *out = vm_val_int(~a.u.i);
            return VM_OK;
        }
        if (a.u.i != INT64_MIN) {
            *out = vm_val_int(-a.u.i);
            return VM_OK;
        }
    }
    mp_int x, r;
    if (vm_int_to_mp(run, a, &x) != VM_OK) {
        return VM_ERR;
    }
    if (mp_init(&r) != MP_OKAY) {
        mp_clear(&x);
        return vm_raise(run, &vm_exc_MemoryError, "%s", "");
    }
    mp_err e = op == VM_UOP_INVERT ? mp_complement(&x, &r) : mp_neg(&x, &r);
    mp_clear(&x);
    if (e != MP_OKAY) {
        mp_clear(&r);
        return vm_raise(run, &vm_exc_MemoryError, "%s", "");
    }
    *out = vm_int_from_mp(run, &r);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

static VmStatus
int_repr_slot(VmRun *run, VmValue self, VmValue *out)
{
    return vm_int_repr(run, self, out);
}

static VmStatus
int_hash_slot(VmRun *run, VmValue self, int64_t *out)
{
    *out = vm_int_hash(self);
    return VM_OK;
}

static VmStatus
int_bool_slot(VmRun *run, VmValue self, bool *out)
{
    *out = vm_int_sign(self) != 0;
    return VM_OK;
}

/* int attributes: real, imag, numerator, denominator (shared by bool). */
VmStatus vm_int_getattr(VmRun *run, VmValue self, VmStr *name, VmValue *out);
VmStatus
vm_int_getattr(VmRun *run, VmValue self, VmStr *name, VmValue *out)
{
    VmValue v = self.tag == VM_TAG_BOOL ? vm_val_int(self.u.i) : self;
    *out = vm_val_empty();
    if (vm_str_eq_cstr(name, "real") || vm_str_eq_cstr(name, "numerator")) {
        *out = v;
    } else if (vm_str_eq_cstr(name, "imag")) {
        *out = vm_val_int(0);
    } else if (vm_str_eq_cstr(name, "denominator")) {
        *out = vm_val_int(1);
    }
    return VM_OK;
}

VmStatus vm_num_richcompare(VmRun *run, VmValue a, VmValue b, VmCmp op, VmValue *out);
VmStatus vm_int_new(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                    VmTuple *kwnames, VmValue *out);
extern const VmBuiltin *const vm_int_methods[];

const VmType vm_type_int = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "int", .base = &vm_type_object,
    .fini = bigint_fini, .repr = int_repr_slot, .hash = int_hash_slot,
    .richcompare = vm_num_richcompare, .bool_ = int_bool_slot, .new_ = vm_int_new,
    .methods = vm_int_methods, .getattr = vm_int_getattr,
};
