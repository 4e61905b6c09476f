/*
 * vm_int.h — layouts shared inside vm/ (objects, types, heap, frames, the run).
 *
 * Never included outside vm/ (STYLE.md §1). vm/snapshot.c walks these layouts to
 * dump and load a paused run: every object starts with a VmObj header, all live
 * objects of a run are on its heap list, and a paused run's state is run->frame
 * (a chain of heap frames) plus the roots listed in vm_gc_collect (gc.c).
 *
 * Ownership: memory is reclaimed by a precise mark-and-sweep collector that runs only
 * at safe points of the interpreter loop (gc.c), so native code never roots its
 * temporaries: anything it allocates stays alive until the loop reaches the next
 * instruction boundary, by which time it is either reachable or garbage.
 */
#ifndef MONTY_VM_VM_INT_H
#define MONTY_VM_VM_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <tommath.h>

#include "compiler/program.h"
#include "vm/value.h"
#include "vm/vm.h"

typedef struct VmType VmType;
typedef struct VmGc VmGc;

/* Result of every VM helper that can raise (STYLE.md §3). */
typedef enum VmStatus {
    VM_OK = 0,
    VM_ERR,         /* an exception is set in run->exc (or a limit flag is set) */
    VM_STOP,        /* iterator exhausted (no exception object is built) */
    VM_DEFER,       /* a native asks the interpreter to call the prelude function
                       run->defer_name with the same arguments (prelude.c) */
} VmStatus;

/* ---- objects ------------------------------------------------------------ */

#define VM_GC_MARK 1u
#define VM_GC_IMMORTAL 2u   /* static, shared by all runs, never marked or freed */

typedef struct VmObj {
    const VmType *type;
    struct VmObj *gc_next;  /* the run's heap list */
    uint32_t gc_flags;
    uint32_t size;          /* bytes of this block (header included) for accounting */
} VmObj;

#define VM_IMMORTAL_HDR(typeptr) { (typeptr), NULL, VM_GC_IMMORTAL, 0 }

/*
 * str. `data` points at the bytes: inline right after the struct (most strs), into a
 * shared growable store (strs made by `+`, so that `s += x` in a loop appends in place:
 * VALUES.md "Strings"), or at static bytes (the immortal one-character strs).
 * data[len] is NUL except for a str in a store that a later `+` extended in place:
 * read strs by `len`; vm_str_has_nul() says whether the NUL is there.
 */
typedef struct VmStr {
    VmObj hdr;
    char *data;             /* len bytes of UTF-8 */
    size_t len;             /* bytes of UTF-8 */
    size_t nchars;          /* code points */
    int64_t hash;           /* -1: not computed yet */
    bool ascii;
    bool grown;             /* made by `+`: the next `+` may move it into a store */
    bool stored;            /* data is the start of a VmStrStore (see obj_str.c) */
} VmStr;

typedef struct VmBytes {
    VmObj hdr;
    size_t len;
    int64_t hash;
    uint8_t data[];
} VmBytes;

typedef struct VmBigInt {
    VmObj hdr;
    mp_int n;               /* never fits int64 (results are normalised to small) */
} VmBigInt;

typedef struct VmTuple {
    VmObj hdr;
    size_t len;
    VmValue items[];
} VmTuple;

typedef struct VmList {
    VmObj hdr;
    size_t len, cap;
    VmValue *items;         /* raw heap block */
} VmList;

/* Dict: CPython's compact layout — an index table of slots into a dense entry array
 * kept in insertion order. Deleted entries keep their slot (key EMPTY) until resize. */
typedef struct VmDictEntry {
    int64_t hash;
    VmValue key;            /* EMPTY = deleted */
    VmValue value;
} VmDictEntry;

typedef struct VmDict {
    VmObj hdr;
    size_t used;            /* live entries */
    size_t nentries;        /* entries used (live + deleted) */
    size_t entries_cap;
    size_t mask;            /* index table size - 1 */
    int32_t *index;         /* -1 empty, -2 dummy, else entry number */
    VmDictEntry *entries;
} VmDict;

/* Set/frozenset: CPython's open-addressing table (linear probes + perturbation), same
 * sizes and growth, so iteration order matches CPython for the same history. */
typedef struct VmSetEntry {
    int64_t hash;
    VmValue key;            /* EMPTY + hash 0: unused; EMPTY + hash -1: dummy */
} VmSetEntry;

typedef struct VmSet {
    VmObj hdr;
    size_t fill;            /* active + dummy */
    size_t used;            /* active */
    size_t mask;
    int64_t hash;           /* frozenset: -1 until computed */
    VmSetEntry *table;
    uint32_t finger;        /* pop() search start */
} VmSet;

typedef struct VmRange {
    VmObj hdr;
    int64_t start, stop, step, len;
} VmRange;

typedef struct VmSlice {
    VmObj hdr;
    VmValue start, stop, step;
} VmSlice;

typedef struct VmCell {
    VmObj hdr;
    VmValue value;          /* EMPTY: unbound */
} VmCell;

