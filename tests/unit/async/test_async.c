/*
 * test_async.c — async tools end to end through include/monty.h: the stubs'
 * `async def` flags, CALL events made at `await` (and never for a coroutine that
 * is not awaited), answers and host exceptions flowing into the awaiting code,
 * the flags kept by program dump/load and by run dump/load (resume in a fresh
 * run), and a tampered flag byte refused by load.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "include/monty.h"

typedef struct Out {
    char buf[4096];
    size_t len;
} Out;

static void
sink(void *ud, const char *text, size_t len)
{
    Out *o = ud;
    if (o->len + len < sizeof o->buf) {
        memcpy(o->buf + o->len, text, len);
        o->len += len;
        o->buf[o->len] = '\0';
    }
}

static const char STUBS[] =
    "async def fetch(url: str) -> str: ...\n"
    "def log(msg: str) -> None: ...\n";

/* Compiles src with the tools of STUBS (flags from the stubs). */
static MontyProgram *
compile_with_stubs(const char *src)
{
    MontyStubs *stubs = NULL;
    MontyError err;
    ck_assert_int_eq(monty_stubs_load(STUBS, strlen(STUBS), "t.pyi", &stubs, &err), MONTY_OK);
    const char *const *names;
    const unsigned char *flags;
    size_t n = monty_stubs_function_names(stubs, &names);
    ck_assert_uint_eq(monty_stubs_function_async(stubs, &flags), n);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(names[0], "fetch");
    ck_assert_int_eq(flags[0], 1);
    ck_assert_int_eq(flags[1], 0);
    MontyCompileOptions opts = {"t.py", NULL, 0, names, n, 0, flags};
    MontyProgram *p = NULL;
    MontyStatus st = monty_compile(src, strlen(src), &opts, &p, &err);
    ck_assert_msg(st == MONTY_OK, "compile: %s", err.text);
    monty_stubs_free(stubs);
    return p;
}

static MontyRun *
new_run(const MontyProgram *p, Out *out)
{
    MontyConfig cfg = monty_config_default();
    cfg.print = sink;
    cfg.print_ud = out;
    cfg.limits.max_duration = 5;
    MontyRun *r = NULL;
    ck_assert_int_eq(monty_run_new(p, &cfg, &r), MONTY_OK);
    return r;
}

static void
expect_call(const MontyEvent *ev, const char *fn, const char *arg)
{
    ck_assert_int_eq(monty_event_kind(ev), MONTY_EVENT_CALL);
    ck_assert_str_eq(monty_event_function(ev), fn);
    const MontyValue *args;
    ck_assert_uint_eq(monty_event_args(ev, &args), 1);
    ck_assert_int_eq(args[0].kind, MONTY_STR);
    ck_assert_str_eq(args[0].u.str.data, arg);
}

static const MontyEvent *
answer_str(MontyRun *r, const char *s)
{
    MontyValue v;
    const MontyEvent *ev = NULL;
    ck_assert_int_eq(monty_str(s, strlen(s), &v), MONTY_OK);
    ck_assert_int_eq(monty_run_resume(r, &v, &ev), MONTY_OK);
    monty_value_free(&v);
    return ev;
}

static const char SCRIPT[] =
    "unused = fetch('never')\n"
    "print(type(unused).__name__)\n"
    "a = await fetch('a')\n"
    "log('got ' + a)\n"
    "try:\n"
    "    b = await fetch('b')\n"
    "except KeyError as e:\n"
    "    b = 'missing ' + str(e)\n"
    "a + '|' + b\n";

/* Drives SCRIPT from its first CALL (fetch('a')) to the end. */
static void
finish(MontyRun *r, const MontyEvent *ev, Out *out)
{
    expect_call(ev, "fetch", "a");
    ev = answer_str(r, "A");
    expect_call(ev, "log", "got A");
    ev = answer_str(r, "");
    expect_call(ev, "fetch", "b");
    ck_assert_int_eq(monty_run_resume_raise(r, "KeyError", "b", &ev), MONTY_OK);
    ck_assert_int_eq(monty_event_kind(ev), MONTY_EVENT_COMPLETE);
    const MontyValue *v = monty_event_value(ev);
    ck_assert_int_eq(v->kind, MONTY_STR);
    ck_assert_str_eq(v->u.str.data, "A|missing 'b'");
    ck_assert_str_eq(out->buf, "coroutine\n");
}

