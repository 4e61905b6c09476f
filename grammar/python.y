/*
 * python.y — Lemon grammar of Python 3.14 (minus t-strings).
 *
 * LALR(1) cannot express a few of CPython's PEG rules directly; they are
 * handled as CPython's pre-PEG parser did:
 *  - assignment targets, keyword-argument names and walrus targets are
 *    parsed as expressions and checked by actions (target.c), which also
 *    produce CPython's error messages;
 *  - parameter lists are a flat list of items whose order is checked by
 *    params.c;
 *  - `(a)` vs `(a,)`, group vs sequence patterns: a list with a comma flag;
 *  - soft keywords: the driver only emits MATCH/TYPE where a lookahead
 *    shows a match statement / type alias; CASE falls back to NAME;
 *  - `with (a, b):` the driver turns WITH into WITHP when a parenthesized
 *    item list follows (CPython tries that alternative first too).
 * Every action builds nodes in the arena (no destructors needed) and
 * reports errors through parse_fail, after which the driver stops.
 */
%name PyParse
%token_prefix TK_
%token_type {const LexToken *}
%extra_context {ParseCtx *ctx}
%stack_size 0
%start_symbol module

%include {
#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include "grammar/parse_int.h"

/* The parser stack grows on demand (%stack_size 0: a script needs a few
 * dozen entries; a fixed 6000 would cost a 144 KB allocation per parse)
 * up to PARSE_STACK_BYTES (about 6300 entries), past which Lemon reports
 * the overflow below. Lemon's grow function calls malloc and realloc by
 * name, hence the macros; nothing else in this file calls them. */
#define PARSE_STACK_BYTES (200u * 1024u)
static void *
parse_stack_realloc(void *p, size_t n)
{
    return n > PARSE_STACK_BYTES ? NULL : realloc(p, n);
}
#define malloc(n) parse_stack_realloc(NULL, (n))
#define realloc(p, n) parse_stack_realloc((p), (n))
/* no error recovery: the first syntax error ends the parse */
#define YYNOERRORRECOVERY 1
}

%syntax_error {
    (void)yymajor;
    if (!ctx->failed) {
        parse_fail(ctx, "SyntaxError", parse_loc_tok(TOKEN), "invalid syntax");
    }
}
%stack_overflow {
    parse_fail(ctx, "MemoryError", parse_loc_tok(ctx->cur),
               "Parser stack overflowed - Python source too complex to parse");
}
%parse_accept { ctx->accepted = true; }

/* Tokens that the grammar never mentions but the scanner may produce. */
%token ERRORTOKEN WITHP.

%fallback NAME MATCH CASE TYPE.

/* Operator precedence, lowest first (CPython's levels). `not` as a prefix
 * sits below the comparisons, so `not a == b` is `not (a == b)`; TILDE
 * also stands for unary + and -, which bind looser than `**` on their
 * right: `-a ** b` is `-(a ** b)`. */
%nonassoc PCHAIN.
%nonassoc PSHORT.
%left OR.
%left AND.
%right NOT.
%left LESS GREATER EQEQUAL GREATEREQUAL LESSEQUAL NOTEQUAL IN IS.
%left VBAR.
%left CIRCUMFLEX.
%left AMPER.
%left LEFTSHIFT RIGHTSHIFT.
%left PLUS MINUS.
%left STAR SLASH PERCENT DOUBLESLASH AT.
%right TILDE.
%right DOUBLESTAR.

/* ---------------------------------------------------------------- module */

module ::= file(F). { ctx->module->body = F; }

%type file {AstSeq}
file(A) ::= . { memset(&A, 0, sizeof(A)); }
file(A) ::= file(B) stmt(S). { A = parse_seq_cat(ctx, B, S); }
file(A) ::= file(B) NEWLINE. { A = B; }

%type stmt {AstSeq}
stmt(A) ::= simple_stmts(B). { A = B; }
stmt(A) ::= compound_stmt(S). { A = parse_seq1(ctx, S); }

%type simple_stmts {AstSeq}
simple_stmts(A) ::= small_stmt(S) NEWLINE. { A = parse_seq1(ctx, S); }
simple_stmts(A) ::= small_stmt(S) SEMI NEWLINE. { A = parse_seq1(ctx, S); }
simple_stmts(A) ::= small_list(B) NEWLINE. { A = B; }
simple_stmts(A) ::= small_list(B) SEMI NEWLINE. { A = B; }

/* two or more (one statement per line, the common case, needs no list
 * nonterminal) */
%type small_list {AstSeq}
small_list(A) ::= small_stmt(S) SEMI small_stmt(T).
    { A = parse_seq_push(ctx, parse_seq1(ctx, S), T); }
small_list(A) ::= small_list(B) SEMI small_stmt(S). { A = parse_seq_push(ctx, B, S); }

%type block {AstSeq}
block(A) ::= simple_stmts(B). { A = B; }
block(A) ::= NEWLINE INDENT stmts(B) DEDENT. { A = B; }

%type stmts {AstSeq}
stmts(A) ::= stmt(S). { A = S; }
stmts(A) ::= stmts(B) stmt(S). { A = parse_seq_cat(ctx, B, S); }

/* ---------------------------------------------------------- simple stmts */

%type small_stmt {AstStmt *}
small_stmt(A) ::= PASS(T). { A = parse_simple(ctx, AST_PASS, T); }
small_stmt(A) ::= BREAK(T). { A = parse_simple(ctx, AST_BREAK, T); }
small_stmt(A) ::= CONTINUE(T). { A = parse_simple(ctx, AST_CONTINUE, T); }
small_stmt(A) ::= RETURN(T). { A = parse_return(ctx, T, NULL); }
small_stmt(A) ::= RETURN(T) testlist_star_expr(E). { A = parse_return(ctx, T, E); }
small_stmt(A) ::= RAISE(T). { A = parse_raise(ctx, T, NULL, NULL); }
small_stmt(A) ::= RAISE(T) test(E). { A = parse_raise(ctx, T, E, NULL); }
small_stmt(A) ::= RAISE(T) test(E) FROM test(C). { A = parse_raise(ctx, T, E, C); }
small_stmt(A) ::= DEL(T) exprlist(L). { A = parse_delete(ctx, T, L); }
small_stmt(A) ::= ASSERT(T) test(E). { A = parse_assert(ctx, T, E, NULL); }
small_stmt(A) ::= ASSERT(T) test(E) COMMA test(M). { A = parse_assert(ctx, T, E, M); }
small_stmt(A) ::= GLOBAL(T) namelist(L). { A = parse_global(ctx, AST_GLOBAL, T, L); }
small_stmt(A) ::= NONLOCAL(T) namelist(L). { A = parse_global(ctx, AST_NONLOCAL, T, L); }
small_stmt(A) ::= IMPORT(T) dotted_as_names(L). { A = parse_import(ctx, T, L); }
small_stmt(A) ::= FROM(T) dots(D) dotted_name(M) IMPORT import_targets(L).
    { A = parse_importfrom(ctx, T, D, M, L, NULL); }
small_stmt(A) ::= FROM(T) dotted_name(M) IMPORT import_targets(L).
    { A = parse_importfrom(ctx, T, 0, M, L, NULL); }
small_stmt(A) ::= FROM(T) dots(D) IMPORT import_targets(L).
    { A = parse_importfrom(ctx, T, D, NULL, L, NULL); }
small_stmt(A) ::= TYPE(T) NAME(N) tparams_opt(P) EQUAL test(E).
    { A = parse_typealias(ctx, T, N, P, E); }

