/*
 * infer.c — the type of every expression, and the rules that concern
 * expressions: unresolved-reference, unresolved-attribute, invalid-key,
 * not-subscriptable, unsupported-operator, invalid-await, not-iterable and
 * the sandbox's forbidden builtins and attributes.
 *
 * Reports are made only outside quiet mode (quiet inference serves binding
 * types and return types, which are computed on demand and must not report
 * twice), and only when every possibility fails: for a union, an operation
 * is an error only if it fails for each member (contract 8).
 */
#include <stdio.h>
#include <string.h>

#include "checker/check_int.h"

/* chk_report: adds a diagnostic unless inferring quietly. */
void
chk_report(Ctx *c, const AstLoc *loc, ChkSeverity sev, const char *code, const char *hint,
           const char *fmt, ...)
{
    if (c->quiet > 0) {
        return;
    }
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (c->capture) {
        if (!c->capture[0]) {
            snprintf(c->capture, c->capture_size, "%s", msg);
        }
        return;
    }
    chk_diag_add(c->res, loc, sev, code, hint, "%s", msg);
}

static ChkType *
any(Ctx *c)
{
    return c->lib->t_any;
}

static void
tstr(const ChkType *t, char *buf, size_t n)
{
    buf[0] = 0;
    chk_type_str(t, buf, n);
}

/* ---- names -------------------------------------------------------------- */

/* Names defined in builtins.pyi only to write the stubs (typing's classes,
 * NoneType, ...): not visible to scripts. Marked once in the library. */
bool
chk_hidden_builtin(const char *name)
{
    static const char *const hidden[] = {
        "Iterable", "Iterator", "Sequence", "MutableSequence", "Mapping", "MutableMapping",
        "Collection", "Container", "Reversible", "AbstractSet", "MutableSet", "Generator",
        "Awaitable", "Coroutine", "Protocol", "Generic", "TypeVar", "NoneType", "ellipsis",
        "function", "KeysView", "ValuesView", "ItemsView", "SupportsLessThan", NULL,
    };
    if (name[0] == '_' && name[1] != '_') {
        return true;
    }
    for (int i = 0; hidden[i]; i++) {
        if (strcmp(name, hidden[i]) == 0) {
            return true;
        }
    }
    return false;
}

static ChkSymbol *
builtin_sym(Ctx *c, const char *name)
{
    ChkSymbol *s = chk_table_get(&c->lib->builtins->syms, name);
    if (!s || s->hidden || s->is_typevar || s->is_alias) {
        return NULL;
    }
    return s;
}

static bool
is_input(Ctx *c, const char *name)
{
    for (size_t i = 0; i < c->ninputs; i++) {
        if (strcmp(c->inputs[i], name) == 0) {
            return true;
        }
    }
    return false;
}

static ChkType *global_fallback_strict(Ctx *c, const char *name);

/* Outside-the-script names: inputs, host stubs, builtins. NULL if none. */
static ChkType *
global_fallback(Ctx *c, const char *name)
{
    ChkType *t = global_fallback_strict(c, name);
    /* after `from m import *` any global name may exist */
    return t ? t : c->star_import ? any(c) : NULL;
}

static ChkType *
global_fallback_strict(Ctx *c, const char *name)
{
    if (c->stubs) {
        ChkSymbol *s = chk_table_get(&c->stubs->mod->syms, name);
        if (s && s->type && !s->is_typevar) {
            return s->is_alias ? any(c) : s->type;
        }
    }
    if (is_input(c, name)) {
        return any(c);
    }
    ChkSymbol *b = builtin_sym(c, name);
    if (b && b->type) {
        return b->type;
    }
    return NULL;
}

static bool
local_defined(const Local *l)
{
    return l && (l->bindings || l->forced_any || l->decl_annotation);
}

static void
suggest_scope(Ctx *c, ChkSuggest *sg, int sid)
{
    if (c->suggest_budget <= 0) {
        return;
    }
    for (int p = sid; p >= 0; p = c->scopes[p]->parent) {
        const Scope *s = c->scopes[p];
        if (s->kind == SC_CLASS && p != sid) {
            continue;
        }
        for (int i = 0; i < s->nlocals; i++) {
            if (local_defined(s->locals[i])) {
                chk_suggest_offer(sg, s->locals[i]->name);
            }
        }
    }
    if (c->stubs) {
        const ChkTable *t = &c->stubs->mod->syms;
        for (int i = 0; i < t->len; i++) {
            if (!t->order[i]->is_typevar) {
                chk_suggest_offer(sg, t->order[i]->name);
            }
        }
    }
    for (size_t i = 0; i < c->ninputs; i++) {
        chk_suggest_offer(sg, c->inputs[i]);
    }
    const ChkTable *bt = &c->lib->builtins->syms;
    for (int i = 0; i < bt->len; i++) {
        if (!bt->order[i]->hidden && !bt->order[i]->is_typevar) {
            chk_suggest_offer(sg, bt->order[i]->name);
        }
    }
}

static void
report_unresolved(Ctx *c, const AstExpr *e, const char *name)
{
    const char *alt = chk_lint_forbidden_builtin(name);
    if (alt) {
        chk_report(c, &e->loc, CHK_SEV_ERROR, "forbidden-builtin", alt,
                   "`%s` is not available in monty's sandbox", name);
        return;
    }
    ChkSuggest sg;
    chk_suggest_init(&sg, name);
    sg.budget = &c->suggest_budget;
    suggest_scope(c, &sg, c->cur);
    const char *best = chk_suggest_best(&sg);
    if (!best) {
        chk_report(c, &e->loc, CHK_SEV_ERROR, "unresolved-reference", NULL,
                   "Name `%s` used when not defined", name);
        return;
    }
    char hint[600];
    hint[0] = 0;
    if (c->stubs) {
        ChkSymbol *s = chk_table_get(&c->stubs->mod->syms, best);
        if (s && s->type && s->type->kind == CHK_T_FUNC) {
            char sig[500] = "";
            chk_func_sig(s->type->func, false, sig, sizeof sig);
            snprintf(hint, sizeof hint, "the host provides `%s`", sig);
        }
    }
    chk_report(c, &e->loc, CHK_SEV_ERROR, "unresolved-reference", hint[0] ? hint : NULL,
               "Name `%s` used when not defined; did you mean `%s`?", name, best);
}

static ChkType *
narrow_find(const State *st, const char *name)
{
    for (int i = st->nnarrow - 1; i >= 0; i--) {
        if (strcmp(st->narrow[i].name, name) == 0) {
            return st->narrow[i].type;
        }
    }
    return NULL;
}

static ChkType *
narrowed(Ctx *c, const char *name)
{
    if (c->comp_st && c->cur == c->comp_scope) {
        return narrow_find(c->comp_st, name);
    }
    if (!c->st || c->cur != c->flow_scope) {
        return NULL;
    }
    return narrow_find(c->st, name);
}

/* Type of a name found in an enclosing scope (no flow: read at call time). */
static ChkType *
enclosing_lookup(Ctx *c, int sid, const char *name, bool *found)
{
    *found = true;
    for (int p = c->scopes[sid]->parent; p >= 0; p = c->scopes[p]->parent) {
        Scope *ps = c->scopes[p];
        if (ps->kind == SC_CLASS) {
            continue;
        }
        Local *o = chk_scope_local(ps, name);
        if (o && o->global_decl) {
            Local *g = chk_scope_local(c->scopes[0], name);
            if (local_defined(g)) {
                ChkType *t = chk_local_type(c, 0, g);
                return t ? t : any(c);
            }
            break;
        }
        if (local_defined(o)) {
            ChkType *t = chk_local_type(c, p, o);
            return t ? t : any(c);
        }
    }
    ChkType *t = global_fallback(c, name);
    if (!t) {
        *found = false;
    }
    return t;
}

