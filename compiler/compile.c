/*
 * compile.c — AST to bytecode: one visitor per statement and expression kind,
 * shaped after CPython 3.12's compile.c so that the bytecode's behaviour
 * (evaluation order, exception handling, unwinding of finally blocks on
 * return/break/continue) is CPython's.
 *
 * Differences worth knowing: there is no LOAD_NAME (the module body uses
 * LOAD_GLOBAL/STORE_GLOBAL since classes are not supported); comprehensions
 * are compiled as nested functions (not inlined as in 3.12); annotations are
 * never evaluated (3.14's lazy annotations); the module code returns the
 * value of its final statement when that is an expression statement.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/cmp_int.h"
#include "compiler/compiler.h"

/* Helpers of the recursive visitors stay out of line: a deep expression
 * (1000 levels, the parser's cap) must compile on a small thread stack, so
 * the frames on the recursive path are kept small. */
#define NOINLINE __attribute__((noinline))

static bool visit_expr(CmpCompiler *c, const AstExpr *e);
static bool emit_await(CmpCompiler *c);
static bool visit_stmts(CmpCompiler *c, const AstSeq *body);
static bool store_target(CmpCompiler *c, const AstExpr *t);

static CmpLoc
to_loc(const AstLoc *l)
{
    CmpLoc r;
    r.lineno = l->lineno > 0 ? (uint32_t)l->lineno : 0;
    r.end_lineno = l->end_lineno > 0 ? (uint32_t)l->end_lineno : r.lineno;
    r.col = (uint16_t)(l->col_offset < 0 ? 0 : l->col_offset > 0xFFFF ? 0xFFFF : l->col_offset);
    r.end_col = (uint16_t)(l->end_col_offset < 0       ? 0
                           : l->end_col_offset > 0xFFFF ? 0xFFFF
                                                        : l->end_col_offset);
    return r;
}

/* CPython's update_start_location_to_match_attr: an attribute access that
 * spans lines is located at the attribute's name (line of its end). */
static CmpLoc
attr_loc(const AstLoc *l, const AstExpr *attr)
{
    AstLoc r = *l;
    if (r.lineno != attr->loc.end_lineno) {
        int len = (int)attr->u.attribute.attr.len;
        r.lineno = attr->loc.end_lineno;
        if (len <= attr->loc.end_col_offset) {
            r.col_offset = attr->loc.end_col_offset - len;
        } else {
            r.col_offset = 0;
        }
        if (r.end_lineno < r.lineno) {
            r.end_lineno = r.lineno;
        }
        if (r.lineno == r.end_lineno && r.end_col_offset < r.col_offset) {
            r.end_col_offset = r.col_offset;
        }
    }
    return to_loc(&r);
}

#define EMIT(op, arg) cmp_emit(c, OP_##op, (arg))
#define JUMP_TO(op, label) cmp_emit_jump(c, OP_##op, (label))

/* ---- constants ---------------------------------------------------------------- */

static NOINLINE uint32_t
const_simple(CmpCompiler *c, CmpConstKind kind)
{
    CmpConst k = {0};
    k.kind = kind;
    return cmp_add_const(c, &k);
}

static NOINLINE uint32_t
const_none(CmpCompiler *c)
{
    return const_simple(c, CMP_CONST_NONE);
}

static NOINLINE uint32_t
const_int(CmpCompiler *c, int64_t v)
{
    CmpConst k = {0};
    k.kind = CMP_CONST_INT;
    k.i = v;
    return cmp_add_const(c, &k);
}

static NOINLINE uint32_t
const_str(CmpCompiler *c, const char *s, size_t len)
{
    CmpConst k = {0};
    k.kind = CMP_CONST_STR;
    k.str = s;
    k.len = len;
    return cmp_add_const(c, &k);
}

static NOINLINE uint32_t
const_from_ast(CmpCompiler *c, const AstConst *a)
{
    CmpConst k = {0};
    switch (a->kind) {
    case AST_CONST_NONE:
        k.kind = CMP_CONST_NONE;
        break;
    case AST_CONST_TRUE:
        k.kind = CMP_CONST_TRUE;
        break;
    case AST_CONST_FALSE:
        k.kind = CMP_CONST_FALSE;
        break;
    case AST_CONST_ELLIPSIS:
        k.kind = CMP_CONST_ELLIPSIS;
        break;
    case AST_CONST_INT:
        if (a->is_big) {
            k.kind = CMP_CONST_BIGINT;
            k.str = a->str.s;
            k.len = a->str.len;
        } else {
            k.kind = CMP_CONST_INT;
            k.i = a->i;
        }
        break;
    case AST_CONST_FLOAT:
        k.kind = CMP_CONST_FLOAT;
        k.f = a->f;
        break;
    case AST_CONST_COMPLEX:
        k.kind = CMP_CONST_COMPLEX;
        k.f = a->f;
        break;
    case AST_CONST_STR:
        k.kind = CMP_CONST_STR;
        k.str = a->str.s ? a->str.s : "";
        k.len = a->str.len;
        break;
    case AST_CONST_BYTES:
        k.kind = CMP_CONST_BYTES;
        k.str = a->str.s ? a->str.s : "";
        k.len = a->str.len;
        break;
    }
    return cmp_add_const(c, &k);
}

/* Truthiness of a constant: 1 true, 0 false. */
static int
const_truth(const AstConst *a)
{
    switch (a->kind) {
    case AST_CONST_NONE:
    case AST_CONST_FALSE:
        return 0;
    case AST_CONST_TRUE:
    case AST_CONST_ELLIPSIS:
        return 1;
    case AST_CONST_INT:
        return a->is_big || a->i != 0;
    case AST_CONST_FLOAT:
    case AST_CONST_COMPLEX:
        return a->f != 0.0;
    case AST_CONST_STR:
    case AST_CONST_BYTES:
        return a->str.len != 0;
    }
    return 1;
}

/* A constant tuple for a Tuple of constants (folded as CPython does), or
 * -1 when some element is not constant. */
static NOINLINE int64_t
const_tuple(CmpCompiler *c, const AstSeq *elts)
{
    uint32_t small[16], *items = small;
    CmpConst k = {0};
    uint32_t idx;
    if (elts->len == 0) {
        k.kind = CMP_CONST_TUPLE;
        return cmp_add_const(c, &k);
    }
    for (int i = 0; i < elts->len; i++) {
        const AstExpr *e = AST_SEQ_GET(*elts, i);
        if (e->kind != AST_CONSTANT) {
            return -1;
        }
    }
    if (elts->len > 16) {
        items = cmp_pool_alloc(&c->pool, sizeof *items * (size_t)elts->len);
        if (items == NULL) {
            cmp_fail_oom(c);
            return 0;
        }
    }
    for (int i = 0; i < elts->len; i++) {
        const AstExpr *e = AST_SEQ_GET(*elts, i);
        items[i] = const_from_ast(c, &e->u.constant);
    }
    k.kind = CMP_CONST_TUPLE;
    k.items = items;
    k.nitems = (uint32_t)elts->len;
    idx = cmp_add_const(c, &k);
    return idx;
}

/* ---- names --------------------------------------------------------------------- */

static NOINLINE void
name_op(CmpCompiler *c, const char *name, AstCtx ctx)
{
    CmpSymbol *sym = c->u->scope->kind == CMP_SCOPE_MODULE ? NULL : cmp_unit_symbol(c, name);
    CmpSymScope scope = sym ? sym->scope : CMP_SYM_GLOBAL_IMPLICIT;
    switch (scope) {
    case CMP_SYM_LOCAL:
        cmp_emit(c, ctx == AST_LOAD ? OP_LOAD_FAST : ctx == AST_STORE ? OP_STORE_FAST
                                                                       : OP_DELETE_FAST,
                 (uint32_t)sym->slot);
        return;
    case CMP_SYM_CELL:
    case CMP_SYM_FREE:
        cmp_emit(c, ctx == AST_LOAD ? OP_LOAD_DEREF : ctx == AST_STORE ? OP_STORE_DEREF
                                                                        : OP_DELETE_DEREF,
                 (uint32_t)sym->slot);
        return;
    default:
        cmp_emit(c, ctx == AST_LOAD ? OP_LOAD_GLOBAL : ctx == AST_STORE ? OP_STORE_GLOBAL
                                                                         : OP_DELETE_GLOBAL,
                 cmp_add_name(c, name));
        return;
    }
}

/* ---- frame blocks and unwinding -------------------------------------------- */

static bool
unwind_fblock(CmpCompiler *c, const CmpFBlock *fb, bool preserve_tos)
{
    switch (fb->kind) {
    case CMP_FB_WHILE:
    case CMP_FB_EXCEPTION_HANDLER:
        return true;
    case CMP_FB_FOR:
        if (preserve_tos) {
            EMIT(SWAP, 2);
        }
        EMIT(POP_TOP, 0);
        return true;
    case CMP_FB_TRY_EXCEPT:
        cmp_pop_handler(c);
        return true;
    case CMP_FB_FINALLY_TRY: {
        bool ok;
        cmp_pop_handler(c);
        if (preserve_tos) {
            CmpFBlock pv = {CMP_FB_POP_VALUE, -1, -1, NULL, NULL};
            if (!cmp_push_fblock(c, pv, NULL)) {
                return false;
            }
        }
        ok = visit_stmts(c, fb->finalbody);
        if (preserve_tos) {
            cmp_pop_fblock(c);
        }
        return ok;
    }
    case CMP_FB_FINALLY_END:
        if (preserve_tos) {
            EMIT(SWAP, 2);
        }
        EMIT(POP_TOP, 0);           /* the exception */
        if (preserve_tos) {
            EMIT(SWAP, 2);
        }
        cmp_pop_handler(c);
        EMIT(POP_EXCEPT, 0);
        return true;
    case CMP_FB_HANDLER_CLEANUP:
        if (fb->name != NULL) {
            cmp_pop_handler(c);
        }
        if (preserve_tos) {
            EMIT(SWAP, 2);
        }
        cmp_pop_handler(c);
        EMIT(POP_EXCEPT, 0);
        if (fb->name != NULL) {
            EMIT(LOAD_CONST, const_none(c));
            name_op(c, fb->name, AST_STORE);
            name_op(c, fb->name, AST_DEL);
        }
        return true;
    case CMP_FB_POP_VALUE:
        /* the value a pending return was carrying */
        if (preserve_tos) {
            EMIT(SWAP, 2);
        }
        EMIT(POP_TOP, 0);
        return true;
    }
    return true;
}