%type namelist {PList *}
namelist(A) ::= NAME(N). { A = parse_list_new(ctx, (void *)N, parse_loc_tok(N)); }
namelist(A) ::= namelist(B) COMMA NAME(N). { A = parse_list_push(ctx, B, (void *)N, parse_loc_tok(N)); }

%type dots {int}
dots(A) ::= DOT. { A = 1; }
dots(A) ::= ELLIPSIS. { A = 3; }
dots(A) ::= dots(B) DOT. { A = B + 1; }
dots(A) ::= dots(B) ELLIPSIS. { A = B + 3; }

%type dotted_name {AstAlias *}
dotted_name(A) ::= NAME(N). { A = parse_dotted(ctx, NULL, N); }
dotted_name(A) ::= dotted_name(B) DOT NAME(N). { A = parse_dotted(ctx, B, N); }

%type dotted_as_names {PList *}
dotted_as_names(A) ::= dotted_as_name(D). { A = parse_list_new(ctx, D, D ? PLOC(D) : (AstLoc){0}); }
dotted_as_names(A) ::= dotted_as_names(B) COMMA dotted_as_name(D).
    { A = parse_list_push(ctx, B, D, D ? PLOC(D) : (AstLoc){0}); }

%type dotted_as_name {AstAlias *}
dotted_as_name(A) ::= dotted_name(D). { A = D; }
dotted_as_name(A) ::= dotted_name(D) AS NAME(N). { A = parse_alias(ctx, D, N); }

%type import_targets {PList *}
import_targets(A) ::= STAR(S).
    { AstAlias *a = parse_dotted(ctx, NULL, S); A = parse_list_new(ctx, a, parse_loc_tok(S)); }
import_targets(A) ::= LPAR import_as_names(L) RPAR(R).
    { A = L; if (A) { A->loc = parse_loc_span(A->loc, parse_loc_tok(R)); } }
import_targets(A) ::= LPAR import_as_names(L) COMMA RPAR(R).
    { A = L; if (A) { A->loc = parse_loc_span(A->loc, parse_loc_tok(R)); } }
import_targets(A) ::= import_as_names(L). { A = L; }
import_targets(A) ::= import_as_names(L) COMMA(C). {
    A = L; (void)C;
    parse_fail(ctx, "SyntaxError", parse_loc_tok(ctx->cur),
               "trailing comma not allowed without surrounding parentheses");
}

%type import_as_names {PList *}
import_as_names(A) ::= import_as_name(D). { A = parse_list_new(ctx, D, D ? PLOC(D) : (AstLoc){0}); }
import_as_names(A) ::= import_as_names(B) COMMA import_as_name(D).
    { A = parse_list_push(ctx, B, D, D ? PLOC(D) : (AstLoc){0}); }

%type import_as_name {AstAlias *}
import_as_name(A) ::= NAME(N). { A = parse_dotted(ctx, NULL, N); }
import_as_name(A) ::= NAME(N) AS NAME(M). { A = parse_alias(ctx, parse_dotted(ctx, NULL, N), M); }

/* expression statements and assignments */
/* expression statements and assignments are small_stmt rules directly */
small_stmt(A) ::= testlist_star_expr(E). { A = parse_expr_stmt(ctx, E); }
small_stmt(A) ::= yield_expr(E). { A = parse_expr_stmt(ctx, E); }
small_stmt(A) ::= testlist_star_expr(T) COLON test(N). { A = parse_annassign(ctx, T, N, NULL); }
small_stmt(A) ::= testlist_star_expr(T) COLON test(N) EQUAL rhs(V).
    { A = parse_annassign(ctx, T, N, V); }
small_stmt(A) ::= testlist_star_expr(T) augassign(O) rhs(V). { A = parse_augassign(ctx, T, O, V); }
small_stmt(A) ::= assign_chain(C). { A = parse_assign(ctx, C); }

%type assign_chain {PList *}
assign_chain(A) ::= testlist_star_expr(T) EQUAL rhs(V).
    { A = parse_list_push(ctx, parse_list_new(ctx, T, PXLOC(T)), V,
                          PXLOC(V)); }
assign_chain(A) ::= yield_expr(T) EQUAL rhs(V).
    { A = parse_list_push(ctx, parse_list_new(ctx, T, PXLOC(T)), V,
                          PXLOC(V)); }
assign_chain(A) ::= assign_chain(B) EQUAL rhs(V). { A = parse_list_push(ctx, B, V, PXLOC(V)); }

%type rhs {AstExpr *}
rhs(A) ::= testlist_star_expr(E). { A = E; }
/* a lone test: the shortcut of `test ::= primary` again */
rhs(A) ::= test(A). [PSHORT]
rhs(A) ::= yield_expr(E). { A = E; }

%type augassign {const LexToken *}
augassign(A) ::= PLUSEQUAL(T). { A = T; }
augassign(A) ::= MINEQUAL(T). { A = T; }
augassign(A) ::= STAREQUAL(T). { A = T; }
augassign(A) ::= ATEQUAL(T). { A = T; }
augassign(A) ::= SLASHEQUAL(T). { A = T; }
augassign(A) ::= PERCENTEQUAL(T). { A = T; }
augassign(A) ::= AMPEREQUAL(T). { A = T; }
augassign(A) ::= VBAREQUAL(T). { A = T; }
augassign(A) ::= CIRCUMFLEXEQUAL(T). { A = T; }
augassign(A) ::= LEFTSHIFTEQUAL(T). { A = T; }
augassign(A) ::= RIGHTSHIFTEQUAL(T). { A = T; }
augassign(A) ::= DOUBLESTAREQUAL(T). { A = T; }
augassign(A) ::= DOUBLESLASHEQUAL(T). { A = T; }

/* -------------------------------------------------------- compound stmts */

%type compound_stmt {AstStmt *}
compound_stmt(A) ::= if_stmt(S). { A = S; }
compound_stmt(A) ::= WHILE(T) namedexpr_test(E) COLON block(B).
    { AstSeq e; memset(&e, 0, sizeof(e)); A = parse_while(ctx, T, E, B, e); }
compound_stmt(A) ::= WHILE(T) namedexpr_test(E) COLON block(B) ELSE COLON block(O).
    { A = parse_while(ctx, T, E, B, O); }
compound_stmt(A) ::= for_stmt(S). { A = S; }
compound_stmt(A) ::= try_stmt(S). { A = S; }
compound_stmt(A) ::= with_stmt(S). { A = S; }
compound_stmt(A) ::= funcdef(S). { A = S; }
compound_stmt(A) ::= classdef(S). { A = S; }
compound_stmt(A) ::= decorators(D) funcdef(S). { A = parse_decorated(ctx, D, S); }
compound_stmt(A) ::= decorators(D) classdef(S). { A = parse_decorated(ctx, D, S); }
compound_stmt(A) ::= decorators(D) ASYNC(T) funcdef(S).
    { A = parse_decorated(ctx, D, parse_async(ctx, T, S)); }
compound_stmt(A) ::= ASYNC(T) funcdef(S). { A = parse_async(ctx, T, S); }
compound_stmt(A) ::= ASYNC(T) for_stmt(S). { A = parse_async(ctx, T, S); }
compound_stmt(A) ::= ASYNC(T) with_stmt(S). { A = parse_async(ctx, T, S); }
compound_stmt(A) ::= match_stmt(S). { A = S; }

%type if_stmt {AstStmt *}
if_stmt(A) ::= if_chain(C). { AstSeq e; memset(&e, 0, sizeof(e)); A = parse_if(ctx, C, e); }
if_stmt(A) ::= if_chain(C) ELSE COLON block(O). { A = parse_if(ctx, C, O); }

