/*
 * obj_coro.c — coroutines (`async def`) and host calls made awaitable.
 *
 * A coroutine is a VmGenerator (vm_int.h) whose type is vm_type_coroutine: the same
 * frame-on-the-heap machinery as a generator, so `await` drives it in the interpreter's
 * loop (SEND, as `yield from`) without C recursion, a paused run holding coroutines is
 * pure data, and the collector and the snapshot reach it by the same paths.
 *
 * monty has no event loop: a coroutine runs when it is awaited and runs to its end (it
 * never yields: the compiler emits no YIELD_VALUE in async code). The only suspension
 * is the host call: calling an external declared `async def` in the stubs returns a
 * coroutine (named after the tool) whose frame is the prelude's `_host_call`, which
 * calls the same external synchronously (VM_EXTERNAL_SYNC) — so the CALL event happens
 * when, and only when, the coroutine is awaited, and durable start/resume sees an
 * ordinary pending external call in a frame.
 */
#include <stdio.h>
#include <string.h>

#include "vm/vm_int.h"

VmStatus vm_frame_bind(VmRun *run, VmFrame *f, VmFunction *func, VmValue *args, size_t nargs,
                       VmTuple *kwnames);

/*
 * vm_gen_new: calls fn, a generator or coroutine function: a new generator (or
 * coroutine, by the code's flags) owning a frame bound to the arguments, not started.
 */
VmStatus
vm_gen_new(VmRun *run, VmFunction *fn, VmValue *args, size_t nargs, VmTuple *kwnames,
           VmValue *out)
{
    const CmpCode *cc = vm_code(run, fn->code_index);
    const VmType *type = (cc->flags & CMP_CO_COROUTINE) ? &vm_type_coroutine
                                                         : &vm_type_generator;
    VmFrame *gf = vm_frame_new(run, fn->code_index, fn, fn->globals);
    if (gf == NULL) {
        return VM_ERR;
    }
    if (vm_frame_bind(run, gf, fn, args, nargs, kwnames) != VM_OK) {
        vm_frame_release(run, gf);
        return VM_ERR;
    }
    VmGenerator *g = (VmGenerator *)vm_obj_new(run, type, sizeof *g);
    if (g == NULL) {
        vm_frame_release(run, gf);
        return VM_ERR;
    }
    g->frame = gf;
    g->name = fn->name;
    g->qualname = fn->qualname;
    gf->gen = g;
    *out = vm_obj_val(g);
    return VM_OK;
}

/* vm_external_is_async: whether calling this external returns a coroutine. */
bool
vm_external_is_async(const VmRun *run, const VmExternal *x)
{
    uint32_t i = x->index & ~VM_EXTERNAL_SYNC;
    return (x->index & VM_EXTERNAL_SYNC) == 0 && run->program->external_async != NULL
           && i < run->program->nexternals && run->program->external_async[i] != 0;
}

/*
 * vm_coro_host_call: the value of calling the async external x: a coroutine named
 * after x running the prelude's `_host_call(sync_x, args, kwargs)`.
 */
VmStatus
vm_coro_host_call(VmRun *run, const VmExternal *x, VmValue *args, size_t nargs,
                  VmTuple *kwnames, VmValue *out)
{
    VmValue fnv;
    if (vm_prelude_function(run, "_host_call", &fnv) != VM_OK) {
        return VM_ERR;
    }
    if (!vm_is(fnv, &vm_type_function)) {
        return vm_raise(run, &vm_exc_RuntimeError, "bad prelude function _host_call");
    }
    size_t nkw = kwnames ? kwnames->len : 0;
    VmExternal *sync = (VmExternal *)vm_obj_new(run, &vm_type_external, sizeof *sync);
    VmTuple *t = sync ? vm_tuple_new(run, nargs - nkw) : NULL;
    VmDict *d = t ? vm_dict_new(run) : NULL;
    const char *name = run->program->external_names[x->index & ~VM_EXTERNAL_SYNC];
    VmStr *nm = d ? vm_str_new_cstr(run, name) : NULL;
    if (nm == NULL) {
        return VM_ERR;
    }
    sync->index = x->index | VM_EXTERNAL_SYNC;
    for (size_t i = 0; i < nargs - nkw; i++) {
        t->items[i] = args[i];
    }
    for (size_t i = 0; i < nkw; i++) {
        if (vm_dict_set(run, d, kwnames->items[i], args[nargs - nkw + i]) != VM_OK) {
            return VM_ERR;
        }
    }
    VmValue call[3] = {vm_obj_val(sync), vm_obj_val(t), vm_obj_val(d)};
    if (vm_gen_new(run, VM_AS(VmFunction, fnv), call, 3, NULL, out) != VM_OK) {
        return VM_ERR;
    }
    VM_AS(VmGenerator, *out)->name = nm;
    VM_AS(VmGenerator, *out)->qualname = nm;
    return VM_OK;
}

