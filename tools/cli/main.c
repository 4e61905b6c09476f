/*
 * main.c — the `monty` command: subcommand dispatch, --help and --version.
 */
#include <stdio.h>
#include <string.h>

#include "tools/cli/cli.h"

static const char *const MAIN_HELP =
    "usage: monty <command> [options]\n"
    "\n"
    "Runs Python written by AI agents, safely, with the host's functions as the\n"
    "only way out.\n"
    "\n"
    "commands:\n"
    "  run FILE | -c CODE     run a script (or a compiled .mbc program)\n"
    "  check FILE --stubs S   check a script against the host's stubs\n"
    "  parse FILE --ast       print the syntax tree as CPython's ast.dump does\n"
    "  compile FILE -o OUT    check and compile to a bytecode file (.mbc)\n"
    "  start FILE --state F   run to the first host call and save the paused run\n"
    "  resume F --return JSON answer the pending call and continue\n"
    "\n"
    "options:\n"
    "  -h, --help             this help; `monty COMMAND --help` for a command's\n"
    "  -V, --version          print the version\n"
    "\n"
    "exit status: 0 success, 1 the script failed or the check found problems,\n"
    "2 usage or I/O error.\n";

static const char *const RUN_HELP =
    "usage: monty run FILE | -c CODE [options]\n"
    "\n"
    "Runs a script (FILE may also be a compiled .mbc). print() goes to stdout; an\n"
    "uncaught exception prints a traceback to stderr and exits with status 1.\n"
    "Calling an external function without --jsonl raises RuntimeError saying that\n"
    "no host is attached.\n"
    "\n"
    "  --stubs S.pyi          declare the host's functions (every def in S); the\n"
    "                         script is checked against them first\n"
    "  --external NAME        declare one more host function (repeatable)\n"
    "  --input NAME=JSON      bind a global before the script runs (repeatable)\n"
    "  --jsonl                speak the host protocol (docs/protocol.md) on\n"
    "                         stdin/stdout: events out, answers in\n"
    "  --no-check             do not check against the stubs before running\n"
    "  --max-memory SIZE      live-memory limit, e.g. 64MB, 512KB, 1GB\n"
    "  --max-duration SECS    wall-time limit (host calls not counted)\n"
    "  --max-allocations N    allocation-count limit\n"
    "  --max-recursion N      Python call depth limit (default 1000)\n"
    "  --key-file K           key of a signed .mbc (HMAC-SHA256)\n";

static const char *const CHECK_HELP =
    "usage: monty check FILE [--stubs S.pyi] [--external NAME]... [--input NAME]...\n"
    "                        [--format FMT]\n"
    "\n"
    "Reports calls to names that do not exist, wrong argument counts and types,\n"
    "and other mistakes that can be proved before running. Exit status 0 when\n"
    "clean, 1 when problems were found, 2 on usage or I/O errors.\n"
    "\n"
    "  --format concise       file:line:col: error[code] message (default)\n"
    "  --format full          the same with the source line underlined\n"
    "  --format json          a JSON array of diagnostics ([] when clean)\n"
    "  --format github        GitHub Actions annotations\n";

static const char *const PARSE_HELP =
    "usage: monty parse (FILE | -c CODE) --ast\n"
    "\n"
    "Prints the syntax tree exactly as CPython's ast.dump(ast.parse(src)) does.\n"
    "A syntax error prints CPython's message and exits with status 1.\n";

static const char *const COMPILE_HELP =
    "usage: monty compile FILE [--stubs S.pyi] [--external NAME]... [--input NAME]...\n"
    "                          [-o OUT.mbc] [--disasm] [--key-file K] [--no-check]\n"
    "\n"
    "Checks and compiles once to a bytecode file that `monty run` and `monty start`\n"
    "accept. --disasm prints the bytecode readably. With --key-file the file is\n"
    "signed (HMAC-SHA256) and must be loaded with the same key.\n";

static const char *const START_HELP =
    "usage: monty start FILE --state RUN.snap [--stubs S.pyi] [--external NAME]...\n"
    "                   [--input NAME=JSON]... [--key-file K] [--no-check] [--jsonl]\n"
    "                   [limits]\n"
    "\n"
    "Runs to the first host call, writes the paused run to RUN.snap and prints the\n"
    "pending call as one JSON line ({\"type\":\"call\",...}); print output before it\n"
    "goes to stdout as plain text. If the script finishes instead, prints\n"
    "{\"type\":\"complete\",\"value\":...}. Continue with `monty resume`.\n"
    "Limits as for `monty run`. --key-file signs the snapshot (HMAC-SHA256);\n"
    "--jsonl sends print output as protocol events too.\n";

static const char *const RESUME_HELP =
    "usage: monty resume RUN.snap (--return JSON | --raise TYPE:MESSAGE)\n"
    "                    [--key-file K] [--jsonl] [limits]\n"
    "\n"
    "Loads the paused run, answers its pending call with a value or an exception\n"
    "raised at the call site, and continues: at the next call RUN.snap is\n"
    "rewritten and the call printed, as `monty start` does. The same snapshot may\n"
    "be resumed any number of times. Limits given here replace the saved ones.\n";

void
cli_usage(const char *cmd)
{
    const char *text = MAIN_HELP;
    if (cmd == NULL) {
        text = MAIN_HELP;
    } else if (strcmp(cmd, "run") == 0) {
        text = RUN_HELP;
    } else if (strcmp(cmd, "check") == 0) {
        text = CHECK_HELP;
    } else if (strcmp(cmd, "parse") == 0) {
        text = PARSE_HELP;
    } else if (strcmp(cmd, "compile") == 0) {
        text = COMPILE_HELP;
    } else if (strcmp(cmd, "start") == 0) {
        text = START_HELP;
    } else if (strcmp(cmd, "resume") == 0) {
        text = RESUME_HELP;
    }
    fputs(text, stdout);
}

int
main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(MAIN_HELP, stderr);
        return CLI_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
        cli_usage(argc > 2 && strcmp(cmd, "help") == 0 ? argv[2] : NULL);
        return CLI_OK;
    }
    if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
        printf("monty %s (Python %s semantics)\n", monty_version(), MONTY_PYTHON_VERSION);
        return CLI_OK;
    }
    static const struct {
        const char *name;
        int (*fn)(int, char **);
    } cmds[] = {
        {"run", cli_cmd_run},         {"check", cli_cmd_check},
        {"parse", cli_cmd_parse},     {"compile", cli_cmd_compile},
        {"start", cli_cmd_start},     {"resume", cli_cmd_resume},
    };
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        if (strcmp(cmd, cmds[i].name) == 0) {
            return cmds[i].fn(argc, argv);
        }
    }
    cli_err("unknown command '%s' (try monty --help)", cmd);
    return CLI_USAGE;
}