START_TEST(test_await_makes_the_call)
{
    MontyProgram *p = compile_with_stubs(SCRIPT);
    Out out = {0};
    MontyRun *r = new_run(p, &out);
    const MontyEvent *ev = NULL;
    ck_assert_int_eq(monty_run_start(r, NULL, 0, &ev), MONTY_OK);
    /* fetch('never') was never awaited: the first call is fetch('a') */
    finish(r, ev, &out);
    monty_run_free(r);
    monty_program_free(p);
}
END_TEST

START_TEST(test_program_dump_keeps_flags)
{
    MontyProgram *p = compile_with_stubs(SCRIPT);
    uint8_t *data = NULL;
    size_t len = 0;
    ck_assert_int_eq(monty_program_dump(p, NULL, 0, &data, &len), MONTY_OK);
    monty_program_free(p);
    MontyProgram *q = NULL;
    MontyError err;
    ck_assert_int_eq(monty_program_load(data, len, NULL, 0, &q, &err), MONTY_OK);
    Out out = {0};
    MontyRun *r = new_run(q, &out);
    const MontyEvent *ev = NULL;
    ck_assert_int_eq(monty_run_start(r, NULL, 0, &ev), MONTY_OK);
    finish(r, ev, &out);
    monty_run_free(r);
    monty_program_free(q);

    /* the flags section: marker 0, count 2, flags 1 0 — a flag of 2 is refused */
    size_t at = 0;
    for (size_t i = 0; i + 3 < len; i++) {
        if (data[i] == 0 && data[i + 1] == 2 && data[i + 2] == 1 && data[i + 3] == 0) {
            at = i + 2;
            break;
        }
    }
    ck_assert_uint_gt(at, 0);
    data[at] = 2;
    q = NULL;
    ck_assert_int_ne(monty_program_load(data, len, NULL, 0, &q, &err), MONTY_OK);
    ck_assert_ptr_null(q);
    monty_free(data);
}
END_TEST

START_TEST(test_sync_program_has_no_section)
{
    /* a program without async tools serializes as before: same bytes whether the
     * flags array is absent or all zero */
    const char *const names[] = {"fetch"};
    const unsigned char zero[] = {0};
    MontyCompileOptions a = {"t.py", NULL, 0, names, 1, 0, NULL};
    MontyCompileOptions b = {"t.py", NULL, 0, names, 1, 0, zero};
    MontyProgram *pa = NULL, *pb = NULL;
    MontyError err;
    ck_assert_int_eq(monty_compile("fetch(1)\n", 9, &a, &pa, &err), MONTY_OK);
    ck_assert_int_eq(monty_compile("fetch(1)\n", 9, &b, &pb, &err), MONTY_OK);
    uint8_t *da, *db;
    size_t la, lb;
    ck_assert_int_eq(monty_program_dump(pa, NULL, 0, &da, &la), MONTY_OK);
    ck_assert_int_eq(monty_program_dump(pb, NULL, 0, &db, &lb), MONTY_OK);
    ck_assert_uint_eq(la, lb);
    ck_assert_int_eq(memcmp(da, db, la), 0);
    monty_free(da);
    monty_free(db);
    monty_program_free(pa);
    monty_program_free(pb);
}
END_TEST

