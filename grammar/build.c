/*
 * build.c — expression builders called by the grammar's actions: each one
 * allocates a node in the arena, fills CPython's fields and location, and
 * finishes it with parse_done, which computes the subtree height and
 * refuses trees deeper than PARSE_MAX_DEPTH (so walkers downstream, and
 * the dump, recurse a bounded number of times).
 *
 * Every builder tolerates NULL children: after an error (or an arena
 * refusal) Lemon may still reduce a few rules before the driver stops.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grammar/parse_int.h"

/* ---- errors ---------------------------------------------------------------- */

void *
parse_fail(ParseCtx *ctx, const char *type, AstLoc loc, const char *fmt, ...)
{
    if (ctx->failed) {
        return NULL;
    }
    ctx->failed = true;
    ParseError *e = ctx->err;
    e->type = type;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
    va_end(ap);
    /* byte columns for now; the driver converts them to CPython's 1-based
     * character offsets */
    e->lineno = loc.lineno;
    e->col_offset = loc.col_offset;
    e->end_lineno = loc.end_lineno;
    e->end_col_offset = loc.end_col_offset;
    return NULL;
}

void *
parse_oom(ParseCtx *ctx)
{
    AstLoc loc = ctx->cur ? parse_loc_tok(ctx->cur) : (AstLoc){0, 0, 0, 0};
    return parse_fail(ctx, "MemoryError", loc, "out of memory while parsing");
}

/* ---- locations ------------------------------------------------------------- */

AstLoc
parse_loc_tok(const LexToken *t)
{
    AstLoc l = {0, 0, 0, 0};
    if (t != NULL) {
        l.lineno = t->lineno;
        l.col_offset = t->col;
        l.end_lineno = t->end_lineno;
        l.end_col_offset = t->end_col;
    }
    return l;
}

AstLoc
parse_loc_span(AstLoc a, AstLoc b)
{
    AstLoc l = a;
    l.end_lineno = b.end_lineno;
    l.end_col_offset = b.end_col_offset;
    return l;
}

AstLoc
parse_loc_tokspan(const LexToken *a, const LexToken *b)
{
    return parse_loc_span(parse_loc_tok(a), parse_loc_tok(b));
}

/* ---- lists ----------------------------------------------------------------- */

void *
parse_alloc(ParseCtx *ctx, size_t size)
{
    if (ctx->failed) {
        return NULL;
    }
    void *p = ast_arena_alloc(ctx->arena, size);
    if (p == NULL) {
        parse_oom(ctx);
    }
    return p;
}

PList *
parse_list_new(ParseCtx *ctx, void *first, AstLoc loc)
{
    PList *l = parse_alloc(ctx, sizeof(*l));
    if (l == NULL) {
        return NULL;
    }
    l->loc = loc;
    if (!ast_seq_push(ctx->arena, &l->items, first)) {
        return parse_oom(ctx);
    }
    return l;
}

PList *
parse_list_push(ParseCtx *ctx, PList *l, void *item, AstLoc end)
{
    if (l == NULL || ctx->failed) {
        return NULL;
    }
    if (!ast_seq_push(ctx->arena, &l->items, item)) {
        return parse_oom(ctx);
    }
    l->comma = true;
    l->loc.end_lineno = end.end_lineno;
    l->loc.end_col_offset = end.end_col_offset;
    return l;
}

AstSeq
parse_seq1(ParseCtx *ctx, void *item)
{
    AstSeq s;
    memset(&s, 0, sizeof(s));
    if (item != NULL && !ctx->failed && !ast_seq_push(ctx->arena, &s, item)) {
        parse_oom(ctx);
    }
    return s;
}

AstSeq
parse_seq_push(ParseCtx *ctx, AstSeq seq, void *item)
{
    if (item != NULL && !ctx->failed && !ast_seq_push(ctx->arena, &seq, item)) {
        parse_oom(ctx);
    }
    return seq;
}

AstSeq
parse_seq_cat(ParseCtx *ctx, AstSeq a, AstSeq b)
{
    for (int i = 0; i < b.len && !ctx->failed; i++) {
        if (!ast_seq_push(ctx->arena, &a, b.items[i])) {
            parse_oom(ctx);
        }
    }
    return a;
}

AstLoc
parse_seq_loc(AstSeq seq, bool stmts)
{
    AstLoc l = {0, 0, 0, 0};
    if (seq.len > 0) {
        if (stmts) {
            l = parse_loc_span(((AstStmt *)seq.items[0])->loc,
                               ((AstStmt *)seq.items[seq.len - 1])->loc);
        } else {
            l = parse_loc_span(((AstExpr *)seq.items[0])->loc,
                               ((AstExpr *)seq.items[seq.len - 1])->loc);
        }
    }
    return l;
}

