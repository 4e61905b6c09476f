/*
 * mod_collections.c — the collections module: defaultdict, Counter and OrderedDict
 * (native subtypes of dict: their objects start with a VmDict, so dict's methods and
 * slots work on them), deque (a list-backed native type) and namedtuple (a native
 * class object whose instances wrap a tuple).
 *
 * Python code is reached in two ways: a generator argument (Counter(gen),
 * deque(gen), .update(gen), .extend(gen)) defers to the prelude ("_coll_*"), which
 * collects it in VM frames first; a default_factory that is a Python function runs
 * through vm_call_native (a nested loop: it cannot call an external function — the
 * documented gap of contract 2).
 */
#include <stdlib.h>
#include <string.h>

#include "vm/modules.h"

VmStatus vm_sort_values(VmRun *run, VmValue *items, size_t n, VmValue key, bool reverse);

extern const VmType vm_type_defaultdict, vm_type_counter, vm_type_ordereddict, vm_type_deque,
    vm_type_ntclass, vm_type_ntobj;

typedef struct VmDefaultDict {
    VmDict d;
    VmValue factory;        /* None: no factory */
} VmDefaultDict;

/* ---- shared dict-subtype slots ------------------------------------------------ */

static void
ddict_trace(VmGc *gc, VmObj *o)
{
    vm_type_dict.trace(gc, o);
    if (o->type == &vm_type_defaultdict) {
        vm_gc_mark(gc, ((VmDefaultDict *)o)->factory);
    }
}

static void
ddict_fini(VmRun *run, VmObj *o)
{
    vm_type_dict.fini(run, o);
}

static VmStatus
ddict_len(VmRun *run, VmValue self, int64_t *out)
{
    return vm_type_dict.len(run, self, out);
}

static VmStatus
ddict_setitem(VmRun *run, VmValue self, VmValue key, VmValue value)
{
    return vm_type_dict.setitem(run, self, key, value);
}

static VmStatus
ddict_contains(VmRun *run, VmValue self, VmValue item, bool *out)
{
    return vm_type_dict.contains(run, self, item, out);
}

static VmStatus
ddict_iter(VmRun *run, VmValue self, VmValue *out)
{
    return vm_type_dict.iter(run, self, out);
}

/* Equality of two dict-like objects (dict's own slot accepts only exact dicts). */
static VmStatus
ddict_richcompare(VmRun *run, VmValue a, VmValue b, VmCmp op, VmValue *out)
{
    *out = vm_val_empty();
    if (!vm_isinstance(b, &vm_type_dict) || (op != VM_CMP_EQ && op != VM_CMP_NE)) {
        return VM_OK;
    }
    VmDict *x = VM_AS(VmDict, a), *y = VM_AS(VmDict, b);
    bool eq = x->used == y->used;
    for (size_t i = 0; eq && i < x->nentries; i++) {
        if (vm_val_is_empty(x->entries[i].key)) {
            continue;
        }
        VmValue v;
        if (vm_dict_get(run, y, x->entries[i].key, &v) != VM_OK) {
            return VM_ERR;
        }
        if (vm_val_is_empty(v)) {
            eq = false;
        } else if (vm_eq(run, x->entries[i].value, v, &eq) != VM_OK) {
            return VM_ERR;
        }
    }
    *out = vm_val_bool(op == VM_CMP_EQ ? eq : !eq);
    return VM_OK;
}

/* "name(" + dict repr + ")" (or "name()" when empty and `empty_bare`). */
static VmStatus
wrapped_repr(VmRun *run, VmValue self, const char *prefix, bool empty_bare, VmValue *out)
{
    VmStrBuf b;
    vm_sb_init(&b, run);
    vm_sb_adds(&b, prefix);
    if (!(empty_bare && VM_AS(VmDict, self)->used == 0)) {
        VmValue r;
        if (vm_type_dict.repr(run, self, &r) != VM_OK) {
            vm_sb_fini(&b);
            return VM_ERR;
        }
        vm_sb_add(&b, VM_AS(VmStr, r)->data, VM_AS(VmStr, r)->len);
    }
    vm_sb_adds(&b, ")");
    return vm_sb_to_str(&b, out);
}

/* Updates d from a positional mapping/iterable of pairs and keyword arguments. */
static VmStatus
update_from_args(VmRun *run, VmDict *d, VmValue *args, size_t npos, VmTuple *kwnames,
                 size_t nargs)
{
    if (npos == 1) {
        VmValue src = args[0];
        if (vm_isinstance(src, &vm_type_dict) && !vm_is(src, &vm_type_dict)) {
            /* a dict subtype: copy entries directly */
            VmDict *o = VM_AS(VmDict, src);
            for (size_t i = 0; i < o->nentries; i++) {
                if (!vm_val_is_empty(o->entries[i].key)
                    && vm_dict_set(run, d, o->entries[i].key, o->entries[i].value) != VM_OK) {
                    return VM_ERR;
                }
            }
        } else if (vm_dict_update(run, d, src) != VM_OK) {
            return VM_ERR;
        }
    }
    for (size_t i = 0; kwnames != NULL && i < kwnames->len; i++) {
        if (vm_dict_set(run, d, kwnames->items[i], args[nargs - kwnames->len + i]) != VM_OK) {
            return VM_ERR;
        }
    }
    return VM_OK;
}

static VmDict *
new_dictlike(VmRun *run, const VmType *t)
{
    size_t size = t == &vm_type_defaultdict ? sizeof(VmDefaultDict) : sizeof(VmDict);
    VmDict *d = (VmDict *)vm_obj_new(run, t, size);
    if (d != NULL && t == &vm_type_defaultdict) {
        ((VmDefaultDict *)d)->factory = vm_val_none();
    }
    return d;
}

static size_t
npos_of(size_t nargs, VmTuple *kwnames)
{
    return nargs - (kwnames ? kwnames->len : 0);
}

/* copy() of a dict subtype keeps its type (and a defaultdict its factory). */
static VmStatus
m_sub_copy(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    if (nargs != 1 || kwnames != NULL) {
        return vm_raise(run, &vm_exc_TypeError, "copy() takes no arguments (%zu given)",
                        nargs - 1);
    }
    const VmType *t = vm_type_of(args[0]);
    VmDict *d = new_dictlike(run, t);
    if (d == NULL) {
        return VM_ERR;
    }
    if (t == &vm_type_defaultdict) {
        ((VmDefaultDict *)d)->factory = VM_AS(VmDefaultDict, args[0])->factory;
    }
    if (vm_dict_update(run, d, args[0]) != VM_OK) {
        return VM_ERR;
    }
    *out = vm_obj_val(d);
    return VM_OK;
}

static const VmBuiltin b_sub_copy = { VM_IMMORTAL_HDR(&vm_type_builtin), "copy", m_sub_copy,
                                      &vm_type_dict };

static const VmBuiltin *const dd_methods[] = { &b_sub_copy, NULL };

/* ---- defaultdict ---------------------------------------------------------------- */

static VmStatus
dd_new(VmRun *run, const VmType *type, VmValue *args, size_t nargs, VmTuple *kwnames,
       VmValue *out)
{
    (void)type;
    size_t npos = npos_of(nargs, kwnames);
    if (npos > 2) {
        return vm_raise(run, &vm_exc_TypeError, "defaultdict expected at most 2 arguments, "
                        "got %zu", npos);
    }
    VmValue factory = npos >= 1 ? args[0] : vm_val_none();
    if (!vm_val_is_none(factory) && !vm_is_pycallable(factory)
        && vm_type_of(factory)->call == NULL && !vm_is(factory, &vm_type_type)) {
        return vm_raise(run, &vm_exc_TypeError, "first argument must be callable or None");
    }
    VmDict *d = new_dictlike(run, &vm_type_defaultdict);
    if (d == NULL) {
        return VM_ERR;
    }
    ((VmDefaultDict *)d)->factory = factory;
    if (update_from_args(run, d, npos >= 1 ? args + 1 : args, npos >= 1 ? npos - 1 : 0,
                         kwnames, nargs - (npos >= 1 ? 1 : 0)) != VM_OK) {
        return VM_ERR;
    }
    *out = vm_obj_val(d);
    return VM_OK;
}