%type if_chain {PIfChain *}
if_chain(A) ::= IF(T) namedexpr_test(E) COLON block(B). { A = parse_if_chain(ctx, NULL, T, E, B); }
if_chain(A) ::= if_chain(C) ELIF(T) namedexpr_test(E) COLON block(B).
    { A = parse_if_chain(ctx, C, T, E, B); }

%type for_stmt {AstStmt *}
for_stmt(A) ::= FOR(T) exprlist(L) IN testlist_star_expr(E) COLON block(B).
    { AstSeq e; memset(&e, 0, sizeof(e)); A = parse_for(ctx, T, L, E, B, e); }
for_stmt(A) ::= FOR(T) exprlist(L) IN testlist_star_expr(E) COLON block(B) ELSE COLON block(O).
    { A = parse_for(ctx, T, L, E, B, O); }

%type try_stmt {AstStmt *}
%type handlers {AstSeq}
%type handler {AstExceptHandler *}
try_stmt(A) ::= TRY(T) COLON block(B) FINALLY COLON block(F).
    { AstSeq e; memset(&e, 0, sizeof(e)); A = parse_try(ctx, T, B, e, e, F); }
try_stmt(A) ::= TRY(T) COLON block(B) handlers(H).
    { AstSeq e; memset(&e, 0, sizeof(e)); A = parse_try(ctx, T, B, H, e, e); }
try_stmt(A) ::= TRY(T) COLON block(B) handlers(H) ELSE COLON block(O).
    { AstSeq e; memset(&e, 0, sizeof(e)); A = parse_try(ctx, T, B, H, O, e); }
try_stmt(A) ::= TRY(T) COLON block(B) handlers(H) FINALLY COLON block(F).
    { AstSeq e; memset(&e, 0, sizeof(e)); A = parse_try(ctx, T, B, H, e, F); }
try_stmt(A) ::= TRY(T) COLON block(B) handlers(H) ELSE COLON block(O) FINALLY COLON block(F).
    { A = parse_try(ctx, T, B, H, O, F); }
handlers(A) ::= handler(H). { A = parse_seq1(ctx, H); }
handlers(A) ::= handlers(B) handler(H). { A = parse_seq_push(ctx, B, H); }
handler(A) ::= EXCEPT(T) COLON block(B). { A = parse_handler(ctx, T, false, NULL, NULL, B); }
handler(A) ::= EXCEPT(T) test(E) COLON block(B). { A = parse_handler(ctx, T, false, E, NULL, B); }
handler(A) ::= EXCEPT(T) test(E) AS NAME(N) COLON block(B).
    { A = parse_handler(ctx, T, false, E, N, B); }
/* PEP 758 (3.14): `except A, B:` without parentheses, unless `as` follows */
handler(A) ::= EXCEPT(T) exc_list(L) COLON block(B).
    { A = parse_handler(ctx, T, false, parse_tuple_or_expr(ctx, L, true), NULL, B); }
handler(A) ::= EXCEPT(T) STAR exc_list(L) COLON block(B).
    { A = parse_handler(ctx, T, true, parse_tuple_or_expr(ctx, L, true), NULL, B); }
handler(A) ::= EXCEPT exc_list(L) AS NAME COLON block. {
    A = NULL;
    parse_fail(ctx, "SyntaxError", PLOC(L),
               "multiple exception types must be parenthesized when using 'as'");
}
handler(A) ::= EXCEPT STAR exc_list(L) AS NAME COLON block. {
    A = NULL;
    parse_fail(ctx, "SyntaxError", PLOC(L),
               "multiple exception types must be parenthesized when using 'as'");
}
%type exc_list {PList *}
exc_list(A) ::= test(E) COMMA test(F).
    { A = parse_list_push(ctx, parse_list_new(ctx, E, PXLOC(E)), F, PXLOC(F)); }
exc_list(A) ::= exc_list(B) COMMA test(F). { A = parse_list_push(ctx, B, F, PXLOC(F)); }
handler(A) ::= EXCEPT(T) STAR test(E) COLON block(B).
    { A = parse_handler(ctx, T, true, E, NULL, B); }
handler(A) ::= EXCEPT(T) STAR test(E) AS NAME(N) COLON block(B).
    { A = parse_handler(ctx, T, true, E, N, B); }

%type with_stmt {AstStmt *}
%type with_items {PList *}
%type with_item {AstWithItem *}
with_stmt(A) ::= WITH(T) with_items(L) COLON block(B). { A = parse_with(ctx, T, L, B); }
with_stmt(A) ::= WITHP(T) LPAR with_items(L) RPAR COLON block(B). { A = parse_with(ctx, T, L, B); }
with_stmt(A) ::= WITHP(T) LPAR with_items(L) COMMA RPAR COLON block(B).
    { A = parse_with(ctx, T, L, B); }
with_items(A) ::= with_item(W). { A = parse_list_new(ctx, W, (AstLoc){0}); }
with_items(A) ::= with_items(B) COMMA with_item(W). { A = parse_list_push(ctx, B, W, (AstLoc){0}); }
with_item(A) ::= test(E). { A = parse_withitem(ctx, E, NULL); }
with_item(A) ::= test(E) AS expr(T). { A = parse_withitem(ctx, E, T); }

%type funcdef {AstStmt *}
funcdef(A) ::= DEF(T) NAME(N) tparams_opt(P) LPAR params_opt(L) RPAR COLON block(B).
    { A = parse_funcdef(ctx, T, N, P, L, NULL, B); }
funcdef(A) ::= DEF(T) NAME(N) tparams_opt(P) LPAR params_opt(L) RPAR RARROW test(R) COLON block(B).
    { A = parse_funcdef(ctx, T, N, P, L, R, B); }

%type classdef {AstStmt *}
classdef(A) ::= CLASS(T) NAME(N) tparams_opt(P) COLON block(B).
    { A = parse_classdef(ctx, T, N, P, NULL, B); }
classdef(A) ::= CLASS(T) NAME(N) tparams_opt(P) LPAR arglist_opt(L) RPAR COLON block(B).
    { A = parse_classdef(ctx, T, N, P, L, B); }

%type decorators {AstSeq}
decorators(A) ::= AT namedexpr_test(E) NEWLINE. { A = parse_seq1(ctx, E); }
decorators(A) ::= decorators(B) AT namedexpr_test(E) NEWLINE. { A = parse_seq_push(ctx, B, E); }

/* PEP 695 type parameters */
%type tparams_opt {AstSeq}
%type tparams {AstSeq}
%type tparam {AstTypeParam *}
tparams_opt(A) ::= . { memset(&A, 0, sizeof(A)); }
tparams_opt(A) ::= LSQB tparams(B) RSQB. { A = B; }
tparams_opt(A) ::= LSQB tparams(B) COMMA RSQB. { A = B; }
tparams(A) ::= tparam(P). { A = parse_seq1(ctx, P); }
tparams(A) ::= tparams(B) COMMA tparam(P). { A = parse_seq_push(ctx, B, P); }
tparam(A) ::= NAME(N). { A = parse_tparam(ctx, AST_TYPEVAR, N, NULL, NULL, parse_loc_tok(N)); }
tparam(A) ::= NAME(N) COLON test(B).
    { A = parse_tparam(ctx, AST_TYPEVAR, N, B, NULL, parse_loc_span(parse_loc_tok(N), PLOC(B))); }
