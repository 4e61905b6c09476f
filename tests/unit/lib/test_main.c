/*
 * test_main.c - runner for the runtime-library unit tests.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "tests/unit/lib/lib_tests.h"

static char error_text[20000];

/*
 * Render an error as "!Kind: message" (the form gen_cases.py records).
 */
const char *
lib_test_error_text(const VmLibError *err)
{
    static const char *kinds[] = {
        "OK", "MemoryError", "MemoryError", "ValueError", "OverflowError", "TypeError",
        "ZeroDivisionError", "IndexError", "KeyError", "LookupError", "UnicodeDecodeError",
        "UnicodeEncodeError",
    };
    VmBuf b;
    vm_buf_init(&b, NULL, NULL);
    vm_lib_error_render(err, &b);
    snprintf(error_text, sizeof error_text, "!%s: %s", kinds[err->kind], b.data ? b.data : "");
    vm_buf_fini(&b);
    return error_text;
}

double
lib_test_double(uint64_t bits)
{
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

uint64_t
lib_test_bits(double d)
{
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    return b;
}

int
main(void)
{
    Suite *s = suite_create("lib");
    lib_tests_fmt_float(s);
    lib_tests_fmt_spec(s);
    lib_tests_bigint(s);
    lib_tests_pyhash(s);
    lib_tests_numparse(s);
    lib_tests_unicode(s);
    lib_tests_fmt_pct(s);
    lib_tests_fmt_field(s);
    lib_tests_lib_float(s);
    lib_tests_lib_str(s);
    lib_tests_lib_math(s);
    lib_tests_lib_codec(s);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
