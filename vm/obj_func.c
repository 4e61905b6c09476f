/*
 * obj_func.c — callables and frames: Python functions, native builtins, bound
 * methods, cells, external (host) functions, and the heap frame type.
 */
#include <stdio.h>
#include <string.h>

#include "vm/vm_int.h"

static void
func_trace(VmGc *gc, VmObj *o)
{
    VmFunction *f = (VmFunction *)o;
    vm_gc_mark_obj(gc, (VmObj *)f->globals);
    vm_gc_mark_obj(gc, (VmObj *)f->defaults);
    vm_gc_mark_obj(gc, (VmObj *)f->kwdefaults);
    vm_gc_mark_obj(gc, (VmObj *)f->closure);
    vm_gc_mark_obj(gc, (VmObj *)f->name);
    vm_gc_mark_obj(gc, (VmObj *)f->qualname);
    vm_gc_mark_obj(gc, (VmObj *)f->attrs);
}

static VmStatus
func_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmFunction *f = VM_AS(VmFunction, self);
    VmStrBuf b;
    vm_sb_init(&b, run);
    vm_sb_printf(&b, "<function %s at 0x%llx>", f->qualname->data,
                  (unsigned long long)(uintptr_t)f);
    return vm_sb_to_str(&b, out);
}

static VmStatus
func_getattr(VmRun *run, VmValue self, VmStr *name, VmValue *out)
{
    VmFunction *f = VM_AS(VmFunction, self);
    *out = vm_val_empty();
    if (vm_str_eq_cstr(name, "__name__")) {
        *out = vm_obj_val(f->name);
    } else if (vm_str_eq_cstr(name, "__qualname__")) {
        *out = vm_obj_val(f->qualname);
    } else if (vm_str_eq_cstr(name, "__module__")) {
        *out = vm_str_val(run, "__main__", 8);
    } else if (f->attrs != NULL) {
        *out = vm_dict_get_str(f->attrs, name);
    }
    if (vm_val_is_empty(*out) && vm_str_eq_cstr(name, "__doc__")) {
        /* the compiler flags a docstring and keeps it as constant 0 */
        const CmpCode *c = vm_code(run, f->code_index);
        if (!(c->flags & CMP_CO_HAS_DOCSTRING)) {
            *out = vm_val_none();
        } else {
            return vm_clean_doc(run, vm_code_data(run, f->code_index)->consts[0], out);
        }
    }
    return VM_OK;
}

VmStatus
vm_identity_hash(VmRun *run, VmValue self, int64_t *out)
{
    *out = (int64_t)((uintptr_t)self.u.o >> 4);
    return VM_OK;
}

const VmType vm_type_function = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "function", .base = &vm_type_object,
    .trace = func_trace, .repr = func_repr, .getattr = func_getattr, .hash = vm_identity_hash,
};

static VmStatus
builtin_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmBuiltin *f = VM_AS(VmBuiltin, self);
    VmStrBuf b;
    vm_sb_init(&b, run);
    if (f->owner != NULL) {
        vm_sb_printf(&b, "<method '%s' of '%s' objects>", f->name, f->owner->name);
    } else {
        vm_sb_printf(&b, "<built-in function %s>", f->name);
    }
    return vm_sb_to_str(&b, out);
}

static VmStatus
builtin_call(VmRun *run, VmValue self, VmValue *args, size_t nargs, VmTuple *kwnames,
             VmValue *out)
{
    VmBuiltin *f = VM_AS(VmBuiltin, self);
    if (f->owner != NULL) {
        size_t npos = nargs - (kwnames ? kwnames->len : 0);
        bool ok = npos > 0 && (vm_isinstance(args[0], f->owner)
                               || (f->owner == &vm_type_set
                                   && vm_is(args[0], &vm_type_frozenset)));
        if (!ok) {
            return vm_raise(run, &vm_exc_TypeError,
                            "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                            f->name, f->owner->name,
                            npos ? vm_type_name(args[0]) : "NoneType");
        }
    }
    return f->fn(run, args, nargs, kwnames, out);
}

