/*
 * obj_iter.c — iterators over built-in sequences and the lazy builtins (enumerate,
 * zip, reversed), plus dict views. One struct (VmIter) with a kind tag keeps them all
 * small and uniform for the collector and snapshots.
 */
#include <string.h>

#include "vm/vm_int.h"

enum {
    IT_STR = 0, IT_TUPLE = 1, IT_LIST = 2, IT_RANGE = 3, IT_DICT_KEYS = 4, IT_DICT_VALUES = 5,
    IT_DICT_ITEMS = 6, IT_SET = 7, IT_ENUMERATE = 8, IT_ZIP = 9, IT_REVERSED = 10,
    IT_ZIP_STRICT = 11, IT_MAP = 12, IT_FILTER = 13,
};

size_t vm_str_offset(const VmStr *s, size_t i);
VmValue vm_str_sub(VmRun *run, VmStr *s, size_t start, size_t stop);

static void
iter_trace(VmGc *gc, VmObj *o)
{
    vm_gc_mark(gc, ((VmIter *)o)->seq);
}

static const VmType str_iter_type;
static const VmType *const seq_iter_types[8];

/* vm_iter_new: an iterator of `kind` over seq (see the enum above). */
VmValue
vm_iter_new(VmRun *run, VmValue seq, int kind)
{
    const VmType *t = kind == IT_MAP ? &vm_type_map : kind == IT_FILTER ? &vm_type_filter
                      : kind == IT_ENUMERATE ? &vm_type_enumerate
                      : (kind == IT_ZIP || kind == IT_ZIP_STRICT) ? &vm_type_zip
                      : kind == IT_REVERSED ? &vm_type_reversed
                      : kind >= IT_STR && kind <= IT_SET ? seq_iter_types[kind]
                      : &vm_type_iter;
    if (kind == IT_STR && !VM_AS(VmStr, seq)->ascii) {
        t = &str_iter_type;
    }
    VmIter *it = (VmIter *)vm_obj_new(run, t, sizeof(VmIter));
    if (it == NULL) {
        return vm_val_empty();
    }
    it->seq = seq;
    it->kind = kind;
    if (kind == IT_RANGE) {
        it->aux = VM_AS(VmRange, seq)->start;
    } else if (kind >= IT_DICT_KEYS && kind <= IT_DICT_ITEMS) {
        it->aux = (int64_t)VM_AS(VmDict, seq)->used;
    } else if (kind == IT_SET) {
        it->aux = (int64_t)VM_AS(VmSet, seq)->used;
    }
    return vm_obj_val(it);
}

static VmStatus
dict_next(VmRun *run, VmIter *it, VmValue *out)
{
    VmDict *d = VM_AS(VmDict, it->seq);
    if ((int64_t)d->used != it->aux) {
        it->aux = -1;
        return vm_raise(run, &vm_exc_RuntimeError, "dictionary changed size during iteration");
    }
    while ((size_t)it->index < d->nentries && vm_val_is_empty(d->entries[it->index].key)) {
        it->index++;
    }
    if ((size_t)it->index >= d->nentries) {
        return VM_STOP;
    }
    VmDictEntry *e = &d->entries[it->index++];
    if (it->kind == IT_DICT_KEYS) {
        *out = e->key;
    } else if (it->kind == IT_DICT_VALUES) {
        *out = e->value;
    } else {
        VmTuple *t = vm_tuple_new(run, 2);
        if (t == NULL) {
            return VM_ERR;
        }
        t->items[0] = e->key;
        t->items[1] = e->value;
        *out = vm_obj_val(t);
    }
    return VM_OK;
}

