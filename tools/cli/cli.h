/*
 * cli.h — shared pieces of the `monty` command (tools/cli/).
 *
 * The command is a host like any other: it drives monty through
 * include/monty.h only, except `monty parse --ast`, which prints the front
 * end's tree (grammar/parse.h). Exit codes: 0 success, 1 the script failed
 * or the check found problems, 2 usage or I/O error.
 */
#ifndef MONTY_TOOLS_CLI_H
#define MONTY_TOOLS_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "include/monty.h"

#define CLI_OK 0
#define CLI_FAIL 1
#define CLI_USAGE 2

/* Everything any subcommand may be given; each subcommand accepts a subset. */
typedef struct CliOpts {
    const char *file;           /* script, .mbc or snapshot path */
    const char *code;           /* -c CODE */
    const char *stubs;
    const char **externals;
    size_t nexternals;
    const char **input_names;   /* --input NAME=JSON, split */
    const char **input_json;
    size_t ninputs;
    bool jsonl;
    bool no_check;
    bool ast;
    bool disasm;
    const char *format;         /* check --format */
    const char *output;         /* compile -o */
    const char *state;          /* start --state */
    const char *ret;            /* resume --return JSON */
    const char *raise;          /* resume --raise TYPE:MESSAGE */
    const char *key_file;
    MontyLimits limits;
} CliOpts;

/* Parses argv[first..] for subcommand `cmd`; prints the problem and returns
 * false on a usage error. `allowed` lists accepted option names. */
bool cli_parse_opts(const char *cmd, int argc, char **argv, int first, const char *allowed,
                    CliOpts *o);
void cli_opts_free(CliOpts *o);

/* Reads a whole file (NUL-terminated; "-" is stdin); NULL and a message on failure. */
char *cli_read_file(const char *path, size_t *len);
/* Writes a file atomically (temp + rename); false and a message on failure. */
bool cli_write_file(const char *path, const void *data, size_t len);

/* Prints "monty: <msg>" to stderr. */
void cli_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Loads the key of --key-file (NULL key when none); false on I/O error. */
bool cli_load_key(const CliOpts *o, uint8_t **key, size_t *len);

/* Loads --stubs (NULL when absent) and collects the external names:
 * the stubs' functions then --external names. Returns a CLI_* code. */
int cli_load_stubs(const CliOpts *o, MontyStubs **stubs, const char ***names, size_t *n);

/* Compiles (or loads an .mbc) the program named by o->file / o->code,
 * checking it against the stubs unless --no-check. Returns a CLI_* code. */
int cli_load_program(const CliOpts *o, bool check, MontyProgram **out);

/* Help texts. */
void cli_usage(const char *cmd);

int cli_cmd_run(int argc, char **argv);
int cli_cmd_start(int argc, char **argv);
int cli_cmd_resume(int argc, char **argv);
int cli_cmd_check(int argc, char **argv);
int cli_cmd_parse(int argc, char **argv);
int cli_cmd_compile(int argc, char **argv);

#endif /* MONTY_TOOLS_CLI_H */