/* chk_name_type: see check_int.h. */
ChkType *
chk_name_type(Ctx *c, const AstExpr *e, bool report)
{
    const char *name = e->u.name.id.s;
    int sid = c->cur;
    Scope *s = c->scopes[sid];
    Local *l = chk_scope_local(s, name);
    ChkType *nt = narrowed(c, name);
    bool flow = report && c->st && sid == c->flow_scope && c->quiet == 0;
    if (l && l->global_decl) {
        Local *g = chk_scope_local(c->scopes[0], name);
        if (nt) {
            return nt;
        }
        if (local_defined(g)) {
            ChkType *t = chk_local_type(c, 0, g);
            return t ? t : any(c);
        }
        ChkType *t = global_fallback(c, name);
        if (!t && report) {
            report_unresolved(c, e, name);
        }
        return t ? t : any(c);
    }
    if (l && !l->nonlocal_decl && local_defined(l)) {
        int b = flow && !l->forced_any && l->index < c->st->nbound ? c->st->bound[l->index]
                                                                    : B_BOUND;
        bool strict = s->kind == SC_FUNC || s->kind == SC_LAMBDA || s->kind == SC_COMP;
        if (b == B_BOUND) {
            if (nt) {
                return nt;
            }
            ChkType *t = chk_local_type(c, sid, l);
            return t ? t : any(c);
        }
        if (strict) {
            if (b == B_UNBOUND) {
                chk_report(c, &e->loc, CHK_SEV_ERROR, "unresolved-reference", NULL,
                           "Name `%s` used when not defined (it is assigned only later in "
                           "this function)", name);
            } else {
                chk_report(c, &e->loc, CHK_SEV_WARNING, "possibly-unresolved-reference",
                           NULL, "Name `%s` used when possibly not defined", name);
            }
            ChkType *t = nt ? nt : chk_local_type(c, sid, l);
            return t ? t : any(c);
        }
        /* module / class level: an unbound global falls back to builtins */
        bool found = false;
        ChkType *fb = s->kind == SC_CLASS ? enclosing_lookup(c, sid, name, &found)
                                          : global_fallback(c, name);
        found = fb != NULL;
        if (!found) {
            if (b == B_UNBOUND) {
                chk_report(c, &e->loc, CHK_SEV_ERROR, "unresolved-reference", NULL,
                           "Name `%s` used when not defined (it is assigned only later)",
                           name);
            } else {
                chk_report(c, &e->loc, CHK_SEV_WARNING, "possibly-unresolved-reference",
                           NULL, "Name `%s` used when possibly not defined", name);
            }
        }
        ChkType *t = nt ? nt : chk_local_type(c, sid, l);
        if (b == B_UNBOUND && fb) {
            return fb;
        }
        return t ? t : any(c);
    }
    bool found = false;
    ChkType *t = enclosing_lookup(c, sid, name, &found);
    if (!found) {
        if (report) {
            report_unresolved(c, e, name);
        }
        return any(c);
    }
    return nt ? nt : t;
}

/* ---- substitution helpers ----------------------------------------------- */

/* chk_subst_self: class type variables of self_type's class -> its args. */
ChkType *
chk_subst_self(Ctx *c, ChkType *t, const ChkType *self_type)
{
    if (!self_type || self_type->kind != CHK_T_INST || self_type->nargs == 0) {
        return t;
    }
    TvMap m;
    chk_tvmap_from_self(&m, self_type);
    return chk_subst(c, t, &m);
}

/* ---- attributes --------------------------------------------------------- */

static ChkType *
member_type(Ctx *c, ChkSymbol *sym, ChkType *self_type, bool on_class)
{
    if (!sym->type) {
        return any(c);
    }
    if (sym->type->kind == CHK_T_FUNC && sym->is_method) {
        if (sym->is_static || (on_class && !sym->is_classmethod)) {
            return sym->type;
        }
        ChkType *bt = chk_type_new(c->arena, CHK_T_FUNC);
        bt->func = sym->type->func;
        bt->self_type = self_type;
        return bt;
    }
    return chk_subst_self(c, sym->type, self_type);
}

/* inherited_self: the base type through which `cls` inherits from `owner`
 * (e.g. dict[str, int] for class D(dict[str, int])), so that a method found
 * on a base binds its `self` and substitutes the base's type arguments;
 * an unparameterized instance of owner when no such path is written out. */
static ChkType *
inherited_self(Ctx *c, const ChkClass *cls, const ChkClass *owner, int depth)
{
    for (int i = 0; depth < 16 && i < cls->nbases; i++) {
        ChkType *b = cls->bases[i];
        if (!b || !b->cls) {
            continue;
        }
        if (b->cls == owner) {
            return b;
        }
        ChkType *r = inherited_self(c, b->cls, owner, depth + 1);
        if (r) {
            return r;
        }
    }
    return depth == 0 ? chk_type_inst(c->arena, (ChkClass *)owner, 0, NULL) : NULL;
}

static ChkType *
class_attr(Ctx *c, ChkClass *cls, ChkType *self_type, const char *name, bool on_class,
           bool *missing)
{
    const ChkClass *owner = NULL;
    if (cls->is_typeddict && !on_class) {
        /* a TypedDict's fields are keys, not attributes: it has dict's methods */
        ChkSymbol *ds = chk_class_lookup(c->lib->c_dict, name, &owner);
        if (ds) {
            ChkType *dt = chk_type_inst2(c->arena, c->lib->c_dict, c->lib->t_str, any(c));
            return member_type(c, ds, dt, false);
        }
        if (chk_class_lookup(c->lib->c_object, name, &owner)) {
            return any(c);
        }
        *missing = true;
        return NULL;
    }
    ChkSymbol *sym = chk_class_lookup(cls, name, &owner);
    if (!sym && cls->is_enum && (strcmp(name, "value") == 0 || strcmp(name, "name") == 0)) {
        return any(c);
    }
    if (!sym && chk_class_open(cls)) {
        return any(c);
    }
    if (!sym && cls != c->lib->c_object) {
        sym = chk_class_lookup(c->lib->c_object, name, &owner);
    }
    if (!sym) {
        *missing = true;
        return NULL;
    }
    if (on_class && sym->is_classmethod) {
        return member_type(c, sym, self_type, true);
    }
    if (on_class) {
        return member_type(c, sym, NULL, true);
    }
    /* a method inherited from a base is bound too (contract 8: no false
     * "missing argument self"); its class variables are the base's */
    ChkType *st = owner == cls || owner == NULL ? self_type : inherited_self(c, cls, owner, 0);
    return member_type(c, sym, st, false);
}

/* chk_attr_type: see check_int.h. */
ChkType *
chk_attr_type(Ctx *c, ChkType *t, const char *name, bool *missing)
{
    *missing = false;
    if (chk_type_is_any(t)) {
        return any(c);
    }
    switch (t->kind) {
    case CHK_T_UNION: {
        ChkType *u = NULL;
        bool all_missing = true;
        for (int i = 0; i < t->nargs; i++) {
            bool m = false;
            ChkType *r = chk_attr_type(c, t->args[i], name, &m);
            if (!m) {
                all_missing = false;
                u = chk_type_union(c->arena, u, r);
            }
        }
        *missing = all_missing;
        return u ? u : any(c);
    }
    case CHK_T_NONE:
        if (c->lib->c_nonetype) {
            return class_attr(c, c->lib->c_nonetype, t, name, false, missing);
        }
        return any(c);
    case CHK_T_INST:
        return class_attr(c, t->cls, t, name, false, missing);
    case CHK_T_CLASSOBJ:
        /* the class object itself binds a classmethod's `cls` */
        return class_attr(c, t->cls, t, name, true, missing);
    case CHK_T_MODULE: {
        ChkSymbol *s = chk_table_get(&t->mod->syms, name);
        if (!s) {
            *missing = !t->mod->any_attrs;
            return *missing ? NULL : any(c);
        }
        if (s->is_typevar || s->is_alias || !s->type || strcmp(t->mod->name, "typing") == 0) {
            return any(c);    /* typing's members are special forms: typing.Optional[int] */
        }
        return s->type;
    }
    case CHK_T_COROUTINE:
        if (strcmp(name, "send") == 0 || strcmp(name, "throw") == 0
            || strcmp(name, "close") == 0) {
            return any(c);
        }
        *missing = true;
        return NULL;
    default:
        return any(c);
    }
}

static void
suggest_members(ChkSuggest *sg, const ChkClass *cls, int depth)
{
    if (depth > 10) {
        return;
    }
    for (int i = 0; i < cls->members.len; i++) {
        chk_suggest_offer(sg, cls->members.order[i]->name);
    }
    for (int i = 0; i < cls->nbases; i++) {
        if (cls->bases[i] && cls->bases[i]->cls) {
            suggest_members(sg, cls->bases[i]->cls, depth + 1);
        }
    }
}

static const char *
coroutine_hint(const ChkType *t)
{
    return t && t->kind == CHK_T_COROUTINE
               ? "the value is a coroutine: did you forget `await`?" : NULL;
}

/* chk_check_coroutine_value: a call making a coroutine where its result was
 * meant — a condition (always true) or an f-string field (renders the
 * coroutine); the coroutine is dropped there, never awaited. */
void
chk_check_coroutine_value(Ctx *c, const AstExpr *e, ChkType *t, const char *what)
{
    if (!t || t->kind != CHK_T_COROUTINE || !e || e->kind != AST_CALL) {
        return;    /* a coroutine held in a name may still be awaited later */
    }
    chk_report(c, &e->loc, CHK_SEV_ERROR, "unused-awaitable",
               "await it: `await ...` (inside an `async def`, or at the top level)",
               "The coroutine used as %s is never awaited: did you forget `await`?", what);
}

