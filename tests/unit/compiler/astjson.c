/*
 * astjson.c — JSON (gen_cases.py's encoding of CPython's ast) to AstModule.
 * Test support only: trusts its input, which is generated.
 */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "astjson.h"

struct TestArena {
    void **blocks;
    size_t n, cap;
};

TestArena *
test_arena_new(void)
{
    return calloc(1, sizeof(TestArena));
}

void
test_arena_free(TestArena *a)
{
    for (size_t i = 0; i < a->n; i++) {
        free(a->blocks[i]);
    }
    free(a->blocks);
    free(a);
}

static void *
alloc(TestArena *a, size_t size)
{
    void *p = calloc(1, size ? size : 1);
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 64;
        a->blocks = realloc(a->blocks, sizeof *a->blocks * a->cap);
    }
    a->blocks[a->n++] = p;
    return p;
}

static TestArena *A;

static const char *
kind(const cJSON *j)
{
    return cJSON_GetObjectItem(j, "_")->valuestring;
}

static cJSON *
field(const cJSON *j, const char *f)
{
    return cJSON_GetObjectItem(j, f);
}

static int
num(const cJSON *j, const char *f)
{
    const cJSON *x = field(j, f);
    return (x != NULL && cJSON_IsNumber(x)) ? x->valueint : 0;
}

static AstLoc
loc(const cJSON *j)
{
    AstLoc l;
    l.lineno = num(j, "lineno");
    l.col_offset = num(j, "col_offset");
    l.end_lineno = num(j, "end_lineno");
    l.end_col_offset = num(j, "end_col_offset");
    return l;
}

static AstStr
str_of(const cJSON *j)
{
    AstStr s = {0};
    if (j != NULL && cJSON_IsString(j)) {
        size_t n = strlen(j->valuestring);
        char *p = alloc(A, n + 1);
        memcpy(p, j->valuestring, n);
        s.s = p;
        s.len = n;
    }
    return s;
}

/* Bytes come latin-1 decoded: JSON \u00XX back to single bytes. */
static AstStr
bytes_of(const cJSON *j)
{
    AstStr s = {0};
    const unsigned char *u = (const unsigned char *)j->valuestring;
    size_t n = strlen(j->valuestring), k = 0;
    char *p = alloc(A, n + 1);
    for (size_t i = 0; i < n; i++) {
        if (u[i] >= 0xC0 && i + 1 < n) {
            p[k++] = (char)(((u[i] & 0x1F) << 6) | (u[i + 1] & 0x3F));
            i++;
        } else {
            p[k++] = (char)u[i];
        }
    }
    s.s = p;
    s.len = k;
    return s;
}

static void
push(AstSeq *s, void *x)
{
    if (s->len == s->cap) {
        int cap = s->cap ? s->cap * 2 : 4;
        void **v = alloc(A, sizeof *v * (size_t)cap);
        if (s->len) {
            memcpy(v, s->items, sizeof *v * (size_t)s->len);
        }
        s->items = v;
        s->cap = cap;
    }
    s->items[s->len++] = x;
}

static AstExpr *expr(const cJSON *j);
static AstStmt *stmt(const cJSON *j);

static AstExpr *
opt(const cJSON *j)
{
    return (j == NULL || cJSON_IsNull(j)) ? NULL : expr(j);
}

static AstSeq
exprs(const cJSON *arr)
{
    AstSeq s = {0};
    const cJSON *x;
    cJSON_ArrayForEach(x, arr) {
        push(&s, opt(x));
    }
    return s;
}

static AstSeq
stmts(const cJSON *arr)
{
    AstSeq s = {0};
    const cJSON *x;
    cJSON_ArrayForEach(x, arr) {
        push(&s, stmt(x));
    }
    return s;
}

static int
op(const cJSON *j)
{
    static const char *const names[] = {
        "Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow", "LShift", "RShift", "BitOr",
        "BitXor", "BitAnd", "FloorDiv", NULL,
        "Invert", "Not", "UAdd", "USub", NULL,
        "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn", NULL,
        "And", "Or", NULL, "Load", "Store", "Del", NULL,
    };
    const char *n = kind(j);
    int idx = 0;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (names[i] == NULL) {
            idx = 0;
            continue;
        }
        if (strcmp(names[i], n) == 0) {
            return idx;
        }
        idx++;
    }
    return 0;
}

static AstArg *
arg(const cJSON *j)
{
    AstArg *a;
    if (j == NULL || cJSON_IsNull(j)) {
        return NULL;
    }
    a = alloc(A, sizeof *a);
    a->loc = loc(j);
    a->arg = str_of(field(j, "arg"));
    return a;
}

