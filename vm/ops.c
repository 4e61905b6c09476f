/*
 * ops.c — the object protocol: dispatch of repr, hash, truth, comparisons,
 * arithmetic, containers and attributes over the type slots, with CPython's
 * error messages.
 */
#include <string.h>

#include "vm/modules.h"
#include "vm/vm_int.h"

VmStatus vm_int_unary(VmRun *run, int op, VmValue a, VmValue *out);
VmStatus vm_str_mod(VmRun *run, VmValue fmt, VmValue args, VmValue *out);
VmStatus vm_bytes_mod(VmRun *run, VmValue fmt, VmValue args, VmValue *out);
VmStatus vm_str_repeat(VmRun *run, VmStr *s, int64_t n, VmValue *out);
VmStatus vm_seq_repeat(VmRun *run, VmValue seq, int64_t n, VmValue *out);
VmValue vm_value_bytes(VmRun *run, const uint8_t *data, size_t len);
VmStatus vm_set_binop(VmRun *run, int op, VmValue a, VmValue b, bool inplace, VmValue *out);

static const char *const op_symbols[] = {
    "+", "-", "*", "@", "/", "%", "**", "<<", ">>", "|", "^", "&", "//",
};

/* vm_type_of: the type of any value. */
const VmType *
vm_type_of(VmValue v)
{
    switch (v.tag) {
    case VM_TAG_NONE: return &vm_type_none;
    case VM_TAG_BOOL: return &vm_type_bool;
    case VM_TAG_INT: return &vm_type_int;
    case VM_TAG_FLOAT: return &vm_type_float;
    case VM_TAG_OBJ: return v.u.o->type;
    default: return &vm_type_none;
    }
}

const char *
vm_type_name(VmValue v)
{
    return vm_type_of(v)->name;
}

bool
vm_type_is_subtype(const VmType *t, const VmType *base)
{
    for (; t != NULL; t = t->base) {
        if (t == base) {
            return true;
        }
    }
    return false;
}

bool
vm_isinstance(VmValue v, const VmType *t)
{
    return vm_type_is_subtype(vm_type_of(v), t);
}

/* vm_repr: repr(v) as a str value. */
VmStatus
vm_repr(VmRun *run, VmValue v, VmValue *out)
{
    const VmType *t = vm_type_of(v);
    if (t->repr == NULL) {
        return vm_raise(run, &vm_exc_TypeError, "cannot repr '%s'", t->name);
    }
    if (vm_native_enter(run, "while getting the repr of an object") != VM_OK) {
        return VM_ERR;
    }
    VmStatus st = t->repr(run, v, out);
    vm_native_leave(run);
    return st;
}

VmStatus
vm_native_enter(VmRun *run, const char *what)
{
    uintptr_t here = (uintptr_t)__builtin_frame_address(0);
    /* the stack grows down: bytes used since the run's entry are base - here */
    bool deep_stack = run->stack_base != 0 && here < run->stack_base
                      && run->stack_base - here > VM_NATIVE_STACK_MAX;
    if (run->native_depth >= VM_NATIVE_DEPTH_MAX || deep_stack) {
        return vm_raise(run, &vm_exc_RecursionError, "maximum recursion depth exceeded %s",
                        what);
    }
    run->native_depth++;
    return VM_OK;
}

/* vm_str: str(v). */
VmStatus
vm_str(VmRun *run, VmValue v, VmValue *out)
{
    const VmType *t = vm_type_of(v);
    if (t->str != NULL) {
        if (vm_native_enter(run, "while getting the str of an object") != VM_OK) {
            return VM_ERR;
        }
        VmStatus st = t->str(run, v, out);
        vm_native_leave(run);
        return st;
    }
    return vm_repr(run, v, out);
}

