/*
 * lint/forbidden.c — builtins the sandbox does not provide (DESIGN.md
 * contract 5), each with the alternative a script should use instead.
 */
#include <string.h>

#include "checker/chk_int.h"

static const struct {
    const char *name;
    const char *alternative;
} forbidden[] = {
    {"open", "scripts cannot touch files: ask the host for data through one of its functions"},
    {"eval", "write the expression directly in the script"},
    {"exec", "write the statements directly in the script"},
    {"compile", "write the code directly in the script"},
    {"__import__", "use an `import` statement for a module monty supports"},
    {"globals", "keep named values in a dict you create"},
    {"locals", "keep named values in a dict you create"},
    {"vars", "keep named values in a dict you create"},
    {"input", "scripts cannot read stdin: inputs arrive as variables from the host"},
    {"breakpoint", "remove it; use print() to inspect values"},
    {"exit", "end the script normally, or raise an exception to stop with an error"},
    {"quit", "end the script normally, or raise an exception to stop with an error"},
    {"help", "read the stubs: they document every function that exists"},
    {"memoryview", "use bytes or bytearray"},
    {"delattr", "use a dict for dynamic keys"},
};

/* chk_lint_forbidden_builtin: the alternative for a forbidden name, or NULL. */
const char *
chk_lint_forbidden_builtin(const char *name)
{
    for (size_t i = 0; i < sizeof forbidden / sizeof forbidden[0]; i++) {
        if (strcmp(forbidden[i].name, name) == 0) {
            return forbidden[i].alternative;
        }
    }
    return NULL;
}