/* ---- depth ----------------------------------------------------------------- */

static int
dmax(int d, const AstExpr *e)
{
    return e != NULL && e->depth > d ? e->depth : d;
}

static int
dseq(int d, AstSeq s)
{
    for (int i = 0; i < s.len; i++) {
        d = dmax(d, s.items[i]);
    }
    return d;
}

static int
dargs(int d, const AstArguments *a)
{
    if (a == NULL) {
        return d;
    }
    AstSeq *lists[] = {(AstSeq *)&a->posonlyargs, (AstSeq *)&a->args, (AstSeq *)&a->kwonlyargs};
    for (int k = 0; k < 3; k++) {
        for (int i = 0; i < lists[k]->len; i++) {
            d = dmax(d, ((AstArg *)lists[k]->items[i])->annotation);
        }
    }
    if (a->vararg) {
        d = dmax(d, a->vararg->annotation);
    }
    if (a->kwarg) {
        d = dmax(d, a->kwarg->annotation);
    }
    d = dseq(d, a->defaults);
    return dseq(d, a->kw_defaults);
}

static int
dgens(int d, AstSeq gens)
{
    for (int i = 0; i < gens.len; i++) {
        AstComprehension *c = gens.items[i];
        d = dmax(d, c->target);
        d = dmax(d, c->iter);
        d = dseq(d, c->ifs);
    }
    return d;
}

/* Height of e from its children's heights (children are finished first). */
static int
expr_height(const AstExpr *e)
{
    int d = 0;
    switch (e->kind) {
    case AST_BOOLOP: d = dseq(d, e->u.boolop.values); break;
    case AST_NAMEDEXPR: d = dmax(dmax(d, e->u.namedexpr.target), e->u.namedexpr.value); break;
    case AST_BINOP: d = dmax(dmax(d, e->u.binop.left), e->u.binop.right); break;
    case AST_UNARYOP: d = dmax(d, e->u.unaryop.operand); break;
    case AST_LAMBDA: d = dmax(dargs(d, e->u.lambda.args), e->u.lambda.body); break;
    case AST_IFEXP:
        d = dmax(dmax(dmax(d, e->u.ifexp.test), e->u.ifexp.body), e->u.ifexp.orelse);
        break;
    case AST_DICT: d = dseq(dseq(d, e->u.dict.keys), e->u.dict.values); break;
    case AST_SET: d = dseq(d, e->u.set.elts); break;
    case AST_LISTCOMP: case AST_SETCOMP: case AST_DICTCOMP: case AST_GENERATOREXP:
        d = dmax(dmax(dmax(d, e->u.comp.elt), e->u.comp.key), e->u.comp.value);
        d = dgens(d, e->u.comp.generators);
        break;
    case AST_AWAIT: d = dmax(d, e->u.await_.value); break;
    case AST_YIELD: d = dmax(d, e->u.yield.value); break;
    case AST_YIELDFROM: d = dmax(d, e->u.yieldfrom.value); break;
    case AST_COMPARE: d = dseq(dmax(d, e->u.compare.left), e->u.compare.comparators); break;
    case AST_CALL: {
        d = dseq(dmax(d, e->u.call.func), e->u.call.args);
        for (int i = 0; i < e->u.call.keywords.len; i++) {
            d = dmax(d, ((AstKeyword *)e->u.call.keywords.items[i])->value);
        }
        break;
    }
    case AST_FORMATTEDVALUE:
        d = dmax(dmax(d, e->u.formattedvalue.value), e->u.formattedvalue.format_spec);
        break;
    case AST_JOINEDSTR: d = dseq(d, e->u.joinedstr.values); break;
    case AST_CONSTANT: case AST_NAME: break;
    case AST_ATTRIBUTE: d = dmax(d, e->u.attribute.value); break;
    case AST_SUBSCRIPT: d = dmax(dmax(d, e->u.subscript.value), e->u.subscript.slice); break;
    case AST_STARRED: d = dmax(d, e->u.starred.value); break;
    case AST_LIST: case AST_TUPLE: d = dseq(d, e->u.list.elts); break;
    case AST_SLICE:
        d = dmax(dmax(dmax(d, e->u.slice.lower), e->u.slice.upper), e->u.slice.step);
        break;
    default: break;
    }
    return d + 1;
}