/* vm_hash: hash(v); TypeError for unhashable types. */
VmStatus
vm_hash(VmRun *run, VmValue v, int64_t *out)
{
    switch (v.tag) {
    case VM_TAG_INT:
    case VM_TAG_BOOL:
        *out = vm_int_hash(v);
        return VM_OK;
    case VM_TAG_FLOAT:
        *out = vm_float_hash(v.u.f);
        return VM_OK;
    default:
        break;
    }
    const VmType *t = vm_type_of(v);
    if (t->hash == NULL) {
        return vm_raise(run, &vm_exc_TypeError, "unhashable type: '%s'", t->name);
    }
    if (vm_native_enter(run, "while calculating a hash") != VM_OK) {
        return VM_ERR;
    }
    VmStatus st = t->hash(run, v, out);
    vm_native_leave(run);
    return st;
}

/* vm_truth: bool(v). */
VmStatus
vm_truth(VmRun *run, VmValue v, bool *out)
{
    switch (v.tag) {
    case VM_TAG_NONE: *out = false; return VM_OK;
    case VM_TAG_BOOL:
    case VM_TAG_INT: *out = v.u.i != 0; return VM_OK;
    case VM_TAG_FLOAT: *out = v.u.f != 0.0; return VM_OK;
    default: break;
    }
    const VmType *t = vm_type_of(v);
    if (t->bool_ != NULL) {
        return t->bool_(run, v, out);
    }
    if (t->len != NULL) {
        int64_t n;
        if (t->len(run, v, &n) != VM_OK) {
            return VM_ERR;
        }
        *out = n != 0;
        return VM_OK;
    }
    *out = true;
    return VM_OK;
}

static VmCmp
swapped(VmCmp op)
{
    switch (op) {
    case VM_CMP_LT: return VM_CMP_GT;
    case VM_CMP_LE: return VM_CMP_GE;
    case VM_CMP_GT: return VM_CMP_LT;
    case VM_CMP_GE: return VM_CMP_LE;
    default: return op;
    }
}

/* vm_compare: a op b with reflected fallback and identity for ==/!=. */
VmStatus
vm_compare(VmRun *run, VmValue a, VmValue b, VmCmp op, VmValue *out)
{
    if (a.tag == VM_TAG_INT && b.tag == VM_TAG_INT) {
        int64_t x = a.u.i, y = b.u.i;
        bool r;
        switch (op) {
        case VM_CMP_LT: r = x < y; break;
        case VM_CMP_LE: r = x <= y; break;
        case VM_CMP_EQ: r = x == y; break;
        case VM_CMP_NE: r = x != y; break;
        case VM_CMP_GT: r = x > y; break;
        default: r = x >= y; break;
        }
        *out = vm_val_bool(r);
        return VM_OK;
    }
    const VmType *ta = vm_type_of(a), *tb = vm_type_of(b);
    if (ta->richcompare != NULL || tb->richcompare != NULL) {
        if (vm_native_enter(run, "in comparison") != VM_OK) {
            return VM_ERR;
        }
        VmStatus st = VM_OK;
        *out = vm_val_empty();
        if (ta->richcompare != NULL) {
            st = ta->richcompare(run, a, b, op, out);
        }
        if (st == VM_OK && vm_val_is_empty(*out) && tb->richcompare != NULL) {
            st = tb->richcompare(run, b, a, swapped(op), out);
        }
        vm_native_leave(run);
        if (st != VM_OK) {
            return VM_ERR;
        }
        if (!vm_val_is_empty(*out)) {
            return VM_OK;
        }
    }
    if (op == VM_CMP_EQ || op == VM_CMP_NE) {
        bool same = vm_val_same(a, b);
        *out = vm_val_bool(op == VM_CMP_EQ ? same : !same);
        return VM_OK;
    }
    static const char *const syms[] = { "<", "<=", "==", "!=", ">", ">=" };
    return vm_raise(run, &vm_exc_TypeError,
                    "'%s' not supported between instances of '%s' and '%s'", syms[op],
                    ta->name, tb->name);
}

/* cmp_result: the comparison `op` given the three-way order c (< 0, 0, > 0). */
static inline bool
cmp_result(int c, VmCmp op)
{
    switch (op) {
    case VM_CMP_LT: return c < 0;
    case VM_CMP_LE: return c <= 0;
    case VM_CMP_EQ: return c == 0;
    case VM_CMP_NE: return c != 0;
    case VM_CMP_GT: return c > 0;
    default: return c >= 0;
    }
}