/* Unwinds the frame blocks from the innermost outwards, stopping at the
 * innermost loop when loop is not NULL (it is then set to that loop). The
 * blocks are restored afterwards, as the code after the jump still runs
 * inside them. */
static bool
unwind_fblock_stack(CmpCompiler *c, bool preserve_tos, CmpFBlock *loop, bool *found)
{
    CmpUnit *u = c->u;
    CmpFBlock top;
    bool ok;
    if (u->nfblocks == 0) {
        return true;
    }
    top = u->fblocks[u->nfblocks - 1];
    if (loop != NULL && (top.kind == CMP_FB_WHILE || top.kind == CMP_FB_FOR)) {
        *loop = top;
        *found = true;
        return true;
    }
    u->nfblocks--;
    ok = unwind_fblock(c, &top, preserve_tos) && unwind_fblock_stack(c, preserve_tos, loop, found);
    /* the inline finally bodies may have used the slots above */
    c->u->fblocks[c->u->nfblocks++] = top;
    return ok;
}

/* ---- expressions ----------------------------------------------------------------- */

static NOINLINE bool
visit_exprs(CmpCompiler *c, const AstSeq *seq)
{
    for (int i = 0; i < seq->len; i++) {
        if (!visit_expr(c, AST_SEQ_GET(*seq, i))) {
            return false;
        }
    }
    return true;
}

static bool
has_starred(const AstSeq *elts)
{
    for (int i = 0; i < elts->len; i++) {
        const AstExpr *e = AST_SEQ_GET(*elts, i);
        if (e->kind == AST_STARRED) {
            return true;
        }
    }
    return false;
}

/* [a, *b, c] / (a, *b) / {a, *b}: CPython's starunpack_helper. */
static NOINLINE bool
starunpack(CmpCompiler *c, const AstSeq *elts, CmpOpcode build, CmpOpcode add,
           CmpOpcode extend, bool tuple)
{
    bool seen_star = false;
    if (!has_starred(elts)) {
        if (!visit_exprs(c, elts)) {
            return false;
        }
        cmp_emit(c, build, (uint32_t)elts->len);
        return !c->failed;
    }
    for (int i = 0; i < elts->len; i++) {
        const AstExpr *e = AST_SEQ_GET(*elts, i);
        if (e->kind == AST_STARRED) {
            if (!seen_star) {
                /* a tuple is collected in a list, then converted */
                cmp_emit(c, tuple ? OP_BUILD_LIST : build, (uint32_t)i);
                seen_star = true;
            }
            if (!visit_expr(c, e->u.starred.value)) {
                return false;
            }
            cmp_emit(c, extend, 1);
        } else {
            if (!visit_expr(c, e)) {
                return false;
            }
            if (seen_star) {
                cmp_emit(c, add, 1);
            }
        }
    }
    if (tuple) {
        EMIT(LIST_TO_TUPLE, 0);
    }
    return !c->failed;
}

static NOINLINE bool
visit_dict(CmpCompiler *c, const AstExpr *e)
{
    int pending = 0;
    bool have_dict = false;
    for (int i = 0; i < e->u.dict.values.len; i++) {
        const AstExpr *k = AST_SEQ_GET(e->u.dict.keys, i);
        const AstExpr *v = AST_SEQ_GET(e->u.dict.values, i);
        if (k == NULL) {
            if (pending > 0 || !have_dict) {
                EMIT(BUILD_MAP, (uint32_t)pending);
                if (have_dict) {
                    EMIT(DICT_UPDATE, 1);
                }
                have_dict = true;
                pending = 0;
            }
            if (!visit_expr(c, v)) {
                return false;
            }
            EMIT(DICT_UPDATE, 1);
        } else {
            if (!visit_expr(c, k) || !visit_expr(c, v)) {
                return false;
            }
            pending++;
        }
    }
    if (pending > 0 || !have_dict) {
        EMIT(BUILD_MAP, (uint32_t)pending);
        if (have_dict) {
            EMIT(DICT_UPDATE, 1);
        }
    }
    return !c->failed;
}

static void
compare_op(CmpCompiler *c, AstCmpOp op)
{
    switch (op) {
    case AST_IS:
        EMIT(IS_OP, 0);
        break;
    case AST_ISNOT:
        EMIT(IS_OP, 1);
        break;
    case AST_IN:
        EMIT(CONTAINS_OP, 0);
        break;
    case AST_NOTIN:
        EMIT(CONTAINS_OP, 1);
        break;
    default:
        EMIT(COMPARE_OP, (uint32_t)op);
        break;
    }
}

static NOINLINE bool
visit_compare(CmpCompiler *c, const AstExpr *e)
{
    int n = e->u.compare.n;
    int32_t cleanup, end;
    if (!visit_expr(c, e->u.compare.left)) {
        return false;
    }
    if (n == 1) {
        if (!visit_expr(c, AST_SEQ_GET(e->u.compare.comparators, 0))) {
            return false;
        }
        compare_op(c, e->u.compare.ops[0]);
        return !c->failed;
    }
    cleanup = cmp_new_label(c);
    end = cmp_new_label(c);
    for (int i = 0; i < n - 1; i++) {
        if (!visit_expr(c, AST_SEQ_GET(e->u.compare.comparators, i))) {
            return false;
        }
        EMIT(SWAP, 2);
        EMIT(COPY, 2);
        compare_op(c, e->u.compare.ops[i]);
        JUMP_TO(JUMP_IF_FALSE_OR_POP, cleanup);
    }
    if (!visit_expr(c, AST_SEQ_GET(e->u.compare.comparators, n - 1))) {
        return false;
    }
    compare_op(c, e->u.compare.ops[n - 1]);
    JUMP_TO(JUMP, end);
    cmp_bind_label(c, cleanup);
    EMIT(SWAP, 2);
    EMIT(POP_TOP, 0);
    cmp_bind_label(c, end);
    return !c->failed;
}

/* Jumps to label when the truth of e equals cond (CPython's compiler_jump_if). */
static NOINLINE bool
jump_if(CmpCompiler *c, const AstExpr *e, int32_t label, bool cond)
{
    CmpLoc saved = c->u->loc;
    bool ok = true;
    c->u->loc = to_loc(&e->loc);
    switch (e->kind) {
    case AST_UNARYOP:
        if (e->u.unaryop.op == AST_NOT) {
            ok = jump_if(c, e->u.unaryop.operand, label, !cond);
            c->u->loc = saved;
            return ok;
        }
        break;
    case AST_BOOLOP: {
        const AstSeq *vals = &e->u.boolop.values;
        bool is_or = e->u.boolop.op == AST_OR;
        int32_t next = label;
        if (is_or != cond) {
            next = cmp_new_label(c);
        }
        for (int i = 0; ok && i < vals->len - 1; i++) {
            ok = jump_if(c, AST_SEQ_GET(*vals, i), next, is_or);
        }
        ok = ok && jump_if(c, AST_SEQ_GET(*vals, vals->len - 1), label, cond);
        if (next != label) {
            cmp_bind_label(c, next);
        }
        c->u->loc = saved;
        return ok && !c->failed;
    }
    case AST_CONSTANT:
        if (const_truth(&e->u.constant) == (cond ? 1 : 0)) {
            JUMP_TO(JUMP, label);
        }
        c->u->loc = saved;
        return !c->failed;
    case AST_COMPARE:
        if (e->u.compare.n == 1
            && (e->u.compare.ops[0] == AST_IS || e->u.compare.ops[0] == AST_ISNOT)) {
            const AstExpr *r = AST_SEQ_GET(e->u.compare.comparators, 0);
            if (r->kind == AST_CONSTANT && r->u.constant.kind == AST_CONST_NONE) {
                bool is = e->u.compare.ops[0] == AST_IS;
                ok = visit_expr(c, e->u.compare.left);
                c->u->loc = to_loc(&e->loc);
                cmp_emit_jump(c, is == cond ? OP_POP_JUMP_IF_NONE : OP_POP_JUMP_IF_NOT_NONE, label);
                c->u->loc = saved;
                return ok && !c->failed;
            }
        }
        break;
    default:
        break;
    }
    ok = visit_expr(c, e);
    c->u->loc = to_loc(&e->loc);
    cmp_emit_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
    c->u->loc = saved;
    return ok && !c->failed;
}

/* Positional and keyword arguments of a call whose callable and self slot
 * are already pushed. */
