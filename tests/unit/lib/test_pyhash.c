/*
 * test_pyhash.c - hash() values against CPython 3.13.
 */
#include <check.h>
#include <math.h>

#include "tests/unit/lib/cases.h"
#include "tests/unit/lib/lib_tests.h"
#include "vm/bigint.h"
#include "vm/pyhash.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

START_TEST(test_int_table)
{
    const HashIntCase *c = &hash_int_cases[_i];
    mp_int a;
    ck_assert(mp_init(&a) == MP_OKAY);
    ck_assert(mp_read_radix(&a, c->a, 10) == MP_OKAY);
    ck_assert_msg(vm_pyhash_big(&a) == c->hash, "hash(%s)", c->a);
    int64_t small;
    if (vm_bigint_get_i64(&a, &small)) {
        ck_assert_msg(vm_pyhash_i64(small) == c->hash, "hash(%s) small", c->a);
    }
    mp_clear(&a);
}
END_TEST

START_TEST(test_float_table)
{
    const HashFloatCase *c = &hash_float_cases[_i];
    double d = lib_test_double(c->bits);
    ck_assert_msg(vm_pyhash_double(d, 77) == c->hash, "hash(%a)", d);
}
END_TEST

START_TEST(test_tuple_table)
{
    const HashTupleCase *c = &hash_tuple_cases[_i];
    ck_assert_int_eq(vm_pyhash_tuple(c->items, (size_t)c->n), c->hash);
}
END_TEST

START_TEST(test_special)
{
    ck_assert_int_eq(vm_pyhash_double(NAN, 12345), 12345);
    ck_assert_int_eq(vm_pyhash_double(-INFINITY, 0), -314159);
    ck_assert_int_eq(vm_pyhash_i64(-1), -2);
    ck_assert_int_eq(vm_pyhash_i64(1), vm_pyhash_double(1.0, 0));
    ck_assert_int_eq(vm_pyhash_bytes("abc", 3), vm_pyhash_bytes("abc", 3));
    ck_assert_int_ne(vm_pyhash_bytes("abc", 3), vm_pyhash_bytes("abd", 3));
    ck_assert_int_ne(vm_pyhash_bytes("", 0), -1);
}
END_TEST

void
lib_tests_pyhash(Suite *s)
{
    TCase *tc = tcase_create("pyhash");
    tcase_add_loop_test(tc, test_int_table, 0, COUNT(hash_int_cases));
    tcase_add_loop_test(tc, test_float_table, 0, COUNT(hash_float_cases));
    tcase_add_loop_test(tc, test_tuple_table, 0, COUNT(hash_tuple_cases));
    tcase_add_test(tc, test_special);
    suite_add_tcase(s, tc);
}
