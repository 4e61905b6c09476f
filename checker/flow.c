/*
 * flow.c — the statement walk: definite assignment, narrowing, and the
 * statement-level rules (unused-awaitable, unresolved-import, not-iterable
 * for loops).
 *
 * The walk keeps a State per scope body: for each local whether it is
 * bound, maybe bound or unbound, and narrowed types of names (set by
 * assignment, `is None` tests, isinstance, truthiness, early exits). Where
 * precision would cost a fixpoint (loop heads, exception handlers) the state
 * is reset conservatively: narrowings dropped, unbound locals become
 * "maybe" — this can only turn an error into a warning or into silence,
 * never invent one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checker/check_int.h"

void chk_check_iterable(Ctx *c, const AstExpr *e, ChkType *t);

static void walk_block(Ctx *c, const AstSeq *body, State *st);

/* ---- states ------------------------------------------------------------- */

/* Beyond this many locals in one scope, definite assignment is not
 * tracked (every branch would copy the whole state): names count as bound. */
#define FLOW_MAX_LOCALS 4096
/* Narrowings kept at once; the oldest is forgotten beyond this. */
#define NARROW_MAX 256

static void
state_init(Ctx *c, State *st, int nlocals)
{
    memset(st, 0, sizeof *st);
    if (nlocals > FLOW_MAX_LOCALS) {
        nlocals = 0;
    }
    st->nbound = nlocals;
    st->bound = nlocals ? ast_arena_alloc(c->arena, (size_t)nlocals) : NULL;
    if (nlocals && !st->bound) {
        st->nbound = 0;
    }
}

static void
state_copy(Ctx *c, State *dst, const State *src)
{
    state_init(c, dst, src->nbound);
    dst->dead = src->dead;
    if (src->nbound && dst->bound) {
        memcpy(dst->bound, src->bound, (size_t)src->nbound);
    }
    if (src->nnarrow) {
        dst->narrow = ast_arena_alloc(c->arena, sizeof *dst->narrow * (size_t)src->nnarrow);
        if (dst->narrow) {
            memcpy(dst->narrow, src->narrow, sizeof *dst->narrow * (size_t)src->nnarrow);
            dst->nnarrow = src->nnarrow;
            dst->capnarrow = src->nnarrow;
        }
    }
}

static ChkType *
narrow_get(const State *st, const char *name)
{
    for (int i = 0; i < st->nnarrow; i++) {
        if (strcmp(st->narrow[i].name, name) == 0) {
            return st->narrow[i].type;
        }
    }
    return NULL;
}

static void
narrow_drop(State *st, const char *name)
{
    for (int i = 0; i < st->nnarrow; i++) {
        if (strcmp(st->narrow[i].name, name) == 0) {
            st->narrow[i] = st->narrow[--st->nnarrow];
            return;
        }
    }
}

/* chk_state_set_type: name's type from here on is t. */
void
chk_state_set_type(Ctx *c, State *st, const char *name, ChkType *t)
{
    for (int i = 0; i < st->nnarrow; i++) {
        if (strcmp(st->narrow[i].name, name) == 0) {
            st->narrow[i].type = t;
            return;
        }
    }
    if (st->nnarrow == NARROW_MAX) {
        /* forget the oldest: falling back to a name's declared union never
         * invents a report except through an exact None, which is rare here */
        memmove(st->narrow, st->narrow + 1, sizeof *st->narrow * (size_t)(NARROW_MAX - 1));
        st->nnarrow--;
    }
    if (st->nnarrow == st->capnarrow) {
        int cap = st->capnarrow ? st->capnarrow * 2 : 8;
        Narrow *n = ast_arena_alloc(c->arena, sizeof *n * (size_t)cap);
        if (!n) {
            return;
        }
        if (st->nnarrow) {
            memcpy(n, st->narrow, sizeof *n * (size_t)st->nnarrow);
        }
        st->narrow = n;
        st->capnarrow = cap;
    }
    st->narrow[st->nnarrow].name = name;
    st->narrow[st->nnarrow].type = t;
    st->nnarrow++;
}

static Local *
flow_local(Ctx *c, const char *name)
{
    if (c->flow_scope < 0) {
        return NULL;
    }
    return chk_scope_local(c->scopes[c->flow_scope], name);
}

/* chk_state_bind: name is bound from here on; its narrowing is dropped. */
void
chk_state_bind(Ctx *c, State *st, const char *name)
{
    Local *l = flow_local(c, name);
    if (l && l->index < st->nbound) {
        st->bound[l->index] = B_BOUND;
    }
    narrow_drop(st, name);
}

static void
state_join(Ctx *c, State *dst, const State *src)
{
    if (src->dead) {
        return;
    }
    if (dst->dead) {
        state_copy(c, dst, src);
        return;
    }
    for (int i = 0; i < dst->nbound && i < src->nbound; i++) {
        if (dst->bound[i] != src->bound[i]) {
            dst->bound[i] = B_MAYBE;
        }
    }
    int w = 0;
    for (int i = 0; i < dst->nnarrow; i++) {
        ChkType *o = narrow_get(src, dst->narrow[i].name);
        if (o) {
            dst->narrow[w].name = dst->narrow[i].name;
            dst->narrow[w].type = chk_type_union(c->arena, dst->narrow[i].type, o);
            w++;
        }
    }
    dst->nnarrow = w;
}

/* Loop heads and handlers: what may have happened in between is unknown. */
static void
state_reset(State *st)
{
    for (int i = 0; i < st->nbound; i++) {
        if (st->bound[i] != B_BOUND) {
            st->bound[i] = B_MAYBE;
        }
    }
    st->nnarrow = 0;
}

/* ---- narrowing ---------------------------------------------------------- */

static ChkType *
current_type(Ctx *c, State *st, const AstExpr *name)
{
    ChkType *t = narrow_get(st, name->u.name.id.s);
    if (t) {
        return t;
    }
    State *saved = c->st;
    c->st = st;
    c->quiet++;
    t = chk_name_type(c, name, false);
    c->quiet--;
    c->st = saved;
    return t;
}

