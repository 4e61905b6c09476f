/*
 * stmt.c — statement builders called by the grammar's actions. Each
 * statement's depth is one more than its deepest child (expression or
 * nested statement), checked against PARSE_MAX_DEPTH by parse_sdone.
 */
#include <string.h>

#include "grammar/parse_int.h"
#include "grammar/python.h"

int parse_expr_height_of_args(const AstArguments *a);

static AstStmt *
new_stmt(ParseCtx *ctx, AstStmtKind kind, AstLoc loc)
{
    if (ctx->failed) {
        return NULL;
    }
    AstStmt *s = ast_stmt_new(ctx->arena, kind, loc);
    if (s == NULL) {
        return parse_oom(ctx);
    }
    return s;
}

/* Raises s->depth to cover a child of height d. */
static void
cover(AstStmt *s, int d)
{
    if (d + 1 > s->depth) {
        s->depth = d + 1;
    }
}

static void
cover_e(AstStmt *s, const AstExpr *e)
{
    if (e != NULL) {
        cover(s, e->depth);
    }
}

static void
cover_es(AstStmt *s, AstSeq seq)
{
    for (int i = 0; i < seq.len; i++) {
        cover_e(s, seq.items[i]);
    }
}

static void
cover_body(AstStmt *s, AstSeq seq)
{
    for (int i = 0; i < seq.len; i++) {
        AstStmt *c = seq.items[i];
        if (c != NULL) {
            cover(s, c->depth);
        }
    }
}

/* End of a statement list (the location of its last statement). */
static AstLoc
end_of(AstSeq body)
{
    AstLoc l = {0, 0, 0, 0};
    if (body.len > 0 && body.items[body.len - 1] != NULL) {
        l = ((AstStmt *)body.items[body.len - 1])->loc;
    }
    return l;
}

static bool
body_ok(AstSeq body)
{
    for (int i = 0; i < body.len; i++) {
        if (body.items[i] == NULL) {
            return false;
        }
    }
    return true;
}

AstStmt *
parse_simple(ParseCtx *ctx, AstStmtKind kind, const LexToken *t)
{
    return parse_sdone(ctx, new_stmt(ctx, kind, parse_loc_tok(t)));
}

AstStmt *
parse_expr_stmt(ParseCtx *ctx, AstExpr *e)
{
    if (e == NULL) {
        return NULL;
    }
    AstStmt *s = new_stmt(ctx, AST_EXPR, XLOC(e));
    if (s == NULL) {
        return NULL;
    }
    s->u.expr.value = e;
    cover_e(s, e);
    return parse_sdone(ctx, s);
}

AstStmt *
parse_assign(ParseCtx *ctx, PList *chain)
{
    if (chain == NULL || ctx->failed) {
        return NULL;
    }
    int n = chain->items.len;
    for (int i = 0; i < n; i++) {
        if (chain->items.items[i] == NULL) {
            return NULL;
        }
    }
    AstExpr *value = chain->items.items[n - 1];
    AstExpr *first = chain->items.items[0];
    AstStmt *s = new_stmt(ctx, AST_ASSIGN, parse_loc_span(XLOC(first), XLOC(value)));
    if (s == NULL) {
        return NULL;
    }
    for (int i = 0; i < n - 1; i++) {
        AstExpr *t = chain->items.items[i];
        /* CPython suggests '==' only for `target = value` alone */
        if (!parse_set_ctx(ctx, t, n == 2 ? PT_ASSIGN_LAST : PT_ASSIGN)) {
            return NULL;
        }
        if (!ast_seq_push(ctx->arena, &s->u.assign.targets, t)) {
            return parse_oom(ctx);
        }
        cover_e(s, t);
    }
    s->u.assign.value = value;
    cover_e(s, value);
    return parse_sdone(ctx, s);
}