static VmStatus
dd_getitem(VmRun *run, VmValue self, VmValue key, VmValue *out)
{
    VmDefaultDict *dd = VM_AS(VmDefaultDict, self);
    if (vm_dict_get(run, &dd->d, key, out) != VM_OK) {
        return VM_ERR;
    }
    if (!vm_val_is_empty(*out)) {
        return VM_OK;
    }
    if (vm_val_is_none(dd->factory)) {
        return vm_type_dict.getitem(run, self, key, out);
    }
    VmValue v;
    if (vm_call_native(run, dd->factory, NULL, 0, NULL, &v) != VM_OK
        || vm_dict_set(run, &dd->d, key, v) != VM_OK) {
        return VM_ERR;
    }
    *out = v;
    return VM_OK;
}

static VmStatus
dd_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmValue fr;
    VmValue f = VM_AS(VmDefaultDict, self)->factory;
    if (vm_repr(run, f, &fr) != VM_OK) {
        return VM_ERR;
    }
    VmStrBuf b;
    vm_sb_init(&b, run);
    vm_sb_adds(&b, "defaultdict(");
    vm_sb_add(&b, VM_AS(VmStr, fr)->data, VM_AS(VmStr, fr)->len);
    vm_sb_adds(&b, ", ");
    VmValue r;
    if (vm_type_dict.repr(run, self, &r) != VM_OK) {
        vm_sb_fini(&b);
        return VM_ERR;
    }
    vm_sb_add(&b, VM_AS(VmStr, r)->data, VM_AS(VmStr, r)->len);
    vm_sb_adds(&b, ")");
    return vm_sb_to_str(&b, out);
}

static VmStatus
dd_getattr(VmRun *run, VmValue self, VmStr *name, VmValue *out)
{
    (void)run;
    *out = vm_val_empty();
    if (vm_str_eq_cstr(name, "default_factory")) {
        *out = VM_AS(VmDefaultDict, self)->factory;
    }
    return VM_OK;
}

const VmType vm_type_defaultdict = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "collections.defaultdict", .base = &vm_type_dict,
    .trace = ddict_trace, .fini = ddict_fini, .repr = dd_repr,
    .richcompare = ddict_richcompare, .len = ddict_len, .getitem = dd_getitem,
    .setitem = ddict_setitem, .contains = ddict_contains, .iter = ddict_iter,
    .new_ = dd_new, .getattr = dd_getattr, .methods = dd_methods,
};

/* ---- Counter ---------------------------------------------------------------------- */

static VmStatus
counter_add(VmRun *run, VmDict *d, VmValue key, VmValue n, bool subtract)
{
    VmValue cur;
    if (vm_dict_get(run, d, key, &cur) != VM_OK) {
        return VM_ERR;
    }
    if (vm_val_is_empty(cur)) {
        cur = vm_val_int(0);
    }
    if (vm_binop(run, subtract ? VM_OP_SUB : VM_OP_ADD, cur, n, &cur) != VM_OK) {
        return VM_ERR;
    }
    return vm_dict_set(run, d, key, cur);
}

/* Counts `src` (a mapping adds its counts; any other iterable counts elements). */
static VmStatus
counter_update(VmRun *run, VmDict *d, VmValue src, bool subtract, const char *pre)
{
    if (vm_val_is_none(src)) {
        return VM_OK;
    }
    if (vm_isinstance(src, &vm_type_dict)) {
        VmDict *o = VM_AS(VmDict, src);
        for (size_t i = 0; i < o->nentries; i++) {
            if (!vm_val_is_empty(o->entries[i].key)
                && counter_add(run, d, o->entries[i].key, o->entries[i].value, subtract)
                != VM_OK) {
                return VM_ERR;
            }
        }
        return VM_OK;
    }
    if (vm_is_pyiter(src)) {
        return vm_defer(run, pre);
    }
    VmValue l;
    if (vm_list_from_iter(run, src, &l) != VM_OK) {
        return VM_ERR;
    }
    VmList *items = VM_AS(VmList, l);
    for (size_t i = 0; i < items->len; i++) {
        if (counter_add(run, d, items->items[i], vm_val_int(1), subtract) != VM_OK) {
            return VM_ERR;
        }
    }
    return VM_OK;
}

static VmStatus
counter_kwargs(VmRun *run, VmDict *d, VmValue *args, size_t nargs, VmTuple *kwnames,
               bool subtract)
{
    for (size_t i = 0; kwnames != NULL && i < kwnames->len; i++) {
        if (counter_add(run, d, kwnames->items[i], args[nargs - kwnames->len + i], subtract)
            != VM_OK) {
            return VM_ERR;
        }
    }
    return VM_OK;
}

static VmStatus
counter_new(VmRun *run, const VmType *type, VmValue *args, size_t nargs, VmTuple *kwnames,
            VmValue *out)
{
    (void)type;
    size_t npos = npos_of(nargs, kwnames);
    if (npos > 1) {
        return vm_raise(run, &vm_exc_TypeError, "expected at most 1 argument, got %zu", npos);
    }
    if (npos == 1 && vm_is_pyiter(args[0])) {
        return vm_defer(run, "_coll_counter_new");
    }
    VmDict *d = new_dictlike(run, &vm_type_counter);
    if (d == NULL || (npos == 1 && counter_update(run, d, args[0], false, "_coll_counter_new")
                      != VM_OK)
        || counter_kwargs(run, d, args, nargs, kwnames, false) != VM_OK) {
        return VM_ERR;
    }
    *out = vm_obj_val(d);
    return VM_OK;
}

static VmStatus
counter_getitem(VmRun *run, VmValue self, VmValue key, VmValue *out)
{
    if (vm_dict_get(run, VM_AS(VmDict, self), key, out) != VM_OK) {
        return VM_ERR;
    }
    if (vm_val_is_empty(*out)) {
        *out = vm_val_int(0);
    }
    return VM_OK;
}

typedef struct CountEntry {
    VmValue key, value;
    size_t index;
} CountEntry;

static int
cmp_count(const void *pa, const void *pb)
{
    const CountEntry *a = pa, *b = pb;
    int c = 0;
    if (vm_is_int(a->value) && vm_is_int(b->value)) {
        c = -vm_int_cmp(a->value, b->value);
    } else if ((vm_val_is_float(a->value) || vm_is_int(a->value))
               && (vm_val_is_float(b->value) || vm_is_int(b->value))) {
        double x = vm_val_is_float(a->value) ? vm_val_get_float(a->value)
                                             : (double)vm_val_get_int(a->value);
        double y = vm_val_is_float(b->value) ? vm_val_get_float(b->value)
                                             : (double)vm_val_get_int(b->value);
        c = x > y ? -1 : x < y ? 1 : 0;
    }
    if (c == 0) {
        c = a->index < b->index ? -1 : a->index > b->index ? 1 : 0;
    }
    return c;
}

/* The entries by count, largest first, ties in insertion order (CPython's order). */
static CountEntry *
sorted_counts(VmRun *run, VmDict *d, size_t *n)
{
    CountEntry *e = vm_heap_alloc(run, (d->used + 1) * sizeof(CountEntry));
    if (e == NULL) {
        return NULL;
    }
    size_t k = 0;
    for (size_t i = 0; i < d->nentries; i++) {
        if (!vm_val_is_empty(d->entries[i].key) && k < d->used) {
            e[k].key = d->entries[i].key;
            e[k].value = d->entries[i].value;
            e[k].index = k;
            k++;
        }
    }
    qsort(e, k, sizeof *e, cmp_count);
    *n = k;
    return e;
}

static VmStatus
counter_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmDict *d = VM_AS(VmDict, self);
    if (d->used == 0) {
        *out = vm_str_val(run, "Counter()", 9);
        return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
    }
    size_t n;
    CountEntry *e = sorted_counts(run, d, &n);
    if (e == NULL) {
        return VM_ERR;
    }
    VmStrBuf b;
    vm_sb_init(&b, run);
    vm_sb_adds(&b, "Counter({");
    VmStatus st = VM_OK;
    for (size_t i = 0; i < n && st == VM_OK; i++) {
        if (i > 0) {
            vm_sb_adds(&b, ", ");
        }
        st = vm_sb_add_repr(&b, e[i].key);
        vm_sb_adds(&b, ": ");
        if (st == VM_OK) {
            st = vm_sb_add_repr(&b, e[i].value);
        }
    }
    vm_heap_free(run, e);
    vm_sb_adds(&b, "})");
    if (st != VM_OK) {
        vm_sb_fini(&b);
        return VM_ERR;
    }
    return vm_sb_to_str(&b, out);
}