typedef struct VmFunction {
    VmObj hdr;
    uint32_t code_index;    /* into run->program->codes */
    struct VmDict *globals;
    VmTuple *defaults;      /* NULL: none */
    VmDict *kwdefaults;     /* NULL: none */
    VmTuple *closure;       /* cells; NULL: none */
    VmStr *name;
    VmStr *qualname;
    VmDict *attrs;          /* f.x = ... (NULL until the first one) */
} VmFunction;

/* Native function: args are vectorcall style; if kwnames is non-NULL, the last
 * kwnames->len values of args are the keyword values. */
typedef VmStatus (*VmNativeFn)(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames,
                               VmValue *out);

typedef struct VmBuiltin {
    VmObj hdr;
    const char *name;
    VmNativeFn fn;
    const VmType *owner;    /* method of this type (receives self first), or NULL */
} VmBuiltin;

typedef struct VmBoundMethod {
    VmObj hdr;
    VmValue func;
    VmValue self;
} VmBoundMethod;

/* A host function: calling it suspends the run (contract 1). */
typedef struct VmExternal {
    VmObj hdr;
    uint32_t index;         /* into program->external_names, maybe | VM_EXTERNAL_SYNC */
} VmExternal;

/* In VmExternal.index (ASYNC): the synchronous twin of an `async def` tool, held by the
 * coroutine that calling the tool returns (obj_coro.c); calling it makes the host call.
 * The index proper is index & ~VM_EXTERNAL_SYNC (snapshots must keep the bit). */
#define VM_EXTERNAL_SYNC 0x80000000u

typedef struct VmTraceback {
    VmObj hdr;
    struct VmTraceback *next;   /* towards the raise point */
    uint32_t code_index;
    uint32_t lineno;
    uint32_t pc;                /* instruction (for the caret line's columns) */
    uint32_t name_index;        /* code whose name is shown ("in f"): differs for an
                                   inlined comprehension (PEP 709), shown as its caller */
} VmTraceback;

typedef struct VmExc {
    VmObj hdr;
    const VmType *exc_type; /* == hdr.type, kept for readability */
    VmTuple *args;
    VmValue cause;          /* EMPTY: not set (None is a value) */
    VmValue context;
    bool suppress_context;
    VmTraceback *traceback;
    VmValue extra;          /* StopIteration.value, KeyError key... (EMPTY: none) */
} VmExc;

/* Generic iterator over a sequence (list, tuple, str, range, dict views ...). */
typedef struct VmIter {
    VmObj hdr;
    VmValue seq;
    int64_t index;
    int64_t aux;            /* range: current value; dict: expected size; ... */
    int64_t aux2;
    int kind;               /* what seq is and what to yield (iter.c) */
} VmIter;

/* A call frame: an accounted heap block (not on the object list) so generators can keep
 * theirs and a paused run is pure data. Calls recycle frames through a per-run free
 * list (frame.c); the collector traces them from run->frame's chain and from their
 * generators. slots: nlocals fast locals, then ncells cells (cellvars then freevars),
 * then the value stack (stacksize). */
typedef struct VmGenerator VmGenerator;

/* How the frame that resumed a generator consumes what it yields or returns. */
enum {
    VM_GEN_MODE_NONE = 0,
    VM_GEN_MODE_FOR_ITER,   /* yield: push; return: pop the iterator, jump to target */
    VM_GEN_MODE_SEND,       /* yield: push; return: replace the iterator, jump */
    VM_GEN_MODE_NEXT,       /* next(gen) / gen.send(v): yield: push; return: raise
                               StopIteration(value) in the caller */
};

typedef struct VmFrame {
    VmObj hdr;
    struct VmFrame *back;   /* the caller; NULL for a suspended generator */
    VmFunction *func;       /* NULL for the module body */
    uint32_t code_index;
    uint32_t pc;            /* next instruction */
    uint32_t sp;            /* stack depth above the stack base */
    uint32_t nslots;
    struct VmDict *globals;
    bool is_module;
    bool is_entry;          /* returning or raising out of it leaves vm_interp_run */
    uint8_t gen_mode;       /* VM_GEN_MODE_* while a generator frame runs */
    uint32_t gen_target;    /* caller's jump target for FOR_ITER / SEND */
    VmGenerator *gen;       /* the generator owning this frame, or NULL */
    VmValue slots[];
} VmFrame;

/* A generator: its frame lives on between yields (no C stack involved).
 * Coroutines (ASYNC, obj_coro.c) are the same struct with hdr.type == &vm_type_coroutine:
 * an `async def` call's frame (code flag CMP_CO_COROUTINE, never SUSPENDED: monty's
 * coroutines run to their end when awaited), or a host call's (`name`/`qualname` the
 * tool's, frame the prelude's `_host_call(sync external, args tuple, kwargs dict)`).
 * A coroutine holds exactly what a generator holds: frame, state, name, qualname. */
enum { VM_GEN_CREATED, VM_GEN_SUSPENDED, VM_GEN_RUNNING, VM_GEN_DONE };
struct VmGenerator {
    VmObj hdr;
    VmFrame *frame;
    int state;
    VmStr *name;
    VmStr *qualname;
};

