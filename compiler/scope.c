/*
 * scope.c — symbol tables: which names are local, global, free or cell in
 * each module / function / lambda / comprehension scope.
 *
 * Two passes, as CPython's symtable.c: the first walks the tree and records
 * what each scope does with each name (assigns, uses, declares global or
 * nonlocal); the second decides where every name lives, passing down the
 * names bound by enclosing functions and passing up the names children use
 * freely, which turns a function's local into a cell when a nested scope
 * reads it. Comprehensions are scopes of their own whose first iterable is
 * evaluated in the enclosing scope; a walrus inside one binds in the nearest
 * enclosing function (or module). Recursion depth follows the tree's, which
 * the parser bounds.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/cmp_int.h"

/* Fills a CmpError; columns become 1-based as in CPython's SyntaxError. */
void
cmp_error_set(CmpError *err, const char *type, const AstLoc *loc, const char *fmt, ...)
{
    va_list ap;
    err->type = type;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    if (loc != NULL) {
        err->lineno = loc->lineno;
        err->col_offset = loc->col_offset + 1;
        err->end_lineno = loc->end_lineno;
        err->end_col_offset = loc->end_col_offset + 1;
    } else {
        err->lineno = err->col_offset = err->end_lineno = err->end_col_offset = 0;
    }
}

/* ---- symbol storage ------------------------------------------------------- */

static uint32_t
hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) {
        h = (h ^ (unsigned char)*s) * 16777619u;
    }
    return h;
}

/* The symbol for name in scope (open addressing on the symbol table), or NULL. */
CmpSymbol *
cmp_scope_lookup(const CmpScope *scope, const char *name)
{
    uint32_t mask, i;
    if (scope->hashcap == 0) {
        return NULL;
    }
    mask = (uint32_t)scope->hashcap - 1;
    for (i = hash_str(name) & mask;; i = (i + 1) & mask) {
        int k = scope->hash[i];
        if (k < 0) {
            return NULL;
        }
        if (strcmp(scope->syms[k].name, name) == 0) {
            return &scope->syms[k];
        }
    }
}

static bool
rehash(CmpScope *s, int cap)
{
    int *h = cmp_pool_alloc(s->pool, sizeof *h * (size_t)cap);
    if (h == NULL) {
        return false;
    }
    for (int i = 0; i < cap; i++) {
        h[i] = -1;
    }
    for (int k = 0; k < s->nsyms; k++) {
        uint32_t i = hash_str(s->syms[k].name) & (uint32_t)(cap - 1);
        while (h[i] >= 0) {
            i = (i + 1) & (uint32_t)(cap - 1);
        }
        h[i] = k;
    }
    s->hash = h;
    s->hashcap = cap;
    return true;
}

/* Adds flags to name in scope, creating the symbol. NULL when out of memory. */
static CmpSymbol *
add_flags(CmpScope *s, const char *name, uint32_t flags)
{
    CmpSymbol *sym = cmp_scope_lookup(s, name);
    if (sym != NULL) {
        sym->flags |= flags;
        return sym;
    }
    if (s->nsyms == s->capsyms) {
        int cap = s->capsyms ? s->capsyms * 2 : 8;
        CmpSymbol *v = cmp_pool_grow(s->pool, s->syms, sizeof *v * (size_t)s->capsyms,
                                     sizeof *v * (size_t)cap);
        if (v == NULL) {
            return NULL;
        }
        s->syms = v;
        s->capsyms = cap;
    }
    if ((s->nsyms + 1) * 2 > s->hashcap) {
        if (!rehash(s, s->hashcap ? s->hashcap * 2 : 16)) {
            return NULL;
        }
    }
    sym = &s->syms[s->nsyms];
    sym->name = name;
    sym->flags = flags;
    sym->scope = CMP_SYM_UNKNOWN;
    sym->decl = NULL;
    s->nsyms++;
    {
        uint32_t mask = (uint32_t)s->hashcap - 1, i;
        for (i = hash_str(name) & mask; s->hash[i] >= 0; i = (i + 1) & mask) {
        }
        s->hash[i] = s->nsyms - 1;
    }
    return sym;
}

/* Scopes live in the compilation's pool: forgets the tree. */
void
cmp_scope_free(CmpScopeTable *table)
{
    /* everything lives in the compilation's pool */
    table->module = NULL;
}

