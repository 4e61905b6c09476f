/*
 * bench_checker.c — in-process speed of `monty check` (issue 6): loading a
 * host's stubs (20 functions) and checking a ~40-line agent script against
 * them, through checker/checker.h. Prints medians of repeated runs.
 * A measurement, not a test: nothing here asserts a time.
 *
 * Usage: bench_checker STUBS.pyi SCRIPT.py [ITERATIONS]
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "checker/checker.h"
#include "grammar/parse.h"

static double
now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static char *
slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
        free(b);
        b = NULL;
    }
    fclose(f);
    if (b) {
        b[n] = 0;
        *len = (size_t)n;
    }
    return b;
}

static int
cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a;
    double y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double
median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_d);
    return v[n / 2];
}

int
main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s STUBS.pyi SCRIPT.py [ITERATIONS]\n", argv[0]);
        return 2;
    }
    int iters = argc > 3 ? atoi(argv[3]) : 2000;
    if (iters < 1) {
        iters = 1;
    }
    size_t slen = 0;
    size_t plen = 0;
    char *stubs_text = slurp(argv[1], &slen);
    char *src = slurp(argv[2], &plen);
    if (!stubs_text || !src) {
        fprintf(stderr, "cannot read inputs\n");
        return 2;
    }
    char err[512] = "";
    /* the first load also loads monty's embedded builtins (once per process) */
    double t0 = now_us();
    ChkStubs *st = chk_stubs_load(stubs_text, slen, argv[1], err, sizeof err);
    double first = now_us() - t0;
    if (!st) {
        fprintf(stderr, "stubs: %s\n", err);
        return 1;
    }
    const char *const *names = NULL;
    size_t nfuncs = chk_stubs_function_names(st, &names);
    double *loads = malloc(sizeof(double) * (size_t)iters);
    double *checks = malloc(sizeof(double) * (size_t)iters);
    for (int i = 0; i < iters; i++) {
        t0 = now_us();
        ChkStubs *s2 = chk_stubs_load(stubs_text, slen, argv[1], err, sizeof err);
        loads[i] = now_us() - t0;
        chk_stubs_free(s2);
    }
    size_t ndiag = 0;
    for (int i = 0; i < iters; i++) {
        t0 = now_us();
        ChkResult *r = chk_check_source(src, plen, argv[2], st, NULL, 0);
        checks[i] = now_us() - t0;
        ndiag = chk_result_count(r);
        chk_result_free(r);
    }
    double *parses = malloc(sizeof(double) * (size_t)iters);
    for (int i = 0; i < iters; i++) {
        t0 = now_us();
        AstArena *a = ast_arena_new(0);
        ParseError pe;
        parse_module(a, src, plen, &pe);
        ast_arena_free(a);
        parses[i] = now_us() - t0;
    }
    /* the checker alone, on an already parsed module */
    double *only = malloc(sizeof(double) * (size_t)iters);
    AstArena *pa = ast_arena_new(0);
    ParseError pe2;
    AstModule *mod = parse_module(pa, src, plen, &pe2);
    for (int i = 0; i < iters && mod; i++) {
        t0 = now_us();
        ChkResult *r = chk_check(mod, argv[2], src, plen, st, NULL, 0);
        only[i] = now_us() - t0;
        chk_result_free(r);
    }
    ast_arena_free(pa);
    int lines = 0;
    for (size_t i = 0; i < plen; i++) {
        lines += src[i] == '\n';
    }
    printf("checker: %zu stub functions, script of %d lines, %zu diagnostics\n", nfuncs, lines,
           ndiag);
    printf("  first stubs load (incl. embedded builtins, once per process): %8.1f us\n", first);
    printf("  stubs load (median of %d):                                   %8.1f us\n", iters,
           median(loads, iters));
    printf("  check, parse included (median of %d):                        %8.1f us\n", iters,
           median(checks, iters));
    printf("    of which parsing the script (median of %d):                 %8.1f us\n", iters,
           median(parses, iters));
    printf("    checking alone, on the parsed module (median of %d):       %8.1f us\n", iters,
           median(only, iters));
    free(only);
    free(parses);
    free(loads);
    free(checks);
    chk_stubs_free(st);
    free(stubs_text);
    free(src);
    return 0;
}