/* frame.c: frames are not on the heap list; they are traced from the frame chain and
 * from their generators, and released explicitly when a call returns. */
VmFrame *vm_frame_new(VmRun *run, uint32_t ci, VmFunction *func, VmDict *globals);
void vm_frame_release(VmRun *run, VmFrame *f);
void vm_frame_trace(VmGc *gc, VmFrame *f);
void vm_frame_free_all(VmRun *run);

/* int | str (types.UnionType): the member types in order, duplicates removed. */
typedef struct VmUnion {
    VmObj hdr;
    VmTuple *args;
} VmUnion;

/* The inline cache of LOAD_GLOBAL / STORE_GLOBAL, one per name slot of a code (interp.c).
 * Derived data: all zero is a valid empty cache, it is never serialised, and a loaded run
 * starts with empty caches. A hit entry holds the dict and the index of the entry whose
 * key object is `key` (checked on use: a resize or a delete moves or clears it); a miss
 * entry (key NULL) holds the builtin found while run->globals_gen was `gen`. */
typedef struct VmGlobalCache {
    struct VmDict *dict;    /* the globals it was filled for; NULL: empty */
    VmObj *key;             /* hit: the key object at dict->entries[index]; NULL: miss */
    uint32_t index;
    uint32_t gen;           /* miss: run->globals_gen when filled */
    VmValue builtin;        /* miss: the builtin of that name */
    /* LOAD_ATTR's method form: the method of that name of type `mtype` (types and their
     * methods are static: always valid) */
    const VmType *mtype;
    const VmBuiltin *meth;
} VmGlobalCache;

/* Per-code data a run derives from the program (constants as values, names as
 * interned strings). */
typedef struct VmCodeData {
    VmValue *consts;        /* raw heap block, code->nconsts */
    VmStr **names;          /* raw heap block, code->nnames */
    VmGlobalCache *gcache;  /* raw heap block, code->nnames (zeroed) */
} VmCodeData;

/* ---- types -------------------------------------------------------------- */

/* BINARY_OP / UNARY_OP operands: the compiler emits grammar/ast.h's AstOperator and
 * AstUnaryOp numbers; these mirror them (the VM does not include AST headers). */
enum {
    VM_OP_ADD, VM_OP_SUB, VM_OP_MUL, VM_OP_MATMUL, VM_OP_DIV, VM_OP_MOD, VM_OP_POW,
    VM_OP_LSHIFT, VM_OP_RSHIFT, VM_OP_OR, VM_OP_XOR, VM_OP_AND, VM_OP_FLOORDIV,
    VM_OP_COUNT
};
enum { VM_UOP_INVERT, VM_UOP_NOT, VM_UOP_POS, VM_UOP_NEG };

typedef enum VmCmp { VM_CMP_LT, VM_CMP_LE, VM_CMP_EQ, VM_CMP_NE, VM_CMP_GT, VM_CMP_GE } VmCmp;

typedef struct VmMethodDef {
    const VmBuiltin *fn;
} VmMethodDef;

#define VM_TYPE_EXC 1u          /* an exception class */
#define VM_TYPE_NOSUBSCRIPT 2u

struct VmType {
    VmObj hdr;                  /* type(type) is type */
    const char *name;
    const VmType *base;         /* NULL only for object */
    uint32_t flags;
    void (*trace)(VmGc *gc, VmObj *obj);
    void (*fini)(VmRun *run, VmObj *obj);
    VmStatus (*repr)(VmRun *run, VmValue self, VmValue *out);
    VmStatus (*str)(VmRun *run, VmValue self, VmValue *out);     /* NULL: repr */
    VmStatus (*hash)(VmRun *run, VmValue self, int64_t *out);    /* NULL: unhashable */
    /* returns VM_OK with *out EMPTY for NotImplemented */
    VmStatus (*richcompare)(VmRun *run, VmValue a, VmValue b, VmCmp op, VmValue *out);
    VmStatus (*iter)(VmRun *run, VmValue self, VmValue *out);
    VmStatus (*next)(VmRun *run, VmValue self, VmValue *out);   /* VM_STOP when done */
    VmStatus (*len)(VmRun *run, VmValue self, int64_t *out);
    VmStatus (*getitem)(VmRun *run, VmValue self, VmValue key, VmValue *out);
    VmStatus (*setitem)(VmRun *run, VmValue self, VmValue key, VmValue value);  /* value
                                                                  EMPTY: delete */
    VmStatus (*contains)(VmRun *run, VmValue self, VmValue item, bool *out);
    /* calling an instance (natives) */
    VmStatus (*call)(VmRun *run, VmValue self, VmValue *args, size_t nargs, VmTuple *kwnames,
                     VmValue *out);
    /* calling the type itself: int("3"), ValueError("x") */
    VmStatus (*new_)(VmRun *run, const VmType *type, VmValue *args, size_t nargs,
                     VmTuple *kwnames, VmValue *out);
    /* attribute other than methods; VM_OK with EMPTY: not found */
    VmStatus (*getattr)(VmRun *run, VmValue self, VmStr *name, VmValue *out);
    VmStatus (*bool_)(VmRun *run, VmValue self, bool *out);       /* NULL: len or True */
    const VmBuiltin *const *methods;    /* NULL-terminated */
};

