/*
 * pyhash.c - CPython-compatible numeric and tuple hashes (see pyhash.h).
 */
#include "vm/pyhash.h"

#include <math.h>
#include <string.h>

#define MOD VM_PYHASH_MODULUS

/*
 * hash(small int) (see header).
 */
int64_t
vm_pyhash_i64(int64_t v)
{
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    m %= MOD;
    int64_t h = v < 0 ? -(int64_t)m : (int64_t)m;
    return h == -1 ? -2 : h;
}

/*
 * hash(big int) (see header): |v| mod 2**61-1 limb by limb, using
 * 2**61 == 1 (mod 2**61-1) to fold.
 */
int64_t
vm_pyhash_big(const mp_int *v)
{
    uint64_t acc = 0;
    for (int i = v->used; i-- > 0;) {
        unsigned __int128 x = ((unsigned __int128)acc << MP_DIGIT_BIT) + v->dp[i];
        uint64_t r = (uint64_t)(x & MOD) + (uint64_t)(x >> VM_PYHASH_BITS);
        r = (r & MOD) + (r >> VM_PYHASH_BITS);
        if (r >= MOD) {
            r -= MOD;
        }
        acc = r;
    }
    int64_t h = v->sign == MP_NEG ? -(int64_t)acc : (int64_t)acc;
    return h == -1 ? -2 : h;
}

/*
 * hash(float) (see header).  x = m * 2**e with 0.5 <= m < 1; feed m's bits
 * 28 at a time into a residue mod 2**61-1, then multiply by 2**e, which
 * is a rotation of the 61-bit residue.
 */
int64_t
vm_pyhash_double(double x, int64_t nan_hash)
{
    if (isnan(x)) {
        return nan_hash;
    }
    if (isinf(x)) {
        return x > 0 ? VM_PYHASH_INF : -VM_PYHASH_INF;
    }
    int e;
    double m = frexp(x, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t r = 0;
    while (m) {
        r = ((r << 28) & MOD) | r >> (VM_PYHASH_BITS - 28);
        m *= 268435456.0;   /* 2**28 */
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        r += y;
        if (r >= MOD) {
            r -= MOD;
        }
    }
    e = e >= 0 ? e % VM_PYHASH_BITS : VM_PYHASH_BITS - 1 - ((-1 - e) % VM_PYHASH_BITS);
    r = ((r << e) & MOD) | r >> (VM_PYHASH_BITS - e);
    int64_t h = (int64_t)r * sign;
    return h == -1 ? -2 : h;
}

/* xxHash64 primes as CPython's tuplehash uses them. */
#define XXPRIME_1 11400714785074694791ULL
#define XXPRIME_2 14029467366897019727ULL
#define XXPRIME_5 2870177450012600261ULL

static uint64_t
rotl31(uint64_t x)
{
    return (x << 31) | (x >> 33);
}

uint64_t
vm_pyhash_tuple_start(void)
{
    return XXPRIME_5;
}

uint64_t
vm_pyhash_tuple_add(uint64_t acc, int64_t item_hash)
{
    acc += (uint64_t)item_hash * XXPRIME_2;
    acc = rotl31(acc);
    acc *= XXPRIME_1;
    return acc;
}

int64_t
vm_pyhash_tuple_finish(uint64_t acc, size_t n)
{
    acc += (uint64_t)n ^ (XXPRIME_5 ^ 3527539ULL);
    if (acc == (uint64_t)-1) {
        return 1546275796;
    }
    return (int64_t)acc;
}

/*
 * Tuple hash (see header).
 */
int64_t
vm_pyhash_tuple(const int64_t *item_hashes, size_t n)
{
    uint64_t acc = vm_pyhash_tuple_start();
    for (size_t i = 0; i < n; i++) {
        acc = vm_pyhash_tuple_add(acc, item_hashes[i]);
    }
    return vm_pyhash_tuple_finish(acc, n);
}

/*
 * Bytes hash (see header): 64-bit multiply-mix over 8-byte words with a
 * murmur-style finaliser.  Not cryptographic; scripts cannot observe the
 * seed because there is none to vary.
 */
int64_t
vm_pyhash_bytes(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ ((uint64_t)len * 0xC2B2AE3D27D4EB4FULL);
    while (len >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h ^= w * 0x87C37B91114253D5ULL;
        h = ((h << 29) | (h >> 35)) * 0x4CF5AD432745937FULL;
        p += 8;
        len -= 8;
    }
    uint64_t tail = 0;
    for (size_t i = 0; i < len; i++) {
        tail |= (uint64_t)p[i] << (8 * i);
    }
    h ^= tail * 0x87C37B91114253D5ULL;
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 33;
    int64_t r = (int64_t)h;
    return r == -1 ? -2 : r;
}
