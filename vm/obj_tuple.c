/*
 * obj_tuple.c — tuple: immutable, items inline; the empty tuple is immortal.
 */
#include <string.h>

#include "vm/vm_int.h"

const VmTuple vm_empty_tuple = { VM_IMMORTAL_HDR(&vm_type_tuple), 0 };

/* vm_tuple_new: a tuple of len EMPTY items to fill (the empty tuple for 0). */
VmTuple *
vm_tuple_new(VmRun *run, size_t len)
{
    if (len == 0) {
        return (VmTuple *)&vm_empty_tuple;
    }
    if (len > ((size_t)1 << 40)) {
        vm_raise(run, &vm_exc_MemoryError, "%s", "");
        return NULL;
    }
    VmTuple *t = (VmTuple *)vm_obj_new(run, &vm_type_tuple,
                                       sizeof(VmTuple) + len * sizeof(VmValue));
    if (t != NULL) {
        t->len = len;
    }
    return t;
}

static void
tuple_trace(VmGc *gc, VmObj *o)
{
    VmTuple *t = (VmTuple *)o;
    for (size_t i = 0; i < t->len; i++) {
        vm_gc_mark(gc, t->items[i]);
    }
}

/* Shared by list and tuple: "(1, 2)" / "[1, 2]". */
VmStatus vm_seq_repr(VmRun *run, const VmValue *items, size_t n, const char *open,
                     const char *close, bool one_comma, VmValue *out);
VmStatus
vm_seq_repr(VmRun *run, const VmValue *items, size_t n, const char *open, const char *close,
            bool one_comma, VmValue *out)
{
    VmStrBuf b;
    vm_sb_init(&b, run);
    vm_sb_adds(&b, open);
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            vm_sb_adds(&b, ", ");
        }
        if (vm_sb_add_repr(&b, items[i]) != VM_OK) {
            vm_sb_fini(&b);
            return VM_ERR;
        }
    }
    if (one_comma && n == 1) {
        vm_sb_adds(&b, ",");
    }
    vm_sb_adds(&b, close);
    return vm_sb_to_str(&b, out);
}

static VmStatus
tuple_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmTuple *t = VM_AS(VmTuple, self);
    return vm_seq_repr(run, t->items, t->len, "(", ")", true, out);
}

static VmStatus
tuple_hash(VmRun *run, VmValue self, int64_t *out)
{
    /* CPython's xxHash-based tuple hash */
    VmTuple *t = VM_AS(VmTuple, self);
    const uint64_t p1 = 11400714785074694791ULL, p2 = 14029467366897019727ULL,
                   p5 = 2870177450012600261ULL;
    uint64_t acc = p5;
    for (size_t i = 0; i < t->len; i++) {
        int64_t h;
        if (vm_hash(run, t->items[i], &h) != VM_OK) {
            return VM_ERR;
        }
        acc += (uint64_t)h * p2;
        acc = (acc << 31) | (acc >> 33);
        acc *= p1;
    }
    acc += t->len ^ (p5 ^ 3527539UL);
    if (acc == (uint64_t)-1) {
        acc = 1546275796;
    }
    *out = (int64_t)acc;
    return VM_OK;
}

/* Lexicographic comparison of two item arrays (list and tuple). */
VmStatus vm_seq_compare(VmRun *run, const VmValue *a, size_t na, const VmValue *b, size_t nb,
                        VmCmp op, VmValue *out);
VmStatus
vm_seq_compare(VmRun *run, const VmValue *a, size_t na, const VmValue *b, size_t nb, VmCmp op,
               VmValue *out)
{
    if ((op == VM_CMP_EQ || op == VM_CMP_NE) && na != nb) {
        *out = vm_val_bool(op == VM_CMP_NE);
        return VM_OK;
    }
    size_t i;
    for (i = 0; i < na && i < nb; i++) {
        bool eq;
        if (vm_val_same(a[i], b[i])) {
            continue;
        }
        if (vm_eq(run, a[i], b[i], &eq) != VM_OK) {
            return VM_ERR;
        }
        if (!eq) {
            break;
        }
    }
    if (i >= na || i >= nb) {
        bool r;
        switch (op) {
        case VM_CMP_LT: r = na < nb; break;
        case VM_CMP_LE: r = na <= nb; break;
        case VM_CMP_EQ: r = na == nb; break;
        case VM_CMP_NE: r = na != nb; break;
        case VM_CMP_GT: r = na > nb; break;
        default: r = na >= nb; break;
        }
        *out = vm_val_bool(r);
        return VM_OK;
    }
    if (op == VM_CMP_EQ) {
        *out = vm_val_bool(false);
        return VM_OK;
    }
    if (op == VM_CMP_NE) {
        *out = vm_val_bool(true);
        return VM_OK;
    }
    return vm_compare(run, a[i], b[i], op, out);
}

static VmStatus
tuple_richcompare(VmRun *run, VmValue a, VmValue b, VmCmp op, VmValue *out)
{
    if (!vm_is(b, &vm_type_tuple)) {
        *out = vm_val_empty();
        return VM_OK;
    }
    VmTuple *x = VM_AS(VmTuple, a), *y = VM_AS(VmTuple, b);
    return vm_seq_compare(run, x->items, x->len, y->items, y->len, op, out);
}

static VmStatus
tuple_len(VmRun *run, VmValue self, int64_t *out)
{
    *out = (int64_t)VM_AS(VmTuple, self)->len;
    return VM_OK;
}

static VmStatus
tuple_getitem(VmRun *run, VmValue self, VmValue key, VmValue *out)
{
    VmTuple *t = VM_AS(VmTuple, self);
    if (vm_is(key, &vm_type_slice)) {
        int64_t start, stop, step, n;
        if (vm_slice_indices(run, VM_AS(VmSlice, key), (int64_t)t->len, &start, &stop, &step,
                             &n) != VM_OK) {
            return VM_ERR;
        }
        if (n == (int64_t)t->len && step == 1) {
            *out = self;
            return VM_OK;
        }
        VmTuple *r = vm_tuple_new(run, (size_t)n);
        if (r == NULL) {
            return VM_ERR;
        }
        for (int64_t k = 0, i = start; k < n; k++, i += step) {
            r->items[k] = t->items[i];
        }
        *out = vm_obj_val(r);
        return VM_OK;
    }
    int64_t i;
    if (vm_seq_index(run, key, (int64_t)t->len, &i, "tuple") != VM_OK) {
        return VM_ERR;
    }
    *out = t->items[i];
    return VM_OK;
}

static VmStatus
tuple_contains(VmRun *run, VmValue self, VmValue item, bool *out)
{
    VmTuple *t = VM_AS(VmTuple, self);
    for (size_t i = 0; i < t->len; i++) {
        bool eq = vm_val_same(t->items[i], item);
        if (!eq && vm_eq(run, t->items[i], item, &eq) != VM_OK) {
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
tuple_iter(VmRun *run, VmValue self, VmValue *out)
{
    *out = vm_iter_new(run, self, 1);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

VmStatus vm_tuple_new_from_args(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                                VmTuple *kwnames, VmValue *out);
extern const VmBuiltin *const vm_tuple_methods[];

const VmType vm_type_tuple = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "tuple", .base = &vm_type_object,
    .trace = tuple_trace, .repr = tuple_repr, .hash = tuple_hash,
    .richcompare = tuple_richcompare, .len = tuple_len, .getitem = tuple_getitem,
    .contains = tuple_contains, .iter = tuple_iter, .new_ = vm_tuple_new_from_args,
    .methods = vm_tuple_methods,
};