/* Built-in types (immortal, shared by all runs). */
extern const VmType vm_type_object, vm_type_type, vm_type_none, vm_type_bool, vm_type_int,
    vm_type_float, vm_type_str, vm_type_bytes, vm_type_list, vm_type_tuple, vm_type_dict,
    vm_type_set, vm_type_frozenset, vm_type_range, vm_type_slice, vm_type_function,
    vm_type_builtin, vm_type_method, vm_type_cell, vm_type_external, vm_type_traceback,
    vm_type_iter, vm_type_frame, vm_type_ellipsis, vm_type_notimpl, vm_type_dict_keys,
    vm_type_dict_values, vm_type_dict_items, vm_type_enumerate, vm_type_zip,
    vm_type_reversed, vm_type_generator, vm_type_map, vm_type_filter, vm_type_range_iter,
    vm_type_union, vm_type_coroutine;

/* Exception types (exc.c), by CPython name. */
#define VM_EXC_TYPES(X) \
    X(Exception, BaseException) \
    X(ArithmeticError, Exception) \
    X(ZeroDivisionError, ArithmeticError) \
    X(OverflowError, ArithmeticError) \
    X(FloatingPointError, ArithmeticError) \
    X(AssertionError, Exception) \
    X(AttributeError, Exception) \
    X(LookupError, Exception) \
    X(IndexError, LookupError) \
    X(KeyError, LookupError) \
    X(NameError, Exception) \
    X(UnboundLocalError, NameError) \
    X(TypeError, Exception) \
    X(ValueError, Exception) \
    X(UnicodeError, ValueError) \
    X(UnicodeDecodeError, UnicodeError) \
    X(UnicodeEncodeError, UnicodeError) \
    X(RuntimeError, Exception) \
    X(NotImplementedError, RuntimeError) \
    X(RecursionError, RuntimeError) \
    X(StopIteration, Exception) \
    X(StopAsyncIteration, Exception) \
    X(MemoryError, Exception) \
    X(ImportError, Exception) \
    X(ModuleNotFoundError, ImportError) \
    X(OSError, Exception) \
    X(TimeoutError, OSError) \
    X(ConnectionError, OSError) \
    X(FileNotFoundError, OSError) \
    X(PermissionError, OSError) \
    X(EOFError, Exception) \
    X(BufferError, Exception) \
    X(SyntaxError, Exception) \
    X(KeyboardInterrupt, BaseException) \
    X(SystemExit, BaseException) \
    X(GeneratorExit, BaseException) \
    X(Warning, Exception) \
    X(UserWarning, Warning) \
    X(DeprecationWarning, Warning) \
    X(RuntimeWarning, Warning) \
    X(FileExistsError, OSError) \
    X(IsADirectoryError, OSError) \
    X(NotADirectoryError, OSError) \
    X(InterruptedError, OSError) \
    X(BlockingIOError, OSError) \
    X(ChildProcessError, OSError) \
    X(ProcessLookupError, OSError) \
    X(BrokenPipeError, ConnectionError) \
    X(ConnectionAbortedError, ConnectionError) \
    X(ConnectionRefusedError, ConnectionError) \
    X(ConnectionResetError, ConnectionError) \
    X(IndentationError, SyntaxError) \
    X(TabError, IndentationError) \
    X(UnicodeTranslateError, UnicodeError) \
    X(ReferenceError, Exception) \
    X(SystemError, Exception) \
    X(PythonFinalizationError, RuntimeError) \
    X(PendingDeprecationWarning, Warning) \
    X(SyntaxWarning, Warning) \
    X(FutureWarning, Warning) \
    X(ImportWarning, Warning) \
    X(UnicodeWarning, Warning) \
    X(BytesWarning, Warning) \
    X(ResourceWarning, Warning) \
    X(EncodingWarning, Warning) \
    X(BaseExceptionGroup, BaseException) \
    X(ExceptionGroup, Exception)    /* CPython: also a BaseExceptionGroup */

extern const VmType vm_exc_BaseException;
#define X(name, base) extern const VmType vm_exc_##name;
VM_EXC_TYPES(X)
#undef X

/* ---- the heap and collector (heap.c, gc.c) ------------------------------ */

typedef enum VmLimitKind {
    VM_LIMIT_NONE = 0,
    VM_LIMIT_MEMORY,
    VM_LIMIT_ALLOCATIONS,
    VM_LIMIT_TIME,
} VmLimitKind;

typedef struct VmHeap {
    VmAllocator alloc;
    VmObj *objects;         /* every live object of the run */
    size_t live_bytes;
    size_t peak_bytes;
    uint64_t nallocs;       /* over the run's life */
    size_t next_gc;         /* collect at a safe point once live_bytes exceeds this */
    VmLimitKind limit;      /* sticky: set when a limit is hit */
    /* small blocks (heap.c): carved from slabs; freed ones on per-class lists for reuse
     * (not live: not in live_bytes); slabs released by vm_heap_release_cache. Derived
     * allocator state: never serialised. */
    void *cache[17];        /* free blocks by 16-byte size class */
    size_t cache_bytes;     /* bytes of slabs held */
    void *slabs;            /* slab list (first word of each links the next) */
    char *bump;             /* free space left in the newest slab */
    size_t bump_left;
} VmHeap;