/* t without None (Never -> Any: we never report in dead code). */
static ChkType *
remove_none(Ctx *c, ChkType *t)
{
    if (!t) {
        return c->lib->t_any;
    }
    if (t->kind == CHK_T_NONE) {
        return c->lib->t_any;
    }
    if (t->kind != CHK_T_UNION) {
        return t;
    }
    ChkType *u = NULL;
    for (int i = 0; i < t->nargs; i++) {
        if (t->args[i]->kind != CHK_T_NONE) {
            u = chk_type_union(c->arena, u, t->args[i]);
        }
    }
    return u ? u : c->lib->t_any;
}

static bool
is_none(const AstExpr *e)
{
    return e && e->kind == AST_CONSTANT && e->u.constant.kind == AST_CONST_NONE;
}

/* isinstance's second argument as a type, or NULL. */
static ChkType *
isinstance_type(Ctx *c, const AstExpr *e)
{
    c->quiet++;
    ChkType *t = chk_infer(c, e);
    c->quiet--;
    if (t->kind == CHK_T_CLASSOBJ) {
        return chk_type_inst(c->arena, t->cls, 0, NULL);
    }
    if (t->kind == CHK_T_INST && t->cls == c->lib->c_tuple && !t->tuple_var) {
        ChkType *u = NULL;
        for (int i = 0; i < t->nargs; i++) {
            if (t->args[i]->kind != CHK_T_CLASSOBJ) {
                return NULL;
            }
            u = chk_type_union(c->arena, u, chk_type_inst(c->arena, t->args[i]->cls, 0, NULL));
        }
        return u;
    }
    return NULL;
}

/* True if some statement of body (not inside nested defs / classes) returns. */
static bool
has_return(const AstSeq *body, int depth)
{
    for (int i = 0; i < body->len && depth < 30; i++) {
        const AstStmt *s = AST_SEQ_GET(*body, i);
        switch (s->kind) {
        case AST_RETURN:
            return true;
        case AST_IF:
            if (has_return(&s->u.if_.body, depth + 1)
                || has_return(&s->u.if_.orelse, depth + 1)) {
                return true;
            }
            break;
        case AST_FOR:
        case AST_ASYNCFOR:
            if (has_return(&s->u.for_.body, depth + 1)
                || has_return(&s->u.for_.orelse, depth + 1)) {
                return true;
            }
            break;
        case AST_WHILE:
            if (has_return(&s->u.while_.body, depth + 1)
                || has_return(&s->u.while_.orelse, depth + 1)) {
                return true;
            }
            break;
        case AST_WITH:
        case AST_ASYNCWITH:
            if (has_return(&s->u.with.body, depth + 1)) {
                return true;
            }
            break;
        case AST_TRY:
        case AST_TRYSTAR:
            if (has_return(&s->u.try_.body, depth + 1)
                || has_return(&s->u.try_.orelse, depth + 1)
                || has_return(&s->u.try_.finalbody, depth + 1)) {
                return true;
            }
            for (int k = 0; k < s->u.try_.handlers.len; k++) {
                const AstExceptHandler *h = AST_SEQ_GET(s->u.try_.handlers, k);
                if (has_return(&h->body, depth + 1)) {
                    return true;
                }
            }
            break;
        case AST_MATCH:
            for (int k = 0; k < s->u.match.cases.len; k++) {
                const AstMatchCase *mc = AST_SEQ_GET(s->u.match.cases, k);
                if (has_return(&mc->body, depth + 1)) {
                    return true;
                }
            }
            break;
        default:
            break;
        }
    }
    return false;
}

/* A call that never comes back: a `-> NoReturn` / `-> Never` stub function,
 * or a script function whose body ends in `raise` and never returns. */
static bool
call_never_returns(Ctx *c, const AstExpr *call)
{
    const AstExpr *f = call->u.call.func;
    if (f->kind != AST_NAME && f->kind != AST_ATTRIBUTE) {
        return false;
    }
    c->quiet++;
    ChkType *ft = chk_infer(c, f);
    c->quiet--;
    if (!ft || ft->kind != CHK_T_FUNC || !ft->func || ft->func->next_overload) {
        return false;
    }
    const ChkFunc *fn = ft->func;
    if (fn->no_return) {
        return true;
    }
    const AstStmt *def = fn->def;
    if (!def || def->kind != AST_FUNCTIONDEF || def->u.funcdef.body.len == 0
        || (fn->scope_id >= 0 && c->scopes[fn->scope_id]->is_generator)) {
        return false;
    }
    const AstSeq *body = &def->u.funcdef.body;
    const AstStmt *last = AST_SEQ_GET(*body, body->len - 1);
    return last->kind == AST_RAISE && !has_return(body, 0);
}

/* Binds the Name targets of walruses in e (not inside nested scopes). */
static void
bind_walrus_targets(Ctx *c, State *st, const AstExpr *e, int depth)
{
    if (!e || depth > 20) {
        return;
    }
    switch (e->kind) {
    case AST_NAMEDEXPR:
        if (e->u.namedexpr.target->kind == AST_NAME) {
            chk_state_bind(c, st, e->u.namedexpr.target->u.name.id.s);
        }
        bind_walrus_targets(c, st, e->u.namedexpr.value, depth + 1);
        break;
    case AST_ATTRIBUTE:
        bind_walrus_targets(c, st, e->u.attribute.value, depth + 1);
        break;
    case AST_SUBSCRIPT:
        bind_walrus_targets(c, st, e->u.subscript.value, depth + 1);
        break;
    case AST_COMPARE:
        bind_walrus_targets(c, st, e->u.compare.left, depth + 1);
        break;
    case AST_BOOLOP:
        bind_walrus_targets(c, st, AST_SEQ_GET(e->u.boolop.values, 0), depth + 1);
        break;
    case AST_UNARYOP:
        bind_walrus_targets(c, st, e->u.unaryop.operand, depth + 1);
        break;
    case AST_CALL:
        bind_walrus_targets(c, st, e->u.call.func, depth + 1);
        for (int i = 0; i < e->u.call.args.len; i++) {
            bind_walrus_targets(c, st, AST_SEQ_GET(e->u.call.args, i), depth + 1);
        }
        break;
    default:
        break;
    }
}

/* `d.get("k")` / `d.setdefault("k", v)` on a TypedDict name: from here (where
 * the get was truthy / not None, or after the setdefault) the key is present. */
