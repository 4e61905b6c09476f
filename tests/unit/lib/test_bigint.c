/*
 * test_bigint.c - Python int semantics on mp_int against CPython 3.13.
 */
#include <check.h>
#include <math.h>
#include <stdlib.h>

#include "tests/unit/lib/cases.h"
#include "tests/unit/lib/lib_tests.h"
#include "vm/bigint.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static void
big_from(mp_int *v, const char *dec)
{
    ck_assert(mp_init(v) == MP_OKAY);
    ck_assert(mp_read_radix(v, dec, 10) == MP_OKAY);
}

/* Decimal text of v through vm_bigint_to_str (unlimited). */
static char *
big_text(const mp_int *v)
{
    VmBuf b;
    VmLibError err;
    vm_buf_init(&b, NULL, NULL);
    ck_assert(vm_bigint_to_str(v, 10, 0, &b, &err));
    return vm_buf_take(&b, NULL, NULL);
}

static void
expect_text(const mp_int *v, const char *want, const char *what)
{
    char *got = big_text(v);
    ck_assert_msg(strcmp(got, want) == 0, "%s = %s, want %s", what, got, want);
    free(got);
}

START_TEST(test_ops_table)
{
    const BigOpCase *c = &big_op_cases[_i];
    mp_int a, b, q, r;
    VmLibError err;
    big_from(&a, c->a);
    big_from(&b, c->b);
    ck_assert(mp_init_multi(&q, &r, NULL) == MP_OKAY);
    if (c->floordiv[0] == '!') {
        ck_assert(!vm_bigint_divmod(&a, &b, &q, NULL, false, &err));
        ck_assert_str_eq(lib_test_error_text(&err), c->floordiv);
        ck_assert(!vm_bigint_divmod(&a, &b, NULL, &r, true, &err));
        ck_assert_str_eq(lib_test_error_text(&err), c->mod);
    } else {
        ck_assert(vm_bigint_divmod(&a, &b, &q, &r, false, &err));
        expect_text(&q, c->floordiv, "a // b");
        expect_text(&r, c->mod, "a % b");
    }
    ck_assert(vm_bigint_bitop('&', &a, &b, &q, &err));
    expect_text(&q, c->and_, "a & b");
    ck_assert(vm_bigint_bitop('|', &a, &b, &q, &err));
    expect_text(&q, c->or_, "a | b");
    ck_assert(vm_bigint_bitop('^', &a, &b, &q, &err));
    expect_text(&q, c->xor_, "a ^ b");
    mp_clear_multi(&a, &b, &q, &r, NULL);
}
END_TEST

START_TEST(test_shift_table)
{
    const BigShiftCase *c = &big_shift_cases[_i];
    mp_int a, r;
    VmLibError err;
    big_from(&a, c->a);
    ck_assert(mp_init(&r) == MP_OKAY);
    ck_assert(vm_bigint_lshift(&a, c->n, &r, &err));
    expect_text(&r, c->shl, "a << n");
    ck_assert(vm_bigint_rshift(&a, c->n, &r, &err));
    expect_text(&r, c->shr, "a >> n");
    ck_assert(vm_bigint_invert(&a, &r, &err));
    expect_text(&r, c->inv, "~a");
    ck_assert_uint_eq(vm_bigint_bit_length(&a), (uint64_t)c->bitlen);
    ck_assert(!vm_bigint_lshift(&a, -1, &r, &err));
    ck_assert_str_eq(lib_test_error_text(&err), "!ValueError: negative shift count");
    mp_clear_multi(&a, &r, NULL);
}
END_TEST

START_TEST(test_powmod_table)
{
    const PowModCase *c = &powmod_cases[_i];
    mp_int b, e, m, r;
    VmLibError err;
    big_from(&b, c->b);
    big_from(&e, c->e);
    big_from(&m, c->m);
    ck_assert(mp_init(&r) == MP_OKAY);
    if (c->expect[0] == '!') {
        ck_assert(!vm_bigint_powmod(&b, &e, &m, &r, &err));
        ck_assert_str_eq(lib_test_error_text(&err), c->expect);
    } else {
        ck_assert(vm_bigint_powmod(&b, &e, &m, &r, &err));
        expect_text(&r, c->expect, "pow(b, e, m)");
    }
    mp_clear_multi(&b, &e, &m, &r, NULL);
}
END_TEST