START_TEST(test_run_dump_across_await)
{
    MontyProgram *p = compile_with_stubs(SCRIPT);
    Out out = {0};
    MontyRun *r = new_run(p, &out);
    const MontyEvent *ev = NULL;
    ck_assert_int_eq(monty_run_start(r, NULL, 0, &ev), MONTY_OK);
    expect_call(ev, "fetch", "a");
    uint8_t *data = NULL;
    size_t len = 0;
    ck_assert_int_eq(monty_run_dump(r, &data, &len), MONTY_OK);
    monty_run_free(r);
    monty_program_free(p);
    /* resume twice from the same bytes (a fork): each run behaves as the original */
    for (int k = 0; k < 2; k++) {
        Out out2 = {0};
        MontyConfig cfg = monty_config_default();
        cfg.print = sink;
        cfg.print_ud = &out2;
        MontyRun *r2 = NULL;
        MontyError err;
        ck_assert_int_eq(monty_run_load(data, len, &cfg, &r2, &ev, &err), MONTY_OK);
        expect_call(ev, "fetch", "a");
        out2 = out;     /* what the first process printed before the dump */
        finish(r2, ev, &out2);
        monty_run_free(r2);
    }
    monty_free(data);
}
END_TEST

START_TEST(test_await_errors)
{
    static const char src[] =
        "c = fetch('x')\n"
        "try:\n"
        "    await 3\n"
        "except TypeError as e:\n"
        "    print(e)\n"
        "print(await c)\n"
        "await c\n";
    MontyProgram *p = compile_with_stubs(src);
    Out out = {0};
    MontyRun *r = new_run(p, &out);
    const MontyEvent *ev = NULL;
    ck_assert_int_eq(monty_run_start(r, NULL, 0, &ev), MONTY_OK);
    expect_call(ev, "fetch", "x");
    ev = answer_str(r, "X");
    ck_assert_int_eq(monty_event_kind(ev), MONTY_EVENT_ERROR);
    ck_assert_str_eq(monty_event_exc_type(ev), "RuntimeError");
    ck_assert_str_eq(monty_event_message(ev), "cannot reuse already awaited coroutine");
    ck_assert_str_eq(out.buf, "object int can't be used in 'await' expression\nX\n");
    monty_run_free(r);
    monty_program_free(p);
}
END_TEST

START_TEST(test_tampered_programs)
{
    /* mutated and truncated bytes of a program with the async section: each load
     * gives a program or an error, never a crash or a leak (ASan build) */
    MontyProgram *p = compile_with_stubs(SCRIPT);
    uint8_t *data = NULL;
    size_t len = 0;
    ck_assert_int_eq(monty_program_dump(p, NULL, 0, &data, &len), MONTY_OK);
    monty_program_free(p);
    uint8_t *buf = malloc(len);
    ck_assert_ptr_nonnull(buf);
    uint32_t seed = 12345;
    int loaded = 0, refused = 0;
    for (int k = 0; k < 4000; k++) {
        memcpy(buf, data, len);
        size_t n = len;
        for (int m = 0; m < 1 + k % 3; m++) {
            seed = seed * 1103515245u + 12345u;
            size_t at = (seed >> 8) % len;
            buf[at] ^= (uint8_t)(1u << ((seed >> 4) & 7));
        }
        if (k % 5 == 0) {
            n = (seed >> 3) % len;
        }
        MontyProgram *q = NULL;
        MontyError err;
        if (monty_program_load(buf, n, NULL, 0, &q, &err) == MONTY_OK) {
            loaded++;
            monty_program_free(q);
        } else {
            refused++;
            ck_assert_ptr_null(q);
        }
    }
    ck_assert_int_gt(refused, 0);
    ck_assert_int_eq(loaded + refused, 4000);
    free(buf);
    monty_free(data);
}
END_TEST

static Suite *
async_suite(void)
{
    Suite *s = suite_create("async");
    TCase *t = tcase_create("api");
    tcase_add_test(t, test_await_makes_the_call);
    tcase_add_test(t, test_program_dump_keeps_flags);
    tcase_add_test(t, test_sync_program_has_no_section);
    tcase_add_test(t, test_run_dump_across_await);
    tcase_add_test(t, test_await_errors);
    tcase_add_test(t, test_tampered_programs);
    suite_add_tcase(s, t);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(async_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
