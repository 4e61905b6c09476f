/*
 * interp.c — the bytecode loop.
 *
 * Python calls push a heap frame and stay in this loop (contract 2): no C
 * recursion, an exact recursion limit, and a run that can stop at any external
 * call with all its state as data. pc, sp and the frame live in locals; SAVE()
 * writes them back before anything that can raise, allocate a frame or suspend.
 * Every instruction boundary is a safe point for the collector.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Computed-goto dispatch (GNU C labels as values) where the compiler has it; a plain
 * switch otherwise. Build with -DMONTY_COMPUTED_GOTO=0 to test the fallback. */
#ifndef MONTY_COMPUTED_GOTO
#if defined(__GNUC__) || defined(__clang__)
#define MONTY_COMPUTED_GOTO 1
#else
#define MONTY_COMPUTED_GOTO 0
#endif
#endif

#include "vm/modules.h"
#include "vm/vm_int.h"

VmStatus vm_frame_bind(VmRun *run, VmFrame *f, VmFunction *func, VmValue *args, size_t nargs,
                       VmTuple *kwnames);
VmStatus vm_format(VmRun *run, VmValue v, VmValue spec, VmValue *out);
VmStatus vm_ascii(VmRun *run, VmValue v, VmValue *out);

/* vm_clock_ns: monotonic clock (the only system call besides allocation). */
uint64_t
vm_clock_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* vm_check_time: raises the time limit when the run's budget is spent. */
VmStatus
vm_check_time(VmRun *run)
{
    if (run->limits.max_duration_ns == 0) {
        return VM_OK;
    }
    uint64_t used = run->used_ns + (vm_clock_ns() - run->start_ns);
    if (used > run->limits.max_duration_ns) {
        return vm_raise_limit(run, VM_LIMIT_TIME);
    }
    return VM_OK;
}

static uint32_t
line_of(VmRun *run, VmFrame *f, uint32_t pc)
{
    const CmpCode *code = vm_code(run, f->code_index);
    if (code->locs == NULL || code->ncode == 0) {
        return code->firstlineno;
    }
    if (pc >= code->ncode) {
        pc = code->ncode - 1;
    }
    return code->locs[pc].lineno;
}

static bool
is_inlined_comprehension(const CmpCode *code)
{
    const char *n = code->name;
    return n != NULL && (strcmp(n, "<listcomp>") == 0 || strcmp(n, "<setcomp>") == 0
                         || strcmp(n, "<dictcomp>") == 0);
}

static const CmpExcEntry *
find_handler(const CmpCode *code, uint32_t insn)
{
    for (uint32_t i = 0; i < code->nexc; i++) {
        const CmpExcEntry *e = &code->exctable[i];
        if (insn >= e->start && insn < e->end) {
            return e;
        }
    }
    return NULL;
}

/* Packs a call into (args tuple, kwargs dict) for an external call event. */
static VmStatus
pack_call(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames)
{
    size_t nkw = kwnames ? kwnames->len : 0;
    VmTuple *t = vm_tuple_new(run, nargs - nkw);
    VmDict *d = t ? vm_dict_new(run) : NULL;
    if (d == NULL) {
        return VM_ERR;
    }
    for (size_t i = 0; i < nargs - nkw; i++) {
        t->items[i] = args[i];
    }
    for (size_t i = 0; i < nkw; i++) {
        if (vm_dict_set(run, d, kwnames->items[i], args[nargs - nkw + i]) != VM_OK) {
            return VM_ERR;
        }
    }
    run->call_args = t;
    run->call_kwargs = d;
    return VM_OK;
}

/* Turns f(*args, **kwargs) operands into a flat vector in a new tuple:
 * items then kw values; *kwnames gets the names. */
static VmStatus
flatten_ex(VmRun *run, VmValue args, VmValue kwargs, VmTuple **flat, VmTuple **kwnames)
{
    VmValue seq = args;
    if (!vm_is(args, &vm_type_tuple)) {
        if (vm_list_from_iter(run, args, &seq) != VM_OK) {
            return VM_ERR;
        }
    }
    size_t npos = vm_is(seq, &vm_type_tuple) ? VM_AS(VmTuple, seq)->len : VM_AS(VmList, seq)->len;
    VmValue *items = vm_is(seq, &vm_type_tuple) ? VM_AS(VmTuple, seq)->items
                                                 : VM_AS(VmList, seq)->items;
    size_t nkw = 0;
    VmDict *d = NULL;
    if (!vm_val_is_empty(kwargs)) {
        /* the compiler always builds a fresh dict here; loaded bytecode may not */
        if (!vm_is(kwargs, &vm_type_dict)) {
            return vm_raise(run, &vm_exc_TypeError, "argument after ** must be a dict");
        }
        d = VM_AS(VmDict, kwargs);
        nkw = d->used;
    }
    VmTuple *t = vm_tuple_new(run, npos + nkw);
    VmTuple *names = nkw ? vm_tuple_new(run, nkw) : NULL;
    if (t == NULL || (nkw && names == NULL)) {
        return VM_ERR;
    }
    vm_memcpy(t->items, items, npos * sizeof(VmValue));
    size_t k = 0;
    for (size_t i = 0; d && i < d->nentries; i++) {
        if (vm_val_is_empty(d->entries[i].key)) {
            continue;
        }
        if (!vm_is(d->entries[i].key, &vm_type_str)) {
            return vm_raise(run, &vm_exc_TypeError, "keywords must be strings");
        }
        names->items[k] = d->entries[i].key;
        t->items[npos + k] = d->entries[i].value;
        k++;
    }
    *flat = t;
    *kwnames = names;
    return VM_OK;
}

static VmStatus
unpack(VmRun *run, VmValue seq, uint32_t before, uint32_t after, bool star, VmValue *dst)
{
    /* dst receives items in reverse order (first item on top of the stack) */
    VmValue lst;
    VmValue *items;
    size_t n;
    if (vm_is(seq, &vm_type_tuple)) {
        items = VM_AS(VmTuple, seq)->items;
        n = VM_AS(VmTuple, seq)->len;
    } else if (vm_is(seq, &vm_type_list)) {
        items = VM_AS(VmList, seq)->items;
        n = VM_AS(VmList, seq)->len;
    } else {
        const VmType *t = vm_type_of(seq);
        if (t->iter == NULL) {
            return vm_raise(run, &vm_exc_TypeError, "cannot unpack non-iterable %s object",
                            t->name);
        }
        if (vm_list_from_iter(run, seq, &lst) != VM_OK) {
            return VM_ERR;
        }
        items = VM_AS(VmList, lst)->items;
        n = VM_AS(VmList, lst)->len;
    }
    if (!star) {
        if (n != before) {
            if (n < before) {
                return vm_raise(run, &vm_exc_ValueError,
                                "not enough values to unpack (expected %u, got %zu)", before, n);
            }
            return vm_raise(run, &vm_exc_ValueError, "too many values to unpack (expected %u)",
                            before);
        }
        for (size_t i = 0; i < n; i++) {
            dst[n - 1 - i] = items[i];
        }
        return VM_OK;
    }
    if (n < before + after) {
        return vm_raise(run, &vm_exc_ValueError,
                        "not enough values to unpack (expected at least %u, got %zu)",
                        before + after, n);
    }
    size_t total = before + 1 + after;
    size_t mid = n - before - after;
    VmList *m = vm_list_new(run, mid);
    if (m == NULL) {
        return VM_ERR;
    }
    vm_memcpy(m->items, items + before, mid * sizeof(VmValue));
    m->len = mid;
    size_t k = 0;
    VmValue tmp[total];
    for (size_t i = 0; i < before; i++) {
        tmp[k++] = items[i];
    }
    tmp[k++] = vm_obj_val(m);
    for (size_t i = 0; i < after; i++) {
        tmp[k++] = items[before + mid + i];
    }
    for (size_t i = 0; i < total; i++) {
        dst[total - 1 - i] = tmp[i];
    }
    return VM_OK;
}

static VmStatus
exc_from_raise_operand(VmRun *run, VmValue v, VmValue *out)
{
    if (vm_is(v, &vm_type_type) && (((const VmType *)v.u.o)->flags & VM_TYPE_EXC)) {
        *out = vm_exc_new(run, (const VmType *)v.u.o, NULL);
        return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
    }
    if (vm_val_is_obj(v) && (v.u.o->type->flags & VM_TYPE_EXC)) {
        *out = v;
        return VM_OK;
    }
    return vm_raise(run, &vm_exc_TypeError, "exceptions must derive from BaseException");
}

/* True for an exception instance: what run->exc and run->handled may hold. */
static bool
is_exc_value(VmValue v)
{
    return vm_val_is_obj(v) && (v.u.o->type->flags & VM_TYPE_EXC);
}

static VmStatus
check_exc_type(VmRun *run, VmValue t)
{
    if (vm_is(t, &vm_type_type) && (((const VmType *)t.u.o)->flags & VM_TYPE_EXC)) {
        return VM_OK;
    }
    if (vm_is(t, &vm_type_tuple)) {
        VmTuple *tt = VM_AS(VmTuple, t);
        for (size_t i = 0; i < tt->len; i++) {
            if (check_exc_type(run, tt->items[i]) != VM_OK) {
                return VM_ERR;
            }
        }
        return VM_OK;
    }
    return vm_raise(run, &vm_exc_TypeError,
                    "catching classes that do not inherit from BaseException is not allowed");
}

