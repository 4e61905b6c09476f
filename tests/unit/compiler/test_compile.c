/*
 * test_compile.c — compiler unit tests: snippets compile to programs the
 * verifier accepts, dump -> load -> dump is byte-identical, CPython's compile
 * time errors, the opcode table fingerprint, and tampered program bytes that
 * must give a clean error (run under ASan in the sanitizer build).
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "astjson.h"
#include "compiler/cmp_int.h"
#include "compiler/compiler.h"
#include "compiler/program.h"

#include "cases.h"

#define NOK (sizeof OK_CASES / sizeof OK_CASES[0])
#define NERR (sizeof ERR_CASES / sizeof ERR_CASES[0])

static CmpProgram *
compile_json(const char *src, const char *json, CmpError *err)
{
    TestArena *a = test_arena_new();
    AstModule *m = test_ast_from_json(a, json);
    CmpOptions o = {0};
    CmpProgram *p;
    ck_assert_ptr_nonnull(m);
    o.filename = "case.py";
    o.source = src;
    o.source_len = strlen(src);
    p = cmp_compile(m, &o, err);
    test_arena_free(a);
    return p;
}

static CmpProgram *
compile_case(const char *name)
{
    CmpError err;
    for (size_t i = 0; i < NOK; i++) {
        if (strcmp(OK_CASES[i].name, name) == 0) {
            CmpProgram *p = compile_json(OK_CASES[i].src, OK_CASES[i].ast, &err);
            ck_assert_msg(p != NULL, "%s: %s: %s", name, err.type, err.msg);
            return p;
        }
    }
    ck_abort_msg("no case %s", name);
    return NULL;
}

/* The listing of the program, for shape checks. */
static char *
listing(const char *name)
{
    CmpProgram *p = compile_case(name);
    char *d = cmp_program_disasm(p);
    ck_assert_ptr_nonnull(d);
    cmp_program_free(p);
    return d;
}

/* ---- the opcode table ----------------------------------------------------------- */

START_TEST(test_opcode_fingerprint)
{
    /* Numbers, names, operand kinds and stack effects must only change with
     * a CMP_FORMAT_VERSION bump: update both together. */
    uint64_t h = 1469598103934665603ull;
    for (unsigned op = 0; op < 256; op++) {
        const char *name = cmp_opcode_name(op);
        if (name == NULL) {
            continue;
        }
        for (const char *s = name; *s; s++) {
            h = (h ^ (unsigned char)*s) * 1099511628211ull;
        }
        h = (h ^ op) * 1099511628211ull;
        h = (h ^ (unsigned)cmp_op_kind(op)) * 1099511628211ull;
        for (uint32_t arg = 0; arg < 4; arg++) {
            int64_t pops, pushes;
            cmp_op_effect(op, arg == 3 ? 0x102 : arg, &pops, &pushes);
            h = (h ^ (uint64_t)pops) * 1099511628211ull;
            h = (h ^ (uint64_t)pushes) * 1099511628211ull;
        }
    }
    ck_assert_int_eq(CMP_FORMAT_VERSION, 2);
    ck_assert_msg(h == 0x3f07a5ffb7b9d60dull, "opcode table changed: fingerprint %#llx",
                  (unsigned long long)h);
}
END_TEST

START_TEST(test_opcode_names)
{
    ck_assert_str_eq(cmp_opcode_name(OP_LOAD_FAST), "LOAD_FAST");
    ck_assert_str_eq(cmp_opcode_name(OP_CALL_KW), "CALL_KW");
    ck_assert_ptr_null(cmp_opcode_name(9));
    ck_assert_ptr_null(cmp_opcode_name(255));
}
END_TEST

/* ---- compiling ----------------------------------------------------------------- */

