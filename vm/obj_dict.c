/*
 * obj_dict.c — dict: CPython's compact, insertion-ordered layout.
 *
 * An index table (power of two, >= 8 slots) maps hashes to positions in a dense
 * entry array kept in insertion order; iteration walks the entries. Probing follows
 * CPython (i = i*5 + perturb + 1, perturb >>= 5). Deleted entries leave a hole that
 * the next resize compacts.
 */
#include <string.h>

#include "vm/vm_int.h"

#define IX_EMPTY (-1)
#define IX_DUMMY (-2)

/* vm_dict_new: an empty dict (no table until the first insert). */
VmDict *
vm_dict_new(VmRun *run)
{
    return (VmDict *)vm_obj_new(run, &vm_type_dict, sizeof(VmDict));
}

static void
dict_trace(VmGc *gc, VmObj *o)
{
    VmDict *d = (VmDict *)o;
    for (size_t i = 0; i < d->nentries; i++) {
        vm_gc_mark(gc, d->entries[i].key);
        vm_gc_mark(gc, d->entries[i].value);
    }
}

static void
dict_fini(VmRun *run, VmObj *o)
{
    VmDict *d = (VmDict *)o;
    vm_heap_free(run, d->index);
    vm_heap_free(run, d->entries);
}

/* Rebuilds the index for a table of `size` slots, compacting the entries. */
static VmStatus
dict_resize(VmRun *run, VmDict *d, size_t size)
{
    size_t usable = size * 2 / 3;
    int32_t *ix = vm_heap_alloc(run, size * sizeof(int32_t));
    if (ix == NULL) {
        return VM_ERR;
    }
    VmDictEntry *ne = vm_heap_alloc(run, usable * sizeof(VmDictEntry));
    if (ne == NULL) {
        vm_heap_free(run, ix);
        return VM_ERR;
    }
    memset(ix, 0xFF, size * sizeof(int32_t));
    size_t mask = size - 1, n = 0;
    for (size_t k = 0; k < d->nentries; k++) {
        VmDictEntry *e = &d->entries[k];
        if (vm_val_is_empty(e->key)) {
            continue;
        }
        ne[n] = *e;
        uint64_t perturb = (uint64_t)e->hash;
        size_t i = (size_t)e->hash & mask;
        while (ix[i] != IX_EMPTY) {
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
        ix[i] = (int32_t)n++;
    }
    vm_heap_free(run, d->index);
    vm_heap_free(run, d->entries);
    d->index = ix;
    d->entries = ne;
    d->entries_cap = usable;
    d->nentries = n;
    d->mask = mask;
    return VM_OK;
}

/* Finds key: returns the index slot position, *entry = entry number or -1. */
static VmStatus
dict_lookup(VmRun *run, VmDict *d, VmValue key, int64_t hash, size_t *slot, int64_t *entry)
{
    *entry = -1;
    if (d->index == NULL) {
        return VM_OK;
    }
    size_t mask = d->mask;
    uint64_t perturb = (uint64_t)hash;
    size_t i = (size_t)hash & mask;
    int64_t first_dummy = -1;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == IX_EMPTY) {
            *slot = first_dummy >= 0 ? (size_t)first_dummy : i;
            return VM_OK;
        }
        if (ix == IX_DUMMY) {
            if (first_dummy < 0) {
                first_dummy = (int64_t)i;
            }
        } else {
            VmDictEntry *e = &d->entries[ix];
            if (vm_val_same(e->key, key)) {
                *slot = i;
                *entry = ix;
                return VM_OK;
            }
            if (e->hash == hash) {
                bool eq;
                VmDictEntry *before = d->entries;
                if (vm_eq(run, e->key, key, &eq) != VM_OK) {
                    return VM_ERR;
                }
                if (before != d->entries) {
                    return vm_raise(run, &vm_exc_RuntimeError,
                                    "dictionary changed size during iteration");
                }
                if (eq) {
                    *slot = i;
                    *entry = ix;
                    return VM_OK;
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

static VmStatus
key_hash(VmRun *run, VmValue key, int64_t *h)
{
    if (vm_is(key, &vm_type_str)) {
        *h = vm_str_hash(VM_AS(VmStr, key));
        return VM_OK;
    }
    return vm_hash(run, key, h);
}

/* vm_dict_get: d[key] or EMPTY if absent. */
VmStatus
vm_dict_get(VmRun *run, VmDict *d, VmValue key, VmValue *out)
{
    int64_t h, e;
    size_t slot;
    if (key_hash(run, key, &h) != VM_OK || dict_lookup(run, d, key, h, &slot, &e) != VM_OK) {
        return VM_ERR;
    }
    *out = e >= 0 ? d->entries[e].value : vm_val_empty();
    return VM_OK;
}

/* vm_dict_set: d[key] = value (keeps the position of an existing key). */
VmStatus
vm_dict_set(VmRun *run, VmDict *d, VmValue key, VmValue value)
{
    int64_t h, e;
    size_t slot;
    if (key_hash(run, key, &h) != VM_OK) {
        return VM_ERR;
    }
    if (d->index == NULL && dict_resize(run, d, 8) != VM_OK) {
        return VM_ERR;
    }
    if (dict_lookup(run, d, key, h, &slot, &e) != VM_OK) {
        return VM_ERR;
    }
    if (e >= 0) {
        d->entries[e].value = value;
        return VM_OK;
    }
    if (d->nentries == d->entries_cap) {
        size_t want = d->used * 3, size = 8;
        while (size < want) {
            size <<= 1;
        }
        if (dict_resize(run, d, size) != VM_OK
            || dict_lookup(run, d, key, h, &slot, &e) != VM_OK) {
            return VM_ERR;
        }
    }
    d->index[slot] = (int32_t)d->nentries;
    VmDictEntry *ne = &d->entries[d->nentries++];
    ne->hash = h;
    ne->key = key;
    ne->value = value;
    d->used++;
    return VM_OK;
}

/* vm_dict_del: removes key; *found tells whether it was there. */
VmStatus
vm_dict_del(VmRun *run, VmDict *d, VmValue key, bool *found)
{
    int64_t h, e;
    size_t slot;
    if (key_hash(run, key, &h) != VM_OK || dict_lookup(run, d, key, h, &slot, &e) != VM_OK) {
        return VM_ERR;
    }
    *found = e >= 0;
    if (e >= 0) {
        d->index[slot] = IX_DUMMY;
        d->entries[e].key = vm_val_empty();
        d->entries[e].value = vm_val_empty();
        d->used--;
    }
    return VM_OK;
}

/* vm_dict_get_str: fast lookup of a str key (names); EMPTY if absent. Never raises. */
VmValue
vm_dict_get_str(VmDict *d, VmStr *key)
{
    if (d->index == NULL) {
        return vm_val_empty();
    }
    int64_t hash = key->hash != -1 ? key->hash : vm_str_hash(key);
    size_t mask = d->mask;
    uint64_t perturb = (uint64_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == IX_EMPTY) {
            return vm_val_empty();
        }
        if (ix >= 0) {
            VmDictEntry *e = &d->entries[ix];
            /* names are interned: the same object is the common hit, no call needed */
            if (vm_val_is_obj(e->key) && e->key.u.o == &key->hdr) {
                return e->value;
            }
            if (e->hash == hash && vm_is(e->key, &vm_type_str)
                && vm_str_eq(VM_AS(VmStr, e->key), key)) {
                return e->value;
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

VmStatus
vm_dict_set_str(VmRun *run, VmDict *d, VmStr *key, VmValue value)
{
    return vm_dict_set(run, d, vm_obj_val(key), value);
}

/* vm_dict_update: d.update(other) for a dict or an iterable of pairs. */
VmStatus
vm_dict_update(VmRun *run, VmDict *d, VmValue other)
{
    /* dict subtypes (collections.Counter ...) share the layout */
    if (vm_isinstance(other, &vm_type_dict)) {
        VmDict *o = VM_AS(VmDict, other);
        for (size_t i = 0; i < o->nentries; i++) {
            if (vm_val_is_empty(o->entries[i].key)) {
                continue;
            }
            if (vm_dict_set(run, d, o->entries[i].key, o->entries[i].value) != VM_OK) {
                return VM_ERR;
            }
        }
        return VM_OK;
    }
    VmValue it, item;
    if (vm_iter(run, other, &it) != VM_OK) {
        return VM_ERR;
    }
    for (size_t n = 0;; n++) {
        VmStatus st = vm_next(run, it, &item);
        if (st == VM_STOP) {
            return VM_OK;
        }
        if (st != VM_OK) {
            return VM_ERR;
        }
        VmValue seq;
        if (vm_list_from_iter(run, item, &seq) != VM_OK) {
            return vm_raise(run, &vm_exc_TypeError,
                            "cannot convert dictionary update sequence element #%zu to a "
                            "sequence", n);
        }
        VmList *l = VM_AS(VmList, seq);
        if (l->len != 2) {
            return vm_raise(run, &vm_exc_ValueError,
                            "dictionary update sequence element #%zu has length %zu; 2 is "
                            "required", n, l->len);
        }
        if (vm_dict_set(run, d, l->items[0], l->items[1]) != VM_OK) {
            return VM_ERR;
        }
    }
}

static VmStatus
dict_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmDict *d = VM_AS(VmDict, self);
    if (d->hdr.gc_flags & 4u) {
        *out = vm_str_val(run, "{...}", 5);
        return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
    }
    d->hdr.gc_flags |= 4u;
    VmStrBuf b;
    vm_sb_init(&b, run);
    vm_sb_adds(&b, "{");
    bool first = true;
    VmStatus st = VM_OK;
    for (size_t i = 0; i < d->nentries && st == VM_OK; i++) {
        if (vm_val_is_empty(d->entries[i].key)) {
            continue;
        }
        if (!first) {
            vm_sb_adds(&b, ", ");
        }
        first = false;
        st = vm_sb_add_repr(&b, d->entries[i].key);
        vm_sb_adds(&b, ": ");
        if (st == VM_OK) {
            st = vm_sb_add_repr(&b, d->entries[i].value);
        }
    }
    d->hdr.gc_flags &= ~4u;
    vm_sb_adds(&b, "}");
    if (st != VM_OK) {
        vm_sb_fini(&b);
        return VM_ERR;
    }
    return vm_sb_to_str(&b, out);
}

static VmStatus
dict_richcompare(VmRun *run, VmValue a, VmValue b, VmCmp op, VmValue *out)
{
    if (!vm_is(b, &vm_type_dict) || (op != VM_CMP_EQ && op != VM_CMP_NE)) {
        *out = vm_val_empty();
        return VM_OK;
    }
    VmDict *x = VM_AS(VmDict, a), *y = VM_AS(VmDict, b);
    bool eq = x->used == y->used;
    for (size_t i = 0; eq && i < x->nentries; i++) {
        VmDictEntry *e = &x->entries[i];
        if (vm_val_is_empty(e->key)) {
            continue;
        }
        VmValue v;
        if (vm_dict_get(run, y, e->key, &v) != VM_OK) {
            return VM_ERR;
        }
        if (vm_val_is_empty(v)) {
            eq = false;
        } else if (!vm_val_same(v, e->value) && vm_eq(run, e->value, v, &eq) != VM_OK) {
            return VM_ERR;
        }
    }
    *out = vm_val_bool(op == VM_CMP_EQ ? eq : !eq);
    return VM_OK;
}

static VmStatus
dict_len(VmRun *run, VmValue self, int64_t *out)
{
    *out = (int64_t)VM_AS(VmDict, self)->used;
    return VM_OK;
}

static VmStatus
dict_getitem(VmRun *run, VmValue self, VmValue key, VmValue *out)
{
    if (vm_dict_get(run, VM_AS(VmDict, self), key, out) != VM_OK) {
        return VM_ERR;
    }
    if (vm_val_is_empty(*out)) {
        return vm_raise_with_arg(run, &vm_exc_KeyError, key);
    }
    return VM_OK;
}

static VmStatus
dict_setitem(VmRun *run, VmValue self, VmValue key, VmValue value)
{
    if (vm_val_is_empty(value)) {
        bool found;
        if (vm_dict_del(run, VM_AS(VmDict, self), key, &found) != VM_OK) {
            return VM_ERR;
        }
        return found ? VM_OK : vm_raise_with_arg(run, &vm_exc_KeyError, key);
    }
    return vm_dict_set(run, VM_AS(VmDict, self), key, value);
}

static VmStatus
dict_contains(VmRun *run, VmValue self, VmValue key, bool *out)
{
    VmValue v;
    if (vm_dict_get(run, VM_AS(VmDict, self), key, &v) != VM_OK) {
        return VM_ERR;
    }
    *out = !vm_val_is_empty(v);
    return VM_OK;
}

static VmStatus
dict_iter(VmRun *run, VmValue self, VmValue *out)
{
    *out = vm_iter_new(run, self, 4);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

VmStatus vm_dict_new_from_args(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                               VmTuple *kwnames, VmValue *out);
extern const VmBuiltin *const vm_dict_methods[];

const VmType vm_type_dict = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "dict", .base = &vm_type_object,
    .trace = dict_trace, .fini = dict_fini, .repr = dict_repr,
    .richcompare = dict_richcompare, .len = dict_len, .getitem = dict_getitem,
    .setitem = dict_setitem, .contains = dict_contains, .iter = dict_iter,
    .new_ = vm_dict_new_from_args, .methods = vm_dict_methods,
};
