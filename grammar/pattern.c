/*
 * pattern.c — match-statement patterns (PEP 634) in CPython's node shapes:
 * `_` is MatchAs(), a name is a capture MatchAs(name=...), `a.b` a
 * MatchValue, None/True/False MatchSingleton, `(p)` the pattern itself and
 * `(p,)` / `[p]` a MatchSequence.
 */
#include <string.h>

#include "grammar/parse_int.h"

static AstPattern *
new_pat(ParseCtx *ctx, AstPatternKind kind, AstLoc loc)
{
    if (ctx->failed) {
        return NULL;
    }
    AstPattern *p = ast_pattern_new(ctx->arena, kind, loc);
    if (p == NULL) {
        return parse_oom(ctx);
    }
    return p;
}

static void
pcover(AstPattern *p, int d)
{
    if (d + 1 > p->depth) {
        p->depth = d + 1;
    }
}

static void
pcover_seq(AstPattern *p, AstSeq s)
{
    for (int i = 0; i < s.len; i++) {
        pcover(p, ((AstPattern *)s.items[i])->depth);
    }
}

static bool
is_wildcard(const LexToken *t)
{
    return t->len == 1 && t->start[0] == '_';
}

AstPattern *
parse_pat_capture(ParseCtx *ctx, const LexToken *name)
{
    AstPattern *p = new_pat(ctx, AST_MATCHAS, parse_loc_tok(name));
    if (p == NULL) {
        return NULL;
    }
    if (!is_wildcard(name)) {
        p->u.as.name = parse_ident(ctx, name);
    }
    return parse_pdone(ctx, p);
}

AstPattern *
parse_pat_value(ParseCtx *ctx, AstExpr *v)
{
    if (v == NULL) {
        return NULL;
    }
    AstPattern *p = new_pat(ctx, AST_MATCHVALUE, v->loc);
    if (p == NULL) {
        return NULL;
    }
    p->u.value.value = v;
    pcover(p, v->depth);
    return parse_pdone(ctx, p);
}

AstPattern *
parse_pat_literal(ParseCtx *ctx, AstExpr *v)
{
    if (v == NULL || ctx->failed) {
        return NULL;
    }
    if (v->kind == AST_CONSTANT &&
        (v->u.constant.kind == AST_CONST_NONE || v->u.constant.kind == AST_CONST_TRUE ||
         v->u.constant.kind == AST_CONST_FALSE)) {
        AstPattern *p = new_pat(ctx, AST_MATCHSINGLETON, v->loc);
        if (p == NULL) {
            return NULL;
        }
        p->u.singleton.value = v->u.constant.kind;
        return parse_pdone(ctx, p);
    }
    if (v->kind == AST_JOINEDSTR) {
        return parse_fail(ctx, "SyntaxError", v->loc,
                          "patterns may only match literals and attribute lookups");
    }
    if (v->kind == AST_BINOP) {
        AstExpr *r = v->u.binop.right;
        if (r->u.constant.kind != AST_CONST_COMPLEX) {
            return parse_fail(ctx, "SyntaxError", r->loc,
                              "imaginary number required in complex literal");
        }
        AstExpr *l = v->u.binop.left;
        if (l->kind == AST_UNARYOP) {
            l = l->u.unaryop.operand;
        }
        if (l->u.constant.kind == AST_CONST_COMPLEX) {
            return parse_fail(ctx, "SyntaxError", l->loc,
                              "real number required in complex literal");
        }
    }
    return parse_pat_value(ctx, v);
}

AstPattern *
parse_pat_star(ParseCtx *ctx, const LexToken *star, const LexToken *name)
{
    AstPattern *p = new_pat(ctx, AST_MATCHSTAR, parse_loc_tokspan(star, name));
    if (p == NULL) {
        return NULL;
    }
    if (!is_wildcard(name)) {
        p->u.star.name = parse_ident(ctx, name);
    }
    return parse_pdone(ctx, p);
}

AstPattern *
parse_pat_as(ParseCtx *ctx, AstPattern *inner, const LexToken *name)
{
    if (inner == NULL) {
        return NULL;
    }
    if (is_wildcard(name)) {
        return parse_fail(ctx, "SyntaxError", parse_loc_tok(name),
                          "cannot use '_' as a target");
    }
    AstPattern *p = new_pat(ctx, AST_MATCHAS, parse_loc_span(inner->loc, parse_loc_tok(name)));
    if (p == NULL) {
        return NULL;
    }
    p->u.as.pattern = inner;
    p->u.as.name = parse_ident(ctx, name);
    pcover(p, inner->depth);
    return parse_pdone(ctx, p);
}

AstPattern *
parse_pat_or(ParseCtx *ctx, AstPattern *l, AstPattern *r)
{
    if (l == NULL || r == NULL || ctx->failed) {
        return NULL;
    }
    /* `a | b | c` is one MatchOr; a parenthesized MatchOr is a group and
     * stays nested (group() marks it with cap -1) */
    if (l->kind == AST_MATCHOR && l->u.or_.patterns.cap >= 0) {
        if (!ast_seq_push(ctx->arena, &l->u.or_.patterns, r)) {
            return parse_oom(ctx);
        }
        l->loc = parse_loc_span(l->loc, r->loc);
        pcover(l, r->depth);
        return parse_pdone(ctx, l);
    }
    AstPattern *p = new_pat(ctx, AST_MATCHOR, parse_loc_span(l->loc, r->loc));
    if (p == NULL) {
        return NULL;
    }
    if (!ast_seq_push(ctx->arena, &p->u.or_.patterns, l) ||
        !ast_seq_push(ctx->arena, &p->u.or_.patterns, r)) {
        return parse_oom(ctx);
    }
    pcover(p, l->depth);
    pcover(p, r->depth);
    return parse_pdone(ctx, p);
}