/* simple_order: three-way order of two ints or two strs (UTF-8 byte order is code point
 * order); false for other kinds (the caller takes the general path). */
static inline bool
simple_order(VmValue a, VmValue b, int *c)
{
    if (a.tag == VM_TAG_INT && b.tag == VM_TAG_INT) {
        *c = a.u.i < b.u.i ? -1 : a.u.i > b.u.i;
        return true;
    }
    if (vm_is(a, &vm_type_str) && vm_is(b, &vm_type_str)) {
        const VmStr *x = VM_AS(VmStr, a), *y = VM_AS(VmStr, b);
        size_t n = x->len < y->len ? x->len : y->len;
        int m = memcmp(x->data, y->data, n);
        *c = m != 0 ? m : x->len < y->len ? -1 : x->len > y->len;
        return true;
    }
    return false;
}

/*
 * vm_compare_bool: a <op> b as a C bool. Ints, floats, strs and tuples of ints/strs
 * (what sorting and `min`/`max` compare most) are ordered here without building
 * result values; everything else goes through vm_compare.
 */
VmStatus
vm_compare_bool(VmRun *run, VmValue a, VmValue b, VmCmp op, bool *out)
{
    int c;
    if (simple_order(a, b, &c)) {
        *out = cmp_result(c, op);
        return VM_OK;
    }
    if (a.tag == VM_TAG_FLOAT && b.tag == VM_TAG_FLOAT) {
        double x = a.u.f, y = b.u.f;
        switch (op) {
        case VM_CMP_LT: *out = x < y; break;
        case VM_CMP_LE: *out = x <= y; break;
        case VM_CMP_EQ: *out = x == y; break;
        case VM_CMP_NE: *out = x != y; break;
        case VM_CMP_GT: *out = x > y; break;
        default: *out = x >= y; break;
        }
        return VM_OK;
    }
    if (vm_is(a, &vm_type_tuple) && vm_is(b, &vm_type_tuple)) {
        /* lexicographic: the first items that differ decide, else the lengths */
        const VmTuple *x = VM_AS(VmTuple, a), *y = VM_AS(VmTuple, b);
        size_t i;
        for (i = 0; i < x->len && i < y->len; i++) {
            if (vm_val_same(x->items[i], y->items[i])) {
                continue;
            }
            if (!simple_order(x->items[i], y->items[i], &c)) {
                goto general;
            }
            if (c != 0) {
                *out = cmp_result(c, op);
                return VM_OK;
            }
        }
        *out = cmp_result(x->len < y->len ? -1 : x->len > y->len, op);
        return VM_OK;
    }
general:;
    VmValue r;
    if (vm_compare(run, a, b, op, &r) != VM_OK) {
        return VM_ERR;
    }
    return vm_truth(run, r, out);
}

/* vm_eq: a == b as a C bool. */
VmStatus
vm_eq(VmRun *run, VmValue a, VmValue b, bool *out)
{
    if (a.tag == VM_TAG_INT && b.tag == VM_TAG_INT) {
        *out = a.u.i == b.u.i;
        return VM_OK;
    }
    if (vm_is(a, &vm_type_str) && vm_is(b, &vm_type_str)) {
        *out = vm_str_eq(VM_AS(VmStr, a), VM_AS(VmStr, b));
        return VM_OK;
    }
    return vm_compare_bool(run, a, b, VM_CMP_EQ, out);
}

static bool
is_num(VmValue v)
{
    return v.tag == VM_TAG_FLOAT || vm_is_int(v);
}

