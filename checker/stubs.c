/*
 * stubs.c — .pyi files to namespaces of typed symbols.
 *
 * A stub file is parsed by our own grammar and read in two passes: the
 * first declares every class, function, type variable and alias (so that
 * annotations may refer forward), the second resolves annotations, bases
 * and class bodies. The same code loads monty's embedded stubs (builtins and
 * one module per supported import) once per process, and the host's stubs
 * once per chk_stubs_load.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checker/chk_int.h"
#include "grammar/parse.h"

/* Provided by gen/stubs/stubs_data.c (stubs/embed.cmake). */
typedef struct { const char *module; const char *text; size_t len; } MontyEmbeddedStub;
extern const MontyEmbeddedStub monty_embedded_stubs[];

static ChkSymbol *
module_lookup(void *ud, const char *name)
{
    ChkModule *m = ud;
    return chk_table_get(&m->syms, name);
}

static const char *
expr_name(const AstExpr *e)
{
    if (!e) {
        return NULL;
    }
    if (e->kind == AST_NAME) {
        return e->u.name.id.s;
    }
    if (e->kind == AST_ATTRIBUTE) {
        return e->u.attribute.attr.s;
    }
    if (e->kind == AST_CALL) {
        return expr_name(e->u.call.func);
    }
    if (e->kind == AST_SUBSCRIPT) {
        return expr_name(e->u.subscript.value);
    }
    return NULL;
}

static bool
has_decorator(const AstSeq *decos, const char *name)
{
    for (int i = 0; i < decos->len; i++) {
        const char *n = expr_name(AST_SEQ_GET(*decos, i));
        if (n && strcmp(n, name) == 0) {
            return true;
        }
    }
    return false;
}

/* The constant `True`/`False` of keyword `name` in a call, or -1. */
static int
call_bool_kw(const AstExpr *call, const char *name)
{
    if (!call || call->kind != AST_CALL) {
        return -1;
    }
    for (int i = 0; i < call->u.call.keywords.len; i++) {
        const AstKeyword *k = AST_SEQ_GET(call->u.call.keywords, i);
        if (k->arg.s && strcmp(k->arg.s, name) == 0 && k->value->kind == AST_CONSTANT) {
            return k->value->u.constant.kind == AST_CONST_TRUE;
        }
    }
    return -1;
}

/* Dataclass field details from `name: T = value`: ClassVar, KW_ONLY,
 * field(init=False, kw_only=True, default=..., default_factory=...). */
static void
dataclass_field(ChkSymbol *sym, const AstStmt *st, bool *kw_only_rest)
{
    const char *an = expr_name(st->u.annassign.annotation);
    if (an && strcmp(an, "ClassVar") == 0) {
        sym->is_classvar = true;
        return;
    }
    if (an && strcmp(an, "KW_ONLY") == 0) {
        sym->is_classvar = true;
        *kw_only_rest = true;
        return;
    }
    sym->kw_only = *kw_only_rest;
    const AstExpr *v = st->u.annassign.value;
    const char *vn = v && v->kind == AST_CALL ? expr_name(v->u.call.func) : NULL;
    if (!vn || strcmp(vn, "field") != 0) {
        return;
    }
    sym->no_init = call_bool_kw(v, "init") == 0;
    int ko = call_bool_kw(v, "kw_only");
    if (ko >= 0) {
        sym->kw_only = ko == 1;
    }
    bool has_default = false;
    for (int i = 0; i < v->u.call.keywords.len; i++) {
        const AstKeyword *k = AST_SEQ_GET(v->u.call.keywords, i);
        has_default |= k->arg.s && (strcmp(k->arg.s, "default") == 0
                                    || strcmp(k->arg.s, "default_factory") == 0);
    }
    sym->has_default = has_default;
}

static bool
is_none_expr(const AstExpr *e)
{
    return e && e->kind == AST_CONSTANT && e->u.constant.kind == AST_CONST_NONE;
}

/* `**kw: Unpack[TD]` (PEP 692): TD's fields become keyword-only parameters
 * (optional ones with a default). Only for a TypedDict already filled and
 * without bases (else **kw stays open). Returns true when expanded. */
static bool
unpack_kwargs(ChkResolver *r, ChkFunc *f, const AstExpr *ann)
{
    const char *an = expr_name(ann);
    if (!an || strcmp(an, "Unpack") != 0 || ann->kind != AST_SUBSCRIPT) {
        return false;
    }
    ChkType *t = chk_annot_type(r, ann->u.subscript.slice, NULL);
    if (!t || t->kind != CHK_T_INST || !t->cls->is_typeddict || t->cls->nbases > 0
        || t->cls->unknown_base || t->cls->members.len == 0) {
        return false;
    }
    const ChkClass *k = t->cls;
    ChkParam *ps = ast_arena_alloc(r->arena, sizeof *ps * (size_t)(f->nparams + k->members.len
                                                                    + 1));
    if (!ps) {
        return false;
    }
    memcpy(ps, f->params, sizeof *ps * (size_t)f->nparams);
    f->params = ps;
    for (int i = 0; i < k->members.len; i++) {
        const ChkSymbol *m = k->members.order[i];
        if (m->is_method) {
            continue;
        }
        ChkParam *p = &f->params[f->nparams++];
        p->name = m->name;
        p->kind = CHK_P_KWONLY;
        p->type = m->type;
        p->has_default = m->not_required;
    }
    return true;
}