static AstOperator
aug_op(const LexToken *t)
{
    switch (t->start[0]) {
    case '+': return AST_ADD;
    case '-': return AST_SUB;
    case '@': return AST_MATMULT;
    case '%': return AST_MOD;
    case '&': return AST_BITAND;
    case '|': return AST_BITOR;
    case '^': return AST_BITXOR;
    case '<': return AST_LSHIFT;
    case '>': return AST_RSHIFT;
    case '*': return t->start[1] == '*' ? AST_POW : AST_MULT;
    case '/': return t->start[1] == '/' ? AST_FLOORDIV : AST_DIV;
    default: return AST_ADD;
    }
}

AstStmt *
parse_augassign(ParseCtx *ctx, AstExpr *target, const LexToken *op, AstExpr *value)
{
    if (target == NULL || value == NULL) {
        return NULL;
    }
    if (!parse_set_ctx(ctx, target, PT_AUG)) {
        return NULL;
    }
    AstStmt *s = new_stmt(ctx, AST_AUGASSIGN, parse_loc_span(XLOC(target), XLOC(value)));
    if (s == NULL) {
        return NULL;
    }
    s->u.augassign.target = target;
    s->u.augassign.op = aug_op(op);
    s->u.augassign.value = value;
    cover_e(s, target);
    cover_e(s, value);
    return parse_sdone(ctx, s);
}

AstStmt *
parse_annassign(ParseCtx *ctx, AstExpr *target, AstExpr *ann, AstExpr *value)
{
    if (target == NULL || ann == NULL || ctx->failed) {
        return NULL;
    }
    if (target->kind == AST_TUPLE || target->kind == AST_LIST) {
        return parse_fail(ctx, "SyntaxError", target->loc,
                          "only single target (not %s) can be annotated",
                          target->kind == AST_TUPLE ? "tuple" : "list");
    }
    if (target->kind != AST_NAME && target->kind != AST_ATTRIBUTE &&
        target->kind != AST_SUBSCRIPT) {
        return parse_fail(ctx, "SyntaxError", target->loc,
                          "illegal target for annotation");
    }
    if (!parse_set_ctx(ctx, target, PT_PLAIN)) {
        return NULL;
    }
    AstLoc end = value ? XLOC(value) : XLOC(ann);
    AstStmt *s = new_stmt(ctx, AST_ANNASSIGN, parse_loc_span(XLOC(target), end));
    if (s == NULL) {
        return NULL;
    }
    s->u.annassign.target = target;
    s->u.annassign.annotation = ann;
    s->u.annassign.value = value;
    s->u.annassign.simple = target->kind == AST_NAME && !target->parenthesized;
    cover_e(s, target);
    cover_e(s, ann);
    cover_e(s, value);
    return parse_sdone(ctx, s);
}

PIfChain *
parse_if_chain(ParseCtx *ctx, PIfChain *c, const LexToken *t, AstExpr *test, AstSeq body)
{
    if (ctx->failed || test == NULL || !body_ok(body)) {
        return NULL;
    }
    if (c == NULL) {
        c = parse_alloc(ctx, sizeof(*c));
        if (c == NULL) {
            return NULL;
        }
    }
    AstSeq *b = parse_alloc(ctx, sizeof(*b));
    if (b == NULL) {
        return NULL;
    }
    *b = body;
    if (!ast_seq_push(ctx->arena, &c->tests, test) || !ast_seq_push(ctx->arena, &c->bodies, b) ||
        !ast_seq_push(ctx->arena, &c->starts, (void *)t)) {
        return parse_oom(ctx);
    }
    return c;
}

