/*
 * frame.c — creating frames and binding call arguments to parameters
 * (CPython's rules and messages), without recursing on the C stack.
 */
#include <string.h>

#include "vm/vm_int.h"

#define NFREE (sizeof(((VmRun *)0)->frame_free) / sizeof(((VmRun *)0)->frame_free[0]))

/*
 * vm_frame_new: a frame for code `ci` (locals EMPTY, cells not yet created). Frames
 * are accounted heap blocks outside the object list: calls recycle them through a
 * per-run free list (no collector work per call).
 */
VmFrame *
vm_frame_new(VmRun *run, uint32_t ci, VmFunction *func, VmDict *globals)
{
    const CmpCode *code = vm_code(run, ci);
    uint32_t n = code->nlocals + code->ncellvars + code->nfreevars + code->stacksize + 1;
    size_t size = sizeof(VmFrame) + n * sizeof(VmValue);
    VmFrame *f;
    if (n < NFREE && run->frame_free[n] != NULL) {
        f = run->frame_free[n];
        run->frame_free[n] = f->back;
    } else {
        f = vm_heap_alloc(run, size);
        if (f == NULL) {
            return NULL;
        }
    }
    /* the value stack above sp is never read (the collector traces below sp) */
    memset(f, 0, size - code->stacksize * sizeof(VmValue));
    f->hdr.type = &vm_type_frame;
    f->hdr.size = (uint32_t)size;
    f->func = func;
    f->code_index = ci;
    f->nslots = n;
    f->globals = globals;
    return f;
}

/* vm_frame_release: a returned frame goes back to the free list (generator frames
 * belong to their generator and are released with it). */
void
vm_frame_release(VmRun *run, VmFrame *f)
{
    if (f == NULL || f->gen != NULL) {
        return;
    }
    if (f->nslots < NFREE) {
        f->back = run->frame_free[f->nslots];
        run->frame_free[f->nslots] = f;
        return;
    }
    vm_heap_free(run, f);
}

/* vm_frame_trace: marks what a frame holds (not its caller: the chain is walked by
 * the collector's roots). */
void
vm_frame_trace(VmGc *gc, VmFrame *f)
{
    vm_gc_mark_obj(gc, (VmObj *)f->func);
    vm_gc_mark_obj(gc, (VmObj *)f->globals);
    vm_gc_mark_obj(gc, (VmObj *)f->gen);
    const CmpCode *code = vm_code(gc->run, f->code_index);
    uint32_t live = code->nlocals + code->ncellvars + code->nfreevars + f->sp;
    for (uint32_t i = 0; i < live && i < f->nslots; i++) {
        vm_gc_mark(gc, f->slots[i]);
    }
}

/* vm_frame_free_all: teardown of the live chain (before the heap objects go) and of
 * the free lists. */
void
vm_frame_free_all(VmRun *run)
{
    VmFrame *f = run->frame;
    while (f != NULL) {
        VmFrame *back = f->back;
        if (f->gen == NULL) {
            vm_heap_free(run, f);
        }
        f = back;
    }
    run->frame = NULL;
    for (size_t i = 0; i < NFREE; i++) {
        while (run->frame_free[i] != NULL) {
            VmFrame *next = run->frame_free[i]->back;
            vm_heap_free(run, run->frame_free[i]);
            run->frame_free[i] = next;
        }
    }
}

static VmStatus
missing_args(VmRun *run, const char *fname, const CmpCode *code, VmValue *locals, uint32_t lo,
             uint32_t hi, const char *kind)
{
    const char *names[64];
    size_t n = 0;
    for (uint32_t i = lo; i < hi && n < 64; i++) {
        if (vm_val_is_empty(locals[i])) {
            names[n++] = code->localnames[i];
        }
    }
    VmStrBuf b;
    vm_sb_init(&b, run);
    vm_sb_printf(&b, "%s() missing %zu required %s argument%s: ", fname, n, kind,
                  n == 1 ? "" : "s");
    for (size_t i = 0; i < n; i++) {
        vm_sb_printf(&b, "'%s'", names[i]);
        if (n == 2 && i == 0) {
            vm_sb_adds(&b, " and ");
        } else if (n > 2 && i < n - 2) {
            vm_sb_adds(&b, ", ");
        } else if (n > 2 && i == n - 2) {
            vm_sb_adds(&b, ", and ");
        }
    }
    VmValue msg;
    if (vm_sb_to_str(&b, &msg) != VM_OK) {
        return VM_ERR;
    }
    return vm_raise_with_arg(run, &vm_exc_TypeError, msg);
}

/*
 * vm_frame_bind: binds args (vectorcall layout; kwnames values last) to the
 * parameters of func's code in the new frame f, applies defaults and creates cells.
 */
VmStatus vm_frame_bind(VmRun *run, VmFrame *f, VmFunction *func, VmValue *args, size_t nargs,
                       VmTuple *kwnames);