/*
 * The part of a dotted module name before the first dot (the name
 * `import a.b` binds), in the pool. NULL when out of memory.
 */
const char *
cmp_scope_intern_head(CmpScopeTable *table, const char *dotted)
{
    size_t n = strcspn(dotted, ".");
    if (dotted[n] == '\0') {
        return dotted;
    }
    return cmp_pool_strndup(table->pool, dotted, n);
}

/* The child scope made for a def, lambda or comprehension node, or NULL. */
CmpScope *
cmp_scope_child(const CmpScope *scope, const void *node)
{
    for (int i = 0; i < scope->nchildren; i++) {
        if (scope->children[i]->node == node) {
            return scope->children[i];
        }
    }
    return NULL;
}

/* ---- first pass: record what each scope does ------------------------------ */

typedef struct Walk {
    CmpScopeTable *table;
    CmpError *err;
    bool failed;
} Walk;

static bool
oom(Walk *w)
{
    if (!w->failed) {
        cmp_error_set(w->err, "MemoryError", NULL, "out of memory while compiling");
        w->failed = true;
    }
    return false;
}

static bool
syntax_error(Walk *w, const AstLoc *loc, const char *fmt, const char *name)
{
    if (!w->failed) {
        cmp_error_set(w->err, "SyntaxError", loc, fmt, name);
        w->failed = true;
    }
    return false;
}

static bool
unsupported(Walk *w, const AstLoc *loc, const char *what)
{
    if (!w->failed) {
        cmp_error_set(w->err, "NotImplementedError", loc, "monty does not support %s yet",
                      what);
        w->failed = true;
    }
    return false;
}

static CmpScope *
new_scope(Walk *w, CmpScope *parent, CmpScopeKind kind, const void *node, const char *name)
{
    CmpScope *s = cmp_pool_zalloc(w->table->pool, sizeof *s);
    if (s == NULL) {
        oom(w);
        return NULL;
    }
    s->pool = w->table->pool;
    s->kind = kind;
    s->node = node;
    s->name = name;
    s->parent = parent;
    if (parent != NULL) {
        if (parent->nchildren == parent->capchildren) {
            int cap = parent->capchildren ? parent->capchildren * 2 : 4;
            CmpScope **v = cmp_pool_grow(s->pool, parent->children,
                                         sizeof *v * (size_t)parent->capchildren,
                                         sizeof *v * (size_t)cap);
            if (v == NULL) {
                oom(w);
                return NULL;
            }
            parent->children = v;
            parent->capchildren = cap;
        }
        parent->children[parent->nchildren++] = s;
    }
    return s;
}

static bool
def(Walk *w, CmpScope *s, const char *name, uint32_t flags, const AstLoc *loc)
{
    CmpSymbol *sym = cmp_scope_lookup(s, name);
    if (sym != NULL && (flags & CMP_DEF_PARAM) && (sym->flags & CMP_DEF_PARAM)) {
        return syntax_error(w, loc, "duplicate argument '%s' in function definition", name);
    }
    if (add_flags(s, name, flags) == NULL) {
        return oom(w);
    }
    return true;
}

static bool
is_comprehension(const CmpScope *s)
{
    return s->kind == CMP_SCOPE_LISTCOMP || s->kind == CMP_SCOPE_SETCOMP
           || s->kind == CMP_SCOPE_DICTCOMP || s->kind == CMP_SCOPE_GENEXPR;
}

static bool walk_expr(Walk *w, CmpScope *s, const AstExpr *e);
static bool walk_stmts(Walk *w, CmpScope *s, const AstSeq *body);
static bool mark_comp_iter(Walk *w, CmpScope *s, const AstExpr *t);

static bool
walk_exprs(Walk *w, CmpScope *s, const AstSeq *seq)
{
    for (int i = 0; i < seq->len; i++) {
        const AstExpr *e = AST_SEQ_GET(*seq, i);
        if (e != NULL && !walk_expr(w, s, e)) {
            return false;
        }
    }
    return true;
}

