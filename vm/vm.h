/*
 * vm.h — the VM's front door: runs, events, and the values that cross the boundary.
 *
 * Used by vm/api.c (include/monty.h), vm/snapshot.c and the CLI. A VmRun executes one
 * CmpProgram (shared, immutable, never modified by the VM) with its own heap, limits
 * and print sink. A run advances only inside vm_run_start / vm_run_resume_*; each
 * returns an event:
 *
 *   VM_EVENT_COMPLETE  the script finished; vm_run_result() is the value of its last
 *                      expression statement (None if it had none).
 *   VM_EVENT_CALL      the script called an external function: the run is paused
 *                      with all its state as data; read the call with vm_run_call_*()
 *                      and answer with vm_run_resume_value / vm_run_resume_exception.
 *   VM_EVENT_ERROR     an exception escaped, or a limit was hit; read it with
 *                      vm_run_error_*(). A finished or failed run cannot be resumed.
 *
 * Values: VmValue (vm/value.h) is a 16-byte tagged value. Values of object kinds
 * (str, list, ...) live in the run's heap: they stay valid until the run advances
 * again (the collector runs only while the run executes) or is freed. Values the host
 * builds with vm_value_* constructors must be handed to the run (resume, bind input)
 * before the next start/resume, or they may be collected.
 *
 * Threads: a CmpProgram may be shared by any number of runs on any threads; a VmRun
 * belongs to one thread at a time. The VM has no mutable global state.
 */
#ifndef MONTY_VM_VM_H
#define MONTY_VM_VM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "compiler/program.h"
#include "vm/value.h"

typedef struct VmRun VmRun;

/* Host allocator hook (all of a run's memory goes through it). NULL fns: libc.
 * realloc(ud, NULL, 0, n) allocates, realloc(ud, p, old, 0) frees. */
typedef struct VmAllocator {
    void *(*realloc)(void *ud, void *ptr, size_t old_size, size_t new_size);
    void *ud;
} VmAllocator;

/* Resource limits; 0 means "no limit" (max_recursion 0 means the default, 1000). */
typedef struct VmLimits {
    size_t max_memory;          /* live bytes of the run's heap */
    uint64_t max_allocations;   /* total allocations over the run's life */
    uint64_t max_duration_ns;   /* wall clock while the script runs (not while paused) */
    uint32_t max_recursion;     /* Python call depth; RecursionError beyond it */
} VmLimits;

/* Receives everything print() writes (never goes to stdout directly). */
typedef void (*VmPrintFn)(void *ud, const char *text, size_t len);

typedef enum VmEventKind {
    VM_EVENT_COMPLETE = 0,
    VM_EVENT_CALL,
    VM_EVENT_ERROR,
} VmEventKind;

/* ---- runs --------------------------------------------------------------- */

/*
 * Creates a run of `program` (borrowed: it must outlive the run). limits, alloc and
 * print may be NULL. Returns NULL only if the first allocation fails.
 */
VmRun *vm_run_new(const CmpProgram *program, const VmLimits *limits,
                  const VmAllocator *alloc, VmPrintFn print, void *print_ud);

/* Frees the run and everything it owns (all values from it become invalid). */
void vm_run_free(VmRun *run);

/* The program this run executes. */
const CmpProgram *vm_run_program(const VmRun *run);

/*
 * Binds a global before vm_run_start (inputs). `name` is copied. Returns false if the
 * run has already started or memory ran out.
 */
bool vm_run_bind_input(VmRun *run, const char *name, VmValue value);

/* Starts executing the module code; returns the first event. */
VmEventKind vm_run_start(VmRun *run);

/* Answers the pending CALL with a return value; returns the next event. */
VmEventKind vm_run_resume_value(VmRun *run, VmValue value);

/*
 * Answers the pending CALL by raising an exception at the call site. `type_name` is a
 * built-in exception name ("KeyError", "ValueError", ...); an unknown name raises
 * RuntimeError with the message "type_name: message".
 */
VmEventKind vm_run_resume_exception(VmRun *run, const char *type_name, const char *message);

/* The kind of the last event, and whether the run can still be resumed. */
VmEventKind vm_run_last_event(const VmRun *run);
bool vm_run_is_paused(const VmRun *run);

/* COMPLETE: the script's result. */
VmValue vm_run_result(const VmRun *run);