START_TEST(test_compile_ok)
{
    CmpError err;
    CmpProgram *p = compile_json(OK_CASES[_i].src, OK_CASES[_i].ast, &err);
    char why[256];
    CmpBuf b1 = {0}, b2 = {0};
    CmpProgram *q;
    size_t used = 0;
    char *d;

    ck_assert_msg(p != NULL, "%s: %s: %s (%d:%d)", OK_CASES[_i].name, err.type, err.msg,
                  err.lineno, err.col_offset);
    ck_assert_msg(cmp_verify_program(p, why, sizeof why), "%s: %s", OK_CASES[_i].name, why);
    ck_assert(cmp_program_dump(p, &b1));
    q = cmp_program_load(b1.data, b1.len, &used, why, sizeof why);
    ck_assert_msg(q != NULL, "%s: %s", OK_CASES[_i].name, why);
    ck_assert_uint_eq(used, b1.len);
    ck_assert(cmp_program_dump(q, &b2));
    ck_assert_uint_eq(b1.len, b2.len);
    ck_assert(memcmp(b1.data, b2.data, b1.len) == 0);
    ck_assert_str_eq(q->filename, "case.py");
    ck_assert_str_eq(q->codes[0].name, "<module>");
    d = cmp_program_disasm(q);
    ck_assert_ptr_nonnull(d);
    ck_assert(strstr(d, "Disassembly of code 0: <module>") != NULL);
    free(d);
    free(b1.data);
    free(b2.data);
    cmp_program_free(q);
    cmp_program_free(p);
}
END_TEST

START_TEST(test_compile_errors)
{
    const struct ErrCase *c = &ERR_CASES[_i];
    CmpError err;
    CmpProgram *p = compile_json(c->src, c->ast, &err);
    ck_assert_msg(p == NULL, "compiled: %s", c->src);
    ck_assert_str_eq(err.type, c->type);
    ck_assert_str_eq(err.msg, c->msg);
    ck_assert_msg(err.lineno == c->lineno && err.col_offset == c->col,
                  "%s: at %d:%d, CPython %d:%d", c->msg, err.lineno, err.col_offset, c->lineno,
                  c->col);
}
END_TEST

START_TEST(test_last_expression_is_result)
{
    char *d = listing("basics");
    /* `x` as the final statement: returned, not popped */
    ck_assert(strstr(d, "LOAD_GLOBAL            0 (x)\n          12 RETURN_VALUE") != NULL
              || strstr(d, "RETURN_VALUE") != NULL);
    ck_assert(strstr(d, "CALL_KW") != NULL);
    free(d);
    {
        CmpProgram *p = compile_case("basics");
        const CmpCode *m = &p->codes[0];
        /* ... LOAD_GLOBAL x; RETURN_VALUE (the dead RETURN_CONST is dropped) */
        ck_assert_int_eq(CMP_OP(m->code[m->ncode - 1]), OP_RETURN_VALUE);
        ck_assert_int_eq(CMP_OP(m->code[m->ncode - 2]), OP_LOAD_GLOBAL);
        /* print(x, y, sep=..., end=...): callable, EMPTY, 4 values, names */
        ck_assert_uint_eq(m->stacksize, 7);
        cmp_program_free(p);
    }
}
END_TEST

START_TEST(test_closure_shapes)
{
    CmpProgram *p = compile_case("closures");
    bool saw_closure = false, saw_cell_param = false;
    for (uint32_t i = 0; i < p->ncodes; i++) {
        const CmpCode *c = &p->codes[i];
        if (strcmp(c->name, "add") == 0) {
            ck_assert_uint_eq(c->nfreevars, 2);
            ck_assert_str_eq(c->qualname, "outer.<locals>.add");
            ck_assert(c->flags & CMP_CO_NESTED);
        }
        if (strcmp(c->name, "outer") == 0) {
            ck_assert_uint_eq(c->ncellvars, 2);   /* n (a parameter) and total */
            for (uint32_t k = 0; k < c->ncellvars; k++) {
                if (strcmp(c->cellnames[k], "n") == 0) {
                    ck_assert_int_eq(c->cell2arg[k], 0);
                    saw_cell_param = true;
                }
            }
            for (uint32_t k = 0; k < c->ncode; k++) {
                if (CMP_OP(c->code[k]) == OP_MAKE_FUNCTION) {
                    ck_assert(CMP_ARG(c->code[k]) & 8);
                    saw_closure = true;
                }
            }
        }
    }
    ck_assert(saw_closure);
    ck_assert(saw_cell_param);
    cmp_program_free(p);
}
END_TEST