/* A walrus target inside a comprehension binds in the enclosing function. */
static bool
walrus_in_comprehension(Walk *w, CmpScope *s, const AstExpr *target)
{
    const char *name = target->u.name.id.s;
    CmpScope *t;
    for (t = s; is_comprehension(t); t = t->parent) {
        CmpSymbol *sym = cmp_scope_lookup(t, name);
        if (sym != NULL && (sym->flags & CMP_DEF_COMP_ITER)) {
            return syntax_error(w, &target->loc,
                                "assignment expression cannot rebind comprehension "
                                "iteration variable '%s'", name);
        }
    }
    if (t->kind == CMP_SCOPE_MODULE) {
        return def(w, s, name, CMP_DEF_GLOBAL, &target->loc)
               && def(w, t, name, CMP_DEF_GLOBAL, &target->loc);
    }
    return def(w, s, name, CMP_DEF_NONLOCAL, &target->loc)
           && def(w, t, name, CMP_DEF_LOCAL, &target->loc);
}

static bool
walk_params(Walk *w, CmpScope *child, const AstArguments *a)
{
    /* Slot order as CPython's co_varnames: positional-only, positional,
     * keyword-only, *args, **kwargs. */
    const AstSeq *groups[3] = {&a->posonlyargs, &a->args, &a->kwonlyargs};
    const AstArg *extra[2] = {a->vararg, a->kwarg};
    for (int g = 0; g < 3; g++) {
        for (int i = 0; i < groups[g]->len; i++) {
            const AstArg *arg = AST_SEQ_GET(*groups[g], i);
            if (!def(w, child, arg->arg.s, CMP_DEF_PARAM, &arg->loc)) {
                return false;
            }
            child->nparams++;
        }
    }
    for (int g = 0; g < 2; g++) {
        if (extra[g] != NULL) {
            if (!def(w, child, extra[g]->arg.s, CMP_DEF_PARAM, &extra[g]->loc)) {
                return false;
            }
            child->nparams++;
        }
    }
    return true;
}

/* Defaults are evaluated in the defining scope (annotations are not
 * evaluated at all: monty follows 3.14's lazy annotations). */
static bool
walk_defaults(Walk *w, CmpScope *s, const AstArguments *a)
{
    return walk_exprs(w, s, &a->defaults) && walk_exprs(w, s, &a->kw_defaults);
}

/*
 * await_allowed: `await` is valid in an async def and, as a monty extension (CPython's
 * PyCF_ALLOW_TOP_LEVEL_AWAIT, what `python -m asyncio` and code-mode runtimes use), at
 * the top level of the script. Comprehensions are functions here (CPython inlines list,
 * set and dict comprehensions): one that awaits becomes a coroutine its caller awaits
 * (compile.c), so every comprehension between the await and its function is marked.
 */
static bool
await_allowed(Walk *w, CmpScope *s, const AstExpr *e)
{
    CmpScope *outer = s;
    while (outer->kind >= CMP_SCOPE_LISTCOMP && outer->parent != NULL) {
        outer = outer->parent;
    }
    if (outer->kind == CMP_SCOPE_LAMBDA || (outer->kind == CMP_SCOPE_FUNCTION
                                            && !outer->coroutine)) {
        return syntax_error(w, &e->loc, "'await' outside async function%s", "");
    }
    for (CmpScope *k = s; k != outer; k = k->parent) {
        if (k->kind == CMP_SCOPE_GENEXPR) {
            return unsupported(w, &e->loc, "asynchronous generator expressions");
        }
        k->coroutine = true;
    }
    return true;
}

static bool
walk_comprehension(Walk *w, CmpScope *s, const AstExpr *e)
{
    static const char *const names[] = {"<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"};
    CmpScopeKind kind;
    const AstSeq *gens = &e->u.comp.generators;
    CmpScope *c;
    switch (e->kind) {
    case AST_LISTCOMP:
        kind = CMP_SCOPE_LISTCOMP;
        break;
    case AST_SETCOMP:
        kind = CMP_SCOPE_SETCOMP;
        break;
    case AST_DICTCOMP:
        kind = CMP_SCOPE_DICTCOMP;
        break;
    default:
        kind = CMP_SCOPE_GENEXPR;
        break;
    }
    for (int i = 0; i < gens->len; i++) {
        const AstComprehension *g = AST_SEQ_GET(*gens, i);
        if (g->is_async) {
            return unsupported(w, &e->loc, "asynchronous comprehensions");
        }
    }
    /* The first iterable belongs to the enclosing scope. */
    if (!walk_expr(w, s, ((const AstComprehension *)AST_SEQ_GET(*gens, 0))->iter)) {
        return false;
    }
    c = new_scope(w, s, kind, e, names[kind - CMP_SCOPE_LISTCOMP]);
    if (c == NULL) {
        return false;
    }
    if (kind == CMP_SCOPE_GENEXPR) {
        c->generator = true;
    }
    if (!def(w, c, ".0", CMP_DEF_PARAM, &e->loc)) {
        return false;
    }
    c->nparams = 1;
    for (int i = 0; i < gens->len; i++) {
        const AstComprehension *g = AST_SEQ_GET(*gens, i);
        if (i > 0 && !walk_expr(w, c, g->iter)) {
            return false;
        }
        if (!walk_expr(w, c, g->target) || !mark_comp_iter(w, c, g->target)
            || !walk_exprs(w, c, &g->ifs)) {
            return false;
        }
    }
    if (e->kind == AST_DICTCOMP) {
        return walk_expr(w, c, e->u.comp.key) && walk_expr(w, c, e->u.comp.value);
    }
    return walk_expr(w, c, e->u.comp.elt);
}

