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
 * Snapshot format 1 is a replay log: the program, the limits, the inputs and
 * every host answer so far. vm/api.c rebuilds the paused run by replaying the
 * answers (the VM is deterministic and the host is never called back during
 * replay). This module only encodes, decodes and validates; it knows nothing
 * of how a run executes.
 */
#ifndef MONTY_VM_SNAPSHOT_H
#define MONTY_VM_SNAPSHOT_H

#include <stddef.h>
#include <stdint.h>

#include "compiler/program.h"
#include "include/monty.h"
#include "vm/api_int.h"

#define VM_SNAPSHOT_VERSION 1

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

/* ---- the replay log of a run ---------------------------------------------- */

/* One host answer, with the fingerprint of the call it answered. */
typedef struct VmSnapAnswer {
    uint32_t call_fp;
    bool is_raise;
    MontyValue value;       /* return value (is_raise false) */
    char *type;             /* exception type and message (is_raise true) */
    char *message;
} VmSnapAnswer;

/* Appends the encoded inputs / one answer to a run's log (b->failed on OOM).
 * An answer starts with vm_snapshot_log_call: the fingerprint of the call it
 * answers (see vm_snapshot_call_fp), checked again when the log is replayed. */
void vm_snapshot_log_value(ApiBuf *b, const MontyValue *v);
void vm_snapshot_log_call(ApiBuf *b, uint32_t call_fp);
void vm_snapshot_log_raise(ApiBuf *b, const char *type, const char *message);

/* FNV-1a of a call's function name, argument count and keyword names: a
 * replay that reaches a different call than the original is refused. */
uint32_t vm_snapshot_call_fp(const char *function, size_t nargs, const char *const *kwnames,
                             size_t nkw);

/* Limits as stored in a snapshot (MontyLimits, duration in ns). */
typedef struct VmSnapLimits {
    uint64_t max_memory, max_allocations, max_duration_ns, max_recursion;
} VmSnapLimits;

/*
 * Writes a snapshot: program, limits, `ninputs` encoded inputs followed by
 * `nanswers` encoded answers (the log bytes, as appended above), and the id
 * of the pending call. New bytes (malloc) in *out; NULL on OOM.
 */
uint8_t *vm_snapshot_dump(const CmpProgram *program, const VmSnapLimits *limits,
                          const ApiBuf *log, size_t ninputs, size_t nanswers, uint64_t call_id,
                          const uint8_t *key, size_t key_len, size_t *len);

/* A decoded snapshot; free with vm_snapshot_state_free. */
typedef struct VmSnapState {
    CmpProgram *program;
    VmSnapLimits limits;
    MontyValue *inputs;
    size_t ninputs;
    VmSnapAnswer *answers;
    size_t nanswers;
    uint64_t call_id;
    ApiBuf log;             /* the log bytes, to continue appending */
} VmSnapState;

/* Validates and decodes snapshot bytes. false with *status and err set. */
bool vm_snapshot_load(const uint8_t *data, size_t len, const uint8_t *key, size_t key_len,
                      VmSnapState *out, MontyStatus *status, char *err, size_t errlen);

void vm_snapshot_state_free(VmSnapState *st);

#endif /* MONTY_VM_SNAPSHOT_H */