static VmStatus
binop_error(VmRun *run, int op, bool inplace, VmValue a, VmValue b)
{
    if (op == VM_OP_ADD && !inplace && (vm_is(a, &vm_type_str) || vm_is(a, &vm_type_list)
                                        || vm_is(a, &vm_type_tuple)
                                        || vm_is(a, &vm_type_bytes))) {
        if (vm_is(a, &vm_type_str)) {
            return vm_raise(run, &vm_exc_TypeError,
                            "can only concatenate str (not \"%s\") to str", vm_type_name(b));
        }
        if (vm_is(a, &vm_type_bytes)) {
            return vm_raise(run, &vm_exc_TypeError, "can't concat %s to bytes", vm_type_name(b));
        }
        return vm_raise(run, &vm_exc_TypeError, "can only concatenate %s (not \"%s\") to %s",
                        vm_type_name(a), vm_type_name(b), vm_type_name(a));
    }
    if (op == VM_OP_MUL && (vm_is(a, &vm_type_str) || vm_is(a, &vm_type_list)
                            || vm_is(a, &vm_type_tuple) || vm_is(b, &vm_type_str)
                            || vm_is(b, &vm_type_list) || vm_is(b, &vm_type_tuple))) {
        VmValue other = (vm_is(a, &vm_type_str) || vm_is(a, &vm_type_list)
                         || vm_is(a, &vm_type_tuple)) ? b : a;
        if (other.tag != VM_TAG_INT && !vm_is(other, &vm_type_int)) {
            return vm_raise(run, &vm_exc_TypeError,
                            "can't multiply sequence by non-int of type '%s'",
                            vm_type_name(other));
        }
    }
    if (op == VM_OP_POW && !inplace) {
        return vm_raise(run, &vm_exc_TypeError,
                        "unsupported operand type(s) for ** or pow(): '%s' and '%s'",
                        vm_type_name(a), vm_type_name(b));
    }
    return vm_raise(run, &vm_exc_TypeError, "unsupported operand type(s) for %s%s: '%s' and '%s'",
                    op_symbols[op], inplace ? "=" : "", vm_type_name(a), vm_type_name(b));
}

/* obj_iter.c: set operations with a dict keys/items view. */
VmStatus vm_dict_view_setop(VmRun *run, int op, VmValue a, VmValue b, VmValue *out);

/*
 * vm_binop: a op b; op is a VM_OP_* code, | 0x100 for the in-place form (which
 * mutates lists, sets and dicts in place as CPython does).
 */