static void
report_attr(Ctx *c, const AstExpr *e, ChkType *t, const char *name)
{
    ChkSuggest sg;
    chk_suggest_init(&sg, name);
    sg.budget = &c->suggest_budget;
    int n = t->kind == CHK_T_UNION ? t->nargs : 1;
    for (int i = 0; i < n; i++) {
        const ChkType *m = t->kind == CHK_T_UNION ? t->args[i] : t;
        if ((m->kind == CHK_T_INST || m->kind == CHK_T_CLASSOBJ) && m->cls) {
            suggest_members(&sg, m->cls, 0);
            if (m->cls->is_typeddict) {
                suggest_members(&sg, c->lib->c_dict, 0);
            }
        } else if (m->kind == CHK_T_MODULE) {
            for (int k = 0; k < m->mod->syms.len; k++) {
                if (!m->mod->syms.order[k]->is_typevar) {
                    chk_suggest_offer(&sg, m->mod->syms.order[k]->name);
                }
            }
        }
    }
    const char *best = chk_suggest_best(&sg);
    const char *hint = coroutine_hint(t);
    /* habits of other languages: list.push, dict.has_key, str.contains */
    for (int i = 0; i < n; i++) {
        const char *im = NULL;
        const char *ih = NULL;
        if (chk_idiom(c->lib, t->kind == CHK_T_UNION ? t->args[i] : t, name, &im, &ih)) {
            best = im;
            hint = ih;
            break;
        }
    }
    char ts[256];
    tstr(t, ts, sizeof ts);
    char dym[200] = "";
    if (best) {
        snprintf(dym, sizeof dym, "; did you mean `%s`?", best);
    }
    if (t->kind == CHK_T_MODULE) {
        chk_report(c, &e->loc, CHK_SEV_ERROR, "unresolved-attribute", hint,
                   "Module `%s` has no member `%s`%s", t->mod->name, name, dym);
    } else if (t->kind == CHK_T_CLASSOBJ) {
        chk_report(c, &e->loc, CHK_SEV_ERROR, "unresolved-attribute", hint,
                   "Class `%s` has no attribute `%s`%s", t->cls->name, name, dym);
    } else if (t->kind == CHK_T_INST && t->cls->is_typeddict) {
        chk_report(c, &e->loc, CHK_SEV_ERROR, "unresolved-attribute",
                   "a TypedDict is a dict: read fields with d[\"key\"] or d.get(\"key\")",
                   "Object of type `%s` has no attribute `%s`%s", ts, name, dym);
    } else {
        chk_report(c, &e->loc, CHK_SEV_ERROR, "unresolved-attribute", hint,
                   "Object of type `%s` has no attribute `%s`%s", ts, name, dym);
    }
}

/* ---- iteration ---------------------------------------------------------- */

static ChkType *
method_ret(Ctx *c, ChkType *t, const char *name)
{
    const ChkClass *owner = NULL;
    ChkSymbol *s = chk_class_lookup(t->cls, name, &owner);
    if (!s || !s->type || s->type->kind != CHK_T_FUNC) {
        return NULL;
    }
    ChkType *r = s->type->func->ret;
    return owner == t->cls ? chk_subst_self(c, r, t) : r;
}

/* chk_elem_type: see check_int.h. */
ChkType *
chk_elem_type(Ctx *c, ChkType *t)
{
    const ChkLib *lib = c->lib;
    if (chk_type_is_any(t)) {
        return any(c);
    }
    if (t->kind == CHK_T_UNION) {
        ChkType *u = NULL;
        for (int i = 0; i < t->nargs; i++) {
            if (t->args[i]->kind == CHK_T_NONE) {
                continue;
            }
            u = chk_type_union(c->arena, u, chk_elem_type(c, t->args[i]));
        }
        return u ? u : any(c);
    }
    if (t->kind != CHK_T_INST) {
        return any(c);
    }
    if (t->cls == lib->c_str) {
        return lib->t_str;
    }
    if (t->cls == lib->c_bytes || t->cls == lib->c_range) {
        return lib->t_int;
    }
    if (t->cls->is_typeddict) {
        return lib->t_str;
    }
    if (t->cls == lib->c_tuple) {
        if (t->tuple_var || t->nargs == 0) {
            return t->nargs ? t->args[0] : any(c);
        }
        ChkType *u = NULL;
        for (int i = 0; i < t->nargs; i++) {
            u = chk_type_union(c->arena, u, chk_type_widen(c->arena, t->args[i]));
        }
        return u;
    }
    ChkType *it = method_ret(c, t, "__iter__");
    if (it && it->kind == CHK_T_INST && it->nargs >= 1) {
        return it->args[0];
    }
    return any(c);
}

static bool
closed_inst(const ChkType *t)
{
    return t->kind == CHK_T_INST && t->cls && !chk_class_open(t->cls);
}

/* Reports `for x in <not iterable>` (None, int, ... proven). */
static void
check_iterable(Ctx *c, const AstExpr *e, ChkType *t)
{
    if (!t) {
        return;
    }
    int n = t->kind == CHK_T_UNION ? t->nargs : 1;
    for (int i = 0; i < n; i++) {
        const ChkType *m = t->kind == CHK_T_UNION ? t->args[i] : t;
        bool bad = m->kind == CHK_T_NONE || m->kind == CHK_T_COROUTINE
                   || m->kind == CHK_T_FUNC || m->kind == CHK_T_MODULE
                   || (closed_inst(m) && !m->cls->is_typeddict
                       && !chk_class_lookup(m->cls, "__iter__", NULL)
                       && !chk_class_lookup(m->cls, "__getitem__", NULL));
        if (!bad) {
            return;
        }
    }
    char ts[256];
    tstr(t, ts, sizeof ts);
    chk_report(c, &e->loc, CHK_SEV_ERROR, "not-iterable", coroutine_hint(t),
               "Object of type `%s` is not iterable", ts);
}

/* ---- subscripts --------------------------------------------------------- */

static const AstExpr *
const_str(const AstExpr *e)
{
    return e && e->kind == AST_CONSTANT && e->u.constant.kind == AST_CONST_STR ? e : NULL;
}

static bool
const_int(const AstExpr *e, int64_t *v)
{
    if (e && e->kind == AST_CONSTANT && e->u.constant.kind == AST_CONST_INT
        && !e->u.constant.is_big) {
        *v = e->u.constant.i;
        return true;
    }
    if (e && e->kind == AST_UNARYOP && e->u.unaryop.op == AST_USUB
        && const_int(e->u.unaryop.operand, v)) {
        *v = -*v;
        return true;
    }
    return false;
}

static void
report_typeddict_key(Ctx *c, const AstExpr *keye, const ChkClass *cls)
{
    const char *key = keye->u.constant.str.s;
    ChkSuggest sg;
    chk_suggest_init(&sg, key);
    sg.budget = &c->suggest_budget;
    for (int i = 0; i < cls->members.len; i++) {
        if (!cls->members.order[i]->is_method) {
            chk_suggest_offer(&sg, cls->members.order[i]->name);
        }
    }
    for (int b = 0; b < cls->nbases; b++) {
        const ChkClass *bc = cls->bases[b]->cls;
        for (int i = 0; bc && i < bc->members.len; i++) {
            chk_suggest_offer(&sg, bc->members.order[i]->name);
        }
    }
    const char *best = chk_suggest_best(&sg);
    char keys[300] = "";
    for (int i = 0; i < cls->members.len && strlen(keys) < 250; i++) {
        if (cls->members.order[i]->is_method) {
            continue;
        }
        if (keys[0]) {
            strcat(keys, ", ");
        }
        strcat(keys, "\"");
        strncat(keys, cls->members.order[i]->name, 60);
        strcat(keys, "\"");
    }
    char hint[400];
    snprintf(hint, sizeof hint, "keys of `%s`: %s", cls->name, keys);
    if (best) {
        chk_report(c, &keye->loc, CHK_SEV_ERROR, "invalid-key", hint,
                   "Unknown key \"%s\" for TypedDict `%s`; did you mean \"%s\"?", key,
                   cls->name, best);
    } else {
        chk_report(c, &keye->loc, CHK_SEV_ERROR, "invalid-key", hint,
                   "Unknown key \"%s\" for TypedDict `%s`", key, cls->name);
    }
}

static bool
has_key(const ChkType *t, const char *key)
{
    for (int i = 0; i < t->nkeys; i++) {
        if (strcmp(t->keys[i], key) == 0) {
            return true;
        }
    }
    return false;
}

