/*
 * test_unicode.c - UTF-8 helpers, case mapping, predicates and repr against
 * CPython 3.13.
 */
#include <check.h>

#include "tests/unit/lib/cases.h"
#include "tests/unit/lib/lib_tests.h"
#include "vm/unicode.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static void
expect_case(VmUnicodeCase how, const char *s, const char *want, const char *name)
{
    VmBuf b;
    vm_buf_init(&b, NULL, NULL);
    ck_assert(vm_unicode_case(how, s, strlen(s), &b));
    ck_assert_msg(strcmp(b.data, want) == 0, "'%s'.%s() = '%s', want '%s'", s, name, b.data,
                  want);
    vm_buf_fini(&b);
}

START_TEST(test_case_table)
{
    const CaseCase *c = &case_cases[_i];
    expect_case(VM_UNICODE_UPPER, c->s, c->upper, "upper");
    expect_case(VM_UNICODE_LOWER, c->s, c->lower, "lower");
    expect_case(VM_UNICODE_CASEFOLD, c->s, c->casefold, "casefold");
    expect_case(VM_UNICODE_TITLE, c->s, c->title, "title");
    expect_case(VM_UNICODE_CAPITALIZE, c->s, c->capitalize, "capitalize");
    expect_case(VM_UNICODE_SWAPCASE, c->s, c->swapcase, "swapcase");
}
END_TEST

START_TEST(test_pred_table)
{
    const PredCase *c = &pred_cases[_i];
    static const char *names[] = {
        "isalpha", "isdecimal", "isdigit", "isnumeric", "isspace", "isalnum", "isprintable",
        "isupper", "islower", "istitle", "isidentifier", "isascii",
    };
    for (int p = 0; p <= VM_UNICODE_ISASCII; p++) {
        bool want = (c->mask >> p) & 1u;
        bool got = vm_unicode_str_is((VmUnicodePred)p, c->s, strlen(c->s));
        ck_assert_msg(got == want, "'%s'.%s() = %d", c->s, names[p], got);
    }
}
END_TEST

START_TEST(test_repr_table)
{
    const ReprStrCase *c = &repr_str_cases[_i];
    VmBuf b;
    vm_buf_init(&b, NULL, NULL);
    ck_assert(vm_unicode_repr(c->s, strlen(c->s), &b));
    ck_assert_str_eq(b.data, c->repr);
    vm_buf_clear(&b);
    ck_assert(vm_unicode_ascii(c->s, strlen(c->s), &b));
    ck_assert_str_eq(b.data, c->ascii);
    vm_buf_fini(&b);
}
END_TEST

START_TEST(test_utf8_walk)
{
    const char *s = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z";   /* aé€😀z */
    size_t len = strlen(s);
    ck_assert_uint_eq(vm_unicode_count(s, len), 5);
    ck_assert_uint_eq(vm_unicode_offset(s, len, 3), 6);
    ck_assert_uint_eq(vm_unicode_offset(s, len, 9), len);
    size_t pos = 3;
    ck_assert_uint_eq(vm_unicode_decode(s, len, &pos), 0x20AC);
    ck_assert_uint_eq(pos, 6);
    char enc[4];
    ck_assert_uint_eq(vm_unicode_encode(0x1F600, enc), 4);
    ck_assert(memcmp(enc, "\xf0\x9f\x98\x80", 4) == 0);
    ck_assert(!vm_unicode_is_ascii(s, len));
    ck_assert(vm_unicode_is_ascii("plain ascii text", 16));
    ck_assert_int_eq(vm_unicode_decimal_value(0x0663), 3);
    ck_assert_int_eq(vm_unicode_decimal_value(0x1D7D9), 1);
    ck_assert_int_eq(vm_unicode_digit_value(0xB2), 2);
    ck_assert_int_eq(vm_unicode_digit_value(0xBD), -1);
}
END_TEST

START_TEST(test_validate)
{
    size_t a, b;
    const char *why;
    ck_assert(vm_unicode_validate("ok \xc3\xa9", 5, false, &a, &b, &why));
    ck_assert(!vm_unicode_validate("ab\xff", 3, false, &a, &b, &why));
    ck_assert_uint_eq(a, 2);
    ck_assert_uint_eq(b, 3);
    ck_assert_str_eq(why, "invalid start byte");
    ck_assert(!vm_unicode_validate("\xe2\x82", 2, false, &a, &b, &why));
    ck_assert_str_eq(why, "unexpected end of data");
    ck_assert_uint_eq(b, 2);
    ck_assert(!vm_unicode_validate("\xe2\x28\xa1", 3, false, &a, &b, &why));
    ck_assert_str_eq(why, "invalid continuation byte");
    ck_assert_uint_eq(b, 1);
    ck_assert(!vm_unicode_validate("\xed\xa0\x80", 3, false, &a, &b, &why));
    ck_assert(vm_unicode_validate("\xed\xa0\x80", 3, true, &a, &b, &why));
    ck_assert(!vm_unicode_validate("\xc0\x80", 2, false, &a, &b, &why));
    ck_assert(!vm_unicode_validate("\xf4\x90\x80\x80", 4, false, &a, &b, &why));
}
END_TEST

void
lib_tests_unicode(Suite *s)
{
    TCase *tc = tcase_create("unicode");
    tcase_add_loop_test(tc, test_case_table, 0, COUNT(case_cases));
    tcase_add_loop_test(tc, test_pred_table, 0, COUNT(pred_cases));
    tcase_add_loop_test(tc, test_repr_table, 0, COUNT(repr_str_cases));
    tcase_add_test(tc, test_utf8_walk);
    tcase_add_test(tc, test_validate);
    suite_add_tcase(s, tc);
}
