/*
 * test_parse.c — front-end unit tests: parse + dump against trees recorded
 * from CPython 3.13 (dump_cases.txt, tools/record_parse_cases.py), syntax
 * errors against tests/syntax/expected.txt (tools/record_syntax.py), and
 * hostile inputs (deep nesting, long chains, size) that must fail cleanly.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grammar/parse.h"

#ifndef MONTY_SOURCE_DIR
#define MONTY_SOURCE_DIR "."
#endif

typedef struct Case {
    char name[64];
    char *src;
    char *expect;
} Case;

static Case *cases;
static int ncases;

static char *
slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    if (buf != NULL) {
        buf[n] = '\0';
    }
    fclose(f);
    return buf;
}

/* Splits dump_cases.txt into cases (in place). */
static void
load_cases(void)
{
    char *text = slurp(MONTY_SOURCE_DIR "/tests/unit/grammar/dump_cases.txt");
    if (text == NULL) {
        return;
    }
    cases = calloc(512, sizeof(Case));
    char *p = text;
    while ((p = strstr(p, "### ")) != NULL && ncases < 512) {
        Case *c = &cases[ncases];
        char *nl = strchr(p, '\n');
        if (nl == NULL) {
            break;
        }
        snprintf(c->name, sizeof(c->name), "%.*s", (int)(nl - p - 4), p + 4);
        c->src = nl + 1;
        char *ex = strstr(c->src, "\n>>> ");
        if (ex == NULL) {
            break;
        }
        ex[1] = '\0';   /* source keeps its final newline */
        c->expect = ex + 5;
        char *end = strchr(c->expect, '\n');
        if (end != NULL) {
            *end = '\0';
            p = end + 1;
        } else {
            p = c->expect + strlen(c->expect);
        }
        ncases++;
    }
}

static char *
dump(const char *src, size_t len, ParseError *err, AstArena **arena)
{
    *arena = ast_arena_new(0);
    AstModule *m = parse_module(*arena, src, len, err);
    return m ? parse_dump_module(*arena, m) : NULL;
}

START_TEST(test_dump_case)
{
    ck_assert_int_gt(ncases, 0);
    Case *c = &cases[_i];
    ParseError err;
    AstArena *arena;
    char *got = dump(c->src, strlen(c->src), &err, &arena);
    ck_assert_msg(got != NULL, "%s: %s: %s (line %d)", c->name, err.type, err.msg, err.lineno);
    ck_assert_msg(strcmp(got, c->expect) == 0, "%s:\n got: %s\nwant: %s", c->name, got,
                  c->expect);
    ast_arena_free(arena);
}
END_TEST

/* tests/syntax/expected.txt: NAME.py TAB Type TAB line TAB offset TAB msg */
typedef struct SynCase {
    char file[96];
    char type[32];
    int line;
    int offset;
    char msg[256];
} SynCase;

static SynCase *syn;
static int nsyn;

static void
load_syntax(void)
{
    char *text = slurp(MONTY_SOURCE_DIR "/tests/syntax/expected.txt");
    if (text == NULL) {
        return;
    }
    syn = calloc(1024, sizeof(SynCase));
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line != NULL && nsyn < 1024;
         line = strtok_r(NULL, "\n", &save)) {
        SynCase *c = &syn[nsyn];
        if (sscanf(line, "%95[^\t]\t%31[^\t]\t%d\t%d\t%255[^\n]", c->file, c->type, &c->line,
                   &c->offset, c->msg) == 5) {
            nsyn++;
        }
    }
    free(text);
}

START_TEST(test_syntax_case)
{
    ck_assert_int_gt(nsyn, 80);
    SynCase *c = &syn[_i];
    char path[256];
    snprintf(path, sizeof(path), MONTY_SOURCE_DIR "/tests/syntax/%s", c->file);
    char *src = slurp(path);
    ck_assert_ptr_nonnull(src);
    ParseError err;
    AstArena *arena = ast_arena_new(0);
    AstModule *m = parse_module(arena, src, strlen(src), &err);
    ck_assert_msg(m == NULL, "%s: parsed but CPython says %s", c->file, c->msg);
    ck_assert_msg(strcmp(err.type, c->type) == 0 && strcmp(err.msg, c->msg) == 0 &&
                      err.lineno == c->line && err.col_offset == c->offset,
                  "%s:\n got: %s: %s (%d:%d)\nwant: %s: %s (%d:%d)", c->file, err.type, err.msg,
                  err.lineno, err.col_offset, c->type, c->msg, c->line, c->offset);
    ast_arena_free(arena);
    free(src);
}
END_TEST