static ChkType *
with_key_one(Ctx *c, ChkType *t, const char *key)
{
    if (t->kind != CHK_T_INST || !t->cls->is_typeddict || has_key(t, key)) {
        return t;
    }
    ChkType *n = chk_type_inst(c->arena, t->cls, t->nargs, t->args);
    if (n->kind != CHK_T_INST) {
        return t;
    }
    n->keys = ast_arena_alloc(c->arena, sizeof *n->keys * (size_t)(t->nkeys + 1));
    if (!n->keys) {
        return t;
    }
    for (int i = 0; i < t->nkeys; i++) {
        n->keys[i] = t->keys[i];
    }
    n->keys[t->nkeys] = key;
    n->nkeys = t->nkeys + 1;
    return n;
}

/* chk_with_key: see check_int.h. */
ChkType *
chk_with_key(Ctx *c, ChkType *t, const char *key)
{
    if (!t) {
        return NULL;
    }
    if (t->kind == CHK_T_UNION) {
        ChkType *u = NULL;
        bool changed = false;
        for (int i = 0; i < t->nargs; i++) {
            ChkType *m = with_key_one(c, t->args[i], key);
            changed |= m != t->args[i];
            u = chk_type_union(c->arena, u, m);
        }
        return changed ? u : NULL;
    }
    ChkType *m = with_key_one(c, t, key);
    return m != t ? m : NULL;
}

static ChkSymbol *
typeddict_field(const ChkClass *cls, const char *key)
{
    ChkSymbol *s = chk_class_lookup(cls, key, NULL);
    return s && !s->is_method ? s : NULL;
}

/* Subscript of one (non-union) type: NULL when proven unsubscriptable. */
static ChkType *
subscript_one(Ctx *c, const AstExpr *e, ChkType *v, bool store, bool *reported, bool member)
{
    const ChkLib *lib = c->lib;
    const AstExpr *idx = e->u.subscript.slice;
    switch (v->kind) {
    case CHK_T_ANY:
    case CHK_T_TYPEVAR:
    case CHK_T_CLASSOBJ:   /* list[int] and friends as values */
        return any(c);
    case CHK_T_NONE:
    case CHK_T_COROUTINE:
    case CHK_T_FUNC:
    case CHK_T_MODULE:
        return NULL;
    case CHK_T_UNION:
        return any(c);
    case CHK_T_INST:
        break;
    }
    if (v->cls->is_typeddict) {
        const AstExpr *k = const_str(idx);
        if (!k) {
            return any(c);
        }
        ChkSymbol *f = typeddict_field(v->cls, k->u.constant.str.s);
        if (!f) {
            if (member) {
                return NULL;    /* one member of a union: decided by the caller */
            }
            report_typeddict_key(c, k, v->cls);
            *reported = true;
            return any(c);
        }
        if (f->not_required && !store && !member && !has_key(v, k->u.constant.str.s)
            && !c->keyerror_guard) {
            const char *key = k->u.constant.str.s;
            char hint[300];
            snprintf(hint, sizeof hint, "use .get(\"%s\") or check `\"%s\" in ...` first", key,
                     key);
            chk_report(c, &k->loc, CHK_SEV_WARNING, "possibly-missing-key", hint,
                       "Key \"%s\" of TypedDict `%s` is not required and may be missing", key,
                       v->cls->name);
        }
        return f->type ? f->type : any(c);
    }
    if (chk_class_open(v->cls)) {
        return any(c);
    }
    if (idx->kind == AST_SLICE) {
        if (v->cls == lib->c_tuple) {
            ChkType *t = chk_type_inst1(c->arena, lib->c_tuple,
                                        chk_type_widen(c->arena, chk_elem_type(c, v)));
            t->tuple_var = true;
            return t;
        }
        if (v->cls == lib->c_list || v->cls == lib->c_str || v->cls == lib->c_bytes) {
            return chk_type_widen(c->arena, v);
        }
    }
    if (!store && v->cls == lib->c_tuple && !v->tuple_var && v->nargs > 0) {
        int64_t i = 0;
        if (const_int(idx, &i)) {
            int64_t j = i < 0 ? i + v->nargs : i;
            if ((j < 0 || j >= v->nargs) && member) {
                return NULL;
            }
            if (j < 0 || j >= v->nargs) {
                char ts[256];
                tstr(v, ts, sizeof ts);
                chk_report(c, &idx->loc, CHK_SEV_ERROR, "index-out-of-bounds", NULL,
                           "Index %lld is out of bounds for tuple `%s` with length %d",
                           (long long)i, ts, v->nargs);
                *reported = true;
                return any(c);
            }
            return v->args[j];
        }
    }
    const char *dunder = store ? "__setitem__" : "__getitem__";
    const ChkClass *owner = NULL;
    ChkSymbol *s = chk_class_lookup(v->cls, dunder, &owner);
    if (!s) {
        if (!store && chk_class_lookup(v->cls, "__class_getitem__", NULL)) {
            return any(c);
        }
        return NULL;
    }
    if (store || !s->type || s->type->kind != CHK_T_FUNC) {
        return any(c);
    }
    /* the last overload is the general one in our stubs (int before slice) */
    ChkFunc *f = s->type->func;
    ChkType *r = f->ret;
    if (f->next_overload && idx->kind == AST_SLICE) {
        r = f->next_overload->ret;
    }
    /* Counter(dict[Any, int]): dict's __getitem__ returns the base's int */
    return chk_subst_self(c, r, owner == v->cls ? v : inherited_self(c, v->cls, owner, 0));
}

static ChkType *
infer_subscript(Ctx *c, const AstExpr *e, bool store)
{
    ChkType *v = chk_infer(c, e->u.subscript.value);
    chk_infer(c, e->u.subscript.slice);
    bool reported = false;
    int n = v->kind == CHK_T_UNION ? v->nargs : 1;
    ChkType *u = NULL;
    bool all_fail = true;
    for (int i = 0; i < n; i++) {
        ChkType *m = v->kind == CHK_T_UNION ? v->args[i] : v;
        ChkType *r = subscript_one(c, e, m, store, &reported, n > 1);
        if (r) {
            all_fail = false;
            u = chk_type_union(c->arena, u, r);
        }
    }
    if (all_fail && n > 1) {
        /* every member fails: let the first one explain why */
        reported = false;
        subscript_one(c, e, v->args[0], store, &reported, false);
    }
    if (all_fail && !reported) {
        char ts[256];
        tstr(v, ts, sizeof ts);
        const char *hint = coroutine_hint(v);
        if (v->kind == CHK_T_FUNC) {
            hint = "a function is called with (...), not indexed with [...]";
        }
        if (store) {
            chk_report(c, &e->loc, CHK_SEV_ERROR, "invalid-assignment", hint,
                       "Object of type `%s` does not support item assignment", ts);
        } else {
            chk_report(c, &e->u.subscript.value->loc, CHK_SEV_ERROR, "not-subscriptable",
                       hint, "Cannot subscript object of type `%s` with no `__getitem__` "
                       "method", ts);
        }
        return any(c);
    }
    return u ? u : any(c);
}

/* ---- operators ---------------------------------------------------------- */

typedef enum Cat {
    CAT_OTHER, CAT_BOOL, CAT_INT, CAT_FLOAT, CAT_COMPLEX, CAT_STR, CAT_BYTES, CAT_LIST,
    CAT_TUPLE, CAT_DICT, CAT_SET, CAT_NONE, CAT_ANY,
} Cat;

/* True if cls itself declares an arithmetic / bitwise operator dunder
 * (Counter's __add__): its operators are its own, not its builtin base's. */
static bool
declares_operators(const ChkClass *cls)
{
    static const char *const ops[] = {
        "add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "or", "and", "xor",
        "lshift", "rshift", "matmul", NULL,
    };
    for (int i = 0; i < cls->members.len; i++) {
        const char *n = cls->members.order[i]->name;
        size_t len = strlen(n);
        if (len < 5 || n[0] != '_' || n[1] != '_' || n[len - 1] != '_') {
            continue;
        }
        const char *stem = n[2] == 'r' && n[3] != 's' ? n + 3 : n + 2;   /* __radd__ */
        for (int k = 0; ops[k]; k++) {
            size_t ol = strlen(ops[k]);
            if (strncmp(stem, ops[k], ol) == 0 && strcmp(stem + ol, "__") == 0) {
                return true;
            }
        }
    }
    return false;
}