static void
narrow_key_get(Ctx *c, const AstExpr *call, State *st)
{
    const AstExpr *f = call->u.call.func;
    if (f->kind != AST_ATTRIBUTE || f->u.attribute.value->kind != AST_NAME
        || call->u.call.args.len < 1
        || (strcmp(f->u.attribute.attr.s, "get") != 0
            && strcmp(f->u.attribute.attr.s, "setdefault") != 0)) {
        return;
    }
    const AstExpr *k = AST_SEQ_GET(call->u.call.args, 0);
    if (k->kind != AST_CONSTANT || k->u.constant.kind != AST_CONST_STR) {
        return;
    }
    const AstExpr *d = f->u.attribute.value;
    ChkType *t = chk_with_key(c, current_type(c, st, d), k->u.constant.str.s);
    if (t) {
        chk_state_set_type(c, st, d->u.name.id.s, t);
    }
}

static void
narrow_cond(Ctx *c, const AstExpr *test, State *st, bool positive)
{
    if (!test || st->dead) {
        return;
    }
    switch (test->kind) {
    case AST_NAME:
        if (positive) {
            chk_state_set_type(c, st, test->u.name.id.s,
                               remove_none(c, current_type(c, st, test)));
        }
        break;
    case AST_NAMEDEXPR:
        if (test->u.namedexpr.target->kind == AST_NAME) {
            /* the test held, so this operand ran: its target is bound */
            chk_state_bind(c, st, test->u.namedexpr.target->u.name.id.s);
            if (positive) {
                narrow_cond(c, test->u.namedexpr.target, st, true);
            }
        }
        break;
    case AST_UNARYOP:
        if (test->u.unaryop.op == AST_NOT) {
            narrow_cond(c, test->u.unaryop.operand, st, !positive);
        }
        break;
    case AST_BOOLOP: {
        bool and_ = test->u.boolop.op == AST_AND;
        if (and_ == positive) {
            for (int i = 0; i < test->u.boolop.values.len; i++) {
                narrow_cond(c, AST_SEQ_GET(test->u.boolop.values, i), st, positive);
            }
        }
        break;
    }
    case AST_COMPARE: {
        if (test->u.compare.n != 1) {
            break;
        }
        const AstExpr *l = test->u.compare.left;
        const AstExpr *r = AST_SEQ_GET(test->u.compare.comparators, 0);
        AstCmpOp op = test->u.compare.ops[0];
        /* "key" in d: the TypedDict d has that key from here */
        if (((op == AST_IN && positive) || (op == AST_NOTIN && !positive))
            && l->kind == AST_CONSTANT && l->u.constant.kind == AST_CONST_STR
            && r->kind == AST_NAME) {
            ChkType *t = chk_with_key(c, current_type(c, st, r), l->u.constant.str.s);
            if (t) {
                chk_state_set_type(c, st, r->u.name.id.s, t);
            }
            break;
        }
        if (l->kind == AST_NAMEDEXPR) {
            l = l->u.namedexpr.target;
        }
        /* type(x) is C / type(x) == C */
        if (positive && (op == AST_IS || op == AST_EQ) && l->kind == AST_CALL
            && l->u.call.func->kind == AST_NAME
            && strcmp(l->u.call.func->u.name.id.s, "type") == 0 && l->u.call.args.len == 1
            && ((const AstExpr *)AST_SEQ_GET(l->u.call.args, 0))->kind == AST_NAME) {
            const AstExpr *x = AST_SEQ_GET(l->u.call.args, 0);
            ChkType *t = isinstance_type(c, r);
            chk_state_set_type(c, st, x->u.name.id.s, t ? t : c->lib->t_any);
            break;
        }
        if (l->kind == AST_CALL && is_none(r)
            && (((op == AST_ISNOT || op == AST_NOTEQ) && positive)
                || ((op == AST_IS || op == AST_EQ) && !positive))) {
            narrow_key_get(c, l, st);    /* d.get("k") is not None */
            break;
        }
        if (l->kind != AST_NAME || !is_none(r)) {
            break;
        }
        bool is_op = op == AST_IS || op == AST_EQ;
        bool not_op = op == AST_ISNOT || op == AST_NOTEQ;
        if (!is_op && !not_op) {
            break;
        }
        bool becomes_none = is_op == positive;
        if (becomes_none) {
            chk_state_set_type(c, st, l->u.name.id.s, c->lib->t_none);
        } else {
            chk_state_set_type(c, st, l->u.name.id.s, remove_none(c, current_type(c, st, l)));
        }
        break;
    }
    case AST_CALL: {
        const AstExpr *f = test->u.call.func;
        if (positive) {
            narrow_key_get(c, test, st);
        }
        /* any((hit := x) for x in xs) held / all(...) failed: the generator
         * ran, so its walrus targets are bound (the witness idiom) */
        if (f->kind == AST_NAME && test->u.call.args.len == 1
            && ((positive && strcmp(f->u.name.id.s, "any") == 0)
                || (!positive && strcmp(f->u.name.id.s, "all") == 0))) {
            const AstExpr *g = AST_SEQ_GET(test->u.call.args, 0);
            if (g->kind == AST_GENERATOREXP) {
                bind_walrus_targets(c, st, g->u.comp.elt, 0);
                for (int i = 0; i < g->u.comp.generators.len; i++) {
                    const AstComprehension *gen = AST_SEQ_GET(g->u.comp.generators, i);
                    for (int k = 0; k < gen->ifs.len; k++) {
                        bind_walrus_targets(c, st, AST_SEQ_GET(gen->ifs, k), 0);
                    }
                }
            }
        }
        if (positive && f->kind == AST_NAME && strcmp(f->u.name.id.s, "isinstance") == 0
            && test->u.call.args.len == 2) {
            const AstExpr *x = AST_SEQ_GET(test->u.call.args, 0);
            if (x->kind == AST_NAME) {
                ChkType *t = isinstance_type(c, AST_SEQ_GET(test->u.call.args, 1));
                if (t) {
                    chk_state_set_type(c, st, x->u.name.id.s, t);
                } else {
                    chk_state_set_type(c, st, x->u.name.id.s, c->lib->t_any);
                }
            }
        }
        break;
    }
    default:
        break;
    }
}

/* chk_narrow_expr: narrows c->st (a copy made by the caller) as if `test`
 * were `positive` — for the operands of `and`/`or` and conditional
 * expressions. No-op outside the flow scope. */
void
chk_narrow_expr(Ctx *c, const AstExpr *test, State *st, bool positive)
{
    narrow_cond(c, test, st, positive);
}

