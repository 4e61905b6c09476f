/*
 * target.c — assignment and deletion targets. The grammar parses targets
 * as expressions (LALR cannot know a target until it sees `=`); here they
 * get their Store/Del context, or CPython's message for what cannot be
 * assigned to ("cannot assign to function call here. Maybe you meant '=='
 * instead of '='?").
 */
#include "grammar/parse_int.h"

const char *
parse_expr_name(const AstExpr *e)
{
    switch (e->kind) {
    case AST_ATTRIBUTE: return "attribute";
    case AST_SUBSCRIPT: return "subscript";
    case AST_STARRED: return "starred";
    case AST_NAME: return "name";
    case AST_LIST: return "list";
    case AST_TUPLE: return "tuple";
    case AST_LAMBDA: return "lambda";
    case AST_CALL: return "function call";
    case AST_BOOLOP: case AST_BINOP: case AST_UNARYOP: return "expression";
    case AST_GENERATOREXP: return "generator expression";
    case AST_YIELD: case AST_YIELDFROM: return "yield expression";
    case AST_AWAIT: return "await expression";
    case AST_LISTCOMP: return "list comprehension";
    case AST_SETCOMP: return "set comprehension";
    case AST_DICTCOMP: return "dict comprehension";
    case AST_DICT: return "dict literal";
    case AST_SET: return "set display";
    case AST_JOINEDSTR: case AST_FORMATTEDVALUE: return "f-string expression";
    case AST_CONSTANT:
        switch (e->u.constant.kind) {
        case AST_CONST_NONE: return "None";
        case AST_CONST_TRUE: return "True";
        case AST_CONST_FALSE: return "False";
        case AST_CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case AST_COMPARE: return "comparison";
    case AST_IFEXP: return "conditional expression";
    case AST_NAMEDEXPR: return "named expression";
    case AST_SLICE: return "slice";
    default: return "expression";
    }
}

/* True for nodes CPython's invalid_named_expression rule sees as a
 * `bitwise_or` (it then suggests '=='). */
static bool
suggests_eq(const AstExpr *e)
{
    switch (e->kind) {
    case AST_COMPARE: case AST_BOOLOP: case AST_LAMBDA: case AST_IFEXP:
    case AST_LIST: case AST_TUPLE: case AST_GENERATOREXP: case AST_STARRED:
        return false;
    case AST_UNARYOP:
        return e->u.unaryop.op != AST_NOT;
    case AST_CONSTANT:
        return e->u.constant.kind != AST_CONST_NONE && e->u.constant.kind != AST_CONST_TRUE &&
               e->u.constant.kind != AST_CONST_FALSE;
    default:
        return true;
    }
}

static bool
invalid(ParseCtx *ctx, AstExpr *e, PTarget how, bool top)
{
    const char *what = parse_expr_name(e);
    switch (how) {
    case PT_DEL:
        parse_fail(ctx, "SyntaxError", e->loc, "cannot delete %s", what);
        break;
    case PT_AUG:
        parse_fail(ctx, "SyntaxError", e->loc,
                   "'%s' is an illegal expression for augmented assignment", what);
        break;
    case PT_ASSIGN_LAST:
        if (top && suggests_eq(e)) {
            parse_fail(ctx, "SyntaxError", e->loc,
                       "cannot assign to %s here. Maybe you meant '==' instead of '='?", what);
            break;
        }
        /* fall through */
    default:
        parse_fail(ctx, "SyntaxError", e->loc, "cannot assign to %s", what);
        break;
    }
    return false;
}

bool
parse_set_ctx(ParseCtx *ctx, AstExpr *e, PTarget how)
{
    if (e == NULL || ctx->failed) {
        return false;
    }
    AstCtx c = how == PT_DEL ? AST_DEL : AST_STORE;
    bool top = true;
    /* Tuples and lists recurse; their depth is bounded by the parser's
     * depth cap. */
    switch (e->kind) {
    case AST_NAME:
        e->u.name.ctx = c;
        return true;
    case AST_ATTRIBUTE:
        e->u.attribute.ctx = c;
        return true;
    case AST_SUBSCRIPT:
        e->u.subscript.ctx = c;
        return true;
    case AST_STARRED:
        if (how == PT_AUG || how == PT_DEL) {
            return invalid(ctx, e, how, top);
        }
        e->u.starred.ctx = c;
        return parse_set_ctx(ctx, e->u.starred.value, how == PT_ASSIGN_LAST ? PT_ASSIGN : how);
    case AST_TUPLE:
    case AST_LIST:
        if (how == PT_AUG) {
            return invalid(ctx, e, how, top);
        }
        e->u.list.ctx = c;
        for (int i = 0; i < e->u.list.elts.len; i++) {
            PTarget inner = how == PT_ASSIGN_LAST ? PT_ASSIGN : how;
            if (!parse_set_ctx(ctx, e->u.list.elts.items[i], inner)) {
                return false;
            }
        }
        return true;
    default:
        return invalid(ctx, e, how, top);
    }
}