static VmStatus
iter_next(VmRun *run, VmValue self, VmValue *out)
{
    VmIter *it = VM_AS(VmIter, self);
    switch (it->kind) {
    case IT_STR: {
        VmStr *s = VM_AS(VmStr, it->seq);
        if ((size_t)it->aux >= s->len) {
            return VM_STOP;
        }
        size_t a = (size_t)it->aux, b = a + 1;
        while (b < s->len && ((unsigned char)s->data[b] & 0xC0) == 0x80) {
            b++;
        }
        it->aux = (int64_t)b;
        *out = vm_str_val(run, s->data + a, b - a);
        return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
    }
    case IT_TUPLE: {
        VmTuple *t = VM_AS(VmTuple, it->seq);
        if ((size_t)it->index >= t->len) {
            return VM_STOP;
        }
        *out = t->items[it->index++];
        return VM_OK;
    }
    case IT_LIST: {
        VmList *l = VM_AS(VmList, it->seq);
        if (it->index < 0 || (size_t)it->index >= l->len) {
            it->index = -1;
            return VM_STOP;
        }
        *out = l->items[it->index++];
        return VM_OK;
    }
    case IT_RANGE: {
        VmRange *r = VM_AS(VmRange, it->seq);
        if (it->index >= r->len) {
            return VM_STOP;
        }
        it->index++;
        *out = vm_val_int(it->aux);
        it->aux += r->step;
        return VM_OK;
    }
    case IT_DICT_KEYS:
    case IT_DICT_VALUES:
    case IT_DICT_ITEMS:
        return dict_next(run, it, out);
    case IT_SET: {
        VmSet *s = VM_AS(VmSet, it->seq);
        if ((int64_t)s->used != it->aux) {
            return vm_raise(run, &vm_exc_RuntimeError, "Set changed size during iteration");
        }
        while ((size_t)it->index <= s->mask && vm_val_is_empty(s->table[it->index].key)) {
            it->index++;
        }
        if ((size_t)it->index > s->mask) {
            return VM_STOP;
        }
        *out = s->table[it->index++].key;
        return VM_OK;
    }
    case IT_ENUMERATE: {
        VmValue v;
        VmStatus st = vm_next(run, it->seq, &v);
        if (st != VM_OK) {
            return st;
        }
        VmTuple *t = vm_tuple_new(run, 2);
        if (t == NULL) {
            return VM_ERR;
        }
        t->items[0] = vm_val_int(it->aux++);
        t->items[1] = v;
        *out = vm_obj_val(t);
        return VM_OK;
    }
    case IT_ZIP:
    case IT_ZIP_STRICT: {
        VmTuple *its = VM_AS(VmTuple, it->seq);
        if (its->len == 0 || it->index < 0) {
            return VM_STOP;
        }
        VmTuple *t = vm_tuple_new(run, its->len);
        if (t == NULL) {
            return VM_ERR;
        }
        for (size_t i = 0; i < its->len; i++) {
            VmStatus st = vm_next(run, its->items[i], &t->items[i]);
            if (st == VM_STOP) {
                it->index = -1;
                if (it->kind == IT_ZIP_STRICT) {
                    if (i > 0) {
                        return vm_raise(run, &vm_exc_ValueError,
                                        "zip() argument %zu is shorter than argument%s%zu",
                                        i + 1, i == 1 ? " " : "s 1-", i);
                    }
                    for (size_t j = 1; j < its->len; j++) {
                        VmValue v;
                        VmStatus s2 = vm_next(run, its->items[j], &v);
                        if (s2 == VM_OK) {
                            return vm_raise(run, &vm_exc_ValueError,
                                            "zip() argument %zu is longer than argument%s%zu",
                                            j + 1, j == 1 ? " " : "s 1-", j);
                        }
                        if (s2 == VM_ERR) {
                            return VM_ERR;
                        }
                    }
                }
                return VM_STOP;
            }
            if (st != VM_OK) {
                return VM_ERR;
            }
        }
        *out = vm_obj_val(t);
        return VM_OK;
    }
    case IT_REVERSED: {
        /* aux: next index, counting down */
        if (it->aux < 0) {
            return VM_STOP;
        }
        int64_t len;
        if (vm_len(run, it->seq, &len) != VM_OK) {
            return VM_ERR;
        }
        if (it->aux >= len) {
            it->aux = -1;
            return VM_STOP;
        }
        VmStatus st = vm_getitem(run, it->seq, vm_val_int(it->aux), out);
        it->aux--;
        return st;
    }
    case IT_MAP: {
        VmTuple *t = VM_AS(VmTuple, it->seq);
        size_t n = t->len - 1;
        VmValue argv[n ? n : 1];
        for (size_t i = 0; i < n; i++) {
            VmStatus st = vm_next(run, t->items[1 + i], &argv[i]);
            if (st != VM_OK) {
                return st;
            }
        }
        return vm_call_native(run, t->items[0], argv, n, NULL, out);
    }
    case IT_FILTER: {
        VmTuple *t = VM_AS(VmTuple, it->seq);
        for (;;) {
            VmValue v, r;
            VmStatus st = vm_next(run, t->items[1], &v);
            if (st != VM_OK) {
                return st;
            }
            bool keep;
            if (vm_val_is_none(t->items[0])) {
                r = v;
            } else if (vm_call_native(run, t->items[0], &v, 1, NULL, &r) != VM_OK) {
                return VM_ERR;
            }
            if (vm_truth(run, r, &keep) != VM_OK) {
                return VM_ERR;
            }
            if (keep) {
                *out = v;
                return VM_OK;
            }
        }
    }
    default:
        return VM_STOP;
    }
}