/* Builds a ChkFunc from a def; `is_method` skips nothing here, but marks
 * that the first parameter is self/cls. */
static ChkFunc *
build_func(ChkResolver *r, const AstStmt *s, bool is_method)
{
    AstArena *a = r->arena;
    const AstArguments *args = s->u.funcdef.args;
    ChkFunc *f = ast_arena_alloc(a, sizeof *f);
    if (!f) {
        return NULL;
    }
    f->name = s->u.funcdef.name.s;
    f->is_async = s->kind == AST_ASYNCFUNCTIONDEF;
    f->is_method = is_method;
    f->is_static = is_method && has_decorator(&s->u.funcdef.decorator_list, "staticmethod");
    f->is_classmethod = is_method
                        && has_decorator(&s->u.funcdef.decorator_list, "classmethod");
    int total = args->posonlyargs.len + args->args.len + args->kwonlyargs.len
                + (args->vararg != NULL) + (args->kwarg != NULL);
    f->params = ast_arena_alloc(a, sizeof *f->params * (size_t)(total + 1));
    if (!f->params) {
        return NULL;
    }
    int npos = args->posonlyargs.len + args->args.len;
    int ndef = args->defaults.len;
    for (int i = 0; i < npos; i++) {
        const AstArg *arg = i < args->posonlyargs.len
                                ? AST_SEQ_GET(args->posonlyargs, i)
                                : AST_SEQ_GET(args->args, i - args->posonlyargs.len);
        ChkParam *p = &f->params[f->nparams++];
        p->name = arg->arg.s;
        p->kind = i < args->posonlyargs.len ? CHK_P_POSONLY : CHK_P_NORMAL;
        /* the pre-3.8 stub convention: __x is positional-only */
        if (p->kind == CHK_P_NORMAL && strncmp(p->name, "__", 2) == 0
            && strcmp(p->name + strlen(p->name) - (strlen(p->name) > 3 ? 2 : 0), "__") != 0) {
            p->kind = CHK_P_POSONLY;
        }
        p->type = chk_annot_type(r, arg->annotation, NULL);
        p->has_default = i >= npos - ndef;
        if (p->has_default && is_none_expr(AST_SEQ_GET(args->defaults, i - (npos - ndef)))) {
            /* `x: str = None`: the host accepts None, whatever the annotation says */
            p->type = chk_type_union(a, p->type, chk_type_new(a, CHK_T_NONE));
        }
    }
    if (args->vararg) {
        ChkParam *p = &f->params[f->nparams++];
        p->name = args->vararg->arg.s;
        p->kind = CHK_P_VARARG;
        p->type = chk_annot_type(r, args->vararg->annotation, NULL);
    }
    for (int i = 0; i < args->kwonlyargs.len; i++) {
        const AstArg *arg = AST_SEQ_GET(args->kwonlyargs, i);
        ChkParam *p = &f->params[f->nparams++];
        p->name = arg->arg.s;
        p->kind = CHK_P_KWONLY;
        p->type = chk_annot_type(r, arg->annotation, NULL);
        p->has_default = AST_SEQ_GET(args->kw_defaults, i) != NULL;
        if (is_none_expr(AST_SEQ_GET(args->kw_defaults, i))) {
            p->type = chk_type_union(a, p->type, chk_type_new(a, CHK_T_NONE));
        }
    }
    if (args->kwarg && !unpack_kwargs(r, f, args->kwarg->annotation)) {
        ChkParam *p = &f->params[f->nparams++];
        p->name = args->kwarg->arg.s;
        p->kind = CHK_P_KWARG;
        p->type = chk_annot_type(r, args->kwarg->annotation, NULL);
    }
    const char *rn = expr_name(s->u.funcdef.returns);
    f->no_return = rn && (strcmp(rn, "NoReturn") == 0 || strcmp(rn, "Never") == 0);
    f->ret = s->u.funcdef.returns ? chk_annot_type(r, s->u.funcdef.returns, NULL)
                                  : chk_type_new(a, CHK_T_ANY);
    return f;
}

