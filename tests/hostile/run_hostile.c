/*
 * run_hostile.c — the hostile-input suite (issue 5): scripts that try to
 * exhaust memory, time or the C stack, or to escape the sandbox, must each
 * end in the right clean error, within the limits they run under.
 *
 *   run_hostile MONTY CASES_DIR [-v] [-k PATTERN] [--no-bounds] [--update-xfail]
 *
 * A case is CASES_DIR/<name>.py whose first lines say what to expect:
 *   # expect: MemoryError|OverflowError   last stderr line starts with one of these
 *   # args: --max-memory 32MB ...         extra `monty run` arguments
 *   # xfail: reason                       known gap (strict: a pass is XPASS, a failure)
 *   # xfail-asan: reason                  a gap seen only under sanitizers (--no-bounds)
 * plus cases generated here (100k-deep nesting, 10 MB sources), written to a
 * temporary directory. For every case: exit status 1, the expected type,
 * wall time <= 1.1 x --max-duration + 0.5 s (or 10 s without one), and peak
 * RSS <= --max-memory + the source size + 48 MB of fixed overhead (the
 * binary, libc, the source buffer's copies). A case still running after
 * 3 x its time bound is killed and fails as a hang. --no-bounds (sanitizer
 * builds) keeps every check but the time and RSS bounds.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define OVERHEAD_BYTES (48.0 * 1024 * 1024)

typedef struct Case {
    char *name;
    char *path;
    char expect[256];
    char args[512];
    char xfail[512];
    char xfail_asan[512];   /* a gap that shows only under sanitizers (--no-bounds) */
} Case;

static bool verbose;
static bool check_bounds = true;  /* off under sanitizers (shadow memory, slowdown) */
static bool update_xfail;        /* drop the markers of cases that now pass */

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Copies src into dst of size n, truncating. */
static void
copy(char *dst, size_t n, const char *src)
{
    size_t k = strlen(src);
    if (k >= n) {
        k = n - 1;
    }
    memcpy(dst, src, k);
    dst[k] = '\0';
}

/* Reads the "# key: value" header lines of a case. */
static void
read_header(Case *c)
{
    FILE *f = fopen(c->path, "r");
    char line[1024];
    for (int i = 0; f != NULL && i < 5 && fgets(line, sizeof line, f) != NULL; i++) {
        line[strcspn(line, "\r\n")] = '\0';
        if (strncmp(line, "# expect: ", 10) == 0) {
            copy(c->expect, sizeof c->expect, line + 10);
        } else if (strncmp(line, "# args: ", 8) == 0) {
            copy(c->args, sizeof c->args, line + 8);
        } else if (strncmp(line, "# xfail: ", 9) == 0) {
            copy(c->xfail, sizeof c->xfail, line + 9);
        } else if (strncmp(line, "# xfail-asan: ", 14) == 0) {
            copy(c->xfail_asan, sizeof c->xfail_asan, line + 14);
        }
    }
    if (f != NULL) {
        fclose(f);
    }
}

/* Value of a "--name VALUE" argument, or NULL. */
static const char *
arg_value(const char *args, const char *name, char *buf, size_t n)
{
    const char *p = strstr(args, name);
    if (p == NULL) {
        return NULL;
    }
    p += strlen(name);
    while (*p == ' ' || *p == '=') {
        p++;
    }
    size_t k = strcspn(p, " ");
    snprintf(buf, n, "%.*s", (int)k, p);
    return buf;
}

static double
parse_size(const char *s)
{
    char *end;
    double v = strtod(s, &end);
    if (*end == 'k' || *end == 'K') {
        v *= 1024;
    } else if (*end == 'm' || *end == 'M') {
        v *= 1024 * 1024;
    } else if (*end == 'g' || *end == 'G') {
        v *= 1024.0 * 1024 * 1024;
    }
    return v;
}

/* True when the stderr line names one of the '|'-separated types. */
static bool
matches(const char *line, const char *expect)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", expect);
    for (char *tok = strtok(buf, "|"); tok != NULL; tok = strtok(NULL, "|")) {
        size_t n = strlen(tok);
        if (strncmp(line, tok, n) == 0 && (line[n] == ':' || line[n] == '\0')) {
            return true;
        }
    }
    return false;
}

