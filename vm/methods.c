/*
 * methods.c — methods of the built-in types (first slice: the ones agent scripts use
 * most). Each is a static VmBuiltin with its owner type, listed in the type's table.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "vm/bigint.h"
#include "vm/lib_float.h"
#include "vm/lib_str.h"
#include "vm/unicode.h"
#include "vm/vm_int.h"

VmValue vm_dict_view_new(VmRun *run, VmValue dict, int kind);
VmStatus vm_sort_values(VmRun *run, VmValue *items, size_t n, VmValue key, bool reverse);
VmStatus vm_set_discard(VmRun *run, VmSet *s, VmValue key, bool *found);
VmStatus vm_format(VmRun *run, VmValue v, VmValue spec, VmValue *out);
VmStatus vm_ascii(VmRun *run, VmValue v, VmValue *out);

#define METHOD(cname, pyname, owner) \
    static VmStatus m_##cname(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, \
                              VmValue *out); \
    static const VmBuiltin mb_##cname = { VM_IMMORTAL_HDR(&vm_type_builtin), pyname, \
                                          m_##cname, owner }; \
    static VmStatus m_##cname(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, \
                              VmValue *out)

static VmStatus
nargs_check(VmRun *run, const char *name, VmValue self, size_t nargs, VmTuple *kwnames,
            size_t lo, size_t hi)
{
    if (kwnames != NULL && kwnames->len > 0) {
        /* CPython names the method with its type here: "dict.get() takes no keyword..." */
        const VmType *t = vm_type_of(self);
        while (strchr(t->name, '.') != NULL && t->base != NULL) {
            t = t->base;    /* collections.Counter -> dict */
        }
        if (strchr(name, '.') != NULL) {
            return vm_raise(run, &vm_exc_TypeError, "%s() takes no keyword arguments", name);
        }
        return vm_raise(run, &vm_exc_TypeError, "%s.%s() takes no keyword arguments", t->name,
                        name);
    }
    size_t n = nargs - 1;
    if (n < lo || n > hi) {
        if (lo == hi) {
            if (lo == 0) {
                return vm_raise(run, &vm_exc_TypeError,
                                "%s() takes no arguments (%zu given)", name, n);
            }
            if (lo >= 2) {
                return vm_raise(run, &vm_exc_TypeError, "%s expected %zu arguments, got %zu",
                                name, lo, n);
            }
            return vm_raise(run, &vm_exc_TypeError,
                            "%s() takes exactly one argument (%zu given)", name, n);
        }
        if (n < lo) {
            return vm_raise(run, &vm_exc_TypeError, "%s expected at least %zu argument%s, got %zu",
                            name, lo, lo == 1 ? "" : "s", n);
        }
        return vm_raise(run, &vm_exc_TypeError, "%s expected at most %zu argument%s, got %zu",
                        name, hi, hi == 1 ? "" : "s", n);
    }
    return VM_OK;
}

#define NARGS(name, lo, hi) \
    do { \
        if (nargs_check(run, name, args[0], nargs, kwnames, lo, hi) != VM_OK) { \
            return VM_ERR; \
        } \
    } while (0)

/* ---- list ---------------------------------------------------------------- */

METHOD(list_append, "append", &vm_type_list)
{
    NARGS("list.append", 1, 1);
    *out = vm_val_none();
    return vm_list_append(run, VM_AS(VmList, args[0]), args[1]);
}

METHOD(list_extend, "extend", &vm_type_list)
{
    if (nargs == 2 && vm_is_pyiter(args[1])) {
        return vm_defer(run, "_list_extend");
    }
    NARGS("list.extend", 1, 1);
    *out = vm_val_none();
    return vm_list_extend(run, VM_AS(VmList, args[0]), args[1]);
}

METHOD(list_pop, "pop", &vm_type_list)
{
    NARGS("pop", 0, 1);
    VmList *l = VM_AS(VmList, args[0]);
    if (l->len == 0) {
        return vm_raise(run, &vm_exc_IndexError, "pop from empty list");
    }
    int64_t i = (int64_t)l->len - 1;
    if (nargs == 2) {
        if (vm_index(run, args[1], &i) != VM_OK) {
            return VM_ERR;
        }
        if (i < 0) {
            i += (int64_t)l->len;
        }
        if (i < 0 || (size_t)i >= l->len) {
            return vm_raise(run, &vm_exc_IndexError, "pop index out of range");
        }
    }
    *out = l->items[i];
    vm_memmove(l->items + i, l->items + i + 1, (l->len - (size_t)i - 1) * sizeof(VmValue));
    l->len--;
    return VM_OK;
}

METHOD(list_insert, "insert", &vm_type_list)
{
    NARGS("insert", 2, 2);
    VmList *l = VM_AS(VmList, args[0]);
    int64_t i;
    if (vm_index(run, args[1], &i) != VM_OK) {
        return VM_ERR;
    }
    if (i < 0) {
        i += (int64_t)l->len;
        if (i < 0) {
            i = 0;
        }
    }
    if ((size_t)i > l->len) {
        i = (int64_t)l->len;
    }
    if (vm_list_append(run, l, vm_val_none()) != VM_OK) {
        return VM_ERR;
    }
    vm_memmove(l->items + i + 1, l->items + i, (l->len - 1 - (size_t)i) * sizeof(VmValue));
    l->items[i] = args[2];
    *out = vm_val_none();
    return VM_OK;
}

static VmStatus
find_in(VmRun *run, VmValue *items, size_t n, VmValue x, int64_t *at)
{
    for (size_t i = 0; i < n; i++) {
        bool eq = vm_val_same(items[i], x);
        if (!eq && vm_eq(run, items[i], x, &eq) != VM_OK) {
            return VM_ERR;
        }
        if (eq) {
            *at = (int64_t)i;
            return VM_OK;
        }
    }
    *at = -1;
    return VM_OK;
}

METHOD(list_remove, "remove", &vm_type_list)
{
    NARGS("list.remove", 1, 1);
    VmList *l = VM_AS(VmList, args[0]);
    int64_t i;
    if (find_in(run, l->items, l->len, args[1], &i) != VM_OK) {
        return VM_ERR;
    }
    if (i < 0) {
        return vm_raise(run, &vm_exc_ValueError, "list.remove(x): x not in list");
    }
    vm_memmove(l->items + i, l->items + i + 1, (l->len - (size_t)i - 1) * sizeof(VmValue));
    l->len--;
    *out = vm_val_none();
    return VM_OK;
}

static VmStatus
index_bounds(VmRun *run, VmValue *args, size_t nargs, size_t len, size_t *lo, size_t *hi)
{
    int64_t n = (int64_t)len, a = 0, b = n;
    if (nargs > 2 && vm_index(run, args[2], &a) != VM_OK) {
        return VM_ERR;
    }
    if (nargs > 3 && vm_index(run, args[3], &b) != VM_OK) {
        return VM_ERR;
    }
    a = a < 0 ? (a + n < 0 ? 0 : a + n) : (a > n ? n : a);
    b = b < 0 ? (b + n < 0 ? 0 : b + n) : (b > n ? n : b);
    *lo = (size_t)a;
    *hi = (size_t)(b < a ? a : b);
    return VM_OK;
}

METHOD(list_index, "index", &vm_type_list)
{
    NARGS("index", 1, 3);
    VmList *l = VM_AS(VmList, args[0]);
    int64_t i;
    size_t lo, hi;
    if (index_bounds(run, args, nargs, l->len, &lo, &hi) != VM_OK
        || find_in(run, l->items + lo, hi - lo, args[1], &i) != VM_OK) {
        return VM_ERR;
    }
    if (i >= 0) {
        i += (int64_t)lo;
    }
    if (i < 0) {
        VmValue r;
        if (vm_repr(run, args[1], &r) != VM_OK) {
            return VM_ERR;
        }
        return vm_raise(run, &vm_exc_ValueError, "%s is not in list", VM_AS(VmStr, r)->data);
    }
    *out = vm_val_int(i);
    return VM_OK;
}

METHOD(list_count, "count", &vm_type_list)
{
    NARGS("list.count", 1, 1);
    VmList *l = VM_AS(VmList, args[0]);
    int64_t n = 0;
    for (size_t i = 0; i < l->len; i++) {
        bool eq = vm_val_same(l->items[i], args[1]);
        if (!eq && vm_eq(run, l->items[i], args[1], &eq) != VM_OK) {
            return VM_ERR;
        }
        n += eq;
    }
    *out = vm_val_int(n);
    return VM_OK;
}

METHOD(list_reverse, "reverse", &vm_type_list)
{
    NARGS("list.reverse", 0, 0);
    VmList *l = VM_AS(VmList, args[0]);
    for (size_t i = 0, j = l->len; i + 1 < j; i++, j--) {
        VmValue t = l->items[i];
        l->items[i] = l->items[j - 1];
        l->items[j - 1] = t;
    }
    *out = vm_val_none();
    return VM_OK;
}

METHOD(list_copy, "copy", &vm_type_list)
{
    NARGS("list.copy", 0, 0);
    return vm_list_from_iter(run, args[0], out);
}

METHOD(list_clear, "clear", &vm_type_list)
{
    NARGS("list.clear", 0, 0);
    VM_AS(VmList, args[0])->len = 0;
    *out = vm_val_none();
    return VM_OK;
}

METHOD(list_sort, "sort", &vm_type_list)
{
    for (size_t k = 0; kwnames && k < kwnames->len; k++) {
        if (vm_is_pycallable(args[nargs - kwnames->len + k])) {
            return vm_defer(run, "_list_sort");
        }
    }
    size_t nkw = kwnames ? kwnames->len : 0;
    if (nargs - nkw != 1) {
        return vm_raise(run, &vm_exc_TypeError, "sort() takes no positional arguments");
    }
    VmValue key = vm_val_none();
    bool reverse = false;
    if (nkw > 2) {
        return vm_raise(run, &vm_exc_TypeError,
                        "sort() takes at most 2 keyword arguments (%zu given)", nkw);
    }
    for (size_t k = 0; k < nkw; k++) {
        VmStr *kn = VM_AS(VmStr, kwnames->items[k]);
        if (vm_str_eq_cstr(kn, "key")) {
            key = args[1 + k];
        } else if (vm_str_eq_cstr(kn, "reverse")) {
            if (vm_truth(run, args[1 + k], &reverse) != VM_OK) {
                return VM_ERR;
            }
        } else {
            static const char *const kws[] = { "key", "reverse" };
            return vm_raise_unexpected_kw(run, "sort", kn, kws, 2);
        }
    }
    VmList *l = VM_AS(VmList, args[0]);
    *out = vm_val_none();
    return vm_sort_values(run, l->items, l->len, key, reverse);
}

