/*
 * run_cases: runs every Python case under tests/cases/ through a monty binary and compares
 * the result with the output CPython recorded (tests/record_cases.py).  It never needs CPython.
 *
 * A case is <area>/<name>.py with <name>.stdout (exact stdout), <name>.exc (one line
 * `Type: message`, only when an exception escaped) and, for cases that call the host,
 * <name>.pyi (stubs), <name>.host.json (canned answers, in call order) and <name>.calls (one
 * JSON object per call CPython made).  A first line `# xfail: <reason>` marks a known gap;
 * the check is strict, so a marked case that passes is reported as XPASS, a failure.
 *
 * Modes per case:
 *   plain     `monty run case.py`: stdout, last stderr line and exit status are compared.
 *   jsonl     (cases with stubs) `monty run --jsonl --stubs case.pyi case.py`, answering each
 *             call event with the next canned answer; prints, calls and the error compared.
 *   durable   (cases with stubs) `monty start` then `monty resume` in fresh processes until the
 *             run ends; the concatenated output must be the same.
 *
 * The runner is deliberately plain POSIX + cJSON so that it also runs a sanitizer build: it
 * only runs the binary it is given.
 */
#define _GNU_SOURCE
#include <cjson/cJSON.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* A growable byte buffer; always NUL-terminated so it can be used as a string. */
typedef struct {
    char *data;
    size_t len;
    size_t cap;
} Buf;

/* Result of one child process. */
typedef struct {
    Buf out;
    Buf err;
    int exit_code;      /* exit status, or -1 when killed by a signal */
    int term_signal;    /* the signal that ended it, or 0 */
    bool timed_out;
} Proc;

/* Options from the command line. */
typedef struct {
    const char *monty;
    const char *cases_dir;
    const char **patterns;
    int n_patterns;
    bool verbose;
    bool update_xfail;
    bool mark_xfail;
    bool durable;
    bool summary;
    bool sanitizer;     /* the monty under test is a sanitizer build */
    double timeout;
    int max_diff_lines;
} Options;

/* What the monty run produced, normalised across modes. */
typedef struct {
    Buf stdout_text;
    char *exc;          /* `Type: message` when an exception escaped, else NULL */
    cJSON *calls;       /* array of {"function","args","kwargs"}; NULL in plain mode */
    Buf traceback;      /* plain mode: stderr with `File "..."` reduced to base names */
    char *problem;      /* a protocol or process problem (crash, timeout, bad JSON), or NULL */
} Outcome;

/* Expected results of one case, as recorded. */
typedef struct Case {
    char *path;         /* .../<name>.py */
    char *run_path;     /* what monty runs: path, or for a marked case a copy without the
                           marker line (same base name), so line numbers never shift */
    char *tmp_dir;      /* the copy's folder, or NULL */
    char *rel;          /* <area>/<name> */
    char *base;         /* .../<name> (no suffix) */
    bool has_stubs;
    bool xfail;
    bool xfail_asan;    /* marker reason starts with "asan:": fails only in sanitizer builds */
    Buf stdout_text;
    bool stdout_present;
    char *exc;
    Buf traceback;      /* <name>.traceback (traceback/ cases), empty when absent */
    bool has_traceback;
    cJSON *calls;
    cJSON *answers;     /* parsed answers, for "raise" */
    char **returns;     /* raw JSON text of each answer's "return" (or NULL), so that numbers
                           such as big ints reach monty exactly as written */
    int n_answers;
} Case;

static Options opt;

/* Pass counts per area (the folder under cases/), for --summary. */
typedef struct {
    char name[64];
    int pass;
    int total;
} AreaStat;

static AreaStat areas[256];
static int n_areas;

static void
area_count(const char *rel, bool passed)
{
    size_t n = strcspn(rel, "/");
    if (n >= sizeof areas[0].name) {
        n = sizeof areas[0].name - 1;
    }
    int i = 0;
    while (i < n_areas && !(strlen(areas[i].name) == n && strncmp(areas[i].name, rel, n) == 0)) {
        i++;
    }
    if (i == n_areas) {
        if (n_areas == (int)(sizeof areas / sizeof areas[0])) {
            return;
        }
        memcpy(areas[i].name, rel, n);
        areas[i].name[n] = '\0';
        n_areas++;
    }
    areas[i].total++;
    areas[i].pass += passed;
}

static void
die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("run_cases: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

static void *
xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        die("out of memory");
    }
    return q;
}

static char *
xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = xrealloc(NULL, n);
    memcpy(d, s, n);
    return d;
}

static char *
xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = NULL;
    if (vasprintf(&s, fmt, ap) < 0) {
        die("out of memory");
    }
    va_end(ap);
    return s;
}

static void
buf_add(Buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        while (cap < b->len + n + 1) {
            cap *= 2;
        }
        b->data = xrealloc(b->data, cap);
        b->cap = cap;
    }
    if (n) {
        memcpy(b->data + b->len, s, n);
    }
    b->len += n;
    b->data[b->len] = '\0';
}

static void
buf_adds(Buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

static void
buf_free(Buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

static const char *
buf_str(const Buf *b)
{
    return b->data ? b->data : "";
}

/* Reads a whole file; returns false when it does not exist or cannot be read. */
static bool
read_file(const char *path, Buf *b)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return false;
    }
    char chunk[8192];
    size_t n;
    buf_add(b, "", 0);
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        buf_add(b, chunk, n);
    }
    fclose(f);
    return true;
}