/* chk_state_merge_maybe: names bound only in `branch` (an operand that
 * may not run) become at least "maybe bound" in st. */
void
chk_state_merge_maybe(State *st, const State *branch)
{
    for (int i = 0; i < st->nbound && i < branch->nbound; i++) {
        if (branch->bound[i] != B_UNBOUND && st->bound[i] == B_UNBOUND) {
            st->bound[i] = B_MAYBE;
        }
    }
}

/* chk_state_copy: for infer.c's expression-level narrowing. */
void
chk_state_copy(Ctx *c, State *dst, const State *src)
{
    state_copy(c, dst, src);
}

/* ---- targets ------------------------------------------------------------ */

static void
assign_target(Ctx *c, State *st, const AstExpr *t, ChkType *vt)
{
    switch (t->kind) {
    case AST_NAME: {
        chk_state_bind(c, st, t->u.name.id.s);
        Local *l = flow_local(c, t->u.name.id.s);
        if (vt && !(l && (l->decl_annotation || l->forced_any))) {
            chk_state_set_type(c, st, t->u.name.id.s, vt);
        } else if (vt && l && l->decl_annotation && !l->forced_any && chk_type_is_any(vt)) {
            /* `x: list = []` then `x = tool()`: the value is unknown, so is x */
            chk_state_set_type(c, st, t->u.name.id.s, vt);
        }
        break;
    }
    case AST_TUPLE:
    case AST_LIST:
        for (int i = 0; i < t->u.list.elts.len; i++) {
            assign_target(c, st, AST_SEQ_GET(t->u.list.elts, i), NULL);
        }
        break;
    case AST_STARRED:
        assign_target(c, st, t->u.starred.value, NULL);
        break;
    case AST_ATTRIBUTE:
        chk_infer(c, t);
        break;
    case AST_SUBSCRIPT: {
        chk_infer(c, t);
        const AstExpr *k = t->u.subscript.slice;
        const AstExpr *d = t->u.subscript.value;
        if (d->kind == AST_NAME && k->kind == AST_CONSTANT && k->u.constant.kind == AST_CONST_STR) {
            ChkType *nt = chk_with_key(c, current_type(c, st, d), k->u.constant.str.s);
            if (nt) {
                chk_state_set_type(c, st, d->u.name.id.s, nt);
            }
        }
        break;
    }
    default:
        break;
    }
}

/* ---- imports ------------------------------------------------------------ */

static void
module_list(Ctx *c, char *buf, size_t n)
{
    buf[0] = 0;
    for (int i = 0; i < c->lib->nmodules; i++) {
        if (strcmp(c->lib->module_names[i], "typing") == 0) {
            continue;
        }
        if (buf[0]) {
            strncat(buf, ", ", n - strlen(buf) - 1);
        }
        strncat(buf, c->lib->module_names[i], n - strlen(buf) - 1);
    }
}

static bool
system_module(const char *name)
{
    static const char *const mods[] = {
        "os", "sys", "subprocess", "socket", "shutil", "pathlib", "io", "requests", "urllib",
        "http", "httpx", "aiohttp", "ctypes", "importlib", "builtins", "inspect", "pickle",
        "threading", "multiprocessing", "signal", "tempfile", "glob", "sqlite3", NULL,
    };
    for (int i = 0; mods[i]; i++) {
        size_t n = strlen(mods[i]);
        if (strncmp(name, mods[i], n) == 0 && (name[n] == 0 || name[n] == '.')) {
            return true;
        }
    }
    return false;
}

static void
report_module(Ctx *c, const AstLoc *loc, const char *name)
{
    char mods[400];
    module_list(c, mods, sizeof mods);
    char hint[600];
    if (system_module(name)) {
        snprintf(hint, sizeof hint, "scripts have no file, network or process access: call "
                 "the host's functions instead (supported modules: %s)", mods);
    } else {
        snprintf(hint, sizeof hint, "supported modules: %s", mods);
    }
    ChkSuggest sg;
    chk_suggest_init(&sg, name);
    sg.budget = &c->suggest_budget;
    for (int i = 0; i < c->lib->nmodules; i++) {
        chk_suggest_offer(&sg, c->lib->module_names[i]);
    }
    const char *best = chk_suggest_best(&sg);
    if (best) {
        chk_report(c, loc, CHK_SEV_ERROR, "unresolved-import", hint,
                   "Cannot resolve imported module `%s`; did you mean `%s`?", name, best);
    } else {
        chk_report(c, loc, CHK_SEV_ERROR, "unresolved-import", hint,
                   "Cannot resolve imported module `%s`: monty does not provide it", name);
    }
}

static void
check_import(Ctx *c, const AstStmt *s, State *st)
{
    for (int i = 0; i < s->u.import.names.len; i++) {
        const AstAlias *al = AST_SEQ_GET(s->u.import.names, i);
        if (!chk_lib_module(c->lib, al->name.s) && !c->import_guard) {
            report_module(c, &al->loc, al->name.s);
        }
        const char *bound = al->asname.s;
        if (!bound) {
            const char *dot = strchr(al->name.s, '.');
            Local *l = NULL;
            if (dot && c->flow_scope >= 0) {
                Scope *sc = c->scopes[c->flow_scope];
                for (int k = 0; k < sc->nlocals && !l; k++) {
                    size_t n = (size_t)(dot - al->name.s);
                    if (strlen(sc->locals[k]->name) == n
                        && strncmp(sc->locals[k]->name, al->name.s, n) == 0) {
                        l = sc->locals[k];
                    }
                }
                if (l) {
                    chk_state_bind(c, st, l->name);
                }
                continue;
            }
            bound = al->name.s;
        }
        chk_state_bind(c, st, bound);
    }
}