/* Adds def `s` to table t: a new function, or one more overload. */
static void
add_func(ChkResolver *r, ChkTable *t, const AstStmt *s, bool is_method)
{
    ChkFunc *f = build_func(r, s, is_method);
    ChkSymbol *sym = chk_table_put(r->arena, t, s->u.funcdef.name.s);
    if (!f || !sym) {
        return;
    }
    f->owner = NULL;
    bool is_prop = is_method && has_decorator(&s->u.funcdef.decorator_list, "property");
    if (is_prop) {
        sym->type = f->ret;
        sym->is_property = true;
        return;
    }
    if (has_decorator(&s->u.funcdef.decorator_list, "setter")
        || has_decorator(&s->u.funcdef.decorator_list, "deleter")) {
        return;
    }
    if (sym->type && sym->type->kind == CHK_T_FUNC
        && has_decorator(&s->u.funcdef.decorator_list, "overload")) {
        ChkFunc *last = sym->type->func;
        while (last->next_overload) {
            last = last->next_overload;
        }
        last->next_overload = f;
        return;
    }
    ChkType *ft = chk_type_new(r->arena, CHK_T_FUNC);
    ft->func = f;
    sym->type = ft;
    sym->is_method = is_method;
    sym->is_static = f->is_static;
    sym->is_classmethod = f->is_classmethod;
}

/* Collects the type variables of a Generic[...] / Protocol[...] base. */
static void
collect_tparams(ChkResolver *r, ChkClass *c, const AstExpr *slice)
{
    const AstExpr *items[16];
    int n = 0;
    if (slice->kind == AST_TUPLE) {
        for (int i = 0; i < slice->u.list.elts.len && n < 16; i++) {
            items[n++] = AST_SEQ_GET(slice->u.list.elts, i);
        }
    } else {
        items[n++] = slice;
    }
    c->tparams = ast_arena_alloc(r->arena, sizeof *c->tparams * (size_t)n);
    if (!c->tparams) {
        return;
    }
    c->ntparams = 0;
    for (int i = 0; i < n; i++) {
        if (items[i]->kind == AST_NAME) {
            c->tparams[c->ntparams++] = items[i]->u.name.id.s;
        }
    }
}