static NOINLINE bool
call_args(CmpCompiler *c, const AstSeq *args, const AstSeq *keywords, CmpLoc callloc)
{
    bool ex = has_starred(args);
    for (int i = 0; i < keywords->len; i++) {
        const AstKeyword *k = AST_SEQ_GET(*keywords, i);
        if (k->arg.s == NULL) {
            ex = true;
        }
    }
    if (!ex) {
        if (!visit_exprs(c, args)) {
            return false;
        }
        if (keywords->len == 0) {
            c->u->loc = callloc;
            EMIT(CALL, (uint32_t)args->len);
            return !c->failed;
        }
        {
            uint32_t small[16], *items = small;
            CmpConst k = {0};
            uint32_t names;
            if (keywords->len > 16) {
                items = cmp_pool_alloc(&c->pool, sizeof *items * (size_t)keywords->len);
                if (items == NULL) {
                    return cmp_fail_oom(c);
                }
            }
            for (int i = 0; i < keywords->len; i++) {
                const AstKeyword *kw = AST_SEQ_GET(*keywords, i);
                if (!visit_expr(c, kw->value)) {
                    return false;
                }
                items[i] = const_str(c, kw->arg.s, kw->arg.len);
            }
            k.kind = CMP_CONST_TUPLE;
            k.items = items;
            k.nitems = (uint32_t)keywords->len;
            names = cmp_add_const(c, &k);
            c->u->loc = callloc;
            EMIT(LOAD_CONST, names);
            EMIT(CALL_KW, (uint32_t)(args->len + keywords->len));
            return !c->failed;
        }
    }
    /* f(*a, **k): one args tuple and one kwargs dict */
    if (has_starred(args)) {
        if (!starunpack(c, args, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, true)) {
            return false;
        }
    } else {
        if (!visit_exprs(c, args)) {
            return false;
        }
        EMIT(BUILD_TUPLE, (uint32_t)args->len);
    }
    if (keywords->len > 0) {
        int pending = 0;
        bool have_dict = false;
        for (int i = 0; i < keywords->len; i++) {
            const AstKeyword *kw = AST_SEQ_GET(*keywords, i);
            if (kw->arg.s == NULL) {
                if (pending > 0) {
                    EMIT(BUILD_MAP, (uint32_t)pending);
                    if (have_dict) {
                        EMIT(DICT_MERGE, 1);
                    }
                    have_dict = true;
                    pending = 0;
                }
                if (!have_dict) {
                    EMIT(BUILD_MAP, 0);
                    have_dict = true;
                }
                if (!visit_expr(c, kw->value)) {
                    return false;
                }
                EMIT(DICT_MERGE, 1);
            } else {
                EMIT(LOAD_CONST, const_str(c, kw->arg.s, kw->arg.len));
                if (!visit_expr(c, kw->value)) {
                    return false;
                }
                pending++;
            }
        }
        if (pending > 0) {
            EMIT(BUILD_MAP, (uint32_t)pending);
            if (have_dict) {
                EMIT(DICT_MERGE, 1);
            }
        }
        c->u->loc = callloc;
        EMIT(CALL_FUNCTION_EX, 1);
    } else {
        c->u->loc = callloc;
        EMIT(CALL_FUNCTION_EX, 0);
    }
    return !c->failed;
}

static NOINLINE bool
visit_call(CmpCompiler *c, const AstExpr *e)
{
    const AstExpr *f = e->u.call.func;
    bool ex = has_starred(&e->u.call.args);
    for (int i = 0; i < e->u.call.keywords.len; i++) {
        const AstKeyword *k = AST_SEQ_GET(e->u.call.keywords, i);
        if (k->arg.s == NULL) {
            ex = true;
        }
    }
    if (f->kind == AST_ATTRIBUTE && !ex) {
        /* obj.meth(...): LOAD_ATTR's method form pushes [meth, self] */
        CmpLoc saved = c->u->loc;
        if (!visit_expr(c, f->u.attribute.value)) {
            return false;
        }
        c->u->loc = attr_loc(&f->loc, f);
        EMIT(LOAD_ATTR, cmp_add_name(c, f->u.attribute.attr.s) << 1 | 1);
        c->u->loc = saved;
        if (!call_args(c, &e->u.call.args, &e->u.call.keywords, attr_loc(&e->loc, f))) {
            return false;
        }
        return true;
    } else {
        if (!visit_expr(c, f)) {
            return false;
        }
        EMIT(PUSH_NULL, 0);
    }
    return call_args(c, &e->u.call.args, &e->u.call.keywords, to_loc(&e->loc));
}

static NOINLINE bool
visit_joinedstr(CmpCompiler *c, const AstExpr *e)
{
    const AstSeq *vals = &e->u.joinedstr.values;
    if (vals->len == 0) {
        EMIT(LOAD_CONST, const_str(c, "", 0));
        return !c->failed;
    }
    if (!visit_exprs(c, vals)) {
        return false;
    }
    if (vals->len > 1) {
        EMIT(BUILD_STRING, (uint32_t)vals->len);
    } else {
        const AstExpr *only = AST_SEQ_GET(*vals, 0);
        if (only->kind != AST_FORMATTEDVALUE && only->kind != AST_CONSTANT) {
            EMIT(BUILD_STRING, 1);
        }
    }
    return !c->failed;
}

static NOINLINE bool
visit_formatted(CmpCompiler *c, const AstExpr *e)
{
    if (!visit_expr(c, e->u.formattedvalue.value)) {
        return false;
    }
    switch (e->u.formattedvalue.conversion) {
    case 's':
        EMIT(CONVERT_VALUE, 1);
        break;
    case 'r':
        EMIT(CONVERT_VALUE, 2);
        break;
    case 'a':
        EMIT(CONVERT_VALUE, 3);
        break;
    default:
        break;
    }
    if (e->u.formattedvalue.format_spec != NULL) {
        if (!visit_expr(c, e->u.formattedvalue.format_spec)) {
            return false;
        }
        EMIT(FORMAT_WITH_SPEC, 0);
    } else {
        EMIT(FORMAT_SIMPLE, 0);
    }
    return !c->failed;
}

static char *
make_qualname(CmpCompiler *c, const char *name)
{
    CmpUnit *u = c->u;
    size_t n;
    char *q;
    if (u->scope->kind == CMP_SCOPE_MODULE) {
        return cmp_pool_strndup(&c->pool, name, strlen(name));
    }
    n = strlen(u->qualname) + strlen(name) + sizeof ".<locals>.";
    q = cmp_pool_alloc(&c->pool, n);
    if (q != NULL) {
        snprintf(q, n, "%s.<locals>.%s", u->qualname, name);
    }
    return q;
}

/* Pushes the closure tuple for child (if it has free variables); returns
 * the MAKE_FUNCTION flag bit. */
static NOINLINE uint32_t
push_closure(CmpCompiler *c, const CmpScope *child)
{
    uint32_t n = 0;
    for (int i = 0; i < child->nsyms; i++) {
        const CmpSymbol *fs = &child->syms[i];
        CmpSymbol *mine;
        if (fs->scope != CMP_SYM_FREE) {
            continue;
        }
        mine = cmp_unit_symbol(c, fs->name);
        if (mine == NULL || (mine->scope != CMP_SYM_CELL && mine->scope != CMP_SYM_FREE)) {
            cmp_fail(c, "SystemError", NULL, "internal compiler error: no cell for '%s'",
                     fs->name);
            return 0;
        }
        EMIT(LOAD_CLOSURE, (uint32_t)mine->slot);
        n++;
    }
    if (n == 0) {
        return 0;
    }
    EMIT(BUILD_TUPLE, n);
    return 8;
}

/* Evaluates defaults (tuple) and keyword-only defaults (dict) and returns
 * the MAKE_FUNCTION flag bits. Stack afterwards, bottom to top:
 * [kwdefaults if 2][defaults if 1], as opcodes.def orders them. */
static NOINLINE uint32_t
push_defaults(CmpCompiler *c, const AstArguments *a)
{
    uint32_t flags = 0;
    int nkw = 0;
    if (a->defaults.len > 0) {
        int64_t k = const_tuple(c, &a->defaults);
        if (k >= 0) {
            EMIT(LOAD_CONST, (uint32_t)k);
        } else {
            if (!visit_exprs(c, &a->defaults)) {
                return 0;
            }
            EMIT(BUILD_TUPLE, (uint32_t)a->defaults.len);
        }
        flags |= 1;
    }
    for (int i = 0; i < a->kwonlyargs.len; i++) {
        const AstExpr *d = AST_SEQ_GET(a->kw_defaults, i);
        const AstArg *arg = AST_SEQ_GET(a->kwonlyargs, i);
        if (d == NULL) {
            continue;
        }
        EMIT(LOAD_CONST, const_str(c, arg->arg.s, arg->arg.len));
        if (!visit_expr(c, d)) {
            return 0;
        }
        nkw++;
    }
    if (nkw > 0) {
        EMIT(BUILD_MAP, (uint32_t)nkw);
        if (flags & 1) {
            EMIT(SWAP, 2);
        }
        flags |= 2;
    }
    return flags;
}

static uint32_t
code_flags(const CmpScope *s, const AstArguments *a)
{
    uint32_t f = 0;
    if (s->parent != NULL && s->parent->kind != CMP_SCOPE_MODULE) {
        f |= CMP_CO_NESTED;
    }
    if (s->generator) {
        f |= CMP_CO_GENERATOR;
    }
    if (s->coroutine) {
        f |= CMP_CO_COROUTINE;
    }
    if (a != NULL && a->vararg != NULL) {
        f |= CMP_CO_VARARGS;
    }
    if (a != NULL && a->kwarg != NULL) {
        f |= CMP_CO_VARKEYWORDS;
    }
    return f;
}

/* Compiles a function body (def or lambda) into a new code object and
 * emits MAKE_FUNCTION for it. */