static bool
exc_match(VmValue exc, VmValue t)
{
    if (vm_is(t, &vm_type_tuple)) {
        VmTuple *tt = VM_AS(VmTuple, t);
        for (size_t i = 0; i < tt->len; i++) {
            if (exc_match(exc, tt->items[i])) {
                return true;
            }
        }
        return false;
    }
    return vm_isinstance(exc, (const VmType *)t.u.o);
}

static const VmCmp cmp_map[6] = {
    VM_CMP_EQ, VM_CMP_NE, VM_CMP_LT, VM_CMP_LE, VM_CMP_GT, VM_CMP_GE,
};

/* exact_double: an int64 that converts to double without rounding (|x| <= 2**53). */
static inline bool
exact_double(int64_t x)
{
    return x >= -(INT64_C(1) << 53) && x <= (INT64_C(1) << 53);
}

/* float_operands: both are floats, or one is a float and the other a small int that
 * converts exactly, so the float fast paths give CPython's results. */
static inline bool
float_operands(VmValue a, VmValue b)
{
    if (a.tag == VM_TAG_FLOAT) {
        return b.tag == VM_TAG_FLOAT || (b.tag == VM_TAG_INT && exact_double(b.u.i));
    }
    return b.tag == VM_TAG_FLOAT && a.tag == VM_TAG_INT && exact_double(a.u.i);
}

/* as_double: the value of a float or small int operand checked by float_operands. */
static inline double
as_double(VmValue v)
{
    return v.tag == VM_TAG_FLOAT ? v.u.f : (double)v.u.i;
}

/* globals_find: the entry index of str key `name` in d, or -1 (vm_dict_get_str's probe). */
static int64_t
globals_find(VmDict *d, VmStr *name)
{
    if (d->index == NULL) {
        return -1;
    }
    int64_t hash = name->hash != -1 ? name->hash : vm_str_hash(name);
    uint64_t perturb = (uint64_t)hash;
    size_t i = (size_t)hash & d->mask;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == -1) {
            return -1;
        }
        if (ix >= 0) {
            VmDictEntry *en = &d->entries[ix];
            if (vm_is(en->key, &vm_type_str)
                && (en->key.u.o == &name->hdr
                    || (en->hash == hash && vm_str_eq(VM_AS(VmStr, en->key), name)))) {
                return ix;
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & d->mask;
    }
}

/* load_global_slow: LOAD_GLOBAL's lookup (globals, then builtins) refilling the cache
 * entry; EMPTY if the name is not defined. */
static VmValue
load_global_slow(VmRun *run, VmDict *d, VmStr *name, VmGlobalCache *e)
{
    int64_t ix = globals_find(d, name);
    if (ix >= 0) {
        e->dict = d;
        e->key = d->entries[ix].key.u.o;
        e->index = (uint32_t)ix;
        return d->entries[ix].value;
    }
    VmValue b = vm_builtin_lookup_str(name);
    if (!vm_val_is_empty(b)) {
        e->dict = d;
        e->key = NULL;
        e->gen = run->globals_gen;
        e->builtin = b;
    }
    return b;
}

/* store_global_slow: STORE_GLOBAL of a name not in the cache; a new key invalidates
 * every cached builtin (run->globals_gen). */
static VmStatus
store_global_slow(VmRun *run, VmDict *d, VmStr *name, VmGlobalCache *e, VmValue v)
{
    size_t used = d->used;
    if (vm_dict_set_str(run, d, name, v) != VM_OK) {
        return VM_ERR;
    }
    if (d->used != used) {
        run->globals_gen++;
    }
    int64_t ix = globals_find(d, name);
    if (ix >= 0) {
        e->dict = d;
        e->key = d->entries[ix].key.u.o;
        e->index = (uint32_t)ix;
    }
    return VM_OK;
}

/* frame_alloc: a frame of n slots from the run's free list (frame.c) or the heap, its
 * header zeroed (the caller sets func, code_index, globals and the locals). */
static inline VmFrame *
frame_alloc(VmRun *run, uint32_t n)
{
    VmFrame *f;
    size_t size = sizeof(VmFrame) + n * sizeof(VmValue);
    if (n < sizeof run->frame_free / sizeof run->frame_free[0] && run->frame_free[n] != NULL) {
        f = run->frame_free[n];
        run->frame_free[n] = f->back;
    } else {
        f = vm_heap_alloc(run, size);
        if (f == NULL) {
            return NULL;
        }
    }
    memset(f, 0, sizeof(VmFrame));
    f->hdr.type = &vm_type_frame;
    f->hdr.size = (uint32_t)size;
    f->nslots = n;
    return f;
}

static VmStatus
unsupported(VmRun *run, const char *what)
{
    return vm_raise(run, &vm_exc_NotImplementedError, "monty does not support %s yet", what);
}

/*
 * vm_interp_run: runs run->frame until the run completes, fails or suspends at an
 * external call. If run->exc is set on entry, it is raised at the current pc - 1
 * (resume with an exception).
 */
#if defined(__GNUC__) && !defined(__clang__)
/* GCC: keep one dispatch jump per opcode body (cross-jumping would merge them into one
 * shared indirect jump: the switch's branch-prediction problem again), and let the
 * register allocator see the loop as one region without PRE's long-lived temporaries:
 * ip and sp then stay in registers instead of being reloaded from the stack frame in
 * every instruction body (measured: float_math -11%, recursive_calls and generators -15%). */
__attribute__((optimize("no-crossjumping", "no-gcse", "no-tree-pre", "ira-region=one")))
#endif
VmEventKind
vm_interp_run(VmRun *run)
{
    VmFrame *f = run->frame;
    const CmpCode *code;
    const uint32_t *insns;
    VmValue *consts;
    VmStr **names;
    VmGlobalCache *gcache;
    VmValue *locals;
    VmValue *base;
    VmValue *sp;
    const uint32_t *ip;     /* next instruction */
    uint32_t arg;
#define INSN (ip[-1])   /* the instruction being run */
    bool reraise = false;
    int gen_mode = VM_GEN_MODE_NONE;
    VmValue gen_send_value = vm_val_none();
    VmStatus st;
    VmValue a, b, c, r;

#define LOAD_FRAME() \
    do { \
        code = vm_code(run, f->code_index); \
        insns = code->code; \
        consts = vm_code_data(run, f->code_index)->consts; \
        names = vm_code_data(run, f->code_index)->names; \
        gcache = vm_code_data(run, f->code_index)->gcache; \
        locals = f->slots; \
        base = f->slots + code->nlocals + code->ncellvars + code->nfreevars; \
        sp = base + f->sp; \
        ip = insns + f->pc; \
    } while (0)
#define SAVE() \
    do { \
        f->pc = (uint32_t)(ip - insns); \
        f->sp = (uint32_t)(sp - base); \
    } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-(ptrdiff_t)(n)])
#define CHECK(expr) \
    do { \
        SAVE(); \
        if ((expr) != VM_OK) { \
            goto error; \
        } \
    } while (0)
/* Loaded bytecode is untrusted (HOST: snapshots and .mbc files): an operand
 * of the wrong kind raises instead of being cast. */
#define EXPECT_OPERAND(v, type) \
    do { \
        if (!vm_is((v), (type))) { \
            CHECK(vm_raise(run, &vm_exc_RuntimeError, "bad operand for %s", \
                           cmp_opcode_name(CMP_OP(INSN)))); \
        } \
    } while (0)

    LOAD_FRAME();
    if (!vm_val_is_empty(run->exc) || run->heap.limit != VM_LIMIT_NONE) {
        goto error;
    }

#if MONTY_COMPUTED_GOTO
    /* One indirect jump per opcode body instead of the switch's shared one: each
     * body's jump gets its own branch-predictor history (Lua ljumptab.h, CPython). */
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Winitializer-overrides"
#else
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
#endif
    static const void *const dispatch_table[256] = {
        [0 ... 255] = &&L_default,
#define X(num, name, kind, pops, pushes) [num] = &&L_##name,
#include "compiler/opcodes.def"
#undef X
    };
#if defined(__clang__)
#pragma clang diagnostic pop
#else
#pragma GCC diagnostic pop
#endif
#define TARGET(name) case OP_##name: L_##name:
#define TARGET_DEFAULT default: L_default:
#define DISPATCH() \
    do { \
        if (run->heap.live_bytes > run->heap.next_gc) { \
            SAVE(); \
            vm_gc_collect(run); \
        } \
        arg = CMP_ARG(*ip); \
        goto *dispatch_table[CMP_OP(*ip++)]; \
    } while (0)
/* For instruction bodies that allocate nothing: no collector check (the check
 * that follows every allocating instruction keeps the heap bounded). */
#define FAST_DISPATCH() \
    do { \
        arg = CMP_ARG(*ip); \
        goto *dispatch_table[CMP_OP(*ip++)]; \
    } while (0)