START_TEST(test_generator_shapes)
{
    CmpProgram *p = compile_case("generators");
    const CmpCode *g = &p->codes[1];
    ck_assert_str_eq(g->name, "gen");
    ck_assert(g->flags & CMP_CO_GENERATOR);
    ck_assert_int_eq(CMP_OP(g->code[0]), OP_RETURN_GENERATOR);
    cmp_program_free(p);
    p = compile_case("comprehensions");
    for (uint32_t i = 1; i < p->ncodes; i++) {
        const CmpCode *c = &p->codes[i];
        if (strcmp(c->name, "<genexpr>") == 0) {
            ck_assert(c->flags & CMP_CO_GENERATOR);
        }
        if (strcmp(c->name, "<listcomp>") == 0) {
            ck_assert_uint_eq(c->argcount, 1);
            ck_assert_str_eq(c->localnames[0], ".0");
        }
    }
    cmp_program_free(p);
}
END_TEST

START_TEST(test_exception_table_shape)
{
    CmpProgram *p = compile_case("exceptions");
    for (uint32_t i = 0; i < p->ncodes; i++) {
        const CmpCode *c = &p->codes[i];
        ck_assert_uint_gt(c->nexc, 0);
        for (uint32_t e = 1; e < c->nexc; e++) {
            ck_assert_uint_le(c->exctable[e - 1].end, c->exctable[e].start);
        }
    }
    cmp_program_free(p);
}
END_TEST

START_TEST(test_annotations_not_evaluated)
{
    char *d = listing("scopes");
    ck_assert(strstr(d, "(int)") == NULL);
    ck_assert(strstr(d, "(list)") == NULL);
    ck_assert(strstr(d, "STORE_GLOBAL           0 (g)") != NULL);
    free(d);
}
END_TEST

START_TEST(test_docstrings)
{
    CmpProgram *p = compile_case("docstrings");
    for (uint32_t i = 1; i < p->ncodes; i++) {
        const CmpCode *c = &p->codes[i];
        if (strcmp(c->name, "h") == 0) {
            ck_assert(!(c->flags & CMP_CO_HAS_DOCSTRING));
            continue;
        }
        ck_assert(c->flags & CMP_CO_HAS_DOCSTRING);
        ck_assert_int_eq(c->consts[0].kind, CMP_CONST_STR);
        if (strcmp(c->name, "f") == 0) {
            ck_assert_str_eq(c->consts[0].str, "Doubles x.");
        }
    }
    cmp_program_free(p);
}
END_TEST

START_TEST(test_constant_folding)
{
    CmpProgram *p = compile_case("folding");
    const CmpCode *m = &p->codes[0];
    bool has3600 = false, hasabcd = false, hasf = false;
    int binops = 0;
    for (uint32_t k = 0; k < m->nconsts; k++) {
        const CmpConst *x = &m->consts[k];
        has3600 |= x->kind == CMP_CONST_INT && x->i == 3600;
        hasf |= x->kind == CMP_CONST_INT && x->i == (((-7 / 2 - 1) % 5 + 5) % 5) * 4;
        hasabcd |= x->kind == CMP_CONST_STR && x->len == 4 && memcmp(x->str, "abcd", 4) == 0;
        /* a big string is never built at compile time */
        ck_assert(!(x->kind == CMP_CONST_STR && x->len > 4096));
    }
    for (uint32_t i = 0; i < m->ncode; i++) {
        binops += CMP_OP(m->code[i]) == OP_BINARY_OP;
    }
    ck_assert(has3600);
    ck_assert(hasabcd);
    ck_assert(hasf);
    /* 'x' * 5000, 1 // 0 and 2 ** 64 stay run-time operations */
    ck_assert_int_eq(binops, 3);
    cmp_program_free(p);
}
END_TEST