static bool
check_depth(ParseCtx *ctx, int depth, AstLoc loc)
{
    if (depth > PARSE_MAX_DEPTH) {
        parse_fail(ctx, "RecursionError", loc,
                   "maximum recursion depth exceeded during compilation");
        return false;
    }
    return true;
}

AstExpr *
parse_done(ParseCtx *ctx, AstExpr *e)
{
    if (e == NULL || ctx->failed) {
        return NULL;
    }
    e->depth = expr_height(e);
    return check_depth(ctx, e->depth, e->loc) ? e : NULL;
}

/* Expression nodes are finished in stmt.c / pattern.c for the others. */
int parse_expr_height_of_args(const AstArguments *a);

int
parse_expr_height_of_args(const AstArguments *a)
{
    return dargs(0, a);
}

AstStmt *
parse_sdone(ParseCtx *ctx, AstStmt *s)
{
    if (s == NULL || ctx->failed) {
        return NULL;
    }
    return check_depth(ctx, s->depth, s->loc) ? s : NULL;
}

AstPattern *
parse_pdone(ParseCtx *ctx, AstPattern *p)
{
    if (p == NULL || ctx->failed) {
        return NULL;
    }
    return check_depth(ctx, p->depth, p->loc) ? p : NULL;
}

/* ---- atoms ----------------------------------------------------------------- */

static AstExpr *
new_expr(ParseCtx *ctx, AstExprKind kind, AstLoc loc)
{
    if (ctx->failed) {
        return NULL;
    }
    /* ast_expr_new's work, with the arena's inline fast path */
    AstExpr *e = ast_arena_alloc(ctx->arena, sizeof(*e));
    if (e == NULL) {
        return parse_oom(ctx);
    }
    e->kind = kind;
    e->loc = loc;
    e->depth = 1;
    return e;
}

AstStr
parse_ident(ParseCtx *ctx, const LexToken *t)
{
    AstStr r = {NULL, 0};
    if (t == NULL || ctx->failed) {
        return r;
    }
    if (t->flags & LEX_F_NONASCII) {
        bool invalid;
        char *n = lex_ident_normalize(t->start, (size_t)t->len, &invalid);
        if (n == NULL) {
            if (invalid) {
                parse_fail(ctx, "SyntaxError", parse_loc_tok(t), "invalid character in identifier");
            } else {
                parse_oom(ctx);
            }
            return r;
        }
        r = ast_str_new(ctx->arena, n, strlen(n));
        free(n);
    } else {
        r = ast_str_new(ctx->arena, t->start, (size_t)t->len);
    }
    if (r.s == NULL) {
        parse_oom(ctx);
    }
    return r;
}

AstExpr *
parse_name(ParseCtx *ctx, const LexToken *t)
{
    AstExpr *e = new_expr(ctx, AST_NAME, parse_loc_tok(t));
    if (e == NULL) {
        return NULL;
    }
    e->u.name.id = parse_ident(ctx, t);
    e->u.name.ctx = AST_LOAD;
    /* a leaf: depth 1 (parse_done would find the same) */
    return ctx->failed ? NULL : e;
}

AstExpr *
parse_const(ParseCtx *ctx, AstConstKind kind, const LexToken *t)
{
    AstExpr *e = new_expr(ctx, AST_CONSTANT, parse_loc_tok(t));
    if (e == NULL) {
        return NULL;
    }
    e->u.constant.kind = kind;
    return e;   /* a leaf: depth 1 */
}

/* Converts the digits of a non-decimal literal (no prefix, no '_') in
 * `base` to decimal text. Quadratic, so callers bound the length. */
static char *
to_decimal(ParseCtx *ctx, const char *digits, size_t n, int base, size_t *outlen)
{
    /* little-endian limbs of 10^9 */
    size_t cap = n + 2;
    uint32_t *limb = parse_alloc(ctx, cap * sizeof(uint32_t));
    if (limb == NULL) {
        return NULL;
    }
    size_t nl = 1;
    limb[0] = 0;
    for (size_t i = 0; i < n; i++) {
        char c = digits[i];
        uint64_t v = (uint64_t)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        for (size_t k = 0; k < nl; k++) {
            uint64_t x = (uint64_t)limb[k] * (uint64_t)base + v;
            limb[k] = (uint32_t)(x % 1000000000u);
            v = x / 1000000000u;
        }
        while (v > 0 && nl < cap) {
            limb[nl++] = (uint32_t)(v % 1000000000u);
            v /= 1000000000u;
        }
    }
    char *out = parse_alloc(ctx, nl * 9 + 2);
    if (out == NULL) {
        return NULL;
    }
    int len = sprintf(out, "%u", limb[nl - 1]);
    for (size_t k = nl - 1; k-- > 0;) {
        len += sprintf(out + len, "%09u", limb[k]);
    }
    *outlen = (size_t)len;
    return out;
}

