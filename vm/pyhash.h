/*
 * pyhash.h - hash() with CPython 3.13's values for numbers and tuples.
 *
 * Numbers hash by value modulo the Mersenne prime 2**61 - 1 so that
 * hash(1) == hash(1.0) == hash(True) and equal ints and floats collide as
 * Python requires; -1 is never a hash (it becomes -2).  Tuples combine item
 * hashes with CPython's xxHash-derived loop.  str hashes are not
 * CPython's (those are randomised per process anyway): a fast 64-bit
 * hash of the UTF-8 bytes, the same in every run and every process, which
 * keeps snapshots deterministic.
 */
#ifndef MONTY_VM_PYHASH_H
#define MONTY_VM_PYHASH_H

#include <stddef.h>
#include <stdint.h>

#include <tommath.h>

/* CPython's sys.hash_info constants. */
#define VM_PYHASH_BITS 61
#define VM_PYHASH_MODULUS (((uint64_t)1 << VM_PYHASH_BITS) - 1)
#define VM_PYHASH_INF 314159

/*
 * hash(int) for a machine-size int (and bool: hash(True) == 1).
 */
int64_t
vm_pyhash_i64(int64_t v);

/*
 * hash(int) for a big int.
 */
int64_t
vm_pyhash_big(const mp_int *v);

/*
 * hash(float).  NaN hashes by identity in CPython 3.10+: the caller passes
 * the object's identity hash in `nan_hash` (e.g. its id), used for NaNs.
 */
int64_t
vm_pyhash_double(double x, int64_t nan_hash);

/*
 * hash of a tuple from its items' hashes (CPython's tuplehash).
 */
int64_t
vm_pyhash_tuple(const int64_t *item_hashes, size_t n);

/*
 * Incremental form of vm_pyhash_tuple for callers that hash items one by one:
 * acc = vm_pyhash_tuple_start(); acc = vm_pyhash_tuple_add(acc, h) per item;
 * hash = vm_pyhash_tuple_finish(acc, n).
 */
uint64_t
vm_pyhash_tuple_start(void);
uint64_t
vm_pyhash_tuple_add(uint64_t acc, int64_t item_hash);
int64_t
vm_pyhash_tuple_finish(uint64_t acc, size_t n);

/*
 * hash(str) / hash(bytes): deterministic 64-bit hash of the bytes, never -1.
 * Equal strs hash equal (one UTF-8 form per str, see unicode.h).
 */
int64_t
vm_pyhash_bytes(const void *data, size_t len);

#endif