static Cat
category(Ctx *c, const ChkType *t)
{
    const ChkLib *lib = c->lib;
    if (chk_type_is_any(t)) {
        return CAT_ANY;
    }
    if (t->kind == CHK_T_NONE) {
        return CAT_NONE;
    }
    if (t->kind != CHK_T_INST) {
        return CAT_OTHER;
    }
    const ChkClass *k = t->cls;
    if (k == lib->c_bool) {
        return CAT_BOOL;
    }
    if (k == lib->c_int) {
        return CAT_INT;
    }
    if (k == lib->c_float) {
        return CAT_FLOAT;
    }
    if (k == lib->c_complex) {
        return CAT_COMPLEX;
    }
    if (k == lib->c_str) {
        return CAT_STR;
    }
    if (k == lib->c_bytes) {
        return CAT_BYTES;
    }
    if (k == lib->c_list) {
        return CAT_LIST;
    }
    if (k == lib->c_tuple) {
        return CAT_TUPLE;
    }
    if (k == lib->c_dict || k->is_typeddict) {
        return CAT_DICT;
    }
    if (k == lib->c_set || k == lib->c_frozenset) {
        return CAT_SET;
    }
    /* a stub subclass of a builtin (NamedTuple, str/int Enum, Counter) that
     * does not define the operators itself behaves as its builtin base */
    if (!k->from_builtins && !chk_class_open(k) && !declares_operators(k)) {
        const ChkClass *const cls[] = {lib->c_tuple, lib->c_list, lib->c_str, lib->c_int,
                                       lib->c_float, lib->c_dict};
        static const Cat cats[] = {CAT_TUPLE, CAT_LIST, CAT_STR, CAT_INT, CAT_FLOAT, CAT_DICT};
        for (size_t i = 0; i < sizeof cats / sizeof cats[0]; i++) {
            if (chk_class_is_sub(k, cls[i])) {
                return cats[i];
            }
        }
    }
    return CAT_OTHER;
}

static bool
numeric(Cat k)
{
    return k == CAT_BOOL || k == CAT_INT || k == CAT_FLOAT || k == CAT_COMPLEX;
}

static const char *const op_dunder[AST_OPERATOR_COUNT] = {
    "add", "sub", "mul", "matmul", "truediv", "mod", "pow", "lshift", "rshift", "or", "xor",
    "and", "floordiv",
};

/* Result of `l op r` for non-union operands: NULL when unsupported. */
static ChkType *
binop_one(Ctx *c, ChkType *l, AstOperator op, ChkType *r, const AstExpr *right)
{
    const ChkLib *lib = c->lib;
    Cat a = category(c, l);
    Cat b = category(c, r);
    if (a == CAT_ANY || b == CAT_ANY) {
        return any(c);
    }
    if (numeric(a) && numeric(b)) {
        Cat m = a > b ? a : b;
        if (m == CAT_BOOL) {
            m = CAT_INT;
        }
        bool bitop = op == AST_LSHIFT || op == AST_RSHIFT || op == AST_BITOR
                     || op == AST_BITXOR || op == AST_BITAND;
        if (op == AST_MATMULT) {
            return NULL;
        }
        if (bitop) {
            if (m != CAT_INT) {
                return NULL;
            }
            return a == CAT_BOOL && b == CAT_BOOL && op != AST_LSHIFT && op != AST_RSHIFT
                       ? lib->t_bool : lib->t_int;
        }
        if (m == CAT_COMPLEX) {
            return op == AST_FLOORDIV || op == AST_MOD ? NULL : lib->t_complex;
        }
        if (op == AST_DIV) {
            return lib->t_float;
        }
        if (op == AST_POW && m == CAT_INT) {
            int64_t v = 0;
            if (const_int(right, &v) && v >= 0) {
                return lib->t_int;
            }
            return any(c);
        }
        return m == CAT_FLOAT ? lib->t_float : lib->t_int;
    }
    bool int_like_b = b == CAT_INT || b == CAT_BOOL;
    bool int_like_a = a == CAT_INT || a == CAT_BOOL;
    switch (a) {
    case CAT_STR:
    case CAT_BYTES:
        if (op == AST_MOD) {
            return chk_type_widen(c->arena, l);
        }
        if ((op == AST_ADD && b == a) || (op == AST_MULT && int_like_b)) {
            return chk_type_widen(c->arena, l);
        }
        if (b == CAT_OTHER) {
            break;
        }
        return NULL;
    case CAT_LIST:
    case CAT_TUPLE:
        if (op == AST_ADD && b == a) {
            if (a == CAT_LIST) {
                return chk_type_inst1(c->arena, lib->c_list,
                                      chk_type_union(c->arena, chk_elem_type(c, l),
                                                     chk_elem_type(c, r)));
            }
            return chk_type_widen(c->arena, l);
        }
        if (op == AST_MULT && int_like_b) {
            return l;
        }
        if (b == CAT_OTHER) {
            break;
        }
        return NULL;
    case CAT_DICT:
        if (op == AST_BITOR && b == CAT_DICT) {
            return l;
        }
        if (b == CAT_OTHER) {
            break;
        }
        return NULL;
    case CAT_SET:
        if ((op == AST_BITOR || op == AST_BITAND || op == AST_SUB || op == AST_BITXOR)
            && b == CAT_SET) {
            return l;
        }
        if (b == CAT_OTHER) {
            break;
        }
        return NULL;
    case CAT_NONE:
        if (b == CAT_OTHER) {
            break;
        }
        return NULL;
    default:
        break;
    }
    if (int_like_a && op == AST_MULT && (b == CAT_STR || b == CAT_BYTES || b == CAT_LIST
                                          || b == CAT_TUPLE)) {
        return chk_type_widen(c->arena, r);
    }
    if (a != CAT_OTHER && b != CAT_OTHER) {
        return NULL;
    }
    /* a class from the stubs: its dunder methods decide */
    char fwd[32];
    char rev[32];
    snprintf(fwd, sizeof fwd, "__%s__", op_dunder[op]);
    snprintf(rev, sizeof rev, "__r%s__", op_dunder[op]);
    bool open_side = false;
    if (l->kind == CHK_T_INST) {
        ChkType *rt = method_ret(c, l, fwd);
        if (rt) {
            return rt;
        }
        open_side |= chk_class_open(l->cls);
    } else if (a == CAT_OTHER) {
        open_side = true;
    }
    if (r->kind == CHK_T_INST) {
        ChkType *rt = method_ret(c, r, rev);
        if (rt) {
            return rt;
        }
        open_side |= chk_class_open(r->cls);
    } else if (b == CAT_OTHER) {
        open_side = true;
    }
    return open_side ? any(c) : NULL;
}

/* `l op= r` where the in-place method accepts more than the binary one:
 * list += any iterable, dict |= any mapping or iterable of pairs. */
bool
chk_inplace_accepts_any(Ctx *c, ChkType *l, AstOperator op)
{
    if (!l || l->kind != CHK_T_INST) {
        return false;
    }
    return (l->cls == c->lib->c_list && op == AST_ADD)
           || (l->cls == c->lib->c_dict && op == AST_BITOR);
}

static const char *
binop_hint(Ctx *c, ChkType *l, AstOperator op, ChkType *r)
{
    Cat a = category(c, l);
    Cat b = category(c, r);
    if (op == AST_ADD && ((a == CAT_STR && numeric(b)) || (numeric(a) && b == CAT_STR))) {
        return "convert with str(...) or use an f-string";
    }
    if (a == CAT_NONE || b == CAT_NONE) {
        return "one operand is None: check for None first";
    }
    if (l->kind == CHK_T_COROUTINE || r->kind == CHK_T_COROUTINE) {
        return "an operand is a coroutine: did you forget `await`?";
    }
    return NULL;
}

static ChkType *
binop_types(Ctx *c, const AstExpr *e, ChkType *l, AstOperator op, ChkType *r,
            const AstExpr *right)
{
    int nl = l->kind == CHK_T_UNION ? l->nargs : 1;
    int nr = r->kind == CHK_T_UNION ? r->nargs : 1;
    ChkType *u = NULL;
    bool ok = false;
    for (int i = 0; i < nl; i++) {
        for (int j = 0; j < nr; j++) {
            ChkType *a = l->kind == CHK_T_UNION ? l->args[i] : l;
            ChkType *b = r->kind == CHK_T_UNION ? r->args[j] : r;
            ChkType *t = binop_one(c, a, op, b, right);
            if (t) {
                ok = true;
                u = chk_type_union(c->arena, u, t);
            }
        }
    }
    if (!ok) {
        char ls[200];
        char rs[200];
        tstr(l, ls, sizeof ls);
        tstr(r, rs, sizeof rs);
        chk_report(c, &e->loc, CHK_SEV_ERROR, "unsupported-operator",
                   binop_hint(c, l, op, r),
                   "Operator `%s` is not supported between objects of type `%s` and `%s`",
                   ast_operator_symbol(op), ls, rs);
        return any(c);
    }
    return u ? u : any(c);
}

