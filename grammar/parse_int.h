/*
 * parse_int.h — what the Lemon grammar's actions share with the parse
 * driver and the node builders (build.c, target.c, params.c, strings.c).
 * Never included outside grammar/.
 */
#ifndef MONTY_GRAMMAR_PARSE_INT_H
#define MONTY_GRAMMAR_PARSE_INT_H

#include <stdbool.h>

#include "grammar/ast.h"
#include "grammar/parse.h"
#include "lexer/lexer.h"

/* Depth cap of the tree (expressions and statements together) so that
 * recursive walkers downstream have a bounded C stack. */
#define PARSE_MAX_DEPTH 1000

/* The parser's state, Lemon's %extra_context. */
typedef struct ParseCtx {
    AstArena *arena;
    ParseError *err;
    bool failed;            /* an action reported an error: stop feeding */
    bool accepted;
    AstModule *module;
    const char *src;        /* normalized source */
    const LexToken *toks;
    int ntoks;
    const LexToken *cur;    /* token being fed (error locations) */
} ParseCtx;

/* A comma-separated list being built (tuple items, parameters, call
 * arguments, patterns...). `comma` records a comma (a tuple, not a
 * parenthesized expression); `star` a starred item. */
typedef struct PList {
    AstSeq items;
    AstLoc loc;
    bool comma;
    bool star;
} PList;

/* One function/lambda parameter before ordering rules apply. */
typedef enum PParamKind { PP_NAME, PP_SLASH, PP_STAR, PP_VARARG, PP_KWARG } PParamKind;
typedef struct PParam {
    PParamKind kind;
    AstArg *arg;            /* NULL for / and bare * */
    AstExpr *deflt;         /* may be NULL */
    AstLoc loc;
} PParam;

/* One call argument before ordering rules apply. */
typedef enum PArgKind { PA_POS, PA_STAR, PA_KW, PA_DSTAR, PA_GEN } PArgKind;
typedef struct PArg {
    PArgKind kind;
    AstExpr *value;
    AstKeyword *kw;
    AstLoc loc;
} PArg;

/* An `if` chain (if/elif...) before it is nested into orelse fields. */
typedef struct PIfChain {
    AstSeq tests;           /* AstExpr* */
    AstSeq bodies;          /* AstSeq* */
    AstSeq starts;          /* LexToken* of each if/elif */
} PIfChain;

/* Location of a possibly-NULL node (NULL after an earlier error). */
#define PLOC(e) ((e) ? (e)->loc : (AstLoc){0, 0, 0, 0})

/* The span an expression covers in its parent: with its parentheses. */
static inline AstLoc
parse_xloc(const AstExpr *e)
{
    return e->parenthesized ? e->paren_loc : e->loc;
}
#define XLOC(e) parse_xloc(e)
#define PXLOC(e) ((e) ? parse_xloc(e) : (AstLoc){0, 0, 0, 0})

/* ---- errors -------------------------------------------------------------- */

