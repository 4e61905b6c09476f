/*
 * test_value_json.c — the MontyValue tree: constructors, copy/equality,
 * JSON forms of docs/protocol.md (exact ints and floats, tagged forms,
 * hostile input) and Python's repr. Expected texts were taken from
 * CPython 3.13 (repr, json.dumps).
 */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "include/monty.h"

/* JSON text -> value -> JSON text. */
static char *
roundtrip(const char *json)
{
    MontyValue v;
    MontyError err;
    MontyStatus st = monty_value_from_json(json, strlen(json), &v, &err);
    ck_assert_msg(st == MONTY_OK, "parse %s: %s", json, err.message);
    char *out = monty_value_to_json(&v);
    ck_assert_ptr_nonnull(out);
    monty_value_free(&v);
    return out;
}

static void
check_rt(const char *json, const char *expect)
{
    char *out = roundtrip(json);
    ck_assert_str_eq(out, expect);
    monty_free(out);
}

static void
check_repr(const char *json, const char *expect)
{
    MontyValue v;
    ck_assert_int_eq(monty_value_from_json(json, strlen(json), &v, NULL), MONTY_OK);
    char *r = monty_value_repr(&v);
    ck_assert_str_eq(r, expect);
    monty_free(r);
    monty_value_free(&v);
}

static MontyStatus
parse_status(const char *json, size_t len)
{
    MontyValue v;
    MontyError err;
    MontyStatus st = monty_value_from_json(json, len, &v, &err);
    if (st == MONTY_OK) {
        monty_value_free(&v);
    } else {
        ck_assert(err.message[0] != '\0');
    }
    return st;
}

START_TEST(test_json_scalars)
{
    check_rt("null", "null");
    check_rt(" true ", "true");
    check_rt("false", "false");
    check_rt("0", "0");
    check_rt("-12", "-12");
    check_rt("1.0", "1.0");
    check_rt("1e16", "1e+16");
    check_rt("0.1", "0.1");
    check_rt("1.5e-05", "1.5e-05");
    check_rt("123456789012345678901234567890", "123456789012345678901234567890");
    check_rt("-9223372036854775808", "-9223372036854775808");
    check_rt("NaN", "NaN");
    check_rt("-Infinity", "-Infinity");
    check_rt("\"h\\u00e9\\n\\\"\"", "\"h\xc3\xa9\\n\\\"\"");
    check_rt("\"\\ud83d\\ude00\"", "\"\xf0\x9f\x98\x80\"");
    /* A lone surrogate survives as an escape. */
    check_rt("\"\\ud800\"", "\"\\ud800\"");
}
END_TEST

START_TEST(test_json_int_float_kinds)
{
    MontyValue v;
    ck_assert_int_eq(monty_value_from_json("1", 1, &v, NULL), MONTY_OK);
    ck_assert_int_eq(v.kind, MONTY_INT);
    ck_assert_int_eq(v.u.i, 1);
    ck_assert_int_eq(monty_value_from_json("1.0", 3, &v, NULL), MONTY_OK);
    ck_assert_int_eq(v.kind, MONTY_FLOAT);
    ck_assert(v.u.f == 1.0);
    ck_assert_int_eq(monty_value_from_json("9223372036854775808", 19, &v, NULL), MONTY_OK);
    ck_assert_int_eq(v.kind, MONTY_BIGINT);
    ck_assert_str_eq(v.u.str.data, "9223372036854775808");
    monty_value_free(&v);
    ck_assert_int_eq(v.kind, MONTY_NONE);
}
END_TEST