static bool
orderable(Ctx *c, ChkType *l, ChkType *r)
{
    Cat a = category(c, l);
    Cat b = category(c, r);
    if (a == CAT_ANY || b == CAT_ANY || a == CAT_OTHER || b == CAT_OTHER) {
        return true;
    }
    if (numeric(a) && numeric(b)) {
        return a != CAT_COMPLEX && b != CAT_COMPLEX;
    }
    if (a == b) {
        return a == CAT_STR || a == CAT_BYTES || a == CAT_LIST || a == CAT_TUPLE
               || a == CAT_SET;
    }
    return false;
}

static bool
container_ok(Ctx *c, ChkType *r)
{
    Cat b = category(c, r);
    if (b == CAT_NONE) {
        return false;
    }
    if (numeric(b)) {
        return false;
    }
    if (r->kind == CHK_T_COROUTINE || r->kind == CHK_T_FUNC) {
        return false;
    }
    return true;
}

static ChkType *
infer_compare(Ctx *c, const AstExpr *e)
{
    ChkType *l = chk_infer(c, e->u.compare.left);
    for (int i = 0; i < e->u.compare.n; i++) {
        const AstExpr *re = AST_SEQ_GET(e->u.compare.comparators, i);
        ChkType *r = chk_infer(c, re);
        AstCmpOp op = e->u.compare.ops[i];
        bool bad = false;
        int nl = l->kind == CHK_T_UNION ? l->nargs : 1;
        int nr = r->kind == CHK_T_UNION ? r->nargs : 1;
        if (op == AST_LT || op == AST_LTE || op == AST_GT || op == AST_GTE) {
            bad = true;
            for (int a = 0; a < nl && bad; a++) {
                for (int b = 0; b < nr && bad; b++) {
                    bad = !orderable(c, l->kind == CHK_T_UNION ? l->args[a] : l,
                                     r->kind == CHK_T_UNION ? r->args[b] : r);
                }
            }
        } else if (op == AST_IN || op == AST_NOTIN) {
            bad = true;
            for (int b = 0; b < nr && bad; b++) {
                bad = !container_ok(c, r->kind == CHK_T_UNION ? r->args[b] : r);
            }
        }
        if (bad) {
            char ls[200];
            char rs[200];
            tstr(l, ls, sizeof ls);
            tstr(r, rs, sizeof rs);
            chk_report(c, &e->loc, CHK_SEV_ERROR, "unsupported-operator",
                       binop_hint(c, l, AST_ADD, r),
                       "Operator `%s` is not supported between objects of type `%s` and `%s`",
                       ast_cmpop_symbol(op), ls, rs);
        }
        l = r;
    }
    return c->lib->t_bool;
}

static ChkType *
infer_unary(Ctx *c, const AstExpr *e)
{
    ChkType *t = chk_infer(c, e->u.unaryop.operand);
    if (e->u.unaryop.op == AST_NOT) {
        return c->lib->t_bool;
    }
    int n = t->kind == CHK_T_UNION ? t->nargs : 1;
    ChkType *u = NULL;
    bool ok = false;
    for (int i = 0; i < n; i++) {
        ChkType *m = t->kind == CHK_T_UNION ? t->args[i] : t;
        Cat k = category(c, m);
        if (k == CAT_ANY || k == CAT_OTHER) {
            return any(c);
        }
        if (numeric(k) && (e->u.unaryop.op != AST_INVERT || k == CAT_INT || k == CAT_BOOL)) {
            ok = true;
            u = chk_type_union(c->arena, u, k == CAT_BOOL ? c->lib->t_int
                                                          : chk_type_widen(c->arena, m));
        }
    }
    if (!ok) {
        char ts[200];
        tstr(t, ts, sizeof ts);
        static const char *const sym[] = {"~", "not", "+", "-"};
        chk_report(c, &e->loc, CHK_SEV_ERROR, "unsupported-operator", NULL,
                   "Unary operator `%s` is not supported for type `%s`",
                   sym[e->u.unaryop.op], ts);
        return any(c);
    }
    return u ? u : any(c);
}

/* ---- await -------------------------------------------------------------- */

/* `await` inside a plain `def` (or a lambda) is CPython's SyntaxError; at
 * module level monty allows it (top-level await). */
static void
check_await_context(Ctx *c, const AstExpr *e)
{
    for (int sid = c->cur; sid > 0; sid = c->scopes[sid]->parent) {
        const Scope *s = c->scopes[sid];
        if (s->kind == SC_COMP) {
            continue;
        }
        if (s->kind == SC_LAMBDA) {
            chk_report(c, &e->loc, CHK_SEV_ERROR, "invalid-await",
                       "a lambda cannot await: use an `async def` function instead",
                       "`await` used inside a lambda");
        } else if (s->kind == SC_FUNC && !s->is_async) {
            const AstStmt *def = s->node;
            char hint[300];
            snprintf(hint, sizeof hint, "declare it `async def %s(...)` and await its calls",
                     def->u.funcdef.name.s);
            chk_report(c, &e->loc, CHK_SEV_ERROR, "invalid-await", hint,
                       "`await` used inside `%s`, which is not an `async def` function",
                       def->u.funcdef.name.s);
        }
        return;
    }
}

static ChkType *
infer_await(Ctx *c, const AstExpr *e)
{
    check_await_context(c, e);
    ChkType *t = chk_infer(c, e->u.await_.value);
    int n = t->kind == CHK_T_UNION ? t->nargs : 1;
    ChkType *u = NULL;
    bool ok = false;
    for (int i = 0; i < n; i++) {
        ChkType *m = t->kind == CHK_T_UNION ? t->args[i] : t;
        if (chk_type_is_any(m)) {
            return any(c);
        }
        if (m->kind == CHK_T_COROUTINE) {
            ok = true;
            u = chk_type_union(c->arena, u, m->ret ? m->ret : any(c));
        } else if (m->kind == CHK_T_INST
                   && (chk_class_open(m->cls) || chk_class_lookup(m->cls, "__await__", NULL))) {
            return any(c);
        }
    }
    if (!ok) {
        char ts[200];
        tstr(t, ts, sizeof ts);
        const AstExpr *v = e->u.await_.value;
        const char *hint = "only coroutines (calls of `async def` functions) can be awaited; "
                           "remove `await`";
        chk_report(c, &v->loc, CHK_SEV_ERROR, "invalid-await", hint,
                   "`%s` is not awaitable", ts);
        return t;
    }
    return u ? u : any(c);
}

/* ---- containers and comprehensions -------------------------------------- */

static ChkType *
join_elts(Ctx *c, const AstSeq *elts, bool *has_star)
{
    ChkType *u = NULL;
    *has_star = false;
    for (int i = 0; i < elts->len; i++) {
        const AstExpr *el = AST_SEQ_GET(*elts, i);
        if (!el) {
            continue;
        }
        ChkType *t = chk_infer(c, el);
        if (el->kind == AST_STARRED) {
            *has_star = true;
            t = chk_elem_type(c, t);
        }
        u = chk_type_union(c->arena, u, chk_type_widen(c->arena, t));
    }
    return u ? u : any(c);
}

static ChkType *
infer_tuple(Ctx *c, const AstExpr *e)
{
    int n = e->u.list.elts.len;
    ChkType **args = ast_arena_alloc(c->arena, sizeof *args * (size_t)(n + 1));
    bool star = false;
    for (int i = 0; i < n; i++) {
        const AstExpr *el = AST_SEQ_GET(e->u.list.elts, i);
        ChkType *t = chk_infer(c, el);
        if (el->kind == AST_STARRED) {
            star = true;
        }
        if (args) {
            args[i] = t;
        }
    }
    if (!args || star) {
        ChkType *t = chk_type_inst1(c->arena, c->lib->c_tuple, any(c));
        t->tuple_var = true;
        return t;
    }
    return chk_type_inst(c->arena, c->lib->c_tuple, n, args);
}