static VmStatus
m_most_common(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    static const char *const names[] = { "", "n" };
    VmValue a[2];
    if (vm_parse_args(run, "most_common", args, nargs, kwnames, names, 2, 1, 1, a) != VM_OK) {
        return VM_ERR;
    }
    size_t n;
    CountEntry *e = sorted_counts(run, VM_AS(VmDict, a[0]), &n);
    if (e == NULL) {
        return VM_ERR;
    }
    size_t lim = n;
    if (!vm_val_is_empty(a[1]) && !vm_val_is_none(a[1])) {
        int64_t k;
        if (vm_index(run, a[1], &k) != VM_OK) {
            vm_heap_free(run, e);
            return VM_ERR;
        }
        lim = k < 0 ? 0 : (size_t)k < n ? (size_t)k : n;
    }
    VmList *l = vm_list_new(run, lim);
    VmStatus st = l ? VM_OK : VM_ERR;
    for (size_t i = 0; st == VM_OK && i < lim; i++) {
        VmTuple *t = vm_tuple_new(run, 2);
        if (t == NULL) {
            st = VM_ERR;
            break;
        }
        t->items[0] = e[i].key;
        t->items[1] = e[i].value;
        l->items[i] = vm_obj_val(t);
        l->len = i + 1;
    }
    vm_heap_free(run, e);
    if (st == VM_OK) {
        *out = vm_obj_val(l);
    }
    return st;
}

/* Counter.update / Counter.subtract: counts from one mapping or iterable, then keywords. */
static VmStatus
counter_add_method(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out,
                   bool subtract, const char *prelude_name)
{
    size_t npos = npos_of(nargs, kwnames);
    if (npos > 2) {
        return vm_raise(run, &vm_exc_TypeError, "expected at most 1 argument, got %zu",
                        npos - 1);
    }
    VmDict *d = VM_AS(VmDict, args[0]);
    VmStatus st = npos == 2 ? counter_update(run, d, args[1], subtract, prelude_name) : VM_OK;
    if (st != VM_OK || counter_kwargs(run, d, args, nargs, kwnames, subtract) != VM_OK) {
        return st == VM_DEFER ? VM_DEFER : VM_ERR;
    }
    *out = vm_val_none();
    return VM_OK;
}

static VmStatus
m_counter_update(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    return counter_add_method(run, args, nargs, kwnames, out, false, "_coll_counter_update");
}

static VmStatus
m_subtract(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    return counter_add_method(run, args, nargs, kwnames, out, true, "_coll_counter_subtract");
}

static VmStatus
m_total(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    if (vm_no_kwargs(run, "total", kwnames) != VM_OK) {
        return VM_ERR;
    }
    (void)nargs;
    VmDict *d = VM_AS(VmDict, args[0]);
    VmValue acc = vm_val_int(0);
    for (size_t i = 0; i < d->nentries; i++) {
        if (!vm_val_is_empty(d->entries[i].key)
            && vm_binop(run, VM_OP_ADD, acc, d->entries[i].value, &acc) != VM_OK) {
            return VM_ERR;
        }
    }
    *out = acc;
    return VM_OK;
}

static VmStatus
m_elements(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    if (vm_no_kwargs(run, "elements", kwnames) != VM_OK) {
        return VM_ERR;
    }
    (void)nargs;
    VmDict *d = VM_AS(VmDict, args[0]);
    VmList *l = vm_list_new(run, 0);
    if (l == NULL) {
        return VM_ERR;
    }
    for (size_t i = 0; i < d->nentries; i++) {
        VmValue c = d->entries[i].value;
        if (vm_val_is_empty(d->entries[i].key) || !vm_val_is_int(c)) {
            continue;
        }
        if (vm_heap_check(run, (size_t)(vm_val_get_int(c) > 0 ? vm_val_get_int(c) : 0)
                          * sizeof(VmValue)) != VM_OK) {
            return VM_ERR;
        }
        for (int64_t k = 0; k < vm_val_get_int(c); k++) {
            if (vm_list_append(run, l, d->entries[i].key) != VM_OK) {
                return VM_ERR;
            }
        }
    }
    return vm_iter(run, vm_obj_val(l), out);
}

#define METHOD(cname, pyname, owner) \
    static const VmBuiltin b_##cname = { VM_IMMORTAL_HDR(&vm_type_builtin), pyname, \
                                         m_##cname, owner }

METHOD(most_common, "most_common", &vm_type_counter);
METHOD(counter_update, "update", &vm_type_counter);
METHOD(subtract, "subtract", &vm_type_counter);
METHOD(total, "total", &vm_type_counter);
METHOD(elements, "elements", &vm_type_counter);

static const VmBuiltin *const counter_methods[] = {
    &b_most_common, &b_counter_update, &b_subtract, &b_total, &b_elements, &b_sub_copy, NULL,
};

const VmType vm_type_counter = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "collections.Counter", .base = &vm_type_dict,
    .trace = ddict_trace, .fini = ddict_fini, .repr = counter_repr,
    .richcompare = ddict_richcompare, .len = ddict_len, .getitem = counter_getitem,
    .setitem = ddict_setitem, .contains = ddict_contains, .iter = ddict_iter,
    .new_ = counter_new, .methods = counter_methods,
};

/* Adds key: n to `r` when n > 0 (Counter results keep positive counts only). */
static VmStatus
keep_positive(VmRun *run, VmDict *r, VmValue key, VmValue n)
{
    bool pos;
    if (vm_compare_bool(run, n, vm_val_int(0), VM_CMP_GT, &pos) != VM_OK) {
        return VM_ERR;
    }
    return pos ? vm_dict_set(run, r, key, n) : VM_OK;
}

/* d[key], 0 when absent (Counter's __missing__). */
static VmStatus
count_of(VmRun *run, VmDict *d, VmValue key, VmValue *out)
{
    if (vm_dict_get(run, d, key, out) != VM_OK) {
        return VM_ERR;
    }
    if (vm_val_is_empty(*out)) {
        *out = vm_val_int(0);
    }
    return VM_OK;
}

/* vm_coll_counter_binop: Counter arithmetic (see modules.h). */
VmStatus
vm_coll_counter_binop(VmRun *run, int op, VmValue a, VmValue b, VmValue *out)
{
    *out = vm_val_empty();
    bool unary = vm_val_is_empty(a);
    if (!vm_is(b, &vm_type_counter) || (!unary && !vm_is(a, &vm_type_counter))
        || (op != VM_OP_ADD && op != VM_OP_SUB && op != VM_OP_OR && op != VM_OP_AND)) {
        return VM_OK;
    }
    VmDict *r = new_dictlike(run, &vm_type_counter);
    if (r == NULL) {
        return VM_ERR;
    }
    VmDict *y = VM_AS(VmDict, b);
    if (unary) {
        /* +c keeps the positive counts, -c negates the negative ones */
        for (size_t i = 0; i < y->nentries; i++) {
            VmValue k = y->entries[i].key, n = y->entries[i].value;
            if (vm_val_is_empty(k)) {
                continue;
            }
            if (op == VM_OP_SUB && vm_binop(run, VM_OP_SUB, vm_val_int(0), n, &n) != VM_OK) {
                return VM_ERR;
            }
            if (keep_positive(run, r, k, n) != VM_OK) {
                return VM_ERR;
            }
        }
        *out = vm_obj_val(r);
        return VM_OK;
    }
    VmDict *x = VM_AS(VmDict, a);
    for (size_t i = 0; i < x->nentries; i++) {
        VmValue k = x->entries[i].key, n = x->entries[i].value, other, v;
        if (vm_val_is_empty(k)) {
            continue;
        }
        if (count_of(run, y, k, &other) != VM_OK) {
            return VM_ERR;
        }
        if (op == VM_OP_ADD || op == VM_OP_SUB) {
            if (vm_binop(run, op, n, other, &v) != VM_OK) {
                return VM_ERR;
            }
        } else {
            bool less;
            if (vm_compare_bool(run, n, other, VM_CMP_LT, &less) != VM_OK) {
                return VM_ERR;
            }
            v = (op == VM_OP_OR) == less ? other : n;
        }
        if (keep_positive(run, r, k, v) != VM_OK) {
            return VM_ERR;
        }
    }
    if (op != VM_OP_AND) {
        /* elements only in b: counted by +, |; negated negative ones by - */
        for (size_t i = 0; i < y->nentries; i++) {
            VmValue k = y->entries[i].key, n = y->entries[i].value, mine;
            if (vm_val_is_empty(k)) {
                continue;
            }
            if (vm_dict_get(run, x, k, &mine) != VM_OK) {
                return VM_ERR;
            }
            if (!vm_val_is_empty(mine)) {
                continue;
            }
            if (op == VM_OP_SUB && vm_binop(run, VM_OP_SUB, vm_val_int(0), n, &n) != VM_OK) {
                return VM_ERR;
            }
            if (keep_positive(run, r, k, n) != VM_OK) {
                return VM_ERR;
            }
        }
    }
    *out = vm_obj_val(r);
    return VM_OK;
}

