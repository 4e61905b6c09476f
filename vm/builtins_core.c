/*
 * builtins_core.c — the builtin functions (print, len, range, ...), the table
 * LOAD_GLOBAL falls back to, and argument parsing for natives.
 *
 * Builtins that would have to call back into Python code (sorted/min/max with a
 * Python key, map, filter) raise NotImplementedError until they can suspend
 * (contract 2). Deny by default: open, eval, exec, ... are simply absent (NameError).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/bigint.h"
#include "vm/lib_math.h"
#include "vm/modules.h"
#include "vm/vm_int.h"

VmValue vm_dict_view_new(VmRun *run, VmValue dict, int kind);
VmStatus vm_format(VmRun *run, VmValue v, VmValue spec, VmValue *out);
VmStatus vm_ascii(VmRun *run, VmValue v, VmValue *out);
VmStatus vm_sort_values(VmRun *run, VmValue *items, size_t n, VmValue key, bool reverse);

#define DEF(cname, pyname) \
    static VmStatus bi_##cname(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, \
                               VmValue *out); \
    static const VmBuiltin b_##cname = { VM_IMMORTAL_HDR(&vm_type_builtin), pyname, \
                                         bi_##cname, NULL }; \
    static VmStatus bi_##cname(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, \
                               VmValue *out)

/* vm_no_kwargs: TypeError if keywords were passed to a function taking none. */
VmStatus
vm_no_kwargs(VmRun *run, const char *fname, VmTuple *kwnames)
{
    if (kwnames != NULL && kwnames->len > 0) {
        return vm_raise(run, &vm_exc_TypeError, "%s() takes no keyword arguments", fname);
    }
    return VM_OK;
}

/*
 * vm_parse_args: binds args to nparams named parameters (out[i], EMPTY if not
 * given); the first nposonly are positional-only, the first nreq are required.
 */
VmStatus
vm_parse_args(VmRun *run, const char *fname, VmValue *args, size_t nargs, VmTuple *kwnames,
              const char *const *names, size_t nparams, size_t nreq, size_t nposonly,
              VmValue *out)
{
    size_t nkw = kwnames ? kwnames->len : 0;
    size_t npos = nargs - nkw;
    for (size_t i = 0; i < nparams; i++) {
        out[i] = vm_val_empty();
    }
    if (npos > nparams) {
        /* a method's self (named "") is not counted in CPython's messages */
        size_t self = nparams > 0 && (names[0][0] == 0 || strcmp(names[0], "self") == 0);
        size_t np = nparams - self, ng = npos - self;
        if (nreq == nparams) {
            return vm_raise(run, &vm_exc_TypeError,
                            "%s() takes exactly %zu argument%s (%zu given)", fname, np,
                            np == 1 ? "" : "s", ng);
        }
        return vm_raise(run, &vm_exc_TypeError, "%s() takes at most %zu argument%s (%zu given)",
                        fname, np, np == 1 ? "" : "s", ng);
    }
    for (size_t i = 0; i < npos; i++) {
        out[i] = args[i];
    }
    for (size_t k = 0; k < nkw; k++) {
        VmStr *kn = VM_AS(VmStr, kwnames->items[k]);
        size_t j;
        for (j = nposonly; j < nparams; j++) {
            if (vm_str_eq_cstr(kn, names[j])) {
                break;
            }
        }
        if (j == nparams) {
            return vm_raise_unexpected_kw(run, fname, kn, names + nposonly,
                                          nparams - nposonly);
        }
        if (!vm_val_is_empty(out[j])) {
            return vm_raise(run, &vm_exc_TypeError,
                            "argument for %s() given by name ('%s') and position (%zu)", fname,
                            kn->data, j + 1);
        }
        out[j] = args[npos + k];
    }
    for (size_t i = 0; i < nreq; i++) {
        if (vm_val_is_empty(out[i])) {
            if (nreq == nparams && nposonly >= nreq) {
                return vm_raise(run, &vm_exc_TypeError,
                                "%s expected %zu argument%s, got %zu", fname, nreq,
                                nreq == 1 ? "" : "s", npos);
            }
            return vm_raise(run, &vm_exc_TypeError,
                            "%s() missing required argument '%s' (pos %zu)", fname, names[i],
                            i + 1);
        }
    }
    return VM_OK;
}

/* vm_print_text: sends text to the run's print sink. */
VmStatus
vm_print_text(VmRun *run, const char *s, size_t n)
{
    if (run->print != NULL && n > 0) {
        run->print(run->print_ud, s, n);
    }
    return VM_OK;
}

/* vm_call_native: calls a callable that needs no Python frame (natives, types). */
VmStatus
vm_call_native(VmRun *run, VmValue callable, VmValue *args, size_t nargs, VmTuple *kwnames,
               VmValue *out)
{
    const VmType *t = vm_type_of(callable);
    if (t == &vm_type_function) {
        return vm_call_python(run, callable, args, nargs, kwnames, out);
    }
    if (t == &vm_type_external && vm_external_is_async(run, VM_AS(VmExternal, callable))) {
        /* an `async def` tool only makes a coroutine here (obj_coro.c) */
        return vm_coro_host_call(run, VM_AS(VmExternal, callable), args, nargs, kwnames, out);
    }
    if (t == &vm_type_external) {
        return vm_raise(run, &vm_exc_NotImplementedError,
                        "monty does not support calling an external function from a builtin "
                        "yet");
    }
    if (t == &vm_type_method) {
        VmBoundMethod *m = VM_AS(VmBoundMethod, callable);
        VmValue tmp[nargs + 1];
        tmp[0] = m->self;
        vm_memcpy(tmp + 1, args, nargs * sizeof(VmValue));
        return vm_call_native(run, m->func, tmp, nargs + 1, kwnames, out);
    }
    if (t->call == NULL) {
        return vm_raise(run, &vm_exc_TypeError, "'%s' object is not callable", t->name);
    }
    VmStatus st = t->call(run, callable, args, nargs, kwnames, out);
    if (st == VM_DEFER) {
        /* called from native code: the prelude version runs in a nested loop */
        VmValue fn;
        if (vm_prelude_function(run, run->defer_name, &fn) != VM_OK) {
            return VM_ERR;
        }
        return vm_call_python(run, fn, args, nargs, kwnames, out);
    }
    return st;
}


/* ---- the builtins --------------------------------------------------------- */

