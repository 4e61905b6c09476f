/*
 * snapshot.h — the byte formats of compiled programs (.mbc) and of paused
 * runs (snapshots); see vm/SNAPSHOT.md.
 *
 * Both share one envelope: magic "MNTY", a kind byte ('P' program, 'R' run),
 * the envelope version, the bytecode format version (CMP_FORMAT_VERSION), a
 * flags byte (signed or not), the payload length, the payload, and when
 * signed a trailing HMAC-SHA256 over everything before it. Loading validates
 * the envelope, the signature, then every byte of the payload; any input
 * yields a result or a MontyStatus with a one-line reason, never a crash.
 *
 * Snapshot format 2 holds the program, the limits and the paused run itself:
 * its objects (numbered, so sharing and cycles survive), its frames and its
 * pending call (snap_heap.c). Format 1 (a replay log) is refused with
 * MONTY_ERR_VERSION.
 */
#ifndef MONTY_VM_SNAPSHOT_H
#define MONTY_VM_SNAPSHOT_H

#include <stddef.h>
#include <stdint.h>

#include "compiler/program.h"
#include "include/monty.h"
#include "vm/api_int.h"
#include "vm/vm.h"

/* Envelope version of paused runs (format 2 since snapshots hold the heap) and of
 * compiled programs (unchanged). */
#define VM_SNAPSHOT_VERSION 2
#define VM_PROGRAM_ENVELOPE_VERSION 1

/* Bounds a loaded snapshot may not exceed (each also bounded by its bytes). */
#define VM_SNAPSHOT_MAX_DEPTH 512

/* ---- compiled programs ---------------------------------------------------- */

/* A compiled program as .mbc bytes; new bytes (malloc) or NULL on OOM. */
uint8_t *vm_snapshot_program_dump(const CmpProgram *program, const uint8_t *key,
                                  size_t key_len, size_t *len);

/* Validates and loads .mbc bytes; NULL with *status and err set on failure. */
CmpProgram *vm_snapshot_program_load(const uint8_t *data, size_t len, const uint8_t *key,
                                     size_t key_len, MontyStatus *status, char *err,
                                     size_t errlen);

/* ---- paused runs (format 2: heap, frames, pending call) -------------------- */

/* Limits as stored in a snapshot (MontyLimits, duration in ns). */
typedef struct VmSnapLimits {
    uint64_t max_memory, max_allocations, max_duration_ns, max_recursion;
} VmSnapLimits;

/*
 * Writes a snapshot of a paused run: its program, the limits, then the run's state
 * (vm_snap_state_write). New bytes (malloc) in *out; NULL with *status and err set
 * when the run holds an object kind that cannot be saved (MONTY_ERR_UNSUPPORTED) or
 * on OOM.
 */
uint8_t *vm_snapshot_dump(VmRun *run, const VmSnapLimits *limits, const uint8_t *key,
                          size_t key_len, size_t *len, MontyStatus *status, char *err,
                          size_t errlen);

/* The program's serialized bytes (cmp_program_dump), new (malloc) or NULL on OOM: a
 * run's program never changes, so the host side keeps them for every later dump. */
uint8_t *vm_snapshot_program_bytes(const CmpProgram *program, size_t *len);

/* vm_snapshot_dump with the program's bytes given (from vm_snapshot_program_bytes). */
uint8_t *vm_snapshot_dump_with(VmRun *run, const uint8_t *prog, size_t prog_len,
                               const VmSnapLimits *limits, const uint8_t *key, size_t key_len,
                               size_t *len, MontyStatus *status, char *err, size_t errlen);

/* The parts of snapshot bytes before the run's state; the program is the caller's. */
typedef struct VmSnapHeader {
    CmpProgram *program;
    VmSnapLimits limits;
    const uint8_t *state;   /* points into the snapshot bytes */
    size_t state_len;
    const uint8_t *program_bytes;   /* the program as serialized (into the bytes too) */
    size_t program_len;
} VmSnapHeader;

/* Validates the envelope, signature, program and limits. false with *status and err. */
bool vm_snapshot_open(const uint8_t *data, size_t len, const uint8_t *key, size_t key_len,
                      VmSnapHeader *out, MontyStatus *status, char *err, size_t errlen);

/* snap_heap.c: the run's state (pending call, prelude marker, objects, frames). */
bool vm_snap_state_write(VmRun *run, ApiBuf *out, char *err, size_t errlen);
bool vm_snap_state_read(VmRun *run, const uint8_t *p, size_t len, MontyStatus *status,
                        char *err, size_t errlen);

#endif /* MONTY_VM_SNAPSHOT_H */