struct VmGc {
    VmRun *run;
    VmObj **stack;
    size_t len, cap;
    bool overflow;
};

/* Raw accounted blocks (not objects): NULL + run limit/exception on failure. */
void *vm_heap_alloc(VmRun *run, size_t size);
void *vm_heap_realloc(VmRun *run, void *ptr, size_t new_size);
void vm_heap_free(VmRun *run, void *ptr);
/* A new object of `type` with `size` bytes (header included), zeroed, on the heap
 * list. NULL (exception set) on limit or OOM. */
VmObj *vm_obj_new(VmRun *run, const VmType *type, size_t size);
/* Refuses (MemoryError, sticky limit) if `size` more bytes would exceed max_memory. */
VmStatus vm_heap_check(VmRun *run, size_t size);
/* Returns the blocks of heap.cache to the allocator (teardown). */
void vm_heap_release_cache(VmRun *run);

void vm_gc_mark(VmGc *gc, VmValue v);
void vm_gc_mark_obj(VmGc *gc, VmObj *o);
void vm_gc_collect(VmRun *run);
/* Frees every object of the run (teardown). */
void vm_gc_free_all(VmRun *run);

/* ---- the run ------------------------------------------------------------ */

typedef enum VmRunState {
    VM_RUN_NEW,
    VM_RUN_RUNNING,
    VM_RUN_PAUSED,
    VM_RUN_DONE,
    VM_RUN_FAILED,
} VmRunState;

struct VmRun {
    const CmpProgram *program;
    VmHeap heap;
    VmLimits limits;
    VmPrintFn print;
    void *print_ud;
    VmRunState state;
    VmEventKind last_event;

    VmCodeData *codes;          /* malloc'd via heap, program->ncodes */
    VmDict *globals;
    VmFrame *frame;             /* innermost frame, NULL when not running */
    uint32_t depth;             /* Python call depth */
    VmValue exc;                /* exception being raised (EMPTY: none) */
    VmValue handled;            /* exception being handled (sys.exception()) */
    VmValue tmp_roots[4];       /* values the run keeps alive across safe points */
    VmValue nested_value;       /* result of a nested run (vm_call_python, generators) */
    VmFrame *frame_free[32];    /* released frames by slot count (frame.c) */
    uint32_t nested;            /* > 0 while native code runs Python code (no GC then) */
    uint32_t native_depth;      /* nesting of repr/str/hash/compare (vm_native_enter) */
    uintptr_t stack_base;       /* C stack address where the host entered the run (0:
                                   outside a run step); both derived, never saved */
    uint32_t globals_gen;       /* bumped whenever a key is added to or removed from a
                                   globals dict: validates the builtin entries of
                                   VmGlobalCache (derived; a loaded run may start at 0) */

    /* events */
    VmValue result;
    uint64_t next_call_id;
    uint64_t call_id;
    uint32_t call_ext;          /* external index of the pending call */
    VmTuple *call_args;
    VmDict *call_kwargs;

    /* error event */
    char *err_type;
    char *err_message;
    char *err_traceback;
    VmTraceFrame *err_frames;
    size_t err_nframes;
    bool err_is_limit;

    /* the prelude (prelude.c): builtins in Python, loaded on first use */
    CmpProgram *prelude;
    VmCodeData *prelude_codes;
    VmDict *prelude_globals;
    const char *defer_name;

    /* time budget (limits.c) */
    uint64_t start_ns;
    uint64_t used_ns;           /* time consumed by earlier start/resume slices */
    uint32_t ticks;
};

/* memcpy/memmove that accept NULL pointers when n == 0 (empty containers have no
 * item block; passing NULL to the C functions is undefined even for 0 bytes). */
/*
 * Native recursion: repr, str, hash and comparison of nested containers recurse on the
 * C stack, so a deep structure (`for _ in range(10**6): x = [x]`) must raise
 * RecursionError instead of overflowing the host's stack. The depth bound is CPython's
 * C recursion limit; the byte bound (C stack used below where the host entered the run)
 * holds whatever the frame sizes of the build (sanitizers make them several times larger).
 */
#define VM_NATIVE_DEPTH_MAX 10000u
#define VM_NATIVE_STACK_MAX ((uintptr_t)4 << 20)

/* Enters one level of native recursion; RecursionError "maximum recursion depth
 * exceeded <what>" when a bound is reached. Pair every VM_OK with vm_native_leave. */
VmStatus vm_native_enter(VmRun *run, const char *what);

static inline void
vm_native_leave(VmRun *run)
{
    run->native_depth--;
}

static inline void
vm_memcpy(void *dst, const void *src, size_t n)
{
    if (n > 0) {
        memcpy(dst, src, n);
    }
}

