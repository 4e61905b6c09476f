/*
 * methods.c — methods of the built-in types (first slice: the ones agent scripts use
 * most). Each is a static VmBuiltin with its owner type, listed in the type's table.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "vm/vm_int.h"

VmValue vm_dict_view_new(VmRun *run, VmValue dict, int kind);
VmStatus vm_sort_values(VmRun *run, VmValue *items, size_t n, VmValue key, bool reverse);
VmStatus vm_set_discard(VmRun *run, VmSet *s, VmValue key, bool *found);
VmStatus vm_format(VmRun *run, VmValue v, VmValue spec, VmValue *out);

#define METHOD(cname, pyname, owner) \
    static VmStatus m_##cname(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, \
                              VmValue *out); \
    static const VmBuiltin mb_##cname = { VM_IMMORTAL_HDR(&vm_type_builtin), pyname, \
                                          m_##cname, owner }; \
    static VmStatus m_##cname(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, \
                              VmValue *out)

static VmStatus
nargs_check(VmRun *run, const char *name, size_t nargs, VmTuple *kwnames, size_t lo, size_t hi)
{
    if (kwnames != NULL && kwnames->len > 0) {
        return vm_raise(run, &vm_exc_TypeError, "%s() takes no keyword arguments", name);
    }
    size_t n = nargs - 1;
    if (n < lo || n > hi) {
        if (lo == hi) {
            if (lo == 0) {
                return vm_raise(run, &vm_exc_TypeError,
                                "%s() takes no arguments (%zu given)", name, n);
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
        if (nargs_check(run, name, nargs, kwnames, lo, hi) != VM_OK) { \
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
    memmove(l->items + i, l->items + i + 1, (l->len - (size_t)i - 1) * sizeof(VmValue));
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
    memmove(l->items + i + 1, l->items + i, (l->len - 1 - (size_t)i) * sizeof(VmValue));
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
    memmove(l->items + i, l->items + i + 1, (l->len - (size_t)i - 1) * sizeof(VmValue));
    l->len--;
    *out = vm_val_none();
    return VM_OK;
}

METHOD(list_index, "index", &vm_type_list)
{
    NARGS("index", 1, 3);
    VmList *l = VM_AS(VmList, args[0]);
    int64_t i;
    if (find_in(run, l->items, l->len, args[1], &i) != VM_OK) {
        return VM_ERR;
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
    size_t nkw = kwnames ? kwnames->len : 0;
    if (nargs - nkw != 1) {
        return vm_raise(run, &vm_exc_TypeError, "sort() takes no positional arguments");
    }
    VmValue key = vm_val_none();
    bool reverse = false;
    for (size_t k = 0; k < nkw; k++) {
        VmStr *kn = VM_AS(VmStr, kwnames->items[k]);
        if (vm_str_eq_cstr(kn, "key")) {
            key = args[1 + k];
        } else if (vm_str_eq_cstr(kn, "reverse")) {
            if (vm_truth(run, args[1 + k], &reverse) != VM_OK) {
                return VM_ERR;
            }
        } else {
            return vm_raise(run, &vm_exc_TypeError,
                            "sort() got an unexpected keyword argument '%s'", kn->data);
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
    if (find_in(run, t->items, t->len, args[1], &i) != VM_OK) {
        return VM_ERR;
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
    *out = vm_val_none();
    for (size_t i = 1; i < nargs; i++) {
        if (vm_set_update(run, VM_AS(VmSet, args[0]), args[i]) != VM_OK) {
            return VM_ERR;
        }
    }
    return VM_OK;
}

const VmBuiltin *const vm_set_methods[] = {
    &mb_set_add, &mb_set_discard, &mb_set_remove, &mb_set_update, NULL,
};
const VmBuiltin *const vm_frozenset_methods[] = { NULL };

/* ---- str ------------------------------------------------------------------- */

METHOD(str_join, "join", &vm_type_str)
{
    NARGS("str.join", 1, 1);
    VmStr *sep = VM_AS(VmStr, args[0]);
    VmValue lst;
    if (vm_list_from_iter(run, args[1], &lst) != VM_OK) {
        return VM_ERR;
    }
    VmList *l = VM_AS(VmList, lst);
    VmStrBuf b;
    vm_sb_init(&b, run);
    for (size_t i = 0; i < l->len; i++) {
        if (!vm_is(l->items[i], &vm_type_str)) {
            vm_sb_fini(&b);
            return vm_raise(run, &vm_exc_TypeError,
                            "sequence item %zu: expected str instance, %s found", i,
                            vm_type_name(l->items[i]));
        }
        if (i > 0) {
            vm_sb_add(&b, sep->data, sep->len);
        }
        vm_sb_add(&b, VM_AS(VmStr, l->items[i])->data, VM_AS(VmStr, l->items[i])->len);
    }
    return vm_sb_to_str(&b, out);
}