VmStatus
vm_binop(VmRun *run, int op, VmValue a, VmValue b, VmValue *out)
{
    bool inplace = (op & 0x100) != 0;
    op &= 0xFF;
    if (op >= VM_OP_COUNT) {
        return vm_raise(run, &vm_exc_RuntimeError, "bad operator");
    }
    if (vm_is_int(a) && vm_is_int(b)) {
        if (a.tag == VM_TAG_BOOL && b.tag == VM_TAG_BOOL
            && (op == VM_OP_AND || op == VM_OP_OR || op == VM_OP_XOR)) {
            int64_t r = op == VM_OP_AND ? (a.u.i & b.u.i)
                        : op == VM_OP_OR ? (a.u.i | b.u.i) : (a.u.i ^ b.u.i);
            *out = vm_val_bool(r != 0);
            return VM_OK;
        }
        if (vm_int_binop(run, op, a, b, out) != VM_OK) {
            return VM_ERR;
        }
        if (!vm_val_is_empty(*out)) {
            return VM_OK;
        }
        return binop_error(run, op, inplace, a, b);
    }
    if (is_num(a) && is_num(b)) {
        double x = 0, y = 0;
        if (a.tag == VM_TAG_FLOAT) {
            x = a.u.f;
        } else if (vm_int_to_double(run, a, &x) != VM_OK) {
            return VM_ERR;
        }
        if (b.tag == VM_TAG_FLOAT) {
            y = b.u.f;
        } else if (vm_int_to_double(run, b, &y) != VM_OK) {
            return VM_ERR;
        }
        if (vm_float_binop(run, op, x, y, out) != VM_OK) {
            return VM_ERR;
        }
        if (!vm_val_is_empty(*out)) {
            return VM_OK;
        }
        return binop_error(run, op, inplace, a, b);
    }
    const VmType *ta = vm_type_of(a), *tb = vm_type_of(b);
    if ((op == VM_OP_AND || op == VM_OP_OR || op == VM_OP_XOR || op == VM_OP_SUB)
        && (ta == &vm_type_dict_keys || ta == &vm_type_dict_items || tb == &vm_type_dict_keys
            || tb == &vm_type_dict_items)) {
        return vm_dict_view_setop(run, op, a, b, out);
    }
    switch (op) {
    case VM_OP_ADD:
        if (ta == &vm_type_str && tb == &vm_type_str) {
            return vm_str_concat(run, VM_AS(VmStr, a), VM_AS(VmStr, b), out);
        }
        if (ta == &vm_type_bytes && tb == &vm_type_bytes) {
            VmBytes *x = VM_AS(VmBytes, a), *y = VM_AS(VmBytes, b);
            uint8_t *buf = vm_heap_alloc(run, x->len + y->len + 1);
            if (buf == NULL) {
                return VM_ERR;
            }
            vm_memcpy(buf, x->data, x->len);
            vm_memcpy(buf + x->len, y->data, y->len);
            *out = vm_value_bytes(run, buf, x->len + y->len);
            vm_heap_free(run, buf);
            return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
        }
        if (ta == &vm_type_list && inplace) {
            if (vm_list_extend(run, VM_AS(VmList, a), b) != VM_OK) {
                return VM_ERR;
            }
            *out = a;
            return VM_OK;
        }
        if (ta == &vm_type_list && tb == &vm_type_list) {
            VmList *x = VM_AS(VmList, a), *y = VM_AS(VmList, b);
            VmList *r = vm_list_new(run, x->len + y->len);
            if (r == NULL) {
                return VM_ERR;
            }
            vm_memcpy(r->items, x->items, x->len * sizeof(VmValue));
            vm_memcpy(r->items + x->len, y->items, y->len * sizeof(VmValue));
            r->len = x->len + y->len;
            *out = vm_obj_val(r);
            return VM_OK;
        }
        if (ta == &vm_type_tuple && tb == &vm_type_tuple) {
            VmTuple *x = VM_AS(VmTuple, a), *y = VM_AS(VmTuple, b);
            VmTuple *r = vm_tuple_new(run, x->len + y->len);
            if (r == NULL) {
                return VM_ERR;
            }
            vm_memcpy(r->items, x->items, x->len * sizeof(VmValue));
            vm_memcpy(r->items + x->len, y->items, y->len * sizeof(VmValue));
            *out = vm_obj_val(r);
            return VM_OK;
        }
        break;
    case VM_OP_MUL:
        if ((ta == &vm_type_str || ta == &vm_type_list || ta == &vm_type_tuple
             || ta == &vm_type_bytes) && vm_is_int(b)) {
            return vm_seq_repeat(run, a, b.tag == VM_TAG_OBJ ? INT64_MAX : b.u.i, out);
        }
        if ((tb == &vm_type_str || tb == &vm_type_list || tb == &vm_type_tuple
             || tb == &vm_type_bytes) && vm_is_int(a)) {
            return vm_seq_repeat(run, b, a.tag == VM_TAG_OBJ ? INT64_MAX : a.u.i, out);
        }
        break;
    case VM_OP_MOD:
        if (ta == &vm_type_str) {
            return vm_str_mod(run, a, b, out);
        }
        if (ta == &vm_type_bytes) {
            return vm_bytes_mod(run, a, b, out);
        }
        break;
    case VM_OP_OR:
        if ((ta == &vm_type_type || ta == &vm_type_union || vm_val_is_none(a))
            && (tb == &vm_type_type || tb == &vm_type_union || vm_val_is_none(b))
            && !(vm_val_is_none(a) && vm_val_is_none(b))) {
            return vm_union_new(run, a, b, out);
        }
        if (ta == &vm_type_dict && tb == &vm_type_dict) {
            VmDict *d = inplace ? VM_AS(VmDict, a) : vm_dict_new(run);
            if (d == NULL || (!inplace && vm_dict_update(run, d, a) != VM_OK)
                || vm_dict_update(run, d, b) != VM_OK) {
                return VM_ERR;
            }
            *out = vm_obj_val(d);
            return VM_OK;
        }
        /* fallthrough */
    case VM_OP_AND:
    case VM_OP_XOR:
    case VM_OP_SUB:
        if ((ta == &vm_type_set || ta == &vm_type_frozenset)
            && (tb == &vm_type_set || tb == &vm_type_frozenset)) {
            return vm_set_binop(run, op, a, b, inplace && ta == &vm_type_set, out);
        }
        break;
    default:
        break;
    }
    /* types of stdlib modules (datetime arithmetic; vm/mod_datetime.c) */
    VmValue mr;
    if (vm_module_binop(run, op, a, b, &mr) != VM_OK) {
        return VM_ERR;
    }
    if (!vm_val_is_empty(mr)) {
        *out = mr;
        return VM_OK;
    }
    return binop_error(run, op, inplace, a, b);
}

