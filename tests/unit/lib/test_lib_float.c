/*
 * test_lib_float.c - float arithmetic with Python semantics against
 * CPython 3.13 (%, //, divmod, **, round, hex, as_integer_ratio, int / int).
 */
#include <check.h>
#include <math.h>
#include <stdlib.h>

#include "tests/unit/lib/cases.h"
#include "tests/unit/lib/lib_tests.h"
#include "vm/bigint.h"
#include "vm/lib_float.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* Same double, NaNs compared as NaNs. */
static bool
same(double got, uint64_t want)
{
    double w = lib_test_double(want);
    if (isnan(w)) {
        return isnan(got);
    }
    return lib_test_bits(got) == want;
}

START_TEST(test_arith_table)
{
    const FloatArithCase *c = &float_arith_cases[_i];
    double x = lib_test_double(c->x), y = lib_test_double(c->y), r, q;
    VmLibError err;
    if (c->mod_err) {
        ck_assert(!vm_float_mod(x, y, &r, &err));
        ck_assert_str_eq(lib_test_error_text(&err), c->mod_err);
    } else {
        ck_assert(vm_float_mod(x, y, &r, &err));
        ck_assert_msg(same(r, c->mod), "%a %% %a = %a", x, y, r);
    }
    if (c->fdiv_err) {
        ck_assert(!vm_float_floordiv(x, y, &r, &err));
        ck_assert_str_eq(lib_test_error_text(&err), c->fdiv_err);
    } else {
        ck_assert(vm_float_floordiv(x, y, &r, &err));
        ck_assert_msg(same(r, c->fdiv), "%a // %a = %a", x, y, r);
    }
    if (c->dm_err) {
        ck_assert(!vm_float_divmod(x, y, &q, &r, &err));
        ck_assert_str_eq(lib_test_error_text(&err), c->dm_err);
    } else {
        ck_assert(vm_float_divmod(x, y, &q, &r, &err));
        ck_assert_msg(same(q, c->dq) && same(r, c->dr), "divmod(%a, %a)", x, y);
    }
    VmFloatPow p = vm_float_pow(x, y, &r, &err);
    if (c->pow_err && strcmp(c->pow_err, "complex") == 0) {
        ck_assert_int_eq(p, VM_FLOAT_POW_COMPLEX);
    } else if (c->pow_err) {
        ck_assert_int_eq(p, VM_FLOAT_POW_ERROR);
        ck_assert_str_eq(lib_test_error_text(&err), c->pow_err);
    } else {
        ck_assert_int_eq(p, VM_FLOAT_POW_OK);
        ck_assert_msg(same(r, c->pow), "%a ** %a = %a", x, y, r);
    }
}
END_TEST

START_TEST(test_round_table)
{
    const RoundCase *c = &round_cases[_i];
    double x = lib_test_double(c->x), r;
    VmLibError err;
    if (c->err) {
        ck_assert(!vm_float_round(x, c->nd, &r, &err));
        ck_assert_str_eq(lib_test_error_text(&err), c->err);
    } else {
        ck_assert(vm_float_round(x, c->nd, &r, &err));
        ck_assert_msg(same(r, c->out), "round(%a, %d) = %a", x, c->nd, r);
    }
}
END_TEST

START_TEST(test_round_int)
{
    ck_assert(vm_float_round_int(2.5) == 2.0);
    ck_assert(vm_float_round_int(3.5) == 4.0);
    ck_assert(vm_float_round_int(-0.5) == 0.0);
    ck_assert(vm_float_round_int(-1.5) == -2.0);
    ck_assert(vm_float_round_int(0.49999999999999994) == 0.0);
}
END_TEST