static bool
items_ok(PList *items)
{
    if (items == NULL) {
        return true;
    }
    for (int i = 0; i < items->items.len; i++) {
        if (items->items.items[i] == NULL) {
            return false;
        }
    }
    return true;
}

/* Copies a MatchOr so a parenthesized one stays a distinct group. */
static AstPattern *
group(ParseCtx *ctx, AstPattern *p)
{
    if (p->kind != AST_MATCHOR) {
        return p;
    }
    AstPattern *g = new_pat(ctx, AST_MATCHOR, p->loc);
    if (g == NULL) {
        return NULL;
    }
    g->u.or_.patterns = p->u.or_.patterns;
    g->depth = p->depth;
    /* mark: never extended by a following `|` (readers use len only) */
    g->u.or_.patterns.cap = -1;
    return g;
}

AstPattern *
parse_pat_seq(ParseCtx *ctx, const LexToken *l, PList *items, const LexToken *r, bool brackets)
{
    if (ctx->failed || !items_ok(items)) {
        return NULL;
    }
    if (!brackets && items != NULL && !items->comma && items->items.len == 1) {
        AstPattern *p = items->items.items[0];
        if (p->kind != AST_MATCHSTAR) {
            return group(ctx, p);
        }
    }
    AstPattern *p = new_pat(ctx, AST_MATCHSEQUENCE, parse_loc_tokspan(l, r));
    if (p == NULL) {
        return NULL;
    }
    if (items != NULL) {
        p->u.sequence.patterns = items->items;
        pcover_seq(p, items->items);
    }
    return parse_pdone(ctx, p);
}

AstPattern *
parse_pat_top(ParseCtx *ctx, PList *items)
{
    if (items == NULL || ctx->failed || !items_ok(items)) {
        return NULL;
    }
    if (!items->comma && items->items.len == 1) {
        AstPattern *p = items->items.items[0];
        if (p->kind != AST_MATCHSTAR) {
            return p;
        }
    }
    AstPattern *first = items->items.items[0];
    AstPattern *last = items->items.items[items->items.len - 1];
    AstPattern *p = new_pat(ctx, AST_MATCHSEQUENCE, parse_loc_span(first->loc, last->loc));
    if (p == NULL) {
        return NULL;
    }
    p->u.sequence.patterns = items->items;
    pcover_seq(p, items->items);
    return parse_pdone(ctx, p);
}

AstPattern *
parse_pat_mapping(ParseCtx *ctx, const LexToken *l, PList *keys, PList *pats,
                  const LexToken *rest, const LexToken *r)
{
    if (ctx->failed) {
        return NULL;
    }
    AstPattern *p = new_pat(ctx, AST_MATCHMAPPING, parse_loc_tokspan(l, r));
    if (p == NULL) {
        return NULL;
    }
    if (keys != NULL) {
        if (pats == NULL || !items_ok(pats)) {
            return NULL;
        }
        AstSeq k = keys->items;
        k.len--;
        for (int i = 0; i < k.len; i++) {
            if (k.items[i] == NULL) {
                return NULL;
            }
            pcover(p, ((AstExpr *)k.items[i])->depth);
        }
        p->u.mapping.keys = k;
        p->u.mapping.patterns = pats->items;
        pcover_seq(p, pats->items);
    }
    if (rest != NULL) {
        p->u.mapping.rest = parse_ident(ctx, rest);
    }
    return parse_pdone(ctx, p);
}

/* Keyword sub-patterns travel in the class-argument list as a MatchAs
 * wrapper whose loc.end_lineno is negated; parse_pat_class unwraps it. */
AstPattern *
parse_pat_kw(ParseCtx *ctx, const LexToken *name, AstPattern *inner)
{
    if (inner == NULL) {
        return NULL;
    }
    AstPattern *p = new_pat(ctx, AST_MATCHAS, parse_loc_tok(name));
    if (p == NULL) {
        return NULL;
    }
    p->u.as.pattern = inner;
    p->u.as.name = parse_ident(ctx, name);
    p->depth = -1;  /* marker: a keyword argument, not a real pattern */
    return p;
}

AstPattern *
parse_pat_class(ParseCtx *ctx, AstExpr *cls, PList *args, const LexToken *r)
{
    if (cls == NULL || ctx->failed || !items_ok(args)) {
        return NULL;
    }
    AstPattern *p = new_pat(ctx, AST_MATCHCLASS, parse_loc_span(cls->loc, parse_loc_tok(r)));
    if (p == NULL) {
        return NULL;
    }
    p->u.cls.cls = cls;
    pcover(p, cls->depth);
    bool seen_kw = false;
    for (int i = 0; args != NULL && i < args->items.len; i++) {
        AstPattern *a = args->items.items[i];
        if (a->depth == -1) {
            seen_kw = true;
            AstStr *id = parse_alloc(ctx, sizeof(*id));
            if (id == NULL) {
                return NULL;
            }
            *id = a->u.as.name;
            if (!ast_seq_push(ctx->arena, &p->u.cls.kwd_attrs, id) ||
                !ast_seq_push(ctx->arena, &p->u.cls.kwd_patterns, a->u.as.pattern)) {
                return parse_oom(ctx);
            }
            pcover(p, a->u.as.pattern->depth);
        } else {
            if (seen_kw) {
                return parse_fail(ctx, "SyntaxError", a->loc,
                                  "positional patterns follow keyword patterns");
            }
            if (!ast_seq_push(ctx->arena, &p->u.cls.patterns, a)) {
                return parse_oom(ctx);
            }
            pcover(p, a->depth);
        }
    }
    return parse_pdone(ctx, p);
}
