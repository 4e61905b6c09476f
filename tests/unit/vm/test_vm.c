/*
 * test_vm.c — the VM core through vm/vm.h, on programs assembled by hand (so the
 * tests need neither parser nor compiler): arithmetic and printing, big ints,
 * set order as CPython, external calls (suspend/resume), exceptions and
 * tracebacks, the recursion limit, memory limits and the collector.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "vm/vm.h"

/* ---- a tiny assembler ----------------------------------------------------- */

typedef struct TCode {
    CmpCode c;
    uint32_t code[256];
    CmpLoc locs[256];
    CmpConst consts[64];
    const char *names[32];
    CmpExcEntry exc[4];
    const char *localnames[8];
    uint32_t line;
} TCode;

static void
tc_init(TCode *t, const char *name)
{
    memset(t, 0, sizeof *t);
    t->c.name = name;
    t->c.qualname = name;
    t->c.code = t->code;
    t->c.locs = t->locs;
    t->c.consts = t->consts;
    t->c.names = t->names;
    t->c.exctable = t->exc;
    t->c.localnames = t->localnames;
    t->c.stacksize = 64;
    t->c.firstlineno = 1;
    t->line = 1;
}

static uint32_t
emit(TCode *t, CmpOpcode op, uint32_t arg)
{
    uint32_t at = t->c.ncode++;
    t->code[at] = CMP_INSN(op, arg);
    t->locs[at].lineno = t->line;
    t->locs[at].end_lineno = t->line;
    return at;
}

static uint32_t
k_int(TCode *t, int64_t v)
{
    CmpConst *k = &t->consts[t->c.nconsts];
    k->kind = CMP_CONST_INT;
    k->i = v;
    return t->c.nconsts++;
}

static uint32_t
k_str(TCode *t, const char *s)
{
    CmpConst *k = &t->consts[t->c.nconsts];
    k->kind = CMP_CONST_STR;
    k->str = s;
    k->len = strlen(s);
    return t->c.nconsts++;
}

static uint32_t
k_kind(TCode *t, CmpConstKind kind, int64_t i)
{
    CmpConst *k = &t->consts[t->c.nconsts];
    k->kind = kind;
    k->i = i;
    return t->c.nconsts++;
}

static uint32_t
nm(TCode *t, const char *s)
{
    for (uint32_t i = 0; i < t->c.nnames; i++) {
        if (strcmp(t->names[i], s) == 0) {
            return i;
        }
    }
    t->names[t->c.nnames] = s;
    return t->c.nnames++;
}

typedef struct TProg {
    CmpProgram p;
    CmpCode codes[4];
    const char *externals[4];
} TProg;

static void
tp_init(TProg *tp, TCode *codes, uint32_t n, const char *source)
{
    memset(tp, 0, sizeof *tp);
    for (uint32_t i = 0; i < n; i++) {
        tp->codes[i] = codes[i].c;
    }
    tp->p.codes = tp->codes;
    tp->p.ncodes = n;
    tp->p.filename = "t.py";
    tp->p.source = source;
    tp->p.source_len = source ? strlen(source) : 0;
    tp->p.external_names = tp->externals;
}

typedef struct Out {
    char text[4096];
    size_t len;
} Out;

static void
sink(void *ud, const char *s, size_t n)
{
    Out *o = ud;
    if (o->len + n < sizeof o->text) {
        memcpy(o->text + o->len, s, n);
        o->len += n;
        o->text[o->len] = 0;
    }
}

enum { ADD = 0, MUL = 2, DIV = 4, POW = 6, LT_CMP = 2 };

/* ---- tests ------------------------------------------------------------------ */

