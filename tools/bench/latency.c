/*
 * bench_latency: in-process latencies through the public C API (include/monty.h only):
 *   - `1 + 1` from source to result: compile, new run, start to COMPLETE, free;
 *   - the same with the program compiled once (run only);
 *   - one external-call round trip: resume of a paused run up to its next CALL event.
 * Prints medians of several batches in microseconds. A measurement, never a test.
 */
#define _POSIX_C_SOURCE 199309L
#include "include/monty.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { BATCHES = 7 };

static double
now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int
cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double
median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return v[n / 2];
}

/* Compiles and runs `src` to completion once; false (with a message) when it fails. */
static bool
source_to_result(const char *src, const MontyProgram *reuse, const MontyConfig *cfg)
{
    MontyProgram *prog = NULL;
    MontyError err;
    if (!reuse) {
        if (monty_compile(src, strlen(src), NULL, &prog, &err) != MONTY_OK) {
            fprintf(stderr, "bench_latency: compile failed: %s\n", err.message);
            return false;
        }
    }
    MontyRun *run = NULL;
    const MontyEvent *ev = NULL;
    bool ok = monty_run_new(reuse ? reuse : prog, cfg, &run) == MONTY_OK &&
              monty_run_start(run, NULL, 0, &ev) == MONTY_OK &&
              monty_event_kind(ev) == MONTY_EVENT_COMPLETE;
    if (!ok) {
        fprintf(stderr, "bench_latency: run of %s did not complete\n", src);
    }
    monty_run_free(run);
    monty_program_free(prog);
    return ok;
}

static void
null_print(void *ud, const char *text, size_t len)
{
    (void)ud;
    (void)text;
    (void)len;
}

/*
 * Entry point: prints the three latencies (median over batches of many iterations each).
 */
int
main(int argc, char **argv)
{
    int iters = argc > 1 ? atoi(argv[1]) : 20000;
    if (iters <= 0) {
        iters = 20000;
    }
    MontyConfig cfg = monty_config_default();
    cfg.print = null_print;
    double full[BATCHES], reuse[BATCHES], call[BATCHES];
    const char *src = "1 + 1";
    MontyProgram *prog = NULL;
    MontyError err;
    if (monty_compile(src, strlen(src), NULL, &prog, &err) != MONTY_OK) {
        fprintf(stderr, "bench_latency: compile failed: %s\n", err.message);
        return 1;
    }
    for (int b = 0; b < BATCHES; b++) {
        double t0 = now_us();
        for (int i = 0; i < iters; i++) {
            if (!source_to_result(src, NULL, &cfg)) {
                return 1;
            }
        }
        full[b] = (now_us() - t0) / iters;
        t0 = now_us();
        for (int i = 0; i < iters; i++) {
            if (!source_to_result(src, prog, &cfg)) {
                return 1;
            }
        }
        reuse[b] = (now_us() - t0) / iters;
    }
    monty_program_free(prog);
    printf("in-process `1 + 1`, source to result:  %8.3f us\n", median(full, BATCHES));
    printf("in-process `1 + 1`, precompiled:       %8.3f us\n", median(reuse, BATCHES));

    /* External-call round trip: a loop that calls the host; each resume runs to the next
     * CALL event. */
    const char *loop_src = "i = 0\nwhile True:\n    i = f(i)\n";
    const char *ext[] = {"f"};
    MontyCompileOptions opts = {0};
    opts.external_names = ext;
    opts.nexternals = 1;
    if (monty_compile(loop_src, strlen(loop_src), &opts, &prog, &err) != MONTY_OK) {
        fprintf(stderr, "bench_latency: compile failed: %s\n", err.message);
        return 1;
    }
    MontyRun *run = NULL;
    const MontyEvent *ev = NULL;
    if (monty_run_new(prog, &cfg, &run) != MONTY_OK || monty_run_start(run, NULL, 0, &ev) !=
        MONTY_OK || monty_event_kind(ev) != MONTY_EVENT_CALL) {
        fprintf(stderr, "bench_latency: call loop did not reach a CALL event\n");
        return 1;
    }
    for (int b = 0; b < BATCHES; b++) {
        double t0 = now_us();
        for (int i = 0; i < iters; i++) {
            MontyValue v = monty_int(i);
            if (monty_run_resume(run, &v, &ev) != MONTY_OK ||
                monty_event_kind(ev) != MONTY_EVENT_CALL) {
                fprintf(stderr, "bench_latency: resume did not reach the next CALL\n");
                return 1;
            }
        }
        call[b] = (now_us() - t0) / iters;
    }
    monty_run_free(run);
    monty_program_free(prog);
    printf("external-call round trip (resume->CALL): %6.3f us\n", median(call, BATCHES));
    return 0;
}
