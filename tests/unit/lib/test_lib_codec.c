/*
 * test_lib_codec.c - bytes.decode / str.encode against CPython 3.13.
 */
#include <check.h>

#include "tests/unit/lib/cases.h"
#include "tests/unit/lib/lib_tests.h"
#include "vm/lib_codec.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

START_TEST(test_codec_table)
{
    const CodecCase *c = &codec_cases[_i];
    VmCodec codec;
    VmLibError err;
    VmBuf out;
    vm_buf_init(&out, NULL, NULL);
    bool ok = vm_codec_lookup(c->enc, strlen(c->enc), &codec, &err);
    const char *got;
    if (c->decode == 2) {
        got = ok ? "ok" : lib_test_error_text(&err);
    } else {
        ck_assert(ok);
        size_t elen = c->errors ? strlen(c->errors) : 0;
        if (c->decode) {
            ok = vm_codec_decode(codec, c->data, strlen(c->data), c->errors, elen, &out, &err);
        } else {
            ok = vm_codec_encode(codec, c->data, strlen(c->data), c->errors, elen, &out, &err);
        }
        got = ok ? (out.data ? out.data : "") : lib_test_error_text(&err);
    }
    ck_assert_msg(strcmp(got, c->expect) == 0, "%s %s('%s', %s) = '%s', want '%s'", c->enc,
                  c->decode ? "decode" : "encode", c->data, c->errors ? c->errors : "-", got,
                  c->expect);
    vm_buf_fini(&out);
}
END_TEST

void
lib_tests_lib_codec(Suite *s)
{
    TCase *tc = tcase_create("lib_codec");
    tcase_add_loop_test(tc, test_codec_table, 0, COUNT(codec_cases));
    suite_add_tcase(s, tc);
}
