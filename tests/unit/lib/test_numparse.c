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

void
lib_tests_numparse(Suite *s)
{
    TCase *tc = tcase_create("numparse");
    tcase_add_loop_test(tc, test_int_table, 0, COUNT(int_parse_cases));
    tcase_add_loop_test(tc, test_float_table, 0, COUNT(float_parse_cases));
    suite_add_tcase(s, tc);
}
