/*
 * bench_api.c — the host boundary's costs, through include/monty.h only:
 *   - external-call round trip (event out, answer in, next event);
 *   - snapshot size, and dump / load / load+resume times, for a small paused
 *     script and for one holding a 10,000-element list;
 *   - memory held by a paused run.
 * Prints one line per measurement (median of several repeats). No
 * assertions: numbers for the project notes (issue 5), not a test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "include/monty.h"

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int
cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double
median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return v[n / 2];
}

static void
quiet(void *ud, const char *t, size_t n)
{
    (void)ud;
    (void)t;
    (void)n;
}

static MontyProgram *
compile(const char *src)
{
    static const char *const ext[] = {"tool"};
    MontyCompileOptions o = {"bench.py", NULL, 0, ext, 1, 0, NULL};
    MontyProgram *p = NULL;
    MontyError err;
    if (monty_compile(src, strlen(src), &o, &p, &err) != MONTY_OK) {
        fprintf(stderr, "bench: %s\n", err.text);
        exit(2);
    }
    return p;
}

static MontyRun *
paused(MontyProgram *p, const MontyEvent **ev)
{
    MontyConfig cfg = monty_config_default();
    cfg.print = quiet;
    MontyRun *r = NULL;
    if (monty_run_new(p, &cfg, &r) != MONTY_OK || monty_run_start(r, NULL, 0, ev) != MONTY_OK
        || monty_event_kind(*ev) != MONTY_EVENT_CALL) {
        fprintf(stderr, "bench: script did not pause\n");
        exit(2);
    }
    return r;
}

static void
round_trip(void)
{
    MontyProgram *p = compile("i = 0\nwhile i < 200000:\n    tool(i)\n    i = i + 1\n");
    double t[5];
    for (int k = 0; k < 5; k++) {
        const MontyEvent *ev;
        MontyRun *r = paused(p, &ev);
        long calls = 0;
        double t0 = now();
        while (monty_event_kind(ev) == MONTY_EVENT_CALL) {
            MontyValue v = monty_none();
            monty_run_resume(r, &v, &ev);
            calls++;
        }
        t[k] = (now() - t0) / (double)calls;
        monty_run_free(r);
    }
    printf("external call round trip (incl. 1 loop iteration): %.3f us\n", median(t, 5) * 1e6);
    monty_program_free(p);
}

static void
snapshot(const char *label, const char *src)
{
    MontyProgram *p = compile(src);
    const MontyEvent *ev;
    MontyRun *r = paused(p, &ev);
    size_t mem = monty_run_memory(r);
    uint8_t *data = NULL;
    size_t len = 0;
    enum { N = 21 };
    double td[N], tl[N], tr[N];
    for (int k = 0; k < N; k++) {
        monty_free(data);
        double t0 = now();
        monty_run_dump(r, &data, &len);
        td[k] = now() - t0;
        MontyConfig cfg = monty_config_default();
        cfg.print = quiet;
        MontyRun *q = NULL;
        const MontyEvent *qev;
        MontyError err;
        t0 = now();
        if (monty_run_load(data, len, &cfg, &q, &qev, &err) != MONTY_OK) {
            fprintf(stderr, "bench: load: %s\n", err.message);
            exit(2);
        }
        tl[k] = now() - t0;
        MontyValue v = monty_int(1);
        t0 = now();
        monty_run_resume(q, &v, &qev);
        tr[k] = now() - t0;
        monty_run_free(q);
    }
    printf("%s: snapshot %zu bytes, paused run holds %zu bytes; dump %.2f us, load %.2f us, "
           "resume %.2f us (dump+load+resume %.2f us)\n",
           label, len, mem, median(td, N) * 1e6, median(tl, N) * 1e6, median(tr, N) * 1e6,
           (median(td, N) + median(tl, N) + median(tr, N)) * 1e6);
    monty_free(data);
    monty_run_free(r);
    monty_program_free(p);
}

int
main(void)
{
    round_trip();
    snapshot("small script", "x = tool(1)\nx + 1\n");
    snapshot("10k-element list",
             "xs = []\ni = 0\nwhile i < 10000:\n    xs.append(i)\n    i = i + 1\n"
             "y = tool(len(xs))\n");
    return 0;
}
