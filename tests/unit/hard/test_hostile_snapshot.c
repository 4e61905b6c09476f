/*
 * test_hostile_snapshot.c — regression inputs found by fuzzing snapshots
 * (tools/fuzz/fuzz_snapshot.c): each file in tests/snapshot/hostile/ once
 * crashed the VM. Replayed the way the fuzzer does, each must now either be
 * rejected at load or end in a clean exception of the expected type.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "include/monty.h"

static void
quiet(void *ud, const char *text, size_t len)
{
    (void)ud;
    (void)text;
    (void)len;
}

static unsigned char *
read_file(const char *name, size_t *size)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", HOSTILE_SNAPSHOT_DIR, name);
    FILE *fp = fopen(path, "rb");
    ck_assert_msg(fp != NULL, "cannot open %s", path);
    unsigned char *buf = malloc(1 << 20);
    ck_assert_ptr_nonnull(buf);
    *size = fread(buf, 1, 1 << 20, fp);
    fclose(fp);
    return buf;
}

/* Loads and drives `name` like the fuzzer; copies into `type` the exception
 * type of the final ERROR event, or the load error's message (which names the
 * exception the replay raised), or "" if the run did not fail. */
static void
replay(const char *name, char *type, size_t type_size)
{
    size_t size = 0;
    unsigned char *data = read_file(name, &size);
    MontyConfig cfg = monty_config_default();
    cfg.print = quiet;
    cfg.limits.max_duration = 5.0;
    cfg.limits.max_memory = 16u << 20;
    cfg.limits.max_allocations = 200000;
    MontyRun *run = NULL;
    const MontyEvent *ev = NULL;
    MontyError err;
    MontyProgram *prog = NULL;
    type[0] = '\0';
    size_t nlen = strlen(name);
    if (nlen > 4 && strcmp(name + nlen - 4, ".mbc") == 0) {
        /* a hostile program that misbehaves before its first call: snapshots
         * (format 2) hold a paused run, so it is kept as a compiled program */
        ck_assert_int_eq(monty_program_load(data, size, NULL, 0, &prog, &err), MONTY_OK);
        ck_assert_int_eq(monty_run_new(prog, &cfg, &run), MONTY_OK);
        ck_assert_int_eq(monty_run_start(run, NULL, 0, &ev), MONTY_OK);
    } else if (monty_run_load(data, size, &cfg, &run, &ev, &err) != MONTY_OK) {
        /* a replay that fails names the exception it raised in the message */
        ck_assert_int_eq(err.status, MONTY_ERR_FORMAT);
        snprintf(type, type_size, "%s", err.message);
        free(data);
        return;
    }
    for (int i = 0; i < 4 && ev != NULL && monty_event_kind(ev) == MONTY_EVENT_CALL; i++) {
        MontyValue v = monty_int(i);
        if (monty_run_resume(run, &v, &ev) != MONTY_OK) {
            break;
        }
    }
    if (ev != NULL && monty_event_kind(ev) == MONTY_EVENT_ERROR) {
        ck_assert(!monty_event_is_limit(ev));
        snprintf(type, type_size, "%s", monty_event_exc_type(ev));
    }
    monty_run_free(run);
    monty_program_free(prog);
    free(data);
}

/* RERAISE (or a raise) of a str: the unwinder and the error report cast the
 * pending exception to VmExc (heap overflow in record_error). */
START_TEST(reraise_non_exception)
{
    char type[512];
    replay("reraise_non_exception.snap", type, sizeof type);
    ck_assert_msg(strstr(type, "RuntimeError") != NULL, "got %s", type);
}
END_TEST

/* CALL_FUNCTION_EX with a non-dict **kwargs operand (read as a VmDict). */
START_TEST(call_ex_kwargs_not_dict)
{
    char type[512];
    replay("call_ex_kwargs_not_dict.mbc", type, sizeof type);
    ck_assert_msg(strstr(type, "TypeError") != NULL, "got %s", type);
}
END_TEST

static Suite *
hostile_snapshot_suite(void)
{
    Suite *s = suite_create("hostile_snapshot");
    TCase *tc = tcase_create("regressions");
    tcase_add_test(tc, reraise_non_exception);
    tcase_add_test(tc, call_ex_kwargs_not_dict);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(hostile_snapshot_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
