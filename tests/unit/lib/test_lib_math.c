/*
 * test_lib_math.c - math module numerics and sum() against CPython 3.13.
 */
#include <check.h>
#include <math.h>
#include <stdlib.h>

#include "tests/unit/lib/cases.h"
#include "tests/unit/lib/lib_tests.h"
#include "vm/lib_math.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static void
expect(bool ok, double got, const VmLibError *err, uint64_t want, const char *want_err,
       const char *what)
{
    if (want_err) {
        ck_assert_msg(!ok, "%s: expected %s, got %a", what, want_err, got);
        ck_assert_str_eq(lib_test_error_text(err), want_err);
        return;
    }
    ck_assert_msg(ok, "%s: %s", what, lib_test_error_text(err));
    double w = lib_test_double(want);
    if (isnan(w)) {
        ck_assert_msg(isnan(got), "%s = %a, want nan", what, got);
    } else {
        ck_assert_msg(lib_test_bits(got) == want, "%s = %a, want %a", what, got, w);
    }
}

START_TEST(test_math1_table)
{
    const Math1Case *c = &math1_cases[_i];
    double r = 0;
    VmLibError err;
    bool ok = vm_math_1((VmMathFn)c->fn, lib_test_double(c->x), &r, &err);
    char what[64];
    snprintf(what, sizeof what, "fn%d(%a)", c->fn, lib_test_double(c->x));
    if ((c->fn == VM_MATH_GAMMA || c->fn == VM_MATH_LGAMMA) && ok && !c->err
        && isfinite(r)) {
        /* CPython has its own Lanczos gamma; libm's agrees to a few ulps. */
        double w = lib_test_double(c->out);
        ck_assert_msg(fabs(r - w) <= 1e-13 * fabs(w), "%s", what);
        return;
    }
    expect(ok, r, &err, c->out, c->err, what);
}
END_TEST

START_TEST(test_math2_table)
{
    const Math2Case *c = &math2_cases[_i];
    double x = lib_test_double(c->x), y = lib_test_double(c->y), r = 0;
    VmLibError err;
    char what[96];
    bool ok;
    snprintf(what, sizeof what, "pow(%a, %a)", x, y);
    ok = vm_math_pow(x, y, &r, &err);
    expect(ok, r, &err, c->pow, c->pow_err, what);
    snprintf(what, sizeof what, "fmod(%a, %a)", x, y);
    ok = vm_math_fmod(x, y, &r, &err);
    expect(ok, r, &err, c->fmod, c->fmod_err, what);
    snprintf(what, sizeof what, "hypot(%a, %a)", x, y);
    ok = vm_math_hypot(x, y, &r, &err);
    expect(ok, r, &err, c->hypot, c->hypot_err, what);
    snprintf(what, sizeof what, "log(%a)", x);
    ok = vm_math_log(VM_MATH_LN, x, &r, &err);
    expect(ok, r, &err, c->log, c->log_err, what);
}
END_TEST

START_TEST(test_log_int_table)
{
    const MathLogCase *c = &math_log_cases[_i];
    mp_int a;
    VmLibError err;
    double r = 0;
    ck_assert(mp_init(&a) == MP_OKAY);
    ck_assert(mp_read_radix(&a, c->a, 10) == MP_OKAY);
    bool ok = vm_math_log_int(VM_MATH_LN, &a, &r, &err);
    expect(ok, r, &err, c->ln, c->ln_err, c->a);
    ok = vm_math_log_int(VM_MATH_LOG2, &a, &r, &err);
    expect(ok, r, &err, c->l2, c->l2_err, c->a);
    ok = vm_math_log_int(VM_MATH_LOG10, &a, &r, &err);
    expect(ok, r, &err, c->l10, c->l10_err, c->a);
    mp_clear(&a);
}
END_TEST

START_TEST(test_fsum_table)
{
    const FsumCase *c = &fsum_cases[_i];
    VmFsum fs;
    VmFloatSum s;
    VmLibError err;
    double r = 0;
    vm_math_fsum_init(&fs);
    vm_float_sum_init(&s, 0.0);
    for (int k = 0; k < c->n; k++) {
        vm_math_fsum_add(&fs, lib_test_double(c->items[k]));
        vm_float_sum_add(&s, lib_test_double(c->items[k]));
    }
    bool ok = vm_math_fsum_result(&fs, &r, &err);
    expect(ok, r, &err, c->fsum, c->err, "fsum");
    expect(true, vm_float_sum_result(&s), &err, c->sum, NULL, "sum");
}
END_TEST

static void
expect_big(bool ok, const mp_int *v, const VmLibError *err, const char *want, const char *what)
{
    if (want[0] == '!') {
        ck_assert(!ok);
        ck_assert_str_eq(lib_test_error_text(err), want);
        return;
    }
    ck_assert_msg(ok, "%s: %s", what, lib_test_error_text(err));
    char s[256];
    ck_assert(mp_to_radix(v, s, sizeof s, NULL, 10) == MP_OKAY);
    ck_assert_msg(strcmp(s, want) == 0, "%s = %s, want %s", what, s, want);
}