/* CPython's limit on decimal integer literals (sys.int_info). */
#define PARSE_MAX_STR_DIGITS 4300
/* Our own bound for hex/octal/binary literals (quadratic conversion). */
#define PARSE_MAX_RADIX_DIGITS 20000

AstExpr *
parse_number(ParseCtx *ctx, const LexToken *t)
{
    AstExpr *e = new_expr(ctx, AST_CONSTANT, parse_loc_tok(t));
    if (e == NULL) {
        return NULL;
    }
    char *buf = parse_alloc(ctx, (size_t)t->len + 1);
    if (buf == NULL) {
        return NULL;
    }
    size_t n = 0;
    for (int i = 0; i < t->len; i++) {
        if (t->start[i] != '_') {
            buf[n++] = t->start[i];
        }
    }
    buf[n] = '\0';
    AstConst *c = &e->u.constant;
    bool radix = n > 1 && buf[0] == '0' && strchr("xXoObB", buf[1]) != NULL;
    if (!radix && (buf[n - 1] == 'j' || buf[n - 1] == 'J')) {
        buf[n - 1] = '\0';
        c->kind = AST_CONST_COMPLEX;
        c->f = strtod(buf, NULL);
        return parse_done(ctx, e);
    }
    if (!radix && strpbrk(buf, ".eE") != NULL) {
        c->kind = AST_CONST_FLOAT;
        c->f = strtod(buf, NULL);
        return parse_done(ctx, e);
    }
    c->kind = AST_CONST_INT;
    int base = 10;
    const char *d = buf;
    if (radix) {
        char p = (char)(buf[1] | 0x20);
        base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
        d = buf + 2;
    }
    while (*d == '0' && d[1] != '\0') {
        d++;
    }
    size_t nd = strlen(d);
    uint64_t v = 0;
    bool big = false;
    for (size_t i = 0; i < nd; i++) {
        char ch = d[i];
        uint64_t dv = (uint64_t)(ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10);
        if (v > (UINT64_MAX - dv) / (uint64_t)base) {
            big = true;
            break;
        }
        v = v * (uint64_t)base + dv;
    }
    if (!big && v <= (uint64_t)INT64_MAX) {
        c->i = (int64_t)v;
        return parse_done(ctx, e);
    }
    c->is_big = true;
    if (base == 10) {
        if (nd > PARSE_MAX_STR_DIGITS) {
            return parse_fail(ctx, "SyntaxError", parse_loc_tok(t),
                              "Exceeds the limit (%d digits) for integer string conversion: "
                              "value has %zu digits; use sys.set_int_max_str_digits() to "
                              "increase the limit - Consider hexadecimal for huge integer "
                              "literals to avoid decimal conversion limits.",
                              PARSE_MAX_STR_DIGITS, nd);
        }
        c->str = ast_str_new(ctx->arena, d, nd);
    } else {
        if (nd > PARSE_MAX_RADIX_DIGITS) {
            return parse_fail(ctx, "SyntaxError", parse_loc_tok(t),
                              "integer literal too large (monty accepts at most %d digits)",
                              PARSE_MAX_RADIX_DIGITS);
        }
        size_t olen;
        char *dec = to_decimal(ctx, d, nd, base, &olen);
        if (dec == NULL) {
            return NULL;
        }
        c->str.s = dec;
        c->str.len = olen;
    }
    if (c->str.s == NULL) {
        return parse_oom(ctx);
    }
    return parse_done(ctx, e);
}

/* ---- operators ------------------------------------------------------------- */

AstExpr *
parse_binop(ParseCtx *ctx, AstExpr *l, AstOperator op, AstExpr *r)
{
    if (l == NULL || r == NULL) {
        return NULL;
    }
    AstExpr *e = new_expr(ctx, AST_BINOP, parse_loc_span(XLOC(l), XLOC(r)));
    if (e == NULL) {
        return NULL;
    }
    e->u.binop.left = l;
    e->u.binop.op = op;
    e->u.binop.right = r;
    return parse_done(ctx, e);
}