static ChkType *
infer_comp(Ctx *c, const AstExpr *e)
{
    int csid = chk_scope_find(c, e);
    if (csid < 0) {
        return any(c);
    }
    int saved = c->cur;
    /* narrowings inside: the enclosing point's (the comprehension runs right
     * here), minus the comprehension's own names, plus its `if`s as they hold */
    State *saved_comp = c->comp_st;
    int saved_comp_scope = c->comp_scope;
    const State *base = c->comp_st && saved == c->comp_scope ? c->comp_st
                        : c->st && saved == c->flow_scope ? c->st : NULL;
    const AstSeq *gens = &e->u.comp.generators;
    bool has_ifs = false;
    for (int i = 0; i < gens->len && !has_ifs; i++) {
        has_ifs = ((const AstComprehension *)AST_SEQ_GET(*gens, i))->ifs.len > 0;
    }
    if (base && base->nnarrow == 0 && !has_ifs) {
        base = NULL;    /* nothing to narrow: names read their scope's types */
    }
    State cst = {0};
    if (base && base->nnarrow > 0) {
        cst.narrow = ast_arena_alloc(c->arena, sizeof *cst.narrow
                                                   * (size_t)(base->nnarrow + 1));
        cst.capnarrow = cst.narrow ? base->nnarrow + 1 : 0;
        Scope *cs = c->scopes[csid];
        for (int i = 0; cst.narrow && i < base->nnarrow; i++) {
            if (!chk_scope_local(cs, base->narrow[i].name)) {
                cst.narrow[cst.nnarrow++] = base->narrow[i];
            }
        }
    }
    for (int i = 0; i < gens->len; i++) {
        const AstComprehension *g = AST_SEQ_GET(*gens, i);
        c->cur = i == 0 ? saved : csid;
        if (i == 1 && base) {
            c->comp_st = &cst;
            c->comp_scope = csid;
        }
        ChkType *it = chk_infer(c, g->iter);
        check_iterable(c, g->iter, it);
        c->cur = csid;
        if (i == 0 && base) {
            c->comp_st = &cst;
            c->comp_scope = csid;
        }
        /* targets: Attribute/Subscript parts need checking; names are bound */
        for (int k = 0; k < g->ifs.len; k++) {
            const AstExpr *test = AST_SEQ_GET(g->ifs, k);
            chk_infer(c, test);
            if (base) {
                chk_narrow_expr(c, test, &cst, true);
            }
        }
    }
    c->cur = csid;
    ChkType *r;
    const ChkLib *lib = c->lib;
    if (e->kind == AST_DICTCOMP) {
        ChkType *k = chk_type_widen(c->arena, chk_infer(c, e->u.comp.key));
        ChkType *v = chk_type_widen(c->arena, chk_infer(c, e->u.comp.value));
        r = chk_type_inst2(c->arena, lib->c_dict, k, v);
    } else {
        ChkType *el = chk_type_widen(c->arena, chk_infer(c, e->u.comp.elt));
        if (e->kind == AST_LISTCOMP) {
            r = chk_type_inst1(c->arena, lib->c_list, el);
        } else if (e->kind == AST_SETCOMP) {
            r = chk_type_inst1(c->arena, lib->c_set, el);
        } else {
            r = c->c_generator ? chk_type_inst1(c->arena, c->c_generator, el) : any(c);
        }
    }
    c->cur = saved;
    c->comp_st = saved_comp;
    c->comp_scope = saved_comp_scope;
    return r;
}

static ChkType *
infer_lambda(Ctx *c, const AstExpr *e)
{
    const AstArguments *a = e->u.lambda.args;
    for (int i = 0; i < a->defaults.len; i++) {
        chk_infer(c, AST_SEQ_GET(a->defaults, i));
    }
    int lsid = chk_scope_find(c, e);
    if (lsid >= 0) {
        int saved = c->cur;
        c->cur = lsid;
        chk_infer(c, e->u.lambda.body);
        c->cur = saved;
    }
    return any(c);
}

/* ---- the dispatcher ----------------------------------------------------- */

static bool
forbidden_attr(const char *name)
{
    static const char *const names[] = {
        "__bases__", "__base__", "__mro__", "__subclasses__", "__globals__",
        "__code__", "__closure__", "__dict__", "__builtins__", "__func__", "__self__",
        "__getattribute__", "__reduce__", "__reduce_ex__", "__init_subclass__", "gi_frame",
        "gi_code", "cr_frame", "cr_code", "f_globals", "f_locals", "f_back", "tb_frame",
        "__loader__", "__spec__", NULL,
    };
    for (int i = 0; names[i]; i++) {
        if (strcmp(name, names[i]) == 0) {
            return true;
        }
    }
    return false;
}

static ChkType *
infer_attribute(Ctx *c, const AstExpr *e)
{
    ChkType *v = chk_infer(c, e->u.attribute.value);
    const char *name = e->u.attribute.attr.s;
    if (forbidden_attr(name)) {
        chk_report(c, &e->loc, CHK_SEV_ERROR, "forbidden-attribute",
                   "monty denies access to implementation objects; work with the values "
                   "themselves", "Attribute `%s` is not available in monty's sandbox", name);
        return any(c);
    }
    if (e->u.attribute.ctx != AST_LOAD) {
        return any(c);
    }
    bool missing = false;
    ChkType *t = chk_attr_type(c, v, name, &missing);
    size_t n = strlen(name);
    if (missing && n > 4 && name[0] == '_' && name[1] == '_' && name[n - 1] == '_'
        && name[n - 2] == '_') {
        /* dunders are protocol plumbing, not what models hallucinate: not
         * worth a false positive over an incomplete stub */
        return any(c);
    }
    if (missing) {
        report_attr(c, e, v, name);
        return any(c);
    }
    return t ? t : any(c);
}

static ChkType *
infer_const(Ctx *c, const AstExpr *e)
{
    const ChkLib *lib = c->lib;
    const AstConst *k = &e->u.constant;
    switch (k->kind) {
    case AST_CONST_NONE:
        return lib->t_none;
    case AST_CONST_TRUE:
    case AST_CONST_FALSE:
        return chk_type_lit_int(c->arena, lib->c_bool, CHK_LIT_BOOL, k->kind == AST_CONST_TRUE);
    case AST_CONST_INT:
        return k->is_big ? lib->t_int
                         : chk_type_lit_int(c->arena, lib->c_int, CHK_LIT_INT, k->i);
    case AST_CONST_FLOAT:
        return lib->t_float;
    case AST_CONST_COMPLEX:
        return lib->t_complex;
    case AST_CONST_STR:
        return chk_type_lit_str(c->arena, lib->c_str, k->str.s, k->str.len);
    case AST_CONST_BYTES:
        return lib->t_bytes;
    default:
        return any(c);
    }
}

