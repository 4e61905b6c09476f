/*
 * parse_dump.c — dev driver: parses a file (or stdin) and prints
 * ast.dump-style output, or the SyntaxError as CPython's
 * "Type: msg (line L, col C)". Used by tools/parse_compare.py and the
 * benchmark when the `monty` CLI is not built.
 *
 * usage: monty_parse_dump [--quiet] [--repeat N] FILE...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grammar/parse.h"

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

int
main(int argc, char **argv)
{
    bool quiet = false;
    int repeat = 1;
    int status = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--quiet") == 0) {
            quiet = true;
            continue;
        }
        if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
            repeat = atoi(argv[++i]);
            continue;
        }
        size_t len;
        char *src = slurp(argv[i], &len);
        if (src == NULL) {
            fprintf(stderr, "cannot read %s\n", argv[i]);
            return 2;
        }
        for (int r = 0; r < repeat; r++) {
            AstArena *arena = ast_arena_new(0);
            ParseError err;
            AstModule *mod = parse_module(arena, src, len, &err);
            if (mod == NULL) {
                printf("%s: %s (line %d, col %d)\n", err.type, err.msg, err.lineno,
                       err.col_offset);
                status = 1;
            } else if (!quiet) {
                char *s = parse_dump_module(arena, mod);
                puts(s != NULL ? s : "<dump failed>");
            }
            ast_arena_free(arena);
        }
        free(src);
    }
    return status;
}