START_TEST(test_json_tagged)
{
    check_rt("{\"$tuple\":[1,[2,3]]}", "{\"$tuple\":[1,[2,3]]}");
    check_rt("{\"$set\":[]}", "{\"$set\":[]}");
    check_rt("{\"$frozenset\":[1]}", "{\"$frozenset\":[1]}");
    check_rt("{\"$bytes\":\"AAEC/w==\"}", "{\"$bytes\":\"AAEC/w==\"}");
    check_rt("{\"$bytes\":\"\"}", "{\"$bytes\":\"\"}");
    check_rt("{\"$dict\":[[1,\"a\"],[{\"$tuple\":[1,2]},null]]}",
             "{\"$dict\":[[1,\"a\"],[{\"$tuple\":[1,2]},null]]}");
    /* A str-keyed dict goes out plain ... */
    check_rt("{\"$dict\":[[\"a\",1]]}", "{\"a\":1}");
    /* ... unless its only key looks like a tag. */
    check_rt("{\"$dict\":[[\"$set\",1]]}", "{\"$dict\":[[\"$set\",1]]}");
    check_rt("{\"$exception\":{\"type\":\"KeyError\",\"message\":\"x\"}}",
             "{\"$exception\":{\"type\":\"KeyError\",\"message\":\"x\"}}");
    check_rt("{\"$int\":\"-00123\"}", "-123");
    /* A tag among other keys is a plain key. */
    check_rt("{\"$set\":[1],\"b\":2}", "{\"$set\":[1],\"b\":2}");
    /* Python's json keeps the last value of a repeated key. */
    check_rt("{\"a\":1,\"b\":2,\"a\":3}", "{\"a\":3,\"b\":2}");
}
END_TEST

START_TEST(test_json_bytes_decoded)
{
    MontyValue v;
    const char *j = "{\"$bytes\":\"AAEC/w==\"}";
    ck_assert_int_eq(monty_value_from_json(j, strlen(j), &v, NULL), MONTY_OK);
    ck_assert_int_eq(v.kind, MONTY_BYTES);
    ck_assert_uint_eq(v.u.str.len, 4);
    ck_assert(memcmp(v.u.str.data, "\x00\x01\x02\xff", 4) == 0);
    monty_value_free(&v);
}
END_TEST

START_TEST(test_json_invalid)
{
    const char *bad[] = {"", "nul", "[1,", "[1 2]", "{\"a\" 1}", "{1:2}", "01", "1.", "-",
                         "\"abc", "\"\\x\"", "\"\\u12\"", "[1]]", "{\"$tuple\":5}",
                         "{\"$bytes\":\"abc\"}", "{\"$bytes\":\"a!==\"}", "{\"$dict\":[[1]]}",
                         "{\"$exception\":{}}", "{\"$int\":\"12a\"}", "\"a\x01\"", NULL};
    for (int i = 0; bad[i] != NULL; i++) {
        ck_assert_msg(parse_status(bad[i], strlen(bad[i])) == MONTY_ERR_JSON, "accepted %s",
                      bad[i]);
    }
    /* Invalid UTF-8 and embedded NUL outside strings. */
    ck_assert_int_eq(parse_status("\"\xff\"", 3), MONTY_ERR_JSON);
    ck_assert_int_eq(parse_status("\"\xed\xa0\x80\"", 5), MONTY_ERR_JSON);
    ck_assert_int_eq(parse_status("1\0", 2), MONTY_ERR_JSON);
}
END_TEST

START_TEST(test_json_deep_nesting)
{
    /* 100k '[' must be refused cleanly, not overflow the C stack. */
    size_t n = 100000;
    char *s = malloc(2 * n);
    memset(s, '[', n);
    memset(s + n, ']', n);
    ck_assert_int_eq(parse_status(s, 2 * n), MONTY_ERR_JSON);
    /* 100 deep is fine. */
    memset(s, '[', 100);
    memset(s + 100, ']', 100);
    ck_assert_int_eq(parse_status(s, 200), MONTY_OK);
    free(s);
}
END_TEST

START_TEST(test_json_random_bytes)
{
    /* Any bytes: a value or a clean error (run under ASan for the real check). */
    srand(12345);
    const char alphabet[] = "[]{}\",:0123456789.eE-+tnfalsrue\\u$ \xc3\xa9";
    char buf[64];
    int ok = 0;
    for (int i = 0; i < 20000; i++) {
        size_t len = (size_t)(rand() % 40);
        for (size_t j = 0; j < len; j++) {
            buf[j] = alphabet[rand() % (int)(sizeof alphabet - 1)];
        }
        MontyStatus st = parse_status(buf, len);
        ck_assert(st == MONTY_OK || st == MONTY_ERR_JSON);
        ok += st == MONTY_OK;
    }
    ck_assert_int_gt(ok, 0);
}
END_TEST