/* Records a SyntaxError (first one wins); returns NULL for convenience. */
void *parse_fail(ParseCtx *ctx, const char *type, AstLoc loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void *parse_oom(ParseCtx *ctx);

/* ---- locations ----------------------------------------------------------- */

AstLoc parse_loc_tok(const LexToken *t);
AstLoc parse_loc_span(AstLoc a, AstLoc b);
AstLoc parse_loc_tokspan(const LexToken *a, const LexToken *b);

/* ---- builders (build.c) ---------------------------------------------------- */

void *parse_alloc(ParseCtx *ctx, size_t size);
PList *parse_list_new(ParseCtx *ctx, void *first, AstLoc loc);
PList *parse_list_push(ParseCtx *ctx, PList *l, void *item, AstLoc end);
AstSeq parse_seq1(ParseCtx *ctx, void *item);
AstSeq parse_seq_push(ParseCtx *ctx, AstSeq seq, void *item);
AstSeq parse_seq_cat(ParseCtx *ctx, AstSeq a, AstSeq b);
AstLoc parse_seq_loc(AstSeq seq, bool stmts);

/* Finishes an expression: computes its depth and enforces the cap. */
AstExpr *parse_done(ParseCtx *ctx, AstExpr *e);
AstStmt *parse_sdone(ParseCtx *ctx, AstStmt *s);
AstPattern *parse_pdone(ParseCtx *ctx, AstPattern *p);

AstStr parse_ident(ParseCtx *ctx, const LexToken *t);
AstExpr *parse_name(ParseCtx *ctx, const LexToken *t);
AstExpr *parse_number(ParseCtx *ctx, const LexToken *t);
AstExpr *parse_const(ParseCtx *ctx, AstConstKind kind, const LexToken *t);
AstExpr *parse_binop(ParseCtx *ctx, AstExpr *l, AstOperator op, AstExpr *r);
AstExpr *parse_unary(ParseCtx *ctx, const LexToken *t, AstUnaryOp op, AstExpr *e);
AstExpr *parse_boolop(ParseCtx *ctx, AstBoolOp op, AstExpr *l, AstExpr *r);
AstExpr *parse_compare(ParseCtx *ctx, AstExpr *l, AstCmpOp op, AstExpr *r);
AstExpr *parse_ifexp(ParseCtx *ctx, AstExpr *body, AstExpr *test, AstExpr *orelse);
AstExpr *parse_starred(ParseCtx *ctx, const LexToken *t, AstExpr *e);
AstExpr *parse_tuple_or_expr(ParseCtx *ctx, PList *l, bool force_tuple);
AstExpr *parse_paren(ParseCtx *ctx, const LexToken *l, PList *items, const LexToken *r);
AstExpr *parse_list_display(ParseCtx *ctx, const LexToken *l, PList *items, const LexToken *r);
AstExpr *parse_set_display(ParseCtx *ctx, const LexToken *l, PList *items, const LexToken *r);
AstExpr *parse_dict_display(ParseCtx *ctx, const LexToken *l, PList *keys, PList *values,
                            const LexToken *r);
AstExpr *parse_comp(ParseCtx *ctx, AstExprKind kind, const LexToken *l, AstExpr *elt,
                    AstExpr *value, AstSeq gens, const LexToken *r);
AstComprehension *parse_comprehension(ParseCtx *ctx, bool is_async, PList *target,
                                      AstExpr *iter);
AstExpr *parse_attribute(ParseCtx *ctx, AstExpr *v, const LexToken *name);
AstExpr *parse_subscript(ParseCtx *ctx, AstExpr *v, PList *slices, const LexToken *r);
AstExpr *parse_slice(ParseCtx *ctx, AstExpr *lo, AstExpr *hi, AstExpr *step, AstLoc loc);
AstExpr *parse_call(ParseCtx *ctx, AstExpr *f, PList *args, const LexToken *r);
PArg *parse_arg(ParseCtx *ctx, PArgKind kind, AstExpr *value, AstExpr *kwname, AstLoc loc);
AstExpr *parse_lambda(ParseCtx *ctx, const LexToken *t, PList *params, AstExpr *body);
AstExpr *parse_yield(ParseCtx *ctx, const LexToken *t, AstExpr *value, bool from);
AstExpr *parse_await(ParseCtx *ctx, const LexToken *t, AstExpr *e);
AstExpr *parse_namedexpr(ParseCtx *ctx, const LexToken *name, AstExpr *value);

/* ---- parameters (params.c) ------------------------------------------------- */

PParam *parse_param(ParseCtx *ctx, PParamKind kind, const LexToken *name, AstExpr *ann,
                    AstExpr *deflt, AstLoc loc);
AstArguments *parse_arguments(ParseCtx *ctx, PList *params, bool lambda);

/* ---- targets (target.c) ---------------------------------------------------- */

/* How a target is used, for CPython's messages. */
typedef enum PTarget {
    PT_ASSIGN,      /* left of `=` in an assignment statement */
    PT_ASSIGN_LAST, /* the last target before the value */
    PT_PLAIN,       /* for / with / comprehension targets */
    PT_AUG,         /* augmented assignment */
    PT_DEL,         /* del */
} PTarget;

/* Sets Store/Del context on a target, or reports CPython's error. */
bool parse_set_ctx(ParseCtx *ctx, AstExpr *e, PTarget how);

/* CPython's name of an expression kind in messages ("function call"). */
const char *parse_expr_name(const AstExpr *e);

/* ---- strings (strings.c) --------------------------------------------------- */

AstExpr *parse_string_token(ParseCtx *ctx, const LexToken *t);
AstExpr *parse_fstring(ParseCtx *ctx, const LexToken *start, PList *parts, const LexToken *end);
AstExpr *parse_fmiddle(ParseCtx *ctx, const LexToken *t);
AstExpr *parse_ffield(ParseCtx *ctx, const LexToken *lb, AstExpr *value, const LexToken *eq,
                      const LexToken *conv, PList *spec, const LexToken *colon,
                      const LexToken *rb);
AstExpr *parse_concat(ParseCtx *ctx, PList *parts);

/* ---- statements (stmt.c) --------------------------------------------------- */

AstStmt *parse_simple(ParseCtx *ctx, AstStmtKind kind, const LexToken *t);
AstStmt *parse_expr_stmt(ParseCtx *ctx, AstExpr *e);
AstStmt *parse_assign(ParseCtx *ctx, PList *chain);
AstStmt *parse_augassign(ParseCtx *ctx, AstExpr *target, const LexToken *op, AstExpr *value);
AstStmt *parse_annassign(ParseCtx *ctx, AstExpr *target, AstExpr *ann, AstExpr *value);
AstStmt *parse_if(ParseCtx *ctx, PIfChain *chain, AstSeq orelse);
PIfChain *parse_if_chain(ParseCtx *ctx, PIfChain *c, const LexToken *t, AstExpr *test,
                         AstSeq body);
AstStmt *parse_for(ParseCtx *ctx, const LexToken *t, PList *target, AstExpr *iter, AstSeq body,
                   AstSeq orelse);
AstStmt *parse_while(ParseCtx *ctx, const LexToken *t, AstExpr *test, AstSeq body,
                     AstSeq orelse);
AstStmt *parse_funcdef(ParseCtx *ctx, const LexToken *t, const LexToken *name, AstSeq tparams,
                       PList *params, AstExpr *returns, AstSeq body);
AstStmt *parse_classdef(ParseCtx *ctx, const LexToken *t, const LexToken *name, AstSeq tparams,
                        PList *args, AstSeq body);
AstStmt *parse_decorated(ParseCtx *ctx, AstSeq decorators, AstStmt *s);
AstStmt *parse_async(ParseCtx *ctx, const LexToken *t, AstStmt *s);
AstStmt *parse_return(ParseCtx *ctx, const LexToken *t, AstExpr *value);
AstStmt *parse_delete(ParseCtx *ctx, const LexToken *t, PList *targets);
AstStmt *parse_raise(ParseCtx *ctx, const LexToken *t, AstExpr *exc, AstExpr *cause);
AstStmt *parse_assert(ParseCtx *ctx, const LexToken *t, AstExpr *test, AstExpr *msg);
AstStmt *parse_global(ParseCtx *ctx, AstStmtKind kind, const LexToken *t, PList *names);
AstStmt *parse_import(ParseCtx *ctx, const LexToken *t, PList *aliases);
AstStmt *parse_importfrom(ParseCtx *ctx, const LexToken *t, int level, AstAlias *mod,
                          PList *aliases, const LexToken *end);
AstAlias *parse_alias(ParseCtx *ctx, AstAlias *dotted, const LexToken *asname);
AstAlias *parse_dotted(ParseCtx *ctx, AstAlias *prefix, const LexToken *name);
AstStmt *parse_with(ParseCtx *ctx, const LexToken *t, PList *items, AstSeq body);
AstWithItem *parse_withitem(ParseCtx *ctx, AstExpr *e, AstExpr *target);
AstStmt *parse_try(ParseCtx *ctx, const LexToken *t, AstSeq body, AstSeq handlers,
                   AstSeq orelse, AstSeq finalbody);
AstExceptHandler *parse_handler(ParseCtx *ctx, const LexToken *t, bool star, AstExpr *type,
                                const LexToken *name, AstSeq body);
AstStmt *parse_typealias(ParseCtx *ctx, const LexToken *t, const LexToken *name,
                         AstSeq tparams, AstExpr *value);
AstTypeParam *parse_tparam(ParseCtx *ctx, AstTypeParamKind kind, const LexToken *name,
                           AstExpr *bound, AstExpr *deflt, AstLoc loc);
AstStmt *parse_match(ParseCtx *ctx, const LexToken *t, AstExpr *subject, AstSeq cases);
AstMatchCase *parse_case(ParseCtx *ctx, AstPattern *p, AstExpr *guard, AstSeq body);

/* ---- patterns (pattern.c) ---------------------------------------------------- */

AstPattern *parse_pat_capture(ParseCtx *ctx, const LexToken *name);
AstPattern *parse_pat_value(ParseCtx *ctx, AstExpr *v);
AstPattern *parse_pat_literal(ParseCtx *ctx, AstExpr *v);
AstPattern *parse_pat_star(ParseCtx *ctx, const LexToken *star, const LexToken *name);
AstPattern *parse_pat_as(ParseCtx *ctx, AstPattern *p, const LexToken *name);
AstPattern *parse_pat_or(ParseCtx *ctx, AstPattern *l, AstPattern *r);
AstPattern *parse_pat_seq(ParseCtx *ctx, const LexToken *l, PList *items, const LexToken *r,
                          bool brackets);
AstPattern *parse_pat_top(ParseCtx *ctx, PList *items);
AstPattern *parse_pat_mapping(ParseCtx *ctx, const LexToken *l, PList *keys, PList *pats,
                              const LexToken *rest, const LexToken *r);
AstPattern *parse_pat_class(ParseCtx *ctx, AstExpr *cls, PList *args, const LexToken *r);
/* A class-pattern keyword argument kept in a PList as a MatchAs marker. */
AstPattern *parse_pat_kw(ParseCtx *ctx, const LexToken *name, AstPattern *p);

#endif /* MONTY_GRAMMAR_PARSE_INT_H */