DEF(print, "print")
{
    static const char *const names[] = { "sep", "end", "file", "flush" };
    size_t nkw = kwnames ? kwnames->len : 0;
    size_t npos = nargs - nkw;
    VmValue opt[4] = { vm_val_empty(), vm_val_empty(), vm_val_empty(), vm_val_empty() };
    for (size_t k = 0; k < nkw; k++) {
        VmStr *kn = VM_AS(VmStr, kwnames->items[k]);
        size_t j;
        for (j = 0; j < 4 && !vm_str_eq_cstr(kn, names[j]); j++) {
        }
        if (j == 4) {
            return vm_raise_unexpected_kw(run, "print", kn, names, 4);
        }
        opt[j] = args[npos + k];
    }
    for (int j = 0; j < 2; j++) {
        if (!vm_val_is_empty(opt[j]) && !vm_val_is_none(opt[j]) && !vm_is(opt[j], &vm_type_str)) {
            return vm_raise(run, &vm_exc_TypeError, "%s must be None or a string, not %s",
                            names[j], vm_type_name(opt[j]));
        }
    }
    if (!vm_val_is_empty(opt[2]) && !vm_val_is_none(opt[2])) {
        return vm_raise(run, &vm_exc_NotImplementedError,
                        "monty does not support print(file=...)");
    }
    VmStrBuf b;
    vm_sb_init(&b, run);
    for (size_t i = 0; i < npos; i++) {
        if (i > 0) {
            if (vm_is(opt[0], &vm_type_str)) {
                vm_sb_add(&b, VM_AS(VmStr, opt[0])->data, VM_AS(VmStr, opt[0])->len);
            } else {
                vm_sb_adds(&b, " ");
            }
        }
        if (vm_sb_add_str(&b, args[i]) != VM_OK) {
            vm_sb_fini(&b);
            return VM_ERR;
        }
    }
    if (vm_is(opt[1], &vm_type_str)) {
        vm_sb_add(&b, VM_AS(VmStr, opt[1])->data, VM_AS(VmStr, opt[1])->len);
    } else {
        vm_sb_adds(&b, "\n");
    }
    if (b.failed) {
        vm_sb_fini(&b);
        return VM_ERR;
    }
    vm_print_text(run, b.data ? b.data : "", b.len);
    vm_sb_fini(&b);
    *out = vm_val_none();
    return VM_OK;
}