START_TEST(test_print_arithmetic)
{
    TCode m;
    tc_init(&m, "<module>");
    emit(&m, OP_LOAD_GLOBAL, nm(&m, "print"));
    emit(&m, OP_PUSH_NULL, 0);
    emit(&m, OP_LOAD_CONST, k_int(&m, 1));
    emit(&m, OP_LOAD_CONST, k_int(&m, 2));
    emit(&m, OP_BINARY_OP, ADD);
    emit(&m, OP_LOAD_CONST, k_str(&m, "x"));
    emit(&m, OP_LOAD_CONST, k_str(&m, "-"));
    static uint32_t items[1];
    items[0] = k_str(&m, "sep");
    uint32_t tup = k_kind(&m, CMP_CONST_TUPLE, 0);
    m.consts[tup].items = items;
    m.consts[tup].nitems = 1;
    emit(&m, OP_LOAD_CONST, tup);
    emit(&m, OP_CALL_KW, 3);
    emit(&m, OP_POP_TOP, 0);
    emit(&m, OP_LOAD_CONST, k_int(&m, 7));
    emit(&m, OP_RETURN_VALUE, 0);
    TProg tp;
    tp_init(&tp, &m, 1, "print(1 + 2, 'x', sep='-')\n");
    Out out = { { 0 }, 0 };
    VmRun *run = vm_run_new(&tp.p, NULL, NULL, sink, &out);
    ck_assert_int_eq(vm_run_start(run), VM_EVENT_COMPLETE);
    ck_assert_str_eq(out.text, "3-x\n");
    VmValue r = vm_run_result(run);
    ck_assert_int_eq(vm_value_kind(r), VM_KIND_INT);
    ck_assert_int_eq(vm_val_get_int(r), 7);
    vm_run_free(run);
}
END_TEST

static VmRun *
run_expr_binop(TProg *tp, TCode *m, int64_t a, int op, int64_t b)
{
    tc_init(m, "<module>");
    emit(m, OP_LOAD_CONST, k_int(m, a));
    emit(m, OP_LOAD_CONST, k_int(m, b));
    emit(m, OP_BINARY_OP, (uint32_t)op);
    emit(m, OP_RETURN_VALUE, 0);
    tp_init(tp, m, 1, "x\n");
    return vm_run_new(&tp->p, NULL, NULL, NULL, NULL);
}

START_TEST(test_int_overflow_to_big)
{
    TCode m;
    TProg tp;
    VmRun *run = run_expr_binop(&tp, &m, 2, POW, 100);
    ck_assert_int_eq(vm_run_start(run), VM_EVENT_COMPLETE);
    VmValue r = vm_run_result(run);
    ck_assert_int_eq(vm_value_kind(r), VM_KIND_BIGINT);
    char *s = vm_value_bigint_str(r);
    ck_assert_str_eq(s, "1267650600228229401496703205376");
    free(s);
    vm_run_free(run);

    run = run_expr_binop(&tp, &m, INT64_MAX, ADD, 1);
    ck_assert_int_eq(vm_run_start(run), VM_EVENT_COMPLETE);
    s = vm_value_repr(run, vm_run_result(run));
    ck_assert_str_eq(s, "9223372036854775808");
    free(s);
    vm_run_free(run);

    run = run_expr_binop(&tp, &m, 7, DIV, 2);
    ck_assert_int_eq(vm_run_start(run), VM_EVENT_COMPLETE);
    s = vm_value_repr(run, vm_run_result(run));
    ck_assert_str_eq(s, "3.5");
    free(s);
    vm_run_free(run);
}
END_TEST

START_TEST(test_zero_division_traceback)
{
    TCode m;
    TProg tp;
    VmRun *run = run_expr_binop(&tp, &m, 1, DIV, 0);
    ck_assert_int_eq(vm_run_start(run), VM_EVENT_ERROR);
    ck_assert_str_eq(vm_run_error_type(run), "ZeroDivisionError");
    ck_assert_str_eq(vm_run_error_message(run), "division by zero");
    ck_assert_str_eq(vm_run_error_traceback(run),
                     "Traceback (most recent call last):\n"
                     "  File \"t.py\", line 1, in <module>\n"
                     "    x\n"
                     "ZeroDivisionError: division by zero\n");
    ck_assert_int_eq(vm_run_error_nframes(run), 1);
    ck_assert_int_eq(vm_run_error_frame(run, 0)->lineno, 1);
    vm_run_free(run);
}
END_TEST

START_TEST(test_set_order_matches_cpython)
{
    /* s = set(); for x in [33, 1, 9, 65, 17]: s.add(x) -> {65, 33, 1, 9, 17} */
    TCode m;
    tc_init(&m, "<module>");
    emit(&m, OP_BUILD_SET, 0);
    int64_t xs[] = { 33, 1, 9, 65, 17 };
    for (int i = 0; i < 5; i++) {
        emit(&m, OP_LOAD_CONST, k_int(&m, xs[i]));
        emit(&m, OP_SET_ADD, 1);
    }
    emit(&m, OP_RETURN_VALUE, 0);
    TProg tp;
    tp_init(&tp, &m, 1, "x\n");
    VmRun *run = vm_run_new(&tp.p, NULL, NULL, NULL, NULL);
    ck_assert_int_eq(vm_run_start(run), VM_EVENT_COMPLETE);
    char *s = vm_value_repr(run, vm_run_result(run));
    ck_assert_str_eq(s, "{65, 33, 1, 9, 17}");
    free(s);
    vm_run_free(run);
}
END_TEST