/* Marks every Name under a comprehension target as an iteration variable. */
static bool
mark_comp_iter(Walk *w, CmpScope *s, const AstExpr *t)
{
    switch (t->kind) {
    case AST_NAME:
        return def(w, s, t->u.name.id.s, CMP_DEF_COMP_ITER, &t->loc);
    case AST_TUPLE:
    case AST_LIST:
        for (int i = 0; i < t->u.list.elts.len; i++) {
            if (!mark_comp_iter(w, s, AST_SEQ_GET(t->u.list.elts, i))) {
                return false;
            }
        }
        return true;
    case AST_STARRED:
        return mark_comp_iter(w, s, t->u.starred.value);
    default:
        return true;
    }
}

static bool
walk_expr(Walk *w, CmpScope *s, const AstExpr *e)
{
    switch (e->kind) {
    case AST_BOOLOP:
        return walk_exprs(w, s, &e->u.boolop.values);
    case AST_NAMEDEXPR:
        if (!walk_expr(w, s, e->u.namedexpr.value)) {
            return false;
        }
        if (is_comprehension(s)) {
            return walrus_in_comprehension(w, s, e->u.namedexpr.target);
        }
        return walk_expr(w, s, e->u.namedexpr.target);
    case AST_BINOP:
        return walk_expr(w, s, e->u.binop.left) && walk_expr(w, s, e->u.binop.right);
    case AST_UNARYOP:
        return walk_expr(w, s, e->u.unaryop.operand);
    case AST_LAMBDA: {
        CmpScope *c;
        if (!walk_defaults(w, s, e->u.lambda.args)) {
            return false;
        }
        c = new_scope(w, s, CMP_SCOPE_LAMBDA, e, "<lambda>");
        return c != NULL && walk_params(w, c, e->u.lambda.args)
               && walk_expr(w, c, e->u.lambda.body);
    }
    case AST_IFEXP:
        return walk_expr(w, s, e->u.ifexp.test) && walk_expr(w, s, e->u.ifexp.body)
               && walk_expr(w, s, e->u.ifexp.orelse);
    case AST_DICT:
        return walk_exprs(w, s, &e->u.dict.keys) && walk_exprs(w, s, &e->u.dict.values);
    case AST_SET:
        return walk_exprs(w, s, &e->u.set.elts);
    case AST_LISTCOMP:
    case AST_SETCOMP:
    case AST_DICTCOMP:
    case AST_GENERATOREXP:
        return walk_comprehension(w, s, e);
    case AST_AWAIT:
        if (!await_allowed(w, s, e)) {
            return false;
        }
        return walk_expr(w, s, e->u.await_.value);
    case AST_YIELD:
    case AST_YIELDFROM:
        if (s->coroutine) {
            if (e->kind == AST_YIELDFROM) {
                return syntax_error(w, &e->loc, "'yield from' inside async function%s", "");
            }
            return unsupported(w, &e->loc, "asynchronous generators");
        }
        if (s->kind == CMP_SCOPE_MODULE) {
            return syntax_error(w, &e->loc, "%s outside function",
                                e->kind == AST_YIELD ? "'yield'" : "'yield from'");
        }
        if (is_comprehension(s)) {
            static const char *const what[] = {"list comprehension", "set comprehension",
                                               "dict comprehension", "generator expression"};
            return syntax_error(w, &e->loc, "'yield' inside %s",
                                what[s->kind - CMP_SCOPE_LISTCOMP]);
        }
        s->generator = true;
        if (e->kind == AST_YIELD) {
            return e->u.yield.value == NULL || walk_expr(w, s, e->u.yield.value);
        }
        return walk_expr(w, s, e->u.yieldfrom.value);
    case AST_COMPARE:
        return walk_expr(w, s, e->u.compare.left) && walk_exprs(w, s, &e->u.compare.comparators);
    case AST_CALL:
        if (!walk_expr(w, s, e->u.call.func) || !walk_exprs(w, s, &e->u.call.args)) {
            return false;
        }
        for (int i = 0; i < e->u.call.keywords.len; i++) {
            const AstKeyword *k = AST_SEQ_GET(e->u.call.keywords, i);
            if (!walk_expr(w, s, k->value)) {
                return false;
            }
        }
        return true;
    case AST_FORMATTEDVALUE:
        return walk_expr(w, s, e->u.formattedvalue.value)
               && (e->u.formattedvalue.format_spec == NULL
                   || walk_expr(w, s, e->u.formattedvalue.format_spec));
    case AST_JOINEDSTR:
        return walk_exprs(w, s, &e->u.joinedstr.values);
    case AST_CONSTANT:
        return true;
    case AST_ATTRIBUTE:
        return walk_expr(w, s, e->u.attribute.value);
    case AST_SUBSCRIPT:
        return walk_expr(w, s, e->u.subscript.value) && walk_expr(w, s, e->u.subscript.slice);
    case AST_STARRED:
        return walk_expr(w, s, e->u.starred.value);
    case AST_NAME:
        return def(w, s, e->u.name.id.s,
                   e->u.name.ctx == AST_LOAD ? CMP_DEF_USE : CMP_DEF_LOCAL, &e->loc);
    case AST_LIST:
    case AST_TUPLE:
        return walk_exprs(w, s, &e->u.list.elts);
    case AST_SLICE:
        return (e->u.slice.lower == NULL || walk_expr(w, s, e->u.slice.lower))
               && (e->u.slice.upper == NULL || walk_expr(w, s, e->u.slice.upper))
               && (e->u.slice.step == NULL || walk_expr(w, s, e->u.slice.step));
    default:
        return true;
    }
}

