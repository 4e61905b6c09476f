/*
 * syscall_probe.c — runs a busy script through include/monty.h between two
 * marker writes to stderr, so that `strace -f` can show which system calls
 * the VM makes while it runs (tests/snapshot/syscalls.sh checks them: only
 * memory management and the monotonic clock are allowed, DESIGN.md
 * contract 5). Print output is kept in memory so printing makes no call.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "include/monty.h"

static char outbuf[1 << 16];
static size_t outlen;

static void
sink(void *ud, const char *text, size_t len)
{
    (void)ud;
    if (outlen + len < sizeof outbuf) {
        memcpy(outbuf + outlen, text, len);
        outlen += len;
    }
}

static const char SCRIPT[] =
    "def fib(n):\n"
    "    return n if n < 2 else fib(n - 1) + fib(n - 2)\n"
    "data = {}\n"
    "for i in range(2000):\n"
    "    data[str(i)] = [i, i * 2.5, 'x' * (i % 50)]\n"
    "big = 3 ** 5000\n"
    "words = sorted(data, key=lambda k: -len(k))\n"
    "total = 0\n"
    "for i in range(20):\n"
    "    try:\n"
    "        total += fetch(i)\n"
    "    except KeyError as e:\n"
    "        total -= 1\n"
    "print(fib(18), len(words), big % 1000, total, f'{total:>10.2f}')\n"
    "total\n";

int
main(void)
{
    static const char *const ext[] = {"fetch"};
    MontyCompileOptions opts = {"probe.py", NULL, 0, ext, 1, 0, NULL};
    MontyProgram *prog = NULL;
    MontyError err;
    if (monty_compile(SCRIPT, sizeof SCRIPT - 1, &opts, &prog, &err) != MONTY_OK) {
        fprintf(stderr, "%s", err.text);
        return 2;
    }
    MontyConfig cfg = monty_config_default();
    cfg.print = sink;
    cfg.limits.max_memory = 256u << 20;
    cfg.limits.max_duration = 30;
    MontyRun *run = NULL;
    if (monty_run_new(prog, &cfg, &run) != MONTY_OK) {
        return 2;
    }
    static const char begin[] = "<<VM-BEGIN>>\n", end[] = "<<VM-END>>\n";
    if (write(2, begin, sizeof begin - 1) < 0) {
        return 2;
    }
    const MontyEvent *ev;
    MontyStatus st = monty_run_start(run, NULL, 0, &ev);
    int calls = 0;
    while (st == MONTY_OK && monty_event_kind(ev) == MONTY_EVENT_CALL) {
        calls++;
        if (calls % 5 == 0) {
            st = monty_run_resume_raise(run, "KeyError", "missing", &ev);
        } else {
            MontyValue v = monty_int(calls);
            st = monty_run_resume(run, &v, &ev);
        }
    }
    if (write(2, end, sizeof end - 1) < 0) {
        return 2;
    }
    int rc = st == MONTY_OK && monty_event_kind(ev) == MONTY_EVENT_COMPLETE && calls == 20 ? 0 : 1;
    if (rc != 0 && st == MONTY_OK && monty_event_kind(ev) == MONTY_EVENT_ERROR) {
        fputs(monty_event_traceback(ev), stderr);
    }
    fwrite(outbuf, 1, outlen, stdout);
    monty_run_free(run);
    monty_program_free(prog);
    return rc;
}