static void
fill_class(ChkResolver *r, ChkClass *c, const AstStmt *s)
{
    AstArena *a = r->arena;
    const AstSeq *bases = &s->u.classdef.bases;
    c->bases = ast_arena_alloc(a, sizeof *c->bases * (size_t)(bases->len + 1));
    if (!c->bases) {
        c->unknown_base = true;
        return;
    }
    for (int i = 0; i < bases->len; i++) {
        const AstExpr *b = AST_SEQ_GET(*bases, i);
        const char *bn = expr_name(b);
        if (!bn) {
            c->unknown_base = true;
            continue;
        }
        if (strcmp(bn, "Generic") == 0 || strcmp(bn, "Protocol") == 0) {
            if (bn[0] == 'P') {
                c->is_protocol = true;
            }
            if (b->kind == AST_SUBSCRIPT) {
                collect_tparams(r, c, b->u.subscript.slice);
            }
            continue;
        }
        if (strcmp(bn, "TypedDict") == 0) {
            c->is_typeddict = true;
            continue;
        }
        if (strcmp(bn, "NamedTuple") == 0) {
            c->is_namedtuple = true;
            /* _NamedTuple: tuple plus _asdict, _replace, _fields, _make */
            ChkSymbol *ts = chk_table_get(&r->builtins->syms, "_NamedTuple");
            if (!ts) {
                ts = chk_table_get(&r->builtins->syms, "tuple");
            }
            if (ts && ts->type && ts->type->kind == CHK_T_CLASSOBJ) {
                c->bases[c->nbases++] = chk_type_inst(a, ts->type->cls, 0, NULL);
            }
            continue;
        }
        if (strcmp(bn, "Enum") == 0 || strcmp(bn, "IntEnum") == 0
            || strcmp(bn, "StrEnum") == 0) {
            c->is_enum = true;
            continue;
        }
        ChkType *bt = chk_annot_type(r, b, NULL);
        if (bt->kind == CHK_T_INST && bt->cls && bt->cls != c) {
            if (bt->cls->is_typeddict) {
                c->is_typeddict = true;
            }
            c->bases[c->nbases++] = bt;
            if (c->ntparams == 0 && bt->nargs > 0) {
                /* class Foo(Base[_T]) makes Foo generic in _T */
                for (int k = 0; k < bt->nargs; k++) {
                    if (bt->args[k]->kind == CHK_T_TYPEVAR) {
                        c->tparams = ast_arena_alloc(a, sizeof *c->tparams
                                                            * (size_t)bt->nargs);
                        break;
                    }
                }
                for (int k = 0; c->tparams && k < bt->nargs; k++) {
                    if (bt->args[k]->kind == CHK_T_TYPEVAR) {
                        c->tparams[c->ntparams++] = bt->args[k]->name;
                    }
                }
            }
        } else {
            c->unknown_base = true;
        }
    }
    bool total_false = false;
    for (int i = 0; i < s->u.classdef.keywords.len; i++) {
        const AstKeyword *k = AST_SEQ_GET(s->u.classdef.keywords, i);
        if (k->arg.s && strcmp(k->arg.s, "total") == 0 && k->value->kind == AST_CONSTANT
            && k->value->u.constant.kind == AST_CONST_FALSE) {
            total_false = true;
        }
    }
    if (total_false) {
        /* total=False: every field is optional unless marked Required[...] */
        for (int i = 0; i < s->u.classdef.body.len; i++) {
            const AstStmt *st = AST_SEQ_GET(s->u.classdef.body, i);
            if (st->kind == AST_ANNASSIGN && st->u.annassign.target->kind == AST_NAME) {
                int flags = 0;
                ChkType *t = chk_annot_type(r, st->u.annassign.annotation, &flags);
                ChkSymbol *sym = chk_table_put(a, &c->members,
                                               st->u.annassign.target->u.name.id.s);
                if (sym) {
                    sym->type = t;
                    sym->not_required = flags != 2;
                }
            }
        }
    }
    if (has_decorator(&s->u.classdef.decorator_list, "dataclass")) {
        c->is_dataclass = true;
    }
    bool kw_only_rest = false;
    for (int i = 0; i < s->u.classdef.decorator_list.len; i++) {
        const AstExpr *d = AST_SEQ_GET(s->u.classdef.decorator_list, i);
        const char *dn = expr_name(d);
        if (dn && strcmp(dn, "dataclass") == 0 && call_bool_kw(d, "kw_only") == 1) {
            kw_only_rest = true;
        }
    }
    for (int i = 0; i < s->u.classdef.body.len; i++) {
        const AstStmt *st = AST_SEQ_GET(s->u.classdef.body, i);
        switch (st->kind) {
        case AST_FUNCTIONDEF:
        case AST_ASYNCFUNCTIONDEF:
            add_func(r, &c->members, st, true);
            {
                ChkSymbol *ms = chk_table_get(&c->members, st->u.funcdef.name.s);
                for (ChkFunc *f = ms && ms->type && ms->type->kind == CHK_T_FUNC
                                      ? ms->type->func : NULL; f; f = f->next_overload) {
                    f->owner = c;
                }
            }
            if (strcmp(st->u.funcdef.name.s, "__getattr__") == 0) {
                c->has_getattr = true;
            }
            break;
        case AST_ANNASSIGN:
            if (st->u.annassign.target->kind == AST_NAME) {
                const char *name = st->u.annassign.target->u.name.id.s;
                if (chk_table_get(&c->members, name) && c->is_typeddict) {
                    break;   /* already read by the total=False pass */
                }
                int flags = 0;
                ChkType *t = chk_annot_type(r, st->u.annassign.annotation, &flags);
                ChkSymbol *sym = chk_table_put(a, &c->members, name);
                if (sym) {
                    sym->type = t;
                    sym->has_default = st->u.annassign.value != NULL;
                    sym->not_required = flags == 1;
                    if (c->is_dataclass) {
                        dataclass_field(sym, st, &kw_only_rest);
                    }
                }
            }
            break;
        case AST_ASSIGN:
            for (int k = 0; k < st->u.assign.targets.len; k++) {
                const AstExpr *tg = AST_SEQ_GET(st->u.assign.targets, k);
                if (tg->kind == AST_NAME) {
                    ChkSymbol *sym = chk_table_put(a, &c->members, tg->u.name.id.s);
                    if (sym) {
                        sym->has_default = true;
                        sym->type = c->is_enum ? chk_type_inst(a, c, 0, NULL)
                                               : chk_type_new(a, CHK_T_ANY);
                    }
                }
            }
            break;
        default:
            break;
        }
    }
}

static bool
is_typevar_call(const AstExpr *v)
{
    const char *n = v && v->kind == AST_CALL ? expr_name(v->u.call.func) : NULL;
    return n && (strcmp(n, "TypeVar") == 0 || strcmp(n, "ParamSpec") == 0
                 || strcmp(n, "TypeVarTuple") == 0);
}

/* `X = TypedDict("X", {...})` (1), `X = NamedTuple("X", [(name, T), ...])` (2),
 * `X = namedtuple("X", ...)` (3), or 0. */
static int
functional_class(const AstStmt *s)
{
    if (s->kind != AST_ASSIGN || s->u.assign.targets.len != 1
        || ((const AstExpr *)AST_SEQ_GET(s->u.assign.targets, 0))->kind != AST_NAME) {
        return 0;
    }
    const AstExpr *v = s->u.assign.value;
    const char *n = v->kind == AST_CALL ? expr_name(v->u.call.func) : NULL;
    if (!n || v->u.call.args.len < 2) {
        return 0;
    }
    return strcmp(n, "TypedDict") == 0 ? 1 : strcmp(n, "NamedTuple") == 0 ? 2
         : strcmp(n, "namedtuple") == 0 ? 3 : 0;
}

