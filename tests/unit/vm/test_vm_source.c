/*
 * test_vm_source.c — VM behaviours driven from Python source (parsed and compiled by
 * monty's own front end): external calls that suspend inside builtins (contract 2),
 * generators, exact recursion limit, deny-by-default names, and tracebacks.
 */
#include <check.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "compiler/compiler.h"
#include "grammar/parse.h"
#include "vm/vm.h"

typedef struct Src {
    CmpProgram *prog;
    char out[4096];
    size_t len;
} Src;

static void
sink(void *ud, const char *s, size_t n)
{
    Src *o = ud;
    if (o->len + n < sizeof o->out) {
        memcpy(o->out + o->len, s, n);
        o->len += n;
        o->out[o->len] = 0;
    }
}

static VmRun *
start(Src *s, const char *code, const char *external, const VmLimits *lim)
{
    memset(s, 0, sizeof *s);
    AstArena *arena = ast_arena_new(0);
    ParseError perr;
    AstModule *mod = parse_module(arena, code, strlen(code), &perr);
    ck_assert_msg(mod != NULL, "parse: %s", perr.msg);
    const char *ext[1] = { external };
    CmpOptions opts = { "t.py", code, strlen(code), NULL, 0, ext, external ? 1 : 0, NULL };
    CmpError cerr;
    s->prog = cmp_compile(mod, &opts, &cerr);
    ast_arena_free(arena);
    ck_assert_msg(s->prog != NULL, "compile: %s", cerr.msg);
    return vm_run_new(s->prog, lim, NULL, sink, s);
}

static void
finish(Src *s, VmRun *run)
{
    vm_run_free(run);
    cmp_program_free(s->prog);
}

START_TEST(test_external_call_inside_sorted_key_suspends)
{
    Src s;
    VmRun *run = start(&s, "r = sorted(['b', 'aaa', 'cc'], key=score)\nprint(r)\n", "score",
                       NULL);
    VmEventKind ev = vm_run_start(run);
    int calls = 0;
    while (ev == VM_EVENT_CALL) {
        ck_assert_str_eq(vm_run_call_name(run), "score");
        size_t len;
        const char *arg = vm_value_str_data(vm_run_call_arg(run, 0), &len);
        calls++;
        ev = vm_run_resume_value(run, vm_val_int((int64_t)len * (arg[0] == 'b' ? 10 : 1)));
    }
    ck_assert_int_eq(calls, 3);
    ck_assert_int_eq(ev, VM_EVENT_COMPLETE);
    ck_assert_str_eq(s.out, "['cc', 'aaa', 'b']\n");
    finish(&s, run);
}
END_TEST

START_TEST(test_external_call_inside_generator_consumed_by_sum)
{
    Src s;
    VmRun *run = start(&s, "print(sum(get(i) for i in range(4)))\n", "get", NULL);
    VmEventKind ev = vm_run_start(run);
    int calls = 0;
    while (ev == VM_EVENT_CALL) {
        int64_t i = vm_val_get_int(vm_run_call_arg(run, 0));
        calls++;
        ev = vm_run_resume_value(run, vm_val_int(i * 10));
    }
    ck_assert_int_eq(calls, 4);
    ck_assert_int_eq(ev, VM_EVENT_COMPLETE);
    ck_assert_str_eq(s.out, "60\n");
    finish(&s, run);
}
END_TEST

START_TEST(test_generator_send_and_return_value)
{
    Src s;
    VmRun *run = start(&s,
                       "def g():\n"
                       "    x = yield 1\n"
                       "    return x * 2\n"
                       "it = g()\n"
                       "print(next(it))\n"
                       "try:\n"
                       "    it.send(21)\n"
                       "except StopIteration as e:\n"
                       "    print('value', e.value)\n",
                       NULL, NULL);
    ck_assert_int_eq(vm_run_start(run), VM_EVENT_COMPLETE);
    ck_assert_str_eq(s.out, "1\nvalue 42\n");
    finish(&s, run);
}
END_TEST

START_TEST(test_recursion_limit_exact)
{
    Src s;
    VmLimits lim = { 0 };
    lim.max_recursion = 100;
    VmRun *run = start(&s,
                       "n = 0\n"
                       "def f():\n"
                       "    global n\n"
                       "    n += 1\n"
                       "    f()\n"
                       "try:\n"
                       "    f()\n"
                       "except RecursionError as e:\n"
                       "    print(n, e)\n",
                       NULL, &lim);
    ck_assert_int_eq(vm_run_start(run), VM_EVENT_COMPLETE);
    /* the module frame counts: 99 frames of f fit under a limit of 100 */
    ck_assert_str_eq(s.out, "99 maximum recursion depth exceeded\n");
    finish(&s, run);
}
END_TEST

START_TEST(test_denied_names_are_name_errors)
{
    static const char *const denied[] = { "open", "eval", "exec", "compile", "__import__",
                                          "globals", "locals", "vars", "input",
                                          "breakpoint" };
    for (size_t i = 0; i < sizeof denied / sizeof denied[0]; i++) {
        char code[128];
        snprintf(code, sizeof code, "%s('x')\n", denied[i]);
        Src s;
        VmRun *run = start(&s, code, NULL, NULL);
        ck_assert_int_eq(vm_run_start(run), VM_EVENT_ERROR);
        ck_assert_str_eq(vm_run_error_type(run), "NameError");
        finish(&s, run);
    }
}
END_TEST

START_TEST(test_traceback_through_prelude_hides_it)
{
    Src s;
    VmRun *run = start(&s, "sorted([1, 0], key=lambda x: 1 / x)\n", NULL, NULL);
    ck_assert_int_eq(vm_run_start(run), VM_EVENT_ERROR);
    ck_assert_str_eq(vm_run_error_traceback(run),
                     "Traceback (most recent call last):\n"
                     "  File \"t.py\", line 1, in <module>\n"
                     "    sorted([1, 0], key=lambda x: 1 / x)\n"
                     "    ~~~~~~^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
                     "  File \"t.py\", line 1, in <lambda>\n"
                     "    sorted([1, 0], key=lambda x: 1 / x)\n"
                     "                                 ~~^~~\n"
                     "ZeroDivisionError: division by zero\n");
    ck_assert_int_eq(vm_run_error_nframes(run), 2);
    finish(&s, run);
}
END_TEST

START_TEST(test_time_limit_in_infinite_loop)
{
    Src s;
    VmLimits lim = { 0 };
    lim.max_duration_ns = 50 * 1000 * 1000;
    VmRun *run = start(&s, "while True:\n    pass\n", NULL, &lim);
    ck_assert_int_eq(vm_run_start(run), VM_EVENT_ERROR);
    ck_assert(vm_run_error_is_limit(run));
    ck_assert_str_eq(vm_run_error_type(run), "TimeoutError");
    finish(&s, run);
}
END_TEST

static Suite *
source_suite(void)
{
    Suite *s = suite_create("vm_source");
    TCase *tc = tcase_create("source");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_external_call_inside_sorted_key_suspends);
    tcase_add_test(tc, test_external_call_inside_generator_consumed_by_sum);
    tcase_add_test(tc, test_generator_send_and_return_value);
    tcase_add_test(tc, test_recursion_limit_exact);
    tcase_add_test(tc, test_denied_names_are_name_errors);
    tcase_add_test(tc, test_traceback_through_prelude_hides_it);
    tcase_add_test(tc, test_time_limit_in_infinite_loop);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(source_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