START_TEST(test_dict_insertion_order)
{
    TCode m;
    tc_init(&m, "<module>");
    for (int i = 0; i < 20; i++) {
        emit(&m, OP_LOAD_CONST, k_int(&m, (i * 7919) % 23));
        emit(&m, OP_LOAD_CONST, k_int(&m, i));
    }
    emit(&m, OP_BUILD_MAP, 20);
    emit(&m, OP_RETURN_VALUE, 0);
    TProg tp;
    tp_init(&tp, &m, 1, "x\n");
    VmRun *run = vm_run_new(&tp.p, NULL, NULL, NULL, NULL);
    ck_assert_int_eq(vm_run_start(run), VM_EVENT_COMPLETE);
    VmValue d = vm_run_result(run);
    ck_assert_int_eq(vm_value_len(d), 20);
    for (size_t i = 0; i < 20; i++) {
        VmValue k, v;
        vm_value_dict_entry(d, i, &k, &v);
        ck_assert_int_eq(vm_val_get_int(k), (int64_t)((i * 7919) % 23));
        ck_assert_int_eq(vm_val_get_int(v), (int64_t)i);
    }
    vm_run_free(run);
}
END_TEST

START_TEST(test_external_call_suspends)
{
    /* return fetch("x", n=2) + 1 */
    TCode m;
    tc_init(&m, "<module>");
    emit(&m, OP_LOAD_GLOBAL, nm(&m, "fetch"));
    emit(&m, OP_PUSH_NULL, 0);
    emit(&m, OP_LOAD_CONST, k_str(&m, "x"));
    emit(&m, OP_LOAD_CONST, k_int(&m, 2));
    uint32_t kn = k_str(&m, "n");
    uint32_t tup = k_kind(&m, CMP_CONST_TUPLE, 0);
    uint32_t item = kn;
    m.consts[tup].items = &item;
    m.consts[tup].nitems = 1;
    emit(&m, OP_LOAD_CONST, tup);
    emit(&m, OP_CALL_KW, 2);
    emit(&m, OP_LOAD_CONST, k_int(&m, 1));
    emit(&m, OP_BINARY_OP, ADD);
    emit(&m, OP_RETURN_VALUE, 0);
    TProg tp;
    tp_init(&tp, &m, 1, "fetch('x', n=2) + 1\n");
    tp.externals[0] = "fetch";
    tp.p.nexternals = 1;
    VmRun *run = vm_run_new(&tp.p, NULL, NULL, NULL, NULL);
    ck_assert_int_eq(vm_run_start(run), VM_EVENT_CALL);
    ck_assert(vm_run_is_paused(run));
    ck_assert_str_eq(vm_run_call_name(run), "fetch");
    ck_assert_int_eq(vm_run_call_id(run), 1);
    ck_assert_int_eq(vm_run_call_nargs(run), 1);
    size_t len;
    ck_assert_str_eq(vm_value_str_data(vm_run_call_arg(run, 0), &len), "x");
    VmValue kw = vm_run_call_kwargs(run);
    ck_assert_int_eq(vm_value_len(kw), 1);
    ck_assert_int_eq(vm_run_resume_value(run, vm_val_int(41)), VM_EVENT_COMPLETE);
    ck_assert_int_eq(vm_val_get_int(vm_run_result(run)), 42);
    vm_run_free(run);

    run = vm_run_new(&tp.p, NULL, NULL, NULL, NULL);
    ck_assert_int_eq(vm_run_start(run), VM_EVENT_CALL);
    ck_assert_int_eq(vm_run_resume_exception(run, "KeyError", "nope"), VM_EVENT_ERROR);
    ck_assert_str_eq(vm_run_error_type(run), "KeyError");
    ck_assert_str_eq(vm_run_error_message(run), "'nope'");
    vm_run_free(run);
}
END_TEST