/* global / nonlocal statements, with CPython's conflict messages. */
static bool
walk_decl(Walk *w, CmpScope *s, const AstStmt *st)
{
    bool global = st->kind == AST_GLOBAL;
    const char *what = global ? "global" : "nonlocal";
    if (!global && s->kind == CMP_SCOPE_MODULE) {
        return syntax_error(w, &st->loc, "nonlocal declaration not allowed at module level%s",
                            "");
    }
    for (int i = 0; i < st->u.global.names.len; i++) {
        const AstStr *n = AST_SEQ_GET(st->u.global.names, i);
        CmpSymbol *sym = cmp_scope_lookup(s, n->s);
        char fmt[96];
        if (sym != NULL) {
            /* CPython's order of checks (symtable.c) */
            if (sym->flags & CMP_DEF_PARAM) {
                snprintf(fmt, sizeof fmt, "name '%%s' is parameter and %s", what);
                return syntax_error(w, &st->loc, fmt, n->s);
            }
            if (sym->flags & CMP_DEF_USE) {
                snprintf(fmt, sizeof fmt, "name '%%s' is used prior to %s declaration", what);
                return syntax_error(w, &st->loc, fmt, n->s);
            }
            if (sym->flags & CMP_DEF_ANNOT) {
                snprintf(fmt, sizeof fmt, "annotated name '%%s' can't be %s", what);
                return syntax_error(w, &st->loc, fmt, n->s);
            }
            if (sym->flags & CMP_DEF_LOCAL) {
                snprintf(fmt, sizeof fmt, "name '%%s' is assigned to before %s declaration",
                         what);
                return syntax_error(w, &st->loc, fmt, n->s);
            }
            if ((global && (sym->flags & CMP_DEF_NONLOCAL))
                || (!global && (sym->flags & CMP_DEF_GLOBAL))) {
                return syntax_error(w, sym->decl ? sym->decl : &st->loc,
                                    "name '%s' is nonlocal and global", n->s);
            }
        }
        if (!def(w, s, n->s, global ? CMP_DEF_GLOBAL : CMP_DEF_NONLOCAL, &st->loc)) {
            return false;
        }
        sym = cmp_scope_lookup(s, n->s);
        if (sym->decl == NULL) {
            sym->decl = &st->loc;
        }
    }
    return true;
}

