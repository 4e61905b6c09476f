/*
 * run.c — `monty run` (plain and --jsonl host protocol), `monty start` and
 * `monty resume` (durable mode). Protocol: docs/protocol.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tools/cli/cli.h"

/* ---- print sink ----------------------------------------------------------- */

/* In --jsonl mode print output is buffered and sent as one "print" event per
 * completed line (and before any other event), so a host sees whole lines;
 * a line longer than 64 KiB goes out in pieces so the buffer stays bounded. */
typedef struct PrintBuf {
    bool jsonl;
    char *data;
    size_t len, cap;
} PrintBuf;

static void
emit_json_str(FILE *f, const char *s, size_t len)
{
    MontyValue v;
    if (monty_str(s, len, &v) != MONTY_OK) {
        fputs("\"\"", f);
        return;
    }
    char *j = monty_value_to_json(&v);
    fputs(j ? j : "\"\"", f);
    monty_free(j);
    monty_value_free(&v);
}

static void
print_flush(PrintBuf *pb)
{
    if (pb->len == 0) {
        return;
    }
    fputs("{\"type\":\"print\",\"text\":", stdout);
    emit_json_str(stdout, pb->data, pb->len);
    fputs("}\n", stdout);
    fflush(stdout);
    pb->len = 0;
}

static void
print_sink(void *ud, const char *text, size_t len)
{
    PrintBuf *pb = ud;
    if (!pb->jsonl) {
        fwrite(text, 1, len, stdout);
        return;
    }
    if (pb->len + len > pb->cap) {
        size_t cap = pb->cap ? pb->cap : 256;
        while (cap < pb->len + len) {
            cap *= 2;
        }
        char *p = realloc(pb->data, cap);
        if (p == NULL) {
            print_flush(pb);
            fputs("{\"type\":\"print\",\"text\":", stdout);
            emit_json_str(stdout, text, len);
            fputs("}\n", stdout);
            return;
        }
        pb->data = p;
        pb->cap = cap;
    }
    memcpy(pb->data + pb->len, text, len);
    pb->len += len;
    /* Whole lines, or 64 KiB chunks of a line that never ends. */
    if ((len > 0 && text[len - 1] == '\n') || pb->len >= 65536) {
        print_flush(pb);
    }
}

/* ---- events as JSON lines --------------------------------------------------- */

static void
emit_call(const MontyEvent *ev)
{
    const MontyValue *args;
    const char *const *kwn;
    const MontyValue *kwv;
    size_t nargs = monty_event_args(ev, &args);
    size_t nkw = monty_event_kwargs(ev, &kwn, &kwv);
    printf("{\"type\":\"call\",\"id\":%llu,\"function\":",
           (unsigned long long)monty_event_call_id(ev));
    const char *fn = monty_event_function(ev);
    emit_json_str(stdout, fn, strlen(fn));
    fputs(",\"args\":[", stdout);
    for (size_t i = 0; i < nargs; i++) {
        char *j = monty_value_to_json(&args[i]);
        printf("%s%s", i ? "," : "", j ? j : "null");
        monty_free(j);
    }
    fputs("],\"kwargs\":{", stdout);
    for (size_t i = 0; i < nkw; i++) {
        if (i > 0) {
            fputc(',', stdout);
        }
        emit_json_str(stdout, kwn[i], strlen(kwn[i]));
        char *j = monty_value_to_json(&kwv[i]);
        printf(":%s", j ? j : "null");
        monty_free(j);
    }
    fputs("}}\n", stdout);
    fflush(stdout);
}

static void
emit_complete(const MontyEvent *ev)
{
    char *j = monty_value_to_json(monty_event_value(ev));
    printf("{\"type\":\"complete\",\"value\":%s}\n", j ? j : "null");
    monty_free(j);
    fflush(stdout);
}

static void
emit_error(const MontyEvent *ev)
{
    const char *t = monty_event_exc_type(ev);
    const char *m = monty_event_message(ev);
    const char *tb = monty_event_traceback(ev);
    fputs("{\"type\":\"error\",\"exc_type\":", stdout);
    emit_json_str(stdout, t, strlen(t));
    fputs(",\"message\":", stdout);
    emit_json_str(stdout, m, strlen(m));
    fputs(",\"traceback\":", stdout);
    emit_json_str(stdout, tb, strlen(tb));
    if (monty_event_is_limit(ev)) {
        fputs(",\"limit\":true", stdout);
    }
    fputs("}\n", stdout);
    fflush(stdout);
}