AstExpr *
parse_unary(ParseCtx *ctx, const LexToken *t, AstUnaryOp op, AstExpr *x)
{
    if (x == NULL) {
        return NULL;
    }
    AstExpr *e = new_expr(ctx, AST_UNARYOP, parse_loc_span(parse_loc_tok(t), XLOC(x)));
    if (e == NULL) {
        return NULL;
    }
    e->u.unaryop.op = op;
    e->u.unaryop.operand = x;
    return parse_done(ctx, e);
}

AstExpr *
parse_boolop(ParseCtx *ctx, AstBoolOp op, AstExpr *l, AstExpr *r)
{
    if (l == NULL || r == NULL || ctx->failed) {
        return NULL;
    }
    if (l->kind == AST_BOOLOP && l->u.boolop.op == op && !l->parenthesized) {
        if (!ast_seq_push(ctx->arena, &l->u.boolop.values, r)) {
            return parse_oom(ctx);
        }
        l->loc = parse_loc_span(XLOC(l), XLOC(r));
        if (r->depth + 1 > l->depth) {
            l->depth = r->depth + 1;
        }
        return check_depth(ctx, l->depth, l->loc) ? l : NULL;
    }
    AstExpr *e = new_expr(ctx, AST_BOOLOP, parse_loc_span(XLOC(l), XLOC(r)));
    if (e == NULL) {
        return NULL;
    }
    e->u.boolop.op = op;
    if (!ast_seq_push(ctx->arena, &e->u.boolop.values, l) ||
        !ast_seq_push(ctx->arena, &e->u.boolop.values, r)) {
        return parse_oom(ctx);
    }
    return parse_done(ctx, e);
}

AstExpr *
parse_compare(ParseCtx *ctx, AstExpr *l, AstCmpOp op, AstExpr *r)
{
    if (l == NULL || r == NULL || ctx->failed) {
        return NULL;
    }
    AstExpr *e = l;
    if (l->kind != AST_COMPARE || l->parenthesized) {
        e = new_expr(ctx, AST_COMPARE, XLOC(l));
        if (e == NULL) {
            return NULL;
        }
        e->u.compare.left = l;
    }
    int n = e->u.compare.n;
    /* ops grows by doubling; capacity is implicit: max(4, next power of 2) */
    if (n == 0 || (n >= 4 && (n & (n - 1)) == 0)) {
        int cap = n == 0 ? 4 : n * 2;
        AstCmpOp *ops = parse_alloc(ctx, (size_t)cap * sizeof(AstCmpOp));
        if (ops == NULL) {
            return NULL;
        }
        if (n > 0) {
            memcpy(ops, e->u.compare.ops, (size_t)n * sizeof(AstCmpOp));
        }
        e->u.compare.ops = ops;
    }
    e->u.compare.ops[n] = op;
    e->u.compare.n = n + 1;
    if (!ast_seq_push(ctx->arena, &e->u.compare.comparators, r)) {
        return parse_oom(ctx);
    }
    e->loc = parse_loc_span(e->loc, XLOC(r));
    if (e == l) {
        if (r->depth + 1 > e->depth) {
            e->depth = r->depth + 1;
        }
        return check_depth(ctx, e->depth, e->loc) ? e : NULL;
    }
    return parse_done(ctx, e);
}

AstExpr *
parse_ifexp(ParseCtx *ctx, AstExpr *body, AstExpr *test, AstExpr *orelse)
{
    if (body == NULL || test == NULL || orelse == NULL) {
        return NULL;
    }
    AstExpr *e = new_expr(ctx, AST_IFEXP, parse_loc_span(XLOC(body), XLOC(orelse)));
    if (e == NULL) {
        return NULL;
    }
    e->u.ifexp.test = test;
    e->u.ifexp.body = body;
    e->u.ifexp.orelse = orelse;
    return parse_done(ctx, e);
}

AstExpr *
parse_starred(ParseCtx *ctx, const LexToken *t, AstExpr *x)
{
    if (x == NULL) {
        return NULL;
    }
    AstExpr *e = new_expr(ctx, AST_STARRED, parse_loc_span(parse_loc_tok(t), XLOC(x)));
    if (e == NULL) {
        return NULL;
    }
    e->u.starred.value = x;
    e->u.starred.ctx = AST_LOAD;
    return parse_done(ctx, e);
}