static void
check_importfrom(Ctx *c, const AstStmt *s, State *st)
{
    const char *mod = s->u.importfrom.module.s;
    const ChkModule *m = NULL;
    bool future = mod && strcmp(mod, "__future__") == 0;
    if (!future) {
        if (s->u.importfrom.level > 0 || !mod) {
            chk_report(c, &s->loc, CHK_SEV_ERROR, "unresolved-import",
                       "a script is a single file: relative imports have nothing to import",
                       "Relative imports are not supported in monty scripts");
        } else {
            m = chk_lib_module(c->lib, mod);
            if (!m && !c->import_guard) {
                report_module(c, &s->loc, mod);
            }
        }
    }
    for (int i = 0; i < s->u.importfrom.names.len; i++) {
        const AstAlias *al = AST_SEQ_GET(s->u.importfrom.names, i);
        if (m && !m->any_attrs && !c->import_guard && strcmp(al->name.s, "*") != 0
            && !chk_table_get(&m->syms, al->name.s)) {
            ChkSuggest sg;
            chk_suggest_init(&sg, al->name.s);
            sg.budget = &c->suggest_budget;
            for (int k = 0; k < m->syms.len; k++) {
                if (!m->syms.order[k]->is_typevar) {
                    chk_suggest_offer(&sg, m->syms.order[k]->name);
                }
            }
            const char *best = chk_suggest_best(&sg);
            if (best) {
                chk_report(c, &al->loc, CHK_SEV_ERROR, "unresolved-import", NULL,
                           "Module `%s` has no member `%s`; did you mean `%s`?", mod,
                           al->name.s, best);
            } else {
                chk_report(c, &al->loc, CHK_SEV_ERROR, "unresolved-import", NULL,
                           "Module `%s` has no member `%s`", mod, al->name.s);
            }
        }
        if (strcmp(al->name.s, "*") != 0) {
            chk_state_bind(c, st, al->asname.s ? al->asname.s : al->name.s);
        }
    }
}

/* ---- scopes ------------------------------------------------------------- */

static void
walk_scope_body(Ctx *c, int sid, const AstSeq *body, bool params_bound)
{
    State *saved_st = c->st;
    int saved_flow = c->flow_scope;
    int saved_cur = c->cur;
    LoopCtx *saved_loop = c->loop;
    int saved_guard = c->import_guard;
    int saved_kguard = c->keyerror_guard;
    State st;
    Scope *s = c->scopes[sid];
    state_init(c, &st, s->nlocals);
    if (params_bound) {
        for (int i = 0; i < s->nlocals && i < st.nbound; i++) {
            if (s->locals[i]->is_param) {
                st.bound[i] = B_BOUND;
            }
        }
    }
    c->st = &st;
    c->flow_scope = sid;
    c->cur = sid;
    c->loop = NULL;
    c->import_guard = 0;
    c->keyerror_guard = 0;
    walk_block(c, body, &st);
    c->import_guard = saved_guard;
    c->keyerror_guard = saved_kguard;
    c->st = saved_st;
    c->flow_scope = saved_flow;
    c->cur = saved_cur;
    c->loop = saved_loop;
}

static void
infer_args_parts(Ctx *c, const AstArguments *a)
{
    for (int i = 0; i < a->defaults.len; i++) {
        chk_infer(c, AST_SEQ_GET(a->defaults, i));
    }
    for (int i = 0; i < a->kw_defaults.len; i++) {
        const AstExpr *d = AST_SEQ_GET(a->kw_defaults, i);
        if (d) {
            chk_infer(c, d);
        }
    }
    if (c->future_annotations) {
        return;
    }
    const AstSeq *lists[3] = {&a->posonlyargs, &a->args, &a->kwonlyargs};
    for (int k = 0; k < 3; k++) {
        for (int i = 0; i < lists[k]->len; i++) {
            const AstArg *arg = AST_SEQ_GET(*lists[k], i);
            chk_infer(c, arg->annotation);
        }
    }
    if (a->vararg) {
        chk_infer(c, a->vararg->annotation);
    }
    if (a->kwarg) {
        chk_infer(c, a->kwarg->annotation);
    }
}

static void
walk_def(Ctx *c, const AstStmt *s, State *st)
{
    for (int i = 0; i < s->u.funcdef.decorator_list.len; i++) {
        chk_infer(c, AST_SEQ_GET(s->u.funcdef.decorator_list, i));
    }
    infer_args_parts(c, s->u.funcdef.args);
    if (!c->future_annotations) {
        chk_infer(c, s->u.funcdef.returns);
    }
    chk_state_bind(c, st, s->u.funcdef.name.s);
    int sid = chk_scope_find(c, s);
    if (sid >= 0) {
        walk_scope_body(c, sid, &s->u.funcdef.body, true);
    }
}

static void
walk_class(Ctx *c, const AstStmt *s, State *st)
{
    for (int i = 0; i < s->u.classdef.decorator_list.len; i++) {
        chk_infer(c, AST_SEQ_GET(s->u.classdef.decorator_list, i));
    }
    for (int i = 0; i < s->u.classdef.bases.len; i++) {
        chk_infer(c, AST_SEQ_GET(s->u.classdef.bases, i));
    }
    for (int i = 0; i < s->u.classdef.keywords.len; i++) {
        const AstKeyword *k = AST_SEQ_GET(s->u.classdef.keywords, i);
        chk_infer(c, k->value);
    }
    int sid = chk_scope_find(c, s);
    if (sid >= 0) {
        walk_scope_body(c, sid, &s->u.classdef.body, false);
    }
    chk_state_bind(c, st, s->u.classdef.name.s);
}

/* ---- loops -------------------------------------------------------------- */

/* A test that is false whenever the script runs: False, 0, None,
 * TYPE_CHECKING, typing.TYPE_CHECKING. */
static bool
never_true(const AstExpr *e)
{
    if (e->kind == AST_CONSTANT) {
        const AstConst *k = &e->u.constant;
        return k->kind == AST_CONST_FALSE || k->kind == AST_CONST_NONE
               || (k->kind == AST_CONST_INT && !k->is_big && k->i == 0);
    }
    const char *n = e->kind == AST_NAME ? e->u.name.id.s
                    : e->kind == AST_ATTRIBUTE ? e->u.attribute.attr.s : NULL;
    return n && strcmp(n, "TYPE_CHECKING") == 0;
}

static bool
const_true(const AstExpr *e)
{
    if (!e || e->kind != AST_CONSTANT) {
        return false;
    }
    const AstConst *k = &e->u.constant;
    return k->kind == AST_CONST_TRUE || (k->kind == AST_CONST_INT && !k->is_big && k->i != 0);
}

