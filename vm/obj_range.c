/*
 * obj_range.c — range and slice objects, and index normalisation for sequences.
 */
#include <stdio.h>
#include <string.h>

#include "vm/vm_int.h"

/* vm_range_new: range(start, stop, step), step != 0 checked by the caller. */
VmValue
vm_range_new(VmRun *run, int64_t start, int64_t stop, int64_t step)
{
    VmRange *r = (VmRange *)vm_obj_new(run, &vm_type_range, sizeof(VmRange));
    if (r == NULL) {
        return vm_val_empty();
    }
    r->start = start;
    r->stop = stop;
    r->step = step;
    int64_t len = 0;
    if (step > 0 && start < stop) {
        len = (int64_t)(((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1);
    } else if (step < 0 && start > stop) {
        len = (int64_t)(((uint64_t)start - (uint64_t)stop - 1) / (uint64_t)(-step) + 1);
    }
    r->len = len;
    return vm_obj_val(r);
}

static VmStatus
range_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmRange *r = VM_AS(VmRange, self);
    char buf[96];
    int n;
    if (r->step == 1) {
        n = snprintf(buf, sizeof buf, "range(%lld, %lld)", (long long)r->start,
                     (long long)r->stop);
    } else {
        n = snprintf(buf, sizeof buf, "range(%lld, %lld, %lld)", (long long)r->start,
                     (long long)r->stop, (long long)r->step);
    }
    *out = vm_str_val(run, buf, (size_t)n);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

static VmStatus
range_len(VmRun *run, VmValue self, int64_t *out)
{
    *out = VM_AS(VmRange, self)->len;
    return VM_OK;
}

static VmStatus
range_getitem(VmRun *run, VmValue self, VmValue key, VmValue *out)
{
    VmRange *r = VM_AS(VmRange, self);
    if (vm_is(key, &vm_type_slice)) {
        int64_t start, stop, step, n;
        if (vm_slice_indices(run, VM_AS(VmSlice, key), r->len, &start, &stop, &step, &n)
            != VM_OK) {
            return VM_ERR;
        }
        int64_t nstart = r->start + start * r->step;
        int64_t nstep = r->step * step;
        *out = vm_range_new(run, nstart, nstart + n * nstep, nstep);
        return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
    }
    int64_t i;
    if (vm_seq_index(run, key, r->len, &i, "range object") != VM_OK) {
        return VM_ERR;
    }
    *out = vm_val_int(r->start + i * r->step);
    return VM_OK;
}

static VmStatus
range_contains(VmRun *run, VmValue self, VmValue item, bool *out)
{
    VmRange *r = VM_AS(VmRange, self);
    if (item.tag == VM_TAG_INT || item.tag == VM_TAG_BOOL) {
        int64_t v = item.u.i;
        if (r->step > 0) {
            *out = v >= r->start && v < r->stop && (v - r->start) % r->step == 0;
        } else {
            *out = v <= r->start && v > r->stop && (r->start - v) % (-r->step) == 0;
        }
        return VM_OK;
    }
    *out = false;
    for (int64_t i = 0; i < r->len; i++) {
        bool eq;
        if (vm_eq(run, vm_val_int(r->start + i * r->step), item, &eq) != VM_OK) {
            return VM_ERR;
        }
        if (eq) {
            *out = true;
            break;
        }
    }
    return VM_OK;
}

static VmStatus
range_iter(VmRun *run, VmValue self, VmValue *out)
{
    *out = vm_iter_new(run, self, 3);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

static VmStatus
range_richcompare(VmRun *run, VmValue a, VmValue b, VmCmp op, VmValue *out)
{
    if (!vm_is(b, &vm_type_range) || (op != VM_CMP_EQ && op != VM_CMP_NE)) {
        *out = vm_val_empty();
        return VM_OK;
    }
    VmRange *x = VM_AS(VmRange, a), *y = VM_AS(VmRange, b);
    bool eq = x->len == y->len && (x->len == 0 || (x->start == y->start
                                                   && (x->len == 1 || x->step == y->step)));
    *out = vm_val_bool(op == VM_CMP_EQ ? eq : !eq);
    return VM_OK;
}

static VmStatus
range_getattr(VmRun *run, VmValue self, VmStr *name, VmValue *out)
{
    VmRange *r = VM_AS(VmRange, self);
    *out = vm_val_empty();
    if (vm_str_eq_cstr(name, "start")) {
        *out = vm_val_int(r->start);
    } else if (vm_str_eq_cstr(name, "stop")) {
        *out = vm_val_int(r->stop);
    } else if (vm_str_eq_cstr(name, "step")) {
        *out = vm_val_int(r->step);
    }
    return VM_OK;
}

static VmStatus
range_bool(VmRun *run, VmValue self, bool *out)
{
    *out = VM_AS(VmRange, self)->len != 0;
    return VM_OK;
}

VmStatus vm_range_new_from_args(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                                VmTuple *kwnames, VmValue *out);
extern const VmBuiltin *const vm_range_methods[];

const VmType vm_type_range = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "range", .base = &vm_type_object,
    .repr = range_repr, .len = range_len, .getitem = range_getitem,
    .contains = range_contains, .iter = range_iter, .richcompare = range_richcompare,
    .getattr = range_getattr, .bool_ = range_bool, .new_ = vm_range_new_from_args,
    .methods = vm_range_methods,
};

/* ---- slice ---------------------------------------------------------------- */

/* vm_slice_new: slice(start, stop, step) (None for omitted parts). */
VmValue
vm_slice_new(VmRun *run, VmValue start, VmValue stop, VmValue step)
{
    VmSlice *s = (VmSlice *)vm_obj_new(run, &vm_type_slice, sizeof(VmSlice));
    if (s == NULL) {
        return vm_val_empty();
    }
    s->start = start;
    s->stop = stop;
    s->step = step;
    return vm_obj_val(s);
}

static void
slice_trace(VmGc *gc, VmObj *o)
{
    VmSlice *s = (VmSlice *)o;
    vm_gc_mark(gc, s->start);
    vm_gc_mark(gc, s->stop);
    vm_gc_mark(gc, s->step);
}

static VmStatus
slice_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmSlice *s = VM_AS(VmSlice, self);
    VmStrBuf b;
    vm_sb_init(&b, run);
    vm_sb_adds(&b, "slice(");
    if (vm_sb_add_repr(&b, s->start) != VM_OK) {
        goto fail;
    }
    vm_sb_adds(&b, ", ");
    if (vm_sb_add_repr(&b, s->stop) != VM_OK) {
        goto fail;
    }
    vm_sb_adds(&b, ", ");
    if (vm_sb_add_repr(&b, s->step) != VM_OK) {
        goto fail;
    }
    vm_sb_adds(&b, ")");
    return vm_sb_to_str(&b, out);
fail:
    vm_sb_fini(&b);
    return VM_ERR;
}

/* Clamps an index value for slicing (None -> default). */
static VmStatus
slice_bound(VmRun *run, VmValue v, int64_t *out, bool *is_none)
{
    *is_none = vm_val_is_none(v);
    if (*is_none) {
        return VM_OK;
    }
    if (v.tag == VM_TAG_INT || v.tag == VM_TAG_BOOL) {
        *out = v.u.i;
        return VM_OK;
    }
    if (vm_is(v, &vm_type_int)) {
        *out = vm_int_sign(v) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
        return VM_OK;
    }
    return vm_raise(run, &vm_exc_TypeError,
                    "slice indices must be integers or None or have an __index__ method");
}

/* vm_slice_indices: CPython's PySlice_Unpack + PySlice_AdjustIndices. */
VmStatus
vm_slice_indices(VmRun *run, VmSlice *s, int64_t len, int64_t *start, int64_t *stop,
                 int64_t *step, int64_t *slicelen)
{
    bool none;
    int64_t st = 1, a, b;
    if (slice_bound(run, s->step, &st, &none) != VM_OK) {
        return VM_ERR;
    }
    if (none) {
        st = 1;
    }
    if (st == 0) {
        return vm_raise(run, &vm_exc_ValueError, "slice step cannot be zero");
    }
    if (slice_bound(run, s->start, &a, &none) != VM_OK) {
        return VM_ERR;
    }
    if (none) {
        a = st < 0 ? INT64_MAX / 2 : 0;
    }
    if (slice_bound(run, s->stop, &b, &none) != VM_OK) {
        return VM_ERR;
    }
    if (none) {
        b = st < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
    }
    if (a < 0) {
        a += len;
        if (a < 0) {
            a = st < 0 ? -1 : 0;
        }
    } else if (a >= len) {
        a = st < 0 ? len - 1 : len;
    }
    if (b < 0) {
        b += len;
        if (b < 0) {
            b = st < 0 ? -1 : 0;
        }
    } else if (b >= len) {
        b = st < 0 ? len - 1 : len;
    }
    int64_t n = 0;
    if (st < 0) {
        if (b < a) {
            n = (a - b - 1) / (-st) + 1;
        }
    } else if (a < b) {
        n = (b - a - 1) / st + 1;
    }
    *start = a;
    *stop = b;
    *step = st;
    *slicelen = n;
    return VM_OK;
}

/* vm_seq_index: normalises a subscript for a sequence of length len. */
VmStatus
vm_seq_index(VmRun *run, VmValue key, int64_t len, int64_t *out, const char *what)
{
    int64_t i;
    if (key.tag == VM_TAG_INT || key.tag == VM_TAG_BOOL) {
        i = key.u.i;
    } else if (vm_is(key, &vm_type_int)) {
        return vm_raise(run, &vm_exc_IndexError, "cannot fit 'int' into an index-sized integer");
    } else {
        const char *w = strcmp(what, "list assignment") == 0 ? "list" : what;
        if (strcmp(w, "string") == 0) {
            return vm_raise(run, &vm_exc_TypeError, "string indices must be integers, not '%s'",
                            vm_type_name(key));
        }
        return vm_raise(run, &vm_exc_TypeError, "%s indices must be integers or slices, not %s",
                        w, vm_type_name(key));
    }
    if (i < 0) {
        i += len;
    }
    if (i < 0 || i >= len) {
        /* bytes say just "index out of range" (their type error says "byte indices") */
        return vm_raise(run, &vm_exc_IndexError, "%s%sindex out of range",
                        strcmp(what, "byte") == 0 ? "" : what,
                        strcmp(what, "byte") == 0 ? "" : " ");
    }
    *out = i;
    return VM_OK;
}

static VmStatus
slice_getattr(VmRun *run, VmValue self, VmStr *name, VmValue *out)
{
    VmSlice *s = VM_AS(VmSlice, self);
    *out = vm_val_empty();
    if (vm_str_eq_cstr(name, "start")) {
        *out = s->start;
    } else if (vm_str_eq_cstr(name, "stop")) {
        *out = s->stop;
    } else if (vm_str_eq_cstr(name, "step")) {
        *out = s->step;
    }
    return VM_OK;
}

VmStatus vm_slice_new_from_args(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                                VmTuple *kwnames, VmValue *out);
extern const VmBuiltin *const vm_slice_methods[];

const VmType vm_type_slice = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "slice", .base = &vm_type_object,
    .trace = slice_trace, .repr = slice_repr, .getattr = slice_getattr,
    .new_ = vm_slice_new_from_args, .methods = vm_slice_methods,
};