tparam(A) ::= NAME(N) EQUAL test(D).
    { A = parse_tparam(ctx, AST_TYPEVAR, N, NULL, D, parse_loc_span(parse_loc_tok(N), PLOC(D))); }
tparam(A) ::= NAME(N) COLON test(B) EQUAL test(D).
    { A = parse_tparam(ctx, AST_TYPEVAR, N, B, D, parse_loc_span(parse_loc_tok(N), PLOC(D))); }
tparam(A) ::= STAR(S) NAME(N).
    { A = parse_tparam(ctx, AST_TYPEVARTUPLE, N, NULL, NULL, parse_loc_tokspan(S, N)); }
tparam(A) ::= STAR(S) NAME(N) EQUAL test(D).
    { A = parse_tparam(ctx, AST_TYPEVARTUPLE, N, NULL, D, parse_loc_span(parse_loc_tok(S), PLOC(D))); }
tparam(A) ::= STAR(S) NAME(N) EQUAL star_expr(D).
    { A = parse_tparam(ctx, AST_TYPEVARTUPLE, N, NULL, D, parse_loc_span(parse_loc_tok(S), PLOC(D))); }
tparam(A) ::= DOUBLESTAR(S) NAME(N).
    { A = parse_tparam(ctx, AST_PARAMSPEC, N, NULL, NULL, parse_loc_tokspan(S, N)); }
tparam(A) ::= DOUBLESTAR(S) NAME(N) EQUAL test(D).
    { A = parse_tparam(ctx, AST_PARAMSPEC, N, NULL, D, parse_loc_span(parse_loc_tok(S), PLOC(D))); }

/* function parameters: a flat list, ordering checked in params.c */
%type params_opt {PList *}
%type params {PList *}
%type param {PParam *}
params_opt(A) ::= . { A = NULL; }
params_opt(A) ::= params(B). { A = B; }
params_opt(A) ::= params(B) COMMA. { A = B; }
params(A) ::= param(P). { A = parse_list_new(ctx, P, P ? PLOC(P) : (AstLoc){0}); }
params(A) ::= params(B) COMMA param(P). { A = parse_list_push(ctx, B, P, P ? PLOC(P) : (AstLoc){0}); }
param(A) ::= NAME(N). { A = parse_param(ctx, PP_NAME, N, NULL, NULL, parse_loc_tok(N)); }
param(A) ::= NAME(N) COLON test(T).
    { A = parse_param(ctx, PP_NAME, N, T, NULL, parse_loc_span(parse_loc_tok(N), PLOC(T))); }
param(A) ::= NAME(N) EQUAL test(D).
    { A = parse_param(ctx, PP_NAME, N, NULL, D, parse_loc_tok(N)); }
param(A) ::= NAME(N) COLON test(T) EQUAL test(D).
    { A = parse_param(ctx, PP_NAME, N, T, D, parse_loc_span(parse_loc_tok(N), PLOC(T))); }
param(A) ::= SLASH(S). { A = parse_param(ctx, PP_SLASH, NULL, NULL, NULL, parse_loc_tok(S)); }
param(A) ::= STAR(S). { A = parse_param(ctx, PP_STAR, NULL, NULL, NULL, parse_loc_tok(S)); }
param(A) ::= STAR(S) NAME(N). { A = parse_param(ctx, PP_VARARG, N, NULL, NULL, parse_loc_tok(S)); }
param(A) ::= STAR(S) NAME(N) COLON test(T).
    { A = parse_param(ctx, PP_VARARG, N, T, NULL, parse_loc_tok(S)); }
param(A) ::= STAR(S) NAME(N) COLON star_expr(T).
    { A = parse_param(ctx, PP_VARARG, N, T, NULL, parse_loc_tok(S)); }
param(A) ::= STAR(S) NAME EQUAL(Q) test. {
    A = NULL; (void)S;
    parse_fail(ctx, "SyntaxError", parse_loc_tok(Q), "var-positional argument cannot have default value");
}
param(A) ::= DOUBLESTAR(S) NAME(N). { A = parse_param(ctx, PP_KWARG, N, NULL, NULL, parse_loc_tok(S)); }
param(A) ::= DOUBLESTAR(S) NAME(N) COLON test(T).
    { A = parse_param(ctx, PP_KWARG, N, T, NULL, parse_loc_tok(S)); }
param(A) ::= DOUBLESTAR NAME EQUAL(Q) test. {
    A = NULL;
    parse_fail(ctx, "SyntaxError", parse_loc_tok(Q), "var-keyword argument cannot have default value");
}

/* match statement */
%type match_stmt {AstStmt *}
%type cases {AstSeq}
%type case_block {AstMatchCase *}
match_stmt(A) ::= MATCH(T) subject(S) COLON NEWLINE INDENT cases(C) DEDENT.
    { A = parse_match(ctx, T, S, C); }
%type subject {AstExpr *}
subject(A) ::= tl_items(L). { A = parse_tuple_or_expr(ctx, L, false); }
subject(A) ::= tl_items(L) COMMA(C). {
    if (L) { L->loc = parse_loc_span(L->loc, parse_loc_tok(C)); }
    A = parse_tuple_or_expr(ctx, L, true);
}
cases(A) ::= case_block(C). { A = parse_seq1(ctx, C); }
cases(A) ::= cases(B) case_block(C). { A = parse_seq_push(ctx, B, C); }
case_block(A) ::= CASE patterns(P) COLON block(B). { A = parse_case(ctx, P, NULL, B); }
case_block(A) ::= CASE patterns(P) IF namedexpr_test(G) COLON block(B).
    { A = parse_case(ctx, P, G, B); }

%type patterns {AstPattern *}
%type pattern {AstPattern *}
%type or_pattern {AstPattern *}
%type closed_pattern {AstPattern *}
%type pat_items {PList *}
%type pat_item {AstPattern *}
patterns(A) ::= pat_items(L). { A = parse_pat_top(ctx, L); }
patterns(A) ::= pat_items(L) COMMA. { if (L) { L->comma = true; } A = parse_pat_top(ctx, L); }
pat_items(A) ::= pat_item(P). { A = parse_list_new(ctx, P, P ? PLOC(P) : (AstLoc){0}); }
pat_items(A) ::= pat_items(B) COMMA pat_item(P).
    { A = parse_list_push(ctx, B, P, P ? PLOC(P) : (AstLoc){0}); if (A) { A->comma = true; } }
pat_item(A) ::= pattern(P). { A = P; }
pat_item(A) ::= STAR(S) NAME(N). { A = parse_pat_star(ctx, S, N); }
pattern(A) ::= or_pattern(P). { A = P; }
pattern(A) ::= or_pattern(P) AS NAME(N). { A = parse_pat_as(ctx, P, N); }
or_pattern(A) ::= closed_pattern(P). { A = P; }
or_pattern(A) ::= or_pattern(L) VBAR closed_pattern(R). { A = parse_pat_or(ctx, L, R); }
closed_pattern(A) ::= literal_expr(E). { A = parse_pat_literal(ctx, E); }
closed_pattern(A) ::= NAME(N). { A = parse_pat_capture(ctx, N); }
closed_pattern(A) ::= pat_attr(E). { A = parse_pat_value(ctx, E); }
closed_pattern(A) ::= LPAR(L) RPAR(R). { A = parse_pat_seq(ctx, L, NULL, R, false); }
closed_pattern(A) ::= LPAR(L) pat_items(P) RPAR(R). { A = parse_pat_seq(ctx, L, P, R, false); }
closed_pattern(A) ::= LPAR(L) pat_items(P) COMMA RPAR(R).
    { if (P) { P->comma = true; } A = parse_pat_seq(ctx, L, P, R, false); }