/* A non-empty display, or range() of a positive constant. */
static bool
runs_at_least_once(const AstExpr *it)
{
    if (it->kind == AST_LIST || it->kind == AST_TUPLE) {
        if (it->u.list.elts.len == 0) {
            return false;
        }
        for (int i = 0; i < it->u.list.elts.len; i++) {
            if (((const AstExpr *)AST_SEQ_GET(it->u.list.elts, i))->kind == AST_STARRED) {
                return false;
            }
        }
        return true;
    }
    if (it->kind == AST_CALL && it->u.call.func->kind == AST_NAME
        && strcmp(it->u.call.func->u.name.id.s, "range") == 0 && it->u.call.args.len == 1
        && it->u.call.keywords.len == 0) {
        const AstExpr *n = AST_SEQ_GET(it->u.call.args, 0);
        return n->kind == AST_CONSTANT && n->u.constant.kind == AST_CONST_INT
               && !n->u.constant.is_big && n->u.constant.i > 0;
    }
    return false;
}

static void
walk_loop(Ctx *c, const AstStmt *s, State *st)
{
    bool is_for = s->kind == AST_FOR || s->kind == AST_ASYNCFOR;
    if (is_for) {
        ChkType *it = chk_infer(c, s->u.for_.iter);
        chk_check_iterable(c, s->u.for_.iter, it);
    }
    State head;
    state_copy(c, &head, st);
    state_reset(&head);
    if (!is_for) {
        State saved;
        state_copy(c, &saved, st);
        *st = head;
        chk_check_coroutine_value(c, s->u.while_.test, chk_infer(c, s->u.while_.test),
                                  "a condition (it is always true)");
        *st = saved;
    }
    LoopCtx loop = {.has_break = false, .outer = c->loop};
    loop.brk.dead = true;
    State body;
    state_copy(c, &body, &head);
    if (is_for) {
        assign_target(c, &body, s->u.for_.target, NULL);
    } else {
        narrow_cond(c, s->u.while_.test, &body, true);
    }
    c->loop = &loop;
    c->st = &body;
    walk_block(c, is_for ? &s->u.for_.body : &s->u.while_.body, &body);
    c->loop = loop.outer;
    /* normal exit: the condition was false at some head */
    State exit;
    bool infinite = !is_for && const_true(s->u.while_.test);
    if (infinite) {
        exit.dead = true;
        exit.nbound = 0;
        exit.nnarrow = 0;
    } else if (is_for && runs_at_least_once(s->u.for_.iter) && !body.dead) {
        /* `for x in [1, 2]` / `for i in range(3)`: the body ran, x is bound.
         * Narrowings are dropped: a `continue` may have skipped the end. */
        state_copy(c, &exit, &body);
        exit.nnarrow = 0;
    } else {
        state_copy(c, &exit, &head);
        state_join(c, &exit, &body);
        /* a state that is maybe-bound at the head stays so */
        if (!is_for) {
            narrow_cond(c, s->u.while_.test, &exit, false);
        }
    }
    c->st = &exit;
    if (!exit.dead) {
        walk_block(c, is_for ? &s->u.for_.orelse : &s->u.while_.orelse, &exit);
    }
    if (loop.has_break) {
        state_join(c, &exit, &loop.brk);
    }
    *st = exit;
    c->st = st;
}

/* ---- try ---------------------------------------------------------------- */

static bool
catches_name(const AstExpr *e, const char *const *names)
{
    const char *n = e->kind == AST_NAME ? e->u.name.id.s : NULL;
    for (int i = 0; n && names[i]; i++) {
        if (strcmp(n, names[i]) == 0) {
            return true;
        }
    }
    return false;
}

/* True if some handler of the try catches one of `names` (or everything). */
static bool
catches(const AstStmt *s, const char *const *names)
{
    for (int i = 0; i < s->u.try_.handlers.len; i++) {
        const AstExceptHandler *h = AST_SEQ_GET(s->u.try_.handlers, i);
        if (!h->type || catches_name(h->type, names)) {
            return true;
        }
        if (h->type->kind == AST_TUPLE) {
            for (int k = 0; k < h->type->u.list.elts.len; k++) {
                if (catches_name(AST_SEQ_GET(h->type->u.list.elts, k), names)) {
                    return true;
                }
            }
        }
    }
    return false;
}

/* `try: import numpy` / `except ImportError: numpy = None` is a valid script. */
static bool
catches_import_error(const AstStmt *s)
{
    static const char *const names[] = {
        "ImportError", "ModuleNotFoundError", "Exception", "BaseException", NULL,
    };
    return catches(s, names);
}

/* `try: w["humidity"]` / `except KeyError:` handles a missing key. */
static bool
catches_key_error(const AstStmt *s)
{
    static const char *const names[] = {
        "KeyError", "LookupError", "Exception", "BaseException", NULL,
    };
    return catches(s, names);
}

static void
walk_try(Ctx *c, const AstStmt *s, State *st)
{
    State entry;
    state_copy(c, &entry, st);
    int guard = catches_import_error(s);
    int kguard = catches_key_error(s);
    c->import_guard += guard;
    c->keyerror_guard += kguard;
    walk_block(c, &s->u.try_.body, st);
    c->import_guard -= guard;
    c->keyerror_guard -= kguard;
    State body_end;
    state_copy(c, &body_end, st);
    /* handlers: the exception may come from anywhere in the body */
    State h_entry;
    state_copy(c, &h_entry, &entry);
    state_join(c, &h_entry, &body_end);
    state_reset(&h_entry);
    State out;
    state_copy(c, &out, &body_end);
    c->st = &out;
    walk_block(c, &s->u.try_.orelse, &out);
    for (int i = 0; i < s->u.try_.handlers.len; i++) {
        const AstExceptHandler *h = AST_SEQ_GET(s->u.try_.handlers, i);
        State hs;
        state_copy(c, &hs, &h_entry);
        c->st = &hs;
        chk_infer(c, h->type);
        if (h->name.s) {
            chk_state_bind(c, &hs, h->name.s);
        }
        walk_block(c, &h->body, &hs);
        if (h->name.s) {
            /* Python deletes the name at the end of the handler */
            Local *l = flow_local(c, h->name.s);
            if (l && l->index < hs.nbound && !hs.dead) {
                hs.bound[l->index] = B_UNBOUND;
            }
        }
        state_join(c, &out, &hs);
    }
    if (s->u.try_.finalbody.len > 0) {
        /* reporting pass: any point of the try may lead here */
        State fin;
        state_copy(c, &fin, &out);
        state_join(c, &fin, &h_entry);
        if (fin.dead) {
            state_copy(c, &fin, &h_entry);
        }
        c->st = &fin;
        walk_block(c, &s->u.try_.finalbody, &fin);
        /* the state after the statement: the normal path through finally */
        if (!out.dead) {
            State norm;
            state_copy(c, &norm, &out);
            c->st = &norm;
            c->quiet++;
            walk_block(c, &s->u.try_.finalbody, &norm);
            c->quiet--;
            out = norm;
        } else if (fin.dead) {
            out.dead = true;
        }
    }
    *st = out;
    c->st = st;
}

