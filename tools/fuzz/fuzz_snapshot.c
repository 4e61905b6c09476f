/*
 * fuzz_snapshot.c — libFuzzer target for monty_run_load + resume and
 * monty_program_load: any bytes must give a run or a clean error, never a
 * crash, a leak or a hang. Snapshots are format 2 (vm/SNAPSHOT.md): the heap,
 * frames and pending call, every object and frame checked on load; the limits
 * bound what the restored run does after it resumes.
 *
 *   cmake -B build-fuzz -DMONTY_FUZZ=ON -DCMAKE_C_COMPILER=clang && \
 *   cmake --build build-fuzz --target fuzz_snapshot && \
 *   build-fuzz/fuzz_snapshot -max_total_time=900 tools/fuzz/corpus
 *
 * Seed the corpus with real snapshots (monty start ... --state x.snap; ci-smoke.sh
 * makes one per tests/cases/external case) and use the dictionary
 * tools/fuzz/fuzz_snapshot.dict (-dict=...).
 */
#include <stddef.h>
#include <stdint.h>

#include "include/monty.h"

static void
quiet(void *ud, const char *text, size_t len)
{
    (void)ud;
    (void)text;
    (void)len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    MontyConfig cfg = monty_config_default();
    cfg.print = quiet;
    cfg.limits.max_duration = 0.5;
    cfg.limits.max_memory = 16u << 20;
    cfg.limits.max_allocations = 200000;
    MontyRun *run = NULL;
    const MontyEvent *ev = NULL;
    MontyError err;
    if (monty_run_load(data, size, &cfg, &run, &ev, &err) == MONTY_OK) {
        /* Answer a few calls to exercise the restored run. */
        for (int i = 0; i < 4 && ev != NULL && monty_event_kind(ev) == MONTY_EVENT_CALL; i++) {
            MontyValue v = monty_int(i);
            if (monty_run_resume(run, &v, &ev) != MONTY_OK) {
                break;
            }
        }
        monty_run_free(run);
    }
    MontyProgram *prog = NULL;
    if (monty_program_load(data, size, NULL, 0, &prog, &err) == MONTY_OK) {
        monty_program_free(prog);
    }
    return 0;
}