/* Traceback on stderr, as CPython prints an uncaught exception. */
static void
report_error(const MontyEvent *ev)
{
    fflush(stdout);
    const char *tb = monty_event_traceback(ev);
    fputs(tb, stderr);
    if (tb[0] != '\0' && tb[strlen(tb) - 1] != '\n') {
        fputc('\n', stderr);
    }
}

/* ---- answers -------------------------------------------------------------- */

/* Finds key in a dict value with str keys, or NULL. */
static const MontyValue *
dict_get(const MontyValue *d, const char *key)
{
    if (d->kind != MONTY_DICT) {
        return NULL;
    }
    for (size_t i = 0; i < d->u.dict.len; i++) {
        const MontyValue *k = &d->u.dict.keys[i];
        if (k->kind == MONTY_STR && strcmp(k->u.str.data, key) == 0) {
            return &d->u.dict.values[i];
        }
    }
    return NULL;
}

/* Answers the pending call from one protocol line. Returns false (with a
 * message) when the line is not a valid answer for call `id`. */
static bool
answer_line(MontyRun *run, uint64_t id, const char *line, size_t len, const MontyEvent **ev)
{
    MontyValue msg;
    MontyError err;
    if (monty_value_from_json(line, len, &msg, &err) != MONTY_OK) {
        cli_err("protocol: bad answer line: %s", err.message);
        return false;
    }
    bool ok = false;
    const MontyValue *vid = dict_get(&msg, "id");
    const MontyValue *ret = dict_get(&msg, "return");
    const MontyValue *rai = dict_get(&msg, "raise");
    if (msg.kind != MONTY_DICT) {
        cli_err("protocol: an answer must be a JSON object");
    } else if (vid != NULL && (vid->kind != MONTY_INT || (uint64_t)vid->u.i != id)) {
        cli_err("protocol: answer for call %llu expected", (unsigned long long)id);
    } else if ((ret != NULL) == (rai != NULL)) {
        cli_err("protocol: an answer needs exactly one of \"return\" and \"raise\"");
    } else if (ret != NULL) {
        MontyStatus st = monty_run_resume(run, ret, ev);
        ok = st == MONTY_OK;
        if (!ok) {
            cli_err("protocol: cannot resume: %s", monty_status_str(st));
        }
    } else {
        const MontyValue *t = dict_get(rai, "type");
        const MontyValue *m = dict_get(rai, "message");
        if (t == NULL || t->kind != MONTY_STR || (m != NULL && m->kind != MONTY_STR)) {
            cli_err("protocol: \"raise\" needs {\"type\": str, \"message\": str}");
        } else {
            ok = monty_run_resume_raise(run, t->u.str.data, m ? m->u.str.data : "", ev)
                 == MONTY_OK;
        }
    }
    monty_value_free(&msg);
    return ok;
}

/* ---- shared set-up ---------------------------------------------------------- */

static int
bind_inputs(const CliOpts *o, const MontyProgram *prog, MontyValue **values)
{
    const char *const *names;
    size_t n = monty_program_input_names(prog, &names);
    *values = calloc(n + 1, sizeof(MontyValue));
    if (*values == NULL) {
        cli_err("out of memory");
        return CLI_USAGE;
    }
    for (size_t i = 0; i < n; i++) {
        const char *json = NULL;
        for (size_t j = 0; j < o->ninputs; j++) {
            if (strcmp(o->input_names[j], names[i]) == 0) {
                json = o->input_json[j];
            }
        }
        if (json == NULL) {
            cli_err("input '%s' needs a value: --input %s=JSON", names[i], names[i]);
            return CLI_USAGE;
        }
        MontyError err;
        if (monty_value_from_json(json, strlen(json), &(*values)[i], &err) != MONTY_OK) {
            cli_err("--input %s: %s", names[i], err.message);
            return CLI_USAGE;
        }
    }
    return CLI_OK;
}

static void
free_inputs(MontyValue *values, const MontyProgram *prog)
{
    const char *const *names;
    size_t n = prog ? monty_program_input_names(prog, &names) : 0;
    for (size_t i = 0; values != NULL && i < n; i++) {
        monty_value_free(&values[i]);
    }
    free(values);
}

static const char *const RUN_OPTS =
    "-c --stubs --external --input --jsonl --no-check --max-memory --max-duration "
    "--max-allocations --max-recursion --key-file";

/* ---- monty run --------------------------------------------------------------- */