/* vm_unaryop: -a, +a, ~a, not a. */
VmStatus
vm_unaryop(VmRun *run, int op, VmValue a, VmValue *out)
{
    if (op == VM_UOP_NOT) {
        bool t;
        if (vm_truth(run, a, &t) != VM_OK) {
            return VM_ERR;
        }
        *out = vm_val_bool(!t);
        return VM_OK;
    }
    if (vm_is_int(a)) {
        return vm_int_unary(run, op, a, out);
    }
    if (a.tag == VM_TAG_FLOAT && op != VM_UOP_INVERT) {
        *out = vm_val_float(op == VM_UOP_NEG ? -a.u.f : a.u.f);
        return VM_OK;
    }
    VmValue mr;     /* timedelta, Counter (vm/mod_datetime.c) */
    if (vm_module_unaryop(run, op, a, &mr) != VM_OK) {
        return VM_ERR;
    }
    if (!vm_val_is_empty(mr)) {
        *out = mr;
        return VM_OK;
    }
    static const char *const syms[] = { "~", "not", "+", "-" };
    return vm_raise(run, &vm_exc_TypeError, "bad operand type for unary %s: '%s'", syms[op],
                    vm_type_name(a));
}

/* vm_len: len(v). */
VmStatus
vm_len(VmRun *run, VmValue v, int64_t *out)
{
    const VmType *t = vm_type_of(v);
    if (t->len == NULL) {
        return vm_raise(run, &vm_exc_TypeError, "object of type '%s' has no len()", t->name);
    }
    return t->len(run, v, out);
}

/* vm_iter: iter(v). */
VmStatus
vm_iter(VmRun *run, VmValue v, VmValue *out)
{
    const VmType *t = vm_type_of(v);
    if (t->iter == NULL) {
        return vm_raise(run, &vm_exc_TypeError, "'%s' object is not iterable", t->name);
    }
    return t->iter(run, v, out);
}

/* vm_next: next item, VM_STOP when exhausted. */
VmStatus
vm_next(VmRun *run, VmValue it, VmValue *out)
{
    const VmType *t = vm_type_of(it);
    if (t->next == NULL) {
        return vm_raise(run, &vm_exc_TypeError, "'%s' object is not an iterator", t->name);
    }
    return t->next(run, it, out);
}

/* vm_getitem: obj[key]. */
VmStatus
vm_getitem(VmRun *run, VmValue obj, VmValue key, VmValue *out)
{
    if (vm_is(obj, &vm_type_list) && key.tag == VM_TAG_INT) {
        VmList *l = VM_AS(VmList, obj);
        int64_t i = key.u.i < 0 ? key.u.i + (int64_t)l->len : key.u.i;
        if (i >= 0 && (size_t)i < l->len) {
            *out = l->items[i];
            return VM_OK;
        }
    }
    const VmType *t = vm_type_of(obj);
    if (t->getitem == NULL) {
        if (t == &vm_type_type) {
            return vm_raise(run, &vm_exc_TypeError, "type '%s' is not subscriptable",
                            ((const VmType *)obj.u.o)->name);
        }
        return vm_raise(run, &vm_exc_TypeError, "'%s' object is not subscriptable", t->name);
    }
    return t->getitem(run, obj, key, out);
}

/* vm_setitem: obj[key] = value (value EMPTY: del obj[key]). */
VmStatus
vm_setitem(VmRun *run, VmValue obj, VmValue key, VmValue value)
{
    const VmType *t = vm_type_of(obj);
    if (t->setitem == NULL) {
        if (vm_val_is_empty(value)) {
            return vm_raise(run, &vm_exc_TypeError, "'%s' object doesn't support item deletion",
                            t->name);
        }
        return vm_raise(run, &vm_exc_TypeError,
                        "'%s' object does not support item assignment", t->name);
    }
    return t->setitem(run, obj, key, value);
}

