/*
 * parse_dump.c — dev driver: parses a file (or stdin) and prints
 * ast.dump-style output, or the SyntaxError as CPython's
 * "Type: msg (line L, col C)". Used by tools/parse_compare.py and the
 * benchmark when the `monty` CLI is not built.
 *
 * usage: monty_parse_dump [--quiet] [--attrs] [--repeat N] [--bench] [--list F] FILE...
 *   --attrs  include node locations (ast.dump include_attributes=True)
 *   --bench  time parse_module only (monotonic clock) and print totals:
 *            bytes, seconds, MB/s and the arena's peak bytes per source byte
 *   --list F read more file paths from F (one per line)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "grammar/parse.h"

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct Bench {
    bool on;
    double seconds;
    double bytes;
    double max_ratio;
    double arena_bytes;
    int files;
    int errors;
} Bench;

static char *
slurp(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    size_t cap = 65536;
    size_t n = 0;
    char *buf = malloc(cap);
    while (buf != NULL) {
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (n < cap) {
            break;
        }
        cap *= 2;
        char *nb = realloc(buf, cap);
        if (nb == NULL) {
            free(buf);
            buf = NULL;
        }
        buf = nb;
    }
    if (f != stdin) {
        fclose(f);
    }
    *len = n;
    return buf;
}

/* Parses one file `repeat` times; prints the dump unless quiet. */
static bool attrs;

static int
do_file(const char *path, bool quiet, int repeat, Bench *b)
{
    size_t len;
    char *src = slurp(path, &len);
    if (src == NULL) {
        fprintf(stderr, "cannot read %s\n", path);
        return 2;
    }
    int status = 0;
    for (int r = 0; r < repeat; r++) {
        AstArena *arena = ast_arena_new(0);
        ParseError err;
        double t0 = b->on ? now() : 0;
        AstModule *mod = parse_module(arena, src, len, &err);
        if (b->on) {
            b->seconds += now() - t0;
            b->bytes += (double)len;
            double used = (double)ast_arena_used(arena);
            b->arena_bytes += used;
            if (len > 4096 && used / (double)len > b->max_ratio) {
                b->max_ratio = used / (double)len;
            }
        }
        if (mod == NULL) {
            if (!b->on) {
                printf("%s: %s (line %d, col %d)\n", err.type, err.msg, err.lineno,
                       err.col_offset);
            }
            b->errors += r == 0;
            status = 1;
        } else if (!quiet) {
            char *s = parse_dump_module_ex(arena, mod, attrs);
            puts(s != NULL ? s : "<dump failed>");
        }
        ast_arena_free(arena);
    }
    b->files++;
    free(src);
    return status;
}

int
main(int argc, char **argv)
{
    bool quiet = false;
    int repeat = 1;
    int status = 0;
    Bench b = {false, 0, 0, 0, 0, 0, 0};
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--quiet") == 0) {
            quiet = true;
        } else if (strcmp(argv[i], "--attrs") == 0) {
            attrs = true;
        } else if (strcmp(argv[i], "--bench") == 0) {
            b.on = true;
            quiet = true;
        } else if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
            repeat = atoi(argv[++i]);
        } else if (strcmp(argv[i], "--list") == 0 && i + 1 < argc) {
            FILE *f = fopen(argv[++i], "r");
            char line[4096];
            while (f != NULL && fgets(line, sizeof(line), f) != NULL) {
                line[strcspn(line, "\n")] = '\0';
                if (line[0] != '\0') {
                    int st = do_file(line, quiet, repeat, &b);
                    status = st > status ? st : status;
                }
            }
            if (f != NULL) {
                fclose(f);
            }
        } else {
            int st = do_file(argv[i], quiet, repeat, &b);
            status = st > status ? st : status;
        }
    }
    if (b.on) {
        printf("files=%d errors=%d bytes=%.0f seconds=%.4f MB/s=%.2f "
               "arena_bytes_per_source_byte=%.2f max=%.2f\n",
               b.files, b.errors, b.bytes, b.seconds, b.bytes / b.seconds / 1e6,
               b.arena_bytes / b.bytes, b.max_ratio);
    }
    return status;
}