static inline void
vm_memmove(void *dst, const void *src, size_t n)
{
    if (n > 0) {
        memmove(dst, src, n);
    }
}

/* ---- code lookup ----------------------------------------------------------- */

/* Code indices with this bit set refer to the prelude program (run->prelude),
 * which is loaded before any of its functions or frames exist. */
#define VM_PRELUDE_BIT 0x80000000u

static inline const CmpCode *
vm_code(const VmRun *run, uint32_t ci)
{
    return (ci & VM_PRELUDE_BIT) ? &run->prelude->codes[ci & ~VM_PRELUDE_BIT]
                                 : &run->program->codes[ci];
}

static inline VmCodeData *
vm_code_data(VmRun *run, uint32_t ci)
{
    return (ci & VM_PRELUDE_BIT) ? &run->prelude_codes[ci & ~VM_PRELUDE_BIT]
                                 : &run->codes[ci];
}

/* prelude.c */
VmStatus vm_prepare_codes(VmRun *run, const CmpProgram *p, uint32_t bit, VmCodeData **out);
void vm_free_codes(VmRun *run, const CmpProgram *p, VmCodeData *codes);
VmStatus vm_prelude_function(VmRun *run, const char *name, VmValue *out);
VmStatus vm_defer(VmRun *run, const char *name);
/* Whether v is Python code to call (function, bound method of one, external). */
bool vm_is_pycallable(VmValue v);
/* Whether iterating v runs Python code (a generator). */
bool vm_is_pyiter(VmValue v);

/* ---- helpers used across vm/ -------------------------------------------- */

const VmType *vm_type_of(VmValue v);
bool vm_type_is_subtype(const VmType *t, const VmType *base);
bool vm_isinstance(VmValue v, const VmType *t);
static inline bool
vm_is(VmValue v, const VmType *t)
{
    return v.tag == VM_TAG_OBJ && v.u.o->type == t;
}
static inline VmValue
vm_obj_val(const void *o)
{
    return vm_val_obj((VmObj *)o);
}
#define VM_AS(T, v) ((T *)(v).u.o)