static NOINLINE bool
make_function(CmpCompiler *c, const void *node, const char *name, const AstArguments *args,
              const AstSeq *body, const AstExpr *lambda_body, uint32_t firstlineno)
{
    CmpScope *child = cmp_scope_child(c->u->scope, node);
    uint32_t flags, code_index;
    char *qual;
    bool ok, docstring = false;

    if (child == NULL) {
        return cmp_fail(c, "SystemError", NULL, "internal compiler error: missing scope");
    }
    flags = push_closure(c, child);
    flags |= push_defaults(c, args);
    if (c->failed) {
        return false;
    }
    qual = make_qualname(c, name);
    if (qual == NULL) {
        return cmp_fail_oom(c);
    }
    ok = cmp_unit_enter(c, child, name, qual, firstlineno);
    if (!ok) {
        return false;
    }
    code_index = c->u->index;
    if (child->generator || child->coroutine) {
        EMIT(RETURN_GENERATOR, 0);
    }
    if (lambda_body != NULL) {
        c->u->loc = to_loc(&lambda_body->loc);
        ok = visit_expr(c, lambda_body);
        if (child->generator) {
            EMIT(POP_TOP, 0);
            EMIT(RETURN_CONST, const_none(c));
        } else {
            EMIT(RETURN_VALUE, 0);
        }
    } else {
        const AstStmt *first = body->len > 0 ? AST_SEQ_GET(*body, 0) : NULL;
        AstSeq rest = *body;
        if (first != NULL && first->kind == AST_EXPR
            && first->u.expr.value->kind == AST_CONSTANT
            && first->u.expr.value->u.constant.kind == AST_CONST_STR) {
            /* the docstring: constant 0, not executed (as CPython) */
            const AstConst *k = &first->u.expr.value->u.constant;
            const_str(c, k->str.s ? k->str.s : "", k->str.len);
            docstring = true;
            rest.items++;
            rest.len--;
        }
        ok = visit_stmts(c, &rest);
        /* Always: a label may sit at the very end even when it is dead. */
        EMIT(RETURN_CONST, const_none(c));
    }
    ok = cmp_unit_leave(c, (uint32_t)(args->posonlyargs.len + args->args.len),
                        (uint32_t)args->posonlyargs.len, (uint32_t)args->kwonlyargs.len,
                        code_flags(child, args) | (docstring ? CMP_CO_HAS_DOCSTRING : 0))
         && ok;
    if (!ok) {
        return false;
    }
    {
        CmpConst k = {0};
        k.kind = CMP_CONST_CODE;
        k.i = code_index;
        EMIT(LOAD_CONST, cmp_add_const(c, &k));
    }
    EMIT(MAKE_FUNCTION, flags);
    return !c->failed;
}

/* One `for ... in ... if ...` level of a comprehension, innermost last. */
static NOINLINE bool
comp_generator(CmpCompiler *c, const AstExpr *e, int idx)
{
    const AstSeq *gens = &e->u.comp.generators;
    const AstComprehension *g = AST_SEQ_GET(*gens, idx);
    int32_t start = cmp_new_label(c), anchor = cmp_new_label(c);
    int32_t if_cleanup = cmp_new_label(c);
    int depth = idx + 1;

    if (idx == 0) {
        EMIT(LOAD_FAST, 0);       /* .0: the first iterator, passed in */
    } else {
        if (!visit_expr(c, g->iter)) {
            return false;
        }
        EMIT(GET_ITER, 0);
    }
    cmp_bind_label(c, start);
    JUMP_TO(FOR_ITER, anchor);
    if (!store_target(c, g->target)) {
        return false;
    }
    /* A failed filter goes on to the loop's JUMP (never straight back to
     * FOR_ITER): back-edges are where the VM checks the time budget. */
    for (int i = 0; i < g->ifs.len; i++) {
        if (!jump_if(c, AST_SEQ_GET(g->ifs, i), if_cleanup, false)) {
            return false;
        }
    }
    if (idx + 1 < gens->len) {
        if (!comp_generator(c, e, idx + 1)) {
            return false;
        }
    } else {
        switch (e->kind) {
        case AST_LISTCOMP:
            if (!visit_expr(c, e->u.comp.elt)) {
                return false;
            }
            EMIT(LIST_APPEND, (uint32_t)depth + 1);
            break;
        case AST_SETCOMP:
            if (!visit_expr(c, e->u.comp.elt)) {
                return false;
            }
            EMIT(SET_ADD, (uint32_t)depth + 1);
            break;
        case AST_DICTCOMP:
            if (!visit_expr(c, e->u.comp.key) || !visit_expr(c, e->u.comp.value)) {
                return false;
            }
            EMIT(MAP_ADD, (uint32_t)depth + 1);
            break;
        default:
            if (!visit_expr(c, e->u.comp.elt)) {
                return false;
            }
            EMIT(YIELD_VALUE, 0);
            EMIT(POP_TOP, 0);
            break;
        }
    }
    cmp_bind_label(c, if_cleanup);
    JUMP_TO(JUMP, start);
    cmp_bind_label(c, anchor);
    return !c->failed;
}

static NOINLINE bool
visit_comprehension(CmpCompiler *c, const AstExpr *e)
{
    CmpScope *child = cmp_scope_child(c->u->scope, e);
    const AstComprehension *first = AST_SEQ_GET(e->u.comp.generators, 0);
    uint32_t flags, code_index;
    char *qual;
    bool ok;

    if (child == NULL) {
        return cmp_fail(c, "SystemError", NULL, "internal compiler error: missing scope");
    }
    flags = push_closure(c, child);
    qual = make_qualname(c, child->name);
    if (qual == NULL) {
        return cmp_fail_oom(c);
    }
    ok = cmp_unit_enter(c, child, child->name, qual, (uint32_t)e->loc.lineno);
    if (!ok) {
        return false;
    }
    code_index = c->u->index;
    c->u->loc = to_loc(&e->loc);
    if (child->coroutine) {
        /* it awaits: a coroutine the caller awaits (scope.c), as CPython < 3.12 did */
        EMIT(RETURN_GENERATOR, 0);
    }
    switch (e->kind) {
    case AST_LISTCOMP:
        EMIT(BUILD_LIST, 0);
        break;
    case AST_SETCOMP:
        EMIT(BUILD_SET, 0);
        break;
    case AST_DICTCOMP:
        EMIT(BUILD_MAP, 0);
        break;
    default:
        EMIT(RETURN_GENERATOR, 0);
        break;
    }
    ok = comp_generator(c, e, 0);
    c->u->loc = to_loc(&e->loc);
    if (e->kind == AST_GENERATOREXP) {
        EMIT(RETURN_CONST, const_none(c));
    } else {
        EMIT(RETURN_VALUE, 0);
    }
    ok = cmp_unit_leave(c, 1, 0, 0, code_flags(child, NULL)) && ok;
    if (!ok) {
        return false;
    }
    {
        CmpConst k = {0};
        k.kind = CMP_CONST_CODE;
        k.i = code_index;
        EMIT(LOAD_CONST, cmp_add_const(c, &k));
    }
    EMIT(MAKE_FUNCTION, flags);
    EMIT(PUSH_NULL, 0);
    if (!visit_expr(c, first->iter)) {
        return false;
    }
    c->u->loc = to_loc(&e->loc);
    EMIT(GET_ITER, 0);
    EMIT(CALL, 1);
    if (child->coroutine) {
        return emit_await(c);
    }
    return !c->failed;
}

/* A BinOp of literals as one constant (fold.c decides what is safe). */
static NOINLINE bool
fold_binop(CmpCompiler *c, const AstExpr *e)
{
    AstConst k;
    if (!cmp_fold_const(&c->pool, e, &k)) {
        return false;
    }
    EMIT(LOAD_CONST, const_from_ast(c, &k));
    return true;
}

/* -<number> as one constant (exact: negating a literal never changes its
 * meaning). False when o is not a foldable literal. */
static NOINLINE bool
fold_negative(CmpCompiler *c, const AstExpr *o)
{
    const AstConst *k;
    CmpConst n = {0};
    if (o->kind != AST_CONSTANT) {
        return false;
    }
    k = &o->u.constant;
    if (k->kind == AST_CONST_INT && !k->is_big) {
        EMIT(LOAD_CONST, const_int(c, -k->i));
        return true;
    }
    if (k->kind == AST_CONST_FLOAT) {
        n.kind = CMP_CONST_FLOAT;
        n.f = -k->f;
        EMIT(LOAD_CONST, cmp_add_const(c, &n));
        return true;
    }
    return false;
}

static NOINLINE bool
visit_slice(CmpCompiler *c, const AstExpr *e)
{
    const AstExpr *parts[3] = {e->u.slice.lower, e->u.slice.upper, e->u.slice.step};
    for (int i = 0; i < 3; i++) {
        if (i == 2 && parts[2] == NULL) {
            break;
        }
        if (parts[i] == NULL) {
            EMIT(LOAD_CONST, const_none(c));
        } else if (!visit_expr(c, parts[i])) {
            return false;
        }
    }
    EMIT(BUILD_SLICE, parts[2] != NULL ? 3 : 2);
    return !c->failed;
}

/*
 * visit_await: `await x` is CPython's sequence without the yield:
 *     x; GET_AWAITABLE; LOAD_CONST None; L: SEND exit; JUMP L; exit:
 * The VM drives the awaited coroutine in-loop (frames on its stack, as `yield from`)
 * and SEND jumps to exit with the result. monty has no event loop: a coroutine never
 * yields (no YIELD_VALUE is emitted in async code, the verifier refuses one there), so the
 * fall-through JUMP is never taken; it keeps the stack depths consistent. A host call is
 * a coroutine too (the VM makes one for an async external), so it needs nothing here.
 */
static bool
emit_await(CmpCompiler *c)
{
    int32_t send = cmp_new_label(c), exit = cmp_new_label(c);
    EMIT(GET_AWAITABLE, 0);
    EMIT(LOAD_CONST, const_none(c));
    cmp_bind_label(c, send);
    JUMP_TO(SEND, exit);
    JUMP_TO(JUMP, send);
    cmp_bind_label(c, exit);
    return !c->failed;
}

