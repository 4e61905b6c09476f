/*
 * run_checker_cases.c — runs every tests/checker/<rule>/<case>.py through
 * the checker and compares its diagnostics with the expectations written in
 * the case, Wren-style, on the line they concern:
 *
 *     x = get_wether("Paris")   # expect: unresolved-reference "get_weather"
 *
 * `# expect: CODE ["substring of the message"]`, several separated by `;`.
 * A case with no `expect` must check clean: those are the false-positive
 * traps. Stubs: <case>.pyi beside the case, else _stubs.pyi in its folder,
 * else tests/checker/_stubs.pyi. `# inputs: a, b` names host inputs.
 *
 * Usage: run_checker_cases DIR [-v]. Exit 0 when every case matches.
 */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "checker/checker.h"

typedef struct Expect {
    int line;
    char code[64];
    char needle[200];
    bool matched;
} Expect;

static int ncases;
static int nclean;
static int nfailed;
static bool verbose;

static char *
read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        fclose(f);
        return NULL;
    }
    buf[n] = 0;
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static bool
exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Parses "# expect: a "x"; b" on one line into expectations. */
static int
parse_expects(const char *src, Expect *out, int max)
{
    int n = 0;
    int line = 1;
    for (const char *p = src; *p; p++) {
        if (*p == '\n') {
            line++;
            continue;
        }
        if (strncmp(p, "# expect:", 9) != 0) {
            continue;
        }
        p += 9;
        while (*p && *p != '\n' && n < max) {
            while (*p == ' ' || *p == ';') {
                p++;
            }
            if (!*p || *p == '\n') {
                break;
            }
            Expect *e = &out[n];
            memset(e, 0, sizeof *e);
            e->line = line;
            size_t k = 0;
            while (*p && *p != ' ' && *p != ';' && *p != '\n' && k + 1 < sizeof e->code) {
                e->code[k++] = *p++;
            }
            while (*p == ' ') {
                p++;
            }
            if (*p == '"') {
                p++;
                k = 0;
                while (*p && *p != '"' && *p != '\n' && k + 1 < sizeof e->needle) {
                    e->needle[k++] = *p++;
                }
                if (*p == '"') {
                    p++;
                }
            }
            n++;
        }
        if (!*p) {
            break;
        }
        if (*p == '\n') {
            line++;
        }
    }
    return n;
}

/* "# inputs: a, b" -> names (pointers into a static buffer). */
static size_t
parse_inputs(const char *src, const char **names, size_t max, char *buf, size_t buflen)
{
    const char *p = strstr(src, "# inputs:");
    if (!p) {
        return 0;
    }
    p += 9;
    size_t n = 0;
    size_t w = 0;
    while (*p && *p != '\n' && n < max) {
        while (*p == ' ' || *p == ',') {
            p++;
        }
        if (!*p || *p == '\n') {
            break;
        }
        names[n++] = buf + w;
        while (*p && *p != ',' && *p != ' ' && *p != '\n' && w + 2 < buflen) {
            buf[w++] = *p++;
        }
        buf[w++] = 0;
    }
    return n;
}

static ChkStubs *
load_stubs(const char *path)
{
    size_t len = 0;
    char *text = read_file(path, &len);
    if (!text) {
        return NULL;
    }
    char err[512] = "";
    ChkStubs *st = chk_stubs_load(text, len, path, err, sizeof err);
    if (!st) {
        fprintf(stderr, "%s: stubs failed to load: %s\n", path, err);
    }
    free(text);
    return st;
}

static void
run_case(const char *root, const char *dir, const char *path)
{
    size_t len = 0;
    char *src = read_file(path, &len);
    if (!src) {
        fprintf(stderr, "cannot read %s\n", path);
        nfailed++;
        return;
    }
    ncases++;
    char stubpath[1024];
    snprintf(stubpath, sizeof stubpath, "%.*si", (int)strlen(path) - 2, path);
    strcpy(stubpath + strlen(path) - 2, "pyi");
    if (!exists(stubpath)) {
        snprintf(stubpath, sizeof stubpath, "%s/_stubs.pyi", dir);
        if (!exists(stubpath)) {
            snprintf(stubpath, sizeof stubpath, "%s/_stubs.pyi", root);
        }
    }
    ChkStubs *stubs = exists(stubpath) ? load_stubs(stubpath) : NULL;
    if (exists(stubpath) && !stubs) {
        nfailed++;
        free(src);
        return;
    }
    const char *inputs[32];
    char inbuf[1024];
    size_t ninputs = parse_inputs(src, inputs, 32, inbuf, sizeof inbuf);
    Expect exp[128];
    int nexp = parse_expects(src, exp, 128);
    if (nexp == 0) {
        nclean++;
    }
    ChkResult *res = chk_check_source(src, len, path, stubs, inputs, ninputs);
    bool ok = res != NULL;
    for (size_t i = 0; res && i < chk_result_count(res); i++) {
        const ChkDiag *d = chk_result_get(res, i);
        bool found = false;
        for (int k = 0; k < nexp && !found; k++) {
            Expect *e = &exp[k];
            if (!e->matched && e->line == d->line && strcmp(e->code, d->code) == 0
                && (!e->needle[0] || strstr(d->message, e->needle)
                    || (d->hint && strstr(d->hint, e->needle)))) {
                e->matched = true;
                found = true;
            }
        }
        if (!found) {
            ok = false;
            printf("%s:%d:%d: unexpected %s[%s] %s\n", path, d->line, d->column,
                   d->severity == CHK_SEV_ERROR ? "error" : "warning", d->code, d->message);
        }
    }
    for (int k = 0; k < nexp; k++) {
        if (!exp[k].matched) {
            ok = false;
            printf("%s:%d: missing expected %s%s%s%s\n", path, exp[k].line, exp[k].code,
                   exp[k].needle[0] ? " \"" : "", exp[k].needle, exp[k].needle[0] ? "\"" : "");
        }
    }
    if (verbose && res) {
        char *out = chk_result_render(res, CHK_FORMAT_CONCISE);
        if (out) {
            fputs(out, stdout);
        }
        free(out);
    }
    if (!ok) {
        nfailed++;
    }
    chk_result_free(res);
    chk_stubs_free(stubs);
    free(src);
}

static int
cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
walk(const char *root, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        return;
    }
    char *names[4096];
    int n = 0;
    struct dirent *ent;
    while ((ent = readdir(d)) && n < 4096) {
        if (ent->d_name[0] == '.') {
            continue;
        }
        names[n++] = strdup(ent->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, cmp_names);
    for (int i = 0; i < n; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            walk(root, path);
        } else {
            size_t l = strlen(names[i]);
            /* cases live in the rule folders; files at the top are tools */
            if (l > 3 && strcmp(names[i] + l - 3, ".py") == 0 && strcmp(dir, root) != 0) {
                run_case(root, dir, path);
            }
        }
        free(names[i]);
    }
}

int
main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s DIR [-v]\n", argv[0]);
        return 2;
    }
    verbose = argc > 2 && strcmp(argv[2], "-v") == 0;
    walk(argv[1], argv[1]);
    printf("checker cases: %d run, %d expected clean, %d failed\n", ncases, nclean, nfailed);
    if (ncases == 0) {
        return 1;
    }
    return nfailed ? 1 : 0;
}
