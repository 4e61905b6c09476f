/*
 * test_api.c — the C API of include/monty.h end to end: compile, run, calls
 * answered with values and exceptions, errors, dump/load of paused runs in
 * this process and in a fresh one, forks of one snapshot, signatures, and a
 * tamper test of mutated snapshots (none may crash, hang or leak: run it
 * under ASan, as .ci/run does).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <sys/wait.h>
#include <unistd.h>

#include "include/monty.h"

/* Print output collected by the sink. */
typedef struct Out {
    char buf[8192];
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

static MontyProgram *
compile(const char *src, const char *const *ext, size_t next)
{
    MontyCompileOptions opts = {"test.py", NULL, 0, ext, next, 0, NULL};
    MontyProgram *p = NULL;
    MontyError err;
    MontyStatus st = monty_compile(src, strlen(src), &opts, &p, &err);
    ck_assert_msg(st == MONTY_OK, "compile: %s", err.text);
    return p;
}

static MontyRun *
new_run(MontyProgram *p, Out *out, const uint8_t *key, size_t key_len)
{
    MontyConfig cfg = monty_config_default();
    cfg.print = sink;
    cfg.print_ud = out;
    cfg.key = key;
    cfg.key_len = key_len;
    cfg.limits.max_duration = 5;
    cfg.limits.max_memory = 64u << 20;
    MontyRun *r = NULL;
    ck_assert_int_eq(monty_run_new(p, &cfg, &r), MONTY_OK);
    return r;
}

static const char *const EXT[] = {"fetch", "store"};

/* A script with several calls, a caught host exception and print output. */
static const char *const AGENT =
    "total = 0\n"
    "for i in [0, 1, 2]:\n"
    "    v = fetch(i, scale=10)\n"
    "    print('got', v)\n"
    "    total = total + v\n"
    "try:\n"
    "    store('x', total)\n"
    "except KeyError as e:\n"
    "    print('store failed', e)\n"
    "total\n";

/* Answers the AGENT's calls: fetch(i) -> i * 10 + bias, store raises. */
static const MontyEvent *
answer(MontyRun *r, const MontyEvent *ev, int bias)
{
    while (monty_event_kind(ev) == MONTY_EVENT_CALL) {
        const MontyValue *args;
        size_t n = monty_event_args(ev, &args);
        if (strcmp(monty_event_function(ev), "fetch") == 0) {
            ck_assert_uint_eq(n, 1);
            ck_assert_int_eq(args[0].kind, MONTY_INT);
            MontyValue v = monty_int(args[0].u.i * 10 + bias);
            ck_assert_int_eq(monty_run_resume(r, &v, &ev), MONTY_OK);
        } else {
            ck_assert_int_eq(monty_run_resume_raise(r, "KeyError", "x", &ev), MONTY_OK);
        }
    }
    return ev;
}

START_TEST(test_api_complete_value)
{
    MontyProgram *p = compile("x = [1, 'a', 2.5, None]\nprint('hi', len(x))\nx\n", NULL, 0);
    Out out = {0};
    MontyRun *r = new_run(p, &out, NULL, 0);
    const MontyEvent *ev;
    ck_assert_int_eq(monty_run_start(r, NULL, 0, &ev), MONTY_OK);
    ck_assert_int_eq(monty_event_kind(ev), MONTY_EVENT_COMPLETE);
    char *j = monty_value_to_json(monty_event_value(ev));
    ck_assert_str_eq(j, "[1,\"a\",2.5,null]");
    monty_free(j);
    ck_assert_str_eq(out.buf, "hi 4\n");
    /* A finished run cannot be resumed or dumped. */
    MontyValue none = monty_none();
    ck_assert_int_eq(monty_run_resume(r, &none, &ev), MONTY_ERR_STATE);
    uint8_t *data;
    size_t len;
    ck_assert_int_eq(monty_run_dump(r, &data, &len), MONTY_ERR_STATE);
    monty_run_free(r);
    monty_program_free(p);
}
END_TEST

START_TEST(test_api_call_args_kwargs)
{
    MontyProgram *p = compile("r = fetch(1, 'two', scale=(3, 4))\nr + 1\n", EXT, 2);
    Out out = {0};
    MontyRun *r = new_run(p, &out, NULL, 0);
    const MontyEvent *ev;
    ck_assert_int_eq(monty_run_start(r, NULL, 0, &ev), MONTY_OK);
    ck_assert_int_eq(monty_event_kind(ev), MONTY_EVENT_CALL);
    ck_assert_str_eq(monty_event_function(ev), "fetch");
    ck_assert_uint_eq(monty_event_call_id(ev), 1);
    const MontyValue *args, *kwv;
    const char *const *kwn;
    ck_assert_uint_eq(monty_event_args(ev, &args), 2);
    ck_assert_int_eq(args[0].u.i, 1);
    ck_assert_str_eq(args[1].u.str.data, "two");
    ck_assert_uint_eq(monty_event_kwargs(ev, &kwn, &kwv), 1);
    ck_assert_str_eq(kwn[0], "scale");
    ck_assert_int_eq(kwv[0].kind, MONTY_TUPLE);
    MontyValue v = monty_int(41);
    ck_assert_int_eq(monty_run_resume(r, &v, &ev), MONTY_OK);
    ck_assert_int_eq(monty_event_kind(ev), MONTY_EVENT_COMPLETE);
    ck_assert_int_eq(monty_event_value(ev)->u.i, 42);
    monty_run_free(r);
    monty_program_free(p);
}
END_TEST

START_TEST(test_api_error_event)
{
    MontyProgram *p = compile("def f(x):\n    return 1 / x\nf(0)\n", NULL, 0);
    Out out = {0};
    MontyRun *r = new_run(p, &out, NULL, 0);
    const MontyEvent *ev;
    ck_assert_int_eq(monty_run_start(r, NULL, 0, &ev), MONTY_OK);
    ck_assert_int_eq(monty_event_kind(ev), MONTY_EVENT_ERROR);
    ck_assert_str_eq(monty_event_exc_type(ev), "ZeroDivisionError");
    ck_assert_str_eq(monty_event_message(ev), "division by zero");
    const char *tb = monty_event_traceback(ev);
    ck_assert_ptr_nonnull(strstr(tb, "Traceback (most recent call last):"));
    ck_assert_ptr_nonnull(strstr(tb, "ZeroDivisionError: division by zero"));
    ck_assert(!monty_event_is_limit(ev));
    const MontyFrame *frames;
    size_t nf = monty_event_frames(ev, &frames);
    ck_assert_uint_ge(nf, 2);
    ck_assert_int_eq(frames[nf - 1].line, 2);
    monty_run_free(r);
    monty_program_free(p);
}
END_TEST

START_TEST(test_api_syntax_error)
{
    MontyProgram *p = NULL;
    MontyError err;
    MontyCompileOptions opts = {"bad.py", NULL, 0, NULL, 0, 0, NULL};
    const char *src = "x = 1\nif x\n    pass\n";
    ck_assert_int_eq(monty_compile(src, strlen(src), &opts, &p, &err), MONTY_ERR_SYNTAX);
    ck_assert_ptr_null(p);
    ck_assert_str_eq(err.type, "SyntaxError");
    ck_assert_int_eq(err.line, 2);
    ck_assert_ptr_nonnull(strstr(err.text, "File \"bad.py\", line 2"));
}
END_TEST

START_TEST(test_api_inputs)
{
    const char *const names[] = {"data"};
    MontyCompileOptions opts = {"in.py", names, 1, NULL, 0, 0, NULL};
    MontyProgram *p = NULL;
    const char *src = "sum(data['xs']) + len(data)\n";
    ck_assert_int_eq(monty_compile(src, strlen(src), &opts, &p, NULL), MONTY_OK);
    Out out = {0};
    MontyRun *r = new_run(p, &out, NULL, 0);
    MontyValue in;
    const char *json = "{\"xs\":[1,2,3],\"y\":null}";
    ck_assert_int_eq(monty_value_from_json(json, strlen(json), &in, NULL), MONTY_OK);
    const MontyEvent *ev;
    ck_assert_int_eq(monty_run_start(r, &in, 0, &ev), MONTY_ERR_ARG);
    ck_assert_int_eq(monty_run_start(r, &in, 1, &ev), MONTY_OK);
    ck_assert_int_eq(monty_event_kind(ev), MONTY_EVENT_COMPLETE);
    ck_assert_int_eq(monty_event_value(ev)->u.i, 8);
    monty_value_free(&in);
    monty_run_free(r);
    monty_program_free(p);
}
END_TEST

/* Runs AGENT uninterrupted; returns its output and result. */
static void
uninterrupted(int bias, Out *out, int64_t *result)
{
    MontyProgram *p = compile(AGENT, EXT, 2);
    MontyRun *r = new_run(p, out, NULL, 0);
    const MontyEvent *ev;
    ck_assert_int_eq(monty_run_start(r, NULL, 0, &ev), MONTY_OK);
    ev = answer(r, ev, bias);
    ck_assert_int_eq(monty_event_kind(ev), MONTY_EVENT_COMPLETE);
    *result = monty_event_value(ev)->u.i;
    monty_run_free(r);
    monty_program_free(p);
}

/* Runs AGENT to its second call and dumps it. */
static uint8_t *
paused_snapshot(size_t *len, Out *out, const uint8_t *key, size_t key_len)
{
    MontyProgram *p = compile(AGENT, EXT, 2);
    MontyRun *r = new_run(p, out, key, key_len);
    const MontyEvent *ev;
    ck_assert_int_eq(monty_run_start(r, NULL, 0, &ev), MONTY_OK);
    MontyValue v = monty_int(0);
    ck_assert_int_eq(monty_run_resume(r, &v, &ev), MONTY_OK);
    ck_assert_int_eq(monty_event_kind(ev), MONTY_EVENT_CALL);
    uint8_t *data;
    ck_assert_int_eq(monty_run_dump(r, &data, len), MONTY_OK);
    monty_run_free(r);
    monty_program_free(p);
    return data;
}

static const MontyEvent *
load(const uint8_t *data, size_t len, Out *out, const uint8_t *key, size_t key_len,
     MontyRun **r, MontyStatus *st)
{
    MontyConfig cfg = monty_config_default();
    cfg.print = sink;
    cfg.print_ud = out;
    cfg.key = key;
    cfg.key_len = key_len;
    cfg.limits.max_duration = 2;
    cfg.limits.max_memory = 32u << 20;
    const MontyEvent *ev = NULL;
    MontyError err;
    *st = monty_run_load(data, len, &cfg, r, &ev, &err);
    if (*st != MONTY_OK) {
        ck_assert_msg(err.message[0] != '\0', "error without a message");
    }
    return ev;
}

START_TEST(test_api_snapshot_resume_equals_uninterrupted)
{
    Out full = {0}, before = {0}, after = {0};
    int64_t want, got;
    uninterrupted(0, &full, &want);
    size_t len;
    uint8_t *data = paused_snapshot(&len, &before, NULL, 0);
    MontyRun *r;
    MontyStatus st;
    const MontyEvent *ev = load(data, len, &after, NULL, 0, &r, &st);
    ck_assert_int_eq(st, MONTY_OK);
    ck_assert_int_eq(monty_event_kind(ev), MONTY_EVENT_CALL);
    ck_assert_uint_eq(monty_event_call_id(ev), 2);
    ev = answer(r, ev, 0);
    got = monty_event_value(ev)->u.i;
    ck_assert_int_eq(got, want);
    /* Output before the dump + output after the load == the whole output. */
    char joined[16384];
    snprintf(joined, sizeof joined, "%s%s", before.buf, after.buf);
    ck_assert_str_eq(joined, full.buf);
    monty_run_free(r);
    monty_free(data);
}
END_TEST

START_TEST(test_api_snapshot_fork)
{
    size_t len;
    Out before = {0};
    uint8_t *data = paused_snapshot(&len, &before, NULL, 0);
    int64_t results[2];
    for (int k = 0; k < 2; k++) {
        Out o = {0};
        MontyRun *r;
        MontyStatus st;
        const MontyEvent *ev = load(data, len, &o, NULL, 0, &r, &st);
        ck_assert_int_eq(st, MONTY_OK);
        ev = answer(r, ev, k * 100);
        ck_assert_int_eq(monty_event_kind(ev), MONTY_EVENT_COMPLETE);
        results[k] = monty_event_value(ev)->u.i;
        monty_run_free(r);
    }
    /* Calls 2 and 3 got +100 each in the second fork. */
    ck_assert_int_eq(results[1] - results[0], 200);
    monty_free(data);
}
END_TEST

START_TEST(test_api_snapshot_fresh_process)
{
    size_t len;
    Out before = {0};
    uint8_t *data = paused_snapshot(&len, &before, NULL, 0);
    int64_t want;
    Out full = {0};
    uninterrupted(0, &full, &want);
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    pid_t pid = fork();
    if (pid == 0) {
        /* Only the bytes cross into the child's fresh run. */
        Out o = {0};
        MontyRun *r;
        MontyStatus st;
        const MontyEvent *ev = load(data, len, &o, NULL, 0, &r, &st);
        int64_t v = -1;
        if (st == MONTY_OK) {
            ev = answer(r, ev, 0);
            v = monty_event_value(ev)->u.i;
        }
        ssize_t w = write(fds[1], &v, sizeof v);
        _exit(w == (ssize_t)sizeof v ? 0 : 1);
    }
    int64_t got = 0;
    ck_assert_int_eq(read(fds[0], &got, sizeof got), (ssize_t)sizeof got);
    int status;
    waitpid(pid, &status, 0);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    ck_assert_int_eq(got, want);
    close(fds[0]);
    close(fds[1]);
    monty_free(data);
}
END_TEST

START_TEST(test_api_snapshot_signed)
{
    const uint8_t key[] = "host secret";
    const uint8_t other[] = "other secret";
    size_t len;
    Out o = {0};
    uint8_t *data = paused_snapshot(&len, &o, key, sizeof key);
    MontyRun *r = NULL;
    MontyStatus st;
    load(data, len, &o, NULL, 0, &r, &st);
    ck_assert_int_eq(st, MONTY_ERR_AUTH);
    load(data, len, &o, other, sizeof other, &r, &st);
    ck_assert_int_eq(st, MONTY_ERR_AUTH);
    data[len / 2] ^= 1;
    load(data, len, &o, key, sizeof key, &r, &st);
    ck_assert_int_eq(st, MONTY_ERR_AUTH);
    data[len / 2] ^= 1;
    load(data, len, &o, key, sizeof key, &r, &st);
    ck_assert_int_eq(st, MONTY_OK);
    monty_run_free(r);
    monty_free(data);
}
END_TEST

START_TEST(test_api_program_dump_load)
{
    MontyProgram *p = compile(AGENT, EXT, 2);
    uint8_t *data;
    size_t len;
    ck_assert_int_eq(monty_program_dump(p, NULL, 0, &data, &len), MONTY_OK);
    MontyProgram *q = NULL;
    MontyError err;
    ck_assert_int_eq(monty_program_load(data, len, NULL, 0, &q, &err), MONTY_OK);
    const char *const *names;
    ck_assert_uint_eq(monty_program_external_names(q, &names), 2);
    ck_assert_str_eq(names[1], "store");
    /* Truncations are refused with a reason. */
    for (size_t n = 0; n < len; n += 1 + len / 50) {
        MontyProgram *bad = NULL;
        ck_assert_int_ne(monty_program_load(data, n, NULL, 0, &bad, &err), MONTY_OK);
        ck_assert_ptr_null(bad);
    }
    monty_program_free(q);
    monty_program_free(p);
    monty_free(data);
}
END_TEST

/* xorshift: a fixed seed makes every run of the test the same. */
static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint64_t
next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

START_TEST(test_api_snapshot_tamper)
{
    size_t len;
    Out o = {0};
    uint8_t *orig = paused_snapshot(&len, &o, NULL, 0);
    uint8_t *buf = malloc(len + 64);
    int loaded = 0, refused = 0;
    for (int i = 0; i < 10000; i++) {
        size_t n = len;
        memcpy(buf, orig, len);
        switch (i % 6) {
        case 0: /* bit flips */
            for (int k = 0; k < 1 + (int)(next_rand() % 3); k++) {
                buf[next_rand() % len] ^= (uint8_t)(1u << (next_rand() % 8));
            }
            break;
        case 1: /* truncation */
            n = next_rand() % len;
            break;
        case 2: /* appended bytes */
            for (size_t k = 0; k < 1 + next_rand() % 63; k++) {
                buf[n++] = (uint8_t)next_rand();
            }
            break;
        case 3: /* random bytes after a valid header */
            for (size_t k = 13 + next_rand() % (len - 13); k < len; k++) {
                buf[k] = (uint8_t)next_rand();
            }
            break;
        case 4: { /* swapped sections */
            size_t a = next_rand() % len, b = next_rand() % len, w = 1 + next_rand() % 16;
            for (size_t k = 0; k < w && a + k < len && b + k < len; k++) {
                uint8_t t = buf[a + k];
                buf[a + k] = buf[b + k];
                buf[b + k] = t;
            }
            break;
        }
        default: /* a length or count set huge */
            buf[13 + next_rand() % (len - 13)] = 0xFF;
            buf[9 + next_rand() % 4] = (uint8_t)next_rand();
            break;
        }
        MontyRun *r = NULL;
        MontyStatus st;
        Out out = {0};
        const MontyEvent *ev = load(buf, n, &out, NULL, 0, &r, &st);
        if (st == MONTY_OK) {
            loaded++;
            ck_assert_ptr_nonnull(ev);
            MontyValue v = monty_int(1);
            if (monty_event_kind(ev) == MONTY_EVENT_CALL) {
                monty_run_resume(r, &v, &ev);
            }
            monty_run_free(r);
        } else {
            refused++;
            ck_assert_ptr_null(r);
        }
    }
    ck_assert_int_eq(loaded + refused, 10000);
    ck_assert_int_gt(refused, 5000);
    free(buf);
    monty_free(orig);
}
END_TEST

/* Thread safety as monty.h states it: one program, many runs on many threads. */
typedef struct ThreadJob {
    const MontyProgram *prog;
    int runs;
    int64_t sum;
    int failures;
} ThreadJob;

static void *
thread_runs(void *arg)
{
    ThreadJob *job = arg;
    for (int k = 0; k < job->runs; k++) {
        Out out = {0};
        MontyConfig cfg = monty_config_default();
        cfg.print = sink;
        cfg.print_ud = &out;
        MontyRun *r = NULL;
        const MontyEvent *ev = NULL;
        if (monty_run_new(job->prog, &cfg, &r) != MONTY_OK
            || monty_run_start(r, NULL, 0, &ev) != MONTY_OK) {
            job->failures++;
            monty_run_free(r);
            continue;
        }
        while (monty_event_kind(ev) == MONTY_EVENT_CALL) {
            const MontyValue *args;
            monty_event_args(ev, &args);
            MontyStatus st;
            if (strcmp(monty_event_function(ev), "fetch") == 0) {
                MontyValue v = monty_int(args[0].u.i * 10);
                st = monty_run_resume(r, &v, &ev);
            } else {
                st = monty_run_resume_raise(r, "KeyError", "x", &ev);
            }
            if (st != MONTY_OK) {
                break;
            }
        }
        if (monty_event_kind(ev) == MONTY_EVENT_COMPLETE) {
            job->sum += monty_event_value(ev)->u.i;
        } else {
            job->failures++;
        }
        monty_run_free(r);
    }
    return NULL;
}

START_TEST(test_api_threads_share_program)
{
    MontyProgram *p = compile(AGENT, EXT, 2);
    enum { NT = 4, RUNS = 50 };
    pthread_t th[NT];
    ThreadJob jobs[NT];
    for (int i = 0; i < NT; i++) {
        jobs[i] = (ThreadJob){p, RUNS, 0, 0};
        ck_assert_int_eq(pthread_create(&th[i], NULL, thread_runs, &jobs[i]), 0);
    }
    for (int i = 0; i < NT; i++) {
        pthread_join(th[i], NULL);
        ck_assert_int_eq(jobs[i].failures, 0);
        /* fetch(0..2) -> 0 + 10 + 20 = 30 per run */
        ck_assert_int_eq(jobs[i].sum, 30 * RUNS);
    }
    monty_program_free(p);
}
END_TEST

Suite *
api_suite(void)
{
    Suite *s = suite_create("api");
    TCase *tc = tcase_create("run");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_api_complete_value);
    tcase_add_test(tc, test_api_call_args_kwargs);
    tcase_add_test(tc, test_api_error_event);
    tcase_add_test(tc, test_api_syntax_error);
    tcase_add_test(tc, test_api_inputs);
    tcase_add_test(tc, test_api_threads_share_program);
    suite_add_tcase(s, tc);
    TCase *ts = tcase_create("snapshot");
    tcase_set_timeout(ts, 600);
    tcase_add_test(ts, test_api_snapshot_resume_equals_uninterrupted);
    tcase_add_test(ts, test_api_snapshot_fork);
    tcase_add_test(ts, test_api_snapshot_fresh_process);
    tcase_add_test(ts, test_api_snapshot_signed);
    tcase_add_test(ts, test_api_program_dump_load);
    tcase_add_test(ts, test_api_snapshot_tamper);
    suite_add_tcase(s, ts);
    return s;
}