static void
functional_field(ChkResolver *r, ChkClass *c, const char *name, const AstExpr *ann,
                 bool total_false)
{
    ChkSymbol *sym = chk_table_put(r->arena, &c->members, name);
    if (!sym) {
        return;
    }
    int flags = 0;
    sym->type = ann ? chk_annot_type(r, ann, &flags) : chk_type_new(r->arena, CHK_T_ANY);
    sym->not_required = total_false ? flags != 2 : flags == 1;
}

/* Fills a class declared with the functional syntax (see functional_class). */
static void
fill_functional(ChkResolver *r, ChkClass *c, const AstStmt *s, int kind)
{
    const AstExpr *v = s->u.assign.value;
    const AstExpr *fields = AST_SEQ_GET(v->u.call.args, 1);
    if (kind == 1) {
        c->is_typeddict = true;
        if (fields->kind != AST_DICT) {
            c->unknown_base = true;
            return;
        }
        bool total_false = call_bool_kw(v, "total") == 0;
        for (int i = 0; i < fields->u.dict.keys.len; i++) {
            const AstExpr *k = AST_SEQ_GET(fields->u.dict.keys, i);
            if (!k || k->kind != AST_CONSTANT || k->u.constant.kind != AST_CONST_STR) {
                c->unknown_base = true;
                continue;
            }
            functional_field(r, c, k->u.constant.str.s, AST_SEQ_GET(fields->u.dict.values, i),
                             total_false);
        }
        return;
    }
    c->is_namedtuple = true;
    c->bases = ast_arena_alloc(r->arena, sizeof *c->bases);
    ChkSymbol *ts = chk_table_get(&r->builtins->syms, "_NamedTuple");
    if (c->bases && ts && ts->type && ts->type->kind == CHK_T_CLASSOBJ) {
        c->bases[c->nbases++] = chk_type_inst(r->arena, ts->type->cls, 0, NULL);
    }
    if (kind == 3 && fields->kind == AST_CONSTANT && fields->u.constant.kind == AST_CONST_STR) {
        /* namedtuple("P", "x y") / "x, y" */
        const char *p = fields->u.constant.str.s;
        while (*p) {
            size_t n = strcspn(p, " ,");
            char *name = n ? ast_arena_alloc(r->arena, n + 1) : NULL;
            if (name) {
                memcpy(name, p, n);
                name[n] = 0;
                functional_field(r, c, name, NULL, false);
            }
            p += n;
            p += strspn(p, " ,");
        }
        return;
    }
    if (fields->kind != AST_LIST && fields->kind != AST_TUPLE) {
        c->unknown_base = true;
        return;
    }
    for (int i = 0; i < fields->u.list.elts.len; i++) {
        const AstExpr *f = AST_SEQ_GET(fields->u.list.elts, i);
        if (kind == 3 && f->kind == AST_CONSTANT && f->u.constant.kind == AST_CONST_STR) {
            functional_field(r, c, f->u.constant.str.s, NULL, false);
        } else if (kind == 2 && f->kind == AST_TUPLE && f->u.list.elts.len == 2) {
            const AstExpr *fn = AST_SEQ_GET(f->u.list.elts, 0);
            if (fn->kind == AST_CONSTANT && fn->u.constant.kind == AST_CONST_STR) {
                functional_field(r, c, fn->u.constant.str.s, AST_SEQ_GET(f->u.list.elts, 1),
                                 false);
            }
        } else {
            c->unknown_base = true;
        }
    }
}

/*
 * chk_stubs_fill: declares and resolves every top-level item of a parsed
 * .pyi into mod. Returns false only when out of memory.
 */