START_TEST(test_hex_table)
{
    const HexCase *c = &hex_cases[_i];
    double x = lib_test_double(c->x);
    char b[VM_FLOAT_HEX_SIZE];
    vm_float_hex(x, b);
    ck_assert_str_eq(b, c->hex);
    mp_int n, d;
    VmLibError err;
    ck_assert(mp_init_multi(&n, &d, NULL) == MP_OKAY);
    if (c->err) {
        ck_assert(!vm_float_as_integer_ratio(x, &n, &d, &err));
        ck_assert_str_eq(lib_test_error_text(&err), c->err);
    } else {
        char s[400];
        ck_assert(vm_float_as_integer_ratio(x, &n, &d, &err));
        ck_assert(mp_to_radix(&n, s, sizeof s, NULL, 10) == MP_OKAY);
        ck_assert_str_eq(s, c->num);
        ck_assert(mp_to_radix(&d, s, sizeof s, NULL, 10) == MP_OKAY);
        ck_assert_str_eq(s, c->den);
    }
    mp_clear_multi(&n, &d, NULL);
}
END_TEST

START_TEST(test_int_truediv_table)
{
    const IntDivCase *c = &int_truediv_cases[_i];
    mp_int a, b;
    VmLibError err;
    double r;
    ck_assert(mp_init_multi(&a, &b, NULL) == MP_OKAY);
    ck_assert(mp_read_radix(&a, c->a, 10) == MP_OKAY);
    ck_assert(mp_read_radix(&b, c->b, 10) == MP_OKAY);
    if (c->err) {
        ck_assert(!vm_float_int_truediv(&a, &b, &r, &err));
        ck_assert_str_eq(lib_test_error_text(&err), c->err);
    } else {
        ck_assert(vm_float_int_truediv(&a, &b, &r, &err));
        ck_assert_msg(same(r, c->out), "%s / %s = %a", c->a, c->b, r);
    }
    mp_clear_multi(&a, &b, NULL);
}
END_TEST

START_TEST(test_big_round_table)
{
    const BigRoundCase *c = &big_round_cases[_i];
    mp_int a, r;
    VmLibError err;
    char s[200];
    ck_assert(mp_init_multi(&a, &r, NULL) == MP_OKAY);
    ck_assert(mp_read_radix(&a, c->a, 10) == MP_OKAY);
    ck_assert(vm_bigint_round(&a, c->nd, &r, &err));
    ck_assert(mp_to_radix(&r, s, sizeof s, NULL, 10) == MP_OKAY);
    ck_assert_msg(strcmp(s, c->out) == 0, "round(%s, %d) = %s", c->a, c->nd, s);
    mp_clear_multi(&a, &r, NULL);
}
END_TEST

START_TEST(test_fromhex_table)
{
    const FromhexCase *c = &fromhex_cases[_i];
    double r = 0;
    VmLibError err;
    bool ok = vm_float_fromhex(c->s, strlen(c->s), &r, &err);
    if (c->err) {
        ck_assert_msg(!ok, "fromhex('%s') = %a", c->s, r);
        ck_assert_str_eq(lib_test_error_text(&err), c->err);
    } else {
        ck_assert_msg(ok, "fromhex('%s'): %s", c->s, lib_test_error_text(&err));
        ck_assert_msg(same(r, c->out), "fromhex('%s') = %a, want %a", c->s, r,
                      lib_test_double(c->out));
    }
}
END_TEST

void
lib_tests_lib_float(Suite *s)
{
    TCase *tc = tcase_create("lib_float");
    tcase_add_loop_test(tc, test_arith_table, 0, COUNT(float_arith_cases));
    tcase_add_loop_test(tc, test_round_table, 0, COUNT(round_cases));
    tcase_add_test(tc, test_round_int);
    tcase_add_loop_test(tc, test_hex_table, 0, COUNT(hex_cases));
    tcase_add_loop_test(tc, test_fromhex_table, 0, COUNT(fromhex_cases));
    tcase_add_loop_test(tc, test_int_truediv_table, 0, COUNT(int_truediv_cases));
    tcase_add_loop_test(tc, test_big_round_table, 0, COUNT(big_round_cases));
    suite_add_tcase(s, tc);
}