static VmStatus
iter_self(VmRun *run, VmValue self, VmValue *out)
{
    *out = self;
    return VM_OK;
}

static VmStatus
iter_repr(VmRun *run, VmValue self, VmValue *out)
{
    static const char *const names[] = {
        "str_ascii_iterator", "tuple_iterator", "list_iterator", "range_iterator",
        "dict_keyiterator", "dict_valueiterator", "dict_itemiterator", "set_iterator",
        "enumerate", "zip", "list_reverseiterator", "zip", "map", "filter",
    };
    VmIter *it = VM_AS(VmIter, self);
    VmStrBuf b;
    vm_sb_init(&b, run);
    vm_sb_printf(&b, "<%s object at 0x%llx>", names[it->kind],
                  (unsigned long long)(uintptr_t)it);
    return vm_sb_to_str(&b, out);
}

#define ITER_SLOTS .trace = iter_trace, .iter = iter_self, .next = iter_next, .repr = iter_repr

const VmType vm_type_iter = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "iterator", .base = &vm_type_object, ITER_SLOTS,
};
/* CPython's names for the sequence iterators (type(iter([])).__name__ ...) */
#define SEQ_ITER(cname, pyname) \
    static const VmType cname = { \
        VM_IMMORTAL_HDR(&vm_type_type), .name = pyname, .base = &vm_type_object, ITER_SLOTS, \
    };
SEQ_ITER(str_ascii_iter_type, "str_ascii_iterator")
SEQ_ITER(str_iter_type, "str_iterator")
SEQ_ITER(tuple_iter_type, "tuple_iterator")
SEQ_ITER(list_iter_type, "list_iterator")
SEQ_ITER(dict_keyiter_type, "dict_keyiterator")
SEQ_ITER(dict_valueiter_type, "dict_valueiterator")
SEQ_ITER(dict_itemiter_type, "dict_itemiterator")
SEQ_ITER(set_iter_type, "set_iterator")
#undef SEQ_ITER
#define SEQ_ITER_R(cname, pyname) \
    static const VmType cname = { \
        VM_IMMORTAL_HDR(&vm_type_type), .name = pyname, .base = &vm_type_object, ITER_SLOTS, \
    };
const VmType vm_type_range_iter = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "range_iterator", .base = &vm_type_object,
    ITER_SLOTS,
};
static const VmType *const seq_iter_types[8] = {
    &str_ascii_iter_type, &tuple_iter_type, &list_iter_type, &vm_type_range_iter,
    &dict_keyiter_type, &dict_valueiter_type, &dict_itemiter_type, &set_iter_type,
};

/* vm_iter_kind_type: the type vm_iter_new gives an iterator of `kind` (snapshots
 * rebuild iterators whose types are static here); NULL for an unknown kind. */