START_TEST(test_memory_limit)
{
    TestArena *a = test_arena_new();
    const struct OkCase *k = &OK_CASES[0];
    AstModule *m;
    CmpError err;
    CmpOptions o = {0};
    CmpProgram *p;
    for (size_t i = 0; i < NOK; i++) {
        if (strcmp(OK_CASES[i].name, "exceptions") == 0) {
            k = &OK_CASES[i];
        }
    }
    m = test_ast_from_json(a, k->ast);
    /* the first 8 KiB come from the stack: a tiny limit still refuses the
     * chunks a bigger program needs, or the packed result */
    p = cmp_compile_ex(m, &o, 64, &err);
    ck_assert_ptr_null(p);
    ck_assert_str_eq(err.type, "MemoryError");
    p = cmp_compile_ex(m, &o, 1u << 20, &err);
    ck_assert_ptr_nonnull(p);
    cmp_program_free(p);
    test_arena_free(a);
}
END_TEST

/* ---- loading hostile bytes ----------------------------------------------------- */

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint64_t
rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* A loaded program must be fully usable: verify again, list, dump. */
static void
exercise(CmpProgram *q)
{
    char why[256];
    CmpBuf b = {0};
    char *d;
    ck_assert(cmp_verify_program(q, why, sizeof why));
    d = cmp_program_disasm(q);
    free(d);
    cmp_program_dump(q, &b);
    free(b.data);
    cmp_program_free(q);
}

START_TEST(test_load_tampered)
{
    CmpProgram *p = compile_case(OK_CASES[_i].name);
    CmpBuf b = {0};
    uint8_t *m;
    char why[256];
    int loaded = 0, refused = 0;

    ck_assert(cmp_program_dump(p, &b));
    m = malloc(b.len + 64);
    rng_state += (uint64_t)_i * 7919;
    for (int round = 0; round < 1500; round++) {
        size_t len = b.len;
        CmpProgram *q;
        memcpy(m, b.data, b.len);
        switch (round % 6) {
        case 0: /* bit flips */
            for (int k = 0; k < 1 + (int)(rng() % 4); k++) {
                size_t at = rng() % len;
                m[at] ^= (uint8_t)(1u << (rng() % 8));
            }
            break;
        case 1: /* truncation */
            len = rng() % len;
            break;
        case 2: /* random bytes over a stretch */
            for (size_t k = rng() % len, n = 1 + rng() % 16; n > 0 && k < len; k++, n--) {
                m[k] = (uint8_t)rng();
            }
            break;
        case 3: /* appended garbage: consumed stops before it */
            for (int k = 0; k < 64; k++) {
                m[len + (size_t)k] = (uint8_t)rng();
            }
            len += 1 + rng() % 64;
            break;
        case 4: /* a length or count set huge */
        {
            size_t at = 8 + rng() % (len - 12);
            uint32_t v = (rng() & 1) ? 0xFFFFFFFFu : 0x7FFFFFF0u + (uint32_t)(rng() % 16);
            memcpy(m + at, &v, 4);
            break;
        }
        default: /* one byte set to an edge value */
            m[rng() % len] = (uint8_t[]){0, 0xFF, 0x7F, 0x80, 1}[rng() % 5];
            break;
        }
        q = cmp_program_load(m, len, NULL, why, sizeof why);
        if (q != NULL) {
            loaded++;
            exercise(q);
        } else {
            refused++;
            ck_assert(strncmp(why, "invalid program", 15) == 0
                      || strncmp(why, "not a monty", 11) == 0);
        }
    }
    ck_assert_int_gt(refused, 0);
    free(m);
    free(b.data);
    cmp_program_free(p);
}
END_TEST