static bool
walk_stmt(Walk *w, CmpScope *s, const AstStmt *st)
{
    switch (st->kind) {
    case AST_FUNCTIONDEF:
    case AST_ASYNCFUNCTIONDEF: {
        CmpScope *c;
        if (st->u.funcdef.type_params.len > 0) {
            return unsupported(w, &st->loc, "type parameters");
        }
        if (!walk_exprs(w, s, &st->u.funcdef.decorator_list)
            || !walk_defaults(w, s, st->u.funcdef.args)
            || !def(w, s, st->u.funcdef.name.s, CMP_DEF_LOCAL, &st->loc)) {
            return false;
        }
        c = new_scope(w, s, CMP_SCOPE_FUNCTION, st, st->u.funcdef.name.s);
        if (c != NULL) {
            c->coroutine = st->kind == AST_ASYNCFUNCTIONDEF;
        }
        return c != NULL && walk_params(w, c, st->u.funcdef.args)
               && walk_stmts(w, c, &st->u.funcdef.body);
    }
    case AST_CLASSDEF:
        return unsupported(w, &st->loc, "class definitions");
    case AST_RETURN:
        if (s->kind == CMP_SCOPE_MODULE) {
            return syntax_error(w, &st->loc, "'return' outside function%s", "");
        }
        return st->u.return_.value == NULL || walk_expr(w, s, st->u.return_.value);
    case AST_DELETE:
        return walk_exprs(w, s, &st->u.delete_.targets);
    case AST_ASSIGN:
        return walk_expr(w, s, st->u.assign.value) && walk_exprs(w, s, &st->u.assign.targets);
    case AST_TYPEALIAS:
        return unsupported(w, &st->loc, "type aliases");
    case AST_AUGASSIGN:
        if (st->u.augassign.target->kind == AST_NAME
            && !def(w, s, st->u.augassign.target->u.name.id.s, CMP_DEF_USE,
                    &st->u.augassign.target->loc)) {
            return false;
        }
        return walk_expr(w, s, st->u.augassign.value) && walk_expr(w, s, st->u.augassign.target);
    case AST_ANNASSIGN:
        if (st->u.annassign.target->kind == AST_NAME && st->u.annassign.simple
            && !def(w, s, st->u.annassign.target->u.name.id.s, CMP_DEF_ANNOT,
                    &st->u.annassign.target->loc)) {
            return false;
        }
        if (st->u.annassign.target->kind == AST_NAME) {
            CmpSymbol *sym = cmp_scope_lookup(s, st->u.annassign.target->u.name.id.s);
            if (sym != NULL && (sym->flags & (CMP_DEF_GLOBAL | CMP_DEF_NONLOCAL))
                && st->u.annassign.simple) {
                return syntax_error(w, &st->loc,
                                    (sym->flags & CMP_DEF_GLOBAL)
                                        ? "annotated name '%s' can't be global"
                                        : "annotated name '%s' can't be nonlocal",
                                    sym->name);
            }
        }
        return (st->u.annassign.value == NULL || walk_expr(w, s, st->u.annassign.value))
               && walk_expr(w, s, st->u.annassign.target);
    case AST_FOR:
        return walk_expr(w, s, st->u.for_.iter) && walk_expr(w, s, st->u.for_.target)
               && walk_stmts(w, s, &st->u.for_.body) && walk_stmts(w, s, &st->u.for_.orelse);
    case AST_ASYNCFOR:
        return unsupported(w, &st->loc, "async for");
    case AST_WHILE:
    case AST_IF:
        return walk_expr(w, s, st->u.while_.test) && walk_stmts(w, s, &st->u.while_.body)
               && walk_stmts(w, s, &st->u.while_.orelse);
    case AST_WITH:
        return unsupported(w, &st->loc, "the with statement");
    case AST_ASYNCWITH:
        return unsupported(w, &st->loc, "async with");
    case AST_MATCH:
        return unsupported(w, &st->loc, "the match statement");
    case AST_RAISE:
        return (st->u.raise.exc == NULL || walk_expr(w, s, st->u.raise.exc))
               && (st->u.raise.cause == NULL || walk_expr(w, s, st->u.raise.cause));
    case AST_TRY:
        if (!walk_stmts(w, s, &st->u.try_.body)) {
            return false;
        }
        for (int i = 0; i < st->u.try_.handlers.len; i++) {
            const AstExceptHandler *h = AST_SEQ_GET(st->u.try_.handlers, i);
            if (h->type != NULL && !walk_expr(w, s, h->type)) {
                return false;
            }
            if (h->name.s != NULL && !def(w, s, h->name.s, CMP_DEF_LOCAL, &h->loc)) {
                return false;
            }
            if (!walk_stmts(w, s, &h->body)) {
                return false;
            }
        }
        return walk_stmts(w, s, &st->u.try_.orelse) && walk_stmts(w, s, &st->u.try_.finalbody);
    case AST_TRYSTAR:
        return unsupported(w, &st->loc, "except*");
    case AST_ASSERT:
        return walk_expr(w, s, st->u.assert_.test)
               && (st->u.assert_.msg == NULL || walk_expr(w, s, st->u.assert_.msg));
    case AST_IMPORT:
        for (int i = 0; i < st->u.import.names.len; i++) {
            const AstAlias *a = AST_SEQ_GET(st->u.import.names, i);
            const char *bound = a->asname.s;
            if (bound == NULL) {
                /* `import a.b` binds `a` */
                bound = cmp_scope_intern_head(w->table, a->name.s);
                if (bound == NULL) {
                    return oom(w);
                }
            }
            if (!def(w, s, bound, CMP_DEF_LOCAL, &a->loc)) {
                return false;
            }
        }
        return true;
    case AST_IMPORTFROM:
        for (int i = 0; i < st->u.importfrom.names.len; i++) {
            const AstAlias *a = AST_SEQ_GET(st->u.importfrom.names, i);
            const char *bound = a->asname.s ? a->asname.s : a->name.s;
            if (strcmp(a->name.s, "*") == 0) {
                if (s->kind != CMP_SCOPE_MODULE) {
                    return syntax_error(w, &a->loc, "import * only allowed at module level%s",
                                        "");
                }
                continue;
            }
            if (!def(w, s, bound, CMP_DEF_LOCAL, &a->loc)) {
                return false;
            }
        }
        return true;
    case AST_GLOBAL:
    case AST_NONLOCAL:
        return walk_decl(w, s, st);
    case AST_EXPR:
        return walk_expr(w, s, st->u.expr.value);
    default:
        return true;
    }
}