AstExpr *
parse_namedexpr(ParseCtx *ctx, const LexToken *name, AstExpr *value)
{
    if (value == NULL) {
        return NULL;
    }
    AstExpr *target = parse_name(ctx, name);
    if (target == NULL) {
        return NULL;
    }
    target->u.name.ctx = AST_STORE;
    AstExpr *e = new_expr(ctx, AST_NAMEDEXPR, parse_loc_span(target->loc, XLOC(value)));
    if (e == NULL) {
        return NULL;
    }
    e->u.namedexpr.target = target;
    e->u.namedexpr.value = value;
    return parse_done(ctx, e);
}

/* ---- displays -------------------------------------------------------------- */

static AstExpr *
seq_node(ParseCtx *ctx, AstExprKind kind, PList *l, AstLoc loc)
{
    AstExpr *e = new_expr(ctx, kind, loc);
    if (e == NULL) {
        return NULL;
    }
    if (l != NULL) {
        for (int i = 0; i < l->items.len; i++) {
            if (l->items.items[i] == NULL) {
                return NULL;
            }
        }
        e->u.list.elts = l->items;
    }
    e->u.list.ctx = AST_LOAD;
    return parse_done(ctx, e);
}

AstExpr *
parse_tuple_or_expr(ParseCtx *ctx, PList *l, bool force_tuple)
{
    if (l == NULL || ctx->failed) {
        return NULL;
    }
    if (!force_tuple && !l->comma && l->items.len == 1) {
        return l->items.items[0];
    }
    return seq_node(ctx, AST_TUPLE, l, l->loc);
}

AstExpr *
parse_paren(ParseCtx *ctx, const LexToken *lp, PList *items, const LexToken *rp)
{
    if (ctx->failed) {
        return NULL;
    }
    if (items != NULL && !items->comma && items->items.len == 1) {
        AstExpr *e = items->items.items[0];
        if (e == NULL) {
            return NULL;
        }
        if (e->kind == AST_STARRED) {
            return parse_fail(ctx, "SyntaxError", e->loc, "cannot use starred expression here");
        }
        e->parenthesized = true;
        e->paren_loc = parse_loc_tokspan(lp, rp);
        return e;
    }
    return seq_node(ctx, AST_TUPLE, items, parse_loc_tokspan(lp, rp));
}

AstExpr *
parse_list_display(ParseCtx *ctx, const LexToken *lp, PList *items, const LexToken *rp)
{
    return seq_node(ctx, AST_LIST, items, parse_loc_tokspan(lp, rp));
}

AstExpr *
parse_set_display(ParseCtx *ctx, const LexToken *lp, PList *items, const LexToken *rp)
{
    if (items == NULL) {
        return NULL;
    }
    AstExpr *e = new_expr(ctx, AST_SET, parse_loc_tokspan(lp, rp));
    if (e == NULL) {
        return NULL;
    }
    e->u.set.elts = items->items;
    return parse_done(ctx, e);
}

AstExpr *
parse_dict_display(ParseCtx *ctx, const LexToken *lp, PList *keys, PList *values,
                   const LexToken *rp)
{
    AstExpr *e = new_expr(ctx, AST_DICT, parse_loc_tokspan(lp, rp));
    if (e == NULL) {
        return NULL;
    }
    if (keys != NULL) {
        if (values == NULL) {
            return NULL;
        }
        AstSeq k = keys->items;
        k.len--;    /* the last slot held the values list */
        e->u.dict.keys = k;
        e->u.dict.values = values->items;
        for (int i = 0; i < values->items.len; i++) {
            if (values->items.items[i] == NULL) {
                return NULL;
            }
        }
    }
    return parse_done(ctx, e);
}

AstComprehension *
parse_comprehension(ParseCtx *ctx, bool is_async, PList *target, AstExpr *iter)
{
    if (target == NULL || iter == NULL) {
        return NULL;
    }
    AstExpr *t = parse_tuple_or_expr(ctx, target, false);
    if (t == NULL || !parse_set_ctx(ctx, t, PT_PLAIN)) {
        return NULL;
    }
    AstComprehension *c = parse_alloc(ctx, sizeof(*c));
    if (c == NULL) {
        return NULL;
    }
    c->target = t;
    c->iter = iter;
    c->is_async = is_async;
    return c;
}