static bool
write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        return false;
    }
    bool ok = fwrite(data, 1, len, f) == len;
    return (fclose(f) == 0) && ok;
}

static double
now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Called for each complete stdout line of an interactive child; returns a malloc'd line to
 * write to the child's stdin (without newline), or NULL to write nothing. */
typedef char *(*LineFn)(void *ctx, const char *line);

/*
 * Runs argv with stdout and stderr captured.  When on_line is given the child's stdin is a
 * pipe and every stdout line is handed to on_line, whose answer is written back (this is how
 * the JSON-lines host protocol is driven); otherwise stdin is /dev/null.  The child is killed
 * when the timeout expires.
 */
static void
run_proc(char *const argv[], LineFn on_line, void *ctx, Proc *p)
{
    memset(p, 0, sizeof *p);
    buf_add(&p->out, "", 0);
    buf_add(&p->err, "", 0);
    int out_pipe[2], err_pipe[2], in_pipe[2] = {-1, -1};
    if (pipe(out_pipe) || pipe(err_pipe) || (on_line && pipe(in_pipe))) {
        die("pipe: %s", strerror(errno));
    }
    pid_t pid = fork();
    if (pid < 0) {
        die("fork: %s", strerror(errno));
    }
    if (pid == 0) {
        int in_fd = on_line ? in_pipe[0] : open("/dev/null", O_RDONLY);
        dup2(in_fd, 0);
        dup2(out_pipe[1], 1);
        dup2(err_pipe[1], 2);
        for (int fd = 3; fd < 64; fd++) {
            close(fd);
        }
        execv(argv[0], argv);
        fprintf(stderr, "run_cases: cannot exec %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    close(out_pipe[1]);
    close(err_pipe[1]);
    int in_fd = -1;
    if (on_line) {
        close(in_pipe[0]);
        in_fd = in_pipe[1];
    }
    struct pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    bool open_fd[2] = {true, true};
    size_t line_start = 0;
    double deadline = now_seconds() + opt.timeout;
    while (open_fd[0] || open_fd[1]) {
        double left = deadline - now_seconds();
        if (left <= 0) {
            p->timed_out = true;
            kill(pid, SIGKILL);
            break;
        }
        for (int i = 0; i < 2; i++) {
            fds[i].fd = open_fd[i] ? (i ? err_pipe[0] : out_pipe[0]) : -1;
        }
        int r = poll(fds, 2, (int)(left * 1000) + 1);
        if (r < 0 && errno == EINTR) {
            continue;
        }
        for (int i = 0; i < 2; i++) {
            if (!open_fd[i] || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) {
                continue;
            }
            char chunk[8192];
            ssize_t n = read(fds[i].fd, chunk, sizeof chunk);
            if (n <= 0) {
                open_fd[i] = false;
                close(fds[i].fd);
                continue;
            }
            Buf *b = i ? &p->err : &p->out;
            buf_add(b, chunk, (size_t)n);
            if (i == 0 && on_line) {
                char *nl;
                while ((nl = memchr(b->data + line_start, '\n', b->len - line_start))) {
                    *nl = '\0';
                    char *answer = on_line(ctx, b->data + line_start);
                    *nl = '\n';
                    line_start = (size_t)(nl - b->data) + 1;
                    if (answer && in_fd >= 0) {
                        size_t len = strlen(answer);
                        char *line = xasprintf("%s\n", answer);
                        ssize_t w = write(in_fd, line, len + 1);
                        (void)w;
                        free(line);
                    }
                    free(answer);
                }
            }
        }
    }
    for (int i = 0; i < 2; i++) {
        if (open_fd[i]) {
            close(i ? err_pipe[0] : out_pipe[0]);
        }
    }
    if (in_fd >= 0) {
        close(in_fd);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status)) {
        p->exit_code = WEXITSTATUS(status);
    } else {
        p->exit_code = -1;
        p->term_signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    }
}

static void
proc_free(Proc *p)
{
    buf_free(&p->out);
    buf_free(&p->err);
}

/* The last non-blank line of text, malloc'd (empty string when there is none). */
static char *
last_line(const char *text)
{
    const char *end = text + strlen(text);
    while (end > text && isspace((unsigned char)end[-1])) {
        end--;
    }
    const char *start = end;
    while (start > text && start[-1] != '\n') {
        start--;
    }
    char *s = xrealloc(NULL, (size_t)(end - start) + 1);
    memcpy(s, start, (size_t)(end - start));
    s[end - start] = '\0';
    return s;
}

/* Describes how a process ended when that is itself the problem, else NULL. */
static char *
proc_problem(const Proc *p)
{
    if (p->timed_out) {
        return xasprintf("monty: timeout after %.0fs", opt.timeout);
    }
    if (p->term_signal) {
        return xasprintf("monty: killed by signal %d (%s)", p->term_signal,
                         strsignal(p->term_signal));
    }
    if (p->exit_code == 127) {
        return xasprintf("monty: %s", buf_str(&p->err));
    }
    return NULL;
}

/* ---- raw JSON spans -------------------------------------------------------------------- */

static const char *
skip_ws(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
        s++;
    }
    return s;
}