/* chk_infer: the type of e, reporting what is proven wrong (unless quiet). */
ChkType *
chk_infer(Ctx *c, const AstExpr *e)
{
    const ChkLib *lib = c->lib;
    if (!e) {
        return any(c);
    }
    switch (e->kind) {
    case AST_CONSTANT:
        return infer_const(c, e);
    case AST_NAME:
        if (e->u.name.ctx != AST_LOAD) {
            return any(c);
        }
        return chk_name_type(c, e, true);
    case AST_JOINEDSTR:
        for (int i = 0; i < e->u.joinedstr.values.len; i++) {
            chk_infer(c, AST_SEQ_GET(e->u.joinedstr.values, i));
        }
        return lib->t_str;
    case AST_FORMATTEDVALUE:
        chk_check_coroutine_value(c, e->u.formattedvalue.value,
                                  chk_infer(c, e->u.formattedvalue.value),
                                  "an f-string field");
        chk_infer(c, e->u.formattedvalue.format_spec);
        return lib->t_str;
    case AST_LIST: {
        bool star = false;
        ChkType *el = join_elts(c, &e->u.list.elts, &star);
        if (e->u.list.ctx != AST_LOAD) {
            return any(c);
        }
        return chk_type_inst1(c->arena, lib->c_list, e->u.list.elts.len ? el : any(c));
    }
    case AST_TUPLE:
        if (e->u.list.ctx != AST_LOAD) {
            for (int i = 0; i < e->u.list.elts.len; i++) {
                chk_infer(c, AST_SEQ_GET(e->u.list.elts, i));
            }
            return any(c);
        }
        return infer_tuple(c, e);
    case AST_SET: {
        bool star = false;
        ChkType *el = join_elts(c, &e->u.set.elts, &star);
        return chk_type_inst1(c->arena, lib->c_set, el);
    }
    case AST_DICT: {
        ChkType *k = NULL;
        ChkType *v = NULL;
        for (int i = 0; i < e->u.dict.keys.len; i++) {
            const AstExpr *ke = AST_SEQ_GET(e->u.dict.keys, i);
            ChkType *vt = chk_infer(c, AST_SEQ_GET(e->u.dict.values, i));
            if (!ke) {
                k = chk_type_union(c->arena, k, any(c));
                v = chk_type_union(c->arena, v, any(c));
                continue;
            }
            k = chk_type_union(c->arena, k, chk_type_widen(c->arena, chk_infer(c, ke)));
            v = chk_type_union(c->arena, v, chk_type_widen(c->arena, vt));
        }
        return chk_type_inst2(c->arena, lib->c_dict, k ? k : any(c), v ? v : any(c));
    }
    case AST_BOOLOP: {
        /* `a and b`: b is evaluated where a held; `a or b`: where a did not */
        ChkType *u = NULL;
        State *saved = c->st;
        State local = {0};
        bool narrow = c->st && c->cur == c->flow_scope;
        for (int i = 0; i < e->u.boolop.values.len; i++) {
            const AstExpr *v = AST_SEQ_GET(e->u.boolop.values, i);
            u = chk_type_union(c->arena, u, chk_infer(c, v));
            if (narrow) {
                if (i == 0) {
                    /* the first operand always runs: its walrus binds for real */
                    chk_state_copy(c, &local, saved);
                    c->st = &local;
                }
                chk_narrow_expr(c, v, &local, e->u.boolop.op == AST_AND);
            }
        }
        if (narrow) {
            c->st = saved;
            chk_state_merge_maybe(saved, &local);
        }
        return u ? u : any(c);
    }
    case AST_NAMEDEXPR: {
        ChkType *t = chk_infer(c, e->u.namedexpr.value);
        if (c->st && e->u.namedexpr.target->kind == AST_NAME) {
            const char *n = e->u.namedexpr.target->u.name.id.s;
            if (c->cur == c->flow_scope) {
                chk_state_bind(c, c->st, n);
                chk_state_set_type(c, c->st, n, t);
            } else {
                /* a walrus in a comprehension binds in the enclosing scope,
                 * but only if the comprehension runs at least once */
                int sid = c->cur;
                while (sid > 0 && c->scopes[sid]->kind == SC_COMP) {
                    sid = c->scopes[sid]->parent;
                }
                Local *l = sid == c->flow_scope ? chk_scope_local(c->scopes[sid], n) : NULL;
                if (l && l->index < c->st->nbound && c->st->bound[l->index] == B_UNBOUND) {
                    c->st->bound[l->index] = B_MAYBE;
                }
            }
        }
        return t;
    }
    case AST_BINOP: {
        ChkType *l = chk_infer(c, e->u.binop.left);
        ChkType *r = chk_infer(c, e->u.binop.right);
        return binop_types(c, e, l, e->u.binop.op, r, e->u.binop.right);
    }
    case AST_UNARYOP:
        return infer_unary(c, e);
    case AST_LAMBDA:
        return infer_lambda(c, e);
    case AST_IFEXP: {
        chk_check_coroutine_value(c, e->u.ifexp.test, chk_infer(c, e->u.ifexp.test),
                                  "a condition (it is always true)");
        State *saved = c->st;
        bool narrow = c->st && c->cur == c->flow_scope;
        State yes;
        State no;
        if (narrow) {
            chk_state_copy(c, &yes, c->st);
            chk_state_copy(c, &no, c->st);
            chk_narrow_expr(c, e->u.ifexp.test, &yes, true);
            chk_narrow_expr(c, e->u.ifexp.test, &no, false);
            c->st = &yes;
        }
        ChkType *a = chk_infer(c, e->u.ifexp.body);
        if (narrow) {
            c->st = &no;
        }
        ChkType *b = chk_infer(c, e->u.ifexp.orelse);
        c->st = saved;
        if (narrow) {
            chk_state_merge_maybe(saved, &yes);
            chk_state_merge_maybe(saved, &no);
        }
        return chk_type_union(c->arena, a, b);
    }
    case AST_LISTCOMP:
    case AST_SETCOMP:
    case AST_DICTCOMP:
    case AST_GENERATOREXP:
        return infer_comp(c, e);
    case AST_AWAIT:
        return infer_await(c, e);
    case AST_YIELD:
        chk_infer(c, e->u.yield.value);
        return any(c);
    case AST_YIELDFROM:
        chk_infer(c, e->u.yieldfrom.value);
        return any(c);
    case AST_COMPARE:
        return infer_compare(c, e);
    case AST_CALL:
        return chk_call(c, e, chk_infer(c, e->u.call.func));
    case AST_ATTRIBUTE:
        return infer_attribute(c, e);
    case AST_SUBSCRIPT:
        return infer_subscript(c, e, e->u.subscript.ctx == AST_STORE);
    case AST_STARRED:
        return chk_infer(c, e->u.starred.value);
    case AST_SLICE:
        chk_infer(c, e->u.slice.lower);
        chk_infer(c, e->u.slice.upper);
        chk_infer(c, e->u.slice.step);
        return any(c);
    default:
        return any(c);
    }
}

void chk_check_iterable(Ctx *c, const AstExpr *e, ChkType *t);

/* chk_check_iterable: for flow.c, `for` loops report non-iterables. */
void
chk_check_iterable(Ctx *c, const AstExpr *e, ChkType *t)
{
    check_iterable(c, e, t);
}

/* chk_func_return: a script function's return type (annotation, else the
 * union of its return statements, else Any). */
static void
collect_returns(Ctx *c, const AstSeq *body, ChkType **u, int sid, bool *any_ret)
{
    for (int i = 0; i < body->len; i++) {
        const AstStmt *s = AST_SEQ_GET(*body, i);
        switch (s->kind) {
        case AST_RETURN: {
            ChkType *t = c->lib->t_none;
            if (s->u.return_.value) {
                int saved = c->cur;
                State *saved_st = c->st;
                c->cur = sid;
                c->st = NULL;
                c->quiet++;
                t = chk_infer(c, s->u.return_.value);
                c->quiet--;
                c->cur = saved;
                c->st = saved_st;
            }
            *u = chk_type_union(c->arena, *u, chk_type_widen(c->arena, t));
            *any_ret = true;
            break;
        }
        case AST_IF:
        case AST_WHILE:
            collect_returns(c, &s->u.if_.body, u, sid, any_ret);
            collect_returns(c, &s->u.if_.orelse, u, sid, any_ret);
            break;
        case AST_FOR:
        case AST_ASYNCFOR:
            collect_returns(c, &s->u.for_.body, u, sid, any_ret);
            collect_returns(c, &s->u.for_.orelse, u, sid, any_ret);
            break;
        case AST_WITH:
        case AST_ASYNCWITH:
            collect_returns(c, &s->u.with.body, u, sid, any_ret);
            break;
        case AST_TRY:
        case AST_TRYSTAR:
            collect_returns(c, &s->u.try_.body, u, sid, any_ret);
            for (int k = 0; k < s->u.try_.handlers.len; k++) {
                const AstExceptHandler *h = AST_SEQ_GET(s->u.try_.handlers, k);
                collect_returns(c, &h->body, u, sid, any_ret);
            }
            collect_returns(c, &s->u.try_.orelse, u, sid, any_ret);
            collect_returns(c, &s->u.try_.finalbody, u, sid, any_ret);
            break;
        case AST_MATCH:
            for (int k = 0; k < s->u.match.cases.len; k++) {
                const AstMatchCase *mc = AST_SEQ_GET(s->u.match.cases, k);
                collect_returns(c, &mc->body, u, sid, any_ret);
            }
            break;
        default:
            break;
        }
    }
}

/* chk_func_return: see check_int.h (annotation, else the union of the
 * function's return statements, else Any; cached per function). */
ChkType *
chk_func_return(Ctx *c, ChkFunc *f)
{
    if (f->ret) {
        return f->ret;
    }
    if (!f->def || f->scope_id < 0) {
        return any(c);
    }
    if (f->ret_state == 2) {
        return f->ret_inferred;
    }
    if (f->ret_state == 1) {
        return any(c);
    }
    Scope *s = c->scopes[f->scope_id];
    if (s->is_generator) {
        f->ret_state = 2;
        f->ret_inferred = any(c);
        return any(c);
    }
    f->ret_state = 1;
    ChkType *u = NULL;
    bool any_ret = false;
    const AstSeq *body = &f->def->u.funcdef.body;
    collect_returns(c, body, &u, f->scope_id, &any_ret);
    const AstStmt *last = body->len ? AST_SEQ_GET(*body, body->len - 1) : NULL;
    if (!last || (last->kind != AST_RETURN && last->kind != AST_RAISE)) {
        /* may fall off the end: returns None; if unsure, Any */
        if (last && (last->kind == AST_IF || last->kind == AST_TRY || last->kind == AST_MATCH
                     || last->kind == AST_WHILE || last->kind == AST_WITH)) {
            u = any_ret ? any(c) : chk_type_union(c->arena, u, c->lib->t_none);
        } else {
            u = chk_type_union(c->arena, u, c->lib->t_none);
        }
    }
    f->ret_inferred = u ? u : any(c);
    f->ret_state = 2;
    return f->ret_inferred;
}