static bool
walk_stmts(Walk *w, CmpScope *s, const AstSeq *body)
{
    for (int i = 0; i < body->len; i++) {
        if (!walk_stmt(w, s, AST_SEQ_GET(*body, i))) {
            return false;
        }
    }
    return true;
}

/* ---- second pass: decide where names live ------------------------------- */

/* A small set of borrowed names (linear: these sets stay small). */
typedef struct NameSet {
    CmpPool *pool;
    const char **v;
    int n, cap;
} NameSet;

static bool
set_has(const NameSet *s, const char *name)
{
    for (int i = 0; i < s->n; i++) {
        if (strcmp(s->v[i], name) == 0) {
            return true;
        }
    }
    return false;
}

static bool
set_add(NameSet *s, const char *name)
{
    if (set_has(s, name)) {
        return true;
    }
    if (s->n == s->cap) {
        int cap = s->cap ? s->cap * 2 : 8;
        const char **v = cmp_pool_grow(s->pool, s->v, sizeof *v * (size_t)s->cap,
                                       sizeof *v * (size_t)cap);
        if (v == NULL) {
            return false;
        }
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n++] = name;
    return true;
}

static void
set_del(NameSet *s, const char *name)
{
    for (int i = 0; i < s->n; i++) {
        if (strcmp(s->v[i], name) == 0) {
            s->v[i] = s->v[--s->n];
            return;
        }
    }
}

static bool
set_copy(NameSet *dst, const NameSet *src)
{
    for (int i = 0; i < src->n; i++) {
        if (!set_add(dst, src->v[i])) {
            return false;
        }
    }
    return true;
}

static bool
is_function_like(const CmpScope *s)
{
    return s->kind != CMP_SCOPE_MODULE;
}

/*
 * Analyzes scope s given copies of the names bound in enclosing functions
 * (bound) and known globals (global); adds the names s needs from outside
 * (its free variables, including those its children need) to `free`.
 */
