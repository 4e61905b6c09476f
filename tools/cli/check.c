/*
 * check.c — `monty check`, `monty parse --ast` and `monty compile`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grammar/parse.h"
#include "tools/cli/cli.h"

int
cli_cmd_check(int argc, char **argv)
{
    CliOpts o;
    if (!cli_parse_opts("check", argc, argv, 2, "--stubs --input --external --format", &o)) {
        cli_opts_free(&o);
        return CLI_USAGE;
    }
    int rc = CLI_USAGE;
    char *src = NULL, *text = NULL;
    MontyStubs *stubs = NULL;
    const char **ext = NULL;
    size_t next = 0, len = 0;
    MontyDiagnostics *diags = NULL;
    const char *format = o.format ? o.format : "concise";
    if (strcmp(format, "concise") != 0 && strcmp(format, "full") != 0
        && strcmp(format, "json") != 0 && strcmp(format, "github") != 0) {
        cli_err("check: unknown --format '%s' (concise, full, json or github)", format);
        goto done;
    }
    if (o.file == NULL) {
        cli_err("check: which file? (monty check FILE --stubs S.pyi)");
        goto done;
    }
    src = cli_read_file(o.file, &len);
    if (src == NULL) {
        goto done;
    }
    rc = cli_load_stubs(&o, &stubs, &ext, &next);
    if (rc != CLI_OK) {
        goto done;
    }
    MontyCompileOptions copts = {o.file, o.input_names, o.ninputs, ext, next, 0, NULL};
    MontyStatus st = monty_check_source(src, len, &copts, stubs, &diags);
    if (st != MONTY_OK && st != MONTY_ERR_CHECK) {
        cli_err("check: %s", monty_status_str(st));
        rc = CLI_USAGE;
        goto done;
    }
    text = monty_diagnostics_render(diags, format);
    if (text == NULL) {
        cli_err("check: out of memory");
        rc = CLI_USAGE;
        goto done;
    }
    fputs(text, stdout);
    if (strcmp(format, "json") == 0 && text[0] != '\0' && text[strlen(text) - 1] != '\n') {
        fputc('\n', stdout);
    }
    rc = st == MONTY_ERR_CHECK ? CLI_FAIL : CLI_OK;
done:
    free(text);
    monty_diagnostics_free(diags);
    monty_stubs_free(stubs);
    free(ext);
    free(src);
    cli_opts_free(&o);
    return rc;
}

int
cli_cmd_parse(int argc, char **argv)
{
    CliOpts o;
    if (!cli_parse_opts("parse", argc, argv, 2, "--ast -c", &o)) {
        cli_opts_free(&o);
        return CLI_USAGE;
    }
    int rc = CLI_USAGE;
    size_t len = 0;
    char *src = NULL;
    AstArena *arena = NULL;
    if (o.file == NULL && o.code == NULL) {
        cli_err("parse: which file? (monty parse FILE --ast)");
        goto done;
    }
    src = o.code ? strdup(o.code) : cli_read_file(o.file, &len);
    if (src == NULL) {
        goto done;
    }
    if (o.code) {
        len = strlen(src);
    }
    arena = ast_arena_new(0);
    if (arena == NULL) {
        cli_err("out of memory");
        goto done;
    }
    ParseError perr;
    memset(&perr, 0, sizeof perr);
    AstModule *mod = parse_module(arena, src, len, &perr);
    if (mod == NULL) {
        /* The same rendering as run's: compile reports it. */
        MontyProgram *prog = NULL;
        MontyError err;
        MontyCompileOptions copts = {o.code ? "<string>" : o.file, NULL, 0, NULL, 0, 0, NULL};
        if (monty_compile(src, len, &copts, &prog, &err) != MONTY_OK) {
            fputs(err.text, stderr);
        } else {
            fprintf(stderr, "%s: %s\n", perr.type ? perr.type : "SyntaxError", perr.msg);
        }
        monty_program_free(prog);
        rc = CLI_FAIL;
        goto done;
    }
    char *dump = parse_dump_module(arena, mod);
    if (dump == NULL) {
        cli_err("out of memory");
        goto done;
    }
    puts(dump);
    rc = CLI_OK;
done:
    ast_arena_free(arena);
    free(src);
    cli_opts_free(&o);
    return rc;
}

int
cli_cmd_compile(int argc, char **argv)
{
    CliOpts o;
    if (!cli_parse_opts("compile", argc, argv, 2,
                        "-o --output --stubs --external --input --disasm --no-check --key-file",
                        &o)) {
        cli_opts_free(&o);
        return CLI_USAGE;
    }
    MontyProgram *prog = NULL;
    uint8_t *key = NULL, *data = NULL;
    size_t key_len = 0, len = 0;
    int rc = CLI_USAGE;
    if (o.output == NULL && !o.disasm) {
        cli_err("compile: give -o FILE.mbc and/or --disasm");
        goto done;
    }
    if (!cli_load_key(&o, &key, &key_len)) {
        goto done;
    }
    rc = cli_load_program(&o, true, &prog);
    if (rc != CLI_OK) {
        goto done;
    }
    rc = CLI_USAGE;
    if (o.disasm) {
        char *text = monty_program_disasm(prog);
        if (text == NULL) {
            cli_err("out of memory");
            goto done;
        }
        fputs(text, stdout);
        monty_free(text);
    }
    if (o.output != NULL) {
        if (monty_program_dump(prog, key, key_len, &data, &len) != MONTY_OK) {
            cli_err("out of memory");
            goto done;
        }
        if (!cli_write_file(o.output, data, len)) {
            goto done;
        }
    }
    rc = CLI_OK;
done:
    monty_free(data);
    free(key);
    monty_program_free(prog);
    cli_opts_free(&o);
    return rc;
}