AstExpr *
parse_comp(ParseCtx *ctx, AstExprKind kind, const LexToken *lp, AstExpr *elt, AstExpr *value,
           AstSeq gens, const LexToken *rp)
{
    if (elt == NULL || ctx->failed || gens.len == 0) {
        return NULL;
    }
    for (int i = 0; i < gens.len; i++) {
        if (gens.items[i] == NULL) {
            return NULL;
        }
    }
    AstLoc loc;
    if (lp != NULL) {
        loc = parse_loc_tokspan(lp, rp);
    } else {
        AstComprehension *last = gens.items[gens.len - 1];
        AstExpr *end = last->ifs.len ? last->ifs.items[last->ifs.len - 1] : last->iter;
        loc = parse_loc_span(XLOC(elt), XLOC(end));
    }
    if (elt->kind == AST_STARRED) {
        return parse_fail(ctx, "SyntaxError", elt->loc,
                          "iterable unpacking cannot be used in comprehension");
    }
    AstExpr *e = new_expr(ctx, kind, loc);
    if (e == NULL) {
        return NULL;
    }
    if (kind == AST_DICTCOMP) {
        if (value == NULL) {
            return NULL;
        }
        e->u.comp.key = elt;
        e->u.comp.value = value;
    } else {
        e->u.comp.elt = elt;
    }
    e->u.comp.generators = gens;
    return parse_done(ctx, e);
}

/* ---- trailers -------------------------------------------------------------- */

AstExpr *
parse_attribute(ParseCtx *ctx, AstExpr *v, const LexToken *name)
{
    if (v == NULL) {
        return NULL;
    }
    AstExpr *e = new_expr(ctx, AST_ATTRIBUTE, parse_loc_span(XLOC(v), parse_loc_tok(name)));
    if (e == NULL) {
        return NULL;
    }
    e->u.attribute.value = v;
    e->u.attribute.attr = parse_ident(ctx, name);
    e->u.attribute.ctx = AST_LOAD;
    return parse_done(ctx, e);
}

AstExpr *
parse_slice(ParseCtx *ctx, AstExpr *lo, AstExpr *hi, AstExpr *step, AstLoc loc)
{
    AstExpr *e = new_expr(ctx, AST_SLICE, loc);
    if (e == NULL) {
        return NULL;
    }
    e->u.slice.lower = lo;
    e->u.slice.upper = hi;
    e->u.slice.step = step;
    return parse_done(ctx, e);
}

AstExpr *
parse_subscript(ParseCtx *ctx, AstExpr *v, PList *slices, const LexToken *rp)
{
    if (v == NULL || slices == NULL) {
        return NULL;
    }
    AstExpr *s;
    AstExpr *only = slices->items.len == 1 ? slices->items.items[0] : NULL;
    if (!slices->comma && only != NULL && only->kind != AST_STARRED) {
        s = only;
    } else {
        s = seq_node(ctx, AST_TUPLE, slices, slices->loc);
    }
    if (s == NULL) {
        return NULL;
    }
    AstExpr *e = new_expr(ctx, AST_SUBSCRIPT, parse_loc_span(XLOC(v), parse_loc_tok(rp)));
    if (e == NULL) {
        return NULL;
    }
    e->u.subscript.value = v;
    e->u.subscript.slice = s;
    e->u.subscript.ctx = AST_LOAD;
    return parse_done(ctx, e);
}

PArg *
parse_arg(ParseCtx *ctx, PArgKind kind, AstExpr *value, AstExpr *kwname, AstLoc loc)
{
    if (value == NULL || ctx->failed) {
        return NULL;
    }
    PArg *a = parse_alloc(ctx, sizeof(*a));
    if (a == NULL) {
        return NULL;
    }
    a->kind = kind;
    a->value = value;
    a->loc = loc;
    if (kind == PA_KW || kind == PA_DSTAR) {
        AstKeyword *kw = parse_alloc(ctx, sizeof(*kw));
        if (kw == NULL) {
            return NULL;
        }
        kw->loc = loc;
        kw->value = value;
        if (kind == PA_KW) {
            if (kwname == NULL) {
                return NULL;
            }
            if (kwname->kind == AST_CONSTANT &&
                (kwname->u.constant.kind == AST_CONST_TRUE ||
                 kwname->u.constant.kind == AST_CONST_FALSE ||
                 kwname->u.constant.kind == AST_CONST_NONE)) {
                return parse_fail(ctx, "SyntaxError", parse_loc_span(kwname->loc, value->loc),
                                  "cannot assign to %s", parse_expr_name(kwname));
            }
            if (kwname->kind != AST_NAME || kwname->parenthesized) {
                return parse_fail(ctx, "SyntaxError", parse_loc_span(kwname->loc, value->loc),
                                  "expression cannot contain assignment, perhaps you meant "
                                  "\"==\"?");
            }
            kw->arg = kwname->u.name.id;
        }
        a->kw = kw;
    }
    return a;
}

