/*
 * ast.c — node construction helpers and CPython's names for node kinds and
 * operators (used by the dump and by diagnostics).
 */
#include <string.h>

#include "grammar/ast.h"

/* Out of line: ast_seq_push (ast.h) comes here only when seq is full. */
bool
ast_seq_grow_push(AstArena *arena, AstSeq *seq, void *item)
{
    if (seq->len == seq->cap) {
        int ncap = seq->cap ? seq->cap * 2 : 4;
        if (ncap < 0 || (size_t)ncap > (size_t)1 << 28) {
            return false;
        }
        void **n = ast_arena_alloc(arena, (size_t)ncap * sizeof(void *));
        if (n == NULL) {
            return false;
        }
        if (seq->len > 0) {
            memcpy(n, seq->items, (size_t)seq->len * sizeof(void *));
        }
        seq->items = n;
        seq->cap = ncap;
    }
    seq->items[seq->len++] = item;
    return true;
}

AstExpr *
ast_expr_new(AstArena *arena, AstExprKind kind, AstLoc loc)
{
    AstExpr *e = ast_arena_alloc(arena, sizeof(*e));
    if (e != NULL) {
        e->kind = kind;
        e->loc = loc;
        e->depth = 1;
    }
    return e;
}

AstStmt *
ast_stmt_new(AstArena *arena, AstStmtKind kind, AstLoc loc)
{
    AstStmt *s = ast_arena_alloc(arena, sizeof(*s));
    if (s != NULL) {
        s->kind = kind;
        s->loc = loc;
        s->depth = 1;
    }
    return s;
}

AstPattern *
ast_pattern_new(AstArena *arena, AstPatternKind kind, AstLoc loc)
{
    AstPattern *p = ast_arena_alloc(arena, sizeof(*p));
    if (p != NULL) {
        p->kind = kind;
        p->loc = loc;
        p->depth = 1;
    }
    return p;
}

AstStr
ast_str_new(AstArena *arena, const char *s, size_t len)
{
    AstStr r = {NULL, 0};
    char *d = ast_arena_alloc_raw(arena, len + 1);
    if (d != NULL) {
        if (len > 0) {
            memcpy(d, s, len);
        }
        d[len] = '\0';
        r.s = d;
        r.len = len;
    }
    return r;
}

const char *
ast_expr_kind_name(AstExprKind kind)
{
    static const char *const names[] = {
        "BoolOp", "NamedExpr", "BinOp", "UnaryOp", "Lambda", "IfExp", "Dict", "Set",
        "ListComp", "SetComp", "DictComp", "GeneratorExp", "Await", "Yield", "YieldFrom",
        "Compare", "Call", "FormattedValue", "JoinedStr", "Constant", "Attribute",
        "Subscript", "Starred", "Name", "List", "Tuple", "Slice",
    };
    return (unsigned)kind < AST_EXPR_KIND_COUNT ? names[kind] : "?";
}

const char *
ast_stmt_kind_name(AstStmtKind kind)
{
    static const char *const names[] = {
        "FunctionDef", "AsyncFunctionDef", "ClassDef", "Return", "Delete", "Assign",
        "TypeAlias", "AugAssign", "AnnAssign", "For", "AsyncFor", "While", "If", "With",
        "AsyncWith", "Match", "Raise", "Try", "TryStar", "Assert", "Import", "ImportFrom",
        "Global", "Nonlocal", "Expr", "Pass", "Break", "Continue",
    };
    return (unsigned)kind < AST_STMT_KIND_COUNT ? names[kind] : "?";
}

const char *
ast_operator_name(AstOperator op)
{
    static const char *const names[] = {
        "Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow", "LShift", "RShift", "BitOr",
        "BitXor", "BitAnd", "FloorDiv",
    };
    return (unsigned)op < AST_OPERATOR_COUNT ? names[op] : "?";
}

const char *
ast_operator_symbol(AstOperator op)
{
    static const char *const syms[] = {
        "+", "-", "*", "@", "/", "%", "**", "<<", ">>", "|", "^", "&", "//",
    };
    return (unsigned)op < AST_OPERATOR_COUNT ? syms[op] : "?";
}

const char *
ast_cmpop_name(AstCmpOp op)
{
    static const char *const names[] = {
        "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn",
    };
    return (unsigned)op <= AST_NOTIN ? names[op] : "?";
}

const char *
ast_cmpop_symbol(AstCmpOp op)
{
    static const char *const syms[] = {
        "==", "!=", "<", "<=", ">", ">=", "is", "is not", "in", "not in",
    };
    return (unsigned)op <= AST_NOTIN ? syms[op] : "?";
}