bool
chk_stubs_fill(ChkResolver *r, ChkModule *mod, const AstModule *ast, bool is_builtins)
{
    AstArena *a = r->arena;
    const AstSeq *body = &ast->body;
    /* pass 1: declare classes and type variables */
    for (int i = 0; i < body->len; i++) {
        const AstStmt *s = AST_SEQ_GET(*body, i);
        if (s->kind == AST_CLASSDEF || functional_class(s)) {
            const char *name = s->kind == AST_CLASSDEF
                                   ? s->u.classdef.name.s
                                   : ((const AstExpr *)AST_SEQ_GET(s->u.assign.targets, 0))
                                         ->u.name.id.s;
            ChkSymbol *sym = chk_table_put(a, &mod->syms, name);
            ChkClass *c = ast_arena_alloc(a, sizeof *c);
            if (!sym || !c) {
                return false;
            }
            c->name = name;
            c->from_builtins = is_builtins;
            sym->type = chk_type_new(a, CHK_T_CLASSOBJ);
            sym->type->cls = c;
        } else if (s->kind == AST_ASSIGN && s->u.assign.targets.len == 1
                   && ((AstExpr *)AST_SEQ_GET(s->u.assign.targets, 0))->kind == AST_NAME
                   && is_typevar_call(s->u.assign.value)) {
            const AstExpr *tg = AST_SEQ_GET(s->u.assign.targets, 0);
            ChkSymbol *sym = chk_table_put(a, &mod->syms, tg->u.name.id.s);
            if (!sym) {
                return false;
            }
            sym->is_typevar = true;
            sym->type = chk_type_new(a, CHK_T_TYPEVAR);
            sym->type->name = sym->name;
        }
    }
    /* pass 2: everything else, in order */
    for (int i = 0; i < body->len; i++) {
        const AstStmt *s = AST_SEQ_GET(*body, i);
        switch (s->kind) {
        case AST_CLASSDEF: {
            ChkSymbol *sym = chk_table_get(&mod->syms, s->u.classdef.name.s);
            if (sym && sym->type && sym->type->kind == CHK_T_CLASSOBJ) {
                fill_class(r, sym->type->cls, s);
            }
            break;
        }
        case AST_FUNCTIONDEF:
        case AST_ASYNCFUNCTIONDEF:
            add_func(r, &mod->syms, s, false);
            break;
        case AST_ANNASSIGN: {
            if (s->u.annassign.target->kind != AST_NAME) {
                break;
            }
            const AstExpr *ann = s->u.annassign.annotation;
            const char *an = expr_name(ann);
            ChkSymbol *sym = chk_table_put(a, &mod->syms, s->u.annassign.target->u.name.id.s);
            if (!sym) {
                return false;
            }
            if (an && strcmp(an, "TypeAlias") == 0 && s->u.annassign.value) {
                sym->is_alias = true;
                sym->type = chk_annot_type(r, s->u.annassign.value, NULL);
            } else {
                sym->type = chk_annot_type(r, ann, NULL);
                sym->is_input = !is_builtins;
            }
            break;
        }
        case AST_ASSIGN: {
            if (s->u.assign.targets.len != 1) {
                break;
            }
            const AstExpr *tg = AST_SEQ_GET(s->u.assign.targets, 0);
            if (tg->kind != AST_NAME || is_typevar_call(s->u.assign.value)) {
                break;
            }
            int fk = functional_class(s);
            if (fk) {
                ChkSymbol *cs = chk_table_get(&mod->syms, tg->u.name.id.s);
                if (cs && cs->type && cs->type->kind == CHK_T_CLASSOBJ) {
                    fill_functional(r, cs->type->cls, s, fk);
                }
                break;
            }
            ChkSymbol *sym = chk_table_put(a, &mod->syms, tg->u.name.id.s);
            if (!sym) {
                return false;
            }
            /* X = OtherClass names the same class (usable as a value too);
             * any other X = <type expression> in a stub is an alias */
            const AstExpr *v = s->u.assign.value;
            ChkSymbol *same = v->kind == AST_NAME ? module_lookup(mod, v->u.name.id.s) : NULL;
            if (!same && v->kind == AST_NAME) {
                same = chk_table_get(&r->builtins->syms, v->u.name.id.s);
            }
            if (same && same != sym && same->type && same->type->kind == CHK_T_CLASSOBJ) {
                sym->type = same->type;
                break;
            }
            sym->is_alias = true;
            sym->type = chk_annot_type(r, v, NULL);
            break;
        }
        case AST_TYPEALIAS: {
            if (s->u.typealias.name->kind != AST_NAME) {
                break;
            }
            ChkSymbol *sym = chk_table_put(a, &mod->syms, s->u.typealias.name->u.name.id.s);
            if (!sym) {
                return false;
            }
            sym->is_alias = true;
            sym->type = chk_annot_type(r, s->u.typealias.value, NULL);
            break;
        }
        default:
            break;
        }
    }
    return !ast_arena_failed(a);
}

/* ---- the process-wide library ------------------------------------------- */

static ChkLib the_lib;
static pthread_once_t lib_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t lib_lock = PTHREAD_MUTEX_INITIALIZER;

static ChkModule *
load_module(ChkLib *lib, const char *name, const char *text, size_t len, bool is_builtins)
{
    ParseError perr;
    memset(&perr, 0, sizeof perr);
    AstModule *ast = parse_module(lib->arena, text, len, &perr);
    if (!ast) {
        snprintf(lib->err, sizeof lib->err, "stubs/%.20s.pyi:%d:%d: %.20s: %.150s", name,
                 perr.lineno, perr.col_offset, perr.type ? perr.type : "error", perr.msg);
        return NULL;
    }
    ChkModule *m = ast_arena_alloc(lib->arena, sizeof *m);
    if (!m) {
        return NULL;
    }
    m->name = name;
    ChkResolver r = {
        .arena = lib->arena, .lib = NULL, .builtins = is_builtins ? m : lib->builtins,
        .lookup = module_lookup, .ud = m,
    };
    if (!chk_stubs_fill(&r, m, ast, is_builtins)) {
        return NULL;
    }
    return m;
}