AstStmt *
parse_if(ParseCtx *ctx, PIfChain *c, AstSeq orelse)
{
    if (c == NULL || ctx->failed || !body_ok(orelse)) {
        return NULL;
    }
    /* build from the last elif outwards: each becomes the orelse of the
     * previous one, as CPython nests them */
    AstSeq tail = orelse;
    AstStmt *s = NULL;
    for (int i = c->tests.len - 1; i >= 0; i--) {
        AstSeq *body = c->bodies.items[i];
        const LexToken *t = c->starts.items[i];
        AstLoc end = tail.len ? end_of(tail) : end_of(*body);
        s = new_stmt(ctx, AST_IF, parse_loc_span(parse_loc_tok(t), end));
        if (s == NULL) {
            return NULL;
        }
        s->u.if_.test = c->tests.items[i];
        s->u.if_.body = *body;
        s->u.if_.orelse = tail;
        cover_e(s, s->u.if_.test);
        cover_body(s, *body);
        cover_body(s, tail);
        if (parse_sdone(ctx, s) == NULL) {
            return NULL;
        }
        memset(&tail, 0, sizeof(tail));
        if (!ast_seq_push(ctx->arena, &tail, s)) {
            return parse_oom(ctx);
        }
    }
    return s;
}

AstStmt *
parse_for(ParseCtx *ctx, const LexToken *t, PList *target, AstExpr *iter, AstSeq body,
          AstSeq orelse)
{
    if (target == NULL || iter == NULL || !body_ok(body) || !body_ok(orelse)) {
        return NULL;
    }
    AstExpr *tg = parse_tuple_or_expr(ctx, target, false);
    if (tg == NULL || !parse_set_ctx(ctx, tg, PT_PLAIN)) {
        return NULL;
    }
    AstStmt *s = new_stmt(ctx, AST_FOR,
                          parse_loc_span(parse_loc_tok(t), end_of(orelse.len ? orelse : body)));
    if (s == NULL) {
        return NULL;
    }
    s->u.for_.target = tg;
    s->u.for_.iter = iter;
    s->u.for_.body = body;
    s->u.for_.orelse = orelse;
    cover_e(s, tg);
    cover_e(s, iter);
    cover_body(s, body);
    cover_body(s, orelse);
    return parse_sdone(ctx, s);
}

AstStmt *
parse_while(ParseCtx *ctx, const LexToken *t, AstExpr *test, AstSeq body, AstSeq orelse)
{
    if (test == NULL || !body_ok(body) || !body_ok(orelse)) {
        return NULL;
    }
    AstStmt *s = new_stmt(ctx, AST_WHILE,
                          parse_loc_span(parse_loc_tok(t), end_of(orelse.len ? orelse : body)));
    if (s == NULL) {
        return NULL;
    }
    s->u.while_.test = test;
    s->u.while_.body = body;
    s->u.while_.orelse = orelse;
    cover_e(s, test);
    cover_body(s, body);
    cover_body(s, orelse);
    return parse_sdone(ctx, s);
}

static void
cover_tparams(AstStmt *s, AstSeq tp)
{
    for (int i = 0; i < tp.len; i++) {
        AstTypeParam *p = tp.items[i];
        cover_e(s, p->bound);
        cover_e(s, p->default_value);
    }
}

AstStmt *
parse_funcdef(ParseCtx *ctx, const LexToken *t, const LexToken *name, AstSeq tparams,
              PList *params, AstExpr *returns, AstSeq body)
{
    if (ctx->failed || !body_ok(body) || !body_ok(tparams)) {
        return NULL;
    }
    AstArguments *args = parse_arguments(ctx, params, false);
    if (args == NULL) {
        return NULL;
    }
    AstStmt *s = new_stmt(ctx, AST_FUNCTIONDEF, parse_loc_span(parse_loc_tok(t), end_of(body)));
    if (s == NULL) {
        return NULL;
    }
    s->u.funcdef.name = parse_ident(ctx, name);
    s->u.funcdef.args = args;
    s->u.funcdef.body = body;
    s->u.funcdef.returns = returns;
    s->u.funcdef.type_params = tparams;
    cover(s, parse_expr_height_of_args(args));
    cover_e(s, returns);
    cover_body(s, body);
    cover_tparams(s, tparams);
    return parse_sdone(ctx, s);
}

