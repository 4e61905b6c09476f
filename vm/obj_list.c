/*
 * obj_list.c — list: a growable array of values (CPython's over-allocation pattern).
 */
#include <string.h>

#include "vm/vm_int.h"

VmStatus vm_seq_repr(VmRun *run, const VmValue *items, size_t n, const char *open,
                     const char *close, bool one_comma, VmValue *out);
VmStatus vm_seq_compare(VmRun *run, const VmValue *a, size_t na, const VmValue *b, size_t nb,
                        VmCmp op, VmValue *out);

/* vm_list_new: an empty list with room for cap items. */
VmList *
vm_list_new(VmRun *run, size_t cap)
{
    VmList *l = (VmList *)vm_obj_new(run, &vm_type_list, sizeof(VmList));
    if (l == NULL) {
        return NULL;
    }
    if (cap > 0) {
        if (cap > ((size_t)1 << 40)) {
            vm_raise(run, &vm_exc_MemoryError, "%s", "");
            return NULL;
        }
        l->items = vm_heap_alloc(run, cap * sizeof(VmValue));
        if (l->items == NULL) {
            return NULL;
        }
        l->cap = cap;
    }
    return l;
}

/* Ensures room for `extra` more items. */
VmStatus vm_list_reserve(VmRun *run, VmList *l, size_t extra);
VmStatus
vm_list_reserve(VmRun *run, VmList *l, size_t extra)
{
    if (l->len + extra <= l->cap) {
        return VM_OK;
    }
    size_t need = l->len + extra;
    size_t ncap = need + (need >> 3) + (need < 9 ? 3 : 6);
    VmValue *ni = vm_heap_realloc(run, l->items, ncap * sizeof(VmValue));
    if (ni == NULL) {
        return VM_ERR;
    }
    l->items = ni;
    l->cap = ncap;
    return VM_OK;
}

/* vm_list_append: l.append(v). */
VmStatus
vm_list_append(VmRun *run, VmList *l, VmValue v)
{
    if (l->len == l->cap && vm_list_reserve(run, l, 1) != VM_OK) {
        return VM_ERR;
    }
    l->items[l->len++] = v;
    return VM_OK;
}

/* vm_list_extend: l.extend(iterable). */
VmStatus
vm_list_extend(VmRun *run, VmList *l, VmValue iterable)
{
    if (vm_is(iterable, &vm_type_list) || vm_is(iterable, &vm_type_tuple)) {
        size_t n;
        VmValue *src;
        if (vm_is(iterable, &vm_type_list)) {
            n = VM_AS(VmList, iterable)->len;
            src = VM_AS(VmList, iterable)->items;
        } else {
            n = VM_AS(VmTuple, iterable)->len;
            src = VM_AS(VmTuple, iterable)->items;
        }
        if (n == 0) {
            return VM_OK;   /* items may be NULL: no pointer arithmetic on it */
        }
        if (vm_list_reserve(run, l, n) != VM_OK) {
            return VM_ERR;
        }
        /* src may be l->items itself (l.extend(l)): reread after reserve */
        if (vm_is(iterable, &vm_type_list)) {
            src = VM_AS(VmList, iterable)->items;
        }
        vm_memmove(l->items + l->len, src, n * sizeof(VmValue));
        l->len += n;
        return VM_OK;
    }
    VmValue it, v;
    if (vm_iter(run, iterable, &it) != VM_OK) {
        return VM_ERR;
    }
    for (uint32_t n = 0;; n++) {
        VmStatus st = vm_next(run, it, &v);
        if (st == VM_STOP) {
            return VM_OK;
        }
        if (st != VM_OK || vm_list_append(run, l, v) != VM_OK) {
            return VM_ERR;
        }
        if ((n & 4095) == 4095 && vm_check_time(run) != VM_OK) {
            return VM_ERR;
        }
    }
}

/* vm_list_from_iter: list(iterable). */
VmStatus
vm_list_from_iter(VmRun *run, VmValue iterable, VmValue *out)
{
    VmList *l = vm_list_new(run, 0);
    if (l == NULL || vm_list_extend(run, l, iterable) != VM_OK) {
        return VM_ERR;
    }
    *out = vm_obj_val(l);
    return VM_OK;
}

static void
list_trace(VmGc *gc, VmObj *o)
{
    VmList *l = (VmList *)o;
    for (size_t i = 0; i < l->len; i++) {
        vm_gc_mark(gc, l->items[i]);
    }
}

static void
list_fini(VmRun *run, VmObj *o)
{
    vm_heap_free(run, ((VmList *)o)->items);
}

static VmStatus
list_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmList *l = VM_AS(VmList, self);
    /* recursion guard for l.append(l): a list nested in itself prints [...] */
    if (l->hdr.gc_flags & 4u) {
        *out = vm_str_val(run, "[...]", 5);
        return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
    }
    l->hdr.gc_flags |= 4u;
    VmStatus st = vm_seq_repr(run, l->items, l->len, "[", "]", false, out);
    l->hdr.gc_flags &= ~4u;
    return st;
}

static VmStatus
list_richcompare(VmRun *run, VmValue a, VmValue b, VmCmp op, VmValue *out)
{
    if (!vm_is(b, &vm_type_list)) {
        *out = vm_val_empty();
        return VM_OK;
    }
    VmList *x = VM_AS(VmList, a), *y = VM_AS(VmList, b);
    return vm_seq_compare(run, x->items, x->len, y->items, y->len, op, out);
}