/* Returns the end of the JSON value starting at s (s must be valid JSON, checked by cJSON). */
static const char *
skip_value(const char *s)
{
    int depth = 0;
    do {
        if (*s == '"') {
            for (s++; *s && *s != '"'; s++) {
                if (*s == '\\' && s[1]) {
                    s++;
                }
            }
            if (*s) {
                s++;
            }
        } else if (*s == '[' || *s == '{') {
            depth++;
            s++;
        } else if (*s == ']' || *s == '}') {
            depth--;
            s++;
        } else if (depth == 0) {
            while (*s && !strchr(",]} \t\r\n", *s)) {
                s++;
            }
        } else {
            s++;
        }
    } while (*s && depth > 0);
    return s;
}

/* Copies the raw text of the "return" member of each answer object in the array `text`. */
static char **
raw_returns(const char *text, int n)
{
    char **out = xrealloc(NULL, sizeof(char *) * (size_t)(n + 1));
    const char *s = skip_ws(text);
    s = skip_ws(s + 1);     /* past '[' */
    for (int i = 0; i < n; i++) {
        out[i] = NULL;
        const char *elem_end = skip_value(s);
        if (*s == '{') {
            const char *m = skip_ws(s + 1);
            while (m < elem_end && *m == '"') {
                const char *key_end = skip_value(m);
                bool is_return = (size_t)(key_end - m) == 8 && strncmp(m, "\"return\"", 8) == 0;
                const char *v = skip_ws(skip_ws(key_end) + 1);  /* past ':' */
                const char *v_end = skip_value(v);
                if (is_return) {
                    out[i] = xrealloc(NULL, (size_t)(v_end - v) + 1);
                    memcpy(out[i], v, (size_t)(v_end - v));
                    out[i][v_end - v] = '\0';
                }
                m = skip_ws(v_end);
                m = skip_ws(*m == ',' ? m + 1 : m);
            }
        }
        s = skip_ws(elem_end);
        s = skip_ws(*s == ',' ? s + 1 : s);
    }
    return out;
}

/* ---- the JSON-lines host ---------------------------------------------------------------- */

/* State of a host answering calls from canned answers. */
typedef struct {
    const struct Case *c;
    int next_answer;
    Outcome *out;
    bool finished;      /* complete or error seen */
} Host;

/* The answer to call `id`, as a protocol line (malloc'd), consuming the next canned answer. */
static char *
host_answer(Host *h, double id)
{
    cJSON *reply = cJSON_CreateObject();
    cJSON_AddNumberToObject(reply, "id", id);
    int i = h->next_answer;
    cJSON *ans = cJSON_GetArrayItem(h->c->answers, i);
    if (ans) {
        h->next_answer++;
    }
    cJSON *rai = ans ? cJSON_GetObjectItemCaseSensitive(ans, "raise") : NULL;
    if (rai) {
        cJSON_AddItemToObject(reply, "raise", cJSON_Duplicate(rai, true));
    } else if (ans) {
        const char *raw = h->c->returns[i] ? h->c->returns[i] : "null";
        cJSON_AddItemToObject(reply, "return", cJSON_CreateRaw(raw));
    } else {
        cJSON *r = cJSON_AddObjectToObject(reply, "raise");
        cJSON_AddStringToObject(r, "type", "RuntimeError");
        cJSON_AddStringToObject(r, "message", "no canned answer left");
    }
    char *s = cJSON_PrintUnformatted(reply);
    cJSON_Delete(reply);
    return s;
}

/* Records a call event's function/args/kwargs in the outcome. */
static void
record_call(Outcome *o, cJSON *ev)
{
    cJSON *c = cJSON_CreateObject();
    const char *keys[] = {"function", "args", "kwargs"};
    for (int i = 0; i < 3; i++) {
        cJSON *v = cJSON_GetObjectItemCaseSensitive(ev, keys[i]);
        if (v) {
            cJSON_AddItemToObject(c, keys[i], cJSON_Duplicate(v, true));
        } else if (i == 2) {
            cJSON_AddItemToObject(c, keys[i], cJSON_CreateObject());
        }
    }
    cJSON_AddItemToArray(o->calls, c);
}

/* `Type: message` from an error event (malloc'd). */
static char *
error_event_text(cJSON *ev)
{
    cJSON *t = cJSON_GetObjectItemCaseSensitive(ev, "exc_type");
    cJSON *m = cJSON_GetObjectItemCaseSensitive(ev, "message");
    const char *type = cJSON_IsString(t) ? t->valuestring : "?";
    const char *msg = cJSON_IsString(m) ? m->valuestring : "";
    return msg[0] ? xasprintf("%s: %s", type, msg) : xstrdup(type);
}

/*
 * Handles one protocol event; returns true when it was a known event.  Calls are recorded;
 * the caller decides how to answer them.
 */
static bool
handle_event(Host *h, cJSON *ev, double *call_id)
{
    cJSON *type = cJSON_GetObjectItemCaseSensitive(ev, "type");
    if (!cJSON_IsString(type)) {
        return false;
    }
    const char *t = type->valuestring;
    if (strcmp(t, "print") == 0) {
        cJSON *text = cJSON_GetObjectItemCaseSensitive(ev, "text");
        if (cJSON_IsString(text)) {
            buf_adds(&h->out->stdout_text, text->valuestring);
        }
        return true;
    }
    if (strcmp(t, "call") == 0) {
        record_call(h->out, ev);
        cJSON *id = cJSON_GetObjectItemCaseSensitive(ev, "id");
        *call_id = cJSON_IsNumber(id) ? id->valuedouble : 0;
        return true;
    }
    if (strcmp(t, "complete") == 0) {
        h->finished = true;
        return true;
    }
    if (strcmp(t, "error") == 0) {
        h->finished = true;
        free(h->out->exc);
        h->out->exc = error_event_text(ev);
        return true;
    }
    return false;
}

