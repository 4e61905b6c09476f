/*
 * annot.c — annotation expressions to types.
 *
 * typing's special forms (Optional, Union, Literal, Callable, ...) are
 * recognised by name whether or not they were imported, as a script's
 * annotations are only hints to us; every other name is looked up through
 * the resolver's callback (the stub module, then builtins). Anything not
 * understood is Any.
 */
#include <string.h>

#include "checker/chk_int.h"

static ChkType *
any(const ChkResolver *r)
{
    return chk_type_new(r->arena, CHK_T_ANY);
}

static ChkClass *
builtin_class(const ChkResolver *r, const char *name)
{
    ChkSymbol *s = chk_table_get(&r->builtins->syms, name);
    if (s && s->type && s->type->kind == CHK_T_CLASSOBJ) {
        return s->type->cls;
    }
    return NULL;
}

/* Elements of a subscript slice: a Tuple's elements or the one expression. */
static int
slice_items(const AstExpr *slice, const AstExpr **out, int max)
{
    if (slice->kind == AST_TUPLE) {
        int n = slice->u.list.elts.len < max ? slice->u.list.elts.len : max;
        for (int i = 0; i < n; i++) {
            out[i] = AST_SEQ_GET(slice->u.list.elts, i);
        }
        return n;
    }
    out[0] = slice;
    return 1;
}

static const char *
base_name(const AstExpr *e)
{
    if (e->kind == AST_NAME) {
        return e->u.name.id.s;
    }
    if (e->kind == AST_ATTRIBUTE) {
        return e->u.attribute.attr.s;
    }
    return NULL;
}

static ChkType *resolve(const ChkResolver *r, const AstExpr *e, int *flags, int depth);

static ChkType *
literal_type(const ChkResolver *r, const AstExpr *e)
{
    if (e->kind == AST_CONSTANT) {
        const AstConst *c = &e->u.constant;
        switch (c->kind) {
        case AST_CONST_STR:
            return chk_type_lit_str(r->arena, builtin_class(r, "str"), c->str.s, c->str.len);
        case AST_CONST_INT:
            if (!c->is_big) {
                return chk_type_lit_int(r->arena, builtin_class(r, "int"), CHK_LIT_INT, c->i);
            }
            return chk_type_inst(r->arena, builtin_class(r, "int"), 0, NULL);
        case AST_CONST_TRUE:
        case AST_CONST_FALSE:
            return chk_type_lit_int(r->arena, builtin_class(r, "bool"), CHK_LIT_BOOL,
                                    c->kind == AST_CONST_TRUE);
        case AST_CONST_NONE:
            return chk_type_new(r->arena, CHK_T_NONE);
        default:
            break;
        }
    }
    if (e->kind == AST_UNARYOP && e->u.unaryop.op == AST_USUB
        && e->u.unaryop.operand->kind == AST_CONSTANT
        && e->u.unaryop.operand->u.constant.kind == AST_CONST_INT
        && !e->u.unaryop.operand->u.constant.is_big) {
        return chk_type_lit_int(r->arena, builtin_class(r, "int"), CHK_LIT_INT,
                                -e->u.unaryop.operand->u.constant.i);
    }
    return any(r);
}

static ChkType *
callable_type(const ChkResolver *r, const AstExpr **items, int n, int depth)
{
    ChkType *t = chk_type_new(r->arena, CHK_T_FUNC);
    ChkFunc *f = ast_arena_alloc(r->arena, sizeof *f);
    if (!f || t->kind != CHK_T_FUNC) {
        return any(r);
    }
    f->name = "Callable";
    t->func = f;
    f->ret = n == 2 ? resolve(r, items[1], NULL, depth + 1) : any(r);
    if (n != 2 || items[0]->kind != AST_LIST) {
        f->any_args = true;
        return t;
    }
    const AstSeq *elts = &items[0]->u.list.elts;
    f->params = ast_arena_alloc(r->arena, sizeof *f->params * (size_t)(elts->len + 1));
    if (!f->params) {
        f->any_args = true;
        return t;
    }
    for (int i = 0; i < elts->len; i++) {
        ChkParam *p = &f->params[f->nparams++];
        p->name = "_";
        p->kind = CHK_P_POSONLY;
        p->type = resolve(r, AST_SEQ_GET(*elts, i), NULL, depth + 1);
    }
    return t;
}

