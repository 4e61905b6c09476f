/*
 * test_fmt_float.c - float repr and float format specs against CPython 3.13.
 */
#include <check.h>
#include <math.h>
#include <stdlib.h>

#include "tests/unit/lib/cases.h"
#include "tests/unit/lib/lib_tests.h"
#include "vm/fmt_float.h"
#include "vm/fmt_spec.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

START_TEST(test_repr_table)
{
    char b[VM_FMT_FLOAT_REPR_SIZE];
    const ReprCase *c = &repr_cases[_i];
    vm_fmt_float_repr(lib_test_double(c->bits), b);
    ck_assert_str_eq(b, c->expect);
}
END_TEST

START_TEST(test_repr_roundtrips)
{
    /* Shortest digits must read back exactly, over a deterministic sweep. */
    uint64_t x = 0x9E3779B97F4A7C15ULL;
    char b[VM_FMT_FLOAT_REPR_SIZE];
    for (int i = 0; i < 20000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double d = lib_test_double(x);
        if (isnan(d)) {
            continue;
        }
        vm_fmt_float_repr(d, b);
        ck_assert_msg(strtod(b, NULL) == d, "repr %s does not round-trip", b);
    }
}
END_TEST

/* Independent oracle: least p whose correctly rounded p digits read back. */
static int
search_digits(double x, char *digits, int *decpt)
{
    char t[64];
    int p;
    for (p = 1; p <= 17; p++) {
        snprintf(t, sizeof t, "%.*e", p - 1, x);
        if (strtod(t, NULL) == x) {
            break;
        }
    }
    int n = 0;
    const char *q = t;
    for (; *q && *q != 'e'; q++) {
        if (*q >= '0' && *q <= '9') {
            digits[n++] = *q;
        }
    }
    *decpt = atoi(q + 1) + 1;
    while (n > 1 && digits[n - 1] == '0') {
        n--;
    }
    digits[n] = '\0';
    return n;
}

START_TEST(test_shortest_matches_search)
{
    /* The integer fast path against the printf search, over values near
     * powers of two and ten, short decimals and random mantissas. */
    uint64_t r = 0x2545F4914F6CDD1DULL;
    for (int i = 0; i < 30000; i++) {
        r ^= r << 13;
        r ^= r >> 7;
        r ^= r << 17;
        double x;
        switch (i % 4) {
        case 0:
            x = (double)(r % 100000000) / pow(10, (double)((r >> 40) % 9));
            break;
        case 1:
            x = ldexp(1.0, (int)(r % 66) - 14) * (1 + ((r >> 20) % 3 ? ldexp(1.0, -52) : 0));
            break;
        case 2:
            x = pow(10, (double)(r % 20) - 4) * (1 + ((double)((r >> 8) % 5) - 2) * 0x1p-52);
            break;
        default:
            x = lib_test_double((r & 0x000FFFFFFFFFFFFFULL)
                                | ((uint64_t)(1009 + (r >> 52) % 68) << 52));
            break;
        }
        char a[20], b[20];
        int da, db;
        int na = vm_fmt_float_shortest(x, a, &da);
        int nb = search_digits(x, b, &db);
        ck_assert_msg(na == nb && strcmp(a, b) == 0 && da == db, "%a: %s e%d vs %s e%d", x, a,
                      da, b, db);
    }
}
END_TEST

START_TEST(test_fixed_matches_printf)
{
    /* The 128-bit 'f' path against glibc's correctly rounded %.*f, over
     * exact ties (k / 2**j), short decimals and random magnitudes. */
    uint64_t r = 0x9E3779B97F4A7C15ULL;
    char want[128];
    VmBuf out;
    vm_buf_init(&out, NULL, NULL);
    for (int i = 0; i < 40000; i++) {
        r ^= r << 13;
        r ^= r >> 7;
        r ^= r << 17;
        double x;
        switch (i % 4) {
        case 0:
            x = ldexp((double)(r % 100000), -(int)((r >> 20) % 12));
            break;
        case 1:
            x = (double)(r % 10000000) / 1000.0;
            break;
        case 2:
            x = ldexp((double)(r >> 11), (int)((r >> 3) % 80) - 70);
            break;
        default:
            x = -ldexp(1.0 + (double)(r % 1000) / 1000.0, (int)(r % 70) - 40);
            break;
        }
        int p = (int)((r >> 40) % 20);
        snprintf(want, sizeof want, "%.*f", p, x);
        vm_buf_clear(&out);
        ck_assert(vm_fmt_float_to_string(x, 'f', p, 0, &out));
        ck_assert_msg(strcmp(out.data, want) == 0, "%a .%df: %s vs %s", x, p, out.data, want);
    }
    vm_buf_fini(&out);
}
END_TEST

START_TEST(test_format_table)
{
    const FloatFmtCase *c = &float_fmt_cases[_i];
    VmBuf out;
    VmLibError err;
    vm_buf_init(&out, NULL, NULL);
    bool ok = vm_fmt_format_float(c->spec, strlen(c->spec), lib_test_double(c->bits), &out,
                                  &err);
    const char *got = ok ? out.data : lib_test_error_text(&err);
    ck_assert_msg(strcmp(got, c->expect) == 0, "format(%a, '%s') = '%s', want '%s'",
                  lib_test_double(c->bits), c->spec, got, c->expect);
    vm_buf_fini(&out);
}
END_TEST

START_TEST(test_to_string_flags)
{
    VmBuf out;
    vm_buf_init(&out, NULL, NULL);
    ck_assert(vm_fmt_float_to_string(1.5, 'f', 2, VM_FMT_FLOAT_SIGN, &out));
    ck_assert_str_eq(out.data, "+1.50");
    vm_buf_clear(&out);
    ck_assert(vm_fmt_float_to_string(-0.0, 'r', 0, VM_FMT_FLOAT_ADD_DOT_0, &out));
    ck_assert_str_eq(out.data, "-0.0");
    vm_buf_clear(&out);
    ck_assert(vm_fmt_float_to_string(1e300, 'f', 0, 0, &out));
    ck_assert_uint_eq(out.len, 301);
    vm_buf_fini(&out);
}
END_TEST

START_TEST(test_cap_refuses_before_allocating)
{
    VmBuf out;
    VmLibError err;
    vm_buf_init(&out, NULL, NULL);
    out.max = 1000;
    ck_assert(!vm_fmt_format_float(".100000f", 8, 1.0, &out, &err));
    ck_assert_int_eq(err.kind, VM_LIB_LIMIT);
    ck_assert_ptr_null(out.data);
    vm_buf_fini(&out);
    vm_buf_init(&out, NULL, NULL);
    out.max = 1000;
    ck_assert(!vm_fmt_format_float("1000000000", 10, 1.0, &out, &err));
    ck_assert_int_eq(err.kind, VM_LIB_LIMIT);
    ck_assert_ptr_null(out.data);
    vm_buf_fini(&out);
}
END_TEST

void
lib_tests_fmt_float(Suite *s)
{
    TCase *tc = tcase_create("fmt_float");
    tcase_add_loop_test(tc, test_repr_table, 0, COUNT(repr_cases));
    tcase_add_test(tc, test_repr_roundtrips);
    tcase_add_test(tc, test_shortest_matches_search);
    tcase_add_test(tc, test_fixed_matches_printf);
    tcase_add_loop_test(tc, test_format_table, 0, COUNT(float_fmt_cases));
    tcase_add_test(tc, test_to_string_flags);
    tcase_add_test(tc, test_cap_refuses_before_allocating);
    suite_add_tcase(s, tc);
}