START_TEST(test_pow)
{
    mp_int b, e, r;
    VmLibError err;
    big_from(&b, "-3");
    big_from(&e, "41");
    ck_assert(mp_init(&r) == MP_OKAY);
    ck_assert(vm_bigint_pow(&b, &e, &r, &err));
    expect_text(&r, "-36472996377170786403", "(-3)**41");
    ck_assert(mp_read_radix(&e, "100000000000000000000", 10) == MP_OKAY);
    mp_set_i64(&b, -1);
    ck_assert(vm_bigint_pow(&b, &e, &r, &err));
    expect_text(&r, "1", "(-1)**10**20");
    ck_assert_uint_eq(vm_bigint_pow_bits(&b, 5), 1);
    mp_set_i64(&b, 10);
    ck_assert_uint_ge(vm_bigint_pow_bits(&b, 1000), 3000);
    ck_assert_uint_le(vm_bigint_pow_bits(&b, 1000), 3322);
    mp_clear_multi(&b, &e, &r, NULL);
}
END_TEST

START_TEST(test_to_double_table)
{
    const ToDoubleCase *c = &to_double_cases[_i];
    mp_int a;
    VmLibError err;
    double d;
    big_from(&a, c->a);
    if (c->error) {
        ck_assert(!vm_bigint_to_double(&a, &d, &err));
        ck_assert_str_eq(lib_test_error_text(&err), c->error);
    } else {
        ck_assert(vm_bigint_to_double(&a, &d, &err));
        ck_assert_msg(lib_test_bits(d) == c->bits, "float(%s) = %a", c->a, d);
    }
    mp_clear(&a);
}
END_TEST

START_TEST(test_cmp_double_table)
{
    const CmpDoubleCase *c = &cmp_double_cases[_i];
    mp_int a;
    big_from(&a, c->a);
    ck_assert_int_eq(vm_bigint_cmp_double(&a, lib_test_double(c->bits)), c->cmp);
    mp_clear(&a);
}
END_TEST

START_TEST(test_from_double)
{
    mp_int a;
    VmLibError err;
    ck_assert(mp_init(&a) == MP_OKAY);
    ck_assert(vm_bigint_from_double(-1e22, &a, &err));
    expect_text(&a, "-10000000000000000000000", "int(-1e22)");
    ck_assert(vm_bigint_from_double(-2.75, &a, &err));
    expect_text(&a, "-2", "int(-2.75)");
    ck_assert(!vm_bigint_from_double(INFINITY, &a, &err));
    ck_assert_str_eq(lib_test_error_text(&err),
                     "!OverflowError: cannot convert float infinity to integer");
    ck_assert(!vm_bigint_from_double(NAN, &a, &err));
    ck_assert_str_eq(lib_test_error_text(&err), "!ValueError: cannot convert float NaN to integer");
    mp_clear(&a);
}
END_TEST