/* Name of a special form, or lookup through the callback. */
static ChkType *
resolve_name(const ChkResolver *r, const char *name, const AstExpr *e)
{
    static const char *const anyish[] = {
        "Any", "object_", "Self", "TypeAlias", "LiteralString", "Never", "NoReturn",
        "Hashable", "SupportsIndex", "SupportsInt", "SupportsFloat", NULL,
    };
    for (int i = 0; anyish[i]; i++) {
        if (strcmp(name, anyish[i]) == 0) {
            if (strcmp(name, "LiteralString") == 0) {
                return chk_type_inst(r->arena, builtin_class(r, "str"), 0, NULL);
            }
            return any(r);
        }
    }
    static const struct { const char *alias; const char *cls; } aliases[] = {
        {"List", "list"}, {"Dict", "dict"}, {"Set", "set"}, {"FrozenSet", "frozenset"},
        {"Tuple", "tuple"}, {"Text", "str"}, {"DefaultDict", "dict"},
        {"OrderedDict", "dict"},
    };
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
        if (strcmp(name, aliases[i].alias) == 0) {
            return chk_type_inst(r->arena, builtin_class(r, aliases[i].cls), 0, NULL);
        }
    }
    if (strcmp(name, "None") == 0) {
        return chk_type_new(r->arena, CHK_T_NONE);
    }
    if (strcmp(name, "Callable") == 0) {
        return callable_type(r, NULL, 0, 0);
    }
    if (strcmp(name, "Awaitable") == 0 || strcmp(name, "Coroutine") == 0) {
        ChkType *t = chk_type_new(r->arena, CHK_T_COROUTINE);
        t->ret = any(r);
        return t;
    }
    ChkSymbol *s = r->lookup ? r->lookup(r->ud, name) : NULL;
    if (!s) {
        s = chk_table_get(&r->builtins->syms, name);
    }
    (void)e;
    if (!s || !s->type) {
        return any(r);
    }
    if (s->is_alias) {
        return s->type;
    }
    if (s->is_typevar) {
        ChkType *t = chk_type_new(r->arena, CHK_T_TYPEVAR);
        t->name = s->name;
        return t;
    }
    if (s->type->kind == CHK_T_CLASSOBJ) {
        return chk_type_inst(r->arena, s->type->cls, 0, NULL);
    }
    return any(r);
}

