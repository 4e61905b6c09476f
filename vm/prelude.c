/*
 * prelude.c — per-run code data, and the prelude: builtins written in Python
 * (vm/prelude/prelude.py, compiled at build time into vm_prelude_blob) that natives
 * defer to when they would otherwise have to run Python code themselves (a Python
 * key function, a generator argument, an external function). Deferring keeps those
 * calls in the interpreter's own frames, so they can suspend at an external call and
 * never recurse on the C stack (DESIGN.md contract 2).
 *
 * The prelude program is loaded into a run the first time a native defers (most
 * scripts never pay for it); its code indices carry VM_PRELUDE_BIT and its frames
 * are left out of tracebacks.
 */
#include <string.h>

#include "vm/vm_int.h"

extern const uint8_t vm_prelude_blob[];
extern const size_t vm_prelude_blob_len;

VmValue vm_value_bytes(VmRun *run, const uint8_t *data, size_t len);
VmStatus vm_sort_values(VmRun *run, VmValue *items, size_t n, VmValue key, bool reverse);

/* A unique object for the prelude's "no argument given" defaults. */
static const VmObj nothing_obj = VM_IMMORTAL_HDR(&vm_type_object);

/*
 * vm_prepare_codes: turns a program's constants and names into values of this run
 * (code constants become code indices or'ed with `bit`).
 */
VmStatus
vm_prepare_codes(VmRun *run, const CmpProgram *p, uint32_t bit, VmCodeData **out)
{
    size_t n = p->ncodes ? p->ncodes : 1;
    VmCodeData *codes = vm_heap_alloc(run, n * sizeof(VmCodeData));
    if (codes == NULL) {
        return VM_ERR;
    }
    memset(codes, 0, n * sizeof(VmCodeData));
    *out = codes;
    for (uint32_t ci = 0; ci < p->ncodes; ci++) {
        const CmpCode *code = &p->codes[ci];
        VmCodeData *cd = &codes[ci];
        cd->consts = vm_heap_alloc(run, (code->nconsts + 1) * sizeof(VmValue));
        cd->names = vm_heap_alloc(run, (code->nnames + 1) * sizeof(VmStr *));
        cd->gcache = vm_heap_alloc(run, (code->nnames + 1) * sizeof(VmGlobalCache));
        if (cd->consts == NULL || cd->names == NULL || cd->gcache == NULL) {
            return VM_ERR;
        }
        memset(cd->gcache, 0, (code->nnames + 1) * sizeof(VmGlobalCache));
        memset(cd->consts, 0, (code->nconsts + 1) * sizeof(VmValue));
        memset(cd->names, 0, (code->nnames + 1) * sizeof(VmStr *));
        for (uint32_t i = 0; i < code->nnames; i++) {
            cd->names[i] = vm_str_new_cstr(run, code->names[i]);
            if (cd->names[i] == NULL) {
                return VM_ERR;
            }
        }
        bool pending = false;
        for (uint32_t i = 0; i < code->nconsts; i++) {
            const CmpConst *k = &code->consts[i];
            VmValue v = vm_val_empty();
            switch (k->kind) {
            case CMP_CONST_NONE: v = vm_val_none(); break;
            case CMP_CONST_TRUE: v = vm_val_bool(true); break;
            case CMP_CONST_FALSE: v = vm_val_bool(false); break;
            case CMP_CONST_ELLIPSIS: v = vm_obj_val(&vm_ellipsis_obj); break;
            case CMP_CONST_INT: v = vm_val_int(k->i); break;
            case CMP_CONST_BIGINT:
                v = vm_int_from_str(run, k->str, 10);
                if (vm_val_is_empty(v)) {
                    return VM_ERR;
                }
                break;
            case CMP_CONST_FLOAT: v = vm_val_float(k->f); break;
            case CMP_CONST_COMPLEX: v = vm_val_empty(); break;
            case CMP_CONST_STR:
                v = vm_str_val(run, k->str ? k->str : "", k->len);
                if (vm_val_is_empty(v)) {
                    return VM_ERR;
                }
                break;
            case CMP_CONST_BYTES:
                v = vm_value_bytes(run, (const uint8_t *)k->str, k->len);
                if (vm_val_is_empty(v)) {
                    return VM_ERR;
                }
                break;
            case CMP_CONST_TUPLE: pending = true; break;
            case CMP_CONST_CODE: v = vm_val_int((int64_t)((uint32_t)k->i | bit)); break;
            }
            cd->consts[i] = v;
        }
        /* tuples may refer to other tuples: build them once their items exist */
        for (int pass = 0; pending && pass < 64; pass++) {
            pending = false;
            for (uint32_t i = 0; i < code->nconsts; i++) {
                const CmpConst *k = &code->consts[i];
                if (k->kind != CMP_CONST_TUPLE || !vm_val_is_empty(cd->consts[i])) {
                    continue;
                }
                bool ready = true;
                for (uint32_t j = 0; j < k->nitems; j++) {
                    uint32_t ix = k->items[j];
                    if (ix >= code->nconsts || (vm_val_is_empty(cd->consts[ix])
                                                && code->consts[ix].kind != CMP_CONST_COMPLEX)) {
                        ready = false;
                    }
                }
                if (!ready) {
                    pending = true;
                    continue;
                }
                VmTuple *t = vm_tuple_new(run, k->nitems);
                if (t == NULL) {
                    return VM_ERR;
                }
                for (uint32_t j = 0; j < k->nitems; j++) {
                    t->items[j] = cd->consts[k->items[j]];
                }
                cd->consts[i] = vm_obj_val(t);
            }
        }
    }
    return VM_OK;
}

