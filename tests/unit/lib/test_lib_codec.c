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

static void
hex_is(const char *b, char sep, int64_t per, const char *want)
{
    VmBuf out;
    vm_buf_init(&out, NULL, NULL);
    ck_assert(vm_bytes_hex(b, strlen(b), sep, per, &out));
    ck_assert_msg(strcmp(out.data, want) == 0, "hex(%c, %lld) = %s, want %s", sep ? sep : '0',
                  (long long)per, out.data, want);
    vm_buf_fini(&out);
}

START_TEST(test_bytes_table)
{
    const BytesCase *c = &bytes_cases[_i];
    VmBuf out;
    vm_buf_init(&out, NULL, NULL);
    ck_assert(vm_bytes_repr(c->b, strlen(c->b), &out));
    ck_assert_str_eq(out.data, c->repr);
    vm_buf_fini(&out);
    hex_is(c->b, 0, 0, c->hex);
    hex_is(c->b, ':', 1, c->hex1);
    hex_is(c->b, '-', 2, c->hex2);
    hex_is(c->b, '_', -2, c->hexm2);
    hex_is(c->b, ' ', 3, c->hex3);
}
END_TEST

START_TEST(test_fromhex_table)
{
    const FromhexBytesCase *c = &fromhex_bytes_cases[_i];
    VmBuf out, hex;
    VmLibError err;
    vm_buf_init(&out, NULL, NULL);
    vm_buf_init(&hex, NULL, NULL);
    if (vm_bytes_fromhex(c->s, strlen(c->s), &out, &err)) {
        ck_assert(vm_bytes_hex(out.data ? out.data : "", out.len, 0, 0, &hex));
        ck_assert_str_eq(hex.data, c->expect);
    } else {
        ck_assert_str_eq(lib_test_error_text(&err), c->expect);
    }
    vm_buf_fini(&out);
    vm_buf_fini(&hex);
    char sep;
    ck_assert(!vm_bytes_hex_sep("ab", 2, &sep, &err));
    ck_assert_str_eq(lib_test_error_text(&err), "!ValueError: sep must be length 1.");
    ck_assert(!vm_bytes_hex_sep("\xc3\xa9", 2, &sep, &err));
    ck_assert_str_eq(lib_test_error_text(&err), "!ValueError: sep must be ASCII.");
    ck_assert(vm_bytes_hex_sep(":", 1, &sep, &err) && sep == ':');
}
END_TEST

void
lib_tests_lib_codec(Suite *s)
{
    TCase *tc = tcase_create("lib_codec");
    tcase_add_loop_test(tc, test_codec_table, 0, COUNT(codec_cases));
    tcase_add_loop_test(tc, test_bytes_table, 0, COUNT(bytes_cases));
    tcase_add_loop_test(tc, test_fromhex_table, 0, COUNT(fromhex_bytes_cases));
    suite_add_tcase(s, tc);
}