START_TEST(test_load_prefixes_and_garbage)
{
    CmpProgram *p = compile_case("exceptions");
    CmpBuf b = {0};
    char why[256];
    uint8_t junk[512];
    ck_assert(cmp_program_dump(p, &b));
    /* every proper prefix is refused */
    for (size_t n = 0; n < b.len; n++) {
        CmpProgram *q = cmp_program_load(b.data, n, NULL, why, sizeof why);
        ck_assert_msg(q == NULL, "prefix of %zu bytes loaded", n);
    }
    /* random bytes, with and without a valid header */
    for (int round = 0; round < 2000; round++) {
        size_t n = rng() % sizeof junk;
        CmpProgram *q;
        for (size_t k = 0; k < n; k++) {
            junk[k] = (uint8_t)rng();
        }
        if (round % 2 && n >= 8) {
            memcpy(junk, b.data, 8);
        }
        q = cmp_program_load(junk, n, NULL, why, sizeof why);
        if (q != NULL) {
            exercise(q);
        }
    }
    free(b.data);
    cmp_program_free(p);
}
END_TEST

/* A hand-made program with a wrong stack depth is refused by the verifier. */
START_TEST(test_verify_rejects_bad_depth)
{
    CmpProgram *p = compile_case("basics");
    CmpCode *m = &p->codes[0];
    char why[256];
    uint32_t saved = m->stacksize;
    m->stacksize = saved - 1;
    ck_assert(!cmp_verify_program(p, why, sizeof why));
    ck_assert(strstr(why, "exceeds stacksize") != NULL);
    m->stacksize = saved;
    saved = m->code[0];
    m->code[0] = CMP_INSN(OP_POP_TOP, 0);
    ck_assert(!cmp_verify_program(p, why, sizeof why));
    ck_assert(strstr(why, "needs") != NULL);
    m->code[0] = CMP_INSN(OP_JUMP, m->ncode);
    ck_assert(!cmp_verify_program(p, why, sizeof why));
    /* a loop without a backward JUMP would escape the time budget */
    m->code[1] = CMP_INSN(OP_POP_JUMP_IF_TRUE, 0);
    m->code[0] = CMP_INSN(OP_LOAD_CONST, 0);
    ck_assert(!cmp_verify_program(p, why, sizeof why));
    ck_assert(strstr(why, "backward conditional jump") != NULL);
    cmp_program_free(p);
    p = compile_case("basics");
    m = &p->codes[0];
    saved = m->code[0];
    ck_assert(cmp_verify_program(p, why, sizeof why));
    cmp_program_free(p);
}
END_TEST

static Suite *
compiler_suite(void)
{
    Suite *s = suite_create("compiler");
    TCase *t = tcase_create("opcodes");
    tcase_add_test(t, test_opcode_fingerprint);
    tcase_add_test(t, test_opcode_names);
    suite_add_tcase(s, t);

    t = tcase_create("compile");
    tcase_add_loop_test(t, test_compile_ok, 0, (int)NOK);
    tcase_add_loop_test(t, test_compile_errors, 0, (int)NERR);
    tcase_add_test(t, test_last_expression_is_result);
    tcase_add_test(t, test_closure_shapes);
    tcase_add_test(t, test_generator_shapes);
    tcase_add_test(t, test_exception_table_shape);
    tcase_add_test(t, test_annotations_not_evaluated);
    tcase_add_test(t, test_memory_limit);
    tcase_add_test(t, test_docstrings);
    tcase_add_test(t, test_constant_folding);
    suite_add_tcase(s, t);

    t = tcase_create("load");
    tcase_set_timeout(t, 120);
    tcase_add_loop_test(t, test_load_tampered, 0, (int)NOK);
    tcase_add_test(t, test_load_prefixes_and_garbage);
    tcase_add_test(t, test_verify_rejects_bad_depth);
    suite_add_tcase(s, t);
    return s;
}

int
main(void)
{
    SRunner *r = srunner_create(compiler_suite());
    int failed;
    srunner_run_all(r, CK_NORMAL);
    failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed == 0 ? 0 : 1;
}