START_TEST(test_try_except_catches)
{
    TCode m;
    tc_init(&m, "<module>");
    emit(&m, OP_LOAD_CONST, k_int(&m, 1));
    emit(&m, OP_LOAD_CONST, k_int(&m, 0));
    emit(&m, OP_BINARY_OP, DIV);
    emit(&m, OP_RETURN_VALUE, 0);
    uint32_t h = emit(&m, OP_PUSH_EXC_INFO, 0);
    emit(&m, OP_LOAD_GLOBAL, nm(&m, "ArithmeticError"));
    emit(&m, OP_CHECK_EXC_MATCH, 0);
    emit(&m, OP_POP_JUMP_IF_FALSE, h + 7);
    emit(&m, OP_POP_TOP, 0);
    emit(&m, OP_POP_EXCEPT, 0);
    emit(&m, OP_RETURN_CONST, k_str(&m, "caught"));
    emit(&m, OP_RERAISE, 0);
    m.exc[0] = (CmpExcEntry){ 0, 4, h, 0, false };
    m.c.nexc = 1;
    TProg tp;
    tp_init(&tp, &m, 1, "x\n");
    VmRun *run = vm_run_new(&tp.p, NULL, NULL, NULL, NULL);
    ck_assert_int_eq(vm_run_start(run), VM_EVENT_COMPLETE);
    size_t len;
    ck_assert_str_eq(vm_value_str_data(vm_run_result(run), &len), "caught");
    vm_run_free(run);
}
END_TEST

static void
build_recursive(TCode *codes, TProg *tp)
{
    /* def f(): return f()   ;   f() */
    TCode *m = &codes[0], *f = &codes[1];
    tc_init(m, "<module>");
    tc_init(f, "f");
    f->line = 1;
    emit(f, OP_LOAD_GLOBAL, nm(f, "f"));
    emit(f, OP_PUSH_NULL, 0);
    emit(f, OP_CALL, 0);
    emit(f, OP_RETURN_VALUE, 0);
    emit(m, OP_LOAD_CONST, k_kind(m, CMP_CONST_CODE, 1));
    emit(m, OP_MAKE_FUNCTION, 0);
    emit(m, OP_STORE_GLOBAL, nm(m, "f"));
    m->line = 2;
    emit(m, OP_LOAD_GLOBAL, nm(m, "f"));
    emit(m, OP_PUSH_NULL, 0);
    emit(m, OP_CALL, 0);
    emit(m, OP_RETURN_VALUE, 0);
    tp_init(tp, codes, 2, "def f(): return f()\nf()\n");
}

START_TEST(test_recursion_limit)
{
    TCode codes[2];
    TProg tp;
    build_recursive(codes, &tp);
    VmLimits lim = { 0 };
    lim.max_recursion = 50;
    VmRun *run = vm_run_new(&tp.p, &lim, NULL, NULL, NULL);
    ck_assert_int_eq(vm_run_start(run), VM_EVENT_ERROR);
    ck_assert_str_eq(vm_run_error_type(run), "RecursionError");
    ck_assert_str_eq(vm_run_error_message(run), "maximum recursion depth exceeded");
    /* module frame + 49 frames of f */
    ck_assert_int_eq(vm_run_error_nframes(run), 50);
    ck_assert(!vm_run_error_is_limit(run));
    vm_run_free(run);
}
END_TEST

START_TEST(test_memory_limit_string_bomb)
{
    TCode m;
    tc_init(&m, "<module>");
    emit(&m, OP_LOAD_CONST, k_str(&m, "a"));
    emit(&m, OP_LOAD_CONST, k_int(&m, 1000000000));
    emit(&m, OP_BINARY_OP, MUL);
    emit(&m, OP_RETURN_VALUE, 0);
    TProg tp;
    tp_init(&tp, &m, 1, "x\n");
    VmLimits lim = { 0 };
    lim.max_memory = 1 << 20;
    VmRun *run = vm_run_new(&tp.p, &lim, NULL, NULL, NULL);
    ck_assert_int_eq(vm_run_start(run), VM_EVENT_ERROR);
    ck_assert(vm_run_error_is_limit(run));
    ck_assert_str_eq(vm_run_error_type(run), "MemoryError");
    ck_assert(vm_run_live_bytes(run) < (1 << 20));
    vm_run_free(run);
}
END_TEST