#else
#define TARGET(name) case OP_##name:
#define TARGET_DEFAULT default:
#define DISPATCH() continue
#define FAST_DISPATCH() continue
#endif

    for (;;) {
        if (run->heap.live_bytes > run->heap.next_gc) {
            SAVE();
            vm_gc_collect(run);
        }
        arg = CMP_ARG(*ip);
        ip++;
#if MONTY_COMPUTED_GOTO
        goto *dispatch_table[CMP_OP(INSN)];
#endif
        switch (CMP_OP(INSN)) {
        TARGET(NOP)
        TARGET(EXTENDED_ARG)
        TARGET(SETUP_ANNOTATIONS)
            DISPATCH();
        TARGET(POP_TOP)
            sp--;
            FAST_DISPATCH();
        TARGET(PUSH_NULL)
            PUSH(vm_val_empty());
            FAST_DISPATCH();
        TARGET(COPY)
            a = PEEK(arg);
            PUSH(a);
            FAST_DISPATCH();
        TARGET(SWAP) {
            VmValue *other = sp - arg;
            a = sp[-1];
            sp[-1] = *other;
            *other = a;
            FAST_DISPATCH();
        }
        TARGET(LOAD_CONST) {
            VmValue v = consts[arg];
            if (vm_val_is_empty(v)) {
                CHECK(unsupported(run, "complex numbers"));
            }
            PUSH(v);
            FAST_DISPATCH();
        }
        TARGET(RETURN_CONST)
            r = consts[arg];
            goto do_return;
        TARGET(RETURN_VALUE)
            r = POP();
        do_return:
            if (f->gen != NULL) {
                f->gen->state = VM_GEN_DONE;
            }
            if (f->is_entry) {
                run->frame = f->back;
                run->depth--;
                SAVE();
                if (f->is_module) {
                    run->result = r;
                } else {
                    run->nested_value = r;
                }
                f->back = NULL;
                vm_frame_release(run, f);
                return VM_EVENT_COMPLETE;
            }
            {
                VmFrame *caller = f->back;
                int mode = f->gen != NULL ? f->gen_mode : VM_GEN_MODE_NONE;
                uint32_t target = f->gen_target;
                if (f->gen != NULL) {
                    f->back = NULL;
                }
                vm_frame_release(run, f);
                f = caller;
                run->frame = f;
                run->depth--;
                LOAD_FRAME();
                if (mode == VM_GEN_MODE_FOR_ITER) {
                    sp--;
                    ip = insns + target;
                } else if (mode == VM_GEN_MODE_NEXT) {
                    SAVE();
                    if (vm_val_is_none(r)) {
                        vm_raise(run, &vm_exc_StopIteration, "%s", "");
                    } else {
                        vm_raise_with_arg(run, &vm_exc_StopIteration, r);
                    }
                    goto error;
                } else if (mode == VM_GEN_MODE_SEND) {
                    TOP() = r;
                    ip = insns + target;
                } else {
                    PUSH(r);
                }
            }
            FAST_DISPATCH();

        TARGET(LOAD_FAST) {
            VmValue v = locals[arg];
            if (vm_val_is_empty(v)) {
                CHECK(vm_raise(run, &vm_exc_UnboundLocalError,
                               "cannot access local variable '%s' where it is not associated "
                               "with a value", code->localnames[arg]));
            }
            PUSH(v);
            FAST_DISPATCH();
        }
        TARGET(STORE_FAST)
            locals[arg] = POP();
            FAST_DISPATCH();
        TARGET(DELETE_FAST)
            if (vm_val_is_empty(locals[arg])) {
                CHECK(vm_raise(run, &vm_exc_UnboundLocalError,
                               "cannot access local variable '%s' where it is not associated "
                               "with a value", code->localnames[arg]));
            }
            locals[arg] = vm_val_empty();
            FAST_DISPATCH();
        TARGET(LOAD_DEREF) {
            VmCell *cell = VM_AS(VmCell, locals[code->nlocals + arg]);
            if (vm_val_is_empty(cell->value)) {
                if (arg < code->ncellvars) {
                    CHECK(vm_raise(run, &vm_exc_UnboundLocalError,
                                   "cannot access local variable '%s' where it is not "
                                   "associated with a value", code->cellnames[arg]));
                }
                CHECK(vm_raise(run, &vm_exc_NameError,
                               "cannot access free variable '%s' where it is not associated "
                               "with a value in enclosing scope",
                               code->freenames[arg - code->ncellvars]));
            }
            PUSH(cell->value);
            FAST_DISPATCH();
        }
        TARGET(STORE_DEREF)
            VM_AS(VmCell, locals[code->nlocals + arg])->value = POP();
            FAST_DISPATCH();
        TARGET(DELETE_DEREF)
            VM_AS(VmCell, locals[code->nlocals + arg])->value = vm_val_empty();
            FAST_DISPATCH();
        TARGET(LOAD_CLOSURE)
            PUSH(locals[code->nlocals + arg]);
            FAST_DISPATCH();
        TARGET(LOAD_GLOBAL) {
            /* the inline cache (VmGlobalCache): the entry found last time if its key
             * is still there, or the builtin if no global was added since */
            VmGlobalCache *e = &gcache[arg];
            VmDict *d = f->globals;
            if (e->dict == d) {
                if (e->key != NULL) {
                    if (e->index < d->nentries
                        && d->entries[e->index].key.tag == VM_TAG_OBJ
                        && d->entries[e->index].key.u.o == e->key) {
                        PUSH(d->entries[e->index].value);
                        FAST_DISPATCH();
                    }
                } else if (e->gen == run->globals_gen) {
                    PUSH(e->builtin);
                    FAST_DISPATCH();
                }
            }
            a = load_global_slow(run, d, names[arg], e);
            if (vm_val_is_empty(a)) {
                CHECK(vm_raise(run, &vm_exc_NameError, "name '%s' is not defined",
                               names[arg]->data));
            }
            PUSH(a);
            DISPATCH();
        }
        TARGET(STORE_GLOBAL) {
            VmGlobalCache *e = &gcache[arg];
            VmDict *d = f->globals;
            a = POP();
            if (e->dict == d && e->key != NULL && e->index < d->nentries
                && d->entries[e->index].key.tag == VM_TAG_OBJ
                && d->entries[e->index].key.u.o == e->key) {
                d->entries[e->index].value = a;
                FAST_DISPATCH();
            }
            CHECK(store_global_slow(run, d, names[arg], e, a));
            DISPATCH();
        }
        TARGET(DELETE_GLOBAL) {
            bool found;
            run->globals_gen++;
            CHECK(vm_dict_del(run, f->globals, vm_obj_val(names[arg]), &found));
            if (!found) {
                CHECK(vm_raise(run, &vm_exc_NameError, "name '%s' is not defined",
                               names[arg]->data));
            }
            DISPATCH();
        }
        TARGET(LOAD_ATTR) {
            VmStr *name = names[arg >> 1];
            a = POP();
            if (arg & 1) {
                /* method calls: a type's methods are static, so the method found for
                 * the receiver's type is cached per name slot (VmGlobalCache.mtype) */
                VmGlobalCache *e = &gcache[arg >> 1];
                const VmType *t = a.tag == VM_TAG_OBJ ? a.u.o->type : vm_type_of(a);
                if (e->mtype == t && t != NULL) {
                    PUSH(vm_obj_val(e->meth));
                    PUSH(a);
                    FAST_DISPATCH();
                }
                CHECK(vm_getmethod(run, a, name, &r, &b));
                if (!vm_val_is_empty(b) && vm_is(r, &vm_type_builtin)) {
                    /* found among the type's methods (vm_getmethod looks there first) */
                    e->mtype = t;
                    e->meth = VM_AS(VmBuiltin, r);
                }
                PUSH(r);
                PUSH(b);
            } else {
                CHECK(vm_getattr(run, a, name, &r));
                PUSH(r);
            }
            DISPATCH();
        }
        TARGET(STORE_ATTR)
            b = POP();
            a = POP();
            CHECK(vm_setattr(run, b, names[arg], a));
            DISPATCH();
        TARGET(DELETE_ATTR)
            a = POP();
            CHECK(vm_setattr(run, a, names[arg], vm_val_empty()));
            DISPATCH();

        TARGET(BINARY_OP) {
            /* block-local operands: the function-wide temporaries have their address
             * taken (they live in memory), these can stay in registers */
            VmValue rhs = sp[-1], lhs = sp[-2];
            if (lhs.tag == VM_TAG_INT && rhs.tag == VM_TAG_INT) {
                int64_t x = lhs.u.i, y = rhs.u.i, z;
                switch (arg & 0xFF) {
                case VM_OP_ADD:
                    if (!__builtin_add_overflow(x, y, &z)) {
                        goto binop_int;
                    }
                    break;
                case VM_OP_SUB:
                    if (!__builtin_sub_overflow(x, y, &z)) {
                        goto binop_int;
                    }
                    break;
                case VM_OP_MUL:
                    if (!__builtin_mul_overflow(x, y, &z)) {
                        goto binop_int;
                    }
                    break;
                case VM_OP_MOD:
                case VM_OP_FLOORDIV:
                    /* Python floors: a remainder takes the divisor's sign; y == -1 is
                     * left to the slow path (INT64_MIN // -1 overflows) */
                    if (y > 0 && (y & (y - 1)) == 0) {
                        /* a power of two (`i % 2`): mask and arithmetic shift floor as
                         * Python does, without a division */
                        z = (arg & 0xFF) == VM_OP_MOD ? x & (y - 1) : x >> __builtin_ctzll(
                                                                          (uint64_t)y);
                        goto binop_int;
                    }
                    if (y != 0 && y != -1) {
                        int64_t q = x / y, m = x % y;
                        if (m != 0 && ((m ^ y) < 0)) {
                            m += y;
                            q -= 1;
                        }
                        z = (arg & 0xFF) == VM_OP_MOD ? m : q;
                        goto binop_int;
                    }
                    break;
                case VM_OP_AND: z = x & y; goto binop_int;
                case VM_OP_OR: z = x | y; goto binop_int;
                case VM_OP_XOR: z = x ^ y; goto binop_int;
                case VM_OP_DIV:
                    if (y != 0 && exact_double(x) && exact_double(y)) {
                        /* CPython's true division of ints that fit a double's mantissa */
                        sp--;
                        sp[-1] = vm_val_float((double)x / (double)y);
                        FAST_DISPATCH();
                    }
                    break;
                default:
                    break;
                }
                goto binop_slow;
            binop_int:
                sp--;
                sp[-1] = vm_val_int(z);
                FAST_DISPATCH();
            }
            if (float_operands(lhs, rhs)) {
                double x = as_double(lhs), y = as_double(rhs), z;
                switch (arg & 0xFF) {
                case VM_OP_ADD: z = x + y; break;
                case VM_OP_SUB: z = x - y; break;
                case VM_OP_MUL: z = x * y; break;
                case VM_OP_DIV:
                    if (y == 0.0) {
                        goto binop_slow;
                    }
                    z = x / y;
                    break;
                default: goto binop_slow;
                }
                sp--;
                sp[-1] = vm_val_float(z);
                FAST_DISPATCH();
            }
        binop_slow:
            sp -= 2;
            CHECK(vm_binop(run, (int)arg, lhs, rhs, &r));
            PUSH(r);
            DISPATCH();
        }
        TARGET(UNARY_OP)
            a = POP();
            CHECK(vm_unaryop(run, (int)arg, a, &r));
            PUSH(r);
            DISPATCH();
        TARGET(COMPARE_OP) {
            VmValue rhs = sp[-1], lhs = sp[-2];
            bool t;
            if (lhs.tag == VM_TAG_INT && rhs.tag == VM_TAG_INT) {
                int64_t x = lhs.u.i, y = rhs.u.i;
                switch (arg) {
                case 0: t = x == y; break;
                case 1: t = x != y; break;
                case 2: t = x < y; break;
                case 3: t = x <= y; break;
                case 4: t = x > y; break;
                case 5: t = x >= y; break;
                default: goto compare_slow;
                }
            } else if (float_operands(lhs, rhs)) {
                /* IEEE comparisons are Python's for floats (NaN included); ints in
                 * float_operands convert exactly */
                double x = as_double(lhs), y = as_double(rhs);
                switch (arg) {
                case 0: t = x == y; break;
                case 1: t = x != y; break;
                case 2: t = x < y; break;
                case 3: t = x <= y; break;
                case 4: t = x > y; break;
                case 5: t = x >= y; break;
                default: goto compare_slow;
                }
            } else {
                goto compare_slow;
            }
            sp -= 2;
            /* `if a < b:` — take the conditional jump that follows in the same step
             * (a jump landing on it directly still runs it on its own) */
            if (CMP_OP(*ip) == OP_POP_JUMP_IF_FALSE) {
                ip = t ? ip + 1 : insns + CMP_ARG(*ip);
                FAST_DISPATCH();
            }
            PUSH(vm_val_bool(t));
            FAST_DISPATCH();
        compare_slow:
            sp -= 2;
            if (arg > 5) {
                CHECK(vm_raise(run, &vm_exc_RuntimeError, "bad comparison"));
            }
            CHECK(vm_compare(run, lhs, rhs, cmp_map[arg], &r));
            PUSH(r);
            DISPATCH();
        }
        TARGET(IS_OP)
            b = POP();
            a = POP();
            PUSH(vm_val_bool(vm_val_same(a, b) != (arg != 0)));
            FAST_DISPATCH();
        TARGET(CONTAINS_OP) {
            bool in;
            b = POP();
            a = POP();
            CHECK(vm_contains(run, b, a, &in));
            PUSH(vm_val_bool(in != (arg != 0)));
            DISPATCH();
        }
        TARGET(BINARY_SUBSCR)
            b = POP();
            a = POP();
            CHECK(vm_getitem(run, a, b, &r));
            PUSH(r);
            DISPATCH();
        TARGET(STORE_SUBSCR)
            c = POP();
            b = POP();
            a = POP();
            CHECK(vm_setitem(run, b, c, a));
            DISPATCH();
        TARGET(DELETE_SUBSCR)
            b = POP();
            a = POP();
            CHECK(vm_setitem(run, a, b, vm_val_empty()));
            DISPATCH();
        TARGET(BUILD_SLICE)
            c = arg == 3 ? POP() : vm_val_none();
            b = POP();
            a = POP();
            SAVE();
            r = vm_slice_new(run, a, b, c);
            if (vm_val_is_empty(r)) {
                goto error;
            }
            PUSH(r);
            DISPATCH();
        TARGET(TO_BOOL) {
            bool t;
            CHECK(vm_truth(run, TOP(), &t));
            TOP() = vm_val_bool(t);
            DISPATCH();
        }

        TARGET(BUILD_TUPLE) {
            if ((arg == 2 || arg == 3) && ip < insns + code->ncode
                && *ip == CMP_INSN(OP_UNPACK_SEQUENCE, arg)) {
                /* `a, b = x, y`: the tuple would only be unpacked again; reversing
                 * the items in place is the same stack with no allocation */
                VmValue t0 = sp[-1];
                sp[-1] = sp[-(ptrdiff_t)arg];
                sp[-(ptrdiff_t)arg] = t0;
                ip++;
                DISPATCH();
            }
            SAVE();
            VmTuple *t = vm_tuple_new(run, arg);
            if (t == NULL) {
                goto error;
            }
            sp -= arg;
            vm_memcpy(t->items, sp, arg * sizeof(VmValue));
            PUSH(vm_obj_val(t));
            DISPATCH();
        }
        TARGET(BUILD_LIST) {
            SAVE();
            VmList *l = vm_list_new(run, arg);
            if (l == NULL) {
                goto error;
            }
            sp -= arg;
            if (arg > 0) {
                vm_memcpy(l->items, sp, arg * sizeof(VmValue));
            }
            l->len = arg;
            PUSH(vm_obj_val(l));
            DISPATCH();
        }
        TARGET(BUILD_SET) {
            SAVE();
            VmSet *s = vm_set_new(run, &vm_type_set);
            if (s == NULL) {
                goto error;
            }
            for (uint32_t i = 0; i < arg; i++) {
                CHECK(vm_set_add(run, s, sp[(int)i - (int)arg]));
            }
            sp -= arg;
            PUSH(vm_obj_val(s));
            DISPATCH();
        }
        TARGET(BUILD_MAP) {
            SAVE();
            VmDict *d = vm_dict_new(run);
            if (d == NULL) {
                goto error;
            }
            for (uint32_t i = 0; i < arg; i++) {
                CHECK(vm_dict_set(run, d, sp[-2 * (int)arg + 2 * (int)i],
                                  sp[-2 * (int)arg + 2 * (int)i + 1]));
            }
            sp -= 2 * arg;
            PUSH(vm_obj_val(d));
            DISPATCH();
        }
        TARGET(BUILD_STRING) {
            for (uint32_t i = 0; i < arg; i++) {
                EXPECT_OPERAND(sp[(int)i - (int)arg], &vm_type_str);
            }
            /* one exact allocation, lengths and code points summed (obj_str.c) */
            sp -= arg;
            CHECK(vm_str_join_items(run, NULL, sp, arg, &r));
            PUSH(r);
            DISPATCH();
        }
        TARGET(LIST_APPEND)
            a = POP();
            EXPECT_OPERAND(PEEK(arg), &vm_type_list);
            CHECK(vm_list_append(run, VM_AS(VmList, PEEK(arg)), a));
            DISPATCH();
        TARGET(SET_ADD)
            a = POP();
            EXPECT_OPERAND(PEEK(arg), &vm_type_set);
            CHECK(vm_set_add(run, VM_AS(VmSet, PEEK(arg)), a));
            DISPATCH();
        TARGET(MAP_ADD)
            b = POP();
            a = POP();
            EXPECT_OPERAND(PEEK(arg), &vm_type_dict);
            CHECK(vm_dict_set(run, VM_AS(VmDict, PEEK(arg)), a, b));
            DISPATCH();
        TARGET(LIST_EXTEND)
            a = POP();
            EXPECT_OPERAND(PEEK(arg), &vm_type_list);
            CHECK(vm_list_extend(run, VM_AS(VmList, PEEK(arg)), a));
            DISPATCH();
        TARGET(SET_UPDATE)
            a = POP();
            EXPECT_OPERAND(PEEK(arg), &vm_type_set);
            CHECK(vm_set_update(run, VM_AS(VmSet, PEEK(arg)), a));
            DISPATCH();
        TARGET(DICT_UPDATE)
        TARGET(DICT_MERGE)
            a = POP();
            EXPECT_OPERAND(PEEK(arg), &vm_type_dict);
            if (!vm_isinstance(a, &vm_type_dict)) {    /* Counter, defaultdict... too */
                VmValue fnv = PEEK(arg + 3);
                if (CMP_OP(INSN) == OP_DICT_MERGE && vm_is(fnv, &vm_type_function)) {
                    CHECK(vm_raise(run, &vm_exc_TypeError, "__main__.%s() argument after ** "
                                   "must be a mapping, not %s",
                                   VM_AS(VmFunction, fnv)->qualname->data, vm_type_name(a)));
                }
                if (CMP_OP(INSN) == OP_DICT_MERGE && vm_is(fnv, &vm_type_builtin)) {
                    CHECK(vm_raise(run, &vm_exc_TypeError, "%s() argument after ** must be a "
                                   "mapping, not %s", VM_AS(VmBuiltin, fnv)->name,
                                   vm_type_name(a)));
                }
                CHECK(vm_raise(run, &vm_exc_TypeError, "'%s' object is not a mapping",
                               vm_type_name(a)));
            }
            if (CMP_OP(INSN) == OP_DICT_MERGE) {
                VmDict *dst = VM_AS(VmDict, PEEK(arg)), *src = VM_AS(VmDict, a);
                for (size_t i = 0; i < src->nentries; i++) {
                    VmValue k = src->entries[i].key, have;
                    if (vm_val_is_empty(k)) {
                        continue;
                    }
                    CHECK(vm_dict_get(run, dst, k, &have));
                    if (!vm_val_is_empty(have)) {
                        VmValue rk, fnv = PEEK(arg + 3);
                        CHECK(vm_str(run, k, &rk));
                        if (vm_is(fnv, &vm_type_function)) {
                            CHECK(vm_raise(run, &vm_exc_TypeError,
                                           "__main__.%s() got multiple values for keyword "
                                           "argument '%s'",
                                           VM_AS(VmFunction, fnv)->qualname->data,
                                           VM_AS(VmStr, rk)->data));
                        }
                        CHECK(vm_raise(run, &vm_exc_TypeError,
                                       "%s() got multiple values for keyword argument '%s'",
                                       vm_is(fnv, &vm_type_builtin)
                                       ? VM_AS(VmBuiltin, fnv)->name : "function",
                                       VM_AS(VmStr, rk)->data));
                    }
                }
            }
            CHECK(vm_dict_update(run, VM_AS(VmDict, PEEK(arg)), a));
            DISPATCH();
        TARGET(LIST_TO_TUPLE) {
            EXPECT_OPERAND(TOP(), &vm_type_list);
            VmList *l = VM_AS(VmList, TOP());
            SAVE();
            VmTuple *t = vm_tuple_new(run, l->len);
            if (t == NULL) {
                goto error;
            }
            vm_memcpy(t->items, l->items, l->len * sizeof(VmValue));
            TOP() = vm_obj_val(t);
            DISPATCH();
        }
        TARGET(UNPACK_SEQUENCE)
            a = POP();
            CHECK(unpack(run, a, arg, 0, false, sp));
            sp += arg;
            DISPATCH();
        TARGET(UNPACK_EX)
            a = POP();
            CHECK(unpack(run, a, arg & 0xFF, arg >> 8, true, sp));
            sp += (arg & 0xFF) + (arg >> 8) + 1;
            DISPATCH();
        TARGET(FORMAT_SIMPLE)
            a = TOP();
            if (!vm_is(a, &vm_type_str)) {
                CHECK(vm_format(run, a, vm_val_empty(), &r));
                TOP() = r;
            }
            DISPATCH();
        TARGET(FORMAT_WITH_SPEC)
            b = POP();
            a = POP();
            CHECK(vm_format(run, a, b, &r));
            PUSH(r);
            DISPATCH();
        TARGET(CONVERT_VALUE)
            a = POP();
            if (arg == 1) {
                CHECK(vm_str(run, a, &r));
            } else if (arg == 2) {
                CHECK(vm_repr(run, a, &r));
            } else {
                CHECK(vm_ascii(run, a, &r));
            }
            PUSH(r);
            DISPATCH();

        TARGET(JUMP)
            if (insns + arg < ip && ++run->ticks >= 256) {
                run->ticks = 0;
                CHECK(vm_check_time(run));
            }
            ip = insns + arg;
            FAST_DISPATCH();
        TARGET(POP_JUMP_IF_FALSE)
            /* the common cases (a comparison's bool, `if n % 3:`) without the shared
             * body's tests */
            if (TOP().tag == VM_TAG_BOOL || TOP().tag == VM_TAG_INT) {
                if (POP().u.i == 0) {
                    ip = insns + arg;
                }
                FAST_DISPATCH();
            }
            goto pop_jump_slow;
        TARGET(POP_JUMP_IF_TRUE)
        pop_jump_slow: {
            bool t;
            a = POP();
            if (a.tag == VM_TAG_BOOL || a.tag == VM_TAG_INT) {
                t = a.u.i != 0;
            } else {
                CHECK(vm_truth(run, a, &t));
            }
            if (t == (CMP_OP(INSN) == OP_POP_JUMP_IF_TRUE)) {
                ip = insns + arg;
            }
            FAST_DISPATCH();
        }
        TARGET(POP_JUMP_IF_NONE)
            a = POP();
            if (vm_val_is_none(a)) {
                ip = insns + arg;
            }
            FAST_DISPATCH();
        TARGET(POP_JUMP_IF_NOT_NONE)
            a = POP();
            if (!vm_val_is_none(a)) {
                ip = insns + arg;
            }
            FAST_DISPATCH();
        TARGET(JUMP_IF_FALSE_OR_POP)
        TARGET(JUMP_IF_TRUE_OR_POP) {
            bool t;
            CHECK(vm_truth(run, TOP(), &t));
            if (t == (CMP_OP(INSN) == OP_JUMP_IF_TRUE_OR_POP)) {
                ip = insns + arg;
            } else {
                sp--;
            }
            DISPATCH();
        }
        TARGET(GET_ITER)
            a = TOP();
            CHECK(vm_iter(run, a, &r));
            TOP() = r;
            DISPATCH();
        TARGET(FOR_ITER)
            a = TOP();
            if (vm_is(a, &vm_type_range_iter)) {
                VmIter *it = VM_AS(VmIter, a);
                VmRange *rg = VM_AS(VmRange, it->seq);
                if (it->index < rg->len) {
                    it->index++;
                    PUSH(vm_val_int(it->aux));
                    it->aux += rg->step;
                } else {
                    sp--;
                    ip = insns + arg;
                }
                FAST_DISPATCH();
            }
            if (vm_is(a, &vm_type_generator)) {
                gen_mode = VM_GEN_MODE_FOR_ITER;
                gen_send_value = vm_val_none();
                goto resume_generator;
            }
            SAVE();
            st = vm_next(run, a, &r);
            if (st == VM_OK) {
                PUSH(r);
            } else if (st == VM_STOP) {
                sp--;
                ip = insns + arg;
            } else {
                goto error;
            }
            DISPATCH();
        resume_generator: {
            /* a is the generator (TOS), arg the caller's jump target */
            VmGenerator *g = VM_AS(VmGenerator, a);
            if (vm_is(a, &vm_type_coroutine)) {
                CHECK(vm_coro_check_resume(run, g, gen_send_value));
            }
            if (g->state == VM_GEN_RUNNING) {
                CHECK(vm_raise(run, &vm_exc_ValueError, "generator already executing"));
            }
            if (g->state == VM_GEN_DONE) {
                if (gen_mode == VM_GEN_MODE_NEXT) {
                    CHECK(vm_raise(run, &vm_exc_StopIteration, "%s", ""));
                }
                if (gen_mode == VM_GEN_MODE_FOR_ITER) {
                    sp--;
                } else {
                    TOP() = vm_val_none();
                }
                ip = insns + arg;
                break;
            }
            if (g->state == VM_GEN_CREATED && !vm_val_is_none(gen_send_value)) {
                CHECK(vm_raise(run, &vm_exc_TypeError,
                               "can't send non-None value to a just-started generator"));
            }
            if (run->depth >= run->limits.max_recursion) {
                CHECK(vm_raise(run, &vm_exc_RecursionError, "maximum recursion depth exceeded"));
            }
            SAVE();
            VmFrame *gf = g->frame;
            if (g->state == VM_GEN_SUSPENDED) {
                const CmpCode *gc = vm_code(run, gf->code_index);
                gf->slots[gc->nlocals + gc->ncellvars + gc->nfreevars + gf->sp] = gen_send_value;
                gf->sp++;
            }
            g->state = VM_GEN_RUNNING;
            gf->back = f;
            gf->gen_mode = (uint8_t)gen_mode;
            gf->gen_target = arg;
            gf->is_entry = false;
            f = gf;
            run->frame = f;
            run->depth++;
            LOAD_FRAME();
            DISPATCH();
        }

        TARGET(CALL) {
            /* the common call: a plain Python function, positional arguments (defaults
             * may fill the rest), no cells of its own: the frame is set up here */
            VmValue *cs = sp - arg - 2;
            if (cs[0].tag == VM_TAG_OBJ && cs[0].u.o->type == &vm_type_function) {
                VmFunction *fn = VM_AS(VmFunction, cs[0]);
                const CmpCode *cc = vm_code(run, fn->code_index);
                VmValue *args = cs + 2;
                uint32_t nargs = arg;
                if (!vm_val_is_empty(cs[1])) {
                    args = cs + 1;
                    nargs++;
                }
                uint32_t argc = cc->argcount;
                uint32_t ndef = fn->defaults != NULL ? (uint32_t)fn->defaults->len : 0;
                if ((cc->flags & (CMP_CO_VARARGS | CMP_CO_VARKEYWORDS | CMP_CO_GENERATOR
                                  | CMP_CO_COROUTINE | CMP_CO_ASYNC_GENERATOR)) == 0
                    && cc->kwonlyargcount == 0 && cc->ncellvars == 0 && nargs <= argc
                    && nargs + ndef >= argc && run->depth < run->limits.max_recursion
                    && (cc->nfreevars == 0
                        || (fn->closure != NULL && fn->closure->len >= cc->nfreevars))) {
                    if (++run->ticks >= 256) {
                        run->ticks = 0;
                        CHECK(vm_check_time(run));
                    }
                    SAVE();
                    VmFrame *nf = frame_alloc(run, cc->nlocals + cc->nfreevars + cc->stacksize
                                                       + 1);
                    if (nf == NULL) {
                        goto error;
                    }
                    nf->func = fn;
                    nf->code_index = fn->code_index;
                    nf->globals = fn->globals;
                    VmValue *slots = nf->slots;
                    for (uint32_t k = 0; k < nargs; k++) {
                        slots[k] = args[k];
                    }
                    for (uint32_t k = nargs; k < argc; k++) {
                        slots[k] = fn->defaults->items[k + ndef - argc];
                    }
                    for (uint32_t k = argc; k < cc->nlocals; k++) {
                        slots[k] = vm_val_empty();
                    }
                    for (uint32_t k = 0; k < cc->nfreevars; k++) {
                        slots[cc->nlocals + k] = fn->closure->items[k];
                    }
                    sp = cs;
                    SAVE();
                    nf->back = f;
                    f = nf;
                    run->frame = f;
                    run->depth++;
                    LOAD_FRAME();
                    DISPATCH();
                }
            }
            goto call_generic;
        }
        TARGET(CALL_KW)
        TARGET(CALL_FUNCTION_EX)
        call_generic: {
            VmTuple *kwnames = NULL;
            VmValue *args;
            size_t nargs;
            VmValue *callee_slot;
            VmTuple *flat = NULL;
            if (CMP_OP(INSN) == OP_CALL_FUNCTION_EX) {
                VmValue kw = (arg & 1) ? POP() : vm_val_empty();
                VmValue pos = POP();
                CHECK(flatten_ex(run, pos, kw, &flat, &kwnames));
                callee_slot = sp - 2;
                args = flat->items;
                nargs = flat->len;
                if (!vm_val_is_empty(callee_slot[1])) {
                    CHECK(vm_raise(run, &vm_exc_RuntimeError, "bad call layout"));
                }
            } else {
                if (CMP_OP(INSN) == OP_CALL_KW) {
                    /* Loaded programs are untrusted: the names must be a
                     * tuple of str no longer than the arguments. */
                    VmValue kwv = POP();
                    bool ok = vm_is(kwv, &vm_type_tuple) && VM_AS(VmTuple, kwv)->len <= arg;
                    for (size_t k = 0; ok && k < VM_AS(VmTuple, kwv)->len; k++) {
                        ok = vm_is(VM_AS(VmTuple, kwv)->items[k], &vm_type_str);
                    }
                    if (!ok) {
                        CHECK(vm_raise(run, &vm_exc_RuntimeError, "bad call layout"));
                    }
                    kwnames = VM_AS(VmTuple, kwv);
                }
                nargs = arg + (kwnames ? 0 : 0);
                callee_slot = sp - nargs - 2;
                args = callee_slot + 2;
                if (!vm_val_is_empty(callee_slot[1])) {
                    args = callee_slot + 1;
                    nargs++;
                }
            }
            VmValue callee = callee_slot[0];
            /* unwrap bound methods */
            if (vm_is(callee, &vm_type_method)) {
                VmBoundMethod *m = VM_AS(VmBoundMethod, callee);
                callee = m->func;
                if (args == callee_slot + 2 && flat == NULL) {
                    callee_slot[1] = m->self;
                    args = callee_slot + 1;
                    nargs++;
                } else {
                    SAVE();
                    VmTuple *t = vm_tuple_new(run, nargs + 1);
                    if (t == NULL) {
                        goto error;
                    }
                    t->items[0] = m->self;
                    vm_memcpy(t->items + 1, args, nargs * sizeof(VmValue));
                    flat = t;
                    args = t->items;
                    nargs++;
                }
            }
            if (++run->ticks >= 256) {
                run->ticks = 0;
                CHECK(vm_check_time(run));
            }
            if (vm_is(callee, &vm_type_function)) {
            call_function:;
                VmFunction *fn = VM_AS(VmFunction, callee);
                const CmpCode *cc = vm_code(run, fn->code_index);
                if (cc->flags & CMP_CO_ASYNC_GENERATOR) {
                    CHECK(unsupported(run, "asynchronous generators"));
                }
                if (cc->flags & (CMP_CO_GENERATOR | CMP_CO_COROUTINE)) {
                    CHECK(vm_gen_new(run, fn, args, nargs, kwnames, &r));
                    sp = callee_slot;
                    PUSH(r);
                    break;
                }
                if (run->depth >= run->limits.max_recursion) {
                    CHECK(vm_raise(run, &vm_exc_RecursionError,
                                   "maximum recursion depth exceeded"));
                }
                SAVE();
                VmFrame *nf = vm_frame_new(run, fn->code_index, fn, fn->globals);
                if (nf == NULL) {
                    goto error;
                }
                if (vm_frame_bind(run, nf, fn, args, nargs, kwnames) != VM_OK) {
                    vm_frame_release(run, nf);
                    goto error;
                }
                sp = callee_slot;
                SAVE();
                nf->back = f;
                f = nf;
                run->frame = f;
                run->depth++;
                LOAD_FRAME();
                break;
            }
            if (vm_is(callee, &vm_type_external)
                && vm_external_is_async(run, VM_AS(VmExternal, callee))) {
                /* an `async def` tool: a coroutine; the host call happens at its await */
                CHECK(vm_coro_host_call(run, VM_AS(VmExternal, callee), args, nargs, kwnames,
                                        &r));
                sp = callee_slot;
                PUSH(r);
                DISPATCH();
            }
            if (vm_is(callee, &vm_type_external) && run->nested > 0) {
                CHECK(vm_raise(run, &vm_exc_NotImplementedError,
                               "monty does not support calling the external function '%s' "
                               "from code run by a builtin (sorted/map/filter key, or a "
                               "generator consumed by list/sum/...) yet",
                               run->program->external_names[VM_AS(VmExternal, callee)->index
                                                            & ~VM_EXTERNAL_SYNC]));
            }
            if (vm_is(callee, &vm_type_external)) {
                SAVE();
                if (pack_call(run, args, nargs, kwnames) != VM_OK) {
                    goto error;
                }
                run->call_ext = VM_AS(VmExternal, callee)->index & ~VM_EXTERNAL_SYNC;
                run->call_id = run->next_call_id++;
                sp = callee_slot;
                SAVE();
                return VM_EVENT_CALL;
            }
            if (vm_is(callee, &vm_type_builtin) && kwnames == NULL) {
                /* next(gen) and gen.send(v) resume the generator in this loop */
                const VmBuiltin *bf = VM_AS(VmBuiltin, callee);
                bool is_next = bf->owner == NULL && nargs == 1 && bf->name[0] == 'n'
                               && strcmp(bf->name, "next") == 0;
                bool is_send = (bf->owner == &vm_type_generator
                                || bf->owner == &vm_type_coroutine)
                               && nargs == 2 && strcmp(bf->name, "send") == 0;
                if ((is_next && vm_is(args[0], &vm_type_generator))
                    || (is_send && vm_is(args[0], bf->owner))) {
                    a = args[0];
                    gen_send_value = is_send ? args[1] : vm_val_none();
                    gen_mode = VM_GEN_MODE_NEXT;
                    sp = callee_slot;
                    arg = 0;
                    goto resume_generator;
                }
            }
            const VmType *ct = vm_type_of(callee);
            if (ct->call == NULL) {
                CHECK(vm_raise(run, &vm_exc_TypeError, "'%s' object is not callable",
                               ct->name));
            }
            SAVE();
            st = ct->call(run, callee, args, nargs, kwnames, &r);
            if (st == VM_DEFER) {
                /* the native needs Python code: run its prelude version in-loop */
                if (vm_prelude_function(run, run->defer_name, &callee) != VM_OK) {
                    goto error;
                }
                goto call_function;
            }
            if (st != VM_OK) {
                goto error;
            }
            sp = callee_slot;
            PUSH(r);
            DISPATCH();
        }
        TARGET(MAKE_FUNCTION) {
            a = POP();  /* code index as an int constant */
            VmTuple *defaults = NULL, *closure = NULL;
            VmDict *kwdefaults = NULL;
            if (arg & 1) {
                EXPECT_OPERAND(TOP(), &vm_type_tuple);
                defaults = VM_AS(VmTuple, POP());
            }
            if (arg & 2) {
                EXPECT_OPERAND(TOP(), &vm_type_dict);
                kwdefaults = VM_AS(VmDict, POP());
            }
            if (arg & 4) {
                (void)POP();
            }
            if (arg & 8) {
                EXPECT_OPERAND(TOP(), &vm_type_tuple);
                closure = VM_AS(VmTuple, POP());
                for (size_t k = 0; k < closure->len; k++) {
                    EXPECT_OPERAND(closure->items[k], &vm_type_cell);
                }
            }
            if (!vm_val_is_int(a) || a.u.i < 0 || a.u.i > UINT32_MAX
                || ((a.u.i & VM_PRELUDE_BIT)
                        ? run->prelude == NULL
                              || (a.u.i & ~(int64_t)VM_PRELUDE_BIT) >= run->prelude->ncodes
                        : (uint64_t)a.u.i >= run->program->ncodes)) {
                CHECK(vm_raise(run, &vm_exc_RuntimeError, "bad operand for MAKE_FUNCTION"));
            }
            SAVE();
            uint32_t ci = (uint32_t)a.u.i;
            VmFunction *fn = (VmFunction *)vm_obj_new(run, &vm_type_function, sizeof *fn);
            if (fn == NULL) {
                goto error;
            }
            fn->code_index = ci;
            fn->globals = f->globals;
            fn->defaults = defaults;
            fn->kwdefaults = kwdefaults;
            fn->closure = closure;
            const CmpCode *mc = vm_code(run, ci);
            fn->name = vm_str_new_cstr(run, mc->name);
            fn->qualname = fn->name ? vm_str_new_cstr(run, mc->qualname ? mc->qualname
                                                                        : mc->name)
                                    : NULL;
            if (fn->qualname == NULL) {
                goto error;
            }
            PUSH(vm_obj_val(fn));
            DISPATCH();
        }
        TARGET(LOAD_BUILD_CLASS)
            CHECK(unsupported(run, "class definitions"));
            DISPATCH();

        TARGET(RAISE_VARARGS)
            if (arg == 0) {
                if (vm_val_is_empty(run->handled) || vm_val_is_none(run->handled)) {
                    CHECK(vm_raise(run, &vm_exc_RuntimeError, "No active exception to reraise"));
                }
                run->exc = run->handled;
                reraise = true;
                SAVE();
                goto error;
            } else {
                VmValue cause = vm_val_empty();
                if (arg == 2) {
                    cause = POP();
                }
                a = POP();
                CHECK(exc_from_raise_operand(run, a, &r));
                if (arg == 2) {
                    VmValue ce = vm_val_none();
                    if (!vm_val_is_none(cause)) {
                        bool ok = (vm_is(cause, &vm_type_type)
                                   && (((const VmType *)cause.u.o)->flags & VM_TYPE_EXC))
                                  || (vm_val_is_obj(cause)
                                      && (cause.u.o->type->flags & VM_TYPE_EXC));
                        if (!ok) {
                            CHECK(vm_raise(run, &vm_exc_TypeError,
                                           "exception causes must derive from BaseException"));
                        }
                        CHECK(exc_from_raise_operand(run, cause, &ce));
                    }
                    VM_AS(VmExc, r)->cause = ce;
                    VM_AS(VmExc, r)->suppress_context = true;
                }
                run->exc = r;
                SAVE();
                goto error;
            }
        TARGET(PUSH_EXC_INFO)
            if (!is_exc_value(TOP())) {
                CHECK(vm_raise(run, &vm_exc_RuntimeError, "bad operand for PUSH_EXC_INFO"));
            }
            a = POP();
            PUSH(vm_val_is_empty(run->handled) ? vm_val_none() : run->handled);
            PUSH(a);
            run->handled = a;
            FAST_DISPATCH();
        TARGET(POP_EXCEPT)
            if (!vm_val_is_none(TOP()) && !is_exc_value(TOP())) {
                CHECK(vm_raise(run, &vm_exc_RuntimeError, "bad operand for POP_EXCEPT"));
            }
            a = POP();
            run->handled = vm_val_is_none(a) ? vm_val_empty() : a;
            FAST_DISPATCH();
        TARGET(CHECK_EXC_MATCH)
            b = POP();
            CHECK(check_exc_type(run, b));
            r = vm_val_bool(exc_match(TOP(), b));
            PUSH(r);
            DISPATCH();
        TARGET(RERAISE)
            /* the handler is looked up at this instruction (as CPython's
             * exception_unwind); lasti below exc only feeds line numbers */
            if (!is_exc_value(TOP())) {
                CHECK(vm_raise(run, &vm_exc_RuntimeError, "bad operand for RERAISE"));
            }
            a = POP();
            run->exc = a;
            reraise = true;
            SAVE();
            goto error;
        TARGET(LOAD_ASSERTION_ERROR)
            PUSH(vm_obj_val(&vm_exc_AssertionError));
            FAST_DISPATCH();
        TARGET(CHECK_EG_MATCH)
            CHECK(unsupported(run, "except*"));
            DISPATCH();
        TARGET(WITH_EXCEPT_START)
        TARGET(BEFORE_WITH)
            CHECK(unsupported(run, "the with statement"));
            DISPATCH();
        TARGET(RETURN_GENERATOR)
            /* the generator object was made at call time */
            FAST_DISPATCH();
        TARGET(YIELD_VALUE) {
            r = POP();
            SAVE();
            if (f->gen == NULL) {
                CHECK(unsupported(run, "yield outside a generator frame"));
            }
            f->gen->state = VM_GEN_SUSPENDED;
            VmFrame *caller = f->back;
            bool entry = f->is_entry;
            f->back = NULL;
            f->is_entry = false;
            run->depth--;
            if (entry) {
                run->frame = caller;
                run->nested_value = r;
                return VM_EVENT__YIELD;
            }
            f = caller;
            run->frame = f;
            LOAD_FRAME();
            PUSH(r);
            FAST_DISPATCH();
        }
        TARGET(GET_YIELD_FROM_ITER)
            a = TOP();
            if (vm_is(a, &vm_type_coroutine)) {
                CHECK(vm_raise(run, &vm_exc_TypeError, "cannot 'yield from' a coroutine object "
                               "in a non-coroutine generator"));
            }
            if (!vm_is(a, &vm_type_generator)) {
                CHECK(vm_iter(run, a, &r));
                TOP() = r;
            }
            DISPATCH();
        TARGET(SEND)
            b = POP();
            a = TOP();
            if (vm_is(a, &vm_type_generator) || vm_is(a, &vm_type_coroutine)) {
                gen_mode = VM_GEN_MODE_SEND;
                gen_send_value = b;
                goto resume_generator;
            }
            if (!vm_val_is_none(b)) {
                CHECK(vm_raise(run, &vm_exc_AttributeError, "'%s' object has no attribute 'send'",
                               vm_type_name(a)));
            }
            SAVE();
            st = vm_next(run, a, &r);
            if (st == VM_OK) {
                PUSH(r);
            } else if (st == VM_STOP) {
                TOP() = vm_val_none();
                ip = insns + arg;
            } else {
                goto error;
            }
            DISPATCH();
        TARGET(END_SEND)
            a = POP();
            TOP() = a;
            DISPATCH();
        TARGET(GET_AWAITABLE)
            /* await: TOS must be a coroutine not yet awaited (obj_coro.c); SEND runs it */
            CHECK(vm_coro_get_awaitable(run, TOP()));
            DISPATCH();
        TARGET(IMPORT_NAME)
            /* [level, fromlist] -> module (vm/modules.c) */
            CHECK(vm_module_import(run, names[arg], &PEEK(2)));
            sp--;
            DISPATCH();
        TARGET(IMPORT_FROM)
            CHECK(vm_module_import_from(run, TOP(), names[arg], sp));
            sp++;
            DISPATCH();
        TARGET(IMPORT_STAR)
            run->globals_gen++;
            CHECK(vm_module_import_star(run, TOP(), f->globals));
            sp--;
            DISPATCH();
        TARGET_DEFAULT
            SAVE();
            vm_raise(run, &vm_exc_RuntimeError, "bad opcode %u", CMP_OP(INSN));
            goto error;
        }
        continue;

    error:
        /* f->pc/f->sp are saved; pc - 1 is the instruction that raised */
        if (run->heap.limit != VM_LIMIT_NONE) {
            run->frame = f;
            return VM_EVENT_ERROR;
        }
        if (!is_exc_value(run->exc)) {
            /* hostile bytecode raised a non-exception: the unwinder and the
             * error report cast run->exc to VmExc, so replace it */
            reraise = false;
            vm_raise(run, &vm_exc_RuntimeError, "bad exception operand");
            if (run->heap.limit != VM_LIMIT_NONE || !is_exc_value(run->exc)) {
                run->frame = f;
                return VM_EVENT_ERROR;
            }
        }
        {
            VmValue exc = run->exc;
            uint32_t at = f->pc > 0 ? f->pc - 1 : 0;
            if (!reraise) {
                if (!vm_val_is_empty(run->handled) && !vm_val_same(run->handled, exc)
                    && vm_val_is_obj(exc)) {
                    VmExc *e = VM_AS(VmExc, exc);
                    /* avoid creating a cycle in the context chain */
                    VmValue o = run->handled;
                    bool cycle = false;
                    for (int guard = 0; vm_val_is_obj(o) && (o.u.o->type->flags & VM_TYPE_EXC)
                                        && guard < 100;
                         guard++) {
                        if (vm_val_same(o, exc)) {
                            cycle = true;
                            break;
                        }
                        o = VM_AS(VmExc, o)->context;
                    }
                    if (!cycle) {
                        e->context = run->handled;
                    }
                }
                vm_exc_add_traceback(run, exc, f->code_index, line_of(run, f, at), at);
            }
            reraise = false;
            for (;;) {
                code = vm_code(run, f->code_index);
                const CmpExcEntry *h = find_handler(code, at);
                if (h != NULL) {
                    LOAD_FRAME();
                    sp = base + h->depth;
                    if (h->lasti) {
                        PUSH(vm_val_int(at));
                    }
                    PUSH(exc);
                    ip = insns + h->handler;
                    run->exc = vm_val_empty();
                    break;
                }
                if (f->gen != NULL) {
                    f->gen->state = VM_GEN_DONE;
                    if (vm_isinstance(exc, &vm_exc_StopIteration)) {
                        /* PEP 479 */
                        VmValue re;
                        SAVE();
                        vm_raise(run, &vm_exc_RuntimeError, "%s raised StopIteration",
                                 vm_is(vm_obj_val(f->gen), &vm_type_coroutine) ? "coroutine"
                                                                              : "generator");
                        re = run->exc;
                        if (vm_val_is_obj(re)) {
                            VM_AS(VmExc, re)->cause = exc;
                            VM_AS(VmExc, re)->context = exc;
                            VM_AS(VmExc, re)->suppress_context = true;
                            exc = re;
                        }
                    }
                }
                if (f->is_entry) {
                    run->exc = exc;
                    if (f->is_module) {
                        run->frame = f;
                        return VM_EVENT_ERROR;
                    }
                    run->frame = f->back;
                    run->depth--;
                    f->back = NULL;
                    vm_frame_release(run, f);
                    return VM_EVENT_ERROR;
                }
                bool inlined = is_inlined_comprehension(code);
                {
                    VmFrame *caller = f->back;
                    if (f->gen != NULL) {
                        f->back = NULL;
                    }
                    vm_frame_release(run, f);
                    f = caller;
                }
                run->frame = f;
                run->depth--;
                at = f->pc > 0 ? f->pc - 1 : 0;
                if (inlined && vm_val_is_obj(exc) && VM_AS(VmExc, exc)->traceback != NULL) {
                    /* CPython inlines list/set/dict comprehensions: no frame of their own */
                    VM_AS(VmExc, exc)->traceback->name_index = f->code_index;
                } else {
                    vm_exc_add_traceback(run, exc, f->code_index, line_of(run, f, at), at);
                }
            }
        }
    }