/* vm_free_codes: releases what vm_prepare_codes allocated. */
void
vm_free_codes(VmRun *run, const CmpProgram *p, VmCodeData *codes)
{
    if (codes == NULL) {
        return;
    }
    for (uint32_t i = 0; i < p->ncodes; i++) {
        vm_heap_free(run, codes[i].consts);
        vm_heap_free(run, codes[i].names);
        vm_heap_free(run, codes[i].gcache);
    }
    vm_heap_free(run, codes);
}

bool
vm_is_pycallable(VmValue v)
{
    if (vm_is(v, &vm_type_method)) {
        v = VM_AS(VmBoundMethod, v)->func;
    }
    return vm_is(v, &vm_type_function) || vm_is(v, &vm_type_external);
}

bool
vm_is_pyiter(VmValue v)
{
    return vm_is(v, &vm_type_generator);
}

/* vm_defer: asks the interpreter to run the prelude function `name` instead. */
VmStatus
vm_defer(VmRun *run, const char *name)
{
    run->defer_name = name;
    return VM_DEFER;
}

/* _sort_by_keys(items, keys_or_None, reverse): stable sort of items by keys. */
static VmStatus
sort_by_keys(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    if (nargs != 3 || kwnames != NULL || !vm_is(args[0], &vm_type_list)) {
        return vm_raise(run, &vm_exc_TypeError, "_sort_by_keys: bad arguments");
    }
    VmList *items = VM_AS(VmList, args[0]);
    bool reverse;
    if (vm_truth(run, args[2], &reverse) != VM_OK) {
        return VM_ERR;
    }
    *out = vm_val_none();
    if (vm_val_is_none(args[1])) {
        return vm_sort_values(run, items->items, items->len, vm_val_none(), reverse);
    }
    VmList *keys = VM_AS(VmList, args[1]);
    size_t n = items->len < keys->len ? items->len : keys->len;
    /* sort (key, index) pairs, then permute: stable, and compares keys only */
    VmList *pairs = vm_list_new(run, n);
    if (pairs == NULL) {
        return VM_ERR;
    }
    for (size_t i = 0; i < n; i++) {
        VmTuple *t = vm_tuple_new(run, 2);
        if (t == NULL) {
            return VM_ERR;
        }
        t->items[0] = keys->items[i];
        t->items[1] = vm_val_int((int64_t)i);
        pairs->items[i] = vm_obj_val(t);
    }
    pairs->len = n;
    extern const VmBuiltin vm_prelude_first_b;
    if (vm_sort_values(run, pairs->items, n, vm_obj_val(&vm_prelude_first_b), reverse)
        != VM_OK) {
        return VM_ERR;
    }
    VmValue *tmp = vm_heap_alloc(run, (n ? n : 1) * sizeof(VmValue));
    if (tmp == NULL) {
        return VM_ERR;
    }
    for (size_t i = 0; i < n; i++) {
        tmp[i] = items->items[VM_AS(VmTuple, pairs->items[i])->items[1].u.i];
    }
    vm_memcpy(items->items, tmp, n * sizeof(VmValue));
    vm_heap_free(run, tmp);
    return VM_OK;
}

