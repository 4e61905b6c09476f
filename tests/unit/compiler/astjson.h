/*
 * astjson.h — builds an AstModule from the JSON that gen_cases.py writes
 * (CPython's ast, node by node), so the compiler tests do not depend on the
 * parser. All nodes live in a TestArena freed at once.
 */
#ifndef MONTY_TESTS_COMPILER_ASTJSON_H
#define MONTY_TESTS_COMPILER_ASTJSON_H

#include "grammar/ast.h"

typedef struct TestArena TestArena;

TestArena *test_arena_new(void);
void test_arena_free(TestArena *a);

/* NULL when the JSON is malformed. */
AstModule *test_ast_from_json(TestArena *a, const char *json);

#endif /* MONTY_TESTS_COMPILER_ASTJSON_H */