/* Runs one case; returns NULL when it behaved, else a reason (static buffer). */
static const char *
run_case(const char *monty, const Case *c)
{
    static char why[1024];
    char buf[64];
    double limit_t = arg_value(c->args, "--max-duration", buf, sizeof buf) ? atof(buf) : 0;
    double limit_m = arg_value(c->args, "--max-memory", buf, sizeof buf) ? parse_size(buf) : 0;
    double bound_t = limit_t > 0 ? limit_t * 1.1 + 0.5 : 10.0;
    struct stat st;
    double src_size = stat(c->path, &st) == 0 ? (double)st.st_size : 0;

    char *argv[64];
    int argc = 0;
    char args[512];
    snprintf(args, sizeof args, "%s", c->args);
    argv[argc++] = (char *)monty;
    argv[argc++] = "run";
    char scaled[32];
    bool next_is_duration = false;
    for (char *tok = strtok(args, " "); tok != NULL && argc < 60; tok = strtok(NULL, " ")) {
        /* Sanitizers slow everything ~10x: a case about memory or recursion
         * must not end on its time limit instead. */
        if (next_is_duration && !check_bounds && strstr(c->expect, "TimeoutError") == NULL) {
            snprintf(scaled, sizeof scaled, "%g", atof(tok) * 10);
            tok = scaled;
        }
        next_is_duration = strcmp(tok, "--max-duration") == 0;
        argv[argc++] = tok;
    }
    argv[argc++] = c->path;
    argv[argc] = NULL;

    char errpath[] = "/tmp/monty-hostile-XXXXXX";
    int errfd = mkstemp(errpath);
    if (errfd < 0) {
        snprintf(why, sizeof why, "mkstemp: %s", strerror(errno));
        return why;
    }
    double t0 = now();
    pid_t pid = fork();
    if (pid == 0) {
        int devnull = open("/dev/null", O_RDWR);
        dup2(devnull, 0);
        dup2(devnull, 1);
        dup2(errfd, 2);
        execv(monty, argv);
        _exit(127);
    }
    int status = 0;
    struct rusage ru;
    bool killed = false;
    while (true) {
        pid_t w = wait4(pid, &status, WNOHANG, &ru);
        if (w == pid) {
            break;
        }
        if (!killed && now() - t0 > bound_t * (check_bounds ? 3 : 10) + 1) {
            kill(pid, SIGKILL);
            killed = true;
        }
        usleep(2000);
    }
    double wall = now() - t0;
    /* Last non-empty stderr line. */
    char last[512] = "";
    FILE *f = fdopen(errfd, "r");
    fseek(f, 0, SEEK_SET);
    char line[4096];
    while (fgets(line, sizeof line, f) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        if (line[0] != '\0') {
            copy(last, sizeof last, line);
        }
    }
    fclose(f);
    unlink(errpath);
    double rss = (double)ru.ru_maxrss * 1024.0;
    if (verbose) {
        printf("      %s: %.3f s, %.1f MB, exit %d: %s\n", c->name, wall, rss / 1048576.0,
               WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status), last);
    }
    if (killed) {
        snprintf(why, sizeof why, "hang: killed after %.1f s", wall);
    } else if (!WIFEXITED(status)) {
        snprintf(why, sizeof why, "crashed with signal %d", WTERMSIG(status));
    } else if (WEXITSTATUS(status) != 1) {
        snprintf(why, sizeof why, "exit status %d (want 1): %s", WEXITSTATUS(status), last);
    } else if (!matches(last, c->expect)) {
        snprintf(why, sizeof why, "expected %s, got: %s", c->expect, last);
    } else if (check_bounds && wall > bound_t) {
        snprintf(why, sizeof why, "took %.2f s (bound %.2f s)", wall, bound_t);
    } else if (check_bounds && limit_m > 0 && rss > limit_m + src_size + OVERHEAD_BYTES) {
        snprintf(why, sizeof why, "peak RSS %.1f MB over %.0f MB + source + overhead",
                 rss / 1048576.0, limit_m / 1048576.0);
    } else {
        return NULL;
    }
    return why;
}