AstExpr *
parse_call(ParseCtx *ctx, AstExpr *f, PList *args, const LexToken *rp)
{
    if (f == NULL || ctx->failed) {
        return NULL;
    }
    AstExpr *e = new_expr(ctx, AST_CALL, parse_loc_span(XLOC(f), parse_loc_tok(rp)));
    if (e == NULL) {
        return NULL;
    }
    e->u.call.func = f;
    bool seen_kw = false;
    bool seen_dstar = false;
    int n = args ? args->items.len : 0;
    for (int i = 0; i < n; i++) {
        PArg *a = args->items.items[i];
        if (a == NULL) {
            return NULL;
        }
        switch (a->kind) {
        case PA_GEN:
            if (n > 1 || args->comma) {
                return parse_fail(ctx, "SyntaxError", a->loc,
                                  "Generator expression must be parenthesized");
            }
            /* fall through */
        case PA_POS:
            /* CPython reports these at the end of the argument list */
            if (seen_dstar) {
                return parse_fail(ctx, "SyntaxError", rp ? parse_loc_tok(rp) : a->loc,
                                  "positional argument follows keyword argument unpacking");
            }
            if (seen_kw) {
                return parse_fail(ctx, "SyntaxError", rp ? parse_loc_tok(rp) : a->loc,
                                  "positional argument follows keyword argument");
            }
            if (!ast_seq_push(ctx->arena, &e->u.call.args, a->value)) {
                return parse_oom(ctx);
            }
            break;
        case PA_STAR:
            if (seen_dstar) {
                /* at the comma before it (assumed to follow the previous
                 * argument directly) */
                AstLoc c = ((PArg *)args->items.items[i - 1])->loc;
                c.lineno = c.end_lineno;
                c.col_offset = c.end_col_offset;
                c.end_col_offset++;
                return parse_fail(ctx, "SyntaxError", c,
                                  "iterable argument unpacking follows keyword argument "
                                  "unpacking");
            }
            if (!ast_seq_push(ctx->arena, &e->u.call.args, a->value)) {
                return parse_oom(ctx);
            }
            break;
        case PA_KW:
        case PA_DSTAR:
            if (a->kind == PA_KW) {
                seen_kw = true;
            } else {
                seen_dstar = true;
            }
            if (!ast_seq_push(ctx->arena, &e->u.call.keywords, a->kw)) {
                return parse_oom(ctx);
            }
            break;
        }
    }
    if (n == 1 && rp != NULL && ((PArg *)args->items.items[0])->kind == PA_GEN) {
        /* CPython's generator argument spans the call's parentheses */
        AstExpr *g = e->u.call.args.items[0];
        g->loc.col_offset = XLOC(f).end_col_offset;
        g->loc.lineno = XLOC(f).end_lineno;
        g->loc.end_lineno = rp->end_lineno;
        g->loc.end_col_offset = rp->end_col;
    }
    return parse_done(ctx, e);
}

AstExpr *
parse_lambda(ParseCtx *ctx, const LexToken *t, PList *params, AstExpr *body)
{
    if (body == NULL) {
        return NULL;
    }
    AstArguments *args = parse_arguments(ctx, params, true);
    if (args == NULL) {
        return NULL;
    }
    AstExpr *e = new_expr(ctx, AST_LAMBDA, parse_loc_span(parse_loc_tok(t), XLOC(body)));
    if (e == NULL) {
        return NULL;
    }
    e->u.lambda.args = args;
    e->u.lambda.body = body;
    return parse_done(ctx, e);
}

AstExpr *
parse_yield(ParseCtx *ctx, const LexToken *t, AstExpr *value, bool from)
{
    AstLoc loc = parse_loc_tok(t);
    if (value != NULL) {
        loc = parse_loc_span(loc, XLOC(value));
    } else if (from) {
        return NULL;
    }
    AstExpr *e = new_expr(ctx, from ? AST_YIELDFROM : AST_YIELD, loc);
    if (e == NULL) {
        return NULL;
    }
    e->u.yield.value = value;
    return parse_done(ctx, e);
}

AstExpr *
parse_await(ParseCtx *ctx, const LexToken *t, AstExpr *x)
{
    if (x == NULL) {
        return NULL;
    }
    AstExpr *e = new_expr(ctx, AST_AWAIT, parse_loc_span(parse_loc_tok(t), XLOC(x)));
    if (e == NULL) {
        return NULL;
    }
    e->u.await_.value = x;
    return parse_done(ctx, e);
}