static ChkClass *
lib_class(ChkLib *lib, const char *name)
{
    ChkSymbol *s = chk_table_get(&lib->builtins->syms, name);
    return s && s->type && s->type->kind == CHK_T_CLASSOBJ ? s->type->cls : NULL;
}

static void
lib_init(void)
{
    ChkLib *lib = &the_lib;
    lib->arena = ast_arena_new(0);
    if (!lib->arena) {
        snprintf(lib->err, sizeof lib->err, "out of memory");
        return;
    }
    int n = 0;
    for (const MontyEmbeddedStub *e = monty_embedded_stubs; e->module; e++) {
        n++;
    }
    for (const MontyEmbeddedStub *e = monty_embedded_stubs; e->module; e++) {
        if (strcmp(e->module, "builtins") == 0) {
            lib->builtins = load_module(lib, e->module, e->text, e->len, true);
        }
    }
    if (!lib->builtins) {
        if (!lib->err[0]) {
            snprintf(lib->err, sizeof lib->err, "stubs/builtins.pyi missing");
        }
        return;
    }
    /* other modules are parsed on their first import (chk_lib_module) */
    lib->modules = ast_arena_alloc(lib->arena, sizeof *lib->modules * (size_t)(n + 1));
    lib->module_names = ast_arena_alloc(lib->arena, sizeof *lib->module_names * (size_t)(n + 1));
    lib->module_texts = ast_arena_alloc(lib->arena, sizeof *lib->module_texts * (size_t)(n + 1));
    lib->module_lens = ast_arena_alloc(lib->arena, sizeof *lib->module_lens * (size_t)(n + 1));
    if (!lib->modules || !lib->module_names || !lib->module_texts || !lib->module_lens) {
        return;
    }
    for (const MontyEmbeddedStub *e = monty_embedded_stubs; e->module; e++) {
        if (strcmp(e->module, "builtins") != 0) {
            lib->module_names[lib->nmodules] = e->module;
            lib->module_texts[lib->nmodules] = e->text;
            lib->module_lens[lib->nmodules] = e->len;
            lib->nmodules++;
        }
    }
    AstArena *a = lib->arena;
    for (int i = 0; i < lib->builtins->syms.len; i++) {
        ChkSymbol *s = lib->builtins->syms.order[i];
        s->hidden = chk_hidden_builtin(s->name);
    }
    lib->c_object = lib_class(lib, "object");
    lib->c_int = lib_class(lib, "int");
    lib->c_float = lib_class(lib, "float");
    lib->c_complex = lib_class(lib, "complex");
    lib->c_bool = lib_class(lib, "bool");
    lib->c_str = lib_class(lib, "str");
    lib->c_bytes = lib_class(lib, "bytes");
    lib->c_list = lib_class(lib, "list");
    lib->c_dict = lib_class(lib, "dict");
    lib->c_set = lib_class(lib, "set");
    lib->c_frozenset = lib_class(lib, "frozenset");
    lib->c_tuple = lib_class(lib, "tuple");
    lib->c_range = lib_class(lib, "range");
    lib->c_slice = lib_class(lib, "slice");
    lib->c_nonetype = lib_class(lib, "NoneType");
    lib->c_base_exception = lib_class(lib, "BaseException");
    if (!lib->c_object || !lib->c_int || !lib->c_float || !lib->c_bool || !lib->c_str
        || !lib->c_bytes || !lib->c_list || !lib->c_dict || !lib->c_set || !lib->c_tuple
        || !lib->c_frozenset || !lib->c_range || !lib->c_complex) {
        snprintf(lib->err, sizeof lib->err, "stubs/builtins.pyi lacks a core class");
        return;
    }
    lib->t_any = chk_type_new(a, CHK_T_ANY);
    lib->t_none = chk_type_new(a, CHK_T_NONE);
    lib->t_int = chk_type_inst(a, lib->c_int, 0, NULL);
    lib->t_float = chk_type_inst(a, lib->c_float, 0, NULL);
    lib->t_complex = chk_type_inst(a, lib->c_complex, 0, NULL);
    lib->t_str = chk_type_inst(a, lib->c_str, 0, NULL);
    lib->t_bool = chk_type_inst(a, lib->c_bool, 0, NULL);
    lib->t_bytes = chk_type_inst(a, lib->c_bytes, 0, NULL);
    lib->ok = !ast_arena_failed(a);
}

/*
 * chk_lib_get: monty's own stubs, loaded once per process. The result is
 * immutable after loading; check ->ok (and ->err) before use.
 */
const ChkLib *
chk_lib_get(void)
{
    pthread_once(&lib_once, lib_init);
    return &the_lib;
}