int
cli_cmd_run(int argc, char **argv)
{
    CliOpts o;
    if (!cli_parse_opts("run", argc, argv, 2, RUN_OPTS, &o)) {
        cli_opts_free(&o);
        return CLI_USAGE;
    }
    MontyProgram *prog = NULL;
    MontyRun *run = NULL;
    MontyValue *inputs = NULL;
    PrintBuf pb = {o.jsonl, NULL, 0, 0};
    char *line = NULL;
    size_t linecap = 0;
    int rc = cli_load_program(&o, true, &prog);
    if (rc != CLI_OK) {
        goto done;
    }
    rc = bind_inputs(&o, prog, &inputs);
    if (rc != CLI_OK) {
        goto done;
    }
    MontyConfig cfg = monty_config_default();
    cfg.limits = o.limits;
    cfg.print = print_sink;
    cfg.print_ud = &pb;
    if (monty_run_new(prog, &cfg, &run) != MONTY_OK) {
        cli_err("out of memory");
        rc = CLI_USAGE;
        goto done;
    }
    const MontyEvent *ev;
    const char *const *inames;
    MontyStatus st = monty_run_start(run, inputs, monty_program_input_names(prog, &inames), &ev);
    while (st == MONTY_OK && monty_event_kind(ev) == MONTY_EVENT_CALL) {
        if (!o.jsonl) {
            char msg[512];
            snprintf(msg, sizeof msg,
                     "no host attached: external function '%s' cannot be called "
                     "(run with --jsonl to answer calls, or use monty start/resume)",
                     monty_event_function(ev));
            st = monty_run_resume_raise(run, "RuntimeError", msg, &ev);
            continue;
        }
        print_flush(&pb);
        uint64_t id = monty_event_call_id(ev);
        emit_call(ev);
        ssize_t n;
        do {
            n = getline(&line, &linecap, stdin);
        } while (n > 0 && strspn(line, " \t\r\n") == (size_t)n);
        if (n <= 0) {
            cli_err("protocol: stdin closed while call %llu was pending",
                    (unsigned long long)id);
            rc = CLI_USAGE;
            goto done;
        }
        if (!answer_line(run, id, line, (size_t)n, &ev)) {
            rc = CLI_USAGE;
            goto done;
        }
    }
    if (st != MONTY_OK) {
        cli_err("run failed: %s", monty_status_str(st));
        rc = CLI_USAGE;
        goto done;
    }
    print_flush(&pb);
    if (monty_event_kind(ev) == MONTY_EVENT_COMPLETE) {
        if (o.jsonl) {
            emit_complete(ev);
        }
        rc = CLI_OK;
    } else {
        if (o.jsonl) {
            emit_error(ev);
        } else {
            report_error(ev);
        }
        rc = CLI_FAIL;
    }
done:
    fflush(stdout);
    free(line);
    free(pb.data);
    monty_run_free(run);
    free_inputs(inputs, prog);
    monty_program_free(prog);
    cli_opts_free(&o);
    return rc;
}

/* ---- durable mode ----------------------------------------------------------- */

/* After a step of start/resume: save and print a pending call, or print the
 * outcome. Returns the exit code. */
static int
durable_outcome(MontyRun *run, const MontyEvent *ev, const char *state, PrintBuf *pb)
{
    print_flush(pb);
    fflush(stdout);
    switch (monty_event_kind(ev)) {
    case MONTY_EVENT_CALL: {
        uint8_t *data;
        size_t len;
        MontyStatus st = monty_run_dump(run, &data, &len);
        if (st != MONTY_OK) {
            const char *why = monty_run_dump_error(run);
            cli_err("cannot save the paused run: %s", why[0] ? why : monty_status_str(st));
            return CLI_USAGE;
        }
        bool ok = cli_write_file(state, data, len);
        monty_free(data);
        if (!ok) {
            return CLI_USAGE;
        }
        emit_call(ev);
        return CLI_OK;
    }
    case MONTY_EVENT_COMPLETE:
        emit_complete(ev);
        return CLI_OK;
    default:
        if (pb->jsonl) {
            emit_error(ev);
        } else {
            report_error(ev);
        }
        return CLI_FAIL;
    }
}