START_TEST(test_str_limit_and_bases)
{
    mp_int a;
    VmLibError err;
    VmBuf b;
    ck_assert(mp_init(&a) == MP_OKAY);
    mp_set_i64(&a, 10);
    ck_assert(mp_expt_u32(&a, 4299, &a) == MP_OKAY);    /* 4300 digits: allowed */
    vm_buf_init(&b, NULL, NULL);
    ck_assert(vm_bigint_to_str(&a, 10, VM_BIGINT_MAX_STR_DIGITS, &b, &err));
    ck_assert_uint_eq(b.len, 4300);
    vm_buf_clear(&b);
    ck_assert(mp_mul_d(&a, 10, &a) == MP_OKAY);         /* 4301 digits: refused */
    ck_assert(!vm_bigint_to_str(&a, 10, VM_BIGINT_MAX_STR_DIGITS, &b, &err));
    ck_assert_str_eq(lib_test_error_text(&err),
                     "!ValueError: Exceeds the limit (4300 digits) for integer string "
                     "conversion; use sys.set_int_max_str_digits() to increase the limit");
    vm_buf_clear(&b);
    ck_assert(vm_bigint_to_str(&a, 16, VM_BIGINT_MAX_STR_DIGITS, &b, &err)); /* hex: no limit */
    vm_buf_clear(&b);
    mp_set_i64(&a, -255);
    ck_assert(vm_bigint_to_str(&a, 2, 0, &b, &err));
    ck_assert_str_eq(b.data, "-11111111");
    vm_buf_clear(&b);
    ck_assert(vm_bigint_to_str(&a, 36, 0, &b, &err));
    ck_assert_str_eq(b.data, "-73");
    vm_buf_clear(&b);
    mp_zero(&a);
    ck_assert(vm_bigint_to_str(&a, 8, 0, &b, &err));
    ck_assert_str_eq(b.data, "0");
    vm_buf_fini(&b);
    int64_t x;
    mp_set_i64(&a, INT64_MIN);
    ck_assert(vm_bigint_get_i64(&a, &x));
    ck_assert(x == INT64_MIN);
    ck_assert(mp_sub_d(&a, 1, &a) == MP_OKAY);
    ck_assert(!vm_bigint_get_i64(&a, &x));
    mp_clear(&a);
}
END_TEST

START_TEST(test_to_bytes_table)
{
    const ToBytesCase *c = &to_bytes_cases[_i];
    mp_int v, back;
    VmLibError err;
    VmBuf out;
    big_from(&v, c->v);
    ck_assert(mp_init(&back) == MP_OKAY);
    vm_buf_init(&out, NULL, NULL);
    ck_assert_uint_eq(vm_bigint_bit_count(&v), (uint64_t)c->popcount);
    bool ok = vm_bigint_to_bytes(&v, c->length, c->little, c->sgn, &out, &err);
    if (c->expect[0] == '!') {
        ck_assert_msg(!ok, "%s.to_bytes(%d) should fail", c->v, c->length);
        ck_assert_str_eq(lib_test_error_text(&err), c->expect);
    } else {
        ck_assert_msg(ok, "%s: %s", c->v, lib_test_error_text(&err));
        char hex[80] = "";
        for (size_t i = 0; i < out.len; i++) {
            snprintf(hex + 2 * i, 3, "%02x", (unsigned char)out.data[i]);
        }
        ck_assert_msg(strcmp(hex, c->expect) == 0, "%s.to_bytes(%d) = %s, want %s", c->v,
                      c->length, hex, c->expect);
        ck_assert(vm_bigint_from_bytes((const unsigned char *)(out.data ? out.data : ""),
                                       out.len, c->little, c->sgn, &back, &err));
        expect_text(&back, c->back, "from_bytes");
    }
    vm_buf_fini(&out);
    mp_clear_multi(&v, &back, NULL);
}
END_TEST

void
lib_tests_bigint(Suite *s)
{
    TCase *tc = tcase_create("bigint");
    tcase_add_loop_test(tc, test_ops_table, 0, COUNT(big_op_cases));
    tcase_add_loop_test(tc, test_shift_table, 0, COUNT(big_shift_cases));
    tcase_add_loop_test(tc, test_powmod_table, 0, COUNT(powmod_cases));
    tcase_add_test(tc, test_pow);
    tcase_add_loop_test(tc, test_to_double_table, 0, COUNT(to_double_cases));
    tcase_add_loop_test(tc, test_cmp_double_table, 0, COUNT(cmp_double_cases));
    tcase_add_test(tc, test_from_double);
    tcase_add_test(tc, test_str_limit_and_bases);
    tcase_add_loop_test(tc, test_to_bytes_table, 0, COUNT(to_bytes_cases));
    suite_add_tcase(s, tc);
}