START_TEST(test_int_functions)
{
    mp_int a, b, r;
    VmLibError err;
    ck_assert(mp_init_multi(&a, &b, &r, NULL) == MP_OKAY);
    for (int i = 0; i < COUNT(gcd_cases); i++) {
        ck_assert(mp_read_radix(&a, gcd_cases[i].a, 10) == MP_OKAY);
        ck_assert(mp_read_radix(&b, gcd_cases[i].b, 10) == MP_OKAY);
        expect_big(vm_math_gcd(&a, &b, &r, &err), &r, &err, gcd_cases[i].gcd, "gcd");
        expect_big(vm_math_lcm(&a, &b, &r, &err), &r, &err, gcd_cases[i].lcm, "lcm");
    }
    for (int i = 0; i < COUNT(comb_cases); i++) {
        ck_assert(mp_read_radix(&a, comb_cases[i].n, 10) == MP_OKAY);
        ck_assert(mp_read_radix(&b, comb_cases[i].k, 10) == MP_OKAY);
        expect_big(vm_math_comb(&a, &b, &r, &err), &r, &err, comb_cases[i].comb, "comb");
        expect_big(vm_math_perm(&a, &b, &r, &err), &r, &err, comb_cases[i].perm, "perm");
        if (comb_cases[i].perm[0] != '!') {
            ck_assert_uint_ge(vm_math_comb_bits(&a, &b, true), (uint64_t)mp_count_bits(&r));
        }
    }
    ck_assert(vm_math_factorial(25, &r, &err));
    expect_big(true, &r, &err, "15511210043330985984000000", "25!");
    ck_assert(vm_math_factorial(0, &r, &err));
    expect_big(true, &r, &err, "1", "0!");
    expect_big(vm_math_factorial(-1, &r, &err), &r, &err,
               "!ValueError: factorial() not defined for negative values", "(-1)!");
    ck_assert(vm_math_factorial(1000, &r, &err));
    ck_assert_uint_ge(vm_math_factorial_bits(1000), (uint64_t)mp_count_bits(&r));
    ck_assert_uint_le(vm_math_factorial_bits(1000), (uint64_t)mp_count_bits(&r) + 16);
    ck_assert(mp_read_radix(&a, "1000000000000000000000000000000", 10) == MP_OKAY);
    expect_big(vm_math_isqrt(&a, &r, &err), &r, &err, "1000000000000000", "isqrt");
    mp_set_i64(&a, -1);
    expect_big(vm_math_isqrt(&a, &r, &err), &r, &err,
               "!ValueError: isqrt() argument must be nonnegative", "isqrt(-1)");
    mp_clear_multi(&a, &b, &r, NULL);
}
END_TEST

START_TEST(test_misc)
{
    VmFloatSum fsum;
    vm_float_sum_init(&fsum, 0.0);
    vm_float_sum_add_int(&fsum, 1.0);
    vm_float_sum_add(&fsum, 1e100);
    vm_float_sum_add_int(&fsum, 1.0);
    vm_float_sum_add(&fsum, -1e100);
    ck_assert(vm_float_sum_result(&fsum) == 1.0);   /* sum([1, 1e100, 1, -1e100], 0.0) */
    VmLibError err;
    bool close;
    double f, w, r;
    int e;
    ck_assert(vm_math_isclose(1.0, 1.0 + 1e-10, 1e-9, 0.0, &close, &err) && close);
    ck_assert(vm_math_isclose(INFINITY, 1e308, 1e-9, 0.0, &close, &err) && !close);
    ck_assert(!vm_math_isclose(1.0, 1.0, -1.0, 0.0, &close, &err));
    ck_assert_str_eq(lib_test_error_text(&err), "!ValueError: tolerances must be non-negative");
    vm_math_modf(-INFINITY, &f, &w);
    ck_assert(f == 0.0 && signbit(f) && w == -INFINITY);
    vm_math_frexp(0.0, &f, &e);
    ck_assert(f == 0.0 && e == 0);
    ck_assert(!vm_math_ldexp(1.0, 5000, &r, &err));
    ck_assert_str_eq(lib_test_error_text(&err), "!OverflowError: math range error");
    ck_assert(vm_math_ldexp(-1.0, -5000, &r, &err) && r == 0.0 && signbit(r));
    mp_int v;
    ck_assert(mp_init(&v) == MP_OKAY);
    ck_assert(vm_math_floor(-2.5, &v, &err) && mp_get_i64(&v) == -3);
    ck_assert(vm_math_ceil(-2.5, &v, &err) && mp_get_i64(&v) == -2);
    ck_assert(!vm_math_floor(INFINITY, &v, &err));
    ck_assert_str_eq(lib_test_error_text(&err),
                     "!OverflowError: cannot convert float infinity to integer");
    mp_clear(&v);
}
END_TEST

void
lib_tests_lib_math(Suite *s)
{
    TCase *tc = tcase_create("lib_math");
    tcase_add_loop_test(tc, test_math1_table, 0, COUNT(math1_cases));
    tcase_add_loop_test(tc, test_math2_table, 0, COUNT(math2_cases));
    tcase_add_loop_test(tc, test_log_int_table, 0, COUNT(math_log_cases));
    tcase_add_loop_test(tc, test_fsum_table, 0, COUNT(fsum_cases));
    tcase_add_test(tc, test_int_functions);
    tcase_add_test(tc, test_misc);
    suite_add_tcase(s, tc);
}