static AstArguments *
arguments(const cJSON *j)
{
    AstArguments *a = alloc(A, sizeof *a);
    const cJSON *x;
    cJSON_ArrayForEach(x, field(j, "posonlyargs")) {
        push(&a->posonlyargs, arg(x));
    }
    cJSON_ArrayForEach(x, field(j, "args")) {
        push(&a->args, arg(x));
    }
    cJSON_ArrayForEach(x, field(j, "kwonlyargs")) {
        push(&a->kwonlyargs, arg(x));
    }
    a->vararg = arg(field(j, "vararg"));
    a->kwarg = arg(field(j, "kwarg"));
    a->kw_defaults = exprs(field(j, "kw_defaults"));
    a->defaults = exprs(field(j, "defaults"));
    return a;
}

static void
constant(AstConst *c, const cJSON *j)
{
    const char *k = field(j, "k")->valuestring;
    const cJSON *v = field(j, "v");
    if (strcmp(k, "None") == 0) {
        c->kind = AST_CONST_NONE;
    } else if (strcmp(k, "True") == 0) {
        c->kind = AST_CONST_TRUE;
    } else if (strcmp(k, "False") == 0) {
        c->kind = AST_CONST_FALSE;
    } else if (strcmp(k, "Ellipsis") == 0) {
        c->kind = AST_CONST_ELLIPSIS;
    } else if (strcmp(k, "int") == 0) {
        c->kind = AST_CONST_INT;
        c->i = strtoll(v->valuestring, NULL, 10);
    } else if (strcmp(k, "big") == 0) {
        c->kind = AST_CONST_INT;
        c->is_big = true;
        c->str = str_of(v);
    } else if (strcmp(k, "float") == 0) {
        c->kind = AST_CONST_FLOAT;
        c->f = strtod(v->valuestring, NULL);
    } else if (strcmp(k, "complex") == 0) {
        c->kind = AST_CONST_COMPLEX;
        c->f = strtod(v->valuestring, NULL);
    } else if (strcmp(k, "str") == 0) {
        c->kind = AST_CONST_STR;
        c->str = str_of(v);
    } else {
        c->kind = AST_CONST_BYTES;
        c->str = bytes_of(v);
    }
}

#define IS(x) (strcmp(t, (x)) == 0)