/* ---- match -------------------------------------------------------------- */

static void
bind_pattern(Ctx *c, State *st, const AstPattern *p)
{
    if (!p) {
        return;
    }
    switch (p->kind) {
    case AST_MATCHVALUE:
        chk_infer(c, p->u.value.value);
        break;
    case AST_MATCHSEQUENCE:
        for (int i = 0; i < p->u.sequence.patterns.len; i++) {
            bind_pattern(c, st, AST_SEQ_GET(p->u.sequence.patterns, i));
        }
        break;
    case AST_MATCHMAPPING:
        for (int i = 0; i < p->u.mapping.keys.len; i++) {
            chk_infer(c, AST_SEQ_GET(p->u.mapping.keys, i));
        }
        for (int i = 0; i < p->u.mapping.patterns.len; i++) {
            bind_pattern(c, st, AST_SEQ_GET(p->u.mapping.patterns, i));
        }
        if (p->u.mapping.rest.s) {
            chk_state_bind(c, st, p->u.mapping.rest.s);
        }
        break;
    case AST_MATCHCLASS:
        chk_infer(c, p->u.cls.cls);
        for (int i = 0; i < p->u.cls.patterns.len; i++) {
            bind_pattern(c, st, AST_SEQ_GET(p->u.cls.patterns, i));
        }
        for (int i = 0; i < p->u.cls.kwd_patterns.len; i++) {
            bind_pattern(c, st, AST_SEQ_GET(p->u.cls.kwd_patterns, i));
        }
        break;
    case AST_MATCHSTAR:
        if (p->u.star.name.s) {
            chk_state_bind(c, st, p->u.star.name.s);
        }
        break;
    case AST_MATCHAS:
        bind_pattern(c, st, p->u.as.pattern);
        if (p->u.as.name.s) {
            chk_state_bind(c, st, p->u.as.name.s);
        }
        break;
    case AST_MATCHOR:
        for (int i = 0; i < p->u.or_.patterns.len; i++) {
            bind_pattern(c, st, AST_SEQ_GET(p->u.or_.patterns, i));
        }
        break;
    default:
        break;
    }
}

static void
walk_match(Ctx *c, const AstStmt *s, State *st)
{
    chk_infer(c, s->u.match.subject);
    State out;
    out.dead = true;
    out.nbound = 0;
    out.nnarrow = 0;
    bool irrefutable = false;
    for (int i = 0; i < s->u.match.cases.len; i++) {
        const AstMatchCase *mc = AST_SEQ_GET(s->u.match.cases, i);
        State cs;
        state_copy(c, &cs, st);
        c->st = &cs;
        bind_pattern(c, &cs, mc->pattern);
        chk_infer(c, mc->guard);
        walk_block(c, &mc->body, &cs);
        state_join(c, &out, &cs);
        if (!mc->guard && mc->pattern && mc->pattern->kind == AST_MATCHAS
            && !mc->pattern->u.as.pattern) {
            irrefutable = true;
        }
    }
    if (!irrefutable) {
        state_join(c, &out, st);
    }
    *st = out;
    c->st = st;
}

/* ---- statements --------------------------------------------------------- */

static void
check_expr_stmt(Ctx *c, const AstStmt *s)
{
    const AstExpr *v = s->u.expr.value;
    ChkType *t = chk_infer(c, v);
    if (t && t->kind == CHK_T_COROUTINE && v->kind == AST_CALL) {
        const AstExpr *f = v->u.call.func;
        const char *name = f->kind == AST_NAME ? f->u.name.id.s
                           : f->kind == AST_ATTRIBUTE ? f->u.attribute.attr.s : "...";
        char hint[300];
        snprintf(hint, sizeof hint, "write `await %s(...)` to run it and get its result", name);
        chk_report(c, &v->loc, CHK_SEV_ERROR, "unused-awaitable", hint,
                   "The coroutine returned by `%s(...)` is never awaited, so the call never "
                   "happens", name);
    }
}