AstStmt *
parse_classdef(ParseCtx *ctx, const LexToken *t, const LexToken *name, AstSeq tparams,
               PList *args, AstSeq body)
{
    if (ctx->failed || !body_ok(body) || !body_ok(tparams)) {
        return NULL;
    }
    AstStmt *s = new_stmt(ctx, AST_CLASSDEF, parse_loc_span(parse_loc_tok(t), end_of(body)));
    if (s == NULL) {
        return NULL;
    }
    s->u.classdef.name = parse_ident(ctx, name);
    s->u.classdef.body = body;
    s->u.classdef.type_params = tparams;
    if (args != NULL) {
        /* reuse the call builder for the ordering rules and messages */
        AstExpr *call = parse_call(ctx, parse_name(ctx, name), args, NULL);
        if (call == NULL) {
            return NULL;
        }
        s->u.classdef.bases = call->u.call.args;
        s->u.classdef.keywords = call->u.call.keywords;
        cover(s, call->depth - 1);
    }
    cover_body(s, body);
    cover_tparams(s, tparams);
    return parse_sdone(ctx, s);
}

AstStmt *
parse_decorated(ParseCtx *ctx, AstSeq decorators, AstStmt *s)
{
    if (s == NULL || ctx->failed || !body_ok(decorators)) {
        return NULL;
    }
    if (s->kind == AST_CLASSDEF) {
        s->u.classdef.decorator_list = decorators;
    } else {
        s->u.funcdef.decorator_list = decorators;
    }
    cover_es(s, decorators);
    return parse_sdone(ctx, s);
}

AstStmt *
parse_async(ParseCtx *ctx, const LexToken *t, AstStmt *s)
{
    if (s == NULL) {
        return NULL;
    }
    switch (s->kind) {
    case AST_FUNCTIONDEF: s->kind = AST_ASYNCFUNCTIONDEF; break;
    case AST_FOR: s->kind = AST_ASYNCFOR; break;
    case AST_WITH: s->kind = AST_ASYNCWITH; break;
    default: break;
    }
    s->loc.lineno = t->lineno;
    s->loc.col_offset = t->col;
    return s;
}

AstStmt *
parse_return(ParseCtx *ctx, const LexToken *t, AstExpr *value)
{
    AstLoc loc = parse_loc_tok(t);
    if (value != NULL) {
        loc = parse_loc_span(loc, XLOC(value));
    }
    AstStmt *s = new_stmt(ctx, AST_RETURN, loc);
    if (s == NULL) {
        return NULL;
    }
    s->u.return_.value = value;
    cover_e(s, value);
    return parse_sdone(ctx, s);
}

AstStmt *
parse_delete(ParseCtx *ctx, const LexToken *t, PList *targets)
{
    if (targets == NULL || ctx->failed) {
        return NULL;
    }
    AstStmt *s = new_stmt(ctx, AST_DELETE, parse_loc_span(parse_loc_tok(t), targets->loc));
    if (s == NULL) {
        return NULL;
    }
    for (int i = 0; i < targets->items.len; i++) {
        AstExpr *e = targets->items.items[i];
        if (!parse_set_ctx(ctx, e, PT_DEL)) {
            return NULL;
        }
        cover_e(s, e);
    }
    s->u.delete_.targets = targets->items;
    return parse_sdone(ctx, s);
}

AstStmt *
parse_raise(ParseCtx *ctx, const LexToken *t, AstExpr *exc, AstExpr *cause)
{
    AstLoc loc = parse_loc_tok(t);
    if (cause != NULL) {
        loc = parse_loc_span(loc, XLOC(cause));
    } else if (exc != NULL) {
        loc = parse_loc_span(loc, XLOC(exc));
    }
    AstStmt *s = new_stmt(ctx, AST_RAISE, loc);
    if (s == NULL) {
        return NULL;
    }
    s->u.raise.exc = exc;
    s->u.raise.cause = cause;
    cover_e(s, exc);
    cover_e(s, cause);
    return parse_sdone(ctx, s);
}