const VmType *
vm_iter_kind_type(int kind, bool ascii)
{
    if (kind == IT_STR && !ascii) {
        return &str_iter_type;
    }
    return kind == IT_MAP ? &vm_type_map : kind == IT_FILTER ? &vm_type_filter
           : kind == IT_ENUMERATE ? &vm_type_enumerate
           : (kind == IT_ZIP || kind == IT_ZIP_STRICT) ? &vm_type_zip
           : kind == IT_REVERSED ? &vm_type_reversed
           : kind >= IT_STR && kind <= IT_SET ? seq_iter_types[kind] : NULL;
}

const VmType vm_type_enumerate = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "enumerate", .base = &vm_type_object, ITER_SLOTS,
};
const VmType vm_type_zip = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "zip", .base = &vm_type_object, ITER_SLOTS,
};
const VmType vm_type_map = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "map", .base = &vm_type_object, ITER_SLOTS,
};
const VmType vm_type_filter = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "filter", .base = &vm_type_object, ITER_SLOTS,
};
/* CPython's names for reversed() over a list, a range and dicts (vm_reversed_type) */
SEQ_ITER_R(list_reverse_type, "list_reverseiterator")
SEQ_ITER_R(range_reverse_type, "range_iterator")
SEQ_ITER_R(dict_rkey_type, "dict_reversekeyiterator")
SEQ_ITER_R(dict_rvalue_type, "dict_reversevalueiterator")
SEQ_ITER_R(dict_ritem_type, "dict_reverseitemiterator")

/* vm_reversed_type: the iterator type reversed(v) has in CPython. */
const VmType *
vm_reversed_type(VmValue v)
{
    if (vm_is(v, &vm_type_list)) {
        return &list_reverse_type;
    }
    if (vm_is(v, &vm_type_range)) {
        return &range_reverse_type;
    }
    if (vm_isinstance(v, &vm_type_dict) || vm_is(v, &vm_type_dict_keys)) {
        return &dict_rkey_type;
    }
    if (vm_is(v, &vm_type_dict_values)) {
        return &dict_rvalue_type;
    }
    if (vm_is(v, &vm_type_dict_items)) {
        return &dict_ritem_type;
    }
    return &vm_type_reversed;
}

const VmType vm_type_reversed = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "reversed", .base = &vm_type_object, ITER_SLOTS,
};

/* ---- dict views ------------------------------------------------------------ */

static VmStatus
view_iter(VmRun *run, VmValue self, VmValue *out)
{
    VmIter *v = VM_AS(VmIter, self);
    *out = vm_iter_new(run, v->seq, v->kind);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

static VmStatus
view_len(VmRun *run, VmValue self, int64_t *out)
{
    *out = (int64_t)VM_AS(VmDict, VM_AS(VmIter, self)->seq)->used;
    return VM_OK;
}

static VmStatus
view_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmIter *v = VM_AS(VmIter, self);
    VmValue lst;
    VmValue r;
    if (vm_list_from_iter(run, self, &lst) != VM_OK || vm_repr(run, lst, &r) != VM_OK) {
        return VM_ERR;
    }
    VmStrBuf b;
    vm_sb_init(&b, run);
    vm_sb_adds(&b, v->hdr.type->name);
    vm_sb_adds(&b, "(");
    vm_sb_add(&b, VM_AS(VmStr, r)->data, VM_AS(VmStr, r)->len);
    vm_sb_adds(&b, ")");
    return vm_sb_to_str(&b, out);
}