closed_pattern(A) ::= LSQB(L) RSQB(R). { A = parse_pat_seq(ctx, L, NULL, R, true); }
closed_pattern(A) ::= LSQB(L) pat_items(P) RSQB(R). { A = parse_pat_seq(ctx, L, P, R, true); }
closed_pattern(A) ::= LSQB(L) pat_items(P) COMMA RSQB(R). { A = parse_pat_seq(ctx, L, P, R, true); }
closed_pattern(A) ::= LBRACE(L) RBRACE(R). { A = parse_pat_mapping(ctx, L, NULL, NULL, NULL, R); }
closed_pattern(A) ::= LBRACE(L) DOUBLESTAR NAME(N) RBRACE(R).
    { A = parse_pat_mapping(ctx, L, NULL, NULL, N, R); }
closed_pattern(A) ::= LBRACE(L) DOUBLESTAR NAME(N) COMMA RBRACE(R).
    { A = parse_pat_mapping(ctx, L, NULL, NULL, N, R); }
closed_pattern(A) ::= LBRACE(L) map_items(M) RBRACE(R).
    { A = parse_pat_mapping(ctx, L, M, M ? (PList *)M->items.items[M->items.len - 1] : NULL, NULL, R); }
closed_pattern(A) ::= LBRACE(L) map_items(M) COMMA RBRACE(R).
    { A = parse_pat_mapping(ctx, L, M, M ? (PList *)M->items.items[M->items.len - 1] : NULL, NULL, R); }
closed_pattern(A) ::= LBRACE(L) map_items(M) COMMA DOUBLESTAR NAME(N) RBRACE(R).
    { A = parse_pat_mapping(ctx, L, M, M ? (PList *)M->items.items[M->items.len - 1] : NULL, N, R); }
closed_pattern(A) ::= LBRACE(L) map_items(M) COMMA DOUBLESTAR NAME(N) COMMA RBRACE(R).
    { A = parse_pat_mapping(ctx, L, M, M ? (PList *)M->items.items[M->items.len - 1] : NULL, N, R); }
closed_pattern(A) ::= NAME(N) LPAR cargs_opt(L) RPAR(R). { A = parse_pat_class(ctx, parse_name(ctx, N), L, R); }
closed_pattern(A) ::= pat_attr(E) LPAR cargs_opt(L) RPAR(R). { A = parse_pat_class(ctx, E, L, R); }

/* map_items: a PList of keys whose last slot holds a PList of patterns
 * (keeps one nonterminal type for the pair of lists). */
%type map_items {PList *}
map_items(A) ::= map_key(K) COLON pattern(P). {
    PList *pats = parse_list_new(ctx, P, (AstLoc){0});
    A = parse_list_new(ctx, K, (AstLoc){0});
    A = parse_list_push(ctx, A, pats, (AstLoc){0});
}
map_items(A) ::= map_items(B) COMMA map_key(K) COLON pattern(P). {
    A = B;
    if (A) {
        PList *pats = A->items.items[A->items.len - 1];
        A->items.items[A->items.len - 1] = K;
        parse_list_push(ctx, pats, P, (AstLoc){0});
        A = parse_list_push(ctx, A, pats, (AstLoc){0});
    }
}
%type map_key {AstExpr *}
map_key(A) ::= literal_expr(E). { A = E; }
map_key(A) ::= pat_attr(E). { A = E; }

%type cargs_opt {PList *}
%type cargs {PList *}
%type carg {AstPattern *}
cargs_opt(A) ::= . { A = NULL; }
cargs_opt(A) ::= cargs(L). { A = L; }
cargs_opt(A) ::= cargs(L) COMMA. { A = L; }
cargs(A) ::= carg(P). { A = parse_list_new(ctx, P, (AstLoc){0}); }
cargs(A) ::= cargs(B) COMMA carg(P). { A = parse_list_push(ctx, B, P, (AstLoc){0}); }
carg(A) ::= pattern(P). { A = P; }
carg(A) ::= NAME(N) EQUAL pattern(P). { A = parse_pat_kw(ctx, N, P); }

%type pat_attr {AstExpr *}
pat_attr(A) ::= NAME(N) DOT NAME(M). { A = parse_attribute(ctx, parse_name(ctx, N), M); }
pat_attr(A) ::= pat_attr(B) DOT NAME(M). { A = parse_attribute(ctx, B, M); }

%type literal_expr {AstExpr *}
%type signed_number {AstExpr *}
literal_expr(A) ::= signed_number(N). { A = N; }
literal_expr(A) ::= signed_number(L) PLUS NUMBER(R).
    { A = parse_binop(ctx, L, AST_ADD, parse_number(ctx, R)); }
literal_expr(A) ::= signed_number(L) MINUS NUMBER(R).
    { A = parse_binop(ctx, L, AST_SUB, parse_number(ctx, R)); }
literal_expr(A) ::= strings(S). { A = parse_concat(ctx, S); }
literal_expr(A) ::= NONE(T). { A = parse_const(ctx, AST_CONST_NONE, T); }
literal_expr(A) ::= TRUE(T). { A = parse_const(ctx, AST_CONST_TRUE, T); }
literal_expr(A) ::= FALSE(T). { A = parse_const(ctx, AST_CONST_FALSE, T); }
signed_number(A) ::= NUMBER(N). { A = parse_number(ctx, N); }
signed_number(A) ::= MINUS(T) NUMBER(N). { A = parse_unary(ctx, T, AST_USUB, parse_number(ctx, N)); }

/* ----------------------------------------------------------- expressions */

%type testlist_star_expr {AstExpr *}
/* one item without a comma is the item itself: its own rules spare the
 * common case a list and two unit reductions */
testlist_star_expr(A) ::= test(A). [PCHAIN]
testlist_star_expr(A) ::= star_expr(A).
testlist_star_expr(A) ::= test(E) COMMA(C). {
    PList *l = parse_list_new(ctx, E, PXLOC(E));
    if (l) { l->loc = parse_loc_span(l->loc, parse_loc_tok(C)); }
    A = parse_tuple_or_expr(ctx, l, true);
}
testlist_star_expr(A) ::= star_expr(E) COMMA(C). {
    PList *l = parse_list_new(ctx, E, PXLOC(E));
    if (l) { l->loc = parse_loc_span(l->loc, parse_loc_tok(C)); }
    A = parse_tuple_or_expr(ctx, l, true);
}
testlist_star_expr(A) ::= tse_items(L). { A = parse_tuple_or_expr(ctx, L, false); }
testlist_star_expr(A) ::= tse_items(L) COMMA(C). {
    if (L) { L->loc = parse_loc_span(L->loc, parse_loc_tok(C)); }
    A = parse_tuple_or_expr(ctx, L, true);
}

/* two or more items */
%type tse_items {PList *}
%type tse_item {AstExpr *}
tse_item(A) ::= test(A).
tse_item(A) ::= star_expr(A).
tse_items(A) ::= test(E) COMMA tse_item(F).
    { A = parse_list_push(ctx, parse_list_new(ctx, E, PXLOC(E)), F, PXLOC(F)); }
tse_items(A) ::= star_expr(E) COMMA tse_item(F).
    { A = parse_list_push(ctx, parse_list_new(ctx, E, PXLOC(E)), F, PXLOC(F)); }
tse_items(A) ::= tse_items(B) COMMA tse_item(E). { A = parse_list_push(ctx, B, E, PXLOC(E)); }