static NOINLINE bool
visit_await(CmpCompiler *c, const AstExpr *e)
{
    if (!visit_expr(c, e->u.await_.value)) {
        return false;
    }
    c->u->loc = to_loc(&e->loc);
    return emit_await(c);
}

static bool
visit_expr_inner(CmpCompiler *c, const AstExpr *e)
{
    switch (e->kind) {
    case AST_BOOLOP: {
        int32_t end = cmp_new_label(c);
        const AstSeq *vals = &e->u.boolop.values;
        for (int i = 0; i < vals->len - 1; i++) {
            if (!visit_expr(c, AST_SEQ_GET(*vals, i))) {
                return false;
            }
            c->u->loc = to_loc(&e->loc);
            cmp_emit_jump(c, e->u.boolop.op == AST_AND ? OP_JUMP_IF_FALSE_OR_POP
                                                       : OP_JUMP_IF_TRUE_OR_POP,
                          end);
        }
        if (!visit_expr(c, AST_SEQ_GET(*vals, vals->len - 1))) {
            return false;
        }
        cmp_bind_label(c, end);
        return !c->failed;
    }
    case AST_NAMEDEXPR:
        if (!visit_expr(c, e->u.namedexpr.value)) {
            return false;
        }
        EMIT(COPY, 1);
        return store_target(c, e->u.namedexpr.target);
    case AST_BINOP:
        if (fold_binop(c, e)) {
            return !c->failed;
        }
        if (!visit_expr(c, e->u.binop.left) || !visit_expr(c, e->u.binop.right)) {
            return false;
        }
        EMIT(BINARY_OP, (uint32_t)e->u.binop.op);
        return !c->failed;
    case AST_UNARYOP: {
        const AstExpr *o = e->u.unaryop.operand;
        if (e->u.unaryop.op == AST_USUB && fold_negative(c, o)) {
            return !c->failed;
        }
        if (!visit_expr(c, o)) {
            return false;
        }
        EMIT(UNARY_OP, (uint32_t)e->u.unaryop.op);
        return !c->failed;
    }
    case AST_LAMBDA:
        return make_function(c, e, "<lambda>", e->u.lambda.args, NULL, e->u.lambda.body,
                             (uint32_t)e->loc.lineno);
    case AST_IFEXP: {
        int32_t orelse = cmp_new_label(c), end = cmp_new_label(c);
        if (!jump_if(c, e->u.ifexp.test, orelse, false) || !visit_expr(c, e->u.ifexp.body)) {
            return false;
        }
        JUMP_TO(JUMP, end);
        cmp_bind_label(c, orelse);
        if (!visit_expr(c, e->u.ifexp.orelse)) {
            return false;
        }
        cmp_bind_label(c, end);
        return !c->failed;
    }
    case AST_DICT:
        return visit_dict(c, e);
    case AST_SET:
        return starunpack(c, &e->u.set.elts, OP_BUILD_SET, OP_SET_ADD, OP_SET_UPDATE, false);
    case AST_LISTCOMP:
    case AST_SETCOMP:
    case AST_DICTCOMP:
    case AST_GENERATOREXP:
        return visit_comprehension(c, e);
    case AST_AWAIT:
        return visit_await(c, e);
    case AST_YIELD:
        if (e->u.yield.value != NULL) {
            if (!visit_expr(c, e->u.yield.value)) {
                return false;
            }
        } else {
            EMIT(LOAD_CONST, const_none(c));
        }
        EMIT(YIELD_VALUE, 0);
        return !c->failed;
    case AST_YIELDFROM: {
        int32_t send = cmp_new_label(c), exit = cmp_new_label(c);
        if (!visit_expr(c, e->u.yieldfrom.value)) {
            return false;
        }
        EMIT(GET_YIELD_FROM_ITER, 0);
        EMIT(LOAD_CONST, const_none(c));
        cmp_bind_label(c, send);
        JUMP_TO(SEND, exit);
        EMIT(YIELD_VALUE, 0);
        JUMP_TO(JUMP, send);
        cmp_bind_label(c, exit);
        return !c->failed;
    }
    case AST_COMPARE:
        return visit_compare(c, e);
    case AST_CALL:
        return visit_call(c, e);
    case AST_FORMATTEDVALUE:
        return visit_formatted(c, e);
    case AST_JOINEDSTR:
        return visit_joinedstr(c, e);
    case AST_CONSTANT:
        EMIT(LOAD_CONST, const_from_ast(c, &e->u.constant));
        return !c->failed;
    case AST_ATTRIBUTE:
        if (!visit_expr(c, e->u.attribute.value)) {
            return false;
        }
        c->u->loc = attr_loc(&e->loc, e);
        EMIT(LOAD_ATTR, cmp_add_name(c, e->u.attribute.attr.s) << 1);
        return !c->failed;
    case AST_SUBSCRIPT:
        if (!visit_expr(c, e->u.subscript.value) || !visit_expr(c, e->u.subscript.slice)) {
            return false;
        }
        EMIT(BINARY_SUBSCR, 0);
        return !c->failed;
    case AST_STARRED:
        return cmp_fail(c, "SyntaxError", &e->loc, "can't use starred expression here");
    case AST_NAME:
        name_op(c, e->u.name.id.s, AST_LOAD);
        return !c->failed;
    case AST_LIST:
        return starunpack(c, &e->u.list.elts, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND,
                          false);
    case AST_TUPLE: {
        int64_t k;
        if (!has_starred(&e->u.list.elts) && (k = const_tuple(c, &e->u.list.elts)) >= 0) {
            EMIT(LOAD_CONST, (uint32_t)k);
            return !c->failed;
        }
        return starunpack(c, &e->u.list.elts, OP_BUILD_TUPLE, OP_LIST_APPEND, OP_LIST_EXTEND,
                          true);
    }
    case AST_SLICE:
        return visit_slice(c, e);
    default:
        return cmp_fail(c, "NotImplementedError", &e->loc,
                        "monty does not support this expression yet");
    }
}

static bool
visit_expr(CmpCompiler *c, const AstExpr *e)
{
    CmpLoc saved = c->u->loc;
    bool ok;
    if (c->failed) {
        return false;
    }
    c->u->loc = to_loc(&e->loc);
    ok = visit_expr_inner(c, e);
    c->u->loc = saved;
    return ok && !c->failed;
}

/* ---- assignment targets ------------------------------------------------------- */

static NOINLINE bool
unpack_target(CmpCompiler *c, const AstExpr *t)
{
    const AstSeq *elts = &t->u.list.elts;
    int star = -1;
    for (int i = 0; i < elts->len; i++) {
        const AstExpr *e = AST_SEQ_GET(*elts, i);
        if (e->kind == AST_STARRED) {
            if (star >= 0) {
                return cmp_fail(c, "SyntaxError", &t->loc,
                                "multiple starred expressions in assignment");
            }
            star = i;
        }
    }
    if (star < 0) {
        EMIT(UNPACK_SEQUENCE, (uint32_t)elts->len);
    } else {
        uint32_t after = (uint32_t)(elts->len - star - 1);
        if (star >= 256 || after >= 256) {
            return cmp_fail(c, "SyntaxError", &t->loc,
                            "too many expressions in star-unpacking assignment");
        }
        EMIT(UNPACK_EX, (uint32_t)star | after << 8);
    }
    for (int i = 0; i < elts->len; i++) {
        const AstExpr *e = AST_SEQ_GET(*elts, i);
        if (!store_target(c, e->kind == AST_STARRED ? e->u.starred.value : e)) {
            return false;
        }
    }
    return !c->failed;
}

/* Stores TOS into an assignment target. */
static NOINLINE bool
store_target(CmpCompiler *c, const AstExpr *t)
{
    CmpLoc saved = c->u->loc;
    bool ok = true;
    c->u->loc = to_loc(&t->loc);
    switch (t->kind) {
    case AST_NAME:
        name_op(c, t->u.name.id.s, AST_STORE);
        break;
    case AST_ATTRIBUTE:
        ok = visit_expr(c, t->u.attribute.value);
        c->u->loc = attr_loc(&t->loc, t);
        EMIT(STORE_ATTR, cmp_add_name(c, t->u.attribute.attr.s));
        break;
    case AST_SUBSCRIPT:
        ok = visit_expr(c, t->u.subscript.value) && visit_expr(c, t->u.subscript.slice);
        c->u->loc = to_loc(&t->loc);
        EMIT(STORE_SUBSCR, 0);
        break;
    case AST_TUPLE:
    case AST_LIST:
        ok = unpack_target(c, t);
        break;
    case AST_STARRED:
        ok = cmp_fail(c, "SyntaxError", &t->loc,
                      "starred assignment target must be in a list or tuple");
        break;
    default:
        ok = cmp_fail(c, "SyntaxError", &t->loc, "cannot assign to expression");
        break;
    }
    c->u->loc = saved;
    return ok && !c->failed;
}

static NOINLINE bool
delete_target(CmpCompiler *c, const AstExpr *t)
{
    CmpLoc saved = c->u->loc;
    bool ok = true;
    c->u->loc = to_loc(&t->loc);
    switch (t->kind) {
    case AST_NAME:
        name_op(c, t->u.name.id.s, AST_DEL);
        break;
    case AST_ATTRIBUTE:
        ok = visit_expr(c, t->u.attribute.value);
        c->u->loc = attr_loc(&t->loc, t);
        EMIT(DELETE_ATTR, cmp_add_name(c, t->u.attribute.attr.s));
        break;
    case AST_SUBSCRIPT:
        ok = visit_expr(c, t->u.subscript.value) && visit_expr(c, t->u.subscript.slice);
        c->u->loc = to_loc(&t->loc);
        EMIT(DELETE_SUBSCR, 0);
        break;
    case AST_TUPLE:
    case AST_LIST:
        for (int i = 0; ok && i < t->u.list.elts.len; i++) {
            ok = delete_target(c, AST_SEQ_GET(t->u.list.elts, i));
        }
        break;
    default:
        ok = cmp_fail(c, "SyntaxError", &t->loc, "cannot delete expression");
        break;
    }
    c->u->loc = saved;
    return ok && !c->failed;
}

