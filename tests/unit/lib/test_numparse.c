/*
 * test_numparse.c - int(str, base) and float(str) against CPython 3.13.
 */
#include <check.h>
#include <stdlib.h>

#include "tests/unit/lib/cases.h"
#include "tests/unit/lib/lib_tests.h"
#include "vm/bigint.h"
#include "vm/numparse.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

START_TEST(test_int_table)
{
    const IntParseCase *c = &int_parse_cases[_i];
    VmNumInt r;
    VmLibError err;
    bool ok = vm_numparse_int(c->s, strlen(c->s), c->base, VM_BIGINT_MAX_STR_DIGITS, NULL, NULL,
                              &r, &err);
    if (!ok) {
        ck_assert_msg(strcmp(lib_test_error_text(&err), c->expect) == 0, "int(%s): %s", c->s,
                      lib_test_error_text(&err));
        return;
    }
    ck_assert_msg(c->expect[0] != '!', "int(%s) should fail", c->s);
    mp_int v;
    if (r.is_big) {
        v = r.big;
    } else {
        ck_assert(mp_init(&v) == MP_OKAY);
        mp_set_i64(&v, r.small);
    }
    VmBuf b;
    vm_buf_init(&b, NULL, NULL);
    ck_assert(vm_bigint_to_str(&v, 16, 0, &b, &err));
    ck_assert_msg(strcmp(b.data, c->expect) == 0, "int(%s, %d) = %s", c->s, c->base, b.data);
    vm_buf_fini(&b);
    mp_clear(&v);
}
END_TEST

START_TEST(test_float_table)
{
    const FloatParseCase *c = &float_parse_cases[_i];
    double d;
    VmLibError err;
    bool ok = vm_numparse_float(c->s, strlen(c->s), NULL, NULL, &d, &err);
    if (c->error) {
        ck_assert_msg(!ok, "float(%s) should fail", c->s);
        ck_assert_str_eq(lib_test_error_text(&err), c->error);
    } else {
        ck_assert_msg(ok, "float(%s): %s", c->s, lib_test_error_text(&err));
        if (d == d) {
            ck_assert_msg(lib_test_bits(d) == c->bits, "float(%s) = %a", c->s, d);
        } else {
            ck_assert(lib_test_double(c->bits) != lib_test_double(c->bits));
        }
    }
}
END_TEST

START_TEST(test_bytes_inputs)
{
    VmNumInt r;
    VmLibError err;
    double d;
    ck_assert(vm_numparse_int_bytes(" 12 ", 4, 10, 4300, NULL, NULL, &r, &err));
    ck_assert(!r.is_big && r.small == 12);
    ck_assert(vm_numparse_int_bytes("0x1f", 4, 0, 4300, NULL, NULL, &r, &err) && r.small == 31);
    ck_assert(!vm_numparse_int_bytes("\xd9\xa3", 2, 10, 4300, NULL, NULL, &r, &err));
    ck_assert_str_eq(lib_test_error_text(&err),
                     "!ValueError: invalid literal for int() with base 10: b'\\xd9\\xa3'");
    ck_assert(vm_numparse_float_bytes("1_0.5", 5, NULL, NULL, &d, &err) && d == 10.5);
    ck_assert(!vm_numparse_float_bytes("\xa0" "1", 2, NULL, NULL, &d, &err));
    ck_assert_str_eq(lib_test_error_text(&err),
                     "!ValueError: could not convert string to float: b'\\xa01'");
    ck_assert(!vm_numparse_float("x", 1, NULL, NULL, &d, &err));
    ck_assert_str_eq(lib_test_error_text(&err),
                     "!ValueError: could not convert string to float: 'x'");
}
END_TEST

void
lib_tests_numparse(Suite *s)
{
    TCase *tc = tcase_create("numparse");
    tcase_add_loop_test(tc, test_int_table, 0, COUNT(int_parse_cases));
    tcase_add_loop_test(tc, test_float_table, 0, COUNT(float_parse_cases));
    tcase_add_test(tc, test_bytes_inputs);
    suite_add_tcase(s, tc);
}