static AstExpr *
expr(const cJSON *j)
{
    const char *t = kind(j);
    AstExpr *e = alloc(A, sizeof *e);
    e->loc = loc(j);
    if (IS("BoolOp")) {
        e->kind = AST_BOOLOP;
        e->u.boolop.op = (AstBoolOp)op(field(j, "op"));
        e->u.boolop.values = exprs(field(j, "values"));
    } else if (IS("NamedExpr")) {
        e->kind = AST_NAMEDEXPR;
        e->u.namedexpr.target = expr(field(j, "target"));
        e->u.namedexpr.value = expr(field(j, "value"));
    } else if (IS("BinOp")) {
        e->kind = AST_BINOP;
        e->u.binop.left = expr(field(j, "left"));
        e->u.binop.op = (AstOperator)op(field(j, "op"));
        e->u.binop.right = expr(field(j, "right"));
    } else if (IS("UnaryOp")) {
        e->kind = AST_UNARYOP;
        e->u.unaryop.op = (AstUnaryOp)op(field(j, "op"));
        e->u.unaryop.operand = expr(field(j, "operand"));
    } else if (IS("Lambda")) {
        e->kind = AST_LAMBDA;
        e->u.lambda.args = arguments(field(j, "args"));
        e->u.lambda.body = expr(field(j, "body"));
    } else if (IS("IfExp")) {
        e->kind = AST_IFEXP;
        e->u.ifexp.test = expr(field(j, "test"));
        e->u.ifexp.body = expr(field(j, "body"));
        e->u.ifexp.orelse = expr(field(j, "orelse"));
    } else if (IS("Dict")) {
        e->kind = AST_DICT;
        e->u.dict.keys = exprs(field(j, "keys"));
        e->u.dict.values = exprs(field(j, "values"));
    } else if (IS("Set")) {
        e->kind = AST_SET;
        e->u.set.elts = exprs(field(j, "elts"));
    } else if (IS("ListComp") || IS("SetComp") || IS("DictComp") || IS("GeneratorExp")) {
        const cJSON *g;
        e->kind = IS("ListComp") ? AST_LISTCOMP : IS("SetComp") ? AST_SETCOMP
                  : IS("DictComp") ? AST_DICTCOMP : AST_GENERATOREXP;
        e->u.comp.elt = opt(field(j, "elt"));
        e->u.comp.key = opt(field(j, "key"));
        e->u.comp.value = opt(field(j, "value"));
        cJSON_ArrayForEach(g, field(j, "generators")) {
            AstComprehension *c = alloc(A, sizeof *c);
            c->target = expr(field(g, "target"));
            c->iter = expr(field(g, "iter"));
            c->ifs = exprs(field(g, "ifs"));
            c->is_async = num(g, "is_async") != 0;
            push(&e->u.comp.generators, c);
        }
    } else if (IS("Await")) {
        e->kind = AST_AWAIT;
        e->u.await_.value = expr(field(j, "value"));
    } else if (IS("Yield")) {
        e->kind = AST_YIELD;
        e->u.yield.value = opt(field(j, "value"));
    } else if (IS("YieldFrom")) {
        e->kind = AST_YIELDFROM;
        e->u.yieldfrom.value = expr(field(j, "value"));
    } else if (IS("Compare")) {
        int n = cJSON_GetArraySize(field(j, "ops"));
        e->kind = AST_COMPARE;
        e->u.compare.left = expr(field(j, "left"));
        e->u.compare.n = n;
        e->u.compare.ops = alloc(A, sizeof(AstCmpOp) * (size_t)n);
        for (int i = 0; i < n; i++) {
            e->u.compare.ops[i] = (AstCmpOp)op(cJSON_GetArrayItem(field(j, "ops"), i));
        }
        e->u.compare.comparators = exprs(field(j, "comparators"));
    } else if (IS("Call")) {
        const cJSON *k;
        e->kind = AST_CALL;
        e->u.call.func = expr(field(j, "func"));
        e->u.call.args = exprs(field(j, "args"));
        cJSON_ArrayForEach(k, field(j, "keywords")) {
            AstKeyword *kw = alloc(A, sizeof *kw);
            kw->loc = loc(k);
            kw->arg = str_of(field(k, "arg"));
            kw->value = expr(field(k, "value"));
            push(&e->u.call.keywords, kw);
        }
    } else if (IS("FormattedValue")) {
        e->kind = AST_FORMATTEDVALUE;
        e->u.formattedvalue.value = expr(field(j, "value"));
        e->u.formattedvalue.conversion = num(j, "conversion");
        e->u.formattedvalue.format_spec = opt(field(j, "format_spec"));
    } else if (IS("JoinedStr")) {
        e->kind = AST_JOINEDSTR;
        e->u.joinedstr.values = exprs(field(j, "values"));
    } else if (IS("Constant")) {
        e->kind = AST_CONSTANT;
        constant(&e->u.constant, j);
    } else if (IS("Attribute")) {
        e->kind = AST_ATTRIBUTE;
        e->u.attribute.value = expr(field(j, "value"));
        e->u.attribute.attr = str_of(field(j, "attr"));
        e->u.attribute.ctx = (AstCtx)op(field(j, "ctx"));
    } else if (IS("Subscript")) {
        e->kind = AST_SUBSCRIPT;
        e->u.subscript.value = expr(field(j, "value"));
        e->u.subscript.slice = expr(field(j, "slice"));
        e->u.subscript.ctx = (AstCtx)op(field(j, "ctx"));
    } else if (IS("Starred")) {
        e->kind = AST_STARRED;
        e->u.starred.value = expr(field(j, "value"));
        e->u.starred.ctx = (AstCtx)op(field(j, "ctx"));
    } else if (IS("Name")) {
        e->kind = AST_NAME;
        e->u.name.id = str_of(field(j, "id"));
        e->u.name.ctx = (AstCtx)op(field(j, "ctx"));
    } else if (IS("List") || IS("Tuple")) {
        e->kind = IS("List") ? AST_LIST : AST_TUPLE;
        e->u.list.elts = exprs(field(j, "elts"));
        e->u.list.ctx = (AstCtx)op(field(j, "ctx"));
    } else if (IS("Slice")) {
        e->kind = AST_SLICE;
        e->u.slice.lower = opt(field(j, "lower"));
        e->u.slice.upper = opt(field(j, "upper"));
        e->u.slice.step = opt(field(j, "step"));
    }
    return e;
}