static char *
jsonl_line(void *ctx, const char *line)
{
    Host *h = ctx;
    if (line[0] == '\0') {
        return NULL;
    }
    cJSON *ev = cJSON_Parse(line);
    double id = -1;
    if (!ev || !handle_event(h, ev, &id)) {
        if (!h->out->problem) {
            h->out->problem = xasprintf("monty --jsonl: not a protocol event: %.120s", line);
        }
        cJSON_Delete(ev);
        return NULL;
    }
    cJSON_Delete(ev);
    return id >= 0 ? host_answer(h, id) : NULL;
}

/* ---- running one case in each mode -------------------------------------------------------- */

static void
outcome_free(Outcome *o)
{
    buf_free(&o->stdout_text);
    buf_free(&o->traceback);
    free(o->exc);
    free(o->problem);
    cJSON_Delete(o->calls);
    memset(o, 0, sizeof *o);
}

/* Appends text to out with every `File "dir/x.py"` reduced to `File "x.py"`, as the recorder
 * does, so that tracebacks compare whatever path the script was run by. */
static void
normalize_traceback(const char *text, Buf *out)
{
    buf_add(out, "", 0);
    const char *s = text;
    const char *f;
    while ((f = strstr(s, "File \"")) != NULL) {
        const char *name = f + 6;
        const char *end = strchr(name, '"');
        const char *nl = strchr(name, '\n');
        if (!end || (nl && nl < end)) {
            buf_add(out, s, (size_t)(name - s));
            s = name;
            continue;
        }
        const char *base = name;
        for (const char *q = name; q < end; q++) {
            if (*q == '/') {
                base = q + 1;
            }
        }
        buf_add(out, s, (size_t)(name - s));
        buf_add(out, base, (size_t)(end - base));
        s = end;
    }
    buf_adds(out, s);
}

static void
run_plain(const Case *c, Outcome *o)
{
    char *argv[] = {(char *)opt.monty, "run", c->run_path, NULL};
    Proc p;
    run_proc(argv, NULL, NULL, &p);
    buf_add(&o->stdout_text, buf_str(&p.out), p.out.len);
    normalize_traceback(buf_str(&p.err), &o->traceback);
    o->problem = proc_problem(&p);
    if (!o->problem && p.exit_code != 0) {
        o->exc = last_line(buf_str(&p.err));
        if (p.exit_code != 1) {
            o->problem = xasprintf("monty: exit status %d: %s", p.exit_code, o->exc);
        }
    }
    proc_free(&p);
}

static void
run_jsonl(const Case *c, Outcome *o)
{
    char *pyi = xasprintf("%s.pyi", c->base);
    char *argv[] = {(char *)opt.monty, "run", "--jsonl", "--stubs", pyi, c->run_path, NULL};
    Host h = {c, 0, o, false};
    o->calls = cJSON_CreateArray();
    Proc p;
    run_proc(argv, jsonl_line, &h, &p);
    if (!o->problem) {
        o->problem = proc_problem(&p);
    }
    if (!o->problem && !h.finished) {
        char *last = last_line(buf_str(&p.err));
        o->problem = xasprintf("monty --jsonl: no complete/error event (exit %d): %s",
                               p.exit_code, last);
        free(last);
    }
    if (!o->problem && (p.exit_code != 0) != (o->exc != NULL)) {
        o->problem = xasprintf("monty --jsonl: exit status %d after %s event", p.exit_code,
                               o->exc ? "error" : "complete");
    }
    proc_free(&p);
    free(pyi);
}

/*
 * Durable mode: `monty start` runs to the first call and writes the snapshot; each later
 * process `monty resume` answers the pending call.  A process's stdout holds the script's
 * print output followed by the pending call as one JSON line; protocol event lines
 * (print/complete/error) are understood as well, so either style of CLI output works.
 */
