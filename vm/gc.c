/*
 * gc.c — precise mark-and-sweep over the run's object list.
 *
 * Runs only at safe points of the interpreter loop (instruction boundaries), where
 * every live value is reachable from the roots below; native code therefore never
 * roots temporaries. Marking uses an explicit stack (no C recursion however deeply
 * the script nests its data). The mark stack is plain malloc'd scratch that lives
 * only during a collection; if it cannot grow, the collection keeps everything (a
 * missed collection is safe, a wrong free is not).
 */
#include <stdlib.h>

#include "vm/vm_int.h"

/* vm_gc_mark_obj: marks one object (immortal ones are skipped). */
void
vm_gc_mark_obj(VmGc *gc, VmObj *o)
{
    if (o == NULL || (o->gc_flags & (VM_GC_MARK | VM_GC_IMMORTAL)) != 0) {
        return;
    }
    o->gc_flags |= VM_GC_MARK;
    if (o->type->trace == NULL) {
        return;
    }
    if (gc->len == gc->cap) {
        size_t ncap = gc->cap ? gc->cap * 2 : 256;
        VmObj **ns = realloc(gc->stack, ncap * sizeof *ns);
        if (ns == NULL) {
            gc->overflow = true;
            return;
        }
        gc->stack = ns;
        gc->cap = ncap;
    }
    gc->stack[gc->len++] = o;
}

/* vm_gc_mark: marks the object a value refers to, if any. */
void
vm_gc_mark(VmGc *gc, VmValue v)
{
    if (v.tag == VM_TAG_OBJ) {
        vm_gc_mark_obj(gc, v.u.o);
    }
}

static void
mark_codes(VmGc *gc, const CmpProgram *p, VmCodeData *codes)
{
    if (codes == NULL || p == NULL) {
        return;
    }
    for (uint32_t i = 0; i < p->ncodes; i++) {
        VmCodeData *cd = &codes[i];
        for (uint32_t j = 0; cd->consts && j < p->codes[i].nconsts; j++) {
            vm_gc_mark(gc, cd->consts[j]);
        }
        for (uint32_t j = 0; cd->names && j < p->codes[i].nnames; j++) {
            vm_gc_mark_obj(gc, (VmObj *)cd->names[j]);
        }
        /* a cached key stays alive, so no other string can take its address */
        for (uint32_t j = 0; cd->gcache && j < p->codes[i].nnames; j++) {
            vm_gc_mark_obj(gc, (VmObj *)cd->gcache[j].dict);
            vm_gc_mark_obj(gc, cd->gcache[j].key);
            vm_gc_mark(gc, cd->gcache[j].builtin);
        }
    }
}

static void
mark_roots(VmGc *gc, VmRun *run)
{
    mark_codes(gc, run->program, run->codes);
    mark_codes(gc, run->prelude, run->prelude_codes);
    vm_gc_mark_obj(gc, (VmObj *)run->prelude_globals);
    vm_gc_mark_obj(gc, (VmObj *)run->globals);
    for (VmFrame *f = run->frame; f != NULL; f = f->back) {
        vm_frame_trace(gc, f);
    }
    vm_gc_mark(gc, run->exc);
    vm_gc_mark(gc, run->handled);
    vm_gc_mark(gc, run->result);
    vm_gc_mark(gc, run->nested_value);
    for (size_t i = 0; i < sizeof run->tmp_roots / sizeof run->tmp_roots[0]; i++) {
        vm_gc_mark(gc, run->tmp_roots[i]);
    }
    vm_gc_mark_obj(gc, (VmObj *)run->call_args);
    vm_gc_mark_obj(gc, (VmObj *)run->call_kwargs);
}

/*
 * vm_gc_collect: frees every object not reachable from the run's roots and sets the
 * next collection threshold.
 */
void
vm_gc_collect(VmRun *run)
{
    if (run->nested > 0) {
        /* native code below us holds unrooted temporaries */
        return;
    }
    VmGc gc = { run, NULL, 0, 0, false };
    mark_roots(&gc, run);
    while (gc.len > 0 && !gc.overflow) {
        VmObj *o = gc.stack[--gc.len];
        o->type->trace(&gc, o);
    }
    free(gc.stack);
    VmObj **link = &run->heap.objects;
    while (*link != NULL) {
        VmObj *o = *link;
        if (gc.overflow || (o->gc_flags & VM_GC_MARK)) {
            o->gc_flags &= ~VM_GC_MARK;
            link = &o->gc_next;
            continue;
        }
        *link = o->gc_next;
        if (o->type->fini != NULL) {
            o->type->fini(run, o);
        }
        vm_heap_free(run, o);
    }
    size_t live = run->heap.live_bytes;
    /* a full trace costs O(live): let garbage reach 2x live first, but at least 1 MB —
     * small enough that freed blocks are reused from heap.c's cache while still in the
     * CPU caches (4 MB made allocation-heavy loops ~1.5x slower) */
    size_t next = live * 3 < (1u << 20) ? (1u << 20) : live * 3;
    if (run->limits.max_memory != 0) {
        size_t cap = run->limits.max_memory / 4 * 3;
        if (next > cap) {
            next = live + (run->limits.max_memory - live) / 2;
        }
    }
    run->heap.next_gc = next;
}

/* vm_gc_free_all: teardown; frees every object of the run. */
void
vm_gc_free_all(VmRun *run)
{
    VmObj *o = run->heap.objects;
    while (o != NULL) {
        VmObj *next = o->gc_next;
        if (o->type->fini != NULL) {
            o->type->fini(run, o);
        }
        vm_heap_free(run, o);
        o = next;
    }
    run->heap.objects = NULL;
}