/* named-expression items (parenthesized / bracketed displays) */
%type tl_items {PList *}
tl_items(A) ::= namedexpr_test(E). { A = parse_list_new(ctx, E, PXLOC(E)); }
tl_items(A) ::= star_expr(E). { A = parse_list_new(ctx, E, PXLOC(E)); }
tl_items(A) ::= tl_items(B) COMMA namedexpr_test(E). { A = parse_list_push(ctx, B, E, PXLOC(E)); }
tl_items(A) ::= tl_items(B) COMMA star_expr(E). { A = parse_list_push(ctx, B, E, PXLOC(E)); }

/* for / del / comprehension targets (no comparisons, so `in` ends them) */
%type exprlist {PList *}
exprlist(A) ::= el_items(L). { A = L; }
exprlist(A) ::= el_items(L) COMMA(C).
    { A = L; if (A) { A->comma = true; A->loc = parse_loc_span(A->loc, parse_loc_tok(C)); } }
%type el_items {PList *}
el_items(A) ::= expr(E). { A = parse_list_new(ctx, E, PXLOC(E)); }
el_items(A) ::= star_expr(E). { A = parse_list_new(ctx, E, PXLOC(E)); }
el_items(A) ::= el_items(B) COMMA expr(E). { A = parse_list_push(ctx, B, E, PXLOC(E)); }
el_items(A) ::= el_items(B) COMMA star_expr(E). { A = parse_list_push(ctx, B, E, PXLOC(E)); }

%type yield_expr {AstExpr *}
yield_expr(A) ::= YIELD(T). { A = parse_yield(ctx, T, NULL, false); }
yield_expr(A) ::= YIELD(T) testlist_star_expr(E). { A = parse_yield(ctx, T, E, false); }
yield_expr(A) ::= YIELD(T) FROM test(E). { A = parse_yield(ctx, T, E, true); }

%type star_expr {AstExpr *}
star_expr(A) ::= STAR(S) expr(E). { A = parse_starred(ctx, S, E); }

%type namedexpr_test {AstExpr *}
namedexpr_test(A) ::= test(E). { A = E; }
namedexpr_test(A) ::= walrus(A).
%type walrus {AstExpr *}
walrus(A) ::= NAME(N) COLONEQUAL test(E). { A = parse_namedexpr(ctx, N, E); }

%type test {AstExpr *}
/* A primary followed by what ends a `test` (a comma, a bracket...) is a
 * test at once: this shortcut and the chain primary -> expr -> or_test ->
 * test conflict exactly there, and PSHORT > PCHAIN picks the shortcut,
 * saving two reductions for most operands. */
test(A) ::= primary(A). [PSHORT]
test(A) ::= or_test(E). { A = E; }
test(A) ::= or_test(B) IF or_test(T) ELSE test(O). { A = parse_ifexp(ctx, B, T, O); }
test(A) ::= lambdef(E). { A = E; }

%type lambdef {AstExpr *}
lambdef(A) ::= LAMBDA(T) COLON test(B). { A = parse_lambda(ctx, T, NULL, B); }
lambdef(A) ::= LAMBDA(T) lparams(P) COLON test(B). { A = parse_lambda(ctx, T, P, B); }
lambdef(A) ::= LAMBDA(T) lparams(P) COMMA COLON test(B). { A = parse_lambda(ctx, T, P, B); }
%type lparams {PList *}
%type lparam {PParam *}
lparams(A) ::= lparam(P). { A = parse_list_new(ctx, P, P ? PLOC(P) : (AstLoc){0}); }
lparams(A) ::= lparams(B) COMMA lparam(P). { A = parse_list_push(ctx, B, P, P ? PLOC(P) : (AstLoc){0}); }
lparam(A) ::= NAME(N). { A = parse_param(ctx, PP_NAME, N, NULL, NULL, parse_loc_tok(N)); }
lparam(A) ::= NAME(N) EQUAL test(D). { A = parse_param(ctx, PP_NAME, N, NULL, D, parse_loc_tok(N)); }
lparam(A) ::= SLASH(S). { A = parse_param(ctx, PP_SLASH, NULL, NULL, NULL, parse_loc_tok(S)); }
lparam(A) ::= STAR(S). { A = parse_param(ctx, PP_STAR, NULL, NULL, NULL, parse_loc_tok(S)); }
lparam(A) ::= STAR(S) NAME(N). { A = parse_param(ctx, PP_VARARG, N, NULL, NULL, parse_loc_tok(S)); }
lparam(A) ::= DOUBLESTAR(S) NAME(N). { A = parse_param(ctx, PP_KWARG, N, NULL, NULL, parse_loc_tok(S)); }

/* or_test: `or`, `and`, `not` and comparisons in one nonterminal whose
 * ambiguity the precedence declarations above resolve. It accepts exactly
 * CPython's language (a comparison's operands are `expr`, so `a < not b`
 * stays an error) and saves the unit reductions of a cascade of levels. */
%type or_test {AstExpr *}
or_test(A) ::= expr(A).
or_test(A) ::= or_test(L) OR or_test(R). { A = parse_boolop(ctx, AST_OR, L, R); }
or_test(A) ::= or_test(L) AND or_test(R). { A = parse_boolop(ctx, AST_AND, L, R); }
or_test(A) ::= NOT(T) or_test(E). { A = parse_unary(ctx, T, AST_NOT, E); }
or_test(A) ::= or_test(L) LESS expr(R). { A = parse_compare(ctx, L, AST_LT, R); }
or_test(A) ::= or_test(L) GREATER expr(R). { A = parse_compare(ctx, L, AST_GT, R); }
or_test(A) ::= or_test(L) EQEQUAL expr(R). { A = parse_compare(ctx, L, AST_EQ, R); }
or_test(A) ::= or_test(L) GREATEREQUAL expr(R). { A = parse_compare(ctx, L, AST_GTE, R); }
or_test(A) ::= or_test(L) LESSEQUAL expr(R). { A = parse_compare(ctx, L, AST_LTE, R); }
or_test(A) ::= or_test(L) NOTEQUAL expr(R). { A = parse_compare(ctx, L, AST_NOTEQ, R); }
or_test(A) ::= or_test(L) IN expr(R). { A = parse_compare(ctx, L, AST_IN, R); }
or_test(A) ::= or_test(L) NOT IN expr(R). { A = parse_compare(ctx, L, AST_NOTIN, R); }
or_test(A) ::= or_test(L) IS expr(R). { A = parse_compare(ctx, L, AST_IS, R); }
or_test(A) ::= or_test(L) IS NOT expr(R). { A = parse_compare(ctx, L, AST_ISNOT, R); }

/* expr: the binary and unary arithmetic and bitwise operators (CPython's
 * bitwise_or down to power), one nonterminal with precedence. An
 * operand of `await` is a primary only, as in CPython. */