const VmBuiltin *const vm_list_methods[] = {
    &mb_list_append, &mb_list_extend, &mb_list_pop, &mb_list_insert, &mb_list_remove,
    &mb_list_index, &mb_list_count, &mb_list_reverse, &mb_list_copy, &mb_list_clear,
    &mb_list_sort, NULL,
};

/* ---- tuple ---------------------------------------------------------------- */

METHOD(tuple_index, "index", &vm_type_tuple)
{
    NARGS("index", 1, 3);
    VmTuple *t = VM_AS(VmTuple, args[0]);
    int64_t i;
    size_t lo, hi;
    if (index_bounds(run, args, nargs, t->len, &lo, &hi) != VM_OK
        || find_in(run, t->items + lo, hi - lo, args[1], &i) != VM_OK) {
        return VM_ERR;
    }
    if (i >= 0) {
        i += (int64_t)lo;
    }
    if (i < 0) {
        return vm_raise(run, &vm_exc_ValueError, "tuple.index(x): x not in tuple");
    }
    *out = vm_val_int(i);
    return VM_OK;
}

METHOD(tuple_count, "count", &vm_type_tuple)
{
    NARGS("tuple.count", 1, 1);
    VmTuple *t = VM_AS(VmTuple, args[0]);
    int64_t n = 0;
    for (size_t i = 0; i < t->len; i++) {
        bool eq = vm_val_same(t->items[i], args[1]);
        if (!eq && vm_eq(run, t->items[i], args[1], &eq) != VM_OK) {
            return VM_ERR;
        }
        n += eq;
    }
    *out = vm_val_int(n);
    return VM_OK;
}

const VmBuiltin *const vm_tuple_methods[] = { &mb_tuple_index, &mb_tuple_count, NULL };

/* ---- dict ----------------------------------------------------------------- */

METHOD(dict_get, "get", &vm_type_dict)
{
    NARGS("get", 1, 2);
    if (vm_dict_get(run, VM_AS(VmDict, args[0]), args[1], out) != VM_OK) {
        return VM_ERR;
    }
    if (vm_val_is_empty(*out)) {
        *out = nargs == 3 ? args[2] : vm_val_none();
    }
    return VM_OK;
}