static void
walk_stmt(Ctx *c, const AstStmt *s, State *st)
{
    c->st = st;
    switch (s->kind) {
    case AST_EXPR:
        check_expr_stmt(c, s);
        if (s->u.expr.value->kind == AST_CALL && !st->dead) {
            const AstExpr *f = s->u.expr.value->u.call.func;
            if (call_never_returns(c, s->u.expr.value)) {
                st->dead = true;
                break;
            }
            if (f->kind == AST_ATTRIBUTE && strcmp(f->u.attribute.attr.s, "setdefault") == 0) {
                narrow_key_get(c, s->u.expr.value, st);
            }
        }
        break;
    case AST_ASSIGN: {
        ChkType *vt = chk_infer(c, s->u.assign.value);
        for (int i = 0; i < s->u.assign.targets.len; i++) {
            const AstExpr *t = AST_SEQ_GET(s->u.assign.targets, i);
            assign_target(c, st, t, chk_fresh_widen(c, t, s->u.assign.value, vt));
        }
        break;
    }
    case AST_ANNASSIGN: {
        const AstExpr *t = s->u.annassign.target;
        Scope *sc = c->scopes[c->cur];
        if (!c->future_annotations && sc->kind != SC_FUNC) {
            chk_infer(c, s->u.annassign.annotation);
        }
        if (s->u.annassign.value) {
            ChkType *vt = chk_infer(c, s->u.annassign.value);
            ChkType *decl = chk_annot_type(&c->resolver, s->u.annassign.annotation, NULL);
            if (!chk_assignable(c, vt, decl, NULL)) {
                char a[200] = "";
                char d[200] = "";
                chk_type_str(vt, a, sizeof a);
                chk_type_str(decl, d, sizeof d);
                chk_report(c, &s->u.annassign.value->loc, CHK_SEV_ERROR, "invalid-assignment",
                           NULL, "Object of type `%s` is not assignable to `%s`", a, d);
            } else if (t->kind == AST_NAME) {
                chk_check_typeddict_assign(c, s->u.annassign.value, decl, t->u.name.id.s);
            }
            assign_target(c, st, t, NULL);
        } else if (t->kind != AST_NAME) {
            chk_infer(c, t);
        }
        break;
    }
    case AST_AUGASSIGN: {
        const AstExpr *t = s->u.augassign.target;
        if (t->kind == AST_NAME) {
            AstExpr tmp;
            memset(&tmp, 0, sizeof tmp);
            tmp.kind = AST_BINOP;
            tmp.loc = s->loc;
            AstExpr load = *t;
            load.u.name.ctx = AST_LOAD;
            tmp.u.binop.left = &load;
            tmp.u.binop.op = s->u.augassign.op;
            tmp.u.binop.right = s->u.augassign.value;
            c->quiet++;
            ChkType *lt = chk_infer(c, &load);
            c->quiet--;
            ChkType *r;
            if (chk_inplace_accepts_any(c, lt, s->u.augassign.op)) {
                chk_infer(c, &load);
                chk_infer(c, s->u.augassign.value);
                r = lt;
            } else {
                r = chk_infer(c, &tmp);
            }
            assign_target(c, st, t, r);
        } else {
            AstExpr load = *t;
            if (load.kind == AST_SUBSCRIPT) {
                load.u.subscript.ctx = AST_LOAD;
            } else if (load.kind == AST_ATTRIBUTE) {
                load.u.attribute.ctx = AST_LOAD;
            }
            chk_infer(c, &load);
            chk_infer(c, s->u.augassign.value);
        }
        break;
    }
    case AST_FOR:
    case AST_ASYNCFOR:
    case AST_WHILE:
        walk_loop(c, s, st);
        break;
    case AST_IF: {
        chk_check_coroutine_value(c, s->u.if_.test, chk_infer(c, s->u.if_.test),
                                  "a condition (it is always true)");
        State other;
        state_copy(c, &other, st);
        narrow_cond(c, s->u.if_.test, st, true);
        narrow_cond(c, s->u.if_.test, &other, false);
        /* `if False:` / `if TYPE_CHECKING:` never run: nothing there is reported */
        int never = never_true(s->u.if_.test);
        c->quiet += never;
        walk_block(c, &s->u.if_.body, st);
        c->quiet -= never;
        c->st = &other;
        walk_block(c, &s->u.if_.orelse, &other);
        state_join(c, st, &other);
        c->st = st;
        break;
    }
    case AST_WITH:
    case AST_ASYNCWITH:
        for (int i = 0; i < s->u.with.items.len; i++) {
            const AstWithItem *w = AST_SEQ_GET(s->u.with.items, i);
            chk_infer(c, w->context_expr);
            if (w->optional_vars) {
                assign_target(c, st, w->optional_vars, NULL);
            }
        }
        walk_block(c, &s->u.with.body, st);
        break;
    case AST_TRY:
    case AST_TRYSTAR:
        walk_try(c, s, st);
        break;
    case AST_RAISE:
        chk_infer(c, s->u.raise.exc);
        chk_infer(c, s->u.raise.cause);
        st->dead = true;
        break;
    case AST_RETURN:
        chk_infer(c, s->u.return_.value);
        st->dead = true;
        break;
    case AST_BREAK:
        if (c->loop) {
            state_join(c, &c->loop->brk, st);
            c->loop->has_break = true;
        }
        st->dead = true;
        break;
    case AST_CONTINUE:
        st->dead = true;
        break;
    case AST_DELETE:
        for (int i = 0; i < s->u.delete_.targets.len; i++) {
            const AstExpr *t = AST_SEQ_GET(s->u.delete_.targets, i);
            if (t->kind == AST_NAME) {
                AstExpr load = *t;
                load.u.name.ctx = AST_LOAD;
                chk_infer(c, &load);
                Local *l = flow_local(c, t->u.name.id.s);
                if (l && l->index < st->nbound) {
                    st->bound[l->index] = B_UNBOUND;
                }
                narrow_drop(st, t->u.name.id.s);
            } else {
                AstExpr load = *t;
                if (load.kind == AST_SUBSCRIPT) {
                    load.u.subscript.ctx = AST_LOAD;
                    chk_infer(c, load.u.subscript.value);
                    chk_infer(c, load.u.subscript.slice);
                } else {
                    chk_infer(c, t);
                }
            }
        }
        break;
    case AST_ASSERT:
        chk_check_coroutine_value(c, s->u.assert_.test, chk_infer(c, s->u.assert_.test),
                                  "a condition (it is always true)");
        chk_infer(c, s->u.assert_.msg);
        if (s->u.assert_.test->kind == AST_CONSTANT
            && s->u.assert_.test->u.constant.kind == AST_CONST_FALSE) {
            st->dead = true;
        } else {
            narrow_cond(c, s->u.assert_.test, st, true);
        }
        break;
    case AST_IMPORT:
        check_import(c, s, st);
        break;
    case AST_IMPORTFROM:
        check_importfrom(c, s, st);
        break;
    case AST_FUNCTIONDEF:
    case AST_ASYNCFUNCTIONDEF:
        walk_def(c, s, st);
        break;
    case AST_CLASSDEF:
        walk_class(c, s, st);
        break;
    case AST_MATCH:
        walk_match(c, s, st);
        break;
    case AST_TYPEALIAS:
        if (s->u.typealias.name->kind == AST_NAME) {
            chk_state_bind(c, st, s->u.typealias.name->u.name.id.s);
        }
        break;
    default:
        break;
    }
    c->st = st;
}

static void
walk_block(Ctx *c, const AstSeq *body, State *st)
{
    for (int i = 0; i < body->len; i++) {
        if (st->dead) {
            return;     /* unreachable code is not checked */
        }
        const AstStmt *s = AST_SEQ_GET(*body, i);
        const char *unsupported = chk_lint_unsupported_stmt(s);
        if (unsupported) {
            chk_report(c, &s->loc, CHK_SEV_ERROR, "unsupported-syntax", NULL,
                       "%s is not supported by monty", unsupported);
        }
        walk_stmt(c, s, st);
    }
}

/* chk_flow_module: walks the module body (and, through defs, every scope). */
void
chk_flow_module(Ctx *c, const AstModule *mod)
{
    walk_scope_body(c, 0, &mod->body, false);
}
