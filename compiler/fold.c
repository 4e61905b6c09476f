/*
 * fold.c — constant folding of literal arithmetic (`60 * 60`, `1 << 10`,
 * `-5 // 2`, `'ab' + 'cd'`), as CPython's AST optimizer does.
 *
 * Only what cannot change behaviour or cost is folded: int64 results
 * computed with overflow checks (anything that would leave int64 is left to
 * the VM's big integers), no operation that raises (division by zero, a
 * negative shift), no floats (their corner cases stay in one place, the VM),
 * and string results of at most CMP_FOLD_MAX_STR bytes, so `'a' * 10**9`
 * is never built at compile time. The recursion is capped so folding adds
 * little to the visitors' stack.
 */
#include <stdint.h>
#include <string.h>

#include "compiler/cmp_int.h"

#define CMP_FOLD_MAX_STR 4096
#define CMP_FOLD_MAX_DEPTH 32

/* Python's floor division and modulo on int64 (b != 0, not MIN / -1). */
static int64_t
floordiv(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) {
        q--;
    }
    return q;
}

static int64_t
floormod(int64_t a, int64_t b)
{
    int64_t m = a % b;
    if (m != 0 && ((m < 0) != (b < 0))) {
        m += b;
    }
    return m;
}

static bool
fold_int(AstOperator op, int64_t a, int64_t b, int64_t *out)
{
    switch (op) {
    case AST_ADD:
        return !__builtin_add_overflow(a, b, out);
    case AST_SUB:
        return !__builtin_sub_overflow(a, b, out);
    case AST_MULT:
        return !__builtin_mul_overflow(a, b, out);
    case AST_FLOORDIV:
        if (b == 0 || (a == INT64_MIN && b == -1)) {
            return false;
        }
        *out = floordiv(a, b);
        return true;
    case AST_MOD:
        if (b == 0 || (a == INT64_MIN && b == -1)) {
            return false;
        }
        *out = floormod(a, b);
        return true;
    case AST_POW: {
        int64_t r = 1;
        if (b < 0 || b > 64) {
            return false;   /* negative exponents give floats */
        }
        for (int64_t i = 0; i < b; i++) {
            if (__builtin_mul_overflow(r, a, &r)) {
                return false;
            }
        }
        *out = r;
        return true;
    }
    case AST_LSHIFT:
        if (b < 0 || b >= 63 || (a != 0 && (a > (INT64_MAX >> b) || a < (INT64_MIN >> b)))) {
            return false;
        }
        *out = (int64_t)((uint64_t)a << b);
        return true;
    case AST_RSHIFT:
        if (b < 0) {
            return false;
        }
        *out = b >= 63 ? (a < 0 ? -1 : 0) : a >> b;
        return true;
    case AST_BITAND:
        *out = a & b;
        return true;
    case AST_BITOR:
        *out = a | b;
        return true;
    case AST_BITXOR:
        *out = a ^ b;
        return true;
    default:
        return false;
    }
}

static bool
fold(CmpPool *pool, const AstExpr *e, AstConst *out, int depth)
{
    AstConst l, r;
    if (e->kind == AST_CONSTANT) {
        *out = e->u.constant;
        return true;
    }
    if (depth >= CMP_FOLD_MAX_DEPTH) {
        return false;
    }
    if (e->kind == AST_UNARYOP && e->u.unaryop.op == AST_USUB) {
        if (!fold(pool, e->u.unaryop.operand, &l, depth + 1) || l.kind != AST_CONST_INT
            || l.is_big || l.i == INT64_MIN) {
            return false;
        }
        *out = l;
        out->i = -l.i;
        return true;
    }
    if (e->kind != AST_BINOP || !fold(pool, e->u.binop.left, &l, depth + 1)
        || !fold(pool, e->u.binop.right, &r, depth + 1)) {
        return false;
    }
    memset(out, 0, sizeof *out);
    if (l.kind == AST_CONST_INT && !l.is_big && r.kind == AST_CONST_INT && !r.is_big) {
        out->kind = AST_CONST_INT;
        return fold_int(e->u.binop.op, l.i, r.i, &out->i);
    }
    if (l.kind == AST_CONST_STR && r.kind == AST_CONST_STR && e->u.binop.op == AST_ADD
        && l.str.len + r.str.len <= CMP_FOLD_MAX_STR) {
        char *s = cmp_pool_alloc(pool, l.str.len + r.str.len + 1);
        if (s == NULL) {
            return false;
        }
        if (l.str.len > 0) {
            memcpy(s, l.str.s, l.str.len);
        }
        if (r.str.len > 0) {
            memcpy(s + l.str.len, r.str.s, r.str.len);
        }
        s[l.str.len + r.str.len] = '\0';
        out->kind = AST_CONST_STR;
        out->str.s = s;
        out->str.len = l.str.len + r.str.len;
        return true;
    }
    if (e->u.binop.op == AST_MULT
        && ((l.kind == AST_CONST_STR && r.kind == AST_CONST_INT && !r.is_big)
            || (r.kind == AST_CONST_STR && l.kind == AST_CONST_INT && !l.is_big))) {
        const AstConst *str = l.kind == AST_CONST_STR ? &l : &r;
        int64_t n = l.kind == AST_CONST_STR ? r.i : l.i;
        char *s;
        if (n < 0) {
            n = 0;
        }
        if (str->str.len != 0 && (uint64_t)n > CMP_FOLD_MAX_STR / str->str.len) {
            return false;
        }
        s = cmp_pool_alloc(pool, str->str.len * (size_t)n + 1);
        if (s == NULL) {
            return false;
        }
        for (int64_t i = 0; i < n && str->str.len > 0; i++) {
            memcpy(s + (size_t)i * str->str.len, str->str.s, str->str.len);
        }
        s[str->str.len * (size_t)n] = '\0';
        out->kind = AST_CONST_STR;
        out->str.s = s;
        out->str.len = str->str.len * (size_t)n;
        return true;
    }
    return false;
}

/*
 * Folds a BinOp / negation of literals into *out (strings in the pool).
 * False when e is not entirely literal or folding could change behaviour.
 */
bool
cmp_fold_const(CmpPool *pool, const AstExpr *e, AstConst *out)
{
    if (e->kind != AST_BINOP) {
        return false;
    }
    return fold(pool, e, out, 0);
}
