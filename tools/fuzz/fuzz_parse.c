/*
 * fuzz_parse.c — libFuzzer target for the front end: scanner + parser +
 * dump over arbitrary bytes. Any input must yield a tree or a clean
 * ParseError; never a crash, a leak, a hang or unbounded recursion.
 *
 * Build: CC=clang cmake -DMONTY_FUZZ=ON ... && cmake --build . --target fuzz_parse
 * Run:   ./fuzz_parse -max_len=4096 tests/syntax tools/fuzz/corpus_parse
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "grammar/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* a byte budget like a run's limits: refusals must be clean too */
    AstArena *arena = ast_arena_new(16u << 20);
    if (arena == NULL) {
        return 0;
    }
    ParseError err;
    AstModule *mod = parse_module(arena, (const char *)data, size, &err);
    if (mod != NULL) {
        char *text = parse_dump_module(arena, mod);
        if (text != NULL && strlen(text) < 8) {
            __builtin_trap();   /* a dump always holds at least "Module()" */
        }
    } else if (err.type == NULL || err.msg[0] == '\0') {
        __builtin_trap();       /* every failure names its error */
    }
    ast_arena_free(arena);
    return 0;
}