AstStmt *
parse_assert(ParseCtx *ctx, const LexToken *t, AstExpr *test, AstExpr *msg)
{
    if (test == NULL) {
        return NULL;
    }
    AstStmt *s = new_stmt(ctx, AST_ASSERT,
                          parse_loc_span(parse_loc_tok(t), msg ? XLOC(msg) : XLOC(test)));
    if (s == NULL) {
        return NULL;
    }
    s->u.assert_.test = test;
    s->u.assert_.msg = msg;
    cover_e(s, test);
    cover_e(s, msg);
    return parse_sdone(ctx, s);
}

AstStmt *
parse_global(ParseCtx *ctx, AstStmtKind kind, const LexToken *t, PList *names)
{
    if (names == NULL || ctx->failed) {
        return NULL;
    }
    AstStmt *s = new_stmt(ctx, kind, parse_loc_span(parse_loc_tok(t), names->loc));
    if (s == NULL) {
        return NULL;
    }
    for (int i = 0; i < names->items.len; i++) {
        AstStr *id = parse_alloc(ctx, sizeof(*id));
        if (id == NULL) {
            return NULL;
        }
        *id = parse_ident(ctx, names->items.items[i]);
        if (!ast_seq_push(ctx->arena, &s->u.global.names, id)) {
            return parse_oom(ctx);
        }
    }
    return parse_sdone(ctx, s);
}

AstAlias *
parse_dotted(ParseCtx *ctx, AstAlias *prefix, const LexToken *name)
{
    if (ctx->failed) {
        return NULL;
    }
    AstAlias *a = parse_alloc(ctx, sizeof(*a));
    if (a == NULL) {
        return NULL;
    }
    AstStr id = parse_ident(ctx, name);
    if (id.s == NULL) {
        return NULL;
    }
    if (prefix == NULL) {
        a->name = id;
        a->loc = parse_loc_tok(name);
        return a;
    }
    size_t n = prefix->name.len + 1 + id.len;
    char *s = parse_alloc(ctx, n + 1);
    if (s == NULL) {
        return NULL;
    }
    memcpy(s, prefix->name.s, prefix->name.len);
    s[prefix->name.len] = '.';
    memcpy(s + prefix->name.len + 1, id.s, id.len);
    s[n] = '\0';
    a->name.s = s;
    a->name.len = n;
    a->loc = parse_loc_span(prefix->loc, parse_loc_tok(name));
    return a;
}

AstAlias *
parse_alias(ParseCtx *ctx, AstAlias *dotted, const LexToken *asname)
{
    if (dotted == NULL || ctx->failed) {
        return NULL;
    }
    dotted->asname = parse_ident(ctx, asname);
    dotted->loc = parse_loc_span(dotted->loc, parse_loc_tok(asname));
    return dotted;
}

AstStmt *
parse_import(ParseCtx *ctx, const LexToken *t, PList *aliases)
{
    if (aliases == NULL || ctx->failed) {
        return NULL;
    }
    AstStmt *s = new_stmt(ctx, AST_IMPORT, parse_loc_span(parse_loc_tok(t), aliases->loc));
    if (s == NULL) {
        return NULL;
    }
    s->u.import.names = aliases->items;
    return parse_sdone(ctx, s);
}

AstStmt *
parse_importfrom(ParseCtx *ctx, const LexToken *t, int level, AstAlias *mod, PList *aliases,
                 const LexToken *end)
{
    if (aliases == NULL || ctx->failed) {
        return NULL;
    }
    (void)end;
    AstStmt *s = new_stmt(ctx, AST_IMPORTFROM, parse_loc_span(parse_loc_tok(t), aliases->loc));
    if (s == NULL) {
        return NULL;
    }
    if (mod != NULL) {
        s->u.importfrom.module = mod->name;
    }
    s->u.importfrom.names = aliases->items;
    s->u.importfrom.level = level;
    return parse_sdone(ctx, s);
}