static VmStatus
list_len(VmRun *run, VmValue self, int64_t *out)
{
    *out = (int64_t)VM_AS(VmList, self)->len;
    return VM_OK;
}

static VmStatus
list_getitem(VmRun *run, VmValue self, VmValue key, VmValue *out)
{
    VmList *l = VM_AS(VmList, self);
    if (vm_is(key, &vm_type_slice)) {
        int64_t start, stop, step, n;
        if (vm_slice_indices(run, VM_AS(VmSlice, key), (int64_t)l->len, &start, &stop, &step,
                             &n) != VM_OK) {
            return VM_ERR;
        }
        VmList *r = vm_list_new(run, (size_t)n);
        if (r == NULL) {
            return VM_ERR;
        }
        for (int64_t k = 0, i = start; k < n; k++, i += step) {
            r->items[k] = l->items[i];
        }
        r->len = (size_t)n;
        *out = vm_obj_val(r);
        return VM_OK;
    }
    int64_t i;
    if (vm_seq_index(run, key, (int64_t)l->len, &i, "list") != VM_OK) {
        return VM_ERR;
    }
    *out = l->items[i];
    return VM_OK;
}

static VmStatus
list_set_slice(VmRun *run, VmList *l, VmSlice *sl, VmValue value)
{
    int64_t start, stop, step, n;
    if (vm_slice_indices(run, sl, (int64_t)l->len, &start, &stop, &step, &n) != VM_OK) {
        return VM_ERR;
    }
    VmValue src = vm_val_empty();
    size_t m = 0;
    VmValue *items = NULL;
    if (!vm_val_is_empty(value)) {
        if (vm_list_from_iter(run, value, &src) != VM_OK) {
            if (vm_val_is_obj(run->exc)
                && vm_isinstance(run->exc, &vm_exc_TypeError)) {
                return vm_raise(run, &vm_exc_TypeError, "must assign iterable to extended slice");
            }
            return VM_ERR;
        }
        m = VM_AS(VmList, src)->len;
        items = VM_AS(VmList, src)->items;
    }
    if (step == 1) {
        if (stop < start) {
            stop = start;
        }
        size_t old = (size_t)(stop - start);
        if (m > old && vm_list_reserve(run, l, m - old) != VM_OK) {
            return VM_ERR;
        }
        size_t tail = l->len - (size_t)stop;
        if (tail > 0) {     /* an empty list may have no items block: no pointer math on NULL */
            vm_memmove(l->items + start + m, l->items + stop, tail * sizeof(VmValue));
        }
        if (m > 0) {
            vm_memcpy(l->items + start, items, m * sizeof(VmValue));
        }
        l->len = l->len - old + m;
        return VM_OK;
    }
    if (vm_val_is_empty(value)) {
        /* delete extended slice */
        if (step < 0) {
            start = start + step * (n - 1);
            step = -step;
        }
        size_t w = 0;
        for (size_t i = 0; i < l->len; i++) {
            bool del = (int64_t)i >= start && ((int64_t)i - start) % step == 0
                       && ((int64_t)i - start) / step < n;
            if (!del) {
                l->items[w++] = l->items[i];
            }
        }
        l->len = w;
        return VM_OK;
    }
    if ((int64_t)m != n) {
        return vm_raise(run, &vm_exc_ValueError,
                        "attempt to assign sequence of size %zu to extended slice of size %lld",
                        m, (long long)n);
    }
    for (int64_t k = 0, i = start; k < n; k++, i += step) {
        l->items[i] = items[k];
    }
    return VM_OK;
}

static VmStatus
list_setitem(VmRun *run, VmValue self, VmValue key, VmValue value)
{
    VmList *l = VM_AS(VmList, self);
    if (vm_is(key, &vm_type_slice)) {
        return list_set_slice(run, l, VM_AS(VmSlice, key), value);
    }
    int64_t i;
    if (vm_seq_index(run, key, (int64_t)l->len, &i,
                     vm_val_is_empty(value) ? "list assignment" : "list assignment") != VM_OK) {
        return VM_ERR;
    }
    if (vm_val_is_empty(value)) {
        vm_memmove(l->items + i, l->items + i + 1, (l->len - (size_t)i - 1) * sizeof(VmValue));
        l->len--;
    } else {
        l->items[i] = value;
    }
    return VM_OK;
}

static VmStatus
list_contains(VmRun *run, VmValue self, VmValue item, bool *out)
{
    VmList *l = VM_AS(VmList, self);
    for (size_t i = 0; i < l->len; i++) {
        bool eq = vm_val_same(l->items[i], item);
        if (!eq && vm_eq(run, l->items[i], item, &eq) != VM_OK) {
            return VM_ERR;
        }
        if (eq) {
            *out = true;
            return VM_OK;
        }
    }
    *out = false;
    return VM_OK;
}

static VmStatus
list_iter(VmRun *run, VmValue self, VmValue *out)
{
    *out = vm_iter_new(run, self, 2);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

VmStatus vm_list_new_from_args(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                               VmTuple *kwnames, VmValue *out);
extern const VmBuiltin *const vm_list_methods[];

const VmType vm_type_list = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "list", .base = &vm_type_object,
    .trace = list_trace, .fini = list_fini, .repr = list_repr,
    .richcompare = list_richcompare, .len = list_len, .getitem = list_getitem,
    .setitem = list_setitem, .contains = list_contains, .iter = list_iter,
    .new_ = vm_list_new_from_args, .methods = vm_list_methods,
};
