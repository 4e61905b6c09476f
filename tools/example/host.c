/*
 * host.c — an example host in C that uses only include/monty.h.
 *
 *     example_host SCRIPT.py STUBS.pyi ANSWERS.jsonl
 *
 * Loads the stubs, checks the script against them (printing diagnostics and
 * stopping if there are any), compiles it, runs it, and answers each call of
 * a host function with the next line of ANSWERS.jsonl: {"return": value} or
 * {"raise": {"type": "KeyError", "message": "..."}}. A real host would call
 * its tools here instead. Exit status: 0 when the script completes, 1 when
 * it fails or the check finds problems, 2 on usage or I/O errors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "include/monty.h"

static char *
read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        perror(path);
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        fprintf(stderr, "%s: cannot read\n", path);
        free(buf);
        fclose(f);
        return NULL;
    }
    fclose(f);
    buf[n] = '\0';
    *len = (size_t)n;
    return buf;
}

/* Looks a key up in a str-keyed dict value. */
static const MontyValue *
get(const MontyValue *d, const char *key)
{
    for (size_t i = 0; d->kind == MONTY_DICT && i < d->u.dict.len; i++) {
        const MontyValue *k = &d->u.dict.keys[i];
        if (k->kind == MONTY_STR && strcmp(k->u.str.data, key) == 0) {
            return &d->u.dict.values[i];
        }
    }
    return NULL;
}

/* Prints one call the way a log would show it: name(args, key=value). */
static void
log_call(const MontyEvent *ev)
{
    const MontyValue *args, *kwv;
    const char *const *kwn;
    size_t n = monty_event_args(ev, &args);
    size_t nk = monty_event_kwargs(ev, &kwn, &kwv);
    fprintf(stderr, "[host] call %llu: %s(", (unsigned long long)monty_event_call_id(ev),
            monty_event_function(ev));
    for (size_t i = 0; i < n + nk; i++) {
        char *r = monty_value_repr(i < n ? &args[i] : &kwv[i - n]);
        fprintf(stderr, "%s%s%s%s", i ? ", " : "", i < n ? "" : kwn[i - n], i < n ? "" : "=",
                r ? r : "?");
        monty_free(r);
    }
    fprintf(stderr, ")\n");
}

int
main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s SCRIPT.py STUBS.pyi ANSWERS.jsonl\n", argv[0]);
        return 2;
    }
    size_t slen, tlen;
    char *src = read_file(argv[1], &slen);
    char *stubtext = read_file(argv[2], &tlen);
    FILE *answers = fopen(argv[3], "r");
    if (src == NULL || stubtext == NULL || answers == NULL) {
        if (answers == NULL) {
            perror(argv[3]);
        }
        return 2;
    }
    int rc = 2;
    MontyError err;
    MontyStubs *stubs = NULL;
    MontyProgram *prog = NULL;
    MontyDiagnostics *diags = NULL;
    MontyRun *run = NULL;
    char *line = NULL;
    size_t cap = 0;

    if (monty_stubs_load(stubtext, tlen, argv[2], &stubs, &err) != MONTY_OK) {
        fprintf(stderr, "stubs: %s\n", err.message);
        goto done;
    }
    const char *const *externals;
    size_t nexternals = monty_stubs_function_names(stubs, &externals);
    /* `async def` tools: their calls are awaited (docs/async.md) */
    const unsigned char *async_flags;
    (void)monty_stubs_function_async(stubs, &async_flags);
    MontyCompileOptions opts = {argv[1], NULL, 0, externals, nexternals, 0, async_flags};

    /* 1. Check before running: a hallucinated call is caught here. */
    MontyStatus st = monty_check_source(src, slen, &opts, stubs, &diags);
    if (st != MONTY_OK) {
        char *text = diags ? monty_diagnostics_render(diags, "concise") : NULL;
        fputs(text ? text : "check failed\n", stderr);
        monty_free(text);
        rc = 1;
        goto done;
    }
    printf("[host] check: clean\n");

    /* 2. Compile, 3. run, answering calls. */
    if (monty_compile(src, slen, &opts, &prog, &err) != MONTY_OK) {
        fputs(err.text, stderr);
        rc = 1;
        goto done;
    }
    MontyConfig cfg = monty_config_default();
    cfg.limits.max_memory = 64u << 20;
    cfg.limits.max_duration = 5.0;
    if (monty_run_new(prog, &cfg, &run) != MONTY_OK) {
        fprintf(stderr, "out of memory\n");
        goto done;
    }
    const MontyEvent *ev;
    st = monty_run_start(run, NULL, 0, &ev);
    while (st == MONTY_OK && monty_event_kind(ev) == MONTY_EVENT_CALL) {
        log_call(ev);
        fflush(stdout);
        MontyValue answer = monty_none();
        if (getline(&line, &cap, answers) <= 0
            || monty_value_from_json(line, strlen(line), &answer, &err) != MONTY_OK) {
            st = monty_run_resume_raise(run, "RuntimeError", "the host has no answer", &ev);
            continue;
        }
        const MontyValue *ret = get(&answer, "return");
        const MontyValue *rai = get(&answer, "raise");
        if (ret != NULL) {
            st = monty_run_resume(run, ret, &ev);
        } else {
            const MontyValue *t = rai ? get(rai, "type") : NULL;
            const MontyValue *m = rai ? get(rai, "message") : NULL;
            const char *type = t && t->kind == MONTY_STR ? t->u.str.data : "RuntimeError";
            const char *msg = m && m->kind == MONTY_STR ? m->u.str.data : "";
            st = monty_run_resume_raise(run, type, msg, &ev);
        }
        monty_value_free(&answer);
    }
    fflush(stdout);
    if (st != MONTY_OK) {
        fprintf(stderr, "monty: %s\n", monty_status_str(st));
        goto done;
    }
    if (monty_event_kind(ev) == MONTY_EVENT_COMPLETE) {
        char *r = monty_value_repr(monty_event_value(ev));
        printf("[host] complete: %s\n", r ? r : "?");
        monty_free(r);
        rc = 0;
    } else {
        fputs(monty_event_traceback(ev), stderr);
        rc = 1;
    }
done:
    free(line);
    monty_run_free(run);
    monty_program_free(prog);
    monty_diagnostics_free(diags);
    monty_stubs_free(stubs);
    fclose(answers);
    free(stubtext);
    free(src);
    return rc;
}