/* ---- generated cases ------------------------------------------------------ */

static char *gendir;

static void
gen_write(Case *c, const char *name, const char *expect, const char *args, const char *head,
          const char *rep, size_t times, const char *mid, const char *rep2, size_t times2,
          const char *tail)
{
    c->name = strdup(name);
    if (asprintf(&c->path, "%s/%s.py", gendir, name) < 0) {
        exit(2);
    }
    snprintf(c->expect, sizeof c->expect, "%s", expect);
    snprintf(c->args, sizeof c->args, "%s", args);
    c->xfail[0] = '\0';
    FILE *f = fopen(c->path, "w");
    if (f == NULL) {
        perror(c->path);
        exit(2);
    }
    fputs(head, f);
    for (size_t i = 0; i < times; i++) {
        fputs(rep, f);
    }
    fputs(mid, f);
    for (size_t i = 0; i < times2; i++) {
        fputs(rep2, f);
    }
    fputs(tail, f);
    fclose(f);
}

static size_t
generated(Case *out)
{
    const char *M = "--max-memory 32MB --max-duration 5";
    const char *deep = "SyntaxError|RecursionError|MemoryError";
    size_t n = 0;
    gen_write(&out[n++], "gen_parens_100k", deep, M, "x = ", "(", 100000, "1", ")", 100000,
              "\n");
    gen_write(&out[n++], "gen_lists_100k", deep, M, "x = ", "[", 100000, "", "]", 100000, "\n");
    gen_write(&out[n++], "gen_dicts_100k", deep, M, "x = ", "{1: ", 100000, "1", "}", 100000,
              "\n");
    gen_write(&out[n++], "gen_unary_100k", deep, M, "x = ", "-", 100000, "1", "", 0, "\n");
    gen_write(&out[n++], "gen_not_100k", deep, M, "x = ", "not ", 100000, "True", "", 0, "\n");
    gen_write(&out[n++], "gen_attr_chain_100k", deep, M, "x = 1", ".real", 100000, "", "", 0,
              "\n");
    gen_write(&out[n++], "gen_call_chain_100k", deep, M, "f = abs\nx = ", "f(", 100000, "1",
              ")", 100000, "\n");
    gen_write(&out[n++], "gen_indent_200", "IndentationError|SyntaxError|RecursionError", M,
              "", "", 0, "", "", 0, "");
    {
        /* 200 nested blocks: rewrite the file by hand (each level indents). */
        FILE *f = fopen(out[n - 1].path, "w");
        for (int i = 0; i < 200; i++) {
            fprintf(f, "%*sif True:\n", i, "");
        }
        fprintf(f, "%*spass\n", 200, "");
        fclose(f);
    }
    gen_write(&out[n++], "gen_source_10mb", "MemoryError", "--max-memory 8MB --max-duration 5",
              "", "x = 1\n", 1750000, "", "", 0, "");
    gen_write(&out[n++], "gen_strlit_10mb", "MemoryError", "--max-memory 8MB --max-duration 5",
              "s = '", "aaaaaaaaaa", 1000000, "'", "", 0, "\n");
    gen_write(&out[n++], "gen_list_literal_10mb", "MemoryError",
              "--max-memory 8MB --max-duration 5", "x = [", "1, ", 3500000, "", "", 0, "]\n");
    gen_write(&out[n++], "gen_long_line_expr", "RecursionError|MemoryError",
              "--max-memory 8MB --max-duration 5", "x = 0", " + 1", 2500000, "", "", 0, "\n");
    /* Known gaps, strict like file cases' markers: none left (the parser
     * now charges its source copy and tokens to the memory limit). */
    return n;
}