/* Parses src and returns the error (type NULL when it parsed). */
static ParseError
error_of(const char *src, size_t len)
{
    ParseError err;
    AstArena *arena = ast_arena_new(0);
    AstModule *m = parse_module(arena, src, len, &err);
    if (m != NULL) {
        err.type = NULL;
    }
    ast_arena_free(arena);
    return err;
}

static char *
repeat(const char *a, int n, const char *mid, const char *b, int m)
{
    size_t la = strlen(a), lb = strlen(b), lm = strlen(mid);
    char *s = malloc(la * (size_t)n + lm + lb * (size_t)m + 1);
    size_t o = 0;
    for (int i = 0; i < n; i++, o += la) {
        memcpy(s + o, a, la);
    }
    memcpy(s + o, mid, lm);
    o += lm;
    for (int i = 0; i < m; i++, o += lb) {
        memcpy(s + o, b, lb);
    }
    s[o] = '\0';
    return s;
}

START_TEST(test_hostile_nesting_limit)
{
    char *ok = repeat("(", 200, "1", ")", 200);
    ParseError e = error_of(ok, strlen(ok));
    ck_assert_ptr_null(e.type);
    free(ok);
    char *bad = repeat("(", 201, "1", ")", 201);
    e = error_of(bad, strlen(bad));
    ck_assert_str_eq(e.type, "SyntaxError");
    ck_assert_str_eq(e.msg, "too many nested parentheses");
    free(bad);
}
END_TEST

START_TEST(test_hostile_deep_unary)
{
    char *s = repeat("-", 200000, "1", "", 0);
    ParseError e = error_of(s, strlen(s));
    ck_assert_ptr_nonnull(e.type);
    free(s);
    s = repeat("not ", 100000, "x", "", 0);
    e = error_of(s, strlen(s));
    ck_assert_ptr_nonnull(e.type);
    free(s);
}
END_TEST

START_TEST(test_hostile_long_chain)
{
    char *s = repeat("1+", 100000, "1", "", 0);
    ParseError e = error_of(s, strlen(s));
    ck_assert_ptr_nonnull(e.type);
    ck_assert_str_eq(e.type, "RecursionError");
    free(s);
    s = repeat("x", 1, "", ".y", 100000);
    e = error_of(s, strlen(s));
    ck_assert_str_eq(e.type, "RecursionError");
    free(s);
}
END_TEST

START_TEST(test_hostile_wide_ok)
{
    /* wide but shallow trees are fine */
    char *s = repeat("[", 1, "", "1,", 200000);
    size_t n = strlen(s);
    s = realloc(s, n + 3);
    strcpy(s + n, "]\n");
    ParseError e = error_of(s, strlen(s));
    ck_assert_ptr_null(e.type);
    free(s);
    s = repeat("x = 1\n", 50000, "", "", 0);
    e = error_of(s, strlen(s));
    ck_assert_ptr_null(e.type);
    free(s);
}
END_TEST

START_TEST(test_hostile_bytes)
{
    ParseError e = error_of("x = 1\0", 6);
    ck_assert_str_eq(e.type, "SyntaxError");
    ck_assert_str_eq(e.msg, "source code cannot contain null bytes");
    e = error_of("x = '\xff'\n", 9);
    ck_assert_str_eq(e.type, "SyntaxError");
    /* every single byte value alone must not crash */
    for (int b = 1; b < 256; b++) {
        char s[2] = {(char)b, 0};
        (void)error_of(s, 1);
    }
    char *deep_fstr = repeat("f'{", 100, "1", "}'", 100);
    e = error_of(deep_fstr, strlen(deep_fstr));
    ck_assert_ptr_null(e.type);
    free(deep_fstr);
}
END_TEST