static NOINLINE bool
visit_augassign(CmpCompiler *c, const AstStmt *s)
{
    const AstExpr *t = s->u.augassign.target;
    uint32_t op = (uint32_t)s->u.augassign.op | 0x100;
    CmpLoc tloc = to_loc(&t->loc), sloc = to_loc(&s->loc);
    /* As CPython: the target's loads and stores carry the target's
     * location, the operator the statement's. */
    switch (t->kind) {
    case AST_NAME:
        c->u->loc = tloc;
        name_op(c, t->u.name.id.s, AST_LOAD);
        if (!visit_expr(c, s->u.augassign.value)) {
            return false;
        }
        c->u->loc = sloc;
        EMIT(BINARY_OP, op);
        c->u->loc = tloc;
        name_op(c, t->u.name.id.s, AST_STORE);
        break;
    case AST_ATTRIBUTE: {
        uint32_t name = cmp_add_name(c, t->u.attribute.attr.s);
        if (!visit_expr(c, t->u.attribute.value)) {
            return false;
        }
        c->u->loc = tloc;
        EMIT(COPY, 1);
        EMIT(LOAD_ATTR, name << 1);
        if (!visit_expr(c, s->u.augassign.value)) {
            return false;
        }
        c->u->loc = sloc;
        EMIT(BINARY_OP, op);
        c->u->loc = tloc;
        EMIT(SWAP, 2);
        EMIT(STORE_ATTR, name);
        break;
    }
    case AST_SUBSCRIPT:
        if (!visit_expr(c, t->u.subscript.value) || !visit_expr(c, t->u.subscript.slice)) {
            return false;
        }
        c->u->loc = tloc;
        EMIT(COPY, 2);
        EMIT(COPY, 2);
        EMIT(BINARY_SUBSCR, 0);
        if (!visit_expr(c, s->u.augassign.value)) {
            return false;
        }
        c->u->loc = sloc;
        EMIT(BINARY_OP, op);
        c->u->loc = tloc;
        EMIT(SWAP, 3);
        EMIT(SWAP, 2);
        EMIT(STORE_SUBSCR, 0);
        break;
    default:
        return cmp_fail(c, "SyntaxError", &t->loc,
                        "'expression' is an illegal expression for augmented assignment");
    }
    c->u->loc = sloc;
    return !c->failed;
}

/* ---- statements -------------------------------------------------------------- */

static NOINLINE bool
visit_for(CmpCompiler *c, const AstStmt *s)
{
    int32_t start = cmp_new_label(c), orelse = cmp_new_label(c), end = cmp_new_label(c);
    CmpFBlock fb = {CMP_FB_FOR, start, end, NULL, NULL};
    bool ok;
    if (!visit_expr(c, s->u.for_.iter)) {
        return false;
    }
    c->u->loc = to_loc(&s->u.for_.iter->loc);
    EMIT(GET_ITER, 0);
    cmp_bind_label(c, start);
    JUMP_TO(FOR_ITER, orelse);
    if (!store_target(c, s->u.for_.target) || !cmp_push_fblock(c, fb, &s->loc)) {
        return false;
    }
    ok = visit_stmts(c, &s->u.for_.body);
    cmp_pop_fblock(c);
    c->u->loc = to_loc(&s->u.for_.iter->loc);
    JUMP_TO(JUMP, start);
    cmp_bind_label(c, orelse);
    ok = ok && visit_stmts(c, &s->u.for_.orelse);
    cmp_bind_label(c, end);
    return ok && !c->failed;
}

static NOINLINE bool
visit_while(CmpCompiler *c, const AstStmt *s)
{
    int32_t start = cmp_new_label(c), orelse = cmp_new_label(c), end = cmp_new_label(c);
    CmpFBlock fb = {CMP_FB_WHILE, start, end, NULL, NULL};
    bool ok;
    cmp_bind_label(c, start);
    if (!jump_if(c, s->u.while_.test, orelse, false) || !cmp_push_fblock(c, fb, &s->loc)) {
        return false;
    }
    ok = visit_stmts(c, &s->u.while_.body);
    cmp_pop_fblock(c);
    c->u->loc = to_loc(&s->loc);
    JUMP_TO(JUMP, start);
    cmp_bind_label(c, orelse);
    ok = ok && visit_stmts(c, &s->u.while_.orelse);
    cmp_bind_label(c, end);
    return ok && !c->failed;
}

static NOINLINE bool
visit_if(CmpCompiler *c, const AstStmt *s)
{
    int32_t end = cmp_new_label(c);
    bool ok;
    if (s->u.if_.orelse.len > 0) {
        int32_t orelse = cmp_new_label(c);
        ok = jump_if(c, s->u.if_.test, orelse, false) && visit_stmts(c, &s->u.if_.body);
        JUMP_TO(JUMP, end);
        cmp_bind_label(c, orelse);
        ok = ok && visit_stmts(c, &s->u.if_.orelse);
    } else {
        ok = jump_if(c, s->u.if_.test, end, false) && visit_stmts(c, &s->u.if_.body);
    }
    cmp_bind_label(c, end);
    return ok && !c->failed;
}

static NOINLINE bool
visit_return(CmpCompiler *c, const AstStmt *s)
{
    const AstExpr *v = s->u.return_.value;
    bool preserve = v != NULL && v->kind != AST_CONSTANT;
    int32_t htop = c->u->htop;
    int64_t depth = c->u->depth;
    bool ok = true;
    if (preserve && !visit_expr(c, v)) {
        return false;
    }
    c->u->loc = to_loc(&s->loc);
    ok = unwind_fblock_stack(c, preserve, NULL, NULL);
    c->u->loc = to_loc(&s->loc);
    if (preserve) {
        EMIT(RETURN_VALUE, 0);
    } else if (v != NULL) {
        EMIT(RETURN_CONST, const_from_ast(c, &v->u.constant));
    } else {
        EMIT(RETURN_CONST, const_none(c));
    }
    c->u->htop = htop;
    c->u->depth = depth;
    return ok && !c->failed;
}

static NOINLINE bool
visit_break_continue(CmpCompiler *c, const AstStmt *s, bool is_break)
{
    CmpFBlock loop;
    bool found = false;
    int32_t htop = c->u->htop;
    int64_t depth = c->u->depth;
    bool ok = unwind_fblock_stack(c, false, &loop, &found);
    if (!ok) {
        return false;
    }
    if (!found) {
        return cmp_fail(c, "SyntaxError", &s->loc,
                        is_break ? "'break' outside loop" : "'continue' not properly in loop");
    }
    c->u->loc = to_loc(&s->loc);
    if (is_break) {
        unwind_fblock(c, &loop, false);
        JUMP_TO(JUMP, loop.exit);
    } else {
        JUMP_TO(JUMP, loop.head);
    }
    c->u->htop = htop;
    c->u->depth = depth;
    return !c->failed;
}

/* try/except (CPython's compiler_try_except). */
static NOINLINE bool
try_except(CmpCompiler *c, const AstStmt *s)
{
    int32_t body = cmp_new_label(c), except = cmp_new_label(c), end = cmp_new_label(c);
    int32_t cleanup = cmp_new_label(c);
    const AstSeq *handlers = &s->u.try_.handlers;
    CmpFBlock fb = {CMP_FB_TRY_EXCEPT, body, -1, NULL, NULL};
    CmpFBlock eh = {CMP_FB_EXCEPTION_HANDLER, -1, -1, NULL, NULL};
    int32_t htop_cleanup;
    bool ok;

    cmp_push_handler(c, except, false);
    cmp_bind_label(c, body);
    EMIT(NOP, 0);
    if (!cmp_push_fblock(c, fb, &s->loc)) {
        return false;
    }
    ok = visit_stmts(c, &s->u.try_.body);
    cmp_pop_fblock(c);
    cmp_pop_handler(c);
    ok = ok && visit_stmts(c, &s->u.try_.orelse);
    if (!ok) {
        return false;
    }
    JUMP_TO(JUMP, end);

    cmp_bind_label(c, except);
    c->u->loc = to_loc(&s->loc);
    cmp_push_handler(c, cleanup, true);
    htop_cleanup = c->u->htop;
    EMIT(PUSH_EXC_INFO, 0);
    if (!cmp_push_fblock(c, eh, &s->loc)) {
        return false;
    }
    for (int i = 0; i < handlers->len; i++) {
        const AstExceptHandler *h = AST_SEQ_GET(*handlers, i);
        int32_t next = cmp_new_label(c);
        c->u->loc = to_loc(&h->loc);
        if (h->type == NULL && i < handlers->len - 1) {
            return cmp_fail(c, "SyntaxError", &h->loc, "default 'except:' must be last");
        }
        if (h->type != NULL) {
            if (!visit_expr(c, h->type)) {
                return false;
            }
            c->u->loc = to_loc(&h->loc);
            EMIT(CHECK_EXC_MATCH, 0);
            JUMP_TO(POP_JUMP_IF_FALSE, next);
        }
        if (h->name.s != NULL) {
            int32_t cleanup_end = cmp_new_label(c);
            CmpFBlock hc = {CMP_FB_HANDLER_CLEANUP, -1, -1, NULL, h->name.s};
            name_op(c, h->name.s, AST_STORE);
            cmp_push_handler(c, cleanup_end, true);
            if (!cmp_push_fblock(c, hc, &h->loc)) {
                return false;
            }
            if (!visit_stmts(c, &h->body)) {
                return false;
            }
            cmp_pop_fblock(c);
            c->u->loc = to_loc(&h->loc);
            cmp_pop_handler(c);
            cmp_pop_handler(c);
            EMIT(POP_EXCEPT, 0);
            EMIT(LOAD_CONST, const_none(c));
            name_op(c, h->name.s, AST_STORE);
            name_op(c, h->name.s, AST_DEL);
            JUMP_TO(JUMP, end);

            cmp_bind_label(c, cleanup_end);
            EMIT(LOAD_CONST, const_none(c));
            name_op(c, h->name.s, AST_STORE);
            name_op(c, h->name.s, AST_DEL);
            EMIT(RERAISE, 1);
        } else {
            CmpFBlock hc = {CMP_FB_HANDLER_CLEANUP, -1, -1, NULL, NULL};
            EMIT(POP_TOP, 0);
            if (!cmp_push_fblock(c, hc, &h->loc)) {
                return false;
            }
            if (!visit_stmts(c, &h->body)) {
                return false;
            }
            cmp_pop_fblock(c);
            c->u->loc = to_loc(&h->loc);
            cmp_pop_handler(c);
            EMIT(POP_EXCEPT, 0);
            JUMP_TO(JUMP, end);
        }
        cmp_bind_label(c, next);
        /* the next handler's match runs under the cleanup handler again */
        c->u->htop = htop_cleanup;
    }
    cmp_pop_fblock(c);
    c->u->loc = to_loc(&s->loc);
    EMIT(RERAISE, 0);
    cmp_pop_handler(c);

    cmp_bind_label(c, cleanup);
    EMIT(COPY, 3);
    EMIT(POP_EXCEPT, 0);
    EMIT(RERAISE, 1);
    cmp_bind_label(c, end);
    return !c->failed;
}