static VmStatus
builtin_getattr(VmRun *run, VmValue self, VmStr *name, VmValue *out)
{
    VmBuiltin *f = VM_AS(VmBuiltin, self);
    *out = vm_val_empty();
    if (vm_str_eq_cstr(name, "__name__")) {
        *out = vm_str_val(run, f->name, strlen(f->name));
    } else if (vm_str_eq_cstr(name, "__qualname__")) {
        VmStrBuf b;
        vm_sb_init(&b, run);
        if (f->owner != NULL) {
            vm_sb_printf(&b, "%s.", f->owner->name);
        }
        vm_sb_adds(&b, f->name);
        return vm_sb_to_str(&b, out);
    } else {
        return VM_OK;
    }
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

const VmType vm_type_builtin = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "builtin_function_or_method",
    .base = &vm_type_object, .repr = builtin_repr, .call = builtin_call,
    .hash = vm_identity_hash, .getattr = builtin_getattr,
};

static void
method_trace(VmGc *gc, VmObj *o)
{
    VmBoundMethod *m = (VmBoundMethod *)o;
    vm_gc_mark(gc, m->func);
    vm_gc_mark(gc, m->self);
}

static VmStatus
method_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmBoundMethod *m = VM_AS(VmBoundMethod, self);
    VmStrBuf b;
    vm_sb_init(&b, run);
    if (vm_is(m->func, &vm_type_builtin)) {
        vm_sb_printf(&b, "<built-in method %s of %s object at 0x%llx>",
                      VM_AS(VmBuiltin, m->func)->name, vm_type_name(m->self),
                      (unsigned long long)(uintptr_t)m->self.u.o);
    } else {
        vm_sb_adds(&b, "<bound method>");
    }
    return vm_sb_to_str(&b, out);
}

/* vm_bound_method_new: func bound to self. */
VmValue
vm_bound_method_new(VmRun *run, VmValue func, VmValue self)
{
    VmBoundMethod *m = (VmBoundMethod *)vm_obj_new(run, &vm_type_method, sizeof *m);
    if (m == NULL) {
        return vm_val_empty();
    }
    m->func = func;
    m->self = self;
    return vm_obj_val(m);
}

const VmType vm_type_method = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "method", .base = &vm_type_object,
    .trace = method_trace, .repr = method_repr,
};

static void
cell_trace(VmGc *gc, VmObj *o)
{
    vm_gc_mark(gc, ((VmCell *)o)->value);
}

const VmType vm_type_cell = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "cell", .base = &vm_type_object,
    .trace = cell_trace,
};

static VmStatus
external_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmExternal *e = VM_AS(VmExternal, self);
    VmStrBuf b;
    vm_sb_init(&b, run);
    vm_sb_printf(&b, "<external function %s>",
                 run->program->external_names[e->index & ~VM_EXTERNAL_SYNC]);
    return vm_sb_to_str(&b, out);
}

const VmType vm_type_external = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "function", .base = &vm_type_object,
    .repr = external_repr, .hash = vm_identity_hash,
};

/* Frames are traced by vm_frame_trace from the chain and their generators, never
 * through the object list (vm_gc_mark_obj is not called on them). */
const VmType vm_type_frame = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "frame", .base = &vm_type_object,
};

/* ---- generators -------------------------------------------------------------- */

/* The generator returned to a native send/throw (VM_STOP): StopIteration carrying the
 * return value (run->nested_value), as CPython raises it. */
VmStatus
vm_gen_raise_return(VmRun *run)
{
    VmValue v = run->nested_value;
    run->nested_value = vm_val_empty();
    if (vm_val_is_empty(v) || vm_val_is_none(v)) {
        return vm_raise(run, &vm_exc_StopIteration, "%s", "");
    }
    return vm_raise_with_arg(run, &vm_exc_StopIteration, v);
}

/* Shared with coroutines (obj_coro.c): same VmGenerator layout. */
void
vm_gen_trace(VmGc *gc, VmObj *o)
{
    VmGenerator *g = (VmGenerator *)o;
    if (g->frame != NULL) {
        vm_frame_trace(gc, g->frame);
    }
    vm_gc_mark_obj(gc, (VmObj *)g->name);
    vm_gc_mark_obj(gc, (VmObj *)g->qualname);
}

static VmStatus
gen_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmGenerator *g = VM_AS(VmGenerator, self);
    VmStrBuf b;
    vm_sb_init(&b, run);
    vm_sb_printf(&b, "<generator object %s at 0x%llx>", g->qualname->data,
                 (unsigned long long)(uintptr_t)g);
    return vm_sb_to_str(&b, out);
}

static VmStatus
gen_iter(VmRun *run, VmValue self, VmValue *out)
{
    *out = self;
    return VM_OK;
}

static VmStatus
gen_next(VmRun *run, VmValue self, VmValue *out)
{
    return vm_gen_next_native(run, VM_AS(VmGenerator, self), vm_val_none(), out);
}