START_TEST(test_crlf_bom_tabs)
{
    const char *src = "\xEF\xBB\xBFif x:\r\n\ty = 1\r\n\tz = 2\r\n";
    ParseError err;
    AstArena *arena;
    char *got = dump(src, strlen(src), &err, &arena);
    ck_assert_ptr_nonnull(got);
    ck_assert_str_eq(got, "Module(body=[If(test=Name(id='x', ctx=Load()), body=["
                          "Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=1)), "
                          "Assign(targets=[Name(id='z', ctx=Store())], value=Constant(value=2))"
                          "])])");
    ast_arena_free(arena);
}
END_TEST

/* Python 3.14 syntax CPython 3.13 cannot record for us. */
START_TEST(test_py314_except_list)
{
    const char *src = "try:\n    pass\nexcept A, B:\n    pass\n";
    ParseError err;
    AstArena *arena;
    char *got = dump(src, strlen(src), &err, &arena);
    ck_assert_ptr_nonnull(got);
    ck_assert_str_eq(got, "Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Tuple("
                          "elts=[Name(id='A', ctx=Load()), Name(id='B', ctx=Load())], "
                          "ctx=Load()), body=[Pass()])])])");
    ast_arena_free(arena);
    const char *bad = "try:\n    pass\nexcept A, B as e:\n    pass\n";
    ParseError e = error_of(bad, strlen(bad));
    ck_assert_str_eq(e.msg, "multiple exception types must be parenthesized when using 'as'");
}
END_TEST

START_TEST(test_locations)
{
    const char *src = "x = 1\nif a:\n    foo(b, c=d)\n";
    ParseError err;
    AstArena *arena = ast_arena_new(0);
    AstModule *m = parse_module(arena, src, strlen(src), &err);
    ck_assert_ptr_nonnull(m);
    AstStmt *s = m->body.items[1];
    ck_assert_int_eq(s->loc.lineno, 2);
    ck_assert_int_eq(s->loc.end_lineno, 3);
    AstStmt *call = s->u.if_.body.items[0];
    AstExpr *e = call->u.expr.value;
    ck_assert_int_eq(e->kind, AST_CALL);
    ck_assert_int_eq(e->loc.lineno, 3);
    ck_assert_int_eq(e->loc.col_offset, 4);
    ck_assert_int_eq(e->loc.end_col_offset, 15);
    ast_arena_free(arena);
}
END_TEST

START_TEST(test_arena_limit)
{
    AstArena *arena = ast_arena_new(8192);
    char *s = repeat("x = [1, 2, 3]\n", 5000, "", "", 0);
    ParseError err;
    AstModule *m = parse_module(arena, s, strlen(s), &err);
    ck_assert_ptr_null(m);
    ck_assert_str_eq(err.type, "MemoryError");
    ck_assert_str_eq(err.msg, "out of memory while parsing");
    ast_arena_free(arena);
    /* tokens fit, the tree does not: the arena refuses, sticky */
    arena = ast_arena_new(2u << 20);
    m = parse_module(arena, s, strlen(s), &err);
    ck_assert_ptr_null(m);
    ck_assert_str_eq(err.type, "MemoryError");
    ck_assert(ast_arena_failed(arena));
    ast_arena_free(arena);
    free(s);
}
END_TEST

static Suite *
grammar_suite(void)
{
    Suite *s = suite_create("grammar");
    TCase *tc = tcase_create("dump");
    tcase_add_loop_test(tc, test_dump_case, 0, ncases > 0 ? ncases : 1);
    suite_add_tcase(s, tc);
    tc = tcase_create("syntax_errors");
    tcase_add_loop_test(tc, test_syntax_case, 0, nsyn > 0 ? nsyn : 1);
    suite_add_tcase(s, tc);
    tc = tcase_create("hostile");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_hostile_nesting_limit);
    tcase_add_test(tc, test_hostile_deep_unary);
    tcase_add_test(tc, test_hostile_long_chain);
    tcase_add_test(tc, test_hostile_wide_ok);
    tcase_add_test(tc, test_hostile_bytes);
    suite_add_tcase(s, tc);
    tc = tcase_create("source");
    tcase_add_test(tc, test_crlf_bom_tabs);
    tcase_add_test(tc, test_locations);
    tcase_add_test(tc, test_py314_except_list);
    tcase_add_test(tc, test_arena_limit);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    load_cases();
    load_syntax();
    SRunner *sr = srunner_create(grammar_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