/* ---- OrderedDict ---------------------------------------------------------------- */

static VmStatus
od_new(VmRun *run, const VmType *type, VmValue *args, size_t nargs, VmTuple *kwnames,
       VmValue *out)
{
    (void)type;
    size_t npos = npos_of(nargs, kwnames);
    if (npos > 1) {
        return vm_raise(run, &vm_exc_TypeError, "expected at most 1 argument, got %zu", npos);
    }
    if (npos == 1 && vm_is_pyiter(args[0])) {
        return vm_defer(run, "_coll_ordereddict_new");
    }
    VmDict *d = new_dictlike(run, &vm_type_ordereddict);
    if (d == NULL || update_from_args(run, d, args, npos, kwnames, nargs) != VM_OK) {
        return VM_ERR;
    }
    *out = vm_obj_val(d);
    return VM_OK;
}

static VmStatus
od_getitem(VmRun *run, VmValue self, VmValue key, VmValue *out)
{
    return vm_type_dict.getitem(run, self, key, out);
}

static VmStatus
od_repr(VmRun *run, VmValue self, VmValue *out)
{
    return wrapped_repr(run, self, "OrderedDict(", true, out);
}

static VmStatus
m_move_to_end(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    static const char *const names[] = { "", "key", "last" };
    VmValue a[3];
    if (vm_parse_args(run, "move_to_end", args, nargs, kwnames, names, 3, 2, 1, a) != VM_OK) {
        return VM_ERR;
    }
    bool last = true;
    if (!vm_val_is_empty(a[2]) && vm_truth(run, a[2], &last) != VM_OK) {
        return VM_ERR;
    }
    VmDict *d = VM_AS(VmDict, a[0]);
    VmValue v;
    bool found;
    if (vm_dict_get(run, d, a[1], &v) != VM_OK) {
        return VM_ERR;
    }
    if (vm_val_is_empty(v)) {
        return vm_raise_with_arg(run, &vm_exc_KeyError, a[1]);
    }
    if (vm_dict_del(run, d, a[1], &found) != VM_OK) {
        return VM_ERR;
    }
    if (last) {
        if (vm_dict_set(run, d, a[1], v) != VM_OK) {
            return VM_ERR;
        }
    } else {
        /* rebuild with the key first */
        VmDict *tmp = vm_dict_new(run);
        if (tmp == NULL || vm_dict_update(run, tmp, vm_obj_val(d)) != VM_OK) {
            return VM_ERR;
        }
        VmValue keys = vm_obj_val(tmp);
        (void)keys;
        for (size_t i = 0; i < tmp->nentries; i++) {
            if (!vm_val_is_empty(tmp->entries[i].key)
                && vm_dict_del(run, d, tmp->entries[i].key, &found) != VM_OK) {
                return VM_ERR;
            }
        }
        if (vm_dict_set(run, d, a[1], v) != VM_OK) {
            return VM_ERR;
        }
        for (size_t i = 0; i < tmp->nentries; i++) {
            if (!vm_val_is_empty(tmp->entries[i].key)
                && vm_dict_set(run, d, tmp->entries[i].key, tmp->entries[i].value) != VM_OK) {
                return VM_ERR;
            }
        }
    }
    *out = vm_val_none();
    return VM_OK;
}

/* OrderedDict.popitem(last=True): last=False pops the first item. */
static VmStatus
m_od_popitem(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    static const char *const names[] = { "", "last" };
    VmValue a[2];
    if (vm_parse_args(run, "popitem", args, nargs, kwnames, names, 2, 1, 0, a) != VM_OK) {
        return VM_ERR;
    }
    bool last = true;
    if (!vm_val_is_empty(a[1]) && vm_truth(run, a[1], &last) != VM_OK) {
        return VM_ERR;
    }
    VmDict *d = VM_AS(VmDict, a[0]);
    if (d->used == 0) {
        return vm_raise(run, &vm_exc_KeyError, "dictionary is empty");
    }
    size_t i = 0;
    if (last) {
        for (i = d->nentries; vm_val_is_empty(d->entries[i - 1].key); i--) {
        }
        i--;
    } else {
        while (vm_val_is_empty(d->entries[i].key)) {
            i++;
        }
    }
    VmTuple *t = vm_tuple_new(run, 2);
    if (t == NULL) {
        return VM_ERR;
    }
    t->items[0] = d->entries[i].key;
    t->items[1] = d->entries[i].value;
    bool found;
    if (vm_dict_del(run, d, t->items[0], &found) != VM_OK) {
        return VM_ERR;
    }
    *out = vm_obj_val(t);
    return VM_OK;
}

METHOD(move_to_end, "move_to_end", &vm_type_ordereddict);
METHOD(od_popitem, "popitem", &vm_type_ordereddict);

static const VmBuiltin *const od_methods[] = { &b_move_to_end, &b_od_popitem, &b_sub_copy,
                                               NULL };


const VmType vm_type_ordereddict = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "collections.OrderedDict", .base = &vm_type_dict,
    .trace = ddict_trace, .fini = ddict_fini, .repr = od_repr,
    .richcompare = ddict_richcompare, .len = ddict_len, .getitem = od_getitem,
    .setitem = ddict_setitem, .contains = ddict_contains, .iter = ddict_iter,
    .new_ = od_new, .methods = od_methods,
};

/* ---- deque ------------------------------------------------------------------------ */

typedef struct VmDeque {
    VmObj hdr;
    VmList *items;
    int64_t maxlen;         /* -1: unbounded */
} VmDeque;

#define DQ(v) VM_AS(VmDeque, v)

static void
deque_trace(VmGc *gc, VmObj *o)
{
    VmDeque *q = (VmDeque *)o;
    if (q->items != NULL) {
        vm_gc_mark_obj(gc, &q->items->hdr);
    }
}

static VmStatus
list_insert0(VmRun *run, VmList *l, VmValue v)
{
    if (vm_list_append(run, l, v) != VM_OK) {
        return VM_ERR;
    }
    memmove(l->items + 1, l->items, (l->len - 1) * sizeof(VmValue));
    l->items[0] = v;
    return VM_OK;
}

static void
list_remove_at(VmList *l, size_t i)
{
    memmove(l->items + i, l->items + i + 1, (l->len - i - 1) * sizeof(VmValue));
    l->len--;
}

static VmStatus
dq_push(VmRun *run, VmDeque *q, VmValue v, bool left)
{
    if (q->maxlen == 0) {
        return VM_OK;
    }
    if ((left ? list_insert0(run, q->items, v) : vm_list_append(run, q->items, v)) != VM_OK) {
        return VM_ERR;
    }
    if (q->maxlen > 0 && (int64_t)q->items->len > q->maxlen) {
        if (left) {
            q->items->len--;
        } else {
            list_remove_at(q->items, 0);
        }
    }
    return VM_OK;
}

static VmStatus
dq_extend(VmRun *run, VmDeque *q, VmValue src, bool left, const char *pre)
{
    if (vm_is_pyiter(src)) {
        return vm_defer(run, pre);
    }
    VmValue l;
    if (vm_list_from_iter(run, src, &l) != VM_OK) {
        return VM_ERR;
    }
    VmList *items = VM_AS(VmList, l);
    for (size_t i = 0; i < items->len; i++) {
        if (dq_push(run, q, items->items[i], left) != VM_OK) {
            return VM_ERR;
        }
    }
    return VM_OK;
}