DEF(len, "len")
{
    if (vm_no_kwargs(run, "len", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 1 || kwnames) {
        return vm_raise(run, &vm_exc_TypeError, "len() takes exactly one argument (%zu given)",
                        nargs);
    }
    int64_t n;
    if (vm_len(run, args[0], &n) != VM_OK) {
        return VM_ERR;
    }
    *out = vm_val_int(n);
    return VM_OK;
}

DEF(repr, "repr")
{
    if (vm_no_kwargs(run, "repr", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 1 || kwnames) {
        return vm_raise(run, &vm_exc_TypeError, "repr() takes exactly one argument (%zu given)",
                        nargs);
    }
    return vm_repr(run, args[0], out);
}

DEF(ascii, "ascii")
{
    if (vm_no_kwargs(run, "ascii", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 1 || kwnames) {
        return vm_raise(run, &vm_exc_TypeError, "ascii() takes exactly one argument (%zu given)",
                        nargs);
    }
    return vm_ascii(run, args[0], out);
}

DEF(isinstance, "isinstance")
{
    if (vm_no_kwargs(run, "isinstance", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 2 || kwnames) {
        return vm_raise(run, &vm_exc_TypeError, "isinstance expected 2 arguments, got %zu",
                        nargs);
    }
    VmValue t = args[1];
    if (vm_is(t, &vm_type_union)) {
        t = vm_obj_val(VM_AS(VmUnion, t)->args);
    }
    if (vm_is(t, &vm_type_tuple)) {
        VmTuple *tt = VM_AS(VmTuple, t);
        for (size_t i = 0; i < tt->len; i++) {
            VmValue sub[2] = { args[0], tt->items[i] };
            if (bi_isinstance(run, sub, 2, NULL, out) != VM_OK) {
                return VM_ERR;
            }
            if (out->u.i) {
                return VM_OK;
            }
        }
        *out = vm_val_bool(false);
        return VM_OK;
    }
    /* a namedtuple class is an object, its instances are tuples (vm/mod_collections.c) */
    VmValue cls = vm_module_type_of(args[0]);
    if (!vm_val_is_empty(cls)
        && (vm_val_same(cls, t) || vm_val_same(t, vm_obj_val(&vm_type_tuple)))) {
        *out = vm_val_bool(true);
        return VM_OK;
    }
    if (!vm_is(t, &vm_type_type)) {
        if (vm_module_is_class(t)) {
            *out = vm_val_bool(false);
            return VM_OK;
        }
        return vm_raise(run, &vm_exc_TypeError,
                        "isinstance() arg 2 must be a type, a tuple of types, or a union");
    }
    *out = vm_val_bool(vm_isinstance(args[0], (const VmType *)t.u.o));
    return VM_OK;
}

DEF(issubclass, "issubclass")
{
    if (vm_no_kwargs(run, "issubclass", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 2 || kwnames) {
        return vm_raise(run, &vm_exc_TypeError, "issubclass expected 2 arguments, got %zu",
                        nargs);
    }
    if (!vm_is(args[0], &vm_type_type)) {
        return vm_raise(run, &vm_exc_TypeError, "issubclass() arg 1 must be a class");
    }
    VmValue t = args[1];
    if (vm_is(t, &vm_type_union)) {
        t = vm_obj_val(VM_AS(VmUnion, t)->args);
    }
    if (vm_is(t, &vm_type_tuple)) {
        VmTuple *tt = VM_AS(VmTuple, t);
        for (size_t i = 0; i < tt->len; i++) {
            VmValue sub[2] = { args[0], tt->items[i] };
            if (bi_issubclass(run, sub, 2, NULL, out) != VM_OK) {
                return VM_ERR;
            }
            if (out->u.i) {
                return VM_OK;
            }
        }
        *out = vm_val_bool(false);
        return VM_OK;
    }
    if (!vm_is(t, &vm_type_type)) {
        return vm_raise(run, &vm_exc_TypeError,
                        "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    }
    *out = vm_val_bool(vm_type_is_subtype((const VmType *)args[0].u.o,
                                          (const VmType *)t.u.o));
    return VM_OK;
}

DEF(abs, "abs")
{
    if (vm_no_kwargs(run, "abs", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 1 || kwnames) {
        return vm_raise(run, &vm_exc_TypeError, "abs() takes exactly one argument (%zu given)",
                        nargs);
    }
    VmValue v = args[0];
    if (v.tag == VM_TAG_FLOAT) {
        *out = vm_val_float(fabs(v.u.f));
        return VM_OK;
    }
    if (vm_is_int(v)) {
        if (vm_int_sign(v) < 0) {
            return vm_unaryop(run, VM_UOP_NEG, v, out);
        }
        *out = v.tag == VM_TAG_BOOL ? vm_val_int(v.u.i) : v;
        return VM_OK;
    }
    if (vm_module_unaryop(run, VM_MODULE_ABS, v, out) != VM_OK) {
        return VM_ERR;
    }
    if (!vm_val_is_empty(*out)) {
        return VM_OK;
    }
    return vm_raise(run, &vm_exc_TypeError, "bad operand type for abs(): '%s'",
                    vm_type_name(v));
}

static VmStatus
minmax(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out, bool is_max)
{
    const char *fname = is_max ? "max" : "min";
    {
        size_t nk = kwnames ? kwnames->len : 0;
        bool py = nargs - nk == 1 && vm_is_pyiter(args[0]);
        for (size_t k = 0; k < nk; k++) {
            py = py || vm_is_pycallable(args[nargs - nk + k]);
        }
        if (py) {
            return vm_defer(run, fname);
        }
    }
    size_t nkw = kwnames ? kwnames->len : 0;
    size_t npos = nargs - nkw;
    VmValue key = vm_val_none(), dflt = vm_val_empty();
    for (size_t k = 0; k < nkw; k++) {
        VmStr *kn = VM_AS(VmStr, kwnames->items[k]);
        if (vm_str_eq_cstr(kn, "key")) {
            key = args[npos + k];
        } else if (vm_str_eq_cstr(kn, "default")) {
            dflt = args[npos + k];
        } else {
            static const char *const kws[] = { "key", "default" };
            return vm_raise_unexpected_kw(run, fname, kn, kws, 2);
        }
    }
    if (npos == 0) {
        return vm_raise(run, &vm_exc_TypeError, "%s expected at least 1 argument, got 0", fname);
    }
    VmValue seq;
    if (npos == 1) {
        /* stream the iterable: no copy, and the time budget is checked */
        VmValue it, x, best = vm_val_empty(), bestk = vm_val_empty();
        if (vm_iter(run, args[0], &it) != VM_OK) {
            return VM_ERR;
        }
        for (uint32_t n = 0;; n++) {
            VmStatus st = vm_next(run, it, &x);
            if (st == VM_STOP) {
                break;
            }
            if (st != VM_OK) {
                return VM_ERR;
            }
            VmValue k = x;
            if (!vm_val_is_none(key) && vm_call_native(run, key, &x, 1, NULL, &k) != VM_OK) {
                return VM_ERR;
            }
            bool better = vm_val_is_empty(best);
            if (!better && vm_compare_bool(run, k, bestk, is_max ? VM_CMP_GT : VM_CMP_LT,
                                           &better) != VM_OK) {
                return VM_ERR;
            }
            if (better) {
                best = x;
                bestk = k;
            }
            if ((n & 4095) == 4095 && vm_check_time(run) != VM_OK) {
                return VM_ERR;
            }
        }
        if (vm_val_is_empty(best)) {
            if (!vm_val_is_empty(dflt)) {
                *out = dflt;
                return VM_OK;
            }
            return vm_raise(run, &vm_exc_ValueError, "%s() iterable argument is empty", fname);
        }
        *out = best;
        return VM_OK;
    } else {
        if (!vm_val_is_empty(dflt)) {
            return vm_raise(run, &vm_exc_TypeError,
                            "Cannot specify a default for %s() with multiple positional "
                            "arguments", fname);
        }
        VmList *l = vm_list_new(run, npos);
        if (l == NULL) {
            return VM_ERR;
        }
        vm_memcpy(l->items, args, npos * sizeof(VmValue));
        l->len = npos;
        seq = vm_obj_val(l);
    }
    VmList *l = VM_AS(VmList, seq);
    if (l->len == 0) {
        if (!vm_val_is_empty(dflt)) {
            *out = dflt;
            return VM_OK;
        }
        return vm_raise(run, &vm_exc_ValueError, "%s() iterable argument is empty", fname);
    }
    VmValue best = l->items[0], bestk = best;
    if (!vm_val_is_none(key) && vm_call_native(run, key, &best, 1, NULL, &bestk) != VM_OK) {
        return VM_ERR;
    }
    for (size_t i = 1; i < l->len; i++) {
        VmValue k = l->items[i];
        if (!vm_val_is_none(key) && vm_call_native(run, key, &l->items[i], 1, NULL, &k)
                                    != VM_OK) {
            return VM_ERR;
        }
        bool better;
        if (vm_compare_bool(run, k, bestk, is_max ? VM_CMP_GT : VM_CMP_LT, &better) != VM_OK) {
            return VM_ERR;
        }
        if (better) {
            best = l->items[i];
            bestk = k;
        }
    }
    *out = best;
    return VM_OK;
}

DEF(min, "min")
{
    return minmax(run, args, nargs, kwnames, out, false);
}

DEF(max, "max")
{
    return minmax(run, args, nargs, kwnames, out, true);
}

DEF(sum, "sum")
{
    if (nargs > 0 && vm_is_pyiter(args[0])) {
        return vm_defer(run, "sum");
    }
    static const char *const names[] = { "iterable", "start" };
    VmValue a[2];
    if (vm_parse_args(run, "sum", args, nargs, kwnames, names, 2, 1, 1, a) != VM_OK) {
        return VM_ERR;
    }
    VmValue acc = vm_val_is_empty(a[1]) ? vm_val_int(0) : a[1];
    if (vm_is(acc, &vm_type_str)) {
        return vm_raise(run, &vm_exc_TypeError,
                        "sum() can't sum strings [use ''.join(seq) instead]");
    }
    VmValue it, v;
    if (vm_iter(run, a[0], &it) != VM_OK) {
        return VM_ERR;
    }
    /* CPython 3.12+: exact int sums, then Neumaier-compensated float sums in which
     * int items are added plainly (sum([1e100, 1, -1e100]) == 0.0) */
    bool fmode = false;
    VmFloatSum fs;
    vm_float_sum_init(&fs, 0.0);
    for (uint32_t n = 0;; n++) {
        VmStatus st = vm_next(run, it, &v);
        if (st == VM_STOP) {
            break;
        }
        if (st != VM_OK) {
            return VM_ERR;
        }
        if (!fmode && acc.tag == VM_TAG_FLOAT) {
            fmode = true;
            vm_float_sum_init(&fs, acc.u.f);
        }
        if (fmode && v.tag == VM_TAG_FLOAT) {
            vm_float_sum_add(&fs, v.u.f);
        } else if (fmode && (v.tag == VM_TAG_INT || v.tag == VM_TAG_BOOL)) {
            vm_float_sum_add_int(&fs, (double)v.u.i);
        } else {
            if (fmode) {
                acc = vm_val_float(vm_float_sum_result(&fs));
                fmode = false;
            }
            if (vm_binop(run, VM_OP_ADD, acc, v, &acc) != VM_OK) {
                return VM_ERR;
            }
        }
        if ((n & 4095) == 4095 && vm_check_time(run) != VM_OK) {
            return VM_ERR;
        }
    }
    if (fmode) {
        acc = vm_val_float(vm_float_sum_result(&fs));
    }
    *out = acc;
    return VM_OK;
}

DEF(sorted, "sorted")
{
    if (nargs > 0 && vm_is_pyiter(args[0])) {
        return vm_defer(run, "sorted");
    }
    for (size_t k = 0; kwnames && k < kwnames->len; k++) {
        if (vm_is_pycallable(args[nargs - kwnames->len + k])) {
            return vm_defer(run, "sorted");
        }
    }
    size_t nkw = kwnames ? kwnames->len : 0;
    size_t npos = nargs - nkw;
    if (npos != 1) {
        return vm_raise(run, &vm_exc_TypeError, "sorted expected 1 argument, got %zu", npos);
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
            key = args[npos + k];
        } else if (vm_str_eq_cstr(kn, "reverse")) {
            if (vm_truth(run, args[npos + k], &reverse) != VM_OK) {
                return VM_ERR;
            }
        } else {
            static const char *const kws[] = { "key", "reverse" };
            return vm_raise_unexpected_kw(run, "sort", kn, kws, 2);
        }
    }
    if (vm_list_from_iter(run, args[0], out) != VM_OK) {
        return VM_ERR;
    }
    VmList *l = VM_AS(VmList, *out);
    return vm_sort_values(run, l->items, l->len, key, reverse);
}

DEF(enumerate, "enumerate")
{
    for (size_t k = 0; kwnames != NULL && k < kwnames->len; k++) {
        VmStr *kn = VM_AS(VmStr, kwnames->items[k]);
        if (!vm_str_eq_cstr(kn, "iterable") && !vm_str_eq_cstr(kn, "start")) {
            return vm_raise(run, &vm_exc_TypeError,
                            "'%s' is an invalid keyword argument for enumerate()", kn->data);
        }
    }
    for (size_t k = 0; k < nargs; k++) {
        if (vm_is_pyiter(args[k]) || vm_is_pycallable(args[k])) {
            return vm_defer(run, "enumerate");
        }
    }
    static const char *const names[] = { "iterable", "start" };
    VmValue a[2];
    if (nargs == 0) {
        /* CPython's enumerate names the argument without its position */
        return vm_raise(run, &vm_exc_TypeError, "enumerate() missing required argument 'iterable'");
    }
    if (vm_parse_args(run, "enumerate", args, nargs, kwnames, names, 2, 1, 0, a) != VM_OK) {
        return VM_ERR;
    }
    int64_t start = 0;
    if (!vm_val_is_empty(a[1]) && vm_index(run, a[1], &start) != VM_OK) {
        return VM_ERR;
    }
    VmValue it;
    if (vm_iter(run, a[0], &it) != VM_OK) {
        return VM_ERR;
    }
    *out = vm_iter_new(run, it, 8);
    if (vm_val_is_empty(*out)) {
        return VM_ERR;
    }
    VM_AS(VmIter, *out)->aux = start;
    return VM_OK;
}

DEF(zip, "zip")
{
    for (size_t k = 0; k < nargs; k++) {
        if (vm_is_pyiter(args[k]) || vm_is_pycallable(args[k])) {
            return vm_defer(run, "zip");
        }
    }
    size_t nkw = kwnames ? kwnames->len : 0;
    size_t npos = nargs - nkw;
    bool strict = false;
    for (size_t k = 0; k < nkw; k++) {
        VmStr *kn = VM_AS(VmStr, kwnames->items[k]);
        if (!vm_str_eq_cstr(kn, "strict")) {
            static const char *const kws[] = { "strict" };
            return vm_raise_unexpected_kw(run, "zip", kn, kws, 1);
        }
        if (vm_truth(run, args[npos + k], &strict) != VM_OK) {
            return VM_ERR;
        }
    }
    VmTuple *its = vm_tuple_new(run, npos);
    if (its == NULL) {
        return VM_ERR;
    }
    for (size_t i = 0; i < npos; i++) {
        if (vm_iter(run, args[i], &its->items[i]) != VM_OK) {
            return VM_ERR;      /* CPython 3.13: "'int' object is not iterable" as is */
        }
    }
    *out = vm_iter_new(run, vm_obj_val(its), strict ? 11 : 9);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

DEF(reversed, "reversed")
{
    if (vm_no_kwargs(run, "reversed", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 1 || kwnames) {
        return vm_raise(run, &vm_exc_TypeError, "reversed expected 1 argument, got %zu", nargs);
    }
    VmValue s = args[0];
    const VmType *rt = vm_reversed_type(s);
    if (vm_is(s, &vm_type_dict_keys) || vm_is(s, &vm_type_dict_values)
        || vm_is(s, &vm_type_dict_items)) {
        VmValue lst;
        if (vm_list_from_iter(run, s, &lst) != VM_OK) {
            return VM_ERR;
        }
        s = lst;
    } else if (vm_isinstance(s, &vm_type_dict)) {
        VmValue lst;
        if (vm_list_from_iter(run, s, &lst) != VM_OK) {
            return VM_ERR;
        }
        s = lst;
    }
    const VmType *t = vm_type_of(s);
    if (t->getitem == NULL || t->len == NULL || t == &vm_type_dict || t == &vm_type_set) {
        return vm_raise(run, &vm_exc_TypeError, "'%s' object is not reversible", t->name);
    }
    int64_t n;
    if (vm_len(run, s, &n) != VM_OK) {
        return VM_ERR;
    }
    *out = vm_iter_new(run, s, 10);
    if (vm_val_is_empty(*out)) {
        return VM_ERR;
    }
    VM_AS(VmIter, *out)->aux = n - 1;
    out->u.o->type = rt;    /* same slots, CPython's type name */
    return VM_OK;
}

DEF(iter, "iter")
{
    if (nargs == 2 && kwnames == NULL) {
        return vm_defer(run, "_iter_sentinel");
    }
    if (vm_no_kwargs(run, "iter", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 1 || kwnames) {
        return vm_raise(run, &vm_exc_TypeError, "iter expected 1 argument, got %zu", nargs);
    }
    return vm_iter(run, args[0], out);
}

DEF(next, "next")
{
    if (nargs > 0 && vm_is_pyiter(args[0])) {
        return vm_defer(run, "next");
    }
    if (vm_no_kwargs(run, "next", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs < 1 || nargs > 2 || kwnames) {
        return vm_raise(run, &vm_exc_TypeError, "next expected at least 1 argument, got %zu",
                        nargs);
    }
    VmStatus st = vm_next(run, args[0], out);
    if (st == VM_STOP) {
        if (nargs == 2) {
            *out = args[1];
            return VM_OK;
        }
        return vm_raise(run, &vm_exc_StopIteration, "%s", "");
    }
    return st;
}

DEF(callable, "callable")
{
    if (vm_no_kwargs(run, "callable", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 1 || kwnames) {
        return vm_raise(run, &vm_exc_TypeError, "callable() takes exactly one argument (%zu "
                        "given)", nargs);
    }
    const VmType *t = vm_type_of(args[0]);
    *out = vm_val_bool(t->call != NULL || t == &vm_type_function || t == &vm_type_external
                       || t == &vm_type_method);
    return VM_OK;
}

DEF(hash, "hash")
{
    if (vm_no_kwargs(run, "hash", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 1 || kwnames) {
        return vm_raise(run, &vm_exc_TypeError, "hash() takes exactly one argument (%zu given)",
                        nargs);
    }
    int64_t h;
    if (vm_hash(run, args[0], &h) != VM_OK) {
        return VM_ERR;
    }
    *out = vm_val_int(h);
    return VM_OK;
}

DEF(id, "id")
{
    if (vm_no_kwargs(run, "id", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 1 || kwnames) {
        return vm_raise(run, &vm_exc_TypeError, "id() takes exactly one argument (%zu given)",
                        nargs);
    }
    *out = vm_val_int(args[0].tag == VM_TAG_OBJ ? (int64_t)(uintptr_t)args[0].u.o
                                                : args[0].u.i ^ (int64_t)args[0].tag << 56);
    return VM_OK;
}

static VmStatus
int_to_base(VmRun *run, VmValue v, int base, const char *prefix, VmValue *out)
{
    int64_t i;
    if (!vm_is_int(v)) {
        return vm_raise(run, &vm_exc_TypeError,
                        "'%s' object cannot be interpreted as an integer", vm_type_name(v));
    }
    mp_int n;
    if (vm_int_to_mp(run, v, &n) != VM_OK) {
        return VM_ERR;
    }
    (void)i;
    bool neg = mp_isneg(&n);
    n.sign = MP_ZPOS;
    size_t cap = (size_t)mp_count_bits(&n) + 8;
    char *buf = vm_heap_alloc(run, cap + 4);
    if (buf == NULL) {
        mp_clear(&n);
        return VM_ERR;
    }
    size_t w;
    mp_err e = base == 2 || base == 8 || base == 16
                   ? (vm_bigint_to_pow2_radix(&n, base, buf, cap, &w) ? MP_OKAY : MP_BUF)
                   : mp_to_radix(&n, buf, cap, &w, base);
    mp_clear(&n);
    if (e != MP_OKAY) {
        vm_heap_free(run, buf);
        return vm_raise(run, &vm_exc_MemoryError, "%s", "");
    }
    for (char *p = buf; *p; p++) {
        if (*p >= 'A' && *p <= 'Z') {
            *p = (char)(*p - 'A' + 'a');
        }
    }
    VmStrBuf b;
    vm_sb_init(&b, run);
    if (neg) {
        vm_sb_adds(&b, "-");
    }
    vm_sb_adds(&b, prefix);
    vm_sb_adds(&b, buf);
    vm_heap_free(run, buf);
    return vm_sb_to_str(&b, out);
}

DEF(bin, "bin")
{
    if (vm_no_kwargs(run, "bin", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 1 || kwnames) {
        return vm_raise(run, &vm_exc_TypeError, "bin() takes exactly one argument (%zu given)",
                        nargs);
    }
    return int_to_base(run, args[0], 2, "0b", out);
}

DEF(oct, "oct")
{
    if (vm_no_kwargs(run, "oct", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 1 || kwnames) {
        return vm_raise(run, &vm_exc_TypeError, "oct() takes exactly one argument (%zu given)",
                        nargs);
    }
    return int_to_base(run, args[0], 8, "0o", out);
}

DEF(hex, "hex")
{
    if (vm_no_kwargs(run, "hex", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 1 || kwnames) {
        return vm_raise(run, &vm_exc_TypeError, "hex() takes exactly one argument (%zu given)",
                        nargs);
    }
    return int_to_base(run, args[0], 16, "0x", out);
}

DEF(chr, "chr")
{
    int64_t c;
    if (vm_no_kwargs(run, "chr", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 1 || kwnames) {
        return vm_raise(run, &vm_exc_TypeError, "chr() takes exactly one argument (%zu given)",
                        nargs);
    }
    if (vm_index(run, args[0], &c) != VM_OK) {
        return VM_ERR;
    }
    if (c < 0 || c > 0x10FFFF) {
        return vm_raise(run, &vm_exc_ValueError, "chr() arg not in range(0x110000)");
    }
    char buf[4];
    size_t n;
    if (c < 0x80) {
        buf[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        buf[0] = (char)(0xC0 | (c >> 6));
        buf[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        buf[0] = (char)(0xE0 | (c >> 12));
        buf[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        buf[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        buf[0] = (char)(0xF0 | (c >> 18));
        buf[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        buf[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        buf[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    *out = vm_str_val(run, buf, n);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

DEF(ord, "ord")
{
    if (vm_no_kwargs(run, "ord", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 1 || kwnames) {
        return vm_raise(run, &vm_exc_TypeError, "ord() takes exactly one argument (%zu given)",
                        nargs);
    }
    if (!vm_is(args[0], &vm_type_str)) {
        return vm_raise(run, &vm_exc_TypeError,
                        "ord() expected string of length 1, but %s found",
                        vm_type_name(args[0]));
    }
    VmStr *s = VM_AS(VmStr, args[0]);
    if (s->nchars != 1) {
        return vm_raise(run, &vm_exc_TypeError,
                        "ord() expected a character, but string of length %zu found",
                        s->nchars);
    }
    const unsigned char *p = (const unsigned char *)s->data;
    uint32_t c;
    if (p[0] < 0x80) {
        c = p[0];
    } else if ((p[0] & 0xE0) == 0xC0) {
        c = ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    } else if ((p[0] & 0xF0) == 0xE0) {
        c = ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    } else {
        c = ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12)
            | ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    }
    *out = vm_val_int(c);
    return VM_OK;
}

DEF(divmod, "divmod")
{
    if (vm_no_kwargs(run, "divmod", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 2 || kwnames) {
        return vm_raise(run, &vm_exc_TypeError, "divmod expected 2 arguments, got %zu", nargs);
    }
    VmValue q, r;
    if (vm_binop(run, VM_OP_FLOORDIV, args[0], args[1], &q) != VM_OK
        || vm_binop(run, VM_OP_MOD, args[0], args[1], &r) != VM_OK) {
        return VM_ERR;
    }
    VmTuple *t = vm_tuple_new(run, 2);
    if (t == NULL) {
        return VM_ERR;
    }
    t->items[0] = q;
    t->items[1] = r;
    *out = vm_obj_val(t);
    return VM_OK;
}

DEF(pow, "pow")
{
    static const char *const names[] = { "base", "exp", "mod" };
    VmValue a[3];
    if (vm_parse_args(run, "pow", args, nargs, kwnames, names, 3, 2, 0, a) != VM_OK) {
        return VM_ERR;
    }
    if (vm_val_is_empty(a[2]) || vm_val_is_none(a[2])) {
        return vm_binop(run, VM_OP_POW, a[0], a[1], out);
    }
    if (!vm_is_int(a[0]) || !vm_is_int(a[1]) || !vm_is_int(a[2])) {
        return vm_raise(run, &vm_exc_TypeError,
                        "pow() 3rd argument not allowed unless all arguments are integers");
    }
    if (vm_int_sign(a[2]) == 0) {
        return vm_raise(run, &vm_exc_ValueError, "pow() 3rd argument cannot be 0");
    }
    mp_int b, e, m, r;
    if (vm_int_to_mp(run, a[0], &b) != VM_OK) {
        return VM_ERR;
    }
    if (vm_int_to_mp(run, a[1], &e) != VM_OK || vm_int_to_mp(run, a[2], &m) != VM_OK
        || mp_init(&r) != MP_OKAY) {
        return vm_raise(run, &vm_exc_MemoryError, "%s", "");
    }
    bool mneg = mp_isneg(&m);
    if (mp_cmp_d(&m, 1) == MP_EQ || (mneg && m.used == 1 && m.dp[0] == 1)) {
        mp_clear_multi(&b, &e, &m, &r, NULL);
        *out = vm_val_int(0);
        return VM_OK;
    }
    mp_int am;
    mp_err err = mp_init(&am);
    if (err == MP_OKAY) {
        err = mp_abs(&m, &am);
    }
    if (err == MP_OKAY) {
        err = mp_exptmod(&b, &e, &am, &r);
    }
    if (err == MP_OKAY && mneg && !mp_iszero(&r)) {
        err = mp_add(&r, &m, &r);
    }
    mp_clear_multi(&b, &e, &m, &am, NULL);
    if (err != MP_OKAY) {
        mp_clear(&r);
        return vm_raise(run, &vm_exc_ValueError, "base is not invertible for the given modulus");
    }
    *out = vm_int_from_mp(run, &r);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

DEF(round, "round")
{
    static const char *const names[] = { "number", "ndigits" };
    VmValue a[2];
    if (vm_parse_args(run, "round", args, nargs, kwnames, names, 2, 1, 0, a) != VM_OK) {
        return VM_ERR;
    }
    VmValue x = a[0];
    bool has_nd = !vm_val_is_empty(a[1]) && !vm_val_is_none(a[1]);
    int64_t nd = 0;
    if (has_nd && vm_index(run, a[1], &nd) != VM_OK) {
        return VM_ERR;
    }
    if (vm_is_int(x)) {
        if (!has_nd || nd >= 0) {
            *out = x.tag == VM_TAG_BOOL ? vm_val_int(x.u.i) : x;
            return VM_OK;
        }
        /* round half to even at 10**-nd */
        VmValue p, q, r, twice;
        if (vm_binop(run, VM_OP_POW, vm_val_int(10), vm_val_int(-nd), &p) != VM_OK
            || vm_binop(run, VM_OP_FLOORDIV, x, p, &q) != VM_OK
            || vm_binop(run, VM_OP_MOD, x, p, &r) != VM_OK
            || vm_binop(run, VM_OP_MUL, r, vm_val_int(2), &twice) != VM_OK) {
            return VM_ERR;
        }
        int c = vm_int_cmp(twice, p);
        bool up = c > 0 || (c == 0 && vm_binop(run, VM_OP_MOD, q, vm_val_int(2), &r) == VM_OK
                            && vm_int_sign(r) != 0);
        if (up && vm_binop(run, VM_OP_ADD, q, vm_val_int(1), &q) != VM_OK) {
            return VM_ERR;
        }
        return vm_binop(run, VM_OP_MUL, q, p, out);
    }
    if (x.tag != VM_TAG_FLOAT) {
        return vm_raise(run, &vm_exc_TypeError, "type %s doesn't define __round__ method",
                        vm_type_name(x));
    }
    double d = x.u.f;
    if (!has_nd) {
        double r = nearbyint(d);    /* default rounding mode: half to even */
        return vm_int_from_double(run, r, out);
    }
    if (!isfinite(d) || nd > 308) {
        *out = x;
        return VM_OK;
    }
    /* correctly rounded via decimal text, as CPython's double_round */
    char buf[400];
    if (nd < -308) {
        *out = vm_val_float(0.0 * d);
        return VM_OK;
    }
    if (nd >= 0) {
        snprintf(buf, sizeof buf, "%.*f", (int)nd, d);
        *out = vm_val_float(strtod(buf, NULL));
    } else {
        double p = pow(10.0, (double)-nd);
        double y = nearbyint(d / p) * p;
        *out = vm_val_float(y);
    }
    return VM_OK;
}

DEF(all, "all")
{
    if (nargs > 0 && vm_is_pyiter(args[0])) {
        return vm_defer(run, "all");
    }
    if (vm_no_kwargs(run, "all", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 1 || kwnames) {
        return vm_raise(run, &vm_exc_TypeError, "all() takes exactly one argument (%zu given)",
                        nargs);
    }
    VmValue it, v;
    if (vm_iter(run, args[0], &it) != VM_OK) {
        return VM_ERR;
    }
    for (;;) {
        VmStatus st = vm_next(run, it, &v);
        if (st == VM_STOP) {
            *out = vm_val_bool(true);
            return VM_OK;
        }
        bool t;
        if (st != VM_OK || vm_truth(run, v, &t) != VM_OK) {
            return VM_ERR;
        }
        if (!t) {
            *out = vm_val_bool(false);
            return VM_OK;
        }
    }
}

DEF(any, "any")
{
    if (nargs > 0 && vm_is_pyiter(args[0])) {
        return vm_defer(run, "any");
    }
    if (vm_no_kwargs(run, "any", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 1 || kwnames) {
        return vm_raise(run, &vm_exc_TypeError, "any() takes exactly one argument (%zu given)",
                        nargs);
    }
    VmValue it, v;
    if (vm_iter(run, args[0], &it) != VM_OK) {
        return VM_ERR;
    }
    for (;;) {
        VmStatus st = vm_next(run, it, &v);
        if (st == VM_STOP) {
            *out = vm_val_bool(false);
            return VM_OK;
        }
        bool t;
        if (st != VM_OK || vm_truth(run, v, &t) != VM_OK) {
            return VM_ERR;
        }
        if (t) {
            *out = vm_val_bool(true);
            return VM_OK;
        }
    }
}

DEF(getattr, "getattr")
{
    if (vm_no_kwargs(run, "getattr", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs < 2 || nargs > 3 || kwnames) {
        return vm_raise(run, &vm_exc_TypeError, "getattr expected at least 2 arguments, got %zu",
                        nargs);
    }
    if (!vm_is(args[1], &vm_type_str)) {
        return vm_raise(run, &vm_exc_TypeError, "attribute name must be string, not '%s'",
                        vm_type_name(args[1]));
    }
    if (vm_getattr(run, args[0], VM_AS(VmStr, args[1]), out) != VM_OK) {
        if (nargs == 3 && vm_val_is_obj(run->exc)
            && vm_isinstance(run->exc, &vm_exc_AttributeError)) {
            run->exc = vm_val_empty();
            *out = args[2];
            return VM_OK;
        }
        return VM_ERR;
    }
    return VM_OK;
}

DEF(hasattr, "hasattr")
{
    if (vm_no_kwargs(run, "hasattr", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 2 || kwnames) {
        return vm_raise(run, &vm_exc_TypeError, "hasattr expected 2 arguments, got %zu", nargs);
    }
    if (!vm_is(args[1], &vm_type_str)) {
        return vm_raise(run, &vm_exc_TypeError, "attribute name must be string, not '%s'",
                        vm_type_name(args[1]));
    }
    VmValue r;
    if (vm_getattr(run, args[0], VM_AS(VmStr, args[1]), &r) != VM_OK) {
        if (vm_val_is_obj(run->exc) && vm_isinstance(run->exc, &vm_exc_AttributeError)) {
            run->exc = vm_val_empty();
            *out = vm_val_bool(false);
            return VM_OK;
        }
        return VM_ERR;
    }
    *out = vm_val_bool(true);
    return VM_OK;
}

DEF(setattr, "setattr")
{
    if (vm_no_kwargs(run, "setattr", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 3 || kwnames) {
        return vm_raise(run, &vm_exc_TypeError, "setattr expected 3 arguments, got %zu", nargs);
    }
    if (!vm_is(args[1], &vm_type_str)) {
        return vm_raise(run, &vm_exc_TypeError, "attribute name must be string, not '%s'",
                        vm_type_name(args[1]));
    }
    return vm_setattr(run, args[0], VM_AS(VmStr, args[1]), args[2]);
}

DEF(format, "format")
{
    if (vm_no_kwargs(run, "format", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs < 1 || nargs > 2 || kwnames) {
        return vm_raise(run, &vm_exc_TypeError, "format expected at least 1 argument, got %zu",
                        nargs);
    }
    return vm_format(run, args[0], nargs == 2 ? args[1] : vm_val_empty(), out);
}

DEF(map, "map")
{
    for (size_t k = 0; k < nargs; k++) {
        if (vm_is_pyiter(args[k]) || vm_is_pycallable(args[k])) {
            return vm_defer(run, "map");
        }
    }
    if (kwnames != NULL && kwnames->len > 0) {
        return vm_raise(run, &vm_exc_TypeError, "map() takes no keyword arguments");
    }
    if (nargs < 2) {
        return vm_raise(run, &vm_exc_TypeError, "map() must have at least two arguments.");
    }
    VmTuple *t = vm_tuple_new(run, nargs);
    if (t == NULL) {
        return VM_ERR;
    }
    t->items[0] = args[0];
    for (size_t i = 1; i < nargs; i++) {
        if (vm_iter(run, args[i], &t->items[i]) != VM_OK) {
            return VM_ERR;
        }
    }
    *out = vm_iter_new(run, vm_obj_val(t), 12);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

DEF(filter, "filter")
{
    for (size_t k = 0; k < nargs; k++) {
        if (vm_is_pyiter(args[k]) || vm_is_pycallable(args[k])) {
            return vm_defer(run, "filter");
        }
    }
    if (kwnames != NULL && kwnames->len > 0) {
        return vm_raise(run, &vm_exc_TypeError, "filter() takes no keyword arguments");
    }
    if (nargs != 2) {
        return vm_raise(run, &vm_exc_TypeError, "filter expected 2 arguments, got %zu", nargs);
    }
    VmTuple *t = vm_tuple_new(run, 2);
    if (t == NULL) {
        return VM_ERR;
    }
    t->items[0] = args[0];
    if (vm_iter(run, args[1], &t->items[1]) != VM_OK) {
        return VM_ERR;
    }
    *out = vm_iter_new(run, vm_obj_val(t), 13);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

/* Sorted by name for bsearch. */
static const VmValue *dummy_unused;
typedef struct NamedValue {
    const char *name;
    const VmObj *obj;
} NamedValue;

static const NamedValue builtins_table[] = {
    { "ArithmeticError", &vm_exc_ArithmeticError.hdr },
    { "AssertionError", &vm_exc_AssertionError.hdr },
    { "AttributeError", &vm_exc_AttributeError.hdr },
    { "BaseException", &vm_exc_BaseException.hdr },
    { "BaseExceptionGroup", &vm_exc_BaseExceptionGroup.hdr },
    { "BlockingIOError", &vm_exc_BlockingIOError.hdr },
    { "BrokenPipeError", &vm_exc_BrokenPipeError.hdr },
    { "BufferError", &vm_exc_BufferError.hdr },
    { "BytesWarning", &vm_exc_BytesWarning.hdr },
    { "ChildProcessError", &vm_exc_ChildProcessError.hdr },
    { "ConnectionAbortedError", &vm_exc_ConnectionAbortedError.hdr },
    { "ConnectionError", &vm_exc_ConnectionError.hdr },
    { "ConnectionRefusedError", &vm_exc_ConnectionRefusedError.hdr },
    { "ConnectionResetError", &vm_exc_ConnectionResetError.hdr },
    { "DeprecationWarning", &vm_exc_DeprecationWarning.hdr },
    { "EOFError", &vm_exc_EOFError.hdr },
    { "Ellipsis", &vm_ellipsis_obj },
    { "EncodingWarning", &vm_exc_EncodingWarning.hdr },
    { "EnvironmentError", &vm_exc_OSError.hdr },
    { "Exception", &vm_exc_Exception.hdr },
    { "ExceptionGroup", &vm_exc_ExceptionGroup.hdr },
    { "FileExistsError", &vm_exc_FileExistsError.hdr },
    { "FileNotFoundError", &vm_exc_FileNotFoundError.hdr },
    { "FloatingPointError", &vm_exc_FloatingPointError.hdr },
    { "FutureWarning", &vm_exc_FutureWarning.hdr },
    { "GeneratorExit", &vm_exc_GeneratorExit.hdr },
    { "IOError", &vm_exc_OSError.hdr },
    { "ImportError", &vm_exc_ImportError.hdr },
    { "ImportWarning", &vm_exc_ImportWarning.hdr },
    { "IndentationError", &vm_exc_IndentationError.hdr },
    { "IndexError", &vm_exc_IndexError.hdr },
    { "InterruptedError", &vm_exc_InterruptedError.hdr },
    { "IsADirectoryError", &vm_exc_IsADirectoryError.hdr },
    { "KeyError", &vm_exc_KeyError.hdr },
    { "KeyboardInterrupt", &vm_exc_KeyboardInterrupt.hdr },
    { "LookupError", &vm_exc_LookupError.hdr },
    { "MemoryError", &vm_exc_MemoryError.hdr },
    { "ModuleNotFoundError", &vm_exc_ModuleNotFoundError.hdr },
    { "NameError", &vm_exc_NameError.hdr },
    { "NotADirectoryError", &vm_exc_NotADirectoryError.hdr },
    { "NotImplemented", &vm_notimpl_obj },
    { "NotImplementedError", &vm_exc_NotImplementedError.hdr },
    { "OSError", &vm_exc_OSError.hdr },
    { "OverflowError", &vm_exc_OverflowError.hdr },
    { "PendingDeprecationWarning", &vm_exc_PendingDeprecationWarning.hdr },
    { "PermissionError", &vm_exc_PermissionError.hdr },
    { "ProcessLookupError", &vm_exc_ProcessLookupError.hdr },
    { "PythonFinalizationError", &vm_exc_PythonFinalizationError.hdr },
    { "RecursionError", &vm_exc_RecursionError.hdr },
    { "ReferenceError", &vm_exc_ReferenceError.hdr },
    { "ResourceWarning", &vm_exc_ResourceWarning.hdr },
    { "RuntimeError", &vm_exc_RuntimeError.hdr },
    { "RuntimeWarning", &vm_exc_RuntimeWarning.hdr },
    { "StopAsyncIteration", &vm_exc_StopAsyncIteration.hdr },
    { "StopIteration", &vm_exc_StopIteration.hdr },
    { "SyntaxError", &vm_exc_SyntaxError.hdr },
    { "SyntaxWarning", &vm_exc_SyntaxWarning.hdr },
    { "SystemError", &vm_exc_SystemError.hdr },
    { "SystemExit", &vm_exc_SystemExit.hdr },
    { "TabError", &vm_exc_TabError.hdr },
    { "TimeoutError", &vm_exc_TimeoutError.hdr },
    { "TypeError", &vm_exc_TypeError.hdr },
    { "UnboundLocalError", &vm_exc_UnboundLocalError.hdr },
    { "UnicodeDecodeError", &vm_exc_UnicodeDecodeError.hdr },
    { "UnicodeEncodeError", &vm_exc_UnicodeEncodeError.hdr },
    { "UnicodeError", &vm_exc_UnicodeError.hdr },
    { "UnicodeTranslateError", &vm_exc_UnicodeTranslateError.hdr },
    { "UnicodeWarning", &vm_exc_UnicodeWarning.hdr },
    { "UserWarning", &vm_exc_UserWarning.hdr },
    { "ValueError", &vm_exc_ValueError.hdr },
    { "Warning", &vm_exc_Warning.hdr },
    { "ZeroDivisionError", &vm_exc_ZeroDivisionError.hdr },
    { "abs", &b_abs.hdr },
    { "all", &b_all.hdr },
    { "any", &b_any.hdr },
    { "ascii", &b_ascii.hdr },
    { "bin", &b_bin.hdr },
    { "bool", &vm_type_bool.hdr },
    { "bytes", &vm_type_bytes.hdr },
    { "callable", &b_callable.hdr },
    { "chr", &b_chr.hdr },
    { "dict", &vm_type_dict.hdr },
    { "divmod", &b_divmod.hdr },
    { "enumerate", &b_enumerate.hdr },
    { "filter", &b_filter.hdr },
    { "float", &vm_type_float.hdr },
    { "format", &b_format.hdr },
    { "frozenset", &vm_type_frozenset.hdr },
    { "getattr", &b_getattr.hdr },
    { "hasattr", &b_hasattr.hdr },
    { "hash", &b_hash.hdr },
    { "hex", &b_hex.hdr },
    { "id", &b_id.hdr },
    { "int", &vm_type_int.hdr },
    { "isinstance", &b_isinstance.hdr },
    { "issubclass", &b_issubclass.hdr },
    { "iter", &b_iter.hdr },
    { "len", &b_len.hdr },
    { "list", &vm_type_list.hdr },
    { "map", &b_map.hdr },
    { "max", &b_max.hdr },
    { "min", &b_min.hdr },
    { "next", &b_next.hdr },
    { "object", &vm_type_object.hdr },
    { "oct", &b_oct.hdr },
    { "ord", &b_ord.hdr },
    { "pow", &b_pow.hdr },
    { "print", &b_print.hdr },
    { "range", &vm_type_range.hdr },
    { "repr", &b_repr.hdr },
    { "reversed", &b_reversed.hdr },
    { "round", &b_round.hdr },
    { "set", &vm_type_set.hdr },
    { "setattr", &b_setattr.hdr },
    { "slice", &vm_type_slice.hdr },
    { "sorted", &b_sorted.hdr },
    { "str", &vm_type_str.hdr },
    { "sum", &b_sum.hdr },
    { "tuple", &vm_type_tuple.hdr },
    { "type", &vm_type_type.hdr },
    { "zip", &b_zip.hdr },
};

/* vm_builtins_lookup: the builtin object named name[0..len), or NULL. */
const VmBuiltin *
vm_builtins_lookup(const char *name, size_t len)
{
    (void)dummy_unused;
    size_t lo = 0, hi = sizeof builtins_table / sizeof builtins_table[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *k = builtins_table[mid].name;
        int c = strncmp(k, name, len);
        if (c == 0 && k[len] != 0) {
            c = 1;
        }
        if (c == 0) {
            return (const VmBuiltin *)builtins_table[mid].obj;
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return NULL;
}

/* vm_builtin_lookup_str: LOAD_GLOBAL's fallback; EMPTY if not a builtin. */
VmValue
vm_builtin_lookup_str(VmStr *name)
{
    const VmBuiltin *b = vm_builtins_lookup(name->data, name->len);
    return b ? vm_obj_val(b) : vm_val_empty();
}

/* vm_builtins_name: the i-th builtin name (NULL past the end), for suggestions. */
const char *
vm_builtins_name(size_t i)
{
    return i < sizeof builtins_table / sizeof builtins_table[0] ? builtins_table[i].name : NULL;
}