METHOD(dict_keys, "keys", &vm_type_dict)
{
    NARGS("dict.keys", 0, 0);
    *out = vm_dict_view_new(run, args[0], 4);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

METHOD(dict_values, "values", &vm_type_dict)
{
    NARGS("dict.values", 0, 0);
    *out = vm_dict_view_new(run, args[0], 5);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

METHOD(dict_items, "items", &vm_type_dict)
{
    NARGS("dict.items", 0, 0);
    *out = vm_dict_view_new(run, args[0], 6);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

METHOD(dict_pop, "pop", &vm_type_dict)
{
    NARGS("pop", 1, 2);
    VmDict *d = VM_AS(VmDict, args[0]);
    if (vm_dict_get(run, d, args[1], out) != VM_OK) {
        return VM_ERR;
    }
    if (vm_val_is_empty(*out)) {
        if (nargs == 3) {
            *out = args[2];
            return VM_OK;
        }
        return vm_raise_with_arg(run, &vm_exc_KeyError, args[1]);
    }
    bool found;
    return vm_dict_del(run, d, args[1], &found);
}

METHOD(dict_setdefault, "setdefault", &vm_type_dict)
{
    NARGS("setdefault", 1, 2);
    VmDict *d = VM_AS(VmDict, args[0]);
    if (vm_dict_get(run, d, args[1], out) != VM_OK) {
        return VM_ERR;
    }
    if (vm_val_is_empty(*out)) {
        *out = nargs == 3 ? args[2] : vm_val_none();
        return vm_dict_set(run, d, args[1], *out);
    }
    return VM_OK;
}

METHOD(dict_update, "update", &vm_type_dict)
{
    if (nargs >= 2 && vm_is_pyiter(args[1])) {
        return vm_defer(run, "_dict_update");
    }
    size_t nkw = kwnames ? kwnames->len : 0;
    size_t npos = nargs - nkw - 1;
    if (npos > 1) {
        return vm_raise(run, &vm_exc_TypeError, "update expected at most 1 argument, got %zu",
                        npos);
    }
    VmDict *d = VM_AS(VmDict, args[0]);
    if (npos == 1 && vm_dict_update(run, d, args[1]) != VM_OK) {
        return VM_ERR;
    }
    for (size_t k = 0; k < nkw; k++) {
        if (vm_dict_set(run, d, kwnames->items[k], args[1 + npos + k]) != VM_OK) {
            return VM_ERR;
        }
    }
    *out = vm_val_none();
    return VM_OK;
}

METHOD(dict_copy, "copy", &vm_type_dict)
{
    NARGS("dict.copy", 0, 0);
    VmDict *d = vm_dict_new(run);
    if (d == NULL || vm_dict_update(run, d, args[0]) != VM_OK) {
        return VM_ERR;
    }
    *out = vm_obj_val(d);
    return VM_OK;
}

METHOD(dict_clear, "clear", &vm_type_dict)
{
    NARGS("dict.clear", 0, 0);
    VmDict *d = VM_AS(VmDict, args[0]);
    vm_heap_free(run, d->index);
    vm_heap_free(run, d->entries);
    d->index = NULL;
    d->entries = NULL;
    d->used = d->nentries = d->entries_cap = d->mask = 0;
    *out = vm_val_none();
    return VM_OK;
}

METHOD(dict_popitem, "popitem", &vm_type_dict)
{
    NARGS("dict.popitem", 0, 0);
    VmDict *d = VM_AS(VmDict, args[0]);
    if (d->used == 0) {
        return vm_raise(run, &vm_exc_KeyError, "popitem(): dictionary is empty");
    }
    size_t i = d->nentries;
    while (i > 0 && vm_val_is_empty(d->entries[i - 1].key)) {
        i--;
    }
    VmTuple *t = vm_tuple_new(run, 2);
    if (t == NULL) {
        return VM_ERR;
    }
    t->items[0] = d->entries[i - 1].key;
    t->items[1] = d->entries[i - 1].value;
    bool found;
    if (vm_dict_del(run, d, t->items[0], &found) != VM_OK) {
        return VM_ERR;
    }
    *out = vm_obj_val(t);
    return VM_OK;
}

const VmBuiltin *const vm_dict_methods[] = {
    &mb_dict_get, &mb_dict_keys, &mb_dict_values, &mb_dict_items, &mb_dict_pop,
    &mb_dict_setdefault, &mb_dict_update, &mb_dict_copy, &mb_dict_clear, &mb_dict_popitem,
    NULL,
};

/* ---- set ------------------------------------------------------------------- */

METHOD(set_add, "add", &vm_type_set)
{
    NARGS("set.add", 1, 1);
    *out = vm_val_none();
    return vm_set_add(run, VM_AS(VmSet, args[0]), args[1]);
}

METHOD(set_discard, "discard", &vm_type_set)
{
    NARGS("set.discard", 1, 1);
    bool found;
    *out = vm_val_none();
    return vm_set_discard(run, VM_AS(VmSet, args[0]), args[1], &found);
}

METHOD(set_remove, "remove", &vm_type_set)
{
    NARGS("set.remove", 1, 1);
    bool found;
    if (vm_set_discard(run, VM_AS(VmSet, args[0]), args[1], &found) != VM_OK) {
        return VM_ERR;
    }
    if (!found) {
        return vm_raise_with_arg(run, &vm_exc_KeyError, args[1]);
    }
    *out = vm_val_none();
    return VM_OK;
}

METHOD(set_update, "update", &vm_type_set)
{
    for (size_t k = 1; k < nargs; k++) {
        if (vm_is_pyiter(args[k])) {
            return vm_defer(run, "_set_update");
        }
    }
    *out = vm_val_none();
    for (size_t i = 1; i < nargs; i++) {
        if (vm_set_update(run, VM_AS(VmSet, args[0]), args[i]) != VM_OK) {
            return VM_ERR;
        }
    }
    return VM_OK;
}

VmStatus vm_set_binop(VmRun *run, int op, VmValue a, VmValue b, bool inplace, VmValue *out);

/* Applies op with every argument (any iterable, converted to a set first). */
static VmStatus
set_multi(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, int op, bool inplace,
          const char *name, VmValue *out)
{
    if (kwnames != NULL && kwnames->len > 0) {
        return vm_raise(run, &vm_exc_TypeError, "%s() takes no keyword arguments", name);
    }
    VmValue acc = args[0];
    if (!inplace) {
        VmSet *c = vm_set_new(run, VM_AS(VmSet, args[0])->hdr.type);
        if (c == NULL || vm_set_update(run, c, args[0]) != VM_OK) {
            return VM_ERR;
        }
        acc = vm_obj_val(c);
    }
    for (size_t i = 1; i < nargs; i++) {
        VmValue other = args[i];
        if (!vm_is(other, &vm_type_set) && !vm_is(other, &vm_type_frozenset)) {
            VmSet *o = vm_set_new(run, &vm_type_set);
            if (o == NULL || vm_set_update(run, o, other) != VM_OK) {
                return VM_ERR;
            }
            other = vm_obj_val(o);
        }
        if (vm_set_binop(run, op, acc, other, true, &acc) != VM_OK) {
            return VM_ERR;
        }
    }
    *out = inplace ? vm_val_none() : acc;
    return VM_OK;
}

#define SET_OP(cname, pyname, op, inplace, owner) \
    METHOD(cname, pyname, owner) \
    { \
        return set_multi(run, args, nargs, kwnames, op, inplace, pyname, out); \
    }

SET_OP(set_union, "union", VM_OP_OR, false, &vm_type_set)
SET_OP(set_intersection, "intersection", VM_OP_AND, false, &vm_type_set)
SET_OP(set_difference, "difference", VM_OP_SUB, false, &vm_type_set)
SET_OP(set_symdiff, "symmetric_difference", VM_OP_XOR, false, &vm_type_set)
SET_OP(set_inter_upd, "intersection_update", VM_OP_AND, true, &vm_type_set)
SET_OP(set_diff_upd, "difference_update", VM_OP_SUB, true, &vm_type_set)
SET_OP(set_symdiff_upd, "symmetric_difference_update", VM_OP_XOR, true, &vm_type_set)
SET_OP(fset_union, "union", VM_OP_OR, false, &vm_type_frozenset)
SET_OP(fset_intersection, "intersection", VM_OP_AND, false, &vm_type_frozenset)
SET_OP(fset_difference, "difference", VM_OP_SUB, false, &vm_type_frozenset)
SET_OP(fset_symdiff, "symmetric_difference", VM_OP_XOR, false, &vm_type_frozenset)

static VmStatus
set_relation(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, int rel, VmValue *out)
{
    NARGS(rel == 0 ? "issubset" : rel == 1 ? "issuperset" : "isdisjoint", 1, 1);
    VmSet *o = vm_set_new(run, &vm_type_set);
    if (o == NULL || vm_set_update(run, o, args[1]) != VM_OK) {
        return VM_ERR;
    }
    VmSet *a = VM_AS(VmSet, args[0]), *b = o;
    if (rel == 1) {
        a = o;
        b = VM_AS(VmSet, args[0]);
    }
    bool r = true;
    for (size_t i = 0; i <= a->mask && r; i++) {
        bool in;
        if (vm_val_is_empty(a->table[i].key)) {
            continue;
        }
        if (vm_set_contains(run, b, a->table[i].key, &in) != VM_OK) {
            return VM_ERR;
        }
        r = rel == 2 ? !in : in;
    }
    *out = vm_val_bool(r);
    return VM_OK;
}

METHOD(set_issubset, "issubset", &vm_type_set)
{
    return set_relation(run, args, nargs, kwnames, 0, out);
}

METHOD(set_issuperset, "issuperset", &vm_type_set)
{
    return set_relation(run, args, nargs, kwnames, 1, out);
}

METHOD(set_isdisjoint, "isdisjoint", &vm_type_set)
{
    return set_relation(run, args, nargs, kwnames, 2, out);
}

METHOD(set_pop, "pop", &vm_type_set)
{
    NARGS("set.pop", 0, 0);
    VmSet *s = VM_AS(VmSet, args[0]);
    if (s->used == 0) {
        return vm_raise(run, &vm_exc_KeyError, "pop from an empty set");
    }
    size_t i = s->finger & s->mask;
    while (vm_val_is_empty(s->table[i].key)) {
        i = (i + 1) & s->mask;
    }
    *out = s->table[i].key;
    s->table[i].key = vm_val_empty();
    s->table[i].hash = -1;
    s->used--;
    s->finger = (uint32_t)((i + 1) & s->mask);
    return VM_OK;
}

METHOD(set_clear, "clear", &vm_type_set)
{
    NARGS("set.clear", 0, 0);
    VmSet *s = VM_AS(VmSet, args[0]);
    VmSet *n = vm_set_new(run, &vm_type_set);
    if (n == NULL) {
        return VM_ERR;
    }
    VmSetEntry *t = s->table;
    s->table = n->table;
    n->table = t;
    n->mask = s->mask;
    s->mask = 7;
    s->fill = s->used = 0;
    *out = vm_val_none();
    return VM_OK;
}

METHOD(set_copy, "copy", &vm_type_set)
{
    NARGS("set.copy", 0, 0);
    VmSet *n = vm_set_new(run, VM_AS(VmSet, args[0])->hdr.type);
    if (n == NULL || vm_set_update(run, n, args[0]) != VM_OK) {
        return VM_ERR;
    }
    *out = vm_obj_val(n);
    return VM_OK;
}

const VmBuiltin *const vm_set_methods[] = {
    &mb_set_add, &mb_set_discard, &mb_set_remove, &mb_set_update, &mb_set_union,
    &mb_set_intersection, &mb_set_difference, &mb_set_symdiff, &mb_set_inter_upd,
    &mb_set_diff_upd, &mb_set_symdiff_upd, &mb_set_issubset, &mb_set_issuperset,
    &mb_set_isdisjoint, &mb_set_pop, &mb_set_clear, &mb_set_copy, NULL,
};
const VmBuiltin *const vm_frozenset_methods[] = {
    &mb_fset_union, &mb_fset_intersection, &mb_fset_difference, &mb_fset_symdiff,
    &mb_set_issubset, &mb_set_issuperset, &mb_set_isdisjoint, &mb_set_copy, NULL,
};

/* ---- str ------------------------------------------------------------------- */

METHOD(str_join, "join", &vm_type_str)
{
    if (nargs == 2 && vm_is_pyiter(args[1])) {
        return vm_defer(run, "_str_join");
    }
    NARGS("str.join", 1, 1);
    VmStr *sep = VM_AS(VmStr, args[0]);
    VmValue lst;
    if (vm_list_from_iter(run, args[1], &lst) != VM_OK) {
        return VM_ERR;
    }
    VmList *l = VM_AS(VmList, lst);
    return vm_str_join_items(run, sep, l->items, l->len, out);
}

VmStatus vm_lib_case(VmRun *run, const VmStr *s, int how, VmValue *out);
bool vm_lib_str_is(const VmStr *s, int pred);
size_t vm_str_offset(const VmStr *s, size_t i);
VmValue vm_str_sub(VmRun *run, VmStr *s, size_t start, size_t stop);
VmValue vm_value_bytes(VmRun *run, const uint8_t *data, size_t len);

/* LIB's VmUnicodeCase order: upper, lower, casefold, title, capitalize, swapcase */
static VmStatus
str_case(VmRun *run, VmValue self, int mode, VmValue *out)
{
    static const int map[] = { 0, 1, 3, 4, 5, 2 };
    const VmStr *s = VM_AS(VmStr, self);
    if (s->ascii && mode <= 1) {
        /* ASCII upper/lower: one byte in, one byte out */
        VmStr *r = vm_str_alloc(run, s->len);
        if (r == NULL) {
            return VM_ERR;
        }
        for (size_t i = 0; i < s->len; i++) {
            unsigned char c = (unsigned char)s->data[i];
            if (mode == 0 ? (c >= 'a' && c <= 'z') : (c >= 'A' && c <= 'Z')) {
                c ^= 0x20;
            }
            r->data[i] = (char)c;
        }
        r->nchars = s->len;
        r->ascii = true;
        *out = vm_obj_val(r);
        return VM_OK;
    }
    return vm_lib_case(run, s, map[mode], out);
}

METHOD(str_upper, "upper", &vm_type_str)
{
    NARGS("str.upper", 0, 0);
    return str_case(run, args[0], 0, out);
}

METHOD(str_lower, "lower", &vm_type_str)
{
    NARGS("str.lower", 0, 0);
    return str_case(run, args[0], 1, out);
}

METHOD(str_title, "title", &vm_type_str)
{
    NARGS("str.title", 0, 0);
    return str_case(run, args[0], 2, out);
}

METHOD(str_capitalize, "capitalize", &vm_type_str)
{
    NARGS("str.capitalize", 0, 0);
    return str_case(run, args[0], 3, out);
}

METHOD(str_swapcase, "swapcase", &vm_type_str)
{
    NARGS("str.swapcase", 0, 0);
    return str_case(run, args[0], 4, out);
}

METHOD(str_casefold, "casefold", &vm_type_str)
{
    NARGS("str.casefold", 0, 0);
    return str_case(run, args[0], 5, out);
}

/* ASCII bytes that str.isspace() accepts: \t \n \v \f \r, \x1c-\x1f and space. */
static bool
ascii_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
}

/* strip/lstrip/rstrip: Unicode-correct through LIB's vm_str_strip; the common case
 * (no chars argument, ASCII at the ends) is decided byte by byte here. */
static VmStatus
str_strip_impl(VmRun *run, VmValue *args, size_t nargs, int which, VmValue *out)
{
    VmStr *s = VM_AS(VmStr, args[0]);
    const char *chars = NULL;
    size_t nch = 0;
    if (nargs == 2 && !vm_val_is_none(args[1])) {
        if (!vm_is(args[1], &vm_type_str)) {
            return vm_raise(run, &vm_exc_TypeError, "strip arg must be None or str");
        }
        chars = VM_AS(VmStr, args[1])->data;
        nch = VM_AS(VmStr, args[1])->len;
    }
    const unsigned char *d = (const unsigned char *)s->data;
    size_t a = 0, b = s->len;
    if (chars == NULL) {
        if (which != 2) {
            while (a < b && d[a] < 0x80 && ascii_space(d[a])) {
                a++;
            }
        }
        if (which != 1) {
            while (b > a && d[b - 1] < 0x80 && ascii_space(d[b - 1])) {
                b--;
            }
        }
        if ((a < b && d[a] >= 0x80 && which != 2) || (b > a && d[b - 1] >= 0x80 && which != 1)) {
            size_t a2, b2;      /* a non-ASCII end: Unicode whitespace (\xa0, \u3000...) */
            vm_str_strip(s->data + a, b - a, NULL, 0, which == 1 ? 'l' : which == 2 ? 'r' : 'b',
                         &a2, &b2);
            b = a + b2;
            a += a2;
        }
    } else {
        size_t a2, b2;
        vm_str_strip(s->data, s->len, chars, nch, which == 1 ? 'l' : which == 2 ? 'r' : 'b',
                     &a2, &b2);
        a = a2;
        b = b2;
    }
    if (a == 0 && b == s->len) {
        *out = args[0];
        return VM_OK;
    }
    VmStr *r = vm_str_piece(run, s, s->data + a, b - a);
    *out = r != NULL ? vm_obj_val(r) : vm_val_empty();
    return r != NULL ? VM_OK : VM_ERR;
}

METHOD(str_strip, "strip", &vm_type_str)
{
    NARGS("strip", 0, 1);
    return str_strip_impl(run, args, nargs, 0, out);
}

METHOD(str_lstrip, "lstrip", &vm_type_str)
{
    NARGS("lstrip", 0, 1);
    return str_strip_impl(run, args, nargs, 1, out);
}

METHOD(str_rstrip, "rstrip", &vm_type_str)
{
    NARGS("rstrip", 0, 1);
    return str_strip_impl(run, args, nargs, 2, out);
}

/*
 * s.replace(old, new, count) for a non-empty old: counts the matches first, then
 * writes the result into one exact allocation (no growing buffer, no rescan of the
 * result when the code points are known). No match returns s itself, as CPython.
 */
static VmStatus
str_replace_exact(VmRun *run, VmStr *s, const VmStr *old, const VmStr *new_, int64_t count,
                  VmValue *out)
{
    const char *end = s->data + s->len;
    size_t k = 0;
    for (const char *p = s->data; count < 0 || (int64_t)k < count; k++) {
        const char *q = old->len == 1 ? memchr(p, old->data[0], (size_t)(end - p))
                                      : memmem(p, (size_t)(end - p), old->data, old->len);
        if (q == NULL) {
            break;
        }
        p = q + old->len;
    }
    if (k == 0) {
        *out = vm_obj_val(s);
        return VM_OK;
    }
    size_t len = s->len - k * old->len;
    if (new_->len != 0 && k > (((size_t)1 << 46) - len) / new_->len) {
        return vm_heap_check(run, (size_t)1 << 47);
    }
    len += k * new_->len;
    if (vm_heap_check(run, len) != VM_OK) {
        return VM_ERR;
    }
    VmStr *r = vm_str_alloc(run, len);
    if (r == NULL) {
        return VM_ERR;
    }
    char *w = r->data;
    const char *p = s->data;
    for (size_t i = 0; i < k; i++) {
        const char *q = old->len == 1 ? memchr(p, old->data[0], (size_t)(end - p))
                                      : memmem(p, (size_t)(end - p), old->data, old->len);
        vm_memcpy(w, p, (size_t)(q - p));
        w += q - p;
        if (new_->len == 1) {
            *w++ = new_->data[0];
        } else {
            vm_memcpy(w, new_->data, new_->len);
            w += new_->len;
        }
        p = q + old->len;
    }
    vm_memcpy(w, p, (size_t)(end - p));
    if (s->ascii && new_->ascii) {
        r->nchars = len;
        r->ascii = true;
    } else {
        vm_str_finish(r);
    }
    *out = vm_obj_val(r);
    return VM_OK;
}

METHOD(str_replace, "replace", &vm_type_str)
{
    if (kwnames != NULL && kwnames->len == 1 && nargs == 4
        && vm_str_eq_cstr(VM_AS(VmStr, kwnames->items[0]), "count")) {
        kwnames = NULL;     /* replace(old, new, count=n) (3.13) */
    }
    if (kwnames == NULL && nargs < 3) {
        return vm_raise(run, &vm_exc_TypeError,
                        "replace() takes at least 2 positional arguments (%zu given)", nargs - 1);
    }
    if (kwnames == NULL && nargs > 4) {
        return vm_raise(run, &vm_exc_TypeError,
                        "replace() takes at most 3 arguments (%zu given)", nargs - 1);
    }
    NARGS("replace", 2, 3);
    if (!vm_is(args[1], &vm_type_str) || !vm_is(args[2], &vm_type_str)) {
        return vm_raise(run, &vm_exc_TypeError, "replace() argument 1 must be str, not %s",
                        vm_type_name(vm_is(args[1], &vm_type_str) ? args[2] : args[1]));
    }
    VmStr *s = VM_AS(VmStr, args[0]), *old = VM_AS(VmStr, args[1]), *new_ = VM_AS(VmStr, args[2]);
    int64_t count = -1;
    if (nargs == 4 && vm_index(run, args[3], &count) != VM_OK) {
        return VM_ERR;
    }
    if (old->len != 0) {
        return str_replace_exact(run, s, old, new_, count, out);
    }
    VmStrBuf b;
    vm_sb_init(&b, run);
    const char *p = s->data, *end = s->data + s->len;
    if (old->len == 0) {
        while (count != 0) {
            vm_sb_add(&b, new_->data, new_->len);
            count--;
            if (p >= end) {
                break;
            }
            const char *q = p + 1;
            while (q < end && ((unsigned char)*q & 0xC0) == 0x80) {
                q++;
            }
            vm_sb_add(&b, p, (size_t)(q - p));
            p = q;
        }
        vm_sb_add(&b, p, (size_t)(end - p));
        return vm_sb_to_str(&b, out);
    }
    while (count != 0) {
        const char *q = memmem(p, (size_t)(end - p), old->data, old->len);
        if (q == NULL) {
            break;
        }
        vm_sb_add(&b, p, (size_t)(q - p));
        vm_sb_add(&b, new_->data, new_->len);
        p = q + old->len;
        count--;
    }
    vm_sb_add(&b, p, (size_t)(end - p));
    return vm_sb_to_str(&b, out);
}

static VmStatus sub_range(VmRun *run, VmStr *s, VmValue *args, size_t nargs, size_t first,
                          size_t *a, size_t *b);

static VmStatus
affix(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, bool start, VmValue *out)
{
    NARGS(start ? "startswith" : "endswith", 1, 3);
    VmStr *whole = VM_AS(VmStr, args[0]);
    size_t a, b;
    if (sub_range(run, whole, args, nargs, 2, &a, &b) != VM_OK) {
        return VM_ERR;
    }
    if (a > b) {
        *out = vm_val_bool(false);
        return VM_OK;
    }
    VmStr sub_hdr;
    VmStr *s = &sub_hdr;
    memset(&sub_hdr, 0, sizeof sub_hdr);
    const char *base = whole->data + a;
    sub_hdr.len = b - a;
    VmValue *cands = &args[1];
    size_t n = 1;
    if (vm_is(args[1], &vm_type_tuple)) {
        cands = VM_AS(VmTuple, args[1])->items;
        n = VM_AS(VmTuple, args[1])->len;
    }
    for (size_t i = 0; i < n; i++) {
        if (!vm_is(cands[i], &vm_type_str)) {
            return vm_raise(run, &vm_exc_TypeError,
                            "%s first arg must be str or a tuple of str, not %s",
                            start ? "startswith" : "endswith", vm_type_name(cands[i]));
        }
        VmStr *x = VM_AS(VmStr, cands[i]);
        if (x->len <= s->len
            && memcmp(start ? base : base + s->len - x->len, x->data, x->len) == 0) {
            *out = vm_val_bool(true);
            return VM_OK;
        }
    }
    *out = vm_val_bool(false);
    return VM_OK;
}

METHOD(str_startswith, "startswith", &vm_type_str)
{
    return affix(run, args, nargs, kwnames, true, out);
}

METHOD(str_endswith, "endswith", &vm_type_str)
{
    return affix(run, args, nargs, kwnames, false, out);
}

/* Byte range of s[start:end] from optional start/end arguments (slice rules). */
static VmStatus
sub_range(VmRun *run, VmStr *s, VmValue *args, size_t nargs, size_t first, size_t *a,
          size_t *b)
{
    int64_t n = (int64_t)s->nchars, lo = 0, hi = n;
    if (nargs > first && !vm_val_is_none(args[first])) {
        if (vm_index(run, args[first], &lo) != VM_OK) {
            return VM_ERR;
        }
        lo = lo < 0 ? (lo + n < 0 ? 0 : lo + n) : lo;
    }
    if (nargs > first + 1 && !vm_val_is_none(args[first + 1])) {
        if (vm_index(run, args[first + 1], &hi) != VM_OK) {
            return VM_ERR;
        }
        hi = hi < 0 ? (hi + n < 0 ? 0 : hi + n) : hi;
    }
    if (hi > n) {
        hi = n;
    }
    if (lo > n) {
        *a = s->len + 1;    /* empty, and past the end: find gives -1 */
        *b = s->len;
        return VM_OK;
    }
    if (hi < lo) {
        hi = lo;
    }
    *a = vm_str_offset(s, (size_t)lo);
    *b = vm_str_offset(s, (size_t)hi);
    return VM_OK;
}

static size_t
cp_index(const VmStr *s, const char *p)
{
    size_t idx = 0;
    for (const char *q = s->data; q < p; q++) {
        if (((unsigned char)*q & 0xC0) != 0x80) {
            idx++;
        }
    }
    return idx;
}

/* mode: 0 find, 1 index, 2 count, 3 rfind, 4 rindex */
static VmStatus
str_find_impl(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, int mode,
              VmValue *out)
{
    static const char *const names[] = { "find", "index", "count", "rfind", "rindex" };
    NARGS(names[mode], 1, 3);
    if (!vm_is(args[1], &vm_type_str)) {
        return vm_raise(run, &vm_exc_TypeError, "must be str, not %s", vm_type_name(args[1]));
    }
    VmStr *s = VM_AS(VmStr, args[0]), *x = VM_AS(VmStr, args[1]);
    size_t a, b;
    if (sub_range(run, s, args, nargs, 2, &a, &b) != VM_OK) {
        return VM_ERR;
    }
    if (mode == 2) {
        int64_t n = 0;
        if (a > b) {
            *out = vm_val_int(0);
            return VM_OK;
        }
        if (x->len == 0) {
            *out = vm_val_int((int64_t)(cp_index(s, s->data + b) - cp_index(s, s->data + a)) + 1);
            return VM_OK;
        }
        const char *p = s->data + a, *end = s->data + b;
        for (;;) {
            const char *q = x->len == 1 ? memchr(p, x->data[0], (size_t)(end - p))
                                        : memmem(p, (size_t)(end - p), x->data, x->len);
            if (q == NULL) {
                break;
            }
            n++;
            p = q + x->len;
        }
        *out = vm_val_int(n);
        return VM_OK;
    }
    const char *found = NULL;
    if (a <= b) {
        if (mode == 3 || mode == 4) {
            if (x->len <= b - a) {
                for (const char *p = s->data + b - x->len;; p--) {
                    if (memcmp(p, x->data, x->len) == 0) {
                        found = p;
                        break;
                    }
                    if (p == s->data + a) {
                        break;
                    }
                }
            }
        } else {
            found = x->len == 0 ? s->data + a
                    : x->len == 1 ? memchr(s->data + a, x->data[0], b - a)
                                  : memmem(s->data + a, b - a, x->data, x->len);
        }
    }
    if (found == NULL) {
        if (mode == 1 || mode == 4) {
            return vm_raise(run, &vm_exc_ValueError, "substring not found");
        }
        *out = vm_val_int(-1);
        return VM_OK;
    }
    *out = vm_val_int((int64_t)cp_index(s, found));
    return VM_OK;
}

METHOD(str_rfind, "rfind", &vm_type_str)
{
    return str_find_impl(run, args, nargs, kwnames, 3, out);
}

METHOD(str_rindex, "rindex", &vm_type_str)
{
    return str_find_impl(run, args, nargs, kwnames, 4, out);
}

static VmStatus
partition(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, bool right, VmValue *out)
{
    NARGS(right ? "str.rpartition" : "str.partition", 1, 1);
    if (!vm_is(args[1], &vm_type_str)) {
        return vm_raise(run, &vm_exc_TypeError, "must be str, not %s", vm_type_name(args[1]));
    }
    VmStr *s = VM_AS(VmStr, args[0]), *sep = VM_AS(VmStr, args[1]);
    if (sep->len == 0) {
        return vm_raise(run, &vm_exc_ValueError, "empty separator");
    }
    const char *q = NULL;
    if (!right) {
        q = memmem(s->data, s->len, sep->data, sep->len);
    } else if (sep->len <= s->len) {
        for (const char *p = s->data + s->len - sep->len;; p--) {
            if (memcmp(p, sep->data, sep->len) == 0) {
                q = p;
                break;
            }
            if (p == s->data) {
                break;
            }
        }
    }
    VmTuple *t = vm_tuple_new(run, 3);
    if (t == NULL) {
        return VM_ERR;
    }
    if (q == NULL) {
        VmValue empty = vm_str_val(run, "", 0);
        t->items[0] = right ? empty : args[0];
        t->items[1] = empty;
        t->items[2] = right ? args[0] : empty;
    } else {
        VmStr *h = vm_str_piece(run, s, s->data, (size_t)(q - s->data));
        VmStr *tl = h ? vm_str_piece(run, s, q + sep->len,
                                     (size_t)(s->data + s->len - q - sep->len)) : NULL;
        t->items[0] = h ? vm_obj_val(h) : vm_val_empty();
        t->items[1] = args[1];
        t->items[2] = tl ? vm_obj_val(tl) : vm_val_empty();
    }
    for (int i = 0; i < 3; i++) {
        if (vm_val_is_empty(t->items[i])) {
            return VM_ERR;
        }
    }
    *out = vm_obj_val(t);
    return VM_OK;
}

METHOD(str_partition, "partition", &vm_type_str)
{
    return partition(run, args, nargs, kwnames, false, out);
}

METHOD(str_rpartition, "rpartition", &vm_type_str)
{
    return partition(run, args, nargs, kwnames, true, out);
}

static VmStatus
affix_remove(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, bool prefix,
             VmValue *out)
{
    NARGS(prefix ? "removeprefix" : "removesuffix", 1, 1);
    if (!vm_is(args[1], &vm_type_str)) {
        return vm_raise(run, &vm_exc_TypeError, "%s() argument must be str, not %s",
                        prefix ? "removeprefix" : "removesuffix", vm_type_name(args[1]));
    }
    VmStr *s = VM_AS(VmStr, args[0]), *x = VM_AS(VmStr, args[1]);
    if (x->len == 0 || x->len > s->len
        || memcmp(prefix ? s->data : s->data + s->len - x->len, x->data, x->len) != 0) {
        *out = args[0];
        return VM_OK;
    }
    *out = prefix ? vm_str_val(run, s->data + x->len, s->len - x->len)
                  : vm_str_val(run, s->data, s->len - x->len);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

METHOD(str_removeprefix, "removeprefix", &vm_type_str)
{
    return affix_remove(run, args, nargs, kwnames, true, out);
}

METHOD(str_removesuffix, "removesuffix", &vm_type_str)
{
    return affix_remove(run, args, nargs, kwnames, false, out);
}


METHOD(str_expandtabs, "expandtabs", &vm_type_str)
{
    static const char *const names[] = { "self", "tabsize" };
    VmValue a[2];
    if (vm_parse_args(run, "expandtabs", args, nargs, kwnames, names, 2, 1, 1, a) != VM_OK) {
        return VM_ERR;
    }
    int64_t ts = 8;
    if (!vm_val_is_empty(a[1]) && vm_index(run, a[1], &ts) != VM_OK) {
        return VM_ERR;
    }
    VmStr *s = VM_AS(VmStr, args[0]);
    VmStrBuf b;
    vm_sb_init(&b, run);
    int64_t col = 0;
    for (size_t i = 0; i < s->len; i++) {
        char c = s->data[i];
        if (c == '\t') {
            if (ts > 0) {
                int64_t n = ts - col % ts;
                for (int64_t k = 0; k < n; k++) {
                    vm_sb_adds(&b, " ");
                }
                col += n;
            }
        } else {
            vm_sb_add(&b, &c, 1);
            if (c == '\n' || c == '\r') {
                col = 0;
            } else if (((unsigned char)c & 0xC0) != 0x80) {
                col++;
            }
        }
    }
    return vm_sb_to_str(&b, out);
}

VmStatus vm_lib_codec(VmRun *run, bool encode, VmValue *args, size_t nargs, VmTuple *kwnames,
                      VmValue *out);

METHOD(str_encode, "encode", &vm_type_str)
{
    return vm_lib_codec(run, true, args, nargs, kwnames, out);
}

METHOD(str_find, "find", &vm_type_str)
{
    return str_find_impl(run, args, nargs, kwnames, 0, out);
}

METHOD(str_index, "index", &vm_type_str)
{
    return str_find_impl(run, args, nargs, kwnames, 1, out);
}

METHOD(str_count, "count", &vm_type_str)
{
    return str_find_impl(run, args, nargs, kwnames, 2, out);
}

METHOD(str_isalpha, "isalpha", &vm_type_str)
{
    NARGS("str.isalpha", 0, 0);
    *out = vm_val_bool(vm_lib_str_is(VM_AS(VmStr, args[0]), 0));
    return VM_OK;
}

METHOD(str_isdecimal, "isdecimal", &vm_type_str)
{
    NARGS("str.isdecimal", 0, 0);
    *out = vm_val_bool(vm_lib_str_is(VM_AS(VmStr, args[0]), 1));
    return VM_OK;
}

METHOD(str_isdigit, "isdigit", &vm_type_str)
{
    NARGS("str.isdigit", 0, 0);
    *out = vm_val_bool(vm_lib_str_is(VM_AS(VmStr, args[0]), 2));
    return VM_OK;
}

METHOD(str_isnumeric, "isnumeric", &vm_type_str)
{
    NARGS("str.isnumeric", 0, 0);
    *out = vm_val_bool(vm_lib_str_is(VM_AS(VmStr, args[0]), 3));
    return VM_OK;
}

METHOD(str_isspace, "isspace", &vm_type_str)
{
    NARGS("str.isspace", 0, 0);
    *out = vm_val_bool(vm_lib_str_is(VM_AS(VmStr, args[0]), 4));
    return VM_OK;
}

METHOD(str_isalnum, "isalnum", &vm_type_str)
{
    NARGS("str.isalnum", 0, 0);
    *out = vm_val_bool(vm_lib_str_is(VM_AS(VmStr, args[0]), 5));
    return VM_OK;
}

METHOD(str_isprintable, "isprintable", &vm_type_str)
{
    NARGS("str.isprintable", 0, 0);
    *out = vm_val_bool(vm_lib_str_is(VM_AS(VmStr, args[0]), 6));
    return VM_OK;
}

METHOD(str_isupper, "isupper", &vm_type_str)
{
    NARGS("str.isupper", 0, 0);
    *out = vm_val_bool(vm_lib_str_is(VM_AS(VmStr, args[0]), 7));
    return VM_OK;
}

METHOD(str_islower, "islower", &vm_type_str)
{
    NARGS("str.islower", 0, 0);
    *out = vm_val_bool(vm_lib_str_is(VM_AS(VmStr, args[0]), 8));
    return VM_OK;
}

METHOD(str_istitle, "istitle", &vm_type_str)
{
    NARGS("str.istitle", 0, 0);
    *out = vm_val_bool(vm_lib_str_is(VM_AS(VmStr, args[0]), 9));
    return VM_OK;
}

METHOD(str_isidentifier, "isidentifier", &vm_type_str)
{
    NARGS("str.isidentifier", 0, 0);
    *out = vm_val_bool(vm_lib_str_is(VM_AS(VmStr, args[0]), 10));
    return VM_OK;
}

METHOD(str_isascii, "isascii", &vm_type_str)
{
    NARGS("str.isascii", 0, 0);
    *out = vm_val_bool(vm_lib_str_is(VM_AS(VmStr, args[0]), 11));
    return VM_OK;
}

static VmStatus
str_just(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, char align, VmValue *out)
{
    NARGS(align == '<' ? "ljust" : align == '>' ? "rjust" : "center", 1, 2);
    VmStr *s = VM_AS(VmStr, args[0]);
    int64_t w;
    if (vm_index(run, args[1], &w) != VM_OK) {
        return VM_ERR;
    }
    char fill = ' ';
    if (nargs == 3) {
        if (!vm_is(args[2], &vm_type_str) || VM_AS(VmStr, args[2])->nchars != 1) {
            return vm_raise(run, &vm_exc_TypeError,
                            "The fill character must be exactly one character long");
        }
        fill = VM_AS(VmStr, args[2])->data[0];
    }
    if (w <= (int64_t)s->nchars) {
        *out = args[0];
        return VM_OK;
    }
    if (vm_heap_check(run, (size_t)w) != VM_OK) {
        return VM_ERR;
    }
    size_t padn = (size_t)w - s->nchars, left = 0;
    if (align == '>') {
        left = padn;
    } else if (align == '^') {
        left = padn / 2 + (padn & (size_t)w & 1);
    }
    VmStrBuf b;
    vm_sb_init(&b, run);
    for (size_t i = 0; i < left; i++) {
        vm_sb_add(&b, &fill, 1);
    }
    vm_sb_add(&b, s->data, s->len);
    for (size_t i = left; i < padn; i++) {
        vm_sb_add(&b, &fill, 1);
    }
    return vm_sb_to_str(&b, out);
}

METHOD(str_ljust, "ljust", &vm_type_str)
{
    return str_just(run, args, nargs, kwnames, '<', out);
}

METHOD(str_rjust, "rjust", &vm_type_str)
{
    return str_just(run, args, nargs, kwnames, '>', out);
}

METHOD(str_center, "center", &vm_type_str)
{
    return str_just(run, args, nargs, kwnames, '^', out);
}

METHOD(str_zfill, "zfill", &vm_type_str)
{
    NARGS("str.zfill", 1, 1);
    VmStr *s = VM_AS(VmStr, args[0]);
    int64_t w;
    if (vm_index(run, args[1], &w) != VM_OK) {
        return VM_ERR;
    }
    if (w <= (int64_t)s->nchars) {
        *out = args[0];
        return VM_OK;
    }
    if (vm_heap_check(run, (size_t)w) != VM_OK) {
        return VM_ERR;
    }
    VmStrBuf b;
    vm_sb_init(&b, run);
    size_t start = 0;
    if (s->len > 0 && (s->data[0] == '-' || s->data[0] == '+')) {
        vm_sb_add(&b, s->data, 1);
        start = 1;
    }
    for (size_t i = 0; i < (size_t)w - s->nchars; i++) {
        vm_sb_adds(&b, "0");
    }
    vm_sb_add(&b, s->data + start, s->len - start);
    return vm_sb_to_str(&b, out);
}


/* Resolves one replacement field's value: `name` / index, then .attr and [key]. */
static VmStatus
format_field_value(VmRun *run, const char *field, const char *fend, VmValue *args, size_t npos,
                   VmTuple *kwnames, VmValue mapping, int *numbering, size_t *auto_ix,
                   VmValue *out)
{
    const char *p = field;
    while (p < fend && *p != '.' && *p != '[') {
        p++;
    }
    size_t nlen = (size_t)(p - field);
    bool digits = nlen > 0;
    for (size_t k = 0; k < nlen; k++) {
        digits = digits && field[k] >= '0' && field[k] <= '9';
    }
    if (nlen == 0 || digits) {
        if (nlen == 0) {
            if (*numbering == 1) {
                return vm_raise(run, &vm_exc_ValueError,
                                "cannot switch from manual field specification to automatic "
                                "field numbering");
            }
            *numbering = 2;
        } else {
            if (*numbering == 2) {
                return vm_raise(run, &vm_exc_ValueError,
                                "cannot switch from automatic field numbering to manual field "
                                "specification");
            }
            *numbering = 1;
        }
        size_t ix = nlen == 0 ? (*auto_ix)++ : (size_t)strtoul(field, NULL, 10);
        if (ix >= npos) {
            return vm_raise(run, &vm_exc_IndexError,
                            "Replacement index %zu out of range for positional args tuple", ix);
        }
        *out = args[ix];
    } else {
        VmValue key = vm_str_val(run, field, nlen);
        if (vm_val_is_empty(key)) {
            return VM_ERR;
        }
        *out = vm_val_empty();
        if (!vm_val_is_empty(mapping)) {
            if (vm_getitem(run, mapping, key, out) != VM_OK) {
                return VM_ERR;
            }
        } else {
            size_t nkw = kwnames ? kwnames->len : 0;
            for (size_t k = 0; k < nkw; k++) {
                if (vm_str_eq(VM_AS(VmStr, kwnames->items[k]), VM_AS(VmStr, key))) {
                    *out = args[npos + k];
                }
            }
            if (vm_val_is_empty(*out)) {
                return vm_raise_with_arg(run, &vm_exc_KeyError, key);
            }
        }
    }
    while (p < fend) {
        if (*p == '.') {
            const char *a = ++p;
            while (p < fend && *p != '.' && *p != '[') {
                p++;
            }
            VmStr *attr = vm_str_new(run, a, (size_t)(p - a));
            if (attr == NULL || vm_getattr(run, *out, attr, out) != VM_OK) {
                return VM_ERR;
            }
        } else {
            const char *a = ++p;
            while (p < fend && *p != ']') {
                p++;
            }
            if (p >= fend) {
                return vm_raise(run, &vm_exc_ValueError, "Missing ']' in format string");
            }
            bool num = p > a;
            for (const char *q = a; q < p; q++) {
                num = num && *q >= '0' && *q <= '9';
            }
            VmValue key = num ? vm_val_int((int64_t)strtoll(a, NULL, 10))
                              : vm_str_val(run, a, (size_t)(p - a));
            if (vm_val_is_empty(key) || vm_getitem(run, *out, key, out) != VM_OK) {
                return VM_ERR;
            }
            p++;
        }
    }
    return VM_OK;
}

static VmStatus
format_impl(VmRun *run, VmStr *f, VmValue *args, size_t npos, VmTuple *kwnames,
            VmValue mapping, size_t *auto_ixp, int *numberingp, VmValue *out)
{
    size_t auto_local = 0;
    int numbering_local = 0;
    size_t *auto_ix = auto_ixp ? auto_ixp : &auto_local;
    int *numbering = numberingp ? numberingp : &numbering_local;
    VmStrBuf b;
    vm_sb_init(&b, run);
    const char *p = f->data, *end = f->data + f->len;
    while (p < end) {
        if (*p == '{' && p + 1 < end && p[1] == '{') {
            vm_sb_adds(&b, "{");
            p += 2;
            continue;
        }
        if (*p == '}' && p + 1 < end && p[1] == '}') {
            vm_sb_adds(&b, "}");
            p += 2;
            continue;
        }
        if (*p != '{') {
            if (*p == '}') {
                vm_sb_fini(&b);
                return vm_raise(run, &vm_exc_ValueError,
                                "Single '}' encountered in format string");
            }
            vm_sb_add(&b, p++, 1);
            continue;
        }
        /* find the matching '}' (a spec may hold one nested level of fields) */
        const char *q = p + 1;
        int depth = 1;
        while (q < end && depth > 0) {
            if (*q == '{') {
                depth++;
            } else if (*q == '}') {
                depth--;
            }
            if (depth > 0) {
                q++;
            }
        }
        if (q >= end) {
            vm_sb_fini(&b);
            return vm_raise(run, &vm_exc_ValueError, "Single '{' encountered in format string");
        }
        const char *field = p + 1;
        const char *fend = field;
        while (fend < q && *fend != '!' && *fend != ':') {
            if (*fend == '[') {
                while (fend < q && *fend != ']') {
                    fend++;
                }
            }
            if (fend < q) {
                fend++;
            }
        }
        char conv = 0;
        const char *spec = q;
        if (fend < q && *fend == '!') {
            conv = fend + 1 < q ? fend[1] : 0;
            spec = fend + 2;
        } else if (fend < q) {
            spec = fend;
        }
        VmValue v;
        if (format_field_value(run, field, fend, args, npos, kwnames, mapping, numbering,
                               auto_ix, &v) != VM_OK) {
            vm_sb_fini(&b);
            return VM_ERR;
        }
        if ((conv == 'r' && vm_repr(run, v, &v) != VM_OK)
            || (conv == 's' && vm_str(run, v, &v) != VM_OK)
            || (conv == 'a' && vm_ascii(run, v, &v) != VM_OK)) {
            vm_sb_fini(&b);
            return VM_ERR;
        }
        VmValue specv = vm_val_empty();
        if (spec < q && *spec == ':') {
            VmValue inner;
            VmStr *sp = vm_str_new(run, spec + 1, (size_t)(q - spec - 1));
            if (sp == NULL) {
                vm_sb_fini(&b);
                return VM_ERR;
            }
            if (memchr(sp->data, '{', sp->len) != NULL) {
                /* nested fields in the spec: format the spec itself first */
                if (format_impl(run, sp, args, npos, kwnames, mapping, auto_ix, numbering,
                                &inner) != VM_OK) {
                    vm_sb_fini(&b);
                    return VM_ERR;
                }
                specv = inner;
            } else {
                specv = vm_obj_val(sp);
            }
        }
        VmValue s;
        if (vm_format(run, v, specv, &s) != VM_OK) {
            vm_sb_fini(&b);
            return VM_ERR;
        }
        vm_sb_add(&b, VM_AS(VmStr, s)->data, VM_AS(VmStr, s)->len);
        p = q + 1;
    }
    return vm_sb_to_str(&b, out);
}

METHOD(str_format, "format", &vm_type_str)
{
    size_t nkw = kwnames ? kwnames->len : 0;
    return format_impl(run, VM_AS(VmStr, args[0]), args + 1, nargs - 1 - nkw, kwnames,
                       vm_val_empty(), NULL, NULL, out);
}

METHOD(str_format_map, "format_map", &vm_type_str)
{
    NARGS("str.format_map", 1, 1);
    return format_impl(run, VM_AS(VmStr, args[0]), NULL, 0, NULL, args[1], NULL, NULL, out);
}


/* ---- numbers --------------------------------------------------------------- */

VmStatus vm_lib_raise(VmRun *run, const VmLibError *err);
void vm_lib_buf_init(VmRun *run, VmBuf *b);

/* byteorder_arg: the 'little'/'big' argument of to_bytes/from_bytes (absent: big). */
static VmStatus
byteorder_arg(VmRun *run, const char *fname, VmValue v, bool *little)
{
    *little = false;
    if (vm_val_is_empty(v)) {
        return VM_OK;
    }
    if (!vm_is(v, &vm_type_str)) {
        return vm_raise(run, &vm_exc_TypeError, "%s() argument 'byteorder' must be str, not %s",
                        fname, vm_type_name(v));
    }
    VmLibError err;
    vm_lib_error_clear(&err);
    const VmStr *s = VM_AS(VmStr, v);
    if (!vm_bigint_byteorder(s->data, s->len, little, &err)) {
        return vm_lib_raise(run, &err);
    }
    return VM_OK;
}

METHOD(int_to_bytes, "to_bytes", &vm_type_int)
{
    static const char *const names[] = { "self", "length", "byteorder", "signed" };
    VmValue a[4];
    if (vm_parse_args(run, "to_bytes", args, nargs, kwnames, names, 4, 1, 1, a) != VM_OK) {
        return VM_ERR;
    }
    int64_t length = 1;
    bool little, is_signed = false;
    if ((!vm_val_is_empty(a[1]) && vm_index(run, a[1], &length) != VM_OK)
        || byteorder_arg(run, "to_bytes", a[2], &little) != VM_OK
        || (!vm_val_is_empty(a[3]) && vm_truth(run, a[3], &is_signed) != VM_OK)) {
        return VM_ERR;
    }
    mp_int n;
    if (vm_int_to_mp(run, args[0], &n) != VM_OK) {
        return VM_ERR;
    }
    VmBuf b;
    VmLibError err;
    vm_lib_error_clear(&err);
    vm_lib_buf_init(run, &b);
    bool ok = vm_bigint_to_bytes(&n, length, little, is_signed, &b, &err);
    mp_clear(&n);
    if (!ok || b.failed) {
        vm_buf_fini(&b);
        if (ok && vm_val_is_empty(run->exc) && run->heap.limit == VM_LIMIT_NONE) {
            return vm_raise(run, &vm_exc_MemoryError, "%s", "");
        }
        return ok ? VM_ERR : vm_lib_raise(run, &err);
    }
    *out = vm_value_bytes(run, (const uint8_t *)(b.data ? b.data : ""), b.len);
    vm_buf_fini(&b);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

/* int.from_bytes(bytes, byteorder='big', *, signed=False): a class method (found on the
 * type, see type_getattr). */
static VmStatus
int_from_bytes_fn(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    static const char *const names[] = { "bytes", "byteorder", "signed" };
    VmValue a[3];
    if (vm_parse_args(run, "from_bytes", args, nargs, kwnames, names, 3, 1, 0, a) != VM_OK) {
        return VM_ERR;
    }
    bool little, is_signed = false;
    if (byteorder_arg(run, "from_bytes", a[1], &little) != VM_OK
        || (!vm_val_is_empty(a[2]) && vm_truth(run, a[2], &is_signed) != VM_OK)) {
        return VM_ERR;
    }
    if (!vm_is(a[0], &vm_type_bytes)) {
        return vm_raise(run, &vm_exc_TypeError, "cannot convert '%s' object to bytes",
                        vm_type_name(a[0]));
    }
    const VmBytes *by = VM_AS(VmBytes, a[0]);
    mp_int n;
    VmLibError err;
    vm_lib_error_clear(&err);
    if (mp_init(&n) != MP_OKAY) {
        return vm_raise(run, &vm_exc_MemoryError, "%s", "");
    }
    if (!vm_bigint_from_bytes(by->data, by->len, little, is_signed, &n, &err)) {
        mp_clear(&n);
        return vm_lib_raise(run, &err);
    }
    *out = vm_int_from_mp(run, &n);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

const VmBuiltin vm_int_from_bytes_b = { VM_IMMORTAL_HDR(&vm_type_builtin), "from_bytes",
                                        int_from_bytes_fn, NULL };

/* float.fromhex(string): a class method (found on the type, see type_getattr). */
static VmStatus
float_fromhex_fn(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    if (kwnames != NULL && kwnames->len > 0) {
        return vm_raise(run, &vm_exc_TypeError, "float.fromhex() takes no keyword arguments");
    }
    if (nargs != 1) {
        return vm_raise(run, &vm_exc_TypeError,
                        "float.fromhex() takes exactly one argument (%zu given)", nargs);
    }
    if (!vm_is(args[0], &vm_type_str)) {
        return vm_raise(run, &vm_exc_TypeError, "bad argument type for built-in operation");
    }
    const VmStr *s = VM_AS(VmStr, args[0]);
    VmLibError err;
    vm_lib_error_clear(&err);
    double d;
    if (!vm_float_fromhex(s->data, s->len, &d, &err)) {
        return vm_lib_raise(run, &err);
    }
    *out = vm_val_float(d);
    return VM_OK;
}

const VmBuiltin vm_float_fromhex_b = { VM_IMMORTAL_HDR(&vm_type_builtin), "fromhex",
                                       float_fromhex_fn, NULL };

METHOD(int_bit_length, "bit_length", &vm_type_int)
{
    NARGS("int.bit_length", 0, 0);
    mp_int n;
    if (vm_int_to_mp(run, args[0], &n) != VM_OK) {
        return VM_ERR;
    }
    *out = vm_val_int(mp_count_bits(&n));
    mp_clear(&n);
    return VM_OK;
}

METHOD(int_bit_count, "bit_count", &vm_type_int)
{
    NARGS("int.bit_count", 0, 0);
    mp_int n;
    if (vm_int_to_mp(run, args[0], &n) != VM_OK) {
        return VM_ERR;
    }
    int64_t c = 0;
    for (int i = 0; i < n.used; i++) {
        c += __builtin_popcountll((unsigned long long)n.dp[i]);
    }
    mp_clear(&n);
    *out = vm_val_int(c);
    return VM_OK;
}

METHOD(int_conjugate, "conjugate", &vm_type_int)
{
    NARGS("int.conjugate", 0, 0);
    *out = args[0].tag == VM_TAG_BOOL ? vm_val_int(args[0].u.i) : args[0];
    return VM_OK;
}

METHOD(int_is_integer, "is_integer", &vm_type_int)
{
    NARGS("int.is_integer", 0, 0);
    *out = vm_val_bool(true);
    return VM_OK;
}

METHOD(int_as_integer_ratio, "as_integer_ratio", &vm_type_int)
{
    NARGS("int.as_integer_ratio", 0, 0);
    VmTuple *t = vm_tuple_new(run, 2);
    if (t == NULL) {
        return VM_ERR;
    }
    t->items[0] = args[0].tag == VM_TAG_BOOL ? vm_val_int(args[0].u.i) : args[0];
    t->items[1] = vm_val_int(1);
    *out = vm_obj_val(t);
    return VM_OK;
}

const VmBuiltin *const vm_int_methods[] = {
    &mb_int_bit_length, &mb_int_bit_count, &mb_int_conjugate, &mb_int_is_integer,
    &mb_int_as_integer_ratio, &mb_int_to_bytes, NULL,
};

METHOD(float_is_integer, "is_integer", &vm_type_float)
{
    NARGS("float.is_integer", 0, 0);
    double d = args[0].u.f;
    *out = vm_val_bool(d == (double)(int64_t)d || (d == d && d - d == 0 && d == __builtin_floor(d)));
    return VM_OK;
}

METHOD(float_as_integer_ratio, "as_integer_ratio", &vm_type_float)
{
    NARGS("float.as_integer_ratio", 0, 0);
    mp_int num, den;
    VmLibError err;
    vm_lib_error_clear(&err);
    if (mp_init_multi(&num, &den, NULL) != MP_OKAY) {
        return vm_raise(run, &vm_exc_MemoryError, "%s", "");
    }
    if (!vm_float_as_integer_ratio(args[0].u.f, &num, &den, &err)) {
        mp_clear_multi(&num, &den, NULL);
        return vm_lib_raise(run, &err);
    }
    VmTuple *t = vm_tuple_new(run, 2);
    if (t == NULL) {
        mp_clear_multi(&num, &den, NULL);
        return VM_ERR;
    }
    t->items[0] = vm_int_from_mp(run, &num);
    t->items[1] = vm_int_from_mp(run, &den);
    if (vm_val_is_empty(t->items[0]) || vm_val_is_empty(t->items[1])) {
        return VM_ERR;
    }
    *out = vm_obj_val(t);
    return VM_OK;
}

METHOD(float_hex, "hex", &vm_type_float)
{
    NARGS("float.hex", 0, 0);
    char buf[64];
    vm_float_hex(args[0].u.f, buf);
    *out = vm_str_val(run, buf, strlen(buf));
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

METHOD(float_conjugate, "conjugate", &vm_type_float)
{
    NARGS("float.conjugate", 0, 0);
    *out = args[0];
    return VM_OK;
}

const VmBuiltin *const vm_float_methods[] = {
    &mb_float_is_integer, &mb_float_as_integer_ratio, &mb_float_hex, &mb_float_conjugate, NULL,
};
METHOD(range_count, "count", &vm_type_range)
{
    NARGS("range.count", 1, 1);
    bool in;
    if (vm_contains(run, args[0], args[1], &in) != VM_OK) {
        return VM_ERR;
    }
    *out = vm_val_int(in ? 1 : 0);
    return VM_OK;
}

METHOD(range_index, "index", &vm_type_range)
{
    NARGS("range.index", 1, 1);
    VmRange *r = VM_AS(VmRange, args[0]);
    bool in;
    if (vm_contains(run, args[0], args[1], &in) != VM_OK) {
        return VM_ERR;
    }
    if (!in || !vm_is_int(args[1]) || args[1].tag == VM_TAG_OBJ) {
        VmValue rep;
        if (vm_repr(run, args[1], &rep) != VM_OK) {
            return VM_ERR;
        }
        return vm_raise(run, &vm_exc_ValueError, "%s is not in range", VM_AS(VmStr, rep)->data);
    }
    *out = vm_val_int((args[1].u.i - r->start) / r->step);
    return VM_OK;
}

const VmBuiltin *const vm_range_methods[] = { &mb_range_count, &mb_range_index, NULL };

METHOD(slice_indices, "indices", &vm_type_slice)
{
    NARGS("slice.indices", 1, 1);
    int64_t len, a, b, st, n;
    if (vm_index(run, args[1], &len) != VM_OK) {
        return VM_ERR;
    }
    if (len < 0) {
        return vm_raise(run, &vm_exc_ValueError, "length should not be negative");
    }
    if (vm_slice_indices(run, VM_AS(VmSlice, args[0]), len, &a, &b, &st, &n) != VM_OK) {
        return VM_ERR;
    }
    VmTuple *t = vm_tuple_new(run, 3);
    if (t == NULL) {
        return VM_ERR;
    }
    t->items[0] = vm_val_int(a);
    t->items[1] = vm_val_int(b);
    t->items[2] = vm_val_int(st);
    *out = vm_obj_val(t);
    return VM_OK;
}

const VmBuiltin *const vm_slice_methods[] = { &mb_slice_indices, NULL };

/* dict.fromkeys(iterable, value=None): a class method (found on the type). */
static VmStatus
dict_fromkeys_fn(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    if (kwnames != NULL || nargs < 1 || nargs > 2) {
        return vm_raise(run, &vm_exc_TypeError, "fromkeys expected at least 1 argument, got %zu",
                        nargs);
    }
    VmDict *d = vm_dict_new(run);
    VmValue it, k;
    if (d == NULL || vm_iter(run, args[0], &it) != VM_OK) {
        return VM_ERR;
    }
    for (;;) {
        VmStatus st = vm_next(run, it, &k);
        if (st == VM_STOP) {
            break;
        }
        if (st != VM_OK || vm_dict_set(run, d, k, nargs == 2 ? args[1] : vm_val_none())
                           != VM_OK) {
            return VM_ERR;
        }
    }
    *out = vm_obj_val(d);
    return VM_OK;
}

const VmBuiltin vm_dict_fromkeys_b = { VM_IMMORTAL_HDR(&vm_type_builtin), "fromkeys",
                                       dict_fromkeys_fn, NULL };

/* ---- split family through lib_str (Unicode whitespace, all line boundaries) ---- */

VmStatus vm_lib_raise(VmRun *run, const VmLibError *err);

typedef struct EmitCtx {
    VmRun *run;
    VmList *list;
    const VmStr *src;       /* the str split (pieces of an ASCII str are ASCII) */
} EmitCtx;

static bool
emit_piece(void *ctx, const char *piece, size_t len)
{
    EmitCtx *e = ctx;
    VmStr *p = e->src != NULL ? vm_str_piece(e->run, e->src, piece, len)
                              : vm_str_new(e->run, piece, len);
    return p != NULL && vm_list_append(e->run, e->list, vm_obj_val(p)) == VM_OK;
}

static VmStatus
split_impl(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, bool reverse,
           VmValue *out)
{
    static const char *const names[] = { "self", "sep", "maxsplit" };
    VmValue a[3];
    if (vm_parse_args(run, reverse ? "rsplit" : "split", args, nargs, kwnames, names, 3, 1, 1,
                      a) != VM_OK) {
        return VM_ERR;
    }
    VmStr *s = VM_AS(VmStr, a[0]);
    int64_t maxsplit = -1;
    if (!vm_val_is_empty(a[2]) && vm_index(run, a[2], &maxsplit) != VM_OK) {
        return VM_ERR;
    }
    const char *sep = NULL;
    size_t seplen = 0;
    if (!vm_val_is_empty(a[1]) && !vm_val_is_none(a[1])) {
        if (!vm_is(a[1], &vm_type_str)) {
            return vm_raise(run, &vm_exc_TypeError, "must be str or None, not %s",
                            vm_type_name(a[1]));
        }
        sep = VM_AS(VmStr, a[1])->data;
        seplen = VM_AS(VmStr, a[1])->len;
    }
    VmList *l = vm_list_new(run, 0);
    if (l == NULL) {
        return VM_ERR;
    }
    EmitCtx ctx = { run, l, s };
    VmLibError err;
    vm_lib_error_clear(&err);
    if (!vm_str_split(s->data, s->len, sep, seplen, maxsplit, reverse, emit_piece, &ctx,
                      &err)) {
        return vm_lib_raise(run, &err);
    }
    if (reverse) {
        for (size_t i = 0, j = l->len; i + 1 < j; i++, j--) {
            VmValue t = l->items[i];
            l->items[i] = l->items[j - 1];
            l->items[j - 1] = t;
        }
    }
    *out = vm_obj_val(l);
    return VM_OK;
}

METHOD(str_split, "split", &vm_type_str)
{
    return split_impl(run, args, nargs, kwnames, false, out);
}

METHOD(str_rsplit, "rsplit", &vm_type_str)
{
    return split_impl(run, args, nargs, kwnames, true, out);
}

METHOD(str_splitlines, "splitlines", &vm_type_str)
{
    static const char *const names[] = { "self", "keepends" };
    VmValue a[2];
    if (vm_parse_args(run, "splitlines", args, nargs, kwnames, names, 2, 1, 1, a) != VM_OK) {
        return VM_ERR;
    }
    bool keep = false;
    if (!vm_val_is_empty(a[1]) && vm_truth(run, a[1], &keep) != VM_OK) {
        return VM_ERR;
    }
    VmStr *s = VM_AS(VmStr, a[0]);
    VmList *l = vm_list_new(run, 0);
    if (l == NULL) {
        return VM_ERR;
    }
    EmitCtx ctx = { run, l, NULL };
    if (!vm_str_splitlines(s->data, s->len, keep, emit_piece, &ctx)) {
        return VM_ERR;
    }
    *out = vm_obj_val(l);
    return VM_OK;
}

METHOD(str_translate, "translate", &vm_type_str)
{
    NARGS("translate", 1, 1);
    const VmStr *s = VM_AS(VmStr, args[0]);
    VmValue table = args[1];
    VmStrBuf b;
    vm_sb_init(&b, run);
    for (size_t pos = 0; pos < s->len;) {
        size_t start = pos;
        uint32_t cp = vm_unicode_decode(s->data, s->len, &pos);
        VmValue m;
        if (vm_is(table, &vm_type_dict)) {
            if (vm_dict_get(run, VM_AS(VmDict, table), vm_val_int(cp), &m) != VM_OK) {
                vm_sb_fini(&b);
                return VM_ERR;
            }
        } else if (vm_getitem(run, table, vm_val_int(cp), &m) != VM_OK) {
            if (!vm_exc_matches(run->exc, &vm_exc_LookupError)) {
                vm_sb_fini(&b);
                return VM_ERR;
            }
            run->exc = vm_val_empty();   /* a missing key keeps the character */
            m = vm_val_empty();
        }
        if (vm_val_is_empty(m)) {
            vm_sb_add(&b, s->data + start, pos - start);
        } else if (vm_is(m, &vm_type_str)) {
            vm_sb_add(&b, VM_AS(VmStr, m)->data, VM_AS(VmStr, m)->len);
        } else if (m.tag == VM_TAG_INT || m.tag == VM_TAG_BOOL) {
            if (m.u.i < 0 || m.u.i >= 0x110000) {
                vm_sb_fini(&b);
                return vm_raise(run, &vm_exc_ValueError,
                                "character mapping must be in range(0x110000)");
            }
            char enc[4];
            vm_sb_add(&b, enc, vm_unicode_encode((uint32_t)m.u.i, enc));
        } else if (!vm_val_is_none(m)) {
            vm_sb_fini(&b);
            return vm_raise(run, &vm_exc_TypeError,
                            "character mapping must return integer, None or str");
        }
    }
    return vm_sb_to_str(&b, out);
}

/* str.maketrans(x[, y[, z]]): a static method (found on the type, see type_getattr). */
static VmStatus
str_maketrans_fn(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    if (kwnames != NULL && kwnames->len > 0) {
        return vm_raise(run, &vm_exc_TypeError, "maketrans() takes no keyword arguments");
    }
    if (nargs < 1 || nargs > 3) {
        return vm_raise(run, &vm_exc_TypeError, "maketrans expected %s 3 arguments, got %zu",
                        nargs < 1 ? "at least 1 argument and at most" : "at most", nargs);
    }
    VmDict *d = vm_dict_new(run);
    if (d == NULL) {
        return VM_ERR;
    }
    *out = vm_obj_val(d);
    if (nargs == 1) {
        if (!vm_is(args[0], &vm_type_dict)) {
            return vm_raise(run, &vm_exc_TypeError,
                            "if you give only one argument to maketrans it must be a dict");
        }
        VmDict *src = VM_AS(VmDict, args[0]);
        VmValue it, k, v;
        if (vm_iter(run, args[0], &it) != VM_OK) {
            return VM_ERR;
        }
        for (;;) {
            VmStatus st = vm_next(run, it, &k);
            if (st == VM_STOP) {
                return VM_OK;
            }
            if (st != VM_OK || vm_dict_get(run, src, k, &v) != VM_OK) {
                return VM_ERR;
            }
            if (vm_is(k, &vm_type_str)) {
                const VmStr *ks = VM_AS(VmStr, k);
                if (ks->nchars != 1) {
                    return vm_raise(run, &vm_exc_ValueError,
                                    "string keys in translate table must be of length 1");
                }
                size_t p0 = 0;
                k = vm_val_int(vm_unicode_decode(ks->data, ks->len, &p0));
            } else if (!(k.tag == VM_TAG_INT || k.tag == VM_TAG_BOOL)) {
                return vm_raise(run, &vm_exc_TypeError,
                                "keys in translate table must be strings or integers");
            } else {
                k = vm_val_int(k.u.i);
            }
            if (vm_dict_set(run, d, k, v) != VM_OK) {
                return VM_ERR;
            }
        }
    }
    for (size_t i = 0; i < nargs; i++) {
        if (!vm_is(args[i], &vm_type_str)) {
            return vm_raise(run, &vm_exc_TypeError, "maketrans() argument %zu must be str, not %s",
                            i + 1, vm_type_name(args[i]));
        }
    }
    const VmStr *x = VM_AS(VmStr, args[0]), *y = VM_AS(VmStr, args[1]);
    if (x->nchars != y->nchars) {
        return vm_raise(run, &vm_exc_ValueError,
                        "the first two maketrans arguments must have equal length");
    }
    for (size_t px = 0, py = 0; px < x->len;) {
        uint32_t cx = vm_unicode_decode(x->data, x->len, &px);
        uint32_t cy = vm_unicode_decode(y->data, y->len, &py);
        if (vm_dict_set(run, d, vm_val_int(cx), vm_val_int(cy)) != VM_OK) {
            return VM_ERR;
        }
    }
    if (nargs == 3) {
        const VmStr *z = VM_AS(VmStr, args[2]);
        for (size_t pz = 0; pz < z->len;) {
            uint32_t cz = vm_unicode_decode(z->data, z->len, &pz);
            if (vm_dict_set(run, d, vm_val_int(cz), vm_val_none()) != VM_OK) {
                return VM_ERR;
            }
        }
    }
    return VM_OK;
}

const VmBuiltin vm_str_maketrans_b = { VM_IMMORTAL_HDR(&vm_type_builtin), "maketrans",
                                       str_maketrans_fn, NULL };

/* Hot methods first: method lookup scans this table (ops.c find_method). */
const VmBuiltin *const vm_str_methods[] = {
    &mb_str_join, &mb_str_split, &mb_str_strip, &mb_str_replace, &mb_str_startswith,
    &mb_str_endswith, &mb_str_format, &mb_str_lower, &mb_str_upper, &mb_str_find, &mb_str_count,
    &mb_str_rstrip, &mb_str_lstrip, &mb_str_splitlines, &mb_str_isdigit, &mb_str_index,
    &mb_str_rsplit, &mb_str_partition, &mb_str_encode, &mb_str_title, &mb_str_zfill,
    &mb_str_ljust, &mb_str_rjust, &mb_str_center, &mb_str_isalpha, &mb_str_isalnum,
    &mb_str_isspace, &mb_str_isupper, &mb_str_islower, &mb_str_rfind, &mb_str_casefold,
    &mb_str_isdecimal, &mb_str_isnumeric, &mb_str_isprintable, &mb_str_istitle,
    &mb_str_isidentifier, &mb_str_isascii, &mb_str_rindex, &mb_str_rpartition,
    &mb_str_removeprefix, &mb_str_removesuffix, &mb_str_expandtabs, &mb_str_format_map,
    &mb_str_capitalize, &mb_str_swapcase, &mb_str_translate, NULL,
};