START_TEST(test_value_build_copy_equal)
{
    MontyValue d, s, b, big, copy;
    ck_assert_int_eq(monty_container(MONTY_DICT, 2, &d), MONTY_OK);
    ck_assert_int_eq(monty_str("k", 1, &s), MONTY_OK);
    d.u.dict.keys[0] = s;
    d.u.dict.values[0] = monty_float(2.5);
    d.u.dict.keys[1] = monty_int(7);
    ck_assert_int_eq(monty_bytes("\0x", 2, &b), MONTY_OK);
    d.u.dict.values[1] = b;
    ck_assert_int_eq(monty_value_copy(&d, &copy), MONTY_OK);
    ck_assert(monty_value_equal(&d, &copy));
    char *j = monty_value_to_json(&copy);
    ck_assert_str_eq(j, "{\"$dict\":[[\"k\",2.5],[7,{\"$bytes\":\"AHg=\"}]]}");
    monty_free(j);
    copy.u.dict.values[0] = monty_float(3.5);
    ck_assert(!monty_value_equal(&d, &copy));
    monty_value_free(&copy);
    monty_value_free(&d);
    ck_assert_int_eq(monty_bigint("-18446744073709551616", 21, &big), MONTY_OK);
    ck_assert_int_eq(big.kind, MONTY_BIGINT);
    monty_value_free(&big);
    ck_assert_int_eq(monty_bigint("42", 2, &big), MONTY_OK);
    ck_assert_int_eq(big.kind, MONTY_INT);
    ck_assert_int_eq(monty_bigint("4x", 2, &big), MONTY_ERR_ARG);
    ck_assert_int_eq(monty_container(MONTY_STR, 1, &big), MONTY_ERR_ARG);
    MontyValue nan1 = monty_float(NAN), nan2 = monty_float(NAN);
    ck_assert(monty_value_equal(&nan1, &nan2));
}
END_TEST

START_TEST(test_value_repr)
{
    check_repr("[1, 2.0, \"a'b\", null, true]", "[1, 2.0, \"a'b\", None, True]");
    check_repr("{\"$tuple\":[1]}", "(1,)");
    check_repr("{\"$tuple\":[]}", "()");
    check_repr("{\"$set\":[]}", "set()");
    check_repr("{\"$frozenset\":[]}", "frozenset()");
    check_repr("{\"$frozenset\":[1,2]}", "frozenset({1, 2})");
    check_repr("{\"a\":{\"$bytes\":\"J/8K\"}}", "{'a': b\"'\\xff\\n\"}");
    check_repr("\"tab\\there\\u0001\"", "'tab\\there\\x01'");
    check_repr("1e22", "1e+22");
    check_repr("123456789.125", "123456789.125");
    check_repr("0.0001", "0.0001");
    check_repr("-0.0", "-0.0");
    check_repr("{\"$exception\":{\"type\":\"ValueError\",\"message\":\"bad\"}}",
               "ValueError('bad')");
}
END_TEST

Suite *
api_value_suite(void)
{
    Suite *s = suite_create("api_value");
    TCase *tc = tcase_create("json");
    tcase_add_test(tc, test_json_scalars);
    tcase_add_test(tc, test_json_int_float_kinds);
    tcase_add_test(tc, test_json_tagged);
    tcase_add_test(tc, test_json_bytes_decoded);
    tcase_add_test(tc, test_json_invalid);
    tcase_add_test(tc, test_json_deep_nesting);
    tcase_add_test(tc, test_json_random_bytes);
    suite_add_tcase(s, tc);
    TCase *tv = tcase_create("tree");
    tcase_add_test(tv, test_value_build_copy_equal);
    tcase_add_test(tv, test_value_repr);
    suite_add_tcase(s, tv);
    return s;
}