static void
run_durable(const Case *c, Outcome *o)
{
    char snap[] = "/tmp/monty-case-XXXXXX";
    int fd = mkstemp(snap);
    if (fd < 0) {
        die("mkstemp: %s", strerror(errno));
    }
    close(fd);
    unlink(snap);
    char *pyi = xasprintf("%s.pyi", c->base);
    Host h = {c, 0, o, false};
    o->calls = cJSON_CreateArray();
    char *answer_arg = NULL;
    char *answer_val = NULL;
    for (int step = 0; step < 10000; step++) {
        char *start_argv[] = {(char *)opt.monty, "start", c->run_path, "--stubs", pyi,
                              "--state", snap, NULL};
        char *resume_argv[] = {(char *)opt.monty, "resume", snap, answer_arg, answer_val,
                               NULL};
        Proc p;
        run_proc(step == 0 ? start_argv : resume_argv, NULL, NULL, &p);
        o->problem = proc_problem(&p);
        if (o->problem) {
            proc_free(&p);
            break;
        }
        /* Split stdout into lines; JSON event lines are events, the rest is print output. */
        double call_id = -1;
        const char *s = buf_str(&p.out);
        while (*s) {
            const char *nl = strchr(s, '\n');
            size_t n = nl ? (size_t)(nl - s) + 1 : strlen(s);
            /* An event may follow print text that did not end with a newline. */
            char *line = xrealloc(NULL, n + 1);
            memcpy(line, s, n);
            line[n] = '\0';
            char *ev_start = line[0] == '{' ? line : strstr(line, "{\"type\":");
            cJSON *ev = ev_start ? cJSON_Parse(ev_start) : NULL;
            double id = -1;
            if (ev && handle_event(&h, ev, &id)) {
                buf_add(&o->stdout_text, line, (size_t)(ev_start - line));
                if (id >= 0) {
                    call_id = id;
                }
            } else {
                buf_add(&o->stdout_text, s, n);
            }
            free(line);
            cJSON_Delete(ev);
            s += n;
        }
        if (p.exit_code != 0 && call_id < 0 && !h.finished) {
            h.finished = true;
            free(o->exc);
            o->exc = last_line(buf_str(&p.err));
            if (p.exit_code != 1) {
                o->problem = xasprintf("monty durable: exit status %d: %s", p.exit_code,
                                       o->exc);
            }
        }
        proc_free(&p);
        if (call_id < 0 || h.finished) {
            break;
        }
        /* Answer the pending call from the next canned answer. */
        free(answer_val);
        int ai = h.next_answer;
        cJSON *ans = cJSON_GetArrayItem(c->answers, ai);
        if (ans) {
            h.next_answer++;
        }
        cJSON *rai = ans ? cJSON_GetObjectItemCaseSensitive(ans, "raise") : NULL;
        if (!ans || rai) {
            cJSON *t = rai ? cJSON_GetObjectItemCaseSensitive(rai, "type") : NULL;
            cJSON *m = rai ? cJSON_GetObjectItemCaseSensitive(rai, "message") : NULL;
            answer_arg = "--raise";
            answer_val = xasprintf("%s:%s", cJSON_IsString(t) ? t->valuestring : "RuntimeError",
                                   cJSON_IsString(m) ? m->valuestring
                                                     : (ans ? "" : "no canned answer left"));
        } else {
            answer_arg = "--return";
            answer_val = xstrdup(c->returns[ai] ? c->returns[ai] : "null");
        }
    }
    free(answer_val);
    unlink(snap);
    free(pyi);
}

/* ---- comparing -------------------------------------------------------------------------- */

/* Prints a unified diff of expected vs actual text (at most opt.max_diff_lines lines). */
static void
print_diff(const char *label, const char *expected, size_t elen, const char *actual,
           size_t alen)
{
    char a[] = "/tmp/monty-exp-XXXXXX";
    char b[] = "/tmp/monty-got-XXXXXX";
    int fa = mkstemp(a), fb = mkstemp(b);
    if (fa < 0 || fb < 0) {
        die("mkstemp: %s", strerror(errno));
    }
    close(fa);
    close(fb);
    write_file(a, expected, elen);
    write_file(b, actual, alen);
    char *cmd = xasprintf("diff -u --label expected-%s --label monty-%s '%s' '%s' | head -n %d",
                          label, label, a, b, opt.max_diff_lines);
    fflush(stdout);
    int rc = system(cmd);
    (void)rc;
    free(cmd);
    unlink(a);
    unlink(b);
}

/* First differing line of two texts, for a one-line reason. */
static char *
first_difference(const char *exp, const char *got)
{
    int line = 1;
    size_t i = 0, line_start = 0;
    while (exp[i] && got[i] && exp[i] == got[i]) {
        if (exp[i] == '\n') {
            line++;
            line_start = i + 1;
        }
        i++;
    }
    exp += line_start;
    got += line_start;
    char el[61], gl[61];
    i = 0;
    for (; i < 60 && exp[i] && exp[i] != '\n'; i++) {
        el[i] = exp[i];
    }
    el[i] = '\0';
    for (i = 0; i < 60 && got[i] && got[i] != '\n'; i++) {
        gl[i] = got[i];
    }
    gl[i] = '\0';
    return xasprintf("stdout line %d: expected '%s', got '%s'", line, el, gl);
}

/*
 * Compares an outcome with the case's expectations.  Returns NULL when they match, else a
 * one-line reason (malloc'd); prints details when `report` is set.
 */