static void
build_alloc_loop(TCode *m, TProg *tp, bool keep)
{
    /* l = []; i = 0; while i < 20000: x = [0] * 100; (l.append(x)); i += 1 */
    tc_init(m, "<module>");
    emit(m, OP_BUILD_LIST, 0);
    emit(m, OP_STORE_GLOBAL, nm(m, "l"));
    emit(m, OP_LOAD_CONST, k_int(m, 0));
    emit(m, OP_STORE_GLOBAL, nm(m, "i"));
    uint32_t top = emit(m, OP_LOAD_GLOBAL, nm(m, "i"));
    emit(m, OP_LOAD_CONST, k_int(m, 20000));
    emit(m, OP_COMPARE_OP, LT_CMP);
    uint32_t jf = emit(m, OP_POP_JUMP_IF_FALSE, 0);
    emit(m, OP_LOAD_CONST, k_int(m, 0));
    emit(m, OP_BUILD_LIST, 1);
    emit(m, OP_LOAD_CONST, k_int(m, 100));
    emit(m, OP_BINARY_OP, MUL);
    emit(m, OP_STORE_GLOBAL, nm(m, "x"));
    if (keep) {
        emit(m, OP_LOAD_GLOBAL, nm(m, "l"));
        emit(m, OP_LOAD_ATTR, (nm(m, "append") << 1) | 1);
        emit(m, OP_LOAD_GLOBAL, nm(m, "x"));
        emit(m, OP_CALL, 1);
        emit(m, OP_POP_TOP, 0);
    }
    emit(m, OP_LOAD_GLOBAL, nm(m, "i"));
    emit(m, OP_LOAD_CONST, k_int(m, 1));
    emit(m, OP_BINARY_OP, ADD | 0x100);
    emit(m, OP_STORE_GLOBAL, nm(m, "i"));
    emit(m, OP_JUMP, top);
    m->code[jf] = CMP_INSN(OP_POP_JUMP_IF_FALSE, m->c.ncode);
    emit(m, OP_LOAD_GLOBAL, nm(m, "i"));
    emit(m, OP_RETURN_VALUE, 0);
    tp_init(tp, m, 1, "x\n");
}

START_TEST(test_gc_reclaims_garbage)
{
    TCode m;
    TProg tp;
    build_alloc_loop(&m, &tp, false);
    VmLimits lim = { 0 };
    lim.max_memory = 4 << 20;   /* 20000 * ~1.7 KB would need ~34 MB without a collector */
    VmRun *run = vm_run_new(&tp.p, &lim, NULL, NULL, NULL);
    ck_assert_int_eq(vm_run_start(run), VM_EVENT_COMPLETE);
    ck_assert_int_eq(vm_val_get_int(vm_run_result(run)), 20000);
    ck_assert(vm_run_live_bytes(run) < (4 << 20));
    vm_run_free(run);
}
END_TEST

START_TEST(test_memory_limit_live_data)
{
    TCode m;
    TProg tp;
    build_alloc_loop(&m, &tp, true);
    VmLimits lim = { 0 };
    lim.max_memory = 4 << 20;
    VmRun *run = vm_run_new(&tp.p, &lim, NULL, NULL, NULL);
    ck_assert_int_eq(vm_run_start(run), VM_EVENT_ERROR);
    ck_assert(vm_run_error_is_limit(run));
    ck_assert_str_eq(vm_run_error_message(run), "memory limit exceeded");
    vm_run_free(run);

    lim.max_memory = 0;
    lim.max_allocations = 1000;
    run = vm_run_new(&tp.p, &lim, NULL, NULL, NULL);
    ck_assert_int_eq(vm_run_start(run), VM_EVENT_ERROR);
    ck_assert_str_eq(vm_run_error_message(run), "allocation limit exceeded");
    ck_assert(vm_run_allocations(run) <= 1000);
    vm_run_free(run);
}
END_TEST

static Suite *
vm_suite(void)
{
    Suite *s = suite_create("vm");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_print_arithmetic);
    tcase_add_test(tc, test_int_overflow_to_big);
    tcase_add_test(tc, test_zero_division_traceback);
    tcase_add_test(tc, test_set_order_matches_cpython);
    tcase_add_test(tc, test_dict_insertion_order);
    tcase_add_test(tc, test_external_call_suspends);
    tcase_add_test(tc, test_try_except_catches);
    tcase_add_test(tc, test_recursion_limit);
    tcase_add_test(tc, test_memory_limit_string_bomb);
    tcase_add_test(tc, test_gc_reclaims_garbage);
    tcase_add_test(tc, test_memory_limit_live_data);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(vm_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