%type expr {AstExpr *}
expr(A) ::= primary(A). [PCHAIN]
expr(A) ::= AWAIT(T) primary(E). { A = parse_await(ctx, T, E); }
expr(A) ::= expr(L) VBAR expr(R). { A = parse_binop(ctx, L, AST_BITOR, R); }
expr(A) ::= expr(L) CIRCUMFLEX expr(R). { A = parse_binop(ctx, L, AST_BITXOR, R); }
expr(A) ::= expr(L) AMPER expr(R). { A = parse_binop(ctx, L, AST_BITAND, R); }
expr(A) ::= expr(L) LEFTSHIFT expr(R). { A = parse_binop(ctx, L, AST_LSHIFT, R); }
expr(A) ::= expr(L) RIGHTSHIFT expr(R). { A = parse_binop(ctx, L, AST_RSHIFT, R); }
expr(A) ::= expr(L) PLUS expr(R). { A = parse_binop(ctx, L, AST_ADD, R); }
expr(A) ::= expr(L) MINUS expr(R). { A = parse_binop(ctx, L, AST_SUB, R); }
expr(A) ::= expr(L) STAR expr(R). { A = parse_binop(ctx, L, AST_MULT, R); }
expr(A) ::= expr(L) SLASH expr(R). { A = parse_binop(ctx, L, AST_DIV, R); }
expr(A) ::= expr(L) PERCENT expr(R). { A = parse_binop(ctx, L, AST_MOD, R); }
expr(A) ::= expr(L) DOUBLESLASH expr(R). { A = parse_binop(ctx, L, AST_FLOORDIV, R); }
expr(A) ::= expr(L) AT expr(R). { A = parse_binop(ctx, L, AST_MATMULT, R); }
expr(A) ::= PLUS(T) expr(E). [TILDE] { A = parse_unary(ctx, T, AST_UADD, E); }
expr(A) ::= MINUS(T) expr(E). [TILDE] { A = parse_unary(ctx, T, AST_USUB, E); }
expr(A) ::= TILDE(T) expr(E). { A = parse_unary(ctx, T, AST_INVERT, E); }
expr(A) ::= expr(L) DOUBLESTAR expr(R). { A = parse_binop(ctx, L, AST_POW, R); }

%type primary {AstExpr *}
primary(A) ::= primary(F) LPAR arglist_opt(L) RPAR(R). { A = parse_call(ctx, F, L, R); }
primary(A) ::= primary(V) LSQB subscriptlist(S) RSQB(R). { A = parse_subscript(ctx, V, S, R); }
primary(A) ::= primary(V) DOT NAME(N). { A = parse_attribute(ctx, V, N); }

%type subscriptlist {PList *}
subscriptlist(A) ::= sub_items(L). { A = L; }
subscriptlist(A) ::= sub_items(L) COMMA(C).
    { A = L; if (A) { A->comma = true; A->loc = parse_loc_span(A->loc, parse_loc_tok(C)); } }
%type sub_items {PList *}
sub_items(A) ::= subscript(E). { A = parse_list_new(ctx, E, PXLOC(E)); }
sub_items(A) ::= sub_items(B) COMMA subscript(E). { A = parse_list_push(ctx, B, E, PXLOC(E)); }
%type subscript {AstExpr *}
subscript(A) ::= namedexpr_test(E). { A = E; }
subscript(A) ::= star_expr(E). { A = E; }
subscript(A) ::= test_opt(L) COLON(C) test_opt(H).
    { A = parse_slice(ctx, L, H, NULL, parse_loc_span(L ? PXLOC(L) : parse_loc_tok(C), H ? PXLOC(H) : parse_loc_tok(C))); }
subscript(A) ::= test_opt(L) COLON(C) test_opt(H) COLON(D) test_opt(S).
    { A = parse_slice(ctx, L, H, S, parse_loc_span(L ? PXLOC(L) : parse_loc_tok(C), S ? PXLOC(S) : parse_loc_tok(D))); }
%type test_opt {AstExpr *}
test_opt(A) ::= . { A = NULL; }
test_opt(A) ::= test(E). { A = E; }

%type arglist_opt {PList *}
arglist_opt(A) ::= . { A = NULL; }
arglist_opt(A) ::= argument(G). { A = parse_list_new(ctx, G, G ? PLOC(G) : (AstLoc){0}); }
arglist_opt(A) ::= argument(G) COMMA.
    { A = parse_list_new(ctx, G, G ? PLOC(G) : (AstLoc){0}); if (A) { A->comma = true; } }
arglist_opt(A) ::= args(L). { A = L; }
arglist_opt(A) ::= args(L) COMMA. { A = L; if (A) { A->comma = true; } }
/* two or more arguments */
%type args {PList *}
args(A) ::= argument(G) COMMA argument(H). {
    A = parse_list_new(ctx, G, G ? PLOC(G) : (AstLoc){0});
    A = parse_list_push(ctx, A, H, H ? PLOC(H) : (AstLoc){0});
}
args(A) ::= args(B) COMMA argument(G). { A = parse_list_push(ctx, B, G, G ? PLOC(G) : (AstLoc){0}); }
%type argument {PArg *}
/* namedexpr_test spelt out as test | walrus: one unit reduction less per
 * argument */
argument(A) ::= test(E). { A = parse_arg(ctx, PA_POS, E, NULL, PXLOC(E)); }
argument(A) ::= walrus(E). { A = parse_arg(ctx, PA_POS, E, NULL, PXLOC(E)); }
argument(A) ::= test(E) comp_for(G). {
    AstExpr *g = parse_comp(ctx, AST_GENERATOREXP, NULL, E, NULL, G, NULL);
    A = parse_arg(ctx, PA_GEN, g, NULL, g ? g->loc : (AstLoc){0});
}
argument(A) ::= walrus(E) comp_for(G). {
    AstExpr *g = parse_comp(ctx, AST_GENERATOREXP, NULL, E, NULL, G, NULL);
    A = parse_arg(ctx, PA_GEN, g, NULL, g ? g->loc : (AstLoc){0});
}
argument(A) ::= test(K) EQUAL test(V).
    { A = parse_arg(ctx, PA_KW, V, K, parse_loc_span(K ? PLOC(K) : (AstLoc){0}, PXLOC(V))); }
argument(A) ::= walrus(K) EQUAL test(V).
    { A = parse_arg(ctx, PA_KW, V, K, parse_loc_span(K ? PLOC(K) : (AstLoc){0}, PXLOC(V))); }
argument(A) ::= STAR(S) test(V). { A = parse_arg(ctx, PA_STAR, parse_starred(ctx, S, V), NULL, parse_loc_span(parse_loc_tok(S), PXLOC(V))); }
argument(A) ::= DOUBLESTAR(S) test(V). { A = parse_arg(ctx, PA_DSTAR, V, NULL, parse_loc_span(parse_loc_tok(S), PXLOC(V))); }

%type comp_for {AstSeq}
comp_for(A) ::= comp_clause(C). { A = parse_seq1(ctx, C); }
comp_for(A) ::= comp_for(B) comp_clause(C). { A = parse_seq_push(ctx, B, C); }
comp_for(A) ::= comp_for(B) IF or_test(E). {
    A = B;
    if (A.len > 0 && E) {
        AstComprehension *c = A.items[A.len - 1];
        c->ifs = parse_seq_push(ctx, c->ifs, E);
    }
}
%type comp_clause {AstComprehension *}
comp_clause(A) ::= FOR exprlist(T) IN or_test(E). { A = parse_comprehension(ctx, false, T, E); }
comp_clause(A) ::= ASYNC FOR exprlist(T) IN or_test(E). { A = parse_comprehension(ctx, true, T, E); }