/* vm_contains: item in container. */
VmStatus
vm_contains(VmRun *run, VmValue container, VmValue item, bool *out)
{
    const VmType *t = vm_type_of(container);
    if (t->contains != NULL) {
        return t->contains(run, container, item, out);
    }
    if (t->iter == NULL) {
        return vm_raise(run, &vm_exc_TypeError, "argument of type '%s' is not iterable",
                        t->name);
    }
    VmValue it, v;
    if (vm_iter(run, container, &it) != VM_OK) {
        return VM_ERR;
    }
    for (;;) {
        VmStatus st = vm_next(run, it, &v);
        if (st == VM_STOP) {
            *out = false;
            return VM_OK;
        }
        if (st != VM_OK) {
            return VM_ERR;
        }
        bool eq = vm_val_same(v, item);
        if (!eq && vm_eq(run, v, item, &eq) != VM_OK) {
            return VM_ERR;
        }
        if (eq) {
            *out = true;
            return VM_OK;
        }
    }
}

static const VmBuiltin *
find_method(const VmType *t, VmStr *name)
{
    for (; t != NULL; t = t->base) {
        for (const VmBuiltin *const *m = t->methods; m && *m; m++) {
            if (vm_str_eq_cstr(name, (*m)->name)) {
                return *m;
            }
        }
    }
    return NULL;
}

static VmStatus
no_attr(VmRun *run, VmValue obj, VmStr *name)
{
    if (vm_is(obj, &vm_type_type)) {
        return vm_raise(run, &vm_exc_AttributeError, "type object '%s' has no attribute '%s'",
                        ((const VmType *)obj.u.o)->name, name->data);
    }
    return vm_raise(run, &vm_exc_AttributeError, "'%s' object has no attribute '%s'",
                    vm_type_name(obj), name->data);
}

/* vm_getmethod: method-call form of attribute lookup (no bound method allocated). */
VmStatus
vm_getmethod(VmRun *run, VmValue obj, VmStr *name, VmValue *meth, VmValue *self)
{
    const VmType *t = vm_type_of(obj);
    if (t != &vm_type_type) {
        const VmBuiltin *m = find_method(t, name);
        if (m != NULL) {
            *meth = vm_obj_val(m);
            *self = obj;
            return VM_OK;
        }
    }
    *self = vm_val_empty();
    return vm_getattr(run, obj, name, meth);
}

/* vm_getattr: obj.name; dunder names reach nothing but a few safe attributes. */
VmStatus
vm_getattr(VmRun *run, VmValue obj, VmStr *name, VmValue *out)
{
    const VmType *t = vm_type_of(obj);
    if (t->getattr != NULL) {
        if (t->getattr(run, obj, name, out) != VM_OK) {
            return VM_ERR;
        }
        if (!vm_val_is_empty(*out)) {
            return VM_OK;
        }
    }
    if (vm_str_eq_cstr(name, "__class__")) {
        *out = vm_obj_val(t);
        return VM_OK;
    }
    if (t != &vm_type_type) {
        const VmBuiltin *m = vm_type_classmethod(t, name);
        if (m != NULL) {
            *out = vm_obj_val(m);     /* unbound: {}.fromkeys is dict.fromkeys */
            return VM_OK;
        }
        m = find_method(t, name);
        if (m != NULL) {
            *out = vm_bound_method_new(run, vm_obj_val(m), obj);
            return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
        }
    }
    return no_attr(run, obj, name);
}