#undef LOAD_FRAME
#undef TARGET
#undef TARGET_DEFAULT
#undef DISPATCH
#undef FAST_DISPATCH
#undef SAVE
#undef PUSH
#undef POP
#undef TOP
#undef PEEK
#undef CHECK
#undef INSN
}


/* Runs run->frame (an entry frame just pushed) in a nested loop. */
static VmEventKind
run_nested(VmRun *run)
{
    VmValue saved_exc = run->exc;
    run->exc = vm_val_empty();
    run->nested++;
    VmEventKind ev = vm_interp_run(run);
    run->nested--;
    if (ev != VM_EVENT_ERROR && vm_val_is_empty(run->exc)) {
        run->exc = saved_exc;
    }
    return ev;
}

/*
 * vm_call_python: calls a Python function (or a bound method of one) from native
 * code and runs it to completion. The caller's frame and depth are restored.
 */
VmStatus
vm_call_python(VmRun *run, VmValue func, VmValue *args, size_t nargs, VmTuple *kwnames,
               VmValue *out)
{
    if (!vm_is(func, &vm_type_function)) {
        return vm_call_native(run, func, args, nargs, kwnames, out);
    }
    VmFunction *fn = VM_AS(VmFunction, func);
    const CmpCode *cc = vm_code(run, fn->code_index);
    if (run->depth >= run->limits.max_recursion) {
        return vm_raise(run, &vm_exc_RecursionError, "maximum recursion depth exceeded");
    }
    if (cc->flags & CMP_CO_ASYNC_GENERATOR) {
        return unsupported(run, "asynchronous generators");
    }
    if (cc->flags & (CMP_CO_GENERATOR | CMP_CO_COROUTINE)) {
        return vm_gen_new(run, fn, args, nargs, kwnames, out);
    }
    VmFrame *saved = run->frame;
    uint32_t saved_depth = run->depth;
    VmFrame *nf = vm_frame_new(run, fn->code_index, fn, fn->globals);
    if (nf == NULL) {
        return VM_ERR;
    }
    if (vm_frame_bind(run, nf, fn, args, nargs, kwnames) != VM_OK) {
        vm_frame_release(run, nf);
        return VM_ERR;
    }
    nf->back = saved;
    nf->is_entry = true;
    run->frame = nf;
    run->depth++;
    VmEventKind ev = run_nested(run);
    run->frame = saved;
    run->depth = saved_depth;
    if (ev == VM_EVENT_COMPLETE) {
        *out = run->nested_value;
        run->nested_value = vm_val_empty();
        return VM_OK;
    }
    return VM_ERR;
}