static char *
compare(const Case *c, const Outcome *o, const char *mode, bool report)
{
    if (o->problem) {
        if (report) {
            printf("    [%s] %s\n", mode, o->problem);
        }
        return xstrdup(o->problem);
    }
    char *reason = NULL;
    const char *exp = buf_str(&c->stdout_text);
    const char *got = buf_str(&o->stdout_text);
    bool out_same = c->stdout_text.len == o->stdout_text.len &&
                    memcmp(exp, got, c->stdout_text.len) == 0;
    bool exc_same = (c->exc == NULL) == (o->exc == NULL) &&
                    (c->exc == NULL || strcmp(c->exc, o->exc) == 0);
    if (!exc_same) {
        if (!o->exc) {
            reason = xasprintf("expected %s, monty raised nothing", c->exc);
        } else if (!c->exc) {
            reason = xasprintf("monty: %s", o->exc);
        } else {
            reason = xasprintf("expected %s, monty: %s", c->exc, o->exc);
        }
        if (report) {
            printf("    [%s] exception: expected %s\n", mode, c->exc ? c->exc : "(none)");
            printf("    [%s] exception:    monty %s\n", mode, o->exc ? o->exc : "(none)");
        }
    }
    if (!out_same) {
        if (!reason) {
            reason = first_difference(exp, got);
        }
        if (report) {
            print_diff(mode, exp, c->stdout_text.len, got, o->stdout_text.len);
        }
    }
    if (c->has_traceback && o->traceback.data &&
        (c->traceback.len != o->traceback.len ||
         memcmp(c->traceback.data, o->traceback.data, c->traceback.len) != 0)) {
        if (!reason) {
            reason = xstrdup("traceback differs");
        }
        if (report) {
            print_diff("traceback", c->traceback.data, c->traceback.len, o->traceback.data,
                       o->traceback.len);
        }
    }
    if (c->has_stubs && o->calls && !cJSON_Compare(c->calls, o->calls, true)) {
        int ne = cJSON_GetArraySize(c->calls), ng = cJSON_GetArraySize(o->calls);
        int i = 0;
        while (i < ne && i < ng &&
               cJSON_Compare(cJSON_GetArrayItem(c->calls, i), cJSON_GetArrayItem(o->calls, i),
                             true)) {
            i++;
        }
        char *e = i < ne ? cJSON_PrintUnformatted(cJSON_GetArrayItem(c->calls, i))
                         : xstrdup("(no more calls)");
        char *g = i < ng ? cJSON_PrintUnformatted(cJSON_GetArrayItem(o->calls, i))
                         : xstrdup("(no more calls)");
        if (!reason) {
            reason = xasprintf("call %d: expected %.80s, got %.80s", i + 1, e, g);
        }
        if (report) {
            printf("    [%s] call %d: expected %s\n", mode, i + 1, e);
            printf("    [%s] call %d:    monty %s\n", mode, i + 1, g);
        }
        free(e);
        free(g);
    }
    return reason;
}

/* ---- cases ------------------------------------------------------------------------------ */

static bool
file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static bool
load_case(const char *path, const char *root, Case *c, char **err)
{
    memset(c, 0, sizeof *c);
    c->path = xstrdup(path);
    c->base = xstrdup(path);
    c->base[strlen(c->base) - 3] = '\0';
    size_t rl = strlen(root);
    const char *rel = strncmp(c->base, root, rl) == 0 ? c->base + rl : c->base;
    while (*rel == '/') {
        rel++;
    }
    c->rel = xstrdup(rel);
    Buf src = {0};
    if (!read_file(path, &src)) {
        *err = xasprintf("cannot read %s", path);
        return false;
    }
    c->xfail = strncmp(buf_str(&src), "# xfail:", 8) == 0;
    c->run_path = c->path;
    if (c->xfail) {
        const char *r = buf_str(&src) + 8;
        while (*r == ' ') {
            r++;
        }
        c->xfail_asan = strncmp(r, "asan:", 5) == 0;
    }
    buf_free(&src);
    char *p = xasprintf("%s.stdout", c->base);
    c->stdout_present = read_file(p, &c->stdout_text);
    free(p);
    if (!c->stdout_present) {
        *err = xasprintf("no %s.stdout: run tests/record_cases.py", c->rel);
        return false;
    }
    p = xasprintf("%s.exc", c->base);
    Buf exc = {0};
    if (read_file(p, &exc)) {
        c->exc = last_line(buf_str(&exc));
    }
    buf_free(&exc);
    free(p);
    p = xasprintf("%s.traceback", c->base);
    c->has_traceback = read_file(p, &c->traceback);
    free(p);
    p = xasprintf("%s.pyi", c->base);
    c->has_stubs = file_exists(p);
    free(p);
    if (!c->has_stubs) {
        return true;
    }
    Buf b = {0};
    p = xasprintf("%s.host.json", c->base);
    if (read_file(p, &b)) {
        c->answers = cJSON_Parse(buf_str(&b));
        if (!cJSON_IsArray(c->answers)) {
            *err = xasprintf("%s: not a JSON array", p);
            free(p);
            buf_free(&b);
            return false;
        }
        c->n_answers = cJSON_GetArraySize(c->answers);
        c->returns = raw_returns(buf_str(&b), c->n_answers);
    } else {
        c->answers = cJSON_CreateArray();
    }
    buf_free(&b);
    free(p);
    c->calls = cJSON_CreateArray();
    p = xasprintf("%s.calls", c->base);
    if (read_file(p, &b)) {
        char *line = b.data;
        while (line && *line) {
            char *nl = strchr(line, '\n');
            if (nl) {
                *nl = '\0';
            }
            if (*line) {
                cJSON *v = cJSON_Parse(line);
                if (!v) {
                    *err = xasprintf("%s: bad JSON line", p);
                    free(p);
                    buf_free(&b);
                    return false;
                }
                cJSON_AddItemToArray(c->calls, v);
            }
            line = nl ? nl + 1 : NULL;
        }
    }
    buf_free(&b);
    free(p);
    return true;
}

/* For a marked case, writes the script without its marker line to a temporary folder under
 * the same base name, and runs that instead (the recording was made without the marker). */
static void
prepare_run_copy(Case *c)
{
    if (!c->xfail) {
        return;
    }
    Buf src = {0};
    if (!read_file(c->path, &src)) {
        return;
    }
    char tmpl[] = "/tmp/monty-xfail-XXXXXX";
    if (!mkdtemp(tmpl)) {
        die("mkdtemp: %s", strerror(errno));
    }
    const char *slash = strrchr(c->path, '/');
    char *copy = xasprintf("%s/%s", tmpl, slash ? slash + 1 : c->path);
    const char *nl = strchr(buf_str(&src), '\n');
    const char *body = nl ? nl + 1 : "";
    if (!write_file(copy, body, strlen(body))) {
        die("cannot write %s", copy);
    }
    c->tmp_dir = xstrdup(tmpl);
    c->run_path = copy;
    buf_free(&src);
}