AstWithItem *
parse_withitem(ParseCtx *ctx, AstExpr *e, AstExpr *target)
{
    if (e == NULL || ctx->failed) {
        return NULL;
    }
    if (target != NULL && !parse_set_ctx(ctx, target, PT_PLAIN)) {
        return NULL;
    }
    AstWithItem *w = parse_alloc(ctx, sizeof(*w));
    if (w == NULL) {
        return NULL;
    }
    w->context_expr = e;
    w->optional_vars = target;
    return w;
}

AstStmt *
parse_with(ParseCtx *ctx, const LexToken *t, PList *items, AstSeq body)
{
    if (items == NULL || ctx->failed || !body_ok(body)) {
        return NULL;
    }
    AstStmt *s = new_stmt(ctx, AST_WITH, parse_loc_span(parse_loc_tok(t), end_of(body)));
    if (s == NULL) {
        return NULL;
    }
    for (int i = 0; i < items->items.len; i++) {
        AstWithItem *w = items->items.items[i];
        if (w == NULL) {
            return NULL;
        }
        cover_e(s, w->context_expr);
        cover_e(s, w->optional_vars);
    }
    s->u.with.items = items->items;
    s->u.with.body = body;
    cover_body(s, body);
    return parse_sdone(ctx, s);
}

AstExceptHandler *
parse_handler(ParseCtx *ctx, const LexToken *t, bool star, AstExpr *type, const LexToken *name,
              AstSeq body)
{
    if (ctx->failed || !body_ok(body)) {
        return NULL;
    }
    AstExceptHandler *h = parse_alloc(ctx, sizeof(*h));
    if (h == NULL) {
        return NULL;
    }
    h->loc = parse_loc_span(parse_loc_tok(t), end_of(body));
    h->type = type;
    if (name != NULL) {
        h->name = parse_ident(ctx, name);
    }
    h->body = body;
    /* TryStar is decided by parse_try; remember the star in the location's
     * spare bit: handlers of one try must agree */
    if (star) {
        h->loc.end_lineno = -h->loc.end_lineno - 1;
    }
    return h;
}

AstStmt *
parse_try(ParseCtx *ctx, const LexToken *t, AstSeq body, AstSeq handlers, AstSeq orelse,
          AstSeq finalbody)
{
    if (ctx->failed || !body_ok(body) || !body_ok(handlers) || !body_ok(orelse) ||
        !body_ok(finalbody)) {
        return NULL;
    }
    int nstar = 0;
    for (int i = 0; i < handlers.len; i++) {
        AstExceptHandler *h = handlers.items[i];
        if (h->loc.end_lineno < 0) {
            nstar++;
            h->loc.end_lineno = -(h->loc.end_lineno + 1);
        }
    }
    if (nstar != 0 && nstar != handlers.len) {
        /* CPython points at the first handler of the other kind; the star
         * marks were cleared above, so find it by recomputing from the
         * source token after each `except` */
        AstLoc where = parse_loc_tok(t);
        bool first_star = false;
        for (int i = 0; i < handlers.len; i++) {
            AstExceptHandler *h = handlers.items[i];
            const LexToken *kw = ctx->toks;
            bool star = false;
            for (int k = 0; k + 1 < ctx->ntoks; k++) {
                if (kw[k].type == TK_EXCEPT && kw[k].lineno == h->loc.lineno &&
                    kw[k].col == h->loc.col_offset) {
                    star = kw[k + 1].type == TK_STAR;
                    break;
                }
            }
            if (i == 0) {
                first_star = star;
            } else if (star != first_star) {
                where = h->loc;
                break;
            }
        }
        where.end_lineno = where.lineno;
        where.end_col_offset = where.col_offset + 6;
        return parse_fail(ctx, "SyntaxError", where,
                          "cannot have both 'except' and 'except*' on the same 'try'");
    }
    AstSeq last = finalbody.len ? finalbody : orelse.len ? orelse : body;
    AstLoc end = end_of(last);
    if (!finalbody.len && !orelse.len && handlers.len) {
        end = ((AstExceptHandler *)handlers.items[handlers.len - 1])->loc;
    }
    AstStmt *s = new_stmt(ctx, nstar ? AST_TRYSTAR : AST_TRY,
                          parse_loc_span(parse_loc_tok(t), end));
    if (s == NULL) {
        return NULL;
    }
    s->u.try_.body = body;
    s->u.try_.handlers = handlers;
    s->u.try_.orelse = orelse;
    s->u.try_.finalbody = finalbody;
    cover_body(s, body);
    cover_body(s, orelse);
    cover_body(s, finalbody);
    for (int i = 0; i < handlers.len; i++) {
        AstExceptHandler *h = handlers.items[i];
        cover_e(s, h->type);
        for (int k = 0; k < h->body.len; k++) {
            cover(s, ((AstStmt *)h->body.items[k])->depth + 1);
        }
    }
    return parse_sdone(ctx, s);
}