primary(A) ::= NAME(N). { A = parse_name(ctx, N); }
primary(A) ::= NUMBER(N). { A = parse_number(ctx, N); }
primary(A) ::= strings(S). { A = parse_concat(ctx, S); }
/* a lone string literal: the same shortcut as `test ::= primary` */
primary(A) ::= STRING(S). [PSHORT] { A = parse_string_token(ctx, S); }
primary(A) ::= NONE(T). { A = parse_const(ctx, AST_CONST_NONE, T); }
primary(A) ::= TRUE(T). { A = parse_const(ctx, AST_CONST_TRUE, T); }
primary(A) ::= FALSE(T). { A = parse_const(ctx, AST_CONST_FALSE, T); }
primary(A) ::= ELLIPSIS(T). { A = parse_const(ctx, AST_CONST_ELLIPSIS, T); }
primary(A) ::= LPAR(L) RPAR(R). { A = parse_paren(ctx, L, NULL, R); }
primary(A) ::= LPAR(L) yield_expr(E) RPAR(R). {
    A = E;
    if (A) {
        A->parenthesized = true;
        A->paren_loc = parse_loc_tokspan(L, R);
    }
}
primary(A) ::= LPAR(L) tl_items(P) RPAR(R). { A = parse_paren(ctx, L, P, R); }
primary(A) ::= LPAR(L) tl_items(P) COMMA RPAR(R).
    { if (P) { P->comma = true; } A = parse_paren(ctx, L, P, R); }
primary(A) ::= LPAR(L) namedexpr_test(E) comp_for(G) RPAR(R).
    { A = parse_comp(ctx, AST_GENERATOREXP, L, E, NULL, G, R); }
primary(A) ::= LSQB(L) RSQB(R). { A = parse_list_display(ctx, L, NULL, R); }
primary(A) ::= LSQB(L) tl_items(P) RSQB(R). { A = parse_list_display(ctx, L, P, R); }
primary(A) ::= LSQB(L) tl_items(P) COMMA RSQB(R). { A = parse_list_display(ctx, L, P, R); }
primary(A) ::= LSQB(L) namedexpr_test(E) comp_for(G) RSQB(R).
    { A = parse_comp(ctx, AST_LISTCOMP, L, E, NULL, G, R); }
primary(A) ::= LBRACE(L) RBRACE(R). { A = parse_dict_display(ctx, L, NULL, NULL, R); }
primary(A) ::= LBRACE(L) tl_items(P) RBRACE(R). { A = parse_set_display(ctx, L, P, R); }
primary(A) ::= LBRACE(L) tl_items(P) COMMA RBRACE(R). { A = parse_set_display(ctx, L, P, R); }
primary(A) ::= LBRACE(L) namedexpr_test(E) comp_for(G) RBRACE(R).
    { A = parse_comp(ctx, AST_SETCOMP, L, E, NULL, G, R); }
primary(A) ::= LBRACE(L) dict_items(D) RBRACE(R).
    { A = parse_dict_display(ctx, L, D, D ? (PList *)D->items.items[D->items.len - 1] : NULL, R); }
primary(A) ::= LBRACE(L) dict_items(D) COMMA RBRACE(R).
    { A = parse_dict_display(ctx, L, D, D ? (PList *)D->items.items[D->items.len - 1] : NULL, R); }
primary(A) ::= LBRACE(L) test(K) COLON test(V) comp_for(G) RBRACE(R).
    { A = parse_comp(ctx, AST_DICTCOMP, L, K, V, G, R); }

/* dict_items: keys list whose last slot holds the values list (see
 * map_items); a NULL key stands for `**value`. */
%type dict_items {PList *}
dict_items(A) ::= dict_item(I). {
    A = NULL;
    if (I) {
        PList *vals = parse_list_new(ctx, I->items.items[1], (AstLoc){0});
        A = parse_list_new(ctx, I->items.items[0], (AstLoc){0});
        A = parse_list_push(ctx, A, vals, (AstLoc){0});
    }
}
dict_items(A) ::= dict_items(B) COMMA dict_item(I). {
    A = B;
    if (A && I) {
        PList *vals = A->items.items[A->items.len - 1];
        A->items.items[A->items.len - 1] = I->items.items[0];
        parse_list_push(ctx, vals, I->items.items[1], (AstLoc){0});
        A = parse_list_push(ctx, A, vals, (AstLoc){0});
    }
}
%type dict_item {PList *}
dict_item(A) ::= test(K) COLON test(V).
    { A = parse_list_push(ctx, parse_list_new(ctx, K, (AstLoc){0}), V, (AstLoc){0}); }
dict_item(A) ::= DOUBLESTAR expr(V).
    { A = parse_list_push(ctx, parse_list_new(ctx, NULL, (AstLoc){0}), V, (AstLoc){0}); }

/* strings: adjacent literals concatenate (parse_concat) */
%type strings {PList *}
strings(A) ::= STRING(S). [PCHAIN]
    { AstExpr *e = parse_string_token(ctx, S); A = parse_list_new(ctx, e, parse_loc_tok(S)); }
strings(A) ::= fstring(F). { A = parse_list_new(ctx, F, F ? PLOC(F) : (AstLoc){0}); }
strings(A) ::= strings(B) STRING(S). { AstExpr *e = parse_string_token(ctx, S); A = parse_list_push(ctx, B, e, parse_loc_tok(S)); }
strings(A) ::= strings(B) fstring(F). { A = parse_list_push(ctx, B, F, F ? PLOC(F) : (AstLoc){0}); }

%type fstring {AstExpr *}
fstring(A) ::= FSTRING_START(S) fparts(P) FSTRING_END(E). { A = parse_fstring(ctx, S, P, E); }
%type fparts {PList *}
fparts(A) ::= . { A = parse_list_new(ctx, NULL, (AstLoc){0}); if (A) { A->items.len = 0; } }
fparts(A) ::= fparts(B) FSTRING_MIDDLE(M). { A = parse_list_push(ctx, B, parse_fmiddle(ctx, M), (AstLoc){0}); }
fparts(A) ::= fparts(B) ffield(F). { A = parse_list_push(ctx, B, F, (AstLoc){0}); }
%type ffield {AstExpr *}
ffield(A) ::= LBRACE(L) fexpr(E) fdebug(Q) fconv(C) fspec(S) RBRACE(R).
    { A = parse_ffield(ctx, L, E, Q, C, S ? S->items.items[S->items.len - 1] : NULL, S ? (const LexToken *)S->items.items[0] : NULL, R); }
%type fexpr {AstExpr *}
fexpr(A) ::= testlist_star_expr(E). { A = E; }
fexpr(A) ::= yield_expr(E). { A = E; }
%type fdebug {const LexToken *}
fdebug(A) ::= . { A = NULL; }
fdebug(A) ::= EQUAL(Q). { A = Q; }
%type fconv {const LexToken *}
fconv(A) ::= . { A = NULL; }
fconv(A) ::= EXCLAMATION(X) NAME(N). {
    A = N;
    if (X->end_col != N->col || X->end_lineno != N->lineno) {
        parse_fail(ctx, "SyntaxError", parse_loc_tok(N),
                   "f-string: conversion type must come right after the exclamanation mark");
    }
}
/* fspec: [colon token, spec parts PList] packed in a PList */
%type fspec {PList *}
fspec(A) ::= . { A = NULL; }
fspec(A) ::= COLON(C) fspec_parts(P). {
    A = parse_list_new(ctx, (void *)C, (AstLoc){0});
    A = parse_list_push(ctx, A, P, (AstLoc){0});
}
%type fspec_parts {PList *}
fspec_parts(A) ::= . { A = parse_list_new(ctx, NULL, (AstLoc){0}); if (A) { A->items.len = 0; } }
fspec_parts(A) ::= fspec_parts(B) FSTRING_MIDDLE(M). { A = parse_list_push(ctx, B, parse_fmiddle(ctx, M), (AstLoc){0}); }
fspec_parts(A) ::= fspec_parts(B) ffield(F). { A = parse_list_push(ctx, B, F, (AstLoc){0}); }