static void
case_free(Case *c)
{
    if (c->tmp_dir) {
        unlink(c->run_path);
        rmdir(c->tmp_dir);
        free(c->run_path);
        free(c->tmp_dir);
    }
    free(c->path);
    free(c->rel);
    free(c->base);
    buf_free(&c->stdout_text);
    buf_free(&c->traceback);
    free(c->exc);
    cJSON_Delete(c->calls);
    cJSON_Delete(c->answers);
    for (int i = 0; i < c->n_answers; i++) {
        free(c->returns[i]);
    }
    free(c->returns);
}

typedef struct {
    char **items;
    size_t len;
    size_t cap;
} StrList;

static void
list_add(StrList *l, char *s)
{
    if (l->len == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        l->items = xrealloc(l->items, l->cap * sizeof *l->items);
    }
    l->items[l->len++] = s;
}

static void
collect(const char *dir, StrList *out)
{
    DIR *d = opendir(dir);
    if (!d) {
        die("cannot open %s: %s", dir, strerror(errno));
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') {
            continue;
        }
        char *p = xasprintf("%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
            collect(p, out);
            free(p);
            continue;
        }
        size_t n = strlen(e->d_name);
        if (n > 3 && strcmp(e->d_name + n - 3, ".py") == 0) {
            list_add(out, p);
        } else {
            free(p);
        }
    }
    closedir(d);
}

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool
selected(const char *rel)
{
    if (opt.n_patterns == 0) {
        return true;
    }
    for (int i = 0; i < opt.n_patterns; i++) {
        const char *k = opt.patterns[i];
        if (strpbrk(k, "*?[") ? fnmatch(k, rel, 0) == 0 : strstr(rel, k) != NULL) {
            return true;
        }
    }
    return false;
}

/* Rewrites the xfail marker of a case: reason NULL removes it, else sets it. */
static void
set_xfail(const Case *c, const char *reason)
{
    Buf src = {0};
    if (!read_file(c->path, &src)) {
        return;
    }
    const char *body = buf_str(&src);
    if (strncmp(body, "# xfail:", 8) == 0) {
        const char *nl = strchr(body, '\n');
        body = nl ? nl + 1 : body + strlen(body);
    }
    Buf out = {0};
    buf_add(&out, "", 0);
    if (reason) {
        buf_adds(&out, opt.sanitizer ? "# xfail: asan: " : "# xfail: ");
        for (const char *r = reason; *r && r - reason < 160; r++) {
            char ch = (*r == '\n' || *r == '\r') ? ' ' : *r;
            buf_add(&out, &ch, 1);
        }
        buf_adds(&out, "\n");
    }
    buf_adds(&out, body);
    if (!write_file(c->path, out.data, out.len)) {
        fprintf(stderr, "run_cases: cannot rewrite %s\n", c->path);
    }
    buf_free(&out);
    buf_free(&src);
}

static void
usage(void)
{
    puts("usage: run_cases [--monty PATH] [--cases DIR] [-k PATTERN]... [-v]\n"
         "                 [--timeout SECONDS] [--no-durable] [--diff-lines N] [--summary]\n"
         "                 [--sanitizer]\n"
         "                 [--update-xfail] [--mark-xfail]\n"
         "\n"
         "Runs tests/cases/**/*.py with monty and compares against the CPython recording.\n"
         "  --monty PATH      the monty binary (default: build/monty)\n"
         "  --cases DIR       the cases folder (default: tests/cases)\n"
         "  -k PATTERN        only cases whose <area>/<name> contains PATTERN (or matches it\n"
         "                    as a glob when it has * ? [); repeatable\n"
         "  -v                print every case's result, not only failures\n"
         "  --timeout S       seconds allowed per monty process (default 10)\n"
         "  --no-durable      skip the start/resume mode for host-call cases\n"
         "  --summary         print pass/total per area at the end\n"
         "  --sanitizer       monty is an ASan/UBSan build: markers `# xfail: asan: ...` (cases\n"
         "                    that fail only there) are strict here and ignored otherwise;\n"
         "                    --mark-xfail writes such markers\n"
         "  --update-xfail    remove the xfail marker of marked cases that now pass\n"
         "  --mark-xfail      add an xfail marker (with the observed mismatch) to failing cases\n"
         "Exit status: 0 when nothing FAILed or XPASSed, 1 otherwise, 2 on usage errors.");
}

static void
parse_args(int argc, char **argv)
{
    opt.monty = "build/monty";
    opt.cases_dir = "tests/cases";
    opt.timeout = 10;
    opt.durable = true;
    opt.max_diff_lines = 40;
    opt.patterns = xrealloc(NULL, sizeof(char *) * (size_t)argc);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has_next = i + 1 < argc;
        if (strcmp(a, "--monty") == 0 && has_next) {
            opt.monty = argv[++i];
        } else if (strcmp(a, "--cases") == 0 && has_next) {
            opt.cases_dir = argv[++i];
        } else if (strcmp(a, "-k") == 0 && has_next) {
            opt.patterns[opt.n_patterns++] = argv[++i];
        } else if (strcmp(a, "-v") == 0) {
            opt.verbose = true;
        } else if (strcmp(a, "--timeout") == 0 && has_next) {
            opt.timeout = atof(argv[++i]);
        } else if (strcmp(a, "--diff-lines") == 0 && has_next) {
            opt.max_diff_lines = atoi(argv[++i]);
        } else if (strcmp(a, "--sanitizer") == 0) {
            opt.sanitizer = true;
        } else if (strcmp(a, "--summary") == 0) {
            opt.summary = true;
        } else if (strcmp(a, "--no-durable") == 0) {
            opt.durable = false;
        } else if (strcmp(a, "--update-xfail") == 0) {
            opt.update_xfail = true;
        } else if (strcmp(a, "--mark-xfail") == 0) {
            opt.mark_xfail = true;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage();
            exit(0);
        } else {
            usage();
            exit(2);
        }
    }
    if (opt.timeout <= 0) {
        opt.timeout = 10;
    }
}