/* vm_setattr: obj.name = value; built-in objects have no writable attributes. */
VmStatus
vm_setattr(VmRun *run, VmValue obj, VmStr *name, VmValue value)
{
    const VmType *t = vm_type_of(obj);
    if (t == &vm_type_function && name->len > 0 && name->data[0] != '_') {
        /* functions carry arbitrary attributes (f.calls = 0) */
        VmFunction *fn = VM_AS(VmFunction, obj);
        if (vm_val_is_empty(value)) {
            bool found = false;
            if (fn->attrs != NULL
                && vm_dict_del(run, fn->attrs, vm_obj_val(name), &found) != VM_OK) {
                return VM_ERR;
            }
            if (!found) {
                return vm_raise(run, &vm_exc_AttributeError,
                                "'function' object has no attribute '%s'", name->data);
            }
            return VM_OK;
        }
        if (fn->attrs == NULL && (fn->attrs = vm_dict_new(run)) == NULL) {
            return VM_ERR;
        }
        return vm_dict_set_str(run, fn->attrs, name, value);
    }
    if (t == &vm_type_type) {
        return vm_raise(run, &vm_exc_TypeError,
                        "cannot set '%s' attribute of immutable type '%s'", name->data,
                        ((const VmType *)obj.u.o)->name);
    }
    if (find_method(t, name) != NULL) {
        return vm_raise(run, &vm_exc_AttributeError,
                        "'%s' object attribute '%s' is read-only", t->name, name->data);
    }
    return vm_raise(run, &vm_exc_AttributeError, "'%s' object has no attribute '%s'", t->name,
                    name->data);
}

/* vm_index: operator.index(v) for small ints. */
VmStatus
vm_index(VmRun *run, VmValue v, int64_t *out)
{
    if (v.tag == VM_TAG_INT || v.tag == VM_TAG_BOOL) {
        *out = v.u.i;
        return VM_OK;
    }
    if (vm_is(v, &vm_type_int)) {
        return vm_raise(run, &vm_exc_OverflowError,
                        "Python int too large to convert to C ssize_t");
    }
    return vm_raise(run, &vm_exc_TypeError,
                    "'%s' object cannot be interpreted as an integer", vm_type_name(v));
}

/* ---- X | Y of types (types.UnionType), for isinstance and annotations ---------- */

static void
union_trace(VmGc *gc, VmObj *o)
{
    vm_gc_mark_obj(gc, (VmObj *)((VmUnion *)o)->args);
}

static VmStatus
union_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmTuple *t = VM_AS(VmUnion, self)->args;
    VmStrBuf b;
    vm_sb_init(&b, run);
    for (size_t i = 0; i < t->len; i++) {
        if (i > 0) {
            vm_sb_adds(&b, " | ");
        }
        if (vm_is(t->items[i], &vm_type_type)) {
            const VmType *ty = (const VmType *)t->items[i].u.o;
            vm_sb_adds(&b, ty == &vm_type_none ? "None" : ty->name);
        } else if (vm_sb_add_repr(&b, t->items[i]) != VM_OK) {
            vm_sb_fini(&b);
            return VM_ERR;
        }
    }
    return vm_sb_to_str(&b, out);
}

const VmType vm_type_union = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "UnionType", .base = &vm_type_object,
    .trace = union_trace, .repr = union_repr,
};

static VmStatus
union_add(VmRun *run, VmList *l, VmValue v)
{
    if (vm_is(v, &vm_type_union)) {
        VmTuple *t = VM_AS(VmUnion, v)->args;
        for (size_t i = 0; i < t->len; i++) {
            if (union_add(run, l, t->items[i]) != VM_OK) {
                return VM_ERR;
            }
        }
        return VM_OK;
    }
    if (vm_val_is_none(v)) {
        v = vm_obj_val(&vm_type_none);
    }
    for (size_t i = 0; i < l->len; i++) {
        if (vm_val_same(l->items[i], v)) {
            return VM_OK;
        }
    }
    return vm_list_append(run, l, v);
}

/* vm_union_new: a | b for types (None means NoneType). */
VmStatus
vm_union_new(VmRun *run, VmValue a, VmValue b, VmValue *out)
{
    VmList *l = vm_list_new(run, 4);
    if (l == NULL || union_add(run, l, a) != VM_OK || union_add(run, l, b) != VM_OK) {
        return VM_ERR;
    }
    VmTuple *t = vm_tuple_new(run, l->len);
    VmUnion *u = t ? (VmUnion *)vm_obj_new(run, &vm_type_union, sizeof *u) : NULL;
    if (u == NULL) {
        return VM_ERR;
    }
    vm_memcpy(t->items, l->items, l->len * sizeof(VmValue));
    u->args = t;
    *out = vm_obj_val(u);
    return VM_OK;
}