/* Rewrites a case file without its "# xfail:" line; false if it has none. */
static bool
remove_marker(const char *path)
{
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return false;
    }
    char *text = NULL;
    size_t cap = 0;
    ssize_t n = getdelim(&text, &cap, '\0', f);
    fclose(f);
    if (n <= 0 || strncmp(text, "# xfail: ", 9) != 0) {
        free(text);
        return false;
    }
    const char *rest = strchr(text, '\n');
    f = fopen(path, "w");
    bool ok = f != NULL && rest != NULL && fputs(rest + 1, f) >= 0;
    if (f != NULL) {
        fclose(f);
    }
    free(text);
    return ok;
}

/* ---- main ------------------------------------------------------------------- */

static int
by_name(const void *a, const void *b)
{
    return strcmp(((const Case *)a)->name, ((const Case *)b)->name);
}

int
main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: run_hostile MONTY CASES_DIR [-v] [-k PATTERN] [--no-bounds] "
                        "[--update-xfail]\n");
        return 2;
    }
    const char *monty = argv[1], *dir = argv[2], *pattern = NULL;
    for (int i = 3; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0) {
            verbose = true;
        } else if (strcmp(argv[i], "--update-xfail") == 0) {
            update_xfail = true;
        } else if (strcmp(argv[i], "--no-bounds") == 0) {
            check_bounds = false;
        } else if (strcmp(argv[i], "-k") == 0 && i + 1 < argc) {
            pattern = argv[++i];
        }
    }
    char tmpl[] = "/tmp/monty-hostile-gen-XXXXXX";
    gendir = mkdtemp(tmpl);
    if (gendir == NULL) {
        perror("mkdtemp");
        return 2;
    }
    Case *cases = calloc(512, sizeof(Case));
    size_t n = generated(cases);
    DIR *d = opendir(dir);
    if (d == NULL) {
        perror(dir);
        return 2;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 512) {
        size_t len = strlen(e->d_name);
        if (len > 3 && strcmp(e->d_name + len - 3, ".py") == 0) {
            Case *c = &cases[n++];
            c->name = strndup(e->d_name, len - 3);
            if (asprintf(&c->path, "%s/%s", dir, e->d_name) < 0) {
                return 2;
            }
            read_header(c);
        }
    }
    closedir(d);
    qsort(cases, n, sizeof(Case), by_name);
    int pass = 0, fail = 0, xfail = 0, xpass = 0;
    for (size_t i = 0; i < n; i++) {
        Case *c = &cases[i];
        if (pattern != NULL && strstr(c->name, pattern) == NULL) {
            continue;
        }
        const char *why = run_case(monty, c);
        if (c->xfail[0] == '\0' && !check_bounds && c->xfail_asan[0] != '\0') {
            if (verbose) {
                printf("XFAIL %s (sanitizers): %s\n", c->name, why ? why : "passed");
            }
            xfail++;
        } else if (c->xfail[0] != '\0') {
            if (why == NULL && !check_bounds) {
                /* Bounds off: a gap about time or RSS cannot show; not strict. */
                xfail++;
            } else if (why == NULL && update_xfail && remove_marker(c->path)) {
                printf("PASS  %s (xfail marker removed)\n", c->name);
                pass++;
            } else if (why == NULL) {
                printf("XPASS %s (remove its xfail marker)\n", c->name);
                xpass++;
            } else {
                if (verbose) {
                    printf("XFAIL %s: %s\n", c->name, why);
                }
                xfail++;
            }
        } else if (why == NULL) {
            if (verbose) {
                printf("PASS  %s\n", c->name);
            }
            pass++;
        } else {
            printf("FAIL  %s: %s\n", c->name, why);
            fail++;
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (strncmp(cases[i].path, gendir, strlen(gendir)) == 0) {
            unlink(cases[i].path);
        }
        free(cases[i].name);
        free(cases[i].path);
    }
    free(cases);
    rmdir(gendir);
    printf("hostile: PASS %d  FAIL %d  XFAIL %d  XPASS %d\n", pass, fail, xfail, xpass);
    printf("%d passed, %d failed\n", pass + xfail, fail + xpass);
    return fail + xpass == 0 ? 0 : 1;
}