/* try/finally, with or without handlers (CPython's compiler_try_finally). */
static NOINLINE bool
try_finally(CmpCompiler *c, const AstStmt *s)
{
    int32_t body = cmp_new_label(c), end = cmp_new_label(c), exit = cmp_new_label(c);
    int32_t cleanup = cmp_new_label(c);
    CmpFBlock fb = {CMP_FB_FINALLY_TRY, body, -1, &s->u.try_.finalbody, NULL};
    CmpFBlock fe = {CMP_FB_FINALLY_END, -1, -1, NULL, NULL};
    bool ok;

    cmp_push_handler(c, end, false);
    cmp_bind_label(c, body);
    EMIT(NOP, 0);
    if (!cmp_push_fblock(c, fb, &s->loc)) {
        return false;
    }
    if (s->u.try_.handlers.len > 0) {
        ok = try_except(c, s);
    } else {
        ok = visit_stmts(c, &s->u.try_.body);
    }
    cmp_pop_fblock(c);
    cmp_pop_handler(c);
    ok = ok && visit_stmts(c, &s->u.try_.finalbody);
    if (!ok) {
        return false;
    }
    JUMP_TO(JUMP, exit);

    cmp_bind_label(c, end);
    c->u->loc = to_loc(&s->loc);
    cmp_push_handler(c, cleanup, true);
    EMIT(PUSH_EXC_INFO, 0);
    if (!cmp_push_fblock(c, fe, &s->loc)) {
        return false;
    }
    if (!visit_stmts(c, &s->u.try_.finalbody)) {
        return false;
    }
    cmp_pop_fblock(c);
    EMIT(RERAISE, 0);
    cmp_pop_handler(c);

    cmp_bind_label(c, cleanup);
    EMIT(COPY, 3);
    EMIT(POP_EXCEPT, 0);
    EMIT(RERAISE, 1);
    cmp_bind_label(c, exit);
    return !c->failed;
}

static NOINLINE bool
visit_import(CmpCompiler *c, const AstStmt *s)
{
    for (int i = 0; i < s->u.import.names.len; i++) {
        const AstAlias *a = AST_SEQ_GET(s->u.import.names, i);
        EMIT(LOAD_CONST, const_int(c, 0));
        EMIT(LOAD_CONST, const_none(c));
        EMIT(IMPORT_NAME, cmp_add_name(c, a->name.s));
        if (a->asname.s == NULL) {
            const char *head = cmp_scope_intern_head(&c->scopes, a->name.s);
            if (head == NULL) {
                return cmp_fail_oom(c);
            }
            name_op(c, head, AST_STORE);
        } else {
            const char *dot = strchr(a->name.s, '.');
            if (dot != NULL) {
                /* import a.b.c as d: walk down to a.b.c */
                const char *p = dot + 1;
                for (;;) {
                    const char *q = strchr(p, '.');
                    size_t n = q ? (size_t)(q - p) : strlen(p);
                    const char *interned = cmp_pool_strndup(&c->pool, p, n);
                    if (interned == NULL) {
                        return cmp_fail_oom(c);
                    }
                    EMIT(IMPORT_FROM, cmp_add_name(c, interned));
                    if (q == NULL) {
                        break;
                    }
                    EMIT(SWAP, 2);
                    EMIT(POP_TOP, 0);
                    p = q + 1;
                }
                name_op(c, a->asname.s, AST_STORE);
                EMIT(POP_TOP, 0);
            } else {
                name_op(c, a->asname.s, AST_STORE);
            }
        }
    }
    return !c->failed;
}

/* `from __future__ import x`: compile-time only. CPython's checks: known
 * feature names, and only at the top of the module. */
static bool
future_import(CmpCompiler *c, const AstStmt *s)
{
    static const char *const features[] = {
        "nested_scopes", "generators", "division", "absolute_import", "with_statement",
        "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations",
    };
    if (!c->future_ok) {
        return cmp_fail(c, "SyntaxError", &s->loc,
                        "from __future__ imports must occur at the beginning of the file");
    }
    for (int i = 0; i < s->u.importfrom.names.len; i++) {
        const AstAlias *a = AST_SEQ_GET(s->u.importfrom.names, i);
        bool known = false;
        for (size_t k = 0; k < sizeof features / sizeof features[0]; k++) {
            if (strcmp(a->name.s, features[k]) == 0) {
                known = true;
            }
        }
        if (strcmp(a->name.s, "braces") == 0) {
            return cmp_fail(c, "SyntaxError", &s->loc, "not a chance");
        }
        if (!known) {
            return cmp_fail(c, "SyntaxError", &s->loc, "future feature %s is not defined",
                            a->name.s);
        }
    }
    return true;
}

static NOINLINE bool
visit_importfrom(CmpCompiler *c, const AstStmt *s)
{
    const AstSeq *names = &s->u.importfrom.names;
    const char *module = s->u.importfrom.module.s ? s->u.importfrom.module.s : "";
    uint32_t small[16], *items = small;
    CmpConst k = {0};
    uint32_t fromlist;

    if (s->u.importfrom.level == 0 && strcmp(module, "__future__") == 0) {
        return future_import(c, s);
    }
    if (names->len > 16) {
        items = cmp_pool_alloc(&c->pool, sizeof *items * (size_t)names->len);
        if (items == NULL) {
            return cmp_fail_oom(c);
        }
    }
    for (int i = 0; i < names->len; i++) {
        const AstAlias *a = AST_SEQ_GET(*names, i);
        items[i] = const_str(c, a->name.s, a->name.len);
    }
    k.kind = CMP_CONST_TUPLE;
    k.items = items;
    k.nitems = (uint32_t)names->len;
    fromlist = cmp_add_const(c, &k);
    EMIT(LOAD_CONST, const_int(c, s->u.importfrom.level));
    EMIT(LOAD_CONST, fromlist);
    EMIT(IMPORT_NAME, cmp_add_name(c, module));
    if (names->len == 1 && strcmp(((const AstAlias *)AST_SEQ_GET(*names, 0))->name.s, "*") == 0) {
        /* module level only (scope.c checks): binds the public names as globals */
        EMIT(IMPORT_STAR, 0);
        return !c->failed;
    }
    for (int i = 0; i < names->len; i++) {
        const AstAlias *a = AST_SEQ_GET(*names, i);
        EMIT(IMPORT_FROM, cmp_add_name(c, a->name.s));
        name_op(c, a->asname.s ? a->asname.s : a->name.s, AST_STORE);
    }
    EMIT(POP_TOP, 0);
    return !c->failed;
}

