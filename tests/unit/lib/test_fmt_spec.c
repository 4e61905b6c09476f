/*
 * test_fmt_spec.c - format specs on int, big int and str against CPython.
 */
#include <check.h>

#include "tests/unit/lib/cases.h"
#include "tests/unit/lib/lib_tests.h"
#include "vm/bigint.h"
#include "vm/fmt_spec.h"
#include "vm/unicode.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static void
check_result(bool ok, VmBuf *out, const VmLibError *err, const char *what, const char *spec,
             const char *expect)
{
    const char *got = ok ? out->data : lib_test_error_text(err);
    ck_assert_msg(strcmp(got, expect) == 0, "format(%s, '%s') = '%s', want '%s'", what, spec,
                  got, expect);
}

START_TEST(test_int_table)
{
    const IntFmtCase *c = &int_fmt_cases[_i];
    VmBuf out;
    VmLibError err;
    vm_buf_init(&out, NULL, NULL);
    bool ok = vm_fmt_format_i64(c->spec, strlen(c->spec), c->v, "int", &out, &err);
    char what[32];
    snprintf(what, sizeof what, "%lld", (long long)c->v);
    check_result(ok, &out, &err, what, c->spec, c->expect);
    vm_buf_fini(&out);
}
END_TEST

START_TEST(test_big_table)
{
    const BigFmtCase *c = &big_fmt_cases[_i];
    VmBuf out;
    VmLibError err;
    mp_int v;
    ck_assert(mp_init(&v) == MP_OKAY);
    ck_assert(mp_read_radix(&v, c->v, 10) == MP_OKAY);
    vm_buf_init(&out, NULL, NULL);
    bool ok = vm_fmt_format_big(c->spec, strlen(c->spec), &v, &out, &err);
    check_result(ok, &out, &err, c->v, c->spec, c->expect);
    vm_buf_fini(&out);
    mp_clear(&v);
}
END_TEST

START_TEST(test_str_table)
{
    const StrFmtCase *c = &str_fmt_cases[_i];
    VmBuf out;
    VmLibError err;
    vm_buf_init(&out, NULL, NULL);
    bool ok = vm_fmt_format_str(c->spec, strlen(c->spec), c->v, strlen(c->v), &out, &err);
    check_result(ok, &out, &err, c->v, c->spec, c->expect);
    vm_buf_fini(&out);
}
END_TEST

START_TEST(test_size_hint_bounds_output)
{
    VmFmtSpec spec;
    VmLibError err;
    VmBuf out;
    ck_assert(vm_fmt_spec_parse("\xe2\x82\xac^+030,", 9, 'd', '>', "int", &spec, &err));
    vm_buf_init(&out, NULL, NULL);
    ck_assert(vm_fmt_spec_apply_i64(&spec, -1234567, "int", &out, &err));
    ck_assert_uint_le(out.len, vm_fmt_spec_size_hint(&spec, 8));
    ck_assert_uint_eq(vm_unicode_count(out.data, out.len), 30);
    vm_buf_fini(&out);
}
END_TEST

void
lib_tests_fmt_spec(Suite *s)
{
    TCase *tc = tcase_create("fmt_spec");
    tcase_add_loop_test(tc, test_int_table, 0, COUNT(int_fmt_cases));
    tcase_add_loop_test(tc, test_big_table, 0, COUNT(big_fmt_cases));
    tcase_add_loop_test(tc, test_str_table, 0, COUNT(str_fmt_cases));
    tcase_add_test(tc, test_size_hint_bounds_output);
    suite_add_tcase(s, tc);
}