static VmStatus
gen_send(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    if (nargs != 2 || kwnames != NULL) {
        return vm_raise(run, &vm_exc_TypeError, "send() takes exactly one argument");
    }
    VmStatus st = vm_gen_next_native(run, VM_AS(VmGenerator, args[0]), args[1], out);
    return st == VM_STOP ? vm_gen_raise_return(run) : st;
}

static VmStatus
gen_close(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    VmGenerator *g = VM_AS(VmGenerator, args[0]);
    *out = vm_val_none();
    if (g->state != VM_GEN_SUSPENDED) {
        if (g->state == VM_GEN_CREATED) {
            g->state = VM_GEN_DONE;
        }
        return VM_OK;
    }
    VmValue exc = vm_exc_new(run, &vm_exc_GeneratorExit, NULL);
    if (vm_val_is_empty(exc)) {
        return VM_ERR;
    }
    VmValue r;
    VmStatus st = vm_gen_throw_native(run, g, exc, &r);
    if (st == VM_OK) {
        return vm_raise(run, &vm_exc_RuntimeError, "generator ignored GeneratorExit");
    }
    if (st == VM_ERR && vm_val_is_obj(run->exc)
        && (vm_isinstance(run->exc, &vm_exc_GeneratorExit)
            || vm_isinstance(run->exc, &vm_exc_StopIteration))) {
        run->exc = vm_val_empty();
        return VM_OK;
    }
    return st == VM_STOP ? VM_OK : st;
}

static VmStatus
gen_throw(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    if (nargs < 2 || kwnames != NULL) {
        return vm_raise(run, &vm_exc_TypeError, "throw expected at least 1 argument, got 0");
    }
    VmValue exc = args[1];
    if (vm_is(exc, &vm_type_type) && (((const VmType *)exc.u.o)->flags & VM_TYPE_EXC)) {
        VmTuple *targs = NULL;
        if (nargs > 2 && !vm_val_is_none(args[2])) {
            targs = vm_tuple_new(run, 1);
            if (targs == NULL) {
                return VM_ERR;
            }
            targs->items[0] = args[2];
        }
        exc = vm_exc_new(run, (const VmType *)exc.u.o, targs);
        if (vm_val_is_empty(exc)) {
            return VM_ERR;
        }
    } else if (!vm_val_is_obj(exc) || !(exc.u.o->type->flags & VM_TYPE_EXC)) {
        return vm_raise(run, &vm_exc_TypeError,
                        "exceptions must be classes or instances deriving from BaseException, "
                        "not %s", vm_type_name(exc));
    }
    VmStatus st = vm_gen_throw_native(run, VM_AS(VmGenerator, args[0]), exc, out);
    return st == VM_STOP ? vm_gen_raise_return(run) : st;
}

VmStatus
vm_gen_getattr(VmRun *run, VmValue self, VmStr *name, VmValue *out)
{
    VmGenerator *g = VM_AS(VmGenerator, self);
    *out = vm_val_empty();
    if (vm_str_eq_cstr(name, "__name__")) {
        *out = vm_obj_val(g->name);
    } else if (vm_str_eq_cstr(name, "__qualname__")) {
        *out = vm_obj_val(g->qualname);
    }
    return VM_OK;
}

static const VmBuiltin gen_send_b = { VM_IMMORTAL_HDR(&vm_type_builtin), "send", gen_send,
                                      &vm_type_generator };
static const VmBuiltin gen_close_b = { VM_IMMORTAL_HDR(&vm_type_builtin), "close", gen_close,
                                       &vm_type_generator };
static const VmBuiltin gen_throw_b = { VM_IMMORTAL_HDR(&vm_type_builtin), "throw", gen_throw,
                                       &vm_type_generator };
static const VmBuiltin *const gen_methods[] = { &gen_send_b, &gen_close_b, &gen_throw_b, NULL };

void
vm_gen_fini(VmRun *run, VmObj *o)
{
    VmGenerator *g = (VmGenerator *)o;
    if (g->frame != NULL) {
        g->frame->gen = NULL;
        vm_heap_free(run, g->frame);
        g->frame = NULL;
    }
}

const VmType vm_type_generator = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "generator", .base = &vm_type_object,
    .trace = vm_gen_trace, .fini = vm_gen_fini, .repr = gen_repr, .iter = gen_iter,
    .next = gen_next, .getattr = vm_gen_getattr, .methods = gen_methods, .hash = vm_identity_hash,
};