/* chk_lib_module: a supported module's namespace, or NULL. */
const ChkModule *
chk_lib_module(const ChkLib *lib, const char *name)
{
    for (int i = 0; i < lib->nmodules; i++) {
        if (strcmp(lib->module_names[i], name) != 0) {
            continue;
        }
        pthread_mutex_lock(&lib_lock);
        ChkLib *mut = &the_lib;     /* the one mutable moment, under the lock */
        if (!mut->modules[i]) {
            mut->modules[i] = load_module(mut, lib->module_names[i], lib->module_texts[i],
                                          lib->module_lens[i], false);
        }
        const ChkModule *m = mut->modules[i];
        pthread_mutex_unlock(&lib_lock);
        return m;
    }
    return NULL;
}

/* ---- host stubs --------------------------------------------------------- */

/*
 * chk_stubs_load: parses the host's stubs (see checker.h).
 */
ChkStubs *
chk_stubs_load(const char *text, size_t len, const char *filename, char *err, size_t errlen)
{
    const ChkLib *lib = chk_lib_get();
    if (!lib->ok) {
        if (err) {
            snprintf(err, errlen, "monty's builtin stubs failed to load: %s", lib->err);
        }
        return NULL;
    }
    ChkStubs *st = calloc(1, sizeof *st);
    if (!st) {
        return NULL;
    }
    st->arena = ast_arena_new(0);
    if (!st->arena) {
        free(st);
        return NULL;
    }
    ParseError perr;
    memset(&perr, 0, sizeof perr);
    AstModule *ast = parse_module(st->arena, text, len, &perr);
    if (!ast) {
        if (err) {
            snprintf(err, errlen, "%.200s:%d:%d: %.20s: %.200s", filename ? filename : "<stubs>",
                     perr.lineno, perr.col_offset, perr.type ? perr.type : "SyntaxError",
                     perr.msg);
        }
        chk_stubs_free(st);
        return NULL;
    }
    st->mod = ast_arena_alloc(st->arena, sizeof *st->mod);
    if (!st->mod) {
        chk_stubs_free(st);
        return NULL;
    }
    st->mod->name = "<stubs>";
    ChkResolver r = {
        .arena = st->arena, .lib = lib, .builtins = lib->builtins,
        .lookup = module_lookup, .ud = st->mod,
    };
    if (!chk_stubs_fill(&r, st->mod, ast, false)) {
        if (err) {
            snprintf(err, errlen, "out of memory loading stubs");
        }
        chk_stubs_free(st);
        return NULL;
    }
    /* the host's functions and inputs, in source order */
    int n = ast->body.len;
    st->funcs = ast_arena_alloc(st->arena, sizeof *st->funcs * (size_t)(n + 1));
    st->inputs = ast_arena_alloc(st->arena, sizeof *st->inputs * (size_t)(n + 1));
    st->funcs_async = ast_arena_alloc(st->arena, (size_t)(n + 1));
    if (!st->funcs || !st->inputs || !st->funcs_async) {
        chk_stubs_free(st);
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        const AstStmt *s = AST_SEQ_GET(ast->body, i);
        if (s->kind == AST_FUNCTIONDEF || s->kind == AST_ASYNCFUNCTIONDEF) {
            bool dup = false;
            for (size_t k = 0; k < st->nfuncs && !dup; k++) {
                dup = strcmp(st->funcs[k], s->u.funcdef.name.s) == 0;
            }
            if (!dup) {
                st->funcs_async[st->nfuncs] = s->kind == AST_ASYNCFUNCTIONDEF;
                st->funcs[st->nfuncs++] = s->u.funcdef.name.s;
            }
        } else if (s->kind == AST_ANNASSIGN && s->u.annassign.target->kind == AST_NAME) {
            ChkSymbol *sym = chk_table_get(&st->mod->syms,
                                           s->u.annassign.target->u.name.id.s);
            if (sym && sym->is_input) {
                st->inputs[st->ninputs++] = sym->name;
            }
        }
    }
    return st;
}

/* chk_stubs_free: releases stubs (NULL ignored). */
void
chk_stubs_free(ChkStubs *stubs)
{
    if (!stubs) {
        return;
    }
    ast_arena_free(stubs->arena);
    free(stubs);
}

/* chk_stubs_function_names: see checker.h. */
size_t
chk_stubs_function_names(const ChkStubs *stubs, const char *const **out)
{
    *out = (const char *const *)stubs->funcs;
    return stubs->nfuncs;
}

/* chk_stubs_function_async: see checker.h. */
size_t
chk_stubs_function_async(const ChkStubs *stubs, const unsigned char **out)
{
    *out = stubs->funcs_async;
    return stubs->nfuncs;
}

/* chk_stubs_input_names: see checker.h. */
size_t
chk_stubs_input_names(const ChkStubs *stubs, const char *const **out)
{
    *out = (const char *const *)stubs->inputs;
    return stubs->ninputs;
}