static VmStatus
deque_new(VmRun *run, const VmType *type, VmValue *args, size_t nargs, VmTuple *kwnames,
          VmValue *out)
{
    (void)type;
    static const char *const names[] = { "iterable", "maxlen" };
    VmValue a[2];
    if (vm_parse_args(run, "deque", args, nargs, kwnames, names, 2, 0, 0, a) != VM_OK) {
        return VM_ERR;
    }
    if (!vm_val_is_empty(a[0]) && vm_is_pyiter(a[0])) {
        return vm_defer(run, "_coll_deque_new");
    }
    int64_t maxlen = -1;
    if (!vm_val_is_empty(a[1]) && !vm_val_is_none(a[1])) {
        if (!vm_is_int(a[1])) {
            return vm_raise(run, &vm_exc_TypeError, "an integer is required");
        }
        if (vm_index(run, a[1], &maxlen) != VM_OK) {
            return VM_ERR;
        }
        if (maxlen < 0) {
            return vm_raise(run, &vm_exc_ValueError, "maxlen must be non-negative");
        }
    }
    VmDeque *q = (VmDeque *)vm_obj_new(run, &vm_type_deque, sizeof(VmDeque));
    if (q == NULL) {
        return VM_ERR;
    }
    q->maxlen = maxlen;
    q->items = vm_list_new(run, 0);
    if (q->items == NULL) {
        return VM_ERR;
    }
    if (!vm_val_is_empty(a[0]) && dq_extend(run, q, a[0], false, "_coll_deque_new") != VM_OK) {
        return VM_ERR;
    }
    *out = vm_obj_val(q);
    return VM_OK;
}

static VmStatus
deque_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmDeque *q = DQ(self);
    VmValue r;
    if (vm_repr(run, vm_obj_val(q->items), &r) != VM_OK) {
        return VM_ERR;
    }
    VmStrBuf b;
    vm_sb_init(&b, run);
    vm_sb_adds(&b, "deque(");
    vm_sb_add(&b, VM_AS(VmStr, r)->data, VM_AS(VmStr, r)->len);
    if (q->maxlen >= 0) {
        vm_sb_printf(&b, ", maxlen=%lld", (long long)q->maxlen);
    }
    vm_sb_adds(&b, ")");
    return vm_sb_to_str(&b, out);
}

static VmStatus
deque_len(VmRun *run, VmValue self, int64_t *out)
{
    (void)run;
    *out = (int64_t)DQ(self)->items->len;
    return VM_OK;
}

static VmStatus
deque_iter(VmRun *run, VmValue self, VmValue *out)
{
    return vm_iter(run, vm_obj_val(DQ(self)->items), out);
}

static VmStatus
deque_getitem(VmRun *run, VmValue self, VmValue key, VmValue *out)
{
    if (vm_is(key, &vm_type_slice)) {
        return vm_raise(run, &vm_exc_TypeError, "sequence index must be integer, not 'slice'");
    }
    int64_t i;
    VmList *l = DQ(self)->items;
    if (vm_seq_index(run, key, (int64_t)l->len, &i, "deque") != VM_OK) {
        return VM_ERR;
    }
    *out = l->items[i];
    return VM_OK;
}

static VmStatus
deque_setitem(VmRun *run, VmValue self, VmValue key, VmValue value)
{
    int64_t i;
    VmList *l = DQ(self)->items;
    if (vm_seq_index(run, key, (int64_t)l->len, &i, "deque") != VM_OK) {
        return VM_ERR;
    }
    if (vm_val_is_empty(value)) {
        list_remove_at(l, (size_t)i);
    } else {
        l->items[i] = value;
    }
    return VM_OK;
}

static VmStatus
deque_contains(VmRun *run, VmValue self, VmValue item, bool *out)
{
    return vm_contains(run, vm_obj_val(DQ(self)->items), item, out);
}

static VmStatus
deque_richcompare(VmRun *run, VmValue a, VmValue b, VmCmp op, VmValue *out)
{
    *out = vm_val_empty();
    if (!vm_is(b, &vm_type_deque)) {
        return VM_OK;
    }
    return vm_compare(run, vm_obj_val(DQ(a)->items), vm_obj_val(DQ(b)->items), op, out);
}

static VmStatus
deque_bool(VmRun *run, VmValue self, bool *out)
{
    (void)run;
    *out = DQ(self)->items->len > 0;
    return VM_OK;
}

static VmStatus
deque_getattr(VmRun *run, VmValue self, VmStr *name, VmValue *out)
{
    (void)run;
    *out = vm_val_empty();
    if (vm_str_eq_cstr(name, "maxlen")) {
        *out = DQ(self)->maxlen < 0 ? vm_val_none() : vm_val_int(DQ(self)->maxlen);
    }
    return VM_OK;
}