static bool
visit_stmt(CmpCompiler *c, const AstStmt *s)
{
    if (c->failed) {
        return false;
    }
    c->u->loc = to_loc(&s->loc);
    switch (s->kind) {
    case AST_FUNCTIONDEF:
    case AST_ASYNCFUNCTIONDEF: {
        uint32_t first = (uint32_t)s->loc.lineno;
        const AstSeq *decos = &s->u.funcdef.decorator_list;
        if (decos->len > 0) {
            first = (uint32_t)((const AstExpr *)AST_SEQ_GET(*decos, 0))->loc.lineno;
        }
        for (int i = 0; i < decos->len; i++) {
            if (!visit_expr(c, AST_SEQ_GET(*decos, i))) {
                return false;
            }
            EMIT(PUSH_NULL, 0);
        }
        c->u->loc = to_loc(&s->loc);
        if (!make_function(c, s, s->u.funcdef.name.s, s->u.funcdef.args, &s->u.funcdef.body,
                           NULL, first)) {
            return false;
        }
        for (int i = decos->len - 1; i >= 0; i--) {
            c->u->loc = to_loc(&((const AstExpr *)AST_SEQ_GET(*decos, i))->loc);
            EMIT(CALL, 1);
        }
        c->u->loc = to_loc(&s->loc);
        name_op(c, s->u.funcdef.name.s, AST_STORE);
        return !c->failed;
    }
    case AST_RETURN:
        if (c->u->scope->kind == CMP_SCOPE_MODULE) {
            return cmp_fail(c, "SyntaxError", &s->loc, "'return' outside function");
        }
        return visit_return(c, s);
    case AST_DELETE:
        for (int i = 0; i < s->u.delete_.targets.len; i++) {
            if (!delete_target(c, AST_SEQ_GET(s->u.delete_.targets, i))) {
                return false;
            }
        }
        return true;
    case AST_ASSIGN: {
        const AstSeq *ts = &s->u.assign.targets;
        if (!visit_expr(c, s->u.assign.value)) {
            return false;
        }
        for (int i = 0; i < ts->len; i++) {
            if (i < ts->len - 1) {
                EMIT(COPY, 1);
            }
            if (!store_target(c, AST_SEQ_GET(*ts, i))) {
                return false;
            }
        }
        return true;
    }
    case AST_AUGASSIGN:
        return visit_augassign(c, s);
    case AST_ANNASSIGN: {
        const AstExpr *t = s->u.annassign.target;
        if (s->u.annassign.value != NULL) {
            return visit_expr(c, s->u.annassign.value) && store_target(c, t);
        }
        /* `a.b: int` / `a[i]: int` still evaluate the target's parts */
        if (t->kind == AST_ATTRIBUTE && !s->u.annassign.simple) {
            if (!visit_expr(c, t->u.attribute.value)) {
                return false;
            }
            EMIT(POP_TOP, 0);
        } else if (t->kind == AST_SUBSCRIPT) {
            if (!visit_expr(c, t->u.subscript.value) || !visit_expr(c, t->u.subscript.slice)) {
                return false;
            }
            EMIT(POP_TOP, 0);
            EMIT(POP_TOP, 0);
        }
        return !c->failed;
    }
    case AST_FOR:
        return visit_for(c, s);
    case AST_WHILE:
        return visit_while(c, s);
    case AST_IF:
        return visit_if(c, s);
    case AST_RAISE:
        if (s->u.raise.exc != NULL) {
            if (!visit_expr(c, s->u.raise.exc)) {
                return false;
            }
            if (s->u.raise.cause != NULL) {
                if (!visit_expr(c, s->u.raise.cause)) {
                    return false;
                }
                c->u->loc = to_loc(&s->loc);
                EMIT(RAISE_VARARGS, 2);
            } else {
                c->u->loc = to_loc(&s->loc);
                EMIT(RAISE_VARARGS, 1);
            }
        } else {
            EMIT(RAISE_VARARGS, 0);
        }
        return !c->failed;
    case AST_TRY:
        if (s->u.try_.finalbody.len > 0) {
            return try_finally(c, s);
        }
        return try_except(c, s);
    case AST_ASSERT: {
        int32_t end = cmp_new_label(c);
        if (!jump_if(c, s->u.assert_.test, end, true)) {
            return false;
        }
        c->u->loc = to_loc(&s->loc);
        EMIT(LOAD_ASSERTION_ERROR, 0);
        if (s->u.assert_.msg != NULL) {
            EMIT(PUSH_NULL, 0);
            if (!visit_expr(c, s->u.assert_.msg)) {
                return false;
            }
            c->u->loc = to_loc(&s->loc);
            EMIT(CALL, 1);
        }
        /* CPython points the traceback at the test */
        c->u->loc = to_loc(&s->u.assert_.test->loc);
        EMIT(RAISE_VARARGS, 1);
        cmp_bind_label(c, end);
        return !c->failed;
    }
    case AST_IMPORT:
        return visit_import(c, s);
    case AST_IMPORTFROM:
        return visit_importfrom(c, s);
    case AST_GLOBAL:
    case AST_NONLOCAL:
    case AST_PASS:
        return true;
    case AST_BREAK:
        return visit_break_continue(c, s, true);
    case AST_CONTINUE:
        return visit_break_continue(c, s, false);
    case AST_EXPR:
        if (!visit_expr(c, s->u.expr.value)) {
            return false;
        }
        c->u->loc = to_loc(&s->loc);
        EMIT(POP_TOP, 0);
        return !c->failed;
    case AST_CLASSDEF:
        return cmp_fail(c, "NotImplementedError", &s->loc,
                        "monty does not support class definitions yet");
    case AST_ASYNCFOR:
        return cmp_fail(c, "NotImplementedError", &s->loc,
                        "monty does not support async for yet");
    case AST_ASYNCWITH:
        return cmp_fail(c, "NotImplementedError", &s->loc,
                        "monty does not support async with yet");
    case AST_WITH:
        return cmp_fail(c, "NotImplementedError", &s->loc,
                        "monty does not support the with statement yet");
    case AST_MATCH:
        return cmp_fail(c, "NotImplementedError", &s->loc,
                        "monty does not support the match statement yet");
    case AST_TRYSTAR:
        return cmp_fail(c, "NotImplementedError", &s->loc, "monty does not support except* yet");
    case AST_TYPEALIAS:
        return cmp_fail(c, "NotImplementedError", &s->loc,
                        "monty does not support type aliases yet");
    default:
        return cmp_fail(c, "NotImplementedError", &s->loc,
                        "monty does not support this statement yet");
    }
}

static bool
visit_stmts(CmpCompiler *c, const AstSeq *body)
{
    for (int i = 0; i < body->len; i++) {
        if (!visit_stmt(c, AST_SEQ_GET(*body, i))) {
            return false;
        }
    }
    return true;
}

/* ---- the module ----------------------------------------------------------------- */

/*
 * Compiles a parsed module into a new program: the symbol tables, then one
 * unit per code object (pre-order, so codes[0] is the module and a child's
 * index is above its parent's), all in the compilation's pool; finally the
 * program is packed into one block (see cmp_program_pack).
 */
CmpProgram *
cmp_compile(const AstModule *mod, const CmpOptions *opts, CmpError *err)
{
    return cmp_compile_ex(mod, opts, 0, err);
}

/* cmp_compile with a bound on the compilation's memory (see compiler.h). */
CmpProgram *
cmp_compile_ex(const AstModule *mod, const CmpOptions *opts, size_t memory_limit, CmpError *err)
{
    /* The pool's first chunk lives here: small scripts allocate nothing else. */
    max_align_t first[8192 / sizeof(max_align_t)];
    CmpCompiler comp;
    CmpCompiler *c = &comp;
    CmpProgram tmp, *p = NULL;
    bool ok;
    const AstSeq *body = &mod->body;

    memset(c, 0, sizeof *c);
    memset(err, 0, sizeof *err);
    c->err = err;
    cmp_pool_init(&c->pool, first, sizeof first);
    c->pool.limit = memory_limit;
    c->scopes.pool = &c->pool;
    if (!cmp_scope_build(&c->scopes, mod, err)) {
        cmp_pool_fini(&c->pool);
        return NULL;
    }
    ok = cmp_unit_enter(c, c->scopes.module, "<module>", "<module>", 1);
    c->future_ok = true;
    for (int i = 0; ok && i < body->len; i++) {
        const AstStmt *s = AST_SEQ_GET(*body, i);
        /* __future__ imports may follow only a docstring and each other */
        if (!(s->kind == AST_IMPORTFROM && s->u.importfrom.module.s != NULL
              && s->u.importfrom.level == 0
              && strcmp(s->u.importfrom.module.s, "__future__") == 0)
            && !(i == 0 && s->kind == AST_EXPR && s->u.expr.value->kind == AST_CONSTANT
                 && s->u.expr.value->u.constant.kind == AST_CONST_STR)) {
            c->future_ok = false;
        }
        if (i == body->len - 1 && s->kind == AST_EXPR) {
            /* the script's value: its final expression statement */
            ok = visit_expr(c, s->u.expr.value);
            c->u->loc = to_loc(&s->loc);
            EMIT(RETURN_VALUE, 0);
        } else {
            ok = visit_stmt(c, s);
        }
    }
    if (c->u != NULL) {
        EMIT(RETURN_CONST, const_none(c));
        ok = cmp_unit_leave(c, 0, 0, 0, 0) && ok;
    }
    while (c->u != NULL) {
        c->u = c->u->prev;
    }
    if (ok && !c->failed) {
        memset(&tmp, 0, sizeof tmp);
        tmp.filename = (opts && opts->filename) ? opts->filename : "<string>";
        tmp.source = (opts && opts->source) ? opts->source : "";
        tmp.source_len = (opts && opts->source) ? opts->source_len : 0;
        tmp.codes = c->codes;
        tmp.ncodes = c->ncodes;
        tmp.input_names = (const char **)(opts ? opts->input_names : NULL);
        tmp.ninputs = opts ? (uint32_t)opts->ninputs : 0;
        tmp.external_names = (const char **)(opts ? opts->external_names : NULL);
        tmp.nexternals = opts ? (uint32_t)opts->nexternals : 0;
        for (uint32_t k = 0; opts && opts->external_async && k < tmp.nexternals; k++) {
            if (opts->external_async[k]) {
                tmp.external_async = opts->external_async;  /* kept only if one is async */
                break;
            }
        }
        p = cmp_program_pack(&tmp, c->pool.limit ? c->pool.limit - c->pool.used : 0);
        if (p == NULL) {
            cmp_fail_oom(c);
        }
    } else if (!c->failed) {
        cmp_fail(c, "SystemError", NULL, "internal compiler error");
    }
    cmp_scope_free(&c->scopes);
    cmp_pool_fini(&c->pool);
#ifdef MONTY_DEBUG
    if (p != NULL) {
        char why[200];
        if (!cmp_verify_program(p, why, sizeof why)) {
            cmp_program_free(p);
            cmp_error_set(err, "SystemError", NULL, "internal compiler error: %s", why);
            return NULL;
        }
    }
#endif
    return p;
}