VmStatus
vm_frame_bind(VmRun *run, VmFrame *f, VmFunction *func, VmValue *args, size_t nargs,
              VmTuple *kwnames)
{
    const CmpCode *code = vm_code(run, f->code_index);
    VmValue *locals = f->slots;
    const char *fname = func->qualname->data;
    size_t nkw = kwnames ? kwnames->len : 0;
    size_t npos = nargs - nkw;
    uint32_t argc = code->argcount, kwc = code->kwonlyargcount;
    bool has_varargs = (code->flags & CMP_CO_VARARGS) != 0;
    bool has_varkw = (code->flags & CMP_CO_VARKEYWORDS) != 0;
    uint32_t varargs_slot = argc + kwc;
    uint32_t varkw_slot = argc + kwc + (has_varargs ? 1 : 0);
    VmDict *kwdict = NULL;

    if (npos == argc && nkw == 0 && kwc == 0 && !has_varargs && !has_varkw) {
        vm_memcpy(locals, args, npos * sizeof(VmValue));
        goto cells;
    }
    size_t ncopy = npos < argc ? npos : argc;
    vm_memcpy(locals, args, ncopy * sizeof(VmValue));
    if (has_varargs) {
        size_t extra = npos > argc ? npos - argc : 0;
        VmTuple *t = vm_tuple_new(run, extra);
        if (t == NULL) {
            return VM_ERR;
        }
        for (size_t i = 0; i < extra; i++) {
            t->items[i] = args[argc + i];
        }
        locals[varargs_slot] = vm_obj_val(t);
    } else if (npos > argc) {
        size_t ndef = func->defaults ? func->defaults->len : 0;
        if (ndef > 0) {
            return vm_raise(run, &vm_exc_TypeError,
                            "%s() takes from %zu to %u positional arguments but %zu %s given",
                            fname, argc - ndef, argc, npos, npos == 1 ? "was" : "were");
        }
        return vm_raise(run, &vm_exc_TypeError,
                        "%s() takes %u positional argument%s but %zu %s given", fname, argc,
                        argc == 1 ? "" : "s", npos, npos == 1 ? "was" : "were");
    }
    if (has_varkw) {
        kwdict = vm_dict_new(run);
        if (kwdict == NULL) {
            return VM_ERR;
        }
        locals[varkw_slot] = vm_obj_val(kwdict);
    }
    for (size_t k = 0; k < nkw; k++) {
        VmStr *kn = VM_AS(VmStr, kwnames->items[k]);
        VmValue val = args[npos + k];
        uint32_t j;
        for (j = code->posonlyargcount; j < argc + kwc; j++) {
            if (vm_str_eq_cstr(kn, code->localnames[j])) {
                break;
            }
        }
        if (j < argc + kwc) {
            if (!vm_val_is_empty(locals[j])) {
                return vm_raise(run, &vm_exc_TypeError,
                                "%s() got multiple values for argument '%s'", fname, kn->data);
            }
            locals[j] = val;
            continue;
        }
        if (kwdict != NULL) {
            if (vm_dict_set(run, kwdict, kwnames->items[k], val) != VM_OK) {
                return VM_ERR;
            }
            continue;
        }
        for (j = 0; j < code->posonlyargcount; j++) {
            if (vm_str_eq_cstr(kn, code->localnames[j])) {
                return vm_raise(run, &vm_exc_TypeError,
                                "%s() got some positional-only arguments passed as keyword "
                                "arguments: '%s'", fname, kn->data);
            }
        }
        /* "Did you mean" among the parameters that can be passed by keyword */
        return vm_raise_unexpected_kw(run, fname, kn,
                                      (const char *const *)code->localnames
                                      + code->posonlyargcount,
                                      code->argcount - code->posonlyargcount
                                      + code->kwonlyargcount);
    }
    /* defaults for missing positional parameters */
    if (npos < argc) {
        size_t ndef = func->defaults ? func->defaults->len : 0;
        for (uint32_t i = (uint32_t)npos; i < argc; i++) {
            if (vm_val_is_empty(locals[i]) && i + ndef >= argc) {
                locals[i] = func->defaults->items[i + ndef - argc];
            }
        }
        for (uint32_t i = (uint32_t)npos; i < argc; i++) {
            if (vm_val_is_empty(locals[i])) {
                return missing_args(run, fname, code, locals, (uint32_t)npos, argc,
                                    "positional");
            }
        }
    }
    for (uint32_t i = argc; i < argc + kwc; i++) {
        if (vm_val_is_empty(locals[i]) && func->kwdefaults != NULL) {
            /* a few entries: compare names in place (no key string per call) */
            const VmDict *kd = func->kwdefaults;
            for (size_t k = 0; k < kd->nentries; k++) {
                VmValue key = kd->entries[k].key;
                if (vm_is(key, &vm_type_str)
                    && vm_str_eq_cstr(VM_AS(VmStr, key), code->localnames[i])) {
                    locals[i] = kd->entries[k].value;
                    break;
                }
            }
        }
    }
    for (uint32_t i = argc; i < argc + kwc; i++) {
        if (vm_val_is_empty(locals[i])) {
            return missing_args(run, fname, code, locals, argc, argc + kwc, "keyword-only");
        }
    }
cells:
    for (uint32_t i = 0; i < code->ncellvars; i++) {
        VmCell *c = (VmCell *)vm_obj_new(run, &vm_type_cell, sizeof(VmCell));
        if (c == NULL) {
            return VM_ERR;
        }
        c->value = vm_val_empty();
        if (code->cell2arg != NULL && code->cell2arg[i] >= 0) {
            c->value = locals[code->cell2arg[i]];
        }
        locals[code->nlocals + i] = vm_obj_val(c);
    }
    for (uint32_t i = 0; i < code->nfreevars; i++) {
        if (func->closure == NULL || i >= func->closure->len) {
            return vm_raise(run, &vm_exc_RuntimeError, "bad closure");
        }
        locals[code->nlocals + code->ncellvars + i] = func->closure->items[i];
    }
    return VM_OK;
}