static VmStatus
first_item(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    *out = VM_AS(VmTuple, args[0])->items[0];
    return VM_OK;
}

const VmBuiltin vm_prelude_first_b = { VM_IMMORTAL_HDR(&vm_type_builtin), "_first", first_item,
                                       NULL };
static const VmBuiltin sort_by_keys_b = { VM_IMMORTAL_HDR(&vm_type_builtin), "_sort_by_keys",
                                          sort_by_keys, NULL };

static VmStatus
bind(VmRun *run, const char *name, VmValue v)
{
    VmStr *s = vm_str_new_cstr(run, name);
    return s ? vm_dict_set_str(run, run->prelude_globals, s, v) : VM_ERR;
}

/* Loads the prelude into the run and runs its module body (definitions only). */
static VmStatus
prelude_load(VmRun *run)
{
    char err[256];
    size_t used = 0;
    CmpProgram *p = cmp_program_load(vm_prelude_blob, vm_prelude_blob_len, &used, err,
                                     sizeof err);
    if (p == NULL) {
        return vm_raise(run, &vm_exc_RuntimeError, "cannot load the prelude: %s", err);
    }
    run->prelude = p;
    if (vm_prepare_codes(run, p, VM_PRELUDE_BIT, &run->prelude_codes) != VM_OK) {
        return VM_ERR;
    }
    run->prelude_globals = vm_dict_new(run);
    if (run->prelude_globals == NULL
        || bind(run, "_NOTHING", vm_obj_val(&nothing_obj)) != VM_OK
        || bind(run, "_sort_by_keys", vm_obj_val(&sort_by_keys_b)) != VM_OK
        || bind(run, "_builtin_enumerate",
                vm_obj_val(vm_builtins_lookup("enumerate", 9))) != VM_OK
        || bind(run, "_builtin_tuple", vm_obj_val(&vm_type_tuple)) != VM_OK
        || bind(run, "_builtin_set", vm_obj_val(&vm_type_set)) != VM_OK
        || bind(run, "_builtin_frozenset", vm_obj_val(&vm_type_frozenset)) != VM_OK) {
        return VM_ERR;
    }
    VmFrame *saved = run->frame;
    uint32_t saved_depth = run->depth;
    VmFrame *f = vm_frame_new(run, VM_PRELUDE_BIT, NULL, run->prelude_globals);
    if (f == NULL) {
        return VM_ERR;
    }
    f->back = saved;
    f->is_entry = true;
    run->frame = f;
    run->depth++;
    run->nested++;
    VmEventKind ev = vm_interp_run(run);
    run->nested--;
    run->frame = saved;
    run->depth = saved_depth;
    run->nested_value = vm_val_empty();
    return ev == VM_EVENT_COMPLETE ? VM_OK : VM_ERR;
}

/* vm_prelude_function: the prelude's function `name` (loading the prelude). */
VmStatus
vm_prelude_function(VmRun *run, const char *name, VmValue *out)
{
    if (run->prelude_globals == NULL && prelude_load(run) != VM_OK) {
        return VM_ERR;
    }
    VmStr *s = vm_str_new_cstr(run, name);
    if (s == NULL) {
        return VM_ERR;
    }
    *out = vm_dict_get_str(run->prelude_globals, s);
    if (vm_val_is_empty(*out)) {
        return vm_raise(run, &vm_exc_RuntimeError, "prelude has no function '%s'", name);
    }
    return VM_OK;
}