/*
 * Entry point: collects the selected cases, runs each in its modes, prints FAIL/XPASS details
 * and the counts, and closes with the `N passed, N failed` line.
 */
int
main(int argc, char **argv)
{
    signal(SIGPIPE, SIG_IGN);
    parse_args(argc, argv);
    if (access(opt.monty, X_OK) != 0) {
        die("monty binary %s is not executable (use --monty PATH)", opt.monty);
    }
    char *root = realpath(opt.cases_dir, NULL);
    if (!root) {
        die("cannot open cases folder %s", opt.cases_dir);
    }
    char *monty_abs = realpath(opt.monty, NULL);
    if (monty_abs) {
        opt.monty = monty_abs;
    }
    StrList paths = {0};
    collect(root, &paths);
    qsort(paths.items, paths.len, sizeof *paths.items, cmp_str);
    int n_pass = 0, n_fail = 0, n_xfail = 0, n_xpass = 0, n_bad = 0, n_fixed = 0;
    for (size_t i = 0; i < paths.len; i++) {
        Case c;
        char *err = NULL;
        bool ok = load_case(paths.items[i], root, &c, &err);
        if (!selected(c.rel)) {
            case_free(&c);
            free(err);
            continue;
        }
        if (!ok) {
            printf("ERROR %s: %s\n", c.rel, err);
            n_bad++;
            free(err);
            case_free(&c);
            continue;
        }
        prepare_run_copy(&c);
        const char *modes[3];
        int n_modes = 0;
        if (c.has_stubs) {
            modes[n_modes++] = "jsonl";
            if (opt.durable) {
                modes[n_modes++] = "durable";
            }
        } else {
            modes[n_modes++] = "plain";
        }
        char *reason = NULL;
        for (int m = 0; m < n_modes && !reason; m++) {
            Outcome o = {0};
            buf_add(&o.stdout_text, "", 0);
            if (strcmp(modes[m], "plain") == 0) {
                run_plain(&c, &o);
            } else if (strcmp(modes[m], "jsonl") == 0) {
                run_jsonl(&c, &o);
            } else {
                run_durable(&c, &o);
            }
            reason = compare(&c, &o, modes[m], false);
            if (reason) {
                if (!c.xfail) {
                    printf("FAIL  %s [%s]: %s\n", c.rel, modes[m], reason);
                }
                if (!c.xfail || opt.verbose) {
                    if (c.xfail) {
                        printf("XFAIL %s [%s]: %s\n", c.rel, modes[m], reason);
                    }
                    free(compare(&c, &o, modes[m], true));
                }
            }
            outcome_free(&o);
        }
        if (reason && c.xfail) {
            n_xfail++;
        } else if (reason) {
            n_fail++;
            if (opt.mark_xfail) {
                set_xfail(&c, reason);
                n_fixed++;
            }
        } else if (c.xfail && c.xfail_asan && !opt.sanitizer) {
            n_pass++;   /* the marker is about sanitizer builds only */
            if (opt.verbose) {
                printf("PASS  %s (xfail only under sanitizers)\n", c.rel);
            }
        } else if (c.xfail) {
            if (opt.update_xfail) {
                set_xfail(&c, NULL);
                n_fixed++;
                printf("FIXED %s: passes now, xfail marker removed\n", c.rel);
                n_pass++;
            } else {
                n_xpass++;
                printf("XPASS %s: passes but is marked xfail (run with --update-xfail)\n",
                       c.rel);
            }
        } else {
            n_pass++;
            if (opt.verbose) {
                printf("PASS  %s\n", c.rel);
            }
        }
        area_count(c.rel, reason == NULL);
        fflush(stdout);
        free(reason);
        case_free(&c);
    }
    if (opt.summary) {
        printf("\npassing cases per area:\n");
        for (int i = 0; i < n_areas; i++) {
            printf("  %-16s %4d / %-4d%s", areas[i].name, areas[i].pass, areas[i].total,
                   i % 3 == 2 || i == n_areas - 1 ? "\n" : "");
        }
    }
    printf("\nPASS %d  FAIL %d  XFAIL %d  XPASS %d  ERROR %d", n_pass, n_fail, n_xfail, n_xpass,
           n_bad);
    if (opt.mark_xfail || opt.update_xfail) {
        printf("  (%d markers changed)", n_fixed);
    }
    printf("\ncases: %d passed, %d failed, %d skipped\n", n_pass, n_fail + n_xpass + n_bad,
           n_xfail);
    for (size_t i = 0; i < paths.len; i++) {
        free(paths.items[i]);
    }
    free(paths.items);
    free(root);
    free(monty_abs);
    free(opt.patterns);
    return (n_fail || n_xpass || n_bad) && !opt.mark_xfail ? 1 : 0;
}