static VmStatus
one_arg(VmRun *run, const char *name, size_t nargs, VmTuple *kwnames)
{
    if (vm_no_kwargs(run, name, kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 2) {
        return vm_raise(run, &vm_exc_TypeError, "deque.%s() takes exactly one argument (%zu "
                        "given)", name, nargs - 1);
    }
    return VM_OK;
}

static VmStatus
no_arg(VmRun *run, const char *name, size_t nargs, VmTuple *kwnames)
{
    if (vm_no_kwargs(run, name, kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 1) {
        return vm_raise(run, &vm_exc_TypeError, "deque.%s() takes no arguments (%zu given)",
                        name, nargs - 1);
    }
    return VM_OK;
}

static VmStatus
m_append(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    *out = vm_val_none();
    if (one_arg(run, "append", nargs, kwnames) != VM_OK) {
        return VM_ERR;
    }
    return dq_push(run, DQ(args[0]), args[1], false);
}

static VmStatus
m_appendleft(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    *out = vm_val_none();
    if (one_arg(run, "appendleft", nargs, kwnames) != VM_OK) {
        return VM_ERR;
    }
    return dq_push(run, DQ(args[0]), args[1], true);
}

static VmStatus
m_extend(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    *out = vm_val_none();
    if (one_arg(run, "extend", nargs, kwnames) != VM_OK) {
        return VM_ERR;
    }
    return dq_extend(run, DQ(args[0]), args[1], false, "_coll_deque_extend");
}

static VmStatus
m_extendleft(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    *out = vm_val_none();
    if (one_arg(run, "extendleft", nargs, kwnames) != VM_OK) {
        return VM_ERR;
    }
    return dq_extend(run, DQ(args[0]), args[1], true, "_coll_deque_extendleft");
}

static VmStatus
dq_pop(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, bool left, VmValue *out)
{
    if (no_arg(run, left ? "popleft" : "pop", nargs, kwnames) != VM_OK) {
        return VM_ERR;
    }
    VmList *l = DQ(args[0])->items;
    if (l->len == 0) {
        return vm_raise(run, &vm_exc_IndexError, "pop from an empty deque");
    }
    if (left) {
        *out = l->items[0];
        list_remove_at(l, 0);
    } else {
        *out = l->items[--l->len];
    }
    return VM_OK;
}

static VmStatus
m_pop(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    return dq_pop(run, args, nargs, kwnames, false, out);
}

static VmStatus
m_popleft(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    return dq_pop(run, args, nargs, kwnames, true, out);
}

static VmStatus
m_clear(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    if (no_arg(run, "clear", nargs, kwnames) != VM_OK) {
        return VM_ERR;
    }
    DQ(args[0])->items->len = 0;
    *out = vm_val_none();
    return VM_OK;
}

static VmStatus
m_rotate(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    if (vm_no_kwargs(run, "rotate", kwnames) != VM_OK) {
        return VM_ERR;
    }
    int64_t n = 1;
    if (nargs > 2) {
        return vm_raise(run, &vm_exc_TypeError, "rotate expected at most 1 argument, got %zu",
                        nargs - 1);
    }
    if (nargs == 2 && vm_index(run, args[1], &n) != VM_OK) {
        return VM_ERR;
    }
    VmList *l = DQ(args[0])->items;
    *out = vm_val_none();
    if (l->len <= 1) {
        return VM_OK;
    }
    int64_t len = (int64_t)l->len;
    int64_t k = ((n % len) + len) % len;
    if (k == 0) {
        return VM_OK;
    }
    VmValue *tmp = vm_heap_alloc(run, l->len * sizeof(VmValue));
    if (tmp == NULL) {
        return VM_ERR;
    }
    for (int64_t i = 0; i < len; i++) {
        tmp[(i + k) % len] = l->items[i];
    }
    memcpy(l->items, tmp, l->len * sizeof(VmValue));
    vm_heap_free(run, tmp);
    return VM_OK;
}

static VmStatus
m_reverse(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    if (no_arg(run, "reverse", nargs, kwnames) != VM_OK) {
        return VM_ERR;
    }
    VmList *l = DQ(args[0])->items;
    for (size_t i = 0; i < l->len / 2; i++) {
        VmValue t = l->items[i];
        l->items[i] = l->items[l->len - 1 - i];
        l->items[l->len - 1 - i] = t;
    }
    *out = vm_val_none();
    return VM_OK;
}

/* count/index/remove/copy/insert are the inner list's (same semantics). */
static VmStatus
forward_list(VmRun *run, const char *name, VmValue *args, size_t nargs, VmTuple *kwnames,
             VmValue *out)
{
    VmStr *s = vm_str_new_cstr(run, name);
    VmValue meth;
    if (s == NULL || vm_getattr(run, vm_obj_val(DQ(args[0])->items), s, &meth) != VM_OK) {
        return VM_ERR;
    }
    return vm_call_native(run, meth, args + 1, nargs - 1, kwnames, out);
}

static VmStatus
m_count(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    return forward_list(run, "count", args, nargs, kwnames, out);
}

static VmStatus
m_index(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    VmStatus st = forward_list(run, "index", args, nargs, kwnames, out);
    if (st == VM_ERR && vm_exc_matches(run->exc, &vm_exc_ValueError) && nargs >= 2) {
        VmValue r;
        run->exc = vm_val_empty();
        if (vm_repr(run, args[1], &r) != VM_OK) {
            return VM_ERR;
        }
        return vm_raise(run, &vm_exc_ValueError, "%s is not in deque", VM_AS(VmStr, r)->data);
    }
    return st;
}

static VmStatus
m_remove(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    VmStatus st = forward_list(run, "remove", args, nargs, kwnames, out);
    if (st == VM_ERR && vm_exc_matches(run->exc, &vm_exc_ValueError) && nargs >= 2) {
        VmValue r;
        run->exc = vm_val_empty();
        if (vm_repr(run, args[1], &r) != VM_OK) {
            return VM_ERR;
        }
        return vm_raise(run, &vm_exc_ValueError, "%s is not in deque", VM_AS(VmStr, r)->data);
    }
    return st;
}

static VmStatus
m_insert(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    VmDeque *q = DQ(args[0]);
    if (q->maxlen >= 0 && (int64_t)q->items->len >= q->maxlen) {
        return vm_raise(run, &vm_exc_IndexError, "deque already at its maximum size");
    }
    return forward_list(run, "insert", args, nargs, kwnames, out);
}

static VmStatus
m_copy(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    if (no_arg(run, "copy", nargs, kwnames) != VM_OK) {
        return VM_ERR;
    }
    VmDeque *q = DQ(args[0]);
    VmDeque *c = (VmDeque *)vm_obj_new(run, &vm_type_deque, sizeof(VmDeque));
    if (c == NULL) {
        return VM_ERR;
    }
    c->maxlen = q->maxlen;
    c->items = vm_list_new(run, q->items->len);
    if (c->items == NULL) {
        return VM_ERR;
    }
    memcpy(c->items->items, q->items->items, q->items->len * sizeof(VmValue));
    c->items->len = q->items->len;
    *out = vm_obj_val(c);
    return VM_OK;
}

METHOD(append, "append", &vm_type_deque);
METHOD(appendleft, "appendleft", &vm_type_deque);
METHOD(extend, "extend", &vm_type_deque);
METHOD(extendleft, "extendleft", &vm_type_deque);
METHOD(pop, "pop", &vm_type_deque);
METHOD(popleft, "popleft", &vm_type_deque);
METHOD(clear, "clear", &vm_type_deque);
METHOD(rotate, "rotate", &vm_type_deque);
METHOD(reverse, "reverse", &vm_type_deque);
METHOD(count, "count", &vm_type_deque);
METHOD(index, "index", &vm_type_deque);
METHOD(remove, "remove", &vm_type_deque);
METHOD(insert, "insert", &vm_type_deque);
METHOD(copy, "copy", &vm_type_deque);

static const VmBuiltin *const deque_methods[] = {
    &b_append, &b_appendleft, &b_extend, &b_extendleft, &b_pop, &b_popleft, &b_clear,
    &b_rotate, &b_reverse, &b_count, &b_index, &b_remove, &b_insert, &b_copy, NULL,
};

const VmType vm_type_deque = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "collections.deque", .base = &vm_type_object,
    .trace = deque_trace, .repr = deque_repr, .len = deque_len, .iter = deque_iter,
    .getitem = deque_getitem, .setitem = deque_setitem, .contains = deque_contains,
    .richcompare = deque_richcompare, .bool_ = deque_bool, .getattr = deque_getattr,
    .new_ = deque_new, .methods = deque_methods,
};

/* ---- namedtuple ---------------------------------------------------------------------- */

typedef struct VmNtClass {
    VmObj hdr;
    VmStr *name;
    VmTuple *fields;        /* str */
    VmTuple *defaults;      /* NULL: none; applies to the last fields */
} VmNtClass;

typedef struct VmNtObj {
    VmObj hdr;
    VmNtClass *cls;
    VmTuple *values;
} VmNtObj;

static void
ntclass_trace(VmGc *gc, VmObj *o)
{
    VmNtClass *c = (VmNtClass *)o;
    vm_gc_mark_obj(gc, &c->name->hdr);
    vm_gc_mark_obj(gc, &c->fields->hdr);
    if (c->defaults != NULL) {
        vm_gc_mark_obj(gc, &c->defaults->hdr);
    }
}

static void
ntobj_trace(VmGc *gc, VmObj *o)
{
    VmNtObj *n = (VmNtObj *)o;
    vm_gc_mark_obj(gc, &n->cls->hdr);
    vm_gc_mark_obj(gc, &n->values->hdr);
}

static bool
is_identifier(const char *s, size_t n)
{
    if (n == 0 || (s[0] >= '0' && s[0] <= '9')) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9') || c >= 0x80)) {
            return false;
        }
    }
    return true;
}

static VmStatus
nt_factory(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    static const char *const names[] = { "typename", "field_names", "rename", "defaults",
                                         "module" };
    VmValue a[5];
    if (vm_parse_args(run, "namedtuple", args, nargs, kwnames, names, 5, 2, 0, a) != VM_OK) {
        return VM_ERR;
    }
    if (!vm_is(a[0], &vm_type_str)) {
        return vm_raise(run, &vm_exc_TypeError, "Type names and field names must be strings");
    }
    VmValue fl;
    if (vm_is(a[1], &vm_type_str)) {
        /* "x y" or "x, y" */
        VmStr *s = VM_AS(VmStr, a[1]);
        VmList *l = vm_list_new(run, 0);
        if (l == NULL) {
            return VM_ERR;
        }
        size_t i = 0;
        while (i < s->len) {
            while (i < s->len && (s->data[i] == ' ' || s->data[i] == ',' || s->data[i] == '\t'
                                  || s->data[i] == '\n')) {
                i++;
            }
            size_t j = i;
            while (j < s->len && s->data[j] != ' ' && s->data[j] != ',' && s->data[j] != '\t'
                   && s->data[j] != '\n') {
                j++;
            }
            if (j > i) {
                VmValue f = vm_str_val(run, s->data + i, j - i);
                if (vm_val_is_empty(f) || vm_list_append(run, l, f) != VM_OK) {
                    return VM_ERR;
                }
            }
            i = j;
        }
        fl = vm_obj_val(l);
    } else if (vm_list_from_iter(run, a[1], &fl) != VM_OK) {
        return VM_ERR;
    }
    VmList *fields = VM_AS(VmList, fl);
    VmStr *tn = VM_AS(VmStr, a[0]);
    if (!is_identifier(tn->data, tn->len)) {
        return vm_raise(run, &vm_exc_ValueError,
                        "Type names and field names must be valid identifiers: '%s'", tn->data);
    }
    VmTuple *ft = vm_tuple_new(run, fields->len);
    if (ft == NULL) {
        return VM_ERR;
    }
    for (size_t i = 0; i < fields->len; i++) {
        VmValue f = fields->items[i];
        if (!vm_is(f, &vm_type_str)) {
            return vm_raise(run, &vm_exc_TypeError,
                            "Type names and field names must be strings");
        }
        VmStr *fs = VM_AS(VmStr, f);
        if (!is_identifier(fs->data, fs->len)) {
            return vm_raise(run, &vm_exc_ValueError,
                            "Type names and field names must be valid identifiers: '%s'",
                            fs->data);
        }
        if (fs->data[0] == '_') {
            return vm_raise(run, &vm_exc_ValueError,
                            "Field names cannot start with an underscore: '%s'", fs->data);
        }
        for (size_t j = 0; j < i; j++) {
            if (vm_str_eq(VM_AS(VmStr, ft->items[j]), fs)) {
                return vm_raise(run, &vm_exc_ValueError, "Encountered duplicate field name: "
                                "'%s'", fs->data);
            }
        }
        ft->items[i] = f;
    }
    VmNtClass *c = (VmNtClass *)vm_obj_new(run, &vm_type_ntclass, sizeof(VmNtClass));
    if (c == NULL) {
        return VM_ERR;
    }
    c->name = tn;
    c->fields = ft;
    if (!vm_val_is_empty(a[3]) && !vm_val_is_none(a[3])) {
        VmValue dl;
        if (vm_list_from_iter(run, a[3], &dl) != VM_OK) {
            return VM_ERR;
        }
        VmList *d = VM_AS(VmList, dl);
        if (d->len > ft->len) {
            return vm_raise(run, &vm_exc_TypeError, "Got more default values than field names");
        }
        c->defaults = vm_tuple_new(run, d->len);
        if (c->defaults == NULL) {
            return VM_ERR;
        }
        memcpy(c->defaults->items, d->items, d->len * sizeof(VmValue));
    }
    *out = vm_obj_val(c);
    return VM_OK;
}

