/*
 * sha256.h — SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104), used to sign
 * and verify snapshots and compiled programs with a host key. Written here
 * rather than taken from a crypto library to keep monty's dependency list to
 * Debian's basics; the algorithm is small and fixed by the standards, and the
 * unit tests check the standards' test vectors.
 */
#ifndef MONTY_VM_SHA256_H
#define MONTY_VM_SHA256_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define VM_SHA256_SIZE 32

typedef struct VmSha256 {
    uint32_t h[8];
    uint64_t total;         /* bytes hashed so far */
    uint8_t block[64];
    size_t fill;            /* bytes waiting in block */
} VmSha256;

void vm_sha256_init(VmSha256 *ctx);
void vm_sha256_update(VmSha256 *ctx, const void *data, size_t len);
void vm_sha256_final(VmSha256 *ctx, uint8_t out[VM_SHA256_SIZE]);

/* HMAC-SHA256 of msg under key (any length). */
void vm_hmac_sha256(const uint8_t *key, size_t key_len, const void *msg, size_t len,
                    uint8_t out[VM_SHA256_SIZE]);

/* Compares n bytes in time independent of where they differ. */
bool vm_sha256_equal(const uint8_t *a, const uint8_t *b, size_t n);

#endif /* MONTY_VM_SHA256_H */