/* exc.c: raising. All return VM_ERR so callers can `return vm_raise(...)`. */
VmStatus vm_raise(VmRun *run, const VmType *type, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
VmStatus vm_raise_value(VmRun *run, VmValue exc);
VmStatus vm_raise_with_arg(VmRun *run, const VmType *type, VmValue arg);
VmStatus vm_raise_limit(VmRun *run, VmLimitKind kind);
VmValue vm_exc_new(VmRun *run, const VmType *type, VmTuple *args);
const VmType *vm_exc_type_by_name(const char *name);
VmStatus vm_exc_str(VmRun *run, VmValue exc, VmValue *out);
VmStatus vm_raise_unexpected_kw(VmRun *run, const char *fname, const VmStr *kw,
                                const char *const *cands, size_t n);   /* exc.c */
bool vm_exc_matches(VmValue exc, const VmType *type);
void vm_exc_add_traceback(VmRun *run, VmValue exc, uint32_t code_index, uint32_t lineno,
                          uint32_t pc);
/* Renders the full traceback text (chains included) into a malloc'd string. */
char *vm_exc_format(VmRun *run, VmValue exc);

/* str.c */
VmStr *vm_str_new(VmRun *run, const char *utf8, size_t len);
VmStr *vm_str_new_cstr(VmRun *run, const char *s);
VmStr *vm_str_alloc(VmRun *run, size_t len);   /* fill data, then vm_str_finish */
void vm_str_finish(VmStr *s);
/* vm_str_has_nul: true when s->data[s->len] is NUL (always, unless a later `+` grew s's
 * store in place); callers that need a C string copy the bytes otherwise. */
static inline bool
vm_str_has_nul(const VmStr *s)
{
    return s->data[s->len] == 0;
}
/* vm_str_char: the immortal one-character str of code point c < 256 (Latin-1). */
VmStr *vm_str_char(uint32_t c);
VmStr *vm_str_new_known(VmRun *run, const char *utf8, size_t len, size_t nchars, bool ascii);
VmStr *vm_str_piece(VmRun *run, const VmStr *src, const char *p, size_t n);
VmStr *vm_str_from_i64(VmRun *run, int64_t v);
VmStatus vm_str_join_items(VmRun *run, const VmStr *sep, const VmValue *items, size_t n,
                           VmValue *out);
VmValue vm_str_val(VmRun *run, const char *utf8, size_t len);
int64_t vm_str_hash(VmStr *s);
bool vm_str_eq(const VmStr *a, const VmStr *b);
/* vm_str_eq_cstr: a == the C string s. Inline: method lookup (ops.c find_method) calls it
 * for every entry of a type's method table, and a first-byte mismatch answers at once. */
static inline bool
vm_str_eq_cstr(const VmStr *a, const char *s)
{
    if (a->len == 0 || a->data[0] != s[0]) {
        return a->len == 0 && s[0] == 0;
    }
    size_t n = strlen(s);
    return a->len == n && memcmp(a->data, s, n) == 0;
}
VmStatus vm_str_concat(VmRun *run, VmStr *a, VmStr *b, VmValue *out);
VmStatus vm_str_getattr_method(VmRun *run, VmValue self, VmStr *name, VmValue *out);
/* Growable UTF-8 buffer whose memory is accounted. */
typedef struct VmStrBuf {
    VmRun *run;
    char *data;
    size_t len, cap;
    bool failed;
} VmStrBuf;
void vm_sb_init(VmStrBuf *b, VmRun *run);
bool vm_sb_add(VmStrBuf *b, const char *s, size_t n);
bool vm_sb_adds(VmStrBuf *b, const char *s);
bool vm_sb_printf(VmStrBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
VmStatus vm_sb_add_repr(VmStrBuf *b, VmValue v);
VmStatus vm_sb_add_str(VmStrBuf *b, VmValue v);
VmStatus vm_sb_to_str(VmStrBuf *b, VmValue *out);  /* frees the buffer */
void vm_sb_fini(VmStrBuf *b);
VmStatus vm_str_repr_buf(VmStrBuf *b, const VmStr *s);

/* object protocol (ops.c) */
VmStatus vm_repr(VmRun *run, VmValue v, VmValue *out);
VmStatus vm_str(VmRun *run, VmValue v, VmValue *out);
VmStatus vm_hash(VmRun *run, VmValue v, int64_t *out);
VmStatus vm_truth(VmRun *run, VmValue v, bool *out);
VmStatus vm_eq(VmRun *run, VmValue a, VmValue b, bool *out);
VmStatus vm_compare(VmRun *run, VmValue a, VmValue b, VmCmp op, VmValue *out);
VmStatus vm_compare_bool(VmRun *run, VmValue a, VmValue b, VmCmp op, bool *out);
VmStatus vm_binop(VmRun *run, int op, VmValue a, VmValue b, VmValue *out);
VmStatus vm_unaryop(VmRun *run, int op, VmValue a, VmValue *out);
VmStatus vm_len(VmRun *run, VmValue v, int64_t *out);
VmStatus vm_iter(VmRun *run, VmValue v, VmValue *out);
VmStatus vm_next(VmRun *run, VmValue it, VmValue *out);
VmStatus vm_getitem(VmRun *run, VmValue obj, VmValue key, VmValue *out);
VmStatus vm_setitem(VmRun *run, VmValue obj, VmValue key, VmValue value);
VmStatus vm_contains(VmRun *run, VmValue container, VmValue item, bool *out);
VmStatus vm_getattr(VmRun *run, VmValue obj, VmStr *name, VmValue *out);
const VmBuiltin *vm_type_classmethod(const VmType *t, VmStr *name);
/* method form: *self is set to obj if *meth is an unbound method, else EMPTY */
VmStatus vm_getmethod(VmRun *run, VmValue obj, VmStr *name, VmValue *meth, VmValue *self);
VmStatus vm_setattr(VmRun *run, VmValue obj, VmStr *name, VmValue value);
VmStatus vm_index(VmRun *run, VmValue v, int64_t *out);   /* __index__ */
VmStatus vm_union_new(VmRun *run, VmValue a, VmValue b, VmValue *out);
const char *vm_type_name(VmValue v);
/* Collects an iterable into a new list. */
VmStatus vm_list_from_iter(VmRun *run, VmValue iterable, VmValue *out);

/* int.c (small and big ints) */
VmValue vm_int_from_mp(VmRun *run, mp_int *n);     /* consumes n (clears it) */
VmStatus vm_int_to_mp(VmRun *run, VmValue v, mp_int *out);   /* inits out */
bool vm_is_int(VmValue v);              /* int, bool or bigint */
VmValue vm_int_from_str(VmRun *run, const char *digits, int base);
VmStatus vm_int_binop(VmRun *run, int op, VmValue a, VmValue b, VmValue *out);
VmStatus vm_int_repr(VmRun *run, VmValue v, VmValue *out);
int vm_int_cmp(VmValue a, VmValue b);   /* both int-like */
int64_t vm_int_hash(VmValue v);
VmStatus vm_int_to_double(VmRun *run, VmValue v, double *out);
VmStatus vm_int_from_double(VmRun *run, double d, VmValue *out);
int vm_int_sign(VmValue v);

/* float.c */
void vm_float_repr_cstr(double d, char *buf, size_t n);
VmStatus vm_float_binop(VmRun *run, int op, double a, double b, VmValue *out);
int64_t vm_float_hash(double d);

/* containers */
VmTuple *vm_tuple_new(VmRun *run, size_t len);
VmList *vm_list_new(VmRun *run, size_t cap);
VmStatus vm_list_append(VmRun *run, VmList *l, VmValue v);
VmStatus vm_list_extend(VmRun *run, VmList *l, VmValue iterable);
VmDict *vm_dict_new(VmRun *run);
VmStatus vm_dict_get(VmRun *run, VmDict *d, VmValue key, VmValue *out);  /* EMPTY: absent */
VmStatus vm_dict_set(VmRun *run, VmDict *d, VmValue key, VmValue value);
VmStatus vm_dict_del(VmRun *run, VmDict *d, VmValue key, bool *found);
VmValue vm_dict_get_str(VmDict *d, VmStr *key);     /* fast path for names */
VmStatus vm_dict_set_str(VmRun *run, VmDict *d, VmStr *key, VmValue value);
VmStatus vm_dict_update(VmRun *run, VmDict *d, VmValue other);
VmSet *vm_set_new(VmRun *run, const VmType *type);
VmStatus vm_set_add(VmRun *run, VmSet *s, VmValue key);
VmStatus vm_set_contains(VmRun *run, VmSet *s, VmValue key, bool *out);
VmStatus vm_set_update(VmRun *run, VmSet *s, VmValue iterable);
VmValue vm_range_new(VmRun *run, int64_t start, int64_t stop, int64_t step);
VmValue vm_slice_new(VmRun *run, VmValue start, VmValue stop, VmValue step);
/* Normalises a slice against a length (CPython PySlice_GetIndicesEx). */
VmStatus vm_slice_indices(VmRun *run, VmSlice *s, int64_t len, int64_t *start, int64_t *stop,
                          int64_t *step, int64_t *slicelen);
VmStatus vm_seq_index(VmRun *run, VmValue key, int64_t len, int64_t *out, const char *what);
VmValue vm_iter_new(VmRun *run, VmValue seq, int kind);
const VmType *vm_reversed_type(VmValue v);   /* reversed(v)'s CPython type name */
VmStatus vm_clean_doc(VmRun *run, VmValue doc, VmValue *out);   /* obj_doc.c */
VmValue vm_bound_method_new(VmRun *run, VmValue func, VmValue self);

/* call.c: calls from native code that cannot reach Python frames. */
VmStatus vm_call_native(VmRun *run, VmValue callable, VmValue *args, size_t nargs,
                        VmTuple *kwnames, VmValue *out);
/* Argument parsing for natives: names[i] for each parameter; nreq required. */
VmStatus vm_parse_args(VmRun *run, const char *fname, VmValue *args, size_t nargs,
                       VmTuple *kwnames, const char *const *names, size_t nparams,
                       size_t nreq, size_t nposonly, VmValue *out);
VmStatus vm_no_kwargs(VmRun *run, const char *fname, VmTuple *kwnames);

/* builtins.c */
const VmBuiltin *vm_builtins_lookup(const char *name, size_t len);
VmValue vm_builtin_lookup_str(VmStr *name);
const char *vm_builtins_name(size_t i);
VmStatus vm_print_text(VmRun *run, const char *s, size_t n);

/* interp.c */
VmEventKind vm_interp_run(VmRun *run);
/* Internal event: an entry generator frame yielded (value in run->nested_value). */
#define VM_EVENT__YIELD ((VmEventKind)100)
/* Runs a Python function from native code to completion (a nested loop: no
 * external calls inside; documented gap of contract 2 until natives resume). */
VmStatus vm_call_python(VmRun *run, VmValue func, VmValue *args, size_t nargs,
                        VmTuple *kwnames, VmValue *out);
/* next(gen) from native code (nested loop as above); VM_STOP when exhausted. */
VmStatus vm_gen_next_native(VmRun *run, VmGenerator *gen, VmValue send, VmValue *out);

/* obj_func.c: type hooks shared by generators and coroutines (both VmGenerator), and
 * the StopIteration a native send/throw raises when the generator returned. */
void vm_gen_trace(VmGc *gc, VmObj *o);
void vm_gen_fini(VmRun *run, VmObj *o);
VmStatus vm_gen_getattr(VmRun *run, VmValue self, VmStr *name, VmValue *out);
VmStatus vm_gen_raise_return(VmRun *run);
/* hash(x) by identity (functions, generators, coroutines, externals). */
VmStatus vm_identity_hash(VmRun *run, VmValue self, int64_t *out);

/* obj_coro.c (ASYNC): generator/coroutine objects and awaiting. */
VmStatus vm_gen_new(VmRun *run, VmFunction *fn, VmValue *args, size_t nargs, VmTuple *kwnames,
                    VmValue *out);
bool vm_external_is_async(const VmRun *run, const VmExternal *x);
VmStatus vm_coro_host_call(VmRun *run, const VmExternal *x, VmValue *args, size_t nargs,
                           VmTuple *kwnames, VmValue *out);
VmStatus vm_coro_check_resume(VmRun *run, const VmGenerator *g, VmValue send);
VmStatus vm_coro_get_awaitable(VmRun *run, VmValue v);
/* gen.throw(exc) from native code: VM_OK (yielded), VM_STOP (returned), VM_ERR. */
VmStatus vm_gen_throw_native(VmRun *run, VmGenerator *gen, VmValue exc, VmValue *out);
uint64_t vm_clock_ns(void);
VmStatus vm_check_time(VmRun *run);

/* Immortal singletons. */
extern const VmTuple vm_empty_tuple;
extern const VmObj vm_ellipsis_obj;
extern const VmObj vm_notimpl_obj;

#endif /* MONTY_VM_VM_INT_H */