static VmStatus
view_contains(VmRun *run, VmValue self, VmValue item, bool *out)
{
    VmIter *v = VM_AS(VmIter, self);
    VmDict *d = VM_AS(VmDict, v->seq);
    if (v->kind == IT_DICT_KEYS) {
        VmValue x;
        if (vm_dict_get(run, d, item, &x) != VM_OK) {
            return VM_ERR;
        }
        *out = !vm_val_is_empty(x);
        return VM_OK;
    }
    if (v->kind == IT_DICT_ITEMS) {
        if (!vm_is(item, &vm_type_tuple) || VM_AS(VmTuple, item)->len != 2) {
            *out = false;
            return VM_OK;
        }
        VmValue x;
        if (vm_dict_get(run, d, VM_AS(VmTuple, item)->items[0], &x) != VM_OK) {
            return VM_ERR;
        }
        if (vm_val_is_empty(x)) {
            *out = false;
            return VM_OK;
        }
        return vm_eq(run, x, VM_AS(VmTuple, item)->items[1], out);
    }
    *out = false;
    for (size_t i = 0; i < d->nentries; i++) {
        if (vm_val_is_empty(d->entries[i].key)) {
            continue;
        }
        bool eq;
        if (vm_eq(run, d->entries[i].value, item, &eq) != VM_OK) {
            return VM_ERR;
        }
        if (eq) {
            *out = true;
            break;
        }
    }
    return VM_OK;
}

/* vm_dict_view_new: d.keys() / d.values() / d.items() (kind 4, 5, 6). */
VmValue vm_dict_view_new(VmRun *run, VmValue dict, int kind);
VmValue
vm_dict_view_new(VmRun *run, VmValue dict, int kind)
{
    const VmType *t = kind == IT_DICT_KEYS ? &vm_type_dict_keys
                      : kind == IT_DICT_VALUES ? &vm_type_dict_values : &vm_type_dict_items;
    VmIter *v = (VmIter *)vm_obj_new(run, t, sizeof(VmIter));
    if (v == NULL) {
        return vm_val_empty();
    }
    v->seq = dict;
    v->kind = kind;
    return vm_obj_val(v);
}

/* view_set: a new set of an iterable (a view, or the other operand of a set operation). */
static VmStatus
view_set(VmRun *run, VmValue v, VmValue *out)
{
    VmSet *s = vm_set_new(run, &vm_type_set);
    if (s == NULL) {
        return VM_ERR;
    }
    *out = vm_obj_val(s);
    return vm_set_update(run, s, v);
}

static bool
is_set_like(VmValue v)
{
    return vm_is(v, &vm_type_set) || vm_is(v, &vm_type_frozenset)
           || vm_is(v, &vm_type_dict_keys) || vm_is(v, &vm_type_dict_items);
}

/* keys and items views compare with sets (and each other) as sets. */
static VmStatus
view_richcompare(VmRun *run, VmValue a, VmValue b, VmCmp op, VmValue *out)
{
    *out = vm_val_empty();
    if (!is_set_like(b)) {
        return VM_OK;
    }
    VmValue sa, sb = b;
    if (view_set(run, a, &sa) != VM_OK
        || (!vm_is(b, &vm_type_set) && !vm_is(b, &vm_type_frozenset)
            && view_set(run, b, &sb) != VM_OK)) {
        return VM_ERR;
    }
    return vm_compare(run, sa, sb, op, out);
}

/* vm_dict_view_setop: `&`, `|`, `^`, `-` with a keys or items view on either side: both
 * operands as sets, the result a set (as CPython's dictviews_and and friends). */
VmStatus vm_dict_view_setop(VmRun *run, int op, VmValue a, VmValue b, VmValue *out);
VmStatus
vm_dict_view_setop(VmRun *run, int op, VmValue a, VmValue b, VmValue *out)
{
    VmValue sa, sb;
    if (view_set(run, a, &sa) != VM_OK || view_set(run, b, &sb) != VM_OK) {
        return VM_ERR;
    }
    return vm_binop(run, op, sa, sb, out);
}

#define VIEW_SLOTS .trace = iter_trace, .iter = view_iter, .len = view_len, \
    .repr = view_repr, .contains = view_contains

const VmType vm_type_dict_keys = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "dict_keys", .base = &vm_type_object, VIEW_SLOTS,
    .richcompare = view_richcompare,
};
const VmType vm_type_dict_values = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "dict_values", .base = &vm_type_object, VIEW_SLOTS,
};
const VmType vm_type_dict_items = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "dict_items", .base = &vm_type_object, VIEW_SLOTS,
    .richcompare = view_richcompare,
};
