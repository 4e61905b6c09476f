/*
 * test_sha256.c — SHA-256 (FIPS 180-4 examples) and HMAC-SHA256 (RFC 4231
 * test cases 1, 2 and 6).
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "vm/sha256.h"

static void
hex(const uint8_t *d, char *out)
{
    for (int i = 0; i < VM_SHA256_SIZE; i++) {
        sprintf(out + 2 * i, "%02x", d[i]);
    }
}

static const char *
sha(const void *msg, size_t len)
{
    static char out[65];
    uint8_t d[VM_SHA256_SIZE];
    VmSha256 c;
    vm_sha256_init(&c);
    vm_sha256_update(&c, msg, len);
    vm_sha256_final(&c, d);
    hex(d, out);
    return out;
}

START_TEST(test_sha256_vectors)
{
    ck_assert_str_eq(sha("", 0),
                     "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    ck_assert_str_eq(sha("abc", 3),
                     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    ck_assert_str_eq(sha(m, strlen(m)),
                     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}
END_TEST

START_TEST(test_sha256_incremental)
{
    /* One million 'a' fed in odd-sized pieces. */
    static char a[1000];
    memset(a, 'a', sizeof a);
    VmSha256 c;
    vm_sha256_init(&c);
    for (int i = 0; i < 1000; i++) {
        vm_sha256_update(&c, a, 617);
        vm_sha256_update(&c, a, 383);
    }
    uint8_t d[VM_SHA256_SIZE];
    char out[65];
    vm_sha256_final(&c, d);
    hex(d, out);
    ck_assert_str_eq(out, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}
END_TEST

START_TEST(test_hmac_rfc4231)
{
    uint8_t d[VM_SHA256_SIZE];
    char out[65];
    uint8_t k1[20];
    memset(k1, 0x0b, sizeof k1);
    vm_hmac_sha256(k1, sizeof k1, "Hi There", 8, d);
    hex(d, out);
    ck_assert_str_eq(out, "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    const char *m2 = "what do ya want for nothing?";
    vm_hmac_sha256((const uint8_t *)"Jefe", 4, m2, strlen(m2), d);
    hex(d, out);
    ck_assert_str_eq(out, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    uint8_t k6[131];
    memset(k6, 0xaa, sizeof k6);
    const char *m6 = "Test Using Larger Than Block-Size Key - Hash Key First";
    vm_hmac_sha256(k6, sizeof k6, m6, strlen(m6), d);
    hex(d, out);
    ck_assert_str_eq(out, "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    ck_assert(vm_sha256_equal(d, d, sizeof d));
    uint8_t e[VM_SHA256_SIZE];
    memcpy(e, d, sizeof e);
    e[31] ^= 1;
    ck_assert(!vm_sha256_equal(d, e, sizeof d));
}
END_TEST

Suite *
api_sha256_suite(void)
{
    Suite *s = suite_create("sha256");
    TCase *tc = tcase_create("vectors");
    tcase_add_test(tc, test_sha256_vectors);
    tcase_add_test(tc, test_sha256_incremental);
    tcase_add_test(tc, test_hmac_rfc4231);
    suite_add_tcase(s, tc);
    return s;
}