AstTypeParam *
parse_tparam(ParseCtx *ctx, AstTypeParamKind kind, const LexToken *name, AstExpr *bound,
             AstExpr *deflt, AstLoc loc)
{
    if (ctx->failed) {
        return NULL;
    }
    AstTypeParam *p = parse_alloc(ctx, sizeof(*p));
    if (p == NULL) {
        return NULL;
    }
    p->kind = kind;
    p->loc = loc;
    p->name = parse_ident(ctx, name);
    p->bound = bound;
    p->default_value = deflt;
    return p;
}

AstStmt *
parse_typealias(ParseCtx *ctx, const LexToken *t, const LexToken *name, AstSeq tparams,
                AstExpr *value)
{
    if (value == NULL || ctx->failed || !body_ok(tparams)) {
        return NULL;
    }
    AstExpr *n = parse_name(ctx, name);
    if (n == NULL) {
        return NULL;
    }
    n->u.name.ctx = AST_STORE;
    AstStmt *s = new_stmt(ctx, AST_TYPEALIAS, parse_loc_span(parse_loc_tok(t), XLOC(value)));
    if (s == NULL) {
        return NULL;
    }
    s->u.typealias.name = n;
    s->u.typealias.type_params = tparams;
    s->u.typealias.value = value;
    cover_e(s, value);
    cover_tparams(s, tparams);
    return parse_sdone(ctx, s);
}

AstMatchCase *
parse_case(ParseCtx *ctx, AstPattern *p, AstExpr *guard, AstSeq body)
{
    if (p == NULL || ctx->failed || !body_ok(body)) {
        return NULL;
    }
    AstMatchCase *c = parse_alloc(ctx, sizeof(*c));
    if (c == NULL) {
        return NULL;
    }
    c->pattern = p;
    c->guard = guard;
    c->body = body;
    return c;
}

AstStmt *
parse_match(ParseCtx *ctx, const LexToken *t, AstExpr *subject, AstSeq cases)
{
    if (subject == NULL || ctx->failed || !body_ok(cases)) {
        return NULL;
    }
    AstMatchCase *last = cases.items[cases.len - 1];
    AstStmt *s = new_stmt(ctx, AST_MATCH, parse_loc_span(parse_loc_tok(t), end_of(last->body)));
    if (s == NULL) {
        return NULL;
    }
    s->u.match.subject = subject;
    s->u.match.cases = cases;
    cover_e(s, subject);
    for (int i = 0; i < cases.len; i++) {
        AstMatchCase *c = cases.items[i];
        cover(s, c->pattern->depth + 1);
        cover_e(s, c->guard);
        for (int k = 0; k < c->body.len; k++) {
            cover(s, ((AstStmt *)c->body.items[k])->depth + 1);
        }
    }
    return parse_sdone(ctx, s);
}