/*
 * vm_coro_check_resume: the errors of resuming coroutine g (await, send): CPython's
 * messages. VM_OK when it can run.
 */
VmStatus
vm_coro_check_resume(VmRun *run, const VmGenerator *g, VmValue send)
{
    if (g->state == VM_GEN_RUNNING) {
        return vm_raise(run, &vm_exc_ValueError, "coroutine already executing");
    }
    if (g->state == VM_GEN_DONE) {
        return vm_raise(run, &vm_exc_RuntimeError, "cannot reuse already awaited coroutine");
    }
    if (g->state == VM_GEN_CREATED && !vm_val_is_none(send)) {
        return vm_raise(run, &vm_exc_TypeError,
                        "can't send non-None value to a just-started coroutine");
    }
    return VM_OK;
}

/* vm_coro_get_awaitable: GET_AWAITABLE's check of the awaited value v. */
VmStatus
vm_coro_get_awaitable(VmRun *run, VmValue v)
{
    if (!vm_is(v, &vm_type_coroutine)) {
        return vm_raise(run, &vm_exc_TypeError, "object %s can't be used in 'await' expression",
                        vm_type_name(v));
    }
    const VmGenerator *g = VM_AS(VmGenerator, v);
    if (g->state == VM_GEN_DONE) {
        return vm_raise(run, &vm_exc_RuntimeError, "cannot reuse already awaited coroutine");
    }
    return VM_OK;
}

/* ---- the coroutine type ----------------------------------------------------- */



static VmStatus
coro_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmGenerator *g = VM_AS(VmGenerator, self);
    VmStrBuf b;
    vm_sb_init(&b, run);
    vm_sb_printf(&b, "<coroutine object %s at 0x%llx>", g->qualname->data,
                 (unsigned long long)(uintptr_t)g);
    return vm_sb_to_str(&b, out);
}


/* coro.send(v) reached from native code (the interpreter resumes it in-loop when the
 * call is a plain CALL); the coroutine's return raises StopIteration(value). */
static VmStatus
coro_send(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    if (nargs != 2 || kwnames != NULL) {
        return vm_raise(run, &vm_exc_TypeError, "send() takes exactly one argument");
    }
    VmGenerator *g = VM_AS(VmGenerator, args[0]);
    if (vm_coro_check_resume(run, g, args[1]) != VM_OK) {
        return VM_ERR;
    }
    VmStatus st = vm_gen_next_native(run, g, args[1], out);
    return st == VM_STOP ? vm_gen_raise_return(run) : st;
}

/* coro.close(): a coroutine that has not started is marked done (it never runs); one
 * that runs cannot be closed from inside; monty's coroutines are never suspended. */
static VmStatus
coro_close(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    (void)kwnames;
    if (nargs != 1) {
        return vm_raise(run, &vm_exc_TypeError, "close() takes no arguments (%zu given)",
                        nargs - 1);
    }
    VmGenerator *g = VM_AS(VmGenerator, args[0]);
    if (g->state == VM_GEN_RUNNING) {
        return vm_raise(run, &vm_exc_ValueError, "coroutine already executing");
    }
    g->state = VM_GEN_DONE;
    *out = vm_val_none();
    return VM_OK;
}

static const VmBuiltin coro_send_b = { VM_IMMORTAL_HDR(&vm_type_builtin), "send", coro_send,
                                       &vm_type_coroutine };
static const VmBuiltin coro_close_b = { VM_IMMORTAL_HDR(&vm_type_builtin), "close", coro_close,
                                        &vm_type_coroutine };
static const VmBuiltin *const coro_methods[] = { &coro_send_b, &coro_close_b, NULL };


/* `coroutine`: a VmGenerator (same layout, traced and snapshotted like a generator). */
const VmType vm_type_coroutine = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "coroutine", .base = &vm_type_object,
    .trace = vm_gen_trace, .fini = vm_gen_fini, .repr = coro_repr, .getattr = vm_gen_getattr,
    .methods = coro_methods, .hash = vm_identity_hash,
};