/*
 * vm_gen_next_native: resumes gen with `send` from native code until it yields
 * (VM_OK, *out) or returns (VM_STOP, the return value in run->nested_value).
 */
VmStatus
vm_gen_next_native(VmRun *run, VmGenerator *g, VmValue send, VmValue *out)
{
    if (g->state == VM_GEN_RUNNING) {
        return vm_raise(run, &vm_exc_ValueError, "generator already executing");
    }
    if (g->state == VM_GEN_DONE) {
        run->nested_value = vm_val_none();
        return VM_STOP;
    }
    if (g->state == VM_GEN_CREATED && !vm_val_is_none(send)) {
        return vm_raise(run, &vm_exc_TypeError,
                        "can't send non-None value to a just-started generator");
    }
    if (run->depth >= run->limits.max_recursion) {
        return vm_raise(run, &vm_exc_RecursionError, "maximum recursion depth exceeded");
    }
    VmFrame *saved = run->frame;
    uint32_t saved_depth = run->depth;
    VmFrame *gf = g->frame;
    if (g->state == VM_GEN_SUSPENDED) {
        const CmpCode *gc = vm_code(run, gf->code_index);
        gf->slots[gc->nlocals + gc->ncellvars + gc->nfreevars + gf->sp] = send;
        gf->sp++;
    }
    g->state = VM_GEN_RUNNING;
    gf->back = saved;
    gf->is_entry = true;
    gf->gen_mode = VM_GEN_MODE_NONE;
    run->frame = gf;
    run->depth++;
    VmEventKind ev = run_nested(run);
    gf->is_entry = false;
    run->frame = saved;
    run->depth = saved_depth;
    if (ev == VM_EVENT__YIELD) {
        *out = run->nested_value;
        run->nested_value = vm_val_empty();
        return VM_OK;
    }
    if (ev == VM_EVENT_COMPLETE) {
        return VM_STOP;
    }
    return VM_ERR;
}