/* CALL: the pending external call (valid until the next resume). */
uint64_t vm_run_call_id(const VmRun *run);
const char *vm_run_call_name(const VmRun *run);
size_t vm_run_call_nargs(const VmRun *run);
VmValue vm_run_call_arg(const VmRun *run, size_t i);
VmValue vm_run_call_kwargs(const VmRun *run);      /* a dict (str keys), maybe empty */

/* ERROR: the exception that ended the run. */
typedef struct VmTraceFrame {
    const char *filename;
    uint32_t lineno;
    const char *funcname;
    const char *source_line;    /* stripped source line, "" if unknown */
} VmTraceFrame;

const char *vm_run_error_type(const VmRun *run);       /* "ZeroDivisionError" */
const char *vm_run_error_message(const VmRun *run);    /* str(exc), may be "" */
const char *vm_run_error_traceback(const VmRun *run);  /* CPython-format text incl. chains,
                                                           ending "Type: message\n" */
bool vm_run_error_is_limit(const VmRun *run);          /* a resource limit, not a script
                                                           exception */
size_t vm_run_error_nframes(const VmRun *run);          /* innermost last, as CPython */
const VmTraceFrame *vm_run_error_frame(const VmRun *run, size_t i);
VmValue vm_run_error_value(const VmRun *run);          /* the exception object */

/* Memory accounting (for tests and the host): live bytes and allocation count. */
size_t vm_run_live_bytes(const VmRun *run);
uint64_t vm_run_allocations(const VmRun *run);

/* ---- values crossing the boundary -------------------------------------- */

typedef enum VmKind {
    VM_KIND_NONE,
    VM_KIND_BOOL,
    VM_KIND_INT,        /* fits int64: vm_val_get_int */
    VM_KIND_BIGINT,     /* vm_value_bigint_str */
    VM_KIND_FLOAT,
    VM_KIND_STR,
    VM_KIND_BYTES,
    VM_KIND_LIST,
    VM_KIND_TUPLE,
    VM_KIND_DICT,
    VM_KIND_SET,
    VM_KIND_FROZENSET,
    VM_KIND_EXCEPTION,
    VM_KIND_OTHER,      /* functions, ranges, ...: use vm_value_repr */
} VmKind;

VmKind vm_value_kind(VmValue v);

/* Constructors (objects are allocated in the run's heap; false/EMPTY on limit or OOM). */
VmValue vm_value_str(VmRun *run, const char *utf8, size_t len);   /* must be valid UTF-8 */
VmValue vm_value_bytes(VmRun *run, const uint8_t *data, size_t len);
VmValue vm_value_bigint(VmRun *run, const char *decimal);  /* "-123..." any size */
VmValue vm_value_list(VmRun *run);
VmValue vm_value_tuple(VmRun *run, const VmValue *items, size_t n);
VmValue vm_value_dict(VmRun *run);
VmValue vm_value_set(VmRun *run);
VmValue vm_value_frozenset(VmRun *run, const VmValue *items, size_t n);
/* Exception instance of a built-in type (unknown names become RuntimeError). */
VmValue vm_value_exception(VmRun *run, const char *type_name, const char *message);
bool vm_value_list_append(VmRun *run, VmValue list, VmValue item);
bool vm_value_set_add(VmRun *run, VmValue set, VmValue item);    /* item must be hashable */
bool vm_value_dict_set(VmRun *run, VmValue dict, VmValue key, VmValue value);

/* Accessors. Strings point into the heap (not NUL-terminated necessarily: use len). */
const char *vm_value_str_data(VmValue v, size_t *len);
const uint8_t *vm_value_bytes_data(VmValue v, size_t *len);
/* Decimal text of an int (small or big); malloc'd, caller frees. */
char *vm_value_bigint_str(VmValue v);
/* list, tuple, set, frozenset, dict: number of items. */
size_t vm_value_len(VmValue v);
/* list, tuple: item i. set, frozenset: i-th item in iteration order. */
VmValue vm_value_item(VmValue v, size_t i);
/* dict: i-th entry in insertion order (0 <= i < vm_value_len). */
void vm_value_dict_entry(VmValue v, size_t i, VmValue *key, VmValue *value);
/* exception: type name and str(exc). */
const char *vm_value_exception_type(VmValue v);
char *vm_value_exception_message(VmRun *run, VmValue v);   /* malloc'd */
/* repr(v) as CPython prints it; malloc'd, caller frees (NULL on OOM). */
char *vm_value_repr(VmRun *run, VmValue v);

#endif /* MONTY_VM_VM_H */