int
cli_cmd_start(int argc, char **argv)
{
    CliOpts o;
    if (!cli_parse_opts("start", argc, argv, 2,
                        "--state --stubs --external --input --no-check --jsonl --max-memory "
                        "--max-duration --max-allocations --max-recursion --key-file",
                        &o)) {
        cli_opts_free(&o);
        return CLI_USAGE;
    }
    MontyProgram *prog = NULL;
    MontyRun *run = NULL;
    MontyValue *inputs = NULL;
    uint8_t *key = NULL;
    size_t key_len = 0;
    PrintBuf pb = {o.jsonl, NULL, 0, 0};
    int rc = CLI_USAGE;
    if (o.state == NULL) {
        cli_err("start: --state FILE is required (where the paused run is saved)");
        goto done;
    }
    if (!cli_load_key(&o, &key, &key_len)) {
        goto done;
    }
    rc = cli_load_program(&o, true, &prog);
    if (rc != CLI_OK) {
        goto done;
    }
    rc = bind_inputs(&o, prog, &inputs);
    if (rc != CLI_OK) {
        goto done;
    }
    MontyConfig cfg = monty_config_default();
    cfg.limits = o.limits;
    cfg.print = print_sink;
    cfg.print_ud = &pb;
    cfg.key = key;
    cfg.key_len = key_len;
    rc = CLI_USAGE;
    if (monty_run_new(prog, &cfg, &run) != MONTY_OK) {
        cli_err("out of memory");
        goto done;
    }
    const MontyEvent *ev;
    const char *const *inames;
    MontyStatus st = monty_run_start(run, inputs, monty_program_input_names(prog, &inames), &ev);
    if (st != MONTY_OK) {
        cli_err("start failed: %s", monty_status_str(st));
        goto done;
    }
    rc = durable_outcome(run, ev, o.state, &pb);
done:
    fflush(stdout);
    free(pb.data);
    free(key);
    monty_run_free(run);
    free_inputs(inputs, prog);
    monty_program_free(prog);
    cli_opts_free(&o);
    return rc;
}

int
cli_cmd_resume(int argc, char **argv)
{
    CliOpts o;
    if (!cli_parse_opts("resume", argc, argv, 2,
                        "--return --raise --jsonl --max-memory --max-duration "
                        "--max-allocations --max-recursion --key-file",
                        &o)) {
        cli_opts_free(&o);
        return CLI_USAGE;
    }
    MontyRun *run = NULL;
    uint8_t *key = NULL, *data = NULL;
    size_t key_len = 0, len = 0;
    MontyValue ret = monty_none();
    PrintBuf pb = {o.jsonl, NULL, 0, 0};
    int rc = CLI_USAGE;
    if (o.file == NULL) {
        cli_err("resume: which snapshot? (monty resume RUN.snap --return JSON)");
        goto done;
    }
    if ((o.ret != NULL) == (o.raise != NULL)) {
        cli_err("resume: give exactly one of --return JSON and --raise TYPE:MESSAGE");
        goto done;
    }
    if (o.ret != NULL) {
        MontyError err;
        if (monty_value_from_json(o.ret, strlen(o.ret), &ret, &err) != MONTY_OK) {
            cli_err("resume: --return: %s", err.message);
            goto done;
        }
    }
    if (!cli_load_key(&o, &key, &key_len)) {
        goto done;
    }
    data = (uint8_t *)cli_read_file(o.file, &len);
    if (data == NULL) {
        goto done;
    }
    MontyConfig cfg = monty_config_default();
    cfg.limits = o.limits;
    cfg.print = print_sink;
    cfg.print_ud = &pb;
    cfg.key = key;
    cfg.key_len = key_len;
    MontyError err;
    const MontyEvent *ev;
    MontyStatus st = monty_run_load(data, len, &cfg, &run, &ev, &err);
    if (st != MONTY_OK) {
        cli_err("cannot load %s: %s", o.file, err.message);
        goto done;
    }
    if (o.ret != NULL) {
        st = monty_run_resume(run, &ret, &ev);
    } else {
        const char *colon = strchr(o.raise, ':');
        size_t tl = colon ? (size_t)(colon - o.raise) : strlen(o.raise);
        char *type = strndup(o.raise, tl);
        const char *msg = colon ? colon + 1 : "";
        while (*msg == ' ') {
            msg++;
        }
        st = type ? monty_run_resume_raise(run, type, msg, &ev) : MONTY_ERR_NOMEM;
        free(type);
    }
    if (st != MONTY_OK) {
        cli_err("resume failed: %s", monty_status_str(st));
        goto done;
    }
    rc = durable_outcome(run, ev, o.file, &pb);
done:
    fflush(stdout);
    free(pb.data);
    free(key);
    free(data);
    monty_value_free(&ret);
    monty_run_free(run);
    cli_opts_free(&o);
    return rc;
}