/* vm_gen_throw_native: raises exc inside the generator at its yield. */
VmStatus
vm_gen_throw_native(VmRun *run, VmGenerator *g, VmValue exc, VmValue *out)
{
    if (g->state == VM_GEN_RUNNING) {
        return vm_raise(run, &vm_exc_ValueError, "generator already executing");
    }
    if (g->state != VM_GEN_SUSPENDED) {
        g->state = VM_GEN_DONE;
        return vm_raise_value(run, exc);
    }
    if (run->depth >= run->limits.max_recursion) {
        return vm_raise(run, &vm_exc_RecursionError, "maximum recursion depth exceeded");
    }
    VmFrame *saved = run->frame;
    uint32_t saved_depth = run->depth;
    VmFrame *gf = g->frame;
    g->state = VM_GEN_RUNNING;
    gf->back = saved;
    gf->is_entry = true;
    gf->gen_mode = VM_GEN_MODE_NONE;
    run->frame = gf;
    run->depth++;
    run->nested++;
    run->exc = exc;
    VmEventKind ev = vm_interp_run(run);
    run->nested--;
    gf->is_entry = false;
    run->frame = saved;
    run->depth = saved_depth;
    if (ev == VM_EVENT__YIELD) {
        *out = run->nested_value;
        run->nested_value = vm_val_empty();
        return VM_OK;
    }
    if (ev == VM_EVENT_COMPLETE) {
        return VM_STOP;
    }
    return VM_ERR;
}