static ChkType *
resolve_subscript(const ChkResolver *r, const AstExpr *e, int *flags, int depth)
{
    const char *bn = base_name(e->u.subscript.value);
    const AstExpr *items[16];
    int n = slice_items(e->u.subscript.slice, items, 16);
    if (!bn) {
        return any(r);
    }
    if (strcmp(bn, "Optional") == 0) {
        return chk_type_union(r->arena, resolve(r, items[0], NULL, depth + 1),
                              chk_type_new(r->arena, CHK_T_NONE));
    }
    if (strcmp(bn, "Union") == 0) {
        ChkType *u = NULL;
        for (int i = 0; i < n; i++) {
            u = chk_type_union(r->arena, u, resolve(r, items[i], NULL, depth + 1));
        }
        return u ? u : any(r);
    }
    if (strcmp(bn, "Literal") == 0) {
        ChkType *u = NULL;
        for (int i = 0; i < n; i++) {
            u = chk_type_union(r->arena, u, literal_type(r, items[i]));
        }
        return u ? u : any(r);
    }
    if (strcmp(bn, "NotRequired") == 0 || strcmp(bn, "Required") == 0) {
        if (flags) {
            *flags = bn[0] == 'N' ? 1 : 2;
        }
        return resolve(r, items[0], NULL, depth + 1);
    }
    if (strcmp(bn, "Final") == 0 || strcmp(bn, "ClassVar") == 0
        || strcmp(bn, "Annotated") == 0 || strcmp(bn, "ReadOnly") == 0) {
        return resolve(r, items[0], flags, depth + 1);
    }
    if (strcmp(bn, "Callable") == 0) {
        return callable_type(r, items, n, depth);
    }
    if (strcmp(bn, "Awaitable") == 0 || strcmp(bn, "Coroutine") == 0) {
        ChkType *t = chk_type_new(r->arena, CHK_T_COROUTINE);
        t->ret = resolve(r, items[n - 1], NULL, depth + 1);
        return t;
    }
    if (strcmp(bn, "type") == 0 || strcmp(bn, "Type") == 0) {
        ChkType *inner = resolve(r, items[0], NULL, depth + 1);
        if (inner->kind == CHK_T_INST && inner->lit == CHK_LIT_NONE) {
            ChkType *t = chk_type_new(r->arena, CHK_T_CLASSOBJ);
            t->cls = inner->cls;
            return t;
        }
        return any(r);
    }
    ChkType *base = resolve_name(r, bn, e->u.subscript.value);
    if (base->kind != CHK_T_INST || base->lit != CHK_LIT_NONE) {
        return base;
    }
    ChkType **args = ast_arena_alloc(r->arena, sizeof *args * (size_t)n);
    if (!args) {
        return any(r);
    }
    int nargs = 0;
    bool var = false;
    for (int i = 0; i < n; i++) {
        if (items[i]->kind == AST_CONSTANT && items[i]->u.constant.kind == AST_CONST_ELLIPSIS) {
            var = true;
            continue;
        }
        args[nargs++] = resolve(r, items[i], NULL, depth + 1);
    }
    bool is_tuple = strcmp(base->cls->name, "tuple") == 0;
    if (is_tuple && n == 1 && items[0]->kind == AST_TUPLE && items[0]->u.list.elts.len == 0) {
        return chk_type_inst(r->arena, base->cls, 0, NULL);   /* tuple[()] */
    }
    ChkType *t = chk_type_inst(r->arena, base->cls, nargs, args);
    t->tuple_var = is_tuple && var;
    return t;
}

static ChkType *
resolve(const ChkResolver *r, const AstExpr *e, int *flags, int depth)
{
    if (!e || depth > 40) {
        return any(r);
    }
    switch (e->kind) {
    case AST_NAME:
        return resolve_name(r, e->u.name.id.s, e);
    case AST_ATTRIBUTE:
        return resolve_name(r, e->u.attribute.attr.s, e);
    case AST_CONSTANT:
        if (e->u.constant.kind == AST_CONST_NONE) {
            return chk_type_new(r->arena, CHK_T_NONE);
        }
        if (e->u.constant.kind == AST_CONST_STR) {
            /* a forward reference: only plain identifiers are understood */
            const char *s = e->u.constant.str.s;
            size_t len = e->u.constant.str.len;
            bool ident = len > 0;
            for (size_t i = 0; i < len && ident; i++) {
                char c = s[i];
                ident = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                        || (i > 0 && c >= '0' && c <= '9');
            }
            return ident ? resolve_name(r, s, e) : any(r);
        }
        return any(r);
    case AST_SUBSCRIPT:
        return resolve_subscript(r, e, flags, depth);
    case AST_BINOP:
        if (e->u.binop.op == AST_BITOR) {
            return chk_type_union(r->arena, resolve(r, e->u.binop.left, NULL, depth + 1),
                                  resolve(r, e->u.binop.right, NULL, depth + 1));
        }
        return any(r);
    default:
        return any(r);
    }
}

/* chk_annot_type: see chk_int.h. */
ChkType *
chk_annot_type(const ChkResolver *r, const AstExpr *e, int *flags)
{
    if (flags) {
        *flags = 0;
    }
    return resolve(r, e, flags, 0);
}