static bool
analyze(Walk *w, CmpScope *s, NameSet *bound, NameSet *global, NameSet *free_out)
{
    NameSet local = {s->pool, NULL, 0, 0}, newfree = {s->pool, NULL, 0, 0};
    bool ok = true;

    for (int i = 0; ok && i < s->nsyms; i++) {
        CmpSymbol *sym = &s->syms[i];
        uint32_t f = sym->flags;
        if (f & CMP_DEF_GLOBAL) {
            sym->scope = CMP_SYM_GLOBAL_EXPLICIT;
            ok = set_add(global, sym->name);
            set_del(bound, sym->name);
        } else if (f & CMP_DEF_NONLOCAL) {
            if (!set_has(bound, sym->name)) {
                /* CPython reports this at the nonlocal statement; the first
                 * pass does not keep that location, so report the scope's. */
                const AstLoc *loc = sym->decl;
                if (loc != NULL) {
                    /* the nonlocal statement */
                } else if (s->kind == CMP_SCOPE_FUNCTION) {
                    loc = &((const AstStmt *)s->node)->loc;
                } else if (s->node != NULL) {
                    loc = &((const AstExpr *)s->node)->loc;
                }
                syntax_error(w, loc, "no binding for nonlocal '%s' found", sym->name);
                ok = false;
                break;
            }
            sym->scope = CMP_SYM_FREE;
            ok = set_add(free_out, sym->name);
        } else if (f & (CMP_DEF_LOCAL | CMP_DEF_PARAM)) {
            sym->scope = (s->kind == CMP_SCOPE_MODULE) ? CMP_SYM_GLOBAL_IMPLICIT : CMP_SYM_LOCAL;
            if (s->kind != CMP_SCOPE_MODULE) {
                ok = set_add(&local, sym->name);
                set_del(global, sym->name);
            }
        } else if (set_has(bound, sym->name)) {
            sym->scope = CMP_SYM_FREE;
            ok = set_add(free_out, sym->name);
        } else {
            sym->scope = CMP_SYM_GLOBAL_IMPLICIT;
        }
    }
    if (ok && is_function_like(s)) {
        ok = set_copy(bound, &local);
    }
    for (int c = 0; ok && c < s->nchildren; c++) {
        NameSet cb = {s->pool, NULL, 0, 0}, cg = {s->pool, NULL, 0, 0};
        ok = set_copy(&cb, bound) && set_copy(&cg, global)
             && analyze(w, s->children[c], &cb, &cg, &newfree);
    }
    /* Children's free names: locals here become cells; others pass up. */
    for (int i = 0; ok && i < newfree.n; i++) {
        const char *name = newfree.v[i];
        CmpSymbol *sym = cmp_scope_lookup(s, name);
        if (sym != NULL && sym->scope == CMP_SYM_LOCAL) {
            sym->scope = CMP_SYM_CELL;
            continue;
        }
        if (sym == NULL) {
            sym = add_flags(s, name, 0);
            if (sym == NULL) {
                ok = false;
                oom(w);
                break;
            }
            sym->scope = CMP_SYM_FREE;
        } else if (sym->scope == CMP_SYM_GLOBAL_IMPLICIT && s->kind != CMP_SCOPE_MODULE) {
            sym->scope = CMP_SYM_FREE;
        }
        if (sym->scope == CMP_SYM_FREE) {
            ok = set_add(free_out, name);
        }
    }
    for (int i = 0; ok && i < s->nsyms; i++) {
        if (s->syms[i].scope == CMP_SYM_FREE) {
            s->has_free = true;
        }
    }
    if (!ok && !w->failed) {
        oom(w);
    }
    return ok;
}

/*
 * Builds the scope tree of a module and decides every name's scope. On
 * error fills *err (SyntaxError, NotImplementedError or MemoryError) and
 * returns false; the table is freed by cmp_scope_free either way.
 */
bool
cmp_scope_build(CmpScopeTable *table, const AstModule *mod, CmpError *err)
{
    Walk w = {table, err, false};
    NameSet bound = {table->pool, NULL, 0, 0}, global = {table->pool, NULL, 0, 0};
    NameSet free_names = {table->pool, NULL, 0, 0};
    bool ok;

    table->module = new_scope(&w, NULL, CMP_SCOPE_MODULE, mod, "<module>");
    if (table->module == NULL) {
        return false;
    }
    ok = walk_stmts(&w, table->module, &mod->body)
         && analyze(&w, table->module, &bound, &global, &free_names);
    return ok && !w.failed;
}