static VmStatus
nt_make(VmRun *run, VmNtClass *c, VmValue *args, size_t nargs, VmTuple *kwnames,
        VmValue *out)
{
    size_t nf = c->fields->len;
    size_t npos = npos_of(nargs, kwnames);
    const char *tn = c->name->data;
    if (npos > nf) {
        return vm_raise(run, &vm_exc_TypeError, "%s.__new__() takes %zu positional arguments "
                        "but %zu were given", tn, nf + 1, npos + 1);
    }
    VmTuple *v = vm_tuple_new(run, nf);
    if (v == NULL) {
        return VM_ERR;
    }
    for (size_t i = 0; i < nf; i++) {
        v->items[i] = i < npos ? args[i] : vm_val_empty();
    }
    for (size_t k = 0; kwnames != NULL && k < kwnames->len; k++) {
        VmStr *kn = VM_AS(VmStr, kwnames->items[k]);
        size_t i = 0;
        while (i < nf && !vm_str_eq(VM_AS(VmStr, c->fields->items[i]), kn)) {
            i++;
        }
        if (i == nf) {
            return vm_raise(run, &vm_exc_TypeError, "%s.__new__() got an unexpected keyword "
                            "argument '%s'", tn, kn->data);
        }
        if (!vm_val_is_empty(v->items[i])) {
            return vm_raise(run, &vm_exc_TypeError, "%s.__new__() got multiple values for "
                            "argument '%s'", tn, kn->data);
        }
        v->items[i] = args[npos + k];
    }
    size_t nd = c->defaults ? c->defaults->len : 0;
    size_t nmissing = 0;
    for (size_t i = 0; i < nf; i++) {
        if (vm_val_is_empty(v->items[i]) && i >= nf - nd) {
            v->items[i] = c->defaults->items[i - (nf - nd)];
        }
        nmissing += vm_val_is_empty(v->items[i]);
    }
    if (nmissing > 0) {
        /* CPython: 'x', 'x' and 'y', or 'x', 'y', and 'z' */
        VmStrBuf b;
        vm_sb_init(&b, run);
        vm_sb_printf(&b, "%s.__new__() missing %zu required positional argument%s: ", tn,
                     nmissing, nmissing == 1 ? "" : "s");
        size_t k = 0;
        for (size_t i = 0; i < nf; i++) {
            if (!vm_val_is_empty(v->items[i])) {
                continue;
            }
            k++;
            if (k > 1) {
                vm_sb_adds(&b, nmissing == 2 ? " and " : k == nmissing ? ", and " : ", ");
            }
            vm_sb_printf(&b, "'%s'", VM_AS(VmStr, c->fields->items[i])->data);
        }
        VmValue msg;
        if (vm_sb_to_str(&b, &msg) != VM_OK) {
            return VM_ERR;
        }
        return vm_raise_with_arg(run, &vm_exc_TypeError, msg);
    }
    VmNtObj *o = (VmNtObj *)vm_obj_new(run, &vm_type_ntobj, sizeof(VmNtObj));
    if (o == NULL) {
        return VM_ERR;
    }
    o->cls = c;
    o->values = v;
    *out = vm_obj_val(o);
    return VM_OK;
}

static VmStatus
ntclass_call(VmRun *run, VmValue self, VmValue *args, size_t nargs, VmTuple *kwnames,
             VmValue *out)
{
    return nt_make(run, VM_AS(VmNtClass, self), args, nargs, kwnames, out);
}

static VmStatus
ntclass_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmStrBuf b;
    vm_sb_init(&b, run);
    vm_sb_printf(&b, "<class '__main__.%s'>", VM_AS(VmNtClass, self)->name->data);
    return vm_sb_to_str(&b, out);
}

static VmStatus
nt_make_from(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    if (vm_no_kwargs(run, "_make", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 2) {
        return vm_raise(run, &vm_exc_TypeError, "_make() takes exactly one argument");
    }
    VmValue l;
    if (vm_list_from_iter(run, args[1], &l) != VM_OK) {
        return VM_ERR;
    }
    VmNtClass *c = VM_AS(VmNtClass, args[0]);
    if (VM_AS(VmList, l)->len != c->fields->len) {
        return vm_raise(run, &vm_exc_TypeError, "Expected %zu arguments, got %zu",
                        c->fields->len, VM_AS(VmList, l)->len);
    }
    return nt_make(run, c, VM_AS(VmList, l)->items, VM_AS(VmList, l)->len, NULL, out);
}

static const VmBuiltin b_nt_make = { VM_IMMORTAL_HDR(&vm_type_builtin), "_make", nt_make_from,
                                     NULL };

static VmStatus
ntclass_getattr(VmRun *run, VmValue self, VmStr *name, VmValue *out)
{
    VmNtClass *c = VM_AS(VmNtClass, self);
    *out = vm_val_empty();
    if (vm_str_eq_cstr(name, "_fields")) {
        *out = vm_obj_val(c->fields);
    } else if (vm_str_eq_cstr(name, "__name__")) {
        *out = vm_obj_val(c->name);
    } else if (vm_str_eq_cstr(name, "_make")) {
        *out = vm_bound_method_new(run, vm_obj_val(&b_nt_make), self);
        return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
    }
    return VM_OK;
}

const VmType vm_type_ntclass = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "type", .base = &vm_type_object,
    .trace = ntclass_trace, .repr = ntclass_repr, .call = ntclass_call,
    .getattr = ntclass_getattr,
};

static VmStatus
ntobj_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmNtObj *o = VM_AS(VmNtObj, self);
    VmStrBuf b;
    vm_sb_init(&b, run);
    vm_sb_printf(&b, "%s(", o->cls->name->data);
    for (size_t i = 0; i < o->values->len; i++) {
        VmStr *f = VM_AS(VmStr, o->cls->fields->items[i]);
        vm_sb_printf(&b, "%s%s=", i ? ", " : "", f->data);
        if (vm_sb_add_repr(&b, o->values->items[i]) != VM_OK) {
            vm_sb_fini(&b);
            return VM_ERR;
        }
    }
    vm_sb_adds(&b, ")");
    return vm_sb_to_str(&b, out);
}

static VmValue
ntv(VmValue v)
{
    return vm_is(v, &vm_type_ntobj) ? vm_obj_val(VM_AS(VmNtObj, v)->values) : v;
}

static VmStatus
ntobj_richcompare(VmRun *run, VmValue a, VmValue b, VmCmp op, VmValue *out)
{
    if (!vm_is(b, &vm_type_ntobj) && !vm_is(b, &vm_type_tuple)) {
        *out = vm_val_empty();
        return VM_OK;
    }
    return vm_compare(run, ntv(a), ntv(b), op, out);
}

static VmStatus
ntobj_hash(VmRun *run, VmValue self, int64_t *out)
{
    return vm_hash(run, ntv(self), out);
}

static VmStatus
ntobj_len(VmRun *run, VmValue self, int64_t *out)
{
    (void)run;
    *out = (int64_t)VM_AS(VmNtObj, self)->values->len;
    return VM_OK;
}

static VmStatus
ntobj_getitem(VmRun *run, VmValue self, VmValue key, VmValue *out)
{
    return vm_getitem(run, ntv(self), key, out);
}