static AstStmt *
stmt(const cJSON *j)
{
    const char *t = kind(j);
    AstStmt *s = alloc(A, sizeof *s);
    const cJSON *x;
    s->loc = loc(j);
    if (IS("FunctionDef") || IS("AsyncFunctionDef")) {
        s->kind = IS("FunctionDef") ? AST_FUNCTIONDEF : AST_ASYNCFUNCTIONDEF;
        s->u.funcdef.name = str_of(field(j, "name"));
        s->u.funcdef.args = arguments(field(j, "args"));
        s->u.funcdef.body = stmts(field(j, "body"));
        s->u.funcdef.decorator_list = exprs(field(j, "decorator_list"));
        s->u.funcdef.returns = opt(field(j, "returns"));
    } else if (IS("ClassDef")) {
        s->kind = AST_CLASSDEF;
    } else if (IS("Return")) {
        s->kind = AST_RETURN;
        s->u.return_.value = opt(field(j, "value"));
    } else if (IS("Delete")) {
        s->kind = AST_DELETE;
        s->u.delete_.targets = exprs(field(j, "targets"));
    } else if (IS("Assign")) {
        s->kind = AST_ASSIGN;
        s->u.assign.targets = exprs(field(j, "targets"));
        s->u.assign.value = expr(field(j, "value"));
    } else if (IS("AugAssign")) {
        s->kind = AST_AUGASSIGN;
        s->u.augassign.target = expr(field(j, "target"));
        s->u.augassign.op = (AstOperator)op(field(j, "op"));
        s->u.augassign.value = expr(field(j, "value"));
    } else if (IS("AnnAssign")) {
        s->kind = AST_ANNASSIGN;
        s->u.annassign.target = expr(field(j, "target"));
        s->u.annassign.annotation = expr(field(j, "annotation"));
        s->u.annassign.value = opt(field(j, "value"));
        s->u.annassign.simple = num(j, "simple") != 0;
    } else if (IS("For")) {
        s->kind = AST_FOR;
        s->u.for_.target = expr(field(j, "target"));
        s->u.for_.iter = expr(field(j, "iter"));
        s->u.for_.body = stmts(field(j, "body"));
        s->u.for_.orelse = stmts(field(j, "orelse"));
    } else if (IS("While") || IS("If")) {
        s->kind = IS("While") ? AST_WHILE : AST_IF;
        s->u.while_.test = expr(field(j, "test"));
        s->u.while_.body = stmts(field(j, "body"));
        s->u.while_.orelse = stmts(field(j, "orelse"));
    } else if (IS("With") || IS("AsyncWith")) {
        s->kind = IS("With") ? AST_WITH : AST_ASYNCWITH;
    } else if (IS("Match")) {
        s->kind = AST_MATCH;
    } else if (IS("Raise")) {
        s->kind = AST_RAISE;
        s->u.raise.exc = opt(field(j, "exc"));
        s->u.raise.cause = opt(field(j, "cause"));
    } else if (IS("Try")) {
        s->kind = AST_TRY;
        s->u.try_.body = stmts(field(j, "body"));
        s->u.try_.orelse = stmts(field(j, "orelse"));
        s->u.try_.finalbody = stmts(field(j, "finalbody"));
        cJSON_ArrayForEach(x, field(j, "handlers")) {
            AstExceptHandler *h = alloc(A, sizeof *h);
            h->loc = loc(x);
            h->type = opt(field(x, "type"));
            h->name = str_of(field(x, "name"));
            h->body = stmts(field(x, "body"));
            push(&s->u.try_.handlers, h);
        }
    } else if (IS("Assert")) {
        s->kind = AST_ASSERT;
        s->u.assert_.test = expr(field(j, "test"));
        s->u.assert_.msg = opt(field(j, "msg"));
    } else if (IS("Import") || IS("ImportFrom")) {
        AstSeq *names;
        s->kind = IS("Import") ? AST_IMPORT : AST_IMPORTFROM;
        names = s->kind == AST_IMPORT ? &s->u.import.names : &s->u.importfrom.names;
        cJSON_ArrayForEach(x, field(j, "names")) {
            AstAlias *a = alloc(A, sizeof *a);
            a->loc = loc(x);
            a->name = str_of(field(x, "name"));
            a->asname = str_of(field(x, "asname"));
            push(names, a);
        }
        if (s->kind == AST_IMPORTFROM) {
            s->u.importfrom.module = str_of(field(j, "module"));
            s->u.importfrom.level = num(j, "level");
        }
    } else if (IS("Global") || IS("Nonlocal")) {
        s->kind = IS("Global") ? AST_GLOBAL : AST_NONLOCAL;
        cJSON_ArrayForEach(x, field(j, "names")) {
            AstStr *n = alloc(A, sizeof *n);
            *n = str_of(x);
            push(&s->u.global.names, n);
        }
    } else if (IS("Expr")) {
        s->kind = AST_EXPR;
        s->u.expr.value = expr(field(j, "value"));
    } else if (IS("Break")) {
        s->kind = AST_BREAK;
    } else if (IS("Continue")) {
        s->kind = AST_CONTINUE;
    } else {
        s->kind = AST_PASS;
    }
    return s;
}

AstModule *
test_ast_from_json(TestArena *a, const char *json)
{
    cJSON *j = cJSON_Parse(json);
    AstModule *m;
    if (j == NULL) {
        return NULL;
    }
    A = a;
    m = alloc(a, sizeof *m);
    m->body = stmts(field(j, "body"));
    cJSON_Delete(j);
    return m;
}