static VmStatus
str_case(VmRun *run, VmValue self, int mode, VmValue *out)
{
    VmStr *s = VM_AS(VmStr, self);
    VmStr *r = vm_str_alloc(run, s->len);
    if (r == NULL) {
        return VM_ERR;
    }
    bool start = true;
    for (size_t i = 0; i < s->len; i++) {
        unsigned char c = (unsigned char)s->data[i];
        if (c >= 0x80) {
            r->data[i] = (char)c;
            continue;
        }
        switch (mode) {
        case 0: c = (unsigned char)toupper(c); break;
        case 1: c = (unsigned char)tolower(c); break;
        case 2: c = (unsigned char)(start ? toupper(c) : tolower(c)); break;
        case 3: c = (unsigned char)(i == 0 ? toupper(c) : tolower(c)); break;
        default: c = (unsigned char)(isupper(c) ? tolower(c) : toupper(c)); break;
        }
        start = !isalpha(c);
        r->data[i] = (char)c;
    }
    vm_str_finish(r);
    *out = vm_obj_val(r);
    return VM_OK;
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

static VmStatus
str_strip_impl(VmRun *run, VmValue *args, size_t nargs, int which, VmValue *out)
{
    VmStr *s = VM_AS(VmStr, args[0]);
    const char *chars = " \t\n\r\v\f";
    size_t nchars = 6;
    if (nargs == 2 && !vm_val_is_none(args[1])) {
        if (!vm_is(args[1], &vm_type_str)) {
            return vm_raise(run, &vm_exc_TypeError, "strip arg must be None or str");
        }
        chars = VM_AS(VmStr, args[1])->data;
        nchars = VM_AS(VmStr, args[1])->len;
    }
    size_t a = 0, b = s->len;
    if (which != 2) {
        while (a < b && memchr(chars, s->data[a], nchars) != NULL) {
            a++;
        }
    }
    if (which != 1) {
        while (b > a && memchr(chars, s->data[b - 1], nchars) != NULL) {
            b--;
        }
    }
    *out = vm_str_val(run, s->data + a, b - a);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
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

METHOD(str_split, "split", &vm_type_str)
{
    static const char *const names[] = { "self", "sep", "maxsplit" };
    VmValue a[3];
    if (vm_parse_args(run, "split", args, nargs, kwnames, names, 3, 1, 1, a) != VM_OK) {
        return VM_ERR;
    }
    VmStr *s = VM_AS(VmStr, a[0]);
    int64_t maxsplit = -1;
    if (!vm_val_is_empty(a[2]) && vm_index(run, a[2], &maxsplit) != VM_OK) {
        return VM_ERR;
    }
    VmList *l = vm_list_new(run, 0);
    if (l == NULL) {
        return VM_ERR;
    }
    *out = vm_obj_val(l);
    const char *p = s->data, *end = s->data + s->len;
    if (vm_val_is_empty(a[1]) || vm_val_is_none(a[1])) {
        while (p < end) {
            while (p < end && isspace((unsigned char)*p)) {
                p++;
            }
            if (p >= end) {
                break;
            }
            const char *q = p;
            if (maxsplit == 0) {
                const char *e = end;
                while (e > q && isspace((unsigned char)e[-1])) {
                    e--;
                }
                return vm_list_append(run, l, vm_str_val(run, q, (size_t)(e - q)));
            }
            while (q < end && !isspace((unsigned char)*q)) {
                q++;
            }
            if (vm_list_append(run, l, vm_str_val(run, p, (size_t)(q - p))) != VM_OK) {
                return VM_ERR;
            }
            maxsplit--;
            p = q;
        }
        return VM_OK;
    }
    if (!vm_is(a[1], &vm_type_str)) {
        return vm_raise(run, &vm_exc_TypeError, "must be str or None, not %s",
                        vm_type_name(a[1]));
    }
    VmStr *sep = VM_AS(VmStr, a[1]);
    if (sep->len == 0) {
        return vm_raise(run, &vm_exc_ValueError, "empty separator");
    }
    for (;;) {
        const char *q = maxsplit == 0 ? NULL
                        : memmem(p, (size_t)(end - p), sep->data, sep->len);
        if (q == NULL) {
            return vm_list_append(run, l, vm_str_val(run, p, (size_t)(end - p)));
        }
        if (vm_list_append(run, l, vm_str_val(run, p, (size_t)(q - p))) != VM_OK) {
            return VM_ERR;
        }
        p = q + sep->len;
        maxsplit--;
    }
}

METHOD(str_replace, "replace", &vm_type_str)
{
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

static VmStatus
affix(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, bool start, VmValue *out)
{
    NARGS(start ? "startswith" : "endswith", 1, 1);
    VmStr *s = VM_AS(VmStr, args[0]);
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
            && memcmp(start ? s->data : s->data + s->len - x->len, x->data, x->len) == 0) {
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

static VmStatus
str_find_impl(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, int mode,
              VmValue *out)
{
    NARGS(mode == 0 ? "find" : mode == 1 ? "index" : "count", 1, 1);
    if (!vm_is(args[1], &vm_type_str)) {
        return vm_raise(run, &vm_exc_TypeError, "must be str, not %s", vm_type_name(args[1]));
    }
    VmStr *s = VM_AS(VmStr, args[0]), *x = VM_AS(VmStr, args[1]);
    if (mode == 2) {
        int64_t n = 0;
        if (x->len == 0) {
            *out = vm_val_int((int64_t)s->nchars + 1);
            return VM_OK;
        }
        const char *p = s->data, *end = s->data + s->len;
        for (;;) {
            const char *q = memmem(p, (size_t)(end - p), x->data, x->len);
            if (q == NULL) {
                break;
            }
            n++;
            p = q + x->len;
        }
        *out = vm_val_int(n);
        return VM_OK;
    }
    const char *q = x->len == 0 ? s->data : memmem(s->data, s->len, x->data, x->len);
    if (q == NULL) {
        if (mode == 1) {
            return vm_raise(run, &vm_exc_ValueError, "substring not found");
        }
        *out = vm_val_int(-1);
        return VM_OK;
    }
    int64_t idx = 0;
    for (const char *p = s->data; p < q; p++) {
        if (((unsigned char)*p & 0xC0) != 0x80) {
            idx++;
        }
    }
    *out = vm_val_int(idx);
    return VM_OK;
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

static VmStatus
str_pred(VmRun *run, VmValue self, int (*pred)(int), VmValue *out)
{
    VmStr *s = VM_AS(VmStr, self);
    bool r = s->len > 0;
    for (size_t i = 0; i < s->len && r; i++) {
        r = (unsigned char)s->data[i] < 0x80 && pred((unsigned char)s->data[i]);
    }
    *out = vm_val_bool(r);
    return VM_OK;
}

METHOD(str_isdigit, "isdigit", &vm_type_str)
{
    NARGS("str.isdigit", 0, 0);
    return str_pred(run, args[0], isdigit, out);
}

METHOD(str_isalpha, "isalpha", &vm_type_str)
{
    NARGS("str.isalpha", 0, 0);
    return str_pred(run, args[0], isalpha, out);
}

METHOD(str_isalnum, "isalnum", &vm_type_str)
{
    NARGS("str.isalnum", 0, 0);
    return str_pred(run, args[0], isalnum, out);
}

METHOD(str_isspace, "isspace", &vm_type_str)
{
    NARGS("str.isspace", 0, 0);
    return str_pred(run, args[0], isspace, out);
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

METHOD(str_splitlines, "splitlines", &vm_type_str)
{
    NARGS("splitlines", 0, 0);
    VmStr *s = VM_AS(VmStr, args[0]);
    VmList *l = vm_list_new(run, 0);
    if (l == NULL) {
        return VM_ERR;
    }
    const char *p = s->data, *end = s->data + s->len;
    while (p < end) {
        const char *q = p;
        while (q < end && *q != '\n' && *q != '\r') {
            q++;
        }
        if (vm_list_append(run, l, vm_str_val(run, p, (size_t)(q - p))) != VM_OK) {
            return VM_ERR;
        }
        if (q < end && *q == '\r' && q + 1 < end && q[1] == '\n') {
            q++;
        }
        p = q + 1;
    }
    *out = vm_obj_val(l);
    return VM_OK;
}

METHOD(str_format, "format", &vm_type_str)
{
    /* {} / {0} / {name} fields with optional !r/!s and :spec */
    VmStr *f = VM_AS(VmStr, args[0]);
    size_t nkw = kwnames ? kwnames->len : 0;
    size_t npos = nargs - 1 - nkw;
    size_t auto_ix = 0;
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
        const char *q = memchr(p, '}', (size_t)(end - p));
        if (q == NULL) {
            vm_sb_fini(&b);
            return vm_raise(run, &vm_exc_ValueError, "Single '{' encountered in format string");
        }
        const char *field = p + 1;
        const char *fend = field;
        while (fend < q && *fend != '!' && *fend != ':') {
            fend++;
        }
        char conv = 0;
        const char *spec = q;
        if (fend < q && *fend == '!') {
            conv = fend[1];
            spec = fend + 2;
        } else if (fend < q) {
            spec = fend;
        }
        VmValue v = vm_val_empty();
        if (fend == field) {
            if (auto_ix >= npos) {
                vm_sb_fini(&b);
                return vm_raise(run, &vm_exc_IndexError,
                                "Replacement index %zu out of range for positional args tuple",
                                auto_ix);
            }
            v = args[1 + auto_ix++];
        } else if (isdigit((unsigned char)*field)) {
            size_t ix = (size_t)strtoul(field, NULL, 10);
            if (ix >= npos) {
                vm_sb_fini(&b);
                return vm_raise(run, &vm_exc_IndexError,
                                "Replacement index %zu out of range for positional args tuple",
                                ix);
            }
            v = args[1 + ix];
        } else {
            for (size_t k = 0; k < nkw; k++) {
                VmStr *kn = VM_AS(VmStr, kwnames->items[k]);
                if (kn->len == (size_t)(fend - field)
                    && memcmp(kn->data, field, kn->len) == 0) {
                    v = args[1 + npos + k];
                }
            }
            if (vm_val_is_empty(v)) {
                VmValue key = vm_str_val(run, field, (size_t)(fend - field));
                vm_sb_fini(&b);
                return vm_raise_with_arg(run, &vm_exc_KeyError, key);
            }
        }
        VmValue s;
        if (conv == 'r' && vm_repr(run, v, &v) != VM_OK) {
            vm_sb_fini(&b);
            return VM_ERR;
        }
        if (conv == 's' && vm_str(run, v, &v) != VM_OK) {
            vm_sb_fini(&b);
            return VM_ERR;
        }
        VmValue specv = vm_val_empty();
        if (spec < q && *spec == ':') {
            specv = vm_str_val(run, spec + 1, (size_t)(q - spec - 1));
        }
        if (vm_format(run, v, specv, &s) != VM_OK) {
            vm_sb_fini(&b);
            return VM_ERR;
        }
        vm_sb_add(&b, VM_AS(VmStr, s)->data, VM_AS(VmStr, s)->len);
        p = q + 1;
    }
    return vm_sb_to_str(&b, out);
}

const VmBuiltin *const vm_str_methods[] = {
    &mb_str_join, &mb_str_upper, &mb_str_lower, &mb_str_title, &mb_str_capitalize,
    &mb_str_swapcase, &mb_str_strip, &mb_str_lstrip, &mb_str_rstrip, &mb_str_split,
    &mb_str_replace, &mb_str_startswith, &mb_str_endswith, &mb_str_find, &mb_str_index,
    &mb_str_count, &mb_str_isdigit, &mb_str_isalpha, &mb_str_isalnum, &mb_str_isspace,
    &mb_str_ljust, &mb_str_rjust, &mb_str_center, &mb_str_zfill, &mb_str_splitlines,
    &mb_str_format, NULL,
};

/* ---- numbers --------------------------------------------------------------- */

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

const VmBuiltin *const vm_int_methods[] = { &mb_int_bit_length, NULL };

METHOD(float_is_integer, "is_integer", &vm_type_float)
{
    NARGS("float.is_integer", 0, 0);
    double d = args[0].u.f;
    *out = vm_val_bool(d == (double)(int64_t)d || (d == d && d - d == 0 && d == __builtin_floor(d)));
    return VM_OK;
}

const VmBuiltin *const vm_float_methods[] = { &mb_float_is_integer, NULL };
const VmBuiltin *const vm_range_methods[] = { NULL };
