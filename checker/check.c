/*
 * check.c — chk_check and chk_check_source: one check from AST (or source)
 * to a sorted diagnostic list.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checker/check_int.h"
#include "grammar/parse.h"

/* Script annotations: names bound by the script are its own (Any); then
 * the host's stubs; builtins come from the resolver's fallback. */
static ChkSymbol *
script_lookup(void *ud, const char *name)
{
    Ctx *c = ud;
    Local *l = chk_scope_local(c->scopes[0], name);
    if (l && (l->bindings || l->decl_annotation)) {
        /* an import of a typing name keeps its meaning; anything else the
         * script defines is opaque */
        for (const Binding *b = l->bindings; b; b = b->next) {
            if (b->kind != BIND_IMPORTFROM) {
                static ChkSymbol opaque = {.name = "<script>"};
                return &opaque;
            }
        }
        return NULL;
    }
    if (c->stubs) {
        return chk_table_get(&c->stubs->mod->syms, name);
    }
    return NULL;
}

static void
error_result(ChkResult *res, const char *code, const char *msg)
{
    AstLoc loc = {1, 0, 1, 0};
    chk_diag_add(res, &loc, CHK_SEV_ERROR, code, NULL, "%s", msg);
}

/* chk_check: see checker.h. */
ChkResult *
chk_check(const AstModule *mod, const char *filename, const char *source, size_t len,
          const ChkStubs *stubs, const char *const *input_names, size_t ninputs)
{
    ChkResult *res = chk_result_new(filename);
    if (!res) {
        return NULL;
    }
    chk_result_set_source(res, source, len);
    const ChkLib *lib = chk_lib_get();
    if (!lib->ok) {
        char msg[400];
        snprintf(msg, sizeof msg, "monty's builtin stubs failed to load: %s", lib->err);
        error_result(res, "internal-error", msg);
        chk_result_end_source(res);
        return res;
    }
    Ctx c;
    memset(&c, 0, sizeof c);
    c.arena = ast_arena_new(0);
    if (!c.arena) {
        chk_result_free(res);
        return NULL;
    }
    c.lib = lib;
    c.stubs = stubs;
    c.res = res;
    c.flow_scope = -1;
    c.suggest_budget = 200000;
    c.inputs = input_names;
    c.ninputs = ninputs;
    c.resolver.arena = c.arena;
    c.resolver.lib = lib;
    c.resolver.builtins = lib->builtins;
    c.resolver.lookup = script_lookup;
    c.resolver.ud = &c;
    ChkSymbol *gen = chk_table_get(&lib->builtins->syms, "Generator");
    if (gen && gen->type && gen->type->kind == CHK_T_CLASSOBJ) {
        c.c_generator = gen->type->cls;
    }
    if (chk_scope_build(&c, mod)) {
        chk_flow_module(&c, mod);
    }
    if (ast_arena_failed(c.arena)) {
        error_result(res, "internal-error", "out of memory while checking");
    }
    ast_arena_free(c.arena);
    chk_result_sort(res);
    chk_result_end_source(res);
    return res;
}

/* chk_check_source: see checker.h. */
ChkResult *
chk_check_source(const char *source, size_t len, const char *filename, const ChkStubs *stubs,
                 const char *const *input_names, size_t ninputs)
{
    AstArena *arena = ast_arena_new(0);
    if (!arena) {
        return NULL;
    }
    ParseError perr;
    memset(&perr, 0, sizeof perr);
    AstModule *mod = parse_module(arena, source, len, &perr);
    ChkResult *res;
    if (!mod) {
        res = chk_result_new(filename);
        if (res) {
            chk_result_set_source(res, source, len);
            int line = perr.lineno > 0 ? perr.lineno : 1;
            int col = perr.col_offset > 0 ? perr.col_offset - 1 : 0;
            int eline = perr.end_lineno > 0 ? perr.end_lineno : line;
            int ecol = perr.end_col_offset > 0 ? perr.end_col_offset - 1 : col + 1;
            AstLoc loc = {line, col, eline, ecol};
            chk_diag_add(res, &loc, CHK_SEV_ERROR, "invalid-syntax", NULL, "%s: %s",
                         perr.type ? perr.type : "SyntaxError", perr.msg);
            chk_result_end_source(res);
        }
    } else {
        res = chk_check(mod, filename, source, len, stubs, input_names, ninputs);
    }
    ast_arena_free(arena);
    return res;
}
