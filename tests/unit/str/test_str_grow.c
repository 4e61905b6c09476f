/*
 * test_str_grow.c — strs that `s += x` grew in place in a shared store (vm/obj_str.c).
 * Only a store's last str keeps a NUL after its bytes, so these check what the C API
 * promises for the others: every str value a host sees (call arguments, keyword
 * values, results, exception messages) is NUL-terminated with exactly its own bytes.
 * They also check that the spare room of a store is accounted and never makes a run
 * fail that exact copies would have let finish, and that growth beyond max_memory is
 * refused with the uncatchable limit error.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "include/monty.h"

static MontyProgram *
compile(const char *src, const char *const *ext, size_t next)
{
    MontyCompileOptions opts;
    memset(&opts, 0, sizeof opts);
    opts.script_name = "t.py";
    opts.external_names = ext;
    opts.nexternals = next;
    MontyProgram *p = NULL;
    MontyError err;
    MontyStatus st = monty_compile(src, strlen(src), &opts, &p, &err);
    ck_assert_msg(st == MONTY_OK, "compile: %s", err.text);
    return p;
}

static void
quiet(void *ud, const char *text, size_t len)
{
    (void)ud;
    (void)text;
    (void)len;
}

static MontyRun *
new_run(MontyProgram *p, size_t max_memory)
{
    MontyConfig cfg = monty_config_default();
    cfg.print = quiet;
    cfg.limits.max_duration = 20;
    cfg.limits.max_memory = max_memory;
    MontyRun *r = NULL;
    ck_assert_int_eq(monty_run_new(p, &cfg, &r), MONTY_OK);
    return r;
}

/* A str value whose C string is exactly `len` bytes of `c` then `tail`. */
static void
assert_str(const MontyValue *v, char c, size_t len, const char *tail)
{
    ck_assert_int_eq(v->kind, MONTY_STR);
    size_t tl = strlen(tail);
    ck_assert_uint_eq(v->u.str.len, len + tl);
    ck_assert_uint_eq(strlen(v->u.str.data), len + tl);
    for (size_t i = 0; i < len; i++) {
        ck_assert_int_eq(v->u.str.data[i], c);
    }
    ck_assert_str_eq(v->u.str.data + len, tail);
}

START_TEST(test_call_values_of_grown_strs_are_terminated)
{
    const char *ext[] = { "echo" };
    MontyProgram *p = compile("line = '-' * 130\n"
                              "line = line + '_'\n"
                              "line = line + 'a'\n"
                              "first = line\n"
                              "line += 'b'\n"
                              "line += 'c'\n"
                              "echo(first, [first], tag=first)\n"
                              "echo(line)\n"
                              "line\n", ext, 1);
    MontyRun *r = new_run(p, 64u << 20);
    const MontyEvent *ev = NULL;
    ck_assert_int_eq(monty_run_start(r, NULL, 0, &ev), MONTY_OK);
    ck_assert_int_eq(monty_event_kind(ev), MONTY_EVENT_CALL);
    const MontyValue *args;
    ck_assert_uint_eq(monty_event_args(ev, &args), 2);
    assert_str(&args[0], '-', 130, "_a");
    ck_assert_int_eq(args[1].kind, MONTY_LIST);
    ck_assert_uint_eq(args[1].u.seq.len, 1);
    assert_str(&args[1].u.seq.items[0], '-', 130, "_a");
    const char *const *names;
    const MontyValue *values;
    ck_assert_uint_eq(monty_event_kwargs(ev, &names, &values), 1);
    ck_assert_str_eq(names[0], "tag");
    assert_str(&values[0], '-', 130, "_a");
    MontyValue none = monty_none();
    ck_assert_int_eq(monty_run_resume(r, &none, &ev), MONTY_OK);
    ck_assert_int_eq(monty_event_kind(ev), MONTY_EVENT_CALL);
    ck_assert_uint_eq(monty_event_args(ev, &args), 1);
    assert_str(&args[0], '-', 130, "_abc");
    ck_assert_int_eq(monty_run_resume(r, &none, &ev), MONTY_OK);
    ck_assert_int_eq(monty_event_kind(ev), MONTY_EVENT_COMPLETE);
    monty_run_free(r);
    monty_program_free(p);
}
END_TEST

START_TEST(test_exception_message_of_grown_str)
{
    MontyProgram *p = compile("q = 'x' * 200\n"
                              "q = q + 'x'\n"
                              "q = q + 'y'\n"
                              "e = ValueError(q)\n"
                              "q += 'zz'\n"
                              "raise e\n", NULL, 0);
    MontyRun *r = new_run(p, 64u << 20);
    const MontyEvent *ev = NULL;
    ck_assert_int_eq(monty_run_start(r, NULL, 0, &ev), MONTY_OK);
    ck_assert_int_eq(monty_event_kind(ev), MONTY_EVENT_ERROR);
    ck_assert_str_eq(monty_event_exc_type(ev), "ValueError");
    const char *m = monty_event_message(ev);
    ck_assert_uint_eq(strlen(m), 202);
    ck_assert_int_eq(m[200], 'x');
    ck_assert_int_eq(m[201], 'y');
    monty_run_free(r);
    monty_program_free(p);
}
END_TEST

/* Growing without bound stops at the limit with the uncatchable MemoryError. */
START_TEST(test_growth_beyond_max_memory_is_refused)
{
    MontyProgram *p = compile("s = ''\n"
                              "try:\n"
                              "    while True:\n"
                              "        s += 'x' * 1000\n"
                              "except MemoryError:\n"
                              "    print('caught')\n", NULL, 0);
    MontyRun *r = new_run(p, 2u << 20);
    const MontyEvent *ev = NULL;
    ck_assert_int_eq(monty_run_start(r, NULL, 0, &ev), MONTY_OK);
    ck_assert_int_eq(monty_event_kind(ev), MONTY_EVENT_ERROR);
    ck_assert(monty_event_is_limit(ev));
    ck_assert_str_eq(monty_event_exc_type(ev), "MemoryError");
    ck_assert_uint_le(monty_run_memory(r), 2u << 20);
    monty_run_free(r);
    monty_program_free(p);
}
END_TEST

/* A string of ~30% of max_memory built by += finishes: the store's spare room shrinks
 * to what the limit allows instead of failing the run. */
START_TEST(test_growth_close_to_the_limit_finishes)
{
    MontyProgram *p = compile("s = ''\n"
                              "for i in range(600):\n"
                              "    s += 'abcdefghij' * 100\n"
                              "t = s + '!'\n"
                              "len(t)\n", NULL, 0);
    MontyRun *r = new_run(p, 2u << 20);
    const MontyEvent *ev = NULL;
    ck_assert_int_eq(monty_run_start(r, NULL, 0, &ev), MONTY_OK);
    ck_assert_msg(monty_event_kind(ev) == MONTY_EVENT_COMPLETE, "%s",
                  monty_event_kind(ev) == MONTY_EVENT_ERROR ? monty_event_traceback(ev) : "");
    const MontyValue *v = monty_event_value(ev);
    ck_assert_int_eq(v->kind, MONTY_INT);
    ck_assert_int_eq(v->u.i, 600001);
    monty_run_free(r);
    monty_program_free(p);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("str_grow");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_call_values_of_grown_strs_are_terminated);
    tcase_add_test(tc, test_exception_message_of_grown_str);
    tcase_add_test(tc, test_growth_beyond_max_memory_is_refused);
    tcase_add_test(tc, test_growth_close_to_the_limit_finishes);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