static VmStatus
ntobj_iter(VmRun *run, VmValue self, VmValue *out)
{
    return vm_iter(run, ntv(self), out);
}

static VmStatus
ntobj_contains(VmRun *run, VmValue self, VmValue item, bool *out)
{
    return vm_contains(run, ntv(self), item, out);
}

static VmStatus
m_asdict(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    (void)nargs;
    if (vm_no_kwargs(run, "_asdict", kwnames) != VM_OK) {
        return VM_ERR;
    }
    VmNtObj *o = VM_AS(VmNtObj, args[0]);
    VmDict *d = vm_dict_new(run);
    if (d == NULL) {
        return VM_ERR;
    }
    for (size_t i = 0; i < o->values->len; i++) {
        if (vm_dict_set(run, d, o->cls->fields->items[i], o->values->items[i]) != VM_OK) {
            return VM_ERR;
        }
    }
    *out = vm_obj_val(d);
    return VM_OK;
}

static VmStatus
m_replace(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    VmNtObj *o = VM_AS(VmNtObj, args[0]);
    if (npos_of(nargs, kwnames) != 1) {
        return vm_raise(run, &vm_exc_TypeError, "_replace() takes 1 positional argument but %zu "
                        "were given", npos_of(nargs, kwnames));
    }
    size_t nf = o->values->len;
    VmTuple *kn = kwnames;
    VmValue *vals = vm_heap_alloc(run, (nf + 1) * sizeof(VmValue));
    if (vals == NULL) {
        return VM_ERR;
    }
    memcpy(vals, o->values->items, nf * sizeof(VmValue));
    for (size_t k = 0; kn != NULL && k < kn->len; k++) {
        size_t i = 0;
        while (i < nf && !vm_str_eq(VM_AS(VmStr, o->cls->fields->items[i]),
                                    VM_AS(VmStr, kn->items[k]))) {
            i++;
        }
        if (i == nf) {
            vm_heap_free(run, vals);
            return vm_raise(run, &vm_exc_TypeError, "Got unexpected field names: ['%s']",
                            VM_AS(VmStr, kn->items[k])->data);
        }
        vals[i] = args[1 + k];
    }
    VmStatus st = nt_make(run, o->cls, vals, nf, NULL, out);
    vm_heap_free(run, vals);
    return st;
}

static VmStatus
forward_tuple(VmRun *run, const char *name, VmValue *args, size_t nargs, VmTuple *kwnames,
              VmValue *out)
{
    VmStr *s = vm_str_new_cstr(run, name);
    VmValue meth;
    if (s == NULL || vm_getattr(run, ntv(args[0]), s, &meth) != VM_OK) {
        return VM_ERR;
    }
    return vm_call_native(run, meth, args + 1, nargs - 1, kwnames, out);
}

static VmStatus
m_nt_count(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    return forward_tuple(run, "count", args, nargs, kwnames, out);
}

static VmStatus
m_nt_index(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    return forward_tuple(run, "index", args, nargs, kwnames, out);
}

METHOD(asdict, "_asdict", &vm_type_ntobj);
METHOD(replace, "_replace", &vm_type_ntobj);
METHOD(nt_count, "count", &vm_type_ntobj);
METHOD(nt_index, "index", &vm_type_ntobj);

static const VmBuiltin *const ntobj_methods[] = {
    &b_asdict, &b_replace, &b_nt_count, &b_nt_index, NULL,
};

static VmStatus
ntobj_getattr(VmRun *run, VmValue self, VmStr *name, VmValue *out)
{
    (void)run;
    VmNtObj *o = VM_AS(VmNtObj, self);
    *out = vm_val_empty();
    for (size_t i = 0; i < o->cls->fields->len; i++) {
        if (vm_str_eq(VM_AS(VmStr, o->cls->fields->items[i]), name)) {
            *out = o->values->items[i];
            return VM_OK;
        }
    }
    if (vm_str_eq_cstr(name, "_fields")) {
        *out = vm_obj_val(o->cls->fields);
    }
    return VM_OK;
}

const VmType vm_type_ntobj = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "namedtuple", .base = &vm_type_object,
    .trace = ntobj_trace, .repr = ntobj_repr, .richcompare = ntobj_richcompare,
    .hash = ntobj_hash, .len = ntobj_len, .getitem = ntobj_getitem, .iter = ntobj_iter,
    .contains = ntobj_contains, .getattr = ntobj_getattr, .methods = ntobj_methods,
};

/* vm_module_type_of: a namedtuple instance's class (see modules.h). */
VmValue
vm_module_type_of(VmValue v)
{
    if (vm_is(v, &vm_type_ntobj)) {
        return vm_obj_val(VM_AS(VmNtObj, v)->cls);
    }
    return vm_val_empty();
}

/* vm_coll_struct_new: see modules.h. */
VmStatus
vm_coll_struct_new(VmRun *run, const char *clsname, const char *const *fields,
                   const VmValue *values, size_t n, VmValue *out)
{
    VmNtClass *c = (VmNtClass *)vm_obj_new(run, &vm_type_ntclass, sizeof(VmNtClass));
    if (c == NULL || (c->name = vm_str_new_cstr(run, clsname)) == NULL
        || (c->fields = vm_tuple_new(run, n)) == NULL) {
        return VM_ERR;
    }
    for (size_t i = 0; i < n; i++) {
        VmStr *f = vm_str_new_cstr(run, fields[i]);
        if (f == NULL) {
            return VM_ERR;
        }
        c->fields->items[i] = vm_obj_val(f);
    }
    VmTuple *v = vm_tuple_new(run, n);
    VmNtObj *o = v ? (VmNtObj *)vm_obj_new(run, &vm_type_ntobj, sizeof(VmNtObj)) : NULL;
    if (o == NULL) {
        return VM_ERR;
    }
    memcpy(v->items, values, n * sizeof(VmValue));
    o->cls = c;
    o->values = v;
    *out = vm_obj_val(o);
    return VM_OK;
}

/* vm_module_tuple_of: see modules.h. */
VmTuple *
vm_module_tuple_of(VmValue v)
{
    return vm_is(v, &vm_type_ntobj) ? VM_AS(VmNtObj, v)->values : NULL;
}

/* vm_module_is_class: a namedtuple class (see modules.h). */
bool
vm_module_is_class(VmValue v)
{
    return vm_is(v, &vm_type_ntclass);
}

static const VmBuiltin b_namedtuple = { VM_IMMORTAL_HDR(&vm_type_builtin), "namedtuple",
                                        nt_factory, NULL };

static const VmModuleMember members[] = {
    VM_MEMBER_T("defaultdict", &vm_type_defaultdict),
    VM_MEMBER_T("Counter", &vm_type_counter),
    VM_MEMBER_T("OrderedDict", &vm_type_ordereddict),
    VM_MEMBER_T("deque", &vm_type_deque),
    VM_MEMBER_B("namedtuple", &b_namedtuple),
};

VM_MODULE_DEF(collections, "collections", members);

/* ---- snapshots (vm/snap_heap.c) ----------------------------------------------------- */

/* vm_collections_snap_deque: a deque's fields (items list, maxlen; -1 unbounded). */
void
vm_collections_snap_deque(VmObj *o, VmList ***items, int64_t **maxlen)
{
    VmDeque *q = (VmDeque *)o;
    *items = &q->items;
    *maxlen = &q->maxlen;
}

/* vm_collections_snap_nt: a namedtuple class's fields (name, field names, defaults or
 * NULL) or, for a namedtuple object, its class and values (name/defaults NULL). */
void
vm_collections_snap_nt(VmObj *o, VmStr ***name, VmTuple ***fields, VmTuple ***defaults,
                       VmObj ***cls)
{
    if (o->type == &vm_type_ntclass) {
        VmNtClass *c = (VmNtClass *)o;
        *name = &c->name;
        *fields = &c->fields;
        *defaults = &c->defaults;
        *cls = NULL;
        return;
    }
    VmNtObj *n = (VmNtObj *)o;
    *name = NULL;
    *fields = &n->values;
    *defaults = NULL;
    *cls = (VmObj **)&n->cls;
}

/* vm_collections_snap_size: the allocation size of a deque, namedtuple class or object. */
size_t
vm_collections_snap_size(const VmType *t)
{
    return t == &vm_type_deque ? sizeof(VmDeque)
           : t == &vm_type_ntclass ? sizeof(VmNtClass) : sizeof(VmNtObj);
}
