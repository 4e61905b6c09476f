/*
 * vm_dev_run.c — a development driver for the VM engineer: `vm_dev_run run FILE`
 * (or `run -c CODE`) parses, compiles and runs a script the way `monty run` does
 * (print to stdout, CPython-format traceback on stderr, exit 1 on an uncaught
 * exception), so tests/run_cases can drive the VM before the CLI exists.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compiler.h"
#include "grammar/parse.h"
#include "vm/vm.h"

static void
sink(void *ud, const char *s, size_t n)
{
    fwrite(s, 1, n, (FILE *)ud);
}

static char *
read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t r;
    while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

int
main(int argc, char **argv)
{
    if (argc < 3 || strcmp(argv[1], "run") != 0) {
        fprintf(stderr, "usage: vm_dev_run run FILE | run -c CODE\n");
        return 2;
    }
    const char *filename = argv[2];
    char *src;
    size_t len;
    if (strcmp(argv[2], "-c") == 0 && argc > 3) {
        filename = "<string>";
        src = strdup(argv[3]);
        len = strlen(src);
    } else {
        src = read_file(argv[2], &len);
        if (src == NULL) {
            fprintf(stderr, "cannot read %s\n", argv[2]);
            return 2;
        }
        const char *slash = strrchr(filename, '/');
        (void)slash;
    }
    AstArena *arena = ast_arena_new(0);
    ParseError perr;
    AstModule *mod = parse_module(arena, src, len, &perr);
    if (mod == NULL) {
        fprintf(stderr, "  File \"%s\", line %d\n%s: %s\n", filename, perr.lineno, perr.type,
                perr.msg);
        return 1;
    }
    CmpOptions opts = { filename, src, len, NULL, 0, NULL, 0, NULL };
    CmpError cerr;
    CmpProgram *prog = cmp_compile(mod, &opts, &cerr);
    ast_arena_free(arena);
    if (prog == NULL) {
        fprintf(stderr, "  File \"%s\", line %d\n%s: %s\n", filename, cerr.lineno, cerr.type,
                cerr.msg);
        return 1;
    }
    if (getenv("VM_DEV_DISASM") != NULL) {
        char *d = cmp_program_disasm(prog);
        fputs(d ? d : "", stderr);
        free(d);
    }
    VmRun *run = vm_run_new(prog, NULL, NULL, sink, stdout);
    VmEventKind ev = vm_run_start(run);
    while (ev == VM_EVENT_CALL) {
        char msg[256];
        snprintf(msg, sizeof msg, "no host is attached to answer the call to '%s'",
                 vm_run_call_name(run));
        ev = vm_run_resume_exception(run, "RuntimeError", msg);
    }
    int rc = 0;
    fflush(stdout);
    if (ev == VM_EVENT_ERROR) {
        fputs(vm_run_error_traceback(run), stderr);
        rc = 1;
    }
    vm_run_free(run);
    cmp_program_free(prog);
    free(src);
    return rc;
}
