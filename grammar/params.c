/*
 * params.c — function and lambda parameter lists. The grammar accepts a
 * flat comma-separated list of items (name, name=default, /, *, *args,
 * **kwargs); here they are ordered into CPython's `arguments` node, with
 * CPython's messages for misplaced items.
 */
#include "grammar/parse_int.h"

PParam *
parse_param(ParseCtx *ctx, PParamKind kind, const LexToken *name, AstExpr *ann, AstExpr *deflt,
            AstLoc loc)
{
    if (ctx->failed) {
        return NULL;
    }
    PParam *p = parse_alloc(ctx, sizeof(*p));
    if (p == NULL) {
        return NULL;
    }
    p->kind = kind;
    p->deflt = deflt;
    p->loc = loc;
    if (name != NULL) {
        AstArg *a = parse_alloc(ctx, sizeof(*a));
        if (a == NULL) {
            return NULL;
        }
        a->arg = parse_ident(ctx, name);
        a->annotation = ann;
        /* CPython's arg spans the name and its annotation */
        a->loc = parse_loc_tok(name);
        if (ann != NULL) {
            a->loc = parse_loc_span(a->loc, XLOC(ann));
        }
        p->arg = a;
    }
    return p;
}

static void *
perr(ParseCtx *ctx, const PParam *p, const char *msg)
{
    return parse_fail(ctx, "SyntaxError", p->loc, "%s", msg);
}

AstArguments *
parse_arguments(ParseCtx *ctx, PList *params, bool lambda)
{
    AstArguments *a = parse_alloc(ctx, sizeof(*a));
    if (a == NULL || params == NULL) {
        return a;
    }
    /* 0: positional, 1: after * or *args (keyword-only), 2: after **kwargs */
    int state = 0;
    bool slash = false;
    bool star = false;
    bool bare_star = false;
    const PParam *bare = NULL;
    bool seen_default = false;
    AstSeq pos;
    pos.len = 0;
    pos.cap = 0;
    pos.items = NULL;
    for (int i = 0; i < params->items.len; i++) {
        PParam *p = params->items.items[i];
        if (p == NULL) {
            return NULL;
        }
        if (state == 2) {
            return perr(ctx, p, "arguments cannot follow var-keyword argument");
        }
        switch (p->kind) {
        case PP_NAME:
            if (state == 0) {
                if (p->deflt != NULL) {
                    seen_default = true;
                    if (!ast_seq_push(ctx->arena, &a->defaults, p->deflt)) {
                        return parse_oom(ctx);
                    }
                } else if (seen_default) {
                    return perr(ctx, p,
                                "parameter without a default follows parameter with a default");
                }
                if (!ast_seq_push(ctx->arena, &pos, p->arg)) {
                    return parse_oom(ctx);
                }
            } else {
                bare_star = false;
                if (!ast_seq_push(ctx->arena, &a->kwonlyargs, p->arg) ||
                    !ast_seq_push(ctx->arena, &a->kw_defaults, p->deflt)) {
                    return parse_oom(ctx);
                }
            }
            break;
        case PP_SLASH:
            if (slash) {
                return perr(ctx, p, "/ may appear only once");
            }
            if (star) {
                return perr(ctx, p, "/ must be ahead of *");
            }
            if (pos.len == 0) {
                return parse_fail(ctx, "SyntaxError", p->loc,
                                  "at least one argument must precede /");
            }
            slash = true;
            a->posonlyargs = pos;
            pos.len = 0;
            pos.cap = 0;
            pos.items = NULL;
            break;
        case PP_STAR:
        case PP_VARARG:
            if (star) {
                return perr(ctx, p, "* argument may appear only once");
            }
            star = true;
            state = 1;
            if (p->kind == PP_VARARG) {
                a->vararg = p->arg;
            } else {
                bare_star = true;
                bare = p;
            }
            break;
        case PP_KWARG:
            if (bare_star) {
                return perr(ctx, bare, "named arguments must follow bare *");
            }
            a->kwarg = p->arg;
            state = 2;
            break;
        }
    }
    if (bare_star) {
        return perr(ctx, bare, "named arguments must follow bare *");
    }
    a->args = pos;
    (void)lambda;
    return a;
}
